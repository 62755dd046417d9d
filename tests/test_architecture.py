"""The house's layout: public names, the transaction helper, documents that docstrings cite."""

from __future__ import annotations

import importlib
import re
import subprocess
from pathlib import Path

import duckdb
import pytest

import analytics
from analytics import store

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("name", sorted(analytics.PUBLIC_MODULES))
def test_documented_short_names_stay_importable(name):
    module = importlib.import_module(analytics.PUBLIC_MODULES[name])
    exec(f"from analytics import {name} as imported", globals())  # the README's spelling
    assert imported is module  # noqa: F821


def test_an_unknown_short_name_is_an_attribute_error():
    with pytest.raises(AttributeError):
        analytics.no_such_module  # noqa: B018


def _table(con):
    con.execute("CREATE TABLE IF NOT EXISTS t (x INTEGER)")
    return con


def test_transaction_commits_at_the_end_of_the_block():
    con = _table(duckdb.connect(":memory:"))
    with store.transaction(con):
        con.execute("INSERT INTO t VALUES (1)")
    assert con.execute("SELECT count(*) FROM t").fetchall() == [(1,)]


def test_transaction_rolls_back_when_the_block_raises():
    con = _table(duckdb.connect(":memory:"))
    with pytest.raises(RuntimeError), store.transaction(con):
        con.execute("INSERT INTO t VALUES (1)")
        raise RuntimeError("refused")
    assert con.execute("SELECT count(*) FROM t").fetchall() == [(0,)]


def test_transaction_rollback_inside_the_block_commits_nothing():
    con = _table(duckdb.connect(":memory:"))
    with store.transaction(con) as tx:
        con.execute("INSERT INTO t VALUES (1)")
        tx.rollback()
    assert con.execute("SELECT count(*) FROM t").fetchall() == [(0,)]
    with store.transaction(con):  # and the connection is usable again
        con.execute("INSERT INTO t VALUES (2)")
    assert con.execute("SELECT x FROM t").fetchall() == [(2,)]


def _tracked_python():
    out = subprocess.run(["git", "ls-files", "*.py"], cwd=ROOT, capture_output=True, text=True, check=True)
    return [ROOT / line for line in out.stdout.splitlines() if line]


def test_documents_cited_by_the_code_exist():
    cited = set()
    for path in _tracked_python():
        cited |= set(re.findall(r"docs/[\w./-]+\.md", path.read_text(encoding="utf-8")))
    assert cited, "the library cites docs/metrics.md and docs/regulations.md"
    missing = sorted(c for c in cited if not (ROOT / c).is_file())
    assert missing == []


def test_no_bare_metrics_or_regulations_citation_outside_docs():
    bare = []
    for path in _tracked_python():
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if re.search(r"(?<![/\w])(metrics|regulations)\.md", line):
                bare.append(f"{path.relative_to(ROOT)}:{n}")
    assert bare == []


def test_nothing_patches_sys_path():
    needle = "sys.path." + "insert"
    assert [p.name for p in _tracked_python() if needle in p.read_text(encoding="utf-8")] == []
