"""About the data: what the store holds, the status of its values, and the load history."""
import streamlit as st

from analytics.services import provenance
from ui.state import cached, t

st.title(t("data.title"))
st.write(t("data.intro"))

st.subheader(t("data.status"))
status = cached(provenance.status_by_table)
status["table"] = [t(f"table.{name}") for name in status["table_name"]]
status["status"] = [t(f"data.status.{value}") for value in status["data_status"]]
st.dataframe(
    status[["table", "status", "rows"]].rename(columns={"table": t("col.table"), "status": t("col.status"),
                                                        "rows": t("col.rows")}),
    hide_index=True, column_config={t("col.rows"): st.column_config.NumberColumn(format="localized")},
)

problems = cached(provenance.integrity_problems)
if problems.empty:
    st.success(t("data.integrity_ok"))
else:
    st.warning(t("data.integrity_bad", n=len(problems)))
    st.dataframe(problems, hide_index=True)

st.subheader(t("data.versions"))
versions = cached(provenance.versions)
versions["table"] = [t(f"table.{name}") for name in versions["table_name"]]
versions["action_label"] = [t(f"action.{a}") for a in versions["action"]]
st.dataframe(
    versions[["version_id", "table", "action_label", "file_name", "user_name", "loaded_at", "rows_after"]].rename(
        columns={"version_id": t("col.version"), "table": t("col.table"), "action_label": t("col.action"),
                 "file_name": t("col.file"),
                 "user_name": t("col.user"), "loaded_at": t("col.loaded_at"), "rows_after": t("col.rows")}),
    hide_index=True, column_config={t("col.rows"): st.column_config.NumberColumn(format="localized")},
)
st.info(t("data.sources"))
