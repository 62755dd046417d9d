"""Reading cells: numbers (decimal comma or point, thousands separators, Unicode minus), dates, years,
booleans, suppressed marks (missing, never zero), identifiers kept as text and diagnosed, unsafe text.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from typing import Any, NamedTuple

import numpy as np
import pandas as pd
import pyarrow as pa_
import pyarrow.compute as pc

from analytics.data import examples
from analytics.data.validate.identifiers import OKVED_PATTERN
from analytics.data.validate.issues import Issue, msg
from analytics.data.validate.tables import Column, TableSpec, bounds
from analytics.data.validate.text import (
    _SUSPECT_IDENT,
    _SUSPECT_TEXT,
    _arrow,
    _bool,
    _cells_with_bytes,
    _cells_with_invisible,
    _constant,
    _digit_strings,
    _full,
    _has,
    _per_distinct,
    _str_series,
    _subset,
)

#: Marks of suppressed (confidential) cells in statistical tables: missing, not zero (docs/regulations.md).
SUPPRESSED = ("к", "К", "…", "...", "-", "—", "–", "x", "х", "X", "Х")
TRUE_WORDS = ("1", "да", "д", "true", "t", "yes", "y", "истина", "+", "мсп")
FALSE_WORDS = ("0", "нет", "н", "false", "f", "no", "n", "ложь")
MAX_TEXT = 2000
_NUMBER_OK = r"^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?$"
#: Markup: a tag, closed or not (``<img src=x onerror=… //`` is still a tag to a browser), an entity, a script URL.
_HTML = r"(?i)<\s*/?\s*[a-z!?]|&#?[a-z0-9]+;|javascript:"
#: Zero-width characters (can hide a leading "=" from a formula check or disguise a name) and bidi controls.
_INVISIBLE = r"[\x{200b}-\x{200d}\x{2060}\x{feff}]"
_BIDI = r"[\x{202a}-\x{202e}\x{2066}-\x{2069}]"
#: A Markdown link or image: ``[text](address)``, ``![alt](address)``.
_MARKDOWN_LINK = r"\[[^\]]*\]\s*\("
#: Excel's error values (English and Russian Excel) standing in a cell instead of data.
_EXCEL_ERROR = (
    r"(?i)#(?:NULL!|DIV/0!|VALUE!|REF!|NAME\?|NUM!|N/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|"
    r"CONNECT!|BUSY!|UNKNOWN!|EXTERNAL!|ПУСТО!|ДЕЛ/0!|ЗНАЧ!|ССЫЛКА!|ИМЯ\?|ЧИСЛО!|Н/Д)"
)
#: ``[`` of a Markdown link and ``#`` of an Excel error (the invisible characters are found by
#: :func:`~analytics.data.validate.text._cells_with_invisible`).
_SUSPECT_MORE = bytes(1 if b in (ord("["), ord("#")) else 0 for b in range(256))
#: One byte scan per column: the suspects of free text (or identifiers) and those two.
_SCAN_TEXT = bytes(a | b for a, b in zip(_SUSPECT_TEXT, _SUSPECT_MORE))
_SCAN_IDENT = bytes(a | b for a, b in zip(_SUSPECT_IDENT, _SUSPECT_MORE))
_CONTROL = r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]"
_SPACES = r"[ \t\x{00a0}\x{202f}\x{2009}\x{2007}']"
#: Identifiers as they should be (cells matching these need no cleaning or diagnosis).
_VALID = {
    "inn": "[0-9]{10}|[0-9]{12}",
    "ogrn": "[0-9]{13}|[0-9]{15}",
    "okved": OKVED_PATTERN[1:-1],
    "sector": OKVED_PATTERN[1:-1] + "|[A-U]",
    "oktmo": "[0-9]{8}|[0-9]{11}",
    "region": "[0-9]{2}",
    "section": "[A-U]",
    "cluster_id": "[a-z][a-z0-9_]*",
}

#: Identifiers that are plain digit strings, and their allowed lengths (same as their _VALID patterns).
_DIGIT_WIDTHS = {"inn": (10, 12), "ogrn": (13, 15), "oktmo": (8, 11), "region": (2,)}


def _well_formed(arr: pa_.ChunkedArray, kind: str) -> np.ndarray:
    """Cells already in the canonical form of identifier ``kind`` (:data:`_VALID`)."""
    if kind in _DIGIT_WIDTHS:
        return _digit_strings(arr, _DIGIT_WIDTHS[kind])
    if kind in ("okved", "sector"):  # a few hundred codes among a million cells
        return _per_distinct(arr, lambda values: _full(values, _VALID[kind]))
    return _full(arr, _VALID[kind])


def _yes_no(values: pa_.ChunkedArray) -> np.ndarray:
    """1 for :data:`TRUE_WORDS`, 0 for :data:`FALSE_WORDS`, -1 for anything else (any case)."""
    lowered = pc.utf8_lower(values)
    truthy = _bool(pc.is_in(lowered, value_set=pa_.array(TRUE_WORDS)))
    falsy = _bool(pc.is_in(lowered, value_set=pa_.array(FALSE_WORDS)))
    return np.where(truthy, 1, np.where(falsy, 0, -1)).astype(np.int8)


class Cells(NamedTuple):
    """Typed columns of a file and what went wrong while reading them."""

    frame: pd.DataFrame  #: store columns, typed; RangeIndex in file order
    issues: list[Issue]  #: errors (capped per code, see ``counts``)
    warnings: list[Issue]
    counts: dict[str, int]  #: errors per code, uncapped
    flagged: dict[str, np.ndarray]  #: per column, cells that already have an error


class _Collector:
    """Gathers issues from vectorised masks, keeping at most ``cap`` per code but counting all."""

    def __init__(self, rows: np.ndarray, cap: int):
        self.rows = rows
        self.cap = cap
        self.issues: list[Issue] = []
        self.counts: dict[str, int] = {}
        self.listed: dict[str, int] = {}
        self.flagged: dict[str, np.ndarray] = {}

    def add(
        self,
        column: str,
        mask: np.ndarray,
        values: pa_.ChunkedArray,
        code: str,
        params_of: Callable[[str], dict[str, Any]] | None = None,
        **params: Any,
    ) -> None:
        """Flag the cells of ``mask`` with ``code``; ``params_of(value)`` gives per-cell parameters."""
        seen = self.flagged.setdefault(column, np.zeros(len(mask), dtype=bool))
        mask = mask & ~seen  # one message per cell: the first (most specific) wins
        n = int(mask.sum())
        if not n:
            return
        seen |= mask
        self.counts[code] = self.counts.get(code, 0) + n
        room = self.cap - self.listed.get(code, 0)
        if room <= 0:
            return
        where = np.flatnonzero(mask)[:room]
        self.listed[code] = self.listed.get(code, 0) + len(where)
        message = msg(code, **params)
        for pos, value in zip(where, values.take(pa_.array(where)).to_pylist()):
            self.issues.append(
                Issue(
                    int(self.rows[pos]),
                    column,
                    None if value is None else str(value)[:200],
                    message if params_of is None else msg(code, **params_of(value)),
                )
            )


def _map_unique(arr: pa_.ChunkedArray, func: Callable[[str], str | None]) -> tuple[pa_.Array, np.ndarray]:
    """Apply ``func`` to each distinct value only: (mapped values, mask of values ``func`` refused)."""
    encoded = pc.dictionary_encode(arr).combine_chunks()
    mapped = [func(u) for u in encoded.dictionary.to_pylist()]
    refused = np.array([m is None for m in mapped] + [False], dtype=bool)
    indices = encoded.indices.to_numpy(zero_copy_only=False)
    result = pa_.DictionaryArray.from_arrays(encoded.indices, pa_.array(mapped, pa_.large_string()))
    return result.cast(pa_.large_string()), refused[indices]


def parse_numbers(s: pd.Series) -> tuple[pd.Series, np.ndarray, np.ndarray]:
    """Numbers from text: ``(values float64, bad mask, suppressed mask)``; empty cells are NaN, not bad.

    Accepted: ``1234.5``, ``1234,5``, ``1 234,5`` (space, NBSP, narrow NBSP, thin space, apostrophe),
    ``1.234,5``, ``1,234.5``, ``1,234,567``, ``−5`` (Unicode minus), ``1e6``.
    A single comma is a decimal comma (``1,234`` = 1.234): the Russian convention.
    """
    return _numbers(_arrow(s))


#: Bytes other than digits, ``.``, ``,`` and ``-``: a column without them is read by one cast.
_NOT_PLAIN_NUMBER = bytes(0 if chr(b) in "0123456789.,-" else 1 for b in range(256))


def _numbers(arr: pa_.ChunkedArray) -> tuple[pd.Series, np.ndarray, np.ndarray]:
    values, bad, suppressed, _general = _numbers_read(arr)
    return values, bad, suppressed


def _numbers_read(arr: pa_.ChunkedArray) -> tuple[pd.Series, np.ndarray, np.ndarray, bool]:
    """:func:`_numbers` and whether the general reading was needed (a column the one cast reads has
    no cell with two separators, so no thousands grouping to be ambiguous with)."""
    suppressed = _bool(pc.is_in(arr, value_set=pa_.array(SUPPRESSED)))
    empty = _bool(pc.equal(arr, "")) | suppressed
    if not suppressed.any() and not _cells_with_bytes(arr, _NOT_PLAIN_NUMBER).any():
        # Usual case: digits with a decimal point or comma. Arrow's cast refuses anything else
        # spelt with these bytes (1.234.567, 1-2, --1) and the general reading below takes over.
        text = pc.replace_substring(arr, ",", ".")
        if empty.any():
            text = pc.if_else(pa_.array(empty), pa_.scalar(None, arr.type), text)
        try:
            values = pc.cast(text, pa_.float64()).to_numpy(zero_copy_only=False)
            return pd.Series(values, dtype="float64"), np.zeros(len(arr), dtype=bool), suppressed, False
        except pa_.ArrowInvalid:
            pass
    return (*_numbers_general(arr, suppressed, empty), True)


def _numbers_general(
    arr: pa_.ChunkedArray, suppressed: np.ndarray, empty: np.ndarray
) -> tuple[pd.Series, np.ndarray, np.ndarray]:
    """Every accepted spelling of :func:`parse_numbers` (grouping, both separators, Unicode minus)."""
    plain = _full(arr, r"-?[0-9]+([.,][0-9]+)?")
    if (plain | empty).all():  # the usual case: one decimal separator, no grouping
        text = pc.if_else(pa_.array(plain), pc.replace_substring(arr, ",", "."), pa_.scalar(None, arr.type))
        values = pc.cast(text, pa_.float64()).to_numpy(zero_copy_only=False)
        return pd.Series(values, dtype="float64"), np.zeros(len(arr), dtype=bool), suppressed
    if _has(arr, r"[^0-9.+-]").any():
        arr = pc.replace_substring_regex(arr, _SPACES, "")
        arr = pc.replace_substring(arr, "\u2212", "-")
    commas = pc.count_substring(arr, ",").to_numpy(zero_copy_only=False)
    dots = pc.count_substring(arr, ".").to_numpy(zero_copy_only=False)
    if (commas > 0).any():
        both = (commas > 0) & (dots > 0)
        if both.any():
            comma_last = pc.find_substring_regex(arr, r",[^.]*$").to_numpy(zero_copy_only=False) >= 0
            euro = pc.replace_substring(pc.replace_substring(arr, ".", ""), ",", ".")
            arr = pc.if_else(pa_.array(both & comma_last), euro, arr)
            arr = pc.if_else(pa_.array(both & ~comma_last), pc.replace_substring(arr, ",", ""), arr)
        arr = pc.if_else(pa_.array((commas == 1) & (dots == 0)), pc.replace_substring(arr, ",", "."), arr)
        arr = pc.if_else(pa_.array((commas > 1) & (dots == 0)), pc.replace_substring(arr, ",", ""), arr)
    if (dots > 1).any():
        arr = pc.if_else(pa_.array((dots > 1) & (commas == 0)), pc.replace_substring(arr, ".", ""), arr)
    ok = _full(arr, _NUMBER_OK[1:-1])
    bad = ~ok & ~empty
    values = pc.cast(pc.if_else(pa_.array(ok), arr, pa_.scalar(None, arr.type)), pa_.float64())
    return pd.Series(values.to_numpy(zero_copy_only=False), dtype="float64"), bad, suppressed


_NON_FINITE = r"[+-]?(?i:inf|infinity|nan)"
#: One separator followed by exactly three digits: a decimal fraction or a thousands group.
_AMBIGUOUS_COMMA = r"-?[0-9]{1,3},[0-9]{3}"
_AMBIGUOUS_DOT = r"-?[0-9]{1,3}\.[0-9]{3}"


def ambiguous_separators(arr: pa_.ChunkedArray) -> tuple[np.ndarray, str | None]:
    """Cells whose one ``,`` or ``.`` followed by three digits reads two ways (``1,234`` = 1.234 or
    1234) in a column where other cells use that character to group thousands (``1,234,567``,
    ``1,234.5``; ``1.234.567``, ``1.234,5``): ``(mask, an example of the grouping)``.

    Without grouping elsewhere in the column, a lone comma is a decimal comma (the Russian
    convention) and a lone point a decimal point. Two passes of a substring count; the patterns
    run on cells with a separator only.
    """
    commas = pc.count_substring(arr, ",").to_numpy(zero_copy_only=False)
    dots = pc.count_substring(arr, ".").to_numpy(zero_copy_only=False)
    mask = np.zeros(len(arr), dtype=bool)
    example = None
    if not ((commas + dots) > 1).any():
        return mask, None
    comma_last = np.zeros(len(arr), dtype=bool)
    both = (commas > 0) & (dots > 0)
    if both.any():
        comma_last[both] = _full(arr.filter(pa_.array(both)), r".*,[^.]*")
    for sep, count, other, groups in (
        (",", commas, dots, ((commas > 1) & (dots == 0)) | (both & ~comma_last)),
        (".", dots, commas, ((dots > 1) & (commas == 0)) | (both & comma_last)),
    ):
        if not groups.any():
            continue
        lone = (count == 1) & (other == 0)
        found = _subset(arr, lone, _AMBIGUOUS_COMMA if sep == "," else _AMBIGUOUS_DOT)
        if found.any():
            mask |= found
            example = example or arr[int(np.flatnonzero(groups)[0])].as_py()
    return mask, example


def _readings(example: str | None) -> Callable[[str], dict[str, Any]]:
    """Message parameters of an ambiguous cell: its decimal and its thousands reading."""

    def params(value: str) -> dict[str, Any]:
        return {
            "decimal": value.replace(",", "."),
            "grouped": value.replace(",", "").replace(".", ""),
            "example": example or "",
        }

    return params


def _years_from(arr: pa_.ChunkedArray) -> tuple[pd.Series, np.ndarray]:
    """Years from ``yyyy``, ``dd.mm.yyyy`` (or ``/``) and ISO ``yyyy-mm-dd[ time]``: ``(years, bad)``."""
    empty = _bool(pc.equal(arr, ""))
    plain_year = _digit_strings(arr, (4,))  # the usual cell: the patterns below run on the others only
    others = ~plain_year & ~empty
    year_only = plain_year | _subset(arr, others, r"[0-9]{4}\.0+")
    ru = _subset(arr, others, r"[0-9]{1,2}[./][0-9]{1,2}[./][0-9]{4}")
    iso = _subset(arr, others, r"[0-9]{4}-[0-9]{2}-[0-9]{2}([ T][0-9]{2}:[0-9]{2}(:[0-9]{2})?)?")
    years = np.full(len(arr), np.nan)
    if year_only.any():
        years[year_only] = pc.cast(
            pc.utf8_slice_codeunits(arr.filter(pa_.array(year_only)), 0, 4), pa_.float64()
        ).to_numpy(zero_copy_only=False)
    for mask, fmt in ((ru, "%d.%m.%Y"), (iso, "%Y-%m-%d")):
        if mask.any():
            text = arr.filter(pa_.array(mask))
            text = pc.replace_substring(text, "/", ".") if fmt == "%d.%m.%Y" else pc.utf8_slice_codeunits(text, 0, 10)
            # pandas, not pyarrow: Arrow's strptime accepts 31.02.2007
            parsed = pd.to_datetime(pd.Series(pd.arrays.ArrowStringArray(text)), format=fmt, errors="coerce")
            years[mask] = parsed.dt.year.to_numpy(dtype=float, na_value=np.nan)
    bad = ~empty & np.isnan(years)
    return pd.Series(years), bad


def _number_example(column: Column) -> str:
    """A number as the column expects it, for a hint: its template example, else «1 234,5» (a whole
    number for whole-number columns)."""
    if column.example:
        return column.example
    return "1 250" if column.kind in ("int", "year") else "1 234,5"


def _default_column(column: Column, n: int) -> pd.Series:
    """``n`` copies of the column's default (missing when it has none), typed like a read column."""
    default, kind = column.default, column.kind
    if kind in ("int", "year", "founded"):
        return pd.Series(pd.arrays.IntegerArray(np.full(n, default or 0, dtype=np.int64), np.full(n, default is None)))
    if kind in ("float", "money"):
        return pd.Series(np.full(n, np.nan if default is None else float(default)))
    if kind == "bool":
        return pd.Series(pd.arrays.BooleanArray(np.full(n, bool(default)), np.full(n, default is None)))
    return _constant(default, n)


