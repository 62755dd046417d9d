"""Specialisation and structure: LQ, structure indices, growth, shift-share, concentration, strong clusters.

Expected numbers are worked out by hand in the comments (fractions kept as expressions), never copied
from the code under test.
"""

import math
import subprocess
import sys

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from analytics.metrics import specialization as sp
from analytics.metrics.specialization import DataWarning


def long(rows, columns=("region", "sector", "value")):
    return pd.DataFrame(rows, columns=list(columns))


# Two regions, two sectors.            s    t   total
#   A                                  30   10    40
#   B                                  10   50    60
#   total                              40   60   100   → national shares s 0.4, t 0.6
TWO_BY_TWO = long([("A", "s", 30.0), ("A", "t", 10.0), ("B", "s", 10.0), ("B", "t", 50.0)])


def lq_of(frame, region, sector):
    row = frame[(frame["region"] == region) & (frame["sector"] == sector)]
    return row["lq"].to_numpy()


# --------------------------------------------------------------------------------------------------
# Location quotient
# --------------------------------------------------------------------------------------------------


def test_lq_against_all_regions():
    out = sp.location_quotient(TWO_BY_TWO)
    assert list(out.columns) == ["region", "sector", "value", "lq"]
    assert len(out) == 4
    assert lq_of(out, "A", "s") == pytest.approx((30 / 40) / 0.4)  # 1.875
    assert lq_of(out, "A", "t") == pytest.approx((10 / 40) / 0.6)  # 0.41667
    assert lq_of(out, "B", "s") == pytest.approx((10 / 60) / 0.4)  # 0.41667
    assert lq_of(out, "B", "t") == pytest.approx((50 / 60) / 0.6)  # 1.38889


def test_lq_does_not_modify_its_input():
    before = TWO_BY_TWO.copy()
    sp.location_quotient(TWO_BY_TWO)
    pd.testing.assert_frame_equal(TWO_BY_TWO, before)


def test_lq_against_a_benchmark_frame():
    # Benchmark shares s 500/1000 = 0.5, t 0.5.
    bench = pd.DataFrame({"sector": ["s", "t"], "value": [500.0, 500.0]})
    out = sp.location_quotient(TWO_BY_TWO, benchmark=bench)
    assert lq_of(out, "A", "s") == pytest.approx(0.75 / 0.5)
    assert lq_of(out, "A", "t") == pytest.approx(0.25 / 0.5)
    assert lq_of(out, "B", "t") == pytest.approx((5 / 6) / 0.5)


def test_lq_sector_missing_from_the_benchmark_is_nan():
    # The benchmark knows only s (share 1): A's s share 0.75 → LQ 0.75; t has no benchmark → NaN.
    out = sp.location_quotient(TWO_BY_TWO, benchmark=pd.DataFrame({"sector": ["s"], "value": [100.0]}))
    assert lq_of(out, "A", "s") == pytest.approx(0.75)
    assert np.isnan(lq_of(out, "A", "t")).all()


def test_lq_against_peer_groups():
    # C and D form a second district: s 1+3 = 4, t 1+1 = 2, total 6 → shares 2/3, 1/3.
    frame = pd.concat([TWO_BY_TWO, long([("C", "s", 1.0), ("C", "t", 1.0), ("D", "s", 3.0), ("D", "t", 1.0)])])
    districts = {"A": "Central", "B": "Central", "C": "Volga", "D": "Volga"}
    out = sp.location_quotient(frame, benchmark=districts)
    assert lq_of(out, "A", "s") == pytest.approx(1.875)  # Central = A + B, as before
    assert lq_of(out, "C", "s") == pytest.approx(0.5 / (2 / 3))  # 0.75
    assert lq_of(out, "C", "t") == pytest.approx(0.5 / (1 / 3))  # 1.5
    assert lq_of(out, "D", "s") == pytest.approx(0.75 / (2 / 3))  # 1.125
    with pytest.warns(DataWarning, match="peer group"):
        out = sp.location_quotient(frame, benchmark=pd.Series({"A": "Central", "B": "Central"}))
    assert np.isnan(lq_of(out, "C", "s")).all()


