"""Subsidy scenarios (Decree No. 41): regimes, ranges, eligibility at every boundary, metrics by hand,
allocation against brute force, saved scenarios and URLs. Fixtures are small and hand-made.

Unless a test says otherwise: INNs are short fake strings (A = applicant, B = another participant of
cluster "auto", X = a firm outside the cluster), money in mln ₽.
"""

import itertools
import json
import math
from datetime import date

import duckdb
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analytics import store
from analytics.metrics import finance
from analytics.models import rules, subsidy
from analytics.models.subsidy import (
    BUILTIN_REGIMES,
    HEADLINE_METRICS,
    ParameterError,
    ProgrammeRegime,
    Projects,
    Scenario,
)
from analytics.store import schema

R2016 = BUILTIN_REGIMES["joint_2016"]
R2019 = BUILTIN_REGIMES["joint_2019"]
R2023 = BUILTIN_REGIMES["components_2023"]


def make(projects, participants=(), costs=(), revenues=(), **kwargs) -> Projects:
    """Projects from lists of dicts; project defaults: cluster auto, applicant A, serial, 2023, joint."""
    base = {
        "cluster_id": "auto",
        "initiator_inn": "A",
        "stage": "serial",
        "start_year": 2023,
        "jobs": 0,
        "is_joint": True,
    }
    p = pd.DataFrame([{**base, **row} for row in projects])
    parts = pd.DataFrame(list(participants), columns=["project_id", "inn"])
    c = pd.DataFrame(list(costs))
    if c.empty:
        c = pd.DataFrame(columns=["project_id", "year", "category", "amount_mln_rub"])
    r = pd.DataFrame(list(revenues))
    if r.empty:
        r = pd.DataFrame(columns=["project_id", "year", "revenue_mln_rub"])
    return Projects(p, parts, c, r, **kwargs)


def batch(pid="P1", year=2023, amount=200.0, supplier="B", **extra):
    return {
        "project_id": pid,
        "year": year,
        "category": "component_batches",
        "amount_mln_rub": amount,
        "supplier_inn": supplier,
        **extra,
    }


def row(table: pd.DataFrame, pid: str = "P1") -> pd.Series:
    return table.set_index("project_id").loc[pid]


# --- Rules from law ------------------------------------------------------------------------------------


def test_builtin_regimes_follow_regulations():
    assert (R2016.max_share, R2019.max_share, R2023.max_share) == (0.50, 0.30, 0.50)
    assert set(R2016.eligible_stages) == {"rd", "engineering", "pilot", "serial"}  # R&D to serial (article)
    assert R2023.eligible_categories == ("component_batches",)
    assert R2023.costs_from == date(2023, 1, 1)
    assert (R2023.cap_mln_rub, R2023.cap_basis) == (150.0, "applicant")
    assert R2023.supplier_in_cluster and not R2016.supplier_in_cluster
    assert R2016.cap_mln_rub is None and R2019.cap_mln_rub is None  # unknown: no invented cap


def test_items_to_verify_are_marked_and_visible():
    assert "min_participants" in R2023.to_verify  # "at least one other participant [to verify]"
    assert {"eligible_categories", "cap_mln_rub"} <= set(R2016.to_verify)
    assert "max_share" not in R2016.to_verify and "cap_mln_rub" not in R2023.to_verify
    sources = subsidy.regime_sources()
    assert set(sources["status"]) == {"confirmed", "to_verify"}
    assert sources["source"].str.len().gt(0).all() and sources["edition"].str.len().gt(0).all()
    assert rules.JOINT_PROJECT_MIN_PARTICIPANTS.status == "to_verify"
    assert rules.MIN_INDUSTRIAL_PARTICIPANTS.status == "to_verify"
    assert rules.FUNCTIONAL_DEPENDENCE_MIN.value == 0.20 and rules.FUNCTIONAL_DEPENDENCE_MIN.status == "confirmed"


def test_every_sourced_value_in_rules_names_its_act_and_status():
    values = [v for v in vars(rules).values() if isinstance(v, rules.SourcedValue)]
    values += [v for regime in rules.REGIMES.values() for v in regime.values()]
    values += list(rules.NATIONAL_CONTEXT.values())
    assert len(values) > 40
    for v in values:
        assert v.source and v.edition and v.status in rules.STATUSES


def test_national_context_from_the_source_article():
    ctx = rules.NATIONAL_CONTEXT
    assert ctx["registered_clusters_2018"].value == 41
    assert ctx["supported_enterprises_2018"].value == 600
    assert ctx["supported_joint_projects_2018"].value == 25
    assert ctx["supported_projects_value_mln_rub_2018"].value == 6_500.0  # 6.5 bn ₽
    assert ctx["support_programme_years_2018"].value == 2
    assert all(v.applies_from == date(2018, 11, 29) for k, v in ctx.items() if k.endswith("_2018"))
    assert "29.11.2018" in rules.ARTICLE_2018


# --- Scenario ranges: refused, never clipped -------------------------------------------------------


def test_federal_share_exactly_at_the_regime_maximum_is_accepted():
    assert Scenario(regime=R2023, federal_share=0.5).federal_share == 0.5
    assert Scenario(regime=R2019, federal_share=0.3).federal_share == 0.3
    assert Scenario(regime=R2019).federal_share == 0.3  # default: the regime's maximum


@pytest.mark.parametrize("regime, share", [(R2023, 0.5 + 1e-9), (R2023, 0.51), (R2019, 0.31), (R2016, -0.01)])
def test_federal_share_above_the_regime_maximum_is_refused(regime, share):
    with pytest.raises(ParameterError) as err:
        Scenario(regime=regime, federal_share=share)
    assert isinstance(err.value, ValueError)
    assert (err.value.field, err.value.value, err.value.allowed, err.value.reason) == (
        "federal_share",
        share,
        (0.0, regime.max_share),
        "out_of_range",
    )


def test_regional_top_up_may_not_take_support_above_all_eligible_costs():
    assert Scenario(regime=R2016, federal_share=0.5, regional_share=0.5).regional_share == 0.5
    with pytest.raises(ParameterError) as err:
        Scenario(regime=R2016, federal_share=0.5, regional_share=0.5000001)
    assert err.value.field == "regional_share" and err.value.allowed == (0.0, 0.5)


