"""Briefing files: the storyline as a PPTX deck and everything the pages show as an Excel workbook.

No Streamlit here: the same functions serve the app's download buttons and a notebook.
Static chart images need a browser engine: kaleido drives the system's Debian chromium
(``apt-get install chromium``). Without it :func:`deck_bytes` and :func:`deck_pdf_bytes` raise
:class:`ExportUnavailable` and the app says so; the Excel workbook needs nothing extra. The PPTX and the
PDF deck lay out the same :func:`deck_pages` with the same boxes (:func:`pdf_layout`, mm; EMU in the PPTX).
"""

from __future__ import annotations

import io
import shutil
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pandas as pd

from analytics.data import export
from analytics.services import provenance, sector_portfolio, storyline
from ui.charts import slides
from ui.core import escape
from ui.core.i18n import t
from ui.core.names import name_column
from ui.downloads import exports, pdf
from ui.tables import common as tables
from ui.tables.subsidy import assumption_text

if TYPE_CHECKING:
    import duckdb

SLIDE_WIDTH_PX, SLIDE_HEIGHT_PX = 1600, 900


class ExportUnavailable(RuntimeError):
    """A file cannot be produced on this machine; ``reason`` is a catalog key for the UI."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def chart_engine_available() -> bool:
    """True when kaleido and a chromium it can drive are installed."""
    try:
        import kaleido  # noqa: F401
    except ImportError:
        return False
    return any(shutil.which(name) for name in ("chromium", "chromium-browser", "google-chrome"))


#: Chart area of a slide image, px at scale 1 (both decks place it by :func:`pdf_layout`).
CHART_WIDTH_PX, CHART_HEIGHT_PX = SLIDE_WIDTH_PX, SLIDE_HEIGHT_PX - 260


def _chart_images(figures: list, *, scale: float) -> list[bytes | None]:
    """PNG of each figure (None stays None), ``CHART_WIDTH_PX × CHART_HEIGHT_PX`` times ``scale``, all in
    one browser session of kaleido (one chromium start per deck, not one per chart)."""
    import asyncio
    from concurrent.futures import ThreadPoolExecutor

    import kaleido
    import plotly.io as pio

    jobs = [(i, figure) for i, figure in enumerate(figures) if figure is not None]
    options = {k: v for k, v in (("plotlyjs", pio.defaults.plotlyjs), ("mathjax", pio.defaults.mathjax)) if v}

    async def draw() -> dict[int, bytes]:
        out = {}
        async with kaleido.Kaleido(**options) as engine:
            for i, figure in jobs:
                figure.update_layout(height=None, width=None)
                out[i] = await engine.calc_fig(
                    figure.to_dict(), opts=dict(format="png", width=CHART_WIDTH_PX, height=CHART_HEIGHT_PX, scale=scale)
                )
        return out

    with ThreadPoolExecutor(max_workers=1) as pool:  # its own event loop, whatever the caller runs
        images = pool.submit(lambda: asyncio.run(draw())).result()
    return [images.get(i) for i in range(len(figures))]


@dataclass(frozen=True)
class DeckPage:
    """One slide of a briefing file: its texts (:class:`ui.charts.slides.SlideView`) and its chart as PNG."""

    view: slides.SlideView
    chart_png: bytes | None


def deck_pages(
    con: duckdb.DuckDBPyConnection, settings: storyline.DeckSettings, lang: str, region_name: str, *, scale: float = 1
) -> tuple[list[DeckPage], bool]:
    """The storyline's slides as drawn for a 1080-line screen with their charts as PNG (``scale`` × 1600 px
    wide), and whether illustrative figures are behind them: what the PPTX and the PDF deck both lay out."""
    if not chart_engine_available():
        raise ExportUnavailable("briefing.no_chromium")
    names = sector_portfolio.cluster_names(con).get(lang, {})
    views = [
        slides.view(slide, lang, region_name=region_name, cluster_names=names, screen=1080)
        for slide in storyline.build(con, settings)
    ]
    images = _chart_images([v.figure for v in views], scale=scale)
    return [DeckPage(v, png) for v, png in zip(views, images)], provenance.is_illustrative(con)


def _message(v: slides.SlideView) -> str:
    return v.message + ("  ·  " + "  ·  ".join(f"{a}: {b}" for a, b in v.numbers) if v.numbers else "")


def notes_text(v: slides.SlideView) -> str:
    """The slide's notes as plain text, one note a line: what the screen shows under the slide (glossary,
    full names of short labels), Markdown undone (:func:`ui.core.escape.unmarkdown`)."""
    return "\n".join(escape.unmarkdown(n) for n in v.notes)


#: EMU (PowerPoint's unit) per millimetre: the PPTX places the boxes of :func:`pdf_layout` (same page size).
EMU_PER_MM = 36000


def deck_bytes(con: duckdb.DuckDBPyConnection, settings: storyline.DeckSettings, lang: str, region_name: str) -> bytes:
    """A 16:9 PPTX: one slide per storyline slide with its title, message, key numbers and chart where
    :func:`pdf_layout` puts them on the PDF's page of the same size (the notes are the speaker notes here,
    so the chart reaches down to the footer); the slide's notes (:func:`notes_text`) as the speaker notes."""
    pages, demo = deck_pages(con, settings, lang, region_name)
    from pptx import Presentation
    from pptx.util import Emu

    def emu(mm: float) -> Emu:
        return Emu(round(mm * EMU_PER_MM))

    measure = _page_document(lang)
    measure.add_page()  # fpdf2 measures text on a page
    deck = Presentation()
    deck.slide_width, deck.slide_height = emu(measure.w), emu(measure.h)  # 13.333 × 7.5 in
    blank = deck.slide_layouts[6]
    for p in pages:
        v = p.view
        layout = pdf_layout(measure, v, chart=p.chart_png is not None, notes=False)
        page = deck.slides.add_slide(blank)
        _text_box(page, layout.title, v.title, PDF_TITLE_PT, "Title", bold=True)
        _text_box(page, layout.message, _message(v), PDF_MESSAGE_PT, "Message")
        if layout.chart is not None:
            c = layout.chart
            page.shapes.add_picture(io.BytesIO(p.chart_png), emu(c.x), emu(c.y), width=emu(c.w), height=emu(c.h))
        if demo:  # every slide says it when illustrative figures are behind it
            _text_box(page, layout.footer, t("export.demo_note_short", lang), PDF_FOOTER_PT, "Data status")
        if v.notes:
            page.notes_slide.notes_text_frame.text = notes_text(v)
    buffer = io.BytesIO()
    deck.save(buffer)
    return buffer.getvalue()


