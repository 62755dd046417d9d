"""Tests that kill mutants `make mutation` found alive in analytics/metrics/specialization.py (docs/mutation.md).

Expected values are hand-computed from the docstrings' formulas: LQ_rs = (x_rs / x_r) / (x_s / x);
Purdue quadrants Star (LQ ≥ 1, LQ rising), Mature (LQ ≥ 1, not rising), Emerging (LQ < 1, rising),
Transforming (LQ < 1, not rising); CAGR = (v_end / v_start)^(1 / years) − 1.
"""

import math

import pandas as pd
import pytest

from analytics.metrics import specialization as spec


def _panel(rows: list[tuple[str, str, int, float]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["region", "sector", "year", "employees"])


def _quadrants(frame: pd.DataFrame) -> dict[tuple[str, str], str]:
    out = spec.strong_clusters(frame, employment="employees", establishments=None, year="year")
    return {(r, s): q for r, s, q in zip(out["region"], out["sector"], out["quadrant"])}


def test_quadrants_at_lq_one_and_no_change():
    # 2020: every cell 10 → every LQ = (10/20)/(30/60) = 1.
    # 2023: A 20/10, B 10/20, C 15/15; totals s = t = 45, all 90, each region 30.
    #   LQ_As = (20/30)/(45/90) = 4/3 (up from 1: Star);  LQ_At = 2/3 (down: Transforming)
    #   LQ_Bs = 2/3 (Transforming);                         LQ_Bt = 4/3 (Star)
    #   LQ_Cs = LQ_Ct = (15/30)/(45/90) = 1, unchanged: LQ ≥ 1 and not rising → Mature (the boundary).
    rows = [(r, s, 2020, 10.0) for r in "ABC" for s in "st"]
    rows += [
        ("A", "s", 2023, 20.0),
        ("A", "t", 2023, 10.0),
        ("B", "s", 2023, 10.0),
        ("B", "t", 2023, 20.0),
        ("C", "s", 2023, 15.0),
        ("C", "t", 2023, 15.0),
    ]
    assert _quadrants(_panel(rows)) == {
        ("A", "s"): "Star",
        ("A", "t"): "Transforming",
        ("B", "s"): "Transforming",
        ("B", "t"): "Star",
        ("C", "s"): "Mature",
        ("C", "t"): "Mature",
    }


def test_quadrants_rising_below_one_and_falling_above_one():
    # 2020: A s10 t30, B s30 t10 (totals 40 / 40, all 80): LQ_As = (10/40)/(40/80) = 0.5, LQ_At = 1.5.
    # 2023: A s15 t25, B s25 t15: LQ_As = (15/40)/0.5 = 0.75 (rising, < 1: Emerging), LQ_At = 1.25
    # (falling, ≥ 1: Mature); B mirrors A.
    rows = [
        ("A", "s", 2020, 10.0),
        ("A", "t", 2020, 30.0),
        ("B", "s", 2020, 30.0),
        ("B", "t", 2020, 10.0),
        ("A", "s", 2023, 15.0),
        ("A", "t", 2023, 25.0),
        ("B", "s", 2023, 25.0),
        ("B", "t", 2023, 15.0),
    ]
    assert _quadrants(_panel(rows)) == {
        ("A", "s"): "Emerging",
        ("A", "t"): "Mature",
        ("B", "s"): "Mature",
        ("B", "t"): "Emerging",
    }


def test_cagr_of_a_sector_that_vanished_is_minus_100_percent():
    # (0 / 100)^(1/3) − 1 = −1: the sector lost everything, a real figure (not unknown).
    # (121 / 100)^(1/2) − 1 = 0.1 over two years; a start of 0 has no growth rate (NaN).
    rows = [
        ("A", "s", 2020, 100.0),
        ("A", "s", 2023, 0.0),
        ("A", "t", 2020, 0.0),
        ("A", "t", 2023, 5.0),
        ("B", "s", 2020, 100.0),
        ("B", "s", 2023, 121.0**1.5 / 10.0),
    ]
    out = spec.growth(_panel(rows), value="employees", start=2020, end=2023).set_index(["region", "sector"])
    assert out.loc[("A", "s"), "cagr"] == pytest.approx(-1.0)
    assert math.isnan(out.loc[("A", "t"), "cagr"])
    # B: 100 → 133.1 = 100 × 1.1³ over three years: 10 % a year
    assert out.loc[("B", "s"), "cagr"] == pytest.approx(0.1)
    # the benchmark sector s: 200 → 133.1 over three years
    assert out.loc[("A", "s"), "benchmark_cagr"] == pytest.approx((133.1 / 200) ** (1 / 3) - 1)


def test_cagr_is_nan_for_negative_values_and_defined_for_small_positive_ones():
    # One year 2022 → 2023. A negative start or end has no growth rate (docstring: NaN); a start below 1
    # (0.5 mln ₽ → 0.55) is an ordinary value: 0.55 / 0.5 − 1 = 0.1.
    rows = [
        ("A", "s", 2022, -100.0),
        ("A", "s", 2023, 50.0),
        ("B", "s", 2022, 100.0),
        ("B", "s", 2023, -50.0),
        ("C", "s", 2022, 0.5),
        ("C", "s", 2023, 0.55),
    ]
    out = spec.growth(_panel(rows), value="employees", start=2022, end=2023).set_index(["region", "sector"])
    assert math.isnan(out.loc[("A", "s"), "cagr"]) and math.isnan(out.loc[("B", "s"), "cagr"])
    assert out.loc[("C", "s"), "cagr"] == pytest.approx(0.1)


def test_a_pair_with_an_unknown_start_is_left_out_of_the_benchmark():
    # A: 100 → 133.1 (10 %/yr over 3 years); B's start is unknown, so B (and its 500 at the end) is left out
    # of sector s's totals: benchmark CAGR = A's own 10 %.
    rows = [("A", "s", 2020, 100.0), ("A", "s", 2023, 133.1), ("B", "s", 2020, float("nan")), ("B", "s", 2023, 500.0)]
    out = spec.growth(_panel(rows), value="employees", start=2020, end=2023).set_index(["region", "sector"])
    assert math.isnan(out.loc[("B", "s"), "cagr"])
    assert out.loc[("A", "s"), "benchmark_cagr"] == pytest.approx(0.1)


def test_growth_against_a_given_benchmark():
    # Russia's sector s grew 1000 → 1331 over 2020–2023 (10 %/yr), its sector t 1000 → 1000 (0); the rows
    # of 2021 in the benchmark are outside the path and ignored. Columns are named as in the regional table.
    rows = [("A", "s", 2020, 100.0), ("A", "s", 2023, 200.0), ("A", "t", 2020, 50.0), ("A", "t", 2023, 50.0)]
    benchmark = pd.DataFrame(
        {
            "sector": ["s", "s", "s", "t", "t"],
            "year": [2020, 2021, 2023, 2020, 2023],
            "employees": [1000.0, 5.0, 1331.0, 1000.0, 1000.0],
        }
    )
    out = spec.growth(_panel(rows), value="employees", start=2020, end=2023, benchmark=benchmark)
    out = out.set_index(["region", "sector"])
    assert out.loc[("A", "s"), "benchmark_cagr"] == pytest.approx(0.1)
    assert out.loc[("A", "t"), "benchmark_cagr"] == pytest.approx(0.0)
    assert out.loc[("A", "s"), "cagr"] == pytest.approx(2 ** (1 / 3) - 1)


def test_growth_returns_the_start_and_end_values():
    rows = [("A", "s", 2020, 100.0), ("A", "s", 2023, 133.1)]
    out = spec.growth(_panel(rows), value="employees", start=2020, end=2023)
    assert out[["start_value", "end_value"]].iloc[0].tolist() == [100.0, 133.1]


def _three_years() -> pd.DataFrame:
    # 2020: every cell 10 (LQ 1). 2021: A s20 t10, B s10 t20 → LQ_As = (20/30)/(30/60) = 4/3.
    # 2023: A s10 t20, B s20 t10 → LQ_As = 2/3.
    rows = [(r, s, 2020, 10.0) for r in "AB" for s in "st"]
    rows += [("A", "s", 2021, 20.0), ("A", "t", 2021, 10.0), ("B", "s", 2021, 10.0), ("B", "t", 2021, 20.0)]
    rows += [("A", "s", 2023, 10.0), ("A", "t", 2023, 20.0), ("B", "s", 2023, 20.0), ("B", "t", 2023, 10.0)]
    return _panel(rows)


def _as(**kwargs) -> pd.Series:
    out = spec.strong_clusters(_three_years(), employment="employees", establishments=None, year="year", **kwargs)
    return out.set_index(["region", "sector"]).loc[("A", "s")]


def test_strong_clusters_default_to_the_first_and_last_years():
    a = _as()  # 2020 → 2023: LQ 1 → 2/3, falling below 1: Transforming
    assert (
        a["lq"] == pytest.approx(2 / 3) and a["lq_change"] == pytest.approx(-1 / 3) and a["quadrant"] == "Transforming"
    )


def test_strong_clusters_in_a_given_end_year():
    a = _as(end=2021)  # 2020 → 2021: LQ 1 → 4/3, rising above 1: Star
    assert a["lq"] == pytest.approx(4 / 3) and a["quadrant"] == "Star"


def test_strong_clusters_from_a_given_start_year():
    a = _as(start=2021)  # 2021 → 2023: LQ 4/3 → 2/3, a change of −2/3
    assert a["lq_change"] == pytest.approx(-2 / 3)


def test_strong_clusters_refuse_a_year_the_table_lacks():
    with pytest.raises(ValueError, match=r"^year 2030 not in column 'year' \(it has 2020, 2021, 2023\)$"):
        spec.strong_clusters(_three_years(), employment="employees", establishments=None, year="year", end=2030)


def test_strong_clusters_with_their_own_column_names():
    # the same panel with the sector column called okved; 2023 alone: LQ_As = 2/3. The output keeps the
    # table's names and adds only the documented columns.
    frame = _three_years().rename(columns={"sector": "okved"})
    out = spec.strong_clusters(frame, sector="okved", employment="employees", establishments=None, year="year")
    assert out.set_index(["region", "okved"]).loc[("A", "s"), "lq"] == pytest.approx(2 / 3)
    assert list(out.columns) == [
        "year",
        "region",
        "okved",
        "employees",
        "lq",
        "lq_threshold",
        "employment_threshold",
        "strong",
        "lq_start",
        "lq_change",
        "quadrant",
    ]


# --- survivors of a seeded random sample of 150 (session 5) -------------------------------------------------


def _years_panel() -> pd.DataFrame:
    return pd.DataFrame(
        [("A", "s", 2020, 10.0), ("A", "s", 2022, 40.0), ("B", "s", 2020, 10.0), ("B", "s", 2022, 10.0)],
        columns=["region", "sector", "year", "value"],
    )


@pytest.mark.parametrize("call", [spec.growth, spec.shift_share])
def test_the_start_year_must_come_before_the_end_year(call):
    # the docstrings' growth runs from start to end: one year is no period (CAGR would divide by 0 years)
    with pytest.raises(ValueError, match="before"):
        call(_years_panel(), start=2020, end=2020)
    with pytest.raises(ValueError, match="before"):
        call(_years_panel(), start=2022, end=2020)


def test_a_benchmark_without_the_start_year_gives_no_benchmark_growth():
    # CAGR of A: (40/10)^(1/2) − 1 = 1.0; the benchmark has only 2022, so its growth is unknown (NaN)
    benchmark = pd.DataFrame({"sector": ["s"], "year": [2022], "value": [100.0]})
    out = spec.growth(_years_panel(), start=2020, end=2022, benchmark=benchmark).set_index("region")
    assert out.loc["A", "cagr"] == pytest.approx(1.0)
    assert out["benchmark_cagr"].isna().all()


def test_a_sector_with_nothing_in_a_region_is_not_present_in_its_structure():
    # A: 50, 50, 0 → shares ½, ½, 0: entropy = −2 · ½ log₂ ½ = 1 bit, HHI = ½, 2 sectors present;
    # the empty sector adds nothing (0 · log 0 = 0 by the usual convention), it does not make the index unknown
    frame = pd.DataFrame(
        {
            "region": ["A", "A", "A", "B", "B", "B"],
            "sector": ["x", "y", "z"] * 2,
            "value": [50.0, 50.0, 0.0, 10, 20, 30],
        }
    )
    out = spec.structure_indices(frame).set_index("region")
    assert out.loc["A", "entropy"] == pytest.approx(1.0)
    assert out.loc["A", "hhi"] == pytest.approx(0.5)
    assert out.loc["A", "sectors"] == 2
    # Hachman: benchmark shares x 60/160, y 70/160, z 30/160; Σ s·LQ = Σ s²/b = ¼·160/60 + ¼·160/70 = 26/21
    assert out.loc["A", "hachman"] == pytest.approx(21 / 26)


def test_a_sector_whose_firms_have_no_known_value_totals_zero():
    # two firms, both unknown: no known firm, two missing, a total of 0 (nothing known), shares unknown
    frame = pd.DataFrame({"sector": ["s", "s", "t"], "value": [math.nan, math.nan, 5.0]})
    out = spec.concentration(frame).set_index("sector")
    assert (out.loc["s", "firms"], out.loc["s", "firms_missing"]) == (0, 2)
    assert out.loc["s", "total"] == 0.0
    assert out.loc["t", "total"] == 5.0 and out.loc["t", "hhi"] == 1.0


def test_a_shift_share_against_a_benchmark_without_the_start_year_has_no_national_effect():
    # the national growth rate g = N_end / N_start − 1 needs the benchmark's start-year total: unknown here
    benchmark = pd.DataFrame({"sector": ["s"], "year": [2022], "value": [100.0]})
    out = spec.shift_share(_years_panel(), start=2020, end=2022, benchmark=benchmark)
    assert len(out) == 2
    assert out["national_growth"].isna().all()


def test_a_sector_the_benchmark_lacks_has_a_benchmark_share_of_zero():
    # A: x 50, y 50 → s = ½, ½; the benchmark has only x (b_x = 1, b_y = 0):
    # Krugman = Σ |s − b| = |½ − 1| + |½ − 0| = 1 (known, not NaN); LQ_y = ½ / 0 is NaN
    frame = pd.DataFrame({"region": ["A", "A"], "sector": ["x", "y"], "value": [50.0, 50.0]})
    benchmark = pd.DataFrame({"sector": ["x"], "value": [100.0]})
    out = spec.structure_indices(frame, benchmark=benchmark)
    assert out.loc[0, "krugman"] == pytest.approx(1.0)
    lq = spec.location_quotient(frame, benchmark=benchmark).set_index("sector")["lq"]
    assert lq["x"] == pytest.approx(0.5) and math.isnan(lq["y"])


def test_a_benchmark_without_a_value_column_is_named_in_the_error():
    frame = pd.DataFrame({"region": ["A"], "sector": ["x"], "value": [1.0]})
    with pytest.raises(ValueError, match="^benchmark has no column"):
        spec.structure_indices(frame, benchmark=pd.DataFrame({"sector": ["x"]}))


def test_structure_indices_come_sorted_by_region_with_a_fresh_index():
    frame = pd.DataFrame({"region": ["B", "B", "A"], "sector": ["x", "y", "x"], "value": [1.0, 3.0, 2.0]})
    out = spec.structure_indices(frame)
    assert out["region"].tolist() == ["A", "B"]
    assert out.index.tolist() == [0, 1]
