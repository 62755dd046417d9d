"""Data: upload a file, read the validation report, map columns, preview, commit; versions and rollback;
templates; boundary GeoJSON. Checking a file is open to all; writing needs an analyst login."""
import hashlib

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from analytics.data import auth, boundaries, export, ingest, rosstat_load, validate
from analytics.data.rosstat_tables import RosstatTableError, read_rosstat_table
from analytics.services import provenance
from ui import charts, fmt
from ui.state import cached, clear_caches, connection, current_region, lang, t, write_and_publish


@st.cache_resource(show_spinner=False)
def _throttle() -> auth.Throttle:
    return auth.Throttle()


_COUNT_PARAMS = {"count", "rows", "limit", "matched", "found", "expected", "n"}


def _message(message: validate.Message, table: str) -> str:
    """A loader message in the UI language: counts formatted, table and column names translated."""
    spec = validate.TABLES.get(table)
    values = {}
    for key, value in message.values.items():
        if key in _COUNT_PARAMS and isinstance(value, int):
            value = fmt.integer(value, lang())
        elif key == "table" and isinstance(value, str) and f"table.{value}" in _TABLE_KEYS:
            value = t(f"table.{value}")
        elif key == "column" and spec and value in spec.names:
            value = _column_label(spec, value)
        values[key] = value
    return t("ingest." + message.code, **values)


_TABLE_KEYS = {f"table.{name}" for name in (*ingest.data_tables(), "boundaries")}


def _column_label(spec: validate.TableSpec, column: str) -> str:
    header = validate.template_headers(spec, lang())[spec.names.index(column)]
    return f"«{header}» ({column})" if lang() == "ru" else f"“{header}” ({column})"


def _issues_frame(issues: list, report: ingest.LoadReport) -> pd.DataFrame:
    """Issues as a table in the UI language; columns named as in the file when the file named them."""
    header_of = {column: header for header, column in report.columns.items() if column}
    return pd.DataFrame({
        t("upload.col_row"): [i.row for i in issues],
        t("upload.col_column"): [header_of.get(i.column, i.column) or "" for i in issues],
        t("upload.col_value"): [i.value or "" for i in issues],
        t("upload.col_message"): [_message(i.message, report.table) for i in issues],
    })


def _login_box() -> str | None:
    """The analyst's name when logged in; otherwise draws the login form and returns None."""
    analyst = st.session_state.get("analyst")
    if analyst:
        st.success(t("upload.logged_in", name=analyst))
        if st.button(t("upload.logout"), key="logout"):
            del st.session_state["analyst"]
            st.rerun()
        return analyst
    if not auth.load_accounts():
        st.info(t("upload.no_analysts"))
        return None
    with st.form("login", border=True):
        st.markdown("**" + t("upload.login_title") + "**")
        name = st.text_input(t("upload.user"), key="login_name")
        password = st.text_input(t("upload.password"), type="password", key="login_password")
        submitted = st.form_submit_button(t("upload.login"), type="primary")
    if submitted:
        result = auth.login(name, password, _throttle())
        if result.ok:
            st.session_state["analyst"] = result.name
            st.rerun()
        elif result.wait_s > 0:
            st.error(t("upload.login_throttled", seconds=fmt.integer(result.wait_s, lang())))
        else:
            st.error(t("upload.login_failed"))
    return None


def _read_as(report: ingest.LoadReport) -> str:
    d = report.dialect
    delimiter = d.get("delimiter")
    return t(
        "upload.read_as",
        format=d.get("format", "").upper(),
        encoding=t("upload.read_encoding", value=d["encoding"]) if d.get("encoding") else "",
        delimiter=t("upload.read_delimiter", value=t("upload.tab_char") if delimiter == "\t" else delimiter)
        if delimiter else "",
        header=t("upload.read_no_header") if d.get("layout") else "",
        sheet=t("upload.read_sheet", value=d["sheet"]) if d.get("sheet") else "",
        rows=fmt.integer(report.rows_in_file, lang()),
    )


def _first(report: ingest.LoadReport, code: str) -> validate.Message:
    """The message of the first listed issue of a kind (its parameters stand for the kind)."""
    return next((i.message for i in report.errors if i.code == code), validate.msg(code))


