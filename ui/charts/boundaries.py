"""The Data page's boundary map: stored boundaries coloured by a value, offline (MapLibre ``white-bg``,
no tiles). Frames in, a figure out; no store access."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from analytics.metrics import geo
from ui.charts import common as charts
from ui.core import escape, fmt
from ui.core.names import name_column

#: Light → dark blue (sequential); a missing value is drawn as zero.
SCALE = [[0.0, "#D6E6F5"], [1.0, "#08306B"]]


def boundary_map(
    shapes: dict, values: pd.DataFrame, *, lang: str, value_title: str, width: int = 1000, height: int = 560
) -> go.Figure:
    """Boundaries (a FeatureCollection whose features' ``id`` is the code) coloured by ``values``
    (``code``, ``name_ru``, ``name_en``, ``value``), framed by :func:`analytics.metrics.geo.fit_bounds`
    for a ``width`` × ``height`` px map."""
    names = values[name_column(lang)]
    lons, lats = geo.collection_coordinates(shapes)
    fig = go.Figure(
        go.Choroplethmap(
            geojson=shapes,
            locations=values["code"],
            z=values["value"].fillna(0),
            featureidkey="id",
            colorscale=SCALE,
            marker_line_color="#4B5563",
            marker_line_width=0.5,
            text=[f"{escape.html(n)}: {fmt.integer(v, lang)}" for n, v in zip(names, values["value"])],
            hovertemplate="%{text}<extra></extra>",
            colorbar=dict(title=dict(text=value_title, side="right"), tickformat=",.0f"),
        )
    )
    fig.update_layout(map=dict(style="white-bg", **geo.fit_bounds(lats, lons, width, height)))
    return charts.style(fig, lang, height=height)
