"""Subsidy effect an auditor would sign (issue 11): one base year, attributed taxes (additionality), taxes
by type and budget level, payment lag, regime dates, registered clusters. Expected values are computed by
hand in the comments; fixtures are small and hand-made (money mln ₽).
"""

import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from analytics.models import rules, subsidy
from analytics.models.subsidy import BUILTIN_REGIMES, ParameterError, Projects, Scenario
from analytics.models.subsidy import taxes as tax_model

R2016 = BUILTIN_REGIMES["joint_2016"]
R2023 = BUILTIN_REGIMES["components_2023"]
ROOT = Path(__file__).resolve().parents[1]


def make(projects, costs=(), revenues=(), **kwargs) -> Projects:
    """Projects of applicant A with partner B in cluster auto (start 2017, serial, joint)."""
    base = {"cluster_id": "auto", "initiator_inn": "A", "stage": "serial", "start_year": 2017, "is_joint": True}
    p = pd.DataFrame([{**base, **row} for row in projects])
    parts = pd.DataFrame([(pid, inn) for pid in p["project_id"] for inn in ("A", "B")], columns=["project_id", "inn"])
    c = (
        pd.DataFrame(list(costs))
        if costs
        else pd.DataFrame(columns=["project_id", "year", "category", "amount_mln_rub"])
    )
    r = pd.DataFrame(list(revenues)) if revenues else pd.DataFrame(columns=["project_id", "year", "revenue_mln_rub"])
    return Projects(p, parts, c, r, **kwargs)


def equipment(pid="P1", year=2017, amount=100.0):
    return {"project_id": pid, "year": year, "category": "equipment", "amount_mln_rub": amount}


def revenue(pid="P1", year=2018, amount=500.0):
    return {"project_id": pid, "year": year, "revenue_mln_rub": amount}


def row(table: pd.DataFrame, pid: str = "P1") -> pd.Series:
    return table.set_index("project_id").loc[pid]


# 2016 regime, 50 %, 10 % discount, taxes a flat 10 % of revenue, 20 % cash margin, horizon 3 years.
BASE = Scenario(
    regime=R2016,
    federal_share=0.5,
    discount_rate=0.1,
    cash_margin=0.2,
    tax_rate=0.1,
    taxes="rate",
    horizon_years=3,
    additionality=1.0,
)
# P1: equipment 100 in 2017, revenue 500 in 2018 and 550 in 2019 → taxes 50 and 55.
HAND = make([{"project_id": "P1"}], [equipment()], [revenue(), revenue(year=2019, amount=550.0)])


# --- One base year --------------------------------------------------------------------------------


@pytest.mark.parametrize("base_year", [None, 2000, 2017, 2018, 2030])
def test_budget_effectiveness_does_not_depend_on_the_base_year(base_year):
    t = row(subsidy.evaluate(HAND, BASE.replace(base_year=base_year)))
    # subsidy 50 paid in 2018 (lag 1): PV to 2017 = 50/1.1; taxes PV = 50/1.1 + 55/1.21 = 100/1.1 → ratio 2
    assert t["budget_effectiveness"] == pytest.approx(2.0, rel=1e-12)
    # cumulative PV taxes 0, 45.45, 90.9 vs subsidy 45.45 paid in 2018: equal in 2018 counts as break-even
    assert t["break_even_year"] == 2018


def test_the_default_base_year_is_the_first_year_of_the_data_and_scales_every_amount():
    default = subsidy.evaluate_detail(HAND, BASE)
    assert default.base_year == 2017
    t = row(default.table)
    assert t["pv_subsidy_mln_rub"] == pytest.approx(50 / 1.1)
    assert t["pv_taxes_gross_mln_rub"] == pytest.approx(100 / 1.1)
    later = row(subsidy.evaluate(HAND, BASE.replace(base_year=2019)))  # two years later: × 1.21
    for col in ("pv_subsidy_mln_rub", "pv_taxes_gross_mln_rub", "npv_without_mln_rub", "npv_with_mln_rub"):
        assert later[col] == pytest.approx(t[col] * 1.21)


