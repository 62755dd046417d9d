"""Rosstat's wide tables read as Rosstat publishes them, into one long frame.

:func:`read_rosstat_table` reads ``.xls`` (xlrd), ``.xlsx`` (openpyxl) and ``.csv`` (UTF-8 or
Windows-1251, ``;`` ``,`` or tab) files in the shapes of «Регионы России», EMISS and the
«Промышленное производство» workbooks:

- a contents sheet («Содержание») and other sheets without a years header are skipped (listed in
  ``skipped_sheets``); ``sheet`` picks one sheet by name or position;
- title rows above the header are kept as the sheet's ``title``; the header is the first row with
  at least two years — cells that are numbers (2017, 2017.0) or text («2017», «2017 г.», «2017¹»,
  «2017 1)»);
- rows are Russia, federal districts and regions (autonomous okrugs in their own rows, also inside
  their oblast), matched to FNS codes by name (:func:`analytics.data.region_names.match_region`):
  ``level`` = ``country`` / ``district`` / ``region`` / ``region_total`` (an oblast *with* its okrugs
  in a table that also gives it without them), ``region_code`` None except for regions;
- or rows are indicators (a Russia-level table such as employment by OKVED section): ``indicator``
  holds the row-label path («Обрабатывающие производства / производство пищевых продуктов…»), with
  «в том числе:» / «из них:» lines opening a sub-level; in a regional table a label row without
  values («Обрабатывающие производства») heads the rows below it, and a region row without values
  heads the indicator lines below it;
- footnote marks («Южный федеральный округ 2)», «Всего 1)», «2016¹») are removed from labels and
  years; footnote lines below the table («1) Данные приведены…») are skipped;
- cells: numbers, also as text with a decimal comma and spaces as thousands separators, are ``ok``;
  «…», «...», «к» (confidential) are ``suppressed``; «-», «–», «—», «х», «x» and empty cells are
  ``missing``; ``value`` is NaN unless ``ok``; any other text is ``missing`` and listed in
  ``bad_cells``.

Row labels of a regional table that match no region and carry values are **reported** in
``unmatched`` (sheet, row, label) with ``level = 'unmatched'`` — never guessed.
"""

from __future__ import annotations

import csv
import io
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

import numpy as np
import pandas as pd

from analytics.data import region_names
from analytics.data.ingest.read import read_source

COLUMNS = ["sheet", "row", "level", "region_code", "region_name", "indicator", "year", "value", "status", "raw"]
SUPPRESSED = {"…", "...", "к", "k", "конф.", "конф"}
MISSING = {"", "-", "–", "—", "х", "x", "X", "Х", "н/д", "нет данных"}
_YEAR = re.compile(r"^\s*((?:19|20)\d{2})(?:\s*(?:г\.?|год|гг\.?))?\s*(?:\d\)|[¹²³⁴⁵⁶⁷⁸⁹*]+|\s\d)?\s*$")
_FOOTNOTE_LINE = re.compile(r"^\s*(\d{1,2}\)|\d{1,2}\s+[А-ЯA-Z]|\*+\s*[А-Яа-я]|примечани|источник)", re.I)
_SUBLEVEL = re.compile(r"^(в том числе|из них|из него|в т\.ч\.|включая)\b.*:?\s*$", re.I)
_SUPERSCRIPTS = "¹²³⁴⁵⁶⁷⁸⁹⁰"
MIN_REGION_ROWS = 3


@dataclass
class RosstatTable:
    """What :func:`read_rosstat_table` read: the long ``frame`` (:data:`COLUMNS`) and its report."""

    frame: pd.DataFrame
    titles: dict[str, str] = field(default_factory=dict)
    unmatched: list[tuple[str, int, str]] = field(default_factory=list)
    bad_cells: list[tuple[str, int, str, str]] = field(default_factory=list)
    skipped_sheets: list[str] = field(default_factory=list)
    file_type: str = ""

    @property
    def sheets(self) -> list[str]:
        return list(self.titles)

    def row_labels(self, sheet: str | None = None) -> list[str]:
        """The row-label paths of a sheet (the first one by default), sorted."""
        rows = self.frame[self.frame["sheet"] == (sheet or self.sheets[0])]
        return sorted(rows["indicator"].unique())

    def has_regions(self, sheet: str | None = None) -> bool:
        """True when a sheet (the first by default) has rows of regions (it is not a Russia-level table)."""
        rows = self.frame[self.frame["sheet"] == (sheet or self.sheets[0])]
        return bool(rows["region_code"].notna().any())


class RosstatTableError(ValueError):
    """A file that is not a Rosstat table this reader understands (message names the reason)."""


# --- reading cells ----------------------------------------------------------------------------------


