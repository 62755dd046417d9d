"""Data: upload a file, read the validation report, map columns, preview, commit; versions and rollback;
templates; boundary GeoJSON; Rosstat tables as published. Checking a file is open to all; writing needs an analyst login."""

import streamlit as st

from ui.core.state import t
from ui.sections import data_tabs, loader

st.title(t("upload.title"))
intro, login_col = st.columns([3, 2], gap="large")
with intro:
    st.write(t("upload.intro"))
    st.caption(t("upload.login_needed"))
with login_col:
    analyst = loader.login_box()

flash_box = st.container()  # always there, so that the tabs below keep their place (and their selection)
flash = st.session_state.pop("upload_flash", None)
if flash:
    flash_box.success(flash, icon=":material/check_circle:")

tab_load, tab_history, tab_templates, tab_boundaries, tab_rosstat, tab_fns, tab_io = st.tabs(
    [
        t("upload.tab_load"),
        t("upload.tab_history"),
        t("upload.tab_templates"),
        t("upload.tab_boundaries"),
        t("rosstat.tab"),
        t("upload.tab_fns"),
        t("io_load.tab"),
    ]
)

with tab_load:
    data_tabs.load_tab(analyst)
with tab_history:
    data_tabs.history_tab(analyst)
with tab_templates:
    data_tabs.templates_tab()
with tab_boundaries:
    data_tabs.boundaries_tab(analyst)
with tab_rosstat:
    loader.rosstat_tab(analyst)
with tab_fns:
    loader.fns_tab(analyst)
with tab_io:
    loader.io_tab(analyst)
