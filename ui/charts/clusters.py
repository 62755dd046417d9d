"""Charts and texts of the Clusters page: the members' map, the cooperation network, star strings and
the registry checklist in plain words. DataFrames and library results in, figures and strings out; no
store access.

The map uses ``Scattermap`` / ``Choroplethmap`` with the ``white-bg`` style and markers only: MapLibre
then fetches nothing (no tiles; no text layers, so no glyphs — the ``white-bg`` style would load its
glyphs from the internet for text). Names are shown on hover and in the table beside the map.
"""
from __future__ import annotations

import functools
import math
import re
import textwrap
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd
import plotly.graph_objects as go

from analytics.metrics import geo
from analytics.models import rules
from ui.charts.common import FONT_SIZE, NEUTRAL, PALETTE, style
from ui.core import escape, fmt
from ui.core.i18n import t

#: Colour of each member role (Okabe–Ito), the same on the map, the network and the legend.
ROLE_COLOURS: dict[str, str] = {
    "core": PALETTE[0], "supplier": PALETTE[1], "service": PALETTE[2], "infrastructure": PALETTE[4],
    "specialised": PALETTE[3], "other": NEUTRAL,
}
ROLE_ORDER: tuple[str, ...] = tuple(ROLE_COLOURS)
#: Colour of proposed (not yet signed) links on the network (dashed): sky blue, which no role uses.
PROPOSED_COLOUR = PALETTE[5]
#: Status marks as Streamlit Markdown (Material icons ship with Streamlit; colour emoji need a font).
STATUS_ICONS = {"pass": ":green[:material/check_circle:]", "fail": ":red[:material/cancel:]",
                "tolerated": ":orange[:material/warning:]", "not_enough_data": ":gray[:material/help:]"}
#: Text from the data (firm names …) made inert for ``st.markdown``: :func:`ui.core.escape.markdown`.
escape_md = escape.markdown


def stars_text(n: int, total: int = 5) -> str:
    """``★★★☆☆``."""
    n = max(0, min(int(n), total))
    return "★" * n + "☆" * (total - n)


def percent_share(share: float) -> str:
    """A share as a short percentage for help texts (0.1 → "10 %")."""
    return f"{100 * share:g} %"


def names(frame: pd.DataFrame, lang: str, prefix: str = "name") -> pd.Series:
    """Names in ``lang`` from ``<prefix>_ru`` / ``<prefix>_en`` columns (Russian where English is
    missing), as text, vectorised: member lists run to thousands at national scale."""
    ru = frame[f"{prefix}_ru"].astype("object").where(frame[f"{prefix}_ru"].notna(), "")
    if lang != "en":
        return ru.astype(str)
    en = frame[f"{prefix}_en"].astype("object")
    return en.where(en.notna() & (en.astype(str) != ""), ru).astype(str)


def name_of(row: Any, lang: str, prefix: str = "name") -> str:
    """The name in ``lang`` from a row with ``<prefix>_ru`` / ``<prefix>_en`` (Russian when English is missing)."""
    ru, en = row[f"{prefix}_ru"], row[f"{prefix}_en"]
    if lang == "en" and isinstance(en, str) and en:
        return en
    return ru if isinstance(ru, str) else str(ru)


# --------------------------------------------------------------------------------------------------
# Map
# --------------------------------------------------------------------------------------------------

