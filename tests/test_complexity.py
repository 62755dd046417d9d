"""Relatedness and complexity: proximity, density, ECI/PCI, COI/COG, opportunities, robustness.

The hand example's numbers are worked out in the comments; the oracle test compares with the PyPI
``ecomplexity`` 0.5.3 package (a dev dependency, imported only here and in bench/).
"""

import math
import warnings

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from analytics.metrics import complexity as cx
from analytics.metrics import robustness as rb
from analytics.metrics.specialization import DataWarning

# Three regions, three sectors.       a    b    c   total
#   R1                               10   10    0    20
#   R2                               10    0    0    10
#   R3                                0   10   10    20
#   total                            20   20   10    50   → shares a 0.4, b 0.4, c 0.2
# RCA: R1 a (10/20)/0.4 = 1.25, b 1.25, c 0;  R2 a 1/0.4 = 2.5;  R3 b 1.25, c 0.5/0.2 = 2.5.
# M = [[1,1,0],[1,0,0],[0,1,1]]; diversity (2,1,2); ubiquity a 2, b 2, c 1.
# Co-occurrence: a·b = 1 (R1), b·c = 1 (R3), a·c = 0 → φ_ab = 1/max(2,2) = .5, φ_bc = 1/max(2,1) = .5, φ_ac = 0.
HAND = pd.DataFrame(
    {
        "region": ["R1", "R1", "R2", "R3", "R3"],
        "sector": ["a", "b", "a", "b", "c"],
        "value": [10.0, 10, 10, 10, 10],
    }
)

# M̃ = (M/k_s)ᵀ(M/k_r) = [[.75,.25,0],[.25,.5,.25],[0,.5,.5]]; trace 1.75, det .0625 → besides 1,
# λ² − .75λ + .0625 = 0 → λ2 = (3 + √5)/8. Its eigenvector: v_b = −4(.75 − λ2)v_a, v_c = −.5 v_b/(.5 − λ2)
# → (1, −(3 − √5)/2, −(√5 − 1)). k_r = (M/k_r)·k_s = ((√5−1)/4, 1, −(√5+1)/4): R2 (the least diverse)
# would have the highest value, so the sign flips:
SQRT5 = math.sqrt(5)
KP = np.array([-1.0, (3 - SQRT5) / 2, SQRT5 - 1])  # a, b, c
KC = np.array([-(SQRT5 - 1) / 4, -1.0, (SQRT5 + 1) / 4])  # R1, R2, R3
KC_MEAN = -1 / 6  # Σ = −2/4 → mean −1/6
SS = 5 / 3  # Σ (k_r − mean)² = Σ k_r² − 3·mean² = 1.75 − 1/12
SD_NUMPY = math.sqrt(SS / 3)  # ddof 0 over regions = √5/3
SD_STATA = math.sqrt(3 * SS / (9 - 1))  # long table: 9 rows, ddof 1 = √(5/8)


def at(frame, region, sector, column):
    return frame.set_index(["region", "sector"]).at[(region, sector), column]


def test_hand_example_rca_presence_and_counts():
    out = cx.economic_complexity(HAND)
    assert list(out.columns) == [
        "region",
        "sector",
        "value",
        "rca",
        "m",
        "diversity",
        "ubiquity",
        "density",
        "eci",
        "pci",
        "coi",
        "cog",
    ]
    assert len(out) == 9  # rectangular: absent cells are 0
    assert at(out, "R1", "a", "rca") == pytest.approx(1.25)
    assert at(out, "R3", "c", "rca") == pytest.approx(2.5)
    assert at(out, "R2", "b", "rca") == 0
    m = out.pivot(index="region", columns="sector", values="m")
    assert m.to_numpy().tolist() == [[1, 1, 0], [1, 0, 0], [0, 1, 1]]
    assert out.groupby("region")["diversity"].first().tolist() == [2, 1, 2]
    assert out.groupby("sector")["ubiquity"].first().tolist() == [2, 2, 1]


