"""Charts and texts of the Subsidies page: support level against the legal limit, subsidy and own funds
per project, the budget's outlay against the taxes it gets back, NPV with and without support, the
tornado, the portfolio within the annual budget, the budget sweep and the scenario comparison.

Frames from :mod:`analytics.services.scenarios_view` in, plotly figures and strings out; no store access and no
sums (the frames hold every number drawn). Text from the data (project and scenario names) is escaped
before plotly sees it: plotly reads ``<b>``, ``<a>`` … in labels as markup.
"""
from __future__ import annotations

import copy
import functools
from datetime import date
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio
import streamlit as st

from analytics.data import export
from analytics.models.subsidy import ParameterError
from analytics.services.scenarios_view import scenario_key
from ui.charts.common import FONT_SIZE, NEUTRAL, PALETTE, style
from ui.core import fmt
from ui.core.escape import html as plain
from ui.core.escape import markdown as escape_md
from ui.core.i18n import CATALOG, t
from ui.tables.common import short

FEDERAL = PALETTE[0]      # blue
REGIONAL = PALETTE[1]     # orange
OWN = "#C7CDD4"           # light grey: participants' own money
LIMIT = PALETTE[3]        # vermillion: legal limits, budget lines
TAXES = PALETTE[2]        # bluish green: money coming back
#: Money metrics drawn side by side in the comparison chart (same unit, mln ₽).
COMPARED_MONEY = ("pv_subsidy_mln_rub", "pv_taxes_additional_mln_rub", "pv_taxes_gross_mln_rub")
_SHARE_FIELDS = {"federal_share", "regional_share", "discount_rate", "tax_rate", "cash_margin", "regime.max_share",
                 "additionality", "profit_share", "property_share"}
_MONEY_FIELDS = {"cap_mln_rub", "budget_mln_rub", "regime.cap_mln_rub"}


_TEMPLATE = pio.templates["plotly_white"]


@functools.lru_cache(maxsize=4)
def _house_layout(lang: str) -> dict[str, Any]:
    """The layout :func:`ui.charts.common.style` gives, as a plain dict (template and height left out)."""
    layout = style(go.Figure(), lang).layout.to_plotly_json()
    layout.pop("template", None)
    layout.pop("height", None)
    return layout


