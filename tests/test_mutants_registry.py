"""Tests that kill mutants `make mutation` found alive in analytics/models/registry.py (docs/mutation.md).

The clusters are tests/test_registry.py's hand-made ones (``cluster``): a final producer P buying
``dependence`` × 1000 mln ₽ from its suppliers; Decree 779's rules as stated in analytics/models/rules.py.
"""

from __future__ import annotations

import pandas as pd
import pytest

from analytics.models import registry, rules
from analytics.models.registry import RegistryParams, evaluate
from tests import test_registry
from tests.test_registry import check, cluster, firm, links

hand_store = test_registry.hand_store  # the tiny store of test_registry.py, a fixture


def test_counts_are_counts_and_shares_are_shares():
    # two sellers without a contract (one flagged as organising production), and only 5 industrial participants
    result = check(*cluster(n_industrial=5, unlinked=2, organising=1))
    assert {r.rule_id: r.unit for r in result.rules} == {
        "contracts": "count",
        "organising": "count",
        "dependence": "share",
        "min_industrial": "count",
        "infrastructure": "count",
        "specialised": "count",
    }
    assert result.rule("contracts").status == "fail" and result.rule("min_industrial").status == "fail"
    assert result.rule("organising").status == "pass" and result.rule("organising").measured == 1


def test_an_unknown_organising_flag_is_not_organising():
    # the flag is missing (NaN) for every member but one: only that one counts (≤ 3 allowed → pass, 1 counted)
    members, table = cluster(unlinked=1, organising=1)
    members["organising_production"] = members["organising_production"].map({True: 1.0, False: float("nan")})
    assert check(members, table).rule("organising").measured == 1


def test_too_many_organisers_say_how_many():
    # 4 flagged organisers, the decree allows at most 3: fail, with count 4, max 3, excess 1
    rule = check(*cluster(unlinked=4, organising=4)).rule("organising")
    assert rule.status == "fail"
    assert {k: rule.missing[k] for k in ("code", "count", "max", "excess")} == {
        "code": "too_many_organising",
        "count": 4,
        "max": 3,
        "excess": 1,
    }


def test_the_dependence_rule_names_its_reading_and_the_relaxed_clause_when_it_fails():
    # Pskov (60) has an individual programme: every participant qualifies, so the relaxed 10 % applies; 5 % fails
    rule = check(*cluster(dependence=0.05), region="60").rule("dependence")
    assert rule.status == "fail" and rule.threshold == 0.10
    assert rule.details["reading"] == "others" and rule.details["relaxed"] is True
    assert (rule.clause, rule.edition) == (
        rules.FUNCTIONAL_DEPENDENCE_MIN_RELAXED.clause,
        rules.FUNCTIONAL_DEPENDENCE_MIN_RELAXED.edition,
    )


# --- suggest_links: the greedy walk, worked out by hand from its docstring ------------------------------
#
# A supplier can add up to 50 % of its revenue minus what it already sells to the final producers; one link
# covers at most 10 % of the buyer's purchases and no more than what the buyer still buys outside the
# cluster; existing pairs are skipped; the largest possible link first, suppliers outside the core before
# core producers; at most 3 links per buyer and 10 in all.


def _frames(rows, table):
    members = pd.DataFrame(rows)
    participants = members[members["declared"]]
    final = participants[(participants["kind"] == "industrial") & (participants["role"] == "core")]
    return members, participants, final, table


def _walk_cluster():
    """Final producers P1 (purchases 1000) and P2 (600). Participants A (revenue 1000), B (70), S1 (180);
    C (revenue 1000, a core producer that is not a participant); X (specialised) and Z (revenue 0) are
    never suppliers. Existing links S1 → P1 50 and B → P2 10.
    By hand: capacities A 0.5·1000 = 500, B 0.5·70 − 10 = 25, S1 0.5·180 − 50 = 40, C 500;
    rooms P1 1000 − 50 = 950, P2 600 − 10 = 590; per-link caps P1 100, P2 60."""
    rows = [
        firm("P1", purchases=1000.0),
        firm("P2", purchases=600.0),
        firm("A", role="supplier", revenue=1000.0),
        firm("B", role="supplier", revenue=70.0),
        firm("S1", role="supplier", revenue=180.0),
        firm("C", role="core", declared=False, revenue=1000.0),
        firm("X", kind="specialised", role="specialised", revenue=1000.0),
        firm("Z", role="supplier", revenue=0.0),
    ]
    return _frames(rows, links(("S1", "P1", 50.0), ("B", "P2", 10.0)))