def test_hand_example_proximity_both_diagonals():
    phi = cx.proximity(HAND).set_index(["sector_1", "sector_2"])["proximity"]
    assert list(phi.index.names) == ["sector_1", "sector_2"]
    assert len(phi) == 9
    assert phi[("a", "b")] == 0.5 and phi[("b", "a")] == 0.5
    assert phi[("b", "c")] == 0.5 and phi[("a", "c")] == 0.0
    assert phi[("a", "a")] == 0.0
    assert cx.proximity(HAND, diagonal=1).set_index(["sector_1", "sector_2"]).at[("c", "c"), "proximity"] == 1.0


def test_hand_example_density():
    # Diagonal 0: column sums of φ a .5, b 1, c .5.
    out = cx.economic_complexity(HAND)
    assert at(out, "R1", "c", "density") == pytest.approx((0 + 0.5) / 0.5)  # M_a φ_ac + M_b φ_bc = 1.0
    assert at(out, "R1", "b", "density") == pytest.approx(0.5 / 1)  # φ_ab
    assert at(out, "R2", "b", "density") == pytest.approx(0.5)  # φ_ab
    assert at(out, "R2", "c", "density") == 0.0
    assert at(out, "R3", "a", "density") == pytest.approx(0.5 / 0.5)  # φ_ba
    # Diagonal 1: column sums a 1.5, b 2, c 1.5.
    one = cx.economic_complexity(HAND, diagonal=1)
    assert at(one, "R1", "b", "density") == pytest.approx((0.5 + 1) / 2)  # .75
    assert at(one, "R1", "c", "density") == pytest.approx(0.5 / 1.5)


@pytest.mark.parametrize("sd, spread", [("numpy", SD_NUMPY), ("stata", SD_STATA)])
def test_hand_example_eci_and_pci(sd, spread):
    out = cx.economic_complexity(HAND, sd=sd)
    eci = out.groupby("region")["eci"].first().to_numpy()
    pci = out.groupby("sector")["pci"].first().to_numpy()
    np.testing.assert_allclose(eci, (KC - KC_MEAN) / spread, rtol=1e-12)
    np.testing.assert_allclose(pci, (KP - KC_MEAN) / spread, rtol=1e-12)
    # ECI is the mean PCI of the region's M = 1 sectors
    assert eci[0] == pytest.approx((pci[0] + pci[1]) / 2)
    assert eci[2] == pytest.approx((pci[1] + pci[2]) / 2)


def test_hand_example_coi_and_cog():
    out = cx.economic_complexity(HAND, sd="numpy")
    # COI raw = Σ_s density·(1 − M)·k_s: R1 1.0·k_c; R2 .5·k_b + 0·k_c; R3 1.0·k_a
    raw = np.array([KP[2], 0.5 * KP[1], KP[0]])
    expected = (raw - raw.mean()) / raw.std()
    np.testing.assert_allclose(out.groupby("region")["coi"].first().to_numpy(), expected, rtol=1e-12)
    # COG raw_rs = (1 − M_rs) Σ_t (1 − M_rt) φ_ts k_t / Σ_u φ_tu, row sums of φ a .5, b 1, c .5:
    # R1 lacks only c: W_c· = φ_c· k_c/.5 = (0, .5·2k_c, 0) → at c: 0.  R3 lacks only a: at a φ_aa = 0 → 0.
    # R2 lacks b and c: at b: φ_cb k_c/.5 = k_c; at c: φ_bc k_b/1 = .5 k_b.
    assert at(out, "R1", "c", "cog") == 0
    assert at(out, "R3", "a", "cog") == 0
    assert at(out, "R2", "b", "cog") == pytest.approx(KP[2] / SD_NUMPY)
    assert at(out, "R2", "c", "cog") == pytest.approx(0.5 * KP[1] / SD_NUMPY)
    assert at(out, "R1", "a", "cog") == 0  # present sectors have no gain


def test_continuous_presence():
    out = cx.economic_complexity(HAND, presence="continuous")
    assert at(out, "R1", "a", "m") == pytest.approx(1.25 / 2.25)
    assert at(out, "R3", "c", "m") == pytest.approx(2.5 / 3.5)
    assert at(out, "R1", "a", "diversity") == pytest.approx(1.25 / 2.25 * 2)  # a and b, c is 0
    assert out["eci"].notna().all()


