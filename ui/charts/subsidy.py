"""Charts of the Subsidies page: support level against the legal limit, subsidy and own funds
per project, the budget's outlay against the taxes it gets back, NPV with and without support, the
tornado, the portfolio within the annual budget, the budget sweep and the scenario comparison.

Frames from :mod:`analytics.services.scenarios_view` in, plotly figures and strings out; no store access and no
sums (the frames hold every number drawn). Text from the data (project and scenario names) is escaped
before plotly sees it: plotly reads ``<b>``, ``<a>`` … in labels as markup.
"""

from __future__ import annotations

import copy
import functools
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from ui.charts.common import FONT_SIZE, NEUTRAL, PALETTE, style
from ui.core import fmt
from ui.core.escape import html as plain
from ui.core.i18n import t
from ui.tables.subsidy import metric_text, project_name

FEDERAL = PALETTE[0]  # blue
REGIONAL = PALETTE[1]  # orange
OWN = "#C7CDD4"  # light grey: participants' own money
LIMIT = PALETTE[3]  # vermillion: legal limits, budget lines
TAXES = PALETTE[2]  # bluish green: money coming back
#: Money metrics drawn side by side in the comparison chart (same unit, mln ₽).
COMPARED_MONEY = ("pv_subsidy_mln_rub", "pv_taxes_additional_mln_rub", "pv_taxes_gross_mln_rub")
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
    return dict(
        legend=dict(
            orientation="h", xref="container", yref="container", x=0.01, xanchor="left", y=0.995, yanchor="top", **extra
        ),
        margin=dict(t=16 + 27 * rows),
    )


def _vline(x: float, colour: str, width: int, dash: str = "solid") -> dict[str, Any]:
    return dict(
        type="line", x0=x, x1=x, y0=0, y1=1, xref="x", yref="y domain", line=dict(color=colour, width=width, dash=dash)
    )


def _hline(y: float, colour: str, width: int, dash: str = "solid") -> dict[str, Any]:
    return dict(
        type="line", x0=0, x1=1, y0=y, y1=y, xref="x domain", yref="y", line=dict(color=colour, width=width, dash=dash)
    )


def _years_axis(n_years: int) -> dict[str, Any]:
    return dict(dtick=1 if n_years <= 12 else 2, tickformat="d")


def _list(values: Any) -> list:
    return [None if isinstance(v, float) and np.isnan(v) else v for v in np.asarray(values, dtype=object).tolist()]


def support_level(federal: float, regional: float, limit: float, lang: str) -> go.Figure:
    """One bar 0–100 % of eligible costs: federal share, regional top-up, participants' own part, and
    the regime's limit on the federal share as a vertical line."""
    own = max(0.0, 1.0 - federal - regional)
    data = []
    for value, colour, key in ((federal, FEDERAL, "federal"), (regional, REGIONAL, "regional"), (own, OWN, "own")):
        name = t(f"subsidies.support.{key}", lang)
        data.append(
            dict(
                type="bar",
                x=[100 * value],
                y=[""],
                orientation="h",
                marker=dict(color=colour),
                name=name,
                text=[fmt.percent(value, lang, 0) if value >= 0.06 else ""],
                textposition="inside",
                insidetextanchor="middle",
                textfont=dict(size=FONT_SIZE, color="black" if key == "own" else "white"),
                hovertemplate=f"{name}: {fmt.percent(value, lang, 1)}<extra></extra>",
            )
        )
    label = t("subsidies.support.limit", lang, limit=fmt.percent(limit, lang, 0))
    layout = dict(
        barmode="stack",
        showlegend=False,
        bargap=0.15,
        margin=dict(l=8, r=8, t=34, b=8),
        xaxis=dict(range=[0, 100], ticksuffix=fmt.percent_sign(lang), dtick=25, fixedrange=True),
        yaxis=dict(visible=False, fixedrange=True),
        shapes=[_vline(100 * limit, LIMIT, 4, "dash")],
        annotations=[
            dict(
                x=100 * limit,
                y=1.0,
                yref="paper",
                yanchor="bottom",
                showarrow=False,
                text=f"<b>{label}</b>",
                font=dict(color=LIMIT, size=FONT_SIZE - 2),
            )
        ],
    )
    return _figure(data, layout, lang, 150)


