"""The Subsidies page driven through its widgets (AppTest); expected numbers computed by hand from the
store's costs, never read back from the code under test."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import pytest
from streamlit.testing.v1 import AppTest

from analytics import store
from analytics.models import rules
from ui.core.i18n import CATALOG
from ui.downloads import subsidy as subsidy_downloads
from ui.tables import subsidy as subsidy_tables

APP = str(Path(__file__).resolve().parent.parent / "app.py")
RU = CATALOG["ru"]
EN = CATALOG["en"]
JOINT_CATEGORIES = ("rd", "design_docs", "ip_licences", "engineering", "equipment", "loan_interest", "leasing")


@pytest.fixture()
def page(app_db):
    """``page(**query)`` → an AppTest on the Subsidies page, opened as a link with ``query``, on a store
    copy of this test's own (``app_db``: the page may save scenarios into it)."""

    def open_page(session: dict | None = None, **query: str) -> AppTest:
        at = AppTest.from_file(APP, default_timeout=120)
        for key, value in query.items():
            at.query_params[key] = value
        for key, value in (session or {}).items():
            at.session_state[key] = value
        at.run()
        at.switch_page("app_pages/subsidies.py")
        at.run()
        assert not at.exception, [e.value for e in at.exception]
        return at

    return open_page


@pytest.fixture(scope="module")
def costs_by_hand(tmp_path_factory, demo_db):
    """Eligible costs per project under the 2016–2018 regime, straight from the store with SQL of
    this test: the seven joint-project categories, within ten years of the project's first year (the
    earliest of its start, cost and revenue years), projects declared joint with ≥ 2 participants and
    started while the regime was in force (2016–2018; 0 for the others). The tests open the page with
    every cluster assumed registered. ``by_year``: the same costs by the year the subsidy is *paid*
    (the year after the cost: default payment lag 1)."""
    copy = tmp_path_factory.mktemp("hand") / "hand.duckdb"
    shutil.copyfile(demo_db, copy)
    con = store.connect(copy, read_only=True)
    frame = store.query(
        con,
        """
        WITH first AS (
            SELECT p.project_id, least(p.start_year,
                       coalesce((SELECT min(year) FROM project_costs c WHERE c.project_id = p.project_id), 9999),
                       coalesce((SELECT min(year) FROM project_revenues r WHERE r.project_id = p.project_id), 9999)
                   ) AS first_year
            FROM projects p),
        people AS (
            SELECT project_id, count(DISTINCT inn) AS n FROM (
                SELECT project_id, inn FROM project_participants
                UNION SELECT project_id, initiator_inn FROM projects) GROUP BY project_id)
        SELECT p.project_id, p.is_joint, people.n AS participants,
               coalesce(sum(c.amount_mln_rub) FILTER (
                   WHERE list_contains(?, c.category)
                     AND c.year - first.first_year < 10 AND p.start_year BETWEEN 2016 AND 2018), 0) AS eligible
        FROM projects p JOIN first USING (project_id) JOIN people USING (project_id)
        LEFT JOIN project_costs c USING (project_id)
        GROUP BY ALL ORDER BY p.project_id""",
        [list(JOINT_CATEGORIES)],
    )
    by_year = store.query(
        con,
        """
        SELECT c.project_id, c.year + 1 AS year, sum(c.amount_mln_rub) AS eligible
        FROM project_costs c JOIN projects p USING (project_id)
        WHERE list_contains(?, c.category) AND p.start_year BETWEEN 2016 AND 2018
        GROUP BY ALL""",
        [list(JOINT_CATEGORIES)],
    )
    con.close()
    assert frame["is_joint"].all() and (frame["participants"] >= 2).all()  # all 16 demo projects are joint
    assert 0 < (frame["eligible"] > 0).sum() < len(frame)  # some started in 2016–2018, some later
    return frame.set_index("project_id")["eligible"], by_year


@pytest.fixture(scope="module")
def start_years(tmp_path_factory, demo_db) -> pd.Series:
    """Start year per project, read with SQL of this test."""
    copy = tmp_path_factory.mktemp("starts") / "starts.duckdb"
    shutil.copyfile(demo_db, copy)
    con = store.connect(copy, read_only=True)
    frame = store.query(con, "SELECT project_id, start_year FROM projects")
    con.close()
    return frame.set_index("project_id")["start_year"]


