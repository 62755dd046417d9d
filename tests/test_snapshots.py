"""Published snapshots: a reader in another process keeps reading while a writer loads; the
command-line loader works while an app-like reader holds a snapshot open; writers are serialised."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from analytics import store
from analytics.store import snapshots

ROOT = Path(__file__).resolve().parents[1]
INN = "4029032450"  # the first enterprise of the demo seed (data/seed/enterprises.csv)


@pytest.fixture()
def writer_db(demo_db, tmp_path) -> Path:
    """The writer's file of a store of our own (a copy of the session's demo store)."""
    path = tmp_path / "navigator.duckdb"
    shutil.copyfile(demo_db, path)
    return path


def _env() -> dict[str, str]:
    return dict(os.environ, PYTHONPATH=str(ROOT))


def _count(con, inn: str = INN) -> int:
    return int(store.query(con, "SELECT count(*) AS n FROM enterprise_years WHERE inn = ?", [inn])["n"][0])


def test_publish_numbers_snapshots_points_current_at_the_newest_and_cleanup_keeps_the_newest(writer_db):
    folder = snapshots.published_dir(writer_db)
    assert folder == writer_db.parent / "navigator.published"
    assert snapshots.current_path(writer_db) is None
    first = snapshots.ensure_published(writer_db)
    assert first.name == "navigator-1.duckdb"
    assert snapshots.ensure_published(writer_db) == first  # nothing changed: no new snapshot
    with snapshots.writer_lock(writer_db):
        second = snapshots.publish(writer_db)
        third = snapshots.publish(writer_db)
    assert [p.name for p in snapshots.snapshots(writer_db)] == [
        "navigator-1.duckdb",
        "navigator-2.duckdb",
        "navigator-3.duckdb",
    ]
    assert snapshots.current_path(writer_db) == third
    assert (folder / "CURRENT").read_text().strip() == "navigator-3.duckdb"
    # within the grace period nothing goes; past it, only what is beyond the newest `keep`
    assert snapshots.cleanup(writer_db, keep=1, grace_s=3600) == []
    assert snapshots.cleanup(writer_db, keep=2, grace_s=0) == [first]
    assert snapshots.cleanup(writer_db, keep=0, grace_s=0) == [second]  # never the current one
    assert snapshots.snapshots(writer_db) == [third]


def test_a_store_changed_outside_the_writer_is_published_again(writer_db):
    first = snapshots.ensure_published(writer_db)
    time.sleep(0.01)
    with store.connect(writer_db) as con:  # e.g. `make data` or a restore put a new file in place
        con.execute("DELETE FROM enterprise_years WHERE inn = ?", [INN])
    second = snapshots.ensure_published(writer_db)
    assert second != first
    with snapshots.open_snapshot(second) as con:
        assert _count(con) == 0
    with snapshots.open_snapshot(first) as con:
        assert _count(con) > 0


def test_writing_publishes_what_was_committed_and_the_open_reader_keeps_its_snapshot(writer_db):
    path, reader = snapshots.open_current(writer_db)
    before = _count(reader)
    with snapshots.writing(writer_db) as con:
        con.execute("INSERT INTO enterprise_years (inn, year, employees) VALUES (?, 1990, 1)", [INN])
    assert _count(reader) == before  # an open snapshot never changes under its reader
    newer = snapshots.current_path(writer_db)
    assert newer != path
    with snapshots.open_snapshot(newer) as con:
        assert _count(con) == before + 1
    reader.close()


def test_writers_are_serialised_across_processes(writer_db):
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time\nfrom analytics.store import snapshots\n"
            "with snapshots.writer_lock(sys.argv[1]):\n    print('held', flush=True)\n    time.sleep(3)\n",
            str(writer_db),
        ],
        cwd=ROOT,
        env=_env(),
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        started = time.monotonic()  # the holder keeps the lock 3 s from here
        with pytest.raises(TimeoutError):
            with snapshots.writer_lock(writer_db, timeout_s=0.3):
                pass
        assert time.monotonic() - started < 2
        with snapshots.writer_lock(writer_db, timeout_s=10):  # free once the other process lets go
            assert time.monotonic() - started > 2.5
    finally:
        holder.kill()
        holder.wait()


READER = """
import sys, time
from analytics import store
from analytics.store import snapshots
db, inn, seconds = sys.argv[1], sys.argv[2], float(sys.argv[3])
seen, reads, errors = set(), 0, 0
path, con = snapshots.open_current(db)
print("open", flush=True)
end = time.monotonic() + seconds
while time.monotonic() < end:
    try:
        current = snapshots.ensure_published(db)
        if current != path:
            path, con = current, snapshots.open_snapshot(current)
        n = int(store.query(con, "SELECT count(*) AS n FROM enterprise_years WHERE inn = ?", [inn])["n"][0])
        seen.add(n)
        reads += 1
    except Exception as exc:  # noqa: BLE001 - counted and shown
        errors += 1
        print("error", repr(exc), flush=True)
    time.sleep(0.01)
