"""Strings of the Methodology page: every metric in plain words and as a formula, with references.

Sections are listed in ``SECTIONS`` (page order); each has ``method.<id>.title`` and
``method.<id>.body`` (Markdown with KaTeX formulas between ``$``). ``tests/test_methodology.py``
checks that every metric the library computes has a section.
"""

SECTIONS: tuple[str, ...] = (
    "lq", "growth", "shift_share", "structure", "strong", "quadrants", "proximity", "complexity",
    "opportunities", "robustness", "stars", "composite", "registry", "regimes", "npv_irr",
    "budget", "io", "io_regional", "data",
)

RU: dict[str, str] = {
    "nav.methodology": "Методика",
    "method.title": "Методика",
    "method.intro": (
        "Как считается каждый показатель, откуда взяты формулы и какие данные условны. Обозначения: "
        "$x_{rs}$ — значение (занятые, выручка) региона $r$ в отрасли $s$; $x_r$, $x_s$, $x$ — итоги "
        "по региону, по отрасли и по базе сравнения (по умолчанию — все регионы России)."
    ),
    "method.lq.title": "Коэффициент локализации (LQ, RCA)",
    "method.lq.body": (
        "Во сколько раз доля отрасли в экономике региона больше её доли в базе сравнения. "
        "LQ > 1 — регион специализирован в отрасли.\n\n"
        "$$LQ_{rs} = \\frac{x_{rs} / x_r}{x_s / x}$$\n\n"
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
        "Источник: Hidalgo & Hausmann (2009); Harvard Growth Lab."
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
        "остаётся в первых пяти не менее чем в 75 % вариантов; согласие порядка — τ Кендалла."
    ),
    "method.stars.title": "Звёзды Европейской кластерной обсерватории",
    "method.stars.body": (
        "По звезде за размер (верхние 10 % региональных кластеров этой категории по занятости), "
        "специализацию (LQ ≥ 2) и фокус (верхние 10 % по доле кластера в занятости региона); в поздних "
        "изданиях — за производительность и динамику. Пороги — параметры."
    ),
    "method.composite.title": "Сводная оценка кластера",
    "method.composite.body": (
        "Взвешенная сумма стандартизованных показателей кандидата (размер, специализация, рост, "
        "полнота цепочки поставок, внутренняя кооперация); веса задаёт пользователь на странице «Кластеры»."
    ),
    "method.registry.title": "Требования к кластеру для реестра Минпромторга (ПП РФ № 779)",
    "method.registry.body": (
        "Каждый участник имеет договор хотя бы с одним другим участником; общий уровень функциональной "
        "зависимости — доля закупок участников, выпускающих конечную продукцию, у других участников — "
        "не ниже 20 % (10 %, если не менее 30 % участников работают на территориях с особыми программами "
        "развития); не более трёх участников без связей. Требования «не менее 10 промышленных "
        "участников», «организация инфраструктуры» и «специализированная организация» отмечены как "
        "требующие проверки и оставлены редактируемыми параметрами.\n\n"
        "$$FD = \\frac{\\sum \\text{закупки конечных производителей у участников}}{\\sum \\text{все их закупки}}$$"
    ),
    "method.regimes.title": "Режимы субсидирования совместных проектов (ПП РФ № 41)",
    "method.regimes.body": (
        "2016–2018: до 50 % затрат совместного проекта на всех стадиях — от НИОКР до серийного "
        "производства (режим из статьи 2018 года); 2019–2022: до 30 %; с 2023 года: до 50 % затрат на "
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
        "Всё — субсидия, налоги, денежные потоки — дисконтируется к одному году приведения (по умолчанию "
        "первый год данных), поэтому отношение налогов к субсидии от него не зависит. Субсидия за затраты "
        "года t выплачивается в году t + задержка (по умолчанию 1 год). Налоги проекта считаются по видам "
        "и уровням бюджета: НДС (федеральный), налог на прибыль (федеральная и региональная части: 3 % + "
        "17 % в 2017–2024 годах, 8 % + 17 % с 2025 года), НДФЛ (областной и местные бюджеты), страховые "
        "взносы (фонды), налог на имущество (областной) — на долях добавленной стоимости и оплаты труда "
        "продукции проекта в таблицах «затраты-выпуск» Росстата за 2021 год; ставки и их источники — в "
        "модуле правил. Поддержке засчитываются не все налоги: у проекта, который окупается только с "
        "поддержкой, — все; у окупающегося и без неё — заданная доля (по умолчанию 0, тест стимулирующего "
        "эффекта); у неокупаемого и с поддержкой — ничего. Бюджетная эффективность — дисконтированные "
        "налоги, засчитанные поддержке, на рубль дисконтированной субсидии; федеральная субсидия "
        "сопоставляется с федеральными налогами, региональная доплата — с областными. Год окупаемости для "
        "бюджета — первый год, начиная с которого накопленные засчитанные налоги не меньше накопленной "
        "субсидии и остаются такими. Рычаг — частные рубли на рубль субсидии; рабочие места на 1 млн ₽ "
        "субсидии. Поддержку получают только кластеры, прошедшие проверку требований Постановления № 779 "
        "(или отмеченные как состоящие в реестре), и проекты, начатые в годы действия режима."
    ),
    "method.data.title": "Данные и их статус",
    "method.data.body": (
        "Демонстрационный набор: реальные муниципалитеты Калужской области и реальные предприятия из "
        "открытых источников (со ссылками); численность, выручка, связи, проекты и отраслевая занятость "
        "регионов — условные значения, откалиброванные по известным агрегатам (около 110 тыс. занятых в "
        "обработке в Калужской области, около 1 % России). Статус каждой строки — в столбце "
        "`data_status` и на странице «О данных». Реальные источники: Росстат и ЕМИСС, Калугастат, "
        "реестр МСП и ЕГРЮЛ ФНС, ГИСП, открытые классификаторы ОКВЭД 2 и ОКТМО."
    ),
}