@pytest.mark.filterwarnings("ignore::analytics.metrics._panel.DataWarning")
def test_threshold_is_greater_or_equal():
    # RCA of R1 in a and b is 1.25 exactly: present at threshold 1.25, absent above
    assert at(cx.economic_complexity(HAND, threshold=1.25), "R1", "a", "m") == 1
    assert at(cx.economic_complexity(HAND, threshold=1.26), "R1", "a", "m") == 0


def test_zero_totals_are_dropped_with_a_warning():
    extra = pd.DataFrame({"region": ["Z", "R1"], "sector": ["a", "d"], "value": [0.0, 0.0]})
    with pytest.warns(DataWarning) as caught:
        out = cx.economic_complexity(pd.concat([HAND, extra]))
    messages = " ".join(str(w.message) for w in caught)
    assert "['Z']" in messages and "['d']" in messages
    assert set(out["region"]) == {"R1", "R2", "R3"} and set(out["sector"]) == {"a", "b", "c"}
    pd.testing.assert_frame_equal(out, cx.economic_complexity(HAND))


def test_nan_counts_as_zero_with_a_warning_and_negatives_are_errors():
    with pytest.warns(DataWarning, match="NaN"):
        out = cx.economic_complexity(
            pd.concat([HAND, pd.DataFrame({"region": ["R2"], "sector": ["c"], "value": [np.nan]})])
        )
    pd.testing.assert_frame_equal(out, cx.economic_complexity(HAND))
    with pytest.raises(ValueError, match="negative"):
        cx.economic_complexity(HAND.assign(value=-HAND["value"]))


def test_by_year_equals_separate_cross_sections():
    # R1 a 10, b 30; R2 a 10; R3 b 40, c 20: the same M as HAND (R1 b (30/40)/(70/110) = 1.18 …)
    later = HAND.assign(value=[10.0, 30, 10, 40, 20])
    both = pd.concat([HAND.assign(year=2022), later.assign(year=2023)])
    out = cx.economic_complexity(both, by="year")
    assert list(out.columns[:3]) == ["year", "region", "sector"]
    got = out[out["year"] == 2023].drop(columns="year").reset_index(drop=True)
    pd.testing.assert_frame_equal(got, cx.economic_complexity(later))
    prox = cx.proximity(both, by="year")
    assert prox.groupby("year").size().tolist() == [9, 9]


def test_disconnected_network_warns():
    # Two islands: R1–a, R2–b. λ2 = 1, the second eigenvector is not unique.
    islands = pd.DataFrame({"region": ["R1", "R2", "R3"], "sector": ["a", "b", "a"], "value": [1.0, 1, 1]})
    with pytest.warns(DataWarning, match="disconnected"):
        cx.economic_complexity(islands)


# --------------------------------------------------------------------------------------------------
# Oracle: the PyPI ecomplexity package, in its convention
# --------------------------------------------------------------------------------------------------


def random_table(seed, n_regions, n_sectors, zero_share=0.4):
    rng = np.random.default_rng(seed)
    size = rng.lognormal(0, 1, n_regions)[:, None] * rng.lognormal(0, 1.5, n_sectors)[None, :]
    values = size * rng.lognormal(3, 1, (n_regions, n_sectors)) * (rng.random((n_regions, n_sectors)) > zero_share)
    return pd.DataFrame(
        {
            "year": 2023,
            "region": np.repeat([f"{i:02d}" for i in range(1, n_regions + 1)], n_sectors),
            "sector": np.tile([f"{j // 10 + 10}.{j % 10}" for j in range(n_sectors)], n_regions),
            "value": values.ravel(),
        }
    )


def run_ecomplexity(df):
    from ecomplexity import ecomplexity

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return ecomplexity(
            df,
            {"time": "year", "loc": "region", "prod": "sector", "val": "value"},
            check_logsupermodularity=False,
            verbose=False,
        )