def test_suggestions_walk_the_greedy_order_by_hand():
    members, participants, final, table = _walk_cluster()
    out = registry.suggest_links(members, participants, final, table, 1000.0, final["inn"])
    # 1: A→P1 min(500, 950, 100) = 100 (largest); A left 400
    # 2: A→P2 min(400, 590, 60) = 60; 3: S1→P2 min(40, 530, 60) = 40 (S1→P1 exists); S1 left 0
    # 4: B→P1 min(25, 850, 100) = 25 (B→P2 exists); every non-core supplier is now used up
    # 5: C→P1 min(500, 825, 100) = 100; 6: C→P2 min(400, 490, 60) = 60; then no pair is left
    assert [(s["supplier_inn"], s["buyer_inn"], s["value_mln_rub"], s["joins"]) for s in out] == [
        ("A", "P1", 100.0, False),
        ("A", "P2", 60.0, False),
        ("S1", "P2", 40.0, False),
        ("B", "P1", 25.0, False),
        ("C", "P1", 100.0, True),
        ("C", "P2", 60.0, True),
    ]


def test_suggestions_stop_at_what_is_needed():
    # needed 150: A→P1 100, then A→P2 takes only the remaining 50 of its possible 60
    members, participants, final, table = _walk_cluster()
    out = registry.suggest_links(members, participants, final, table, 150.0, final["inn"])
    assert [(s["supplier_inn"], s["buyer_inn"], s["value_mln_rub"]) for s in out] == [
        ("A", "P1", 100.0),
        ("A", "P2", 50.0),
    ]
    assert registry.suggest_links(members, participants, final, table, 0.0, final["inn"]) == []


def test_a_supplier_capacity_is_used_up_across_buyers():
    # A: revenue 300 → capacity 150; P1 per-link cap 100, P2 90: A→P1 100, then A→P2 only the 50 left
    rows = [firm("P1", purchases=1000.0), firm("P2", purchases=900.0), firm("A", role="supplier", revenue=300.0)]
    members, participants, final, table = _frames(rows, links())
    out = registry.suggest_links(members, participants, final, table, 1000.0, final["inn"])
    assert [(s["buyer_inn"], s["value_mln_rub"]) for s in out] == [("P1", 100.0), ("P2", 50.0)]


def test_a_buyer_room_is_what_it_still_buys_outside_the_cluster():
    # P buys 1000, 950 of it already from participant S1: room 50 < its per-link cap 100. A→P 50 fills
    # the room; B→P then has room 0 and is not proposed. A link from a non-participant N does not
    # reduce the room.
    rows = [
        firm("P", purchases=1000.0),
        firm("S1", role="supplier", revenue=10000.0),
        firm("A", role="supplier", revenue=1000.0),
        firm("B", role="supplier", revenue=900.0),
        firm("N", role="supplier", declared=False, revenue=100.0),
    ]
    members, participants, final, table = _frames(rows, links(("S1", "P", 950.0), ("N", "P", 20.0)))
    out = registry.suggest_links(members, participants, final, table, 500.0, final["inn"])
    assert [(s["supplier_inn"], s["buyer_inn"], s["value_mln_rub"]) for s in out] == [("A", "P", 50.0)]


def test_at_most_three_links_per_buyer():
    # five suppliers of capacity 500 (A 1000 revenue … E 600), one buyer P (per-link cap 100): 3 links
    rows = [firm("P", purchases=1000.0)]
    rows += [firm(s, role="supplier", revenue=r) for s, r in zip("ABCDE", (1000.0, 900.0, 800.0, 700.0, 600.0))]
    members, participants, final, table = _frames(rows, links())
    out = registry.suggest_links(members, participants, final, table, 1000.0, final["inn"])
    assert [(s["supplier_inn"], s["value_mln_rub"]) for s in out] == [("A", 100.0), ("B", 100.0), ("C", 100.0)]


