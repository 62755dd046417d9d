"""Regional input–output multipliers and impacts: what the pages and the subsidy model call.

Model (formulas in :mod:`analytics.metrics.input_output`):

1. National technology: Rosstat's symmetric table 2021, **domestic** flows (``data/io2021``; imports
   from abroad leak out of every round). ``A = Z_dom · diag(P1)⁻¹``.
2. Regional coefficients by FLQ (or CILQ / SLQ) from the store's employment by region × OKVED 2
   division (``region_sector_years``) in ``year``: SLQ per product through the shipped
   OKPD 2 ↔ OKVED 2 correspondence (``data/io2021/okpd2_okved2.csv``); products whose divisions have
   no data take their section's SLQ, and products of sections without any data take SLQ = 1
   (``slq_source`` says which). National employment by division = the sum over the store's regions.
3. Region size ``E^r/E^n`` (λ*): the region's share of Russia's labour force in ``year`` (Rosstat LFS,
   ``data/employment_rf``; the nearest year when ``year`` is outside 2017–2024); the region's share
   of the store's employment when the region is not in that file (``regional_share_source``).
4. Per-₽ coefficients of every product are national (2021): value added B1g/P1, compensation D1/P1,
   wages D11/P1, employment = Rosstat's 2021 employment by OKVED 2 section split over the section's
   products by compensation, ÷ P1 (persons per mln ₽).
5. Type II: households closed with the compensation row and household consumption of domestic
   products (P3_S14), κ = 1 (all compensation spent, :func:`~analytics.metrics.input_output.
   household_consumption_coeff`); in a region the consumption column is scaled like a sector with
   SLQ 1: ``h_i · min(1, SLQ_i·λ*)`` (FLQ) or ``h_i · min(1, SLQ_i)`` (SLQ, CILQ).

Russia's multipliers are those of the national domestic model (step 1 without step 2). Caveats: the
2021 national technology is assumed in every region and year; FLQ is an estimate, not a survey; a
larger δ shrinks regional multipliers.
"""
from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd

from analytics import rules
from analytics._panel import single_threaded_blas
from analytics.data.rosstat_io import IOTables, load_io_tables
from analytics.metrics import input_output as io
from analytics.queries import io_queries

ROOT = Path(__file__).resolve().parents[2]
IO_DIR = ROOT / "data" / "io2021"
EMPLOYMENT_DIR = ROOT / "data" / "employment_rf"
#: Employment year matched to the input–output table's output (the coefficients' denominator).
EMPLOYMENT_YEAR = 2021

MULTIPLIER_KINDS = ("output", "value_added", "income", "employment")


@dataclass(frozen=True)
class NationalModel:
    """The national domestic model and per-₽ coefficients (index: product numbers)."""

    tables: IOTables
    correspondence: pd.DataFrame      # no, okpd2, okved2_divisions, okved2_section, scope, name_ru
    A: pd.DataFrame                   # domestic technical coefficients
    coefficients: pd.DataFrame        # value_added, income (D1/P1), wages (D11/P1), employment (persons/mln ₽)
    household: pd.Series              # h_i, household purchases per ₽ of compensation
    multipliers: pd.DataFrame         # Type I output, value_added, income, employment; output_type2


def _multiplier_table(A: pd.DataFrame, coeffs: pd.DataFrame, household: pd.Series) -> tuple[pd.DataFrame, np.ndarray, np.ndarray]:
    L = io.leontief_inverse(A.to_numpy())
    closed = io.leontief_inverse(io.close_households(A.to_numpy(), coeffs["income"].to_numpy(), household.to_numpy()))
    n = len(A)
    table = pd.DataFrame({
        "output": L.sum(axis=0),
        "value_added": coeffs["value_added"].to_numpy() @ L,
        "income": coeffs["income"].to_numpy() @ L,
        "employment": coeffs["employment"].to_numpy() @ L,
        "output_type2": closed[:n, :n].sum(axis=0),
        "value_added_type2": coeffs["value_added"].to_numpy() @ closed[:n, :n],
        "employment_type2": coeffs["employment"].to_numpy() @ closed[:n, :n],
    }, index=A.index)
    return table, L, closed


