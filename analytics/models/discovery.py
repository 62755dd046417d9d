"""Clusters the templates do not name: communities in a network of related manufacturing sectors.

How a community is found (:func:`discover`):

1. **Sectors**: the manufacturing codes of ``region_sector_years`` at the finest level stored — the
   classes, and every division without stored classes as a whole (:func:`analytics.queries.sectors.
   sector_panel` at class level; the remainders of divisions that do have classes count in the
   regions' totals but are not nodes).
2. **Co-location across regions** in ``year``: the *locational correlation* of two sectors,
   r_st = Pearson correlation over all regions of log(1 + LQ_rs) and log(1 + LQ_rt), with LQ the
   employment location quotient (Delgado, Porter & Stern 2016 correlate employment across regions;
   location quotients take out the regions' size, the logarithm tames the long right tail). Sectors
   that are strong in the same regions correlate. A pair is *significantly co-located* when the
   one-sided test of r > 0 (t = r √(n − 2) / √(1 − r²), n regions) passes the Benjamini–Hochberg
   false-discovery-rate procedure at ``fdr`` over all pairs, and r ≥ ``min_correlation``. Only such
   pairs become edges: territorial proximity is required. The proximity φ_st of
   :func:`analytics.metrics.complexity.proximity` (RCA ≥ 1 in both) is reported beside it.
3. **Supplier links between the region's firms** strengthen edges: w_st = r_st + ``link_weight`` ×
   L_st, with L_st = (V_st + V_ts) ÷ √(V_s V_t): V_st the value of the region's supply links in
   ``year`` from firms of s to firms of t, V_s the value of those with a firm of s at either end (a
   link inside s once); 0 without links.
4. **Communities**: Louvain modularity communities of the weighted graph (``networkx``, fixed seed),
   kept with at least ``min_sectors`` sectors.
5. **Candidates for the region**: communities whose employment LQ in the region is at least
   ``min_lq`` and where the region is present (RCA ≥ 1) in at least ``min_present`` of the sectors;
   each is measured like a template candidate (:func:`analytics.models.clusters.measure`, every sector
   with the role ``core``, membership by OKVED only) and compared with the templates:
   ``matched_template`` is the template covering the largest share of the community's sectors when
   that share is at least ``template_overlap``; ``new`` = no template matches.

In random data no pair survives the FDR procedure (except by the chance ``fdr`` allows), so no
community is invented; a group of sectors placed together in a few regions is found
(``tests/test_discovery.py`` checks both). Sources: Delgado, Porter & Stern (2016), "Defining
clusters of related industries", *Journal of Economic Geography* 16(1) — clusters as groups of
co-located, linked industries; Hidalgo et al. (2007) for proximity; Benjamini & Hochberg (1995);
Blondel et al. (2008) for Louvain.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field
from typing import Any

import duckdb
import networkx as nx
import numpy as np
import pandas as pd
from scipy.stats import t as student_t

from analytics.metrics import complexity
from analytics.metrics import specialization as spec
from analytics.models import clusters
from analytics.queries import sectors as sector_queries
from analytics.store import query


@dataclass(frozen=True)
class DiscoveryParams:
    """Parameters of the discovery method (shown on the page)."""

    fdr: float = 0.05  #: Benjamini–Hochberg false discovery rate for co-located pairs
    min_correlation: float = 0.3  #: locational correlation at least this for an edge
    link_weight: float = 1.0  #: weight of the region's supplier links in the edge weight
    resolution: float = 1.0  #: Louvain resolution (larger → smaller communities)
    min_sectors: int = 3
    min_lq: float = 1.0
    min_present: int = 2
    template_overlap: float = 0.5
    seed: int = 0

    def __post_init__(self) -> None:
        if not 0 < self.fdr < 1:
            raise ValueError("fdr must be in (0, 1)")
        if self.min_sectors < 2:
            raise ValueError("min_sectors must be at least 2")


@dataclass(frozen=True)
class Discovery:
    """What :func:`discover` found.

    - ``communities``: one row per community (all of Russia): ``community_id``, ``codes`` (tuple),
      ``sectors``, ``edges``, ``mean_correlation``, ``max_p``, ``regions_specialised`` (regions with
      community LQ ≥ ``min_lq``), ``matched_template``, ``overlap``, ``new``.
    - ``candidates``: the communities proposed for the region, measured like template candidates
      (columns of :func:`analytics.models.clusters.find_candidates`) plus ``community_id``, ``codes``,
      ``lead_sector`` (the community's largest sector in Russia, which names it), ``matched_template``,
      ``overlap``, ``new``, ``mean_correlation``, ``max_p``, ``edges``, ``regions_specialised``.
    - ``edges``: the network's edges (``sector_1``, ``sector_2``, ``correlation``, ``proximity``, ``p_value``,
      ``link_strength``, ``weight``, ``community_id``).
    - ``summary``: regions, sectors, pairs tested, significant pairs and the parameters.
    """

    communities: pd.DataFrame
    candidates: pd.DataFrame
    edges: pd.DataFrame
    summary: dict[str, Any] = field(default_factory=dict)


def benjamini_hochberg(p: np.ndarray, q: float) -> np.ndarray:
    """Boolean mask of the p-values declared significant at false discovery rate ``q``:
    the k smallest, k = max{i : p_(i) ≤ i·q / m} (Benjamini & Hochberg 1995)."""
    p = np.asarray(p, dtype="float64")
    m = len(p)
    if m == 0:
        return np.zeros(0, dtype=bool)
    order = np.argsort(p, kind="stable")
    passed = p[order] <= q * np.arange(1, m + 1) / m
    keep = np.zeros(m, dtype=bool)
    if passed.any():
        k = int(np.flatnonzero(passed).max()) + 1
        keep[order[:k]] = True
    return keep


def _cross_section(con, year: int) -> tuple[pd.DataFrame, list[str]]:
    """Class-level employment of every region in ``year`` and the node sectors."""
    panel = sector_queries.sector_panel(con, "class")
    cross = panel[panel["year"] == year].copy()
    if cross.empty:
        return cross, []
    classes = set(cross.loc[~cross["residual"], "sector"])
    divisions_with_classes = {c[:2] for c in classes}
    whole = cross["residual"] & ~cross["sector"].str[:2].isin(divisions_with_classes)
    cross.loc[whole, "sector"] = cross.loc[whole, "sector"].str[:2]
    cross.loc[whole, "residual"] = False
    nodes = sorted(set(cross.loc[~cross["residual"], "sector"]))
    return cross, nodes


def colocation(cross: pd.DataFrame, nodes: list[str], params: DiscoveryParams) -> pd.DataFrame:
    """Every pair of node sectors: ``sector_1``, ``sector_2``, ``correlation`` (locational correlation
    r), ``p_value`` (one-sided, r > 0), ``proximity`` (φ), ``significant`` (BH at ``fdr`` and
    r ≥ ``min_correlation``). Pairs whose correlation is undefined (a sector equal everywhere) are
    left out."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", spec.DataWarning)
        lq = spec.location_quotient(cross, region="region", sector="sector", value="employees")
        phi = complexity.proximity(cross, region="region", sector="sector", value="employees")
    grid = lq.pivot_table(index="region", columns="sector", values="lq", aggfunc="sum").reindex(columns=nodes)
    x = np.log1p(grid.fillna(0.0).to_numpy())
    n = x.shape[0]
    varying = x.std(axis=0) > 0
    x, labels = x[:, varying], np.asarray(nodes)[varying]
    columns = ["sector_1", "sector_2", "correlation", "p_value", "proximity", "significant"]
    if n < 4 or len(labels) < 2:
        return pd.DataFrame(columns=columns)
    r = np.corrcoef(x, rowvar=False)
    i, j = np.triu_indices(len(labels), k=1)
    rr = np.clip(r[i, j], -1.0, 1.0)
    with np.errstate(divide="ignore", invalid="ignore"):
        t = rr * np.sqrt((n - 2) / np.maximum(1.0 - rr**2, 1e-300))
    p_value = student_t.sf(t, n - 2)
    pairs = pd.DataFrame({"sector_1": labels[i], "sector_2": labels[j], "correlation": rr, "p_value": p_value})
    pairs = pairs.merge(phi, on=["sector_1", "sector_2"], how="left")
    pairs["significant"] = benjamini_hochberg(pairs["p_value"].to_numpy(), params.fdr) & (
        pairs["correlation"] >= params.min_correlation
    )
    return pairs[columns]


