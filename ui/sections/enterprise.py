"""Parts of the Enterprise page: the search by INN or name, and one enterprise's profile — identity and
data status, clusters and their registry standing, the supplier–buyer network, yearly figures, joint
projects. Library results in (:func:`analytics.services.enterprise.enterprise_profile`), Streamlit
elements out; text from the data is escaped."""

from __future__ import annotations

import streamlit as st

from analytics.services import enterprise as ent
from analytics.services import sector_portfolio as sp
from ui.charts import common as charts
from ui.charts import enterprise as ec
from ui.core import fmt, urls
from ui.core.escape import markdown as escape_md
from ui.core.names import name_column
from ui.core.state import cached, t
from ui.tables import enterprise as enterprise_tables

#: Search results shown at most.
LIMIT = 20


def search(L: str) -> None:
    """The search box and its results; choosing one puts its INN in the URL (``?inn=…``)."""
    text = st.text_input(
        t("enterprise.search"),
        key="ent_search",
        help=t("enterprise.search_help"),
        placeholder=t("enterprise.search_placeholder"),
    )
    if text.strip():
        found = cached(ent.find_enterprises, text, limit=LIMIT)
        if found.empty:
            st.info(t("enterprise.no_results", text=escape_md(text.strip())))
        else:
            st.caption(
                t("enterprise.results", n=fmt.integer(len(found), L))
                + (" " + t("enterprise.results_limited", n=LIMIT) if len(found) >= LIMIT else "")
            )
            st.dataframe(enterprise_tables.search_table(found, L), hide_index=True)
            names = dict(zip(found["inn"], found[name_column(L)].fillna(found["name_ru"])))
            pick, go_to = st.columns([4, 1], vertical_alignment="bottom")
            chosen = pick.selectbox(
                t("enterprise.choose"), list(names), format_func=lambda i: f"{i} — {names[i]}", key="ent_choice"
            )
            if go_to.button(t("enterprise.open"), key="ent_open", type="primary"):
                st.query_params[urls.INN] = chosen
                st.rerun()


def _line(label: str, value: object) -> None:
    shown = t("enterprise.not_given") if value is None or value == "" else str(value)
    st.markdown(f"**{t(label)}:** {escape_md(shown)}")


def identity_and_clusters(profile: ent.EnterpriseProfile, L: str) -> None:
    """Identity with data status and source (left); clusters, roles and registry standing (right)."""
    who = profile.identity
    left, right = st.columns(2)
    with left:
        st.subheader(t("enterprise.identity"), anchor=False)
        _line("enterprise.inn", who.inn)
        _line("enterprise.ogrn", who.ogrn)
        okved_name = who.okved_name_en if L == "en" else who.okved_name_ru
        _line("enterprise.okved", f"{who.okved} {okved_name or ''}".strip())
        _line("enterprise.region", who.region_name_en if L == "en" else who.region_name_ru)
        _line("enterprise.municipality", who.municipality_en if L == "en" else who.municipality_ru)
        _line("enterprise.sme", t("yes") if who.is_sme else t("no"))
        _line("enterprise.kind", t(f"enterprise.kind.{who.kind}"))
        _line("enterprise.founded", who.founded)
        _line("enterprise.status", t(f"enterprise.status.{who.data_status}"))
        st.markdown(f"**{t('enterprise.source')}:**")
        st.text(who.source or t("enterprise.not_given"))  # URLs and notes as they are: plain text, no Markdown
    with right:
        st.subheader(t("enterprise.clusters"), anchor=False)
        if profile.clusters.empty:
            st.info(t("enterprise.no_clusters"))
        for _, row in profile.clusters.iterrows():
            st.markdown(
                escape_md(
                    t(
                        "enterprise.cluster_line",
                        cluster=row[name_column(L)],
                        role=t(f"enterprise.role.{row['role']}"),
                        basis=t(f"enterprise.basis.{row['basis']}"),
                    )
                )
            )
        if profile.registry:
            st.subheader(t("enterprise.registry"), anchor=False)
            st.caption(t("enterprise.registry_caption"))
        for standing in profile.registry:
            cluster = standing.name_en if L == "en" else standing.name_ru
            st.markdown(
                "**"
                + escape_md(
                    t(
                        "enterprise.registry.head",
                        cluster=cluster,
                        verdict=t(f"enterprise.registry.verdict.{standing.verdict}"),
                        n=fmt.integer(standing.participants, L),
                    )
                )
                + "**"
            )
            notes = [t("enterprise.registry.counted" if standing.counted else "enterprise.registry.not_counted")]
            if standing.final_producer:
                notes.append(t("enterprise.registry.final"))
            notes.append(
                t(
                    {
                        True: "enterprise.registry.contract_yes",
                        False: "enterprise.registry.contract_no",
                        None: "enterprise.registry.contract_unknown",
                    }[standing.has_contract]
                )
            )
            notes.append(
                t(
                    "enterprise.registry.partners",
                    n=fmt.integer(standing.partners, L),
                    sold=fmt.money_mln(standing.sales_to_members, L),
                    bought=fmt.money_mln(standing.purchases_from_members, L),
                )
            )
            st.markdown("\n".join(f"- {escape_md(n)}" for n in notes))


def network(profile: ent.EnterpriseProfile, name: str, L: str) -> None:
    """The enterprise between its suppliers and buyers, with the two tables."""
    st.subheader(t("enterprise.network"), anchor=False)
    if profile.suppliers.empty and profile.buyers.empty:
        st.info(t("enterprise.no_links"))
    else:
        st.caption(t("enterprise.network_caption", year=profile.year, n=ent.NETWORK_MAX_PARTNERS))
        st.plotly_chart(
            ec.partner_network(
                name,
                profile.suppliers,
                profile.buyers,
                lang=L,
                supplier_title=t("enterprise.suppliers"),
                buyer_title=t("enterprise.buyers"),
                max_partners=ent.NETWORK_MAX_PARTNERS,
            ),
            theme=None,
            config=charts.plotly_config(f"enterprise-{profile.inn}-{profile.year}"),
        )
        for column, side, title in zip(
            st.columns(2), (profile.suppliers, profile.buyers), ("enterprise.suppliers", "enterprise.buyers")
        ):
            column.markdown(f"**{t(title)}**")
            if side.empty:
                column.caption(t("enterprise.none_side"))
            else:
                column.dataframe(enterprise_tables.partners_table(side, L), hide_index=True)


def years_and_projects(profile: ent.EnterpriseProfile, L: str) -> None:
    """Yearly figures and the joint projects with their support."""
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
        st.dataframe(
            enterprise_tables.projects_table(profile.projects, L, cached(sp.cluster_names).get(L, {})), hide_index=True
        )
