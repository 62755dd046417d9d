"""NPV, IRR and discounted payback: hand-computed cases and numpy-financial as the oracle."""

import math

import numpy as np
import numpy_financial as npf
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analytics.metrics import finance
from analytics.metrics.finance import IRR_MULTIPLE, IRR_NONE, IRR_UNIQUE

money = st.floats(min_value=-1e4, max_value=1e4, allow_nan=False, allow_infinity=False)


# --- NPV ---------------------------------------------------------------------------------------------


def test_npv_by_hand():
    # −100 + 60/1.1 + 60/1.21 = −100 + 54.545454… + 49.586776… = 4.132231…
    assert finance.npv(0.1, [-100, 60, 60]) == pytest.approx(4.1322314, abs=1e-6)


def test_npv_does_not_discount_the_first_flow():
    assert finance.npv(0.5, [7.0]) == 7.0
    assert finance.npv(0.0, [-100, 30, 30, 40]) == 0.0


def test_npv_per_row_with_a_rate_per_row():
    # row 1 at 10%: −100 + 110/1.1 = 0; row 2 at 21%: −100 + 121/1.21 = 0; row 3 at 0%: 10
    out = finance.npv(np.array([0.1, 0.21, 0.0]), [[-100, 110], [-100, 121], [-100, 110]])
    assert out == pytest.approx([0.0, 0.0, 10.0], abs=1e-9)


def test_npv_refuses_a_rate_of_minus_100_percent():
    with pytest.raises(ValueError):
        finance.npv(-1.0, [1, 2])


@settings(max_examples=200, deadline=None)
@given(rate=st.floats(min_value=-0.9, max_value=5.0), flows=st.lists(money, min_size=1, max_size=30))
def test_npv_agrees_with_numpy_financial(rate, flows):
    assert finance.npv(rate, flows) == pytest.approx(float(npf.npv(rate, flows)), rel=1e-9, abs=1e-6)


# --- IRR ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "flows, expected",
    [
        ([-100, 110], 0.10),  # 110 / 100 − 1
        ([-100, 0, 121], 0.10),  # √(121 / 100) − 1
        ([0, -100, 110, 0], 0.10),  # leading and trailing zeros change nothing
        ([-100, 0, 0, 74], 0.74 ** (1 / 3) - 1),  # a negative IRR: ∛0.74 − 1 = −0.0955
        ([100, -110], 0.10),  # a loan: receive, then repay
    ],
)
def test_irr_by_hand(flows, expected):
    assert finance.irr(flows) == pytest.approx(expected, abs=1e-12)
    assert finance.npv(finance.irr(flows), flows) == pytest.approx(0.0, abs=1e-9)


@pytest.mark.parametrize(
    "flows",
    [
        [100, 50, 10],  # all positive: NPV never 0
        [-100, -5],  # all negative
        [0, 0, 0],  # nothing
        [-100],  # one flow
        [100, -50, 100],  # 100 − 50x + 100x² has no real root (discriminant 2,500 − 40,000 < 0)
    ],
)
def test_irr_is_nan_where_no_rate_exists(flows):
    detail = finance.irr_detail(flows)
    assert math.isnan(finance.irr(flows))
    assert detail.status.tolist() == [IRR_NONE]


def test_irr_is_nan_where_several_rates_exist():
    # −100 + 230x − 132x² = 0 → x = (230 ± 10) / 264 → x = 10/11 (r = 10%) and x = 5/6 (r = 20%)
    flows = [-100, 230, -132]
    assert finance.npv(0.10, flows) == pytest.approx(0, abs=1e-9)
    assert finance.npv(0.20, flows) == pytest.approx(0, abs=1e-9)
    assert math.isnan(finance.irr(flows))
    assert finance.irr_detail(flows).status.tolist() == [IRR_MULTIPLE]
    assert npf.irr(flows) == pytest.approx(0.10)  # numpy-financial silently picks the one nearest 0


def test_irr_with_several_sign_changes_but_one_root():
    # −100 + 50x − 10x² + 80x³: two sign changes, but the cubic has one positive root
    flows = [-100, 50, -10, 80]
    rate = finance.irr(flows)
    assert finance.irr_detail(flows).status.tolist() == [IRR_UNIQUE]
    assert finance.npv(rate, flows) == pytest.approx(0, abs=1e-8)
    assert rate == pytest.approx(npf.irr(flows), abs=1e-10)