def _node_of(okved: pd.Series, nodes: list[str]) -> pd.Series:
    """The node sector of each firm code: its class when a node, else its division when a node."""
    node_set = set(nodes)
    cls, div = okved.str[:5], okved.str[:2]
    return pd.Series(
        np.where(cls.isin(node_set), cls, np.where(div.isin(node_set), div, None)), index=okved.index, dtype="object"
    )


def link_strength(con, region: str, year: int, nodes: list[str]) -> pd.DataFrame:
    """L_st between node sectors from the region's supply links in ``year`` (both ends in the
    region): ``sector_1`` < ``sector_2``, ``value`` (V_st + V_ts, mln ₽), ``link_strength``."""
    links = query(
        con,
        "SELECT s.okved AS supplier_okved, b.okved AS buyer_okved, sum(l.value_mln_rub) AS value "
        "FROM supply_links l JOIN enterprises b ON b.inn = l.buyer_inn JOIN enterprises s ON s.inn = l.supplier_inn "
        "WHERE l.year = ? AND b.region_code = ? AND s.region_code = ? GROUP BY ALL",
        [year, region, region],
    )
    empty = pd.DataFrame(columns=["sector_1", "sector_2", "value", "link_strength"])
    if links.empty:
        return empty
    links["a"] = _node_of(links["supplier_okved"], nodes)
    links["b"] = _node_of(links["buyer_okved"], nodes)
    links = links.dropna(subset=["a", "b"])
    if links.empty:
        return empty
    # value touching each sector: links out of it plus links into it, a link inside it once
    inner = links[links["a"] == links["b"]].groupby("a")["value"].sum()
    touching = pd.concat([links.groupby("a")["value"].sum(), links.groupby("b")["value"].sum(), -inner])
    touching = touching.groupby(level=0).sum()
    links = links[links["a"] != links["b"]]
    lo = np.where(links["a"] < links["b"], links["a"], links["b"])
    hi = np.where(links["a"] < links["b"], links["b"], links["a"])
    pairs = links.assign(sector_1=lo, sector_2=hi).groupby(["sector_1", "sector_2"], as_index=False)["value"].sum()
    norm = np.sqrt(pairs["sector_1"].map(touching) * pairs["sector_2"].map(touching))
    pairs["link_strength"] = (pairs["value"] / norm).fillna(0.0)
    return pairs


