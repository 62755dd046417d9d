"""Relatedness and economic complexity of regions and sectors (Hidalgo & Hausmann; Harvard Growth Lab).

Region × sector tables become dense matrices (regions × sectors, labels sorted); every measure is a
few matrix products. Formulas follow ``docs/metrics.md`` ("Relatedness and complexity"):

- RCA_rs = (x_rs / x_r) / (x_s / x); presence M_rs = 1 where RCA_rs ≥ threshold (binary, default
  threshold 1 — note ≥; the Stata package uses >), or M_rs = RCA / (1 + RCA) (continuous presence,
  Growth Lab Atlas 2026).
- Diversity k_r = Σ_s M_rs, ubiquity k_s = Σ_r M_rs.
- Proximity φ_st = Σ_r M_rs M_rt / max(k_s, k_t); diagonal 0 (Stata ``ecomplexity``, the Atlas) or 1
  (PyPI ``ecomplexity`` 0.5.3).
- Density ω_rs = Σ_t M_rt φ_st / Σ_t φ_st (0–1); distance = 1 − density.
- ECI/PCI from the eigenvector of the second largest eigenvalue of M̃ = (M / k_s)ᵀ (M / k_r), signed so
  that ECI correlates positively with diversity, standardised with the mean and sd of the region
  vector (so that ECI is the mean PCI of the region's M = 1 sectors).
- COI_r = Σ_s ω_rs (1 − M_rs) PCI_s, standardised; COG_rs = (1 − M_rs) Σ_t (1 − M_rt) φ_st PCI_t / Σ_u φ_tu,
  divided by the sd of the region vector (as both Growth Lab packages do; the PCI inside COI and COG
  is the raw, signed eigenvector).

Standard deviation conventions (``sd``): ``"stata"`` — over the long region × sector table, ddof 1
(Stata ``ecomplexity`` runs ``summarize`` on the long data); ``"numpy"`` — over regions, ddof 0 (PyPI
``ecomplexity`` 0.5.3). ``diagonal=1, sd="numpy"`` reproduces the PyPI package (tested to 1e-9).

The eigenvector is computed from the symmetric form D_r^-½ M D_s^-1 Mᵀ D_r^-½ (or its sector-side twin,
whichever is smaller) with :func:`numpy.linalg.eigh`: the same vector as the package's
``np.linalg.eig`` on M̃, without a 2,000 × 2,000 non-symmetric eigenproblem.

Compute over all regions together: one region carved out of the national table breaks these measures.

Plausibility (:func:`complexity_plausibility`): ECI and PCI rank regions by the *variety* of what they
do; on a coarse product space — fewer than :data:`PLAUSIBILITY_MIN_SECTORS` sectors, or sectors of a
single OKVED section (the 24 manufacturing divisions are both) — one or two divisions decide a region's
rank and the ranking says little (a region specialised in a few large divisions, e.g. Kaluga in motor
vehicles, comes out near the bottom). The function returns notes with a code for the page to show.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np
import pandas as pd

from analytics.metrics._panel import (
    Matrix,
    as_list,
    divide,
    region_groups,
    require_columns,
    single_threaded_blas,
    to_float,
    to_matrix,
    warn,
)

#: Below this many sectors ECI/PCI are shown with a plausibility note (a method rule of thumb, not a
#: published threshold: the Atlas and Hidalgo & Hausmann (2009) rank on hundreds of products).
PLAUSIBILITY_MIN_SECTORS = 50

Presence = Literal["binary", "continuous"]
SdConvention = Literal["stata", "numpy"]
Benchmark = pd.DataFrame | Mapping[str, str] | pd.Series | None


@dataclass(frozen=True)
class PlausibilityNote:
    """Why ECI/PCI of a computation deserve caution: ``code`` (``few_sectors`` or ``single_section``)
    and the numbers the message needs (``params``)."""

    code: Literal["few_sectors", "single_section"]
    params: dict


def complexity_plausibility(
    sectors: Sequence[str] | pd.Series, sections: Sequence[str | None] | pd.Series
) -> tuple[PlausibilityNote, ...]:
    """Notes on ECI/PCI computed over ``sectors`` (codes, duplicates ignored) whose OKVED sections are
    ``sections`` (one per sector, same order; None when unknown):

    - ``few_sectors`` when the distinct sectors are fewer than :data:`PLAUSIBILITY_MIN_SECTORS`
      (``params``: ``sectors``, ``minimum``) — 49 gets the note, 50 does not;
    - ``single_section`` when the known sections are one and the same (``params``: ``section``).

    Empty tuple: no reason for caution found."""
    frame = pd.DataFrame({"sector": list(sectors), "section": list(sections)}).drop_duplicates("sector")
    notes: list[PlausibilityNote] = []
    n = len(frame)
    if n < PLAUSIBILITY_MIN_SECTORS:
        notes.append(PlausibilityNote("few_sectors", {"sectors": n, "minimum": PLAUSIBILITY_MIN_SECTORS}))
    known = frame["section"].dropna().unique()
    if len(known) == 1:
        notes.append(PlausibilityNote("single_section", {"section": str(known[0])}))
    return tuple(notes)


#: Atlas of Economic Complexity weights (distance, PCI, COG) for the opportunity score.
OPPORTUNITY_PRESETS: dict[str, tuple[float, float, float]] = {
    "low_hanging_fruit": (0.60, 0.15, 0.25),
    "balanced": (0.50, 0.15, 0.35),
    "long_jump": (0.45, 0.20, 0.35),
}

_DISCONNECTED = 1.0 - 1e-9


@dataclass(frozen=True)
class _Complexity:
    """Matrices of one cross-section (regions × sectors unless said otherwise)."""

    matrix: Matrix
    rca: np.ndarray
    m: np.ndarray
    diversity: np.ndarray  # regions
    ubiquity: np.ndarray  # sectors
    proximity: np.ndarray  # sectors × sectors
    density: np.ndarray
    eci: np.ndarray  # regions
    pci: np.ndarray  # sectors
    coi: np.ndarray  # regions
    cog: np.ndarray


# --------------------------------------------------------------------------------------------------
# Matrix steps
# --------------------------------------------------------------------------------------------------


def _cross_section(df: pd.DataFrame, *, region: str, sector: str, value: str) -> Matrix:
    """Dense matrix with regions and sectors of zero total dropped (with a warning)."""
    require_columns(df, [region, sector, value])
    mat = to_matrix(df, region=region, sector=sector, value=value)
    x = mat.values
    if (x < 0).any():
        raise ValueError(f"column {value!r} has negative values; RCA needs x ≥ 0")
    keep_r, keep_s = x.sum(axis=1) > 0, x.sum(axis=0) > 0
    for kind, labels, keep in (("regions", mat.regions, keep_r), ("sectors", mat.sectors, keep_s)):
        if not keep.all():
            dropped = [str(v) for v in labels[~keep]]
            warn(f"{kind} with a zero total dropped from the complexity measures: {dropped}")
    return Matrix(mat.regions[keep_r], mat.sectors[keep_s], x[np.ix_(keep_r, keep_s)])


def _benchmark_denominator(mat: Matrix, benchmark: Benchmark, *, sector: str, value: str) -> np.ndarray:
    """x_s / x of the benchmark: 1 × sectors, or regions × sectors for peer groups."""
    x = mat.values
    if benchmark is None:
        # the PyPI package's operation order, so that RCA (and M at the threshold) match it bit for bit
        loc_total = x.sum(axis=0)[np.newaxis, :]
        return loc_total / loc_total.sum(axis=1)[:, np.newaxis]
    if isinstance(benchmark, pd.DataFrame):
        require_columns(benchmark, [sector, value], what="benchmark")
        totals = pd.Series(to_float(benchmark[value], name=value), index=benchmark[sector].to_numpy())
        totals = totals.groupby(level=0).sum(min_count=1)
        shares = totals / totals.sum()
        return shares.reindex(mat.sectors).fillna(0.0).to_numpy(dtype="float64")[np.newaxis, :]
    if isinstance(benchmark, (Mapping, pd.Series)):
        groups = region_groups(mat.regions, benchmark)
        if groups.isna().any():
            warn(f"regions without a peer group get RCA NaN: {[str(r) for r in mat.regions[groups.isna().to_numpy()]]}")
        codes, _ = pd.factorize(groups)
        n_groups = codes.max() + 1 if len(codes) else 0
        group_x = np.zeros((max(n_groups, 1), x.shape[1]))
        np.add.at(group_x, codes[codes >= 0], x[codes >= 0])
        shares = divide(group_x, group_x.sum(axis=1)[:, np.newaxis])
        den = shares[np.where(codes < 0, 0, codes)]
        den[codes < 0] = np.nan
        return den
    raise TypeError("benchmark must be None, a DataFrame of sector totals or a region → group mapping")


def _rca(x: np.ndarray, den: np.ndarray) -> np.ndarray:
    with np.errstate(divide="ignore", invalid="ignore"):
        rca = (x / x.sum(axis=1)[:, np.newaxis]) / den
    rca[~np.isfinite(rca)] = np.nan
    return rca


def _presence(rca: np.ndarray, *, threshold: float, presence: Presence) -> np.ndarray:
    filled = np.nan_to_num(rca, nan=0.0)
    if presence == "binary":
        return (filled >= threshold).astype("float64")
    if presence == "continuous":
        return filled / (1.0 + filled)
    raise ValueError(f"presence must be 'binary' or 'continuous', not {presence!r}")


def _proximity(m: np.ndarray, ubiquity: np.ndarray, *, diagonal: float) -> np.ndarray:
    co = m.T @ m
    phi = divide(co, np.maximum(ubiquity[:, np.newaxis], ubiquity[np.newaxis, :]))
    phi = np.nan_to_num(phi, nan=0.0)  # no sector present anywhere: no shared presence, proximity 0
    phi = np.minimum(phi, phi.T)  # exactly symmetric even when M is continuous
    np.fill_diagonal(phi, diagonal)
    return phi


def _density(m: np.ndarray, phi: np.ndarray) -> np.ndarray:
    den = phi.sum(axis=1)[np.newaxis, :]
    return m @ divide(phi.T, den)


def _eigenvectors(m: np.ndarray, diversity: np.ndarray, ubiquity: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Raw signed region (k_r) and sector (k_s) vectors; NaN for regions/sectors with no presence."""
    kc, kp = np.full(m.shape[0], np.nan), np.full(m.shape[1], np.nan)
    rows, cols = diversity > 0, ubiquity > 0
    if rows.sum() < 2 or cols.sum() < 2:
        warn("fewer than two regions or sectors with presence: ECI and PCI are undefined (NaN)")
        return kc, kp
    mv = m[np.ix_(rows, cols)]
    kr, ks = diversity[rows], ubiquity[cols]
    a = mv / np.sqrt(kr)[:, np.newaxis] / np.sqrt(ks)[np.newaxis, :]
    # M̃ = D_s^-1 Mᵀ D_r^-1 M is similar to aᵀa; its region twin D_r^-1 M D_s^-1 Mᵀ to a aᵀ: solve the
    # smaller symmetric problem and map the vector to the sector side.
    if a.shape[0] <= a.shape[1]:
        values, vectors = np.linalg.eigh(a @ a.T)
        kp_valid = (mv.T @ (vectors[:, -2] / np.sqrt(kr))) / ks
    else:
        values, vectors = np.linalg.eigh(a.T @ a)
        kp_valid = vectors[:, -2] / np.sqrt(ks)
    if values[-2] > _DISCONNECTED:
        warn("the region–sector network falls apart into disconnected groups: ECI/PCI are not unique")
    kc_valid = (mv / kr[:, np.newaxis]) @ kp_valid
    with np.errstate(invalid="ignore", divide="ignore"):
        corr = np.corrcoef(kr, kc_valid)[0, 1]
    if corr < 0:
        kc_valid, kp_valid = -kc_valid, -kp_valid
    kc[rows], kp[cols] = kc_valid, kp_valid
    return kc, kp


