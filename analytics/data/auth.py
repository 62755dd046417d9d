"""Analyst accounts for loading data: salted scrypt hashes in a config file outside git, throttled logins.

Viewing pages needs no login; loading files, saving column mappings, loading boundaries and rolling
back versions do. Accounts live in ``.streamlit/analysts.toml`` (git-ignored; ``NAVIGATOR_ANALYSTS``
points elsewhere), one line per analyst, never a password::

    [analysts]
    anna = "scrypt$131072$8$1$<salt, hex>$<hash, hex>"

Add, change or remove an analyst from a shell on the server::

    .venv/bin/python -m analytics.data.auth add anna        # asks for the password twice
    .venv/bin/python -m analytics.data.auth remove anna
    .venv/bin/python -m analytics.data.auth list

Hashing: ``hashlib.scrypt`` (RFC 7914; n = 2¹⁷, r = 8, p = 1, 16-byte random salt, 32-byte key),
compared in constant time. Failed logins are throttled per name and per client (:class:`Throttle`'s
rules; :data:`THROTTLE` keeps them in a SQLite file beside the accounts file, shared by every worker
process and outside any Streamlit cache a client could clear): after
5 failures of a name within 15 minutes the name is locked for 5 minutes, and after 20 failures from
one client (address) within 15 minutes that client waits 5 minutes. There is no global lock: a crowd
of failures never locks out everyone else.
"""

from __future__ import annotations

import argparse
import getpass
import hashlib
import hmac
import logging
import os
import re
import secrets
import sqlite3
import sys
import threading
import time
import tomllib
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_FILE = ROOT / ".streamlit" / "analysts.toml"
ENV = "NAVIGATOR_ANALYSTS"
NAME_PATTERN = r"[a-z][a-z0-9_.-]{1,31}"
MIN_PASSWORD = 10
#: scrypt cost: n = 2¹⁷, r = 8, p = 1 — OWASP Password Storage Cheat Sheet (2023+) minimum for scrypt.
#: Stored hashes carry their own n, so accounts made with the earlier 2¹⁴ still verify.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**17, 8, 1
#: Largest n accepted from the accounts file (a malformed file must not exhaust memory).
SCRYPT_MAX_N = 2**20
_SCRYPT_MAXMEM = 256 * 1024 * 1024  # 128·r·n bytes = 128 MiB at n = 2¹⁷; hashlib's default is 32 MiB


def accounts_file() -> Path:
    """The analysts file: ``$NAVIGATOR_ANALYSTS`` or ``.streamlit/analysts.toml``."""
    return Path(os.environ.get(ENV, str(DEFAULT_FILE)))


def hash_password(password: str, *, salt: bytes | None = None) -> str:
    """``scrypt$n$r$p$salt$hash`` for ``password`` with a fresh random salt."""
    salt = salt if salt is not None else secrets.token_bytes(16)
    digest = hashlib.scrypt(
        password.encode("utf-8"), salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P, dklen=32, maxmem=_SCRYPT_MAXMEM
    )
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${salt.hex()}${digest.hex()}"


def verify_password(password: str, stored: str) -> bool:
    """True when ``password`` matches the stored ``scrypt$…`` value (constant-time comparison)."""
    try:
        scheme, n, r, p, salt_hex, hash_hex = stored.split("$")
        if scheme != "scrypt" or not 2 <= int(n) <= SCRYPT_MAX_N or int(r) > 16 or int(p) > 4:
            return False
        digest = hashlib.scrypt(
            password.encode("utf-8"),
            salt=bytes.fromhex(salt_hex),
            n=int(n),
            r=int(r),
            p=int(p),
            dklen=len(hash_hex) // 2,
            maxmem=_SCRYPT_MAXMEM * 4,
        )
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(digest.hex(), hash_hex)


def load_accounts(path: Path | None = None) -> dict[str, str]:
    """Analyst name → stored hash (empty when the file does not exist)."""
    path = path or accounts_file()
    if not path.exists():
        return {}
    with path.open("rb") as f:
        data = tomllib.load(f)
    analysts = data.get("analysts", {})
    return {str(k): str(v) for k, v in analysts.items() if isinstance(v, str)}


