"""One number format everywhere (issue 15, item 3): every page and every slide, rendered in Russian and in
English, with everything a user reads — headings, text, captions, metrics, alerts, widget labels and
options, table cells as displayed, chart texts and hover templates — scanned for numbers written in the
other language's format. The scanner's rules and exclusions are in :mod:`tests.number_scan`."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import pytest
from streamlit import dataframe_util
from streamlit.testing.v1 import AppTest

from analytics import store
from tests.number_scan import Known, figure_problems, offenders
from ui.core import fmt

APP = str(Path(__file__).resolve().parent.parent / "app.py")

PAGES = [
    "app_pages/home.py",
    "app_pages/sectors.py",
    "app_pages/clusters.py",
    "app_pages/enterprise.py",
    "app_pages/subsidies.py",
    "app_pages/present.py",
    "app_pages/methodology.py",
    "app_pages/data.py",
    "app_pages/about_data.py",
]
SLIDES = 8


# --- the scanner itself: it finds planted bad numbers and passes good ones ---------------------------------

KNOWN = Known(codes={"29.10", "28.29", "29", "C"}, identifiers={"4000000001", "29701000"})


@pytest.mark.parametrize(
    "text",
    [
        "Занятость 57.84 тыс.",  # decimal point
        "Выручка 1,103.027 млн ₽",  # English groups and point
        "8575.0 человек",
        "доля 0,97%",  # no space before %
        "доля 0,97 %",  # a plain space (breakable) before %
        "1,234.5",
        "всего 12345 человек",  # five digits, not grouped
        "всего 12\u00a03456",  # a group of four
        "всего 1,234,567",  # commas as groups
        "LQ 3.7 (28.29 Производство прочих машин)",  # the LQ, not the code
    ],
)
def test_the_scanner_finds_a_bad_number_in_russian(text):
    assert offenders(text, "ru", KNOWN), text


@pytest.mark.parametrize(
    "text",
    [
        "Employment 12,5 thousand",  # decimal comma
        "share 10 %",
        "share 10\u00a0%",
        "total 12345 persons",
        "total 12\u00a0345",
        "total 1,23,456",
        "1.234.567",
    ],
)
def test_the_scanner_finds_a_bad_number_in_english(text):
    assert offenders(text, "en", KNOWN), text


@pytest.mark.parametrize(
    "text",
    [
        "Занятость 57,84 тыс.; выручка 1\u00a0103,0 млн\u00a0₽; 12\u202f345 человек; доля 0,97\u00a0%",
        "29.10 Производство автотранспортных средств (LQ 3,7)",
        "28.29 — Производство прочих машин",
        "29.10",  # a code alone in a cell
        "коды ОКВЭД 29.10, 28.29",
        "данные на 01.07.2024, 2019–2023 гг., 1 234 предприятия",  # a date, years, a 4-digit count
        "ИНН 4000000001, ОКТМО 29701000",
        "версия v1.2.3, CO2, <div style='font-size: 1.2rem'>текст</div>",
        "[ссылка](/present?present=1&slide=2)",
    ],
)
def test_the_scanner_passes_good_russian(text):
    assert offenders(text, "ru", KNOWN) == []


@pytest.mark.parametrize(
    "text",
    [
        "Employment 57.84k; revenue RUB 1,103.0 mln; 12,345 persons; share 0.97%; 10%",
        "29.10 Manufacture of motor vehicles (LQ 3.7)",
        "as of 01.07.2024, 2019–2023, 1234 firms",
    ],
)
def test_the_scanner_passes_good_english(text):
    assert offenders(text, "en", KNOWN) == []


def test_the_scanner_checks_a_figures_separators_formats_and_texts():
    spec = {
        "data": [
            {"hovertemplate": "%{y:.1%}<extra></extra>", "text": ["57.84"], "y": [0.5]},
            {"hovertemplate": "LQ %{x:,.2f}", "text": ["57,84"]},
        ],
        "layout": {"separators": ".,", "yaxis": {"ticksuffix": "%", "tickformat": ".0%"}},
    }
    problems = figure_problems(spec, "ru", fmt.plotly_separators("ru"))
    assert any("separators" in p for p in problems)
    assert any("hovertemplate" in p and "10%" in p for p in problems)
    assert any("tickformat" in p for p in problems)
    assert any("ticksuffix" in p for p in problems)
    assert any("'57.84'" in p for p in problems)
    assert not any("57,84" in p for p in problems)
    good = {"data": [{"hovertemplate": "LQ %{x:,.2f}", "text": ["57,84"]}], "layout": {"separators": ", "}}
    assert figure_problems(good, "ru", ", ") == []


# --- what a page shows ----------------------------------------------------------------------------------


def _display_frame(element) -> pd.DataFrame:
    """A ``st.dataframe`` as the user sees it: the Styler's display values when the table is styled."""
    arrow = element.proto.arrow_data
    if arrow.HasField("styler") and arrow.styler.display_values:
        return dataframe_util.convert_arrow_bytes_to_pandas_df(arrow.styler.display_values)
    return element.value


