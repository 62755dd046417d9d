r"""Text cells as Arrow arrays: trimming, whole-cell patterns (RE2), byte scans for suspect characters.

Text is handled with pyarrow.compute (multithreaded C++): pandas' ``.str`` falls back to a Python
loop for ``\d`` on non-ASCII data, ``\s`` and several other patterns.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa_
import pyarrow.compute as pc

# Text is handled as Arrow arrays with pyarrow.compute (RE2, multithreaded C++): pandas' ``.str``
# falls back to a Python loop for ``\d`` on non-ASCII data, ``\s`` and several other patterns.


def _arrow(s: pd.Series) -> pa_.ChunkedArray:
    """A str Series as a trimmed Arrow string array, missing values as ``""`` (zero-copy where possible)."""
    if not len(s):
        return pa_.chunked_array([], pa_.large_string())
    values = s.array if isinstance(s.array, pd.arrays.ArrowStringArray) else s.astype("str").array
    arr = pa_.array(values)
    arr = arr if isinstance(arr, pa_.ChunkedArray) else pa_.chunked_array([arr])
    return pc.utf8_trim_whitespace(pc.fill_null(arr, ""))


def _bool(arr: Any) -> np.ndarray:
    return np.asarray(pc.fill_null(arr, False).to_numpy(zero_copy_only=False), dtype=bool)


def _full(arr: pa_.ChunkedArray, pattern: str) -> np.ndarray:
    """Cells matching ``pattern`` as a whole (RE2; ``[0-9]`` means ASCII digits)."""
    return _bool(pc.match_substring_regex(arr, "^(?:" + pattern + ")$"))


def _digit_strings(arr: pa_.ChunkedArray, widths: tuple[int, ...]) -> np.ndarray:
    """Cells of exactly one of ``widths`` ASCII digits: ``_full(arr, "[0-9]{10}|[0-9]{12}")`` for
    ``widths=(10, 12)``, from the byte lengths and Arrow's ``ascii_is_decimal`` (ten times faster
    than the regular expression on a million cells)."""
    lengths = pc.binary_length(arr).to_numpy(zero_copy_only=False)
    return np.isin(lengths, widths) & _bool(pc.ascii_is_decimal(arr))


def _per_distinct(arr: pa_.ChunkedArray, mask: Callable[[pa_.ChunkedArray], np.ndarray]) -> np.ndarray:
    """``mask(arr)`` computed once per distinct value (one hash pass, then a lookup per cell): for
    columns with few distinct values, such as OKVED codes or yes/no flags."""
    encoded = pc.dictionary_encode(arr).combine_chunks()
    if not len(encoded):
        return np.zeros(0, dtype=bool)
    return mask(pa_.chunked_array([encoded.dictionary]))[encoded.indices.to_numpy(zero_copy_only=False)]


def _byte_table(characters: str) -> bytes:
    """A ``bytes.translate`` table mapping the given ASCII characters to 1 and every other byte to 0."""
    return bytes(1 if chr(b) in characters else 0 for b in range(256))


#: ASCII bytes that can start a problem in free text (control characters, ``<`` and ``&`` of HTML,
#: ``:`` of ``javascript:``), and for identifiers also spaces and separators. In UTF-8 an ASCII byte
#: is always that character, never part of a Cyrillic letter, so a byte scan is exact.
_SUSPECT_TEXT = _byte_table("".join(map(chr, [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])) + "<&:")
_SUSPECT_IDENT = _byte_table("".join(map(chr, [*range(0x00, 0x20), 0x7F])) + "<&:;, ")


def _cells_with_hits(arr: pa_.ChunkedArray, find: Callable[[memoryview], np.ndarray]) -> np.ndarray:
    """Cells of a string array holding a byte position that ``find`` reports in a chunk's data buffer
    (positions relative to the chunk's first value); cell positions are worked out only for chunks
    with a hit, and null cells never count."""
    parts = []
    for chunk in arr.chunks:
        n = len(chunk)
        mask = np.zeros(n, dtype=bool)
        parts.append(mask)
        if not n or chunk.buffers()[2] is None:
            continue
        offset_type = np.int64 if chunk.type in (pa_.large_string(), pa_.large_binary()) else np.int32
        offsets = np.frombuffer(chunk.buffers()[1], dtype=offset_type)[chunk.offset : chunk.offset + n + 1]
        hits = find(memoryview(chunk.buffers()[2])[offsets[0] : offsets[-1]])
        if not len(hits):
            continue
        mask[np.searchsorted(offsets, hits + offsets[0], side="right") - 1] = True
        if chunk.null_count:
            mask &= _bool(chunk.is_valid())
    return np.concatenate(parts) if parts else np.zeros(0, dtype=bool)


def _cells_with_bytes(arr: pa_.ChunkedArray, table: bytes) -> np.ndarray:
    """Cells containing a byte that ``table`` (see :func:`_byte_table`) marks: ``bytes.translate``
    over each chunk's data buffer (four times faster than a regular expression on a million names)."""

    def find(data: memoryview) -> np.ndarray:
        marked = bytes(data).translate(table)
        if b"\x01" not in marked:
            return np.zeros(0, dtype=np.int64)
        return np.flatnonzero(np.frombuffer(marked, dtype=np.uint8))

    return _cells_with_hits(arr, find)


#: UTF-8 of the zero-width characters (U+200B–U+200D, U+2060, U+FEFF) and bidi controls
#: (U+202A–U+202E, U+2066–U+2069): lead byte → second byte → allowed third bytes.
_INVISIBLE_UTF8 = {
    0xE2: {0x80: (0x8B, 0x8C, 0x8D, 0xAA, 0xAB, 0xAC, 0xAD, 0xAE), 0x81: (0xA0, 0xA6, 0xA7, 0xA8, 0xA9)},
    0xEF: {0xBB: (0xBF,)},
}


def _cells_with_invisible(arr: pa_.ChunkedArray) -> np.ndarray:
    """Cells containing a zero-width character or a bidi control: the three-byte UTF-8 sequences
    matched with numpy on each chunk's data buffer (common characters sharing the lead byte, such
    as «№», «—», «…», cost one comparison each, not a regular expression per cell)."""

    def find(buffer: memoryview) -> np.ndarray:
        data = np.frombuffer(buffer, dtype=np.uint8)
        hits = []
        for lead, seconds in _INVISIBLE_UTF8.items():
            at = np.flatnonzero(data[:-2] == lead) if len(data) > 2 else np.zeros(0, dtype=np.int64)
            if not len(at):
                continue
            second = data[at + 1]
            for byte, thirds in seconds.items():
                near = at[second == byte]  # «№», «—», «…» share the lead byte, few share the second
                if len(near):
                    hits.append(near[np.isin(data[near + 2], thirds)])
        return np.concatenate(hits) if hits else np.zeros(0, dtype=np.int64)

    return _cells_with_hits(arr, find)


def _has(arr: pa_.ChunkedArray, pattern: str) -> np.ndarray:
    return _bool(pc.match_substring_regex(arr, pattern))


def _subset(arr: pa_.ChunkedArray, candidates: np.ndarray, pattern: str) -> np.ndarray:
    """``_full(arr, pattern)`` evaluated only where ``candidates`` (False elsewhere): diagnostics of
    the few bad cells cost nothing on a clean million-row column."""
    out = np.zeros(len(arr), dtype=bool)
    if candidates.any():
        out[candidates] = _full(arr.filter(pa_.array(candidates)), pattern)
    return out


def _constant(value: Any, n: int) -> pd.Series:
    """A str Series of ``n`` copies of ``value`` (or missing), built without a Python list."""
    if value is None:
        return pd.Series(pd.arrays.ArrowStringArray(pa_.nulls(n, pa_.large_string()))).astype("str")
    encoded = pa_.DictionaryArray.from_arrays(pa_.array(np.zeros(n, dtype=np.int32)), pa_.array([str(value)]))
    return pd.Series(pd.arrays.ArrowStringArray(encoded.cast(pa_.large_string()))).astype("str")


def _str_series(arr: pa_.ChunkedArray, keep: np.ndarray | None = None) -> pd.Series:
    """An Arrow string array as a str Series; empty cells (and cells outside ``keep``) missing."""
    mask = _bool(pc.equal(arr, "")) if len(arr) else np.zeros(0, dtype=bool)
    if keep is not None:
        mask |= ~keep
    if mask.any():
        arr = pc.if_else(pa_.array(mask), pa_.scalar(None, arr.type), arr)
    return pd.Series(pd.arrays.ArrowStringArray(arr)).astype("str")
