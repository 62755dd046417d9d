"""About the data: what the store holds, the status of its values, and the load history."""

import streamlit as st

from analytics.services import provenance
from ui.core.state import cached, lang, t
from ui.tables import common as tables

st.title(t("data.title"))
st.write(t("data.intro"))

st.subheader(t("data.status"))
status = cached(provenance.status_by_table)
status["table"] = [t(f"table.{name}") for name in status["table_name"]]
status["status"] = [t(f"data.status.{value}") for value in status["data_status"]]
st.dataframe(
    tables.styled(
        status[["table", "status", "rows"]].rename(
            columns={"table": t("col.table"), "status": t("col.status"), "rows": t("col.rows")}
        ),
        lang(),
        {t("col.rows"): "integer"},
    ),
    hide_index=True,
)

problems = cached(provenance.integrity_problems)
if problems.empty:
    st.success(t("data.integrity_ok"))
else:
    st.warning(t("data.integrity_bad", n=len(problems)))
    st.dataframe(problems, hide_index=True)

st.subheader(t("data.versions"))
st.dataframe(
    tables.styled(tables.versions_table(cached(provenance.versions), lang()), lang(), tables.versions_formats(lang())),
    hide_index=True,
)
st.info(t("data.sources"))
