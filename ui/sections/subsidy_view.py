"""Drawing the Subsidies page's results (:class:`analytics.services.scenarios_view.SubsidiesView`):
headline figures with the attributed taxes first and the assumption in one sentence, status of the
portfolio, charts, the project table, the comparison and the national context."""

from __future__ import annotations

import streamlit as st

from analytics.models import rules
from analytics.services import public_data
from analytics.services import scenarios_view as sv
from ui.charts import common as charts
from ui.charts import subsidy as sc
from ui.core import fmt
from ui.core.state import cached, figure, lang, t
from ui.downloads import exports
from ui.downloads import subsidy as subsidy_downloads
from ui.tables import common as tables
from ui.tables import subsidy as subsidy_tables

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def headline(view: sv.SubsidiesView) -> None:
    """Six headline figures, the budget-level split and the assumption behind attributed taxes."""
    L, summary = lang(), view.results.summary
    k1, k2, k3, k4, k5, k6 = st.columns(6)
    k1.metric(
        t("subsidies.kpi.subsidy"),
        fmt.number(summary["subsidy_mln_rub"], L, 0),
        delta=t(
            "subsidies.kpi.subsidy_split",
            federal=fmt.number(summary["subsidy_federal_mln_rub"], L, 0),
            regional=fmt.number(summary["subsidy_regional_mln_rub"], L, 0),
        ),
        delta_color="off",
        delta_arrow="off",
        help=t("subsidies.kpi.subsidy_help"),
    )
    k2.metric(
        t("subsidies.kpi.npv_uplift"),
        fmt.number(summary["npv_uplift_mln_rub"], L, 0),
        help=t("subsidies.kpi.npv_uplift_help"),
    )
    k3.metric(t("subsidies.kpi.leverage"), fmt.number(summary["leverage"], L, 2), help=t("subsidies.kpi.leverage_help"))
    k4.metric(
        t("subsidies.kpi.effectiveness"),
        subsidy_tables.metric_text("budget_effectiveness", summary["budget_effectiveness"], L),
        delta=t("subsidies.kpi.gross", value=fmt.money_mln(summary["pv_taxes_gross_mln_rub"], L, 0)),
        delta_color="off",
        delta_arrow="off",
        help=t("subsidies.kpi.effectiveness_help"),
    )
    k5.metric(
        t("subsidies.kpi.break_even"),
        subsidy_tables.metric_text("break_even_year", summary["break_even_year"], L),
        help=t("subsidies.kpi.break_even_help"),
    )
    k6.metric(t("subsidies.kpi.jobs"), fmt.number(summary["jobs_per_mln_rub"], L, 2), help=t("subsidies.kpi.jobs_help"))
    st.markdown(
        t(
            "subsidies.levels",
            **{
                k: subsidy_tables.metric_text("budget_effectiveness", summary[f"budget_effectiveness{s}"], L)
                for k, s in (("federal", "_federal"), ("regional", "_regional"), ("total", ""))
            },
        )
    )
    st.caption(subsidy_tables.assumption_text(view.assumption, L))


def status(results: sv.ScenarioResults) -> None:
    """How the portfolio was chosen and how good the choice is."""
    L, summary = lang(), results.summary
    n_total, n_eligible = int(summary["n_projects"]), int(summary["n_eligible"])
    if results.budget_mln_rub is None:
        st.markdown(t("subsidies.portfolio_all", n=fmt.integer(n_eligible, L), total=fmt.integer(n_total, L)))
    else:
        st.markdown(
            t(
                "subsidies.portfolio_budget",
                budget=fmt.money_mln(results.budget_mln_rub, L, 0),
                n=fmt.integer(summary["n_selected"], L),
                eligible=fmt.integer(n_eligible, L),
                total=fmt.integer(n_total, L),
                dropped=fmt.integer(results.n_dropped, L),
                objective=t(f"subsidies.objective.{results.objective}"),
            )
        )
        if results.method == "greedy":
            st.warning(t("subsidies.greedy"), icon=":material/warning:")
        elif not results.optimal:
            st.warning(
                t("subsidies.not_optimal", gap=fmt.percent(results.gap, L, 2), n=fmt.integer(results.candidates, L)),
                icon=":material/warning:",
            )
        else:
            st.caption(t("subsidies.optimal"))
    if n_eligible == 0:
        st.warning(t("subsidies.none_eligible"), icon=":material/block:")


