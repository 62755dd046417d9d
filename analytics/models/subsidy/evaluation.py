"""Evaluation of projects under a scenario: eligibility, caps, payment, cash flows, NPV/IRR/payback,
taxes by budget level, their attribution to support, break-even, the per-project table.

Every amount is discounted to one base year (:attr:`Scenario.base_year`, default the first year of the
projects' data): ``d(year) = (1 + r) ** -(year − base_year)``. Support for the costs of year t is paid
in t + ``payment_lag_years``, so the year grid of an :class:`Evaluation` runs ``lag`` years past the
data. Costs, revenue and taxes count within each project's horizon; a payment for costs within the
horizon counts even when it falls after it.

- ``pv_subsidy`` = Σ subsidy paid × d; NPV with = NPV without + ``pv_subsidy``;
- attribution ``α`` of a project's taxes to support: 0 without support (ineligible or no subsidy);
  :attr:`Scenario.additionality` when viable without support (NPV without ≥ 0); 1 when support
  makes it viable (NPV without < 0 ≤ NPV with); 0 when not viable even with support;
- ``pv_taxes_gross`` = Σ taxes × d, split by budget level (``pv_taxes_<level>``, adding up to it);
  ``pv_taxes_additional`` = α × ``pv_taxes_gross``;
- budget effectiveness = ``pv_taxes_additional ÷ pv_subsidy``; federal = α × federal taxes ÷ PV of the
  federal subsidy; regional = α × regional taxes ÷ PV of the regional top-up. A change of base year
  multiplies numerator and denominator by the same factor, so the ratios do not move.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from analytics.metrics.finance import irr_detail, recovery_index
from analytics.models.subsidy import taxes as tax_model
from analytics.models.subsidy.parameters import COST_CATEGORIES, REASONS
from analytics.models.subsidy.projects import Projects, _Arrays
from analytics.models.subsidy.regimes import ProgrammeRegime
from analytics.models.subsidy.scenario import Scenario
from analytics.store.schema import PROJECT_STAGES

LEVELS = tax_model.LEVELS


@dataclass(frozen=True)
class Evaluation:
    """The result of :func:`evaluate_detail`: the per-project table and the year-by-year matrices.

    Matrices are projects × ``years`` (rows in the order of ``table``), mln ₽. ``eligible_costs`` by the
    year of the cost; ``federal`` and ``regional`` subsidy by the year it is *paid*; ``taxes`` (gross,
    within the horizon) and ``taxes_by_level`` by the year due. ``discount`` is each cell's discount
    factor to ``base_year`` (0 outside the horizon); ``discount_all`` the same without the horizon (for
    payments). ``attribution``: α per project (see the module docstring).
    """

    scenario: Scenario
    table: pd.DataFrame
    years: np.ndarray
    eligible_costs: np.ndarray
    federal: np.ndarray
    regional: np.ndarray
    taxes: np.ndarray
    discount: np.ndarray
    discount_all: np.ndarray = field(repr=False, default_factory=lambda: np.zeros((0, 0)))
    taxes_by_level: dict[str, np.ndarray] = field(repr=False, default_factory=dict)
    attribution: np.ndarray = field(repr=False, default_factory=lambda: np.zeros(0))
    base_year: int | None = None

    @property
    def subsidy(self) -> np.ndarray:
        return self.federal + self.regional

    @property
    def taxes_attributed(self) -> np.ndarray:
        """Taxes credited to support: α × gross taxes, projects × years."""
        return self.taxes * self.attribution[:, None]

    def mask(self, selected: Iterable[str] | None) -> np.ndarray:
        """Row mask of ``selected`` project ids (None: the eligible projects)."""
        if selected is None:
            return self.table["eligible"].to_numpy(dtype=bool)
        return self.table["project_id"].isin(set(selected)).to_numpy()


def _stage_mask(regime: ProgrammeRegime) -> np.ndarray:
    return np.array([s in regime.eligible_stages for s in PROJECT_STAGES])


def _category_mask(regime: ProgrammeRegime) -> np.ndarray:
    return np.array([c in regime.eligible_categories for c in COST_CATEGORIES])


def _cost_checks(
    a: _Arrays, scenario: Scenario, in_horizon: np.ndarray, project_ok: np.ndarray
) -> list[tuple[str, np.ndarray]]:
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


def in_force_years(regime: ProgrammeRegime) -> tuple[int | None, int | None]:
    """First and last calendar year of the regime's in-force period (None: open end)."""
    return (
        regime.in_force_from.year if regime.in_force_from else None,
        regime.in_force_to.year if regime.in_force_to else None,
    )


