"""Subsidies to joint projects of industrial-cluster participants (Decree No. 41): what they cost the
budget, what they do for the projects, which projects to fund under a budget.

Flow for a page (sliders → numbers): ::

    projects = load_projects(con)                       # once per data version (cache it)
    scenario = Scenario(regime=regime, federal_share=0.5, budget_mln_rub=400)   # from the widgets
    table = evaluate(projects, scenario)                # one row per project, < 50 ms for 1,000
    chosen = allocate(projects, scenario, "taxes")      # the best set within the annual budget
    balance = budget_balance(evaluate_detail(projects, scenario), chosen.selected)

**Programme regimes** (:class:`ProgrammeRegime`) are rows of editable parameters with their source;
the built-in ones come from :mod:`analytics.models.rules` (2016–2018 joint projects up to 50%, 2019–2022 up
to 30%, from 2023 starting batches of components up to 50% and 150 mln ₽ per applicant). Edited and
new regimes are stored in ``programme_regimes``.

**Subsidy.** For each project and year, eligible costs E (cost rows whose category, date and supplier
the regime accepts, of an eligible project, within the horizon) give a federal subsidy
``federal_share × E`` whose running total is capped (per project and/or per applicant — the
regime's legal cap and the scenario's own cap; an applicant's capped yearly total is shared among its
projects in proportion to their uncapped amounts), plus a regional top-up ``regional_share × E``
(not capped). This is ``min(share × eligible costs, cap − subsidy already received)`` of
``docs/regulations.md``; subsidies received before the first year in the data are not known and not
deducted. The annual programme budget limits the *selection* of projects (:func:`allocate`);
:func:`evaluate` reports what each project would receive if selected.

**Cash flows** (mln ₽, current prices, year by year from the project's first year t = 0, for
``horizon_years`` years): participants' flow without support = ``cash_margin × revenue − costs`` (all
cost categories); with support = that + subsidy. Taxes to the budget = reported taxes where the data
has them (``taxes="reported"``), otherwise ``tax_rate × revenue``; both scale with
``revenue_factor``. Discounting to the project's first year (flow 0 undiscounted, numpy-financial
convention) unless ``base_year`` fixes one year for every project.

**Metrics** (columns of :func:`evaluate`):

- leverage = participants' own money ÷ subsidy, own money = costs − subsidy (₽ per ₽, nominal);
- budget effectiveness = discounted taxes over the horizon ÷ subsidy (nominal), per ``docs/metrics.md``;
- budget break-even year = first calendar year from which cumulative discounted taxes stay ≥
  cumulative subsidy;
- discounted payback = years from t = 0 until the cumulative discounted flow stays ≥ 0;
- jobs per mln ₽ = jobs ÷ subsidy.

Reasons for ineligibility and refused parameters are codes with values (:data:`REASONS`,
:class:`ParameterError`): the page translates them. Nothing here imports Streamlit.
"""
from __future__ import annotations

import dataclasses
import json
import math
import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

import duckdb
import numpy as np
import pandas as pd
from scipy.optimize import Bounds, LinearConstraint, milp

from analytics.metrics._panel import DataWarning, warn
from analytics.metrics.finance import irr_detail, recovery_index
from analytics.models import rules
from analytics.store import query
from analytics.store.schema import PROJECT_STAGES

__all__ = [
    "Allocation",
    "BUILTIN_REGIMES",
    "BudgetBalance",
    "BudgetSweep",
    "CAP_BASES",
    "COST_CATEGORIES",
    "COST_REASONS",
    "DataWarning",
    "Evaluation",
    "HEADLINE_METRICS",
    "OBJECTIVES",
    "ParameterError",
    "ProgrammeRegime",
    "Projects",
    "REASONS",
    "Scenario",
    "allocate",
    "budget_balance",
    "budget_sweep",
    "compare_scenarios",
    "cost_eligibility",
    "delete_regime",
    "delete_scenario",
    "eligibility",
    "evaluate",
    "evaluate_detail",
    "list_regimes",
    "list_scenarios",
    "load_projects",
    "load_scenario",
    "portfolio_summary",
    "regime_sources",
    "save_regime",
    "save_scenario",
    "subsidy_by_year",
    "tornado",
]

#: Cost categories of ``project_costs.category`` (the schema's CHECK list, same order).
COST_CATEGORIES: tuple[str, ...] = (
    "rd", "design_docs", "ip_licences", "engineering", "equipment", "loan_interest", "leasing",
    "component_batches", "other",
)
CAP_BASES: tuple[str, ...] = ("applicant", "project")
TAX_SOURCES: tuple[str, ...] = ("reported", "rate")
#: What :func:`allocate` maximises: discounted subsidy to participants (= NPV with − NPV without),
#: NPV with support, discounted taxes over the horizon, jobs.
OBJECTIVES: dict[str, str] = {
    "npv_uplift": "npv_uplift_mln_rub",
    "npv_with": "npv_with_mln_rub",
    "taxes": "pv_taxes_mln_rub",
    "jobs": "jobs",
}

