"""The Russia map: a choropleth of one metric by region, offline (MapLibre ``white-bg``, no tiles,
no CDN), the selected region outlined in black and its peers in orange."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from ui.charts.common import style
from ui.core import fmt

#: Sequential, colour-blind safe (light → Okabe–Ito blue); missing values grey.
SCALE = [[0.0, "#EEF4FA"], [0.5, "#56B4E9"], [1.0, "#0072B2"]]
SELECTED, PEER, MISSING = "#000000", "#E69F00", "#D1D5DB"


def _format(value: float, lang: str, kind: str) -> str:
    if pd.isna(value):
        return "—"
    if kind == "share":
        return fmt.percent(value, lang, 2)
    if kind == "ratio":
        return fmt.number(value, lang, 2)
    return fmt.number(value, lang, 0 if abs(value) >= 100 else 1)


def _shapes(collection: dict, codes) -> dict:
    """The features of ``codes`` only: each trace carries the boundaries it draws, so the figure holds
    every region's shape once."""
    wanted = set(codes)
    return {"type": "FeatureCollection", "features": [f for f in collection["features"] if f["id"] in wanted]}


def _outline(collection: dict, codes: list[str], colour: str, width: float) -> go.Choroplethmap:
    shapes = _shapes(collection, codes)
    return go.Choroplethmap(
        geojson=shapes,
        featureidkey="id",
        locations=codes,
        z=[0] * len(codes),
        colorscale=[[0, "rgba(0,0,0,0)"], [1, "rgba(0,0,0,0)"]],
        marker=dict(line=dict(width=width, color=colour)),
        showscale=False,
        showlegend=False,
        hoverinfo="skip",
    )


def region_choropleth(
    collection: dict,
    values: pd.DataFrame,
    *,
    lang: str,
    value_title: str,
    view: dict,
    selected: str | None = None,
    peers: tuple[str, ...] | list[str] = (),
    kind: str = "number",
    missing_label: str = "—",
    height: int = 560,
) -> go.Figure:
    """Regions coloured by ``values["value"]`` (``code``, ``name_ru``, ``name_en``, ``value``,
    ``status``); regions without a value (suppressed, missing) drawn grey with ``missing_label``.

    ``kind``: ``share`` (percent), ``ratio`` (2 decimals) or ``number``. ``view``: ``center`` and
    ``zoom`` of the map (e.g. :data:`analytics.data.russia_map.VIEW`).
    """
    name = values["name_ru"] if lang == "ru" else values["name_en"]
    have = values["value"].notna()
    texts = [_format(v, lang, kind) if ok else missing_label for v, ok in zip(values["value"], have)]
    fig = go.Figure()
    if (~have).any():
        fig.add_trace(
            go.Choroplethmap(
                geojson=_shapes(collection, values.loc[~have, "code"]),
                featureidkey="id",
                locations=values.loc[~have, "code"],
                z=[0] * int((~have).sum()),
                colorscale=[[0, MISSING], [1, MISSING]],
                showscale=False,
                marker=dict(line=dict(width=0.5, color="#FFFFFF")),
                customdata=list(zip(name[~have], [t for t, ok in zip(texts, have) if not ok])),
                hovertemplate="%{customdata[0]}: %{customdata[1]}<extra></extra>",
            )
        )
    fig.add_trace(
        go.Choroplethmap(
            geojson=_shapes(collection, values.loc[have, "code"]),
            featureidkey="id",
            locations=values.loc[have, "code"],
            z=values.loc[have, "value"],
            colorscale=SCALE,
            marker=dict(line=dict(width=0.5, color="#FFFFFF")),
            colorbar=dict(
                title=dict(text=value_title),
                thickness=14,
                **(fmt.percent_ticks(values.loc[have, "value"], lang, include_zero=False) if kind == "share" else {}),
            ),
            customdata=list(zip(name[have], [t for t, ok in zip(texts, have) if ok])),
            hovertemplate="%{customdata[0]}: %{customdata[1]}<extra></extra>",
        )
    )
    peer_codes = [c for c in peers if c != selected]
    if peer_codes:
        fig.add_trace(_outline(collection, peer_codes, PEER, 2))
    if selected:
        fig.add_trace(_outline(collection, [selected], SELECTED, 3))
    style(fig, lang, height=height)
    fig.update_layout(
        map=dict(style="white-bg", center=view["center"], zoom=view["zoom"]), margin=dict(l=0, r=0, t=10, b=0)
    )
    return fig


def share_trend(frame: pd.DataFrame, *, x: str, share: str, lang: str, name: str, y_title: str) -> go.Figure:
    """One share (0–1) by year as a line, percent ticks and hovers (e.g. the region's share of
    Russia's manufacturing shipments 2005–2016); years without a value leave a gap."""
    texts = [fmt.percent(v, lang, 2) for v in frame[share]]
    fig = go.Figure(
        go.Scatter(
            x=frame[x],
            y=frame[share],
            name=name,
            mode="lines+markers",
            text=texts,
            line=dict(width=4, color="#0072B2"),
            marker=dict(size=10),
            hovertemplate=f"{name}, %{{x}}: %{{text}}<extra></extra>",
        )
    )
    fig.update_xaxes(dtick=1, tickformat="d")
    fig.update_yaxes(title_text=y_title, rangemode="tozero", **fmt.percent_ticks(frame[share], lang))
    return style(fig, lang, height=360)
