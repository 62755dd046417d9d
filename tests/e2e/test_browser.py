"""Browser smoke tests: the app as a person sees it, with screenshots under test-artifacts/."""

import re

import pytest

from tests.e2e.conftest import ARTIFACTS, wait_for_app
from ui.core.i18n import CATALOG

pytestmark = pytest.mark.browser

MAIN_H1 = '[data-testid="stMain"] h1'


def test_home_shows_kpis_and_switches_language(server, page):
    page.goto(server + "/")
    wait_for_app(page)
    page.get_by_text(CATALOG["ru"]["kpi.enterprises"]).first.wait_for(timeout=30_000)
    page.locator(".js-plotly-plot").first.wait_for(timeout=30_000)
    assert (
        page.locator('[data-testid="stMetricValue"]').count() == 7
    )  # five of the store, two public (shipments share, labour force)
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


# The slides at 1280×720 and 1920×1080 without a screen hint: tests/e2e/test_screens.py


# --- Data page: upload, validation report, login, commit, boundaries ------------------------------------
# The analyst account must exist before the server starts: set up at import time. The test commits a file
# and boundaries: its own server on its own store copy (own_server), so later browser tests see the demo data.
import os as _os  # noqa: E402
import tempfile as _tempfile  # noqa: E402
from pathlib import Path as _Path  # noqa: E402

from analytics.data import auth as _auth  # noqa: E402

_ANALYSTS = _Path(_tempfile.mkdtemp()) / "analysts.toml"
_auth.add_analyst("anna", "long enough password", _ANALYSTS)
_os.environ[_auth.ENV] = str(_ANALYSTS)
_DATA = _Path(__file__).resolve().parents[1] / "data"
_REFERENCE = _Path(__file__).resolve().parents[2] / "data" / "boundaries"


def test_data_page_reports_a_bad_file_and_commits_a_good_one_after_login(own_server, page):
    ru = CATALOG["ru"]
    page.goto(own_server + "/data")
    wait_for_app(page)
    page.get_by_text(ru["upload.title"]).first.wait_for(timeout=30_000)
    page.set_viewport_size({"width": 1600, "height": 2200})  # the main area scrolls inside: see it whole
    uploader = page.locator('[data-testid="stFileUploaderDropzoneInput"]').first
    uploader.set_input_files(str(_DATA / "bad" / "inn_lost_zero.csv"))
    page.get_by_text(ru["upload.errors_found"].split(":")[0]).first.wait_for(timeout=30_000)
    wait_for_app(page)
    assert page.get_by_text(ru["upload.errors_summary"]).count() == 1
    page.screenshot(path=str(ARTIFACTS / "data-bad-file-ru.png"), full_page=True)

    page.get_by_label(ru["upload.user"]).fill("anna")
    page.get_by_label(ru["upload.password"]).fill("long enough password")
    page.get_by_role("button", name=ru["upload.login"]).click()
    page.get_by_text("anna").first.wait_for(timeout=30_000)
    wait_for_app(page)
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').first.set_input_files(
        str(_DATA / "good" / "cp1251_semicolon_crlf.csv")
    )
    page.get_by_text(ru["upload.preview"]).first.wait_for(timeout=30_000)
    wait_for_app(page)
    page.screenshot(path=str(ARTIFACTS / "data-preview-ru.png"), full_page=True)
    page.get_by_text(ru["upload.confirm"]).click()
    wait_for_app(page)
    page.get_by_role("button", name=ru["upload.commit"]).click()
    page.get_by_text("Загружено: версия").first.wait_for(timeout=30_000)
    wait_for_app(page)
    page.screenshot(path=str(ARTIFACTS / "data-committed-ru.png"), full_page=True)

    page.get_by_role("tab", name=ru["upload.tab_boundaries"]).click()
    page.get_by_text(ru["upload.boundaries_intro"][:40]).first.wait_for(timeout=30_000)
    page.locator('[data-testid="stFileUploader"]').filter(has_text=ru["upload.boundary_file"]).locator(
        '[data-testid="stFileUploaderDropzoneInput"]'
    ).set_input_files(str(_REFERENCE / "russia-regions.geojson"))
    page.get_by_text(ru["upload.boundary_ok"].split(":")[0]).first.wait_for(timeout=60_000)
    wait_for_app(page)
    page.get_by_role("button", name=ru["upload.boundary_load"]).click()
    page.get_by_text("Границы загружены").first.wait_for(timeout=60_000)
    wait_for_app(page)
    page.get_by_role("tab", name=ru["upload.tab_boundaries"]).click()
    page.locator(".js-plotly-plot").first.wait_for(timeout=60_000)
    page.set_viewport_size({"width": 1600, "height": 1800})
    wait_for_app(page)
    page.wait_for_timeout(2000)  # map paint
    page.screenshot(path=str(ARTIFACTS / "data-boundaries-ru.png"), full_page=True)


# --- Clusters page: cards, map and cooperation network, nothing fetched from the internet ----------------


