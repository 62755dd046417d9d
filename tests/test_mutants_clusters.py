"""Tests that kill mutants `make mutation` found alive in analytics/models/clusters.py (docs/mutation.md).

Anchor firms: an industrial member larger than any SME. Federal Law No. 209-FZ art. 4 part 1.1 item 2 (a):
a medium enterprise has 101 to 250 employees *inclusive*, so 250 is still an SME and 251 is the smallest
anchor. The store is the hand-built one of tests/test_clusters.py (auto's members A 1000, B 300, C 100,
E 10 infrastructure, F 5 specialised), with B's and E's headcounts changed per case.
"""
from __future__ import annotations

import pytest

from analytics import store
from analytics.models import clusters, rules
from tests.test_clusters import INN, build


@pytest.fixture()
def con():
    connection = store.connect(":memory:")
    build(connection)
    yield connection
    connection.close()


def _set_employees(con, letter: str, employees: int) -> None:
    con.execute("UPDATE enterprise_years SET employees = ? WHERE inn = ? AND year = 2023", [employees, INN[letter]])


def _auto(con):
    return clusters.find_candidates(con, "40", 2023).set_index("cluster_id").loc["auto"]


def test_the_anchor_rule_is_the_sme_headcount_limit_of_the_law():
    assert rules.SME_MAX_EMPLOYEES.value == 250
    assert "209-FZ" in rules.SME_MAX_EMPLOYEES.source and rules.SME_MAX_EMPLOYEES.status == "confirmed"
    assert clusters.ANCHOR_EMPLOYEES_ABOVE == 250


@pytest.mark.parametrize(("b_employees", "anchors", "anchor_employees"), [
    (249, 1, 1000),   # B is a medium enterprise
    (250, 1, 1000),   # exactly the medium limit: still an SME, no anchor
    (251, 2, 1251),   # one more than any SME: an anchor
])
def test_an_anchor_has_more_employees_than_any_sme(con, b_employees, anchors, anchor_employees):
    _set_employees(con, "B", b_employees)
    auto = _auto(con)
    total = 1000 + b_employees + 100 + 10 + 5  # A, B, C, E, F
    assert auto["anchors"] == anchors
    assert auto["anchor_share"] == pytest.approx(anchor_employees / total)
    members = clusters.members(con, "auto", region="40", year=2023).set_index("inn")
    assert bool(members.loc[INN["B"], "anchor"]) is (b_employees > 250)


def test_a_large_infrastructure_member_is_no_anchor(con):
    # E is an infrastructure organisation: however large, it is not an industrial anchor firm.
    _set_employees(con, "E", 5000)
    auto = _auto(con)
    assert auto["anchors"] == 2  # A (1000) and B (300)
    assert auto["anchor_share"] == pytest.approx((1000 + 300) / (1000 + 300 + 100 + 5000 + 5))
    assert auto["anchor_names_ru"] == ("Фирма A", "Фирма B")
