"""Open and migrate a store, read it, and check references between tables.

DuckDB 2.0 refuses concurrent calls on one connection: long-lived callers (the Streamlit app) keep
one connection per process and open a cursor per query (:func:`query`). Writes go through
:func:`transaction`, the one place that says BEGIN / COMMIT / ROLLBACK.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from analytics.store import schema
from analytics.store.compose import sql

ROOT = Path(__file__).resolve().parents[2]
SEED_DIR = ROOT / "data" / "seed"
DEFAULT_DB = ROOT / "data" / "navigator.duckdb"


def connect(path: str | os.PathLike[str] = DEFAULT_DB, *, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open (and create or migrate) the store at ``path``.

    ``read_only=True`` opens an existing, already migrated store without writing to it.
    """
    path = str(path)
    if path != ":memory:":
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(path, read_only=read_only)
    if not read_only:
        migrate(con)
    return con


def schema_version(con: duckdb.DuckDBPyConnection) -> int:
    """The schema version recorded in the store (0 for an empty database)."""
    with con.cursor() as cur:
        has_meta = cur.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = 'meta'").fetchall()[
            0
        ][0]
        if not has_meta:
            return 0
        rows = cur.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchall()
    return int(rows[0][0]) if rows else 0


def migrate(con: duckdb.DuckDBPyConnection) -> int:
    """Apply pending migrations in one transaction each; returns the resulting schema version."""
    current = schema_version(con)
    for version, _title, statements in schema.MIGRATIONS:
        if version <= current:
            continue
        with con.cursor() as cur, transaction(cur):
            for statement in statements:
                cur.execute(statement)
            cur.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(version)])
        current = version
    return current


def query(con: duckdb.DuckDBPyConnection, sql: str, params: Iterable[Any] | None = None) -> pd.DataFrame:
    """Run one parameterised read query on its own cursor and return a DataFrame."""
    with con.cursor() as cur:
        return cur.execute(sql, list(params) if params is not None else None).df()


def table_counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Row count of every data table."""
    counts: dict[str, int] = {}
    with con.cursor() as cur:
        for table in schema.DATA_TABLES:
            # Table names come from the schema module's constant tuple, never from input.
            counts[table] = cur.execute(sql("SELECT count(*) FROM {table}", table=table)).fetchall()[0][0]
    return counts


def data_fingerprint(con: duckdb.DuckDBPyConnection) -> str:
    """A short value that changes whenever a load or rollback changes the data (cache key)."""
    with con.cursor() as cur:
        rows = cur.execute("SELECT coalesce(max(version_id), 0), count(*) FROM dataset_versions").fetchall()
    return f"{rows[0][0]}-{rows[0][1]}"


def is_illustrative(con: duckdb.DuckDBPyConnection) -> bool:
    """True while any loaded row is marked illustrative (the UI then shows a demo-data marker)."""
    tables = [t for t in ("enterprises", "enterprise_years", "region_sector_years", "supply_links", "projects")]
    with con.cursor() as cur:
        for table in tables:
            hit = cur.execute(
                sql("SELECT count(*) FROM {table} WHERE data_status = 'illustrative'", table=table)
            ).fetchall()[0][0]
            if hit:
                return True
    return False


#: References between tables (checked in code, see analytics.store.schema): child table, column, parent, column.
REFERENCES: list[tuple[str, str, str, str]] = [
    # (child table, child column, parent table, parent column)
    ("municipalities", "region_code", "regions", "code"),
    ("enterprises", "okved", "sectors", "code"),
    ("enterprises", "region_code", "regions", "code"),
    ("enterprises", "oktmo", "municipalities", "oktmo"),
    ("enterprise_years", "inn", "enterprises", "inn"),
    ("region_sector_years", "region_code", "regions", "code"),
    ("region_sector_years", "okved", "sectors", "code"),
    ("supply_links", "supplier_inn", "enterprises", "inn"),
    ("supply_links", "buyer_inn", "enterprises", "inn"),
    ("cluster_templates", "okved", "sectors", "code"),
    ("enterprises", "cluster_hint", "cluster_templates", "cluster_id"),
    ("projects", "cluster_id", "cluster_templates", "cluster_id"),
    ("project_costs", "supplier_inn", "enterprises", "inn"),
    ("projects", "initiator_inn", "enterprises", "inn"),
    ("project_participants", "project_id", "projects", "project_id"),
    ("project_participants", "inn", "enterprises", "inn"),
    ("project_costs", "project_id", "projects", "project_id"),
    ("project_revenues", "project_id", "projects", "project_id"),
]


def integrity_problems(con: duckdb.DuckDBPyConnection, limit: int = 20) -> pd.DataFrame:
    """Rows whose references point nowhere: columns ``table``, ``column``, ``value``, ``missing_in``."""
    frames = []
    with con.cursor() as cur:
        for child, col, parent, pcol in REFERENCES:
            # Identifiers come from the constant list above, never from input.
            statement = sql(
                "SELECT DISTINCT c.{col} AS value FROM {child} c LEFT JOIN {parent} p ON c.{col} = p.{pcol} "
                "WHERE c.{col} IS NOT NULL AND p.{pcol} IS NULL LIMIT ?",
                col=col,
                child=child,
                parent=parent,
                pcol=pcol,
            )
            bad = cur.execute(statement, [limit]).df()
            if len(bad):
                bad.insert(0, "column", col)
                bad.insert(0, "table", child)
                bad["missing_in"] = parent
                frames.append(bad)
    if not frames:
        return pd.DataFrame(columns=["table", "column", "value", "missing_in"])
    return pd.concat(frames, ignore_index=True)


class Transaction:
    """An open transaction on one connection or cursor (see :func:`transaction`)."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self.con = con
        self.open = True

    def rollback(self) -> None:
        """Undo everything done in the block now (a refusal that is not an exception); the block's
        end then commits nothing. Safe on a connection DuckDB has already invalidated."""
        if self.open:
            self.open = False
            try:
                self.con.execute("ROLLBACK")
            except duckdb.Error:
                pass


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[Transaction]:
    """``with transaction(cur) as tx:`` — BEGIN; COMMIT when the block ends; ROLLBACK when it raises
    or after ``tx.rollback()``.

    The one place in the library that writes transaction control. ``con`` is a connection or a cursor;
    the block's statements must run on it. A rollback that itself fails (DuckDB may have invalidated
    the connection, e.g. on a full disk) never hides the original error.
    """
    con.execute("BEGIN TRANSACTION")
    tx = Transaction(con)
    try:
        yield tx
    except BaseException:
        tx.rollback()
        raise
    if tx.open:
        try:
            con.execute("COMMIT")
        except BaseException:
            tx.rollback()  # a refused commit leaves an aborted transaction behind
            raise
        tx.open = False
