"""Presentation mode in AppTest: ?present=1 opens the deck, the buttons walk every slide."""
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from analytics.services import storyline
from ui.core.i18n import CATALOG

APP = str(Path(__file__).resolve().parent.parent / "app.py")


@pytest.fixture()
def deck_app(demo_db, monkeypatch):
    monkeypatch.setenv("NAVIGATOR_DB", demo_db)
    st.cache_data.clear()
    st.cache_resource.clear()
    yield
    st.cache_resource.clear()


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_present_flag_opens_the_deck_and_buttons_walk_it(deck_app, lang):
    at = AppTest.from_file(APP, default_timeout=90)
    at.query_params["present"] = "1"
    at.query_params["lang"] = lang
    at.run()
    assert not at.exception
    code = lang
    titles = [at.title[0].value]
    while not at.button(key="slide-next").disabled:
        at.button(key="slide-next").click().run()
        assert not at.exception
        titles.append(at.title[0].value)
    expected = [k for k in storyline.SLIDE_ORDER if k in storyline.BUILDERS]
    assert len(titles) == len(expected) >= 3
    assert len(set(titles)) == len(titles)
    assert titles[-1] == CATALOG[code]["slide.next_steps.title"]
    assert CATALOG[code]["present.counter"].format(n=len(titles), total=len(titles)) in [m.value for m in at.markdown]
    at.button(key="slide-prev").click().run()
    assert at.title[0].value == titles[-2]


def test_slide_number_in_the_link_opens_that_slide(deck_app):
    at = AppTest.from_file(APP, default_timeout=90)
    at.query_params["present"] = "1"
    at.query_params["slide"] = "2"
    at.run()
    assert at.title[0].value.startswith("Портфель отраслей")


def test_exit_returns_to_the_app(deck_app):
    at = AppTest.from_file(APP, default_timeout=90)
    at.query_params["present"] = "1"
    at.run()
    at.button(key="slide-exit").click().run()
    assert not at.exception
    assert at.title[0].value == CATALOG["ru"]["present.setup"]


def _slide(at: AppTest, slide_id: str) -> str:
    """Go to the slide ``slide_id`` by the buttons and return its title."""
    wanted = [k for k in storyline.SLIDE_ORDER if k in storyline.BUILDERS].index(slide_id)
    for _ in range(wanted):
        at.button(key="slide-next").click().run()
        assert not at.exception
    return at.title[0].value


def test_a_prepared_link_opens_the_chosen_cluster_and_scenario(deck_app):
    at = AppTest.from_file(APP, default_timeout=90)
    for key, value in {"present": "1", "cluster": "automotive", "regime": "joint_2016", "fed": "0.25"}.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception
    assert _slide(at, "network").startswith("Автомобилестроение")
    order = [k for k in storyline.SLIDE_ORDER if k in storyline.BUILDERS]
    for _ in range(order.index("subsidy") - order.index("network")):
        at.button(key="slide-next").click().run()
    assert at.title[0].value == CATALOG["ru"]["slide.subsidy.title"].format(share="25%")


def test_a_bad_scenario_in_the_link_is_said_and_the_default_shown(deck_app):
    at = AppTest.from_file(APP, default_timeout=90)
    for key, value in {"present": "1", "fed": "0.9"}.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception
    assert any("fed" in w.body for w in at.warning)
    assert _slide(at, "subsidy") == CATALOG["ru"]["slide.subsidy.title"].format(share="50%")


def test_setup_page_builds_the_link_from_the_choices(deck_app):
    at = AppTest.from_file(APP, default_timeout=90).run()
    at.switch_page("app_pages/present.py").run()
    at.selectbox(key="deck_cluster").set_value("rail").run()
    assert not at.exception
    link = at.code[0].value
    assert "present=1" in link and "cluster=rail" in link and "region=40" in link


@pytest.mark.parametrize("raw", ["²", "٣", "1e3", "-2", "99999999999999999999", "[x](http://e)"])
def test_a_slide_number_that_is_not_plain_digits_opens_the_first_slide(deck_app, raw):
    at = AppTest.from_file(APP, default_timeout=90)
    at.query_params["present"] = "1"
    at.query_params["slide"] = raw
    at.run()
    assert not at.exception
    assert at.title[0].value.startswith("Калужская область: промышленность")  # slide 1, "{region}: …"


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_slide_6_shows_attributed_taxes_with_gross_beside_and_the_assumption(demo_db, lang):
    from analytics import store
    from analytics.models import subsidy
    from ui.charts import slides
    from ui.core import fmt

    con = store.connect(demo_db, read_only=True)
    scenario = subsidy.Scenario(regime=subsidy.BUILTIN_REGIMES["joint_2016"], assume_registered=True,
                                additionality=0.25)
    slide = storyline.subsidy_effect(con, storyline.DeckSettings(), scenario)
    table = subsidy.evaluate(subsidy.load_projects(con), scenario)
    con.close()
    eligible = table[table["eligible"]]
    attributed = eligible["pv_taxes_additional_mln_rub"].sum() / eligible["pv_subsidy_mln_rub"].sum()
    gross = eligible["pv_taxes_gross_mln_rub"].sum() / eligible["pv_subsidy_mln_rub"].sum()
    assert attributed < gross  # the old headline counted every tax
    shown = slides.view(slide, lang, region_name="Калуга", cluster_names={}).message
    assert fmt.number(attributed, lang, 2) in shown
    assert fmt.money_mln(eligible["pv_taxes_gross_mln_rub"].sum(), lang, 0) in shown
    assert fmt.percent(0.25, lang, 0) in shown  # the assumption, in one sentence
    assert "вернётся" not in shown and "return" not in shown


def test_the_next_steps_slide_and_the_workbook_carry_the_eci_pci_note(demo_db, tmp_path):
    import io
    import shutil

    import openpyxl

    from analytics import store
    from ui.charts import slides
    from ui.downloads import briefing
    copy = tmp_path / "d.duckdb"
    shutil.copyfile(demo_db, copy)
    con = store.connect(copy, read_only=True)
    try:
        slide = storyline.next_steps(con, storyline.DeckSettings())
        assert [n.code for n in slide.numbers["plausibility"]] == ["few_sectors", "single_section"]
        for lang in ("ru", "en"):
            view = slides.view(slide, lang, region_name="X", cluster_names={}, screen=1080)
            # the slide says it in one short sentence; the page and the workbook carry the full notes
            assert CATALOG[lang]["slide.next_steps.complexity_note"].format(sectors=24) in view.message
        book = openpyxl.load_workbook(io.BytesIO(briefing.workbook_bytes(con, storyline.DeckSettings(), "en")))
        sheet = book[CATALOG["en"]["sheet.opportunities"]]
        header = [c.value for c in sheet[1]]
        note = sheet.cell(row=2, column=header.index(CATALOG["en"]["col.pci_note"]) + 1).value
        assert note.startswith("Treat ECI and PCI with care: they are computed over only 24 sectors")
    finally:
        con.close()


def test_slide_6_says_why_when_no_project_is_eligible(demo_db):
    from analytics import store
    from analytics.models import subsidy
    from ui.charts import slides

    con = store.connect(demo_db, read_only=True)
    regime = subsidy.BUILTIN_REGIMES["joint_2016"].replace(min_participants=100)  # no project has 100
    slide = storyline.subsidy_effect(con, storyline.DeckSettings(), subsidy.Scenario(regime=regime))
    con.close()
    assert slide.numbers["projects"] == 0
    for lang in ("ru", "en"):
        assert slides.view(slide, lang, region_name="X", cluster_names={}).message == \
            CATALOG[lang]["slide.subsidy.message_none"]
