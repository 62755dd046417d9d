"""From candidate to registry: the smallest set of plausible contracts that closes the gap of Decree 779.

:func:`registry_roadmap` starts from :func:`analytics.models.registry.registry_check` and proposes
what to do about each failing rule:

- ``links`` — new supply contracts between participants. They address the two rules a contract can
  fix: ``dependence`` (purchases of final producers from the cluster's other participants, under the
  reading the check uses) and ``contracts`` (every participant has a contract with another).
- ``first_contracts`` — each participant without a contract and the partner the plan gives it (or,
  with no plan, its most plausible partner).
- ``missing_roles`` — infrastructure and specialised organisations the composition rules still lack,
  with the region's enterprises of that kind that could join.
- ``invite`` — the OKVED codes the template wants and the region's enterprises with them that are not
  participants yet.

**Plausible link** (supplier ``s`` → buyer ``b``), every condition a parameter of
:class:`RoadmapParams`:

1. both are participants (the basis the check uses), neither is the specialised organisation (it
   manages the cluster and does not sell its products), ``s ≠ b``, and ``s`` does not already supply
   ``b`` in ``year`` (a new contract, not a bigger one);
2. the buyer's product uses the supplier's product: the aggregated technical coefficient
   ``a_sb`` between their OKVED 2 codes in Rosstat's 2021 symmetric table of **total** use (domestic
   and imported — the technology, whoever supplies it; :mod:`analytics.metrics.io_links`) is at least
   ``min_coefficient``;
3. the value fits: ``v_sb ≤ room_b = purchases_b − purchases of b from participants already`` (money a
   buyer already spends outside the cluster is what can move), ``Σ_b v_sb ≤ max_supplier_share ·
   revenue_s`` (new sales of one supplier), and ``v_sb ≥ min_link_mln_rub``.

**Smallest set** — a mixed-integer programme (scipy ``milp``, HiGHS branch and bound), ``y_sb ∈ {0,1}``
(the contract is proposed), ``v_sb ≥ 0`` (its value, mln ₽)::

    min Σ y               (stage 1: fewest new contracts)
    min Σ v  s.t. Σ y ≤ k*  (stage 2: least money among the plans with k* contracts)
    s.t.  min_link·y ≤ v ≤ U_sb·y,  U_sb = min(room_b, cap_s)
          Σ_{s,b counting} v ≥ need = threshold · P − purchases from participants now   (dependence)
          Σ_b v_sb ≤ cap_s,   Σ_s v_sb ≤ room_b
          Σ_{pairs touching u} y ≥ 1  for every participant u without a contract          (contracts)

``P`` = Σ purchases of final producers (``enterprise_years.purchases_mln_rub``); new purchases from
participants replace purchases from outside, so ``P`` stays. A pair *counts* for dependence when the
buyer is a final producer (industrial, core role, purchases known) and, under the default reading
(``"others"``), the supplier is not a final producer. Both stages are solved to a zero relative gap;
the status says ``optimal`` (both proven), ``time_limit`` (a plan found, ``gap`` = the solver's relative
MIP gap of the stage that stopped) or ``no_solution`` (``why``: which rule cannot be met and the
numbers that bind). Values are rounded up to 0.001 mln ₽ (one thousand roubles) so that the recorded
links pass the check exactly.

A large problem (more than :data:`REDUCE_ABOVE_PAIRS` pairs) is first solved on a shortlist — the few
best pairs of each supplier and of each participant without a contract. That plan is feasible for the
full problem; it is returned as ``optimal`` only when it meets lower bounds computed over all pairs
(:func:`_proven`: the fewest contracts the dependence needs, by a greedy bound that relaxes the
buyers' purchases, plus one contract per two participants no counting pair touches; money
≥ the gap plus the minimum contracts). Otherwise the full programme is solved.

Parameter defaults are **method choices** of this project, not law (reasoning beside each constant).
Money in mln ₽, shares 0–1.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

import duckdb
import numpy as np
import pandas as pd
from scipy import sparse
from scipy.optimize import Bounds, LinearConstraint, linprog, milp

from analytics.data.rosstat_io import load_io_tables
from analytics.metrics import io_links
from analytics.models import clusters, registry
from analytics.models.clusters import isin
from analytics.models.registry import RegistryParams, RegistryResult

IO_DIR = Path(__file__).resolve().parents[2] / "data" / "io2021"

#: Method choice: 0.01 ₽ of the supplier's product per 1 ₽ of the buyer's output. In the 2021 table a
#: product has a median of 10 inputs at or above it (the material inputs of its cost structure); for
#: motor vehicles (047) it keeps rubber (0.014) and plastics (0.013) and drops electricity (0.008) and
#: R&D services — inputs that are bought, but not from a cluster supplier.
MIN_COEFFICIENT = 0.01
#: Method choice: a supplier's new sales to participants at most a quarter of its revenue of ``year``.
#: A quarter of a year's sales is a major new customer; more means new capacity — an investment
#: project, not a contract to sign this year.
MAX_SUPPLIER_SHARE = 0.25
#: Method choice: the smallest contract proposed, 0.1 mln ₽ (100 thousand ₽): below it a purchase is a
#: one-off, not cooperation worth filing.
MIN_LINK_MLN_RUB = 0.1
#: Seconds per optimisation stage before the best plan found so far is returned with its gap.
TIME_LIMIT_S = 20.0
#: Above this many candidate pairs the programme is first solved on a shortlist (the few largest pairs
#: of each supplier and each participant without a contract); the shortlist's plan is kept only when
#: lower bounds over all pairs prove it optimal (:func:`_proven`), else the full programme runs.
REDUCE_ABOVE_PAIRS = 800
SHORTLIST_PER_END = 3

Status = Literal["optimal", "no_solution", "time_limit"]
#: Columns of ``links``: ``reason`` is an English sentence for logs and notebooks; the page and the pack
#: compose their own words from ``io_coefficient`` and the two OKVED codes.
LINK_COLUMNS = (
    "supplier_inn",
    "buyer_inn",
    "value_mln_rub",
    "io_coefficient",
    "reason",
    "purpose",
    "supplier_okved",
    "buyer_okved",
    "supplier_ru",
    "supplier_en",
    "buyer_ru",
    "buyer_en",
)


@dataclass(frozen=True)
class RoadmapParams:
    """How plausible and how small a plan must be (module docstring; defaults are method choices)."""

    min_coefficient: float = MIN_COEFFICIENT  #: ₽ of the supplier's product per ₽ of the buyer's output
    max_supplier_share: float = MAX_SUPPLIER_SHARE  #: new sales of one supplier ÷ its revenue, 0–1
    min_link_mln_rub: float = MIN_LINK_MLN_RUB  #: smallest contract, mln ₽
    time_limit: float = TIME_LIMIT_S  #: seconds per optimisation stage

    def __post_init__(self) -> None:
        if not 0 <= self.min_coefficient <= 1:
            raise ValueError(f"min_coefficient must be 0–1, not {self.min_coefficient}")
        if not 0 < self.max_supplier_share <= 1:
            raise ValueError(f"max_supplier_share must be in (0, 1], not {self.max_supplier_share}")
        if self.min_link_mln_rub <= 0 or self.time_limit <= 0:
            raise ValueError("min_link_mln_rub and time_limit must be positive")


@dataclass(frozen=True)
class RegistryRoadmap:
    """A route to the registry for one candidate (see the module docstring)."""

    cluster_id: str
    region: str
    year: int
    before: RegistryResult
    links: pd.DataFrame  #: LINK_COLUMNS; ``purpose``: "dependence", "contract" or "both"
    first_contracts: (
        pd.DataFrame
    )  #: inn, name_ru, name_en, partner_inn, partner_ru, partner_en, direction, io_coefficient, in_plan
    missing_roles: pd.DataFrame  #: rule_id, needed, inn, name_ru, name_en (inn None: none in the region)
    invite: pd.DataFrame  #: okved, role, inn, name_ru, name_en, employees (inn None: none in the region)
    status: Status
    dependence_before: float | None
    dependence_after: float | None
    core_to_core_before: float | None
    core_to_core_after: float | None
    threshold: float | None
    needed_mln_rub: float  #: extra purchases from participants the dependence rule needs
    purchases_mln_rub: float  #: P, the denominator
    addresses: tuple[str, ...]  #: failing rules the links address ("contracts", "dependence")
    why: tuple[dict[str, Any], ...] = ()  #: for no_solution: {"code": ..., numbers}
    gap: float | None = None  #: relative MIP gap when status is time_limit
    candidates: int = 0  #: plausible pairs offered to the optimisation
    excluded_by_io: int = 0  #: pairs that met every other condition but not the coefficient
    todo: tuple[str, ...] = ()  #: what the agency must do by hand (codes; texts in the UI catalog)
    params: RoadmapParams = field(default_factory=RoadmapParams)

    def as_supply_links(self) -> pd.DataFrame:
        """The proposed links as supply-link rows: ``supplier_inn``, ``buyer_inn``, ``value_mln_rub``."""
        return self.links[["supplier_inn", "buyer_inn", "value_mln_rub"]]


@lru_cache(maxsize=1)
def _io_table() -> tuple[pd.DataFrame, pd.DataFrame, pd.Series]:
    tables = load_io_tables(IO_DIR)
    corr = pd.read_csv(IO_DIR / "okpd2_okved2.csv", dtype=str)
    return corr, tables.flows_total, tables.output


def io_coefficients(supplier_codes, buyer_codes) -> pd.DataFrame:
    """Long frame ``supplier_okved``, ``buyer_okved``, ``io_coefficient`` from Rosstat's 2021 table of
    total use (see :mod:`analytics.metrics.io_links`)."""
    corr, flows, output = _io_table()
    wide = io_links.code_coefficients(sorted(set(supplier_codes)), sorted(set(buyer_codes)), corr, flows, output)
    return wide.stack(future_stack=True).rename("io_coefficient").reset_index()


def _participants(result: RegistryResult, members: pd.DataFrame) -> pd.DataFrame:
    if result.participants_basis == "declared":
        return members[members["declared"].astype(bool)]
    return members


def _round_up(values: np.ndarray) -> np.ndarray:
    return np.ceil(np.round(values * 1000.0, 6)) / 1000.0


def _candidate_pairs(
    part: pd.DataFrame,
    links: pd.DataFrame,
    final_all: pd.Series,
    final_inns: pd.Series,
    reading: str,
    coefficients: pd.DataFrame,
    params: RoadmapParams,
    need: float,
    unlinked: list[str],
) -> tuple[pd.DataFrame, int]:
    producing = part[part["kind"] != "specialised"]
    inside = links[isin(links["supplier_inn"], part["inn"]) & isin(links["buyer_inn"], part["inn"])]
    bought_inside = inside.groupby("buyer_inn")["value_mln_rub"].sum()
    sup = producing[producing["revenue_mln_rub"].fillna(0.0) > 0][["inn", "okved", "revenue_mln_rub"]]
    sup = sup.assign(cap=params.max_supplier_share * sup["revenue_mln_rub"])
    sup = sup[sup["cap"] >= params.min_link_mln_rub - 1e-12]
    buy = producing[producing["purchases_mln_rub"].notna()][["inn", "okved", "purchases_mln_rub"]]
    buy = buy.assign(room=buy["purchases_mln_rub"] - buy["inn"].map(bought_inside).fillna(0.0))
    buy = buy[buy["room"] >= params.min_link_mln_rub - 1e-12]
    pairs = sup.rename(columns={"inn": "supplier_inn", "okved": "supplier_okved"})[
        ["supplier_inn", "supplier_okved", "cap"]
    ].merge(
        buy.rename(columns={"inn": "buyer_inn", "okved": "buyer_okved"})[["buyer_inn", "buyer_okved", "room"]],
        how="cross",
    )
    pairs = pairs[pairs["supplier_inn"] != pairs["buyer_inn"]]
    if len(inside):
        existing = inside[["supplier_inn", "buyer_inn"]].assign(_old=True)
        pairs = pairs.merge(existing, on=["supplier_inn", "buyer_inn"], how="left")
        pairs = pairs[pairs["_old"].isna()].drop(columns="_old")
    counts = isin(pairs["buyer_inn"], final_inns)
    if reading == "others":
        counts &= ~isin(pairs["supplier_inn"], final_all)
    pairs = pairs.assign(counts=np.asarray(counts) & (need > 0))
    touch = isin(pairs["supplier_inn"], unlinked) | isin(pairs["buyer_inn"], unlinked)
    pairs = pairs[pairs["counts"].to_numpy() | np.asarray(touch)]
    pairs = pairs.merge(coefficients, on=["supplier_okved", "buyer_okved"], how="left")
    plausible = pairs["io_coefficient"].fillna(0.0) >= params.min_coefficient
    excluded = int((~plausible).sum())
    pairs = pairs[plausible].copy()
    pairs["upper"] = np.minimum(pairs["cap"], pairs["room"])
    return pairs.reset_index(drop=True), excluded


def _constraints(
    pairs: pd.DataFrame, need: float, unlinked: list[str], params: RoadmapParams
) -> list[LinearConstraint]:
    n = len(pairs)
    eye = sparse.identity(n, format="csr")
    rows = [
        LinearConstraint(sparse.hstack([-sparse.diags(pairs["upper"].to_numpy()), eye]), -np.inf, 0.0),
        LinearConstraint(sparse.hstack([-params.min_link_mln_rub * eye, eye]), 0.0, np.inf),
    ]
    zeros = sparse.csr_matrix((1, n))
    if need > 0:
        rows.append(
            LinearConstraint(sparse.hstack([zeros, sparse.csr_matrix(pairs["counts"].to_numpy(float))]), need, np.inf)
        )
    for key, bound in (("supplier_inn", "cap"), ("buyer_inn", "room")):
        codes, uniques = pd.factorize(pairs[key])
        group = sparse.csr_matrix((np.ones(n), (codes, np.arange(n))), shape=(len(uniques), n))
        limit = pairs.groupby(key, sort=False)[bound].first().reindex(uniques).to_numpy()
        rows.append(LinearConstraint(sparse.hstack([sparse.csr_matrix(group.shape), group]), -np.inf, limit))
    if unlinked:
        index = {u: i for i, u in enumerate(unlinked)}
        r, c = [], []
        for k, (s, b) in enumerate(zip(pairs["supplier_inn"], pairs["buyer_inn"])):
            for end in (s, b):
                if end in index:
                    r.append(index[end])
                    c.append(k)
        touch = sparse.csr_matrix((np.ones(len(r)), (r, c)), shape=(len(unlinked), n))
        rows.append(LinearConstraint(sparse.hstack([touch, sparse.csr_matrix(touch.shape)]), 1.0, np.inf))
    return rows


def _max_addable(pairs: pd.DataFrame) -> float:
    """Largest Σ v over counting pairs under the caps (a linear programme: no minimum contract)."""
    part = pairs[pairs["counts"]]
    if part.empty:
        return 0.0
    n = len(part)
    rows, limits = [], []
    for key, bound in (("supplier_inn", "cap"), ("buyer_inn", "room")):
        codes, uniques = pd.factorize(part[key])
        rows.append(sparse.csr_matrix((np.ones(n), (codes, np.arange(n))), shape=(len(uniques), n)))
        limits.append(part.groupby(key, sort=False)[bound].first().reindex(uniques).to_numpy())
    res = linprog(
        -np.ones(n),
        A_ub=sparse.vstack(rows),
        b_ub=np.concatenate(limits),
        bounds=list(zip(np.zeros(n), part["upper"].to_numpy())),
        method="highs",
    )
    return float(-res.fun) if res.status == 0 else 0.0


def solve(
    pairs: pd.DataFrame, need: float, unlinked: list[str], params: RoadmapParams = RoadmapParams()
) -> tuple[np.ndarray, Status, float | None, tuple[dict, ...]]:
    """The two-stage programme of the module docstring on candidate ``pairs`` (``supplier_inn``,
    ``buyer_inn``, ``cap``, ``room``, ``upper``, ``counts``). Returns the values per pair (0 = not
    proposed), the status, the gap (time limit only) and, without a solution, why."""
    n = len(pairs)
    why: list[dict[str, Any]] = []
    touched = set(pairs["supplier_inn"]) | set(pairs["buyer_inn"])
    alone = [u for u in unlinked if u not in touched]
    if alone:
        why.append({"code": "no_partner", "inns": alone, "count": len(alone)})
    if need > 0:
        most = _max_addable(pairs)
        if most < need - 1e-9:
            part = pairs[pairs["counts"]]
            why.append(
                {
                    "code": "capacity",
                    "needed_mln_rub": need,
                    "max_mln_rub": most,
                    "suppliers_cap_mln_rub": float(part.groupby("supplier_inn")["cap"].first().sum()),
                    "buyers_room_mln_rub": float(part.groupby("buyer_inn")["room"].first().sum()),
                    "pairs": len(part),
                }
            )
    if why:
        return np.zeros(n), "no_solution", None, tuple(why)
    if need <= 0 and not unlinked:
        return np.zeros(n), "optimal", None, ()
    if n > REDUCE_ABOVE_PAIRS:
        keep = _shortlist(pairs, unlinked)
        sub = pairs[keep].reset_index(drop=True)
        values, status, gap, k, total = _two_stage(sub, need, unlinked, params)
        if status == "optimal" and _proven(pairs, need, unlinked, params, k, total):
            full = np.zeros(n)
            full[np.flatnonzero(keep)] = values
            return full, "optimal", None, ()
    values, status, gap, _, _ = _two_stage(pairs, need, unlinked, params)
    if status == "no_solution":
        return values, status, None, ({"code": "joint" if gap is None else "solver", "message": ""},)
    return values, status, gap, ()


def _shortlist(pairs: pd.DataFrame, unlinked: list[str]) -> np.ndarray:
    """Pairs kept for the first, small programme: the :data:`SHORTLIST_PER_END` best counting pairs of
    each supplier and the best pairs of each participant without a contract. Best: touching more
    participants without a contract, counting, larger ``upper``, larger coefficient; equal pairs in a
    fixed pseudo-random order (a hash of the two INNs), so that suppliers spread over the buyers."""
    ends = isin(pairs["supplier_inn"], unlinked).astype(int) + isin(pairs["buyer_inn"], unlinked).astype(int)
    spread = pd.util.hash_pandas_object(pairs[["supplier_inn", "buyer_inn"]], index=False).to_numpy()
    order = pairs.assign(_ends=ends, _spread=spread).sort_values(
        ["_ends", "counts", "upper", "io_coefficient", "_spread"], ascending=False
    )
    keep = set(order[order["counts"]].groupby("supplier_inn", sort=False).head(SHORTLIST_PER_END).index)
    touching = order[order["_ends"] > 0]
    for column in ("supplier_inn", "buyer_inn"):
        mine = touching[isin(touching[column], unlinked)]
        keep |= set(mine.groupby(column, sort=False).head(SHORTLIST_PER_END).index)
    mask = np.zeros(len(pairs), dtype=bool)
    mask[sorted(keep)] = True
    return mask


def _fewest_for_dependence(pairs: pd.DataFrame, need: float) -> int:
    """A lower bound on the contracts the dependence rule needs: the most k contracts can add, with each
    supplier's total within its cap and each contract within its ``upper`` (buyers' rooms relaxed), is
    the sum of the k largest marginal gains — concave per supplier, so taken greedily."""
    if need <= 0:
        return 0
    gains: list[float] = []
    part = pairs[pairs["counts"]]
    for cap, uppers in zip(
        part.groupby("supplier_inn")["cap"].first(),
        part.groupby("supplier_inn")["upper"].apply(lambda u: np.sort(u.to_numpy())[::-1]),
    ):
        reach = np.minimum(cap, np.cumsum(uppers))
        gains.extend(np.diff(np.concatenate([[0.0], reach])).tolist())
    reached = np.cumsum(np.sort(np.asarray(gains))[::-1])
    hit = np.flatnonzero(reached >= need - 1e-9)
    return int(hit[0]) + 1 if len(hit) else len(gains) + 1


def _proven(pairs: pd.DataFrame, need: float, unlinked: list[str], params: RoadmapParams, k: int, total: float) -> bool:
    """Whether a plan found on the shortlist is optimal over all ``pairs``. Lower bounds over all pairs:
    contracts ≥ those the dependence needs (:func:`_fewest_for_dependence`) + ⌈n/2⌉, n = participants
    without a contract that no counting pair touches (their contracts add nothing to dependence, and
    one contract touches at most two of them); money ≥ need + the minimum contract × ⌈n/2⌉, and ≥ k
    minimum contracts. The plan is proven when it meets both bounds."""
    counting = pairs[pairs["counts"]]
    covered = set(counting["supplier_inn"]) | set(counting["buyer_inn"])
    extra = math.ceil(sum(u not in covered for u in unlinked) / 2)
    fewest = _fewest_for_dependence(pairs, need) + extra
    least = max(max(need, 0.0) + extra * params.min_link_mln_rub, k * params.min_link_mln_rub)
    return k <= fewest and total <= least * (1 + 1e-9) + 1e-6


def _two_stage(
    pairs: pd.DataFrame, need: float, unlinked: list[str], params: RoadmapParams
) -> tuple[np.ndarray, Status, float | None, int, float]:
    """Stage 1: fewest contracts; stage 2: least money with that many. Values per pair (rounded up to
    0.001 mln ₽), status, gap, the number of contracts and the stage-2 objective (before rounding)."""
    n = len(pairs)
    rows = _constraints(pairs, need, unlinked, params)
    integrality = np.concatenate([np.ones(n), np.zeros(n)])
    bounds = Bounds(np.zeros(2 * n), np.concatenate([np.ones(n), pairs["upper"].to_numpy()]))
    options = {"mip_rel_gap": 0.0, "time_limit": params.time_limit}
    first = milp(
        np.concatenate([np.ones(n), np.zeros(n)]),
        constraints=rows,
        integrality=integrality,
        bounds=bounds,
        options=options,
    )
    if first.x is None:
        return np.zeros(n), "no_solution", None if first.status == 2 else float("nan"), 0, 0.0
    status: Status = "optimal" if first.status == 0 else "time_limit"
    gap = None if first.status == 0 else float(first.mip_gap or 0.0)
    k = math.floor(float(np.round(first.x[:n]).sum()) + 0.5)
    fewest = LinearConstraint(sparse.csr_matrix(np.concatenate([np.ones(n), np.zeros(n)])), -np.inf, k)
    second = milp(
        np.concatenate([np.zeros(n), np.ones(n)]),
        constraints=[*rows, fewest],
        integrality=integrality,
        bounds=bounds,
        options=options,
    )
    best = second if second.x is not None else first
    if second.x is None or second.status != 0:
        status = "time_limit"
        gap = float(second.mip_gap or 0.0) if second.x is not None else gap
    chosen = np.round(best.x[:n]) > 0.5
    values = np.where(chosen, np.minimum(_round_up(best.x[n:]), pairs["upper"].to_numpy()), 0.0)
    values = np.where(chosen, np.maximum(values, params.min_link_mln_rub), 0.0)
    return values, status, gap, int(chosen.sum()), float(best.x[n:][chosen].sum())


def _names(members: pd.DataFrame) -> tuple[dict, dict]:
    ru = dict(zip(members["inn"], members["name_ru"]))
    en = dict(zip(members["inn"], members["name_en"].fillna(members["name_ru"])))
    return ru, en


def _reason(row) -> str:
    return (
        f"the buyer's product (OKVED {row.buyer_okved}) uses the supplier's product (OKVED "
        f"{row.supplier_okved}) at a = {row.io_coefficient:.4f} ₽ per ₽ of output (Rosstat IO table 2021)"
    )


def plan(
    members: pd.DataFrame,
    links: pd.DataFrame,
    before: RegistryResult,
    *,
    coefficients: pd.DataFrame | None = None,
    definitions: pd.DataFrame | None = None,
    params: RoadmapParams = RoadmapParams(),
) -> RegistryRoadmap:
    """The roadmap on given data (no store): ``members`` and ``links`` as :func:`registry.evaluate`
    takes them (``okved`` too), ``before`` their registry check; ``coefficients`` a long frame
    ``supplier_okved``, ``buyer_okved``, ``io_coefficient`` (default: Rosstat's 2021 table,
    :func:`io_coefficients`); ``definitions`` the template's ``okved`` and ``role`` (for ``invite``)."""
    part = _participants(before, members)
    final_all = part[(part["kind"] == "industrial") & (part["role"] == "core")]
    final = final_all[final_all["purchases_mln_rub"].notna()]
    dep = before.rule("dependence")
    contracts = before.rule("contracts")
    reading = before.params.dependence_suppliers
    details = dep.details
    denominator = float(details.get("purchases_mln_rub", final["purchases_mln_rub"].sum()))
    numerator = details.get("purchases_from_participants_mln_rub")
    with_core = details.get("share_with_core_to_core")
    need = 0.0
    addresses: list[str] = []
    why_pre: list[dict[str, Any]] = []
    if dep.status == "fail":
        need = max(0.0, dep.threshold * denominator - float(numerator))
        addresses.append("dependence")
    elif dep.status == "not_enough_data":
        why_pre.append({"code": "dependence_no_data", "reason": (dep.missing or {}).get("code")})
    if contracts.status == "not_enough_data":
        why_pre.insert(0, {"code": "contracts_no_data", "reason": (contracts.missing or {}).get("code")})
    unlinked = list((contracts.missing or {}).get("inns", [])) if contracts.status == "fail" else []
    if unlinked:
        addresses.insert(0, "contracts")
    if coefficients is None:
        producing = part[part["kind"] != "specialised"]
        coefficients = io_coefficients(producing["okved"], producing["okved"])
    pairs, excluded = _candidate_pairs(
        part, links, final_all["inn"], final["inn"], reading, coefficients, params, need, unlinked
    )
    values, status, gap, why = solve(pairs, need, unlinked, params)
    ru, en = _names(members)
    chosen = pairs[values > 0].assign(value_mln_rub=values[values > 0])
    touches = isin(chosen["supplier_inn"], unlinked) | isin(chosen["buyer_inn"], unlinked)
    chosen["purpose"] = np.where(
        chosen["counts"] & touches, "both", np.where(chosen["counts"], "dependence", "contract")
    )
    chosen["reason"] = [_reason(r) for r in chosen.itertuples()]
    chosen["supplier_ru"] = chosen["supplier_inn"].map(ru)
    chosen["supplier_en"] = chosen["supplier_inn"].map(en)
    chosen["buyer_ru"] = chosen["buyer_inn"].map(ru)
    chosen["buyer_en"] = chosen["buyer_inn"].map(en)
    out_links = chosen.sort_values(["value_mln_rub", "supplier_inn"], ascending=[False, True])[list(LINK_COLUMNS)]
    out_links = out_links.reset_index(drop=True)

    fd_before = dep.measured
    fd_after = ctc_after = None
    if fd_before is not None and denominator > 0:
        to_final = out_links[isin(out_links["buyer_inn"], final["inn"])]
        counting = chosen.loc[chosen["counts"], "value_mln_rub"].sum() if len(chosen) else 0.0
        fd_after = (float(numerator) + float(counting)) / denominator
        ctc_after = float(with_core) + float(to_final["value_mln_rub"].sum()) / denominator
    return RegistryRoadmap(
        before.cluster_id,
        before.region,
        before.year,
        before,
        out_links,
        _first_contracts(unlinked, out_links, pairs, ru, en),
        _missing_roles(before, members, ru, en),
        _invite(part, members, definitions),
        status,
        fd_before,
        fd_after,
        with_core,
        ctc_after,
        dep.threshold,
        need,
        denominator,
        tuple(addresses),
        tuple(why_pre) + tuple(why),
        gap,
        len(pairs),
        excluded,
        _todo(before, status, out_links, why),
        params,
    )


