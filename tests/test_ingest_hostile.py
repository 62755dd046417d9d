"""Hostile and tricky files (issue 14): each class of attack or accident is refused at its cause, with a
message that says what is really wrong, and the store is left as it was."""

from __future__ import annotations

import io
import threading
import time
import zipfile

import numpy as np
import pandas as pd
import pytest

from analytics import store
from analytics.data import ingest, validate


def _s(values):
    return pd.Series(values, dtype="str")


def codes(report) -> set[str]:
    return {e.code for e in report.errors}


# --- 1. XLSX bombs ---------------------------------------------------------------------------------

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
    "</Types>"
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>"
)
_WB = (
    '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
    '<sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_WB_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
    "</Relationships>"
)
_SHEET = (
    '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>'
)


def xlsx_with_shared_strings(strings: list[str] | None = None, repeat: int = 0) -> bytes:
    """A minimal XLSX written with zipfile: one sheet, and a shared-strings part of ``strings`` (or
    ``repeat`` copies of one short string: small on disk, huge once inflated)."""
    if strings is None:
        body = "<si><t>x</t></si>" * repeat
        count = repeat
    else:
        body = "".join(f"<si><t>{s}</t></si>" for s in strings)
        count = len(strings)
    sst = (
        '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        f'count="{count}" uniqueCount="{count}">{body}</sst>'
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", _CONTENT_TYPES)
        z.writestr("_rels/.rels", _RELS)
        z.writestr("xl/workbook.xml", _WB)
        z.writestr("xl/_rels/workbook.xml.rels", _WB_RELS)
        z.writestr("xl/worksheets/sheet1.xml", _SHEET)
        z.writestr("xl/sharedStrings.xml", sst)
    return out.getvalue()


def test_an_xlsx_with_three_million_shared_strings_is_refused_before_parsing(tiny_con):
    data = xlsx_with_shared_strings(repeat=3_000_000)
    assert len(data) < 500_000  # small on disk: the danger is inside
    start = time.perf_counter()
    report = ingest.prepare(tiny_con, "enterprises", data, file_name="bomb.xlsx").report
    elapsed = time.perf_counter() - start
    assert not report.ok and codes(report) == {"xlsx_bomb"}
    assert elapsed < 1.0, elapsed
    text = report.errors[0].message.text("en")
    assert "xl/sharedStrings.xml" in text and "MB" in text


def test_the_rosstat_table_reader_refuses_the_same_bomb():
    from analytics.data import rosstat_tables

    data = xlsx_with_shared_strings(repeat=3_000_000)
    start = time.perf_counter()
    with pytest.raises(rosstat_tables.RosstatTableError, match="sharedStrings"):
        rosstat_tables.read_rosstat_table(data, file_name="bomb.xlsx")
    assert time.perf_counter() - start < 1.0


def test_shared_strings_are_counted_and_capped_before_parsing(tiny_con):
    data = xlsx_with_shared_strings([f"name {i}" for i in range(30)])
    report = ingest.prepare(tiny_con, "enterprises", data, limits=ingest.Limits(max_shared_strings=20)).report
    assert codes(report) == {"xlsx_too_many_strings"}
    assert report.errors[0].message.values == {"count": 30, "limit": 20}
    # at the limit it is parsed (and fails for its own reason: no header the loader knows)
    report = ingest.prepare(tiny_con, "enterprises", data, limits=ingest.Limits(max_shared_strings=30)).report
    assert "xlsx_too_many_strings" not in codes(report)


def test_the_member_size_and_ratio_limits_read_the_zip_directory():
    big = xlsx_with_shared_strings(repeat=200_000)  # 3.4 MB of XML, ratio above 100
    issue = ingest.xlsx_preflight(big, ingest.Limits())
    assert issue is not None and issue.code == "xlsx_bomb"
    small = xlsx_with_shared_strings([f"name {i}" for i in range(30)])
    assert ingest.xlsx_preflight(small, ingest.Limits()) is None
    issue = ingest.xlsx_preflight(small, ingest.Limits(max_xml_bytes=100))
    assert issue is not None and issue.code == "xlsx_bomb"


def test_xlsx_cells_are_capped(tiny_con):
    frame = pd.DataFrame(
        {"ИНН": ["4029032450"] * 5, "Наименование": ["А"] * 5, "ОКВЭД": ["29.10"] * 5, "Код региона": ["40"] * 5}
    )
    out = io.BytesIO()
    frame.to_excel(out, index=False)
    report = ingest.prepare(tiny_con, "enterprises", out.getvalue(), limits=ingest.Limits(max_cells=12)).report
    assert codes(report) == {"xlsx_too_many_cells"}


def test_xlsx_is_parsed_in_a_child_process_with_memory_and_time_limits(tiny_con):
    frame = pd.DataFrame(
        {"ИНН": ["4029032450"], "Наименование": ["АО «Пример»"], "ОКВЭД": ["29.10"], "Код региона": ["40"]}
    )
    out = io.BytesIO()
    frame.to_excel(out, index=False)
    raw = ingest.read_table(out.getvalue(), validate.TABLES["enterprises"], {}, ingest.Limits())
    assert isinstance(raw, ingest.RawTable) and raw.cells.iloc[0, 0] == "4029032450"
    assert raw.dialect.get("isolated") is True
    # a parse that takes too long is stopped and reported, the server goes on
    result = ingest.read_table(out.getvalue(), validate.TABLES["enterprises"], {}, ingest.Limits(parse_seconds=0.0))
    assert isinstance(result, list) and result[0].code == "parse_limit"


def _allocate(megabytes: int) -> int:
    return len(bytearray(megabytes * 2**20))


def test_a_child_that_wants_too_much_memory_is_stopped_and_the_caller_goes_on():
    from analytics.data.ingest import read

    start = time.perf_counter()
    assert read._isolated(_allocate, (64,), ingest.Limits(parse_memory_mb=512)) == 64 * 2**20
    assert read._isolated(_allocate, (2048,), ingest.Limits(parse_memory_mb=512)) is None
    assert read._isolated(time.sleep, (30,), ingest.Limits(parse_seconds=0.5)) is None
    assert time.perf_counter() - start < 20


# --- 2. Numbers -------------------------------------------------------------------------------------


def read_numbers(values: list[str], column: str = "revenue_mln_rub", table: str = "enterprise_years"):
    spec = validate.TABLES[table]
    raw = pd.DataFrame({column: _s(values)})
    rows = np.arange(2, 2 + len(values))
    cells = validate.check_rules(validate.read_cells(raw, spec, rows), spec, rows)
    return cells._replace(issues=[i for i in cells.issues if i.column == column])


@pytest.mark.parametrize("value", ["1e309", "-1e309", "inf", "-inf", "nan", "NaN", "Infinity", "1e400"])
def test_infinite_and_nan_numbers_are_refused(value):
    cells = read_numbers(["5", value])
    assert [(i.row, i.code) for i in cells.issues] == [(3, "not_finite")]
    assert np.isfinite(cells.frame["revenue_mln_rub"].dropna()).all()


def test_numbers_have_sane_bounds_per_column():
    money = read_numbers(["1000000000", "1000000001", "1e308", "-5"])  # mln ₽: 10^9 mln = 10^15 ₽
    assert sorted((i.row, i.code) for i in money.issues) == [(3, "out_of_range"), (4, "out_of_range"), (5, "negative")]
    assert {i.message.text("en") for i in money.issues if i.code == "out_of_range"} == {
        "Outside the allowed range 0 … 1000000000."
    }
    people = read_numbers(["10000000", "10000001"], "employees")
    assert [(i.row, i.code) for i in people.issues] == [(3, "out_of_range")]
    people = read_numbers(["10000000", "10000001"], "employees", "region_sector_years")
    assert [(i.row, i.code) for i in people.issues] == [(3, "out_of_range")]
    years = read_numbers(["1990", "1989", str(validate.THIS_YEAR + 1)], "year")
    assert [(i.row, i.code) for i in years.issues] == [(3, "year_range"), (4, "year_range")]
    income = read_numbers(["-1000000000", "-1000000001"], "income_mln_rub")
    assert [(i.row, i.code) for i in income.issues] == [(3, "out_of_range")]


@pytest.mark.parametrize(
    "values, bad, decimal, grouped",
    [
        (["1,234", "1,234,567"], "1,234", "1.234", "1234"),
        (["1.234", "1.234,5"], "1.234", "1.234", "1234"),
        (["1.234", "1.234.567"], "1.234", "1.234", "1234"),
        (["2,5", "1,234.5"], None, None, None),  # a comma with one digit is a decimal comma, not a group
        (["1,234", "2,5"], None, None, None),  # no grouping in the column: the Russian decimal comma
    ],
)
def test_an_ambiguous_thousands_separator_is_refused_naming_both_readings(values, bad, decimal, grouped):
    cells = read_numbers(values)
    if bad is None:
        assert cells.issues == []
        return
    assert [(i.row, i.code, i.value) for i in cells.issues] == [(2, "number_ambiguous", bad)]
    text = cells.issues[0].message.text("en")
    assert decimal in text and grouped in text
    assert decimal in cells.issues[0].message.text("ru")


def test_minus_zero_is_stored_as_zero():
    cells = read_numbers(["-0", "-0,0", "−0"])
    values = cells.frame["revenue_mln_rub"].to_numpy()
    assert (values == 0).all() and not np.signbit(values).any()


# --- 3. Text ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, code",
    [
        ("\u200b=1+1", "invisible_chars"),
        ('\ufeff=HYPERLINK("x")', "invisible_chars"),
        ("АО\u2060Пример", "invisible_chars"),
        ("\u200dАО", "invisible_chars"),
        ("АО \u202eРЕМИРП", "bidi_chars"),
        ("\u2066АО\u2069", "bidi_chars"),
        ("\u202aA", "bidi_chars"),
        ("<img src=x onerror=alert(1) //", "html"),
        ("[Нажмите](http://evil.example)", "markdown_link"),
        ("![x](http://evil.example/a.png)", "markdown_link"),
        ("#REF!", "excel_error"),
        ("#DIV/0!", "excel_error"),
        ("#N/A", "excel_error"),
        ("#VALUE!", "excel_error"),
        ("#NAME?", "excel_error"),
    ],
)
def test_hidden_controls_markup_and_excel_errors_are_refused_in_names(name, code):
    spec = validate.TABLES["enterprises"]
    raw = pd.DataFrame({"name_ru": _s(["ООО «Обычное» — №1 (цех 5) [ред.]", name])})
    cells = validate.read_cells(raw, spec, np.array([2, 3]))
    assert [(i.row, i.code) for i in cells.issues] == [(3, code)]


