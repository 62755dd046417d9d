"""The Subsidies page's widgets: scenario controls in the sidebar, the comparison picker, saving.

Widget keys (``sub_*``) and the session state live here and nowhere else; the values go to
:mod:`analytics.services.scenarios_view`, which knows the URL keys. Every function draws in place.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import streamlit as st

from analytics.models import subsidy
from analytics.models.subsidy import ParameterError
from analytics.services import scenarios_view as sv
from ui.charts import common as charts
from ui.charts import subsidy as sc
from ui.core import fmt
from ui.core.escape import markdown as escape_md
from ui.core.state import connection, lang, t, write_and_publish
from ui.tables import subsidy as subsidy_tables

K = "sub_"  # prefix of this page's widget keys


def _inputs() -> dict:
    return {name: st.session_state[K + name] for name in sv.INPUT_FIELDS}


def _apply(inputs: dict, notices=()) -> None:
    for name, value in inputs.items():
        st.session_state[K + name] = value
    st.session_state["sub_notices"] = list(notices)


def _show(scenario: subsidy.Scenario, options: sv.PageOptions, passing: tuple, regimes: dict) -> None:
    """Put a scenario and the page options into the widgets (before they are drawn)."""
    if scenario.regime.regime_id not in regimes:
        st.session_state["sub_extra_regimes"] = {scenario.regime.regime_id: scenario.regime}
    _apply(sv.inputs_from(scenario))
    st.session_state[K + "objective"] = options.objective
    st.session_state[K + "registry"] = list(passing if options.registry is None else options.registry)
    st.session_state[K + "sensitivity"] = options.sensitivity
    st.session_state["sub_pinned"] = options.pinned


def _on_regime(regimes: dict) -> None:
    inputs = _inputs()
    _apply(*sv.switch_regime(inputs, regimes[inputs["regime"]]))


def _on_limits() -> None:
    _apply(*sv.reconcile(_inputs()))


def _on_reset(passing: tuple, regimes: dict) -> None:
    _show(subsidy.Scenario(), sv.PageOptions(pinned=st.session_state.get("sub_pinned", ())), passing, regimes)


def _on_open(cluster_ids: tuple, passing: tuple, regimes: dict) -> None:
    try:
        scenario = sv.parse_scenario(dict(sv.saved_key(connection(), st.session_state.get(K + "saved_pick"))))
    except (KeyError, ParameterError) as error:
        st.session_state["sub_url_error"] = error
        return
    _show(scenario, _options(cluster_ids, passing), passing, regimes)


def _options(cluster_ids: tuple, passing: tuple) -> sv.PageOptions:
    return sv.PageOptions(
        st.session_state[K + "objective"],
        sv.registry_option(st.session_state[K + "registry"], cluster_ids, passing),
        st.session_state[K + "sensitivity"],
        st.session_state.get("sub_pinned", ()),
    )


def regimes_now(stored: dict) -> dict:
    """The regimes to choose from: the stored ones plus a regime that came with a link."""
    return {**stored, **st.session_state.get("sub_extra_regimes", {})}


def first_view(stored_regimes: dict, cluster_ids: tuple, passing: tuple) -> None:
    """On first view: the scenario from the link, else this session's last one, else the defaults."""
    if K + "regime" in st.session_state:
        return
    params = st.query_params.to_dict()
    start = st.session_state.get("sub_last") or (subsidy.Scenario(), sv.PageOptions())
    if sv.has_scenario(params) or any(k in params for k in sv.PAGE_KEYS):
        try:
            start = (sv.parse_scenario(params), sv.parse_page(params, cluster_ids))
        except ParameterError as error:
            st.session_state["sub_url_error"] = error
            start = (subsidy.Scenario(), sv.PageOptions())
    _show(*start, passing, stored_regimes)


def messages() -> None:
    """A refused link and the values the page changed for the user, said out loud."""
    L = lang()
    url_error = st.session_state.pop("sub_url_error", None)
    if url_error is not None:
        detail = (
            subsidy_tables.parameter_error(url_error, L) if isinstance(url_error, ParameterError) else str(url_error)
        )
        st.error(t("subsidies.error.url", detail=detail), icon=":material/link_off:")
    for notice in st.session_state.pop("sub_notices", []):
        st.info(
            t(
                f"subsidies.notice.{notice.code}",
                old=subsidy_tables.param_text(notice.field, notice.old, L),
                new=subsidy_tables.param_text(notice.field, notice.new, L),
            ),
            icon=":material/info:",
        )


