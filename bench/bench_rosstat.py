"""Bench: a Rosstat regional table of every region, read and loaded in one step.

Makes an ``.xlsx`` in Rosstat's shape (title rows, Russia, 8 federal districts, 85 regions, years
2000–2023 as text «2000 г.», decimal commas, a few «…» cells) and an ``.xls`` with the same cells,
then measures on a copy of the demo store:

- ``read_rosstat_table`` of each file (target < 2 s);
- ``prepare_rosstat_load`` into ``region_sector_years`` (employees of OKVED 29; the whole table is
  merged, validated and diffed: target < 5 s) and the commit (target < 5 s).

    .venv/bin/python bench/bench_rosstat.py [--strict]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

from analytics import ingest, store  # noqa: E402
from analytics.data import region_names  # noqa: E402
from analytics.data.rosstat_load import prepare_rosstat_load  # noqa: E402
from analytics.data.rosstat_tables import read_rosstat_table  # noqa: E402

READ_TARGET_S, PREPARE_TARGET_S, COMMIT_TARGET_S = 2.0, 5.0, 5.0
YEARS = list(range(2000, 2024))
DISTRICTS = [
    "Центральный",
    "Северо-Западный",
    "Южный",
    "Северо-Кавказский",
    "Приволжский",
    "Уральский",
    "Сибирский",
    "Дальневосточный",
]


def rows() -> list[list]:
    out: list[list] = [["СРЕДНЕГОДОВАЯ ЧИСЛЕННОСТЬ ЗАНЯТЫХ"], ["(тысяч человек)"], [None, *[f"{y} г." for y in YEARS]]]
    out.append(["Российская Федерация", *[f"{10000 + i:,.1f}".replace(",", " ").replace(".", ",") for i in range(24)]])
    ref = region_names.reference()
    for district in DISTRICTS:
        out.append([f"{district} федеральный округ", *[f"{500 + i},0" for i in range(24)]])
        for code, name in zip(ref["code"], ref["name_ru"]):
            if ref.loc[ref["code"] == code, "federal_district"].iloc[0] == district:
                values = [f"{int(code) + i / 10:.1f}".replace(".", ",") for i in range(24)]
                if code == "83":
                    values[5] = "…"
                out.append([name, *values])
    return out


def write(path: Path, kind: str) -> None:
    data = rows()
    if kind == "xlsx":
        import openpyxl

        book = openpyxl.Workbook()
        for row in data:
            book.active.append(row)
        book.save(path)
    else:
        import xlwt

        book = xlwt.Workbook(encoding="utf-8")
        sheet = book.add_sheet("1")
        for r, row in enumerate(data):
            for c, value in enumerate(row):
                if value is not None:
                    sheet.write(r, c, value)
        book.save(str(path))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--strict", action="store_true")
    args = parser.parse_args()
    missed = []
    with tempfile.TemporaryDirectory() as tmp:
        for kind in ("xlsx", "xls"):
            path = Path(tmp) / f"table.{kind}"
            write(path, kind)
            started = time.perf_counter()
            table = read_rosstat_table(path)
            took = time.perf_counter() - started
            regions = table.frame["region_code"].nunique()
            print(
                f"read .{kind}: {took:.2f} s for {len(table.frame):,} cells, {regions} regions, "
                f"{len(table.unmatched)} unmatched (target < {READ_TARGET_S} s)"
            )
            missed += ["read"] if took > READ_TARGET_S else []
        db = Path(tmp) / "store.duckdb"
        store.build_demo(db)
        con = store.connect(db)
        started = time.perf_counter()
        load = prepare_rosstat_load(
            con, Path(tmp) / "table.xlsx", target="region_sector_years", okved="29", measure="employees"
        )
        prepared = time.perf_counter() - started
        report = load.report
        print(
            f"prepare into region_sector_years: {prepared:.2f} s, ok={report.ok}, added {report.added:,}, "
            f"changed {report.changed:,} (target < {PREPARE_TARGET_S} s)"
        )
        started = time.perf_counter()
        done = ingest.commit(con, load.plan, "bench")
        committed = time.perf_counter() - started
        print(f"commit: {committed:.2f} s, ok={done.ok}, version {done.version_id} (target < {COMMIT_TARGET_S} s)")
        con.close()
        missed += ["prepare"] if prepared > PREPARE_TARGET_S else []
        missed += ["commit"] if committed > COMMIT_TARGET_S else []
    if missed:
        print("targets missed: " + ", ".join(missed))
    return 1 if (missed and args.strict) else 0


if __name__ == "__main__":
    raise SystemExit(main())
