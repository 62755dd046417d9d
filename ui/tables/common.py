"""Turning library frames into what people read: labels, translated headers, formatted hover text."""

from __future__ import annotations

import textwrap

import pandas as pd

from ui.core import fmt
from ui.core.i18n import CATALOG, DEFAULT_LANG, t
from ui.core.names import name_column
from ui.core.streamlit_patches import format_only_styler, keep_display


def short(text: str | None, limit: int = 34) -> str:
    """``text`` cut to ``limit`` characters with an ellipsis."""
    text = "" if text is None or (isinstance(text, float)) else str(text)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def wrap(text: str | None, width: int = 22) -> str:
    """``text`` broken into lines of at most ``width`` characters at spaces, joined by plotly's ``<br>``;
    nothing is cut (a single word longer than ``width`` keeps its own line)."""
    text = "" if text is None or isinstance(text, float) else str(text)
    return "<br>".join(textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False)) or text


def plausibility_notes(notes, lang: str) -> list[str]:
    """The ECI/PCI plausibility notes of :func:`analytics.metrics.complexity.complexity_plausibility`
    (code + numbers) as sentences in ``lang``."""
    return [t(f"complexity.note.{n.code}", lang, **n.params) for n in notes]


def sector_labels(frame: pd.DataFrame, lang: str, limit: int = 34) -> pd.Series:
    """``"29 Производство<br>автотранспортных средств, …"``: the code and the whole name in ``lang``, wrapped
    at ``limit`` characters a line (plotly ``<br>``): nothing is cut."""
    names = frame[name_column(lang)]
    return pd.Series([wrap(f"{code} {name}", limit) for code, name in zip(frame["sector"], names)], index=frame.index)


def labelled_codes(frame: pd.DataFrame, lang: str, top: int) -> str:
    """``"29 — Производство автотранспортных средств…; 26 — …"``: the full names of the ``top`` sectors by
    employees, whose bubbles carry only their code (the short name of a sector is its OKVED code)."""
    shown = frame.dropna(subset=["lq", "relative_growth"]).nlargest(top, "employees")
    return "; ".join(f"{code} — {name}" for code, name in zip(shown["sector"], shown[name_column(lang)]))


def localise(frame: pd.DataFrame, columns: dict[str, str], lang: str) -> pd.DataFrame:
    """Keep ``columns`` (column → catalog key) in that order, with headers in ``lang``."""
    return frame[list(columns)].rename(columns={c: t(k, lang) for c, k in columns.items()})


def portfolio_hover(frame: pd.DataFrame, lang: str, measure_key: str) -> pd.Series:
    """Hover text of a portfolio bubble, numbers in the language's format."""
    name = frame[name_column(lang)]
    rows = []
    for code, n, lq, rel, emp, value in zip(
        frame["sector"], name, frame["lq"], frame["relative_growth"], frame["employees"], frame["value"]
    ):
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
    "version_id": "col.version",
    "table": "col.table",
    "action_label": "col.action",
    "file_name": "col.file",
    "user_name": "col.user",
    "loaded_at": "col.loaded_at",
    "rows_after": "col.rows",
}


