"""The Data page's Rosstat tab through AppTest: a wide table as published is previewed and loaded in
one step after login (expected values are the table's cells, make_tables.py, in persons)."""

from __future__ import annotations

from pathlib import Path

import pytest
import streamlit as st

from analytics import store
from ui.core.i18n import CATALOG

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
ROSSTAT = ROOT / "tests" / "data" / "rosstat"
RU = CATALOG["ru"]
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture()
def page(data_page):
    return data_page


def test_a_rosstat_table_is_previewed_then_loaded_in_one_step(page):
    at, db = page
    at.text_input(key="login_name").input("anna")
    at.text_input(key="login_password").input("long enough password")
    next(b for b in at.button if b.label == RU["upload.login"]).click().run()
    uploader = next(u for u in at.get("file_uploader") if u.proto.id and "rosstat_file" in u.proto.id)
    uploader.set_value(("regional_wide.xlsx", (ROSSTAT / "regional_wide.xlsx").read_bytes(), XLSX)).run()
    assert not at.exception, [e.value for e in at.exception]
    # the unmatched name is shown to the analyst, with its sheet and row
    assert any("Москва и Подмосковье (оценка) (1, 22)" in w.value for w in at.warning)
    assert {m.label: m.value for m in at.metric}[RU["upload.changed"]] == "28"
    commit = next(b for b in at.button if b.proto.id and "rosstat_commit" in b.proto.id)
    commit.click().run()
    assert not at.exception, [e.value for e in at.exception]
    st.cache_resource.clear()  # the page's connection holds the file: release it before reading
    con = store.connect(db, read_only=True)
    row = (
        store.query(
            con,
            "SELECT employees, data_status FROM region_sector_years "
            "WHERE region_code = '40' AND okved = '29' AND year = 2017",
        )
        .iloc[0]
        .tolist()
    )
    con.close()
    assert row == [110_300, "loaded"]  # «110,3» thousand persons
