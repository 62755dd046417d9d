"""The "Route to the registry" tab of the Clusters page in both languages (AppTest), its figures checked
against the library's roadmap on a copy of the demo store."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from analytics import store
from analytics.models import roadmap
from ui.charts.clusters import PROPOSED_COLOUR
from ui.core import fmt
from ui.core.i18n import CATALOG

APP = str(Path(__file__).resolve().parent.parent / "app.py")


@pytest.fixture(scope="module")
def plans(demo_db, tmp_path_factory):
    copy = tmp_path_factory.mktemp("roadmap_page") / "demo.duckdb"
    shutil.copyfile(demo_db, copy)
    con = store.connect(copy, read_only=True)
    out = {c: roadmap.registry_roadmap(con, c, region="40", year=2023) for c in ("automotive", "composites")}
    con.close()
    return out


def route_tab(lang: str, cluster_id: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=180)
    at.query_params["lang"] = lang.upper()
    at.run()
    # through the session state, not the widgets: the widgets' labels follow the session's language,
    # which AppTest cannot see outside a run
    at.session_state["clusters_selected"] = cluster_id
    at.session_state[f"clusters_tab_{lang}"] = CATALOG[lang]["clusters.tab.roadmap"]
    at.switch_page("app_pages/clusters.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_the_route_closes_the_automotive_gap(app_db, plans, lang):
    plan = plans["automotive"]
    assert plan.status == "optimal" and len(plan.links) >= 1  # the demo's automotive candidate can be helped
    text = CATALOG[lang]
    at = route_tab(lang, "automotive")
    value = fmt.money_mln(float(plan.links["value_mln_rub"].sum()), lang)
    assert any(
        s.body.startswith(text["roadmap.status.optimal"].format(n=len(plan.links), value=value)) for s in at.success
    )
    metrics = {m.label: m.value for m in at.metric}
    assert metrics[text["roadmap.dependence_before"]] == fmt.percent(plan.dependence_before, lang, 1)
    assert metrics[text["roadmap.dependence_after"]] == fmt.percent(plan.dependence_after, lang, 1)
    tables = {tuple(d.value.columns)[:2]: d.value for d in at.table}
    links = tables[(text["roadmap.col.supplier"], text["roadmap.col.buyer"])]
    assert len(links) == len(plan.links)
    assert list(links[text["roadmap.col.value"]]) == [fmt.number(v, lang, 3) for v in plan.links["value_mln_rub"]]
    assert sorted(links[text["roadmap.col.supplier"]]) == sorted(plan.links[f"supplier_{lang}"])
    gaps = tables[(text["roadmap.col.rule"], text["roadmap.col.status"])]
    assert len(gaps) == 6
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    proposed = [tr for tr in spec["data"] if tr.get("name") == text["roadmap.network_proposed"]]
    assert len(proposed) == 1 and proposed[0]["line"]["color"] == PROPOSED_COLOUR
    assert sum(x is None for x in proposed[0]["x"]) == len(plan.links)  # one segment per proposed contract
    ends = set(plan.links["supplier_inn"]) | set(plan.links["buyer_inn"])
    assert len(spec["layout"]["annotations"]) == len(ends)  # who signs the proposed contracts is labelled
    assert all(not a["text"].endswith("…") for a in spec["layout"]["annotations"])
    assert at.subheader and any(s.value == text["roadmap.todo"] for s in at.subheader)
    labels = [b.proto.label for b in at.get("download_button")]
    assert text["roadmap.pack"] in labels and text["roadmap.pack_pdf"] in labels


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_the_route_says_why_composites_cannot_close(app_db, plans, lang):
    plan = plans["composites"]
    assert plan.status == "no_solution"
    text = CATALOG[lang]
    at = route_tab(lang, "composites")
    body = at.error[0].body
    assert body.startswith(text["roadmap.status.no_solution"])
    capacity = next(w for w in plan.why if w["code"] == "capacity")
    assert fmt.money_mln(capacity["needed_mln_rub"], lang) in body
    assert any(i.body == text["roadmap.no_links"] for i in at.info)