def test_scenario_cap_may_not_exceed_the_legal_cap():
    assert Scenario(regime=R2023, cap_mln_rub=150.0).cap_mln_rub == 150.0
    with pytest.raises(ParameterError) as err:
        Scenario(regime=R2023, cap_mln_rub=150.01)
    assert err.value.field == "cap_mln_rub" and err.value.allowed == (0.0, 150.0)
    assert Scenario(regime=R2016, cap_mln_rub=1000.0).cap_mln_rub == 1000.0  # no legal cap known


@pytest.mark.parametrize(
    "field, value, reason",
    [
        ("discount_rate", -0.01, "out_of_range"),
        ("discount_rate", 1.01, "out_of_range"),
        ("tax_rate", 1.5, "out_of_range"),
        ("cash_margin", -0.1, "out_of_range"),
        ("horizon_years", 0, "out_of_range"),
        ("horizon_years", 51, "out_of_range"),
        ("horizon_years", 2.5, "not_a_number"),
        ("budget_mln_rub", -1.0, "out_of_range"),
        ("base_year", 1999, "out_of_range"),
        ("revenue_factor", float("nan"), "not_a_number"),
        ("revenue_factor", "1.0", "not_a_number"),
        ("taxes", "maybe", "not_an_option"),
        ("cap_basis", "region", "not_an_option"),
    ],
)
def test_out_of_range_values_are_refused_with_field_value_and_range(field, value, reason):
    with pytest.raises(ParameterError) as err:
        Scenario(**{field: value})
    assert (err.value.field, err.value.reason) == (field, reason) and err.value.value is value


def test_switching_regime_restarts_from_its_maximum_instead_of_clipping():
    fifty = Scenario(regime=R2016, federal_share=0.5)
    with pytest.raises(ParameterError):
        fifty.replace(regime=R2019)  # 50% is not allowed under a 30% regime
    assert fifty.with_regime(R2019).federal_share == 0.3
    assert Scenario(regime=R2016, cap_mln_rub=400).with_regime(R2023).cap_mln_rub is None


@pytest.mark.parametrize(
    "changes, field",
    [
        ({"max_share": 0.0}, "regime.max_share"),
        ({"max_share": 1.2}, "regime.max_share"),
        ({"eligible_categories": ("rd", "bribes")}, "regime.eligible_categories"),
        ({"eligible_categories": ()}, "regime.eligible_categories"),
        ({"eligible_stages": ("mass",)}, "regime.eligible_stages"),
        ({"costs_from": date(2024, 1, 1), "costs_to": date(2023, 12, 31)}, "regime.costs_to"),
        ({"min_participants": 0}, "regime.min_participants"),
        ({"cap_basis": "cluster"}, "regime.cap_basis"),
        ({"regime_id": "Bad Id"}, "regime.regime_id"),
    ],
)
def test_regime_parameters_are_checked(changes, field):
    with pytest.raises(ParameterError) as err:
        R2016.replace(**changes)
    assert err.value.field == field


# --- URL: plain values, parsed and range-checked -------------------------------------------------


def test_query_params_round_trip_exactly():
    scenario = Scenario(
        regime=R2016,
        federal_share=0.35,
        regional_share=0.1,
        cap_mln_rub=80.5,
        cap_basis="applicant",
        budget_mln_rub=1234.5,
        discount_rate=0.085,
        tax_rate=0.12,
        cash_margin=0.2,
        horizon_years=12,
        base_year=2024,
        revenue_factor=0.9,
        taxes="rate",
    )
    params = scenario.to_query_params()
    assert all(isinstance(k, str) and isinstance(v, str) for k, v in params.items())
    assert Scenario.from_query_params(params) == scenario
    assert "r_share" not in params  # a built-in regime travels by id only


def test_an_edited_or_custom_regime_travels_in_the_url():
    edited = Scenario(regime=R2023.replace(max_share=0.4, costs_from=date(2024, 3, 1)), federal_share=0.4)
    params = edited.to_query_params()
    assert params["r_share"] == "0.4" and params["r_from"] == "2024-03-01"
    assert Scenario.from_query_params(params) == edited
    custom = Scenario(regime=ProgrammeRegime("kaluga_topup", 0.25, ("equipment", "rd"), cap_mln_rub=None))
    back = Scenario.from_query_params(custom.to_query_params())
    assert back == custom and back.regime.cap_mln_rub is None


def test_query_params_ignore_other_keys_and_default_missing_ones():
    scenario = Scenario.from_query_params({"lang": "en", "region": "40", "fed": ["0.2", "0.45"]})
    assert scenario == Scenario(federal_share=0.45)  # lists (repeated keys): the last one counts


@pytest.mark.parametrize(
    "params, field, reason",
    [
        ({"fed": "abc"}, "federal_share", "not_a_number"),
        ({"fed": "nan"}, "federal_share", "not_a_number"),
        ({"fed": "inf"}, "federal_share", "not_a_number"),
        ({"budget": "1e999"}, "budget_mln_rub", "not_a_number"),
        ({"budget": "1_000"}, "budget_mln_rub", "not_a_number"),
        ({"fed": "0x10"}, "federal_share", "not_a_number"),
        ({"fed": "0.6"}, "federal_share", "out_of_range"),
        ({"horizon": "10.0"}, "horizon_years", "not_a_number"),
        ({"taxes": "cos\nsystem\n(S'ls'\ntR."}, "taxes", "not_an_option"),  # a pickle is just text
        ({"regime": "no_such_regime"}, "regime", "not_an_option"),
        ({"r_cats": "rd,bribes"}, "regime.eligible_categories", "not_an_option"),
        ({"r_from": "01.01.2023"}, "regime.costs_from", "not_a_date"),
        ({"r_supplier": "yes"}, "regime.supplier_in_cluster", "not_an_option"),
        ({"rate": "9" * 400}, "discount_rate", "not_a_number"),
    ],
)
def test_malformed_query_values_are_refused(params, field, reason):
    with pytest.raises(ParameterError) as err:
        Scenario.from_query_params(params)
    assert (err.value.field, err.value.reason) == (field, reason)