def test_a_double_root_is_one_irr():
    # −1 + 2x − x² = −(1 − x)²: NPV touches 0 at r = 0 only
    assert finance.irr([-1, 2, -1]) == pytest.approx(0.0, abs=1e-6)


def test_irr_of_rows_equals_irr_of_each_row():
    rows = np.array([[-100, 110, 0], [-100, 0, 121], [100, 50, 10], [-100, 230, -132]], dtype=float)
    out = finance.irr(rows)
    assert out[:2] == pytest.approx([0.1, 0.1], abs=1e-12)
    assert np.isnan(out[2:]).all()
    assert finance.irr_detail(rows).status.tolist() == [IRR_UNIQUE, IRR_UNIQUE, IRR_NONE, IRR_MULTIPLE]


@settings(max_examples=300, deadline=None)
@given(
    invest=st.lists(st.floats(min_value=1, max_value=1e4), min_size=1, max_size=4),
    returns=st.lists(st.floats(min_value=0, max_value=1e4), min_size=1, max_size=25),
)
def test_irr_agrees_with_numpy_financial_on_investments(invest, returns):
    """Invest, then earn (one sign change): exactly one IRR, the one numpy-financial finds."""
    flows = [-x for x in invest] + returns + [1.0]
    assert finance.irr_detail(flows).status.tolist() == [IRR_UNIQUE]
    assert finance.irr(flows) == pytest.approx(npf.irr(flows), rel=1e-7, abs=1e-9)


def test_irr_against_numpy_financial_on_seeded_random_series():
    """Arbitrary signs: where we find one IRR it is numpy-financial's; where we find none, so does it;
    where we report several, numpy-financial's answer is one of them (a root of NPV)."""
    rng = np.random.default_rng(20181129)
    flows = rng.normal(scale=100, size=(3000, 9))
    flows[rng.random(flows.shape) < 0.25] = 0.0
    detail = finance.irr_detail(flows)
    seen = set()
    for row, rate, status in zip(flows, detail.rate, detail.status):
        reference = npf.irr(row)
        seen.add(status)
        if status == IRR_UNIQUE:
            assert rate == pytest.approx(reference, rel=1e-7, abs=1e-9)
        elif status == IRR_NONE:
            assert np.isnan(reference)
        else:  # two or more positive real roots: numpy-financial returns one of them
            assert np.isnan(rate)
            assert np.isfinite(reference)
    assert seen == {IRR_UNIQUE, IRR_NONE, IRR_MULTIPLE}


def test_vectorised_irr_is_fast_enough_for_a_portfolio():
    rng = np.random.default_rng(1)
    flows = np.column_stack([-rng.uniform(1, 100, 2000), rng.uniform(0, 50, (2000, 20))])
    rates = finance.irr(flows)
    assert np.isfinite(rates).all()
    assert finance.npv(rates, flows) == pytest.approx(np.zeros(2000), abs=1e-7)


# --- Payback -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "rate, flows, expected",
    [
        (0.0, [-100, 50, 50], 2.0),  # cumulative −100, −50, 0: paid back at t = 2 exactly
        (0.1, [-100, 60, 60], 2.0),  # −100, −45.45, +4.13
        (0.1, [-100, 50, 50], np.nan),  # −100, −54.5, −13.2: not within the series
        (0.0, [10, -5], 0.0),  # never below zero
        (0.0, [-100, 150, -60, 20], 3.0),  # −100, 50, −10, 10: a later dip moves the payback
        (0.0, [-100, 150, -100, 10], np.nan),  # −100, 50, −50, −40
    ],
)
def test_discounted_payback_by_hand(rate, flows, expected):
    got = finance.discounted_payback(rate, flows)
    if np.isnan(expected):
        assert np.isnan(got)
    else:
        assert got == expected


def test_recovery_index_rows():
    out = finance.recovery_index([[-1, 0, 1], [1, 2, 3], [-1, -1, -1]])
    assert out[:2].tolist() == [1.0, 0.0] and np.isnan(out[2])
