"""The Clusters page driven through its controls (AppTest), numbers checked against the library."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from analytics import store
from analytics.models import clusters, discovery, registry
from ui.core.i18n import CATALOG

APP = str(Path(__file__).resolve().parent.parent / "app.py")
RU, EN = CATALOG["ru"], CATALOG["en"]


@pytest.fixture()
def page(app_db):

    def make(lang: str | None = None, **params: str) -> AppTest:
        at = AppTest.from_file(APP, default_timeout=120)
        if lang:
            at.query_params["lang"] = lang.upper()
        for key, value in params.items():
            at.query_params[key] = value
        at.run()
        at.switch_page("app_pages/clusters.py").run()
        assert not at.exception, [e.value for e in at.exception]
        return at

    return make


@pytest.fixture(scope="module")
def library(demo_db, tmp_path_factory):
    """The library's answers on a copy of the demo store (the session store itself is never opened read-write)."""
    copy = tmp_path_factory.mktemp("clusters_page") / "demo.duckdb"
    shutil.copyfile(demo_db, copy)
    con = store.connect(copy, read_only=True)
    out = {
        "candidates": clusters.find_candidates(con, "40", 2023).set_index("cluster_id"),
        "verdicts": registry.verdicts(con, "40", 2023).set_index("cluster_id"),
        "found": discovery.discover(con, "40", 2023),
    }
    con.close()
    return out


def card_titles(at: AppTest) -> list[str]:
    return [s.value for s in at.subheader if s.value[:1].isdigit() and ". " in s.value]


def metrics(at: AppTest, label: str) -> list[str]:
    return [m.value for m in at.metric if m.label == label]


def open_tab(at: AppTest, tab: str, lang: str = "ru") -> AppTest:
    """Select a detail tab (only the open one is drawn)."""
    at.session_state[f"clusters_tab_{lang}"] = CATALOG[lang][f"clusters.tab.{tab}"]
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_cards_are_ranked_by_the_librarys_score(page, library):
    at = page()
    expected = library["candidates"].sort_values("rank")
    assert card_titles(at) == [f"{int(r['rank'])}. {r['name_ru']}" for _, r in expected.iterrows()]
    # the template cards come first; the discovered ones follow further down
    assert metrics(at, RU["clusters.kpi.score"])[:5] == [f"{s:.0f}" for s in expected["score"]]
    assert metrics(at, RU["clusters.kpi.members"])[:5] == [str(n) for n in expected["members"]]


def test_cards_show_stars_badges_and_dependence(page, library):
    at = page()
    texts = [m.value for m in at.markdown]
    verdicts = library["verdicts"]
    # as the decree reads, every demo candidate has participants without a contract: none passes
    assert sum(RU["clusters.badge.pass"] in t for t in texts) == int((verdicts["verdict"] == "pass").sum()) == 0
    assert sum(RU["clusters.badge.fail"] in t for t in texts) == 5
    assert any("★★★☆☆" in t for t in texts)  # automotive: specialisation, focus, productivity
    order = library["candidates"].sort_values("rank").index
    shown = metrics(at, RU["clusters.kpi.dependence"])
    # purchases from the cluster's other participants, not between final producers (issue 11: rail 14.1 %)
    assert shown[list(order).index("rail")] == "14,1\u00a0%"
    assert shown[list(order).index("automotive")] == "9,5\u00a0%"


def test_weights_reorder_the_cards(page, library):
    at = page()
    for key in ("size", "specialisation", "growth", "completeness"):
        at.slider(key=f"clusters_w_{key}").set_value(0.0).run()
    assert not at.exception
    by_cooperation = library["candidates"].sort_values("cooperation", ascending=False)
    assert card_titles(at)[0] == f"1. {by_cooperation.iloc[0]['name_ru']}"  # rail: members buy most from members
    at.slider(key="clusters_w_cooperation").set_value(0.0).run()
    at.slider(key="clusters_w_growth").set_value(1.0).run()
    fastest = library["candidates"].sort_values("pct_growth").iloc[-1]["name_ru"]
    assert card_titles(at)[0] == f"1. {fastest}"  # pharma: the only template growing faster than Russia


