"""Preparing a load: validate a file into a :class:`LoadPlan` with its :class:`LoadReport` and preview
(no write); templates and the list of loadable tables.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

import duckdb
import numpy as np
import pandas as pd

from analytics import store
from analytics.data import validate
from analytics.data.ingest.checks import SAMPLE_ROWS, _keep_absent, diff, stage, store_checks, unstage
from analytics.data.ingest.headers import _DERIVED, _derive, _map_headers, _missing_required, remembered_mapping
from analytics.data.ingest.read import CAP_PER_CODE, Limits, RawTable, _file_error, read_source, read_table
from analytics.data.validate import Issue, msg
from analytics.store import schema

MODES = ("append", "replace")


@dataclass
class LoadReport:
    """What happened to a file (or would happen, in a preview).

    ``errors`` / ``warnings``: :class:`analytics.data.validate.Issue` tuples ``(row, column, value,
    message)``; rows as a spreadsheet numbers them (header = 1), ``column`` the store column (the
    file's own header for unknown columns). At most :data:`CAP_PER_CODE` issues per message code are
    listed; ``error_counts`` has the full counts.
    """

    ok: bool
    rows_loaded: int
    errors: list[Issue]
    warnings: list[Issue]
    version_id: int | None
    table: str = ""
    mode: str = "append"
    file_name: str | None = None
    sha256: str | None = None
    rows_in_file: int = 0
    added: int = 0
    changed: int = 0
    removed: int = 0
    unchanged: int = 0
    error_counts: dict[str, int] = field(default_factory=dict)
    dialect: dict[str, Any] = field(default_factory=dict)
    #: file header → store column ("" = skipped)
    columns: dict[str, str] = field(default_factory=dict)
    #: file headers the loader could not place (the page offers a mapping for them)
    unknown_headers: list[str] = field(default_factory=list)

    @classmethod
    def refused(cls, table: str, file_name: str | None, code: str, **params: Any) -> LoadReport:
        """The report of a whole file refused before any row is stored (mode ``replace``): one error, the
        message ``code`` with ``params``, naming no row, column or value."""
        return cls(
            ok=False,
            rows_loaded=0,
            errors=[Issue(None, None, None, msg(code, **params))],
            warnings=[],
            version_id=None,
            table=table,
            mode="replace",
            file_name=file_name,
            error_counts={code: 1},
        )

    @property
    def changes(self) -> int:
        """Rows the load would add, change or remove (0: the store already holds the file)."""
        return self.added + self.changed + self.removed

    @property
    def error_total(self) -> int:
        """Errors found, all of them (``errors`` lists at most :data:`CAP_PER_CODE` per code)."""
        return sum(self.error_counts.values()) or len(self.errors)


@dataclass
class LoadPlan:
    """A validated file ready to commit: typed rows, the preview and the store state it was made on."""

    report: LoadReport
    frame: pd.DataFrame | None = None  #: store columns in store order, plus ``_row``
    samples: dict[str, pd.DataFrame] = field(default_factory=dict)  #: added / changed / removed
    fingerprint: str = ""  #: store state the preview was computed on
    absent: tuple[str, ...] = ()  #: optional columns the file did not have
    #: a file with errors: its typed rows with the cells that have an error emptied (for the store checks)
    checked: pd.DataFrame | None = None
    #: the file's text cells under its own headers (the page's preview and correction grid)
    raw: RawTable | None = None


def _finish(report: LoadReport, errors: list[Issue], counts: dict[str, int]) -> LoadReport:
    report.errors = errors
    report.error_counts = counts
    report.ok = not errors
    return report


def _validate_file(
    con: duckdb.DuckDBPyConnection,
    table: str,
    source: str | os.PathLike[str] | bytes | BinaryIO,
    mode: str,
    mapping: Mapping[str, str | None] | None,
    file_name: str | None,
    limits: Limits | None,
    progress: Callable[[str], None],
) -> LoadPlan:
    """Everything that needs only the file (and the remembered mappings): read, map, type, rules."""
    limits = limits or Limits.from_env()
    report = LoadReport(ok=False, rows_loaded=0, errors=[], warnings=[], version_id=None, table=table, mode=mode)
    if table not in validate.TABLES:
        return LoadPlan(_finish(report, [_file_error("table_unknown", table=table)], {"table_unknown": 1}))
    if mode not in MODES:
        return LoadPlan(_finish(report, [_file_error("mode_unknown", mode=mode)], {"mode_unknown": 1}))
    spec = validate.TABLES[table]
    data, name = read_source(source)
    report.file_name = Path(file_name).name[:200] if file_name else name
    report.sha256 = hashlib.sha256(data).hexdigest()
    progress("read")
    combined = remembered_mapping(con, table)
    for header, column in (mapping or {}).items():
        combined[validate.normalise_header(header)] = column
    raw = read_table(data, spec, combined, limits)
    del data
    if isinstance(raw, list):
        return LoadPlan(_finish(report, raw, _count(raw)))
    report.dialect = raw.dialect
    report.warnings.extend(raw.warnings)
    report.rows_in_file = len(raw.cells)
    if len(raw.cells) > limits.max_rows:
        error = _file_error("too_many_rows", rows=len(raw.cells), limit=limits.max_rows)
        return LoadPlan(_finish(report, [error], {"too_many_rows": 1}))
    placed, scales, errors, warnings, unknown, shown = _map_headers(raw, spec, combined)
    report.columns, report.unknown_headers = shown, unknown
    report.warnings.extend(warnings)
    present = set(placed.values())
    missing = _missing_required(spec, present)
    errors.extend(missing)
    if not len(raw.cells):
        errors.append(_file_error("no_data_rows"))
    if not placed or not len(raw.cells):
        return LoadPlan(_finish(report, errors, _count(errors)))
    # Header problems (an unknown, doubled or missing column) do not stop the cells of the columns that
    # were placed from being read and checked: every mistake of the file is reported in one pass.
    header_errors = errors
    progress("parsed")
    cells_in = pd.DataFrame({column: raw.cells[position] for position, column in placed.items()})
    numeric = {column: raw.numeric[position] for position, column in placed.items() if position in raw.numeric}
    cells = validate.read_cells(cells_in, spec, raw.rows, scales=scales, numeric_cells=numeric, cap=CAP_PER_CODE)
    del cells_in
    for issue in missing:  # a column the file lacks is one error, not one per row
        cells.flagged[issue.column] = np.ones(len(raw.rows), dtype=bool)
    frame, derive_errors, derive_warnings = _derive(cells.frame, spec, present, raw.rows)
    cells = validate.check_rules(cells._replace(frame=frame), spec, raw.rows, cap=CAP_PER_CODE)
    report.warnings.extend(cells.warnings + derive_warnings)
    errors = header_errors + list(cells.issues) + derive_errors
    counts = _count(header_errors)
    for code, n in cells.counts.items():
        counts[code] = counts.get(code, 0) + n
    for e in derive_errors:
        counts[e.code] = counts.get(e.code, 0) + 1
    dups, n_dups = validate.duplicates_in_file(frame, spec.key, raw.rows, cap=CAP_PER_CODE)
    if n_dups:
        errors.extend(dups)
        counts["duplicate_in_file"] = n_dups
    mismatched = validate.inn_region_mismatch(frame) if table == "enterprises" else 0
    if mismatched:
        report.warnings.append(Issue(None, "inn", None, msg("inn_region", count=mismatched)))
    progress("validated")
    absent = tuple(c for c in spec.names if c not in present and c not in _DERIVED.get(table, ()))
    frame = frame[spec.names]
    frame.insert(len(frame.columns), "_row", raw.rows)
    if errors:
        # The rows as read, each cell that already has an error emptied: the store checks run on them too.
        checked = _without_flagged(frame, cells.flagged)
        return LoadPlan(_finish(report, _sorted(errors), counts), absent=absent, checked=checked, raw=raw)
    report.ok = True
    return LoadPlan(report, frame, absent=absent)


def _without_flagged(frame: pd.DataFrame, flagged: Mapping[str, np.ndarray]) -> pd.DataFrame:
    """``frame`` with the cells ``flagged`` (per column, cells that already have an error) missing."""
    out = frame.copy()
    for column, mask in flagged.items():
        if column in out.columns and mask.any():
            out[column] = out[column].mask(pd.Series(mask, index=out.index))
    return out


def _template_note(plan: LoadPlan) -> LoadPlan:
    """A template uploaded unchanged whose example cannot load here says why, before its errors: its
    example row's key is already in the store (``template_row_held``), or it refers to the example of
    another table's template not loaded yet (``template_needs``, naming that table)."""
    report = plan.report
    if report.ok or report.table not in validate.TABLES or report.sha256 not in _template_hashes(report.table):
        return plan
    codes = {e.code for e in report.errors}
    parents = sorted({e.message.values.get("table") for e in report.errors if e.code == "ref_missing"} - {None})
    notes = []
    if "duplicate_in_store" in codes:
        notes.append(Issue(None, None, None, msg("template_row_held", table=report.table)))
    if "okved_unknown" in codes and "sectors" not in parents:
        parents.append("sectors")
    notes.extend(Issue(None, None, None, msg("template_needs", table=parent)) for parent in parents)
    for note in reversed(notes):
        report.errors.insert(0, note)
    if notes:
        report.error_counts = {
            **{n.code: sum(1 for m in notes if m.code == n.code) for n in notes},
            **report.error_counts,
        }
    return plan


def _template_hashes(table: str) -> set[str]:
    """SHA-256 of the table's CSV templates as the Templates tab offers them (Russian and English)."""
    return {hashlib.sha256(template_csv(table, lang)).hexdigest() for lang in ("ru", "en")}


def _store_errors_too(con: duckdb.DuckDBPyConnection, plan: LoadPlan) -> LoadPlan:
    """A plan with errors in its cells: add what the store checks find in its other cells (references,
    keys already in the store, rows other tables still reference), so that no error hides another."""
    if plan.report.ok or plan.checked is None:
        return plan
    report = plan.report
    spec = validate.TABLES[report.table]
    try:
        with con.cursor() as cur:
            stage(cur, spec.name, plan.checked)
            errors, counts = store_checks(cur, spec, report.mode, plan.checked)
            unstage(cur)
    except duckdb.Error:  # a cell the store's types refuse: its own error is already listed
        return _template_note(plan)
    if errors:
        for code, n in counts.items():
            report.error_counts[code] = report.error_counts.get(code, 0) + n
        report.errors = _sorted(report.errors + errors)
    return _template_note(plan)


def _store_phase(
    cur: duckdb.DuckDBPyConnection, plan: LoadPlan, samples: int
) -> tuple[list[Issue], dict[str, int], dict[str, int]]:
    """Stage the plan's rows on ``cur`` and check them against the store: (errors, error counts, diff counts).

    Leaves the staging table in place for a write; fills ``plan.samples`` when ``samples`` > 0.
    """
    report = plan.report
    spec = validate.TABLES[report.table]
    stage(cur, spec.name, plan.frame, materialise=report.mode != "append")
    if report.mode == "replace":
        kept = _keep_absent(cur, spec, plan.absent)
        if kept and not any(w.code == "names_en_kept" for w in report.warnings):
            report.warnings.append(Issue(None, None, None, msg("names_en_kept", count=kept)))
    errors, counts = store_checks(cur, spec, report.mode, plan.frame)
    if errors:
        return _sorted(errors), counts, {}
    numbers, shown = diff(cur, spec, report.mode, samples=samples)
    if samples:
        plan.samples = shown
    return [], {}, numbers


def _set_numbers(report: LoadReport, numbers: dict[str, int]) -> None:
    report.added, report.changed = numbers["added"], numbers["changed"]
    report.removed, report.unchanged = numbers["removed"], numbers["unchanged"]


def prepare(
    con: duckdb.DuckDBPyConnection,
    table: str,
    source: str | os.PathLike[str] | bytes | BinaryIO,
    *,
    mode: str = "append",
    mapping: Mapping[str, str | None] | None = None,
    file_name: str | None = None,
    limits: Limits | None = None,
    on_progress: Callable[[str], None] | None = None,
) -> LoadPlan:
    """Read and validate a file and compute its preview (rows added, changed, removed), writing nothing.

    ``mapping``: file header → store column (``None`` to skip the column); it adds to, and wins
    over, the mappings remembered for the table and the built-in aliases.
    """
    progress = on_progress or (lambda stage: None)
    plan = _validate_file(con, table, source, mode, mapping, file_name, limits, progress)
    if not plan.report.ok:
        return _store_errors_too(con, plan)
    with con.cursor() as cur:
        plan.fingerprint = store.data_fingerprint(cur)
        errors, counts, numbers = _store_phase(cur, plan, SAMPLE_ROWS)
        unstage(cur)
    if errors:
        plan.frame = None
        _finish(plan.report, errors, counts)
        return _template_note(plan)
    _set_numbers(plan.report, numbers)
    progress("previewed")
    return plan


def _rejected(report: LoadReport, exc: duckdb.Error) -> LoadReport:
    """Report what DuckDB refused (the transaction has rolled the write back: the store is as it was)."""
    return _finish(
        report, [_file_error("store_rejected", detail=str(exc).splitlines()[0][:300])], {"store_rejected": 1}
    )


def _count(issues: list[Issue]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for issue in issues:
        counts[issue.code] = counts.get(issue.code, 0) + 1
    return counts


def _sorted(issues: list[Issue]) -> list[Issue]:
    return sorted(issues, key=lambda i: (i.row is not None, i.row or 0, i.column or ""))


def template_csv(table: str, lang: str = "ru") -> bytes:
    """A CSV template for ``table``: headers in ``lang``, one example row (UTF-8 with BOM, ``;``)."""
    frame = validate.template_frame(validate.TABLES[table], lang)
    return frame.to_csv(index=False, sep=";").encode("utf-8-sig")


def template_xlsx(lang: str = "ru") -> bytes:
    """An XLSX workbook with one template sheet per table (headers in ``lang``, one example row)."""
    from analytics.data import export

    return export.excel_bytes({table: validate.template_frame(spec, lang) for table, spec in validate.TABLES.items()})


def data_tables() -> tuple[str, ...]:
    """The tables an analyst can load, in load order."""
    return tuple(t for t in schema.DATA_TABLES if t in validate.TABLES)