def member_map(members: pd.DataFrame, places: pd.DataFrame, *, lang: str, role_names: dict[str, str],
               place_title: str, boundaries: dict | None = None, feature_key: str = "properties.oktmo",
               outline: dict | None = None, height: int = 620) -> go.Figure:
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
    peak = float(max(located["employees"].max() if len(located) else 0, places["employees"].max() if len(places) else 0,
                     1.0))
    size_ref = 2.0 * peak / (46.0 ** 2)
    if outline is not None and outline.get("features"):
        fig.add_trace(go.Choroplethmap(
            geojson=outline, locations=[outline["features"][0]["id"]], z=[0], featureidkey="id",
            colorscale=[[0, "#F3F4F6"], [1, "#F3F4F6"]], marker=dict(line=dict(width=2, color="#6B7280")),
            showscale=False, showlegend=False, hoverinfo="skip",
        ))
    if boundaries is not None:
        fig.add_trace(go.Choroplethmap(
            geojson=boundaries, featureidkey=feature_key, locations=places["oktmo"], z=places["employees"],
            colorscale=[[0, "#F3F4F6"], [1, "#56B4E9"]], marker=dict(line=dict(width=1, color="#6B7280")),
            customdata=place_custom, hovertemplate=place_template, name=place_title,
            showscale=False, showlegend=False,
        ))
    else:
        fig.add_trace(go.Scattermap(
            lat=places["lat"], lon=places["lon"], mode="markers", name=place_title,
            marker=dict(size=np.maximum(places["employees"].fillna(0.0), peak * 0.02), sizemode="area",
                        sizeref=size_ref, sizemin=14, color="#9CA3AF", opacity=0.45),
            customdata=place_custom, hovertemplate=place_template,
        ))
    custom, template = member_hover(located, lang)
    for role in ROLE_ORDER:
        mask = (located["role"] == role).to_numpy()
        part = located[mask]
        if part.empty:
            continue
        fig.add_trace(go.Scattermap(
            lat=part["lat"], lon=part["lon"], mode="markers", name=role_names.get(role, role),
            marker=dict(size=part["employees"].fillna(0.0), sizemode="area", sizeref=size_ref / 2.2, sizemin=7,
                        color=ROLE_COLOURS[role], opacity=0.9),
            customdata=custom[mask], hovertemplate=template,
        ))
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
    fig.update_layout(map=dict(style="white-bg", **view),
                      legend=dict(orientation="h", yanchor="bottom", y=1.01, x=0, itemsizing="constant"))
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


def cooperation_network(members: pd.DataFrame, links: pd.DataFrame, *, lang: str, role_names: dict[str, str],
                        label_top: int = 6, height: int = 680, proposed: pd.DataFrame | None = None,
                        proposed_name: str = "", label_inns: tuple[str, ...] | None = None) -> go.Figure:
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
        pos_trace = go.Scatter(x=xs, y=ys, mode="lines", name=proposed_name, hoverinfo="skip",
                               line=dict(width=4, color=PROPOSED_COLOUR, dash="dash"))
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
            fig.add_trace(go.Scatter(x=xs, y=ys, mode="lines", line=dict(width=width, color="rgba(55,65,81,0.45)"),
                                     hoverinfo="skip", showlegend=False))
    if pos_trace is not None:
        fig.add_trace(pos_trace)
    peak = float(members["employees"].max() or 1.0) if len(members) else 1.0
    size_ref = 2.0 * peak / (58.0 ** 2)
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
        fig.add_trace(go.Scatter(
            x=[pos[i][0] for i in part["inn"]], y=[pos[i][1] for i in part["inn"]], mode="markers",
            name=role_names.get(role, role),
            marker=dict(size=part["employees"].fillna(0.0), sizemode="area", sizeref=size_ref, sizemin=10,
                        color=ROLE_COLOURS[role], line=dict(width=1.5, color="white")),
            customdata=custom[mask], hovertemplate=template,
        ))
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
        fig.add_annotation(x=x, y=y, text=label, showarrow=False, yshift=16 if y >= 0 else -16,
                           yanchor="bottom" if y >= 0 else "top",
                           font=dict(size=FONT_SIZE - 3, color="#111827"), bgcolor="rgba(255,255,255,0.85)")
    fig.update_layout(legend=dict(orientation="h", yanchor="bottom", y=1.01, x=0, itemsizing="constant"),
                      plot_bgcolor="white")
    return style(fig, lang, height=height)


# --------------------------------------------------------------------------------------------------
# Texts
# --------------------------------------------------------------------------------------------------

def _names(missing: dict, lang: str, limit: int = 6) -> str:
    names = missing.get("names_en" if lang == "en" else "names_ru") or missing.get("inns", [])
    shown = [escape_md(n) for n in names[:limit]]
    more = len(names) - len(shown)
    return ", ".join(shown) + (f" … (+{more})" if more > 0 else "")


def _value(rule, value: float | None, lang: str) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return fmt.DASH
    return fmt.percent(value, lang, 1) if rule.unit == "share" else fmt.integer(value, lang)


#: The acts and editions of :mod:`analytics.models.rules` (English there) → catalog keys.
_SOURCE_KEYS = {rules.DECREE_779: "clusters.src.decree_779"}
_EDITION_KEYS = {rules.EDITION_NOT_RECORDED: "clusters.src.edition_not_recorded",
                 rules.EDITION_1956: "clusters.src.edition_1956",
                 "original, 31.07.2015": "clusters.src.edition_original"}


