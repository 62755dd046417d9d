"""Every threshold of law and method exactly at, just below and just above it, the expected side written
from the rule's text (quoted beside each test).

Where the boundaries live:
- Decree 779 registry rules (20 % / 10 % functional dependence, 30 % trigger, ≤ 3 organising, ≥ 10
  industrial, ≥ 1 infrastructure and specialised): ``tests/test_registry.py`` at, under and over each;
  here the shares a hair under the bar.
- ECO stars (LQ ≥ 2, top 10 % by size, focus, productivity, dynamism) on a region exactly at a percentile:
  ``tests/test_clusters.py`` (21-region store); here the anchor size and the US Cluster Mapping rule.
- Decree 41 regimes: shares and the 150 mln ₽ cap in ``tests/test_subsidy.py``; here the in-force years of
  each regime, the cap where the scenario's own cap meets the legal one, and the participant count.
- Loader ranges (years 1990–this year, headcounts and money ≥ 0, upper limits) and RCA presence here.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analytics import store
from analytics.data import validate
from analytics.data.validate.tables import MAX_MONEY_MLN, MAX_PEOPLE, THIS_YEAR
from analytics.metrics import complexity as cx
from analytics.metrics import specialization as sp
from analytics.models import clusters, subsidy
from analytics.models.subsidy import BUILTIN_REGIMES, Scenario
from tests.test_registry import check
from tests.test_registry import cluster as registry_cluster
from tests.test_subsidy import WITH_B, batch, make, row

# --- loader ranges (analytics/data/validate/tables.py, enterprise_years) -----------------------------------
# The loader's own words (analytics/data/messages.py): «Год вне разумного диапазона {low}–{high}» with
# low = 1990 and high = the current year; headcount and money columns: «не может быть отрицательным»
# (low = 0: zero is a value — a firm with no staff or no sales that year), upper limits 10 million
# persons and 10⁹ mln ₽.


def _issues(**cells: list[str]) -> list[tuple[int, str, str]]:
    """(row, column, code) of the loader's messages on an enterprise_years file with these cells."""
    spec = validate.TABLES["enterprise_years"]
    n = len(next(iter(cells.values())))
    columns = {
        "inn": ["4029032450"] * n,
        "year": ["2023"] * n,
        "employees": ["10"] * n,
        "revenue_mln_rub": ["1"] * n,
    } | cells
    raw = pd.DataFrame({k: pd.Series(v, dtype="str") for k, v in columns.items()})
    rows = np.arange(2, 2 + n)
    checked = validate.check_rules(validate.read_cells(raw, spec, rows), spec, rows)
    return sorted((i.row, i.column, i.code) for i in checked.issues)


def test_years_from_1990_to_this_year_are_accepted():
    years = ["1989", "1990", "1991", str(THIS_YEAR - 1), str(THIS_YEAR), str(THIS_YEAR + 1)]
    # rows 2…7: 1989 refused (below), 1990 accepted (at), 1991 (above); this year accepted, next refused
    assert _issues(year=years) == [(2, "year", "year_range"), (7, "year", "year_range")]


def test_zero_headcount_is_accepted_and_a_negative_one_refused():
    assert _issues(employees=["-1", "0", "1"]) == [(2, "employees", "negative")]


def test_headcount_up_to_ten_million_persons():
    limit = int(MAX_PEOPLE)
    assert limit == 10_000_000
    assert _issues(employees=[str(limit - 1), str(limit), str(limit + 1)]) == [(4, "employees", "out_of_range")]


def test_zero_revenue_is_accepted_and_a_negative_one_refused():
    assert _issues(revenue_mln_rub=["-0,001", "0", "0,001"]) == [(2, "revenue_mln_rub", "negative")]


def test_money_up_to_a_billion_mln_rub():
    assert MAX_MONEY_MLN == 1e9
    assert _issues(revenue_mln_rub=["999999999", "1000000000", "1000000001"]) == [
        (4, "revenue_mln_rub", "out_of_range")
    ]


# --- presence in the complexity measures: "M_rs = 1 where RCA ≥ 1 (≥, not >)" (docs/metrics.md) -------------