def _chart(name: str, key: str, build, *args) -> None:
    st.plotly_chart(figure(build, *args), theme=None, config=charts.plotly_config(name), key=key)


def figures(view: sv.SubsidiesView, sensitivity: str) -> None:
    """Projects, budget balance, NPV, tornado, spending against the budget and the budget sweep."""
    L, results = lang(), view.results
    scenario, rows = results.scenario, results.projects_chart
    rate = fmt.percent(scenario.discount_rate, L, 1)
    row1, row2 = st.columns(2, gap="medium"), st.columns(2, gap="medium")
    with row1[0]:
        st.subheader(t("subsidies.chart.projects"), anchor=False)
        if len(rows):
            _chart("subsidy-by-project", "sub_projects_chart", sc.project_bars, rows, L)
        st.caption(
            t(
                "subsidies.chart.projects_caption",
                n=fmt.integer(len(rows), L),
                total=fmt.integer(results.summary["n_selected"], L),
            )
        )
    with row1[1]:
        st.subheader(t("subsidies.chart.balance"), anchor=False)
        _chart("budget-break-even", "sub_balance_chart", sc.balance_chart, results.balance, results.break_even_year, L)
        st.caption(t("subsidies.chart.balance_caption", rate=rate))
    with row2[0]:
        st.subheader(t("subsidies.chart.npv"), anchor=False)
        if len(rows):
            _chart("npv-with-without", "sub_npv_chart", sc.npv_chart, rows, L)
        st.caption(t("subsidies.chart.npv_caption", rate=rate))
    with row2[1]:
        st.subheader(t("subsidies.chart.tornado"), anchor=False)
        if view.tornado is not None:
            _chart(
                "sensitivity-tornado",
                "sub_tornado_chart",
                sc.tornado_chart,
                view.tornado,
                sensitivity,
                L,
                scenario.regime.max_share,
            )
            st.caption(t("subsidies.chart.tornado_caption", delta=fmt.percent(sv.TORNADO_DELTA, L, 0)))
        else:
            st.caption(t("subsidies.tornado.toggle", n=fmt.integer(results.summary["n_selected"], L)))
    st.subheader(t("subsidies.chart.budget"), anchor=False)
    b1, b2 = st.columns(2, gap="medium")
    with b1:
        _chart("portfolio-within-budget", "sub_budget_chart", sc.budget_fit, results.spend, results.budget_mln_rub, L)
        if results.budget_mln_rub is None:
            st.caption(t("subsidies.no_budget"))
    with b2:
        st.markdown("**" + t("subsidies.sweep.title") + "**")
        if view.sweep is None:
            st.caption(t("subsidies.sweep.help"))
        else:
            st.dataframe(
                tables.styled(
                    subsidy_tables.sweep_table(view.sweep.summary, results.objective, L),
                    L,
                    subsidy_tables.sweep_formats(results.objective, L),
                ),
                hide_index=True,
                width="stretch",
                column_config=subsidy_tables.sweep_columns(results.objective, L),
            )
    if view.sweep is not None and len(view.sweep.membership):
        sweep = view.sweep
        _chart("budget-sweep", "sub_sweep_chart", sc.sweep_heatmap, sweep.membership, sweep.budgets, sweep.current, L)
        st.caption(
            t(
                "subsidies.sweep.caption",
                always=fmt.integer(sweep.always, L),
                never=fmt.integer(sweep.never, L),
                hidden=fmt.integer(sweep.hidden, L),
            )
        )


