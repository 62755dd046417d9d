"""Presentation mode: the storyline as full-screen slides, built live from the current data."""

import streamlit as st

from analytics.models import subsidy
from analytics.services import provenance, sector_portfolio, storyline
from ui.charts import slides
from ui.core import urls
from ui.core.state import cached, current_region, lang, region_name, t
from ui.core.state import view as state_view
from ui.downloads import briefing
from ui.sections import present
from ui.sections.present import deck_link

if st.query_params.get(urls.PRESENT) != "1" and not st.session_state.get("presenting"):
    st.title(t("present.setup"))
    st.write(t("present.setup_help"))
    names = cached(sector_portfolio.cluster_names).get(lang(), {})
    pick_cluster, pick_scenario = st.columns(2)
    cluster_id = pick_cluster.selectbox(
        t("present.cluster"),
        [None, *sorted(names)],
        key="deck_cluster",
        format_func=lambda c: t("present.cluster_auto") if c is None else names[c],
    )
    saved = cached(subsidy.list_scenarios)
    scenario_name = pick_scenario.selectbox(
        t("present.scenario"),
        [None, *saved["name"]],
        key="deck_scenario",
        format_func=lambda n: t("present.scenario_default") if n is None else n,
    )
    scenario = cached(subsidy.load_scenario, scenario_name).to_query_params() if scenario_name else {}
    link = deck_link(current_region(), lang(), cluster_id, scenario)
    st.link_button(t("present.open"), link, type="primary")
    st.caption(t("present.link"))
    st.code(link, language=None)
    st.subheader(t("briefing.title"))
    setup = storyline.DeckSettings(
        region=current_region(), cluster_id=cluster_id, scenario=tuple(sorted(scenario.items()))
    )
    st.download_button(
        t("briefing.excel"),
        cached(briefing.workbook_bytes, setup, lang()),
        f"briefing-{current_region()}-{lang()}.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    if not briefing.chart_engine_available():
        st.info(t("briefing.no_chromium"))
    elif st.button(t("briefing.make_deck"), key="make-deck"):
        with st.spinner(t("briefing.making")):
            deck_file = cached(briefing.deck_bytes, setup, lang(), region_name(current_region()))
        st.download_button(
            t("briefing.deck"),
            deck_file,
            f"briefing-{current_region()}-{lang()}.pptx",
            mime="application/vnd.openxmlformats-officedocument.presentationml.presentation",
        )
    if briefing.chart_engine_available() and st.button(t("briefing.make_pdf"), key="make-deck-pdf"):
        with st.spinner(t("briefing.making")):
            pdf_file = cached(briefing.deck_pdf_bytes, setup, lang(), region_name(current_region()))
        st.download_button(
            t("briefing.pdf"),
            pdf_file,
            f"briefing-{current_region()}-{lang()}.pdf",
            mime="application/pdf",
            key="deck-pdf",
        )
    st.stop()

st.session_state["presenting"] = True
st.query_params[urls.PRESENT] = "1"
present.projector_chrome()
settings, bad = present.deck_settings(current_region(), st.query_params.to_dict())
if bad is not None:
    st.warning(t("present.bad_scenario", field=bad.field, value=str(bad.value)))
deck = cached(storyline.build, settings)
index = present.slide_index(len(deck))
names = cached(sector_portfolio.cluster_names).get(lang(), {})
view = state_view(
    slides.view, deck[index], lang(), region_name=region_name(current_region()), cluster_names=names, stretch=True
)

st.title(view.title)  # names from the data come escaped for Markdown (ui.charts.slides)
st.markdown(view.message.replace("\n", "  \n"))
if view.numbers:
    for column, (label, value) in zip(st.columns(len(view.numbers)), view.numbers):
        column.metric(label, value)
if view.figure is not None:  # stretched over the room the texts leave on the window (present.PROJECTOR_CSS)
    st.plotly_chart(view.figure, theme=None, config={"displayModeBar": False}, height="stretch", key="slide-chart")
if view.notes:
    with st.container(key="slide-notes"):
        st.markdown("  \n".join(view.notes))

back, counter, demo, leave, forward = st.columns([1, 2, 3, 1.2, 1], vertical_alignment="center")
back.button(
    t("present.prev"),
    key="slide-prev",
    on_click=present.move,
    args=(-1,),
    disabled=index == 0,
    use_container_width=True,
)
counter.markdown(t("present.counter", n=index + 1, total=len(deck)))
if cached(provenance.is_illustrative):
    demo.caption(t("present.demo_note"))
leave.button(t("present.exit"), key="slide-exit", on_click=present.leave, use_container_width=True)
forward.button(
    t("present.next"),
    key="slide-next",
    on_click=present.move,
    args=(1,),
    disabled=index == len(deck) - 1,
    use_container_width=True,
)
