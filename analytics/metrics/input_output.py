"""Input–output multipliers and their regionalisation (pure: numpy/pandas, no store).

Notation (Miller & Blair, *Input–Output Analysis*, 2nd ed., 2009, ch. 2, 3, 6, 8): ``Z`` intermediate
flows (mln ₽; rows = supplying product i, columns = using product j), ``x`` output P1 (mln ₽),
``A = Z·diag(x)⁻¹`` technical coefficients (₽ of i per ₽ of j's output), ``L = (I − A)⁻¹`` the
Leontief inverse (total requirements: output of i per ₽ of final demand for j). Data: Rosstat's basic
input–output tables 2021 (``data/io2021/SOURCE.md``); Rosstat's КПЗ is ``L`` of the *total* table.

Multipliers of product j (per 1 mln ₽ of final demand for j):

- output: ``m_j = Σ_i L_ij`` (mln ₽);
- value added: ``Σ_i v_i L_ij``, ``v_i = B1g_i / x_i`` (mln ₽);
- income: ``Σ_i w_i L_ij``, ``w_i = D1_i / x_i`` (compensation of employees, mln ₽);
- employment: ``Σ_i e_i L_ij``, ``e_i = jobs_i / x_i`` (persons per mln ₽).

Type I uses ``L``; Type II uses the inverse of the model closed with households
(:func:`close_households`), whose effects beyond Type I are the *induced* effects.

Regionalisation with location quotients (Flegg, Webber & Elliott 1995; Flegg & Webber 1997):
``SLQ_i = (E_i^r / E^r) / (E_i^n / E^n)``, ``CILQ_ij = SLQ_i / SLQ_j``, FLQ
``FLQ_ij = CILQ_ij · λ*`` off the diagonal and ``SLQ_i · λ*`` on it, ``λ* = [log₂(1 + E^r/E^n)]^δ``,
regional ``r_ij = a_ij · min(1, LQ_ij)``. Applied to the *domestic* coefficients (imports from abroad
are already out). δ = 0.3 is the value Flegg & Webber recommend; the literature uses 0.1–0.4
(Bonfiglio & Chelli 2008; Flegg & Tohmo 2013). The result is an estimate, not a survey-based table.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache

import numpy as np
import pandas as pd

Matrix = pd.DataFrame | np.ndarray

#: Literature range for FLQ's δ (Flegg & Tohmo 2013; Bonfiglio & Chelli 2008).
DELTA_RANGE: tuple[float, float] = (0.0, 1.0)
DEFAULT_DELTA = 0.3
#: δ values used in empirical work (Flegg & Tohmo 2013: 0.1–0.4): the range the UI offers.
DELTA_LITERATURE: tuple[float, float] = (0.1, 0.4)

EFFECTS = ("direct", "indirect", "induced", "total")
IMPACT_COLUMNS = (
    "output_mln_rub",
    "value_added_mln_rub",
    "compensation_mln_rub",
    "wages_mln_rub",
    "jobs",
    "taxes_mln_rub",
)
TAX_BASES = ("value_added", "compensation", "wages")


def _values(x: Matrix | pd.Series) -> np.ndarray:
    return np.asarray(x, dtype=float)


def _like(template: Matrix, values: np.ndarray) -> Matrix:
    if isinstance(template, pd.DataFrame):
        return pd.DataFrame(values, index=template.index, columns=template.columns)
    return values


def _aligned(vector: pd.Series | np.ndarray, labels: pd.Index | None, what: str) -> np.ndarray:
    """A vector in the order of ``labels`` (a Series is reindexed; an array is taken as given)."""
    if isinstance(vector, pd.Series) and labels is not None:
        missing = labels.difference(vector.index)
        if len(missing):
            raise ValueError(f"{what}: no value for {list(missing)[:5]}")
        return vector.reindex(labels).to_numpy(dtype=float)
    values = _values(vector)
    if labels is not None and len(values) != len(labels):
        raise ValueError(f"{what}: {len(values)} values for {len(labels)} products")
    return values


# --------------------------------------------------------------------------------------------------
# National model
# --------------------------------------------------------------------------------------------------


def technical_coefficients(flows: Matrix, output: pd.Series | np.ndarray) -> Matrix:
    """``a_ij = z_ij / x_j`` (₽ of product i per ₽ of product j's output; column 0 where x_j = 0).

    ``flows``: intermediate use, mln ₽ (rows = supplying, columns = using product); ``output``: P1 by
    using product, mln ₽ (a Series is aligned to ``flows``' columns).
    """
    labels = flows.columns if isinstance(flows, pd.DataFrame) else None
    x = _aligned(output, labels, "output")
    z = _values(flows)
    a = np.divide(z, x[np.newaxis, :], out=np.zeros_like(z), where=x[np.newaxis, :] != 0)
    return _like(flows, a)


def leontief_inverse(A: Matrix) -> Matrix:
    """``L = (I − A)⁻¹``: output of product i needed per ₽ of final demand for product j."""
    a = _values(A)
    inverse = np.linalg.inv(np.eye(a.shape[0]) - a)
    return _like(A, inverse)


def coefficients(values: pd.Series, output: pd.Series) -> pd.Series:
    """Per-₽-of-output coefficient ``values_i / x_i`` (0 where x_i = 0); e.g. ``v = B1g / P1``."""
    x = output.reindex(values.index).to_numpy(dtype=float)
    v = values.to_numpy(dtype=float)
    return pd.Series(np.divide(v, x, out=np.zeros_like(v), where=x != 0), index=values.index)


def output_multipliers(L: Matrix) -> pd.Series | np.ndarray:
    """Type I (or II, given that inverse) output multipliers: column sums ``Σ_i L_ij`` (mln ₽ per mln ₽)."""
    sums = _values(L).sum(axis=0)
    return pd.Series(sums, index=L.columns, name="output") if isinstance(L, pd.DataFrame) else sums


def multipliers(L: Matrix, coefficient_rows: Mapping[str, pd.Series | np.ndarray]) -> pd.DataFrame:
    """Multipliers per 1 mln ₽ of final demand for each product: ``output`` = ``Σ_i L_ij`` and, for each
    named coefficient row ``c`` (per ₽ of output: value added, compensation, persons per mln ₽ …),
    ``Σ_i c_i L_ij``. ``L`` may be larger than the rows (a closed model): its first n rows/columns are
    the products.
    """
    labels = L.columns if isinstance(L, pd.DataFrame) else None
    if labels is not None and labels[-1] == "households":
        labels = labels[:-1]
    values = _values(L)
    rows = {name: _aligned(c, labels, name) for name, c in coefficient_rows.items()}
    n = len(next(iter(rows.values()))) if rows else values.shape[0]
    block = values[:n, :n]
    data = {"output": block.sum(axis=0)}
    for name, c in rows.items():
        data[name] = c @ block
    index = labels[:n] if labels is not None else pd.RangeIndex(n)
    return pd.DataFrame(data, index=index)


def close_households(
    A: Matrix, compensation_coeff: pd.Series | np.ndarray, consumption_coeff: pd.Series | np.ndarray
) -> Matrix:
    """The model closed with respect to households (Type II), (n + 1) × (n + 1).

    ``Ā = [[A, h], [w, 0]]``: the extra row ``w_j = D1_j / x_j`` is the compensation of employees paid
    per ₽ of j's output (households' labour income); the extra column ``h_i`` is households'
    purchases of product i per ₽ of that income. Closure used by :func:`household_consumption_coeff`:
    households spend a share κ of compensation on products in the proportions of their final
    consumption (P3_S14). The inverse of ``I − Ā`` restricted to the products gives the Type II
    multipliers; Type II − Type I = induced effects. Labels: the products, then ``"households"``.
    """
    labels = A.columns if isinstance(A, pd.DataFrame) else None
    a = _values(A)
    n = a.shape[0]
    w = _aligned(compensation_coeff, labels, "compensation coefficients")
    h = _aligned(consumption_coeff, labels, "household consumption coefficients")
    closed = np.zeros((n + 1, n + 1))
    closed[:n, :n] = a
    closed[:n, n] = h
    closed[n, :n] = w
    if labels is not None:
        full = labels.append(pd.Index(["households"]))
        return pd.DataFrame(closed, index=full, columns=full)
    return closed


def household_consumption_coeff(
    household_consumption: pd.Series, compensation: pd.Series, *, propensity: float | None = None
) -> pd.Series:
    """Households' purchases of each product per ₽ of compensation of employees: ``h_i = κ·c_i / Σ c``.

    ``household_consumption``: P3_S14 by product (mln ₽; the domestic column for a domestic or
    regional model); ``compensation``: D1 by product (mln ₽). κ (``propensity``, share 0–1) is the
    share of labour income spent on these products; by default ``κ = min(1, Σ c / Σ D1)`` —
    all compensation is spent when consumption exceeds it (Russia 2021: consumption of domestic
    products 50.8 trn ₽ > compensation 43.1 trn ₽, so κ = 1). A smaller κ (e.g. net of personal
    income tax and savings) gives smaller induced effects.
    """
    c = household_consumption.astype(float)
    total = float(c.sum())
    if total <= 0:
        return c * 0.0
    kappa = min(1.0, total / float(compensation.sum())) if propensity is None else float(propensity)
    if not 0.0 <= kappa <= 1.0:
        raise ValueError(f"propensity {kappa} outside 0–1")
    return c / total * kappa


def linkages(L: Matrix) -> pd.DataFrame:
    """Rasmussen's backward and forward linkages and key sectors.

    ``backward_j = (Σ_i L_ij) / mean_k(Σ_i L_ik)`` (power of dispersion), ``forward_i =
    (Σ_j L_ij) / mean_k(Σ_j L_kj)`` (sensitivity of dispersion); key sector: both > 1 (Rasmussen 1956;
    Miller & Blair 2009, §12.2).
    """
    values = _values(L)
    cols = values.sum(axis=0)
    rows = values.sum(axis=1)
    frame = pd.DataFrame(
        {"backward": cols / cols.mean(), "forward": rows / rows.mean()},
        index=L.columns if isinstance(L, pd.DataFrame) else None,
    )
    frame["key_sector"] = (frame["backward"] > 1) & (frame["forward"] > 1)
    return frame


def employment_by_product(section_employment: pd.Series, sections: pd.Series, weights: pd.Series) -> pd.Series:
    """Persons employed by product: each OKVED 2 section's employment split over its products.

    ``section_employment``: persons by section letter (Rosstat, average annual); a section absent
    there but present in ``sections`` gets ``TOTAL − Σ sections`` when a ``TOTAL`` entry is given
    (Rosstat's table omits T, households as employers), else 0. ``sections``: section letter by
    product. ``weights``: split key by product (compensation D1: equal wage per person within a
    section). Persons.
    """
    employment = section_employment.drop(labels=["TOTAL"], errors="ignore").astype(float)
    listed = set(employment.index)
    missing = sorted(set(sections) - listed)
    if missing:
        gap = float(section_employment.get("TOTAL", employment.sum())) - float(employment.sum())
        for letter in missing:
            employment[letter] = max(gap, 0.0) / len(missing)
    w = weights.reindex(sections.index).astype(float)
    share = w / w.groupby(sections).transform("sum").replace(0.0, np.nan)
    share = share.fillna(1.0 / sections.map(sections.value_counts()))
    return (share * sections.map(employment).fillna(0.0)).rename("persons")


# --------------------------------------------------------------------------------------------------
# Regionalisation
# --------------------------------------------------------------------------------------------------


def slq(
    regional: pd.Series,
    national: pd.Series,
    *,
    regional_total: float | None = None,
    national_total: float | None = None,
) -> pd.Series:
    """Simple location quotient ``SLQ_i = (E_i^r / E^r) / (E_i^n / E^n)``.

    ``regional`` and ``national``: employment (persons) by the same sectors; the totals default to
    the sums of the series (give them when the series cover only part of the economy). 0 where the
    nation has none of the sector.
    """
    e_r = regional.reindex(national.index).fillna(0.0).astype(float)
    e_n = national.astype(float)
    tot_r = float(e_r.sum()) if regional_total is None else float(regional_total)
    tot_n = float(e_n.sum()) if national_total is None else float(national_total)
    if tot_r <= 0 or tot_n <= 0:
        raise ValueError("employment totals must be positive")
    share_n = e_n.to_numpy() / tot_n
    share_r = e_r.to_numpy() / tot_r
    out = np.divide(share_r, share_n, out=np.zeros_like(share_r), where=share_n > 0)
    return pd.Series(out, index=national.index, name="slq")


def lambda_star(regional_share: float, delta: float = DEFAULT_DELTA) -> float:
    """FLQ's regional-size factor ``λ* = [log₂(1 + E^r/E^n)]^δ`` (share 0–1 → factor 0–1)."""
    if not 0.0 < regional_share <= 1.0:
        raise ValueError(f"regional share {regional_share} outside (0, 1]")
    if not DELTA_RANGE[0] <= delta < DELTA_RANGE[1]:
        raise ValueError(f"delta {delta} outside [{DELTA_RANGE[0]}, {DELTA_RANGE[1]})")
    return float(np.log2(1.0 + regional_share) ** delta)


def cilq(slq_values: pd.Series | np.ndarray, labels: pd.Index | None = None) -> Matrix:
    """Cross-industry quotients ``CILQ_ij = SLQ_i / SLQ_j``, with ``SLQ_i`` on the diagonal.

    ``inf`` where ``SLQ_j = 0 < SLQ_i`` (the cap min(1, ·) makes it 1); 0 where both are 0.
    """
    s = _values(slq_values)
    with np.errstate(divide="ignore", invalid="ignore"):
        q = s[:, np.newaxis] / s[np.newaxis, :]
    q[np.isnan(q)] = 0.0
    np.fill_diagonal(q, s)
    if labels is None and isinstance(slq_values, pd.Series):
        labels = slq_values.index
    return pd.DataFrame(q, index=labels, columns=labels) if labels is not None else q


def flq_quotients(
    slq_values: pd.Series | np.ndarray, regional_share: float, *, delta: float = DEFAULT_DELTA
) -> np.ndarray:
    """``FLQ_ij = CILQ_ij · λ*`` (diagonal ``SLQ_i · λ*``), as an array."""
    return _values(cilq(_values(slq_values))) * lambda_star(regional_share, delta)


def _regional(A: Matrix, quotients: np.ndarray) -> Matrix:
    return _like(A, _values(A) * np.minimum(1.0, quotients))


def _slq_in_order(A: Matrix, slq_values: pd.Series | np.ndarray) -> np.ndarray:
    labels = A.index if isinstance(A, pd.DataFrame) else None
    return _aligned(slq_values, labels, "slq")


def flq(A: Matrix, slq: pd.Series | np.ndarray, regional_share: float, *, delta: float = DEFAULT_DELTA) -> Matrix:
    """Regional coefficients by Flegg's FLQ: ``r_ij = a_ij · min(1, FLQ_ij)``.

    ``A``: national (domestic) technical coefficients; ``slq``: SLQ by product (a Series indexed like
    ``A`` or an array in ``A``'s order); ``regional_share``: ``E^r / E^n`` (share 0–1); ``delta``: δ.
    """
    return _regional(A, flq_quotients(_slq_in_order(A, slq), regional_share, delta=delta))


def slq_adjust(A: Matrix, slq: pd.Series | np.ndarray) -> Matrix:
    """SLQ-only variant: ``r_ij = a_ij · min(1, SLQ_i)`` (row i scaled by its supplier's SLQ)."""
    s = _slq_in_order(A, slq)
    return _regional(A, np.repeat(s[:, np.newaxis], len(s), axis=1))


def cilq_adjust(A: Matrix, slq: pd.Series | np.ndarray) -> Matrix:
    """CILQ variant: ``r_ij = a_ij · min(1, CILQ_ij)`` (diagonal ``SLQ_i``)."""
    return _regional(A, _values(cilq(_slq_in_order(A, slq))))


METHODS = ("flq", "cilq", "slq")


def regionalise(
    A: Matrix, slq: pd.Series | np.ndarray, regional_share: float, *, method: str = "flq", delta: float = DEFAULT_DELTA
) -> Matrix:
    """Regional coefficients by ``method`` (``"flq"``, ``"cilq"`` or ``"slq"``)."""
    if method == "flq":
        return flq(A, slq, regional_share, delta=delta)
    if method == "cilq":
        return cilq_adjust(A, slq)
    if method == "slq":
        return slq_adjust(A, slq)
    raise ValueError(f"unknown method {method!r}; one of {METHODS}")


# --------------------------------------------------------------------------------------------------
# Impact of a final-demand shock
# --------------------------------------------------------------------------------------------------


def output_effects(L: Matrix, shock: pd.Series | np.ndarray, *, closed_inverse: Matrix | None = None) -> pd.DataFrame:
    """Output by product caused by a final-demand shock ``y`` (mln ₽): columns ``direct`` = ``y``,
    ``indirect`` = ``L y − y``, ``induced`` = ``(L̄ y)[:n] − L y`` (0 without ``closed_inverse``),
    ``total``. With ``y`` = 1 000 in product j, ``direct + indirect`` is column j of ``L`` × 1 000.
    """
    labels = L.index if isinstance(L, pd.DataFrame) else None
    y = _aligned(shock, labels, "shock")
    total1 = _values(L) @ y
    n = len(y)
    total2 = _values(closed_inverse)[:n, :n] @ y if closed_inverse is not None else total1
    frame = pd.DataFrame(
        {"direct": y, "indirect": total1 - y, "induced": total2 - total1, "total": total2}, index=labels
    )
    return frame


def impact(
    L: Matrix,
    shock: pd.Series | np.ndarray,
    *,
    value_added: pd.Series | np.ndarray,
    compensation: pd.Series | np.ndarray,
    employment: pd.Series | np.ndarray,
    wages: pd.Series | np.ndarray | None = None,
    tax_rates: Mapping[str, float] | None = None,
    closed_inverse: Matrix | None = None,
) -> pd.DataFrame:
    """Effects of a final-demand shock ``y`` (mln ₽ by product) — direct, indirect, induced, total.

    Coefficients per ₽ of output: ``value_added`` (``B1g/P1``), ``compensation`` (``D1/P1``,
    compensation of employees incl. employers' social contributions), ``wages`` (``D11/P1``; the
    compensation coefficients when not given); ``employment``: persons per mln ₽ of output.
    Output effects: direct ``y``, indirect ``L y − y``, induced ``(L̄ y)[:n] − L y`` with ``L̄`` the
    inverse of the household-closed model (``closed_inverse``; induced = 0 without it). Each other
    column = its coefficient × the output effect, summed over products. ``taxes_mln_rub =
    Σ_k rate_k × base_k`` over ``tax_rates`` keyed by ``"value_added"``, ``"compensation"`` and/or
    ``"wages"`` (shares 0–1; e.g. personal income tax on wages); 0 without rates. Rows
    :data:`EFFECTS`, columns :data:`IMPACT_COLUMNS` (mln ₽, persons).
    """
    labels = L.index if isinstance(L, pd.DataFrame) else None
    effects = output_effects(L, shock, closed_inverse=closed_inverse)
    outputs = {name: effects[name].to_numpy() for name in ("direct", "indirect", "induced")}
    v = _aligned(value_added, labels, "value_added")
    c = _aligned(compensation, labels, "compensation")
    w = c if wages is None else _aligned(wages, labels, "wages")
    e = _aligned(employment, labels, "employment")
    rates = dict(tax_rates or {})
    unknown = set(rates) - set(TAX_BASES)
    if unknown:
        raise ValueError(f"unknown tax bases {sorted(unknown)}; use {TAX_BASES}")
    rows = {}
    for effect, x in outputs.items():
        bases = {"value_added": float(v @ x), "compensation": float(c @ x), "wages": float(w @ x)}
        taxes = sum(rate * bases[base] for base, rate in rates.items())
        rows[effect] = (
            float(x.sum()),
            bases["value_added"],
            bases["compensation"],
            bases["wages"],
            float(e @ x),
            taxes,
        )
    frame = pd.DataFrame.from_dict(rows, orient="index", columns=list(IMPACT_COLUMNS))
    frame.loc["total"] = frame.sum()
    frame.index.name = "effect"
    return frame


def shock_to_products(
    shock_by_okved: Mapping[str, float], correspondence: pd.DataFrame, output: pd.Series
) -> pd.Series:
    """A final-demand shock by OKVED 2 code (mln ₽, e.g. a project's revenue) spread over the products.

    ``correspondence``: ``no, okved2_divisions`` (``;``-separated), ``okved2_section`` (the shipped
    ``data/io2021/okpd2_okved2.csv``); ``output``: P1 by product (mln ₽), the split key. A code is
    taken at its division (``"29.10"`` → ``"29"``) or, given as a section letter, its section; the
    amount is split over the products of that division/section in proportion to their output.
    Unknown codes raise ``ValueError`` naming them. Returns mln ₽ by product (all products, 0 elsewhere).
    """
    frame = correspondence.set_index("no")
    divisions = frame["okved2_divisions"].str.split(";")
    result = pd.Series(0.0, index=frame.index, name="shock_mln_rub")
    unknown = []
    for code, amount in shock_by_okved.items():
        key = str(code).strip().upper()
        if len(key) == 1 and key.isalpha():
            members = frame.index[frame["okved2_section"] == key]
        else:
            division = key.split(".")[0].zfill(2)
            members = frame.index[divisions.map(lambda ds, d=division: d in ds)]
        if len(members) == 0:
            unknown.append(code)
            continue
        x = output.reindex(members).astype(float).clip(lower=0.0)
        share = x / x.sum() if x.sum() > 0 else pd.Series(1.0 / len(members), index=members)
        result[members] += float(amount) * share
    if unknown:
        raise ValueError(f"OKVED codes without a product: {unknown}")
    return result


SLQ_SOURCES = ("division", "section", "none")

#: OKVED 2 (ОК 029-2014) sections by division number, inclusive ranges; OKPD 2 (ОК 034-2014) uses the
#: same sections and divisions (both follow NACE Rev. 2 / CPA 2008).
SECTION_DIVISIONS: tuple[tuple[str, int, int], ...] = (
    ("A", 1, 3),
    ("B", 5, 9),
    ("C", 10, 33),
    ("D", 35, 35),
    ("E", 36, 39),
    ("F", 41, 43),
    ("G", 45, 47),
    ("H", 49, 53),
    ("I", 55, 56),
    ("J", 58, 63),
    ("K", 64, 66),
    ("L", 68, 68),
    ("M", 69, 75),
    ("N", 77, 82),
    ("O", 84, 84),
    ("P", 85, 85),
    ("Q", 86, 88),
    ("R", 90, 93),
    ("S", 94, 96),
    ("T", 97, 98),
    ("U", 99, 99),
)


def section_of(code: str) -> str:
    """OKVED 2 section letter of a code (``"29"``, ``"29.10"`` → ``"C"``; a letter stays itself)."""
    text = str(code).strip().upper()
    if len(text) == 1 and "A" <= text <= "U":
        return text
    number = int(text[:2])
    for letter, low, high in SECTION_DIVISIONS:
        if low <= number <= high:
            return letter
    raise ValueError(f"no OKVED 2 section for {code!r}")


@lru_cache(maxsize=8)
def _incidence(
    codes: tuple[str, ...], divisions: tuple[str, ...], sections: tuple[str, ...]
) -> tuple[np.ndarray, np.ndarray]:
    """Products × codes incidence: (own divisions, own section — its letter row if any, else its
    divisions)."""
    column = {c: k for k, c in enumerate(codes)}
    letters = {c for c in codes if len(c) == 1 and "A" <= c <= "U"}
    by_section: dict[str, list[int]] = {}
    for k, c in enumerate(codes):
        if len(c) == 2 and c.isdigit():
            by_section.setdefault(section_of(c), []).append(k)
    div_inc = np.zeros((len(divisions), len(codes)))
    sec_inc = np.zeros((len(divisions), len(codes)))
    for p, (own, section) in enumerate(zip(divisions, sections, strict=True)):
        for d in own.split(";"):
            if d in column:
                div_inc[p, column[d]] = 1.0
        if section in letters:
            sec_inc[p, column[section]] = 1.0
        else:
            sec_inc[p, by_section.get(section, [])] = 1.0
    return div_inc, sec_inc


def product_slq_matrix(
    regional: pd.DataFrame, national: pd.Series, correspondence: pd.DataFrame, regional_share: pd.Series
) -> tuple[pd.DataFrame, pd.Series]:
    """SLQ of every product in several regions at once, and where each came from.

    ``regional``: employees (persons), rows = regions, columns = OKVED 2 codes — two-digit divisions
    (``"29"``) and/or section letters (``"F"``); ``national``: the same codes, national employees
    (the sum over regions); ``correspondence``: ``no, okved2_divisions`` (``;``-separated),
    ``okved2_section``; ``regional_share``: ``E^r / E^n`` of each region (whole economy, 0–1).
    For product p with divisions D:

    ``SLQ_p = (Σ_{d∈D} E_d^r / Σ_{d∈D} E_d^n) / (E^r/E^n)`` — source ``division``;

    when the nation has no employment in D, the same ratio over p's section (its section row if the
    data have one, else the sum of its divisions) — ``section``; with no data for the section either,
    ``SLQ = 1`` (national structure assumed) — ``none``. Returns (regions × products SLQ, source by
    product).
    """
    share = regional_share.reindex(regional.index).to_numpy(dtype=float)
    if np.isnan(share).any() or (share <= 0).any() or (share > 1).any():
        raise ValueError("every region needs a regional share in (0, 1]")
    codes = [str(c) for c in national.index]
    nat = national.to_numpy(dtype=float)
    reg = regional.reindex(columns=national.index).fillna(0.0).to_numpy(dtype=float)
    div_inc, sec_inc = _incidence(
        tuple(codes), tuple(correspondence["okved2_divisions"]), tuple(correspondence["okved2_section"])
    )
    frame = correspondence.set_index("no")
    den_d, den_s = div_inc @ nat, sec_inc @ nat
    with np.errstate(divide="ignore", invalid="ignore"):
        by_division = (reg @ div_inc.T) / den_d
        by_section = (reg @ sec_inc.T) / den_s
    use_d, use_s = den_d > 0, den_s > 0
    ratio = np.where(use_d, by_division, np.where(use_s, by_section, share[:, np.newaxis]))
    slq_values = ratio / share[:, np.newaxis]
    source = pd.Series(
        np.where(use_d, "division", np.where(use_s, "section", "none")), index=frame.index, name="slq_source"
    )
    return pd.DataFrame(slq_values, index=regional.index, columns=frame.index), source


def product_slq(
    regional: pd.Series, national: pd.Series, correspondence: pd.DataFrame, regional_share: float
) -> pd.DataFrame:
    """:func:`product_slq_matrix` for one region: ``regional`` employees by OKVED 2 code (persons).

    Returns ``no`` (index), ``slq``, ``slq_source``.
    """
    if not 0.0 < regional_share <= 1.0:
        raise ValueError(f"regional share {regional_share} outside (0, 1]")
    row = regional.groupby(level=0).sum().to_frame().T
    row.index = ["region"]
    values, source = product_slq_matrix(
        row, national.groupby(level=0).sum(), correspondence, pd.Series({"region": regional_share})
    )
    return pd.DataFrame({"slq": values.iloc[0], "slq_source": source})
