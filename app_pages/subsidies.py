"""Subsidies: what-if support for joint cluster projects (Decree No. 41) — every scenario parameter one
slider away, the portfolio within the budget, scenarios side by side; the scenario lives in the URL."""
import streamlit as st

from analytics.data import export
from analytics.models import rules, subsidy
from analytics.models.subsidy import ParameterError
from analytics.services import public_data
from analytics.services import scenarios_view as sv
from ui import charts, fmt, tables
from ui import subsidy_charts as sc
from ui.state import cached, connection, lang, t

K = "sub_"  # prefix of this page's widget keys
L = lang()
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _inputs() -> dict:
    return {name: st.session_state[K + name] for name in sv.INPUT_FIELDS}


def _apply(inputs: dict, notices=()) -> None:
    for name, value in inputs.items():
        st.session_state[K + name] = value
    st.session_state["sub_notices"] = list(notices)


def _show(scenario: subsidy.Scenario, options: sv.PageOptions, cluster_ids: tuple) -> None:
    """Put a scenario and the page options into the widgets (before they are drawn)."""
    if scenario.regime.regime_id not in all_regimes:
        st.session_state["sub_extra_regimes"] = {scenario.regime.regime_id: scenario.regime}
    _apply(sv.inputs_from(scenario))
    st.session_state[K + "objective"] = options.objective
    st.session_state[K + "registry"] = list(cluster_ids if options.registry is None else options.registry)
    st.session_state[K + "sensitivity"] = options.sensitivity


def _on_regime(regimes: dict) -> None:
    inputs = _inputs()
    _apply(*sv.switch_regime(inputs, regimes[inputs["regime"]]))


def _on_limits() -> None:
    _apply(*sv.reconcile(_inputs()))


def _on_reset(cluster_ids: tuple) -> None:
    _show(subsidy.Scenario(), sv.PageOptions(), cluster_ids)


def _on_open(cluster_ids: tuple) -> None:
    name = st.session_state.get(K + "saved_pick")
    try:
        scenario = sv.parse_scenario(dict(sv.saved_key(connection(), name)))
    except (KeyError, ParameterError) as error:
        st.session_state["sub_url_error"] = error
        return
    current = sv.PageOptions(st.session_state[K + "objective"],
                             sv.registry_option(st.session_state[K + "registry"], cluster_ids),
                             st.session_state[K + "sensitivity"])
    _show(scenario, current, cluster_ids)


# --- the scenario on first view: from the link, else this session's last one, else the defaults -----
stored_regimes = cached(sv.regimes)
all_regimes = {**stored_regimes, **st.session_state.get("sub_extra_regimes", {})}
clusters = cached(sv.cluster_options)
cluster_ids = tuple(clusters["cluster_id"])
cluster_names = dict(zip(clusters["cluster_id"], clusters["name_en" if L == "en" else "name_ru"]))

if K + "regime" not in st.session_state:
    params = st.query_params.to_dict()
    start = st.session_state.get("sub_last") or (subsidy.Scenario(), sv.PageOptions())
    if sv.has_scenario(params) or any(k in params for k in sv.PAGE_KEYS):
        try:
            start = (sv.parse_scenario(params), sv.parse_page(params, cluster_ids))
        except ParameterError as error:
            st.session_state["sub_url_error"] = error
            start = (subsidy.Scenario(), sv.PageOptions())
    _show(*start, cluster_ids)
    all_regimes = {**stored_regimes, **st.session_state.get("sub_extra_regimes", {})}

st.title(t("subsidies.title"))
st.caption(t("subsidies.intro"))
url_error = st.session_state.pop("sub_url_error", None)
if url_error is not None:
    detail = sc.parameter_error(url_error, L) if isinstance(url_error, ParameterError) else str(url_error)
    st.error(t("subsidies.error.url", detail=detail), icon=":material/link_off:")
for notice in st.session_state.pop("sub_notices", []):
    st.info(t(f"subsidies.notice.{notice.code}", old=sc.param_text(notice.field, notice.old, L),
              new=sc.param_text(notice.field, notice.new, L)), icon=":material/info:")

