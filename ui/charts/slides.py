"""Slides for the projector and the PPTX briefing: a title, one message, key numbers, one chart.

Everything here is drawn from :mod:`analytics.services.storyline` slides; no queries. Sizes are made for a
hall: body text ≥ 24 px, chart labels ≥ 18 px, a high-contrast colour-blind-safe palette.
"""
from __future__ import annotations

from dataclasses import dataclass

import plotly.graph_objects as go

from analytics.services.storyline import Slide
from ui.charts import common as charts
from ui.core import fmt
from ui.core.i18n import t
from ui.core.names import name_column
from ui.tables import common as tables
from ui.tables.subsidy import assumption_text

SLIDE_FONT = 22  #: chart text on slides, px (≥ 18 required)
#: Chart height by screen height (px), and what a row of key numbers takes from it.
CHART_HEIGHT = {1080: 700, 720: 380}
NUMBERS_ROW = {1080: 130, 720: 120}


@dataclass(frozen=True)
class SlideView:
    """A slide ready to draw: texts in one language, key numbers as (label, value) and a figure."""

    title: str
    message: str
    numbers: list[tuple[str, str]]
    figure: go.Figure | None
    filename: str


def _big(fig: go.Figure, height: int) -> go.Figure:
    fig.update_layout(font=dict(size=SLIDE_FONT), height=height, hoverlabel=dict(font_size=SLIDE_FONT),
                      legend=dict(font=dict(size=SLIDE_FONT - 2)), margin=dict(l=10, r=40, t=40, b=10))
    fig.update_annotations(font_size=SLIDE_FONT)
    fig.update_traces(textfont_size=SLIDE_FONT - 2, selector=dict(type="bar"))
    fig.update_traces(textfont_size=SLIDE_FONT - 2, selector=dict(type="scatter"))
    return fig


def _profile(slide: Slide, lang: str, region_name: str, height: int) -> SlideView:
    n = slide.numbers
    clusters = slide.tables["by_cluster"].copy()
    clusters["label"] = clusters[name_column(lang)].fillna(t("cluster.other", lang))
    fig = charts.horizontal_bars(clusters, label="label", value="employees", lang=lang,
                                 value_title=t("col.employees", lang), highlight_last=t("cluster.other", lang))
    return SlideView(
        title=t("slide.profile.title", lang, region=region_name, year=n["year"]),
        message=t("slide.profile.message", lang, share=fmt.percent(n["share_of_russia"], lang, 2),
                  manufacturing=fmt.thousands(n["manufacturing_employees"], lang)),
        numbers=[(t("kpi.enterprises", lang), fmt.integer(n["enterprises"], lang)),
                 (t("kpi.employees", lang), fmt.thousands(n["employees"], lang)),
                 (t("kpi.revenue", lang), fmt.money_bn(n["revenue_mln_rub"], lang))],
        figure=_big(fig, height), filename="slide-1-profile",
    )


def _portfolio(slide: Slide, lang: str, region_name: str, height: int, cluster_names: dict[str, str]) -> SlideView:
    n = slide.numbers
    table = slide.tables["portfolio"].copy()
    table["label"] = tables.sector_labels(table, lang, 18)
    table["hover"] = tables.portfolio_hover(table, lang, "sectors.measure.employees")
    fig = charts.portfolio_bubbles(
        table, lang=lang, cluster_names={**cluster_names, "other": t("cluster.other", lang)},
        quadrant_names={q: t(f"sectors.quadrant.{q}", lang) for q in ("Star", "Mature", "Emerging", "Transforming")},
        x_title=t("sectors.lq_axis", lang), y_title=t("sectors.growth_axis", lang),
        size_title=t("sectors.size_note", lang), label_top=5,
    )
    top = table.loc[table["sector"] == n["top_sector"]]
    top_name = tables.short(top[name_column(lang)].iloc[0], 40) if len(top) else "–"
    return SlideView(
        title=t("slide.portfolio.title", lang, start=n["start"], end=n["end"]),
        message=t("slide.portfolio.message", lang, stars=n["stars"], strong=n["strong"], sector=top_name,
                  lq=fmt.number(n["top_lq"], lang, 1)),
        numbers=[], figure=_big(fig, height), filename="slide-2-portfolio",
    )


def _next_steps(slide: Slide, lang: str, region_name: str, height: int) -> SlideView:
    ranked = slide.tables["opportunities"].copy()
    ranked["label"] = tables.sector_labels(ranked, lang, 40)
    fig = charts.horizontal_bars(ranked, label="label", value="score", lang=lang,
                                 value_title=t("col.score", lang), digits=2)
    names = "; ".join(tables.short(v, 40) for v in ranked[name_column(lang)])
    key = "slide.next_steps.message" if slide.numbers["robust"] else "slide.next_steps.message_unstable"
    # one short sentence on a slide (the full notes are on the Sectors page): the hall reads it at once
    few = [n for n in slide.numbers.get("plausibility", ()) if n.code == "few_sectors"]
    notes = [t("slide.next_steps.complexity_note", lang, sectors=few[0].params["sectors"])] if few else []
    message = " ".join([t(key, lang, sectors=names), *notes])
    return SlideView(title=t("slide.next_steps.title", lang), message=message,
                     # the caveat takes a line of text: the chart gives it that line's height
                     numbers=[], figure=_big(fig, min(height, 420) - (60 if notes else 0)),
                     filename="slide-7-next-steps")


def _name(numbers: dict, key: str, lang: str) -> str:
    return str(numbers.get(f"{key}_{'en' if lang == 'en' else 'ru'}") or "–")