def test_an_array_formula_cell_is_shown_as_its_formula(tiny_con):
    import openpyxl
    from openpyxl.worksheet.formula import ArrayFormula

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["ИНН", "Наименование", "ОКВЭД", "Код региона"])
    sheet.append(["4029032450", "x", "29.10", "40"])
    sheet["B2"] = ArrayFormula("B2:B2", "=SUM(A1:A2)")
    out = io.BytesIO()
    book.save(out)
    report = ingest.prepare(tiny_con, "enterprises", out.getvalue()).report
    formula = [e for e in report.errors if e.code == "formula"]
    assert formula and formula[0].value == "=SUM(A1:A2)"
    assert not any("object at" in (e.value or "") for e in report.errors)


# --- 4. Structure -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "rows, cycle",
    [
        (["29.9;29.9;Сам себе родитель"], "29.9 → 29.9"),
        (["29.8;29.7;Один", "29.7;29.8;Другой"], "29.7 → 29.8 → 29.7"),
        (["29.6;29.5;a", "29.5;29.4;b", "29.4;29.6;c"], "29.4 → 29.6 → 29.5 → 29.4"),
    ],
)
def test_a_parent_cycle_in_the_sector_hierarchy_is_refused_naming_the_codes(tiny_con, rows, cycle):
    data = ("Код;Родительский код;Наименование\n" + "\n".join(rows) + "\n").encode()
    before = store.query(tiny_con, "SELECT count(*) AS n FROM sectors")["n"][0]
    report = ingest.load_file(tiny_con, "sectors", data, mode="append", user="t")
    assert codes(report) == {"sector_cycle"}
    assert report.errors[0].message.values["codes"] == cycle
    assert store.query(tiny_con, "SELECT count(*) AS n FROM sectors")["n"][0] == before