main = st.container()

# --- controls, in the sidebar: they stay in view while the charts scroll ------------------------------
with st.sidebar:
    with st.container(border=True):
        st.subheader(t("subsidies.controls"), anchor=False)
        st.radio(t("subsidies.regime"), list(all_regimes), key=K + "regime", on_change=_on_regime,
                 args=(all_regimes,), help=t("subsidies.regime_help"),
                 format_func=lambda r: sc.escape_md(all_regimes[r].name_en if L == "en" else all_regimes[r].name_ru))
        limit = st.session_state[K + "r_share"]
        st.slider(t("subsidies.fed", limit=fmt.percent(limit, L, 0)), 0.0, float(limit), step=0.01,
                  format="percent", key=K + "fed", help=t("subsidies.fed_help", limit=fmt.percent(limit, L, 0)))
        low, high = sv.slider_range("top_up", st.session_state[K + "top_up"])
        st.slider(t("subsidies.top_up"), low, high, step=0.01, format="percent", key=K + "top_up",
                  help=t("subsidies.top_up_help"))
        st.plotly_chart(sc.support_level(st.session_state[K + "fed"], st.session_state[K + "top_up"], limit, L),
                        theme=None, config={**charts.plotly_config("support-level"), "displayModeBar": False},
                        key="sub_support_chart")
        st.caption(t("subsidies.support.caption"))
        legal_cap = st.session_state[K + "r_cap"]
        st.number_input(t("subsidies.cap"), min_value=0.0, max_value=legal_cap if legal_cap is not None else 1e7,
                        value=None, step=10.0, format="%.1f", key=K + "cap",
                        help=t("subsidies.cap_legal", cap=fmt.money_mln(legal_cap, L, 0),
                               basis=t(f"subsidies.basis.{st.session_state[K + 'r_basis']}"))
                        if legal_cap is not None else t("subsidies.cap_none"))
        st.segmented_control(t("subsidies.cap_basis"), subsidy.CAP_BASES, key=K + "cap_basis", required=True,
                             format_func=lambda b: t(f"subsidies.basis.{b}"))
        st.number_input(t("subsidies.budget"), min_value=0.0, max_value=1e7, value=None, step=50.0, format="%.0f",
                        key=K + "budget", help=t("subsidies.budget_help"))
        st.selectbox(t("subsidies.objective"), list(subsidy.OBJECTIVES), key=K + "objective",
                     format_func=lambda o: t(f"subsidies.objective.{o}"), help=t("subsidies.objective_help"))

    with st.container(border=True):
        st.subheader(t("subsidies.assumptions"), anchor=False)
        st.caption(t("subsidies.assumptions_note"))
        for name, step in (("rate", 0.005), ("tax", 0.005), ("margin", 0.01)):
            low, high = sv.slider_range(name, st.session_state[K + name])
            st.slider(t(f"subsidies.{name}"), low, high, step=step, format="percent", key=K + name,
                      help=t(f"subsidies.{name}_help"))
        low, high = sv.slider_range("horizon", st.session_state[K + "horizon"])
        st.slider(t("subsidies.horizon"), int(low), int(high), step=1, key=K + "horizon",
                  help=t("subsidies.horizon_help"))
        low, high = sv.slider_range("revenue", st.session_state[K + "revenue"])
        st.slider(t("subsidies.revenue"), low, high, step=0.05, format="percent", key=K + "revenue",
                  help=t("subsidies.revenue_help"))
        st.segmented_control(t("subsidies.taxes"), ("reported", "rate"), key=K + "taxes", required=True,
                             format_func=lambda v: t(f"subsidies.taxes.{v}"), help=t("subsidies.taxes_help"))
        st.number_input(t("subsidies.base_year"), min_value=2000, max_value=2100, value=None, step=1, format="%d",
                        key=K + "base_year", help=t("subsidies.base_year_help"))

    regime_now = all_regimes[st.session_state[K + "regime"]]
    with st.expander(t("subsidies.regime_editor"), icon=":material/gavel:"):
        st.caption(t("subsidies.regime_source", source=sc.regime_source(regime_now, L)))
        if regime_now.to_verify:
            st.info(t("subsidies.to_verify", fields=", ".join(
                t(f"subsidies.field.regime.{f}") for f in regime_now.to_verify)), icon=":material/help:")
        low, high = sv.slider_range("r_share", st.session_state[K + "r_share"])
        st.slider(t("subsidies.r_share"), low, high, step=0.01, format="percent", key=K + "r_share",
                  on_change=_on_limits)
        st.number_input(t("subsidies.r_cap"), min_value=0.0, max_value=1e7, value=None, step=10.0, format="%.1f",
                        key=K + "r_cap", on_change=_on_limits)
        st.segmented_control(t("subsidies.r_basis"), subsidy.CAP_BASES, key=K + "r_basis", required=True,
                             format_func=lambda b: t(f"subsidies.basis.{b}"))
        st.number_input(t("subsidies.r_minp"), min_value=1, max_value=100, step=1, key=K + "r_minp")
        st.multiselect(t("subsidies.r_cats"), subsidy.COST_CATEGORIES, key=K + "r_cats",
                       format_func=lambda c: t(f"subsidies.category.{c}"))
        st.multiselect(t("subsidies.r_stages"), subsidy.PROJECT_STAGES, key=K + "r_stages",
                       format_func=lambda s: t(f"subsidies.stage.{s}"))
        d1, d2 = st.columns(2)
        first, last = sc.date_bounds(st.session_state[K + "r_from"], st.session_state[K + "r_to"])
        d1.date_input(t("subsidies.r_from"), value=None, min_value=first, max_value=last, format="DD.MM.YYYY",
                      key=K + "r_from")
        d2.date_input(t("subsidies.r_to"), value=None, min_value=first, max_value=last, format="DD.MM.YYYY",
                      key=K + "r_to")
        st.checkbox(t("subsidies.r_supplier"), key=K + "r_supplier", help=t("subsidies.r_supplier_help"))
        st.multiselect(t("subsidies.registry"), list(cluster_ids), key=K + "registry",
                       format_func=lambda c: cluster_names.get(c, c), help=t("subsidies.registry_help"))
    st.button(t("subsidies.reset"), icon=":material/restart_alt:", on_click=_on_reset, args=(cluster_ids,),
              key=K + "reset")

