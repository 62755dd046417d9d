"""Subsidy library speed: evaluate after a slider move, and allocation under a budget.

Targets (subsidy issue): recomputing :func:`analytics.models.subsidy.evaluate` for 1,000 projects after a
slider move < 50 ms (library time, the Projects arrays already built); allocation for 200 and 1,000
projects (exact up to ``EXACT_LIMIT`` candidates). Projects are synthetic (seeded), shaped like the
demo: 2–5 participants, costs over 1–4 years in 1–3 categories, 5–8 years of revenue.

    .venv/bin/python bench/bench_subsidy.py [--runs 20]
"""

from __future__ import annotations

import argparse
import contextlib
import os
import statistics
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent

from analytics.models import subsidy  # noqa: E402

CLUSTERS = ("automotive", "composites", "railway", "electronics", "pharma")


def synthetic_projects(n: int, seed: int = 2018) -> subsidy.Projects:
    rng = np.random.default_rng(seed)
    ids = [f"P{i:05d}" for i in range(n)]
    firms = [f"40{i:08d}" for i in range(max(50, n // 2))]
    cluster = rng.choice(CLUSTERS, n)
    initiator = rng.choice(firms, n)
    start = rng.integers(2022, 2028, n)
    projects = pd.DataFrame(
        {
            "project_id": ids,
            "cluster_id": cluster,
            "initiator_inn": initiator,
            "stage": rng.choice(subsidy.PROJECT_STAGES, n),
            "start_year": start,
            "jobs": rng.integers(0, 300, n),
            "is_joint": rng.random(n) > 0.05,
        }
    )
    part_rows, cost_rows, rev_rows = [], [], []
    for i, pid in enumerate(ids):  # data generation only; the library itself never loops per project
        others = list(rng.choice(firms, rng.integers(1, 5), replace=False))
        part_rows += [(pid, initiator[i])] + [(pid, f) for f in others if f != initiator[i]]
        for k in range(int(rng.integers(1, 5))):
            for cat in rng.choice(subsidy.COST_CATEGORIES[:8], rng.integers(1, 4), replace=False):
                supplier = others[0] if cat == "component_batches" else None
                cost_rows.append((pid, int(start[i]) + k, str(cat), float(rng.uniform(5, 150)), supplier))
        base = float(rng.uniform(20, 400))
        for k in range(int(rng.integers(5, 9))):
            taxes = float(base * 0.08) if rng.random() < 0.3 else np.nan
            rev_rows.append((pid, int(start[i]) + 1 + k, base * (1.1**k), taxes))
    participants = pd.DataFrame(part_rows, columns=["project_id", "inn"]).drop_duplicates()
    costs = pd.DataFrame(cost_rows, columns=["project_id", "year", "category", "amount_mln_rub", "supplier_inn"])
    revenues = pd.DataFrame(rev_rows, columns=["project_id", "year", "revenue_mln_rub", "taxes_mln_rub"])
    return subsidy.Projects(projects, participants, costs, revenues)


@contextlib.contextmanager
def solver_output_hidden():
    """HiGHS prints debug lines from C++ straight to file descriptor 1: keep the bench output readable."""
    sys.stdout.flush()
    saved = os.dup(1)
    with open(os.devnull, "w") as devnull:
        os.dup2(devnull.fileno(), 1)
        try:
            yield
        finally:
            os.dup2(saved, 1)
            os.close(saved)


def timed(fn, runs: int) -> tuple[float, float, object]:
    times, result = [], None
    for _ in range(runs):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), max(times), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--skip-allocation", action="store_true")
    args = parser.parse_args()

    t0 = time.perf_counter()
    projects = synthetic_projects(1000)
    prep = time.perf_counter() - t0
    print(
        f"1,000 projects ({len(projects.costs):,} cost rows, {len(projects.revenues):,} revenue rows, "
        f"{len(projects.arrays.years)} years): frames → arrays in {prep * 1000:.0f} ms (once per data version)"
    )

    # the 2016 regime's rules without its in-force years (the synthetic projects start in any year), and
    # every project's taxes credited to support so that the "taxes" objective has candidates
    regime = subsidy.BUILTIN_REGIMES["joint_2016"].replace(in_force_from=None, in_force_to=None)
    base = subsidy.Scenario(regime=regime, federal_share=0.4, additionality=1.0)
    subsidy.evaluate(projects, base)  # warm-up
    shares = [0.10 + 0.35 * (i % 10) / 10 for i in range(args.runs)]
    moves = iter(shares * 2)
    median, worst, table = timed(lambda: subsidy.evaluate(projects, base.replace(federal_share=next(moves))), args.runs)
    print(
        f"evaluate, 1,000 projects after a slider move: median {median * 1000:.1f} ms, "
        f"max {worst * 1000:.1f} ms (target < 50 ms) — {int(table['eligible'].sum())} eligible"
    )
    rates = iter([0.05 + 0.01 * i for i in range(args.runs)])
    median, worst, _ = timed(lambda: subsidy.evaluate(projects, base.replace(discount_rate=next(rates))), args.runs)
    print(f"evaluate, discount-rate move: median {median * 1000:.1f} ms, max {worst * 1000:.1f} ms (target < 50 ms)")

    if args.skip_allocation:
        return
    for n in (200, 1000):
        subset = projects.subset(projects.projects["project_id"].iloc[:n])
        evaluation = subsidy.evaluate_detail(subset, base)
        peak = evaluation.subsidy[evaluation.table["eligible"].to_numpy()].sum(axis=0).max()
        budget = round(0.3 * float(peak), 1)
        scenario = base.replace(budget_mln_rub=budget)
        for objective in ("npv_uplift", "taxes", "jobs"):
            with solver_output_hidden():
                median, worst, result = timed(lambda: subsidy.allocate(evaluation, scenario, objective), 2)
            target = (
                "proven optimal"
                if result.candidates <= subsidy.EXACT_LIMIT
                else f"within {subsidy.APPROX_GAP:.1%} of the bound"
            )
            print(
                f"allocate {n:>5,d} projects ({result.candidates} candidates, {len(evaluation.years)} yearly "
                f"budget rows, budget {budget:,.0f} mln ₽/year), {objective:<10s}: median {median:6.2f} s, "
                f"max {worst:6.2f} s (target: {target}, time limit {subsidy.DEFAULT_TIME_LIMIT:.0f} s) — "
                f"{len(result.selected)} selected, optimal={result.optimal}, gap={result.gap:.1e}"
            )
    sweep_eval = subsidy.evaluate_detail(projects.subset(projects.projects["project_id"].iloc[:200]), base)
    budgets = [50.0 * k for k in range(1, 11)]
    t0 = time.perf_counter()
    with solver_output_hidden():
        subsidy.budget_sweep(sweep_eval, base, budgets, "taxes")
    print(f"budget sweep, 200 projects × {len(budgets)} budgets, objective taxes: {time.perf_counter() - t0:.1f} s")


if __name__ == "__main__":
    main()
