"""The login throttle shared by every worker process (``make serve`` runs several behind nginx): the
same rules as the in-memory throttle, counted in one file, so N workers do not give N sets of tries."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from analytics.data import auth

ROOT = Path(__file__).resolve().parents[1]

FAIL_IN_A_PROCESS = """
import sys
from pathlib import Path
from analytics.data import auth
path, name, client, n = Path(sys.argv[1]), sys.argv[2], sys.argv[3], int(sys.argv[4])
throttle = auth.SharedThrottle(max_failures=5, max_client_failures=1000, window_s=600, lock_s=300, path=path)
for _ in range(n):
    throttle.failure(name, client)
print(throttle.wait_seconds(name, client))
"""


def _fail_in(path: Path, name: str, client: str, n: int) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", FAIL_IN_A_PROCESS, str(path), name, client, str(n)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )


def test_two_processes_count_into_one_throttle(tmp_path):
    path = tmp_path / "throttle.sqlite"
    # 3 failures in each of two processes: neither alone reaches 5, together they lock the name
    first, second = _fail_in(path, "anna", "10.0.0.1", 3), _fail_in(path, "anna", "10.0.0.2", 3)
    assert first.wait(60) == 0 and second.wait(60) == 0
    waits = [float(p.stdout.read()) for p in (first, second)]
    assert 290 < max(waits) <= 300  # the process that finished last saw the lock
    here = auth.SharedThrottle(max_failures=5, window_s=600, lock_s=300, path=path)
    assert 290 < here.wait_seconds("anna", "10.0.0.99") <= 300  # a third process (this one) sees it too
    assert here.wait_seconds("boris", "10.0.0.99") == 0  # no global lock


def test_simultaneous_failures_from_two_processes_are_all_counted(tmp_path):
    path = tmp_path / "throttle.sqlite"
    runs = [_fail_in(path, f"name{i}", "10.0.0.7", 40) for i in range(2)]
    assert [p.wait(120) for p in runs] == [0, 0]
    throttle = auth.SharedThrottle(max_client_failures=1000, window_s=600, path=path)
    assert throttle.failures("nobody", "10.0.0.7") == 80  # 2 × 40, none lost to a race


def test_the_rules_of_the_in_memory_throttle(tmp_path):
    throttle = auth.SharedThrottle(
        max_failures=3, max_client_failures=4, window_s=60, lock_s=30, path=tmp_path / "t.sqlite"
    )
    # a name: 3 failures from different clients lock it at the 3rd (t = 2) for 30 s
    for i in range(3):
        throttle.failure("anna", f"10.0.1.{i}", now=1000.0 + i)
    assert throttle.wait_seconds("anna", "10.0.9.9", now=1003.0) == pytest.approx(29)
    assert throttle.wait_seconds("anna", "10.0.9.9", now=1032.0) == 0  # the lock ended at 1032
    # a client: 4 failures of 4 names lock the client, not the names for others
    for i in range(4):
        throttle.failure(f"n{i}", "10.0.2.1", now=2000.0)
    assert throttle.wait_seconds("someone", "10.0.2.1", now=2001.0) == pytest.approx(29)
    assert throttle.wait_seconds("n0", "10.0.2.2", now=2001.0) == 0
    # the window: 2 failures, then one 61 s later — only 1 in the window, no lock
    throttle.failure("boris", None, now=3000.0)
    throttle.failure("boris", None, now=3001.0)
    throttle.failure("boris", None, now=3062.0)
    assert throttle.wait_seconds("boris", None, now=3062.0) == 0
    # a success forgets the name's failures
    throttle.failure("vera", None, now=4000.0)
    throttle.failure("vera", None, now=4000.0)
    throttle.success("vera")
    throttle.failure("vera", None, now=4001.0)
    assert throttle.wait_seconds("vera", None, now=4001.0) == 0


def test_login_uses_the_shared_throttle(tmp_path):
    accounts = {"anna": auth.hash_password("long enough password", salt=b"\x01" * 16)}
    throttle = auth.SharedThrottle(max_failures=2, window_s=60, lock_s=30, path=tmp_path / "t.sqlite")
    assert not auth.login("anna", "wrong", throttle, accounts=accounts, client="c", now=10.0).ok
    locked = auth.login("anna", "wrong", throttle, accounts=accounts, client="c", now=11.0)
    assert not locked.ok and locked.wait_s == pytest.approx(30)
    # even the right password waits while the name is locked
    assert auth.login("anna", "long enough password", throttle, accounts=accounts, client="c", now=12.0).wait_s > 0
    assert auth.login("anna", "long enough password", throttle, accounts=accounts, client="c", now=42.0).ok


def test_random_names_cannot_fill_the_disk(tmp_path):
    throttle = auth.SharedThrottle(max_client_failures=10**6, window_s=600, max_rows=100, path=tmp_path / "t.sqlite")
    for i in range(300):
        throttle.failure(f"n{i}", None, now=100.0 + i)
    assert throttle.size() == 100


def test_an_unusable_file_falls_back_to_a_throttle_of_the_process(tmp_path, caplog):
    throttle = auth.SharedThrottle(max_failures=2, window_s=60, lock_s=30, path=tmp_path)  # a directory
    throttle.failure("anna", None, now=1.0)
    throttle.failure("anna", None, now=2.0)
    assert throttle.wait_seconds("anna", None, now=3.0) == pytest.approx(29)
    assert "unusable" in caplog.text


def test_the_server_throttle_lives_beside_the_accounts_file(tmp_path, monkeypatch):
    monkeypatch.delenv(auth.THROTTLE_ENV, raising=False)
    monkeypatch.setenv(auth.ENV, str(tmp_path / "conf" / "analysts.toml"))
    assert auth.throttle_file() == tmp_path / "conf" / "analysts.throttle.sqlite"
    assert isinstance(auth.THROTTLE, auth.SharedThrottle) and auth.THROTTLE.path is None
    auth.THROTTLE.failure("mallory", "10.9.9.9")
    assert auth.throttle_file().exists() and (auth.throttle_file().stat().st_mode & 0o777) == 0o600