def test_lq_zero_totals_give_nan_not_errors():
    # Region Z has nothing; sector u is empty everywhere.
    frame = pd.concat([TWO_BY_TWO, long([("Z", "s", 0.0), ("Z", "t", 0.0), ("A", "u", 0.0), ("B", "u", 0.0)])])
    out = sp.location_quotient(frame)
    assert np.isnan(lq_of(out, "Z", "s")).all()
    assert np.isnan(lq_of(out, "A", "u")).all()
    assert lq_of(out, "A", "s") == pytest.approx(1.875)
    empty = sp.location_quotient(long([("A", "s", 0.0)]))
    assert np.isnan(empty["lq"]).all()


def test_lq_nan_value_is_unknown_and_left_out_of_totals():
    # A,t unknown: A's total 30, t's total 50, grand total 90 → LQ_As = (30/30)/(40/90) = 2.25.
    frame = TWO_BY_TWO.copy()
    frame.loc[1, "value"] = np.nan
    out = sp.location_quotient(frame)
    assert np.isnan(lq_of(out, "A", "t")).all()
    assert lq_of(out, "A", "s") == pytest.approx(2.25)
    assert lq_of(out, "B", "t") == pytest.approx((50 / 60) / (50 / 90))


def test_lq_duplicates_are_summed_and_share_the_lq():
    frame = pd.concat([long([("A", "s", 20.0), ("A", "s", 10.0)]), TWO_BY_TWO.iloc[1:]], ignore_index=True)
    out = sp.location_quotient(frame)
    assert len(out) == 5
    assert lq_of(out, "A", "s") == pytest.approx([1.875, 1.875])


def test_lq_by_year_and_custom_column_names():
    # 2021: A doubles t → A 30/20: A total 50, t total 70, grand 110 → LQ_At = (20/50)/(70/110).
    y2020 = TWO_BY_TWO.assign(year=2020)
    y2021 = TWO_BY_TWO.assign(year=2021, value=[30.0, 20.0, 10.0, 50.0])
    frame = pd.concat([y2020, y2021]).rename(columns={"region": "region_code", "sector": "okved", "value": "employees"})
    out = sp.location_quotient(frame, region="region_code", sector="okved", value="employees", by="year")
    got = out.set_index(["year", "region_code", "okved"])["lq"]
    assert got[(2020, "A", "t")] == pytest.approx(0.25 / 0.6)
    assert got[(2021, "A", "t")] == pytest.approx((20 / 50) / (70 / 110))


def test_lq_missing_column_is_a_clear_error():
    with pytest.raises(ValueError, match="employees"):
        sp.location_quotient(TWO_BY_TWO, value="employees")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    # zero or realistic magnitudes: a subnormal times 0.5 underflows to 0, which is not the point
    values=st.lists(st.one_of(st.just(0.0), st.floats(1e-6, 1e9)), min_size=1, max_size=24),
    factor=st.floats(1e-3, 1e3),
)
def test_lq_is_invariant_to_scaling_all_values(values, factor):
    n = len(values)
    frame = pd.DataFrame(
        {"region": [f"r{i % 4}" for i in range(n)], "sector": [f"s{i // 4}" for i in range(n)], "value": values}
    )
    base = sp.location_quotient(frame)["lq"].to_numpy()
    scaled = sp.location_quotient(frame.assign(value=frame["value"] * factor))["lq"].to_numpy()
    np.testing.assert_allclose(scaled, base, rtol=1e-9, equal_nan=True)
    assert (np.isnan(base) == np.isnan(scaled)).all()


# --------------------------------------------------------------------------------------------------
# Structure indices
# --------------------------------------------------------------------------------------------------


