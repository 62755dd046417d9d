"""Tests that kill mutants `make mutation` found alive in analytics/models/registry.py (docs/mutation.md).

The clusters are tests/test_registry.py's hand-made ones (``cluster``): a final producer P buying
``dependence`` × 1000 mln ₽ from its suppliers; Decree 779's rules as stated in analytics/models/rules.py.
"""

from __future__ import annotations

from analytics.models import rules
from tests.test_registry import check, cluster


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