def _show_problems(report: ingest.LoadReport, key: str) -> None:
    if report.errors:
        total = sum(report.error_counts.values()) or len(report.errors)
        st.error(t("upload.errors_found", n=fmt.integer(total, lang())), icon=":material/error:")
        summary = pd.DataFrame({
            t("upload.col_message"): [_message(_first(report, code), report.table) for code in report.error_counts],
            t("upload.col_count"): list(report.error_counts.values()),
        })
        st.markdown("**" + t("upload.errors_summary") + "**")
        st.table(summary.set_index(t("upload.col_message")))
        detail = _issues_frame(report.errors, report)
        st.markdown("**" + t("upload.errors_detail", n=fmt.integer(len(detail), lang())) + "**")
        st.dataframe(detail, hide_index=True, width="stretch",
                     column_config={t("upload.col_row"): st.column_config.NumberColumn(format="%d", width="small"),
                                    t("upload.col_message"): st.column_config.TextColumn(width="large")})
        st.download_button(t("upload.errors_download"), export.csv_bytes(detail), file_name="problems.csv",
                           mime="text/csv", key=f"errors_csv_{key}", on_click="ignore")
    if report.warnings:
        st.warning("\n".join(["**" + t("upload.warnings") + "**", ""] +
                             [f"- {_message(w.message, report.table)}" for w in report.warnings]),
                   icon=":material/info:")


def _mapping_form(report: ingest.LoadReport, analyst: str | None) -> None:
    spec = validate.TABLES[report.table]
    st.subheader(t("upload.mapping_title"))
    if not analyst:
        st.info(t("upload.mapping_login"))
        return
    st.write(t("upload.mapping_intro"))
    options = ["", "__skip__", *spec.names]
    labels = {"": t("upload.mapping_choose"), "__skip__": t("upload.mapping_skip")}
    with st.form("mapping"):
        choices = {}
        for i, header in enumerate(report.unknown_headers):
            choices[header] = st.selectbox(header, options, key=f"map_{report.table}_{i}",
                                           format_func=lambda c: labels.get(c) or _column_label(spec, c))
        applied = st.form_submit_button(t("upload.mapping_apply"), type="primary")
    if applied:
        chosen = {h: (None if c == "__skip__" else c) for h, c in choices.items() if c}
        if chosen:
            write_and_publish(ingest.save_mapping, report.table, chosen, analyst)
            st.session_state.pop("upload_plan", None)
            st.rerun()


def _preview(plan: ingest.LoadPlan) -> None:
    report = plan.report
    st.subheader(t("upload.preview"))
    c1, c2, c3, c4 = st.columns(4)
    c1.metric(t("upload.added"), fmt.integer(report.added, lang()))
    c2.metric(t("upload.changed"), fmt.integer(report.changed, lang()))
    c3.metric(t("upload.removed"), fmt.integer(report.removed, lang()))
    c4.metric(t("upload.unchanged"), fmt.integer(report.unchanged, lang()))
    for kind in ("added", "changed", "removed"):
        sample = plan.samples.get(kind)
        if sample is not None and not sample.empty:
            with st.expander(t(f"upload.sample_{kind}", n=fmt.integer(len(sample), lang()))):
                st.dataframe(sample.rename(columns={"_row": t("upload.col_row"), "changes": t("upload.col_changes")}),
                             hide_index=True, width="stretch")


def _rosstat_read(data: bytes, name: str):
    """The Rosstat table read once per file (sheets and row labels for the choices), or the error text."""
    key = (hashlib.sha256(data).hexdigest(), name)
    held = st.session_state.get("rosstat_read")
    if held and held[0] == key:
        return held[1]
    try:
        table = read_rosstat_table(data, file_name=name)
    except RosstatTableError as exc:
        table = str(exc)
    except Exception as exc:  # a broken workbook: xlrd / openpyxl raise their own errors
        table = type(exc).__name__
    st.session_state["rosstat_read"] = (key, table)
    return table


def _rosstat_plan(data: bytes, name: str, options: dict) -> rosstat_load.RosstatLoad:
    """The plan of this file with these choices on this store state (kept across reruns)."""
    con = connection()
    key = (hashlib.sha256(data).hexdigest(), name, tuple(sorted(options.items(), key=str)),
           provenance.data_fingerprint(con))
    held = st.session_state.get("rosstat_plan")
    if held and held[0] == key:
        return held[1]
    with st.spinner():
        load = rosstat_load.prepare_rosstat_load(con, data, file_name=name, **options)
    st.session_state["rosstat_plan"] = (key, load)
    return load


