"""The peer-region sections of the Sectors and Clusters pages (AppTest), checked against the library."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from analytics import store
from analytics.services import peers as peer_service
from ui.core.i18n import CATALOG

APP = str(Path(__file__).resolve().parent.parent / "app.py")
RU = CATALOG["ru"]


@pytest.fixture(scope="module")
def suggested(demo_db, tmp_path_factory):
    copy = tmp_path_factory.mktemp("peers_pages") / "demo.duckdb"
    shutil.copyfile(demo_db, copy)
    con = store.connect(copy, read_only=True)
    out = peer_service.peer_regions(con, "40", 2023)
    con.close()
    return out


@pytest.fixture()
def page(app_db):

    def make(path: str) -> AppTest:
        at = AppTest.from_file(APP, default_timeout=120).run()
        at.switch_page(path).run()
        assert not at.exception, [e.value for e in at.exception]
        return at

    return make


def _peer_picker(at: AppTest, prefix: str):
    return next(m for m in at.multiselect if m.key and m.key.startswith(prefix))


def _peer_chart(at: AppTest) -> dict:
    specs = [json.loads(c.proto.spec) for c in at.get("plotly_chart")]
    [chart] = [s for s in specs if s["layout"].get("barmode") == "group" and "xaxis2" in s["layout"]]
    return chart


def test_sectors_page_compares_the_region_with_the_suggested_peers(page, suggested):
    at = page("app_pages/sectors.py")
    picker = _peer_picker(at, "sectors_peers")
    assert list(picker.value) == suggested["code"].tolist()  # the suggestion is preselected
    chart = _peer_chart(at)
    titles = [a["text"] for a in chart["layout"]["annotations"]]
    assert titles[:2] == [RU["peers.lq"].format(year=2023), RU["peers.growth"].format(start=2016, end=2023)]
    legend = [trace["name"] for trace in chart["data"] if trace.get("showlegend", True)]
    assert legend == ["Калужская область", *suggested["name_ru"]]
    assert len(chart["data"]) == 2 * (1 + len(suggested))  # LQ and growth for each region
    # a peer picked by hand replaces the suggestion
    picker.set_value(["77"]).run()
    assert not at.exception
    chart = _peer_chart(at)
    assert [trace["name"] for trace in chart["data"] if trace.get("showlegend", True)] == [
        "Калужская область",
        "Москва",
    ]


def test_clusters_page_shows_stars_of_the_region_and_its_peers(page, suggested):
    at = page("app_pages/clusters.py")
    assert any(h.value == RU["peers.title"] for h in at.header)
    table = next(d.value for d in at.dataframe if "Калужская область" in d.value.columns)
    assert list(table.columns) == [RU["col.peer.cluster"], "Калужская область", *suggested["name_ru"]]
    assert len(table) == 5  # the five demo templates
    assert all("LQ" in cell for cell in table["Калужская область"])


def test_home_map_outlines_the_peer_regions(demo_db, app_db):
    con = store.connect(demo_db, read_only=True)
    peer_sets = {y: peer_service.peer_regions(con, "40", y) for y in (2016, 2023)}
    con.close()
    at = AppTest.from_file(APP, default_timeout=120).run()
    assert not at.exception
    maps = [json.loads(c.proto.spec) for c in at.get("plotly_chart")]
    [russia] = [m for m in maps if m["layout"].get("map")]
    outlines = [trace for trace in russia["data"] if trace.get("hoverinfo") == "skip"]
    peers, selected = (list(trace["locations"]) for trace in outlines)
    assert selected == ["40"]
    # the peers of the sector year nearest to the map's year (2016 for the public series, 2023 otherwise)
    expected = next(frame for frame in peer_sets.values() if frame["code"].tolist() == peers)
    names = ", ".join(expected["name_ru"])
    assert any(c.value == RU["peers.map_outline"].format(names=names) for c in at.caption)
    st.cache_resource.clear()
