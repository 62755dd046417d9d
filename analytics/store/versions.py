"""Versions of the data tables: the row history behind every load, and rollback to any version.

Each data table ``T`` has two history tables: ``history_open_T`` holds, for every row now in ``T``,
its key and ``_valid_from`` (the ``dataset_versions.version_id`` that added it); ``history_T``
holds the rows that have left ``T`` (removed or changed), with all their values, ``_valid_from``
and ``_valid_to`` (the version that removed or changed them). Invariant: the keys of
``history_open_T`` are exactly the keys of ``T``. A load writes only the difference (keys that
arrived, rows that left), so history grows with changes, not with table size × versions, and
appending a million rows costs one narrow insert (schema migrations 3 and 4).

The state of ``T`` at version ``v`` is every closed row with ``_valid_from <= v < _valid_to`` plus
every current row whose ``_valid_from <= v``; :func:`rollback` makes that state current again as a
new version (``action = 'rollback'``), so a rollback can itself be rolled back.

Rows present before the first tracked load (the demo seed, a notebook's ``load_frame``) are attached
to the table's latest ``dataset_versions`` row when its row count matches, else recorded as a
baseline version; rows changed outside the loader are recorded as a ``replace`` by ``system`` before
the next load, so the history never silently disagrees with the table.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import duckdb
import pandas as pd

from analytics import store
from analytics.store import SQL, columns, equal, schema, sql


def history_table(table: str) -> str:
    """The table of rows that left a data table (``enterprises`` → ``history_enterprises``)."""
    if table not in schema.DATA_TABLES:
        raise ValueError(f"not a data table: {table}")
    return "history_" + table


def open_table(table: str) -> str:
    """The keys and versions of a data table's current rows (``enterprises`` → ``history_open_enterprises``)."""
    return "history_open_" + history_table(table)[len("history_") :]


def _columns(cur: duckdb.DuckDBPyConnection, table: str) -> list[str]:
    return [
        r[0]
        for r in cur.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = ? AND table_schema = 'main' "
            "ORDER BY ordinal_position",
            [table],
        ).fetchall()
    ]


def _key(cur: duckdb.DuckDBPyConnection, table: str) -> list[str]:
    rows = cur.execute(
        "SELECT constraint_column_names FROM duckdb_constraints() WHERE table_name = ? "
        "AND constraint_type = 'PRIMARY KEY'",
        [table],
    ).fetchall()
    return list(rows[0][0]) if rows else []


def _count(cur: duckdb.DuckDBPyConnection, statement: str, params: list | None = None) -> int:
    return int(cur.execute(statement, params or []).fetchall()[0][0])


def _new_version(
    cur: duckdb.DuckDBPyConnection,
    table: str,
    action: str,
    *,
    file_name: str | None = None,
    sha256: str | None = None,
    user: str | None = None,
    rows_in_file: int | None = None,
    rows_after: int,
    note: str | None = None,
) -> int:
    return int(
        cur.execute(
            "INSERT INTO dataset_versions (table_name, action, file_name, sha256, user_name, rows_in_file, rows_after, "
            "note) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING version_id",
            [table, action, file_name, sha256, user or "system", rows_in_file, rows_after, note],
        ).fetchall()[0][0]
    )


def _record(
    cur: duckdb.DuckDBPyConnection, table: str, source: str, version_id: int, key: list[str], names: list[str]
) -> tuple[int, int]:
    """Make ``table`` equal to ``source`` and log the difference in the history as ``version_id``.

    ``source`` is a table or view with the table's columns ``names``. Returns (rows gone, rows
    arrived); a changed row counts in both.
    """
    hist, live = history_table(table), open_table(table)
    cur.execute(
        sql(
            "CREATE OR REPLACE TEMP TABLE _versions_gone AS SELECT {cols} FROM {table} "
            "EXCEPT SELECT {cols} FROM {source}",
            cols=names,
            table=table,
            source=source,
        )
    )
    cur.execute(
        sql(
            "CREATE OR REPLACE TEMP TABLE _versions_new AS SELECT {cols} FROM {source} "
            "EXCEPT SELECT {cols} FROM {table}",
            cols=names,
            table=table,
            source=source,
        )
    )
    gone = _count(cur, "SELECT count(*) FROM _versions_gone")
    new = _count(cur, "SELECT count(*) FROM _versions_new")
    if gone:
        # A row leaving the table takes its values into the history, closed at this version.
        cur.execute(
            sql(
                "INSERT INTO {hist} ({cols}, _valid_from, _valid_to) SELECT {gcols}, o._valid_from, ? "
                "FROM _versions_gone g JOIN {live} o ON {on}",
                hist=hist,
                cols=names,
                gcols=columns(names, "g"),
                live=live,
                on=equal(key, "o", "g"),
            ),
            [version_id],
        )
        for target in (live, table):
            cur.execute(
                sql("DELETE FROM {target} USING _versions_gone g WHERE {on}", target=target, on=equal(key, target, "g"))
            )
    if new:
        # In key order: the primary-key index takes sorted keys far faster than the hash order of EXCEPT.
        cur.execute(
            sql(
                "INSERT INTO {table} ({cols}) SELECT {cols} FROM _versions_new ORDER BY {keys}",
                table=table,
                cols=names,
                keys=key,
            )
        )
        cur.execute(
            sql("INSERT INTO {live} ({keys}, _valid_from) SELECT {keys}, ? FROM _versions_new", live=live, keys=key),
            [version_id],
        )
    cur.execute("DROP TABLE _versions_gone")
    cur.execute("DROP TABLE _versions_new")
    return gone, new