@pytest.mark.parametrize(
    "seed, n_regions, n_sectors", [(0, 8, 12), (1, 20, 35), (2, 85, 60), (3, 40, 15), (4, 12, 90), (5, 30, 30)]
)
def test_matches_pypi_ecomplexity(seed, n_regions, n_sectors):
    df = random_table(seed, n_regions, n_sectors)
    ref = run_ecomplexity(df).dropna(subset=["eci"])
    ours = cx.economic_complexity(df, diagonal=1, sd="numpy")
    assert len(ours) == len(ref)
    both = ours.merge(ref, on=["region", "sector"], suffixes=("", "_ref"), validate="one_to_one")
    assert len(both) == len(ours)
    for mine, theirs in [
        ("rca", "rca_ref"),
        ("m", "mcp"),
        ("diversity", "diversity_ref"),
        ("ubiquity", "ubiquity_ref"),
        ("density", "density_ref"),
        ("eci", "eci_ref"),
        ("pci", "pci_ref"),
        ("coi", "coi_ref"),
        ("cog", "cog_ref"),
    ]:
        np.testing.assert_allclose(
            both[mine].to_numpy(float), both[theirs].to_numpy(float), rtol=0, atol=1e-9, err_msg=mine
        )


def test_matches_pypi_ecomplexity_with_empty_regions_and_sectors():
    df = random_table(7, 15, 20)
    empty = df["region"].eq("03") | df["sector"].eq("10.4")
    df.loc[empty, "value"] = 0.0
    ref = run_ecomplexity(df).dropna(subset=["eci"])
    with pytest.warns(DataWarning, match="zero total"):
        ours = cx.economic_complexity(df, diagonal=1, sd="numpy")
    assert "03" not in set(ours["region"]) and "10.4" not in set(ours["sector"])
    both = ours.merge(ref, on=["region", "sector"], suffixes=("", "_ref"))
    assert len(both) == len(ours) == len(ref)
    for column in ("eci", "pci", "density", "cog", "coi"):
        np.testing.assert_allclose(both[column], both[f"{column}_ref"], rtol=0, atol=1e-9)


def test_proximity_matches_pypi_ecomplexity():
    from ecomplexity import proximity as reference_proximity

    df = random_table(11, 25, 18)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ref = reference_proximity(df, {"time": "year", "loc": "region", "prod": "sector", "val": "value"})
    ours = cx.proximity(df, diagonal=1)
    both = ours.merge(ref, on=["sector_1", "sector_2"], suffixes=("", "_ref"))
    assert len(both) == len(ours) == len(ref)
    np.testing.assert_allclose(both["proximity"], both["proximity_ref"], rtol=0, atol=1e-12)


# --------------------------------------------------------------------------------------------------
# Properties
# --------------------------------------------------------------------------------------------------


@st.composite
def tables(draw):
    n_regions, n_sectors = draw(st.integers(2, 7)), draw(st.integers(2, 7))
    values = draw(
        st.lists(
            st.one_of(st.just(0.0), st.floats(1e-3, 1e6)),
            min_size=n_regions * n_sectors,
            max_size=n_regions * n_sectors,
        )
    )
    return pd.DataFrame(
        {
            "region": np.repeat([f"r{i}" for i in range(n_regions)], n_sectors),
            "sector": np.tile([f"s{j}" for j in range(n_sectors)], n_regions),
            "value": values,
        }
    )


# Four regions, three sectors, counted by hand.   a    b    c   total
#   R1                                          10   10    0    20
#   R2                                          10   10    0    20
#   R3                                          10    0   10    20
#   R4                                           0    0   20    20
#   total                                       30   20   30    80  → shares a .375, b .25, c .375
# RCA: R1 and R2 a (10/20)/.375 = 1.33, b .5/.25 = 2; R3 a 1.33, c 1.33; R4 c 1/.375 = 2.67 → presence
# R1 {a, b}, R2 {a, b}, R3 {a, c}, R4 {c}; ubiquity a 3, b 2, c 2.
# Regions with both: a & b 2 (R1, R2) → φ_ab = 2 / max(3, 2) = 2/3 (P(b|a) = 2/3, P(a|b) = 1: the minimum);
# a & c 1 (R3) → φ_ac = 1/3; b & c none → 0.
FOUR_BY_THREE = pd.DataFrame(
    {
        "region": np.repeat(["R1", "R2", "R3", "R4"], 3),
        "sector": ["a", "b", "c"] * 4,
        "value": [10.0, 10, 0, 10, 10, 0, 10, 0, 10, 0, 0, 20],
    }
)