def _slider(name: str, step: float, percent: bool = True) -> None:
    low, high = sv.slider_range(name, st.session_state[K + name])
    if percent:
        st.slider(
            t(f"subsidies.{name}"),
            float(low),
            float(high),
            step=step,
            format="percent",
            key=K + name,
            help=t(f"subsidies.{name}_help"),
        )
    else:
        st.slider(
            t(f"subsidies.{name}"), int(low), int(high), step=int(step), key=K + name, help=t(f"subsidies.{name}_help")
        )


def _number(name: str, step: float, number_format: str, low: float = 0.0, high: float = 1e7, **widget: Any) -> None:
    """A number input for the scenario field ``name`` that may be left empty (``None``): label
    ``subsidies.<name>``, help ``subsidies.<name>_help`` unless ``widget`` gives ``help``; the other
    ``widget`` keywords (``on_change`` …) go to ``st.number_input`` as they are."""
    if "help" not in widget:
        widget["help"] = t(f"subsidies.{name}_help")
    st.number_input(
        t(f"subsidies.{name}"),
        min_value=low,
        max_value=high,
        value=None,
        step=step,
        format=number_format,
        key=K + name,
        **widget,
    )


def _cap_basis(name: str) -> None:
    """The choice of what a cap counts against (:data:`subsidy.CAP_BASES`) for the field ``name``."""
    st.segmented_control(
        t(f"subsidies.{name}"),
        subsidy.CAP_BASES,
        key=K + name,
        required=True,
        format_func=lambda b: t(f"subsidies.basis.{b}"),
    )