@pytest.mark.filterwarnings("ignore::analytics.metrics._panel.DataWarning")  # two alike regions: no ECI spread
def test_an_rca_of_exactly_one_is_presence():
    # R1 and R2 both a 10, b 30: every region's shares equal the national ones, RCA = (10/40)/(20/80) = 1
    # exactly → present (at). With the threshold at 1.01 (above every RCA) nothing is present.
    equal = pd.DataFrame(
        {"region": ["R1", "R1", "R2", "R2"], "sector": ["a", "b", "a", "b"], "value": [10.0, 30, 10, 30]}
    )
    out = cx.economic_complexity(equal)
    assert (out["rca"] == 1.0).all() and (out["m"] == 1).all()
    assert (cx.proximity(equal, threshold=1.01)["proximity"] == 0).all()
    # below: R1 a 10, b 30 and R2 a 30, b 10 → RCA R1 a = (10/40)/(40/80) = 0.5 → absent, R1 b 1.5 → present
    skewed = pd.DataFrame(
        {"region": ["R1", "R1", "R2", "R2"], "sector": ["a", "b", "a", "b"], "value": [10.0, 30, 30, 10]}
    )
    m = cx.economic_complexity(skewed).set_index(["region", "sector"])["m"]
    assert (m[("R1", "a")], m[("R1", "b")]) == (0, 1)


# --- US Cluster Mapping "strong cluster" (docs/metrics.md) ----------------------------------------------
# "LQ ≥ 75th percentile of LQ for that cluster across regions, and LQ ≥ 1, and employment > 25th percentile,
#  and establishments > 25th percentile (strict variant: 90th percentile)."
# 21 regions r00–r20, one sector x against a benchmark where x is 1/4 of employment (LQ = 4 · x's share of
# the region). Employment e_i = 100 + 10·i (P25 = the 6th smallest = 150, region r05); establishments
# 10 + i, except r05 has 17 and r07 has 15 (P25 still 15). LQs sorted: 14 regions at 0.5, r11 1.4, r10 1.5,
# r05 r06 r07 r19 r20 at 2 → P75 = the 16th = 1.5 (r10), P90 = the 19th = 2.
#   r10: LQ 1.5 = P75 (at) → strong;  r11: 1.4 (below) → not;  r06, r19, r20: 2 (above), sizes above → strong;
#   r05: employment 150 = P25, not above → not strong;  r07: establishments 15 = P25 → not strong.

_LQ = {5: 2.0, 6: 2.0, 7: 2.0, 19: 2.0, 20: 2.0, 10: 1.5, 11: 1.4}


def _strong_frame(lq_of: dict[int, float], default_lq: float = 0.5) -> tuple[pd.DataFrame, pd.DataFrame]:
    rows = []
    for i in range(21):
        e = 100.0 + 10 * i
        est = {5: 17, 7: 15}.get(i, 10 + i)
        lq = lq_of.get(i, default_lq)
        rows += [(f"r{i:02d}", "x", e, est), (f"r{i:02d}", "rest", e * (4 / lq - 1), 1000)]
    frame = pd.DataFrame(rows, columns=["region", "sector", "employees", "establishments"])
    benchmark = pd.DataFrame({"sector": ["x", "rest"], "employees": [1.0, 3.0]})
    return frame, benchmark


def _strong(lq_of: dict[int, float], **kwargs) -> set[str]:
    frame, benchmark = _strong_frame(lq_of)
    out = sp.strong_clusters(frame, benchmark=benchmark, **kwargs)
    return set(out.loc[out["strong"] & (out["sector"] == "x"), "region"])


def test_strong_cluster_at_the_lq_and_size_percentiles():
    frame, benchmark = _strong_frame(_LQ)
    out = (
        sp.strong_clusters(frame, benchmark=benchmark)
        .set_index(["region", "sector"])
        .loc[pd.IndexSlice[:, "x"], :]
        .droplevel("sector")
    )
    assert out.at["r10", "lq"] == out.at["r10", "lq_threshold"] == pytest.approx(1.5)
    assert out.at["r05", "employees"] == out.at["r05", "employment_threshold"] == 150
    assert out.at["r07", "establishments"] == out.at["r07", "establishments_threshold"] == 15
    assert set(out.index[out["strong"]]) == {"r06", "r10", "r19", "r20"}


def test_strict_strong_cluster_at_the_90th_percentile():
    # P90 = the 19th smallest LQ = 2: r10 (1.5) drops; the regions at 2 (at) stay where their sizes allow
    assert _strong(_LQ, strict=True) == {"r06", "r19", "r20"}


def test_a_strong_cluster_needs_an_lq_of_at_least_one():
    # LQs sorted: 15 at 0.5, r16 0.75 (= P75, the 16th), r17 0.99, r18 1.0, r19 r20 2 → P75 = 0.75 < 1;
    # r16 and r17 reach the percentile but stay under 1 → not strong; r18 at exactly 1 → strong
    lqs = {16: 0.75, 17: 0.99, 18: 1.0, 19: 2.0, 20: 2.0}
    assert _strong(lqs) == {"r18", "r19", "r20"}


# --- anchors: "larger than any SME under Federal Law No. 209-FZ" (analytics/models/clusters.py) ------------
# 209-FZ art. 4 p. 1.1 sub-p. 2 «б»: medium enterprises have an average headcount «от ста одного до двухсот
# пятидесяти человек включительно» — 250 is still a medium enterprise, so an anchor has at least 251.


