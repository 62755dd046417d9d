"""Files users download from the pages: every table carries its data status, and a workbook opens with
a note saying which figures are illustrative and where the sources are listed.

The bytes come from :mod:`analytics.data.export` (formula-safe CSV and XLSX); this module adds what the
reader must know, in the UI language.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

from analytics.data import export
from analytics.services import provenance
from ui.core.i18n import t

#: The store tables behind each kind of exported table (their value statuses go into the file).
SECTOR_TABLES = ("region_sector_years",)
MEMBER_TABLES = ("enterprises", "enterprise_years", "supply_links")
PROJECT_TABLES = ("projects", "project_costs", "project_revenues")


def status_label(statuses: Sequence[str], language: str) -> str:
    """ "публичный факт + условно": the statuses of the data behind a figure, in ``language``."""
    return " + ".join(t(f"data.status.{s}", language) for s in statuses) or t("export.status_unknown", language)


def _with_status(frame: pd.DataFrame, statuses: Sequence[str], language: str) -> pd.DataFrame:
    column = t("export.status_column", language)
    if "data_status" in frame.columns:  # per row, where the rows carry their own status
        per_row = [t(f"data.status.{s}", language) if isinstance(s, str) else "" for s in frame["data_status"]]
        return export.with_status(frame.drop(columns="data_status"), column, per_row)
    return export.with_status(frame, column, status_label(statuses, language))


def note_lines(statuses: Sequence[str], language: str) -> list[str]:
    """What the first sheet of a workbook says about the figures in it."""
    lines = [t("export.note_status", language, statuses=status_label(statuses, language))]
    if "illustrative" in statuses:
        lines.append(t("app.demo_note", language))
    lines.append(t("export.note_sources", language))
    return lines


@dataclass(frozen=True)
class ExportContext:
    """What a download needs to know, read during the page's run (the file itself may be made later,
    when the button is pressed, outside the page's run)."""

    language: str
    statuses: tuple[str, ...]


def context(tables: tuple[str, ...]) -> ExportContext:
    """The UI language and the value statuses of ``tables``, read now (in a page's run)."""
    from ui.core.state import cached, lang  # Streamlit only here: the rest serves notebooks and the briefing too

    return ExportContext(lang(), tuple(cached(provenance.table_status, tables)))


#: The store tables behind each sheet of the briefing workbook (keys: the sheet's catalog key).
BRIEFING_TABLES: dict[str, tuple[str, ...]] = {
    "sheet.clusters": ("enterprises", "enterprise_years", "cluster_templates"),
    "sheet.sectors": SECTOR_TABLES,
    "sheet.opportunities": SECTOR_TABLES,
    "sheet.candidates": ("region_sector_years", "enterprises", "enterprise_years", "cluster_templates"),
    "sheet.members": MEMBER_TABLES,
    "sheet.registry": MEMBER_TABLES,
    "sheet.gaps": ("region_sector_years", "enterprises", "cluster_templates"),
    "sheet.scenario": PROJECT_TABLES,
}


def csv_file(frame: pd.DataFrame, ctx: ExportContext) -> bytes:
    """CSV of ``frame`` with a status column (and the demo note when illustrative rows are behind it)."""
    note = t("export.demo_note_short", ctx.language) if "illustrative" in ctx.statuses else None
    return export.csv_bytes(_with_status(frame, ctx.statuses, ctx.language), note=note)


def xlsx_file(sheets: Mapping[str, pd.DataFrame], ctx: ExportContext) -> bytes:
    """XLSX of ``sheets``: a first sheet with the note, then every table with its status column."""
    return export.excel_bytes(
        {name: _with_status(frame, ctx.statuses, ctx.language) for name, frame in sheets.items()},
        note={t("export.note_sheet", ctx.language): note_lines(ctx.statuses, ctx.language)},
    )
