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
compared in constant time. Failed logins are throttled per name and per client (:class:`Throttle`,
one per server process in :data:`THROTTLE`, outside any Streamlit cache a client could clear): after
5 failures of a name within 15 minutes the name is locked for 5 minutes, and after 20 failures from
one client (address) within 15 minutes that client waits 5 minutes. There is no global lock: a crowd
of failures never locks out everyone else.
"""
from __future__ import annotations

import argparse
import getpass
import hashlib
import hmac
import os
import re
import secrets
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
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P, dklen=32,
                            maxmem=_SCRYPT_MAXMEM)
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${salt.hex()}${digest.hex()}"


def verify_password(password: str, stored: str) -> bool:
    """True when ``password`` matches the stored ``scrypt$…`` value (constant-time comparison)."""
    try:
        scheme, n, r, p, salt_hex, hash_hex = stored.split("$")
        if scheme != "scrypt" or not 2 <= int(n) <= SCRYPT_MAX_N or int(r) > 16 or int(p) > 4:
            return False
        digest = hashlib.scrypt(password.encode("utf-8"), salt=bytes.fromhex(salt_hex), n=int(n), r=int(r),
                                p=int(p), dklen=len(hash_hex) // 2, maxmem=_SCRYPT_MAXMEM * 4)
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
    lines = ["# Analysts allowed to load data (python -m analytics.data.auth add NAME). Salted scrypt hashes only.",
             "[analysts]"]
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
            until = max(self._locked_until.get(name_key, 0.0),
                        self._locked_until.get(client_key, 0.0) if client_key else 0.0)
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


#: The server process's throttle: a module object, so Streamlit's cache clearing cannot reset it.
THROTTLE = Throttle()


@dataclass(frozen=True)
class LoginResult:
    ok: bool
    name: str | None = None
    wait_s: float = 0.0      #: > 0: throttled, try again later


def login(name: str, password: str, throttle: Throttle, *, accounts: dict[str, str] | None = None,
          client: str | None = None, now: float | None = None) -> LoginResult:
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
