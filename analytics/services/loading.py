"""What the Data page asks besides loading itself (:mod:`analytics.data.ingest` does that): which
prepared plan still holds for a file, and the stored boundaries with the values to colour them by."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

import duckdb
import pandas as pd

from analytics.data import boundaries, ingest
from analytics.store import data_fingerprint


def plan_key(con: duckdb.DuckDBPyConnection, data: bytes, file_name: str, table: str, mode: str) -> tuple:
    """What a prepared :class:`analytics.data.ingest.LoadPlan` depends on: the file's SHA-256 and name,
    the table and mode, the store's data fingerprint and the table's remembered column mapping. A plan
    made under an equal key is still valid (the page keeps it across reruns instead of validating again)."""
    mapping = tuple(sorted(ingest.remembered_mapping(con, table).items(), key=str))
    return hashlib.sha256(data).hexdigest(), file_name, table, mode, data_fingerprint(con), mapping


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