def test_at_most_ten_links_in_all():
    # four buyers (3 links each would be 12) and four large suppliers: the list stops at 10
    rows = [firm(f"P{i}", purchases=1000.0 - 10 * i) for i in range(4)]
    rows += [firm(s, role="supplier", revenue=10000.0 - 100 * k) for k, s in enumerate("ABCD")]
    members, participants, final, table = _frames(rows, links())
    out = registry.suggest_links(members, participants, final, table, 100000.0, final["inn"])
    assert len(out) == 10
    assert all(sum(s["buyer_inn"] == f"P{i}" for s in out) <= 3 for i in range(4))


def test_suggested_link_names_in_both_languages():
    members, table = cluster(dependence=0.14)
    members = pd.concat([members, pd.DataFrame([firm("T", role="supplier", revenue=500.0)])], ignore_index=True)
    link = check(members, table).rule("dependence").missing["links"][0]
    assert (link["supplier_ru"], link["supplier_en"], link["buyer_ru"], link["buyer_en"]) == (
        "Фирма T",
        "Firm T",
        "Фирма P",
        "Firm P",
    )


def test_a_gap_below_one_million_is_still_proposed():
    # needed 0.5 mln ₽ (a gap smaller than 1): A→P1 min(500, 950, 100, 0.5) = 0.5
    members, participants, final, table = _walk_cluster()
    out = registry.suggest_links(members, participants, final, table, 0.5, final["inn"])
    assert [(s["supplier_inn"], s["buyer_inn"], s["value_mln_rub"]) for s in out] == [("A", "P1", 0.5)]


def test_a_small_supplier_below_one_million_of_revenue_counts():
    # revenue 0.8 mln ₽ → capacity 0.5 · 0.8 = 0.4; a zero-revenue firm can add nothing
    rows = [firm("P", purchases=1000.0), firm("Q", role="supplier", revenue=0.8), firm("Z", role="supplier", revenue=0)]
    members, participants, final, table = _frames(rows, links())
    out = registry.suggest_links(members, participants, final, table, 10.0, final["inn"])
    assert [(s["supplier_inn"], s["value_mln_rub"]) for s in out] == [("Q", 0.4)]


def test_params_keep_regions_sorted_and_unique():
    # the same regions in another order or repeated are the same parameters (a cache key)
    a = RegistryParams(qualifying_regions=("60", "40", "60"), monotown_oktmo=("2", "1", "2"))
    assert a.qualifying_regions == ("40", "60") and a.monotown_oktmo == ("1", "2")
    assert a == RegistryParams(qualifying_regions=("40", "60"), monotown_oktmo=("1", "2"))


def test_result_table_carries_measured_and_threshold():
    # dependence 10 % of P's 1000 against 20 %; 10 industrial participants against 10
    frame = check(*cluster(dependence=0.1)).as_frame().set_index("rule_id")
    assert list(frame.columns) == [
        "clause",
        "status",
        "measured",
        "threshold",
        "unit",
        "to_verify",
        "blocking",
        "missing_code",
    ]
    assert frame.at["dependence", "measured"] == pytest.approx(0.10)
    assert frame.at["dependence", "threshold"] == pytest.approx(0.20)
    assert frame.at["min_industrial", "measured"] == 10 and frame.at["min_industrial", "status"] == "pass"


def test_a_discovered_community_is_checked_by_its_codes(hand_store):
    # codes (29.10,): the members are F1 and F2 only (both final producers, no declared hint for
    # "found"), so FD from other participants is 0 / 1500 and with core → core 100 / 1500
    con, _ = hand_store
    result = registry.registry_check(con, "found", region="40", year=2023, codes=("29.10",))
    assert result.participants == 2 and result.participants_basis == "all"
    rule = result.rule("dependence")
    assert rule.measured == pytest.approx(0.0)
    assert rule.details["share_with_core_to_core"] == pytest.approx(100 / 1500)


def test_verdict_table_columns_and_participants(hand_store):
    con, _ = hand_store
    table = registry.verdicts(con, "40", 2023)
    assert list(table.columns) == [
        "cluster_id",
        "verdict",
        "dependence",
        "dependence_core_to_core",
        "threshold",
        "participants",
        "failed",
    ]
    row = table.set_index("cluster_id").loc["auto"]
    # 12 enterprises declared for "auto" (hand_store): F1, F2, S1–S8, I1, X1
    assert row["participants"] == 12 and row["threshold"] == pytest.approx(0.20) and row["verdict"] == "fail"


