"""What the Data page asks besides loading itself (:mod:`analytics.data.ingest` does that): which
prepared plan still holds for a file, a Rosstat table read as a value or an error text, and the stored
boundaries with the values to colour them by."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

import duckdb
import pandas as pd

from analytics.data import boundaries, ingest
from analytics.data.rosstat_tables import RosstatTable, RosstatTableError, read_rosstat_table
from analytics.queries import io_queries
from analytics.store import data_fingerprint


def file_digest(data: bytes) -> str:
    """SHA-256 of a file's bytes (hex): what identifies an upload across reruns."""
    return hashlib.sha256(data).hexdigest()


def plan_key(con: duckdb.DuckDBPyConnection, data: bytes, file_name: str, table: str, mode: str) -> tuple:
    """What a prepared :class:`analytics.data.ingest.LoadPlan` depends on: the file's SHA-256 and name,
    the table and mode, the store's data fingerprint and the table's remembered column mapping. A plan
    made under an equal key is still valid (the page keeps it across reruns instead of validating again)."""
    mapping = tuple(sorted(ingest.remembered_mapping(con, table).items(), key=str))
    return file_digest(data), file_name, table, mode, data_fingerprint(con), mapping


def rosstat_plan_key(con: duckdb.DuckDBPyConnection, data: bytes, file_name: str, options: dict) -> tuple:
    """What a prepared Rosstat load depends on: the file, the analyst's choices and the store state."""
    return file_digest(data), file_name, tuple(sorted(options.items(), key=str)), data_fingerprint(con)


def fns_plan_key(
    con: duckdb.DuckDBPyConnection, data: bytes, file_name: str, region: str | None, include_entrepreneurs: bool
) -> tuple:
    """What a prepared FNS load depends on: the archive, the analyst's choices and the store state."""
    return file_digest(data), file_name, region, include_entrepreneurs, data_fingerprint(con)


def io_plan_key(con: duckdb.DuckDBPyConnection, data: bytes, file_name: str) -> tuple:
    """What a prepared input–output workbook load depends on: the file and the store state."""
    return file_digest(data), file_name, data_fingerprint(con)


def io_held(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """The input–output tables in the store by year (:func:`analytics.queries.io_queries.io_years`); the
    model uses the first (latest) row, or the shipped 2021 extract when there is none."""
    return io_queries.io_years(con)


def read_rosstat(data: bytes, file_name: str) -> RosstatTable | str:
    """A Rosstat table as published (:func:`analytics.data.rosstat_tables.read_rosstat_table`), or why it
    could not be read: the reader's message, or the name of the error a broken workbook raised."""
    try:
        return read_rosstat_table(data, file_name=file_name)
    except RosstatTableError as exc:
        return str(exc)
    except Exception as exc:  # a broken workbook: xlrd / openpyxl raise their own errors
        return type(exc).__name__


@dataclass(frozen=True)
class BoundaryMap:
    """Stored boundaries of one level and the values to colour them by (empty when none are stored)."""

    level: str
    shapes: dict = field(default_factory=lambda: {"type": "FeatureCollection", "features": []})
    #: ``code``, ``name_ru``, ``name_en``, ``value`` (see :func:`analytics.data.boundaries.choropleth_values`)
    values: pd.DataFrame = field(default_factory=pd.DataFrame)

    @property
    def empty(self) -> bool:
        return not self.shapes.get("features")


def boundary_map(con: duckdb.DuckDBPyConnection, level: str, region_code: str) -> BoundaryMap:
    """The stored boundaries of ``level`` (coordinates rounded to 0.001°) and their values: regions by
    manufacturing employment (persons), municipalities of ``region_code`` by enterprises in the store."""
    shapes = boundaries.feature_collection(con, level)
    if not shapes["features"]:
        return BoundaryMap(level, shapes)
    return BoundaryMap(level, shapes, boundaries.choropleth_values(con, level, region_code))
