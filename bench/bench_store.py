"""Bench: the store at demo and at national scale — build times, file sizes, peak memory.

Prints measured figures beside the targets:

- the demo store (``analytics.store.build_demo`` from ``data/seed/``): build time and file size;
- a synthetic national store (``analytics.tools.synth.generate``: 85 regions, 1,000,000 enterprises,
  10 years, 3 supply links per enterprise): generation time (target < 180 s on the 2-core machine),
  file size, row counts, and the peak resident memory of the generating process (target < 6 GB;
  the machine has 24 GiB).

The generator runs in a child process so that its peak RSS (``getrusage(RUSAGE_CHILDREN)``) is its
own. Files go to a temporary directory, or to ``--out-dir`` (e.g. ``bench/out/``, git-ignored) to
keep them; never into ``data/``.

    .venv/bin/python bench/bench_store.py [--enterprises 1000000] [--regions 85] [--years 10]
                                          [--out-dir bench/out] [--strict]

``--strict`` exits 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

from analytics import store  # noqa: E402

SYNTH_TARGET_S = 180.0  #: 1,000,000 enterprises × 10 years on 2 cores
PEAK_RSS_TARGET_GB = 6.0  #: the generating process, well under the machine's 24 GiB

_CHILD = """
import json, sys
from analytics.tools import synth
result = synth.generate({path!r}, regions={regions}, enterprises={enterprises}, years={years},
                        links_per_enterprise={links}, seed={seed})
print(json.dumps(result, ensure_ascii=False))
"""


def _mb(path: Path) -> float:
    return path.stat().st_size / 1e6


def bench_demo(out_dir: Path) -> None:
    path = out_dir / "demo.duckdb"
    started = time.perf_counter()
    try:
        counts = store.build_demo(path)
    except Exception as exc:  # noqa: BLE001 - the seed files may not exist yet: say so and go on
        print(
            f"demo store: could not be built from {store.SEED_DIR} "
            f"({type(exc).__name__}: {exc}). Run `python -m analytics.tools.demo_seed` first, if that exists."
        )
        return
    took = time.perf_counter() - started
    if not any(counts.values()):
        print(f"demo store: {store.SEED_DIR} holds no seed files yet — built an empty store in {took:.2f} s")
        return
    print(
        f"demo store: built in {took:.2f} s, {_mb(path):.1f} MB on disk, "
        f"{sum(counts.values()):,d} rows ({counts.get('enterprises', 0):,d} enterprises)"
    )


def bench_synth(out_dir: Path, *, regions: int, enterprises: int, years: int, links: float, seed: int) -> list[str]:
    path = out_dir / f"synth_{enterprises}.duckdb"
    code = _CHILD.format(
        root=str(ROOT), path=str(path), regions=regions, enterprises=enterprises, years=years, links=links, seed=seed
    )
    started = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    wall = time.perf_counter() - started
    if proc.returncode != 0:
        print("synthetic store: generation failed\n" + proc.stderr[-3000:])
        return ["synthetic generation failed"]
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    peak_gb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024**2  # Linux: KiB
    full = enterprises >= 1_000_000 and years >= 10
    missed = []
    label = f"{regions} regions × {enterprises:,d} enterprises × {years} years"
    target = f" (target < {SYNTH_TARGET_S:.0f} s for 1,000,000 × 10)" if full else " (no target at this size)"
    print(
        f"synthetic store, {label}: generated in {result['total_s']:.1f} s{target}; "
        f"process wall time {wall:.1f} s incl. interpreter start"
    )
    print(
        f"  size on disk {result['size_bytes'] / 1e6:,.1f} MB; peak RSS of the generating process "
        f"{peak_gb:.2f} GB (target < {PEAK_RSS_TARGET_GB:.0f} GB)"
    )
    print("  rows: " + ", ".join(f"{t} {n:,d}" for t, n in result["counts"].items()))
    print("  steps (s): " + ", ".join(f"{k} {v:.1f}" for k, v in result["timings_s"].items()))
    planted = result["planted"]
    print(
        f"  planted cluster: {planted['cluster_id']} {planted['okved']} in regions {planted['regions']}, "
        f"{planted['firms']:,d} firms"
    )
    if full and result["total_s"] > SYNTH_TARGET_S:
        missed.append(f"generation {result['total_s']:.1f} s > {SYNTH_TARGET_S:.0f} s")
    if peak_gb > PEAK_RSS_TARGET_GB:
        missed.append(f"peak RSS {peak_gb:.2f} GB > {PEAK_RSS_TARGET_GB:.0f} GB")
    return missed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--enterprises", type=int, default=1_000_000)
    parser.add_argument("--regions", type=int, default=85)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--links-per-enterprise", type=float, default=3)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument(
        "--out-dir",
        type=Path,
        default=None,
        help="keep the files here (e.g. bench/out); default: a temporary directory",
    )
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="bench_store_") as tmp:
        out_dir = args.out_dir.resolve() if args.out_dir else Path(tmp)
        data_dir = (ROOT / "data").resolve()
        if out_dir == data_dir or data_dir in out_dir.parents:
            parser.error("--out-dir must not be inside data/")
        out_dir.mkdir(parents=True, exist_ok=True)
        bench_demo(out_dir)
        missed = bench_synth(
            out_dir,
            regions=args.regions,
            enterprises=args.enterprises,
            years=args.years,
            links=args.links_per_enterprise,
            seed=args.seed,
        )
        own_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024**2
        print(f"peak RSS of this bench process (demo build included): {own_peak:.2f} GB")
    if missed:
        print("targets missed: " + "; ".join(missed))
        return 1 if args.strict else 0
    print("all targets met")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
