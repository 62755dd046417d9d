"""INN / OGRN / OGRNIP check digits of the loader on generated codes that are valid by construction
(``tests/strategies.py``, written from the tax service's rules) and on the same codes with one digit changed.

The old property tests drew random digit strings, of which about one in eleven INNs and almost no OGRNIP
was valid, so the accepting side was barely exercised; here every valid example is valid. The
construction is checked first against published codes and against python-stdnum.
"""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from stdnum.ru import inn as stdnum_inn
from stdnum.ru import ogrn as stdnum_ogrn

from analytics.data import validate
from tests import strategies as ids

PROPERTY = settings(max_examples=200, deadline=None)


def _s(values):
    return pd.Series(values, dtype="str")


# --- the construction itself ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "code",
    [
        "7707083893",  # ПАО Сбербанк (ЕГРЮЛ)
        "7736050003",  # ПАО «Газпром» (ЕГРЮЛ)
        "4029032450",  # a Kaluga organisation: docs/regulations.md
        "500100732259",  # a person's INN: docs/regulations.md
    ],
)
def test_check_digits_of_published_inns(code):
    body = 9 if len(code) == 10 else 10
    assert ids.inn_check_digits(code[:body]) == code[body:]


@pytest.mark.parametrize(
    "code",
    [
        "1027700132195",  # ПАО Сбербанк (ЕГРЮЛ): 102770013219 mod 11 = 5
        "1022200525819",  # python-stdnum's documented example
        "309565808600188",  # an OGRNIP: docs/regulations.md
        "385768585948949",  # python-stdnum's documented OGRNIP example
    ],
)
def test_check_digit_of_published_ogrns(code):
    assert ids.ogrn_check_digit(code[:-1]) == code[-1]


def test_the_sberbank_ogrn_check_digit_by_hand():
    # 102770013219 = 11 · 9342728474 + 5  (11 · 9342728474 = 102770013214)
    assert 11 * 9342728474 + 5 == 102770013219
    assert ids.ogrn_check_digit("102770013219") == "5"


def test_a_changed_digit_can_leave_a_valid_inn():
    # 0000000000: Σ = 0, 0 mod 11 mod 10 = 0. Put 1 in the third place (weight 10): Σ = 10, 10 mod 11 = 10,
    # 10 mod 10 = 0 — the same check digit, so this one-digit change is still a valid INN.
    assert ids.inn_is_valid("0000000000") and ids.inn_is_valid("0010000000")
    assert validate.inn_valid(_s(["0000000000", "0010000000"])).tolist() == [True, True]
    assert stdnum_inn.is_valid("0010000000")


@PROPERTY
@given(st.lists(ids.valid_inn(), min_size=1, max_size=20))
def test_constructed_inns_are_valid_for_python_stdnum(codes):
    assert all(stdnum_inn.is_valid(c) for c in codes)


@PROPERTY
@given(st.lists(st.one_of(ids.valid_ogrn(), ids.valid_ogrnip(remainder_above_nine=False)), min_size=1, max_size=20))
def test_constructed_ogrns_are_valid_for_python_stdnum(codes):
    assert all(stdnum_ogrn.is_valid(c) for c in codes)


@PROPERTY
@given(ids.valid_ogrnip(remainder_above_nine=True))
def test_python_stdnum_refuses_an_ogrnip_whose_remainder_exceeds_nine(code):
    # stdnum compares the last digit with the whole remainder ("10", "11", "12"); the rule takes its last digit
    assert int(code[:14]) % 13 >= 10 and not stdnum_ogrn.is_valid(code)


@PROPERTY
@given(
    st.one_of(
        ids.one_digit_changed(ids.valid_inn()),
        ids.one_digit_changed(ids.valid_ogrn()),
        ids.one_digit_changed(ids.valid_ogrnip(remainder_above_nine=False)),
    )
)
def test_the_reference_verdict_on_changed_codes_agrees_with_python_stdnum(code):
    if len(code) in (10, 12):
        assert ids.inn_is_valid(code) == stdnum_inn.is_valid(code)
    elif not (len(code) == 15 and int(code[:14]) % 13 >= 10):  # a change may move the remainder above 9
        assert ids.ogrn_is_valid(code) == stdnum_ogrn.is_valid(code)


# --- the loader's rules: accepting and refusing ----------------------------------------------------------


@PROPERTY
@given(st.lists(ids.valid_inn(), min_size=1, max_size=40))
@example(["7707083893", "500100732259"])
def test_every_valid_inn_is_accepted(codes):
    assert validate.inn_valid(_s(codes)).all()


@PROPERTY
@given(st.lists(ids.broken_inn(), min_size=1, max_size=40))
@example(["7707083894", "500100732258"])
def test_every_inn_with_a_broken_check_digit_is_refused(codes):
    assert not validate.inn_valid(_s(codes)).any()


@PROPERTY
@given(st.lists(st.one_of(ids.valid_ogrn(), ids.valid_ogrnip()), min_size=1, max_size=40))
@example(["1027700132195", "309565808600188"])
def test_every_valid_ogrn_and_ogrnip_is_accepted(codes):
    assert validate.ogrn_valid(_s(codes)).all()


@PROPERTY
@given(st.lists(ids.broken_ogrn(), min_size=1, max_size=40))
@example(["1027700132194", "309565808600189", "0027700132195", "509565808600188"])
def test_every_ogrn_with_a_broken_digit_is_refused(codes):
    assert not validate.ogrn_valid(_s(codes)).any()


@PROPERTY
@given(st.lists(st.one_of(ids.valid_inn(), ids.one_digit_changed(ids.valid_inn())), min_size=1, max_size=40))
def test_inn_verdicts_on_a_mixed_column_follow_the_rule(codes):
    assert validate.inn_valid(_s(codes)).tolist() == [ids.inn_is_valid(c) for c in codes]


@PROPERTY
@given(
    st.lists(
        st.one_of(
            ids.valid_ogrn(),
            ids.valid_ogrnip(),
            ids.one_digit_changed(ids.valid_ogrn()),
            ids.one_digit_changed(ids.valid_ogrnip()),
        ),
        min_size=1,
        max_size=40,
    )
)
def test_ogrn_verdicts_on_a_mixed_column_follow_the_rule(codes):
    assert validate.ogrn_valid(_s(codes)).tolist() == [ids.ogrn_is_valid(c) for c in codes]


@PROPERTY
@given(st.one_of(ids.valid_inn(), ids.valid_ogrn(), ids.valid_ogrnip()), st.integers(1, 9))
def test_changing_a_check_digit_always_refuses_the_code(code, shift):
    # the check digits are a function of the body: any other last digit is wrong
    changed = code[:-1] + str((int(code[-1]) + shift) % 10)
    check = validate.inn_valid if len(code) in (10, 12) else validate.ogrn_valid
    assert check(_s([code, changed])).tolist() == [True, False]


# --- Hypothesis in CI ------------------------------------------------------------------------------------


@pytest.mark.parametrize("ci, derandomized", [("1", True), ("", False)])
def test_hypothesis_is_derandomised_when_ci_is_set(ci, derandomized):
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "HYPOTHESIS_PROFILE")}
    env.update(CI=ci, PYTHONPATH=str(root))
    probe = "import tests.conftest; from hypothesis import settings; s = settings(); print(s.derandomize, s.database)"
    out = subprocess.run([sys.executable, "-c", probe], cwd=root, env=env, capture_output=True, text=True, check=True)
    shown = out.stdout.split()
    assert shown[0] == str(derandomized)
    assert (shown[1] == "None") == derandomized  # derandomised runs keep no example database
