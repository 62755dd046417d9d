"""Strings of the Subsidies page (scenarios of support for joint cluster projects, Decree No. 41)."""

_FIELDS_RU = {
    "federal_share": "федеральная доля",
    "regional_share": "региональная доплата",
    "cap_mln_rub": "свой предел субсидии",
    "cap_basis": "основа предела",
    "budget_mln_rub": "годовой бюджет",
    "discount_rate": "ставка дисконтирования",
    "tax_rate": "налоги, доля выручки",
    "cash_margin": "денежный поток, доля выручки",
    "horizon_years": "горизонт, лет",
    "base_year": "год приведения",
    "revenue_factor": "выручка к ожидаемой",
    "taxes": "источник налогов",
    "regime": "режим программы",
    "objective": "цель отбора",
    "sensitivity": "показатель чувствительности",
    "registry": "кластеры в реестре",
    "name": "название сценария",
    "scenarios": "число сценариев",
    "regime.regime_id": "код режима",
    "regime.name_ru": "название режима (рус.)",
    "regime.name_en": "название режима (англ.)",
    "regime.max_share": "предельная доля возмещения",
    "regime.eligible_categories": "виды затрат к возмещению",
    "regime.eligible_stages": "стадии проекта",
    "regime.costs_from": "затраты не раньше",
    "regime.costs_to": "затраты не позже",
    "regime.cap_mln_rub": "предел субсидии по закону",
    "regime.cap_basis": "основа предела по закону",
    "regime.min_participants": "минимум участников проекта",
    "regime.supplier_in_cluster": "поставщик — другой участник кластера",
    "regime.in_force_from": "действует с",
    "regime.in_force_to": "действует по",
}
_FIELDS_EN = {
    "federal_share": "federal share",
    "regional_share": "regional top-up",
    "cap_mln_rub": "own subsidy cap",
    "cap_basis": "cap basis",
    "budget_mln_rub": "annual budget",
    "discount_rate": "discount rate",
    "tax_rate": "taxes, share of revenue",
    "cash_margin": "cash flow, share of revenue",
    "horizon_years": "horizon, years",
    "base_year": "base year of discounting",
    "revenue_factor": "revenue against expected",
    "taxes": "source of taxes",
    "regime": "programme regime",
    "objective": "selection objective",
    "sensitivity": "sensitivity metric",
    "registry": "clusters on the registry",
    "name": "scenario name",
    "scenarios": "number of scenarios",
    "regime.regime_id": "regime id",
    "regime.name_ru": "regime name (Russian)",
    "regime.name_en": "regime name (English)",
    "regime.max_share": "maximum reimbursed share",
    "regime.eligible_categories": "eligible cost categories",
    "regime.eligible_stages": "project stages",
    "regime.costs_from": "costs not before",
    "regime.costs_to": "costs not after",
    "regime.cap_mln_rub": "legal subsidy cap",
    "regime.cap_basis": "basis of the legal cap",
    "regime.min_participants": "minimum project participants",
    "regime.supplier_in_cluster": "supplier is another cluster participant",
    "regime.in_force_from": "in force from",
    "regime.in_force_to": "in force until",
}
_METRICS_RU = {
    "n_projects": "Проектов всего",
    "n_eligible": "Подходят под режим",
    "n_selected": "В портфеле",
    "total_costs_mln_rub": "Затраты проектов",
    "subsidy_mln_rub": "Субсидия всего",
    "subsidy_federal_mln_rub": "Субсидия федеральная",
    "subsidy_regional_mln_rub": "Доплата региональная",
    "peak_annual_subsidy_mln_rub": "Наибольшая выплата за год",
    "own_money_mln_rub": "Средства участников",
    "leverage": "Рычаг, ₽ участников на 1 ₽ субсидии",
    "npv_without_mln_rub": "ЧДД без поддержки",
    "npv_with_mln_rub": "ЧДД с поддержкой",
    "npv_uplift_mln_rub": "Прирост ЧДД от поддержки",
    "taxes_mln_rub": "Налоги за горизонт",
    "pv_taxes_mln_rub": "Налоги за горизонт, дисконтированные",
    "budget_effectiveness": "Налоги на 1 ₽ субсидии",
    "break_even_year": "Год окупаемости для бюджета",
    "jobs": "Рабочие места",
    "jobs_per_mln_rub": "Рабочих мест на 1 млн ₽",
}
_METRICS_EN = {
    "n_projects": "Projects, total",
    "n_eligible": "Eligible under the regime",
    "n_selected": "In the portfolio",
    "total_costs_mln_rub": "Project costs",
    "subsidy_mln_rub": "Subsidy, total",
    "subsidy_federal_mln_rub": "Federal subsidy",
    "subsidy_regional_mln_rub": "Regional top-up",
    "peak_annual_subsidy_mln_rub": "Largest payment in a year",
    "own_money_mln_rub": "Participants' own money",
    "leverage": "Leverage, private ₽ per subsidy ₽",
    "npv_without_mln_rub": "NPV without support",
    "npv_with_mln_rub": "NPV with support",
    "npv_uplift_mln_rub": "NPV uplift from support",
    "taxes_mln_rub": "Taxes over the horizon",
    "pv_taxes_mln_rub": "Taxes over the horizon, discounted",
    "budget_effectiveness": "Taxes per subsidy ₽",
    "break_even_year": "Budget break-even year",
    "jobs": "Jobs",
    "jobs_per_mln_rub": "Jobs per RUB 1 mln",
}
_PARAMS_RU = {
    "regime": "режим программы",
    "fed": "федеральная доля (0–1)",
    "top_up": "региональная доплата (0–1)",
    "cap": "свой предел, млн ₽",
    "cap_basis": "основа предела",
    "budget": "годовой бюджет, млн ₽",
    "rate": "ставка дисконтирования (0–1)",
    "tax": "налоги, доля выручки",
    "margin": "денежный поток, доля выручки",
    "horizon": "горизонт, лет",
    "base_year": "год приведения",
    "revenue": "выручка к ожидаемой",
    "taxes": "источник налогов",
    "r_share": "режим: предельная доля",
    "r_cats": "режим: виды затрат",
    "r_stages": "режим: стадии",
    "r_from": "режим: затраты не раньше",
    "r_to": "режим: затраты не позже",
    "r_cap": "режим: предел по закону, млн ₽",
    "r_basis": "режим: основа предела",
    "r_minp": "режим: минимум участников",
    "r_supplier": "режим: поставщик из кластера",
}
_PARAMS_EN = {
    "regime": "programme regime",
    "fed": "federal share (0–1)",
    "top_up": "regional top-up (0–1)",
    "cap": "own cap, RUB mln",
    "cap_basis": "cap basis",
    "budget": "annual budget, RUB mln",
    "rate": "discount rate (0–1)",
    "tax": "taxes, share of revenue",
    "margin": "cash flow, share of revenue",
    "horizon": "horizon, years",
    "base_year": "base year",
    "revenue": "revenue against expected",
    "taxes": "source of taxes",
    "r_share": "regime: maximum share",
    "r_cats": "regime: cost categories",
    "r_stages": "regime: stages",
    "r_from": "regime: costs not before",
    "r_to": "regime: costs not after",
    "r_cap": "regime: legal cap, RUB mln",
    "r_basis": "regime: cap basis",
    "r_minp": "regime: minimum participants",
    "r_supplier": "regime: supplier from the cluster",
}
_COLUMNS_RU = {
    "project_id": "Код проекта",
    "name": "Проект",
    "cluster": "Кластер",
    "stage": "Стадия",
    "selected": "В портфеле",
    "reason": "Подходит ли под режим",
    "total_costs": "Затраты, млн ₽",
    "eligible_costs": "Затраты к возмещению, млн ₽",
    "federal": "Федеральная субсидия, млн ₽",
    "regional": "Региональная доплата, млн ₽",
    "own": "Средства участников, млн ₽",
    "npv_without": "ЧДД без поддержки, млн ₽",
    "npv_with": "ЧДД с поддержкой, млн ₽",
    "irr_without": "ВНД без поддержки",
    "irr_with": "ВНД с поддержкой",
    "irr_note": "Примечание к ВНД",
    "payback": "Дисконтированная окупаемость с поддержкой, лет",
    "pv_taxes": "Налоги дисконтированные, млн ₽",
    "effectiveness": "Налоги на 1 ₽ субсидии",
    "break_even": "Окупаемость для бюджета, год",
    "leverage": "Рычаг",
    "jobs": "Рабочие места",
    "jobs_per_mln": "Рабочих мест на 1 млн ₽",
    "metric": "Показатель",
    "parameter": "Параметр",
    "meaning": "Что это",
    "value": "Значение",
    "year": "Год",
    "subsidy_mln_rub": "Субсидия за год, млн ₽",
    "taxes_mln_rub": "Налоги за год, млн ₽",
    "taxes_pv_mln_rub": "Налоги за год, дисконтированные, млн ₽",
    "cum_subsidy_mln_rub": "Субсидия нарастающим итогом, млн ₽",
    "cum_taxes_pv_mln_rub": "Дисконтированные налоги нарастающим итогом, млн ₽",
    "balance_mln_rub": "Баланс бюджета, млн ₽",
    "scenario": "Сценарий",
    "note": "Комментарий",
    "user": "Сохранил",
    "updated": "Изменён",
    "budget": "Бюджет, млн ₽/год",
    "n_selected": "Проектов",
    "subsidy_total": "Субсидия, млн ₽",
    "optimal": "Оптимально",
}
_COLUMNS_EN = {
    "project_id": "Project code",
    "name": "Project",
    "cluster": "Cluster",
    "stage": "Stage",
    "selected": "In the portfolio",
    "reason": "Eligible under the regime?",
    "total_costs": "Costs, RUB mln",
    "eligible_costs": "Eligible costs, RUB mln",
    "federal": "Federal subsidy, RUB mln",
    "regional": "Regional top-up, RUB mln",
    "own": "Participants' own money, RUB mln",
    "npv_without": "NPV without support, RUB mln",
    "npv_with": "NPV with support, RUB mln",
    "irr_without": "IRR without support",
    "irr_with": "IRR with support",
    "irr_note": "IRR note",
    "payback": "Discounted payback with support, years",
    "pv_taxes": "Discounted taxes, RUB mln",
    "effectiveness": "Taxes per subsidy ₽",
    "break_even": "Budget break-even year",
    "leverage": "Leverage",
    "jobs": "Jobs",
    "jobs_per_mln": "Jobs per RUB 1 mln",
    "metric": "Metric",
    "parameter": "Parameter",
    "meaning": "Meaning",
    "value": "Value",
    "year": "Year",
    "subsidy_mln_rub": "Subsidy in the year, RUB mln",
    "taxes_mln_rub": "Taxes in the year, RUB mln",
    "taxes_pv_mln_rub": "Taxes in the year, discounted, RUB mln",
    "cum_subsidy_mln_rub": "Cumulative subsidy, RUB mln",
    "cum_taxes_pv_mln_rub": "Cumulative discounted taxes, RUB mln",
    "balance_mln_rub": "Budget balance, RUB mln",
    "scenario": "Scenario",
    "note": "Comment",
    "user": "Saved by",
    "updated": "Changed",
    "budget": "Budget, RUB mln/yr",
    "n_selected": "Projects",
    "subsidy_total": "Subsidy, RUB mln",
    "optimal": "Optimal",
}
_CATEGORIES_RU = {
    "rd": "НИОКР",
    "design_docs": "проектная документация",
    "ip_licences": "лицензии на ИС",
    "engineering": "инжиниринг",
    "equipment": "промышленное оборудование",
    "loan_interest": "проценты по кредитам",
    "leasing": "лизинг",
    "component_batches": "стартовые партии комплектующих",
    "other": "прочие",
}
_CATEGORIES_EN = {
    "rd": "R&D",
    "design_docs": "design documentation",
    "ip_licences": "IP licences",
    "engineering": "engineering",
    "equipment": "industrial equipment",
    "loan_interest": "loan interest",
    "leasing": "leasing",
    "component_batches": "starting batches of components",
    "other": "other",
}
_STAGES_RU = {
    "rd": "НИОКР",
    "engineering": "инжиниринг",
    "pilot": "опытное производство",
    "serial": "серийное производство",
}
_STAGES_EN = {"rd": "R&D", "engineering": "engineering", "pilot": "pilot production", "serial": "serial production"}


