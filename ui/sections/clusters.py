"""Parts of the Clusters page: the registry-threshold controls, the ranked candidate cards, one
candidate's tabs (members, map, network, registry check, gaps), the clusters found beyond the
templates, the templates and the real registry. Library results in (through
:func:`ui.core.state.cached`), Streamlit elements out; the page only places them."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from analytics.models import clusters, registry
from analytics.services import member_taxes, public_data
from ui.charts import clusters as cc
from ui.charts import common as charts
from ui.core import fmt
from ui.core import names as naming
from ui.core.names import name_column
from ui.core.state import cached, figure, lang, t
from ui.downloads import exports
from ui.sections.common import table_downloads
from ui.tables import clusters as ct
from ui.tables import common as tables

BADGE = {
    "pass": ("green", ":material/verified:"),
    "fail": ("red", ":material/block:"),
    "not_enough_data": ("gray", ":material/help:"),
}
STAR_KEYS = ("size", "specialisation", "focus", "productivity", "dynamism")


def registry_params(region: str, container) -> registry.RegistryParams:
    """The registry thresholds in a popover (defaults from the rules module, in per cent on screen)."""
    defaults = registry.RegistryParams()
    default_pct = defaults.percentages()
    to_verify = f" ({t('clusters.to_verify')})"
    with container.popover(t("clusters.registry_params"), icon=":material/gavel:"):
        st.caption(t("clusters.registry_params_caption"))
        p1, p2 = st.columns(2)
        dependence_pct = p1.number_input(
            t("clusters.param.dependence_min"), 0.0, 100.0, default_pct["dependence_min_pct"], 1.0, key="reg_dependence"
        )
        relaxed_pct = p2.number_input(
            t("clusters.param.dependence_min_relaxed"),
            0.0,
            100.0,
            default_pct["dependence_min_relaxed_pct"],
            1.0,
            key="reg_relaxed",
        )
        trigger_pct = p1.number_input(
            t("clusters.param.relaxed_trigger_share"),
            0.0,
            100.0,
            default_pct["relaxed_trigger_pct"],
            5.0,
            key="reg_trigger",
        )
        max_organising = p2.number_input(
            t("clusters.param.max_organising"), 0, 100, defaults.max_organising, key="reg_organising"
        )
        min_industrial = p1.number_input(
            t("clusters.param.min_industrial") + to_verify, 0, 1000, defaults.min_industrial, key="reg_industrial"
        )
        min_infrastructure = p2.number_input(
            t("clusters.param.min_infrastructure") + to_verify,
            0,
            100,
            defaults.min_infrastructure,
            key="reg_infrastructure",
        )
        min_specialised = p1.number_input(
            t("clusters.param.min_specialised") + to_verify, 0, 10, defaults.min_specialised, key="reg_specialised"
        )
        participants = p2.radio(
            t("clusters.param.participants"),
            ("declared", "all"),
            format_func=lambda v: t(f"clusters.participants.{v}"),
            key="reg_participants",
        )
        suppliers = st.radio(
            t("clusters.param.dependence_suppliers"),
            ("others", "all"),
            format_func=lambda v: t(f"clusters.dependence_suppliers.{v}"),
            key="reg_suppliers",
        )
        region_qualifies = st.checkbox(
            t("clusters.param.region_qualifies") + to_verify,
            region in defaults.qualifying_regions,
            key="reg_region_qualifies",
        )
        places = cached(clusters.region_municipalities, region)
        place_names = dict(zip(places["oktmo"], places[name_column(lang())]))
        monotowns = st.multiselect(
            t("clusters.param.monotown_oktmo"),
            list(place_names),
            placeholder=t("widget.choose_many"),
            format_func=lambda o: place_names[o],
            key="reg_monotowns",
        )
    others = tuple(r for r in defaults.qualifying_regions if r != region)
    return registry.RegistryParams.from_percentages(
        dependence_min_pct=dependence_pct,
        dependence_min_relaxed_pct=relaxed_pct,
        relaxed_trigger_pct=trigger_pct,
        max_organising=int(max_organising),
        min_industrial=int(min_industrial),
        min_infrastructure=int(min_infrastructure),
        min_specialised=int(min_specialised),
        participants=participants,
        qualifying_regions=others + ((region,) if region_qualifies else ()),
        monotown_oktmo=tuple(monotowns),
        dependence_suppliers=suppliers,
    )


def star_help(lang: str) -> str:
    """What each star means, with the thresholds of :class:`clusters.StarParams`."""
    stars = clusters.StarParams()
    return t(
        "clusters.stars_help",
        size=ct.percent_share(stars.size_top, lang),
        lq=fmt.number(stars.specialisation_lq, lang, 0),
        focus=ct.percent_share(stars.focus_top, lang),
        productivity=ct.percent_share(stars.productivity_top, lang),
        dynamism=ct.percent_share(stars.dynamism_top, lang),
    )


def candidate_card(row: pd.Series, verdicts: pd.DataFrame, params: registry.RegistryParams, lang: str) -> None:
    """One ranked candidate: name, stars, score, members, key numbers, registry badge."""
    L = lang
    verdict = verdicts.loc[row["cluster_id"]] if row["cluster_id"] in verdicts.index else None
    with st.container(border=True, key=f"card_{row['cluster_id']}"):
        head, badge = st.columns([3, 2], vertical_alignment="center")
        head.subheader(t("clusters.card_title", rank=int(row["rank"]), name=naming.name_of(row, L)), anchor=False)
        earned = ", ".join(t(f"clusters.star.{k}") for k in STAR_KEYS if row[f"star_{k}"])
        head.markdown(
            f"**{t('clusters.stars', stars=ct.stars_text(row['stars']))}**" + (f" — {earned}" if earned else ""),
            help=star_help(L),
        )
        if verdict is not None:
            colour, icon = BADGE[verdict["verdict"]]
            badge.badge(t(f"clusters.badge.{verdict['verdict']}"), color=colour, icon=icon)
        if row["strong"]:
            badge.badge(t("clusters.strong"), color="blue", icon=":material/star:")
        k = st.columns(6)
        k[0].metric(t("clusters.kpi.score"), fmt.number(row["score"], L, 0), help=t("clusters.kpi.score_help"))
        k[1].metric(t("clusters.kpi.members"), fmt.integer(row["members"], L))
        k[2].metric(t("clusters.kpi.employees"), fmt.integer(row["employees"], L))
        k[3].metric(t("clusters.kpi.lq"), fmt.number(row["lq"], L, 2), help=t("clusters.kpi.lq_help"))
        k[4].metric(t("clusters.kpi.growth"), ct.points(row["relative_growth"], L), help=t("clusters.kpi.growth_help"))
        dependence = verdict["dependence"] if verdict is not None else None
        alt = verdict["dependence_core_to_core"] if verdict is not None else None
        k[5].metric(
            t("clusters.kpi.dependence"),
            fmt.percent(dependence, L, 1),
            help=t("clusters.kpi.dependence_help", threshold=fmt.percent(params.dependence_min, L, 0))
            + t("clusters.kpi.dependence_alt", value=fmt.percent(alt, L, 1)),
        )
        names = row["anchor_names_en" if L == "en" else "anchor_names_ru"]
        st.caption(
            t(
                "clusters.members_breakdown",
                industrial=row["industrial"],
                sme=row["sme"],
                infrastructure=row["infrastructure"],
                specialised=row["specialised"],
            )
        )
        st.caption(
            t("clusters.anchors", names=", ".join(names))
            if names
            else t("clusters.no_anchors", n=clusters.ANCHOR_EMPLOYEES_ABOVE)
        )


@st.fragment
def ranking(candidates: pd.DataFrame, verdicts: pd.DataFrame, params: registry.RegistryParams, lang: str) -> None:
    """The ranked cards and the weights panel: a weight change reruns only this part."""
    head, weights_box = st.columns([4, 1], vertical_alignment="bottom")
    head.subheader(t("clusters.candidates"), anchor=False)
    with weights_box.popover(t("clusters.weights"), icon=":material/tune:", use_container_width=True):
        st.caption(t("clusters.weights_caption"))
        weights = clusters.ScoreWeights(
            **{
                k: st.slider(t(f"clusters.weight.{k}"), 0.0, 3.0, 1.0, 0.25, key=f"clusters_w_{k}")
                for k in clusters.SCORE_COMPONENTS
            }
        )
    st.caption(t("clusters.candidates_caption"))
    for _, row in clusters.score(candidates, weights).iterrows():
        candidate_card(row, verdicts, params, lang)


def members_tab(choice: str, members: pd.DataFrame, args: dict, lang: str) -> None:
    """Members with their roles and figures, CSV/XLSX downloads, taxes paid by level."""
    region, year = args["region"], args["year"]
    st.caption(t("clusters.members_caption", n=clusters.ANCHOR_EMPLOYEES_ABOVE))
    shown = ct.members_table(members, lang)
    st.dataframe(
        tables.styled(
            shown,
            lang,
            {  # numbers as the UI language writes them, not the browser
                t("col.employees"): "integer",
                t("col.revenue"): "number1",
                t("clusters.col.purchases"): "number1",
                t("clusters.col.sales_to_members"): "number1",
            },
        ),
        hide_index=True,
    )
    table_downloads(
        shown,
        exports.MEMBER_TABLES,
        f"cluster-{choice}-{region}-{year}",
        csv_label=t("clusters.download_csv"),
        xlsx_label=t("clusters.download_xlsx"),
        sheet=t("clusters.tab.members"),
        key="clusters",
    )
    taxes = cached(member_taxes.member_taxes, choice, **args)
    st.subheader(t("clusters.taxes.title"), anchor=False)
    if taxes.loaded:
        st.dataframe(ct.member_taxes_table(taxes, lang), hide_index=True)
    st.caption(ct.member_taxes_caption(taxes, lang))


def map_tab(choice: str, members: pd.DataFrame, args: dict, role_names: dict, lang: str) -> None:
    """The members on the region's municipalities (offline map) and the table of places."""
    region, year = args["region"], args["year"]
    places = cached(clusters.member_municipalities, choice, **args)
    boundaries = cached(clusters.municipal_boundaries, region)
    if not (members["lat"].notna().any() or places["lat"].notna().any()):
        st.info(t("clusters.map_no_points"))
        return
    m_left, m_right = st.columns([3, 2])
    with m_left:
        st.plotly_chart(
            figure(
                cc.member_map,
                members,
                places,
                lang=lang,
                role_names=role_names,
                place_title=t("clusters.map_municipality"),
                boundaries=boundaries,
                feature_key="id",
                outline=cached(clusters.region_outline, region),
            ),
            theme=None,
            config=charts.plotly_config(f"cluster-map-{choice}-{region}-{year}"),
            key="clusters_map",
        )
    m_right.dataframe(ct.place_table(places, lang), hide_index=True)
    st.caption(t("clusters.map_choropleth_caption" if boundaries else "clusters.map_caption"))


