"""Analyst accounts: salted hashes only, constant-time checks, throttled failures, the CLI."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from analytics.data import auth

ROOT = Path(__file__).resolve().parent.parent


def test_hashes_are_salted_and_verify(tmp_path):
    first, second = auth.hash_password("correct horse"), auth.hash_password("correct horse")
    assert first != second  # a fresh salt each time
    assert auth.verify_password("correct horse", first) and auth.verify_password("correct horse", second)
    assert not auth.verify_password("correct hors", first)
    assert not auth.verify_password("x", "garbage") and not auth.verify_password("x", "md5$1$2$3$ab$cd")


def test_the_accounts_file_holds_no_password(tmp_path):
    path = tmp_path / "analysts.toml"
    auth.add_analyst("anna", "секретный-пароль-1", path)
    text = path.read_text(encoding="utf-8")
    assert "секретный" not in text and 'anna = "scrypt$' in text
    assert (path.stat().st_mode & 0o777) == 0o600
    assert set(auth.load_accounts(path)) == {"anna"}
    with pytest.raises(ValueError):
        auth.add_analyst("anna", "short", path)
    with pytest.raises(ValueError):
        auth.add_analyst("Анна", "long enough password", path)
    assert auth.remove_analyst("anna", path) and not auth.remove_analyst("anna", path)


def test_login_and_throttling(tmp_path):
    accounts = {"anna": auth.hash_password("long enough password")}
    throttle = auth.Throttle(max_failures=3, window_s=60, lock_s=30)
    assert auth.login("Anna ", "long enough password", throttle, accounts=accounts, now=0).ok
    for i in range(2):
        result = auth.login("anna", "wrong", throttle, accounts=accounts, now=1 + i)
        assert not result.ok and result.wait_s == 0
    locked = auth.login("anna", "wrong", throttle, accounts=accounts, now=3)
    assert not locked.ok and locked.wait_s == pytest.approx(30)
    # even the right password waits until the lock ends
    assert auth.login("anna", "long enough password", throttle, accounts=accounts, now=10).wait_s == pytest.approx(23)
    assert auth.login("anna", "long enough password", throttle, accounts=accounts, now=34).ok
    assert not auth.login("nobody", "whatever", throttle, accounts=accounts, now=40).ok


def test_failures_count_per_client_and_never_lock_out_everyone():
    accounts = {"anna": auth.hash_password("long enough password")}
    throttle = auth.Throttle(max_failures=100, max_client_failures=5, window_s=60, lock_s=10)
    for i in range(5):  # one client tries five names once each
        auth.login(f"user{i}", "x", throttle, accounts={}, client="10.0.0.9", now=float(i))
    assert throttle.wait_seconds("someone-else", "10.0.0.9", now=5) > 0  # that client waits …
    assert throttle.wait_seconds("someone-else", "10.0.0.7", now=5) == 0  # … nobody else does
    for i in range(500):  # a crowd of random names from many addresses: no global lock
        throttle.failure(f"random{i}", f"10.1.{i // 250}.{i % 250}", now=6.0)
    assert auth.login("anna", "long enough password", throttle, accounts=accounts, client="10.0.0.7", now=7).ok


def test_a_name_is_locked_whichever_clients_try_it():
    throttle = auth.Throttle(max_failures=3, max_client_failures=100, window_s=60, lock_s=30)
    for i in range(3):
        auth.login("anna", "wrong", throttle, accounts={}, client=f"10.0.0.{i}", now=float(i))
    assert throttle.wait_seconds("anna", "10.0.0.99", now=3) == pytest.approx(29)  # locked at 2 for 30 s


def test_the_throttle_survives_streamlit_cache_clearing():
    import streamlit as st

    from ui.core import state

    throttle = state.login_throttle()
    throttle.failure("mallory", "10.9.9.9")
    st.cache_resource.clear()  # what any client can ask for with Streamlit's clear_cache message
    st.cache_data.clear()
    assert state.login_throttle() is throttle is auth.THROTTLE
    assert throttle.failures("mallory", "10.9.9.9") >= 1


def test_the_throttle_forgets_old_entries_so_random_names_cannot_fill_memory():
    throttle = auth.Throttle(window_s=60, lock_s=10, max_keys=1000)
    for i in range(5000):
        throttle.failure(f"n{i}", f"c{i}", now=float(i) / 10)
    assert throttle.size() <= 2 * 1000 + 2


def test_command_line_adds_and_lists(tmp_path):
    path = tmp_path / "analysts.toml"
    run = [sys.executable, "-m", "analytics.data.auth"]
    added = subprocess.run(
        [*run, "add", "boris", "--password-stdin", "--file", str(path)],
        cwd=ROOT,
        input="a long password here\n",
        capture_output=True,
        text=True,
    )
    assert added.returncode == 0, added.stderr
    listed = subprocess.run([*run, "list", "--file", str(path)], cwd=ROOT, capture_output=True, text=True)
    assert listed.stdout.split() == ["boris"]
    assert auth.verify_password("a long password here", auth.load_accounts(path)["boris"])


def test_new_hashes_use_the_owasp_cost_and_older_ones_still_verify():
    import hashlib

    stored = auth.hash_password("correct horse battery")
    assert stored.split("$")[1] == str(2**17)
    assert auth.verify_password("correct horse battery", stored)
    salt = bytes(range(16))
    old_digest = hashlib.scrypt(b"correct horse battery", salt=salt, n=2**14, r=8, p=1, dklen=32)
    old = f"scrypt${2**14}$8$1${salt.hex()}${old_digest.hex()}"
    assert auth.verify_password("correct horse battery", old)
    assert not auth.verify_password("wrong horse battery", old)


def test_an_absurd_cost_in_the_accounts_file_is_refused_without_work():
    assert not auth.verify_password("x" * 12, f"scrypt${2**30}$8$1${'00' * 16}${'00' * 32}")
