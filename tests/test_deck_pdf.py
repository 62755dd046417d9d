"""The presentation deck as a PDF beside the PPTX: one 16:9 landscape page per storyline slide, each
page's text holding its slide's title and message (read back with pypdf), charts as PNG at twice the
PPTX's resolution, the data-status footer on the demo store; and a translated refusal without chromium."""

import io
import re
import shutil

import pypdf
import pytest

from analytics import store
from analytics.services import sector_portfolio, storyline
from ui.charts import slides
from ui.core.i18n import CATALOG
from ui.downloads import briefing

REGION = {"ru": "Калужская область", "en": "Kaluga Oblast"}


@pytest.fixture(scope="module")
def con(demo_db, tmp_path_factory):
    copy = tmp_path_factory.mktemp("deck_pdf") / "demo.duckdb"
    shutil.copyfile(demo_db, copy)
    c = store.connect(copy, read_only=True)
    yield c
    c.close()


def flat(s: str) -> str:
    return re.sub(r"\s+", " ", s.replace("\xa0", " ").replace("\u202f", " ")).strip()


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_one_landscape_page_per_slide_with_its_title_and_a_sharp_chart(con, lang):
    assert briefing.chart_engine_available(), "Debian chromium is needed (make test installs it)"
    settings = storyline.DeckSettings()
    names = sector_portfolio.cluster_names(con).get(lang, {})
    expected = [
        slides.view(s, lang, region_name=REGION[lang], cluster_names=names, screen=1080)
        for s in storyline.build(con, settings)
    ]
    reader = pypdf.PdfReader(io.BytesIO(briefing.deck_pdf_bytes(con, settings, lang, REGION[lang])))
    assert len(reader.pages) == len(expected) == len([s for s in storyline.SLIDE_ORDER if s in storyline.BUILDERS])
    for page, view in zip(reader.pages, expected):
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert width / height == pytest.approx(16 / 9, rel=1e-3) and width > height
        text = flat(page.extract_text())
        assert flat(view.title) in text
        assert flat(view.message)[:60] in text
        assert CATALOG[lang]["export.demo_note_short"] in text  # the demo store is illustrative
        images = list(page.images)
        if view.figure is not None:
            assert len(images) == 1
            assert images[0].image.width >= 2 * briefing.CHART_WIDTH_PX  # scale 2: 3 200 px wide
    assert flat(expected[0].title) == flat(
        f"{REGION[lang]}: " + ("промышленность, 2023" if lang == "ru" else "industry, 2023")
    )


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_the_pdf_deck_refuses_clearly_without_a_chart_engine(con, monkeypatch, lang):
    monkeypatch.setattr(briefing.shutil, "which", lambda name: None)
    with pytest.raises(briefing.ExportUnavailable) as error:
        briefing.deck_pdf_bytes(con, storyline.DeckSettings(), lang, REGION[lang])
    assert error.value.reason == "briefing.no_chromium"
    assert "PDF" in CATALOG[lang][error.value.reason]


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_the_setup_page_offers_the_pdf_beside_the_pptx(app_db, lang):
    from pathlib import Path

    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(Path(__file__).resolve().parent.parent / "app.py"), default_timeout=90)
    at.query_params["lang"] = lang
    at.run()
    at.switch_page("app_pages/present.py").run()
    assert not at.exception
    assert at.button(key="make-deck").label == CATALOG[lang]["briefing.make_deck"]
    assert at.button(key="make-deck-pdf").label == CATALOG[lang]["briefing.make_pdf"]