def _text_box(page, box: Box, text: str, size: float, name: str, bold: bool = False) -> None:
    """A PPTX text box over ``box`` (mm), no inner margins (as the PDF's cells), DejaVu Sans as measured."""
    from pptx.util import Emu, Pt

    shape = page.shapes.add_textbox(*(Emu(round(v * EMU_PER_MM)) for v in (box.x, box.y, box.w, box.h)))
    shape.name = name
    frame = shape.text_frame
    frame.word_wrap = True
    frame.margin_left = frame.margin_right = frame.margin_top = frame.margin_bottom = 0
    frame.text = text
    for paragraph in frame.paragraphs:
        for run in paragraph.runs:
            run.font.size, run.font.bold, run.font.name = Pt(size), bold, "DejaVu Sans"


def _page_document(lang: str) -> pdf.Document:
    """A PDF document of the deck's page size, margins and fonts (also what :func:`pdf_layout` measures with)."""
    doc = pdf.Document(
        title=t("briefing.title", lang), lang=lang, page=pdf.SLIDE_PAGE_MM, margin=PDF_MARGIN_MM, footer=None
    )
    doc.set_auto_page_break(False)
    return doc


#: PDF deck: pages of the PPTX's size (13.333 × 7.5 in), its margins (0.5 in) and its text sizes (pt).
PDF_MARGIN_MM, PDF_FOOTER_MM = 12.7, 175.3
PDF_TITLE_PT, PDF_MESSAGE_PT, PDF_FOOTER_PT = 30, 18, 14
#: The notes under the chart: the largest of these sizes (pt) whose lines fit ``PDF_NOTES_MAX_MM`` of height.
PDF_NOTES_PT, PDF_NOTES_MAX_MM = (12, 11, 10, 9, 8), 45.0
PDF_LINE_MM_PER_PT = 0.45  #: line height, mm per pt of font size (about 1.28 × the font size)
PDF_GAP_MM = 2.0
PDF_CHART_SCALE = 2  #: charts at 3 200 px wide: sharp on a 4K projector and in print (~240 dpi)


