"""Subsidies: what-if support for joint cluster projects (Decree No. 41) — widgets, one service call
(:func:`analytics.services.scenarios_view.page_view`), drawing. The scenario lives in the URL."""

import streamlit as st

from analytics.models.subsidy import ParameterError
from analytics.services import scenarios_view as sv
from ui.core.names import name_column
from ui.core.state import cached, cached_with, connection, current_region, lang, t
from ui.sections import io_section
from ui.sections import subsidy_view as draw
from ui.sections import subsidy_widgets as widgets
from ui.tables import subsidy as subsidy_tables

L = lang()
setup = cached(sv.page_setup)
cluster_ids = tuple(setup.clusters["cluster_id"])
cluster_names = dict(zip(setup.clusters["cluster_id"], setup.clusters[name_column(L)]))
widgets.first_view(setup.regimes, cluster_ids, setup.passing)
regimes = widgets.regimes_now(setup.regimes)

st.title(t("subsidies.title"))
st.caption(t("subsidies.intro"))
widgets.messages()
widgets.controls(regimes, cluster_ids, cluster_names, setup.passing)
sensitivity, tornado, sweep = widgets.analysis_switches()
try:
    scenario, options = widgets.scenario_and_options(regimes, cluster_ids, setup.passing)
except ParameterError as error:
    st.error(subsidy_tables.parameter_error(error, L), icon=":material/block:")
    st.stop()
if not cluster_ids:
    st.info(t("subsidies.no_projects"))
    st.stop()

main = st.container()
st.divider()
st.header(t("subsidies.compare"), anchor=False)
saved = sv.saved_scenarios(connection())
items = widgets.comparison_items(scenario, options, saved)

request = sv.PageRequest(sv.scenario_key(scenario), options, items, tornado, sweep)
view = cached_with(sv.projects, sv.page_view, request)

with main:
    draw.headline(view)
    draw.status(view.results)
    draw.figures(view, sensitivity)
    draw.project_table(view, cluster_names)
    io_section.portfolio_effect_section(current_region(), None, view.results.table, L)
draw.comparison(view, items)
widgets.saving(scenario, saved, cluster_ids, setup.passing, regimes)
st.divider()
draw.national()
draw.programme()
