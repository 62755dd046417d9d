"""Regional input–output multipliers and impacts: what the pages and the subsidy model call.

Model (formulas in :mod:`analytics.metrics.input_output`):

1. National technology: Rosstat's symmetric table, **domestic** flows (imports from abroad leak out
   of every round). ``A = Z_dom · diag(P1)⁻¹``. The table is the store's latest year of ``io_cells``
   (the 2021 extract put there by the demo build, or a workbook an analyst loaded on the Data page,
   :mod:`analytics.data.io_load`); the shipped extract ``data/io2021`` when the store holds none
   (:func:`national_model`).
2. Regional coefficients by FLQ (or CILQ / SLQ) from the store's employment by region × OKVED 2
   division (``region_sector_years``) in ``year``: SLQ per product through the shipped
   OKPD 2 ↔ OKVED 2 correspondence (``data/io2021/okpd2_okved2.csv``); products whose divisions have
   no data take their section's SLQ, and products of sections without any data take SLQ = 1
   (``slq_source`` says which). National employment by division = the sum over the store's regions.
3. Region size ``E^r/E^n`` (λ*): the region's share of the regions' labour force in the store
   (``region_indicators``, ``labour_force``, Rosstat LFS; the year held nearest to ``year``); its share
   of the store's employment by OKVED when the store holds no labour force for it
   (``regional_share_source`` says which).
4. Per-₽ coefficients of every product are national (2021): value added B1g/P1, compensation D1/P1,
   wages D11/P1, employment = Rosstat's 2021 employment by OKVED 2 section
   (``data/public/rosstat-employment``) split over the section's products by compensation, ÷ P1
   (persons per mln ₽).
5. Type II: households closed with the compensation row and household consumption of domestic
   products (P3_S14), κ = 1 (all compensation spent, :func:`~analytics.metrics.input_output.
   household_consumption_coeff`); in a region the consumption column is scaled like a sector with
   SLQ 1: ``h_i · min(1, SLQ_i·λ*)`` (FLQ) or ``h_i · min(1, SLQ_i)`` (SLQ, CILQ).

Russia's multipliers are those of the national domestic model (step 1 without step 2). Caveats: the
2021 national technology is assumed in every region and year; FLQ is an estimate, not a survey; a
larger δ shrinks regional multipliers.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd

from analytics.data.io_load import tables_from_cells
from analytics.data.rosstat_io import IOTables, load_io_tables
from analytics.metrics import input_output as io
from analytics.metrics._panel import single_threaded_blas
from analytics.models import rules
from analytics.queries import io_queries

ROOT = Path(__file__).resolve().parents[2]
IO_DIR = ROOT / "data" / "io2021"
#: Rosstat's employment by OKVED 2 section (shipped with its source, data/public/rosstat-employment/SOURCE.md).
EMPLOYMENT_CSV = ROOT / "data" / "public" / "rosstat-employment" / "rf_employment_by_okved2_section_2017_2023.csv"
#: Employment year matched to the input–output table's output (the coefficients' denominator).
EMPLOYMENT_YEAR = 2021

MULTIPLIER_KINDS = ("output", "value_added", "income", "employment")
#: For the page's controls: regionalisation methods, default δ and the literature's range of δ.
METHODS = io.METHODS
DEFAULT_DELTA = io.DEFAULT_DELTA
DELTA_LITERATURE = io.DELTA_LITERATURE


@dataclass(frozen=True)
class NationalModel:
    """The national domestic model and per-₽ coefficients (index: product numbers)."""

    tables: IOTables
    correspondence: pd.DataFrame  # no, okpd2, okved2_divisions, okved2_section, scope, name_ru
    A: pd.DataFrame  # domestic technical coefficients
    coefficients: pd.DataFrame  # value_added, income (D1/P1), wages (D11/P1), employment (persons/mln ₽)
    household: pd.Series  # h_i, household purchases per ₽ of compensation
    multipliers: pd.DataFrame  # Type I output, value_added, income, employment; output_type2
    store_key: tuple | None = None  # io_queries.io_state of the store's io_cells; None: shipped extract


def _multiplier_table(
    A: pd.DataFrame, coeffs: pd.DataFrame, household: pd.Series
) -> tuple[pd.DataFrame, np.ndarray, np.ndarray]:
    L = io.leontief_inverse(A.to_numpy())
    closed = io.leontief_inverse(io.close_households(A.to_numpy(), coeffs["income"].to_numpy(), household.to_numpy()))
    n = len(A)
    table = pd.DataFrame(
        {
            "output": L.sum(axis=0),
            "value_added": coeffs["value_added"].to_numpy() @ L,
            "income": coeffs["income"].to_numpy() @ L,
            "employment": coeffs["employment"].to_numpy() @ L,
            "output_type2": closed[:n, :n].sum(axis=0),
            "value_added_type2": coeffs["value_added"].to_numpy() @ closed[:n, :n],
            "employment_type2": coeffs["employment"].to_numpy() @ closed[:n, :n],
        },
        index=A.index,
    )
    return table, L, closed


@lru_cache(maxsize=1)
def _shipped_model() -> NationalModel:
    return _build_national(load_io_tables(IO_DIR), None)


#: Models built from the store, by :func:`analytics.queries.io_queries.io_state` (year, cells, latest version).
_STORE_MODELS: OrderedDict[tuple, NationalModel] = OrderedDict()
_STORE_MODELS_MAX = 4
_STORE_LOCK = threading.Lock()


def national_model(con: duckdb.DuckDBPyConnection | None = None) -> NationalModel:
    """The national domestic model: from the store's latest year of ``io_cells`` when ``con`` is given
    and the store holds input–output cells, else from the shipped 2021 extract (``data/io2021``).

    Built once per store state: a store model is kept under the year, the number of cells and the latest
    ``io_cells`` version (:func:`analytics.queries.io_queries.io_state`), so a load or a rollback of
    ``io_cells`` gives a new model at the next call, never a stale one.
    """
    if con is None:
        return _shipped_model()
    key = io_queries.io_state(con)
    if key is None:
        return _shipped_model()
    with _STORE_LOCK:
        found = _STORE_MODELS.get(key)
        if found is not None:
            _STORE_MODELS.move_to_end(key)
            return found
    model = _build_national(tables_from_cells(io_queries.io_cells(con, key[0])), key)
    with _STORE_LOCK:
        _STORE_MODELS[key] = model
        while len(_STORE_MODELS) > _STORE_MODELS_MAX:
            _STORE_MODELS.popitem(last=False)
    return model


def _build_national(tables: IOTables, store_key: tuple | None) -> NationalModel:
    corr = pd.read_csv(IO_DIR / "okpd2_okved2.csv", dtype=str).merge(
        pd.read_csv(IO_DIR / "products_en.csv", dtype=str), on="no", how="left"
    )
    employment = pd.read_csv(EMPLOYMENT_CSV, dtype={"okved2_section": str})
    year = employment[employment["year"] == EMPLOYMENT_YEAR].set_index("okved2_section")
    persons = (year["employed_avg_annual_thousand"] * 1000.0).drop(labels=["M72"], errors="ignore")
    jobs = io.employment_by_product(persons, corr.set_index("no")["okved2_section"], tables.compensation)
    coeffs = pd.DataFrame(
        {
            "value_added": io.coefficients(tables.value_added, tables.output),
            "income": io.coefficients(tables.compensation, tables.output),
            "wages": io.coefficients(tables.wages, tables.output),
            "employment": io.coefficients(jobs.reindex(tables.output.index), tables.output),
        }
    )
    A = io.technical_coefficients(tables.flows_domestic, tables.output)
    household = io.household_consumption_coeff(tables.final_demand_domestic["P3_S14"], tables.compensation)
    with single_threaded_blas():
        table, _, _ = _multiplier_table(A, coeffs, household)
    return NationalModel(tables, corr, A, coeffs, household, table, store_key)


def labour_force_shares(con: duckdb.DuckDBPyConnection, year: int) -> dict[str, float]:
    """Each region's share of the regions' total labour force (store: ``region_indicators``,
    ``labour_force``, Rosstat LFS; the year held nearest to ``year``); empty when the store has none."""
    frame = io_queries.labour_force(con, year)
    total = float(frame["value"].sum()) if len(frame) else 0.0
    if total <= 0:
        return {}
    return {str(code): float(v) / total for code, v in zip(frame["region_code"], frame["value"], strict=True)}


def regional_share(region: str, lf_shares: dict[str, float], store_share: float | None = None) -> tuple[float, str]:
    """``E^r / E^n`` of a region and its source: ``labour_force`` (its share of Russia's labour force,
    :func:`labour_force_shares`) or ``store`` (``store_share``: its share of the store's employment by
    OKVED, when the store has no labour force for it)."""
    share = lf_shares.get(region)
    if share is not None and 0 < share <= 1:
        return share, "labour_force"
    if store_share is not None and 0 < store_share <= 1:
        return float(store_share), "store"
    raise LookupError(f"no size for region {region!r}: no labour force and no employment in the store")


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
    slq: pd.DataFrame  # slq, slq_source
    A: np.ndarray
    L: np.ndarray
    closed_inverse: np.ndarray
    data_status: tuple[str, ...]  # statuses of the region's employment rows used


def _household_quotients(slq: np.ndarray, method: str, lam: float) -> np.ndarray:
    return np.minimum(1.0, slq * lam) if method == "flq" else np.minimum(1.0, slq)


def _grid(employment: pd.DataFrame) -> tuple[pd.DataFrame, dict[str, tuple[str, ...]]]:
    """Regions × OKVED codes of employees, and each region's data statuses."""
    region_idx, region_labels = pd.factorize(employment["region_code"], sort=True)
    code_idx, code_labels = pd.factorize(employment["okved"], sort=True)
    grid = np.zeros((len(region_labels), len(code_labels)))
    np.add.at(grid, (region_idx, code_idx), employment["employees"].to_numpy(dtype=float))
    regions = [str(r) for r in region_labels]
    table = pd.DataFrame(grid, index=pd.Index(regions), columns=pd.Index([str(c) for c in code_labels]))
    status_values = employment["data_status"].to_numpy(dtype=object)
    statuses = {r: tuple(sorted({str(v) for v in status_values[region_idx == k]})) for k, r in enumerate(regions)}
    return table, statuses