print("seen", sorted(seen), "reads", reads, "errors", errors, flush=True)
"""


def test_the_command_line_loader_works_while_readers_in_other_processes_read(writer_db, tmp_path):
    """An app-like reader in this process holds a snapshot open; another process reads in a loop and
    moves to each new snapshot, as a worker does on a rerun; the command-line loader appends meanwhile."""
    path, held = snapshots.open_current(writer_db)
    before = _count(held)
    reader = subprocess.Popen(
        [sys.executable, "-c", READER, str(writer_db), INN, "6"],
        cwd=ROOT,
        env=_env(),
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert reader.stdout.readline().strip() == "open"
        csv = tmp_path / "years.csv"
        csv.write_text(f"ИНН;Год;Численность\n{INN};1990;5\n{INN};1991;6\n", encoding="utf-8")
        loaded = subprocess.run(
            [
                sys.executable,
                "-m",
                "analytics.data.load_cli",
                "enterprise_years",
                str(csv),
                "--mode",
                "append",
                "--user",
                "cli-test",
                "--db",
                str(writer_db),
                "--lang",
                "en",
            ],
            cwd=ROOT,
            env=_env(),
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert loaded.returncode == 0, loaded.stderr
        assert "rows added or changed: 2" in loaded.stdout
        out, _ = reader.communicate(timeout=60)
    finally:
        reader.kill()
        reader.wait()
    last = out.strip().splitlines()[-1].split()
    assert last[last.index("errors") + 1] == "0", out
    assert f"[{before}, {before + 2}]" in out  # read the old data, then moved to the new snapshot
    assert _count(held) == before  # the held snapshot is unchanged
    with snapshots.open_snapshot(snapshots.current_path(writer_db)) as con:
        assert _count(con) == before + 2
        assert (
            store.query(con, "SELECT user_name FROM dataset_versions ORDER BY version_id DESC LIMIT 1")["user_name"][0]
            == "cli-test"
        )
    held.close()


def test_a_refused_command_line_load_says_why_and_changes_nothing(writer_db, tmp_path):
    first = snapshots.ensure_published(writer_db)
    with snapshots.open_snapshot(first) as con:
        fingerprint = store.data_fingerprint(con)
    csv = tmp_path / "bad.csv"
    csv.write_text("ИНН;Год;Численность\n0000000000;1990;5\n", encoding="utf-8")  # no such enterprise
    loaded = subprocess.run(
        [sys.executable, "-m", "analytics.data.load_cli", "enterprise_years", str(csv), "--db", str(writer_db)],
        cwd=ROOT,
        env=_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert loaded.returncode == 1
    assert "хранилище не изменено" in loaded.stderr
    assert "строка 2" in loaded.stderr
    with snapshots.open_snapshot(snapshots.current_path(writer_db)) as con:
        assert store.data_fingerprint(con) == fingerprint


def test_the_loader_says_so_when_a_process_without_snapshots_holds_the_store(writer_db, tmp_path):
    """`make run` keeps the writer's file open read-write: the loader explains instead of a traceback."""
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time, duckdb\ncon = duckdb.connect(sys.argv[1])\nprint('open', flush=True)\ntime.sleep(60)\n",
            str(writer_db),
        ],
        cwd=ROOT,
        env=_env(),
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "open"
        csv = tmp_path / "years.csv"
        csv.write_text(f"ИНН;Год;Численность\n{INN};1990;5\n", encoding="utf-8")
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "analytics.data.load_cli",
                "enterprise_years",
                str(csv),
                "--db",
                str(writer_db),
                "--lang",
                "en",
            ],
            cwd=ROOT,
            env=_env(),
            capture_output=True,
            text=True,
            timeout=120,
        )
    finally:
        holder.kill()
        holder.wait()
    assert done.returncode == 2
    assert "Another process holds the store file open for writing" in done.stderr
    assert "Traceback" not in done.stderr
