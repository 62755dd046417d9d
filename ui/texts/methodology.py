"""Strings of the Methodology page: every metric in plain words and as a formula, with references.

Sections are listed in ``SECTIONS`` (page order); each has ``method.<id>.title`` and
``method.<id>.body`` (Markdown with KaTeX formulas between ``$``). ``tests/test_methodology.py``
checks that every metric the library computes has a section, and — through :data:`DESCRIBES` — that
each section names library code that exists and quotes the code's constants as they are: change a
threshold in the code without the text (or the text without the code) and the test fails.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Quote:
    """A constant of the code as a section quotes it: ``constant`` is a dotted path (module, then
    attributes, dict keys or dataclass fields — a field gives its default, a ``SourcedValue`` its
    value), ``value`` what the text says it is, ``ru`` / ``en`` the words that must appear in the body.
    ``pending``: the constant arrives with another branch (its name), checked once it exists."""

    constant: str
    value: Any
    ru: str
    en: str
    pending: str = ""


@dataclass(frozen=True)
class Describes:
    """What a section describes: the library functions (dotted paths) and the constants it quotes."""

    functions: tuple[str, ...]
    quotes: tuple[Quote, ...] = ()


_R = "analytics.models.rules."
_C = "analytics.models.clusters."
_S = "analytics.metrics.specialization."
DESCRIBES: dict[str, Describes] = {
    "lq": Describes(
        (_S + "location_quotient", "analytics.services.sector_portfolio.portfolio", _C + "find_candidates")
    ),
    "strong": Describes(
        (_S + "strong_clusters",),
        (
            Quote(_S + "STRONG_CLUSTER_LQ_PERCENTILE", 0.75, "75-го перцентиля", "75th percentile"),
            Quote(_S + "STRONG_CLUSTER_LQ_PERCENTILE_STRICT", 0.90, "90-й перцентиль", "90th percentile"),
            Quote(_S + "STRONG_CLUSTER_SIZE_PERCENTILE", 0.25, "25-го перцентиля", "25th percentile"),
        ),
    ),
    "complexity": Describes(
        ("analytics.metrics.complexity.economic_complexity", "analytics.metrics.complexity.complexity_plausibility"),
        (Quote("analytics.metrics.complexity.PLAUSIBILITY_MIN_SECTORS", 50, "меньше 50", "fewer than 50"),),
    ),
    "opportunities": Describes(
        ("analytics.metrics.complexity.opportunities",),
        (
            Quote(
                "analytics.metrics.complexity.OPPORTUNITY_PRESETS.low_hanging_fruit",
                (0.60, 0.15, 0.25),
                "60/15/25",
                "60/15/25",
            ),
            Quote(
                "analytics.metrics.complexity.OPPORTUNITY_PRESETS.balanced", (0.50, 0.15, 0.35), "50/15/35", "50/15/35"
            ),
            Quote(
                "analytics.metrics.complexity.OPPORTUNITY_PRESETS.long_jump", (0.45, 0.20, 0.35), "45/20/35", "45/20/35"
            ),
        ),
    ),
    "robustness": Describes(
        ("analytics.services.sector_portfolio.opportunity_robustness",),
        (Quote("analytics.services.sector_portfolio.ROBUST_SHARE", 0.75, "75\u00a0%", "75%"),),
    ),
    "stars": Describes(
        (_C + "find_candidates", _C + "StarParams"),
        (
            Quote(_C + "StarParams.size_top", 0.10, "размер — верхние 10\u00a0%", "size — top 10%"),
            Quote(_C + "StarParams.specialisation_lq", 2.0, "LQ ≥ 2", "LQ ≥ 2"),
            Quote(_C + "StarParams.focus_top", 0.10, "фокус — верхние 10\u00a0%", "focus — top 10%"),
            Quote(
                _C + "StarParams.productivity_top",
                0.10,
                "производительность — верхние 10\u00a0%",
                "productivity — top 10%",
            ),
            Quote(_C + "StarParams.dynamism_top", 0.10, "динамика — верхние 10\u00a0%", "dynamism — top 10%"),
        ),
    ),
    "composite": Describes(
        (_C + "score", _C + "ScoreWeights"),
        (
            Quote(
                _C + "SCORE_COMPONENTS",
                ("size", "specialisation", "growth", "completeness", "cooperation"),
                "размер, специализация, рост, полнота цепочки, кооперация",
                "size, specialisation, growth, completeness, cooperation",
            ),
        ),
    ),
    "registry": Describes(
        ("analytics.models.registry.evaluate", "analytics.models.registry.registry_check"),
        (
            Quote(_R + "FUNCTIONAL_DEPENDENCE_MIN", 0.20, "не ниже 20\u00a0%", "at least 20%"),
            Quote(_R + "FUNCTIONAL_DEPENDENCE_MIN_RELAXED", 0.10, "не ниже 10\u00a0%", "at least 10%"),
            Quote(
                _R + "RELAXED_TRIGGER_PARTICIPANT_SHARE",
                0.30,
                "не менее 30\u00a0% участников",
                "at least 30% of the participants",
            ),
            Quote(_R + "MAX_ORGANISING_PRODUCTION", 3, "не более 3 участников", "at most 3 participants"),
            Quote(
                _R + "MIN_INDUSTRIAL_PARTICIPANTS",
                10,
                "не менее 10 промышленных участников",
                "at least 10 industrial participants",
            ),
            Quote(
                _R + "MIN_INFRASTRUCTURE_ORGANISATIONS",
                1,
                "не менее 1 организации инфраструктуры",
                "at least 1 infrastructure organisation",
            ),
            Quote(
                _R + "MIN_SPECIALISED_ORGANISATIONS",
                1,
                "не менее 1 специализированной организации",
                "at least 1 specialised organisation",
            ),
            Quote(_R + "FUNCTIONAL_DEPENDENCE_SUPPLIERS", "others", "не друг у друга", "not from one another"),
            Quote(
                _R + "DECREE_779_CLAUSES.779:req:a",
                ("Требования, подп. «а»", "Requirements, sub-clause «a»", "confirmed"),
                "подп. «а»",
                "sub-clause «a»",
            ),
        ),
    ),
    "roadmap": Describes(
        (
            "analytics.models.roadmap.registry_roadmap",
            "analytics.metrics.io_links.code_coefficients",
            "analytics.services.application_pack.application_pack",
        ),
        (
            Quote("analytics.models.roadmap.MIN_COEFFICIENT", 0.01, "не меньше 0,01 ₽", "at least 0.01 ₽"),
            Quote("analytics.models.roadmap.MAX_SUPPLIER_SHARE", 0.25, "25\u00a0% его выручки", "25% of its revenue"),
            Quote("analytics.models.roadmap.MIN_LINK_MLN_RUB", 0.1, "не меньше 0,1 млн ₽", "at least RUB 0.1 mln"),
        ),
    ),
    "regimes": Describes(
        ("analytics.models.subsidy.evaluate",),
        (
            Quote(_R + "REGIMES.joint_2016.max_share", 0.50, "2016–2018: до 50\u00a0%", "2016–2018: up to 50%"),
            Quote(_R + "REGIMES.joint_2019.max_share", 0.30, "2019–2022: до 30\u00a0%", "2019–2022: up to 30%"),
            Quote(_R + "REGIMES.components_2023.max_share", 0.50, "с 2023 года: до 50\u00a0%", "from 2023: up to 50%"),
            Quote(_R + "REGIMES.components_2023.cap_mln_rub", 150.0, "150 млн ₽", "150 mln ₽"),
        ),
    ),
    "npv_irr": Describes(("analytics.metrics.finance.npv", "analytics.metrics.finance.irr")),
    "peers": Describes(
        ("analytics.metrics.peers.peer_similarity", "analytics.services.peers.peer_regions"),
        (Quote("analytics.metrics.peers.MAX_SIZE_RATIO", 10.0, "в 10 раз", "10 times"),),
    ),
    "budget": Describes(
        ("analytics.models.subsidy.evaluate",),
        (
            Quote(
                "analytics.models.subsidy.Scenario.payment_lag_years",
                1,
                "по умолчанию лаг 1 год",
                "default lag of 1 year",
                pending="subsidy",
            ),
            Quote(
                "analytics.models.subsidy.Scenario.additionality",
                0.0,
                "(по умолчанию 0)",
                "(default 0)",
                pending="subsidy",
            ),
        ),
    ),
}

SECTIONS: tuple[str, ...] = (
    "lq",
    "growth",
    "shift_share",
    "structure",
    "peers",
    "strong",
    "quadrants",
    "proximity",
    "complexity",
    "opportunities",
    "robustness",
    "stars",
    "composite",
    "registry",
    "roadmap",
    "regimes",
    "npv_irr",
    "budget",
    "io",
    "io_regional",
    "data",
)

RU: dict[str, str] = {
    "nav.methodology": "Методика",
    "method.title": "Методика",
    "method.code": "В коде: {functions}",
    "method.intro": (
        "Как считается каждый показатель, откуда взяты формулы и какие данные условны. Обозначения: "
        "$x_{rs}$ — значение (занятые, выручка) региона $r$ в отрасли $s$; $x_r$, $x_s$, $x$ — итоги "
        "по региону, по отрасли и по базе сравнения (по умолчанию — все регионы России)."
    ),
    "method.lq.title": "Коэффициент локализации (LQ, RCA)",
    "method.lq.body": (
        "Во сколько раз доля отрасли в обрабатывающей промышленности региона больше её доли в "
        "обрабатывающей промышленности базы сравнения. LQ > 1 — регион специализирован в отрасли.\n\n"
        "$$LQ_{rs} = \\frac{x_{rs} / x_r}{x_s / x}$$\n\n"
        "Здесь $x_r$ — занятые в обрабатывающих производствах региона (разделы 10–33 раздела C ОКВЭД 2), "
        "$x$ — то же по базе сравнения: загружаемая отраслевая статистика охватывает обработку, поэтому "
        "LQ считается относительно обработки, а не всей экономики. Так считают и страница «Отрасли», и "
        "страница «Кластеры» (для кластера — сумма его кодов раздела C против остальной обработки региона). "
        "Присутствие отрасли $M_{rs} = 1$, если $LQ_{rs} \\ge 1$; непрерывный вариант "
        "$M_{rs} = RCA/(1+RCA)$. Источник: Balassa (1965); US Cluster Mapping; Harvard Growth Lab."
    ),
    "method.growth.title": "Темп роста",
    "method.growth.body": (
        "Среднегодовой темп роста за период и тот же темп в базе сравнения; на диаграмме портфеля — "
        "их разность в процентных пунктах.\n\n"
        "$$CAGR = \\left(\\frac{v_{end}}{v_{start}}\\right)^{1/(end-start)} - 1$$"
    ),
    "method.shift_share.title": "Разложение изменения (shift-share)",
    "method.shift_share.body": (
        "Изменение занятости отрасли в регионе делится на три части: рост, как у всей страны; вклад "
        "отраслевой структуры (отрасль растёт быстрее или медленнее экономики); конкурентный эффект "
        "самого региона.\n\n"
        "$$\\Delta x_{rs} = x^0_{rs} g + x^0_{rs}(g_s - g) + x^0_{rs}(g_{rs} - g_s)$$\n\n"
        "Вариант Эстебан-Маркильяса выделяет эффект размещения с гомотетической занятостью "
        "$\\hat x_{rs} = x^0_r x^0_s / x^0$; динамический (Barff–Knight) — сумма погодовых разложений. "
        "Части всегда складываются в изменение."
    ),
    "method.structure.title": "Структура экономики региона",
    "method.structure.body": (
        "Индекс Кругмана $K_r = \\sum_s |s_{rs} - s_s|$ (0–2) — насколько структура региона отличается "
        "от базы; индекс Хахмана $1 / \\sum_s s_{rs} LQ_{rs}$ — похожесть на базу (1 — совпадает); "
        "$HHI = \\sum_s s_{rs}^2$ — концентрация; энтропия $-\\sum_s s_{rs} \\log_2 s_{rs}$ — разнообразие."
    ),
    "method.peers.title": "Похожие регионы",
    "method.peers.body": (
        "Похожие регионы — те, у кого похожа структура обрабатывающей промышленности и сопоставим размер. "
        "Структура: доли занятых $s_{rd}$ по разделам ОКВЭД 10–33 за год; сходство структур — косинус "
        "$\\cos(r,p) = \\sum_d s_{rd} s_{pd} / (\\lVert s_r \\rVert \\lVert s_p \\rVert)$ (0–1). "
        "Размер: $E$ — занятые в обработке; поправка "
        "$f = \\max(0,\\ 1 - |\\ln(E_p / E_r)| / \\ln 10)$: 1 при равном размере, около 0,70 — при "
        "вдвое большем или меньшем, 0 — если регион больше или меньше в 10 раз и более.\n\n"
        "$$\\text{сходство} = \\cos(r,p) \\times f$$\n\n"
        "По умолчанию показываются 5 регионов с наибольшим сходством; список можно изменить вручную. "
        "Косинусная близость отраслевых векторов — как в работах о технологической близости (Jaffe, 1986); "
        "поправка на размер — выбор проекта."
    ),
    "method.strong.title": "Сильный кластер (US Cluster Mapping)",
    "method.strong.body": (
        "Отрасль региона — сильная, если её LQ не ниже 75-го перцентиля LQ этой отрасли по регионам и "
        "не ниже 1, а занятость и число организаций выше 25-го перцентиля (строгий вариант — 90-й "
        "перцентиль). Перцентили считаются по регионам с ненулевой занятостью, по отрасли и году."
    ),
    "method.quadrants.title": "Квадранты портфеля",
    "method.quadrants.body": (
        "Звёзды — LQ ≥ 1 и LQ растёт; зрелые — LQ ≥ 1, но снижается; растущие — LQ < 1 и растёт; "
        "трансформирующиеся — LQ < 1 и снижается (классификация Университета Пердью)."
    ),
    "method.proximity.title": "Близость отраслей и плотность",
    "method.proximity.body": (
        "Две отрасли близки, если регионы часто специализируются в них одновременно:\n\n"
        "$$\\varphi_{st} = \\frac{\\sum_r M_{rs} M_{rt}}{\\max(k_s, k_t)}, \\qquad k_s = \\sum_r M_{rs}$$\n\n"
        "Плотность — доля близких к отрасли отраслей, уже развитых в регионе: "
        "$\\omega_{rs} = \\sum_t M_{rt} \\varphi_{st} / \\sum_t \\varphi_{st}$; расстояние $= 1 - \\omega$. "
        "Диагональ близости по умолчанию 0 (как в Stata `ecomplexity` и Атласе)."
    ),
    "method.complexity.title": "Экономическая сложность (ECI, PCI, COI, COG)",
    "method.complexity.body": (
        "Разнообразие региона $k_r = \\sum_s M_{rs}$ и повсеместность отрасли $k_s$. Сложность отраслей — "
        "собственный вектор второго по величине собственного числа матрицы "
        "$\\tilde M = (M / k_s)^T (M / k_r)$; ECI — средняя сложность отраслей региона, обе величины "
        "стандартизованы (по умолчанию — по длинной таблице, ddof = 1, как в Stata). COI — насколько "
        "сложны отрасли рядом с регионом; COG — выигрыш в COI от освоения отрасли. "
        "Источник: Hidalgo & Hausmann (2009); Harvard Growth Lab.\n\n"
        "Правдоподобие: если отраслей меньше 50 или все они из одного раздела ОКВЭД 2 (24 подраздела "
        "обработки — и то и другое), рядом с ECI, PCI и оценкой возможностей выводится предупреждение: "
        "на таком грубом делении место региона решают одна-две крупные отрасли."
    ),
    "method.opportunities.title": "Возможности: оценка отраслей для привлечения",
    "method.opportunities.body": (
        "Кандидаты — отрасли с RCA < 1. Оценка "
        "$w_d z(-distance) + w_c z(PCI) + w_g z(COG)$; стратегии Атласа: ближайшие шаги 60/15/25, "
        "сбалансированная 50/15/35, дальний прыжок 45/20/35."
    ),
    "method.robustness.title": "Устойчивость рейтингов",
    "method.robustness.body": (
        "Рейтинг пересчитывается при порогах RCA 0,8 / 1 / 1,25, непрерывном присутствии, базе «Россия» "
        "или «свой округ» и другом показателе (занятые / выручка). Отрасль устойчиво в топе, если "
        "остаётся в первых пяти не менее чем в 75\u00a0% вариантов; согласие порядка — τ Кендалла."
    ),
    "method.stars.title": "Звёзды Европейской кластерной обсерватории",
    "method.stars.body": (
        "Звёзды ставятся по статистике кластера (сумма его кодов раздела C) в сравнении с тем же кластером "
        "во всех регионах, где в нём есть занятые (перцентили с линейной интерполяцией): размер — верхние "
        "10\u00a0% по занятости кластера $E_{rc}$; специализация — LQ ≥ 2; фокус — верхние 10\u00a0% по доле кластера "
        "в занятости обработки региона $E_{rc} / E_r$; как в поздних изданиях Обсерватории, "
        "производительность — верхние 10\u00a0% по выручке на занятого относительно России и динамика — верхние "
        "10\u00a0% по среднегодовому росту занятости. Пороги — параметры. Источник: Ketels & Protsiv (2013/2014)."
    ),
    "method.composite.title": "Сводная оценка кластера",
    "method.composite.body": (
        "Сводная оценка $= 100 \\times \\sum_k w_k s_k / \\sum_k w_k$ по составляющим "
        "(размер, специализация, рост, полнота цепочки, кооперация), у которых есть значение; веса $w_k$ "
        "задаёт пользователь на странице «Кластеры». Размер, специализация и рост — процентильные ранги "
        "(0–1) занятости $E_{rc}$, LQ и среднегодового роста кластера среди регионов, где в нём есть "
        "занятые: $(\\text{ранг} - 1)/(n - 1)$, при равенстве — средний ранг. Полнота цепочки — доля (с весами) "
        "кодов-поставщиков шаблона, по которым в регионе есть предприятие. Кооперация — доля закупок "
        "участников, купленная у участников (0–1), как есть: раньше она делилась на порог реестра 20\u00a0%, "
        "но тот порог относится к другой величине (закупки конечных производителей у других участников), "
        "и деление давало полный балл за порог, который эта доля не проверяет."
    ),
    "method.registry.title": "Требования к кластеру для реестра Минпромторга (ПП РФ № 779)",
    "method.registry.body": (
        "Проверка требований ПП РФ № 779 к промышленному кластеру; каждое правило на странице «Кластеры» "
        "указывает свой подпункт (буквы подпунктов, кроме подп. «а», не сверены с полным текстом и "
        "помечены).\n\n"
        "1. Договоры (подп. «а»): у каждого участника есть хотя бы один договор с другим участником; в данных "
        "это поставка года в любую сторону. Нарушение у любого участника блокирует соответствие. "
        "Специализированная организация участником не считается.\n"
        "2. Участники, организующие производство (ред. № 1956 от 16.11.2021): допускается не более 3 участников, "
        "не производивших продукцию в кластере в предыдущем отчётном периоде, но организующих производство. "
        "Они отмечаются в данных (столбец «организует производство» таблицы предприятий) и не обязаны "
        "показывать поставки: их договор о проекте в данных не виден. Срок «в течение 3 лет» в источниках "
        "не найден и не применяется.\n"
        "3. Общий уровень функциональной зависимости не ниже 20\u00a0%:\n\n"
        "$$FD = \\frac{\\sum \\text{закупки конечных производителей у других участников}}"
        "{\\sum \\text{все закупки конечных производителей}}$$\n\n"
        "Конечные производители — промышленные участники с кодами ядра шаблона; «другие участники» — "
        "поставщики, которые сами не конечные производители, то есть закупки конечных производителей "
        "не друг у друга. Вариант с закупками «ядро → ядро» считается рядом как проверка чувствительности.\n"
        "4. Пониженный уровень — не ниже 10\u00a0%, если не менее 30\u00a0% участников работают в субъекте РФ с "
        "индивидуальной программой социально-экономического развития (10 регионов программ 2020 года), на "
        "геостратегической территории или в моногороде (эти два перечня не загружены — их вводит аналитик).\n"
        "5. Состав: не менее 10 промышленных участников, не менее 1 организации инфраструктуры и не менее 1 "
        "специализированной организации — отмечены как требующие проверки и оставлены редактируемыми."
    ),
    "method.roadmap.title": "Путь в реестр: наименьший набор договоров",
    "method.roadmap.body": (
        "Какие новые договоры поставки между участниками закрыли бы невыполненные правила о договорах и о "
        "функциональной зависимости. Пара «поставщик $s$ → покупатель $b$» правдоподобна, если оба — "
        "участники, $s \\ne b$, договора между ними ещё нет, продукция покупателя использует продукцию "
        "поставщика по симметричной таблице «затраты-выпуск» Росстата за 2021 г. (все ресурсы) с "
        "коэффициентом не меньше 0,01 ₽ на 1 ₽ выпуска,\n\n"
        "$$a_{SB} = \\frac{\\sum_{i \\in S, j \\in B} z_{ij}}{\\sum_{j \\in B} x_j},$$\n\n"
        "где $S$, $B$ — продукты ОКПД 2, соответствующие кодам ОКВЭД 2 поставщика и покупателя; сумма "
        "договора не больше закупок покупателя вне кластера, а все новые продажи поставщика — не больше "
        "25\u00a0% его выручки; договор не меньше 0,1 млн ₽. Эти параметры — методический выбор проекта, не "
        "норма постановления.\n\n"
        "Наименьший набор — смешанная целочисленная задача (scipy, HiGHS): сначала наименьшее число "
        "договоров, затем наименьшая сумма при этом числе, при условиях $\\sum v \\ge T \\cdot P - S$ "
        "(недостающие закупки у участников; $T$ — порог правила, $P$ — все закупки конечных производителей, "
        "$S$ — их закупки у участников сейчас) и «у каждого участника без договора есть договор в наборе». "
        "Оптимальность доказывается решателем (или нижними оценками для большой задачи); если решения нет, "
        "показывается, что мешает: лимиты поставщиков, закупки покупателей или отсутствие правдоподобного "
        "партнёра. Пакет заявки (Excel) содержит расчёт зависимости живыми формулами."
    ),
    "method.regimes.title": "Режимы субсидирования совместных проектов (ПП РФ № 41)",
    "method.regimes.body": (
        "2016–2018: до 50\u00a0% затрат совместного проекта на всех стадиях — от НИОКР до серийного "
        "производства (режим из статьи 2018 года); 2019–2022: до 30\u00a0%; с 2023 года: до 50\u00a0% затрат на "
        "закупку стартовых партий комплектующих у других участников кластера, не более 150 млн ₽ на "
        "заявителя. Субсидия заявителю за год: $\\min(\\text{доля} \\times \\text{затраты},\\ "
        "\\text{лимит} - \\text{уже получено})$, в пределах бюджета программы."
    ),
    "method.npv_irr.title": "NPV, IRR и окупаемость",
    "method.npv_irr.body": (
        "$$NPV = \\sum_{t=0}^{T} \\frac{CF_t}{(1+i)^t}$$\n\n"
        "Поток года 0 не дисконтируется (соглашение numpy-financial). IRR — ставка, при которой NPV = 0; "
        "если такой ставки нет или их несколько, это сказано прямо, а не подставлено число. "
        "Дисконтированная окупаемость — первый год, когда накопленный дисконтированный поток ≥ 0."
    ),
    "method.budget.title": "Эффективность для бюджета",
    "method.budget.body": (
        "Все денежные потоки сценария — субсидия, налоги и потоки самого проекта — дисконтируются к одному "
        "базовому году (параметр сценария; по умолчанию — первый год в данных проектов), поэтому "
        "эффективность для бюджета не меняется, если меняется только базовый год. Субсидия на затраты года "
        "$t$ выплачивается в году $t$ + лаг (по умолчанию лаг 1 год: отбор возмещает затраты прошлого года). "
        "Налоги проекта показываются валовыми и отнесёнными к субсидии (аддитивность): проект, "
        "жизнеспособный и без поддержки (NPV без субсидии ≥ 0), относит к субсидии лишь заданную долю своих "
        "налогов (по умолчанию 0); проект, который поддержка делает жизнеспособным (NPV без < 0 ≤ NPV с), — "
        "все свои налоги; проект, нежизнеспособный и с поддержкой, — ни одного.\n\n"
        "$$\\text{эффективность} = \\frac{PV(\\text{отнесённые налоги})}{PV(\\text{субсидия})}$$\n\n"
        "Налоги проекта считаются по видам и уровням бюджета: НДС (федеральный), налог на прибыль "
        "(федеральная и региональная части: 3\u00a0% + 17\u00a0% в 2017–2024 годах, 8\u00a0% + 17\u00a0% с 2025 года), НДФЛ "
        "(областной и местные бюджеты), страховые взносы (фонды), налог на имущество (областной) — на долях "
        "добавленной стоимости и оплаты труда продукции проекта в таблицах «затраты-выпуск» Росстата за "
        "2021 год; ставки и их источники — в модуле правил. Федеральная субсидия сопоставляется с "
        "федеральными налогами, региональная доплата — с областными. Поддержку получают только кластеры, "
        "прошедшие проверку требований Постановления № 779 (или отмеченные как состоящие в реестре), и "
        "проекты, начатые в годы действия режима. "
        "Рычаг — частные рубли на рубль субсидии; год окупаемости для бюджета — первый год, начиная с "
        "которого накопленные дисконтированные отнесённые налоги не меньше накопленной дисконтированной "
        "субсидии и остаются такими до конца горизонта; рабочие места на 1 млн ₽ субсидии."
    ),
    "method.data.title": "Данные и их статус",
    "method.data.body": (
        "Демонстрационный набор: реальные муниципалитеты Калужской области и реальные предприятия из "
        "открытых источников (со ссылками); численность, выручка, связи, проекты и отраслевая занятость "
        "регионов — условные значения, откалиброванные по известным агрегатам (около 110 тыс. занятых в "
        "обработке в Калужской области, около 1\u00a0% России). Статус каждой строки — в столбце "
        "`data_status` и на странице «О данных». Реальные источники: Росстат и ЕМИСС, Калугастат, "
        "реестр МСП и ЕГРЮЛ ФНС, ГИСП, открытые классификаторы ОКВЭД 2 и ОКТМО."
    ),
}

EN: dict[str, str] = {
    "nav.methodology": "Methodology",
    "method.title": "Methodology",
    "method.code": "In the code: {functions}",
    "method.intro": (
        "How each metric is computed, where the formulas come from and which data is illustrative. "
        "Notation: $x_{rs}$ is the value (employees, revenue) of region $r$ in sector $s$; $x_r$, $x_s$, "
        "$x$ are the totals of the region, the sector and the benchmark (by default all of Russia)."
    ),
    "method.lq.title": "Location quotient (LQ, RCA)",
    "method.lq.body": (
        "How many times larger the sector's share of the region's manufacturing is than its share of the "
        "benchmark's manufacturing. LQ > 1 means the region specialises in the sector.\n\n"
        "$$LQ_{rs} = \\frac{x_{rs} / x_r}{x_s / x}$$\n\n"
        "Here $x_r$ is the region's manufacturing employment (divisions 10–33, OKVED 2 section C) and $x$ "
        "the same for the benchmark: the sector statistics the product loads cover manufacturing, so the LQ "
        "is against manufacturing, not the whole economy. The Sectors page and the Clusters page both "
        "compute it so (for a cluster: the sum of its section C codes against the rest of the region's "
        "manufacturing). Presence $M_{rs} = 1$ when $LQ_{rs} \\ge 1$; the continuous variant is "
        "$M_{rs} = RCA/(1+RCA)$. Sources: Balassa (1965); US Cluster Mapping; Harvard Growth Lab."
    ),
    "method.growth.title": "Growth",
    "method.growth.body": (
        "Compound annual growth over the period and the same in the benchmark; the portfolio chart "
        "shows their difference in percentage points.\n\n"
        "$$CAGR = \\left(\\frac{v_{end}}{v_{start}}\\right)^{1/(end-start)} - 1$$"
    ),
    "method.shift_share.title": "Shift-share decomposition",
    "method.shift_share.body": (
        "A sector's employment change in the region splits into national growth, the industry mix "
        "(the sector growing faster or slower than the economy) and the region's own competitive effect.\n\n"
        "$$\\Delta x_{rs} = x^0_{rs} g + x^0_{rs}(g_s - g) + x^0_{rs}(g_{rs} - g_s)$$\n\n"
        "Esteban-Marquillas adds an allocation effect with homothetic employment "
        "$\\hat x_{rs} = x^0_r x^0_s / x^0$; the dynamic (Barff–Knight) variant sums year-by-year "
        "decompositions. The parts always add up to the change."
    ),
    "method.structure.title": "Structure of the regional economy",
    "method.structure.body": (
        "Krugman index $K_r = \\sum_s |s_{rs} - s_s|$ (0–2): how far the region's structure is from the "
        "benchmark; Hachman index $1 / \\sum_s s_{rs} LQ_{rs}$: similarity to the benchmark (1 = same); "
        "$HHI = \\sum_s s_{rs}^2$: concentration; entropy $-\\sum_s s_{rs} \\log_2 s_{rs}$: diversity."
    ),
    "method.peers.title": "Peer regions",
    "method.peers.body": (
        "Peer regions have a similar manufacturing structure and a comparable size. Structure: employment "
        "shares $s_{rd}$ across OKVED divisions 10–33 in one year; structural similarity is the cosine "
        "$\\cos(r,p) = \\sum_d s_{rd} s_{pd} / (\\lVert s_r \\rVert \\lVert s_p \\rVert)$ (0–1). "
        "Size: $E$ = manufacturing employment; the size factor "
        "$f = \\max(0,\\ 1 - |\\ln(E_p / E_r)| / \\ln 10)$ is 1 at equal size, about 0.70 at twice or "
        "half the size and 0 when a region is 10 times larger or smaller or more.\n\n"
        "$$\\text{similarity} = \\cos(r,p) \\times f$$\n\n"
        "The 5 most similar regions are shown by default; users can change the list by hand. Cosine "
        "proximity of industry vectors follows the technological-proximity literature (Jaffe, 1986); the "
        "size factor is this project's choice."
    ),
    "method.strong.title": "Strong cluster (US Cluster Mapping)",
    "method.strong.body": (
        "A regional sector is strong when its LQ is at or above the 75th percentile of that sector's LQ "
        "across regions and at least 1, and its employment and establishments are above the 25th "
        "percentile (strict variant: 90th percentile). Percentiles over regions with employment, per "
        "sector and year."
    ),
    "method.quadrants.title": "Portfolio quadrants",
    "method.quadrants.body": (
        "Stars: LQ ≥ 1 and rising; mature: LQ ≥ 1 but falling; emerging: LQ < 1 and rising; "
        "transforming: LQ < 1 and falling (Purdue University's classification)."
    ),
    "method.proximity.title": "Sector proximity and density",
    "method.proximity.body": (
        "Two sectors are close when regions often specialise in both:\n\n"
        "$$\\varphi_{st} = \\frac{\\sum_r M_{rs} M_{rt}}{\\max(k_s, k_t)}, \\qquad k_s = \\sum_r M_{rs}$$\n\n"
        "Density is the share of a sector's neighbours the region already has: "
        "$\\omega_{rs} = \\sum_t M_{rt} \\varphi_{st} / \\sum_t \\varphi_{st}$; distance $= 1 - \\omega$. "
        "The proximity diagonal is 0 by default (as in Stata `ecomplexity` and the Atlas)."
    ),
    "method.complexity.title": "Economic complexity (ECI, PCI, COI, COG)",
    "method.complexity.body": (
        "Diversity $k_r = \\sum_s M_{rs}$ and ubiquity $k_s$. Sector complexity is the eigenvector of the "
        "second largest eigenvalue of $\\tilde M = (M / k_s)^T (M / k_r)$; ECI is the mean complexity of "
        "the region's sectors; both are standardised (by default over the long table, ddof 1, as in "
        "Stata). COI: how complex the sectors near the region are; COG: the COI gain from entering a "
        "sector. Sources: Hidalgo & Hausmann (2009); Harvard Growth Lab.\n\n"
        "Plausibility: with fewer than 50 sectors, or all of them in one OKVED 2 section (the 24 "
        "manufacturing divisions are both), a warning is shown beside ECI, PCI and the opportunity score: "
        "on so coarse a split one or two large sectors decide a region's place."
    ),
    "method.opportunities.title": "Opportunities: scoring sectors to attract",
    "method.opportunities.body": (
        "Candidates are sectors with RCA < 1. Score $w_d z(-distance) + w_c z(PCI) + w_g z(COG)$; the "
        "Atlas strategies: low-hanging fruit 60/15/25, balanced 50/15/35, long jump 45/20/35."
    ),
    "method.robustness.title": "Robustness of rankings",
    "method.robustness.body": (
        "The ranking is recomputed with RCA thresholds 0.8 / 1 / 1.25, continuous presence, the Russia or "
        "own-district benchmark and the other measure (employees / revenue). A sector is robustly on top "
        "when it stays in the top five in at least 75% of variants; order agreement is Kendall's τ."
    ),
    "method.stars.title": "European Cluster Observatory stars",
    "method.stars.body": (
        "Stars come from the cluster's statistics (the sum of its section C codes) compared with the same "
        "cluster in every region where it employs anyone (percentiles, linearly interpolated): size — top "
        "10% by the cluster's employment $E_{rc}$; specialisation — LQ ≥ 2; focus — top 10% by the "
        "cluster's share of the region's manufacturing employment $E_{rc} / E_r$; as in the Observatory's "
        "later editions, productivity — top 10% by revenue per employee relative to Russia and dynamism — "
        "top 10% by the annual growth of employment. Thresholds are parameters. Source: Ketels & Protsiv "
        "(2013/2014)."
    ),
    "method.composite.title": "Composite cluster score",
    "method.composite.body": (
        "Composite score $= 100 \\times \\sum_k w_k s_k / \\sum_k w_k$ over the components (size, "
        "specialisation, growth, completeness, cooperation) that have a value; the user sets the weights "
        "$w_k$ on the Clusters page. Size, specialisation and growth are percentile ranks (0–1) of the "
        "cluster's employment $E_{rc}$, LQ and annual growth among the regions where it employs anyone: "
        "$(rank - 1)/(n - 1)$, ties at their average rank. Completeness is the weighted share of the "
        "template's supplier codes with an enterprise in the region. Cooperation is the share of members' "
        "purchases bought from members (0–1), as it is: it used to be divided by the registry's 20% bar, "
        "but that bar applies to another quantity (final producers' purchases from the other participants), "
        "and the division gave full marks for a bar this share does not test."
    ),
    "method.registry.title": "Requirements for the Minpromtorg cluster registry (Decree No. 779)",
    "method.registry.body": (
        "The check of the requirements of Decree No. 779 for an industrial cluster; on the Clusters page "
        "each rule names its clause (the letters other than sub-clause «a» are not checked against the full "
        "text and are marked so).\n\n"
        "1. Contracts (sub-clause «a»): every participant has at least one contract with another "
        "participant; in the data, a supply of the year in either direction. A single participant without "
        "one blocks compliance. The specialised organisation is not counted as a participant.\n"
        "2. Participants organising production (amendment No. 1956 of 16.11.2021): at most 3 participants "
        "that did not produce within the cluster in the previous reporting period but are organising "
        "production there. They are flagged in the data (the enterprises table's “organising production” "
        "column) and need not show supplies: their project contract is not in the data. A “within 3 "
        "years” condition was not found in the sources and is not applied.\n"
        "3. Overall functional dependence at least 20%:\n\n"
        "$$FD = \\frac{\\sum \\text{purchases of final producers from other participants}}"
        "{\\sum \\text{all purchases of final producers}}$$\n\n"
        "Final producers are the industrial participants with the template's core codes; “other "
        "participants” are suppliers that are not final producers themselves, i.e. purchases of the final "
        "producers not from one another. The core → core reading is computed beside it as a sensitivity check.\n"
        "4. Relaxed level: at least 10% when at least 30% of the participants operate in a subject of the "
        "Federation with an individual programme of socio-economic development (the ten regions of the 2020 "
        "programmes), on a geostrategic territory or in a single-industry town (these two lists are not "
        "loaded: the analyst enters them).\n"
        "5. Composition: at least 10 industrial participants, at least 1 infrastructure organisation and at "
        "least 1 specialised organisation — marked as to be verified and kept editable."
    ),
    "method.roadmap.title": "Route to the registry: the smallest set of contracts",
    "method.roadmap.body": (
        "Which new supply contracts between participants would close the failing contract and functional "
        'dependence rules. A pair "supplier $s$ → buyer $b$" is plausible when both are participants, '
        "$s \\ne b$, they have no contract yet, and the buyer's product uses the supplier's product in "
        "Rosstat's 2021 symmetric input–output table (total use) at a coefficient of at least 0.01 ₽ per "
        "₽ of output,\n\n"
        "$$a_{SB} = \\frac{\\sum_{i \\in S, j \\in B} z_{ij}}{\\sum_{j \\in B} x_j},$$\n\n"
        "where $S$, $B$ are the OKPD 2 products of the supplier's and the buyer's OKVED 2 codes; a contract "
        "is within the buyer's purchases outside the cluster, a supplier's new sales in all within 25% of "
        "its revenue, and a contract is at least RUB 0.1 mln. These parameters are the project's method "
        "choice, not the decree.\n\n"
        "The smallest set is a mixed-integer programme (scipy, HiGHS): fewest contracts first, then least "
        "money with that many, subject to $\\sum v \\ge T \\cdot P - S$ (the missing purchases "
        "from participants; $T$ the rule's threshold, $P$ all purchases of final producers, $S$ their "
        'purchases from participants now) and "every participant without a contract has one in the set". Optimality is proven '
        "by the solver (or by lower bounds for a large problem); without a solution the page says what "
        "binds: suppliers' limits, buyers' purchases or no plausible partner. The application pack (Excel) "
        "lays out the dependence calculation as live formulas."
    ),
    "method.regimes.title": "Subsidy regimes for joint projects (Decree No. 41)",
    "method.regimes.body": (
        "2016–2018: up to 50% of joint-project costs at all stages, from R&D to serial production (the "
        "regime of the 2018 article); 2019–2022: up to 30%; from 2023: up to 50% of purchases of starting "
        "batches of components from other cluster participants, at most 150 mln ₽ per applicant. "
        "Subsidy to an applicant in a year: $\\min(\\text{share} \\times \\text{costs},\\ \\text{cap} - "
        "\\text{already received})$, within the programme budget."
    ),
    "method.npv_irr.title": "NPV, IRR and payback",
    "method.npv_irr.body": (
        "$$NPV = \\sum_{t=0}^{T} \\frac{CF_t}{(1+i)^t}$$\n\n"
        "The year-0 flow is not discounted (numpy-financial convention). IRR is the rate where NPV = 0; "
        "when there is none, or several, the product says so instead of showing a number. Discounted "
        "payback is the first year the cumulative discounted flow is ≥ 0."
    ),
    "method.budget.title": "Effect on the budget",
    "method.budget.body": (
        "Every money flow of a scenario — the subsidy, the taxes and the project's own cash flows — is "
        "discounted to one base year (a scenario parameter; by default the first year of the projects' "
        "data), so budget effectiveness does not change when only the base year does. Support for the costs "
        "of year $t$ is paid in year $t$ + lag (default lag of 1 year: a selection round reimburses the "
        "previous year's costs). A project's taxes are shown gross and attributed to the subsidy "
        "(additionality): a project viable without support (NPV without subsidy ≥ 0) attributes only the "
        "set share of its taxes (default 0); a project that support makes viable (NPV without < 0 ≤ NPV "
        "with) attributes all its taxes; a project not viable even with support attributes none.\n\n"
        "$$\\text{effectiveness} = \\frac{PV(\\text{attributed taxes})}{PV(\\text{subsidy})}$$\n\n"
        "A project's taxes are computed by type and budget level: VAT (federal), corporate profit tax "
        "(federal and regional parts: 3% + 17% in 2017–2024, 8% + 17% from 2025), personal income tax "
        "(regional and local budgets), insurance contributions (social funds), property tax (regional) — on "
        "the value-added and wage shares of the project's product in Rosstat's 2021 input–output tables; the "
        "rates and their sources are in the rules module. The federal subsidy is weighed against federal "
        "taxes, the regional top-up against regional ones. Only clusters that pass the Decree No. 779 check "
        "(or are marked as on the registry) and projects started while the regime is in force get support. "
        "Leverage: private roubles per subsidy rouble; budget break-even year: the first year from which the "
        "cumulative discounted attributed taxes are at least the cumulative discounted subsidy and stay so "
        "to the end of the horizon; jobs per 1 mln ₽ of subsidy."
    ),
    "method.data.title": "The data and its status",
    "method.data.body": (
        "The demo dataset: the real municipalities of Kaluga oblast and real enterprises from public "
        "sources (with links); headcounts, revenues, links, projects and regional sector employment are "
        "illustrative values calibrated to known aggregates (about 110 thousand manufacturing employees "
        "in Kaluga oblast, about 1% of Russia). Each row's status is in its `data_status` column and on "
        "the “About the data” page. Real sources: Rosstat and EMISS, Kalugastat, the FTS SME register and "
        "EGRUL, GISP, the open OKVED 2 and OKTMO classifiers."
    ),
}