def test_structure_indices_by_hand():
    out = sp.structure_indices(TWO_BY_TWO).set_index("region")
    # A: shares 0.75 / 0.25 against 0.4 / 0.6.
    assert out.at["A", "krugman"] == pytest.approx(abs(0.75 - 0.4) + abs(0.25 - 0.6))  # 0.7
    assert out.at["A", "hhi"] == pytest.approx(0.75**2 + 0.25**2)  # 0.625
    assert out.at["A", "entropy"] == pytest.approx(-(0.75 * math.log2(0.75) + 0.25 * math.log2(0.25)))  # 0.8113
    assert out.at["A", "hachman"] == pytest.approx(1 / (0.75**2 / 0.4 + 0.25**2 / 0.6))  # 0.66207
    # B: shares 1/6 / 5/6.
    assert out.at["B", "krugman"] == pytest.approx(abs(1 / 6 - 0.4) + abs(5 / 6 - 0.6))  # 0.46667
    assert out.at["B", "hhi"] == pytest.approx(26 / 36)
    assert out.at["B", "hachman"] == pytest.approx(1 / ((1 / 6) ** 2 / 0.4 + (5 / 6) ** 2 / 0.6))
    assert out.at["A", "total"] == 40 and out.at["A", "sectors"] == 2


def test_krugman_counts_sectors_the_region_lacks():
    # A has only s, B only t (no rows for the others); benchmark shares 0.5 / 0.5.
    out = sp.structure_indices(long([("A", "s", 10.0), ("B", "t", 10.0)])).set_index("region")
    assert out.at["A", "krugman"] == pytest.approx(abs(1 - 0.5) + abs(0 - 0.5))  # 1.0
    assert out.at["A", "hhi"] == 1.0
    assert out.at["A", "entropy"] == 0.0
    assert out.at["A", "hachman"] == pytest.approx(1 / (1 * 2.0))  # 0.5


def test_structure_indices_nan_and_zero_regions():
    frame = pd.concat([TWO_BY_TWO, long([("Z", "s", 0.0), ("Y", "s", np.nan), ("Y", "t", 5.0)])])
    out = sp.structure_indices(frame).set_index("region")
    assert out.loc["Z", ["krugman", "hachman", "hhi", "entropy"]].isna().all()
    assert out.loc["Y", ["krugman", "hachman", "hhi", "entropy"]].isna().all()


# --------------------------------------------------------------------------------------------------
# Growth and shift-share
# --------------------------------------------------------------------------------------------------

# Regions A, B; sectors s, t; three years.
#          2020        2021        2022
#   A s     100         110         130
#   A t      50          45          40
#   B s     200         190         210
#   B t     150         165         170
#   s       300         300         340
#   t       200         210         210
#   all     500         510         550
PANEL = pd.DataFrame(
    {
        "region": ["A", "A", "B", "B"] * 3,
        "sector": ["s", "t"] * 6,
        "year": [2020] * 4 + [2021] * 4 + [2022] * 4,
        "value": [100.0, 50, 200, 150, 110, 45, 190, 165, 130, 40, 210, 170],
    }
)


def cell(frame, region, sector):
    return frame.set_index(["region", "sector"]).loc[(region, sector)]


def test_shift_share_dunn_by_hand():
    out = sp.shift_share(PANEL, start=2020, end=2022)
    assert list(out.columns) == [
        "region",
        "sector",
        "start_value",
        "end_value",
        "national_growth",
        "industry_mix",
        "competitive",
        "change",
    ]
    g, g_s, g_t = 550 / 500 - 1, 340 / 300 - 1, 210 / 200 - 1  # 0.1, 0.1333, 0.05
    a_s = cell(out, "A", "s")
    assert a_s["national_growth"] == pytest.approx(100 * g)  # 10
    assert a_s["industry_mix"] == pytest.approx(100 * (g_s - g))  # 3.333
    assert a_s["competitive"] == pytest.approx(100 * (130 / 100 - 1 - g_s))  # 16.667
    assert a_s["change"] == 30
    a_t = cell(out, "A", "t")
    assert a_t["national_growth"] == pytest.approx(50 * g)  # 5
    assert a_t["industry_mix"] == pytest.approx(50 * (g_t - g))  # −2.5
    assert a_t["competitive"] == pytest.approx(50 * (40 / 50 - 1 - g_t))  # −12.5
    b_t = cell(out, "B", "t")
    assert b_t["competitive"] == pytest.approx(150 * (170 / 150 - 1 - g_t))  # 12.5


