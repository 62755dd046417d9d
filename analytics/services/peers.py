"""Peer regions: the regions most like a given one, and the region beside them on the Sectors and
Clusters pages.

:func:`peer_regions` ranks the other regions by similarity = cosine of the manufacturing employment
shares by division × a size factor (:mod:`analytics.metrics.peers`, ``docs/metrics.md``);
:func:`peer_sectors` and :func:`peer_clusters` put the region and chosen peers side by side (the user
may replace the suggested peers by hand).
"""

from __future__ import annotations

import duckdb
import pandas as pd

from analytics.metrics import peers as metric
from analytics.models import clusters
from analytics.queries import sectors as q
from analytics.services import sector_portfolio as sp

#: Peers suggested by default.
DEFAULT_K = 5
#: Divisions compared on the Sectors page: the region's largest by employment in the end year.
DEFAULT_TOP = 6


def _names(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    return q.region_names(con).rename(columns={"region": "code"})[["code", "name_ru", "name_en"]]


def peer_regions(con: duckdb.DuckDBPyConnection, region: str, year: int, *, k: int = DEFAULT_K) -> pd.DataFrame:
    """The ``k`` other regions most similar to ``region`` in ``year``: ``code``, ``name_ru``,
    ``name_en``, ``similarity`` (0–1), ``cosine`` (0–1), ``size_ratio`` (peer's manufacturing
    employment ÷ the region's), ``size_factor`` (0–1); best first. Employment of the manufacturing
    divisions (section C, OKVED 2 classes 10–33) from ``region_sector_years``, persons. Empty when the
    region has no manufacturing employment in ``year``."""
    panel = q.sector_panel(con, "division")
    panel = panel[(panel["year"] == int(year)) & panel["employees"].notna()]
    ranked = metric.peer_similarity(panel, str(region), k=k, value_col="employees")
    ranked = ranked.rename(columns={"region": "code"})
    out = ranked.merge(_names(con), on="code", how="left")
    return out[["code", "name_ru", "name_en", "similarity", "cosine", "size_ratio", "size_factor"]]


def peer_sectors(
    con: duckdb.DuckDBPyConnection, region: str, start: int, end: int, peers: tuple[str, ...], *, top: int = DEFAULT_TOP
) -> pd.DataFrame:
    """LQ and growth of the region's ``top`` largest manufacturing divisions (employment in ``end``)
    in the region and in each of ``peers``, side by side (long): ``sector``, ``sector_ru``,
    ``sector_en``, ``code``, ``name_ru``, ``name_en`` (the region), ``is_region``, ``employees``
    (persons, ``end``), ``lq`` (benchmark Russia = all regions, ``end``), ``cagr`` (share per year,
    ``start`` → ``end``). As :func:`analytics.services.sector_portfolio.portfolio` computes them."""
    panel = q.sector_panel(con, "division")
    district_of = q.districts(con)
    codes = [str(region), *[str(p) for p in peers if str(p) != str(region)]]
    frames = []
    for code in codes:
        settings = sp.PortfolioSettings(region=code, start=start, end=end, measure="employees", benchmark="russia")
        table = sp.portfolio(panel, settings, district_of)
        frames.append(table[["sector", "employees", "lq", "cagr"]].assign(code=code))
    columns = ["sector", "sector_ru", "sector_en", "code", "name_ru", "name_en", "is_region", "employees", "lq", "cagr"]
    if not frames or frames[0].empty:
        return pd.DataFrame(columns=columns)
    chosen = frames[0].sort_values(["employees", "sector"], ascending=[False, True])["sector"].head(top).tolist()
    long = pd.concat(frames, ignore_index=True)
    long = long[long["sector"].isin(chosen)]
    # every chosen division for every region, even where a peer has none
    grid = pd.MultiIndex.from_product([chosen, codes], names=["sector", "code"]).to_frame(index=False)
    long = grid.merge(long, on=["sector", "code"], how="left")
    labels = q.sector_labels(con)[["sector", "name_ru", "name_en"]].rename(
        columns={"name_ru": "sector_ru", "name_en": "sector_en"}
    )
    long = long.merge(labels, on="sector", how="left").merge(_names(con), on="code", how="left")
    long["is_region"] = long["code"] == str(region)
    return long[columns]


def peer_clusters(con: duckdb.DuckDBPyConnection, region: str, year: int, peers: tuple[str, ...]) -> pd.DataFrame:
    """Every cluster template measured in the region and in each of ``peers`` in ``year`` (long):
    ``cluster_id``, ``cluster_ru``, ``cluster_en``, ``code``, ``name_ru``, ``name_en`` (the region),
    ``is_region``, ``stars`` (0–5), ``lq``, ``stat_employees`` (persons), ``score`` (0–100), ``members``
    (enterprises in the store) — by :func:`analytics.models.clusters.find_candidates` per region."""
    codes = [str(region), *[str(p) for p in peers if str(p) != str(region)]]
    frames = []
    for code in codes:
        table = clusters.find_candidates(con, code, year)
        frames.append(
            table[["cluster_id", "name_ru", "name_en", "stars", "lq", "stat_employees", "score", "members"]]
            .rename(columns={"name_ru": "cluster_ru", "name_en": "cluster_en"})
            .assign(code=code)
        )
    long = pd.concat(frames, ignore_index=True).merge(_names(con), on="code", how="left")
    long["is_region"] = long["code"] == str(region)
    return long[
        [
            "cluster_id",
            "cluster_ru",
            "cluster_en",
            "code",
            "name_ru",
            "name_en",
            "is_region",
            "stars",
            "lq",
            "stat_employees",
            "score",
            "members",
        ]
    ]
