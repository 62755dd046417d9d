"""Fixing a file's mistakes where they are shown: the rows with errors as the file has them, corrections
applied to its text cells, the corrected file written back the way it came (encoding, delimiter, line
breaks, quoting, decimal comma, the title rows above the header) and checked again by the same loader.

::

    plan = prepare(con, "enterprises", data, file_name="egrul.csv")         # errors on rows 2 and 4
    grid = error_rows(plan)                                                 # "_row" + the file's own headers
    fixed, corrected = apply_corrections(con, plan, {2: {"ИНН": "4000123458"}, 4: {"Широта": "54,5"}})
    fixed.report.ok, corrected                                              # bytes in the file's own dialect

Corrections are text, as a user types them into a cell; in a column whose numbers the file writes
with a decimal comma, ``54.5`` is written ``54,5``. Nothing here validates: the corrected bytes go
through :func:`~analytics.data.ingest.plan.prepare` like any upload.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Mapping

import duckdb
import pandas as pd

from analytics.data.ingest.plan import LoadPlan, LoadReport, _finish, prepare
from analytics.data.ingest.read import RawTable, _file_error, _uses_decimal_comma

#: Rows shown for correction at most (a file with more rows in error is better fixed at its source).
MAX_GRID_ROWS = 500
ROW = "_row"
_DECIMAL_POINT = re.compile(r"^([+\-\u2212]?\d+)\.(\d+)$")


def error_rows(plan: LoadPlan, limit: int = MAX_GRID_ROWS) -> pd.DataFrame:
    """The file's rows that have an error, as text under the file's own headers, with ``_row`` (the
    spreadsheet row, header = 1) first; empty when the plan kept no cells (a file-level error)."""
    raw = plan.raw
    if raw is None:
        return pd.DataFrame()
    wanted = sorted({e.row for e in plan.report.errors if e.row is not None and e.row != raw.header_row})
    positions = pd.Index(raw.rows).get_indexer(wanted)
    positions = positions[positions >= 0][:limit]
    grid = raw.cells.iloc[positions].astype(object).where(raw.cells.iloc[positions].notna(), "")
    grid.columns = _unique_headers(raw.headers)[: len(grid.columns)]
    grid.insert(0, ROW, raw.rows[positions])
    return grid.reset_index(drop=True)


def _unique_headers(headers: list[str]) -> list[str]:
    """The file's headers, an empty or repeated one made distinct («(3)», «Имя (2)») for a grid."""
    out: list[str] = []
    for i, header in enumerate(headers):
        name = header or f"({i + 1})"
        while name in out or name == ROW:
            name = f"{name} ({i + 1})"
        out.append(name)
    return out


def grid_edits(original: pd.DataFrame, edited: pd.DataFrame) -> dict[int, dict[str, str]]:
    """Cells that differ between the grid as shown and as edited: ``{row: {header: new text}}``."""
    edits: dict[int, dict[str, str]] = {}
    for (_, before), (_, after) in zip(original.iterrows(), edited.iterrows()):
        for header in original.columns:
            if header == ROW:
                continue
            old = "" if pd.isna(before[header]) else str(before[header])
            new = "" if pd.isna(after[header]) else str(after[header])
            if old != new:
                edits.setdefault(int(before[ROW]), {})[header] = new
    return edits


def corrected_cells(raw: RawTable, edits: Mapping[int, Mapping[str, str]]) -> RawTable:
    """A copy of ``raw`` with ``edits`` (spreadsheet row → the file's header → new text) in its cells.
    In a column where the file writes decimals with a comma, a typed ``54.5`` becomes ``54,5``."""
    headers = _unique_headers(raw.headers)
    where = {int(r): i for i, r in enumerate(raw.rows)}
    by_column: dict[int, dict[int, str]] = {}
    for row, changes in edits.items():
        if int(row) not in where:
            raise KeyError(f"row {row} is not a data row of the file")
        for header, value in changes.items():
            by_column.setdefault(headers.index(header), {})[where[int(row)]] = (
                "" if value is None else str(value).strip()
            )
    cells = raw.cells.copy(deep=False)
    for position, new_texts in by_column.items():
        comma = _uses_decimal_comma(raw.cells[position])
        values = raw.cells[position].to_numpy(dtype=object, na_value=None).copy()
        for index, text in new_texts.items():
            values[index] = _DECIMAL_POINT.sub(r"\1,\2", text) if comma else text
        cells[position] = pd.Series(values, dtype=raw.cells[position].dtype)
    return RawTable(
        list(raw.headers),
        cells,
        raw.rows.copy(),
        raw.header_row,
        dict(raw.dialect),
        dict(raw.numeric),
        list(raw.warnings),
    )


