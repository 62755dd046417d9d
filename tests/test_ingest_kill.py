"""A load killed mid-way (SIGKILL of a separate process) leaves the previous data intact."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from analytics import store
from analytics.store import schema

ROOT = Path(__file__).resolve().parent.parent

CHILD = """
import sys, time
from analytics.data import ingest
from analytics import store
con = store.connect({db!r})

def progress(stage):
    print(stage, flush=True)
    if stage == {pause!r}:
        time.sleep(120)  # parked here until the test kills the process

report = ingest.load_file(con, "enterprises", {csv!r}, mode={mode!r}, user="killed", on_progress=progress)
print("finished", report.ok, flush=True)
"""


def inn10(first9: str) -> str:
    weights = (2, 4, 10, 3, 5, 9, 4, 6, 8)
    return first9 + str(sum(w * int(d) for w, d in zip(weights, first9)) % 11 % 10)


def state(path: Path) -> list:
    """Row count and a hash of every row of the tables a load touches, and the version log."""
    con = store.connect(path, read_only=True)
    try:
        tables = ["enterprises", "history_enterprises", "history_open_enterprises", "dataset_versions"]
        return [
            con.execute(store.sql("SELECT count(*), sum(hash(x)::HUGEINT) FROM {t} x", t=t)).fetchall()[0]
            for t in tables
        ]
    finally:
        con.close()


@pytest.fixture()
def big_file(tmp_path) -> Path:
    """60,000 valid new enterprises (Windows-1251, ';')."""
    lines = ["ИНН;Наименование;ОКВЭД;Код региона;Широта"]
    lines += [f"{inn10(f'40{200000 + i:07d}')};ООО «Фирма {i}»;29.32;40;54,{i % 10000:04d}" for i in range(60_000)]
    path = tmp_path / "big.csv"
    path.write_bytes("\r\n".join(lines).encode("cp1251"))
    return path


@pytest.mark.parametrize("pause, mode", [("written", "append"), ("written", "replace"), ("validated", "append")])
def test_a_killed_load_leaves_the_previous_data(demo_db, tmp_path, big_file, pause, mode):
    db = tmp_path / "store.duckdb"
    shutil.copyfile(demo_db, db)
    # One committed load first, so that the history and the version log are in play.
    con = store.connect(db)
    from analytics.data import ingest

    assert ingest.load_file(
        con, "enterprises", "ИНН;Наименование;ОКВЭД;Код региона\n4027100017;А;29.32;40\n".encode(), user="before"
    ).ok
    con.close()
    before = state(db)
    if mode == "replace":  # a replace must keep referenced enterprises: start from the file plus them
        con = store.connect(db, read_only=True)
        keep = store.query(con, "SELECT inn, name_ru, okved, region_code FROM enterprises")
        con.close()
        quoted = ['"' + name.replace('"', '""') + '"' for name in keep["name_ru"]]
        extra = "\r\n".join(f"{r.inn};{q};{r.okved};{r.region_code};" for r, q in zip(keep.itertuples(), quoted))
        big_file.write_bytes(big_file.read_bytes() + ("\r\n" + extra).encode("cp1251"))
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD.format(root=str(ROOT), db=str(db), csv=str(big_file), pause=pause, mode=mode)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    seen = []
    deadline = time.monotonic() + 120
    try:
        for line in child.stdout:
            seen.append(line.strip())
            if line.strip() == pause:
                time.sleep(0.2)
                os.kill(child.pid, signal.SIGKILL)
                break
            assert time.monotonic() < deadline
    finally:
        child.kill()
        child.wait(timeout=30)
    assert pause in seen and "finished" not in " ".join(seen), (seen, child.stderr.read())
    assert child.returncode == -signal.SIGKILL
    after = state(db)  # reopening replays the write-ahead log: only committed work survives
    assert after == before
    con = store.connect(db)
    assert store.schema_version(con) == schema.SCHEMA_VERSION
    assert store.integrity_problems(con).empty
    # the store is usable afterwards: the same file loads
    report = ingest.load_file(con, "enterprises", big_file, mode=mode, user="after")
    assert report.ok and report.rows_loaded >= 60_000
    con.close()
