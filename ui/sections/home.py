"""Parts of the Home page (the region overview): headline figures, the findings and an entry for each kind
of user, Rosstat's public figures, employment by cluster and municipality, the manufacturing trend and
the Russia map. Library results in (through :func:`ui.core.state.cached` / :func:`ui.core.state.figure`),
Streamlit elements out."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from analytics.services import overview, public_data, region_map
from ui.charts import common as charts
from ui.charts import russia_map as map_charts
from ui.core import fmt, urls
from ui.core.names import name_column
from ui.core.state import cached, figure, lang, model, t
from ui.tables.common import finding_text


def headline(figures: overview.RegionOverview) -> None:
    """Five headline figures of the region in the year."""
    c1, c2, c3, c4, c5 = st.columns(5)
    c1.metric(
        t("kpi.enterprises"),
        fmt.integer(figures.enterprises, lang()),
        help=t("kpi.enterprises_help"),
        delta=t("kpi.sme", n=fmt.integer(figures.sme, lang())),
        delta_color="off",
        delta_arrow="off",
    )
    c2.metric(t("kpi.employees"), fmt.thousands(figures.employees, lang()), help=t("kpi.employees_help"))
    c3.metric(t("kpi.revenue"), fmt.money_bn(figures.revenue_mln_rub, lang()), help=t("kpi.revenue_help"))
    c4.metric(
        t("kpi.manufacturing"),
        fmt.thousands(figures.manufacturing_employees, lang()),
        help=t("kpi.manufacturing_help"),
        delta=fmt.thousands(figures.manufacturing_change, lang()) if figures.previous_manufacturing_employees else None,
    )
    c5.metric(t("kpi.share_russia"), fmt.percent(figures.share_of_russia, lang(), 2), help=t("kpi.share_russia_help"))


def first_screen(region: str, year: int) -> None:
    """What matters in plain words, and where each kind of user starts."""
    found, entries = st.columns([2, 1], gap="medium")
    with found.container(border=True, key="home_findings"):
        st.subheader(t("home.findings"), anchor=False)
        st.markdown("\n".join(f"- {finding_text(f, lang())}" for f in cached(overview.findings, region, year)))
    with entries.container(border=True, key="home_entries"):
        st.subheader(t("home.entries"), anchor=False)
        keep = {urls.LANG: lang(), urls.REGION: region}
        for page, key, icon in (
            ("app_pages/present.py", "present", ":material/slideshow:"),
            ("app_pages/subsidies.py", "subsidies", ":material/payments:"),
            ("app_pages/data.py", "data", ":material/upload_file:"),
        ):
            st.page_link(page, label=t(f"home.entry.{key}"), icon=icon, query_params=keep)
            st.caption(t(f"home.entry.{key}_help"))


def public_figures(region: str, region_name: str) -> None:
    """Rosstat's published figures: the share of Russia's shipments (with its trend) and the labour force."""
    public = cached(public_data.region_public_figures, region)
    with st.container(border=True, key="public_figures"):
        st.subheader(t("public.title"), anchor=False)
        if public.latest_share is None and public.latest_labour_force is None:
            st.info(t("public.none"))
        else:
            p1, p2 = st.columns(2)
            if public.latest_share is not None:
                share_year, share = public.latest_share
                p1.metric(
                    t("public.share", year=share_year), fmt.percent(share, lang(), 2), help=t("public.share_help")
                )
            if public.latest_labour_force is not None:
                labour_year, labour = public.latest_labour_force
                p2.metric(
                    t("public.labour", year=labour_year), fmt.thousands(labour, lang()), help=t("public.labour_help")
                )
            if public.latest_share is not None:
                st.plotly_chart(
                    figure(
                        map_charts.share_trend,
                        public.shipments,
                        x="year",
                        share="share",
                        lang=lang(),
                        name=region_name,
                        y_title=t("public.share_axis"),
                    ),
                    theme=None,
                    config=charts.plotly_config(f"share-of-russia-shipments-{region}"),
                )
                st.caption(t("public.share_trend") + ". " + t("public.source", source=public.shipments_source))
            if public.labour_force_source:
                st.caption(t("public.labour_help") + " " + t("public.source", source=public.labour_force_source))


def employment(figures: overview.RegionOverview, region: str, year: int) -> None:
    """Employment by cluster (with the clusters' figures) and by municipality."""
    name_col = name_column(lang())
    if figures.enterprises == 0:
        st.info(t("home.no_enterprises"))
    else:
        left, right = st.columns(2)
        clusters = cached(overview.by_cluster, region, year)
        clusters["label"] = clusters[name_col].fillna(t("cluster.other"))
        with left:
            st.subheader(t("home.by_cluster"))
            st.plotly_chart(
                figure(
                    charts.horizontal_bars,
                    clusters,
                    label="label",
                    value="employees",
                    lang=lang(),
                    value_title=t("col.employees"),
                    highlight_last=t("cluster.other"),
                ),
                theme=None,
                config=charts.plotly_config(f"employment-by-cluster-{region}-{year}"),
            )
            st.caption(t("home.by_cluster_caption"))
            # the municipalities' chart is taller: the cluster figures fill the room under this one
            st.table(
                clusters[["label", "enterprises", "employees", "revenue_mln_rub"]]
                .assign(
                    enterprises=[fmt.integer(v, lang()) for v in clusters["enterprises"]],
                    employees=[fmt.integer(v, lang()) for v in clusters["employees"]],
                    revenue_mln_rub=[fmt.number(v, lang(), 0) for v in clusters["revenue_mln_rub"]],
                )
                .rename(
                    columns={
                        "label": t("col.cluster"),
                        "enterprises": t("col.enterprises"),
                        "employees": t("col.employees"),
                        "revenue_mln_rub": t("col.revenue"),
                    }
                )
                .set_index(t("col.cluster"))
            )
        municipalities = cached(overview.by_municipality, region, year)
        municipalities["label"] = municipalities[name_col].fillna(t("municipality.unknown"))
        shown = municipalities[municipalities["enterprises"] > 0]
        with right:
            st.subheader(t("home.by_municipality"))
            st.plotly_chart(
                figure(
                    charts.horizontal_bars,
                    shown,
                    label="label",
                    value="employees",
                    lang=lang(),
                    value_title=t("col.employees"),
                ),
                theme=None,
                config=charts.plotly_config(f"employment-by-municipality-{region}-{year}"),
            )


def manufacturing_trend(region: str, region_name: str) -> None:
    """Manufacturing employment of the region against Russia's, as an index."""
    trend = cached(overview.manufacturing_trend, region)
    if not trend.empty:
        st.subheader(t("home.trend", first=int(trend["year"].iloc[0])))
        st.plotly_chart(
            figure(
                charts.index_lines,
                trend,
                x="year",
                series={"region_index": region_name, "russia_index": t("col.russia")},
                lang=lang(),
                y_title=t("col.index"),
            ),
            theme=None,
            config=charts.plotly_config(f"manufacturing-employment-index-{region}"),
        )


def russia_map(region: str, regions: pd.DataFrame) -> None:
    """Russia's regions coloured by a chosen metric (shipped boundaries, offline), the region and its peers outlined."""
    name_col = name_column(lang())
    st.subheader(t("public.map_title"))
    options = cached(region_map.map_options)
    m1, m2, m3 = st.columns([2, 3, 1])
    metric_names = {t(f"public.metric.{m}"): m for m in options}  # labels, not format_func: AppTest re-formats
    metric = metric_names[m1.selectbox(t("public.map_metric"), list(metric_names), key=f"map_metric_{lang()}")]
    option = options[metric]
    sector = None
    if option.sectors:
        labels = {code: f"{code} {en if lang() == 'en' else ru}" for code, ru, en in option.sectors}
        codes = list(labels)
        preferred = next((c for c in ("29", "D") if c in labels), codes[0])
        names = list(labels.values())
        chosen = m2.selectbox(
            t("public.map_sector"), names, index=codes.index(preferred), key=f"map_sector_{metric}_{lang()}"
        )
        sector = codes[names.index(chosen)]
    if option.years:
        map_year = m3.selectbox(t("public.map_year"), list(option.years)[::-1], key=f"map_year_{metric}")
        result = cached(region_map.region_map, metric, sector=sector, year=map_year, region_code=region)
        kind = {"shipments_share": "share", "growth": "share", "lq": "ratio"}.get(metric, "number")
        st.plotly_chart(
            figure(
                map_charts.region_choropleth,
                model(region_map.russia_boundaries),
                result.values,
                lang=lang(),
                value_title=t(f"public.metric.{metric}"),
                view=result.view,
                selected=region,
                peers=result.similar or result.peers,
                kind=kind,
                missing_label=t("public.missing"),
            ),
            theme=None,
            config=charts.plotly_config(f"russia-map-{metric}-{sector or 'all'}-{map_year}"),
        )
        st.caption(
            t(
                "public.map_caption",
                source=result.source,
                status=t(f"public.status.{result.data_status}"),
                attribution=result.attribution,
            )
        )
        if result.similar:
            st.caption(
                t(
                    "peers.map_outline",
                    names=", ".join(str(regions.loc[c, name_col]) for c in result.similar if c in regions.index),
                )
            )
    else:
        st.info(t("public.none"))
