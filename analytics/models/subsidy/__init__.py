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

**Eligibility.** A project is eligible when its cluster is on the registry (by default the clusters
that pass the Decree No. 779 check, :func:`registered_by_check`; ``Scenario.assume_registered`` for a
what-if), it starts while the regime is in force, it is joint, has enough participants, its stage is
funded and some of its costs pass the cost checks (category, the regime's cost window, supplier).

**Subsidy.** For each project and year, eligible costs E (cost rows whose category, date and supplier
the regime accepts, of an eligible project, within the horizon) give a federal subsidy
``federal_share × E`` whose running total is capped (per project and/or per applicant — the
regime's legal cap and the scenario's own cap; an applicant's capped yearly total is shared among its
projects in proportion to their uncapped amounts), plus a regional top-up ``regional_share × E``
(not capped). This is ``min(share × eligible costs, cap − subsidy already received)`` of
``docs/regulations.md``; subsidies received before the first year in the data are not known and not
deducted. Support for the costs of year t is paid in t + ``payment_lag_years`` (default 1). The
annual programme budget limits the *selection* of projects (:func:`allocate`); :func:`evaluate`
reports what each project would receive if selected.

**Cash flows** (mln ₽, current prices, from each project's first year for ``horizon_years`` years):
participants' flow without support = ``cash_margin × revenue − costs`` (all cost categories); with
support = that + the subsidy paid. **Taxes** by type and budget level (:mod:`.taxes`: VAT, profit tax,
personal income tax, insurance contributions, property tax on the value-added and wage shares of the
project's product in Rosstat's 2021 input–output table), or the reported totals where the data has
them (``taxes="reported"``), or a flat ``tax_rate × revenue``; all scale with ``revenue_factor``.
**Discounting**: every amount to one base year (``base_year``, default the first year of the data).

**Metrics** (columns of :func:`evaluate`; formulas in :mod:`.evaluation`):

- leverage = participants' own money ÷ subsidy, own money = costs − subsidy (₽ per ₽, nominal);
- attributed taxes = α × all taxes of the project, α = 1 when support makes it viable, the scenario's
  ``additionality`` (default 0) when it is viable anyway, 0 when not viable even with support;
- budget effectiveness = PV attributed taxes ÷ PV subsidy (independent of the base year), and its
  federal (federal taxes ÷ federal subsidy) and regional (regional taxes ÷ regional top-up) parts;
- budget break-even year = first calendar year from which cumulative discounted attributed taxes stay
  ≥ cumulative discounted subsidy;
- discounted payback = years from t = 0 until the cumulative discounted flow stays ≥ 0;
- jobs per mln ₽ = jobs ÷ subsidy.

Reasons for ineligibility and refused parameters are codes with values (:data:`REASONS`,
:class:`ParameterError`): the page translates them. Nothing here imports Streamlit.

Modules: :mod:`.parameters` (names, ranges, refusals), :mod:`.regimes`, :mod:`.scenario` (and its URL
form), :mod:`.projects` (:class:`Projects`, :func:`load_projects`), :mod:`.evaluation`, :mod:`.portfolio`,
:mod:`.taxes`, :mod:`.allocation`, :mod:`.sensitivity` (budget sweep, comparison, tornado),
:mod:`.storage` (saved scenarios and regimes). Every public name is re-exported here.
"""

from __future__ import annotations

from analytics.metrics._panel import DataWarning
from analytics.models.subsidy.allocation import (
    APPROX_GAP,
    DEFAULT_TIME_LIMIT,
    EXACT_LIMIT,
    Allocation,
    allocate,
)
from analytics.models.subsidy.evaluation import (
    Evaluation,
    cost_eligibility,
    eligibility,
    evaluate,
    evaluate_detail,
    subsidy_by_year,
)
from analytics.models.subsidy.parameters import (
    CAP_BASES,
    COST_CATEGORIES,
    COST_REASONS,
    DEFAULT_ADDITIONALITY,
    DEFAULT_CASH_MARGIN,
    DEFAULT_DISCOUNT_RATE,
    DEFAULT_HORIZON_YEARS,
    DEFAULT_PAYMENT_LAG_YEARS,
    DEFAULT_PROFIT_SHARE,
    DEFAULT_PROPERTY_SHARE,
    HEADLINE_METRICS,
    OBJECTIVES,
    RANGES,
    REASONS,
    TAX_SOURCES,
    ParameterError,
)
from analytics.models.subsidy.portfolio import BudgetBalance, budget_balance, portfolio_summary
from analytics.models.subsidy.projects import Projects, load_projects, registered_by_check
from analytics.models.subsidy.regimes import BUILTIN_REGIMES, ProgrammeRegime, regime_sources
from analytics.models.subsidy.scenario import Scenario
from analytics.models.subsidy.sensitivity import (
    MAX_COMPARED,
    TORNADO_FACTORS,
    TORNADO_METRICS,
    BudgetSweep,
    budget_sweep,
    compare_scenarios,
    tornado,
)
from analytics.models.subsidy.storage import (
    delete_regime,
    delete_scenario,
    list_regimes,
    list_scenarios,
    load_scenario,
    save_regime,
    save_scenario,
)
from analytics.store.schema import PROJECT_STAGES

__all__ = [
    "APPROX_GAP",
    "Allocation",
    "BUILTIN_REGIMES",
    "BudgetBalance",
    "BudgetSweep",
    "CAP_BASES",
    "COST_CATEGORIES",
    "COST_REASONS",
    "DEFAULT_CASH_MARGIN",
    "DEFAULT_DISCOUNT_RATE",
    "DEFAULT_HORIZON_YEARS",
    "DEFAULT_ADDITIONALITY",
    "DEFAULT_PAYMENT_LAG_YEARS",
    "DEFAULT_PROFIT_SHARE",
    "DEFAULT_PROPERTY_SHARE",
    "DEFAULT_TIME_LIMIT",
    "DataWarning",
    "EXACT_LIMIT",
    "Evaluation",
    "HEADLINE_METRICS",
    "MAX_COMPARED",
    "OBJECTIVES",
    "PROJECT_STAGES",
    "ParameterError",
    "ProgrammeRegime",
    "Projects",
    "RANGES",
    "REASONS",
    "Scenario",
    "TAX_SOURCES",
    "TORNADO_FACTORS",
    "TORNADO_METRICS",
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
    "registered_by_check",
    "save_regime",
    "save_scenario",
    "subsidy_by_year",
    "tornado",
]
