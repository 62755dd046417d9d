"""Bench: specialisation and complexity at national scale, against the PyPI ``ecomplexity`` package.

Prints measured wall-clock times beside the targets of the issue:

- LQ + shift-share + proximity + economic complexity on 85 regions × 250 sectors × 10 years:
  under 0.5 s on the 2-core machine (LQ for all years, dynamic shift-share over the whole period —
  the costliest method —, proximity and complexity for every year);
- the same on 85 × 2,000 sectors (LQ and shift-share on 10 years; proximity — a 4-million-row table —
  and complexity on the last year), no target but measured;
- economic complexity at least 5× faster than ``ecomplexity`` 0.5.3 on the same one-year input, in
  the package's convention (``diagonal=1, sd="numpy"``) and with its optional log-supermodularity
  check switched off so that both compute the same outputs (RCA, M, diversity, ubiquity, density,
  ECI, PCI, COI, COG). Both times include pivoting the long input and building the long output.

Times are the median of several runs after a warm-up. The data are random but shaped like Rosstat's:
lognormal region and sector sizes, lognormal noise, about a third of the cells zero, and a yearly
multiplicative random walk. Run: ``.venv/bin/python bench/bench_specialization.py [--strict]``
(``--strict`` exits 1 when a target is missed). Takes about a minute.
"""

from __future__ import annotations

import statistics
import sys
import time
import warnings

import numpy as np
import pandas as pd

from analytics.metrics import specialization as sp  # noqa: E402

PIPELINE_TARGET_S = 0.5
SPEEDUP_TARGET = 5.0
COLS = {"time": "year", "loc": "region", "prod": "sector", "val": "value"}


def national_table(n_regions: int, n_sectors: int, n_years: int, *, seed: int = 2024) -> pd.DataFrame:
    """Long table region × sector × year with realistic skew and zeros (employees, persons)."""
    rng = np.random.default_rng(seed)
    region_size = rng.lognormal(0.0, 1.0, n_regions)
    sector_size = rng.lognormal(0.0, 1.5, n_sectors)
    base = 200 * region_size[:, None] * sector_size[None, :] * rng.lognormal(0.0, 1.0, (n_regions, n_sectors))
    base *= rng.random((n_regions, n_sectors)) > 0.35
    walk = rng.lognormal(0.01, 0.06, (n_years, n_regions, n_sectors)).cumprod(axis=0)
    values = np.round(base[None] * walk)
    regions = [f"{i:02d}" for i in range(1, n_regions + 1)]
    sectors = [f"{10 + j // 100:02d}.{j % 100:02d}" for j in range(n_sectors)]
    return pd.DataFrame(
        {
            "region": np.tile(np.repeat(regions, n_sectors), n_years),
            "sector": np.tile(sectors, n_regions * n_years),
            "year": np.repeat(np.arange(2014, 2014 + n_years), n_regions * n_sectors),
            "value": values.ravel(),
        }
    )


def timed(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def verdict(ok: bool) -> str:
    return "OK" if ok else "MISSED"


def pipeline(df: pd.DataFrame, *, all_years_complexity: bool, repeat: int) -> float:
    first, last = int(df["year"].min()), int(df["year"].max())
    latest = df[df["year"] == last]
    by = "year" if all_years_complexity else None
    source = df if all_years_complexity else latest
    scope = f"{df['year'].nunique()} years" if all_years_complexity else f"year {last}"
    steps = [
        (f"location_quotient ({df['year'].nunique()} years)", lambda: sp.location_quotient(df, by="year")),
        (f"shift_share dynamic {first}→{last}", lambda: sp.shift_share(df, start=first, end=last, method="dynamic")),
        (f"proximity ({scope})", lambda: sp.proximity(source, by=by)),
        (f"economic_complexity ({scope})", lambda: sp.economic_complexity(source, by=by)),
    ]
    total = 0.0
    for label, fn in steps:
        seconds = timed(fn, repeat)
        total += seconds
        print(f"  {label:<44} {seconds:8.3f} s")
    return total


def against_ecomplexity(df: pd.DataFrame, *, repeat_ours: int, repeat_theirs: int) -> float:
    from ecomplexity import ecomplexity

    year = int(df["year"].max())
    one = df[df["year"] == year].reset_index(drop=True)

    def theirs():
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return ecomplexity(one, COLS, check_logsupermodularity=False, verbose=False)

    def ours():
        return sp.economic_complexity(one, diagonal=1, sd="numpy")

    t_theirs, t_ours = timed(theirs, repeat_theirs), timed(ours, repeat_ours)
    merged = ours().merge(theirs().dropna(subset=["eci"]), on=["region", "sector"], suffixes=("", "_ref"))
    gap = max(float(np.nanmax(np.abs(merged[c] - merged[f"{c}_ref"]))) for c in ("eci", "pci", "density", "cog"))
    speedup = t_theirs / t_ours
    print(f"  ecomplexity 0.5.3, one year ({year})                {t_theirs:8.3f} s")
    print(
        f"  economic_complexity(diagonal=1, sd='numpy'), same   {t_ours:8.3f} s   "
        f"(max |Δ| ECI/PCI/density/COG {gap:.1e})"
    )
    print(f"  speed-up {speedup:6.1f}×   target ≥ {SPEEDUP_TARGET:.0f}×   {verdict(speedup >= SPEEDUP_TARGET)}")
    return speedup


def main() -> int:
    wall = time.perf_counter()
    sp.economic_complexity(national_table(10, 20, 2), by="year")  # warm-up: imports, BLAS threads
    ok = True

    df = national_table(85, 250, 10)
    print(f"A. 85 regions × 250 sectors × 10 years = {len(df):,} rows ({(df['value'] == 0).mean():.0%} zeros)")
    total = pipeline(df, all_years_complexity=True, repeat=5)
    print(f"  {'total':<44} {total:8.3f} s   target < {PIPELINE_TARGET_S} s   {verdict(total < PIPELINE_TARGET_S)}")
    ok &= total < PIPELINE_TARGET_S
    ok &= against_ecomplexity(df, repeat_ours=7, repeat_theirs=5) >= SPEEDUP_TARGET

    df = national_table(85, 2000, 10)
    print(f"\nB. 85 regions × 2,000 sectors × 10 years = {len(df):,} rows ({(df['value'] == 0).mean():.0%} zeros)")
    total = pipeline(df, all_years_complexity=False, repeat=3)
    print(f"  {'total':<44} {total:8.3f} s   (no target)")
    ok &= against_ecomplexity(df, repeat_ours=3, repeat_theirs=1) >= SPEEDUP_TARGET

    print(f"\nbench wall time {time.perf_counter() - wall:.0f} s")
    return 0 if ok or "--strict" not in sys.argv else 1


if __name__ == "__main__":
    sys.exit(main())