def test_shift_share_esteban_marquillas_by_hand():
    out = sp.shift_share(PANEL, start=2020, end=2022, method="esteban-marquillas")
    g_s, g_t = 340 / 300 - 1, 210 / 200 - 1
    # homothetic x̂ = x⁰_r · X⁰_s / X⁰: A total 150, B total 350; s share 0.6, t share 0.4.
    a_s = cell(out, "A", "s")
    assert a_s["competitive"] == pytest.approx(150 * 0.6 * (0.3 - g_s))  # 90 · 0.1667 = 15
    assert a_s["allocation"] == pytest.approx((100 - 90) * (0.3 - g_s))  # 1.667
    a_t = cell(out, "A", "t")
    assert a_t["competitive"] == pytest.approx(60 * (-0.2 - g_t))  # −15
    assert a_t["allocation"] == pytest.approx((50 - 60) * (-0.2 - g_t))  # 2.5
    b_s = cell(out, "B", "s")
    assert b_s["competitive"] == pytest.approx(210 * (0.05 - g_s))  # −17.5
    assert b_s["allocation"] == pytest.approx((200 - 210) * (0.05 - g_s))  # 0.833
    # national growth and industry mix are Dunn's
    assert a_s["national_growth"] == pytest.approx(10)


def test_shift_share_dynamic_sums_the_yearly_decompositions():
    out = sp.shift_share(PANEL, start=2020, end=2022, method="dynamic")
    # step 1: g = 510/500 − 1 = 0.02, g_s = 0, g_t = 0.05;  step 2: g = 40/510, g_s = 40/300, g_t = 0.
    g1, gs1, gt1 = 0.02, 0.0, 0.05
    g2, gs2, gt2 = 40 / 510, 40 / 300, 0.0
    a_s = cell(out, "A", "s")
    assert a_s["national_growth"] == pytest.approx(100 * g1 + 110 * g2)  # 10.627
    assert a_s["industry_mix"] == pytest.approx(100 * (gs1 - g1) + 110 * (gs2 - g2))  # 4.039
    assert a_s["competitive"] == pytest.approx(100 * (0.1 - gs1) + 110 * (20 / 110 - gs2))  # 15.333
    a_t = cell(out, "A", "t")
    assert a_t["national_growth"] == pytest.approx(50 * g1 + 45 * g2)  # 4.529
    assert a_t["industry_mix"] == pytest.approx(50 * (gt1 - g1) + 45 * (gt2 - g2))  # −2.029
    assert a_t["competitive"] == pytest.approx(-7.5 - 5)
    assert a_t["change"] == -10


def test_shift_share_new_sector_and_nan():
    # A: s 10 → 20; B: s 10 → 10, u absent → 5. X 20 → 35, g = 0.75; s 20 → 30, g_s = 0.5.
    frame = pd.DataFrame(
        {
            "region": ["A", "B", "A", "B", "B"],
            "sector": ["s", "s", "s", "s", "u"],
            "year": [1, 1, 2, 2, 2],
            "value": [10.0, 10, 20, 10, 5],
        }
    )
    for method in ("dunn", "esteban-marquillas"):
        out = sp.shift_share(frame, start=1, end=2, method=method)
        b_u = cell(out, "B", "u")
        assert (b_u["national_growth"], b_u["industry_mix"], b_u["competitive"], b_u["change"]) == (0, 0, 5, 5)
        a_s = cell(out, "A", "s")
        assert a_s["national_growth"] == pytest.approx(10 * 0.75)
        assert a_s["industry_mix"] == pytest.approx(10 * (0.5 - 0.75))
    assert cell(sp.shift_share(frame, start=1, end=2, method="esteban-marquillas"), "B", "u")["allocation"] == 0
    # A,t unknown in 2022: left out of both years' totals → s 300→340, t 150→170, all 450→510.
    unknown = PANEL.copy()
    unknown.loc[(unknown["region"] == "A") & (unknown["sector"] == "t") & (unknown["year"] == 2022), "value"] = np.nan
    out = sp.shift_share(unknown, start=2020, end=2022)
    assert cell(out, "A", "t")[["national_growth", "industry_mix", "competitive", "change"]].isna().all()
    a_s = cell(out, "A", "s")
    assert a_s["national_growth"] == pytest.approx(100 * (510 / 450 - 1))
    assert a_s["industry_mix"] == pytest.approx(100 * (340 / 300 - 510 / 450))


