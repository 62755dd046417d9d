"""Briefing files: the storyline as a PPTX deck and everything the pages show as an Excel workbook.

No Streamlit here: the same functions serve the app's download buttons and a notebook.
Static chart images need a browser engine: kaleido drives the system's Debian chromium
(``apt-get install chromium``). Without it :func:`deck_bytes` raises :class:`ExportUnavailable`
and the app says so; the Excel workbook needs nothing extra.
"""
from __future__ import annotations

import io
import shutil
from typing import TYPE_CHECKING

import pandas as pd

from analytics.data import export
from analytics.services import provenance, sector_portfolio, storyline
from ui.charts import slides
from ui.core.i18n import t
from ui.core.names import name_column
from ui.downloads import exports
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


def _figure_png(figure) -> bytes:
    return figure.to_image(format="png", width=SLIDE_WIDTH_PX, height=SLIDE_HEIGHT_PX - 260, scale=1)


def deck_bytes(con: duckdb.DuckDBPyConnection, settings: storyline.DeckSettings, lang: str,
               region_name: str) -> bytes:
    """A 16:9 PPTX: one slide per storyline slide with its title, message, key numbers and chart."""
    if not chart_engine_available():
        raise ExportUnavailable("briefing.no_chromium")
    from pptx import Presentation
    from pptx.util import Emu, Pt

    deck = Presentation()
    deck.slide_width, deck.slide_height = Emu(12192000), Emu(6858000)  # 13.333 × 7.5 in
    blank = deck.slide_layouts[6]
    names = sector_portfolio.cluster_names(con).get(lang, {})
    demo = provenance.is_illustrative(con)
    for slide in storyline.build(con, settings):
        v = slides.view(slide, lang, region_name=region_name, cluster_names=names, screen=1080)
        page = deck.slides.add_slide(blank)
        title = page.shapes.add_textbox(Emu(457200), Emu(228600), Emu(11277600), Emu(685800))
        title.text_frame.text = v.title
        title.text_frame.paragraphs[0].runs[0].font.size = Pt(34)
        title.text_frame.paragraphs[0].runs[0].font.bold = True
        title.name = "Title"
        message = page.shapes.add_textbox(Emu(457200), Emu(914400), Emu(11277600), Emu(548640))
        message.text_frame.word_wrap = True
        message.text_frame.text = v.message + ("  ·  " + "  ·  ".join(f"{a}: {b}" for a, b in v.numbers)
                                               if v.numbers else "")
        message.text_frame.paragraphs[0].runs[0].font.size = Pt(18)
        if v.figure is not None:
            figure = v.figure
            figure.update_layout(height=None, width=None)
            page.shapes.add_picture(io.BytesIO(_figure_png(figure)), Emu(457200), Emu(1554480),
                                    width=Emu(11277600))
        if demo:  # every slide says it when illustrative figures are behind it
            footer = page.shapes.add_textbox(Emu(457200), Emu(6309360), Emu(11277600), Emu(365760))
            footer.text_frame.text = t("export.demo_note_short", lang)
            footer.text_frame.paragraphs[0].runs[0].font.size = Pt(14)
            footer.name = "Data status"
    buffer = io.BytesIO()
    deck.save(buffer)
    return buffer.getvalue()


