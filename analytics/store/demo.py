"""Build the demo store from the seed CSV files in ``data/seed/`` (deterministic), atomically.

``io_cells`` has no seed file: its rows are made at build time from Rosstat's input–output extract
shipped in ``data/io2021/`` (:func:`io_extract_cells`, ``data_status = 'public'``), so the 2021 tables
are not held twice in the repository.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import duckdb
import pandas as pd

from analytics.store import schema
from analytics.store.compose import sql
from analytics.store.connection import DEFAULT_DB, ROOT, SEED_DIR, connect, table_counts, transaction

#: Rosstat's input–output extract (``python -m analytics.tools.io_extract``; source in its SOURCE.md).
IO_DIR = ROOT / "data" / "io2021"
#: The extract's files → ``io_cells.part`` (wide: ``no`` + one column per code; ``products`` holds text).
IO_EXTRACT_PARTS: dict[str, str] = {
    "products": "products.csv",
    "flows_total": "flows_total.csv",
    "flows_domestic": "flows_domestic.csv",
    "final_demand": "final_demand_total.csv",
    "final_demand_domestic": "final_demand_domestic.csv",
    "primary_inputs": "primary_inputs.csv",
    "total_requirements": "total_requirements_kpz.csv",
}
#: Data tables built at build time instead of read from a seed CSV.
BUILT_TABLES: tuple[str, ...] = ("io_cells",)
#: Decimal places of the stored input–output numbers (mln ₽; КПЗ in ₽ per 1 000 ₽).
DECIMALS = 9
IO_COLUMNS = ["year", "part", "row_code", "col_code", "value", "label", "data_status"]


def wide_cells(part: str, frame: pd.DataFrame, year: int, data_status: str) -> pd.DataFrame:
    """One wide table (index = product numbers, columns = codes) as ``io_cells`` rows.

    Numbers: rounded to :data:`DECIMALS` places; zero cells are left out (a cell absent from a year
    reads as 0). ``products``: every
    column's text in ``label`` (value empty).
    """
    long = frame.rename_axis(index="row_code", columns="col_code").stack().rename("cell").reset_index()
    long["row_code"] = long["row_code"].astype(str)
    long["col_code"] = long["col_code"].astype(str)
    if part == "products":
        long["value"], long["label"] = float("nan"), long["cell"].astype(str)
    else:
        # 9 decimals: a workbook saved again (or КПЗ ÷ 1 000 × 1 000) differs in the last bit only
        long["value"], long["label"] = long["cell"].astype(float).round(DECIMALS), None
        long = long[long["value"] != 0]
    long["year"], long["part"], long["data_status"] = int(year), part, data_status
    return long[IO_COLUMNS].reset_index(drop=True)


def io_extract_cells(io_dir: Path = IO_DIR, data_status: str = "public") -> pd.DataFrame:
    """The shipped extract (``data/io2021``) as ``io_cells`` rows (values as in the files: mln ₽; КПЗ in
    roubles per 1 000 roubles); empty when the extract is absent."""
    year_file = io_dir / "year.txt"
    if not year_file.exists():
        return pd.DataFrame(columns=IO_COLUMNS)
    year = int(year_file.read_text(encoding="utf-8").strip())
    frames = []
    for part, name in IO_EXTRACT_PARTS.items():
        wide = pd.read_csv(io_dir / name, dtype={"no": str} if part != "products" else str).set_index("no")
        frames.append(wide_cells(part, wide, year, data_status))
    return pd.concat(frames, ignore_index=True)


def _io_sha256(io_dir: Path) -> str:
    digest = hashlib.sha256()
    for name in sorted(IO_EXTRACT_PARTS.values()):
        digest.update((io_dir / name).read_bytes())
    return digest.hexdigest()


def file_sha256(path: Path) -> str:
    """SHA-256 of a file's bytes, hex (recorded with each seed load)."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def read_seed(table: str, seed_dir: Path = SEED_DIR) -> pd.DataFrame:
    """Read one seed CSV (UTF-8, comma) with identifier columns kept as text."""
    text_cols = {
        "code",
        "parent",
        "section",
        "region_code",
        "oktmo",
        "inn",
        "ogrn",
        "okved",
        "supplier_inn",
        "buyer_inn",
        "initiator_inn",
        "project_id",
        "cluster_id",
        "oktmo_prefix",
        "okato",
        "kladr_id",
        "iso_code",
        "timezone",
        "region_codes",
        "breakdown",
        "period",
        "selection_year",
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
    table_cols = [
        r[0]
        for r in cur.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position",
            [table],
        ).fetchall()
    ]
    cols = [c for c in frame.columns if c in table_cols]
    unknown = [c for c in frame.columns if c not in table_cols and not c.startswith("_")]
    if unknown:
        raise ValueError(f"{table}: columns not in the schema: {unknown}")
    cur.register("_incoming", frame[cols])
    # Identifiers are checked against the schema above; values travel as a registered frame.
    cur.execute(sql("INSERT INTO {table} ({cols}) SELECT {cols} FROM _incoming", table=table, cols=cols))
    cur.unregister("_incoming")
    return len(frame)


def build_demo(
    path: str | os.PathLike[str] = DEFAULT_DB,
    *,
    seed_dir: Path = SEED_DIR,
    overwrite: bool = True,
    io_dir: Path = IO_DIR,
) -> dict[str, int]:
    """Build the demo store at ``path`` from the seed CSVs; returns row counts per table.

    The file is written to a temporary name and moved into place at the end, so a crash never leaves
    a half-built store where the app looks for one. Deterministic: the same seed files give the same
    rows (the seed files are themselves produced by ``python -m analytics.tools.demo_seed`` with a fixed
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
        with con.cursor() as cur, transaction(cur):
            for table in schema.DATA_TABLES:
                seed_file = seed_dir / f"{table}.csv"
                if table == "io_cells" and not seed_file.exists():
                    cells = io_extract_cells(io_dir)
                    if len(cells):
                        load_frame(cur, table, cells)
                        cur.execute(
                            "INSERT INTO dataset_versions (table_name, action, file_name, sha256, user_name, "
                            "rows_in_file, rows_after, note) VALUES (?, 'seed', ?, ?, 'system', ?, ?, ?)",
                            [
                                table,
                                "data/io2021",
                                _io_sha256(io_dir),
                                len(cells),
                                len(cells),
                                "Rosstat input-output tables 2021 (data/io2021/SOURCE.md)",
                            ],
                        )
                    continue
                if not seed_file.exists():
                    continue
                frame = read_seed(table, seed_dir)
                load_frame(cur, table, frame)
                cur.execute(
                    "INSERT INTO dataset_versions (table_name, action, file_name, sha256, user_name, "
                    "rows_in_file, rows_after, note) VALUES (?, 'seed', ?, ?, 'system', ?, ?, ?)",
                    [table, seed_file.name, file_sha256(seed_file), len(frame), len(frame), "demo seed"],
                )
            cur.execute("INSERT OR REPLACE INTO meta VALUES ('dataset', 'demo-kaluga')")
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
