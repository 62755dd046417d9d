"""Chart builders for the input–output section: a region's multipliers against Russia's, linkages,
and a subsidy portfolio's effect for the region's economy.

DataFrames in, plotly figures out (the frames come from
:func:`analytics.services.regional_io.sector_io_view` and :func:`~analytics.services.regional_io.
projects_effect`); they never query the store. :func:`portfolio_effect_section` draws the whole
Subsidies-page section in one call (the service through :func:`ui.state.cached`).
"""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from ui import fmt
from ui.charts import FONT_SIZE, NEUTRAL, PALETTE, plotly_config, style
from ui.i18n import name_column, t
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


#: Kinds of effect (rows of ``RegionalImpact.effects``) and the columns shown, in order.
EFFECTS = ("direct", "indirect", "induced", "total")
EFFECT_COLUMNS = ("output_mln_rub", "value_added_mln_rub", "wages_mln_rub", "taxes_mln_rub", "jobs")
#: Money measures drawn as bars (jobs and taxes are in the table).
EFFECT_BARS = ("output_mln_rub", "value_added_mln_rub", "wages_mln_rub")


def portfolio_effect_table(effects: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The effects (rows direct, indirect, induced, total; :func:`analytics.metrics.input_output.impact`)
    as text in ``lang``: money in mln ₽ with one decimal, jobs as whole persons."""
    frame = {t("io_effect.col_effect", lang): [t(f"io_effect.effect.{e}", lang) for e in EFFECTS]}
    for col in EFFECT_COLUMNS:
        values = effects.loc[list(EFFECTS), col]
        frame[t(f"io_effect.col.{col}", lang)] = [fmt.integer(v, lang) if col == "jobs" else fmt.number(v, lang, 1)
                                                  for v in values]
    return pd.DataFrame(frame)


def portfolio_effect_bars(effects: pd.DataFrame, *, lang: str) -> go.Figure:
    """Grouped bars: output, value added and wages (mln ₽ a year) of the direct, indirect and induced
    effects; the values written on the bars."""
    kinds = [t(f"io_effect.effect.{e}", lang) for e in EFFECTS[:3]]
    fig = go.Figure()
    for colour, col in zip(PALETTE, EFFECT_BARS, strict=False):
        values = effects.loc[list(EFFECTS[:3]), col]
        name = t(f"io_effect.col.{col}", lang)
        fig.add_trace(go.Bar(
            x=kinds, y=values, name=name, marker_color=colour,
            text=[fmt.number(v, lang, 0) for v in values], textposition="outside", cliponaxis=False,
            hovertemplate=f"{name}: %{{text}}<extra>%{{x}}</extra>",
        ))
    top = float(effects.loc[list(EFFECTS[:3]), list(EFFECT_BARS)].to_numpy().max()) if len(effects) else 1.0
    fig.update_layout(barmode="group", legend=dict(orientation="h", yanchor="bottom", y=1.02, x=0))
    fig.update_yaxes(title_text=t("io_effect.axis", lang), tickformat=fmt.d3_number(0),
                     range=[0, max(top, 1.0) * 1.18])
    fig.update_xaxes(automargin=True)
    return style(fig, lang, height=440)


def portfolio_effect_section(region: str, year: int, projects: pd.DataFrame | list[str] | tuple[str, ...],
                             lang: str) -> None:
    """The Subsidies page's «эффект для экономики региона» of the chosen projects, drawn in one call:
    heading, the demand used, the effects table, the bars and one sentence of what the model assumes.

    ``projects``: the chosen projects (a frame with a ``project_id`` column, or their ids); the effect is
    :func:`analytics.services.regional_io.projects_effect` for ``region`` and the employment ``year``.
    """
    import streamlit as st

    from analytics.services import regional_io
    from ui.state import cached

    ids = projects["project_id"] if isinstance(projects, pd.DataFrame) else projects
    ids = tuple(sorted({str(p) for p in ids}))
    st.subheader(t("io_effect.title", lang))
    try:
        result = cached(regional_io.projects_effect, region, int(year), ids)
    except LookupError:
        st.info(t("io_effect.no_data", lang))
        return
    if result.impact is None:
        st.info(t("io_effect.none", lang))
        return
    st.caption(t("io_effect.revenue", lang, total=fmt.number(result.revenue["revenue_mln_rub"].sum(), lang, 1),
                 n=fmt.integer(len(result.revenue), lang)))
    effects = result.impact.effects
    st.dataframe(portfolio_effect_table(effects, lang), hide_index=True)
    st.markdown(f"**{t('io_effect.chart_title', lang)}**")
    st.plotly_chart(portfolio_effect_bars(effects, lang=lang), theme=None,
                    config=plotly_config(f"io-effect-{region}-{result.employment_year}"))
    st.caption(t("io_effect.assumes", lang, io_year=result.io_year or "—", year=result.employment_year))
