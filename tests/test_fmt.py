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