EN: dict[str, str] = {
    "nav.methodology": "Methodology",
    "method.title": "Methodology",
    "method.intro": (
        "How each metric is computed, where the formulas come from and which data is illustrative. "
        "Notation: $x_{rs}$ is the value (employees, revenue) of region $r$ in sector $s$; $x_r$, $x_s$, "
        "$x$ are the totals of the region, the sector and the benchmark (by default all of Russia)."
    ),
    "method.lq.title": "Location quotient (LQ, RCA)",
    "method.lq.body": (
        "How many times larger the sector's share of the region's economy is than its share in the "
        "benchmark. LQ > 1 means the region specialises in the sector.\n\n"
        "$$LQ_{rs} = \\frac{x_{rs} / x_r}{x_s / x}$$\n\n"
        "Presence $M_{rs} = 1$ when $LQ_{rs} \\ge 1$; the continuous variant is $M_{rs} = RCA/(1+RCA)$. "
        "Sources: Balassa (1965); US Cluster Mapping; Harvard Growth Lab."
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
        "sector. Sources: Hidalgo & Hausmann (2009); Harvard Growth Lab."
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
        "One star each for size (top 10% of regional clusters of the category by employment), "
        "specialisation (LQ ≥ 2) and focus (top 10% by the cluster's share of regional employment); later "
        "editions add productivity and dynamism. Thresholds are parameters."
    ),
    "method.composite.title": "Composite cluster score",
    "method.composite.body": (
        "A weighted sum of the candidate's standardised metrics (size, specialisation, growth, "
        "supply-chain completeness, internal cooperation); the user sets the weights on the Clusters page."
    ),
    "method.registry.title": "Requirements for the Minpromtorg cluster registry (Decree No. 779)",
    "method.registry.body": (
        "Every participant has a contract with at least one other participant; the overall functional "
        "dependence — the share of final-product participants' purchases bought from other participants — "
        "is at least 20% (10% when at least 30% of participants operate in territories with special "
        "development programmes); at most three participants without links. The requirements "
        "“at least 10 industrial participants”, “an infrastructure organisation” and “a specialised "
        "organisation” are marked as to be verified and kept as editable parameters.\n\n"
        "$$FD = \\frac{\\sum \\text{purchases of final producers from participants}}{\\sum \\text{all their purchases}}$$"
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
        "Everything — subsidy, taxes, cash flows — is discounted to one base year (by default the first year "
        "of the data), so the ratio of taxes to subsidy does not depend on it. Support for the costs of year "
        "t is paid in t + lag (1 year by default). A project's taxes are computed by type and budget level: "
        "VAT (federal), corporate profit tax (federal and regional parts: 3% + 17% in 2017–2024, 8% + 17% "
        "from 2025), personal income tax (regional and local budgets), insurance contributions (social "
        "funds), property tax (regional) — on the value-added and wage shares of the project's product in "
        "Rosstat's 2021 input–output tables; the rates and their sources are in the rules module. Not every "
        "tax is credited to support: all of them for a project that pays off only with support; a set share "
        "for one that pays off without it (0 by default, the incentive-effect test); none for one that does "
        "not pay off even with support. Budget effectiveness: discounted taxes credited to support per "
        "discounted subsidy rouble; the federal subsidy is weighed against federal taxes, the regional "
        "top-up against regional ones. Budget break-even year: the first year from which cumulative credited "
        "taxes are at least the cumulative subsidy and stay so. Leverage: private roubles per subsidy rouble; "
        "jobs per 1 mln ₽ of subsidy. Only clusters that pass the Decree No. 779 check (or are marked as on "
        "the registry) and projects started while the regime is in force get support."
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
