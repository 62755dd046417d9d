"""What people read on the Subsidies page: parameter, metric and regime texts, the project, parameter,
saved-scenario, sweep and comparison tables with their column formats, and the model's assumption in
one sentence. Frames from :mod:`analytics.services.scenarios_view` in, frames and strings out; no store
access and no sums."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import streamlit as st

from analytics.data import export
from analytics.models.subsidy import ParameterError
from ui.core import fmt
from ui.core.escape import html as plain
from ui.core.escape import markdown as escape_md
from ui.core.i18n import CATALOG, t
from ui.tables.common import short

_SHARE_FIELDS = {
    "federal_share",
    "regional_share",
    "discount_rate",
    "tax_rate",
    "cash_margin",
    "regime.max_share",
    "additionality",
    "profit_share",
    "property_share",
}


_MONEY_FIELDS = {"cap_mln_rub", "budget_mln_rub", "regime.cap_mln_rub"}


def project_name(row: Any, lang: str, limit: int = 34) -> str:
    """The project's name in ``lang`` (the other language, then the id, when missing), shortened."""
    first, second = ("name_en", "name_ru") if lang == "en" else ("name_ru", "name_en")
    for column in (first, second):
        value = row.get(column) if hasattr(row, "get") else None
        if isinstance(value, str) and value.strip():
            return short(value, limit)
    return str(row["project_id"])


# --- Texts -------------------------------------------------------------------------------------------


def param_text(field: str, value: Any, lang: str) -> str:
    """A parameter value as people read it: shares as percentages, money in mln ₽, dates, options."""
    if value is None:
        return fmt.DASH
    if isinstance(value, (list, tuple)):
        return ", ".join(param_text(field, v, lang) for v in value)
    if isinstance(value, bool):
        return t("yes" if value else "no", lang)
    if isinstance(value, (int, float, np.integer, np.floating)):
        if field in _SHARE_FIELDS:
            return fmt.percent(float(value), lang, 1)
        if field in _MONEY_FIELDS:
            return fmt.money_mln(float(value), lang, 1)
        return fmt.number(float(value), lang, 0 if float(value).is_integer() else 2)
    return plain(value)


def parameter_error(error: ParameterError, lang: str) -> str:
    """A refused parameter in plain words: which field, what value, what is allowed."""
    key = f"subsidies.field.{error.field}"
    field = t(key, lang) if key in CATALOG[lang] else error.field
    if error.reason == "out_of_range" and isinstance(error.allowed, tuple) and len(error.allowed) == 2:
        low, high = error.allowed
        allowed = t(
            "subsidies.error.range",
            lang,
            low=param_text(error.field, low, lang),
            high=param_text(error.field, high, lang),
        )
    elif error.reason == "not_an_option" and isinstance(error.allowed, tuple):
        allowed = t("subsidies.error.options", lang, options=", ".join(plain(a) for a in error.allowed[:12]))
    else:
        allowed = t(f"subsidies.error.{error.reason}", lang)
    value = error.value if not isinstance(error.value, str) else short(error.value, 40)
    return t("subsidies.error.refused", lang, field=field, value=param_text(error.field, value, lang), allowed=allowed)


def regime_source(regime: Any, lang: str) -> str:
    """The regime's source in ``lang``: the catalog's wording for a built-in regime as the law has it,
    else the stored text (Markdown-escaped)."""
    from analytics.models.subsidy import BUILTIN_REGIMES

    key = f"subsidies.source.{regime.regime_id}"
    if BUILTIN_REGIMES.get(regime.regime_id) == regime and key in CATALOG[lang]:
        return t(key, lang)
    return escape_md(regime.source or regime.regime_id)


def metric_text(metric: str, value: Any, lang: str) -> str:
    """A headline metric (:data:`analytics.models.subsidy.HEADLINE_METRICS`) formatted for a table cell."""
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return fmt.DASH
    if metric.endswith("_mln_rub"):
        return fmt.money_mln(float(value), lang, 1)
    if metric == "break_even_year":
        return str(int(value))
    if metric in ("leverage", "jobs_per_mln_rub") or metric.startswith("budget_effectiveness"):
        return fmt.number(float(value), lang, 2)
    return fmt.integer(float(value), lang)


