"""Bench: regional input–output model (issue 12).

Targets, on the 2-core machine, with the demo store (85 regions, employment by OKVED division):

- FLQ + Leontief inverse for one region (113 products): under 20 ms — measured on the library call
  alone (:func:`analytics.metrics.input_output.flq` + :func:`~analytics.metrics.input_output.
  leontief_inverse`) and on the whole service call a page makes
  (:func:`analytics.services.regional_io.regional_multipliers`: store read, SLQ, FLQ, Type I and II
  inverses, multipliers, linkages);
- multipliers for all 85 regions (:func:`analytics.services.regional_io.multipliers_all_regions`):
  under 1 s.

Times are medians after a warm-up (the national model is built once per process and cached; its
build time is printed too). The demo store is built into a temporary folder.
Run: ``.venv/bin/python bench/bench_io.py [--strict]`` (``--strict`` exits 1 when a target is missed).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from analytics import store
from analytics.metrics import input_output as io
from analytics.metrics._panel import single_threaded_blas
from analytics.queries import io_queries
from analytics.services import regional_io

ONE_REGION_TARGET_S = 0.020
ALL_REGIONS_TARGET_S = 1.0
REGION = "40"
YEAR = 2021


def _median(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--strict", action="store_true")
    args = parser.parse_args(argv)

    start = time.perf_counter()
    nat = regional_io.national_model()
    build_s = time.perf_counter() - start

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench_io.duckdb"
        store.build_demo(path)
        con = store.connect(path, read_only=True)
        try:
            regions = io_queries.region_codes(con)
            A = nat.A.to_numpy()
            model = regional_io.regional_model(con, REGION, YEAR)
            slq, share = model.slq["slq"].to_numpy(), model.regional_share

            def flq_inverse() -> None:
                with single_threaded_blas():
                    io.leontief_inverse(io.flq(A, slq, share, delta=0.3))

            flq_inverse()
            t_lib = _median(flq_inverse, 200)
            regional_io.regional_multipliers(con, REGION, YEAR)
            t_service = _median(lambda: regional_io.regional_multipliers(con, REGION, YEAR), 30)
            all_frame = regional_io.multipliers_all_regions(con, YEAR)
            t_all = _median(lambda: regional_io.multipliers_all_regions(con, YEAR), 5)
        finally:
            con.close()

    n_regions = all_frame["region_code"].nunique()
    rows = [
        ("national model build (once per process)", build_s, None),
        (f"FLQ + Leontief inverse, one region ({len(A)} products)", t_lib, ONE_REGION_TARGET_S),
        (f"regional_multipliers('{REGION}', {YEAR}) whole service call", t_service, ONE_REGION_TARGET_S),
        (f"multipliers_all_regions({YEAR}): {n_regions} of {len(regions)} regions", t_all, ALL_REGIONS_TARGET_S),
    ]
    missed = False
    load = ", ".join(f"{v:.1f}" for v in os.getloadavg())
    print(f"load average (1, 5, 15 min): {load} on {os.cpu_count()} cores")
    print(f"{'measure':<62} {'median':>10} {'target':>10}  verdict")
    for name, seconds, target in rows:
        verdict = "" if target is None else ("OK" if seconds < target else "MISSED")
        missed |= verdict == "MISSED"
        target_text = "" if target is None else f"{target * 1000:.0f} ms"
        print(f"{name:<62} {seconds * 1000:>7.1f} ms {target_text:>10}  {verdict}")
    return 1 if (args.strict and missed) else 0


if __name__ == "__main__":
    sys.exit(main())