def _first_contracts(unlinked: list[str], links: pd.DataFrame, pairs: pd.DataFrame, ru: dict, en: dict) -> pd.DataFrame:
    rows = []
    for u in unlinked:
        mine = links[(links["supplier_inn"] == u) | (links["buyer_inn"] == u)]
        in_plan = not mine.empty
        if not in_plan:
            mine = pairs[(pairs["supplier_inn"] == u) | (pairs["buyer_inn"] == u)].sort_values(
                "io_coefficient", ascending=False
            )
        if mine.empty:
            rows.append({"inn": u, "partner_inn": None, "direction": None, "io_coefficient": None, "in_plan": False})
            continue
        top = mine.iloc[0]
        sells = top["supplier_inn"] == u
        rows.append(
            {
                "inn": u,
                "partner_inn": top["buyer_inn"] if sells else top["supplier_inn"],
                "direction": "sells_to" if sells else "buys_from",
                "io_coefficient": float(top["io_coefficient"]),
                "in_plan": in_plan,
            }
        )
    frame = pd.DataFrame(rows, columns=["inn", "partner_inn", "direction", "io_coefficient", "in_plan"])
    frame.insert(1, "name_ru", frame["inn"].map(ru))
    frame.insert(2, "name_en", frame["inn"].map(en))
    frame["partner_ru"] = frame["partner_inn"].map(ru)
    frame["partner_en"] = frame["partner_inn"].map(en)
    return frame


