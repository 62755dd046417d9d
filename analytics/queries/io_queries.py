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


def region_and_national_employment(
    con: duckdb.DuckDBPyConnection, region: str, year: int
) -> tuple[pd.DataFrame, pd.Series]:
    """One read for one region: its rows of :func:`division_employment` (``region_code, okved,
    employees, data_status``) and the national employees by OKVED code (sum over the store's regions,
    persons)."""
    frame = query(
        con,
        "SELECT r.region_code, r.okved, r.employees, r.data_status, FALSE AS national "
        "FROM region_sector_years r JOIN sectors s ON s.code = r.okved "
        "WHERE r.year = ? AND r.region_code = ? AND s.level IN ('division', 'section') "
        "AND r.employees IS NOT NULL "
        "UNION ALL "
        "SELECT NULL, r.okved, sum(r.employees), NULL, TRUE "
        "FROM region_sector_years r JOIN sectors s ON s.code = r.okved "
        "WHERE r.year = ? AND s.level IN ('division', 'section') AND r.employees IS NOT NULL "
        "GROUP BY r.okved",
        [int(year), str(region), int(year)],
    )
    national_rows = frame["national"].to_numpy(dtype=bool)
    own = frame.loc[~national_rows, ["region_code", "okved", "employees", "data_status"]].reset_index(drop=True)
    national = frame.loc[national_rows].set_index("okved")["employees"].astype(float).sort_index()
    return own, national


def labour_force(con: duckdb.DuckDBPyConnection, year: int) -> pd.DataFrame:
    """Labour force of every region (``region_indicators``, indicator ``labour_force``, thousand persons)
    in the year held nearest to ``year`` (the later one on a tie): ``region_code``, ``year``, ``value``,
    ``data_status``. Empty when the store holds no labour force."""
    return query(
        con,
        "SELECT region_code, year, value, data_status FROM region_indicators "
        "WHERE indicator = 'labour_force' AND breakdown = 'total' AND region_code <> 'RU' "
        "AND cell_status = 'ok' AND value > 0 AND year = ("
        "  SELECT year FROM region_indicators WHERE indicator = 'labour_force' AND breakdown = 'total' "
        "  AND region_code <> 'RU' AND cell_status = 'ok' ORDER BY abs(year - ?), year DESC LIMIT 1) "
        "ORDER BY region_code",
        [int(year)],
    )


def region_codes(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Codes of all regions in the store, sorted."""
    return [str(c) for c in query(con, "SELECT code FROM regions ORDER BY code")["code"]]


def employment_years(con: duckdb.DuckDBPyConnection) -> list[int]:
    """Years with region × sector employment."""
    frame = query(con, "SELECT DISTINCT year FROM region_sector_years WHERE employees IS NOT NULL ORDER BY 1")
    return [int(y) for y in frame["year"]]


def io_state(con: duckdb.DuckDBPyConnection) -> tuple | None:
    """What a model built from the store's input–output tables depends on: the latest year of
    ``io_cells`` (migration 8), the table's number of rows, and the latest ``io_cells`` version (id,
    action, file SHA-256, rows after, time of the load — every load and rollback writes one); ``None``
    when the store holds no input–output cells. Two stores give the same state only for the same
    history (a copy), so a model kept under it is never stale. A few milliseconds (no scan of the cells)."""
    frame = query(
        con,
        "SELECT (SELECT max(year) FROM io_cells) AS year, (SELECT count(*) FROM io_cells) AS n, "
        "v.version_id, v.action, v.sha256, v.rows_after, CAST(v.loaded_at AS VARCHAR) AS loaded_at "
        "FROM (SELECT 1) LEFT JOIN (SELECT * FROM dataset_versions WHERE table_name = 'io_cells' "
        "ORDER BY version_id DESC LIMIT 1) v ON TRUE",
    )
    if frame.empty or pd.isna(frame["year"].iat[0]):
        return None
    row = frame.iloc[0]
    version = row[["version_id", "action", "sha256", "rows_after", "loaded_at"]]
    return (
        int(row["year"]),
        int(row["n"]),
        *(None if pd.isna(v) else v.item() if hasattr(v, "item") else v for v in version.tolist()),
    )


def io_cells(con: duckdb.DuckDBPyConnection, year: int) -> pd.DataFrame:
    """The store's input–output cells of ``year`` (``year, part, row_code, col_code, value, label,
    data_status``; mln ₽, КПЗ per 1 000 ₽), ordered by part, row and column."""
    return query(
        con,
        "SELECT year, part, row_code, col_code, value, label, data_status FROM io_cells WHERE year = ? "
        "ORDER BY part, row_code, col_code",
        [int(year)],
    )


def project_revenues_by_okved(con: duckdb.DuckDBPyConnection, project_ids: list[str]) -> pd.DataFrame:
    """Expected revenue of the given projects by year with the OKVED 2 code of each project's initiator
    (``enterprises.okved``): ``project_id, okved, year, revenue_mln_rub``. Projects without revenue
    rows or without a known initiator are left out."""
    return query(
        con,
        "SELECT p.project_id, e.okved, r.year, r.revenue_mln_rub "
        "FROM projects p JOIN enterprises e ON e.inn = p.initiator_inn "
        "JOIN project_revenues r ON r.project_id = p.project_id "
        "WHERE list_contains(?, p.project_id) ORDER BY p.project_id, r.year",
        [[str(p) for p in project_ids]],
    )


def io_years(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Years of input–output tables in the store: ``year``, ``products`` (number of products),
    ``cells``, ``data_status`` (the statuses of the year's cells, ``;``-joined), newest first."""
    return query(
        con,
        "SELECT year, count(DISTINCT row_code) FILTER (WHERE part = 'products') AS products, count(*) AS cells, "
        "string_agg(DISTINCT data_status, ';' ORDER BY data_status) AS data_status "
        "FROM io_cells GROUP BY year ORDER BY year DESC",
    )
