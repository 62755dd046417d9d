"""Chart builders for the input–output section: a region's multipliers against Russia's, linkages,
and a subsidy portfolio's effect for the region's economy.

DataFrames in, plotly figures out (the frames come from
:func:`analytics.services.regional_io.sector_io_view` and :func:`~analytics.services.regional_io.
projects_effect`); they never query the store. :func:`ui.sections.io_section.portfolio_effect_section` draws the whole
Subsidies-page section in one call (the service through :func:`ui.core.state.cached`).
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from ui.charts.common import FONT_SIZE, NEUTRAL, PALETTE, style
from ui.core import fmt
from ui.core.i18n import t
from ui.core.names import name_column
from ui.tables.input_output import EFFECTS

#: Font size of the product names on the multiplier chart's axis (px; the house font is FONT_SIZE).
TICK_SIZE = FONT_SIZE - 3


def wrap(text: str, width: int) -> str:
    """``text`` broken into lines of at most ``width`` characters at spaces (a longer word keeps its
    line), joined by ``<br>`` for plotly: nothing is cut."""
    lines: list[str] = []
    for word in str(text).split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "<br>".join(lines)


def product_labels(frame: pd.DataFrame, lang: str, limit: int = 34) -> list[str]:
    """``"29 Средства<br>автотранспортные …"``: OKPD 2 code and the whole product name in ``lang``,
    wrapped at ``limit`` characters a line (:func:`wrap`)."""
    names = frame[name_column(lang)]
    return [wrap(f"{code} {name}", limit) for code, name in zip(frame["okpd2"], names, strict=True)]


def _lines(labels: list[str]) -> int:
    return max((label.count("<br>") + 1 for label in labels), default=1)


def multiplier_bars(
    frame: pd.DataFrame, *, lang: str, region_name: str, russia_name: str, x_title: str, type2_name: str
) -> go.Figure:
    """Horizontal bars of the Type I output multiplier by product: the region against Russia; a
    diamond marks the region's Type II multiplier (with household spending).

    ``frame`` needs ``okpd2``, ``name_ru``/``name_en``, ``output_region``, ``output_russia``,
    ``output_type2_region`` (mln ₽ of output per mln ₽ of final demand), in the order to draw.
    """
    labels = product_labels(frame, lang)
    type2_text = [fmt.number(v, lang, 2) for v in frame["output_type2_region"]]
    fig = go.Figure()
    for column, name, colour in (("output_region", region_name, PALETTE[0]), ("output_russia", russia_name, NEUTRAL)):
        fig.add_trace(
            go.Bar(
                y=labels,
                x=frame[column],
                name=name,
                orientation="h",
                marker_color=colour,
                text=[fmt.number(v, lang, 2) for v in frame[column]],
                textposition="outside",
                cliponaxis=False,
                hovertemplate=f"{name}: %{{text}}<extra>%{{y}}</extra>",
            )
        )
    fig.add_trace(
        go.Scatter(
            y=labels,
            x=frame["output_type2_region"],
            name=type2_name,
            mode="markers",
            marker=dict(symbol="diamond", size=14, color=PALETTE[1], line=dict(width=1.5, color="white")),
            customdata=type2_text,
            hovertemplate=f"{type2_name}: %{{customdata}}<extra>%{{y}}</extra>",
        )
    )
    top = float(max(frame["output_russia"].max(), frame["output_type2_region"].max(), 1.0)) if len(frame) else 1.0
    fig.update_layout(barmode="group", legend=dict(orientation="h", yanchor="bottom", y=1.02, x=0))
    fig.update_yaxes(autorange="reversed", automargin=True, tickfont=dict(size=TICK_SIZE))
    fig.update_xaxes(title_text=x_title, tickformat=fmt.d3_number(1), range=[0, top * 1.2])
    row = max(56, (TICK_SIZE + 4) * _lines(labels) + 16)
    return style(fig, lang, height=max(420, 110 + row * len(frame)))


def linkage_scatter(
    frame: pd.DataFrame, *, lang: str, x_title: str, y_title: str, key_name: str, other_name: str, label_top: int = 5
) -> go.Figure:
    """Rasmussen's linkages: x = backward (power of dispersion), y = forward (sensitivity of
    dispersion), lines at 1; key sectors (both > 1) coloured and the ``label_top`` strongest named.

    The names stand in a column at the plot's upper right (white background, a line to their point),
    ordered like their points from top to bottom, so that close points never put names on each other.
    ``frame`` needs ``okpd2``, ``name_ru``/``name_en``, ``backward``, ``forward``, ``key_sector``.
    """
    labels = product_labels(frame, lang, 34)
    data = frame.assign(label=labels)
    fig = go.Figure()
    for is_key, name, colour in ((False, other_name, NEUTRAL), (True, key_name, PALETTE[3])):
        part = data[data["key_sector"] == is_key]
        hover = [
            f"<b>{lab}</b><br>{x_title}: {fmt.number(b, lang, 2)}<br>{y_title}: {fmt.number(f, lang, 2)}"
            for lab, b, f in zip(part["label"], part["backward"], part["forward"], strict=True)
        ]
        fig.add_trace(
            go.Scatter(
                x=part["backward"],
                y=part["forward"],
                mode="markers",
                name=name,
                marker=dict(size=12, color=colour, opacity=0.8, line=dict(width=1, color="white")),
                customdata=hover,
                hovertemplate="%{customdata}<extra></extra>",
            )
        )
    x_range, y_range = _padded(data["backward"], 1.0), _padded(data["forward"], 1.0)
    named = data[data["key_sector"]].nlargest(label_top, "backward").sort_values("forward", ascending=False)
    per_px = (y_range[1] - y_range[0]) / LINKAGE_PLOT_PX
    top = 0.0
    for row in named.itertuples():
        text = wrap(f"{row.okpd2} {getattr(row, name_column(lang))}", 40)
        box = LABEL_LINE_PX * (text.count("<br>") + 1) + 8
        centre, top = y_range[1] - (top + box / 2) * per_px, top + box + 4
        fig.add_annotation(
            x=row.backward,
            y=row.forward,
            text=text,
            axref="x",
            ayref="y",
            ax=x_range[1],
            ay=centre,
            xanchor="right",
            yanchor="middle",
            align="right",
            showarrow=True,
            arrowhead=0,
            arrowwidth=1,
            arrowcolor="#6B7280",
            standoff=7,
            bgcolor="rgba(255,255,255,0.9)",
            font=dict(size=FONT_SIZE - 5, color="#1F2937"),
        )
    fig.add_vline(x=1, line_dash="dash", line_color="#374151", line_width=2)
    fig.add_hline(y=1, line_dash="dash", line_color="#374151", line_width=2)
    fig.update_xaxes(title_text=x_title, tickformat=fmt.d3_number(1), range=x_range)
    fig.update_yaxes(title_text=y_title, tickformat=fmt.d3_number(1), range=y_range)
    fig.update_layout(legend=dict(orientation="h", yanchor="bottom", y=1.02, x=0))
    return style(fig, lang, height=560)


#: Height of the linkage chart's plot area (px of its 560) and of a name's line, to stack the names.
LINKAGE_PLOT_PX = 420
LABEL_LINE_PX = 17


def _padded(values: pd.Series, include: float) -> list[float]:
    """An axis range holding ``values`` and ``include`` with 6 % room on each side."""
    low, high = min(float(values.min()), include), max(float(values.max()), include)
    room = 0.06 * ((high - low) or 1.0)
    return [low - room, high + room]


#: Kinds of effect (rows of ``RegionalImpact.effects``) and the columns shown, in order.
EFFECT_BARS = ("output_mln_rub", "value_added_mln_rub", "wages_mln_rub")


def portfolio_effect_bars(effects: pd.DataFrame, *, lang: str) -> go.Figure:
    """Grouped bars: output, value added and wages (mln ₽ a year) of the direct, indirect and induced
    effects; the values written on the bars."""
    kinds = [t(f"io_effect.effect.{e}", lang) for e in EFFECTS[:3]]
    fig = go.Figure()
    for colour, col in zip(PALETTE, EFFECT_BARS, strict=False):
        values = effects.loc[list(EFFECTS[:3]), col]
        name = t(f"io_effect.col.{col}", lang)
        fig.add_trace(
            go.Bar(
                x=kinds,
                y=values,
                name=name,
                marker_color=colour,
                text=[fmt.number(v, lang, 0) for v in values],
                textposition="outside",
                cliponaxis=False,
                hovertemplate=f"{name}: %{{text}}<extra>%{{x}}</extra>",
            )
        )
    top = float(effects.loc[list(EFFECTS[:3]), list(EFFECT_BARS)].to_numpy().max()) if len(effects) else 1.0
    fig.update_layout(barmode="group", legend=dict(orientation="h", yanchor="bottom", y=1.02, x=0))
    fig.update_yaxes(title_text=t("io_effect.axis", lang), tickformat=fmt.d3_number(0), range=[0, max(top, 1.0) * 1.18])
    fig.update_xaxes(automargin=True)
    return style(fig, lang, height=440)