@settings(max_examples=150, deadline=None)
@given(
    regime=st.sampled_from(sorted(BUILTIN_REGIMES)),
    fed=st.floats(min_value=0, max_value=1),
    top=st.floats(min_value=0, max_value=1),
    cap=st.none() | st.floats(min_value=0, max_value=150),
    basis=st.sampled_from(subsidy.CAP_BASES),
    budget=st.none() | st.floats(min_value=0, max_value=1e7),
    rate=st.floats(min_value=0, max_value=1),
    horizon=st.integers(min_value=1, max_value=50),
    base_year=st.none() | st.integers(min_value=2000, max_value=2100),
    revenue=st.floats(min_value=0, max_value=10),
)
def test_any_valid_scenario_survives_the_url(regime, fed, top, cap, basis, budget, rate, horizon, base_year, revenue):
    r = BUILTIN_REGIMES[regime]
    fed = fed * r.max_share
    scenario = Scenario(
        regime=r,
        federal_share=fed,
        regional_share=top * (1 - fed),
        cap_mln_rub=cap,
        cap_basis=basis,
        budget_mln_rub=budget,
        discount_rate=rate,
        horizon_years=horizon,
        base_year=base_year,
        revenue_factor=revenue,
    )
    assert Scenario.from_query_params(scenario.to_query_params()) == scenario


# --- Eligibility at every boundary ------------------------------------------------------------------

ONE = [{"project_id": "P1"}]
WITH_B = [("P1", "A"), ("P1", "B")]


def test_subsidy_is_exactly_the_share_of_eligible_costs():
    projects = make(ONE, WITH_B, [batch(amount=200.0)])
    t = row(subsidy.evaluate(projects, Scenario(regime=R2023, federal_share=0.5)))
    assert t["eligible"] and t["eligible_costs_mln_rub"] == 200.0
    assert t["subsidy_federal_mln_rub"] == 100.0  # 50% × 200
    t = row(subsidy.evaluate(projects, Scenario(regime=R2023, federal_share=0.5, regional_share=0.2)))
    assert (t["subsidy_federal_mln_rub"], t["subsidy_regional_mln_rub"], t["subsidy_mln_rub"]) == (100.0, 40.0, 140.0)


def test_a_cost_dated_31_12_2022_is_before_the_2023_regime_and_01_01_2023_is_in():
    projects = make(
        ONE,
        WITH_B,
        [
            batch(year=2022, amount=100.0, cost_date="2022-12-31"),
            batch(year=2023, amount=60.0, cost_date="2023-01-01"),
        ],
    )
    scenario = Scenario(regime=R2023)
    t = row(subsidy.evaluate(projects, scenario))
    assert t["eligible_costs_mln_rub"] == 60.0 and t["subsidy_mln_rub"] == 30.0
    rows = subsidy.cost_eligibility(projects, scenario)
    assert rows["reason"].tolist() == ["before_costs_from", None]
    assert rows["eligible"].tolist() == [False, True]


def test_undated_rows_count_only_when_their_whole_year_is_inside_the_window():
    projects = make(ONE, WITH_B, [batch(year=2022, amount=100.0), batch(year=2023, amount=60.0)])
    assert row(subsidy.evaluate(projects, Scenario(regime=R2023)))["eligible_costs_mln_rub"] == 60.0
    half_year = R2023.replace(costs_to=date(2023, 6, 30))
    dated = make(
        ONE,
        WITH_B,
        [batch(year=2023, amount=60.0, cost_date="2023-06-30"), batch(year=2023, amount=5.0, cost_date="2023-07-01")],
    )
    assert row(subsidy.evaluate(dated, Scenario(regime=half_year)))["eligible_costs_mln_rub"] == 60.0
    reasons = subsidy.cost_eligibility(projects, Scenario(regime=half_year))["reason"].tolist()
    assert reasons == ["before_costs_from", "after_costs_to"]  # 2023 runs past 30 June


def test_a_joint_project_needs_two_participants():
    alone = make(ONE, [("P1", "A")], [batch()])  # the applicant listed as its own partner counts once
    pair = make(ONE, WITH_B, [batch()])
    t = row(subsidy.evaluate(alone, Scenario(regime=R2023)))
    assert not t["eligible"] and t["reason"] == "too_few_participants" and t["n_participants"] == 1
    assert t["subsidy_mln_rub"] == 0.0
    reasons = subsidy.eligibility(alone, Scenario(regime=R2023))
    first = reasons.iloc[0]
    assert (first["reason"], first["field"], first["value"], first["allowed"]) == (
        "too_few_participants",
        "n_participants",
        1,
        (2, None),
    )
    t = row(subsidy.evaluate(pair, Scenario(regime=R2023)))
    assert t["eligible"] and t["n_participants"] == 2 and pd.isna(t["reason"])


def test_a_project_not_declared_joint_is_not_eligible():
    projects = make([{"project_id": "P1", "is_joint": False}], WITH_B, [batch()])
    assert row(subsidy.evaluate(projects, Scenario(regime=R2023)))["reason"] == "not_joint"


def test_the_cluster_must_be_on_the_registry():
    costs = [batch("P1"), batch("P2", supplier="C")]
    plist = [{"project_id": "P1"}, {"project_id": "P2", "cluster_id": "pharma", "initiator_inn": "D"}]
    parts = WITH_B + [("P2", "D"), ("P2", "C")]
    everyone = subsidy.evaluate(make(plist, parts, costs), Scenario(regime=R2023))
    assert everyone["eligible"].tolist() == [True, True]  # default: every cluster registered
    only_pharma = make(plist, parts, costs, registered_clusters={"pharma"})
    t = subsidy.evaluate(only_pharma, Scenario(regime=R2023)).set_index("project_id")
    assert t.loc["P1", "reason"] == "cluster_not_registered" and t.loc["P2", "eligible"]
    none = make(plist, parts, costs).with_registry(set())
    assert not subsidy.evaluate(none, Scenario(regime=R2023))["eligible"].any()


def test_stages_from_rd_to_serial_in_2016_and_a_narrower_custom_regime():
    costs = [{"project_id": "P1", "year": 2017, "category": "rd", "amount_mln_rub": 80.0}]
    projects = make([{"project_id": "P1", "stage": "rd", "start_year": 2017}], WITH_B, costs)
    assert row(subsidy.evaluate(projects, Scenario(regime=R2016)))["subsidy_mln_rub"] == 40.0
    late_stages = R2016.replace(regime_id="late_only", eligible_stages=("pilot", "serial"))
    t = row(subsidy.evaluate(projects, Scenario(regime=late_stages)))
    assert t["reason"] == "stage_not_eligible"


