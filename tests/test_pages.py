"""Every page renders in AppTest, in Russian and in English, on the demo store."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from ui.core.i18n import CATALOG

APP = str(Path(__file__).resolve().parent.parent / "app.py")

PAGES = [
    "app_pages/home.py",
    "app_pages/sectors.py",
    "app_pages/methodology.py",
    "app_pages/present.py",
    "app_pages/about_data.py",
    "app_pages/data.py",
    "app_pages/clusters.py",
    "app_pages/subsidies.py",
    "app_pages/enterprise.py",
]


@pytest.fixture()
def app(app_db):

    def make(page: str | None = None, lang: str | None = None, **params: str) -> AppTest:
        at = AppTest.from_file(APP, default_timeout=60)
        if lang:
            at.query_params["lang"] = lang
        for key, value in params.items():
            at.query_params[key] = value
        at.run()
        if page and page != PAGES[0]:  # the home page is the default one
            at.switch_page(page)
            at.run()
        assert not at.exception, [e.value for e in at.exception]
        return at

    return make


def _texts(at: AppTest) -> str:
    parts = [e.value for e in at.title] + [e.value for e in at.subheader] + [e.value for e in at.markdown]
    parts += [m.label for m in at.metric] + [e.value for e in at.caption] + [e.body for e in at.info]
    parts += [e.body for e in at.warning] + [e.body for e in at.success]
    return "\n".join(str(p) for p in parts)


@pytest.mark.parametrize("lang", ["ru", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders_in_both_languages(app, page, lang):
    at = app(page, lang)
    text = _texts(at)
    other = "en" if lang == "ru" else "ru"
    # the demo-data marker is visible on every page while illustrative data is loaded
    assert len(at.sidebar.warning) == 1
    assert at.sidebar.expander[0].label == CATALOG[lang]["app.demo_what"]
    # The page speaks one language: a page-specific title is in the chosen language only.
    key = {
        "home": "kpi.manufacturing",
        "sectors": "sectors.portfolio",
        "about_data": "data.title",
        "methodology": "method.lq.title",
        "present": "present.setup",
        "data": "upload.title",
        "clusters": "clusters.candidates",
        "subsidies": "subsidies.chart.balance",
        "enterprise": "enterprise.title",
    }[Path(page).stem]
    assert CATALOG[lang][key] in text
    assert CATALOG[other][key] not in text


def test_home_defaults_to_kaluga_in_russian_with_headline_numbers(app):
    at = app()
    assert at.title[0].value == "Калужская область: промышленность в цифрах"
    labels = {m.label: m.value for m in at.metric}
    public = {CATALOG["ru"]["public.share"].format(year=2016), CATALOG["ru"]["public.labour"].format(year=2024)}
    assert (
        set(labels)
        == {
            CATALOG["ru"][k]
            for k in ("kpi.enterprises", "kpi.employees", "kpi.revenue", "kpi.manufacturing", "kpi.share_russia")
        }
        | public
    )
    assert int(labels["Предприятия в базе"].replace("\u00a0", "")) >= 120
    assert labels["Доля в России"].endswith("%") and "," in labels["Доля в России"]
    # Rosstat: Kaluga 517,016 of Russia's 36,119,929 mln ₽ in 2016 = 1.43 %; labour force 2024 565.531 thousand
    assert labels["Доля в отгрузке обрабатывающих производств России, 2016"].replace("\u00a0", "") == "1,43%"
    assert labels["Рабочая сила, 2024"].replace("\u00a0", " ") == "565,5 тыс."
    assert len(at.get("plotly_chart")) == 5  # cluster, municipality, trend, share of Russia, Russia map


def test_region_switch_changes_the_figures(app):
    at = app(region="77")
    assert at.title[0].value.startswith("Москва") or at.title[0].value.startswith("г. Москва")
    assert any(CATALOG["ru"]["home.no_enterprises"] == i.body for i in at.info)


def test_language_switch_persists_across_pages(app):
    at = app(lang="en")
    assert at.title[0].value.endswith("industry in figures")
    at.switch_page("app_pages/about_data.py")
    at.run()
    assert at.title[0].value == "About the data"
