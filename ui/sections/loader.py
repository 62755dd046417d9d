"""Panels of the Data page: the login box, a file's report (how it was read, problems, warnings),
the column-mapping form, the preview of a load or rollback, and the tables beside them. Library
results in, Streamlit elements out; messages are the library's codes translated here."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from analytics.data import auth, export, fns_load, ingest, rosstat_load, validate
from analytics.services import loading
from ui.core import fmt
from ui.core.state import (
    cached,
    clear_caches,
    corrected_plan,
    current_region,
    drop_upload_plan,
    fns_plan,
    io_plan,
    lang,
    login_throttle,
    rosstat_plan,
    rosstat_table,
    t,
    write_and_publish,
)
from ui.tables import common as tables

_COUNT_PARAMS = {"count", "rows", "limit", "matched", "found", "expected", "n", "cells", "products"}


def table_picker(key: str) -> str:
    """A select box of the tables an analyst can load (enterprises first chosen), names translated."""
    loadable = list(ingest.data_tables())
    return st.selectbox(
        t("upload.table"),
        loadable,
        index=loadable.index("enterprises"),
        key=key,
        format_func=lambda name: t(f"table.{name}"),
    )


def column_label(spec: validate.TableSpec, column: str) -> str:
    """«Header» (column): the template header in the UI language and the store column."""
    header = validate.template_headers(spec, lang())[spec.names.index(column)]
    return f"«{header}» ({column})" if lang() == "ru" else f"“{header}” ({column})"


def message_text(message: validate.Message, table: str) -> str:
    """A loader message in the UI language: counts formatted, table and column names translated."""
    spec = validate.TABLES.get(table)
    values = {}
    for key, value in message.values.items():
        if key in _COUNT_PARAMS and isinstance(value, int):
            value = fmt.integer(value, lang())
        elif key == "table" and isinstance(value, str):
            value = tables.table_name(value, lang())
        elif key == "column" and spec and value in spec.names:
            value = column_label(spec, value)
        values[key] = value
    return t("ingest." + message.code, **values)


_ABBREVIATIONS = {
    "инн",
    "огрн",
    "огрнип",
    "оквэд",
    "октмо",
    "окато",
    "мсп",
    "кфх",
    "iso",
    "inn",
    "ogrn",
    "okved",
    "oktmo",
    "okato",
    "sme",
    "id",
    "kladr",
    "кладр",
}


def header_label(header: str) -> str:
    """A template header as a label: «код оквэд» → «Код ОКВЭД», «инн» → «ИНН»."""
    words = [w.upper() if w.lower() in _ABBREVIATIONS else w for w in header.split(" ")]
    text = " ".join(words)
    return text[:1].upper() + text[1:]


def column_shown(column: str | None, report: ingest.LoadReport) -> str:
    """A column as the user knows it: the file's own header when the file named it, else the template
    header in the UI language (never the store's column name); a composite key's parts joined."""
    if not column:
        return ""
    header_of = {col: header for header, col in report.columns.items() if col}
    spec = validate.TABLES.get(report.table)
    headers = dict(zip(spec.names, map(header_label, validate.template_headers(spec, lang())))) if spec else {}
    return ", ".join(header_of.get(part) or headers.get(part) or part for part in column.split(", "))


def issues_frame(issues: list, report: ingest.LoadReport) -> pd.DataFrame:
    """Issues as a table in the UI language: row (empty for the whole file), the column as the user knows
    it, the value, what is wrong and how to fix it."""
    return pd.DataFrame(
        {
            t("upload.col_row"): pd.array([i.row for i in issues], dtype="Int64"),
            t("upload.col_column"): [column_shown(i.column, report) for i in issues],
            t("upload.col_value"): [i.value or "" for i in issues],
            t("upload.col_message"): [message_text(i.message, report.table) for i in issues],
            t("upload.col_fix"): [i.message.hint(lang()) or "" for i in issues],
        }
    )


def login_box() -> str | None:
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
        result = auth.login(name, password, login_throttle(), client=client_address())
        if result.ok:
            st.session_state["analyst"] = result.name
            st.rerun()
        elif result.wait_s > 0:
            st.error(t("upload.login_throttled", seconds=fmt.integer(result.wait_s, lang())))
        else:
            st.error(t("upload.login_failed"))
    return None


_LOOPBACK = ("127.0.0.1", "::1", "localhost")


def client_address() -> str:
    """Who is logging in, for the throttle: the peer's address, or behind the local proxy (the peer is
    loopback) the address the proxy forwards (``X-Real-IP``, else the last ``X-Forwarded-For`` entry,
    the one the proxy added); a session id when Streamlit knows no address. Forwarded headers are
    trusted only from a loopback peer, so a direct client cannot pick its own key."""
    peer = getattr(st.context, "ip_address", None) or ""
    if not peer or peer in _LOOPBACK:
        headers = st.context.headers
        forwarded = headers.get("X-Real-IP") or (headers.get("X-Forwarded-For") or "").split(",")[-1].strip()
        if forwarded:
            return forwarded
    if peer:
        return peer
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    ctx = get_script_run_ctx()
    return "session:" + (ctx.session_id if ctx else "unknown")


def read_as(report: ingest.LoadReport) -> str:
    """How the file was read: format, encoding, delimiter, header, sheet, rows."""
    d = report.dialect
    delimiter = d.get("delimiter")
    return t(
        "upload.read_as",
        format=d.get("format", "").upper(),
        encoding=t("upload.read_encoding", value=d["encoding"]) if d.get("encoding") else "",
        delimiter=t("upload.read_delimiter", value=t("upload.tab_char") if delimiter == "\t" else delimiter)
        if delimiter
        else "",
        header=t("upload.read_no_header") if d.get("layout") else "",
        sheet=t("upload.read_sheet", value=d["sheet"]) if d.get("sheet") else "",
        rows=fmt.integer(report.rows_in_file, lang()),
    )


def _first(report: ingest.LoadReport, code: str) -> validate.Message:
    """The message of the first listed issue of a kind (its parameters stand for the kind)."""
    return next((i.message for i in report.errors if i.code == code), validate.msg(code))


def show_problems(report: ingest.LoadReport, key: str) -> None:
    """Errors (a summary per kind, the listed rows, a CSV of them) and warnings of a report."""
    if report.errors:
        found = "upload.rollback_blocked_found" if key.startswith("rollback") else "upload.errors_found"
        st.error(t(found, n=fmt.integer(report.error_total, lang())), icon=":material/error:")
        summary = pd.DataFrame(
            {
                t("upload.col_message"): [
                    message_text(_first(report, code), report.table) for code in report.error_counts
                ],
                t("upload.col_count"): list(report.error_counts.values()),
            }
        )
        st.markdown("**" + t("upload.errors_summary") + "**")
        st.table(summary.set_index(t("upload.col_message")))
        detail = issues_frame(report.errors, report)
        st.markdown("**" + t("upload.errors_detail", n=fmt.integer(len(detail), lang())) + "**")
        st.dataframe(
            detail,
            hide_index=True,
            width="stretch",
            placeholder="",
            column_config={
                t("upload.col_row"): st.column_config.NumberColumn(format="%d", width="small"),
                t("upload.col_message"): st.column_config.TextColumn(width="large"),
                t("upload.col_fix"): st.column_config.TextColumn(width="large"),
            },
        )
        st.download_button(
            t("upload.errors_download"),
            export.csv_bytes(detail),
            file_name="problems.csv",
            mime="text/csv",
            key=f"errors_csv_{key}",
            on_click="ignore",
        )
    if report.warnings:
        st.warning(
            "\n".join(
                ["**" + t("upload.warnings") + "**", ""]
                + [f"- {message_text(w.message, report.table)}" for w in report.warnings]
            ),
            icon=":material/info:",
        )


def mapping_form(report: ingest.LoadReport, analyst: str | None) -> None:
    """Headers the loader could not place → store columns, remembered per table (analysts only)."""
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
            choices[header] = st.selectbox(
                header,
                options,
                key=f"map_{report.table}_{i}",
                format_func=lambda c: labels.get(c) or column_label(spec, c),
            )
        applied = st.form_submit_button(t("upload.mapping_apply"), type="primary")
    if applied:
        chosen = {h: (None if c == "__skip__" else c) for h, c in choices.items() if c}
        if chosen:
            write_and_publish(ingest.save_mapping, report.table, chosen, analyst)
            drop_upload_plan()
            st.rerun()


def preview(plan: ingest.LoadPlan) -> None:
    """Rows added, changed, removed and unchanged, with samples of each."""
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
                st.dataframe(sample_shown(sample, report), hide_index=True, width="stretch", placeholder="")


def sample_shown(sample: pd.DataFrame, report: ingest.LoadReport) -> pd.DataFrame:
    """Preview rows under the user's own headers (the template's for columns the file lacks), empty
    cells empty (not «None»), and the changes of a row («column: old → new») with those headers."""
    shown = sample.astype(object).where(sample.notna(), "")
    if "changes" in shown:
        shown["changes"] = [_changes_shown(str(c), report) for c in shown["changes"]]
    names = {c: column_shown(c, report) for c in shown.columns if c not in ("_row", "changes")}
    return shown.rename(columns={"_row": t("upload.col_row"), "changes": t("upload.col_changes"), **names})


def _changes_shown(changes: str, report: ingest.LoadReport) -> str:
    parts = []
    for part in changes.split("; ") if changes else []:
        column, _, change = part.partition(": ")
        parts.append(f"{column_shown(column, report)}: {change}")
    return "; ".join(parts)


def _grid_key(plan: ingest.LoadPlan) -> str:
    return f"fix_grid_{(plan.report.sha256 or '')[:16]}"


def corrected_upload(
    plan: ingest.LoadPlan, data: bytes, file_name: str, table: str, mode: str
) -> tuple[ingest.LoadPlan, bytes | None, dict[int, dict[str, str]]]:
    """The upload with the cells edited in its correction grid (:func:`fix_grid`) put in and checked
    again (:func:`ui.core.state.corrected_plan`): ``(plan to show and load, corrected file or None,
    edits)``; the uploaded plan itself while nothing is edited."""
    grid = ingest.error_rows(plan)
    if grid.empty:
        return plan, None, {}
    state = st.session_state.get(_grid_key(plan)) or {}
    edited = grid.copy()
    for position, cells in (state.get("edited_rows") or {}).items():
        for header, value in cells.items():
            if header in edited.columns and header != "_row" and int(position) < len(edited):
                edited.loc[int(position), header] = "" if value is None else str(value)
    edits = ingest.grid_edits(grid, edited)
    if not edits:
        return plan, None, {}
    fixed, corrected = corrected_plan(data, file_name, table, mode, plan, edits)
    return fixed, corrected, edits


def fix_grid(
    plan: ingest.LoadPlan,
    shown: ingest.LoadPlan,
    corrected: bytes | None,
    edits: dict[int, dict[str, str]],
    file_name: str,
) -> None:
    """The rows of ``plan`` (the upload) with errors, in an editable grid under the file's own headers,
    with the errors each row still has in ``shown`` (the plan after the edits); the corrected file to
    download in the original's encoding and delimiter."""
    grid = ingest.error_rows(plan)
    if grid.empty:
        return
    st.subheader(t("upload.fix_title"))
    errors_in: dict[int, list[str]] = {}
    for issue in shown.report.errors:
        if issue.row is not None:
            hint = issue.message.hint(lang())
            errors_in.setdefault(issue.row, []).append(
                f"{column_shown(issue.column, shown.report)}: {message_text(issue.message, plan.report.table)}"
                + (f" {hint}" if hint else "")
            )
    rows_with_errors = len({e.row for e in plan.report.errors if e.row is not None})
    st.caption(t("upload.fix_intro", n=fmt.integer(rows_with_errors, lang())))
    if rows_with_errors > len(grid):
        st.caption(t("upload.fix_more", shown=fmt.integer(len(grid), lang()), n=fmt.integer(rows_with_errors, lang())))
    row_label, errors_label = t("upload.col_row"), t("upload.col_errors")
    table_shown = grid.rename(columns={"_row": row_label})
    table_shown.insert(1, errors_label, ["; ".join(errors_in.get(int(r), [])) for r in grid["_row"]])
    st.data_editor(
        table_shown,
        key=_grid_key(plan),
        num_rows="fixed",
        hide_index=True,
        width="stretch",
        placeholder="",
        disabled=[row_label, errors_label],
        column_config={
            row_label: st.column_config.NumberColumn(format="%d", width="small"),
            errors_label: st.column_config.TextColumn(width="medium"),
            **{h: st.column_config.TextColumn() for h in grid.columns if h != "_row"},
        },
    )
    if corrected is None:
        return
    st.caption(t("upload.fix_changed", n=fmt.integer(sum(len(c) for c in edits.values()), lang())))
    stem, dot, suffix = file_name.rpartition(".")
    xlsx = plan.report.dialect.get("format") == "xlsx"
    st.download_button(
        t("upload.fix_download"),
        corrected,
        key="fix_download",
        on_click="ignore",
        file_name=f"{stem}-fixed.{suffix}" if dot else f"{file_name}-fixed",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" if xlsx else "text/csv",
    )