@pytest.mark.parametrize(
    "supplier, members, reason",
    [
        ("B", None, None),  # B takes part in a project of the cluster
        (None, None, "supplier_missing"),
        ("A", None, "supplier_is_applicant"),  # buying from oneself is not cooperation
        ("X", None, "supplier_not_cluster_participant"),
        ("X", {"auto": {"A", "X"}}, None),  # X is a member by the registry's list
        ("B", {"auto": {"A"}}, "supplier_not_cluster_participant"),
    ],
)
def test_components_must_come_from_another_cluster_participant(supplier, members, reason):
    projects = make(ONE, WITH_B, [batch(supplier=supplier)], cluster_members=members)
    rows = subsidy.cost_eligibility(projects, Scenario(regime=R2023))
    assert rows["reason"].iloc[0] == reason
    t = row(subsidy.evaluate(projects, Scenario(regime=R2023)))
    assert t["subsidy_mln_rub"] == (100.0 if reason is None else 0.0)
    assert t["reason"] == (None if reason is None else "no_eligible_costs")


def test_cost_categories_per_regime():
    costs = [
        {"project_id": "P1", "year": 2023, "category": "equipment", "amount_mln_rub": 100.0},
        batch(amount=40.0),
        {"project_id": "P1", "year": 2023, "category": "other", "amount_mln_rub": 1000.0},
    ]
    projects = make(ONE, WITH_B, costs)
    # 2023: only the component batch (40); 2016: equipment only (100) — batches and "other" are not listed
    assert row(subsidy.evaluate(projects, Scenario(regime=R2023)))["eligible_costs_mln_rub"] == 40.0
    # (the 2016 regime's in-force end lifted: the project starts in 2023)
    open_2016 = R2016.replace(in_force_to=None)
    assert row(subsidy.evaluate(projects, Scenario(regime=open_2016)))["eligible_costs_mln_rub"] == 100.0
    reasons = subsidy.cost_eligibility(projects, Scenario(regime=R2023))["reason"].tolist()
    assert reasons == ["category_not_eligible", None, "category_not_eligible"]


def test_costs_beyond_the_horizon_are_left_out():
    projects = make(ONE, WITH_B, [batch(year=2023, amount=100.0), batch(year=2025, amount=100.0)])
    t = row(subsidy.evaluate(projects, Scenario(regime=R2023, horizon_years=2)))  # 2023 and 2024
    assert t["eligible_costs_mln_rub"] == 100.0 and t["total_costs_mln_rub"] == 100.0
    assert subsidy.cost_eligibility(projects, Scenario(regime=R2023, horizon_years=2))["reason"].tolist() == [
        None,
        "outside_horizon",
    ]


# --- Caps ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "amount, subsidy_expected, capped",
    [
        (298.0, 149.0, False),  # below: 50% × 298
        (300.0, 150.0, False),  # exactly reached: 50% × 300 = 150, nothing cut
        (302.0, 150.0, True),  # exceeded: 151 → 150
    ],
)
def test_the_150_mln_cap_per_applicant(amount, subsidy_expected, capped):
    t = row(subsidy.evaluate(make(ONE, WITH_B, [batch(amount=amount)]), Scenario(regime=R2023)))
    assert t["subsidy_federal_mln_rub"] == subsidy_expected and bool(t["capped"]) is capped


def test_the_cap_counts_what_was_received_in_earlier_years():
    projects = make(ONE, WITH_B, [batch(year=2023, amount=200.0), batch(year=2024, amount=200.0)])
    detail = subsidy.evaluate_detail(projects, Scenario(regime=R2023))
    by_year = subsidy.subsidy_by_year(detail)
    # costs of 2023: 100; of 2024: min(100, 150 − 100) = 50 — each paid a year later (default lag 1)
    assert by_year.groupby("year")["subsidy_federal_mln_rub"].sum().to_dict() == {2023: 0.0, 2024: 100.0, 2025: 50.0}
    assert by_year.groupby("year")["eligible_costs_mln_rub"].sum().to_dict() == {2023: 200.0, 2024: 200.0, 2025: 0.0}


def test_the_cap_is_per_applicant_across_its_projects():
    plist = [{"project_id": "P1"}, {"project_id": "P2"}, {"project_id": "P3", "initiator_inn": "C"}]
    parts = WITH_B + [("P2", "A"), ("P2", "B"), ("P3", "C"), ("P3", "B")]
    costs = [batch("P1"), batch("P2"), batch("P3")]
    t = subsidy.evaluate(make(plist, parts, costs), Scenario(regime=R2023)).set_index("project_id")
    # A asks 100 + 100 = 200 in 2023, capped at 150 and shared pro rata: 75 each; C (another applicant): 100
    assert t["subsidy_federal_mln_rub"].tolist() == [75.0, 75.0, 100.0]
    assert t["capped"].tolist() == [True, True, False]


def test_a_scenario_cap_per_project_or_per_applicant():
    costs = [
        {"project_id": p, "year": y, "category": "equipment", "amount_mln_rub": 100.0}
        for p in ("P1", "P2")
        for y in (2017, 2018)
    ]
    plist = [{"project_id": "P1", "start_year": 2017}, {"project_id": "P2", "start_year": 2017}]
    parts = WITH_B + [("P2", "A"), ("P2", "B")]
    projects = make(plist, parts, costs)
    per_project = subsidy.evaluate(projects, Scenario(regime=R2016, cap_mln_rub=60, cap_basis="project"))
    assert per_project["subsidy_mln_rub"].tolist() == [60.0, 60.0]  # 50 + min(50, 60 − 50) each
    per_applicant = subsidy.evaluate(projects, Scenario(regime=R2016, cap_mln_rub=60, cap_basis="applicant"))
    assert per_applicant["subsidy_mln_rub"].tolist() == [30.0, 30.0]  # A: 100 in 2017 → 60, shared


# --- Metrics by hand --------------------------------------------------------------------------------

# One project, 2016 regime, 50%: equipment 100 in 2017; revenue 500 (2018) and 550 (2019); 20 jobs.
# Scenario: rate 10%, margin 20%, taxes 10% of revenue, horizon 3 years (2017–2019), support paid in the
# year of the cost (lag 0), base year = the first year of the data (2017).
HAND = dict(
    projects=[{"project_id": "P1", "jobs": 20, "start_year": 2017}],
    participants=WITH_B,
    costs=[{"project_id": "P1", "year": 2017, "category": "equipment", "amount_mln_rub": 100.0}],
    revenues=[
        {"project_id": "P1", "year": 2018, "revenue_mln_rub": 500.0},
        {"project_id": "P1", "year": 2019, "revenue_mln_rub": 550.0},
    ],
)
HAND_SCENARIO = Scenario(
    regime=R2016,
    federal_share=0.5,
    discount_rate=0.1,
    cash_margin=0.2,
    tax_rate=0.1,
    taxes="rate",
    horizon_years=3,
    payment_lag_years=0,
)