def test_clusters_page_draws_cards_map_and_network(server, page):
    ru = CATALOG["ru"]
    outside: list[str] = []
    page.on(
        "request",
        lambda r: (
            outside.append(r.url) if r.url.startswith(("http:", "https:")) and not r.url.startswith(server) else None
        ),
    )  # blob: URLs are MapLibre's own workers
    page.set_viewport_size({"width": 1600, "height": 2600})  # the main area scrolls inside: see it whole
    page.goto(server + "/clusters")
    wait_for_app(page)
    page.get_by_text(ru["clusters.candidates"]).first.wait_for(timeout=60_000)
    page.get_by_text(ru["clusters.kpi.dependence"]).first.wait_for(timeout=60_000)
    assert page.get_by_text("Железнодорожное машиностроение").count() >= 1
    assert page.get_by_text(ru["clusters.badge.pass"]).count() >= 1  # rail meets Decree No. 779
    page.screenshot(path=str(ARTIFACTS / "clusters-ru.png"), full_page=True)

    page.set_viewport_size({"width": 1600, "height": 1100})  # from here on: the detail tabs, as a screen shows them
    page.get_by_role("tab", name=ru["clusters.tab.map"]).click()
    wait_for_app(page)
    plot = page.locator(".js-plotly-plot").first
    plot.locator("canvas").first.wait_for(timeout=60_000)  # MapLibre draws the markers on a canvas
    plot.evaluate("e => e.scrollIntoView({block: 'center'})")
    page.wait_for_timeout(1500)
    page.screenshot(path=str(ARTIFACTS / "clusters-map-ru.png"))

    page.get_by_role("tab", name=ru["clusters.tab.network"]).click()
    wait_for_app(page)
    nodes = page.locator(".js-plotly-plot .scatterlayer .point")
    nodes.first.wait_for(timeout=60_000)
    assert nodes.count() >= 10  # one marker per member
    page.locator(".js-plotly-plot").first.evaluate("e => e.scrollIntoView({block: 'center'})")
    page.wait_for_timeout(500)
    page.screenshot(path=str(ARTIFACTS / "clusters-network-ru.png"))

    page.get_by_role("tab", name=ru["clusters.tab.registry"]).click()
    wait_for_app(page)
    page.get_by_text(ru["clusters.rule.dependence"]).first.wait_for(timeout=30_000)
    page.get_by_role("tab", name=ru["clusters.tab.registry"]).scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / "clusters-registry-ru.png"))
    # no map tiles, no glyphs: the only outside request allowed is the app-wide favicon icon
    assert not [u for u in outside if "gstatic.com/s/i/" not in u], outside


# --- Subsidies page: a slider redraws the charts; a link restores the scenario ----------------------------
_BALANCE = ".st-key-sub_balance_chart .js-plotly-plot"
_LAST_OUTLAY = f"() => Array.from(document.querySelector('{_BALANCE}').data[0].y).slice(-1)[0]"


def test_subsidies_slider_redraws_the_charts_and_a_link_restores_them(server, browser):
    ru = CATALOG["ru"]
    context = browser.new_context(viewport={"width": 1600, "height": 1000}, locale="ru-RU")
    page = context.new_page()
    page.goto(server + "/subsidies?regime=joint_2016&assume_reg=1")  # no demo cluster passes Decree 779
    wait_for_app(page)
    page.locator(_BALANCE).locator(".scatterlayer .trace").first.wait_for(timeout=30_000)
    page.get_by_text(re.compile(r"предел 50\s?%")).first.wait_for(timeout=30_000)  # the federal limit, drawn on the bar
    before = page.evaluate(_LAST_OUTLAY)
    kpi_before = page.locator('[data-testid="stMetricValue"]').first.inner_text()

    page.locator('.st-key-sub_fed input[type="range"]').focus()
    for _ in range(25):  # 50 % → 25 %, one step (1 p.p.) per key press
        page.keyboard.press("ArrowLeft")
    # the key presses may reach the server as several reruns: wait for the last one, 25 %
    page.wait_for_function(f"v => Math.abs(({_LAST_OUTLAY})() - v / 2) < 1e-9 * v", arg=before, timeout=60_000)
    wait_for_app(page)
    after = page.evaluate(_LAST_OUTLAY)
    assert after == pytest.approx(before / 2, rel=1e-9)  # half the share, half the outlay (no cap in 2016–2018)
    assert "fed=0.25" in page.url
    kpi_after = page.locator('[data-testid="stMetricValue"]').first.inner_text()
    assert kpi_after != kpi_before
    page.set_viewport_size({"width": 1600, "height": 4400})  # the main area scrolls inside: see it whole
    wait_for_app(page)
    page.wait_for_timeout(1500)
    page.screenshot(path=str(ARTIFACTS / "subsidies-ru.png"), full_page=True)
    link = page.url
    context.close()

    other = browser.new_context(viewport={"width": 1600, "height": 1000}, locale="ru-RU")  # a new session
    page = other.new_page()
    page.goto(link)
    wait_for_app(page)
    page.locator(_BALANCE).locator(".scatterlayer .trace").first.wait_for(timeout=30_000)
    assert page.evaluate(_LAST_OUTLAY) == pytest.approx(after, rel=1e-12)
    assert page.locator('[data-testid="stMetricValue"]').first.inner_text() == kpi_after
    assert page.locator('.st-key-sub_fed input[type="range"]').input_value() == "0.25"
    assert ru["subsidies.chart.tornado"] in page.locator('[data-testid="stMain"]').inner_text()
    page.screenshot(path=str(ARTIFACTS / "subsidies-link-ru.png"))
    page.goto(link + "&lang=en&budget=150")
    wait_for_app(page)
    page.locator(".st-key-sub_sweep_chart .js-plotly-plot").first.wait_for(timeout=30_000)
    page.set_viewport_size({"width": 1600, "height": 4400})
    wait_for_app(page)
    page.wait_for_timeout(1500)
    page.screenshot(path=str(ARTIFACTS / "subsidies-budget-en.png"), full_page=True)
    other.close()