def _write_accounts(accounts: dict[str, str], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = [
        "# Analysts allowed to load data (python -m analytics.data.auth add NAME). Salted scrypt hashes only.",
        "[analysts]",
    ]
    lines += [f'{name} = "{value}"' for name, value in sorted(accounts.items())]
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text("\n".join(lines) + "\n", encoding="utf-8")
    os.chmod(tmp, 0o600)
    os.replace(tmp, path)


def add_analyst(name: str, password: str, path: Path | None = None) -> None:
    """Create or change an analyst account (name: lower-case latin letters, digits, ``_.-``)."""
    if not re.fullmatch(NAME_PATTERN, name):
        raise ValueError(f"analyst name must match {NAME_PATTERN}")
    if len(password) < MIN_PASSWORD:
        raise ValueError(f"password must have at least {MIN_PASSWORD} characters")
    path = path or accounts_file()
    accounts = load_accounts(path)
    accounts[name] = hash_password(password)
    _write_accounts(accounts, path)


def remove_analyst(name: str, path: Path | None = None) -> bool:
    """Remove an account; True when it existed."""
    path = path or accounts_file()
    accounts = load_accounts(path)
    if name not in accounts:
        return False
    del accounts[name]
    _write_accounts(accounts, path)
    return True


_DUMMY = hash_password("not a password", salt=b"\x00" * 16)


@dataclass
class Throttle:
    """Failed-login throttle per name and per client (an address); thread-safe, memory bounded.

    ``max_failures`` failures of one name, or ``max_client_failures`` from one client, within
    ``window_s`` lock that name or that client for ``lock_s`` seconds. Entries older than the window
    are forgotten once more than ``max_keys`` names or clients are tracked.
    """

    max_failures: int = 5
    max_client_failures: int = 20
    window_s: float = 15 * 60
    lock_s: float = 5 * 60
    max_keys: int = 100_000
    _names: dict[str, deque] = field(default_factory=dict)
    _clients: dict[str, deque] = field(default_factory=dict)
    _locked_until: dict[tuple[str, str], float] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @staticmethod
    def _keys(name: str, client: str | None) -> tuple[tuple[str, str], tuple[str, str] | None]:
        return ("name", (name or "").strip().lower()[:200]), (("client", client[:200]) if client else None)

    def wait_seconds(self, name: str, client: str | None = None, now: float | None = None) -> float:
        """Seconds before ``name`` from ``client`` may try again (0 when allowed)."""
        now = time.monotonic() if now is None else now
        name_key, client_key = self._keys(name, client)
        with self._lock:
            until = max(
                self._locked_until.get(name_key, 0.0), self._locked_until.get(client_key, 0.0) if client_key else 0.0
            )
        return max(0.0, until - now)

    def failures(self, name: str, client: str | None = None) -> int:
        """Failures in the window counted for ``name`` (and for ``client``, when given): the larger."""
        name_key, client_key = self._keys(name, client)
        with self._lock:
            counts = [len(self._names.get(name_key[1], ()))]
            if client_key:
                counts.append(len(self._clients.get(client_key[1], ())))
        return max(counts)

    def failure(self, name: str, client: str | None = None, now: float | None = None) -> None:
        """Count a failed login of ``name`` from ``client``; lock either when it reaches its limit."""
        now = time.monotonic() if now is None else now
        name_key, client_key = self._keys(name, client)
        buckets = [(self._names, name_key, self.max_failures)]
        if client_key:
            buckets.append((self._clients, client_key, self.max_client_failures))
        with self._lock:
            for table, key, limit in buckets:
                bucket = table.setdefault(key[1], deque())
                bucket.append(now)
                while bucket and bucket[0] < now - self.window_s:
                    bucket.popleft()
                if len(bucket) >= limit:
                    self._locked_until[key] = now + self.lock_s
                    bucket.clear()
            self._prune(now)

    def success(self, name: str, client: str | None = None) -> None:
        name_key, _ = self._keys(name, client)
        with self._lock:
            self._names.pop(name_key[1], None)

    def size(self) -> int:
        """Names and clients tracked (bounded by about ``2 × max_keys``)."""
        with self._lock:
            return len(self._names) + len(self._clients)

    def _prune(self, now: float) -> None:
        """Forget windows and locks that ended; if still too many, the oldest entries (lock held)."""
        for table in (self._names, self._clients):
            if len(table) <= self.max_keys:
                continue
            for key in [k for k, bucket in table.items() if not bucket or bucket[-1] < now - self.window_s]:
                del table[key]
            while len(table) > self.max_keys:
                del table[next(iter(table))]
        if len(self._locked_until) > self.max_keys:
            for key in [k for k, until in self._locked_until.items() if until <= now]:
                del self._locked_until[key]


_LOG = logging.getLogger("navigator.auth")
THROTTLE_ENV = "NAVIGATOR_THROTTLE"


def throttle_file() -> Path:
    """The shared throttle's file: ``$NAVIGATOR_THROTTLE`` or ``analysts.throttle.sqlite`` beside the
    accounts file (every worker of ``make serve`` reads the same accounts file, so the same throttle)."""
    configured = os.environ.get(THROTTLE_ENV, "").strip()
    return Path(configured) if configured else accounts_file().with_name("analysts.throttle.sqlite")


_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS failures (kind TEXT NOT NULL, key TEXT NOT NULL, at REAL NOT NULL)",
    "CREATE INDEX IF NOT EXISTS failures_key ON failures (kind, key, at)",
    "CREATE INDEX IF NOT EXISTS failures_at ON failures (at)",
    "CREATE TABLE IF NOT EXISTS locks (kind TEXT NOT NULL, key TEXT NOT NULL, until REAL NOT NULL,"
    " PRIMARY KEY (kind, key))",
)


