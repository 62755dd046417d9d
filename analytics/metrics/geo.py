"""Web-Mercator map views: the centre and zoom that fit a set of points or shapes into a map.

Zoom z shows 512·2^z pixels (MapLibre's tiles) per 360° of longitude, and per 2π of Mercator y
(y = ln tan(π/4 + φ/2)); the larger zoom at which both spans fit is taken, less a margin. Latitudes
are clamped to ±85° (the Mercator world's edge). Longitudes are read across the antimeridian when
that makes the span shorter (Chukotka runs from 159° E to 169° W: a span of 32°, not 328°).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

#: The view when there is nothing to fit: European Russia at zoom 3 (Moscow in the middle).
DEFAULT_VIEW: dict[str, Any] = {"center": {"lat": 55.75, "lon": 37.6}, "zoom": 3.0}


def coordinates(geometry: Any) -> tuple[list[float], list[float]]:
    """``(longitudes, latitudes)`` of every position in a GeoJSON ``coordinates`` array (any depth)."""
    lons: list[float] = []
    lats: list[float] = []

    def walk(coords: Any) -> None:
        if coords and isinstance(coords[0], (int, float)):
            lons.append(float(coords[0]))
            lats.append(float(coords[1]))
        else:
            for c in coords:
                walk(c)

    walk(geometry)
    return lons, lats


def collection_coordinates(collection: dict) -> tuple[list[float], list[float]]:
    """``(longitudes, latitudes)`` of every position of a GeoJSON FeatureCollection's geometries."""
    lons: list[float] = []
    lats: list[float] = []
    for feature in collection.get("features", []):
        x, y = coordinates((feature.get("geometry") or {}).get("coordinates", []))
        lons += x
        lats += y
    return lons, lats


def _mercator_y(lat: float) -> float:
    return math.log(math.tan(math.pi / 4 + math.radians(min(max(lat, -85.0), 85.0)) / 2))


def fit_bounds(
    lats: Iterable[float],
    lons: Iterable[float],
    width_px: float,
    height_px: float,
    *,
    margin: float = 0.15,
    min_lon_span: float = 0.01,
    min_y_span: float = 0.0001,
    min_zoom: float = 0.5,
) -> dict[str, Any]:
    """``{"center": {"lat", "lon"}, "zoom"}`` of a ``width_px`` × ``height_px`` Web-Mercator map that
    shows every point (missing values ignored); :data:`DEFAULT_VIEW` when there is none.

    zoom = log2(min(width_px / (512 · Δλ / 360°), height_px / (512 · Δy / 2π))) − ``margin`` (zoom
    levels; log2(1.15) ≈ 0.2 leaves 15 % around the points), at least ``min_zoom``. Δλ is at least
    ``min_lon_span`` degrees and Δy at least ``min_y_span`` (a single point gets a finite zoom). The
    centre is the middle of the spans in longitude and in Mercator y.
    """
    pairs = [
        (float(a), float(o))
        for a, o in zip(lats, lons)
        if a is not None and o is not None and not (math.isnan(float(a)) or math.isnan(float(o)))
    ]
    if not pairs:
        return {"center": dict(DEFAULT_VIEW["center"]), "zoom": DEFAULT_VIEW["zoom"]}
    ys = [a for a, _ in pairs]
    xs = [o for _, o in pairs]
    east = [o + 360 if o < 0 else o for o in xs]  # the same longitudes read across the antimeridian
    if max(east) - min(east) < max(xs) - min(xs):
        xs = east
    x_share = max(max(xs) - min(xs), min_lon_span) / 360
    y_low, y_high = _mercator_y(min(ys)), _mercator_y(max(ys))
    y_share = max(y_high - y_low, min_y_span) / (2 * math.pi)
    zoom = math.log2(min(width_px / (512 * x_share), height_px / (512 * y_share))) - margin
    centre_lat = math.degrees(2 * math.atan(math.exp((y_low + y_high) / 2)) - math.pi / 2)
    centre_lon = (min(xs) + max(xs)) / 2
    return {
        "center": {"lat": centre_lat, "lon": centre_lon - 360 if centre_lon > 180 else centre_lon},
        "zoom": max(min_zoom, zoom),
    }