def ensure_history(cur: duckdb.DuckDBPyConnection, table: str) -> None:
    """Bring the history of ``T`` in line with ``T`` before a change (inside the caller's transaction)."""
    live = open_table(table)
    in_table = _count(cur, sql("SELECT count(*) FROM {table}", table=table))
    open_rows = _count(cur, sql("SELECT count(*) FROM {live}", live=live))
    tracked = open_rows + _count(cur, sql("SELECT count(*) FROM {hist}", hist=history_table(table)))
    key = _key(cur, table)
    if not tracked:
        if not in_table:
            return
        latest = cur.execute(
            "SELECT version_id, rows_after FROM dataset_versions WHERE table_name = ? ORDER BY version_id DESC LIMIT 1",
            [table],
        ).fetchall()
        if latest and latest[0][1] == in_table:
            version_id = int(latest[0][0])
        else:
            version_id = _new_version(
                cur, table, "seed", rows_after=in_table, note="baseline: rows present before the first tracked load"
            )
        cur.execute(
            sql(
                "INSERT INTO {live} ({keys}, _valid_from) SELECT {keys}, ? FROM {table}",
                live=live,
                keys=key,
                table=table,
            ),
            [version_id],
        )
        return
    if open_rows == in_table:
        return
    # Rows added or deleted outside the loader: record the present keys as a version of their own.
    # Values of rows deleted outside the loader are gone; their open history rows are dropped.
    version_id = _new_version(cur, table, "replace", rows_after=in_table, note="changes made outside the loader")
    on = equal(key, "o", "t")
    cur.execute(
        sql("DELETE FROM {live} o WHERE NOT EXISTS (SELECT 1 FROM {table} t WHERE {on})", live=live, table=table, on=on)
    )
    cur.execute(
        sql(
            "INSERT INTO {live} ({keys}, _valid_from) SELECT {keys}, ? FROM {table} t WHERE NOT EXISTS "
            "(SELECT 1 FROM {live} o WHERE {on})",
            live=live,
            keys=key,
            table=table,
            on=on,
        ),
        [version_id],
    )


@contextmanager
def _unordered_writes(cur: duckdb.DuckDBPyConnection) -> Iterator[None]:
    """Let DuckDB write the rows of a large insert in parallel, in whatever order its threads finish.

    ``preserve_insertion_order`` is a database-wide setting (DuckDB has no per-statement form): it is
    switched off for the writes of one load and restored afterwards, even when a write fails. A
    table is a set keyed by its primary key: the rows of a large load may be stored in another order
    than the file's, and a query without ``ORDER BY`` of another session running meanwhile may see
    rows in another order.
    On a 1,000,000-row append this halves the write and the commit (``bench/bench_ingest.py``).
    """
    before = cur.execute("SELECT current_setting('preserve_insertion_order')").fetchall()[0][0]
    cur.execute("SET preserve_insertion_order = false")
    try:
        yield
    finally:
        cur.execute("SET preserve_insertion_order = true" if before else "SET preserve_insertion_order = false")


