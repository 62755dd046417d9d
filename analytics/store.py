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
:func:`sql_type`): fixed text written in the code plus names that pass :func:`quote_identifier`.
Values never enter SQL text; they travel as ``?`` parameters (or as a registered frame).
"""
from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path
from typing import Any, Iterable, Literal, LiteralString, Sequence

import duckdb
import pandas as pd

from analytics import schema

ROOT = Path(__file__).resolve().parent.parent
SEED_DIR = ROOT / "data" / "seed"
DEFAULT_DB = ROOT / "data" / "navigator.duckdb"


class SQL(str):
    """A piece of SQL text made by this module from fixed text and quoted identifiers only.

    Only the helpers below (and a literal written in the code, e.g. ``SQL("FALSE")``) make one;
    :func:`sql` puts an ``SQL`` piece in as it is and quotes every plain ``str``. Concatenating an
    ``SQL`` piece with ``+`` gives a plain ``str`` again, which :func:`sql` would refuse as a name.
    """

    __slots__ = ()


def quote_identifier(identifier: str) -> SQL:
    """Quote a table or column name for SQL after checking it against ``[a-z_][a-z0-9_]*``.

    Only names from the schema or module constants ever reach SQL text; values always travel as
    parameters. A name that does not fit raises ``ValueError`` instead of being interpolated.
    """
    if not re.fullmatch(r"[a-z_][a-z0-9_]*", identifier):
        raise ValueError(f"not a schema identifier: {identifier!r}")
    return SQL('"' + identifier + '"')


Part = SQL | str | Sequence[SQL | str]
_PLACEHOLDER = re.compile(r"\{([a-z_][a-z0-9_]*)\}")


def _part(value: SQL | str) -> SQL:
    if isinstance(value, SQL):
        return value
    if isinstance(value, str):
        return quote_identifier(value)
    raise TypeError(f"not an SQL piece or a name: {value!r}")


def sql(template: LiteralString, /, **parts: Part) -> SQL:
    """``template`` (fixed text written in the code, with ``{name}`` placeholders) filled in.

    An :class:`SQL` piece goes in as it is; a ``str`` goes in as a quoted identifier
    (:func:`quote_identifier` refuses anything that is not one); a list or tuple goes in item by
    item, the same way, joined by ``", "``. Values never pass through here: they travel as ``?``
    parameters. Every placeholder must be given and every part used.
    """
    used: set[str] = set()

    def fill(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in parts:
            raise KeyError(f"no part for {{{name}}} in the SQL template")
        used.add(name)
        value = parts[name]
        if isinstance(value, (list, tuple)):
            return joined([_part(v) for v in value])
        return _part(value)  # type: ignore[arg-type]

    text = _PLACEHOLDER.sub(fill, template)
    if unused := set(parts) - used:
        raise TypeError(f"SQL parts not in the template: {sorted(unused)}")
    return SQL(text)


def joined(pieces: Iterable[SQL], separator: Literal[", ", " AND ", " OR "] = ", ") -> SQL:
    """``SQL`` pieces joined by one of a few fixed separators (a plain ``str`` piece is refused)."""
    if separator not in (", ", " AND ", " OR "):
        raise ValueError(f"not an SQL separator: {separator!r}")
    pieces = list(pieces)
    for piece in pieces:
        if not isinstance(piece, SQL):
            raise TypeError(f"not an SQL piece: {piece!r}")
    return SQL(separator.join(pieces))


def columns(names: Iterable[str], prefix: str | None = None) -> SQL:
    """Quoted column names joined by ``", "``, each qualified by ``prefix`` when given:
    ``columns(["a", "b"], "s")`` → ``"s"."a", "s"."b"``."""
    if prefix is None:
        return joined(quote_identifier(n) for n in names)
    return joined(sql("{p}.{n}", p=prefix, n=n) for n in names)


def equal(names: Iterable[str], left: str | None, right: str,
          joiner: Literal[" AND ", ", "] = " AND ") -> SQL:
    """``left.name = right.name`` for each name, joined by ``joiner``:
    ``equal(["k"], "t", "s")`` → ``"t"."k" = "s"."k"``. ``left=None`` leaves the left side unqualified
    (an ``UPDATE ... SET`` list: ``equal(["a"], None, "t", ", ")`` → ``"a" = "t"."a"``)."""
    if left is None:
        return joined((sql("{n} = {r}.{n}", n=n, r=right) for n in names), joiner)
    return joined((sql("{l}.{n} = {r}.{n}", l=left, n=n, r=right) for n in names), joiner)


def sql_type(name: str) -> SQL:
    """An SQL type name for ``CAST(... AS <type>)`` (as ``information_schema`` spells it: ``VARCHAR``,
    ``DOUBLE``, ``DECIMAL(18,3)``, ``TIMESTAMP WITH TIME ZONE``), after checking it against
    ``[A-Z][A-Z0-9 ]*`` with an optional ``(precision[, scale])``; anything else raises ``ValueError``."""
    if not re.fullmatch(r"[A-Z][A-Z0-9 ]*(\(\d+(, ?\d+)?\))?", name):
        raise ValueError(f"not an SQL type name: {name!r}")
    return SQL(name)


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
        has_meta = cur.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'meta'"
        ).fetchall()[0][0]
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
        with con.cursor() as cur:
            cur.execute("BEGIN TRANSACTION")
            try:
                for statement in statements:
                    cur.execute(statement)
                cur.execute(
                    "INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(version)]
                )
                cur.execute("COMMIT")
            except Exception:
                cur.execute("ROLLBACK")
                raise
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
        rows = cur.execute(
            "SELECT coalesce(max(version_id), 0), count(*) FROM dataset_versions"
        ).fetchall()
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


#: References between tables (checked in code, see analytics.schema): child table, column, parent, column.
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
                col=col, child=child, parent=parent, pcol=pcol)
            bad = cur.execute(statement, [limit]).df()
            if len(bad):
                bad.insert(0, "column", col)
                bad.insert(0, "table", child)
                bad["missing_in"] = parent
                frames.append(bad)
    if not frames:
        return pd.DataFrame(columns=["table", "column", "value", "missing_in"])
    return pd.concat(frames, ignore_index=True)


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def read_seed(table: str, seed_dir: Path = SEED_DIR) -> pd.DataFrame:
    """Read one seed CSV (UTF-8, comma) with identifier columns kept as text."""
    text_cols = {
        "code", "parent", "section", "region_code", "oktmo", "inn", "ogrn", "okved", "supplier_inn",
        "buyer_inn", "initiator_inn", "project_id", "cluster_id", "oktmo_prefix",
        "okato", "kladr_id", "iso_code", "timezone", "region_codes", "breakdown", "period", "selection_year",
    } | ({"value"} if table == "public_facts" else set())
    path = seed_dir / f"{table}.csv"
    header = pd.read_csv(path, nrows=0).columns
    dtypes = {c: "string" for c in header if c in text_cols}
    return pd.read_csv(path, dtype=dtypes, keep_default_na=True, na_values=[""])


def load_frame(con: duckdb.DuckDBPyConnection, table: str, frame: pd.DataFrame) -> int:
    """Insert ``frame`` into ``table`` by column name (inside the caller's transaction)."""
    if table not in schema.DATA_TABLES:
        raise ValueError(f"unknown table: {table}")
    cur = con  # the caller's connection or cursor: its transaction must cover the insert
    table_cols = [r[0] for r in cur.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position",
        [table],
    ).fetchall()]
    cols = [c for c in frame.columns if c in table_cols]
    unknown = [c for c in frame.columns if c not in table_cols and not c.startswith("_")]
    if unknown:
        raise ValueError(f"{table}: columns not in the schema: {unknown}")
    cur.register("_incoming", frame[cols])
    # Identifiers are checked against the schema above; values travel as a registered frame.
    cur.execute(sql("INSERT INTO {table} ({cols}) SELECT {cols} FROM _incoming", table=table, cols=cols))
    cur.unregister("_incoming")
    return len(frame)


