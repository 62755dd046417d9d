"""Strings of the real public data: the Rosstat loader's messages (``ingest.rosstat_*``), the Russia
map, and the public figures on Home and Clusters."""
RU: dict[str, str] = {
    "table.region_reference": "Справочник субъектов РФ (коды)",
    "table.region_indicators": "Показатели регионов (Росстат)",
    "table.registry_clusters": "Реальные промышленные кластеры",
    "table.public_facts": "Публичные факты",
    "table.programme_projects": "Проекты по ПП № 41",
    "ingest.rosstat_unreadable": "Таблицу Росстата не удалось прочитать: {detail}",
    "ingest.rosstat_no_rows": "В таблице нет строк субъектов РФ с годами — загружать нечего.",
    "ingest.rosstat_choose_indicator": (
        "В таблице несколько показателей; выберите строку для загрузки: {labels}"
    ),
    "ingest.rosstat_target": "Куда загрузить таблицу: укажите {targets}.",
    "ingest.rosstat_unmatched": (
        "Названия, не найденные среди субъектов РФ ({count}), пропущены — проверьте их: {names}"
    ),
    "ingest.rosstat_skipped": "Не загружаются (федеральные округа, суммы по области с АО): {names}",
    "ingest.rosstat_read": "Прочитано строк: {rows}; субъектов: {regions}; годы {years}.",
    "ingest.rosstat_unit": "Значения в единицах «{unit}» умножены на {factor}.",
}
EN: dict[str, str] = {
    "table.region_reference": "Regions reference (codes)",
    "table.region_indicators": "Regional indicators (Rosstat)",
    "table.registry_clusters": "Real industrial clusters",
    "table.public_facts": "Public facts",
    "table.programme_projects": "Decree 41 projects",
    "ingest.rosstat_unreadable": "The Rosstat table could not be read: {detail}",
    "ingest.rosstat_no_rows": "The table has no rows of Russian regions by year: nothing to load.",
    "ingest.rosstat_choose_indicator": "The table has several indicators; choose the row to load: {labels}",
    "ingest.rosstat_target": "Where to load the table: give {targets}.",
    "ingest.rosstat_unmatched": "Names that match no Russian region ({count}) were left out — check them: {names}",
    "ingest.rosstat_skipped": "Not loaded (federal districts, oblast totals with okrugs): {names}",
    "ingest.rosstat_read": "Rows read: {rows}; regions: {regions}; years {years}.",
    "ingest.rosstat_unit": "Values in “{unit}” were multiplied by {factor}.",
}
