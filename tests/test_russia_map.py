"""The Russia map out of the box: shipped boundaries keyed by region code, values by region, the
offline choropleth with the selected region highlighted."""

from __future__ import annotations

import json
import shutil

import duckdb
import pytest

from analytics.data import russia_map
from analytics.services import region_map
from ui.charts import russia_map as map_charts


@pytest.fixture(scope="module")
def con(demo_db, tmp_path_factory):
    # a copy of its own: another test module may hold the shared demo store open with other settings
    copy = tmp_path_factory.mktemp("russia_map") / "demo.duckdb"
    shutil.copyfile(demo_db, copy)
    connection = duckdb.connect(str(copy), read_only=True)
    yield connection
    connection.close()


def test_shipped_collection_is_keyed_by_region_code():
    fc = russia_map.russia_regions()
    ids = [f["id"] for f in fc["features"]]
    assert len(ids) == len(set(ids)) == 83 and russia_map.unmatched_names() == ()
    assert "40" in ids and "77" in ids and "86" in ids and "91" not in ids  # Crimea is not in the file
    kaluga = next(f for f in fc["features"] if f["id"] == "40")
    assert kaluga["properties"]["name"] == "Калужская область"


def test_chukotka_is_one_piece_east_of_180():
    chukotka = next(f for f in russia_map.russia_regions()["features"] if f["id"] == "87")
    lons = [p[0] for polygon in chukotka["geometry"]["coordinates"] for p in polygon[0]]
    # Chukotka spans about 157° E to 169° W (= 191° E): nothing west of Greenwich is left
    assert min(lons) > 150 and 185 < max(lons) < 195


def test_callers_get_a_copy():
    first = russia_map.russia_regions()
    first["features"].clear()
    assert len(russia_map.russia_regions()["features"]) == 83


def test_kaluga_share_of_shipments_on_the_map(con):
    result = region_map.region_map(con, "shipments_share", sector="D", year=2016)
    values = result.values.set_index("code")
    assert values.loc["40", "value"] == pytest.approx(517016 / 36119929)
    assert result.data_status == "public" and "rosstat" in result.source.lower()
    assert len(values) == 83


def test_unknown_metric_and_bad_growth_years_are_refused(con):
    with pytest.raises(ValueError):
        region_map.region_map(con, "nonsense", sector="29", year=2023)
    with pytest.raises(ValueError):
        region_map.region_map(con, "growth", sector="29", year=2023, start=2023)


def test_choropleth_is_offline_and_outlines_the_selected_region(con):
    result = region_map.region_map(con, "lq", sector="29", year=2023, region_code="40")
    assert "71" in result.peers and "40" not in result.peers and "78" not in result.peers  # Central district
    fig = map_charts.region_choropleth(
        region_map.russia_boundaries(con),
        result.values,
        lang="ru",
        value_title="LQ",
        view=result.view,
        selected="40",
        peers=["71", "40"],
        kind="ratio",
    )
    spec = json.loads(fig.to_json())
    assert spec["layout"]["map"]["style"] == "white-bg"
    assert "mapbox" not in spec["layout"] and "geo" not in spec["layout"]
    outlines = [t for t in fig.data if t.hoverinfo == "skip"]
    assert [list(t.locations) for t in outlines] == [["71"], ["40"]]  # peers, then the selected on top
    assert outlines[-1].marker.line.color == "#000000" and outlines[-1].marker.line.width == 3
