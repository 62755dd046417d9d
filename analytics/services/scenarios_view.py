"""Subsidy scenarios as the Subsidies page needs them: URL and widget values in, chart-ready frames out.

The page stays thin: it collects widget values into a :class:`PageRequest`, calls :func:`page_view`
once (through ``ui.core.state.cached_with``, which keeps the projects of :func:`projects` once per data
version) and draws. Every sum, ratio and selection is made here or in :mod:`analytics.models.subsidy`;
nothing here imports Streamlit, knows a widget key or keeps a cache.

- **URL.** A scenario travels as :meth:`Scenario.to_query_params` (plain strings, range-checked on the
  way back); the page adds ``objective``, ``registry``, ``sensitivity`` and up to three pinned scenarios
  ``cmp1`` … ``cmp3`` for the side-by-side comparison (:class:`PageOptions`) — this module and
  :class:`Scenario` are the only places that know URL keys.
  :func:`url_update` says which query keys to set and which to drop so that a link reproduces exactly
  what is on screen.
- **Widgets.** :func:`inputs_from` turns a scenario into widget values (shares 0–1, mln ₽, years) and
  :func:`scenario_from` back; a refused value raises :class:`analytics.models.subsidy.ParameterError` (never
  clipped). Switching or editing the regime may lower the federal share or drop the own cap: the
  functions say so in :class:`Notice` values, which the page shows.
- **Results.** :func:`scenario_results` evaluates a scenario once per parameter set: the project
  table, the portfolio (the projects chosen within the annual budget, or every eligible project when
  the budget is unlimited), its headline metrics, the budget balance by year, the per-project chart
  frame and spending against the budget. :func:`tornado_view` is the sensitivity of the portfolio,
  :func:`sweep_view` shows which projects drop out as the budget moves, :func:`comparison` puts up to
  three scenarios side by side.

Money in mln ₽ (current prices), shares 0–1, headcount in persons. Source of the rules: Decree No. 41
and the Tax Code (``analytics.models.rules``); modelling assumptions (discount rate, cash margin,
horizon, payment lag, additionality, taxable-profit share) are the defaults of
:mod:`analytics.models.subsidy`, not law.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any
from urllib.parse import parse_qsl, urlencode

import duckdb
import numpy as np
import pandas as pd

from analytics import store
from analytics.models import subsidy
from analytics.models.subsidy import (
    OBJECTIVES,
    TORNADO_METRICS,
    ParameterError,
    ProgrammeRegime,
    Scenario,
)

__all__ = [
    "DEFAULT_OBJECTIVE",
    "DEFAULT_SENSITIVITY",
    "INPUT_FIELDS",
    "Notice",
    "PageOptions",
    "SCENARIO_KEYS",
    "ScenarioResults",
    "SweepView",
    "cluster_options",
    "PageRequest",
    "PageSetup",
    "page_setup",
    "pin",
    "unpin",
    "SubsidiesView",
    "comparison",
    "has_scenario",
    "page_view",
    "projects",
    "inputs_from",
    "page_params",
    "parse_page",
    "parse_scenario",
    "portfolio_ids",
    "preset_items",
    "reconcile",
    "regimes",
    "registry_option",
    "saved_key",
    "saved_scenarios",
    "scenario_from",
    "scenario_key",
    "scenario_results",
    "slider_range",
    "sweep_view",
    "tornado_view",
    "switch_regime",
    "url_update",
]

#: What the allocation maximises by default: discounted taxes (proven optimal quickly; the NPV uplift
#: is a subset-sum problem that may need tens of seconds to prove for 200 projects).
DEFAULT_OBJECTIVE = "taxes"
#: The portfolio metric of the tornado chart by default.
DEFAULT_SENSITIVITY = "npv_with_mln_rub"
#: Relative move of each tornado factor (±20 %).
TORNADO_DELTA = 0.2
#: Projects drawn in the per-project charts (the largest by total costs); the table lists all.
TOP_PROJECTS = 15
#: Seconds the solver may take on the page; past it the best set found is shown with its gap.
SOLVER_TIME_LIMIT = 5.0
#: Budgets of the sweep, as fractions of the peak annual subsidy of all candidates.
SWEEP_FRACTIONS: tuple[float, ...] = (0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0)
#: Rows of the sweep chart: the projects whose selection changes first.
SWEEP_MAX_ROWS = 25
#: The sweep runs by itself up to this many candidates (each budget is one solver run: with a few dozen
#: candidates ten runs take 0.1–0.5 s, which would break the 300 ms of a slider move; beyond, on request).
SWEEP_AUTO_CANDIDATES = 10
#: The tornado is drawn by itself up to this many projects in the data (seven evaluations of all of them
#: each time: about 10 ms for the demo, 50–90 ms for 1,000 projects); beyond, on request.
TORNADO_AUTO_PROJECTS = 200
#: The quick comparison: federal share at 0, half and all of the regime's maximum (0 / 25 / 50 %).
PRESET_FRACTIONS: tuple[float, ...] = (0.0, 0.5, 1.0)
#: Ranges of the page's sliders; a value from a link outside them widens the slider, never moves.
SLIDER_RANGES: dict[str, tuple[float, float]] = {
    "top_up": (0.0, 0.5),
    "rate": (0.0, 0.3),
    "tax": (0.0, 0.3),
    "add": (0.0, 1.0),
    "lag": (0, 5),
    "margin": (0.0, 0.5),
    "horizon": (1, 30),
    "revenue": (0.5, 1.5),
    "r_share": (0.01, 1.0),
}
#: Decimals kept from a slider value (a browser sends 0.29000000000000004 for 29 %).
_SLIDER_DECIMALS = 10


def _all_scenario_keys() -> tuple[str, ...]:
    """Every key :meth:`Scenario.to_query_params` can write: a regime that is not built in (all regime
    fields travel) with every optional value set."""
    regime = ProgrammeRegime(
        regime_id="all_keys",
        max_share=0.5,
        eligible_categories=("rd",),
        costs_from=date(2020, 1, 1),
        costs_to=date(2030, 1, 1),
        cap_mln_rub=1.0,
    )
    full = Scenario(regime=regime, cap_mln_rub=1.0, budget_mln_rub=1.0, base_year=2020, tax_rate=0.1)
    return tuple(full.to_query_params(base_regimes={}))


#: Query keys that belong to the scenario (``regime``, ``fed``, ``top_up`` …, ``r_share`` …).
SCENARIO_KEYS: tuple[str, ...] = _all_scenario_keys()
#: Query keys of the page's own choices.
PAGE_KEYS: tuple[str, ...] = ("objective", "registry", "sensitivity", "cmp1", "cmp2", "cmp3")
#: Query keys of the pinned scenarios (each holds a scenario's own query string, url-encoded).
PIN_KEYS: tuple[str, ...] = ("cmp1", "cmp2", "cmp3")
#: Widget values that describe the regime itself (the regime editor's), in the order the page draws them.
_REGIME_INPUTS: tuple[str, ...] = (
    "regime",
    "r_share",
    "r_cap",
    "r_basis",
    "r_minp",
    "r_cats",
    "r_stages",
    "r_from",
    "r_to",
    "r_supplier",
)
#: Widget values of a scenario (:func:`inputs_from`), in the order the page draws them.
INPUT_FIELDS: tuple[str, ...] = (
    *_REGIME_INPUTS,
    "fed",
    "top_up",
    "cap",
    "cap_basis",
    "budget",
    "rate",
    "tax",
    "margin",
    "horizon",
    "base_year",
    "revenue",
    "taxes",
    "add",
    "lag",
    "assume_reg",
)


# --- URL -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PageOptions:
    """The page's own choices: allocation objective, clusters marked registered (None: the clusters
    that pass the Decree No. 779 check), the tornado's metric and the pinned scenarios (scenario keys,
    at most three) compared side by side."""

    objective: str = DEFAULT_OBJECTIVE
    registry: tuple[str, ...] | None = None
    sensitivity: str = DEFAULT_SENSITIVITY
    pinned: tuple[tuple[tuple[str, str], ...], ...] = ()


def _last(value: object) -> object:
    if isinstance(value, (list, tuple)):
        return value[-1] if value else ""
    return value


def parse_page(params: Mapping[str, object], clusters: Sequence[str]) -> PageOptions:
    """The page options from query values; unknown objectives, metrics or clusters are refused
    (:class:`ParameterError`). ``registry`` is a comma-separated list of cluster ids (empty: none)."""
    objective = _last(params.get("objective", DEFAULT_OBJECTIVE))
    if objective not in OBJECTIVES:
        raise ParameterError("objective", objective, tuple(OBJECTIVES), "not_an_option")
    sensitivity = _last(params.get("sensitivity", DEFAULT_SENSITIVITY))
    if sensitivity not in TORNADO_METRICS:
        raise ParameterError("sensitivity", sensitivity, TORNADO_METRICS, "not_an_option")
    registry = None
    if "registry" in params:
        text = _last(params["registry"])
        if not isinstance(text, str):
            raise ParameterError("registry", text, tuple(clusters), "not_an_option")
        given = [c for c in text.split(",") if c]
        for cluster in given:
            if cluster not in clusters:
                raise ParameterError("registry", cluster, tuple(clusters), "not_an_option")
        registry = tuple(c for c in clusters if c in given)
    pinned = []
    for key in PIN_KEYS:
        if key in params:
            text = _last(params[key])
            if not isinstance(text, str) or len(text) > 4000:
                raise ParameterError(key, text, "a scenario link", "not_an_option")
            pinned.append(scenario_key(Scenario.from_query_params(dict(parse_qsl(text)))))
    return PageOptions(str(objective), registry, str(sensitivity), tuple(pinned))


def page_params(options: PageOptions) -> dict[str, str]:
    """Query values of the page options; defaults are left out (a short link)."""
    out: dict[str, str] = {}
    if options.objective != DEFAULT_OBJECTIVE:
        out["objective"] = options.objective
    if options.registry is not None:
        out["registry"] = ",".join(options.registry)
    if options.sensitivity != DEFAULT_SENSITIVITY:
        out["sensitivity"] = options.sensitivity
    for key, pinned in zip(PIN_KEYS, options.pinned):
        out[key] = urlencode(pinned)
    return out


def registry_option(
    selected: Sequence[str], clusters: Sequence[str], passing: Sequence[str] = ()
) -> tuple[str, ...] | None:
    """The registry option of a cluster selection: None when it is exactly the clusters that pass the
    registry check (the default, a short link), else the selected ids in the order of ``clusters``."""
    chosen = set(selected)
    if chosen == set(passing) & set(clusters):
        return None
    return tuple(c for c in clusters if c in chosen)


def pin(options: PageOptions, scenario: Scenario) -> PageOptions:
    """``options`` with ``scenario`` pinned for the comparison (the oldest pin dropped beyond three;
    pinning the same scenario twice keeps one)."""
    key = scenario_key(scenario)
    pinned = tuple(p for p in options.pinned if p != key) + (key,)
    return PageOptions(options.objective, options.registry, options.sensitivity, pinned[-len(PIN_KEYS) :])


def unpin(options: PageOptions, index: int) -> PageOptions:
    """``options`` without the pinned scenario number ``index`` (0-based)."""
    pinned = tuple(p for i, p in enumerate(options.pinned) if i != index)
    return PageOptions(options.objective, options.registry, options.sensitivity, pinned)


def has_scenario(params: Mapping[str, object]) -> bool:
    """True when the query string carries any scenario value."""
    return any(k in params for k in SCENARIO_KEYS)


def parse_scenario(params: Mapping[str, object]) -> Scenario:
    """The scenario of a link (built-in regimes as the base); :class:`ParameterError` when refused."""
    return Scenario.from_query_params({k: params[k] for k in SCENARIO_KEYS if k in params})


def scenario_key(scenario: Scenario) -> tuple[tuple[str, str], ...]:
    """A scenario as sorted (key, value) pairs: hashable, the cache key of :func:`scenario_results`."""
    return tuple(sorted(scenario.to_query_params().items()))


def url_update(
    current: Mapping[str, object], scenario: Scenario, options: PageOptions
) -> tuple[dict[str, str], list[str]]:
    """(keys to set, keys to drop) so that the query string holds exactly ``scenario`` and ``options``;
    other keys (``lang``, ``region`` …) are left alone. Keys already holding the value are not set."""
    wanted = {**scenario.to_query_params(), **page_params(options)}
    to_set = {k: v for k, v in wanted.items() if _last(current.get(k)) != v or k not in current}
    to_drop = [k for k in (*SCENARIO_KEYS, *PAGE_KEYS) if k in current and k not in wanted]
    return to_set, to_drop


# --- Widgets ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Notice:
    """A value the page changed for the user, said out loud: ``code`` (``federal_share_lowered`` /
    ``cap_dropped`` / ``federal_share_restarted``), the field, and the old and new values."""

    code: str
    field: str
    old: Any
    new: Any


def inputs_from(scenario: Scenario) -> dict[str, Any]:
    """Widget values of ``scenario`` (keys :data:`INPUT_FIELDS`): shares 0–1, mln ₽, dates, years."""
    r = scenario.regime
    return {
        "regime": r.regime_id,
        "r_share": r.max_share,
        "r_cap": r.cap_mln_rub,
        "r_basis": r.cap_basis,
        "r_minp": r.min_participants,
        "r_cats": list(r.eligible_categories),
        "r_stages": list(r.eligible_stages),
        "r_from": r.costs_from,
        "r_to": r.costs_to,
        "r_supplier": r.supplier_in_cluster,
        "fed": scenario.federal_share,
        "top_up": scenario.regional_share,
        "cap": scenario.cap_mln_rub,
        "cap_basis": scenario.cap_basis,
        "budget": scenario.budget_mln_rub,
        "rate": scenario.discount_rate,
        "tax": scenario.tax_rate,
        "margin": scenario.cash_margin,
        "horizon": scenario.horizon_years,
        "base_year": scenario.base_year,
        "revenue": scenario.revenue_factor,
        "taxes": scenario.taxes,
        "add": scenario.additionality,
        "lag": scenario.payment_lag_years,
        "assume_reg": scenario.assume_registered,
    }


def _clean(value: Any) -> Any:
    """Slider noise removed from a float; whole numbers from number inputs kept as they are."""
    if isinstance(value, float):
        return round(value, _SLIDER_DECIMALS)
    return value


def scenario_from(inputs: Mapping[str, Any], regimes: Mapping[str, ProgrammeRegime]) -> Scenario:
    """The scenario the widgets describe; the regime is ``regimes[inputs["regime"]]`` with the edited
    fields replaced. Raises :class:`ParameterError` for a refused value (the page shows it)."""
    regime_id = inputs["regime"]
    if regime_id not in regimes:
        raise ParameterError("regime", regime_id, tuple(regimes), "not_an_option")
    base = regimes[regime_id]
    edited = {
        "max_share": _clean(inputs["r_share"]),
        "cap_mln_rub": _clean(inputs["r_cap"]),
        "cap_basis": inputs["r_basis"],
        "min_participants": inputs["r_minp"],
        "eligible_categories": tuple(inputs["r_cats"]),
        "eligible_stages": tuple(inputs["r_stages"]),
        "costs_from": inputs["r_from"],
        "costs_to": inputs["r_to"],
        "supplier_in_cluster": inputs["r_supplier"],
    }
    candidate = base.replace(**edited)
    regime = (
        base
        if candidate == base
        else candidate.replace(source=(base.source or base.regime_id) + " — edited on the page")
    )
    return Scenario(
        regime=regime,
        federal_share=_clean(inputs["fed"]),
        regional_share=_clean(inputs["top_up"]),
        cap_mln_rub=_clean(inputs["cap"]),
        cap_basis=inputs["cap_basis"],
        budget_mln_rub=_clean(inputs["budget"]),
        discount_rate=_clean(inputs["rate"]),
        tax_rate=_clean(inputs["tax"]),
        cash_margin=_clean(inputs["margin"]),
        horizon_years=inputs["horizon"],
        base_year=inputs["base_year"],
        revenue_factor=_clean(inputs["revenue"]),
        taxes=inputs["taxes"],
        additionality=_clean(inputs["add"]),
        payment_lag_years=inputs["lag"],
        assume_registered=bool(inputs["assume_reg"]),
    )


def reconcile(inputs: Mapping[str, Any]) -> tuple[dict[str, Any], list[Notice]]:
    """After the regime's maximum share or legal cap was edited: a federal share above the new maximum
    comes down to it, an own cap above the new legal cap is dropped — each with a :class:`Notice`."""
    out = dict(inputs)
    notices = []
    if out["fed"] is not None and out["r_share"] is not None and out["fed"] > out["r_share"]:
        notices.append(Notice("federal_share_lowered", "federal_share", out["fed"], out["r_share"]))
        out["fed"] = out["r_share"]
    if out["cap"] is not None and out["r_cap"] is not None and out["cap"] > out["r_cap"]:
        notices.append(Notice("cap_dropped", "cap_mln_rub", out["cap"], None))
        out["cap"] = None
    return out, notices


def switch_regime(inputs: Mapping[str, Any], regime: ProgrammeRegime) -> tuple[dict[str, Any], list[Notice]]:
    """Widget values after choosing ``regime`` (as :meth:`Scenario.with_regime`): its parameters, the
    federal share restarting from its maximum, its cap basis; an own cap above its legal cap dropped."""
    out = dict(inputs)
    fresh = inputs_from(Scenario(regime=regime))
    for key in (*_REGIME_INPUTS, "cap_basis"):
        out[key] = fresh[key]
    notices = []
    if inputs.get("fed") != regime.max_share:
        notices.append(Notice("federal_share_restarted", "federal_share", inputs.get("fed"), regime.max_share))
    out["fed"] = regime.max_share
    out, more = reconcile(out)
    return out, notices + more


def slider_range(field: str, value: float | int | None) -> tuple[float, float]:
    """The page's slider range of ``field`` (:data:`SLIDER_RANGES`), widened to hold ``value``."""
    low, high = SLIDER_RANGES[field]
    if value is None:
        return low, high
    return min(low, value), max(high, value)


