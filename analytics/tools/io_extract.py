"""Extract the app's input–output data from Rosstat's workbook into compact CSVs.

Usage::

    python -m analytics.tools.io_extract WORKBOOK OUTDIR
    python -m analytics.tools.io_extract tests/data/io/baz_tzv-2021.xlsx data/io2021

Writes (UTF-8, mln ₽, product numbers ``001…113`` as row labels; see ``data/io2021/SOURCE.md``):
``products.csv``, ``flows_total.csv``, ``flows_domestic.csv`` (113 × 113),
``final_demand_total.csv``, ``final_demand_domestic.csv``, ``primary_inputs.csv`` (P1, B1g, D1, D11,
D29–D39 by product), ``total_requirements_kpz.csv`` (Rosstat's КПЗ, roubles per 1 000 roubles),
``year.txt`` and ``okpd2_okved2.csv`` — the correspondence of each product to OKVED 2 divisions and
section (:func:`okved_correspondence`).
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import pandas as pd

from analytics.data.rosstat_io import read_rosstat_io, write_extract
from analytics.metrics.input_output import section_of


def okved_correspondence(products: pd.DataFrame) -> pd.DataFrame:
    """Each product's OKVED 2 division(s) and section from its OKPD 2 code(s).

    An OKPD 2 code ``dd[.d…]`` belongs to the OKVED 2 division ``dd`` (the two classifiers share
    sections and divisions). ``scope`` says whether the product is the whole division(s)
    (``division``) or a part of one (``part``: codes like ``10.1``, ``32 без 32.1 и 32.5``, or a division
    split over several products).
    """
    rows = []
    counts: dict[str, int] = {}
    parsed = []
    for no, code, name in products[["no", "okpd2", "name_ru"]].itertuples(index=False):
        parts = re.findall(r"\d{2}(?:\.\d+)?", code.split(" без ")[0])
        divisions = sorted({p[:2] for p in parts})
        parsed.append((no, code, name, parts, divisions))
        for d in divisions:
            counts[d] = counts.get(d, 0) + 1
    for no, code, name, parts, divisions in parsed:
        whole = all(len(p) == 2 for p in parts) and "без" not in code and all(counts[d] == 1 for d in divisions)
        sections = sorted({section_of(d) for d in divisions})
        if len(sections) != 1:
            raise ValueError(f"product {no} ({code}) spans OKVED 2 sections {sections}")
        rows.append((no, code, ";".join(divisions), sections[0], "division" if whole else "part", name))
    return pd.DataFrame(rows, columns=["no", "okpd2", "okved2_divisions", "okved2_section", "scope", "name_ru"])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("workbook", type=Path)
    parser.add_argument("outdir", type=Path)
    args = parser.parse_args(argv)
    tables = read_rosstat_io(args.workbook)
    written = write_extract(tables, args.outdir)
    path = args.outdir / "okpd2_okved2.csv"
    okved_correspondence(tables.products).to_csv(path, index=False, lineterminator="\n")
    written.append(path)
    for p in written:
        print(f"{p}  {p.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