def _regional_models(
    table: pd.DataFrame,
    national: pd.Series,
    statuses: dict[str, tuple[str, ...]],
    store_total: float,
    lf_shares: dict[str, float],
    year: int,
    *,
    delta: float,
    method: str,
    nat: NationalModel,
) -> Iterator[RegionalModel]:
    """Models of the regions (rows) of ``table`` (employees by OKVED code) against ``national``."""
    if method not in io.METHODS:
        raise ValueError(f"unknown method {method!r}; one of {io.METHODS}")
    io.lambda_star(0.5, delta)  # δ checked before any work
    totals = table.sum(axis=1)
    wanted = [r for r in table.index if totals[r] > 0]
    if not wanted:
        return
    share_of = {
        r: regional_share(r, lf_shares, float(totals[r]) / store_total if store_total > 0 else None) for r in wanted
    }
    shares = pd.Series({r: v for r, (v, _) in share_of.items()})
    slq_all, source = io.product_slq_matrix(table.loc[wanted], national, nat.correspondence, shares)
    slq_values = slq_all.reindex(columns=nat.A.index).to_numpy()
    source_values = source.reindex(nat.A.index).to_numpy()
    A_nat = nat.A.to_numpy()
    w = nat.coefficients["income"].to_numpy()
    h_nat = nat.household.to_numpy()
    for k, region in enumerate(wanted):
        share, share_source = share_of[region]
        s = slq_values[k]
        lam = io.lambda_star(share, delta) if method == "flq" else 1.0
        A = io.regionalise(A_nat, s, share, method=method, delta=delta)
        h = h_nat * _household_quotients(s, method, lam)
        L = io.leontief_inverse(A)
        closed = io.leontief_inverse(io.close_households(A, w, h))
        slq = pd.DataFrame({"slq": s, "slq_source": source_values}, index=nat.A.index)
        yield RegionalModel(
            region,
            int(year),
            method,
            float(delta),
            share,
            share_source,
            lam,
            slq,
            A,
            L,
            closed,
            statuses.get(region, ()),
        )