def _missing_roles(before: RegistryResult, members: pd.DataFrame, ru: dict, en: dict) -> pd.DataFrame:
    rows = []
    for rule_id in ("infrastructure", "specialised"):
        rule = before.rule(rule_id)
        if rule.status != "fail":
            continue
        needed = int((rule.missing or {}).get("missing", rule.threshold - (rule.measured or 0)))
        inns = (rule.missing or {}).get("inns") or [None]
        rows += [{"rule_id": rule_id, "needed": needed, "inn": inn} for inn in inns]
    frame = pd.DataFrame(rows, columns=["rule_id", "needed", "inn"])
    frame["name_ru"] = frame["inn"].map(ru)
    frame["name_en"] = frame["inn"].map(en)
    return frame


def _invite(part: pd.DataFrame, members: pd.DataFrame, definitions: pd.DataFrame | None) -> pd.DataFrame:
    columns = ["okved", "role", "inn", "name_ru", "name_en", "employees"]
    if definitions is None or definitions.empty:
        return pd.DataFrame(columns=columns)
    outside = members[~isin(members["inn"], part["inn"]) & (members["kind"] == "industrial")]
    rows = []
    for code, role in zip(definitions["okved"], definitions["role"]):
        found = outside[outside["okved"].astype(str).str.startswith(str(code))]
        if found.empty:
            rows.append({"okved": code, "role": role, "inn": None, "name_ru": None, "name_en": None, "employees": None})
        for r in found.itertuples():
            rows.append(
                {
                    "okved": code,
                    "role": role,
                    "inn": r.inn,
                    "name_ru": r.name_ru,
                    "name_en": r.name_en,
                    "employees": r.employees,
                }
            )
    frame = pd.DataFrame(rows, columns=columns).drop_duplicates("inn", keep="first")
    return frame.sort_values(["okved", "employees"], ascending=[True, False], na_position="last").reset_index(drop=True)


