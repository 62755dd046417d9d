"""Region overview: headline figures and employment by cluster, municipality and year."""
import streamlit as st

from analytics.services import overview, provenance
from ui import charts, fmt
from ui.state import cached, current_region, lang, t, year_picker

region = current_region()
regions = cached(overview.regions).set_index("code")
name_col = "name_en" if lang() == "en" else "name_ru"
region_name = regions.loc[region, name_col] if region in regions.index else region
demo = cached(provenance.is_illustrative)

heading, year_box = st.columns([5, 1], vertical_alignment="bottom")
with year_box:
    year = year_picker(region)
with heading:
    st.title(t("home.title", region=region_name))
st.caption(t("home.caption", year=year, source=t("home.source_demo" if demo else "home.source_loaded")))
figures = cached(overview.region_overview, region, year)

c1, c2, c3, c4, c5 = st.columns(5)
c1.metric(t("kpi.enterprises"), fmt.integer(figures.enterprises, lang()), help=t("kpi.enterprises_help"),
          delta=t("kpi.sme", n=fmt.integer(figures.sme, lang())), delta_color="off", delta_arrow="off")
c2.metric(t("kpi.employees"), fmt.thousands(figures.employees, lang()), help=t("kpi.employees_help"))
c3.metric(t("kpi.revenue"), fmt.money_bn(figures.revenue_mln_rub, lang()), help=t("kpi.revenue_help"))
c4.metric(t("kpi.manufacturing"), fmt.thousands(figures.manufacturing_employees, lang()),
          help=t("kpi.manufacturing_help"),
          delta=fmt.thousands(figures.manufacturing_change, lang()) if figures.previous_manufacturing_employees
          else None)
c5.metric(t("kpi.share_russia"), fmt.percent(figures.share_of_russia, lang(), 2), help=t("kpi.share_russia_help"))

if figures.enterprises == 0:
    st.info(t("home.no_enterprises"))
else:
    left, right = st.columns(2)
    clusters = cached(overview.by_cluster, region, year)
    clusters["label"] = clusters[name_col].fillna(t("cluster.other"))
    with left:
        st.subheader(t("home.by_cluster"))
        st.plotly_chart(
            charts.horizontal_bars(clusters, label="label", value="employees", lang=lang(),
                                   value_title=t("col.employees"), highlight_last=t("cluster.other")),
            theme=None, config=charts.plotly_config(f"employment-by-cluster-{region}-{year}"),
        )
        st.caption(t("home.by_cluster_caption"))
    municipalities = cached(overview.by_municipality, region, year)
    municipalities["label"] = municipalities[name_col].fillna(t("municipality.unknown"))
    shown = municipalities[municipalities["enterprises"] > 0]
    with right:
        st.subheader(t("home.by_municipality"))
        st.plotly_chart(
            charts.horizontal_bars(shown, label="label", value="employees", lang=lang(),
                                   value_title=t("col.employees")),
            theme=None, config=charts.plotly_config(f"employment-by-municipality-{region}-{year}"),
        )
    with st.expander(t("home.table")):
        st.dataframe(
            clusters[["label", "enterprises", "employees", "revenue_mln_rub"]].rename(columns={
                "label": t("col.cluster"), "enterprises": t("col.enterprises"),
                "employees": t("col.employees"), "revenue_mln_rub": t("col.revenue")}),
            hide_index=True,
        )

trend = cached(overview.manufacturing_trend, region)
if not trend.empty:
    st.subheader(t("home.trend", first=int(trend["year"].iloc[0])))
    st.plotly_chart(
        charts.index_lines(trend, x="year", series={"region_index": region_name, "russia_index": t("col.russia")},
                           lang=lang(), y_title=t("col.index")),
        theme=None, config=charts.plotly_config(f"manufacturing-employment-index-{region}"),
    )
