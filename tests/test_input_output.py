"""Input–output multipliers and regionalisation (analytics.metrics.input_output).

Oracles: Rosstat's own total-requirements table КПЗ and its «Итого» row (published figures, from the
workbook in tests/data/io); small cases worked out by hand below (each with its arithmetic).
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
import pytest

from analytics.data.rosstat_io import load_io_tables
from analytics.metrics import input_output as io

WORKBOOK = Path(__file__).parent / "data" / "io" / "baz_tzv-2021.xlsx"


@pytest.fixture(scope="module")
def tables():
    return load_io_tables()


@pytest.fixture(scope="module")
def national(tables):
    A = io.technical_coefficients(tables.flows_total, tables.output)
    return A, io.leontief_inverse(A)


# --- Rosstat's КПЗ -------------------------------------------------------------------------------


def _rounding_bound(A: np.ndarray, L: np.ndarray, x: np.ndarray) -> np.ndarray:
    """First-order bound on |ΔL| when every flow z_ij and output x_j is rounded to 1 mln ₽:
    |Δa_ij| ≤ (0.5 + 0.5·a_ij) / x_j, |ΔL| ≤ L·|ΔA|·L."""
    dA = (0.5 + 0.5 * A) / x[np.newaxis, :]
    return L @ dA @ L


def test_inverse_of_the_total_table_reproduces_rosstats_kpz(tables, national) -> None:
    A, L = national
    kpz = tables.total_requirements.to_numpy() * 1000  # roubles per 1 000 roubles, as published
    ours = L.to_numpy() * 1000
    err = np.abs(ours - kpz)
    bound = _rounding_bound(A.to_numpy(), L.to_numpy(), tables.output.to_numpy()) * 1000
    assert (err <= bound + 1e-9).all()  # within what rounding the published flows allows
    assert err.max() < 0.07  # at most 0.07 ₽ per 1 000 ₽ (max seen: 0.068, product 024 × 003)
    assert np.median(err) < 0.001
    assert np.allclose(np.diag(ours), np.diag(kpz), atol=0.07)


def test_kpz_is_not_the_inverse_of_the_domestic_table(tables) -> None:
    A = io.technical_coefficients(tables.flows_domestic, tables.output)
    err = np.abs(io.leontief_inverse(A).to_numpy() - tables.total_requirements.to_numpy()) * 1000
    assert err.max() > 100  # hundreds of ₽ per 1 000: КПЗ is built on total flows


def test_output_multipliers_are_rosstats_column_totals(tables, national) -> None:
    A, L = national
    wb = openpyxl.load_workbook(WORKBOOK, read_only=True, data_only=True)
    total_row = next(iter(wb["КПЗ"].iter_rows(min_row=118, max_row=118, values_only=True)))
    wb.close()
    assert total_row[1] == "TOTAL" and total_row[2] == "Итого"
    published = np.array(total_row[3:116], dtype=float) / 1000
    ours = io.output_multipliers(L)
    err = np.abs(ours.to_numpy() - published)
    bound = _rounding_bound(A.to_numpy(), L.to_numpy(), tables.output.to_numpy()).sum(axis=0)
    assert (err <= bound + 1e-12).all()
    assert err.max() < 6e-4  # largest for product 003 (output only 11 340 mln ₽)
    assert ours["113"] == pytest.approx(1.0)  # households as employers buy no inputs
    assert published[46] == pytest.approx(ours["047"], abs=2e-4)


# --- hand-computed small cases --------------------------------------------------------------------

# A = [[0.2, 0.3], [0.4, 0.1]]: I − A = [[0.8, −0.3], [−0.4, 0.9]], det = 0.72 − 0.12 = 0.6,
# L = [[0.9, 0.3], [0.4, 0.8]] / 0.6 = [[1.5, 0.5], [2/3, 4/3]]; column sums 13/6, 11/6.
A2 = pd.DataFrame([[0.2, 0.3], [0.4, 0.1]], index=["p", "q"], columns=["p", "q"])
L2 = np.array([[1.5, 0.5], [2 / 3, 4 / 3]])


def test_technical_coefficients_and_inverse_by_hand() -> None:
    flows = pd.DataFrame([[20.0, 60.0], [40.0, 20.0]], index=["p", "q"], columns=["p", "q"])
    output = pd.Series({"q": 200.0, "p": 100.0})  # other order: aligned by label
    A = io.technical_coefficients(flows, output)
    np.testing.assert_allclose(A.to_numpy(), A2.to_numpy())
    np.testing.assert_allclose(io.leontief_inverse(A).to_numpy(), L2)
    zero = io.technical_coefficients(flows, pd.Series({"p": 0.0, "q": 200.0}))
    assert (zero["p"] == 0).all()


def test_type_one_output_multipliers_are_column_sums(national) -> None:
    m = io.multipliers(io.leontief_inverse(A2), {"value_added": pd.Series({"p": 0.5, "q": 0.2})})
    assert m.loc["p", "output"] == pytest.approx(13 / 6)
    assert m.loc["q", "output"] == pytest.approx(11 / 6)
    # value added: v'L = [0.5·1.5 + 0.2·2/3, 0.5·0.5 + 0.2·4/3] = [0.88333, 0.51667]
    assert m.loc["p", "value_added"] == pytest.approx(0.75 + 0.2 * 2 / 3)
    assert m.loc["q", "value_added"] == pytest.approx(0.25 + 0.2 * 4 / 3)
    _, L = national
    np.testing.assert_allclose(io.multipliers(L, {})["output"].to_numpy(), L.to_numpy().sum(axis=0))


def test_type_two_by_hand() -> None:
    # One product, a = 0.5, w = 0.2, h = 1: Ā = [[0.5, 1], [0.2, 0]], I − Ā = [[0.5, −1], [−0.2, 1]],
    # det = 0.5 − 0.2 = 0.3, inverse = [[1, 1], [0.2, 0.5]] / 0.3 → Type II output multiplier 10/3,
    # Type I 1 / (1 − 0.5) = 2.
    closed = io.close_households(np.array([[0.5]]), np.array([0.2]), np.array([1.0]))
    np.testing.assert_allclose(closed, [[0.5, 1.0], [0.2, 0.0]])
    inv = io.leontief_inverse(closed)
    np.testing.assert_allclose(inv, np.array([[1.0, 1.0], [0.2, 0.5]]) / 0.3)
    assert io.multipliers(inv, {"income": np.array([0.2])}).loc[0, "output"] == pytest.approx(10 / 3)


def test_type_two_at_least_type_one(tables) -> None:
    A = io.technical_coefficients(tables.flows_domestic, tables.output)
    v = io.coefficients(tables.value_added, tables.output)
    w = io.coefficients(tables.compensation, tables.output)
    h = io.household_consumption_coeff(tables.final_demand_domestic["P3_S14"], tables.compensation)
    assert h.sum() == pytest.approx(1.0)  # consumption 50.8 trn ₽ > compensation 43.1 trn ₽: κ = 1
    closed = io.close_households(A, w, h)
    assert list(closed.index[-1:]) == ["households"]
    one = io.multipliers(io.leontief_inverse(A), {"value_added": v, "income": w})
    two = io.multipliers(io.leontief_inverse(closed), {"value_added": v, "income": w})
    assert (two >= one - 1e-12).all().all()
    assert (two.loc[tables.compensation > 0, "output"] > one.loc[tables.compensation > 0, "output"]).all()
    smaller = io.household_consumption_coeff(
        tables.final_demand_domestic["P3_S14"], tables.compensation, propensity=0.5
    )
    assert smaller.sum() == pytest.approx(0.5)
    with pytest.raises(ValueError):
        io.household_consumption_coeff(tables.final_demand_domestic["P3_S14"], tables.compensation, propensity=1.5)


# --- FLQ, CILQ, SLQ: a 3 × 3 case by hand ---------------------------------------------------------

A3 = pd.DataFrame(
    [[0.10, 0.20, 0.05], [0.30, 0.10, 0.20], [0.05, 0.15, 0.10]], index=["a", "b", "c"], columns=["a", "b", "c"]
)
SLQ3 = pd.Series({"a": 2.0, "b": 0.5, "c": 1.0})


def test_slq_by_hand() -> None:
    # regional shares 10/100, 30/100, 60/100; national 100/1000, 100/1000, 800/1000 → 1, 3, 0.75
    q = io.slq(pd.Series({"x": 10.0, "y": 30.0, "z": 60.0}), pd.Series({"x": 100.0, "y": 100.0, "z": 800.0}))
    np.testing.assert_allclose(q.to_numpy(), [1.0, 3.0, 0.75])
    # with totals for the whole economy: regional 100 of 2 000, national 1 000 of 10 000 → (x) 0.1/0.02·… :
    # SLQ_x = (10/2000)/(100/10000) = 0.5
    q = io.slq(pd.Series({"x": 10.0}), pd.Series({"x": 100.0, "y": 100.0}), regional_total=2000, national_total=10000)
    assert q["x"] == pytest.approx(0.5) and q["y"] == 0.0


def test_lambda_star_by_hand() -> None:
    # log2(1.1) = ln 1.1 / ln 2 = 0.0953102 / 0.6931472 = 0.1375035; ln 0.1375035 = ln(11/80) + 0.0000256
    # = −1.9841314 + 0.0000256 = −1.9841058; λ* = e^(0.3·(−1.9841058)) = e^(−0.6)·e^(0.0047683)
    # = 0.5488116 · 1.0047797 = 0.551434
    assert io.lambda_star(0.1, 0.3) == pytest.approx(0.551434, abs=2e-6)
    assert io.lambda_star(1.0, 0.3) == pytest.approx(1.0)  # the whole nation: no reduction
    assert io.lambda_star(0.1, 0.0) == pytest.approx(1.0)  # δ = 0: FLQ = CILQ
    for bad in (0.0, -0.1, 1.5):
        with pytest.raises(ValueError):
            io.lambda_star(bad)
    with pytest.raises(ValueError):
        io.lambda_star(0.1, 1.0)


def test_flq_by_hand() -> None:
    lam = (math.log(1.1) / math.log(2)) ** 0.3  # ≈ 0.551434
    # FLQ_ij = SLQ_i/SLQ_j·λ*, diagonal SLQ_i·λ*; r_ij = a_ij·min(1, FLQ_ij):
    # row a (SLQ 2):   diag 2λ* = 1.10 → 1; a→b 2/0.5·λ* = 2.21 → 1; a→c 2/1·λ* = 1.10 → 1
    # row b (SLQ 0.5): b→a 0.25λ* = 0.138; diag 0.5λ* = 0.276; b→c 0.5λ* = 0.276
    # row c (SLQ 1):   c→a 0.5λ* = 0.276; c→b 2λ* = 1.10 → 1; diag λ* = 0.551
    expected = np.array(
        [
            [0.10, 0.20, 0.05],
            [0.30 * 0.25 * lam, 0.10 * 0.5 * lam, 0.20 * 0.5 * lam],
            [0.05 * 0.5 * lam, 0.15, 0.10 * lam],
        ]
    )
    got = io.flq(A3, SLQ3, 0.1, delta=0.3)
    np.testing.assert_allclose(got.to_numpy(), expected, rtol=1e-12)
    assert got.loc["b", "a"] == pytest.approx(0.0413576, abs=1e-7)  # 0.3 · 0.25 · 0.551434
    # an array in A's order, and a Series in another order, give the same
    np.testing.assert_allclose(io.flq(A3.to_numpy(), np.array([2.0, 0.5, 1.0]), 0.1), expected, rtol=1e-12)
    np.testing.assert_allclose(io.flq(A3, SLQ3[["c", "a", "b"]], 0.1).to_numpy(), expected, rtol=1e-12)
    with pytest.raises(ValueError):
        io.flq(A3, pd.Series({"a": 1.0, "b": 1.0}), 0.1)


def test_slq_and_cilq_variants_by_hand() -> None:
    # SLQ-only: row i × min(1, SLQ_i) → row b halved
    np.testing.assert_allclose(
        io.slq_adjust(A3, SLQ3).to_numpy(), [[0.10, 0.20, 0.05], [0.15, 0.05, 0.10], [0.05, 0.15, 0.10]]
    )
    # CILQ: b→a 0.25, diag b 0.5, b→c 0.5, c→a 0.5, others ≥ 1
    np.testing.assert_allclose(
        io.cilq_adjust(A3, SLQ3).to_numpy(), [[0.10, 0.20, 0.05], [0.075, 0.05, 0.10], [0.025, 0.15, 0.10]]
    )
    np.testing.assert_allclose(
        io.regionalise(A3, SLQ3, 0.1, method="cilq").to_numpy(), io.cilq_adjust(A3, SLQ3).to_numpy()
    )
    with pytest.raises(ValueError):
        io.regionalise(A3, SLQ3, 0.1, method="rpc")
    # a supplier absent from the region (SLQ 0) supplies nothing; a buyer with SLQ 0 leaves a_ij as is
    zero = io.cilq_adjust(A3, pd.Series({"a": 0.0, "b": 1.0, "c": 1.0}))
    assert (zero.loc["a"] == 0).all() and zero.loc["b", "a"] == 0.30


def test_flq_never_exceeds_the_national_coefficients(tables) -> None:
    A = io.technical_coefficients(tables.flows_domestic, tables.output)
    rng = np.random.default_rng(1)
    s = pd.Series(rng.uniform(0, 3, len(A)), index=A.index)
    r = io.flq(A, s, 0.008)
    assert (r.to_numpy() <= A.to_numpy() + 1e-15).all()
    lower_delta = io.flq(A, s, 0.008, delta=0.1)
    assert (lower_delta.to_numpy() >= r.to_numpy() - 1e-15).all()  # smaller δ, smaller reduction


# --- impact --------------------------------------------------------------------------------------


def test_impact_of_1000_in_one_product_is_the_inverse_column(national) -> None:
    _, L = national
    shock = pd.Series(0.0, index=L.index)
    shock["047"] = 1000.0
    effects = io.output_effects(L, shock)
    np.testing.assert_allclose((effects["direct"] + effects["indirect"]).to_numpy(), L["047"].to_numpy() * 1000)
    assert effects["induced"].abs().max() == 0


def test_impact_by_hand() -> None:
    # y = (0, 1000) on L2: output L·y = (500, 1333.33); direct 1000, indirect 833.33 in total.
    v = pd.Series({"p": 0.5, "q": 0.2})
    w = pd.Series({"p": 0.3, "q": 0.1})
    e = pd.Series({"p": 2.0, "q": 3.0})  # persons per mln ₽
    table = io.impact(
        io.leontief_inverse(A2),
        pd.Series({"p": 0.0, "q": 1000.0}),
        value_added=v,
        compensation=w,
        employment=e,
        tax_rates={"wages": 0.13, "value_added": 0.1},
    )
    assert list(table.index) == ["direct", "indirect", "induced", "total"]
    assert table.loc["direct", "output_mln_rub"] == pytest.approx(1000)
    assert table.loc["indirect", "output_mln_rub"] == pytest.approx(500 + 1000 / 3)
    assert table.loc["induced", "output_mln_rub"] == 0
    # value added: direct 0.2·1000 = 200; indirect 0.5·500 + 0.2·333.33 = 316.67
    assert table.loc["direct", "value_added_mln_rub"] == pytest.approx(200)
    assert table.loc["indirect", "value_added_mln_rub"] == pytest.approx(250 + 200 / 3)
    # compensation (= wages, none given): direct 100; indirect 0.3·500 + 0.1·333.33 = 183.33
    assert table.loc["indirect", "compensation_mln_rub"] == pytest.approx(150 + 100 / 3)
    assert table.loc["indirect", "wages_mln_rub"] == pytest.approx(150 + 100 / 3)
    # jobs: direct 3·1000 = 3000; indirect 2·500 + 3·333.33 = 2000
    assert table.loc["direct", "jobs"] == pytest.approx(3000)
    assert table.loc["indirect", "jobs"] == pytest.approx(2000)
    # taxes: direct 0.13·100 + 0.1·200 = 33
    assert table.loc["direct", "taxes_mln_rub"] == pytest.approx(33)
    assert table.loc["total", "jobs"] == pytest.approx(5000)
    # wages given apart (p 0.2, q 0.05): direct 50, indirect 0.2·500 + 0.05·333.33 = 116.67;
    # taxes direct 0.13·50 + 0.1·200 = 26.5; compensation unchanged (100)
    table = io.impact(
        io.leontief_inverse(A2),
        pd.Series({"p": 0.0, "q": 1000.0}),
        value_added=v,
        compensation=w,
        wages=pd.Series({"p": 0.2, "q": 0.05}),
        employment=e,
        tax_rates={"wages": 0.13, "value_added": 0.1},
    )
    assert table.loc["direct", "wages_mln_rub"] == pytest.approx(50)
    assert table.loc["indirect", "wages_mln_rub"] == pytest.approx(100 + 50 / 3)
    assert table.loc["direct", "compensation_mln_rub"] == pytest.approx(100)
    assert table.loc["direct", "taxes_mln_rub"] == pytest.approx(26.5)
    with pytest.raises(ValueError):
        io.impact(
            io.leontief_inverse(A2),
            pd.Series({"p": 1.0, "q": 0.0}),
            value_added=v,
            compensation=w,
            employment=e,
            tax_rates={"profit": 0.2},
        )


def test_impact_with_induced_effects(tables) -> None:
    A = io.technical_coefficients(tables.flows_domestic, tables.output)
    w = io.coefficients(tables.compensation, tables.output)
    h = io.household_consumption_coeff(tables.final_demand_domestic["P3_S14"], tables.compensation)
    L, Lbar = io.leontief_inverse(A), io.leontief_inverse(io.close_households(A, w, h))
    shock = pd.Series(0.0, index=A.index)
    shock["047"] = 1000.0
    table = io.impact(
        L,
        shock,
        value_added=io.coefficients(tables.value_added, tables.output),
        compensation=w,
        employment=pd.Series(1.0, index=A.index),
        closed_inverse=Lbar,
    )
    assert table.loc["induced", "output_mln_rub"] > 0
    assert table.loc["total", "output_mln_rub"] == pytest.approx(1000 * Lbar.loc[A.index, "047"].sum())
    assert table.loc["total", "output_mln_rub"] == pytest.approx(
        table.loc[["direct", "indirect", "induced"], "output_mln_rub"].sum()
    )


# --- employment, shocks by OKVED, linkages --------------------------------------------------------


def test_employment_by_product_by_hand() -> None:
    # A = 100 split 1:3 over p1, p2; B = 50 to p3; T missing → TOTAL − (100 + 50) = 30 to p4
    jobs = io.employment_by_product(
        pd.Series({"TOTAL": 180.0, "A": 100.0, "B": 50.0}),
        pd.Series({"p1": "A", "p2": "A", "p3": "B", "p4": "T"}),
        pd.Series({"p1": 1.0, "p2": 3.0, "p3": 7.0, "p4": 0.0}),
    )
    np.testing.assert_allclose(jobs[["p1", "p2", "p3", "p4"]].to_numpy(), [25.0, 75.0, 50.0, 30.0])


def test_shock_by_okved_to_products_by_hand() -> None:
    corr = pd.DataFrame(
        {
            "no": ["001", "002", "003", "004"],
            "okved2_divisions": ["10", "10", "29", "41;42;43"],
            "okved2_section": ["C", "C", "C", "F"],
        }
    )
    output = pd.Series({"001": 300.0, "002": 100.0, "003": 600.0, "004": 50.0})
    got = io.shock_to_products({"10.11": 100.0, "29": 10.0, "42.1": 5.0}, corr, output)
    np.testing.assert_allclose(got[["001", "002", "003", "004"]].to_numpy(), [75.0, 25.0, 10.0, 5.0])
    # a section: split by output over all C products: 300/1000, 100/1000, 600/1000
    np.testing.assert_allclose(io.shock_to_products({"C": 1000.0}, corr, output).to_numpy(), [300, 100, 600, 0])
    with pytest.raises(ValueError, match="99"):
        io.shock_to_products({"99.00": 1.0}, corr, output)


def test_linkages_by_hand() -> None:
    # column sums 13/6, 11/6 (mean 2) → backward 13/12, 11/12; row sums 2, 2 → forward 1, 1
    link = io.linkages(io.leontief_inverse(A2))
    np.testing.assert_allclose(link["backward"].to_numpy(), [13 / 12, 11 / 12])
    np.testing.assert_allclose(link["forward"].to_numpy(), [1.0, 1.0])
    assert not link["key_sector"].any()
    L = np.array([[2.0, 0.5], [1.0, 1.0]])  # columns 3, 1.5 → 4/3, 2/3; rows 2.5, 2 → 10/9, 8/9
    link = io.linkages(L)
    assert list(link["key_sector"]) == [True, False]


def test_product_slq_by_hand() -> None:
    corr = pd.DataFrame(
        {
            "no": ["p1", "p2", "p3", "p4"],
            "okved2_divisions": ["10", "29", "41;42;43", "86"],
            "okved2_section": ["C", "C", "F", "Q"],
        }
    )
    national = pd.Series({"29": 1000.0, "21": 1000.0, "F": 600.0})
    regional = pd.Series({"29": 20.0, "21": 5.0, "F": 3.0})
    got = io.product_slq(regional, national, corr, 0.01)
    # p2: (20/1000)/0.01 = 2; p1: division 10 has no data → section C = (25/2000)/0.01 = 1.25;
    # p3: divisions 41–43 have none → section row F = (3/600)/0.01 = 0.5; p4: nothing for Q → 1
    np.testing.assert_allclose(got["slq"].to_numpy(), [1.25, 2.0, 0.5, 1.0])
    assert list(got["slq_source"]) == ["section", "division", "section", "none"]
    many, source = io.product_slq_matrix(
        pd.DataFrame([[20.0, 5.0, 3.0], [0.0, 0.0, 0.0]], index=["r", "s"], columns=["29", "21", "F"]),
        national,
        corr,
        pd.Series({"r": 0.01, "s": 0.5}),
    )
    np.testing.assert_allclose(many.loc["s"].to_numpy(), [0.0, 0.0, 0.0, 1.0])
    assert list(source) == ["section", "division", "section", "none"]
    with pytest.raises(ValueError):
        io.product_slq(regional, national, corr, 0.0)
    assert io.section_of("29.10") == "C" and io.section_of("f") == "F" and io.section_of("97") == "T"