@dataclass
class SharedThrottle:
    """:class:`Throttle`'s rules (per name and per client, no global lock) kept in a small SQLite file,
    so that every server process counts the same failures: ``make serve`` runs several workers behind
    nginx, and a throttle per process would give an attacker one set of tries per worker.

    Each call is one short transaction (``BEGIN IMMEDIATE``: SQLite's file lock serialises the
    processes); times are wall-clock seconds (``time.time()``), comparable across processes. Failures
    older than the window and ended locks are deleted on every failure, and at most ``max_rows``
    failures are kept, so random names cannot fill the disk. When the file cannot be used (a read-only
    or full disk), the process falls back to its own in-memory :class:`Throttle` and says so in the log.
    ``path`` ``None``: :func:`throttle_file` at each call.
    """

    max_failures: int = 5
    max_client_failures: int = 20
    window_s: float = 15 * 60
    lock_s: float = 5 * 60
    max_rows: int = 200_000
    path: Path | None = None
    _fallback: Throttle | None = None

    def _memory(self) -> Throttle:
        if self._fallback is None:
            self._fallback = Throttle(self.max_failures, self.max_client_failures, self.window_s, self.lock_s)
        return self._fallback

    def _run(self, work, fallback):
        """``work(db)`` in one immediate transaction on the file; on a file error, ``fallback(memory)``."""
        path = self.path or throttle_file()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            new = not path.exists()
            db = sqlite3.connect(path, timeout=30, isolation_level=None)
            if new:
                os.chmod(path, 0o600)  # names tried and client addresses: for the server's account only
        except (OSError, sqlite3.Error) as exc:
            _LOG.warning("login throttle file %s unusable (%s): this process counts on its own", path, exc)
            return fallback(self._memory())
        try:
            db.execute("PRAGMA busy_timeout = 30000")
            db.execute("BEGIN IMMEDIATE")
            for statement in _SCHEMA:
                db.execute(statement)
            result = work(db)
            db.execute("COMMIT")
            return result
        except sqlite3.Error as exc:
            _LOG.warning("login throttle file %s unusable (%s): this process counts on its own", path, exc)
            return fallback(self._memory())
        finally:
            db.close()

    def wait_seconds(self, name: str, client: str | None = None, now: float | None = None) -> float:
        """Seconds before ``name`` from ``client`` may try again (0 when allowed)."""
        now = time.time() if now is None else now
        keys = [k for k in Throttle._keys(name, client) if k]

        def read(db) -> float:
            until = max(
                (db.execute("SELECT until FROM locks WHERE kind = ? AND key = ?", key).fetchone() or (0.0,))[0]
                for key in keys
            )
            return max(0.0, until - now)

        return self._run(read, lambda memory: memory.wait_seconds(name, client, now))

    def failures(self, name: str, client: str | None = None) -> int:
        """Failures in the window counted for ``name`` (and for ``client``, when given): the larger."""
        keys = [k for k in Throttle._keys(name, client) if k]
        since = time.time() - self.window_s

        def count(db) -> int:
            return max(
                db.execute(
                    "SELECT count(*) FROM failures WHERE kind = ? AND key = ? AND at >= ?", (*key, since)
                ).fetchone()[0]
                for key in keys
            )

        return self._run(count, lambda memory: memory.failures(name, client))

    def failure(self, name: str, client: str | None = None, now: float | None = None) -> None:
        """Count a failed login of ``name`` from ``client``; lock either when it reaches its limit."""
        now = time.time() if now is None else now
        name_key, client_key = Throttle._keys(name, client)
        buckets = [(name_key, self.max_failures)] + ([(client_key, self.max_client_failures)] if client_key else [])

        def record(db) -> None:
            for key, limit in buckets:
                db.execute("INSERT INTO failures (kind, key, at) VALUES (?, ?, ?)", (*key, now))
                held = db.execute(
                    "SELECT count(*) FROM failures WHERE kind = ? AND key = ? AND at >= ?", (*key, now - self.window_s)
                ).fetchone()[0]
                if held >= limit:
                    db.execute(
                        "INSERT INTO locks (kind, key, until) VALUES (?, ?, ?) ON CONFLICT (kind, key)"
                        " DO UPDATE SET until = excluded.until",
                        (*key, now + self.lock_s),
                    )
                    db.execute("DELETE FROM failures WHERE kind = ? AND key = ?", key)
            db.execute("DELETE FROM failures WHERE at < ?", (now - self.window_s,))
            db.execute("DELETE FROM locks WHERE until <= ?", (now,))
            db.execute(
                "DELETE FROM failures WHERE rowid IN (SELECT rowid FROM failures ORDER BY at DESC LIMIT -1 OFFSET ?)",
                (self.max_rows,),
            )

        self._run(record, lambda memory: memory.failure(name, client, now))

    def success(self, name: str, client: str | None = None) -> None:
        name_key, _ = Throttle._keys(name, client)
        self._run(
            lambda db: db.execute("DELETE FROM failures WHERE kind = ? AND key = ?", name_key),
            lambda memory: memory.success(name, client),
        )

    def size(self) -> int:
        """Failures held (at most ``max_rows``)."""
        return self._run(
            lambda db: db.execute("SELECT count(*) FROM failures").fetchone()[0], lambda memory: memory.size()
        )


