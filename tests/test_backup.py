"""Nightly backup and a tested restore: back up, damage the store and the accounts, restore, compare."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from analytics import store
from analytics.data import auth
from analytics.store import snapshots
from analytics.tools import backup

ROOT = Path(__file__).resolve().parents[1]
INN = "4029032450"  # the first enterprise of the demo seed


@pytest.fixture()
def served_store(demo_db, tmp_path):
    """A store as `make serve` keeps it (writer's file + published snapshot), one load on top of the
    demo, and an accounts file with one analyst."""
    db = tmp_path / "live" / "navigator.duckdb"
    db.parent.mkdir()
    shutil.copyfile(demo_db, db)
    with snapshots.writing(db) as con:
        con.execute("INSERT INTO enterprise_years (inn, year, employees) VALUES (?, 1995, 3)", [INN])
    accounts = tmp_path / "live" / "analysts.toml"
    auth.add_analyst("anna", "long enough password", accounts)
    return db, accounts


def _state(db: Path) -> tuple[str, dict[str, int], list]:
    with store.connect(snapshots.current_path(db), read_only=True) as con:
        rows = store.query(con, "SELECT inn, year, employees FROM enterprise_years ORDER BY inn, year")
        return store.data_fingerprint(con), store.table_counts(con), rows.values.tolist()


def test_backup_damage_restore_gives_back_the_same_data_and_accounts(served_store, tmp_path):
    db, accounts = served_store
    before = _state(db)
    made = backup.backup(db, tmp_path / "backups", accounts=accounts)
    assert made.fingerprint == before[0] and made.counts == before[1]
    assert sorted(p.name for p in made.folder.iterdir()) == ["MANIFEST.json", "analysts.toml", "navigator.duckdb"]

    # Damage: the writer's file overwritten with garbage, every snapshot gone, the accounts lost.
    db.write_bytes(b"not a database" * 1000)
    shutil.rmtree(snapshots.published_dir(db))
    accounts.unlink()
    with pytest.raises(duckdb.Error):
        store.connect(db, read_only=True)

    restored = backup.restore(made.folder, db, accounts=accounts)
    assert restored.fingerprint == before[0]
    assert _state(db) == before  # fingerprint, row counts and the rows themselves
    assert auth.verify_password("long enough password", auth.load_accounts(accounts)["anna"])
    with snapshots.writing(db) as con:  # the restored writer's file takes new loads
        con.execute("INSERT INTO enterprise_years (inn, year, employees) VALUES (?, 1996, 4)", [INN])
    assert _state(db)[1]["enterprise_years"] == before[1]["enterprise_years"] + 1


def test_a_changed_backup_is_refused_and_the_store_left_alone(served_store, tmp_path):
    db, accounts = served_store
    made = backup.backup(db, tmp_path / "backups", accounts=accounts)
    with snapshots.writing(db) as con:
        con.execute("INSERT INTO enterprise_years (inn, year, employees) VALUES (?, 1996, 4)", [INN])
    after = _state(db)
    with open(made.folder / "navigator.duckdb", "r+b") as f:
        f.seek(5000)
        f.write(b"\xff" * 16)
    with pytest.raises(backup.BackupDamaged):
        backup.restore(made.folder, db, accounts=accounts)
    assert _state(db) == after


def test_keep_deletes_all_but_the_newest_backups_and_the_command_line_works(served_store, tmp_path):
    db, accounts = served_store
    target = tmp_path / "backups"
    for stamp in (1_800_000_000, 1_800_000_060, 1_800_000_120):
        backup.backup(db, target, accounts=accounts, keep=2, now=stamp)
    assert sorted(p.name for p in target.iterdir()) == ["navigator-20270115-080100", "navigator-20270115-080200"]
    done = subprocess.run(
        [sys.executable, "-m", "analytics.tools.backup", "--db", str(db), "backup", "--to", str(target), "--keep", "5"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT), "NAVIGATOR_ANALYSTS": str(accounts)},
    )
    assert done.returncode == 0, done.stderr
    assert len(list(target.iterdir())) == 3
