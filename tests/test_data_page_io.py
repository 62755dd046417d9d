"""The Data page's input–output tab through AppTest: Rosstat's workbook as published is previewed by
anyone and loaded as one version of ``io_cells`` after login (expected: the workbook's 113 products and
the 2021 year of its title; every cell of the demo store's public extract becomes 'loaded')."""

from __future__ import annotations

from pathlib import Path

import pytest
import streamlit as st

from analytics import store
from ui.core.i18n import CATALOG

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
WORKBOOK = ROOT / "tests" / "data" / "io" / "baz_tzv-2021.xlsx"
RU = CATALOG["ru"]
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture()
def page(data_page):
    return data_page


def _uploader(at):
    return next(u for u in at.get("file_uploader") if u.proto.id and "io_file" in u.proto.id)


def test_the_workbook_is_previewed_without_login_and_loaded_after_login(page):
    at, db = page
    assert any(RU["io_load.used"].format(year=2021) == c.value for c in at.caption)
    _uploader(at).set_value((WORKBOOK.name, WORKBOOK.read_bytes(), XLSX)).run()
    assert not at.exception, [e.value for e in at.exception]
    assert any("2021" in w.value and "113" in w.value for w in at.warning)  # the io_read message
    metrics = {m.label: m.value for m in at.metric}
    assert metrics[RU["upload.added"]] == "0" and metrics[RU["upload.removed"]] == "0"
    assert metrics[RU["upload.changed"]] != "0"  # public → loaded
    assert any(i.value == RU["upload.commit_login"] for i in at.info)
    assert not [b for b in at.button if b.proto.id and "io_commit" in b.proto.id]

    at.text_input(key="login_name").input("anna")
    at.text_input(key="login_password").input("long enough password")
    next(b for b in at.button if b.label == RU["upload.login"]).click().run()
    if not [b for b in at.button if b.proto.id and "io_commit" in b.proto.id]:
        _uploader(at).set_value((WORKBOOK.name, WORKBOOK.read_bytes(), XLSX)).run()
    commit = next(b for b in at.button if b.proto.id and "io_commit" in b.proto.id)
    commit.click().run()
    assert not at.exception, [e.value for e in at.exception]
    st.cache_resource.clear()  # the page's connection holds the file: release it before reading
    con = store.connect(db, read_only=True)
    versions = store.query(
        con, "SELECT user_name, action FROM dataset_versions WHERE table_name = 'io_cells' ORDER BY version_id"
    )
    statuses = store.query(con, "SELECT DISTINCT data_status FROM io_cells")["data_status"].tolist()
    con.close()
    assert versions.values.tolist() == [["system", "seed"], ["anna", "replace"]]
    assert statuses == ["loaded"]


def test_a_file_that_is_not_a_workbook_is_refused(page):
    at, _ = page
    _uploader(at).set_value(("not.xlsx", b"a,b\n1,2\n", XLSX)).run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.error and not at.metric
