"""Would the picture change under another convention? Stability of a ranking across variants.

A ranking (a region's sectors by RCA, density or opportunity score; sectors by PCI; regions by ECI;
or any function of the complexity table) is recomputed under every combination of

- the measure: the default value column and any extra ones (employees / revenue …);
- the benchmark: all regions of the table ("russia") and, given a region → federal district mapping,
  each region's own district ("district");
- presence: binary with RCA thresholds (0.8, 1, 1.25 by default) and continuous M = RCA / (1 + RCA);

and compared with the default variant (first measure, Russia, binary, RCA ≥ 1): Kendall's τ-b over the
items both variants score, and how many variants keep each item in the top k ("top-5 in 9 of 12
variants"). Reference: docs/metrics.md; Kendall (1938).
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import stats

from analytics.metrics._panel import as_list, require_columns
from analytics.metrics.complexity import SdConvention, economic_complexity, score_opportunities

Ranking = str | Callable[[pd.DataFrame], pd.Series]

#: Built-in rankings: what they rank and whether they need a ``focus`` region.
RANKINGS = {
    "rca": "the focus region's sectors by RCA",
    "density": "the focus region's sectors with RCA below the threshold, by density",
    "opportunity": "the focus region's sectors with RCA below the threshold, by opportunity score",
    "pci": "sectors by PCI",
    "eci": "regions by ECI",
}


@dataclass(frozen=True)
class RobustnessSummary:
    """The answer in a few numbers."""

    variants: int  #: variants compared, the default included
    top_k: int
    mean_tau: float  #: mean Kendall τ-b of the other variants against the default
    min_tau: float  #: the least similar variant's τ
    robust_top_k: tuple  #: default top-k items kept in the top k by ≥ stable_share of variants
    picture_changes: bool  #: some default top-k item is not robust


@dataclass(frozen=True)
class Robustness:
    """Per item (``table``), per variant (``variants``) and overall (``summary``)."""

    table: pd.DataFrame
    variants: pd.DataFrame
    summary: RobustnessSummary


@dataclass(frozen=True)
class _Variant:
    measure: str
    benchmark: str  # "russia" or "district"
    presence: str  # "binary" or "continuous"
    threshold: float  # RCA threshold (binary presence; also the candidate cut-off of opportunities)

    @property
    def label(self) -> str:
        presence = f"RCA ≥ {self.threshold:g}" if self.presence == "binary" else "continuous"
        return f"{self.measure} · {self.benchmark} · {presence}"


def _variants(
    measures: list[str], benchmarks: list[str], thresholds: Sequence[float], presences: Sequence[str]
) -> list[_Variant]:
    default = _Variant(measures[0], "russia", "binary", 1.0)
    grid = [default]
    for measure in measures:
        for benchmark in benchmarks:
            for presence in presences:
                cuts = thresholds if presence == "binary" else [1.0]
                for threshold in cuts:
                    variant = _Variant(measure, benchmark, presence, float(threshold))
                    if variant not in grid:
                        grid.append(variant)
    return grid


def _ranker(ranking: Ranking, *, focus: str | None, region: str, sector: str):
    if callable(ranking):
        return lambda table, variant: ranking(table)
    if ranking not in RANKINGS:
        raise ValueError(f"unknown ranking {ranking!r}; built-in: {sorted(RANKINGS)} or a callable")
    if ranking in ("rca", "density", "opportunity") and focus is None:
        raise ValueError(f"ranking {ranking!r} ranks one region's sectors: pass focus='<region code>'")

    def rank(table: pd.DataFrame, variant: _Variant) -> pd.Series:
        if ranking == "pci":
            return table.drop_duplicates(sector).set_index(sector)["pci"]
        if ranking == "eci":
            return table.drop_duplicates(region).set_index(region)["eci"]
        own = table.loc[(table[region] == focus).to_numpy()]
        if ranking == "rca":
            return own.set_index(sector)["rca"]
        if ranking == "density":
            return own.loc[(own["rca"] < variant.threshold).to_numpy()].set_index(sector)["density"]
        scored = score_opportunities(own, region=region, sector=sector, threshold=variant.threshold)
        return scored.set_index(sector)["score"]

    return rank


def _top(scores: pd.Series, k: int) -> pd.Index:
    ordered = scores.dropna().rename_axis("_item").reset_index(name="_score")
    ordered = ordered.sort_values(["_score", "_item"], ascending=[False, True])
    return pd.Index(ordered["_item"].head(k))


def _kendall(a: pd.Series, b: pd.Series) -> float:
    both = pd.concat([a.rename("a"), b.rename("b")], axis=1, join="inner").dropna()
    if len(both) < 2:
        return np.nan
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return float(stats.kendalltau(both["a"], both["b"]).statistic)


def robustness(
    df: pd.DataFrame,
    *,
    ranking: Ranking = "rca",
    focus: str | None = None,
    region: str = "region",
    sector: str = "sector",
    value: str = "value",
    measures: Sequence[str] = (),
    districts: Mapping[str, str] | pd.Series | None = None,
    thresholds: Sequence[float] = (0.8, 1.0, 1.25),
    presences: Sequence[str] = ("binary", "continuous"),
    top_k: int = 5,
    stable_share: float = 0.75,
    diagonal: float = 0,
    sd: SdConvention = "stata",
) -> Robustness:
    """How stable a ranking is across measures, benchmarks and presence conventions.

    ``df`` is one cross-section (one year): ``region``, ``sector``, ``value`` and the extra
    ``measures`` columns (e.g. ``("revenue_mln_rub",)``). ``districts`` maps region → federal district
    and adds the district benchmark. ``ranking`` is a name from :data:`RANKINGS` (``"rca"``,
    ``"density"``, ``"opportunity"`` need ``focus``, a region code) or a function taking the
    :func:`~analytics.metrics.complexity.economic_complexity` table of a variant and returning scores
    (higher = better) indexed by item.

    Returns a :class:`Robustness` with

    - ``table``, one row per item: ``score`` and ``rank`` in the default variant, ``in_top_k`` (how
      many variants keep it in the top ``top_k``), ``scored_in`` (variants that score it),
      ``share_in_top_k`` and ``robust`` (in the top k in ≥ ``stable_share`` of all variants — 0.75 is
      "9 of 12"); sorted by default rank;
    - ``variants``, one row per variant: ``measure``, ``benchmark``, ``presence``, ``threshold``,
      ``kendall_tau`` (τ-b against the default over the items both score), ``top_k_overlap`` (how many
      of the default top k it keeps in its own top k) and ``items``;
    - ``summary``: :class:`RobustnessSummary`.

    The default variant is (``value``, Russia, binary, RCA ≥ 1). Rankings that do not depend on a
    dimension (RCA ignores the threshold) simply agree across it.
    """
    measure_list = [value, *as_list(measures)]
    require_columns(df, [region, sector, *measure_list])
    if not 0 < stable_share <= 1:
        raise ValueError("stable_share is a share of variants in (0, 1]")
    benchmarks = ["russia"] + (["district"] if districts is not None else [])
    grid = _variants(measure_list, benchmarks, thresholds, presences)
    rank = _ranker(ranking, focus=focus, region=region, sector=sector)

    scores: list[pd.Series] = []
    for variant in grid:
        table = economic_complexity(
            df,
            region=region,
            sector=sector,
            value=variant.measure,
            diagonal=diagonal,
            sd=sd,
            threshold=variant.threshold,
            presence=variant.presence,
            benchmark=districts if variant.benchmark == "district" else None,
        )
        scores.append(rank(table, variant).astype("float64"))

    default_scores = scores[0]
    default_top = _top(default_scores, top_k)
    tops = [_top(s, top_k) for s in scores]
    variants = pd.DataFrame(
        {
            "variant": [v.label for v in grid],
            "measure": [v.measure for v in grid],
            "benchmark": [v.benchmark for v in grid],
            "presence": [v.presence for v in grid],
            "threshold": [v.threshold if v.presence == "binary" else np.nan for v in grid],
            "kendall_tau": [_kendall(default_scores, s) for s in scores],
            "top_k_overlap": [len(default_top.intersection(t)) for t in tops],
            "items": [int(s.notna().sum()) for s in scores],
        }
    )

    item = default_scores.index.name or "item"
    all_items = pd.Index(sorted(set().union(*[s.dropna().index for s in scores]), key=str), name=item)
    in_top = pd.Series(0, index=all_items)
    scored = pd.Series(0, index=all_items)
    for s, t in zip(scores, tops):
        in_top[t] += 1
        scored[s.dropna().index] += 1
    needed = math.ceil(stable_share * len(grid) - 1e-9)
    ordered = _top(default_scores, len(default_scores))
    default_rank = pd.Series(np.arange(1, len(ordered) + 1), index=ordered)
    table = pd.DataFrame(
        {
            "score": default_scores.reindex(all_items),
            "rank": default_rank.reindex(all_items).astype("Int64"),
            "in_top_k": in_top,
            "scored_in": scored,
        },
        index=all_items,
    )
    table["share_in_top_k"] = table["in_top_k"] / len(grid)
    table["robust"] = table["in_top_k"] >= needed
    table = table.reset_index().sort_values(
        ["rank", "in_top_k"], ascending=[True, False], na_position="last", ignore_index=True
    )

    others = variants["kendall_tau"].iloc[1:]
    robust_top = tuple(i for i in default_top if table.set_index(item).at[i, "robust"])
    summary = RobustnessSummary(
        variants=len(grid),
        top_k=top_k,
        mean_tau=float(others.mean()) if len(others) else np.nan,
        min_tau=float(others.min()) if len(others) else np.nan,
        robust_top_k=robust_top,
        picture_changes=len(robust_top) < len(default_top),
    )
    return Robustness(table=table, variants=variants, summary=summary)