def test_a_core_firm_outside_the_cluster_may_add_less_than_one_million():
    # C is a core producer but not a participant (so not a final producer): capacity 0.5 · 0.8 = 0.4;
    # the only possible link, C → P 0.4, is proposed even though it comes after outside-core suppliers
    rows = [firm("P", purchases=1000.0), firm("C", role="core", declared=False, revenue=0.8)]
    members, participants, final, table = _frames(rows, links())
    out = registry.suggest_links(members, participants, final, table, 10.0, final["inn"])
    assert [(s["supplier_inn"], s["value_mln_rub"], s["joins"]) for s in out] == [("C", 0.4, True)]


def test_names_of_firms_in_every_rule_in_both_languages():
    # the last two sellers of ``cluster`` (S9 and infrastructure I0) without a contract and, with min_industrial 12, the two industrial
    # non-participants N1 (larger) and N2 proposed; N2 has no English name: its Russian one is shown
    members, table = cluster(unlinked=2)
    extra = [firm("N1", declared=False, employees=500.0), firm("N2", declared=False, employees=50.0)]
    members = pd.concat([members, pd.DataFrame(extra)], ignore_index=True)
    members.loc[members["inn"] == "N2", "name_en"] = None
    result = check(members, table, min_industrial=12)
    contracts, industrial = result.rule("contracts").missing, result.rule("min_industrial").missing
    assert contracts["inns"] == ["S9", "I0"]
    assert contracts["names_ru"] == ["Фирма S9", "Фирма I0"] and contracts["names_en"] == ["Firm S9", "Firm I0"]
    assert industrial["inns"] == ["N1", "N2"]
    assert industrial["names_ru"] == ["Фирма N1", "Фирма N2"] and industrial["names_en"] == ["Firm N1", "Фирма N2"]


def test_names_fall_back_to_the_inn_when_the_lookup_knows_none():
    members, table = cluster(unlinked=1)
    rule = evaluate("x", members, table, region="40", year=2023, lookup=lambda inns: {}).rule("contracts")
    assert rule.missing["names_ru"] == rule.missing["inns"] == rule.missing["names_en"] == ["I0"]


def test_no_members_lack_data_on_every_rule_with_its_unit():
    result = evaluate("x", pd.DataFrame(columns=list(firm("P"))), links(), region="40", year=2023)
    assert result.verdict == "not_enough_data"
    assert {r.rule_id: (r.status, r.unit) for r in result.rules} == {
        "contracts": ("not_enough_data", "count"),
        "organising": ("not_enough_data", "count"),
        "dependence": ("not_enough_data", "share"),
        "min_industrial": ("not_enough_data", "count"),
        "infrastructure": ("not_enough_data", "count"),
        "specialised": ("not_enough_data", "count"),
    }


def test_check_all_names_each_result_and_sees_missing_links(hand_store):
    con, _ = hand_store
    assert registry.registry_check_all(con, "40", 2023)["auto"].cluster_id == "auto"
    con.execute("DELETE FROM supply_links")
    # no supply link of the region and year in the store: the link rules lack data, not fail
    result = registry.registry_check_all(con, "40", 2023)["auto"]
    assert result.rule("contracts").status == "not_enough_data"
    assert result.rule("dependence").status == "not_enough_data"


def test_without_links_data_the_contract_rule_says_so():
    members, table = cluster()
    rule = evaluate("x", members, table, region="40", year=2023, links_loaded=False).rule("contracts")
    assert rule.status == "not_enough_data" and rule.missing == {"code": "no_links_data"} and rule.unit == "count"
    # with the links loaded and every participant linked: a pass, still a count (0 without a contract)
    passed = evaluate("x", members, table, region="40", year=2023).rule("contracts")
    assert (passed.status, passed.unit, passed.measured) == ("pass", "count", 0)


def test_the_relaxed_threshold_needs_a_qualifying_participant():
    # trigger share set to 0 %: with no participant in a qualifying region or monotown the 20 % still applies
    rule = check(*cluster(dependence=0.15), relaxed_trigger_share=0.0).rule("dependence")
    assert rule.threshold == pytest.approx(0.20) and rule.details["relaxed"] is False and rule.status == "fail"