def _spread(v: np.ndarray, *, n_sectors: int, sd: SdConvention) -> tuple[float, float]:
    """Mean and standard deviation of a region vector under the ``sd`` convention."""
    valid = v[~np.isnan(v)]
    if len(valid) == 0:
        return np.nan, np.nan
    mean = valid.mean()
    if sd == "numpy":
        return mean, valid.std()
    if sd == "stata":
        n = len(valid) * n_sectors  # each region value repeats once per sector in the long table
        return mean, float(np.sqrt(((valid - mean) ** 2).sum() * n_sectors / (n - 1))) if n > 1 else np.nan
    raise ValueError(f"sd must be 'stata' or 'numpy', not {sd!r}")


def _complexity(
    mat: Matrix,
    *,
    benchmark: Benchmark,
    sector: str,
    value: str,
    threshold: float,
    presence: Presence,
    diagonal: float,
    sd: SdConvention,
) -> _Complexity:
    if sd not in ("stata", "numpy"):
        raise ValueError(f"sd must be 'stata' or 'numpy', not {sd!r}")
    rca = _rca(mat.values, _benchmark_denominator(mat, benchmark, sector=sector, value=value))
    m = _presence(rca, threshold=threshold, presence=presence)
    diversity, ubiquity = m.sum(axis=1), m.sum(axis=0)
    phi = _proximity(m, ubiquity, diagonal=diagonal)
    density = _density(m, phi)
    kc, kp = _eigenvectors(m, diversity, ubiquity)
    n_sectors = m.shape[1]
    mean, spread = _spread(kc, n_sectors=n_sectors, sd=sd)
    if not spread > 0:
        warn("ECI has no spread (all regions alike): ECI, PCI and COG are NaN")
        spread = np.nan
    # Sectors without presence have no PCI: they drop out of the COI and COG sums.
    kp0 = np.nan_to_num(kp, nan=0.0)
    absent = 1.0 - m
    coi_raw = np.nan_to_num(density * absent * kp0[np.newaxis, :]).sum(axis=1)
    coi_raw[np.isnan(kc)] = np.nan  # a region with no presence has no ECI, and no COI either
    weights = np.nan_to_num(phi * divide(kp0, phi.sum(axis=1))[:, np.newaxis])
    cog = absent * (absent @ weights) / spread
    coi_mean, coi_spread = _spread(coi_raw, n_sectors=n_sectors, sd=sd)
    return _Complexity(
        matrix=mat,
        rca=rca,
        m=m,
        diversity=diversity,
        ubiquity=ubiquity,
        proximity=phi,
        density=density,
        eci=(kc - mean) / spread,
        pci=(kp - mean) / spread,
        coi=divide(coi_raw - coi_mean, np.full_like(coi_raw, coi_spread)),
        cog=cog,
    )


