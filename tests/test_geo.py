"""analytics.metrics.geo.fit_bounds: Web-Mercator centre and zoom, hand-computed.

Zoom z shows 512·2^z px per 360° of longitude and per 2π of Mercator y = ln tan(π/4 + φ/2).
"""

from __future__ import annotations

import math

import pytest

from analytics.metrics import geo


def test_longitude_span_sets_the_zoom():
    # 90° of longitude in 512 px: 512 / (512 · 90/360) = 4 → zoom 2; latitudes equal (y span minimal)
    view = geo.fit_bounds([0, 0], [0, 90], 512, 10_000, margin=0)
    assert view["zoom"] == pytest.approx(2.0)
    assert view["center"] == pytest.approx({"lat": 0.0, "lon": 45.0})


def test_centre_is_the_middle_in_mercator_y_not_in_degrees():
    # y(60°) = ln(2 + √3); half of it maps back to atan(sinh(y/2)) = atan(1/√2) = 35.264°, not 30°
    view = geo.fit_bounds([0, 60], [10, 10], 1000, 1000)
    assert view["center"]["lat"] == pytest.approx(math.degrees(math.atan(1 / math.sqrt(2))))
    # height binds: 1000 / (512 · ln(2+√3) / 2π) → log2, less the 0.15 margin
    expected = math.log2(1000 / (512 * math.log(2 + math.sqrt(3)) / (2 * math.pi))) - 0.15
    assert view["zoom"] == pytest.approx(expected)


def test_antimeridian_is_crossed_when_that_is_shorter():
    # Chukotka-like: 160° E … 170° W is 30° across the antimeridian (not 330°); centre 175° E
    view = geo.fit_bounds([65, 66], [160, -170], 1024, 10_000, margin=0)
    assert view["center"]["lon"] == pytest.approx(175.0)
    assert view["zoom"] == pytest.approx(math.log2(1024 / (512 * 30 / 360)))
    # centre past 180° comes back as a western longitude: 170° E … 160° W → 185° → −175°
    assert geo.fit_bounds([0, 0], [170, -160], 512, 512)["center"]["lon"] == pytest.approx(-175.0)
    # across Greenwich the short way is the plain one: −2° … 3° stays a 5° span centred at 0.5°
    assert geo.fit_bounds([50, 51], [-2, 3], 512, 512)["center"]["lon"] == pytest.approx(0.5)


def test_poles_are_clamped_and_zoom_has_a_floor():
    view = geo.fit_bounds([89.9, 90], [0, 1], 512, 512)
    assert view["center"]["lat"] == pytest.approx(85.0)  # the Mercator world's edge, not infinity
    world = geo.fit_bounds([-80, 80], [-179, 179], 100, 100)  # the whole world in 100 px
    assert world["zoom"] == 0.5


def test_nothing_to_fit_gives_the_default_view_and_missing_values_are_skipped():
    assert geo.fit_bounds([], [], 640, 480) == geo.DEFAULT_VIEW
    assert geo.fit_bounds([float("nan"), None], [1.0, 2.0], 640, 480) == geo.DEFAULT_VIEW
    one = geo.fit_bounds([54.5, float("nan")], [36.3, 40.0], 640, 480, min_lon_span=0.05)
    assert one["center"] == pytest.approx({"lat": 54.5, "lon": 36.3})


def test_coordinates_walk_any_depth():
    polygon = [[[30.0, 50.0], [31.0, 50.0], [31.0, 51.5], [30.0, 50.0]]]
    assert geo.coordinates(polygon) == ([30.0, 31.0, 31.0, 30.0], [50.0, 50.0, 51.5, 50.0])
    collection = {"features": [{"geometry": {"type": "Polygon", "coordinates": polygon}}, {"geometry": None}]}
    assert geo.collection_coordinates(collection)[1] == [50.0, 50.0, 51.5, 50.0]
