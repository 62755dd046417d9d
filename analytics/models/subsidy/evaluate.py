"""Evaluation of projects under a scenario: eligibility, caps, cash flows, NPV/IRR/payback, taxes,
break-even, the per-project table.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from analytics.metrics.finance import irr_detail, recovery_index
from analytics.models.subsidy.parameters import COST_CATEGORIES, REASONS
from analytics.models.subsidy.projects import Projects, _Arrays
from analytics.models.subsidy.regimes import ProgrammeRegime
from analytics.models.subsidy.scenario import Scenario
from analytics.store.schema import PROJECT_STAGES


@dataclass(frozen=True)
class Evaluation:
    """The result of :func:`evaluate_detail`: the per-project table and the year-by-year matrices.

    Matrices are projects × ``years`` (rows in the order of ``table``), mln ₽, within the horizon.
    ``discount`` holds each cell's discount factor (0 outside the horizon).
    """

    scenario: Scenario
    table: pd.DataFrame
    years: np.ndarray
    eligible_costs: np.ndarray
    federal: np.ndarray
    regional: np.ndarray
    taxes: np.ndarray
    discount: np.ndarray

    @property
    def subsidy(self) -> np.ndarray:
        return self.federal + self.regional

    def mask(self, selected: Iterable[str] | None) -> np.ndarray:
        """Row mask of ``selected`` project ids (None: the eligible projects)."""
        if selected is None:
            return self.table["eligible"].to_numpy(dtype=bool)
        return self.table["project_id"].isin(set(selected)).to_numpy()


def _stage_mask(regime: ProgrammeRegime) -> np.ndarray:
    return np.array([s in regime.eligible_stages for s in PROJECT_STAGES])


def _category_mask(regime: ProgrammeRegime) -> np.ndarray:
    return np.array([c in regime.eligible_categories for c in COST_CATEGORIES])


def _cost_checks(a: _Arrays, scenario: Scenario, in_horizon: np.ndarray,
                 project_ok: np.ndarray) -> list[tuple[str, np.ndarray]]:
    """(cost reason, row passes) in the order of :data:`COST_REASONS`."""
    regime = scenario.regime
    lo = regime.costs_from.toordinal() if regime.costs_from else np.iinfo(np.int64).min
    hi = regime.costs_to.toordinal() if regime.costs_to else np.iinfo(np.int64).max
    rule = regime.supplier_in_cluster
    return [
        ("project_not_eligible", project_ok[a.c_p]),
        ("outside_horizon", in_horizon[a.c_p, a.c_y]),
        ("category_not_eligible", _category_mask(regime)[a.c_cat]),
        ("before_costs_from", a.c_first_day >= lo),
        ("after_costs_to", a.c_last_day <= hi),
        ("supplier_missing", ~(rule & a.c_supplier_missing)),
        ("supplier_is_applicant", ~(rule & a.c_supplier_is_applicant)),
        ("supplier_not_cluster_participant", ~(rule & ~a.c_supplier_missing & ~a.c_supplier_in_cluster)),
    ]


def _project_checks(a: _Arrays, regime: ProgrammeRegime) -> list[tuple[str, np.ndarray]]:
    return [
        ("cluster_not_registered", a.registered),
        ("not_joint", a.is_joint),
        ("too_few_participants", a.n_participants >= regime.min_participants),
        ("stage_not_eligible", _stage_mask(regime)[a.stage_code]),
    ]


def _cap_running_total(m: np.ndarray, cap: float) -> np.ndarray:
    """Cap each row's running total over the years at ``cap``: min(share × E, cap − received)."""
    capped = np.minimum(np.cumsum(m, axis=1), cap)
    return np.diff(capped, axis=1, prepend=0.0)


def _cap_by_applicant(m: np.ndarray, applicant: np.ndarray, n_applicants: int, cap: float) -> np.ndarray:
    """Cap each applicant's running total; a capped year is shared among its projects pro rata."""
    n_years = m.shape[1]
    flat = (applicant[:, None] * n_years + np.arange(n_years)).ravel()
    totals = np.bincount(flat, weights=m.ravel(), minlength=n_applicants * n_years).reshape(n_applicants, n_years)
    capped = _cap_running_total(totals, cap)
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.where(totals > 0, capped / totals, 0.0)
    return m * ratio[applicant]


