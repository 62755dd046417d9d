"""The presentation slide «Дорожная карта включения в реестр» / "Route to the registry" in AppTest, both
languages: its numbers equal those of :func:`analytics.models.roadmap.registry_roadmap` computed here on a
copy of the demo store (automotive: two contracts close the gap; composites: none can)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from analytics import store
from analytics.models import roadmap
from analytics.services import storyline
from ui.charts import slides
from ui.core import fmt
from ui.core.i18n import CATALOG

APP = str(Path(__file__).resolve().parent.parent / "app.py")


@pytest.fixture(scope="module")
def plans(demo_db, tmp_path_factory):
    copy = tmp_path_factory.mktemp("route_slide") / "demo.duckdb"
    shutil.copyfile(demo_db, copy)
    con = store.connect(copy, read_only=True)
    out = {c: roadmap.registry_roadmap(con, c, region="40", year=2023) for c in ("automotive", "composites")}
    yield out
    con.close()


def route_slide(lang: str, cluster_id: str) -> AppTest:
    """The deck at the route slide for ``cluster_id`` (the app on ``app_db``'s store copy)."""
    at = AppTest.from_file(APP, default_timeout=120)
    for key, value in {"present": "1", "cluster": cluster_id, "lang": lang}.items():
        at.query_params[key] = value
    at.run()
    order = [k for k in storyline.SLIDE_ORDER if k in storyline.BUILDERS]
    for _ in range(order.index("route")):
        at.button(key="slide-next").click().run()
        assert not at.exception, [e.value for e in at.exception]
    return at


def flat(s: str) -> str:
    return s.replace("\xa0", " ").replace("\u202f", " ")


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_the_route_slide_shows_the_roadmaps_numbers(app_db, plans, lang):
    plan = plans["automotive"]
    assert plan.status == "optimal" and set(plan.addresses) == {"contracts", "dependence"}
    text = CATALOG[lang]
    at = route_slide(lang, "automotive")
    cluster = "Автомобилестроение" if lang == "ru" else "Automotive"
    assert at.title[0].value == text["slide.route.title"].format(cluster=cluster)
    metrics = {m.label: m.value for m in at.metric}
    value = fmt.money_mln(float(plan.links["value_mln_rub"].sum()), lang, 0)
    assert metrics[text["slide.route.contracts"]] == str(len(plan.links))
    assert metrics[text["slide.route.value"]] == value
    assert metrics[text["slide.route.dependence"]] == text["slide.route.arrow"].format(
        before=fmt.percent(plan.dependence_before, lang, 1), after=fmt.percent(plan.dependence_after, lang, 1)
    )
    assert plan.dependence_after == pytest.approx(plan.threshold)  # the smallest plan lands on the threshold
    message = " ".join(flat(m.value) for m in at.markdown)
    # the gap per failing rule, and one conclusion
    unlinked = plan.before.rule("contracts").measured
    assert flat(text["slide.route.gap.contracts"].format(n=int(unlinked))) in message
    assert flat(fmt.money_mln(plan.needed_mln_rub, lang, 0)) in message
    assert flat(text["slide.route.conclusion.closes"].format(value=value, n=len(plan.links))) in message
    fig = at.get("plotly_chart")[0]
    assert fig is not None


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_the_route_slide_says_when_contracts_cannot_close_the_gap(app_db, plans, lang):
    plan = plans["composites"]
    assert plan.status == "no_solution" and plan.links.empty
    text = CATALOG[lang]
    at = route_slide(lang, "composites")
    message = " ".join(flat(m.value) for m in at.markdown)
    assert flat(text["slide.route.conclusion.no_solution"]) in message
    metrics = {m.label: m.value for m in at.metric}
    assert metrics[text["slide.route.contracts"]] == "0"
    before = fmt.percent(plan.dependence_before, lang, 1)
    assert metrics[text["slide.route.dependence"]] == text["slide.route.arrow"].format(before=before, after=before)


def test_the_conclusion_follows_the_plan_without_a_store():
    rules = storyline.Slide(
        "route",
        {
            "cluster_ru": "К",
            "cluster_en": "C",
            "year": 2023,
            "status": "optimal",
            "verdict": "pass",
            "addresses": "",
            "contracts": 0,
            "value_mln_rub": 0.0,
            "needed_mln_rub": 0.0,
            "dependence_before": 0.25,
            "dependence_after": 0.25,
            "threshold": 0.2,
        },
        {
            "rules": pd.DataFrame(
                [
                    {
                        "rule_id": "dependence",
                        "status": "pass",
                        "blocking": True,
                        "measured": 0.25,
                        "threshold": 0.2,
                        "points": None,
                        "missing": None,
                        "excess": None,
                    },
                    {
                        "rule_id": "specialised",
                        "status": "fail",
                        "blocking": True,
                        "measured": 0,
                        "threshold": 1,
                        "points": None,
                        "missing": 1,
                        "excess": None,
                    },
                ]
            ),
            "links": None,
        },
    )
    v = slides.view(rules, "en", region_name="R", cluster_names={})
    assert CATALOG["en"]["slide.route.conclusion.none_needed"] in v.message
    assert (
        CATALOG["en"]["slide.route.conclusion.remaining"].format(rules=CATALOG["en"]["clusters.rule.specialised"])
        in v.message
    )
    assert (
        CATALOG["en"]["slide.route.gap.count"].format(rule=CATALOG["en"]["clusters.rule.specialised"], n="1")
        in v.message
    )
