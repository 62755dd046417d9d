"""Sector portfolio from the store, on a hand-made panel (figures worked out by hand in comments).

Employees, regions 40 and 77 in the Central district, 16 in the Volga district:
             2016: 29 (of which 29.10)   21      2023: 29 (of which 29.10)   21
    40            100 (60)               100          50 (30)               150
    77            100 (50)               300         100 (50)               300
    16            300 (200)              100         300 (200)              100
Totals 2016: 29 = 500, 21 = 500, all = 1000; 2023: 29 = 450, 21 = 550, all = 1000.
"""

import pandas as pd
import pytest

from analytics import store
from analytics.services import sector_portfolio as sp


@pytest.fixture()
def con():
    c = store.connect(":memory:")
    store.load_frame(
        c,
        "regions",
        pd.DataFrame(
            {
                "code": ["40", "77", "16"],
                "name_ru": ["Калужская", "Москва", "Татарстан"],
                "name_en": ["Kaluga", "Moscow", "Tatarstan"],
                "federal_district": ["Центральный", "Центральный", "Приволжский"],
            }
        ),
    )
    store.load_frame(
        c,
        "sectors",
        pd.DataFrame(
            {
                "code": ["C", "21", "29", "29.1", "29.10"],
                "parent": [None, "C", "C", "29", "29.1"],
                "level": ["section", "division", "division", "group", "class"],
                "section": ["C"] * 5,
                "name_ru": ["Обработка", "Фарма", "Авто", "Авто группа", "Автомобили"],
                "name_en": ["Manufacturing", "Pharma", "Motor", "Motor group", "Motor vehicles"],
            }
        ),
    )
    store.load_frame(
        c,
        "cluster_templates",
        pd.DataFrame(
            {
                "cluster_id": ["automotive"],
                "cluster_name_ru": ["Авто"],
                "cluster_name_en": ["Automotive"],
                "okved": ["29.10"],
                "role": ["core"],
            }
        ),
    )
    rows = []
    data = {
        "40": ((100, 60, 100), (50, 30, 150)),
        "77": ((100, 50, 300), (100, 50, 300)),
        "16": ((300, 200, 100), (300, 200, 100)),
    }
    for region, ((a29, a2910, a21), (b29, b2910, b21)) in data.items():
        for year, (v29, v2910, v21) in ((2016, (a29, a2910, a21)), (2023, (b29, b2910, b21))):
            rows += [(region, "29", year, v29), (region, "29.10", year, v2910), (region, "21", year, v21)]
    frame = pd.DataFrame(rows, columns=["region_code", "okved", "year", "employees"])
    frame["revenue_mln_rub"] = frame["employees"] * 10.0
    frame["establishments"] = 5
    store.load_frame(c, "region_sector_years", frame)
    yield c
    c.close()


def test_division_lq_growth_and_quadrants(con):
    p = sp.region_portfolio(con, "40", 2016, 2023).set_index("sector")
    # LQ(40, 29, 2023) = (50/200) / (450/1000) = 0.5556; LQ in 2016 = (100/200)/(500/1000) = 1
    assert p.loc["29", "lq"] == pytest.approx(0.25 / 0.45)
    assert p.loc["29", "lq_start"] == pytest.approx(1.0)
    assert p.loc["29", "quadrant"] == "Transforming"
    # LQ(40, 21, 2023) = (150/200) / (550/1000) = 1.3636, rising from 1 → Star
    assert p.loc["21", "lq"] == pytest.approx(0.75 / 0.55)
    assert p.loc["21", "quadrant"] == "Star"
    assert p.loc["21", "cagr"] == pytest.approx(1.5 ** (1 / 7) - 1)
    assert p.loc["21", "benchmark_cagr"] == pytest.approx(1.1 ** (1 / 7) - 1)
    assert p.loc["21", "relative_growth"] == pytest.approx(1.5 ** (1 / 7) - 1.1 ** (1 / 7))
    assert p["share"].sum() == pytest.approx(1.0)
    assert p.loc["29", "cluster_id"] == "automotive"


def test_district_benchmark_uses_only_the_districts_regions(con):
    p = sp.region_portfolio(con, "40", 2016, 2023, benchmark="district").set_index("sector")
    # Central district 2023: 29 = 150 of 600 → LQ = (50/200) / (150/600) = 1.0
    assert p.loc["29", "lq"] == pytest.approx(1.0)


