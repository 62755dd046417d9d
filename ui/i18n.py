"""Translation catalogs: every user-visible string, in Russian (default) and English.

``t(key, lang, **values)`` looks a key up and fills ``{placeholders}``. A missing key raises
``KeyError`` in tests (both catalogs must have the same keys, checked by ``tests/test_i18n.py``).
No Streamlit import: the catalogs serve exports and notebooks too.
"""
from __future__ import annotations

LANGS = ("ru", "en")
DEFAULT_LANG = "ru"

CATALOG: dict[str, dict[str, str]] = {
    "ru": {
        "app.title": "Кластерный навигатор",
        "app.subtitle": "Аналитика промышленных кластеров региона",
        "app.language": "Язык / Language",
        "app.region": "Регион",
        "app.year": "Год",
        "app.demo_badge": "Демонстрационные данные",
        "app.demo_what": "Что это значит?",
        "app.demo_note": (
            "Загружен демонстрационный набор: названия и отрасли калужских предприятий — публичные "
            "факты, а численность, выручка, связи и проекты — условные значения для показа. "
            "Источники и статус каждого значения — на странице «О данных»."
        ),
        "app.no_store": "Хранилище данных не найдено: выполните `make data`.",
        "nav.home": "Обзор региона",
        "nav.data": "О данных",
        "home.title": "{region}: промышленность в цифрах",
        "home.caption": "Данные за {year} год. Источник: {source}.",
        "home.source_demo": "демонстрационный набор (условные значения)",
        "home.source_loaded": "загруженные данные",
        "kpi.enterprises": "Предприятия в базе",
        "kpi.enterprises_help": "Число предприятий региона в базе, всех видов; ниже — из них малые и средние.",
        "kpi.sme": "из них МСП: {n}",
        "kpi.employees": "Занятые в них",
        "kpi.employees_help": "Среднесписочная численность предприятий региона из базы, человек.",
        "kpi.revenue": "Их выручка",
        "kpi.revenue_help": "Сумма выручки предприятий региона из базы, в текущих ценах.",
        "kpi.manufacturing": "Занятые в обработке",
        "kpi.manufacturing_help": (
            "Занятые в обрабатывающих производствах: раздел C ОКВЭД 2 (классы 10–33) "
            "по отраслевой статистике региона; "
            "изменение — к предыдущему году."
        ),
        "kpi.share_russia": "Доля в России",
        "kpi.share_russia_help": "Доля региона в занятости обрабатывающих производств России.",
        "home.by_cluster": "Занятость по кластерам",
        "home.by_cluster_caption": (
            "Каждое предприятие отнесено к одному кластеру: по указанию в базе или по коду ОКВЭД "
            "(ядро важнее поставщиков и сервиса)."
        ),
        "home.by_municipality": "Занятость по муниципалитетам",
        "home.trend": "Занятость в обрабатывающих производствах, {first} = 100",
        "home.no_enterprises": (
            "Для этого региона в базе нет предприятий: показаны только отраслевые данные. "
            "Загрузить реестр предприятий можно на странице «Данные»."
        ),
        "home.table": "Таблица",
        "col.cluster": "Кластер",
        "col.municipality": "Муниципалитет",
        "col.enterprises": "Предприятия",
        "col.employees": "Занятые, чел.",
        "col.revenue": "Выручка, млн ₽",
        "col.year": "Год",
        "col.index": "Индекс",
        "col.region": "Регион",
        "col.russia": "Россия",
        "col.table": "Таблица",
        "col.rows": "Строк",
        "col.action": "Действие",
        "col.file": "Файл",
        "col.user": "Пользователь",
        "col.loaded_at": "Загружено",
        "cluster.other": "Прочие производства",
        "municipality.unknown": "Муниципалитет не указан",
        "unit.persons": "чел.",
        "unit.pp": "п. п.",
        "data.title": "О данных",
        "data.intro": (
            "Что загружено в хранилище, откуда это взято и что в нём условно. "
            "Статус значения: «публичный факт» (с источником), «приблизительно» (по публичным "
            "источникам, округлено) или «условно» (придумано для демонстрации)."
        ),
        "data.tables": "Таблицы хранилища",
        "data.status": "Статус значений по таблицам",
        "data.versions": "История загрузок",
        "data.status.public": "публичный факт",
        "data.status.approximate": "приблизительно",
        "data.status.illustrative": "условно",
        "data.status.loaded": "загружено пользователем",
        "data.integrity_ok": "Ссылки между таблицами целы.",
        "data.integrity_bad": "Найдены ссылки в никуда: {n}. Таблица ниже показывает первые из них.",
        "data.sources": (
            "Откуда брать реальные данные: Росстат («Регионы России», ЕМИСС — среднесписочная "
            "численность по ОКВЭД 2 и регионам), ежегодники Калугастата, реестр МСП и ЕГРЮЛ ФНС "
            "(предприятия, ИНН, ОКВЭД), ГИСП (реестр кластеров), открытые данные Росстата "
            "(классификаторы ОКВЭД 2 и ОКТМО)."
        ),
        "table.regions": "Регионы",
        "table.municipalities": "Муниципалитеты",
        "table.sectors": "Отрасли (ОКВЭД 2)",
        "table.enterprises": "Предприятия",
        "table.enterprise_years": "Показатели предприятий по годам",
        "table.region_sector_years": "Занятость по регионам и отраслям",
        "table.supply_links": "Кооперационные связи",
        "table.cluster_templates": "Шаблоны кластеров",
        "table.projects": "Совместные проекты",
        "table.project_participants": "Участники проектов",
        "table.project_costs": "Затраты проектов",
        "table.project_revenues": "Выручка проектов",
        "action.seed": "исходный набор",
        "action.append": "добавление",
        "action.replace": "замена",
        "action.rollback": "откат",
        "action.synth": "синтетика",
    },
    "en": {
        "app.title": "Cluster Navigator",
        "app.subtitle": "Regional industrial cluster analytics",
        "app.language": "Язык / Language",
        "app.region": "Region",
        "app.year": "Year",
        "app.demo_badge": "Demo data",
        "app.demo_what": "What does this mean?",
        "app.demo_note": (
            "The demo dataset is loaded: names and industries of Kaluga enterprises are public facts, "
            "while headcounts, revenues, links and projects are illustrative values for the "
            "demonstration. Sources and the status of every value are on the “About the data” page."
        ),
        "app.no_store": "No data store found: run `make data`.",
        "nav.home": "Region overview",
        "nav.data": "About the data",
        "home.title": "{region}: industry in figures",
        "home.caption": "Data for {year}. Source: {source}.",
        "home.source_demo": "demo dataset (illustrative values)",
        "home.source_loaded": "loaded data",
        "kpi.enterprises": "Enterprises in database",
        "kpi.enterprises_help": "Number of the region's enterprises in the database, all kinds; below: SMEs.",
        "kpi.sme": "of which SMEs: {n}",
        "kpi.employees": "Their employees",
        "kpi.employees_help": "Average headcount of the region's enterprises in the database, persons.",
        "kpi.revenue": "Their revenue",
        "kpi.revenue_help": "Total revenue of the region's enterprises in the database, current prices.",
        "kpi.manufacturing": "Manufacturing jobs",
        "kpi.manufacturing_help": (
            "Employment in OKVED 2 section C (divisions 10–33) from the regional sector statistics; "
            "change against the previous year."
        ),
        "kpi.share_russia": "Share of Russia",
        "kpi.share_russia_help": "The region's share of Russia's manufacturing employment.",
        "home.by_cluster": "Employment by cluster",
        "home.by_cluster_caption": (
            "Each enterprise counts in one cluster: as marked in the database or by its OKVED code "
            "(core before supplier before service)."
        ),
        "home.by_municipality": "Employment by municipality",
        "home.trend": "Manufacturing employment, {first} = 100",
        "home.no_enterprises": (
            "The database holds no enterprises for this region: only sector data is shown. "
            "An enterprise register can be loaded on the Data page."
        ),
        "home.table": "Table",
        "col.cluster": "Cluster",
        "col.municipality": "Municipality",
        "col.enterprises": "Enterprises",
        "col.employees": "Employees, persons",
        "col.revenue": "Revenue, RUB mln",
        "col.year": "Year",
        "col.index": "Index",
        "col.region": "Region",
        "col.russia": "Russia",
        "col.table": "Table",
        "col.rows": "Rows",
        "col.action": "Action",
        "col.file": "File",
        "col.user": "User",
        "col.loaded_at": "Loaded",
        "cluster.other": "Other industries",
        "municipality.unknown": "Municipality not given",
        "unit.persons": "persons",
        "unit.pp": "p.p.",
        "data.title": "About the data",
        "data.intro": (
            "What the store holds, where it comes from and what in it is illustrative. "
            "Value status: “public fact” (with a source), “approximate” (from public sources, "
            "rounded) or “illustrative” (made up for the demonstration)."
        ),
        "data.tables": "Store tables",
        "data.status": "Value status by table",
        "data.versions": "Load history",
        "data.status.public": "public fact",
        "data.status.approximate": "approximate",
        "data.status.illustrative": "illustrative",
        "data.status.loaded": "loaded by a user",
        "data.integrity_ok": "References between tables are intact.",
        "data.integrity_bad": "Dangling references found: {n}. The table below lists the first ones.",
        "data.sources": (
            "Where real data comes from: Rosstat (“Regions of Russia”, EMISS — average headcount "
            "by OKVED 2 and region), Kalugastat yearbooks, the Federal Tax Service SME register and "
            "EGRUL (enterprises, INN, OKVED), GISP (cluster registry), Rosstat open data (OKVED 2 and "
            "OKTMO classifiers)."
        ),
        "table.regions": "Regions",
        "table.municipalities": "Municipalities",
        "table.sectors": "Sectors (OKVED 2)",
        "table.enterprises": "Enterprises",
        "table.enterprise_years": "Enterprise figures by year",
        "table.region_sector_years": "Employment by region and sector",
        "table.supply_links": "Supply links",
        "table.cluster_templates": "Cluster templates",
        "table.projects": "Joint projects",
        "table.project_participants": "Project participants",
        "table.project_costs": "Project costs",
        "table.project_revenues": "Project revenues",
        "action.seed": "initial dataset",
        "action.append": "append",
        "action.replace": "replace",
        "action.rollback": "rollback",
        "action.synth": "synthetic",
    },
}