def version_labels(candidates: pd.DataFrame) -> dict[int, str]:
    """Restorable versions (:func:`analytics.services.provenance.restorable`) → their labels, newest first."""
    return {
        int(v): t(
            "upload.version_label", version=int(v), when=str(when)[:16], action=t(f"action.{a}"), file=f or "—", user=u
        )
        for v, when, a, f, u in zip(
            candidates["version_id"],
            candidates["loaded_at"],
            candidates["action"],
            candidates["file_name"],
            candidates["user_name"],
        )
    }


def template_columns(table: str) -> pd.DataFrame:
    """What a file for ``table`` may hold: store column, Russian and English headers, required, example."""
    spec = validate.TABLES[table]
    return pd.DataFrame(
        {
            t("upload.col_store"): spec.names,
            t("upload.col_header_ru"): validate.template_headers(spec, "ru"),
            t("upload.col_header_en"): validate.template_headers(spec, "en"),
            t("upload.col_required"): [t("upload.yes") if c.required else t("upload.no") for c in spec.columns],
            t("upload.col_example"): [c.example for c in spec.columns],
        }
    )


def boundaries_held(held: pd.DataFrame) -> pd.DataFrame:
    """Stored boundaries per level (:func:`analytics.data.boundaries.summary`) with headers in the UI language."""
    return held.assign(level=[t(f"upload.level.{lv}") for lv in held["level"]]).rename(
        columns={
            "level": t("upload.col_level"),
            "units": t("upload.col_units"),
            "file_name": t("col.file"),
            "version_id": t("col.version"),
        }
    )


