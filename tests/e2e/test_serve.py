"""`make serve` for real: two Streamlit workers behind Debian's nginx, reached through the proxy
(health, the page, gzip, the upload limit, sticky workers, a browser over the websocket), then stopped
with nothing left running. Skipped only where nginx is not installed (`make test` and CI install it)."""

from __future__ import annotations

import contextlib
import http.client
import importlib.util
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.e2e.conftest import wait_for_app

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("serve", ROOT / "deploy" / "serve.py")
serve = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(serve)

pytestmark = [
    pytest.mark.serve,
    pytest.mark.skipif(serve.find_nginx() is None, reason="nginx is not installed (make test installs it)"),
]


def _free(port: int) -> bool:
    with socket.socket() as s:
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def _ports() -> tuple[int, int]:
    """A free port for nginx and the first of two consecutive free ports for the workers."""
    for base in range(21601, 29000, 7):
        if _free(base) and _free(base + 1) and _free(base + 5):
            return base + 5, base
    raise RuntimeError("no free ports")


def _get(url: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers=headers or {})
    with urllib.request.urlopen(request, timeout=30) as reply:
        return reply.status, {k.lower(): v for k, v in reply.getheaders()}, reply.read()


def _processes_mentioning(text: str) -> list[str]:
    found = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            cmd = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        if text in cmd:
            found.append(f"{pid}: {cmd}")
    return found


@pytest.fixture(scope="module")
def served(demo_db, tmp_path_factory):
    """`deploy/serve.py --workers 2` on a copy of the demo store; yields (base URL, run dir, worker ports)."""
    work = tmp_path_factory.mktemp("serve")
    db = work / "navigator.duckdb"
    shutil.copyfile(demo_db, db)
    run_dir = work / "run"
    port, base_port = _ports()
    log = open(work / "serve.log", "w")
    proc = subprocess.Popen(
        [
            sys.executable,
            "deploy/serve.py",
            "--workers",
            "2",
            "--port",
            str(port),
            "--base-port",
            str(base_port),
            "--db",
            str(db),
            "--run-dir",
            str(run_dir),
        ],
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
    )
    started = time.monotonic()
    try:
        while "serving http" not in (work / "serve.log").read_text():
            if proc.poll() is not None or time.monotonic() - started > 180:
                raise RuntimeError("make serve did not start:\n" + (work / "serve.log").read_text())
            time.sleep(0.5)
        yield f"http://127.0.0.1:{port}", run_dir, (base_port, base_port + 1), db
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()
    time.sleep(0.5)
    left = _processes_mentioning(str(run_dir)) + _processes_mentioning(f"--server.port {base_port} ")
    assert not left, left  # nginx and both workers are gone


def test_health_page_gzip_and_the_worker_cookie_through_nginx(served):
    base, run_dir, _ports_, _db = served
    with urllib.request.urlopen(base + "/_stcore/health", timeout=30) as reply:
        assert (reply.status, reply.read()) == (200, b"ok")
        assert reply.headers["Server"] == "nginx"
        cookies = reply.headers.get_all("Set-Cookie")
    assert any(re.fullmatch(r"navigator_worker=w[01]; Path=/; HttpOnly; SameSite=Lax", c) for c in cookies)
    status, headers, body = _get(base + "/")
    assert status == 200 and b'<div id="root">' in body
    script = re.search(rb'src="\.?/?(static/js/index[^"]+\.js)"', body).group(1).decode()
    status, headers, _ = _get(f"{base}/{script}", {"Accept-Encoding": "gzip"})
    assert status == 200 and headers.get("content-encoding") == "gzip"
    conf = (run_dir / "nginx.conf").read_text()
    assert f"client_max_body_size {serve.upload_limit_mb() + 1}m;" in conf
    assert "listen 127.0.0.1:" in conf


def test_a_body_above_the_upload_limit_is_refused_by_nginx(served):
    base, *_ = served
    host, port = base.removeprefix("http://").split(":")
    con = http.client.HTTPConnection(host, int(port), timeout=30)
    con.putrequest("PUT", "/_stcore/upload_file/session/file")
    con.putheader("Content-Length", str((serve.upload_limit_mb() + 2) * 2**20))
    con.endheaders()
    assert con.getresponse().status == 413
    con.close()


def _worker_cookie(headers) -> str | None:
    found = [re.match(r"navigator_worker=(\w+);", c) for c in headers.get_all("Set-Cookie") or []]
    return next((m.group(1) for m in found if m), None)


def _access(run_dir: Path) -> list[tuple[str, str, str]]:
    """(request, upstream, cookie) of every access-log line (flushed every second)."""
    time.sleep(1.5)
    lines = (run_dir / "access.log").read_text().splitlines()
    return [
        (m.group(1), m.group(2), m.group(3))
        for m in (re.search(r'"(\S+ \S+)[^"]*" .*upstream=(\S+) worker_cookie=(\S+)', line) for line in lines)
        if m
    ]


