"""The route to the registry for the Clusters page, and the application pack as an Excel workbook.

:func:`route_view` — what the "Route to the registry" tab draws: the roadmap
(:func:`analytics.models.roadmap.registry_roadmap`), the members and the existing links.

:func:`application_pack` — a workbook pre-filled from the store for an application under Decree No. 779
(as amended), sheets:

1. participants — name, INN, OGRN, OKVED, role, municipality, headcount, data status;
2. contracts — existing supply links among participants (their data status) and the proposed ones
   (marked "proposed", with the reason);
3. functional dependence — one row per final producer (purchases known): all purchases ``C``,
   purchases from participants that are not final producers ``D``, from other final producers ``E``,
   proposed additions that count ``F`` and all proposed additions to it ``G``; then the shares as live
   formulas: now ``=SUM(D)/SUM(C)``, after ``=(SUM(D)+SUM(F))/SUM(C)``, and the core → core reading
   ``=(SUM(D)+SUM(E))/SUM(C)``, ``=(SUM(D)+SUM(E)+SUM(G))/SUM(C)``, each against the threshold;
4. specialised organisation — its details from the store, blanks for what the store does not hold;
5. documents — :data:`analytics.models.rules.APPLICATION_DOCUMENTS` with what is there and what is missing.

Blanks the agency must fill read «ЗАПОЛНИТЬ» / "TO FILL" on a yellow fill. Text from the data never
becomes a formula: a text cell starting with ``= + - @`` gets a leading apostrophe
(:func:`analytics.data.export.neutralise`'s rule) and is written as a string; the only formulas are
the fixed ones above, built from cell addresses.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

import duckdb
import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

from analytics.data.export import FORMULA_PREFIXES
from analytics.models import clusters, roadmap, rules
from analytics.models.clusters import isin
from analytics.models.registry import RegistryParams
from analytics.queries import roadmap as roadmap_queries

BLANK_FILL = PatternFill("solid", fgColor="FFF2CC")
PROPOSED_FILL = PatternFill("solid", fgColor="DDEBF7")
BOLD = Font(bold=True)

#: Sheet titles and labels of the pack (Russian, English).
LABELS: dict[str, tuple[str, str]] = {
    "sheet.participants": ("Участники", "Participants"),
    "sheet.contracts": ("Договоры", "Contracts"),
    "sheet.dependence": ("Функц. зависимость", "Functional dependence"),
    "sheet.specialised": ("Спец. организация", "Specialised org"),
    "sheet.documents": ("Документы", "Documents"),
    "blank": ("ЗАПОЛНИТЬ", "TO FILL"),
    "no": ("№", "No."),
    "name": ("Наименование", "Name"),
    "inn": ("ИНН", "INN"),
    "ogrn": ("ОГРН", "OGRN"),
    "okved": ("ОКВЭД 2", "OKVED 2"),
    "role": ("Роль", "Role"),
    "municipality": ("Муниципальное образование", "Municipality"),
    "headcount": ("Численность, чел.", "Headcount, persons"),
    "status": ("Статус данных", "Data status"),
    "year_status": ("Статус данных за год", "Data status of the year"),
    "supplier": ("Поставщик", "Supplier"),
    "supplier_inn": ("ИНН поставщика", "Supplier INN"),
    "buyer": ("Покупатель", "Buyer"),
    "buyer_inn": ("ИНН покупателя", "Buyer INN"),
    "value": ("Сумма за год, млн ₽", "Value in the year, mln ₽"),
    "kind": ("Вид", "Kind"),
    "existing": ("действующий (данные)", "existing (data)"),
    "proposed": ("предлагаемый", "proposed"),
    "proposed_status": ("расчёт, не договор", "calculation, not a contract"),
    "reason": ("Основание", "Reason"),
    "dep.title": (
        "Расчёт общего уровня функциональной зависимости, {year} г.",
        "Overall level of functional dependence, {year}",
    ),
    "dep.formula": (
        "ФЗ = Σ закупок производителей конечной продукции у других участников ÷ Σ всех их закупок",
        "FD = Σ purchases of final producers from other participants ÷ Σ all their purchases",
    ),
    "dep.C": ("Все закупки, млн ₽", "All purchases, mln ₽"),
    "dep.D": (
        "У участников — не производителей конечной продукции, млн ₽",
        "From participants that are not final producers, mln ₽",
    ),
    "dep.E": ("У других производителей конечной продукции, млн ₽", "From other final producers, mln ₽"),
    "dep.F": ("Предлагается (засчитывается), млн ₽", "Proposed (counted), mln ₽"),
    "dep.G": ("Предлагается всего, млн ₽", "Proposed in all, mln ₽"),
    "dep.total": ("Итого", "Total"),
    "dep.now": ("Уровень сейчас (прочтение по умолчанию)", "Level now (default reading)"),
    "dep.after": ("Уровень после предлагаемых договоров", "Level after the proposed contracts"),
    "dep.core_now": (
        "Иное прочтение (с закупками между производителями) сейчас",
        "Other reading (core → core counted) now",
    ),
    "dep.core_after": ("Иное прочтение после договоров", "Other reading after the contracts"),
    "dep.threshold": ("Порог", "Threshold"),
    "dep.met": ("Выполнено?", "Met?"),
    "dep.tested": ("проверяется", "tested"),
    "yes": ("да", "yes"),
    "noo": ("нет", "no"),
    "spec.none": ("Специализированная организация в данных не определена", "No specialised organisation in the data"),
    "spec.address": ("Адрес", "Address"),
    "spec.head": ("Руководитель", "Head"),
    "spec.contacts": ("Контакты", "Contacts"),
    "spec.programme": ("Программа развития кластера", "Development programme"),
    "doc.document": ("Документ", "Document"),
    "doc.clause": ("Пункт", "Clause"),
    "doc.state": ("Что есть", "State"),
    "doc.missing": ("Чего не хватает", "Missing"),
    "state.ready": ("в пакете", "in the pack"),
    "state.partial": ("частично", "partly"),
    "state.absent": ("нет", "absent"),
    "miss.blanks": ("пропусков: {n}", "blanks: {n}"),
    "miss.copies": (
        "копии договоров: {existing}; подписать предлагаемые: {proposed}",
        "copies of contracts: {existing}; sign the proposed: {proposed}",
    ),
    "miss.unmet": ("требование не выполнено и после договоров", "not met even after the contracts"),
    "miss.write": ("подготовить", "to prepare"),
    "miss.none": ("—", "—"),
    "miss.no_org": ("организации нет в данных", "no organisation in the data"),
    "miss.status": (
        "перечень документов — прочтение проекта (проверить)",
        "list of documents: the project's reading (to verify)",
    ),
}


def _label(key: str, lang: str, **values: Any) -> str:
    ru, en = LABELS[key]
    text = en if lang == "en" else ru
    return text.format(**values) if values else text


def _safe(value: Any) -> Any:
    """A cell value that can never be read as a formula (text from the data)."""
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return None
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


@dataclass(frozen=True)
class RouteView:
    """What the tab draws: the roadmap, the members and the existing links among them."""

    roadmap: roadmap.RegistryRoadmap
    members: pd.DataFrame
    links: pd.DataFrame


def route_view(
    con: duckdb.DuckDBPyConnection,
    cluster_id: str,
    *,
    region: str,
    year: int,
    params: RegistryParams = RegistryParams(),
    codes: tuple[str, ...] | None = None,
) -> RouteView:
    """The roadmap of one candidate with its members and links (one call for the page's tab)."""
    plan = roadmap.registry_roadmap(con, cluster_id, region=region, year=year, params=params, codes=codes)
    members = clusters.members(con, cluster_id, region=region, year=year, codes=codes)
    return RouteView(plan, members, clusters.links_among(con, members["inn"], year))


def _put(
    ws,
    row: int,
    values: list[Any],
    *,
    blank_label: str | None = None,
    bold: bool = False,
    fill: PatternFill | None = None,
) -> None:
    for col, value in enumerate(values, start=1):
        cell = ws.cell(row=row, column=col)
        cell.value = _safe(value)
        if isinstance(cell.value, str):
            cell.data_type = "s"
        if blank_label is not None and cell.value is None:
            cell.value = blank_label
            cell.fill = BLANK_FILL
        elif fill is not None:
            cell.fill = fill
        if bold:
            cell.font = BOLD


def _widths(ws, widths: list[int]) -> None:
    for i, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = w


def _name(frame: pd.DataFrame, lang: str) -> pd.Series:
    en = frame["name_en"].where(frame["name_en"].notna(), frame["name_ru"])
    return en if lang == "en" else frame["name_ru"]


def _participants_sheet(ws, part: pd.DataFrame, details: pd.DataFrame, lang: str) -> int:
    blank = _label("blank", lang)
    _put(
        ws,
        1,
        [
            _label(k, lang)
            for k in (
                "no",
                "name",
                "inn",
                "ogrn",
                "okved",
                "role",
                "municipality",
                "headcount",
                "status",
                "year_status",
            )
        ],
        bold=True,
    )
    info = details.set_index("inn")
    municipality = part["municipality_en" if lang == "en" else "municipality_ru"]
    blanks = 0
    for i, (row, place, name) in enumerate(zip(part.itertuples(), municipality, _name(part, lang)), start=1):
        d = info.loc[row.inn] if row.inn in info.index else None
        employees = None if pd.isna(row.employees) else int(row.employees)
        values = [
            i,
            name,
            row.inn,
            None if d is None else d["ogrn"],
            row.okved,
            row.role,
            None if pd.isna(place) else place,
            employees,
            None if d is None else d["data_status"],
            None if d is None else d["year_status"],
        ]
        blanks += sum(v is None or (isinstance(v, float) and pd.isna(v)) for v in values)
        _put(ws, i + 1, values, blank_label=blank)
    _widths(ws, [5, 40, 14, 17, 10, 14, 26, 16, 14, 18])
    return blanks


def _contracts_sheet(ws, existing: pd.DataFrame, proposed: pd.DataFrame, names: dict[str, str], lang: str) -> None:
    _put(
        ws,
        1,
        [
            _label(k, lang)
            for k in ("supplier", "supplier_inn", "buyer", "buyer_inn", "value", "kind", "status", "reason")
        ],
        bold=True,
    )
    row = 2
    for r in existing.itertuples():
        _put(
            ws,
            row,
            [
                names.get(r.supplier_inn),
                r.supplier_inn,
                names.get(r.buyer_inn),
                r.buyer_inn,
                float(r.value_mln_rub),
                _label("existing", lang),
                r.data_status,
                None,
            ],
        )
        row += 1
    for r in proposed.itertuples():
        reason = f"{r.buyer_okved} ← {r.supplier_okved}: a = {r.io_coefficient:.4f}"
        _put(
            ws,
            row,
            [
                names.get(r.supplier_inn),
                r.supplier_inn,
                names.get(r.buyer_inn),
                r.buyer_inn,
                float(r.value_mln_rub),
                _label("proposed", lang),
                _label("proposed_status", lang),
                reason,
            ],
            fill=PROPOSED_FILL,
        )
        row += 1
    _widths(ws, [40, 14, 40, 14, 18, 22, 24, 40])


def dependence_rows(plan: roadmap.RegistryRoadmap, part: pd.DataFrame, links: pd.DataFrame) -> pd.DataFrame:
    """One row per final producer with purchases known (industrial, core role): ``inn``, ``name_ru``,
    ``name_en``, ``C`` all purchases, ``D`` purchases from participants that are not final producers,
    ``E`` from other final producers, ``F`` proposed additions that count under the check's reading,
    ``G`` all proposed additions to it (mln ₽). Shares: now ``ΣD/ΣC``, after ``(ΣD+ΣF)/ΣC``; the core → core
    reading ``(ΣD+ΣE)/ΣC`` and ``(ΣD+ΣE+ΣG)/ΣC``."""
    final_all = part[(part["kind"] == "industrial") & (part["role"] == "core")]
    final = final_all[final_all["purchases_mln_rub"].notna()]
    inside = links[
        isin(links["supplier_inn"], part["inn"])
        & isin(links["buyer_inn"], part["inn"])
        & (links["supplier_inn"] != links["buyer_inn"])
    ]
    from_core = isin(inside["supplier_inn"], final_all["inn"])
    d = inside[~from_core].groupby("buyer_inn")["value_mln_rub"].sum()
    e = inside[from_core].groupby("buyer_inn")["value_mln_rub"].sum()
    prop = plan.links.merge(pd.DataFrame({"buyer_inn": final["inn"]}), on="buyer_inn")
    counted = (
        prop[prop["purpose"].isin(["dependence", "both"])]
        if plan.before.params.dependence_suppliers == "others"
        else prop
    )
    f = counted.groupby("buyer_inn")["value_mln_rub"].sum()
    g = prop.groupby("buyer_inn")["value_mln_rub"].sum()
    inns = final["inn"]
    return pd.DataFrame(
        {
            "inn": inns.to_numpy(),
            "name_ru": final["name_ru"].to_numpy(),
            "name_en": final["name_en"].to_numpy(),
            "C": final["purchases_mln_rub"].astype(float).to_numpy(),
            "D": inns.map(d).fillna(0.0).astype(float).to_numpy(),
            "E": inns.map(e).fillna(0.0).astype(float).to_numpy(),
            "F": inns.map(f).fillna(0.0).astype(float).to_numpy(),
            "G": inns.map(g).fillna(0.0).astype(float).to_numpy(),
        }
    )


def _dependence_sheet(
    ws, plan: roadmap.RegistryRoadmap, rows: pd.DataFrame, details: pd.DataFrame, lang: str, year: int
) -> dict[str, str]:
    """Write the calculation; return the addresses of the result cells (for the documents sheet and tests)."""
    ws.cell(row=1, column=1, value=_label("dep.title", lang, year=year)).font = BOLD
    ws.cell(row=2, column=1, value=_label("dep.formula", lang))
    _put(
        ws,
        4,
        [_label("name", lang), _label("inn", lang)]
        + [_label(f"dep.{c}", lang) for c in "CDEFG"]
        + [_label("year_status", lang)],
        bold=True,
    )
    status = dict(zip(details["inn"], details["year_status"]))
    first = 5
    for i, (row, name) in enumerate(zip(rows.itertuples(), _name(rows, lang))):
        _put(ws, first + i, [name, row.inn, row.C, row.D, row.E, row.F, row.G, status.get(row.inn)])
    last = first + max(len(rows), 1) - 1
    total = last + 1
    ws.cell(row=total, column=1, value=_label("dep.total", lang)).font = BOLD
    for col in "CDEFG":
        ws[f"{col}{total}"] = f"=SUM({col}{first}:{col}{last})"
        ws[f"{col}{total}"].font = BOLD
    c, dd, ee, ff, gg = (f"{col}{total}" for col in "CDEFG")
    threshold = plan.threshold if plan.threshold is not None else rules.FUNCTIONAL_DEPENDENCE_MIN.value
    tested_core = plan.before.params.dependence_suppliers == "all"
    lines = [
        ("now", f"=IF({c}>0,{dd}/{c},0)", not tested_core),
        ("after", f"=IF({c}>0,({dd}+{ff})/{c},0)", not tested_core),
        ("core_now", f"=IF({c}>0,({dd}+{ee})/{c},0)", tested_core),
        ("core_after", f"=IF({c}>0,({dd}+{ee}+{gg})/{c},0)", tested_core),
    ]
    row = total + 2
    _put(ws, row, [None, None, _label("dep.threshold", lang), float(threshold)], bold=True)
    ws.cell(row=row, column=4).number_format = "0.0%"
    threshold_cell = f"D{row}"
    out = {"threshold": threshold_cell}
    for key, formula, tested in lines:
        row += 1
        ws.cell(row=row, column=1, value=_label(f"dep.{key}", lang))
        ws.cell(row=row, column=2, value=_label("dep.tested", lang) if tested else None)
        ws.cell(row=row, column=3, value=_label("dep.met", lang))
        ws.cell(row=row, column=4, value=formula).number_format = "0.0%"
        ws.cell(
            row=row,
            column=5,
            value=f'=IF(D{row}>={threshold_cell}-1E-12,"{_label("yes", lang)}","{_label("noo", lang)}")',
        )
        out[key] = f"D{row}"
    _widths(ws, [44, 14, 18, 22, 22, 22, 22, 18])
    return out


def _specialised_sheet(ws, part: pd.DataFrame, details: pd.DataFrame, lang: str) -> bool:
    blank = _label("blank", lang)
    orgs = part[part["kind"] == "specialised"]
    if orgs.empty:
        ws.cell(row=1, column=1, value=_label("spec.none", lang)).font = BOLD
        org = None
    else:
        org = orgs.iloc[0]
    info = details.set_index("inn")
    ogrn = info.loc[org["inn"], "ogrn"] if org is not None and org["inn"] in info.index else None
    place = None if org is None else org["municipality_en" if lang == "en" else "municipality_ru"]
    rows = [
        ("name", None if org is None else _name(orgs.head(1), lang).iat[0]),
        ("inn", None if org is None else org["inn"]),
        ("ogrn", ogrn),
        ("okved", None if org is None else org["okved"]),
        ("municipality", None if pd.isna(place) else place),
        ("spec.address", None),
        ("spec.head", None),
        ("spec.contacts", None),
        ("spec.programme", None),
    ]
    for i, (key, value) in enumerate(rows, start=3):
        _put(ws, i, [_label(key, lang), value], blank_label=blank)
    _widths(ws, [32, 50])
    return org is not None


@dataclass(frozen=True)
class Document:
    """One line of the checklist: a document of :data:`rules.APPLICATION_DOCUMENTS`, what the pack holds
    of it (``state``: ready / partial / absent) and what is missing (``missing``: a code of the ``miss.*``
    labels, ``values`` to fill it)."""

    doc_id: str
    name_ru: str
    name_en: str
    clause: str
    state: str
    missing: str
    values: dict[str, int]


def document_states(
    *, blanks: int, existing: int, proposed: int, met_after: bool, has_org: bool, has_infrastructure: bool
) -> list[Document]:
    """The checklist of the application's documents with what is there and what is missing."""
    state = {
        "application": ("absent", "write", {}),
        "participants": ("partial", "blanks", {"n": blanks}) if blanks else ("ready", "none", {}),
        "contracts": (
            "partial" if proposed or not existing else "ready",
            "copies",
            {"existing": existing, "proposed": proposed},
        ),
        "dependence": ("ready", "none", {}) if met_after else ("partial", "unmet", {}),
        "specialised": ("partial", "write", {}) if has_org else ("absent", "no_org", {}),
        "programme": ("absent", "write", {}),
        "infrastructure": ("ready", "none", {}) if has_infrastructure else ("absent", "no_org", {}),
    }
    return [
        Document(doc_id, ru, en, clause, *state[doc_id]) for doc_id, ru, en, clause in rules.APPLICATION_DOCUMENTS.value
    ]


def _documents_sheet(ws, lang: str, documents: list[Document]) -> None:
    _put(
        ws,
        1,
        [
            _label("doc.document", lang),
            _label("doc.clause", lang),
            _label("doc.state", lang),
            _label("doc.missing", lang),
        ],
        bold=True,
    )
    for i, doc in enumerate(documents, start=2):
        clause = rules.DECREE_779_CLAUSES.get(doc.clause)
        clause = (clause[1] if lang == "en" else clause[0]) if clause else doc.clause
        _put(
            ws,
            i,
            [
                doc.name_en if lang == "en" else doc.name_ru,
                clause,
                _label(f"state.{doc.state}", lang),
                _label(f"miss.{doc.missing}", lang, **doc.values),
            ],
            fill=BLANK_FILL if doc.state != "ready" else None,
        )
    ws.cell(row=len(documents) + 3, column=1, value=_label("miss.status", lang))
    _widths(ws, [70, 22, 14, 50])


@dataclass(frozen=True)
class PackData:
    """What the application pack holds, in the data's own terms (no labels): the workbook
    (:func:`application_pack`) and the PDF summary (``ui.downloads.application_pdf``) are drawn from it.

    ``participants``: the members counted as participants with ``ogrn``, ``data_status`` (of the
    enterprise row) and ``year_status`` (of its figures of ``year``); ``existing``: supply links of ``year``
    among them with their ``data_status``; ``dependence``: :func:`dependence_rows`."""

    view: RouteView
    participants: pd.DataFrame
    existing: pd.DataFrame
    dependence: pd.DataFrame
    has_org: bool
    has_infrastructure: bool
    met_after: bool

    @property
    def plan(self) -> roadmap.RegistryRoadmap:
        return self.view.roadmap

    def totals(self) -> dict[str, float]:
        """ΣC … ΣG of :func:`dependence_rows`, mln ₽."""
        return {c: float(self.dependence[c].sum()) for c in "CDEFG"}

    def shares(self) -> dict[str, float]:
        """The four readings (0–1): ``now`` ΣD/ΣC, ``after`` (ΣD+ΣF)/ΣC, ``core_now`` (ΣD+ΣE)/ΣC,
        ``core_after`` (ΣD+ΣE+ΣG)/ΣC (0 when ΣC = 0)."""
        s = self.totals()
        c = s["C"]
        if c <= 0:
            return dict.fromkeys(("now", "after", "core_now", "core_after"), 0.0)
        return {
            "now": s["D"] / c,
            "after": (s["D"] + s["F"]) / c,
            "core_now": (s["D"] + s["E"]) / c,
            "core_after": (s["D"] + s["E"] + s["G"]) / c,
        }

    def blanks(self, lang: str) -> int:
        """Cells of the participants' table the agency must fill (OGRN, municipality, … not in the store)."""
        columns = [
            "name_ru",
            "inn",
            "ogrn",
            "okved",
            "role",
            "municipality_en" if lang == "en" else "municipality_ru",
            "employees",
            "data_status",
            "year_status",
        ]
        return int(self.participants[columns].isna().sum().sum())

    def documents(self, lang: str) -> list[Document]:
        return document_states(
            blanks=self.blanks(lang),
            existing=len(self.existing),
            proposed=len(self.plan.links),
            met_after=self.met_after,
            has_org=self.has_org,
            has_infrastructure=self.has_infrastructure,
        )

    def statuses(self) -> tuple[str, ...]:
        """The data statuses behind the pack's figures (participants, their figures of the year, the
        existing contracts), in :data:`analytics.store.schema.DATA_STATUSES` order."""
        from analytics.store.schema import DATA_STATUSES

        seen = (
            set(self.participants["data_status"].dropna())
            | set(self.participants["year_status"].dropna())
            | set(self.existing["data_status"].dropna())
        )
        return tuple(s for s in DATA_STATUSES if s in seen)


def pack_data(
    con: duckdb.DuckDBPyConnection,
    cluster_id: str,
    *,
    region: str,
    year: int,
    params: RegistryParams = RegistryParams(),
    codes: tuple[str, ...] | None = None,
) -> PackData:
    """Everything the application pack needs for one candidate, read once from the store."""
    view = route_view(con, cluster_id, region=region, year=year, params=params, codes=codes)
    plan, members = view.roadmap, view.members
    part = members[members["declared"].astype(bool)] if plan.before.participants_basis == "declared" else members
    details = roadmap_queries.participant_details(con, part["inn"].to_list(), year)
    existing = roadmap_queries.link_statuses(con, part["inn"].to_list(), year)
    keep = [c for c in ("ogrn", "data_status", "year_status") if c not in part.columns]
    participants = part.merge(details[["inn", *keep]], on="inn", how="left")
    met_after = (
        plan.dependence_after is not None
        and plan.threshold is not None
        and plan.dependence_after >= plan.threshold - 1e-12
        or plan.before.rule("dependence").status == "pass"
    )
    return PackData(
        view,
        participants.reset_index(drop=True),
        existing,
        dependence_rows(plan, part, view.links),
        has_org=bool((part["kind"] == "specialised").any()),
        has_infrastructure=bool((part["kind"] == "infrastructure").any()),
        met_after=met_after,
    )


def application_pack(
    con: duckdb.DuckDBPyConnection,
    cluster_id: str,
    *,
    region: str,
    year: int,
    params: RegistryParams = RegistryParams(),
    codes: tuple[str, ...] | None = None,
    lang: str = "ru",
) -> bytes:
    """The application workbook (``.xlsx`` bytes) for one candidate; see the module docstring."""
    data = pack_data(con, cluster_id, region=region, year=year, params=params, codes=codes)
    plan, part = data.plan, data.participants
    details = part[["inn", "ogrn", "data_status", "year_status"]]
    names = dict(zip(part["inn"], _name(part, lang)))
    wb = Workbook()
    ws = wb.active
    ws.title = _label("sheet.participants", lang)
    _participants_sheet(ws, part, details, lang)
    _contracts_sheet(wb.create_sheet(_label("sheet.contracts", lang)), data.existing, plan.links, names, lang)
    _dependence_sheet(wb.create_sheet(_label("sheet.dependence", lang)), plan, data.dependence, details, lang, year)
    _specialised_sheet(wb.create_sheet(_label("sheet.specialised", lang)), part, details, lang)
    _documents_sheet(wb.create_sheet(_label("sheet.documents", lang)), lang, data.documents(lang))
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
