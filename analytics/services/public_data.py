"""Page questions answered from the real public data (Home, Clusters, Subsidies).

Units: shipments in mln ₽ (current prices, OKVED 1 section D = manufacturing, 2005–2016), labour
force in thousand persons (LFS, 2017–2024), shares 0–1. Sources: Rosstat (see each row's ``source``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import duckdb
import pandas as pd

from analytics.metrics.shares import share_of_total
from analytics.queries import public_data as q

MANUFACTURING_OKVED1 = "D"


@dataclass(frozen=True)
class RegionPublicFigures:
    """A region's real figures with their sources.

    ``shipments``: ``year``, ``region_value``, ``russia_value`` (mln ₽), ``share`` (0–1), ``status``;
    ``labour_force``: ``year``, ``persons`` (Rosstat publishes thousand persons), ``status``.
    """

    region_code: str
    shipments: pd.DataFrame
    labour_force: pd.DataFrame
    shipments_source: str | None
    labour_force_source: str | None

    @property
    def latest_share(self) -> tuple[int, float] | None:
        """(year, share 0–1) of the latest year with a published regional figure."""
        ok = self.shipments.dropna(subset=["share"])
        return None if ok.empty else (int(ok["year"].iloc[-1]), float(ok["share"].iloc[-1]))

    @property
    def latest_labour_force(self) -> tuple[int, float] | None:
        """(year, persons) of the latest year held."""
        ok = self.labour_force.dropna(subset=["persons"])
        return None if ok.empty else (int(ok["year"].iloc[-1]), float(ok["persons"].iloc[-1]))


def region_public_figures(con: duckdb.DuckDBPyConnection, region_code: str) -> RegionPublicFigures:
    """The region's share of Russia's manufacturing shipments 2005–2016 (region ÷ Russia, Rosstat,
    OKVED 1 section D) and its labour force 2017–2024 (persons = thousand persons × 1000)."""
    ship = q.region_and_russia(con, "shipments_okved1", region_code, MANUFACTURING_OKVED1)
    ship = ship.assign(share=share_of_total(ship["region_value"], ship["russia_value"]).values)
    labour = q.indicator_series(con, "labour_force", region_code)
    labour = labour.assign(persons=(labour["value"] * 1000).round())
    return RegionPublicFigures(
        region_code,
        ship[["year", "region_value", "russia_value", "share", "status"]],
        labour[["year", "persons", "status"]],
        _first(ship["source"]),
        _first(labour["source"]),
    )


def _first(values: pd.Series) -> str | None:
    present = values.dropna()
    return None if present.empty else str(present.iloc[0])


@dataclass(frozen=True)
class RegistryContext:
    """Real clusters of the region and of Russia, and the registry's size over time (public facts)."""

    region: pd.DataFrame
    russia: pd.DataFrame
    registry_size: pd.DataFrame = field(default_factory=pd.DataFrame)

    @property
    def russia_in_registry(self) -> int:
        """How many of Russia's named clusters the sources place in the Decree 779 registry."""
        return int(self.russia["in_registry"].sum())


def registry_context(con: duckdb.DuckDBPyConnection, region_code: str) -> RegistryContext:
    """The Clusters page's national context: named real clusters (with status and source link)."""
    return RegistryContext(
        q.registry_clusters(con, region_code), q.registry_clusters(con), q.public_facts(con, "registry_size")
    )


@dataclass(frozen=True)
class ProgrammeContext:
    """Decree 41 programme totals and the named projects, as published (text values kept)."""

    totals: pd.DataFrame
    projects: pd.DataFrame


def programme_context(con: duckdb.DuckDBPyConnection) -> ProgrammeContext:
    """The Subsidies page's national context (e.g. 2016–2018: 24 projects, 21.8 bn ₽ capex, 5.9 bn ₽
    federal subsidies)."""
    return ProgrammeContext(q.public_facts(con, "pp41_programme"), q.programme_projects(con))
