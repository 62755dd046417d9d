"""Turning library frames into what people read: labels, translated headers, formatted hover text."""
from __future__ import annotations

import pandas as pd

from ui.core import fmt
from ui.core.i18n import CATALOG, DEFAULT_LANG, t
from ui.core.names import name_column


def short(text: str | None, limit: int = 34) -> str:
    """``text`` cut to ``limit`` characters with an ellipsis."""
    text = "" if text is None or (isinstance(text, float)) else str(text)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def plausibility_notes(notes, lang: str) -> list[str]:
    """The ECI/PCI plausibility notes of :func:`analytics.metrics.complexity.complexity_plausibility`
    (code + numbers) as sentences in ``lang``."""
    return [t(f"complexity.note.{n.code}", lang, **n.params) for n in notes]


def sector_labels(frame: pd.DataFrame, lang: str, limit: int = 34) -> pd.Series:
    """``"29 Производство автотранспортных…"``: the code and a shortened name in ``lang``."""
    names = frame[name_column(lang)]
    return pd.Series([f"{code} {short(name, limit)}" for code, name in zip(frame["sector"], names)],
                     index=frame.index)


def localise(frame: pd.DataFrame, columns: dict[str, str], lang: str) -> pd.DataFrame:
    """Keep ``columns`` (column → catalog key) in that order, with headers in ``lang``."""
    return frame[list(columns)].rename(columns={c: t(k, lang) for c, k in columns.items()})


def portfolio_hover(frame: pd.DataFrame, lang: str, measure_key: str) -> pd.Series:
    """Hover text of a portfolio bubble, numbers in the language's format."""
    name = frame[name_column(lang)]
    rows = []
    for code, n, lq, rel, emp, value in zip(frame["sector"], name, frame["lq"], frame["relative_growth"],
                                            frame["employees"], frame["value"]):
        rows.append(
            f"<b>{code} {short(n, 60)}</b><br>"
            f"LQ: {fmt.number(lq, lang, 2)}<br>"
            f"{t('col.relative_growth', lang)}: {fmt.number(100 * rel, lang, 1)} {t('unit.pp', lang)}<br>"
            f"{t('col.employees', lang)}: {fmt.integer(emp, lang)}<br>"
            f"{t(measure_key, lang)}: {fmt.number(value, lang, 0)}"
        )
    return pd.Series(rows, index=frame.index)


def table_name(table: str, lang: str) -> str:
    """A store table's name in ``lang`` (``table.<name>`` in the catalog), the table's own name if none."""
    key = f"table.{table}"
    return t(key, lang) if key in CATALOG.get(lang, CATALOG[DEFAULT_LANG]) else table


#: Columns of the load history as shown (store column → catalog key of its header).
VERSION_COLUMNS: dict[str, str] = {
    "version_id": "col.version", "table": "col.table", "action_label": "col.action", "file_name": "col.file",
    "user_name": "col.user", "loaded_at": "col.loaded_at", "rows_after": "col.rows",
}


def versions_table(history: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The load history (:func:`analytics.services.provenance.versions`) as people read it: table and
    action translated, headers in ``lang``; row counts stay numbers (``st.column_config`` formats them)."""
    shown = history.assign(table=[table_name(n, lang) for n in history["table_name"]],
                           action_label=[t(f"action.{a}", lang) for a in history["action"]])
    return localise(shown, VERSION_COLUMNS, lang)


def registry_clusters(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Real clusters from public sources as shown: name, region, specialisation, in registry (bool),
    status as the source words it, date, source link; headers in ``lang``."""
    return localise(frame, {"cluster_name_ru": "col.cluster_name", "region_ru": "col.region",
                            "specialisation": "col.specialisation", "in_registry": "col.in_registry",
                            "registry_status": "col.registry_status", "status_date": "col.status_date",
                            "source_url": "col.source"}, lang)


def programme_totals(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Decree 41 programme totals as published: period, indicator, value (text as in the source), unit,
    source link; headers in ``lang``."""
    return localise(frame, {"period": "col.period", "indicator": "col.indicator", "value": "col.value",
                            "unit": "col.unit", "source_url": "col.source"}, lang)


def programme_projects(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Named Decree 41 projects: year of selection, cluster, region, project, source link."""
    return localise(frame, {"selection_year": "col.selection_year", "cluster_name_ru": "col.cluster_name",
                            "region_ru": "col.region", "project_name_ru": "col.project",
                            "source_url": "col.source"}, lang)
