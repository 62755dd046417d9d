"""Writing a plan: one transaction with a ``dataset_versions`` row (re-checked against the store);
:func:`load_file` (prepare + commit) and rollback to an earlier version.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Mapping
from typing import BinaryIO

import duckdb
import pandas as pd

from analytics import store
from analytics.data import validate
from analytics.data.ingest.checks import STAGE_TABLE, diff, stage, store_checks, unstage
from analytics.data.ingest.plan import (
    LoadPlan,
    LoadReport,
    _finish,
    _rejected,
    _set_numbers,
    _sorted,
    _store_errors_too,
    _store_phase,
    _validate_file,
)
from analytics.data.ingest.read import Limits, _file_error
from analytics.store import versions

#: Loads and rollbacks of this process write one at a time. DuckDB's snapshot isolation lets two
#: transactions on different tables both commit (a replace that removes an enterprise and an append of
#: its yearly figures; two appends each counting ``rows_after`` without the other's rows): serialised,
#: each transaction starts after the previous one committed, so its re-checks and counts see it.
#: (DuckDB itself allows one writing process per store file.)
WRITER_LOCK = threading.RLock()


def commit(
    con: duckdb.DuckDBPyConnection,
    plan: LoadPlan,
    user: str | None = None,
    *,
    on_progress: Callable[[str], None] | None = None,
) -> LoadReport:
    """Write a validated plan in one transaction, after checking it against the store again.

    A plan from :func:`prepare` is refused (``store_changed``) when the store changed since the
    preview so that the numbers the analyst confirmed no longer hold. Returns the report with
    ``version_id`` and ``rows_loaded`` (rows added or changed).
    """
    progress = on_progress or (lambda stage: None)
    report = plan.report
    if not report.ok or plan.frame is None:
        return report
    spec = validate.TABLES[report.table]
    previewed = (report.added, report.changed, report.removed)
    try:
        with WRITER_LOCK, con.cursor() as cur, store.transaction(cur) as tx:
            errors, counts, numbers = _store_phase(cur, plan, 0)
            if errors:
                tx.rollback()
                return _finish(report, errors, counts)
            if plan.fingerprint and (numbers["added"], numbers["changed"], numbers["removed"]) != previewed:
                tx.rollback()
                return _finish(report, [_file_error("store_changed")], {"store_changed": 1})
            _set_numbers(report, numbers)
            progress("staged")
            version_id = versions.apply(
                cur,
                spec.name,
                STAGE_TABLE,
                action=report.mode,
                file_name=report.file_name,
                sha256=report.sha256,
                user=user,
                rows_in_file=report.rows_in_file,
                key=spec.key,
                new_rows=numbers["added"],
                in_key_order=validate.key_order(plan.frame, spec.key)[0],
            )
            unstage(cur)
            progress("written")
    except duckdb.Error as exc:
        return _rejected(report, exc)
    progress("committed")
    report.version_id = version_id
    report.rows_loaded = report.added + report.changed
    return report


def load_file(
    con: duckdb.DuckDBPyConnection,
    table: str,
    source: str | os.PathLike[str] | bytes | BinaryIO,
    *,
    mode: str = "append",
    user: str | None = None,
    mapping: Mapping[str, str | None] | None = None,
    file_name: str | None = None,
    limits: Limits | None = None,
    on_progress: Callable[[str], None] | None = None,
) -> LoadReport:
    """Validate ``source`` and, when it is clean, load it into ``table`` in one transaction.

    ``on_progress(stage)`` is called with ``read``, ``parsed``, ``validated``, ``previewed``,
    ``staged``, ``written`` (everything written, just before ``COMMIT``) and ``committed``.
    """
    progress = on_progress or (lambda stage: None)
    plan = _validate_file(con, table, source, mode, mapping, file_name, limits, progress)
    if not plan.report.ok:
        return _store_errors_too(con, plan).report
    return commit(con, plan, user, on_progress=on_progress)


def _as_rollback(errors: list, counts: dict[str, int]) -> tuple[list, dict[str, int]]:
    """A rollback that would take away rows another table refers to: ``rollback_blocked`` (roll the
    other table back first), not the file's ``still_referenced``."""
    errors = [
        e._replace(message=validate.msg("rollback_blocked", **e.message.values)) if e.code == "still_referenced" else e
        for e in errors
    ]
    if "still_referenced" in counts:
        counts = {("rollback_blocked" if k == "still_referenced" else k): v for k, v in counts.items()}
    return errors, counts


def prepare_rollback(con: duckdb.DuckDBPyConnection, table: str, version_id: int) -> LoadPlan:
    """Preview restoring ``table`` to its state right after ``version_id``: rows added, changed,
    removed, and the same reference checks as a ``replace`` load (a restored row must not point to a
    sector or enterprise that is gone, and no other table may lose rows it references)."""
    report = LoadReport(
        ok=False, rows_loaded=0, errors=[], warnings=[], version_id=None, table=table, mode="replace", file_name=None
    )
    if table not in validate.TABLES:
        return LoadPlan(_finish(report, [_file_error("table_unknown", table=table)], {"table_unknown": 1}))
    known = versions.restorable(con, table)
    if int(version_id) not in set(int(v) for v in known["version_id"]):
        error = _file_error("version_unknown", version=int(version_id))
        return LoadPlan(_finish(report, [error], {"version_unknown": 1}))
    spec = validate.TABLES[table]
    frame = versions.state_at(con, table, int(version_id))
    frame["_row"] = pd.Series(pd.array([None] * len(frame), dtype="Int64"))
    report.rows_in_file = len(frame)
    plan = LoadPlan(report, frame)
    with con.cursor() as cur:
        plan.fingerprint = store.data_fingerprint(cur)
        stage(cur, table, frame)
        errors, counts = _as_rollback(*store_checks(cur, spec, "replace", frame))
        if not errors:
            numbers, plan.samples = diff(cur, spec, "replace")
            report.added, report.changed = numbers["added"], numbers["changed"]
            report.removed, report.unchanged = numbers["removed"], numbers["unchanged"]
        unstage(cur)
    _finish(report, _sorted(errors), counts)
    if errors:
        plan.frame = None
    return plan


def rollback(
    con: duckdb.DuckDBPyConnection,
    table: str,
    version_id: int,
    user: str | None = None,
    *,
    plan: LoadPlan | None = None,
) -> LoadReport:
    """Restore ``table`` to its state right after ``version_id``, recorded as a new ``rollback``
    version (so it can be undone the same way). Same checks and atomicity as a load."""
    plan = plan or prepare_rollback(con, table, version_id)
    report = plan.report
    if not report.ok or plan.frame is None:
        return report
    spec = validate.TABLES[table]
    try:
        with WRITER_LOCK, con.cursor() as cur, store.transaction(cur) as tx:
            stage(cur, table, plan.frame)
            errors, counts = _as_rollback(*store_checks(cur, spec, "replace", plan.frame))
            if errors:
                tx.rollback()
                return _finish(report, _sorted(errors), counts)
            if store.data_fingerprint(cur) != plan.fingerprint:
                tx.rollback()
                return _finish(report, [_file_error("store_changed")], {"store_changed": 1})
            new_version = versions.apply(
                cur,
                table,
                STAGE_TABLE,
                action="rollback",
                user=user,
                rows_in_file=len(plan.frame),
                key=spec.key,
                note=f"restored version {int(version_id)}",
            )
            unstage(cur)
    except duckdb.Error as exc:
        return _rejected(report, exc)
    report.version_id = new_version
    report.rows_loaded = report.added + report.changed
    return report