def _frame_problems(frame: pd.DataFrame, lang: str, known: Known) -> list[str]:
    """Headers and cells as text; a raw numeric column (the browser formats it, not the UI language) is a
    problem when it holds a fraction or a number of five digits or more."""
    found = []
    for header in [*map(str, frame.columns), *map(str, frame.index.names)]:
        found += offenders(header, lang, known)
    for column in frame.columns:
        values = frame[column]
        if pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(values):
            numbers = values.dropna().astype(float)
            if ((numbers % 1 != 0) | (numbers.abs() >= 10_000)).any():
                found.append(f"column {column!r}: raw numbers shown by the browser ({numbers.iloc[0]})")
            continue
        for cell in values.dropna().astype(str).unique():
            if cell in known.verbatim:
                continue
            found += [f"column {column!r}: {o}" for o in offenders(cell, lang, known)]
    return found


def read(at: AppTest, lang: str, known: Known) -> list[str]:
    """The number-format problems in everything ``at`` shows (main area and sidebar)."""
    problems: list[str] = []

    def text(value, where):
        if value:
            problems.extend(f"{where}: {o}" for o in offenders(str(value), lang, known))

    def walk(node):
        kind = getattr(node, "type", "")
        if kind in ("markdown", "caption", "title", "header", "subheader", "text", "toast"):
            text(node.value, kind)
        elif kind == "metric":
            text(node.label, "metric label")
            text(node.value, "metric value")
            text(node.proto.delta, "metric delta")
        elif kind in ("info", "warning", "success", "error"):
            text(node.value, kind)
        elif kind == "html":
            text(node.proto.body, kind)
        elif kind == "dataframe":
            problems.extend(f"table: {o}" for o in _frame_problems(_display_frame(node), lang, known))
        elif kind == "plotly_chart":
            problems.extend(
                f"chart: {o}" for o in figure_problems(node.proto.spec, lang, fmt.plotly_separators(lang), known)
            )
        else:
            for attribute in ("label", "help", "placeholder"):
                proto = getattr(node, "proto", None)
                value = getattr(proto, attribute, None) if proto is not None else None
                if isinstance(value, str):
                    text(value, f"{kind} {attribute}")
            options = getattr(getattr(node, "proto", None), "options", None)
            if options is not None:
                for option in options:
                    text(option if isinstance(option, str) else getattr(option, "content", ""), f"{kind} option")
        children = getattr(node, "children", None)
        if isinstance(children, dict):
            for child in children.values():
                walk(child)

    walk(at._tree)
    return problems


@pytest.fixture(scope="module")
def known(demo_db) -> Known:
    """What the scanner does not read as numbers: the store's codes and identifiers, and the texts shown as
    in their source (see :mod:`tests.number_scan`)."""
    from analytics.data.validate.tables import TABLES

    def column(sql_text: str) -> set[str]:
        return {str(v) for (v,) in con.execute(sql_text).fetchall() if v is not None}

    con = store.connect(demo_db, read_only=True)
    try:
        codes = column("select code from sectors") | column("select okved from cluster_templates")
        for products in column("select label from io_cells where col_code = 'okpd2'"):
            codes |= {p.strip() for p in re.split(r"\+|без|и", products) if p.strip()}
        identifiers = column("select inn from enterprises") | column("select oktmo from municipalities")
        verbatim = column("select value from public_facts") | column("select registry_status from registry_clusters")
        verbatim |= column("select project_name_ru from programme_projects")
    finally:
        con.close()
    verbatim |= {c.example for spec in TABLES.values() for c in spec.columns if c.example}
    return Known(codes=codes, identifiers=identifiers, verbatim=verbatim)


def _run(page: str | None, lang: str, **params: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params["lang"] = lang
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    if page and page != PAGES[0]:
        at.switch_page(page)
        at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


@pytest.mark.parametrize("lang", ["ru", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_every_page_writes_numbers_in_its_language(app_db, known, page, lang):
    problems = read(_run(page, lang), lang, known)
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_every_slide_writes_numbers_in_its_language(app_db, known, lang):
    at = _run(None, lang, present="1")
    problems = [f"slide 1: {p}" for p in read(at, lang, known)]
    for number in range(2, SLIDES + 1):
        at.button(key="slide-next").click().run()
        assert not at.exception, [e.value for e in at.exception]
        problems += [f"slide {number}: {p}" for p in read(at, lang, known)]
    assert problems == [], "\n".join(problems)


def test_a_figure_spec_is_json():
    # AppTest hands the figure as its JSON text; the scanner reads both
    assert figure_problems(json.dumps({"data": [], "layout": {"separators": ", "}}), "ru", ", ") == []
