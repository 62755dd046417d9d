"""Tests that kill the mutants `make mutation` found alive in analytics/metrics/finance.py (docs/mutation.md).

Each expected value is worked out by hand from the formula in the module's docstrings, or from the tolerance
rules stated beside its constants (a root counts as real when |imag| ≤ 1e-7 · max(|root|, 1); two real roots
are one when their distance is ≤ 1e-6 of the larger).
"""

import math
import warnings

import numpy as np
import pytest

from analytics.metrics import finance
from analytics.metrics.finance import IRR_NONE, IRR_UNIQUE

RATE_MESSAGE = r"^discount rate must be greater than −1 \(−100%\)$"


def test_a_rate_of_minus_100_percent_is_refused_with_the_documented_message():
    with pytest.raises(ValueError, match=RATE_MESSAGE):
        finance.npv(-1.0, [1, 2])
    with pytest.raises(ValueError, match=RATE_MESSAGE):
        finance.discounted_payback(np.array([0.1, -1.5]), [[1, 2], [1, 2]])


def test_one_series_gives_a_plain_float_every_time():
    # −100 + 121/1.21 = 0 at 21 %; the 1-D forms return a Python float, not a length-1 array.
    assert type(finance.npv(0.21, [-100.0, 121.0])) is float
    assert type(finance.irr([-100.0, 121.0])) is float
    assert type(finance.discounted_payback(0.0, [-100.0, 100.0])) is float
    assert type(finance.recovery_index([-5.0, 1.0])) is float


def test_recovery_index_of_one_series_by_hand():
    # cumulative −5, −1, 2, 3: below zero at periods 0 and 1, then stays ≥ 0 → index 2
    assert finance.recovery_index([-5.0, -1.0, 2.0, 3.0]) == 2.0
    # never below → 0; still below at the end → NaN; a dip after a first recovery counts (stays recovered at 3)
    assert finance.recovery_index([0.0, 1.0]) == 0.0
    assert math.isnan(finance.recovery_index([1.0, -1.0]))
    assert finance.recovery_index([-1.0, 1.0, -0.5, 2.0]) == 3.0
    # a tolerance lets −0.5 count as recovered: index 1
    assert finance.recovery_index([-1.0, -0.5, 2.0], tol=0.5) == 1.0


def test_recovery_index_of_series_without_periods_is_nan():
    # No period exists, so there is no first period from which the series stays recovered: NaN per row.
    out = finance.recovery_index(np.zeros((2, 0)))
    assert out.shape == (2,)
    assert np.isnan(out).all()


def test_discounted_payback_with_a_rate_per_row():
    # Row 1 at 0 %: cumulative −100, −40, 20 → recovered from t = 2.
    # Row 2 at 100 %: −100, −100 + 60/2 = −70, −70 + 60/4 = −55 → never recovered → NaN.
    out = finance.discounted_payback(np.array([0.0, 1.0]), [[-100.0, 60.0, 60.0], [-100.0, 60.0, 60.0]])
    assert out[0] == 2.0
    assert math.isnan(out[1])


def test_discounted_payback_treats_rounding_noise_as_zero():
    # −0.7 + 7 × 0.1 = 0 exactly in arithmetic, so the cumulative flow reaches 0 at t = 7 and the project has
    # paid back then; in binary floating point the sum is −2.8e−17, which the 1e−12 tolerance must absorb.
    assert finance.discounted_payback(0.0, [-0.7] + [0.1] * 7) == 7.0


def test_a_complex_pair_close_to_a_large_real_root_counts_as_a_double_root():
    # 100 − 20x + x² + 2.5e−13 has roots x = 10 ± 5e−7 i. |imag| = 5e−7 ≤ 1e−7 · max(10, 1) = 1e−6, so both
    # count as the real root x = 10 (one IRR): r = 1/x − 1 = −0.9. Flows 100, −20, 1 change sign twice.
    detail = finance.irr_detail([100.0 + 2.5e-13, -20.0, 1.0])
    assert detail.status[0] == IRR_UNIQUE
    assert detail.rate[0] == pytest.approx(-0.9, abs=1e-9)


def test_a_complex_pair_near_a_small_root_is_not_real():
    # 0.81 + 2.25e−14 − 1.8x + x² has roots x = 0.9 ± 1.5e−7 i: |imag| = 1.5e−7 > 1e−7 · max(0.9, 1) = 1e−7,
    # so no real root: no IRR.
    detail = finance.irr_detail([0.81 + 2.25e-14, -1.8, 1.0])
    assert detail.status[0] == IRR_NONE
    assert math.isnan(detail.rate[0])


def test_two_large_roots_closer_than_one_millionth_are_one_root():
    # (x − 10)(x − 10.000005) = x² − 20.000005x + 100.00005: the roots differ by 5e−6, which is 5e−7 of the
    # larger — under the 1e−6 merge rule, so one (double) root at x ≈ 10.0000025: r = 1/x − 1 ≈ −0.9.
    detail = finance.irr_detail([100.00005, -20.000005, 1.0])
    assert detail.status[0] == IRR_UNIQUE
    assert detail.rate[0] == pytest.approx(-0.9, abs=1e-6)


def test_series_with_complex_roots_raise_no_numpy_warning():
    # 1 − 1x + 1x² (two sign changes) has only complex roots x = (1 ± i√3)/2: no IRR, and no RuntimeWarning
    # (a warning would reach the app's log for every such project).
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        detail = finance.irr_detail([[1.0, -1.0, 1.0], [-100.0, 230.0, -132.0]])
    assert detail.status[0] == IRR_NONE


def test_the_rounding_tolerance_is_relative_to_the_series_own_size():
    # −100 + 110 / 1.1 = 0 exactly (payback at t = 1), but in floating point 110 / 1.1 falls 1.4e−14 short; the
    # tolerance is 1e−12 × (100 + 100) = 2e−10 of this series, so it has paid back at t = 1.
    assert finance.discounted_payback(0.1, [-100.0, 110.0]) == 1.0
    # A real shortfall of 1e−9 on a series of total 2 (5e−10 of it, above the 1e−12 tolerance) is not paid
    # back, even beside a much larger series whose own tolerance (1e−12 × 2e4 = 2e−8) would cover it.
    out = finance.discounted_payback(np.array([0.0, 0.0]), [[-1.0, 1.0 - 1e-9], [-1e4, 1e4]])
    assert math.isnan(out[0])
    assert out[1] == 1.0


def test_irr_of_a_small_outlay_that_returns_four_times_as_much():
    # −0.5 + 2 / (1 + r) = 0 → r = 3 (300 %); x = 1 / (1 + r) = 0.25 lies near the lower end of the bracket
    # Cauchy's bound gives, 1 / (1 + 2 / 0.5) = 0.2: a bound computed wrong would cut the root out.
    assert finance.irr([-0.5, 2.0]) == pytest.approx(3.0, rel=1e-12)
    assert finance.irr([-0.02, 0.0, 0.5]) == pytest.approx(4.0, rel=1e-12)  # 0.5 / (1 + r)² = 0.02 → (1 + r)² = 25
