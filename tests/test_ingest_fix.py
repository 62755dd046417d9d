"""Fixing a file in the browser (issue 17): the rows with errors under the file's own headers, corrections
checked again by the loader, and the corrected file written back byte for byte in the original dialect."""

from __future__ import annotations

import pytest

from analytics.data import ingest

# Windows-1251, «;», CRLF, a title row above the header, decimal commas, a quoted name with «;» and quotes.
CP1251_TEXT = (
    "Выгрузка из 1С на 01.12.2026;;;;;\r\n"
    "ИНН;Наименование;ОКВЭД;Код региона;Широта;Долгота\r\n"
    '4000123459;"ООО ""Первое""; цех 2";29.10;40;54,5293;36,2754\r\n'  # row 3: INN check digit (8 expected)
    "4000543212;ООО Второе;29.99;40;54,5;\r\n"  # row 4: OKVED not in the classifier
    "4000777771;ООО Третье;29.10;40;пятьдесят;36,1\r\n"  # row 5: text in a number column
)
CP1251 = CP1251_TEXT.encode("cp1251")
EDITS = {3: {"ИНН": "4000123458"}, 4: {"ОКВЭД": "29.32"}, 5: {"Широта": "54.5"}}  # «54.5» typed with a point


def test_the_reader_keeps_what_writing_back_needs_in_the_report(demo_copy):
    plan = ingest.prepare(demo_copy, "enterprises", CP1251, file_name="firms.csv")
    d = plan.report.dialect
    assert (d["encoding"], d["delimiter"], d["newline"], d["decimal"]) == ("cp1251", ";", "\r\n", ",")
    assert d["preamble"] == "Выгрузка из 1С на 01.12.2026;;;;;\r\n" and not d["quote_all"] and d["final_newline"]


def test_the_rows_with_errors_are_shown_under_the_files_own_headers_with_empty_cells_empty(demo_copy):
    plan = ingest.prepare(demo_copy, "enterprises", CP1251, file_name="firms.csv")
    grid = ingest.error_rows(plan)
    assert list(grid.columns) == ["_row", "ИНН", "Наименование", "ОКВЭД", "Код региона", "Широта", "Долгота"]
    assert grid["_row"].tolist() == [3, 4, 5]
    assert grid.loc[1, "Долгота"] == "" and grid.loc[0, "Наименование"] == 'ООО "Первое"; цех 2'


def test_an_unchanged_file_is_written_back_byte_for_byte(demo_copy):
    plan = ingest.prepare(demo_copy, "enterprises", CP1251, file_name="firms.csv")
    assert ingest.write_back(plan.raw) == CP1251


def test_corrections_are_checked_again_and_written_in_the_original_dialect(demo_copy):
    plan = ingest.prepare(demo_copy, "enterprises", CP1251, file_name="firms.csv")
    assert {e.row for e in plan.report.errors} == {3, 4, 5}
    fixed, corrected = ingest.apply_corrections(demo_copy, plan, EDITS)
    # the expected file, by hand: the three cells replaced, everything else as it was; «54.5» → «54,5»
    expected = (
        CP1251_TEXT.replace("4000123459", "4000123458").replace(";29.99;", ";29.32;").replace("пятьдесят", "54,5")
    ).encode("cp1251")
    assert corrected == expected
    assert fixed.report.ok, [(e.row, e.column, e.code) for e in fixed.report.errors]
    assert fixed.report.added == 3 and fixed.report.file_name == "firms.csv"
    done = ingest.commit(demo_copy, fixed, user="tester")
    assert done.ok
    rows = demo_copy.execute(
        "SELECT inn, okved, lat FROM enterprises WHERE inn IN ('4000123458', '4000543212', '4000777771') ORDER BY inn"
    ).fetchall()
    assert rows == [("4000123458", "29.10", 54.5293), ("4000543212", "29.32", 54.5), ("4000777771", "29.10", 54.5)]


def test_given_the_original_only_the_edited_lines_are_written_again(demo_copy):
    plan = ingest.prepare(demo_copy, "enterprises", CP1251, file_name="firms.csv")
    fixed, corrected = ingest.apply_corrections(demo_copy, plan, EDITS, original=CP1251)
    expected = (
        CP1251_TEXT.replace("4000123459", "4000123458").replace(";29.99;", ";29.32;").replace("пятьдесят", "54,5")
    ).encode("cp1251")
    assert corrected == expected and fixed.report.ok
    # a line the reader saw differently from how the writer would write it stays as it was: «;;» blank-ish
    # rows, odd spacing, quotes the writer would not use
    odd = CP1251_TEXT.replace("ООО Второе", '"ООО Второе"').encode("cp1251")
    plan = ingest.prepare(demo_copy, "enterprises", odd)
    _, corrected = ingest.apply_corrections(demo_copy, plan, {3: {"ИНН": "4000123458"}}, original=odd)
    assert corrected == odd.replace(b"4000123459", b"4000123458")  # row 4 keeps its quotes