def _plan_for(data: bytes, name: str, table: str, mode: str) -> ingest.LoadPlan:
    """The plan of this exact file, table, mode and store state (kept across reruns)."""
    con = connection()
    key = (hashlib.sha256(data).hexdigest(), name, table, mode, provenance.data_fingerprint(con),
           tuple(sorted(ingest.remembered_mapping(con, table).items(), key=str)))
    held = st.session_state.get("upload_plan")
    if held and held[0] == key:
        return held[1]
    with st.spinner():
        plan = ingest.prepare(con, table, data, mode=mode, file_name=name)
    st.session_state["upload_plan"] = (key, plan)
    return plan


# --------------------------------------------------------------------------------------------------

st.title(t("upload.title"))
intro, login_col = st.columns([3, 2], gap="large")
with intro:
    st.write(t("upload.intro"))
    st.caption(t("upload.login_needed"))
with login_col:
    analyst = _login_box()

flash_box = st.container()  # always there, so that the tabs below keep their place (and their selection)
flash = st.session_state.pop("upload_flash", None)
if flash:
    flash_box.success(flash, icon=":material/check_circle:")

tab_load, tab_history, tab_templates, tab_boundaries, tab_rosstat = st.tabs(
    [t("upload.tab_load"), t("upload.tab_history"), t("upload.tab_templates"), t("upload.tab_boundaries"),
     t("rosstat.tab")])

tables = list(ingest.data_tables())
limits = ingest.Limits.from_env()