def test_shift_share_with_a_benchmark_frame():
    # Russia: s 1000 → 1100 (g_s 0.1), t 1000 → 1300 (0.3), all 2000 → 2400 (g 0.2).
    bench = pd.DataFrame(
        {"sector": ["s", "t", "s", "t"], "year": [2020, 2020, 2022, 2022], "value": [1000.0, 1000, 1100, 1300]}
    )
    a_s = cell(sp.shift_share(PANEL, start=2020, end=2022, benchmark=bench), "A", "s")
    assert a_s["national_growth"] == pytest.approx(20)
    assert a_s["industry_mix"] == pytest.approx(100 * (0.1 - 0.2))
    assert a_s["competitive"] == pytest.approx(100 * (0.3 - 0.1))


def test_shift_share_checks_its_arguments():
    with pytest.raises(ValueError, match="2019"):
        sp.shift_share(PANEL, start=2019, end=2022)
    with pytest.raises(ValueError, match="before"):
        sp.shift_share(PANEL, start=2022, end=2020)
    with pytest.raises(ValueError, match="method"):
        sp.shift_share(PANEL, start=2020, end=2022, method="classic")


@st.composite
def panels(draw):
    n_regions, n_sectors, n_years = draw(st.integers(1, 4)), draw(st.integers(1, 4)), draw(st.integers(2, 4))
    cells = n_regions * n_sectors * n_years
    values = draw(st.lists(st.one_of(st.just(0.0), st.floats(1e-3, 1e6)), min_size=cells, max_size=cells))
    keep = draw(st.lists(st.booleans(), min_size=cells, max_size=cells))
    grid = pd.MultiIndex.from_product(
        [range(2000, 2000 + n_years), [f"r{i}" for i in range(n_regions)], [f"s{j}" for j in range(n_sectors)]],
        names=["year", "region", "sector"],
    )
    frame = pd.DataFrame({"value": values}, index=grid).reset_index()
    frame = frame[np.array(keep) | frame["year"].isin([2000, 1999 + n_years]).to_numpy()]
    return frame, 2000, 1999 + n_years


# Two regions × three sectors, 2020 → 2023, every component written out by hand.
#            2020   2023   g_rs
#   A s        40     50   10/40 = 0.25
#   A t        30     36    6/30 = 0.20
#   A u        10      8   −2/10 = −0.20
#   B s        60     70   10/60 = 0.1667
#   B t        20     19   −1/20 = −0.05
#   B u        40     37   −3/40 = −0.075
#   s         100    120   g_s = 0.2
#   t          50     55   g_t = 0.1
#   u          50     45   g_u = −0.1
#   all       200    220   g = 0.1          region totals 2020: A 80, B 120
TWO_BY_THREE = pd.DataFrame(
    {
        "region": ["A", "A", "A", "B", "B", "B"] * 2,
        "sector": ["s", "t", "u"] * 4,
        "year": [2020] * 6 + [2023] * 6,
        "value": [40.0, 30, 10, 60, 20, 40, 50, 36, 8, 70, 19, 37],
    }
)
# Dunn: national = x⁰·g, mix = x⁰·(g_s − g), competitive = x⁰·(g_rs − g_s)
DUNN_BY_HAND = {  # (national, mix, competitive, change)
    ("A", "s"): (40 * 0.1, 40 * (0.2 - 0.1), 40 * (0.25 - 0.2), 10),  # 4, 4, 2
    ("A", "t"): (30 * 0.1, 30 * (0.1 - 0.1), 30 * (0.2 - 0.1), 6),  # 3, 0, 3
    ("A", "u"): (10 * 0.1, 10 * (-0.1 - 0.1), 10 * (-0.2 + 0.1), -2),  # 1, −2, −1
    ("B", "s"): (60 * 0.1, 60 * (0.2 - 0.1), 10 - 60 * 0.2, 10),  # 6, 6, −2
    ("B", "t"): (20 * 0.1, 20 * (0.1 - 0.1), 20 * (-0.05 - 0.1), -1),  # 2, 0, −3
    ("B", "u"): (40 * 0.1, 40 * (-0.1 - 0.1), 40 * (-0.075 + 0.1), -3),  # 4, −8, 1
}
# Esteban-Marquillas: homothetic x̂ = x⁰_r · X⁰_s / X⁰ with sector shares s 0.5, t 0.25, u 0.25:
# A 80 → x̂ 40, 20, 20; B 120 → 60, 30, 30. competitive = x̂·(g_rs − g_s), allocation = (x⁰ − x̂)·(g_rs − g_s)
EM_BY_HAND = {  # (competitive, allocation)
    ("A", "s"): (40 * 0.05, 0.0),  # 2, 0
    ("A", "t"): (20 * 0.1, (30 - 20) * 0.1),  # 2, 1
    ("A", "u"): (20 * -0.1, (10 - 20) * -0.1),  # −2, 1
    ("B", "s"): (60 * (1 / 6 - 0.2), 0.0),  # −2, 0
    ("B", "t"): (30 * -0.15, (20 - 30) * -0.15),  # −4.5, 1.5
    ("B", "u"): (30 * 0.025, (40 - 30) * 0.025),  # 0.75, 0.25
}


