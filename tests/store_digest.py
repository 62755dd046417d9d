"""One digest of everything a load may write, for tests that prove a refused load changed nothing."""

from analytics import store
from analytics.store import schema

#: Every data table, its history, the version log, the boundaries and the remembered column mappings.
TABLES = (
    *schema.DATA_TABLES,
    "dataset_versions",
    "boundaries",
    "column_mappings",
    *[f"history_{t}" for t in schema.DATA_TABLES],
    *[f"history_open_{t}" for t in schema.DATA_TABLES],
)


def fingerprint(con) -> str:
    """Row count and a hash of every whole row of each table in :data:`TABLES` (names from the schema's
    constants, through ``store.sql``)."""
    return str(
        [
            con.execute(store.sql("SELECT count(*), sum(hash(x)::HUGEINT) FROM {table} x", table=table)).fetchall()[0]
            for table in TABLES
        ]
    )