# --- Payment lag ----------------------------------------------------------------------------------


@pytest.mark.parametrize("lag, pv", [(0, 50.0), (1, 50 / 1.1), (2, 50 / 1.21)])
def test_a_payment_lag_lowers_the_present_value_of_the_subsidy(lag, pv):
    t = row(subsidy.evaluate(HAND, BASE.replace(payment_lag_years=lag)))
    assert t["subsidy_mln_rub"] == 50.0  # the nominal amount does not change
    assert t["pv_subsidy_mln_rub"] == pytest.approx(pv)
    assert t["npv_with_mln_rub"] - t["npv_without_mln_rub"] == pytest.approx(pv)


def test_the_subsidy_is_paid_lag_years_after_the_cost_even_past_the_horizon():
    detail = subsidy.evaluate_detail(HAND, BASE.replace(payment_lag_years=3))
    paid = dict(zip(detail.years.tolist(), detail.subsidy[0].tolist()))
    assert paid[2020] == 50.0 and sum(paid.values()) == 50.0  # 2017 + 3; the horizon ends in 2019
    assert row(detail.table)["pv_subsidy_mln_rub"] == pytest.approx(50 / 1.1**3)


def test_payment_lag_range():
    with pytest.raises(ParameterError) as err:
        BASE.replace(payment_lag_years=6)
    assert err.value.field == "payment_lag_years" and err.value.allowed == (0, 5)
    with pytest.raises(ParameterError):
        BASE.replace(payment_lag_years=-1)
    assert Scenario().payment_lag_years == 1


# --- Additionality --------------------------------------------------------------------------------

# discount 0, margin 0.5, federal 50 %, lag 0: equipment 100 in 2017, revenue R in 2018.
# NPV without = 0.5 R − 100; NPV with = 0.5 R − 50.
ZERO = BASE.replace(discount_rate=0.0, cash_margin=0.5, payment_lag_years=0, additionality=0.25)


@pytest.mark.parametrize(
    "rev, alpha",
    [
        (300.0, 0.25),  # viable without (NPV without 50 ≥ 0): additionality
        (200.0, 0.25),  # at the boundary: NPV without exactly 0 counts as viable without
        (198.0, 1.0),  # just below (−1): support makes it viable (NPV with 49) — all its taxes
        (100.0, 1.0),  # NPV with exactly 0: made viable
        (98.0, 0.0),  # NPV with −1: not viable even with support — none
    ],
)
def test_additionality_rule_on_hand_made_projects(rev, alpha):
    projects = make([{"project_id": "P1"}], [equipment()], [revenue(amount=rev)])
    t = row(subsidy.evaluate(projects, ZERO))
    assert t["attribution"] == alpha
    assert t["pv_taxes_gross_mln_rub"] == pytest.approx(0.1 * rev)
    assert t["pv_taxes_additional_mln_rub"] == pytest.approx(alpha * 0.1 * rev)
    assert t["budget_effectiveness"] == pytest.approx(alpha * 0.1 * rev / 50.0)


def test_a_portfolio_of_the_three_kinds():
    projects = make(
        [{"project_id": p} for p in ("V", "M", "N")],
        [equipment(p) for p in ("V", "M", "N")],
        [revenue("V", amount=400.0), revenue("M", amount=150.0), revenue("N", amount=60.0)],
    )
    summary = subsidy.portfolio_summary(subsidy.evaluate_detail(projects, ZERO))
    # V: 0.25 × 40; M: 1 × 15; N: 0 × 6 → 25 of 61 gross, over subsidy 150
    assert summary["pv_taxes_gross_mln_rub"] == pytest.approx(61.0)
    assert summary["pv_taxes_additional_mln_rub"] == pytest.approx(25.0)
    assert summary["budget_effectiveness"] == pytest.approx(25.0 / 150.0)