def test_one_cookie_always_reaches_one_worker_and_cookies_spread_over_both(served):
    base, run_dir, ports, _db = served
    given = []
    for i in range(12):  # new browsers: no cookie; each is given the name of the worker that answered
        with urllib.request.urlopen(f"{base}/_stcore/health?new={i}", timeout=30) as reply:
            given.append(_worker_cookie(reply.headers))
    assert set(given) == {"w0", "w1"}, given  # the least busy worker: both take new browsers
    for i, name in enumerate(given):
        for _ in range(3):
            with urllib.request.urlopen(
                urllib.request.Request(
                    f"{base}/_stcore/health?back={i}", headers={"Cookie": f"navigator_worker={name}"}
                ),
                timeout=30,
            ) as reply:
                assert _worker_cookie(reply.headers) is None  # a browser with a worker's cookie keeps it
    seen = {}
    for request, upstream, _cookie in _access(run_dir):
        found = re.search(r"\?(new|back)=(\d+)", request)
        if found:
            seen.setdefault(int(found.group(2)), set()).add(upstream)
    for i, name in enumerate(given):
        assert seen[i] == {f"127.0.0.1:{ports[int(name[1:])]}"}, (i, name, seen[i])


def test_a_cookie_that_names_no_worker_is_not_followed(served):
    base, *_ = served
    for value in ("w9", "127.0.0.1:22", "navigator", "0123456789abcdef0123456789abcdef"):
        request = urllib.request.Request(base + "/_stcore/health", headers={"Cookie": f"navigator_worker={value}"})
        with urllib.request.urlopen(request, timeout=30) as reply:
            assert reply.status == 200
            assert _worker_cookie(reply.headers) in ("w0", "w1")  # treated as a new browser


def test_open_sessions_are_split_evenly_over_the_workers(served):
    """Held websockets count as connections: six sessions opened one after another go 3 / 3 (a random
    hash of six cookies over two workers splits them unevenly in 22 of 32 cases)."""
    from websockets.sync.client import connect

    base, *_ = served
    names = []
    with contextlib.ExitStack() as held:
        for _ in range(6):
            url = base.replace("http://", "ws://") + "/_stcore/stream"
            ws = held.enter_context(connect(url, subprotocols=["streamlit"], origin=base))
            names.append(_worker_cookie(ws.response.headers))
    assert sorted(names) == ["w0", "w0", "w0", "w1", "w1", "w1"], names


def test_a_browser_runs_the_app_over_the_websocket_and_the_loader_works_meanwhile(served, browser, tmp_path):
    base, _run_dir, _ports_, db = served
    context = browser.new_context(locale="ru-RU")  # the session's Debian chromium (tests/e2e/conftest.py)
    try:
        page = context.new_page()
        sockets: list[str] = []
        page.on("websocket", lambda ws: sockets.append(ws.url))
        page.goto(base + "/")
        wait_for_app(page)
        assert "Калужская область" in page.locator('[data-testid="stMain"] h1').first.inner_text()
        assert sockets == [base.replace("http://", "ws://") + "/_stcore/stream"]
        # The command-line loader writes while the workers serve (they hold no write lock).
        csv = tmp_path / "years.csv"
        csv.write_text("ИНН;Год;Численность\n4029032450;1990;5\n", encoding="utf-8")
        done = subprocess.run(
            [sys.executable, "-m", "analytics.data.load_cli", "enterprise_years", str(csv), "--db", str(db)],
            cwd=ROOT,
            env=dict(os.environ, PYTHONPATH=str(ROOT)),
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr
        page.goto(base + "/about-data")  # a rerun on the same worker moves to the new snapshot
        wait_for_app(page)
    finally:
        context.close()


def test_a_worker_that_dies_is_started_again_and_the_proxy_keeps_answering(served):
    base, _run_dir, ports, _db = served
    [victim] = [
        int(line.split(":")[0]) for line in _processes_mentioning(f"--server.port {ports[0]} ") if "streamlit" in line
    ]
    os.kill(victim, signal.SIGKILL)
    deadline = time.monotonic() + 120
    restarted = False
    while time.monotonic() < deadline:
        status, _, body = _get(base + "/_stcore/health")  # the other worker, or the restarted one, answers
        assert (status, body) == (200, b"ok")
        pids = [
            int(line.split(":")[0])
            for line in _processes_mentioning(f"--server.port {ports[0]} ")
            if "streamlit" in line
        ]
        if pids and pids != [victim] and serve._healthy(ports[0]):
            restarted = True
            break
        time.sleep(1)
    assert restarted
