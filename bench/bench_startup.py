"""Cold start of the app: time to /_stcore/health and to the first chart drawn in a browser.

Targets (foundation issue): health answers within 30 s of the start (venv present). The first chart
is measured in Debian's chromium through Playwright, as a user would see it.

    .venv/bin/python bench/bench_startup.py [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

from analytics import store  # noqa: E402

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


def one_run(db: str) -> tuple[float, float]:
    from playwright.sync_api import sync_playwright

    port = _free_port()
    started = time.perf_counter()
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
        env=dict(os.environ, NAVIGATOR_DB=db),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2):
                    break
            except OSError as exc:
                if time.perf_counter() - started > 60:
                    raise RuntimeError("no health answer within 60 s") from exc
                time.sleep(0.05)
        health = time.perf_counter() - started
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1600, "height": 1000})
            page.goto(f"http://127.0.0.1:{port}/home")
            page.locator(".js-plotly-plot .main-svg").first.wait_for(timeout=60_000)
            first_chart = time.perf_counter() - started
            browser.close()
        return health, first_chart
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "demo.duckdb")
        t0 = time.perf_counter()
        store.build_demo(db)
        build = time.perf_counter() - t0
        size_mb = Path(db).stat().st_size / 1e6
        print(f"demo store build: {build:.2f} s, {size_mb:.1f} MB")
        for i in range(args.runs):
            health, chart = one_run(db)
            print(
                f"run {i + 1}: /_stcore/health after {health:.2f} s (target < 30 s); "
                f"first chart in the browser after {chart:.2f} s (server start included)"
            )


if __name__ == "__main__":
    main()
