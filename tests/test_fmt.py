"""Number formatting in both languages (expected strings written by hand)."""

import math

import pytest

from ui.core import fmt

NB = "\u00a0"


def test_russian_numbers_use_space_groups_and_decimal_comma():
    assert fmt.number(1234.5, "ru") == f"1{NB}234,5"
    assert fmt.number(1234567.891, "ru", 2) == f"1{NB}234{NB}567,89"
    assert fmt.integer(110300, "ru") == f"110{NB}300"


def test_english_numbers():
    assert fmt.number(1234.5, "en") == "1,234.5"
    assert fmt.integer(110300, "en") == "110,300"


def test_money_and_units():
    assert fmt.money_mln(6500, "ru") == f"6{NB}500,0{NB}млн{NB}₽"
    assert fmt.money_mln(6500, "en") == f"RUB{NB}6,500.0{NB}mln"
    assert fmt.money_bn(6500, "ru") == f"6,5{NB}млрд{NB}₽"
    assert fmt.money_bn(6500, "en") == f"RUB{NB}6.5bn"
    assert fmt.thousands(110300, "en") == "110.3k"
    assert fmt.thousands(110300, "ru") == f"110,3{NB}тыс."
    assert fmt.percent(0.238, "ru") == "23,8\u00a0%"  # GOST: a no-break space before the sign
    assert fmt.percent(0.238, "en") == "23.8%"


def test_missing_values_show_a_dash():
    for value in (None, math.nan):
        assert fmt.number(value) == fmt.money_mln(value) == fmt.percent(value) == fmt.DASH


def test_plotly_separators():
    assert fmt.plotly_separators("ru") == ", "
    assert fmt.plotly_separators("en") == ".,"


@pytest.mark.parametrize(
    "values, lang, expected_vals, expected_text",
    [
        # 1.3 %–2.1 % from zero: span 0.021 / 4 = 0.00525 → step 1 %; ticks 0, 1, 2, 3 % (3 % covers 2.1 %)
        ([0.013, 0.021], "ru", [0.0, 0.01, 0.02, 0.03], ["0\u00a0%", "1\u00a0%", "2\u00a0%", "3\u00a0%"]),
        # −5 % … 12 %: span 0.17 / 4 = 0.0425 → step 5 %
        ([-0.05, 0.12], "en", [-0.05, 0.0, 0.05, 0.10, 0.15], ["-5%", "0%", "5%", "10%", "15%"]),
        # 2 %–9 %: span 0.09 / 4 = 0.0225 → step 2.5 %, which needs one decimal
        (
            [0.02, 0.09],
            "ru",
            [0.0, 0.025, 0.05, 0.075, 0.10],
            ["0,0\u00a0%", "2,5\u00a0%", "5,0\u00a0%", "7,5\u00a0%", "10,0\u00a0%"],
        ),
    ],
)
def test_percent_ticks_follow_the_ui_format(values, lang, expected_vals, expected_text):
    ticks = fmt.percent_ticks(values, lang)
    assert ticks["tickvals"] == pytest.approx(expected_vals)
    assert ticks["ticktext"] == expected_text


def test_percent_ticks_of_no_value_are_none():
    assert fmt.percent_ticks([float("nan"), None], "ru") == {"tickvals": [], "ticktext": []}


# --- the Decimal implementation against Babel's own formatter (an independent implementation) ---------------
from babel.numbers import format_decimal, format_percent  # noqa: E402
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_VALUES = st.one_of(
    st.floats(min_value=-1e19, max_value=1e19, allow_nan=False),
    st.integers(min_value=-(10**15), max_value=10**15),
    st.decimals(min_value=-100000, max_value=100000, places=4, allow_nan=False).map(float),  # ties such as 2.675
)


def _babel_number(x, lang: str, digits: int) -> str:
    pattern = "#,##0" + ("." + "0" * digits if digits else "")
    text = format_decimal(float(x), format=pattern, locale=fmt.LOCALES[lang])
    return text.lstrip("-") if text.lstrip("-").strip("0.,\u00a0") == "" else text  # no "-0,0" (see fmt.number)


@settings(max_examples=400)
@given(_VALUES, st.sampled_from(["ru", "en"]), st.integers(min_value=0, max_value=3))
def test_number_writes_what_babel_writes(x, lang, digits):
    assert fmt.number(x, lang, digits) == _babel_number(x, lang, digits)


@settings(max_examples=400)
@given(st.floats(min_value=-1e15, max_value=1e15, allow_nan=False), st.integers(min_value=0, max_value=2))
def test_percent_writes_what_babel_writes_in_both_languages(share, digits):
    pattern = "#,##0" + ("." + "0" * digits if digits else "") + "%"
    english = format_percent(share, format=pattern, locale="en_GB")
    if english.lstrip("-").strip("0.%,") == "":
        english = english.lstrip("-")
    assert fmt.percent(share, "en", digits) == english
    # Russian: the same digits with its separators and a no-break space before the sign
    russian = english[:-1].replace(",", "\u00a0").replace(".", ",") + "\u00a0%"
    assert fmt.percent(share, "ru", digits) == russian


@pytest.mark.parametrize(
    ("x", "digits", "ru", "en"),
    [
        (
            2.675,
            2,
            "2,68",
            "2.68",
        ),  # the decimal form 2.675 rounds half to even: 2.68 (binary 2.67499… would give 2.67)
        (0.125, 2, "0,12", "0.12"),  # half to even
        (0.135, 2, "0,14", "0.14"),
        (-0.04, 1, "0,0", "0.0"),  # no minus on a zero
        (-1234.56, 1, f"-1{NB}234,6", "-1,234.6"),
        (1e20, 0, f"100{NB}000{NB}000{NB}000{NB}000{NB}000{NB}000", "100,000,000,000,000,000,000"),  # left to Babel
        (math.inf, 1, "∞", "∞"),
    ],
)
def test_number_hand_cases(x, digits, ru, en):
    assert fmt.number(x, "ru", digits) == ru
    assert fmt.number(x, "en", digits) == en


def test_percent_of_a_tie_is_the_same_in_both_languages():
    # 100 × 0.0125 in binary is 1.2500000000000002; on the decimal form it is exactly 1.25 → 1.2 (half to even)
    assert fmt.percent(0.0125, "ru") == f"1,2{NB}%"
    assert fmt.percent(0.0125, "en") == "1.2%"


def test_percent_short_uses_the_fewest_decimals_that_write_the_share_exactly():
    assert fmt.percent_short(0.1, "ru") == "10\u00a0%"
    assert fmt.percent_short(0.1, "en") == "10%"
    assert fmt.percent_short(0.125, "ru") == "12,5\u00a0%"
    assert fmt.percent_short(0.1234, "en") == "12.34%"
    assert fmt.percent_short(0.12346, "en") == "12.35%"  # at most two decimals
    assert fmt.percent_short(None, "ru") == fmt.DASH


def test_timestamp_is_to_the_minute_in_the_languages_date_format():
    import datetime as dt

    import pandas as pd

    moment = pd.Timestamp("2026-12-07 04:13:30.029844")
    assert fmt.timestamp(moment, "ru") == "07.12.2026 04:13"
    assert fmt.timestamp(moment, "en") == "2026-12-07 04:13"
    assert fmt.timestamp(dt.datetime(2025, 1, 2, 9, 5), "ru") == "02.01.2025 09:05"
    assert fmt.timestamp(pd.NaT, "ru") == fmt.DASH
    assert fmt.timestamp(None, "en") == fmt.DASH
