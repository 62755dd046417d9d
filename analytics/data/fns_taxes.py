"""Which budget a tax line of the FNS PAYTAX open data goes to, from its name.

PAYTAX (``ОТКРДАННЫЕ4``) gives each organisation's taxes paid in a year as free-text names
(``НаимНалог``), not budget classification codes. 22 distinct names were seen in 1,800 real
documents (reference README of the FNS folder); this table maps each to the budget level that
receives it, so that the subsidy model can count the taxes a firm returns to the regional budget.

Levels: ``federal``, ``regional`` (the region's consolidated budget), ``local`` (municipal),
``social_funds`` (insurance contributions: pension, social and medical insurance funds),
``non_tax`` (non-tax revenues administered by the tax service) and ``unknown`` (the name does not
determine one level: the payment is split between levels by kind, or the name is new).

Source: Budget Code of the Russian Federation (БК РФ), art. 50 (federal budget tax revenues), 56
(regional), 61–61.2 (municipal), in the edition in force in 2023–2025; Tax Code (НК РФ) art. 284
p. 1 for the split of the profit tax. Where a tax is split, the level is the one that receives most
of it, and the entry says so. ``status``: ``confirmed`` (100 % to one level by the article cited) or
``to verify`` (a predominant level, or a share a region can pass on by its own law).

Matching is on the name with whitespace collapsed and case folded (:func:`tax_key`): real files
write «упрощенной  системы» with two spaces.
"""

from __future__ import annotations

from typing import NamedTuple

BUDGET_LEVELS = ("federal", "regional", "local", "social_funds", "non_tax", "unknown")


class TaxLevel(NamedTuple):
    """A tax name as PAYTAX writes it, its budget level, the legal basis and how sure it is."""

    name: str
    level: str
    basis: str
    status: str


