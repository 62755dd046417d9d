"""The slides' notes (glossary and full names, shown on screen under each slide) travel with the decks: as
speaker notes in the PPTX (read back with python-pptx) and as text under the chart in the PDF (read back
with pypdf), in both languages; the PDF page's parts never overlap nor run past the footer."""

from __future__ import annotations

import io
import re
import shutil

import pypdf
import pytest
from pptx import Presentation

from analytics import store
from analytics.services import sector_portfolio, storyline
from ui.charts import slides
from ui.core.i18n import CATALOG
from ui.downloads import briefing, pdf

REGION = {"ru": "Калужская область", "en": "Kaluga Oblast"}


@pytest.fixture(scope="module")
def con(demo_db, tmp_path_factory):
    copy = tmp_path_factory.mktemp("deck_notes") / "demo.duckdb"
    shutil.copyfile(demo_db, copy)
    c = store.connect(copy, read_only=True)
    yield c
    c.close()


def _views(con, lang: str) -> list[slides.SlideView]:
    names = sector_portfolio.cluster_names(con).get(lang, {})
    return [
        slides.view(s, lang, region_name=REGION[lang], cluster_names=names, screen=1080)
        for s in storyline.build(con, storyline.DeckSettings())
    ]


def flat(s: str) -> str:
    return re.sub(r"\s+", " ", s.replace("\xa0", " ").replace("\u202f", " ")).strip()


#: Notes that are catalog texts as they stand (no parameters), by slide: the oracle for the files' notes.
GLOSSARY = {
    "portfolio": ("glossary.lq", "glossary.pp"),
    "clusters": ("glossary.score", "glossary.stars", "glossary.us"),
    "registry": ("glossary.dependence",),
    "network": ("glossary.cooperation", "glossary.density"),
}


def test_notes_text_is_the_notes_one_a_line_without_markdown():
    view = slides.SlideView(
        title="T", message="M", numbers=[], figure=None, filename="x", notes=("**Плотность** \\(0–1\\)", "b \\& c")
    )
    assert briefing.notes_text(view) == "Плотность (0–1)\nb & c"


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_the_pptx_carries_each_slides_notes_as_speaker_notes(con, lang):
    assert briefing.chart_engine_available(), "Debian chromium is needed (make test installs it)"
    views = _views(con, lang)
    deck = Presentation(io.BytesIO(briefing.deck_bytes(con, storyline.DeckSettings(), lang, REGION[lang])))
    pages = list(deck.slides)
    assert len(pages) == len(views)
    ids = [s.slide_id for s in storyline.build(con, storyline.DeckSettings())]
    for slide_id, page, view in zip(ids, pages, views):
        assert page.has_notes_slide == bool(view.notes)
        if not view.notes:
            continue
        notes = page.notes_slide.notes_text_frame.text
        assert notes == briefing.notes_text(view)
        assert "**" not in notes and "\\" not in notes
        for key in GLOSSARY.get(slide_id, ()):
            assert CATALOG[lang][key] in notes.split("\n"), (slide_id, key)
    assert sum(bool(v.notes) for v in views) >= len(GLOSSARY)
    # the slide's parts where pdf_layout puts them (speaker notes off the slide), apart and on the slide
    mm = briefing.EMU_PER_MM
    assert deck.slide_width / deck.slide_height == pytest.approx(16 / 9, rel=1e-3)
    for page in pages:
        shapes = {s.name: s for s in page.shapes if s.shape_type != 13}
        pictures = [s for s in page.shapes if s.shape_type == 13]  # MSO_SHAPE_TYPE.PICTURE
        title, message, footer = shapes["Title"], shapes["Message"], shapes["Data status"]
        assert title.top + title.height <= message.top
        assert footer.top == round(briefing.PDF_FOOTER_MM * mm)
        for picture in pictures:
            assert message.top + message.height < picture.top
            assert picture.top + picture.height <= footer.top
            assert picture.left >= round(briefing.PDF_MARGIN_MM * mm) - 1
            assert picture.left + picture.width <= deck.slide_width - round(briefing.PDF_MARGIN_MM * mm) + 1
        assert footer.top + footer.height <= deck.slide_height


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_the_pdf_shows_each_slides_notes_under_its_chart(con, lang):
    views = _views(con, lang)
    reader = pypdf.PdfReader(io.BytesIO(briefing.deck_pdf_bytes(con, storyline.DeckSettings(), lang, REGION[lang])))
    ids = [s.slide_id for s in storyline.build(con, storyline.DeckSettings())]
    assert len(reader.pages) == len(views)
    for slide_id, page, view in zip(ids, reader.pages, views):
        text = flat(page.extract_text())
        for note in view.notes:
            assert flat(briefing.escape.unmarkdown(note)) in text, (slide_id, note)
        for key in GLOSSARY.get(slide_id, ()):
            assert flat(CATALOG[lang][key]) in text, (slide_id, key)


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_the_pdf_layout_keeps_every_part_on_the_page_and_apart(con, lang):
    doc = pdf.Document(title="t", lang=lang, page=pdf.SLIDE_PAGE_MM, margin=briefing.PDF_MARGIN_MM, footer=None)
    doc.add_page()
    long_notes = tuple(CATALOG[lang][k] for keys in GLOSSARY.values() for k in keys)  # all of them on one slide
    views = _views(con, lang)
    views.append(
        slides.SlideView(title="x " * 40, message="y " * 120, numbers=[], figure=None, filename="z", notes=long_notes)
    )
    for view in views:
        layout = briefing.pdf_layout(doc, view, chart=True)
        assert layout.title.bottom <= layout.message.y
        assert layout.chart is not None and layout.message.bottom < layout.chart.y
        assert layout.chart.h > 40  # the chart keeps most of the page
        assert (
            layout.chart.x >= briefing.PDF_MARGIN_MM - 1e-6 and layout.chart.x + layout.chart.w <= doc.w - 12.7 + 1e-6
        )
        bottom = layout.notes.y if layout.notes else layout.footer.y
        assert layout.chart.bottom <= bottom
        if view.notes:
            assert layout.notes.bottom <= layout.footer.y
            assert layout.notes_pt >= min(briefing.PDF_NOTES_PT)
            # the notes' lines at that size fill the band exactly: nothing is cut
            lines = briefing._lines(doc, briefing.notes_text(view), layout.notes.w, layout.notes_pt)
            assert layout.notes.h == pytest.approx(lines * layout.notes_pt * briefing.PDF_LINE_MM_PER_PT)
        assert layout.footer.bottom <= doc.h