def _read_column(
    column: Column, raw: pd.Series, rows: np.ndarray, scale: float, numeric: np.ndarray | None, cap: int
) -> tuple[pd.Series, _Collector, list[Issue]]:
    """One column of text cells → (typed values, its issues, its warnings)."""
    return _read_column_(column, raw, rows, scale, numeric, cap)


def _read_column_(
    column: Column, raw: pd.Series, rows: np.ndarray, scale: float, numeric: np.ndarray | None, cap: int
) -> tuple[pd.Series, _Collector, list[Issue]]:
    name, kind, default = column.name, column.kind, column.default
    out = _Collector(rows, cap)
    warnings: list[Issue] = []
    arr = _arrow(raw)
    filled = ~_bool(pc.equal(arr, ""))
    out.add(name, _bool(pc.starts_with(arr, "=")), arr, "formula")
    if kind in ("text", "name", "ident"):
        # One pass over the bytes finds the few suspicious cells; the precise checks run on those only.
        suspect = _cells_with_bytes(arr, _SCAN_IDENT if kind == "ident" else _SCAN_TEXT)
        suspect |= _bool(pc.starts_with(arr, "+")) | _bool(pc.starts_with(arr, "-")) | _bool(pc.starts_with(arr, "@"))
        suspect |= _cells_with_invisible(arr)
        out.add(name, _subset(arr, suspect, "(?s).*" + _CONTROL + ".*"), arr, "control_chars")
        out.add(name, _subset(arr, suspect, "(?s).*" + _INVISIBLE + ".*"), arr, "invisible_chars")
        out.add(name, _subset(arr, suspect, "(?s).*" + _BIDI + ".*"), arr, "bidi_chars")
        out.add(name, _subset(arr, suspect, _EXCEL_ERROR), arr, "excel_error")
        out.add(name, _subset(arr, suspect, r"(?s)[+\-@].*"), arr, "formula_like")
        out.add(name, _subset(arr, suspect, "(?s).*(" + _HTML + ").*"), arr, "html")
        if kind == "name":
            out.add(name, _subset(arr, suspect, "(?s).*" + _MARKDOWN_LINK + ".*"), arr, "markdown_link")
        if kind == "ident":
            out.add(name, _subset(arr, suspect, r"(?s).*[\s;,].*"), arr, "ident_format")
        long = pc.binary_length(arr).to_numpy(zero_copy_only=False) > MAX_TEXT  # bytes ≥ characters
        if long.any():
            long &= pc.utf8_length(arr).to_numpy(zero_copy_only=False) > MAX_TEXT
        out.add(name, long, pc.utf8_slice_codeunits(arr, 0, 60), "too_long", max=MAX_TEXT)
        value = _str_series(arr)
    elif kind in ("inn", "ogrn", "okved", "sector", "oktmo", "region", "section", "cluster_id"):
        clean = _well_formed(arr, kind)
        if (~clean & filled).any():  # repair what Excel does to identifiers, on the unclean cells only
            fixed = pc.replace_substring_regex(arr, r"^'", "")
            if kind in ("inn", "ogrn", "oktmo", "region"):
                fixed = pc.replace_substring_regex(fixed, r"^([0-9]+)\.0+$", r"\1")
            if kind == "oktmo":
                fixed = pc.replace_substring_regex(fixed, _SPACES, "")
            arr = pc.if_else(pa_.array(clean), arr, fixed)
            clean = _well_formed(arr, kind)
        # For inn, ogrn, okved, oktmo and region the canonical form is also the required format.
        if kind == "inn":
            bad = ~clean & filled
            out.add(name, _subset(arr, bad, r"[0-9]+([.,][0-9]+)?[eE]\+?[0-9]+"), arr, "inn_scientific")
            out.add(name, _subset(arr, bad, r"[0-9]{9}|[0-9]{11}"), arr, "inn_lost_zero")
            out.add(name, bad, arr, "inn_format", example=examples.EXAMPLE_INN)
        elif kind == "ogrn":
            out.add(name, ~clean & filled, arr, "ogrn_format")
        elif kind == "okved":
            if numeric is not None:
                out.add(name, numeric, arr, "okved_number")
            out.add(name, ~clean & filled, arr, "okved_format")
        elif kind == "sector":
            arr = pc.if_else(pa_.array(_full(arr, "[a-u]")), pc.utf8_upper(arr), arr)
            out.add(name, ~_full(arr, OKVED_PATTERN[1:-1] + "|[A-U]") & filled, arr, "okved_format")
        elif kind == "oktmo":
            bad = ~clean & filled
            out.add(name, _subset(arr, bad, r"[0-9]{7}|[0-9]{10}"), arr, "oktmo_lost_zero")
            out.add(name, bad, arr, "oktmo_format")
        elif kind == "region":
            out.add(name, ~clean & filled, arr, "region_format")
        elif kind == "section":
            arr = pc.utf8_upper(arr)
            out.add(name, ~_full(arr, r"[A-U]") & filled, arr, "section_format")
        elif kind == "cluster_id":
            arr = pc.utf8_lower(arr)
            out.add(name, ~_full(arr, r"[a-z][a-z0-9_]*") & filled, arr, "ident_format")
        value = _str_series(arr)
    elif kind == "enum":
        lowered = pc.replace_substring(pc.utf8_lower(arr), "ё", "е")
        mapped, refused = _map_unique(lowered, lambda v: column.choices.get(v) if v else default)
        out.add(name, refused & filled, arr, "enum", allowed=", ".join(sorted(set(column.choices.values()))))
        value = pd.Series(pd.arrays.ArrowStringArray(pa_.chunked_array([mapped]))).astype("str")
    elif kind == "bool":
        answer = _per_distinct(arr, _yes_no)
        unknown = answer < 0
        out.add(name, unknown & filled, arr, "not_bool")
        values = np.where(unknown, bool(default), answer == 1)  # unknown and empty cells take the default
        value = pd.Series(pd.arrays.BooleanArray(values, unknown if default is None else np.zeros(len(arr), bool)))
    elif kind == "founded":
        years, bad = _years_from(arr)
        out.add(name, bad, arr, "not_date", example=column.example or "15.03.2007")
        value = pd.Series(years.round().astype("Int64"))
    else:  # numbers
        numbers, bad, suppressed, general = _numbers_read(arr)
        # ±inf and NaN are numbers to a parser, not to a sum: refused, as are the words for them
        non_finite = ~np.isfinite(numbers.to_numpy()) & filled & ~suppressed
        if non_finite.any():
            non_finite &= ~bad | _subset(arr, non_finite, _NON_FINITE)
            numbers = numbers.where(~non_finite)
        out.add(name, non_finite, arr, "not_finite", example=_number_example(column))
        if general:
            ambiguous, example = ambiguous_separators(arr)
            out.add(name, ambiguous, arr, "number_ambiguous", params_of=_readings(example))
        out.add(name, bad, arr, "not_number", example=_number_example(column))
        numbers = numbers + 0.0  # -0 is stored as 0
        if suppressed.any():
            warnings.append(Issue(None, name, None, msg("suppressed", count=int(suppressed.sum()))))
        if kind == "money":
            numbers = numbers * scale
        if kind in ("int", "year"):
            fractional = (numbers.notna() & (numbers != np.floor(numbers))).to_numpy()
            out.add(name, fractional, arr, "not_integer", example=_number_example(column))
            huge = (numbers.abs() > 2**31 - 1).to_numpy()
            out.add(name, huge, arr, "out_of_range", low=bounds(column)[0], high=bounds(column)[1])
            value = pd.Series(numbers.where(~(fractional | huge)).round().astype("Int64"))
        else:
            value = numbers
        if default is not None:
            value = value.where(filled, default)
    return value.reset_index(drop=True), out, warnings