#: The 22 names seen in real PAYTAX files (count of occurrences in 1,800 documents in brackets).
TAX_LEVELS: tuple[TaxLevel, ...] = (
    # Insurance contributions go to the funds, not to a budget (НК РФ ch. 34; from 2023 the single
    # Social Fund and the Federal Medical Insurance Fund).
    TaxLevel(
        "Страховые и другие взносы на обязательное пенсионное страхование, зачисляемые в Пенсионный фонд "
        "Российской Федерации",
        "social_funds",
        "НК РФ гл. 34; БК РФ ст. 146",
        "confirmed",
    ),  # (1773)
    TaxLevel(
        "Страховые взносы на обязательное социальное страхование на случай временной нетрудоспособности и в "
        "связи с материнством",
        "social_funds",
        "НК РФ гл. 34; БК РФ ст. 146",
        "confirmed",
    ),  # (1652)
    TaxLevel(
        "Страховые взносы на обязательное медицинское страхование работающего населения, зачисляемые в бюджет "
        "Федерального фонда обязательного медицинского страхования",
        "social_funds",
        "НК РФ гл. 34; БК РФ ст. 146",
        "confirmed",
    ),  # (1633)
    TaxLevel(
        "НЕНАЛОГОВЫЕ ДОХОДЫ, администрируемые налоговыми органами",
        "non_tax",
        "БК РФ ст. 41 (неналоговые доходы)",
        "confirmed",
    ),  # (1296)
    # USN: 100 % to the regional budget (БК РФ ст. 56); a region may pass part to municipalities.
    TaxLevel(
        "Налог, взимаемый в связи с применением упрощенной системы налогообложения",
        "regional",
        "БК РФ ст. 56 п. 2",
        "to verify",
    ),  # (1143)
    TaxLevel("Налог на добавленную стоимость", "federal", "БК РФ ст. 50", "confirmed"),  # (1084)
    # Profit tax: 3 of 20 percentage points federal, 17 regional in 2017–2024; 8 of 25 federal from
    # 2025 (НК РФ ст. 284 п. 1) — most of it is regional either way.
    TaxLevel("Налог на прибыль", "regional", "БК РФ ст. 50, 56; НК РФ ст. 284 п. 1", "to verify"),  # (959)
    TaxLevel("Налог на имущество организаций", "regional", "БК РФ ст. 56 п. 2", "confirmed"),  # (590)
    TaxLevel("Транспортный налог", "regional", "БК РФ ст. 56 п. 2", "to verify"),  # (535)
    # UTII (abolished from 2021, arrears still paid): municipal districts and urban okrugs.
    TaxLevel(
        "Единый налог на вмененный доход для отдельных видов деятельности", "local", "БК РФ ст. 61.1, 61.2", "confirmed"
    ),  # (287)
    TaxLevel("Земельный налог", "local", "БК РФ ст. 61, 61.1, 61.2", "confirmed"),  # (235)
    # State duty goes to the federal, regional or local budget by the kind of action paid for.
    TaxLevel("Государственная пошлина", "unknown", "БК РФ ст. 50, 56, 61.1 (по виду пошлины)", "confirmed"),  # (161)
    TaxLevel(
        "Задолженность и перерасчеты по ОТМЕНЕННЫМ НАЛОГАМ и сборам и иным обязательным платежам (кроме ЕСН, "
        "страх. Взносов)",
        "unknown",
        "по виду отменённого налога",
        "confirmed",
    ),  # (100)
    # NDFL: 100 % to the region's consolidated budget, of which a share is passed to municipalities.
    TaxLevel("Налог на доходы физических лиц", "regional", "БК РФ ст. 56 п. 1, 61.1", "to verify"),  # (29)
    TaxLevel("Водный налог", "federal", "БК РФ ст. 50", "confirmed"),  # (28)
    TaxLevel("Единый сельскохозяйственный налог", "local", "БК РФ ст. 61, 61.1, 61.2", "to verify"),  # (16)
    # Trade fee exists only in Moscow, where it is a local fee credited to the city's budget.
    TaxLevel("Торговый сбор", "local", "НК РФ гл. 33; БК РФ ст. 61.2", "to verify"),  # (10)
    # Split between the federal and regional budgets by the kind of resource.
    TaxLevel(
        "Сборы за пользование объектами животного мира и за пользование объектами ВБР",
        "unknown",
        "БК РФ ст. 51, 56",
        "confirmed",
    ),  # (9)
    # MET: hydrocarbons federal, common minerals regional, others split 40/60.
    TaxLevel("Налог на добычу полезных ископаемых", "unknown", "БК РФ ст. 50, 56", "confirmed"),  # (8)
    # Excises: each excisable good has its own split (alcohol, tobacco, fuel ...).
    TaxLevel("Акцизы, всего", "unknown", "БК РФ ст. 50, 56", "confirmed"),  # (7)
    # Recycling fee: a non-tax payment credited 100 % to the federal budget.
    TaxLevel("Утилизационный сбор", "federal", "ФЗ № 89-ФЗ ст. 24.1; БК РФ ст. 51", "to verify"),  # (4)
    # PSA royalties are shared by the agreement between the federal and regional budgets.
    TaxLevel(
        "Регулярные платежи за добычу полезных ископаемых (роялти) при выполнении соглашений о разделе продукции",
        "unknown",
        "БК РФ ст. 50, 56",
        "confirmed",
    ),  # (1)
)


def normalise_space(text: str) -> str:
    """Runs of whitespace (double spaces, tabs, no-break spaces) collapsed to one space, ends trimmed."""
    return " ".join(text.split())


def tax_key(name: str) -> str:
    """The matching key of a tax name: whitespace collapsed, case folded."""
    return normalise_space(name).casefold()


_BY_KEY: dict[str, str] = {tax_key(entry.name): entry.level for entry in TAX_LEVELS}


def budget_level(name: str) -> str:
    """The budget level of a PAYTAX tax name (see :data:`TAX_LEVELS`), ``unknown`` for a name not in the table."""
    return _BY_KEY.get(tax_key(name), "unknown")


def known(name: str) -> bool:
    """True when the name is one of :data:`TAX_LEVELS` (a new name is reported by the reader)."""
    return tax_key(name) in _BY_KEY
