"""The "Route to the registry" tab of the Clusters page in a real browser, at 1280×720 and 1920×1080, in
Russian and English: the automotive candidate's proposed contracts on the network, both pack downloads,
no SVG text cut with "…"; screenshots under test-artifacts/ (viewport at the tab, and the whole page)."""

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.e2e.conftest import ARTIFACTS, wait_for_app
from ui.core.i18n import CATALOG

pytestmark = pytest.mark.browser

CLUSTER = {"ru": "Автомобилестроение", "en": "Automotive"}


@pytest.mark.parametrize("lang", ["ru", "en"])
@pytest.mark.parametrize("width,height", [(1280, 720), (1920, 1080)])
def test_route_tab_draws_the_plan_without_cut_text(server, browser, lang, width, height):
    text = CATALOG[lang]
    context = browser.new_context(
        viewport={"width": width, "height": height}, locale="ru-RU" if lang == "ru" else "en-GB"
    )
    page = context.new_page()
    page.goto(f"{server}/clusters?lang={lang}")
    wait_for_app(page, timeout=90_000)
    select = page.locator(".st-key-clusters_selected")
    select.scroll_into_view_if_needed()
    option = page.get_by_role("option", name=CLUSTER[lang], exact=True)
    for attempt in range(3):  # on a busy machine the list can open after the first click's wait
        select.click()
        try:
            option.click(timeout=20_000)
            break
        except PlaywrightTimeout:
            if attempt == 2:
                raise
            page.keyboard.press("Escape")
    wait_for_app(page, timeout=90_000)
    page.get_by_role("tab", name=text["clusters.tab.roadmap"]).click()
    wait_for_app(page, timeout=120_000)
    panel = page.locator('[data-testid="stTabs"] [role="tabpanel"]:visible').first
    panel.get_by_text(text["roadmap.gaps"]).first.wait_for(timeout=60_000)
    panel.locator(".js-plotly-plot .main-svg").first.wait_for(timeout=60_000)
    page.wait_for_timeout(800)  # let plotly finish its layout pass
    panel.get_by_text(text["roadmap.status.optimal"].split(":")[0]).first.wait_for(timeout=30_000)
    # by their labels: the tab switch may leave the members tab's (hidden) download buttons in the panel
    panel.get_by_role("button", name=text["roadmap.pack_pdf"]).first.wait_for(timeout=30_000)
    panel.get_by_role("button", name=text["roadmap.pack"]).first.wait_for(timeout=30_000)
    cut = panel.evaluate(
        "el => Array.from(el.querySelectorAll('svg text')).map(t => t.textContent.trim())"
        ".filter(s => s.endsWith('…') || s.endsWith('...'))"
    )
    assert cut == [], f"cut labels at {width}x{height} ({lang}): {cut}"
    overflow = page.evaluate(
        "() => { const m = document.querySelector('[data-testid=\"stMain\"]'); return m.scrollWidth - m.clientWidth; }"
    )
    assert overflow <= 2, f"the page scrolls sideways at {width}x{height}: {overflow} px"
    panel.scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / f"route-tab-{lang}-{width}x{height}.png"))
    # the whole page: the same width, a viewport as tall as the page (the app scrolls inside stMain)
    full = page.evaluate("() => document.querySelector('[data-testid=\"stMain\"]').scrollHeight")
    page.set_viewport_size({"width": width, "height": min(int(full) + 40, 12_000)})
    page.wait_for_timeout(1_000)
    page.screenshot(path=str(ARTIFACTS / f"route-tab-{lang}-{width}x{height}-full.png"))
    context.close()


@pytest.mark.parametrize("lang", ["ru", "en"])
@pytest.mark.parametrize("width,height", [(1280, 720), (1920, 1080)])
def test_route_slide_fits_the_screen(server, browser, lang, width, height):
    """The deck's route slide for the automotive cluster: no scrollbar, no cut SVG text; screenshot."""
    from analytics.services import storyline

    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    n = [k for k in storyline.SLIDE_ORDER if k in storyline.BUILDERS].index("route") + 1
    screen = "720" if height == 720 else "1080"
    page.goto(f"{server}/present?present=1&cluster=automotive&lang={lang}&slide={n}&screen={screen}")
    wait_for_app(page, timeout=90_000)
    title = page.locator('[data-testid="stMain"] h1').first
    title.wait_for(timeout=60_000)
    assert title.inner_text().startswith(CATALOG[lang]["slide.route.title"].split("{")[0].strip())
    page.locator(".js-plotly-plot .main-svg").first.wait_for(timeout=60_000)
    wait_for_app(page)
    page.wait_for_timeout(800)
    scroller = page.evaluate(
        "() => { const m = document.querySelector('[data-testid=\"stMain\"]');"
        " return [m.scrollHeight, m.clientHeight]; }"
    )
    page.screenshot(path=str(ARTIFACTS / f"route-slide-{lang}-{width}x{height}.png"))
    assert scroller[0] <= scroller[1] + 2, f"the route slide scrolls at {width}x{height}: {scroller}"
    cut = page.evaluate(
        "() => Array.from(document.querySelectorAll('svg text')).map(t => t.textContent.trim())"
        ".filter(s => s.endsWith('…'))"
    )
    assert cut == []
    context.close()