def committed(done: ingest.LoadReport, tab: str, nonce: int) -> None:
    """After a tab's commit: forget its held plan (``<tab>_plan``); when it loaded, clear the caches, say so
    above the tabs, give the tab a fresh uploader (``<tab>_nonce``), untick its confirmation and rerun;
    otherwise show what the store refused."""
    drop_upload_plan(f"{tab}_plan")
    if done.ok:
        clear_caches()
        st.session_state["upload_flash"] = t(
            "upload.committed", version=done.version_id, rows=fmt.integer(done.rows_loaded, lang())
        )
        st.session_state[f"{tab}_nonce"] = nonce + 1
        st.session_state.pop(f"{tab}_confirm", None)
        st.rerun()
    show_problems(done, f"{tab}_commit")


def rosstat_tab(analyst: str | None) -> None:
    """The Rosstat tab: a wide table as Rosstat publishes it (regions × years) → the store, with the
    analyst's choices (target table, OKVED and measure, or indicator, unit and source; sheet, row, region)."""
    st.write(t("rosstat.intro"))
    targets = {t(f"table.{name}"): name for name in rosstat_load.TARGETS}
    target = targets[st.radio(t("rosstat.target"), list(targets), horizontal=True, key=f"rosstat_target_{lang()}")]
    options: dict = {"target": target}
    o1, o2, o3 = st.columns(3)
    if target == "region_sector_years":
        options["okved"] = o1.text_input(t("rosstat.okved"), "29", key="rosstat_okved", help=t("rosstat.okved_help"))
        measures = {t(f"rosstat.measure.{m}"): m for m in rosstat_load.MEASURES}
        options["measure"] = measures[
            o2.selectbox(t("rosstat.measure"), list(measures), key=f"rosstat_measure_{lang()}")
        ]
    else:
        options["indicator"] = (
            o1.text_input(t("rosstat.indicator"), key="rosstat_indicator", help=t("rosstat.indicator_help")) or None
        )
        options["unit"] = o2.text_input(t("rosstat.unit"), key="rosstat_unit") or None
        options["source_note"] = o3.text_input(t("rosstat.source"), key="rosstat_source") or None
    r_nonce = st.session_state.get("rosstat_nonce", 0)
    r_file = st.file_uploader(
        t("rosstat.file"), type=["xls", "xlsx", "csv"], key=f"rosstat_file_{r_nonce}", help=t("rosstat.file_help")
    )
    if r_file is not None:
        read = rosstat_table(r_file.getvalue(), r_file.name)
        if isinstance(read, str):
            st.error(t("ingest.rosstat_unreadable", detail=read))
        else:
            s1, s2 = st.columns(2)
            if len(read.sheets) > 1:
                options["sheet"] = s1.selectbox(
                    t("rosstat.sheet"), read.sheets, key="rosstat_sheet", help=t("rosstat.sheet_help")
                )
            labels = read.row_labels(options.get("sheet"))
            if target == "region_sector_years" and len(labels) > 1:
                options["row_label"] = s2.selectbox(t("rosstat.row_label"), labels, key="rosstat_row_label")
            if not read.has_regions(options.get("sheet")):
                options["region_code"] = (
                    s2.text_input(
                        t("rosstat.region_code"), "RU", key="rosstat_region_code", help=t("rosstat.region_code_help")
                    )
                    or None
                )
            st.caption(t("rosstat.title", title=read.titles.get(options.get("sheet", read.sheets[0]), "") or "—"))
            load = rosstat_plan(r_file.getvalue(), r_file.name, options)
            report = load.report
            show_problems(report, "rosstat")
            if report.ok:
                with st.expander(t("rosstat.rows", n=fmt.integer(len(load.rows), lang()))):
                    st.dataframe(load.rows.head(200), hide_index=True)
                preview(load.plan)
                if report.changes == 0:
                    st.info(t("upload.nothing_to_do"))
                elif not analyst:
                    st.info(t("upload.commit_login"))
                elif st.button(t("upload.commit"), type="primary", key="rosstat_commit"):
                    committed(write_and_publish(ingest.commit, load.plan, analyst), "rosstat", r_nonce)