def _groups(df: pd.DataFrame, keys: list[str]):
    """(key values, sub-frame) per group; one group with no keys."""
    if not keys:
        yield {}, df
        return
    for values, sub in df.groupby(keys, sort=True, dropna=False):
        yield dict(zip(keys, values)), sub


def _check_presence(presence: str) -> None:
    if presence not in ("binary", "continuous"):
        raise ValueError(f"presence must be 'binary' or 'continuous', not {presence!r}")


# --------------------------------------------------------------------------------------------------
# Public functions
# --------------------------------------------------------------------------------------------------


def proximity(
    df: pd.DataFrame,
    *,
    region: str = "region",
    sector: str = "sector",
    value: str = "value",
    diagonal: float = 0,
    threshold: float = 1.0,
    presence: Presence = "binary",
    benchmark: Benchmark = None,
    by: str | Sequence[str] | None = None,
) -> pd.DataFrame:
    """Sector-to-sector proximity as a long table: ``sector_1``, ``sector_2``, ``proximity``.

    φ_st = Σ_r M_rs M_rt / max(k_s, k_t), the minimum of the two conditional probabilities of being
    present in one sector given the other (Hidalgo, Klinger, Barabási & Hausmann 2007); 0–1,
    symmetric, every ordered pair including s = t, whose value is ``diagonal`` (0: Stata package and
    Atlas; 1: PyPI ``ecomplexity``). Presence as in :func:`economic_complexity`; ``by`` computes one
    matrix per group (e.g. ``"year"``). Sectors present nowhere have proximity 0 to every other.
    """
    _check_presence(presence)
    keys = as_list(by)
    require_columns(df, [*keys, region, sector, value])
    frames = []
    for key_values, sub in _groups(df, keys):
        mat = _cross_section(sub, region=region, sector=sector, value=value)
        rca = _rca(mat.values, _benchmark_denominator(mat, benchmark, sector=sector, value=value))
        m = _presence(rca, threshold=threshold, presence=presence)
        with single_threaded_blas():
            phi = _proximity(m, m.sum(axis=0), diagonal=diagonal)
        n = len(mat.sectors)
        idx = np.arange(n)
        frame = pd.DataFrame(
            {
                "sector_1": mat.sectors.take(np.repeat(idx, n)),
                "sector_2": mat.sectors.take(np.tile(idx, n)),
                "proximity": phi.ravel(),
            }
        )
        frames.append(frame.assign(**key_values)[[*keys, "sector_1", "sector_2", "proximity"]])
    return pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]


