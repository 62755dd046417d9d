"""Tests that kill mutants `make mutation` found alive in analytics/models/clusters.py (docs/mutation.md).

Anchor firms: an industrial member larger than any SME. Federal Law No. 209-FZ art. 4 part 1.1 item 2 (a):
a medium enterprise has 101 to 250 employees *inclusive*, so 250 is still an SME and 251 is the smallest
anchor. The store is the hand-built one of tests/test_clusters.py (auto's members A 1000, B 300, C 100,
E 10 infrastructure, F 5 specialised), with B's and E's headcounts changed per case.
"""

from __future__ import annotations

import json
import math

import pandas as pd
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


@pytest.mark.parametrize(
    ("b_employees", "anchors", "anchor_employees"),
    [
        (249, 1, 1000),  # B is a medium enterprise
        (250, 1, 1000),  # exactly the medium limit: still an SME, no anchor
        (251, 2, 1251),  # one more than any SME: an anchor
    ],
)
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


# --- the parameters' ranges (StarParams, ScoreWeights): each bound at, just inside and just outside ---


@pytest.mark.parametrize("field", ["size_top", "focus_top", "productivity_top", "dynamism_top"])
def test_a_top_share_lies_in_zero_to_one_with_one_included(field):
    assert getattr(clusters.StarParams(**{field: 1.0}), field) == 1.0  # the top 100 %: every region
    assert getattr(clusters.StarParams(**{field: 0.001}), field) == 0.001
    for bad in (0.0, 1.0001, 2.0, -0.1):
        with pytest.raises(ValueError, match=rf"^{field} must be in \(0, 1\], not {bad}$"):
            clusters.StarParams(**{field: bad})


def test_the_specialisation_lq_must_be_positive_and_may_be_below_one():
    assert clusters.StarParams(specialisation_lq=0.5).specialisation_lq == 0.5
    for bad in (0.0, -1.0):
        with pytest.raises(ValueError, match=r"^specialisation_lq must be positive$"):
            clusters.StarParams(specialisation_lq=bad)


def test_a_score_weight_may_be_zero_but_not_negative():
    assert clusters.ScoreWeights(size=0.0).size == 0.0
    with pytest.raises(ValueError, match=r"^weight growth must not be negative$"):
        clusters.ScoreWeights(growth=-0.5)


def test_anchor_share_of_a_one_person_cluster_is_zero(con):
    # comp's members are C and D; with C at 1 employee and D at 0 the members employ 1 person, none an anchor:
    # anchor_share = 0 / 1 = 0 (defined: only a cluster with 0 employees has no share).
    _set_employees(con, "C", 1)
    _set_employees(con, "D", 0)
    comp = clusters.find_candidates(con, "40", 2023).set_index("cluster_id").loc["comp"]
    assert comp["employees"] == 1 and comp["anchors"] == 0
    assert comp["anchor_share"] == 0.0
    # both work in Borovsky (M2): spatial HHI = (1 / 1)² = 1
    assert comp["spatial_hhi"] == 1.0


def test_a_municipality_whose_members_headcount_is_unknown_adds_nothing_to_the_hhi(con):
    # auto: A 1000, B 300, E 10 in Kaluga (M1), C in Borovsky (M2), F without a place. With C's headcount
    # unknown, Borovsky's employees are 0: HHI = (1310 / 1310)² + 0² = 1.
    con.execute("UPDATE enterprise_years SET employees = NULL WHERE inn = ? AND year = 2023", [INN["C"]])
    assert _auto(con)["spatial_hhi"] == pytest.approx(1.0)


def test_cooperation_without_links_among_members_is_zero(con):
    # comp's members C and D bought 60 + 40 = 100 mln ₽; with the link D → C removed no purchase is from a
    # member: cooperation = 0 / 100 = 0 (known, not missing).
    con.execute("DELETE FROM supply_links WHERE supplier_inn = ? AND buyer_inn = ?", [INN["D"], INN["C"]])
    comp = clusters.find_candidates(con, "40", 2023).set_index("cluster_id").loc["comp"]
    assert comp["cooperation"] == 0.0


def test_cooperation_of_members_that_report_no_purchases_is_undefined(con):
    # C and D report 0 purchases but the link D → C (20) exists: a share of zero purchases has no value —
    # NaN, never infinity.
    con.execute(
        "UPDATE enterprise_years SET purchases_mln_rub = 0 WHERE inn IN (?, ?) AND year = 2023", [INN["C"], INN["D"]]
    )
    comp = clusters.find_candidates(con, "40", 2023).set_index("cluster_id").loc["comp"]
    assert math.isnan(comp["cooperation"])