@pytest.mark.parametrize("method", ["dunn", "dynamic"])  # with two years the dynamic sum is one Dunn step
def test_shift_share_two_regions_three_sectors_by_hand(method):
    out = sp.shift_share(TWO_BY_THREE, start=2020, end=2023, method=method)
    assert len(out) == 6
    for (region, sector), (national, mix, competitive, change) in DUNN_BY_HAND.items():
        row = cell(out, region, sector)
        assert row["national_growth"] == pytest.approx(national), (region, sector)
        assert row["industry_mix"] == pytest.approx(mix, abs=1e-12), (region, sector)
        assert row["competitive"] == pytest.approx(competitive), (region, sector)
        assert row["change"] == pytest.approx(change)
    # each sector's competitive effects cancel over the regions (2 − 2, 3 − 3, −1 + 1)
    assert out.groupby("sector")["competitive"].sum().tolist() == pytest.approx([0, 0, 0], abs=1e-12)


def test_shift_share_esteban_marquillas_two_regions_three_sectors_by_hand():
    out = sp.shift_share(TWO_BY_THREE, start=2020, end=2023, method="esteban-marquillas")
    for (region, sector), (competitive, allocation) in EM_BY_HAND.items():
        row = cell(out, region, sector)
        assert row["competitive"] == pytest.approx(competitive, abs=1e-12), (region, sector)
        assert row["allocation"] == pytest.approx(allocation, abs=1e-12), (region, sector)
        assert row["national_growth"] == pytest.approx(DUNN_BY_HAND[(region, sector)][0])
        assert row["industry_mix"] == pytest.approx(DUNN_BY_HAND[(region, sector)][1], abs=1e-12)


def _dunn_step(frame: pd.DataFrame, y0, y1) -> pd.DataFrame:
    """One Dunn step written straight from the formulas with pandas (absent cells are 0; a region new to a
    sector has national and mix effects 0 and its whole change competitive)."""
    wide = frame.pivot_table(index=["region", "sector"], columns="year", values="value", aggfunc="sum").fillna(0.0)
    x0, x1 = wide[y0], wide[y1]
    s0, s1 = x0.groupby(level="sector").sum(), x1.groupby(level="sector").sum()
    g = x1.sum() / x0.sum() - 1 if x0.sum() else np.nan
    g_s = (s1 / s0.where(s0 != 0) - 1).reindex(x0.index.get_level_values("sector")).to_numpy()
    new = x0 == 0
    g_rs = x1 / x0.where(~new) - 1
    return pd.DataFrame(
        {
            "national_growth": np.where(new, 0.0, x0 * g),
            "industry_mix": np.where(new, 0.0, x0 * (g_s - g)),
            "competitive": np.where(new, x1 - x0, x0 * (g_rs - g_s)),
        },
        index=wide.index,
    )


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(panel=panels(), method=st.sampled_from(["dunn", "dynamic"]))
def test_shift_share_equals_the_formulas_applied_directly(panel, method):
    # the competitive effect from its own formula x⁰·(g_rs − g_s), not as the remainder of the change
    frame, start, end = panel
    assume(frame.groupby("year")["value"].sum().gt(0).all())  # a national total of 0 has no growth rate
    years = sorted(frame["year"].unique()) if method == "dynamic" else [start, end]
    steps = [_dunn_step(frame, y0, y1) for y0, y1 in zip(years, years[1:])]
    expected = sum(steps[1:], steps[0])
    out = sp.shift_share(frame, start=start, end=end, method=method).set_index(["region", "sector"])
    parts = ["national_growth", "industry_mix", "competitive"]
    both = out[parts].join(expected.add_suffix("_formula"))
    scale = 1.0 + frame["value"].abs().max()
    for part in parts:
        np.testing.assert_allclose(both[part], both[part + "_formula"], rtol=1e-9, atol=1e-9 * scale)


