"""Cluster Navigator: page config, language, navigation — nothing else."""

from pathlib import Path

import streamlit as st

from ui.core import state

st.set_page_config(
    page_title="Кластерный навигатор / Cluster Navigator",
    page_icon=str(Path(__file__).parent / "ui" / "static" / "favicon.png"),
    layout="wide",
    initial_sidebar_state="expanded",
)

state.language_switch()
st.sidebar.title(state.t("app.title"))
st.sidebar.caption(state.t("app.subtitle"))

presentation = st.Page(
    "app_pages/present.py", title=state.t("nav.present"), icon=":material/slideshow:", url_path="present"
)
presenting = st.query_params.get("present") == "1" or st.session_state.get("presenting", False)
navigation = st.navigation(
    [
        # the default page answers at "/" whatever its url_path: the hidden twin answers at "/home"
        st.Page(
            "app_pages/home.py", title=state.t("nav.home"), icon=":material/factory:", url_path="overview", default=True
        ),
        st.Page(
            "app_pages/home.py",
            title=state.t("nav.home"),
            icon=":material/factory:",
            url_path="home",
            visibility="hidden",
        ),
        st.Page(
            "app_pages/sectors.py", title=state.t("nav.sectors"), icon=":material/bubble_chart:", url_path="sectors"
        ),
        st.Page("app_pages/clusters.py", title=state.t("nav.clusters"), icon=":material/hub:", url_path="clusters"),
        st.Page(
            "app_pages/enterprise.py", title=state.t("nav.enterprise"), icon=":material/domain:", url_path="enterprise"
        ),
        st.Page(
            "app_pages/subsidies.py", title=state.t("nav.subsidies"), icon=":material/payments:", url_path="subsidies"
        ),
        presentation,
        st.Page(
            "app_pages/methodology.py",
            title=state.t("nav.methodology"),
            icon=":material/menu_book:",
            url_path="methodology",
        ),
        st.Page("app_pages/data.py", title=state.t("nav.load"), icon=":material/upload_file:", url_path="data"),
        st.Page("app_pages/about_data.py", title=state.t("nav.data"), icon=":material/dataset:", url_path="about-data"),
    ],
    position="hidden" if presenting else "sidebar",
)
state.region_picker()
state.demo_marker()
if presenting and navigation.url_path != "present":
    st.switch_page(presentation, query_params=st.query_params.to_dict())  # ?present=1 works on any page
navigation.run()