# --- 5. Messages that say what is really wrong -----------------------------------------------------

ENTERPRISE_ROW = "4029032450;АО «Пример»;29.10;40"


def test_a_file_with_bare_cr_line_breaks_is_read(tiny_con):
    data = ("ИНН;Наименование;ОКВЭД;Код региона\r" + ENTERPRISE_ROW + "\r").encode()
    report = ingest.prepare(tiny_con, "enterprises", data).report
    assert "delimiter_unknown" not in codes(report)
    assert report.rows_in_file == 1 and codes(report) <= {"okved_unknown", "ref_missing"}


def test_a_bare_cr_inside_a_line_of_an_lf_file_is_named(tiny_con):
    data = ("ИНН;Наименование;ОКВЭД;Код региона\n4029032450;АО\rПример;29.10;40\n" + ENTERPRISE_ROW + "\n").encode()
    report = ingest.prepare(tiny_con, "enterprises", data).report
    assert report.errors[0].code == "bare_cr" and report.errors[0].row == 2
    assert "CR" in report.errors[0].message.text("en") and "CR" in report.errors[0].message.text("ru")


def test_a_header_longer_than_64_kb_gets_its_true_column_count(tiny_con):
    extra = ";".join(f"Дополнительный столбец номер {i}" for i in range(3000))  # ~100 KB of header
    assert len(extra.encode()) > 65536
    data = ("ИНН;Наименование;ОКВЭД;Код региона;" + extra + "\n" + ENTERPRISE_ROW + ";" * 3000 + "\n").encode()
    report = ingest.prepare(tiny_con, "enterprises", data).report
    assert "field_count" not in codes(report)
    assert len(report.unknown_headers) == 3000