def test_proximity_is_the_hand_count_of_regions_with_both_sectors():
    phi = cx.proximity(FOUR_BY_THREE).set_index(["sector_1", "sector_2"])["proximity"]
    assert phi[("a", "b")] == pytest.approx(2 / 3) and phi[("b", "a")] == pytest.approx(2 / 3)
    assert phi[("a", "c")] == pytest.approx(1 / 3) and phi[("c", "a")] == pytest.approx(1 / 3)
    assert phi[("b", "c")] == 0 and phi[("c", "b")] == 0
    assert phi[("a", "a")] == phi[("b", "b")] == phi[("c", "c")] == 0
    # at RCA ≥ 1.5 only R1, R2 in b and R4 in c remain: no region has two sectors, every φ is 0
    assert (cx.proximity(FOUR_BY_THREE, threshold=1.5)["proximity"] == 0).all()


def _proximity_by_brute_force(table: pd.DataFrame, *, diagonal: float, presence: str, threshold: float) -> dict:
    """φ_st = Σ_r M_rs·M_rt / max(Σ_r M_rs, Σ_r M_rt) with plain loops over regions and sectors
    (RCA = (x_rs / x_r) / (x_s / x); binary M = [RCA ≥ threshold], continuous M = RCA / (1 + RCA)); regions and
    sectors with a zero total are left out, as the measures document."""
    x = {(r, s): v for r, s, v in table[["region", "sector", "value"]].itertuples(index=False)}
    regions, sectors = sorted(set(table["region"])), sorted(set(table["sector"]))
    regions = [r for r in regions if sum(x[(r, s)] for s in sectors) > 0]
    sectors = [s for s in sectors if sum(x[(r, s)] for r in regions) > 0]
    total = sum(x[(r, s)] for r in regions for s in sectors)
    by_region = {r: sum(x[(r, s)] for s in sectors) for r in regions}
    by_sector = {s: sum(x[(r, s)] for r in regions) for s in sectors}
    m = {}
    for r in regions:
        for s in sectors:
            rca = (x[(r, s)] / by_region[r]) / (by_sector[s] / total) if by_region[r] and by_sector[s] else 0.0
            # an RCA within rounding of the threshold could fall either side in the code's arithmetic
            assume(presence != "binary" or abs(rca - threshold) > 1e-9)
            m[(r, s)] = float(rca >= threshold) if presence == "binary" else rca / (1 + rca)
    ubiquity = {s: sum(m[(r, s)] for r in regions) for s in sectors}
    out = {}
    for s in sectors:
        for t in sectors:
            both = sum(m[(r, s)] * m[(r, t)] for r in regions)
            bigger = max(ubiquity[s], ubiquity[t])
            out[(s, t)] = diagonal if s == t else (both / bigger if bigger else 0.0)
    return out


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    table=tables(),
    diagonal=st.sampled_from([0, 1]),
    presence=st.sampled_from(["binary", "continuous"]),
    threshold=st.sampled_from([0.8, 1.0, 1.25]),
)
def test_proximity_equals_a_brute_force_count_and_density_lies_in_0_1(table, diagonal, presence, threshold):
    if table["value"].sum() == 0:
        return
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DataWarning)
        prox = cx.proximity(table, diagonal=diagonal, presence=presence, threshold=threshold)
        full = cx.economic_complexity(table, diagonal=diagonal, presence=presence, threshold=threshold)
    expected = _proximity_by_brute_force(table, diagonal=diagonal, presence=presence, threshold=threshold)
    got = {(a, b): v for a, b, v in prox[["sector_1", "sector_2", "proximity"]].itertuples(index=False)}
    assert got.keys() == expected.keys()
    for pair, value in expected.items():
        assert got[pair] == pytest.approx(value, rel=1e-9, abs=1e-12), pair
    density = full["density"].dropna().to_numpy()
    assert ((density >= 0) & (density <= 1 + 1e-12)).all()


