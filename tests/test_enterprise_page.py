"""The Enterprise page in AppTest: a profile URL in both languages, an unknown INN, search by INN
prefix and by a Russian name."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from ui.core.i18n import CATALOG

APP = str(Path(__file__).resolve().parent.parent / "app.py")
PAGE = "app_pages/enterprise.py"
INN = "4099100016"  # ООО «Калужский штамповочный завод» (демо), a demo automotive supplier


@pytest.fixture()
def app(app_db):

    def make(**params: str) -> AppTest:
        at = AppTest.from_file(APP, default_timeout=60)
        for key, value in params.items():
            at.query_params[key] = value
        at.run()
        at.switch_page(PAGE)
        at.run()
        assert not at.exception, [e.value for e in at.exception]
        return at

    return make


def _texts(at: AppTest) -> str:
    parts = [e.value for e in at.title] + [e.value for e in at.header] + [e.value for e in at.subheader]
    parts += [e.value for e in at.markdown] + [e.value for e in at.caption]
    parts += [e.body for e in at.info] + [e.body for e in at.warning]
    return "\n".join(str(p) for p in parts)


@pytest.mark.parametrize(
    "lang, name, other",
    [
        ("ru", "ООО «Калужский штамповочный завод» (демо)", "en"),
        ("en", "Kaluga Stamping Plant LLC (demo)", "ru"),
    ],
)
def test_profile_url_opens_the_profile(app, lang, name, other):
    at = app(inn=INN, lang=lang)
    assert at.header[0].value.replace("\\", "") == name
    text = _texts(at)
    for key in (
        "enterprise.identity",
        "enterprise.network",
        "enterprise.years",
        "enterprise.projects",
        "enterprise.registry",
    ):
        assert CATALOG[lang][key] in text
        assert CATALOG[other][key] not in text
    assert f"inn={INN}&lang={lang}" in text
    assert len(at.get("plotly_chart")) == 1
    frames = [d.value for d in at.dataframe]
    years = next(f for f in frames if CATALOG[lang]["col.ent.year"] in f.columns)
    assert "2023" in years[CATALOG[lang]["col.ent.year"]].tolist()
    projects = next(f for f in frames if CATALOG[lang]["col.ent.project"] in f.columns)
    assert len(projects) >= 1


def test_unknown_inn_shows_a_message(app):
    at = app(inn="1234567890")
    assert [w.body for w in at.warning if "1234567890" in w.body] == [
        CATALOG["ru"]["enterprise.unknown"].format(inn="1234567890")
    ]
    assert not at.header


def test_malformed_inn_shows_a_message(app):
    at = app(inn="12ab", lang="en")
    assert any(w.body == CATALOG["en"]["enterprise.invalid"].format(inn="12ab") for w in at.warning)
    at = app(inn="[x](javascript:alert(1))")  # a crafted link stays inert text
    [warning] = [w for w in at.warning if "javascript" in w.body]
    assert "](" not in warning.body and warning.body.startswith("«\\[x\\]\\(javascript")


def test_search_by_inn_prefix_then_open(app):
    at = app()
    at.text_input(key="ent_search").input("40991000").run()
    table = at.dataframe[0].value
    assert len(table) >= 1 and table["ИНН"].str.startswith("40991000").all()
    at.selectbox(key="ent_choice").select(INN).run()
    at.button(key="ent_open").click().run()
    assert not at.exception
    assert at.query_params["inn"] in (INN, [INN])
    assert at.header[0].value.replace("\\", "") == "ООО «Калужский штамповочный завод» (демо)"


def test_search_by_russian_name_with_yo_folded(app):
    at = app()
    at.text_input(key="ent_search").input("КРЕПЕЖ").run()
    table = at.dataframe[0].value
    assert "4099100136" in table["ИНН"].tolist()  # ООО «Калужский крепёж» (демо)
    assert "ООО «Калужский крепёж» (демо)" in table["Название"].tolist()
