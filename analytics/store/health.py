"""Is a store error fatal for the connection? Used by the app to reconnect instead of failing forever.

DuckDB invalidates a database after a fatal error (a write that fails half-way, e.g. on a full disk):
every later call on that connection fails with the same error until it is closed and opened again.
"""

from __future__ import annotations

import duckdb


def is_store_error(exc: BaseException) -> bool:
    """True for any error raised by DuckDB (the store), as opposed to a bug elsewhere."""
    return isinstance(exc, duckdb.Error)


def invalidated(exc: BaseException) -> bool:
    """True when ``exc`` leaves its connection unusable: DuckDB's fatal errors, a closed connection, or
    a database invalidated by an earlier fatal error."""
    if isinstance(exc, (duckdb.FatalException, duckdb.ConnectionException, duckdb.InternalException)):
        return True
    text = str(exc).lower()
    return isinstance(exc, duckdb.Error) and ("invalidated" in text or "connection already closed" in text)


def usable(con: duckdb.DuckDBPyConnection) -> bool:
    """True when ``con`` still answers a trivial query."""
    try:
        with con.cursor() as cur:
            cur.execute("SELECT 1").fetchall()
        return True
    except duckdb.Error:
        return False