def _prefixed(prefix: str, values: dict[str, str]) -> dict[str, str]:
    return {f"{prefix}.{k}": v for k, v in values.items()}


RU: dict[str, str] = {
    "nav.subsidies": "Субсидии",
    "subsidies.title": "Субсидии на совместные проекты участников кластеров",
    "subsidies.intro": (
        "Что если регион добавит 10\u00a0% к федеральным 50\u00a0%? Какие проекты уложатся в бюджет? Когда бюджет "
        "вернёт деньги налогами? Постановление Правительства № 41: федеральный бюджет возмещает часть затрат "
        "совместных проектов участников промышленных кластеров. Меняйте параметры — расчёт обновится сразу."
    ),
    "subsidies.controls": "Параметры сценария",
    "subsidies.regime": "Режим программы (Постановление № 41)",
    "subsidies.regime_help": (
        "Правила менялись. 2016–2018: до 50\u00a0% затрат совместного проекта на всех стадиях, от НИОКР до серии. "
        "2019–2022: до 30\u00a0%. С 2023 года: до 50\u00a0% затрат на стартовые партии комплектующих, произведённых "
        "другими участниками кластера, не более 150 млн ₽ на заявителя, затраты с 01.01.2023."
    ),
    "subsidies.fed": "Федеральная доля возмещения (предел режима {limit})",
    "subsidies.fed_help": (
        "Доля затрат к возмещению, которую возвращает федеральный бюджет. Выше предела режима ({limit}) "
        "ползунок не идёт: это условие постановления, красная линия на полосе ниже."
    ),
    "subsidies.top_up": "Региональная доплата",
    "subsidies.top_up_help": (
        "Доля тех же затрат, которую добавляет областной бюджет сверх федеральной. Вместе с федеральной — "
        "не более 100\u00a0% затрат."
    ),
    "subsidies.support.federal": "Федеральная субсидия",
    "subsidies.support.regional": "Региональная доплата",
    "subsidies.support.own": "Средства участников",
    "subsidies.support.limit": "предел {limit}",
    "subsidies.support.caption": (
        "Доля затрат к возмещению: синее — федеральная субсидия, оранжевое — региональная доплата, серое — "
        "средства участников; красная линия — предел режима."
    ),
    "subsidies.cap": "Свой предел федеральной субсидии, млн ₽ (пусто — только предел закона)",
    "subsidies.cap_legal": "Предел по закону: {cap} {basis}; свой предел не может быть выше.",
    "subsidies.cap_none": "Предел по закону для этого режима в источниках не найден: задайте свой при необходимости.",
    "subsidies.cap_basis": "Свой предел считается",
    "subsidies.basis.project": "на проект",
    "subsidies.basis.applicant": "на заявителя",
    "subsidies.budget": "Годовой бюджет программы, млн ₽ (пусто — без ограничения)",
    "subsidies.budget_help": (
        "Сколько федеральной и региональной субсидии можно выплатить за каждый год. С бюджетом выбирается "
        "лучший набор проектов по цели отбора; без бюджета в расчёте все подходящие проекты."
    ),
    "subsidies.objective": "Цель отбора проектов в бюджет",
    "subsidies.objective_help": (
        "Набор проектов, в котором сумма выбранного показателя наибольшая, а выплаты каждого года не "
        "превышают бюджет (целочисленная задача о рюкзаке, решатель HiGHS)."
    ),
    "subsidies.objective.taxes": "налоги, вернувшиеся в бюджет",
    "subsidies.objective.jobs": "рабочие места",
    "subsidies.objective.npv_uplift": "прирост ЧДД участников",
    "subsidies.objective.npv_with": "ЧДД с поддержкой",
    "subsidies.assumptions": "Допущения модели (не закон)",
    "subsidies.assumptions_note": (
        "Это допущения расчёта, а не нормы постановления; их можно менять. По умолчанию: ставка "
        "дисконтирования 10\u00a0%, налоги 7\u00a0% выручки, свободный денежный поток 15\u00a0% выручки, горизонт 10 лет."
    ),
    "subsidies.rate": "Ставка дисконтирования, в год",
    "subsidies.rate_help": "Допущение. Чистый дисконтированный доход и налоги приводятся к первому году проекта.",
    "subsidies.tax": "Налоги в бюджет, доля выручки",
    "subsidies.tax_help": "Допущение: применяется там, где проект не указал свои налоговые платежи.",
    "subsidies.margin": "Свободный денежный поток, доля выручки",
    "subsidies.margin_help": "Допущение: сколько с рубля выручки остаётся участникам после затрат и налогов.",
    "subsidies.horizon": "Горизонт расчёта, лет",
    "subsidies.horizon_help": "Допущение: сколько лет от первого года каждого проекта входят в расчёт.",
    "subsidies.revenue": "Выручка к ожидаемой",
    "subsidies.revenue_help": "100\u00a0% — выручка как в заявках; 80\u00a0% — на пятую часть ниже. Налоги меняются вместе с ней.",
    "subsidies.taxes": "Налоги проекта",
    "subsidies.taxes_help": "Заявленные — налоги из данных проекта, где они есть, иначе доля выручки; по доле — всегда доля.",
    "subsidies.taxes.reported": "заявленные",
    "subsidies.taxes.rate": "по доле выручки",
    "subsidies.base_year": "Год приведения (пусто — первый год каждого проекта)",
    "subsidies.base_year_help": "Если задан, все деньги дисконтируются к этому году.",
    "subsidies.regime_editor": "Параметры режима и реестр",
    "subsidies.regime_source": "Источник: {source}",
    "subsidies.source.joint_2016": (
        "Постановление Правительства РФ № 41 от 28.01.2016 в редакции 2016–2018 годов (исходная и № 1218 от "
        "06.10.2017); стратегическая сессия, Калуга, 29.11.2018: «до 50\u00a0% затрат совместных проектов»."
    ),
    "subsidies.source.joint_2019": (
        "Постановление № 41 в применении 2019–2022 годов (изменения декабря 2020 и № 564 от 08.04.2021); "
        "поддержка перешла в Постановление № 1119 от 30.10.2014, источники называют «до 30\u00a0%»."
    ),
    "subsidies.source.components_2023": (
        "Постановление № 41 с изменениями декабря 2022 года: до 50\u00a0% затрат на стартовые партии "
        "комплектующих у других участников кластера, не более 150 млн ₽ на заявителя, затраты с 01.01.2023."
    ),
    "subsidies.to_verify": (
        "Требует проверки (значение по памяти, полный текст не найден): {fields}. Эти параметры можно изменить ниже."
    ),
    "subsidies.r_share": "Предельная доля возмещения по режиму",
    "subsidies.r_cap": "Предел субсидии по закону, млн ₽ (пусто — нет)",
    "subsidies.r_basis": "Предел по закону считается",
    "subsidies.r_minp": "Минимум участников совместного проекта",
    "subsidies.r_cats": "Виды затрат к возмещению",
    "subsidies.r_stages": "Стадии проекта",
    "subsidies.r_from": "Затраты не раньше",
    "subsidies.r_to": "Затраты не позже",
    "subsidies.r_supplier": "Комплектующие — только от других участников кластера",
    "subsidies.r_supplier_help": "Условие режима с 2023 года: поставщик — другой участник того же кластера, не сам заявитель.",
    "subsidies.registry": "Кластеры в реестре Минпромторга",
    "subsidies.registry_help": (
        "Списка реестра в базе нет: по умолчанию считаем, что все кластеры в реестре. Уберите кластер — его "
        "проекты перестанут подходить под режим."
    ),
    "subsidies.reset": "Сбросить к значениям по умолчанию",
    "subsidies.kpi.subsidy": "Субсидия, млн ₽",
    "subsidies.kpi.subsidy_split": "фед. {federal} + рег. {regional}",
    "subsidies.kpi.subsidy_help": "Федеральная субсидия и региональная доплата проектам портфеля, сумма за горизонт, млн ₽.",
    "subsidies.kpi.npv_uplift": "Рост ЧДД, млн ₽",
    "subsidies.kpi.npv_uplift_help": "ЧДД с поддержкой минус ЧДД без неё: дисконтированная субсидия.",
    "subsidies.kpi.leverage": "Рычаг",
    "subsidies.kpi.leverage_help": "Рублей собственных средств участников на рубль субсидии.",
    "subsidies.kpi.effectiveness": "Налоги / субсидия",
    "subsidies.kpi.effectiveness_help": "Бюджетная эффективность: дисконтированные налоги портфеля за горизонт на рубль субсидии.",
    "subsidies.kpi.break_even": "Окупаемость бюджета",
    "subsidies.kpi.break_even_help": (
        "Первый год, начиная с которого накопленные дисконтированные налоги не меньше накопленной субсидии "
        "и остаются такими; прочерк — не окупается за горизонт."
    ),
    "subsidies.kpi.jobs": "Мест на 1 млн ₽",
    "subsidies.kpi.jobs_help": "Рабочие места проектов портфеля на 1 млн ₽ субсидии.",
    "subsidies.portfolio_all": (
        "Годовой бюджет не ограничен: в расчёте все подходящие под режим проекты — **{n}** из {total}."
    ),
    "subsidies.portfolio_budget": (
        "Бюджет **{budget}** в год: отобрано **{n}** из {eligible} подходящих проектов (всего {total}), "
        "не вошли: {dropped}. Цель отбора — {objective}."
    ),
    "subsidies.optimal": "Набор оптимален: решатель доказал, что лучшего в этом бюджете нет.",
    "subsidies.not_optimal": (
        "Решатель остановился раньше доказательства ({n} кандидатов): найденный набор хуже лучшего не более "
        "чем на {gap}."
    ),
    "subsidies.greedy": "Решатель не успел: набор выбран жадным правилом, без гарантии оптимальности.",
    "subsidies.none_eligible": (
        "Ни один проект не подходит под условия режима. Причины — в таблице проектов (кластер не в реестре, "
        "проект начат вне срока режима, затраты не возмещаются). Для расчёта «что если» включите «Считать все "
        "кластеры в реестре» или измените параметры режима слева."
    ),
    "subsidies.no_projects": "В базе нет совместных проектов: загрузите таблицы проектов на странице «Данные».",
    "subsidies.chart.projects": "Субсидия и собственные средства по проектам",
    "subsidies.chart.projects_caption": (
        "Крупнейшие по затратам {n} проектов портфеля из {total}; суммы за горизонт. ▲ — субсидию урезал предел."
    ),
    "subsidies.chart.balance": "Бюджет: выплаты и вернувшиеся налоги",
    "subsidies.chart.balance_caption": (
        "Нарастающим итогом по годам; налоги дисконтированы по ставке {rate}. Пунктир — год, с которого "
        "налоги больше не отстают от выплат."
    ),
    "subsidies.balance.outlay": "Выплачено субсидий",
    "subsidies.balance.taxes": "Вернулось налогов (дисконт.)",
    "subsidies.balance.break_even": "окупаемость: {year}",
    "subsidies.balance.no_break_even": "за горизонт не окупается",
    "subsidies.chart.npv": "ЧДД проектов без поддержки и с ней",
    "subsidies.chart.npv_caption": "Чистый дисконтированный доход участников по ставке {rate}; разрыв — дисконтированная субсидия.",
    "subsidies.npv.without": "без поддержки",
    "subsidies.npv.with": "с поддержкой",
    "subsidies.chart.tornado": "Чувствительность",
    "subsidies.sensitivity": "Показатель портфеля",
    "subsidies.chart.tornado_caption": (
        "Каждый фактор сдвигается на ±{delta} от текущего значения, остальные неизменны; портфель тот же."
    ),
    "subsidies.factor.support_rate": "Федеральная доля",
    "subsidies.factor.discount_rate": "Ставка дисконтирования",
    "subsidies.factor.revenue": "Выручка к ожидаемой",
    "subsidies.tornado.low": "фактор ниже",
    "subsidies.tornado.high": "фактор выше",
    "subsidies.tornado.limited": "упор в предел {limit}",
    "subsidies.tornado.base": "сейчас: {value}",
    "subsidies.tornado.toggle": "Чувствительность для {n} проектов портфеля рассчитывается по запросу — переключатель слева.",
    "subsidies.chart.budget": "Портфель в пределах годового бюджета",
    "subsidies.budget_line": "бюджет {value} в год",
    "subsidies.no_budget": "Бюджет не задан: показаны выплаты всех подходящих проектов по годам.",
    "subsidies.sweep.toggle": "Показать, кто выпадает при другом бюджете",
    "subsidies.sweep.title": "Кто выпадает при другом бюджете",
    "subsidies.sweep.help": (
        "Отбор повторяется для десяти бюджетов — от 10\u00a0% до 100\u00a0% самой большой годовой выплаты без "
        "ограничения. Для десятков и сотен проектов это занимает от долей секунды до секунд, поэтому по "
        "запросу; при заданном бюджете и не более чем 10 проектах-кандидатах показывается сразу."
    ),
    "subsidies.sweep.axis": "Годовой бюджет, млн ₽",
    "subsidies.sweep.in": "в портфеле",
    "subsidies.sweep.out": "не вошёл",
    "subsidies.sweep.current": "текущий",
    "subsidies.sweep.caption": (
        "Закрашено — проект в портфеле при этом бюджете. Входят всегда: {always}; не входят никогда: {never}; "
        "не показаны: {hidden}. Набор не обязательно растёт с бюджетом: крупный проект может вытеснить два малых."
    ),
    "subsidies.axis.mln_rub": "млн ₽",
    "subsidies.axis.mln_rub_year": "млн ₽ в год",
    "subsidies.axis.npv": "ЧДД, млн ₽",
    "subsidies.axis.unit_mln_rub": ", млн ₽",
    "subsidies.short.subsidy_mln_rub": "Субсидия",
    "subsidies.short.npv_uplift_mln_rub": "Рост ЧДД",
    "subsidies.short.pv_taxes_mln_rub": "Налоги (дисконт.)",
    "subsidies.objective_value.taxes": "Налоги, млн ₽",
    "subsidies.objective_value.jobs": "Рабочие места",
    "subsidies.objective_value.npv_uplift": "Рост ЧДД, млн ₽",
    "subsidies.objective_value.npv_with": "ЧДД, млн ₽",
    "subsidies.table": "Все проекты",
    "subsidies.download_scenario": "Скачать сценарий (Excel)",
    "subsidies.link_hint": (
        "Адрес страницы содержит все параметры сценария: ссылка воспроизводит ровно то, что на экране."
    ),
    "subsidies.reason.eligible": "подходит",
    "subsidies.reason.cluster_not_registered": "кластер не в реестре",
    "subsidies.reason.not_joint": "проект не совместный",
    "subsidies.reason.too_few_participants": "мало участников",
    "subsidies.reason.stage_not_eligible": "стадия не поддерживается",
    "subsidies.reason.no_eligible_costs": "нет затрат к возмещению",
    "subsidies.cost_reason.project_not_eligible": "проект не подходит",
    "subsidies.cost_reason.outside_horizon": "затраты за горизонтом",
    "subsidies.cost_reason.category_not_eligible": "вид затрат не возмещается",
    "subsidies.cost_reason.before_costs_from": "затраты до начала режима",
    "subsidies.cost_reason.after_costs_to": "затраты после окончания режима",
    "subsidies.cost_reason.supplier_missing": "поставщик не указан",
    "subsidies.cost_reason.supplier_is_applicant": "поставщик — сам заявитель",
    "subsidies.cost_reason.supplier_not_cluster_participant": "поставщик не участник кластера",
    "subsidies.irr.none": "ВНД не существует",
    "subsidies.irr.multiple": "несколько ВНД — смотрите ЧДД",
    "subsidies.compare": "Сравнение сценариев",
    "subsidies.compare_mode": "Что сравнить",
    "subsidies.compare_mode.preset": "Федеральная доля 0 / ½ / предел",
    "subsidies.compare_mode.saved": "Сохранённые сценарии",
    "subsidies.compare_pick": "Сценарии (не больше трёх)",
    "subsidies.compare_current": "Текущий (на экране)",
    "subsidies.compare_fed": "Фед. доля {share}",
    "subsidies.compare_empty": "Выберите хотя бы один сценарий.",
    "subsidies.compare_broken": "Не удалось открыть сохранённые сценарии: {names}.",
    "subsidies.download_compare": "Скачать сравнение (Excel)",
    "subsidies.save": "Сохранить текущий сценарий",
    "subsidies.save_name": "Название",
    "subsidies.save_note": "Комментарий",
    "subsidies.save_button": "Сохранить",
    "subsidies.saved": "Сценарий «{name}» сохранён.",
    "subsidies.login_required": "Сохранять и удалять сценарии может аналитик после входа на странице «Данные».",
    "subsidies.login_link": "Войти на странице «Данные»",
    "subsidies.saved_pick": "Сохранённый сценарий",
    "subsidies.saved_title": "Сохранённые сценарии",
    "subsidies.saved_none": "Пока ни одного: сохранённые аналитиками сценарии появятся здесь.",
    "subsidies.open": "Открыть",
    "subsidies.delete": "Удалить",
    "subsidies.national": "Национальный контекст",
    "subsidies.national.clusters": "Кластеров в реестре Минпромторга",
    "subsidies.national.enterprises": "Предприятий получили поддержку",
    "subsidies.national.projects": "Совместных проектов поддержано",
    "subsidies.national.value": "Стоимость этих проектов",
    "subsidies.national.more": "более {value}",
    "subsidies.national.source": (
        "По данным стратегической сессии «Промышленные кластеры как инструмент стимулирования промышленного "
        "производства» (Калуга, 29.11.2018): за два года программы — крупные и средние предприятия, совместные "
        "проекты и их стоимость. Позже: более {later_2022} кластеров в реестре (декабрь 2022), {later_2024} "
        "подтвердили соответствие обновлённым требованиям (сентябрь 2024)."
    ),
    "subsidies.notice.federal_share_restarted": "Выбран другой режим: федеральная доля установлена на его предел {new}.",
    "subsidies.notice.federal_share_lowered": "Предел режима снижен: федеральная доля снижена с {old} до {new}.",
    "subsidies.notice.cap_dropped": "Свой предел {old} выше предела закона и снят.",
    "subsidies.error.refused": "Значение отклонено: {field} = {value}. {allowed}",
    "subsidies.error.range": "Допустимо от {low} до {high}.",
    "subsidies.error.options": "Допустимые значения: {options}.",
    "subsidies.error.not_a_number": "Нужно число.",
    "subsidies.error.not_a_date": "Нужна дата в виде ГГГГ-ММ-ДД.",
    "subsidies.error.not_an_option": "Такого варианта нет.",
    "subsidies.error.empty": "Выберите хотя бы одно значение.",
    "subsidies.error.out_of_range": "Значение вне допустимых пределов.",
    "subsidies.error.url": "В ссылке недопустимый параметр, показан сценарий по умолчанию. {detail}",
    "subsidies.sheet.projects": "Проекты",
    "subsidies.sheet.budget": "Бюджет по годам",
    "subsidies.sheet.summary": "Итоги портфеля",
    "subsidies.sheet.parameters": "Параметры",
    "subsidies.sheet.compare": "Сравнение",
    **_prefixed("subsidies.field", _FIELDS_RU),
    **_prefixed("subsidies.metric", _METRICS_RU),
    **_prefixed("subsidies.param", _PARAMS_RU),
    **_prefixed("subsidies.col", _COLUMNS_RU),
    **_prefixed("subsidies.category", _CATEGORIES_RU),
    **_prefixed("subsidies.stage", _STAGES_RU),
}

