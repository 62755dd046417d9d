"""Tests that kill mutants `make mutation` found alive in analytics/metrics/input_output.py (docs/mutation.md).

Every expected value is worked out by hand from the formula in the function's docstring (Miller & Blair
2009; Flegg & Webber 1997), the arithmetic written next to it. A2 / L2 are the 2 × 2 case of
tests/test_input_output.py: A = [[0.2, 0.3], [0.4, 0.1]], L = (I − A)⁻¹ = [[1.5, 0.5], [2/3, 4/3]].
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from analytics.metrics import input_output as io

A2 = pd.DataFrame([[0.2, 0.3], [0.4, 0.1]], index=["p", "q"], columns=["p", "q"])
L2 = np.array([[1.5, 0.5], [2 / 3, 4 / 3]])


# --- national model -------------------------------------------------------------------------------------


def test_technical_coefficients_of_arrays():
    # z = [[20, 60], [40, 20]], x = (100, 0): column p / 100, column q (no output) left at 0
    a = io.technical_coefficients(np.array([[20.0, 60.0], [40.0, 20.0]]), np.array([100.0, 0.0]))
    assert isinstance(a, np.ndarray)
    np.testing.assert_allclose(a, [[0.2, 0.0], [0.4, 0.0]])


def test_aligned_refuses_missing_labels_and_wrong_lengths():
    flows = pd.DataFrame([[20.0, 60.0], [40.0, 20.0]], index=["p", "q"], columns=["p", "q"])
    with pytest.raises(ValueError, match=r"output: no value for \['q'\]"):
        io.technical_coefficients(flows, pd.Series({"p": 100.0}))
    with pytest.raises(ValueError, match="output: 3 values for 2 products"):
        io.technical_coefficients(flows, np.array([1.0, 2.0, 3.0]))
    # an array of the right length is taken in the flows' column order
    np.testing.assert_allclose(
        io.technical_coefficients(flows, np.array([100.0, 200.0])).to_numpy(), [[0.2, 0.3], [0.4, 0.1]]
    )


def test_leontief_inverse_of_an_array():
    inv = io.leontief_inverse(A2.to_numpy())
    assert isinstance(inv, np.ndarray)
    np.testing.assert_allclose(inv, L2)


def test_coefficients_per_rouble_of_output():
    # v = B1g / P1: 50/100 = 0.5, 30/0 → 0 (no output), 20/40 = 0.5; output aligned by label
    v = io.coefficients(pd.Series({"a": 50.0, "b": 30.0, "c": 20.0}), pd.Series({"c": 40.0, "a": 100.0, "b": 0.0}))
    assert v.to_dict() == {"a": 0.5, "b": 0.0, "c": 0.5}


def test_output_multipliers_of_frames_and_arrays():
    L = io.leontief_inverse(A2)
    m = io.output_multipliers(L)
    assert m.name == "output" and list(m.index) == ["p", "q"]
    np.testing.assert_allclose(m.to_numpy(), [13 / 6, 11 / 6])  # 1.5 + 2/3, 0.5 + 4/3
    np.testing.assert_allclose(io.output_multipliers(L2), [13 / 6, 11 / 6])


def test_multipliers_of_a_closed_model_use_the_product_block():
    # one product a = 0.5, w = 0.2, h = 1: closed inverse [[1, 1], [0.2, 0.5]] / 0.3 (tests/test_input_output.py);
    # the product block is [[1/0.3]] → output multiplier 10/3, income multiplier 0.2 · 10/3 = 2/3
    A = pd.DataFrame([[0.5]], index=["p"], columns=["p"])
    closed = io.close_households(A, pd.Series({"p": 0.2}), pd.Series({"p": 1.0}))
    assert list(closed.index) == ["p", "households"] and list(closed.columns) == ["p", "households"]
    np.testing.assert_allclose(closed.to_numpy(), [[0.5, 1.0], [0.2, 0.0]])
    inv = io.leontief_inverse(closed)
    m = io.multipliers(inv, {"income": pd.Series({"p": 0.2})})
    assert list(m.index) == ["p"]
    assert m.loc["p", "output"] == pytest.approx(10 / 3)
    assert m.loc["p", "income"] == pytest.approx(2 / 3)
    # without coefficient rows the whole (closed) inverse is summed: 1/0.3 + 0.2/0.3 = 4
    whole = io.multipliers(inv.to_numpy(), {})
    assert list(whole.index) == [0, 1]
    np.testing.assert_allclose(whole["output"].to_numpy(), [1.2 / 0.3, 1.5 / 0.3])


def test_close_households_with_arrays_and_labels_checked():
    closed = io.close_households(A2.to_numpy(), np.array([0.3, 0.1]), np.array([0.6, 0.4]))
    np.testing.assert_allclose(closed, [[0.2, 0.3, 0.6], [0.4, 0.1, 0.4], [0.3, 0.1, 0.0]])
    with pytest.raises(ValueError, match="compensation coefficients"):
        io.close_households(A2, pd.Series({"p": 0.3}), pd.Series({"p": 0.6, "q": 0.4}))
    with pytest.raises(ValueError, match="household consumption coefficients"):
        io.close_households(A2, pd.Series({"p": 0.3, "q": 0.1}), pd.Series({"q": 0.4}))


def test_household_consumption_coefficients_by_hand():
    c = pd.Series({"p": 30.0, "q": 10.0})
    # consumption 40 < compensation 80 → κ = 40/80 = 0.5; h = 0.5 · (30, 10)/40 = (0.375, 0.125)
    h = io.household_consumption_coeff(c, pd.Series({"p": 50.0, "q": 30.0}))
    np.testing.assert_allclose(h.to_numpy(), [0.375, 0.125])
    # consumption 40 > compensation 20 → κ = min(1, 2) = 1; h = (0.75, 0.25)
    np.testing.assert_allclose(
        io.household_consumption_coeff(c, pd.Series({"p": 10.0, "q": 10.0})).to_numpy(), [0.75, 0.25]
    )
    # consumption = compensation → κ = 1 exactly
    np.testing.assert_allclose(
        io.household_consumption_coeff(c, pd.Series({"p": 20.0, "q": 20.0})).to_numpy(), [0.75, 0.25]
    )
    # κ given: 0 and 1 are allowed (ends of 0–1), below 0 is not
    assert io.household_consumption_coeff(c, c, propensity=0.0).tolist() == [0.0, 0.0]
    np.testing.assert_allclose(io.household_consumption_coeff(c, c, propensity=1.0).to_numpy(), [0.75, 0.25])
    with pytest.raises(ValueError, match="propensity -0.1 outside"):
        io.household_consumption_coeff(c, c, propensity=-0.1)
    # nothing consumed: all zero, whatever κ
    zero = io.household_consumption_coeff(pd.Series({"p": 0.0, "q": 0.0}), c, propensity=5.0)
    assert zero.tolist() == [0.0, 0.0]


def test_linkages_need_both_above_one():
    # L = [[1.2, 0.5], [0.5, 1.0]]: column sums 1.7, 1.5 (mean 1.6) → backward 1.0625, 0.9375;
    # row sums 1.7, 1.5 → forward 1.0625, 0.9375: key sector p only
    link = io.linkages(pd.DataFrame([[1.2, 0.5], [0.5, 1.0]], index=["p", "q"], columns=["p", "q"]))
    np.testing.assert_allclose(link["backward"].to_numpy(), [1.0625, 0.9375])
    np.testing.assert_allclose(link["forward"].to_numpy(), [1.0625, 0.9375])
    assert link["key_sector"].tolist() == [True, False] and list(link.index) == ["p", "q"]
    # backward > 1 but forward < 1 is not key: L = [[1, 0], [1, 1]] cols 2, 1 (→ 4/3, 2/3), rows 1, 2 (→ 2/3, 4/3)
    link = io.linkages(np.array([[1.0, 0.0], [1.0, 1.0]]))
    np.testing.assert_allclose(link["backward"].to_numpy(), [4 / 3, 2 / 3])
    np.testing.assert_allclose(link["forward"].to_numpy(), [2 / 3, 4 / 3])
    assert not link["key_sector"].any()
    # exactly 1 on both is not "> 1"
    assert not io.linkages(np.eye(2))["key_sector"].any()


def test_employment_by_product_gaps_and_equal_splits():
    sections = pd.Series({"p1": "A", "p2": "A", "p3": "T", "p4": "U"})
    # TOTAL 100 < listed 120: the gap is negative → 0 for the missing sections T and U
    jobs = io.employment_by_product(
        pd.Series({"TOTAL": 100.0, "A": 120.0}), sections, pd.Series({"p1": 1.0, "p2": 1.0, "p3": 1.0, "p4": 1.0})
    )
    assert jobs.name == "persons"
    np.testing.assert_allclose(jobs[["p1", "p2", "p3", "p4"]].to_numpy(), [60.0, 60.0, 0.0, 0.0])
    # TOTAL 180, listed 120 → gap 60 split over the two missing sections: 30 each
    jobs = io.employment_by_product(
        pd.Series({"TOTAL": 180.0, "A": 120.0}), sections, pd.Series({"p1": 0.0, "p2": 0.0, "p3": 1.0, "p4": 1.0})
    )
    # A's weights are all zero → equal split 60 / 60
    np.testing.assert_allclose(jobs[["p1", "p2", "p3", "p4"]].to_numpy(), [60.0, 60.0, 30.0, 30.0])
    # no TOTAL: missing sections get nothing
    jobs = io.employment_by_product(
        pd.Series({"A": 120.0}), sections, pd.Series({"p1": 1.0, "p2": 3.0, "p3": 1.0, "p4": 1.0})
    )
    np.testing.assert_allclose(jobs[["p1", "p2", "p3", "p4"]].to_numpy(), [30.0, 90.0, 0.0, 0.0])


# --- regionalisation -----------------------------------------------------------------------------------


def test_slq_totals_must_be_positive_and_missing_regions_are_zero():
    national = pd.Series({"x": 100.0, "y": 0.0, "z": 900.0})
    q = io.slq(pd.Series({"x": 10.0, "y": 5.0}), national)
    # regional total 15 (z missing → 0): x (10/15)/(100/1000) = 6.667; y: nation has none → 0; z 0
    np.testing.assert_allclose(q.to_numpy(), [20 / 3, 0.0, 0.0])
    assert q.name == "slq" and list(q.index) == ["x", "y", "z"]
    with pytest.raises(ValueError, match="positive"):
        io.slq(pd.Series({"x": 0.0}), national)
    with pytest.raises(ValueError, match="positive"):
        io.slq(pd.Series({"x": 1.0}), national, national_total=0)
    with pytest.raises(ValueError, match="positive"):
        io.slq(pd.Series({"x": 1.0}), national, regional_total=-1)


def test_lambda_star_at_the_ends_of_its_ranges():
    assert io.lambda_star(1.0) == pytest.approx(1.0)  # share 1 allowed: log₂ 2 = 1
    # δ at the lower end 0 allowed; just below 1 allowed: λ* = log₂(1.5)^0.999 = 0.58496^0.999
    assert io.lambda_star(0.5, 0.999) == pytest.approx((math.log(1.5) / math.log(2)) ** 0.999)
    assert io.lambda_star(0.5) == pytest.approx((math.log(1.5) / math.log(2)) ** 0.3)  # the default δ 0.3
    with pytest.raises(ValueError, match=r"delta -0.1 outside \[0.0, 1.0\)"):
        io.lambda_star(0.5, -0.1)
    with pytest.raises(ValueError, match=r"regional share 1.01 outside \(0, 1\]"):
        io.lambda_star(1.01)


def test_cilq_by_hand():
    # SLQ (2, 0.5, 0): CILQ_ij = SLQ_i / SLQ_j, diagonal SLQ_i; SLQ_j = 0 < SLQ_i → inf; 0/0 → 0
    q = io.cilq(pd.Series({"a": 2.0, "b": 0.5, "c": 0.0}))
    assert list(q.index) == ["a", "b", "c"] and list(q.columns) == ["a", "b", "c"]
    expected = np.array([[2.0, 4.0, np.inf], [0.25, 0.5, np.inf], [0.0, 0.0, 0.0]])
    np.testing.assert_array_equal(q.to_numpy(), expected)
    arr = io.cilq(np.array([2.0, 0.5]))
    assert isinstance(arr, np.ndarray)
    np.testing.assert_array_equal(arr, [[2.0, 4.0], [0.25, 0.5]])
    labelled = io.cilq(np.array([2.0, 0.5]), labels=pd.Index(["u", "v"]))
    assert list(labelled.index) == ["u", "v"]


def test_flq_quotients_and_regionalise_by_method():
    lam = (math.log(1.2) / math.log(2)) ** 0.3
    q = io.flq_quotients(np.array([2.0, 0.5]), 0.2)
    np.testing.assert_allclose(q, np.array([[2.0, 4.0], [0.25, 0.5]]) * lam)
    q1 = io.flq_quotients(pd.Series([2.0, 0.5]), 0.2, delta=0.1)
    np.testing.assert_allclose(q1, np.array([[2.0, 4.0], [0.25, 0.5]]) * (math.log(1.2) / math.log(2)) ** 0.1)
    s = pd.Series({"p": 2.0, "q": 0.5})
    # flq: r = a · min(1, FLQ); λ*(0.2) = log₂(1.2)^0.3 = 0.2630^0.3 = 0.6699: row p 2λ* = 1.34, 4λ* ≥ 1 → kept;
    # row q 0.25λ*, 0.5λ* < 1 → scaled
    r = io.regionalise(A2, s, 0.2)
    np.testing.assert_allclose(r.to_numpy(), [[0.2, 0.3], [0.4 * 0.25 * lam, 0.1 * 0.5 * lam]])
    np.testing.assert_allclose(
        io.regionalise(A2, s, 0.2, method="flq", delta=0.1).to_numpy(), io.flq(A2, s, 0.2, delta=0.1).to_numpy()
    )
    # slq: row q halved
    np.testing.assert_allclose(io.regionalise(A2, s, 0.2, method="slq").to_numpy(), [[0.2, 0.3], [0.2, 0.05]])
    with pytest.raises(ValueError, match="unknown method 'x'"):
        io.regionalise(A2, s, 0.2, method="x")


# --- impact -------------------------------------------------------------------------------------------


def test_output_effects_with_a_closed_inverse_by_hand():
    # one product: L = [[2]], L̄ = [[10/3, ·], [·, ·]]; y = 30: direct 30, indirect 60 − 30 = 30,
    # induced 100 − 60 = 40, total 100
    closed = np.array([[1.0, 1.0], [0.2, 0.5]]) / 0.3
    e = io.output_effects(np.array([[2.0]]), np.array([30.0]), closed_inverse=closed)
    assert e.loc[0].tolist() == pytest.approx([30.0, 30.0, 40.0, 100.0])
    assert list(e.columns) == ["direct", "indirect", "induced", "total"]
    labelled = io.output_effects(
        pd.DataFrame(L2, index=["p", "q"], columns=["p", "q"]), pd.Series({"q": 6.0, "p": 0.0})
    )
    # L y with y = (0, 6): (3, 8): direct (0, 6), indirect (3, 2)
    assert labelled["indirect"].to_dict() == pytest.approx({"p": 3.0, "q": 2.0})
    assert labelled["total"].to_dict() == pytest.approx({"p": 3.0, "q": 8.0})


def test_impact_with_induced_rows_and_compensation_tax():
    closed = np.array([[1.0, 1.0], [0.2, 0.5]]) / 0.3
    t = io.impact(
        np.array([[2.0]]),
        np.array([30.0]),
        value_added=np.array([0.5]),
        compensation=np.array([0.2]),
        employment=np.array([4.0]),
        tax_rates={"compensation": 0.3},
        closed_inverse=closed,
    )
    assert list(t.index) == ["direct", "indirect", "induced", "total"] and t.index.name == "effect"
    assert list(t.columns) == list(io.IMPACT_COLUMNS)
    # output 30 / 30 / 40; compensation 0.2 × → 6 / 6 / 8; taxes 0.3 × compensation → 1.8 / 1.8 / 2.4
    assert t["output_mln_rub"].tolist() == pytest.approx([30, 30, 40, 100])
    assert t["value_added_mln_rub"].tolist() == pytest.approx([15, 15, 20, 50])
    assert t["compensation_mln_rub"].tolist() == pytest.approx([6, 6, 8, 20])
    assert t["wages_mln_rub"].tolist() == pytest.approx([6, 6, 8, 20])
    assert t["jobs"].tolist() == pytest.approx([120, 120, 160, 400])
    assert t["taxes_mln_rub"].tolist() == pytest.approx([1.8, 1.8, 2.4, 6.0])
    no_tax = io.impact(
        np.array([[2.0]]),
        np.array([30.0]),
        value_added=np.array([0.5]),
        compensation=np.array([0.2]),
        employment=np.array([4.0]),
    )
    assert no_tax["taxes_mln_rub"].tolist() == [0, 0, 0, 0]
    with pytest.raises(ValueError, match=r"unknown tax bases \['profit'\]"):
        io.impact(
            np.array([[2.0]]),
            np.array([30.0]),
            value_added=np.array([0.5]),
            compensation=np.array([0.2]),
            employment=np.array([4.0]),
            tax_rates={"profit": 0.2, "wages": 0.13},
        )


# --- shocks by OKVED, sections ---------------------------------------------------------------------------

CORR = pd.DataFrame(
    {
        "no": ["001", "002", "003", "004"],
        "okved2_divisions": ["01", "01", "29", "41;42;43"],
        "okved2_section": ["A", "A", "C", "F"],
    }
)


def test_shock_codes_are_trimmed_padded_and_split_by_output():
    output = pd.Series({"001": 0.0, "002": 0.0, "003": 600.0, "004": -5.0})
    # " 1.11 " → division "01": both products have no output → equal split 50 / 50
    got = io.shock_to_products({" 1.11 ": 100.0}, CORR, output)
    assert got.name == "shock_mln_rub"
    np.testing.assert_allclose(got.to_numpy(), [50.0, 50.0, 0.0, 0.0])
    # "f" → section F; its only product has negative output (clipped to 0) → all of it there
    np.testing.assert_allclose(io.shock_to_products({"f": 7.0}, CORR, output).to_numpy(), [0, 0, 0, 7.0])
    # two codes add up in one product
    np.testing.assert_allclose(io.shock_to_products({"29.10": 1.0, "29": 2.0}, CORR, output).to_numpy(), [0, 0, 3.0, 0])
    with pytest.raises(ValueError, match=r"\['99', 'Z'\]"):
        io.shock_to_products({"99": 1.0, "Z": 1.0, "29": 1.0}, CORR, output)


def test_a_division_is_matched_whole_not_as_a_substring():
    corr = pd.DataFrame({"no": ["001"], "okved2_divisions": ["10;11"], "okved2_section": ["C"]})
    with pytest.raises(ValueError):
        io.shock_to_products({"1": 1.0}, corr, pd.Series({"001": 1.0}))  # "01" is not "10" or "11"


@pytest.mark.parametrize(
    "code, section",
    [
        ("01", "A"),
        ("03", "A"),
        ("05", "B"),
        ("09", "B"),
        ("10", "C"),
        ("33", "C"),
        ("35", "D"),
        ("36", "E"),
        ("43", "F"),
        ("45", "G"),
        ("84", "O"),
        ("98", "T"),
        ("99", "U"),
        ("a", "A"),
        (" u ", "U"),
        ("29.10.1", "C"),
    ],
)
def test_section_of_at_the_ends_of_its_ranges(code, section):
    assert io.section_of(code) == section


@pytest.mark.parametrize("code", ["04", "34", "00", "V"])
def test_section_of_refuses_gaps(code):
    with pytest.raises(ValueError):
        io.section_of(code)


def test_product_slq_matrix_shares_must_lie_in_zero_one():
    corr = pd.DataFrame({"no": ["p1"], "okved2_divisions": ["29"], "okved2_section": ["C"]})
    national = pd.Series({"29": 100.0})
    regional = pd.DataFrame([[10.0]], index=["r"], columns=["29"])
    # share 1 allowed: SLQ = (10/100)/1 = 0.1
    values, source = io.product_slq_matrix(regional, national, corr, pd.Series({"r": 1.0}))
    assert values.loc["r", "p1"] == pytest.approx(0.1) and source.name == "slq_source"
    for bad in (0.0, 1.5, -0.2):
        with pytest.raises(ValueError, match="regional share"):
            io.product_slq_matrix(regional, national, corr, pd.Series({"r": bad}))
    with pytest.raises(ValueError, match="regional share"):
        io.product_slq_matrix(regional, national, corr, pd.Series({"s": 0.5}))  # no share for r


def test_product_slq_sums_repeated_codes_and_takes_sections_from_divisions():
    corr = pd.DataFrame({"no": ["p1", "p2"], "okved2_divisions": ["10", "28"], "okved2_section": ["C", "C"]})
    # p1: division 10 has data ("10" given twice: 6 + 4 = 10). p2: division 28 has none and there is no
    # section row C, so section C = the sum of its divisions 10 and 29: regional 10 + 5 = 15, national 300
    national = pd.Series({"10": 100.0, "29": 200.0})
    regional = pd.Series([6.0, 4.0, 5.0], index=["10", "10", "29"])
    got = io.product_slq(regional, national, corr, 0.1)
    # p1: (10/100)/0.1 = 1.0; p2: (15/300)/0.1 = 0.5
    np.testing.assert_allclose(got["slq"].to_numpy(), [1.0, 0.5])
    assert list(got["slq_source"]) == ["division", "section"]
    assert io.product_slq(regional, national, corr, 1.0)["slq"].tolist() == pytest.approx([0.1, 0.05])
    with pytest.raises(ValueError, match="regional share 1.2"):
        io.product_slq(regional, national, corr, 1.2)


# --- second round: survivors of the first mutation run -----------------------------------------------------


def test_coefficients_with_an_object_output_series():
    # a query result with a missing output comes as an object column holding None: 50/100 = 0.5, 30/None → NaN
    v = io.coefficients(pd.Series({"a": 50.0, "b": 30.0}), pd.Series({"a": 100.0, "b": None}, dtype=object))
    assert v["a"] == 0.5 and np.isnan(v["b"])


def test_coefficient_rows_are_aligned_to_the_inverse_by_label():
    # v given in the order (q, p): v_p = 0.5, v_q = 0.2 → v'L = (0.5·1.5 + 0.2·2/3, 0.5·0.5 + 0.2·4/3)
    L = io.leontief_inverse(A2)
    m = io.multipliers(L, {"value_added": pd.Series({"q": 0.2, "p": 0.5})})
    np.testing.assert_allclose(m["value_added"].to_numpy(), [0.75 + 0.4 / 3, 0.25 + 0.8 / 3])


def test_error_messages_name_the_vector_exactly():
    with pytest.raises(ValueError, match=r"^compensation coefficients: no value for \['q'\]$"):
        io.close_households(A2, pd.Series({"p": 0.3}), pd.Series({"p": 0.6, "q": 0.4}))
    with pytest.raises(ValueError, match=r"^shock: no value for \['p'\]$"):
        io.output_effects(io.leontief_inverse(A2), pd.Series({"q": 1.0}))
    both = pd.Series({"p": 0.1, "q": 0.1})
    with pytest.raises(ValueError, match=r"^compensation: no value for \['q'\]$"):
        io.impact(io.leontief_inverse(A2), both, value_added=both, compensation=pd.Series({"p": 0.1}), employment=both)
    with pytest.raises(ValueError, match=r"^no OKVED 2 section for '04'$"):
        io.section_of("04")


def test_household_coefficients_when_consumption_is_below_one():
    # consumption 0.3 + 0.2 = 0.5 (mln ₽) against compensation 1 → κ = 0.5; h = 0.5 · (0.6, 0.4) = (0.3, 0.2)
    h = io.household_consumption_coeff(pd.Series({"p": 0.3, "q": 0.2}), pd.Series({"p": 0.5, "q": 0.5}))
    np.testing.assert_allclose(h.to_numpy(), [0.3, 0.2])


def test_a_backward_linkage_of_exactly_one_is_not_key():
    # L = [[1.5, 1.5], [0.5, 0.5]]: column sums 2, 2 → backward 1, 1; row sums 3, 1 → forward 1.5, 0.5
    link = io.linkages(np.array([[1.5, 1.5], [0.5, 0.5]]))
    np.testing.assert_allclose(link["backward"].to_numpy(), [1.0, 1.0])
    np.testing.assert_allclose(link["forward"].to_numpy(), [1.5, 0.5])
    assert link["key_sector"].tolist() == [False, False]


def test_employment_split_when_a_sections_weights_sum_to_one():
    # A = 100 over weights 0.25, 0.75 (sum exactly 1) → 25, 75
    jobs = io.employment_by_product(
        pd.Series({"A": 100.0}), pd.Series({"p1": "A", "p2": "A"}), pd.Series({"p1": 0.25, "p2": 0.75})
    )
    np.testing.assert_allclose(jobs[["p1", "p2"]].to_numpy(), [25.0, 75.0])


def test_cilq_of_zero_slqs_warns_nothing():
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        q = io.cilq(np.array([0.0, 0.0]))
    np.testing.assert_array_equal(q, [[0.0, 0.0], [0.0, 0.0]])


def test_cilq_and_impact_align_series_by_label():
    # SLQ given as (c, b, a) = (1, 0.5, 2): the same as SLQ (a 2, b 0.5, c 1) → CILQ b→a 0.25 etc.
    A3 = pd.DataFrame(
        [[0.10, 0.20, 0.05], [0.30, 0.10, 0.20], [0.05, 0.15, 0.10]], index=list("abc"), columns=list("abc")
    )
    got = io.cilq_adjust(A3, pd.Series({"c": 1.0, "b": 0.5, "a": 2.0}))
    np.testing.assert_allclose(got.to_numpy(), [[0.10, 0.20, 0.05], [0.075, 0.05, 0.10], [0.025, 0.15, 0.10]])
    # employment (q 3, p 2) given in the other order: direct jobs of y = (0, 1000) are 3 · 1000
    L = io.leontief_inverse(A2)
    coeff = pd.Series({"p": 0.1, "q": 0.1})
    t = io.impact(
        L,
        pd.Series({"p": 0.0, "q": 1000.0}),
        value_added=coeff,
        compensation=coeff,
        employment=pd.Series({"q": 3.0, "p": 2.0}),
    )
    assert t.loc["direct", "jobs"] == pytest.approx(3000.0)


def test_a_one_digit_division_code_and_a_small_output_split():
    output = pd.Series({"001": 0.4, "002": 0.1, "003": 600.0, "004": 1.0})
    # "1" → division 01 (not a section letter); output 0.4 : 0.1 (total 0.5) → shares 0.8, 0.2
    got = io.shock_to_products({"1": 10.0}, CORR, output)
    np.testing.assert_allclose(got.to_numpy(), [8.0, 2.0, 0.0, 0.0])


def test_section_rows_with_less_than_one_person_nationally():
    # the nation has 1 person in section F (its row), none in divisions 41–43: SLQ by section = (0.25/1)/0.5 = 0.5
    corr = pd.DataFrame({"no": ["p"], "okved2_divisions": ["41;42;43"], "okved2_section": ["F"]})
    got = io.product_slq(pd.Series({"F": 0.25}), pd.Series({"F": 1.0}), corr, 0.5)
    assert got["slq"].tolist() == pytest.approx([0.5]) and got["slq_source"].tolist() == ["section"]


# --- third round ----------------------------------------------------------------------------------------


def test_flq_uses_the_delta_given():
    # δ = 0.1: λ* = log₂(1.2)^0.1 = 0.26303^0.1; r_qp = 0.4 · 0.25 · λ*, r_qq = 0.1 · 0.5 · λ*
    lam = (math.log(1.2) / math.log(2)) ** 0.1
    r = io.flq(A2, pd.Series({"p": 2.0, "q": 0.5}), 0.2, delta=0.1)
    np.testing.assert_allclose(r.to_numpy(), [[0.2, 0.3], [0.4 * 0.25 * lam, 0.1 * 0.5 * lam]])


def test_more_exact_error_messages():
    both = pd.Series({"p": 0.1, "q": 0.1})
    with pytest.raises(ValueError, match=r"^value_added: no value for \['q'\]$"):
        io.impact(io.leontief_inverse(A2), both, value_added=pd.Series({"p": 0.1}), compensation=both, employment=both)
    with pytest.raises(ValueError, match=r"^employment totals must be positive$"):
        io.slq(pd.Series({"x": 0.0}), pd.Series({"x": 1.0}))


def test_slq_with_totals_below_one():
    # regional 0.25 of 0.5, national 1 of 4 → (0.5)/(0.25) = 2: small totals are still positive
    q = io.slq(pd.Series({"x": 0.25, "y": 0.25}), pd.Series({"x": 1.0, "y": 3.0}))
    np.testing.assert_allclose(q.to_numpy(), [2.0, 2 / 3])


def test_negative_household_consumption_gives_zero_coefficients():
    h = io.household_consumption_coeff(pd.Series({"p": -1.0, "q": 0.5}), pd.Series({"p": 1.0, "q": 1.0}))
    assert h.tolist() == [0.0, 0.0]


def test_product_slq_matrix_codes_missing_from_the_regions_count_as_zero():
    corr = pd.DataFrame({"no": ["p1", "p2"], "okved2_divisions": ["10", "29"], "okved2_section": ["C", "C"]})
    national = pd.Series({"10": 100.0, "29": 100.0})
    regional = pd.DataFrame([[20.0]], index=["r"], columns=["29"])  # no column "10"
    values, _ = io.product_slq_matrix(regional, national, corr, pd.Series({"r": 0.1}))
    # p1: 0/100/0.1 = 0; p2: (20/100)/0.1 = 2
    np.testing.assert_allclose(values.loc["r"].to_numpy(), [0.0, 2.0])


def test_product_slq_with_regional_but_no_national_employment_warns_nothing():
    import warnings

    corr = pd.DataFrame({"no": ["p"], "okved2_divisions": ["29"], "okved2_section": ["C"]})
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        got = io.product_slq(pd.Series({"29": 5.0, "21": 10.0}), pd.Series({"29": 0.0, "21": 100.0}), corr, 0.1)
    # division 29 has no national employment → section C = 29 + 21: (15/100)/0.1 = 1.5
    assert got["slq"].tolist() == pytest.approx([1.5]) and got["slq_source"].tolist() == ["section"]
