"""The Sectors page's questions, answered from the store: a region's sector portfolio against a benchmark.

Reads ``region_sector_years`` (employees, revenue by region × OKVED × year) and hands long tables to
:mod:`analytics.metrics.specialization`, :mod:`analytics.metrics.complexity` and :mod:`analytics.metrics.robustness`.

Levels. ``division`` = the 24 manufacturing divisions 10–33 (OKVED 2 «классы» in Russian usage);
``class`` = the four-digit codes the store holds (OKVED 2 «группы»; the demo holds the cluster
templates' classes); ``group`` = three-digit codes (OKVED 2 «подгруппы»… «подклассы»), the sum of
the stored classes under each. At group and class level every division also gets a *residual*
sector ``"29*"`` = division − its listed codes, so that the region's total (x_r) is its whole
manufacturing and LQs are not inflated by a partial list; residual rows are marked ``residual`` and
never shown as sectors.

Benchmark. ``russia`` = all regions in the store; ``district`` = the regions of the region's own
federal district (each region is compared with its own district).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import duckdb
import numpy as np
import pandas as pd

from analytics.data import validate
from analytics.metrics import complexity
from analytics.metrics import specialization as spec
from analytics.queries.sectors import (  # noqa: F401  (re-exported: the Sectors page's public names)
    LEVELS,
    RESIDUAL,
    Level,
    cluster_names,
    districts,
    region_names,
    sector_labels,
    sector_panel,
    years_available,
)

Measure = Literal["employees", "revenue_mln_rub"]
BenchmarkName = Literal["russia", "district"]
MEASURES: tuple[str, ...] = ("employees", "revenue_mln_rub")
#: A sector is robustly in the top when it stays there in at least this share of variants.
ROBUST_SHARE = 0.75
#: Shift-share components in drawing order (``allocation`` only from Esteban-Marquillas).
SHIFT_SHARE_COMPONENTS: tuple[str, ...] = ("national_growth", "industry_mix", "competitive", "allocation")


def _benchmark_regions(
    panel: pd.DataFrame, region: str, benchmark: BenchmarkName, district_of: pd.Series | None
) -> pd.DataFrame:
    if benchmark == "russia":
        return panel
    if benchmark != "district":
        raise ValueError(f"benchmark must be 'russia' or 'district', not {benchmark!r}")
    if district_of is None or region not in district_of.index:
        raise ValueError("the district benchmark needs the region's federal district")
    peers = district_of.index[district_of == district_of[region]]
    return panel[panel["region"].isin(peers)]


@dataclass(frozen=True)
class PortfolioSettings:
    """What the Sectors page asks for."""

    region: str = "40"
    start: int = 2016
    end: int = 2023
    measure: Measure = "employees"
    benchmark: BenchmarkName = "russia"

    def __post_init__(self) -> None:
        if self.measure not in MEASURES:
            raise ValueError(f"measure must be one of {MEASURES}, not {self.measure!r}")
        if self.start >= self.end:
            raise ValueError(f"start year {self.start} must be before end year {self.end}")


def portfolio(panel: pd.DataFrame, settings: PortfolioSettings, district_of: pd.Series | None = None) -> pd.DataFrame:
    """One row per sector of ``settings.region``: the bubble chart and the metrics table.

    Columns: ``sector``, ``value`` (measure in the end year), ``employees`` (end year, persons),
    ``share`` (of the region's manufacturing, 0–1), ``lq`` and ``lq_start`` (vs the benchmark),
    ``cagr`` and ``benchmark_cagr`` (per year, shares), ``relative_growth`` = cagr − benchmark_cagr
    (percentage points / 100), ``quadrant`` (Star / Mature / Emerging / Transforming: LQ ≥ 1 or not ×
    LQ rising or not), ``strong`` (US Cluster Mapping rule on employment in the end year).
    Residual sectors are dropped; sectors with no value in the end year are dropped.
    """
    s = settings
    pool = _benchmark_regions(panel, s.region, s.benchmark, district_of)
    pool = pool[pool["year"].isin([s.start, s.end])]
    value = s.measure
    lq = spec.location_quotient(pool, region="region", sector="sector", value=value, by="year")
    mine = lq[lq["region"] == s.region]
    end_rows = mine[mine["year"] == s.end].set_index("sector")
    start_rows = mine[mine["year"] == s.start].set_index("sector")
    grown = spec.growth(pool, region="region", sector="sector", year="year", value=value, start=s.start, end=s.end)
    grown = grown[grown["region"] == s.region].set_index("sector")
    strong = spec.strong_clusters(
        pool[pool["year"] == s.end],
        region="region",
        sector="sector",
        employment="employees",
        establishments="establishments",
    )
    strong = strong[strong["region"] == s.region].set_index("sector")

    out = pd.DataFrame(index=end_rows.index)
    out["value"] = end_rows[value]
    out["employees"] = end_rows["employees"]
    real = ~end_rows["residual"].astype(bool)
    total = float(end_rows[value].sum())
    out["share"] = out["value"] / total if total > 0 else np.nan
    out["lq"] = end_rows["lq"]
    out["lq_start"] = start_rows["lq"].reindex(out.index)
    out["cagr"] = grown["cagr"].reindex(out.index)
    out["benchmark_cagr"] = grown["benchmark_cagr"].reindex(out.index)
    out["relative_growth"] = out["cagr"] - out["benchmark_cagr"]
    rising = out["lq"] > out["lq_start"]
    above = out["lq"] >= 1
    out["quadrant"] = np.select(
        [above & rising, above & ~rising, ~above & rising], spec.QUADRANTS[:3], spec.QUADRANTS[3]
    )
    out.loc[out["lq"].isna() | out["lq_start"].isna(), "quadrant"] = None
    out["strong"] = strong["strong"].reindex(out.index).fillna(False).astype(bool)
    out = out[real & (out["value"] > 0)]
    return (
        out.reset_index().rename(columns={"index": "sector"}).sort_values("value", ascending=False, ignore_index=True)
    )


def shift_share_table(
    panel: pd.DataFrame, settings: PortfolioSettings, method: str = "dunn", district_of: pd.Series | None = None
) -> pd.DataFrame:
    """Shift-share of the region's sectors between the start and end years (residuals dropped).

    Columns from :func:`analytics.metrics.specialization.shift_share` (``national_growth``, ``industry_mix``,
    ``competitive`` [, ``allocation``], ``change``), largest absolute change first.
    """
    s = settings
    pool = _benchmark_regions(panel, s.region, s.benchmark, district_of)
    pool = pool[(pool["year"] >= s.start) & (pool["year"] <= s.end)]
    table = spec.shift_share(
        pool, region="region", sector="sector", year="year", value=s.measure, start=s.start, end=s.end, method=method
    )
    table = table[(table["region"] == s.region) & ~table["sector"].str.endswith(RESIDUAL)]
    return table.reindex(table["change"].abs().sort_values(ascending=False).index).reset_index(drop=True)


def structure_against_peers(panel: pd.DataFrame, settings: PortfolioSettings, district_of: pd.Series) -> pd.DataFrame:
    """Krugman, Hachman, HHI and entropy of the region and of the other regions of its district
    (end year, against Russia). Columns: ``region``, ``is_focus``, ``krugman``, ``hachman``, ``hhi``,
    ``entropy``, ``total``; the focus region first."""
    s = settings
    year = panel[panel["year"] == s.end]
    indices = spec.structure_indices(year, region="region", sector="sector", value=s.measure)
    peers = set(district_of.index[district_of == district_of.get(s.region)])
    out = indices[indices["region"].isin(peers | {s.region})].copy()
    out["is_focus"] = out["region"] == s.region
    return out.sort_values(["is_focus", "krugman"], ascending=[False, False], ignore_index=True)


def opportunity_ranking(
    panel: pd.DataFrame,
    settings: PortfolioSettings,
    weights: tuple[float, float, float] | str = "balanced",
    top: int = 15,
) -> pd.DataFrame:
    """Sectors to attract: RCA < 1 in the end year, scored by density, PCI and COG
    (:func:`analytics.metrics.complexity.opportunities`), computed over all regions; residuals dropped."""
    s = settings
    year = panel[(panel["year"] == s.end) & ~panel["residual"].astype(bool)]
    ranked = spec.opportunities(
        year, region="region", sector="sector", value=s.measure, focus=s.region, weights=weights
    )
    return ranked.sort_values("score", ascending=False, ignore_index=True).head(top)


def opportunity_robustness(
    panel: pd.DataFrame,
    settings: PortfolioSettings,
    district_of: pd.Series,
    weights: tuple[float, float, float] | str = "balanced",
    top_k: int = 5,
):
    """How stable the opportunity ranking is across thresholds, benchmark, measure and presence
    (:func:`analytics.metrics.robustness.robustness`); returns its ``Robustness`` result."""
    s = settings
    year = panel[(panel["year"] == s.end) & ~panel["residual"].astype(bool)]
    other = [m for m in MEASURES if m != s.measure]
    ranking = spec.robustness(
        year,
        ranking="opportunity",
        focus=s.region,
        region="region",
        sector="sector",
        value=s.measure,
        measures=other,
        districts=district_of,
        top_k=top_k,
        stable_share=ROBUST_SHARE,
    )
    return ranking


def complexity_notes(panel: pd.DataFrame) -> tuple[complexity.PlausibilityNote, ...]:
    """Plausibility notes on the ECI/PCI computed over ``panel`` (:func:`analytics.metrics.complexity.
    complexity_plausibility` on its sectors without residuals; a sector's section from its OKVED 2
    division). The opportunity score uses PCI, so the notes apply to it too."""
    sectors = panel.loc[~panel["residual"].astype(bool), "sector"].drop_duplicates().astype(str)
    sections = [validate.okved_division_section(int(c[:2])) if c[:2].isdigit() else None for c in sectors]
    return complexity.complexity_plausibility(sectors.to_list(), sections)


# --- From the store, in one call each (what the page and notebooks call) -------------------------------


def region_portfolio(
    con: duckdb.DuckDBPyConnection,
    region: str,
    start: int,
    end: int,
    measure: Measure = "employees",
    benchmark: BenchmarkName = "russia",
    level: Level = "division",
) -> pd.DataFrame:
    """:func:`portfolio` for a region straight from the store, with ``name_ru``, ``name_en`` and
    ``cluster_id`` of each sector joined."""
    settings = PortfolioSettings(region=region, start=start, end=end, measure=measure, benchmark=benchmark)
    table = portfolio(sector_panel(con, level), settings, districts(con))
    return table.merge(sector_labels(con), on="sector", how="left").fillna({"cluster_id": "other"})


def region_shift_share(
    con: duckdb.DuckDBPyConnection,
    region: str,
    start: int,
    end: int,
    measure: Measure = "employees",
    benchmark: BenchmarkName = "russia",
    level: Level = "division",
    method: str = "dunn",
) -> pd.DataFrame:
    """:func:`shift_share_table` from the store, with sector names."""
    settings = PortfolioSettings(region=region, start=start, end=end, measure=measure, benchmark=benchmark)
    table = shift_share_table(sector_panel(con, level), settings, method, districts(con))
    return table.merge(sector_labels(con), on="sector", how="left")


@dataclass(frozen=True)
class ShiftShareView:
    """What the Sectors page draws of a shift-share: ``table``, the first ``top`` rows of
    :func:`region_shift_share` (largest absolute change first, with sector names); ``components``, the
    columns of :data:`SHIFT_SHARE_COMPONENTS` the method gave, in that order."""

    table: pd.DataFrame
    components: tuple[str, ...]


def shift_share_view(
    con: duckdb.DuckDBPyConnection,
    region: str,
    start: int,
    end: int,
    measure: Measure = "employees",
    benchmark: BenchmarkName = "russia",
    level: Level = "division",
    method: str = "dunn",
    top: int = 12,
) -> ShiftShareView:
    """The ``top`` sectors of :func:`region_shift_share` and the components to draw (:class:`ShiftShareView`)."""
    table = region_shift_share(con, region, start, end, measure, benchmark, level, method).head(top)
    return ShiftShareView(table, tuple(c for c in SHIFT_SHARE_COMPONENTS if c in table.columns))


def region_structure(
    con: duckdb.DuckDBPyConnection, region: str, end: int, measure: Measure = "employees", level: Level = "division"
) -> pd.DataFrame:
    """:func:`structure_against_peers` from the store, with region names."""
    settings = PortfolioSettings(region=region, start=end - 1, end=end, measure=measure)
    table = structure_against_peers(sector_panel(con, level), settings, districts(con))
    return table.merge(region_names(con), on="region", how="left")


def region_complexity_notes(
    con: duckdb.DuckDBPyConnection, level: Level = "division"
) -> tuple[complexity.PlausibilityNote, ...]:
    """:func:`complexity_notes` for the store's sector panel at ``level`` (what the Sectors page and the
    briefing show beside PCI and the opportunity score)."""
    return complexity_notes(sector_panel(con, level))


def region_opportunities(
    con: duckdb.DuckDBPyConnection,
    region: str,
    end: int,
    measure: Measure = "employees",
    level: Level = "division",
    weights: tuple[float, float, float] | str = "balanced",
    top: int = 15,
) -> tuple[pd.DataFrame, spec.RobustnessSummary]:
    """:func:`opportunity_ranking` (with sector names) and the robustness summary of its top 5."""
    settings = PortfolioSettings(region=region, start=end - 1, end=end, measure=measure)
    panel = sector_panel(con, level)
    ranked = opportunity_ranking(panel, settings, weights, top)
    ranked = ranked.merge(sector_labels(con), on="sector", how="left")
    check = opportunity_robustness(panel, settings, districts(con), weights)
    return ranked, check.summary
