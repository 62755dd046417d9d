"""Bench: the registry roadmap (issue 19) for a large synthetic cluster, built in memory.

Target: a roadmap (:func:`analytics.models.roadmap.plan` after :func:`analytics.models.registry.evaluate`)
for a cluster of 500 members with about 5 000 plausible candidate pairs in under 2 s on the 2-core
machine. The cluster: 25 final producers (OKVED "29.10", purchases 500–1 500 mln ₽), 473 suppliers in
ten synthetic codes ``S0…S9``, one infrastructure and one specialised organisation. Input coefficients
(stand-ins for Rosstat's table): ``S0…S3`` → 29.10 at 0.05 (plausible), ``S4…S9`` → 29.10 at 0.001
(excluded), ``Sk`` → ``Sk`` at 0.02. Each supplier in ``S0…S3`` sells to one final producer; ten
suppliers in ``S5…S9`` have no contract (they need a partner of their own code); functional dependence
is about 10 % against 20 %. Times are the median of 5 runs after a warm-up.
Run from the repository root: ``PYTHONPATH=. .venv/bin/python bench/bench_roadmap.py [--strict]``.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time

import numpy as np
import pandas as pd

from analytics.models import registry, roadmap

TARGET_S = 2.0


def synthetic_cluster(seed: int = 19) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    rng = np.random.default_rng(seed)
    n_final, n_supp = 25, 473
    rows = []
    for i in range(n_final):
        rows.append(
            {
                "inn": f"77{i:08d}",
                "okved": "29.10",
                "kind": "industrial",
                "role": "core",
                "purchases_mln_rub": float(rng.uniform(500, 1500)),
                "revenue_mln_rub": float(rng.uniform(3000, 9000)),
            }
        )
    for i in range(n_supp):
        rows.append(
            {
                "inn": f"78{i:08d}",
                "okved": f"S{i % 10}",
                "kind": "industrial",
                "role": "supplier",
                "purchases_mln_rub": float(rng.uniform(20, 200)),
                "revenue_mln_rub": float(rng.uniform(40, 400)),
            }
        )
    rows.append(
        {
            "inn": "7900000001",
            "okved": "72.19",
            "kind": "infrastructure",
            "role": "infrastructure",
            "purchases_mln_rub": 10.0,
            "revenue_mln_rub": 20.0,
        }
    )
    rows.append(
        {
            "inn": "7900000002",
            "okved": "70.22",
            "kind": "specialised",
            "role": "specialised",
            "purchases_mln_rub": 5.0,
            "revenue_mln_rub": 10.0,
        }
    )
    members = pd.DataFrame(rows).assign(
        name_ru=lambda f: "Фирма " + f["inn"],
        name_en=lambda f: "Firm " + f["inn"],
        declared=True,
        oktmo="29701000",
        employees=100.0,
        organising_production=False,
    )
    final = members["inn"].iloc[:n_final].to_numpy()
    supp = members.iloc[n_final : n_final + n_supp]
    unlinked = set(supp[supp["okved"].isin([f"S{k}" for k in range(5, 10)])]["inn"].iloc[:10])
    links = []
    for inn, code in zip(supp["inn"], supp["okved"]):
        if inn in unlinked:
            continue
        buyer = final[rng.integers(n_final)] if code in ("S0", "S1", "S2", "S3") else None
        if buyer is not None:
            links.append((inn, buyer, float(rng.uniform(5, 15))))
        else:  # a contract with another supplier of its code, which does not count for dependence
            peers = supp[(supp["okved"] == code) & (supp["inn"] != inn) & ~supp["inn"].isin(unlinked)]["inn"]
            links.append((inn, peers.iloc[rng.integers(len(peers))], 1.0))
    links.append(("7900000001", final[0], 1.0))
    links = pd.DataFrame(links, columns=["supplier_inn", "buyer_inn", "value_mln_rub"]).drop_duplicates(
        ["supplier_inn", "buyer_inn"]
    )
    codes = sorted(members["okved"].unique())
    coefficients = []
    for s in codes:
        for b in codes:
            a = 0.0
            if b == "29.10" and s.startswith("S"):
                a = 0.05 if s in ("S0", "S1", "S2", "S3") else 0.001
            elif s == b and s.startswith("S"):
                a = 0.02
            coefficients.append((s, b, a))
    return members, links, pd.DataFrame(coefficients, columns=["supplier_okved", "buyer_okved", "io_coefficient"])


def run_once(members, links, coefficients) -> tuple[float, roadmap.RegistryRoadmap]:
    start = time.perf_counter()
    before = registry.evaluate("bench", members, links, region="40", year=2023)
    plan = roadmap.plan(members, links, before, coefficients=coefficients)
    return time.perf_counter() - start, plan


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--strict", action="store_true", help="exit 1 when the target is missed")
    args = parser.parse_args()
    members, links, coefficients = synthetic_cluster()
    run_once(members, links, coefficients)  # warm-up
    times, plan = [], None
    for _ in range(5):
        seconds, plan = run_once(members, links, coefficients)
        times.append(seconds)
    median = statistics.median(times)
    print(
        f"members: {len(members)}, existing links: {len(links)}, candidate pairs: {plan.candidates} "
        f"(excluded by the IO filter: {plan.excluded_by_io})"
    )
    print(
        f"status: {plan.status}, proposed links: {len(plan.links)}, value: {plan.links['value_mln_rub'].sum():.1f} "
        f"mln ₽ (needed {plan.needed_mln_rub:.1f}), dependence {plan.dependence_before:.3f} → {plan.dependence_after:.3f}"
    )
    ok = median < TARGET_S
    print(
        f"roadmap: median {median:.3f} s over {len(times)} runs (min {min(times):.3f}, max {max(times):.3f}); "
        f"target < {TARGET_S:.1f} s — {'OK' if ok else 'MISSED'}"
    )
    return 0 if ok or not args.strict else 1


if __name__ == "__main__":
    sys.exit(main())