def test_a_quoted_line_break_falls_back_to_writing_the_whole_file(demo_copy):
    text = 'ИНН;Наименование;ОКВЭД;Код региона\r\n4000123459;"ООО\r\nПервое";29.10;40\r\n'
    data = text.encode("cp1251")
    plan = ingest.prepare(demo_copy, "enterprises", data)
    assert ingest.patch_lines(data, plan.raw, [2]) is None
    _, corrected = ingest.apply_corrections(demo_copy, plan, {2: {"ИНН": "4000123458"}}, original=data)
    assert corrected == data.replace(b"4000123459", b"4000123458")


def test_a_partial_correction_leaves_the_other_errors(demo_copy):
    plan = ingest.prepare(demo_copy, "enterprises", CP1251, file_name="firms.csv")
    fixed, _ = ingest.apply_corrections(demo_copy, plan, {3: {"ИНН": "4000123458"}})
    assert {(e.row, e.code) for e in fixed.report.errors} == {(4, "okved_unknown"), (5, "not_number")}
    again, _ = ingest.apply_corrections(demo_copy, fixed, {4: {"ОКВЭД": "29.32"}, 5: {"Широта": "54,5"}})
    assert again.report.ok


def test_utf8_with_bom_comma_and_lf_round_trip_too(demo_copy):
    text = '\ufeffINN,Name,OKVED,Region code,Latitude\n4000123459,"Alpha, Ltd",29.10,40,54.5\n'
    data = text.encode("utf-8")
    plan = ingest.prepare(demo_copy, "enterprises", data)
    assert ingest.write_back(plan.raw) == data
    fixed, corrected = ingest.apply_corrections(demo_copy, plan, {2: {"INN": "4000123458"}})
    assert corrected == data.replace(b"4000123459", b"4000123458") and fixed.report.ok


def test_a_correction_the_encoding_cannot_hold_is_an_error_not_a_question_mark(demo_copy):
    plan = ingest.prepare(demo_copy, "enterprises", CP1251)
    fixed, corrected = ingest.apply_corrections(demo_copy, plan, {4: {"Наименование": "ООО 😀"}})
    assert corrected is None and [e.code for e in fixed.report.errors] == ["fix_not_encodable"]
    assert "cp1251" in fixed.report.errors[0].message.text("ru")


def test_grid_edits_are_the_cells_that_changed():
    import pandas as pd

    shown = pd.DataFrame({"_row": [3, 4], "ИНН": ["4000123459", "4000543212"], "Широта": ["54,5", ""]})
    edited = shown.copy()
    edited.loc[0, "ИНН"] = "4000123458"
    edited.loc[1, "Широта"] = None
    assert ingest.grid_edits(shown, edited) == {3: {"ИНН": "4000123458"}}


def test_a_row_that_is_not_in_the_file_is_refused(demo_copy):
    plan = ingest.prepare(demo_copy, "enterprises", CP1251)
    with pytest.raises(KeyError):
        ingest.apply_corrections(demo_copy, plan, {99: {"ИНН": "1"}})


def test_an_xlsx_file_is_corrected_into_a_workbook_that_loads(demo_copy):
    import io

    from openpyxl import Workbook, load_workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["ИНН", "Наименование", "ОКВЭД", "Код региона", "Широта"])
    sheet.append(["4000123459", "ООО Первое", "29.10", "40", 54.5293])  # the latitude stored as a number
    buffer = io.BytesIO()
    book.save(buffer)
    plan = ingest.prepare(demo_copy, "enterprises", buffer.getvalue(), file_name="firms.xlsx")
    assert [(e.row, e.code) for e in plan.report.errors] == [(2, "inn_checksum")]
    fixed, corrected = ingest.apply_corrections(demo_copy, plan, {2: {"ИНН": "4000123458"}}, original=buffer.getvalue())
    assert corrected[:2] == b"PK" and fixed.report.ok and fixed.report.added == 1
    rows = list(load_workbook(io.BytesIO(corrected)).active.iter_rows(values_only=True))
    assert rows[1][:4] == ("4000123458", "ООО Первое", "29.10", "40") and float(rows[1][4]) == 54.5293
