"""Bench: the PDF exports — the application pack's summary (issue 19) and the deck (issue 15).

Builds the demo store in a temporary folder, then times, for the automotive candidate of region 40 in
2023: the Excel pack and the PDF summary (both read the store and solve the roadmap), in Russian and
English; with ``--deck`` also the PPTX and the PDF deck (kaleido drives Debian's chromium: one browser
session per deck). Prints size and median time of 3 runs (1 for the decks) against the targets, which are
this project's choice: a download button answers within 3 s; a deck within 60 s on the 2-core machine.
Run from the repository root: ``PYTHONPATH=. .venv/bin/python bench/bench_pdf.py [--deck] [--strict]``.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from analytics import store
from analytics.services import application_pack, storyline
from ui.downloads import application_pdf, briefing

PACK_TARGET_S = 3.0
DECK_TARGET_S = 60.0
REGION = {"ru": "Калужская область", "en": "Kaluga Oblast"}


def timed(fn, runs: int) -> tuple[float, bytes]:
    times, out = [], b""
    for _ in range(runs):
        start = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), out


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--deck", action="store_true", help="also the PPTX and PDF decks (needs chromium)")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args()
    missed = False
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "demo.duckdb"
        store.build_demo(path)
        con = store.connect(path, read_only=True)
        rows = []
        for lang in ("ru", "en"):
            rows.append(
                (
                    f"pack xlsx ({lang})",
                    PACK_TARGET_S,
                    *timed(
                        lambda lang=lang: application_pack.application_pack(
                            con, "automotive", region="40", year=2023, lang=lang
                        ),
                        3,
                    ),
                )
            )
            rows.append(
                (
                    f"pack pdf  ({lang})",
                    PACK_TARGET_S,
                    *timed(
                        lambda lang=lang: application_pdf.application_pack_pdf(
                            con, "automotive", region="40", year=2023, lang=lang
                        ),
                        3,
                    ),
                )
            )
        if args.deck:
            settings = storyline.DeckSettings()
            for lang in ("ru", "en"):
                rows.append(
                    (
                        f"deck pptx ({lang})",
                        DECK_TARGET_S,
                        *timed(lambda lang=lang: briefing.deck_bytes(con, settings, lang, REGION[lang]), 1),
                    )
                )
                rows.append(
                    (
                        f"deck pdf  ({lang})",
                        DECK_TARGET_S,
                        *timed(lambda lang=lang: briefing.deck_pdf_bytes(con, settings, lang, REGION[lang]), 1),
                    )
                )
        con.close()
    for name, target, seconds, data in rows:
        ok = seconds <= target
        missed |= not ok
        print(
            f"{name:18s} {len(data) / 1024:8.0f} KB  {seconds:6.2f} s  (target < {target:.0f} s) "
            f"{'ok' if ok else 'MISSED'}"
        )
    return 1 if args.strict and missed else 0


if __name__ == "__main__":
    sys.exit(main())
