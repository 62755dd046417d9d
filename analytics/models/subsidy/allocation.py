"""Allocation under an annual budget: a 0/1 multi-year knapsack solved by scipy's HiGHS."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy.optimize import Bounds, LinearConstraint, milp

from analytics.models.subsidy.evaluation import Evaluation, evaluate_detail
from analytics.models.subsidy.parameters import OBJECTIVES, RANGES, ParameterError, _number
from analytics.models.subsidy.projects import Projects
from analytics.models.subsidy.scenario import Scenario

#: Up to this many candidate projects the solver is asked to prove optimality (relative gap 0).
EXACT_LIMIT = 200
#: Beyond it: the solver stops within this relative gap of its proven bound (the result says so).
APPROX_GAP = 1e-3
#: Seconds the solver may take; past it the best set found is returned with its proven gap.
DEFAULT_TIME_LIMIT = 10.0


@dataclass(frozen=True)
class Allocation:
    """The projects chosen within the annual budget.

    ``selected``: project ids (sorted); ``value``: the objective's total over them; ``spend``: subsidy
    by year against the budget; ``optimal``: proven optimal; ``gap``: relative gap between ``value`` and
    the solver's bound (0 when optimal; NaN for the greedy fallback, which has no bound);
    ``method``: ``"all"`` (no budget, or everything fits), ``"milp"`` (scipy HiGHS branch and bound),
    ``"greedy"`` (value per budget share; only when the solver found nothing in time).
    """

    selected: tuple[str, ...]
    objective: str
    value: float
    spend: pd.DataFrame
    budget_mln_rub: float | None
    optimal: bool
    gap: float
    method: str
    candidates: int


def _objective_values(table: pd.DataFrame, objective: str) -> np.ndarray:
    if objective not in OBJECTIVES:
        raise ParameterError("objective", objective, tuple(OBJECTIVES), "not_an_option")
    return table[OBJECTIVES[objective]].to_numpy(dtype="float64")


def _greedy(values: np.ndarray, weights: np.ndarray, budget: float) -> np.ndarray:
    """Best value per share of the budget first, each taken when it still fits (no optimality bound).

    A project's share of the budget: its subsidy summed over the years ÷ the annual budget."""
    load = weights.sum(axis=1) / max(budget, 1e-12)
    order = np.argsort(-values / np.maximum(load, 1e-12), kind="stable")
    used = np.zeros(weights.shape[1])
    chosen = np.zeros(len(values), dtype=bool)
    for i in order:  # a fallback only: the solver normally answers
        if np.all(used + weights[i] <= budget * (1 + 1e-12)):
            used += weights[i]
            chosen[i] = True
    return chosen


def _solve(
    values: np.ndarray, weights: np.ndarray, budget: float, *, exact: bool, time_limit: float
) -> tuple[np.ndarray, bool, float, str]:
    """0/1 multi-year knapsack: max values·x subject to weights[:, y]·x ≤ budget for every year."""
    n = len(values)
    if n == 0:
        return np.zeros(0, dtype=bool), True, 0.0, "milp"
    scale = max(float(np.abs(values).max()), 1e-12)
    cols = np.flatnonzero(weights.max(axis=0) > 0)
    constraints = LinearConstraint(weights[:, cols].T, -np.inf, budget) if cols.size else ()
    result = milp(
        -values / scale,
        constraints=constraints,
        integrality=np.ones(n),
        bounds=Bounds(0, 1),
        options={"mip_rel_gap": 0.0 if exact else APPROX_GAP, "time_limit": time_limit},
    )
    if result.x is None:
        return _greedy(values, weights, budget), False, np.nan, "greedy"
    chosen = result.x > 0.5
    # the solver's feasibility tolerance must not let a set exceed the budget
    excess = chosen @ weights - budget
    repaired = False
    while np.any(excess > 1e-9 * max(budget, 1.0)):
        repaired = True
        y = int(np.argmax(excess))
        in_y = np.flatnonzero(chosen & (weights[:, y] > 0))
        drop = in_y[np.argmin(values[in_y] / weights[in_y, y])]
        chosen[drop] = False
        excess = chosen @ weights - budget
    gap = float(result.mip_gap) if result.mip_gap is not None else np.nan
    optimal = result.status == 0 and (exact or gap == 0.0) and not repaired
    return chosen, bool(optimal), 0.0 if optimal else gap, "milp"


def allocate(
    projects: Projects | Evaluation,
    scenario: Scenario | None = None,
    objective: str = "npv_uplift",
    *,
    budget_mln_rub: float | None = None,
    time_limit: float = DEFAULT_TIME_LIMIT,
) -> Allocation:
    """Choose the eligible projects that maximise ``objective`` within the annual budget.

    ``projects`` may be an :class:`Evaluation` already computed for the scenario (a budget sweep
    reuses it). ``budget_mln_rub`` overrides the scenario's annual budget (None: the scenario's; an
    unlimited budget selects every candidate). Candidates are eligible projects with a subsidy and a
    positive objective value; each calendar year's subsidy of the chosen set (federal + regional)
    must fit the annual budget.

    Exact — a 0/1 integer programme solved by scipy's HiGHS and proven optimal (within the solver's
    tolerance of 1e-6 of the largest project value) — up to :data:`EXACT_LIMIT` candidates; beyond,
    the solver stops within :data:`APPROX_GAP` of its proven bound. When ``time_limit`` seconds pass
    first, the best set found is returned with ``optimal=False`` and its proven gap. ``npv_uplift``
    is the hard case: a project's value is almost its own subsidy (a subset-sum problem), and proving
    optimality for 200 projects can take tens of seconds, while a set within 0.1% is found in about
    one. Objectives: :data:`OBJECTIVES`. An :class:`Evaluation` may be passed with another
    ``scenario``: that scenario's budget is then used.
    """
    evaluation = projects if isinstance(projects, Evaluation) else None
    if evaluation is None:
        if scenario is None:
            raise ValueError("allocate needs a scenario")
        evaluation = evaluate_detail(projects, scenario)  # type: ignore[arg-type]
    scenario = evaluation.scenario if scenario is None else scenario
    table = evaluation.table
    values = _objective_values(table, objective)
    budget = (
        scenario.budget_mln_rub
        if budget_mln_rub is None
        else _number("budget_mln_rub", budget_mln_rub, *RANGES["budget_mln_rub"])
    )
    subsidy = evaluation.subsidy
    candidate = table["eligible"].to_numpy(dtype=bool) & (subsidy.sum(axis=1) > 0) & (values > 0)
    idx = np.flatnonzero(candidate)
    weights = subsidy[idx]
    chosen = np.ones(len(idx), dtype=bool)
    optimal, gap, method = True, 0.0, "all"
    if budget is not None and len(idx) and np.any(weights.sum(axis=0) > budget):
        chosen, optimal, gap, method = _solve(
            values[idx], weights, budget, exact=len(idx) <= EXACT_LIMIT, time_limit=time_limit
        )
    picked = idx[chosen]
    ids = tuple(sorted(table["project_id"].to_numpy(dtype=object)[picked]))
    spend = pd.DataFrame({"year": evaluation.years, "subsidy_mln_rub": subsidy[picked].sum(axis=0)})
    spend["budget_mln_rub"] = np.nan if budget is None else budget
    return Allocation(
        selected=ids,
        objective=objective,
        value=float(values[picked].sum()),
        spend=spend,
        budget_mln_rub=budget,
        optimal=optimal,
        gap=gap,
        method=method,
        candidates=len(idx),
    )
