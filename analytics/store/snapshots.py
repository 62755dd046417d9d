"""Published snapshots: readers never wait for a writer and never hold the write lock.

Layout beside the writer's file ``<dir>/navigator.duckdb``::

    <dir>/navigator.duckdb.lock          exclusive flock: one writer at a time, across processes
    <dir>/navigator.published/navigator-<n>.duckdb   immutable, checkpointed copies (n grows by 1)
    <dir>/navigator.published/CURRENT    the file name of the newest snapshot (replaced atomically)

A load (a page or the command line) runs inside :func:`writing`: it takes the writer lock, opens the
writer's file read-write, runs, checkpoints, closes it and publishes a copy (written under a temporary
name, fsynced, moved into place with ``os.replace``; then ``CURRENT`` is replaced the same way). App
workers open the snapshot ``CURRENT`` names with ``read_only=True`` (:func:`open_current`) and move to a
newer one when ``CURRENT`` changes (one small file read per rerun). DuckDB's own lock on a read-only file
is shared, so any number of worker processes read one snapshot while a writer works on its own file.

Old snapshots: :func:`cleanup` (run after each publish) keeps the newest ``keep`` and deletes older ones
past a grace period. Deleting never disturbs a reader: on POSIX a removed file stays readable through
the connections that have it open, and its space is freed when the last of them closes. The grace period
covers the moment between reading ``CURRENT`` and opening the file it names.
"""

from __future__ import annotations

import fcntl
import os
import re
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from analytics.store.connection import connect
from analytics.store.demo import ensure_demo

CURRENT = "CURRENT"
#: snapshots always kept, whatever their age
KEEP = 3
#: seconds an older snapshot stays after a newer one is published (covers a reader between CURRENT and open)
GRACE_S = 120.0


def published_dir(db: str | os.PathLike[str]) -> Path:
    """The folder of published snapshots of the writer's file ``db`` (``navigator.published`` beside it)."""
    db = Path(db)
    return db.with_name(db.stem + ".published")


def lock_path(db: str | os.PathLike[str]) -> Path:
    """The lock file that serialises writers of ``db``."""
    return Path(str(db) + ".lock")


@contextmanager
def writer_lock(db: str | os.PathLike[str], timeout_s: float | None = None) -> Iterator[None]:
    """Hold the exclusive writer lock of ``db`` for the block (``flock``: works across processes and,
    since every call opens the lock file anew, between threads of one process).

    ``timeout_s``: give up with :class:`TimeoutError` after that many seconds (``None`` waits).
    """
    path = lock_path(db)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        if timeout_s is None:
            fcntl.flock(fd, fcntl.LOCK_EX)
        else:
            deadline = time.monotonic() + timeout_s
            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() > deadline:
                        raise TimeoutError(f"another writer holds {path}") from None
                    time.sleep(0.05)
        try:
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


_NUMBERED = re.compile(r"-(\d+)\.duckdb$")


def snapshots(db: str | os.PathLike[str]) -> list[Path]:
    """Published snapshot files of ``db``, oldest first."""
    folder = published_dir(db)
    if not folder.is_dir():
        return []
    found = [(int(m.group(1)), p) for p in folder.iterdir() if (m := _NUMBERED.search(p.name))]
    return [p for _, p in sorted(found)]


def current_path(db: str | os.PathLike[str]) -> Path | None:
    """The snapshot ``CURRENT`` names, or ``None`` before the first publish (or if it is gone)."""
    folder = published_dir(db)
    try:
        name = (folder / CURRENT).read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return None
    path = folder / name
    return path if name and path.exists() else None


def _write_atomically(path: Path, data: bytes) -> None:
    tmp = path.with_name(path.name + f".{os.getpid()}.tmp")
    with open(tmp, "wb") as out:
        out.write(data)
        out.flush()
        os.fsync(out.fileno())
    os.replace(tmp, path)


def publish(db: str | os.PathLike[str]) -> Path:
    """Publish a copy of the writer's file as the newest snapshot and point ``CURRENT`` at it.

    Call it holding :func:`writer_lock`, with no read-write connection to ``db`` open (everything
    checkpointed, so the file alone is the whole store). Returns the new snapshot's path.
    """
    db = Path(db)
    if Path(str(db) + ".wal").exists():
        # A write-ahead log left by a crashed writer: replay it into the file before copying.
        connect(db).close()
    folder = published_dir(db)
    folder.mkdir(parents=True, exist_ok=True)
    existing = snapshots(db)
    number = int(_NUMBERED.search(existing[-1].name).group(1)) + 1 if existing else 1
    target = folder / f"{db.stem}-{number}.duckdb"
    tmp = target.with_name(target.name + ".tmp")
    try:
        shutil.copyfile(db, tmp)
        with open(tmp, "rb+") as copied:
            os.fsync(copied.fileno())
        os.replace(tmp, target)
    except OSError:
        tmp.unlink(missing_ok=True)  # a full disk: no half copy left behind; CURRENT still names a whole one
        raise
    _write_atomically(folder / CURRENT, (target.name + "\n").encode("utf-8"))
    dir_fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)
    cleanup(db)
    return target