def write_back(raw: RawTable) -> bytes:
    """The table as a file of its original dialect: CSV in its encoding (a BOM kept), delimiter, line
    break, quoting (all fields or only where needed), with the lines above the header and the header
    line verbatim and blank lines where the file had them; XLSX as a workbook of text cells."""
    dialect = raw.dialect
    if dialect.get("format") == "xlsx":
        return _xlsx(raw)
    newline = dialect.get("newline", "\r\n")
    out = io.StringIO(newline="")
    writer = csv.writer(
        out,
        delimiter=dialect.get("delimiter", ";"),
        lineterminator=newline,
        quoting=csv.QUOTE_ALL if dialect.get("quote_all") else csv.QUOTE_MINIMAL,
    )
    if raw.header_row is not None:
        out.write(dialect.get("preamble", ""))
        if "header_line" in dialect:
            out.write(dialect["header_line"] + newline)
        else:
            writer.writerow(raw.headers)
    previous = raw.header_row or 0
    columns = [raw.cells[c].astype(object).where(raw.cells[c].notna(), "").tolist() for c in raw.cells.columns]
    for i, row in enumerate(raw.rows):
        out.write(newline * max(int(row) - previous - 1, 0))  # blank lines the reader skipped
        previous = int(row)
        writer.writerow([column[i] for column in columns])
    text = out.getvalue()
    if not dialect.get("final_newline", True) and text.endswith(newline):
        text = text[: -len(newline)]
    encoding = dialect.get("encoding") or "utf-8"
    if encoding == "utf-8-sig":
        return b"\xef\xbb\xbf" + text.encode("utf-8")
    return text.encode(encoding)


def _xlsx(raw: RawTable) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = str(raw.dialect.get("sheet") or "data")[:31]
    sheet.append(list(raw.headers))
    for values in raw.cells.astype(object).where(raw.cells.notna(), "").itertuples(index=False):
        sheet.append([str(v) for v in values])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def patch_lines(original: bytes, raw: RawTable, rows: Iterable[int]) -> bytes | None:
    """``original`` (a CSV file) with only the lines of spreadsheet ``rows`` written again from ``raw``
    (its corrected cells), every other byte as it was — much faster than :func:`write_back` for a
    large file. ``None`` when lines are not records (a quoted value spans lines; an XLSX file; a
    header-less layout): then the whole file is written back."""
    dialect = raw.dialect
    if dialect.get("format") != "csv" or raw.header_row is None or "newline" not in dialect:
        return None
    encoding = dialect.get("encoding") or "utf-8"
    bom = b"\xef\xbb\xbf" if encoding == "utf-8-sig" else b""
    text = original[len(bom) :].decode("utf-8" if bom else encoding)
    newline = dialect["newline"]
    lines = text.split(newline)
    if '"' in text and any(line.count('"') % 2 for line in lines):  # a quoted line break: lines ≠ records
        return None
    where = {int(r): i for i, r in enumerate(raw.rows)}
    for row in rows:
        out = io.StringIO(newline="")
        csv.writer(
            out,
            delimiter=dialect.get("delimiter", ";"),
            lineterminator="",
            quoting=csv.QUOTE_ALL if dialect.get("quote_all") else csv.QUOTE_MINIMAL,
        ).writerow(["" if pd.isna(v) else str(v) for v in raw.cells.iloc[where[int(row)]]])
        lines[int(row) - 1] = out.getvalue()
    return bom + newline.join(lines).encode("utf-8" if bom else encoding)


def apply_corrections(
    con: duckdb.DuckDBPyConnection,
    plan: LoadPlan,
    edits: Mapping[int, Mapping[str, str]],
    original: bytes | None = None,
) -> tuple[LoadPlan, bytes | None]:
    """Put ``edits`` into the file of ``plan`` and check it again: ``(the new plan, the corrected file)``.

    The corrected file is in the original's dialect and is prepared like an upload of the same name,
    table and mode, so every rule of the loader applies. Given the ``original`` bytes, only the
    edited lines are written again (:func:`patch_lines`); otherwise the whole file (:func:`write_back`).
    A correction the file's encoding cannot hold (a character Windows-1251 lacks) gives a plan with
    that error and no file.
    """
    if plan.raw is None:
        raise ValueError("the plan kept no cells to correct (its file could not be read)")
    raw = corrected_cells(plan.raw, edits)
    report = plan.report
    try:
        data = patch_lines(original, raw, edits) if original is not None else None
        data = data if data is not None else write_back(raw)
    except UnicodeEncodeError as exc:
        failed = LoadReport(
            ok=False,
            rows_loaded=0,
            errors=[],
            warnings=[],
            version_id=None,
            table=report.table,
            mode=report.mode,
            file_name=report.file_name,
        )
        bad = exc.object[exc.start : exc.end]
        return LoadPlan(
            _finish(
                failed,
                [_file_error("fix_not_encodable", value=bad, encoding=raw.dialect.get("encoding", ""))],
                {"fix_not_encodable": 1},
            ),
            raw=plan.raw,
        ), None
    return prepare(con, report.table, data, mode=report.mode, file_name=report.file_name), data