@dataclass(frozen=True)
class Box:
    """A rectangle on a PDF page, mm from the top left corner."""

    x: float
    y: float
    w: float
    h: float

    @property
    def bottom(self) -> float:
        return self.y + self.h


@dataclass(frozen=True)
class PdfSlideLayout:
    """Where a PDF slide's parts go: title, message, chart (None without one), notes (None without any) with
    their font size, and the data-status footer."""

    title: Box
    message: Box
    chart: Box | None
    notes: Box | None
    notes_pt: float
    footer: Box


def _lines(doc: pdf.Document, text: str, width: float, size: float, style: str = "") -> int:
    doc.set_font(pdf.FAMILY, style, size)
    return len(doc.multi_cell(width, size * PDF_LINE_MM_PER_PT, text, dry_run=True, output="LINES"))


def pdf_layout(doc: pdf.Document, v: slides.SlideView, *, chart: bool, notes: bool = True) -> PdfSlideLayout:
    """Lay out one slide on ``doc``'s page (the PDF's and, in EMU, the PPTX's): the title from the top
    margin, the message under it, the notes (:func:`notes_text`; unless ``notes`` is False — the PPTX keeps
    them as speaker notes) in a band above the footer at the largest size of ``PDF_NOTES_PT`` that fits
    ``PDF_NOTES_MAX_MM``, and the chart (of ``CHART_WIDTH_PX × CHART_HEIGHT_PX``) fitted between the
    message and the notes, centred. Text is measured with the document's fonts (fpdf2 dry run)."""
    width = doc.w - 2 * PDF_MARGIN_MM
    title = Box(PDF_MARGIN_MM, 6.35, width, _lines(doc, v.title, width, PDF_TITLE_PT, "B") * PDF_TITLE_PT * 0.45)
    top = max(title.bottom + PDF_GAP_MM, 25.4)
    message = Box(PDF_MARGIN_MM, top, width, _lines(doc, _message(v), width, PDF_MESSAGE_PT) * PDF_MESSAGE_PT * 0.45)
    footer = Box(PDF_MARGIN_MM, PDF_FOOTER_MM, width, PDF_FOOTER_PT * 0.45)
    band, size = None, PDF_NOTES_PT[0]
    if v.notes and notes:
        text = notes_text(v)
        for size in PDF_NOTES_PT:
            height = _lines(doc, text, width, size) * size * PDF_LINE_MM_PER_PT
            if height <= PDF_NOTES_MAX_MM:
                break
        band = Box(PDF_MARGIN_MM, footer.y - PDF_GAP_MM - height, width, height)
    box = None
    if chart:
        top = max(message.bottom + 3, 43.2)
        room = (band.y if band else footer.y) - PDF_GAP_MM - top
        w = min(width, room * CHART_WIDTH_PX / CHART_HEIGHT_PX)
        box = Box(PDF_MARGIN_MM + (width - w) / 2, top, w, w * CHART_HEIGHT_PX / CHART_WIDTH_PX)
    return PdfSlideLayout(title, message, box, band, size, footer)


