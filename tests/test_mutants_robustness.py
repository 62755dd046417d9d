"""Tests that kill mutants `make mutation` found alive in analytics/metrics/robustness.py (docs/mutation.md).

The scripted-ranking tests feed the function one known score vector per variant (the variants come in
the documented order: the default first, then measure × benchmark × presence × threshold), so every
count, share and Kendall τ below is worked out by hand from the definitions in the module docstring.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from analytics.metrics import robustness as rb

pytestmark = pytest.mark.filterwarnings("ignore::analytics.metrics._panel.DataWarning")

# Three regions, three sectors (the hand example of tests/test_complexity.py):
#   R1: a 10, b 10;  R2: a 10;  R3: b 10, c 10  → RCA R1 a 1.25, b 1.25; R2 a 2.5; R3 b 1.25, c 2.5.
HAND = pd.DataFrame(
    {"region": ["R1", "R1", "R2", "R3", "R3"], "sector": ["a", "b", "a", "b", "c"], "value": [10.0, 10, 10, 10, 10]}
)


def _scripted(*scores: dict[str, float]):
    """A ranking callable returning the given scores, one dict per variant in grid order."""
    it = iter(scores)

    def rank(table: pd.DataFrame) -> pd.Series:
        return pd.Series(next(it), dtype="float64").rename_axis("sector")

    return rank


# Four variants (default RCA ≥ 1, then RCA ≥ 0.8, RCA ≥ 1.25, continuous):
V0 = {"a": 4, "b": 3, "c": 2, "d": 1}
V1 = {"a": 4, "b": 3, "c": 2, "d": np.nan}  # d not scored
V2 = {"b": 4, "a": 3, "d": 2, "c": 1}
V3 = {"d": 4, "c": 3, "b": 2, "a": 1}  # the default reversed


def _four(**kwargs):
    return rb.robustness(HAND, ranking=_scripted(V0, V1, V2, V3), top_k=2, **kwargs)


def test_variant_grid_in_documented_order():
    grid = rb._variants(["v", "w"], ["russia", "district"], (0.8, 1.0), ("binary", "continuous"))
    labels = [g.label for g in grid]
    assert labels[:4] == [
        "v · russia · RCA ≥ 1",
        "v · russia · RCA ≥ 0.8",
        "v · russia · continuous",
        "v · district · RCA ≥ 0.8",
    ]
    # 2 measures × 2 benchmarks × (2 thresholds + continuous) = 12, the default among them once
    assert len(grid) == 12 and len(set(grid)) == 12
    assert grid[-1] == rb._Variant("w", "district", "continuous", 1.0)
    assert rb._Variant("v", "russia", "binary", 1.25).label == "v · russia · RCA ≥ 1.25"


def test_top_breaks_ties_by_item_and_drops_missing():
    scores = pd.Series({"b": 2.0, "a": 2.0, "c": 3.0, "d": np.nan})
    assert list(rb._top(scores, 2)) == ["c", "a"]
    assert list(rb._top(scores, 10)) == ["c", "a", "b"]


def test_kendall_by_hand():
    a = pd.Series({"x": 1.0, "y": 2.0, "z": 3.0})
    assert rb._kendall(a, a) == pytest.approx(1.0)
    assert rb._kendall(a, -a) == pytest.approx(-1.0)
    # only x, y in common after dropping NaN: the same order → 1
    assert rb._kendall(a, pd.Series({"x": 5.0, "y": 6.0, "z": np.nan, "w": 0.0})) == pytest.approx(1.0)
    assert math.isnan(rb._kendall(a, pd.Series({"x": 1.0, "w": 2.0})))  # one item in common
    # order x < y < z against y < x < z: pairs (x,y) discordant, (x,z), (y,z) concordant → (2 − 1)/3
    assert rb._kendall(a, pd.Series({"x": 2.0, "y": 1.0, "z": 3.0})) == pytest.approx(1 / 3)


def test_scripted_variants_counts_shares_and_taus():
    result = _four(stable_share=0.5)
    v = result.variants
    assert v["variant"].tolist() == [
        "value · russia · RCA ≥ 1",
        "value · russia · RCA ≥ 0.8",
        "value · russia · RCA ≥ 1.25",
        "value · russia · continuous",
    ]
    assert v["measure"].tolist() == ["value"] * 4 and v["benchmark"].tolist() == ["russia"] * 4
    assert v["presence"].tolist() == ["binary", "binary", "binary", "continuous"]
    assert v["threshold"].tolist()[:3] == [1.0, 0.8, 1.25] and math.isnan(v["threshold"].iloc[3])
    # τ: V1 agrees on a, b, c → 1; V2 against V0 over 4 items: (a,b) and (c,d) discordant, 4 concordant
    # → (4 − 2)/6 = 1/3; V3 reversed → −1
    assert v["kendall_tau"].tolist() == pytest.approx([1.0, 1.0, 1 / 3, -1.0])
    # top 2: V0 {a,b}, V1 {a,b}, V2 {b,a}, V3 {d,c}
    assert v["top_k_overlap"].tolist() == [2, 2, 2, 0]
    assert v["items"].tolist() == [4, 3, 4, 4]
    t = result.table
    assert t["sector"].tolist() == ["a", "b", "c", "d"]  # by default rank
    assert t["rank"].tolist() == [1, 2, 3, 4]
    assert t["score"].tolist() == [4.0, 3.0, 2.0, 1.0]
    assert t["in_top_k"].tolist() == [3, 3, 1, 1]
    assert t["scored_in"].tolist() == [4, 4, 4, 3]
    assert t["share_in_top_k"].tolist() == [0.75, 0.75, 0.25, 0.25]
    # stable_share 0.5 of 4 variants → 2 needed: a, b robust (3), c, d not (1)
    assert t["robust"].tolist() == [True, True, False, False]
    s = result.summary
    assert (s.variants, s.top_k) == (4, 2)
    assert s.mean_tau == pytest.approx((1 + 1 / 3 - 1) / 3)
    assert s.min_tau == pytest.approx(-1.0)
    assert s.robust_top_k == ("a", "b") and not s.picture_changes


@pytest.mark.parametrize(
    "share, robust, changes",
    [
        (0.75, [True, True, False, False], False),  # 0.75 · 4 = 3 needed exactly: 3 of 4 is enough
        (0.76, [False, False, False, False], True),  # 3.04 → 4 needed
        (0.25, [True, True, True, True], False),  # 1 needed
        (1.0, [False, False, False, False], True),
    ],
)
def test_stable_share_threshold(share, robust, changes):
    result = _four(stable_share=share)
    assert result.table["robust"].tolist() == robust
    assert result.summary.picture_changes is changes


def test_stable_share_must_be_a_share():
    for bad in (0.0, -0.5, 1.01):
        with pytest.raises(ValueError, match="stable_share"):
            rb.robustness(HAND, ranking="pci", stable_share=bad)


def test_an_item_the_default_does_not_score_comes_last_without_a_rank():
    result = rb.robustness(
        HAND,
        ranking=_scripted({"a": 2, "b": 1}, {"a": 2, "b": 1, "z": 9}),
        top_k=1,
        thresholds=(0.8, 1.0),
        presences=("binary",),
    )
    t = result.table
    assert t["sector"].tolist() == ["a", "b", "z"]
    assert pd.isna(t["rank"].iloc[2]) and pd.isna(t["score"].iloc[2])
    assert t["in_top_k"].tolist() == [1, 0, 1] and t["scored_in"].tolist() == [2, 2, 1]
    # the single other variant agrees on a, b → τ 1; mean and min over it alone
    assert result.summary.mean_tau == pytest.approx(1.0) and result.summary.min_tau == pytest.approx(1.0)
    assert result.variants["top_k_overlap"].tolist() == [1, 0]  # the other variant's top 1 is z


def test_one_variant_has_no_mean_tau():
    result = rb.robustness(HAND, ranking=_scripted({"a": 2, "b": 1}), top_k=1, thresholds=(1.0,), presences=("binary",))
    assert result.summary.variants == 1
    assert math.isnan(result.summary.mean_tau) and math.isnan(result.summary.min_tau)
    assert result.summary.robust_top_k == ("a",)


def test_ties_in_the_table_are_sorted_by_top_k_count():
    # the default scores a only; b and c are unranked by it. c is the top 1 of both other variants, b of none
    result = rb.robustness(
        HAND,
        ranking=_scripted({"a": 1}, {"b": 5, "c": 6}, {"b": 7, "c": 8}),
        top_k=1,
        thresholds=(0.8, 1.0, 1.25),
        presences=("binary",),
    )
    t = result.table
    # unranked items come after the ranked, the one more often in the top k first: c (2) before b (0)
    assert t["sector"].tolist() == ["a", "c", "b"]


def test_unknown_ranking_and_missing_focus():
    with pytest.raises(ValueError, match="unknown ranking 'gdp'"):
        rb.robustness(HAND, ranking="gdp")
    for ranking in ("rca", "density", "opportunity"):
        with pytest.raises(ValueError, match="focus"):
            rb.robustness(HAND, ranking=ranking)


def test_pci_and_eci_rankings_follow_the_hand_example():
    # tests/test_complexity.py works out K_p = (−1, (3 − √5)/2, √5 − 1) for a, b, c and
    # K_c = (−(√5 − 1)/4, −1, (√5 + 1)/4) for R1, R2, R3: PCI ranks c, b, a; ECI ranks R3, R1, R2
    pci = rb.robustness(HAND, ranking="pci", thresholds=(1.0,), presences=("binary",), top_k=1)
    assert pci.table["sector"].tolist() == ["c", "b", "a"]
    assert pci.summary.robust_top_k == ("c",)
    eci = rb.robustness(HAND, ranking="eci", thresholds=(1.0,), presences=("binary",), top_k=1)
    assert eci.table["region"].tolist() == ["R3", "R1", "R2"]


def test_rca_ranking_of_the_focus_region():
    # R3: c 2.5 > b 1.25 > a 0 (the ranking covers the focus region's rows only)
    result = rb.robustness(HAND, ranking="rca", focus="R3", thresholds=(1.0,), presences=("binary",), top_k=1)
    t = result.table
    assert t.loc[t["sector"].isin(["b", "c"]), "score"].tolist() == pytest.approx([2.5, 1.25])
    assert t["sector"].tolist()[:2] == ["c", "b"]


def test_density_ranks_sectors_strictly_below_the_threshold():
    # R1's RCA: a 1.25, b 1.25, c 0. At RCA ≥ 1 and at ≥ 1.25 only c is below the threshold
    # ("RCA below the threshold": 1.25 is not below 1.25), so each variant ranks one item.
    result = rb.robustness(HAND, ranking="density", focus="R1", thresholds=(1.25,), presences=("binary",), top_k=1)
    assert result.variants["items"].tolist() == [1, 1]
    assert result.table["sector"].tolist() == ["c"]
    # R2 (only a, RCA 2.5): b and c are candidates; density_b = φ_ba/(φ_ba + φ_bc) = .5/1 = .5, density_c =
    # φ_ca/(φ_ca + φ_cb) = 0/.5 = 0
    r2 = rb.robustness(HAND, ranking="density", focus="R2", thresholds=(1.0,), presences=("binary",), top_k=1)
    assert r2.table["sector"].tolist() == ["b", "c"]
    assert r2.table["score"].tolist() == pytest.approx([0.5, 0.0])


def test_district_benchmark_adds_variants():
    districts = {"R1": "north", "R2": "north", "R3": "south"}
    result = rb.robustness(HAND, ranking="pci", districts=districts, thresholds=(1.0,), presences=("binary",))
    assert result.variants["benchmark"].tolist() == ["russia", "district"]
    assert result.summary.variants == 2


# --- second round: survivors of the first mutation run -----------------------------------------------------


def test_the_default_ranking_is_rca():
    # no ranking named: RCA of the focus region (R3: c 2.5, b 1.25)
    result = rb.robustness(HAND, focus="R3", thresholds=(1.0,), presences=("binary",), top_k=1)
    assert result.table["sector"].tolist()[:2] == ["c", "b"]
    assert result.table["score"].tolist()[:2] == pytest.approx([2.5, 1.25])


def test_the_proximity_diagonal_is_passed_on():
    # diagonal 1: φ_bb = φ_cc = 1. R2 (only a): density_b = φ_ba / (φ_ba + φ_bb + φ_bc) = .5 / 2 = .25,
    # density_c = 0 / (0 + .5 + 1) = 0
    r2 = rb.robustness(
        HAND, ranking="density", focus="R2", diagonal=1, thresholds=(1.0,), presences=("binary",), top_k=1
    )
    assert r2.table["score"].tolist() == pytest.approx([0.25, 0.0])


def test_the_district_benchmark_reaches_the_table():
    # R3 is alone in its district: against its own district every sector it has is at RCA (10/20)/(10/20) = 1
    seen = []

    def rank(table):
        seen.append(table)
        own = table.loc[table["region"] == "R3"]
        return own.set_index("sector")["rca"]

    rb.robustness(
        HAND,
        ranking=rank,
        districts={"R1": "north", "R2": "north", "R3": "south"},
        thresholds=(1.0,),
        presences=("binary",),
        top_k=1,
    )
    russia, district = seen
    r3 = lambda t: t.loc[t["region"] == "R3"].set_index("sector")["rca"]  # noqa: E731
    assert r3(russia)[["b", "c"]].tolist() == pytest.approx([1.25, 2.5])
    assert r3(district)[["b", "c"]].tolist() == pytest.approx([1.0, 1.0])


def test_opportunities_are_candidates_below_each_variants_threshold():
    # R1 a 6, b 4, c 10; R2 a 14, b 16, c 10 → national shares 1/3 each; R1's RCA a 0.9, b 0.6, c 1.5.
    # At RCA ≥ 1 the candidates are a and b; at RCA ≥ 0.8 only b (0.9 is not below 0.8).
    df = pd.DataFrame(
        {"region": ["R1"] * 3 + ["R2"] * 3, "sector": ["a", "b", "c"] * 2, "value": [6.0, 4, 10, 14, 16, 10]}
    )
    result = rb.robustness(df, ranking="opportunity", focus="R1", thresholds=(0.8,), presences=("binary",), top_k=1)
    assert result.variants["threshold"].tolist() == [1.0, 0.8]
    assert result.variants["items"].tolist() == [2, 1]


def test_the_table_index_is_renumbered_after_sorting():
    result = rb.robustness(
        HAND,
        ranking=_scripted({"a": 1}, {"b": 5, "c": 6}, {"b": 7, "c": 8}),
        top_k=1,
        thresholds=(0.8, 1.0, 1.25),
        presences=("binary",),
    )
    assert result.table["sector"].tolist() == ["a", "c", "b"]
    assert list(result.table.index) == [0, 1, 2]


# --- third round ----------------------------------------------------------------------------------------


def test_stable_share_message():
    with pytest.raises(ValueError, match=r"^stable_share is a share of variants in \(0, 1\]$"):
        rb.robustness(HAND, ranking="pci", stable_share=0)


def test_other_column_names_and_unnamed_items():
    df = HAND.rename(columns={"region": "reg", "sector": "okved"})
    result = rb.robustness(df, ranking="pci", region="reg", sector="okved", thresholds=(1.0,), presences=("binary",))
    assert result.table["okved"].tolist() == ["c", "b", "a"]
    unnamed = rb.robustness(
        HAND, ranking=lambda t: pd.Series({"x": 2.0, "y": 1.0}), thresholds=(1.0,), presences=("binary",)
    )
    assert unnamed.table["item"].tolist() == ["x", "y"]


def test_each_variant_gets_its_threshold_and_presence():
    # R1's RCA: a 0.9, b 0.6, c 1.5 (national shares 1/3). At RCA ≥ 0.8, a is present (M = 1); at ≥ 1 it is not;
    # continuous presence M = RCA / (1 + RCA) = 0.9 / 1.9
    df = pd.DataFrame(
        {"region": ["R1"] * 3 + ["R2"] * 3, "sector": ["a", "b", "c"] * 2, "value": [6.0, 4, 10, 14, 16, 10]}
    )
    seen = []

    def rank(table):
        seen.append(table.loc[(table["region"] == "R1") & (table["sector"] == "a"), "m"].iloc[0])
        return pd.Series({"a": 1.0})

    rb.robustness(df, ranking=rank, thresholds=(0.8, 1.0), presences=("binary", "continuous"))
    assert seen == pytest.approx([0.0, 1.0, 0.9 / 1.9])