def clause_text(clause: str, lang: str) -> str:
    """The clause of Decree No. 779 (its id in :data:`analytics.models.rules.DECREE_779_CLAUSES`) in
    ``lang``; the label itself says when the position in the act is to verify."""
    if clause not in rules.DECREE_779_CLAUSES:
        return clause or fmt.DASH
    ru, en, _status = rules.DECREE_779_CLAUSES[clause]
    return en if lang == "en" else ru


def source_text(source: str, edition: str, lang: str, clause: str = "") -> str:
    """The act, clause and edition behind a threshold in ``lang`` (as recorded when no translation exists)."""
    act = t(_SOURCE_KEYS[source], lang) if source in _SOURCE_KEYS else source
    ed = t(_EDITION_KEYS[edition], lang) if edition in _EDITION_KEYS else edition
    return t("clusters.source", lang, source=act, clause=clause_text(clause, lang), edition=ed)


def registry_lines(result, lang: str) -> list[dict[str, Any]]:
    """The checklist of a :class:`analytics.models.registry.RegistryResult` in words: one dict per rule with
    ``icon`` (Markdown), ``title``, ``status``, ``measured`` (value against threshold), ``to_verify``
    (bool), ``source`` and ``details`` (Markdown lines, data escaped)."""
    out = []
    for rule in result.rules:
        status = "tolerated" if rule.status == "fail" and not rule.blocking else rule.status
        value, threshold = _value(rule, rule.measured, lang), _value(rule, rule.threshold, lang)
        if rule.rule_id == "contracts":
            measured = t("clusters.measured_contracts", lang, measured=value)
        elif rule.rule_id == "organising":
            measured = t("clusters.measured_max", lang, measured=value, threshold=threshold)
        else:
            measured = t("clusters.measured", lang, measured=value, threshold=threshold)
        details = [_missing_text(rule, lang, line) for line in _missing_lines(rule)]
        if rule.rule_id == "dependence" and rule.details.get("relaxed"):
            details.insert(0, t("clusters.relaxed", lang, share=fmt.percent(rule.details["qualifying_share"], lang, 0)))
        if rule.rule_id == "dependence" and "share_with_core_to_core" in rule.details:
            details.append(dependence_sensitivity(rule, lang))
        if rule.rule_id == "contracts" and rule.details.get("organising_without_links"):
            details.append(t("clusters.missing.organising_exempt", lang, n=rule.details["organising_without_links"]))
        out.append({"rule_id": rule.rule_id, "icon": STATUS_ICONS[status], "title": t(f"clusters.rule.{rule.rule_id}", lang),
                    "status": t(f"clusters.status.{status}", lang), "measured": measured, "to_verify": rule.to_verify,
                    "source": source_text(rule.source, rule.edition, lang, rule.clause), "clause": rule.clause,
                    "details": [d for d in details if d]})
    return out


def dependence_sensitivity(rule, lang: str) -> str:
    """The sensitivity line of the functional-dependence rule: the other reading (core → core
    purchases counted, or not) against the same threshold."""
    core = rule.details.get("reading", "others") == "others"
    other = rule.details["share_with_core_to_core" if core else "share_from_others"]
    verdict = "pass" if other >= rule.threshold - 1e-12 else "fail"
    return t("clusters.dependence_sensitivity" if core else "clusters.dependence_sensitivity_decree", lang,
             other=fmt.percent(other, lang, 1), verdict=t(f"clusters.sensitivity.{verdict}", lang),
             threshold=fmt.percent(rule.threshold, lang, 0))


def _missing_lines(rule) -> list[str]:
    if not rule.missing:
        return []
    code = rule.missing["code"]
    lines = [code]
    if code == "dependence_short" and rule.missing.get("links"):
        lines.append("links")
    if code in ("needs_industrial", "needs_infrastructure") and rule.missing.get("inns"):
        lines.append("candidates")
    return lines