def test_no_support_no_attributed_taxes():
    none = row(subsidy.evaluate(HAND, BASE.replace(federal_share=0.0)))
    assert none["subsidy_mln_rub"] == 0.0 and none["attribution"] == 0.0
    assert none["pv_taxes_additional_mln_rub"] == 0.0 and np.isnan(none["budget_effectiveness"])
    assert none["pv_taxes_gross_mln_rub"] == pytest.approx(100 / 1.1)  # the taxes are still there
    ineligible = row(subsidy.evaluate(HAND, BASE.replace(regime=R2016.replace(min_participants=3))))
    assert ineligible["reason"] == "too_few_participants" and ineligible["pv_taxes_additional_mln_rub"] == 0.0


def test_additionality_range_and_default():
    assert Scenario().additionality == 0.0
    for bad in (-0.01, 1.01):
        with pytest.raises(ParameterError):
            BASE.replace(additionality=bad)


# --- Taxes by type and budget level ---------------------------------------------------------------

# Own shares: value added 0.30, compensation 0.10, wages 0.08, other taxes 0 per ₽ of revenue.
# Revenue 1,000 in 2024 and 2025; discount 0; taxable profit = 0.4 × surplus (0.3 − 0.1) × 1,000 = 80.
#   VAT 20 % × 300 = 60 (federal), both years
#   profit tax 2024: 3 % × 80 = 2.4 federal, 17 % × 80 = 13.6 regional; 2025: 8 % × 80 = 6.4 federal, 13.6
#   НДФЛ 13 % × 80 = 10.4: 85 % regional 8.84, 15 % local 1.56
#   insurance contributions 30 % × 80 = 24 (social funds)
# federal 62.4 + 66.4 = 128.8; regional 2 × (13.6 + 8.84) = 44.88; local 3.12; social funds 48; gross 224.8
SHARES = {"value_added_share": 0.30, "compensation_share": 0.10, "wages_share": 0.08, "other_taxes_share": 0.0}
TAXED = make(
    [{"project_id": "P1", "start_year": 2024, **SHARES}],
    [equipment(year=2024)],
    [revenue(year=2024, amount=1000.0), revenue(year=2025, amount=1000.0)],
)
MODELLED = Scenario(
    regime=R2023.replace(eligible_categories=("equipment",), supplier_in_cluster=False),
    discount_rate=0.0,
    tax_rate=None,
    taxes="rate",
    horizon_years=2,
    payment_lag_years=0,
)


def test_taxes_by_level_by_hand():
    t = row(subsidy.evaluate(TAXED, MODELLED))
    assert t["pv_taxes_federal_mln_rub"] == pytest.approx(128.8)
    assert t["pv_taxes_regional_mln_rub"] == pytest.approx(44.88)
    assert t["pv_taxes_local_mln_rub"] == pytest.approx(3.12)
    assert t["pv_taxes_social_funds_mln_rub"] == pytest.approx(48.0)
    assert t["pv_taxes_gross_mln_rub"] == pytest.approx(224.8)


def test_property_tax_on_the_immovable_share_of_costs():
    t = row(subsidy.evaluate(TAXED, MODELLED.replace(property_share=0.5)))
    # property 50 in 2024 and 2025 (cumulative costs 100 × 0.5): 2.2 % × 50 = 1.1 a year, regional
    assert t["pv_taxes_regional_mln_rub"] == pytest.approx(44.88 + 2.2)


