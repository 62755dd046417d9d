"""Can a candidate enter the Minpromtorg cluster registry? The requirements of Decree No. 779.

Each requirement becomes a :class:`RuleResult`: ``pass``, ``fail`` or ``not_enough_data``, the
measured value beside the threshold, and a structured ``missing`` (a reason code with numbers) that
the page turns into plain sentences in either language. Thresholds are the fields of
:class:`RegistryParams`, whose defaults come from :mod:`analytics.models.rules` (decree, edition, date and
status of each); the requirements marked "to verify" there are ordinary, editable parameters.

Participants. With ``participants="declared"`` (default) the participants are the candidate's members
declared by ``cluster_hint`` (see :mod:`analytics.models.clusters`); when a candidate has none (a region
without hints, or a discovered community) — or with ``participants="all"`` — every member is.
*Final-product participants* are the industrial participants in a ``core`` role of the definition.
The specialised organisation manages the cluster and is not itself held to the production-contract
rules (our reading); special investment contracts (SPIC), which the decree accepts instead of a
contract, are not in the data.

Rules (``rule_id``; each cites its clause id of :data:`analytics.models.rules.DECREE_779_CLAUSES`):

- ``contracts`` (779:req:a) — every participant has at least one contract with another participant;
  the data's evidence is a supply link of ``year`` with another participant in either direction.
  Blocking for every participant: one participant without a contract fails the candidate. The one
  exception is a participant carrying the member flag ``organising_production`` (next rule): it did
  not produce within the cluster in the previous period, so it cannot show a supply link; its contract
  (a project contract, the first kind clause «а» lists) is the analyst's declaration, not data.
  Measured: participants without a contract and without the flag (count), threshold 0.
- ``organising`` (779:req:organising) — participants flagged as organising production within the
  cluster (did not produce within it in the previous reporting period): at most 3. More is blocking.
  No time limit is applied (none is in the sources held).
- ``dependence`` (779:req:dependence) — overall functional dependence
  FD = Σ purchases of final-product participants from the cluster's *other* participants (suppliers
  that are not themselves final-product participants) ÷ Σ all purchases of the final-product
  participants (supply links and ``enterprise_years.purchases_mln_rub`` of ``year``; final producers
  with unknown purchases are left out of both sums) ≥ 20 %. The reading that also counts purchases
  between final producers (core → core) is computed beside it (``details["share_with_core_to_core"]``)
  as a sensitivity line; ``RegistryParams.dependence_suppliers="all"`` makes it the tested value.
  ≥ 10 % instead (779:req:dependence_relaxed) when at least 30 % of the participants operate in a
  subject of the Federation with an individual development programme or a geostrategic territory
  (``qualifying_regions``, region codes; every participant of a candidate is in its region) or in a
  single-industry town (``monotown_oktmo``). When short, ``missing`` proposes supply links that would
  close the gap (see :func:`suggest_links`).
- ``min_industrial`` — industrial participants: at least 10 [to verify].
- ``infrastructure`` — infrastructure organisations among the participants: at least 1 [to verify].
- ``specialised`` — a specialised organisation: at least 1 [to verify]; set 0 to drop the rule.

Verdict: ``fail`` when a blocking rule fails, else ``not_enough_data`` when a rule lacks data, else
``pass``; a candidate without any member in the data (no enterprises loaded for the region) is
``not_enough_data`` on every rule. Shares are 0–1, money in mln ₽.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

import duckdb
import pandas as pd

from analytics.models import clusters, rules
from analytics.models.clusters import isin
from analytics.store import query

Status = Literal["pass", "fail", "not_enough_data"]
STATUSES: tuple[str, ...] = ("pass", "fail", "not_enough_data")
RULE_IDS: tuple[str, ...] = ("contracts", "organising", "dependence", "min_industrial", "infrastructure", "specialised")
#: The law behind each rule (decree, edition, status, clause) — what the page cites beside it.
RULE_SOURCES: dict[str, rules.SourcedValue] = {
    "contracts": rules.CONTRACTS_PER_PARTICIPANT_MIN,
    "organising": rules.MAX_ORGANISING_PRODUCTION,
    "dependence": rules.FUNCTIONAL_DEPENDENCE_MIN,
    "min_industrial": rules.MIN_INDUSTRIAL_PARTICIPANTS,
    "infrastructure": rules.MIN_INFRASTRUCTURE_ORGANISATIONS,
    "specialised": rules.MIN_SPECIALISED_ORGANISATIONS,
}
#: A suggested new supplier sells at most this share of its revenue to the final producers in all.
SUGGESTION_SUPPLIER_SHARE = 0.5
#: One suggested link covers at most this share of the buyer's purchases.
SUGGESTION_LINK_SHARE = 0.10
SUGGESTION_MAX_LINKS = 10
#: At most this many suggested links to one buyer (so that the list names several buyers).
SUGGESTION_MAX_PER_BUYER = 3


@dataclass(frozen=True)
class RegistryParams:
    """Thresholds of Decree No. 779 as editable parameters (defaults: :mod:`analytics.models.rules`)."""

    dependence_min: float = rules.FUNCTIONAL_DEPENDENCE_MIN.value
    dependence_min_relaxed: float = rules.FUNCTIONAL_DEPENDENCE_MIN_RELAXED.value
    relaxed_trigger_share: float = rules.RELAXED_TRIGGER_PARTICIPANT_SHARE.value
    #: region codes whose participants count towards the relaxed threshold (individual programmes,
    #: geostrategic territories)
    qualifying_regions: tuple[str, ...] = rules.INDIVIDUAL_PROGRAMME_REGIONS.value + rules.GEOSTRATEGIC_REGIONS.value
    #: single-industry towns (OKTMO) whose participants count towards the relaxed threshold
    monotown_oktmo: tuple[str, ...] = rules.MONOTOWN_OKTMO.value
    max_organising: int = rules.MAX_ORGANISING_PRODUCTION.value
    #: "others": purchases from participants that are not final producers (default); "all": core → core too
    dependence_suppliers: Literal["others", "all"] = rules.FUNCTIONAL_DEPENDENCE_SUPPLIERS.value
    min_industrial: int = rules.MIN_INDUSTRIAL_PARTICIPANTS.value
    min_infrastructure: int = rules.MIN_INFRASTRUCTURE_ORGANISATIONS.value
    min_specialised: int = rules.MIN_SPECIALISED_ORGANISATIONS.value
    participants: Literal["declared", "all"] = "declared"

    def __post_init__(self) -> None:
        for name in ("dependence_min", "dependence_min_relaxed", "relaxed_trigger_share"):
            value = getattr(self, name)
            if not 0 <= value <= 1:
                raise ValueError(f"{name} must be a share 0–1, not {value}")
        for name in ("max_organising", "min_industrial", "min_infrastructure", "min_specialised"):
            if getattr(self, name) < 0:
                raise ValueError(f"{name} must not be negative")
        if self.participants not in ("declared", "all"):
            raise ValueError("participants must be 'declared' or 'all'")
        if self.dependence_suppliers not in ("others", "all"):
            raise ValueError("dependence_suppliers must be 'others' or 'all'")
        object.__setattr__(self, "qualifying_regions", tuple(sorted(set(self.qualifying_regions))))
        object.__setattr__(self, "monotown_oktmo", tuple(sorted(set(self.monotown_oktmo))))

    def percentages(self) -> dict[str, float]:
        """The share thresholds in percent, for a form (0.20 → 20.0)."""
        return {
            "dependence_min_pct": 100.0 * self.dependence_min,
            "dependence_min_relaxed_pct": 100.0 * self.dependence_min_relaxed,
            "relaxed_trigger_pct": 100.0 * self.relaxed_trigger_share,
        }

    @classmethod
    def from_percentages(
        cls, *, dependence_min_pct: float, dependence_min_relaxed_pct: float, relaxed_trigger_pct: float, **others: Any
    ) -> RegistryParams:
        """Parameters from a form that asks for percentages (20 → 0.20); other fields as they are."""
        return cls(
            dependence_min=dependence_min_pct / 100.0,
            dependence_min_relaxed=dependence_min_relaxed_pct / 100.0,
            relaxed_trigger_share=relaxed_trigger_pct / 100.0,
            **others,
        )


@dataclass(frozen=True)
class RuleResult:
    """One requirement: status, measured value beside the threshold, what is missing."""

    rule_id: str
    status: Status
    measured: float | None  #: share 0–1 for ``dependence``, else a count
    threshold: float  #: the applicable threshold (the relaxed one when it applies)
    unit: Literal["share", "count"]
    to_verify: bool  #: the threshold is marked "to verify" in rules.py
    blocking: bool  #: a failure blocks the verdict
    source: str
    edition: str
    missing: dict[str, Any] | None = None  #: {"code": ..., numbers ...}; None when nothing is missing
    details: dict[str, Any] = field(default_factory=dict)
    clause: str = ""  #: clause id of the act (rules.DECREE_779_CLAUSES)


@dataclass(frozen=True)
class RegistryResult:
    """All requirements for one candidate in one year."""

    cluster_id: str
    region: str
    year: int
    verdict: Status
    participants: int
    participants_basis: Literal["declared", "all"]
    rules: tuple[RuleResult, ...]
    params: RegistryParams

    def rule(self, rule_id: str) -> RuleResult:
        return next(r for r in self.rules if r.rule_id == rule_id)

    @property
    def functional_dependence(self) -> float | None:
        return self.rule("dependence").measured

    def as_frame(self) -> pd.DataFrame:
        """One row per rule: ``rule_id``, ``clause``, ``status``, ``measured``, ``threshold``, ``unit``,
        ``to_verify``, ``blocking``, ``missing_code``."""
        return pd.DataFrame(
            [
                {
                    "rule_id": r.rule_id,
                    "clause": r.clause,
                    "status": r.status,
                    "measured": r.measured,
                    "threshold": r.threshold,
                    "unit": r.unit,
                    "to_verify": r.to_verify,
                    "blocking": r.blocking,
                    "missing_code": (r.missing or {}).get("code"),
                }
                for r in self.rules
            ]
        )


def _rule(
    rule_id: str,
    status: Status,
    measured,
    threshold,
    unit,
    missing=None,
    details=None,
    blocking: bool = True,
    law: rules.SourcedValue | None = None,
) -> RuleResult:
    law = law or RULE_SOURCES[rule_id]
    return RuleResult(
        rule_id,
        status,
        None if measured is None else float(measured),
        float(threshold),
        unit,
        law.status == "to_verify",
        blocking,
        law.source,
        law.edition,
        missing,
        details or {},
        law.clause,
    )


NameLookup = Callable[[list[str]], dict[str, tuple[str, str]]]


def frame_names(members: pd.DataFrame) -> NameLookup:
    """Names (ru, en) of INNs from a members frame with ``name_ru`` / ``name_en`` columns."""

    def lookup(inns: list[str]) -> dict[str, tuple[str, str]]:
        rows = members[isin(members["inn"], inns)].drop_duplicates("inn")
        en = rows["name_en"].fillna(rows["name_ru"])
        return dict(zip(rows["inn"].to_list(), zip(rows["name_ru"].to_list(), en.to_list())))

    return lookup


def store_names(con: duckdb.DuckDBPyConnection) -> NameLookup:
    """Names (ru, en) of INNs from the ``enterprises`` table."""

    def lookup(inns: list[str]) -> dict[str, tuple[str, str]]:
        if not inns:
            return {}
        with con.cursor() as cur:
            cur.register("_wanted", pd.DataFrame({"inn": list(dict.fromkeys(inns))}, dtype="str"))
            rows = cur.execute(
                "SELECT e.inn, e.name_ru, coalesce(e.name_en, e.name_ru) AS name_en "
                "FROM _wanted w JOIN enterprises e ON e.inn = w.inn"
            ).fetchall()
            cur.unregister("_wanted")
        return {inn: (ru, en) for inn, ru, en in rows}

    return lookup


def _inns(frame: pd.DataFrame) -> dict[str, list]:
    return {"inns": frame["inn"].to_list()}


def fill_names(results: list[RuleResult], lookup: NameLookup) -> None:
    """Put firm names into the ``missing`` of ``results`` (``names_ru`` / ``names_en`` beside
    ``inns``; ``supplier_ru`` … in suggested links), with one ``lookup`` for all of them."""
    wanted: list[str] = []
    for rule in results:
        if rule.missing:
            wanted += rule.missing.get("inns", [])
            for link in rule.missing.get("links", []):
                wanted += [link["supplier_inn"], link["buyer_inn"]]
    named = lookup(list(dict.fromkeys(wanted))) if wanted else {}
    for rule in results:
        if not rule.missing:
            continue
        if "inns" in rule.missing:
            rule.missing["names_ru"] = [named.get(i, (i, i))[0] for i in rule.missing["inns"]]
            rule.missing["names_en"] = [named.get(i, (i, i))[1] for i in rule.missing["inns"]]
        for link in rule.missing.get("links", []):
            link["supplier_ru"], link["supplier_en"] = named.get(link["supplier_inn"], (link["supplier_inn"],) * 2)
            link["buyer_ru"], link["buyer_en"] = named.get(link["buyer_inn"], (link["buyer_inn"],) * 2)


def suggest_links(
    members: pd.DataFrame,
    participants: pd.DataFrame,
    final: pd.DataFrame,
    links: pd.DataFrame,
    needed_mln_rub: float,
    not_suppliers: pd.Series | None = None,
) -> list[dict[str, Any]]:
    """New supply links to final producers that would add ``needed_mln_rub`` of purchases from
    participants (a heuristic illustration, not a forecast).

    Suppliers: the candidate's members except the specialised organisation, a supplier that is not a
    participant yet would join. A supplier can add up to :data:`SUGGESTION_SUPPLIER_SHARE` of its
    revenue minus what it already sells to the final producers; one link covers at most
    :data:`SUGGESTION_LINK_SHARE` of the buyer's purchases and no more than what the buyer still
    buys outside the cluster. Existing pairs are skipped. Greedy: the largest possible link first,
    suppliers outside the core before core producers, at most :data:`SUGGESTION_MAX_PER_BUYER` per buyer and :data:`SUGGESTION_MAX_LINKS` in all. Each suggestion: ``supplier_inn``, ``supplier_ru``,
    ``supplier_en``, ``buyer_inn``, ``buyer_ru``, ``buyer_en``, ``value_mln_rub``, ``joins`` (the
    supplier is not a participant yet); the names are put in by :func:`fill_names`. ``not_suppliers``:
    INNs whose sales do not count (the final producers, under the decree's reading).
    """
    if needed_mln_rub <= 0 or final.empty:
        return []
    to_final = links[isin(links["buyer_inn"], final["inn"])]
    sold = to_final.groupby("supplier_inn")["value_mln_rub"].sum()
    from_part = (
        to_final[isin(to_final["supplier_inn"], participants["inn"])].groupby("buyer_inn")["value_mln_rub"].sum()
    )
    pool = members[(members["kind"] != "specialised") & (members["revenue_mln_rub"] > 0)].copy()
    if not_suppliers is not None:
        pool = pool[~isin(pool["inn"], not_suppliers)]
    if pool.empty:  # every member is a final producer: no supplier whose sales would count
        return []
    pool["capacity"] = SUGGESTION_SUPPLIER_SHARE * pool["revenue_mln_rub"] - pool["inn"].map(sold).fillna(0.0)
    pool = pool[pool["capacity"] > 0].nlargest(50, "capacity")
    part_inns = set(pool.loc[isin(pool["inn"], participants["inn"]), "inn"].to_list())
    buyers = final.copy()
    buyers["room"] = buyers["purchases_mln_rub"] - buyers["inn"].map(from_part).fillna(0.0)
    buyers = buyers[buyers["room"] > 0].nlargest(20, "room")
    near = links[isin(links["supplier_inn"], pool["inn"]) & isin(links["buyer_inn"], buyers["inn"])]
    existing = set(zip(near["supplier_inn"].to_list(), near["buyer_inn"].to_list()))
    capacity = dict(zip(pool["inn"], pool["capacity"]))
    room = dict(zip(buyers["inn"], buyers["room"]))
    per_link = dict(zip(buyers["inn"], SUGGESTION_LINK_SHARE * buyers["purchases_mln_rub"]))
    out: list[dict[str, Any]] = []
    per_buyer: dict[str, int] = {}
    remaining = float(needed_mln_rub)
    supplier_first = dict(zip(pool["inn"], pool["role"] != "core"))
    while remaining > 1e-9 and len(out) < SUGGESTION_MAX_LINKS:
        best, best_key = None, (False, 0.0)
        for s in capacity:
            if capacity[s] <= 0:
                continue
            for b in room:
                if s == b or (s, b) in existing or per_buyer.get(b, 0) >= SUGGESTION_MAX_PER_BUYER:
                    continue
                key = (supplier_first[s], min(capacity[s], room[b], per_link[b]))
                if key[1] > 1e-9 and key > best_key:
                    best, best_key = (s, b), key
        best_value = best_key[1]
        if best is None:
            break
        s, b = best
        value = min(best_value, remaining)
        existing.add(best)
        per_buyer[b] = per_buyer.get(b, 0) + 1
        capacity[s] -= value
        room[b] -= value
        remaining -= value
        out.append({"supplier_inn": s, "buyer_inn": b, "value_mln_rub": round(value, 3), "joins": s not in part_inns})
    return out


def _truthy(flags: pd.Series) -> pd.Series:
    """A flag column as booleans: missing (NaN, None) is False, any other value its truth (1.0 → True)."""
    return flags.astype(object).where(flags.notna(), False).astype(bool)


def evaluate(
    cluster_id: str,
    members: pd.DataFrame,
    links: pd.DataFrame,
    *,
    region: str,
    year: int,
    params: RegistryParams = RegistryParams(),
    links_loaded: bool = True,
    lookup: NameLookup | None | bool = None,
) -> RegistryResult:
    """The rules on given data (no store access): ``members`` as :func:`analytics.models.clusters.members`
    returns them (at least ``inn``, ``name_ru``, ``name_en``, ``kind``, ``role``, ``declared``,
    ``oktmo``, ``revenue_mln_rub``, ``purchases_mln_rub``), ``links`` the supply links of ``year``
    among them (``supplier_inn``, ``buyer_inn``, ``value_mln_rub``). ``links_loaded=False`` says the
    store holds no supply links for the region and year (the link rules then lack data). ``lookup``
    gives firm names for the messages (default: the ``name_ru`` / ``name_en`` columns of ``members``;
    ``False``: leave them out, for a caller that fills them later with :func:`fill_names`)."""
    p = params
    if members.empty:  # no enterprise data for the region: nothing can be judged
        thresholds = {
            "contracts": 0,
            "organising": p.max_organising,
            "dependence": p.dependence_min,
            "min_industrial": p.min_industrial,
            "infrastructure": p.min_infrastructure,
            "specialised": p.min_specialised,
        }
        return RegistryResult(
            cluster_id,
            region,
            year,
            "not_enough_data",
            0,
            "all",
            tuple(
                _rule(
                    rid,
                    "not_enough_data",
                    None,
                    thresholds[rid],
                    "share" if rid == "dependence" else "count",
                    {"code": "no_members"},
                )
                for rid in RULE_IDS
            ),
            p,
        )
    declared = members[members["declared"].astype(bool)]
    if p.participants == "declared" and len(declared):
        participants, basis = declared, "declared"
    else:
        participants, basis = members, "all"
    inside = participants["inn"]
    plinks = links[
        isin(links["supplier_inn"], inside)
        & isin(links["buyer_inn"], inside)
        & (links["supplier_inn"] != links["buyer_inn"])
    ]
    producing = participants[participants["kind"] != "specialised"]
    flag = (
        _truthy(producing["organising_production"])
        if "organising_production" in producing
        else pd.Series(False, index=producing.index)
    )
    organising = producing[flag.to_numpy()]
    linked = pd.concat([plinks["supplier_inn"], plinks["buyer_inn"]])
    unlinked = producing[~isin(producing["inn"], linked) & ~flag.to_numpy()]
    out: list[RuleResult] = []

    # contracts: blocking for every participant; the flagged organisers are the decree's allowance
    if not links_loaded:
        out.append(_rule("contracts", "not_enough_data", None, 0, "count", {"code": "no_links_data"}))
    else:
        details = {"organising_without_links": int((~isin(organising["inn"], linked)).sum())}
        if unlinked.empty:
            out.append(_rule("contracts", "pass", 0, 0, "count", None, details))
        else:
            out.append(
                _rule(
                    "contracts",
                    "fail",
                    len(unlinked),
                    0,
                    "count",
                    {"code": "without_contract", "count": len(unlinked), **_inns(unlinked)},
                    details,
                )
            )
    n_organising = len(organising)
    if n_organising <= p.max_organising:
        out.append(_rule("organising", "pass", n_organising, p.max_organising, "count"))
    else:
        out.append(
            _rule(
                "organising",
                "fail",
                n_organising,
                p.max_organising,
                "count",
                {
                    "code": "too_many_organising",
                    "count": n_organising,
                    "max": p.max_organising,
                    "excess": n_organising - p.max_organising,
                    **_inns(organising),
                },
            )
        )

    # functional dependence
    region_qualifies = region in set(p.qualifying_regions)
    if region_qualifies:
        qualifying = len(participants)
    else:
        qualifying = int(participants["oktmo"].isin(set(p.monotown_oktmo)).sum()) if p.monotown_oktmo else 0
    qualifying_share = qualifying / len(participants) if len(participants) else 0.0
    relaxed = qualifying > 0 and qualifying_share >= p.relaxed_trigger_share - 1e-12
    threshold = p.dependence_min_relaxed if relaxed else p.dependence_min
    law = rules.FUNCTIONAL_DEPENDENCE_MIN_RELAXED if relaxed else rules.FUNCTIONAL_DEPENDENCE_MIN
    final_all = participants[(participants["kind"] == "industrial") & (participants["role"] == "core")]
    final = final_all[final_all["purchases_mln_rub"].notna()]
    details = {
        "relaxed": relaxed,
        "qualifying_share": float(qualifying_share),
        "region_qualifies": region_qualifies,
        "final_producers": len(final_all),
        "without_purchases": len(final_all) - len(final),
        "reading": p.dependence_suppliers,
    }
    denominator = float(final["purchases_mln_rub"].sum())
    if final_all.empty:
        out.append(
            _rule(
                "dependence",
                "not_enough_data",
                None,
                threshold,
                "share",
                {"code": "no_final_producers"},
                details,
                law=law,
            )
        )
    elif denominator <= 0 or not links_loaded:
        code = "no_links_data" if not links_loaded else "no_purchases_data"
        out.append(_rule("dependence", "not_enough_data", None, threshold, "share", {"code": code}, details, law=law))
    else:
        to_final = plinks[isin(plinks["buyer_inn"], final["inn"])]
        with_core = float(to_final["value_mln_rub"].sum())
        from_others = float(to_final.loc[~isin(to_final["supplier_inn"], final_all["inn"]), "value_mln_rub"].sum())
        numerator = from_others if p.dependence_suppliers == "others" else with_core
        fd = numerator / denominator
        details.update(
            purchases_from_participants_mln_rub=numerator,
            purchases_mln_rub=denominator,
            share_from_others=from_others / denominator,
            share_with_core_to_core=with_core / denominator,
            core_to_core_mln_rub=with_core - from_others,
        )
        if fd >= threshold - 1e-12:
            out.append(_rule("dependence", "pass", fd, threshold, "share", None, details, law=law))
        else:
            needed = (threshold - fd) * denominator
            barred = final_all["inn"] if p.dependence_suppliers == "others" else None
            suggestions = suggest_links(members, participants, final, links, needed, barred)
            added = sum(s["value_mln_rub"] for s in suggestions)
            out.append(
                _rule(
                    "dependence",
                    "fail",
                    fd,
                    threshold,
                    "share",
                    {
                        "code": "dependence_short",
                        "points": 100.0 * (threshold - fd),
                        "needed_mln_rub": needed,
                        "links": suggestions,
                        "closes": added >= needed - 1e-6,
                    },
                    details,
                    law=law,
                )
            )

    # counts
    def count_rule(rule_id: str, kind: str, minimum: int, code: str) -> None:
        have = int((participants["kind"] == kind).sum())
        if have >= minimum:
            out.append(_rule(rule_id, "pass", have, minimum, "count"))
            return
        pool = members[(members["kind"] == kind).to_numpy() & ~isin(members["inn"], inside)]
        pool = pool.sort_values(["employees", "inn"], ascending=[False, True], na_position="last")
        out.append(
            _rule(
                rule_id,
                "fail",
                have,
                minimum,
                "count",
                {"code": code, "missing": minimum - have, **_inns(pool.head(minimum - have))},
            )
        )

    count_rule("min_industrial", "industrial", p.min_industrial, "needs_industrial")
    count_rule("infrastructure", "infrastructure", p.min_infrastructure, "needs_infrastructure")
    count_rule("specialised", "specialised", p.min_specialised, "needs_specialised")

    if lookup is not False:
        fill_names(out, lookup or frame_names(members))
    order = {rid: i for i, rid in enumerate(RULE_IDS)}
    ordered = tuple(sorted(out, key=lambda r: order[r.rule_id]))
    if any(r.status == "fail" and r.blocking for r in ordered):
        verdict: Status = "fail"
    elif any(r.status == "not_enough_data" for r in ordered):
        verdict = "not_enough_data"
    else:
        verdict = "pass"
    return RegistryResult(cluster_id, region, year, verdict, len(participants), basis, ordered, p)


def _links_loaded(con, region: str, year: int) -> bool:
    return bool(
        query(
            con,
            "SELECT EXISTS (SELECT 1 FROM supply_links l JOIN enterprises e ON e.inn = l.buyer_inn "
            "WHERE l.year = ? AND e.region_code = ?) AS any_link",
            [year, region],
        )["any_link"].iat[0]
    )


def registry_check(
    con: duckdb.DuckDBPyConnection,
    cluster_id: str,
    *,
    region: str,
    year: int,
    params: RegistryParams = RegistryParams(),
    codes: tuple[str, ...] | None = None,
) -> RegistryResult:
    """The Decree No. 779 requirements for one candidate (a template, or a discovered community given
    by ``codes``) in ``region`` and ``year``; see the module docstring."""
    table = clusters.members(con, cluster_id, region=region, year=year, codes=codes)
    links = clusters.links_among(con, table["inn"], year)
    return evaluate(
        cluster_id, table, links, region=region, year=year, params=params, links_loaded=_links_loaded(con, region, year)
    )


def registry_check_all(
    con: duckdb.DuckDBPyConnection, region: str, year: int, params: RegistryParams = RegistryParams()
) -> dict[str, RegistryResult]:
    """:func:`registry_check` for every template, sharing one members query and one links query."""
    defs = clusters.template_definitions(con)
    long = clusters.member_table(con, defs, region, year, names=False)
    links = clusters.links_among(con, long["inn"], year)
    loaded = _links_loaded(con, region, year)
    out = {}
    for cluster_id in defs["cluster_id"].drop_duplicates():
        table = long[long["cluster_id"] == cluster_id]
        mine = links[isin(links["supplier_inn"], table["inn"]) & isin(links["buyer_inn"], table["inn"])]
        out[cluster_id] = evaluate(
            cluster_id, table, mine, region=region, year=year, params=params, links_loaded=loaded, lookup=False
        )
    fill_names([rule for result in out.values() for rule in result.rules], store_names(con))
    return out


def verdicts(
    con: duckdb.DuckDBPyConnection, region: str, year: int, params: RegistryParams = RegistryParams()
) -> pd.DataFrame:
    """One row per template: ``cluster_id``, ``verdict``, ``dependence`` (FD as ``params`` read it, share),
    ``dependence_core_to_core`` (the sensitivity line: FD counting purchases between final producers
    too), ``threshold``, ``participants``, ``failed`` (blocking rules that fail, tuple) — the card badges."""
    rows = []
    for cluster_id, result in registry_check_all(con, region, year, params).items():
        dep = result.rule("dependence")
        rows.append(
            {
                "cluster_id": cluster_id,
                "verdict": result.verdict,
                "dependence": dep.measured,
                "dependence_core_to_core": dep.details.get("share_with_core_to_core"),
                "threshold": dep.threshold,
                "participants": result.participants,
                "failed": tuple(r.rule_id for r in result.rules if r.status == "fail" and r.blocking),
            }
        )
    return pd.DataFrame(
        rows,
        columns=[
            "cluster_id",
            "verdict",
            "dependence",
            "dependence_core_to_core",
            "threshold",
            "participants",
            "failed",
        ],
    )
