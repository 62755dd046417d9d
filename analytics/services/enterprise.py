"""The Enterprise page's questions: find an enterprise by INN or name, and everything about one.

:func:`enterprise_profile` gathers, for one INN and one year:

- **identity** — names, INN, OGRN, OKVED code and name, region, municipality, SME flag, kind, year
  founded, and where the row comes from (``data_status``, ``source``);
- **clusters** — the cluster templates it belongs to and its role there, by the membership rule of
  :mod:`analytics.models.clusters` (a ``cluster_hint`` naming the template, or an OKVED code within
  the template's codes);
- **years** — its ``enterprise_years`` rows (persons, mln ₽);
- **suppliers / buyers** — its supply links of the year, both directions, with the partners' names
  and values (mln ₽): the edges of a small star-shaped network;
- **projects** — the joint projects it initiates or takes part in, with their support under the
  default subsidy scenario (:class:`analytics.models.subsidy.Scenario` with its defaults: the current
  regime at its maximum federal share), as :func:`analytics.models.subsidy.evaluate` computes it;
- **registry** — for each of its clusters, what it means for the Decree No. 779 check
  (:func:`analytics.models.registry.registry_check` with default parameters): whether it is counted
  as a participant, whether it is a final producer (its purchases enter functional dependence),
  whether it has a contract (a supply link of the year) with another participant, and the verdict.

An unknown or malformed INN gives a profile with ``status`` ``"unknown"`` / ``"invalid"`` and empty
parts, never an exception.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

import duckdb
import pandas as pd

from analytics.models import clusters, registry, subsidy
from analytics.queries import enterprise as q

Status = Literal["ok", "unknown", "invalid"]
#: Largest number of suppliers and of buyers drawn in the network (the tables list all of them).
NETWORK_MAX_PARTNERS = 12

_INN = re.compile(r"\d{10}|\d{12}")


@dataclass(frozen=True)
class Identity:
    """Who the enterprise is (``enterprises`` row with the names of its codes)."""

    inn: str
    ogrn: str | None
    name_ru: str
    name_en: str | None
    okved: str
    okved_name_ru: str | None
    okved_name_en: str | None
    region_code: str
    region_name_ru: str | None
    region_name_en: str | None
    oktmo: str | None
    municipality_ru: str | None
    municipality_en: str | None
    is_sme: bool
    kind: str
    founded: int | None
    cluster_hint: str | None
    data_status: str
    source: str | None


@dataclass(frozen=True)
class RegistryStanding:
    """What the enterprise means for one cluster's Decree No. 779 check in the profile's year.

    ``counted``: it is one of the participants the check counts (the declared members when the
    cluster has any, else all members). ``final_producer``: an industrial participant in a ``core``
    role — its purchases are the denominator of functional dependence. ``has_contract``: True/False
    when the supply links of the year are loaded and the rule applies to it (None: no link data, not
    counted, or a specialised organisation, which the contract rule does not hold). ``partners``:
    cluster members it has a supply link with (either direction); ``sales_to_members`` /
    ``purchases_from_members`` in mln ₽.
    """

    cluster_id: str
    name_ru: str
    name_en: str
    verdict: str
    participants: int
    participants_basis: str
    counted: bool
    final_producer: bool
    has_contract: bool | None
    partners: int
    sales_to_members: float
    purchases_from_members: float


@dataclass(frozen=True)
class EnterpriseProfile:
    """Everything the Enterprise page shows about one INN (see the module docstring)."""

    inn: str
    status: Status
    year: int | None = None
    identity: Identity | None = None
    clusters: pd.DataFrame = field(default_factory=pd.DataFrame)
    years: pd.DataFrame = field(default_factory=pd.DataFrame)
    suppliers: pd.DataFrame = field(default_factory=pd.DataFrame)
    buyers: pd.DataFrame = field(default_factory=pd.DataFrame)
    projects: pd.DataFrame = field(default_factory=pd.DataFrame)
    registry: tuple[RegistryStanding, ...] = ()

    @property
    def found(self) -> bool:
        return self.status == "ok"


def normalise_query(text: str) -> str:
    """A search text as the search compares it: trimmed, lower-case, "ё" written "е"."""
    return " ".join(str(text).split()).lower().replace("ё", "е")


def find_enterprises(con: duckdb.DuckDBPyConnection, text: str, *, limit: int = 20) -> pd.DataFrame:
    """Enterprises whose INN starts with ``text`` or whose Russian or English name contains it
    (case-insensitive, "ё" = "е"); INN matches first, then by Russian name; at most ``limit`` rows.
    Columns: ``inn``, ``name_ru``, ``name_en``, ``okved``, ``region_code``, ``data_status``. An empty
    text finds nothing."""
    needle = normalise_query(text)
    if not needle:
        return q.search(con, "\x00", 0)
    return q.search(con, needle, max(0, int(limit)))


def _identity(row: pd.Series) -> Identity:
    def text(name: str) -> str | None:
        value = row[name]
        return None if pd.isna(value) else str(value)

    founded = row["founded"]
    return Identity(
        inn=str(row["inn"]),
        ogrn=text("ogrn"),
        name_ru=str(row["name_ru"]),
        name_en=text("name_en"),
        okved=str(row["okved"]),
        okved_name_ru=text("okved_name_ru"),
        okved_name_en=text("okved_name_en"),
        region_code=str(row["region_code"]),
        region_name_ru=text("region_name_ru"),
        region_name_en=text("region_name_en"),
        oktmo=text("oktmo"),
        municipality_ru=text("municipality_ru"),
        municipality_en=text("municipality_en"),
        is_sme=bool(row["is_sme"]),
        kind=str(row["kind"]),
        founded=None if pd.isna(founded) else int(founded),
        cluster_hint=text("cluster_hint"),
        data_status=str(row["data_status"]),
        source=text("source"),
    )


def _profile_year(years: pd.DataFrame, link_years: list[int], year: int | None) -> int | None:
    if year is not None:
        return int(year)
    known = list(years["year"]) + list(link_years)
    return int(max(known)) if known else None


def _clusters(con: duckdb.DuckDBPyConnection, inn: str, region: str, year: int) -> pd.DataFrame:
    defs = clusters.template_definitions(con)
    long = clusters.member_table(con, defs, region, year, names=False)
    mine = long[long["inn"] == inn][["cluster_id", "role", "basis", "declared", "matched_code"]]
    names = defs.drop_duplicates("cluster_id")[["cluster_id", "name_ru", "name_en"]]
    return mine.merge(names, on="cluster_id", how="left").reset_index(drop=True)


def _rule(result: registry.RegistryResult, rule_id: str) -> registry.RuleResult | None:
    return next((r for r in result.rules if r.rule_id == rule_id), None)


def _standing(
    con: duckdb.DuckDBPyConnection, inn: str, cluster: pd.Series, region: str, year: int, kind: str
) -> RegistryStanding:
    cluster_id = str(cluster["cluster_id"])
    result = registry.registry_check(con, cluster_id, region=region, year=year)
    table = clusters.members(con, cluster_id, region=region, year=year)
    me = table[table["inn"] == inn].iloc[0]
    counted = bool(me["declared"]) if result.participants_basis == "declared" else True
    contracts = _rule(result, "contracts")
    has_contract: bool | None = None
    if counted and kind != "specialised" and contracts is not None and contracts.status != "not_enough_data":
        has_contract = inn not in set((contracts.missing or {}).get("inns", []))
    return RegistryStanding(
        cluster_id=cluster_id,
        name_ru=str(cluster["name_ru"]),
        name_en=str(cluster["name_en"]),
        verdict=result.verdict,
        participants=int(result.participants),
        participants_basis=str(result.participants_basis),
        counted=counted,
        final_producer=counted and kind == "industrial" and me["role"] == "core",
        has_contract=has_contract,
        partners=int(me["partners"]),
        sales_to_members=float(me["sales_to_members"]),
        purchases_from_members=float(me["purchases_from_members"]),
    )


def _projects(con: duckdb.DuckDBPyConnection, inn: str) -> pd.DataFrame:
    mine = q.projects(con, inn)
    if mine.empty:
        return mine
    table = subsidy.evaluate(subsidy.load_projects(con), subsidy.Scenario())
    money = ["eligible", "reason", "total_costs_mln_rub", "eligible_costs_mln_rub", "subsidy_mln_rub"]
    return mine.merge(table[["project_id", *money]], on="project_id", how="left")


def enterprise_profile(con: duckdb.DuckDBPyConnection, inn: str, *, year: int | None = None) -> EnterpriseProfile:
    """The profile of ``inn`` in ``year`` (default: the latest year with figures or supply links of
    the enterprise). See the module docstring for the parts; units: persons, mln ₽.

    ``clusters``: ``cluster_id``, ``name_ru``, ``name_en``, ``role``, ``basis`` (``hint``, ``okved``,
    ``hint+okved``), ``declared``, ``matched_code``. ``suppliers`` / ``buyers``: ``inn``, ``name_ru``,
    ``name_en``, ``region_code``, ``value_mln_rub``, ``data_status``, largest first. ``projects``:
    ``project_id``, ``name_ru``, ``name_en``, ``cluster_id``, ``role``, ``stage``, ``start_year``,
    ``jobs``, ``participants``, ``eligible``, ``reason``, ``total_costs_mln_rub``,
    ``eligible_costs_mln_rub``, ``subsidy_mln_rub`` (the project's whole subsidy, federal + regional,
    over the horizon, under the default scenario).
    """
    inn = str(inn).strip()
    if not _INN.fullmatch(inn):
        return EnterpriseProfile(inn=inn, status="invalid")
    found = q.identity(con, inn)
    if found.empty:
        return EnterpriseProfile(inn=inn, status="unknown")
    who = _identity(found.iloc[0])
    figures = q.years(con, inn)
    chosen = _profile_year(figures, q.link_years(con, inn), year)
    links = q.partners(con, inn, chosen) if chosen is not None else q.partners(con, inn, 0)
    columns = ["inn", "name_ru", "name_en", "region_code", "value_mln_rub", "data_status"]
    suppliers = links[links["direction"] == "supplier"][columns].reset_index(drop=True)
    buyers = links[links["direction"] == "buyer"][columns].reset_index(drop=True)
    member_of = (
        _clusters(con, inn, who.region_code, chosen)
        if chosen is not None
        else pd.DataFrame(columns=["cluster_id", "role", "basis", "declared", "matched_code", "name_ru", "name_en"])
    )
    standings = (
        tuple(_standing(con, inn, row, who.region_code, chosen, who.kind) for _, row in member_of.iterrows())
        if chosen is not None
        else ()
    )
    return EnterpriseProfile(
        inn=inn,
        status="ok",
        year=chosen,
        identity=who,
        clusters=member_of,
        years=figures,
        suppliers=suppliers,
        buyers=buyers,
        projects=_projects(con, inn),
        registry=standings,
    )
