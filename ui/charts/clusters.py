"""Charts of the Clusters page: the members' map and the cooperation network, with their labels and
hover texts (the tables and the registry checklist in words are in :mod:`ui.tables.clusters`).
DataFrames in, figures out; no store access.

The map uses ``Scattermap`` / ``Choroplethmap`` with the ``white-bg`` style and markers only: MapLibre
then fetches nothing (no tiles; no text layers, so no glyphs — the ``white-bg`` style would load its
glyphs from the internet for text). Names are shown on hover and in the table beside the map.
"""

from __future__ import annotations

import functools
import math
import re
import textwrap

import networkx as nx
import numpy as np
import pandas as pd
import plotly.graph_objects as go

from analytics.metrics import geo
from ui.charts.common import FONT_SIZE, NEUTRAL, PALETTE, style
from ui.core import escape
from ui.core.i18n import t
from ui.core.names import names

#: Colour of each member role (Okabe–Ito), the same on the map, the network and the legend.
ROLE_COLOURS: dict[str, str] = {
    "core": PALETTE[0],
    "supplier": PALETTE[1],
    "service": PALETTE[2],
    "infrastructure": PALETTE[4],
    "specialised": PALETTE[3],
    "other": NEUTRAL,
}
ROLE_ORDER: tuple[str, ...] = tuple(ROLE_COLOURS)
#: Colour of proposed (not yet signed) links on the network (dashed): sky blue, which no role uses.
PROPOSED_COLOUR = PALETTE[5]


#: Status marks as Streamlit Markdown (Material icons ship with Streamlit; colour emoji need a font).
def member_map(
    members: pd.DataFrame,
    places: pd.DataFrame,
    *,
    lang: str,
    role_names: dict[str, str],
    place_title: str,
    boundaries: dict | None = None,
    feature_key: str = "properties.oktmo",
    outline: dict | None = None,
    height: int = 620,
) -> go.Figure:
    """Members as dots (area: employees, colour: role) over the region's municipalities.

    ``members``: as :func:`analytics.models.clusters.members` returns them (``name_ru``, ``name_en``,
    ``okved``, ``lat``, ``lon``, ``employees``, ``revenue_mln_rub``, ``role``); ``places``: as
    :func:`analytics.models.clusters.member_municipalities` (``oktmo``, names, ``lat``, ``lon``,
    ``members``, ``employees`` of the members there).
    Without ``boundaries`` municipalities are grey bubbles at their admin centres (area: members'
    employees; a small ring where there are none). With a GeoJSON FeatureCollection whose features
    carry the OKTMO at ``feature_key`` they are a choropleth of members' employees. ``outline``: the
    region's boundary (a one-feature FeatureCollection), drawn underneath when given.
    """
    fig = go.Figure()
    located = members.dropna(subset=["lat", "lon"])
    place_custom, place_template = place_hover(places, lang)
    peak = float(
        max(located["employees"].max() if len(located) else 0, places["employees"].max() if len(places) else 0, 1.0)
    )
    size_ref = 2.0 * peak / (46.0**2)
    if outline is not None and outline.get("features"):
        fig.add_trace(
            go.Choroplethmap(
                geojson=outline,
                locations=[outline["features"][0]["id"]],
                z=[0],
                featureidkey="id",
                colorscale=[[0, "#F3F4F6"], [1, "#F3F4F6"]],
                marker=dict(line=dict(width=2, color="#6B7280")),
                showscale=False,
                showlegend=False,
                hoverinfo="skip",
            )
        )
    if boundaries is not None:
        fig.add_trace(
            go.Choroplethmap(
                geojson=boundaries,
                featureidkey=feature_key,
                locations=places["oktmo"],
                z=places["employees"],
                colorscale=[[0, "#F3F4F6"], [1, "#56B4E9"]],
                marker=dict(line=dict(width=1, color="#6B7280")),
                customdata=place_custom,
                hovertemplate=place_template,
                name=place_title,
                showscale=False,
                showlegend=False,
            )
        )
    else:
        fig.add_trace(
            go.Scattermap(
                lat=places["lat"],
                lon=places["lon"],
                mode="markers",
                name=place_title,
                marker=dict(
                    size=np.maximum(places["employees"].fillna(0.0), peak * 0.02),
                    sizemode="area",
                    sizeref=size_ref,
                    sizemin=14,
                    color="#9CA3AF",
                    opacity=0.45,
                ),
                customdata=place_custom,
                hovertemplate=place_template,
            )
        )
    custom, template = member_hover(located, lang)
    for role in ROLE_ORDER:
        mask = (located["role"] == role).to_numpy()
        part = located[mask]
        if part.empty:
            continue
        fig.add_trace(
            go.Scattermap(
                lat=part["lat"],
                lon=part["lon"],
                mode="markers",
                name=role_names.get(role, role),
                marker=dict(
                    size=part["employees"].fillna(0.0),
                    sizemode="area",
                    sizeref=size_ref / 2.2,
                    sizemin=7,
                    color=ROLE_COLOURS[role],
                    opacity=0.9,
                ),
                customdata=custom[mask],
                hovertemplate=template,
            )
        )
    lat = pd.concat([places["lat"], located["lat"]])
    lon = pd.concat([places["lon"], located["lon"]])
    for shape in (outline, boundaries):
        if shape is not None:
            shape_lons, shape_lats = geo.collection_coordinates(shape)
            lat = pd.concat([lat, pd.Series(shape_lats, dtype=float)])
            lon = pd.concat([lon, pd.Series(shape_lons, dtype=float)])
    # the map's width depends on the screen: fit the points into a narrow one (a 1280 px projector),
    # with 15 % around them (log2 1.15 zoom levels)
    view = geo.fit_bounds(lat, lon, 640, height - 70, margin=math.log2(1.15), min_lon_span=0.05, min_y_span=0.001)
    fig.update_layout(
        map=dict(style="white-bg", **view),
        legend=dict(orientation="h", yanchor="bottom", y=1.01, x=0, itemsizing="constant"),
    )
    fig = style(fig, lang, height=height)
    fig.update_layout(margin=dict(l=0, r=0, t=50, b=0))
    return fig