def _positive_root(a: float, b: float, c: float) -> float:
    return (-b + math.sqrt(b * b - 4 * a * c)) / (2 * a)


def test_project_metrics_by_hand():
    t = row(subsidy.evaluate(make(**HAND), HAND_SCENARIO))
    # flows without support: −100, 0.2 × 500 = 100, 0.2 × 550 = 110; with: −50, 100, 110
    assert t["subsidy_mln_rub"] == 50.0
    assert t["own_money_mln_rub"] == 50.0
    assert t["npv_without_mln_rub"] == pytest.approx(-100 + 100 / 1.1 + 110 / 1.21)  # 81.818182
    assert t["npv_with_mln_rub"] == pytest.approx(-50 + 100 / 1.1 + 110 / 1.21)  # 131.818182
    assert t["npv_uplift_mln_rub"] == pytest.approx(50.0)  # paid at t = 0
    # IRR: 110x² + 100x − 100 = 0 and 110x² + 100x − 50 = 0, r = 1/x − 1
    assert t["irr_without"] == pytest.approx(1 / _positive_root(110, 100, -100) - 1)  # 0.661896
    assert t["irr_with"] == pytest.approx(1 / _positive_root(110, 100, -50) - 1)  # 1.788854
    assert t["payback_without_years"] == 2.0  # cumulative −100, −9.09, +81.8
    assert t["payback_with_years"] == 1.0  # cumulative −50, +40.9
    # taxes 50 and 55; discounted 50/1.1 + 55/1.21 = 45.4545 + 45.4545 = 90.9091
    assert t["taxes_mln_rub"] == pytest.approx(105.0)
    assert t["pv_taxes_gross_mln_rub"] == pytest.approx(100 / 1.1)
    assert t["pv_subsidy_mln_rub"] == 50.0
    # viable without support (NPV 81.8 ≥ 0): with additionality 0 none of its taxes is credited to support
    assert t["attribution"] == 0.0 and t["pv_taxes_additional_mln_rub"] == 0.0
    assert t["budget_effectiveness"] == 0.0 and np.isnan(t["break_even_year"])
    full = row(subsidy.evaluate(make(**HAND), HAND_SCENARIO.replace(additionality=1.0)))
    assert full["budget_effectiveness"] == pytest.approx((100 / 1.1) / 50)  # 1.818 ₽ per ₽
    assert full["break_even_year"] == 2019  # cumulative discounted taxes 0, 45.5, 90.9 vs subsidy 50
    assert t["leverage"] == 1.0  # own 50 per subsidy 50
    assert t["jobs_per_mln_rub"] == pytest.approx(0.4)  # 20 jobs / 50 mln ₽


def test_reported_taxes_come_first_and_the_rate_fills_the_gaps():
    hand = dict(
        HAND,
        revenues=[
            {"project_id": "P1", "year": 2018, "revenue_mln_rub": 500.0, "taxes_mln_rub": 30.0},
            {"project_id": "P1", "year": 2019, "revenue_mln_rub": 550.0, "taxes_mln_rub": np.nan},
        ],
    )
    t = row(subsidy.evaluate(make(**hand), HAND_SCENARIO.replace(taxes="reported")))
    assert t["pv_taxes_gross_mln_rub"] == pytest.approx(30 / 1.1 + 55 / 1.21)  # 27.27 + 45.45
    t = row(subsidy.evaluate(make(**hand), HAND_SCENARIO))  # taxes="rate" ignores the reported 30
    assert t["pv_taxes_gross_mln_rub"] == pytest.approx(50 / 1.1 + 55 / 1.21)


def test_revenue_factor_horizon_and_base_year():
    projects = make(**HAND)
    half = row(subsidy.evaluate(projects, HAND_SCENARIO.replace(revenue_factor=0.5)))
    assert half["npv_without_mln_rub"] == pytest.approx(-100 + 50 / 1.1 + 55 / 1.21)
    assert half["taxes_mln_rub"] == pytest.approx(52.5)
    short = row(subsidy.evaluate(projects, HAND_SCENARIO.replace(horizon_years=2)))  # 2025 left out
    assert short["npv_without_mln_rub"] == pytest.approx(-100 + 100 / 1.1)
    assert np.isnan(short["payback_without_years"])  # −100, −9.09: not paid back within 2 years
    early = row(subsidy.evaluate(projects, HAND_SCENARIO.replace(base_year=2016)))  # one more year of discount
    assert early["npv_without_mln_rub"] == pytest.approx((-100 + 100 / 1.1 + 110 / 1.21) / 1.1)
    assert early["irr_without"] == pytest.approx(1 / _positive_root(110, 100, -100) - 1)
    assert early["payback_without_years"] == 2.0


def test_an_ineligible_project_gets_nothing_and_its_ratios_are_nan():
    projects = make(ONE, [("P1", "A")], HAND["costs"], HAND["revenues"])
    t = row(subsidy.evaluate(projects, HAND_SCENARIO))
    assert t["subsidy_mln_rub"] == 0.0 and t["npv_with_mln_rub"] == t["npv_without_mln_rub"]
    assert np.isnan(t["leverage"]) and np.isnan(t["budget_effectiveness"]) and np.isnan(t["break_even_year"])


def test_vectorised_evaluate_matches_npv_and_irr_of_each_project_alone():
    rng = np.random.default_rng(7)
    plist, parts, costs, revs = [], [], [], []
    for i in range(25):
        pid, start = f"P{i:02d}", int(rng.integers(2016, 2019))  # within the 2016 regime's years
        plist.append({"project_id": pid, "start_year": start, "initiator_inn": f"I{i % 7}"})
        parts += [(pid, f"I{i % 7}"), (pid, "B")]
        for k in range(int(rng.integers(1, 4))):
            costs.append(
                {
                    "project_id": pid,
                    "year": start + k,
                    "category": "equipment",
                    "amount_mln_rub": float(rng.integers(10, 200)),
                }
            )
        for k in range(int(rng.integers(0, 6))):
            revs.append({"project_id": pid, "year": start + 1 + k, "revenue_mln_rub": float(rng.integers(0, 500))})
    projects = make(plist, parts, costs, revs)
    scenario = Scenario(
        regime=R2016, federal_share=0.4, discount_rate=0.12, cash_margin=0.25, horizon_years=8, payment_lag_years=0
    )
    table = subsidy.evaluate(projects, scenario).set_index("project_id")
    cost_frame, rev_frame = pd.DataFrame(costs), pd.DataFrame(revs)
    for p in plist:
        pid, start = p["project_id"], p["start_year"]
        c = cost_frame[cost_frame.project_id == pid].groupby("year")["amount_mln_rub"].sum()
        r = rev_frame[rev_frame.project_id == pid].groupby("year")["revenue_mln_rub"].sum()
        # participants keep 25% of revenue and pay 60% of the (all eligible) equipment costs
        flows = [0.25 * r.get(y, 0.0) - 0.6 * c.get(y, 0.0) for y in range(start, start + 8)]
        # discounted to the first year of all the data (2016), not the project's own
        expected = finance.npv(0.12, flows) / 1.12 ** (start - 2016)
        assert table.loc[pid, "npv_with_mln_rub"] == pytest.approx(expected, abs=1e-9)
        expected_irr, got = finance.irr(flows), table.loc[pid, "irr_with"]
        assert (np.isnan(got) and np.isnan(expected_irr)) or got == pytest.approx(expected_irr, abs=1e-10)