def test_a_single_huge_line_is_not_called_an_unclosed_quote(tiny_con):
    data = b"a;" * (3 * 1024 * 1024)  # 6 MB, no quotes, no line break
    report = ingest.prepare(tiny_con, "enterprises", data).report
    assert codes(report) == {"line_too_long"}
    body = ("ИНН;Наименование;ОКВЭД;Код региона\n" + ENTERPRISE_ROW + "\n").encode() + b"x" * (5 * 1024 * 1024) + b"\n"
    report = ingest.prepare(tiny_con, "enterprises", body).report
    assert codes(report) == {"line_too_long"}
    assert report.errors[0].row == 3


def test_twelve_title_rows_above_the_header_are_skipped(tiny_con):
    titles = "".join(f"Отчёт о предприятиях, лист {i}\n" for i in range(12))
    data = (titles + "ИНН;Наименование;ОКВЭД;Код региона\n" + ENTERPRISE_ROW + "\n").encode()
    report = ingest.prepare(tiny_con, "enterprises", data).report
    assert "field_count" not in codes(report) and report.rows_in_file == 1
    assert [w.message.values for w in report.warnings if w.code == "header_row"] == [{"row": 13}]
    frame = pd.DataFrame(
        [[f"Отчёт, лист {i}", None, None, None] for i in range(12)]
        + [["ИНН", "Наименование", "ОКВЭД", "Код региона"], ENTERPRISE_ROW.split(";")]
    )
    out = io.BytesIO()
    frame.to_excel(out, index=False, header=False)
    report = ingest.prepare(tiny_con, "enterprises", out.getvalue()).report
    assert [w.message.values for w in report.warnings if w.code == "header_row"] == [{"row": 13}]


# --- 6. Two analysts at once -----------------------------------------------------------------------


def _free_inns(con, n: int) -> list[str]:
    """``n`` enterprises of the demo store with every row that refers to them deleted."""
    inns = store.query(con, "SELECT inn FROM enterprises ORDER BY inn LIMIT ?", [n])["inn"].tolist()
    for child, col, parent, _pcol in store.REFERENCES:
        if parent == "enterprises":
            for inn in inns:
                con.execute(store.sql("DELETE FROM {child} WHERE {col} = ?", child=child, col=col), [inn])
    return inns


