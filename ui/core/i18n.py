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
        "col.status": "Статус значений",
        "col.version": "Версия",
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
        "export.status_column": "Статус данных",
        "export.status_unknown": "статус не указан",
        "export.demo_note_short": "Демонстрационные данные: часть значений условная, не для решений",
        "export.note_sheet": "О данных",
        "export.note_status": "Статус значений в этих таблицах: {statuses}. Статус каждой строки — в столбце «Статус данных».",
        "export.note_sources": (
            "Источники и лицензии публичных данных — в файле data/seed/ATTRIBUTION.md и на странице "
            "«О данных» Кластерного навигатора."
        ),
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
        "col.status": "Value status",
        "col.version": "Version",
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
        "export.status_column": "Data status",
        "export.status_unknown": "status not stated",
        "export.demo_note_short": "Demo data: some values are illustrative, not for decisions",
        "export.note_sheet": "About the data",
        "export.note_status": "Status of the values in these tables: {statuses}. Each row's status is in the «Data status» column.",
        "export.note_sources": (
            "Sources and licences of the public data: data/seed/ATTRIBUTION.md and the Cluster Navigator's "
            "«About the data» page."
        ),
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


def _merge_page_catalogs() -> None:
    """Add every page's strings from ``ui/texts/*.py`` (each defines ``RU`` and ``EN``)."""
    import importlib
    import pkgutil

    from ui import texts as catalogs

    for info in sorted(pkgutil.iter_modules(catalogs.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"ui.texts.{info.name}")
        for lang, strings in (("ru", module.RU), ("en", module.EN)):
            clash = set(strings) & set(CATALOG[lang])
            if clash:
                raise KeyError(f"ui/texts/{info.name}.py redefines {sorted(clash)}")
            CATALOG[lang].update(strings)
    from analytics.data import messages  # the library's own messages (codes → text)

    for lang in LANGS:
        CATALOG[lang].update(messages.MESSAGES[lang])


_merge_page_catalogs()


def t(key: str, lang: str = DEFAULT_LANG, **values: object) -> str:
    """The text for ``key`` in ``lang``, with ``{placeholders}`` filled from ``values``."""
    text = CATALOG[lang if lang in CATALOG else DEFAULT_LANG][key]
    return text.format(**values) if values else text