def test_cooperation_when_members_bought_exactly_one_million(con):
    # C and D bought 0.75 + 0.25 = 1 mln ₽, 0.5 of it from each other (D → C): cooperation = 0.5 / 1 = 0.5.
    con.execute("UPDATE enterprise_years SET purchases_mln_rub = 0.75 WHERE inn = ? AND year = 2023", [INN["C"]])
    con.execute("UPDATE enterprise_years SET purchases_mln_rub = 0.25 WHERE inn = ? AND year = 2023", [INN["D"]])
    con.execute(
        "UPDATE supply_links SET value_mln_rub = 0.5 WHERE supplier_inn = ? AND buyer_inn = ?", [INN["D"], INN["C"]]
    )
    comp = clusters.find_candidates(con, "40", 2023).set_index("cluster_id").loc["comp"]
    assert comp["cooperation"] == pytest.approx(0.5)


def test_only_the_three_largest_anchors_are_named(con):
    # Make E an industrial firm of 500 and C one of 400: auto then has four anchors, A 1000, E 500, C 400,
    # B 300 — all counted, the three largest named, largest first.
    con.execute("UPDATE enterprises SET kind = 'industrial' WHERE inn = ?", [INN["E"]])
    _set_employees(con, "E", 500)
    _set_employees(con, "C", 400)
    auto = _auto(con)
    assert auto["anchors"] == 4
    assert auto["anchor_names_ru"] == ("Фирма A", "Фирма E", "Фирма C")
    assert auto["anchor_names_en"] == ("Firm A", "Firm E", "Firm C")


def test_the_score_components_are_returned_beside_the_score():
    # s_size, s_specialisation and s_growth are the percentile ranks given, s_completeness and s_cooperation
    # the shares themselves; a missing one stays missing. score(x) = 100 × (1 + 0.5 + 0 + 1 + 0.1) / 5 = 52.
    frame = pd.DataFrame(
        {
            "cluster_id": ["x", "y"],
            "pct_size": [1.0, 0.0],
            "pct_specialisation": [0.5, None],
            "pct_growth": [0.0, 1.0],
            "completeness": [1.0, 0.5],
            "cooperation": [0.1, 0.4],
        }
    )
    out = clusters.score(frame).set_index("cluster_id")
    assert out.loc["x", ["s_size", "s_specialisation", "s_growth", "s_completeness", "s_cooperation"]].tolist() == [
        1.0,
        0.5,
        0.0,
        1.0,
        0.1,
    ]
    assert math.isnan(out.loc["y", "s_specialisation"]) and out.loc["y", "s_cooperation"] == 0.4
    assert out.loc["x", "score"] == pytest.approx(52.0)


def test_equal_scores_are_ranked_by_cluster_id_and_nothing_else_is_added():
    # b and a score the same (100 × (0.5 + 0.5) / 2 = 50): the tie is broken by cluster id, a before b.
    frame = pd.DataFrame(
        {
            "cluster_id": ["b", "a", "c"],
            "pct_size": [0.5, 0.5, 1.0],
            "pct_specialisation": [0.5, 0.5, 1.0],
            "pct_growth": [None, None, None],
            "completeness": [None, None, None],
            "cooperation": [None, None, None],
        }
    )
    out = clusters.score(frame)
    assert list(out["cluster_id"]) == ["c", "a", "b"] and list(out["rank"]) == [1, 2, 3]
    assert list(out["score"]) == pytest.approx([100.0, 50.0, 50.0])
    assert list(out.index) == [0, 1, 2]
    components = [f"s_{k}" for k in clusters.SCORE_COMPONENTS]
    assert list(out.columns) == [*frame.columns, *components, "score", "rank"]


@pytest.mark.parametrize(
    ("kind", "role"), [("industrial", "other"), ("infrastructure", "infrastructure"), ("specialised", "specialised")]
)
def test_a_declared_member_outside_the_template_codes_takes_its_kind_as_role(con, kind, role):
    # G (OKVED 10, no template code) declared to auto: a member by hint whose role is its kind, an industrial
    # firm being "other" (module docstring, membership rule).
    con.execute("UPDATE enterprises SET cluster_hint = 'auto', kind = ? WHERE inn = ?", [kind, INN["G"]])
    members = clusters.members(con, "auto", region="40", year=2023).set_index("inn")
    assert members.loc[INN["G"], "role"] == role and members.loc[INN["G"], "basis"] == "hint"


