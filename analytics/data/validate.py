"""What each table accepts from a file, how cells are read, and which rules they must pass.

Three layers, all vectorised (a 1,000,000-row file is validated in about a second):

1. **Headers** (:func:`match_header`): Russian or English, any case and order, punctuation and
   units ignored — «ИНН», «Inn», «Численность, чел.» … — through the alias table :data:`TABLES`
   (documented in the README). Money columns read their unit from the header: «Выручка, тыс. руб.»
   is converted to millions of roubles (× 0.001).
2. **Cells** (:func:`read_cells`): text is trimmed; numbers accept a decimal comma or point,
   thousands separators (space, no-break space, narrow no-break space, apostrophe, or the other
   separator) and the Unicode minus; dates ``dd.mm.yyyy`` and ISO ``yyyy-mm-dd`` (``founded`` keeps
   the year); booleans да/нет, true/false, 1/0; cells marked as suppressed by statistics offices
   («к», «…», «-») are read as missing, never as zero. Identifiers stay text: an INN that lost its
   leading zero is reported, never repaired.
3. **Rules** (:func:`check_rules`): a ``pandera`` schema per table — required values, ranges, code
   formats, INN/OGRN check digits, allowed values — whose failures become :class:`Issue` values.

Duplicates, references to other tables and duplicates against the store are checked by
:mod:`analytics.data.ingest` in SQL on the staged rows.

Messages are *codes with parameters* (:class:`Message`), never text: the texts live in the UI
catalog ``ui/catalogs/data.py`` under ``ingest.<code>`` in Russian and English;
``Message.text(lang)`` looks them up for notebooks and scripts. Rows are numbered as a spreadsheet
shows them: the header is row 1, the first data row is row 2 (``None``: the whole file or column).

Identifier rules: ``docs/regulations.md`` (INN 10/12 digits with check digits, OGRN 13/15, OKVED 2
``dd[.d[d][.d[d]]]`` present in the classifier, OKTMO 8 or 11 digits). Units: persons, mln ₽.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from typing import Any, NamedTuple

import numpy as np
import pandas as pd
import pandera.pandas as pa
import pyarrow as pa_
import pyarrow.compute as pc

from analytics.data import messages
from analytics.store import schema

# --------------------------------------------------------------------------------------------------
# Messages
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Message:
    """A message code and its parameters; the text is in the UI catalogs (``ingest.<code>``)."""

    code: str
    params: tuple[tuple[str, Any], ...] = ()

    @property
    def values(self) -> dict[str, Any]:
        return dict(self.params)

    def text(self, lang: str = "en") -> str:
        """The message in ``lang`` (``ru`` / ``en``), parameters filled in as given."""
        return messages.render("ingest." + self.code, lang, **self.values)

    def __str__(self) -> str:
        return self.text("en")


def msg(code: str, **params: Any) -> Message:
    """Shorthand for :class:`Message` (parameters sorted for stable equality)."""
    return Message(code, tuple(sorted(params.items())))


class Issue(NamedTuple):
    """One problem: spreadsheet row (header = 1; ``None`` = whole file), store column, cell value, message."""

    row: int | None
    column: str | None
    value: str | None
    message: Message

    @property
    def code(self) -> str:
        return self.message.code


#: Every message code the loader can produce (each has ``ingest.<code>`` in both catalogs).
MESSAGE_CODES: tuple[str, ...] = (
    # the file
    "file_too_large", "too_many_rows", "empty_file", "no_data_rows", "not_text", "xls_old_format",
    "xlsx_broken", "encoding_unknown", "encoding_mixed", "delimiter_unknown", "quote_unclosed",
    "field_count", "header_duplicate", "header_empty", "column_unknown", "column_missing",
    "column_twice", "table_unknown", "mode_unknown", "store_rejected", "store_changed", "version_unknown",
    # cells
    "required", "not_number", "not_integer", "negative", "out_of_range", "not_positive", "year_range",
    "not_bool", "not_date", "enum", "inn_format", "inn_lost_zero", "inn_checksum", "inn_scientific",
    "ogrn_format", "ogrn_checksum", "okved_format", "okved_number", "okved_unknown", "okved_version1",
    "okved_section", "oktmo_format", "oktmo_lost_zero", "region_format", "section_format",
    "ident_format", "formula", "formula_like", "html", "control_chars", "too_long", "same_inn",
    "duplicate_in_file", "duplicate_in_store", "ref_missing", "still_referenced",
    # warnings
    "header_row", "sheet_used", "suppressed", "unit_converted", "unit_assumed", "column_ignored",
    "name_en_copied", "names_en_kept", "inn_region", "layout_used",
    # boundaries (GeoJSON)
    "boundary_level", "json_invalid", "geojson_type", "geometry_type", "geometry_invalid", "boundary_no_match",
    "boundary_property", "boundary_unmatched", "boundary_merged",
    # Rosstat wide tables (analytics/data/rosstat_load.py)
    "rosstat_unreadable", "rosstat_no_rows", "rosstat_choose_indicator", "rosstat_target", "rosstat_unmatched",
    "rosstat_skipped", "rosstat_read", "rosstat_unit",
)

# --------------------------------------------------------------------------------------------------
# Classifier facts (OK 029-2014 "OKVED 2", Rosstat) used to derive and check sector rows
# --------------------------------------------------------------------------------------------------

#: OKVED 2 divisions by section (OK 029-2014, Rosstat; the division ranges are fixed by the standard).
OKVED2_SECTION_DIVISIONS: dict[str, tuple[int, int]] = {
    "A": (1, 3), "B": (5, 9), "C": (10, 33), "D": (35, 35), "E": (36, 39), "F": (41, 43),
    "G": (45, 47), "H": (49, 53), "I": (55, 56), "J": (58, 63), "K": (64, 66), "L": (68, 68),
    "M": (69, 75), "N": (77, 82), "O": (84, 84), "P": (85, 85), "Q": (86, 88), "R": (90, 93),
    "S": (94, 96), "T": (97, 98), "U": (99, 99),
}
#: Two-digit numbers inside the ranges above that are *not* OKVED 2 divisions (gaps of the standard).
OKVED2_MISSING_DIVISIONS = frozenset({4, 34, 40, 44, 48, 54, 57, 67, 76, 83, 89})
OKVED_PATTERN = r"^\d{2}(\.\d{1,2}(\.\d{1,2})?)?$"


def okved_division_section(division: int) -> str | None:
    """The OKVED 2 section letter of a division number (``29`` → ``"C"``), ``None`` if no such division."""
    if division in OKVED2_MISSING_DIVISIONS:
        return None
    for section, (low, high) in OKVED2_SECTION_DIVISIONS.items():
        if low <= division <= high:
            return section
    return None


def okved_level(code: str) -> str | None:
    """``section`` (letter), ``division`` (29), ``group`` (29.1), ``class`` (29.10), ``subclass`` (29.10.1)."""
    if re.fullmatch(r"[A-U]", code):
        return "section"
    if not re.fullmatch(OKVED_PATTERN[1:-1], code):
        return None
    parts = code.split(".")
    if len(parts) == 1:
        return "division"
    if len(parts) == 2:
        return "group" if len(parts[1]) == 1 else "class"
    return "subclass"


def okved_parent(code: str, known: set[str] | frozenset[str] = frozenset()) -> str | None:
    """The parent code: division → section, 29.1 → 29, 29.10 → 29.1, 29.10.1 → 29.10,
    29.10.21 → 29.10.2 (when that code is ``known``, else 29.10)."""
    level = okved_level(code)
    if level in (None, "section"):
        return None
    if level == "division":
        return okved_division_section(int(code))
    if level == "group":
        return code.split(".")[0]
    if level == "class":
        return code[:-1]
    head, last = code.rsplit(".", 1)
    if len(last) == 2 and head + "." + last[0] in known:
        return head + "." + last[0]
    return head


# --------------------------------------------------------------------------------------------------
# What each table accepts
# --------------------------------------------------------------------------------------------------

#: Column kinds and how their cells are read (see :func:`read_cells`).
KINDS = ("text", "name", "inn", "ogrn", "okved", "sector", "oktmo", "region", "section", "cluster_id", "ident",
         "enum", "int", "float", "money", "year", "founded", "bool")
THIS_YEAR = date.today().year


@dataclass(frozen=True)
class Column:
    """One column of a store table as a file may give it.

    ``aliases``: accepted headers besides the column name, Russian first then English; the first
    Russian and the first English alias head the downloadable templates. ``choices`` maps accepted
    spellings (lower case) to the stored value for ``enum`` columns.
    """

    name: str
    kind: str
    ru: tuple[str, ...]
    en: tuple[str, ...]
    required: bool = False
    default: Any = None
    low: float | None = None
    high: float | None = None
    choices: Mapping[str, str] = field(default_factory=dict)
    example: str = ""


@dataclass(frozen=True)
class TableSpec:
    """A store table as the loader sees it: columns in store order and the primary key."""

    name: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]
    #: columns that a ``replace`` keeps from the store for matching keys when the file lacks them
    keep_when_absent: tuple[str, ...] = ()

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.columns]


def _choices(*groups: tuple[str, tuple[str, ...]]) -> dict[str, str]:
    out: dict[str, str] = {}
    for stored, spellings in groups:
        out[stored] = stored
        for spelling in spellings:
            out[spelling.lower()] = stored
    return out


_STATUS = Column("data_status", "enum", ("статус данных", "статус"), ("data status", "status"),
                 default="loaded", choices=_choices(
                     ("public", ("публичный факт", "публичный")), ("approximate", ("приблизительно",)),
                     ("illustrative", ("условно", "демо")), ("loaded", ("загружено",))),
                 example="loaded")
_LAT = Column("lat", "float", ("широта",), ("latitude",), low=41, high=82, example="54,5293")
_LON = Column("lon", "float", ("долгота",), ("longitude",), low=19, high=180, example="36,2754")
_YEAR = Column("year", "year", ("год", "отчетный год"), ("year", "reporting year"), required=True,
               low=1990, high=THIS_YEAR, example=str(THIS_YEAR - 1))
_PROJECT_YEAR = Column("year", "year", ("год",), ("year",), required=True, low=2000, high=2100,
                       example=str(THIS_YEAR))
_PROJECT_ID = Column("project_id", "ident", ("код проекта", "проект", "id проекта"),
                     ("project id", "project"), required=True, example="AUTO-2024-01")
_CLUSTER_ID = Column("cluster_id", "cluster_id", ("код кластера", "кластер"), ("cluster id", "cluster"),
                     required=True, example="automotive")


def _money(name: str, ru: tuple[str, ...], en: tuple[str, ...], required: bool = False,
           example: str = "1 234,5") -> Column:
    return Column(name, "money", ru, en, required=required, low=0, example=example)


TABLES: dict[str, TableSpec] = {
    "regions": TableSpec("regions", (
        Column("code", "region", ("код региона", "код субъекта", "код"), ("region code", "code"),
               required=True, example="40"),
        Column("name_ru", "name", ("наименование", "название", "субъект рф", "регион"),
               ("name", "name (russian)", "name ru", "russian name"), required=True, example="Калужская область"),
        Column("name_en", "name", ("наименование на английском", "название англ"),
               ("name (english)", "name en", "english name"), required=True, example="Kaluga Oblast"),
        Column("federal_district", "text", ("федеральный округ", "фо"), ("federal district",),
               required=True, example="Центральный"),
        Column("oktmo_prefix", "ident", ("префикс октмо", "код октмо региона"), ("oktmo prefix",),
               example="29"),
    ), key=("code",)),
    "municipalities": TableSpec("municipalities", (
        Column("oktmo", "oktmo", ("октмо", "код октмо"), ("oktmo", "oktmo code"), required=True,
               example="29701000"),
        Column("region_code", "region", ("код региона", "регион"), ("region code", "region"),
               required=True, example="40"),
        Column("name_ru", "name", ("наименование", "название", "муниципальное образование", "муниципалитет"),
               ("name", "name (russian)", "name ru", "russian name"), required=True, example="Город Калуга"),
        Column("name_en", "name", ("наименование на английском", "название англ"),
               ("name (english)", "name en", "english name"), example="Kaluga"),
        Column("kind", "enum", ("вид", "тип", "вид мо"), ("kind", "type"), required=True,
               choices=_choices(("municipal_district", ("муниципальный район", "район")),
                                ("urban_okrug", ("городской округ",)),
                                ("municipal_okrug", ("муниципальный округ",))),
               example="urban_okrug"),
        Column("admin_centre_ru", "name", ("административный центр",), ("admin centre (russian)",),
               example="г. Калуга"),
        Column("admin_centre_en", "name", ("административный центр англ",),
               ("admin centre", "admin centre (english)", "administrative centre"), example="Kaluga"),
        _LAT, _LON,
        Column("oktmo_status", "enum", ("статус кода октмо",), ("oktmo status",), default="loaded",
               choices=_choices(("confirmed", ("подтвержден",)), ("likely", ("вероятно",)),
                                ("provisional", ("временный",)), ("loaded", ("загружено",))),
               example="confirmed"),
        _STATUS,
    ), key=("oktmo",), keep_when_absent=("name_en", "admin_centre_en", "lat", "lon")),
    "sectors": TableSpec("sectors", (
        Column("code", "sector", ("код оквэд", "код", "оквэд", "оквэд 2"), ("okved code", "code", "okved"),
               required=True, example="29.10"),
        Column("parent", "sector", ("родительский код", "родитель"), ("parent code", "parent"),
               example="29.1"),
        Column("level", "enum", ("уровень",), ("level",),
               choices=_choices(("section", ("раздел",)), ("division", ("класс",)),
                                ("group", ("подкласс",)), ("class", ("группа",)),
                                ("subclass", ("подгруппа", "вид"))),
               example="class"),
        Column("section", "section", ("раздел",), ("section",), example="C"),
        Column("name_ru", "name", ("наименование", "название"), ("name", "name (russian)", "name ru", "russian name"),
               required=True, example="Производство автотранспортных средств"),
        Column("name_en", "name", ("наименование на английском", "название англ"),
               ("name (english)", "name en", "english name"), example="Manufacture of motor vehicles"),
    ), key=("code",), keep_when_absent=("name_en",)),
    "enterprises": TableSpec("enterprises", (
        Column("inn", "inn", ("инн", "инн организации", "инн юл"), ("inn", "tax id", "taxpayer id"),
               required=True, example="4029032450"),
        Column("ogrn", "ogrn", ("огрн", "огрнип"), ("ogrn", "ogrnip"), example="1027700132195"),
        Column("name_ru", "name", ("наименование", "название", "наименование организации",
                                   "полное наименование", "сокращенное наименование"),
               ("name", "name (russian)", "name ru", "russian name"), required=True, example="АО «Пример»"),
        Column("name_en", "name", ("наименование на английском", "название англ"),
               ("name (english)", "name en", "english name"), example="Primer JSC"),
        Column("okved", "okved", ("оквэд", "код оквэд", "основной оквэд", "основной вид деятельности",
                                  "код основного вида деятельности", "оквэд 2"),
               ("okved", "okved code", "main okved", "activity code"), required=True, example="29.10"),
        Column("region_code", "region", ("код региона", "регион", "код субъекта"), ("region code", "region"),
               required=True, example="40"),
        Column("oktmo", "oktmo", ("октмо", "код октмо"), ("oktmo", "oktmo code"), example="29701000"),
        _LAT, _LON,
        Column("is_sme", "bool", ("мсп", "субъект мсп", "малое или среднее"), ("sme", "is sme"),
               default=False, example="да"),
        Column("founded", "founded", ("год основания", "дата регистрации", "дата создания", "основано"),
               ("founded", "year founded", "registration date"), low=1700, high=THIS_YEAR, example="15.03.2007"),
        Column("kind", "enum", ("вид организации", "тип организации", "вид"), ("kind", "type"),
               default="industrial",
               choices=_choices(("industrial", ("промышленное", "промышленная", "производство")),
                                ("infrastructure", ("инфраструктурная", "инфраструктура")),
                                ("specialised", ("специализированная", "специализированная организация",
                                                 "specialized"))),
               example="industrial"),
        Column("cluster_hint", "cluster_id", ("кластер", "код кластера"), ("cluster", "cluster id"),
               example="automotive"),
        _STATUS,
        Column("source", "text", ("источник",), ("source",), example="ЕГРЮЛ, 2024"),
        Column("organising_production", "bool",
               ("организует производство", "организует производство в кластере"),
               ("organising production", "organising production in the cluster"), default=False,
               example="нет"),
    ), key=("inn",), keep_when_absent=("organising_production",)),
    "enterprise_years": TableSpec("enterprise_years", (
        Column("inn", "inn", ("инн", "инн организации"), ("inn", "tax id"), required=True, example="4029032450"),
        _YEAR,
        Column("employees", "int", ("численность", "среднесписочная численность", "численность работников",
                                    "среднесписочная численность работников", "число работников", "занятые"),
               ("employees", "headcount", "average headcount", "staff"), low=0, example="1 250"),
        _money("revenue_mln_rub", ("выручка", "выручка от продаж", "доход"), ("revenue", "sales")),
        _money("purchases_mln_rub", ("закупки", "себестоимость закупок", "покупки"), ("purchases",)),
        _money("exports_mln_rub", ("экспорт", "выручка от экспорта"), ("exports",), example="0"),
        _money("investment_mln_rub", ("инвестиции", "инвестиции в основной капитал"), ("investment",),
               example="98,2"),
        _STATUS,
    ), key=("inn", "year")),
    "region_sector_years": TableSpec("region_sector_years", (
        Column("region_code", "region", ("код региона", "регион", "код субъекта"), ("region code", "region"),
               required=True, example="40"),
        Column("okved", "okved", ("оквэд", "код оквэд", "вид деятельности"), ("okved", "okved code", "sector"),
               required=True, example="29"),
        _YEAR,
        Column("employees", "float", ("численность", "среднесписочная численность", "занятые",
                                      "численность работников"),
               ("employees", "headcount", "average headcount"), low=0, example="23 800"),
        _money("wages_mln_rub", ("фонд оплаты труда", "фот", "зарплата"), ("wages", "wage fund", "payroll")),
        Column("establishments", "int", ("число организаций", "организации", "предприятия"),
               ("establishments", "firms"), low=0, example="120"),
        _money("revenue_mln_rub", ("выручка", "отгружено товаров", "оборот"), ("revenue", "shipments", "turnover")),
        _STATUS,
    ), key=("region_code", "okved", "year")),
    "supply_links": TableSpec("supply_links", (
        Column("supplier_inn", "inn", ("инн поставщика", "поставщик"), ("supplier inn", "supplier"),
               required=True, example="4029032450"),
        Column("buyer_inn", "inn", ("инн покупателя", "покупатель", "инн заказчика"), ("buyer inn", "buyer"),
               required=True, example="7707083893"),
        _YEAR,
        _money("value_mln_rub", ("объем поставок", "сумма", "стоимость"), ("value", "amount"), required=True,
               example="420,8"),
        _STATUS,
    ), key=("supplier_inn", "buyer_inn", "year")),
    "cluster_templates": TableSpec("cluster_templates", (
        _CLUSTER_ID,
        Column("cluster_name_ru", "name", ("название кластера", "кластер наименование"),
               ("cluster name (russian)", "cluster name ru"), required=True, example="Автомобилестроение"),
        Column("cluster_name_en", "name", ("название кластера англ",), ("cluster name (english)", "cluster name en",
                                                                          "cluster name"),
               required=True, example="Automotive"),
        Column("okved", "okved", ("оквэд", "код оквэд"), ("okved", "okved code"), required=True, example="29.10"),
        Column("role", "enum", ("роль",), ("role",), required=True,
               choices=_choices(("core", ("ядро",)), ("supplier", ("поставщик",)),
                                ("service", ("сервис", "услуги"))), example="core"),
        Column("weight", "float", ("вес",), ("weight",), default=1.0, low=0, example="1"),
        Column("note", "text", ("примечание", "комментарий"), ("note", "comment"), example=""),
        _STATUS,
    ), key=("cluster_id", "okved")),
    "projects": TableSpec("projects", (
        _PROJECT_ID,
        Column("name_ru", "name", ("наименование", "название проекта", "название"),
               ("name", "name (russian)", "name ru", "project name", "project name (russian)"), required=True,
               example="Локализация производства"),
        Column("name_en", "name", ("наименование на английском", "название англ"),
               ("name (english)", "name en", "project name (english)"), example="Localisation of production"),
        _CLUSTER_ID,
        Column("initiator_inn", "inn", ("инн инициатора", "инициатор"), ("initiator inn", "initiator"),
               required=True, example="4029032450"),
        Column("stage", "enum", ("стадия", "этап"), ("stage",), required=True,
               choices=_choices(("rd", ("ниокр",)), ("engineering", ("инжиниринг",)),
                                ("pilot", ("пилот", "опытное производство")),
                                ("serial", ("серия", "серийное производство"))), example="serial"),
        Column("start_year", "year", ("год начала", "начало"), ("start year", "start"), required=True,
               low=2000, high=2100, example=str(THIS_YEAR)),
        Column("jobs", "int", ("рабочие места", "новые рабочие места"), ("jobs", "new jobs"), default=0, low=0,
               example="85"),
        Column("is_joint", "bool", ("совместный", "совместный проект"), ("joint", "is joint"), default=True,
               example="да"),
        _STATUS,
    ), key=("project_id",)),
    "project_participants": TableSpec("project_participants", (
        _PROJECT_ID,
        Column("inn", "inn", ("инн", "инн участника"), ("inn", "participant inn"), required=True,
               example="4029032450"),
        Column("role", "enum", ("роль",), ("role",), required=True,
               choices=_choices(("initiator", ("инициатор",)), ("participant", ("участник",))),
               example="participant"),
    ), key=("project_id", "inn")),
    "project_costs": TableSpec("project_costs", (
        _PROJECT_ID, _PROJECT_YEAR,
        Column("category", "enum", ("статья затрат", "категория"), ("category", "cost category"), required=True,
               choices=_choices(("rd", ("ниокр",)), ("design_docs", ("проектная документация", "ркд")),
                                ("ip_licences", ("лицензии", "права на рид")),
                                ("engineering", ("инжиниринг",)), ("equipment", ("оборудование",)),
                                ("loan_interest", ("проценты по кредитам",)), ("leasing", ("лизинг",)),
                                ("component_batches", ("стартовые партии комплектующих",)),
                                ("other", ("прочее",))), example="equipment"),
        _money("amount_mln_rub", ("сумма", "затраты"), ("amount", "costs"), required=True, example="12,5"),
        Column("supplier_inn", "inn", ("инн поставщика", "поставщик"), ("supplier inn", "supplier"), example=""),
        Column("line", "int", ("строка", "номер строки"), ("line",), default=1, low=1, example="1"),
    ), key=("project_id", "year", "category", "line")),
    "project_revenues": TableSpec("project_revenues", (
        _PROJECT_ID, _PROJECT_YEAR,
        _money("revenue_mln_rub", ("выручка",), ("revenue",), required=True, example="226,5"),
        _money("taxes_mln_rub", ("налоги", "налоговые поступления"), ("taxes",), example="29,4"),
    ), key=("project_id", "year")),
    "region_indicators": TableSpec("region_indicators", (
        Column("indicator", "text", ("показатель", "индикатор"), ("indicator",), required=True,
               example="Численность рабочей силы"),
        Column("breakdown", "text", ("разрез", "строка", "вид деятельности"), ("breakdown", "row label"),
               default="total", example="Обрабатывающие производства"),
        Column("region_code", "ident", ("код региона", "регион", "код субъекта"), ("region code", "region"),
               required=True, example="40"),
        _YEAR,
        Column("value", "float", ("значение",), ("value",), example="565,8"),
        Column("unit", "text", ("единица", "единица измерения"), ("unit",), example="тыс. человек"),
        Column("cell_status", "enum", ("состояние ячейки",), ("cell status",), default="ok", choices=_choices(
            ("ok", ("есть",)), ("suppressed", ("скрыто", "конфиденциально")), ("missing", ("нет",))),
            example="ok"),
        Column("source", "text", ("источник",), ("source",), example="Росстат, Регионы России 2024, табл. 5.12"),
        _STATUS,
    ), key=("indicator", "breakdown", "region_code", "year")),
    "region_reference": TableSpec("region_reference", (
        Column("code", "region", ("код региона", "код субъекта", "код"), ("region code", "code"), required=True,
               example="40"),
        Column("name_ru", "name", ("наименование", "субъект рф"), ("name", "name ru"), required=True,
               example="Калужская обл"),
        Column("name_en", "name", ("наименование на английском",), ("name en", "english name"), required=True,
               example="Kaluga"),
        Column("federal_district", "text", ("федеральный округ",), ("federal district",), required=True,
               example="Центральный"),
        Column("okato", "ident", ("окато",), ("okato",), example="29000000000"),
        Column("oktmo", "ident", ("октмо",), ("oktmo",), example="29000000"),
        Column("iso_code", "ident", ("код iso",), ("iso code", "iso"), example="RU-KLU"),
        Column("kladr_id", "ident", ("код кладр",), ("kladr id", "kladr"), example="4000000000000"),
        Column("timezone", "ident", ("часовой пояс",), ("timezone", "time zone"), example="UTC+3"),
        _STATUS,
        Column("source", "text", ("источник",), ("source",), example="HFLabs / DaData.ru, CC BY-SA 4.0"),
    ), key=("code",)),
    "registry_clusters": TableSpec("registry_clusters", (
        Column("cluster_name_ru", "name", ("кластер", "наименование кластера"), ("cluster", "cluster name"),
               required=True, example="Промышленный кластер микрофильтрационного оборудования"),
        Column("region_codes", "text", ("коды регионов", "код региона"), ("region codes", "region code"),
               required=True, example="40"),
        Column("region_ru", "text", ("регион", "субъект рф"), ("region",), required=True, example="Калужская область"),
        Column("specialisation", "text", ("специализация",), ("specialisation", "specialization"),
               example="microfiltration equipment"),
        Column("registry_status", "text", ("статус в реестре", "реестр"), ("registry status",), required=True,
               example="in_779_registry"),
        Column("in_registry", "bool", ("в реестре 779",), ("in registry",), required=True, example="да"),
        Column("status_date", "text", ("дата статуса", "дата"), ("status date", "date"), example="2024-11"),
        Column("participants", "text", ("участники", "число участников"), ("participants",), example="6"),
        Column("specialised_org", "text", ("специализированная организация", "инициатор"),
               ("specialised organisation", "initiator"), example="ГК «Обнинские Фильтры»"),
        Column("notes", "text", ("примечание",), ("notes", "note"), example=""),
        Column("source_url", "text", ("источник", "ссылка"), ("source", "source url", "link"), required=True,
               example="https://…"),
        _STATUS,
    ), key=("cluster_name_ru",)),
    "public_facts": TableSpec("public_facts", (
        Column("topic", "ident", ("тема",), ("topic",), required=True, example="pp41_programme"),
        Column("period", "text", ("период",), ("period",), required=True, example="2016-2018"),
        Column("indicator", "text", ("показатель",), ("indicator",), required=True, example="projects approved"),
        Column("value", "text", ("значение",), ("value",), example="24"),
        Column("value_number", "float", ("значение числом",), ("value number",), example="24"),
        Column("unit", "text", ("единица",), ("unit",), example="projects"),
        Column("confidence", "text", ("достоверность",), ("confidence",), example="high"),
        Column("source_url", "text", ("источник", "ссылка"), ("source", "source url", "link"), required=True,
               example="https://…"),
        Column("note", "text", ("примечание",), ("note",), example=""),
        _STATUS,
    ), key=("topic", "period", "indicator")),
    "programme_projects": TableSpec("programme_projects", (
        Column("project_name_ru", "name", ("проект", "наименование проекта"), ("project", "project name"),
               required=True, example="«Генборг»"),
        Column("selection_year", "text", ("год отбора",), ("selection year",), required=True, example="2016"),
        Column("cluster_name_ru", "text", ("кластер",), ("cluster",), example="Станкостроительный кластер"),
        Column("region_code", "region", ("код региона",), ("region code",), example="48"),
        Column("region_ru", "text", ("регион",), ("region",), example="Липецкая область"),
        Column("participants", "text", ("участники", "инициатор"), ("participants", "initiator"), example=""),
        _money("subsidy_mln_rub", ("субсидия",), ("subsidy",)),
        _money("project_cost_mln_rub", ("стоимость проекта",), ("project cost",)),
        Column("source_url", "text", ("источник", "ссылка"), ("source", "source url", "link"), required=True,
               example="https://…"),
        Column("note", "text", ("примечание",), ("note",), example=""),
        _STATUS,
    ), key=("project_name_ru",)),
}

#: Integrity rules beyond single cells, per table: (column, other column) that must differ.
MUST_DIFFER: dict[str, tuple[str, str]] = {"supply_links": ("supplier_inn", "buyer_inn")}

# --------------------------------------------------------------------------------------------------
# Headers
# --------------------------------------------------------------------------------------------------

_HEADER_PUNCT = re.compile(r"[\s_\-–—.,;:()\[\]{}\"'«»/\\№#*]+")
_MONEY_UNITS: tuple[tuple[str, float], ...] = (
    # unit suffix of a normalised header → factor to mln ₽
    (r"(млн|миллионов?) (руб|рублей|р|₽)|млн ₽|млн|(mln|million|millions) (rub|rubles|roubles)"
     r"|rub (mln|million)|rub m|mln", 1.0),
    (r"(тыс|тысяч) (руб|рублей|р|₽)|тыс ₽|тыс|(thousand|thousands|th|k) (rub|rubles|roubles)"
     r"|rub (thousand|th|k)|k rub", 1e-3),
    (r"руб|рублей|₽|rub|rubles|roubles", 1e-6),
)
_COUNT_UNITS = r"(чел|человек|persons|people|ед|единиц|units)"


def normalise_header(text: object) -> str:
    """Lower case, ``ё`` → ``е``, punctuation and repeated spaces removed: «Выручка, тыс. руб.» →
    ``выручка тыс руб``."""
    s = "" if text is None else str(text)
    s = s.replace("\ufeff", "").strip().lower().replace("ё", "е")
    return _HEADER_PUNCT.sub(" ", s).strip()


_ALIASES: dict[str, dict[str, str]] = {}


def _aliases(spec: TableSpec) -> dict[str, str]:
    """Normalised alias → column of a table (built once per table)."""
    if spec.name not in _ALIASES:
        out: dict[str, str] = {}
        for column in spec.columns:
            for alias in (column.name, *column.ru, *column.en):
                out.setdefault(normalise_header(alias), column.name)
        _ALIASES[spec.name] = out
    return _ALIASES[spec.name]


class HeaderMatch(NamedTuple):
    column: str | None      #: the store column, ``None`` when unknown
    scale: float = 1.0      #: factor to the store's unit (money: to mln ₽)
    unit: str | None = None  #: the unit read from the header (``тыс руб``), when converted or assumed


def match_header(spec: TableSpec, header: object) -> HeaderMatch:
    """The store column a file header means, with the unit factor for money columns."""
    norm = normalise_header(header)
    aliases = _aliases(spec)
    if norm in aliases:
        return HeaderMatch(aliases[norm])
    for pattern, factor in _MONEY_UNITS:
        m = re.fullmatch(r"(.+?) (" + pattern + r")", norm)
        if m and m.group(1) in aliases and spec.column(aliases[m.group(1)]).kind == "money":
            return HeaderMatch(aliases[m.group(1)], factor, m.group(2))
    m = re.fullmatch(r"(.+?) " + _COUNT_UNITS, norm)
    if m and m.group(1) in aliases and spec.column(aliases[m.group(1)]).kind in ("int", "float"):
        return HeaderMatch(aliases[m.group(1)])
    return HeaderMatch(None)


def money_unit_given(header: object) -> bool:
    """True when a money header names its unit (otherwise mln ₽ is assumed and the analyst warned)."""
    norm = normalise_header(header)
    return bool(re.search(r"(млн|тыс|руб|₽|mln|million|thousand|rub)", norm))


def template_headers(spec: TableSpec, lang: str) -> list[str]:
    """Template headers: the first Russian (``ru``) or English (``en``) alias of each column."""
    return [(c.ru[0] if lang == "ru" else c.en[0]) for c in spec.columns]


def template_frame(spec: TableSpec, lang: str) -> pd.DataFrame:
    """A one-row template: headers in ``lang`` and an example row (Russian number format)."""
    headers = template_headers(spec, lang)
    example = [c.example for c in spec.columns]
    if lang == "en":
        example = [_english_example(c) for c in spec.columns]
    return pd.DataFrame([example], columns=headers)


def _english_example(column: Column) -> str:
    if column.kind in ("int", "float", "money"):
        return column.example.replace(" ", "").replace(",", ".")
    if column.kind == "bool":
        return {"да": "yes", "нет": "no"}.get(column.example, column.example)
    if column.kind == "founded":
        return "2007-03-15"
    return column.example

# --------------------------------------------------------------------------------------------------
# Cells
# --------------------------------------------------------------------------------------------------

#: Marks of suppressed (confidential) cells in statistical tables: missing, not zero (docs/regulations.md).
SUPPRESSED = ("к", "К", "…", "...", "-", "—", "–", "x", "х", "X", "Х")
TRUE_WORDS = ("1", "да", "д", "true", "t", "yes", "y", "истина", "+", "мсп")
FALSE_WORDS = ("0", "нет", "н", "false", "f", "no", "n", "ложь")
MAX_TEXT = 2000
_NUMBER_OK = r"^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?$"
_HTML = r"(?i)<\s*/?\s*[a-z!][^>]*>|&#?[a-z0-9]+;|javascript:"
_CONTROL = r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]"
_SPACES = r"[ \t\x{00a0}\x{202f}\x{2009}\x{2007}']"
#: Identifiers as they should be (cells matching these need no cleaning or diagnosis).
_VALID = {"inn": "[0-9]{10}|[0-9]{12}", "ogrn": "[0-9]{13}|[0-9]{15}", "okved": OKVED_PATTERN[1:-1],
          "sector": OKVED_PATTERN[1:-1] + "|[A-U]", "oktmo": "[0-9]{8}|[0-9]{11}", "region": "[0-9]{2}",
          "section": "[A-U]", "cluster_id": "[a-z][a-z0-9_]*"}

#: Identifiers that are plain digit strings, and their allowed lengths (same as their _VALID patterns).
_DIGIT_WIDTHS = {"inn": (10, 12), "ogrn": (13, 15), "oktmo": (8, 11), "region": (2,)}

# Text is handled as Arrow arrays with pyarrow.compute (RE2, multithreaded C++): pandas' ``.str``
# falls back to a Python loop for ``\d`` on non-ASCII data, ``\s`` and several other patterns.


def _arrow(s: pd.Series) -> pa_.ChunkedArray:
    """A str Series as a trimmed Arrow string array, missing values as ``""`` (zero-copy where possible)."""
    if not len(s):
        return pa_.chunked_array([], pa_.large_string())
    values = s.array if isinstance(s.array, pd.arrays.ArrowStringArray) else s.astype("str").array
    arr = pa_.array(values)
    arr = arr if isinstance(arr, pa_.ChunkedArray) else pa_.chunked_array([arr])
    return pc.utf8_trim_whitespace(pc.fill_null(arr, ""))


def _bool(arr: Any) -> np.ndarray:
    return np.asarray(pc.fill_null(arr, False).to_numpy(zero_copy_only=False), dtype=bool)


def _full(arr: pa_.ChunkedArray, pattern: str) -> np.ndarray:
    """Cells matching ``pattern`` as a whole (RE2; ``[0-9]`` means ASCII digits)."""
    return _bool(pc.match_substring_regex(arr, "^(?:" + pattern + ")$"))


def _digit_strings(arr: pa_.ChunkedArray, widths: tuple[int, ...]) -> np.ndarray:
    """Cells of exactly one of ``widths`` ASCII digits: ``_full(arr, "[0-9]{10}|[0-9]{12}")`` for
    ``widths=(10, 12)``, from the byte lengths and Arrow's ``ascii_is_decimal`` (ten times faster
    than the regular expression on a million cells)."""
    lengths = pc.binary_length(arr).to_numpy(zero_copy_only=False)
    return np.isin(lengths, widths) & _bool(pc.ascii_is_decimal(arr))


def _well_formed(arr: pa_.ChunkedArray, kind: str) -> np.ndarray:
    """Cells already in the canonical form of identifier ``kind`` (:data:`_VALID`)."""
    if kind in _DIGIT_WIDTHS:
        return _digit_strings(arr, _DIGIT_WIDTHS[kind])
    if kind in ("okved", "sector"):  # a few hundred codes among a million cells
        return _per_distinct(arr, lambda values: _full(values, _VALID[kind]))
    return _full(arr, _VALID[kind])


def _yes_no(values: pa_.ChunkedArray) -> np.ndarray:
    """1 for :data:`TRUE_WORDS`, 0 for :data:`FALSE_WORDS`, -1 for anything else (any case)."""
    lowered = pc.utf8_lower(values)
    truthy = _bool(pc.is_in(lowered, value_set=pa_.array(TRUE_WORDS)))
    falsy = _bool(pc.is_in(lowered, value_set=pa_.array(FALSE_WORDS)))
    return np.where(truthy, 1, np.where(falsy, 0, -1)).astype(np.int8)


def _per_distinct(arr: pa_.ChunkedArray, mask: Callable[[pa_.ChunkedArray], np.ndarray]) -> np.ndarray:
    """``mask(arr)`` computed once per distinct value (one hash pass, then a lookup per cell): for
    columns with few distinct values, such as OKVED codes or yes/no flags."""
    encoded = pc.dictionary_encode(arr).combine_chunks()
    if not len(encoded):
        return np.zeros(0, dtype=bool)
    return mask(pa_.chunked_array([encoded.dictionary]))[encoded.indices.to_numpy(zero_copy_only=False)]


def _byte_table(characters: str) -> bytes:
    """A ``bytes.translate`` table mapping the given ASCII characters to 1 and every other byte to 0."""
    return bytes(1 if chr(b) in characters else 0 for b in range(256))


#: ASCII bytes that can start a problem in free text (control characters, ``<`` and ``&`` of HTML,
#: ``:`` of ``javascript:``), and for identifiers also spaces and separators. In UTF-8 an ASCII byte
#: is always that character, never part of a Cyrillic letter, so a byte scan is exact.
_SUSPECT_TEXT = _byte_table("".join(map(chr, [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])) + "<&:")
_SUSPECT_IDENT = _byte_table("".join(map(chr, [*range(0x00, 0x20), 0x7F])) + "<&:;, ")


def _cells_with_bytes(arr: pa_.ChunkedArray, table: bytes) -> np.ndarray:
    """Cells containing a byte that ``table`` (see :func:`_byte_table`) marks: ``bytes.translate``
    over each chunk's data buffer (four times faster than a regular expression on a million
    names); cell positions are worked out only for chunks with a hit."""
    parts = []
    for chunk in arr.chunks:
        n = len(chunk)
        mask = np.zeros(n, dtype=bool)
        parts.append(mask)
        if not n or chunk.buffers()[2] is None:
            continue
        offset_type = np.int64 if chunk.type in (pa_.large_string(), pa_.large_binary()) else np.int32
        offsets = np.frombuffer(chunk.buffers()[1], dtype=offset_type)[chunk.offset: chunk.offset + n + 1]
        marked = bytes(memoryview(chunk.buffers()[2])[offsets[0]: offsets[-1]]).translate(table)
        if b"\x01" not in marked:
            continue
        hits = np.flatnonzero(np.frombuffer(marked, dtype=np.uint8)) + offsets[0]
        mask[np.searchsorted(offsets, hits, side="right") - 1] = True
        if chunk.null_count:
            mask &= _bool(chunk.is_valid())
    return np.concatenate(parts) if parts else np.zeros(0, dtype=bool)


def _has(arr: pa_.ChunkedArray, pattern: str) -> np.ndarray:
    return _bool(pc.match_substring_regex(arr, pattern))


def _subset(arr: pa_.ChunkedArray, candidates: np.ndarray, pattern: str) -> np.ndarray:
    """``_full(arr, pattern)`` evaluated only where ``candidates`` (False elsewhere): diagnostics of
    the few bad cells cost nothing on a clean million-row column."""
    out = np.zeros(len(arr), dtype=bool)
    if candidates.any():
        out[candidates] = _full(arr.filter(pa_.array(candidates)), pattern)
    return out


def _constant(value: Any, n: int) -> pd.Series:
    """A str Series of ``n`` copies of ``value`` (or missing), built without a Python list."""
    if value is None:
        return pd.Series(pd.arrays.ArrowStringArray(pa_.nulls(n, pa_.large_string()))).astype("str")
    encoded = pa_.DictionaryArray.from_arrays(pa_.array(np.zeros(n, dtype=np.int32)), pa_.array([str(value)]))
    return pd.Series(pd.arrays.ArrowStringArray(encoded.cast(pa_.large_string()))).astype("str")


def _str_series(arr: pa_.ChunkedArray, keep: np.ndarray | None = None) -> pd.Series:
    """An Arrow string array as a str Series; empty cells (and cells outside ``keep``) missing."""
    mask = _bool(pc.equal(arr, "")) if len(arr) else np.zeros(0, dtype=bool)
    if keep is not None:
        mask |= ~keep
    if mask.any():
        arr = pc.if_else(pa_.array(mask), pa_.scalar(None, arr.type), arr)
    return pd.Series(pd.arrays.ArrowStringArray(arr)).astype("str")


class Cells(NamedTuple):
    """Typed columns of a file and what went wrong while reading them."""

    frame: pd.DataFrame              #: store columns, typed; RangeIndex in file order
    issues: list[Issue]              #: errors (capped per code, see ``counts``)
    warnings: list[Issue]
    counts: dict[str, int]           #: errors per code, uncapped
    flagged: dict[str, np.ndarray]   #: per column, cells that already have an error


class _Collector:
    """Gathers issues from vectorised masks, keeping at most ``cap`` per code but counting all."""

    def __init__(self, rows: np.ndarray, cap: int):
        self.rows = rows
        self.cap = cap
        self.issues: list[Issue] = []
        self.counts: dict[str, int] = {}
        self.listed: dict[str, int] = {}
        self.flagged: dict[str, np.ndarray] = {}

    def add(self, column: str, mask: np.ndarray, values: pa_.ChunkedArray, code: str, **params: Any) -> None:
        seen = self.flagged.setdefault(column, np.zeros(len(mask), dtype=bool))
        mask = mask & ~seen  # one message per cell: the first (most specific) wins
        n = int(mask.sum())
        if not n:
            return
        seen |= mask
        self.counts[code] = self.counts.get(code, 0) + n
        room = self.cap - self.listed.get(code, 0)
        if room <= 0:
            return
        where = np.flatnonzero(mask)[:room]
        self.listed[code] = self.listed.get(code, 0) + len(where)
        message = msg(code, **params)
        for pos, value in zip(where, values.take(pa_.array(where)).to_pylist()):
            self.issues.append(Issue(int(self.rows[pos]), column, None if value is None else str(value)[:200],
                                     message))


def _map_unique(arr: pa_.ChunkedArray, func: Callable[[str], str | None]) -> tuple[pa_.Array, np.ndarray]:
    """Apply ``func`` to each distinct value only: (mapped values, mask of values ``func`` refused)."""
    encoded = pc.dictionary_encode(arr).combine_chunks()
    mapped = [func(u) for u in encoded.dictionary.to_pylist()]
    refused = np.array([m is None for m in mapped] + [False], dtype=bool)
    indices = encoded.indices.to_numpy(zero_copy_only=False)
    result = pa_.DictionaryArray.from_arrays(encoded.indices, pa_.array(mapped, pa_.large_string()))
    return result.cast(pa_.large_string()), refused[indices]


def parse_numbers(s: pd.Series) -> tuple[pd.Series, np.ndarray, np.ndarray]:
    """Numbers from text: ``(values float64, bad mask, suppressed mask)``; empty cells are NaN, not bad.

    Accepted: ``1234.5``, ``1234,5``, ``1 234,5`` (space, NBSP, narrow NBSP, thin space, apostrophe),
    ``1.234,5``, ``1,234.5``, ``1,234,567``, ``−5`` (Unicode minus), ``1e6``.
    A single comma is a decimal comma (``1,234`` = 1.234): the Russian convention.
    """
    return _numbers(_arrow(s))


#: Bytes other than digits, ``.``, ``,`` and ``-``: a column without them is read by one cast.
_NOT_PLAIN_NUMBER = bytes(0 if chr(b) in "0123456789.,-" else 1 for b in range(256))


def _numbers(arr: pa_.ChunkedArray) -> tuple[pd.Series, np.ndarray, np.ndarray]:
    suppressed = _bool(pc.is_in(arr, value_set=pa_.array(SUPPRESSED)))
    empty = _bool(pc.equal(arr, "")) | suppressed
    if not suppressed.any() and not _cells_with_bytes(arr, _NOT_PLAIN_NUMBER).any():
        # Usual case: digits with a decimal point or comma. Arrow's cast refuses anything else
        # spelt with these bytes (1.234.567, 1-2, --1) and the general reading below takes over.
        text = pc.replace_substring(arr, ",", ".")
        if empty.any():
            text = pc.if_else(pa_.array(empty), pa_.scalar(None, arr.type), text)
        try:
            values = pc.cast(text, pa_.float64()).to_numpy(zero_copy_only=False)
            return pd.Series(values, dtype="float64"), np.zeros(len(arr), dtype=bool), suppressed
        except pa_.ArrowInvalid:
            pass
    return _numbers_general(arr, suppressed, empty)


def _numbers_general(arr: pa_.ChunkedArray, suppressed: np.ndarray, empty: np.ndarray
                     ) -> tuple[pd.Series, np.ndarray, np.ndarray]:
    """Every accepted spelling of :func:`parse_numbers` (grouping, both separators, Unicode minus)."""
    plain = _full(arr, r"-?[0-9]+([.,][0-9]+)?")
    if (plain | empty).all():  # the usual case: one decimal separator, no grouping
        text = pc.if_else(pa_.array(plain), pc.replace_substring(arr, ",", "."), pa_.scalar(None, arr.type))
        values = pc.cast(text, pa_.float64()).to_numpy(zero_copy_only=False)
        return pd.Series(values, dtype="float64"), np.zeros(len(arr), dtype=bool), suppressed
    if _has(arr, r"[^0-9.+-]").any():
        arr = pc.replace_substring_regex(arr, _SPACES, "")
        arr = pc.replace_substring(arr, "\u2212", "-")
    commas = pc.count_substring(arr, ",").to_numpy(zero_copy_only=False)
    dots = pc.count_substring(arr, ".").to_numpy(zero_copy_only=False)
    if (commas > 0).any():
        both = (commas > 0) & (dots > 0)
        if both.any():
            comma_last = (pc.find_substring_regex(arr, r",[^.]*$").to_numpy(zero_copy_only=False) >= 0)
            euro = pc.replace_substring(pc.replace_substring(arr, ".", ""), ",", ".")
            arr = pc.if_else(pa_.array(both & comma_last), euro, arr)
            arr = pc.if_else(pa_.array(both & ~comma_last), pc.replace_substring(arr, ",", ""), arr)
        arr = pc.if_else(pa_.array((commas == 1) & (dots == 0)), pc.replace_substring(arr, ",", "."), arr)
        arr = pc.if_else(pa_.array((commas > 1) & (dots == 0)), pc.replace_substring(arr, ",", ""), arr)
    if (dots > 1).any():
        arr = pc.if_else(pa_.array((dots > 1) & (commas == 0)), pc.replace_substring(arr, ".", ""), arr)
    ok = _full(arr, _NUMBER_OK[1:-1])
    bad = ~ok & ~empty
    values = pc.cast(pc.if_else(pa_.array(ok), arr, pa_.scalar(None, arr.type)), pa_.float64())
    return pd.Series(values.to_numpy(zero_copy_only=False), dtype="float64"), bad, suppressed


def _years_from(arr: pa_.ChunkedArray) -> tuple[pd.Series, np.ndarray]:
    """Years from ``yyyy``, ``dd.mm.yyyy`` (or ``/``) and ISO ``yyyy-mm-dd[ time]``: ``(years, bad)``."""
    empty = _bool(pc.equal(arr, ""))
    plain_year = _digit_strings(arr, (4,))  # the usual cell: the patterns below run on the others only
    others = ~plain_year & ~empty
    year_only = plain_year | _subset(arr, others, r"[0-9]{4}\.0+")
    ru = _subset(arr, others, r"[0-9]{1,2}[./][0-9]{1,2}[./][0-9]{4}")
    iso = _subset(arr, others, r"[0-9]{4}-[0-9]{2}-[0-9]{2}([ T][0-9]{2}:[0-9]{2}(:[0-9]{2})?)?")
    years = np.full(len(arr), np.nan)
    if year_only.any():
        years[year_only] = pc.cast(pc.utf8_slice_codeunits(arr.filter(pa_.array(year_only)), 0, 4),
                                   pa_.float64()).to_numpy(zero_copy_only=False)
    for mask, fmt in ((ru, "%d.%m.%Y"), (iso, "%Y-%m-%d")):
        if mask.any():
            text = arr.filter(pa_.array(mask))
            text = pc.replace_substring(text, "/", ".") if fmt == "%d.%m.%Y" else pc.utf8_slice_codeunits(text, 0, 10)
            # pandas, not pyarrow: Arrow's strptime accepts 31.02.2007
            parsed = pd.to_datetime(pd.Series(pd.arrays.ArrowStringArray(text)), format=fmt, errors="coerce")
            years[mask] = parsed.dt.year.to_numpy(dtype=float, na_value=np.nan)
    bad = ~empty & np.isnan(years)
    return pd.Series(years), bad


def _default_column(column: Column, n: int) -> pd.Series:
    """``n`` copies of the column's default (missing when it has none), typed like a read column."""
    default, kind = column.default, column.kind
    if kind in ("int", "year", "founded"):
        return pd.Series(pd.arrays.IntegerArray(np.full(n, default or 0, dtype=np.int64), np.full(n, default is None)))
    if kind in ("float", "money"):
        return pd.Series(np.full(n, np.nan if default is None else float(default)))
    if kind == "bool":
        return pd.Series(pd.arrays.BooleanArray(np.full(n, bool(default)), np.full(n, default is None)))
    return _constant(default, n)


