"""A real Streamlit server and Debian's chromium driven by Playwright (no browser download)."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def _streamlit(db: Path, log_name: str):
    """``streamlit run app.py`` on a free port on the store ``db``, reading published snapshots as
    ``make run`` does; yields the base URL and stops the server on exit."""
    port = _free_port()
    env = dict(os.environ, NAVIGATOR_DB=str(db), NAVIGATOR_SNAPSHOTS="1")
    ARTIFACTS.mkdir(exist_ok=True)
    log = open(ARTIFACTS / log_name, "w")
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            "app.py",
            "--server.headless",
            "true",
            "--server.port",
            str(port),
            "--server.address",
            "127.0.0.1",
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    started = time.monotonic()
    try:
        while True:
            try:
                with urllib.request.urlopen(base + "/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() - started > 60:
                raise RuntimeError("streamlit did not start within 60 s")
            time.sleep(0.3)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


@pytest.fixture(scope="session")
def server(demo_db, tmp_path_factory):
    """The app for tests that only look: one server for the session, on a copy of the demo store.
    A test that loads or saves anything takes ``own_server`` instead, so the others never see it."""
    own_db = tmp_path_factory.mktemp("server") / "demo.duckdb"
    shutil.copyfile(demo_db, own_db)
    with _streamlit(own_db, "streamlit-server.log") as base:
        yield base


@pytest.fixture()
def own_server(demo_db, tmp_path, request):
    """The app for one test that writes (loads a file, saves a scenario): its own server on its own copy
    of the demo store; yields the base URL."""
    own_db = tmp_path / "demo.duckdb"
    shutil.copyfile(demo_db, own_db)
    with _streamlit(own_db, f"streamlit-{request.node.name[:60]}.log") as base:
        yield base


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), (
        "Debian's chromium is required for the browser tests: apt-get install -y chromium (`make test` installs it)"
    )
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture()
def page(browser):
    ARTIFACTS.mkdir(exist_ok=True)
    context = browser.new_context(viewport={"width": 1600, "height": 1000}, locale="ru-RU")
    pg = context.new_page()
    yield pg
    context.close()


def wait_for_app(pg, timeout: float = 60_000) -> None:
    """Wait until the script has finished and no element is stale."""
    pg.wait_for_selector('[data-test-script-state="notRunning"]', timeout=timeout, state="attached")
    pg.wait_for_function("() => !document.querySelector('[data-stale=\"true\"]')", timeout=timeout)
