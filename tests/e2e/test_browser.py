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
    assert "lang=en" in page.url
    page.screenshot(path=str(ARTIFACTS / "home-en.png"), full_page=True)


def test_about_data_page_in_english_via_link(server, page):
    page.goto(server + "/about-data?lang=en")
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
    page.goto(server + "/methodology?lang=en")
    wait_for_app(page)
    page.get_by_text(CATALOG["en"]["method.lq.title"]).first.wait_for(timeout=30_000)
    assert page.locator(".katex").count() >= 5  # formulas rendered by KaTeX, offline
    page.screenshot(path=str(ARTIFACTS / "methodology-en.png"), full_page=True)


@pytest.mark.parametrize("width,height", [(1920, 1080), (1280, 720)])
def test_presentation_slides_fit_the_screen(server, browser, width, height):
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    screen = "720" if height == 720 else "1080"
    page.goto(f"{server}/present?present=1&screen={screen}")
    wait_for_app(page)
    n = 1
    while True:
        page.locator(MAIN_H1).first.wait_for(timeout=30_000)
        page.locator(".js-plotly-plot .main-svg").first.wait_for(timeout=30_000)
        wait_for_app(page)
        assert not page.locator('[data-testid="stSidebar"]').is_visible()
        scroller = page.evaluate(
            "() => { const m = document.querySelector('[data-testid=\"stMain\"]');"
            " return [m.scrollHeight, m.clientHeight]; }")
        assert scroller[0] <= scroller[1] + 2, f"slide {n} scrolls at {width}x{height}: {scroller}"
        body_px = page.evaluate(
            "() => parseFloat(getComputedStyle(document.querySelector('[data-testid=\"stMain\"] p')).fontSize)")
        assert body_px >= 24
        page.screenshot(path=str(ARTIFACTS / f"slide-{n}-{width}x{height}.png"))
        nxt = page.locator(".st-key-slide-next button")
        if nxt.is_disabled():
            break
        title = page.locator(MAIN_H1).first.inner_text()
        page.keyboard.press("ArrowRight")  # the arrow key turns the slide
        page.wait_for_function(
            "t => document.querySelector('[data-testid=\"stMain\"] h1').innerText !== t", arg=title,
            timeout=30_000)
        n += 1
    assert n >= 3
    context.close()
