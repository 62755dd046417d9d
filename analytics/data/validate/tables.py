"""What each table accepts from a file: its columns (:class:`Column`), kinds, aliases, ranges and keys (:data:`TABLES`)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from analytics.store import schema

#: Column kinds and how their cells are read (see :func:`read_cells`).
KINDS = (
    "text",
    "name",
    "inn",
    "ogrn",
    "okved",
    "sector",
    "oktmo",
    "region",
    "section",
    "cluster_id",
    "ident",
    "enum",
    "int",
    "float",
    "money",
    "year",
    "founded",
    "bool",
)
THIS_YEAR = date.today().year
#: Largest money amount a cell may hold, mln ₽: 10⁹ mln ₽ = 10¹⁵ ₽, about 25 times the federal budget's
#: yearly expenditure; two million such cells still sum far below float overflow.
MAX_MONEY_MLN = 1e9
#: Largest head count (persons): above the employment of any Russian region (Moscow: about 7.5 million).
MAX_PEOPLE = 10_000_000
#: Any other number: |x| ≤ 10¹² unless the column says otherwise (sums stay finite and exact enough).
MAX_NUMBER = 1e12


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


_STATUS = Column(
    "data_status",
    "enum",
    ("статус данных", "статус"),
    ("data status", "status"),
    default="loaded",
    choices=_choices(
        ("public", ("публичный факт", "публичный")),
        ("approximate", ("приблизительно",)),
        ("illustrative", ("условно", "демо")),
        ("loaded", ("загружено",)),
    ),
    example="loaded",
)
_LAT = Column("lat", "float", ("широта",), ("latitude",), low=41, high=82, example="54,5293")
_LON = Column("lon", "float", ("долгота",), ("longitude",), low=19, high=180, example="36,2754")
_YEAR = Column(
    "year",
    "year",
    ("год", "отчетный год"),
    ("year", "reporting year"),
    required=True,
    low=1990,
    high=THIS_YEAR,
    example=str(THIS_YEAR - 1),
)
_PROJECT_YEAR = Column("year", "year", ("год",), ("year",), required=True, low=2000, high=2100, example=str(THIS_YEAR))
_PROJECT_ID = Column(
    "project_id",
    "ident",
    ("код проекта", "проект", "id проекта"),
    ("project id", "project"),
    required=True,
    example="AUTO-2024-01",
)
_CLUSTER_ID = Column(
    "cluster_id",
    "cluster_id",
    ("код кластера", "кластер"),
    ("cluster id", "cluster"),
    required=True,
    example="automotive",
)


def _money(
    name: str, ru: tuple[str, ...], en: tuple[str, ...], required: bool = False, example: str = "1 234,5"
) -> Column:
    return Column(name, "money", ru, en, required=required, low=0, high=MAX_MONEY_MLN, example=example)


#: Headers of a row's Russian name: the two shared by every table, then the English ones.
_NAME_RU = ("наименование", "название")
_NAME_RU_EN = ("name", "name (russian)", "name ru", "russian name")
#: Headers of a row's English name, Russian then English.
_NAME_EN_RU = ("наименование на английском", "название англ")
_NAME_EN_EN = ("name (english)", "name en", "english name")
#: Headers of a region's code where a row refers to its region.
_REGION_CODE_RU = ("код региона", "регион", "код субъекта")
_REGION_CODE_EN = ("region code", "region")


def _name_ru(
    example: str, *more_ru: str, ru: tuple[str, ...] | None = None, en: tuple[str, ...] = _NAME_RU_EN
) -> Column:
    """The required ``name_ru`` column: headers :data:`_NAME_RU` followed by ``more_ru`` (or ``ru`` instead)."""
    return Column("name_ru", "name", ru or (*_NAME_RU, *more_ru), en, required=True, example=example)


def _name_en(
    example: str, required: bool = False, ru: tuple[str, ...] = _NAME_EN_RU, en: tuple[str, ...] = _NAME_EN_EN
) -> Column:
    """The ``name_en`` column with the shared headers unless ``ru``/``en`` are given."""
    return Column("name_en", "name", ru, en, required=required, example=example)


def _region_code(
    kind: str = "region", ru: tuple[str, ...] = _REGION_CODE_RU, en: tuple[str, ...] = _REGION_CODE_EN
) -> Column:
    """The required ``region_code`` column (example: Kaluga's code 40) with the shared headers unless given."""
    return Column("region_code", kind, ru, en, required=True, example="40")


#: The ``code`` key of the region tables (``regions``, ``region_reference``).
_REGION_KEY = Column(
    "code", "region", ("код региона", "код субъекта", "код"), ("region code", "code"), required=True, example="40"
)
#: A link to the public source of a row (registry, public facts, programme projects).
_SOURCE_URL = Column(
    "source_url", "text", ("источник", "ссылка"), ("source", "source url", "link"), required=True, example="https://…"
)


def bounds(column: Column) -> tuple[float, float]:
    """The (low, high) a number in ``column`` must lie within: the column's own, else ±:data:`MAX_NUMBER`."""
    return (-MAX_NUMBER if column.low is None else column.low, MAX_NUMBER if column.high is None else column.high)


TABLES: dict[str, TableSpec] = {
    "regions": TableSpec(
        "regions",
        (
            _REGION_KEY,
            _name_ru("Калужская область", "субъект рф", "регион"),
            _name_en("Kaluga Oblast", required=True),
            Column(
                "federal_district",
                "text",
                ("федеральный округ", "фо"),
                ("federal district",),
                required=True,
                example="Центральный",
            ),
            Column("oktmo_prefix", "ident", ("префикс октмо", "код октмо региона"), ("oktmo prefix",), example="29"),
        ),
        key=("code",),
    ),
    "municipalities": TableSpec(
        "municipalities",
        (
            Column(
                "oktmo", "oktmo", ("октмо", "код октмо"), ("oktmo", "oktmo code"), required=True, example="29701000"
            ),
            _region_code(ru=("код региона", "регион")),
            _name_ru("Город Калуга", "муниципальное образование", "муниципалитет"),
            _name_en("Kaluga"),
            Column(
                "kind",
                "enum",
                ("вид", "тип", "вид мо"),
                ("kind", "type"),
                required=True,
                choices=_choices(
                    ("municipal_district", ("муниципальный район", "район")),
                    ("urban_okrug", ("городской округ",)),
                    ("municipal_okrug", ("муниципальный округ",)),
                ),
                example="urban_okrug",
            ),
            Column(
                "admin_centre_ru", "name", ("административный центр",), ("admin centre (russian)",), example="г. Калуга"
            ),
            Column(
                "admin_centre_en",
                "name",
                ("административный центр англ",),
                ("admin centre", "admin centre (english)", "administrative centre"),
                example="Kaluga",
            ),
            _LAT,
            _LON,
            Column(
                "oktmo_status",
                "enum",
                ("статус кода октмо",),
                ("oktmo status",),
                default="loaded",
                choices=_choices(
                    ("confirmed", ("подтвержден",)),
                    ("likely", ("вероятно",)),
                    ("provisional", ("временный",)),
                    ("loaded", ("загружено",)),
                ),
                example="confirmed",
            ),
            _STATUS,
        ),
        key=("oktmo",),
        keep_when_absent=("name_en", "admin_centre_en", "lat", "lon"),
    ),
    "sectors": TableSpec(
        "sectors",
        (
            # the example is a real OKVED 2 subclass the demo classifier lacks (its parent 29.32 it has)
            Column(
                "code",
                "sector",
                ("код оквэд", "код", "оквэд", "оквэд 2"),
                ("okved code", "code", "okved"),
                required=True,
                example="29.32.2",
            ),
            Column("parent", "sector", ("родительский код", "родитель"), ("parent code", "parent"), example="29.32"),
            Column(
                "level",
                "enum",
                ("уровень",),
                ("level",),
                choices=_choices(
                    ("section", ("раздел",)),
                    ("division", ("класс",)),
                    ("group", ("подкласс",)),
                    ("class", ("группа",)),
                    ("subclass", ("подгруппа", "вид")),
                ),
                example="subclass",
            ),
            Column("section", "section", ("раздел",), ("section",), example="C"),
            _name_ru("Производство ремней безопасности, подушек безопасности, их частей и принадлежностей кузовов"),
            _name_en("Manufacture of seat belts, airbags and their parts, and of body accessories"),
        ),
        key=("code",),
        keep_when_absent=("name_en",),
    ),
    "enterprises": TableSpec(
        "enterprises",
        (
            Column(
                "inn",
                "inn",
                ("инн", "инн организации", "инн юл"),
                ("inn", "tax id", "taxpayer id"),
                required=True,
                example="4029032450",
            ),
            Column("ogrn", "ogrn", ("огрн", "огрнип"), ("ogrn", "ogrnip"), example="1027700132195"),
            _name_ru("АО «Пример»", "наименование организации", "полное наименование", "сокращенное наименование"),
            _name_en("Primer JSC"),
            Column(
                "okved",
                "okved",
                (
                    "оквэд",
                    "код оквэд",
                    "основной оквэд",
                    "основной вид деятельности",
                    "код основного вида деятельности",
                    "оквэд 2",
                ),
                ("okved", "okved code", "main okved", "activity code"),
                required=True,
                example="29.10",
            ),
            _region_code(),
            Column("oktmo", "oktmo", ("октмо", "код октмо"), ("oktmo", "oktmo code"), example="29701000"),
            _LAT,
            _LON,
            Column(
                "is_sme",
                "bool",
                ("мсп", "субъект мсп", "малое или среднее"),
                ("sme", "is sme"),
                default=False,
                example="да",
            ),
            Column(
                "founded",
                "founded",
                ("год основания", "дата регистрации", "дата создания", "основано"),
                ("founded", "year founded", "registration date"),
                low=1700,
                high=THIS_YEAR,
                example="15.03.2007",
            ),
            Column(
                "kind",
                "enum",
                ("вид организации", "тип организации", "вид"),
                ("kind", "type"),
                default="industrial",
                choices=_choices(
                    ("industrial", ("промышленное", "промышленная", "производство")),
                    ("infrastructure", ("инфраструктурная", "инфраструктура")),
                    ("specialised", ("специализированная", "специализированная организация", "specialized")),
                ),
                example="industrial",
            ),
            Column(
                "cluster_hint",
                "cluster_id",
                ("кластер", "код кластера"),
                ("cluster", "cluster id"),
                example="automotive",
            ),
            _STATUS,
            Column("source", "text", ("источник",), ("source",), example="ЕГРЮЛ, 2024"),
            Column(
                "organising_production",
                "bool",
                ("организует производство", "организует производство в кластере"),
                ("organising production", "organising production in the cluster"),
                default=False,
                example="нет",
            ),
            Column(
                "sme_category",
                "enum",
                ("категория мсп", "категория субъекта мсп"),
                ("sme category",),
                choices=_choices(
                    ("micro", ("микропредприятие", "микро")), ("small", ("малое",)), ("medium", ("среднее",))
                ),
                example="small",
            ),
            Column(
                "legal_kind",
                "enum",
                ("вид субъекта", "вид субъекта мсп"),
                ("legal kind", "subject kind"),
                choices=_choices(
                    ("legal", ("юридическое лицо", "юл")),
                    ("entrepreneur", ("индивидуальный предприниматель", "ип")),
                    ("farm", ("глава кфх", "кфх")),
                ),
                example="legal",
            ),
        ),
        key=("inn",),
        keep_when_absent=("organising_production",),
    ),
    "enterprise_years": TableSpec(
        "enterprise_years",
        (
            Column("inn", "inn", ("инн", "инн организации"), ("inn", "tax id"), required=True, example="4029032450"),
            _YEAR,
            Column(
                "employees",
                "int",
                (
                    "численность",
                    "среднесписочная численность",
                    "численность работников",
                    "среднесписочная численность работников",
                    "число работников",
                    "занятые",
                ),
                ("employees", "headcount", "average headcount", "staff"),
                low=0,
                high=MAX_PEOPLE,
                example="1 250",
            ),
            _money("revenue_mln_rub", ("выручка", "выручка от продаж", "доход"), ("revenue", "sales")),
            _money("purchases_mln_rub", ("закупки", "себестоимость закупок", "покупки"), ("purchases",)),
            _money("exports_mln_rub", ("экспорт", "выручка от экспорта"), ("exports",), example="0"),
            _money(
                "investment_mln_rub", ("инвестиции", "инвестиции в основной капитал"), ("investment",), example="98,2"
            ),
            _STATUS,
            # FNS open data (migration 7): statement totals, not sales revenue; they may be negative.
            Column(
                "income_mln_rub",
                "money",
                ("сумма доходов", "доходы по отчетности"),
                ("income", "total income"),
                low=-MAX_MONEY_MLN,
                high=MAX_MONEY_MLN,
                example="45,7",
            ),
            Column(
                "expenses_mln_rub",
                "money",
                ("сумма расходов", "расходы по отчетности"),
                ("expenses", "total expenses"),
                low=-MAX_MONEY_MLN,
                high=MAX_MONEY_MLN,
                example="40,1",
            ),
            _money("taxes_federal_mln_rub", ("налоги в федеральный бюджет",), ("taxes federal",)),
            _money("taxes_regional_mln_rub", ("налоги в региональный бюджет",), ("taxes regional",)),
            _money("taxes_local_mln_rub", ("налоги в местный бюджет",), ("taxes local",)),
            _money("taxes_social_funds_mln_rub", ("страховые взносы",), ("insurance contributions",)),
            _money("taxes_non_tax_mln_rub", ("неналоговые доходы",), ("non-tax payments",)),
            _money("taxes_unknown_mln_rub", ("налоги уровень не определен",), ("taxes level unknown",)),
            Column("source", "text", ("источник",), ("source",), example="ФНС, ССЧР на 31.12.2023"),
        ),
        key=("inn", "year"),
    ),
    "region_sector_years": TableSpec(
        "region_sector_years",
        (
            _region_code(),
            Column(
                "okved",
                "okved",
                ("оквэд", "код оквэд", "вид деятельности"),
                ("okved", "okved code", "sector"),
                required=True,
                example="29",
            ),
            _YEAR,
            Column(
                "employees",
                "float",
                ("численность", "среднесписочная численность", "занятые", "численность работников"),
                ("employees", "headcount", "average headcount"),
                low=0,
                high=MAX_PEOPLE,
                example="23 800",
            ),
            _money("wages_mln_rub", ("фонд оплаты труда", "фот", "зарплата"), ("wages", "wage fund", "payroll")),
            Column(
                "establishments",
                "int",
                ("число организаций", "организации", "предприятия"),
                ("establishments", "firms"),
                low=0,
                high=MAX_PEOPLE,
                example="120",
            ),
            _money("revenue_mln_rub", ("выручка", "отгружено товаров", "оборот"), ("revenue", "shipments", "turnover")),
            _STATUS,
        ),
        key=("region_code", "okved", "year"),
    ),
    "supply_links": TableSpec(
        "supply_links",
        (
            Column(
                "supplier_inn",
                "inn",
                ("инн поставщика", "поставщик"),
                ("supplier inn", "supplier"),
                required=True,
                example="4029032450",
            ),
            Column(
                "buyer_inn",
                "inn",
                ("инн покупателя", "покупатель", "инн заказчика"),
                ("buyer inn", "buyer"),
                required=True,
                example="7707083893",
            ),
            _YEAR,
            _money(
                "value_mln_rub",
                ("объем поставок", "сумма", "стоимость"),
                ("value", "amount"),
                required=True,
                example="420,8",
            ),
            _STATUS,
        ),
        key=("supplier_inn", "buyer_inn", "year"),
    ),
    "cluster_templates": TableSpec(
        "cluster_templates",
        (
            _CLUSTER_ID,
            Column(
                "cluster_name_ru",
                "name",
                ("название кластера", "кластер наименование"),
                ("cluster name (russian)", "cluster name ru"),
                required=True,
                example="Автомобилестроение",
            ),
            Column(
                "cluster_name_en",
                "name",
                ("название кластера англ",),
                ("cluster name (english)", "cluster name en", "cluster name"),
                required=True,
                example="Automotive",
            ),
            # the example adds a code the demo's automotive template lacks: metal-forming machinery as a supplier
            Column("okved", "okved", ("оквэд", "код оквэд"), ("okved", "okved code"), required=True, example="28.41"),
            Column(
                "role",
                "enum",
                ("роль",),
                ("role",),
                required=True,
                choices=_choices(("core", ("ядро",)), ("supplier", ("поставщик",)), ("service", ("сервис", "услуги"))),
                example="supplier",
            ),
            Column("weight", "float", ("вес",), ("weight",), default=1.0, low=0, example="1"),
            Column("note", "text", ("примечание", "комментарий"), ("note", "comment"), example=""),
            _STATUS,
        ),
        key=("cluster_id", "okved"),
    ),
    "projects": TableSpec(
        "projects",
        (
            _PROJECT_ID,
            _name_ru(
                "Локализация производства",
                ru=("наименование", "название проекта", "название"),
                en=("name", "name (russian)", "name ru", "project name", "project name (russian)"),
            ),
            _name_en("Localisation of production", en=("name (english)", "name en", "project name (english)")),
            _CLUSTER_ID,
            Column(
                "initiator_inn",
                "inn",
                ("инн инициатора", "инициатор"),
                ("initiator inn", "initiator"),
                required=True,
                example="4029032450",
            ),
            Column(
                "stage",
                "enum",
                ("стадия", "этап"),
                ("stage",),
                required=True,
                choices=_choices(
                    ("rd", ("ниокр",)),
                    ("engineering", ("инжиниринг",)),
                    ("pilot", ("пилот", "опытное производство")),
                    ("serial", ("серия", "серийное производство")),
                ),
                example="serial",
            ),
            Column(
                "start_year",
                "year",
                ("год начала", "начало"),
                ("start year", "start"),
                required=True,
                low=2000,
                high=2100,
                example=str(THIS_YEAR),
            ),
            Column(
                "jobs",
                "int",
                ("рабочие места", "новые рабочие места"),
                ("jobs", "new jobs"),
                default=0,
                low=0,
                high=MAX_PEOPLE,
                example="85",
            ),
            Column(
                "is_joint",
                "bool",
                ("совместный", "совместный проект"),
                ("joint", "is joint"),
                default=True,
                example="да",
            ),
            _STATUS,
        ),
        key=("project_id",),
    ),
    "project_participants": TableSpec(
        "project_participants",
        (
            _PROJECT_ID,
            Column(
                "inn", "inn", ("инн", "инн участника"), ("inn", "participant inn"), required=True, example="4029032450"
            ),
            Column(
                "role",
                "enum",
                ("роль",),
                ("role",),
                required=True,
                choices=_choices(("initiator", ("инициатор",)), ("participant", ("участник",))),
                example="participant",
            ),
        ),
        key=("project_id", "inn"),
    ),
    "project_costs": TableSpec(
        "project_costs",
        (
            _PROJECT_ID,
            _PROJECT_YEAR,
            Column(
                "category",
                "enum",
                ("статья затрат", "категория"),
                ("category", "cost category"),
                required=True,
                choices=_choices(
                    ("rd", ("ниокр",)),
                    ("design_docs", ("проектная документация", "ркд")),
                    ("ip_licences", ("лицензии", "права на рид")),
                    ("engineering", ("инжиниринг",)),
                    ("equipment", ("оборудование",)),
                    ("loan_interest", ("проценты по кредитам",)),
                    ("leasing", ("лизинг",)),
                    ("component_batches", ("стартовые партии комплектующих",)),
                    ("other", ("прочее",)),
                ),
                example="equipment",
            ),
            _money("amount_mln_rub", ("сумма", "затраты"), ("amount", "costs"), required=True, example="12,5"),
            Column("supplier_inn", "inn", ("инн поставщика", "поставщик"), ("supplier inn", "supplier"), example=""),
            Column("line", "int", ("строка", "номер строки"), ("line",), default=1, low=1, example="1"),
        ),
        key=("project_id", "year", "category", "line"),
    ),
    "project_revenues": TableSpec(
        "project_revenues",
        (
            _PROJECT_ID,
            _PROJECT_YEAR,
            _money("revenue_mln_rub", ("выручка",), ("revenue",), required=True, example="226,5"),
            _money("taxes_mln_rub", ("налоги", "налоговые поступления"), ("taxes",), example="29,4"),
        ),
        key=("project_id", "year"),
    ),
    "region_indicators": TableSpec(
        "region_indicators",
        (
            Column(
                "indicator",
                "text",
                ("показатель", "индикатор"),
                ("indicator",),
                required=True,
                example="Численность рабочей силы",
            ),
            Column(
                "breakdown",
                "text",
                ("разрез", "строка", "вид деятельности"),
                ("breakdown", "row label"),
                default="total",
                example="Обрабатывающие производства",
            ),
            _region_code("ident"),
            _YEAR,
            Column("value", "float", ("значение",), ("value",), example="565,8"),
            Column("unit", "text", ("единица", "единица измерения"), ("unit",), example="тыс. человек"),
            Column(
                "cell_status",
                "enum",
                ("состояние ячейки",),
                ("cell status",),
                default="ok",
                choices=_choices(
                    ("ok", ("есть",)), ("suppressed", ("скрыто", "конфиденциально")), ("missing", ("нет",))
                ),
                example="ok",
            ),
            Column("source", "text", ("источник",), ("source",), example="Росстат, Регионы России 2024, табл. 5.12"),
            _STATUS,
        ),
        key=("indicator", "breakdown", "region_code", "year"),
    ),
    "region_reference": TableSpec(
        "region_reference",
        (
            _REGION_KEY,
            _name_ru("Калужская обл", ru=("наименование", "субъект рф"), en=("name", "name ru")),
            _name_en("Kaluga", required=True, ru=("наименование на английском",), en=("name en", "english name")),
            Column(
                "federal_district",
                "text",
                ("федеральный округ",),
                ("federal district",),
                required=True,
                example="Центральный",
            ),
            Column("okato", "ident", ("окато",), ("okato",), example="29000000000"),
            Column("oktmo", "ident", ("октмо",), ("oktmo",), example="29000000"),
            Column("iso_code", "ident", ("код iso",), ("iso code", "iso"), example="RU-KLU"),
            Column("kladr_id", "ident", ("код кладр",), ("kladr id", "kladr"), example="4000000000000"),
            Column("timezone", "ident", ("часовой пояс",), ("timezone", "time zone"), example="UTC+3"),
            _STATUS,
            Column("source", "text", ("источник",), ("source",), example="HFLabs / DaData.ru, CC BY-SA 4.0"),
        ),
        key=("code",),
    ),
    "registry_clusters": TableSpec(
        "registry_clusters",
        (
            Column(
                "cluster_name_ru",
                "name",
                ("кластер", "наименование кластера"),
                ("cluster", "cluster name"),
                required=True,
                example="Промышленный кластер микрофильтрационного оборудования",
            ),
            Column(
                "region_codes",
                "text",
                ("коды регионов", "код региона"),
                ("region codes", "region code"),
                required=True,
                example="40",
            ),
            Column(
                "region_ru", "text", ("регион", "субъект рф"), ("region",), required=True, example="Калужская область"
            ),
            Column(
                "specialisation",
                "text",
                ("специализация",),
                ("specialisation", "specialization"),
                example="microfiltration equipment",
            ),
            Column(
                "registry_status",
                "text",
                ("статус в реестре", "реестр"),
                ("registry status",),
                required=True,
                example="in_779_registry",
            ),
            Column("in_registry", "bool", ("в реестре 779",), ("in registry",), required=True, example="да"),
            Column("status_date", "text", ("дата статуса", "дата"), ("status date", "date"), example="2024-11"),
            Column("participants", "text", ("участники", "число участников"), ("participants",), example="6"),
            Column(
                "specialised_org",
                "text",
                ("специализированная организация", "инициатор"),
                ("specialised organisation", "initiator"),
                example="ГК «Обнинские Фильтры»",
            ),
            Column("notes", "text", ("примечание",), ("notes", "note"), example=""),
            _SOURCE_URL,
            _STATUS,
            # migration 9: the template a registered cluster is (it then counts as registered for Decree 41)
            Column(
                "cluster_id",
                "text",
                ("шаблон кластера", "код шаблона кластера"),
                ("cluster template", "cluster id"),
                example="automotive",
            ),
        ),
        key=("cluster_name_ru",),
    ),
    "public_facts": TableSpec(
        "public_facts",
        (
            Column("topic", "ident", ("тема",), ("topic",), required=True, example="pp41_programme"),
            Column("period", "text", ("период",), ("period",), required=True, example="2016-2018"),
            Column("indicator", "text", ("показатель",), ("indicator",), required=True, example="projects approved"),
            Column("value", "text", ("значение",), ("value",), example="24"),
            Column("value_number", "float", ("значение числом",), ("value number",), example="24"),
            Column("unit", "text", ("единица",), ("unit",), example="projects"),
            Column("confidence", "text", ("достоверность",), ("confidence",), example="high"),
            _SOURCE_URL,
            Column("note", "text", ("примечание",), ("note",), example=""),
            _STATUS,
        ),
        key=("topic", "period", "indicator"),
    ),
    "programme_projects": TableSpec(
        "programme_projects",
        (
            Column(
                "project_name_ru",
                "name",
                ("проект", "наименование проекта"),
                ("project", "project name"),
                required=True,
                example="«Пример-Станок» (пример шаблона)",
            ),
            Column("selection_year", "text", ("год отбора",), ("selection year",), required=True, example="2016"),
            Column("cluster_name_ru", "text", ("кластер",), ("cluster",), example="Станкостроительный кластер"),
            Column("region_code", "region", ("код региона",), ("region code",), example="48"),
            Column("region_ru", "text", ("регион",), ("region",), example="Липецкая область"),
            Column("participants", "text", ("участники", "инициатор"), ("participants", "initiator"), example=""),
            _money("subsidy_mln_rub", ("субсидия",), ("subsidy",)),
            _money("project_cost_mln_rub", ("стоимость проекта",), ("project cost",)),
            _SOURCE_URL,
            Column("note", "text", ("примечание",), ("note",), example=""),
            _STATUS,
        ),
        key=("project_name_ru",),
    ),
    # Rosstat's input–output tables in long form (migration 8): usually loaded from the workbook as
    # published (analytics/data/io_load.py), which writes exactly these columns.
    "io_cells": TableSpec(
        "io_cells",
        (
            Column("year", "year", ("год",), ("year",), required=True, low=1990, high=THIS_YEAR, example="2021"),
            Column(
                "part",
                "enum",
                ("часть", "таблица"),
                ("part", "table"),
                required=True,
                choices=_choices(*((p, ()) for p in schema.IO_PARTS)),
                example="flows_domestic",
            ),
            Column("row_code", "text", ("строка", "код строки"), ("row", "row code"), required=True, example="001"),
            Column(
                "col_code", "text", ("столбец", "код столбца"), ("column", "column code"), required=True, example="002"
            ),
            Column("value", "float", ("значение",), ("value",), example="1234,5"),
            Column("label", "text", ("текст", "наименование"), ("label", "text"), example=""),
            _STATUS,
        ),
        key=("year", "part", "row_code", "col_code"),
    ),
}

#: Integrity rules beyond single cells, per table: (column, other column) that must differ.
MUST_DIFFER: dict[str, tuple[str, str]] = {"supply_links": ("supplier_inn", "buyer_inn")}


def schema_columns() -> dict[str, list[str]]:
    """Columns of every data table as the loader knows them (tests compare with the store)."""
    return {name: spec.names for name, spec in TABLES.items() if name in schema.DATA_TABLES}