def fns_tab(analyst: str | None) -> None:
    """The FNS tab: an open-data archive as FNS publishes it (RSMP, SSHR, REVEXP, PAYTAX) → enterprises
    and their yearly figures, for the current region or all; entrepreneurs only when asked."""
    st.write(t("upload.fns_intro"))
    f1, f2 = st.columns(2)
    everywhere = f1.checkbox(t("upload.fns_all_regions"), key="fns_all_regions")
    people = f2.checkbox(
        t("upload.fns_entrepreneurs"), key="fns_entrepreneurs", help=t("upload.fns_entrepreneurs_help")
    )
    nonce = st.session_state.get("fns_nonce", 0)
    archive = st.file_uploader(
        t("upload.fns_file"), type=["zip", "xml"], key=f"fns_file_{nonce}", help=t("upload.fns_file_help")
    )
    if archive is None:
        return
    plan = fns_plan(archive.getvalue(), archive.name, None if everywhere else current_region(), people)
    report = plan.report
    if report.dataset:
        st.caption(
            t(
                "upload.fns_read_as",
                dataset=t(f"upload.fns_dataset.{report.dataset}"),
                dates=", ".join(d.strftime("%d.%m.%Y") for d in report.as_of),
                files=fmt.integer(report.files, lang()),
                documents=fmt.integer(report.documents, lang()),
            )
        )
    show_problems(report, "fns")
    if not report.ok:
        return
    preview(plan)
    if report.added + report.changed + report.removed == 0:
        st.info(t("upload.nothing_to_do"))
    elif not analyst:
        st.info(t("upload.commit_login"))
    else:
        confirmed = st.checkbox(t("upload.confirm"), key="fns_confirm")
        if st.button(t("upload.commit"), type="primary", disabled=not confirmed, key="fns_commit"):
            committed(write_and_publish(fns_load.commit_fns, plan, analyst), "fns", nonce)