def _anchors(headcounts: list[int]) -> int:
    con = store.connect(":memory:")
    inns = [f"40000000{i:02d}" for i in range(len(headcounts))]
    store.load_frame(
        con,
        "regions",
        pd.DataFrame(
            {
                "code": ["40"],
                "name_ru": ["Калужская область"],
                "name_en": ["Kaluga Oblast"],
                "federal_district": ["Центральный"],
            }
        ),
    )
    store.load_frame(
        con,
        "sectors",
        pd.DataFrame(
            {
                "code": ["C", "29", "29.10"],
                "parent": [None, "C", "29"],
                "level": ["section", "division", "class"],
                "section": "C",
                "name_ru": ["C", "29", "29.10"],
            }
        ),
    )
    store.load_frame(
        con,
        "enterprises",
        pd.DataFrame(
            {
                "inn": inns,
                "name_ru": inns,
                "okved": "29.10",
                "region_code": "40",
                "kind": "industrial",
                "cluster_hint": "auto",
            }
        ),
    )
    store.load_frame(
        con,
        "enterprise_years",
        pd.DataFrame({"inn": inns, "year": 2023, "employees": headcounts, "revenue_mln_rub": 100.0}),
    )
    store.load_frame(
        con,
        "cluster_templates",
        pd.DataFrame(
            {
                "cluster_id": ["auto"],
                "cluster_name_ru": ["Авто"],
                "cluster_name_en": ["Auto"],
                "okved": ["29.10"],
                "role": ["core"],
                "weight": [1.0],
            }
        ),
    )
    try:
        return int(clusters.find_candidates(con, "40", 2023).set_index("cluster_id").at["auto", "anchors"])
    finally:
        con.close()


@pytest.mark.parametrize("headcount, anchor", [(249, False), (251, True), (1000, True)])
def test_an_anchor_is_larger_than_any_medium_enterprise(headcount, anchor):
    assert _anchors([headcount]) == int(anchor)


# 209-FZ art. 4 part 1.1 item 2(a): a medium enterprise has «до двухсот пятидесяти человек включительно»,
# so 250 is still an SME and not an anchor (clusters.ANCHOR_EMPLOYEES_ABOVE = rules.SME_MAX_EMPLOYEES, with `>`).
def test_250_employees_is_still_a_medium_enterprise_not_an_anchor():
    assert _anchors([250]) == 0


# --- Decree 41 regimes: in-force years, caps, participants (analytics/models/rules.py REGIMES) -------------

R2016, R2019, R2023 = (BUILTIN_REGIMES[k] for k in ("joint_2016", "joint_2019", "components_2023"))


def _equipment(start: int) -> subsidy.Projects:
    return make(
        [{"project_id": "P1", "start_year": start}],
        WITH_B,
        [{"project_id": "P1", "year": start, "category": "equipment", "amount_mln_rub": 100.0}],
    )


@pytest.mark.parametrize(
    "regime, start, eligible",
    [
        # joint_2016: in force from 28.01.2016 (original Decree 41) to 31.12.2018 ("new rounds paused in 2019")
        (R2016, 2015, False),
        (R2016, 2016, True),
        (R2016, 2017, True),
        (R2016, 2018, True),
        (R2016, 2019, False),
        # joint_2019: from 01.01.2019 to 31.12.2022 (replaced by the amendment of December 2022)
        (R2019, 2018, False),
        (R2019, 2019, True),
        (R2019, 2022, True),
        (R2019, 2023, False),
    ],
)
def test_a_project_starts_within_its_regimes_years(regime, start, eligible):
    t = row(subsidy.evaluate(_equipment(start), Scenario(regime=regime)))
    assert bool(t["eligible"]) is eligible
    assert (t["reason"] == "outside_regime_period") is (not eligible)


@pytest.mark.parametrize("start, eligible", [(2022, False), (2023, True), (2024, True)])
def test_the_2023_regime_is_in_force_from_2023(start, eligible):
    # components_2023: in force from 01.01.2023, open-ended
    projects = make([{"project_id": "P1", "start_year": start}], WITH_B, [batch(year=start, amount=100.0)])
    t = row(subsidy.evaluate(projects, Scenario(regime=R2023)))
    assert bool(t["eligible"]) is eligible
    assert (t["reason"] == "outside_regime_period") is (not eligible)


