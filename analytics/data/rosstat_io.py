"""Rosstat's basic input–output tables: the published workbook and the shipped extract.

Source: Росстат, «Базовые таблицы "затраты-выпуск" Российской Федерации за 2021 год» (in current
prices, mln ₽), published 7 Feb 2025 (``data/io2021/SOURCE.md``). Rosstat compiles them every five
years (years ending in 1 and 6); a later year's workbook with the same layout reads the same way.

What is read (sheet layout, 1-based Excel rows and columns):

- ``Симм ТЗВ`` (symmetric product × product table, total = domestic + imported use) and
  ``Симм отеч`` (domestic part): row 2 = product names, row 3 = codes (OKPD 2 groupings, then
  ``TOTAL`` and the final-demand codes ``P3_S14 … TU``), row 4 = numbers ``001 … 113`` (cell A4 reads
  ``№№``); from row 5 one row per product (A = number, B = OKPD 2 code, C = name), columns D… = using
  products, then ``TOTAL`` and the final-demand columns. Below the products the rows are found by
  their code in column B: ``D1`` (compensation of employees), ``D11`` (wages), ``D29 - D39`` (other
  net taxes on production), ``B1g`` (gross value added), ``P1`` (output at basic prices).
- ``КПЗ`` (коэффициенты полных затрат, roubles per 1 000 roubles of final demand) with the same
  header rows; read when present, returned per rouble (÷ 1 000). It is the Leontief inverse of the
  **total** table (``Симм ТЗВ``): see ``tests/test_input_output.py``.

All money in mln ₽. Index and columns of every product frame are Rosstat's numbers ``"001"…"113"``.

A workbook of another layout raises :class:`RosstatIOError` naming the sheet, cell and what was
expected; its Russian and English texts are in :data:`MESSAGES` (here, in the library).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

import pandas as pd

TOTAL_SHEET = "Симм ТЗВ"
DOMESTIC_SHEET = "Симм отеч"
REQUIREMENTS_SHEET = "КПЗ"

TITLE_ROW, NAMES_ROW, CODES_ROW, NUMBERS_ROW, FIRST_PRODUCT_ROW = 1, 2, 3, 4, 5
FIRST_PRODUCT_COL = 4  # column D
NUMBERS_LABEL = "№№"
CODES_LABEL = "Коды"
TOTAL_CODE = "TOTAL"

#: Rows below the product block, by their code in column B → the attribute they fill.
VALUE_ROWS: dict[str, str] = {
    "D1": "compensation",
    "D11": "wages",
    "D29 - D39": "other_taxes",
    "B1g": "value_added",
    "P1": "output",
}

#: The shipped extract (``python -m analytics.tools.io_extract``).
DEFAULT_ROOT = Path(__file__).resolve().parents[2] / "data" / "io2021"

MESSAGES: dict[str, tuple[str, str]] = {
    "not_a_workbook": (
        "Файл не читается как книга Excel (.xlsx): {reason}",
        "The file cannot be read as an Excel workbook (.xlsx): {reason}",
    ),
    "sheet_missing": (
        "В книге нет листа «{sheet}» (есть: {found})",
        "The workbook has no sheet '{sheet}' (found: {found})",
    ),
    "header_mismatch": (
        "Лист «{sheet}», ячейка {cell}: ожидалось «{expected}», найдено «{found}»",
        "Sheet '{sheet}', cell {cell}: expected '{expected}', found '{found}'",
    ),
    "no_products": (
        (
            "Лист «{sheet}», строка {row}: ожидались номера продуктов 001, 002, … начиная с ячейки {cell}, "
            "найдено «{found}»"
        ),
        "Sheet '{sheet}', row {row}: expected product numbers 001, 002, … starting at cell {cell}, found '{found}'",
    ),
    "product_mismatch": (
        "Лист «{sheet}», ячейка {cell}: продукт «{found}» не совпадает с «{expected}» листа «{reference}»",
        "Sheet '{sheet}', cell {cell}: product '{found}' does not match '{expected}' of sheet '{reference}'",
    ),
    "row_missing": (
        "Лист «{sheet}», столбец B: нет строки с кодом «{row_code}» (искали в строках {first}–{last})",
        "Sheet '{sheet}', column B: no row with the code '{row_code}' (searched rows {first}–{last})",
    ),
    "not_a_number": (
        "Лист «{sheet}», ячейка {cell}: ожидалось число, найдено «{found}»",
        "Sheet '{sheet}', cell {cell}: expected a number, found '{found}'",
    ),
}


class RosstatIOError(ValueError):
    """A workbook that does not have the layout of Rosstat's basic input–output tables.

    ``sheet``, ``row`` and ``column`` (Excel numbering and letter; ``None`` when not about one cell),
    ``code`` (a key of :data:`MESSAGES`) and ``params``. ``text(lang)`` gives the message in
    Russian (``"ru"``) or English (``"en"``); ``str()`` is the Russian text.
    """

    def __init__(
        self, code: str, *, sheet: str | None = None, row: int | None = None, column: str | None = None, **params: Any
    ) -> None:
        self.code = code
        self.sheet = sheet
        self.row = row
        self.column = column
        cell = f"{column}{row}" if column and row else None
        self.params = {"sheet": sheet, "row": row, "column": column, "cell": cell, **params}
        super().__init__(self.text("ru"))

    def text(self, lang: str = "ru") -> str:
        ru, en = MESSAGES[self.code]
        return (en if lang == "en" else ru).format(**self.params)


@dataclass(frozen=True)
class IOTables:
    """One year's symmetric input–output tables (mln ₽; product numbers ``"001"…`` as labels).

    ``flows_total`` / ``flows_domestic``: rows = supplying product, columns = using product.
    ``final_demand`` / ``final_demand_domestic``: products × Rosstat's final-demand codes (``P3_S14``
    household consumption, ``P31_S13``, ``P32_S13``, ``P3_S15``, ``P3``, ``P51``, ``P52``, ``P53``,
    ``P5``, ``P6`` exports, ``TFU``, ``TU``). ``output`` (P1), ``value_added`` (B1g),
    ``compensation`` (D1), ``wages`` (D11), ``other_taxes`` (D29–D39) by using product.
    ``total_requirements``: Rosstat's КПЗ per rouble (``None`` when the sheet is absent).
    """

    year: int | None
    products: pd.DataFrame
    flows_total: pd.DataFrame
    flows_domestic: pd.DataFrame
    final_demand: pd.DataFrame
    final_demand_domestic: pd.DataFrame
    output: pd.Series
    value_added: pd.Series
    compensation: pd.Series
    wages: pd.Series
    other_taxes: pd.Series
    total_requirements: pd.DataFrame | None = None


def _letter(col: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(col)


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def _code_key(code: str) -> str:
    """A code compared without spaces (КПЗ writes «41+42+43» where the tables write «41 + 42 + 43»)."""
    return re.sub(r"\s+", "", code)


class _Sheet:
    """The cell values of one sheet, addressed with Excel's 1-based row and column numbers."""

    def __init__(self, name: str, rows: list[tuple[Any, ...]]) -> None:
        self.name = name
        self.rows = rows

    def cell(self, row: int, col: int) -> Any:
        if row - 1 >= len(self.rows):
            return None
        values = self.rows[row - 1]
        return values[col - 1] if col - 1 < len(values) else None

    def expect(self, row: int, col: int, expected: str) -> None:
        found = _text(self.cell(row, col))
        if found != expected:
            raise RosstatIOError(
                "header_mismatch", sheet=self.name, row=row, column=_letter(col), expected=expected, found=found
            )

    def number(self, row: int, col: int) -> float:
        value = self.cell(row, col)
        if value is None:
            return 0.0
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise RosstatIOError("not_a_number", sheet=self.name, row=row, column=_letter(col), found=_text(value))
        return float(value)

    def block(self, rows: range, cols: range) -> list[list[float]]:
        return [[self.number(r, c) for c in cols] for r in rows]


