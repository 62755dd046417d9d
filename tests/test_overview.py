"""Region overview against the hand-made store in conftest.tiny_con (figures worked out by hand)."""

import math

import pytest

from analytics.services import overview


def test_region_overview_headline_figures(tiny_con):
    o = overview.region_overview(tiny_con, "40", 2023)
    assert o.enterprises == 5
    assert o.industrial_enterprises == 4
    assert o.sme == 2
    assert o.employees == 1000 + 200 + 150 + 50 + 10
    assert o.revenue_mln_rub == 5000 + 300 + 900 + 40 + 5
    # manufacturing = divisions 29 + 21 in 2023: 6000 + 2500; Russia: 8500 + 31000 + 60500
    assert o.manufacturing_employees == 8500
    assert o.russia_manufacturing_employees == 100000
    assert math.isclose(o.share_of_russia, 0.085)
    assert o.previous_manufacturing_employees == 10000
    assert o.manufacturing_change == -1500


def test_region_without_enterprises_gives_zeros_not_errors(tiny_con):
    o = overview.region_overview(tiny_con, "77", 2023)
    assert (o.enterprises, o.employees, o.revenue_mln_rub) == (0, 0.0, 0.0)
    assert o.manufacturing_employees == 91500


def test_first_year_has_no_change(tiny_con):
    assert math.isnan(overview.region_overview(tiny_con, "40", 2022).manufacturing_change)


def test_cluster_assignment_rules(tiny_con):
    got = dict(overview.enterprise_clusters(tiny_con, "40").itertuples(index=False))
    assert got == {
        "4000000001": "automotive",  # hint
        "4000000002": "composites",  # 22.29 is core in composites, supplier in automotive
        "4000000003": "pharma",  # 21.20 under division template code 21
        "4000000004": "other",
        "4000000005": "other",
    }


def test_by_cluster_parts_sum_to_region_total(tiny_con):
    frame = overview.by_cluster(tiny_con, "40", 2023)
    totals = overview.region_overview(tiny_con, "40", 2023)
    assert frame["employees"].sum() == totals.employees
    assert frame["enterprises"].sum() == totals.enterprises
    assert frame["revenue_mln_rub"].sum() == totals.revenue_mln_rub
    assert list(frame["cluster_id"]) == ["automotive", "composites", "pharma", "other"]
    assert frame.set_index("cluster_id").loc["other", "employees"] == 60
    assert frame.set_index("cluster_id")["name_en"].isna().tolist() == [False, False, False, True]


def test_by_municipality_includes_empty_and_unknown(tiny_con):
    frame = overview.by_municipality(tiny_con, "40", 2023)
    known = frame.dropna(subset=["name_en"]).set_index("name_en")
    assert known.loc["Kaluga", "employees"] == 1200
    assert known.loc["Borovsky District", "employees"] == 200
    assert known.loc["Kirovsky District", "enterprises"] == 0
    assert frame.loc[frame["name_en"].isna(), "employees"].tolist() == [10]
    assert frame["employees"].sum() == 1410


def test_manufacturing_trend_indices(tiny_con):
    trend = overview.manufacturing_trend(tiny_con, "40")
    assert trend["year"].tolist() == [2022, 2023]
    assert trend["region_index"].tolist() == [100.0, 85.0]
    assert math.isclose(trend["russia_index"].iloc[1], 100 * 100000 / 100000)


def test_regions_sorted_in_russian_order(tiny_con):
    assert overview.regions(tiny_con)["name_ru"].tolist() == ["Калужская область", "Москва"]


def test_years_fall_back_to_sector_data(tiny_con):
    assert overview.years(tiny_con, "40") == [2022, 2023]
    assert overview.years(tiny_con, "77") == [2022, 2023]


def test_findings_name_the_two_largest_clusters_and_their_share(tiny_con):
    """Hand count (tiny store, 2023): automotive A 1000, composites B 200 (core beats supplier), pharma
    C 150, other D 50 + E 10 → the two largest hold (1000 + 200) / 1410 of the employees."""
    found = {f.code: f.values for f in overview.findings(tiny_con, "40", 2023)}
    backbone = found["backbone"]
    assert backbone["names_en"] == ("Automotive", "Composites")
    assert backbone["share"] == pytest.approx(1200 / 1410)


def test_findings_in_both_languages_use_the_language_number_format(tiny_con):
    from ui.tables.common import finding_text

    backbone = next(f for f in overview.findings(tiny_con, "40", 2023) if f.code == "backbone")
    assert "«Автомобилестроение» и «Композиты»: 85\u00a0%" in finding_text(backbone, "ru")
    assert "Automotive and Composites: 85%" in finding_text(backbone, "en")


def test_findings_of_the_demo_region_say_the_trend_and_the_registry(demo_db):
    from analytics import store

    con = store.connect(demo_db, read_only=True)
    try:
        found = {f.code: f.values for f in overview.findings(con, "40", 2023)}
        trend = overview.manufacturing_trend(con, "40")
    finally:
        con.close()
    first, last = trend.iloc[0], trend[trend["year"] == 2023].iloc[0]
    change = last["region_employees"] / first["region_employees"] - 1
    code = "trend_up" if change >= 0 else "trend_down"
    assert found[code]["region"] == pytest.approx(change)
    assert "registry_none" in found or "registry_pass" in found
    assert len(found) == 4
