"""The application pack's PDF summary: what the Excel pack holds, for reading and printing.

Data from :func:`analytics.services.application_pack.pack_data` (the same as the workbook's); texts from
the catalog (``roadmap.pdf.*``), numbers through :mod:`ui.core.fmt`. Pages (A4, portrait):

1. cluster, region, year; an "illustrative data" notice when figures behind the pack are not public
   facts, and the data statuses present;
2. the result: contracts proposed and their value, functional dependence now → after against the threshold;
3. participants — name, INN, OGRN, OKVED, role, municipality, headcount, data status of the year
   («ЗАПОЛНИТЬ» / "TO FILL" where the store holds nothing);
4. contracts among participants — existing (their data status) and proposed (shaded, "calculation, not a
   contract");
5. functional dependence — one row per final producer (C … G, mln ₽), the totals, then each reading
   line by line: ``FD = ΣD / ΣC = d / c = x %`` against the threshold, the one the check tests marked;
6. the checklist of documents with what is missing.

No Streamlit here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from analytics.models.registry import RegistryParams
from analytics.services import application_pack as pack
from analytics.services import overview, sector_portfolio
from ui.core import fmt
from ui.core.i18n import CATALOG, t
from ui.downloads.pdf import Document
from ui.tables.clusters import clause_text

if TYPE_CHECKING:
    import duckdb

PROPOSED_FILL = (221, 235, 247)
BLANK_FILL = (255, 242, 204)
NOTICE_FILL = (255, 242, 204)
#: (catalog key, formula, numerator columns) of the four readings, in the workbook's order.
READINGS = (
    ("now", "ΣD / ΣC", "D"),
    ("after", "(ΣD + ΣF) / ΣC", "DF"),
    ("core_now", "(ΣD + ΣE) / ΣC", "DE"),
    ("core_after", "(ΣD + ΣE + ΣG) / ΣC", "DEG"),
)


def _text(value, blank: str) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NA:
        return blank
    return str(value)


def _names(frame: pd.DataFrame, lang: str) -> pd.Series:
    if lang == "en":
        return frame["name_en"].where(frame["name_en"].notna(), frame["name_ru"])
    return frame["name_ru"]


def _role(code, lang: str) -> str:
    key = f"clusters.role.{code}"
    return t(key, lang) if key in CATALOG[lang] else _text(code, "")


def _status(code, lang: str, blank: str) -> str:
    key = f"data.status.{code}"
    return t(key, lang) if isinstance(code, str) and key in CATALOG[lang] else blank


def render(data: pack.PackData, lang: str, *, region_name: str, cluster_name: str) -> bytes:
    """The PDF (bytes) of one pack; see the module docstring."""
    plan, year = data.plan, data.plan.year
    blank = t("roadmap.pdf.blank", lang)
    doc = Document(
        title=t("roadmap.pdf.title", lang),
        lang=lang,
        footer=t("roadmap.pdf.footer", lang, cluster=cluster_name, region=region_name, year=year),
    )
    doc.add_page()
    doc.heading(t("roadmap.pdf.title", lang), 14)
    doc.paragraph(t("roadmap.pdf.subtitle", lang, cluster=cluster_name, region=region_name, year=year), 11, bold=True)
    statuses = data.statuses()
    if "illustrative" in statuses:
        doc.paragraph(t("roadmap.pdf.illustrative", lang), 10, bold=True, fill=NOTICE_FILL)
    elif any(s != "public" for s in statuses):
        doc.paragraph(t("roadmap.pdf.not_public", lang), 10, fill=NOTICE_FILL)
    if statuses:
        doc.paragraph(
            t("roadmap.pdf.statuses", lang, statuses=", ".join(t(f"data.status.{s}", lang) for s in statuses)), 9
        )

    shares, totals = data.shares(), data.totals()
    threshold = plan.threshold
    doc.heading(t("roadmap.pdf.summary", lang), 12)
    doc.paragraph(
        t(
            "roadmap.pdf.contracts",
            lang,
            existing=fmt.integer(len(data.existing), lang),
            proposed=fmt.integer(len(plan.links), lang),
        )
        + (" · " + fmt.money_mln(float(plan.links["value_mln_rub"].sum()), lang, 3) if len(plan.links) else "")
    )
    if plan.dependence_before is not None:
        doc.paragraph(
            f"{t('roadmap.dependence_before', lang)}: {fmt.percent(plan.dependence_before, lang, 1)} → "
            f"{t('roadmap.dependence_after', lang).lower()}: {fmt.percent(plan.dependence_after, lang, 1)}"
            f" ({t('roadmap.col.threshold', lang).lower()} {fmt.percent(threshold, lang, 0)})"
        )

    part = data.participants
    doc.heading(t("roadmap.pdf.participants", lang, n=fmt.integer(len(part), lang)), 12)
    municipality = part["municipality_en" if lang == "en" else "municipality_ru"]
    rows, fills = [], []
    for i, (r, name, place) in enumerate(zip(part.itertuples(), _names(part, lang), municipality), start=1):
        values = [
            str(i),
            _text(name, blank),
            _text(r.inn, blank),
            _text(r.ogrn, blank),
            _text(r.okved, blank),
            _role(r.role, lang),
            _text(place, blank),
            blank if pd.isna(r.employees) else fmt.integer(r.employees, lang),
            _status(r.year_status, lang, blank),
        ]
        rows.append(values)
        fills.append(BLANK_FILL if blank in values else None)
    cols = ("no", "name", "inn", "ogrn", "okved", "role", "municipality", "headcount", "status")
    doc.table(
        [t(f"roadmap.pdf.col.{c}", lang) for c in cols],
        rows,
        (7, 30, 17, 21, 11, 24, 24, 21, 21),
        numeric=(False,) * 7 + (True, False),
        fills=fills,
        size=6.5,
    )

    names = dict(zip(part["inn"], _names(part, lang)))
    doc.heading(
        t(
            "roadmap.pdf.contracts",
            lang,
            existing=fmt.integer(len(data.existing), lang),
            proposed=fmt.integer(len(plan.links), lang),
        ),
        12,
    )
    rows, fills = [], []
    for r in data.existing.itertuples():
        rows.append(
            [
                f"{_text(names.get(r.supplier_inn), blank)} ({r.supplier_inn})",
                f"{_text(names.get(r.buyer_inn), blank)} ({r.buyer_inn})",
                fmt.number(float(r.value_mln_rub), lang, 3),
                t("roadmap.pdf.existing", lang),
                _status(r.data_status, lang, blank),
            ]
        )
        fills.append(None)
    for r in plan.links.itertuples():
        rows.append(
            [
                f"{_text(names.get(r.supplier_inn), blank)} ({r.supplier_inn})",
                f"{_text(names.get(r.buyer_inn), blank)} ({r.buyer_inn})",
                fmt.number(float(r.value_mln_rub), lang, 3),
                t("roadmap.pdf.proposed", lang),
                t("roadmap.pdf.proposed_status", lang),
            ]
        )
        fills.append(PROPOSED_FILL)
    if rows:
        cols = ("supplier", "buyer", "value", "kind", "status")
        doc.table(
            [t(f"roadmap.pdf.col.{c}", lang) for c in cols],
            rows,
            (29, 29, 12, 15, 15),
            numeric=(False, False, True, False, False),
            fills=fills,
            size=7.5,
        )
    else:
        doc.paragraph(t("roadmap.pdf.contracts_none", lang))

    doc.heading(t("roadmap.pdf.dependence", lang, year=year), 12)
    doc.paragraph(t("roadmap.pdf.formula", lang), 9, bold=True)
    doc.paragraph(t("roadmap.pdf.columns", lang), 8)
    dep = data.dependence
    if dep.empty:
        doc.paragraph(t("roadmap.pdf.dependence_none", lang))
    else:
        status = dict(zip(part["inn"], part["year_status"]))
        rows = [
            [
                f"{_text(name, blank)} ({r.inn})",
                *(fmt.number(getattr(r, c), lang, 3) for c in "CDEFG"),
                _status(status.get(r.inn), lang, blank),
            ]
            for r, name in zip(dep.itertuples(), _names(dep, lang))
        ]
        rows.append([t("roadmap.pdf.total", lang), *(fmt.number(totals[c], lang, 3) for c in "CDEFG"), ""])
        doc.table(
            [t("roadmap.pdf.col.name", lang), "C", "D", "E", "F", "G", t("roadmap.pdf.col.status", lang)],
            rows,
            (36, 12, 12, 12, 12, 12, 17),
            numeric=(False,) + (True,) * 5 + (False,),
            size=7.5,
            bold_last=True,
        )
        tested_core = plan.before.params.dependence_suppliers == "all"
        doc.keep(45)  # the four readings on one page
        for key, formula, numerator in READINGS:
            tested = key.startswith("core") == tested_core
            value = shares[key]
            met = threshold is not None and value >= threshold - 1e-12
            numbers = (
                "(" + " + ".join(fmt.number(totals[c], lang, 3) for c in numerator) + ")"
                if len(numerator) > 1
                else fmt.number(totals[numerator], lang, 3)
            )
            doc.paragraph(
                t(
                    "roadmap.pdf.line",
                    lang,
                    name=t(f"roadmap.pdf.{key}", lang),
                    formula=formula,
                    numbers=f"{numbers} / {fmt.number(totals['C'], lang, 3)}",
                    share=fmt.percent(value, lang, 1),
                    threshold=fmt.percent(threshold, lang, 0),
                    met=t("roadmap.pdf.met" if met else "roadmap.pdf.unmet", lang),
                    tested=t("roadmap.pdf.tested", lang) if tested else "",
                ),
                9,
                bold=tested,
            )

    doc.heading(t("roadmap.pdf.documents", lang), 12)
    documents = data.documents(lang)
    doc.table(
        [t(f"roadmap.pdf.col.{c}", lang) for c in ("document", "clause", "state", "missing")],
        [
            [
                d.name_en if lang == "en" else d.name_ru,
                clause_text(d.clause, lang),
                t(f"roadmap.pdf.state.{d.state}", lang),
                t(f"roadmap.pdf.miss.{d.missing}", lang, **{k: fmt.integer(v, lang) for k, v in d.values.items()}),
            ]
            for d in documents
        ],
        (40, 30, 11, 27),
        fills=[None if d.state == "ready" else BLANK_FILL for d in documents],
        size=8,
    )
    doc.paragraph(t("roadmap.pdf.documents_note", lang), 8)
    doc.paragraph(t("roadmap.pdf.disclaimer", lang), 8, colour=(90, 90, 90))
    return doc.bytes()


def application_pack_pdf(
    con: duckdb.DuckDBPyConnection,
    cluster_id: str,
    *,
    region: str,
    year: int,
    lang: str = "ru",
    params: RegistryParams = RegistryParams(),
    codes: tuple[str, ...] | None = None,
) -> bytes:
    """The application pack of one candidate as a PDF summary (bytes): :func:`render` of
    :func:`analytics.services.application_pack.pack_data`, names of the region and cluster from the store
    (a discovered community, which has none, by its OKVED codes)."""
    data = pack.pack_data(con, cluster_id, region=region, year=year, params=params, codes=codes)
    regions = overview.regions(con).set_index("code")
    region_name = (
        str(regions.loc[region, "name_en" if lang == "en" else "name_ru"]) if region in regions.index else region
    )
    cluster_name = sector_portfolio.cluster_names(con).get(lang, {}).get(cluster_id)
    if cluster_name is None:
        cluster_name = t("roadmap.pdf.community", lang, codes=", ".join(codes)) if codes else cluster_id
    return render(data, lang, region_name=region_name, cluster_name=cluster_name)