def _product_columns(sheet: _Sheet) -> list[str]:
    """Numbers ``001, 002, …`` of row 4 from column D, in order, up to the first non-number."""
    numbers: list[str] = []
    col = FIRST_PRODUCT_COL
    while (
        _text(sheet.cell(NUMBERS_ROW, col)) == f"{len(numbers) + 1:03d}"
        and _text(sheet.cell(CODES_ROW, col)) != TOTAL_CODE
    ):
        numbers.append(f"{len(numbers) + 1:03d}")
        col += 1
    if not numbers:
        raise RosstatIOError(
            "no_products",
            sheet=sheet.name,
            row=NUMBERS_ROW,
            column=_letter(FIRST_PRODUCT_COL),
            found=_text(sheet.cell(NUMBERS_ROW, col)),
        )
    return numbers


def _check_header(sheet: _Sheet) -> list[str]:
    sheet.expect(NUMBERS_ROW, 1, NUMBERS_LABEL)
    sheet.expect(CODES_ROW, 2, CODES_LABEL)
    return _product_columns(sheet)


def _check_products(sheet: _Sheet, products: pd.DataFrame, reference: str) -> None:
    """Row and column headers of ``sheet`` must list the same products as ``reference``."""
    n = len(products)
    for i, (no, code) in enumerate(products[["no", "okpd2"]].itertuples(index=False)):
        row, col = FIRST_PRODUCT_ROW + i, FIRST_PRODUCT_COL + i
        checks = ((NUMBERS_ROW, col, no), (CODES_ROW, col, code), (row, 1, no), (row, 2, code))
        for r, c, expected in checks:
            found = _text(sheet.cell(r, c))
            if _code_key(found) != _code_key(expected):
                raise RosstatIOError(
                    "product_mismatch",
                    sheet=sheet.name,
                    row=r,
                    column=_letter(c),
                    found=found,
                    expected=expected,
                    reference=reference,
                )
    after = _text(sheet.cell(NUMBERS_ROW, FIRST_PRODUCT_COL + n))
    if (
        re.fullmatch(r"\d{3}", after)
        and _text(sheet.cell(CODES_ROW, FIRST_PRODUCT_COL + n)) != TOTAL_CODE
        and sheet.name != REQUIREMENTS_SHEET
    ):
        raise RosstatIOError(
            "header_mismatch",
            sheet=sheet.name,
            row=CODES_ROW,
            column=_letter(FIRST_PRODUCT_COL + n),
            expected=TOTAL_CODE,
            found=_text(sheet.cell(CODES_ROW, FIRST_PRODUCT_COL + n)),
        )