def read_cells(
    raw: pd.DataFrame,
    spec: TableSpec,
    rows: np.ndarray,
    *,
    scales: Mapping[str, float] | None = None,
    numeric_cells: Mapping[str, np.ndarray] | None = None,
    cap: int = 200,
) -> Cells:
    """Turn the file's text cells (store column names, ``""`` for empty) into typed columns.

    ``rows``: spreadsheet row of each record. ``scales``: unit factors of money columns (from the
    headers). ``numeric_cells``: per column, a mask of cells an XLSX stored as numbers (an OKVED code
    stored as a number has lost its trailing zero: ``29.10`` → ``29.1``).
    Columns of the table that the file lacks get their default. Columns are read on two threads
    (Arrow's kernels release the GIL).
    """
    scales = scales or {}
    numeric_cells = numeric_cells or {}
    n = len(raw)
    # Free text and numbers first: the slowest columns start early and the two threads finish together.
    given = sorted(
        (c for c in spec.columns if c.name in raw.columns),
        key=lambda c: (c.kind not in ("text", "name", "ident"), c.kind not in ("int", "float", "money")),
    )
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = dict(
            zip(
                [c.name for c in given],
                pool.map(
                    lambda c: _read_column(
                        c,
                        raw[c.name].reset_index(drop=True),
                        rows,
                        scales.get(c.name, 1.0),
                        numeric_cells.get(c.name),
                        cap,
                    ),
                    given,
                ),
            )
        )
    frame: dict[str, pd.Series] = {}
    issues: list[Issue] = []
    warnings: list[Issue] = []
    counts: dict[str, int] = {}
    flagged: dict[str, np.ndarray] = {}
    listed: dict[str, int] = {}
    for column in spec.columns:
        if column.name not in results:
            frame[column.name] = _default_column(column, n)
            continue
        value, out, column_warnings = results[column.name]
        frame[column.name] = value
        warnings.extend(column_warnings)
        flagged.update(out.flagged)
        for code, count in out.counts.items():
            counts[code] = counts.get(code, 0) + count
        for issue in out.issues:
            if listed.get(issue.code, 0) < cap:
                listed[issue.code] = listed.get(issue.code, 0) + 1
                issues.append(issue)
    return Cells(pd.DataFrame(frame), issues, warnings, counts, flagged)