def _missing_text(rule, lang: str, line: str) -> str:
    m = rule.missing
    if line in ("no_links_data", "no_final_producers", "no_purchases_data", "needs_specialised", "no_members"):
        return t(f"clusters.missing.{line}", lang)
    if line == "without_contract":
        return t("clusters.missing.without_contract", lang, n=m["count"], names=_names(m, lang))
    if line == "too_many_organising":
        return t("clusters.missing.too_many_organising", lang, n=m["count"], max=m["max"], excess=m["excess"],
                 names=_names(m, lang))
    if line == "dependence_short":
        return t("clusters.missing.dependence_short", lang, value=fmt.percent(rule.measured, lang, 1),
                 points=fmt.number(m["points"], lang, 1), threshold=fmt.percent(rule.threshold, lang, 0),
                 needed=fmt.money_mln(m["needed_mln_rub"], lang, 0))
    if line == "links":
        key = "clusters.missing.dependence_links" if m.get("closes") else "clusters.missing.dependence_links_partial"
        rows = [t(key, lang, n=len(m["links"]))]
        for link in m["links"]:
            suffix = "_en" if lang == "en" else "_ru"
            rows.append("- " + t("clusters.missing.dependence_link", lang, supplier=escape_md(link["supplier" + suffix]),
                                 buyer=escape_md(link["buyer" + suffix]),
                                 value=fmt.money_mln(link["value_mln_rub"], lang, 0))
                        + (t("clusters.missing.joins", lang) if link["joins"] else ""))
        return "\n".join(rows)
    if line in ("needs_industrial", "needs_infrastructure"):
        return t(f"clusters.missing.{line}", lang, n=m["missing"])
    if line == "candidates":
        return t("clusters.missing.candidates", lang, names=_names(m, lang))
    return ""


def elsewhere_text(items: tuple, lang: str, regions_limit: int = 3) -> str:
    """``"Name (Region, 1 200 persons); …"`` for the gap table, or a dash-like note when empty."""
    if not items:
        return t("clusters.elsewhere_none", lang)
    parts = []
    for _inn, name_ru, name_en, region_code, region_ru, region_en, employees in items[:regions_limit]:
        name = name_en if lang == "en" and isinstance(name_en, str) and name_en else name_ru
        region = region_en if lang == "en" and isinstance(region_en, str) and region_en else (region_ru or region_code)
        parts.append(t("clusters.elsewhere_item", lang, name=name, region=region, employees=fmt.integer(employees, lang)))
    return "; ".join(parts)


# --------------------------------------------------------------------------------------------------
# Tables and hover texts
# --------------------------------------------------------------------------------------------------

def points(diff: float | None, lang: str, digits: int = 1) -> str:
    """A difference of two shares in percentage points: ``−2,9 п. п.`` / ``−2.9 p.p.``."""
    if diff is None or (isinstance(diff, float) and math.isnan(diff)):
        return fmt.DASH
    return f"{fmt.number(100.0 * float(diff), lang, digits)}\u00a0{t('unit.pp', lang)}"


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
    custom = np.column_stack([escape.html_series(names(members, lang)).to_numpy(dtype=object), roles.to_numpy(dtype=object),
                              escape.html_series(members["okved"].astype(str)).to_numpy(dtype=object),
                              members["employees"].to_numpy(dtype=object),
                              members["revenue_mln_rub"].to_numpy(dtype=object)])
    template = ("<b>%{customdata[0]}</b><br>%{customdata[1]} · %{customdata[2]}<br>"
                f"{t('col.employees', lang)}: %{{customdata[3]:,.0f}}<br>"
                f"{t('col.revenue', lang)}: %{{customdata[4]:,.1f}}<extra></extra>")
    return custom, template


def place_hover(places: pd.DataFrame, lang: str) -> tuple[np.ndarray, str]:
    """``customdata`` and ``hovertemplate`` of municipality markers: name, members, employees."""
    custom = np.column_stack([escape.html_series(names(places, lang)).to_numpy(dtype=object),
                              places["members"].to_numpy(dtype=object), places["employees"].to_numpy(dtype=object)])
    template = ("<b>%{customdata[0]}</b><br>" + t("clusters.kpi.members", lang) + ": %{customdata[1]}<br>"
                + t("col.employees", lang) + ": %{customdata[2]:,.0f}<extra></extra>")
    return custom, template