def comparison_table(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The comparison (metrics × scenarios) as text: translated metric names, formatted cells."""
    out = pd.DataFrame({t("subsidies.col.metric", lang): [t(f"subsidies.metric.{m}", lang) for m in frame.index]})
    for column in frame.columns:
        out[str(column)] = [metric_text(m, v, lang) for m, v in zip(frame.index, frame[column])]
    return out


def header_text(label: Any) -> str:
    """A column header from user text (a scenario name) that a spreadsheet must not read as a formula:
    :func:`analytics.data.export.neutralise` guards cells, not headers."""
    text = str(label)
    return "'" + text if text.startswith(export.FORMULA_PREFIXES) else text


def comparison_export(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The comparison with translated metric names and the raw numbers (for Excel)."""
    out = frame.rename(columns=header_text)
    out.insert(0, t("subsidies.col.metric", lang), [t(f"subsidies.metric.{m}", lang) for m in frame.index])
    return out.reset_index(drop=True)


# --- Charts ------------------------------------------------------------------------------------------


PROJECT_COLUMNS: dict[str, str] = {
    "project_id": "subsidies.col.project_id",
    "name": "subsidies.col.name",
    "cluster": "subsidies.col.cluster",
    "stage": "subsidies.col.stage",
    "selected": "subsidies.col.selected",
    "why": "subsidies.col.reason",
    "total_costs_mln_rub": "subsidies.col.total_costs",
    "eligible_costs_mln_rub": "subsidies.col.eligible_costs",
    "subsidy_federal_mln_rub": "subsidies.col.federal",
    "subsidy_regional_mln_rub": "subsidies.col.regional",
    "own_money_mln_rub": "subsidies.col.own",
    "npv_without_mln_rub": "subsidies.col.npv_without",
    "npv_with_mln_rub": "subsidies.col.npv_with",
    "irr_without": "subsidies.col.irr_without",
    "irr_with": "subsidies.col.irr_with",
    "irr": "subsidies.col.irr_note",
    "payback_with_years": "subsidies.col.payback",
    "pv_subsidy_mln_rub": "subsidies.col.pv_subsidy",
    "pv_taxes_gross_mln_rub": "subsidies.col.pv_taxes",
    "attribution": "subsidies.col.attribution",
    "pv_taxes_additional_mln_rub": "subsidies.col.pv_taxes_additional",
    "pv_taxes_federal_mln_rub": "subsidies.col.pv_taxes_federal",
    "pv_taxes_regional_mln_rub": "subsidies.col.pv_taxes_regional",
    "pv_taxes_local_mln_rub": "subsidies.col.pv_taxes_local",
    "pv_taxes_social_funds_mln_rub": "subsidies.col.pv_taxes_social_funds",
    "budget_effectiveness": "subsidies.col.effectiveness",
    "break_even_year": "subsidies.col.break_even",
    "leverage": "subsidies.col.leverage",
    "jobs": "subsidies.col.jobs",
    "jobs_per_mln_rub": "subsidies.col.jobs_per_mln",
}


_MONEY_COLUMNS = (
    "total_costs_mln_rub",
    "eligible_costs_mln_rub",
    "subsidy_federal_mln_rub",
    "subsidy_regional_mln_rub",
    "own_money_mln_rub",
    "npv_without_mln_rub",
    "npv_with_mln_rub",
    "pv_subsidy_mln_rub",
    "pv_taxes_gross_mln_rub",
    "pv_taxes_additional_mln_rub",
    "pv_taxes_federal_mln_rub",
    "pv_taxes_regional_mln_rub",
    "pv_taxes_local_mln_rub",
    "pv_taxes_social_funds_mln_rub",
)


def _reason_text(reason: Any, cost_reason: Any, eligible: bool, lang: str) -> str:
    if eligible:
        return t("subsidies.reason.eligible", lang)
    text = t(f"subsidies.reason.{reason}", lang) if isinstance(reason, str) else ""
    if isinstance(cost_reason, str):
        text += " — " + t(f"subsidies.cost_reason.{cost_reason}", lang)
    return text


def _names(frame: pd.DataFrame, lang: str) -> pd.Series:
    """Full project names in ``lang`` (the other language, then the id, where missing)."""
    first, second = ("name_en", "name_ru") if lang == "en" else ("name_ru", "name_en")

    def given(column: str) -> pd.Series:
        return frame[column].map(lambda v: isinstance(v, str) and bool(v.strip()))

    names = frame[first].astype(object).where(given(first), frame[second].astype(object))
    return names.where(given(first) | given(second), frame["project_id"].astype(object))


def projects_table(table: pd.DataFrame, lang: str, cluster_names: dict[str, str]) -> pd.DataFrame:
    """The per-project results with headers in ``lang``: names, translated stage and reason, money in
    mln ₽, IRR as shares (with a note where no single IRR exists)."""
    frame = table.assign(
        name=_names(table, lang),
        cluster=[cluster_names.get(c, c) for c in table["cluster_id"]],
        stage=[t(f"subsidies.stage.{s}", lang) for s in table["stage"]],
        why=[_reason_text(r, c, e, lang) for r, c, e in zip(table["reason"], table["cost_reason"], table["eligible"])],
        irr=[t(f"subsidies.irr.{n}", lang) if isinstance(n, str) else "" for n in table["irr_note"]],
        break_even_year=table["break_even_year"].astype("Float64"),
    )
    return frame[list(PROJECT_COLUMNS)].rename(columns={c: t(k, lang) for c, k in PROJECT_COLUMNS.items()})


def projects_formats(lang: str) -> dict[str, str]:
    """Number formats of :func:`projects_table`'s columns (kinds of :data:`ui.tables.common.CELL_FORMATS`):
    the UI language's separators whatever the browser's locale."""
    kinds = {t(PROJECT_COLUMNS[c], lang): "number1" for c in _MONEY_COLUMNS}
    kinds.update({t(PROJECT_COLUMNS[c], lang): "percent" for c in ("irr_without", "irr_with")})
    kinds.update(
        {
            t(PROJECT_COLUMNS[c], lang): "number2"
            for c in ("budget_effectiveness", "leverage", "jobs_per_mln_rub", "attribution")
        }
    )
    kinds.update({t(PROJECT_COLUMNS[c], lang): "plain" for c in ("break_even_year", "payback_with_years")})
    kinds[t(PROJECT_COLUMNS["jobs"], lang)] = "integer"
    return kinds


def projects_columns(lang: str) -> dict[str, Any]:
    """``st.dataframe`` column types of :func:`projects_table` (numbers: :func:`projects_formats`)."""
    return {t(PROJECT_COLUMNS["selected"], lang): st.column_config.CheckboxColumn()}


def parameters_table(key: tuple[tuple[str, str], ...], lang: str) -> pd.DataFrame:
    """A scenario's URL parameters with their meaning (for the workbook: a reader can rebuild the link)."""
    names = [t(f"subsidies.param.{k}", lang) if f"subsidies.param.{k}" in CATALOG[lang] else k for k, _ in key]
    return pd.DataFrame(
        {
            t("subsidies.col.parameter", lang): [k for k, _ in key],
            t("subsidies.col.meaning", lang): names,
            t("subsidies.col.value", lang): [v for _, v in key],
        }
    )


def assumption_text(note: dict[str, Any], lang: str) -> str:
    """The one plain sentence behind the attributed taxes (:func:`scenarios_view.attribution_note`)."""
    base = (
        t("subsidies.assumption.year", lang, year=note["base_year"])
        if note["base_year"] is not None
        else t("subsidies.assumption.first_year", lang)
    )
    text = t(
        "subsidies.assumption",
        lang,
        additionality=fmt.percent(note["additionality"], lang, 0),
        lag=fmt.integer(note["lag"], lang),
        base_year=base,
        rate=fmt.percent(note["rate"], lang, 1),
    )
    if note["assume_registered"]:
        text += " " + t("subsidies.assumption.registered", lang)
    return text


def saved_table(saved: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Saved scenarios for reading: name, comment, author, last change."""
    return pd.DataFrame(
        {
            t("subsidies.col.scenario", lang): saved["name"],
            t("subsidies.col.note", lang): saved["note"].fillna(""),
            t("subsidies.col.user", lang): saved["user_name"],
            t("subsidies.col.updated", lang): pd.to_datetime(saved["updated_at"]).dt.strftime("%d.%m.%Y %H:%M"),
        }
    )


def sweep_table(summary: pd.DataFrame, objective: str, lang: str) -> pd.DataFrame:
    """The budget sweep per budget: projects chosen, their subsidy, the objective's value, optimality."""
    return pd.DataFrame(
        {
            t("subsidies.col.budget", lang): summary["budget_mln_rub"],
            t("subsidies.col.n_selected", lang): summary["n_selected"],
            t("subsidies.col.subsidy_total", lang): summary["subsidy_mln_rub"],
            t(f"subsidies.objective_value.{objective}", lang): summary["value"],
            t("subsidies.col.optimal", lang): summary["optimal"],
        }
    )


def sweep_formats(objective: str, lang: str) -> dict[str, str]:
    """Number formats of :func:`sweep_table`'s columns (kinds of :data:`ui.tables.common.CELL_FORMATS`)."""
    return {
        t("subsidies.col.budget", lang): "number1",
        t("subsidies.col.subsidy_total", lang): "number1",
        t(f"subsidies.objective_value.{objective}", lang): "number1",
    }


def sweep_columns(objective: str, lang: str) -> dict[str, Any]:
    """``st.dataframe`` column types of :func:`sweep_table` (numbers: :func:`sweep_formats`)."""
    return {t("subsidies.col.optimal", lang): st.column_config.CheckboxColumn()}