def controls(regimes: dict, cluster_ids: tuple, cluster_names: dict, passing: tuple) -> None:
    """The scenario's widgets in the sidebar: regime, shares, caps, budget, objective, assumptions, the
    regime editor and the registry."""
    L = lang()
    with st.sidebar.container(border=True):
        st.subheader(t("subsidies.controls"), anchor=False)
        st.radio(
            t("subsidies.regime"),
            list(regimes),
            key=K + "regime",
            on_change=_on_regime,
            args=(regimes,),
            help=t("subsidies.regime_help"),
            format_func=lambda r: escape_md(regimes[r].name_en if L == "en" else regimes[r].name_ru),
        )
        limit = st.session_state[K + "r_share"]
        st.slider(
            t("subsidies.fed", limit=fmt.percent(limit, L, 0)),
            0.0,
            float(limit),
            step=0.01,
            format="percent",
            key=K + "fed",
            help=t("subsidies.fed_help", limit=fmt.percent(limit, L, 0)),
        )
        _slider("top_up", 0.01)
        st.plotly_chart(
            sc.support_level(st.session_state[K + "fed"], st.session_state[K + "top_up"], limit, L),
            theme=None,
            config={**charts.plotly_config("support-level"), "displayModeBar": False},
            key="sub_support_chart",
        )
        st.caption(t("subsidies.support.caption"))
        legal_cap = st.session_state[K + "r_cap"]
        _number(
            "cap",
            10.0,
            "%.1f",
            high=legal_cap if legal_cap is not None else 1e7,
            help=t(
                "subsidies.cap_legal",
                cap=fmt.money_mln(legal_cap, L, 0),
                basis=t(f"subsidies.basis.{st.session_state[K + 'r_basis']}"),
            )
            if legal_cap is not None
            else t("subsidies.cap_none"),
        )
        _cap_basis("cap_basis")
        _number("budget", 50.0, "%.0f")
        st.selectbox(
            t("subsidies.objective"),
            list(subsidy.OBJECTIVES),
            key=K + "objective",
            format_func=lambda o: t(f"subsidies.objective.{o}"),
            help=t("subsidies.objective_help"),
        )
        st.toggle(t("subsidies.assume_reg"), key=K + "assume_reg", help=t("subsidies.assume_reg_help"))

    with st.sidebar.container(border=True):
        st.subheader(t("subsidies.assumptions"), anchor=False)
        st.caption(t("subsidies.assumptions_note"))
        _slider("add", 0.05)
        _slider("lag", 1, percent=False)
        _slider("rate", 0.005)
        _number("tax", 0.005, "%.3f", high=1.0)
        _slider("margin", 0.01)
        _slider("horizon", 1, percent=False)
        _slider("revenue", 0.05)
        st.segmented_control(
            t("subsidies.taxes"),
            ("reported", "rate"),
            key=K + "taxes",
            required=True,
            format_func=lambda v: t(f"subsidies.taxes.{v}"),
            help=t("subsidies.taxes_help"),
        )
        _number("base_year", 1, "%d", 2000, 2100)

    regime_now = regimes[st.session_state[K + "regime"]]
    with st.sidebar.expander(t("subsidies.regime_editor"), icon=":material/gavel:"):
        st.caption(t("subsidies.regime_source", source=subsidy_tables.regime_source(regime_now, L)))
        if regime_now.to_verify:
            st.info(
                t(
                    "subsidies.to_verify",
                    fields=", ".join(t(f"subsidies.field.regime.{f}") for f in regime_now.to_verify),
                ),
                icon=":material/help:",
            )
        low, high = sv.slider_range("r_share", st.session_state[K + "r_share"])
        st.slider(
            t("subsidies.r_share"), low, high, step=0.01, format="percent", key=K + "r_share", on_change=_on_limits
        )
        _number("r_cap", 10.0, "%.1f", help=None, on_change=_on_limits)
        _cap_basis("r_basis")
        st.number_input(t("subsidies.r_minp"), min_value=1, max_value=100, step=1, key=K + "r_minp")
        st.multiselect(
            t("subsidies.r_cats"),
            subsidy.COST_CATEGORIES,
            placeholder=t("widget.choose_many"),
            key=K + "r_cats",
            format_func=lambda c: t(f"subsidies.category.{c}"),
        )
        st.multiselect(
            t("subsidies.r_stages"),
            subsidy.PROJECT_STAGES,
            placeholder=t("widget.choose_many"),
            key=K + "r_stages",
            format_func=lambda s: t(f"subsidies.stage.{s}"),
        )
        d1, d2 = st.columns(2)
        first, last = date_bounds(st.session_state[K + "r_from"], st.session_state[K + "r_to"])
        d1.date_input(
            t("subsidies.r_from"), value=None, min_value=first, max_value=last, format="DD.MM.YYYY", key=K + "r_from"
        )
        d2.date_input(
            t("subsidies.r_to"), value=None, min_value=first, max_value=last, format="DD.MM.YYYY", key=K + "r_to"
        )
        st.checkbox(t("subsidies.r_supplier"), key=K + "r_supplier", help=t("subsidies.r_supplier_help"))
        st.multiselect(
            t("subsidies.registry"),
            list(cluster_ids),
            placeholder=t("widget.choose_many"),
            key=K + "registry",
            format_func=lambda c: cluster_names.get(c, c),
            help=t("subsidies.registry_help"),
        )
    st.sidebar.button(
        t("subsidies.reset"),
        icon=":material/restart_alt:",
        on_click=_on_reset,
        args=(passing, regimes),
        key=K + "reset",
    )


def analysis_switches() -> tuple[str, bool, bool]:
    """The tornado's metric and the on-request switches for a large portfolio's tornado and sweep."""
    with st.sidebar.expander(t("subsidies.chart.tornado"), icon=":material/tune:"):
        sensitivity = st.selectbox(
            t("subsidies.sensitivity"),
            subsidy.TORNADO_METRICS,
            key=K + "sensitivity",
            format_func=lambda m: t(f"subsidies.metric.{m}"),
        )
        tornado = st.toggle(t("subsidies.tornado.toggle_any"), key=K + "tornado")
        sweep = st.toggle(t("subsidies.sweep.toggle"), key=K + "sweep", help=t("subsidies.sweep.help"))
    return sensitivity, tornado, sweep


def scenario_and_options(regimes: dict, cluster_ids: tuple, passing: tuple) -> tuple[subsidy.Scenario, sv.PageOptions]:
    """The scenario and page options the widgets describe (:class:`ParameterError` when refused); the
    URL is brought in line and the pair remembered for this session."""
    scenario = sv.scenario_from(_inputs(), regimes)
    options = _options(cluster_ids, passing)
    to_set, to_drop = sv.url_update(st.query_params.to_dict(), scenario, options)
    for key in to_drop:
        del st.query_params[key]
    if to_set:
        st.query_params.update(to_set)
    st.session_state["sub_last"] = (scenario, options)
    return scenario, options


def _pin(scenario: subsidy.Scenario, options: sv.PageOptions) -> None:
    st.session_state["sub_pinned"] = sv.pin(options, scenario).pinned