EN: dict[str, str] = {
    "nav.subsidies": "Subsidies",
    "subsidies.title": "Subsidies for joint projects of cluster participants",
    "subsidies.intro": (
        "What if the region adds 10% on top of the federal 50%? Which projects fit in the budget? When does "
        "the budget get its money back in taxes? Government Decree No. 41: the federal budget reimburses part "
        "of the costs of joint projects of industrial-cluster participants. Move a parameter and the numbers "
        "follow at once."
    ),
    "subsidies.controls": "Scenario parameters",
    "subsidies.regime": "Programme regime (Decree No. 41)",
    "subsidies.regime_help": (
        "The rules changed over time. 2016–2018: up to 50% of a joint project's costs at every stage, R&D to "
        "serial production. 2019–2022: up to 30%. From 2023: up to 50% of purchases of starting batches of "
        "components made by other cluster participants, at most RUB 150 mln per applicant, costs from 01.01.2023."
    ),
    "subsidies.fed": "Federal reimbursement share (regime limit {limit})",
    "subsidies.fed_help": (
        "Share of eligible costs the federal budget pays back. The slider stops at the regime's limit "
        "({limit}): that is the decree's condition, the red line on the bar below."
    ),
    "subsidies.top_up": "Regional top-up",
    "subsidies.top_up_help": (
        "Share of the same costs the regional budget adds on top of the federal one. Together with the federal "
        "share, at most 100% of the costs."
    ),
    "subsidies.support.federal": "Federal subsidy",
    "subsidies.support.regional": "Regional top-up",
    "subsidies.support.own": "Participants' own money",
    "subsidies.support.limit": "limit {limit}",
    "subsidies.support.caption": (
        "Share of eligible costs: blue, the federal subsidy; orange, the regional top-up; grey, the "
        "participants' own money; the red line, the regime's limit."
    ),
    "subsidies.cap": "Own cap on the federal subsidy, RUB mln (empty: the legal cap only)",
    "subsidies.cap_legal": "Legal cap: {cap} {basis}; an own cap cannot be higher.",
    "subsidies.cap_none": "No legal cap for this regime was found in the sources: set your own if needed.",
    "subsidies.cap_basis": "Own cap applies",
    "subsidies.basis.project": "per project",
    "subsidies.basis.applicant": "per applicant",
    "subsidies.budget": "Annual programme budget, RUB mln (empty: unlimited)",
    "subsidies.budget_help": (
        "How much federal plus regional subsidy may be paid in each year. With a budget the best set of "
        "projects for the selection objective is chosen; without one, every eligible project counts."
    ),
    "subsidies.objective": "Objective of the selection within the budget",
    "subsidies.objective_help": (
        "The set of projects with the largest total of the chosen measure whose payments fit the budget in "
        "every year (a 0/1 knapsack, solved by HiGHS)."
    ),
    "subsidies.objective.taxes": "taxes returned to the budget",
    "subsidies.objective.jobs": "jobs",
    "subsidies.objective.npv_uplift": "participants' NPV uplift",
    "subsidies.objective.npv_with": "NPV with support",
    "subsidies.assumptions": "Model assumptions (not law)",
    "subsidies.assumptions_note": (
        "These are assumptions of the appraisal, not rules of the decree; change them freely. Defaults: "
        "discount rate 10%, taxes 7% of revenue, free cash flow 15% of revenue, horizon 10 years."
    ),
    "subsidies.rate": "Discount rate, per year",
    "subsidies.rate_help": "Assumption. NPV and taxes are discounted to each project's first year.",
    "subsidies.tax": "Taxes to the budget, share of revenue",
    "subsidies.tax_help": "Assumption: used where a project reports no tax payments of its own.",
    "subsidies.margin": "Free cash flow, share of revenue",
    "subsidies.margin_help": "Assumption: what participants keep per rouble of revenue after costs and taxes.",
    "subsidies.horizon": "Appraisal horizon, years",
    "subsidies.horizon_help": "Assumption: how many years from each project's first year count.",
    "subsidies.revenue": "Revenue against expected",
    "subsidies.revenue_help": "100%: revenue as in the applications; 80%: a fifth lower. Taxes move with it.",
    "subsidies.taxes": "Project taxes",
    "subsidies.taxes_help": "Reported: the project's own tax figures where given, else the share of revenue; rate: always the share.",
    "subsidies.taxes.reported": "reported",
    "subsidies.taxes.rate": "share of revenue",
    "subsidies.base_year": "Base year (empty: each project's first year)",
    "subsidies.base_year_help": "When set, all money is discounted to this year.",
    "subsidies.regime_editor": "Regime parameters and the registry",
    "subsidies.regime_source": "Source: {source}",
    "subsidies.source.joint_2016": (
        "Government Decree No. 41 of 28.01.2016 as in force in 2016–2018 (original and No. 1218 of 06.10.2017); "
        "strategic session, Kaluga, 29.11.2018: “up to 50% of the costs of joint projects”."
    ),
    "subsidies.source.joint_2019": (
        "Decree No. 41 as applied in 2019–2022 (amendments of December 2020 and No. 564 of 08.04.2021); "
        "support moved into Decree No. 1119 of 30.10.2014, sources cite “up to 30%”."
    ),
    "subsidies.source.components_2023": (
        "Decree No. 41 as amended in December 2022: up to 50% of purchases of starting batches of components "
        "from other cluster participants, at most RUB 150 mln per applicant, costs from 01.01.2023."
    ),
    "subsidies.to_verify": (
        "To verify (remembered, the full text was not seen): {fields}. These parameters can be changed below."
    ),
    "subsidies.r_share": "Maximum reimbursed share under the regime",
    "subsidies.r_cap": "Legal subsidy cap, RUB mln (empty: none)",
    "subsidies.r_basis": "Legal cap applies",
    "subsidies.r_minp": "Minimum participants of a joint project",
    "subsidies.r_cats": "Eligible cost categories",
    "subsidies.r_stages": "Project stages",
    "subsidies.r_from": "Costs not before",
    "subsidies.r_to": "Costs not after",
    "subsidies.r_supplier": "Components only from other cluster participants",
    "subsidies.r_supplier_help": "Condition of the regime from 2023: the supplier is another participant of the same cluster, not the applicant.",
    "subsidies.registry": "Clusters on the Minpromtorg registry",
    "subsidies.registry_help": (
        "The database holds no registry list: by default every cluster counts as registered. Remove a cluster "
        "and its projects stop being eligible."
    ),
    "subsidies.reset": "Reset to the defaults",
    "subsidies.kpi.subsidy": "Subsidy, RUB mln",
    "subsidies.kpi.subsidy_split": "fed. {federal} + reg. {regional}",
    "subsidies.kpi.subsidy_help": "Federal subsidy and regional top-up to the portfolio's projects, total over the horizon.",
    "subsidies.kpi.npv_uplift": "NPV uplift, RUB mln",
    "subsidies.kpi.npv_uplift_help": "NPV with support minus NPV without: the discounted subsidy.",
    "subsidies.kpi.leverage": "Leverage",
    "subsidies.kpi.leverage_help": "Participants' own roubles per subsidy rouble.",
    "subsidies.kpi.effectiveness": "Taxes / subsidy",
    "subsidies.kpi.effectiveness_help": "Budget effectiveness: discounted taxes of the portfolio over the horizon per subsidy rouble.",
    "subsidies.kpi.break_even": "Budget break-even",
    "subsidies.kpi.break_even_help": (
        "The first year from which cumulative discounted taxes are at least the cumulative subsidy and stay "
        "so; a dash: no break-even within the horizon."
    ),
    "subsidies.kpi.jobs": "Jobs per RUB 1 mln",
    "subsidies.kpi.jobs_help": "Jobs of the portfolio's projects per million roubles of subsidy.",
    "subsidies.portfolio_all": "Unlimited annual budget: every eligible project counts — **{n}** of {total}.",
    "subsidies.portfolio_budget": (
        "Budget **{budget}** a year: **{n}** of {eligible} eligible projects chosen ({total} in all), "
        "left out: {dropped}. Objective: {objective}."
    ),
    "subsidies.optimal": "The set is optimal: the solver proved no better one fits this budget.",
    "subsidies.not_optimal": (
        "The solver stopped before a proof ({n} candidates): the set found is at most {gap} below the best."
    ),
    "subsidies.greedy": "The solver ran out of time: the set was chosen by a greedy rule, without an optimality guarantee.",
    "subsidies.none_eligible": (
        "No project is eligible under the regime. The reasons are in the project table (cluster not on the "
        "registry, project started outside the regime's years, costs not reimbursed). For a what-if, switch on "
        '"Assume every cluster is registered" or change the regime\'s parameters on the left.'
    ),
    "subsidies.no_projects": "The database holds no joint projects: load the project tables on the Data page.",
    "subsidies.chart.projects": "Subsidy and own money by project",
    "subsidies.chart.projects_caption": (
        "The {n} largest projects by cost of the {total} in the portfolio; totals over the horizon. ▲: the cap cut the subsidy."
    ),
    "subsidies.chart.balance": "The budget: payments and taxes returned",
    "subsidies.chart.balance_caption": (
        "Cumulative by year; taxes discounted at {rate}. The dotted line: the year from which taxes no longer "
        "lag behind payments."
    ),
    "subsidies.balance.outlay": "Subsidy paid",
    "subsidies.balance.taxes": "Taxes returned (discounted)",
    "subsidies.balance.break_even": "break-even: {year}",
    "subsidies.balance.no_break_even": "no break-even within the horizon",
    "subsidies.chart.npv": "Project NPV without and with support",
    "subsidies.chart.npv_caption": "Participants' net present value at {rate}; the gap is the discounted subsidy.",
    "subsidies.npv.without": "without support",
    "subsidies.npv.with": "with support",
    "subsidies.chart.tornado": "Sensitivity",
    "subsidies.sensitivity": "Portfolio metric",
    "subsidies.chart.tornado_caption": (
        "Each factor moves by ±{delta} from its current value, the others stay; the portfolio is kept."
    ),
    "subsidies.factor.support_rate": "Federal share",
    "subsidies.factor.discount_rate": "Discount rate",
    "subsidies.factor.revenue": "Revenue against expected",
    "subsidies.tornado.low": "factor lower",
    "subsidies.tornado.high": "factor higher",
    "subsidies.tornado.limited": "stopped at the {limit} limit",
    "subsidies.tornado.base": "now: {value}",
    "subsidies.tornado.toggle": "The sensitivity of {n} portfolio projects is computed on request — the switch on the left.",
    "subsidies.chart.budget": "The portfolio within the annual budget",
    "subsidies.budget_line": "budget {value} a year",
    "subsidies.no_budget": "No budget set: payments of every eligible project by year.",
    "subsidies.sweep.toggle": "Show who drops out at another budget",
    "subsidies.sweep.title": "Who drops out at another budget",
    "subsidies.sweep.help": (
        "The selection is repeated for ten budgets, from 10% to 100% of the largest annual payment without a "
        "limit. With dozens or hundreds of projects this takes from a fraction of a second to seconds, so it "
        "runs on request; with a budget set and at most 10 candidate projects it is shown at once."
    ),
    "subsidies.sweep.axis": "Annual budget, RUB mln",
    "subsidies.sweep.in": "in the portfolio",
    "subsidies.sweep.out": "left out",
    "subsidies.sweep.current": "current",
    "subsidies.sweep.caption": (
        "Filled: the project is in the portfolio at that budget. Always in: {always}; never in: {never}; not "
        "shown: {hidden}. The set need not grow with the budget: one large project may push out two small ones."
    ),
    "subsidies.axis.mln_rub": "RUB mln",
    "subsidies.axis.mln_rub_year": "RUB mln a year",
    "subsidies.axis.npv": "NPV, RUB mln",
    "subsidies.axis.unit_mln_rub": ", RUB mln",
    "subsidies.short.subsidy_mln_rub": "Subsidy",
    "subsidies.short.npv_uplift_mln_rub": "NPV uplift",
    "subsidies.short.pv_taxes_mln_rub": "Taxes (disc.)",
    "subsidies.objective_value.taxes": "Taxes, RUB mln",
    "subsidies.objective_value.jobs": "Jobs",
    "subsidies.objective_value.npv_uplift": "NPV uplift, RUB mln",
    "subsidies.objective_value.npv_with": "NPV, RUB mln",
    "subsidies.table": "All projects",
    "subsidies.download_scenario": "Download the scenario (Excel)",
    "subsidies.link_hint": "The page address holds every parameter: a link reproduces exactly what is on screen.",
    "subsidies.reason.eligible": "eligible",
    "subsidies.reason.cluster_not_registered": "cluster not on the registry",
    "subsidies.reason.not_joint": "not a joint project",
    "subsidies.reason.too_few_participants": "too few participants",
    "subsidies.reason.stage_not_eligible": "stage not supported",
    "subsidies.reason.no_eligible_costs": "no eligible costs",
    "subsidies.cost_reason.project_not_eligible": "project not eligible",
    "subsidies.cost_reason.outside_horizon": "costs beyond the horizon",
    "subsidies.cost_reason.category_not_eligible": "cost category not reimbursed",
    "subsidies.cost_reason.before_costs_from": "costs before the regime starts",
    "subsidies.cost_reason.after_costs_to": "costs after the regime ends",
    "subsidies.cost_reason.supplier_missing": "supplier not given",
    "subsidies.cost_reason.supplier_is_applicant": "supplier is the applicant itself",
    "subsidies.cost_reason.supplier_not_cluster_participant": "supplier not a cluster participant",
    "subsidies.irr.none": "no IRR exists",
    "subsidies.irr.multiple": "several IRRs: use NPV",
    "subsidies.compare": "Scenarios side by side",
    "subsidies.compare_mode": "Compare",
    "subsidies.compare_mode.preset": "Federal share 0 / ½ / limit",
    "subsidies.compare_mode.saved": "Saved scenarios",
    "subsidies.compare_pick": "Scenarios (up to three)",
    "subsidies.compare_current": "Current (on screen)",
    "subsidies.compare_fed": "Fed. share {share}",
    "subsidies.compare_empty": "Choose at least one scenario.",
    "subsidies.compare_broken": "Could not open the saved scenarios: {names}.",
    "subsidies.download_compare": "Download the comparison (Excel)",
    "subsidies.save": "Save the current scenario",
    "subsidies.save_name": "Name",
    "subsidies.save_note": "Comment",
    "subsidies.save_button": "Save",
    "subsidies.saved": "Scenario “{name}” saved.",
    "subsidies.login_required": "Saving and deleting scenarios is for analysts, after logging in on the Data page.",
    "subsidies.login_link": "Log in on the Data page",
    "subsidies.saved_pick": "Saved scenario",
    "subsidies.saved_title": "Saved scenarios",
    "subsidies.saved_none": "None yet: scenarios saved by analysts appear here.",
    "subsidies.open": "Open",
    "subsidies.delete": "Delete",
    "subsidies.national": "National context",
    "subsidies.national.clusters": "Clusters on the Minpromtorg registry",
    "subsidies.national.enterprises": "Enterprises supported",
    "subsidies.national.projects": "Joint projects supported",
    "subsidies.national.value": "Value of these projects",
    "subsidies.national.more": "{value}+",
    "subsidies.national.source": (
        "From the strategic session “Industrial clusters as a tool to stimulate industrial production” "
        "(Kaluga, 29.11.2018): large and medium enterprises, joint projects and their value over the "
        "programme's two years. Later: more than {later_2022} clusters on the registry (December 2022), "
        "{later_2024} confirmed under the updated requirements (September 2024)."
    ),
    "subsidies.notice.federal_share_restarted": "Another regime: the federal share starts at its limit, {new}.",
    "subsidies.notice.federal_share_lowered": "The regime's limit was lowered: the federal share went from {old} to {new}.",
    "subsidies.notice.cap_dropped": "The own cap {old} exceeded the legal cap and was removed.",
    "subsidies.error.refused": "Value refused: {field} = {value}. {allowed}",
    "subsidies.error.range": "Allowed from {low} to {high}.",
    "subsidies.error.options": "Allowed values: {options}.",
    "subsidies.error.not_a_number": "A number is needed.",
    "subsidies.error.not_a_date": "A date is needed, as YYYY-MM-DD.",
    "subsidies.error.not_an_option": "No such option.",
    "subsidies.error.empty": "Choose at least one value.",
    "subsidies.error.out_of_range": "The value is out of range.",
    "subsidies.error.url": "The link holds a value that is not allowed; the default scenario is shown. {detail}",
    "subsidies.sheet.projects": "Projects",
    "subsidies.sheet.budget": "Budget by year",
    "subsidies.sheet.summary": "Portfolio totals",
    "subsidies.sheet.parameters": "Parameters",
    "subsidies.sheet.compare": "Comparison",
    **_prefixed("subsidies.field", _FIELDS_EN),
    **_prefixed("subsidies.metric", _METRICS_EN),
    **_prefixed("subsidies.param", _PARAMS_EN),
    **_prefixed("subsidies.col", _COLUMNS_EN),
    **_prefixed("subsidies.category", _CATEGORIES_EN),
    **_prefixed("subsidies.stage", _STAGES_EN),
}