def versions_table(history: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The load history (:func:`analytics.services.provenance.versions`) as people read it: table and
    action translated, headers in ``lang``; row counts stay numbers (``st.column_config`` formats them)."""
    shown = history.assign(
        table=[table_name(n, lang) for n in history["table_name"]],
        action_label=[t(f"action.{a}", lang) for a in history["action"]],
    )
    return localise(shown, VERSION_COLUMNS, lang)


def versions_formats(lang: str) -> dict[str, str]:
    """Cell formats of :func:`versions_table` for :func:`styled`: row counts grouped, the load time to the
    minute in the language's date format."""
    return {t("col.rows", lang): "integer", t("col.loaded_at", lang): "timestamp"}


def registry_clusters(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Real clusters from public sources as shown: name, region, specialisation, in registry (bool),
    status as the source words it, date, source link; headers in ``lang``."""
    return localise(
        frame,
        {
            "cluster_name_ru": "col.cluster_name",
            "region_ru": "col.region",
            "specialisation": "col.specialisation",
            "in_registry": "col.in_registry",
            "registry_status": "col.registry_status",
            "status_date": "col.status_date",
            "source_url": "col.source",
        },
        lang,
    )


def programme_totals(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Decree 41 programme totals as published: period, indicator, value (text as in the source), unit,
    source link; headers in ``lang``."""
    return localise(
        frame,
        {
            "period": "col.period",
            "indicator": "col.indicator",
            "value": "col.value",
            "unit": "col.unit",
            "source_url": "col.source",
        },
        lang,
    )


def programme_projects(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Named Decree 41 projects: year of selection, cluster, region, project, source link."""
    return localise(
        frame,
        {
            "selection_year": "col.selection_year",
            "cluster_name_ru": "col.cluster_name",
            "region_ru": "col.region",
            "project_name_ru": "col.project",
            "source_url": "col.source",
        },
        lang,
    )


def finding_text(finding, lang: str) -> str:
    """A :class:`analytics.services.overview.Finding` as a Markdown sentence in ``lang``: numbers through
    :mod:`ui.core.fmt`, names in the language (escaped: they come from the data), quoted cluster names
    joined by "и" / "and"."""
    from ui.core.escape import markdown as md

    v = finding.values
    suffix = "en" if lang == "en" else "ru"
    values: dict[str, object] = {}
    if f"names_{suffix}" in v:
        names = [md(n) for n in v[f"names_{suffix}"] if n]
        values["names"] = (" и " if lang == "ru" else " and ").join(f"«{n}»" if lang == "ru" else n for n in names)
    if f"name_{suffix}" in v:
        values["name"] = md(v[f"name_{suffix}"])
    if "sector" in v:
        values["sector"] = md(f"{v['sector']} {v.get(f'name_{suffix}') or ''}".strip())
    for key in ("share", "region", "russia", "dependence", "threshold"):
        if key in v:
            digits = 0 if key in ("share", "threshold") else 1
            values[key] = fmt.percent(abs(v[key]) if key == "region" else v[key], lang, digits)
    if "russia" in v:
        values["russia"] = ("+" if v["russia"] > 0 else "") + fmt.percent(v["russia"], lang, 1)
    if "lq" in v:
        values["lq"] = fmt.number(v["lq"], lang, 1)
    for key in ("stars", "first", "last", "candidates", "passing"):
        if key in v:
            values[key] = v[key]
    return t(f"home.finding.{finding.code}", lang, **values)


#: Display formats of table columns: kind → the text of one value in a language (through :mod:`ui.core.fmt`).
CELL_FORMATS = {
    "integer": lambda v, lang: fmt.integer(v, lang),
    "number1": lambda v, lang: fmt.number(v, lang, 1),
    "number2": lambda v, lang: fmt.number(v, lang, 2),
    "number3": lambda v, lang: fmt.number(v, lang, 3),
    "percent": lambda v, lang: fmt.percent(v, lang, 1),  # a share 0–1
    "percent2": lambda v, lang: fmt.percent(v, lang, 2),
    "plain": lambda v, lang: str(int(v)),  # years and row numbers: no group separator
    "timestamp": lambda v, lang: fmt.timestamp(v, lang),  # a load's date and time, to the minute
}


def styled(frame: pd.DataFrame, lang: str, formats: dict[str, str]):
    """``frame`` as a pandas Styler for ``st.dataframe``: the cells of ``formats``' columns (column → a kind
    of :data:`CELL_FORMATS`) read in the UI language's number format (``1 234,5`` / ``1,234.5``), whatever
    the browser's locale; the values stay numbers, so sorting by a column still sorts numbers."""
    present = {c: k for c, k in formats.items() if c in frame.columns}

    def cell(value, kind: str) -> str:
        return fmt.DASH if value is None or pd.isna(value) else CELL_FORMATS[kind](value, lang)

    styler = format_only_styler(frame).format({c: (lambda v, k=k: cell(v, k)) for c, k in present.items()})
    return keep_display(styler, ("styled", lang, tuple(present.items())))  # the display values depend on these only
