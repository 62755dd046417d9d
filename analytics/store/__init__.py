"""The embedded DuckDB store: open, migrate, build the demo, check integrity.

Public contract (notebooks, scripts and tests rely on it):

- :func:`connect` opens a store at any path (``":memory:"`` too), creating and migrating the schema
  when needed. Safe to call on an existing store: migrations are idempotent.
- :func:`build_demo` builds the Kaluga demo store from the CSV files in ``data/seed/``,
  deterministically (same seed files → same rows).
- :func:`integrity_problems` lists broken references between tables.

DuckDB 2.0 refuses concurrent calls on one connection: long-lived callers (the Streamlit app) keep
one connection per process and open a cursor per query (:func:`query`).

SQL text is composed only with :func:`sql` (and :func:`columns`, :func:`equal`, :func:`joined`,
:func:`sql_type`, and :func:`text_list` for the schema's CHECK lists): fixed text written in the code plus names that pass :func:`quote_identifier`.
Values never enter SQL text; they travel as ``?`` parameters (or as a registered frame).
"""

from __future__ import annotations

from analytics.store import health, schema, snapshots
from analytics.store.compose import SQL, Part, columns, equal, joined, quote_identifier, sql, sql_type, text_list
from analytics.store.connection import (
    DEFAULT_DB,
    REFERENCES,
    ROOT,
    SEED_DIR,
    connect,
    data_fingerprint,
    integrity_problems,
    is_illustrative,
    migrate,
    query,
    schema_version,
    table_counts,
    transaction,
)
from analytics.store.demo import build_demo, ensure_demo, install_built, load_frame, main, read_seed

__all__ = [
    "DEFAULT_DB",
    "REFERENCES",
    "ROOT",
    "SEED_DIR",
    "SQL",
    "Part",
    "build_demo",
    "health",
    "columns",
    "connect",
    "data_fingerprint",
    "ensure_demo",
    "equal",
    "install_built",
    "integrity_problems",
    "is_illustrative",
    "joined",
    "load_frame",
    "main",
    "migrate",
    "query",
    "quote_identifier",
    "read_seed",
    "schema",
    "schema_version",
    "snapshots",
    "sql",
    "sql_type",
    "table_counts",
    "text_list",
    "transaction",
]
