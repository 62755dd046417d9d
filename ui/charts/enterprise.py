"""Enterprise profile and peer-region builders: library results in, plotly figures and display tables
out; no store access. Text from the data (firm, project and region names) goes into tables as plain
cell values and into plotly hover texts HTML-escaped."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from ui.charts.common import PALETTE, style
from ui.core import escape, fmt
from ui.core.names import name_column, names
from ui.tables.common import wrap

SUPPLIER_COLOUR, BUYER_COLOUR, SELF_COLOUR = PALETTE[1], PALETTE[2], PALETTE[0]

#: Line widths (characters) at which names are wrapped (plotly ``<br>``), never cut: a partner beside its
#: dot, the firm under its diamond, a division's code and name on the peer chart's axis.
LABEL_WRAP, CENTRE_WRAP, SECTOR_WRAP = 24, 36, 32


def _column(values: list[float]) -> np.ndarray:
    """Evenly spaced y positions, top to bottom, centred on 0."""
    n = len(values)
    return np.linspace(1.0, -1.0, n) if n > 1 else np.zeros(n)


def partner_network(
    center_name: str,
    suppliers: pd.DataFrame,
    buyers: pd.DataFrame,
    *,
    lang: str,
    supplier_title: str,
    buyer_title: str,
    max_partners: int = 12,
    height: int = 480,
) -> go.Figure:
    """A star-shaped network: the enterprise in the middle, its suppliers on the left, its buyers on the
    right, each link a line whose width grows with its value (mln ₽). ``suppliers`` / ``buyers``:
    ``inn``, ``name_ru``, ``name_en``, ``value_mln_rub``, largest first; at most ``max_partners`` each."""
    fig = go.Figure()
    largest = max([*suppliers["value_mln_rub"].head(max_partners), *buyers["value_mln_rub"].head(max_partners), 0.0])
    for frame, x, colour, title in (
        (suppliers, -1.0, SUPPLIER_COLOUR, supplier_title),
        (buyers, 1.0, BUYER_COLOUR, buyer_title),
    ):
        shown = frame.head(max_partners)
        if shown.empty:
            continue
        ys = _column(list(shown["value_mln_rub"]))
        labels = names(shown, lang)
        for y, value in zip(ys, shown["value_mln_rub"]):
            width = 1.0 + 7.0 * (float(value) / largest if largest > 0 else 0.0)
            fig.add_trace(
                go.Scatter(
                    x=[x, 0.0],
                    y=[y, 0.0],
                    mode="lines",
                    line=dict(width=width, color=colour),
                    opacity=0.55,
                    hoverinfo="skip",
                    showlegend=False,
                )
            )
        hover = [
            f"{escape.html(n)}<br>{escape.html(inn)}<br>{fmt.money_mln(v, lang)}"
            for n, inn, v in zip(labels, shown["inn"], shown["value_mln_rub"])
        ]
        fig.add_trace(
            go.Scatter(
                x=[x] * len(shown),
                y=ys,
                mode="markers+text",
                name=title,
                marker=dict(size=16, color=colour, line=dict(width=1, color="#FFFFFF")),
                text=[wrap(escape.html(n), LABEL_WRAP) for n in labels],
                textposition="middle left" if x < 0 else "middle right",
                textfont=dict(size=14),
                hovertext=hover,
                hoverinfo="text",
            )
        )
    fig.add_trace(
        go.Scatter(
            x=[0.0],
            y=[0.0],
            mode="markers+text",
            name=escape.html(center_name),
            marker=dict(size=26, color=SELF_COLOUR, symbol="diamond"),
            text=[wrap(escape.html(center_name), CENTRE_WRAP)],
            textposition="bottom center",
            hovertext=[escape.html(center_name)],
            hoverinfo="text",
            showlegend=False,
        )
    )
    style(fig, lang, height=height)
    fig.update_xaxes(visible=False, range=[-3.3, 3.3])
    fig.update_yaxes(visible=False, range=[-1.35, 1.2])
    fig.update_layout(legend=dict(orientation="h", y=-0.02), margin=dict(l=10, r=10, t=10, b=10))
    return fig


def peer_bars(frame: pd.DataFrame, *, lang: str, lq_title: str, growth_title: str) -> go.Figure:
    """LQ and employment growth side by side (two panels sharing the division axis): one group of bars
    per division, one bar per region — the region first, in blue, its peers in the other palette
    colours; values in the hover text. ``frame`` as :func:`analytics.services.peers.peer_sectors`
    returns it."""
    fig = make_subplots(
        rows=1,
        cols=2,
        shared_yaxes=True,
        horizontal_spacing=0.10,
        subplot_titles=(escape.html(lq_title), escape.html(growth_title)),
    )
    labels = [wrap(escape.html(f"{s} {n}"), SECTOR_WRAP) for s, n in zip(frame["sector"], names(frame, lang, "sector"))]
    frame = frame.assign(label=labels)
    order = list(dict.fromkeys(frame["label"]))
    regions = frame.drop_duplicates("code")
    for i, (_, region) in enumerate(regions.iterrows()):
        rows = frame[frame["code"] == region["code"]].set_index("label").reindex(order)
        name = escape.html(region[name_column(lang)])
        colour = PALETTE[i % len(PALETTE)]
        for col, value, text in (
            (1, rows["lq"], [fmt.number(v, lang, 2) for v in rows["lq"]]),
            (2, rows["cagr"], [fmt.percent(v, lang, 1) for v in rows["cagr"]]),
        ):
            fig.add_trace(
                go.Bar(
                    y=order,
                    x=value,
                    orientation="h",
                    name=name,
                    legendgroup=name,
                    showlegend=col == 1,
                    marker_color=colour,
                    customdata=text,
                    hovertemplate=f"{name}<br>%{{y}}: %{{customdata}}<extra></extra>",
                ),
                row=1,
                col=col,
            )
    style(fig, lang, height=max(420, 150 + 22 * len(order) * max(1, len(regions))))
    fig.update_layout(
        barmode="group",
        legend=dict(orientation="h", y=1.08, yanchor="bottom", x=0),
        margin=dict(l=10, r=20, t=110, b=10),
    )
    fig.update_annotations(font_size=16, yshift=4)
    fig.update_yaxes(autorange="reversed")
    fig.add_vline(x=1.0, line_dash="dash", line_color="#6B7280", row=1, col=1)
    fig.update_xaxes(row=1, col=2, **fmt.percent_ticks(frame["cagr"], lang))
    return fig
