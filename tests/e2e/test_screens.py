"""Issue 15 in a real browser: every slide and every page at 1280×720 and 1920×1080 in both languages,
screenshots under test-artifacts/ (slide-<n>-<lang>-<w>x<h>.png, page-<name>-<lang>-<w>x<h>.png).

Slides: no scrollbar, nothing below or right of the window, the chart drawn over at least 40 % of the
window's height, chart text at least 24 px on the 1920 × 1080 canvas, no SVG text cut with "…" — with no
screen hint in the link. Pages: every url_path with its query parameters opens without a dialog
("Page not found"), ``/home`` also as the very first request to a freshly started server."""

import pytest

from tests.e2e.conftest import ARTIFACTS, wait_for_app
from ui.core.i18n import CATALOG

pytestmark = pytest.mark.browser

SIZES = [(1280, 720), (1920, 1080)]
LANGS = ["ru", "en"]
#: More windows for the slides (Russian only): a 1080p laptop at 125 %, a 4K screen at 100 %, a 5:4 one.
MORE_SIZES = [(1536, 864), (3840, 2160), (1280, 1024)]

#: What a slide shows against the window: scroll sizes, what sticks out, the chart, cut texts, font sizes.
SLIDE_PROBE = """() => {
  const main = document.querySelector('[data-testid="stMain"]');
  const page = document.scrollingElement;
  const W = window.innerWidth, H = window.innerHeight;
  const frame = (e) => e.closest('[data-testid="stFullScreenFrame"]');
  const out = [];
  for (const e of document.querySelectorAll('[data-testid="stMainBlockContainer"] *')) {
    if (frame(e)) continue;  // the chart's frame is clipped to its slot; the chart itself is checked below
    const r = e.getBoundingClientRect();
    if (r.width > 0 && r.height > 0 && (r.bottom > H + 1 || r.right > W + 1 || r.top < -1))
      out.push((e.getAttribute('data-testid') || e.tagName) + ' ' + Math.round(r.top) + '-' + Math.round(r.bottom));
  }
  const svg = document.querySelector('.js-plotly-plot .main-svg');
  const plot = svg ? svg.getBoundingClientRect() : null;
  // an element between the chart and its slot that clips it (overflow not visible, smaller than the chart)
  const clipped = [];
  for (let e = svg && svg.parentElement; e && !e.classList.contains('st-key-slide-chart'); e = e.parentElement) {
    const r = e.getBoundingClientRect();
    if (getComputedStyle(e).overflow !== 'visible' && (r.right < plot.right - 1 || r.bottom < plot.bottom - 1))
      clipped.push((e.getAttribute('data-testid') || e.className) + ' ' + Math.round(r.right) + 'x' + Math.round(r.bottom));
  }
  const texts = [...document.querySelectorAll('.js-plotly-plot svg text')];
  const scale = parseFloat(getComputedStyle(document.documentElement).getPropertyValue('--slide-scale') || '1');
  return {
    scroll: [main.scrollHeight, main.clientHeight, main.scrollWidth, main.clientWidth,
             page.scrollHeight, page.clientHeight],
    outside: out.slice(0, 10), clipped,
    plot: plot ? [plot.top, plot.bottom, plot.right] : null,
    cut: texts.map(e => e.textContent).filter(s => s.trim().endsWith('…')),
    fonts: texts.map(e => parseFloat(getComputedStyle(e).fontSize)).filter(x => x > 0),
    scale, H, W,
    next: document.querySelector('.st-key-slide-next button').getBoundingClientRect().bottom,
  };
}"""