@pytest.fixture(scope="module")
def participants_by_hand(tmp_path_factory, demo_db) -> pd.Series:
    """Participants per project, the initiator included, counted with SQL of this test."""
    copy = tmp_path_factory.mktemp("people") / "people.duckdb"
    shutil.copyfile(demo_db, copy)
    con = store.connect(copy, read_only=True)
    frame = store.query(
        con,
        """
        SELECT project_id, count(DISTINCT inn) AS n FROM (
            SELECT project_id, inn FROM project_participants UNION SELECT project_id, initiator_inn FROM projects)
        GROUP BY project_id""",
    )
    con.close()
    return frame.set_index("project_id")["n"]


def number(text: str) -> float:
    """A number as the page prints it (``1 148``, ``852,2 млн ₽``, ``-245,7``) back to a float."""
    cleaned = re.sub(r"[^\d,.\-−]", "", str(text)).replace("−", "-").replace(",", ".")
    return float(cleaned)


def kpi(at: AppTest, key: str, lang: dict = RU):
    return next(m for m in at.metric if m.label == lang[key])


def projects(at: AppTest, lang: dict = RU) -> pd.DataFrame:
    table = next(d.value for d in at.dataframe if lang["subsidies.col.project_id"] in d.value.columns)
    return table.set_index(lang["subsidies.col.project_id"])


def chart(at: AppTest, key: str) -> dict:
    spec = next(c for c in at.get("plotly_chart") if c.proto.id.endswith(key) or key in c.proto.id)
    return json.loads(spec.proto.spec)


def texts(at: AppTest) -> str:
    parts = [e.value for e in at.markdown] + [e.value for e in at.caption] + [e.value for e in at.info]
    parts += [e.value for e in at.warning] + [e.value for e in at.error] + [e.value for e in at.success]
    return "\n".join(str(p) for p in parts)


# --- sliders move the numbers as the formulas say ------------------------------------------------------


def test_subsidy_is_the_federal_share_of_eligible_costs_project_by_project(page, costs_by_hand):
    eligible, _ = costs_by_hand
    at = page(regime="joint_2016", assume_reg="1")
    table = projects(at)
    assert set(table.index) == set(eligible.index)
    federal = table[RU["subsidies.col.federal"]]
    for project_id, costs in eligible.items():
        assert federal[project_id] == pytest.approx(0.5 * costs, rel=1e-9), project_id
    assert table[RU["subsidies.col.regional"]].eq(0).all()
    assert number(kpi(at, "subsidies.kpi.subsidy").value) == pytest.approx(0.5 * eligible.sum(), abs=0.5)


def test_doubling_the_federal_share_doubles_every_uncapped_subsidy(page, costs_by_hand):
    eligible, _ = costs_by_hand
    at = page(regime="joint_2016", assume_reg="1", fed="0.25")
    quarter = projects(at)[RU["subsidies.col.federal"]]
    at.slider(key="sub_fed").set_value(0.5).run()
    assert not at.exception
    half = projects(at)[RU["subsidies.col.federal"]]
    for project_id, costs in eligible.items():
        assert quarter[project_id] == pytest.approx(0.25 * costs, rel=1e-9)
        assert half[project_id] == pytest.approx(2 * quarter[project_id], rel=1e-9)
    assert at.query_params["fed"] == "0.5"


def test_regional_top_up_adds_its_own_share_and_leaves_the_federal_one(page, costs_by_hand):
    eligible, _ = costs_by_hand
    at = page(regime="joint_2016", assume_reg="1")
    at.slider(key="sub_top_up").set_value(0.1).run()
    assert not at.exception
    table = projects(at)
    for project_id, costs in eligible.items():
        assert table.loc[project_id, RU["subsidies.col.regional"]] == pytest.approx(0.1 * costs, rel=1e-9)
        assert table.loc[project_id, RU["subsidies.col.federal"]] == pytest.approx(0.5 * costs, rel=1e-9)
    assert number(kpi(at, "subsidies.kpi.subsidy").value) == pytest.approx(0.6 * eligible.sum(), abs=0.5)
    assert at.query_params["top_up"] == "0.1"


