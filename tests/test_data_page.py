"""The Data page through AppTest: a bad file gets its report, a good one is committed after login,
and a version is rolled back."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from analytics import store
from ui.core.i18n import CATALOG

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
DATA = ROOT / "tests" / "data"
RU = CATALOG["ru"]


@pytest.fixture()
def page(data_page):
    return data_page


def _upload(at: AppTest, name: str, data: bytes) -> None:
    at.file_uploader[0].set_value((name, data, "text/csv")).run()
    assert not at.exception, [e.value for e in at.exception]


def _login(at: AppTest, password: str = "long enough password") -> None:
    at.text_input(key="login_name").input("anna")
    at.text_input(key="login_password").input(password)
    next(b for b in at.button if b.label == RU["upload.login"]).click().run()


def test_a_bad_file_shows_its_report_and_nothing_can_be_loaded(page):
    at, _ = page
    assert at.title[0].value == RU["upload.title"]
    _upload(at, "inn_checksum.csv", (DATA / "bad" / "inn_checksum.csv").read_bytes())
    assert any(RU["upload.errors_found"].split(":")[0] in e.value for e in at.error)
    detail = next(d.value for d in at.dataframe if RU["upload.col_row"] in d.value.columns)
    assert RU["ingest.inn_checksum"] in detail[RU["upload.col_message"]].tolist()
    assert detail[RU["upload.col_row"]].tolist() == [2]
    assert detail[RU["upload.col_column"]].tolist() == ["ИНН"]  # the file's own header
    assert not [b for b in at.button if b.label == RU["upload.commit"]]


def test_unknown_columns_ask_for_a_login_to_map_them(page):
    at, _ = page
    _upload(at, "extra_column.csv", (DATA / "bad" / "extra_column.csv").read_bytes())
    assert RU["upload.mapping_login"] in [i.value for i in at.info]


def test_wrong_password_is_refused(page):
    at, _ = page
    _login(at, "wrong password")
    assert RU["upload.login_failed"] in [e.value for e in at.error]
    assert "analyst" not in at.session_state


def test_login_then_commit_a_good_file_and_roll_it_back(page):
    at, db = page
    _login(at)
    assert any("anna" in s.value for s in at.success)
    good = (DATA / "good" / "cp1251_semicolon_crlf.csv").read_bytes()
    _upload(at, "firms.csv", good)
    metrics = {m.label: m.value for m in at.metric}
    assert metrics[RU["upload.added"]] == "2" and metrics[RU["upload.removed"]] == "0"
    commit = next(b for b in at.button if b.label == RU["upload.commit"])
    assert commit.disabled  # until the analyst confirms
    at.checkbox(key="upload_confirm").check().run()
    next(b for b in at.button if b.label == RU["upload.commit"]).click().run()
    assert not at.exception, [e.value for e in at.exception]
    flash = [s.value for s in at.success if "версия" in s.value]
    assert flash, [s.value for s in at.success]
    con = store.connect(db)  # same process: DuckDB shares the app's database instance
    loaded = store.query(
        con,
        "SELECT version_id, user_name, file_name, rows_after FROM dataset_versions ORDER BY version_id DESC LIMIT 1",
    ).iloc[0]
    assert (loaded["user_name"], loaded["file_name"]) == ("anna", "firms.csv")
    assert f"№ {loaded['version_id']}" in flash[0]
    assert (
        store.query(con, "SELECT count(*) AS n FROM enterprises WHERE inn IN ('4027100017', '4027100024')")["n"][0] == 2
    )

    # History tab: the previous version of the enterprises table is restorable
    at.selectbox(key="rollback_table").set_value("enterprises").run()
    versions = at.selectbox(key="rollback_version").options
    assert versions, "an older version to return to"
    next(b for b in at.button if b.label == RU["upload.rollback_do"]).click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert (
        store.query(con, "SELECT count(*) AS n FROM enterprises WHERE inn IN ('4027100017', '4027100024')")["n"][0] == 0
    )
    assert store.query(con, "SELECT action, user_name FROM dataset_versions ORDER BY version_id DESC LIMIT 1").iloc[
        0
    ].tolist() == ["rollback", "anna"]


def test_templates_download_in_both_languages(page):
    at, _ = page
    labels = [d.label for d in at.get("download_button")]
    assert RU["upload.template_ru"] in labels and RU["upload.template_en"] in labels


def test_an_analyst_maps_an_unknown_column_and_the_choice_is_remembered(page):
    at, db = page
    _login(at)
    _upload(at, "extra_column.csv", (DATA / "bad" / "extra_column.csv").read_bytes())
    assert RU["upload.mapping_title"] in [s.value for s in at.subheader]
    at.selectbox(key="map_enterprises_0").set_value("__skip__")
    next(b for b in at.button if b.label == RU["upload.mapping_apply"]).click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert RU["upload.file_ok"] in [s.value for s in at.success]
    con = store.connect(db)
    remembered = store.query(con, "SELECT table_name, header, column_name, user_name FROM column_mappings")
    assert remembered.to_dict("records") == [
        {"table_name": "enterprises", "header": "комментарий бухгалтера", "column_name": None, "user_name": "anna"}
    ]