def _products(sheet: _Sheet, numbers: list[str]) -> pd.DataFrame:
    rows = []
    for i, no in enumerate(numbers):
        row = FIRST_PRODUCT_ROW + i
        found = _text(sheet.cell(row, 1))
        if found != no:
            raise RosstatIOError("header_mismatch", sheet=sheet.name, row=row, column="A", expected=no, found=found)
        code = _text(sheet.cell(row, 2))
        header_code = _text(sheet.cell(CODES_ROW, FIRST_PRODUCT_COL + i))
        if _code_key(code) != _code_key(header_code):
            raise RosstatIOError(
                "header_mismatch", sheet=sheet.name, row=row, column="B", expected=header_code, found=code
            )
        rows.append((no, code, " ".join(_text(sheet.cell(row, 3)).split())))
    return pd.DataFrame(rows, columns=["no", "okpd2", "name_ru"])


def _final_demand_columns(sheet: _Sheet, n: int) -> list[tuple[int, str]]:
    """(column, code) of the final-demand columns: after ``TOTAL`` up to the first empty code."""
    total_col = FIRST_PRODUCT_COL + n
    sheet.expect(CODES_ROW, total_col, TOTAL_CODE)
    columns = []
    col = total_col + 1
    while _text(sheet.cell(CODES_ROW, col)):
        columns.append((col, _text(sheet.cell(CODES_ROW, col))))
        col += 1
    return columns


