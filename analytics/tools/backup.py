"""Nightly backup of the store and the analysts' accounts, and its restore.

    python -m analytics.tools.backup backup --to /var/backups/navigator [--keep 14]
    python -m analytics.tools.backup restore /var/backups/navigator/navigator-20261207-021500

What is copied: the store's current **published snapshot** (:mod:`analytics.store.snapshots`) — an
immutable, checkpointed DuckDB file, so the copy is consistent without stopping the app or taking
the write lock — and the accounts file (``NAVIGATOR_ANALYSTS`` or ``.streamlit/analysts.toml``).
A backup is a folder ``navigator-<UTC time>/`` with ``navigator.duckdb``, ``analysts.toml`` and
``MANIFEST.json`` (SHA-256 of each file, the data fingerprint and row counts). The copy is opened
read-only and checked against the manifest before the backup counts as made.

Restore checks the SHA-256 of the backup's files, then, under the writer lock, puts the store in
place of the writer's file (atomically, dropping a stale write-ahead log) and publishes it, so running
workers move to the restored data on their next rerun; the accounts file is replaced atomically too.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from analytics import store
from analytics.data import auth
from analytics.store import snapshots

MANIFEST = "MANIFEST.json"
STORE_FILE = "navigator.duckdb"
ACCOUNTS_FILE = "analysts.toml"


@dataclass(frozen=True)
class BackupInfo:
    """A made or restored backup: its folder, the data fingerprint and row counts per table."""

    folder: Path
    fingerprint: str
    counts: dict[str, int]


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _describe(path: Path) -> tuple[str, dict[str, int]]:
    with store.connect(path, read_only=True) as con:
        return store.data_fingerprint(con), store.table_counts(con)


def backup(
    db: str | os.PathLike[str],
    to: str | os.PathLike[str],
    *,
    accounts: Path | None = None,
    keep: int | None = None,
    now: float | None = None,
) -> BackupInfo:
    """Back up the store ``db`` (its current published snapshot) and the accounts file into a new
    folder under ``to``; with ``keep``, delete all but the newest ``keep`` backups there."""
    db, to = Path(db), Path(to)
    accounts = accounts or auth.accounts_file()
    stamp = time.strftime("%Y%m%d-%H%M%S", time.gmtime(now))
    folder = to / f"navigator-{stamp}"
    partial = to / f".navigator-{stamp}.partial"
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    source = snapshots.ensure_published(db)
    shutil.copyfile(source, partial / STORE_FILE)
    fingerprint, counts = _describe(partial / STORE_FILE)
    files = {STORE_FILE: _sha256(partial / STORE_FILE)}
    if accounts.exists():
        shutil.copyfile(accounts, partial / ACCOUNTS_FILE)
        os.chmod(partial / ACCOUNTS_FILE, 0o600)
        files[ACCOUNTS_FILE] = _sha256(partial / ACCOUNTS_FILE)
    manifest = {
        "made_at_utc": stamp,
        "source": str(source),
        "fingerprint": fingerprint,
        "counts": counts,
        "sha256": files,
    }
    (partial / MANIFEST).write_text(json.dumps(manifest, indent=2, ensure_ascii=False), encoding="utf-8")
    os.replace(partial, folder)
    if keep is not None:
        for old in sorted(p for p in to.glob("navigator-*") if p.is_dir())[: -max(1, keep)]:
            shutil.rmtree(old, ignore_errors=True)
    return BackupInfo(folder, fingerprint, counts)


class BackupDamaged(ValueError):
    """A backup whose files do not match its manifest (nothing is restored from it)."""


def verify(folder: str | os.PathLike[str]) -> dict:
    """The manifest of a backup after checking every file's SHA-256 (:class:`BackupDamaged` if not)."""
    folder = Path(folder)
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise BackupDamaged(f"{folder}: no readable {MANIFEST}") from exc
    for name, expected in manifest["sha256"].items():
        if not (folder / name).exists() or _sha256(folder / name) != expected:
            raise BackupDamaged(f"{folder / name}: missing or changed since the backup was made")
    return manifest


def restore(folder: str | os.PathLike[str], db: str | os.PathLike[str], *, accounts: Path | None = None) -> BackupInfo:
    """Restore the backup in ``folder`` as the store ``db`` (published for running workers) and as the
    accounts file; returns the restored fingerprint and counts, checked against the manifest."""
    folder, db = Path(folder), Path(db)
    manifest = verify(folder)
    accounts = accounts or auth.accounts_file()
    with snapshots.writer_lock(db):
        tmp = db.with_name(db.name + ".restoring")
        shutil.copyfile(folder / STORE_FILE, tmp)
        store.install_built(tmp, db)
        os.utime(db)  # newer than every published snapshot
        snapshots.publish(db)
    if ACCOUNTS_FILE in manifest["sha256"]:
        accounts.parent.mkdir(parents=True, exist_ok=True)
        tmp = accounts.with_name(accounts.name + ".restoring")
        shutil.copyfile(folder / ACCOUNTS_FILE, tmp)
        os.chmod(tmp, 0o600)
        os.replace(tmp, accounts)
    fingerprint, counts = _describe(snapshots.current_path(db))
    if fingerprint != manifest["fingerprint"] or counts != manifest["counts"]:
        raise BackupDamaged(f"restored store differs from {folder / MANIFEST}")
    return BackupInfo(folder, fingerprint, counts)


def main(argv: list[str] | None = None) -> int:
    """``backup --to DIR [--keep N]`` or ``restore FOLDER``; returns the exit status."""
    parser = argparse.ArgumentParser(description="Back up or restore the Cluster Navigator store and accounts.")
    parser.add_argument("--db", type=Path, default=Path(os.environ.get("NAVIGATOR_DB") or store.DEFAULT_DB))
    commands = parser.add_subparsers(dest="command", required=True)
    make = commands.add_parser("backup", help="copy the current snapshot and the accounts into a new folder")
    make.add_argument("--to", type=Path, required=True)
    make.add_argument("--keep", type=int, default=14, help="backups kept in --to (older ones are deleted)")
    back = commands.add_parser("restore", help="put a backup back in place (running workers move to it)")
    back.add_argument("folder", type=Path)
    args = parser.parse_args(argv)
    try:
        if args.command == "backup":
            info = backup(args.db, args.to, keep=args.keep)
            print(
                f"backup {info.folder}: data version {info.fingerprint}, "
                f"{sum(info.counts.values()):,} rows in {len(info.counts)} tables"
            )
        else:
            info = restore(args.folder, args.db)
            print(f"restored {info.folder} into {args.db}: data version {info.fingerprint}")
    except BackupDamaged as exc:
        print(f"refused: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