def _template_match(codes: list[str], defs: pd.DataFrame, share: float) -> tuple[str | None, float]:
    """The template covering the largest share of ``codes`` (a code is covered when it lies within a
    template code or contains one), if that share is at least ``share``; and the share."""
    best, best_overlap = None, 0.0
    mine = {c: set(clusters.ancestors(c)) for c in codes}
    for cluster_id, part in defs.groupby("cluster_id", sort=True):
        tcodes = {t: set(clusters.ancestors(t)) for t in part["okved"]}
        hit = sum(any(t in mine[c] or c in up for t, up in tcodes.items()) for c in codes)
        overlap = hit / len(codes)
        if overlap > best_overlap + 1e-12:
            best, best_overlap = cluster_id, overlap
    return (best if best_overlap >= share else None), best_overlap


def discover(
    con: duckdb.DuckDBPyConnection,
    region: str,
    year: int,
    *,
    params: DiscoveryParams = DiscoveryParams(),
    start: int | None = None,
    stars: clusters.StarParams = clusters.StarParams(),
    weights: clusters.ScoreWeights = clusters.ScoreWeights(),
) -> Discovery:
    """Communities of co-located (and linked) sectors, and those proposed for ``region``; see the
    module docstring for the method and :class:`Discovery` for the result."""
    p = params
    cross, nodes = _cross_section(con, year)
    summary: dict[str, Any] = {
        "regions": int(cross["region"].nunique()) if len(cross) else 0,
        "sectors": len(nodes),
        "pairs_tested": 0,
        "significant_pairs": 0,
        "communities": 0,
        **{k: getattr(p, k) for k in p.__dataclass_fields__},
    }
    empty_c = pd.DataFrame(
        columns=[
            "community_id",
            "codes",
            "sectors",
            "edges",
            "mean_correlation",
            "max_p",
            "regions_specialised",
            "matched_template",
            "overlap",
            "new",
        ]
    )
    empty_e = pd.DataFrame(
        columns=[
            "sector_1",
            "sector_2",
            "correlation",
            "proximity",
            "p_value",
            "link_strength",
            "weight",
            "community_id",
        ]
    )
    if len(nodes) < p.min_sectors:
        return Discovery(empty_c, _empty_candidates(), empty_e, summary)
    pairs = colocation(cross, nodes, p)
    summary["pairs_tested"] = len(pairs)
    edges = pairs[pairs["significant"]][["sector_1", "sector_2", "correlation", "proximity", "p_value"]].copy()
    summary["significant_pairs"] = len(edges)
    strength = link_strength(con, region, year, nodes)
    edges = edges.merge(strength[["sector_1", "sector_2", "link_strength"]], on=["sector_1", "sector_2"], how="left")
    edges["link_strength"] = edges["link_strength"].fillna(0.0)
    edges["weight"] = edges["correlation"] + p.link_weight * edges["link_strength"]

    graph = nx.Graph()
    graph.add_weighted_edges_from(edges[["sector_1", "sector_2", "weight"]].itertuples(index=False, name=None))
    found = (
        nx.community.louvain_communities(graph, weight="weight", resolution=p.resolution, seed=p.seed)
        if graph.number_of_edges()
        else []
    )
    found = sorted((sorted(c) for c in found if len(c) >= p.min_sectors), key=lambda c: (-len(c), c))
    community_of = {code: f"d{n + 1}" for n, codes in enumerate(found) for code in codes}
    edges["community_id"] = [
        community_of.get(a) if community_of.get(a) == community_of.get(b) else None
        for a, b in zip(edges["sector_1"], edges["sector_2"])
    ]
    summary["communities"] = len(found)
    if not found:
        return Discovery(empty_c, _empty_candidates(), edges, summary)

    names = query(con, "SELECT code, name_ru, name_en FROM sectors").set_index("code")
    defs = pd.concat(
        [clusters.codes_definition(f"d{n + 1}", codes) for n, codes in enumerate(found)], ignore_index=True
    )
    template_defs = clusters.template_definitions(con)
    start = clusters._start_year(con, year, start)
    stats = clusters._region_stats(con, defs, year, start, stars)
    rows = []
    for n, codes in enumerate(found):
        cid = f"d{n + 1}"
        inner = edges[edges["community_id"] == cid]
        matched, overlap = _template_match(codes, template_defs, p.template_overlap)
        specialised = stats[(stats["cluster_id"] == cid) & (stats["lq"] >= p.min_lq)]["region"]
        rows.append(
            {
                "community_id": cid,
                "codes": tuple(codes),
                "sectors": len(codes),
                "edges": len(inner),
                "mean_correlation": float(inner["correlation"].mean()),
                "max_p": float(inner["p_value"].max()),
                "regions_specialised": tuple(sorted(specialised)),
                "matched_template": matched,
                "overlap": overlap,
                "new": matched is None,
            }
        )
    communities = pd.DataFrame(rows)

    # communities proposed for the region
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", spec.DataWarning)
        lq = spec.location_quotient(cross, region="region", sector="sector", value="employees")
    present = set(lq[(lq["region"] == region) & (lq["lq"] >= 1)]["sector"])
    mine = stats[stats["region"] == region].set_index("cluster_id")
    chosen = [
        c
        for c, codes in zip(communities["community_id"], communities["codes"])
        if c in mine.index and mine.at[c, "lq"] >= p.min_lq and len(present & set(codes)) >= p.min_present
    ]
    if not chosen:
        return Discovery(communities, _empty_candidates(), edges, summary)
    # a community is named after its largest sector in Russia (the same name in every region)
    national = cross.groupby("sector")["employees"].sum()
    lead = {
        cid: max(codes, key=lambda c: (national.get(c, 0.0), c))
        for cid, codes in zip(communities["community_id"], communities["codes"])
        if cid in chosen
    }
    chosen_defs = defs[defs["cluster_id"].isin(chosen)].copy()
    chosen_defs["name_ru"] = chosen_defs["cluster_id"].map(lambda c: names["name_ru"].get(lead[c], lead[c]))
    chosen_defs["name_en"] = chosen_defs["cluster_id"].map(
        lambda c: names["name_en"].get(lead[c], None) or names["name_ru"].get(lead[c], lead[c])
    )
    measured = clusters.measure(
        con,
        chosen_defs,
        region=region,
        year=year,
        start=start,
        stars=stars,
        weights=weights,
        stats=stats[stats["cluster_id"].isin(chosen)],
    )
    measured = measured.merge(communities.drop(columns=["sectors"]), left_on="cluster_id", right_on="community_id")
    measured["lead_sector"] = measured["cluster_id"].map(lead)
    return Discovery(communities, measured.sort_values("rank").reset_index(drop=True), edges, summary)


def _empty_candidates() -> pd.DataFrame:
    return pd.DataFrame(
        columns=[
            "cluster_id",
            "name_ru",
            "name_en",
            "source",
            "community_id",
            "codes",
            "lead_sector",
            "matched_template",
            "overlap",
            "new",
            "score",
            "rank",
        ]
    )