def test_a_replace_and_an_append_referring_to_a_removed_row_do_not_both_commit(demo_copy):
    # A replaces enterprises without one firm; B appends a year for that firm. Whoever commits
    # second must see the other's rows and refuse.
    con = demo_copy
    (gone,) = _free_inns(con, 1)
    kept = store.query(
        con, "SELECT inn, name_ru, okved, region_code FROM enterprises WHERE inn <> ? ORDER BY inn", [gone]
    )
    firms_csv = kept.to_csv(sep=";", index=False).encode()
    replace = ingest.prepare(con, "enterprises", firms_csv, mode="replace")
    append = ingest.prepare(con, "enterprise_years", f"INN;Year;Employees\n{gone};2024;7\n".encode(), mode="append")
    assert replace.report.ok and append.report.ok, (replace.report.errors[:3], append.report.errors[:3])
    results = {}

    def second() -> None:
        results["append"] = ingest.commit(con, append, "b")

    def during(stage: str) -> None:
        if stage == "written":  # A is inside its transaction, everything written, not yet committed
            other = threading.Thread(target=second)
            other.start()
            other.join(timeout=2)
            results["waited"] = other

    results["replace"] = ingest.commit(con, replace, "a", on_progress=during)
    results["waited"].join(timeout=60)
    assert results["replace"].ok, results["replace"].errors[:3]
    assert not results["append"].ok and codes(results["append"]) == {"ref_missing"}
    assert store.integrity_problems(con).empty


def test_overlapping_appends_record_the_true_row_counts(demo_copy):
    con = demo_copy
    a, b = _free_inns(con, 2)
    before = store.query(con, "SELECT count(*) AS n FROM enterprise_years")["n"][0]
    first = ingest.prepare(con, "enterprise_years", f"INN;Year;Employees\n{a};2019;7\n".encode())
    second = ingest.prepare(con, "enterprise_years", f"INN;Year;Employees\n{b};2019;8\n".encode())
    assert first.report.ok and second.report.ok
    results = {}

    def other() -> None:
        results["second"] = ingest.commit(con, second, "b")

    def during(stage: str) -> None:
        if stage == "written":
            thread = threading.Thread(target=other)
            thread.start()
            thread.join(timeout=2)
            results["thread"] = thread

    results["first"] = ingest.commit(con, first, "a", on_progress=during)
    results["thread"].join(timeout=60)
    assert results["first"].ok and results["second"].ok, (results["first"].errors, results["second"].errors)
    after = store.query(
        con,
        "SELECT rows_after FROM dataset_versions WHERE table_name = 'enterprise_years' "
        "ORDER BY version_id DESC LIMIT 2",
    )["rows_after"].tolist()
    assert sorted(after) == [before + 1, before + 2]


def test_the_invisible_character_scan_agrees_with_a_regular_expression():
    import pyarrow as pa
    import pyarrow.compute as pc
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from analytics.data.validate import text

    alphabet = "аA№—…\u200b\u200c\u200d\u200e\u2060\u2061\ufeff\ufefe\u202a\u202e\u202f\u2066\u2069\u206a[#"

    @settings(max_examples=300, deadline=None)
    @given(st.lists(st.text(alphabet=alphabet, max_size=5), min_size=1, max_size=20), st.integers(0, 19), st.booleans())
    def check(values, cut, large):
        kind = pa.large_string() if large else pa.string()
        cut = min(cut, len(values))
        arr = (
            pa.chunked_array([pa.array(values[:cut], kind), pa.array(values[cut:], kind)], kind)[1:]
            if len(values) > 1
            else pa.chunked_array([pa.array(values, kind)], kind)
        )
        pattern = "[\u200b-\u200d\u2060\ufeff\u202a-\u202e\u2066-\u2069]"
        expected = np.asarray(pc.match_substring_regex(arr, pattern).to_numpy(zero_copy_only=False), dtype=bool)
        assert text._cells_with_invisible(arr).tolist() == expected.tolist()

    check()