def test_growth_by_hand():
    out = sp.growth(PANEL, start=2020, end=2022)
    a_s = cell(out, "A", "s")
    assert a_s["cagr"] == pytest.approx(math.sqrt(130 / 100) - 1)  # 0.1402
    assert a_s["benchmark_cagr"] == pytest.approx(math.sqrt(340 / 300) - 1)  # 0.0646
    a_t = cell(out, "A", "t")
    assert a_t["cagr"] == pytest.approx(math.sqrt(40 / 50) - 1)  # −0.1056
    assert a_t["benchmark_cagr"] == pytest.approx(math.sqrt(210 / 200) - 1)
    new = pd.DataFrame({"region": ["A", "A"], "sector": ["s", "s"], "year": [1, 3], "value": [0.0, 5.0]})
    assert np.isnan(sp.growth(new, start=1, end=3)["cagr"]).all()


# --------------------------------------------------------------------------------------------------
# Concentration
# --------------------------------------------------------------------------------------------------


def test_concentration_by_hand():
    firms = pd.DataFrame(
        {
            "inn": ["1", "2", "3", "4", "5", "6", "7", "1"],
            "okved": ["29", "29", "29", "29", "22", "10", "10", "29"],
            "employees": [30.0, 30, 10, 10, 20, 0, np.nan, 20],
        }
    )
    out = sp.concentration(firms, sector="okved", value="employees", firm="inn").set_index("okved")
    # 29: firm 1 = 30 + 20 = 50, then 30, 10, 10 (total 100) → shares .5 .3 .1 .1
    assert out.at["29", "firms"] == 4
    assert out.at["29", "total"] == 100
    assert out.at["29", "hhi"] == pytest.approx(0.25 + 0.09 + 0.01 + 0.01)  # 0.36
    assert out.at["29", "top1_share"] == pytest.approx(0.5)
    assert out.at["29", "top3_share"] == pytest.approx(0.9)
    assert (out.at["22", "hhi"], out.at["22", "top1_share"], out.at["22", "top3_share"]) == (1.0, 1.0, 1.0)
    # 10: one firm with 0, one unknown → no shares
    assert (out.at["10", "firms"], out.at["10", "firms_missing"]) == (1, 1)
    assert np.isnan(out.at["10", "hhi"])


def test_concentration_by_region_and_negative_values():
    firms = pd.DataFrame({"region": ["40", "40", "77"], "sector": ["29", "29", "29"], "value": [1.0, 3.0, 5.0]})
    out = sp.concentration(firms, by="region").set_index("region")
    assert out.at["40", "hhi"] == pytest.approx(0.25**2 + 0.75**2)
    assert out.at["77", "hhi"] == 1.0
    with pytest.raises(ValueError, match="negative"):
        sp.concentration(firms.assign(value=[-1.0, 1, 1]))


# --------------------------------------------------------------------------------------------------
# Strong clusters and quadrants
# --------------------------------------------------------------------------------------------------