# --- Store-level views (the page calls them through ui.core.state, which caches) -------------------------


def projects(con: duckdb.DuckDBPyConnection) -> subsidy.Projects:
    """:func:`analytics.models.subsidy.load_projects` — the projects with the clusters that pass the
    registry check as registered; built once per data version by the page's cache (a slider move only
    re-evaluates)."""
    return subsidy.load_projects(con)


def _registered(projects: subsidy.Projects, registry: tuple[str, ...] | None) -> subsidy.Projects:
    """The projects with the clusters marked registered (None: as the registry check says)."""
    return projects if registry is None else projects.with_registry(registry)


@dataclass(frozen=True)
class PageSetup:
    """What the page's widgets offer: regimes (built-in and stored), the clusters with projects
    (``cluster_id, name_ru, name_en``) and those that pass the registry check (the default registry)."""

    regimes: dict[str, ProgrammeRegime]
    clusters: pd.DataFrame
    passing: tuple[str, ...]


def page_setup(con: duckdb.DuckDBPyConnection) -> PageSetup:
    """:class:`PageSetup` of the store (once per data version: the registry check takes about half a second)."""
    clusters = cluster_options(con)
    passing = subsidy.registered_by_check(con)
    return PageSetup(regimes(con), clusters, tuple(c for c in clusters["cluster_id"] if c in passing))


