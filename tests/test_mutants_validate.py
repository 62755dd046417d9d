"""Tests that kill mutants `make mutation` found alive in analytics/data/validate/ (docs/mutation.md).

Each expected value is read from the rule it checks — the loader's documentation (module docstrings of
analytics/data/validate/, docs/regulations.md), the OKVED 2 classifier (OK 029-2014), the INN / OGRN
check-digit rules worked out digit by digit below — never from the code's output.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest

from analytics.data import validate
from analytics.data.validate import cells as cells_mod
from analytics.data.validate import rules as rules_mod
from analytics.data.validate import text as text_mod
from analytics.data.validate.tables import MAX_NUMBER, THIS_YEAR, bounds


def _s(values):
    return pd.Series(values, dtype="str")


def _read(table: str, cap: int = 200, scales=None, numeric=None, **columns):
    spec = validate.TABLES[table]
    n = len(next(iter(columns.values())))
    raw = pd.DataFrame({k: _s(v) for k, v in columns.items()})
    rows = np.arange(2, 2 + n)
    return validate.read_cells(raw, spec, rows, scales=scales, numeric_cells=numeric, cap=cap)


def _checked(table: str, cap: int = 200, **columns):
    spec = validate.TABLES[table]
    n = len(next(iter(columns.values())))
    raw = pd.DataFrame({k: _s(v) for k, v in columns.items()})
    rows = np.arange(2, 2 + n)
    return validate.check_rules(validate.read_cells(raw, spec, rows), spec, rows, cap=cap)


def _codes(cells) -> list[tuple[int, str, str]]:
    return sorted((i.row, i.column, i.code) for i in cells.issues)


# --- check digits, worked out by hand ----------------------------------------------------------------------


def _inn10_check(nine: str) -> str:
    """INN of a legal entity: Σ dᵢ·(2,4,10,3,5,9,4,6,8) mod 11 mod 10 (docs/regulations.md)."""
    return str(sum(int(d) * w for d, w in zip(nine, (2, 4, 10, 3, 5, 9, 4, 6, 8))) % 11 % 10)


def _inn12_checks(ten: str) -> str:
    first = sum(int(d) * w for d, w in zip(ten, (7, 2, 4, 10, 3, 5, 9, 4, 6, 8))) % 11 % 10
    eleven = ten + str(first)
    second = sum(int(d) * w for d, w in zip(eleven, (3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8))) % 11 % 10
    return str(first) + str(second)


def test_ten_digit_inn_by_hand():
    # 402903245 → 4·2 + 0·4 + 2·10 + 9·3 + 0·5 + 3·9 + 2·4 + 4·6 + 5·8 = 8+0+20+27+0+27+8+24+40 = 154;
    # 154 mod 11 = 0 → check digit 0: 4029032450 is valid, any other last digit is not.
    assert _inn10_check("402903245") == "0"
    inns = ["4029032450"] + [f"402903245{d}" for d in range(1, 10)]
    assert validate.inn_valid(_s(inns)).tolist() == [True] + [False] * 9


def test_twelve_digit_inn_needs_both_check_digits():
    body = "5001007322"
    checks = _inn12_checks(body)
    assert checks == "59"  # 500100732259, the regulations' example
    good = body + checks
    wrong_first = body + str((int(checks[0]) + 1) % 10) + checks[1]
    wrong_second = body + checks[0] + str((int(checks[1]) + 1) % 10)
    assert validate.inn_valid(_s([good, wrong_first, wrong_second])).tolist() == [True, False, False]


def test_inn_of_other_lengths_is_invalid_and_missing_is_valid():
    # 11 digits and 9 digits are no INN; a missing cell is left to the "required" rule
    assert validate.inn_valid(_s(["40290324501", "402903245", None, ""])).tolist() == [False, False, True, False]


def test_inn_valid_on_a_series_with_an_index_not_starting_at_zero():
    s = pd.Series(["1234567890", "4029032450"], index=[10, 11], dtype="str")
    assert validate.inn_valid(s).tolist() == [False, True]


def _ogrn_check(twelve: str) -> str:
    return str(int(twelve) % 11 % 10)


def _ogrnip_check(fourteen: str) -> str:
    return str(int(fourteen) % 13 % 10)


def test_ogrn_first_digit_must_not_be_zero():
    # OGRN: 13 digits, the first a sign 1…9 (never 0), check digit = first 12 mod 11 mod 10
    body = "024400012345"
    zero_first = body + _ogrn_check(body)
    one_first = "1" + body[1:] + _ogrn_check("1" + body[1:])
    nine_first = "9" + body[1:] + _ogrn_check("9" + body[1:])
    assert validate.ogrn_valid(_s([zero_first, one_first, nine_first])).tolist() == [False, True, True]


def test_ogrnip_first_digit_three_or_four_only():
    rows = []
    for first in "2345":
        body = first + "0400001234567"  # 14 digits
        rows.append(body + _ogrnip_check(body))
    assert validate.ogrn_valid(_s(rows)).tolist() == [False, True, True, False]


def test_ogrn_wrong_check_digit_and_index():
    body = "124400012345"
    good = body + _ogrn_check(body)
    assert good == "1244000123454"  # the templates' fictional OGRN, check digit 4 by its docstring
    bad = body + str((int(_ogrn_check(body)) + 1) % 10)
    s = pd.Series([bad, good, None], index=[5, 6, 7], dtype="str")
    assert validate.ogrn_valid(s).tolist() == [False, True, True]


def test_ogrnip_remainder_uses_all_fourteen_digits():
    # a body whose remainder mod 13 differs from that of its first 13 digits (Horner over the whole body)
    body = "30450000001234"
    assert validate.ogrn_valid(_s([body + _ogrnip_check(body)])).tolist() == [True]
    assert validate.ogrn_valid(_s([body + str((int(_ogrnip_check(body)) + 5) % 10)])).tolist() == [False]


def test_digits_matrix_of_a_plain_object_series():
    # an object (not Arrow) Series is read too, digit by digit
    s = pd.Series(["4029032450", "x", None], dtype=object)
    selected, matrix = validate.identifiers._digits(s, 10)
    assert selected.tolist() == [True, False, False]
    assert matrix.tolist() == [[4, 0, 2, 9, 0, 3, 2, 4, 5, 0]]


# --- OKVED 2 --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "division, section",
    [
        (1, "A"),
        (3, "A"),
        (4, None),
        (5, "B"),
        (9, "B"),
        (10, "C"),
        (33, "C"),
        (34, None),
        (35, "D"),
        (36, "E"),
        (39, "E"),
        (40, None),
        (41, "F"),
        (43, "F"),
        (84, "O"),
        (85, "P"),
        (98, "T"),
        (99, "U"),
        (0, None),
        (100, None),
    ],
)
def test_okved_sections_at_the_ends_of_their_division_ranges(division, section):
    # OK 029-2014: section A = divisions 01–03, B = 05–09, C = 10–33, D = 35, E = 36–39, F = 41–43 …
    assert validate.okved_division_section(division) == section


@pytest.mark.parametrize(
    "code, level",
    [
        ("A", "section"),
        ("U", "section"),
        ("V", None),
        ("a", None),
        ("29", "division"),
        ("29.1", "group"),
        ("29.10", "class"),
        ("29.10.1", "subclass"),
        ("29.10.21", "subclass"),
        ("29.", None),
        ("2", None),
        ("29.100", None),
        ("29.10.100", None),
    ],
)
def test_okved_levels(code, level):
    assert validate.okved_level(code) == level


@pytest.mark.parametrize(
    "code, known, parent",
    [
        ("29.10.21", {"29.10.2"}, "29.10.2"),
        ("29.10.21", set(), "29.10"),
        ("29.10.2", {"29.10.2"}, "29.10"),
        ("29.10.21", {"29.10.1"}, "29.10"),
        ("A", set(), None),
        ("xx", set(), None),
        ("05", set(), "B"),
    ],
)
def test_okved_parents(code, known, parent):
    assert validate.okved_parent(code, known) == parent


# --- headers ---------------------------------------------------------------------------------------------


def test_normalise_header():
    assert validate.normalise_header(None) == ""
    assert validate.normalise_header("\ufeffЁмкость (тыс.  руб.)") == "емкость тыс руб"
    assert validate.normalise_header("  A__B--C  ") == "a b c"


@pytest.mark.parametrize(
    "header, column, scale, unit",
    [
        ("Выручка, млн ₽", "revenue_mln_rub", 1.0, "млн ₽"),
        ("Выручка, тыс. руб.", "revenue_mln_rub", 1e-3, "тыс руб"),
        ("Выручка, руб", "revenue_mln_rub", 1e-6, "руб"),
        ("Revenue, mln", "revenue_mln_rub", 1.0, "mln"),
        ("Численность, тыс. руб.", None, 1.0, None),  # a unit of money on a head count: unknown
        ("Выручка, чел.", None, 1.0, None),  # a count unit on money: unknown
        ("Численность, чел.", "employees", 1.0, None),
        ("Численность, человек", "employees", 1.0, None),
        ("Неизвестно, чел.", None, 1.0, None),
        ("ИНН, чел.", None, 1.0, None),  # the INN is no count
    ],
)
def test_units_in_headers(header, column, scale, unit):
    assert tuple(validate.match_header(validate.TABLES["enterprise_years"], header)) == (column, scale, unit)


def test_count_unit_on_a_float_column():
    # region_sector_years.employees is a float column (averages): «Численность, чел.» is it
    assert validate.match_header(validate.TABLES["region_sector_years"], "Численность, чел.").column == "employees"


@pytest.mark.parametrize(
    "header, given",
    [
        ("Выручка", False),
        ("Выручка, тыс. руб.", True),
        ("Revenue, mln", True),
        ("Revenue ₽", True),
        ("Revenue, thousand", True),
        ("Revenue", False),
    ],
)
def test_money_unit_given(header, given):
    assert validate.money_unit_given(header) is given


def test_english_template_examples():
    spec = validate.TABLES["enterprises"]
    frame = validate.template_frame(spec, "en")
    row = dict(zip(validate.template_headers(spec, "en"), frame.iloc[0]))
    assert row["sme"] == "yes"  # «да» in English
    assert row["organising production"] == "no"  # «нет»
    assert row["founded"] == "2007-03-15"  # ISO date of 15.03.2007
    assert row["latitude"] == "54.5293"  # decimal point, not comma
    assert row["kind"] == "industrial"
    years = validate.TABLES["enterprise_years"]
    row = dict(zip(validate.template_headers(years, "en"), validate.template_frame(years, "en").iloc[0]))
    assert row["employees"] == "1250" and row["revenue"] == "1234.5"
    ru = dict(zip(validate.template_headers(years, "ru"), validate.template_frame(years, "ru").iloc[0]))
    assert ru["численность"] == "1 250" and ru["выручка"] == "1 234,5"


# --- messages ---------------------------------------------------------------------------------------------


def test_message_values_text_and_str():
    m = validate.msg("year_range", low=1990, high=2024)
    assert m.values == {"high": 2024, "low": 1990}
    assert m.params == (("high", 2024), ("low", 1990))
    assert "1990" in m.text("ru") and "2024" in m.text("ru")
    assert str(m) == m.text("en") and m.text() == m.text("en")
    assert m.text("ru") != m.text("en")
    issue = validate.Issue(3, "year", "1980", m)
    assert issue.code == "year_range"


# --- rules ------------------------------------------------------------------------------------------------


def test_bounds_default_to_plus_minus_max_number():
    lat = validate.TABLES["enterprises"].column("lat")
    assert bounds(lat) == (41, 82)
    value = validate.TABLES["region_indicators"].column("value")
    assert bounds(value) == (-MAX_NUMBER, MAX_NUMBER) == (-1e12, 1e12)


def test_latitude_range_and_its_message():
    # enterprises.lat: 41–82 (Russia's mainland latitudes), both ends accepted
    n = 5
    cells = _checked(
        "enterprises",
        inn=["4029032450"] * n,
        name_ru=["А"] * n,
        okved=["29.10"] * n,
        region_code=["40"] * n,
        lat=["40,9", "41", "60", "82", "82,1"],
    )
    found = [(i.row, i.column, i.code, i.value, i.message.values) for i in cells.issues]
    assert found == [
        (2, "lat", "out_of_range", "40.9", {"low": "41", "high": "82"}),
        (6, "lat", "out_of_range", "82.1", {"low": "41", "high": "82"}),
    ]


def test_year_range_message_names_its_bounds():
    cells = _checked("enterprise_years", inn=["4029032450"], year=["1989"])
    (issue,) = cells.issues
    assert (issue.row, issue.value, issue.message.values) == (2, "1989", {"low": 1990, "high": THIS_YEAR})


def test_weight_must_be_positive_zero_refused():
    n = 3
    cells = _checked(
        "cluster_templates",
        cluster_id=["auto"] * n,
        cluster_name_ru=["А"] * n,
        cluster_name_en=["A"] * n,
        okved=["29.10", "29.20", "29.31"],
        role=["core"] * n,
        weight=["-1", "0", "0,5"],
    )
    assert [(i.row, i.code) for i in cells.issues] == [(2, "negative"), (3, "not_positive")]
    assert cells.counts == {"negative": 1, "not_positive": 1}


def test_line_below_one_is_out_of_range():
    # project_costs.line: low = 1 (not 0): 0 is out of range, not "negative"
    n = 3
    cells = _checked(
        "project_costs",
        project_id=["P"] * n,
        year=["2024"] * n,
        category=["rd"] * n,
        amount_mln_rub=["1"] * n,
        line=["0", "1", "2"],
    )
    found = [(i.row, i.code, i.message.values) for i in cells.issues]
    assert found == [(2, "out_of_range", {"low": "1", "high": "1000000000000"})]


def test_supplier_and_buyer_must_differ():
    n = 3
    cells = _checked(
        "supply_links",
        supplier_inn=["4029032450", "4029032450", "7707083893"],
        buyer_inn=["4029032450", "7707083893", "7707083893"],
        year=["2023"] * n,
        value_mln_rub=["1"] * n,
    )
    assert [(i.row, i.column, i.value, i.code) for i in cells.issues] == [
        (2, "buyer_inn", "4029032450", "same_inn"),
        (4, "buyer_inn", "7707083893", "same_inn"),
    ]
    assert cells.counts["same_inn"] == 2


def test_same_inn_is_capped_but_counted():
    n = 4
    cells = _checked(
        "supply_links",
        cap=1,
        supplier_inn=["4029032450"] * n,
        buyer_inn=["4029032450"] * n,
        year=["2023"] * n,
        value_mln_rub=["1"] * n,
    )
    assert [i.row for i in cells.issues if i.code == "same_inn"] == [2]
    assert cells.counts["same_inn"] == 4


def test_rule_failures_are_capped_per_code_but_counted():
    cells = _checked(
        "enterprise_years", cap=2, inn=["4029032450"] * 4, year=["2023"] * 4, employees=["-1", "-2", "-3", "20000000"]
    )
    assert [(i.row, i.code) for i in cells.issues] == [(2, "negative"), (3, "negative"), (5, "out_of_range")]
    assert cells.counts == {"negative": 3, "out_of_range": 1}


def test_a_cell_that_failed_to_read_is_not_reported_again_by_the_rules():
    cells = _checked(
        "enterprise_years", inn=["4029032450", "4029032450"], year=["2023", "2023"], employees=["-1,5", "-2"]
    )
    # -1,5 is not an integer (read error); the rule "negative" does not add a second message for it
    assert _codes(cells) == [(2, "employees", "not_integer"), (3, "employees", "negative")]
    assert cells.flagged["employees"].tolist() == [True, True]


def test_required_values_are_reported_as_required():
    cells = _checked("enterprise_years", inn=["", "4029032450"], year=["2023", ""])
    assert _codes(cells) == [(2, "inn", "required"), (3, "year", "required")]
    assert [i.value for i in cells.issues] == [None, None]


def test_show():
    assert rules_mod._show(5.0) == "5" and rules_mod._show(5.5) == "5.5" and rules_mod._show("x") == "x"
    assert rules_mod._show(7) == "7"


def test_key_order_by_hand():
    def order(**columns):
        frame = pd.DataFrame(
            {k: (pd.array(v, dtype="Int64") if isinstance(v[0], int) else _s(v)) for k, v in columns.items()}
        )
        return validate.key_order(frame, tuple(columns))

    assert order(a=["1"]) == (True, False)
    assert order(a=["1", "2", "3"]) == (True, False)
    assert order(a=["1", "1", "2"]) == (True, True)
    assert order(a=["2", "1"]) == (False, False)
    # lexicographic over two columns: (1, 5) < (2, 1) in order though 1 < 5; (1, 5) > (1, 4) out of order
    assert order(a=["1", "2"], b=[5, 1]) == (True, False)
    assert order(a=["1", "1"], b=[5, 4]) == (False, False)
    assert order(a=["1", "1"], b=[4, 4]) == (True, True)
    assert order(a=["1", "1", "2"], b=[4, 5, 5]) == (True, False)  # b ties between rows 2–3 but a differs


def test_duplicates_of_a_two_column_key_name_both():
    frame = pd.DataFrame({"inn": _s(["1", "1", "2", "1"]), "year": pd.array([2020, 2021, 2020, 2020], dtype="Int64")})
    issues, n = validate.duplicates_in_file(frame, ("inn", "year"), np.array([2, 3, 4, 5]))
    assert n == 1
    (issue,) = issues
    assert (issue.row, issue.column, issue.value, issue.message.values) == (
        5,
        "inn, year",
        "1 / 2020",
        {"first_row": 2},
    )


def test_duplicates_with_missing_keys_and_cap():
    frame = pd.DataFrame({"inn": _s([None, None, None])})
    assert validate.duplicates_in_file(frame, ("inn",), np.array([2, 3, 4])) == ([], 0)
    frame = pd.DataFrame({"inn": _s(["1", None, "1", None, "1"])})
    issues, n = validate.duplicates_in_file(frame, ("inn",), np.array([2, 3, 4, 5, 6]), cap=1)
    assert n == 3 and len(issues) == 1 and (issues[0].row, issues[0].message.values["first_row"]) == (4, 2)
    frame = pd.DataFrame({"inn": _s(["3", "1", "2"])})  # out of order, all distinct
    assert validate.duplicates_in_file(frame, ("inn",), np.array([2, 3, 4])) == ([], 0)


def test_inn_region_hint_needs_both_columns():
    assert validate.inn_region_mismatch(pd.DataFrame({"inn": _s(["7707083893"])})) == 0
    assert validate.inn_region_mismatch(pd.DataFrame({"region_code": _s(["40"])})) == 0
    frame = pd.DataFrame(
        {"inn": _s(["7707083893", "7707083893", "500100732259"]), "region_code": _s(["40", None, "77"])}
    )
    assert validate.inn_region_mismatch(frame) == 2


# --- cells: identifiers ---------------------------------------------------------------------------------


def test_identifiers_excel_damaged_are_repaired_or_diagnosed():
    n = 6
    cells = _read(
        "enterprises",
        inn=["'4029032450", "4029032450.0", "4.02903245E+9", "402903245", "40290324", ""],
        name_ru=["А"] * n,
        okved=["29.10"] * n,
        region_code=["40"] * n,
        oktmo=["29 701 000", "'29701000", "2970100", "2970100000", "297010", ""],
        ogrn=["'1027700132195", "1027700132195.0", "102770013219", "", "", ""],
    )
    assert cells.frame["inn"].tolist()[:2] == ["4029032450", "4029032450"]
    assert cells.frame["oktmo"].tolist()[:2] == ["29701000", "29701000"]
    assert cells.frame["ogrn"].tolist()[:2] == ["1027700132195", "1027700132195"]
    assert pd.isna(cells.frame["inn"].iloc[5]) and pd.isna(cells.frame["ogrn"].iloc[3])
    assert _codes(cells) == [
        (4, "inn", "inn_scientific"),
        (4, "ogrn", "ogrn_format"),
        (4, "oktmo", "oktmo_lost_zero"),
        (5, "inn", "inn_lost_zero"),
        (5, "oktmo", "oktmo_lost_zero"),
        (6, "inn", "inn_format"),
        (6, "oktmo", "oktmo_format"),
    ]


def test_region_section_sector_and_cluster_codes():
    n = 4
    cells = _read(
        "enterprises",
        inn=["4029032450"] * n,
        name_ru=["А"] * n,
        okved=["29.10"] * n,
        region_code=["40", "4", "40.0", "400"],
        cluster_hint=["Auto_1", "1auto", "auto-1", ""],
    )
    assert cells.frame["region_code"].tolist()[0] == "40" and cells.frame["region_code"].tolist()[2] == "40"
    assert cells.frame["cluster_hint"].tolist()[0] == "auto_1"  # lower-cased
    assert _codes(cells) == [
        (3, "cluster_hint", "ident_format"),
        (3, "region_code", "region_format"),
        (4, "cluster_hint", "ident_format"),
        (5, "region_code", "region_format"),
    ]
    sectors = _read(
        "sectors",
        code=["c", "29.10", "Z", "29.1.1.1"],
        name_ru=["А"] * 4,
        section=["c", "C", "z", ""],
        parent=["", "29.1", "", ""],
    )
    assert sectors.frame["code"].tolist()[:2] == ["C", "29.10"] and sectors.frame["section"].tolist()[:2] == ["C", "C"]
    assert _codes(sectors) == [
        (4, "code", "okved_format"),
        (4, "section", "section_format"),
        (5, "code", "okved_format"),
    ]


def test_okved_stored_as_a_number_is_reported_as_such():
    n = 3
    cells = _read(
        "enterprises",
        numeric={"okved": np.array([True, False, False])},
        inn=["4029032450"] * n,
        name_ru=["А"] * n,
        okved=["29.1", "29.10", "2910"],
        region_code=["40"] * n,
    )
    assert _codes(cells) == [(2, "okved", "okved_number"), (4, "okved", "okved_format")]


# --- cells: enums, booleans, dates --------------------------------------------------------------------------


def test_enum_spellings_default_and_refusal():
    n = 5
    cells = _read(
        "enterprises",
        inn=["4029032450"] * n,
        name_ru=["А"] * n,
        okved=["29.10"] * n,
        region_code=["40"] * n,
        data_status=["Публичный", "ДЕМО", "", "что-то", "public"],
        kind=["Инфраструктура", "", "specialized", "Производство", "x"],
    )
    assert cells.frame["data_status"].tolist()[:3] == ["public", "illustrative", "loaded"]
    assert cells.frame["data_status"].tolist()[4] == "public"
    assert cells.frame["kind"].tolist()[:4] == ["infrastructure", "industrial", "specialised", "industrial"]
    found = sorted(((i.row, i.column, i.code, i.message.values) for i in cells.issues), key=lambda t: t[0])
    assert found == [
        (5, "data_status", "enum", {"allowed": "approximate, illustrative, loaded, public"}),
        (6, "kind", "enum", {"allowed": "industrial, infrastructure, specialised"}),
    ]


def test_enum_reads_yo_as_ye():
    cells = _read(
        "municipalities",
        oktmo=["29701000"],
        region_code=["40"],
        name_ru=["А"],
        kind=["Городской Округ"],
        oktmo_status=["Подтверждён"],
    )
    assert cells.frame["kind"].tolist() == ["urban_okrug"] and cells.frame["oktmo_status"].tolist() == ["confirmed"]
    assert not cells.issues


def test_bool_without_a_default_leaves_empty_missing():
    # registry_clusters.in_registry has no default: an empty cell stays missing (then "required")
    cells = _read("registry_clusters", in_registry=["да", "", "нет", "?"])
    assert cells.frame["in_registry"].tolist()[0] is True
    assert pd.isna(cells.frame["in_registry"].iloc[1]) and cells.frame["in_registry"].tolist()[2] is False
    assert pd.isna(cells.frame["in_registry"].iloc[3])
    # projects.is_joint defaults to yes: empty and unknown cells read as True
    projects = _read("projects", is_joint=["", "нет", "?"])
    assert projects.frame["is_joint"].tolist() == [True, False, True]


@pytest.mark.parametrize(
    "cell, year",
    [
        ("15.03.2007", 2007),
        ("5.3.2007", 2007),
        ("15/03/2007", 2007),
        ("2007-03-15", 2007),
        ("2007-03-15 10:30", 2007),
        ("2007-03-15T10:30:00", 2007),
        ("2007", 2007),
        ("2007.0", 2007),
        ("31.02.2007", None),
        ("2007-02-30", None),
        ("март 2007", None),
        ("07", None),
        ("", None),
    ],
)
def test_founded_years(cell, year):
    cells = _read("enterprises", inn=["4029032450"], name_ru=["А"], okved=["29.10"], region_code=["40"], founded=[cell])
    value = cells.frame["founded"].iloc[0]
    assert (None if pd.isna(value) else int(value)) == year
    bad = year is None and cell != ""
    assert [i.code for i in cells.issues] == (["not_date"] if bad else [])


# --- cells: numbers ---------------------------------------------------------------------------------------


def test_money_in_thousands_is_converted_to_millions():
    cells = _read(
        "enterprise_years",
        scales={"revenue_mln_rub": 1e-3},
        inn=["4029032450"] * 2,
        year=["2023"] * 2,
        revenue_mln_rub=["1 500", "250"],
        purchases_mln_rub=["1 500", "250"],
    )
    assert cells.frame["revenue_mln_rub"].tolist() == pytest.approx([1.5, 0.25])
    assert cells.frame["purchases_mln_rub"].tolist() == [1500.0, 250.0]  # no scale given: mln ₽ as is


def test_non_finite_numbers_are_refused():
    cells = _read(
        "enterprise_years",
        inn=["4029032450"] * 5,
        year=["2023"] * 5,
        revenue_mln_rub=["inf", "-Infinity", "nan", "1e400", "5"],
    )
    assert [(i.row, i.code) for i in cells.issues] == [
        (2, "not_finite"),
        (3, "not_finite"),
        (4, "not_finite"),
        (5, "not_finite"),
    ]
    assert cells.frame["revenue_mln_rub"].isna().tolist() == [True, True, True, True, False]


def test_minus_zero_is_stored_as_zero():
    cells = _read("enterprise_years", inn=["4029032450"], year=["2023"], income_mln_rub=["-0"])
    assert np.signbit(cells.frame["income_mln_rub"].iloc[0]) == False  # noqa: E712


def test_integers_beyond_int32_are_out_of_range_not_overflowing():
    big = str(2**31)  # 2 147 483 648 > 2³¹ − 1
    cells = _read(
        "enterprise_years", inn=["4029032450"] * 3, year=["2023"] * 3, employees=[str(2**31 - 1), big, "-" + big]
    )
    found = [(i.row, i.code, i.message.values) for i in cells.issues]
    assert found == [
        (3, "out_of_range", {"low": 0, "high": 10_000_000}),
        (4, "out_of_range", {"low": 0, "high": 10_000_000}),
    ]
    assert int(cells.frame["employees"].iloc[0]) == 2**31 - 1
    assert cells.frame["employees"].isna().tolist() == [False, True, True]


def test_ambiguous_separator_in_a_column_that_groups_thousands():
    cells = _read(
        "enterprise_years", inn=["4029032450"] * 3, year=["2023"] * 3, revenue_mln_rub=["1,234,567", "1,234", "2,5"]
    )
    (issue,) = cells.issues
    assert (issue.row, issue.code, issue.value) == (3, "number_ambiguous", "1,234")
    assert issue.message.values == {"decimal": "1.234", "grouped": "1234", "example": "1,234,567"}


def test_ambiguous_points():
    arr = validate._arrow(_s(["1.234.567", "1.234", "12.345", "1234.567"]))
    mask, example = cells_mod.ambiguous_separators(arr)
    assert mask.tolist() == [False, True, True, False] and example == "1.234.567"
    arr = validate._arrow(_s(["1.234,5", "1,234"]))  # European grouping with a decimal comma: "1,234" is ambiguous?
    mask, example = cells_mod.ambiguous_separators(arr)
    # the point groups thousands here (1.234,5), so a lone point would be ambiguous; the lone comma is decimal
    assert mask.tolist() == [False, False] and example is None
    arr = validate._arrow(_s(["1,234.5", "2,345"]))  # the comma groups: the lone "2,345" reads two ways
    mask, example = cells_mod.ambiguous_separators(arr)
    assert mask.tolist() == [False, True] and example == "1,234.5"
    mask, example = cells_mod.ambiguous_separators(validate._arrow(_s(["1,234", "5"])))
    assert mask.tolist() == [False, False] and example is None


def test_integer_default_for_empty_cells():
    # projects.jobs defaults to 0; project_costs.line defaults to 1
    projects = _read("projects", jobs=["", "5"])
    assert projects.frame["jobs"].tolist() == [0, 5]
    costs = _read("project_costs", line=["", "3"])
    assert costs.frame["line"].tolist() == [1, 3]


def test_columns_the_file_lacks_take_their_defaults():
    cells = _read("projects", project_id=["P1", "P2"])
    frame = cells.frame
    assert frame["jobs"].tolist() == [0, 0] and str(frame["jobs"].dtype) == "Int64"
    assert frame["is_joint"].tolist() == [True, True] and str(frame["is_joint"].dtype) == "boolean"
    assert frame["data_status"].tolist() == ["loaded", "loaded"]
    assert frame["start_year"].isna().all() and str(frame["start_year"].dtype) == "Int64"
    enterprises = _read("enterprises", inn=["4029032450"]).frame
    assert np.isnan(enterprises["lat"].iloc[0]) and enterprises["is_sme"].tolist() == [False]
    assert pd.isna(enterprises["ogrn"].iloc[0])
    templates = _read("cluster_templates", cluster_id=["a"]).frame
    assert templates["weight"].tolist() == [1.0]


def test_suppressed_cells_warn_with_their_count():
    cells = _read(
        "region_sector_years",
        region_code=["40"] * 4,
        okved=["29"] * 4,
        year=["2023"] * 4,
        employees=["к", "…", "12", "-"],
    )
    assert [(w.column, w.code, w.message.values) for w in cells.warnings] == [("employees", "suppressed", {"count": 3})]
    assert cells.frame["employees"].isna().tolist() == [True, True, False, True]


# --- cells: free text --------------------------------------------------------------------------------------


def test_text_length_limit_at_two_thousand_characters():
    ok, long = "я" * validate.MAX_TEXT, "я" * (validate.MAX_TEXT + 1)  # 2 bytes each: bytes > chars
    ascii_ok = "a" * validate.MAX_TEXT
    cells = _read("enterprises", name_ru=[ok, long, ascii_ok, "a" * 2001])
    found = [(i.row, i.code, i.message.values, len(i.value)) for i in cells.issues]
    assert found == [(3, "too_long", {"max": 2000}, 60), (5, "too_long", {"max": 2000}, 60)]


def test_hidden_and_disguised_text():
    names = [
        "Об\u200bычное",
        "Имя\u202eтекст",
        "[сайт](http://x)",
        "#DIV/0!",
        "#Н/Д",
        "Номер №1 — «…»",
        "ООО #1",
        "[1] пункт",
    ]
    cells = _read("enterprises", name_ru=names)
    assert {i.row: i.code for i in cells.issues} == {
        2: "invisible_chars",
        3: "bidi_chars",
        4: "markdown_link",
        5: "excel_error",
        6: "excel_error",
    }
    # a markdown link is refused in names only; a source (free text) may carry one
    assert not _read("enterprises", source=["[сайт](http://x)"]).issues


def test_identifier_text_refuses_separators():
    cells = _read("region_reference", timezone=["UTC+3", "UTC 3", "a;b", "a,b"])
    assert {i.row: i.code for i in cells.issues} == {3: "ident_format", 4: "ident_format", 5: "ident_format"}


def test_text_issue_caps_are_per_code_across_columns():
    cells = _read("enterprises", cap=1, name_ru=["=1", "=2"], name_en=["=3", "ok"])
    assert [(i.row, i.column, i.code) for i in cells.issues] == [(2, "name_ru", "formula")]
    assert cells.counts == {"formula": 3}


def test_collector_values_are_cut_to_two_hundred_characters():
    cells = _read("enterprises", name_ru=["=" + "x" * 300])
    assert len(cells.issues[0].value) == 200


def test_empty_text_cells_are_missing():
    cells = _read("enterprises", name_ru=["", "  ", "А"])
    assert cells.frame["name_ru"].isna().tolist() == [True, True, False]


# --- text primitives -------------------------------------------------------------------------------------


def test_arrow_of_an_empty_series_and_str_series_keep():
    assert len(validate._arrow(_s([]))) == 0
    arr = pa.chunked_array([pa.array(["a", "", "b"], pa.large_string())])
    out = text_mod._str_series(arr, keep=np.array([True, True, False]))
    assert out.isna().tolist() == [False, True, True]


def test_constant_and_per_distinct():
    assert text_mod._constant("x", 3).tolist() == ["x", "x", "x"]
    assert text_mod._constant(None, 2).isna().all()
    empty = pa.chunked_array([], pa.large_string())
    none = text_mod._per_distinct(empty, lambda v: np.ones(len(v), bool))
    assert none.tolist() == [] and none.dtype == bool


def test_invisible_characters_found_by_bytes():
    values = [
        "a\u200bb",
        "a\u200cb",
        "a\u200db",
        "\u2060",
        "\ufeffx",
        "\u202a",
        "\u202e",
        "\u2066",
        "\u2069",
        "№—…",
        "\u200a",
        "\u202f",
        "\u2067x",
        "ab",
        "\ufeff",
    ]
    arr = pa.chunked_array([pa.array(values, pa.large_string())])
    found = text_mod._cells_with_invisible(arr).tolist()
    # U+200B–U+200D, U+2060, U+FEFF, U+202A–U+202E, U+2066–U+2069 are found; №, —, …, U+200A, U+202F are not
    assert found == [True] * 9 + [False, False, False, True, False, True]


# --- helpers run at import time (mutmut activates a mutant only after import: call them directly) ---------


def test_byte_table_marks_exactly_the_given_characters():
    table = text_mod._byte_table("<&")
    assert len(table) == 256
    assert [b for b in range(256) if table[b]] == [ord("&"), ord("<")]
    assert set(table) == {0, 1}


def test_money_column_factory():
    from analytics.data.validate.tables import MAX_MONEY_MLN, _money

    column = _money("x_mln_rub", ("икс",), ("ex",))
    assert column == validate.Column(
        "x_mln_rub", "money", ("икс",), ("ex",), required=False, low=0, high=MAX_MONEY_MLN, example="1 234,5"
    )
    assert _money("y", ("y",), ("y",), required=True, example="7").required is True
    assert _money("y", ("y",), ("y",), required=True, example="7").example == "7"


def test_choices_map_every_spelling_in_lower_case():
    from analytics.data.validate.tables import _choices

    assert _choices(("public", ("Публичный", "PUB")), ("loaded", ())) == {
        "public": "public",
        "публичный": "public",
        "pub": "public",
        "loaded": "loaded",
    }


def test_schema_columns_are_the_data_tables():
    from analytics.store import schema

    columns = validate.schema_columns()
    assert set(columns) == set(schema.DATA_TABLES)
    # supply_links as migration 1 creates it (analytics/store/schema.py)
    assert columns["supply_links"] == ["supplier_inn", "buyer_inn", "year", "value_mln_rub", "data_status"]


def test_template_frames_carry_the_headers_of_their_language():
    spec = validate.TABLES["enterprise_years"]
    ru = validate.template_frame(spec, "ru")
    en = validate.template_frame(spec, "en")
    assert list(ru.columns)[:3] == ["инн", "год", "численность"]
    assert list(en.columns)[:3] == ["inn", "year", "employees"]


def test_english_example_of_a_yes_no_column_keeps_other_words():
    from analytics.data.validate.headers import _english_example

    assert _english_example(validate.Column("f", "bool", ("ф",), ("f",), example="да")) == "yes"
    assert _english_example(validate.Column("f", "bool", ("ф",), ("f",), example="нет")) == "no"
    assert _english_example(validate.Column("f", "bool", ("ф",), ("f",), example="1")) == "1"
    assert _english_example(validate.Column("m", "money", ("м",), ("m",), example="1 234,5")) == "1234.5"
    assert _english_example(validate.Column("t", "text", ("т",), ("t",), example="а б")) == "а б"


def test_aliases_are_built_for_a_table_not_seen_before(monkeypatch):
    from analytics.data.validate import headers

    monkeypatch.setattr(headers, "_ALIASES", {})  # the cache is filled by earlier tests: start empty
    spec = validate.TableSpec(
        "t",
        (
            validate.Column("inn", "inn", ("ИНН организации",), ("Tax ID",)),
            validate.Column("year", "year", ("год",), ("inn",)),
        ),
        key=("inn",),
    )
    # the first spelling wins: "inn" is the first column's name before it is the second's alias
    assert headers._aliases(spec) == {
        "inn": "inn",
        "инн организации": "inn",
        "tax id": "inn",
        "year": "year",
        "год": "year",
    }
    assert headers._ALIASES["t"] == headers._aliases(spec)
    assert validate.match_header(spec, "Tax-ID").column == "inn"


def test_inn_region_hint_on_nullable_string_columns():
    # pandas' nullable "string" dtype compares a missing value to <NA>: such rows are not counted
    frame = pd.DataFrame(
        {
            "inn": pd.array(["7707083893", "7707083893", None, "4029032450"], dtype="string"),
            "region_code": pd.array(["40", None, "40", "40"], dtype="string"),
        }
    )
    assert validate.inn_region_mismatch(frame) == 1


def test_rules_built_afresh_check_inn_and_ogrn_digits(monkeypatch):
    monkeypatch.setattr(rules_mod, "_RULES", {})  # the schemas are cached by earlier tests: build them again
    # 4029032451: check digit should be 0 (154 mod 11 = 0); OGRN 1244000123455: should end in 4
    cells = _checked(
        "enterprises",
        inn=["4029032451", "4029032450"],
        ogrn=["1244000123455", "1244000123454"],
        name_ru=["А", "Б"],
        okved=["29.10", "29.10"],
        region_code=["40", "40"],
    )
    assert _codes(cells) == [(2, "inn", "inn_checksum"), (2, "ogrn", "ogrn_checksum")]


def test_a_lone_comma_is_not_ambiguous_where_only_points_group():
    # 1.234.567 groups with points; "1,234" has the other separator alone: a decimal comma, not ambiguous
    mask, example = cells_mod.ambiguous_separators(validate._arrow(_s(["1.234.567", "1,234"])))
    assert mask.tolist() == [False, False] and example is None
    # commas group (1,234,567); a single point is a decimal point: "2.345" is not ambiguous
    mask, example = cells_mod.ambiguous_separators(validate._arrow(_s(["1,234,567", "1.5", "2.345"])))
    assert mask.tolist() == [False, False, False] and example is None


def test_founded_dates_are_day_first():
    # 12.31.2007 is no date in dd.mm.yyyy (month 31): refused, not read month-first
    cells = _read(
        "enterprises", inn=["4029032450"], name_ru=["А"], okved=["29.10"], region_code=["40"], founded=["12.31.2007"]
    )
    assert [i.code for i in cells.issues] == ["not_date"] and pd.isna(cells.frame["founded"].iloc[0])


def test_an_empty_file_reads_into_empty_columns():
    spec = validate.TABLES["sectors"]
    raw = pd.DataFrame({"code": _s([]), "name_ru": _s([]), "level": _s([])})
    cells = validate.read_cells(raw, spec, np.arange(2, 2))
    assert len(cells.frame) == 0 and cells.issues == [] and list(cells.frame.columns) == spec.names


def test_every_range_rule_built_afresh(monkeypatch):
    monkeypatch.setattr(rules_mod, "_RULES", {})
    years = _checked(
        "enterprise_years",
        inn=["4029032450"] * 5,
        year=["1989", "2020", "2021", "2022", "2023"],
        employees=["0", "-1", "10000001", "5", "5"],
        revenue_mln_rub=["0", "1", "1", "-1", "1000000001"],
    )
    # 1989 < 1990: year_range; 0 persons accepted (≥ 0), −1 negative, 10 000 001 > 10⁷ out of range;
    # revenue (money) 0 accepted, −1 negative, 10⁹ + 1 out of range
    assert _codes(years) == [
        (2, "year", "year_range"),
        (3, "employees", "negative"),
        (4, "employees", "out_of_range"),
        (5, "revenue_mln_rub", "negative"),
        (6, "revenue_mln_rub", "out_of_range"),
    ]
    firms = _checked(
        "enterprises",
        inn=["4029032450"] * 2,
        name_ru=["А"] * 2,
        okved=["29.10"] * 2,
        region_code=["40"] * 2,
        founded=["1699", "1700"],
        lat=["40", "41"],
    )
    # founded: low 1700 (not 0) → below it "out_of_range"; latitude below 41 the same
    assert _codes(firms) == [(2, "founded", "out_of_range"), (2, "lat", "out_of_range")]
    weights = _checked(
        "cluster_templates",
        cluster_id=["a", "a"],
        cluster_name_ru=["А", "А"],
        cluster_name_en=["A", "A"],
        okved=["29.10", "29.20"],
        role=["core", "core"],
        weight=["0", "1"],
    )
    assert _codes(weights) == [(2, "weight", "not_positive")]


def test_twelve_digit_inn_whose_first_check_remainder_is_ten():
    # a first check sum ≡ 10 (mod 11) gives check digit 10 mod 10 = 0
    weights = (7, 2, 4, 10, 3, 5, 9, 4, 6, 8)
    body = next(
        b for b in (f"77{i:08d}" for i in range(1000)) if sum(int(d) * w for d, w in zip(b, weights)) % 11 == 10
    )
    inn = body + _inn12_checks(body)
    assert inn[10] == "0"
    assert validate.inn_valid(_s([inn])).tolist() == [True]


def test_founded_is_read_as_nullable_integers():
    cells = _read(
        "enterprises",
        inn=["4029032450"] * 2,
        name_ru=["А"] * 2,
        okved=["29.10"] * 2,
        region_code=["40"] * 2,
        founded=["2007", ""],
    )
    assert str(cells.frame["founded"].dtype) == "Int64"
    assert cells.frame["founded"].tolist()[0] == 2007 and pd.isna(cells.frame["founded"].iloc[1])


def test_byte_scan_ignores_null_cells_but_keeps_hits():
    arr = pa.chunked_array([pa.array(["<b>", None, "ok"], pa.string())])
    assert validate._cells_with_bytes(arr, validate._SUSPECT_TEXT).tolist() == [True, False, False]


def test_a_byte_order_mark_alone_is_found():
    # no U+2000-block character in the chunk: the scan must still look for U+FEFF (lead byte 0xEF)
    arr = pa.chunked_array([pa.array(["\ufeffx", "ab"], pa.large_string())])
    assert text_mod._cells_with_invisible(arr).tolist() == [True, False]


def test_an_inn_given_as_a_number_is_checked_on_its_digits():
    assert validate.inn_valid(pd.Series([4029032450, 4029032451])).tolist() == [True, False]


def test_bool_reads_missing_as_false():
    assert text_mod._bool(pa.array([True, None, False])).tolist() == [True, False, False]


def test_no_invisible_characters_no_hits():
    arr = pa.chunked_array([pa.array(["ab", "cd"], pa.large_string())])
    assert text_mod._cells_with_invisible(arr).tolist() == [False, False]


def test_constant_missing_text_is_a_str_column():
    assert str(text_mod._constant(None, 2).dtype) == "str"
    frame = _read("enterprises", inn=["4029032450"]).frame
    assert str(frame["name_en"].dtype) == "str" and frame["name_en"].isna().all()


def test_str_series_of_an_empty_array():
    empty = pa.chunked_array([], pa.large_string())
    assert len(text_mod._str_series(empty, keep=np.zeros(0, dtype=bool))) == 0


def test_byte_scan_ignores_bytes_left_under_null_cells():
    # Arrow lets a null cell keep bytes in the data buffer: cell 2 is null but spans "<<<"; it must not count
    import struct

    validity = pa.py_buffer(bytes([0b01]))
    offsets = pa.py_buffer(struct.pack("<3i", 0, 3, 6))
    data = pa.py_buffer(b"<b><<<")
    chunk = pa.Array.from_buffers(pa.string(), 2, [validity, offsets, data], null_count=1)
    arr = pa.chunked_array([chunk])
    assert validate._cells_with_bytes(arr, validate._SUSPECT_TEXT).tolist() == [True, False]