def regional_model(
    con: duckdb.DuckDBPyConnection,
    region: str,
    year: int,
    *,
    delta: float = io.DEFAULT_DELTA,
    method: str = "flq",
    nat: NationalModel | None = None,
) -> RegionalModel:
    """The region's model from the store's employment in ``year`` (see the module docstring); ``nat``:
    the national model (default :func:`national_model` of ``con``).

    Raises ``LookupError`` when the store has no employment by OKVED for the region in ``year``.
    """
    own, nat_series = io_queries.region_and_national_employment(con, region, year)
    table, statuses = _grid(own)
    if region not in table.index or float(table.loc[region].sum()) <= 0:
        raise LookupError(f"no employment by OKVED for region {region!r} in {year}")
    with single_threaded_blas():
        return next(
            _regional_models(
                table,
                nat_series,
                statuses,
                float(nat_series.sum()),
                labour_force_shares(con, year),
                year,
                delta=delta,
                method=method,
                nat=nat or national_model(con),
            )
        )


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


def _region_table(model: RegionalModel, nat: NationalModel) -> pd.DataFrame:
    n = len(nat.A)
    L, closed = model.L, model.closed_inverse[:n, :n]
    c = nat.coefficients
    link = io.linkages(L)
    corr = nat.correspondence
    columns: dict[str, object] = {
        "okpd2": corr["okpd2"].to_numpy(),
        "name_ru": corr["name_ru"].to_numpy(),
        "name_en": corr["name_en"].to_numpy(),
        "okved2_section": corr["okved2_section"].to_numpy(),
        "okved2_divisions": corr["okved2_divisions"].to_numpy(),
        "slq": model.slq["slq"].to_numpy(),
        "slq_source": model.slq["slq_source"].to_numpy(),
    }
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
        columns[f"{kind}_region"] = values
        columns[f"{kind}_russia"] = nat.multipliers[kind].to_numpy()
    columns["backward"] = link["backward"].to_numpy()
    columns["forward"] = link["forward"].to_numpy()
    columns["key_sector"] = link["key_sector"].to_numpy()
    return pd.DataFrame(columns, index=nat.A.index.rename("no"))