def test_members_carry_their_names_places_and_details(con):
    members = clusters.members(con, "auto", region="40", year=2023).set_index("inn")
    assert members.loc[INN["A"], ["name_ru", "name_en"]].tolist() == ["Фирма A", "Firm A"]
    assert members.loc[INN["C"], ["municipality_ru", "municipality_en"]].tolist() == ["Боровский район", "Borovsky"]
    assert members.loc[INN["F"], ["municipality_ru", "municipality_en"]].isna().all()  # F has no OKTMO
    assert {"sme_category", "data_status", "source", "taxes_federal_mln_rub"} <= set(members.columns)


# --- survivors of a seeded random sample of 150 (session 5) -------------------------------------------------


def test_ancestors_are_the_okved_levels_above_a_code():
    # OKVED 2: class dd, subclass dd.d, group dd.dd, subgroup dd.dd.d — a prefix ending in "." is no code
    assert clusters.ancestors("29.10.1") == ["29", "29.1", "29.10", "29.10.1"]
    assert clusters.ancestors("29.1") == ["29", "29.1"]
    assert clusters.ancestors("29") == ["29"]
    assert clusters.ancestors("29.") == ["29"]
    assert clusters.ancestors("") == []


def test_a_discovered_definition_takes_every_code_as_core_once():
    frame = clusters.codes_definition("d1", ("29.10", "22.29", "29.10"))
    assert frame["okved"].tolist() == ["29.10", "22.29"]
    assert set(frame["role"]) == {"core"} and set(frame["weight"]) == {1.0}
    assert set(frame["source"]) == {"discovered"} and set(frame["name_ru"]) == {"d1"}


def test_a_municipality_without_members_shows_zero_members(con):
    # composites (22.29, 20.16, 13.96): C 22.29 and D 13.96, both in Borovsky (29606000); none in Kaluga
    places = clusters.member_municipalities(con, "comp", region="40", year=2023).set_index("oktmo")
    assert places.loc["29701000", "members"] == 0 and places.loc["29701000", "employees"] == 0.0
    assert places.loc["29606000", "members"] == 2 and places.loc["29606000", "employees"] == 150
    assert places["members"].dtype == "int64"


def test_member_links_are_the_links_between_members_of_the_year(con):
    # auto's members: A, B, C, E and F (D, 13.96, declares itself to composites); H → A crosses the
    # region's border (H is in 77) and D → C starts outside the cluster: both left out
    links = clusters.member_links(con, "auto", region="40", year=2023)
    got = list(zip(links["supplier_inn"], links["buyer_inn"], links["value_mln_rub"]))
    assert got == [
        (INN["A"], INN["B"], 10.0),
        (INN["B"], INN["A"], 150.0),
        (INN["C"], INN["A"], 300.0),
        (INN["E"], INN["A"], 5.0),
    ]
    assert clusters.member_links(con, "auto", region="40", year=2020).empty  # no links recorded that year


def test_the_region_outline_is_the_loaded_region_boundary(con):
    assert clusters.region_outline(con, "40") is None  # the table exists, nothing loaded
    square = {"type": "Polygon", "coordinates": [[[35, 54], [36, 54], [36, 55], [35, 54]]]}
    con.execute(
        "INSERT INTO boundaries (level, code, name, geometry) VALUES ('municipality', '29701000', 'x', '{}'), "
        "('region', '40', 'Калужская область', ?)",
        [json.dumps(square)],
    )
    outline = clusters.region_outline(con, "40")
    assert outline == {
        "type": "FeatureCollection",
        "features": [{"type": "Feature", "id": "40", "properties": {"code": "40"}, "geometry": square}],
    }
    assert clusters.region_outline(con, "77") is None


def test_gaps_give_their_documented_columns_with_counts_as_integers(con):
    out = clusters.gaps(con, "auto", region="40", year=2023)
    assert list(out.columns) == [
        "okved",
        "name_ru",
        "name_en",
        "weight",
        "firms",
        "stat_employees",
        "lq",
        "density",
        "status",
        "elsewhere",
    ]
    assert out.index.tolist() == list(range(len(out)))
    assert out["firms"].dtype == "int64"


def test_candidate_counts_are_integers(con):
    found = clusters.find_candidates(con, "40", 2023)
    for column in ("members", "declared", "industrial", "infrastructure", "specialised", "sme", "anchors"):
        assert found[column].dtype == "int64", column