# --------------------------------------------------------------------------------------------------
# Cooperation network
# --------------------------------------------------------------------------------------------------


def network_layout(nodes: list[str], links: pd.DataFrame, seed: int = 7) -> dict[str, tuple[float, float]]:
    """Positions of the members: linked ones by a force-directed layout (fixed seed, so the picture
    does not jump between reruns), the unlinked ones evenly on a rim around them. Remembered for the
    last few networks: a rerun of the page does not lay the same network out again."""
    pairs = tuple(sorted(set(zip(links["supplier_inn"], links["buyer_inn"]))))
    return dict(_layout(tuple(nodes), pairs, seed))


@functools.lru_cache(maxsize=32)
def _layout(nodes: tuple[str, ...], pairs: tuple[tuple[str, str], ...], seed: int) -> tuple:
    graph = nx.Graph()
    graph.add_nodes_from(nodes)
    graph.add_edges_from(pairs)
    linked = [n for n in nodes if graph.degree(n) > 0]
    alone = [n for n in nodes if graph.degree(n) == 0]
    pos: dict[str, tuple[float, float]] = {}
    if linked:
        core = graph.subgraph(linked)
        raw = nx.spring_layout(core, seed=seed, weight=None, k=2.6 / math.sqrt(max(len(linked), 1)), iterations=200)
        pos.update({n: (float(x), float(y)) for n, (x, y) in raw.items()})
    for i, n in enumerate(alone):
        angle = 2 * math.pi * i / max(len(alone), 1) + math.pi / 2
        pos[n] = (1.45 * math.cos(angle), 1.45 * math.sin(angle))
    return tuple(pos.items())


#: The network shows at most this many members (the largest): a readable picture, a fast layout.
NETWORK_MAX_NODES = 120