def apply(
    cur: duckdb.DuckDBPyConnection,
    table: str,
    source: str,
    *,
    action: str,
    file_name: str | None = None,
    sha256: str | None = None,
    user: str | None = None,
    rows_in_file: int | None = None,
    key: tuple[str, ...] | None = None,
    note: str | None = None,
    new_rows: int | None = None,
    in_key_order: bool = False,
) -> int:
    """Load ``source`` (a staged relation with the table's columns) into ``table`` as a new version.

    ``action``: ``append`` (source rows are added), ``replace`` or ``rollback`` (source becomes the
    table). Runs inside the caller's transaction; returns the new ``version_id``. ``new_rows``: the
    number of source rows, when the caller knows it (saves a count on large appends).
    ``in_key_order``: the source rows are already in ascending primary-key order, so an append need
    not sort them (rows reach the key index sorted either way: a million unsorted keys go in about
    0.3 s faster sorted, sorted ones 0.3 s faster without sorting again; ``bench/bench_ingest.py``).
    """
    source = store.quote_identifier(source)  # checked before anything is written
    ensure_history(cur, table)
    names = _columns(cur, table)
    keys = list(key or _key(cur, table))
    if action == "append":
        added = new_rows if new_rows is not None else _count(cur, sql("SELECT count(*) FROM {source}", source=source))
        rows_after = _count(cur, sql("SELECT count(*) FROM {table}", table=table)) + added
    else:
        cur.execute(
            sql(
                "CREATE OR REPLACE TEMP TABLE _versions_target AS SELECT {cols} FROM {source}",
                cols=names,
                source=source,
            )
        )
        rows_after = _count(cur, "SELECT count(*) FROM _versions_target")
    version_id = _new_version(
        cur,
        table,
        action,
        file_name=file_name,
        sha256=sha256,
        user=user,
        rows_in_file=rows_in_file,
        rows_after=rows_after,
        note=note,
    )
    with _unordered_writes(cur):
        if action == "append":
            order = SQL("") if in_key_order else sql(" ORDER BY {keys}", keys=keys)
            cur.execute(
                sql(
                    "INSERT INTO {table} ({cols}) SELECT {cols} FROM {source}{order}",
                    table=table,
                    cols=names,
                    source=source,
                    order=order,
                )
            )
            cur.execute(
                sql(
                    "INSERT INTO {live} ({keys}, _valid_from) SELECT {keys}, ? FROM {source}",
                    live=open_table(table),
                    keys=keys,
                    source=source,
                ),
                [version_id],
            )
        else:
            _record(cur, table, "_versions_target", version_id, keys, names)
            cur.execute("DROP TABLE _versions_target")
    return version_id


def state_at(con: duckdb.DuckDBPyConnection, table: str, version_id: int) -> pd.DataFrame:
    """The rows ``table`` held right after ``version_id`` (ordered by the primary key).

    Rows that have left the table since come from their closed history rows; rows still in the
    table come from the table itself, when their version (``history_open_T``) is not later.
    """
    with con.cursor() as cur:
        names = _columns(cur, table)
        key = _key(cur, table) or names
        return cur.execute(
            sql(
                "SELECT * FROM (SELECT {cols} FROM {hist} WHERE _valid_from <= ? AND _valid_to > ? "
                "UNION ALL SELECT {tcols} FROM {table} t JOIN {live} o ON {on} WHERE o._valid_from <= ?) "
                "ORDER BY {keys}",
                cols=names,
                hist=history_table(table),
                tcols=columns(names, "t"),
                table=table,
                live=open_table(table),
                on=equal(key, "o", "t"),
                keys=key,
            ),
            [version_id, version_id, version_id],
        ).df()


def restorable(con: duckdb.DuckDBPyConnection, table: str) -> pd.DataFrame:
    """Versions of ``table`` that can be restored (from the first tracked one on), newest first."""
    with con.cursor() as cur:
        first = cur.execute(
            sql(
                "SELECT min(v) FROM (SELECT min(_valid_from) AS v FROM {hist} "
                "UNION ALL SELECT min(_valid_from) FROM {live})",
                hist=history_table(table),
                live=open_table(table),
            )
        ).fetchall()[0][0]
        latest = cur.execute("SELECT max(version_id) FROM dataset_versions WHERE table_name = ?", [table]).fetchall()[
            0
        ][0]
        since = first if first is not None else latest
        if since is None:
            return store.query(con, "SELECT * FROM dataset_versions WHERE FALSE")
        return store.query(
            con,
            "SELECT version_id, table_name, action, file_name, sha256, user_name, loaded_at, rows_in_file, "
            "rows_after, note FROM dataset_versions WHERE table_name = ? AND version_id >= ? "
            "ORDER BY version_id DESC",
            [table, since],
        )


def history(con: duckdb.DuckDBPyConnection, table: str | None = None) -> pd.DataFrame:
    """The load history (``dataset_versions``), newest first, for one table or all."""
    select = (
        "SELECT version_id, table_name, action, file_name, sha256, user_name, loaded_at, rows_in_file, "
        "rows_after, note FROM dataset_versions"
    )
    if table:
        return store.query(con, select + " WHERE table_name = ? ORDER BY version_id DESC", [table])
    return store.query(con, select + " ORDER BY version_id DESC")