@pytest.mark.parametrize(
    "scenario",
    [
        MODELLED,
        MODELLED.replace(tax_rate=0.07),
        MODELLED.replace(discount_rate=0.1, base_year=2020),
        MODELLED.replace(taxes="reported"),
    ],
)
def test_tax_levels_add_up_to_the_gross(scenario):
    projects = make(
        [
            {"project_id": "P1", "start_year": 2024, "okved": "29.32"},
            {"project_id": "P2", "start_year": 2024, "okved": None},
        ],
        [equipment("P1", 2024), equipment("P2", 2024)],
        [revenue("P1", 2024, 800.0), {**revenue("P2", 2025, 300.0), "taxes_mln_rub": 12.0}],
    )
    t = subsidy.evaluate(projects, scenario)
    levels = sum(t[f"pv_taxes_{level}_mln_rub"] for level in rules.BUDGET_LEVELS)
    assert levels.to_numpy() == pytest.approx(t["pv_taxes_gross_mln_rub"].to_numpy(), rel=1e-12)


def test_a_flat_rate_or_reported_total_is_split_in_the_modelled_proportions():
    flat = row(subsidy.evaluate(TAXED, MODELLED.replace(tax_rate=0.1)))
    assert flat["pv_taxes_gross_mln_rub"] == pytest.approx(200.0)
    # 2024: 110.4 modelled, of which 62.4 federal; 2025: 114.4, 66.4 federal → 100 × each share
    assert flat["pv_taxes_federal_mln_rub"] == pytest.approx(100 * 62.4 / 110.4 + 100 * 66.4 / 114.4)


def test_federal_subsidy_against_federal_taxes_and_regional_top_up_against_regional_taxes():
    scenario = MODELLED.replace(federal_share=0.3, regional_share=0.1, additionality=1.0)
    t = row(subsidy.evaluate(TAXED, scenario))
    # subsidy: federal 30, regional 10 (lag 0, discount 0)
    assert t["budget_effectiveness_federal"] == pytest.approx(128.8 / 30)
    assert t["budget_effectiveness_regional"] == pytest.approx(44.88 / 10)
    assert t["budget_effectiveness"] == pytest.approx(224.8 / 40)


def test_io_shares_are_the_published_ratios_of_the_product():
    # product 047 (OKPD 2 "29", motor vehicles) is the whole of division 29
    primary = pd.read_csv(ROOT / "data" / "io2021" / "primary_inputs.csv", dtype={"no": str}).set_index("no")
    p = primary.loc["047"]
    shares = tax_model.io_shares().loc["29"]
    assert shares["value_added_share"] == pytest.approx(p["value_added_b1g"] / p["output_p1"])  # 606358/3480846
    assert shares["compensation_share"] == pytest.approx(p["compensation_d1"] / p["output_p1"])
    assert shares["value_added_share"] == pytest.approx(0.1742, abs=1e-4)
    frame = pd.DataFrame({"okved": ["29.32", "99.99", None]})
    sources = tax_model.project_shares(frame)["share_source"].tolist()
    assert sources == ["io2021:29", "io2021:C", "io2021:C"]  # unknown or missing: manufacturing


@pytest.mark.parametrize(
    "year, federal, regional",
    [
        (2016, 0.02, 0.18),
        (2017, 0.03, 0.17),
        (2024, 0.03, 0.17),
        (2025, 0.08, 0.17),
        (2030, 0.08, 0.17),
        (2031, 0.07, 0.18),
    ],
)
def test_profit_tax_split_by_year(year, federal, regional):
    assert rules.rate_in_year(rules.PROFIT_TAX_RATES, year).value == (federal, regional)


@pytest.mark.parametrize("year, rate", [(2018, 0.18), (2019, 0.20), (2025, 0.20), (2026, 0.22)])
def test_vat_rate_by_year(year, rate):
    assert rules.rate_in_year(rules.VAT_RATES, year).value == rate


def test_every_tax_rate_is_sourced():
    values = [
        *rules.VAT_RATES,
        *rules.PROFIT_TAX_RATES,
        rules.VAT_TO_FEDERAL,
        rules.PERSONAL_INCOME_TAX_RATE,
        rules.PERSONAL_INCOME_TAX_SPLIT,
        rules.INSURANCE_CONTRIBUTION_RATE,
        rules.PROPERTY_TAX_RATE,
    ]
    for value in values:
        assert value.status in rules.STATUSES and "art." in value.source and value.edition
    assert math.isclose(sum(rules.PERSONAL_INCOME_TAX_SPLIT.value), 1.0)


