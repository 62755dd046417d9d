"""The input–output section of the Sectors page in a real browser, in both languages at 1280×720 and
1920×1080: its heading visible after scrolling, its charts drawn, no chart text cut with «…»;
screenshots under test-artifacts/ (io-sectors-<lang>-<w>x<h>-<n>.png)."""

import pytest

from tests.e2e.conftest import ARTIFACTS, wait_for_app
from ui.core.i18n import CATALOG

pytestmark = pytest.mark.browser

#: Texts of the SVG text elements after the element holding ``title`` (the section's charts: plotly draws
#: titles, ticks, legends and labels as SVG), and the number of plotly charts there.
SECTION_SVG = """(title) => {
  const head = Array.from(document.querySelectorAll('h1, h2, h3')).find(h => h.textContent.trim() === title);
  const after = (e) => head.compareDocumentPosition(e) & Node.DOCUMENT_POSITION_FOLLOWING;
  const plots = Array.from(document.querySelectorAll('.js-plotly-plot')).filter(after);
  return [plots.length, plots.flatMap(p => Array.from(p.querySelectorAll('svg text')).map(e => e.textContent))];
}"""


@pytest.mark.parametrize("width,height", [(1280, 720), (1920, 1080)])
@pytest.mark.parametrize("lang", ["ru", "en"])
def test_the_io_section_of_the_sectors_page(server, browser, lang, width, height):
    context = browser.new_context(viewport={"width": width, "height": height}, locale=f"{lang}-RU")
    page = context.new_page()
    page.goto(server + "/sectors" + ("?lang=en" if lang == "en" else ""))
    wait_for_app(page)
    texts = CATALOG[lang]
    heading = page.get_by_text(texts["sectors.io.title"], exact=True).first
    heading.wait_for(timeout=60_000)
    heading.scroll_into_view_if_needed()
    wait_for_app(page)
    assert heading.is_visible()
    # the section's charts: multipliers (bars) and linkages (scatter), after the heading
    bars = page.locator(".js-plotly-plot", has=page.locator(".barlayer .point")).last
    bars.wait_for(timeout=60_000)
    shots = []
    for n, target in enumerate((heading, bars, page.locator(".js-plotly-plot").last), start=1):
        target.scroll_into_view_if_needed()
        page.wait_for_timeout(400)
        path = ARTIFACTS / f"io-sectors-{lang}-{width}x{height}-{n}.png"
        page.screenshot(path=str(path))
        shots.append(path)
    plots, svg_texts = page.evaluate(SECTION_SVG, texts["sectors.io.title"])
    assert plots == 2 and svg_texts
    cut = [t for t in svg_texts if t.rstrip().endswith("…")]
    assert not cut, f"chart texts cut at {width}x{height} ({lang}): {cut[:10]}"
    assert all(p.stat().st_size > 10_000 for p in shots)
    context.close()


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_the_io_tab_of_the_data_page(server, browser, lang):
    context = browser.new_context(viewport={"width": 1280, "height": 720}, locale=f"{lang}-RU")
    page = context.new_page()
    page.goto(server + "/data" + ("?lang=en" if lang == "en" else ""))
    wait_for_app(page)
    texts = CATALOG[lang]
    page.get_by_role("tab", name=texts["io_load.tab"]).click()
    used = page.get_by_text(texts["io_load.used"].format(year=2021)).first
    used.wait_for(timeout=60_000)
    assert used.is_visible()
    page.screenshot(path=str(ARTIFACTS / f"io-data-tab-{lang}-1280x720.png"))
    context.close()