def _value_rows(sheet: _Sheet, n: int) -> dict[str, int]:
    first, last = FIRST_PRODUCT_ROW + n, len(sheet.rows)
    found: dict[str, int] = {}
    for row in range(first, last + 1):
        code = _text(sheet.cell(row, 2))
        if code in VALUE_ROWS and code not in found:
            found[code] = row
    for code in VALUE_ROWS:
        if code not in found:
            raise RosstatIOError("row_missing", sheet=sheet.name, column="B", row_code=code, first=first, last=last)
    return found


def _symmetric(sheet: _Sheet, products: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame, dict[str, pd.Series]]:
    n = len(products)
    index = pd.Index(products["no"], name="no")
    rows = range(FIRST_PRODUCT_ROW, FIRST_PRODUCT_ROW + n)
    cols = range(FIRST_PRODUCT_COL, FIRST_PRODUCT_COL + n)
    flows = pd.DataFrame(sheet.block(rows, cols), index=index, columns=index.rename("using"))
    fd_cols = _final_demand_columns(sheet, n)
    final = pd.DataFrame(
        [[sheet.number(r, c) for c, _ in fd_cols] for r in rows],
        index=index,
        columns=pd.Index([code for _, code in fd_cols], name="final_demand"),
    )
    values = {
        VALUE_ROWS[code]: pd.Series([sheet.number(row, c) for c in cols], index=index, name=VALUE_ROWS[code])
        for code, row in _value_rows(sheet, n).items()
    }
    return flows, final, values


def _year(sheet: _Sheet) -> int | None:
    match = re.search(r"за\s+(\d{4})\s+год", _text(sheet.cell(TITLE_ROW, 1)))
    return int(match.group(1)) if match else None


def read_rosstat_io(path: str | Path | BinaryIO) -> IOTables:
    """Read Rosstat's basic input–output workbook (``baz_tzv-YYYY.xlsx``) as published.

    Raises :class:`RosstatIOError` (sheet, row, column, code; texts in Russian and English) when the
    file is not a workbook, a sheet is missing, a header cell differs from the expected layout, the
    domestic sheet lists other products than the total one, a value row (D1, D11, D29–D39, B1g, P1) is
    missing, or a number cell holds text. Empty number cells read as 0.
    """
    import openpyxl

    try:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # zip, xml or format errors of a file that is not an .xlsx
        raise RosstatIOError("not_a_workbook", reason=type(exc).__name__) from exc
    try:
        names = wb.sheetnames
        for needed in (TOTAL_SHEET, DOMESTIC_SHEET):
            if needed not in names:
                raise RosstatIOError("sheet_missing", sheet=needed, found=", ".join(names))
        sheets = {
            name: _Sheet(name, list(wb[name].iter_rows(values_only=True)))
            for name in (TOTAL_SHEET, DOMESTIC_SHEET, REQUIREMENTS_SHEET)
            if name in names
        }
    finally:
        wb.close()

    total = sheets[TOTAL_SHEET]
    numbers = _check_header(total)
    products = _products(total, numbers)
    flows_total, final_total, values = _symmetric(total, products)

    domestic = sheets[DOMESTIC_SHEET]
    _check_header(domestic)
    _check_products(domestic, products, TOTAL_SHEET)
    flows_domestic, final_domestic, _ = _symmetric(domestic, products)

    requirements = None
    if REQUIREMENTS_SHEET in sheets:
        kpz = sheets[REQUIREMENTS_SHEET]
        _check_header(kpz)
        _check_products(kpz, products, TOTAL_SHEET)
        n = len(products)
        index = pd.Index(products["no"], name="no")
        requirements = (
            pd.DataFrame(
                kpz.block(
                    range(FIRST_PRODUCT_ROW, FIRST_PRODUCT_ROW + n), range(FIRST_PRODUCT_COL, FIRST_PRODUCT_COL + n)
                ),
                index=index,
                columns=index.rename("using"),
            )
            / 1000.0
        )

    return IOTables(
        year=_year(total),
        products=products,
        flows_total=flows_total,
        flows_domestic=flows_domestic,
        final_demand=final_total,
        final_demand_domestic=final_domestic,
        total_requirements=requirements,
        **values,
    )


