"""Streamlit's own widget texts follow the UI language: every multiple choice says «Выберите…» in
Russian (Streamlit's default is the English "Choose options")."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from ui.core.i18n import t

APP = str(Path(__file__).resolve().parent.parent / "app.py")


@pytest.mark.parametrize("lang", ["ru", "en"])
@pytest.mark.parametrize("page", ["app_pages/subsidies.py", "app_pages/clusters.py"])
def test_every_multiselect_has_a_placeholder_in_the_ui_language(app_db, page, lang):
    at = AppTest.from_file(APP, default_timeout=120)
    at.session_state["lang"] = lang
    at.run()
    at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    boxes = list(at.multiselect)
    assert boxes, "the page has multiple choices"
    expected = t("widget.choose_many", lang)
    assert expected == ("Выберите один или несколько" if lang == "ru" else "Choose one or more")
    assert [m.proto.placeholder for m in boxes] == [expected] * len(boxes), [m.proto.label for m in boxes]
