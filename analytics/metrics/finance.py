"""Money maths for project appraisal: NPV, IRR, discounted payback — vectorised over rows.

Conventions (``docs/metrics.md``, Money; the same as numpy-financial):

- A cash-flow series is ``flows[0], flows[1], …`` at t = 0, 1, … years; flow 0 is *not* discounted.
- NPV = Σ_t CF_t / (1 + i)^t.
- IRR is the rate r > −1 where NPV(r) = 0. With x = 1 / (1 + r) that is a positive root of the
  polynomial Σ_t CF_t x^t. A series may have no such root or several; this module then returns NaN
  and says which (``IRR_NONE`` / ``IRR_MULTIPLE``) instead of picking one. numpy-financial returns
  the root closest to zero in the second case.

Every function takes one series (1-D → a float) or one series per row (2-D → an array, one value per
row), so a whole portfolio is appraised without a Python loop over projects.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

__all__ = [
    "IRR_MULTIPLE",
    "IRR_NONE",
    "IRR_UNIQUE",
    "IrrResult",
    "discounted_payback",
    "irr",
    "irr_detail",
    "npv",
    "recovery_index",
]

IRR_UNIQUE = "unique"
IRR_NONE = "none"  #: NPV(r) = 0 has no solution with r > −1 (e.g. every flow of one sign)
IRR_MULTIPLE = "multiple"  #: several rates give NPV = 0: no single IRR describes the project

_MAX_ITER = 200
_ROOT_IMAG_TOL = 1e-7  # |imag| / |root| under which a numerically computed root counts as real
_ROOT_MERGE_TOL = 1e-6  # relative distance under which two real roots are one (a double root)


def _as_rows(flows: object) -> tuple[np.ndarray, bool]:
    arr = np.asarray(flows, dtype="float64")
    if arr.ndim == 1:
        return arr[None, :], True
    if arr.ndim == 2:
        return arr, False
    raise ValueError(f"flows must be 1-D (one series) or 2-D (one series per row), got {arr.ndim}-D")


def _check_rate(rate: np.ndarray) -> None:
    if np.any(rate <= -1):
        raise ValueError("discount rate must be greater than −1 (−100%)")


def npv(rate: float | np.ndarray, flows: object) -> float | np.ndarray:
    """Net present value: Σ_t flows[t] / (1 + rate)^t with t = 0 for the first flow.

    ``rate`` is a share per year (0.1 = 10%), scalar or one per row of a 2-D ``flows``. Units follow
    the flows (mln ₽ in this product). Agrees with ``numpy_financial.npv`` for a 1-D series.
    """
    rows, single = _as_rows(flows)
    r = np.asarray(rate, dtype="float64")
    _check_rate(r)
    if r.ndim == 1:
        r = r[:, None]
    t = np.arange(rows.shape[1])
    out = (rows / (1.0 + r) ** t).sum(axis=1)
    return float(out[0]) if single else out


@dataclass(frozen=True)
class IrrResult:
    """IRR per series and why it is NaN where it is: ``status`` is IRR_UNIQUE / IRR_NONE / IRR_MULTIPLE."""

    rate: np.ndarray
    status: np.ndarray


def _sign_changes(rows: np.ndarray) -> np.ndarray:
    """Number of sign changes in each row, zeros skipped (Descartes' rule of signs)."""
    signs = np.sign(rows)
    prev = np.zeros(rows.shape[0])
    changes = np.zeros(rows.shape[0], dtype=np.int64)
    for column in signs.T:  # a loop over years, not over projects
        changes += (column != 0) & (prev != 0) & (column != prev)
        prev = np.where(column != 0, column, prev)
    return changes


def _horner(coef: np.ndarray, x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """p(x) = Σ_t coef[:, t] x^t and its derivative, for one x per row."""
    value = coef[:, -1].copy()
    deriv = np.zeros_like(value)
    for t in range(coef.shape[1] - 2, -1, -1):
        deriv = deriv * x + value
        value = value * x + coef[:, t]
    return value, deriv


def _unique_positive_root(coef: np.ndarray) -> np.ndarray:
    """The positive root of Σ_t coef[:, t] x^t for rows with exactly one sign change.

    Descartes' rule guarantees exactly one root in (0, ∞). It lies strictly between Cauchy's bounds:
    lo = 1 / (1 + max|c| / |c_first|) and hi = 1 + max|c| / |c_last| (first and last non-zero
    coefficients), where the polynomial has the sign of c_first below the root and of c_last above.
    Safeguarded Newton: a Newton step when it stays inside the bracket, otherwise a geometric
    bisection (the bracket may span orders of magnitude).
    """
    n_rows, n = coef.shape
    nonzero = coef != 0
    idx = np.arange(n)
    first = np.where(nonzero, idx, n).min(axis=1)
    last = np.where(nonzero, idx, -1).max(axis=1)
    rows = np.arange(n_rows)
    c_first = coef[rows, first]
    c_last = coef[rows, last]
    biggest = np.abs(coef).max(axis=1)
    lo = 1.0 / (1.0 + biggest / np.abs(c_first))
    hi = 1.0 + biggest / np.abs(c_last)
    sign_lo = np.sign(c_first)
    x = np.clip(1.0 / 1.1, lo, hi)
    x = np.where((x <= lo) | (x >= hi), np.sqrt(lo * hi), x)
    active = np.ones(n_rows, dtype=bool)
    for _ in range(_MAX_ITER):
        value, deriv = _horner(coef[active], x[active])
        a_lo, a_hi, a_x = lo[active], hi[active], x[active]
        below = np.sign(value) == sign_lo[active]
        a_lo = np.where(below, a_x, a_lo)
        a_hi = np.where(below, a_hi, a_x)
        with np.errstate(divide="ignore", invalid="ignore"):
            step = a_x - value / deriv
        inside = np.isfinite(step) & (step > a_lo) & (step < a_hi)
        new_x = np.where(inside, step, np.sqrt(a_lo * a_hi))
        converged = (value == 0) | (np.abs(new_x - a_x) <= 4e-16 * a_x) | (a_hi / a_lo - 1 <= 4e-16)
        new_x = np.where(value == 0, a_x, new_x)
        lo[active], hi[active], x[active] = a_lo, a_hi, new_x
        still = np.flatnonzero(active)[~converged]
        active[:] = False
        active[still] = True
        if not active.any():
            break
    return x


def _roots_status(rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """IRR and status of series with several sign changes: all positive real roots of Σ CF_t x^t.

    Roots are the eigenvalues of companion matrices (as :func:`numpy.roots`), computed in one batch
    per polynomial degree; a positive real root is one IRR, several distinct ones are ``multiple``.
    """
    n_rows, n = rows.shape
    rate = np.full(n_rows, np.nan)
    status = np.full(n_rows, IRR_NONE, dtype=object)
    nonzero = rows != 0
    idx = np.arange(n)
    first = np.where(nonzero, idx, n).min(axis=1)
    last = np.where(nonzero, idx, -1).max(axis=1)
    degree = last - first
    for d in np.unique(degree):  # a loop over polynomial degrees (≤ number of years)
        group = np.flatnonzero(degree == d)
        take = first[group, None] + np.arange(d + 1)
        coef = rows[group[:, None], take]  # c_first … c_last, low to high
        companion = np.zeros((len(group), d, d))
        companion[:, 0, :] = -coef[:, -2::-1] / coef[:, -1:]  # numpy.roots' companion form
        companion[:, np.arange(1, d), np.arange(d - 1)] = 1.0
        roots = np.linalg.eigvals(companion)
        real = (np.abs(roots.imag) <= _ROOT_IMAG_TOL * np.maximum(np.abs(roots), 1.0)) & (roots.real > 0)
        xs = np.sort(np.where(real, roots.real, np.inf), axis=1)
        found = np.isfinite(xs)
        with np.errstate(invalid="ignore"):
            apart = np.diff(xs, axis=1) > _ROOT_MERGE_TOL * xs[:, 1:]
        distinct = found[:, 0] + (apart & found[:, 1:]).sum(axis=1)
        one = distinct == 1
        x_one = np.where(found, xs, 0.0).sum(axis=1) / np.maximum(found.sum(axis=1), 1)
        rate[group[one]] = 1.0 / x_one[one] - 1.0
        status[group[one]] = IRR_UNIQUE
        status[group[distinct > 1]] = IRR_MULTIPLE
    return rate, status


def irr_detail(flows: object) -> IrrResult:
    """IRR of each series with its status (see :func:`irr`); arrays even for a 1-D input (length 1)."""
    rows, _ = _as_rows(flows)
    if not np.all(np.isfinite(rows)):
        raise ValueError("flows must be finite numbers")
    n_rows = rows.shape[0]
    rate = np.full(n_rows, np.nan)
    status = np.full(n_rows, IRR_NONE, dtype=object)
    if rows.shape[1] < 2:
        return IrrResult(rate, status)
    changes = _sign_changes(rows)
    one = np.flatnonzero(changes == 1)
    if one.size:
        x = _unique_positive_root(rows[one])
        rate[one] = 1.0 / x - 1.0
        status[one] = IRR_UNIQUE
    several = np.flatnonzero(changes >= 2)
    if several.size:
        rate[several], status[several] = _roots_status(rows[several])
    return IrrResult(rate, status)


def irr(flows: object) -> float | np.ndarray:
    """Internal rate of return: the r > −1 with Σ_t flows[t] / (1 + r)^t = 0 (flow 0 at t = 0).

    Returns NaN where **no** such rate exists (e.g. all flows of one sign, or all zero) and where
    **several** exist (series whose sign changes more than once may have 0, 1 or many IRRs — an
    IRR would then be misleading, use NPV). :func:`irr_detail` tells the two cases apart.
    A series with one sign change (invest, then earn) always has exactly one IRR (Descartes' rule);
    it equals ``numpy_financial.irr`` there. 1-D input → float; 2-D (one series per row) → array.
    """
    rows, single = _as_rows(flows)
    result = irr_detail(rows).rate
    return float(result[0]) if single else result


def recovery_index(cumulative: object, *, tol: float = 0.0) -> float | np.ndarray:
    """Index of the first period from which ``cumulative`` stays ≥ −tol to the end of the series.

    0 when it is never below; NaN when it is still below at the end. A dip after a first recovery
    counts: the series must *stay* recovered (a later reinvestment moves the payback later).
    """
    rows, single = _as_rows(cumulative)
    tol_arr = np.asarray(tol, dtype="float64")
    if tol_arr.ndim == 1:
        tol_arr = tol_arr[:, None]
    below = rows < -tol_arr
    n = rows.shape[1]
    last_below = np.where(below, np.arange(n), -1).max(axis=1) if n else np.full(rows.shape[0], -1)
    out = (last_below + 1).astype("float64")
    out[last_below == n - 1] = np.nan
    return float(out[0]) if single else out


def discounted_payback(rate: float | np.ndarray, flows: object) -> float | np.ndarray:
    """Discounted payback: the first t from which Σ_{k≤t} flows[k] / (1 + rate)^k stays ≥ 0.

    In years from t = 0 (the first flow): 0 when the cumulative discounted flow is never negative,
    NaN when it is still negative at the end of the series. Rounding noise below 1e-12 of the
    series' total absolute flow counts as zero.
    """
    rows, single = _as_rows(flows)
    r = np.asarray(rate, dtype="float64")
    _check_rate(r)
    if r.ndim == 1:
        r = r[:, None]
    discounted = rows / (1.0 + r) ** np.arange(rows.shape[1])
    cumulative = np.cumsum(discounted, axis=1)
    out = recovery_index(cumulative, tol=1e-12 * np.abs(discounted).sum(axis=1))
    return float(out[0]) if single else out
