"""Store reads for the input–output model: region × OKVED 2 employment (``region_sector_years``).

The only SQL of the regional input–output service (:mod:`analytics.services.regional_io`).
"""
from __future__ import annotations

import duckdb
import pandas as pd

from analytics.store import query


def division_employment(con: duckdb.DuckDBPyConnection, year: int) -> pd.DataFrame:
    """Employees by region × OKVED 2 division (and section rows, where a file gives a whole section).

    Columns ``region_code``, ``okved`` (``"29"`` or a section letter ``"F"``), ``level``
    (``division`` / ``section``), ``section``, ``employees`` (persons; rows with no figure left out),
    ``data_status``. Finer codes (groups, classes) are not read: their division row holds them.
    """
    return query(
        con,
        "SELECT r.region_code, r.okved, s.level, s.section, r.employees, r.data_status "
        "FROM region_sector_years r JOIN sectors s ON s.code = r.okved "
        "WHERE r.year = ? AND s.level IN ('division', 'section') AND r.employees IS NOT NULL "
        "ORDER BY r.region_code, r.okved",
        [int(year)],
    )


def region_codes(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Codes of all regions in the store, sorted."""
    return [str(c) for c in query(con, "SELECT code FROM regions ORDER BY code")["code"]]


def employment_years(con: duckdb.DuckDBPyConnection) -> list[int]:
    """Years with region × sector employment."""
    frame = query(con, "SELECT DISTINCT year FROM region_sector_years WHERE employees IS NOT NULL ORDER BY 1")
    return [int(y) for y in frame["year"]]
