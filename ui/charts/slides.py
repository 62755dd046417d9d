"""Slides for the projector and the PPTX briefing: a title, one conclusion, key numbers, one chart, notes.

Everything here is drawn from :mod:`analytics.services.storyline` slides; no queries. Sizes are made for a
1920 × 1080 canvas that the presentation page scales to the measured window: chart text 24 px, body
text ≥ 24 px, a high-contrast colour-blind-safe palette.

No text is cut. Long chart labels are wrapped at :data:`WRAP` characters a line (plotly ``<br>``); the
portfolio's bubbles carry their OKVED code only (rule: the code is the short name), and the full names of
the labelled codes are in the slide's notes.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from analytics.services.storyline import Slide
from ui.charts import clusters as cluster_charts
from ui.charts import common as charts
from ui.core import escape, fmt
from ui.core.i18n import t
from ui.core.names import name_column
from ui.tables import common as tables
from ui.tables.subsidy import assumption_text

SLIDE_FONT = 24  #: chart text on slides, px on the 1920 × 1080 canvas (≥ 24 required)
#: Characters a line of a wrapped chart label (at :data:`SLIDE_FONT` a line is ≈ 300 px wide).
WRAP = 26
#: Characters a line of the missing links' labels (long OKVED group names: three lines at most).
GAP_WRAP = 34
#: Chart height for exports (the projector stretches the chart to the room the text leaves).
CHART_HEIGHT = {1080: 700, 720: 380}
NUMBERS_ROW = {1080: 130, 720: 120}
#: Portfolio bubbles labelled with their code (the largest by employment); their names go to the notes.
PORTFOLIO_LABELS = 5


@dataclass(frozen=True)
class SlideView:
    """A slide ready to draw: texts in one language, key numbers as (label, value), a figure, and notes
    (the terms used on the slide in plain words, full names of short labels)."""

    title: str
    message: str
    numbers: list[tuple[str, str]]
    figure: go.Figure | None
    filename: str
    notes: tuple[str, ...] = ()


def _big(fig: go.Figure, height: int) -> go.Figure:
    fig.update_layout(
        font=dict(size=SLIDE_FONT),
        height=height,
        hoverlabel=dict(font_size=SLIDE_FONT),
        legend=dict(font=dict(size=SLIDE_FONT)),
        margin=dict(l=10, r=40, t=40, b=10),
        uniformtext=dict(minsize=SLIDE_FONT, mode="show"),
    )
    fig.update_annotations(font_size=SLIDE_FONT)
    fig.update_traces(textfont_size=SLIDE_FONT, selector=dict(type="bar"))
    fig.update_traces(textfont_size=SLIDE_FONT, selector=dict(type="scatter"))
    return fig


def _label(text, width: int = WRAP) -> str:
    """A chart label from the data: HTML-escaped for plotly, wrapped at ``width`` characters."""
    return tables.wrap(escape.html(text), width)


def _wrapped(frame, lang: str, width: int = WRAP, code: str | None = "sector") -> list[str]:
    names = frame[name_column(lang)]
    if code is None:
        return [_label(n, width) for n in names]
    return [_label(f"{c} {n}", width) for c, n in zip(frame[code], names)]


#: Text from the data made inert for the slide's Markdown (titles, messages and notes are Markdown).
_md = escape.markdown


def _quoted(names, lang: str) -> str:
    names = [_md(n) for n in (names or ()) if n]
    quoted = [f"«{n}»" if lang == "ru" else n for n in names]
    return t("slide.and", lang).join(quoted) if quoted else "–"


def _profile(slide: Slide, lang: str, region_name: str, height: int) -> SlideView:
    n = slide.numbers
    clusters = slide.tables["by_cluster"].copy()
    clusters["label"] = [_label(v) for v in clusters[name_column(lang)].fillna(t("cluster.other", lang))]
    fig = charts.horizontal_bars(
        clusters,
        label="label",
        value="employees",
        lang=lang,
        value_title=t("col.employees", lang),
        highlight_last=_label(t("cluster.other", lang)),
    )
    return SlideView(
        title=t("slide.profile.title", lang, region=_md(region_name), year=n["year"]),
        message=t(
            "slide.profile.message",
            lang,
            clusters=_quoted(n.get(f"top_{lang}"), lang),
            share=fmt.percent(n.get("top_share"), lang, 0),
        ),
        numbers=[
            (t("slide.profile.manufacturing", lang), fmt.thousands(n["manufacturing_employees"], lang)),
            (t("kpi.share_russia", lang), fmt.percent(n["share_of_russia"], lang, 2)),
            (t("kpi.enterprises", lang), fmt.integer(n["enterprises"], lang)),
            (t("kpi.employees", lang), fmt.thousands(n["employees"], lang)),
        ],
        figure=_big(fig, height),
        filename="slide-1-profile",
        notes=(
            t(
                "slide.profile.two_figures",
                lang,
                manufacturing=fmt.thousands(n["manufacturing_employees"], lang),
                employees=fmt.thousands(n["employees"], lang),
                enterprises=fmt.integer(n["enterprises"], lang),
            ),
        ),
    )


def _portfolio(slide: Slide, lang: str, region_name: str, height: int, cluster_names: dict[str, str]) -> SlideView:
    n = slide.numbers
    table = slide.tables["portfolio"].copy()
    table["label"] = table["sector"].astype(str)  # the code is the bubble's short name; names in the notes
    table["hover"] = tables.portfolio_hover(table, lang, "sectors.measure.employees")
    fig = charts.portfolio_bubbles(
        table,
        lang=lang,
        cluster_names={**cluster_names, "other": t("cluster.other", lang)},
        quadrant_names={q: t(f"sectors.quadrant.{q}", lang) for q in ("Star", "Mature", "Emerging", "Transforming")},
        x_title=t("sectors.lq_axis", lang),
        y_title=t("sectors.growth_axis", lang),
        size_title=t("sectors.size_note", lang),
        label_top=PORTFOLIO_LABELS,
    )
    fig.update_traces(textposition="middle right", selector=dict(type="scatter"))
    labelled = table.dropna(subset=["lq", "relative_growth"]).nlargest(PORTFOLIO_LABELS, "employees")
    codes = "; ".join(f"{_md(c)} — {_md(name)}" for c, name in zip(labelled["sector"], labelled[name_column(lang)]))
    top = table.loc[table["sector"] == n["top_sector"]]
    top_name = _md(f"{top['sector'].iloc[0]} {top[name_column(lang)].iloc[0]}") if len(top) else "–"
    return SlideView(
        title=t("slide.portfolio.title", lang, start=n["start"], end=n["end"]),
        message=t(
            "slide.portfolio.message", lang, stars=n["stars"], sector=top_name, lq=fmt.number(n["top_lq"], lang, 1)
        ),
        numbers=[],
        figure=_big(fig, height),
        filename="slide-2-portfolio",
        notes=(t("slide.portfolio.codes", lang, codes=codes), t("glossary.lq", lang), t("glossary.pp", lang)),
    )


def _next_steps(slide: Slide, lang: str, region_name: str, height: int) -> SlideView:
    n = slide.numbers
    ranked = slide.tables["opportunities"].copy()
    ranked["label"] = _wrapped(ranked, lang, 40)
    fig = charts.horizontal_bars(
        ranked, label="label", value="score", lang=lang, value_title=t("col.score", lang), digits=2
    )
    sectors = "; ".join(_md(f"{c} {name}") for c, name in zip(ranked["sector"], ranked[name_column(lang)]))
    decisions = [t("slide.decide.cluster", lang, cluster=_quoted([n.get(f"focus_{lang}")], lang))]
    if n.get("closest_dependence") is not None and not n.get("passing"):
        decisions.append(
            t(
                "slide.decide.registry",
                lang,
                cluster=_quoted([n.get(f"closest_{lang}")], lang),
                dependence=fmt.percent(n["closest_dependence"], lang, 1),
                threshold=fmt.percent(n["threshold"], lang, 0),
            )
        )
    decisions.append(
        t("slide.decide.sectors" if n["robust"] else "slide.decide.sectors_unstable", lang, sectors=sectors)
    )
    decisions.append(t("slide.decide.subsidy", lang))
    few = [p for p in n.get("plausibility", ()) if p.code == "few_sectors"]
    notes = [t("glossary.opportunity", lang)]
    if few:
        notes.append(t("slide.next_steps.complexity_note", lang, sectors=few[0].params["sectors"]))
    return SlideView(
        title=t("slide.next_steps.title", lang),
        message="\n".join(f"{i}. {d}" for i, d in enumerate(decisions, start=1)),
        numbers=[],
        figure=_big(fig, min(height, 420)),
        filename="slide-7-next-steps",
        notes=tuple(notes),
    )


def _name(numbers: dict, key: str, lang: str) -> str:
    return str(numbers.get(f"{key}_{'en' if lang == 'en' else 'ru'}") or "–")


def _clusters(slide: Slide, lang: str, height: int) -> SlideView:
    n = slide.numbers
    table = slide.tables["candidates"].copy()
    table["label"] = [
        f"{_label(name)} {'★' * int(stars)}" for name, stars in zip(table[name_column(lang)], table["stars"])
    ]
    fig = charts.horizontal_bars(
        table, label="label", value="score", lang=lang, value_title=t("slide.score_axis", lang)
    )
    if n.get("leader_edge"):
        message = t(
            "slide.clusters.message",
            lang,
            leader=_quoted([_name(n, "leader", lang)], lang),
            edge=t(f"slide.component.{n['leader_edge']}", lang),
            starred=_quoted([_name(n, "starred", lang)], lang),
            stars=n["starred_stars"],
        )
    else:
        message = t(
            "slide.clusters.message_same",
            lang,
            leader=_quoted([_name(n, "leader", lang)], lang),
            stars=n["leader_stars"],
        )
    return SlideView(
        title=t("slide.clusters.title", lang, year=n["year"]),
        message=message + " " + t("slide.clusters.strong", lang, n=n["candidates"], strong=n["strong"]),
        numbers=[],
        figure=_big(fig, min(height, 560)),
        filename="slide-3-clusters",
        notes=(t("glossary.score", lang), t("glossary.stars", lang), t("glossary.us", lang)),
    )


def _registry(slide: Slide, lang: str, height: int) -> SlideView:
    n = slide.numbers
    table = slide.tables["verdicts"].copy()
    table["label"] = [_label(v) for v in table[name_column(lang)]]
    table["passed"] = table["verdict"] == "pass"
    fig = charts.threshold_bars(
        table,
        label="label",
        value="dependence",
        passed="passed",
        threshold=n["threshold"],
        lang=lang,
        value_title=t("slide.registry.axis", lang),
        threshold_name=t("slide.registry.threshold", lang),
    )
    key = "slide.registry.message_none" if n["passing"] == 0 else "slide.registry.message"
    message = t(
        key,
        lang,
        passing=n["passing"],
        n=n["candidates"],
        closest=_quoted([_name(n, "closest", lang)], lang),
        dependence=fmt.percent(n.get("closest_dependence"), lang, 1),
        threshold=fmt.percent(n["threshold"], lang, 0),
    )
    return SlideView(
        title=t("slide.registry.title", lang),
        message=message,
        numbers=[],
        figure=_big(fig, min(height, 560)),
        filename="slide-4-registry",
        notes=(t("glossary.dependence", lang),),
    )


def _network(slide: Slide, lang: str, height: int) -> SlideView:
    """The links the slide counts, drawn (left), and the missing links by density (right)."""
    n = slide.numbers
    gaps = slide.tables["gaps"].rename(columns={"okved": "sector"}).copy()
    members = slide.tables.get("members")
    links = slide.tables.get("links")
    # the gaps' labels (wrapped at GAP_WRAP characters, ≈ 12 px a character at 24 px) sit in the spacing
    # between the two panels: 34 characters ≈ 410 px of the 1808-px chart ≈ 0.23
    fig = make_subplots(
        rows=1,
        cols=2,
        column_widths=[0.52, 0.48],
        horizontal_spacing=0.25,
        subplot_titles=(t("slide.network.links_title", lang, links=n["links"]), t("slide.network.gaps_title", lang)),
    )
    if members is not None and links is not None and len(members):
        role_names = {r: t(f"clusters.role.{r}", lang) for r in cluster_charts.ROLE_ORDER}
        net = cluster_charts.cooperation_network(members, links, lang=lang, role_names=role_names, label_top=2)
        for trace in net.data:
            fig.add_trace(trace, row=1, col=1)
        for note in net.layout.annotations:
            fig.add_annotation(note)
        fig.update_xaxes(visible=False, range=[-1.65, 1.65], row=1, col=1)
        fig.update_yaxes(visible=False, range=[-1.65, 1.7], row=1, col=1)
    if len(gaps):
        labels = _wrapped(gaps, lang, GAP_WRAP)
        fig.add_trace(
            go.Bar(
                x=gaps["density"],
                y=labels,
                orientation="h",
                marker_color=charts.PALETTE[0],
                text=[fmt.number(v, lang, 2) for v in gaps["density"]],
                textposition="outside",
                cliponaxis=False,
                showlegend=False,
                hovertemplate="%{y}: %{text}<extra></extra>",
            ),
            row=1,
            col=2,
        )
        top = float(gaps["density"].max())
        fig.update_yaxes(autorange="reversed", row=1, col=2)
        fig.update_xaxes(
            title_text=t("col.density", lang),
            tickformat=fmt.d3_number(1),
            dtick=0.1,
            range=[0, top * 1.3],
            row=1,
            col=2,
        )
    fig.update_layout(
        legend=dict(orientation="h", yanchor="top", y=-0.02, x=0, itemsizing="constant"), plot_bgcolor="white"
    )
    charts.style(fig, lang, height=height)
    return SlideView(
        title=t("slide.network.title", lang, cluster=_md(_name(n, "cluster", lang))),
        message=t(
            "slide.network.message",
            lang,
            members=n["members"],
            linked=n.get("linked", 0),
            links=n["links"],
            cooperation=fmt.percent(n["cooperation"], lang, 0),
            gaps=n["gaps"],
        ),
        numbers=[],
        figure=_big(fig, min(height, 700)),
        filename="slide-5-network-gaps",
        notes=(t("glossary.cooperation", lang), t("glossary.density", lang)),
    )


def _subsidy(slide: Slide, lang: str, height: int) -> SlideView:
    """Outlay against the taxes attributed to support (all taxes of the projects named beside), with the
    assumption behind the attribution in one plain sentence: nothing the model does not support."""
    n = slide.numbers
    balance = slide.tables["balance"]
    balance = balance[(balance["cum_subsidy_pv_mln_rub"] > 0) | (balance["cum_taxes_pv_mln_rub"] > 0)]
    fig = charts.cumulative_balance(
        balance,
        x="year",
        outlay="cum_subsidy_pv_mln_rub",
        returned="cum_taxes_pv_mln_rub",
        lang=lang,
        outlay_name=t("slide.subsidy.outlay", lang),
        returned_name=t("slide.subsidy.returned", lang),
        y_title=t("slide.subsidy.axis", lang),
        break_even=n["break_even_year"],
        break_even_name=t("slide.subsidy.break_even", lang),
    )
    year = n["break_even_year"]
    if n["projects"] == 0:  # nothing to weigh: say why instead of dashes
        return SlideView(
            title=t("slide.subsidy.title", lang, share=fmt.percent(n["share"], lang, 0)),
            message=t("slide.subsidy.message_none", lang),
            numbers=[],
            figure=_big(fig, min(height, 560)),
            filename="slide-6-subsidy",
        )
    message = t(
        "slide.subsidy.message" if year is not None else "slide.subsidy.message_no_break_even",
        lang,
        subsidy=fmt.money_mln(n["subsidy_mln_rub"], lang, 0),
        projects=n["projects"],
        leverage=fmt.number(n["leverage"], lang, 1),
        effectiveness=fmt.number(n["effectiveness"], lang, 2),
        gross=fmt.money_mln(n["taxes_gross_mln_rub"], lang, 0),
        year=year,
    )
    if n.get("what_if"):
        message = t("slide.subsidy.what_if", lang) + " " + message
    return SlideView(
        title=t("slide.subsidy.title", lang, share=fmt.percent(n["share"], lang, 0)),
        message=message,
        numbers=[],
        figure=_big(fig, min(height, 560)),
        filename="slide-6-subsidy",
        notes=(assumption_text(n["assumption"], lang), t("glossary.discounted", lang)),
    )


def _route_gaps(rules, n: dict, lang: str) -> list[str]:
    gaps = []
    for r in rules.itertuples():
        if r.status != "fail":
            continue
        rule = t(f"clusters.rule.{r.rule_id}", lang).lower() if lang == "ru" else t(f"clusters.rule.{r.rule_id}", lang)
        if r.rule_id == "contracts":
            gaps.append(t("slide.route.gap.contracts", lang, n=fmt.integer(r.measured, lang)))
        elif r.rule_id == "dependence":
            gaps.append(
                t(
                    "slide.route.gap.dependence",
                    lang,
                    now=fmt.percent(r.measured, lang, 1),
                    threshold=fmt.percent(r.threshold, lang, 0),
                    value=fmt.money_mln(n["needed_mln_rub"], lang, 0),
                )
            )
        elif r.rule_id == "organising":
            gaps.append(t("slide.route.gap.organising", lang, rule=rule, n=fmt.integer(r.excess, lang)))
        else:
            gaps.append(t("slide.route.gap.count", lang, rule=rule, n=fmt.integer(r.missing, lang)))
    return gaps


def _route(slide: Slide, lang: str, height: int) -> SlideView:
    """Route to the registry of the focus cluster: the gap per rule, the contracts proposed and their value,
    functional dependence now → after against the threshold, and one conclusion in plain words."""
    n = slide.numbers
    rules = slide.tables["rules"]
    addresses = [a for a in str(n["addresses"]).split(",") if a]
    gaps = _route_gaps(rules, n, lang)
    value = fmt.money_mln(n["value_mln_rub"], lang, 0)
    remaining = [
        t(f"clusters.rule.{r.rule_id}", lang)
        for r in rules.itertuples()
        if r.status == "fail" and r.blocking and r.rule_id not in addresses
    ]
    if n["status"] == "no_solution":
        conclusion = t("slide.route.conclusion.no_solution", lang)
    elif not addresses and n["dependence_before"] is None:
        conclusion = t("slide.route.conclusion.cannot_judge", lang)
    elif not addresses:
        conclusion = t("slide.route.conclusion.none_needed", lang)
    else:
        conclusion = t("slide.route.conclusion.closes", lang, value=value, n=fmt.integer(n["contracts"], lang))
        if n["status"] == "time_limit":
            conclusion += t("slide.route.conclusion.unproven", lang)
    if remaining and n["status"] != "no_solution":
        conclusion += t("slide.route.conclusion.remaining", lang, rules="; ".join(remaining))
    message = (
        (t("slide.route.gaps", lang, gaps="; ".join(gaps)) if gaps else t("slide.route.gaps_none", lang))
        + " "
        + conclusion
    )
    before, after = n["dependence_before"], n["dependence_after"]
    figure = None
    if before is not None and n["threshold"] is not None:
        bars = pd.DataFrame({"label": [t("slide.route.now", lang)], "share": [before]})
        if after is not None and n["contracts"]:
            bars = pd.concat([bars, pd.DataFrame({"label": [t("slide.route.after", lang)], "share": [after]})])
        bars["passed"] = bars["share"] >= n["threshold"] - 1e-12
        chart = charts.threshold_bars(
            bars,
            label="label",
            value="share",
            passed="passed",
            threshold=n["threshold"],
            lang=lang,
            value_title=t("slide.registry.axis", lang),
            threshold_name=t("slide.registry.threshold", lang),
        )
        chart.update_layout(bargap=0.45)  # two bars: slim ones, as on the registry slide
        figure = _big(chart, min(height - NUMBERS_ROW[1080], 420))
    shown_after = after if n["contracts"] else before
    return SlideView(
        title=t("slide.route.title", lang, cluster=_name(n, "cluster", lang)),
        message=message,
        numbers=[
            (t("slide.route.contracts", lang), fmt.integer(n["contracts"], lang)),
            (t("slide.route.value", lang), value),
            (
                t("slide.route.dependence", lang),
                t(
                    "slide.route.arrow",
                    lang,
                    before=fmt.percent(before, lang, 1),
                    after=fmt.percent(shown_after, lang, 1),
                ),
            ),
        ],
        figure=figure,
        filename="slide-route-to-registry",
    )


def view(
    slide: Slide,
    lang: str,
    *,
    region_name: str,
    cluster_names: dict[str, str],
    screen: int = 1080,
    stretch: bool = False,
) -> SlideView:
    """The :class:`SlideView` of ``slide`` in ``lang``. ``screen`` (1080 or 720) sets the figure's height for
    exports; ``stretch`` leaves the height to the page instead (the presentation page stretches the chart
    over the room left on the measured window)."""
    shown = _view(slide, lang, region_name=region_name, cluster_names=cluster_names, screen=screen)
    if stretch and shown.figure is not None:
        shown.figure.update_layout(height=None, autosize=True)
    return shown


def _view(slide: Slide, lang: str, *, region_name: str, cluster_names: dict[str, str], screen: int) -> SlideView:
    screen = 720 if screen == 720 else 1080
    height = CHART_HEIGHT[screen] - (NUMBERS_ROW[screen] if slide.slide_id == "profile" else 0)
    if slide.slide_id == "profile":
        return _profile(slide, lang, region_name, height)
    if slide.slide_id == "portfolio":
        return _portfolio(slide, lang, region_name, height, cluster_names)
    if slide.slide_id == "clusters":
        return _clusters(slide, lang, height)
    if slide.slide_id == "registry":
        return _registry(slide, lang, height)
    if slide.slide_id == "network":
        return _network(slide, lang, height)
    if slide.slide_id == "route":
        route = _route(slide, lang, height)
        # on a 720-line screen the numbers row would push the buttons off: the conclusion names the
        # contracts and their value, the chart the dependence before and after
        return route if screen == 1080 else SlideView(route.title, route.message, [], route.figure, route.filename)
    if slide.slide_id == "subsidy":
        return _subsidy(slide, lang, height)
    if slide.slide_id == "next_steps":
        return _next_steps(slide, lang, region_name, height)
    raise KeyError(slide.slide_id)