def project_bars(frame: pd.DataFrame, lang: str) -> go.Figure:
    """Horizontal stacked bars per project: federal subsidy, regional top-up, participants' own money
    (mln ₽ over the horizon; together the project's costs). A capped project's name carries a mark."""
    rows = frame.iloc[::-1]  # plotly draws the first category at the bottom: largest on top
    labels = [plain(project_name(r, lang, 30)) + (" ▲" if r["capped"] else "") for _, r in rows.iterrows()]
    data = []
    for column, colour, key in (
        ("federal", FEDERAL, "federal"),
        ("regional", REGIONAL, "regional"),
        ("own", OWN, "own"),
    ):
        name = t(f"subsidies.support.{key}", lang)
        data.append(
            dict(
                type="bar",
                y=labels,
                x=_list(rows[column]),
                orientation="h",
                marker=dict(color=colour),
                name=name,
                customdata=[fmt.money_mln(v, lang) for v in rows[column]],
                hovertemplate=f"%{{y}}<br>{name}: %{{customdata}}<extra></extra>",
            )
        )
    layout = dict(
        barmode="stack",
        **_top_legend([d["name"] for d in data]),
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
        dict(
            type="scatter",
            x=years,
            y=_list(balance["cum_subsidy_pv_mln_rub"]),
            name=outlay,
            mode="lines+markers",
            line=dict(color=LIMIT, width=4),
            marker=dict(size=8),
            customdata=[fmt.money_mln(v, lang) for v in balance["cum_subsidy_pv_mln_rub"]],
            hovertemplate=f"{outlay}, %{{x}}: %{{customdata}}<extra></extra>",
        ),
        dict(
            type="scatter",
            x=years,
            y=_list(balance["cum_taxes_pv_mln_rub"]),
            name=taxes,
            mode="lines+markers",
            line=dict(color=TAXES, width=4),
            marker=dict(size=8, symbol="diamond"),
            customdata=[fmt.money_mln(v, lang) for v in balance["cum_taxes_pv_mln_rub"]],
            hovertemplate=f"{taxes}, %{{x}}: %{{customdata}}<extra></extra>",
        ),
    ]
    if gross_pv is not None:
        data.append(
            dict(
                type="scatter",
                x=years,
                y=_list(gross_pv),
                name=gross,
                mode="lines",
                line=dict(color=NEUTRAL, width=2, dash="dot"),
                customdata=[fmt.money_mln(v, lang) for v in gross_pv],
                hovertemplate=f"{gross}, %{{x}}: %{{customdata}}<extra></extra>",
            )
        )
    shapes, annotations = [], []
    if break_even_year is not None:
        shapes.append(_vline(break_even_year, "#111827", 3, "dot"))
        annotations.append(
            dict(
                x=break_even_year,
                y=0.99,
                yref="paper",
                xanchor="right",
                yanchor="top",
                showarrow=False,
                text=f"<b>{t('subsidies.balance.break_even', lang, year=break_even_year)}</b>",
                xshift=-6,
                bgcolor="rgba(255,255,255,0.9)",
                font=dict(size=FONT_SIZE),
            )
        )
    else:
        annotations.append(
            dict(
                x=0.02,
                y=0.98,
                xref="paper",
                yref="paper",
                xanchor="left",
                yanchor="top",
                showarrow=False,
                text=f"<b>{t('subsidies.balance.no_break_even', lang)}</b>",
                bgcolor="rgba(255,255,255,0.9)",
                font=dict(size=FONT_SIZE, color=LIMIT),
            )
        )
    layout = dict(
        **_top_legend([outlay, taxes] + ([gross] if gross_pv is not None else [])),
        yaxis=dict(title=dict(text=t("subsidies.axis.mln_rub", lang)), tickformat=",.0f", rangemode="tozero"),
        xaxis=_years_axis(len(balance)),
        shapes=shapes,
        annotations=annotations,
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
    data = [
        dict(
            type="scatter",
            x=xs,
            y=ys,
            mode="lines",
            line=dict(color=NEUTRAL, width=5),
            showlegend=False,
            hoverinfo="skip",
        )
    ]
    for column, colour, symbol, key in (
        ("npv_without", NEUTRAL, "circle-open", "without"),
        ("npv_with", FEDERAL, "circle", "with"),
    ):
        name = t(f"subsidies.npv.{key}", lang)
        data.append(
            dict(
                type="scatter",
                x=_list(rows[column]),
                y=labels,
                mode="markers",
                name=name,
                marker=dict(color=colour, size=16, symbol=symbol, line=dict(width=3, color=colour)),
                customdata=[fmt.money_mln(v, lang) for v in rows[column]],
                hovertemplate=f"%{{y}}<br>{name}: %{{customdata}}<extra></extra>",
            )
        )
    layout = dict(
        **_top_legend([d["name"] for d in data[1:]]),
        xaxis=dict(title=dict(text=t("subsidies.axis.npv", lang)), tickformat=",.0f"),
        yaxis=dict(automargin=True),
        shapes=[_vline(0, "#374151", 2)],
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

        return (
            f"{t('subsidies.factor.' + row['factor'], lang)}<br>{value(row['low_input'])} … {value(row['high_input'])}"
        )

    labels = [label(r) for _, r in rows.iterrows()]
    data = []
    for side, colour in (("low", PALETTE[5]), ("high", FEDERAL)):
        name = t(f"subsidies.tornado.{side}", lang)
        data.append(
            dict(
                type="bar",
                y=labels,
                x=_list(rows[f"{side}_change"]),
                base=_list(rows["base_value"]),
                orientation="h",
                name=name,
                marker=dict(color=colour),
                textposition="outside",
                cliponaxis=False,
                text=[
                    t("subsidies.tornado.limited", lang, limit=fmt.percent(limit, lang, 0)) if lim else ""
                    for lim in rows[f"{side}_limited"]
                ],
                textfont=dict(size=FONT_SIZE - 4, color=LIMIT),
                customdata=[metric_text(metric, v, lang) for v in rows[f"{side}_value"]],
                hovertemplate=f"%{{y}}<br>{name}: %{{customdata}}<extra></extra>",
            )
        )
    base = float(frame["base_value"].iloc[0]) if len(frame) else 0.0
    top = _top_legend([d["name"] for d in data])
    top["margin"].update(t=top["margin"]["t"] + 26, r=40)  # the base value is written above the plot
    layout = dict(
        barmode="overlay",
        **top,
        xaxis=dict(
            title=dict(
                text=t(f"subsidies.metric.{metric}", lang)
                + (t("subsidies.axis.unit_mln_rub", lang) if metric.endswith("_mln_rub") else "")
            ),
            tickformat=",.2f" if metric == "budget_effectiveness" else ",.0f",
        ),
        yaxis=dict(automargin=True),
        shapes=[_vline(base, "#111827", 3)],
        annotations=[
            dict(
                x=1.0,
                y=1.01,
                xref="paper",
                yref="paper",
                xanchor="right",
                yanchor="bottom",
                showarrow=False,
                font=dict(size=FONT_SIZE - 2),
                text=t("subsidies.tornado.base", lang, value=metric_text(metric, base, lang)),
            )
        ],
    )
    return _figure(data, layout, lang, 400)


def budget_fit(spend: pd.DataFrame, budget: float | None, lang: str) -> go.Figure:
    """The portfolio's subsidy by year (federal + regional, stacked) against the annual budget line."""
    data = []
    for column, colour, key in (("federal", FEDERAL, "federal"), ("regional", REGIONAL, "regional")):
        name = t(f"subsidies.support.{key}", lang)
        data.append(
            dict(
                type="bar",
                x=_list(spend["year"]),
                y=_list(spend[column]),
                name=name,
                marker=dict(color=colour),
                customdata=[fmt.money_mln(v, lang) for v in spend[column]],
                hovertemplate=f"{name}, %{{x}}: %{{customdata}}<extra></extra>",
            )
        )
    shapes, annotations = [], []
    if budget is not None:
        shapes.append(_hline(budget, LIMIT, 4, "dash"))
        annotations.append(
            dict(
                x=1.0,
                xref="paper",
                y=budget,
                xanchor="right",
                yanchor="bottom",
                showarrow=False,
                text=f"<b>{t('subsidies.budget_line', lang, value=fmt.money_mln(budget, lang, 0))}</b>",
                font=dict(color=LIMIT, size=FONT_SIZE),
                bgcolor="rgba(255,255,255,0.85)",
            )
        )
    top = float(spend["subsidy"].max()) if len(spend) else 0.0
    layout = dict(
        barmode="stack",
        **_top_legend([d["name"] for d in data]),
        yaxis=dict(
            title=dict(text=t("subsidies.axis.mln_rub_year", lang)),
            tickformat=",.0f",
            range=[0, 1.18 * max(top, budget or 0.0, 1.0)],
        ),
        xaxis=_years_axis(len(spend)),
        shapes=shapes,
        annotations=annotations,
    )
    return _figure(data, layout, lang, 400)


def sweep_heatmap(membership: pd.DataFrame, budgets: tuple[float, ...], current: float | None, lang: str) -> go.Figure:
    """Projects (rows) × annual budgets (columns): filled where the allocation keeps the project. The
    scenario's own budget is outlined."""
    columns = list(budgets)
    rows = membership.iloc[::-1]
    labels = [plain(project_name(r, lang, 30)) for _, r in rows.reset_index().iterrows()]
    z = rows[columns].to_numpy(dtype=float)
    state = np.where(z > 0, t("subsidies.sweep.in", lang), t("subsidies.sweep.out", lang))
    data = [
        dict(
            type="heatmap",
            z=z.tolist(),
            x=[fmt.number(b, lang, 0) for b in columns],
            y=labels,
            zmin=0,
            zmax=1,
            showscale=False,
            xgap=3,
            ygap=3,
            colorscale=[[0, "#EEF0F3"], [1, TAXES]],
            customdata=state.tolist(),
            hovertemplate=f"%{{y}}<br>{t('subsidies.sweep.axis', lang)}: %{{x}}<br>%{{customdata}}<extra></extra>",
        )
    ]
    shapes, annotations = [], []
    if current is not None and current in columns:
        i = columns.index(current)
        shapes.append(
            dict(
                type="rect",
                x0=i - 0.5,
                x1=i + 0.5,
                y0=-0.5,
                y1=len(rows) - 0.5,
                xref="x",
                yref="y",
                line=dict(color=LIMIT, width=4),
            )
        )
        annotations.append(
            dict(
                x=i,
                y=len(rows) - 0.5,
                yanchor="bottom",
                showarrow=False,
                text=f"<b>{t('subsidies.sweep.current', lang)}</b>",
                font=dict(color=LIMIT),
            )
        )
    layout = dict(
        margin=dict(l=10, r=20, t=44, b=10),
        shapes=shapes,
        annotations=annotations,
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
        data.append(
            dict(
                type="bar",
                y=names,
                x=values,
                orientation="h",
                name=plain(column),
                marker=dict(color=PALETTE[i % len(PALETTE)]),
                text=[fmt.number(v, lang, 0) for v in values],
                textposition="outside",
                cliponaxis=False,
                hovertemplate=f"{plain(column)}<br>%{{y}}: %{{x:,.1f}}<extra></extra>",
            )
        )
    values = frame.loc[metrics].astype(float).to_numpy()
    xaxis: dict[str, Any] = dict(title=dict(text=t("subsidies.axis.mln_rub", lang)), tickformat=",.0f")
    if values.size and values.min() >= 0:  # room beside the printed values
        xaxis["range"] = [0, 1.25 * max(float(values.max()), 1.0)]
    layout = dict(
        barmode="group",
        **_top_legend([d["name"] for d in data], traceorder="reversed"),
        xaxis=xaxis,
        yaxis=dict(automargin=True),
        bargap=0.25,
    )
    return _figure(data, layout, lang, 520)


# --- Tables and workbooks ------------------------------------------------------------------------------

#: Date range of the regime editor's cost window (widened to hold a date from a link).
