"""Taxes of a supported project by type and budget level.

**Bases** (per ₽ of the project's revenue, taken as its output): value added, compensation of
employees and wages from the *value-added and compensation shares of its product* in Rosstat's 2021
input–output table (``data/io2021``: B1g ÷ P1, D1 ÷ P1, D11 ÷ P1, other taxes on production D29–D39 ÷ P1
of the products of the project's OKVED 2 division, output-weighted, through the table's
``okpd2_okved2`` correspondence). A project without a known division takes manufacturing (section C).
A project's own shares (columns ``value_added_share``, ``compensation_share``, ``wages_share``,
``other_taxes_share`` of the projects frame) override the table's.

**Taxes** (mln ₽ per year; rates from :mod:`analytics.models.rules`, each with act, article, edition
and status; a rate applies by calendar year):

- VAT = VAT rate × value added → federal budget (Budget Code art. 50). Value added is the base that
  remains after input VAT is deducted; exports at 0 % and deductions on investment are not modelled;
- corporate profit tax = (federal part + regional part of the rate) × taxable profit, taxable profit =
  ``profit_share`` × operating surplus, surplus = value added − compensation − other taxes on
  production (not below 0) → federal and regional budgets;
- personal income tax = 13 % × wages → regional (85 %) and local (15 %) budgets;
- insurance contributions = 30 % × wages → social funds;
- property tax = 2.2 % × taxable property, property = ``property_share`` × the project's cumulative
  costs → regional budget.

When the data reports a project-year's total taxes (``taxes="reported"``), or the scenario sets a flat
``tax_rate`` × revenue, that total replaces the modelled one and is split among levels in the modelled
proportions of that cell (of the revenue-based taxes where the cell has none). The levels of a cell
always add up to its total.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import numpy as np
import pandas as pd

from analytics.data.rosstat_io import DEFAULT_ROOT, load_io_tables
from analytics.models import rules

#: Budget levels, in the order of the ``pv_taxes_<level>_mln_rub`` columns.
LEVELS: tuple[str, ...] = rules.BUDGET_LEVELS
#: Tax types and the level each is credited to.
TAX_TYPES: dict[str, str] = {
    "vat": "federal",
    "profit_federal": "federal",
    "profit_regional": "regional",
    "personal_income_regional": "regional",
    "personal_income_local": "local",
    "insurance": "social_funds",
    "property": "regional",
}
SHARE_COLUMNS: tuple[str, ...] = ("value_added_share", "compensation_share", "wages_share", "other_taxes_share")
#: Section used for a project whose OKVED division is unknown or not in the table.
FALLBACK_SECTION = "C"


@functools.cache
def io_shares() -> pd.DataFrame:
    """Shares of output (0–1) by OKVED 2 division (``"29"``) and section letter (``"C"``), national 2021.

    Columns :data:`SHARE_COLUMNS`: B1g ÷ P1, D1 ÷ P1, D11 ÷ P1, D29–D39 ÷ P1 over the products mapped to
    the division (a product of several divisions counts in each). Read once from the shipped extract
    (fixed public data, not the store).
    """
    tables = load_io_tables()
    correspondence = pd.read_csv(DEFAULT_ROOT / "okpd2_okved2.csv", dtype=str).set_index("no")
    frame = pd.DataFrame(
        {
            "output": tables.output,
            "value_added": tables.value_added,
            "compensation": tables.compensation,
            "wages": tables.wages,
            "other_taxes": tables.other_taxes,
        }
    )
    frame.index = frame.index.astype(str)
    divisions = frame.assign(key=correspondence["okved2_divisions"].str.split(";")).explode("key")
    sections = frame.assign(key=correspondence["okved2_section"])
    summed = (
        pd.concat([divisions, sections])
        .groupby("key")[["output", "value_added", "compensation", "wages", "other_taxes"]]
        .sum()
    )
    out = pd.DataFrame(
        {
            "value_added_share": summed["value_added"] / summed["output"],
            "compensation_share": summed["compensation"] / summed["output"],
            "wages_share": summed["wages"] / summed["output"],
            "other_taxes_share": summed["other_taxes"] / summed["output"],
        }
    )
    return out[summed["output"] > 0]


def division_of(okved: object) -> str | None:
    """The two-digit OKVED 2 division of a code (``"29.32"`` → ``"29"``); None when absent."""
    if not isinstance(okved, str) or len(okved.strip()) < 2 or not okved.strip()[:2].isdigit():
        return None
    return okved.strip()[:2]


def project_shares(projects: pd.DataFrame) -> pd.DataFrame:
    """Per project (rows of ``projects``): :data:`SHARE_COLUMNS` plus ``share_source``
    (``io2021:<division>``, ``io2021:C`` fallback, or ``given`` when the frame holds its own shares)."""
    table = io_shares()
    division = projects["okved"].map(division_of) if "okved" in projects else pd.Series(None, index=projects.index)
    known = division.isin(table.index)
    key = division.where(known, FALLBACK_SECTION)
    out = table.reindex(key.to_numpy()).set_index(projects.index)
    out["share_source"] = "io2021:" + key.astype(str)
    given = pd.Series(False, index=projects.index)
    for col in ("value_added_share", "compensation_share", "wages_share", "other_taxes_share"):
        if col in projects:
            value = pd.to_numeric(projects[col], errors="raise")
            mask = value.notna()
            out.loc[mask, col] = value[mask]
            given |= mask
    out.loc[given, "share_source"] = "given"
    return out


@dataclass(frozen=True)
class YearRates:
    """Tax rates by calendar year (arrays over ``years``), from :mod:`analytics.models.rules`."""

    vat: np.ndarray
    profit_federal: np.ndarray
    profit_regional: np.ndarray
    personal_income: float
    personal_income_regional: float
    personal_income_local: float
    insurance: float
    property: float


def year_rates(years: np.ndarray) -> YearRates:
    """The rates in force in each of ``years``."""
    profit = [rules.rate_in_year(rules.PROFIT_TAX_RATES, int(y)).value for y in years]
    regional, local = rules.PERSONAL_INCOME_TAX_SPLIT.value
    return YearRates(
        vat=np.array([rules.rate_in_year(rules.VAT_RATES, int(y)).value for y in years], dtype="float64"),
        profit_federal=np.array([p[0] for p in profit], dtype="float64"),
        profit_regional=np.array([p[1] for p in profit], dtype="float64"),
        personal_income=float(rules.PERSONAL_INCOME_TAX_RATE.value),
        personal_income_regional=float(regional),
        personal_income_local=float(local),
        insurance=float(rules.INSURANCE_CONTRIBUTION_RATE.value),
        property=float(rules.PROPERTY_TAX_RATE.value),
    )


def taxes_by_type(
    shares: np.ndarray, years: np.ndarray, revenue: np.ndarray, property_base: np.ndarray, profit_share: float
) -> dict[str, np.ndarray]:
    """Modelled taxes (mln ₽, projects × years) by type of :data:`TAX_TYPES`.

    ``shares``: projects × 4 in the order of :data:`SHARE_COLUMNS`; ``revenue`` and ``property_base``
    (taxable property, mln ₽): projects × ``years``.
    """
    rates = year_rates(years)
    va, comp, wages, other = (shares[:, i : i + 1] for i in range(4))
    surplus = np.maximum(va - comp - other, 0.0)
    profit = profit_share * surplus * revenue
    pit = rates.personal_income * wages * revenue
    return {
        "vat": rates.vat[None, :] * va * revenue,
        "profit_federal": rates.profit_federal[None, :] * profit,
        "profit_regional": rates.profit_regional[None, :] * profit,
        "personal_income_regional": rates.personal_income_regional * pit,
        "personal_income_local": rates.personal_income_local * pit,
        "insurance": rates.insurance * wages * revenue,
        "property": rates.property * property_base,
    }


def split_by_level(by_type: dict[str, np.ndarray], total: np.ndarray | None = None) -> dict[str, np.ndarray]:
    """Taxes by budget level (:data:`LEVELS`). With ``total`` (a reported or flat-rate total per cell),
    that total is split in the modelled proportions of the cell — of the revenue-based types when the
    cell has no modelled tax; a cell with neither goes to the federal level."""
    levels = {level: np.zeros_like(next(iter(by_type.values()))) for level in LEVELS}
    for kind, level in TAX_TYPES.items():
        levels[level] = levels[level] + by_type[kind]
    if total is None:
        return levels
    modelled = sum(levels.values())
    revenue_based = {
        level: sum(
            (by_type[k] for k, lv in TAX_TYPES.items() if lv == level and k != "property"), np.zeros_like(modelled)
        )
        for level in LEVELS
    }
    revenue_sum = sum(revenue_based.values())
    out = {}
    for level in LEVELS:
        with np.errstate(divide="ignore", invalid="ignore"):
            share = np.where(
                modelled > 0,
                levels[level] / np.where(modelled > 0, modelled, 1.0),
                np.where(
                    revenue_sum > 0,
                    revenue_based[level] / np.where(revenue_sum > 0, revenue_sum, 1.0),
                    1.0 if level == "federal" else 0.0,
                ),
            )
        out[level] = total * share
    return out