def test_registry_thresholds_are_editable(page, library):
    at = page()
    order = list(library["candidates"].sort_values("rank").index)
    assert metrics(at, RU["clusters.kpi.dependence"])[order.index("rail")] == "14,1\u00a0%"
    at.radio(key="reg_suppliers").set_value("all").run()  # the core → core reading
    assert not at.exception
    assert metrics(at, RU["clusters.kpi.dependence"])[order.index("rail")] == "28,7\u00a0%"
    at.selectbox(key="clusters_selected").set_value("rail").run()
    open_tab(at, "registry")
    texts = "\n".join(m.value for m in at.markdown)
    assert RU["clusters.dependence_reading_all"] in [c.value for c in at.caption]
    assert "Чувствительность: по прочтению постановления" in texts and "14,1\u00a0%" in texts
    # still fails: one rail participant has no contract, and that blocks
    assert any(e.body == RU["clusters.registry_verdict.fail"] for e in at.error)


def test_detail_tabs_for_the_selected_candidate(page, library):
    at = page()
    at.selectbox(key="clusters_selected").set_value("composites").run()
    assert not at.exception
    assert at.header[0].value == RU["clusters.detail"].format(name="Композитные материалы")
    members = at.dataframe[0].value
    assert len(members) == library["candidates"].loc["composites", "members"]
    assert set(members[RU["clusters.col.role"]]) <= {RU[f"clusters.role.{r}"] for r in clusters.MEMBER_ROLES}
    assert len(at.get("download_button")) >= 2
    assert not at.get("plotly_chart")  # the closed tabs are not drawn

    open_tab(at, "map")
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert spec["layout"]["map"]["style"] == "white-bg"
    assert {trace["type"] for trace in spec["data"]} == {"scattermap"}
    assert all(trace["mode"] == "markers" for trace in spec["data"])  # no text: nothing fetched offline

    open_tab(at, "network")
    network = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert sum(trace.get("name") == RU["clusters.role.core"] for trace in network["data"]) == 1

    open_tab(at, "registry")
    texts = "\n".join(m.value for m in at.markdown)
    assert RU["clusters.rule.organising"] in texts and "Поливолокно" in texts  # the four without a contract
    assert RU["clusters.dependence_reading"] in [c.value for c in at.caption]
    assert "Чувствительность: если считать и закупки конечных производителей" in texts
    assert any(e.body == RU["clusters.registry_verdict.fail"] for e in at.error)

    open_tab(at, "gaps")
    assert any(c.value == RU["clusters.gaps_caption"] for c in at.caption)


def test_a_discovered_candidate_can_be_examined(page, library):
    found = library["found"].candidates
    assert len(found)
    at = page()
    first = found.iloc[0]
    at.selectbox(key="clusters_selected").set_value(first["cluster_id"]).run()
    assert not at.exception
    assert at.header[0].value.startswith("Найденный")
    assert len(at.dataframe[0].value) == first["members"]
    assert len(open_tab(at, "network").get("plotly_chart")) == 1
    # the discovered section lists every proposed community with its codes
    captions = [c.value for c in at.caption]
    for codes in found["codes"]:
        assert RU["clusters.codes"].format(codes=", ".join(codes)) in captions


def test_english(page):
    at = page("en")
    assert at.title[0].value == "Kaluga Oblast: clusters"
    assert any(title.endswith(". Automotive") for title in card_titles(at))
    assert EN["clusters.badge.fail"] in "\n".join(m.value for m in at.markdown)
    assert EN["clusters.discovered"] in [h.value for h in at.header]


def test_a_region_without_enterprises(page):
    at = page(region="77")
    assert any(i.body == RU["clusters.no_enterprises"] for i in at.info)
    assert len(card_titles(at)) == 5  # the statistics still rank the templates
    assert "\n".join(m.value for m in at.markdown).count(RU["clusters.badge.not_enough_data"]) == 5
    assert any(i.body == RU["clusters.map_no_points"] for i in open_tab(at, "map").info)
    assert any(i.body == RU["clusters.network_empty"] for i in open_tab(at, "network").info)
    assert any(w.body == RU["clusters.registry_verdict.not_enough_data"] for w in open_tab(at, "registry").warning)
    assert RU["clusters.missing.no_members"] in "\n".join(m.value for m in at.markdown)
    open_tab(at, "gaps")
