"""What moves the answer: selections across budgets, scenarios side by side, a tornado of factors."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from analytics.models.subsidy.allocation import DEFAULT_TIME_LIMIT, _objective_values, allocate
from analytics.models.subsidy.evaluation import Evaluation, evaluate_detail
from analytics.models.subsidy.parameters import RANGES, ParameterError, _number
from analytics.models.subsidy.portfolio import portfolio_summary
from analytics.models.subsidy.projects import Projects
from analytics.models.subsidy.scenario import Scenario


@dataclass(frozen=True)
class BudgetSweep:
    """Selections for several budgets.

    ``membership``: bool DataFrame, one row per candidate project (index ``project_id``), one column
    per budget (in the order given). ``summary``: per budget ``budget_mln_rub, n_selected, value,
    subsidy_mln_rub, optimal, added, dropped`` (ids relative to the previous budget in the list).
    """

    membership: pd.DataFrame
    summary: pd.DataFrame


def budget_sweep(
    projects: Projects | Evaluation,
    scenario: Scenario | None,
    budgets: Sequence[float],
    objective: str = "npv_uplift",
    *,
    time_limit: float = DEFAULT_TIME_LIMIT,
) -> BudgetSweep:
    """Run :func:`allocate` for each annual budget: which projects drop out as the budget moves.

    A knapsack's selection need not be nested: a project may leave when the budget grows and another,
    bigger one fits.
    """
    if isinstance(projects, Evaluation):
        evaluation = projects
    elif scenario is None:
        raise ValueError("budget_sweep needs a scenario")
    else:
        evaluation = evaluate_detail(projects, scenario)
    results = [allocate(evaluation, scenario, objective, budget_mln_rub=b, time_limit=time_limit) for b in budgets]
    table = evaluation.table
    values = _objective_values(table, objective)
    candidate = table["eligible"].to_numpy(dtype=bool) & (evaluation.subsidy.sum(axis=1) > 0) & (values > 0)
    ids = table["project_id"].to_numpy(dtype=object)[candidate]
    membership = pd.DataFrame(
        {b: pd.Series(ids).isin(r.selected).to_numpy() for b, r in zip(budgets, results)},
        index=pd.Index(ids, name="project_id"),
    )
    rows, previous = [], None
    for b, r in zip(budgets, results):
        now = set(r.selected)
        rows.append(
            {
                "budget_mln_rub": b,
                "n_selected": len(r.selected),
                "value": r.value,
                "subsidy_mln_rub": float(r.spend["subsidy_mln_rub"].sum()),
                "optimal": r.optimal,
                "added": tuple(sorted(now - previous)) if previous is not None else (),
                "dropped": tuple(sorted(previous - now)) if previous is not None else (),
            }
        )
        previous = now
    return BudgetSweep(membership=membership, summary=pd.DataFrame(rows))


# --- Scenarios side by side, sensitivity -----------------------------------------------------------

MAX_COMPARED = 3


def compare_scenarios(
    projects: Projects,
    scenarios: Mapping[str, Scenario] | Sequence[tuple[str, Scenario]],
    objective: str = "npv_uplift",
) -> pd.DataFrame:
    """Headline metrics, one column per scenario (at most three), one row per :data:`HEADLINE_METRICS`.

    Each scenario's portfolio is what :func:`allocate` selects under its budget with ``objective``;
    with an unlimited budget, every eligible project.
    """
    items = list(scenarios.items()) if isinstance(scenarios, Mapping) else list(scenarios)
    if not 1 <= len(items) <= MAX_COMPARED:
        raise ParameterError("scenarios", len(items), (1, MAX_COMPARED))
    columns = {}
    for name, scenario in items:
        evaluation = evaluate_detail(projects, scenario, irr=False)
        selected = None if scenario.budget_mln_rub is None else allocate(evaluation, scenario, objective).selected
        columns[name] = portfolio_summary(evaluation, selected)
    out = pd.DataFrame(columns)
    out.index.name = "metric"
    return out


TORNADO_FACTORS: tuple[str, ...] = ("support_rate", "discount_rate", "revenue")
TORNADO_METRICS: tuple[str, ...] = (
    "npv_with_mln_rub",
    "budget_effectiveness",
    "pv_taxes_additional_mln_rub",
    "npv_uplift_mln_rub",
    "subsidy_mln_rub",
)


def tornado(
    projects: Projects,
    scenario: Scenario,
    metric: str = "npv_with_mln_rub",
    delta: float = 0.2,
    *,
    selected: Iterable[str] | None = None,
    factors: Sequence[str] = TORNADO_FACTORS,
) -> pd.DataFrame:
    """Sensitivity of a portfolio metric to each factor moved by ±``delta`` (relative, 0.2 = ±20%).

    Factors: ``support_rate`` (the federal share), ``discount_rate``, ``revenue`` (revenue factor).
    A move that would break a legal limit (a federal share above the regime's maximum) stops at the
    limit and the row says so (``low_limited`` / ``high_limited``) — it is never hidden.
    Portfolio: ``selected`` ids (None: the eligible projects of the base scenario), kept fixed.
    Columns: ``factor, low_input, base_input, high_input, low_value, base_value, high_value,
    low_change, high_change, swing, low_limited, high_limited``; sorted by swing, largest first.
    """
    if metric not in TORNADO_METRICS:
        raise ParameterError("metric", metric, TORNADO_METRICS, "not_an_option")
    delta = _number("delta", delta, 0.0, 1.0)
    base_eval = evaluate_detail(projects, scenario, irr=False)
    chosen = list(base_eval.table["project_id"][base_eval.mask(selected)])
    base_value = portfolio_summary(base_eval, chosen)[metric]
    fields = {"support_rate": "federal_share", "discount_rate": "discount_rate", "revenue": "revenue_factor"}
    limits = {
        "support_rate": (0.0, scenario.regime.max_share),
        "discount_rate": RANGES["discount_rate"],
        "revenue": RANGES["revenue_factor"],
    }
    rows = []
    for factor in factors:
        if factor not in fields:
            raise ParameterError("factor", factor, TORNADO_FACTORS, "not_an_option")
        name = fields[factor]
        base_input = getattr(scenario, name)
        low_limit, high_limit = limits[factor]
        row: dict[str, object] = {"factor": factor, "base_input": base_input, "base_value": base_value}
        if factor == "support_rate":
            high_limit = min(high_limit, 1.0 - scenario.regional_share)
        for side, sign in (("low", -1.0), ("high", 1.0)):
            wanted = base_input * (1.0 + sign * delta)
            used = min(max(wanted, low_limit), high_limit)
            value = portfolio_summary(evaluate_detail(projects, scenario.replace(**{name: used}), irr=False), chosen)[
                metric
            ]
            row[f"{side}_input"] = used
            row[f"{side}_value"] = value
            row[f"{side}_change"] = value - base_value if value is not None and base_value is not None else np.nan
            row[f"{side}_limited"] = not math.isclose(used, wanted, rel_tol=0, abs_tol=1e-15)
        rows.append(row)
    out = pd.DataFrame(
        rows,
        columns=[
            "factor",
            "low_input",
            "base_input",
            "high_input",
            "low_value",
            "base_value",
            "high_value",
            "low_change",
            "high_change",
            "low_limited",
            "high_limited",
        ],
    )
    out["swing"] = (out["high_value"].astype(float) - out["low_value"].astype(float)).abs()
    return out.sort_values("swing", ascending=False, kind="stable").reset_index(drop=True)
