"""No test changes what another test sees: a page under AppTest opens a store copy of its own (``app_db``),
never the session's demo store (``demo_db``), which ``conftest.demo_db`` also checks byte for byte at the
end of the session.

The first two tests run in this order (pytest keeps the file's order): the first writes a marker table
through the store the app opened, the second must not find it in its own fresh copy.
"""

from __future__ import annotations

import re
from pathlib import Path

import duckdb
from streamlit.testing.v1 import AppTest

from analytics import store
from tests.conftest import file_digest
from ui.core import state

APP = str(Path(__file__).resolve().parent.parent / "app.py")
TESTS = Path(__file__).resolve().parent
MARKER = "isolation_marker"


def _has_marker(path: str | Path) -> bool:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return bool(
            con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = ?", [MARKER]).fetchall()[0][
                0
            ]
        )
    finally:
        con.close()


def test_a_write_through_the_page_store_stays_in_the_tests_copy(app_db, demo_db):
    before = file_digest(demo_db)
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception, [e.value for e in at.exception]
    assert state.db_path() == app_db  # the app opened this test's copy
    con = store.connect(state.db_path())  # the same database the app holds open read-write
    con.execute("CREATE TABLE isolation_marker (written_by VARCHAR)")  # the table named MARKER
    con.execute("INSERT INTO isolation_marker VALUES (?)", ["test_store_isolation"])
    con.close()
    # had the app opened the session store, this read-only open would clash with the app's read-write
    # one (DuckDB refuses one file under two configurations) or find the marker
    assert not _has_marker(demo_db)
    assert file_digest(demo_db) == before and not Path(demo_db + ".wal").exists()


def test_the_next_test_gets_a_fresh_copy_without_the_marker(app_db):
    AppTest.from_file(APP, default_timeout=60).run()
    con = store.connect(state.db_path())
    try:
        found = con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = ?", [MARKER]).fetchall()[
            0
        ][0]
    finally:
        con.close()
    assert found == 0


# `setenv("NAVIGATOR_DB", demo_db)`, `NAVIGATOR_DB=demo_db` and the like: the app on the shared store
POINTS_APP_AT_SESSION_STORE = re.compile(
    r"""(setenv\(\s*(["']NAVIGATOR_DB["']|state\.DB_ENV)\s*,\s*(str\()?demo_db\b)|(NAVIGATOR_DB\s*=\s*(str\()?demo_db\b)"""
)


def test_the_pattern_finds_an_app_pointed_at_the_session_store():
    assert POINTS_APP_AT_SESSION_STORE.search('    monkeypatch.setenv("NAVIGATOR_DB", demo_db)')
    assert POINTS_APP_AT_SESSION_STORE.search("env = dict(os.environ, NAVIGATOR_DB=str(demo_db))")
    assert not POINTS_APP_AT_SESSION_STORE.search('    monkeypatch.setenv("NAVIGATOR_DB", str(path))')


def test_no_test_points_the_app_at_the_session_store():
    offenders = [
        f"{path.relative_to(TESTS)}:{n}"
        for path in sorted(TESTS.rglob("*.py"))
        if path.name != Path(__file__).name
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if POINTS_APP_AT_SESSION_STORE.search(line)
    ]
    assert offenders == [], "use the app_db fixture (a store copy per test): " + ", ".join(offenders)