def regimes(con: duckdb.DuckDBPyConnection) -> dict[str, ProgrammeRegime]:
    """Built-in regimes, overridden or extended by the stored ones (:func:`subsidy.list_regimes`)."""
    return subsidy.list_regimes(con)


def cluster_options(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """The clusters that have projects: ``cluster_id, name_ru, name_en`` (names from the cluster
    templates; the id where there is none), by id."""
    return store.query(
        con,
        store.sql("""
        SELECT p.cluster_id, coalesce(t.name_ru, p.cluster_id) AS name_ru, coalesce(t.name_en, p.cluster_id) AS name_en
        FROM (SELECT DISTINCT cluster_id FROM projects) p
        LEFT JOIN (SELECT cluster_id, min(cluster_name_ru) AS name_ru, min(cluster_name_en) AS name_en
                   FROM cluster_templates GROUP BY cluster_id) t USING (cluster_id)
        ORDER BY p.cluster_id"""),
    )


def saved_scenarios(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Saved scenarios (:func:`subsidy.list_scenarios`): ``name, regime_id, note, user_name, …``."""
    return subsidy.list_scenarios(con)


def saved_key(con: duckdb.DuckDBPyConnection, name: str) -> tuple[tuple[str, str], ...]:
    """The saved scenario ``name`` as a :func:`scenario_key` (KeyError when there is none; a stored
    value that no longer passes the checks raises :class:`ParameterError`)."""
    return scenario_key(subsidy.load_scenario(con, name))


@dataclass(frozen=True)
class ScenarioResults:
    """Everything the page draws for one scenario.

    - ``table``: :func:`subsidy.evaluate` plus ``selected`` (in the portfolio), ``cost_reason`` (for
      projects without eligible costs: the most frequent reason their cost rows were refused, a code of
      :data:`subsidy.COST_REASONS`) and ``irr_note`` (``none`` / ``multiple`` when an IRR is NaN);
    - ``summary``: :func:`subsidy.portfolio_summary` of the portfolio;
    - ``balance``: :class:`subsidy.BudgetBalance` table of the portfolio, years with any money only;
      ``break_even_year``: first year from which cumulative discounted taxes attributed to support stay
      ≥ cumulative discounted subsidy;
    - ``projects_chart``: the :data:`TOP_PROJECTS` portfolio projects with the largest total costs —
      ``project_id, name_ru, name_en, federal, regional, own, npv_without, npv_with, capped`` (mln ₽);
    - ``spend``: the portfolio's subsidy by year (``year, federal, regional, subsidy``) and ``budget``;
    - allocation: ``budget_mln_rub`` (None: unlimited, every eligible project is in the portfolio),
      ``candidates``, ``optimal``, ``gap``, ``method``, ``n_dropped`` (eligible projects left out).
    """

    scenario: Scenario
    objective: str
    table: pd.DataFrame
    summary: pd.Series
    balance: pd.DataFrame
    break_even_year: int | None
    projects_chart: pd.DataFrame
    spend: pd.DataFrame
    budget_mln_rub: float | None
    candidates: int
    optimal: bool
    gap: float
    method: str
    n_dropped: int


def _money_years(*series: np.ndarray) -> slice:
    """Columns from the first to the last year in which any of ``series`` is non-zero."""
    any_money = np.logical_or.reduce([np.abs(s) > 0 for s in series]) if series else np.zeros(0, dtype=bool)
    idx = np.flatnonzero(any_money)
    return slice(int(idx[0]), int(idx[-1]) + 1) if idx.size else slice(0, 0)


def _cost_reasons(projects: subsidy.Projects, scenario: Scenario, table: pd.DataFrame) -> pd.Series:
    """For each project refused with ``no_eligible_costs``: its most frequent cost-row reason."""
    out = pd.Series(None, index=table.index, dtype=object)
    refused = table["reason"] == "no_eligible_costs"
    if not refused.any():
        return out
    rows = subsidy.cost_eligibility(projects, scenario)
    rows = rows[rows["project_id"].isin(set(table.loc[refused, "project_id"])) & rows["reason"].notna()]
    if rows.empty:
        return out
    order = {code: i for i, code in enumerate(subsidy.COST_REASONS)}
    counts = rows.groupby(["project_id", "reason"]).size().rename("n").reset_index()
    counts["order"] = counts["reason"].map(order)
    top = counts.sort_values(["project_id", "n", "order"], ascending=[True, False, True]).drop_duplicates("project_id")
    mapping = dict(zip(top["project_id"], top["reason"]))
    return table["project_id"].map(mapping).where(refused, None).astype(object)


def _irr_note(table: pd.DataFrame) -> pd.Series:
    note = pd.Series(None, index=table.index, dtype=object)
    for column in ("irr_without_status", "irr_with_status"):
        odd = table[column] != "unique"
        note = note.where(~odd | note.notna(), table[column])
    return note


def scenario_results(
    projects: subsidy.Projects,
    key: tuple[tuple[str, str], ...],
    objective: str = DEFAULT_OBJECTIVE,
    registry: tuple[str, ...] | None = None,
) -> ScenarioResults:
    """Evaluate the scenario ``key`` (:func:`scenario_key`) on the store's projects.

    Portfolio: with an annual budget, the projects :func:`subsidy.allocate` chooses for ``objective``
    (solver time limit :data:`SOLVER_TIME_LIMIT` s; ``optimal`` and ``gap`` say how good the set is);
    without one, every eligible project.
    """
    scenario = Scenario.from_query_params(dict(key))
    projects = _registered(projects, registry)
    evaluation = subsidy.evaluate_detail(projects, scenario)
    table = evaluation.table.copy()
    eligible = table["eligible"].to_numpy(dtype=bool)
    selected: tuple[str, ...] | None = None  # None: every eligible project (the library's fast path)
    if scenario.budget_mln_rub is None:
        candidates = int(eligible.sum())
        optimal, gap, method = True, 0.0, "all"
    else:
        allocation = subsidy.allocate(evaluation, scenario, objective, time_limit=SOLVER_TIME_LIMIT)
        selected = allocation.selected
        candidates, optimal, gap, method = allocation.candidates, allocation.optimal, allocation.gap, allocation.method
    mask = evaluation.mask(selected)
    table["selected"] = mask
    table["cost_reason"] = _cost_reasons(projects, scenario, table)
    table["irr_note"] = _irr_note(table)

    summary = subsidy.portfolio_summary(evaluation, selected)
    balance = subsidy.budget_balance(evaluation, selected)
    federal = evaluation.federal[mask].sum(axis=0)
    regional = evaluation.regional[mask].sum(axis=0)
    years = _money_years(balance.table["subsidy_mln_rub"].to_numpy(), balance.table["taxes_mln_rub"].to_numpy())
    balance_table = balance.table.iloc[years].reset_index(drop=True)
    spend_years = _money_years(federal + regional)
    spend = pd.DataFrame(
        {
            "year": evaluation.years[spend_years],
            "federal": federal[spend_years],
            "regional": regional[spend_years],
        }
    )
    spend["subsidy"] = spend["federal"] + spend["regional"]
    spend["budget"] = np.nan if scenario.budget_mln_rub is None else scenario.budget_mln_rub

    portfolio = table[mask]
    top = portfolio.nlargest(TOP_PROJECTS, "total_costs_mln_rub", keep="first")
    projects_chart = pd.DataFrame(
        {
            "project_id": top["project_id"],
            "name_ru": top["name_ru"],
            "name_en": top["name_en"],
            "federal": top["subsidy_federal_mln_rub"],
            "regional": top["subsidy_regional_mln_rub"],
            "own": top["own_money_mln_rub"],
            "npv_without": top["npv_without_mln_rub"],
            "npv_with": top["npv_with_mln_rub"],
            "capped": top["capped"],
        }
    ).reset_index(drop=True)

    return ScenarioResults(
        scenario=scenario,
        objective=objective,
        table=table,
        summary=summary,
        balance=balance_table,
        break_even_year=balance.break_even_year,
        projects_chart=projects_chart,
        spend=spend,
        budget_mln_rub=scenario.budget_mln_rub,
        candidates=candidates,
        optimal=bool(optimal),
        gap=float(gap) if gap is not None else math.nan,
        method=method,
        n_dropped=int(eligible.sum() - mask.sum()),
    )


def portfolio_ids(results: ScenarioResults) -> tuple[str, ...] | None:
    """The portfolio as the tornado's ``selected``: None when it is every eligible project (no budget)."""
    if results.budget_mln_rub is None:
        return None
    return tuple(results.table.loc[results.table["selected"], "project_id"])


def tornado_view(
    projects: subsidy.Projects,
    key: tuple[tuple[str, str], ...],
    selected: tuple[str, ...] | None = None,
    registry: tuple[str, ...] | None = None,
    sensitivity: str = DEFAULT_SENSITIVITY,
) -> pd.DataFrame:
    """:func:`subsidy.tornado` of ``sensitivity`` for the portfolio ``selected`` (None: the eligible
    projects), each factor moved by ±:data:`TORNADO_DELTA`. Seven evaluations (without IRRs) of every
    project: about 10 ms for the demo, 50–90 ms for 1,000 projects, so the page draws it on request
    beyond :data:`TORNADO_AUTO_PROJECTS` projects in the data."""
    scenario = Scenario.from_query_params(dict(key))
    return subsidy.tornado(_registered(projects, registry), scenario, sensitivity, TORNADO_DELTA, selected=selected)


@dataclass(frozen=True)
class SweepView:
    """Which projects the allocation keeps as the annual budget moves.

    ``budgets``: the budgets tried (mln ₽ a year, ascending; the scenario's own budget among them);
    ``membership``: the :data:`SWEEP_MAX_ROWS` projects whose selection changes, first the ones chosen
    at the smallest budgets (bool, index ``project_id``, one column per budget) with ``name_ru`` /
    ``name_en``; ``always`` / ``never``: how many candidates are in at every budget / at none;
    ``hidden``: changing projects left out of the chart; ``summary``: per budget ``n_selected``,
    ``subsidy_mln_rub``, ``value``, ``optimal``.
    """

    budgets: tuple[float, ...]
    current: float | None
    membership: pd.DataFrame
    always: int
    never: int
    hidden: int
    summary: pd.DataFrame


def _two_digits(x: float) -> float:
    """``x`` rounded to two significant digits (a budget people can say: 1 234 → 1 200)."""
    if x <= 0:
        return 0.0
    return float(round(x, -int(math.floor(math.log10(x))) + 1))


def sweep_budgets(peak: float, current: float | None) -> tuple[float, ...]:
    """Budgets of the sweep: :data:`SWEEP_FRACTIONS` of ``peak`` (two significant digits) and ``current``."""
    budgets = {_two_digits(f * peak) for f in SWEEP_FRACTIONS} - {0.0}
    if current is not None:
        budgets.add(float(current))
    return tuple(sorted(budgets))


def sweep_view(
    projects: subsidy.Projects,
    key: tuple[tuple[str, str], ...],
    objective: str = DEFAULT_OBJECTIVE,
    registry: tuple[str, ...] | None = None,
) -> SweepView:
    """:func:`subsidy.budget_sweep` over :func:`sweep_budgets` of the peak annual subsidy of all
    candidates (what an unlimited budget would pay in its most expensive year)."""
    scenario = Scenario.from_query_params(dict(key))
    evaluation = subsidy.evaluate_detail(_registered(projects, registry), scenario)
    unlimited = subsidy.allocate(evaluation, scenario, objective, budget_mln_rub=None)
    mask = evaluation.mask(unlimited.selected)
    peak = float(evaluation.subsidy[mask].sum(axis=0).max()) if mask.any() else 0.0
    budgets = sweep_budgets(peak, scenario.budget_mln_rub)
    if not budgets:
        empty = pd.DataFrame(columns=["name_ru", "name_en"])
        return SweepView((), scenario.budget_mln_rub, empty, 0, 0, 0, pd.DataFrame())
    sweep = subsidy.budget_sweep(evaluation, scenario, list(budgets), objective, time_limit=SOLVER_TIME_LIMIT)
    membership = sweep.membership
    in_count = membership.sum(axis=1)
    always = int((in_count == len(budgets)).sum())
    never = int((in_count == 0).sum())
    changing = membership[(in_count > 0) & (in_count < len(budgets))]
    first_in = changing.to_numpy().argmax(axis=1)
    order = pd.DataFrame({"first": first_in, "n": -changing.sum(axis=1).to_numpy()}, index=changing.index)
    ranked = order.sort_values(["first", "n"], kind="stable").index[:SWEEP_MAX_ROWS]
    names = evaluation.table.set_index("project_id").loc[ranked, ["name_ru", "name_en"]]
    shown = changing.loc[ranked].join(names)
    summary = sweep.summary[["budget_mln_rub", "n_selected", "subsidy_mln_rub", "value", "optimal"]]
    return SweepView(budgets, scenario.budget_mln_rub, shown, always, never, len(changing) - len(ranked), summary)


def preset_items(scenario: Scenario) -> tuple[tuple[float, tuple[tuple[str, str], ...]], ...]:
    """The quick comparison: ``scenario`` with the federal share at :data:`PRESET_FRACTIONS` of the
    regime's maximum (0 / 25 / 50 % under a 50 % regime), as (share, :func:`scenario_key`)."""
    out = []
    for fraction in PRESET_FRACTIONS:
        share = round(fraction * scenario.regime.max_share, _SLIDER_DECIMALS)
        out.append((share, scenario_key(scenario.replace(federal_share=share))))
    return tuple(out)


def comparison(
    projects: subsidy.Projects,
    items: tuple[tuple[str, tuple[tuple[str, str], ...]], ...],
    objective: str = DEFAULT_OBJECTIVE,
    registry: tuple[str, ...] | None = None,
) -> pd.DataFrame:
    """Headline metrics side by side (:func:`subsidy.compare_scenarios`): one row per
    :data:`subsidy.HEADLINE_METRICS`, one column per (label, scenario key), at most three."""
    scenarios = [(label, Scenario.from_query_params(dict(key))) for label, key in items]
    return subsidy.compare_scenarios(_registered(projects, registry), scenarios, objective)


# --- The page in one call ----------------------------------------------------------------------------


@dataclass(frozen=True)
class PageRequest:
    """What the Subsidies page asks: the scenario (as :func:`scenario_key`), the page options, the
    comparison's (label, scenario key) items, and whether to compute the tornado and the budget sweep
    even when they are not computed by themselves (more than :data:`TORNADO_AUTO_PROJECTS` projects in
    the data; no budget or more than :data:`SWEEP_AUTO_CANDIDATES` candidates)."""

    key: tuple[tuple[str, str], ...]
    options: PageOptions = field(default_factory=PageOptions)
    compare: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = ()
    tornado: bool = False
    sweep: bool = False


@dataclass(frozen=True)
class SubsidiesView:
    """Everything the page draws: :class:`ScenarioResults`, the comparison table (None without items),
    the tornado and the sweep (None unless requested), and the plain-sentence assumption behind the
    attributed taxes (:func:`attribution_note`)."""

    results: ScenarioResults
    comparison: pd.DataFrame | None
    tornado: pd.DataFrame | None
    sweep: SweepView | None
    assumption: dict[str, Any]


def attribution_note(scenario: Scenario) -> dict[str, Any]:
    """The values of the one-sentence assumption shown beside attributed taxes (page, slide, export):
    additionality (share 0–1), payment lag (years), base year (None: the first year of the data),
    discount rate, and whether every cluster is assumed registered."""
    return {
        "additionality": scenario.additionality,
        "lag": scenario.payment_lag_years,
        "base_year": scenario.base_year,
        "rate": scenario.discount_rate,
        "assume_registered": scenario.assume_registered,
    }


def page_view(projects: subsidy.Projects, request: PageRequest) -> SubsidiesView:
    """The Subsidies page's one question: the scenario's results, the comparison, and on request the
    tornado (of the portfolio) and the budget sweep."""
    options = request.options
    results = scenario_results(projects, request.key, options.objective, options.registry)
    compared = comparison(projects, request.compare, options.objective, options.registry) if request.compare else None
    small = len(projects) <= TORNADO_AUTO_PROJECTS
    tornado = (
        tornado_view(projects, request.key, portfolio_ids(results), options.registry, options.sensitivity)
        if request.tornado or small
        else None
    )
    auto_sweep = results.budget_mln_rub is not None and results.candidates <= SWEEP_AUTO_CANDIDATES
    sweep = (
        sweep_view(projects, request.key, options.objective, options.registry) if request.sweep or auto_sweep else None
    )
    return SubsidiesView(results, compared, tornado, sweep, attribution_note(results.scenario))