def regional_multipliers(
    con: duckdb.DuckDBPyConnection, region: str, year: int, *, delta: float = io.DEFAULT_DELTA, method: str = "flq"
) -> RegionalMultipliers:
    """Multipliers of every product for ``region`` (employment of ``year``) against Russia's.

    Table index: product number; columns ``okpd2, name_ru, name_en, okved2_section, okved2_divisions, slq,
    slq_source`` (``division`` / ``section`` / ``none``: where the product's SLQ came from), then for
    each of ``output`` (mln ₽ per mln ₽ of final demand), ``value_added`` (mln ₽/mln ₽),
    ``income`` (compensation, mln ₽/mln ₽), ``employment`` (persons per mln ₽) — Type I — and
    ``output_type2``, ``value_added_type2``, ``employment_type2`` a ``_region`` and a ``_russia``
    column; ``backward``, ``forward`` (Rasmussen, regional inverse), ``key_sector`` (both > 1).
    """
    nat = national_model(con)
    model = regional_model(con, region, year, delta=delta, method=method, nat=nat)
    return RegionalMultipliers(
        _region_table(model, nat),
        region,
        int(year),
        nat.tables.year,
        method,
        float(delta),
        model.regional_share,
        model.regional_share_source,
        model.lambda_star,
        model.data_status,
    )


@dataclass(frozen=True)
class SectorIOView:
    """What the Sectors page shows of the input–output model for a region.

    ``table``: :attr:`RegionalMultipliers.table` sorted by the region's Type I output multiplier
    (largest first) with ``retained`` = regional ÷ Russia's output multiplier (share 0–1: how much of
    the national supplier chain stays in the region); ``top``: its first ``top_n`` rows;
    ``key_sectors``: the key sectors, strongest backward linkage first; ``slq_sources``: number of
    products by SLQ source (``division`` / ``section`` / ``none``).
    """

    table: pd.DataFrame
    top: pd.DataFrame
    key_sectors: pd.DataFrame
    slq_sources: dict[str, int]
    multipliers: RegionalMultipliers


def sector_io_view(
    con: duckdb.DuckDBPyConnection,
    region: str,
    year: int,
    *,
    delta: float = io.DEFAULT_DELTA,
    method: str = "flq",
    top_n: int = 15,
) -> SectorIOView:
    """The region's multipliers against Russia's, ready to draw (see :class:`SectorIOView`)."""
    result = regional_multipliers(con, region, year, delta=delta, method=method)
    table = result.table.copy()
    table["retained"] = table["output_region"] / table["output_russia"]
    table = table.sort_values(["output_region", "okpd2"], ascending=[False, True])
    key = table[table["key_sector"]].sort_values("backward", ascending=False)
    counts = {source: int((table["slq_source"] == source).sum()) for source in io.SLQ_SOURCES}
    return SectorIOView(table, table.head(top_n), key, counts, result)