def test_an_own_cap_per_project_cuts_each_subsidy_at_the_cap(page, costs_by_hand):
    eligible, _ = costs_by_hand
    at = page(regime="joint_2016", assume_reg="1", cap_basis="project")
    at.number_input(key="sub_cap").set_value(60.0).run()
    assert not at.exception
    federal = projects(at)[RU["subsidies.col.federal"]]
    for project_id, costs in eligible.items():
        assert federal[project_id] == pytest.approx(min(0.5 * costs, 60.0), rel=1e-9)
    assert (eligible * 0.5 > 60).any() and (eligible * 0.5 < 60).any()  # the cap binds for some, not all


def test_the_federal_slider_stops_at_the_regime_limit_which_is_drawn(page):
    at = page(regime="joint_2016", assume_reg="1")
    fed = at.slider(key="sub_fed")
    assert fed.max == 0.5 and "50\u00a0%" in fed.label
    support = chart(at, "sub_support_chart")
    lines = [s for s in support["layout"]["shapes"] if s["type"] == "line"]
    assert [s["x0"] for s in lines] == [50.0]  # the limit line at 50 % of eligible costs
    at.radio(key="sub_regime").set_value("joint_2019").run()
    assert not at.exception
    assert at.slider(key="sub_fed").max == 0.3
    assert at.slider(key="sub_fed").value == 0.3  # restarted at the new limit, and said so
    assert RU["subsidies.notice.federal_share_restarted"].split(":")[0] in texts(at)
    assert at.query_params["regime"] == "joint_2019" and at.query_params["fed"] == "0.3"


def test_lowering_the_regime_limit_lowers_the_federal_share_out_loud(page):
    at = page(regime="joint_2016", assume_reg="1")
    at.slider(key="sub_r_share").set_value(0.4).run()
    assert not at.exception
    assert at.slider(key="sub_fed").value == 0.4
    assert any(RU["subsidies.notice.federal_share_lowered"].split(":")[0] in i.value for i in at.info)
    assert at.query_params["r_share"] == "0.4"


def test_support_above_all_costs_is_refused_with_a_message_not_clipped(page):
    at = page(regime="joint_2016", assume_reg="1", r_share="0.8", fed="0.8")
    at.slider(key="sub_top_up").set_value(0.3).run()
    assert not at.exception
    assert at.slider(key="sub_top_up").value == 0.3  # kept as given…
    message = " ".join(e.value for e in at.error)
    assert RU["subsidies.field.regional_share"] in message and "20,0" in message  # …and refused: 0–20 %
    assert not at.get("plotly_chart")[1:]  # nothing computed from a refused scenario


# --- budget and portfolio ------------------------------------------------------------------------------


def test_a_budget_keeps_every_year_of_the_portfolio_within_it(page, costs_by_hand):
    eligible, by_year = costs_by_hand
    at = page(regime="joint_2016", assume_reg="1")
    assert RU["subsidies.portfolio_all"].split(":")[0] in texts(at)
    at.number_input(key="sub_budget").set_value(150.0).run()
    assert not at.exception
    table = projects(at)
    chosen = table.index[table[RU["subsidies.col.selected"]]]
    assert 0 < len(chosen) < len(eligible)
    per_year = by_year[by_year["project_id"].isin(chosen)].groupby("year")["eligible"].sum() * 0.5
    assert per_year.max() <= 150.0 + 1e-9
    assert RU["subsidies.optimal"] in texts(at)
    assert at.query_params["budget"] == "150.0"
    # the sweep shows who drops out, the current budget among the columns
    sweep = chart(at, "sub_sweep_chart")
    assert "150" in sweep["data"][0]["x"]


def test_ineligible_projects_say_why(page, start_years):
    at = page(assume_reg="1")  # the regime from 2023: starting batches of components only
    table = projects(at)
    reason = table[RU["subsidies.col.reason"]]
    refused = reason[reason != RU["subsidies.reason.eligible"]]
    assert len(refused) > 0
    early = set(start_years.index[start_years < 2023])
    assert (refused[list(early)] == RU["subsidies.reason.outside_regime_period"]).all()
    later = refused.drop(list(early), errors="ignore")
    assert later.str.startswith(RU["subsidies.reason.no_eligible_costs"]).all()
    assert (reason == RU["subsidies.reason.eligible"]).any()  # the later projects with batches qualify