def place_table(places: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Municipalities hosting members, largest first, headers in ``lang``."""
    shown = places[places["members"] > 0].sort_values(["employees", "members"], ascending=False)
    return pd.DataFrame({
        t("clusters.map_municipality", lang): names(shown, lang).to_numpy(),
        t("clusters.kpi.members", lang): shown["members"].to_numpy(),
        t("col.employees", lang): shown["employees"].to_numpy(),
    })


def members_table(members: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The members table as shown and downloaded: headers and categories in ``lang``."""
    def words(prefix: str, values: pd.Series) -> pd.Series:
        return values.map(lambda v: t(f"{prefix}.{v}", lang))

    yes_no = {True: t("yes", lang), False: t("no", lang)}
    return pd.DataFrame({
        t("clusters.col.inn", lang): members["inn"].to_numpy(),
        t("clusters.col.name", lang): names(members, lang).to_numpy(),
        t("clusters.col.okved", lang): members["okved"].to_numpy(),
        t("clusters.col.role", lang): words("clusters.role", members["role"]).to_numpy(),
        t("clusters.col.basis", lang): words("clusters.basis", members["basis"]).to_numpy(),
        t("clusters.col.kind", lang): words("clusters.kind", members["kind"]).to_numpy(),
        t("clusters.col.sme", lang): members["is_sme"].astype(bool).map(yes_no).to_numpy(),
        t("clusters.col.sme_category", lang): members["sme_category"].map(
            lambda v: t(f"clusters.sme_category.{v}", lang) if isinstance(v, str) else "").to_numpy(),
        t("clusters.col.municipality", lang): names(members, lang, "municipality").to_numpy(),
        t("col.employees", lang): members["employees"].to_numpy(),
        t("col.revenue", lang): members["revenue_mln_rub"].to_numpy(),
        t("clusters.col.purchases", lang): members["purchases_mln_rub"].to_numpy(),
        t("clusters.col.sales_to_members", lang): members["sales_to_members"].to_numpy(),
        t("clusters.col.partners", lang): members["partners"].to_numpy(),
        t("clusters.col.anchor", lang): members["anchor"].astype(bool).map(yes_no).to_numpy(),
        t("clusters.col.source", lang): members["source"].fillna("").to_numpy(),
    })


def member_taxes_table(taxes: Any, lang: str) -> pd.DataFrame:
    """Taxes paid by the members by budget level (``analytics.services.member_taxes.MemberTaxes``),
    as shown: level, paid (mln ₽) and share, formatted in ``lang``."""
    table = taxes.table
    return pd.DataFrame({
        t("clusters.taxes.level", lang): [t(f"clusters.taxes.level.{v}", lang) for v in table["level"]],
        t("clusters.taxes.paid", lang): [fmt.number(v, lang, 3) for v in table["paid_mln_rub"]],
        t("clusters.taxes.share", lang): [fmt.percent(v, lang) for v in table["share"]],
    })


def member_taxes_caption(taxes: Any, lang: str) -> str:
    """Whose figures were summed and from which FNS file, or that none are loaded."""
    if not taxes.loaded:
        return t("clusters.taxes.none", lang, year=taxes.year)
    return t("clusters.taxes.caption", lang, year=taxes.year, with_figures=taxes.with_figures,
             members=taxes.members, sources=escape_md("; ".join(taxes.sources)))


def gaps_table(gaps: pd.DataFrame, lang: str, limit: int = 48) -> pd.DataFrame:
    """The gap list as shown: code, name, weight, firms, employees, LQ, density, status, where else."""
    from ui.tables.common import short

    return pd.DataFrame({
        t("col.code", lang): gaps["okved"].to_numpy(),
        t("col.sector", lang): names(gaps, lang).map(lambda n: short(n, limit)).to_numpy(),
        t("clusters.col.weight", lang): gaps["weight"].to_numpy(),
        t("clusters.col.firms", lang): gaps["firms"].to_numpy(),
        t("clusters.col.stat_employees", lang): gaps["stat_employees"].to_numpy(),
        t("col.lq", lang): gaps["lq"].to_numpy(),
        t("col.density", lang): gaps["density"].to_numpy(),
        t("clusters.col.gap_status", lang): [t(f"clusters.gap.{s}", lang) for s in gaps["status"]],
        t("clusters.col.elsewhere", lang): [elsewhere_text(items, lang) for items in gaps["elsewhere"]],
    })


def templates_table(templates: pd.DataFrame, lang: str) -> pd.DataFrame:
    names = templates["cluster_name_en" if lang == "en" else "cluster_name_ru"]
    return pd.DataFrame({
        t("clusters.col.cluster_id", lang): names.to_numpy(),
        t("col.code", lang): templates["okved"].to_numpy(),
        t("clusters.col.role", lang): [t(f"clusters.role.{r}", lang) for r in templates["role"]],
        t("clusters.col.weight", lang): templates["weight"].to_numpy(),
        t("clusters.col.note", lang): templates["note"].fillna("").to_numpy(),
    })