def _recovery_year(gap: np.ndarray, tol: np.ndarray, years: np.ndarray, floor_col: np.ndarray) -> np.ndarray:
    """Calendar year from which cumulative ``gap`` stays ≥ 0 (never before ``floor_col``); NaN if never."""
    idx = recovery_index(np.cumsum(gap, axis=1), tol=tol) if gap.shape[1] else np.full(gap.shape[0], np.nan)
    ok = ~np.isnan(idx)
    out = np.full(gap.shape[0], np.nan)
    cols = np.maximum(np.where(ok, idx, 0).astype(np.int64), floor_col)
    out[ok] = years[np.minimum(cols[ok], len(years) - 1)]
    return out


def evaluate_detail(projects: Projects, scenario: Scenario) -> Evaluation:
    """:func:`evaluate` plus the year-by-year matrices (for charts and portfolio sums)."""
    a = projects.arrays
    s = scenario
    regime = s.regime
    n, n_years = len(a.ids), len(a.years)
    offset = np.arange(n_years)[None, :] - a.t0_col[:, None]
    in_h = (offset >= 0) & (offset < s.horizon_years)
    if s.base_year is None:
        exponent = offset
    else:
        exponent = np.broadcast_to(a.years[None, :] - s.base_year, (n, n_years))
    discount = np.where(in_h, (1.0 + s.discount_rate) ** (-exponent.astype("float64")), 0.0)

    project_checks = _project_checks(a, regime)
    project_ok = np.logical_and.reduce([ok for _, ok in project_checks]) if n else np.zeros(0, dtype=bool)
    row_ok = np.logical_and.reduce([ok for _, ok in _cost_checks(a, s, in_h, project_ok)]) \
        if len(a.c_p) else np.zeros(0, dtype=bool)
    eligible_costs = np.bincount(a.c_p * n_years + a.c_y, weights=a.c_amount * row_ok,
                                 minlength=n * n_years).reshape(n, n_years)
    e_total = eligible_costs.sum(axis=1)
    eligible = project_ok & (e_total > 0)

    uncapped = s.federal_share * eligible_costs
    federal = uncapped
    caps = {"project": [], "applicant": []}
    if regime.cap_mln_rub is not None:
        caps[regime.cap_basis].append(regime.cap_mln_rub)
    if s.cap_mln_rub is not None:
        caps[s.cap_basis].append(s.cap_mln_rub)
    if caps["project"]:
        federal = _cap_running_total(federal, min(caps["project"]))
    if caps["applicant"]:
        federal = _cap_by_applicant(federal, a.applicant, a.n_applicants, min(caps["applicant"]))
    regional = s.regional_share * eligible_costs
    subsidy = federal + regional

    costs = a.costs * in_h
    revenue = a.revenue * (s.revenue_factor * in_h)
    derived = s.tax_rate * revenue
    taxes = derived if s.taxes == "rate" else np.where(a.taxes_known, a.taxes_reported * s.revenue_factor * in_h,
                                                       derived)
    flow_without = s.cash_margin * revenue - costs
    flow_with = flow_without + subsidy

    npv_without = (flow_without * discount).sum(axis=1)
    npv_with = (flow_with * discount).sum(axis=1)
    irr_without = irr_detail(flow_without) if n else None
    supported = subsidy.sum(axis=1) > 0
    irr_with_rate = irr_without.rate.copy() if n else np.zeros(0)
    irr_with_status = irr_without.status.copy() if n else np.zeros(0, dtype=object)
    if supported.any():
        again = irr_detail(flow_with[supported])
        irr_with_rate[supported] = again.rate
        irr_with_status[supported] = again.status

    def payback(flows: np.ndarray) -> np.ndarray:
        discounted = flows * discount
        tol = 1e-12 * np.abs(discounted).sum(axis=1)
        idx = recovery_index(np.cumsum(discounted, axis=1), tol=tol) if n_years else np.full(n, np.nan)
        return np.maximum(idx - a.t0_col, 0.0)

    total_costs = costs.sum(axis=1)
    subsidy_total = subsidy.sum(axis=1)
    pv_taxes = (taxes * discount).sum(axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        per_subsidy = np.where(subsidy_total > 0, 1.0 / np.where(subsidy_total > 0, subsidy_total, 1.0), np.nan)
    first_subsidy_col = np.argmax(subsidy > 0, axis=1) if n_years else np.zeros(n, dtype=np.int64)
    break_even = _recovery_year(taxes * discount - subsidy, 1e-12 * (subsidy_total + pv_taxes), a.years,
                                first_subsidy_col)
    break_even[~supported] = np.nan

    reason = np.full(n, None, dtype=object)
    for code, ok in reversed([*project_checks, ("no_eligible_costs", e_total > 0)]):
        reason[~ok] = code
    reason_column = pd.Series(reason, dtype=object)

    p = projects.projects
    own = total_costs - subsidy_total
    table = pd.DataFrame({
        "project_id": a.ids,
        "name_ru": p["name_ru"].to_numpy(dtype=object),
        "name_en": p["name_en"].to_numpy(dtype=object),
        "cluster_id": p["cluster_id"].to_numpy(dtype=object),
        "applicant_inn": p["initiator_inn"].to_numpy(dtype=object),
        "stage": p["stage"].to_numpy(dtype=object),
        "start_year": p["start_year"].to_numpy(),
        "jobs": a.jobs,
        "n_participants": a.n_participants,
        "eligible": eligible,
        "reason": reason_column,
        "total_costs_mln_rub": total_costs,
        "eligible_costs_mln_rub": e_total,
        "subsidy_federal_mln_rub": federal.sum(axis=1),
        "subsidy_regional_mln_rub": regional.sum(axis=1),
        "subsidy_mln_rub": subsidy_total,
        "capped": uncapped.sum(axis=1) - federal.sum(axis=1) > 1e-9 * np.maximum(1.0, uncapped.sum(axis=1)),
        "own_money_mln_rub": own,
        "npv_without_mln_rub": npv_without,
        "npv_with_mln_rub": npv_with,
        "npv_uplift_mln_rub": npv_with - npv_without,
        "irr_without": irr_without.rate if n else np.zeros(0),
        "irr_with": irr_with_rate,
        "irr_without_status": irr_without.status if n else np.zeros(0, dtype=object),
        "irr_with_status": irr_with_status,
        "payback_without_years": payback(flow_without),
        "payback_with_years": payback(flow_with),
        "taxes_mln_rub": taxes.sum(axis=1),
        "pv_taxes_mln_rub": pv_taxes,
        "budget_effectiveness": pv_taxes * per_subsidy,
        "break_even_year": break_even,
        "leverage": own * per_subsidy,
        "jobs_per_mln_rub": a.jobs * per_subsidy,
    })
    return Evaluation(scenario=s, table=table, years=a.years, eligible_costs=eligible_costs, federal=federal,
                      regional=regional, taxes=taxes, discount=discount)


def evaluate(projects: Projects, scenario: Scenario) -> pd.DataFrame:
    """One row per project (sorted by ``project_id``): eligibility and money under ``scenario``.

    Columns: identification (``project_id, name_ru, name_en, cluster_id, applicant_inn, stage,
    start_year, jobs, n_participants``), ``eligible`` and ``reason`` (first failed check, a code of
    :data:`REASONS`; None when eligible), money over the horizon in mln ₽ (``total_costs, eligible_costs,
    subsidy_federal, subsidy_regional, subsidy, own_money`` + ``_mln_rub``; ``capped`` when a cap cut the
    federal subsidy), ``npv_without/with/uplift_mln_rub``, ``irr_without``, ``irr_with`` (shares; NaN
    when none or several — see ``irr_*_status``), ``payback_without/with_years`` (discounted, years
    from the first year; NaN beyond the horizon), ``taxes_mln_rub``, ``pv_taxes_mln_rub``,
    ``budget_effectiveness`` (discounted taxes per subsidy ₽), ``break_even_year``, ``leverage``
    (own ₽ per subsidy ₽), ``jobs_per_mln_rub``. Ratios are NaN where the subsidy is 0.
    Vectorised over a projects × years matrix: no Python loop over projects.
    """
    return evaluate_detail(projects, scenario).table


def eligibility(projects: Projects, scenario: Scenario) -> pd.DataFrame:
    """Every failed project-level check: ``project_id, reason, field, value, allowed`` (long format).

    ``allowed`` is a tuple of options, ``(low, None)`` for a minimum, or ``"registry"`` for the
    registry check. Eligible projects have no row. Cost-row detail: :func:`cost_eligibility`.
    """
    a = projects.arrays
    regime = scenario.regime
    table = evaluate(projects, scenario)
    p = projects.projects
    fields = {
        "cluster_not_registered": ("cluster_id", p["cluster_id"].to_numpy(dtype=object),
                                   tuple(sorted(projects.registered_clusters or ())) or "registry"),
        "not_joint": ("is_joint", a.is_joint, (True,)),
        "too_few_participants": ("n_participants", a.n_participants, (regime.min_participants, None)),
        "stage_not_eligible": ("stage", p["stage"].to_numpy(dtype=object), regime.eligible_stages),
        "no_eligible_costs": ("eligible_costs_mln_rub", table["eligible_costs_mln_rub"].to_numpy(), (0.0, None)),
    }
    checks = dict(_project_checks(a, regime))
    checks["no_eligible_costs"] = table["eligible_costs_mln_rub"].to_numpy() > 0
    frames = []
    for code in REASONS:
        failed = ~checks[code]
        if failed.any():
            name, values, allowed = fields[code]
            frames.append(pd.DataFrame({
                "project_id": a.ids[failed], "reason": code, "field": name,
                "value": pd.Series(values[failed], dtype=object), "allowed": [allowed] * int(failed.sum()),
            }))
    if not frames:
        return pd.DataFrame(columns=["project_id", "reason", "field", "value", "allowed"])
    out = pd.concat(frames, ignore_index=True)
    order = {code: i for i, code in enumerate(REASONS)}
    return out.sort_values(["project_id", "reason"], key=lambda c: c.map(order) if c.name == "reason" else c,
                           kind="stable").reset_index(drop=True)


def cost_eligibility(projects: Projects, scenario: Scenario) -> pd.DataFrame:
    """The cost rows with ``eligible`` and ``reason`` (first failed check of :data:`COST_REASONS`)."""
    a = projects.arrays
    n, n_years = len(a.ids), len(a.years)
    offset = np.arange(n_years)[None, :] - a.t0_col[:, None]
    in_h = (offset >= 0) & (offset < scenario.horizon_years)
    project_ok = np.logical_and.reduce([ok for _, ok in _project_checks(a, scenario.regime)]) \
        if n else np.zeros(0, dtype=bool)
    out = projects.costs.copy()
    reason = np.full(len(out), None, dtype=object)
    checks = _cost_checks(a, scenario, in_h, project_ok) if len(out) else []
    for code, ok in reversed(checks):
        reason[~ok] = code
    out["eligible"] = pd.isna(reason) if len(out) else np.zeros(0, dtype=bool)
    out["reason"] = pd.Series(reason, index=out.index, dtype=object)
    return out


def subsidy_by_year(evaluation: Evaluation, selected: Iterable[str] | None = None) -> pd.DataFrame:
    """Long table ``project_id, year, eligible_costs, subsidy_federal, subsidy_regional, subsidy,
    taxes`` (mln ₽) for the selected projects (None: eligible ones), cells with any value only."""
    m = evaluation.mask(selected)
    ids = evaluation.table["project_id"].to_numpy(dtype=object)[m]
    years = evaluation.years
    parts = {
        "eligible_costs_mln_rub": evaluation.eligible_costs[m],
        "subsidy_federal_mln_rub": evaluation.federal[m],
        "subsidy_regional_mln_rub": evaluation.regional[m],
        "subsidy_mln_rub": evaluation.subsidy[m],
        "taxes_mln_rub": evaluation.taxes[m],
    }
    out = pd.DataFrame({"project_id": np.repeat(ids, len(years)), "year": np.tile(years, len(ids)),
                        **{k: v.ravel() for k, v in parts.items()}})
    keep = np.logical_or.reduce([out[k].to_numpy() != 0 for k in parts]) if len(out) else np.zeros(0, dtype=bool)
    return out[keep].reset_index(drop=True)
