"""The Data page as `make serve` runs it (NAVIGATOR_SNAPSHOTS=1): the page reads a published snapshot,
a commit goes through the writer lock and is published, and the command-line loader works meanwhile."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from analytics import store
from analytics.data import auth
from analytics.store import snapshots
from ui.core.i18n import CATALOG

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
DATA = ROOT / "tests" / "data"
RU = CATALOG["ru"]
NEW_INNS = ("4027100017", "4027100024")  # the two firms of tests/data/good/cp1251_semicolon_crlf.csv


@pytest.fixture()
def page(demo_db, tmp_path, monkeypatch):
    db = tmp_path / "navigator.duckdb"
    shutil.copyfile(demo_db, db)
    accounts = tmp_path / "analysts.toml"
    auth.add_analyst("anna", "long enough password", accounts)
    monkeypatch.setenv("NAVIGATOR_DB", str(db))
    monkeypatch.setenv("NAVIGATOR_SNAPSHOTS", "1")
    monkeypatch.setenv(auth.ENV, str(accounts))
    st.cache_data.clear()
    st.cache_resource.clear()
    at = AppTest.from_file(APP, default_timeout=90).run()
    at.switch_page("app_pages/data.py").run()
    assert not at.exception, [e.value for e in at.exception]
    yield at, db
    st.cache_resource.clear()


def _new_firms(path: Path) -> int:
    with snapshots.open_snapshot(path) as con:
        return int(
            store.query(con, "SELECT count(*) AS n FROM enterprises WHERE inn IN (?, ?)", list(NEW_INNS))["n"][0]
        )


def test_a_commit_is_published_and_the_command_line_loader_works_while_the_page_serves(page, tmp_path):
    at, db = page
    first = snapshots.current_path(db)
    assert first is not None  # the page opened a published snapshot, not the writer's file
    at.text_input(key="login_name").input("anna")
    at.text_input(key="login_password").input("long enough password")
    next(b for b in at.button if b.label == RU["upload.login"]).click().run()
    at.file_uploader[0].set_value(
        ("firms.csv", (DATA / "good" / "cp1251_semicolon_crlf.csv").read_bytes(), "text/csv")
    ).run()
    at.checkbox(key="upload_confirm").check().run()
    next(b for b in at.button if b.label == RU["upload.commit"]).click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert [s.value for s in at.success if "версия" in s.value]
    second = snapshots.current_path(db)
    assert second != first
    assert _new_firms(first) == 0 and _new_firms(second) == 2

    # The app process keeps no write lock: another process loads through the command line.
    csv = tmp_path / "years.csv"
    csv.write_text(f"ИНН;Год;Численность\n{NEW_INNS[0]};2020;7\n", encoding="utf-8")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "analytics.data.load_cli",
            "enterprise_years",
            str(csv),
            "--user",
            "cli",
            "--db",
            str(db),
        ],
        cwd=ROOT,
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr

    # The page moves to the newest snapshot on its next rerun: the history shows the command-line load.
    at.run()
    history = next(d.value for d in at.dataframe if RU["col.user"] in d.value.columns)
    assert list(history[RU["col.user"]][:2]) == ["cli", "anna"]


def test_a_scenario_is_saved_and_deleted_through_the_writer_under_snapshots(demo_db, tmp_path, monkeypatch):
    db = tmp_path / "navigator.duckdb"
    shutil.copyfile(demo_db, db)
    monkeypatch.setenv("NAVIGATOR_DB", str(db))
    monkeypatch.setenv("NAVIGATOR_SNAPSHOTS", "1")
    st.cache_data.clear()
    st.cache_resource.clear()
    at = AppTest.from_file(APP, default_timeout=120)
    at.session_state["analyst"] = "anna"
    at.run()
    at.switch_page("app_pages/subsidies.py").run()
    first = snapshots.current_path(db)
    at.text_input(key="sub_save_name").input("Сорок процентов")
    next(b for b in at.button if b.label == RU["subsidies.save_button"]).click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert RU["subsidies.saved"].format(name="Сорок процентов") in [s.value for s in at.success]
    saved_in = snapshots.current_path(db)
    assert saved_in != first
    with snapshots.open_snapshot(saved_in) as con:
        assert store.query(con, "SELECT name FROM scenarios")["name"].tolist() == ["Сорок процентов"]
    at.selectbox(key="sub_saved_pick").set_value("Сорок процентов").run()
    at.button(key="sub_delete").click().run()
    assert not at.exception, [e.value for e in at.exception]
    with snapshots.open_snapshot(snapshots.current_path(db)) as con:
        assert store.query(con, "SELECT count(*) AS n FROM scenarios")["n"][0] == 0
    st.cache_resource.clear()