def project_table(view: sv.SubsidiesView, cluster_names: dict) -> None:
    """Every project with its reason, money and taxes; the scenario as an Excel file."""
    L, results = lang(), view.results
    st.subheader(t("subsidies.table"), anchor=False)
    st.dataframe(
        tables.styled(
            subsidy_tables.projects_table(results.table, L, cluster_names), L, subsidy_tables.projects_formats(L)
        ),
        hide_index=True,
        height=360,
        column_config=subsidy_tables.projects_columns(L),
    )
    assumption = subsidy_tables.assumption_text(view.assumption, L)
    ctx = exports.context(exports.PROJECT_TABLES)
    st.download_button(
        t("subsidies.download_scenario"),
        lambda: exports.xlsx_file(subsidy_downloads.scenario_workbook(results, L, cluster_names, assumption), ctx),
        "subsidy-scenario.xlsx",
        mime=XLSX,
        on_click="ignore",
        icon=":material/download:",
        key="sub_download_scenario",
    )
    st.caption(t("subsidies.link_hint"))


def comparison(view: sv.SubsidiesView, items: tuple) -> None:
    """The scenarios side by side: table, bars, Excel."""
    L = lang()
    if view.comparison is None:
        st.info(t("subsidies.compare_empty"))
        return
    compared = view.comparison
    t1, t2 = st.columns([1.4, 1], gap="medium")
    t1.dataframe(
        subsidy_tables.comparison_table(compared, L),
        hide_index=True,
        height=35 * (len(compared) + 1) + 3,
        width="stretch",
    )
    with t2:
        _chart("scenario-comparison", "sub_compare_chart", sc.comparison_bars, compared, L)
        ctx = exports.context(exports.PROJECT_TABLES)
        st.download_button(
            t("subsidies.download_compare"),
            lambda: exports.xlsx_file(subsidy_downloads.comparison_workbook(compared, items, L), ctx),
            "subsidy-scenarios.xlsx",
            mime=XLSX,
            on_click="ignore",
            icon=":material/download:",
            key="sub_download_compare",
        )


def national() -> None:
    """National context from the source article of 29.11.2018 and later registry counts."""
    L, context = lang(), rules.NATIONAL_CONTEXT
    st.header(t("subsidies.national"), anchor=False)
    n1, n2, n3, n4 = st.columns(4)
    n1.metric(t("subsidies.national.clusters"), fmt.integer(context["registered_clusters_2018"].value, L))
    for column, key, label in (
        (n2, "supported_enterprises_2018", "enterprises"),
        (n3, "supported_joint_projects_2018", "projects"),
    ):
        column.metric(
            t(f"subsidies.national.{label}"), t("subsidies.national.more", value=fmt.integer(context[key].value, L))
        )
    n4.metric(
        t("subsidies.national.value"),
        t("subsidies.national.more", value=fmt.money_bn(context["supported_projects_value_mln_rub_2018"].value, L)),
    )
    st.caption(
        t(
            "subsidies.national.source",
            later_2022=fmt.integer(context["registered_clusters_2022"].value, L),
            later_2024=fmt.integer(context["registered_clusters_2024"].value, L),
        )
    )


def programme() -> None:
    """The Decree No. 41 programme as published: totals and named projects, each with its source."""
    L, programme = lang(), cached(public_data.programme_context)
    st.subheader(t("public.programme_title"), anchor=False)
    source_link = {t("col.source"): st.column_config.LinkColumn(display_text="↗")}
    st.dataframe(
        tables.programme_totals(programme.totals, L), hide_index=True, column_config=source_link, key="programme_totals"
    )
    with st.expander(t("public.programme_projects", n=fmt.integer(len(programme.projects), L))):
        st.dataframe(
            tables.programme_projects(programme.projects, L),
            hide_index=True,
            column_config=source_link,
            key="programme_projects",
        )
    st.caption(t("public.programme_caption"))