def _xls_sheets(data: bytes) -> list[tuple[str, list[list[Any]]]]:
    import xlrd

    book = xlrd.open_workbook(file_contents=data, on_demand=True)
    out = []
    for sheet in book.sheets():
        grid = []
        for r in range(sheet.nrows):
            row = []
            for c in range(sheet.ncols):
                cell = sheet.cell(r, c)
                row.append(None if cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK) else cell.value)
            grid.append(row)
        out.append((sheet.name, grid))
    return out


def _xlsx_sheets(data: bytes) -> list[tuple[str, list[list[Any]]]]:
    import openpyxl

    from analytics.data.ingest.read import Limits, xlsx_preflight

    refused = xlsx_preflight(data, Limits())  # a zip bomb is refused before openpyxl inflates anything
    if refused is not None:
        raise RosstatTableError(refused.message.text("en"))

    book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    try:
        return [(ws.title, [list(row) for row in ws.iter_rows(values_only=True)]) for ws in book.worksheets]
    finally:
        book.close()


def _csv_sheets(data: bytes, name: str | None) -> list[tuple[str, list[list[Any]]]]:
    for encoding in ("utf-8-sig", "cp1251"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - cp1251 decodes almost anything
        raise RosstatTableError("the file is neither UTF-8 nor Windows-1251 text")
    lines = text.splitlines()
    counts = {d: sum(line.count(d) for line in lines[:50]) for d in (";", "\t", ",")}
    delimiter = max(counts, key=counts.get)
    rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    return [(Path(name).stem if name else "csv", [[c if c != "" else None for c in row] for row in rows])]


def _sheets(data: bytes, name: str | None) -> tuple[str, list[tuple[str, list[list[Any]]]]]:
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        return "xls", _xls_sheets(data)
    if data[:2] == b"PK":
        return "xlsx", _xlsx_sheets(data)
    if b"\x00" in data[:4096]:
        raise RosstatTableError("not a table: neither .xls, .xlsx nor text")
    return "csv", _csv_sheets(data, name)


# --- cells, years, labels ---------------------------------------------------------------------------


def parse_year(cell: Any) -> int | None:
    """A header cell as a year (2017, 2017.0, «2017», «2017 г.», «2017¹», «2017 1)»), else ``None``."""
    if isinstance(cell, bool) or cell is None:
        return None
    if isinstance(cell, (int, float)) and not isinstance(cell, bool):
        value = float(cell)
        return int(value) if value.is_integer() and 1900 <= value <= 2100 else None
    match = _YEAR.match(str(cell).replace("\xa0", " "))
    return int(match.group(1)) if match else None


def parse_cell(cell: Any) -> tuple[float, str, bool]:
    """``(value, status, understood)`` of a data cell; ``value`` NaN unless status is ``ok``."""
    if cell is None:
        return np.nan, "missing", True
    if isinstance(cell, bool):
        return np.nan, "missing", False
    if isinstance(cell, (int, float, np.integer, np.floating)):
        return (float(cell), "ok", True) if np.isfinite(cell) else (np.nan, "missing", True)
    text = str(cell).replace("\xa0", " ").replace("\u202f", " ").strip()
    text = re.sub(r"\s*(\d\)|[¹²³⁴⁵⁶⁷⁸⁹]+)$", "", text).strip()
    if text in SUPPRESSED:
        return np.nan, "suppressed", True
    if text in MISSING:
        return np.nan, "missing", True
    number = text.replace(" ", "").replace("−", "-").replace("'", "")
    if re.fullmatch(r"-?\d+(,\d+)?", number):
        number = number.replace(",", ".")
    elif re.fullmatch(r"-?\d{1,3}(\.\d{3})+(,\d+)?", number):
        number = number.replace(".", "").replace(",", ".")
    if re.fullmatch(r"-?\d+(\.\d+)?", number):
        return float(number), "ok", True
    return np.nan, "missing", False


def _label(row: list[Any], label_cols: range) -> str:
    for c in label_cols:
        if c < len(row) and row[c] not in (None, "") and str(row[c]).strip():
            text = str(row[c]).replace("\xa0", " ").strip()
            return re.sub(r"\s+", " ", text.strip(_SUPERSCRIPTS).strip())
    return ""


def _header(grid: list[list[Any]]) -> tuple[int, dict[int, int]] | None:
    for r, row in enumerate(grid[:60]):
        years = {c: y for c, cell in enumerate(row) if (y := parse_year(cell)) is not None}
        if len(years) >= 2 and min(years) > 0:
            return r, years
    return None


# --- one sheet --------------------------------------------------------------------------------------


def _read_sheet(name: str, grid: list[list[Any]], result: RosstatTable) -> pd.DataFrame | None:
    found = _header(grid)
    if found is None:
        result.skipped_sheets.append(name)
        return None
    header_row, years = found
    title = " ".join(
        text for row in grid[:header_row] if (text := _label(row, range(len(row)))) and text.lower() != "к содержанию"
    )
    result.titles[name] = re.sub(r"\s+", " ", title).strip()
    label_cols = range(0, min(years))
    body = []
    for r in range(header_row + 1, len(grid)):
        row = grid[r]
        label = _label(row, label_cols)
        cells = [row[c] if c < len(row) else None for c in years]
        if not label and all(c is None or str(c).strip() == "" for c in cells):
            continue
        if _FOOTNOTE_LINE.match(label) and all(c is None for c in cells):
            continue
        body.append((r + 1, label, cells))
    labels = [b[1] for b in body]
    without = region_names.codes_without_okrug(labels)
    matches = [region_names.match_region(label, has_without_okrug=without) for label in labels]
    regional = sum(1 for m in matches if m is not None and m.level in ("region", "region_total")) >= MIN_REGION_ROWS
    mentions_russia = bool(re.search(r"российской федерации|по россии|\bрф\b", result.titles[name].lower()))
    records = []
    path: list[str] = []  # indicator headings above the current row
    sublevel = False  # after «в том числе:» lowercase lines are children of the last line
    context = None  # a region row without values heading the lines below it
    for (excel_row, label, cells), match in zip(body, matches):
        parsed = [parse_cell(c) for c in cells]
        has_values = any(status != "missing" for _, status, _ in parsed) or any(c is not None for c in cells)
        clean = region_names.clean_label(label)
        if _SUBLEVEL.match(clean) and not has_values:
            sublevel = True
            continue
        level, code, region_name, indicator = None, None, None, ""
        if regional and match is not None:
            if not has_values:
                context = (match, clean)
                continue
            context = None
            level, code, region_name = match.level, match.code, clean
            indicator = " / ".join(path)
        elif regional:
            if not has_values:
                path = [clean]  # a heading such as «Обрабатывающие производства»
                continue
            if context is not None:
                level, code, region_name = context[0].level, context[0].code, context[1]
                indicator = " / ".join([*path, clean])
            else:
                level, region_name = "unmatched", clean
                indicator = " / ".join(path)
                result.unmatched.append((name, excel_row, clean))
        else:
            if not has_values:
                path, sublevel = [clean], False
                continue
            if sublevel and clean[:1].islower() and path:
                indicator = " / ".join([path[0], clean])
            else:
                path, sublevel = [clean], False
                indicator = clean
            level = "country" if mentions_russia else "unknown"
            region_name = "Российская Федерация" if mentions_russia else None
        for (value, status, understood), cell, year in zip(parsed, cells, years.values()):
            if not understood:
                result.bad_cells.append((name, excel_row, str(year), str(cell)))
            records.append(
                (
                    name,
                    excel_row,
                    level,
                    code,
                    region_name,
                    indicator,
                    year,
                    value,
                    status,
                    None if cell is None else str(cell),
                )
            )
    return pd.DataFrame.from_records(records, columns=COLUMNS)


def read_rosstat_table(
    source: str | os.PathLike[str] | bytes | BinaryIO, *, sheet: str | int | None = None, file_name: str | None = None
) -> RosstatTable:
    """Read a Rosstat wide table (``.xls``, ``.xlsx``, ``.csv``) into a long frame with its report.

    ``frame`` columns: ``sheet``, ``row`` (as the spreadsheet numbers it), ``level``, ``region_code``
    (FNS, two digits; None for Russia, districts, indicator tables), ``region_name`` (the label as
    published, footnote marks removed), ``indicator`` (row-label path; '' for a one-line-per-region
    table), ``year``, ``value`` (float; NaN unless ``status == 'ok'``), ``status`` (ok / suppressed /
    missing), ``raw`` (the cell as published). Raises :class:`RosstatTableError` when no sheet has a
    years header or the requested sheet does not exist.
    """
    data, name = read_source(source)
    name = file_name or name
    file_type, sheets = _sheets(data, name)
    result = RosstatTable(pd.DataFrame(columns=COLUMNS), file_type=file_type)
    if sheet is not None:
        names = [n for n, _ in sheets]
        if isinstance(sheet, int):
            if not 0 <= sheet < len(sheets):
                raise RosstatTableError(f"no sheet number {sheet}: the file has {len(sheets)}")
            sheets = [sheets[sheet]]
        elif sheet in names:
            sheets = [sheets[names.index(sheet)]]
        else:
            raise RosstatTableError(f"no sheet {sheet!r}: the file has {', '.join(names)}")
    frames = [f for n, grid in sheets if (f := _read_sheet(n, grid, result)) is not None]
    if not frames:
        raise RosstatTableError("no sheet has a header row of years (2017, «2017 г.», …)")
    frame = pd.concat(frames, ignore_index=True)
    frame["year"] = frame["year"].astype(int)
    frame["value"] = frame["value"].astype(float)
    result.frame = frame
    return result