def test_proposed_industrial_firms_largest_first_then_by_inn():
    # min_industrial 13 with 10 participants: 3 proposed — N2 and N1 (50 employees each: by INN), then N3 (unknown)
    members, table = cluster()
    extra = [firm("N2", declared=False, employees=50.0), firm("N1", declared=False, employees=50.0)]
    extra.append(firm("N3", declared=False, employees=float("nan")))
    members = pd.concat([members, pd.DataFrame(extra)], ignore_index=True)
    missing = check(members, table, min_industrial=13).rule("min_industrial").missing
    assert missing["missing"] == 3 and missing["inns"] == ["N1", "N2", "N3"]


def test_parameter_messages_and_percent_forms():
    with pytest.raises(ValueError, match="^dependence_suppliers must be 'others' or 'all'$"):
        RegistryParams(dependence_suppliers="core")
    p = RegistryParams.from_percentages(
        dependence_min_pct=25, dependence_min_relaxed_pct=12, relaxed_trigger_pct=40, min_industrial=5
    )
    assert (p.dependence_min, p.dependence_min_relaxed, p.relaxed_trigger_share, p.min_industrial) == (
        0.25,
        0.12,
        0.40,
        5,
    )


def test_verdicts_follow_the_parameters(hand_store):
    # the hand cluster: 260 / 1500 from other participants (fails 20 %), 360 / 1500 = 0.24 with core → core
    con, _ = hand_store
    row = registry.verdicts(con, "40", 2023, RegistryParams(dependence_suppliers="all")).set_index("cluster_id")
    assert row.at["auto", "dependence"] == pytest.approx(0.24) and row.at["auto", "verdict"] == "pass"


def test_dependence_without_final_producers_or_purchases_keeps_its_unit_and_clause():
    # no core producer in Pskov (60, relaxed): not enough data, a share rule under the relaxed clause
    members, table = cluster()
    rule = check(members.assign(role="supplier"), table, region="60").rule("dependence")
    assert (rule.status, rule.unit, rule.threshold) == ("not_enough_data", "share", 0.10)
    assert rule.clause == rules.FUNCTIONAL_DEPENDENCE_MIN_RELAXED.clause and rule.details["final_producers"] == 0
    # the final producer's purchases are 0: nothing to divide by
    rule = check(members.assign(purchases_mln_rub=0.0), table).rule("dependence")
    assert (rule.status, rule.unit, rule.missing) == ("not_enough_data", "share", {"code": "no_purchases_data"})


def test_dependence_details_by_hand():
    # hand_cluster: final producers F1, F2; from the other participants 260, all their purchases 1500
    members, table = test_registry.hand_cluster()
    details = check(members, table).rule("dependence").details
    assert details["final_producers"] == 2 and details["without_purchases"] == 0
    assert details["purchases_from_participants_mln_rub"] == pytest.approx(260.0)
    assert details["purchases_mln_rub"] == pytest.approx(1500.0)


def test_too_many_organisers_is_a_count():
    rule = check(*cluster(unlinked=4, organising=4)).rule("organising")
    assert (rule.status, rule.unit, rule.measured, rule.threshold) == ("fail", "count", 4, 3)


def test_final_producers_are_not_proposed_as_suppliers_under_the_decree_reading():
    # P1 (purchases 1000) and P2 (500) are the final producers; S1 sells P1 100 (its whole capacity:
    # 0.5 · 200 − 100 = 0), I1 sells P2 1 (0.5 · 2 − 1 = 0). FD = 101 / 1500 < 20 %: only P1 and P2 could sell
    # more, and under the
    # decree's reading their sales do not count — nothing to propose. Counting core → core ("all"), they may.
    rows = [
        firm("P1", purchases=1000.0),
        firm("P2", purchases=500.0),
        firm("S1", role="supplier", revenue=200.0),
        firm("I1", kind="infrastructure", role="infrastructure", revenue=2.0),
        firm("X1", kind="specialised", role="specialised"),
    ]
    members, table = pd.DataFrame(rows), links(("S1", "P1", 100.0), ("I1", "P2", 1.0))
    result = check(members, table, min_industrial=0)
    assert result.year == 2023
    rule = result.rule("dependence")
    assert rule.status == "fail" and rule.missing["links"] == [] and not rule.missing["closes"]
    wide = check(members, table, min_industrial=0, dependence_suppliers="all").rule("dependence")
    assert {s["supplier_inn"] for s in wide.missing["links"]} <= {"P1", "P2"} and wide.missing["links"]