def cluster_panel():
    # Every region employs 100 people in 2023: s = 80, 60, 40, 20, 0 and t = the rest.
    # s total 200, t 300, all 500 → LQ_s = (s/100)/0.4: 2.0, 1.5, 1.0, 0.5, 0; LQ_t = (t/100)/0.6.
    # 2020: every region 50/50 except R2 90/10: s 290, t 210 → LQ_s = 0.5/0.58, R2 0.9/0.58; LQ_t = 0.5/0.42, R2 0.1/0.42.
    regions = ["R1", "R2", "R3", "R4", "R5"]
    s23, s20 = [80, 60, 40, 20, 0], [50, 90, 50, 50, 50]
    est_s, est_t = [10, 8, 5, 2, 0], [1, 2, 3, 4, 5]
    rows = []
    for year, s_values in ((2020, s20), (2023, s23)):
        for r, s, es, et in zip(regions, s_values, est_s, est_t):
            rows += [(year, r, "s", float(s), es), (year, r, "t", float(100 - s), et)]
    return pd.DataFrame(rows, columns=["year", "region", "sector", "employees", "establishments"])


def test_strong_clusters_us_cluster_mapping_rule():
    out = sp.strong_clusters(cluster_panel(), year="year")
    s = out[out["sector"] == "s"].set_index("region")
    # active regions R1–R4 (R5 employs 0): LQ 0.5, 1.0, 1.5, 2.0 → p75 at position 2.25 = 1.5 + 0.25·0.5
    assert s["lq_threshold"].iloc[0] == pytest.approx(1.625)
    assert s["employment_threshold"].iloc[0] == pytest.approx(20 + 0.75 * 20)  # 35
    assert s["establishments_threshold"].iloc[0] == pytest.approx(2 + 0.75 * 3)  # 4.25
    assert s["strong"].to_dict() == {"R1": True, "R2": False, "R3": False, "R4": False, "R5": False}
    t = out[out["sector"] == "t"].set_index("region")
    # LQ_t 1/3, 2/3, 1, 4/3, 5/3 → p75 = 4/3 (position 3 exactly: R4 passes with ≥); emp p25 = 40; est p25 = 2
    assert t["strong"].to_dict() == {"R1": False, "R2": False, "R3": False, "R4": True, "R5": True}
    strict = sp.strong_clusters(cluster_panel(), year="year", strict=True)
    # p90 of s: position 2.7 → 1.5 + 0.7·0.5 = 1.85
    assert strict.loc[strict["sector"] == "s", "lq_threshold"].iloc[0] == pytest.approx(1.85)


def test_strong_clusters_quadrants():
    out = sp.strong_clusters(cluster_panel(), year="year").set_index(["region", "sector"])
    # LQ 2023 vs 2020 (see cluster_panel)
    assert out.at[("R1", "s"), "lq_change"] == pytest.approx(2.0 - 0.5 / 0.58)
    expected = {
        ("R1", "s"): "Star",  # 2.0, rising
        ("R2", "s"): "Mature",  # 1.5 from 1.55
        ("R3", "s"): "Star",  # 1.0 from 0.86
        ("R4", "s"): "Transforming",  # 0.5 from 0.86
        ("R2", "t"): "Emerging",  # 0.67 from 0.24
        ("R3", "t"): "Mature",  # 1.0 from 1.19
        ("R1", "t"): "Transforming",  # 0.33 from 1.19
        ("R5", "t"): "Star",  # 1.67 from 1.19
    }
    assert {k: out.at[k, "quadrant"] for k in expected} == expected
    assert set(out["quadrant"]) <= set(sp.QUADRANTS)


def test_strong_clusters_without_years_or_establishments():
    one_year = cluster_panel().query("year == 2023").drop(columns=["year", "establishments"])
    out = sp.strong_clusters(one_year, establishments=None)
    assert "establishments_threshold" not in out.columns
    assert out["quadrant"].isna().all()
    assert out.loc[out["strong"], ["region", "sector"]].values.tolist() == [["R1", "s"], ["R4", "t"], ["R5", "t"]]


def test_the_library_imports_neither_streamlit_nor_dev_dependencies():
    code = (
        "import sys, analytics.metrics.specialization, analytics.metrics.complexity, analytics.metrics.robustness; "
        "print(sorted(m for m in ('streamlit', 'ecomplexity', 'sklearn') if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=__file__.rsplit("/tests/", 1)[0]
    )
    assert out.stdout.strip() == "[]"
