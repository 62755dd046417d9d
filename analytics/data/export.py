"""Files users download: CSV for Excel (UTF-8 with BOM, `;`) and XLSX workbooks, safe to open.

Text cells that a spreadsheet would read as a formula (starting with ``=``, ``+``, ``-``, ``@``, tab or
carriage return) are prefixed with an apostrophe, so a name loaded from an untrusted file can never
run as a formula (OWASP "CSV injection"). Numbers stay numbers.
"""
from __future__ import annotations

import io
import re

import pandas as pd

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


def sheet_name(name: str) -> str:
    """A valid Excel sheet name: no ``[]:*?/\\``, at most 31 characters, not empty."""
    cleaned = _SHEET_FORBIDDEN.sub(" ", str(name)).strip().strip("'")[:31].strip()
    return cleaned or "Sheet"


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


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """CSV that Excel opens correctly in a Russian locale: UTF-8 with BOM, `;`, decimal comma."""
    return neutralise(frame).to_csv(index=False, sep=";", decimal=",").encode("utf-8-sig")


def excel_bytes(sheets: dict[str, pd.DataFrame]) -> bytes:
    """An XLSX workbook with one sheet per frame (names cut to Excel's 31 characters), column widths
    set from the content."""
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        for name, frame in sheets.items():
            sheet = sheet_name(name)
            neutralise(frame).to_excel(writer, sheet_name=sheet, index=False)
            ws = writer.sheets[sheet]
            for i, column in enumerate(frame.columns, start=1):
                width = max([len(str(column))] + [len(str(v)) for v in frame.iloc[:200, i - 1]])
                ws.column_dimensions[ws.cell(row=1, column=i).column_letter].width = min(60, width + 2)
    return buffer.getvalue()
