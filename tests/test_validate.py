"""Cell reading and rules of the loader, against hand-computed values and python-stdnum."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from stdnum.ru import inn as stdnum_inn
from stdnum.ru import ogrn as stdnum_ogrn

from analytics import store
from analytics.data import validate
from analytics.store import schema
from ui.core.i18n import CATALOG


def _s(values):
    return pd.Series(values, dtype="str")


def test_numbers_in_every_accepted_spelling():
    values, bad, suppressed = validate.parse_numbers(
        _s(
            [
                "1234.5",
                "1234,5",
                "1 234,5",
                "1\u00a0234,5",
                "1\u202f234,5",
                "1'234.5",
                "1.234,5",
                "1,234.5",
                "1,234,567",
                "1.234.567",
                "\u22125",
                "-5",
                "1e3",
                "",
                "к",
                "…",
                "-",
                "abc",
                "1,2,3.4.5",
            ]
        )
    )
    expected = [1234.5, 1234.5, 1234.5, 1234.5, 1234.5, 1234.5, 1234.5, 1234.5, 1234567, 1234567, -5, -5, 1000]
    assert values[:13].tolist() == pytest.approx(expected)
    assert values[13:].isna().all()
    assert bad.tolist() == [False] * 17 + [True, True]
    assert suppressed.tolist() == [False] * 14 + [True, True, True, False, False]


def test_a_single_comma_is_a_decimal_comma():
    values, bad, _ = validate.parse_numbers(_s(["1,234", "0,5", "12,50"]))
    assert values.tolist() == pytest.approx([1.234, 0.5, 12.5]) and not bad.any()


@settings(max_examples=300, deadline=None)
@given(st.lists(st.from_regex(r"[0-9]{10}|[0-9]{12}|[0-9]{9}|[0-9]{1,3}", fullmatch=True), min_size=1, max_size=40))
def test_inn_check_digits_agree_with_python_stdnum(inns):
    ours = validate.inn_valid(_s(inns)).tolist()
    assert ours == [stdnum_inn.is_valid(i) for i in inns]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.from_regex(r"[0-9]{8,10}[0-9 /:+ёЁaО٣]{1,4}|[0-9]{1,15}", fullmatch=True), min_size=1, max_size=40))
def test_check_digits_refuse_anything_but_ascii_digits(values):
    # Same length in bytes as a valid code but not all digits (Cyrillic letters take two bytes in
    # UTF-8, "/" and " " sit below "0", "٣" is an Arabic-Indic digit): only plain digit strings pass.
    plain = [v.isascii() and v.isdigit() for v in values]
    assert validate.inn_valid(_s(values)).tolist() == [p and stdnum_inn.is_valid(v) for p, v in zip(plain, values)]
    ogrn = [
        (o, p and stdnum_ogrn.is_valid(v))
        for o, p, v in zip(validate.ogrn_valid(_s(values)), plain, values)
        if not (p and len(v) == 15 and int(v[:14]) % 13 >= 10)
    ]  # stdnum's OGRNIP quirk, see below
    assert [o for o, _ in ogrn] == [e for _, e in ogrn]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.from_regex(r"[0-9]{13}|[0-9]{15}|[0-9]{12}", fullmatch=True), min_size=1, max_size=40))
def test_ogrn_check_digits_agree_with_python_stdnum(numbers):
    # stdnum refuses an OGRNIP whose remainder mod 13 is 10–12; the rule we follow takes its last digit
    numbers = [n for n in numbers if len(n) != 15 or int(n[:14]) % 13 < 10]
    ours = validate.ogrn_valid(_s(numbers)).tolist()
    assert ours == [stdnum_ogrn.is_valid(n) for n in numbers]


def test_ogrnip_remainder_above_nine_takes_its_last_digit():
    body = next(b for b in (f"3{i:013d}" for i in range(1000)) if int(b) % 13 == 11)
    assert validate.ogrn_valid(_s([body + "1", body + "0"])).tolist() == [True, False]


def test_inn_examples_from_the_regulations():
    valid = ["7736050003", "7707083893", "4029032450", "500100732259"]
    assert validate.inn_valid(_s(valid + ["1234567890", None])).tolist() == [True] * 4 + [False, True]
    assert validate.ogrn_valid(_s(["1027700132195", "309565808600188", "1027700132194"])).tolist() == [
        True,
        True,
        False,
    ]


@pytest.mark.parametrize(
    "code, level, parent",
    [
        ("C", "section", None),
        ("29", "division", "C"),
        ("01", "division", "A"),
        ("29.1", "group", "29"),
        ("29.10", "class", "29.1"),
        ("29.10.1", "subclass", "29.10"),
        ("01.11.11", "subclass", "01.11.1"),
        ("33", "division", "C"),
        ("99", "division", "U"),
        ("34", "division", None),
        ("2910", None, None),
    ],
)
def test_okved_levels_and_parents(code, level, parent):
    assert validate.okved_level(code) == level
    assert validate.okved_parent(code, {"01.11.1"}) == parent


def test_division_gaps_of_okved2():
    assert validate.okved_division_section(34) is None  # OKVED-1 motor vehicles; 29 in OKVED 2
    assert validate.okved_division_section(29) == "C"
    assert validate.okved_division_section(45) == "G"


@pytest.mark.parametrize(
    "header, column, scale",
    [
        ("ИНН", "inn", 1.0),
        ("  инн ", "inn", 1.0),
        ("INN", "inn", 1.0),
        ("Выручка, млн руб.", "revenue_mln_rub", 1.0),
        ("Выручка, тыс. руб.", "revenue_mln_rub", 1e-3),
        ("Выручка, руб.", "revenue_mln_rub", 1e-6),
        ("Revenue, RUB thousand", "revenue_mln_rub", 1e-3),
        ("revenue_mln_rub", "revenue_mln_rub", 1.0),
        ("Среднесписочная численность, чел.", "employees", 1.0),
        ("Численность работников", "employees", 1.0),
        ("Отчётный год", "year", 1.0),
        ("Комментарий", None, 1.0),
    ],
)
def test_headers_in_russian_or_english_with_units(header, column, scale):
    match = validate.match_header(validate.TABLES["enterprise_years"], header)
    assert (match.column, match.scale) == (column, scale)


def test_aliases_never_clash_within_a_table():
    for spec in validate.TABLES.values():
        seen: dict[str, str] = {}
        for column in spec.columns:
            for alias in {validate.normalise_header(a) for a in (column.name, *column.ru, *column.en)}:
                assert seen.setdefault(alias, column.name) == column.name, (spec.name, alias)


def test_specs_cover_exactly_the_store_columns_and_keys():
    con = store.connect(":memory:")
    for table in schema.DATA_TABLES:
        columns = store.query(
            con,
            "SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position",
            [table],
        )["column_name"].tolist()
        spec = validate.TABLES[table]
        assert spec.names == columns, table
        key = con.execute(
            "SELECT constraint_column_names FROM duckdb_constraints() WHERE table_name = ? "
            "AND constraint_type = 'PRIMARY KEY'",
            [table],
        ).fetchall()[0][0]
        assert list(spec.key) == list(key), table
    con.close()


def test_template_headers_are_recognised_in_both_languages():
    for spec in validate.TABLES.values():
        for lang in ("ru", "en"):
            headers = validate.template_headers(spec, lang)
            assert [validate.match_header(spec, h).column for h in headers] == spec.names, (spec.name, lang)


def test_every_message_code_has_texts_and_every_text_a_code():
    codes = set(validate.MESSAGE_CODES)
    for lang in ("ru", "en"):
        keys = {k.removeprefix("ingest.") for k in CATALOG[lang] if k.startswith("ingest.")}
        assert keys == codes, sorted(keys ^ codes)


def test_cells_read_into_types_with_one_message_per_bad_cell():
    spec = validate.TABLES["enterprise_years"]
    raw = pd.DataFrame(
        {
            "inn": _s(["4029032450", "402903245", "1234567890", "7707083893", ""]),
            "year": _s(["2023", "2023", "20x3", "1980", "2022"]),
            "employees": _s(["1 250", "-5", "12,5", "к", "=A1"]),
            "revenue_mln_rub": _s(["1\u00a0234,5", "1.234,5", "1,234.5", "abc", ""]),
        }
    )
    rows = np.arange(2, 7)
    cells = validate.check_rules(validate.read_cells(raw, spec, rows), spec, rows)
    found = sorted((i.row, i.column, i.code) for i in cells.issues)
    assert found == [
        (3, "employees", "negative"),
        (3, "inn", "inn_lost_zero"),
        (4, "employees", "not_integer"),
        (4, "inn", "inn_checksum"),
        (4, "year", "not_number"),
        (5, "revenue_mln_rub", "not_number"),
        (5, "year", "year_range"),
        (6, "employees", "formula"),
        (6, "inn", "required"),
    ]
    assert cells.frame["employees"][0] == 1250 and cells.frame["revenue_mln_rub"][:3].tolist() == [1234.5] * 3
    assert [w.code for w in cells.warnings] == ["suppressed"]
    assert cells.frame["data_status"].tolist() == ["loaded"] * 5


def test_text_that_could_run_or_render_is_refused():
    spec = validate.TABLES["enterprises"]
    names = [
        "ООО «Обычное»",
        "=1+1",
        "+7 (495) 000",
        "@SUM(A1)",
        "-Минус",
        "<b>жирный</b>",
        "A &amp; B",
        "javascript:alert(1)",
        "Звонок\x07",
        "Цена < 5 и > 3",
    ]
    raw = pd.DataFrame({"name_ru": _s(names)})
    cells = validate.read_cells(raw, spec, np.arange(2, 2 + len(names)))
    by_row = {i.row: i.code for i in cells.issues}
    assert by_row == {
        3: "formula",
        4: "formula_like",
        5: "formula_like",
        6: "formula_like",
        7: "html",
        8: "html",
        9: "html",
        10: "control_chars",
    }


def test_duplicates_name_the_first_row():
    frame = pd.DataFrame({"inn": _s(["1", "2", "1", "3", "1"])})
    issues, n = validate.duplicates_in_file(frame, ("inn",), np.array([2, 3, 4, 5, 6]))
    assert n == 2
    assert [(i.row, i.message.values["first_row"]) for i in issues] == [(4, 2), (6, 2)]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.text(alphabet="аЯё1 -+@<&:;,\t\x00\x07\x1f\x7f\u00a0«»", max_size=6), min_size=1, max_size=30),
    st.lists(st.integers(min_value=0, max_value=30), max_size=4),
    st.booleans(),
    st.integers(0, 3),
)
def test_the_byte_scan_finds_the_same_cells_as_a_regular_expression(values, cuts, large, skip):
    # Several chunks, sliced (non-zero offsets), both offset widths: the scan must agree with RE2 on every layout.
    import pyarrow as pa
    import pyarrow.compute as pc

    kind = pa.large_string() if large else pa.string()
    padded = ["x"] * skip + values
    bounds = sorted({0, len(padded), *[min(c, len(padded)) for c in cuts]})
    chunks = [pa.array(padded[a:b], kind) for a, b in zip(bounds, bounds[1:])]
    arr = pa.chunked_array(chunks, kind)[skip:] if chunks else pa.chunked_array([], kind)
    for table, pattern in (
        (validate._SUSPECT_TEXT, r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f<&:]"),
        (validate._SUSPECT_IDENT, r"[\x00-\x1f\x7f<&:;, ]"),
    ):
        expected = np.asarray(pc.match_substring_regex(arr, pattern).to_numpy(zero_copy_only=False), dtype=bool)
        assert validate._cells_with_bytes(arr, table).tolist() == expected.tolist()


@settings(max_examples=400, deadline=None)
@given(st.lists(st.text(alphabet="0123456789.,-", max_size=9), min_size=1, max_size=30))
def test_the_one_cast_reading_of_plain_numbers_agrees_with_the_general_reading(values):
    # 1.234.567, 1,5, -.5, 5., --1, 1-2, "" …: the fast path must read each exactly as the general one, or defer to it.
    arr = validate._arrow(_s(values))
    suppressed = np.array([v in validate.SUPPRESSED for v in values])  # a lone "-" is a suppressed cell
    empty = np.array([v == "" for v in values]) | suppressed
    fast, fast_bad, _ = validate._numbers(arr)
    general, general_bad, _ = validate._numbers_general(arr, suppressed, empty)
    assert fast_bad.tolist() == general_bad.tolist()
    pd.testing.assert_series_equal(fast, general)


def test_plain_numbers_with_a_decimal_comma_by_hand():
    values, bad, _ = validate.parse_numbers(_s(["54,5293", "-0,5", "17", "", "36.1"]))
    assert values.tolist()[:3] == [54.5293, -0.5, 17.0] and np.isnan(values[3]) and values[4] == 36.1
    assert not bad.any()


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(["4027100017", "4029032450", "500100732259", "7707083893"]), st.integers(2019, 2022)),
        min_size=1,
        max_size=12,
    ),
    st.booleans(),
)
def test_duplicate_keys_are_counted_as_pandas_counts_them_sorted_or_not(pairs, sort):
    # The sorted-file fast path (no hashing) and the general path must both agree with pandas.
    pairs = sorted(pairs) if sort else pairs
    frame = pd.DataFrame({"inn": _s([p[0] for p in pairs]), "year": pd.array([p[1] for p in pairs], dtype="Int64")})
    rows = np.arange(2, len(pairs) + 2)
    issues, count = validate.duplicates_in_file(frame, ("inn", "year"), rows)
    assert count == int(frame.duplicated().sum())
    assert sorted(i.row for i in issues) == [int(r) for r in rows[frame.duplicated().to_numpy()]]
    _, single = validate.duplicates_in_file(frame, ("inn",), rows)
    assert single == int(frame["inn"].duplicated().sum())


def test_yes_no_cells_in_words_any_case_and_the_default_for_empty():
    spec = validate.TABLES["enterprises"]
    words = ["да", "НЕТ", "", "Yes", "0", "может быть", "МСП", "Ложь"]
    raw = pd.DataFrame(
        {
            "inn": _s(["4027100017"] * 8),
            "name_ru": _s(["А"] * 8),
            "okved": _s(["29.10"] * 8),
            "region_code": _s(["40"] * 8),
            "is_sme": _s(words),
        }
    )
    cells = validate.read_cells(raw, spec, np.arange(2, 10))
    read = cells.frame["is_sme"]
    assert read.dtype == "boolean"
    assert read.tolist() == [True, False, False, True, False, False, True, False]  # empty → the default, no
    assert [(i.row, i.column, i.value, i.code) for i in cells.issues] == [(7, "is_sme", "может быть", "not_bool")]


def test_the_inn_region_hint_counts_only_well_formed_inns():
    frame = pd.DataFrame(
        {
            "inn": _s(["4027100017", "7707083893", "712345679", None, "500100732259"]),
            "region_code": _s(["40", "40", "40", "40", "50"]),
        }
    )
    # 7707083893 is registered in Moscow (77); 712345679 lost a digit and has its own error
    assert validate.inn_region_mismatch(frame) == 1