@pytest.mark.parametrize(
    "lang,width,height", [(lang, w, h) for lang in LANGS for w, h in SIZES] + [("ru", w, h) for w, h in MORE_SIZES]
)
def test_every_slide_fits_the_window_without_a_screen_hint(server, browser, lang, width, height):
    context = browser.new_context(viewport={"width": width, "height": height}, locale=f"{lang}-RU")
    page = context.new_page()
    page.goto(f"{server}/present?present=1&lang={lang}")  # the link of the deck setup: no screen parameter
    wait_for_app(page)
    n = 1
    while True:
        page.locator('[data-testid="stMain"] h1').first.wait_for(timeout=60_000)
        page.locator(".js-plotly-plot .main-svg").first.wait_for(timeout=60_000)
        wait_for_app(page)
        page.wait_for_timeout(400)  # the chart's relayout to its slot
        shot = ARTIFACTS / f"slide-{n}-{lang}-{width}x{height}.png"
        page.screenshot(path=str(shot))
        got = page.evaluate(SLIDE_PROBE)
        where = f"slide {n} {lang} {width}x{height}: {got}"
        main_h, main_client, main_w, main_client_w, doc_h, doc_client = got["scroll"]
        assert main_h <= main_client + 1 and main_w <= main_client_w + 1 and doc_h <= doc_client + 1, where
        assert not got["outside"] and not got["clipped"], where
        assert got["next"] <= height, where
        top, bottom, right = got["plot"]
        assert bottom <= height + 1 and right <= width + 1, where
        assert bottom - top >= 0.4 * height, where  # the chart fills the slide
        assert not got["cut"], where
        assert min(got["fonts"]) >= 24, where  # px on the 1920 × 1080 canvas (× scale on screen)
        nxt = page.locator(".st-key-slide-next button")
        if nxt.is_disabled():
            break
        title = page.locator('[data-testid="stMain"] h1').first.inner_text()
        page.keyboard.press("ArrowRight")
        page.wait_for_function(
            "t => document.querySelector('[data-testid=\"stMain\"] h1').innerText !== t", arg=title, timeout=60_000
        )
        n += 1
    assert n >= 7
    assert page.locator('[data-testid="stMain"] h1').first.inner_text() == CATALOG[lang]["slide.next_steps.title"]
    context.close()


#: Every page by its url_path, with the query parameters it reads.
PAGES = [
    ("home", "/home?region=40"),
    ("root", "/"),
    ("sectors", "/sectors"),
    ("clusters", "/clusters"),
    ("enterprise", "/enterprise?inn=4099000251"),
    ("subsidies", "/subsidies?regime=joint_2016&fed=0.25&budget=150"),
    ("present-setup", "/present"),
    ("present", "/present?present=1&slide=3"),
    ("methodology", "/methodology"),
    ("data", "/data"),
    ("about-data", "/about-data"),
]


@pytest.mark.parametrize("width,height", SIZES)
@pytest.mark.parametrize("lang", LANGS)
def test_every_page_opens_from_its_link_without_a_dialog(server, browser, lang, width, height):
    context = browser.new_context(viewport={"width": width, "height": height}, locale=f"{lang}-RU")
    for name, path in PAGES:
        page = context.new_page()  # a new session per link, as a link opened from a mail
        url = server + path + ("&" if "?" in path else "?") + f"lang={lang}"
        page.goto(url)
        wait_for_app(page)
        page.locator('[data-testid="stMain"] h1').first.wait_for(timeout=60_000)
        page.wait_for_timeout(500)
        page.screenshot(path=str(ARTIFACTS / f"page-{name}-{lang}-{width}x{height}.png"))
        assert page.locator('[role="dialog"]').count() == 0, f"{url}: {page.locator('[role=dialog]').all_inner_texts()}"
        assert not page.locator('[data-testid="stException"]').count(), url
        page.close()
    context.close()


def test_home_opens_as_the_first_request_after_a_start(own_server, browser):
    base = own_server  # a server of its own, just started: /home is its first request
    for lang in LANGS:
        context = browser.new_context(viewport={"width": 1280, "height": 720}, locale=f"{lang}-RU")
        page = context.new_page()
        page.goto(base + "/home" + ("?lang=en" if lang == "en" else ""))
        wait_for_app(page)
        page.get_by_text(CATALOG[lang]["home.findings"]).first.wait_for(timeout=60_000)
        assert page.locator('[role="dialog"]').count() == 0
        assert page.url.endswith("/home" + ("?lang=en" if lang == "en" else ""))
        wait_for_app(page)
        for key in ("home.entry.present", "home.entry.subsidies", "home.entry.data"):
            page.get_by_text(CATALOG[lang][key], exact=True).first.wait_for(timeout=60_000)
            assert page.get_by_text(CATALOG[lang][key], exact=True).count() == 1
        page.screenshot(path=str(ARTIFACTS / f"home-first-request-{lang}.png"))
        context.close()