def multipliers_all_regions(
    con: duckdb.DuckDBPyConnection, year: int, *, delta: float = io.DEFAULT_DELTA, method: str = "flq"
) -> pd.DataFrame:
    """Type I and II output, value-added and employment multipliers of every product in every region
    with employment data in ``year`` (one store read). Long table ``region_code, no, output,
    value_added, income, employment, output_type2``.
    """
    employment = io_queries.division_employment(con, year)
    table, statuses = _grid(employment)
    national = table.sum(axis=0)
    nat = national_model(con)
    c = nat.coefficients
    coeff_rows = np.vstack([c["value_added"].to_numpy(), c["income"].to_numpy(), c["employment"].to_numpy()])
    n = len(nat.A)
    frames = []
    with single_threaded_blas():
        for model in _regional_models(
            table,
            national,
            statuses,
            float(national.sum()),
            labour_force_shares(con, year),
            year,
            delta=delta,
            method=method,
            nat=nat,
        ):
            L = model.L
            va, inc, emp = coeff_rows @ L
            frames.append(
                pd.DataFrame(
                    {
                        "region_code": model.region,
                        "no": nat.A.index,
                        "output": L.sum(axis=0),
                        "value_added": va,
                        "income": inc,
                        "employment": emp,
                        "output_type2": model.closed_inverse[:n, :n].sum(axis=0),
                    }
                )
            )
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
    columns output, value added, compensation (D1), wages (D11), taxes in mln ₽ and jobs in persons) and
    ``by_product``
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


def regional_impact(
    con: duckdb.DuckDBPyConnection,
    region: str,
    year: int,
    shock_by_okved: Mapping[str, float],
    *,
    delta: float = io.DEFAULT_DELTA,
    method: str = "flq",
    tax_rates: Mapping[str, float] | None = None,
) -> RegionalImpact:
    """What final demand of ``shock_by_okved`` (mln ₽ by OKVED 2 code, e.g. a project's annual revenue)
    brings the region: output, value added, compensation, wages, jobs and taxes — direct, indirect (regional
    suppliers, Type I) and induced (household spending of the wages, Type II).

    The shock is spread over the products of each code's division in proportion to national output
    (:func:`~analytics.metrics.input_output.shock_to_products`). Jobs use national 2021 persons per
    mln ₽ of output; compensation of employees (D1) and wages (D11) per ₽ of output are national.
    Taxes: ``tax_rates`` on the bases ``value_added`` / ``compensation`` / ``wages`` (default: personal
    income tax on wages, :func:`default_tax_rates`).
    """
    nat = national_model(con)
    model = regional_model(con, region, year, delta=delta, method=method, nat=nat)
    shock = io.shock_to_products(shock_by_okved, nat.correspondence, nat.tables.output).reindex(nat.A.index)
    rates = default_tax_rates() if tax_rates is None else dict(tax_rates)
    c = nat.coefficients
    effects = io.impact(
        model.L,
        shock.to_numpy(),
        value_added=c["value_added"].to_numpy(),
        compensation=c["income"].to_numpy(),
        wages=c["wages"].to_numpy(),
        employment=c["employment"].to_numpy(),
        tax_rates=rates,
        closed_inverse=model.closed_inverse,
    )
    by_product = io.output_effects(model.L, shock.to_numpy(), closed_inverse=model.closed_inverse)
    by_product.index = nat.A.index
    by_product["name_ru"] = nat.correspondence.set_index("no")["name_ru"]
    by_product["slq_source"] = model.slq["slq_source"]
    return RegionalImpact(effects, by_product, shock, rates, region, int(year), method, float(delta), model.data_status)


def tax_bases(level: str = "product", con: duckdb.DuckDBPyConnection | None = None) -> pd.DataFrame:
    """Tax bases per ₽ of output (national 2021, shares 0–1): ``value_added_share`` (B1g/P1),
    ``compensation_share`` (D1/P1), ``wages_share`` (D11/P1), and ``jobs_per_mln_rub``.

    ``level="product"``: by product number; ``level="division"``: by OKVED 2 division, output-weighted
    over the division's products (a product of several divisions counts in each). With ``con``: the
    store's input–output table (:func:`national_model`).
    """
    nat = national_model(con)
    t = nat.tables
    frame = pd.DataFrame(
        {
            "output": t.output,
            "value_added": t.value_added,
            "compensation": t.compensation,
            "wages": t.wages,
            "jobs": nat.coefficients["employment"] * t.output,
        }
    )
    if level == "division":
        divisions = nat.correspondence.set_index("no")["okved2_divisions"].str.split(";")
        frame = frame.assign(okved=divisions).explode("okved").groupby("okved").sum()
    elif level != "product":
        raise ValueError(f"level must be 'product' or 'division', not {level!r}")
    out = pd.DataFrame(
        {
            "value_added_share": frame["value_added"] / frame["output"],
            "compensation_share": frame["compensation"] / frame["output"],
            "wages_share": frame["wages"] / frame["output"],
            "jobs_per_mln_rub": frame["jobs"] / frame["output"],
        }
    )
    return out.fillna(0.0)


