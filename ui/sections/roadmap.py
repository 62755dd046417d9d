"""The "Route to the registry" tab of the Clusters page: the gap per rule, the proposed contracts as a
table and on the cooperation network, functional dependence before and after, what the agency still
does by hand, and the application pack. Tables and texts are built by pure functions (tested without
Streamlit); :func:`roadmap_tab` draws them."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from analytics.models.registry import RegistryParams
from analytics.models.roadmap import RegistryRoadmap
from analytics.services import application_pack as pack
from ui.charts import clusters as cc
from ui.charts import common as charts
from ui.core import fmt
from ui.core import names as naming
from ui.core.i18n import t
from ui.core.names import name_column
from ui.core.state import cached
from ui.downloads import application_pdf
from ui.tables import clusters as ct

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _name(frame: pd.DataFrame, prefix: str, lang: str) -> pd.Series:
    return naming.names(frame, lang, prefix).map(lambda s: s or "—")


def gap_table(plan: RegistryRoadmap, lang: str) -> pd.DataFrame:
    """One row per rule: requirement, status, now, threshold, what is missing, how it closes."""
    rows = []
    for line, rule in zip(ct.registry_lines(plan.before, lang), plan.before.rules):
        gap, how = t("roadmap.gap.none", lang), ""
        if rule.status == "fail":
            missing = rule.missing or {}
            if rule.rule_id == "contracts":
                gap = t("roadmap.gap.contracts", lang, n=fmt.integer(rule.measured, lang))
            elif rule.rule_id == "dependence":
                gap = t(
                    "roadmap.gap.dependence",
                    lang,
                    points=fmt.number(missing.get("points"), lang, 1),
                    value=fmt.money_mln(plan.needed_mln_rub, lang),
                )
            elif rule.rule_id == "organising":
                gap = t("roadmap.gap.organising", lang, n=fmt.integer(missing.get("excess"), lang))
            else:
                gap = t("roadmap.gap.count", lang, n=fmt.integer(missing.get("missing"), lang))
            how = t(
                {
                    "contracts": "roadmap.addressed.links",
                    "dependence": "roadmap.addressed.links",
                    "min_industrial": "roadmap.addressed.invite",
                    "infrastructure": "roadmap.addressed.roles",
                    "specialised": "roadmap.addressed.roles",
                }.get(rule.rule_id, "roadmap.addressed.hand"),
                lang,
            )
        rows.append(
            {
                t("roadmap.col.rule", lang): line["title"],
                t("roadmap.col.status", lang): line["status"],
                t("roadmap.col.measured", lang): line["measured"],
                t("roadmap.col.gap", lang): gap,
                t("roadmap.col.addressed", lang): how,
            }
        )
    return pd.DataFrame(rows)


def status_lines(plan: RegistryRoadmap, lang: str) -> tuple[str, list[str]]:
    """The headline kind (``success`` / ``warning`` / ``error`` / ``info``) and its lines."""
    n, value = len(plan.links), fmt.money_mln(float(plan.links["value_mln_rub"].sum()), lang)
    why = []
    for w in plan.why:
        code = w["code"]
        if code == "capacity":
            why.append(
                t(
                    "roadmap.why.capacity",
                    lang,
                    needed=fmt.money_mln(w["needed_mln_rub"], lang),
                    most=fmt.money_mln(w["max_mln_rub"], lang),
                    caps=fmt.money_mln(w["suppliers_cap_mln_rub"], lang),
                    rooms=fmt.money_mln(w["buyers_room_mln_rub"], lang),
                    pairs=fmt.integer(w["pairs"], lang),
                )
            )
        elif code == "no_partner":
            names = plan.first_contracts.set_index("inn")[name_column(lang)]
            shown = [ct.escape_md(str(names.get(i, i))) for i in w["inns"][:6]]
            why.append(t("roadmap.why.no_partner", lang, names=", ".join(shown)))
        elif code == "solver":
            why.append(t("roadmap.why.solver", lang, message=ct.escape_md(w.get("message", ""))))
        else:
            why.append(t(f"roadmap.why.{code}", lang))
    if plan.status == "no_solution":
        return "error", [t("roadmap.status.no_solution", lang), *why]
    if plan.status == "time_limit":
        return "warning", [
            t("roadmap.status.time_limit", lang, n=n, value=value, gap=fmt.percent(plan.gap or 0.0, lang, 1)),
            *why,
        ]
    if not plan.addresses and plan.why:
        return "warning", [t("roadmap.status.cannot_judge", lang), *why]
    if not plan.addresses:
        return "info", [t("roadmap.status.none_needed", lang)]
    return "success", [t("roadmap.status.optimal", lang, n=n, value=value), *why]


def links_table(plan: RegistryRoadmap, lang: str) -> pd.DataFrame:
    """The proposed contracts: supplier, buyer, value, coefficient, purpose, reason in words (numbers as
    text in the UI language: the tab shows them in a static table, where long names wrap)."""
    links = plan.links
    reasons = [
        t("roadmap.reason", lang, buyer=b, supplier=s, coef=fmt.number(a, lang, 4))
        for b, s, a in zip(links["buyer_okved"], links["supplier_okved"], links["io_coefficient"])
    ]
    return pd.DataFrame(
        {
            t("roadmap.col.supplier", lang): _name(links, "supplier", lang),
            t("roadmap.col.buyer", lang): _name(links, "buyer", lang),
            t("roadmap.col.value", lang): [fmt.number(v, lang, 3) for v in links["value_mln_rub"]],
            t("roadmap.col.coefficient", lang): [fmt.number(v, lang, 4) for v in links["io_coefficient"]],
            t("roadmap.col.purpose", lang): [t(f"roadmap.purpose.{p}", lang) for p in links["purpose"]],
            t("roadmap.col.reason", lang): reasons,
        }
    )


def first_contracts_table(plan: RegistryRoadmap, lang: str) -> pd.DataFrame:
    frame = plan.first_contracts
    partner = _name(frame, "partner", lang).where(frame["partner_inn"].notna(), t("roadmap.no_partner", lang))
    return pd.DataFrame(
        {
            t("roadmap.col.participant", lang): _name(frame, "name", lang),
            t("roadmap.col.direction", lang): [
                t(f"roadmap.direction.{d}", lang) if isinstance(d, str) else "—" for d in frame["direction"]
            ],
            t("roadmap.col.partner", lang): partner,
            t("roadmap.col.in_plan", lang): frame["in_plan"].astype(bool),
        }
    )


def roles_table(plan: RegistryRoadmap, lang: str) -> pd.DataFrame:
    frame = plan.missing_roles
    return pd.DataFrame(
        {
            t("roadmap.col.role", lang): [t(f"roadmap.role.{r}", lang) for r in frame["rule_id"]],
            t("roadmap.col.needed", lang): frame["needed"],
            t("roadmap.col.candidate", lang): _name(frame, "name", lang).where(
                frame["inn"].notna(), t("roadmap.none_in_region", lang)
            ),
        }
    )


def invite_table(plan: RegistryRoadmap, lang: str) -> pd.DataFrame:
    frame = plan.invite
    return pd.DataFrame(
        {
            t("roadmap.col.okved", lang): frame["okved"],
            t("roadmap.col.template_role", lang): [t(f"clusters.role.{r}", lang) for r in frame["role"]],
            t("roadmap.col.enterprise", lang): _name(frame, "name", lang).where(
                frame["inn"].notna(), t("roadmap.none_in_region", lang)
            ),
            t("roadmap.col.employees", lang): [fmt.integer(v, lang) for v in frame["employees"]],
        }
    )


def roadmap_tab(
    cluster_id: str, *, region: str, year: int, params: RegistryParams, codes: tuple[str, ...] | None, lang: str
) -> None:
    """Draw the tab for one candidate (one cached service call; the pack is made on the button)."""
    view = cached(pack.route_view, cluster_id, region=region, year=year, params=params, codes=codes)
    plan = view.roadmap
    st.caption(t("roadmap.intro", lang))
    kind, lines = status_lines(plan, lang)
    getattr(st, kind)("\n\n".join(lines))
    st.subheader(t("roadmap.gaps", lang), anchor=False)
    st.table(gap_table(plan, lang), hide_index=True)  # a static table: long texts wrap, none is cut
    threshold = fmt.percent(plan.threshold, lang, 0) if plan.threshold is not None else fmt.DASH
    # two by two: four long labels side by side are cut at 1280 px
    c1, c2 = st.columns(2)
    c3, c4 = st.columns(2)
    help_text = t(
        "roadmap.dependence_help", lang, threshold=threshold, total=fmt.money_mln(plan.purchases_mln_rub, lang)
    )
    c1.metric(t("roadmap.dependence_before", lang), fmt.percent(plan.dependence_before, lang, 1), help=help_text)
    c2.metric(t("roadmap.dependence_after", lang), fmt.percent(plan.dependence_after, lang, 1), help=help_text)
    core_help = t("roadmap.core_help", lang)
    c3.metric(t("roadmap.core_before", lang), fmt.percent(plan.core_to_core_before, lang, 1), help=core_help)
    c4.metric(t("roadmap.core_after", lang), fmt.percent(plan.core_to_core_after, lang, 1), help=core_help)
    st.subheader(t("roadmap.links", lang), anchor=False)
    rp = plan.params
    st.caption(
        t(
            "roadmap.links_caption",
            lang,
            coef=fmt.number(rp.min_coefficient, lang, 2),
            share=fmt.percent(rp.max_supplier_share, lang, 0),
            min_link=fmt.money_mln(rp.min_link_mln_rub, lang),
        )
    )
    if plan.links.empty:
        st.info(t("roadmap.no_links", lang))
    else:
        st.table(links_table(plan, lang), hide_index=True)
        role_names = {r: t(f"clusters.role.{r}", lang) for r in cc.ROLE_ORDER}
        ends = tuple(dict.fromkeys([*plan.links["supplier_inn"], *plan.links["buyer_inn"]]))
        st.plotly_chart(
            cc.cooperation_network(
                cc.network_members(view.members, keep=ends),
                view.links,
                lang=lang,
                role_names=role_names,
                proposed=plan.links,
                proposed_name=t("roadmap.network_proposed", lang),
                label_inns=ends,
            ),
            theme=None,
            config=charts.plotly_config(f"cluster-route-{cluster_id}-{region}-{year}"),
            key="roadmap_network",
        )
        st.caption(t("roadmap.network_caption", lang))
    for title, frame, table in (
        ("roadmap.first", plan.first_contracts, first_contracts_table),
        ("roadmap.roles", plan.missing_roles, roles_table),
        ("roadmap.invite", plan.invite, invite_table),
    ):
        if len(frame):
            st.subheader(t(title, lang), anchor=False)
            st.dataframe(table(plan, lang), hide_index=True)
    st.subheader(t("roadmap.todo", lang), anchor=False)
    st.markdown("\n".join(f"{i}. {t(f'roadmap.todo.{code}', lang)}" for i, code in enumerate(plan.todo, start=1)))
    excel, pdf = st.columns(2)
    excel.download_button(
        t("roadmap.pack", lang),
        lambda: cached(
            pack.application_pack, cluster_id, region=region, year=year, params=params, codes=codes, lang=lang
        ),
        f"registry-application-{cluster_id}-{region}-{year}.xlsx",
        mime=XLSX,
        help=t("roadmap.pack_help", lang),
        key="roadmap_pack",
        on_click="ignore",
        icon=":material/download:",
    )
    pdf.download_button(
        t("roadmap.pack_pdf", lang),
        lambda: cached(
            application_pdf.application_pack_pdf,
            cluster_id,
            region=region,
            year=year,
            params=params,
            codes=codes,
            lang=lang,
        ),
        f"registry-application-{cluster_id}-{region}-{year}-{lang}.pdf",
        mime="application/pdf",
        help=t("roadmap.pack_pdf_help", lang),
        key="roadmap_pack_pdf",
        on_click="ignore",
        icon=":material/picture_as_pdf:",
    )
    st.caption(
        t(
            "roadmap.method",
            lang,
            pairs=fmt.integer(plan.candidates, lang),
            excluded=fmt.integer(plan.excluded_by_io, lang),
        )
    )