#: Project-level reasons for ineligibility, in the order they are checked (the first one is the
#: ``reason`` column of :func:`evaluate`; :func:`eligibility` lists all of them).
REASONS: tuple[str, ...] = (
    "cluster_not_registered",   # field cluster_id — the project's cluster is not on the registry
    "not_joint",                # field is_joint — the project is not declared a joint project
    "too_few_participants",     # field n_participants — fewer than the regime's minimum
    "stage_not_eligible",       # field stage — the regime does not fund this stage
    "no_eligible_costs",        # field eligible_costs_mln_rub — nothing left after the cost checks
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
DEFAULT_TAX_RATE = 0.07        # taxes paid to the budget per ₽ of project revenue
DEFAULT_CASH_MARGIN = 0.15     # participants' free cash flow per ₽ of revenue, after costs and taxes
DEFAULT_HORIZON_YEARS = 10

#: Allowed ranges of scenario fields (inclusive). Shares are 0–1, money mln ₽.
RANGES: dict[str, tuple[float, float]] = {
    "federal_share": (0.0, 1.0),      # and never above the regime's max_share
    "regional_share": (0.0, 1.0),     # and federal + regional ≤ 1
    "cap_mln_rub": (0.0, 1e7),        # and never above the regime's legal cap
    "budget_mln_rub": (0.0, 1e7),
    "discount_rate": (0.0, 1.0),
    "tax_rate": (0.0, 1.0),
    "cash_margin": (0.0, 1.0),
    "horizon_years": (1, 50),
    "base_year": (2000, 2100),
    "revenue_factor": (0.0, 10.0),
    "regime.max_share": (0.0, 1.0),
    "regime.cap_mln_rub": (0.0, 1e7),
    "regime.min_participants": (1, 100),
}
_SHARE_TOL = 1e-12  # float noise allowed above a share limit (0.1 + 0.2 style), far below any slider step

#: Headline metrics of a portfolio (rows of :func:`compare_scenarios`), units in the names.
HEADLINE_METRICS: tuple[str, ...] = (
    "n_projects", "n_eligible", "n_selected", "total_costs_mln_rub", "subsidy_mln_rub",
    "subsidy_federal_mln_rub", "subsidy_regional_mln_rub", "peak_annual_subsidy_mln_rub",
    "own_money_mln_rub", "leverage", "npv_without_mln_rub", "npv_with_mln_rub", "npv_uplift_mln_rub",
    "taxes_mln_rub", "pv_taxes_mln_rub", "budget_effectiveness", "break_even_year", "jobs",
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


def _number(field_name: str, value: object, low: float | None, high: float | None, *, integer: bool = False,
            tol: float = 0.0) -> float | int:
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


# --- Programme regimes ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class ProgrammeRegime:
    """One regime of Decree No. 41: an editable row of parameters with its source.

    Equality compares the parameters that change numbers (names, source and status are labels).
    ``to_verify`` names the fields whose value is [to verify] in ``docs/regulations.md``: the page shows them.
    """

    regime_id: str
    max_share: float
    eligible_categories: tuple[str, ...]
    eligible_stages: tuple[str, ...] = rules.ALL_STAGES
    costs_from: date | None = None
    costs_to: date | None = None
    cap_mln_rub: float | None = None
    cap_basis: str = "project"
    min_participants: int = rules.JOINT_PROJECT_MIN_PARTICIPANTS.value
    supplier_in_cluster: bool = False
    name_ru: str = field(default="", compare=False)
    name_en: str = field(default="", compare=False)
    source: str = field(default="", compare=False)
    to_verify: tuple[str, ...] = field(default=(), compare=False)
    in_force_from: date | None = field(default=None, compare=False)
    in_force_to: date | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        set_ = lambda name, value: object.__setattr__(self, name, value)  # noqa: E731 (frozen)
        if not isinstance(self.regime_id, str) or not re.fullmatch(r"[a-z][a-z0-9_]{0,62}", self.regime_id):
            raise ParameterError("regime.regime_id", self.regime_id, "[a-z][a-z0-9_]*", "not_an_option")
        low, high = RANGES["regime.max_share"]
        share = _number("regime.max_share", self.max_share, low, high)
        if share <= 0:
            raise ParameterError("regime.max_share", self.max_share, (low, high))
        set_("max_share", share)
        set_("eligible_categories", _options("regime.eligible_categories", self.eligible_categories,
                                             COST_CATEGORIES))
        set_("eligible_stages", _options("regime.eligible_stages", self.eligible_stages, PROJECT_STAGES))
        for name in ("costs_from", "costs_to", "in_force_from", "in_force_to"):
            value = getattr(self, name)
            if isinstance(value, datetime):
                set_(name, value.date())
            elif value is not None and not isinstance(value, date):
                raise ParameterError(f"regime.{name}", value, "a date", "not_a_date")
        if self.costs_from and self.costs_to and self.costs_from > self.costs_to:
            raise ParameterError("regime.costs_to", self.costs_to, (self.costs_from, None))
        if self.cap_mln_rub is not None:
            set_("cap_mln_rub", _number("regime.cap_mln_rub", self.cap_mln_rub, *RANGES["regime.cap_mln_rub"]))
        _option("regime.cap_basis", self.cap_basis, CAP_BASES)
        set_("min_participants", _number("regime.min_participants", self.min_participants,
                                         *RANGES["regime.min_participants"], integer=True))
        if not isinstance(self.supplier_in_cluster, (bool, np.bool_)):
            raise ParameterError("regime.supplier_in_cluster", self.supplier_in_cluster, (True, False),
                                 "not_an_option")
        set_("supplier_in_cluster", bool(self.supplier_in_cluster))
        set_("to_verify", tuple(self.to_verify))
        if not self.name_ru:
            set_("name_ru", self.regime_id)
        if not self.name_en:
            set_("name_en", self.regime_id)

    def replace(self, **changes: Any) -> ProgrammeRegime:
        """A copy with ``changes`` (validated like a new regime)."""
        return dataclasses.replace(self, **changes)


_REGIME_FIELDS = (
    "max_share", "eligible_categories", "eligible_stages", "costs_from", "costs_to", "cap_mln_rub",
    "cap_basis", "min_participants", "supplier_in_cluster", "name_ru", "name_en", "in_force_from",
    "in_force_to",
)


def _builtin_regime(regime_id: str, values: Mapping[str, rules.SourcedValue]) -> ProgrammeRegime:
    share = values["max_share"]
    return ProgrammeRegime(
        regime_id=regime_id,
        source=f"{share.source} ({share.edition})",
        to_verify=tuple(k for k in _REGIME_FIELDS if k in values and values[k].status == "to_verify"),
        **{k: values[k].value for k in _REGIME_FIELDS if k in values},
    )


#: The regimes as the law has them (:data:`analytics.models.rules.REGIMES`), by id.
BUILTIN_REGIMES: dict[str, ProgrammeRegime] = {
    rid: _builtin_regime(rid, values) for rid, values in rules.REGIMES.items()
}


def regime_sources(regime_id: str | None = None) -> pd.DataFrame:
    """Every parameter of the built-in regimes with value, unit, act, edition, date and status.

    Columns ``regime_id, field, value, unit, source, edition, applies_from, status, note`` — the
    methodology page's table; ``status`` is ``confirmed`` or ``to_verify``.
    """
    rows = []
    for rid, values in rules.REGIMES.items():
        if regime_id is not None and rid != regime_id:
            continue
        for name, v in values.items():
            rows.append({"regime_id": rid, "field": name, "value": v.value, "unit": v.unit, "source": v.source,
                         "edition": v.edition, "applies_from": v.applies_from, "status": v.status,
                         "note": v.note})
    return pd.DataFrame(rows, columns=["regime_id", "field", "value", "unit", "source", "edition",
                                       "applies_from", "status", "note"])


# --- Scenario ------------------------------------------------------------------------------------------

# query key → (Scenario field, kind); regime fields under r_*
_QUERY_KEYS: dict[str, tuple[str, str]] = {
    "fed": ("federal_share", "float"),
    "top_up": ("regional_share", "float"),
    "cap": ("cap_mln_rub", "float?"),
    "cap_basis": ("cap_basis", "basis?"),
    "budget": ("budget_mln_rub", "float?"),
    "rate": ("discount_rate", "float"),
    "tax": ("tax_rate", "float"),
    "margin": ("cash_margin", "float"),
    "horizon": ("horizon_years", "int"),
    "base_year": ("base_year", "int?"),
    "revenue": ("revenue_factor", "float"),
    "taxes": ("taxes", "taxes"),
}
_REGIME_QUERY_KEYS: dict[str, tuple[str, str]] = {
    "r_share": ("max_share", "float"),
    "r_cats": ("eligible_categories", "categories"),
    "r_stages": ("eligible_stages", "stages"),
    "r_from": ("costs_from", "date?"),
    "r_to": ("costs_to", "date?"),
    "r_cap": ("cap_mln_rub", "float?"),
    "r_basis": ("cap_basis", "basis"),
    "r_minp": ("min_participants", "int"),
    "r_supplier": ("supplier_in_cluster", "bool"),
}
_FLOAT_RE = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d{1,3})?")
_INT_RE = re.compile(r"[+-]?\d{1,6}")
_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")
_MAX_PARAM_LEN = 300


def _encode(value: object, kind: str) -> str:
    if value is None:
        return ""
    if kind.startswith("float"):
        return repr(float(value))
    if kind.startswith("int"):
        return str(int(value))
    if kind.startswith("date"):
        return value.isoformat()  # type: ignore[union-attr]
    if kind == "bool":
        return "1" if value else "0"
    if kind in ("categories", "stages"):
        return ",".join(value)  # type: ignore[arg-type]
    return str(value)


def _decode(key: str, text: object, kind: str, field_name: str) -> object:
    """Parse one plain query value; refuse anything that is not exactly of its kind."""
    if isinstance(text, (list, tuple)):
        if not text:
            raise ParameterError(field_name, text, kind, "empty")
        text = text[-1]
    if not isinstance(text, str) or len(text) > _MAX_PARAM_LEN:
        raise ParameterError(field_name, text, kind, "not_a_number" if "float" in kind else "not_an_option")
    text = text.strip()
    if kind.endswith("?") and text == "":
        return None
    base = kind.rstrip("?")
    if base == "float":
        if not _FLOAT_RE.fullmatch(text):
            raise ParameterError(field_name, text, "a decimal number", "not_a_number")
        number = float(text)
        if not math.isfinite(number):
            raise ParameterError(field_name, text, "a finite number", "not_a_number")
        return number
    if base == "int":
        if not _INT_RE.fullmatch(text):
            raise ParameterError(field_name, text, "a whole number", "not_a_number")
        return int(text)
    if base == "date":
        try:
            if not _DATE_RE.fullmatch(text):
                raise ValueError
            return date.fromisoformat(text)
        except ValueError:
            raise ParameterError(field_name, text, "YYYY-MM-DD", "not_a_date") from None
    if base == "bool":
        if text.lower() in ("1", "true"):
            return True
        if text.lower() in ("0", "false"):
            return False
        raise ParameterError(field_name, text, ("1", "0"), "not_an_option")
    if base == "categories":
        return _options(field_name, [t for t in text.split(",") if t], COST_CATEGORIES)
    if base == "stages":
        return _options(field_name, [t for t in text.split(",") if t], PROJECT_STAGES)
    if base == "basis":
        return _option(field_name, text, CAP_BASES)
    if base == "taxes":
        return _option(field_name, text, TAX_SOURCES)
    raise AssertionError(kind)


@dataclass(frozen=True)
class Scenario:
    """A support scenario: regime, shares, caps, budget and the appraisal assumptions.

    - ``federal_share`` — share of eligible costs reimbursed from the federal budget, 0 … regime's
      ``max_share`` (default: the regime's maximum);
    - ``regional_share`` — regional top-up, share of eligible costs; federal + regional ≤ 1;
    - ``cap_mln_rub`` / ``cap_basis`` — the scenario's own cap on the federal subsidy, per project or
      per applicant (mln ₽, total over the years); never above the regime's legal cap, which applies
      in any case (default: none beyond the regime's);
    - ``budget_mln_rub`` — annual programme budget for federal + regional subsidy (None: unlimited);
    - ``discount_rate`` (share per year), ``tax_rate`` (taxes per ₽ of revenue), ``cash_margin``
      (participants' free cash flow per ₽ of revenue), ``horizon_years`` (from each project's first
      year), ``base_year`` (None: discount each project to its first year), ``revenue_factor``
      (multiplies expected revenue and the taxes on it), ``taxes`` (``"reported"``: use reported
      taxes where present, else the rate; ``"rate"``: always the rate).

    Every value is checked on creation and refused with :class:`ParameterError` when out of range —
    never clipped. Use :meth:`replace` for slider moves and :meth:`with_regime` to switch regimes.
    """

    regime: ProgrammeRegime = field(default_factory=lambda: BUILTIN_REGIMES[rules.DEFAULT_REGIME])
    federal_share: float | None = None
    regional_share: float = 0.0
    cap_mln_rub: float | None = None
    cap_basis: str | None = None
    budget_mln_rub: float | None = None
    discount_rate: float = DEFAULT_DISCOUNT_RATE
    tax_rate: float = DEFAULT_TAX_RATE
    cash_margin: float = DEFAULT_CASH_MARGIN
    horizon_years: int = DEFAULT_HORIZON_YEARS
    base_year: int | None = None
    revenue_factor: float = 1.0
    taxes: str = "reported"

    def __post_init__(self) -> None:
        set_ = lambda name, value: object.__setattr__(self, name, value)  # noqa: E731 (frozen)
        if not isinstance(self.regime, ProgrammeRegime):
            raise ParameterError("regime", self.regime, tuple(BUILTIN_REGIMES), "not_an_option")
        regime = self.regime
        fed = regime.max_share if self.federal_share is None else self.federal_share
        set_("federal_share", _number("federal_share", fed, 0.0, regime.max_share, tol=_SHARE_TOL))
        set_("regional_share", _number("regional_share", self.regional_share, 0.0, 1.0 - self.federal_share,
                                       tol=_SHARE_TOL))
        if self.cap_mln_rub is not None:
            high = regime.cap_mln_rub if regime.cap_mln_rub is not None else RANGES["cap_mln_rub"][1]
            set_("cap_mln_rub", _number("cap_mln_rub", self.cap_mln_rub, 0.0, high))
        set_("cap_basis", _option("cap_basis", regime.cap_basis if self.cap_basis is None else self.cap_basis,
                                  CAP_BASES))
        if self.budget_mln_rub is not None:
            set_("budget_mln_rub", _number("budget_mln_rub", self.budget_mln_rub, *RANGES["budget_mln_rub"]))
        for name in ("discount_rate", "tax_rate", "cash_margin", "revenue_factor"):
            set_(name, _number(name, getattr(self, name), *RANGES[name]))
        set_("horizon_years", _number("horizon_years", self.horizon_years, *RANGES["horizon_years"], integer=True))
        if self.base_year is not None:
            set_("base_year", _number("base_year", self.base_year, *RANGES["base_year"], integer=True))
        _option("taxes", self.taxes, TAX_SOURCES)

    def replace(self, **changes: Any) -> Scenario:
        """A copy with ``changes``, validated (a slider move)."""
        return dataclasses.replace(self, **changes)

    def with_regime(self, regime: ProgrammeRegime) -> Scenario:
        """Switch regime; the federal share and the cap basis restart from the new regime's values and
        the scenario's own cap is dropped when it exceeds the new legal cap (explicitly, not clipped)."""
        cap = self.cap_mln_rub
        if cap is not None and regime.cap_mln_rub is not None and cap > regime.cap_mln_rub:
            cap = None
        return dataclasses.replace(self, regime=regime, federal_share=None, cap_basis=None, cap_mln_rub=cap)

    # -- URL ----------------------------------------------------------------------------------------

    def to_query_params(self, base_regimes: Mapping[str, ProgrammeRegime] | None = None) -> dict[str, str]:
        """Plain text values for the URL; :meth:`from_query_params` gives back an equal scenario.

        The regime travels as its id plus the parameters that differ from the built-in regime of that id
        (all of them for a regime that is not built in), so a link does not depend on what is stored.
        Optional values that are None are left out.
        """
        base_regimes = BUILTIN_REGIMES if base_regimes is None else base_regimes
        out: dict[str, str] = {"regime": self.regime.regime_id}
        base = base_regimes.get(self.regime.regime_id)
        for key, (name, kind) in _REGIME_QUERY_KEYS.items():
            value = getattr(self.regime, name)
            if base is None or getattr(base, name) != value:
                out[key] = _encode(value, kind)
        for key, (name, kind) in _QUERY_KEYS.items():
            value = getattr(self, name)
            if value is not None:
                out[key] = _encode(value, kind)
        return out

    @classmethod
    def from_query_params(cls, params: Mapping[str, object],
                          base_regimes: Mapping[str, ProgrammeRegime] | None = None) -> Scenario:
        """Parse and range-check plain query values (strings, or lists of strings: the last one counts).

        Keys this class does not know (``lang``, ``region`` …) are ignored; missing keys take their
        defaults. Any malformed or out-of-range value raises :class:`ParameterError`. Nothing is
        evaluated or unpickled.
        """
        base_regimes = BUILTIN_REGIMES if base_regimes is None else base_regimes
        regime_id = params.get("regime", rules.DEFAULT_REGIME)
        if isinstance(regime_id, (list, tuple)):
            regime_id = regime_id[-1] if regime_id else rules.DEFAULT_REGIME
        if not isinstance(regime_id, str) or not re.fullmatch(r"[a-z][a-z0-9_]{0,62}", regime_id):
            raise ParameterError("regime", regime_id, tuple(base_regimes), "not_an_option")
        overrides = {
            name: _decode(key, params[key], kind, "regime." + name)
            for key, (name, kind) in _REGIME_QUERY_KEYS.items() if key in params
        }
        base = base_regimes.get(regime_id)
        if base is not None:
            regime = base.replace(**overrides, source=base.source + " — edited (query parameters)") \
                if overrides else base
        else:
            missing = [k for k in _REGIME_QUERY_KEYS if k not in params]
            if missing:
                raise ParameterError("regime", regime_id, tuple(base_regimes), "not_an_option")
            regime = ProgrammeRegime(regime_id=regime_id, source="query parameters",
                                     **overrides)  # type: ignore[arg-type]
        values = {
            name: _decode(key, params[key], kind, name)
            for key, (name, kind) in _QUERY_KEYS.items() if key in params
        }
        return cls(regime=regime, **values)  # type: ignore[arg-type]


# --- Projects ------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Arrays:
    """Everything :func:`evaluate` needs, as numpy arrays over projects × calendar years."""

    ids: np.ndarray
    years: np.ndarray
    t0_col: np.ndarray           # column of each project's first year
    stage_code: np.ndarray
    registered: np.ndarray
    is_joint: np.ndarray
    n_participants: np.ndarray
    jobs: np.ndarray
    applicant: np.ndarray        # applicant (initiator) code per project
    n_applicants: int
    costs: np.ndarray            # all costs, P × Y
    revenue: np.ndarray          # P × Y
    taxes_reported: np.ndarray   # P × Y, 0 where unknown
    taxes_known: np.ndarray      # P × Y bool
    c_p: np.ndarray              # cost rows: project index
    c_y: np.ndarray              # cost rows: year column
    c_cat: np.ndarray            # cost rows: category code
    c_amount: np.ndarray
    c_first_day: np.ndarray      # cost rows: first and last day (ordinal) the row may date from
    c_last_day: np.ndarray
    c_supplier_missing: np.ndarray
    c_supplier_is_applicant: np.ndarray
    c_supplier_in_cluster: np.ndarray


def _require(frame: pd.DataFrame, columns: Sequence[str], what: str) -> None:
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ValueError(f"{what} has no column(s) {missing}; it has {list(frame.columns)}")


def _text(series: pd.Series) -> np.ndarray:
    return series.astype(object).where(series.notna(), None).to_numpy(dtype=object)


def _is_leap(year: np.ndarray) -> np.ndarray:
    return (year % 4 == 0) & ((year % 100 != 0) | (year % 400 == 0))


def _known_projects(frame: pd.DataFrame, ids: pd.Index, what: str) -> pd.DataFrame:
    unknown = ~frame["project_id"].isin(ids)
    if unknown.any():
        warn(f"{what}: {int(unknown.sum())} row(s) of unknown projects left out "
             f"(e.g. {frame.loc[unknown, 'project_id'].iloc[0]!r})")
        frame = frame.loc[~unknown]
    return frame


@dataclass(frozen=True, eq=False)
class Projects:
    """The projects to appraise, as plain frames (from :func:`load_projects` or built by hand).

    - ``projects``: ``project_id, cluster_id, initiator_inn, stage, start_year`` [, ``jobs`` (0),
      ``is_joint`` (True), ``name_ru``, ``name_en``];
    - ``participants``: ``project_id, inn`` [, ``role``] — the initiator counts even when absent;
    - ``costs``: ``project_id, year, category, amount_mln_rub`` [, ``supplier_inn``, ``cost_date``];
      a row without ``cost_date`` covers its whole year (it passes a date window only when the whole
      year lies inside it);
    - ``revenues``: ``project_id, year, revenue_mln_rub`` [, ``taxes_mln_rub`` — NaN: derive from the
      scenario's tax rate];
    - ``registered_clusters``: cluster ids on the Minpromtorg registry (None: every cluster is);
    - ``cluster_members``: cluster id → INNs of its participants, for the "supplier is another cluster
      participant" rule (None: everyone taking part in a project of that cluster).

    The frames are validated and turned into arrays once, so that :func:`evaluate` is fast.
    """

    projects: pd.DataFrame
    participants: pd.DataFrame | None = None
    costs: pd.DataFrame | None = None
    revenues: pd.DataFrame | None = None
    registered_clusters: Collection[str] | None = None
    cluster_members: Mapping[str, Collection[str]] | None = None
    arrays: _Arrays = field(init=False, repr=False)

    def __post_init__(self) -> None:
        set_ = lambda name, value: object.__setattr__(self, name, value)  # noqa: E731 (frozen)
        p = self.projects.copy()
        _require(p, ["project_id", "cluster_id", "initiator_inn", "stage", "start_year"], "projects")
        if p["project_id"].duplicated().any():
            duplicated = p.loc[p["project_id"].duplicated(), "project_id"].iloc[0]
            raise ValueError(f"projects: duplicated project_id {duplicated!r}")
        bad_stage = ~p["stage"].isin(PROJECT_STAGES)
        if bad_stage.any():
            stage = p.loc[bad_stage, "stage"].iloc[0]
            raise ValueError(f"projects: unknown stage {stage!r}; allowed {PROJECT_STAGES}")
        if "jobs" not in p:
            p["jobs"] = 0
        if "is_joint" not in p:
            p["is_joint"] = True
        for col in ("name_ru", "name_en"):
            if col not in p:
                p[col] = None
        p["jobs"] = pd.to_numeric(p["jobs"], errors="raise").fillna(0)
        if (p["jobs"] < 0).any():
            raise ValueError("projects: jobs must be ≥ 0")
        p["start_year"] = pd.to_numeric(p["start_year"], errors="raise").astype("int64")
        p["is_joint"] = p["is_joint"].fillna(True).astype(bool)
        p = p.sort_values("project_id", kind="stable").reset_index(drop=True)
        ids = pd.Index(p["project_id"])

        parts = (self.participants if self.participants is not None
                 else pd.DataFrame(columns=["project_id", "inn"])).copy()
        _require(parts, ["project_id", "inn"], "participants")
        parts = _known_projects(parts, ids, "participants")

        costs = (self.costs if self.costs is not None
                 else pd.DataFrame(columns=["project_id", "year", "category", "amount_mln_rub"])).copy()
        _require(costs, ["project_id", "year", "category", "amount_mln_rub"], "costs")
        costs = _known_projects(costs, ids, "costs")
        if "supplier_inn" not in costs:
            costs["supplier_inn"] = None
        if "cost_date" not in costs:
            costs["cost_date"] = pd.NaT
        bad_cat = ~costs["category"].isin(COST_CATEGORIES)
        if bad_cat.any():
            raise ValueError(f"costs: unknown category {costs.loc[bad_cat, 'category'].iloc[0]!r}; "
                             f"allowed {COST_CATEGORIES}")
        costs["amount_mln_rub"] = pd.to_numeric(costs["amount_mln_rub"], errors="raise").astype("float64")
        if costs["amount_mln_rub"].isna().any() or (costs["amount_mln_rub"] < 0).any():
            raise ValueError("costs: amount_mln_rub must be a number ≥ 0")
        costs["year"] = pd.to_numeric(costs["year"], errors="raise").astype("int64")
        costs["cost_date"] = pd.to_datetime(costs["cost_date"], errors="raise")
        dated = costs["cost_date"].notna()
        if (costs.loc[dated, "cost_date"].dt.year != costs.loc[dated, "year"]).any():
            raise ValueError("costs: cost_date must fall in the row's year")

        revs = (self.revenues if self.revenues is not None
                else pd.DataFrame(columns=["project_id", "year", "revenue_mln_rub"])).copy()
        _require(revs, ["project_id", "year", "revenue_mln_rub"], "revenues")
        revs = _known_projects(revs, ids, "revenues")
        if "taxes_mln_rub" not in revs:
            revs["taxes_mln_rub"] = np.nan
        revs["year"] = pd.to_numeric(revs["year"], errors="raise").astype("int64")
        for col in ("revenue_mln_rub", "taxes_mln_rub"):
            revs[col] = pd.to_numeric(revs[col], errors="raise").astype("float64")
        if revs["revenue_mln_rub"].isna().any() or (revs["revenue_mln_rub"] < 0).any():
            raise ValueError("revenues: revenue_mln_rub must be a number ≥ 0")
        if (revs["taxes_mln_rub"] < 0).any():
            raise ValueError("revenues: taxes_mln_rub must be ≥ 0")

        if isinstance(self.registered_clusters, str):
            raise ValueError("registered_clusters must be a collection of cluster ids, not one string")
        registered = None if self.registered_clusters is None else frozenset(self.registered_clusters)
        members = None if self.cluster_members is None else {
            str(k): frozenset(v) for k, v in self.cluster_members.items()}
        set_("projects", p)
        set_("participants", parts.reset_index(drop=True))
        set_("costs", costs.reset_index(drop=True))
        set_("revenues", revs.reset_index(drop=True))
        set_("registered_clusters", registered)
        set_("cluster_members", members)
        set_("arrays", self._arrays())

    def __len__(self) -> int:
        return len(self.projects)

    def with_registry(self, registered_clusters: Collection[str] | None) -> Projects:
        """The same projects checked against another registry (None: every cluster registered)."""
        return dataclasses.replace(self, registered_clusters=registered_clusters)

    def subset(self, project_ids: Iterable[str]) -> Projects:
        """Only the given projects (same registry and membership)."""
        keep = set(project_ids)
        return dataclasses.replace(
            self,
            projects=self.projects[self.projects["project_id"].isin(keep)],
            participants=self.participants[self.participants["project_id"].isin(keep)],
            costs=self.costs[self.costs["project_id"].isin(keep)],
            revenues=self.revenues[self.revenues["project_id"].isin(keep)],
        )

    def _arrays(self) -> _Arrays:
        p, parts, costs, revs = self.projects, self.participants, self.costs, self.revenues
        ids = p["project_id"].to_numpy(dtype=object)
        n = len(p)
        index = pd.Index(p["project_id"])
        c_p = index.get_indexer(costs["project_id"])
        r_p = index.get_indexer(revs["project_id"])
        start = p["start_year"].to_numpy()
        first = start.copy()
        last = start.copy()
        if len(costs):
            np.minimum.at(first, c_p, costs["year"].to_numpy())
            np.maximum.at(last, c_p, costs["year"].to_numpy())
        if len(revs):
            np.minimum.at(first, r_p, revs["year"].to_numpy())
            np.maximum.at(last, r_p, revs["year"].to_numpy())
        years = np.arange(first.min(), last.max() + 1) if n else np.zeros(0, dtype=np.int64)
        y0 = years[0] if n else 0
        n_years = len(years)

        def matrix(rows: np.ndarray, cols: np.ndarray, values: np.ndarray) -> np.ndarray:
            return np.bincount(rows * n_years + cols, weights=values, minlength=n * n_years).reshape(n, n_years)

        c_y = costs["year"].to_numpy() - y0
        r_y = revs["year"].to_numpy() - y0
        amount = costs["amount_mln_rub"].to_numpy(dtype="float64")
        revenue = revs["revenue_mln_rub"].to_numpy(dtype="float64")
        taxes = revs["taxes_mln_rub"].to_numpy(dtype="float64")
        known = ~np.isnan(taxes)

        # Who takes part: the initiator always counts.
        people = pd.concat([
            pd.DataFrame({"project_id": p["project_id"], "inn": p["initiator_inn"]}),
            parts[["project_id", "inn"]],
        ], ignore_index=True).dropna().drop_duplicates()
        n_participants = people.groupby("project_id").size().reindex(index, fill_value=0).to_numpy()
        applicant, applicants = pd.factorize(p["initiator_inn"])

        # Supplier checks for the "components from other cluster participants" rule.
        cluster_of_row = p["cluster_id"].to_numpy(dtype=object)[c_p] if len(costs) else np.zeros(0, dtype=object)
        supplier = costs["supplier_inn"]
        missing = (supplier.isna() | (supplier.astype(object).astype(str).str.strip() == "")).to_numpy()
        initiator_of_row = p["initiator_inn"].to_numpy(dtype=object)[c_p] if len(costs) else np.zeros(0, dtype=object)
        supplier_text = _text(supplier)
        is_applicant = ~missing & (supplier_text == initiator_of_row)
        if self.cluster_members is None:
            with_cluster = people.merge(p[["project_id", "cluster_id"]], on="project_id")
            member_pairs = pd.MultiIndex.from_arrays([with_cluster["cluster_id"], with_cluster["inn"]])
        else:
            pairs = [(c, inn) for c, inns in self.cluster_members.items() for inn in inns]
            member_pairs = pd.MultiIndex.from_tuples(pairs) if pairs else pd.MultiIndex.from_arrays([[], []])
        in_cluster = (pd.MultiIndex.from_arrays([cluster_of_row, supplier_text]).isin(member_pairs)
                      if len(costs) else np.zeros(0, dtype=bool))

        # Day numbers as date.toordinal(); an undated row spans 1 Jan … 31 Dec of its year.
        epoch = date(1970, 1, 1).toordinal()
        day = costs["cost_date"].to_numpy(dtype="datetime64[D]")
        dated = ~np.isnat(day)
        day = np.where(dated, day, np.datetime64("1970-01-01")).astype(np.int64) + epoch
        row_year = costs["year"].to_numpy()
        year_start = (row_year - 1970).astype("datetime64[Y]").astype("datetime64[D]").astype(np.int64) + epoch
        c_first_day = np.where(dated, day, year_start)
        c_last_day = np.where(dated, day, year_start + np.where(_is_leap(row_year), 365, 364))

        registered = (np.ones(n, dtype=bool) if self.registered_clusters is None
                      else p["cluster_id"].isin(self.registered_clusters).to_numpy())
        return _Arrays(
            ids=ids,
            years=years,
            t0_col=first - y0,
            stage_code=pd.Categorical(p["stage"], categories=PROJECT_STAGES).codes.astype(np.int64),
            registered=registered,
            is_joint=p["is_joint"].to_numpy(dtype=bool),
            n_participants=n_participants.astype(np.int64),
            jobs=p["jobs"].to_numpy(dtype="float64"),
            applicant=applicant.astype(np.int64),
            n_applicants=len(applicants),
            costs=matrix(c_p, c_y, amount),
            revenue=matrix(r_p, r_y, revenue),
            taxes_reported=matrix(r_p, r_y, np.where(known, taxes, 0.0)),
            taxes_known=matrix(r_p, r_y, known.astype("float64")) > 0,
            c_p=c_p.astype(np.int64),
            c_y=c_y.astype(np.int64),
            c_cat=pd.Categorical(costs["category"], categories=COST_CATEGORIES).codes.astype(np.int64),
            c_amount=amount,
            c_first_day=c_first_day,
            c_last_day=c_last_day,
            c_supplier_missing=missing,
            c_supplier_is_applicant=is_applicant,
            c_supplier_in_cluster=np.asarray(in_cluster, dtype=bool),
        )


def load_projects(con: duckdb.DuckDBPyConnection, *, registered_clusters: Collection[str] | None = None,
                  cluster_members: Mapping[str, Collection[str]] | None = None) -> Projects:
    """Read ``projects``, ``project_participants``, ``project_costs`` and ``project_revenues``.

    ``registered_clusters``: cluster ids on the registry (None: all). ``cluster_members`` (None): the
    participants and initiators of the cluster's projects plus the enterprises whose
    ``cluster_hint`` names the cluster — an approximation until a membership list is loaded.
    """
    projects = query(con, "SELECT project_id, name_ru, name_en, cluster_id, initiator_inn, stage, start_year, "
                          "jobs, is_joint FROM projects ORDER BY project_id")
    participants = query(con, "SELECT project_id, inn, role FROM project_participants ORDER BY project_id, inn")
    costs = query(con, "SELECT project_id, year, category, amount_mln_rub, supplier_inn FROM project_costs "
                       "ORDER BY ALL")
    revenues = query(con, "SELECT project_id, year, revenue_mln_rub, taxes_mln_rub FROM project_revenues "
                          "ORDER BY project_id, year")
    if cluster_members is None:
        members = query(con, """
            SELECT p.cluster_id, pp.inn FROM project_participants pp JOIN projects p USING (project_id)
            UNION SELECT cluster_id, initiator_inn FROM projects
            UNION SELECT cluster_hint, inn FROM enterprises WHERE cluster_hint IS NOT NULL""")
        cluster_members = members.groupby("cluster_id")["inn"].agg(frozenset).to_dict()
    return Projects(projects, participants, costs, revenues,
                    registered_clusters=registered_clusters, cluster_members=cluster_members)


# --- Evaluation ----------------------------------------------------------------------------------------

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


# --- Portfolio ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class BudgetBalance:
    """Budget outlay against taxes returned, by calendar year, for a set of projects.

    ``table`` columns: ``year, subsidy_mln_rub`` (federal + regional outlay), ``taxes_mln_rub``,
    ``taxes_pv_mln_rub`` (discounted as in the scenario), ``cum_subsidy_mln_rub``,
    ``cum_taxes_pv_mln_rub``, ``balance_mln_rub`` (cumulative discounted taxes − cumulative outlay).
    ``break_even_year``: first year from which that balance stays ≥ 0 (None if not within the horizon).
    """

    table: pd.DataFrame
    break_even_year: int | None


def budget_balance(evaluation: Evaluation, selected: Iterable[str] | None = None) -> BudgetBalance:
    """Cumulative budget outlay vs discounted taxes returned, by year (the page's break-even chart)."""
    m = evaluation.mask(selected)
    subsidy = evaluation.subsidy[m].sum(axis=0)
    taxes = evaluation.taxes[m].sum(axis=0)
    taxes_pv = (evaluation.taxes[m] * evaluation.discount[m]).sum(axis=0)
    table = pd.DataFrame({
        "year": evaluation.years,
        "subsidy_mln_rub": subsidy,
        "taxes_mln_rub": taxes,
        "taxes_pv_mln_rub": taxes_pv,
        "cum_subsidy_mln_rub": np.cumsum(subsidy),
        "cum_taxes_pv_mln_rub": np.cumsum(taxes_pv),
    })
    table["balance_mln_rub"] = table["cum_taxes_pv_mln_rub"] - table["cum_subsidy_mln_rub"]
    year = None
    if subsidy.sum() > 0:
        tol = np.array([1e-12 * (subsidy.sum() + taxes_pv.sum())])
        found = _recovery_year((taxes_pv - subsidy)[None, :], tol, evaluation.years,
                               np.array([int(np.argmax(subsidy > 0))]))[0]
        year = None if np.isnan(found) else int(found)
    return BudgetBalance(table=table, break_even_year=year)


def portfolio_summary(evaluation: Evaluation, selected: Iterable[str] | None = None) -> pd.Series:
    """Headline metrics (:data:`HEADLINE_METRICS`) of the selected projects (None: the eligible ones).

    Sums of the per-project values; ratios are ratios of sums (leverage = Σ own ÷ Σ subsidy,
    budget effectiveness = Σ discounted taxes ÷ Σ subsidy, jobs per mln ₽ = Σ jobs ÷ Σ subsidy).
    """
    t = evaluation.table
    m = evaluation.mask(selected)
    sel = t[m]
    total = lambda col: float(sel[col].sum())  # noqa: E731
    subsidy = total("subsidy_mln_rub")
    ratio = (lambda x: x / subsidy) if subsidy > 0 else (lambda x: np.nan)
    balance = budget_balance(evaluation, t["project_id"][m])
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
        "leverage": ratio(total("own_money_mln_rub")),
        "npv_without_mln_rub": total("npv_without_mln_rub"),
        "npv_with_mln_rub": total("npv_with_mln_rub"),
        "npv_uplift_mln_rub": total("npv_uplift_mln_rub"),
        "taxes_mln_rub": total("taxes_mln_rub"),
        "pv_taxes_mln_rub": total("pv_taxes_mln_rub"),
        "budget_effectiveness": ratio(total("pv_taxes_mln_rub")),
        "break_even_year": balance.break_even_year,
        "jobs": total("jobs"),
        "jobs_per_mln_rub": ratio(total("jobs")),
    }
    return pd.Series(values, index=list(HEADLINE_METRICS), dtype=object)