# --- the scenario ----------------------------------------------------------------------------------
with main:
    kpi_box = st.container()
    status_box = st.container()
    row1 = st.columns(2, gap="medium")
    row2 = st.columns(2, gap="medium")
    with row2[1]:
        st.subheader(t("subsidies.chart.tornado"), anchor=False)
        st.selectbox(t("subsidies.sensitivity"), subsidy.TORNADO_METRICS, key=K + "sensitivity",
                     format_func=lambda m: t(f"subsidies.metric.{m}"))

try:
    scenario = sv.scenario_from(_inputs(), all_regimes)
    options = sv.PageOptions(st.session_state[K + "objective"],
                             sv.registry_option(st.session_state[K + "registry"], cluster_ids),
                             st.session_state[K + "sensitivity"])
except ParameterError as error:
    with main:
        st.error(sc.parameter_error(error, L), icon=":material/block:")
    st.stop()

to_set, to_drop = sv.url_update(st.query_params.to_dict(), scenario, options)
for key in to_drop:
    del st.query_params[key]
if to_set:
    st.query_params.update(to_set)
st.session_state["sub_last"] = (scenario, options)

if not cluster_ids:
    with main:
        st.info(t("subsidies.no_projects"))
    st.stop()

scenario_key = sv.scenario_key(scenario)
results = cached(sv.scenario_results, scenario_key, options.objective, options.registry)
summary = results.summary

