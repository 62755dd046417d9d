"""Chart builders: DataFrames in, plotly figures out. They never query the store.

Made for a projector: large fonts, a colour-blind-safe palette (Okabe–Ito), numbers in the UI
language's format (``layout.separators``), hover texts pre-formatted by :mod:`ui.fmt`.
"""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from ui import fmt

#: Okabe–Ito palette: distinguishable for colour-blind viewers and on washed-out projectors.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"]
NEUTRAL = "#8C8C8C"
FONT_SIZE = 18


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


def horizontal_bars(frame: pd.DataFrame, *, label: str, value: str, lang: str, value_title: str,
                    highlight_last: str | None = None, digits: int = 0) -> go.Figure:
    """Horizontal bars of ``value`` by ``label``, largest on top, values printed at the bar ends.

    ``highlight_last``: a label drawn in neutral grey (e.g. "other industries").
    """
    data = frame[[label, value]].copy()
    colours = [NEUTRAL if name == highlight_last else PALETTE[0] for name in data[label]]
    text = [fmt.number(v, lang, digits) for v in data[value]]
    fig = go.Figure(
        go.Bar(
            x=data[value], y=data[label], orientation="h", marker_color=colours, text=text,
            textposition="outside", cliponaxis=False,
            hovertemplate="%{y}: %{text}<extra></extra>",
        )
    )
    fig.update_yaxes(autorange="reversed", automargin=True)
    top = float(data[value].max()) if len(data) else 0.0
    # room for the printed values at the bar ends
    fig.update_xaxes(title_text=value_title, tickformat=fmt.d3_number(0), range=[0, top * 1.25 if top > 0 else 1])
    return style(fig, lang, height=max(320, 60 + 44 * len(data)))


def index_lines(frame: pd.DataFrame, *, x: str, series: dict[str, str], lang: str, y_title: str) -> go.Figure:
    """Lines of index values (first year = 100) for several series; ``series`` maps column → legend name."""
    fig = go.Figure()
    for i, (column, name) in enumerate(series.items()):
        fig.add_trace(
            go.Scatter(
                x=frame[x], y=frame[column], name=name, mode="lines+markers",
                line=dict(width=4, color=PALETTE[i % len(PALETTE)]), marker=dict(size=10),
                hovertemplate=f"{name}, %{{x}}: %{{y:,.1f}}<extra></extra>",
            )
        )
    fig.add_hline(y=100, line_dash="dot", line_color=NEUTRAL)
    fig.update_xaxes(dtick=1, tickformat="d")
    fig.update_yaxes(title_text=y_title, tickformat=fmt.d3_number(0))
    fig.update_layout(legend=dict(orientation="h", yanchor="bottom", y=1.02, x=0))
    return style(fig, lang, height=420)