def io_held_table(held: pd.DataFrame) -> pd.DataFrame:
    """Input–output tables in the store by year (:func:`analytics.services.loading.io_held`), headers
    and statuses in the UI language, counts formatted."""
    return pd.DataFrame(
        {
            t("io_load.col_year"): held["year"].astype(str),
            t("io_load.col_products"): [fmt.integer(int(n), lang()) for n in held["products"]],
            t("io_load.col_cells"): [fmt.integer(int(n), lang()) for n in held["cells"]],
            t("io_load.col_status"): [
                ", ".join(t(f"data.status.{v}") for v in str(s).split(";")) for s in held["data_status"]
            ],
        }
    )


def io_tab(analyst: str | None) -> None:
    """The input–output tab: Rosstat's workbook «Базовые таблицы "затраты-выпуск"» as published → the
    store's ``io_cells`` as a new version (the year's cells replaced; other years kept); the model of
    the Sectors and Subsidies pages then uses the latest year held."""
    st.write(t("io_load.intro"))
    held = cached(loading.io_held)
    if held.empty:
        st.caption(t("io_load.none"))
    else:
        st.caption(t("io_load.used", year=int(held["year"].iat[0])))
        st.dataframe(io_held_table(held), hide_index=True)
    nonce = st.session_state.get("io_nonce", 0)
    workbook = st.file_uploader(t("io_load.file"), type=["xlsx"], key=f"io_file_{nonce}", help=t("io_load.file_help"))
    if workbook is None:
        return
    load = io_plan(workbook.getvalue(), workbook.name)
    report = load.report
    show_problems(report, "io")
    if not report.ok:
        return
    products = load.tables.products
    with st.expander(t("io_load.products", n=fmt.integer(len(products), lang()))):
        st.dataframe(
            products.rename(
                columns={"no": t("io_load.col_no"), "okpd2": t("io_load.col_okpd2"), "name_ru": t("io_load.col_name")}
            ),
            hide_index=True,
        )
    preview(load.plan)
    if report.changes == 0:
        st.info(t("upload.nothing_to_do"))
    elif not analyst:
        st.info(t("upload.commit_login"))
    elif st.button(t("upload.commit"), type="primary", key="io_commit"):
        committed(write_and_publish(ingest.commit, load.plan, analyst), "io", nonce)