# --- Allocation under a budget ---------------------------------------------------------------------

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
    """Best value per share of the budget first, each taken when it still fits (no optimality bound)."""
    load = weights.sum(axis=0) / max(budget, 1e-12)
    order = np.argsort(-values / np.maximum(load, 1e-12), kind="stable")
    used = np.zeros(weights.shape[1])
    chosen = np.zeros(len(values), dtype=bool)
    for i in order:  # a fallback only: the solver normally answers
        if np.all(used + weights[i] <= budget * (1 + 1e-12)):
            used += weights[i]
            chosen[i] = True
    return chosen


def _solve(values: np.ndarray, weights: np.ndarray, budget: float, *, exact: bool,
           time_limit: float) -> tuple[np.ndarray, bool, float, str]:
    """0/1 multi-year knapsack: max values·x subject to weights[:, y]·x ≤ budget for every year."""
    n = len(values)
    if n == 0:
        return np.zeros(0, dtype=bool), True, 0.0, "milp"
    scale = max(float(np.abs(values).max()), 1e-12)
    cols = np.flatnonzero(weights.max(axis=0) > 0)
    constraints = LinearConstraint(weights[:, cols].T, -np.inf, budget) if cols.size else ()
    result = milp(-values / scale, constraints=constraints, integrality=np.ones(n), bounds=Bounds(0, 1),
                  options={"mip_rel_gap": 0.0 if exact else APPROX_GAP, "time_limit": time_limit})
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


