"""Joint projects from the store, as the subsidy model reads them (:func:`analytics.models.subsidy.load_projects`)."""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import pandas as pd

from analytics.store import query, sql


@dataclass(frozen=True)
class ProjectFrames:
    """The four project tables plus cluster membership pairs (``cluster_id, inn``), sorted."""

    projects: pd.DataFrame
    participants: pd.DataFrame
    costs: pd.DataFrame
    revenues: pd.DataFrame
    members: pd.DataFrame


def project_frames(con: duckdb.DuckDBPyConnection) -> ProjectFrames:
    """``projects`` (with the initiator's OKVED code as ``okved``, NULL when the initiator is not in
    ``enterprises``), ``project_participants``, ``project_costs``, ``project_revenues``; ``members``:
    the participants and initiators of each cluster's projects plus the enterprises whose
    ``cluster_hint`` names the cluster."""
    projects = query(
        con,
        sql(
            "SELECT p.project_id, p.name_ru, p.name_en, p.cluster_id, p.initiator_inn, p.stage, p.start_year, "
            "p.jobs, p.is_joint, e.okved FROM projects p LEFT JOIN enterprises e ON e.inn = p.initiator_inn "
            "ORDER BY p.project_id"
        ),
    )
    participants = query(con, sql("SELECT project_id, inn, role FROM project_participants ORDER BY project_id, inn"))
    costs = query(
        con, sql("SELECT project_id, year, category, amount_mln_rub, supplier_inn FROM project_costs ORDER BY ALL")
    )
    revenues = query(
        con,
        sql("SELECT project_id, year, revenue_mln_rub, taxes_mln_rub FROM project_revenues ORDER BY project_id, year"),
    )
    members = query(
        con,
        sql("""
        SELECT p.cluster_id, pp.inn FROM project_participants pp JOIN projects p USING (project_id)
        UNION SELECT cluster_id, initiator_inn FROM projects
        UNION SELECT cluster_hint, inn FROM enterprises WHERE cluster_hint IS NOT NULL"""),
    )
    return ProjectFrames(projects, participants, costs, revenues, members)


def registry_region_year(con: duckdb.DuckDBPyConnection) -> tuple[str | None, int | None]:
    """The region of most project initiators and the latest year of that region's enterprise data
    (None, None when the store has no projects or no data)."""
    found = query(
        con,
        sql("""
        SELECT e.region_code, count(*) AS n FROM projects p JOIN enterprises e ON e.inn = p.initiator_inn
        GROUP BY e.region_code ORDER BY n DESC, e.region_code LIMIT 1"""),
    )
    if found.empty:
        return None, None
    region = str(found["region_code"].iat[0])
    year = query(
        con,
        sql(
            "SELECT max(y.year) AS year FROM enterprise_years y JOIN enterprises e USING (inn) WHERE e.region_code = ?"
        ),
        [region],
    )["year"].iat[0]
    return region, None if pd.isna(year) else int(year)


def registered_in_data(con: duckdb.DuckDBPyConnection, region: str) -> frozenset[str]:
    """Cluster templates marked as on the registry in loaded data: ``registry_clusters`` rows with
    ``in_registry`` and a ``cluster_id`` whose ``region_codes`` ("40" or "50;69") include ``region``."""
    found = query(
        con,
        sql(
            "SELECT DISTINCT cluster_id FROM registry_clusters WHERE in_registry "
            "AND cluster_id IS NOT NULL AND list_contains(string_split(region_codes, ';'), ?)"
        ),
        [region],
    )
    return frozenset(str(c) for c in found["cluster_id"])