def test_only_registered_clusters_get_support_unless_every_cluster_is_assumed_registered(page, costs_by_hand):
    eligible, _ = costs_by_hand
    at = page(regime="joint_2016")  # no switch: the registry check decides
    marked = at.multiselect(key="sub_registry").value  # the clusters passing the registry check
    assert at.toggle(key="sub_assume_reg").value is False and at.query_params.get("assume_reg", "0") == "0"
    table = projects(at)
    refused = table[table[RU["subsidies.col.reason"]] == RU["subsidies.reason.cluster_not_registered"]]
    assert len(refused) > 0 and refused[RU["subsidies.col.federal"]].eq(0).all()
    assert not any(p.split("-")[0].lower() in "".join(marked) for p in refused.index)  # their clusters unmarked
    at.toggle(key="sub_assume_reg").set_value(True).run()
    assert not at.exception and at.query_params["assume_reg"] == "1"
    federal = projects(at)[RU["subsidies.col.federal"]]
    for project_id, costs in eligible.items():  # everyone registered: the hand-computed 50 %
        assert federal[project_id] == pytest.approx(0.5 * costs, rel=1e-9), project_id


def test_a_cluster_removed_from_the_registry_makes_its_projects_ineligible(page):
    at = page(regime="joint_2016", registry="rail,pharma")
    assert set(at.multiselect(key="sub_registry").value) == {"rail", "pharma"}
    at.multiselect(key="sub_registry").set_value(["rail"]).run()
    assert not at.exception
    table = projects(at)
    pharma = table.index.str.startswith("PHAR")
    assert (table.loc[pharma, RU["subsidies.col.reason"]] == RU["subsidies.reason.cluster_not_registered"]).all()
    assert table.loc[pharma, RU["subsidies.col.federal"]].eq(0).all()
    assert at.query_params.get("registry", "rail") == "rail"  # absent when it equals the registry check


def test_projects_started_outside_the_regime_period_say_so(page, start_years):
    at = page(regime="joint_2016", assume_reg="1")
    reason = projects(at)[RU["subsidies.col.reason"]]
    outside = set(reason.index[reason == RU["subsidies.reason.outside_regime_period"]])
    assert outside == set(start_years.index[(start_years < 2016) | (start_years > 2018)]) != set()


def test_attributed_taxes_are_the_headline_with_the_assumption_in_one_sentence(page):
    at = page(regime="joint_2016", assume_reg="1")
    effectiveness = kpi(at, "subsidies.kpi.effectiveness")
    assert RU["subsidies.kpi.gross"].split(":")[0] in effectiveness.delta  # gross beside
    assert RU["subsidies.assumption"].split(",")[0] in texts(at)
    before = effectiveness.value
    at.slider(key="sub_add").set_value(1.0).run()  # every project's taxes credited: the ratio rises
    assert not at.exception and at.query_params["add"] == "1.0"
    after = kpi(at, "subsidies.kpi.effectiveness").value
    assert number(after) > number(before) if before != "—" else after != "—"
    at.slider(key="sub_lag").set_value(2).run()
    assert not at.exception and at.query_params["lag"] == "2"


# --- the URL is the scenario -----------------------------------------------------------------------------


def test_a_link_restores_exactly_what_was_on_screen(page):
    at = page(regime="joint_2016", assume_reg="1")
    at.slider(key="sub_fed").set_value(0.35).run()
    at.slider(key="sub_top_up").set_value(0.05).run()
    at.slider(key="sub_rate").set_value(0.12).run()
    at.number_input(key="sub_budget").set_value(200.0).run()
    at.selectbox(key="sub_objective").set_value("jobs").run()
    assert not at.exception
    link = {k: at.query_params[k] for k in at.query_params}
    shown = {m.label: m.value for m in at.metric}
    again = page(**link)
    assert {m.label: m.value for m in again.metric} == shown
    assert again.slider(key="sub_fed").value == 0.35 and again.slider(key="sub_rate").value == 0.12
    assert again.selectbox(key="sub_objective").value == "jobs"
    assert {k: again.query_params[k] for k in again.query_params} == link


