"""Loading analysts' files into the store: read, validate, preview, commit — or change nothing.

Public contract::

    report = load_file(con, "enterprises", "egrul.csv", mode="append", user="anna")
    report.ok, report.rows_loaded, report.errors, report.warnings, report.version_id

``source`` is a path, ``bytes`` or a file-like object (Streamlit's ``UploadedFile``). When
``report.ok`` is false the store is exactly as it was. The same work in two steps, for a preview the
analyst confirms::

    plan = prepare(con, "enterprises", data, mode="replace", file_name="egrul.csv")
    plan.report.added, plan.report.changed, plan.report.removed, plan.samples["added"]
    report = commit(con, plan, user="anna")     # re-checks against the store, one transaction

Formats: CSV (UTF-8 with or without BOM, UTF-16 with BOM, Windows-1251; delimiter ``;``, ``,``,
tab or ``|``; quoted or not; CRLF or LF) and XLSX (the first sheet with a recognisable header;
formulas are refused, numbers and dates read as the cells hold them). The header may sit below
title rows. Headers are matched in Russian or English (:mod:`analytics.data.validate`); unknown headers
are reported so the page can offer a manual mapping, which :func:`save_mapping` remembers per table.
The OKVED 2 classifier file exactly as Rosstat publishes it (Windows-1251, ``;``, quoted, CRLF, no
header: ``section;code;name``) is recognised as a *layout* of ``sectors``: level, parent and section
are derived from the codes.

Modes: ``append`` adds rows and refuses any key already in the store (re-loading the same file is
an error, not a silent no-op); ``replace`` makes the file the whole table (the preview shows rows
added, changed and removed) and refuses to remove rows other tables still reference.

Atomicity and history: one transaction per file, with a ``dataset_versions`` row (file name,
SHA-256, user, time, row counts) and the row history that makes every version restorable
(:mod:`analytics.store.versions`). A crash or kill before ``COMMIT`` leaves the previous data intact (the
DuckDB write-ahead log replays only committed transactions).

Messages are codes with parameters (:class:`analytics.data.validate.Message`); texts in both languages
are in ``ui/texts/data.py``. Limits (file size, rows) are :class:`Limits`, configurable through
``NAVIGATOR_MAX_UPLOAD_MB`` and ``NAVIGATOR_MAX_ROWS``.

Modules: :mod:`~analytics.data.ingest.read` (bytes, encodings, CSV/XLSX parsing),
:mod:`~analytics.data.ingest.headers` (header mapping, derived columns), :mod:`~analytics.data.ingest.checks`
(checks against the store, the preview diff), :mod:`~analytics.data.ingest.plan` (prepare, reports,
templates), :mod:`~analytics.data.ingest.commit` (commit, load_file, rollback), :mod:`~analytics.data.ingest.fix`
(corrections typed in the page's grid, the corrected file in the original dialect). The names above are
importable from this package.
"""

from __future__ import annotations

from analytics.data.ingest.checks import SAMPLE_ROWS, STAGE_TABLE, diff, stage, store_checks, unstage
from analytics.data.ingest.commit import commit, load_file, prepare_rollback, rollback
from analytics.data.ingest.fix import (
    apply_corrections,
    corrected_cells,
    error_rows,
    grid_edits,
    patch_lines,
    write_back,
)
from analytics.data.ingest.headers import remembered_mapping, save_mapping
from analytics.data.ingest.plan import MODES, LoadPlan, LoadReport, data_tables, prepare, template_csv, template_xlsx
from analytics.data.ingest.read import (
    CAP_PER_CODE,
    DELIMITERS,
    HEAD_BYTES,
    Limits,
    RawTable,
    detect_encoding,
    read_csv,
    read_source,
    read_table,
    read_xlsx,
    xlsx_preflight,
)

__all__ = [
    "DELIMITERS",
    "CAP_PER_CODE",
    "Limits",
    "HEAD_BYTES",
    "detect_encoding",
    "RawTable",
    "read_source",
    "read_csv",
    "read_xlsx",
    "xlsx_preflight",
    "read_table",
    "remembered_mapping",
    "save_mapping",
    "SAMPLE_ROWS",
    "STAGE_TABLE",
    "stage",
    "unstage",
    "store_checks",
    "diff",
    "MODES",
    "LoadReport",
    "LoadPlan",
    "prepare",
    "template_csv",
    "template_xlsx",
    "data_tables",
    "commit",
    "load_file",
    "prepare_rollback",
    "rollback",
    "error_rows",
    "grid_edits",
    "corrected_cells",
    "write_back",
    "patch_lines",
    "apply_corrections",
]