def _todo(before: RegistryResult, status: Status, links: pd.DataFrame, why: tuple[dict, ...]) -> tuple[str, ...]:
    todo = []
    if len(links):
        todo += ["sign_contracts", "confirm_volumes"]
    if any(w["code"] == "no_partner" for w in why):
        todo.append("service_contracts")
    if status == "no_solution" and any(w["code"] in ("capacity", "joint") for w in why):
        todo.append("widen_suppliers")
    for rule_id, code in (
        ("min_industrial", "invite_members"),
        ("infrastructure", "attract_infrastructure"),
        ("specialised", "appoint_specialised"),
        ("organising", "fewer_organising"),
    ):
        if before.rule(rule_id).status == "fail":
            todo.append(code)
    if any(r.to_verify for r in before.rules):
        todo.append("verify_thresholds")
    todo += ["development_programme", "application_documents"]
    return tuple(todo)


def _definitions(con: duckdb.DuckDBPyConnection, cluster_id: str, codes: tuple[str, ...] | None) -> pd.DataFrame:
    if codes:
        return clusters.codes_definition(cluster_id, codes)
    defs = clusters.template_definitions(con)
    return defs[defs["cluster_id"] == cluster_id]


def registry_roadmap(
    con: duckdb.DuckDBPyConnection,
    cluster_id: str,
    *,
    region: str,
    year: int,
    params: RegistryParams = RegistryParams(),
    min_coefficient: float = MIN_COEFFICIENT,
    max_supplier_share: float = MAX_SUPPLIER_SHARE,
    min_link_mln_rub: float = MIN_LINK_MLN_RUB,
    time_limit: float = TIME_LIMIT_S,
    codes: tuple[str, ...] | None = None,
) -> RegistryRoadmap:
    """The route to the registry for one candidate (a template, or a discovered community by ``codes``)
    in ``region`` and ``year``, under the check's ``params``.

    ``min_coefficient``: least technical coefficient a_sb (₽ of the supplier's product per ₽ of the
    buyer's output, Rosstat 2021) for a pair to be plausible; ``max_supplier_share``: a supplier's new
    sales to participants at most this share of its revenue (0–1); ``min_link_mln_rub``: the smallest
    contract (mln ₽); ``time_limit``: seconds per optimisation stage. Defaults and reasoning: the
    module's constants (method choices)."""
    rp = RoadmapParams(min_coefficient, max_supplier_share, min_link_mln_rub, time_limit)
    members = clusters.members(con, cluster_id, region=region, year=year, codes=codes)
    links = clusters.links_among(con, members["inn"], year)
    before = registry.registry_check(con, cluster_id, region=region, year=year, params=params, codes=codes)
    return plan(members, links, before, definitions=_definitions(con, cluster_id, codes), params=rp)