def test_a_link_with_an_edited_regime_shows_the_edits_and_keeps_them(page, participants_by_hand, start_years):
    from datetime import date

    at = page(r_from="1990-01-01", r_cats="equipment,component_batches", r_minp="3", assume_reg="1")
    assert at.radio(key="sub_regime").value == "components_2023"
    assert at.date_input(key="sub_r_from").value == date(1990, 1, 1)  # outside the usual range: widened
    assert at.multiselect(key="sub_r_cats").value == ["equipment", "component_batches"]
    assert at.number_input(key="sub_r_minp").value == 3
    assert at.query_params["r_from"] == "1990-01-01" and at.query_params["r_minp"] == "3"
    assert at.query_params["r_cats"] == "equipment,component_batches"
    # three participants at least: the projects with two (counted in the store by hand) say so
    reasons = projects(at)[RU["subsidies.col.reason"]]
    too_few = set(reasons.index[reasons == RU["subsidies.reason.too_few_participants"]])
    in_force = set(start_years.index[start_years >= 2023])  # earlier starts: outside the regime, said first
    assert too_few == set(participants_by_hand.index[participants_by_hand < 3]) & in_force != set()


@pytest.mark.parametrize(
    "query,field",
    [
        ({"regime": "joint_2019", "fed": "0.9"}, "federal_share"),
        ({"fed": "abc"}, "federal_share"),
        ({"horizon": "0"}, "horizon_years"),
        ({"objective": "profit"}, "objective"),
    ],
)
def test_a_bad_link_is_explained_and_the_defaults_are_shown(page, query, field):
    at = page(**query)
    message = " ".join(e.value for e in at.error)
    assert RU["subsidies.error.url"].split(";")[0].split(",")[0] in message
    assert RU[f"subsidies.field.{field}"] in message
    assert at.radio(key="sub_regime").value == rules.DEFAULT_REGIME and at.slider(key="sub_fed").value == 0.5


# --- scenarios side by side, saving -----------------------------------------------------------------------


def test_the_quick_comparison_is_0_25_and_50_percent(page, costs_by_hand):
    eligible, _ = costs_by_hand
    at = page(regime="joint_2016", assume_reg="1")
    table = next(d.value for d in at.dataframe if RU["subsidies.col.metric"] in d.value.columns)
    columns = [c for c in table.columns if c != RU["subsidies.col.metric"]]
    assert columns == [RU["subsidies.compare_fed"].format(share=s) for s in ("0\u00a0%", "25\u00a0%", "50\u00a0%")]
    row = table.set_index(RU["subsidies.col.metric"]).loc[RU["subsidies.metric.subsidy_mln_rub"]]
    for column, share in zip(columns, (0.0, 0.25, 0.5)):
        assert number(row[column]) == pytest.approx(share * eligible.sum(), abs=0.05)
    assert at.download_button(key="sub_download_compare")


def test_saving_needs_the_analyst_and_a_saved_scenario_can_be_compared(page):
    at = page(regime="joint_2016", assume_reg="1")
    save = next(b for b in at.button if b.label == RU["subsidies.save_button"])
    assert save.disabled
    assert RU["subsidies.login_required"] in texts(at)

    at = page(session={"analyst": "anna"}, regime="joint_2016", assume_reg="1", fed="0.4")
    at.text_input(key="sub_save_name").input("Сорок процентов")
    next(b for b in at.button if b.label == RU["subsidies.save_button"]).click().run()
    assert not at.exception
    assert RU["subsidies.saved"].format(name="Сорок процентов") in texts(at)
    at.button_group(key="sub_cmp_mode").set_value("saved").run()
    at.multiselect(key="sub_cmp_saved").set_value(["__current__", "Сорок процентов"]).run()
    assert not at.exception
    table = next(d.value for d in at.dataframe if RU["subsidies.col.metric"] in d.value.columns)
    row = table.set_index(RU["subsidies.col.metric"]).loc[RU["subsidies.metric.subsidy_mln_rub"]]
    assert row[RU["subsidies.compare_current"]] == row["Сорок процентов"]  # the same scenario, saved

    at.slider(key="sub_fed").set_value(0.1).run()
    at.button(key="sub_open").click().run()  # open the saved one: the widgets take its values
    assert not at.exception
    assert at.slider(key="sub_fed").value == 0.4 and at.query_params["fed"] == "0.4"


