"""Enterprise: search by INN or name, and one enterprise's profile (shareable as ``?inn=…&lang=…``)."""

import streamlit as st

from analytics.services import enterprise as ent
from ui.core import urls
from ui.core.escape import markdown as escape_md
from ui.core.state import cached, lang, t
from ui.sections import enterprise

L = lang()
st.title(t("enterprise.title"))
st.caption(t("enterprise.intro"))

enterprise.search(L)

inn = str(st.query_params.get(urls.INN, "")).strip()
if not inn:
    st.stop()

profile = cached(ent.enterprise_profile, inn)
if profile.status == "invalid":
    st.warning(t("enterprise.invalid", inn=escape_md(inn[:40])), icon=":material/error:")
    st.stop()
if profile.status == "unknown":
    st.warning(t("enterprise.unknown", inn=inn), icon=":material/search_off:")
    st.stop()

who = profile.identity
name = who.name_en if L == "en" and who.name_en else who.name_ru
st.divider()
st.header(escape_md(name), anchor=False)
st.caption(
    t("enterprise.link") + ": " + f"/enterprise?{urls.INN}={profile.inn}&{urls.LANG}={L}",
    help=t("enterprise.link_help"),
)
if profile.year is not None:
    st.caption(t("enterprise.year_note", year=profile.year))
else:
    st.info(t("enterprise.no_year"))

enterprise.identity_and_clusters(profile, L)
enterprise.network(profile, name, L)
enterprise.years_and_projects(profile, L)
