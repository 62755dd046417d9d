"""Strings of the real public data: table names, the Russia map, and the public figures on Home and
Clusters (the Rosstat loader's messages ``ingest.rosstat_*`` are in :mod:`analytics.data.messages`)."""
RU: dict[str, str] = {
    "table.region_reference": "Справочник субъектов РФ (коды)",
    "table.region_indicators": "Показатели регионов (Росстат)",
    "table.registry_clusters": "Реальные промышленные кластеры",
    "table.public_facts": "Публичные факты",
    "table.programme_projects": "Проекты по ПП № 41",
}
EN: dict[str, str] = {
    "table.region_reference": "Regions reference (codes)",
    "table.region_indicators": "Regional indicators (Rosstat)",
    "table.registry_clusters": "Real industrial clusters",
    "table.public_facts": "Public facts",
    "table.programme_projects": "Decree 41 projects",
}
