"""Cluster candidates on a small hand-built store: membership, every measure, stars, score, gaps.

The store (year 2023; 2020 for growth), region 40 unless said otherwise:

Enterprises (employees / revenue / purchases, mln ₽):
  A 4000000001  29.10    hint auto   industrial        1000 / 5000 / 3000   Kaluga (M1)
  B 4000000002  29.32.1  —           industrial         300 /  900 /  200   M1
  C 4000000003  22.29    —           industrial, SME    100 /  200 /   60   Borovsky (M2)
  D 4000000004  13.96    hint comp   industrial, SME     50 /   80 /   40   M2
  E 4000000005  71.20    hint auto   infrastructure     10 /    5 /    2   M1
  F 4000000006  70.22    hint auto   specialised         5 /    3 /    1   no OKTMO
  G 4000000007  10       —           industrial          20 /   10 /    5   M1  (no template)
  H 7700000001  29.10    region 77   industrial        2000 / 9000 / 5000
  I 7700000002  25.50    region 77   industrial         400 /  800 /  300
Templates: auto = core 29.10, 29.32; supplier 22.29 (w 1), 13.96 (w 0.5), 25.50 (w 1); service 71.20
(w 0.5). comp = core 22.29, 20.16; supplier 13.96.
Links 2023: C→A 300, B→A 150, A→B 10, E→A 5, D→C 20, H→A 100.

So auto's members are A, B (29.32.1 lies within 29.32), C (unhinted, code), E (hint), F (hint); D
is hinted to comp and stays out; comp's members are C (by code) and D (hint).

Sector statistics (employees) — template classes and divisions of five regions, 2023:
  region  total   29.10 29.32 22.29 13.96 25.50 20.16
  40      10000   2000  1000   500    50     0   200
  50      20000    500   500   500   200   300   400
  66      30000   1000   500  1000   200   300   600
  77      40000    500   500   500   300   200  1000
  78      10000    300   200   200   100   200   100
2020: the same, except region 40's 29.10 = 1600 (and its total 9600). Revenue of a class = employees ×
10 mln ₽ in region 40, × 5 elsewhere; establishments = employees / 10.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from analytics import store
from analytics.models import clusters

REGIONS = ["40", "50", "66", "77", "78"]
TOTAL = {"40": 10000, "50": 20000, "66": 30000, "77": 40000, "78": 10000}
CLASSES = {  # region → {class: employees} in 2023
    "40": {"29.10": 2000, "29.32": 1000, "22.29": 500, "13.96": 50, "25.50": 0, "20.16": 200},
    "50": {"29.10": 500, "29.32": 500, "22.29": 500, "13.96": 200, "25.50": 300, "20.16": 400},
    "66": {"29.10": 1000, "29.32": 500, "22.29": 1000, "13.96": 200, "25.50": 300, "20.16": 600},
    "77": {"29.10": 500, "29.32": 500, "22.29": 500, "13.96": 300, "25.50": 200, "20.16": 1000},
    "78": {"29.10": 300, "29.32": 200, "22.29": 200, "13.96": 100, "25.50": 200, "20.16": 100},
}
AUTO_STAT = ("29.10", "29.32", "22.29", "13.96", "25.50")
INN = {k: f"400000000{i}" for i, k in enumerate("ABCDEFG", start=1)} | {"H": "7700000001", "I": "7700000002"}


def _rsy() -> pd.DataFrame:
    rows = []
    for year in (2020, 2023):
        for region in REGIONS:
            classes = dict(CLASSES[region])
            if year == 2020 and region == "40":
                classes["29.10"] = 1600
            total = TOTAL[region] - (400 if year == 2020 and region == "40" else 0)
            price = 10.0 if region == "40" else 5.0
            for code, emp in classes.items():
                if emp:
                    rows.append((region, code, year, float(emp), float(emp) * price, emp // 10))
            divisions = {
                "29": classes["29.10"] + classes["29.32"],
                "22": classes["22.29"],
                "13": classes["13.96"],
                "25": classes["25.50"],
                "20": classes["20.16"],
            }
            divisions["10"] = total - sum(divisions.values())
            for code, emp in divisions.items():
                rows.append((region, code, year, float(emp), None, max(emp // 10, 1)))
    return pd.DataFrame(
        rows, columns=["region_code", "okved", "year", "employees", "revenue_mln_rub", "establishments"]
    )


def build(con) -> None:
    sectors = [("C", None, "section", "C"), ("M", None, "section", "M")]
    for d in ("10", "13", "20", "22", "25", "29"):
        sectors.append((d, "C", "division", "C"))
    for c in ("13.96", "20.16", "22.29", "25.50", "29.10", "29.32"):
        sectors.append((c, c[:2], "class", "C"))
    sectors += [
        ("29.32.1", "29.32", "subclass", "C"),
        ("70", "M", "division", "M"),
        ("70.22", "70", "class", "M"),
        ("71", "M", "division", "M"),
        ("71.20", "71", "class", "M"),
    ]
    frames = {
        "regions": pd.DataFrame(
            {
                "code": REGIONS,
                "name_ru": [f"Регион {r}" for r in REGIONS],
                "name_en": [f"Region {r}" for r in REGIONS],
                "federal_district": "Центральный",
            }
        ),
        "municipalities": pd.DataFrame(
            {
                "oktmo": ["29701000", "29606000", "45301000"],
                "region_code": ["40", "40", "77"],
                "name_ru": ["Город Калуга", "Боровский район", "Район 77"],
                "name_en": ["Kaluga", "Borovsky", "District 77"],
                "kind": ["urban_okrug", "municipal_district", "municipal_district"],
                "lat": [54.53, 55.21, 55.75],
                "lon": [36.27, 36.49, 37.62],
            }
        ),
        "sectors": pd.DataFrame(sectors, columns=["code", "parent", "level", "section"]).assign(
            name_ru=lambda f: "Отрасль " + f["code"], name_en=lambda f: "Sector " + f["code"]
        ),
        "enterprises": pd.DataFrame(
            {
                "inn": list(INN.values()),
                "name_ru": [f"Фирма {k}" for k in INN],
                "name_en": [f"Firm {k}" for k in INN],
                "okved": ["29.10", "29.32.1", "22.29", "13.96", "71.20", "70.22", "10", "29.10", "25.50"],
                "region_code": ["40"] * 7 + ["77", "77"],
                "oktmo": [
                    "29701000",
                    "29701000",
                    "29606000",
                    "29606000",
                    "29701000",
                    None,
                    "29701000",
                    "45301000",
                    "45301000",
                ],
                "lat": [54.53, 54.54, 55.21, 55.20, 54.52, None, 54.5, 55.75, 55.7],
                "lon": [36.27, 36.28, 36.49, 36.48, 36.26, None, 36.2, 37.62, 37.6],
                "is_sme": [False, False, True, True, True, False, True, False, False],
                "kind": ["industrial"] * 4 + ["infrastructure", "specialised"] + ["industrial"] * 3,
                "cluster_hint": ["auto", None, None, "comp", "auto", "auto", None, None, None],
            }
        ),
        "enterprise_years": pd.DataFrame(
            {
                "inn": list(INN.values()),
                "year": 2023,
                "employees": [1000, 300, 100, 50, 10, 5, 20, 2000, 400],
                "revenue_mln_rub": [5000.0, 900.0, 200.0, 80.0, 5.0, 3.0, 10.0, 9000.0, 800.0],
                "purchases_mln_rub": [3000.0, 200.0, 60.0, 40.0, 2.0, 1.0, 5.0, 5000.0, 300.0],
            }
        ),
        "region_sector_years": _rsy(),
        "supply_links": pd.DataFrame(
            {
                "supplier_inn": [INN["C"], INN["B"], INN["A"], INN["E"], INN["D"], INN["H"]],
                "buyer_inn": [INN["A"], INN["A"], INN["B"], INN["A"], INN["C"], INN["A"]],
                "year": 2023,
                "value_mln_rub": [300.0, 150.0, 10.0, 5.0, 20.0, 100.0],
            }
        ),
        "cluster_templates": pd.DataFrame(
            {
                "cluster_id": ["auto"] * 6 + ["comp"] * 3,
                "cluster_name_ru": ["Авто"] * 6 + ["Композиты"] * 3,
                "cluster_name_en": ["Auto"] * 6 + ["Composites"] * 3,
                "okved": ["29.10", "29.32", "22.29", "13.96", "25.50", "71.20", "22.29", "20.16", "13.96"],
                "role": ["core", "core", "supplier", "supplier", "supplier", "service", "core", "core", "supplier"],
                "weight": [1.0, 1.0, 1.0, 0.5, 1.0, 0.5, 1.0, 1.0, 1.0],
            }
        ),
    }
    for table, frame in frames.items():
        store.load_frame(con, table, frame)


@pytest.fixture(scope="module")
def con():
    connection = store.connect(":memory:")
    build(connection)
    yield connection
    connection.close()


@pytest.fixture(scope="module")
def candidates(con):
    return clusters.find_candidates(con, "40", 2023).set_index("cluster_id")


# --- the membership rule -------------------------------------------------------------------------------


def test_code_hierarchy_rule():
    assert clusters.lies_within("29.32.1", "29.32")
    assert clusters.lies_within("29.32", "29.3")  # group → class: no dot between them
    assert clusters.lies_within("29.32", "29")
    assert clusters.lies_within("29.32", "29.32")
    assert not clusters.lies_within("29.32", "29.1")
    assert not clusters.lies_within("29.10", "29.32")
    assert not clusters.lies_within("29", "29.32")  # a division is not within its class
    assert clusters.ancestors("29.32.1") == ["29", "29.3", "29.32", "29.32.1"]


def test_members_follow_hint_and_code(con):
    auto = clusters.members(con, "auto", region="40", year=2023).set_index("inn")
    assert set(auto.index) == {INN[k] for k in "ABCEF"}  # D is hinted to comp, G has no template code
    assert auto.loc[INN["A"], "role"] == "core" and auto.loc[INN["A"], "basis"] == "hint+okved"
    assert auto.loc[INN["B"], "role"] == "core" and auto.loc[INN["B"], "basis"] == "okved"
    assert auto.loc[INN["C"], "role"] == "supplier" and auto.loc[INN["C"], "basis"] == "okved"
    assert auto.loc[INN["E"], "role"] == "service" and auto.loc[INN["E"], "basis"] == "hint+okved"
    assert auto.loc[INN["F"], "role"] == "specialised" and auto.loc[INN["F"], "basis"] == "hint"
    assert list(auto["declared"][auto["declared"]].index) == [INN["A"], INN["E"], INN["F"]]
    comp = clusters.members(con, "comp", region="40", year=2023).set_index("inn")
    assert set(comp.index) == {INN["C"], INN["D"]}  # C (unhinted) belongs to both templates
    assert comp.loc[INN["D"], "role"] == "supplier" and comp.loc[INN["C"], "role"] == "core"


def test_member_link_columns(con):
    auto = clusters.members(con, "auto", region="40", year=2023).set_index("inn")
    assert auto["partners"].to_dict() == {INN["A"]: 3, INN["B"]: 1, INN["C"]: 1, INN["E"]: 1, INN["F"]: 0}
    assert auto.loc[INN["C"], "sales_to_members"] == pytest.approx(300.0)  # its sale to D's cluster is not here
    assert auto.loc[INN["A"], "purchases_from_members"] == pytest.approx(300 + 150 + 5)  # H (region 77) is no member
    assert list(auto["anchor"][auto["anchor"]].index) == [INN["A"], INN["B"]]
    assert list(auto.index[:2]) == [INN["A"], INN["B"]]  # largest first


def test_discovered_codes_ignore_hints(con):
    table = clusters.members(con, "d1", region="40", year=2023, codes=("13.96", "22.29"))
    assert set(table["inn"]) == {INN["C"], INN["D"]}
    assert set(table["role"]) == {"core"}


def test_member_municipalities(con):
    places = clusters.member_municipalities(con, "auto", region="40", year=2023).set_index("oktmo")
    assert places.loc["29701000", "members"] == 3 and places.loc["29701000", "employees"] == 1310
    assert places.loc["29606000", "members"] == 1 and places.loc["29606000", "employees"] == 100
    assert "45301000" not in places.index  # another region's municipality


# --- measures ---------------------------------------------------------------------------------------------


def test_member_counts_and_figures(candidates):
    auto = candidates.loc["auto"]
    assert (
        auto["members"],
        auto["declared"],
        auto["industrial"],
        auto["sme"],
        auto["infrastructure"],
        auto["specialised"],
    ) == (5, 3, 3, 2, 1, 1)
    assert auto["employees"] == 1415 and auto["revenue_mln_rub"] == pytest.approx(5000 + 900 + 200 + 5 + 3)
    assert auto["anchors"] == 2 and auto["anchor_share"] == pytest.approx(1300 / 1415)
    assert auto["anchor_names_ru"] == ("Фирма A", "Фирма B")


def test_spatial_concentration(candidates):
    auto = candidates.loc["auto"]
    assert auto["municipalities"] == 2  # F has no OKTMO and is left out
    assert auto["spatial_hhi"] == pytest.approx((1310 / 1410) ** 2 + (100 / 1410) ** 2)
    comp = candidates.loc["comp"]
    assert comp["municipalities"] == 1 and comp["spatial_hhi"] == pytest.approx(1.0)


def test_internal_cooperation(candidates):
    # among auto members: C→A 300, B→A 150, A→B 10, E→A 5; H→A comes from outside
    assert candidates.loc["auto", "cooperation"] == pytest.approx(465 / (3000 + 200 + 60 + 2 + 1))
    assert candidates.loc["comp", "cooperation"] == pytest.approx(20 / (60 + 40))


def test_supply_chain_completeness(candidates):
    # suppliers 22.29 (w 1, firm C), 13.96 (w 0.5, firm D: any firm of the region counts), 25.50 (w 1, none)
    assert candidates.loc["auto", "completeness"] == pytest.approx(1.5 / 2.5)
    # by statistics: 22.29 has LQ 2.04, 13.96 LQ 0.65 and 25.50 none in region 40
    assert candidates.loc["auto", "completeness_lq"] == pytest.approx(1.0 / 2.5)
    assert candidates.loc["comp", "completeness"] == pytest.approx(1.0)


def _auto_stat(region: str, year: int = 2023) -> float:
    value = sum(CLASSES[region][c] for c in AUTO_STAT)
    return value - 400 if (region, year) == ("40", 2020) else value


def test_location_quotient_focus_and_growth(candidates):
    russia = sum(_auto_stat(r) for r in REGIONS)
    auto = candidates.loc["auto"]
    assert auto["stat_employees"] == 3550
    assert auto["lq"] == pytest.approx((3550 / 10000) / (russia / sum(TOTAL.values())))
    assert auto["focus"] == pytest.approx(0.355)
    assert auto["cagr"] == pytest.approx((3550 / 3150) ** (1 / 3) - 1)
    assert auto["benchmark_cagr"] == pytest.approx((russia / (russia - 400)) ** (1 / 3) - 1)
    assert auto["relative_growth"] == pytest.approx(auto["cagr"] - auto["benchmark_cagr"])
    assert auto["start_year"] == 2020


def test_productivity_against_russia(candidates):
    russia_emp = sum(_auto_stat(r) for r in REGIONS)
    russia_rev = 10 * 3550 + 5 * (russia_emp - 3550)
    assert candidates.loc["auto", "productivity"] == pytest.approx(10.0)
    assert candidates.loc["auto", "relative_productivity"] == pytest.approx(10.0 / (russia_rev / russia_emp))


def test_stars_and_strong_cluster(candidates):
    auto = candidates.loc["auto"]
    # top of five regions by size, focus, productivity and growth; LQ 3.4 ≥ 2
    assert [auto[f"star_{k}"] for k in ("size", "specialisation", "focus", "productivity", "dynamism")] == [True] * 5
    assert auto["stars"] == 5 and auto["strong"]


def test_stars_in_other_regions_and_thresholds(con):
    other = clusters.find_candidates(con, "66", 2023).set_index("cluster_id").loc["auto"]
    # 3000 is below the 90th percentile of [1000, 2000, 2000, 3000, 3550] (= 3330); LQ 0.95 < 1
    assert not other["star_size"] and not other["star_specialisation"] and not other["strong"]
    assert other["members"] == 0 and math.isnan(other["cooperation"])
    strict = clusters.find_candidates(con, "40", 2023, stars=clusters.StarParams(specialisation_lq=4.0))
    assert not strict.set_index("cluster_id").loc["auto", "star_specialisation"]
    with pytest.raises(ValueError):
        clusters.StarParams(size_top=0)


def test_percentile_ranks(con, candidates):
    auto = candidates.loc["auto"]
    assert (auto["pct_size"], auto["pct_specialisation"], auto["pct_growth"]) == (1.0, 1.0, 1.0)
    low = clusters.find_candidates(con, "78", 2023).set_index("cluster_id").loc["auto"]
    assert low["pct_size"] == 0.0  # the smallest of five
    # region 77: 2000, tied with region 50 for ranks 2 and 3 → average rank 2.5 → (2.5 − 1) / 4
    assert clusters.find_candidates(con, "77", 2023).set_index("cluster_id").loc["auto", "pct_size"] == 0.375


def test_composite_score_by_hand(candidates):
    s_coop = 465 / 3263  # the cooperation share itself, not scaled to the registry's 20 % bar
    expected = 100 * (1 + 1 + 1 + 0.6 + s_coop) / 5
    assert candidates.loc["auto", "score"] == pytest.approx(expected)


def test_score_weights_are_normalised_and_missing_parts_drop_out():
    frame = pd.DataFrame(
        {
            "cluster_id": ["x", "y"],
            "pct_size": [1.0, 0.0],
            "pct_specialisation": [0.5, np.nan],
            "pct_growth": [0.0, 1.0],
            "completeness": [1.0, 0.5],
            "cooperation": [0.1, 0.4],
        }
    )
    only_size = clusters.score(frame, clusters.ScoreWeights(1, 0, 0, 0, 0)).set_index("cluster_id")
    assert only_size.loc["x", "score"] == 100 and only_size.loc["y", "score"] == 0
    doubled = clusters.score(frame, clusters.ScoreWeights(2, 2, 2, 2, 2)).set_index("cluster_id")
    plain = clusters.score(frame).set_index("cluster_id")
    assert doubled["score"].to_dict() == pytest.approx(plain["score"].to_dict())
    # y lacks specialisation: the other four count; cooperation enters as the share itself (0.4, 0.1)
    assert plain.loc["y", "score"] == pytest.approx(100 * (0 + 1 + 0.5 + 0.4) / 4)
    assert plain.loc["x", "score"] == pytest.approx(100 * (1 + 0.5 + 0 + 1 + 0.1) / 5)
    assert list(plain.index) == ["x", "y"] and list(plain["rank"]) == [1, 2]  # 52 before 47.5
    nothing = clusters.score(frame, clusters.ScoreWeights(0, 1, 0, 0, 0)).set_index("cluster_id")
    assert math.isnan(nothing.loc["y", "score"])
    with pytest.raises(ValueError):
        clusters.ScoreWeights(size=-1)


def test_region_without_enterprises_keeps_the_statistics(con):
    table = clusters.find_candidates(con, "50", 2023).set_index("cluster_id")
    assert (table["members"] == 0).all()
    assert table.loc["auto", "stat_employees"] == 2000
    assert table.loc["auto", "lq"] == pytest.approx((2000 / 20000) / (11550 / 110000))


# --- gaps ------------------------------------------------------------------------------------------------


def test_gaps_rank_absent_and_weak_suppliers(con):
    table = clusters.gaps(con, "auto", region="40", year=2023)
    assert list(table["okved"]) == ["25.50", "13.96"]  # 22.29 is present (LQ 2.04); weight 1 before 0.5
    first, second = table.iloc[0], table.iloc[1]
    assert first["status"] == "absent" and first["firms"] == 0
    assert second["status"] == "weak" and second["firms"] == 1
    assert second["lq"] == pytest.approx((50 / 10000) / (850 / 110000))
    assert first["elsewhere"] == ((INN["I"], "Фирма I", "Firm I", "77", "Регион 77", "Region 77", 400),)
    assert second["elsewhere"] == ()


def test_gaps_of_a_discovered_community(con):
    table = clusters.gaps(con, "d1", region="40", year=2023, codes=("29.10", "25.50"))
    assert list(table["okved"]) == ["25.50"]


def test_coverage_says_what_the_candidates_rest_on():
    import pandas as pd

    from analytics.models.clusters import coverage

    nothing = pd.DataFrame({"members": [0, 0], "stat_employees": [float("nan"), float("nan")]})
    statistics_only = pd.DataFrame({"members": [0, 0], "stat_employees": [float("nan"), 1200.0]})
    one_member = pd.DataFrame({"members": [0, 1], "stat_employees": [float("nan"), float("nan")]})
    assert coverage(nothing) == "none"
    assert coverage(statistics_only) == "no_enterprises"
    assert coverage(one_member) == "full"


# --- stars where the thresholds decide: a region that is not the top on every measure -------------------
#
# 21 regions "01"–"21" (index i = 0…20), one template "solo" = core 29.10. With 21 values the 90th
# percentile sits exactly on the 19th smallest (position 0.9 · 20 = 18), the 75th on the 16th, the 25th
# on the 6th: no interpolation, so a region can be placed exactly at a threshold.
#   E_rc(i) = 1000 + 10·i (29.10, 2023), establishments E_rc // 10; Σ E_rc = 23100.
#   Manufacturing E_r: i = 0–3 → 2·E_rc (focus 0.5); i = 4–17 → 10·E_rc (focus 0.1); i = 18 (region "19",
#   the one tested) → 4720 (focus 1180/4720 = 0.25); i = 19 → 4761 (focus 0.24994…); i = 20 → 12499.
#   Σ E_r = 8120 + 154700 + 4720 + 4761 + 12499 = 184800 → national share of 29.10 = 23100/184800 = 1/8.
# Region "19" (i = 18):
#   size 1180 = the 19th smallest = the 90th percentile → star (E_rc ≥ P90: "top 10 %" includes it);
#   LQ = 0.25 / 0.125 = 2 exactly → star (LQ ≥ 2); region "20" (i = 19) has LQ 1.9995 → no star;
#   focus 0.25 < the 90th percentile of focus (the four regions at 0.5 fill the top) → no star;
#   productivity 19.99 mln ₽/person, while "01"–"03" have 20 and the rest 5: P90 = 20 → no star;
#   employment growth 2020→2023 ratio 1.017, the 18th smallest of 1 + 0.001·j (j = 0…20): P90 is the 19th
#   → no star. Stars: 2 (size, specialisation).
# US Cluster Mapping "strong": LQs sorted 0.768 (i 20), 0.8 × 14, 1.9995 (i 19), 2 (i 18), 4 × 4 → P75 =
#   the 16th = 1.9995; employment P25 = the 6th smallest = 1050, establishments P25 = 105. Region "19":
#   2 ≥ 1.9995, ≥ 1, 1180 > 1050, 118 > 105 → strong; region "20" sits exactly on the LQ percentile
#   (1.9995 ≥ 1.9995) with 1190 > 1050 → strong; "01"–"04" have LQ 4 but employment ≤ 1030 → not strong.

STAR_REGIONS = [f"{i + 1:02d}" for i in range(21)]


def _star_store():
    emp = {r: 1000.0 + 10 * i for i, r in enumerate(STAR_REGIONS)}
    manufacturing = {r: 2 * emp[r] if i < 4 else 10 * emp[r] for i, r in enumerate(STAR_REGIONS)}
    manufacturing.update({"19": 4720.0, "20": 4761.0, "21": 12499.0})
    productivity = {r: 20.0 if r in ("01", "02", "03") else 5.0 for r in STAR_REGIONS} | {"19": 19.99}
    # growth ratios 1 + 0.001·j: region "19" gets j = 17, the others the remaining j in region order
    js = iter(j for j in range(21) if j != 17)
    ratio = {r: 1 + 0.001 * (17 if r == "19" else next(js)) for r in STAR_REGIONS}
    rows = []
    for r in STAR_REGIONS:
        for year, e in ((2023, emp[r]), (2020, emp[r] / ratio[r])):
            rows.append((r, "29.10", year, e, e * productivity[r], int(emp[r]) // 10))
            rows.append((r, "29", year, e, None, int(emp[r]) // 10))
            rows.append((r, "10", year, manufacturing[r] - emp[r], None, 100))
    con = store.connect(":memory:")
    store.load_frame(
        con,
        "regions",
        pd.DataFrame(
            {"code": STAR_REGIONS, "name_ru": STAR_REGIONS, "name_en": STAR_REGIONS, "federal_district": "Центральный"}
        ),
    )
    store.load_frame(
        con,
        "sectors",
        pd.DataFrame(
            {
                "code": ["C", "10", "29", "29.10"],
                "parent": [None, "C", "C", "29"],
                "level": ["section", "division", "division", "class"],
                "section": "C",
                "name_ru": ["C", "10", "29", "29.10"],
            }
        ),
    )
    store.load_frame(
        con,
        "region_sector_years",
        pd.DataFrame(rows, columns=["region_code", "okved", "year", "employees", "revenue_mln_rub", "establishments"]),
    )
    store.load_frame(
        con,
        "cluster_templates",
        pd.DataFrame(
            {
                "cluster_id": ["solo"],
                "cluster_name_ru": ["Соло"],
                "cluster_name_en": ["Solo"],
                "okved": ["29.10"],
                "role": ["core"],
                "weight": [1.0],
            }
        ),
    )
    return con


@pytest.fixture(scope="module")
def star_con():
    con = _star_store()
    yield con
    con.close()


def _solo(con, region: str, **stars) -> pd.Series:
    params = clusters.StarParams(**stars) if stars else clusters.StarParams()
    return clusters.find_candidates(con, region, 2023, start=2020, stars=params).set_index("cluster_id").loc["solo"]


def test_stars_of_a_region_that_is_not_the_top_on_every_measure(star_con):
    solo = _solo(star_con, "19")
    assert solo["stat_employees"] == 1180 and solo["lq"] == 2.0 and solo["focus"] == 0.25
    flags = {k: bool(solo[f"star_{k}"]) for k in ("size", "specialisation", "focus", "productivity", "dynamism")}
    assert flags == {"size": True, "specialisation": True, "focus": False, "productivity": False, "dynamism": False}
    assert solo["stars"] == 2 and solo["strong"]


def test_one_region_below_each_star_threshold(star_con):
    below = _solo(star_con, "18")  # size 1170: the 18th smallest, under P90 = 1180
    assert not below["star_size"]
    twenty = _solo(star_con, "20")  # LQ 1190/4761 · 8 = 1.9995 < 2
    assert twenty["lq"] == pytest.approx(1190 / 4761 * 8) and not twenty["star_specialisation"]
    assert twenty["strong"]  # exactly on the 75th percentile of LQ: "LQ ≥ P75"
    top_lq = _solo(star_con, "01")  # LQ 4, focus 0.5 and productivity 20 at the top, but small
    assert top_lq["star_specialisation"] and top_lq["star_focus"] and top_lq["star_productivity"]
    assert not top_lq["star_size"] and not top_lq["strong"]  # employment 1000 ≤ P25 = 1050


def test_star_thresholds_move_the_verdict(star_con):
    # top 20 % instead of 10 %: P80 of sizes is the 17th smallest (position 16) = 1160 ≤ 1170 → region "18" gets it
    assert _solo(star_con, "18", size_top=0.2)["star_size"]
    # LQ bar 2.0001: region "19" loses its specialisation star
    assert not _solo(star_con, "19", specialisation_lq=2.0001)["star_specialisation"]
    # dynamism over the top 15 %: P85 is position 17 = 1.017, region "19"'s own ratio → the star
    assert _solo(star_con, "19", dynamism_top=0.15)["star_dynamism"]
