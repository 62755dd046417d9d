"""Names, ranges and the refusal of parameters shared by the subsidy model (codes the page translates).

Shares are 0–1, money mln ₽, years calendar years. A refused value raises :class:`ParameterError`
(never clipped).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

import numpy as np

#: Cost categories of ``project_costs.category`` (the schema's CHECK list, same order).
COST_CATEGORIES: tuple[str, ...] = (
    "rd",
    "design_docs",
    "ip_licences",
    "engineering",
    "equipment",
    "loan_interest",
    "leasing",
    "component_batches",
    "other",
)
CAP_BASES: tuple[str, ...] = ("applicant", "project")
#: ``reported``: a project's reported taxes where the data has them, else the modelled ones;
#: ``rate``: always modelled (by tax type, or the flat ``tax_rate`` when the scenario sets one).
TAX_SOURCES: tuple[str, ...] = ("reported", "rate")
#: What :func:`allocate` maximises: discounted subsidy to participants (= NPV with − NPV without),
#: NPV with support, discounted taxes attributed to support over the horizon, jobs.
OBJECTIVES: dict[str, str] = {
    "npv_uplift": "npv_uplift_mln_rub",
    "npv_with": "npv_with_mln_rub",
    "taxes": "pv_taxes_additional_mln_rub",
    "jobs": "jobs",
}

#: Project-level reasons for ineligibility, in the order they are checked (the first one is the
#: ``reason`` column of :func:`evaluate`; :func:`eligibility` lists all of them).
REASONS: tuple[str, ...] = (
    "cluster_not_registered",  # field cluster_id — the project's cluster is not on the registry
    "outside_regime_period",  # field start_year — the project starts outside the regime's in-force years
    "not_joint",  # field is_joint — the project is not declared a joint project
    "too_few_participants",  # field n_participants — fewer than the regime's minimum
    "stage_not_eligible",  # field stage — the regime does not fund this stage
    "no_eligible_costs",  # field eligible_costs_mln_rub — nothing left after the cost checks
)
#: Cost-row reasons (:func:`cost_eligibility`), in the order they are checked.
COST_REASONS: tuple[str, ...] = (
    "project_not_eligible",
    "outside_horizon",
    "category_not_eligible",
    "before_costs_from",
    "after_costs_to",
    "supplier_missing",
    "supplier_is_applicant",
    "supplier_not_cluster_participant",
)

# Modelling assumptions (not law): starting values of a new scenario, all editable.
DEFAULT_DISCOUNT_RATE = 0.10
DEFAULT_CASH_MARGIN = 0.15  # participants' free cash flow per ₽ of revenue, after costs and taxes
DEFAULT_HORIZON_YEARS = 10
#: Share of the taxes of a project viable without support still credited to support. 0 = the
#: incentive-effect test of state-aid practice taken strictly (a project that happens anyway adds no
#: taxes); no better-sourced default is known to the project.
DEFAULT_ADDITIONALITY = 0.0
#: Years between the cost and its reimbursement (the 2024 selection round reimbursed 2023 costs).
DEFAULT_PAYMENT_LAG_YEARS = 1
#: Taxable profit as a share of gross operating surplus (value added − compensation − other taxes on
#: production): depreciation, interest and losses take the rest. Calibration [to verify]: profit-tax
#: receipts of 2021 (≈ 6.1 trn ₽ at 20 %, i.e. a base of ≈ 30 trn ₽) over the 2021 IO table's surplus
#: (≈ 77 trn ₽) ≈ 0.4.
DEFAULT_PROFIT_SHARE = 0.4
#: Share of project costs that become taxable immovable property. 0: the eligible costs are R&D,
#: licences and equipment; equipment is movable property, untaxed since 2019.
DEFAULT_PROPERTY_SHARE = 0.0

#: Allowed ranges of scenario fields (inclusive). Shares are 0–1, money mln ₽.
RANGES: dict[str, tuple[float, float]] = {
    "federal_share": (0.0, 1.0),  # and never above the regime's max_share
    "regional_share": (0.0, 1.0),  # and federal + regional ≤ 1
    "cap_mln_rub": (0.0, 1e7),  # and never above the regime's legal cap
    "budget_mln_rub": (0.0, 1e7),
    "discount_rate": (0.0, 1.0),
    "tax_rate": (0.0, 1.0),
    "cash_margin": (0.0, 1.0),
    "horizon_years": (1, 50),
    "base_year": (2000, 2100),
    "additionality": (0.0, 1.0),
    "payment_lag_years": (0, 5),
    "profit_share": (0.0, 1.0),
    "property_share": (0.0, 1.0),
    "revenue_factor": (0.0, 10.0),
    "regime.max_share": (0.0, 1.0),
    "regime.cap_mln_rub": (0.0, 1e7),
    "regime.min_participants": (1, 100),
}
_SHARE_TOL = 1e-12  # float noise allowed above a share limit (0.1 + 0.2 style), far below any slider step

#: Headline metrics of a portfolio (rows of :func:`compare_scenarios`), units in the names.
HEADLINE_METRICS: tuple[str, ...] = (
    "n_projects",
    "n_eligible",
    "n_selected",
    "total_costs_mln_rub",
    "subsidy_mln_rub",
    "subsidy_federal_mln_rub",
    "subsidy_regional_mln_rub",
    "peak_annual_subsidy_mln_rub",
    "own_money_mln_rub",
    "leverage",
    "npv_without_mln_rub",
    "npv_with_mln_rub",
    "npv_uplift_mln_rub",
    "pv_subsidy_mln_rub",
    "pv_subsidy_federal_mln_rub",
    "pv_subsidy_regional_mln_rub",
    "taxes_mln_rub",
    "pv_taxes_gross_mln_rub",
    "pv_taxes_additional_mln_rub",
    "pv_taxes_federal_mln_rub",
    "pv_taxes_regional_mln_rub",
    "pv_taxes_local_mln_rub",
    "pv_taxes_social_funds_mln_rub",
    "budget_effectiveness",
    "budget_effectiveness_federal",
    "budget_effectiveness_regional",
    "break_even_year",
    "jobs",
    "jobs_per_mln_rub",
)


# --- Errors ------------------------------------------------------------------------------------------


class ParameterError(ValueError):
    """A parameter refused (never clipped): ``field``, ``value``, ``allowed`` and a ``reason`` code.

    ``allowed`` is ``(low, high)`` for ``reason="out_of_range"`` (inclusive; ``None`` = open end) and a
    tuple of options for ``reason="not_an_option"``; ``reason="not_a_number"`` / ``"not_a_date"`` /
    ``"empty"`` for unparsable text.
    """

    def __init__(self, field: str, value: object, allowed: object, reason: str = "out_of_range"):
        self.field = field
        self.value = value
        self.allowed = allowed
        self.reason = reason
        super().__init__(f"{field}: {value!r} refused ({reason}); allowed: {allowed!r}")


def _number(
    field_name: str, value: object, low: float | None, high: float | None, *, integer: bool = False, tol: float = 0.0
) -> float | int:
    if isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)):
        raise ParameterError(field_name, value, (low, high), "not_a_number")
    number = float(value)
    if not math.isfinite(number):
        raise ParameterError(field_name, value, (low, high), "not_a_number")
    if integer:
        if number != int(number):
            raise ParameterError(field_name, value, (low, high), "not_a_number")
        number = int(number)
    if (low is not None and number < low - tol) or (high is not None and number > high + tol):
        raise ParameterError(field_name, value, (low, high))
    return number


def _option(field_name: str, value: object, options: Sequence[str]) -> str:
    if value not in options:
        raise ParameterError(field_name, value, tuple(options), "not_an_option")
    return str(value)


def _options(field_name: str, values: Iterable[str], options: Sequence[str]) -> tuple[str, ...]:
    """A non-empty subset of ``options``, deduplicated, in the order of ``options``."""
    if isinstance(values, str):
        values = (values,)
    given = tuple(values)
    for v in given:
        _option(field_name, v, options)
    if not given:
        raise ParameterError(field_name, given, tuple(options), "empty")
    return tuple(o for o in options if o in given)
