"""Values by region for the Russia map: sector statistics of every region in the store."""

from __future__ import annotations

import duckdb
import pandas as pd

from analytics.store import query


def division_panel(con: duckdb.DuckDBPyConnection, years: list[int]) -> pd.DataFrame:
    """Employment by region × OKVED division in ``years``: ``region``, ``sector``, ``year``, ``value``
    (persons), ``data_status``."""
    return query(
        con,
        """
        SELECT y.region_code AS region, y.okved AS sector, y.year, y.employees AS value, y.data_status
        FROM region_sector_years y JOIN sectors s ON s.code = y.okved AND s.level = 'division'
        WHERE list_contains(?, y.year) AND y.employees IS NOT NULL""",
        [years],
    )


def sector_years(con: duckdb.DuckDBPyConnection) -> list[int]:
    """Years of ``region_sector_years``, oldest first."""
    return query(con, "SELECT DISTINCT year FROM region_sector_years ORDER BY year")["year"].tolist()


def region_names(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """``code``, ``name_ru``, ``name_en``, ``federal_district`` of every region in the store."""
    return query(con, "SELECT code, name_ru, name_en, federal_district FROM regions ORDER BY code")


def divisions(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """OKVED divisions that have regional data: ``code``, ``name_ru``, ``name_en``."""
    return query(
        con,
        """
        SELECT s.code, s.name_ru, coalesce(s.name_en, s.name_ru) AS name_en FROM sectors s
        WHERE s.level = 'division' AND EXISTS (SELECT 1 FROM region_sector_years y WHERE y.okved = s.code)
        ORDER BY s.code""",
    )


def indicator_years(con: duckdb.DuckDBPyConnection, indicator: str) -> list[int]:
    """Years of a regional indicator, oldest first."""
    return query(
        con,
        "SELECT DISTINCT year FROM region_indicators WHERE indicator = ? AND region_code <> 'RU' ORDER BY year",
        [indicator],
    )["year"].tolist()
