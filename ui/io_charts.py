"""Chart builders for the input–output section: a region's multipliers against Russia's, linkages.

DataFrames in, plotly figures out (the frames come from
:func:`analytics.services.regional_io.sector_io_view`); they never query the store.
"""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from ui import fmt
from ui.charts import FONT_SIZE, NEUTRAL, PALETTE, style
from ui.i18n import name_column
from ui.tables import short


def product_labels(frame: pd.DataFrame, lang: str, limit: int = 34) -> list[str]:
    """``"29 Средства автотранспортные…"``: OKPD 2 code and a shortened product name in ``lang``."""
    names = frame[name_column(lang)]
    return [f"{code} {short(name, limit)}" for code, name in zip(frame["okpd2"], names, strict=True)]


def multiplier_bars(frame: pd.DataFrame, *, lang: str, region_name: str, russia_name: str,
                    x_title: str, type2_name: str) -> go.Figure:
    """Horizontal bars of the Type I output multiplier by product: the region against Russia; a
    diamond marks the region's Type II multiplier (with household spending).

    ``frame`` needs ``okpd2``, ``name_ru``/``name_en``, ``output_region``, ``output_russia``,
    ``output_type2_region`` (mln ₽ of output per mln ₽ of final demand), in the order to draw.
    """
    labels = product_labels(frame, lang)
    region_text = [fmt.number(v, lang, 2) for v in frame["output_region"]]
    russia_text = [fmt.number(v, lang, 2) for v in frame["output_russia"]]
    type2_text = [fmt.number(v, lang, 2) for v in frame["output_type2_region"]]
    fig = go.Figure()
    fig.add_trace(go.Bar(
        y=labels, x=frame["output_region"], name=region_name, orientation="h", marker_color=PALETTE[0],
        text=region_text, textposition="outside", cliponaxis=False,
        hovertemplate=f"{region_name}: %{{text}}<extra>%{{y}}</extra>",
    ))
    fig.add_trace(go.Bar(
        y=labels, x=frame["output_russia"], name=russia_name, orientation="h", marker_color=NEUTRAL,
        text=russia_text, textposition="outside", cliponaxis=False,
        hovertemplate=f"{russia_name}: %{{text}}<extra>%{{y}}</extra>",
    ))
    fig.add_trace(go.Scatter(
        y=labels, x=frame["output_type2_region"], name=type2_name, mode="markers",
        marker=dict(symbol="diamond", size=14, color=PALETTE[1], line=dict(width=1.5, color="white")),
        customdata=type2_text, hovertemplate=f"{type2_name}: %{{customdata}}<extra>%{{y}}</extra>",
    ))
    top = float(max(frame["output_russia"].max(), frame["output_type2_region"].max(), 1.0)) if len(frame) else 1.0
    fig.update_layout(barmode="group", legend=dict(orientation="h", yanchor="bottom", y=1.02, x=0))
    fig.update_yaxes(autorange="reversed", automargin=True)
    fig.update_xaxes(title_text=x_title, tickformat=fmt.d3_number(1), range=[0, top * 1.2])
    return style(fig, lang, height=max(420, 110 + 56 * len(frame)))


def linkage_scatter(frame: pd.DataFrame, *, lang: str, x_title: str, y_title: str, key_name: str,
                    other_name: str, label_top: int = 5) -> go.Figure:
    """Rasmussen's linkages: x = backward (power of dispersion), y = forward (sensitivity of
    dispersion), lines at 1; key sectors (both > 1) coloured and the ``label_top`` strongest labelled.

    ``frame`` needs ``okpd2``, ``name_ru``/``name_en``, ``backward``, ``forward``, ``key_sector``.
    """
    labels = product_labels(frame, lang, 28)
    data = frame.assign(label=labels)
    fig = go.Figure()
    for is_key, name, colour in ((False, other_name, NEUTRAL), (True, key_name, PALETTE[3])):
        part = data[data["key_sector"] == is_key]
        labelled = set(part.nlargest(label_top, "backward").index) if is_key else set()
        hover = [f"<b>{lab}</b><br>{x_title}: {fmt.number(b, lang, 2)}<br>{y_title}: {fmt.number(f, lang, 2)}"
                 for lab, b, f in zip(part["label"], part["backward"], part["forward"], strict=True)]
        fig.add_trace(go.Scatter(
            x=part["backward"], y=part["forward"], mode="markers+text", name=name,
            text=[lab if i in labelled else "" for i, lab in zip(part.index, part["label"], strict=True)],
            textposition="middle right", textfont=dict(size=FONT_SIZE - 4), cliponaxis=False,
            marker=dict(size=12, color=colour, opacity=0.8, line=dict(width=1, color="white")),
            customdata=hover, hovertemplate="%{customdata}<extra></extra>",
        ))
    fig.add_vline(x=1, line_dash="dash", line_color="#374151", line_width=2)
    fig.add_hline(y=1, line_dash="dash", line_color="#374151", line_width=2)
    fig.update_xaxes(title_text=x_title, tickformat=fmt.d3_number(1))
    fig.update_yaxes(title_text=y_title, tickformat=fmt.d3_number(1))
    fig.update_layout(legend=dict(orientation="h", yanchor="bottom", y=1.02, x=0))
    return style(fig, lang, height=560)
