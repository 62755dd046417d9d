"""Every mistake of a file in one pass (issue 17): all rules run on all rows, an error in one column never
hides an error in another, and each message carries a hint for the fix."""

from __future__ import annotations

import pytest

from analytics.data import ingest

HEADER = "ИНН;Наименование;ОКВЭД;Код региона;Широта\n"
GOOD_INN = "4000123458"  # fictional, valid: 4·2+0·4+0·10+0·3+1·5+2·9+3·4+4·6+5·8 = 107; 107 mod 11 = 8
BAD_INN = "4000123459"  # same body, wrong last digit: expected 8
OTHER_INN = "4000543212"  # fictional, valid (check digit 2)
THIRD_INN = "4099100016"  # an illustrative («демо») enterprise of the seed: already in the store

THREE_MISTAKES = (
    HEADER
    + f"{BAD_INN};ООО «Первое»;29.10;40;54,5\n"  # row 2: INN check digit
    + f"{OTHER_INN};ООО «Второе»;29.99;40;54,5\n"  # row 3: OKVED not in the classifier
    + "4000777771;ООО «Третье»;29.10;40;пятьдесят\n"
)  # row 4: text in a number column


def _found(report) -> set[tuple[int | None, str | None, str]]:
    return {(e.row, e.column, e.code) for e in report.errors}


@pytest.mark.parametrize("mode", ["append", "replace"])
def test_three_mistakes_in_three_rows_are_all_reported_at_once(demo_copy, mode):
    report = ingest.prepare(demo_copy, "enterprises", THREE_MISTAKES.encode("utf-8"), mode=mode).report
    assert not report.ok
    assert {(2, "inn", "inn_checksum"), (3, "okved", "okved_unknown"), (4, "lat", "not_number")} <= _found(report)
    assert report.error_total >= 3


def test_load_file_reports_them_all_too_and_the_store_is_untouched(demo_copy):
    before = demo_copy.execute("SELECT count(*) FROM enterprises").fetchall()
    report = ingest.load_file(demo_copy, "enterprises", THREE_MISTAKES.encode("utf-8"), user="tester")
    assert {(2, "inn", "inn_checksum"), (3, "okved", "okved_unknown"), (4, "lat", "not_number")} <= _found(report)
    assert demo_copy.execute("SELECT count(*) FROM enterprises").fetchall() == before


def test_a_cell_with_a_format_error_is_not_reported_again_by_the_store_checks(demo_copy):
    text = HEADER + f"{GOOD_INN};ООО «Первое»;29.1.0.0;40;54,5\n"  # malformed OKVED: one message, not two
    report = ingest.prepare(demo_copy, "enterprises", text.encode("utf-8")).report
    assert [(e.row, e.column, e.code) for e in report.errors] == [(2, "okved", "okved_format")]


def test_a_duplicate_in_the_store_and_a_cell_error_are_reported_together(demo_copy):
    text = HEADER + f"{THIRD_INN};ООО «Демо»;29.10;40;54,5\n" + f"{GOOD_INN};ООО «Новое»;29.10;40;abc\n"
    report = ingest.prepare(demo_copy, "enterprises", text.encode("utf-8")).report
    assert {(2, "inn", "duplicate_in_store"), (3, "lat", "not_number")} <= _found(report)


def test_an_unknown_header_does_not_hide_the_cells_of_the_known_columns(demo_copy):
    text = "ИНН;Наименование;ОКВЭД;Код региона;Что-то своё\n" + f"{BAD_INN};ООО «Первое»;29.10;40;x\n"
    report = ingest.prepare(demo_copy, "enterprises", text.encode("utf-8")).report
    assert {(1, "Что-то своё", "column_unknown"), (2, "inn", "inn_checksum")} <= _found(report)
    assert report.unknown_headers == ["Что-то своё"]


def _by_cell(report) -> dict[tuple[int | None, str | None], object]:
    return {(e.row, e.column): e.message for e in report.errors}


def test_each_message_says_how_to_fix_the_cell(demo_copy):
    found = _by_cell(ingest.prepare(demo_copy, "enterprises", THREE_MISTAKES.encode("utf-8")).report)
    # row 2: 4·2+0·4+0·10+0·3+1·5+2·9+3·4+4·6+5·8 = 107 → 107 mod 11 = 8: the check digit must be 8, not 9
    assert found[(2, "inn")].values["expected"] == "8"
    assert "4000123458" in found[(2, "inn")].text("ru") and "8" in found[(2, "inn")].hint("en")
    # row 3: the demo classifier's codes under division 29 are 29, 29.1, 29.10, 29.2, 29.20, 29.3, 29.31,
    # 29.32, 29.32.1, 29.32.3; the classes (two digits) nearest to .99 are .32, .31, .20
    assert found[(3, "okved")].values["nearest"] == "29.32, 29.31, 29.20"
    assert "29.32, 29.31, 29.20" in found[(3, "okved")].text("ru")
    # row 4: the expected format with the column's example (latitude: «54,5293»)
    assert "«54,5293»" in found[(4, "lat")].text("ru") and "“54,5293”" in found[(4, "lat")].text("en")


def test_a_twelve_digit_inn_gets_both_check_digits():
    # 7707083893 is Sberbank's INN (valid); a 12-digit one by hand: 500100732259 (python-stdnum's example)
    from stdnum.ru import inn as stdnum_inn

    from analytics.data.validate import hints

    assert stdnum_inn.is_valid("500100732259")
    assert hints.inn_expected("500100732200") == "500100732259"
    assert hints.inn_expected("7707083890") == "7707083893"
    assert hints.ogrn_expected("1027700132190") == "1027700132195"  # Sberbank's OGRN
    assert hints.inn_expected("12345") is None


def test_numbers_out_of_range_and_required_cells_name_the_range_and_an_example(demo_copy):
    text = (
        "ИНН;Год;Численность;Выручка, млн руб.\n"
        "4099100016;2023;-5;10\n"  # negative head count: 0 … 10 million
        ";2023;10;10\n"
    )  # INN missing
    found = _by_cell(ingest.prepare(demo_copy, "enterprise_years", text.encode("utf-8")).report)
    assert found[(2, "employees")].code == "negative"
    assert "10000000" in found[(2, "employees")].text("ru")
    assert found[(3, "inn")].code == "required" and found[(3, "inn")].hint("ru")


def test_a_blocked_rollback_names_the_table_to_roll_back_first(demo_copy):
    from analytics.store import versions

    first = ingest.load_file(
        demo_copy, "enterprises", (HEADER + f"{GOOD_INN};ООО «Первое»;29.10;40;54,5\n").encode("utf-8"), user="tester"
    )
    assert first.ok
    years = ingest.load_file(
        demo_copy, "enterprise_years", f"ИНН;Год;Численность\n{GOOD_INN};2023;10\n".encode(), user="tester"
    )
    assert years.ok
    before = int(versions.restorable(demo_copy, "enterprises")["version_id"].iloc[1])
    plan = ingest.prepare_rollback(demo_copy, "enterprises", before)
    assert not plan.report.ok
    assert {e.code for e in plan.report.errors} == {"rollback_blocked"}
    blocked = plan.report.errors[0]
    assert blocked.value == GOOD_INN and blocked.message.values["table"] == "enterprise_years"
    assert "откатите таблицу «enterprise_years»" in blocked.message.text("ru")