@lru_cache(maxsize=1)
def national_model() -> NationalModel:
    """Build (once per process) the national domestic model from the shipped 2021 extract."""
    tables = load_io_tables(IO_DIR)
    corr = pd.read_csv(IO_DIR / "okpd2_okved2.csv", dtype=str)
    employment = pd.read_csv(EMPLOYMENT_DIR / "rf_employment_by_okved2_section_2017_2023.csv",
                             dtype={"okved2_section": str})
    year = employment[employment["year"] == EMPLOYMENT_YEAR].set_index("okved2_section")
    persons = (year["employed_avg_annual_thousand"] * 1000.0).drop(labels=["M72"], errors="ignore")
    jobs = io.employment_by_product(persons, corr.set_index("no")["okved2_section"], tables.compensation)
    coeffs = pd.DataFrame({
        "value_added": io.coefficients(tables.value_added, tables.output),
        "income": io.coefficients(tables.compensation, tables.output),
        "wages": io.coefficients(tables.wages, tables.output),
        "employment": io.coefficients(jobs.reindex(tables.output.index), tables.output),
    })
    A = io.technical_coefficients(tables.flows_domestic, tables.output)
    household = io.household_consumption_coeff(tables.final_demand_domestic["P3_S14"], tables.compensation)
    with single_threaded_blas():
        table, _, _ = _multiplier_table(A, coeffs, household)
    return NationalModel(tables, corr, A, coeffs, household, table)


@lru_cache(maxsize=1)
def _labour_force() -> pd.DataFrame:
    return pd.read_csv(EMPLOYMENT_DIR / "labour_force_by_region_2017_2024.csv", dtype={"region_code": str})


def regional_shares(regions: list[str], year: int, employment: pd.DataFrame) -> pd.DataFrame:
    """``E^r / E^n`` of each region and its source: ``labour_force`` (the region's share of Russia's
    labour force, Rosstat LFS, nearest year to ``year``) or ``store`` (its share of the store's
    employment, when the region is not in that file)."""
    lf = _labour_force()
    years = lf["year"].unique()
    nearest = int(years[np.argmin(np.abs(years - int(year)))])
    one = lf[lf["year"] == nearest].set_index("region_code")["labour_force_thousand"]
    store_total = employment.groupby("region_code")["employees"].sum()
    from_lf = one.reindex(regions) / float(one.sum())
    from_store = store_total.reindex(regions) / float(store_total.sum()) if store_total.sum() > 0 else np.nan
    share = from_lf.where(from_lf > 0, from_store)
    source = np.where(from_lf > 0, "labour_force", "store")
    return pd.DataFrame({"share": share.to_numpy(dtype=float), "source": source}, index=pd.Index(regions))


@dataclass(frozen=True)
class RegionalModel:
    """One region's input–output model (index of frames: product numbers)."""

    region: str
    year: int
    method: str
    delta: float
    regional_share: float
    regional_share_source: str
    lambda_star: float
    slq: pd.DataFrame              # slq, slq_source
    A: np.ndarray
    L: np.ndarray
    closed_inverse: np.ndarray
    data_status: tuple[str, ...]   # statuses of the region's employment rows used


def _household_quotients(slq: np.ndarray, method: str, lam: float) -> np.ndarray:
    return np.minimum(1.0, slq * lam) if method == "flq" else np.minimum(1.0, slq)


def _regional_models(employment: pd.DataFrame, regions: list[str] | None, year: int, *, delta: float,
                     method: str) -> Iterator[RegionalModel]:
    """Models of ``regions`` (default: every region with employment) from one employment read."""
    nat = national_model()
    if method not in io.METHODS:
        raise ValueError(f"unknown method {method!r}; one of {io.METHODS}")
    io.lambda_star(0.5, delta)                     # δ checked before any work
    totals = employment.groupby("region_code")["employees"].sum()
    present = sorted(totals.index[totals > 0])
    wanted = present if regions is None else list(regions)
    for region in wanted:
        if region not in present:
            raise LookupError(f"no employment by OKVED for region {region!r} in {year}")
    if not wanted:
        return
    region_idx, region_labels = pd.factorize(employment["region_code"], sort=True)
    code_idx, code_labels = pd.factorize(employment["okved"], sort=True)
    grid = np.zeros((len(region_labels), len(code_labels)))
    np.add.at(grid, (region_idx, code_idx), employment["employees"].to_numpy(dtype=float))
    table = pd.DataFrame(grid, index=pd.Index([str(r) for r in region_labels]),
                         columns=pd.Index([str(c) for c in code_labels]))
    national = table.sum(axis=0)
    shares = regional_shares(wanted, year, employment)
    slq_all, source = io.product_slq_matrix(table.loc[wanted], national, nat.correspondence, shares["share"])
    status = employment.groupby("region_code")["data_status"].unique()
    A_nat = nat.A.to_numpy()
    w = nat.coefficients["income"].to_numpy()
    h_nat = nat.household.to_numpy()
    for region in wanted:
        share = float(shares.at[region, "share"])
        s = slq_all.loc[region].reindex(nat.A.index).to_numpy()
        lam = io.lambda_star(share, delta) if method == "flq" else 1.0
        A = io.regionalise(A_nat, s, share, method=method, delta=delta)
        h = h_nat * _household_quotients(s, method, lam)
        L = io.leontief_inverse(A)
        closed = io.leontief_inverse(io.close_households(A, w, h))
        slq = pd.DataFrame({"slq": s, "slq_source": source.reindex(nat.A.index).to_numpy()}, index=nat.A.index)
        yield RegionalModel(region, int(year), method, float(delta), share, str(shares.at[region, "source"]), lam,
                            slq, A, L, closed, tuple(sorted(status[region])))


