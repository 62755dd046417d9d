"""The Sectors page's input–output section: the region's multipliers against Russia's, linkages and key
sectors, the full table (Streamlit drawing; figures from :mod:`analytics.services.regional_io`)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from analytics.services import regional_io
from ui.charts import common as charts
from ui.charts import input_output as io_charts
from ui.charts.common import plotly_config
from ui.charts.input_output import portfolio_effect_bars
from ui.core import fmt, i18n
from ui.core.names import name_column
from ui.core.state import cached, figure, lang, region_name, t
from ui.sections.common import one_of
from ui.tables import common as tables
from ui.tables.input_output import portfolio_effect_table


def draw(region: str, end: int) -> None:
    """Widgets (method, δ), headline figures, the bar chart, the linkage scatter and the table."""
    st.subheader(t("sectors.io.title"))
    st.caption(t("sectors.io.intro"))
    i1, i2 = st.columns([1, 2])
    io_method = one_of(i1, "sectors.io.method", regional_io.METHODS, "flq", "io_method")
    io_delta = i2.slider(
        t("sectors.io.delta"),
        *regional_io.DELTA_LITERATURE,
        regional_io.DEFAULT_DELTA,
        0.05,
        help=t("sectors.io.delta_help"),
        key="io_delta",
        disabled=io_method != "flq",
    )
    try:
        io_view = cached(regional_io.sector_io_view, region, end, delta=io_delta, method=io_method)
    except LookupError:
        io_view = None
        st.info(t("sectors.io.no_data"))
    if io_view is not None:
        io_result = io_view.multipliers
        if "illustrative" in io_result.data_status:
            st.warning(t("sectors.io.illustrative"), icon=":material/info:")
        k1, k2, k3 = st.columns(3)
        k1.metric(
            t("sectors.io.kpi.share"),
            fmt.percent(io_result.regional_share, lang(), 2),
            help=t(
                "sectors.io.kpi.share_help"
                if io_result.regional_share_source == "labour_force"
                else "sectors.io.kpi.share_help_store"
            ),
        )
        k2.metric(
            t("sectors.io.kpi.lambda"),
            fmt.number(io_result.lambda_star, lang(), 2),
            help=t("sectors.io.kpi.lambda_help"),
        )
        k3.metric(
            t("sectors.io.kpi.key"), fmt.integer(len(io_view.key_sectors), lang()), help=t("sectors.io.kpi.key_help")
        )
        st.markdown(f"**{t('sectors.io.top', n=len(io_view.top))}**")
        st.plotly_chart(
            figure(
                io_charts.multiplier_bars,
                io_view.top,
                lang=lang(),
                region_name=region_name(region),
                russia_name=t("sectors.io.russia"),
                x_title=t("sectors.io.axis"),
                type2_name=t("sectors.io.type2", region=region_name(region)),
            ),
            theme=None,
            config=charts.plotly_config(f"io-multipliers-{region}-{end}-{io_method}"),
        )
        st.caption(t("sectors.io.slq_note", **{k: fmt.integer(v, lang()) for k, v in io_view.slq_sources.items()}))
        st.markdown(f"**{t('sectors.io.linkages')}**")
        st.plotly_chart(
            figure(
                io_charts.linkage_scatter,
                io_view.table,
                lang=lang(),
                x_title=t("sectors.io.backward"),
                y_title=t("sectors.io.forward"),
                key_name=t("sectors.io.key"),
                other_name=t("sectors.io.other"),
            ),
            theme=None,
            config=charts.plotly_config(f"io-linkages-{region}-{end}-{io_method}"),
        )
        st.caption(t("sectors.io.linkages_caption"))
        st.markdown(f"**{t('sectors.io.table')}**")
        io_shown = tables.localise(
            io_view.table.assign(
                product=io_view.table[name_column(lang())],
                slq_source=[t(f"sectors.io.source.{s}") for s in io_view.table["slq_source"]],
                key_sector=[t("yes") if k else t("no") for k in io_view.table["key_sector"]],
            ),
            {
                "okpd2": "col.io.okpd2",
                "product": "col.io.product",
                "output_region": "col.io.output_region",
                "output_russia": "col.io.output_russia",
                "output_type2_region": "col.io.output_type2_region",
                "value_added_region": "col.io.value_added_region",
                "income_region": "col.io.income_region",
                "employment_region": "col.io.employment_region",
                "employment_russia": "col.io.employment_russia",
                "retained": "col.io.retained",
                "slq": "col.io.slq",
                "slq_source": "col.io.slq_source",
                "backward": "col.io.backward",
                "forward": "col.io.forward",
                "key_sector": "col.io.key",
            },
            lang(),
        )
        st.dataframe(
            tables.styled(
                io_shown,
                lang(),
                {  # the UI language's separators, not the browser's
                    **{
                        t(k): "number2"
                        for k in (
                            "col.io.output_region",
                            "col.io.output_russia",
                            "col.io.output_type2_region",
                            "col.io.value_added_region",
                            "col.io.income_region",
                            "col.io.employment_region",
                            "col.io.employment_russia",
                            "col.io.slq",
                            "col.io.backward",
                            "col.io.forward",
                        )
                    },
                    t("col.io.retained"): "percent",
                },
            ),
            hide_index=True,
        )
        st.caption(t("sectors.io.caveat"))


def portfolio_effect_section(
    region: str, year: int | None, projects: pd.DataFrame | list[str] | tuple[str, ...], lang: str
) -> None:
    """The Subsidies page's «эффект для экономики региона» of the chosen projects, drawn in one call:
    heading, the demand used, the effects table, the bars and one sentence of what the model assumes.

    ``projects``: the chosen projects — a frame with a ``project_id`` column (when it also has a boolean
    ``selected`` column, e.g. ``ScenarioResults.table`` of the Subsidies page, only those rows), or their
    ids; the effect is :func:`analytics.services.regional_io.projects_effect` for ``region`` and the
    employment ``year``. On the Subsidies page:
    ``io_section.portfolio_effect_section(current_region(), None, view.results.table, L)`` (``year=None``:
    the latest year of employment in the store).
    """
    st.subheader(i18n.t("io_effect.title", lang))
    try:
        ids = regional_io.chosen_project_ids(projects)
        result = cached(regional_io.projects_effect, region, None if year is None else int(year), ids)
    except LookupError:
        st.info(i18n.t("io_effect.no_data", lang))
        return
    if result.impact is None:
        st.info(i18n.t("io_effect.none", lang))
        return
    st.caption(
        i18n.t(
            "io_effect.revenue",
            lang,
            total=fmt.number(result.revenue_total_mln_rub, lang, 1),
            n=fmt.integer(len(result.revenue), lang),
        )
    )
    effects = result.impact.effects
    st.dataframe(portfolio_effect_table(effects, lang), hide_index=True)
    st.markdown(f"**{i18n.t('io_effect.chart_title', lang)}**")
    st.plotly_chart(
        portfolio_effect_bars(effects, lang=lang),
        theme=None,
        config=plotly_config(f"io-effect-{region}-{result.employment_year}"),
    )
    st.caption(i18n.t("io_effect.assumes", lang, io_year=result.io_year or "—", year=result.employment_year))