def allocate(projects: Projects | Evaluation, scenario: Scenario | None = None, objective: str = "npv_uplift", *,
             budget_mln_rub: float | None = None, time_limit: float = DEFAULT_TIME_LIMIT) -> Allocation:
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
    budget = scenario.budget_mln_rub if budget_mln_rub is None else _number(
        "budget_mln_rub", budget_mln_rub, *RANGES["budget_mln_rub"])
    subsidy = evaluation.subsidy
    candidate = table["eligible"].to_numpy(dtype=bool) & (subsidy.sum(axis=1) > 0) & (values > 0)
    idx = np.flatnonzero(candidate)
    weights = subsidy[idx]
    chosen = np.ones(len(idx), dtype=bool)
    optimal, gap, method = True, 0.0, "all"
    if budget is not None and len(idx) and np.any(weights.sum(axis=0) > budget):
        chosen, optimal, gap, method = _solve(values[idx], weights, budget, exact=len(idx) <= EXACT_LIMIT,
                                              time_limit=time_limit)
    picked = idx[chosen]
    ids = tuple(sorted(table["project_id"].to_numpy(dtype=object)[picked]))
    spend = pd.DataFrame({"year": evaluation.years, "subsidy_mln_rub": subsidy[picked].sum(axis=0)})
    spend["budget_mln_rub"] = np.nan if budget is None else budget
    return Allocation(selected=ids, objective=objective, value=float(values[picked].sum()), spend=spend,
                      budget_mln_rub=budget, optimal=optimal, gap=gap, method=method, candidates=len(idx))


