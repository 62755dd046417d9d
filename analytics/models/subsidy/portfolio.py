"""Portfolio sums of an evaluation: budget balance by year and headline metrics."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from analytics.models.subsidy.evaluation import Evaluation, _recovery_year
from analytics.models.subsidy.parameters import HEADLINE_METRICS


@dataclass(frozen=True)
class BudgetBalance:
    """Budget outlay against the taxes credited to support, by calendar year, for a set of projects.

    ``table`` columns: ``year``, ``subsidy_mln_rub`` (federal + regional, in the year paid),
    ``subsidy_pv_mln_rub``, ``taxes_gross_mln_rub`` and ``taxes_gross_pv_mln_rub`` (all taxes of the
    projects, nominal and discounted), ``taxes_mln_rub``
    (attributed to support), ``taxes_pv_mln_rub`` (attributed, discounted), ``cum_subsidy_pv_mln_rub``,
    ``cum_taxes_pv_mln_rub``, ``balance_mln_rub`` (cumulative discounted attributed taxes − cumulative
    discounted outlay). All present values to the scenario's base year.
    ``break_even_year``: first year from which that balance stays ≥ 0 (None if not within the horizon).
    """

    table: pd.DataFrame
    break_even_year: int | None


def budget_balance(evaluation: Evaluation, selected: Iterable[str] | None = None) -> BudgetBalance:
    """Cumulative discounted budget outlay vs discounted attributed taxes, by year (the break-even chart)."""
    return _balance(evaluation, evaluation.mask(selected))


def _balance(evaluation: Evaluation, m: np.ndarray) -> BudgetBalance:
    subsidy = evaluation.subsidy[m].sum(axis=0)
    subsidy_pv = (evaluation.subsidy[m] * evaluation.discount_all[m]).sum(axis=0)
    taxes = evaluation.taxes_attributed[m].sum(axis=0)
    taxes_pv = (evaluation.taxes_attributed[m] * evaluation.discount[m]).sum(axis=0)
    table = pd.DataFrame(
        {
            "year": evaluation.years,
            "subsidy_mln_rub": subsidy,
            "subsidy_pv_mln_rub": subsidy_pv,
            "taxes_gross_mln_rub": evaluation.taxes[m].sum(axis=0),
            "taxes_gross_pv_mln_rub": (evaluation.taxes[m] * evaluation.discount[m]).sum(axis=0),
            "taxes_mln_rub": taxes,
            "taxes_pv_mln_rub": taxes_pv,
            "cum_subsidy_pv_mln_rub": np.cumsum(subsidy_pv),
            "cum_taxes_pv_mln_rub": np.cumsum(taxes_pv),
        }
    )
    table["balance_mln_rub"] = table["cum_taxes_pv_mln_rub"] - table["cum_subsidy_pv_mln_rub"]
    year = None
    if subsidy.sum() > 0:
        tol = np.array([1e-12 * (subsidy_pv.sum() + taxes_pv.sum())])
        found = _recovery_year(
            (taxes_pv - subsidy_pv)[None, :], tol, evaluation.years, np.array([int(np.argmax(subsidy > 0))])
        )[0]
        year = None if np.isnan(found) else int(found)
    return BudgetBalance(table=table, break_even_year=year)


def portfolio_summary(evaluation: Evaluation, selected: Iterable[str] | None = None) -> pd.Series:
    """Headline metrics (:data:`HEADLINE_METRICS`) of the selected projects (None: the eligible ones).

    Sums of the per-project values; ratios are ratios of sums (leverage = Σ own ÷ Σ subsidy, budget
    effectiveness = Σ PV attributed taxes ÷ Σ PV subsidy, its federal and regional parts likewise,
    jobs per mln ₽ = Σ jobs ÷ Σ subsidy).
    """
    t = evaluation.table
    m = evaluation.mask(selected)

    def column(col: str) -> np.ndarray:
        return t[col].to_numpy(dtype="float64")[m]

    def total(col: str) -> float:
        return float(column(col).sum())

    def ratio(numerator: float, denominator: float) -> float:
        return numerator / denominator if denominator > 0 else np.nan

    subsidy = total("subsidy_mln_rub")
    balance = _balance(evaluation, m)
    alpha = column("attribution")
    values = {
        "n_projects": len(t),
        "n_eligible": int(t["eligible"].sum()),
        "n_selected": int(m.sum()),
        "total_costs_mln_rub": total("total_costs_mln_rub"),
        "subsidy_mln_rub": subsidy,
        "subsidy_federal_mln_rub": total("subsidy_federal_mln_rub"),
        "subsidy_regional_mln_rub": total("subsidy_regional_mln_rub"),
        "peak_annual_subsidy_mln_rub": float(balance.table["subsidy_mln_rub"].max()) if len(balance.table) else 0.0,
        "own_money_mln_rub": total("own_money_mln_rub"),
        "leverage": ratio(total("own_money_mln_rub"), subsidy),
        "npv_without_mln_rub": total("npv_without_mln_rub"),
        "npv_with_mln_rub": total("npv_with_mln_rub"),
        "npv_uplift_mln_rub": total("npv_uplift_mln_rub"),
        "pv_subsidy_mln_rub": total("pv_subsidy_mln_rub"),
        "pv_subsidy_federal_mln_rub": total("pv_subsidy_federal_mln_rub"),
        "pv_subsidy_regional_mln_rub": total("pv_subsidy_regional_mln_rub"),
        "taxes_mln_rub": total("taxes_mln_rub"),
        "pv_taxes_gross_mln_rub": total("pv_taxes_gross_mln_rub"),
        "pv_taxes_additional_mln_rub": total("pv_taxes_additional_mln_rub"),
        "pv_taxes_federal_mln_rub": total("pv_taxes_federal_mln_rub"),
        "pv_taxes_regional_mln_rub": total("pv_taxes_regional_mln_rub"),
        "pv_taxes_local_mln_rub": total("pv_taxes_local_mln_rub"),
        "pv_taxes_social_funds_mln_rub": total("pv_taxes_social_funds_mln_rub"),
        "budget_effectiveness": ratio(total("pv_taxes_additional_mln_rub"), total("pv_subsidy_mln_rub")),
        "budget_effectiveness_federal": ratio(
            float((alpha * column("pv_taxes_federal_mln_rub")).sum()), total("pv_subsidy_federal_mln_rub")
        ),
        "budget_effectiveness_regional": ratio(
            float((alpha * column("pv_taxes_regional_mln_rub")).sum()), total("pv_subsidy_regional_mln_rub")
        ),
        "break_even_year": balance.break_even_year,
        "jobs": total("jobs"),
        "jobs_per_mln_rub": ratio(total("jobs"), subsidy),
    }
    return pd.Series(values, index=list(HEADLINE_METRICS), dtype=object)
