"""Specialisation and structure of regional economies.

Every function takes a *long* table — one row per region × sector [× year] — with the column names
given as keyword arguments, and returns a new DataFrame; nothing loops over rows in Python.
Formulas follow ``docs/metrics.md`` (the project's reference); x_rs is the value (employees, revenue,
wage fund …) of region r in sector s, x_r, x_s and x its totals over the benchmark population.

Shared conventions (see :mod:`analytics.metrics._panel`):

- Region × sector duplicates are summed, so enterprise-level rows can be passed as they are.
- A region × sector that is absent from the table is 0. A NaN value is *unknown*; each function says
  what it does with it.
- Zero totals give NaN, never an exception and never ``inf``. Data problems the code works around are
  reported as :class:`DataWarning`.
- The benchmark population is explicit: by default all regions in ``df`` ("Russia" when the table
  holds every region); or a frame of sector totals; or a mapping region → peer group (e.g. federal
  district) so that each region is compared with its own group.

Relatedness and complexity (proximity, ECI/PCI, opportunities) live in :mod:`analytics.metrics.complexity`,
the robustness check in :mod:`analytics.metrics.robustness`; both are re-exported here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np
import pandas as pd

from analytics.metrics._panel import (
    DataWarning,
    as_list,
    divide,
    first_rows,
    group_codes,
    group_sum,
    region_groups,
    require_columns,
    take,
    to_float,
    warn,
)
from analytics.metrics.complexity import (
    OPPORTUNITY_PRESETS,
    economic_complexity,
    opportunities,
    proximity,
)
from analytics.metrics.robustness import Robustness, RobustnessSummary, robustness

__all__ = [
    "DataWarning",
    "OPPORTUNITY_PRESETS",
    "QUADRANTS",
    "Robustness",
    "RobustnessSummary",
    "concentration",
    "economic_complexity",
    "growth",
    "location_quotient",
    "opportunities",
    "proximity",
    "robustness",
    "shift_share",
    "strong_clusters",
    "structure_indices",
]

#: Purdue quadrant labels: LQ ≥ 1 or < 1 × LQ rising or not (Star, Mature, Emerging, Transforming).
QUADRANTS = ("Star", "Mature", "Emerging", "Transforming")

#: US Cluster Mapping thresholds: LQ percentile (normal, strict) and size percentile.
STRONG_CLUSTER_LQ_PERCENTILE = 0.75
STRONG_CLUSTER_LQ_PERCENTILE_STRICT = 0.90
STRONG_CLUSTER_SIZE_PERCENTILE = 0.25

Benchmark = pd.DataFrame | Mapping[str, str] | pd.Series | None
ShiftShareMethod = Literal["dunn", "esteban-marquillas", "dynamic"]


# --------------------------------------------------------------------------------------------------
# Shares against a benchmark (shared by LQ and the structure indices)
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Shares:
    row_pair: np.ndarray  # pair code of every input row (−1 where a key is missing)
    pairs: pd.DataFrame  # keys + region + sector, one row per pair, in order of appearance
    x: np.ndarray  # x_rs; NaN if any of the pair's rows is NaN
    region_code: np.ndarray  # per pair: code of (keys, region)
    n_regions: int
    region_total: np.ndarray  # per pair: x_r, NaN values counted as 0
    share: np.ndarray  # per pair: x_rs / x_r
    benchmark_share: np.ndarray  # per pair: x_s / x in the benchmark (0 if the benchmark lacks s)


def _shares(
    df: pd.DataFrame, *, region: str, sector: str, value: str, benchmark: Benchmark, keys: list[str]
) -> _Shares:
    require_columns(df, [*keys, region, sector, value])
    x_rows = to_float(df[value], name=value)
    row_pair, n_pairs = group_codes(df, [*keys, region, sector])
    unknown_rows = np.isnan(x_rows)
    x_known = np.where(unknown_rows, 0.0, x_rows)
    x = group_sum(row_pair, n_pairs, x_known)
    x[group_sum(row_pair, n_pairs, unknown_rows.astype("float64")) > 0] = np.nan
    pairs = df[[*keys, region, sector]].iloc[first_rows(row_pair, n_pairs)].reset_index(drop=True)
    x0 = np.nan_to_num(x)

    region_code, n_regions = group_codes(pairs, [*keys, region])
    region_total = take(group_sum(region_code, n_regions, x0), region_code)
    share = divide(x0, region_total)

    if benchmark is None:
        benchmark_share = _share_within(pairs, x0, [*keys, sector], keys)
    elif isinstance(benchmark, pd.DataFrame):
        benchmark_share = _share_from_frame(pairs, benchmark, sector=sector, value=value, keys=keys)
    elif isinstance(benchmark, (Mapping, pd.Series)):
        peer = "\x00peer_group"
        groups = region_groups(pairs[region], benchmark)
        unknown = pairs.loc[groups.isna().to_numpy(), region].unique()
        if len(unknown):
            warn(f"regions without a peer group get NaN: {sorted(map(str, unknown))}")
        with_group = pairs[[*keys, sector]].assign(**{peer: groups.to_numpy()})
        benchmark_share = _share_within(with_group, x0, [*keys, peer, sector], [*keys, peer])
    else:
        raise TypeError("benchmark must be None, a DataFrame of sector totals or a region → group mapping")
    return _Shares(row_pair, pairs, x, region_code, n_regions, region_total, share, benchmark_share)


def _share_within(frame: pd.DataFrame, x: np.ndarray, part: list[str], whole: list[str]) -> np.ndarray:
    part_code, n_part = group_codes(frame, part)
    whole_code, n_whole = group_codes(frame, whole)
    return divide(take(group_sum(part_code, n_part, x), part_code), take(group_sum(whole_code, n_whole, x), whole_code))


def _share_from_frame(
    pairs: pd.DataFrame, benchmark: pd.DataFrame, *, sector: str, value: str, keys: list[str]
) -> np.ndarray:
    """x_s / x from a frame of sector totals; key columns it lacks mean "the same for every group"."""
    require_columns(benchmark, [sector, value], what="benchmark")
    bkeys = [k for k in keys if k in benchmark.columns]
    b = benchmark[[*bkeys, sector]].assign(_v=to_float(benchmark[value], name=value))
    per_sector = b.groupby([*bkeys, sector], sort=False, dropna=False)["_v"].sum(min_count=1)
    per_sector = per_sector.rename("_b").reset_index()
    if bkeys:
        totals = per_sector.groupby(bkeys, sort=False, dropna=False)["_b"].transform("sum")
    else:
        totals = pd.Series(per_sector["_b"].sum(), index=per_sector.index)
    per_sector["_b"] = divide(per_sector["_b"].to_numpy(), totals.to_numpy())
    merged = pairs[[*bkeys, sector]].merge(per_sector, on=[*bkeys, sector], how="left", sort=False, indicator=True)
    share = merged["_b"].to_numpy(dtype="float64", na_value=np.nan)
    # a sector the benchmark does not have has a benchmark share of 0 (its LQ is then NaN)
    absent = (merged["_merge"] == "left_only").to_numpy()
    return np.where(absent, 0.0, share)


# --------------------------------------------------------------------------------------------------
# Location quotient and structure
# --------------------------------------------------------------------------------------------------


def location_quotient(
    df: pd.DataFrame,
    *,
    region: str = "region",
    sector: str = "sector",
    value: str = "value",
    benchmark: Benchmark = None,
    by: str | Sequence[str] | None = None,
) -> pd.DataFrame:
    """The input rows plus ``lq``, the location quotient (Balassa's revealed comparative advantage).

    LQ_rs = (x_rs / x_r) / (x_s / x), dimensionless; > 1 means the region is more specialised in s than
    the benchmark. Reference: Balassa (1965); docs/metrics.md "LQ / RCA".

    - ``benchmark``: ``None`` — totals over all regions in ``df``; a DataFrame with ``sector`` and
      ``value`` columns (e.g. Russia's official totals; shares are taken over its own sectors, and
      ``by`` columns it lacks mean the same benchmark for every group); or a mapping region → peer
      group (e.g. federal district): each region is compared with its own group's totals.
    - ``by``: compute separately per value of these columns (e.g. ``"year"``).
    - Duplicated region × sector rows are summed and get the same LQ.
    - NaN values count as 0 in the totals and their region × sector gets NaN. Zero region, sector or
      benchmark totals, and sectors the benchmark does not have, give NaN.
    """
    keys = as_list(by)
    shares = _shares(df, region=region, sector=sector, value=value, benchmark=benchmark, keys=keys)
    lq = divide(shares.share, shares.benchmark_share)
    lq[np.isnan(shares.x)] = np.nan
    return df.assign(lq=take(lq, shares.row_pair))


def structure_indices(
    df: pd.DataFrame,
    *,
    region: str = "region",
    sector: str = "sector",
    value: str = "value",
    benchmark: Benchmark = None,
    by: str | Sequence[str] | None = None,
) -> pd.DataFrame:
    """Per region (× ``by``): how specialised and how diversified its economy is.

    With s_rs = x_rs / x_r (the sector's share of the region) and s_s = x_s / x (its benchmark share):

    - ``krugman`` = Σ_s |s_rs − s_s| over all sectors of region and benchmark, 0 (same structure as
      the benchmark) to 2 (nothing in common); halve it for the 0–1 scale. Krugman (1991).
    - ``hachman`` = 1 / Σ_s s_rs · LQ_rs, in (0, 1]; 1 = the benchmark's structure. Hachman (1994).
    - ``hhi`` = Σ_s s_rs², in (0, 1]; 1 = a single sector (Herfindahl-Hirschman).
    - ``entropy`` = −Σ_s s_rs log₂ s_rs, bits; 0 = one sector, log₂(n) = n equal sectors (Shannon).

    Also ``total`` (x_r) and ``sectors`` (sectors with x_rs > 0). ``benchmark`` and ``by`` as in
    :func:`location_quotient`. A region with a NaN value or a zero total gets NaN indices.
    """
    keys = as_list(by)
    sh = _shares(df, region=region, sector=sector, value=value, benchmark=benchmark, keys=keys)
    n, code = sh.n_regions, sh.region_code
    s, b = sh.share, sh.benchmark_share
    present = s > 0
    lq = divide(s, b)
    with np.errstate(divide="ignore", invalid="ignore"):
        entropy_terms = np.where(present, -s * np.log2(np.where(present, s, 1.0)), 0.0)
    hachman_terms = np.where(present, s * lq, 0.0)  # NaN where s > 0 but the benchmark lacks s
    unknown = group_sum(code, n, np.isnan(sh.x).astype("float64")) > 0
    out = sh.pairs.iloc[first_rows(code, n)][[*keys, region]].reset_index(drop=True)
    total = group_sum(code, n, np.nan_to_num(sh.x))
    krugman = group_sum(code, n, np.abs(s - b) - b) + _benchmark_mass(sh, code, n)
    columns = {
        "total": np.where(unknown, np.nan, total),
        "sectors": group_sum(code, n, (np.nan_to_num(sh.x) > 0).astype("float64")).astype("int64"),
        "krugman": krugman,
        "hachman": divide(1.0, group_sum(code, n, hachman_terms)),
        "hhi": group_sum(code, n, s**2),
        "entropy": group_sum(code, n, entropy_terms),
    }
    for name in ("krugman", "hachman", "hhi", "entropy"):
        columns[name] = np.where(unknown | ~(total > 0), np.nan, columns[name])
    return out.assign(**columns).sort_values([*keys, region], ignore_index=True)


def _benchmark_mass(sh: _Shares, code: np.ndarray, n: int) -> np.ndarray:
    """Σ_s s_s over the benchmark's sectors for each region: 1, or NaN if the benchmark is unknown."""
    # Every region's benchmark shares sum to 1 over the benchmark's own sectors; the pairs of the
    # region only see some of them, so the Krugman sum adds the rest as 1 − Σ_{s in region} s_s.
    known = group_sum(code, n, np.isnan(sh.benchmark_share).astype("float64")) == 0
    return np.where(known, 1.0, np.nan)


# --------------------------------------------------------------------------------------------------
# Growth and shift-share
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _YearMatrix:
    labels: pd.DataFrame  # region, sector of each pair (sorted)
    values: np.ndarray  # pairs × years; 0 where the row is absent, NaN where the value is NaN
    region_code: np.ndarray
    n_regions: int
    sector_code: np.ndarray
    sectors: pd.Index


def _year_matrix(df: pd.DataFrame, *, region: str, sector: str, year: str, value: str, years: list) -> _YearMatrix:
    sub = df.loc[df[year].isin(years).to_numpy()]
    pair, n = group_codes(sub, [region, sector])
    t = np.searchsorted(np.asarray(years), sub[year].to_numpy())
    x = to_float(sub[value], name=value)
    unknown = np.isnan(x)
    keep = pair >= 0
    flat = pair[keep] * len(years) + t[keep]
    size = n * len(years)
    values = np.bincount(flat, weights=np.where(unknown, 0.0, x)[keep], minlength=size)
    unknown_cells = np.bincount(flat, weights=unknown[keep].astype("float64"), minlength=size) > 0
    values = values.reshape(n, len(years))
    values[unknown_cells.reshape(n, len(years))] = np.nan
    labels = sub[[region, sector]].iloc[first_rows(pair, n)].reset_index(drop=True)
    order = labels.sort_values([region, sector]).index.to_numpy()
    labels = labels.iloc[order].reset_index(drop=True)
    values = values[order]
    region_code, n_regions = group_codes(labels, [region])
    sector_code, sectors = pd.factorize(labels[sector])
    return _YearMatrix(labels, values, region_code, n_regions, sector_code, pd.Index(sectors))


def _sector_sums(code: np.ndarray, n: int, values: np.ndarray) -> np.ndarray:
    """Column-wise group sums of a (pairs × k) matrix → (n × k)."""
    out = np.zeros((n, values.shape[1]))
    np.add.at(out, code, values)
    return out


def _benchmark_years(
    benchmark: pd.DataFrame, *, sector: str, year: str, value: str, sectors: pd.Index, years: list
) -> tuple[np.ndarray, np.ndarray]:
    """Sector totals (sectors × years, NaN where the benchmark lacks them) and grand totals per year."""
    require_columns(benchmark, [sector, year, value], what="benchmark")
    b = benchmark[[sector, year]].assign(_v=to_float(benchmark[value], name=value))
    b = b.loc[b[year].isin(years).to_numpy()]
    per_cell = b.groupby([sector, year], dropna=False)["_v"].sum(min_count=1)
    grid = per_cell.unstack(year).reindex(index=sectors, columns=years)
    totals = b.groupby(year)["_v"].sum().reindex(years)
    return grid.to_numpy(dtype="float64", na_value=np.nan), totals.to_numpy(dtype="float64", na_value=np.nan)


def _check_years(df: pd.DataFrame, year: str, start, end) -> list:
    years = sorted(pd.unique(df[year].dropna()))
    missing = [y for y in (start, end) if y not in years]
    if missing:
        raise ValueError(f"year(s) {missing} not in column {year!r} (it has {years})")
    if not start < end:
        raise ValueError(f"start ({start}) must be before end ({end})")
    return years


def _national(
    ym: _YearMatrix,
    x0: np.ndarray,
    x1: np.ndarray,
    valid: np.ndarray,
    benchmark: pd.DataFrame | None,
    path: list,
    *,
    sector: str,
    year: str,
    value: str,
):
    """Sector and national totals at the start and end of each step (sectors × steps, steps)."""
    if benchmark is None:
        a0, a1 = np.where(valid, x0, 0.0), np.where(valid, x1, 0.0)
        s0 = _sector_sums(ym.sector_code, len(ym.sectors), a0)
        s1 = _sector_sums(ym.sector_code, len(ym.sectors), a1)
        return s0, s1, a0.sum(axis=0), a1.sum(axis=0)
    grid, totals = _benchmark_years(benchmark, sector=sector, year=year, value=value, sectors=ym.sectors, years=path)
    return grid[:, :-1], grid[:, 1:], totals[:-1], totals[1:]


def shift_share(
    df: pd.DataFrame,
    *,
    region: str = "region",
    sector: str = "sector",
    year: str = "year",
    value: str = "value",
    start,
    end,
    method: ShiftShareMethod = "dunn",
    benchmark: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Shift-share decomposition of each region × sector's change from ``start`` to ``end``.

    With x⁰, x¹ the region × sector values, g = X¹/X⁰ − 1 the national growth of all sectors and
    g_s = X¹_s/X⁰_s − 1 the national growth of the sector (docs/metrics.md "Shift-share"):

    - ``"dunn"`` (Dunn 1960, classic): ``national_growth`` = x⁰·g, ``industry_mix`` = x⁰·(g_s − g),
      ``competitive`` = x⁰·(g_rs − g_s).
    - ``"esteban-marquillas"`` (1972): the competitive effect is split with the homothetic value
      x̂ = x⁰_r·X⁰_s/X⁰ into ``competitive`` = x̂·(g_rs − g_s) and ``allocation`` = (x⁰ − x̂)(g_rs − g_s).
    - ``"dynamic"`` (Barff & Knight 1988): the sum of the year-by-year Dunn decompositions over all
      years of ``df`` between ``start`` and ``end``, each with that year's national rates.

    ``change`` = x¹ − x⁰; the components sum to it to float precision (the last one is computed as
    the remainder). Units: those of ``value`` (e.g. persons).

    National totals are the sums over all regions in ``df`` (pass every region: one region carved out
    of the country breaks the measure), or from ``benchmark`` (columns ``sector``, ``year``,
    ``value``; its grand total over all its sectors gives g).

    Explicit edge cases: a region × sector absent in a year is 0. One new to the region (x⁰ = 0) has
    no growth rate: national and mix effects are 0 and its whole change is ``competitive``
    (``allocation`` 0). A NaN value makes the pair's components NaN in every step touching that year,
    and the pair is left out of that step's national totals. Zero national totals give NaN rates.
    """
    if method not in ("dunn", "esteban-marquillas", "dynamic"):
        raise ValueError(f"method must be 'dunn', 'esteban-marquillas' or 'dynamic', not {method!r}")
    require_columns(df, [region, sector, year, value])
    years = _check_years(df, year, start, end)
    path = [y for y in years if start <= y <= end] if method == "dynamic" else [start, end]
    ym = _year_matrix(df, region=region, sector=sector, year=year, value=value, years=path)
    x0, x1 = ym.values[:, :-1], ym.values[:, 1:]
    valid = ~np.isnan(x0) & ~np.isnan(x1)
    s0, s1, n0, n1 = _national(ym, x0, x1, valid, benchmark, path, sector=sector, year=year, value=value)
    g = divide(n1, n0) - 1.0
    g_s = (divide(s1, s0) - 1.0)[ym.sector_code]
    entrant = x0 == 0
    national_growth = np.where(entrant, 0.0, x0 * g)
    industry_mix = np.where(entrant, 0.0, x0 * (g_s - g))
    step_change = x1 - x0
    competitive = step_change - national_growth - industry_mix
    components = {"national_growth": national_growth, "industry_mix": industry_mix}
    if method == "esteban-marquillas":
        region_start = _sector_sums(ym.region_code, ym.n_regions, np.where(valid, x0, 0.0))
        homothetic = region_start[ym.region_code] * divide(s0, n0)[ym.sector_code]
        g_rs = divide(x1, x0) - 1.0
        em_competitive = np.where(entrant, competitive, homothetic * (g_rs - g_s))
        components["competitive"] = em_competitive
        components["allocation"] = competitive - em_competitive
    else:
        components["competitive"] = competitive
    out = ym.labels.assign(start_value=ym.values[:, 0], end_value=ym.values[:, -1])
    for name, steps in components.items():
        out[name] = np.where(valid, steps, np.nan).sum(axis=1)
    out["change"] = ym.values[:, -1] - ym.values[:, 0]
    return out


def _cagr(v0: np.ndarray, v1: np.ndarray, years: float) -> np.ndarray:
    ok = (v0 > 0) & (v1 >= 0)
    ratio = np.where(ok, divide(v1, v0), np.nan)
    return np.where(ok, np.power(np.where(ok, ratio, 1.0), 1.0 / years) - 1.0, np.nan)


def growth(
    df: pd.DataFrame,
    *,
    region: str = "region",
    sector: str = "sector",
    year: str = "year",
    value: str = "value",
    start,
    end,
    benchmark: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Compound annual growth of each region × sector, with the benchmark sector's beside it.

    CAGR = (v_end / v_start)^(1 / (end − start)) − 1, a share per year (0.05 = 5 %/yr);
    docs/metrics.md "Growth". ``benchmark_cagr`` is the same for the sector's total over all regions in
    ``df`` (or from ``benchmark``: columns ``sector``, ``year``, ``value``).

    Returns ``region``, ``sector``, ``start_value``, ``end_value``, ``cagr``, ``benchmark_cagr``.
    A region × sector absent in a year is 0; v_start = 0 (or negative values) gives NaN; a NaN value
    gives NaN and the pair is left out of the benchmark totals.
    """
    require_columns(df, [region, sector, year, value])
    _check_years(df, year, start, end)
    path = [start, end]
    ym = _year_matrix(df, region=region, sector=sector, year=year, value=value, years=path)
    x0, x1 = ym.values[:, :1], ym.values[:, 1:]
    valid = ~np.isnan(x0) & ~np.isnan(x1)
    s0, s1, _, _ = _national(ym, x0, x1, valid, benchmark, path, sector=sector, year=year, value=value)
    span = float(end - start)
    return ym.labels.assign(
        start_value=x0[:, 0],
        end_value=x1[:, 0],
        cagr=_cagr(x0[:, 0], x1[:, 0], span),
        benchmark_cagr=_cagr(s0[:, 0], s1[:, 0], span)[ym.sector_code],
    )


# --------------------------------------------------------------------------------------------------
# Concentration of firms within a sector
# --------------------------------------------------------------------------------------------------


def concentration(
    df: pd.DataFrame,
    *,
    sector: str = "sector",
    value: str = "value",
    firm: str | None = None,
    by: str | Sequence[str] | None = None,
) -> pd.DataFrame:
    """How concentrated each sector (× ``by``, e.g. region, year) is among its firms.

    From enterprise data: one row per firm (or several, summed, when ``firm`` names the firm id
    column, e.g. ``"inn"``). With share_i = v_i / Σ v of the sector:

    - ``firms``: firms with a known value; ``firms_missing``: firms whose value is NaN (left out);
    - ``total``: Σ v (units of ``value``);
    - ``hhi`` = Σ share_i², 0–1 (multiply by 10,000 for the antitrust scale);
    - ``top1_share``, ``top3_share``: shares of the largest and three largest firms (0–1).

    Negative values are an error. A sector whose known values sum to 0 gets NaN shares.
    """
    keys = [*as_list(by), sector]
    require_columns(df, [*keys, value, *([firm] if firm else [])])
    v = to_float(df[value], name=value)
    if (v < 0).any():
        raise ValueError(f"column {value!r} has negative values; concentration needs v ≥ 0")
    frame = df[keys + ([firm] if firm else [])].assign(_v=v)
    if firm:
        frame = frame.groupby([*keys, firm], sort=False, dropna=False)["_v"].sum(min_count=1).reset_index()
    unknown = frame["_v"].isna()
    counts = frame.assign(_known=~unknown, _missing=unknown).groupby(keys, dropna=False)[["_known", "_missing"]].sum()
    known = frame.loc[~unknown.to_numpy()].sort_values([*keys, "_v"], ascending=[True] * len(keys) + [False])
    grouped = known.groupby(keys, sort=False, dropna=False)["_v"]
    total = grouped.transform("sum").to_numpy()
    share = divide(known["_v"].to_numpy(), total)
    rank = grouped.cumcount().to_numpy()
    known = known.assign(
        _s2=share**2, _top1=np.where(rank < 1, share, 0.0), _top3=np.where(rank < 3, share, 0.0), _zero=np.isnan(share)
    )
    agg = known.groupby(keys, dropna=False).agg(
        total=("_v", "sum"),
        hhi=("_s2", "sum"),
        top1_share=("_top1", "sum"),
        top3_share=("_top3", "sum"),
        _zero=("_zero", "any"),
    )
    for name in ("hhi", "top1_share", "top3_share"):
        agg.loc[agg["_zero"], name] = np.nan
    out = counts.rename(columns={"_known": "firms", "_missing": "firms_missing"}).join(agg.drop(columns="_zero"))
    out["total"] = out["total"].fillna(0.0)
    return out.reset_index().astype({"firms": "int64", "firms_missing": "int64"})


# --------------------------------------------------------------------------------------------------
# Strong clusters and quadrants
# --------------------------------------------------------------------------------------------------


def strong_clusters(
    df: pd.DataFrame,
    *,
    region: str = "region",
    sector: str = "sector",
    employment: str = "employees",
    establishments: str | None = "establishments",
    year: str | None = None,
    start=None,
    end=None,
    strict: bool = False,
    benchmark: Benchmark = None,
) -> pd.DataFrame:
    """US Cluster Mapping "strong cluster" flags and Purdue quadrant labels per region × sector.

    Strong (Delgado, Porter & Stern; US Cluster Mapping): LQ ≥ the 75th percentile of the sector's LQ
    across regions (90th when ``strict``), and LQ ≥ 1, and employment > the 25th percentile, and
    establishments > the 25th percentile. Percentiles are over the regions with employment > 0 in the
    sector that year, linearly interpolated (``numpy.quantile``'s default). ``establishments=None``
    drops the establishment test (when no counts exist). LQ is computed on ``employment`` against
    ``benchmark`` (see :func:`location_quotient`).

    With ``year``, the rule is evaluated in ``end`` (default: the last year) and the quadrant compares
    LQ with ``start`` (default: the first year): Star (LQ ≥ 1, LQ rising), Mature (LQ ≥ 1, not rising),
    Emerging (LQ < 1, rising), Transforming (LQ < 1, not rising) — Purdue Center for Regional
    Development; docs/metrics.md. Without ``year`` (or with start = end) ``lq_change`` and ``quadrant`` are
    NaN / missing.

    Returns ``region``, ``sector``, [``year``], the ``employment`` and [``establishments``] columns
    (region × sector sums, in ``end``), ``lq``, ``lq_threshold``, ``employment_threshold``,
    [``establishments_threshold``], ``strong`` (bool), ``lq_start``, ``lq_change`` and ``quadrant``
    (one of :data:`QUADRANTS`). Unknown (NaN) employment is never strong.
    """
    measures = [employment] + ([establishments] if establishments else [])
    keys = [year] if year else []
    require_columns(df, [region, sector, *keys, *measures])
    if year:
        years = sorted(pd.unique(df[year].dropna()))
        end = years[-1] if end is None else end
        start = years[0] if start is None else start
        for y in (start, end):
            if y not in years:
                raise ValueError(f"year {y} not in column {year!r} (it has {', '.join(map(str, years))})")
    values = df[[*keys, region, sector]].assign(**{m: to_float(df[m], name=m) for m in measures})
    cells = values.groupby([*keys, region, sector], sort=True, dropna=False)[measures].sum(min_count=1).reset_index()
    cells = location_quotient(cells, region=region, sector=sector, value=employment, benchmark=benchmark, by=keys)
    now = cells.loc[(cells[year] == end).to_numpy()] if year else cells
    now = now.reset_index(drop=True)

    active = now.loc[(now[employment] > 0).to_numpy()]
    lq_pct = STRONG_CLUSTER_LQ_PERCENTILE_STRICT if strict else STRONG_CLUSTER_LQ_PERCENTILE
    per_sector = active.groupby(sector)
    thresholds = pd.DataFrame(
        {
            "lq_threshold": per_sector["lq"].quantile(lq_pct),
            "employment_threshold": per_sector[employment].quantile(STRONG_CLUSTER_SIZE_PERCENTILE),
        }
    )
    if establishments:
        thresholds["establishments_threshold"] = per_sector[establishments].quantile(STRONG_CLUSTER_SIZE_PERCENTILE)
    out = now.merge(thresholds, left_on=sector, right_index=True, how="left")
    strong = (
        (out[employment] > 0)
        & (out["lq"] >= out["lq_threshold"])
        & (out["lq"] >= 1)
        & (out[employment] > out["employment_threshold"])
    )
    if establishments:
        strong &= out[establishments] > out["establishments_threshold"]
    out["strong"] = strong.fillna(False).astype(bool)

    if year and start != end:
        before = cells.loc[(cells[year] == start).to_numpy(), [region, sector, "lq"]]
        out = out.merge(before.rename(columns={"lq": "lq_start"}), on=[region, sector], how="left")
    else:
        out["lq_start"] = np.nan
    out["lq_change"] = out["lq"] - out["lq_start"]
    out["quadrant"] = _quadrant(
        out["lq"].to_numpy(dtype="float64", na_value=np.nan),
        out["lq_change"].to_numpy(dtype="float64", na_value=np.nan),
    )
    return out.sort_values([region, sector], ignore_index=True)


def _quadrant(lq: np.ndarray, change: np.ndarray) -> pd.Series:
    star, mature, emerging, transforming = QUADRANTS
    high, rising = lq >= 1, change > 0
    label = np.where(high, np.where(rising, star, mature), np.where(rising, emerging, transforming))
    known = ~np.isnan(lq) & ~np.isnan(change)
    return pd.Series(np.where(known, label, None), dtype="str")