def test_two_or_three_scenarios_side_by_side_without_login(page, costs_by_hand):
    eligible, _ = costs_by_hand
    at = page(regime="joint_2016", assume_reg="1", fed="0.2")
    at.button_group(key="sub_cmp_mode").set_value("pinned").run()
    at.button(key="sub_pin").click().run()
    at.slider(key="sub_fed").set_value(0.4).run()
    at.button(key="sub_pin").click().run()
    assert not at.exception and "analyst" not in at.session_state
    table = next(d.value for d in at.dataframe if RU["subsidies.col.metric"] in d.value.columns)
    row = table.set_index(RU["subsidies.col.metric"]).loc[RU["subsidies.metric.subsidy_mln_rub"]]
    labels = [RU["subsidies.pinned_label"].format(n=n) for n in (1, 2)]
    assert [number(row[label]) for label in labels] == pytest.approx(
        [0.2 * eligible.sum(), 0.4 * eligible.sum()], abs=0.05
    )
    assert "cmp1" in at.query_params and "cmp2" in at.query_params  # the pins travel in the link
    link = {k: at.query_params[k] for k in at.query_params}
    again = page(**link)
    again.button_group(key="sub_cmp_mode").set_value("pinned").run()
    table = next(d.value for d in again.dataframe if RU["subsidies.col.metric"] in d.value.columns)
    assert [c for c in table.columns if c != RU["subsidies.col.metric"]] == labels


# --- reference panel, language, charts -------------------------------------------------------------------


def test_national_context_from_the_source_article(page):
    at = page()
    labels = {m.label: m.value for m in at.metric}
    assert labels[RU["subsidies.national.clusters"]] == "41"
    assert labels[RU["subsidies.national.enterprises"]] == "более 600"
    assert labels[RU["subsidies.national.projects"]] == "более 25"
    assert labels[RU["subsidies.national.value"]].replace("\u00a0", " ") == "более 6,5 млрд ₽"


def test_the_page_in_english(page, costs_by_hand):
    eligible, _ = costs_by_hand
    at = page(lang="en", regime="joint_2016", assume_reg="1", top_up="0.5")  # 100 %: the whole eligible costs
    assert at.title[0].value == EN["subsidies.title"]
    assert kpi(at, "subsidies.kpi.subsidy", EN).value == f"{eligible.sum():,.0f}"
    assert re.fullmatch(r"\d+\.\d\d", kpi(at, "subsidies.kpi.leverage", EN).value)  # English decimal point
    assert EN["subsidies.col.federal"] in projects(at, EN).columns
    assert RU["subsidies.kpi.subsidy"] not in {m.label for m in at.metric}


def test_every_chart_is_a_valid_plotly_figure(page):
    at = page(regime="joint_2016", assume_reg="1", budget="150")
    specs = [json.loads(c.proto.spec) for c in at.get("plotly_chart")]
    assert len(specs) == 9  # support, projects, balance, NPV, tornado, budget, sweep, regional effect, comparison
    for spec in specs:
        go.Figure(spec)  # full validation: a wrong property name fails here
    balance = chart(at, "sub_balance_chart")
    break_even = [s["x0"] for s in balance["layout"]["shapes"]]
    shown = kpi(at, "subsidies.kpi.break_even").value
    assert (len(break_even) == 1 and str(break_even[0]) in shown) or (not break_even and shown == "—")
    assert len(balance["data"]) == 3  # outlay, attributed taxes and, dotted beside, all taxes


# --- the page's helpers, without Streamlit -------------------------------------------------------------


def test_url_update_sets_the_scenario_and_drops_what_it_no_longer_holds():
    from analytics.models.subsidy import BUILTIN_REGIMES, Scenario
    from analytics.services import scenarios_view as sv

    scenario = Scenario(regime=BUILTIN_REGIMES["joint_2016"], federal_share=0.3)
    current = {"lang": "en", "region": "77", "fed": "0.5", "budget": "100.0", "objective": "jobs", "r_share": "0.4"}
    to_set, to_drop = sv.url_update(current, scenario, sv.PageOptions())
    assert to_set["fed"] == "0.3" and to_set["regime"] == "joint_2016"
    assert set(to_drop) == {"budget", "objective", "r_share"}  # unlimited budget, default objective, law's regime
    assert "lang" not in to_set and "lang" not in to_drop and "region" not in to_drop
    # applying the update gives a query string that parses back to the same scenario and options
    after = {k: v for k, v in {**current, **to_set}.items() if k not in to_drop}
    assert sv.parse_scenario(after) == scenario
    assert sv.parse_page(after, ("automotive", "pharma")) == sv.PageOptions()
    assert sv.url_update(after, scenario, sv.PageOptions()) == ({}, [])