# --------------------------------------------------------------------------------------------------
# Opportunities
# --------------------------------------------------------------------------------------------------


def test_opportunities_by_hand():
    # Candidates (RCA < 1): R1 {c}, R2 {b, c}, R3 {a}. For R2, b beats c on density (.5 vs 0) and on
    # COG (k_c vs .5·k_b, both positive) but not on PCI: with two candidates every z is ±1, so
    # balanced b = .5·1 + .15·(−1) + .35·1 = .7 and c = −.7. A lone candidate scores 0.
    out = cx.opportunities(HAND)
    r2 = out[out["region"] == "R2"].set_index("sector")
    assert r2.at["b", "score"] == pytest.approx(0.7)
    assert r2.at["c", "score"] == pytest.approx(-0.7)
    assert r2["rank"].to_dict() == {"b": 1, "c": 2}
    assert r2.at["b", "distance"] == pytest.approx(0.5)
    r1 = out[out["region"] == "R1"]
    assert r1["sector"].tolist() == ["c"] and r1["score"].tolist() == [0.0]
    jump = cx.opportunities(HAND, focus="R2", weights="long_jump").set_index("sector")
    assert set(jump.index) == {"b", "c"}
    assert jump.at["b", "score"] == pytest.approx(0.45 - 0.20 + 0.35)


def test_opportunity_presets():
    assert cx.OPPORTUNITY_PRESETS == {
        "low_hanging_fruit": (0.60, 0.15, 0.25),
        "balanced": (0.50, 0.15, 0.35),
        "long_jump": (0.45, 0.20, 0.35),
    }
    with pytest.raises(ValueError, match="preset"):
        cx.opportunities(HAND, weights="moonshot")


# --------------------------------------------------------------------------------------------------
# Robustness
# --------------------------------------------------------------------------------------------------

# Focus R1. Employees: R1 a 30, b 20, c 10; R2 the reverse. Every region 60 and every sector 40 →
# shares 1/3 → RCA_R1 = a 1.5, b 1.0, c 0.5 (a > b > c). Revenue swaps the two regions, so the
# revenue ranking of R1 is c > b > a: Kendall τ = −1.
ROBUST = pd.DataFrame(
    {
        "region": ["R1"] * 3 + ["R2"] * 3,
        "sector": ["a", "b", "c"] * 2,
        "employees": [30.0, 20, 10, 10, 20, 30],
        "revenue": [10.0, 20, 30, 30, 20, 10],
    }
)


# At RCA ≥ 1.25 the two regions share no sector: the (expected) "disconnected" warning is not the point here.
@pytest.mark.filterwarnings("ignore::analytics.metrics._panel.DataWarning")
def test_robustness_of_an_rca_ranking_that_does_not_depend_on_the_threshold():
    result = rb.robustness(ROBUST, ranking="rca", focus="R1", value="employees", top_k=1)
    # 3 thresholds + continuous = 4 variants, all with the same RCA → τ = 1 everywhere
    assert result.summary.variants == 4
    assert result.summary.mean_tau == pytest.approx(1.0)
    assert result.summary.robust_top_k == ("a",)
    assert not result.summary.picture_changes
    assert result.table["sector"].tolist() == ["a", "b", "c"]
    assert result.table["in_top_k"].tolist() == [4, 0, 0]


