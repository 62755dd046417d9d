"""Browser smoke tests: the app as a person sees it, with screenshots under test-artifacts/."""
import pytest

from tests.e2e.conftest import ARTIFACTS, wait_for_app
from ui.i18n import CATALOG

pytestmark = pytest.mark.browser


def test_home_shows_kpis_and_switches_language(server, page):
    page.goto(server + "/home")
    wait_for_app(page)
    page.get_by_text(CATALOG["ru"]["kpi.enterprises"]).first.wait_for(timeout=30_000)
    page.locator(".js-plotly-plot").first.wait_for(timeout=30_000)
    assert page.locator('[data-testid="stMetricValue"]').count() == 5
    assert "Калужская область" in page.locator("h1").first.inner_text()
    page.screenshot(path=str(ARTIFACTS / "home-ru.png"), full_page=True)

    page.get_by_role("button", name="English").click()
    page.get_by_text(CATALOG["en"]["kpi.enterprises"]).first.wait_for(timeout=30_000)
    wait_for_app(page)
    assert "Kaluga" in page.locator("h1").first.inner_text()
    assert "lang=en" in page.url
    page.screenshot(path=str(ARTIFACTS / "home-en.png"), full_page=True)


def test_about_data_page_in_english_via_link(server, page):
    page.goto(server + "/about-data?lang=en")
    wait_for_app(page)
    page.get_by_text(CATALOG["en"]["data.title"]).first.wait_for(timeout=30_000)
    page.get_by_text(CATALOG["en"]["data.integrity_ok"]).first.wait_for(timeout=30_000)
    page.screenshot(path=str(ARTIFACTS / "about-data-en.png"), full_page=True)