# --------------------------------------------------------------------------------------------------
# The shipped extract (data/io2021/)
# --------------------------------------------------------------------------------------------------

#: File names of the extract and the columns of ``primary_inputs.csv``.
EXTRACT_FILES = {
    "products": "products.csv",
    "flows_total": "flows_total.csv",
    "flows_domestic": "flows_domestic.csv",
    "final_demand": "final_demand_total.csv",
    "final_demand_domestic": "final_demand_domestic.csv",
    "primary_inputs": "primary_inputs.csv",
    "total_requirements": "total_requirements_kpz.csv",
}
PRIMARY_COLUMNS = {
    "output": "output_p1",
    "value_added": "value_added_b1g",
    "compensation": "compensation_d1",
    "wages": "wages_d11",
    "other_taxes": "other_taxes_d29_d39",
}


def write_extract(tables: IOTables, outdir: str | Path) -> list[Path]:
    """Write ``tables`` as the compact CSVs of :data:`EXTRACT_FILES` (UTF-8, wide, mln ₽).

    КПЗ is written as published (roubles per 1 000 roubles); the rest as read.
    """
    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    written = []

    def put(key: str, frame: pd.DataFrame, index: bool = True, **kw: Any) -> None:
        path = out / EXTRACT_FILES[key]
        frame.to_csv(path, index=index, lineterminator="\n", **kw)
        written.append(path)

    put("products", tables.products, index=False)
    for key in ("flows_total", "flows_domestic", "final_demand", "final_demand_domestic"):
        frame = getattr(tables, key)
        put(key, frame.rename_axis(index="no", columns=None), float_format="%.15g")
    primary = pd.DataFrame({col: getattr(tables, attr) for attr, col in PRIMARY_COLUMNS.items()})
    put("primary_inputs", primary.rename_axis("no"), float_format="%.15g")
    if tables.total_requirements is not None:
        put(
            "total_requirements",
            (tables.total_requirements * 1000.0).rename_axis(index="no", columns=None),
            float_format="%.17g",
        )
    meta = out / "year.txt"
    meta.write_text(f"{tables.year}\n", encoding="utf-8")
    written.append(meta)
    return written


def _read_wide(path: Path) -> pd.DataFrame:
    frame = pd.read_csv(path, dtype={"no": str}).set_index("no")
    frame.columns = pd.Index([str(c) for c in frame.columns])
    return frame.astype(float)


def load_io_tables(root: str | Path | None = None) -> IOTables:
    """Load the shipped extract (default ``data/io2021/``) — the same :class:`IOTables` as the reader."""
    base = Path(root) if root is not None else DEFAULT_ROOT
    products = pd.read_csv(base / EXTRACT_FILES["products"], dtype=str)
    index = pd.Index(products["no"], name="no")

    def square(key: str) -> pd.DataFrame:
        frame = _read_wide(base / EXTRACT_FILES[key])
        frame.index = index
        frame.columns = index.rename("using")
        return frame

    def final(key: str) -> pd.DataFrame:
        frame = _read_wide(base / EXTRACT_FILES[key])
        frame.index = index
        frame.columns.name = "final_demand"
        return frame

    primary = _read_wide(base / EXTRACT_FILES["primary_inputs"])
    primary.index = index
    kpz_path = base / EXTRACT_FILES["total_requirements"]
    year_path = base / "year.txt"
    return IOTables(
        year=int(year_path.read_text(encoding="utf-8").strip()) if year_path.exists() else None,
        products=products,
        flows_total=square("flows_total"),
        flows_domestic=square("flows_domestic"),
        final_demand=final("final_demand"),
        final_demand_domestic=final("final_demand_domestic"),
        total_requirements=square("total_requirements") / 1000.0 if kpz_path.exists() else None,
        **{attr: primary[col].rename(attr) for attr, col in PRIMARY_COLUMNS.items()},
    )
