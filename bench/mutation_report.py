"""Mutation score of the library core per module, from the results `mutmut run` left in mutants/.

    python bench/mutation_report.py                 # every module, survivors listed with their diff line
    python bench/mutation_report.py finance clusters   # only modules whose name contains one of these words
    python bench/mutation_report.py --no-diff       # names only (faster)
    python bench/mutation_report.py --sample 60 registry   # a seeded random sample of 60 mutant names per module,
                                                    # for `mutmut run $(...)` when a full run is too long

Score = killed / (checked − equivalent). Killed counts mutants a test failed on, timed out on or crashed
on; checked leaves out mutants not run yet; equivalent mutants (no input can tell them from the code)
are those named in docs/mutation.md, each with its justification. Target: ≥ 90 % per module (issue 20).
Run from the repository root after `make mutation` (or `mutmut run ...`).
"""

from __future__ import annotations

import json
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MUTANTS = ROOT / "mutants"
DOC = ROOT / "docs" / "mutation.md"
TARGET = 0.90
# Packages scored as one module; every other file is its own module.
PACKAGES = ("analytics/models/subsidy/", "analytics/data/validate/")

KILLED = {1, 3, 36, -24, 24, 152, 255, -11, -9}  # failed, pytest internal error, timeouts, crashes
SURVIVED = {0}
NO_TESTS = {5, 33}
NAME = re.compile(r"`(analytics\.[\w.]+__mutmut_\d+)`")


def module_of(path: str) -> str:
    for package in PACKAGES:
        if path.startswith(package):
            return package.rstrip("/").replace("/", ".")
    return path.removesuffix(".py").replace("/", ".")


def equivalent_mutants() -> set[str]:
    """Mutant names listed in docs/mutation.md (each line there carries its justification)."""
    if not DOC.exists():
        return set()
    return set(NAME.findall(DOC.read_text(encoding="utf-8")))


def collect() -> dict[str, dict[str, int | str | list]]:
    by_module: dict[str, dict] = defaultdict(
        lambda: {
            "total": 0,
            "killed": 0,
            "survived": [],
            "no_tests": [],
            "not_checked": 0,
            "equivalent": 0,
            "other": [],
        }
    )
    equivalent = equivalent_mutants()
    for meta in sorted(MUTANTS.rglob("*.py.meta")):
        source = meta.relative_to(MUTANTS).as_posix().removesuffix(".meta")
        codes = json.loads(meta.read_text(encoding="utf-8")).get("exit_code_by_key", {})
        row = by_module[module_of(source)]
        row["path"] = source
        for name, code in codes.items():
            row["total"] += 1
            if code is None:
                row["not_checked"] += 1
            elif name in equivalent:
                row["equivalent"] += 1
            elif code in KILLED:
                row["killed"] += 1
            elif code in SURVIVED:
                row["survived"].append((name, source))
            elif code in NO_TESTS:
                row["no_tests"].append((name, source))
            else:
                row["other"].append((name, source))
    return by_module


def changed_line(name: str, source: str) -> str:
    """The mutated line(s) of a survivor, from mutmut's own diff."""
    from mutmut.mutation.diff_apply import get_diff_for_mutant

    try:
        diff = get_diff_for_mutant(name, path=MUTANTS / source)
    except Exception as exc:  # noqa: BLE001 — a report line, not a failure
        return f"(no diff: {exc})"
    minus = [ln[1:].strip() for ln in diff.splitlines() if ln.startswith("-") and not ln.startswith("---")]
    plus = [ln[1:].strip() for ln in diff.splitlines() if ln.startswith("+") and not ln.startswith("+++")]
    return f"{' / '.join(minus)}  →  {' / '.join(plus)}"


def sample(n: int, words: list[str]) -> list[str]:
    """``n`` mutant names per module (all of them if fewer), drawn with a fixed seed so a sample repeats."""
    import random

    names: dict[str, list[str]] = defaultdict(list)
    for meta in sorted(MUTANTS.rglob("*.py.meta")):
        module = module_of(meta.relative_to(MUTANTS).as_posix().removesuffix(".meta"))
        if not words or any(w in module for w in words):
            names[module] += sorted(json.loads(meta.read_text(encoding="utf-8")).get("exit_code_by_key", {}))
    rng = random.Random(20)
    return [name for module in sorted(names) for name in sorted(rng.sample(names[module], min(n, len(names[module]))))]


def main(argv: list[str]) -> int:
    show_diff = "--no-diff" not in argv
    if not MUTANTS.exists():
        print("no mutants/ directory: run `make mutation` first")
        return 1
    if "--sample" in argv:
        at = argv.index("--sample")
        n = int(argv[at + 1])
        print("\n".join(sample(n, [a for a in argv[at + 2 :] if not a.startswith("--")])))
        return 0
    words = [a for a in argv if not a.startswith("--")]
    import os

    os.chdir(ROOT)  # mutmut reads its configuration from ./pyproject.toml
    rows = {m: r for m, r in collect().items() if not words or any(w in m for w in words)}
    print(f"{'module':40} {'killed':>7} {'/ scored':>8} {'score':>7} {'equiv':>6} {'unrun':>6}  target {TARGET:.0%}")
    low = 0
    for module, r in sorted(rows.items()):
        scored = r["total"] - r["not_checked"] - r["equivalent"]
        if r["total"] == r["not_checked"]:
            print(f"{module:40} {'—':>7} {'—':>8} {'not run':>7} {r['equivalent']:>6} {r['not_checked']:>6}")
            continue
        score = r["killed"] / scored if scored else 1.0
        low += score < TARGET
        mark = "ok" if score >= TARGET else "BELOW"
        print(
            f"{module:40} {r['killed']:>7} {'/ ' + str(scored):>8} {score:>7.1%} {r['equivalent']:>6} "
            f"{r['not_checked']:>6}  {mark}"
        )
    for module, r in sorted(rows.items()):
        rest = [(n, s, "survived") for n, s in r["survived"]] + [(n, s, "no test reaches it") for n, s in r["no_tests"]]
        rest += [(n, s, "suspicious") for n, s in r["other"]]
        if not rest:
            continue
        print(f"\n{module}: {len(rest)} not killed")
        for name, source, why in rest:
            line = f"  {name}  [{why}]"
            if show_diff:
                line += "\n      " + changed_line(name, source)
            print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