@dataclass(frozen=True)
class BudgetSweep:
    """Selections for several budgets.

    ``membership``: bool DataFrame, one row per candidate project (index ``project_id``), one column
    per budget (in the order given). ``summary``: per budget ``budget_mln_rub, n_selected, value,
    subsidy_mln_rub, optimal, added, dropped`` (ids relative to the previous budget in the list).
    """

    membership: pd.DataFrame
    summary: pd.DataFrame


def budget_sweep(projects: Projects | Evaluation, scenario: Scenario | None, budgets: Sequence[float],
                 objective: str = "npv_uplift", *, time_limit: float = DEFAULT_TIME_LIMIT) -> BudgetSweep:
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
    membership = pd.DataFrame({b: pd.Series(ids).isin(r.selected).to_numpy() for b, r in zip(budgets, results)},
                              index=pd.Index(ids, name="project_id"))
    rows, previous = [], None
    for b, r in zip(budgets, results):
        now = set(r.selected)
        rows.append({
            "budget_mln_rub": b, "n_selected": len(r.selected), "value": r.value,
            "subsidy_mln_rub": float(r.spend["subsidy_mln_rub"].sum()), "optimal": r.optimal,
            "added": tuple(sorted(now - previous)) if previous is not None else (),
            "dropped": tuple(sorted(previous - now)) if previous is not None else (),
        })
        previous = now
    return BudgetSweep(membership=membership, summary=pd.DataFrame(rows))