def network_tab(choice: str, members: pd.DataFrame, args: dict, role_names: dict, lang: str) -> None:
    """The cooperation network of the members (supply links)."""
    links = cached(clusters.member_links, choice, **args)
    if links.empty:
        st.info(t("clusters.network_empty"))
    drawn = cc.network_members(members)
    st.plotly_chart(
        figure(cc.cooperation_network, drawn, links, lang=lang, role_names=role_names),
        theme=None,
        config=charts.plotly_config(f"cluster-network-{choice}-{args['region']}-{args['year']}"),
        key="clusters_network",
    )
    st.caption(t("clusters.network_caption"))
    if len(drawn) < len(members):
        st.caption(t("clusters.network_truncated", shown=len(drawn), total=len(members)))


def registry_tab(choice: str, args: dict, params: registry.RegistryParams, lang: str) -> None:
    """The registry check rule by rule, with the reading of functional dependence used."""
    result = cached(registry.registry_check, choice, params=params, **args)
    {"pass": st.success, "fail": st.error, "not_enough_data": st.warning}[result.verdict](
        t(f"clusters.registry_verdict.{result.verdict}")
    )
    st.caption(t(f"clusters.registry_basis.{result.participants_basis}", n=result.participants))
    st.caption(
        t(
            "clusters.dependence_reading"
            if params.dependence_suppliers == "others"
            else "clusters.dependence_reading_all"
        )
    )
    for line in ct.registry_lines(result, lang):
        with st.container(border=True):
            title, status = st.columns([4, 1])
            title.markdown(f"{line['icon']} **{line['title']}** — {line['measured']}")
            status.markdown(f"**{line['status']}**")
            if line["to_verify"]:
                status.badge(t("clusters.to_verify"), color="orange", icon=":material/help:")
            for detail in line["details"]:
                st.markdown(detail)
            st.caption(line["source"])


