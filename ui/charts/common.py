"""Chart builders: DataFrames in, plotly figures out. They never query the store.

Made for a projector: large fonts, a colour-blind-safe palette (Okabe–Ito), numbers in the UI
language's format (``layout.separators``), hover texts pre-formatted by :mod:`ui.core.fmt`.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from ui.core import fmt

#: Okabe–Ito palette: distinguishable for colour-blind viewers and on washed-out projectors.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"]
NEUTRAL = "#8C8C8C"
#: Tick values of a log LQ axis: 1-2-5 steps.
LOG_TICKS = [0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0, 2.0, 5.0, 10.0, 20.0, 50.0]
FONT_SIZE = 18
#: Bubbles of the sector portfolio that carry their label (the largest by employment).
PORTFOLIO_LABELS = 6


def style(fig: go.Figure, lang: str, *, height: int = 460) -> go.Figure:
    """The house layout: fonts, separators, margins, white background."""
    fig.update_layout(
        separators=fmt.plotly_separators(lang),
        uniformtext=dict(minsize=FONT_SIZE - 4, mode="show"),
        font=dict(size=FONT_SIZE, family="Inter, Segoe UI, Roboto, Arial, sans-serif", color="#1F2937"),
        template="plotly_white",
        height=height,
        margin=dict(l=10, r=30, t=30, b=10),
        hoverlabel=dict(font_size=FONT_SIZE),
        legend=dict(font=dict(size=FONT_SIZE - 2)),
    )
    return fig


def plotly_config(filename: str) -> dict:
    """``st.plotly_chart`` config: keep the PNG download with a meaningful file name, no logo."""
    return {
        "displaylogo": False,
        "toImageButtonOptions": {"format": "png", "filename": filename, "scale": 2},
        "modeBarButtonsToRemove": ["lasso2d", "select2d"],
    }


def horizontal_bars(
    frame: pd.DataFrame,
    *,
    label: str,
    value: str,
    lang: str,
    value_title: str,
    highlight_last: str | None = None,
    digits: int = 0,
) -> go.Figure:
    """Horizontal bars of ``value`` by ``label``, largest on top, values printed at the bar ends.

    ``highlight_last``: a label drawn in neutral grey (e.g. "other industries").
    """
    data = frame[[label, value]].copy()
    colours = [NEUTRAL if name == highlight_last else PALETTE[0] for name in data[label]]
    text = [fmt.number(v, lang, digits) for v in data[value]]
    fig = go.Figure(
        go.Bar(
            x=data[value],
            y=data[label],
            orientation="h",
            marker_color=colours,
            text=text,
            textposition="outside",
            cliponaxis=False,
            hovertemplate="%{y}: %{text}<extra></extra>",
        )
    )
    fig.update_yaxes(autorange="reversed", automargin=True)
    top = float(data[value].max()) if len(data) else 0.0
    # room for the printed values at the bar ends
    fig.update_xaxes(title_text=value_title, tickformat=fmt.d3_number(digits), range=[0, top * 1.25 if top > 0 else 1])
    return style(fig, lang, height=max(320, 60 + 44 * len(data)))


def index_lines(frame: pd.DataFrame, *, x: str, series: dict[str, str], lang: str, y_title: str) -> go.Figure:
    """Lines of index values (first year = 100) for several series; ``series`` maps column → legend name."""
    fig = go.Figure()
    for i, (column, name) in enumerate(series.items()):
        fig.add_trace(
            go.Scatter(
                x=frame[x],
                y=frame[column],
                name=name,
                mode="lines+markers",
                line=dict(width=4, color=PALETTE[i % len(PALETTE)]),
                marker=dict(size=10),
                hovertemplate=f"{name}, %{{x}}: %{{y:,.1f}}<extra></extra>",
            )
        )
    fig.add_hline(y=100, line_dash="dot", line_color=NEUTRAL)
    fig.update_xaxes(dtick=1, tickformat="d")
    fig.update_yaxes(title_text=y_title, tickformat=fmt.d3_number(0))
    fig.update_layout(legend=dict(orientation="h", yanchor="bottom", y=1.02, x=0))
    return style(fig, lang, height=420)


def cluster_colours(cluster_ids: list[str]) -> dict[str, str]:
    """A stable colour per cluster id (alphabetical order), grey for ``other``."""
    named = sorted(c for c in set(cluster_ids) if c != "other")
    colours = {c: PALETTE[i % len(PALETTE)] for i, c in enumerate(named)}
    colours["other"] = NEUTRAL
    return colours


def portfolio_bubbles(
    frame: pd.DataFrame,
    *,
    lang: str,
    cluster_names: dict[str, str],
    quadrant_names: dict[str, str],
    x_title: str,
    y_title: str,
    size_title: str,
    label_top: int = PORTFOLIO_LABELS,
) -> go.Figure:
    """The sector portfolio: x = LQ (log scale), y = growth relative to the benchmark (p.p. a year),
    bubble area = employment, colour = cluster; quadrant lines at LQ = 1 and relative growth = 0.

    ``frame`` needs ``label``, ``lq``, ``relative_growth`` (share), ``employees``, ``cluster_id`` and
    ``hover`` (pre-formatted text). The ``label_top`` largest bubbles carry their label.
    """
    data = frame.dropna(subset=["lq", "relative_growth"])
    data = data[data["lq"] > 0]
    colours = cluster_colours(list(data["cluster_id"]))
    size_ref = 2.0 * float(data["employees"].max() or 1) / (70.0**2)
    labelled = set(data.nlargest(label_top, "employees").index)
    fig = go.Figure()
    for cluster_id, part in data.groupby("cluster_id", sort=True):
        fig.add_trace(
            go.Scatter(
                x=part["lq"],
                y=100 * part["relative_growth"],
                mode="markers+text",
                name=cluster_names.get(cluster_id, cluster_id),
                text=[lab if i in labelled else "" for i, lab in zip(part.index, part["label"])],
                textposition="top center",
                textfont=dict(size=FONT_SIZE - 2),
                cliponaxis=False,
                marker=dict(
                    size=part["employees"],
                    sizemode="area",
                    sizeref=size_ref,
                    sizemin=6,
                    color=colours.get(cluster_id, NEUTRAL),
                    opacity=0.75,
                    line=dict(width=1.5, color="white"),
                ),
                customdata=part["hover"],
                hovertemplate="%{customdata}<extra></extra>",
            )
        )
    fig.add_vline(x=1, line_dash="dash", line_color="#374151", line_width=2)
    fig.add_hline(y=0, line_dash="dash", line_color="#374151", line_width=2)
    for key, x, y, xanchor, yanchor in [
        ("Star", 0.99, 0.99, "right", "top"),
        ("Emerging", 0.01, 0.99, "left", "top"),
        ("Mature", 0.99, 0.01, "right", "bottom"),
        ("Transforming", 0.01, 0.01, "left", "bottom"),
    ]:
        fig.add_annotation(
            text=f"<b>{quadrant_names[key]}</b>",
            xref="paper",
            yref="paper",
            x=x,
            y=y,
            xanchor=xanchor,
            yanchor=yanchor,
            showarrow=False,
            bgcolor="rgba(255,255,255,0.85)",
            font=dict(size=FONT_SIZE + 2, color="#4B5563"),
        )
    low, high = float(data["lq"].min()), float(data["lq"].max())
    ticks = [v for v in LOG_TICKS if low / 1.5 <= v <= high * 1.5] or [1.0]
    fig.update_xaxes(
        type="log",
        title_text=f"{x_title} · {size_title}",
        tickvals=ticks,
        ticktext=[fmt.number(v, lang, 2 if v < 0.1 else 1 if v < 1 else 0) for v in ticks],
        showgrid=True,
        range=[np.log10(low / 1.3), np.log10(high * 1.6)],
    )
    fig.update_yaxes(title_text=y_title, tickformat=".1f", zeroline=False, ticksuffix="")
    fig.update_layout(legend=dict(orientation="h", yanchor="bottom", y=1.02, x=0, title_text=""))
    return style(fig, lang, height=640)


def shift_share_bars(
    frame: pd.DataFrame, *, lang: str, components: dict[str, str], change_name: str, x_title: str
) -> go.Figure:
    """Horizontal relative bars of the shift-share components per sector, a diamond at the total change.

    ``frame`` needs ``label``, the component columns (keys of ``components``) and ``change``.
    """
    fig = go.Figure()
    for i, (column, name) in enumerate(components.items()):
        fig.add_trace(
            go.Bar(
                y=frame["label"],
                x=frame[column],
                name=name,
                orientation="h",
                marker_color=PALETTE[i % len(PALETTE)],
                hovertemplate=f"{name}: %{{x:,.0f}}<extra>%{{y}}</extra>",
            )
        )
    fig.add_trace(
        go.Scatter(
            y=frame["label"],
            x=frame["change"],
            name=change_name,
            mode="markers",
            marker=dict(symbol="diamond", size=16, color="#111827", line=dict(width=2, color="white")),
            hovertemplate=f"{change_name}: %{{x:,.0f}}<extra>%{{y}}</extra>",
        )
    )
    fig.update_layout(barmode="relative", legend=dict(orientation="h", yanchor="bottom", y=1.02, x=0))
    fig.update_yaxes(autorange="reversed", automargin=True)
    fig.update_xaxes(title_text=x_title, tickformat=",.0f", zeroline=True, zerolinewidth=2)
    # a wrapped label takes ≈ 32 px a line with its padding: rows as tall as their labels, the legend above
    rows = sum(max(46, 32 * (1 + str(label).count("<br>"))) for label in frame["label"])
    return style(fig, lang, height=max(380, 160 + rows))


def threshold_bars(
    frame: pd.DataFrame,
    *,
    label: str,
    value: str,
    passed: str,
    threshold: float,
    lang: str,
    value_title: str,
    threshold_name: str,
) -> go.Figure:
    """Horizontal bars of a share (0–1) per item, green where ``passed``, orange otherwise, with the
    threshold drawn as a labelled line (e.g. functional dependence against Decree 779's 20 %)."""
    colours = [PALETTE[2] if ok else PALETTE[3] for ok in frame[passed]]
    fig = go.Figure(
        go.Bar(
            x=100 * frame[value],
            y=frame[label],
            orientation="h",
            marker_color=colours,
            text=[fmt.percent(v, lang, 1) for v in frame[value]],
            textposition="outside",
            cliponaxis=False,
            hovertemplate="%{y}: %{text}<extra></extra>",
        )
    )
    fig.add_vline(
        x=100 * threshold,
        line_dash="dash",
        line_width=3,
        line_color="#111827",
        annotation_text=f"{threshold_name} {fmt.percent(threshold, lang, 0)}",
        annotation_position="top right",
    )
    top = max(float(frame[value].max()) if len(frame) else 0.0, threshold)
    fig.update_yaxes(autorange="reversed", automargin=True)
    fig.update_xaxes(title_text=value_title, ticksuffix=fmt.percent_sign(lang), range=[0, 100 * top * 1.3])
    return style(fig, lang, height=max(320, 80 + 56 * len(frame)))


def cumulative_balance(
    frame: pd.DataFrame,
    *,
    x: str,
    outlay: str,
    returned: str,
    lang: str,
    outlay_name: str,
    returned_name: str,
    y_title: str,
    break_even: int | None,
    break_even_name: str,
) -> go.Figure:
    """Cumulative budget outlay against cumulative discounted taxes returned, break-even year marked."""
    fig = go.Figure()
    for i, (column, name) in enumerate(((outlay, outlay_name), (returned, returned_name))):
        fig.add_trace(
            go.Scatter(
                x=frame[x],
                y=frame[column],
                name=name,
                mode="lines+markers",
                line=dict(width=5, color=PALETTE[3] if i == 0 else PALETTE[2]),
                marker=dict(size=10),
                hovertemplate=f"{name}, %{{x}}: %{{y:,.0f}}<extra></extra>",
            )
        )
    if break_even is not None:
        fig.add_vline(
            x=break_even,
            line_dash="dash",
            line_width=3,
            line_color="#111827",
            annotation_text=f"{break_even_name}: {break_even}",
            annotation_position="top left",
        )
    fig.update_xaxes(dtick=1, tickformat="d")
    fig.update_yaxes(title_text=y_title, tickformat=",.0f", rangemode="tozero")
    fig.update_layout(legend=dict(orientation="h", yanchor="bottom", y=1.02, x=0))
    return style(fig, lang, height=460)