# --- Scenarios side by side, sensitivity -----------------------------------------------------------

MAX_COMPARED = 3


def compare_scenarios(projects: Projects, scenarios: Mapping[str, Scenario] | Sequence[tuple[str, Scenario]],
                      objective: str = "npv_uplift") -> pd.DataFrame:
    """Headline metrics, one column per scenario (at most three), one row per :data:`HEADLINE_METRICS`.

    Each scenario's portfolio is what :func:`allocate` selects under its budget with ``objective``;
    with an unlimited budget, every eligible project.
    """
    items = list(scenarios.items()) if isinstance(scenarios, Mapping) else list(scenarios)
    if not 1 <= len(items) <= MAX_COMPARED:
        raise ParameterError("scenarios", len(items), (1, MAX_COMPARED))
    columns = {}
    for name, scenario in items:
        evaluation = evaluate_detail(projects, scenario)
        selected = None if scenario.budget_mln_rub is None else allocate(evaluation, scenario, objective).selected
        columns[name] = portfolio_summary(evaluation, selected)
    out = pd.DataFrame(columns)
    out.index.name = "metric"
    return out


TORNADO_FACTORS: tuple[str, ...] = ("support_rate", "discount_rate", "revenue")
TORNADO_METRICS: tuple[str, ...] = ("npv_with_mln_rub", "budget_effectiveness", "pv_taxes_mln_rub",
                                    "npv_uplift_mln_rub", "subsidy_mln_rub")


