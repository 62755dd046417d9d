"""Tests that kill mutants `make mutation` found alive in analytics/models/subsidy/ (docs/mutation.md).

The hand-made project is test_subsidy.py's ``HAND``: 2016 regime, 50 %; equipment 100 in 2017, revenue
500 (2018) and 550 (2019); margin 20 %, taxes 10 % of revenue, discount rate 10 %, horizon 2017–2019,
support paid in the year of the cost. The expected column lists are those the docstrings promise.
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
import pytest

from analytics import store
from analytics.models import subsidy
from analytics.models.subsidy import ParameterError, ProgrammeRegime, Scenario
from analytics.models.subsidy import allocation as allocation_module
from analytics.models.subsidy.storage import _check_name
from tests import test_registry
from tests.test_subsidy import HAND, HAND_SCENARIO, WITH_B, make

hand_store = test_registry.hand_store  # a fixture: the tiny registry store

# P1 = HAND; P2: applicant C with participant B, R&D 300 in 2017, no revenue → subsidy 150, NPV with −150
TWO_PROJECTS = dict(
    HAND,
    projects=[
        {"project_id": "P1", "jobs": 20, "start_year": 2017},
        {"project_id": "P2", "start_year": 2017, "initiator_inn": "C"},
    ],
    participants=WITH_B + [("P2", "C"), ("P2", "B")],
    costs=HAND["costs"] + [{"project_id": "P2", "year": 2017, "category": "rd", "amount_mln_rub": 300.0}],
)


# --- column lists the docstrings promise ------------------------------------------------------------------


def test_subsidy_by_year_columns_and_values():
    # P1: cost 100 and subsidy 50 in 2017; taxes 10 % of revenue: 50 (2018), 55 (2019); additionality 1 → α = 1
    evaluation = subsidy.evaluate_detail(make(**HAND), HAND_SCENARIO.replace(additionality=1.0))
    out = subsidy.subsidy_by_year(evaluation)
    assert list(out.columns) == [
        "project_id",
        "year",
        "eligible_costs_mln_rub",
        "subsidy_federal_mln_rub",
        "subsidy_regional_mln_rub",
        "subsidy_mln_rub",
        "taxes_mln_rub",
        "taxes_attributed_mln_rub",
    ]
    by_year = out.set_index("year")
    assert by_year["subsidy_mln_rub"].to_dict() == {2017: 50.0, 2018: 0.0, 2019: 0.0}
    assert by_year["taxes_mln_rub"].tolist() == pytest.approx([0.0, 50.0, 55.0])
    assert by_year["taxes_attributed_mln_rub"].tolist() == pytest.approx([0.0, 50.0, 55.0])
    # nothing selected: an empty table
    assert subsidy.subsidy_by_year(evaluation, []).empty


def test_budget_balance_columns():
    balance = subsidy.budget_balance(subsidy.evaluate_detail(make(**HAND), HAND_SCENARIO.replace(additionality=1.0)))
    t = balance.table
    assert list(t.columns) == [
        "year",
        "subsidy_mln_rub",
        "subsidy_pv_mln_rub",
        "taxes_gross_mln_rub",
        "taxes_gross_pv_mln_rub",
        "taxes_mln_rub",
        "taxes_pv_mln_rub",
        "cum_subsidy_pv_mln_rub",
        "cum_taxes_pv_mln_rub",
        "balance_mln_rub",
    ]
    # subsidy 50 paid in 2017 (the base year: PV 50); attributed taxes 50 and 55 → PV 50/1.1 and 55/1.21
    assert t["subsidy_pv_mln_rub"].tolist() == pytest.approx([50.0, 0.0, 0.0])
    assert t["taxes_pv_mln_rub"].tolist() == pytest.approx([0.0, 50 / 1.1, 55 / 1.21])


def test_portfolio_summary_counts_the_regional_top_up():
    # federal 50 % plus a regional top-up of 20 % of the eligible 100: federal 50, regional 20
    scenario = HAND_SCENARIO.replace(regional_share=0.2)
    summary = subsidy.portfolio_summary(subsidy.evaluate_detail(make(**HAND), scenario))
    assert summary["subsidy_federal_mln_rub"] == pytest.approx(50.0)
    assert summary["subsidy_regional_mln_rub"] == pytest.approx(20.0)
    assert summary["subsidy_mln_rub"] == pytest.approx(70.0)


def test_eligibility_of_an_eligible_portfolio_is_an_empty_table_with_its_columns():
    out = subsidy.eligibility(make(**HAND), HAND_SCENARIO)
    assert out.empty and list(out.columns) == ["project_id", "reason", "field", "value", "allowed"]


def test_eligibility_values_keep_their_own_kind():
    # P1 starts in 2015, before the 2016 regime's first year: the value column holds the year itself
    projects = make(**dict(HAND, projects=[{"project_id": "P1", "start_year": 2015}]))
    out = subsidy.eligibility(projects, HAND_SCENARIO)
    first = out.set_index("reason").loc["outside_regime_period"]
    assert first["field"] == "start_year" and first["value"] == 2015
    assert out["value"].dtype == object  # years, codes and flags share one column


# --- allocation -------------------------------------------------------------------------------------------


def test_allocation_spend_by_year():
    # no budget: P1 and P2 both chosen; subsidy 50 + 150 = 200 paid in 2017
    result = subsidy.allocate(make(**TWO_PROJECTS), HAND_SCENARIO, "npv_uplift")
    assert result.selected == ("P1", "P2")
    assert list(result.spend.columns) == ["year", "subsidy_mln_rub", "budget_mln_rub"]
    assert result.spend.set_index("year")["subsidy_mln_rub"].to_dict() == {2017: 200.0, 2018: 0.0, 2019: 0.0}


def test_a_small_portfolio_asks_the_solver_for_a_proven_optimum(monkeypatch):
    # "Exact … up to EXACT_LIMIT candidates": the solver is asked for a relative gap of 0
    seen = []

    def spy(*args, **kwargs):
        seen.append(kwargs["options"]["mip_rel_gap"])
        return real(*args, **kwargs)

    real = allocation_module.milp
    monkeypatch.setattr(allocation_module, "milp", spy)
    result = subsidy.allocate(make(**TWO_PROJECTS), HAND_SCENARIO.replace(budget_mln_rub=100.0), "npv_uplift")
    # budget 100 in 2017: P2 (150) cannot fit, P1 (50) can
    assert result.selected == ("P1",) and result.optimal and seen == [0.0]


def test_the_greedy_fallback_takes_the_best_value_per_budget_share_first():
    # budget 10: value per share of the budget — project 0: 10 / 1.0, projects 1 and 2: 6 / 0.5 = 12 each.
    # Greedy takes 1 and 2 (spend 10), then 0 no longer fits.
    chosen = allocation_module._greedy(np.array([10.0, 6.0, 6.0]), np.array([[10.0], [5.0], [5.0]]), 10.0)
    assert chosen.tolist() == [False, True, True]


def test_the_solver_finding_nothing_falls_back_to_greedy(monkeypatch):
    class NoAnswer:
        x = None

    monkeypatch.setattr(allocation_module, "milp", lambda *a, **k: NoAnswer())
    result = subsidy.allocate(make(**TWO_PROJECTS), HAND_SCENARIO.replace(budget_mln_rub=100.0), "npv_uplift")
    assert result.method == "greedy" and not result.optimal and np.isnan(result.gap)
    assert result.selected == ("P1",)


# --- tornado ------------------------------------------------------------------------------------------------


def test_tornado_base_value_is_that_of_the_selected_projects():
    # selected P1 only: NPV with support −50 + 100/1.1 + 110/1.21 (P2's −150 is left out)
    out = subsidy.tornado(make(**TWO_PROJECTS), HAND_SCENARIO, "npv_with_mln_rub", 0.2, selected=["P1"])
    assert out["base_value"].iloc[0] == pytest.approx(-50 + 100 / 1.1 + 110 / 1.21)


def test_tornado_refuses_an_unknown_metric_naming_the_field():
    with pytest.raises(ParameterError) as err:
        subsidy.tornado(make(**HAND), HAND_SCENARIO, "irr_with")
    assert (err.value.field, err.value.value, err.value.reason) == ("metric", "irr_with", "not_an_option")


# --- refusals name field, value, what is allowed and why ------------------------------------------------


@pytest.mark.parametrize("name", ["", "   ", None])
def test_an_empty_scenario_name_is_refused(name):
    with pytest.raises(ParameterError) as err:
        _check_name(name)
    assert (err.value.field, err.value.value, err.value.allowed, err.value.reason) == ("name", name, (1, 100), "empty")


def test_a_regime_date_that_is_not_a_date_names_its_field():
    with pytest.raises(ParameterError) as err:
        ProgrammeRegime(regime_id="x", max_share=0.5, eligible_categories=("rd",), costs_from="2023-01-01")
    assert (err.value.field, err.value.reason) == ("regime.costs_from", "not_a_date")


def test_a_regime_without_names_is_named_by_its_id():
    regime = ProgrammeRegime(regime_id="custom_1", max_share=0.5, eligible_categories=("rd",))
    assert (regime.name_ru, regime.name_en) == ("custom_1", "custom_1")


def test_an_infinite_number_in_a_url_says_it_must_be_finite():
    with pytest.raises(ParameterError) as err:
        Scenario.from_query_params({"budget": "1e999"})
    assert (err.value.field, err.value.allowed, err.value.reason) == (
        "budget_mln_rub",
        "a finite number",
        "not_a_number",
    )


def test_a_malformed_regime_id_in_a_url_is_not_an_option():
    with pytest.raises(ParameterError) as err:
        Scenario.from_query_params({"regime": "Bad-Id"})
    assert (err.value.field, err.value.value, err.value.reason) == ("regime", "Bad-Id", "not_an_option")


def test_a_saved_regime_round_trips():
    con = store.connect(":memory:")
    regime = ProgrammeRegime(
        regime_id="custom_1", max_share=0.4, eligible_categories=("rd",), costs_from=date(2024, 1, 1), name_en="Mine"
    )
    subsidy.save_regime(con, regime)
    loaded = subsidy.list_regimes(con)["custom_1"]
    assert loaded == regime and loaded.name_en == "Mine" and loaded.costs_from == date(2024, 1, 1)
    con.close()


def test_the_greedy_fallback_weighs_every_project_by_its_own_years():
    # three projects over two years, budget 10 a year. Shares: project 0 (8 + 8) / 10 = 1.6 → 9 / 1.6 = 5.6;
    # project 1 (5 + 0) / 10 = 0.5 → 4 / 0.5 = 8; project 2 (0 + 5) / 10 = 0.5 → 3 / 0.5 = 6.
    # Order 1, 2, 0: 1 and 2 fit (5 in each year), then 0 would bring each year to 13 > 10.
    weights = np.array([[8.0, 8.0], [5.0, 0.0], [0.0, 5.0]])
    chosen = allocation_module._greedy(np.array([9.0, 4.0, 3.0]), weights, 10.0)
    assert chosen.tolist() == [False, True, True]


# --- projects: defaults and messages -----------------------------------------------------------------------


def test_a_project_with_unknown_jobs_counts_none():
    # jobs missing (NaN) → 0 jobs: the portfolio's jobs are P1's 20 only
    hand = dict(TWO_PROJECTS, projects=[dict(p) for p in TWO_PROJECTS["projects"]])
    hand["projects"][1]["jobs"] = float("nan")
    summary = subsidy.portfolio_summary(subsidy.evaluate_detail(make(**hand), HAND_SCENARIO))
    assert summary["jobs"] == 20.0


def test_negative_jobs_are_refused_with_a_message():
    with pytest.raises(ValueError, match="^projects: jobs must be ≥ 0$"):
        make(**dict(HAND, projects=[{"project_id": "P1", "jobs": -1, "start_year": 2017}]))


def test_an_unknown_joint_flag_counts_as_joint():
    # is_joint missing → True (the default): P1 stays eligible, subsidy 50 % of 100
    projects = make(**dict(HAND, projects=[{"project_id": "P1", "jobs": 20, "start_year": 2017, "is_joint": None}]))
    t = subsidy.evaluate(projects, HAND_SCENARIO).set_index("project_id")
    assert bool(t.at["P1", "eligible"]) and t.at["P1", "subsidy_mln_rub"] == 50.0


def test_participants_without_their_columns_are_named_in_the_message():
    p = make(**HAND).projects
    with pytest.raises(ValueError, match="^participants has no column"):
        subsidy.Projects(p, p[["project_id"]])


def test_projects_without_costs_or_revenues():
    # costs and revenues are optional: no cost, no subsidy, nothing eligible
    p = make(**HAND)
    bare = subsidy.Projects(p.projects, p.participants)
    assert list(bare.costs.columns)[:4] == ["project_id", "year", "category", "amount_mln_rub"]
    t = subsidy.evaluate(bare, HAND_SCENARIO).set_index("project_id")
    assert t.at["P1", "subsidy_mln_rub"] == 0.0 and t.at["P1", "reason"] == "no_eligible_costs"


def test_tax_shares_without_an_okved_column_fall_back_and_given_shares_win():
    import pandas as pd

    from analytics.models.subsidy import taxes

    plain = taxes.project_shares(pd.DataFrame({"project_id": ["P1"]}))
    assert plain["share_source"].tolist() == ["io2021:" + taxes.FALLBACK_SECTION]
    given = taxes.project_shares(pd.DataFrame({"okved": ["29.10"], "value_added_share": [0.25]}))
    assert given["share_source"].tolist() == ["given"] and given["value_added_share"].tolist() == [0.25]


def test_eligible_costs_below_one_million_still_count():
    # equipment of 0.5 mln ₽ at 50 %: eligible, subsidy 0.25
    hand = dict(HAND, costs=[{"project_id": "P1", "year": 2017, "category": "equipment", "amount_mln_rub": 0.5}])
    t = subsidy.evaluate(make(**hand), HAND_SCENARIO).set_index("project_id")
    assert bool(t.at["P1", "eligible"]) and t.at["P1", "subsidy_mln_rub"] == pytest.approx(0.25)
    assert t.at["P1", "reason"] is None  # eligible: no failed check


@pytest.mark.parametrize("cut, capped", [(0.0, False), (1.5e-9, True)])
def test_a_cap_is_reported_when_it_cuts_the_subsidy(cut, capped):
    # equipment 2.0 at 50 % → 1.0 uncapped; a scenario cap of 1.0 − cut: rounding noise below 1e-9 of
    # max(1, subsidy) is not a cut, 1.5e-9 on a subsidy of 1.0 is
    hand = dict(HAND, costs=[{"project_id": "P1", "year": 2017, "category": "equipment", "amount_mln_rub": 2.0}])
    t = subsidy.evaluate(make(**hand), HAND_SCENARIO.replace(cap_mln_rub=1.0 - cut)).set_index("project_id")
    assert bool(t.at["P1", "capped"]) is capped


def test_evaluation_says_why_an_irr_is_what_it_is():
    # HAND's flows −100, 100, 110 change sign once: one IRR, with and without support
    from analytics.metrics import finance

    t = subsidy.evaluate(make(**HAND), HAND_SCENARIO).set_index("project_id")
    assert (
        t.at["P1", "irr_without_status"] == finance.IRR_UNIQUE and t.at["P1", "irr_with_status"] == finance.IRR_UNIQUE
    )


def test_a_value_that_is_not_a_number_is_refused_with_its_range():
    with pytest.raises(ParameterError) as err:
        ProgrammeRegime(regime_id="x", max_share="half", eligible_categories=("rd",))
    assert (err.value.field, err.value.reason) == ("regime.max_share", "not_a_number")
    assert err.value.allowed == subsidy.RANGES["regime.max_share"]


def test_a_cell_without_any_modelled_tax_goes_to_the_federal_budget():
    from analytics.models.subsidy import taxes

    zero = {kind: np.zeros((1, 2)) for kind in taxes.TAX_TYPES}
    out = taxes.split_by_level(zero, np.array([[10.0, 4.0]]))
    assert out["federal"].tolist() == [[10.0, 4.0]]
    assert all(out[level].tolist() == [[0.0, 0.0]] for level in taxes.LEVELS if level != "federal")


# --- more refusals, the solver's repair, the tornado's limits ------------------------------------------------


def test_refusals_list_what_is_allowed():
    with pytest.raises(ParameterError) as err:
        subsidy.allocate(make(**HAND), HAND_SCENARIO, "jobs_per_rouble")
    assert err.value.allowed == tuple(subsidy.OBJECTIVES)
    with pytest.raises(ParameterError) as err:
        ProgrammeRegime(regime_id="x", max_share=0.5, eligible_categories=("rd",), supplier_in_cluster="yes")
    assert err.value.allowed == (True, False)
    with pytest.raises(ParameterError) as err:
        Scenario.from_query_params({"r_supplier": "yes"})
    assert err.value.allowed == ("1", "0")


def test_a_set_over_the_budget_from_the_solver_is_repaired(monkeypatch):
    # the "solver" returns both projects (subsidy 50 + 150 in 2017) against a budget of 160: over by 40.
    # The repair drops the chosen project with the least value per budget rouble in that year:
    # P1 npv uplift 50 / 50 = 1, P2 150 / 150 = 1 — a tie, the first (P1) goes; P2 (150 ≤ 160) stays,
    # and a repaired set is not reported as proven optimal.
    class Both:
        x = np.array([1.0, 1.0])
        status = 0
        mip_gap = 0.0

    monkeypatch.setattr(allocation_module, "milp", lambda *a, **k: Both())
    result = subsidy.allocate(make(**TWO_PROJECTS), HAND_SCENARIO.replace(budget_mln_rub=160.0), "npv_uplift")
    assert result.selected == ("P2",) and not result.optimal
    assert result.spend["subsidy_mln_rub"].max() <= 160.0


def test_the_applicant_cap_leaves_no_numpy_warning():
    # one applicant, costs in 2017 only: its 2018 and 2019 totals are 0 (0 / 0 is never shown)
    import warnings

    scenario = Scenario(regime=subsidy.BUILTIN_REGIMES["joint_2016"], cap_mln_rub=30.0, cap_basis="applicant")
    with warnings.catch_warnings():
        warnings.simplefilter("error", RuntimeWarning)
        t = subsidy.evaluate(make(**HAND), scenario.replace(horizon_years=3)).set_index("project_id")
    assert t.at["P1", "subsidy_mln_rub"] == pytest.approx(30.0)  # min(50, 30)


def test_break_even_counts_from_the_first_year_with_any_subsidy():
    # subsidy 0.5 in 2017 (equipment 1.0) and 5 in 2018 (equipment 10); revenue 100 a year from 2017 → taxes
    # 10 a year, all credited (additionality 1). Cumulative discounted balance: 2017 10 − 0.5 ≥ 0 and stays
    # ≥ 0 → break-even 2017 (not 2018, the first year with a subsidy above 1)
    hand = dict(
        HAND,
        costs=[
            {"project_id": "P1", "year": 2017, "category": "equipment", "amount_mln_rub": 1.0},
            {"project_id": "P1", "year": 2018, "category": "equipment", "amount_mln_rub": 10.0},
        ],
        revenues=[{"project_id": "P1", "year": y, "revenue_mln_rub": 100.0} for y in (2017, 2018, 2019)],
    )
    balance = subsidy.budget_balance(subsidy.evaluate_detail(make(**hand), HAND_SCENARIO.replace(additionality=1.0)))
    assert balance.table["subsidy_mln_rub"].tolist() == pytest.approx([0.5, 5.0, 0.0])
    assert balance.break_even_year == 2017


def test_tornado_support_rate_stops_where_support_would_pass_all_costs():
    # federal 30 % + regional 65 %: +20 % would be 36 %, but federal + regional may not pass 100 % → 35 %
    scenario = HAND_SCENARIO.replace(federal_share=0.3, regional_share=0.65)
    out = subsidy.tornado(make(**HAND), scenario, "npv_with_mln_rub", 0.2, factors=("support_rate",))
    assert list(out.columns) == [
        "factor",
        "low_input",
        "base_input",
        "high_input",
        "low_value",
        "base_value",
        "high_value",
        "low_change",
        "high_change",
        "low_limited",
        "high_limited",
        "swing",
    ]
    r = out.iloc[0]
    assert r["high_input"] == pytest.approx(0.35) and bool(r["high_limited"])
    assert r["low_input"] == pytest.approx(0.24) and not bool(r["low_limited"])


def test_registered_clusters_in_a_region_asked_for(hand_store):
    # one more supply S4 → F1 of 100 lifts the hand cluster's FD to (260 + 100) / 1500 = 0.24 ≥ 20 %: it passes.
    # Asked for region 41 (no enterprise there) it is not registered there, whatever region the data suggest.
    con, inn = hand_store
    con.execute(
        "INSERT INTO supply_links (supplier_inn, buyer_inn, year, value_mln_rub) VALUES (?, ?, 2023, 100.0)",
        [inn["S4"], inn["F1"]],
    )
    # one project by F1 (region 40): the data suggest region 40 and its latest year, 2023
    con.execute(
        "INSERT INTO projects (project_id, name_ru, cluster_id, initiator_inn, stage, start_year) "
        "VALUES ('P1', 'Проект', 'auto', ?, 'serial', 2023)",
        [inn["F1"]],
    )
    assert subsidy.registered_by_check(con) == frozenset({"auto"})
    assert subsidy.registered_by_check(con, region="41") == frozenset()


def test_leap_years_by_the_gregorian_rule():
    from analytics.models.subsidy.projects import _is_leap

    years = np.array([1900, 2000, 2023, 2024, 2100])
    assert _is_leap(years).tolist() == [False, True, False, True, False]


def test_without_irr_the_status_says_not_computed():
    evaluation = subsidy.evaluate_detail(make(**HAND), HAND_SCENARIO, irr=False)
    t = evaluation.table.set_index("project_id")
    assert np.isnan(t.at["P1", "irr_without"]) and t.at["P1", "irr_without_status"] == "not_computed"


def test_no_projects_give_an_empty_table_with_number_columns():
    p = make(**HAND)
    empty = subsidy.Projects(p.projects.iloc[0:0], p.participants.iloc[0:0], p.costs.iloc[0:0], p.revenues.iloc[0:0])
    t = subsidy.evaluate(empty, HAND_SCENARIO)
    assert t.empty and t["irr_without"].dtype == "float64" and t["irr_with"].dtype == "float64"


def test_payback_does_not_depend_on_the_unit_of_money():
    # HAND in units a billion times smaller: cumulative discounted flows −1e−7, −9.1e−9, +8.2e−8 (× 1e−9
    # of the original −100, −9.09, +81.8): still recovered in the third year, payback 2 years
    tiny = dict(
        HAND,
        costs=[{**c, "amount_mln_rub": c["amount_mln_rub"] * 1e-9} for c in HAND["costs"]],
        revenues=[{**r, "revenue_mln_rub": r["revenue_mln_rub"] * 1e-9} for r in HAND["revenues"]],
    )
    t = subsidy.evaluate(make(**tiny), HAND_SCENARIO).set_index("project_id")
    assert t.at["P1", "payback_without_years"] == 2.0 and t.at["P1", "payback_with_years"] == 1.0


def test_revenue_frames_are_checked_with_messages():
    p = make(**HAND)
    with pytest.raises(ValueError, match="^revenues has no column"):
        subsidy.Projects(p.projects, p.participants, p.costs, p.revenues.drop(columns="revenue_mln_rub"))
    with pytest.raises(ValueError, match="^revenues: taxes_mln_rub must be ≥ 0$"):
        subsidy.Projects(p.projects, p.participants, p.costs, p.revenues.assign(taxes_mln_rub=-1.0))


def test_a_small_modelled_tax_is_split_in_its_own_proportions():
    # modelled VAT 0.3 (federal) and property tax 0.2 (regional), 0.5 in all: a reported total of 10 splits
    # 6 federal / 4 regional — proportions of the cell's modelled taxes, however small they are
    from analytics.models.subsidy import taxes

    by_type = {kind: np.zeros((1, 1)) for kind in taxes.TAX_TYPES}
    by_type["vat"] = np.array([[0.3]])
    by_type["property"] = np.array([[0.2]])
    out = taxes.split_by_level(by_type, np.array([[10.0]]))
    assert out["federal"][0, 0] == pytest.approx(6.0) and out["regional"][0, 0] == pytest.approx(4.0)


@pytest.mark.parametrize(
    "changes, field",
    [
        ({"max_share": float("inf")}, "regime.max_share"),
        ({"max_share": float("nan")}, "regime.max_share"),
        ({"min_participants": 2.5}, "regime.min_participants"),
    ],
)
def test_infinite_or_fractional_numbers_are_refused_with_their_range(changes, field):
    with pytest.raises(ParameterError) as err:
        ProgrammeRegime(**{"regime_id": "x", "max_share": 0.5, "eligible_categories": ("rd",), **changes})
    assert (err.value.field, err.value.reason) == (field, "not_a_number")
    assert err.value.allowed == subsidy.RANGES[field]


# --- third sample's survivors --------------------------------------------------------------------------------


def test_the_greedy_fallback_keeps_the_input_order_among_equals():
    # 40 equal projects (value 1, subsidy 1 each), budget 20: the first 20 in the given order are taken
    chosen = allocation_module._greedy(np.ones(40), np.ones((40, 1)), 20.0)
    assert chosen.tolist() == [True] * 20 + [False] * 20


def test_the_repair_may_drop_a_project_of_less_than_one_million(monkeypatch):
    # P1: equipment 1.0 → subsidy 0.5; P2: R&D 300 → 150; budget 150.2, both "chosen" → over by 0.3.
    # Value per budget rouble: P1 0.5 / 0.5 = 1, P2 150 / 150 = 1: the first (P1) is dropped, P2 stays.
    class Both:
        x = np.array([1.0, 1.0])
        status = 0
        mip_gap = 0.0

    monkeypatch.setattr(allocation_module, "milp", lambda *a, **k: Both())
    two = dict(TWO_PROJECTS, costs=[{**HAND["costs"][0], "amount_mln_rub": 1.0}, TWO_PROJECTS["costs"][1]])
    result = subsidy.allocate(make(**two), HAND_SCENARIO.replace(budget_mln_rub=150.2), "npv_uplift")
    assert result.selected == ("P2",) and result.candidates == 2


def test_eligibility_rows_name_the_field_and_come_by_project():
    # a 2016 regime narrowed to serial production; P1 and P2 are R&D projects starting in 2015, before the
    # regime: both fail on the period and on the stage (and so have no eligible costs)
    scenario = HAND_SCENARIO.with_regime(HAND_SCENARIO.regime.replace(eligible_stages=("serial",)))
    hand = dict(TWO_PROJECTS, projects=[{**p, "stage": "rd", "start_year": 2015} for p in TWO_PROJECTS["projects"]])
    out = subsidy.eligibility(make(**hand), scenario)
    stage = out[out["reason"] == "stage_not_eligible"]
    assert stage["field"].tolist() == ["stage", "stage"] and stage["value"].tolist() == ["rd", "rd"]
    assert out["project_id"].tolist() == sorted(out["project_id"]) and len(out) > 2
    # within a project the reasons keep the order of REASONS
    order = {code: i for i, code in enumerate(subsidy.REASONS)}
    for _, rows in out.groupby("project_id"):
        assert rows["reason"].map(order).is_monotonic_increasing


def test_portfolio_ratios_of_one_project_equal_its_own():
    # one project: the portfolio's ratios of sums are the project's own ratios
    scenario = HAND_SCENARIO.replace(additionality=1.0, regional_share=0.2)
    evaluation = subsidy.evaluate_detail(make(**HAND), scenario)
    summary, own = subsidy.portfolio_summary(evaluation), evaluation.table.set_index("project_id").loc["P1"]
    for ratio in ("budget_effectiveness", "budget_effectiveness_federal", "budget_effectiveness_regional"):
        assert summary[ratio] == pytest.approx(own[ratio]) and summary[ratio] > 0


def test_a_subset_keeps_only_its_own_rows_quietly():
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        one = make(**TWO_PROJECTS).subset(["P1"])
    assert set(one.participants["project_id"]) == {"P1"} and set(one.costs["project_id"]) == {"P1"}


def test_more_refusals_carry_what_was_given():
    with pytest.raises(ParameterError) as err:
        ProgrammeRegime(regime_id="x", max_share=0.5, eligible_categories=("rd",), costs_to="2023-12-31")
    assert (err.value.field, err.value.value) == ("regime.costs_to", "2023-12-31")
    with pytest.raises(ParameterError) as err:
        ProgrammeRegime(regime_id="x", max_share=0.5, eligible_categories=("rd",), supplier_in_cluster=1)
    assert (err.value.field, err.value.value) == ("regime.supplier_in_cluster", 1)
    with pytest.raises(ParameterError) as err:
        ProgrammeRegime(regime_id="x", max_share=0.5, eligible_categories=())
    assert (err.value.field, err.value.value, err.value.reason) == ("regime.eligible_categories", (), "empty")
    with pytest.raises(ParameterError) as err:
        Scenario.from_query_params({"fed": []})
    assert (err.value.field, err.value.value, err.value.reason) == ("federal_share", [], "empty")
    with pytest.raises(ParameterError) as err:
        subsidy.tornado(make(**HAND), HAND_SCENARIO, "npv_with_mln_rub", -0.1)
    assert (err.value.field, err.value.allowed) == ("delta", (0.0, 1.0))


def test_regime_sources_columns():
    table = subsidy.regime_sources("joint_2016")
    assert list(table.columns)[:9] == [
        "regime_id",
        "field",
        "value",
        "unit",
        "source",
        "edition",
        "applies_from",
        "status",
        "note",
    ]
    # the values of Decree No. 41 of 28 January 2016 say from when they apply
    assert str(date(2016, 1, 28)) in set(table["applies_from"].dropna().astype(str))


def test_taxes_by_level_add_up_to_the_gross_taxes():
    # HAND: taxes 10 % of revenue, 50 (2018) and 55 (2019), split over the four budget levels
    evaluation = subsidy.evaluate_detail(make(**HAND), HAND_SCENARIO)
    assert set(evaluation.taxes_by_level) == {"federal", "regional", "local", "social_funds"}
    total = sum(evaluation.taxes_by_level.values())
    np.testing.assert_allclose(total, evaluation.taxes, atol=1e-9)
    assert total.sum() == pytest.approx(105.0)


def test_project_frames_are_checked_with_messages():
    p = make(**HAND)
    with pytest.raises(ValueError, match="^projects has no column"):
        subsidy.Projects(p.projects.drop(columns="start_year"))
    with pytest.raises(ValueError, match="^registered_clusters must be a collection of cluster ids"):
        subsidy.Projects(p.projects, registered_clusters="auto")


def test_scenario_numbers_are_plain_floats():
    s = Scenario(regime=subsidy.BUILTIN_REGIMES["joint_2016"], tax_rate=np.float32(0.25), discount_rate=0)
    assert type(s.tax_rate) is float and s.tax_rate == 0.25
    assert type(s.discount_rate) is float


def test_given_tax_shares_of_every_kind_win():
    from analytics.models.subsidy import taxes

    given = taxes.project_shares(
        pd.DataFrame({"okved": ["29.10"], "compensation_share": [0.3], "other_taxes_share": [0.05]})
    )
    assert given["compensation_share"].tolist() == [0.3] and given["other_taxes_share"].tolist() == [0.05]
    assert given["share_source"].tolist() == ["given"]