# --- Sectors page -----------------------------------------------------------------------------------
CATALOG["ru"].update({
    "nav.sectors": "Отрасли",
    "sectors.title": "{region}: отраслевая специализация",
    "sectors.intro": (
        "В каких отраслях обработки регион специализирован, какие растут быстрее России и какие "
        "смежные отрасли можно развивать дальше."
    ),
    "sectors.level": "Уровень ОКВЭД 2 (знаков в коде)",
    "sectors.level.division": "Класс (2)",
    "sectors.level.group": "Подкласс (3)",
    "sectors.level.class": "Группа (4)",
    "sectors.measure": "Показатель",
    "sectors.measure.employees": "Занятые",
    "sectors.measure.revenue_mln_rub": "Выручка",
    "sectors.benchmark": "База сравнения",
    "sectors.benchmark.russia": "Россия",
    "sectors.benchmark.district": "Свой округ",
    "sectors.years": "Период",
    "sectors.method": "Метод сдвигов",
    "sectors.method.dunn": "Классический (Данн)",
    "sectors.method.esteban-marquillas": "Эстебан-Маркильяс",
    "sectors.method.dynamic": "Динамический (Барфф–Найт)",
    "sectors.portfolio": "Портфель отраслей",
    "sectors.portfolio_caption": (
        "По горизонтали — коэффициент локализации (логарифмическая шкала), по вертикали — рост "
        "быстрее или медленнее базы сравнения, площадь круга — занятость."
    ),
    "sectors.lq_axis": "Коэффициент локализации (LQ)",
    "sectors.growth_axis": "Рост относительно базы, п. п. в год",
    "sectors.size_note": "Площадь круга — число занятых",
    "sectors.quadrant.Star": "Звёзды",
    "sectors.quadrant.Mature": "Зрелые",
    "sectors.quadrant.Emerging": "Растущие",
    "sectors.quadrant.Transforming": "Трансформирующиеся",
    "sectors.shift_share": "Разложение изменения (shift-share)",
    "sectors.component.national_growth": "Общероссийский рост",
    "sectors.component.industry_mix": "Отраслевая структура",
    "sectors.component.competitive": "Конкурентный эффект",
    "sectors.component.allocation": "Эффект размещения",
    "sectors.component.change": "Изменение",
    "sectors.shift_axis": "Изменение за период",
    "sectors.structure": "Структура экономики в сравнении с соседями по округу",
    "sectors.table": "Все показатели",
    "sectors.download_csv": "Скачать CSV",
    "sectors.download_xlsx": "Скачать Excel",
    "sectors.opportunities": "Возможности: какие отрасли привлекать",
    "sectors.preset": "Стратегия",
    "sectors.preset.low_hanging_fruit": "Ближайшие шаги",
    "sectors.preset.balanced": "Сбалансированная",
    "sectors.preset.long_jump": "Дальний прыжок",
    "sectors.preset.custom": "Свои веса",
    "sectors.weight.density": "Вес близости",
    "sectors.weight.pci": "Вес сложности",
    "sectors.weight.cog": "Вес выигрыша",
    "sectors.opportunities_method": (
        "Кандидаты — отрасли, где регион пока не специализирован (RCA < 1). Оценка складывает "
        "близость отрасли к уже развитым в регионе (плотность), её сложность (PCI) и выигрыш для "
        "будущей диверсификации (COG), каждую в стандартизованном виде, с весами выбранной стратегии."
    ),
    "sectors.robust": "Устойчиво: {n} из первых {k} остаются в топе в {share} вариантов расчёта",
    "sectors.not_robust": (
        "Неустойчиво: при другом пороге, базе или показателе верх списка меняется "
        "(средний τ Кендалла {tau})"
    ),
    "sectors.no_data": "Для этого региона нет отраслевых данных за выбранные годы.",
    "sectors.help": "Как читать показатели",
    "sectors.help_text": (
        "**LQ** — доля отрасли в занятости региона, делённая на её долю в базе сравнения; LQ > 1 — "
        "регион специализирован.  \n"
        "**Рост относительно базы** — среднегодовой темп отрасли в регионе минус её темп в базе.  \n"
        "**Квадранты**: звёзды — LQ ≥ 1 и LQ растёт; зрелые — LQ ≥ 1, но снижается; растущие — LQ < 1 "
        "и растёт; трансформирующиеся — LQ < 1 и снижается.  \n"
        "**Сильный кластер** (US Cluster Mapping) — LQ не ниже 75-го перцентиля по регионам и ≥ 1, "
        "занятость и число организаций выше 25-го перцентиля.  \n"
        "**Shift-share** делит изменение на общероссийский рост, вклад отраслевой структуры и "
        "конкурентный эффект самого региона.  \n"
        "**Индекс Кругмана** (0–2) — насколько структура региона отличается от России; **HHI** и "
        "**энтропия** — концентрация и разнообразие; **индекс Хахмана** — близость к структуре России (1 — совпадает)."
    ),
    "col.sector": "Отрасль",
    "col.code": "Код",
    "col.value": "Значение",
    "col.share": "Доля в регионе",
    "col.lq": "LQ",
    "col.lq_start": "LQ в начале",
    "col.cagr": "Рост в год",
    "col.benchmark_cagr": "Рост базы в год",
    "col.relative_growth": "Рост отн. базы",
    "col.quadrant": "Квадрант",
    "col.strong": "Сильный кластер",
    "col.krugman": "Кругман",
    "col.hachman": "Хахман",
    "col.hhi": "HHI",
    "col.entropy": "Энтропия",
    "col.total": "Всего",
    "col.score": "Оценка",
    "col.density": "Плотность",
    "col.pci": "PCI",
    "col.cog": "COG",
    "col.rca": "RCA",
    "col.rank": "Место",
    "yes": "да",
    "no": "нет",
})
CATALOG["en"].update({
    "nav.sectors": "Sectors",
    "sectors.title": "{region}: sector specialisation",
    "sectors.intro": (
        "Which manufacturing industries the region specialises in, which grow faster than Russia, "
        "and which related industries it could grow next."
    ),
    "sectors.level": "OKVED 2 level (digits in code)",
    "sectors.level.division": "Division (2)",
    "sectors.level.group": "Group (3)",
    "sectors.level.class": "Class (4)",
    "sectors.measure": "Measure",
    "sectors.measure.employees": "Employees",
    "sectors.measure.revenue_mln_rub": "Revenue",
    "sectors.benchmark": "Benchmark",
    "sectors.benchmark.russia": "Russia",
    "sectors.benchmark.district": "Own district",
    "sectors.years": "Period",
    "sectors.method": "Shift-share method",
    "sectors.method.dunn": "Classic (Dunn)",
    "sectors.method.esteban-marquillas": "Esteban-Marquillas",
    "sectors.method.dynamic": "Dynamic (Barff–Knight)",
    "sectors.portfolio": "Sector portfolio",
    "sectors.portfolio_caption": (
        "Across: location quotient (log scale); up: growth faster or slower than the benchmark; "
        "bubble area: employment."
    ),
    "sectors.lq_axis": "Location quotient (LQ)",
    "sectors.growth_axis": "Growth relative to benchmark, p.p. a year",
    "sectors.size_note": "Bubble area = employees",
    "sectors.quadrant.Star": "Stars",
    "sectors.quadrant.Mature": "Mature",
    "sectors.quadrant.Emerging": "Emerging",
    "sectors.quadrant.Transforming": "Transforming",
    "sectors.shift_share": "Shift-share decomposition",
    "sectors.component.national_growth": "National growth",
    "sectors.component.industry_mix": "Industry mix",
    "sectors.component.competitive": "Competitive effect",
    "sectors.component.allocation": "Allocation effect",
    "sectors.component.change": "Change",
    "sectors.shift_axis": "Change over the period",
    "sectors.structure": "Economic structure against the district's regions",
    "sectors.table": "All metrics",
    "sectors.download_csv": "Download CSV",
    "sectors.download_xlsx": "Download Excel",
    "sectors.opportunities": "Opportunities: industries to attract",
    "sectors.preset": "Strategy",
    "sectors.preset.low_hanging_fruit": "Low-hanging fruit",
    "sectors.preset.balanced": "Balanced",
    "sectors.preset.long_jump": "Long jump",
    "sectors.preset.custom": "Own weights",
    "sectors.weight.density": "Weight of proximity",
    "sectors.weight.pci": "Weight of complexity",
    "sectors.weight.cog": "Weight of gain",
    "sectors.opportunities_method": (
        "Candidates are industries the region does not yet specialise in (RCA < 1). The score adds the "
        "industry's closeness to what the region already does (density), its complexity (PCI) and its "
        "gain for future diversification (COG), each standardised, with the chosen strategy's weights."
    ),
    "sectors.robust": "Robust: {n} of the top {k} stay on top in {share} of calculation variants",
    "sectors.not_robust": (
        "Not robust: another threshold, benchmark or measure changes the top of the list "
        "(mean Kendall τ {tau})"
    ),
    "sectors.no_data": "No sector data for this region in the chosen years.",
    "sectors.help": "How to read the metrics",
    "sectors.help_text": (
        "**LQ**: the industry's share of the region's employment divided by its share in the "
        "benchmark; LQ > 1 means the region specialises in it.  \n"
        "**Growth relative to benchmark**: the industry's annual growth in the region minus its growth "
        "in the benchmark.  \n"
        "**Quadrants**: stars: LQ ≥ 1 and rising; mature: LQ ≥ 1 but falling; emerging: LQ < 1 and "
        "rising; transforming: LQ < 1 and falling.  \n"
        "**Strong cluster** (US Cluster Mapping): LQ at or above the 75th percentile across regions and "
        "≥ 1, employment and establishments above the 25th percentile.  \n"
        "**Shift-share** splits the change into national growth, industry mix and the region's own "
        "competitive effect.  \n"
        "**Krugman index** (0–2): how far the region's structure is from Russia's; **HHI** and "
        "**entropy**: concentration and diversity; **Hachman index**: similarity to Russia (1 = same)."
    ),
    "col.sector": "Sector",
    "col.code": "Code",
    "col.value": "Value",
    "col.share": "Share of region",
    "col.lq": "LQ",
    "col.lq_start": "LQ at start",
    "col.cagr": "Growth a year",
    "col.benchmark_cagr": "Benchmark growth a year",
    "col.relative_growth": "Growth vs benchmark",
    "col.quadrant": "Quadrant",
    "col.strong": "Strong cluster",
    "col.krugman": "Krugman",
    "col.hachman": "Hachman",
    "col.hhi": "HHI",
    "col.entropy": "Entropy",
    "col.total": "Total",
    "col.score": "Score",
    "col.density": "Density",
    "col.pci": "PCI",
    "col.cog": "COG",
    "col.rca": "RCA",
    "col.rank": "Rank",
    "yes": "yes",
    "no": "no",
})


def t(key: str, lang: str = DEFAULT_LANG, **values: object) -> str:
    """The text for ``key`` in ``lang``, with ``{placeholders}`` filled from ``values``."""
    text = CATALOG[lang if lang in CATALOG else DEFAULT_LANG][key]
    return text.format(**values) if values else text


def name_column(lang: str) -> str:
    """The column holding names in ``lang`` (``name_ru`` / ``name_en``)."""
    return "name_en" if lang == "en" else "name_ru"
