"""Rosstat's input–output workbook → the store's ``io_cells`` (one version per load, preview, rollback).

:func:`prepare_io_load` reads the workbook as published (:func:`analytics.data.rosstat_io.read_rosstat_io`),
turns its tables into ``io_cells`` rows (:func:`tables_to_cells`, ``data_status = 'loaded'``) and makes an
:class:`analytics.ingest.LoadPlan` that replaces the table by its rows of other years plus the file's
year — so the preview counts the cells added, changed and removed, the load is one version of
``io_cells``, and :func:`analytics.ingest.rollback` takes it back. The store is untouched until
:func:`analytics.ingest.commit`; :func:`load_io_workbook` does both steps.

:func:`tables_from_cells` is the way back (one year's rows → :class:`IOTables`), used by the
input–output model (:func:`analytics.services.regional_io.national_model`).

Units as in the workbook: mln ₽; ``total_requirements`` (КПЗ) in roubles per 1 000 roubles as
published (``IOTables.total_requirements`` is per rouble).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import BinaryIO

import duckdb
import pandas as pd

from analytics import store
from analytics.data import ingest, validate
from analytics.data.rosstat_io import PRIMARY_COLUMNS, IOTables, RosstatIOError, read_rosstat_io
from analytics.data.validate import Issue, msg
from analytics.store.demo import IO_COLUMNS, wide_cells

TABLE = "io_cells"
PRODUCT_COLUMNS = ("okpd2", "name_ru")


@dataclass
class IOLoad:
    """The plan to commit (its ``report`` has the preview and every message), the tables read and
    their ``io_cells`` rows."""

    plan: ingest.LoadPlan
    tables: IOTables | None = None
    rows: pd.DataFrame = field(default_factory=pd.DataFrame)

    @property
    def report(self) -> ingest.LoadReport:
        return self.plan.report


def tables_to_cells(tables: IOTables, data_status: str = "loaded") -> pd.DataFrame:
    """``io_cells`` rows of one year's tables (zero cells left out; КПЗ × 1 000, as published)."""
    if tables.year is None:
        raise ValueError("the tables have no year")
    year = int(tables.year)
    primary = pd.DataFrame({col: getattr(tables, attr) for attr, col in PRIMARY_COLUMNS.items()})
    parts: dict[str, pd.DataFrame | None] = {
        "products": tables.products.set_index("no")[list(PRODUCT_COLUMNS)],
        "flows_total": tables.flows_total,
        "flows_domestic": tables.flows_domestic,
        "final_demand": tables.final_demand,
        "final_demand_domestic": tables.final_demand_domestic,
        "primary_inputs": primary,
        "total_requirements": None if tables.total_requirements is None else tables.total_requirements * 1000.0,
    }
    frames = [wide_cells(part, frame, year, data_status) for part, frame in parts.items() if frame is not None]
    return pd.concat(frames, ignore_index=True)[IO_COLUMNS]


def tables_from_cells(cells: pd.DataFrame) -> IOTables:
    """One year's ``io_cells`` rows (columns ``year, part, row_code, col_code, value, label``) → :class:`IOTables`.

    Product order = the product numbers sorted; absent number cells are 0; ``total_requirements`` is
    ``None`` when the year has no КПЗ cells.
    """
    years = cells["year"].unique()
    if len(years) != 1:
        raise ValueError(f"io_cells of one year expected, got {sorted(years)}")
    by_part = {part: frame for part, frame in cells.groupby("part")}
    labels = by_part["products"].pivot(index="row_code", columns="col_code", values="label")
    products = labels.reindex(columns=list(PRODUCT_COLUMNS)).rename_axis(index="no", columns=None).sort_index()
    products = products.reset_index().astype(str)
    index = pd.Index(products["no"], name="no")

    def wide(part: str, columns: pd.Index | None) -> pd.DataFrame | None:
        frame = by_part.get(part)
        if frame is None:
            return None
        table = frame.pivot(index="row_code", columns="col_code", values="value")
        table = table.reindex(index=index, columns=columns if columns is not None else table.columns)
        return table.fillna(0.0).astype(float)

    using = index.rename("using")
    flows_total, flows_domestic = wide("flows_total", using), wide("flows_domestic", using)
    final_cols = pd.Index(
        sorted(
            set(by_part["final_demand"]["col_code"])
            | set(by_part.get("final_demand_domestic", by_part["final_demand"])["col_code"]),
            key=_final_order,
        ),
        name="final_demand",
    )
    primary = wide("primary_inputs", pd.Index(list(PRIMARY_COLUMNS.values())))
    kpz = wide("total_requirements", using)
    for frame in (flows_total, flows_domestic):
        frame.index, frame.columns = index, using
    return IOTables(
        year=int(years[0]),
        products=products,
        flows_total=flows_total,
        flows_domestic=flows_domestic,
        final_demand=wide("final_demand", final_cols),
        final_demand_domestic=wide("final_demand_domestic", final_cols),
        total_requirements=None if kpz is None else kpz / 1000.0,
        **{attr: primary[col].rename(attr) for attr, col in PRIMARY_COLUMNS.items()},
    )


