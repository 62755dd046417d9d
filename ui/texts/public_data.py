"""Strings of the real public data: table names, the Russia map, and the public figures on Home and
Clusters (the Rosstat loader's messages ``ingest.rosstat_*`` are in :mod:`analytics.data.messages`)."""

RU: dict[str, str] = {
    "table.region_reference": "Справочник субъектов РФ (коды)",
    "table.region_indicators": "Показатели регионов (Росстат)",
    "table.registry_clusters": "Реальные промышленные кластеры",
    "table.public_facts": "Публичные факты",
    "table.programme_projects": "Проекты по ПП № 41",
    "rosstat.tab": "Таблица Росстата",
    "rosstat.intro": (
        "Загрузите таблицу Росстата как она опубликована («Регионы России», ЕМИСС, .xls, .xlsx или .csv): "
        "строки — Россия, округа и субъекты, столбцы — годы. Названия субъектов сопоставляются с кодами; "
        "не найденные показываются и не загружаются. Дальше — обычная проверка, предпросмотр, версия и откат."
    ),
    "rosstat.target": "Куда загрузить",
    "rosstat.okved": "Код ОКВЭД 2",
    "rosstat.okved_help": "Раздел-подраздел, к которому относится таблица: 29, 29.1, 29.10 (не буква раздела).",
    "rosstat.measure": "Показатель",
    "rosstat.measure.employees": "Численность занятых, человек",
    "rosstat.measure.wages_mln_rub": "Фонд оплаты труда, млн ₽",
    "rosstat.measure.establishments": "Число организаций",
    "rosstat.measure.revenue_mln_rub": "Отгрузка / выручка, млн ₽",
    "rosstat.indicator": "Название показателя",
    "rosstat.indicator_help": "Пусто — заголовок листа таблицы.",
    "rosstat.unit": "Единица измерения",
    "rosstat.source": "Источник (таблица, сборник, ссылка)",
    "rosstat.file": "Таблица Росстата (.xls, .xlsx, .csv)",
    "rosstat.file_help": "Лист «Содержание» и строки сносок пропускаются; «…», «к» — скрыто, «-», «х» — нет данных.",
    "rosstat.sheet": "Лист",
    "rosstat.sheet_help": "Один лист — один показатель.",
    "rosstat.row_label": "Строка показателя",
    "rosstat.region_code": "Регион таблицы без строк субъектов",
    "rosstat.region_code_help": "RU — Россия в целом; иначе двузначный код субъекта.",
    "rosstat.title": "Заголовок листа: {title}",
    "rosstat.rows": "Строки файла, как они будут записаны: {n}",
    "public.programme_title": "Программа ПП № 41: итоги по публичным источникам",
    "public.programme_projects": "Проекты-победители, названные в источниках: {n}",
    "public.programme_caption": (
        "Факты из открытых источников (Коммерсантъ и др.), значения — как в источнике; суммы по отдельным "
        "проектам в основном не опубликованы. Статус: публичные данные."
    ),
    "col.period": "Период",
    "col.indicator": "Показатель",
    "col.unit": "Единица",
    "col.selection_year": "Год отбора",
    "col.project": "Проект",
    "public.title": "Публичные данные Росстата",
    "public.share": "Доля в отгрузке обрабатывающих производств России, {year}",
    "public.share_help": (
        "Отгружено товаров собственного производства (ОКВЭД 1, раздел D «Обрабатывающие производства»), "
        "регион ÷ Россия. Росстат; после 2016 г. ряд ведётся по ОКВЭД 2 и напрямую не сравним."
    ),
    "public.labour": "Рабочая сила, {year}",
    "public.labour_help": "Численность рабочей силы по обследованию Росстата, тысяч человек.",
    "public.share_trend": "Доля региона в отгрузке обрабатывающих производств России, 2005–2016",
    "public.share_axis": "доля России",
    "public.source": "Источник: {source}. Статус: публичные данные.",
    "public.none": "Для региона нет публичных рядов Росстата в хранилище.",
    "public.map_title": "Карта регионов России",
    "public.map_metric": "Показатель",
    "public.map_sector": "Отрасль",
    "public.map_year": "Год",
    "public.map_caption": (
        "Выбранный регион обведён чёрным, похожие на него регионы — оранжевым (без отраслевых данных — регионы "
        "его федерального округа); серым — нет данных или данные скрыты. Источник: {source}; статус данных: {status}. Границы: {attribution}."
    ),
    "public.missing": "нет данных",
    "public.metric.shipments": "Отгрузка, млн ₽ (ОКВЭД 1)",
    "public.metric.shipments_share": "Доля в отгрузке России (ОКВЭД 1)",
    "public.metric.employees": "Занятые, человек",
    "public.metric.lq": "Коэффициент локализации (LQ)",
    "public.metric.growth": "Рост занятости, % в год",
    "public.metric.labour_force": "Рабочая сила, тыс. человек",
    "public.status.public": "публичные",
    "public.status.illustrative": "условные (демо)",
    "public.status.approximate": "приблизительные",
    "public.status.loaded": "загруженные",
    "public.registry_title": "Реальные промышленные кластеры (публичные источники)",
    "public.registry_region": "Кластеры региона",
    "public.registry_russia": "Все известные кластеры России: {count}, из них в реестре Минпромторга (ПП № 779): {in_registry}",
    "public.registry_none": "В публичных источниках кластеров этого региона не найдено.",
    "public.registry_caption": (
        "Список собран по новостям и сайтам регионов, неполный; ссылка на источник — в каждой строке. "
        "«В реестре»: источник говорит о включении в реестр ПП № 779 (или о субсидии по ПП № 41)."
    ),
    "col.cluster_name": "Кластер",
    "col.specialisation": "Специализация",
    "col.in_registry": "В реестре",
    "col.registry_status": "Статус (как в источнике)",
    "col.status_date": "Дата",
    "col.source": "Источник",
}
EN: dict[str, str] = {
    "table.region_reference": "Regions reference (codes)",
    "table.region_indicators": "Regional indicators (Rosstat)",
    "table.registry_clusters": "Real industrial clusters",
    "table.public_facts": "Public facts",
    "table.programme_projects": "Decree 41 projects",
    "rosstat.tab": "Rosstat table",
    "rosstat.intro": (
        "Load a Rosstat table as published («Регионы России», EMISS; .xls, .xlsx or .csv): rows are Russia, "
        "districts and regions, columns are years. Region names are matched to codes; names that match none are "
        "shown and not loaded. Then the usual check, preview, version and rollback."
    ),
    "rosstat.target": "Load into",
    "rosstat.okved": "OKVED 2 code",
    "rosstat.okved_help": "The division, group or class the table is about: 29, 29.1, 29.10 (not a section letter).",
    "rosstat.measure": "Measure",
    "rosstat.measure.employees": "Employees, persons",
    "rosstat.measure.wages_mln_rub": "Wage fund, RUB mln",
    "rosstat.measure.establishments": "Number of organisations",
    "rosstat.measure.revenue_mln_rub": "Shipments / revenue, RUB mln",
    "rosstat.indicator": "Indicator name",
    "rosstat.indicator_help": "Empty: the sheet's title.",
    "rosstat.unit": "Unit",
    "rosstat.source": "Source (table, yearbook, link)",
    "rosstat.file": "Rosstat table (.xls, .xlsx, .csv)",
    "rosstat.file_help": "The contents sheet and footnote lines are skipped; «…», «к»: suppressed; «-», «х»: no data.",
    "rosstat.sheet": "Sheet",
    "rosstat.sheet_help": "One sheet, one indicator.",
    "rosstat.row_label": "Indicator row",
    "rosstat.region_code": "Region of a table without region rows",
    "rosstat.region_code_help": "RU: Russia as a whole; otherwise the two-digit region code.",
    "rosstat.title": "Sheet title: {title}",
    "rosstat.rows": "The file's rows as they will be stored: {n}",
    "public.programme_title": "Decree 41 programme: totals from public sources",
    "public.programme_projects": "Winning projects named in the sources: {n}",
    "public.programme_caption": (
        "Facts from public sources (Kommersant and others), values as the source gives them; amounts per project "
        "are mostly unpublished. Status: public data."
    ),
    "col.period": "Period",
    "col.indicator": "Indicator",
    "col.unit": "Unit",
    "col.selection_year": "Selection year",
    "col.project": "Project",
    "public.title": "Rosstat public data",
    "public.share": "Share of Russia's manufacturing shipments, {year}",
    "public.share_help": (
        "Shipped goods of own production (OKVED 1 section D, manufacturing), region ÷ Russia. Rosstat; after "
        "2016 the series is kept in OKVED 2 and is not directly comparable."
    ),
    "public.labour": "Labour force, {year}",
    "public.labour_help": "Labour force from Rosstat's survey, thousand persons.",
    "public.share_trend": "The region's share of Russia's manufacturing shipments, 2005–2016",
    "public.share_axis": "share of Russia",
    "public.source": "Source: {source}. Status: public data.",
    "public.none": "The store holds no public Rosstat series for this region.",
    "public.map_title": "Map of Russia's regions",
    "public.map_metric": "Metric",
    "public.map_sector": "Sector",
    "public.map_year": "Year",
    "public.map_caption": (
        "The selected region is outlined in black, the regions most like it in orange (without sector data: the "
        "other regions of its federal district); grey: no data or suppressed. Source: {source}; data status: {status}. Boundaries: {attribution}."
    ),
    "public.missing": "no data",
    "public.metric.shipments": "Shipments, RUB mln (OKVED 1)",
    "public.metric.shipments_share": "Share of Russia's shipments (OKVED 1)",
    "public.metric.employees": "Employees, persons",
    "public.metric.lq": "Location quotient (LQ)",
    "public.metric.growth": "Employment growth, % a year",
    "public.metric.labour_force": "Labour force, thousand persons",
    "public.status.public": "public",
    "public.status.illustrative": "illustrative (demo)",
    "public.status.approximate": "approximate",
    "public.status.loaded": "loaded",
    "public.registry_title": "Real industrial clusters (public sources)",
    "public.registry_region": "The region's clusters",
    "public.registry_russia": "All known clusters of Russia: {count}, of which in the Minpromtorg registry (Decree 779): {in_registry}",
    "public.registry_none": "Public sources name no cluster of this region.",
    "public.registry_caption": (
        "Compiled from news and regional sites, incomplete; every row links its source. “In registry”: the source "
        "says the cluster entered the Decree 779 registry (or won a Decree 41 subsidy)."
    ),
    "col.cluster_name": "Cluster",
    "col.specialisation": "Specialisation",
    "col.in_registry": "In registry",
    "col.registry_status": "Status (as in the source)",
    "col.status_date": "Date",
    "col.source": "Source",
}