def _unpin(options: sv.PageOptions, index: int) -> None:
    st.session_state["sub_pinned"] = sv.unpin(options, index).pinned


def comparison_items(scenario: subsidy.Scenario, options: sv.PageOptions, saved: Any) -> tuple:
    """The comparison picker: preset federal shares, pinned scenarios (session + URL, no login) or saved
    ones; returns (label, scenario key) items."""
    L = lang()
    mode = st.segmented_control(
        t("subsidies.compare_mode"),
        ("preset", "pinned", "saved"),
        default="preset",
        required=True,
        key=K + "cmp_mode",
        format_func=lambda m: t(f"subsidies.compare_mode.{m}"),
    )
    if mode == "preset":
        return tuple(
            (t("subsidies.compare_fed", share=fmt.percent(share, L, 0)), key)
            for share, key in sv.preset_items(scenario)
        )
    if mode == "pinned":
        st.button(
            t("subsidies.pin"),
            on_click=_pin,
            args=(scenario, options),
            key=K + "pin",
            icon=":material/push_pin:",
            help=t("subsidies.pin_help"),
        )
        labels = [t("subsidies.pinned_label", n=i + 1) for i in range(len(options.pinned))]
        for i, column in enumerate(st.columns(max(1, len(options.pinned)))):
            if i < len(options.pinned):
                column.button(t("subsidies.unpin", n=i + 1), on_click=_unpin, args=(options, i), key=f"{K}unpin{i}")
        if not options.pinned:
            st.caption(t("subsidies.pinned_none"))
        return tuple(zip(labels, options.pinned))
    picked = st.multiselect(
        t("subsidies.compare_pick"),
        ["__current__", *saved["name"]],
        placeholder=t("widget.choose_many"),
        default=["__current__"],
        max_selections=subsidy.MAX_COMPARED,
        key=K + "cmp_saved",
        format_func=lambda n: t("subsidies.compare_current") if n == "__current__" else n,
    )
    found, broken = [], []
    for pick in picked:
        try:
            found.append(
                (
                    t("subsidies.compare_current") if pick == "__current__" else pick,
                    sv.scenario_key(scenario) if pick == "__current__" else sv.saved_key(connection(), pick),
                )
            )
        except (KeyError, ParameterError):
            broken.append(pick)
    if broken:
        st.warning(t("subsidies.compare_broken", names=", ".join(escape_md(b) for b in broken)))
    return tuple(found)


def saving(scenario: subsidy.Scenario, saved: Any, cluster_ids: tuple, passing: tuple, regimes: dict) -> None:
    """Save the current scenario (analysts only, after login) and open or delete saved ones."""
    L = lang()
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
                write_and_publish(subsidy.save_scenario, name, scenario, note=note or None, user_name=analyst)
                st.success(t("subsidies.saved", name=escape_md(name.strip())))
                saved = sv.saved_scenarios(connection())
            except ParameterError as error:
                st.error(subsidy_tables.parameter_error(error, L))
    with s2.container(border=True):
        st.markdown("**" + t("subsidies.saved_title") + "**")
        if not len(saved):
            st.caption(t("subsidies.saved_none"))
            return
        st.dataframe(subsidy_tables.saved_table(saved, L), hide_index=True, height=min(250, 35 * (len(saved) + 1) + 3))
        st.selectbox(t("subsidies.saved_pick"), list(saved["name"]), key=K + "saved_pick")
        o1, o2 = st.columns(2)
        o1.button(
            t("subsidies.open"),
            on_click=_on_open,
            args=(cluster_ids, passing, regimes),
            key=K + "open",
            icon=":material/open_in_browser:",
        )
        if o2.button(
            t("subsidies.delete"),
            disabled=not st.session_state.get("analyst"),
            key=K + "delete",
            icon=":material/delete:",
        ):
            write_and_publish(subsidy.delete_scenario, st.session_state[K + "saved_pick"])
            st.rerun()


FIRST_DATE = date(2000, 1, 1)


LAST_DATE = date(2100, 12, 31)


def date_bounds(*values: date | None) -> tuple[date, date]:
    """The date inputs' range: :data:`FIRST_DATE` … :data:`LAST_DATE`, widened to hold ``values``."""
    given = [v for v in values if v is not None]
    return min([FIRST_DATE, *given]), max([LAST_DATE, *given])


#: Project table: library column → catalog key of its header (in this order).