@pytest.mark.filterwarnings("ignore::analytics.metrics._panel.DataWarning")
def test_robustness_sees_a_measure_that_reverses_the_picture():
    result = rb.robustness(ROBUST, ranking="rca", focus="R1", value="employees", measures=["revenue"], top_k=1)
    s = result.summary
    # 8 variants: 4 employees (τ = 1, the default among them) + 4 revenue (τ = −1) → mean of the
    # 7 others (3·1 + 4·(−1))/7; a is top in 4 of 8 < 75 %.
    assert s.variants == 8
    assert s.mean_tau == pytest.approx(-1 / 7)
    assert s.min_tau == pytest.approx(-1.0)
    assert s.picture_changes and s.robust_top_k == ()
    table = result.table.set_index("sector")
    assert table.at["a", "in_top_k"] == 4 and table.at["c", "in_top_k"] == 4
    assert table.at["a", "share_in_top_k"] == 0.5
    variants = result.variants
    assert variants.iloc[0]["variant"] == "employees · russia · RCA ≥ 1"
    assert set(variants.loc[variants["measure"] == "revenue", "top_k_overlap"]) == {0}


def test_robustness_with_districts_and_other_rankings():
    df = random_table(3, 16, 20).drop(columns="year")
    districts = {r: ("north" if int(r) % 2 else "south") for r in df["region"].unique()}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DataWarning)
        for ranking, focus in (("eci", None), ("pci", None), ("opportunity", "01"), ("density", "01")):
            result = rb.robustness(df, ranking=ranking, focus=focus, districts=districts)
            assert result.summary.variants == 2 * 4  # Russia / district × (3 thresholds + continuous)
            taus = result.variants["kendall_tau"].dropna()
            assert ((taus >= -1) & (taus <= 1)).all() and result.variants["kendall_tau"].iloc[0] == pytest.approx(1)
        custom = rb.robustness(df, ranking=lambda t: t.groupby("region")["diversity"].first(), presences=["binary"])
    assert custom.summary.variants == 3
    assert custom.table["region"].nunique() == 16
    with pytest.raises(ValueError, match="focus"):
        rb.robustness(df, ranking="rca")


# --- plausibility of ECI/PCI on a coarse product space (issue 11, item 9) ---------------------------------


def _codes(n: int) -> list[str]:
    return [f"S{i:03d}" for i in range(n)]


@pytest.mark.parametrize("n, noted", [(49, True), (50, False), (51, False)])
def test_fewer_than_fifty_sectors_get_a_note(n, noted):
    # "fewer than ~50 sectors": 49 is fewer, 50 is not; two sections so only the count matters
    sections = ["C"] * (n - 1) + ["J"]
    notes = cx.complexity_plausibility(_codes(n), sections)
    assert [note.code for note in notes] == (["few_sectors"] if noted else [])
    if noted:
        assert notes[0].params == {"sectors": 49, "minimum": 50}
    assert cx.PLAUSIBILITY_MIN_SECTORS == 50


def test_a_single_okved_section_gets_a_note():
    notes = cx.complexity_plausibility(_codes(60), ["C"] * 60)
    assert [(n.code, n.params) for n in notes] == [("single_section", {"section": "C"})]
    # unknown sections do not make a second section, nor do they hide the single one
    assert [n.code for n in cx.complexity_plausibility(_codes(60), ["C"] * 59 + [None])] == ["single_section"]
    assert cx.complexity_plausibility(_codes(60), ["C"] * 30 + ["B"] * 30) == ()


def test_the_manufacturing_divisions_get_both_notes():
    # the Sectors page's default: the 24 divisions 10–33 of section C, counted once each however many rows
    divisions = [str(d) for d in range(10, 34)] * 3
    notes = cx.complexity_plausibility(divisions, ["C"] * len(divisions))
    assert [n.code for n in notes] == ["few_sectors", "single_section"]
    assert notes[0].params["sectors"] == 24


def test_the_service_reads_sections_from_the_okved_divisions():
    from analytics.services import sector_portfolio as sp

    panel = pd.DataFrame(
        {"sector": ["29.10", "29.10", "29*", "10.11", "62.01"], "residual": [False, False, True, False, False]}
    )
    notes = sp.complexity_notes(panel)
    # three real sectors (the residual left out), sections C and J: only the count is a concern
    assert [(n.code, n.params) for n in notes] == [("few_sectors", {"sectors": 3, "minimum": 50})]
    only_c = sp.complexity_notes(panel[panel["sector"] != "62.01"])
    assert [n.code for n in only_c] == ["few_sectors", "single_section"]
