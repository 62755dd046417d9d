"""Simplify a region boundary GeoJSON so that it ships light with the repository.

Writes ``data/boundaries/russia-regions.geojson`` from the full OSM-derived file (GIS-Lab /
OpenStreetMap, ODbL; 3.4 MB, 93 thousand points)::

    .venv/bin/python -m analytics.tools.simplify_boundaries SOURCE.geojson data/boundaries/russia-regions.geojson

Method: Douglas–Peucker on every ring (numpy, no GIS library), tolerance in degrees; rings whose
simplified area is below ``min_area`` square degrees are dropped (small Arctic islands), except the
largest ring of each feature; coordinates rounded to ``digits`` decimals. Points on the antimeridian
(lon = ±180) are kept exactly, so Chukotka's two halves still meet there. Deterministic: the same
source and parameters give the same bytes.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

import numpy as np

#: 0.03° (~3 km): finer than a pixel of the country-wide map (~0.17° a pixel); 0.29 MB, sent with every view
TOLERANCE_DEG = 0.03
MIN_AREA_SQ_DEG = 0.01
DIGITS = 2


def douglas_peucker(points: np.ndarray, tolerance: float) -> np.ndarray:
    """Indices kept by Douglas–Peucker: a point stays when it lies farther than ``tolerance`` from the
    chord between the kept points around it. Endpoints are always kept. ``points`` is an (n, 2) array."""
    n = len(points)
    if n < 3:
        return np.arange(n)
    keep = np.zeros(n, dtype=bool)
    keep[0] = keep[-1] = True
    stack = [(0, n - 1)]
    while stack:
        first, last = stack.pop()
        if last - first < 2:
            continue
        a, b = points[first], points[last]
        segment = points[first + 1 : last]
        chord = b - a
        length = float(np.hypot(*chord))
        if length == 0.0:
            distance = np.hypot(*(segment - a).T)
        else:
            distance = np.abs(chord[0] * (segment[:, 1] - a[1]) - chord[1] * (segment[:, 0] - a[0])) / length
        worst = int(np.argmax(distance))
        if distance[worst] > tolerance:
            index = first + 1 + worst
            keep[index] = True
            stack.append((first, index))
            stack.append((index, last))
    return np.flatnonzero(keep)


def ring_area(ring: np.ndarray) -> float:
    """Absolute shoelace area of a closed ring, square degrees."""
    x, y = ring[:, 0], ring[:, 1]
    return float(abs(np.dot(x[:-1], y[1:]) - np.dot(x[1:], y[:-1])) / 2)


def simplify_ring(ring: list, tolerance: float, digits: int) -> list | None:
    """One closed ring simplified (points on lon = ±180 kept), or ``None`` when fewer than 4 points stay."""
    points = np.asarray([p[:2] for p in ring], dtype=float)
    if len(points) < 4:
        return None
    # the ring is split at its point farthest from the start so that both halves have real chords
    far = int(np.argmax(np.hypot(*(points - points[0]).T)))
    kept = set(douglas_peucker(points[: far + 1], tolerance).tolist())
    kept |= {far + i for i in douglas_peucker(points[far:], tolerance).tolist()}
    kept |= set(np.flatnonzero(np.abs(points[:, 0]) == 180.0).tolist())
    out: list[list[float]] = []
    for i in sorted(kept):
        point = [round(float(points[i, 0]), digits), round(float(points[i, 1]), digits)]
        if not out or out[-1] != point:
            out.append(point)
    if out[0] != out[-1]:
        out.append(out[0])
    return out if len(out) >= 4 else None


def simplify_feature(geometry: dict, tolerance: float, min_area: float, digits: int) -> dict:
    """A Polygon / MultiPolygon simplified; small polygons dropped but the largest always kept."""
    polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    simplified: list[tuple[float, list]] = []
    for polygon in polygons:
        outer = simplify_ring(polygon[0], tolerance, digits)
        if outer is None:
            outer = [[round(float(v), digits) for v in p[:2]] for p in polygon[0]]
            if len(outer) < 4:
                continue
        area = ring_area(np.asarray(outer, dtype=float))
        holes = [
            h
            for h in (simplify_ring(r, tolerance, digits) for r in polygon[1:])
            if h is not None and ring_area(np.asarray(h, dtype=float)) >= min_area
        ]
        simplified.append((area, [outer, *holes]))
    if not simplified:
        raise ValueError("a feature lost every polygon")
    largest = max(simplified, key=lambda item: item[0])
    kept = [poly for area, poly in simplified if area >= min_area or poly is largest[1]]
    if len(kept) == 1:
        return {"type": "Polygon", "coordinates": kept[0]}
    return {"type": "MultiPolygon", "coordinates": kept}


def simplify_collection(
    doc: dict,
    tolerance: float = TOLERANCE_DEG,
    min_area: float = MIN_AREA_SQ_DEG,
    digits: int = DIGITS,
    keep_properties: tuple[str, ...] = ("name", "name_latin"),
) -> dict:
    """A FeatureCollection with every geometry simplified and only ``keep_properties`` kept."""
    features: list[dict[str, Any]] = []
    for feature in doc["features"]:
        props = {k: v for k, v in (feature.get("properties") or {}).items() if k in keep_properties}
        features.append(
            {
                "type": "Feature",
                "properties": props,
                "geometry": simplify_feature(feature["geometry"], tolerance, min_area, digits),
            }
        )
    return {"type": "FeatureCollection", "features": features}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source")
    parser.add_argument("target")
    parser.add_argument("--tolerance", type=float, default=TOLERANCE_DEG, help="degrees")
    parser.add_argument("--min-area", type=float, default=MIN_AREA_SQ_DEG, help="square degrees")
    parser.add_argument("--digits", type=int, default=DIGITS)
    args = parser.parse_args(argv)
    doc = json.loads(Path(args.source).read_text(encoding="utf-8"))
    out = simplify_collection(doc, args.tolerance, args.min_area, args.digits)
    text = json.dumps(out, ensure_ascii=False, separators=(",", ":"))
    # one feature per line: diffs stay readable
    text = text.replace(',{"type":"Feature"', ',\n{"type":"Feature"')
    Path(args.target).parent.mkdir(parents=True, exist_ok=True)
    Path(args.target).write_text(text + "\n", encoding="utf-8")
    points = sum(
        len(r)
        for f in out["features"]
        for p in (
            [f["geometry"]["coordinates"]] if f["geometry"]["type"] == "Polygon" else f["geometry"]["coordinates"]
        )
        for r in p
    )
    print(f"{len(out['features'])} features, {points} points, {len(text.encode('utf-8')) / 1e6:.2f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
