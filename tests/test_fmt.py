"""Number formatting in both languages (expected strings written by hand)."""
import math

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