def test_empty_and_unknown_rows():
    empty = subsidy.evaluate(make([{"project_id": "P1"}]).subset([]), Scenario())
    assert empty.empty and {"subsidy_mln_rub", "npv_with_mln_rub", "reason"} <= set(empty.columns)
    with pytest.warns(subsidy.DataWarning, match="unknown projects"):
        make(ONE, WITH_B, [batch(), batch("GHOST")])
    with pytest.raises(ValueError, match="category"):
        make(ONE, WITH_B, [batch(category="bribes")])
    with pytest.raises(ValueError, match="stage"):
        make([{"project_id": "P1", "stage": "mass"}])


# --- Portfolio, chart helpers ----------------------------------------------------------------------


def test_budget_balance_by_year_and_break_even():
    balance = subsidy.budget_balance(subsidy.evaluate_detail(make(**HAND), HAND_SCENARIO.replace(additionality=1.0)))
    t = balance.table
    assert t["year"].tolist() == [2017, 2018, 2019]
    assert t["cum_subsidy_pv_mln_rub"].tolist() == [50.0, 50.0, 50.0]
    assert t["cum_taxes_pv_mln_rub"].tolist() == pytest.approx([0.0, 50 / 1.1, 100 / 1.1])
    assert balance.break_even_year == 2019
    # additionality 0: the project is viable without support, nothing is credited, no break-even
    nothing = subsidy.budget_balance(subsidy.evaluate_detail(make(**HAND), HAND_SCENARIO))
    assert nothing.table["cum_taxes_pv_mln_rub"].tolist() == [0.0, 0.0, 0.0] and nothing.break_even_year is None


def test_portfolio_summary_sums_and_ratios_of_sums():
    hand2 = dict(HAND)
    hand2["projects"] = [{"project_id": "P1", "jobs": 20}, {"project_id": "P2", "jobs": 10, "initiator_inn": "C"}]
    hand2["participants"] = WITH_B + [("P2", "C"), ("P2", "B")]
    hand2["projects"] = [{**p, "start_year": 2017} for p in hand2["projects"]]
    hand2["costs"] = HAND["costs"] + [{"project_id": "P2", "year": 2017, "category": "rd", "amount_mln_rub": 300.0}]
    summary = subsidy.portfolio_summary(
        subsidy.evaluate_detail(make(**hand2), HAND_SCENARIO.replace(additionality=1.0))
    )
    assert list(summary.index) == list(HEADLINE_METRICS)
    assert summary["subsidy_mln_rub"] == 200.0  # 50 + 150
    assert summary["own_money_mln_rub"] == 200.0  # 400 − 200
    assert summary["leverage"] == 1.0
    assert summary["jobs_per_mln_rub"] == pytest.approx(30 / 200)
    assert summary["peak_annual_subsidy_mln_rub"] == 200.0
    # P1 viable without support (α = additionality = 1); P2 (no revenue) not viable even with it (α = 0)
    assert summary["budget_effectiveness"] == pytest.approx((100 / 1.1) / 200)


def test_compare_up_to_three_scenarios_side_by_side():
    projects = make(**HAND)
    table = subsidy.compare_scenarios(
        projects, {"2016, 50%": HAND_SCENARIO, "2016, 30%": HAND_SCENARIO.replace(federal_share=0.3)}
    )
    assert list(table.columns) == ["2016, 50%", "2016, 30%"] and list(table.index) == list(HEADLINE_METRICS)
    assert table.loc["subsidy_mln_rub"].tolist() == [50.0, 30.0]
    with pytest.raises(ParameterError) as err:
        subsidy.compare_scenarios(projects, [(str(i), HAND_SCENARIO) for i in range(4)])
    assert err.value.field == "scenarios" and err.value.allowed == (1, 3)


def test_tornado_by_hand():
    out = subsidy.tornado(make(**HAND), HAND_SCENARIO, "npv_with_mln_rub", 0.2).set_index("factor")
    base = -50 + 100 / 1.1 + 110 / 1.21
    assert out["base_value"].iloc[0] == pytest.approx(base)
    # support: 40% → subsidy 40 (−10); 60% is above the regime's 50%: stopped at 50% and flagged
    assert out.loc["support_rate", "low_change"] == pytest.approx(-10.0)
    assert out.loc["support_rate", "high_input"] == 0.5 and out.loc["support_rate", "high_limited"]
    assert out.loc["support_rate", "high_change"] == pytest.approx(0.0)
    # revenue ±20%: the inflows 100/1.1 + 110/1.21 = 181.82 move by ±36.36
    assert out.loc["revenue", "high_change"] == pytest.approx(0.2 * (100 / 1.1 + 110 / 1.21))
    assert out.loc["revenue", "low_change"] == pytest.approx(-0.2 * (100 / 1.1 + 110 / 1.21))
    # discount rate 8% and 12%
    assert out.loc["discount_rate", "low_value"] == pytest.approx(-50 + 100 / 1.08 + 110 / 1.08**2)
    assert out.loc["discount_rate", "high_value"] == pytest.approx(-50 + 100 / 1.12 + 110 / 1.12**2)
    assert out.index[0] == "revenue"  # largest swing first


# --- Allocation -------------------------------------------------------------------------------------