@pytest.mark.parametrize(
    "query,field,reason",
    [
        ({"objective": "profit"}, "objective", "not_an_option"),
        ({"sensitivity": "irr"}, "sensitivity", "not_an_option"),
        ({"registry": "automotive,space"}, "registry", "not_an_option"),
    ],
)
def test_page_options_from_a_link_are_checked(query, field, reason):
    from analytics.models.subsidy import ParameterError
    from analytics.services import scenarios_view as sv

    with pytest.raises(ParameterError) as caught:
        sv.parse_page(query, ("automotive", "pharma"))
    assert (caught.value.field, caught.value.reason) == (field, reason)
    assert sv.parse_page({"registry": "pharma,automotive"}, ("automotive", "pharma")).registry == (
        "automotive",
        "pharma",
    )
    assert sv.parse_page({"registry": ""}, ("automotive", "pharma")).registry == ()  # no cluster registered


def test_registry_option_is_none_only_when_the_registry_check_is_kept():
    from analytics.services import scenarios_view as sv

    # None (a short link) only when the selection is exactly the clusters passing the registry check
    assert sv.registry_option(["b"], ("a", "b"), passing=("b",)) is None
    assert sv.registry_option(["b", "a"], ("a", "b"), passing=("b",)) == ("a", "b")
    assert sv.registry_option([], ("a", "b"), passing=("b",)) == ()
    assert sv.registry_option([], ("a", "b")) is None


def test_widget_values_round_trip_and_regime_switches_say_what_changed():
    from analytics.models.subsidy import BUILTIN_REGIMES, Scenario
    from analytics.services import scenarios_view as sv

    scenario = Scenario(
        regime=BUILTIN_REGIMES["components_2023"],
        federal_share=0.45,
        cap_mln_rub=120.0,
        budget_mln_rub=300.0,
        discount_rate=0.08,
        base_year=2024,
    )
    inputs = sv.inputs_from(scenario)
    assert sv.scenario_from(inputs, BUILTIN_REGIMES) == scenario
    assert sv.scenario_from({**inputs, "fed": 0.29000000000000004}, BUILTIN_REGIMES).federal_share == 0.29
    switched, notices = sv.switch_regime(inputs, BUILTIN_REGIMES["joint_2019"])
    assert switched["fed"] == 0.3 and switched["r_cap"] is None and switched["cap"] == 120.0
    assert [n.code for n in notices] == ["federal_share_restarted"]
    lowered, notices = sv.reconcile({**inputs, "r_share": 0.4, "r_cap": 100.0})
    assert lowered["fed"] == 0.4 and lowered["cap"] is None
    assert [(n.code, n.old, n.new) for n in notices] == [
        ("federal_share_lowered", 0.45, 0.4),
        ("cap_dropped", 120.0, None),
    ]
    at_limit, notices = sv.reconcile({**inputs, "r_share": 0.45, "r_cap": 120.0})  # the boundary: equal is kept
    assert notices == [] and at_limit["fed"] == 0.45 and at_limit["cap"] == 120.0
    edited = sv.scenario_from({**inputs, "r_minp": 3}, BUILTIN_REGIMES)
    assert edited.regime.min_participants == 3 and "edited" in edited.regime.source


def test_sliders_widen_to_hold_a_value_from_a_link_instead_of_moving_it():
    from analytics.services import scenarios_view as sv

    assert sv.slider_range("rate", 0.1) == (0.0, 0.3)
    assert sv.slider_range("rate", 0.45) == (0.0, 0.45)
    assert sv.slider_range("horizon", 40) == (1, 40)


def test_sweep_budgets_are_round_fractions_of_the_peak_with_the_current_budget():
    from analytics.services import scenarios_view as sv

    assert sv.sweep_budgets(253.0, None) == (25.0, 51.0, 76.0, 100.0, 130.0, 150.0, 180.0, 200.0, 230.0, 250.0)
    assert 137.0 in sv.sweep_budgets(253.0, 137.0)
    assert sv.sweep_budgets(0.0, None) == ()