def build_demo(path: str | os.PathLike[str] = DEFAULT_DB, *, seed_dir: Path = SEED_DIR,
               overwrite: bool = True) -> dict[str, int]:
    """Build the demo store at ``path`` from the seed CSVs; returns row counts per table.

    The file is written to a temporary name and moved into place at the end, so a crash never leaves
    a half-built store where the app looks for one. Deterministic: the same seed files give the same
    rows (the seed files are themselves produced by ``python -m analytics.demo_seed`` with a fixed
    random seed).
    """
    target = Path(path)
    if target.exists() and not overwrite:
        raise FileExistsError(target)
    tmp = target.with_name(target.name + ".building")
    for leftover in (tmp, Path(str(tmp) + ".wal")):
        if leftover.exists():
            leftover.unlink()
    con = connect(tmp)
    try:
        with con.cursor() as cur:
            cur.execute("BEGIN TRANSACTION")
            for table in schema.DATA_TABLES:
                seed_file = seed_dir / f"{table}.csv"
                if not seed_file.exists():
                    continue
                frame = read_seed(table, seed_dir)
                load_frame(cur, table, frame)
                cur.execute(
                    "INSERT INTO dataset_versions (table_name, action, file_name, sha256, user_name, "
                    "rows_in_file, rows_after, note) VALUES (?, 'seed', ?, ?, 'system', ?, ?, ?)",
                    [table, seed_file.name, _sha256(seed_file), len(frame), len(frame), "demo seed"],
                )
            cur.execute("INSERT OR REPLACE INTO meta VALUES ('dataset', 'demo-kaluga')")
            cur.execute("COMMIT")
        counts = table_counts(con)
        con.execute("CHECKPOINT")
    finally:
        con.close()
    install_built(tmp, target)
    return counts


def install_built(built: Path, target: Path) -> None:
    """Move a store built under a temporary name into place (atomic on one file system) and drop a
    stale write-ahead log of the old file, so a reader never sees a half-built store."""
    os.replace(built, target)
    wal = Path(str(target) + ".wal")
    if wal.exists():
        wal.unlink()


def ensure_demo(path: str | os.PathLike[str] = DEFAULT_DB) -> bool:
    """Build the demo store at ``path`` if no store is there yet; True when it built one."""
    if Path(path).exists():
        return False
    build_demo(path)
    return True


def main(argv: list[str] | None = None) -> int:
    """``python -m analytics.store [--if-missing] [PATH]``: (re)build the demo store."""
    import argparse
    import time

    parser = argparse.ArgumentParser(description="Build the Cluster Navigator demo store from data/seed/.")
    parser.add_argument("path", nargs="?", default=str(DEFAULT_DB))
    parser.add_argument("--if-missing", action="store_true", help="do nothing when the store exists")
    args = parser.parse_args(argv)
    if args.if_missing and Path(args.path).exists():
        print(f"store exists: {args.path}")
        return 0
    started = time.perf_counter()
    counts = build_demo(args.path)
    took = time.perf_counter() - started
    size = Path(args.path).stat().st_size / 1e6
    print(f"built {args.path} in {took:.2f} s, {size:.1f} MB")
    for table, n in counts.items():
        print(f"  {table:22s} {n:>9,d}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