def tornado(projects: Projects, scenario: Scenario, metric: str = "npv_with_mln_rub", delta: float = 0.2, *,
            selected: Iterable[str] | None = None,
            factors: Sequence[str] = TORNADO_FACTORS) -> pd.DataFrame:
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
    base_eval = evaluate_detail(projects, scenario)
    chosen = list(base_eval.table["project_id"][base_eval.mask(selected)])
    base_value = portfolio_summary(base_eval, chosen)[metric]
    fields = {"support_rate": "federal_share", "discount_rate": "discount_rate", "revenue": "revenue_factor"}
    limits = {"support_rate": (0.0, scenario.regime.max_share), "discount_rate": RANGES["discount_rate"],
              "revenue": RANGES["revenue_factor"]}
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
            value = portfolio_summary(evaluate_detail(projects, scenario.replace(**{name: used})), chosen)[metric]
            row[f"{side}_input"] = used
            row[f"{side}_value"] = value
            row[f"{side}_change"] = value - base_value if value is not None and base_value is not None else np.nan
            row[f"{side}_limited"] = not math.isclose(used, wanted, rel_tol=0, abs_tol=1e-15)
        rows.append(row)
    out = pd.DataFrame(rows, columns=["factor", "low_input", "base_input", "high_input", "low_value", "base_value",
                                      "high_value", "low_change", "high_change", "low_limited", "high_limited"])
    out["swing"] = (out["high_value"].astype(float) - out["low_value"].astype(float)).abs()
    return out.sort_values("swing", ascending=False, kind="stable").reset_index(drop=True)