def _random_portfolio(rng: np.random.Generator, n: int) -> Projects:
    """n projects of distinct applicants, costs over 1–3 years (even amounts: subsidies are whole)."""
    plist, parts, costs, revs = [], [], [], []
    for i in range(n):
        pid, start = f"P{i:02d}", int(rng.integers(2017, 2020))
        plist.append(
            {"project_id": pid, "start_year": start, "initiator_inn": f"I{i}", "jobs": int(rng.integers(0, 60))}
        )
        parts += [(pid, f"I{i}"), (pid, "B")]
        for k in range(int(rng.integers(1, 4))):
            costs.append(
                {
                    "project_id": pid,
                    "year": start + k,
                    "category": "equipment",
                    "amount_mln_rub": float(2 * rng.integers(1, 60)),
                }
            )
        for k in range(int(rng.integers(1, 5))):
            revs.append({"project_id": pid, "year": start + 1 + k, "revenue_mln_rub": float(rng.integers(0, 300))})
    return make(plist, parts, costs, revs)


def _brute_force(evaluation, objective: str, budget: float) -> float:
    table = evaluation.table
    values = table[subsidy.OBJECTIVES[objective]].to_numpy()
    subsidy_by_year = evaluation.subsidy
    ok = table["eligible"].to_numpy()
    best = 0.0
    n = len(table)
    for mask in itertools.product([False, True], repeat=n):
        chosen = np.array(mask) & ok
        if np.all(subsidy_by_year[chosen].sum(axis=0) <= budget):
            best = max(best, float(values[chosen].sum()))
    return best


@pytest.mark.parametrize("seed", range(12))
def test_allocation_is_optimal_against_brute_force(seed):
    rng = np.random.default_rng(seed)
    n = int(rng.integers(1, 13))  # up to 12 projects: 4,096 subsets
    projects = _random_portfolio(rng, n)
    scenario = Scenario(regime=R2016, federal_share=0.5, budget_mln_rub=float(rng.integers(20, 120)), cash_margin=0.3)
    evaluation = subsidy.evaluate_detail(projects, scenario)
    for objective in subsidy.OBJECTIVES:
        result = subsidy.allocate(evaluation, scenario, objective)
        spend = evaluation.subsidy[evaluation.table["project_id"].isin(result.selected).to_numpy()].sum(axis=0)
        assert np.all(spend <= scenario.budget_mln_rub + 1e-9)
        assert result.optimal
        # the brute force may include projects adding ≤ 0; they never raise the best value
        assert result.value == pytest.approx(
            _brute_force(evaluation, objective, scenario.budget_mln_rub), abs=1e-6 * max(1.0, result.value)
        )


def test_a_budget_exactly_equal_to_the_subsidies_fits():
    plist = [{"project_id": f"P{i}", "initiator_inn": f"I{i}", "jobs": 10 + i} for i in range(2)]
    parts = [(f"P{i}", x) for i in range(2) for x in (f"I{i}", "B")]
    costs = [batch(f"P{i}", amount=amt) for i, amt in enumerate((60.0, 40.0))]  # subsidies 30 and 20
    projects = make(plist, parts, costs)
    exactly = subsidy.allocate(projects, Scenario(regime=R2023, budget_mln_rub=50.0), "jobs")
    assert exactly.selected == ("P0", "P1") and exactly.value == 21
    short = subsidy.allocate(projects, Scenario(regime=R2023, budget_mln_rub=49.5), "jobs")
    assert short.selected == ("P1",)  # 11 jobs for 20 beats 10 jobs for 30
    assert short.spend["subsidy_mln_rub"].sum() == 20.0


def test_without_a_budget_every_eligible_project_with_value_is_chosen():
    projects = make(
        [
            {"project_id": "P1", "jobs": 5},
            {"project_id": "P2", "jobs": 0},
            {"project_id": "P3", "jobs": 9, "is_joint": False},
        ],
        WITH_B + [("P2", "A"), ("P2", "B"), ("P3", "A"), ("P3", "B")],
        [batch("P1"), batch("P2"), batch("P3")],
    )
    result = subsidy.allocate(
        projects, Scenario(regime=R2016.replace(eligible_categories=("component_batches",), in_force_to=None)), "jobs"
    )
    assert result.selected == ("P1",) and result.method == "all"  # P2 adds no jobs, P3 is not joint
    with pytest.raises(ParameterError):
        subsidy.allocate(projects, Scenario(), "votes")


def test_budget_sweep_shows_projects_dropping_out():
    # one year; subsidies X 60, Y 50, Z 50 (50% of 120/100/100); jobs 10, 7, 6
    plist = [{"project_id": p, "initiator_inn": p, "jobs": j} for p, j in (("X", 10), ("Y", 7), ("Z", 6))]
    parts = [(p, x) for p in "XYZ" for x in (p, "B")]
    costs = [batch(p, amount=a) for p, a in (("X", 120.0), ("Y", 100.0), ("Z", 100.0))]
    sweep = subsidy.budget_sweep(make(plist, parts, costs), Scenario(regime=R2023), [60, 100, 110], "jobs")
    # 60: X (10 > 7); 100: Y + Z (13 > 10); 110: X + Y (17)
    assert sweep.membership.to_dict("index") == {
        "X": {60: True, 100: False, 110: True},
        "Y": {60: False, 100: True, 110: True},
        "Z": {60: False, 100: True, 110: False},
    }
    summary = sweep.summary.set_index("budget_mln_rub")
    assert summary.loc[100, "dropped"] == ("X",) and summary.loc[100, "added"] == ("Y", "Z")
    assert summary["value"].tolist() == [10, 13, 17]


def test_a_large_portfolio_is_solved_within_a_stated_gap(monkeypatch):
    monkeypatch.setattr(subsidy, "EXACT_LIMIT", 5)  # force the approximate path on a small case
    rng = np.random.default_rng(3)
    projects = _random_portfolio(rng, 12)
    scenario = Scenario(regime=R2016, budget_mln_rub=60.0)
    result = subsidy.allocate(projects, scenario, "npv_uplift")
    evaluation = subsidy.evaluate_detail(projects, scenario)
    best = _brute_force(evaluation, "npv_uplift", 60.0)
    assert result.method == "milp" and (result.optimal or 0 <= result.gap <= subsidy.APPROX_GAP)
    assert result.value >= best * (1 - subsidy.APPROX_GAP) - 1e-9


# --- Saved scenarios and regimes (migration 2) -------------------------------------------------------


@pytest.fixture()
def con():
    c = store.connect(":memory:")
    yield c
    c.close()


