"""Russia's regions as a GeoJSON FeatureCollection keyed by FNS region code, shipped with the app.

Source: ``data/boundaries/russia-regions.geojson`` (© OpenStreetMap contributors, ODbL 1.0; GIS-Lab;
simplified by :mod:`analytics.tools.simplify_boundaries`): 83 subjects — Crimea (91) and Sevastopol
(92) are not in the file. Features are matched to codes by their Russian name
(:func:`analytics.data.region_names.match_region`); the ``id`` of each feature is the code, ready for
``plotly`` ``Choroplethmap(featureidkey="id")`` with ``map_style="white-bg"`` (no tiles, no network).

Chukotka crosses the antimeridian: the file splits it at ±180°. Longitudes west of Greenwich (only
Chukotka's eastern part) are given as east of 180° (−169° → 191°), so MapLibre draws one piece
instead of a strip at the far left of the world.
"""

from __future__ import annotations

import copy
import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from analytics.data import region_names

ROOT = Path(__file__).resolve().parents[2]
RUSSIA_GEOJSON = ROOT / "data" / "boundaries" / "russia-regions.geojson"
ATTRIBUTION = "© OpenStreetMap contributors (ODbL), GIS-Lab"
#: A view of the whole country on a ~1000 × 560 px map (web Mercator, lon 19…191°, lat 41…82°).
VIEW = {"center": {"lat": 62.0, "lon": 106.0}, "zoom": 1.7}


def _east(coords: Any) -> Any:
    if coords and isinstance(coords[0], (int, float)):
        return [coords[0] + 360 if coords[0] < 0 else coords[0], coords[1]]
    return [_east(c) for c in coords]


@lru_cache(maxsize=1)
def _collection() -> tuple[dict, tuple[str, ...]]:
    doc = json.loads(RUSSIA_GEOJSON.read_text(encoding="utf-8"))
    features, unmatched = [], []
    for feature in doc["features"]:
        props = feature.get("properties") or {}
        match = region_names.match_region(props.get("name")) or region_names.match_region(props.get("name_latin"))
        if match is None or match.code is None:
            unmatched.append(str(props.get("name")))
            continue
        geometry = {"type": feature["geometry"]["type"], "coordinates": _east(feature["geometry"]["coordinates"])}
        features.append(
            {
                "type": "Feature",
                "id": match.code,
                "properties": {"name": props.get("name"), "name_en": props.get("name_latin")},
                "geometry": geometry,
            }
        )
    features.sort(key=lambda f: f["id"])
    return {"type": "FeatureCollection", "features": features}, tuple(unmatched)


def russia_regions() -> dict:
    """The shipped boundaries of Russia's regions: FeatureCollection, ``id`` = FNS code ("40"),
    properties ``name`` (Russian), ``name_en``. A fresh copy each call (callers may edit it)."""
    return copy.deepcopy(_collection()[0])


def unmatched_names() -> tuple[str, ...]:
    """Feature names of the shipped file that match no region (expected: none)."""
    return _collection()[1]
