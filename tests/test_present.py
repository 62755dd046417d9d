"""Presentation mode in AppTest: ?present=1 opens the deck, the buttons walk every slide."""
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from analytics import storyline
from ui.i18n import CATALOG

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
