"""Bench: cluster candidates, discovery and registry checks on the national synthetic store.

Targets of issue 4, on the 2-core machine, with the synthetic database of 1,000,000 enterprises and
85 regions (``bench/out/synth_1000000.duckdb``; built with ``python -m analytics.tools.synth --out …`` when
missing, which takes a few minutes):

- all template candidates (:func:`analytics.models.clusters.find_candidates`) + discovery
  (:func:`analytics.models.discovery.discover`) + the registry checks of every template
  (:func:`analytics.models.registry.verdicts`) for one region: under 2 s;
- the page's interaction "change the score weights": under 200 ms of server time. Measured twice:
  the library call it makes (:func:`analytics.models.clusters.score`) and a whole rerun of the Clusters page
  in Streamlit's AppTest on a copy of the store (an upper bound: in the browser the weights panel is
  a fragment, so only the ranked cards rerun).

Regions: Kaluga (40, the app's default), the region with the most enterprises, and the first region of
the generator's planted cluster (where discovery must find it). Times are medians of several runs
after a warm-up. Run: ``.venv/bin/python bench/bench_clusters.py [--strict] [--no-page]``
(``--strict`` exits 1 when a target is missed).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from analytics import store
from analytics.models import clusters, discovery, registry
from analytics.tools import synth

ROOT = Path(__file__).resolve().parent.parent

SYNTH = ROOT / "bench" / "out" / "synth_1000000.duckdb"
ANALYSIS_TARGET_S = 2.0
INTERACTION_TARGET_S = 0.2
YEAR = 2023


def timed(fn, repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def verdict(ok: bool) -> str:
    return "OK" if ok else "MISSED"


def analysis(con, region: str, repeat: int) -> dict:
    steps = {
        "candidates": lambda: clusters.find_candidates(con, region, YEAR),
        "registry": lambda: registry.verdicts(con, region, YEAR),
        "discovery": lambda: discovery.discover(con, region, YEAR),
    }
    for fn in steps.values():  # warm-up: DuckDB caches, imports
        fn()
    out = {name: timed(fn, repeat) for name, fn in steps.items()}
    total, _ = timed(lambda: [fn() for fn in steps.values()], repeat)
    return {"steps": out, "total": total}


def page_rerun(path: Path, region: str, repeat: int) -> tuple[float, float]:
    """First render and median weight-change rerun of the Clusters page (AppTest, own store copy)."""
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    with tempfile.TemporaryDirectory(dir=ROOT / "bench" / "out") as tmp:
        copy = Path(tmp) / "synth.duckdb"
        shutil.copyfile(path, copy)
        os.environ["NAVIGATOR_DB"] = str(copy)
        st.cache_data.clear()
        st.cache_resource.clear()
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=600)
        at.query_params["region"] = region
        at.run()
        start = time.perf_counter()
        at.switch_page("app_pages/clusters.py").run()
        first = time.perf_counter() - start
        if at.exception:
            raise RuntimeError([e.value for e in at.exception])
        times = []
        for i in range(repeat):
            slider = at.slider(key="clusters_w_growth")
            start = time.perf_counter()
            slider.set_value(0.0 if i % 2 == 0 else 2.0).run()
            times.append(time.perf_counter() - start)
            if at.exception:
                raise RuntimeError([e.value for e in at.exception])
        st.cache_resource.clear()
    return first, statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    parser.add_argument("--no-page", action="store_true", help="skip the AppTest page rerun")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    if not SYNTH.exists():
        print(f"building {SYNTH} (1,000,000 enterprises, 85 regions) …")
        synth.generate(SYNTH)
    con = store.connect(SYNTH, read_only=True)
    counts = store.query(
        con,
        "SELECT (SELECT count(*) FROM enterprises) AS firms, (SELECT count(*) FROM regions) AS "
        "regions, (SELECT count(*) FROM supply_links) AS links",
    )
    planted = json.loads(store.query(con, "SELECT value FROM meta WHERE key = 'synth_planted'")["value"].iat[0])
    largest = store.query(con, "SELECT region_code FROM enterprises GROUP BY 1 ORDER BY count(*) DESC LIMIT 1")
    regions = {
        "40": "Kaluga (default)",
        largest["region_code"].iat[0]: "most enterprises",
        planted["regions"][0]: "planted cluster",
    }
    print(
        f"store: {SYNTH.name}: {counts['firms'].iat[0]:,} enterprises, {counts['regions'].iat[0]} regions, "
        f"{counts['links'].iat[0]:,} supply-link rows; year {YEAR}; median of {args.repeat} runs"
    )
    missed = False
    for region, why in regions.items():
        firms = store.query(con, "SELECT count(*) AS n FROM enterprises WHERE region_code = ?", [region])["n"].iat[0]
        result = analysis(con, region, args.repeat)
        steps = result["steps"]
        found = steps["discovery"][1]
        hit = [codes for codes in found.candidates["codes"] if set(planted["okved"]) <= set(codes)]
        ok = result["total"] < ANALYSIS_TARGET_S
        missed |= not ok
        print(f"\nregion {region} ({why}, {firms:,} enterprises)")
        for name in ("candidates", "registry", "discovery"):
            print(f"  {name:<11s} {steps[name][0]:6.3f} s")
        print(f"  all three   {result['total']:6.3f} s   target < {ANALYSIS_TARGET_S:.1f} s   {verdict(ok)}")
        print(
            f"  discovery: {found.summary['significant_pairs']} co-located pairs, {len(found.communities)} communities, "
            f"{len(found.candidates)} proposed here; planted cluster {planted['okved']} "
            f"{'found: ' + ', '.join(hit[0]) if hit else 'not proposed'}"
            f"{'' if region in planted['regions'] else ' (not a planted region)'}"
        )
    candidates = clusters.find_candidates(con, "40", YEAR)
    weights = clusters.ScoreWeights(growth=0.0, cooperation=2.0)
    score_s, _ = timed(lambda: clusters.score(candidates, weights), 50)
    print(
        f"\nweights change, library part (clusters.score): {1000 * score_s:.2f} ms   "
        f"target < {1000 * INTERACTION_TARGET_S:.0f} ms   {verdict(score_s < INTERACTION_TARGET_S)}"
    )
    missed |= score_s >= INTERACTION_TARGET_S
    con.close()
    if not args.no_page:
        first, rerun = page_rerun(SYNTH, "40", args.repeat)
        ok = rerun < INTERACTION_TARGET_S
        print(
            f"weights change, whole Clusters page rerun (AppTest, region 40, upper bound): {1000 * rerun:.0f} ms   "
            f"target < {1000 * INTERACTION_TARGET_S:.0f} ms   {verdict(ok)}  (first render {first:.1f} s)"
        )
        missed |= not ok
    return 1 if (missed and args.strict) else 0


if __name__ == "__main__":
    raise SystemExit(main())