def gaps_tab(choice: str, args: dict, lang: str) -> None:
    """Sectors the cluster's template wants that the region lacks, and where they are strong."""
    gaps = cached(clusters.gaps, choice, **args)
    st.caption(t("clusters.gaps_caption"))
    if gaps.empty:
        st.success(t("clusters.gaps_none"))
        return
    st.dataframe(
        tables.styled(
            ct.gaps_table(gaps, lang),
            lang,
            {
                t("col.lq"): "number2",
                t("col.density"): "number2",
                t("clusters.col.weight"): "number2",
                t("clusters.col.stat_employees"): "integer",
            },
        ),
        hide_index=True,
        column_config={
            t("col.sector"): st.column_config.TextColumn(width=380),
            t("clusters.col.elsewhere"): st.column_config.TextColumn(width="large"),
        },
    )


def discovered(found, template_names: dict, lang: str) -> None:
    """Clusters found in the data beyond the templates (co-location of sectors across regions)."""
    L = lang
    summary = found.summary
    st.caption(
        t(
            "clusters.discovered_how",
            regions=summary["regions"],
            sectors=summary["sectors"],
            fdr=fmt.percent(summary["fdr"], L, 0),
            min_correlation=fmt.number(summary["min_correlation"], L, 2),
            significant=summary["significant_pairs"],
            min_lq=fmt.number(summary["min_lq"], L, 0),
        )
    )
    if found.communities.empty:
        st.info(t("clusters.discovered_nothing"))
        return
    if found.candidates.empty:
        st.info(t("clusters.discovered_none"))
        return
    for _, row in found.candidates.iterrows():
        with st.container(border=True, key=f"found_{row['cluster_id']}"):
            st.subheader(naming.name_of(row, L), anchor=False)
            if row["new"]:
                st.badge(t("clusters.discovered_new"), color="violet", icon=":material/new_releases:")
            else:
                st.badge(
                    t(
                        "clusters.discovered_matches",
                        template=template_names.get(row["matched_template"], row["matched_template"]),
                        share=fmt.percent(row["overlap"], L, 0),
                    ),
                    color="gray",
                    icon=":material/link:",
                )
            st.caption(t("clusters.codes", codes=", ".join(row["codes"])))
            k = st.columns(5)
            k[0].metric(t("clusters.kpi.score"), fmt.number(row["score"], L, 0))
            k[1].metric(t("clusters.col.stars"), ct.stars_text(row["stars"]), help=star_help(L))
            k[2].metric(t("clusters.kpi.lq"), fmt.number(row["lq"], L, 2))
            k[3].metric(t("clusters.kpi.members"), fmt.integer(row["members"], L))
            k[4].metric(t("clusters.kpi.employees"), fmt.integer(row["employees"], L))