#: The server's throttle: a module object, so Streamlit's cache clearing cannot reset it, kept in a file
#: shared by every worker process (:class:`SharedThrottle`).
THROTTLE = SharedThrottle()


@dataclass(frozen=True)
class LoginResult:
    ok: bool
    name: str | None = None
    wait_s: float = 0.0  #: > 0: throttled, try again later


def login(
    name: str,
    password: str,
    throttle: Throttle | SharedThrottle,
    *,
    accounts: dict[str, str] | None = None,
    client: str | None = None,
    now: float | None = None,
) -> LoginResult:
    """Check an analyst's name and password, honouring and feeding the throttle.

    ``client``: who is trying (the address the page sees); failures count per name and per client.
    An unknown name costs the same hashing time as a wrong password (no name probing by timing).
    """
    name = (name or "").strip().lower()
    wait = throttle.wait_seconds(name, client, now)
    if wait > 0:
        return LoginResult(False, None, wait)
    accounts = load_accounts() if accounts is None else accounts
    stored = accounts.get(name)
    ok = verify_password(password or "", stored if stored else _DUMMY) and stored is not None
    if ok:
        throttle.success(name, client)
        return LoginResult(True, name)
    throttle.failure(name, client, now)
    return LoginResult(False, None, throttle.wait_seconds(name, client, now))


def main(argv: list[str] | None = None) -> int:
    """``python -m analytics.data.auth add|remove|list [NAME]``."""
    parser = argparse.ArgumentParser(description="Manage analyst accounts of the Data page.")
    parser.add_argument("command", choices=("add", "remove", "list"))
    parser.add_argument("name", nargs="?")
    parser.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    parser.add_argument("--file", type=Path, default=None, help=f"accounts file (default {accounts_file()})")
    args = parser.parse_args(argv)
    path = args.file or accounts_file()
    if args.command == "list":
        for name in sorted(load_accounts(path)):
            print(name)
        return 0
    if not args.name:
        parser.error("NAME is required")
    if args.command == "remove":
        print("removed" if remove_analyst(args.name, path) else "no such analyst")
        return 0
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = getpass.getpass(f"Password for {args.name}: ")
        if password != getpass.getpass("Repeat: "):
            print("passwords differ", file=sys.stderr)
            return 1
    try:
        add_analyst(args.name, password, path)
    except ValueError as exc:
        print(exc, file=sys.stderr)
        return 1
    print(f"analyst {args.name} saved in {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