def network_members(members: pd.DataFrame, keep: tuple[str, ...] = ()) -> pd.DataFrame:
    """The members the network draws: the :data:`NETWORK_MAX_NODES` largest by employees, and those whose
    INN is in ``keep`` (the ends of proposed contracts) whatever their size."""
    if len(members) <= NETWORK_MAX_NODES:
        return members
    ranked = members.sort_values(["employees", "inn"], ascending=[False, True], na_position="last")
    kept = ranked["inn"].isin(keep)
    return pd.concat([ranked[kept], ranked[~kept].head(max(NETWORK_MAX_NODES - int(kept.sum()), 0))])


def cooperation_network(
    members: pd.DataFrame,
    links: pd.DataFrame,
    *,
    lang: str,
    role_names: dict[str, str],
    label_top: int = 6,
    height: int = 680,
    proposed: pd.DataFrame | None = None,
    proposed_name: str = "",
    label_inns: tuple[str, ...] | None = None,
) -> go.Figure:
    """Members as nodes (area: employees, colour: role), supplies as lines (width: value, three
    classes), the ``label_top`` largest members labelled. ``members`` as
    :func:`analytics.models.clusters.members` returns them; ``links`` ``supplier_inn``, ``buyer_inn``,
    ``value_mln_rub``. Pass :func:`network_members` of a large cluster. ``proposed``: links not yet
    signed (same columns), drawn dashed in :data:`PROPOSED_COLOUR` under the legend ``proposed_name``;
    the layout stays that of the existing links. ``label_inns``: label these members instead of the
    largest ones (the route tab labels who signs the proposed contracts)."""
    nodes = members["inn"].tolist()
    inside = links[links["supplier_inn"].isin(nodes) & links["buyer_inn"].isin(nodes)]
    pos = network_layout(nodes, inside)
    if proposed is not None and len(proposed):
        new = proposed[proposed["supplier_inn"].isin(nodes) & proposed["buyer_inn"].isin(nodes)]
        xs, ys = [], []
        for s, b in zip(new["supplier_inn"], new["buyer_inn"]):
            xs += [pos[s][0], pos[b][0], None]
            ys += [pos[s][1], pos[b][1], None]
        pos_trace = go.Scatter(
            x=xs,
            y=ys,
            mode="lines",
            name=proposed_name,
            hoverinfo="skip",
            line=dict(width=4, color=PROPOSED_COLOUR, dash="dash"),
        )
    else:
        pos_trace = None
    fig = go.Figure()
    if len(inside):
        cuts = np.quantile(inside["value_mln_rub"], [1 / 3, 2 / 3])
        classes = np.digitize(inside["value_mln_rub"], cuts)
        for level, width in enumerate((1.5, 3.5, 6.5)):
            part = inside[classes == level]
            xs, ys = [], []
            for s, b in zip(part["supplier_inn"], part["buyer_inn"]):
                xs += [pos[s][0], pos[b][0], None]
                ys += [pos[s][1], pos[b][1], None]
            fig.add_trace(
                go.Scatter(
                    x=xs,
                    y=ys,
                    mode="lines",
                    line=dict(width=width, color="rgba(55,65,81,0.45)"),
                    hoverinfo="skip",
                    showlegend=False,
                )
            )
    if pos_trace is not None:
        fig.add_trace(pos_trace)
    peak = float(members["employees"].max() or 1.0) if len(members) else 1.0
    size_ref = 2.0 * peak / (58.0**2)
    if label_inns is not None:
        labelled = set(label_inns)
    else:
        labelled = set(members.nlargest(label_top, "employees")["inn"]) if len(members) else set()
    custom, template = member_hover(members, lang)
    for role in ROLE_ORDER:
        mask = (members["role"] == role).to_numpy()
        part = members[mask]
        if part.empty:
            continue
        fig.add_trace(
            go.Scatter(
                x=[pos[i][0] for i in part["inn"]],
                y=[pos[i][1] for i in part["inn"]],
                mode="markers",
                name=role_names.get(role, role),
                marker=dict(
                    size=part["employees"].fillna(0.0),
                    sizemode="area",
                    sizeref=size_ref,
                    sizemin=10,
                    color=ROLE_COLOURS[role],
                    line=dict(width=1.5, color="white"),
                ),
                customdata=custom[mask],
                hovertemplate=template,
            )
        )
    # no fixed aspect ratio: the network spreads over the page's width, which leaves labels room
    fig.update_xaxes(visible=False, range=[-1.65, 1.65])
    fig.update_yaxes(visible=False, range=[-1.65, 1.7])
    # labels on a light box (readable over the lines), above a node in the upper half, below it in
    # the lower half: fewer collisions
    labels = member_labels(members, lang)
    for inn, label in zip(members["inn"], labels):
        if inn not in labelled:
            continue
        x, y = pos[inn]
        fig.add_annotation(
            x=x,
            y=y,
            text=label,
            showarrow=False,
            yshift=16 if y >= 0 else -16,
            yanchor="bottom" if y >= 0 else "top",
            font=dict(size=FONT_SIZE - 3, color="#111827"),
            bgcolor="rgba(255,255,255,0.85)",
        )
    fig.update_layout(
        legend=dict(orientation="h", yanchor="bottom", y=1.01, x=0, itemsizing="constant"), plot_bgcolor="white"
    )
    return style(fig, lang, height=height)