def test_migration_2_adds_regimes_and_scenarios(con):
    assert store.schema_version(con) == schema.SCHEMA_VERSION >= 2
    tables = set(store.query(con, "SELECT table_name FROM information_schema.tables")["table_name"])
    assert {"programme_regimes", "scenarios"} <= tables
    with pytest.raises(duckdb.ConstraintException):
        con.execute(
            "INSERT INTO programme_regimes (regime_id, name_ru, name_en, max_share, eligible_categories, "
            "eligible_stages, cap_basis, min_participants, supplier_in_cluster, source, to_verify) "
            "VALUES ('x', 'x', 'x', 1.5, ['rd'], ['rd'], 'project', 2, false, 's', [])"
        )


def test_save_list_load_delete_scenarios(con):
    a = Scenario(regime=R2016, federal_share=0.4, budget_mln_rub=500.0)
    b = Scenario(regime=R2023, regional_share=0.1)
    subsidy.save_scenario(con, "Base", a, note="as in 2018")
    subsidy.save_scenario(con, "Components", b)
    listed = subsidy.list_scenarios(con)
    assert listed["name"].tolist() == ["Base", "Components"]
    assert listed["regime_id"].tolist() == ["joint_2016", "components_2023"]
    assert subsidy.load_scenario(con, "Base") == a
    created = listed.set_index("name").loc["Base", "created_at"]
    subsidy.save_scenario(con, "Base", a.replace(federal_share=0.45))  # overwrite keeps created_at
    again = subsidy.list_scenarios(con).set_index("name")
    assert again.loc["Base", "created_at"] == created
    assert subsidy.load_scenario(con, "Base").federal_share == 0.45
    assert subsidy.delete_scenario(con, "Base") is True and subsidy.delete_scenario(con, "Base") is False
    with pytest.raises(KeyError):
        subsidy.load_scenario(con, "Base")
    with pytest.raises(ParameterError):
        subsidy.save_scenario(con, "   ", a)


def test_stored_scenarios_are_plain_text_parameters(con):
    subsidy.save_scenario(con, "S", Scenario(regime=R2016, federal_share=0.25))
    raw = store.query(con, "SELECT params FROM scenarios")["params"].iloc[0]
    params = json.loads(raw)
    assert params["regime"] == "joint_2016" and params["fed"] == "0.25"
    assert all(isinstance(v, str) for v in params.values())
    con.execute("UPDATE scenarios SET params = ? WHERE name = 'S'", [json.dumps({"fed": "0.9"})])
    with pytest.raises(ParameterError):  # a tampered row is checked like a URL
        subsidy.load_scenario(con, "S")


def test_edited_and_new_regimes_are_stored(con):
    edited = R2023.replace(cap_mln_rub=120.0, source="regional practice")
    custom = ProgrammeRegime(
        "kaluga_2025",
        0.2,
        ("equipment",),
        name_ru="Калуга",
        name_en="Kaluga",
        costs_from=date(2025, 1, 1),
        to_verify=("max_share",),
    )
    subsidy.save_regime(con, edited)
    subsidy.save_regime(con, custom)
    regimes = subsidy.list_regimes(con)
    assert regimes["components_2023"] == edited and regimes["components_2023"].source == "regional practice"
    assert regimes["kaluga_2025"] == custom and regimes["kaluga_2025"].to_verify == ("max_share",)
    assert regimes["joint_2016"] == R2016
    assert subsidy.delete_regime(con, "components_2023") is True
    assert subsidy.list_regimes(con)["components_2023"] == R2023  # back to the law's values


def test_load_projects_from_the_store(con):
    store.load_frame(
        con,
        "enterprises",
        pd.DataFrame(
            {
                "inn": ["4000000005", "4000000006"],
                "name_ru": ["Поставщик", "Чужой"],
                "okved": ["29.32", "21.20"],
                "region_code": ["40", "40"],
                "cluster_hint": ["auto", "pharma"],
            }
        ),
    )
    store.load_frame(
        con,
        "projects",
        pd.DataFrame(
            {
                "project_id": ["P1"],
                "name_ru": ["Кузов"],
                "cluster_id": ["auto"],
                "initiator_inn": ["4029032450"],
                "stage": ["serial"],
                "start_year": [2023],
                "jobs": [20],
                "is_joint": [True],
            }
        ),
    )
    store.load_frame(
        con,
        "project_participants",
        pd.DataFrame(
            {"project_id": ["P1", "P1"], "inn": ["4029032450", "7736050003"], "role": ["initiator", "participant"]}
        ),
    )
    store.load_frame(
        con,
        "project_costs",
        pd.DataFrame(
            {
                "project_id": ["P1"] * 4,
                "year": [2022, 2023, 2024, 2024],
                "category": ["component_batches"] * 4,
                "amount_mln_rub": [100.0, 200.0, 50.0, 30.0],
                "supplier_inn": ["7736050003", "7736050003", "4000000005", "4000000006"],
                "line": [1, 1, 1, 2],
            }
        ),
    )
    store.load_frame(
        con,
        "project_revenues",
        pd.DataFrame({"project_id": ["P1"], "year": [2024], "revenue_mln_rub": [500.0], "taxes_mln_rub": [None]}),
    )
    # no cluster of this store passes the Decree 779 check: by default nothing is eligible
    assert (
        row(subsidy.evaluate(subsidy.load_projects(con), Scenario(regime=R2023)))["reason"] == "cluster_not_registered"
    )
    assert row(subsidy.evaluate(subsidy.load_projects(con), Scenario(regime=R2023, assume_registered=True)))["eligible"]
    projects = subsidy.load_projects(con, registered_clusters={"auto"})  # marked registered
    t = row(subsidy.evaluate(projects, Scenario(regime=R2023)))
    assert t["name_ru"] == "Кузов" and t["n_participants"] == 2
    # 2022 is too early; 2023 from a project partner (200) and 2024 from an enterprise of the cluster (50)
    # count; the pharma enterprise's 30 does not: 50% × 250 = 125
    assert t["eligible_costs_mln_rub"] == 250.0 and t["subsidy_mln_rub"] == 125.0
    rows = subsidy.cost_eligibility(projects, Scenario(regime=R2023))
    assert dict(zip(rows["amount_mln_rub"], rows["reason"])) == {
        100.0: "before_costs_from",
        200.0: None,
        50.0: None,
        30.0: "supplier_not_cluster_participant",
    }
    only_pharma = subsidy.load_projects(con, registered_clusters={"pharma"})
    assert row(subsidy.evaluate(only_pharma, Scenario()))["reason"] == "cluster_not_registered"