with kpi_box:
    k1, k2, k3, k4, k5, k6 = st.columns(6)
    k1.metric(t("subsidies.kpi.subsidy"), fmt.number(summary["subsidy_mln_rub"], L, 0),
              delta=t("subsidies.kpi.subsidy_split", federal=fmt.number(summary["subsidy_federal_mln_rub"], L, 0),
                      regional=fmt.number(summary["subsidy_regional_mln_rub"], L, 0)),
              delta_color="off", delta_arrow="off", help=t("subsidies.kpi.subsidy_help"))
    k2.metric(t("subsidies.kpi.npv_uplift"), fmt.number(summary["npv_uplift_mln_rub"], L, 0),
              help=t("subsidies.kpi.npv_uplift_help"))
    k3.metric(t("subsidies.kpi.leverage"), fmt.number(summary["leverage"], L, 2),
              help=t("subsidies.kpi.leverage_help"))
    k4.metric(t("subsidies.kpi.effectiveness"), fmt.number(summary["budget_effectiveness"], L, 2),
              help=t("subsidies.kpi.effectiveness_help"))
    k5.metric(t("subsidies.kpi.break_even"), sc.metric_text("break_even_year", summary["break_even_year"], L),
              help=t("subsidies.kpi.break_even_help"))
    k6.metric(t("subsidies.kpi.jobs"), fmt.number(summary["jobs_per_mln_rub"], L, 2),
              help=t("subsidies.kpi.jobs_help"))

with status_box:
    n_total, n_eligible = int(summary["n_projects"]), int(summary["n_eligible"])
    if results.budget_mln_rub is None:
        st.markdown(t("subsidies.portfolio_all", n=fmt.integer(n_eligible, L), total=fmt.integer(n_total, L)))
    else:
        st.markdown(t("subsidies.portfolio_budget", budget=fmt.money_mln(results.budget_mln_rub, L, 0),
                      n=fmt.integer(summary["n_selected"], L), eligible=fmt.integer(n_eligible, L),
                      total=fmt.integer(n_total, L), dropped=fmt.integer(results.n_dropped, L),
                      objective=t(f"subsidies.objective.{results.objective}")))
        if results.method == "greedy":
            st.warning(t("subsidies.greedy"), icon=":material/warning:")
        elif not results.optimal:
            st.warning(t("subsidies.not_optimal", gap=fmt.percent(results.gap, L, 2),
                         n=fmt.integer(results.candidates, L)), icon=":material/warning:")
        else:
            st.caption(t("subsidies.optimal"))
    if n_eligible == 0:
        st.warning(t("subsidies.none_eligible"), icon=":material/block:")

chart_rows = results.projects_chart
with row1[0]:
    st.subheader(t("subsidies.chart.projects"), anchor=False)
    if len(chart_rows):
        st.plotly_chart(sc.project_bars(chart_rows, L), theme=None,
                        config=charts.plotly_config("subsidy-by-project"), key="sub_projects_chart")
    st.caption(t("subsidies.chart.projects_caption", n=fmt.integer(len(chart_rows), L),
                 total=fmt.integer(summary["n_selected"], L)))
with row1[1]:
    st.subheader(t("subsidies.chart.balance"), anchor=False)
    st.plotly_chart(sc.balance_chart(results.balance, results.break_even_year, L), theme=None,
                    config=charts.plotly_config("budget-break-even"), key="sub_balance_chart")
    st.caption(t("subsidies.chart.balance_caption", rate=fmt.percent(scenario.discount_rate, L, 1)))
with row2[0]:
    st.subheader(t("subsidies.chart.npv"), anchor=False)
    if len(chart_rows):
        st.plotly_chart(sc.npv_chart(chart_rows, L), theme=None, config=charts.plotly_config("npv-with-without"),
                        key="sub_npv_chart")
    st.caption(t("subsidies.chart.npv_caption", rate=fmt.percent(scenario.discount_rate, L, 1)))
with row2[1]:
    if summary["n_selected"] <= sv.TORNADO_AUTO_PROJECTS or st.toggle(
            t("subsidies.tornado.toggle", n=fmt.integer(summary["n_selected"], L)), key=K + "tornado"):
        tornado = cached(sv.tornado_view, scenario_key, sv.portfolio_ids(results), options.registry,
                         options.sensitivity)
        st.plotly_chart(sc.tornado_chart(tornado, options.sensitivity, L, scenario.regime.max_share), theme=None,
                        config=charts.plotly_config("sensitivity-tornado"), key="sub_tornado_chart")
    st.caption(t("subsidies.chart.tornado_caption", delta=fmt.percent(sv.TORNADO_DELTA, L, 0)))