# --------------------------------------------------------------------------------------------------
# The economy-wide effect of a subsidy portfolio (Subsidies page)
# --------------------------------------------------------------------------------------------------


def portfolio_effect(
    con: duckdb.DuckDBPyConnection,
    region: str,
    year: int,
    revenue_by_okved: Mapping[str, float],
    *,
    delta: float = io.DEFAULT_DELTA,
    method: str = "flq",
) -> RegionalImpact:
    """The effect for the region's economy of final demand ``revenue_by_okved`` (mln ₽ a year by OKVED 2
    code, e.g. a portfolio's annual revenue): :func:`regional_impact` with the region's employment of
    ``year`` — direct (the revenue itself), indirect (regional suppliers) and induced (household spending)
    output, value added, compensation, wages, jobs and taxes (personal income tax on wages)."""
    return regional_impact(con, region, year, revenue_by_okved, delta=delta, method=method)


@dataclass(frozen=True)
class PortfolioEffect:
    """What the Subsidies page shows of a portfolio's economy-wide effect.

    ``revenue``: the portfolio's average annual revenue by OKVED 2 code of the initiators
    (``okved, revenue_mln_rub, projects``); ``impact``: :func:`portfolio_effect` of it (``None`` when
    there is no revenue); ``employment_year``: the year of the region's employment used (the latest held
    ≤ the asked year, else the earliest held); ``io_year``: the input–output table's year.
    """

    revenue: pd.DataFrame
    impact: RegionalImpact | None
    employment_year: int | None
    io_year: int | None

    @property
    def revenue_total_mln_rub(self) -> float:
        """The portfolio's average annual revenue over all codes, mln ₽ (Σ ``revenue_mln_rub``)."""
        return float(self.revenue["revenue_mln_rub"].sum())


def chosen_project_ids(projects: pd.DataFrame | Iterable[str]) -> tuple[str, ...]:
    """The ids of the chosen projects, sorted and each once: ``projects`` is a frame with a
    ``project_id`` column (when it also has a boolean ``selected`` column, e.g. the Subsidies page's
    ``ScenarioResults.table``, only those rows) or the ids themselves."""
    if isinstance(projects, pd.DataFrame):
        chosen = projects[projects["selected"].astype(bool)] if "selected" in projects.columns else projects
        projects = chosen["project_id"]
    return tuple(sorted({str(p) for p in projects}))


def projects_effect(
    con: duckdb.DuckDBPyConnection,
    region: str,
    year: int | None,
    project_ids: list[str] | tuple[str, ...],
    *,
    delta: float = io.DEFAULT_DELTA,
    method: str = "flq",
) -> PortfolioEffect:
    """The economy-wide effect of the projects ``project_ids``: each project's average annual expected
    revenue (mln ₽, over its years with revenue rows) is final demand for its initiator's OKVED 2 code;
    the sum by code goes through :func:`portfolio_effect` with the region's employment of ``year`` (``None``:
    the latest year held). Raises ``LookupError`` when the region has no employment by OKVED in any year."""
    rows = io_queries.project_revenues_by_okved(con, list(project_ids))
    per_project = rows.groupby(["project_id", "okved"], as_index=False)["revenue_mln_rub"].mean()
    revenue = per_project.groupby("okved", as_index=False).agg(
        revenue_mln_rub=("revenue_mln_rub", "sum"), projects=("project_id", "nunique")
    )
    revenue = revenue[revenue["revenue_mln_rub"] > 0].sort_values("revenue_mln_rub", ascending=False)
    years = io_queries.employment_years(con)
    if not years:
        raise LookupError("no employment by OKVED in the store")
    held = years if year is None else [y for y in years if y <= int(year)]
    employment_year = max(held) if held else min(years)
    nat = national_model(con)
    if revenue.empty:
        return PortfolioEffect(revenue.reset_index(drop=True), None, employment_year, nat.tables.year)
    shock = dict(zip(revenue["okved"], revenue["revenue_mln_rub"], strict=True))
    impact = portfolio_effect(con, region, employment_year, shock, delta=delta, method=method)
    return PortfolioEffect(revenue.reset_index(drop=True), impact, employment_year, nat.tables.year)