def economic_complexity(
    df: pd.DataFrame,
    *,
    region: str = "region",
    sector: str = "sector",
    value: str = "value",
    diagonal: float = 0,
    sd: SdConvention = "stata",
    threshold: float = 1.0,
    presence: Presence = "binary",
    benchmark: Benchmark = None,
    by: str | Sequence[str] | None = None,
) -> pd.DataFrame:
    """One row per region × sector with ``rca``, ``m``, ``diversity``, ``ubiquity``, ``density``,
    ``eci``, ``pci``, ``coi``, ``cog`` (and the summed ``value``).

    Formulas and the two standard-deviation conventions are in the module docstring; defaults follow
    the Growth Lab's Stata ``ecomplexity`` (proximity diagonal 0, ``sd="stata"``: ECI/PCI standardised
    by the sd of the region vector over the long region × sector table, ddof 1) except that presence
    is RCA ≥ ``threshold`` (docs/metrics.md), where Stata tests RCA > threshold. ``diagonal=1, sd="numpy"``
    reproduces the PyPI ``ecomplexity`` 0.5.3 package.

    - ``presence="continuous"`` uses M = RCA / (1 + RCA) (``threshold`` is then unused).
    - ``benchmark`` as in :func:`analytics.metrics.specialization.location_quotient` (national totals over
      ``df`` by default; a sector-totals frame; or a region → peer-group mapping).
    - ``by``: one cross-section per group (e.g. ``"year"``); otherwise duplicated region × sector rows
      (several years!) are summed.
    - Regions or sectors whose total is 0 are dropped with a :class:`DataWarning`; NaN values count
      as 0 (with a warning); negative values are an error. Regions with no presence get NaN ECI/COI
      and sectors with none NaN PCI; density is NaN for a sector with no proximity to any other.

    Units: ``rca`` dimensionless; ``m`` 0/1 (binary) or 0–1; ``diversity``, ``ubiquity`` counts (sums
    of M); ``density`` 0–1; ``eci``, ``pci``, ``coi`` standardised scores; ``cog`` in ECI sd units.
    """
    _check_presence(presence)
    keys = as_list(by)
    require_columns(df, [*keys, region, sector, value])
    frames = []
    for key_values, sub in _groups(df, keys):
        mat = _cross_section(sub, region=region, sector=sector, value=value)
        with single_threaded_blas():
            c = _complexity(
                mat,
                benchmark=benchmark,
                sector=sector,
                value=value,
                threshold=threshold,
                presence=presence,
                diagonal=diagonal,
                sd=sd,
            )
        frames.append(_long(c, region=region, sector=sector, value=value, presence=presence).assign(**key_values))
    out = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
    return out[[*keys, *[c for c in out.columns if c not in keys]]]