def _merge(base: dict[str, Any], own: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in own.items():
        out[key] = _merge(out[key], value) if isinstance(value, dict) and isinstance(out.get(key), dict) else value
    return out


def _figure(data: list[dict[str, Any]], layout: dict[str, Any], lang: str, height: int) -> go.Figure:
    """A figure from plain trace and layout dicts on the house style (:func:`ui.charts.common.style`).

    Built without plotly's property validation: a slider move redraws eight charts, and validating
    each costs 10–40 ms, building from dicts about 1 ms. The tests rebuild every chart with full
    validation (``go.Figure(fig.to_dict())``) so that a wrong property name still fails.
    """
    merged = _merge(copy.deepcopy(_house_layout(lang)), layout)
    merged["height"] = height
    fig = go.Figure({"data": data, "layout": merged}, _validate=False)
    fig.layout.template = _TEMPLATE
    return fig


#: Pixels a half-width chart offers a legend row (charts sit two to a row in the main area).
_LEGEND_WIDTH = 540


def _top_legend(names: list[str], **extra: Any) -> dict[str, Any]:
    """A horizontal legend in the top margin, from the figure's left edge (``container``: long category
    labels push the plot area right, and a legend anchored to it would wrap into a column or cover the
    labels), with the top margin it needs (entries packed into rows of :data:`_LEGEND_WIDTH` px)."""
    rows, used = 1, 0.0
    for name in names:
        width = 44 + 0.56 * (FONT_SIZE - 2) * len(name)
        if used and used + width > _LEGEND_WIDTH:
            rows, used = rows + 1, 0.0
        used += width
    return dict(legend=dict(orientation="h", xref="container", yref="container", x=0.01, xanchor="left",
                            y=0.995, yanchor="top", **extra),
                margin=dict(t=16 + 27 * rows))


def _vline(x: float, colour: str, width: int, dash: str = "solid") -> dict[str, Any]:
    return dict(type="line", x0=x, x1=x, y0=0, y1=1, xref="x", yref="y domain",
                line=dict(color=colour, width=width, dash=dash))


def _hline(y: float, colour: str, width: int, dash: str = "solid") -> dict[str, Any]:
    return dict(type="line", x0=0, x1=1, y0=y, y1=y, xref="x domain", yref="y",
                line=dict(color=colour, width=width, dash=dash))


def _years_axis(n_years: int) -> dict[str, Any]:
    return dict(dtick=1 if n_years <= 12 else 2, tickformat="d")


def _list(values: Any) -> list:
    return [None if isinstance(v, float) and np.isnan(v) else v for v in np.asarray(values, dtype=object).tolist()]


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
        allowed = t("subsidies.error.range", lang, low=param_text(error.field, low, lang),
                    high=param_text(error.field, high, lang))
    elif error.reason == "not_an_option" and isinstance(error.allowed, tuple):
        allowed = t("subsidies.error.options", lang, options=", ".join(plain(a) for a in error.allowed[:12]))
    else:
        allowed = t(f"subsidies.error.{error.reason}", lang)
    value = error.value if not isinstance(error.value, str) else short(error.value, 40)
    return t("subsidies.error.refused", lang, field=field, value=param_text(error.field, value, lang),
             allowed=allowed)


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

def support_level(federal: float, regional: float, limit: float, lang: str) -> go.Figure:
    """One bar 0–100 % of eligible costs: federal share, regional top-up, participants' own part, and
    the regime's limit on the federal share as a vertical line."""
    own = max(0.0, 1.0 - federal - regional)
    data = []
    for value, colour, key in ((federal, FEDERAL, "federal"), (regional, REGIONAL, "regional"), (own, OWN, "own")):
        name = t(f"subsidies.support.{key}", lang)
        data.append(dict(
            type="bar", x=[100 * value], y=[""], orientation="h", marker=dict(color=colour), name=name,
            text=[fmt.percent(value, lang, 0) if value >= 0.06 else ""], textposition="inside",
            insidetextanchor="middle", textfont=dict(size=FONT_SIZE, color="black" if key == "own" else "white"),
            hovertemplate=f"{name}: {fmt.percent(value, lang, 1)}<extra></extra>",
        ))
    label = t("subsidies.support.limit", lang, limit=fmt.percent(limit, lang, 0))
    layout = dict(
        barmode="stack", showlegend=False, bargap=0.15, margin=dict(l=8, r=8, t=34, b=8),
        xaxis=dict(range=[0, 100], ticksuffix=" %" if lang == "ru" else "%", dtick=25, fixedrange=True),
        yaxis=dict(visible=False, fixedrange=True),
        shapes=[_vline(100 * limit, LIMIT, 4, "dash")],
        annotations=[dict(x=100 * limit, y=1.0, yref="paper", yanchor="bottom", showarrow=False,
                          text=f"<b>{label}</b>", font=dict(color=LIMIT, size=FONT_SIZE - 2))],
    )
    return _figure(data, layout, lang, 150)


def project_bars(frame: pd.DataFrame, lang: str) -> go.Figure:
    """Horizontal stacked bars per project: federal subsidy, regional top-up, participants' own money
    (mln ₽ over the horizon; together the project's costs). A capped project's name carries a mark."""
    rows = frame.iloc[::-1]  # plotly draws the first category at the bottom: largest on top
    labels = [plain(project_name(r, lang, 30)) + (" ▲" if r["capped"] else "") for _, r in rows.iterrows()]
    data = []
    for column, colour, key in (("federal", FEDERAL, "federal"), ("regional", REGIONAL, "regional"),
                                ("own", OWN, "own")):
        name = t(f"subsidies.support.{key}", lang)
        data.append(dict(
            type="bar", y=labels, x=_list(rows[column]), orientation="h", marker=dict(color=colour), name=name,
            customdata=[fmt.money_mln(v, lang) for v in rows[column]],
            hovertemplate=f"%{{y}}<br>{name}: %{{customdata}}<extra></extra>",
        ))
    layout = dict(
        barmode="stack", **_top_legend([d["name"] for d in data]),
        xaxis=dict(title=dict(text=t("subsidies.axis.mln_rub", lang)), tickformat=",.0f"),
        yaxis=dict(automargin=True),
    )
    return _figure(data, layout, lang, max(340, 150 + 38 * len(rows)))


def balance_chart(balance: pd.DataFrame, break_even_year: int | None, lang: str) -> go.Figure:
    """Cumulative discounted budget outlay (subsidy) against cumulative discounted taxes attributed to
    support, by year, with all the projects' taxes (gross) dotted beside; the break-even year (from
    which attributed taxes stay ahead) marked with a vertical line."""
    outlay, taxes = t("subsidies.balance.outlay", lang), t("subsidies.balance.taxes", lang)
    gross = t("subsidies.balance.gross", lang)
    years = _list(balance["year"])
    gross_pv = balance["taxes_gross_pv_mln_rub"].cumsum() if "taxes_gross_pv_mln_rub" in balance else None
    data = [
        dict(type="scatter", x=years, y=_list(balance["cum_subsidy_pv_mln_rub"]), name=outlay,
             mode="lines+markers", line=dict(color=LIMIT, width=4), marker=dict(size=8),
             customdata=[fmt.money_mln(v, lang) for v in balance["cum_subsidy_pv_mln_rub"]],
             hovertemplate=f"{outlay}, %{{x}}: %{{customdata}}<extra></extra>"),
        dict(type="scatter", x=years, y=_list(balance["cum_taxes_pv_mln_rub"]), name=taxes, mode="lines+markers",
             line=dict(color=TAXES, width=4), marker=dict(size=8, symbol="diamond"),
             customdata=[fmt.money_mln(v, lang) for v in balance["cum_taxes_pv_mln_rub"]],
             hovertemplate=f"{taxes}, %{{x}}: %{{customdata}}<extra></extra>"),
    ]
    if gross_pv is not None:
        data.append(dict(type="scatter", x=years, y=_list(gross_pv), name=gross, mode="lines",
                         line=dict(color=NEUTRAL, width=2, dash="dot"),
                         customdata=[fmt.money_mln(v, lang) for v in gross_pv],
                         hovertemplate=f"{gross}, %{{x}}: %{{customdata}}<extra></extra>"))
    shapes, annotations = [], []
    if break_even_year is not None:
        shapes.append(_vline(break_even_year, "#111827", 3, "dot"))
        annotations.append(dict(
            x=break_even_year, y=0.99, yref="paper", xanchor="right", yanchor="top", showarrow=False,
            text=f"<b>{t('subsidies.balance.break_even', lang, year=break_even_year)}</b>", xshift=-6,
            bgcolor="rgba(255,255,255,0.9)", font=dict(size=FONT_SIZE)))
    else:
        annotations.append(dict(
            x=0.02, y=0.98, xref="paper", yref="paper", xanchor="left", yanchor="top", showarrow=False,
            text=f"<b>{t('subsidies.balance.no_break_even', lang)}</b>", bgcolor="rgba(255,255,255,0.9)",
            font=dict(size=FONT_SIZE, color=LIMIT)))
    layout = dict(
        **_top_legend([outlay, taxes] + ([gross] if gross_pv is not None else [])),
        yaxis=dict(title=dict(text=t("subsidies.axis.mln_rub", lang)), tickformat=",.0f", rangemode="tozero"),
        xaxis=_years_axis(len(balance)), shapes=shapes, annotations=annotations,
    )
    return _figure(data, layout, lang, 440)


def npv_chart(frame: pd.DataFrame, lang: str) -> go.Figure:
    """NPV without and with support per project (a dumbbell: the gap is the discounted subsidy)."""
    rows = frame.iloc[::-1]
    labels = [plain(project_name(r, lang, 30)) for _, r in rows.iterrows()]
    xs, ys = [], []
    for label, a, b in zip(labels, rows["npv_without"], rows["npv_with"]):
        xs += [float(a), float(b), None]
        ys += [label, label, None]
    data = [dict(type="scatter", x=xs, y=ys, mode="lines", line=dict(color=NEUTRAL, width=5), showlegend=False,
                 hoverinfo="skip")]
    for column, colour, symbol, key in (("npv_without", NEUTRAL, "circle-open", "without"),
                                        ("npv_with", FEDERAL, "circle", "with")):
        name = t(f"subsidies.npv.{key}", lang)
        data.append(dict(
            type="scatter", x=_list(rows[column]), y=labels, mode="markers", name=name,
            marker=dict(color=colour, size=16, symbol=symbol, line=dict(width=3, color=colour)),
            customdata=[fmt.money_mln(v, lang) for v in rows[column]],
            hovertemplate=f"%{{y}}<br>{name}: %{{customdata}}<extra></extra>",
        ))
    layout = dict(
        **_top_legend([d["name"] for d in data[1:]]),
        xaxis=dict(title=dict(text=t("subsidies.axis.npv", lang)), tickformat=",.0f"),
        yaxis=dict(automargin=True), shapes=[_vline(0, "#374151", 2)],
    )
    return _figure(data, layout, lang, max(340, 150 + 38 * len(rows)))


def tornado_chart(frame: pd.DataFrame, metric: str, lang: str, limit: float) -> go.Figure:
    """Change of a portfolio metric when each factor moves by ±20 %: bars from the base value, the
    factor with the widest swing on top; a move stopped by the legal limit is said on the bar."""
    rows = frame.iloc[::-1]
    percent_inputs = {"support_rate", "discount_rate"}

    def label(row: pd.Series) -> str:
        def value(x: float) -> str:
            return fmt.percent(x, lang, 0) if row["factor"] in percent_inputs else fmt.number(x, lang, 2)
        return (f"{t('subsidies.factor.' + row['factor'], lang)}<br>"
                f"{value(row['low_input'])} … {value(row['high_input'])}")

    labels = [label(r) for _, r in rows.iterrows()]
    data = []
    for side, colour in (("low", PALETTE[5]), ("high", FEDERAL)):
        name = t(f"subsidies.tornado.{side}", lang)
        data.append(dict(
            type="bar", y=labels, x=_list(rows[f"{side}_change"]), base=_list(rows["base_value"]), orientation="h",
            name=name, marker=dict(color=colour), textposition="outside", cliponaxis=False,
            text=[t("subsidies.tornado.limited", lang, limit=fmt.percent(limit, lang, 0)) if lim else ""
                  for lim in rows[f"{side}_limited"]],
            textfont=dict(size=FONT_SIZE - 4, color=LIMIT),
            customdata=[metric_text(metric, v, lang) for v in rows[f"{side}_value"]],
            hovertemplate=f"%{{y}}<br>{name}: %{{customdata}}<extra></extra>",
        ))
    base = float(frame["base_value"].iloc[0]) if len(frame) else 0.0
    top = _top_legend([d["name"] for d in data])
    top["margin"].update(t=top["margin"]["t"] + 26, r=40)  # the base value is written above the plot
    layout = dict(
        barmode="overlay", **top,
        xaxis=dict(title=dict(text=t(f"subsidies.metric.{metric}", lang) + (
                       t("subsidies.axis.unit_mln_rub", lang) if metric.endswith("_mln_rub") else "")),
                   tickformat=",.2f" if metric == "budget_effectiveness" else ",.0f"),
        yaxis=dict(automargin=True), shapes=[_vline(base, "#111827", 3)],
        annotations=[dict(x=1.0, y=1.01, xref="paper", yref="paper", xanchor="right", yanchor="bottom",
                          showarrow=False, font=dict(size=FONT_SIZE - 2),
                          text=t("subsidies.tornado.base", lang, value=metric_text(metric, base, lang)))],
    )
    return _figure(data, layout, lang, 400)


def budget_fit(spend: pd.DataFrame, budget: float | None, lang: str) -> go.Figure:
    """The portfolio's subsidy by year (federal + regional, stacked) against the annual budget line."""
    data = []
    for column, colour, key in (("federal", FEDERAL, "federal"), ("regional", REGIONAL, "regional")):
        name = t(f"subsidies.support.{key}", lang)
        data.append(dict(
            type="bar", x=_list(spend["year"]), y=_list(spend[column]), name=name, marker=dict(color=colour),
            customdata=[fmt.money_mln(v, lang) for v in spend[column]],
            hovertemplate=f"{name}, %{{x}}: %{{customdata}}<extra></extra>",
        ))
    shapes, annotations = [], []
    if budget is not None:
        shapes.append(_hline(budget, LIMIT, 4, "dash"))
        annotations.append(dict(
            x=1.0, xref="paper", y=budget, xanchor="right", yanchor="bottom", showarrow=False,
            text=f"<b>{t('subsidies.budget_line', lang, value=fmt.money_mln(budget, lang, 0))}</b>",
            font=dict(color=LIMIT, size=FONT_SIZE), bgcolor="rgba(255,255,255,0.85)"))
    top = float(spend["subsidy"].max()) if len(spend) else 0.0
    layout = dict(
        barmode="stack", **_top_legend([d["name"] for d in data]),
        yaxis=dict(title=dict(text=t("subsidies.axis.mln_rub_year", lang)), tickformat=",.0f",
                   range=[0, 1.18 * max(top, budget or 0.0, 1.0)]),
        xaxis=_years_axis(len(spend)), shapes=shapes, annotations=annotations,
    )
    return _figure(data, layout, lang, 400)


def sweep_heatmap(membership: pd.DataFrame, budgets: tuple[float, ...], current: float | None,
                  lang: str) -> go.Figure:
    """Projects (rows) × annual budgets (columns): filled where the allocation keeps the project. The
    scenario's own budget is outlined."""
    columns = list(budgets)
    rows = membership.iloc[::-1]
    labels = [plain(project_name(r, lang, 30)) for _, r in rows.reset_index().iterrows()]
    z = rows[columns].to_numpy(dtype=float)
    state = np.where(z > 0, t("subsidies.sweep.in", lang), t("subsidies.sweep.out", lang))
    data = [dict(
        type="heatmap", z=z.tolist(), x=[fmt.number(b, lang, 0) for b in columns], y=labels, zmin=0, zmax=1,
        showscale=False, xgap=3, ygap=3, colorscale=[[0, "#EEF0F3"], [1, TAXES]], customdata=state.tolist(),
        hovertemplate=f"%{{y}}<br>{t('subsidies.sweep.axis', lang)}: %{{x}}<br>%{{customdata}}<extra></extra>",
    )]
    shapes, annotations = [], []
    if current is not None and current in columns:
        i = columns.index(current)
        shapes.append(dict(type="rect", x0=i - 0.5, x1=i + 0.5, y0=-0.5, y1=len(rows) - 0.5, xref="x", yref="y",
                           line=dict(color=LIMIT, width=4)))
        annotations.append(dict(x=i, y=len(rows) - 0.5, yanchor="bottom", showarrow=False,
                                text=f"<b>{t('subsidies.sweep.current', lang)}</b>", font=dict(color=LIMIT)))
    layout = dict(
        margin=dict(l=10, r=20, t=44, b=10), shapes=shapes, annotations=annotations,
        xaxis=dict(title=dict(text=t("subsidies.sweep.axis", lang)), type="category", side="bottom"),
        yaxis=dict(automargin=True, type="category"),
    )
    return _figure(data, layout, lang, max(300, 140 + 34 * len(rows)))


def comparison_bars(frame: pd.DataFrame, lang: str) -> go.Figure:
    """Money metrics of up to three scenarios side by side (horizontal grouped bars, values printed)."""
    metrics = [m for m in COMPARED_MONEY if m in frame.index][::-1]  # the first metric on top
    names = [t(f"subsidies.short.{m}", lang) for m in metrics]
    data = []
    for i, column in reversed(list(enumerate(frame.columns))):  # plotly stacks the first trace lowest
        values = [float(frame.loc[m, column]) for m in metrics]
        data.append(dict(
            type="bar", y=names, x=values, orientation="h", name=plain(column),
            marker=dict(color=PALETTE[i % len(PALETTE)]), text=[fmt.number(v, lang, 0) for v in values],
            textposition="outside", cliponaxis=False,
            hovertemplate=f"{plain(column)}<br>%{{y}}: %{{x:,.1f}}<extra></extra>",
        ))
    values = frame.loc[metrics].astype(float).to_numpy()
    xaxis: dict[str, Any] = dict(title=dict(text=t("subsidies.axis.mln_rub", lang)), tickformat=",.0f")
    if values.size and values.min() >= 0:  # room beside the printed values
        xaxis["range"] = [0, 1.25 * max(float(values.max()), 1.0)]
    layout = dict(barmode="group", **_top_legend([d["name"] for d in data], traceorder="reversed"),
                  xaxis=xaxis, yaxis=dict(automargin=True), bargap=0.25)
    return _figure(data, layout, lang, 520)


# --- Tables and workbooks ------------------------------------------------------------------------------

#: Date range of the regime editor's cost window (widened to hold a date from a link).
FIRST_DATE = date(2000, 1, 1)
LAST_DATE = date(2100, 12, 31)


def date_bounds(*values: date | None) -> tuple[date, date]:
    """The date inputs' range: :data:`FIRST_DATE` … :data:`LAST_DATE`, widened to hold ``values``."""
    given = [v for v in values if v is not None]
    return min([FIRST_DATE, *given]), max([LAST_DATE, *given])

#: Project table: library column → catalog key of its header (in this order).
PROJECT_COLUMNS: dict[str, str] = {
    "project_id": "subsidies.col.project_id", "name": "subsidies.col.name", "cluster": "subsidies.col.cluster",
    "stage": "subsidies.col.stage", "selected": "subsidies.col.selected", "why": "subsidies.col.reason",
    "total_costs_mln_rub": "subsidies.col.total_costs", "eligible_costs_mln_rub": "subsidies.col.eligible_costs",
    "subsidy_federal_mln_rub": "subsidies.col.federal", "subsidy_regional_mln_rub": "subsidies.col.regional",
    "own_money_mln_rub": "subsidies.col.own", "npv_without_mln_rub": "subsidies.col.npv_without",
    "npv_with_mln_rub": "subsidies.col.npv_with", "irr_without": "subsidies.col.irr_without",
    "irr_with": "subsidies.col.irr_with", "irr": "subsidies.col.irr_note",
    "payback_with_years": "subsidies.col.payback", "pv_subsidy_mln_rub": "subsidies.col.pv_subsidy",
    "pv_taxes_gross_mln_rub": "subsidies.col.pv_taxes", "attribution": "subsidies.col.attribution",
    "pv_taxes_additional_mln_rub": "subsidies.col.pv_taxes_additional",
    "pv_taxes_federal_mln_rub": "subsidies.col.pv_taxes_federal",
    "pv_taxes_regional_mln_rub": "subsidies.col.pv_taxes_regional",
    "pv_taxes_local_mln_rub": "subsidies.col.pv_taxes_local",
    "pv_taxes_social_funds_mln_rub": "subsidies.col.pv_taxes_social_funds",
    "budget_effectiveness": "subsidies.col.effectiveness", "break_even_year": "subsidies.col.break_even",
    "leverage": "subsidies.col.leverage", "jobs": "subsidies.col.jobs", "jobs_per_mln_rub": "subsidies.col.jobs_per_mln",
}
_MONEY_COLUMNS = ("total_costs_mln_rub", "eligible_costs_mln_rub", "subsidy_federal_mln_rub",
                  "subsidy_regional_mln_rub", "own_money_mln_rub", "npv_without_mln_rub", "npv_with_mln_rub",
                  "pv_subsidy_mln_rub", "pv_taxes_gross_mln_rub", "pv_taxes_additional_mln_rub",
                  "pv_taxes_federal_mln_rub", "pv_taxes_regional_mln_rub", "pv_taxes_local_mln_rub",
                  "pv_taxes_social_funds_mln_rub")


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
    kinds.update({t(PROJECT_COLUMNS[c], lang): "number2"
                  for c in ("budget_effectiveness", "leverage", "jobs_per_mln_rub", "attribution")})
    kinds.update({t(PROJECT_COLUMNS[c], lang): "plain" for c in ("break_even_year", "payback_with_years")})
    return kinds


def projects_columns(lang: str) -> dict[str, Any]:
    """``st.dataframe`` column types of :func:`projects_table` (numbers: :func:`projects_formats`)."""
    return {t(PROJECT_COLUMNS["selected"], lang): st.column_config.CheckboxColumn()}


def parameters_table(key: tuple[tuple[str, str], ...], lang: str) -> pd.DataFrame:
    """A scenario's URL parameters with their meaning (for the workbook: a reader can rebuild the link)."""
    names = [t(f"subsidies.param.{k}", lang) if f"subsidies.param.{k}" in CATALOG[lang] else k for k, _ in key]
    return pd.DataFrame({t("subsidies.col.parameter", lang): [k for k, _ in key],
                         t("subsidies.col.meaning", lang): names,
                         t("subsidies.col.value", lang): [v for _, v in key]})


def assumption_text(note: dict[str, Any], lang: str) -> str:
    """The one plain sentence behind the attributed taxes (:func:`scenarios_view.attribution_note`)."""
    base = t("subsidies.assumption.year", lang, year=note["base_year"]) if note["base_year"] is not None \
        else t("subsidies.assumption.first_year", lang)
    text = t("subsidies.assumption", lang, additionality=fmt.percent(note["additionality"], lang, 0),
             lag=fmt.integer(note["lag"], lang), base_year=base, rate=fmt.percent(note["rate"], lang, 1))
    if note["assume_registered"]:
        text += " " + t("subsidies.assumption.registered", lang)
    return text


def scenario_workbook(results: Any, lang: str, cluster_names: dict[str, str],
                      assumption: str = "") -> dict[str, pd.DataFrame]:
    """Sheets of the scenario's Excel file: projects, budget by year, portfolio metrics (attributed taxes
    first, gross beside, the assumption in one sentence), parameters."""
    balance = results.balance.rename(columns={c: t(f"subsidies.col.{c}", lang) for c in results.balance.columns})
    metrics = [t(f"subsidies.metric.{m}", lang) for m in results.summary.index]
    values = list(results.summary.to_numpy())
    if assumption:
        metrics.append(t("subsidies.col.assumption", lang))
        values.append(assumption)
    summary = pd.DataFrame({t("subsidies.col.metric", lang): metrics, t("subsidies.col.value", lang): values})
    return {
        t("subsidies.sheet.projects", lang): projects_table(results.table, lang, cluster_names),
        t("subsidies.sheet.budget", lang): balance,
        t("subsidies.sheet.summary", lang): summary,
        t("subsidies.sheet.parameters", lang): parameters_table(scenario_key(results.scenario), lang),
    }


def saved_table(saved: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Saved scenarios for reading: name, comment, author, last change."""
    return pd.DataFrame({
        t("subsidies.col.scenario", lang): saved["name"],
        t("subsidies.col.note", lang): saved["note"].fillna(""),
        t("subsidies.col.user", lang): saved["user_name"],
        t("subsidies.col.updated", lang): pd.to_datetime(saved["updated_at"]).dt.strftime("%d.%m.%Y %H:%M"),
    })


def sweep_table(summary: pd.DataFrame, objective: str, lang: str) -> pd.DataFrame:
    """The budget sweep per budget: projects chosen, their subsidy, the objective's value, optimality."""
    return pd.DataFrame({
        t("subsidies.col.budget", lang): summary["budget_mln_rub"],
        t("subsidies.col.n_selected", lang): summary["n_selected"],
        t("subsidies.col.subsidy_total", lang): summary["subsidy_mln_rub"],
        t(f"subsidies.objective_value.{objective}", lang): summary["value"],
        t("subsidies.col.optimal", lang): summary["optimal"],
    })


def sweep_formats(objective: str, lang: str) -> dict[str, str]:
    """Number formats of :func:`sweep_table`'s columns (kinds of :data:`ui.tables.common.CELL_FORMATS`)."""
    return {t("subsidies.col.budget", lang): "number1", t("subsidies.col.subsidy_total", lang): "number1",
            t(f"subsidies.objective_value.{objective}", lang): "number1"}


def sweep_columns(objective: str, lang: str) -> dict[str, Any]:
    """``st.dataframe`` column types of :func:`sweep_table` (numbers: :func:`sweep_formats`)."""
    return {t("subsidies.col.optimal", lang): st.column_config.CheckboxColumn()}


def comparison_workbook(frame: pd.DataFrame, items: tuple, lang: str) -> dict[str, pd.DataFrame]:
    """Sheets of the comparison's Excel file: the metrics side by side and each scenario's parameters."""
    keys = sorted({k for _, key in items for k, _ in key})
    params = pd.DataFrame({t("subsidies.col.parameter", lang): keys})
    for label, key in items:
        params[header_text(label)] = [dict(key).get(k, "") for k in keys]
    return {t("subsidies.sheet.compare", lang): comparison_export(frame, lang),
            t("subsidies.sheet.parameters", lang): params}
