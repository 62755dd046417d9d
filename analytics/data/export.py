"""Files users download: CSV for Excel (UTF-8 with BOM, `;`) and XLSX workbooks, safe to open.

Text cells that a spreadsheet would read as a formula (starting with ``=``, ``+``, ``-``, ``@``, tab or
carriage return) are prefixed with an apostrophe, so a name loaded from an untrusted file can never
run as a formula (OWASP "CSV injection"). Numbers stay numbers.

Individual entrepreneurs and heads of farms (12-digit INN, loaded from the FNS SME register only when
asked) are personal data (152-FZ): rows whose INN column holds a 12-digit INN are left out of every
export unless ``include_personal=True``.
"""

from __future__ import annotations

import io
import re
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


def sheet_name(name: str) -> str:
    """A valid Excel sheet name: no ``[]:*?/\\``, at most 31 characters, not empty."""
    cleaned = _SHEET_FORBIDDEN.sub(" ", str(name)).strip().strip("'")[:31].strip()
    return cleaned or "Sheet"


def _is_inn_column(name: object) -> bool:
    text = str(name).strip().lower()
    return text in ("inn", "инн") or text.endswith("_inn") or text.startswith(("инн ", "inn "))


def without_personal_data(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` without the rows whose INN column (``inn``, ``*_inn``, «ИНН …») holds a 12-digit INN:
    an individual's (entrepreneur, head of a farm), personal data under 152-FZ."""
    personal = np.zeros(len(frame), dtype=bool)
    for position, name in enumerate(frame.columns):  # by position: a frame may repeat a header
        if _is_inn_column(name):
            values = frame.iloc[:, position].astype("string").str.strip()
            personal |= values.str.fullmatch(r"[0-9]{12}").fillna(False).to_numpy(dtype=bool)
    return frame[~personal] if personal.any() else frame


def neutralise(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` whose formula-like text cells and headers start with ``'``."""
    out = frame.copy()
    out.columns = [_safe(c) for c in out.columns]
    for column in out.columns:
        if pd.api.types.is_string_dtype(out[column]) or out[column].dtype == object:
            out[column] = out[column].map(_safe)
    return out


def _safe(value: object) -> object:
    return "'" + value if isinstance(value, str) and value.startswith(FORMULA_PREFIXES) else value


def with_status(frame: pd.DataFrame, column: str, status: str | Sequence[str] | pd.Series) -> pd.DataFrame:
    """A copy of ``frame`` with a data-status column (one value for every row, or one per row).

    Every export says how much its figures can be trusted (public fact / approximate / illustrative /
    loaded): the caller passes the status already in the reader's language.
    """
    out = frame.copy()
    out[column] = status if isinstance(status, str) else list(status)
    return out


def csv_bytes(frame: pd.DataFrame, *, note: str | None = None, include_personal: bool = False) -> bytes:
    """CSV that Excel opens correctly in a Russian locale: UTF-8 with BOM, `;`, decimal comma.

    ``note`` (e.g. "demo data: illustrative figures") goes into a last column of its own, named by the
    note's first words, on every row, so that no row can be copied away without it. Rows of
    individuals (12-digit INN) only with ``include_personal``.
    """
    if not include_personal:
        frame = without_personal_data(frame)
    out = neutralise(frame)
    if note:
        out[_safe(note.split(":")[0][:60])] = _safe(note)
    return out.to_csv(index=False, sep=";", decimal=",").encode("utf-8-sig")


#: Excel's display format of decimal numbers: group separators, one to four decimals (320.0000000000001
#: shows as 320.0; Excel writes the separators of the reader's own locale).
DISPLAY_FORMAT = "#,##0.0###"


def excel_bytes(
    sheets: dict[str, pd.DataFrame], *, note: Mapping[str, Sequence[str]] | None = None, include_personal: bool = False
) -> bytes:
    """An XLSX workbook with one sheet per frame (names cut to Excel's 31 characters), column widths
    set from the content. ``note`` = {sheet name: lines} puts a first sheet of plain lines (what the
    data are, which figures are illustrative, sources) before the tables. Rows of individuals
    (12-digit INN) only with ``include_personal``."""
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        for name, lines in (note or {}).items():
            sheet = sheet_name(name)
            neutralise(pd.DataFrame({name: list(lines)})).to_excel(writer, sheet_name=sheet, index=False)
            writer.sheets[sheet].column_dimensions["A"].width = 120
        for name, frame in sheets.items():
            if not include_personal:
                frame = without_personal_data(frame)
            sheet = sheet_name(name)
            neutralise(frame).to_excel(writer, sheet_name=sheet, index=False)
            ws = writer.sheets[sheet]
            for i, column in enumerate(frame.columns, start=1):
                if pd.api.types.is_float_dtype(frame[column]):  # full precision in the cell, a readable display
                    for (cell,) in ws.iter_rows(min_row=2, min_col=i, max_col=i):
                        cell.number_format = DISPLAY_FORMAT
                width = max([len(str(column))] + [len(str(v)) for v in frame.iloc[:200, i - 1]])
                ws.column_dimensions[ws.cell(row=1, column=i).column_letter].width = min(60, width + 2)
    return buffer.getvalue()