def _read_column(column: Column, raw: pd.Series, rows: np.ndarray, scale: float, numeric: np.ndarray | None,
                 cap: int) -> tuple[pd.Series, _Collector, list[Issue]]:
    """One column of text cells → (typed values, its issues, its warnings)."""
    return _read_column_(column, raw, rows, scale, numeric, cap)


def _read_column_(column: Column, raw: pd.Series, rows: np.ndarray, scale: float, numeric: np.ndarray | None,
                  cap: int) -> tuple[pd.Series, _Collector, list[Issue]]:
    name, kind, default = column.name, column.kind, column.default
    out = _Collector(rows, cap)
    warnings: list[Issue] = []
    arr = _arrow(raw)
    filled = ~_bool(pc.equal(arr, ""))
    out.add(name, _bool(pc.starts_with(arr, "=")), arr, "formula")
    if kind in ("text", "name", "ident"):
        # One pass over the bytes finds the few suspicious cells; the precise checks run on those only.
        suspect = _cells_with_bytes(arr, _SUSPECT_IDENT if kind == "ident" else _SUSPECT_TEXT)
        suspect |= _bool(pc.starts_with(arr, "+")) | _bool(pc.starts_with(arr, "-")) | _bool(pc.starts_with(arr, "@"))
        out.add(name, _subset(arr, suspect, "(?s).*" + _CONTROL + ".*"), arr, "control_chars")
        out.add(name, _subset(arr, suspect, r"(?s)[+\-@].*"), arr, "formula_like")
        out.add(name, _subset(arr, suspect, "(?s).*(" + _HTML + ").*"), arr, "html")
        if kind == "ident":
            out.add(name, _subset(arr, suspect, r"(?s).*[\s;,].*"), arr, "ident_format")
        long = pc.binary_length(arr).to_numpy(zero_copy_only=False) > MAX_TEXT  # bytes ≥ characters
        if long.any():
            long &= pc.utf8_length(arr).to_numpy(zero_copy_only=False) > MAX_TEXT
        out.add(name, long, pc.utf8_slice_codeunits(arr, 0, 60), "too_long", max=MAX_TEXT)
        value = _str_series(arr)
    elif kind in ("inn", "ogrn", "okved", "sector", "oktmo", "region", "section", "cluster_id"):
        clean = _well_formed(arr, kind)
        if (~clean & filled).any():  # repair what Excel does to identifiers, on the unclean cells only
            fixed = pc.replace_substring_regex(arr, r"^'", "")
            if kind in ("inn", "ogrn", "oktmo", "region"):
                fixed = pc.replace_substring_regex(fixed, r"^([0-9]+)\.0+$", r"\1")
            if kind == "oktmo":
                fixed = pc.replace_substring_regex(fixed, _SPACES, "")
            arr = pc.if_else(pa_.array(clean), arr, fixed)
            clean = _well_formed(arr, kind)
        # For inn, ogrn, okved, oktmo and region the canonical form is also the required format.
        if kind == "inn":
            bad = ~clean & filled
            out.add(name, _subset(arr, bad, r"[0-9]+([.,][0-9]+)?[eE]\+?[0-9]+"), arr, "inn_scientific")
            out.add(name, _subset(arr, bad, r"[0-9]{9}|[0-9]{11}"), arr, "inn_lost_zero")
            out.add(name, bad, arr, "inn_format")
        elif kind == "ogrn":
            out.add(name, ~clean & filled, arr, "ogrn_format")
        elif kind == "okved":
            if numeric is not None:
                out.add(name, numeric, arr, "okved_number")
            out.add(name, ~clean & filled, arr, "okved_format")
        elif kind == "sector":
            arr = pc.if_else(pa_.array(_full(arr, "[a-u]")), pc.utf8_upper(arr), arr)
            out.add(name, ~_full(arr, OKVED_PATTERN[1:-1] + "|[A-U]") & filled, arr, "okved_format")
        elif kind == "oktmo":
            bad = ~clean & filled
            out.add(name, _subset(arr, bad, r"[0-9]{7}|[0-9]{10}"), arr, "oktmo_lost_zero")
            out.add(name, bad, arr, "oktmo_format")
        elif kind == "region":
            out.add(name, ~clean & filled, arr, "region_format")
        elif kind == "section":
            arr = pc.utf8_upper(arr)
            out.add(name, ~_full(arr, r"[A-U]") & filled, arr, "section_format")
        elif kind == "cluster_id":
            arr = pc.utf8_lower(arr)
            out.add(name, ~_full(arr, r"[a-z][a-z0-9_]*") & filled, arr, "ident_format")
        value = _str_series(arr)
    elif kind == "enum":
        lowered = pc.replace_substring(pc.utf8_lower(arr), "ё", "е")
        mapped, refused = _map_unique(lowered, lambda v: column.choices.get(v) if v else default)
        out.add(name, refused & filled, arr, "enum", allowed=", ".join(sorted(set(column.choices.values()))))
        value = pd.Series(pd.arrays.ArrowStringArray(pa_.chunked_array([mapped]))).astype("str")
    elif kind == "bool":
        answer = _per_distinct(arr, _yes_no)
        unknown = answer < 0
        out.add(name, unknown & filled, arr, "not_bool")
        values = np.where(unknown, bool(default), answer == 1)  # unknown and empty cells take the default
        value = pd.Series(pd.arrays.BooleanArray(values, unknown if default is None else np.zeros(len(arr), bool)))
    elif kind == "founded":
        years, bad = _years_from(arr)
        out.add(name, bad, arr, "not_date")
        value = pd.Series(years.round().astype("Int64"))
    else:  # numbers
        numbers, bad, suppressed = _numbers(arr)
        out.add(name, bad, arr, "not_number")
        if suppressed.any():
            warnings.append(Issue(None, name, None, msg("suppressed", count=int(suppressed.sum()))))
        if kind == "money":
            numbers = numbers * scale
        if kind in ("int", "year"):
            fractional = (numbers.notna() & (numbers != np.floor(numbers))).to_numpy()
            out.add(name, fractional, arr, "not_integer")
            huge = (numbers.abs() > 2**31 - 1).to_numpy()
            out.add(name, huge, arr, "out_of_range", low=column.low, high=column.high)
            value = pd.Series(numbers.where(~(fractional | huge)).round().astype("Int64"))
        else:
            value = numbers
        if default is not None:
            value = value.where(filled, default)
    return value.reset_index(drop=True), out, warnings