with main:
    st.subheader(t("subsidies.chart.budget"), anchor=False)
    b1, b2 = st.columns(2, gap="medium")
    with b1:
        st.plotly_chart(sc.budget_fit(results.spend, results.budget_mln_rub, L), theme=None,
                        config=charts.plotly_config("portfolio-within-budget"), key="sub_budget_chart")
        if results.budget_mln_rub is None:
            st.caption(t("subsidies.no_budget"))
    with b2:
        st.markdown("**" + t("subsidies.sweep.title") + "**")
        sweep = None
        if (results.budget_mln_rub is not None and results.candidates <= sv.SWEEP_AUTO_CANDIDATES) or st.toggle(
                t("subsidies.sweep.toggle"), key=K + "sweep", help=t("subsidies.sweep.help")):
            sweep = cached(sv.sweep_view, scenario_key, options.objective, options.registry)
            st.dataframe(sc.sweep_table(sweep.summary, options.objective, L), hide_index=True, width="stretch",
                         column_config=sc.sweep_columns(options.objective, L))
        else:
            st.caption(t("subsidies.sweep.help"))
    if sweep is not None and len(sweep.membership):
        st.plotly_chart(sc.sweep_heatmap(sweep.membership, sweep.budgets, sweep.current, L), theme=None,
                        config=charts.plotly_config("budget-sweep"), key="sub_sweep_chart")
        st.caption(t("subsidies.sweep.caption", always=fmt.integer(sweep.always, L),
                     never=fmt.integer(sweep.never, L), hidden=fmt.integer(sweep.hidden, L)))

    st.subheader(t("subsidies.table"), anchor=False)
    shown = sc.projects_table(results.table, L, cluster_names)
    st.dataframe(shown, hide_index=True, height=360, column_config=sc.projects_columns(L))
    st.download_button(t("subsidies.download_scenario"), lambda: export.excel_bytes(
        sc.scenario_workbook(results, L, cluster_names)), "subsidy-scenario.xlsx", mime=XLSX,
        on_click="ignore", icon=":material/download:", key=K + "download_scenario")
    st.caption(t("subsidies.link_hint"))

# --- scenarios side by side ------------------------------------------------------------------------
st.divider()
st.header(t("subsidies.compare"), anchor=False)
saved = sv.saved_scenarios(connection())
mode = st.segmented_control(t("subsidies.compare_mode"), ("preset", "saved"), default="preset", required=True,
                            key=K + "cmp_mode", format_func=lambda m: t(f"subsidies.compare_mode.{m}"))
if mode == "preset":
    items = tuple((t("subsidies.compare_fed", share=fmt.percent(share, L, 0)), key)
                  for share, key in sv.preset_items(scenario))
else:
    picked = st.multiselect(t("subsidies.compare_pick"), ["__current__", *saved["name"]], default=["__current__"],
                            max_selections=subsidy.MAX_COMPARED, key=K + "cmp_saved",
                            format_func=lambda n: t("subsidies.compare_current") if n == "__current__" else n)
    found, broken = [], []
    for pick in picked:
        try:
            found.append((t("subsidies.compare_current") if pick == "__current__" else pick,
                          scenario_key if pick == "__current__" else sv.saved_key(connection(), pick)))
        except (KeyError, ParameterError):
            broken.append(pick)
    items = tuple(found)
    if broken:
        st.warning(t("subsidies.compare_broken", names=", ".join(sc.escape_md(b) for b in broken)))
if not items:
    st.info(t("subsidies.compare_empty"))
