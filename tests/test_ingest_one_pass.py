"""Every mistake of a file in one pass (issue 17): all rules run on all rows, an error in one column never
hides an error in another, and each message carries a hint for the fix."""
from __future__ import annotations

import pytest

from analytics.data import ingest

HEADER = "ИНН;Наименование;ОКВЭД;Код региона;Широта\n"
GOOD_INN = "4000123458"      # fictional, valid: 4·2+0·4+0·10+0·3+1·5+2·9+3·4+4·6+5·8 = 107; 107 mod 11 = 8
BAD_INN = "4000123459"       # same body, wrong last digit: expected 8
OTHER_INN = "4000543212"     # fictional, valid (check digit 2)
THIRD_INN = "4099100016"     # an illustrative («демо») enterprise of the seed: already in the store

THREE_MISTAKES = (HEADER
                  + f"{BAD_INN};ООО «Первое»;29.10;40;54,5\n"      # row 2: INN check digit
                  + f"{OTHER_INN};ООО «Второе»;29.99;40;54,5\n"    # row 3: OKVED not in the classifier
                  + "4000777771;ООО «Третье»;29.10;40;пятьдесят\n")  # row 4: text in a number column


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
