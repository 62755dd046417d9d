"""CPU seconds per page view, measured server-side: each page run in AppTest on a fresh demo store,
warm caches (the first view of every page is not counted), ``--views`` views of each page timed with
``time.process_time`` (CPU of this process: the script run and Streamlit's building of the page's
messages; not the websocket, which ``bench/bench_load.py`` measures).

What a served step costs decides how many steps two cores serve: at 20 sessions without think time a
p95 of 1.5 s needs roughly 20 / 1.5 / 2 cores = under 0.15 CPU-s per step (bench_load.py prints both).

    .venv/bin/python bench/bench_page_cpu.py [--views 5] [--profile home] [--top 25]
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

#: (name, page file, query parameters); the presentation is opened as a shared link opens it
PAGES = [
    ("home", "app_pages/home.py", {}),
    ("sectors", "app_pages/sectors.py", {}),
    ("clusters", "app_pages/clusters.py", {}),
    ("subsidies", "app_pages/subsidies.py", {}),
    ("present", "app_pages/present.py", {"present": "1"}),
]
TARGET_CPU_S = 0.15


def _app(page: str, params: dict):
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    if page != PAGES[0][1] and not params.get("present"):
        at.switch_page(page)
        at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _share_script_cache() -> None:
    """One compiled script per file for the whole run, as a server keeps it (AppTest compiles the app
    and the page again on every run: magic's AST pass, ~0.02 CPU-s that a served view does not pay)."""
    from streamlit.runtime.scriptrunner.script_cache import ScriptCache

    shared = ScriptCache()
    ScriptCache.get_bytecode = lambda self, path, _get=ScriptCache.get_bytecode: _get(shared, path)


def _profile_script_thread(profiler: cProfile.Profile) -> None:
    """Profile the script thread (AppTest runs the page in a thread of its own, which cProfile does not follow)."""
    from streamlit.runtime.scriptrunner import script_runner

    original = script_runner.ScriptRunner._run_script

    def profiled(self, rerun_data):
        profiler.enable()
        try:
            return original(self, rerun_data)
        finally:
            profiler.disable()

    script_runner.ScriptRunner._run_script = profiled


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--views", type=int, default=5)
    parser.add_argument("--profile", default="", help="a page name: print its cProfile (cumulative) of the timed views")
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--sort", default="cumulative")
    parser.add_argument("--callers", default="", help="with --profile: who calls functions matching this")
    args = parser.parse_args(argv)

    from analytics import store

    _share_script_cache()

    work = Path(tempfile.mkdtemp(prefix="navigator-bench-cpu-"))
    db = work / "navigator.duckdb"
    store.build_demo(db)
    os.environ["NAVIGATOR_DB"] = str(db)
    print(
        f"bench_page_cpu: {args.views} warm views per page, CPU-s of the script run (target <= {TARGET_CPU_S} per step)"
    )
    total = []
    for name, page, params in PAGES:
        at = _app(page, params)
        at.run()  # warm: every cached call of this page computed once
        profiler = cProfile.Profile() if args.profile == name else None
        if profiler:
            _profile_script_thread(profiler)
        costs = []
        for _ in range(args.views):
            began = time.process_time()
            at.run()
            costs.append(time.process_time() - began)
            assert not at.exception, [e.value for e in at.exception]
        total.append(statistics.median(costs))
        print(f"{name:>10}: median {statistics.median(costs):.3f} CPU-s  min {min(costs):.3f}  max {max(costs):.3f}")
        if profiler:
            stats = pstats.Stats(profiler).sort_stats(args.sort)
            stats.print_callers(args.callers) if args.callers else stats.print_stats(args.top)
    print(f"{'mean':>10}: {statistics.mean(total):.3f} CPU-s per page view")
    return 0


if __name__ == "__main__":
    sys.exit(main())