# --- Issue 11: one base year, attributed taxes, taxes by budget level, payment lag, registry ---------

_EFFECT_RU: dict[str, str] = {
    "subsidies.field.additionality": "доля налогов проектов, окупающихся и без поддержки",
    "subsidies.field.payment_lag_years": "задержка выплаты, лет",
    "subsidies.field.assume_registered": "считать все кластеры в реестре",
    "subsidies.field.profit_share": "налогооблагаемая прибыль, доля прибыли от производства",
    "subsidies.field.property_share": "доля затрат, ставших недвижимостью",
    "subsidies.field.tax_rate": "налоги, доля выручки (пусто — по видам налогов)",
    "subsidies.field.cmp1": "закреплённый сценарий 1",
    "subsidies.field.cmp2": "закреплённый сценарий 2",
    "subsidies.field.cmp3": "закреплённый сценарий 3",
    "subsidies.param.add": "доля налогов проектов, окупающихся и без поддержки (0–1)",
    "subsidies.param.lag": "задержка выплаты, лет",
    "subsidies.param.assume_reg": "все кластеры в реестре (1 — да)",
    "subsidies.param.profit": "налогооблагаемая прибыль, доля прибыли от производства",
    "subsidies.param.property": "доля затрат, ставших недвижимостью",
    "subsidies.param.tax": "налоги, доля выручки (пусто — по видам налогов)",
    "subsidies.metric.pv_subsidy_mln_rub": "Субсидия, дисконтированная",
    "subsidies.metric.pv_subsidy_federal_mln_rub": "Федеральная субсидия, дисконтированная",
    "subsidies.metric.pv_subsidy_regional_mln_rub": "Региональная доплата, дисконтированная",
    "subsidies.metric.taxes_mln_rub": "Все налоги проектов за горизонт",
    "subsidies.metric.pv_taxes_gross_mln_rub": "Все налоги проектов, дисконтированные",
    "subsidies.metric.pv_taxes_additional_mln_rub": "Налоги благодаря поддержке, дисконтированные",
    "subsidies.metric.pv_taxes_federal_mln_rub": "Все налоги: в федеральный бюджет",
    "subsidies.metric.pv_taxes_regional_mln_rub": "Все налоги: в областной бюджет",
    "subsidies.metric.pv_taxes_local_mln_rub": "Все налоги: в местные бюджеты",
    "subsidies.metric.pv_taxes_social_funds_mln_rub": "Все налоги: страховые взносы в фонды",
    "subsidies.metric.budget_effectiveness": "Налоги благодаря поддержке на 1 ₽ субсидии",
    "subsidies.metric.budget_effectiveness_federal": "То же, федеральный бюджет к федеральной субсидии",
    "subsidies.metric.budget_effectiveness_regional": "То же, областной бюджет к региональной доплате",
    "subsidies.col.pv_subsidy": "Субсидия дисконтированная, млн ₽",
    "subsidies.col.pv_taxes": "Все налоги проекта дисконтированные, млн ₽",
    "subsidies.col.attribution": "Доля налогов, засчитанная поддержке",
    "subsidies.col.pv_taxes_additional": "Налоги благодаря поддержке, дисконт., млн ₽",
    "subsidies.col.pv_taxes_federal": "Налоги в федеральный бюджет, дисконт., млн ₽",
    "subsidies.col.pv_taxes_regional": "Налоги в областной бюджет, дисконт., млн ₽",
    "subsidies.col.pv_taxes_local": "Налоги в местные бюджеты, дисконт., млн ₽",
    "subsidies.col.pv_taxes_social_funds": "Страховые взносы, дисконт., млн ₽",
    "subsidies.col.effectiveness": "Налоги благодаря поддержке на 1 ₽ субсидии",
    "subsidies.col.assumption": "Допущение",
    "subsidies.col.subsidy_pv_mln_rub": "Субсидия за год, дисконтированная, млн ₽",
    "subsidies.col.taxes_gross_mln_rub": "Все налоги проектов за год, млн ₽",
    "subsidies.col.taxes_gross_pv_mln_rub": "Все налоги проектов за год, дисконт., млн ₽",
    "subsidies.col.taxes_mln_rub": "Налоги благодаря поддержке за год, млн ₽",
    "subsidies.col.taxes_pv_mln_rub": "Налоги благодаря поддержке за год, дисконт., млн ₽",
    "subsidies.col.cum_subsidy_pv_mln_rub": "Субсидия нарастающим итогом, дисконт., млн ₽",
    "subsidies.col.cum_taxes_pv_mln_rub": "Налоги благодаря поддержке нарастающим итогом, дисконт., млн ₽",
    "subsidies.reason.outside_regime_period": "проект начат вне срока действия режима",
    "subsidies.short.pv_subsidy_mln_rub": "Субсидия (дисконт.)",
    "subsidies.short.pv_taxes_additional_mln_rub": "Налоги благодаря поддержке",
    "subsidies.short.pv_taxes_gross_mln_rub": "Все налоги (справочно)",
    "subsidies.metric.pv_taxes_mln_rub": "Налоги благодаря поддержке, дисконтированные",
    "subsidies.objective.taxes": "налоги благодаря поддержке",
    "subsidies.assumptions_note": (
        "Это допущения расчёта, а не нормы закона; их можно менять. По умолчанию: ставка дисконтирования "
        "10\u00a0%, свободный денежный поток 15\u00a0% выручки, горизонт 10 лет, выплата через год после затрат, налоги "
        "по видам (НДС, налог на прибыль, НДФЛ, страховые взносы, налог на имущество) по долям добавленной "
        "стоимости и оплаты труда продукции проекта в таблицах «затраты-выпуск» Росстата за 2021 год."
    ),
    "subsidies.rate_help": "Допущение. Субсидия, налоги и денежные потоки приводятся к одному году.",
    "subsidies.tax": "Налоги, доля выручки (пусто — по видам налогов)",
    "subsidies.tax_help": (
        "Пусто — налоги считаются по видам и уровням бюджета по ставкам Налогового кодекса. Число — упрощённо, "
        "доля выручки; по уровням бюджета она делится в тех же пропорциях."
    ),
    "subsidies.taxes_help": (
        "Заявленные — налоги из данных проекта, где они есть, иначе расчётные; расчётные — всегда по ставкам."
    ),
    "subsidies.taxes.rate": "расчётные",
    "subsidies.base_year": "Год приведения (пусто — первый год данных)",
    "subsidies.base_year_help": (
        "Все деньги — субсидия, налоги, денежные потоки — дисконтируются к 1 января этого года. Отношение "
        "налогов к субсидии от выбора года не зависит."
    ),
    "subsidies.add": "Налоги проектов, окупающихся и без поддержки, засчитываются поддержке на",
    "subsidies.add_help": (
        "Проект, который окупается и без субсидии, состоялся бы и так: по умолчанию 0\u00a0% его налогов "
        "засчитываются поддержке (тест стимулирующего эффекта в практике госпомощи; лучше обоснованного "
        "значения не найдено). Проект, который окупается только с поддержкой, — 100\u00a0%; не окупающийся и с "
        "ней — 0\u00a0%."
    ),
    "subsidies.lag": "Задержка выплаты субсидии, лет",
    "subsidies.lag_help": (
        "Субсидия за затраты года t выплачивается в году t + задержка: отбор 2024 года возмещал затраты 2023 года."
    ),
    "subsidies.assume_reg": "Считать все кластеры в реестре (что если)",
    "subsidies.assume_reg_help": (
        "По умолчанию поддержку получают только кластеры, прошедшие проверку требований Постановления № 779 "
        "(или отмеченные в реестре ниже). Переключатель — для расчёта «что если»."
    ),
    "subsidies.registry": "Кластеры в реестре Минпромторга",
    "subsidies.registry_help": (
        "По умолчанию — кластеры, прошедшие проверку требований Постановления № 779 на странице «Кластеры». "
        "Отметьте кластер, если он в реестре; уберите — его проекты перестанут подходить под режим."
    ),
    "subsidies.kpi.npv_uplift_help": "ЧДД с поддержкой минус ЧДД без неё: субсидия, дисконтированная с учётом задержки выплаты.",
    "subsidies.kpi.effectiveness": "Налоги благодаря поддержке / субсидия",
    "subsidies.kpi.effectiveness_help": (
        "Дисконтированные налоги, которые появились благодаря поддержке, на рубль дисконтированной субсидии. "
        "Рядом — все налоги проектов, включая те, что были бы и без поддержки."
    ),
    "subsidies.kpi.gross": "все налоги: {value}",
    "subsidies.kpi.break_even_help": (
        "Первый год, начиная с которого накопленные дисконтированные налоги благодаря поддержке не меньше "
        "накопленной дисконтированной субсидии и остаются такими; прочерк — не окупается за горизонт."
    ),
    "subsidies.levels": (
        "Налоги благодаря поддержке к субсидии: федеральный бюджет к федеральной субсидии — **{federal}**, "
        "областной бюджет к региональной доплате — **{regional}**, бюджетная система в целом — **{total}**."
    ),
    "subsidies.assumption": (
        "Налоги засчитаны поддержке полностью у проектов, которые окупаются только с ней, на {additionality} — "
        "у окупающихся и без неё, и не засчитаны у неокупаемых; субсидия выплачивается через {lag} г. после "
        "затрат, всё приведено к {base_year} по ставке {rate}."
    ),
    "subsidies.assumption.first_year": "первому году данных",
    "subsidies.assumption.year": "{year} году",
    "subsidies.assumption.registered": "Допущено, что все кластеры в реестре.",
    "subsidies.chart.balance": "Бюджет: выплаты и налоги благодаря поддержке",
    "subsidies.chart.balance_caption": (
        "Нарастающим итогом, всё дисконтировано по ставке {rate}. Пунктир — все налоги проектов для "
        "сравнения; вертикальная линия — год, с которого налоги благодаря поддержке не отстают от выплат."
    ),
    "subsidies.balance.outlay": "Выплачено субсидий (дисконт.)",
    "subsidies.balance.taxes": "Налоги благодаря поддержке (дисконт.)",
    "subsidies.balance.gross": "Все налоги проектов (дисконт.)",
    "subsidies.factor.support_rate": "Федеральная доля",
    "subsidies.compare_mode.pinned": "Закреплённые сценарии",
    "subsidies.pin": "Закрепить текущий сценарий для сравнения",
    "subsidies.pin_help": "До трёх сценариев; хранятся в этой сессии и в адресе страницы, вход не нужен.",
    "subsidies.pinned_label": "Сценарий {n}",
    "subsidies.unpin": "Убрать сценарий {n}",
    "subsidies.pinned_none": "Закрепите текущий сценарий кнопкой выше, измените параметры и закрепите ещё один.",
    "subsidies.tornado.toggle_any": "Рассчитывать и для большого портфеля (около полсекунды)",
}
_EFFECT_EN: dict[str, str] = {
    "subsidies.field.additionality": "share of taxes of projects viable without support",
    "subsidies.field.payment_lag_years": "payment lag, years",
    "subsidies.field.assume_registered": "assume every cluster is registered",
    "subsidies.field.profit_share": "taxable profit, share of operating surplus",
    "subsidies.field.property_share": "share of costs that become real estate",
    "subsidies.field.tax_rate": "taxes, share of revenue (empty: by tax type)",
    "subsidies.field.cmp1": "pinned scenario 1",
    "subsidies.field.cmp2": "pinned scenario 2",
    "subsidies.field.cmp3": "pinned scenario 3",
    "subsidies.param.add": "share of taxes of projects viable without support (0–1)",
    "subsidies.param.lag": "payment lag, years",
    "subsidies.param.assume_reg": "every cluster registered (1 = yes)",
    "subsidies.param.profit": "taxable profit, share of operating surplus",
    "subsidies.param.property": "share of costs that become real estate",
    "subsidies.param.tax": "taxes, share of revenue (empty: by tax type)",
    "subsidies.metric.pv_subsidy_mln_rub": "Subsidy, discounted",
    "subsidies.metric.pv_subsidy_federal_mln_rub": "Federal subsidy, discounted",
    "subsidies.metric.pv_subsidy_regional_mln_rub": "Regional top-up, discounted",
    "subsidies.metric.taxes_mln_rub": "All taxes of the projects over the horizon",
    "subsidies.metric.pv_taxes_gross_mln_rub": "All taxes of the projects, discounted",
    "subsidies.metric.pv_taxes_additional_mln_rub": "Taxes due to support, discounted",
    "subsidies.metric.pv_taxes_federal_mln_rub": "All taxes: federal budget",
    "subsidies.metric.pv_taxes_regional_mln_rub": "All taxes: regional budget",
    "subsidies.metric.pv_taxes_local_mln_rub": "All taxes: local budgets",
    "subsidies.metric.pv_taxes_social_funds_mln_rub": "All taxes: insurance contributions to social funds",
    "subsidies.metric.budget_effectiveness": "Taxes due to support per subsidy ₽",
    "subsidies.metric.budget_effectiveness_federal": "The same, federal budget per federal subsidy",
    "subsidies.metric.budget_effectiveness_regional": "The same, regional budget per regional top-up",
    "subsidies.col.pv_subsidy": "Subsidy, discounted, RUB mln",
    "subsidies.col.pv_taxes": "All taxes of the project, discounted, RUB mln",
    "subsidies.col.attribution": "Share of taxes credited to support",
    "subsidies.col.pv_taxes_additional": "Taxes due to support, discounted, RUB mln",
    "subsidies.col.pv_taxes_federal": "Taxes to the federal budget, discounted, RUB mln",
    "subsidies.col.pv_taxes_regional": "Taxes to the regional budget, discounted, RUB mln",
    "subsidies.col.pv_taxes_local": "Taxes to local budgets, discounted, RUB mln",
    "subsidies.col.pv_taxes_social_funds": "Insurance contributions, discounted, RUB mln",
    "subsidies.col.effectiveness": "Taxes due to support per subsidy ₽",
    "subsidies.col.assumption": "Assumption",
    "subsidies.col.subsidy_pv_mln_rub": "Subsidy in the year, discounted, RUB mln",
    "subsidies.col.taxes_gross_mln_rub": "All taxes of the projects in the year, RUB mln",
    "subsidies.col.taxes_gross_pv_mln_rub": "All taxes of the projects in the year, discounted, RUB mln",
    "subsidies.col.taxes_mln_rub": "Taxes due to support in the year, RUB mln",
    "subsidies.col.taxes_pv_mln_rub": "Taxes due to support in the year, discounted, RUB mln",
    "subsidies.col.cum_subsidy_pv_mln_rub": "Cumulative subsidy, discounted, RUB mln",
    "subsidies.col.cum_taxes_pv_mln_rub": "Cumulative taxes due to support, discounted, RUB mln",
    "subsidies.reason.outside_regime_period": "project started outside the regime's period",
    "subsidies.short.pv_subsidy_mln_rub": "Subsidy (disc.)",
    "subsidies.short.pv_taxes_additional_mln_rub": "Taxes due to support",
    "subsidies.short.pv_taxes_gross_mln_rub": "All taxes (for reference)",
    "subsidies.metric.pv_taxes_mln_rub": "Taxes due to support, discounted",
    "subsidies.objective.taxes": "taxes due to support",
    "subsidies.assumptions_note": (
        "These are assumptions of the calculation, not rules of law; change them freely. Defaults: discount "
        "rate 10%, free cash flow 15% of revenue, horizon 10 years, payment a year after the costs, taxes by "
        "type (VAT, profit tax, personal income tax, insurance contributions, property tax) on the value-added "
        "and wage shares of the project's product in Rosstat's 2021 input–output tables."
    ),
    "subsidies.rate_help": "Assumption. Subsidy, taxes and cash flows are discounted to one year.",
    "subsidies.tax": "Taxes, share of revenue (empty: by tax type)",
    "subsidies.tax_help": (
        "Empty: taxes by type and budget level at the Tax Code's rates. A number: simplified, a share of "
        "revenue, split among budget levels in the same proportions."
    ),
    "subsidies.taxes_help": "Reported: the project's own tax figures where present, else modelled; modelled: always the rates.",
    "subsidies.taxes.rate": "modelled",
    "subsidies.base_year": "Base year of discounting (empty: first year of the data)",
    "subsidies.base_year_help": (
        "All money — subsidy, taxes, cash flows — is discounted to 1 January of this year. The ratio of taxes "
        "to subsidy does not depend on the choice."
    ),
    "subsidies.add": "Taxes of projects viable without support credited to support at",
    "subsidies.add_help": (
        "A project that pays off without the subsidy would have happened anyway: by default 0% of its taxes "
        "are credited to support (the incentive-effect test of state-aid practice; no better-sourced value was "
        "found). A project that pays off only with support counts 100%; one that does not pay off even with "
        "it, 0%."
    ),
    "subsidies.lag": "Subsidy payment lag, years",
    "subsidies.lag_help": "Support for the costs of year t is paid in t + lag: the 2024 round reimbursed 2023 costs.",
    "subsidies.assume_reg": "Assume every cluster is registered (what-if)",
    "subsidies.assume_reg_help": (
        "By default only clusters that pass the Decree No. 779 check (or are marked registered below) get "
        "support. The switch is for a what-if calculation."
    ),
    "subsidies.registry": "Clusters on the Minpromtorg registry",
    "subsidies.registry_help": (
        "By default, the clusters that pass the Decree No. 779 check on the Clusters page. Mark a cluster that "
        "is on the registry; remove one and its projects stop being eligible."
    ),
    "subsidies.kpi.npv_uplift_help": "NPV with support minus NPV without: the subsidy discounted, payment lag included.",
    "subsidies.kpi.effectiveness": "Taxes due to support / subsidy",
    "subsidies.kpi.effectiveness_help": (
        "Discounted taxes that exist thanks to support per discounted subsidy rouble. Beside it: all taxes of "
        "the projects, including those that would be paid without support."
    ),
    "subsidies.kpi.gross": "all taxes: {value}",
    "subsidies.kpi.break_even_help": (
        "The first year from which cumulative discounted taxes due to support are at least the cumulative "
        "discounted subsidy and stay so; a dash: not within the horizon."
    ),
    "subsidies.levels": (
        "Taxes due to support per subsidy: federal budget per federal subsidy **{federal}**, regional budget "
        "per regional top-up **{regional}**, the budget system as a whole **{total}**."
    ),
    "subsidies.assumption": (
        "Taxes are credited to support in full for projects that pay off only with it, at {additionality} for "
        "those that pay off without it and not at all for those that never pay off; the subsidy is paid {lag} "
        "yr after the costs, and everything is discounted to {base_year} at {rate}."
    ),
    "subsidies.assumption.first_year": "the first year of the data",
    "subsidies.assumption.year": "{year}",
    "subsidies.assumption.registered": "Every cluster is assumed registered.",
    "subsidies.chart.balance": "Budget: payments and taxes due to support",
    "subsidies.chart.balance_caption": (
        "Cumulative, all discounted at {rate}. Dotted: all taxes of the projects for comparison; vertical line: "
        "the year from which taxes due to support keep up with payments."
    ),
    "subsidies.balance.outlay": "Subsidy paid (disc.)",
    "subsidies.balance.taxes": "Taxes due to support (disc.)",
    "subsidies.balance.gross": "All taxes of the projects (disc.)",
    "subsidies.factor.support_rate": "Federal share",
    "subsidies.compare_mode.pinned": "Pinned scenarios",
    "subsidies.pin": "Pin the current scenario for comparison",
    "subsidies.pin_help": "Up to three; kept in this session and in the page address, no login needed.",
    "subsidies.pinned_label": "Scenario {n}",
    "subsidies.unpin": "Remove scenario {n}",
    "subsidies.pinned_none": "Pin the current scenario with the button above, change parameters and pin another.",
    "subsidies.tornado.toggle_any": "Compute for a large portfolio too (about half a second)",
}
RU.update(_EFFECT_RU)
EN.update(_EFFECT_EN)
