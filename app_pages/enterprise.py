"""Enterprise: search by INN or name, and one enterprise's profile (shareable as ``?inn=…&lang=…``)."""
import streamlit as st

from analytics.services import enterprise as ent
from analytics.services import sector_portfolio as sp
from ui.charts import common as charts
from ui.charts import enterprise as ec
from ui.core import fmt, urls
from ui.core.escape import markdown as escape_md
from ui.core.names import name_column
from ui.core.state import cached, lang, t
from ui.tables import enterprise as enterprise_tables

L = lang()
st.title(t("enterprise.title"))
st.caption(t("enterprise.intro"))

# --- search -----------------------------------------------------------------------------------------
LIMIT = 20
text = st.text_input(t("enterprise.search"), key="ent_search", help=t("enterprise.search_help"),
                     placeholder=t("enterprise.search_placeholder"))
if text.strip():
    found = cached(ent.find_enterprises, text, limit=LIMIT)
    if found.empty:
        st.info(t("enterprise.no_results", text=escape_md(text.strip())))
    else:
        st.caption(t("enterprise.results", n=fmt.integer(len(found), L))
                   + (" " + t("enterprise.results_limited", n=LIMIT) if len(found) >= LIMIT else ""))
        st.dataframe(enterprise_tables.search_table(found, L), hide_index=True)
        names = dict(zip(found["inn"], found[name_column(L)].fillna(found["name_ru"])))
        pick, go_to = st.columns([4, 1], vertical_alignment="bottom")
        chosen = pick.selectbox(t("enterprise.choose"), list(names), format_func=lambda i: f"{i} — {names[i]}",
                                key="ent_choice")
        if go_to.button(t("enterprise.open"), key="ent_open", type="primary"):
            st.query_params[urls.INN] = chosen
            st.rerun()

inn = str(st.query_params.get(urls.INN, "")).strip()
if not inn:
    st.stop()

# --- profile ----------------------------------------------------------------------------------------
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
st.caption(t("enterprise.link") + ": " + f"/enterprise?{urls.INN}={profile.inn}&{urls.LANG}={L}", help=t("enterprise.link_help"))
if profile.year is not None:
    st.caption(t("enterprise.year_note", year=profile.year))
else:
    st.info(t("enterprise.no_year"))


def line(label: str, value: object) -> None:
    shown = t("enterprise.not_given") if value is None or value == "" else str(value)
    st.markdown(f"**{t(label)}:** {escape_md(shown)}")


left, right = st.columns(2)
with left:
    st.subheader(t("enterprise.identity"), anchor=False)
    line("enterprise.inn", who.inn)
    line("enterprise.ogrn", who.ogrn)
    okved_name = who.okved_name_en if L == "en" else who.okved_name_ru
    line("enterprise.okved", f"{who.okved} {okved_name or ''}".strip())
    line("enterprise.region", who.region_name_en if L == "en" else who.region_name_ru)
    line("enterprise.municipality", who.municipality_en if L == "en" else who.municipality_ru)
    line("enterprise.sme", t("yes") if who.is_sme else t("no"))
    line("enterprise.kind", t(f"enterprise.kind.{who.kind}"))
    line("enterprise.founded", who.founded)
    line("enterprise.status", t(f"enterprise.status.{who.data_status}"))
    st.markdown(f"**{t('enterprise.source')}:**")
    st.text(who.source or t("enterprise.not_given"))  # URLs and notes as they are: plain text, no Markdown
with right:
    st.subheader(t("enterprise.clusters"), anchor=False)
    if profile.clusters.empty:
        st.info(t("enterprise.no_clusters"))
    for _, row in profile.clusters.iterrows():
        st.markdown(escape_md(t("enterprise.cluster_line", cluster=row[name_column(L)],
                                role=t(f"enterprise.role.{row['role']}"), basis=t(f"enterprise.basis.{row['basis']}"))))
    if profile.registry:
        st.subheader(t("enterprise.registry"), anchor=False)
        st.caption(t("enterprise.registry_caption"))
    for standing in profile.registry:
        cluster = standing.name_en if L == "en" else standing.name_ru
        st.markdown("**" + escape_md(t("enterprise.registry.head", cluster=cluster,
                                         verdict=t(f"enterprise.registry.verdict.{standing.verdict}"),
                                         n=fmt.integer(standing.participants, L))) + "**")
        notes = [t("enterprise.registry.counted" if standing.counted else "enterprise.registry.not_counted")]
        if standing.final_producer:
            notes.append(t("enterprise.registry.final"))
        notes.append(t({True: "enterprise.registry.contract_yes", False: "enterprise.registry.contract_no",
                        None: "enterprise.registry.contract_unknown"}[standing.has_contract]))
        notes.append(t("enterprise.registry.partners", n=fmt.integer(standing.partners, L),
                       sold=fmt.money_mln(standing.sales_to_members, L),
                       bought=fmt.money_mln(standing.purchases_from_members, L)))
        st.markdown("\n".join(f"- {escape_md(n)}" for n in notes))

st.subheader(t("enterprise.network"), anchor=False)
if profile.suppliers.empty and profile.buyers.empty:
    st.info(t("enterprise.no_links"))
else:
    st.caption(t("enterprise.network_caption", year=profile.year, n=ent.NETWORK_MAX_PARTNERS))
    st.plotly_chart(
        ec.partner_network(name, profile.suppliers, profile.buyers, lang=L, supplier_title=t("enterprise.suppliers"),
                           buyer_title=t("enterprise.buyers"), max_partners=ent.NETWORK_MAX_PARTNERS),
        theme=None, config=charts.plotly_config(f"enterprise-{profile.inn}-{profile.year}"),
    )
    for column, side, title in zip(st.columns(2), (profile.suppliers, profile.buyers),
                                   ("enterprise.suppliers", "enterprise.buyers")):
        column.markdown(f"**{t(title)}**")
        if side.empty:
            column.caption(t("enterprise.none_side"))
        else:
            column.dataframe(enterprise_tables.partners_table(side, L), hide_index=True)

st.subheader(t("enterprise.years"), anchor=False)
if profile.years.empty:
    st.info(t("enterprise.no_years"))
else:
    st.dataframe(enterprise_tables.years_table(profile.years, L), hide_index=True)

st.subheader(t("enterprise.projects"), anchor=False)
if profile.projects.empty:
    st.info(t("enterprise.no_projects"))
else:
    st.caption(t("enterprise.projects_caption"))
    st.dataframe(enterprise_tables.projects_table(profile.projects, L, cached(sp.cluster_names).get(L, {})), hide_index=True)
