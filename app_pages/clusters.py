"""Clusters: template candidates ranked with stars, score and registry badge; one candidate in detail
(members, map, cooperation network, registry checklist, route to the registry, missing links); clusters
found beyond the templates; the region beside its peers; the method, templates and real registry.
The parts are drawn by :mod:`ui.sections.clusters`; this file places them."""

import streamlit as st

from analytics.models import clusters, discovery, registry
from analytics.services import peers as peer_service
from ui.charts import clusters as cc
from ui.core import names as naming
from ui.core.names import name_column
from ui.core.state import cached, current_region, lang, region_name, t, year_picker
from ui.sections import clusters as section
from ui.sections.peers import peer_picker
from ui.sections.roadmap import roadmap_tab
from ui.tables import enterprise as enterprise_tables

region = current_region()
L = lang()
st.title(t("clusters.title", region=region_name(region)))
st.caption(t("clusters.intro"))

c_year, c_params, _ = st.columns([1, 3, 2], vertical_alignment="bottom")
year = year_picker(region, c_year)
params = section.registry_params(region, c_params)

candidates = cached(clusters.find_candidates, region, year)
coverage = clusters.coverage(candidates)
if coverage == "none":
    st.info(t("clusters.no_data"))
    st.stop()
if coverage == "no_enterprises":
    st.info(t("clusters.no_enterprises"))
verdicts = cached(registry.verdicts, region, year, params).set_index("cluster_id")
section.ranking(candidates, verdicts, params, L)

# --- one candidate in detail --------------------------------------------------------------------------
found = cached(discovery.discover, region, year)
template_names = dict(zip(candidates["cluster_id"], candidates[name_column(L)]))
options = {cid: (None, t("clusters.option.template", name=template_names[cid])) for cid in candidates["cluster_id"]}
for _, row in found.candidates.iterrows():
    options[row["cluster_id"]] = (
        tuple(row["codes"]),
        t("clusters.option.discovered", name=naming.name_of(row, L), more=len(row["codes"][1:])),
    )
choice = st.selectbox(t("clusters.select"), list(options), format_func=lambda c: options[c][1], key="clusters_selected")
codes, label = options[choice]
st.header(t("clusters.detail", name=label), anchor=False)
args = dict(region=region, year=year, codes=codes)
members = cached(clusters.members, choice, **args)
tab_members, tab_map, tab_network, tab_registry, tab_route, tab_gaps = st.tabs(
    [
        t("clusters.tab.members"),
        t("clusters.tab.map"),
        t("clusters.tab.network"),
        t("clusters.tab.registry"),
        t("clusters.tab.roadmap"),
        t("clusters.tab.gaps"),
    ],
    key=f"clusters_tab_{L}",
    on_change="rerun",
)
role_names = {r: t(f"clusters.role.{r}") for r in cc.ROLE_ORDER}

# only the open tab is drawn: reruns stay cheap at national scale
if tab_members.open:
    with tab_members:
        section.members_tab(choice, members, args, L)
if tab_map.open:
    with tab_map:
        section.map_tab(choice, members, args, role_names, L)
if tab_network.open:
    with tab_network:
        section.network_tab(choice, members, args, role_names, L)
if tab_registry.open:
    with tab_registry:
        section.registry_tab(choice, args, params, L)
if tab_route.open:
    with tab_route:
        roadmap_tab(choice, region=region, year=year, params=params, codes=codes, lang=L)
if tab_gaps.open:
    with tab_gaps:
        section.gaps_tab(choice, args, L)

st.header(t("clusters.discovered"), anchor=False)
section.discovered(found, template_names, L)

# --- the region beside its peer regions ---------------------------------------------------------------
st.header(t("peers.title"), anchor=False)
peers = peer_picker(region, year, key="clusters_peers")
if peers:
    st.markdown(f"**{t('peers.clusters', year=year)}**")
    st.caption(t("peers.clusters_caption"))
    st.dataframe(
        enterprise_tables.peer_cluster_table(cached(peer_service.peer_clusters, region, year, peers), L),
        hide_index=True,
    )

section.method_and_templates(candidates["start_year"].iloc[0], L)
section.real_registry(region, L)
