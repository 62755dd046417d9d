"""Checks against the store on the staged rows, in SQL: keys already present, references to other
tables, rows other tables still reference; the preview diff (added, changed, removed).
"""

from __future__ import annotations

import re
from typing import Any

import duckdb
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from analytics import store
from analytics.data import validate
from analytics.data.ingest.read import CAP_PER_CODE
from analytics.data.validate import Issue, TableSpec, hints, msg
from analytics.store import SQL, columns, equal, joined, sql, sql_type

SAMPLE_ROWS = 20


STAGE_TABLE = "_ingest_stage"


def _table_columns(cur: duckdb.DuckDBPyConnection, table: str) -> list[tuple[str, str]]:
    return [
        (r[0], r[1])
        for r in cur.execute(
            "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ? AND table_schema = 'main' "
            "ORDER BY ordinal_position",
            [table],
        ).fetchall()
    ]


def stage(cur: duckdb.DuckDBPyConnection, table: str, frame: pd.DataFrame, *, materialise: bool = True) -> None:
    """Stage the plan's rows on this cursor as ``_ingest_stage`` (store column types, plus ``_row``).

    ``materialise=False`` makes it a view over the registered frame (no copy: a million-row append
    goes straight from Arrow memory into the table); a replace needs a table it can update.
    """
    typed = _table_columns(cur, table)
    # As an Arrow table: DuckDB scans it natively, in parallel, without copying the strings.
    cur.register("_ingest_frame", pa.Table.from_pandas(frame, preserve_index=False))
    select = joined(sql("CAST({c} AS {t}) AS {c}", c=c, t=sql_type(t)) for c, t in typed)
    _drop_stage(cur)
    if materialise:
        create = sql(
            "CREATE TEMP TABLE {stage} AS SELECT {select}, CAST(_row AS BIGINT) AS _row FROM _ingest_frame",
            stage=STAGE_TABLE,
            select=select,
        )
    else:
        create = sql(
            "CREATE TEMP VIEW {stage} AS SELECT {select}, CAST(_row AS BIGINT) AS _row FROM _ingest_frame",
            stage=STAGE_TABLE,
            select=select,
        )
    cur.execute(create)
    if materialise:
        cur.unregister("_ingest_frame")


def _drop_stage(cur: duckdb.DuckDBPyConnection) -> None:
    kinds = cur.execute(
        "SELECT table_type FROM information_schema.tables WHERE table_name = ?", [STAGE_TABLE]
    ).fetchall()
    for (kind,) in kinds:
        if kind == "VIEW":
            cur.execute(sql("DROP VIEW IF EXISTS {stage}", stage=STAGE_TABLE))
        else:
            cur.execute(sql("DROP TABLE IF EXISTS {stage}", stage=STAGE_TABLE))


def unstage(cur: duckdb.DuckDBPyConnection) -> None:
    """Drop the staging table or view and the registered frame."""
    _drop_stage(cur)
    try:
        cur.unregister("_ingest_frame")
    except duckdb.Error:
        pass


def _references(table: str) -> list[tuple[str, str, str]]:
    """(column, parent table, parent column) this table's rows point to."""
    return [(col, parent, pcol) for child, col, parent, pcol in store.REFERENCES if child == table]


def _referrers(table: str) -> list[tuple[str, str, str]]:
    """(child table, child column, our column) of rows elsewhere that point to this table."""
    return [(child, col, pcol) for child, col, parent, pcol in store.REFERENCES if parent == table]