def workbook_sheets(con: duckdb.DuckDBPyConnection, settings: storyline.DeckSettings, lang: str) -> dict[str, pd.DataFrame]:
    """Every table the briefing shows, one frame per sheet, headers in ``lang``, numbers as numbers."""
    deck = {s.slide_id: s for s in storyline.build(con, settings)}
    sheets: dict[str, pd.DataFrame] = {}
    name = name_column(lang)
    clusters = deck["profile"].tables["by_cluster"].copy()
    clusters["label"] = clusters[name].fillna(t("cluster.other", lang))
    sheets[t("sheet.clusters", lang)] = tables.localise(
        clusters, {"label": "col.cluster", "enterprises": "col.enterprises", "employees": "col.employees",
                   "revenue_mln_rub": "col.revenue"}, lang)
    portfolio = deck["portfolio"].tables["portfolio"].copy()
    portfolio["name"] = portfolio[name]
    portfolio["quadrant"] = [t(f"sectors.quadrant.{q}", lang) if isinstance(q, str) else "" for q in portfolio["quadrant"]]
    sheets[t("sheet.sectors", lang)] = tables.localise(
        portfolio, {"sector": "col.code", "name": "col.sector", "value": "col.value", "share": "col.share",
                    "lq": "col.lq", "lq_start": "col.lq_start", "cagr": "col.cagr",
                    "benchmark_cagr": "col.benchmark_cagr", "relative_growth": "col.relative_growth",
                    "quadrant": "col.quadrant", "strong": "col.strong"}, lang)
    ranked = deck["next_steps"].tables["opportunities"].copy()
    ranked["name"] = ranked[name]
    sheet = tables.localise(
        ranked, {"sector": "col.code", "name": "col.sector", "score": "col.score", "rca": "col.rca",
                 "density": "col.density", "pci": "col.pci", "cog": "col.cog"}, lang)
    notes = tables.plausibility_notes(deck["next_steps"].numbers.get("plausibility", ()), lang)
    if notes:  # the ECI/PCI caution beside the PCI column, in the first row
        sheet[t("col.pci_note", lang)] = [" ".join(notes)] + [""] * (len(sheet) - 1)
    sheets[t("sheet.opportunities", lang)] = sheet
    candidates = deck["clusters"].tables["candidates"].copy()
    candidates["name"] = candidates[name]
    sheets[t("sheet.candidates", lang)] = tables.localise(
        candidates, {"rank": "col.rank", "name": "col.cluster", "score": "col.score", "stars": "xl.stars",
                     "members": "xl.members", "employees": "col.employees", "lq": "col.lq",
                     "relative_growth": "col.relative_growth", "completeness": "xl.completeness",
                     "cooperation": "xl.cooperation", "strong": "col.strong"}, lang)
    members = deck["network"].tables["members"].copy()
    members["name"] = members[name]
    sheets[t("sheet.members", lang)] = tables.localise(
        members, {"inn": "xl.inn", "name": "xl.enterprise", "okved": "col.code", "role": "xl.role",
                  "employees": "col.employees", "revenue_mln_rub": "col.revenue",
                  "purchases_from_members": "xl.purchases_from_members"}, lang)
    verdicts = deck["registry"].tables["verdicts"].copy()
    verdicts["name"] = verdicts[name]
    verdicts["verdict"] = [t(f"xl.verdict.{v}", lang) for v in verdicts["verdict"]]
    verdicts["failed"] = [", ".join(map(str, f)) for f in verdicts["failed"]]
    sheets[t("sheet.registry", lang)] = tables.localise(
        verdicts, {"name": "col.cluster", "verdict": "xl.verdict", "dependence": "xl.dependence",
                   "threshold": "xl.threshold", "participants": "xl.members", "failed": "xl.failed"}, lang)
    gaps = deck["network"].tables["all_gaps"].copy()
    gaps["name"] = gaps[name]
    sheets[t("sheet.gaps", lang)] = tables.localise(
        gaps, {"okved": "col.code", "name": "col.sector", "status": "xl.status", "firms": "xl.firms",
               "lq": "col.lq", "density": "col.density"}, lang)
    projects = deck["subsidy"].tables["projects"].copy()
    projects["name"] = projects[name]
    projects["assumption"] = assumption_text(deck["subsidy"].numbers["assumption"], lang)
    sheets[t("sheet.scenario", lang)] = tables.localise(
        projects, {"project_id": "xl.project", "name": "xl.project_name", "eligible": "xl.eligible",
                   "total_costs_mln_rub": "xl.costs", "subsidy_mln_rub": "xl.subsidy",
                   "own_money_mln_rub": "xl.own_money", "npv_without_mln_rub": "xl.npv_without",
                   "npv_with_mln_rub": "xl.npv_with", "pv_taxes_additional_mln_rub": "xl.pv_taxes_additional",
                   "pv_taxes_gross_mln_rub": "xl.pv_taxes", "budget_effectiveness": "xl.effectiveness",
                   "jobs": "xl.jobs", "assumption": "xl.assumption"}, lang)
    status = provenance.status_by_table(con)
    status["table"] = [t(f"table.{x}", lang) for x in status["table_name"]]
    status["status"] = [t(f"data.status.{x}", lang) for x in status["data_status"]]
    sheets[t("sheet.provenance", lang)] = tables.localise(
        status, {"table": "col.table", "status": "col.status", "rows": "col.rows"}, lang)
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