def read_cells(raw: pd.DataFrame, spec: TableSpec, rows: np.ndarray, *, scales: Mapping[str, float] | None = None,
               numeric_cells: Mapping[str, np.ndarray] | None = None, cap: int = 200) -> Cells:
    """Turn the file's text cells (store column names, ``""`` for empty) into typed columns.

    ``rows``: spreadsheet row of each record. ``scales``: unit factors of money columns (from the
    headers). ``numeric_cells``: per column, a mask of cells an XLSX stored as numbers (an OKVED code
    stored as a number has lost its trailing zero: ``29.10`` → ``29.1``).
    Columns of the table that the file lacks get their default. Columns are read on two threads
    (Arrow's kernels release the GIL).
    """
    scales = scales or {}
    numeric_cells = numeric_cells or {}
    n = len(raw)
    # Free text and numbers first: the slowest columns start early and the two threads finish together.
    given = sorted((c for c in spec.columns if c.name in raw.columns),
                   key=lambda c: (c.kind not in ("text", "name", "ident"), c.kind not in ("int", "float", "money")))
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = dict(zip([c.name for c in given], pool.map(
            lambda c: _read_column(c, raw[c.name].reset_index(drop=True), rows, scales.get(c.name, 1.0),
                                   numeric_cells.get(c.name), cap), given)))
    frame: dict[str, pd.Series] = {}
    issues: list[Issue] = []
    warnings: list[Issue] = []
    counts: dict[str, int] = {}
    flagged: dict[str, np.ndarray] = {}
    listed: dict[str, int] = {}
    for column in spec.columns:
        if column.name not in results:
            frame[column.name] = _default_column(column, n)
            continue
        value, out, column_warnings = results[column.name]
        frame[column.name] = value
        warnings.extend(column_warnings)
        flagged.update(out.flagged)
        for code, count in out.counts.items():
            counts[code] = counts.get(code, 0) + count
        for issue in out.issues:
            if listed.get(issue.code, 0) < cap:
                listed[issue.code] = listed.get(issue.code, 0) + 1
                issues.append(issue)
    return Cells(pd.DataFrame(frame), issues, warnings, counts, flagged)