def test_class_level_keeps_the_whole_region_as_denominator(con):
    p = sp.region_portfolio(con, "40", 2016, 2023, level="class").set_index("sector")
    assert list(p.index) == ["29.10"]  # residual sectors are never shown
    # x_r = 200 (whole manufacturing), x_s = 30 + 50 + 200 = 280, x = 1000 → (30/200)/(280/1000)
    assert p.loc["29.10", "lq"] == pytest.approx(0.15 / 0.28)
    assert p.loc["29.10", "share"] == pytest.approx(30 / 200)


def test_group_level_sums_classes_into_their_group(con):
    panel = sp.sector_panel(con, "group")
    row = panel[(panel.region == "16") & (panel.sector == "29.1") & (panel.year == 2023)]
    assert row["employees"].tolist() == [200]
    residual = panel[(panel.region == "16") & (panel.sector == "29*") & (panel.year == 2023)]
    assert residual["employees"].tolist() == [100]
    assert panel[panel.residual].sector.str.endswith("*").all()


def test_measure_switch_uses_revenue(con):
    p = sp.region_portfolio(con, "40", 2016, 2023, measure="revenue_mln_rub").set_index("sector")
    assert p.loc["21", "value"] == 1500.0
    assert p.loc["21", "employees"] == 150


def test_shift_share_parts_sum_to_change_and_residuals_dropped(con):
    table = sp.region_shift_share(con, "40", 2016, 2023, level="class")
    assert set(table["sector"]) == {"29.10"}
    parts = table[["national_growth", "industry_mix", "competitive"]].sum(axis=1)
    assert parts.iloc[0] == pytest.approx(table["change"].iloc[0])
    assert table["change"].iloc[0] == -30


def test_shift_share_view_keeps_the_top_rows_and_the_method_s_components(con):
    # Division level, region 40 against Russia: g = 1000/1000 − 1 = 0; 29: g_s = 450/500 − 1 = −0.1,
    # g_rs = 50/100 − 1 = −0.5 → mix = 100·(−0.1) = −10, competitive = 100·(−0.5 + 0.1) = −40, change −50;
    # 21: g_s = +0.1, g_rs = +0.5 → mix = +10, competitive = +40, change +50.
    view = sp.shift_share_view(con, "40", 2016, 2023)
    assert view.components == ("national_growth", "industry_mix", "competitive")
    rows = view.table.set_index("sector")
    assert sorted(rows.index) == ["21", "29"]
    assert rows.loc["29", ["national_growth", "industry_mix", "competitive", "change"]].tolist() == pytest.approx(
        [0, -10, -40, -50]
    )
    assert rows.loc["21", ["industry_mix", "competitive", "change"]].tolist() == pytest.approx([10, 40, 50])
    assert "name_ru" in rows.columns
    assert len(sp.shift_share_view(con, "40", 2016, 2023, top=1).table) == 1
    # Esteban-Marquillas adds `allocation`: x̂ = 200 · 500/1000 = 100 = x⁰, so allocation = 0 for 29
    em = sp.shift_share_view(con, "40", 2016, 2023, method="esteban-marquillas")
    assert em.components == ("national_growth", "industry_mix", "competitive", "allocation")
    assert em.table.set_index("sector").loc["29", ["competitive", "allocation"]].tolist() == pytest.approx([-40, 0])


def test_structure_against_district_peers(con):
    table = sp.region_structure(con, "40", 2023)
    assert table["region"].tolist()[0] == "40" and set(table["region"]) == {"40", "77"}
    # Krugman(40) = |0.25 − 0.45| + |0.75 − 0.55| = 0.4
    assert table.loc[table.region == "40", "krugman"].iloc[0] == pytest.approx(0.4)


def test_bad_settings_are_refused():
    with pytest.raises(ValueError):
        sp.PortfolioSettings(start=2023, end=2016)
    with pytest.raises(ValueError):
        sp.PortfolioSettings(measure="wages")


def test_cluster_names(con):
    assert sp.cluster_names(con) == {"ru": {"automotive": "Авто"}, "en": {"automotive": "Automotive"}}