def method_and_templates(start_year: int, lang: str) -> None:
    """How candidates are found and starred, and the cluster templates with a CSV download."""
    stars = clusters.StarParams()
    with st.expander(t("clusters.method")):
        st.markdown(
            t(
                "clusters.method_text",
                start=start_year,
                size=ct.percent_share(stars.size_top, lang),
                lq=fmt.number(stars.specialisation_lq, lang, 0),
                focus=ct.percent_share(stars.focus_top, lang),
                productivity=ct.percent_share(stars.productivity_top, lang),
                dynamism=ct.percent_share(stars.dynamism_top, lang),
            )
        )
    with st.expander(t("clusters.templates")):
        st.caption(t("clusters.templates_caption"))
        template_table = ct.templates_table(cached(clusters.templates), lang)
        st.dataframe(tables.styled(template_table, lang, {t("clusters.col.weight"): "number2"}), hide_index=True)
        template_ctx = exports.context(("cluster_templates",))
        st.download_button(
            t("clusters.download_csv"),
            lambda: exports.csv_file(template_table, template_ctx),
            "cluster-templates.csv",
            mime="text/csv",
            key="templates_csv",
            on_click="ignore",
        )


def real_registry(region: str, lang: str) -> None:
    """Real clusters named in public sources: the region's and all of Russia's."""
    st.subheader(t("public.registry_title"))
    real = cached(public_data.registry_context, region)
    link = {
        t("col.source"): st.column_config.LinkColumn(display_text="↗"),
        t("col.in_registry"): st.column_config.CheckboxColumn(),
    }
    st.markdown("**" + t("public.registry_region") + "**")
    if real.region.empty:
        st.info(t("public.registry_none"))
    else:
        st.dataframe(
            tables.registry_clusters(real.region, lang), hide_index=True, column_config=link, key="real_region"
        )
    with st.expander(
        t(
            "public.registry_russia",
            count=fmt.integer(len(real.russia), lang),
            in_registry=fmt.integer(real.russia_in_registry, lang),
        )
    ):
        st.dataframe(
            tables.registry_clusters(real.russia, lang), hide_index=True, column_config=link, key="real_russia"
        )
    st.caption(t("public.registry_caption"))