# --- Regime dates ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "regime, start, reason",
    [
        (R2016, 2015, "outside_regime_period"),  # before 28.01.2016
        (R2016, 2016, None),  # first year in force
        (R2016, 2018, None),  # last year in force (to 31.12.2018)
        (R2016, 2019, "outside_regime_period"),  # after it
        (R2023, 2022, "outside_regime_period"),
        (R2023, 2023, None),
    ],
)
def test_a_project_starting_outside_the_regime_period_is_ineligible(regime, start, reason):
    cost = (
        {
            "project_id": "P1",
            "year": max(start, 2023),
            "category": "component_batches",
            "amount_mln_rub": 10.0,
            "supplier_inn": "B",
        }
        if regime is R2023
        else equipment(year=start)
    )
    projects = make([{"project_id": "P1", "start_year": start}], [cost])
    t = row(subsidy.evaluate(projects, Scenario(regime=regime)))
    assert t["reason"] == reason and t["eligible"] == (reason is None)
    if reason:
        detail = subsidy.eligibility(projects, Scenario(regime=regime))
        found = detail[detail["reason"] == reason].iloc[0]
        assert found["field"] == "start_year" and found["value"] == start
        assert found["allowed"] == (regime.in_force_from.year, regime.in_force_to.year if regime.in_force_to else None)


@pytest.mark.parametrize("day, eligible", [("2022-12-31", False), ("2023-01-01", True), ("2023-01-02", True)])
def test_costs_outside_the_cost_window_are_not_reimbursed(day, eligible):
    year = int(day[:4])
    cost = {
        "project_id": "P1",
        "year": year,
        "category": "component_batches",
        "amount_mln_rub": 10.0,
        "supplier_inn": "B",
        "cost_date": day,
    }
    projects = make([{"project_id": "P1", "start_year": 2023}], [cost])
    t = row(subsidy.evaluate(projects, Scenario(regime=R2023)))
    assert t["eligible_costs_mln_rub"] == (10.0 if eligible else 0.0)


# --- Registered clusters --------------------------------------------------------------------------


def test_only_registered_clusters_unless_every_cluster_is_assumed_registered():
    projects = make(
        [{"project_id": "P1"}, {"project_id": "P2", "cluster_id": "rail"}],
        [equipment("P1"), equipment("P2")],
        registered_clusters={"rail"},
    )
    t = subsidy.evaluate(projects, BASE).set_index("project_id")
    assert t.loc["P1", "reason"] == "cluster_not_registered" and t.loc["P2", "eligible"]
    assert t.loc["P1", "subsidy_mln_rub"] == 0.0
    what_if = subsidy.evaluate(projects, BASE.replace(assume_registered=True)).set_index("project_id")
    assert what_if["eligible"].all()
    listed = subsidy.eligibility(projects, BASE)
    assert listed[["project_id", "reason", "field", "value"]].values.tolist() == [
        ["P1", "cluster_not_registered", "cluster_id", "auto"],
        ["P1", "no_eligible_costs", "eligible_costs_mln_rub", 0.0],
    ]


# --- URL ------------------------------------------------------------------------------------------


def test_new_parameters_travel_in_the_url():
    scenario = Scenario(
        regime=R2023,
        base_year=2020,
        additionality=0.3,
        payment_lag_years=2,
        assume_registered=True,
        tax_rate=None,
        profit_share=0.5,
        property_share=0.1,
    )
    params = scenario.to_query_params()
    assert params["add"] == "0.3" and params["lag"] == "2" and params["assume_reg"] == "1"
    assert params["base_year"] == "2020" and "tax" not in params
    assert Scenario.from_query_params(params) == scenario
    with pytest.raises(ParameterError) as err:
        Scenario.from_query_params({**params, "add": "1.5"})
    assert err.value.field == "additionality"
    with pytest.raises(ParameterError):
        Scenario.from_query_params({**params, "assume_reg": "yes"})