def deck_pdf_bytes(
    con: duckdb.DuckDBPyConnection, settings: storyline.DeckSettings, lang: str, region_name: str
) -> bytes:
    """The PPTX's slides as a PDF of 16:9 landscape pages (:func:`pdf_layout`): title, message with the key
    numbers (real text), the chart as a PNG at twice the PPTX's resolution, the slide's notes as real text
    under it, the data-status footer."""
    pages, demo = deck_pages(con, settings, lang, region_name, scale=PDF_CHART_SCALE)
    doc = _page_document(lang)
    for p in pages:
        v = p.view
        doc.add_page()
        layout = pdf_layout(doc, v, chart=p.chart_png is not None)
        for box, text, style, size in (
            (layout.title, v.title, "B", PDF_TITLE_PT),
            (layout.message, _message(v), "", PDF_MESSAGE_PT),
        ):
            doc.set_xy(box.x, box.y)
            doc.set_font(pdf.FAMILY, style, size)
            doc.multi_cell(box.w, size * 0.45, text, align="L", new_x="LMARGIN", new_y="NEXT")
        if layout.chart is not None:
            doc.image(io.BytesIO(p.chart_png), x=layout.chart.x, y=layout.chart.y, w=layout.chart.w)
        if layout.notes is not None:
            doc.set_xy(layout.notes.x, layout.notes.y)
            doc.set_font(pdf.FAMILY, "", layout.notes_pt)
            doc.set_text_color(75, 85, 99)  # the on-screen notes' grey (#4B5563)
            doc.multi_cell(layout.notes.w, layout.notes_pt * PDF_LINE_MM_PER_PT, notes_text(v), align="L")
            doc.set_text_color(0, 0, 0)
        if demo:
            doc.set_xy(layout.footer.x, layout.footer.y)
            doc.set_font(pdf.FAMILY, "", PDF_FOOTER_PT)
            doc.cell(layout.footer.w, layout.footer.h, t("export.demo_note_short", lang))
    return doc.bytes()


