"""Browser smoke tests: the app as a person sees it, with screenshots under test-artifacts/."""
import pytest

from tests.e2e.conftest import ARTIFACTS, wait_for_app
from ui.i18n import CATALOG

pytestmark = pytest.mark.browser

MAIN_H1 = '[data-testid="stMain"] h1'


def test_home_shows_kpis_and_switches_language(server, page):
    page.goto(server + "/")
    wait_for_app(page)
    page.get_by_text(CATALOG["ru"]["kpi.enterprises"]).first.wait_for(timeout=30_000)
    page.locator(".js-plotly-plot").first.wait_for(timeout=30_000)
    assert page.locator('[data-testid="stMetricValue"]').count() == 5
    assert "Калужская область" in page.locator(MAIN_H1).first.inner_text()
    page.screenshot(path=str(ARTIFACTS / "home-ru.png"), full_page=True)

    page.get_by_text("EN", exact=True).click()
    page.get_by_text(CATALOG["en"]["kpi.enterprises"]).first.wait_for(timeout=30_000)
    wait_for_app(page)
    assert "Kaluga" in page.locator(MAIN_H1).first.inner_text()
    assert "lang=EN" in page.url
    page.screenshot(path=str(ARTIFACTS / "home-en.png"), full_page=True)


def test_about_data_page_in_english_via_link(server, page):
    page.goto(server + "/about-data?lang=EN")
    wait_for_app(page)
    page.get_by_text(CATALOG["en"]["data.title"]).first.wait_for(timeout=30_000)
    page.get_by_text(CATALOG["en"]["data.integrity_ok"]).first.wait_for(timeout=30_000)
    page.screenshot(path=str(ARTIFACTS / "about-data-en.png"), full_page=True)


def test_sectors_page_draws_the_bubble_chart(server, page):
    page.goto(server + "/sectors")
    wait_for_app(page)
    page.get_by_text(CATALOG["ru"]["sectors.portfolio"]).first.wait_for(timeout=30_000)
    bubbles = page.locator(".js-plotly-plot").first
    bubbles.locator(".scatterlayer .point").first.wait_for(timeout=30_000)
    assert bubbles.locator(".scatterlayer .point").count() >= 20  # one bubble per division with data
    assert page.get_by_text(CATALOG["ru"]["sectors.quadrant.Star"]).count() >= 1
    page.screenshot(path=str(ARTIFACTS / "sectors-ru.png"), full_page=True)


def test_methodology_page_renders_formulas(server, page):
    page.goto(server + "/methodology?lang=EN")
    wait_for_app(page)
    page.get_by_text(CATALOG["en"]["method.lq.title"]).first.wait_for(timeout=30_000)
    assert page.locator(".katex").count() >= 5  # formulas rendered by KaTeX, offline
    page.screenshot(path=str(ARTIFACTS / "methodology-en.png"), full_page=True)