def store_checks(
    cur: duckdb.DuckDBPyConnection, spec: TableSpec, mode: str, frame: pd.DataFrame, source: str = STAGE_TABLE
) -> tuple[list[Issue], dict[str, int]]:
    """References out of the new rows, keys already in the store (append) and rows other tables
    would lose (replace). ``frame`` holds the new rows with ``_row``; ``source`` is the same rows
    staged in SQL."""
    table = spec.name
    source = store.quote_identifier(source)  # checked before any statement uses it
    errors: list[Issue] = []
    counts: dict[str, int] = {}

    def add(code: str, n: int, issues: list[Issue]) -> None:
        if n:
            counts[code] = counts.get(code, 0) + n
            errors.extend(issues)

    for col, parent, pcol in _references(table):
        # Membership in Arrow (one hash pass over the file's column) rather than an anti-join in SQL:
        # the parent's keys are read inside the caller's transaction, so the check is just as exact.
        values = pc.cast(
            pa.array(
                frame[col].array
                if isinstance(frame[col].array, pd.arrays.ArrowStringArray)
                else frame[col].astype("str").array
            ),
            pa.large_string(),
        )
        known = (
            cur.sql(
                sql(
                    "SELECT DISTINCT CAST({pcol} AS VARCHAR) FROM {parent} WHERE {pcol} IS NOT NULL",
                    pcol=pcol,
                    parent=parent,
                )
            )
            .to_arrow_table()
            .column(0)
        )
        known = pc.cast(known, pa.large_string()).combine_chunks() if len(known) else pa.array([], pa.large_string())
        missing = np.asarray(
            pc.fill_null(pc.and_(pc.is_valid(values), pc.invert(pc.is_in(values, value_set=known))), False).to_numpy(
                zero_copy_only=False
            ),
            dtype=bool,
        )
        n = int(missing.sum())
        if not n:
            continue
        where = np.flatnonzero(missing)[:CAP_PER_CODE]
        rows = frame["_row"].to_numpy()[where]
        issues = []
        codes_known = known.to_pylist() if parent == "sectors" else []
        for row, value in zip(rows, values.take(pa.array(where)).to_pylist()):
            code = "ref_missing"
            params: dict[str, Any] = {"table": parent}
            if parent == "sectors":
                code = "okved_unknown"
                params = {"nearest": ", ".join(hints.nearest_okved(str(value), codes_known))}
                if re.match(r"\d{2}", str(value)) and int(str(value)[:2]) in validate.OKVED2_MISSING_DIVISIONS:
                    code = "okved_version1"
            issues.append(Issue(None if pd.isna(row) else int(row), col, str(value), msg(code, **params)))
        codes = {i.message.code for i in issues}
        for code in codes:
            add(
                code,
                n if len(codes) == 1 else sum(1 for i in issues if i.message.code == code),
                [i for i in issues if i.message.code == code],
            )
    if table == "sectors":
        if mode == "append":
            parents = sql("SELECT code FROM {source} UNION ALL SELECT code FROM sectors", source=source)
        else:
            parents = sql("SELECT code FROM {source}", source=source)
        where = sql("s.parent IS NOT NULL AND s.parent NOT IN ({parents})", parents=parents)
        n = cur.execute(sql("SELECT count(*) FROM {source} s WHERE {where}", source=source, where=where)).fetchall()[0][
            0
        ]
        if n:
            bad = cur.execute(
                sql(
                    "SELECT _row, parent FROM {source} s WHERE {where} ORDER BY _row LIMIT ?",
                    source=source,
                    where=where,
                ),
                [CAP_PER_CODE],
            ).fetchall()
            add(
                "ref_missing",
                n,
                [
                    Issue(int(r) if r is not None else None, "parent", str(v), msg("ref_missing", table="sectors"))
                    for r, v in bad
                ],
            )
        cycles = _parent_cycles(cur, source, mode)
        add(
            "sector_cycle",
            len(cycles),
            [
                Issue(row, "parent", code, msg("sector_cycle", codes=" → ".join(path)))
                for row, code, path in cycles[:CAP_PER_CODE]
            ],
        )
    on = equal(spec.key, "t", "s")
    if mode == "append":
        n = cur.execute(
            sql("SELECT count(*) FROM {source} s JOIN {table} t ON {on}", source=source, table=table, on=on)
        ).fetchall()[0][0]
        if n:
            bad = cur.execute(
                sql(
                    "SELECT s._row, {keys} FROM {source} s JOIN {table} t ON {on} ORDER BY s._row LIMIT ?",
                    keys=columns(spec.key, "s"),
                    source=source,
                    table=table,
                    on=on,
                ),
                [CAP_PER_CODE],
            ).fetchall()
            add(
                "duplicate_in_store",
                n,
                [
                    Issue(
                        int(r[0]) if r[0] is not None else None,
                        ", ".join(spec.key),
                        " / ".join(str(v) for v in r[1:]),
                        msg("duplicate_in_store"),
                    )
                    for r in bad
                ],
            )
    else:
        for child, col, pcol in _referrers(table):
            if child == table:
                continue
            lost = cur.execute(
                sql(
                    "SELECT c.{col} AS value, count(*) AS n FROM {child} c WHERE c.{col} IS NOT NULL "
                    "AND EXISTS (SELECT 1 FROM {table} p WHERE p.{pcol} = c.{col}) "
                    "AND NOT EXISTS (SELECT 1 FROM {source} s WHERE s.{pcol} = c.{col}) GROUP BY 1 ORDER BY 1",
                    col=col,
                    child=child,
                    table=table,
                    pcol=pcol,
                    source=source,
                )
            ).fetchall()
            if lost:
                add(
                    "still_referenced",
                    len(lost),
                    [
                        Issue(None, pcol, str(value), msg("still_referenced", table=child, count=int(n)))
                        for value, n in lost[:CAP_PER_CODE]
                    ],
                )
    return errors, counts


