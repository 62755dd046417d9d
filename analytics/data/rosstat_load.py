"""One-step load of a Rosstat wide table into the store, with the loader's preview, versions and rollback.

:func:`prepare_rosstat_load` reads the table (:func:`analytics.data.rosstat_tables.read_rosstat_table`)
and makes a :class:`analytics.ingest.LoadPlan` for one of two targets:

- ``region_sector_years``: the table's regions × years become ``measure`` (``employees``,
  ``wages_mln_rub``, ``establishments``, ``revenue_mln_rub``) of OKVED code ``okved``. Rows already in
  the store for the same region × code × year keep their other measures; the loaded measure and
  ``data_status = 'loaded'`` replace theirs. A suppressed or missing cell stores an empty measure
  (unknown, never 0).
- ``region_indicators``: every row (regions, and Russia as ``RU``) under ``indicator``, the row-label
  path as ``breakdown``, with ``unit``, the cell ``status`` and ``source``.

Only rows of regions (and Russia for indicators) are loaded: federal districts, oblasts with their
okrugs and names that match no region are left out and said in the report's warnings. The plan
replaces the target table by its current rows merged with the file's (``mode = 'replace'``), so that
the preview counts exactly the rows added and changed, the load is one version of the table, and
:func:`analytics.ingest.rollback` takes it back. The store is untouched until
:func:`analytics.ingest.commit`; :func:`load_rosstat_table` does both steps.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import BinaryIO

import duckdb
import pandas as pd

from analytics import store
from analytics.data import ingest, validate
from analytics.data.rosstat_tables import RosstatTable, RosstatTableError, read_rosstat_table
from analytics.data.validate import Issue, msg

TARGETS = ("region_sector_years", "region_indicators")
MEASURES = ("employees", "wages_mln_rub", "establishments", "revenue_mln_rub")
RUSSIA = "RU"
#: Units in a table's title → factor to the store's unit of the measure (persons, mln ₽).
_UNIT_SCALES: tuple[tuple[str, str, float], ...] = (
    (r"тыс(\.|яч[аи]?)?\s*человек", "employees", 1000.0),
    (r"млн\.?\s*человек", "employees", 1_000_000.0),
    (r"млрд\.?\s*руб", "money", 1000.0),
    (r"тыс(\.|яч[аи]?)?\s*руб", "money", 0.001),
    (r"млн\.?\s*руб", "money", 1.0),
)


def unit_scale(title: str, measure: str) -> tuple[float, str | None]:
    """``(factor, unit text)``: the factor that turns the table's unit (read from its title:
    «(тысяч человек)», «млрд руб.», «тыс. руб.») into the store's unit of ``measure`` (persons for
    ``employees``, mln ₽ for ``*_mln_rub``); ``(1.0, None)`` when the title names no known unit."""
    import re

    kind = "employees" if measure == "employees" else "money" if measure.endswith("_mln_rub") else None
    for pattern, applies, factor in _UNIT_SCALES:
        found = re.search(pattern, title.lower())
        if found and applies == kind:
            return factor, found.group(0)
    return 1.0, None


@dataclass
class RosstatLoad:
    """The plan to commit (its ``report`` has the preview and every message) and what was read."""

    plan: ingest.LoadPlan
    table: RosstatTable | None = None
    rows: pd.DataFrame = field(default_factory=pd.DataFrame)  #: the file's rows as they will be stored

    @property
    def report(self) -> ingest.LoadReport:
        return self.plan.report


def _failed(target: str, file_name: str | None, code: str, **params) -> RosstatLoad:
    return RosstatLoad(ingest.LoadPlan(ingest.LoadReport.refused(target, file_name, code, **params)))


def _file_rows(frame: pd.DataFrame, target: str, region_code: str | None) -> pd.DataFrame:
    rows = frame.copy()
    if region_code is not None:
        rows.loc[rows["level"].isin(["country", "unknown"]), ["level", "region_code"]] = ["region", region_code]
    if target == "region_indicators":
        rows.loc[rows["level"] == "country", "region_code"] = RUSSIA
    return rows[rows["region_code"].notna()]


def prepare_rosstat_load(
    con: duckdb.DuckDBPyConnection,
    source: str | os.PathLike[str] | bytes | BinaryIO,
    *,
    target: str,
    okved: str | None = None,
    measure: str | None = None,
    indicator: str | None = None,
    unit: str | None = None,
    source_note: str | None = None,
    sheet: str | int | None = None,
    row_label: str | None = None,
    region_code: str | None = None,
    scale: float | None = None,
    file_name: str | None = None,
) -> RosstatLoad:
    """Read a Rosstat table and preview its load into ``target`` (nothing is written).

    ``row_label``: the row-label path to load when the table has several (required then for
    ``region_sector_years``; for indicators every path is loaded as its own ``breakdown``).
    ``region_code``: the region a table without region rows is about (``RU`` for Russia).
    ``indicator`` (indicators target): the indicator's name; default the sheet's title.
    ``scale`` (``region_sector_years``): factor from the table's unit to the store's; by default read
    from the title (:func:`unit_scale`: «тысяч человек» × 1000 for ``employees``).
    """
    name = file_name or (os.path.basename(str(source)) if isinstance(source, (str, os.PathLike)) else None)
    if target not in TARGETS:
        return _failed(str(target), name, "rosstat_target", targets=", ".join(TARGETS))
    if target == "region_sector_years":
        known = store.query(con, "SELECT count(*) AS n FROM sectors WHERE code = ?", [str(okved)])["n"][0]
        if measure not in MEASURES or not known or validate.okved_level(str(okved)) in (None, "section"):
            return _failed(
                target, name, "rosstat_target", targets="OKVED (01–99, 29.1, 29.10) + " + ", ".join(MEASURES)
            )
    try:
        table = read_rosstat_table(source, sheet=sheet, file_name=name)
    except (RosstatTableError, ValueError, OSError) as exc:
        return _failed(target, name, "rosstat_unreadable", detail=str(exc)[:200])
    except Exception as exc:  # xlrd / openpyxl raise their own errors on broken files
        return _failed(target, name, "rosstat_unreadable", detail=type(exc).__name__)
    frame = table.frame
    if row_label is not None:
        frame = frame[frame["indicator"] == row_label]
    rows = _file_rows(frame, target, region_code)
    paths = sorted(rows["indicator"].unique())
    if target == "region_sector_years" and len(paths) > 1:
        load = _failed(target, name, "rosstat_choose_indicator", labels="; ".join(paths[:10]))
        load.table = table
        return load
    if rows.empty:
        load = _failed(target, name, "rosstat_no_rows")
        load.table = table
        return load
    warnings = [
        Issue(
            None,
            None,
            None,
            msg(
                "rosstat_read",
                rows=len(rows),
                regions=rows["region_code"].nunique(),
                years=f"{rows['year'].min()}–{rows['year'].max()}",
            ),
        )
    ]
    skipped = frame[frame["region_code"].isna() & ~frame.index.isin(rows.index)]
    skipped = skipped[skipped["level"] != "unmatched"]
    if len(skipped):
        warnings.append(
            Issue(
                None,
                None,
                None,
                msg(
                    "rosstat_skipped",
                    names="; ".join(
                        skipped["region_name"].fillna(skipped["indicator"]).drop_duplicates().astype(str).head(12)
                    ),
                ),
            )
        )
    if table.unmatched:
        warnings.append(
            Issue(
                None,
                None,
                None,
                msg(
                    "rosstat_unmatched",
                    count=len(table.unmatched),
                    names="; ".join(
                        f"{label} ({sheet_name}, {row})" for sheet_name, row, label in table.unmatched[:15]
                    ),
                ),
            )
        )
    if target == "region_sector_years":
        title = " ".join(table.titles.get(s, "") for s in rows["sheet"].unique())
        factor, unit_text = (scale, None) if scale else unit_scale(title, measure)
        if unit_text and factor != 1.0:
            warnings.append(Issue(None, measure, None, msg("rosstat_unit", unit=unit_text, factor=f"{factor:g}")))
        new = pd.DataFrame(
            {
                "region_code": rows["region_code"],
                "okved": okved,
                "year": rows["year"],
                measure: (rows["value"] * factor).round(3),
                "data_status": "loaded",
            }
        )
        key = ["region_code", "okved", "year"]
    else:
        title = indicator or next(iter(table.titles.values()), "") or "indicator"
        new = pd.DataFrame(
            {
                "indicator": title[:120],
                "breakdown": rows["indicator"].replace("", "total").fillna("total"),
                "region_code": rows["region_code"],
                "year": rows["year"],
                "value": rows["value"],
                "unit": unit,
                "cell_status": rows["status"],
                "source": source_note or name,
                "data_status": "loaded",
            }
        )
        key = ["indicator", "breakdown", "region_code", "year"]
    spec = validate.TABLES[target]
    current = store.query(con, store.sql("SELECT {cols} FROM {t}", cols=spec.names, t=target))
    merged = current.set_index(key)
    incoming = new.set_index(key)
    if target == "region_sector_years":
        both = incoming.index.intersection(merged.index)
        merged.loc[both, measure] = incoming.loc[both, measure]
        merged.loc[both, "data_status"] = "loaded"
        merged = pd.concat([merged, incoming.loc[incoming.index.difference(merged.index)]])
    else:
        merged = pd.concat([merged.loc[merged.index.difference(incoming.index)], incoming])
    merged = merged.reset_index()[spec.names]
    data = merged.to_csv(index=False, lineterminator="\n").encode("utf-8")
    plan = ingest.prepare(con, target, data, mode="replace", file_name=name or "rosstat.csv")
    plan.report.warnings = warnings + plan.report.warnings
    return RosstatLoad(plan, table, new.reset_index(drop=True))


def load_rosstat_table(
    con: duckdb.DuckDBPyConnection,
    source: str | os.PathLike[str] | bytes | BinaryIO,
    *,
    target: str,
    okved: str | None = None,
    measure: str | None = None,
    user: str | None = None,
    **options,
) -> ingest.LoadReport:
    """Read, check and load a Rosstat table in one step (see :func:`prepare_rosstat_load` for the
    options); the store is unchanged when the report is not ``ok``."""
    load = prepare_rosstat_load(con, source, target=target, okved=okved, measure=measure, **options)
    if not load.report.ok:
        return load.report
    return ingest.commit(con, load.plan, user)
