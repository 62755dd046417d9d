"""Boundary GeoJSON: the OSM-derived region file (simplified) and Kaluga oblast shipped in data/boundaries/."""

from __future__ import annotations

import json

import pytest

from analytics import store
from analytics.data import boundaries

REFERENCE = store.ROOT / "data" / "boundaries"


@pytest.fixture()
def con(demo_copy):
    return demo_copy


def test_russian_regions_match_the_store_by_name(con):
    source = REFERENCE / "russia-regions.geojson"
    features = json.loads(source.read_text(encoding="utf-8"))["features"]
    report = boundaries.load_boundaries(con, "region", source, user="tester")
    assert report.ok, report.errors
    held = store.query(con, "SELECT code, name, geometry FROM boundaries WHERE level = 'region'")
    assert len(held) == len(features) == 83  # every feature placed: the file has no Crimea and Sevastopol
    kaluga = held.set_index("code").loc["40"]
    assert kaluga["name"] == "Kaluga Oblast"
    assert json.loads(kaluga["geometry"])["type"] == "Polygon"
    version = (
        store.query(
            con,
            "SELECT table_name, action, user_name, rows_after FROM dataset_versions WHERE version_id = ?",
            [report.version_id],
        )
        .iloc[0]
        .tolist()
    )
    assert version == ["boundaries", "replace", "tester", 83]
    values = boundaries.choropleth_values(con, "region", "40").set_index("code")
    assert len(values) == 83 and values.loc["40", "value"] > 0


def test_kaluga_alone_and_a_map_view_centred_on_it(con):
    report = boundaries.load_boundaries(con, "region", REFERENCE / "kaluga-oblast.geojson")
    assert report.ok and report.rows_loaded == 1
    shapes = boundaries.feature_collection(con, "region")
    assert [f["id"] for f in shapes["features"]] == ["40"]
    view = boundaries.map_view(con, "region")
    assert 53.5 < view["center"]["lat"] < 55.5 and 34 < view["center"]["lon"] < 37 and view["zoom"] > 5


def _square(x: float, y: float) -> list:
    return [[[x, y], [x + 0.1, y], [x + 0.1, y + 0.1], [x, y + 0.1], [x, y]]]


def test_municipalities_by_oktmo_numbers_and_names(con):
    doc = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "properties": {"OKTMO": 29701000, "NAME": "Калуга"},
                "geometry": {"type": "Polygon", "coordinates": _square(36.2, 54.5)},
            },
            {
                "type": "Feature",
                "properties": {"OKTMO": "29606000", "NAME": "Боровский район"},
                "geometry": {"type": "MultiPolygon", "coordinates": [_square(36.4, 55.2), _square(36.6, 55.2)]},
            },
            {
                "type": "Feature",
                "properties": {"OKTMO": "29999000", "NAME": "Нигде"},
                "geometry": {"type": "Polygon", "coordinates": _square(35.0, 54.0)},
            },
        ],
    }
    report = boundaries.load_boundaries(con, "municipality", json.dumps(doc).encode("utf-8"), file_name="mo.geojson")
    assert report.ok
    held = store.query(con, "SELECT code FROM boundaries WHERE level = 'municipality' ORDER BY code")
    assert held["code"].tolist() == ["29606000", "29701000"]
    assert {w.code for w in report.warnings} >= {"boundary_property", "boundary_unmatched"}
    values = boundaries.choropleth_values(con, "municipality", "40").set_index("code")
    expected = store.query(con, "SELECT count(*) AS n FROM enterprises WHERE oktmo = '29701000'")["n"][0]
    assert values.loc["29701000", "value"] == expected


def test_a_second_load_replaces_the_level(con):
    assert boundaries.load_boundaries(con, "region", REFERENCE / "russia-regions.geojson").ok
    assert boundaries.load_boundaries(con, "region", REFERENCE / "kaluga-oblast.geojson").ok
    assert store.query(con, "SELECT count(*) AS n FROM boundaries")["n"][0] == 1


def test_names_normalise_across_spellings():
    assert boundaries.normalise_name("Республика Северная Осетия — Алания") == boundaries.normalise_name(
        "Северная Осетия - Алания"
    )
    assert boundaries.normalise_name("Ханты-Мансийский автономный округ — Югра") == boundaries.normalise_name(
        "Ханты-Мансийский автономный округ - Югра"
    )
