"""The boundary simplifier and the shipped simplified map of Russia's regions."""

from __future__ import annotations

import json

import numpy as np

from analytics import store
from analytics.tools import simplify_boundaries as sb

SHIPPED = store.ROOT / "data" / "boundaries" / "russia-regions.geojson"


def test_douglas_peucker_keeps_only_points_farther_than_the_tolerance():
    # (1, 0.05) is 0.05 from the chord (0,0)-(2,0): dropped at 0.1, kept at 0.01; (3, 1) is a corner
    points = np.array([[0, 0], [1, 0.05], [2, 0], [3, 1]], dtype=float)
    assert sb.douglas_peucker(points, 0.1).tolist() == [0, 2, 3]
    assert sb.douglas_peucker(points, 0.01).tolist() == [0, 1, 2, 3]


def test_ring_area_of_a_unit_square_and_a_ring_that_collapses():
    square = [[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]
    assert sb.ring_area(np.array(square, dtype=float)) == 1.0
    assert sb.simplify_ring(square, 0.01, 3) == square
    sliver = [[0, 0], [1, 0.001], [2, 0], [1, -0.001], [0, 0]]
    assert sb.simplify_ring(sliver, 0.01, 3) is None


def test_points_on_the_antimeridian_are_kept():
    ring = [[170, 60], [180, 60], [180, 61], [180, 62], [170, 62], [170, 60]]
    out = sb.simplify_ring(ring, 0.5, 3)
    assert [p for p in out if p[0] == 180] == [[180, 60], [180, 61], [180, 62]]


def test_the_shipped_map_is_light_complete_and_valid():
    assert SHIPPED.stat().st_size < 1_500_000
    doc = json.loads(SHIPPED.read_text(encoding="utf-8"))
    assert len(doc["features"]) == 83
    chukotka = next(f for f in doc["features"] if f["properties"]["name_latin"].startswith("Chukot"))
    lons = [p[0] for poly in chukotka["geometry"]["coordinates"] for p in poly[0]]
    assert min(lons) == -180.0 and max(lons) == 180.0  # both halves reach the antimeridian
    kaluga = next(f for f in doc["features"] if f["properties"]["name"] == "Калужская область")
    ring = np.array(kaluga["geometry"]["coordinates"][0], dtype=float)
    # Kaluga oblast is 29.8 thousand km²; at 54.5° N one square degree is 111.3 × 64.6 ≈ 7,190 km²
    assert 3.8 < sb.ring_area(ring) < 4.5
