"""Shared plumbing for the specialisation and complexity library (private).

Long tables (one row per region × sector [× year]) are turned into integer group codes and summed
with :func:`numpy.bincount`, so that every measure is vectorised and no Python loop visits rows.

Conventions shared by every public function:

- Region × sector duplicates are summed (so enterprise-level rows can be passed as they are).
- A missing region × sector row means 0. A NaN value means *unknown*: it never counts as 0 silently —
  each public function says what it does with it.
- Zero denominators give NaN, never an exception and never ``inf``.
"""

from __future__ import annotations

import contextlib
import warnings
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

try:
    from threadpoolctl import ThreadpoolController
except ImportError:  # optional: without it BLAS keeps its own thread count
    ThreadpoolController = None


class DataWarning(UserWarning):
    """A data problem the analytics worked around (rows dropped, values treated as zero …).

    The page can catch it with :func:`warnings.catch_warnings` and show the message.
    """


def warn(message: str) -> None:
    warnings.warn(message, DataWarning, stacklevel=3)


_blas_controller = None


def single_threaded_blas() -> contextlib.AbstractContextManager:
    """Run the enclosed matrix products on one BLAS thread.

    Our matrices are small (85 × 250 → an 85 × 85 eigenproblem): OpenBLAS threads gain nothing there,
    and when another process or Streamlit session holds a core their spinning makes every product
    10–20× slower (measured on the 2-core machine: 0.5 ms → 12 ms for 85 × 250 × 250).
    """
    global _blas_controller
    if ThreadpoolController is None:
        return contextlib.nullcontext()
    if _blas_controller is None:
        _blas_controller = ThreadpoolController()
    return _blas_controller.limit(limits=1, user_api="blas")


def as_list(columns: str | Sequence[str] | None) -> list[str]:
    if columns is None:
        return []
    if isinstance(columns, str):
        return [columns]
    return list(columns)


def require_columns(df: pd.DataFrame, columns: Sequence[str], *, what: str = "df") -> None:
    missing = [c for c in columns if c not in df.columns]
    if missing:
        raise ValueError(f"{what} has no column(s) {missing}; it has {list(df.columns)}")


def to_float(series: pd.Series, *, name: str) -> np.ndarray:
    """The column as float64 (NaN for missing); a non-numeric column is an error, not a coercion."""
    try:
        return pd.to_numeric(series, errors="raise").to_numpy(dtype="float64", na_value=np.nan)
    except (ValueError, TypeError) as exc:
        raise ValueError(f"column {name!r} must be numeric: {exc}") from None


def group_codes(frame: pd.DataFrame, columns: Sequence[str]) -> tuple[np.ndarray, int]:
    """One integer code per distinct combination of ``columns`` (−1 where any key is missing).

    Codes are numbered in order of first appearance; ``n`` is the number of groups.
    """
    n_rows = len(frame)
    if not columns:
        return np.zeros(n_rows, dtype=np.intp), 1 if n_rows else 0
    combined = np.zeros(n_rows, dtype=np.int64)
    missing = np.zeros(n_rows, dtype=bool)
    for column in columns:
        codes, uniques = pd.factorize(frame[column])
        missing |= codes < 0
        combined = combined * max(len(uniques), 1) + np.where(codes < 0, 0, codes)
        # re-number after each column so the product of cardinalities never overflows
        combined, _ = pd.factorize(combined)
    out = np.full(n_rows, -1, dtype=np.intp)
    codes, uniques = pd.factorize(combined[~missing])
    out[~missing] = codes
    return out, len(uniques)


def group_sum(codes: np.ndarray, n: int, weights: np.ndarray) -> np.ndarray:
    """Sum of ``weights`` per code (rows with code −1 are left out; NaN weights must be zeroed first)."""
    keep = codes >= 0
    return np.bincount(codes[keep], weights=weights[keep], minlength=n)[:n].astype("float64")


def take(values: np.ndarray, codes: np.ndarray) -> np.ndarray:
    """``values[codes]`` with NaN where the code is −1."""
    if len(values) == 0:
        return np.full(len(codes), np.nan)
    out = values[np.where(codes < 0, 0, codes)].astype("float64")
    out[codes < 0] = np.nan
    return out


def first_rows(codes: np.ndarray, n: int) -> np.ndarray:
    """Row position of the first occurrence of each code 0..n−1."""
    first = np.full(n, -1, dtype=np.intp)
    positions = np.arange(len(codes), dtype=np.intp)
    keep = codes >= 0
    # assigning in reverse leaves the first occurrence in place
    first[codes[keep][::-1]] = positions[keep][::-1]
    return first


def divide(numerator: np.ndarray, denominator: np.ndarray) -> np.ndarray:
    """numerator / denominator, NaN where the denominator is 0 or NaN (no warnings, no inf)."""
    numerator = np.asarray(numerator, dtype="float64")
    denominator = np.asarray(denominator, dtype="float64")
    ok = np.isfinite(denominator) & (denominator != 0)
    out = np.full(np.broadcast(numerator, denominator).shape, np.nan)
    np.divide(numerator, denominator, out=out, where=np.broadcast_to(ok, out.shape))
    return out


def region_groups(regions: pd.Series | pd.Index, mapping: Mapping | pd.Series) -> pd.Series:
    """Peer group (e.g. federal district) of each region; NaN for regions the mapping does not know."""
    if isinstance(mapping, pd.Series):
        lookup = mapping
    else:
        lookup = pd.Series(dict(mapping), dtype="object")
    return pd.Series(pd.Index(regions).map(lookup), dtype="object")


@dataclass(frozen=True)
class Matrix:
    """A dense region × sector table: sorted labels and a float matrix (duplicates summed)."""

    regions: pd.Index
    sectors: pd.Index
    values: np.ndarray  #: shape (len(regions), len(sectors)); missing rows are 0


def to_matrix(df: pd.DataFrame, *, region: str, sector: str, value: str) -> Matrix:
    """Pivot a long table into a dense matrix. NaN values are treated as 0, with a warning."""
    r_codes, r_labels = pd.factorize(df[region], sort=True)
    s_codes, s_labels = pd.factorize(df[sector], sort=True)
    if (r_codes < 0).any() or (s_codes < 0).any():
        raise ValueError(f"columns {region!r} and {sector!r} must not contain missing labels")
    x = to_float(df[value], name=value)
    unknown = np.isnan(x)
    if unknown.any():
        warn(f"{int(unknown.sum())} NaN value(s) in {value!r} treated as 0 (no presence)")
        x = np.where(unknown, 0.0, x)
    n_r, n_s = len(r_labels), len(s_labels)
    flat = np.bincount(r_codes * n_s + s_codes, weights=x, minlength=n_r * n_s)
    return Matrix(pd.Index(r_labels), pd.Index(s_labels), flat.reshape(n_r, n_s))