with tab_load:
    left, right = st.columns([1, 1])
    table = left.selectbox(t("upload.table"), tables, index=tables.index("enterprises"), key="upload_table",
                           format_func=lambda name: t(f"table.{name}"))
    mode = right.radio(t("upload.mode"), list(ingest.MODES), key="upload_mode", horizontal=True,
                       format_func=lambda m: t(f"upload.mode.{m}"), help=t("upload.mode_help"))
    nonce = st.session_state.get("upload_nonce", 0)
    uploaded = st.file_uploader(
        t("upload.file"), type=["csv", "txt", "tsv", "xlsx"], key=f"upload_file_{nonce}",
        help=t("upload.file_help", mb=fmt.integer(limits.max_bytes // 2**20, lang()),
               rows=fmt.integer(limits.max_rows, lang())))
    if uploaded is not None:
        plan = _plan_for(uploaded.getvalue(), uploaded.name, table, mode)
        report = plan.report
        if report.dialect:
            st.caption(_read_as(report))
        _show_problems(report, "load")
        if report.unknown_headers:
            _mapping_form(report, analyst)
        if report.ok:
            st.success(t("upload.file_ok"), icon=":material/task_alt:")
            _preview(plan)
            if report.added + report.changed + report.removed == 0:
                st.info(t("upload.nothing_to_do"))
            elif not analyst:
                st.info(t("upload.commit_login"))
            else:
                confirmed = st.checkbox(t("upload.confirm"), key="upload_confirm")
                if st.button(t("upload.commit"), type="primary", disabled=not confirmed, key="upload_commit"):
                    done = write_and_publish(ingest.commit, plan, analyst)
                    st.session_state.pop("upload_plan", None)
                    if done.ok:
                        clear_caches()
                        st.session_state["upload_flash"] = t("upload.committed", version=done.version_id,
                                                             rows=fmt.integer(done.rows_loaded, lang()))
                        st.session_state["upload_nonce"] = nonce + 1
                        st.session_state.pop("upload_confirm", None)
                        st.rerun()
                    _show_problems(done, "commit")

with tab_history:
    st.subheader(t("upload.history"))
    history = cached(provenance.versions)
    shown = history.assign(
        table=[t(f"table.{n}") if f"table.{n}" in _TABLE_KEYS else n for n in history["table_name"]],
        action_label=[t(f"action.{a}") for a in history["action"]])
    st.dataframe(
        shown[["version_id", "table", "action_label", "file_name", "user_name", "loaded_at", "rows_after"]].rename(
            columns={"version_id": t("col.version"), "table": t("col.table"), "action_label": t("col.action"),
                     "file_name": t("col.file"), "user_name": t("col.user"), "loaded_at": t("col.loaded_at"),
                     "rows_after": t("col.rows")}),
        hide_index=True, width="stretch", height=320,
        column_config={t("col.rows"): st.column_config.NumberColumn(format="localized")})
    st.subheader(t("upload.rollback"))
    st.write(t("upload.rollback_intro"))
    rb_table = st.selectbox(t("upload.table"), tables, index=tables.index("enterprises"), key="rollback_table",
                            format_func=lambda name: t(f"table.{name}"))
    candidates = cached(provenance.restorable, rb_table)
    if len(candidates) < 2:
        st.info(t("upload.rollback_none"))
    else:
        labels = {
            int(v): t("upload.version_label", version=int(v), when=str(when)[:16], action=t(f"action.{a}"),
                      file=f or "—", user=u)
            for v, when, a, f, u in zip(candidates["version_id"], candidates["loaded_at"], candidates["action"],
                                        candidates["file_name"], candidates["user_name"])}
        older = list(labels)[1:]
        version = st.selectbox(t("upload.rollback_version"), older, key="rollback_version",
                               format_func=lambda v: labels[v])
        rb_plan = ingest.prepare_rollback(connection(), rb_table, version)
        _show_problems(rb_plan.report, "rollback")
        if rb_plan.report.ok:
            _preview(rb_plan)
            if rb_plan.report.added + rb_plan.report.changed + rb_plan.report.removed == 0:
                st.info(t("upload.rollback_same"))
            elif not analyst:
                st.info(t("upload.rollback_login"))
            elif st.button(t("upload.rollback_do"), type="primary", key="rollback_do"):
                done = write_and_publish(ingest.rollback, rb_table, version, analyst, plan=rb_plan)
                if done.ok:
                    clear_caches()
                    st.session_state["upload_flash"] = t("upload.rollback_done", version=version,
                                                         new=done.version_id)
                    st.rerun()
                _show_problems(done, "rollback_commit")

with tab_templates:
    st.write(t("upload.templates_intro"))
    tpl_table = st.selectbox(t("upload.table"), tables, index=tables.index("enterprises"), key="template_table",
                             format_func=lambda name: t(f"table.{name}"))
    spec = validate.TABLES[tpl_table]
    st.dataframe(pd.DataFrame({
        t("upload.col_store"): spec.names,
        t("upload.col_header_ru"): validate.template_headers(spec, "ru"),
        t("upload.col_header_en"): validate.template_headers(spec, "en"),
        t("upload.col_required"): [t("upload.yes") if c.required else t("upload.no") for c in spec.columns],
        t("upload.col_example"): [c.example for c in spec.columns],
    }), hide_index=True, width="stretch")
    b1, b2, b3 = st.columns(3)
    b1.download_button(t("upload.template_ru"), ingest.template_csv(tpl_table, "ru"), mime="text/csv",
                       file_name=f"{tpl_table}-template-ru.csv", key="template_ru", on_click="ignore")
    b2.download_button(t("upload.template_en"), ingest.template_csv(tpl_table, "en"), mime="text/csv",
                       file_name=f"{tpl_table}-template-en.csv", key="template_en", on_click="ignore")
    b3.download_button(t("upload.template_xlsx"), ingest.template_xlsx(lang()), file_name=f"templates-{lang()}.xlsx",
                       mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                       key="template_xlsx", on_click="ignore")

with tab_boundaries:
    st.write(t("upload.boundaries_intro"))
    held = cached(boundaries.summary)
    if not held.empty:
        st.markdown("**" + t("upload.boundary_loaded") + "**")
        st.dataframe(held.assign(level=[t(f"upload.level.{lv}") for lv in held["level"]]).rename(columns={
            "level": t("upload.col_level"), "units": t("upload.col_units"), "file_name": t("col.file"),
            "version_id": t("col.version")}), hide_index=True)
    level = st.radio(t("upload.boundary_level"), list(boundaries.LEVELS), horizontal=True, key="boundary_level",
                     format_func=lambda lv: t(f"upload.level.{lv}"))
    geo = st.file_uploader(t("upload.boundary_file"), type=["geojson", "json"],
                           key=f"boundary_file_{st.session_state.get('boundary_nonce', 0)}")
    if geo is not None:
        b_plan = boundaries.prepare_boundaries(connection(), level, geo.getvalue(), file_name=geo.name)
        _show_problems(b_plan.report, "boundaries")
        if b_plan.report.ok:
            st.success(t("upload.boundary_ok", n=fmt.integer(len(b_plan.rows), lang())))
            if not analyst:
                st.info(t("upload.commit_login"))
            elif st.button(t("upload.boundary_load"), type="primary", key="boundary_load"):
                done = write_and_publish(boundaries.commit_boundaries, b_plan, analyst)
                if done.ok:
                    clear_caches()
                    st.session_state["upload_flash"] = t(
                        "upload.boundary_done", n=fmt.integer(done.rows_loaded, lang()), version=done.version_id)
                    st.session_state["boundary_nonce"] = st.session_state.get("boundary_nonce", 0) + 1
                    st.rerun()
                _show_problems(done, "boundaries_commit")
    shapes = cached(boundaries.feature_collection, level)
    if shapes["features"]:
        st.subheader(t("upload.boundary_map"))
        values = cached(boundaries.choropleth_values, level, current_region())
        names = values["name_en" if lang() == "en" else "name_ru"]
        fig = go.Figure(go.Choroplethmap(
            geojson=shapes, locations=values["code"], z=values["value"].fillna(0), featureidkey="id",
            colorscale=[[0.0, "#D6E6F5"], [1.0, "#08306B"]], marker_line_color="#4B5563", marker_line_width=0.5,
            text=[f"{n}: {fmt.integer(v, lang())}" for n, v in zip(names, values["value"])],
            hovertemplate="%{text}<extra></extra>",
            colorbar=dict(title=dict(text=t(f"upload.boundary_value.{level}"), side="right"), tickformat=",.0f")))
        fig.update_layout(map=dict(style="white-bg", **cached(boundaries.map_view, level)))
        st.plotly_chart(charts.style(fig, lang(), height=560), theme=None,
                        config=charts.plotly_config(f"boundaries-{level}"))
    else:
        st.caption(t("upload.boundary_none"))

with tab_rosstat:
    st.write(t("rosstat.intro"))
    targets = {t(f"table.{name}"): name for name in rosstat_load.TARGETS}
    target = targets[st.radio(t("rosstat.target"), list(targets), horizontal=True, key=f"rosstat_target_{lang()}")]
    options: dict = {"target": target}
    o1, o2, o3 = st.columns(3)
    if target == "region_sector_years":
        options["okved"] = o1.text_input(t("rosstat.okved"), "29", key="rosstat_okved", help=t("rosstat.okved_help"))
        measures = {t(f"rosstat.measure.{m}"): m for m in rosstat_load.MEASURES}
        options["measure"] = measures[o2.selectbox(t("rosstat.measure"), list(measures), key=f"rosstat_measure_{lang()}")]
    else:
        options["indicator"] = o1.text_input(t("rosstat.indicator"), key="rosstat_indicator",
                                             help=t("rosstat.indicator_help")) or None
        options["unit"] = o2.text_input(t("rosstat.unit"), key="rosstat_unit") or None
        options["source_note"] = o3.text_input(t("rosstat.source"), key="rosstat_source") or None
    r_nonce = st.session_state.get("rosstat_nonce", 0)
    r_file = st.file_uploader(t("rosstat.file"), type=["xls", "xlsx", "csv"], key=f"rosstat_file_{r_nonce}",
                              help=t("rosstat.file_help"))
    if r_file is not None:
        read = _rosstat_read(r_file.getvalue(), r_file.name)
        if isinstance(read, str):
            st.error(t("ingest.rosstat_unreadable", detail=read))
        else:
            s1, s2 = st.columns(2)
            if len(read.sheets) > 1:
                options["sheet"] = s1.selectbox(t("rosstat.sheet"), read.sheets, key="rosstat_sheet",
                                                help=t("rosstat.sheet_help"))
            labels = read.row_labels(options.get("sheet"))
            if target == "region_sector_years" and len(labels) > 1:
                options["row_label"] = s2.selectbox(t("rosstat.row_label"), labels, key="rosstat_row_label")
            if not read.has_regions(options.get("sheet")):
                options["region_code"] = s2.text_input(t("rosstat.region_code"), "RU", key="rosstat_region_code",
                                                       help=t("rosstat.region_code_help")) or None
            st.caption(t("rosstat.title", title=read.titles.get(options.get("sheet", read.sheets[0]), "") or "—"))
            load = _rosstat_plan(r_file.getvalue(), r_file.name, options)
            report = load.report
            _show_problems(report, "rosstat")
            if report.ok:
                with st.expander(t("rosstat.rows", n=fmt.integer(len(load.rows), lang()))):
                    st.dataframe(load.rows.head(200), hide_index=True)
                _preview(load.plan)
                if report.added + report.changed + report.removed == 0:
                    st.info(t("upload.nothing_to_do"))
                elif not analyst:
                    st.info(t("upload.commit_login"))
                elif st.button(t("upload.commit"), type="primary", key="rosstat_commit"):
                    done = write_and_publish(ingest.commit, load.plan, analyst)
                    st.session_state.pop("rosstat_plan", None)
                    if done.ok:
                        clear_caches()
                        st.session_state["upload_flash"] = t("upload.committed", version=done.version_id,
                                                             rows=fmt.integer(done.rows_loaded, lang()))
                        st.session_state["rosstat_nonce"] = r_nonce + 1
                        st.rerun()
                    _show_problems(done, "rosstat_commit")
