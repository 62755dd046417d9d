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

METRICS = ("shipments", "shipments_share", "employees", "lq", "growth", "labour_force")
UNITS = {"shipments": "mln_rub", "shipments_share": "share", "employees": "persons", "lq": "ratio",
         "growth": "share_per_year", "labour_force": "thousand_persons"}


@dataclass(frozen=True)
class RegionMap:
    """What the map draws: ``values`` (``code``, ``name_ru``, ``name_en``, ``value``, ``status``),
    the shipped ``collection`` (FeatureCollection, ``id`` = code), ``unit``, ``source``, ``year``,
    ``data_status`` of the values (``public`` or the store's status of the sector data)."""

    metric: str
    sector: str | None
    year: int
    values: pd.DataFrame
    collection: dict
    unit: str
    source: str
    data_status: str
    view: dict


def _public(con: duckdb.DuckDBPyConnection, indicator: str, breakdown: str, year: int) -> tuple[pd.DataFrame, str]:
    rows = public_data.regions_in_year(con, indicator, year, breakdown)
    source = str(rows["source"].iloc[0]) if len(rows) else ""
    return rows.rename(columns={"region_code": "code"})[["code", "value", "status"]], source


def region_map(con: duckdb.DuckDBPyConnection, metric: str, *, sector: str | None, year: int,
               start: int | None = None) -> RegionMap:
    """One metric for every region with a boundary (see the module docstring for the metrics)."""
    if metric not in METRICS:
        raise ValueError(f"unknown metric: {metric}")
    status = "public"
    if metric in ("shipments", "shipments_share"):
        values, source = _public(con, "shipments_okved1", sector or "D", year)
        if metric == "shipments_share":
            russia = public_data.indicator_series(con, "shipments_okved1", "RU", sector or "D")
            total = russia.loc[russia["year"] == year, "value"]
            values["value"] = share_of_total(values["value"],
                                             pd.Series(float(total.iloc[0]) if len(total) else float("nan"),
                                                       index=values.index)).values
    elif metric == "labour_force":
        values, source = _public(con, "labour_force", "total", year)
    else:
        years = [start, year] if metric == "growth" and start is not None else [year]
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
    collection = russia_map.russia_regions()
    shaped = {f["id"] for f in collection["features"]}
    names = q.region_names(con)
    values = names.merge(values, on="code", how="left")
    values = values[values["code"].isin(shaped)].reset_index(drop=True)
    values["status"] = values["status"].fillna("missing")
    return RegionMap(metric, sector, year, values, collection, UNITS[metric], source, status, dict(russia_map.VIEW))