def _long(c: _Complexity, *, region: str, sector: str, value: str, presence: Presence) -> pd.DataFrame:
    n_r, n_s = c.m.shape
    r_idx, s_idx = np.repeat(np.arange(n_r), n_s), np.tile(np.arange(n_s), n_r)
    counts = "int64" if presence == "binary" else "float64"
    return pd.DataFrame(
        {
            region: c.matrix.regions.take(r_idx),
            sector: c.matrix.sectors.take(s_idx),
            value: c.matrix.values.ravel(),
            "rca": c.rca.ravel(),
            "m": c.m.ravel().astype(counts),
            "diversity": c.diversity[r_idx].astype(counts),
            "ubiquity": c.ubiquity[s_idx].astype(counts),
            "density": c.density.ravel(),
            "eci": c.eci[r_idx],
            "pci": c.pci[s_idx],
            "coi": c.coi[r_idx],
            "cog": c.cog.ravel(),
        }
    )


def _zscore(frame: pd.DataFrame, column: str, groups: list[str]) -> np.ndarray:
    """z within each group (ddof 0); 0 where the group has no spread, NaN where the value is NaN."""
    grouped = frame.groupby(groups, sort=False, dropna=False)[column]
    mean, std = grouped.transform("mean").to_numpy(), grouped.transform("std", ddof=0).to_numpy()
    x = frame[column].to_numpy(dtype="float64", na_value=np.nan)
    z = divide(x - mean, std)
    return np.where(np.isnan(z) & ~np.isnan(x), 0.0, z)


