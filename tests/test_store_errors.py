"""Fatal store errors through AppTest: a broken connection is opened again, a store that cannot be read
is explained in the user's language with a reference for the log (no traceback), nothing stored is lost;
a snapshot that cannot be published leaves readers on the last whole one."""

from __future__ import annotations

import errno
import functools
import shutil
from pathlib import Path

import duckdb
import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from analytics.services import overview
from analytics.store import snapshots
from ui.core import state
from ui.core.i18n import CATALOG

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
RU, EN = CATALOG["ru"], CATALOG["en"]


@pytest.fixture()
def app_on(demo_db, tmp_path, monkeypatch):
    """An AppTest factory on a copy of the demo store (one process, as `make run`)."""
    db = tmp_path / "navigator.duckdb"
    shutil.copyfile(demo_db, db)
    monkeypatch.setenv("NAVIGATOR_DB", str(db))
    monkeypatch.delenv("NAVIGATOR_SNAPSHOTS", raising=False)
    st.cache_data.clear()
    st.cache_resource.clear()
    yield db
    st.cache_data.clear()
    st.cache_resource.clear()


def _errors(at: AppTest) -> list[str]:
    return [e.value for e in at.error]


def _intro(key: str, lang: dict[str, str]) -> str:
    return lang[key].split("{")[0]


def test_a_damaged_store_file_is_explained_in_russian_and_english_without_a_traceback(app_on):
    app_on.write_bytes(b"this is not a DuckDB file" * 400)
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception, [e.value for e in at.exception]
    [message] = _errors(at)
    assert message.startswith(_intro("store.unavailable", RU))
    assert RU["store.reason_unreadable"] in message
    assert "Traceback" not in message and str(app_on) not in message
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["lang"] = "en"
    at.run()
    [message] = _errors(at)
    assert message.startswith(_intro("store.unavailable", EN)) and EN["store.reason_unreadable"] in message


def test_an_invalidated_connection_is_opened_again_and_the_page_is_drawn(app_on, monkeypatch):
    real = overview.regions
    calls = {"n": 0}

    @functools.wraps(real)  # cached() finds a function by its module and name
    def regions_once_broken(con, *args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 1:
            raise duckdb.FatalException("FATAL Error: database has been invalidated because of a previous fatal error")
        return real(con, *args, **kwargs)

    at = AppTest.from_file(APP, default_timeout=90).run()  # opens the connection
    first = state._connection(str(app_on))
    st.cache_data.clear()
    state._shared_call.clear()  # the results cached() shares (not the connection, also a cache_resource)
    monkeypatch.setattr(overview, "regions", regions_once_broken)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert not _errors(at)
    assert calls["n"] == 2  # failed once, then answered on the new connection
    assert state._connection(str(app_on)) is not first
    assert "Калужская область" in at.title[0].value


def test_a_store_that_stays_broken_is_explained_not_shown_as_a_traceback(app_on, monkeypatch):
    @functools.wraps(overview.regions)
    def broken(con, *args, **kwargs):
        raise duckdb.FatalException("FATAL Error: database has been invalidated because of a previous fatal error")

    monkeypatch.setattr(overview, "regions", broken)
    at = AppTest.from_file(APP, default_timeout=90).run()
    assert not at.exception, [e.value for e in at.exception]
    [message] = _errors(at)
    assert RU["store.reason_invalidated"] in message
    ref = message.rsplit(" ", 1)[-1].rstrip(".")
    assert len(ref) == 8 and int(ref, 16) >= 0  # the reference the operator finds in the log


def test_a_snapshot_that_cannot_be_published_leaves_readers_on_the_last_whole_one(demo_db, tmp_path, monkeypatch):
    db = tmp_path / "navigator.duckdb"
    shutil.copyfile(demo_db, db)
    first = snapshots.ensure_published(db)
    with duckdb.connect(str(db)) as con:  # a change that still has to be published
        con.execute("DELETE FROM enterprise_years WHERE year = 2016")

    def disk_full(src, dst, *args, **kwargs):
        Path(dst).write_bytes(b"partial")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(snapshots.shutil, "copyfile", disk_full)
    assert snapshots.ensure_published(db) == first
    assert sorted(p.name for p in snapshots.published_dir(db).iterdir()) == ["CURRENT", first.name]  # no half copy
    monkeypatch.undo()
    second = snapshots.ensure_published(db)  # space again: the change is published
    assert second != first
