"""Strings of the input–output section (Sectors page) and its Methodology sections (``io``, ``io_regional``)."""

RU: dict[str, str] = {
    "sectors.io.title": "Межотраслевые мультипликаторы региона",
    "sectors.io.intro": (
        "Сколько выпуска во всей экономике региона даёт 1 ₽ спроса на продукцию отрасли — с учётом "
        "местных поставщиков (тип I) и расходов работников (тип II). Региональная таблица оценена из "
        "таблицы «затраты-выпуск» России 2021 года по занятости региона (метод FLQ)."
    ),
    "sectors.io.method": "Метод регионализации",
    "sectors.io.method.flq": "FLQ (Флегг)",
    "sectors.io.method.cilq": "CILQ",
    "sectors.io.method.slq": "SLQ",
    "sectors.io.delta": "Параметр δ метода FLQ",
    "sectors.io.delta_help": (
        "Чем больше δ, тем сильнее уменьшаются закупки у местных поставщиков в небольшом регионе. "
        "Флегг и Уэббер рекомендуют 0,3; в литературе — 0,1–0,4."
    ),
    "sectors.io.kpi.share": "Размер региона",
    "sectors.io.kpi.share_help": "Доля региона в рабочей силе России (Росстат, обследование рабочей силы).",
    "sectors.io.kpi.share_help_store": "Доля региона в занятости, загруженной в базу (в файле рабочей силы региона нет).",
    "sectors.io.kpi.lambda": "Поправка на размер λ*",
    "sectors.io.kpi.lambda_help": "λ* = [log₂(1 + доля региона)]^δ: во сколько раз FLQ уменьшает межрегиональные закупки.",
    "sectors.io.kpi.key": "Ключевые отрасли",
    "sectors.io.kpi.key_help": "Продукты с прямой и обратной связью выше средней (по Расмуссену).",
    "sectors.io.top": "Мультипликатор выпуска: регион и Россия, первые {n} продуктов",
    "sectors.io.axis": "Выпуск на 1 ₽ конечного спроса, ₽",
    "sectors.io.russia": "Россия",
    "sectors.io.type2": "{region}, тип II (с расходами домохозяйств)",
    "sectors.io.slq_note": (
        "Данные региона по занятости есть для {division} продуктов; {section} взяли коэффициент "
        "локализации своего раздела ОКВЭД 2; для {none} данных нет, принят SLQ = 1 (структура России)."
    ),
    "sectors.io.linkages": "Связи отраслей и ключевые отрасли",
    "sectors.io.linkages_caption": (
        "Обратная связь — насколько отрасль тянет за собой поставщиков региона; прямая — насколько "
        "другие отрасли зависят от её продукции. Обе больше 1 — ключевая отрасль."
    ),
    "sectors.io.backward": "Обратная связь (закупки)",
    "sectors.io.forward": "Прямая связь (поставки)",
    "sectors.io.key": "Ключевые отрасли",
    "sectors.io.other": "Прочие",
    "sectors.io.table": "Мультипликаторы всех продуктов",
    "sectors.io.source.division": "данные региона",
    "sectors.io.source.section": "по разделу ОКВЭД",
    "sectors.io.source.none": "нет данных (SLQ = 1)",
    "sectors.io.no_data": "Для этого региона и года в базе нет занятости по ОКВЭД: мультипликаторы не рассчитать.",
    "sectors.io.caveat": (
        'Источник: Росстат, «Базовые таблицы "затраты-выпуск" за 2021 год» (опубл. 7 февраля 2025 г.), '
        "отечественная продукция; занятость по разделам ОКВЭД 2 за 2021 год. Технология России 2021 года "
        "принята для всех регионов и лет; региональная таблица — оценка (FLQ), а не обследование. "
        "Подробнее — на странице «Методика»."
    ),
    "sectors.io.illustrative": "Занятость региона в базе — условные (демонстрационные) значения: мультипликаторы иллюстративны.",
    "col.io.product": "Продукт",
    "col.io.okpd2": "ОКПД 2",
    "col.io.slq": "SLQ",
    "col.io.slq_source": "Источник SLQ",
    "col.io.output_region": "Выпуск, регион",
    "col.io.output_russia": "Выпуск, Россия",
    "col.io.output_type2_region": "Выпуск, регион, тип II",
    "col.io.value_added_region": "Добавленная стоимость, регион",
    "col.io.income_region": "Оплата труда, регион",
    "col.io.employment_region": "Рабочие места на 1 млн ₽, регион",
    "col.io.employment_russia": "Рабочие места на 1 млн ₽, Россия",
    "col.io.retained": "Доля цепочки в регионе",
    "col.io.backward": "Обратная связь",
    "col.io.forward": "Прямая связь",
    "col.io.key": "Ключевая",
    "method.io.title": "Межотраслевой баланс: мультипликаторы (таблица «затраты-выпуск»)",
    "method.io.body": (
        "Симметричная таблица Росстата за 2021 год (113 продуктов ОКПД 2): $Z$ — промежуточное "
        "потребление (строки — продукт-поставщик, столбцы — продукт-потребитель), $x$ — выпуск P1. "
        "Коэффициенты прямых затрат $a_{ij} = z_{ij}/x_j$, полных затрат $L = (I - A)^{-1}$ "
        "(обратная матрица Леонтьева). По таблице с импортом $L$ совпадает с листом «КПЗ» Росстата "
        "(расхождение не более 0,07 ₽ на 1000 ₽ — округление опубликованных потоков); для регионов "
        "используется таблица отечественной продукции.\n\n"
        "Мультипликатор выпуска $m_j = \\sum_i L_{ij}$; добавленной стоимости $\\sum_i v_i L_{ij}$, "
        "$v_i = B1g_i/x_i$; оплаты труда $\\sum_i w_i L_{ij}$, $w_i = D1_i/x_i$; занятости "
        "$\\sum_i e_i L_{ij}$, $e_i$ — занятые на 1 млн ₽ выпуска (занятость России по разделам ОКВЭД 2 "
        "за 2021 год, распределённая между продуктами раздела пропорционально оплате труда; раздел T — "
        "разность между итогом и суммой разделов). Тип II: модель замкнута по домохозяйствам — строка "
        "$w$ (оплата труда) и столбец $h_i = c_i / \\sum c$ (структура потребления домохозяйств P3_S14); "
        "всё полученное работниками тратится. Эффекты: прямой $y$, косвенный $Ly - y$, "
        "индуцированный $\\bar L y - L y$; налоги — НДФЛ 13\u00a0% с заработной платы D11 (ст. 224 НК РФ; "
        "ставка требует проверки для лет после 2024). Связи по Расмуссену: обратная "
        "$\\sum_i L_{ij} / \\overline{\\sum_i L_{ik}}$, прямая $\\sum_j L_{ij} / \\overline{\\sum_j L_{kj}}$; "
        "ключевая отрасль — обе больше 1. Источник: Miller & Blair (2009); Rasmussen (1956)."
    ),
    "method.io_regional.title": "Регионализация: FLQ, CILQ, SLQ",
    "method.io_regional.body": (
        "Региональные коэффициенты $r_{ij} = a_{ij} \\cdot \\min(1, Q_{ij})$. Простой коэффициент "
        "локализации $SLQ_i = (E_i^r/E^r)/(E_i^n/E^n)$ по занятости; межотраслевой "
        "$CILQ_{ij} = SLQ_i / SLQ_j$ (на диагонали $SLQ_i$); FLQ Флегга "
        "$FLQ_{ij} = CILQ_{ij} \\cdot \\lambda^*$, $\\lambda^* = [\\log_2(1 + E^r/E^n)]^{\\delta}$ "
        "(Flegg & Webber 1997). $E^r/E^n$ — доля региона в рабочей силе России; $\\delta = 0{,}3$ по "
        "умолчанию, в литературе 0,1–0,4: чем больше δ, тем меньше региональные мультипликаторы. "
        "SLQ продукта — по занятости региона в его классах ОКВЭД 2 (соответствие ОКПД 2 ↔ ОКВЭД 2 по "
        "общим разделам и классам); нет данных по классу — SLQ раздела, нет и по разделу — SLQ = 1. "
        "Ограничения: технология России 2021 года для всех регионов и лет; FLQ — оценка, а не "
        "обследование; производительность труда и доли добавленной стоимости — средние по России."
    ),
}