def _parent_cycles(cur: duckdb.DuckDBPyConnection, source: str, mode: str) -> list[tuple[int | None, str, list[str]]]:
    """Cycles in the sector hierarchy the load would leave (a code its own parent, or a ring of any
    length): ``(file row, first code, [code, its parent, …, code])`` per cycle, each starting at its
    smallest code. The classifier is a few thousand codes: walked in Python."""
    staged = cur.execute(
        sql("SELECT code, parent, _row FROM {source} WHERE code IS NOT NULL", source=source)
    ).fetchall()
    parent = {code: up for code, up, _ in staged}
    rows = {code: row for code, _, row in staged}
    if mode == "append":
        for code, up in cur.execute(sql("SELECT code, parent FROM {table}", table="sectors")).fetchall():
            parent.setdefault(code, up)
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    cycles = []
    for start in sorted(parent):
        path: list[str] = []
        node = start
        while node is not None and node in parent and state.get(node) is None:
            state[node] = 1
            path.append(node)
            node = parent[node]
        if node is not None and state.get(node) == 1:  # came back onto the current path: a cycle
            ring = path[path.index(node) :]
            first = ring.index(min(ring))
            ring = ring[first:] + ring[:first]
            cycles.append((None if rows.get(ring[0]) is None else int(rows[ring[0]]), ring[0], [*ring, ring[0]]))
        for visited in path:
            state[visited] = 2
    return cycles


def _diff_sql(spec: TableSpec, names: list[str], source: str) -> tuple[SQL, SQL, SQL, SQL]:
    """FROM-clauses (source aliased ``s``, table ``t``) of the rows a load adds, removes, changes
    and leaves as they are, by primary key; ``names`` are the table's columns."""
    on = equal(spec.key, "t", "s")
    others = [c for c in names if c not in spec.key]
    differs = joined((sql("s.{c} IS DISTINCT FROM t.{c}", c=c) for c in others), " OR ") if others else SQL("FALSE")
    table = spec.name
    added = sql(
        "FROM {source} s WHERE NOT EXISTS (SELECT 1 FROM {table} t WHERE {on})", source=source, table=table, on=on
    )
    removed = sql(
        "FROM {table} t WHERE NOT EXISTS (SELECT 1 FROM {source} s WHERE {on})", source=source, table=table, on=on
    )
    changed = sql(
        "FROM {source} s JOIN {table} t ON {on} WHERE {differs}", source=source, table=table, on=on, differs=differs
    )
    same = sql(
        "FROM {source} s JOIN {table} t ON {on} WHERE NOT ({differs})",
        source=source,
        table=table,
        on=on,
        differs=differs,
    )
    return added, removed, changed, same