@pytest.mark.parametrize(
    "own_cap, expected",
    [
        (100.0, 100.0),  # the scenario's own cap below the legal one: the lower cap binds
        (149.99, 149.99),  # just below the legal cap
        (150.0, 150.0),  # at the legal cap
        (None, 150.0),  # no own cap: the legal «150 mln ₽ per applicant» (amendment of December 2022)
    ],
)
def test_the_lower_of_the_legal_and_the_scenarios_cap_per_applicant(own_cap, expected):
    # 50 % of 400 = 200 asked by applicant A in 2023: cut to min(150, own cap)
    projects = make([{"project_id": "P1"}], WITH_B, [batch(amount=400.0)])
    scenario = Scenario(regime=R2023, cap_mln_rub=own_cap, cap_basis="applicant" if own_cap else None)
    t = row(subsidy.evaluate(projects, scenario))
    assert t["subsidy_federal_mln_rub"] == pytest.approx(expected) and t["capped"]


def test_a_scenario_cap_per_project_below_the_legal_cap_per_applicant():
    # two projects of applicant A, 200 of batches each → 100 + 100 asked; own cap 80 per project → 80 + 80 = 160,
    # then the legal 150 per applicant shares the cut pro rata → 75 + 75
    projects = make(
        [{"project_id": "P1"}, {"project_id": "P2"}],
        WITH_B + [("P2", "A"), ("P2", "B")],
        [batch("P1", amount=200.0), batch("P2", amount=200.0)],
    )
    t = subsidy.evaluate(projects, Scenario(regime=R2023, cap_mln_rub=80.0, cap_basis="project"))
    assert t["subsidy_federal_mln_rub"].tolist() == pytest.approx([75.0, 75.0])
    alone = make([{"project_id": "P1"}], WITH_B, [batch("P1", amount=200.0)])
    assert row(subsidy.evaluate(alone, Scenario(regime=R2023, cap_mln_rub=80.0, cap_basis="project")))[
        "subsidy_federal_mln_rub"
    ] == pytest.approx(80.0)


@pytest.mark.parametrize("partners, eligible", [([], False), (["B"], True), (["B", "C"], True)])
def test_a_joint_project_is_the_initiator_and_at_least_one_other_participant(partners, eligible):
    # "initiator plus at least one other cluster participant" (rules.JOINT_PROJECT_MIN_PARTICIPANTS, 2)
    projects = make(
        [{"project_id": "P1"}],
        [("P1", "A")] + [("P1", p) for p in partners],
        [batch(supplier="B" if partners else "Z")],
        cluster_members={"auto": {"A", "B", "C", "Z"}},
    )
    t = row(subsidy.evaluate(projects, Scenario(regime=R2023)))
    assert t["n_participants"] == 1 + len(partners) and bool(t["eligible"]) is eligible


@pytest.mark.parametrize("regime", [R2016, R2019, R2023])
def test_a_federal_share_just_below_the_regime_maximum_gives_that_share(regime):
    # "up to 50 %" (2016–2018, from 2023), "up to 30 %" (2019–2022): any share up to the maximum is allowed
    share = regime.max_share - 0.01
    start, costs = (2023, [batch(amount=100.0)]) if regime is R2023 else (2017 if regime is R2016 else 2020, None)
    projects = make([{"project_id": "P1"}], WITH_B, costs) if costs else _equipment(start)
    t = row(subsidy.evaluate(projects, Scenario(regime=regime, federal_share=share)))
    assert t["subsidy_federal_mln_rub"] == pytest.approx(100.0 * share)


# --- Decree 779: a hair under each share ("not less than 20 %", "not less than 10 %", "30 % or more") ------


@pytest.mark.parametrize("share, status", [(0.20 - 1e-9, "fail"), (0.20, "pass")])
def test_dependence_a_hair_under_twenty_percent_fails(share, status):
    assert check(*registry_cluster(dependence=share)).rule("dependence").status == status


@pytest.mark.parametrize("share, status", [(0.10 - 1e-9, "fail"), (0.10, "pass")])
def test_relaxed_dependence_a_hair_under_ten_percent_fails(share, status):
    assert check(*registry_cluster(dependence=share), region="60").rule("dependence").status == status


@pytest.mark.parametrize("qualifying, total, relaxed", [(3, 10, True), (3, 11, False), (4, 13, True)])
def test_the_relaxed_threshold_needs_thirty_percent_or_more_of_the_participants(qualifying, total, relaxed):
    # 3/10 = 30 % (at) → relaxed; 3/11 = 27.3 % (below) → not; 4/13 = 30.8 % (above) → relaxed
    members, table = registry_cluster(n_industrial=total - 2, dependence=0.15)  # + infrastructure + specialised
    assert len(members) == total
    members["oktmo"] = ["11111111"] * qualifying + ["29701000"] * (total - qualifying)
    rule = check(members, table, monotown_oktmo=("11111111",)).rule("dependence")
    assert rule.details["relaxed"] is relaxed and rule.threshold == (0.10 if relaxed else 0.20)