def cleanup(db: str | os.PathLike[str], *, keep: int = KEEP, grace_s: float = GRACE_S) -> list[Path]:
    """Delete snapshots older than the newest ``keep`` whose successor was published more than
    ``grace_s`` seconds ago, and stale temporary files; returns the deleted paths.

    Never deletes the one ``CURRENT`` names. A reader that still has a deleted snapshot open goes on
    reading it (POSIX keeps the file until its last connection closes).
    """
    current = current_path(db)
    files = snapshots(db)
    now = time.time()
    deleted: list[Path] = []
    for older, newer in zip(files[:-keep] if keep else files, files[1:]):
        if older == current:
            continue
        try:
            if now - newer.stat().st_mtime < grace_s:
                continue
            older.unlink()
            deleted.append(older)
        except FileNotFoundError:
            continue
    folder = published_dir(db)
    if folder.is_dir():
        for tmp in folder.glob("*.tmp"):
            try:
                if now - tmp.stat().st_mtime > grace_s:
                    tmp.unlink()
                    deleted.append(tmp)
            except FileNotFoundError:
                continue
    return deleted


def _stale(db: Path, snapshot: Path) -> bool:
    """True when the writer's file changed after ``snapshot`` was published (rebuilt by ``make data``,
    restored from a backup, written by a process that does not publish)."""
    try:
        return db.stat().st_mtime_ns > snapshot.stat().st_mtime_ns
    except FileNotFoundError:
        return False


def ensure_published(db: str | os.PathLike[str]) -> Path:
    """The current snapshot of ``db``, publishing first when there is none yet (the demo store is
    built when ``db`` is missing) or when ``db`` changed outside :func:`writing`.

    Never waits for a writer while a snapshot exists: if the lock is busy, the writer will publish.
    """
    db = Path(db)
    found = current_path(db)
    if found is not None and not _stale(db, found):
        return found
    try:
        with writer_lock(db, timeout_s=None if found is None else 0.0):
            found = current_path(db)  # another process may have published while this one waited
            if found is not None and not _stale(db, found):
                return found
            ensure_demo(db)
            return publish(db)
    except TimeoutError:
        return found
    except OSError:
        if found is None:
            raise
        return found  # could not publish (e.g. a full disk): readers keep the last whole snapshot


def open_snapshot(path: str | os.PathLike[str]) -> duckdb.DuckDBPyConnection:
    """Open one published snapshot read-only (:class:`FileNotFoundError` when it is gone)."""
    if not Path(path).exists():
        raise FileNotFoundError(path)
    try:
        return connect(path, read_only=True)
    except duckdb.IOException as exc:
        if not Path(path).exists():
            raise FileNotFoundError(path) from exc
        raise


def open_current(db: str | os.PathLike[str]) -> tuple[Path, duckdb.DuckDBPyConnection]:
    """Open the current snapshot of ``db`` read-only; returns its path and the connection."""
    for _attempt in range(3):
        path = ensure_published(db)
        try:
            return path, open_snapshot(path)
        except FileNotFoundError:
            continue  # deleted between reading CURRENT and opening (a reader slower than the grace period)
    raise FileNotFoundError(f"no published snapshot of {db}")


@contextmanager
def writing(db: str | os.PathLike[str], *, timeout_s: float | None = None) -> Iterator[duckdb.DuckDBPyConnection]:
    """``with writing(db) as con:`` — a read-write connection to the writer's file under the writer
    lock; when the block ends the store is checkpointed, closed and published, whether the block wrote,
    refused or raised (a refused load leaves the data as it was, so the new snapshot equals the old).
    """
    with writer_lock(db, timeout_s):
        con = connect(db)
        try:
            yield con
        finally:
            try:
                con.execute("CHECKPOINT")
            except duckdb.Error:
                pass  # an invalidated connection (full disk): the file keeps its last committed state
            con.close()
            publish(db)
