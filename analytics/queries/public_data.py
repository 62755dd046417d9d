"""Real public data in the store (migration 5): regional indicators, registry clusters, programme facts.

Every frame carries ``source`` (or ``source_url``) and ``data_status`` so that pages show where a
figure comes from. Units are in the rows (``unit``: ``mln_rub``, ``thousand_persons``).
"""

from __future__ import annotations

import duckdb
import pandas as pd

from analytics.store import query

RUSSIA = "RU"


def indicator_series(
    con: duckdb.DuckDBPyConnection, indicator: str, region_code: str, breakdown: str = "total"
) -> pd.DataFrame:
    """One region's (or ``RU``'s) series: ``year``, ``value``, ``unit``, ``status``, ``source``,
    ``data_status``, oldest year first. ``value`` is NaN where ``status`` is suppressed or missing."""
    return query(
        con,
        """
        SELECT year, value, unit, cell_status AS status, source, data_status FROM region_indicators
        WHERE indicator = ? AND breakdown = ? AND region_code = ? ORDER BY year""",
        [indicator, breakdown, region_code],
    )


def region_and_russia(
    con: duckdb.DuckDBPyConnection, indicator: str, region_code: str, breakdown: str = "total"
) -> pd.DataFrame:
    """A region's series beside Russia's: ``year``, ``region_value``, ``russia_value``, ``status``
    (the region's), ``unit``, ``source``, ``data_status``; years where either is held."""
    return query(
        con,
        """
        SELECT coalesce(r.year, ru.year) AS year, r.value AS region_value, ru.value AS russia_value,
               coalesce(r.cell_status, 'missing') AS status, coalesce(r.unit, ru.unit) AS unit,
               coalesce(r.source, ru.source) AS source, coalesce(r.data_status, ru.data_status) AS data_status
        FROM (SELECT * FROM region_indicators WHERE indicator = ? AND breakdown = ? AND region_code = ?) r
        FULL JOIN (SELECT * FROM region_indicators WHERE indicator = ? AND breakdown = ? AND region_code = 'RU') ru
          ON r.year = ru.year
        ORDER BY year""",
        [indicator, breakdown, region_code, indicator, breakdown],
    )


def regions_in_year(
    con: duckdb.DuckDBPyConnection, indicator: str, year: int, breakdown: str = "total"
) -> pd.DataFrame:
    """Every region's value in one year (Russia left out): ``region_code``, ``value``, ``status``,
    ``unit``, ``source``."""
    return query(
        con,
        """
        SELECT region_code, value, cell_status AS status, unit, source FROM region_indicators
        WHERE indicator = ? AND breakdown = ? AND year = ? AND region_code <> 'RU' ORDER BY region_code""",
        [indicator, breakdown, year],
    )


def indicators(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """What the store holds: ``indicator``, ``breakdown``, ``unit``, ``regions``, ``first_year``,
    ``last_year``, ``rows``, ``data_status`` (the most frequent)."""
    return query(
        con,
        """
        SELECT indicator, breakdown, any_value(unit) AS unit, count(DISTINCT region_code) AS regions,
               min(year) AS first_year, max(year) AS last_year, count(*) AS rows, mode(data_status) AS data_status
        FROM region_indicators GROUP BY indicator, breakdown ORDER BY indicator, breakdown""",
    )


def registry_clusters(con: duckdb.DuckDBPyConnection, region_code: str | None = None) -> pd.DataFrame:
    """Real clusters named in public sources, of one region (a cluster of several regions counts for
    each) or of all Russia: ``cluster_name_ru``, ``region_codes``, ``region_ru``, ``specialisation``,
    ``registry_status``, ``in_registry``, ``status_date``, ``participants``, ``source_url``,
    ``data_status``; in the registry first, then by date."""
    return query(
        con,
        """
        SELECT cluster_name_ru, region_codes, region_ru, specialisation, registry_status, in_registry,
               status_date, participants, specialised_org, notes, source_url, data_status
        FROM registry_clusters
        WHERE ? IS NULL OR list_contains(string_split(region_codes, ';'), ?)
        ORDER BY in_registry DESC, status_date, cluster_name_ru""",
        [region_code, region_code],
    )


def public_facts(con: duckdb.DuckDBPyConnection, topic: str) -> pd.DataFrame:
    """Dated public facts of a topic (``registry_size``, ``pp41_programme``, ``kaluga``) as published:
    ``period``, ``indicator``, ``value`` (text), ``value_number``, ``unit``, ``confidence``,
    ``source_url``, ``note``, ``data_status``; in period order."""
    return query(
        con,
        """
        SELECT period, indicator, value, value_number, unit, confidence, source_url, note, data_status
        FROM public_facts WHERE topic = ? ORDER BY period, indicator""",
        [topic],
    )


def programme_projects(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Named Decree 41 projects: ``selection_year``, ``cluster_name_ru``, ``region_ru``,
    ``project_name_ru``, ``participants``, ``subsidy_mln_rub``, ``source_url``, ``data_status``."""
    return query(
        con,
        """
        SELECT selection_year, cluster_name_ru, region_code, region_ru, project_name_ru, participants,
               subsidy_mln_rub, project_cost_mln_rub, source_url, note, data_status
        FROM programme_projects ORDER BY selection_year, project_name_ru""",
    )


def region_reference(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """The regions reference: ``code``, ``name_ru``, ``name_en``, ``federal_district``, ``okato``,
    ``oktmo``, ``iso_code``, ``source``."""
    return query(
        con,
        "SELECT code, name_ru, name_en, federal_district, okato, oktmo, iso_code, source "
        "FROM region_reference ORDER BY code",
    )