def _weights(weights: tuple[float, float, float] | str) -> tuple[float, float, float]:
    if isinstance(weights, str):
        if weights not in OPPORTUNITY_PRESETS:
            raise ValueError(f"unknown preset {weights!r}; presets: {sorted(OPPORTUNITY_PRESETS)}")
        return OPPORTUNITY_PRESETS[weights]
    if len(weights) != 3:
        raise ValueError("weights are three numbers: (distance, PCI, COG)")
    return tuple(float(w) for w in weights)


def score_opportunities(
    table: pd.DataFrame,
    *,
    region: str = "region",
    sector: str = "sector",
    weights: tuple[float, float, float] | str = OPPORTUNITY_PRESETS["balanced"],
    threshold: float = 1.0,
    by: str | Sequence[str] | None = None,
) -> pd.DataFrame:
    """Opportunity scores from an :func:`economic_complexity` table (see :func:`opportunities`)."""
    w_d, w_c, w_g = _weights(weights)
    keys = as_list(by)
    groups = [*keys, region]
    candidates = table.loc[(table["rca"] < threshold).to_numpy()].copy()
    candidates["distance"] = 1.0 - candidates["density"]
    # z(−distance) = z(density − 1) = z(density): standardising ignores the shift
    candidates["z_density"] = _zscore(candidates, "density", groups)
    candidates["z_pci"] = _zscore(candidates, "pci", groups)
    candidates["z_cog"] = _zscore(candidates, "cog", groups)
    candidates["score"] = w_d * candidates["z_density"] + w_c * candidates["z_pci"] + w_g * candidates["z_cog"]
    candidates = candidates.sort_values(
        [*groups, "score", sector], ascending=[True] * len(groups) + [False, True], na_position="last"
    )
    candidates["rank"] = candidates.groupby(groups, sort=False, dropna=False).cumcount() + 1
    candidates.loc[candidates["score"].isna(), "rank"] = pd.NA
    columns = [
        *groups,
        sector,
        "rca",
        "density",
        "distance",
        "pci",
        "cog",
        "z_density",
        "z_pci",
        "z_cog",
        "score",
        "rank",
    ]
    return candidates[columns].astype({"rank": "Int64"}).reset_index(drop=True)


def opportunities(
    df: pd.DataFrame,
    *,
    region: str = "region",
    sector: str = "sector",
    value: str = "value",
    focus: str | Sequence[str] | None = None,
    weights: tuple[float, float, float] | str = OPPORTUNITY_PRESETS["balanced"],
    threshold: float = 1.0,
    presence: Presence = "binary",
    diagonal: float = 0,
    sd: SdConvention = "stata",
    benchmark: Benchmark = None,
    by: str | Sequence[str] | None = None,
) -> pd.DataFrame:
    """Sectors a region does not yet specialise in (RCA < ``threshold``), scored for diversification.

    score = w_d·z(−distance) + w_c·z(PCI) + w_g·z(COG) (Atlas of Economic Complexity, "growth
    opportunities"), with z-scores taken within each region's candidate sectors (ddof 0; a measure
    with no spread contributes 0). ``weights`` = (w_d, w_c, w_g) or a preset name from
    :data:`OPPORTUNITY_PRESETS`: ``"low_hanging_fruit"`` 60/15/25, ``"balanced"`` 50/15/35 (default),
    ``"long_jump"`` 45/20/35. Complexity is computed over all regions of ``df`` (see
    :func:`economic_complexity` for the other options); ``focus`` keeps only these region codes.

    Returns [by], ``region``, ``sector``, ``rca``, ``density``, ``distance``, ``pci``, ``cog``,
    ``z_density`` (= z(−distance)), ``z_pci``, ``z_cog``, ``score``, ``rank`` (1 = best within the
    region; missing when a measure is NaN), sorted by region and rank.
    """
    _weights(weights)
    table = economic_complexity(
        df,
        region=region,
        sector=sector,
        value=value,
        diagonal=diagonal,
        sd=sd,
        threshold=threshold,
        presence=presence,
        benchmark=benchmark,
        by=by,
    )
    if focus is not None:
        table = table.loc[table[region].isin(as_list(focus)).to_numpy()]
    return score_opportunities(table, region=region, sector=sector, weights=weights, threshold=threshold, by=by)
