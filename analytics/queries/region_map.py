"""Values by region for the Russia map: sector statistics of every region in the store."""
from __future__ import annotations

import duckdb
import pandas as pd

from analytics.store import query


def division_panel(con: duckdb.DuckDBPyConnection, years: list[int]) -> pd.DataFrame:
    """Employment by region × OKVED division in ``years``: ``region``, ``sector``, ``year``, ``value``
    (persons), ``data_status``."""
    return query(con, """
        SELECT y.region_code AS region, y.okved AS sector, y.year, y.employees AS value, y.data_status
        FROM region_sector_years y JOIN sectors s ON s.code = y.okved AND s.level = 'division'
        WHERE list_contains(?, y.year) AND y.employees IS NOT NULL""", [years])


def sector_years(con: duckdb.DuckDBPyConnection) -> list[int]:
    """Years of ``region_sector_years``, oldest first."""
    return query(con, "SELECT DISTINCT year FROM region_sector_years ORDER BY year")["year"].tolist()


def region_names(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """``code``, ``name_ru``, ``name_en`` of every region in the store."""
    return query(con, "SELECT code, name_ru, name_en FROM regions ORDER BY code")