def test_workbooks_have_named_sheets_and_neutralised_text(demo_db, tmp_path):
    import io

    import openpyxl

    from analytics.data import export
    from analytics.models.subsidy import BUILTIN_REGIMES, Scenario
    from analytics.services import scenarios_view as sv

    copy = tmp_path / "wb.duckdb"
    shutil.copyfile(demo_db, copy)
    con = store.connect(copy, read_only=True)
    projects = sv.projects(con)
    scenario = Scenario(regime=BUILTIN_REGIMES["joint_2016"], assume_registered=True)
    results = sv.scenario_results(projects, sv.scenario_key(scenario))
    sentence = subsidy_tables.assumption_text(sv.attribution_note(scenario), "ru")
    book = openpyxl.load_workbook(
        io.BytesIO(export.excel_bytes(subsidy_downloads.scenario_workbook(results, "ru", {}, sentence)))
    )
    assert book.sheetnames == ["Проекты", "Бюджет по годам", "Итоги портфеля", "Параметры"]
    summary = {row[0]: row[1] for row in book["Итоги портфеля"].iter_rows(min_row=2, values_only=True)}
    assert summary[RU["subsidies.col.assumption"]] == sentence and "0\u00a0%" in sentence
    assert RU["subsidies.metric.pv_taxes_additional_mln_rub"] in summary
    assert RU["subsidies.metric.pv_taxes_gross_mln_rub"] in summary
    params = {row[0]: row[2] for row in book["Параметры"].iter_rows(min_row=2, values_only=True)}
    assert params["regime"] == "joint_2016" and params["fed"] == "0.5"
    items = (("=evil()", sv.scenario_key(Scenario())), ("Б", sv.scenario_key(Scenario(federal_share=0.2))))
    compared = sv.comparison(projects, items)
    con.close()
    book = openpyxl.load_workbook(
        io.BytesIO(export.excel_bytes(subsidy_downloads.comparison_workbook(compared, items, "en")))
    )
    assert book.sheetnames == ["Comparison", "Parameters"]
    for sheet in ("Comparison", "Parameters"):  # a name that looks like a formula stays text
        header = [c for c in book[sheet][1]]
        assert [c.value for c in header][-2:] == ["'=evil()", "Б"] and header[-2].data_type == "s"


def test_charts_validate_and_mark_what_they_promise():
    from ui.charts import subsidy as sc

    balance = pd.DataFrame(
        {
            "year": [2024, 2025, 2026],
            "cum_subsidy_pv_mln_rub": [10.0, 20.0, 20.0],
            "cum_taxes_pv_mln_rub": [0.0, 5.0, 9.0],
        }
    )
    fig = sc.balance_chart(balance, None, "en")
    go.Figure(fig.to_dict())
    assert not fig.layout.shapes and EN["subsidies.balance.no_break_even"] in fig.layout.annotations[0].text
    fig = sc.support_level(0.3, 0.2, 0.3, "ru")
    go.Figure(fig.to_dict())
    assert [b.x[0] for b in fig.data] == pytest.approx([30.0, 20.0, 50.0])  # federal, regional, own: 100 %
    frame = pd.DataFrame(
        {
            "project_id": ["P1"],
            "name_ru": ["<b>Жирный</b>"],
            "name_en": [None],
            "federal": [5.0],
            "regional": [1.0],
            "own": [4.0],
            "npv_without": [-1.0],
            "npv_with": [3.0],
            "capped": [True],
        }
    )
    fig = sc.project_bars(frame, "en")  # no English name: the Russian one, escaped, with the cap mark
    assert fig.data[0].y[0] == "&lt;b&gt;Жирный&lt;/b&gt; ▲"
    go.Figure(fig.to_dict())
    go.Figure(sc.npv_chart(frame, "ru").to_dict())


def test_the_regional_economy_effect_of_the_chosen_projects_is_on_the_page(page):
    from ui.core.i18n import CATALOG

    at = page(regime="joint_2016", assume_reg="1")
    assert not at.exception
    assert CATALOG["ru"]["io_effect.title"] in [h.value for h in at.subheader]
    # the effects table: direct, indirect, induced and total (the sums are checked in test_portfolio_effect.py)
    effects = [CATALOG["ru"][f"io_effect.effect.{e}"] for e in ("direct", "indirect", "induced", "total")]
    tables = [d.value for d in at.dataframe if CATALOG["ru"]["io_effect.col_effect"] in d.value.columns]
    assert len(tables) == 1 and list(tables[0].iloc[:, 0]) == effects