def test_the_contract_columns():
    table = subsidy.evaluate(HAND, BASE)
    contract = [
        "project_id",
        "start_year",
        "eligible",
        "reason",
        "subsidy_mln_rub",
        "npv_without_mln_rub",
        "npv_with_mln_rub",
        "pv_subsidy_mln_rub",
        "pv_taxes_gross_mln_rub",
        "pv_taxes_additional_mln_rub",
        "pv_taxes_federal_mln_rub",
        "pv_taxes_regional_mln_rub",
        "pv_taxes_local_mln_rub",
        "pv_taxes_social_funds_mln_rub",
        "budget_effectiveness",
    ]
    assert set(contract) <= set(table.columns)
    assert {"joint_2016", "joint_2019", "components_2023"} <= set(BUILTIN_REGIMES)


def test_marking_clusters_registered_later_equals_building_with_that_registry():
    base = make(
        [{"project_id": "P1"}, {"project_id": "P2", "cluster_id": "rail"}],
        [equipment("P1"), equipment("P2")],
        [revenue("P1"), revenue("P2")],
    )
    marked = base.with_registry({"rail"})  # only the flags are rebuilt
    built = make(
        [{"project_id": "P1"}, {"project_id": "P2", "cluster_id": "rail"}],
        [equipment("P1"), equipment("P2")],
        [revenue("P1"), revenue("P2")],
        registered_clusters={"rail"},
    )
    pd.testing.assert_frame_equal(subsidy.evaluate(marked, BASE), subsidy.evaluate(built, BASE))
    assert subsidy.evaluate(marked, BASE)["eligible"].tolist() == [False, True]
    assert subsidy.evaluate(base, BASE)["eligible"].tolist() == [True, True]  # no registry given: all count


def test_a_cluster_marked_registered_in_loaded_data_is_eligible_by_default(demo_copy):
    """Decree 41 support needs the registry: a cluster that fails the Decree 779 check on the store's data
    but is loaded as on the registry (registry_clusters.in_registry with its template id) is eligible."""
    from analytics.data import ingest

    con = demo_copy
    assert "automotive" not in subsidy.registered_by_check(con, "40", 2023)  # fails 779 as written (9.5 % < 20 %)
    projects = subsidy.load_projects(con)
    automotive = {
        p for p, c in zip(projects.projects["project_id"], projects.projects["cluster_id"]) if c == "automotive"
    }
    # a regime under which some automotive project qualifies once its cluster counts as registered
    regime = next(
        r
        for r in BUILTIN_REGIMES.values()
        if automotive
        & set(
            (e := subsidy.evaluate(projects, Scenario(regime=r, assume_registered=True))).loc[
                e["eligible"], "project_id"
            ]
        )
    )
    before = subsidy.evaluate(projects, Scenario(regime=regime))
    csv = (
        "Кластер;Коды регионов;Регион;Статус в реестре;В реестре 779;Шаблон кластера;Источник\n"
        "Кластер автомобилестроения (тест);40;Калужская область;in_779_registry;да;automotive;"
        "https://example.org/decision\n"
    ).encode()
    report = ingest.load_file(con, "registry_clusters", csv, mode="append", user="anna", file_name="reg.csv")
    assert report.ok, [e.message.text("en") for e in report.errors]
    assert "automotive" in subsidy.registered_by_check(con, "40", 2023)
    assert "automotive" not in subsidy.registered_by_check(con, "77", 2023)  # only in its own regions
    after = subsidy.evaluate(subsidy.load_projects(con), Scenario(regime=regime))
    gained = set(after.loc[after["eligible"], "project_id"]) - set(before.loc[before["eligible"], "project_id"])
    assert gained and gained <= automotive