def _project_checks(a: _Arrays, scenario: Scenario) -> list[tuple[str, np.ndarray]]:
    """(reason, project passes) in the order of :data:`REASONS` (without ``no_eligible_costs``)."""
    regime = scenario.regime
    first, last = in_force_years(regime)
    in_force = np.ones(len(a.ids), dtype=bool)
    if first is not None:
        in_force &= a.start_year >= first
    if last is not None:
        in_force &= a.start_year <= last
    registered = np.ones(len(a.ids), dtype=bool) if scenario.assume_registered else a.registered
    return [
        ("cluster_not_registered", registered),
        ("outside_regime_period", in_force),
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


def _horizon(a: _Arrays, scenario: Scenario, n_years: int) -> np.ndarray:
    """Projects × years: True within each project's horizon (from its first year)."""
    offset = np.arange(n_years)[None, :] - a.t0_col[:, None]
    return (offset >= 0) & (offset < scenario.horizon_years)


def _discount_factors(years: np.ndarray, scenario: Scenario) -> tuple[np.ndarray, int | None]:
    """Discount factor of each year to 1 January of the base year, and the base year used."""
    if not len(years):
        return np.zeros(0), scenario.base_year
    base = int(years[0]) if scenario.base_year is None else scenario.base_year
    return (1.0 + scenario.discount_rate) ** (-(years - base).astype("float64")), base


def _eligible_costs(
    a: _Arrays, scenario: Scenario, in_h: np.ndarray, project_ok: np.ndarray, n_years: int
) -> np.ndarray:
    n = len(a.ids)
    row_ok = (
        np.logical_and.reduce([ok for _, ok in _cost_checks(a, scenario, in_h, project_ok)])
        if len(a.c_p)
        else np.zeros(0, dtype=bool)
    )
    return np.bincount(a.c_p * n_years + a.c_y, weights=a.c_amount * row_ok, minlength=n * n_years).reshape(n, n_years)


def _federal_subsidy(a: _Arrays, scenario: Scenario, eligible_costs: np.ndarray) -> np.ndarray:
    """federal_share × E with the running-total caps (regime's legal cap and the scenario's own)."""
    regime = scenario.regime
    federal = scenario.federal_share * eligible_costs
    caps: dict[str, list[float]] = {"project": [], "applicant": []}
    if regime.cap_mln_rub is not None:
        caps[regime.cap_basis].append(regime.cap_mln_rub)
    if scenario.cap_mln_rub is not None:
        caps[scenario.cap_basis].append(scenario.cap_mln_rub)
    if caps["project"]:
        federal = _cap_running_total(federal, min(caps["project"]))
    if caps["applicant"]:
        federal = _cap_by_applicant(federal, a.applicant, a.n_applicants, min(caps["applicant"]))
    return federal


def _paid(by_cost_year: np.ndarray, lag: int) -> np.ndarray:
    """Shift amounts ``lag`` columns right: support for costs of year t is paid in t + lag."""
    if lag == 0:
        return by_cost_year
    out = np.zeros_like(by_cost_year)
    out[:, lag:] = by_cost_year[:, :-lag]
    return out


def _taxes(
    a: _Arrays,
    scenario: Scenario,
    revenue: np.ndarray,
    costs: np.ndarray,
    in_h: np.ndarray,
    years: np.ndarray,
    pad: int,
) -> tuple[np.ndarray, dict[str, np.ndarray]]:
    """Gross taxes and taxes by budget level (projects × years), see :mod:`.taxes`."""
    property_base = scenario.property_share * np.cumsum(costs, axis=1) * in_h
    by_type = tax_model.taxes_by_type(a.tax_shares, years, revenue, property_base, scenario.profit_share)
    total = None
    if scenario.tax_rate is not None:
        total = scenario.tax_rate * revenue
    if scenario.taxes == "reported":
        known = np.pad(a.taxes_known, ((0, 0), (0, pad)))
        reported = np.pad(a.taxes_reported, ((0, 0), (0, pad))) * scenario.revenue_factor * in_h
        if total is None:
            total = sum(tax_model.split_by_level(by_type).values())
        total = np.where(known, reported, total)
    levels = tax_model.split_by_level(by_type, total)
    return sum(levels.values()), levels


def _attribution(
    supported: np.ndarray, npv_without: np.ndarray, npv_with: np.ndarray, additionality: float
) -> np.ndarray:
    """α per project: 0 without support; ``additionality`` when viable without it (NPV without ≥ 0);
    1 when support makes it viable (NPV without < 0 ≤ NPV with); 0 when not viable even with it."""
    alpha = np.where(npv_without >= 0, additionality, np.where(npv_with >= 0, 1.0, 0.0))
    return np.where(supported, alpha, 0.0)


def _irr_pair(flow_without: np.ndarray, flow_with: np.ndarray, supported: np.ndarray, irr: bool = True):
    n = len(flow_without)
    if not n or not irr:
        if n:
            nan, skipped = np.full(n, np.nan), np.full(n, "not_computed", dtype=object)
            return nan, nan.copy(), skipped, skipped.copy()
        empty = np.zeros(0)
        return empty, empty, np.zeros(0, dtype=object), np.zeros(0, dtype=object)
    without = irr_detail(flow_without)
    rate, status = without.rate.copy(), without.status.copy()
    if supported.any():
        again = irr_detail(flow_with[supported])
        rate[supported] = again.rate
        status[supported] = again.status
    return without.rate, rate, without.status, status


def _payback(flows: np.ndarray, discount: np.ndarray, t0_col: np.ndarray) -> np.ndarray:
    """Years from the first year until the cumulative discounted flow stays ≥ 0 (NaN if never)."""
    discounted = flows * discount
    tol = 1e-12 * np.abs(discounted).sum(axis=1)
    if not flows.shape[1]:
        return np.full(len(flows), np.nan)
    return np.maximum(recovery_index(np.cumsum(discounted, axis=1), tol=tol) - t0_col, 0.0)


def _ratio(numerator: np.ndarray, denominator: np.ndarray) -> np.ndarray:
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(denominator > 0, numerator / np.where(denominator > 0, denominator, 1.0), np.nan)


def evaluate_detail(projects: Projects, scenario: Scenario, *, irr: bool = True) -> Evaluation:
    """:func:`evaluate` plus the year-by-year matrices (for charts and portfolio sums). ``irr=False``
    skips the internal rates of return (NaN, status ``not_computed``) — half the time, for callers that
    only sum money (comparison, tornado)."""
    a = projects.arrays
    s = scenario
    lag = s.payment_lag_years
    n, n_data = len(a.ids), len(a.years)
    pad = lag if n_data else 0
    years = np.concatenate([a.years, a.years[-1] + 1 + np.arange(pad)]) if n_data else a.years
    n_years = len(years)
    in_h = _horizon(a, s, n_years)
    d, base_year = _discount_factors(years, s)
    discount_all = np.broadcast_to(d, (n, n_years))
    discount = np.where(in_h, discount_all, 0.0)

    project_checks = _project_checks(a, s)
    project_ok = np.logical_and.reduce([ok for _, ok in project_checks]) if n else np.zeros(0, dtype=bool)
    eligible_costs = _eligible_costs(a, s, in_h, project_ok, n_years)
    e_total = eligible_costs.sum(axis=1)
    eligible = project_ok & (e_total > 0)

    federal_by_cost = _federal_subsidy(a, s, eligible_costs)
    uncapped_total = s.federal_share * e_total
    federal = _paid(federal_by_cost, lag)
    regional = _paid(s.regional_share * eligible_costs, lag)
    subsidy = federal + regional

    costs = np.pad(a.costs, ((0, 0), (0, pad))) * in_h
    revenue = np.pad(a.revenue, ((0, 0), (0, pad))) * (s.revenue_factor * in_h)
    taxes, taxes_by_level = _taxes(a, s, revenue, costs, in_h, years, pad)
    flow_without = s.cash_margin * revenue - costs
    flow_with = flow_without + subsidy

    pv_federal = (federal * discount_all).sum(axis=1)
    pv_regional = (regional * discount_all).sum(axis=1)
    pv_subsidy = pv_federal + pv_regional
    npv_without = (flow_without * discount).sum(axis=1)
    npv_with = npv_without + pv_subsidy
    subsidy_total = subsidy.sum(axis=1)
    supported = eligible & (subsidy_total > 0)
    alpha = _attribution(supported, npv_without, npv_with, s.additionality)
    pv_levels = {level: (m * discount).sum(axis=1) for level, m in taxes_by_level.items()}
    pv_gross = (taxes * discount).sum(axis=1)
    pv_additional = alpha * pv_gross

    first_subsidy_col = np.argmax(subsidy > 0, axis=1) if n_years else np.zeros(n, dtype=np.int64)
    break_even = _recovery_year(
        (alpha[:, None] * taxes * discount) - subsidy * discount_all,
        1e-12 * (pv_subsidy + pv_gross),
        years,
        first_subsidy_col,
    )
    break_even[~supported] = np.nan

    reason = np.full(n, None, dtype=object)
    for code, ok in reversed([*project_checks, ("no_eligible_costs", e_total > 0)]):
        reason[~ok] = code
    irr_without, irr_with, irr_without_status, irr_with_status = _irr_pair(flow_without, flow_with, supported, irr)

    p = projects.projects
    total_costs = costs.sum(axis=1)
    own = total_costs - subsidy_total
    per_subsidy = _ratio(np.ones(n), subsidy_total)
    federal_total = federal.sum(axis=1)
    table = pd.DataFrame(
        {
            # the projects' own columns as they are (no second conversion of their text)
            "project_id": p["project_id"],
            "name_ru": p["name_ru"],
            "name_en": p["name_en"],
            "cluster_id": p["cluster_id"],
            "applicant_inn": p["initiator_inn"],
            "stage": p["stage"],
            "start_year": p["start_year"],
            "jobs": a.jobs,
            "n_participants": a.n_participants,
            "eligible": eligible,
            "reason": pd.Series(reason, dtype=object),
            "total_costs_mln_rub": total_costs,
            "eligible_costs_mln_rub": e_total,
            "subsidy_federal_mln_rub": federal_total,
            "subsidy_regional_mln_rub": regional.sum(axis=1),
            "subsidy_mln_rub": subsidy_total,
            "capped": uncapped_total - federal_total > 1e-9 * np.maximum(1.0, uncapped_total),
            "own_money_mln_rub": own,
            "npv_without_mln_rub": npv_without,
            "npv_with_mln_rub": npv_with,
            "npv_uplift_mln_rub": pv_subsidy,
            "irr_without": irr_without,
            "irr_with": irr_with,
            "irr_without_status": irr_without_status,
            "irr_with_status": irr_with_status,
            "payback_without_years": _payback(flow_without, discount, a.t0_col),
            "payback_with_years": _payback(flow_with, discount_all * (in_h | (subsidy != 0)), a.t0_col),
            "pv_subsidy_mln_rub": pv_subsidy,
            "pv_subsidy_federal_mln_rub": pv_federal,
            "pv_subsidy_regional_mln_rub": pv_regional,
            "taxes_mln_rub": taxes.sum(axis=1),
            "pv_taxes_gross_mln_rub": pv_gross,
            "attribution": alpha,
            "pv_taxes_additional_mln_rub": pv_additional,
            **{f"pv_taxes_{level}_mln_rub": pv_levels[level] for level in LEVELS},
            "budget_effectiveness": _ratio(pv_additional, pv_subsidy),
            "budget_effectiveness_federal": _ratio(alpha * pv_levels["federal"], pv_federal),
            "budget_effectiveness_regional": _ratio(alpha * pv_levels["regional"], pv_regional),
            "break_even_year": break_even,
            "leverage": own * per_subsidy,
            "jobs_per_mln_rub": a.jobs * per_subsidy,
        }
    )
    return Evaluation(
        scenario=s,
        table=table,
        years=years,
        eligible_costs=eligible_costs,
        federal=federal,
        regional=regional,
        taxes=taxes,
        discount=discount,
        discount_all=discount_all,
        taxes_by_level=taxes_by_level,
        attribution=alpha,
        base_year=base_year,
    )


def evaluate(projects: Projects, scenario: Scenario) -> pd.DataFrame:
    """One row per project (sorted by ``project_id``): eligibility and money under ``scenario``.

    Columns: identification (``project_id, name_ru, name_en, cluster_id, applicant_inn, stage,
    start_year, jobs, n_participants``), ``eligible`` and ``reason`` (first failed check, a code of
    :data:`REASONS`; None when eligible), money over the horizon in mln ₽ (``total_costs, eligible_costs,
    subsidy_federal, subsidy_regional, subsidy, own_money`` + ``_mln_rub``; ``capped`` when a cap cut the
    federal subsidy), ``npv_without/with/uplift_mln_rub``, ``irr_without``, ``irr_with`` (shares; NaN
    when none or several — see ``irr_*_status``), ``payback_without/with_years`` (discounted, years
    from the first year; NaN beyond the horizon), ``pv_subsidy_mln_rub`` (and ``_federal``/``_regional``),
    ``taxes_mln_rub`` (gross, nominal), ``pv_taxes_gross_mln_rub``, ``attribution`` (α, 0–1),
    ``pv_taxes_additional_mln_rub`` (α × gross), ``pv_taxes_<level>_mln_rub`` for ``federal, regional,
    local, social_funds`` (gross, adding up to ``pv_taxes_gross_mln_rub``), ``budget_effectiveness``
    (PV attributed taxes ÷ PV subsidy) and its ``_federal`` / ``_regional`` parts, ``break_even_year``
    (first year from which cumulative discounted attributed taxes stay ≥ cumulative discounted
    subsidy), ``leverage`` (own ₽ per subsidy ₽, nominal), ``jobs_per_mln_rub``. Ratios are NaN where
    the subsidy is 0. Money in mln ₽ discounted to :attr:`Evaluation.base_year`; see the module
    docstring for the formulas.
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
        "cluster_not_registered": (
            "cluster_id",
            p["cluster_id"].to_numpy(dtype=object),
            tuple(sorted(projects.registered_clusters or ())) or "registry",
        ),
        "outside_regime_period": ("start_year", a.start_year, in_force_years(regime)),
        "not_joint": ("is_joint", a.is_joint, (True,)),
        "too_few_participants": ("n_participants", a.n_participants, (regime.min_participants, None)),
        "stage_not_eligible": ("stage", p["stage"].to_numpy(dtype=object), regime.eligible_stages),
        "no_eligible_costs": ("eligible_costs_mln_rub", table["eligible_costs_mln_rub"].to_numpy(), (0.0, None)),
    }
    checks = dict(_project_checks(a, scenario))
    checks["no_eligible_costs"] = table["eligible_costs_mln_rub"].to_numpy() > 0
    frames = []
    for code in REASONS:
        failed = ~checks[code]
        if failed.any():
            name, values, allowed = fields[code]
            frames.append(
                pd.DataFrame(
                    {
                        "project_id": a.ids[failed],
                        "reason": code,
                        "field": name,
                        "value": pd.Series(values[failed], dtype=object),
                        "allowed": [allowed] * int(failed.sum()),
                    }
                )
            )
    if not frames:
        return pd.DataFrame(columns=["project_id", "reason", "field", "value", "allowed"])
    out = pd.concat(frames, ignore_index=True)
    order = {code: i for i, code in enumerate(REASONS)}
    return out.sort_values(
        ["project_id", "reason"], key=lambda c: c.map(order) if c.name == "reason" else c, kind="stable"
    ).reset_index(drop=True)


def cost_eligibility(projects: Projects, scenario: Scenario) -> pd.DataFrame:
    """The cost rows with ``eligible`` and ``reason`` (first failed check of :data:`COST_REASONS`)."""
    a = projects.arrays
    n, n_years = len(a.ids), len(a.years)
    offset = np.arange(n_years)[None, :] - a.t0_col[:, None]
    in_h = (offset >= 0) & (offset < scenario.horizon_years)
    project_ok = np.logical_and.reduce([ok for _, ok in _project_checks(a, scenario)]) if n else np.zeros(0, dtype=bool)
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
    taxes, taxes_attributed`` (mln ₽; costs by the year incurred, subsidy by the year paid, gross and
    attributed taxes by the year due) for the selected projects (None: eligible ones), cells with any
    value only."""
    m = evaluation.mask(selected)
    ids = evaluation.table["project_id"].to_numpy(dtype=object)[m]
    years = evaluation.years
    parts = {
        "eligible_costs_mln_rub": evaluation.eligible_costs[m],
        "subsidy_federal_mln_rub": evaluation.federal[m],
        "subsidy_regional_mln_rub": evaluation.regional[m],
        "subsidy_mln_rub": evaluation.subsidy[m],
        "taxes_mln_rub": evaluation.taxes[m],
        "taxes_attributed_mln_rub": evaluation.taxes_attributed[m],
    }
    out = pd.DataFrame(
        {
            "project_id": np.repeat(ids, len(years)),
            "year": np.tile(years, len(ids)),
            **{k: v.ravel() for k, v in parts.items()},
        }
    )
    keep = np.logical_or.reduce([out[k].to_numpy() != 0 for k in parts]) if len(out) else np.zeros(0, dtype=bool)
    return out[keep].reset_index(drop=True)