def workbook_sheets(
    con: duckdb.DuckDBPyConnection, settings: storyline.DeckSettings, lang: str
) -> dict[str, pd.DataFrame]:
    """Every table the briefing shows, one frame per sheet, headers in ``lang``, numbers as numbers."""
    deck = {s.slide_id: s for s in storyline.build(con, settings)}
    sheets: dict[str, pd.DataFrame] = {}
    name = name_column(lang)
    clusters = deck["profile"].tables["by_cluster"].copy()
    clusters["label"] = clusters[name].fillna(t("cluster.other", lang))
    sheets[t("sheet.clusters", lang)] = tables.localise(
        clusters,
        {
            "label": "col.cluster",
            "enterprises": "col.enterprises",
            "employees": "col.employees",
            "revenue_mln_rub": "col.revenue",
        },
        lang,
    )
    portfolio = deck["portfolio"].tables["portfolio"].copy()
    portfolio["name"] = portfolio[name]
    portfolio["quadrant"] = [
        t(f"sectors.quadrant.{q}", lang) if isinstance(q, str) else "" for q in portfolio["quadrant"]
    ]
    sheets[t("sheet.sectors", lang)] = tables.localise(
        portfolio,
        {
            "sector": "col.code",
            "name": "col.sector",
            "value": "col.value",
            "share": "col.share",
            "lq": "col.lq",
            "lq_start": "col.lq_start",
            "cagr": "col.cagr",
            "benchmark_cagr": "col.benchmark_cagr",
            "relative_growth": "col.relative_growth",
            "quadrant": "col.quadrant",
            "strong": "col.strong",
        },
        lang,
    )
    ranked = deck["next_steps"].tables["opportunities"].copy()
    ranked["name"] = ranked[name]
    sheet = tables.localise(
        ranked,
        {
            "sector": "col.code",
            "name": "col.sector",
            "score": "col.score",
            "rca": "col.rca",
            "density": "col.density",
            "pci": "col.pci",
            "cog": "col.cog",
        },
        lang,
    )
    notes = tables.plausibility_notes(deck["next_steps"].numbers.get("plausibility", ()), lang)
    if notes:  # the ECI/PCI caution beside the PCI column, in the first row
        sheet[t("col.pci_note", lang)] = [" ".join(notes)] + [""] * (len(sheet) - 1)
    sheets[t("sheet.opportunities", lang)] = sheet
    candidates = deck["clusters"].tables["candidates"].copy()
    candidates["name"] = candidates[name]
    sheets[t("sheet.candidates", lang)] = tables.localise(
        candidates,
        {
            "rank": "col.rank",
            "name": "col.cluster",
            "score": "col.score",
            "stars": "xl.stars",
            "members": "xl.members",
            "employees": "col.employees",
            "lq": "col.lq",
            "relative_growth": "col.relative_growth",
            "completeness": "xl.completeness",
            "cooperation": "xl.cooperation",
            "strong": "col.strong",
        },
        lang,
    )
    members = deck["network"].tables["members"].copy()
    members["name"] = members[name]
    sheets[t("sheet.members", lang)] = tables.localise(
        members,
        {
            "inn": "xl.inn",
            "name": "xl.enterprise",
            "okved": "col.code",
            "role": "xl.role",
            "employees": "col.employees",
            "revenue_mln_rub": "col.revenue",
            "purchases_from_members": "xl.purchases_from_members",
        },
        lang,
    )
    verdicts = deck["registry"].tables["verdicts"].copy()
    verdicts["name"] = verdicts[name]
    verdicts["verdict"] = [t(f"xl.verdict.{v}", lang) for v in verdicts["verdict"]]
    verdicts["failed"] = [", ".join(map(str, f)) for f in verdicts["failed"]]
    sheets[t("sheet.registry", lang)] = tables.localise(
        verdicts,
        {
            "name": "col.cluster",
            "verdict": "xl.verdict",
            "dependence": "xl.dependence",
            "threshold": "xl.threshold",
            "participants": "xl.members",
            "failed": "xl.failed",
        },
        lang,
    )
    gaps = deck["network"].tables["all_gaps"].copy()
    gaps["name"] = gaps[name]
    sheets[t("sheet.gaps", lang)] = tables.localise(
        gaps,
        {
            "okved": "col.code",
            "name": "col.sector",
            "status": "xl.status",
            "firms": "xl.firms",
            "lq": "col.lq",
            "density": "col.density",
        },
        lang,
    )
    projects = deck["subsidy"].tables["projects"].copy()
    projects["name"] = projects[name]
    projects["assumption"] = assumption_text(deck["subsidy"].numbers["assumption"], lang)
    sheets[t("sheet.scenario", lang)] = tables.localise(
        projects,
        {
            "project_id": "xl.project",
            "name": "xl.project_name",
            "eligible": "xl.eligible",
            "total_costs_mln_rub": "xl.costs",
            "subsidy_mln_rub": "xl.subsidy",
            "own_money_mln_rub": "xl.own_money",
            "npv_without_mln_rub": "xl.npv_without",
            "npv_with_mln_rub": "xl.npv_with",
            "pv_taxes_additional_mln_rub": "xl.pv_taxes_additional",
            "pv_taxes_gross_mln_rub": "xl.pv_taxes",
            "budget_effectiveness": "xl.effectiveness",
            "jobs": "xl.jobs",
            "assumption": "xl.assumption",
        },
        lang,
    )
    status = provenance.status_by_table(con)
    status["table"] = [t(f"table.{x}", lang) for x in status["table_name"]]
    status["status"] = [t(f"data.status.{x}", lang) for x in status["data_status"]]
    sheets[t("sheet.provenance", lang)] = tables.localise(
        status, {"table": "col.table", "status": "col.status", "rows": "col.rows"}, lang
    )
    return sheets


def workbook_bytes(con: duckdb.DuckDBPyConnection, settings: storyline.DeckSettings, lang: str) -> bytes:
    """The Excel workbook of :func:`workbook_sheets` (formula-like text neutralised): a first sheet
    saying which figures are illustrative, and a data-status column on every table."""
    sheets = workbook_sheets(con, settings, lang)
    every = tuple(sorted({name for names in exports.BRIEFING_TABLES.values() for name in names}))
    out = {}
    for key, tables_behind in exports.BRIEFING_TABLES.items():
        title = t(key, lang)
        if title in sheets:
            status = exports.status_label(provenance.table_status(con, tables_behind), lang)
            out[title] = export.with_status(sheets.pop(title), t("export.status_column", lang), status)
    out.update(sheets)  # the provenance sheet, as it is
    note = exports.note_lines(provenance.table_status(con, every), lang)
    return export.excel_bytes(out, note={t("export.note_sheet", lang): note})
