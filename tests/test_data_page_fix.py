"""The Data page through AppTest (issue 17): every mistake of a file at once, each with how to fix it;
the rows with errors in an editable grid; edits checked again; the corrected file loads."""

from __future__ import annotations

import hashlib

from streamlit.testing.v1 import AppTest

from analytics import store
from tests.test_ingest_fix import CP1251
from ui.core.i18n import CATALOG

RU = CATALOG["ru"]
GRID = f"fix_grid_{hashlib.sha256(CP1251).hexdigest()[:16]}"


def _upload(at: AppTest) -> None:
    at.file_uploader[0].set_value(("firms.csv", CP1251, "text/csv")).run()
    assert not at.exception, [e.value for e in at.exception]


def _login(at: AppTest) -> None:
    at.text_input(key="login_name").input("anna")
    at.text_input(key="login_password").input("long enough password")
    next(b for b in at.button if b.label == RU["upload.login"]).click().run()


def _detail(at: AppTest):
    return next(d.value for d in at.dataframe if RU["upload.col_fix"] in d.value.columns)


def test_the_three_mistakes_are_listed_at_once_with_how_to_fix_them(data_page):
    at, _ = data_page
    _upload(at)
    detail = _detail(at)
    assert detail[RU["upload.col_row"]].tolist() == [3, 4, 5]
    assert detail[RU["upload.col_column"]].tolist() == ["ИНН", "ОКВЭД", "Широта"]  # the file's own headers
    fixes = detail[RU["upload.col_fix"]].tolist()
    assert "4000123458" in fixes[0] and "29.32" in fixes[1] and "«54,5293»" in fixes[2]
    assert not [b for b in at.button if b.label == RU["upload.commit"]]


def test_fix_the_cells_in_the_grid_then_load_the_corrected_file(data_page):
    at, db = data_page
    _login(at)
    _upload(at)
    grid = at.data_editor(key=GRID)
    shown = grid.value
    assert shown[RU["upload.col_row"]].tolist() == [3, 4, 5]
    assert list(shown.columns)[2:8] == ["ИНН", "Наименование", "ОКВЭД", "Код региона", "Широта", "Долгота"]
    assert "4000123458" in shown.iloc[0, 1]  # the errors of the row, with the expected INN
    assert shown.loc[1, "Долгота"] == ""  # an empty cell is empty, not «None»

    at.session_state[GRID] = {"edited_rows": {0: {"ИНН": "4000123458"}}, "added_rows": [], "deleted_rows": []}
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert _detail(at)[RU["upload.col_row"]].tolist() == [4, 5]  # re-checked: row 3 is fixed

    at.session_state[GRID] = {
        "edited_rows": {0: {"ИНН": "4000123458"}, 1: {"ОКВЭД": "29.32"}, 2: {"Широта": "54.5"}},
        "added_rows": [],
        "deleted_rows": [],
    }
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert RU["upload.file_ok"] in [s.value for s in at.success]
    assert not [e for e in at.error if RU["upload.errors_found"].split(":")[0] in e.value]
    assert any(b.label == RU["upload.fix_download"] for b in at.get("download_button"))
    at.checkbox(key="upload_confirm").check().run()
    next(b for b in at.button if b.label == RU["upload.commit"]).click().run()
    assert not at.exception, [e.value for e in at.exception]
    con = store.connect(db)  # same process: DuckDB shares the app's database instance
    rows = store.query(
        con,
        "SELECT inn, okved, lat FROM enterprises WHERE inn IN ('4000123458', '4000543212', '4000777771') ORDER BY inn",
    )
    assert rows.values.tolist() == [
        ["4000123458", "29.10", 54.5293],
        ["4000543212", "29.32", 54.5],
        ["4000777771", "29.10", 54.5],
    ]
    assert store.query(con, "SELECT user_name, file_name FROM dataset_versions ORDER BY version_id DESC LIMIT 1").iloc[
        0
    ].tolist() == ["anna", "firms.csv"]


def test_a_blocked_rollback_says_so_in_plain_words(data_page):
    at, _ = data_page
    _login(at)
    firm = "ИНН;Наименование;ОКВЭД;Код региона\n4000123458;ООО «Первое»;29.10;40\n".encode()
    at.file_uploader[0].set_value(("firm.csv", firm, "text/csv")).run()
    at.checkbox(key="upload_confirm").check().run()
    next(b for b in at.button if b.label == RU["upload.commit"]).click().run()
    at.selectbox(key="upload_table").set_value("enterprise_years").run()
    at.file_uploader[0].set_value(("years.csv", "ИНН;Год;Численность\n4000123458;2023;10\n".encode(), "text/csv")).run()
    at.checkbox(key="upload_confirm").check().run()
    next(b for b in at.button if b.label == RU["upload.commit"]).click().run()
    assert not at.exception, [e.value for e in at.exception]
    at.selectbox(key="rollback_table").set_value("enterprises").run()
    errors = [e.value for e in at.error]
    assert any(RU["upload.rollback_blocked_found"].split(":")[0] in e for e in errors), errors
    assert not any(RU["upload.errors_found"].split(":")[0] in e for e in errors)
    detail = _detail(at)
    assert detail[RU["upload.col_row"]].isna().all()  # no row «None»: the whole table
    assert detail[RU["upload.col_column"]].tolist() == ["ИНН"]  # not «inn»
    assert "Показатели предприятий по годам" in detail[RU["upload.col_message"]].iloc[0]