def diff(
    cur: duckdb.DuckDBPyConnection, spec: TableSpec, mode: str, source: str = STAGE_TABLE, samples: int = SAMPLE_ROWS
) -> tuple[dict[str, int], dict[str, pd.DataFrame]]:
    """Rows the load adds, changes and removes (by primary key), with a few of each for the preview."""
    names = [c for c, _ in _table_columns(cur, spec.name)]
    added, removed, changed, same = _diff_sql(spec, names, source)
    cols = columns(names, "s")
    counts = {"added": cur.execute(sql("SELECT count(*) {rows}", rows=added)).fetchall()[0][0]}
    shown = {
        "added": cur.execute(
            sql("SELECT s._row, {cols} {rows} ORDER BY s._row LIMIT ?", cols=cols, rows=added), [samples]
        ).df()
    }
    if mode == "replace":
        counts["removed"] = cur.execute(sql("SELECT count(*) {rows}", rows=removed)).fetchall()[0][0]
        counts["changed"] = cur.execute(sql("SELECT count(*) {rows}", rows=changed)).fetchall()[0][0]
        counts["unchanged"] = cur.execute(sql("SELECT count(*) {rows}", rows=same)).fetchall()[0][0]
        tcols = columns(names, "t")
        shown["removed"] = cur.execute(
            sql(
                "SELECT {tcols} {rows} ORDER BY {order} LIMIT ?",
                tcols=tcols,
                rows=removed,
                order=columns(spec.key, "t"),
            ),
            [samples],
        ).df()
        new = cur.execute(
            sql("SELECT s._row, {cols} {rows} ORDER BY s._row LIMIT ?", cols=cols, rows=changed), [samples]
        ).df()
        old = cur.execute(
            sql("SELECT s._row, {tcols} {rows} ORDER BY s._row LIMIT ?", tcols=tcols, rows=changed), [samples]
        ).df()
        shown["changed"] = _changed_view(new, old, spec)
    else:
        counts.update(removed=0, changed=0, unchanged=0)
        shown["removed"] = pd.DataFrame()
        shown["changed"] = pd.DataFrame()
    return counts, shown


def _changed_view(new: pd.DataFrame, old: pd.DataFrame, spec: TableSpec) -> pd.DataFrame:
    """Changed rows: key, row, and ``column: old → new`` for each changed column."""
    if new.empty:
        return pd.DataFrame()
    out = new[["_row", *spec.key]].copy()
    changes = []
    for i in range(len(new)):
        parts = []
        for c in new.columns:
            if c in ("_row", *spec.key):
                continue
            a, b = old.iloc[i][c], new.iloc[i][c]
            if not (pd.isna(a) and pd.isna(b)) and not (not pd.isna(a) and not pd.isna(b) and a == b):
                parts.append(f"{c}: {'' if pd.isna(a) else a} → {'' if pd.isna(b) else b}")
        changes.append("; ".join(parts))
    out["changes"] = changes
    return out


def _keep_absent(cur: duckdb.DuckDBPyConnection, spec: TableSpec, absent: tuple[str, ...]) -> int:
    """``replace``: optional columns the file lacks keep the store's values for matching keys."""
    keep = [c for c in spec.keep_when_absent if c in absent]
    if not keep:
        return 0
    kept = cur.execute(
        sql(
            "SELECT count(*) FROM {stage} s JOIN {table} t ON {on}",
            stage=STAGE_TABLE,
            table=spec.name,
            on=equal(spec.key, "t", "s"),
        )
    ).fetchall()[0][0]
    if kept:
        cur.execute(
            sql(
                "UPDATE {stage} SET {sets} FROM {table} t WHERE {on}",
                stage=STAGE_TABLE,
                sets=equal(keep, None, "t", ", "),
                table=spec.name,
                on=equal(spec.key, "t", STAGE_TABLE),
            )
        )
    return kept