def regional_model(con: duckdb.DuckDBPyConnection, region: str, year: int, *, delta: float = io.DEFAULT_DELTA,
                   method: str = "flq") -> RegionalModel:
    """The region's model from the store's employment in ``year`` (see the module docstring)."""
    employment = io_queries.division_employment(con, year)
    with single_threaded_blas():
        return next(_regional_models(employment, [region], year, delta=delta, method=method))


@dataclass(frozen=True)
class RegionalMultipliers:
    """Per-product multipliers of a region against Russia's, with linkages and key sectors."""

    table: pd.DataFrame
    region: str
    year: int
    io_year: int | None
    method: str
    delta: float
    regional_share: float
    regional_share_source: str
    lambda_star: float
    data_status: tuple[str, ...]


def _region_table(model: RegionalModel) -> pd.DataFrame:
    nat = national_model()
    n = len(nat.A)
    L, closed = model.L, model.closed_inverse[:n, :n]
    c = nat.coefficients
    link = io.linkages(L)
    corr = nat.correspondence.set_index("no")
    table = pd.DataFrame({
        "okpd2": corr["okpd2"], "name_ru": corr["name_ru"], "okved2_section": corr["okved2_section"],
        "okved2_divisions": corr["okved2_divisions"],
        "slq": model.slq["slq"], "slq_source": model.slq["slq_source"],
    }, index=nat.A.index)
    regional = {
        "output": L.sum(axis=0),
        "value_added": c["value_added"].to_numpy() @ L,
        "income": c["income"].to_numpy() @ L,
        "employment": c["employment"].to_numpy() @ L,
        "output_type2": closed.sum(axis=0),
        "value_added_type2": c["value_added"].to_numpy() @ closed,
        "employment_type2": c["employment"].to_numpy() @ closed,
    }
    for kind, values in regional.items():
        table[f"{kind}_region"] = values
        table[f"{kind}_russia"] = nat.multipliers[kind].to_numpy()
    table["backward"] = link["backward"].to_numpy()
    table["forward"] = link["forward"].to_numpy()
    table["key_sector"] = link["key_sector"].to_numpy()
    table.index.name = "no"
    return table


def regional_multipliers(con: duckdb.DuckDBPyConnection, region: str, year: int, *,
                         delta: float = io.DEFAULT_DELTA, method: str = "flq") -> RegionalMultipliers:
    """Multipliers of every product for ``region`` (employment of ``year``) against Russia's.

    Table index: product number; columns ``okpd2, name_ru, okved2_section, okved2_divisions, slq,
    slq_source`` (``division`` / ``section`` / ``none``: where the product's SLQ came from), then for
    each of ``output`` (mln ₽ per mln ₽ of final demand), ``value_added`` (mln ₽/mln ₽),
    ``income`` (compensation, mln ₽/mln ₽), ``employment`` (persons per mln ₽) — Type I — and
    ``output_type2``, ``value_added_type2``, ``employment_type2`` a ``_region`` and a ``_russia``
    column; ``backward``, ``forward`` (Rasmussen, regional inverse), ``key_sector`` (both > 1).
    """
    model = regional_model(con, region, year, delta=delta, method=method)
    return RegionalMultipliers(_region_table(model), region, int(year), national_model().tables.year, method,
                               float(delta), model.regional_share, model.regional_share_source, model.lambda_star,
                               model.data_status)


def multipliers_all_regions(con: duckdb.DuckDBPyConnection, year: int, *, delta: float = io.DEFAULT_DELTA,
                            method: str = "flq") -> pd.DataFrame:
    """Type I and II output, value-added and employment multipliers of every product in every region
    with employment data in ``year`` (one store read). Long table ``region_code, no, output,
    value_added, income, employment, output_type2``.
    """
    employment = io_queries.division_employment(con, year)
    nat = national_model()
    c = nat.coefficients
    coeff_rows = np.vstack([c["value_added"].to_numpy(), c["income"].to_numpy(), c["employment"].to_numpy()])
    n = len(nat.A)
    frames = []
    with single_threaded_blas():
        for model in _regional_models(employment, None, year, delta=delta, method=method):
            L = model.L
            va, inc, emp = coeff_rows @ L
            frames.append(pd.DataFrame({
                "region_code": model.region, "no": nat.A.index, "output": L.sum(axis=0), "value_added": va,
                "income": inc, "employment": emp, "output_type2": model.closed_inverse[:n, :n].sum(axis=0),
            }))
    columns = ["region_code", "no", "output", "value_added", "income", "employment", "output_type2"]
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=columns)