# --------------------------------------------------------------------------------------------------
# Rules (pandera)
# --------------------------------------------------------------------------------------------------

_INN10 = np.array([2, 4, 10, 3, 5, 9, 4, 6, 8], dtype=np.int64)
_INN11 = np.array([7, 2, 4, 10, 3, 5, 9, 4, 6, 8], dtype=np.int64)
_INN12 = np.array([3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8], dtype=np.int64)


def _digits(s: pd.Series, width: int) -> tuple[np.ndarray, np.ndarray]:
    """(rows of ``s`` exactly ``width`` ASCII digits long, their n × width digit matrix, uint8).

    Read straight from the Arrow data buffer: strings of ``width`` bytes are contiguous once
    filtered, so the buffer reshapes into a byte matrix without a Python loop (cells are picked by
    byte length and Arrow's ``ascii_is_decimal``: no regular expression pass over the column).
    """
    arr = pa_.array(s.array) if isinstance(s.array, pd.arrays.ArrowStringArray) else pa_.array(s.astype("str").array)
    arr = arr.combine_chunks() if isinstance(arr, pa_.ChunkedArray) else arr
    arr = pc.fill_null(arr, "")
    selected = _digit_strings(arr, (width,))
    matrix = np.zeros((0, width), dtype=np.uint8)
    if selected.any():
        sub = arr.filter(pa_.array(selected))
        offset_type = np.int64 if pa_.types.is_large_string(sub.type) else np.int32
        offsets = np.frombuffer(sub.buffers()[1], dtype=offset_type)[sub.offset: sub.offset + len(sub) + 1]
        data = np.frombuffer(sub.buffers()[2], dtype=np.uint8)[offsets[0]: offsets[-1]]
        matrix = data.reshape(len(sub), width) - np.uint8(48)
    return selected, matrix