EN: dict[str, str] = {
    "sectors.io.title": "The region's input–output multipliers",
    "sectors.io.intro": (
        "How much output across the region's economy RUB 1 of demand for a product brings — through "
        "local suppliers (Type I) and workers' spending (Type II). The regional table is estimated from "
        "Russia's 2021 input–output table with the region's employment (FLQ method)."
    ),
    "sectors.io.method": "Regionalisation method",
    "sectors.io.method.flq": "FLQ (Flegg)",
    "sectors.io.method.cilq": "CILQ",
    "sectors.io.method.slq": "SLQ",
    "sectors.io.delta": "FLQ parameter δ",
    "sectors.io.delta_help": (
        "The larger δ, the more a small region's purchases from local suppliers are cut. Flegg and "
        "Webber recommend 0.3; the literature uses 0.1–0.4."
    ),
    "sectors.io.kpi.share": "Size of the region",
    "sectors.io.kpi.share_help": "The region's share of Russia's labour force (Rosstat labour force survey).",
    "sectors.io.kpi.share_help_store": "The region's share of the employment loaded in the store (not in the labour-force file).",
    "sectors.io.kpi.lambda": "Size factor λ*",
    "sectors.io.kpi.lambda_help": "λ* = [log₂(1 + regional share)]^δ: how much FLQ scales down interregional purchases.",
    "sectors.io.kpi.key": "Key sectors",
    "sectors.io.kpi.key_help": "Products with both backward and forward linkages above average (Rasmussen).",
    "sectors.io.top": "Output multiplier: region and Russia, top {n} products",
    "sectors.io.axis": "Output per RUB 1 of final demand, RUB",
    "sectors.io.russia": "Russia",
    "sectors.io.type2": "{region}, Type II (with household spending)",
    "sectors.io.slq_note": (
        "The region has employment data for {division} products; {section} took the location quotient "
        "of their OKVED 2 section; {none} have no data and take SLQ = 1 (Russia's structure)."
    ),
    "sectors.io.linkages": "Linkages and key sectors",
    "sectors.io.linkages_caption": (
        "Backward linkage — how strongly a sector pulls the region's suppliers; forward linkage — how much "
        "other sectors depend on its output. Both above 1 — a key sector."
    ),
    "sectors.io.backward": "Backward linkage (purchases)",
    "sectors.io.forward": "Forward linkage (sales)",
    "sectors.io.key": "Key sectors",
    "sectors.io.other": "Other",
    "sectors.io.table": "Multipliers of all products",
    "sectors.io.source.division": "regional data",
    "sectors.io.source.section": "OKVED section",
    "sectors.io.source.none": "no data (SLQ = 1)",
    "sectors.io.no_data": "The store has no employment by OKVED for this region and year: no multipliers.",
    "sectors.io.caveat": (
        "Source: Rosstat, basic input–output tables for 2021 (published 7 February 2025), domestic "
        "output; employment by OKVED 2 section in 2021. Russia's 2021 technology is assumed for every "
        "region and year; the regional table is an estimate (FLQ), not a survey. More on the "
        "Methodology page."
    ),
    "sectors.io.illustrative": "The region's employment in the store is illustrative (demo data): so are the multipliers.",
    "col.io.product": "Product",
    "col.io.okpd2": "OKPD 2",
    "col.io.slq": "SLQ",
    "col.io.slq_source": "SLQ source",
    "col.io.output_region": "Output, region",
    "col.io.output_russia": "Output, Russia",
    "col.io.output_type2_region": "Output, region, Type II",
    "col.io.value_added_region": "Value added, region",
    "col.io.income_region": "Compensation, region",
    "col.io.employment_region": "Jobs per RUB 1 mln, region",
    "col.io.employment_russia": "Jobs per RUB 1 mln, Russia",
    "col.io.retained": "Chain kept in the region",
    "col.io.backward": "Backward linkage",
    "col.io.forward": "Forward linkage",
    "col.io.key": "Key",
    "method.io.title": "Input–output multipliers",
    "method.io.body": (
        "Rosstat's symmetric table for 2021 (113 OKPD 2 products): $Z$ — intermediate use (rows — "
        "supplying product, columns — using product), $x$ — output P1. Technical coefficients "
        "$a_{ij} = z_{ij}/x_j$, total requirements $L = (I - A)^{-1}$ (the Leontief inverse). From the "
        "table including imports, $L$ equals Rosstat's «КПЗ» sheet (within 0.07 RUB per 1,000 RUB — the "
        "rounding of the published flows); regions use the domestic-output table.\n\n"
        "Output multiplier $m_j = \\sum_i L_{ij}$; value added $\\sum_i v_i L_{ij}$, $v_i = B1g_i/x_i$; "
        "compensation $\\sum_i w_i L_{ij}$, $w_i = D1_i/x_i$; employment $\\sum_i e_i L_{ij}$, $e_i$ — "
        "persons per RUB 1 mln of output (Russia's 2021 employment by OKVED 2 section, split over the "
        "section's products by compensation; section T is the gap between the total and the sections). "
        "Type II: the model closed with households — the row $w$ (compensation) and the column "
        "$h_i = c_i / \\sum c$ (household consumption mix, P3_S14); all labour income is spent. "
        "Effects: direct $y$, indirect $Ly - y$, induced $\\bar L y - L y$; taxes — personal income tax "
        "of 13% on wages D11 (Tax Code art. 224; to verify for years after 2024). Rasmussen linkages: "
        "backward $\\sum_i L_{ij} / \\overline{\\sum_i L_{ik}}$, forward "
        "$\\sum_j L_{ij} / \\overline{\\sum_j L_{kj}}$; key sector — both above 1. Source: Miller & Blair "
        "(2009); Rasmussen (1956)."
    ),
    "method.io_regional.title": "Regionalisation: FLQ, CILQ, SLQ",
    "method.io_regional.body": (
        "Regional coefficients $r_{ij} = a_{ij} \\cdot \\min(1, Q_{ij})$. Simple location quotient "
        "$SLQ_i = (E_i^r/E^r)/(E_i^n/E^n)$ from employment; cross-industry $CILQ_{ij} = SLQ_i / SLQ_j$ "
        "($SLQ_i$ on the diagonal); Flegg's FLQ $FLQ_{ij} = CILQ_{ij} \\cdot \\lambda^*$, "
        "$\\lambda^* = [\\log_2(1 + E^r/E^n)]^{\\delta}$ (Flegg & Webber 1997). $E^r/E^n$ — the region's "
        "share of Russia's labour force; $\\delta = 0.3$ by default, 0.1–0.4 in the literature: the larger "
        "δ, the smaller the regional multipliers. A product's SLQ comes from the region's employment in "
        "its OKVED 2 divisions (OKPD 2 ↔ OKVED 2 share sections and divisions); without division data, "
        "its section's SLQ; without section data, SLQ = 1. Caveats: Russia's 2021 technology for every "
        "region and year; FLQ is an estimate, not a survey; labour productivity and value-added shares "
        "are Russia's averages."
    ),
}
