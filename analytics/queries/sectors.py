"""Sector statistics from the store: the region × sector × year panel, sector labels, districts, years.

Levels. ``division`` = the 24 manufacturing divisions 10–33; ``class`` = the four-digit codes the store
holds; ``group`` = three-digit codes, the sum of the stored classes under each. At group and class level
every division also gets a *residual* sector ``"29*"`` = division − its listed codes, so that the
region's total is its whole manufacturing and LQs are not inflated by a partial list; residual rows are
marked ``residual`` and never shown as sectors.
"""

from __future__ import annotations

from typing import Literal

import duckdb
import pandas as pd

from analytics.store import query

Level = Literal["division", "group", "class"]
LEVELS: tuple[str, ...] = ("division", "group", "class")
RESIDUAL = "*"


def sector_panel(con: duckdb.DuckDBPyConnection, level: Level = "division") -> pd.DataFrame:
    """Long table ``region``, ``sector``, ``year``, ``employees``, ``revenue_mln_rub``,
    ``establishments``, ``residual`` for manufacturing (section C) at ``level``.

    At class level the residual sectors (``"29*"``) are added, see the module docstring.
    """
    if level not in LEVELS:
        raise ValueError(f"level must be one of {LEVELS}, not {level!r}")
    divisions = query(
        con,
        "SELECT r.region_code AS region, r.okved AS sector, r.year, r.employees, r.revenue_mln_rub, "
        "r.establishments FROM region_sector_years r JOIN sectors s ON s.code = r.okved "
        "WHERE s.section = 'C' AND s.level = 'division'",
    )
    if level == "division":
        return divisions.assign(residual=False)
    classes = query(
        con,
        "SELECT r.region_code AS region, CASE WHEN ? = 'group' THEN s.parent ELSE r.okved END AS sector, "
        "r.year, r.employees, r.revenue_mln_rub, r.establishments, left(r.okved, 2) AS division "
        "FROM region_sector_years r JOIN sectors s ON s.code = r.okved "
        "WHERE s.section = 'C' AND s.level = 'class'",
        [level],
    )
    measures = ["employees", "revenue_mln_rub", "establishments"]
    classes = classes.groupby(["region", "sector", "year", "division"], as_index=False)[measures].sum(min_count=1)
    listed = classes.groupby(["region", "division", "year"], as_index=False)[measures].sum()
    rest = divisions.rename(columns={"sector": "division"}).merge(
        listed, on=["region", "division", "year"], how="left", suffixes=("", "_listed")
    )
    for m in measures:
        rest[m] = (rest[m] - rest[f"{m}_listed"].fillna(0)).clip(lower=0)
    rest["sector"] = rest["division"] + RESIDUAL
    out = pd.concat(
        [
            classes.drop(columns="division").assign(residual=False),
            rest[["region", "sector", "year", *measures]].assign(residual=True),
        ],
        ignore_index=True,
    )
    return out


def sector_labels(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Manufacturing sectors: ``sector``, ``name_ru``, ``name_en``, ``cluster_id``.

    A sector belongs to the template whose code equals it or contains it (any role), or to a
    template with a *core* code inside it (so division 29 is automotive, but division 13 is not made
    automotive by one supplier class); core before supplier before service; ``other`` when none.
    """
    return query(
        con,
        """
        WITH s AS (SELECT code, name_ru, name_en FROM sectors
                   WHERE section = 'C' AND level IN ('division', 'group', 'class')),
        m AS (
            SELECT s.code, t.cluster_id,
                   row_number() OVER (PARTITION BY s.code ORDER BY
                       CASE t.role WHEN 'core' THEN 0 WHEN 'supplier' THEN 1 ELSE 2 END, t.cluster_id) AS rank
            FROM s JOIN cluster_templates t
              ON t.okved = s.code OR starts_with(s.code, t.okved || '.')
                 OR (starts_with(t.okved, s.code) AND t.okved <> s.code AND t.role = 'core')
        )
        SELECT s.code AS sector, s.name_ru, s.name_en, coalesce(m.cluster_id, 'other') AS cluster_id
        FROM s LEFT JOIN m ON m.code = s.code AND m.rank = 1 ORDER BY s.code
        """,
    )


def districts(con: duckdb.DuckDBPyConnection) -> pd.Series:
    """Region code → federal district."""
    frame = query(con, "SELECT code, federal_district FROM regions")
    return frame.set_index("code")["federal_district"]


def years_available(con: duckdb.DuckDBPyConnection) -> list[int]:
    """Years present in ``region_sector_years``."""
    return [int(y) for y in query(con, "SELECT DISTINCT year FROM region_sector_years ORDER BY 1")["year"]]


def cluster_names(con: duckdb.DuckDBPyConnection) -> dict[str, dict[str, str]]:
    """``{"ru": {cluster_id: name}, "en": {...}}`` from the templates."""
    frame = query(con, "SELECT DISTINCT cluster_id, cluster_name_ru, cluster_name_en FROM cluster_templates")
    return {
        "ru": dict(zip(frame["cluster_id"], frame["cluster_name_ru"])),
        "en": dict(zip(frame["cluster_id"], frame["cluster_name_en"])),
    }


def region_names(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Every region: ``region`` (code), ``name_ru``, ``name_en``."""
    return query(con, "SELECT code AS region, name_ru, name_en FROM regions")