# --- Stored scenarios and regimes ------------------------------------------------------------------

def _check_name(name: object) -> str:
    if not isinstance(name, str) or not name.strip():
        raise ParameterError("name", name, (1, 100), "empty")
    if len(name.strip()) > 100:
        raise ParameterError("name", name, (1, 100))
    return name.strip()


def save_scenario(con: duckdb.DuckDBPyConnection, name: str, scenario: Scenario, *, note: str | None = None,
                  user_name: str = "system") -> None:
    """Store ``scenario`` under ``name`` (replacing one of the same name; ``created_at`` is kept)."""
    name = _check_name(name)
    params = json.dumps(scenario.to_query_params(), sort_keys=True, ensure_ascii=False)
    with con.cursor() as cur:
        cur.execute(
            "INSERT INTO scenarios (name, params, regime_id, note, user_name) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT (name) DO UPDATE SET params = excluded.params, regime_id = excluded.regime_id, "
            "note = excluded.note, user_name = excluded.user_name, updated_at = now()",
            [name, params, scenario.regime.regime_id, note, user_name],
        )


def list_scenarios(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Saved scenarios: ``name, regime_id, note, user_name, created_at, updated_at`` by name."""
    return query(con, "SELECT name, regime_id, note, user_name, created_at, updated_at FROM scenarios "
                      "ORDER BY name")


def load_scenario(con: duckdb.DuckDBPyConnection, name: str) -> Scenario:
    """The saved scenario ``name`` (KeyError when there is none), parsed and checked like a URL."""
    rows = query(con, "SELECT params FROM scenarios WHERE name = ?", [_check_name(name)])
    if rows.empty:
        raise KeyError(name)
    params = json.loads(rows["params"].iloc[0])
    if not isinstance(params, dict):
        raise ValueError(f"scenario {name!r}: stored parameters are not a mapping")
    return Scenario.from_query_params(params)


def delete_scenario(con: duckdb.DuckDBPyConnection, name: str) -> bool:
    """Delete a saved scenario; True when there was one."""
    with con.cursor() as cur:
        found = cur.execute("SELECT count(*) FROM scenarios WHERE name = ?", [_check_name(name)]).fetchall()[0][0]
        cur.execute("DELETE FROM scenarios WHERE name = ?", [name.strip()])
    return bool(found)


def save_regime(con: duckdb.DuckDBPyConnection, regime: ProgrammeRegime, *, user_name: str = "system") -> None:
    """Store an edited or new regime (an edited built-in regime overrides the law's defaults)."""
    with con.cursor() as cur:
        cur.execute(
            "INSERT OR REPLACE INTO programme_regimes (regime_id, name_ru, name_en, max_share, eligible_categories, "
            "eligible_stages, costs_from, costs_to, cap_mln_rub, cap_basis, min_participants, supplier_in_cluster, "
            "in_force_from, in_force_to, source, to_verify, user_name, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, current_timestamp)",
            [regime.regime_id, regime.name_ru, regime.name_en, regime.max_share, list(regime.eligible_categories),
             list(regime.eligible_stages), regime.costs_from, regime.costs_to, regime.cap_mln_rub, regime.cap_basis,
             regime.min_participants, regime.supplier_in_cluster, regime.in_force_from, regime.in_force_to,
             regime.source or "edited", list(regime.to_verify), user_name],
        )


def _date_or_none(value: object) -> date | None:
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NaT:
        return None
    if isinstance(value, pd.Timestamp):
        return value.date()
    return value  # type: ignore[return-value]


def list_regimes(con: duckdb.DuckDBPyConnection | None = None) -> dict[str, ProgrammeRegime]:
    """Built-in regimes, overridden or extended by the stored ones, by id (built-ins first)."""
    out = dict(BUILTIN_REGIMES)
    if con is None:
        return out
    with con.cursor() as cur:
        rows = cur.execute(
            "SELECT regime_id, name_ru, name_en, max_share, eligible_categories, eligible_stages, costs_from, "
            "costs_to, cap_mln_rub, cap_basis, min_participants, supplier_in_cluster, in_force_from, in_force_to, "
            "source, to_verify FROM programme_regimes ORDER BY regime_id").fetchall()
    for (rid, name_ru, name_en, share, cats, stages, c_from, c_to, cap, basis, minp, supplier, f_from, f_to,
         source, to_verify) in rows:
        out[rid] = ProgrammeRegime(
            regime_id=rid, name_ru=name_ru, name_en=name_en, max_share=share, eligible_categories=tuple(cats),
            eligible_stages=tuple(stages), costs_from=_date_or_none(c_from), costs_to=_date_or_none(c_to),
            cap_mln_rub=cap, cap_basis=basis, min_participants=minp, supplier_in_cluster=bool(supplier),
            in_force_from=_date_or_none(f_from), in_force_to=_date_or_none(f_to), source=source,
            to_verify=tuple(to_verify or ()),
        )
    return out


def delete_regime(con: duckdb.DuckDBPyConnection, regime_id: str) -> bool:
    """Delete a stored regime (a built-in one falls back to the law's values); True when there was one."""
    with con.cursor() as cur:
        found = cur.execute("SELECT count(*) FROM programme_regimes WHERE regime_id = ?", [regime_id]).fetchall()[0][0]
        cur.execute("DELETE FROM programme_regimes WHERE regime_id = ?", [regime_id])
    return bool(found)