def _weighted(d: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """Σ ``d[:, j] · weights[j]`` per row, one digit column at a time (int32: no wide copy of ``d``)."""
    total = np.zeros(len(d), dtype=np.int32)
    for j, weight in enumerate(weights):
        total += d[:, j] * np.int32(weight)
    return total


def _remainder(d: np.ndarray, modulus: int) -> np.ndarray:
    """The number each row's digits spell, modulo ``modulus`` (Horner's rule: no 15-digit integers)."""
    rest = np.zeros(len(d), dtype=np.int32)
    for j in range(d.shape[1]):
        rest = (rest * 10 + d[:, j]) % modulus
    return rest


def inn_valid(s: pd.Series) -> pd.Series:
    """INN check digits (10 digits: weights 2,4,10,3,5,9,4,6,8; 12 digits: two check digits), vectorised.

    Missing values count as valid (``required`` is checked separately); other formats as invalid.
    Same result as ``stdnum.ru.inn.is_valid`` (tested), about 100× faster on a million rows.
    """
    s = s.reset_index(drop=True)
    ok = np.zeros(len(s), dtype=bool)
    ten, d = _digits(s, 10)
    if len(d):
        ok[ten] = _weighted(d, _INN10) % 11 % 10 == d[:, 9]
    twelve, d = _digits(s, 12)
    if len(d):
        ok[twelve] = (_weighted(d, _INN11) % 11 % 10 == d[:, 10]) & (_weighted(d, _INN12) % 11 % 10 == d[:, 11])
    return pd.Series(ok | s.isna().to_numpy())


def ogrn_valid(s: pd.Series) -> pd.Series:
    """OGRN (13 digits, first digit not 0: first 12 mod 11 mod 10) and OGRNIP (15 digits, first digit 3
    or 4: first 14 mod 13 mod 10) check digits (docs/regulations.md; python-stdnum refuses an OGRNIP whose
    remainder mod 13 exceeds 9, the tax service's rule takes its last digit)."""
    s = s.reset_index(drop=True)
    ok = np.zeros(len(s), dtype=bool)
    for width, modulus, first_digits in ((13, 11, range(1, 10)), (15, 13, (3, 4))):
        selected, d = _digits(s, width)
        if len(d):
            body = _remainder(d[:, : width - 1], modulus)
            ok[selected] = (body % 10 == d[:, width - 1]) & np.isin(d[:, 0], list(first_digits))
    return pd.Series(ok | s.isna().to_numpy())


def _rules(spec: TableSpec) -> pa.DataFrameSchema:
    columns: dict[str, pa.Column] = {}
    for column in spec.columns:
        checks: list[pa.Check] = []
        if column.kind == "inn":
            checks.append(pa.Check(inn_valid, error="inn_checksum"))
        elif column.kind == "ogrn":
            checks.append(pa.Check(ogrn_valid, error="ogrn_checksum"))
        elif column.kind == "year":
            checks.append(pa.Check.in_range(column.low, column.high, error="year_range"))
        elif column.kind in ("int", "float", "money", "founded") and (column.low, column.high) != (None, None):
            if column.low == 0 and column.high is None:
                checks.append(pa.Check.ge(0, error="negative"))
            elif column.low is not None and column.high is None:
                checks.append(pa.Check.ge(column.low, error="out_of_range"))
            else:
                checks.append(pa.Check.in_range(column.low, column.high, error="out_of_range"))
            if column.name == "weight":
                checks.append(pa.Check.gt(0, error="not_positive"))
        columns[column.name] = pa.Column(checks=checks, nullable=not column.required, required=False)
    return pa.DataFrameSchema(columns, strict=False, coerce=False)


_RULES: dict[str, pa.DataFrameSchema] = {}
# pandera imports and registers its pandas backends on the first validation (about 0.1 s): done with
# this module's other imports, so an analyst's first file does not pay for it.
pa.DataFrameSchema.register_default_backends(pd.DataFrame)


def check_rules(cells: Cells, spec: TableSpec, rows: np.ndarray, cap: int = 200) -> Cells:
    """Apply the table's pandera rules to the typed columns; failures join the cell issues.

    Cells that already failed to read are not reported twice.
    """
    rules = _RULES.setdefault(spec.name, _rules(spec))
    issues, counts = list(cells.issues), dict(cells.counts)
    frame = cells.frame
    try:
        rules.validate(frame, lazy=True, inplace=True)  # nothing is coerced: no copy of a million rows
        failures = pd.DataFrame(columns=["column", "check", "failure_case", "index"])
    except pa.errors.SchemaErrors as exc:
        failures = exc.failure_cases
    flagged = {c: m.copy() for c, m in cells.flagged.items()}
    per_code: dict[str, int] = {}
    for column, check, value, index in zip(failures["column"], failures["check"], failures["failure_case"],
                                           failures["index"]):
        if index is None or pd.isna(index):
            continue
        position = int(index)
        row = int(rows[position])
        mask = flagged.setdefault(column, np.zeros(len(frame), dtype=bool))
        if mask[position]:
            continue
        mask[position] = True
        code = "required" if check == "not_nullable" else str(check)
        spec_column = spec.column(column)
        counts[code] = counts.get(code, 0) + 1
        per_code[code] = per_code.get(code, 0) + 1
        if per_code[code] > cap:
            continue
        params: dict[str, Any] = {}
        if code in ("out_of_range", "year_range"):
            params = {"low": spec_column.low, "high": spec_column.high}
        shown = None if value is None or (not isinstance(value, str) and pd.isna(value)) else _show(value)
        issues.append(Issue(row, column, shown, msg(code, **params)))
    if spec.name in MUST_DIFFER:
        a, b = MUST_DIFFER[spec.name]
        same = (frame[a] == frame[b]).fillna(False).to_numpy()
        if same.any():
            counts["same_inn"] = counts.get("same_inn", 0) + int(same.sum())
            for position in np.flatnonzero(same)[:cap]:
                issues.append(Issue(int(rows[position]), b, str(frame[b].iloc[position]), msg("same_inn")))
    return Cells(frame, issues, cells.warnings, counts, flagged)


def _show(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def key_order(frame: pd.DataFrame, key: tuple[str, ...]) -> tuple[bool, bool]:
    """(rows in ascending order of ``key``, some row's key equal to the next row's), comparing each
    row with the next in Arrow, lexicographically over the key's columns (milliseconds for a million
    rows). A file in key order has no duplicate keys unless two neighbours share one; the store
    writes such a file without sorting it (:func:`analytics.store.versions.apply`)."""
    if len(frame) < 2:
        return True, False
    out_of_order = tied = None
    for column in key:
        values = pa_.array(frame[column].array if isinstance(frame[column].array, pd.arrays.ArrowStringArray)
                           else frame[column])
        before, after = values[:-1], values[1:]
        less, equal = pc.less(after, before), pc.equal(after, before)
        out_of_order = less if out_of_order is None else pc.or_(out_of_order, pc.and_(tied, less))
        tied = equal if tied is None else pc.and_(tied, equal)
    return not pc.any(out_of_order).as_py(), bool(pc.any(tied).as_py())


def duplicates_in_file(frame: pd.DataFrame, key: tuple[str, ...], rows: np.ndarray, cap: int = 200
                       ) -> tuple[list[Issue], int]:
    """Rows whose key repeats an earlier row of the file: ``(issues, count)``.

    Each repeat names the first row with the same key (``duplicate of row 7``).
    """
    keys = frame[list(key)]
    if keys.isna().all(axis=None):
        return [], 0
    ascending, neighbours_tie = key_order(frame, key) if not keys.isna().any(axis=None) else (False, True)
    if ascending and not neighbours_tie:  # fast path for a file in key order: no hashing
        return [], 0
    parts = [pc.cast(pa_.array(keys[k].array if isinstance(keys[k].array, pd.arrays.ArrowStringArray)
                                else keys[k].astype("str").array), pa_.large_string()) for k in key]
    parts = [pc.fill_null(p, "\x00") for p in parts]
    separator = pa_.scalar("\x1f", pa_.large_string())
    joined = parts[0] if len(parts) == 1 else pc.binary_join_element_wise(*parts, separator)
    if len(pc.unique(joined)) == len(keys):  # fast path: all keys distinct (one hash pass)
        return [], 0
    dup = keys.duplicated(keep="first").to_numpy()
    n = int(dup.sum())
    if not n:
        return [], 0
    first_pos = keys.groupby(list(key), dropna=False, sort=False).ngroup().to_numpy()
    first_row_of_group: dict[int, int] = {}
    for pos, g in enumerate(first_pos):
        first_row_of_group.setdefault(int(g), int(rows[pos]))
    issues = []
    for pos in np.flatnonzero(dup)[:cap]:
        value = " / ".join("" if pd.isna(v) else str(v) for v in keys.iloc[pos])
        issues.append(Issue(int(rows[pos]), key[0] if len(key) == 1 else ", ".join(key), value,
                            msg("duplicate_in_file", first_row=first_row_of_group[int(first_pos[pos])])))
    return issues, n


def inn_region_mismatch(frame: pd.DataFrame) -> int:
    """Enterprises whose INN's first two digits (tax office region) differ from ``region_code``.

    A soft hint, not an error: a firm registered elsewhere may operate in the region. INNs that are
    not 10 or 12 digits already have an error of their own and are not counted.
    """
    if "inn" not in frame or "region_code" not in frame:
        return 0
    inn = _arrow(frame["inn"])
    both = _digit_strings(inn, (10, 12)) & frame["region_code"].notna().to_numpy()
    return int((both & (frame["inn"].str.slice(0, 2) != frame["region_code"]).to_numpy(dtype=bool, na_value=False)).sum())


def schema_columns() -> dict[str, list[str]]:
    """Columns of every data table as the loader knows them (tests compare with the store)."""
    return {name: spec.names for name, spec in TABLES.items() if name in schema.DATA_TABLES}