# --------------------------------------------------------------------------------------------------
# Impact of a project / cluster and tax bases for the subsidy model
# --------------------------------------------------------------------------------------------------


def default_tax_rates() -> dict[str, float]:
    """Taxes on the income effects: personal income tax on wages (rules.PERSONAL_INCOME_TAX_RATE)."""
    return {"wages": float(rules.PERSONAL_INCOME_TAX_RATE.value)}


@dataclass(frozen=True)
class RegionalImpact:
    """Effects of a final-demand shock in a region: ``effects`` (rows direct, indirect, induced, total;
    columns output, value added, wages, taxes in mln ₽ and jobs in persons) and ``by_product``
    (output effects by product, mln ₽; with ``slq_source``)."""

    effects: pd.DataFrame
    by_product: pd.DataFrame
    shock: pd.Series
    tax_rates: dict[str, float]
    region: str
    year: int
    method: str
    delta: float
    data_status: tuple[str, ...]


def regional_impact(con: duckdb.DuckDBPyConnection, region: str, year: int, shock_by_okved: Mapping[str, float], *,
                    delta: float = io.DEFAULT_DELTA, method: str = "flq",
                    tax_rates: Mapping[str, float] | None = None) -> RegionalImpact:
    """What final demand of ``shock_by_okved`` (mln ₽ by OKVED 2 code, e.g. a project's annual revenue)
    brings the region: output, value added, wages, jobs and taxes — direct, indirect (regional
    suppliers, Type I) and induced (household spending of the wages, Type II).

    The shock is spread over the products of each code's division in proportion to national output
    (:func:`~analytics.metrics.input_output.shock_to_products`). Jobs use national 2021 persons per
    mln ₽ of output; wages are compensation of employees (D1). Taxes: ``tax_rates`` on the bases
    ``wages`` / ``value_added`` (default: personal income tax on wages, :func:`default_tax_rates`).
    """
    model = regional_model(con, region, year, delta=delta, method=method)
    nat = national_model()
    shock = io.shock_to_products(shock_by_okved, nat.correspondence, nat.tables.output).reindex(nat.A.index)
    rates = default_tax_rates() if tax_rates is None else dict(tax_rates)
    c = nat.coefficients
    effects = io.impact(model.L, shock.to_numpy(), value_added=c["value_added"].to_numpy(),
                        compensation=c["income"].to_numpy(), employment=c["employment"].to_numpy(),
                        tax_rates=rates, closed_inverse=model.closed_inverse)
    by_product = io.output_effects(model.L, shock.to_numpy(), closed_inverse=model.closed_inverse)
    by_product.index = nat.A.index
    by_product["name_ru"] = nat.correspondence.set_index("no")["name_ru"]
    by_product["slq_source"] = model.slq["slq_source"]
    return RegionalImpact(effects, by_product, shock, rates, region, int(year), method, float(delta),
                          model.data_status)


def tax_bases(level: str = "product") -> pd.DataFrame:
    """Tax bases per ₽ of output (national 2021, shares 0–1): ``value_added_share`` (B1g/P1),
    ``compensation_share`` (D1/P1), ``wages_share`` (D11/P1), and ``jobs_per_mln_rub``.

    ``level="product"``: by product number; ``level="division"``: by OKVED 2 division, output-weighted
    over the division's products (a product of several divisions counts in each).
    """
    nat = national_model()
    t = nat.tables
    frame = pd.DataFrame({"output": t.output, "value_added": t.value_added, "compensation": t.compensation,
                          "wages": t.wages,
                          "jobs": nat.coefficients["employment"] * t.output})
    if level == "division":
        divisions = nat.correspondence.set_index("no")["okved2_divisions"].str.split(";")
        frame = frame.assign(okved=divisions).explode("okved").groupby("okved").sum()
    elif level != "product":
        raise ValueError(f"level must be 'product' or 'division', not {level!r}")
    out = pd.DataFrame({
        "value_added_share": frame["value_added"] / frame["output"],
        "compensation_share": frame["compensation"] / frame["output"],
        "wages_share": frame["wages"] / frame["output"],
        "jobs_per_mln_rub": frame["jobs"] / frame["output"],
    })
    return out.fillna(0.0)
