"""Provenance of the loaded data: value status per table, the load history, restorable versions.

What the "About the data" and "Data" pages ask of the store's bookkeeping; the queries themselves
live in :mod:`analytics.store` and :mod:`analytics.store.versions`.
"""

from __future__ import annotations

import duckdb
import pandas as pd

from analytics.store import data_fingerprint, integrity_problems, is_illustrative, joined, query, schema, sql
from analytics.store import versions as store_versions

__all__ = [
    "data_fingerprint",
    "integrity_problems",
    "is_illustrative",
    "restorable",
    "status_by_table",
    "table_status",
    "versions",
]

_TABLES_WITH_STATUS = (
    "municipalities",
    "enterprises",
    "enterprise_years",
    "region_sector_years",
    "supply_links",
    "cluster_templates",
    "projects",
    "region_reference",
    "region_indicators",
    "registry_clusters",
    "public_facts",
    "programme_projects",
)


def status_by_table(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Rows per table and ``data_status`` (public / approximate / illustrative / loaded).

    Columns: ``table_name``, ``data_status``, ``rows``; tables in load order, statuses in
    :data:`analytics.store.schema.DATA_STATUSES` order.
    """
    parts = [
        sql("SELECT ? AS table_name, data_status, count(*) AS rows FROM {table} GROUP BY ALL", table=table)
        for table in _TABLES_WITH_STATUS
    ]
    frame = query(con, joined(parts, " UNION ALL "), list(_TABLES_WITH_STATUS))
    table_order = {name: i for i, name in enumerate(schema.DATA_TABLES)}
    status_order = {name: i for i, name in enumerate(schema.DATA_STATUSES)}
    frame = (
        frame.assign(_t=frame["table_name"].map(table_order), _s=frame["data_status"].map(status_order))
        .sort_values(["_t", "_s"])
        .drop(columns=["_t", "_s"])
        .reset_index(drop=True)
    )
    return frame


def versions(con: duckdb.DuckDBPyConnection, table: str | None = None) -> pd.DataFrame:
    """The load history (``dataset_versions``), newest first, for one table or all."""
    return store_versions.history(con, table)


def restorable(con: duckdb.DuckDBPyConnection, table: str) -> pd.DataFrame:
    """Versions of ``table`` that can be restored, newest first."""
    return store_versions.restorable(con, table)


def table_status(con: duckdb.DuckDBPyConnection, tables: tuple[str, ...]) -> tuple[str, ...]:
    """The value statuses present in ``tables`` (in :data:`DATA_STATUSES` order), e.g.
    ``("public", "illustrative")``: what an export of figures drawn from these tables must declare."""
    frame = status_by_table(con)
    present = set(frame.loc[frame["table_name"].isin(tables) & (frame["rows"] > 0), "data_status"])
    return tuple(s for s in schema.DATA_STATUSES if s in present)