else:
    compared = cached(sv.comparison, items, options.objective, options.registry)
    t1, t2 = st.columns([1.4, 1], gap="medium")
    t1.dataframe(sc.comparison_table(compared, L), hide_index=True, height=35 * (len(compared) + 1) + 3,
                 width="stretch")
    with t2:
        st.plotly_chart(sc.comparison_bars(compared, L), theme=None,
                        config=charts.plotly_config("scenario-comparison"), key="sub_compare_chart")
        st.download_button(t("subsidies.download_compare"), lambda: export.excel_bytes(
            sc.comparison_workbook(compared, items, L)), "subsidy-scenarios.xlsx", mime=XLSX,
            on_click="ignore", icon=":material/download:", key=K + "download_compare")

s1, s2 = st.columns(2, gap="medium")
with s1.container(border=True):
    st.markdown("**" + t("subsidies.save") + "**")
    analyst = st.session_state.get("analyst")
    with st.form("sub_save_form", border=False):
        name = st.text_input(t("subsidies.save_name"), max_chars=100, key=K + "save_name")
        note = st.text_input(t("subsidies.save_note"), max_chars=300, key=K + "save_note")
        submitted = st.form_submit_button(t("subsidies.save_button"), disabled=not analyst, icon=":material/save:")
    if not analyst:
        st.info(t("subsidies.login_required"), icon=":material/lock:")
        st.page_link("app_pages/data.py", label=t("subsidies.login_link"), icon=":material/login:")
    elif submitted:
        try:
            subsidy.save_scenario(connection(), name, scenario, note=note or None, user_name=analyst)
            st.success(t("subsidies.saved", name=sc.escape_md(name.strip())))
            saved = sv.saved_scenarios(connection())
        except ParameterError as error:
            st.error(sc.parameter_error(error, L))
with s2.container(border=True):
    st.markdown("**" + t("subsidies.saved_title") + "**")
    if not len(saved):
        st.caption(t("subsidies.saved_none"))
    else:
        st.dataframe(sc.saved_table(saved, L), hide_index=True, height=min(250, 35 * (len(saved) + 1) + 3))
        st.selectbox(t("subsidies.saved_pick"), list(saved["name"]), key=K + "saved_pick")
        o1, o2 = st.columns(2)
        o1.button(t("subsidies.open"), on_click=_on_open, args=(cluster_ids,), key=K + "open",
                  icon=":material/open_in_browser:")
        if o2.button(t("subsidies.delete"), disabled=not st.session_state.get("analyst"), key=K + "delete",
                     icon=":material/delete:"):
            subsidy.delete_scenario(connection(), st.session_state[K + "saved_pick"])
            st.rerun()

# --- national context (the source article) ---------------------------------------------------------
st.divider()
st.header(t("subsidies.national"), anchor=False)
context = rules.NATIONAL_CONTEXT
n1, n2, n3, n4 = st.columns(4)
n1.metric(t("subsidies.national.clusters"), fmt.integer(context["registered_clusters_2018"].value, L))
n2.metric(t("subsidies.national.enterprises"),
          t("subsidies.national.more", value=fmt.integer(context["supported_enterprises_2018"].value, L)))
n3.metric(t("subsidies.national.projects"),
          t("subsidies.national.more", value=fmt.integer(context["supported_joint_projects_2018"].value, L)))
n4.metric(t("subsidies.national.value"),
          t("subsidies.national.more", value=fmt.money_bn(context["supported_projects_value_mln_rub_2018"].value, L)))
st.caption(t("subsidies.national.source", later_2022=fmt.integer(context["registered_clusters_2022"].value, L),
             later_2024=fmt.integer(context["registered_clusters_2024"].value, L)))

# --- Decree 41 programme as published (public facts, each with its source) ------------------------------
programme = cached(public_data.programme_context)
st.subheader(t("public.programme_title"), anchor=False)
source_link = {t("col.source"): st.column_config.LinkColumn(display_text="↗")}
st.dataframe(tables.programme_totals(programme.totals, L), hide_index=True, column_config=source_link,
             key="programme_totals")
with st.expander(t("public.programme_projects", n=fmt.integer(len(programme.projects), L))):
    st.dataframe(tables.programme_projects(programme.projects, L), hide_index=True, column_config=source_link,
                 key="programme_projects")
st.caption(t("public.programme_caption"))
