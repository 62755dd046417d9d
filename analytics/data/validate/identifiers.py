"""Identifiers: OKVED 2 classifier facts (OK 029-2014, Rosstat) and INN / OGRN check digits.

Rules: ``docs/regulations.md`` (INN 10/12 digits with check digits, OGRN 13/15, OKVED 2
``dd[.d[d][.d[d]]]``).
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pyarrow as pa_
import pyarrow.compute as pc

from analytics.data.validate.text import _digit_strings

#: OKVED 2 divisions by section (OK 029-2014, Rosstat; the division ranges are fixed by the standard).
OKVED2_SECTION_DIVISIONS: dict[str, tuple[int, int]] = {
    "A": (1, 3),
    "B": (5, 9),
    "C": (10, 33),
    "D": (35, 35),
    "E": (36, 39),
    "F": (41, 43),
    "G": (45, 47),
    "H": (49, 53),
    "I": (55, 56),
    "J": (58, 63),
    "K": (64, 66),
    "L": (68, 68),
    "M": (69, 75),
    "N": (77, 82),
    "O": (84, 84),
    "P": (85, 85),
    "Q": (86, 88),
    "R": (90, 93),
    "S": (94, 96),
    "T": (97, 98),
    "U": (99, 99),
}
#: Two-digit numbers inside the ranges above that are *not* OKVED 2 divisions (gaps of the standard).
OKVED2_MISSING_DIVISIONS = frozenset({4, 34, 40, 44, 48, 54, 57, 67, 76, 83, 89})
OKVED_PATTERN = r"^\d{2}(\.\d{1,2}(\.\d{1,2})?)?$"


def okved_division_section(division: int) -> str | None:
    """The OKVED 2 section letter of a division number (``29`` → ``"C"``), ``None`` if no such division."""
    if division in OKVED2_MISSING_DIVISIONS:
        return None
    for section, (low, high) in OKVED2_SECTION_DIVISIONS.items():
        if low <= division <= high:
            return section
    return None


def okved_level(code: str) -> str | None:
    """``section`` (letter), ``division`` (29), ``group`` (29.1), ``class`` (29.10), ``subclass`` (29.10.1)."""
    if re.fullmatch(r"[A-U]", code):
        return "section"
    if not re.fullmatch(OKVED_PATTERN[1:-1], code):
        return None
    parts = code.split(".")
    if len(parts) == 1:
        return "division"
    if len(parts) == 2:
        return "group" if len(parts[1]) == 1 else "class"
    return "subclass"


def okved_parent(code: str, known: set[str] | frozenset[str] = frozenset()) -> str | None:
    """The parent code: division → section, 29.1 → 29, 29.10 → 29.1, 29.10.1 → 29.10,
    29.10.21 → 29.10.2 (when that code is ``known``, else 29.10)."""
    level = okved_level(code)
    if level in (None, "section"):
        return None
    if level == "division":
        return okved_division_section(int(code))
    if level == "group":
        return code.split(".")[0]
    if level == "class":
        return code[:-1]
    head, last = code.rsplit(".", 1)
    if len(last) == 2 and head + "." + last[0] in known:
        return head + "." + last[0]
    return head


_INN10 = np.array([2, 4, 10, 3, 5, 9, 4, 6, 8], dtype=np.int64)
_INN11 = np.array([7, 2, 4, 10, 3, 5, 9, 4, 6, 8], dtype=np.int64)
_INN12 = np.array([3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8], dtype=np.int64)


def _digits(s: pd.Series, width: int) -> tuple[np.ndarray, np.ndarray]:
    """(rows of ``s`` exactly ``width`` ASCII digits long, their n × width digit matrix, uint8).

    Read straight from the Arrow data buffer: strings of ``width`` bytes are contiguous once
    filtered, so the buffer reshapes into a byte matrix without a Python loop (cells are picked by
    byte length and Arrow's ``ascii_is_decimal``: no regular expression pass over the column).
    """
    arr = pa_.array(s.array) if isinstance(s.array, pd.arrays.ArrowStringArray) else pa_.array(s.astype("str").array)
    arr = arr.combine_chunks() if isinstance(arr, pa_.ChunkedArray) else arr
    arr = pc.fill_null(arr, "")
    selected = _digit_strings(arr, (width,))
    matrix = np.zeros((0, width), dtype=np.uint8)
    if selected.any():
        sub = arr.filter(pa_.array(selected))
        offset_type = np.int64 if pa_.types.is_large_string(sub.type) else np.int32
        offsets = np.frombuffer(sub.buffers()[1], dtype=offset_type)[sub.offset : sub.offset + len(sub) + 1]
        data = np.frombuffer(sub.buffers()[2], dtype=np.uint8)[offsets[0] : offsets[-1]]
        matrix = data.reshape(len(sub), width) - np.uint8(48)
    return selected, matrix


def _weighted(d: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """Σ ``d[:, j] · weights[j]`` per row, one digit column at a time (int32: no wide copy of ``d``)."""
    total = np.zeros(len(d), dtype=np.int32)
    for j, weight in enumerate(weights):
        total += d[:, j] * np.int32(weight)
    return total


def _remainder(d: np.ndarray, modulus: int) -> np.ndarray:
    """The number each row's digits spell, modulo ``modulus`` (Horner's rule: no 15-digit integers)."""
    rest = np.zeros(len(d), dtype=np.int32)
    for j in range(d.shape[1]):
        rest = (rest * 10 + d[:, j]) % modulus
    return rest


def inn_valid(s: pd.Series) -> pd.Series:
    """INN check digits (10 digits: weights 2,4,10,3,5,9,4,6,8; 12 digits: two check digits), vectorised.

    Missing values count as valid (``required`` is checked separately); other formats as invalid.
    Same result as ``stdnum.ru.inn.is_valid`` (tested), about 100× faster on a million rows.
    """
    s = s.reset_index(drop=True)
    ok = np.zeros(len(s), dtype=bool)
    ten, d = _digits(s, 10)
    if len(d):
        ok[ten] = _weighted(d, _INN10) % 11 % 10 == d[:, 9]
    twelve, d = _digits(s, 12)
    if len(d):
        ok[twelve] = (_weighted(d, _INN11) % 11 % 10 == d[:, 10]) & (_weighted(d, _INN12) % 11 % 10 == d[:, 11])
    return pd.Series(ok | s.isna().to_numpy())


def ogrn_valid(s: pd.Series) -> pd.Series:
    """OGRN (13 digits, first digit not 0: first 12 mod 11 mod 10) and OGRNIP (15 digits, first digit 3
    or 4: first 14 mod 13 mod 10) check digits (docs/regulations.md; python-stdnum refuses an OGRNIP whose
    remainder mod 13 exceeds 9, the tax service's rule takes its last digit)."""
    s = s.reset_index(drop=True)
    ok = np.zeros(len(s), dtype=bool)
    for width, modulus, first_digits in ((13, 11, range(1, 10)), (15, 13, (3, 4))):
        selected, d = _digits(s, width)
        if len(d):
            body = _remainder(d[:, : width - 1], modulus)
            ok[selected] = (body % 10 == d[:, width - 1]) & np.isin(d[:, 0], list(first_digits))
    return pd.Series(ok | s.isna().to_numpy())