# --------------------------------------------------------------------------------------------------
# Labels and hover texts
# --------------------------------------------------------------------------------------------------

_REMARK = re.compile(r"(\s*\([^()]*\))+\s*$")


def member_labels(members: pd.DataFrame, lang: str, width: int = 24) -> pd.Series:
    """Node labels, never cut: the name without a closing remark in brackets ("(калужский завод)", "(демо)";
    the full name is in the hover), wrapped onto lines of about ``width`` characters; each line made inert
    (:func:`ui.core.escape.html`) and the lines joined with ``<br>``."""

    def label(name: str) -> str:
        core = _REMARK.sub("", name).strip() or name
        return "<br>".join(escape.html(line) for line in textwrap.wrap(core, width, break_long_words=False) or [core])

    return names(members, lang).map(label)


def member_hover(members: pd.DataFrame, lang: str) -> tuple[np.ndarray, str]:
    """``customdata`` and ``hovertemplate`` of member markers: name, role, OKVED, employees, revenue.
    Numbers are formatted by plotly with the layout's separators (no per-point formatting here)."""
    roles = members["role"].map({r: t(f"clusters.role.{r}", lang) for r in ROLE_COLOURS})
    custom = np.column_stack(
        [
            escape.html_series(names(members, lang)).to_numpy(dtype=object),
            roles.to_numpy(dtype=object),
            escape.html_series(members["okved"].astype(str)).to_numpy(dtype=object),
            members["employees"].to_numpy(dtype=object),
            members["revenue_mln_rub"].to_numpy(dtype=object),
        ]
    )
    template = (
        "<b>%{customdata[0]}</b><br>%{customdata[1]} · %{customdata[2]}<br>"
        f"{t('col.employees', lang)}: %{{customdata[3]:,.0f}}<br>"
        f"{t('col.revenue', lang)}: %{{customdata[4]:,.1f}}<extra></extra>"
    )
    return custom, template


def place_hover(places: pd.DataFrame, lang: str) -> tuple[np.ndarray, str]:
    """``customdata`` and ``hovertemplate`` of municipality markers: name, members, employees."""
    custom = np.column_stack(
        [
            escape.html_series(names(places, lang)).to_numpy(dtype=object),
            places["members"].to_numpy(dtype=object),
            places["employees"].to_numpy(dtype=object),
        ]
    )
    template = (
        "<b>%{customdata[0]}</b><br>"
        + t("clusters.kpi.members", lang)
        + ": %{customdata[1]}<br>"
        + t("col.employees", lang)
        + ": %{customdata[2]:,.0f}<extra></extra>"
    )
    return custom, template