#: Rosstat's order of the final-demand columns (others after them, alphabetically).
FINAL_DEMAND_ORDER = ("P3_S14", "P31_S13", "P32_S13", "P3_S15", "P3", "P51", "P52", "P53", "P5", "P6", "TFU", "TU")


def _final_order(code: str) -> tuple[int, str]:
    return (FINAL_DEMAND_ORDER.index(code), "") if code in FINAL_DEMAND_ORDER else (len(FINAL_DEMAND_ORDER), code)


def _failed(file_name: str | None, code: str, **params) -> IOLoad:
    return IOLoad(ingest.LoadPlan(ingest.LoadReport.refused(TABLE, file_name, code, **params)))


def prepare_io_load(
    con: duckdb.DuckDBPyConnection, source: str | os.PathLike[str] | bytes | BinaryIO, *, file_name: str | None = None
) -> IOLoad:
    """Read Rosstat's input–output workbook and preview its load into ``io_cells`` (nothing is written).

    The file's year (from the title of ``Симм ТЗВ``) replaces the store's rows of that year; other
    years stay. A workbook of another layout gives one error naming sheet and cell
    (``io_<code>`` of :data:`analytics.data.rosstat_io.MESSAGES`).
    """
    import io

    name = file_name or (os.path.basename(str(source)) if isinstance(source, (str, os.PathLike)) else None)
    try:
        tables = read_rosstat_io(io.BytesIO(source) if isinstance(source, bytes) else source)
    except RosstatIOError as exc:
        params = {k: v for k, v in exc.params.items() if v is not None}
        return _failed(name, "io_" + exc.code, **params)
    if tables.year is None:
        return _failed(name, "io_no_year")
    new = tables_to_cells(tables)
    spec = validate.TABLES[TABLE]
    current = store.query(
        con, store.sql("SELECT {cols} FROM {t} WHERE year <> ?", cols=spec.names, t=TABLE), [int(tables.year)]
    )
    merged = pd.concat([current, new], ignore_index=True)[spec.names]
    data = merged.to_csv(index=False, lineterminator="\n").encode("utf-8")
    plan = ingest.prepare(con, TABLE, data, mode="replace", file_name=name or "baz_tzv.xlsx")
    info = Issue(None, None, None, msg("io_read", year=int(tables.year), products=len(tables.products), cells=len(new)))
    plan.report.warnings = [info, *plan.report.warnings]
    return IOLoad(plan, tables, new)


def load_io_workbook(
    con: duckdb.DuckDBPyConnection,
    source: str | os.PathLike[str] | bytes | BinaryIO,
    *,
    user: str | None = None,
    file_name: str | None = None,
) -> ingest.LoadReport:
    """Read, check and load the workbook in one step (:func:`prepare_io_load`); the store is unchanged
    when the report is not ``ok``."""
    load = prepare_io_load(con, source, file_name=file_name)
    if not load.report.ok:
        return load.report
    return ingest.commit(con, load.plan, user)
