"""The Russia map: one metric by region for a chosen sector, on the shipped boundaries (no upload).

Metrics:

- ``shipments`` — shipped goods of own production, mln ₽, Rosstat, OKVED 1 section ``C`` / ``D`` /
  ``E``, 2005–2016 (public);
- ``shipments_share`` — the region's share of Russia's shipments of that section, 0–1;
- ``employees`` — employment in an OKVED 2 division, persons (``region_sector_years``);
- ``lq`` — location quotient of the division among all divisions, benchmark = all regions in the
  store: LQ = (x_rs / x_r) / (x_s / x) (:func:`analytics.specialization.location_quotient`);
- ``growth`` — compound annual growth of the division's employment from ``start`` to ``year``, share
  per year (:func:`analytics.specialization.growth`);
- ``labour_force`` — thousand persons, Rosstat LFS, 2017–2024 (public; no sector).

Outlines: ``peers`` are the other regions of the selected region's federal district; ``similar`` the
regions most like it (:func:`analytics.services.peers.peer_regions`: cosine of manufacturing
employment shares × size factor) in the sector-statistics year nearest to the map's year.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import pandas as pd

from analytics.data import russia_map
from analytics.metrics import specialization
from analytics.metrics.shares import share_of_total
from analytics.queries import public_data
from analytics.queries import region_map as q
from analytics.services import peers as peer_service

METRICS = ("shipments", "shipments_share", "employees", "lq", "growth", "labour_force")
UNITS = {
    "shipments": "mln_rub",
    "shipments_share": "share",
    "employees": "persons",
    "lq": "ratio",
    "growth": "share_per_year",
    "labour_force": "thousand_persons",
}


#: OKVED 1 sections of the shipments series (Rosstat, 2005–2016).
OKVED1_SECTIONS = (
    ("C", "Добыча полезных ископаемых", "Mining and quarrying"),
    ("D", "Обрабатывающие производства", "Manufacturing"),
    ("E", "Производство и распределение электроэнергии, газа и воды", "Electricity, gas and water supply"),
)


@dataclass(frozen=True)
class MapOption:
    """What a metric can be drawn for: ``sectors`` (code, name_ru, name_en; empty = no sector) and ``years``."""

    sectors: tuple[tuple[str, str, str], ...]
    years: tuple[int, ...]


def map_options(con: duckdb.DuckDBPyConnection) -> dict[str, MapOption]:
    """Sectors and years available for every metric of :data:`METRICS`."""
    shipments = tuple(q.indicator_years(con, "shipments_okved1"))
    divisions = tuple((str(c), str(r), str(e)) for c, r, e in q.divisions(con).itertuples(index=False))
    years = tuple(q.sector_years(con))
    return {
        "shipments": MapOption(OKVED1_SECTIONS, shipments),
        "shipments_share": MapOption(OKVED1_SECTIONS, shipments),
        "employees": MapOption(divisions, years),
        "lq": MapOption(divisions, years),
        "growth": MapOption(divisions, years[1:]),
        "labour_force": MapOption((), tuple(q.indicator_years(con, "labour_force"))),
    }


@dataclass(frozen=True)
class RegionMap:
    """What the map draws: ``values`` (``code``, ``name_ru``, ``name_en``, ``value``, ``status``),
    ``unit``, ``source``, ``year``, ``data_status`` of the values (``public`` or the store's status
    of the sector data); the shapes come from :func:`russia_boundaries`."""

    metric: str
    sector: str | None
    year: int
    values: pd.DataFrame
    unit: str
    source: str
    data_status: str
    view: dict
    peers: tuple[str, ...] = ()  #: the other regions of the selected region's federal district
    similar: tuple[str, ...] = ()  #: the regions most similar to the selected one (peer_regions), best first
    attribution: str = russia_map.ATTRIBUTION


def russia_boundaries(con: duckdb.DuckDBPyConnection | None = None) -> dict:
    """The shipped boundaries of Russia's regions (FeatureCollection, ``id`` = region code), no upload
    needed; ``con`` is not used (the signature of a page service)."""
    return russia_map.russia_regions()


def _public(con: duckdb.DuckDBPyConnection, indicator: str, breakdown: str, year: int) -> tuple[pd.DataFrame, str]:
    rows = public_data.regions_in_year(con, indicator, year, breakdown)
    source = str(rows["source"].iloc[0]) if len(rows) else ""
    return rows.rename(columns={"region_code": "code"})[["code", "value", "status"]], source


def region_map(
    con: duckdb.DuckDBPyConnection,
    metric: str,
    *,
    sector: str | None,
    year: int,
    start: int | None = None,
    region_code: str | None = None,
) -> RegionMap:
    """One metric for every region with a boundary (see the module docstring for the metrics);
    ``peers``: the regions of ``region_code``'s federal district. ``growth`` without ``start`` is
    measured from the first year held."""
    if metric not in METRICS:
        raise ValueError(f"unknown metric: {metric}")
    status = "public"
    if metric in ("shipments", "shipments_share"):
        values, source = _public(con, "shipments_okved1", sector or "D", year)
        if metric == "shipments_share":
            russia = public_data.indicator_series(con, "shipments_okved1", "RU", sector or "D")
            total = russia.loc[russia["year"] == year, "value"]
            values["value"] = share_of_total(
                values["value"], pd.Series(float(total.iloc[0]) if len(total) else float("nan"), index=values.index)
            ).values
    elif metric == "labour_force":
        values, source = _public(con, "labour_force", "total", year)
    else:
        if metric == "growth" and start is None:
            start = min(q.sector_years(con), default=year)
        years = [start, year] if metric == "growth" else [year]
        panel = q.division_panel(con, years)
        status = str(panel["data_status"].mode().iloc[0]) if len(panel) else "loaded"
        source = "region_sector_years"
        if metric == "employees":
            rows = panel[(panel["sector"] == sector) & (panel["year"] == year)]
            values = pd.DataFrame({"code": rows["region"], "value": rows["value"]})
        elif metric == "lq":
            lq = specialization.location_quotient(panel[panel["year"] == year], region="region", sector="sector")
            rows = lq[lq["sector"] == sector]
            values = pd.DataFrame({"code": rows["region"], "value": rows["lq"]})
        else:
            if start is None or start >= year:
                raise ValueError("growth needs a start year before the year")
            grown = specialization.growth(panel, region="region", sector="sector", year="year", start=start, end=year)
            rows = grown[grown["sector"] == sector]
            values = pd.DataFrame({"code": rows["region"], "value": rows["cagr"]})
        values["status"] = "ok"
    shaped = {f["id"] for f in russia_map.russia_regions()["features"]}
    names = q.region_names(con)
    values = names.merge(values, on="code", how="left")
    values = values[values["code"].isin(shaped)].reset_index(drop=True)
    values["status"] = values["status"].fillna("missing")
    district = names.loc[names["code"] == region_code, "federal_district"]
    peers = (
        tuple(names.loc[(names["federal_district"] == district.iloc[0]) & (names["code"] != region_code), "code"])
        if len(district)
        else ()
    )
    values = values.drop(columns=["federal_district"])
    return RegionMap(
        metric,
        sector,
        year,
        values,
        UNITS[metric],
        source,
        status,
        dict(russia_map.VIEW),
        peers,
        similar=_similar(con, region_code, year),
    )


def _similar(con: duckdb.DuckDBPyConnection, region_code: str | None, year: int) -> tuple[str, ...]:
    """The peer regions of ``region_code`` in the sector year nearest to ``year`` (the latest one not
    after it, else the first)."""
    held = q.sector_years(con)
    if region_code is None or not held:
        return ()
    before = [y for y in held if y <= year]
    chosen = before[-1] if before else held[0]
    return tuple(peer_service.peer_regions(con, region_code, chosen)["code"])
