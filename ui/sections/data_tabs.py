"""The Data page's own tabs: loading a file (check, map columns, fix in the grid, preview, commit),
the load history with rollback, the templates, and boundary GeoJSON with its map. Each function draws
one tab; the page places them beside the Rosstat, FNS and input–output tabs of :mod:`ui.sections.loader`."""

from __future__ import annotations

import streamlit as st

from analytics.data import boundaries, ingest
from analytics.services import loading, provenance
from ui.charts import boundaries as boundary_charts
from ui.charts import common as charts
from ui.core import fmt
from ui.core.state import (
    cached,
    clear_caches,
    connection,
    current_region,
    drop_upload_plan,
    lang,
    t,
    upload_plan,
    write_and_publish,
)
from ui.sections import loader
from ui.tables import common as tables


def load_tab(analyst: str | None) -> None:
    """Upload a file into the chosen table: the report, the column mapping, the grid of rows with errors,
    the preview and, for a logged-in analyst, the commit."""
    limits = ingest.Limits.from_env()
    left, right = st.columns([1, 1])
    with left:
        table = loader.table_picker("upload_table")
    mode = right.radio(
        t("upload.mode"),
        list(ingest.MODES),
        key="upload_mode",
        horizontal=True,
        format_func=lambda m: t(f"upload.mode.{m}"),
        help=t("upload.mode_help"),
    )
    nonce = st.session_state.get("upload_nonce", 0)
    uploaded = st.file_uploader(
        t("upload.file"),
        type=["csv", "txt", "tsv", "xlsx"],
        key=f"upload_file_{nonce}",
        help=t(
            "upload.file_help",
            mb=fmt.integer(limits.max_bytes // 2**20, lang()),
            rows=fmt.integer(limits.max_rows, lang()),
        ),
    )
    if uploaded is not None:
        uploaded_plan = upload_plan(uploaded.getvalue(), uploaded.name, table, mode)
        plan, corrected, edits = loader.corrected_upload(uploaded_plan, uploaded.getvalue(), uploaded.name, table, mode)
        report = plan.report
        if uploaded_plan.report.dialect:
            st.caption(loader.read_as(uploaded_plan.report))
        loader.show_problems(report, "load")
        if report.unknown_headers:
            loader.mapping_form(report, analyst)
        loader.fix_grid(uploaded_plan, plan, corrected, edits, uploaded.name)
        if report.ok:
            st.success(t("upload.file_ok"), icon=":material/task_alt:")
            loader.preview(plan)
            if report.changes == 0:
                st.info(t("upload.nothing_to_do"))
            elif not analyst:
                st.info(t("upload.commit_login"))
            else:
                confirmed = st.checkbox(t("upload.confirm"), key="upload_confirm")
                if st.button(t("upload.commit"), type="primary", disabled=not confirmed, key="upload_commit"):
                    done = write_and_publish(ingest.commit, plan, analyst)
                    drop_upload_plan()
                    if done.ok:
                        clear_caches()
                        st.session_state["upload_flash"] = t(
                            "upload.committed", version=done.version_id, rows=fmt.integer(done.rows_loaded, lang())
                        )
                        st.session_state["upload_nonce"] = nonce + 1
                        st.session_state.pop("upload_confirm", None)
                        st.rerun()
                    loader.show_problems(done, "commit")


def history_tab(analyst: str | None) -> None:
    """Every load with its version, and the rollback of a table to an earlier version."""
    st.subheader(t("upload.history"))
    st.dataframe(
        tables.styled(
            tables.versions_table(cached(provenance.versions), lang()), lang(), tables.versions_formats(lang())
        ),
        hide_index=True,
        width="stretch",
        height=320,
    )
    st.subheader(t("upload.rollback"))
    st.write(t("upload.rollback_intro"))
    rb_table = loader.table_picker("rollback_table")
    labels = loader.version_labels(cached(provenance.restorable, rb_table))
    if len(labels) < 2:
        st.info(t("upload.rollback_none"))
    else:
        version = st.selectbox(
            t("upload.rollback_version"), list(labels)[1:], key="rollback_version", format_func=lambda v: labels[v]
        )
        rb_plan = ingest.prepare_rollback(connection(), rb_table, version)
        loader.show_problems(rb_plan.report, "rollback")
        if rb_plan.report.ok:
            loader.preview(rb_plan)
            if rb_plan.report.changes == 0:
                st.info(t("upload.rollback_same"))
            elif not analyst:
                st.info(t("upload.rollback_login"))
            elif st.button(t("upload.rollback_do"), type="primary", key="rollback_do"):
                done = write_and_publish(ingest.rollback, rb_table, version, analyst, plan=rb_plan)
                if done.ok:
                    clear_caches()
                    st.session_state["upload_flash"] = t("upload.rollback_done", version=version, new=done.version_id)
                    st.rerun()
                loader.show_problems(done, "rollback_commit")


def templates_tab() -> None:
    """The columns of each table and its templates (CSV in Russian or English, one XLSX with all)."""
    st.write(t("upload.templates_intro"))
    tpl_table = loader.table_picker("template_table")
    st.dataframe(loader.template_columns(tpl_table), hide_index=True, width="stretch")
    b1, b2, b3 = st.columns(3)
    b1.download_button(
        t("upload.template_ru"),
        ingest.template_csv(tpl_table, "ru"),
        mime="text/csv",
        file_name=f"{tpl_table}-template-ru.csv",
        key="template_ru",
        on_click="ignore",
    )
    b2.download_button(
        t("upload.template_en"),
        ingest.template_csv(tpl_table, "en"),
        mime="text/csv",
        file_name=f"{tpl_table}-template-en.csv",
        key="template_en",
        on_click="ignore",
    )
    b3.download_button(
        t("upload.template_xlsx"),
        ingest.template_xlsx(lang()),
        file_name=f"templates-{lang()}.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key="template_xlsx",
        on_click="ignore",
    )


def boundaries_tab(analyst: str | None) -> None:
    """Boundary GeoJSON: what is held, loading a file, and the map of the held boundaries."""
    st.write(t("upload.boundaries_intro"))
    held = cached(boundaries.summary)
    if not held.empty:
        st.markdown("**" + t("upload.boundary_loaded") + "**")
        st.dataframe(loader.boundaries_held(held), hide_index=True)
    level = st.radio(
        t("upload.boundary_level"),
        list(boundaries.LEVELS),
        horizontal=True,
        key="boundary_level",
        format_func=lambda lv: t(f"upload.level.{lv}"),
    )
    geojson = st.file_uploader(
        t("upload.boundary_file"),
        type=["geojson", "json"],
        key=f"boundary_file_{st.session_state.get('boundary_nonce', 0)}",
    )
    if geojson is not None:
        b_plan = boundaries.prepare_boundaries(connection(), level, geojson.getvalue(), file_name=geojson.name)
        loader.show_problems(b_plan.report, "boundaries")
        if b_plan.report.ok:
            st.success(t("upload.boundary_ok", n=fmt.integer(len(b_plan.rows), lang())))
            if not analyst:
                st.info(t("upload.commit_login"))
            elif st.button(t("upload.boundary_load"), type="primary", key="boundary_load"):
                done = write_and_publish(boundaries.commit_boundaries, b_plan, analyst)
                if done.ok:
                    clear_caches()
                    st.session_state["upload_flash"] = t(
                        "upload.boundary_done", n=fmt.integer(done.rows_loaded, lang()), version=done.version_id
                    )
                    st.session_state["boundary_nonce"] = st.session_state.get("boundary_nonce", 0) + 1
                    st.rerun()
                loader.show_problems(done, "boundaries_commit")
    shown = cached(loading.boundary_map, level, current_region())
    if not shown.empty:
        st.subheader(t("upload.boundary_map"))
        fig = boundary_charts.boundary_map(
            shown.shapes, shown.values, lang=lang(), value_title=t(f"upload.boundary_value.{level}")
        )
        st.plotly_chart(fig, theme=None, config=charts.plotly_config(f"boundaries-{level}"))
    else:
        st.caption(t("upload.boundary_none"))
