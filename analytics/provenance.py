"""Provenance of the loaded data: value status per table and the load history."""
from __future__ import annotations

import duckdb
import pandas as pd

from analytics import schema
from analytics.store import query

_TABLES_WITH_STATUS = (
    "municipalities", "enterprises", "enterprise_years", "region_sector_years", "supply_links",
    "cluster_templates", "projects", "region_reference", "region_indicators", "registry_clusters", "public_facts",
    "programme_projects",
)


def status_by_table(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Rows per table and ``data_status`` (public / approximate / illustrative / loaded).

    Columns: ``table_name``, ``data_status``, ``rows``; tables in load order, statuses in
    :data:`analytics.schema.DATA_STATUSES` order.
    """
    parts = [
        # Table names come from the constant tuple above, never from input.
        "SELECT '" + table + "' AS table_name, data_status, count(*) AS rows FROM \"" + table + "\" GROUP BY ALL"
        for table in _TABLES_WITH_STATUS
    ]
    frame = query(con, " UNION ALL ".join(parts))
    table_order = {name: i for i, name in enumerate(schema.DATA_TABLES)}
    status_order = {name: i for i, name in enumerate(schema.DATA_STATUSES)}
    frame = frame.assign(
        _t=frame["table_name"].map(table_order), _s=frame["data_status"].map(status_order)
    ).sort_values(["_t", "_s"]).drop(columns=["_t", "_s"]).reset_index(drop=True)
    return frame


def versions(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """The load history, newest first (``dataset_versions``)."""
    return query(
        con,
        "SELECT version_id, table_name, action, file_name, sha256, user_name, loaded_at, rows_in_file, "
        "rows_after, note FROM dataset_versions ORDER BY version_id DESC",
    )
