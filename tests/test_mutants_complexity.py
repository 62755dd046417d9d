"""Tests that kill mutants `make mutation` found alive in analytics/metrics/complexity.py (docs/mutation.md).

Expected values are worked out by hand on test_complexity.py's three-region example (``HAND``: RCA
R1 a 1.25, b 1.25, c 0; R2 a 2.5; R3 b 1.25, c 2.5), or come from the PyPI ``ecomplexity`` package.
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest

from analytics.metrics import complexity as cx
from analytics.metrics._panel import DataWarning
from tests.test_complexity import HAND, random_table, run_ecomplexity


def test_proximity_against_a_benchmark_of_sector_totals():
    # benchmark shares a 0.6, b 0.2, c 0.2: RCA R1 a .5/.6 < 1, b .5/.2 = 2.5; R2 a 1/.6 = 1.67;
    # R3 b 2.5, c 2.5 → M: R1 {b}, R2 {a}, R3 {b, c}; ubiquity a 1, b 2, c 1.
    # Only b and c share a region (R3): φ_bc = 1 / max(2, 1) = 0.5; φ_ab = φ_ac = 0.
    benchmark = pd.DataFrame({"okved": ["a", "b", "c"], "amount": [60.0, 20.0, 20.0]})
    table = HAND.rename(columns={"sector": "okved", "value": "amount"})
    out = cx.proximity(table, sector="okved", value="amount", benchmark=benchmark)
    phi = out.set_index(["sector_1", "sector_2"])["proximity"]
    assert phi[("b", "c")] == pytest.approx(0.5) and phi[("c", "b")] == pytest.approx(0.5)
    assert phi[("a", "b")] == 0.0 and phi[("a", "c")] == 0.0
    # national benchmark (the default): a and b share R1 → φ_ab = 0.5
    assert cx.proximity(HAND).set_index(["sector_1", "sector_2"])["proximity"][("a", "b")] == pytest.approx(0.5)


def test_opportunities_are_sorted_by_region_then_rank():
    # candidates (RCA < 1): R1 {c}, R2 {b (rank 1), c (rank 2)}, R3 {a}
    out = cx.opportunities(HAND)
    assert list(zip(out["region"], out["sector"], out["rank"])) == [
        ("R1", "c", 1),
        ("R2", "b", 1),
        ("R2", "c", 2),
        ("R3", "a", 1),
    ]


def test_score_opportunities_with_its_default_column_names():
    # R2's two candidates: balanced scores +0.7 (b) and −0.7 (c), as in test_opportunities_by_hand
    out = cx.score_opportunities(cx.economic_complexity(HAND))
    r2 = out[out["region"] == "R2"].set_index("sector")["score"]
    assert r2["b"] == pytest.approx(0.7) and r2["c"] == pytest.approx(-0.7)


def test_opportunities_with_another_sector_column():
    out = cx.opportunities(HAND.rename(columns={"sector": "okved"}), sector="okved")
    assert "okved" in out.columns and "sector" not in out.columns
    r2 = out[out["region"] == "R2"].set_index("okved")["score"]
    assert r2["b"] == pytest.approx(0.7) and r2["c"] == pytest.approx(-0.7)


@pytest.mark.filterwarnings("ignore::analytics.metrics._panel.DataWarning")
def test_opportunities_at_threshold_two():
    # presence RCA ≥ 2: only R2 a (2.5) and R3 c (2.5). No two sectors share a region, so every
    # proximity is 0 and density (Σ M φ / Σ φ) is undefined (NaN), hence no rank.
    # Candidates RCA < 2: R1 a, b, c; R2 b, c; R3 a, b (the 1.25s now count as candidates).
    out = cx.opportunities(HAND, threshold=2.0)
    assert sorted(zip(out["region"], out["sector"])) == [
        ("R1", "a"),
        ("R1", "b"),
        ("R1", "c"),
        ("R2", "b"),
        ("R2", "c"),
        ("R3", "a"),
        ("R3", "b"),
    ]
    assert out["density"].isna().all() and out["rank"].isna().all()


def test_opportunities_pass_the_sd_convention_on():
    # PCI and COG in the PyPI package's convention (diagonal 1, sd over regions with ddof 0)
    df = random_table(0, 8, 12)
    ref = run_ecomplexity(df).dropna(subset=["eci"])
    out = cx.opportunities(df.drop(columns="year"), diagonal=1, sd="numpy")
    both = out.merge(ref, on=["region", "sector"], suffixes=("", "_ref"), validate="one_to_one")
    assert len(both) == len(out) > 0
    np.testing.assert_allclose(both["pci"], both["pci_ref"], rtol=0, atol=1e-9)
    np.testing.assert_allclose(both["cog"], both["cog_ref"], rtol=0, atol=1e-9)


# Five regions, four sectors; presence at RCA ≥ 1.5. R5 (5, 5, 5, 3 of a total 18) has RCA
# (5/18)/(25/88) = 0.98 in a, b, c and (3/18)/(13/88) = 1.13 in d: below 1.5 everywhere, no presence.
SPREAD = pd.DataFrame(
    [
        (r, s, v)
        for r, row in {
            "R1": (10, 10, 0, 0),
            "R2": (10, 0, 0, 0),
            "R3": (0, 10, 10, 0),
            "R4": (0, 0, 10, 10),
            "R5": (5, 5, 5, 3),
        }.items()
        for s, v in zip("abcd", row)
    ],
    columns=["region", "sector", "value"],
)


@pytest.mark.filterwarnings("ignore::analytics.metrics._panel.DataWarning")
def test_a_region_without_presence_has_neither_eci_nor_coi():
    # "Regions with no presence get NaN ECI/COI"; the others' COI is standardised among themselves:
    # with sd="numpy" (over regions, ddof 0) their COI has mean 0 and sd 1
    out = cx.economic_complexity(SPREAD, threshold=1.5, sd="numpy").groupby("region").first()
    assert out.at["R5", "diversity"] == 0
    assert np.isnan(out.at["R5", "eci"]) and np.isnan(out.at["R5", "coi"])
    others = out.loc[["R1", "R2", "R3", "R4"], "coi"].to_numpy()
    assert others.mean() == pytest.approx(0.0, abs=1e-12) and others.std() == pytest.approx(1.0)


@pytest.mark.filterwarnings("ignore::analytics.metrics._panel.DataWarning")
def test_warnings_say_why_eci_is_undefined():
    # one region only: fewer than two regions with presence
    one = pd.DataFrame({"region": ["R1", "R1"], "sector": ["a", "b"], "value": [1.0, 2.0]})
    with pytest.warns(DataWarning, match="fewer than two regions or sectors with presence: ECI and PCI are undefined"):
        cx.economic_complexity(one)


def test_a_warning_says_when_eci_has_no_spread():
    # two regions with the same two sectors in the same proportions: both present everywhere, all alike
    alike = pd.DataFrame({"region": ["R1", "R1", "R2", "R2"], "sector": ["a", "b"] * 2, "value": [1.0, 1.0, 2.0, 2.0]})
    with pytest.warns(DataWarning) as caught:
        out = cx.economic_complexity(alike)
    assert any("ECI has no spread (all regions alike): ECI, PCI and COG are NaN" in str(w.message) for w in caught)
    assert out["eci"].isna().all()


def test_dropped_regions_and_sectors_are_named_in_the_warning():
    table = pd.concat([HAND, pd.DataFrame({"region": ["R4", "R1"], "sector": ["a", "d"], "value": [0.0, 0.0]})])
    with pytest.warns(DataWarning) as caught:
        cx.economic_complexity(table)
    messages = [str(w.message) for w in caught]
    assert "regions with a zero total dropped from the complexity measures: ['R4']" in messages
    assert "sectors with a zero total dropped from the complexity measures: ['d']" in messages


def test_a_benchmark_without_its_columns_is_named_in_the_message():
    with pytest.raises(ValueError, match="^benchmark has no column"):
        cx.economic_complexity(HAND, benchmark=pd.DataFrame({"sector": ["a"], "amount": [1.0]}))
    with pytest.raises(
        TypeError, match="^benchmark must be None, a DataFrame of sector totals or a region → group mapping$"
    ):
        cx.economic_complexity(HAND, benchmark=[1, 2])


def test_a_sector_missing_from_the_benchmark_has_no_rca_and_no_numpy_warning():
    # benchmark shares a 0.5, b 0.5, c absent (share 0): RCA of c is x / 0, undefined → NaN, quietly
    benchmark = pd.DataFrame({"sector": ["a", "b"], "value": [1.0, 1.0]})
    with warnings.catch_warnings():
        warnings.simplefilter("error", RuntimeWarning)
        out = cx.economic_complexity(HAND, benchmark=benchmark)
    rca = out.set_index(["region", "sector"])["rca"]
    assert np.isnan(rca[("R3", "c")]) and rca[("R1", "a")] == pytest.approx((10 / 20) / 0.5)


def test_by_year_rows_are_numbered_afresh():
    two = pd.concat([HAND.assign(year=2022), HAND.assign(year=2023)], ignore_index=True)
    out = cx.economic_complexity(two, by="year")
    assert out.index.equals(pd.RangeIndex(len(out))) and len(out) == 2 * 9


def test_an_empty_table_with_peer_groups_gives_an_empty_result():
    empty = pd.DataFrame(
        {"region": pd.Series([], dtype=str), "sector": pd.Series([], dtype=str), "value": pd.Series([], dtype=float)}
    )
    out = cx.economic_complexity(empty, benchmark={"R1": "north"})
    assert out.empty and "eci" in out.columns


def test_weights_must_be_three():
    with pytest.raises(ValueError, match=r"^weights are three numbers: \(distance, PCI, COG\)$"):
        cx.opportunities(HAND, weights=(0.5, 0.5))


def test_opportunities_against_a_benchmark():
    # benchmark shares a 0.6, b 0.2, c 0.2: R1 a (10/20) / 0.6 = 0.833 < 1 is now a candidate of R1
    benchmark = pd.DataFrame({"sector": ["a", "b", "c"], "value": [60.0, 20.0, 20.0]})
    out = cx.opportunities(HAND, benchmark=benchmark).set_index(["region", "sector"])
    assert out.at[("R1", "a"), "rca"] == pytest.approx(0.5 / 0.6)


def test_a_region_without_a_peer_group_has_no_rca_and_no_presence():
    # one peer group "g" of R1 and R2 (shares a 20/30, b 10/30); R3 has none: RCA NaN, M 0
    with pytest.warns(DataWarning, match=r"regions without a peer group get RCA NaN: \['R3'\]"):
        out = cx.economic_complexity(HAND, benchmark={"R1": "g", "R2": "g"})
    r3 = out[out["region"] == "R3"]
    assert r3["rca"].isna().all() and (r3["m"] == 0).all()
    r1 = out.set_index(["region", "sector"])
    assert r1.at[("R1", "a"), "rca"] == pytest.approx((10 / 20) / (20 / 30))


def test_equal_diversity_leaves_no_numpy_warning():
    # every region in two of three sectors: diversity (2, 2, 2) has no variance, its correlation is undefined
    ring = pd.DataFrame({"region": ["R1", "R1", "R2", "R2", "R3", "R3"], "sector": list("abbcac"), "value": [1.0] * 6})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DataWarning)
        warnings.simplefilter("error", RuntimeWarning)
        out = cx.economic_complexity(ring)
    assert (out["diversity"] == 2).all()


def test_an_unknown_sd_convention_is_refused_by_name():
    with pytest.raises(ValueError, match="^sd must be 'stata' or 'numpy', not 'R'$"):
        cx.economic_complexity(HAND, sd="R")


def test_binary_counts_are_integers_and_continuous_ones_are_not():
    binary = cx.economic_complexity(HAND)
    assert {binary[c].dtype.name for c in ("m", "diversity", "ubiquity")} == {"int64"}
    continuous = cx.economic_complexity(HAND, presence="continuous")
    assert {continuous[c].dtype.name for c in ("m", "diversity", "ubiquity")} == {"float64"}


def test_rows_without_a_year_form_their_own_cross_section():
    two = pd.concat([HAND.assign(year=2023.0), HAND.assign(year=float("nan"))], ignore_index=True)
    out = cx.economic_complexity(two, by="year")
    assert len(out) == 2 * 9 and out["year"].isna().sum() == 9


def test_opportunities_are_ranked_within_each_year_even_an_unknown_one():
    # the same table in 2023 and in rows without a year: each year ranks R2's b 1 and c 2 (scores ±0.7)
    two = pd.concat([HAND.assign(year=2023.0), HAND.assign(year=float("nan"))], ignore_index=True)
    out = cx.opportunities(two, by="year")
    r2 = out[out["region"] == "R2"]
    assert len(out) == 8 and r2["rank"].tolist() == [1, 2, 1, 2]
    assert r2["score"].tolist() == pytest.approx([0.7, -0.7, 0.7, -0.7])


def test_score_opportunities_reads_nullable_columns():
    # PCI as a nullable Float64 column with c's value missing (<NA>): for R2, c has no score; b keeps
    # z(density) = +1 and z(COG) = +1 of the pair, and z(PCI) = 0 (one value, no spread):
    # 0.5·1 + 0.15·0 + 0.35·1 = 0.85
    table = cx.economic_complexity(HAND).astype({"pci": "Float64"})
    table.loc[table["sector"] == "c", "pci"] = pd.NA
    r2 = cx.score_opportunities(table).query("region == 'R2'").set_index("sector")
    assert r2.at["b", "score"] == pytest.approx(0.85) and pd.isna(r2.at["c", "score"])
    assert r2.at["b", "rank"] == 1 and pd.isna(r2.at["c", "rank"])