def _clusters(slide: Slide, lang: str, height: int) -> SlideView:
    n = slide.numbers
    table = slide.tables["candidates"].copy()
    table["label"] = [f"{name} {'★' * int(stars)}" for name, stars in
                      zip(table[name_column(lang)], table["stars"])]
    fig = charts.horizontal_bars(table, label="label", value="score", lang=lang, value_title=t("slide.score_axis", lang))
    return SlideView(title=t("slide.clusters.title", lang, year=n["year"]),
                     message=t("slide.clusters.message", lang, n=n["candidates"], leader=_name(n, "leader", lang),
                               stars=n["leader_stars"], strong=n["strong"]),
                     numbers=[], figure=_big(fig, min(height, 560)), filename="slide-3-clusters")


def _registry(slide: Slide, lang: str, height: int) -> SlideView:
    n = slide.numbers
    table = slide.tables["verdicts"].copy()
    table["label"] = table[name_column(lang)]
    table["passed"] = table["verdict"] == "pass"
    fig = charts.threshold_bars(table, label="label", value="dependence", passed="passed", threshold=n["threshold"],
                                lang=lang, value_title=t("slide.registry.axis", lang),
                                threshold_name=t("slide.registry.threshold", lang))
    return SlideView(title=t("slide.registry.title", lang),
                     message=t("slide.registry.message", lang, passing=n["passing"], n=n["candidates"]),
                     numbers=[], figure=_big(fig, min(height, 560)), filename="slide-4-registry")


def _network(slide: Slide, lang: str, height: int) -> SlideView:
    n = slide.numbers
    gaps = slide.tables["gaps"].rename(columns={"okved": "sector"}).copy()
    gaps["label"] = tables.sector_labels(gaps, lang, 40)
    fig = charts.horizontal_bars(gaps, label="label", value="density", lang=lang,
                                 value_title=t("col.density", lang), digits=2) if len(gaps) else None
    return SlideView(title=t("slide.network.title", lang, cluster=_name(n, "cluster", lang)),
                     message=t("slide.network.message", lang, members=n["members"], links=n["links"],
                               cooperation=fmt.percent(n["cooperation"], lang, 0), gaps=n["gaps"]),
                     numbers=[], figure=_big(fig, min(height, 560)) if fig is not None else None,
                     filename="slide-5-network-gaps")


def _subsidy(slide: Slide, lang: str, height: int) -> SlideView:
    """Outlay against the taxes attributed to support (all taxes of the projects named beside), with the
    assumption behind the attribution in one plain sentence: nothing the model does not support."""
    n = slide.numbers
    balance = slide.tables["balance"]
    balance = balance[(balance["cum_subsidy_pv_mln_rub"] > 0) | (balance["cum_taxes_pv_mln_rub"] > 0)]
    fig = charts.cumulative_balance(
        balance, x="year", outlay="cum_subsidy_pv_mln_rub", returned="cum_taxes_pv_mln_rub", lang=lang,
        outlay_name=t("slide.subsidy.outlay", lang), returned_name=t("slide.subsidy.returned", lang),
        y_title=t("slide.subsidy.axis", lang),
        break_even=n["break_even_year"], break_even_name=t("slide.subsidy.break_even", lang))
    year = n["break_even_year"]
    if n["projects"] == 0:  # nothing to weigh: say why instead of dashes
        return SlideView(title=t("slide.subsidy.title", lang, share=fmt.percent(n["share"], lang, 0)),
                         message=t("slide.subsidy.message_none", lang), numbers=[],
                         figure=_big(fig, min(height, 560)), filename="slide-6-subsidy")
    message = t("slide.subsidy.message" if year is not None else "slide.subsidy.message_no_break_even", lang,
                subsidy=fmt.money_mln(n["subsidy_mln_rub"], lang, 0), projects=n["projects"],
                leverage=fmt.number(n["leverage"], lang, 1),
                effectiveness=fmt.number(n["effectiveness"], lang, 2),
                gross=fmt.money_mln(n["taxes_gross_mln_rub"], lang, 0), year=year)
    return SlideView(
        title=t("slide.subsidy.title", lang, share=fmt.percent(n["share"], lang, 0)),
        message=message + " " + assumption_text(n["assumption"], lang),
        numbers=[], figure=_big(fig, min(height, 560)), filename="slide-6-subsidy")


def view(slide: Slide, lang: str, *, region_name: str, cluster_names: dict[str, str], screen: int = 1080) -> SlideView:
    """The :class:`SlideView` of ``slide`` in ``lang`` for a screen ``screen`` px high (1080 or 720)."""
    screen = 720 if screen == 720 else 1080
    height = CHART_HEIGHT[screen] - (NUMBERS_ROW[screen] if slide.slide_id == "profile" and screen == 1080 else 0)
    if slide.slide_id == "profile":
        profile = _profile(slide, lang, region_name, height)
        # on a 720-line screen the key numbers would squeeze the chart: the message carries them
        return profile if screen == 1080 else SlideView(profile.title, profile.message, [], profile.figure,
                                                        profile.filename)
    if slide.slide_id == "portfolio":
        return _portfolio(slide, lang, region_name, height, cluster_names)
    if slide.slide_id == "clusters":
        return _clusters(slide, lang, height)
    if slide.slide_id == "registry":
        return _registry(slide, lang, height)
    if slide.slide_id == "network":
        return _network(slide, lang, height)
    if slide.slide_id == "subsidy":
        return _subsidy(slide, lang, height)
    if slide.slide_id == "next_steps":
        return _next_steps(slide, lang, region_name, height)
    raise KeyError(slide.slide_id)
