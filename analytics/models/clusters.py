"""Cluster candidates of a region: who the members are, how strong each cluster is, what it lacks.

A *candidate* is a cluster definition — a list of OKVED 2 codes with roles — measured in one region
and year. Definitions come from the ``cluster_templates`` table (five templates seeded from the
project's proposal ``cluster-okved.csv``; analysts replace them by loading that table) or from
:mod:`analytics.models.discovery` (communities of co-located sectors, all codes with the role ``core``).

Membership (firm level)
-----------------------
An enterprise of the region is a member of a **template** when

1. its ``cluster_hint`` names that template (the analyst's or the registry's word: it is a *declared*
   participant, whatever its OKVED), or
2. it has no hint naming a template and its OKVED lies within one of the template's codes.

A firm hinted to one template is therefore not pulled into another by its code, while an unhinted firm
may belong to several templates (a plastics maker, 22.29, is a supplier of automotive and electronics
and a core member of composites). Discovered communities use rule 2 only, ignoring hints.

"Lies within": the firm's code equals the template code or descends from it in the OKVED 2 hierarchy
(division dd → group dd.d → class dd.dd → subclass dd.dd.d → type dd.dd.dd), i.e. it starts with the
code + "." (29.32 → 29.32.1) or, for group and subclass codes, with the code itself (29.3 → 29.32).

A member's ``role`` is the role of the most specific template code it lies within (core before
supplier before service on a tie); a declared member outside the template's codes gets its kind:
``infrastructure``, ``specialised`` or ``other`` (an industrial firm). ``basis`` says why it is a
member: ``hint``, ``okved`` or ``hint+okved``.

Measures (one row per candidate, :func:`find_candidates`)
---------------------------------------------------------
From the region's enterprises (``enterprises`` + ``enterprise_years`` of ``year``):

- ``members``, ``industrial``, ``sme``, ``infrastructure``, ``specialised`` (counts), ``declared``
  (members by hint); ``employees`` (persons) and ``revenue_mln_rub`` (mln ₽) of the members;
- ``anchors``: industrial members with more than :data:`ANCHOR_EMPLOYEES_ABOVE` employees, i.e. larger than
  any SME (Federal Law No. 209-FZ art. 4: a medium enterprise has up to 250 employees inclusive,
  :data:`analytics.models.rules.SME_MAX_EMPLOYEES`); ``anchor_share`` = their employees ÷ members' employees;
  ``anchor_names_ru`` / ``_en``: the three largest;
- ``municipalities``: municipalities hosting members; ``spatial_hhi`` = Σ_m (E_m / E)² over the
  members' employees by municipality (0–1; 1 = all in one municipality);
- ``completeness`` = Σ w_s [s present] ÷ Σ w_s over the template's *supplier* codes s with their
  weights w_s, a code being present when at least one enterprise of the region lies within it;
  ``completeness_lq`` the same with "present" = the region's LQ of the code ≥ 1 (statistics);
- ``cooperation`` = Σ supply links among members ÷ Σ purchases of members (share 0–1; links from
  ``supply_links`` of ``year``; members without known purchases are left out of both sums).

From the statistics (``region_sector_years``; the definition's manufacturing codes — section C —
summed per region; a code the table lacks is replaced by its stored descendants):

- ``stat_employees`` E_rc (persons), ``lq`` = (E_rc / E_r) / (E_c / E) against all regions, with E_r
  the region's manufacturing employment (divisions of section C) — via
  :func:`analytics.metrics.specialization.location_quotient`;
- ``cagr`` of E_rc from ``start`` to ``year``, ``benchmark_cagr`` of the cluster in Russia,
  ``relative_growth`` = cagr − benchmark_cagr (shares per year) — via
  :func:`analytics.metrics.specialization.growth`;
- ``focus`` = E_rc / E_r (share of the region's manufacturing employment);
- ``productivity`` = revenue ÷ employees of the cluster in the region (mln ₽ per person) and
  ``relative_productivity`` = that ÷ Russia's (NaN where revenue is not loaded);
- ``strong``: the US Cluster Mapping rule (:func:`analytics.metrics.specialization.strong_clusters`).

European Cluster Observatory stars (:class:`StarParams`; regions with E_rc > 0 are the comparison
set, percentiles linearly interpolated): ``star_size`` E_rc ≥ the 90th percentile (top 10 %);
``star_specialisation`` LQ ≥ 2; ``star_focus`` focus ≥ the 90th percentile; and, as in the
Observatory's later editions, ``star_productivity`` relative productivity and ``star_dynamism``
employment CAGR ≥ their 90th percentiles. ``stars`` counts them (0–5).

Composite score (:func:`score`, weights :class:`ScoreWeights` set by the user): 100 × Σ_k w_k s_k ÷
Σ_k w_k over the components with a value, where s_size, s_specialisation and s_growth are the
percentile ranks (0–1) of E_rc, LQ and CAGR among the regions, s_completeness = ``completeness`` and
s_cooperation = ``cooperation`` itself (0–1). It is *not* measured against the registry's 20 %
functional-dependence bar: that bar applies to the final producers' purchases from the other
participants (:mod:`analytics.models.registry`), while ``cooperation`` counts the links among all
members over all members' purchases — scaling one by the other's bar gave full marks for a bar the
measure does not test.

Sources: European Cluster Observatory star rating (Ketels & Protsiv, *Methodology and findings report
for a cluster mapping of related sectors*, 2013/2014); US Cluster Mapping (Delgado, Porter & Stern);
``docs/metrics.md``. Units: persons, mln ₽, shares 0–1.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields

import duckdb
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from analytics.metrics import specialization as spec
from analytics.models import rules
from analytics.store import SQL, query, sql

TEMPLATE_ROLES: tuple[str, ...] = ("core", "supplier", "service")
MEMBER_ROLES: tuple[str, ...] = ("core", "supplier", "service", "infrastructure", "specialised", "other")
SOURCES: tuple[str, ...] = ("template", "discovered")
#: An industrial member with more employees than this is an anchor firm: the SME headcount limit (a medium
#: enterprise has up to 250 employees inclusive, 209-FZ art. 4), so 251 and more.
ANCHOR_EMPLOYEES_ABOVE = rules.SME_MAX_EMPLOYEES.value
SCORE_COMPONENTS: tuple[str, ...] = ("size", "specialisation", "growth", "completeness", "cooperation")
_REST = "\x00rest"

# Ancestors-or-self of an OKVED code (division, group, class, subclass, itself) as SQL: a code matches
# a definition when one of these equals a definition code. Column name fixed: ``okved``.
_ANCESTORS_SQL = SQL("unnest(list_distinct([okved, left(okved, 2), left(okved, 4), left(okved, 5), left(okved, 7)]))")


@dataclass(frozen=True)
class StarParams:
    """European Cluster Observatory star thresholds (method parameters, shown on the page).

    ``*_top``: a star goes to regions in the top share of regional clusters of the same category
    (0.10 = the top 10 %: value ≥ the 90th percentile); ``specialisation_lq``: LQ at least this.
    """

    size_top: float = 0.10
    specialisation_lq: float = 2.0
    focus_top: float = 0.10
    productivity_top: float = 0.10
    dynamism_top: float = 0.10

    def __post_init__(self) -> None:
        for f in ("size_top", "focus_top", "productivity_top", "dynamism_top"):
            value = getattr(self, f)
            if not 0 < value <= 1:
                raise ValueError(f"{f} must be in (0, 1], not {value}")
        if self.specialisation_lq <= 0:
            raise ValueError("specialisation_lq must be positive")


@dataclass(frozen=True)
class ScoreWeights:
    """Weights of the composite score's components (any non-negative numbers; they are normalised)."""

    size: float = 1.0
    specialisation: float = 1.0
    growth: float = 1.0
    completeness: float = 1.0
    cooperation: float = 1.0

    def __post_init__(self) -> None:
        for f in fields(self):
            if getattr(self, f.name) < 0:
                raise ValueError(f"weight {f.name} must not be negative")

    def as_dict(self) -> dict[str, float]:
        return asdict(self)


# --------------------------------------------------------------------------------------------------
# Definitions
# --------------------------------------------------------------------------------------------------


def templates(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """The cluster templates: ``cluster_id``, ``cluster_name_ru``, ``cluster_name_en``, ``okved``,
    ``role``, ``weight``, ``note``, ``data_status``; by cluster, role (core, supplier, service), code."""
    return query(
        con,
        "SELECT cluster_id, cluster_name_ru, cluster_name_en, okved, role, weight, note, data_status "
        "FROM cluster_templates ORDER BY cluster_id, "
        "CASE role WHEN 'core' THEN 0 WHEN 'supplier' THEN 1 ELSE 2 END, okved",
    )


def template_definitions(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Templates as definitions: ``cluster_id``, ``name_ru``, ``name_en``, ``okved``, ``role``,
    ``weight``, ``source`` (= ``template``)."""
    frame = templates(con).rename(columns={"cluster_name_ru": "name_ru", "cluster_name_en": "name_en"})
    return frame[["cluster_id", "name_ru", "name_en", "okved", "role", "weight"]].assign(source="template")


def codes_definition(
    cluster_id: str, codes: tuple[str, ...] | list[str], name_ru: str = "", name_en: str = ""
) -> pd.DataFrame:
    """An ad-hoc definition (a discovered community): every code ``core`` with weight 1."""
    codes = list(dict.fromkeys(codes))
    return pd.DataFrame(
        {
            "cluster_id": cluster_id,
            "name_ru": name_ru or cluster_id,
            "name_en": name_en or cluster_id,
            "okved": codes,
            "role": "core",
            "weight": 1.0,
            "source": "discovered",
        }
    )


def _definition(con, cluster_id: str, codes: tuple[str, ...] | None) -> pd.DataFrame:
    if codes:
        return codes_definition(cluster_id, codes)
    defs = template_definitions(con)
    one = defs[defs["cluster_id"] == cluster_id]
    if one.empty:
        raise ValueError(f"no cluster template {cluster_id!r}")
    return one.reset_index(drop=True)


def ancestors(code: str) -> list[str]:
    """The code and the codes above it in the OKVED 2 hierarchy (Python twin of the SQL rule)."""
    out = [code[:n] for n in (2, 4, 5, 7) if n < len(code)]
    return [c for c in dict.fromkeys(out + [code]) if c and not c.endswith(".")]


def lies_within(okved: str, code: str) -> bool:
    """True when ``okved`` equals ``code`` or descends from it (see the module docstring)."""
    return code in ancestors(okved)


def _arrow_text(values) -> pa.Array:
    if isinstance(values, (pd.Series, pd.Index)):
        array = pa.array(values, from_pandas=True)  # zero-copy for pandas' arrow-backed text
        if array.type == pa.null():
            return pa.array([], type=pa.large_string())
        return array.cast(pa.large_string())
    return pa.array([str(v) for v in values], type=pa.large_string())


def isin(values: pd.Series, pool) -> np.ndarray:
    """``values.isin(pool)`` for text identifiers as a boolean array, fast on large sets: pandas 3's
    ``str`` ``isin`` walks the pool in Python (0.3 s for 80,000 INNs against 67,000; this: 20 ms)."""
    hit = pc.is_in(_arrow_text(values), value_set=_arrow_text(pool))
    return pc.fill_null(hit, False).to_numpy(zero_copy_only=False)


# --------------------------------------------------------------------------------------------------
# Members
# --------------------------------------------------------------------------------------------------

_MEMBERS_SQL = """
WITH f AS (
    SELECT e.inn, e.name_ru, e.name_en, e.okved, e.kind, e.is_sme, e.oktmo, e.lat, e.lon, e.cluster_hint,
           e.organising_production, e.sme_category, e.data_status, e.source,
           coalesce(e.cluster_hint IN (SELECT DISTINCT cluster_id FROM cluster_templates), false) AS hinted
    FROM enterprises e WHERE e.region_code = ?
),
keys AS (SELECT okved, {ancestors} AS code FROM (SELECT DISTINCT okved FROM f)),
code_map AS (
    SELECT k.okved, d.cluster_id, d.role, d.okved AS matched_code,
           row_number() OVER (PARTITION BY k.okved, d.cluster_id ORDER BY length(d.okved) DESC,
               CASE d.role WHEN 'core' THEN 0 WHEN 'supplier' THEN 1 ELSE 2 END) AS rk
    FROM keys k JOIN _defs d ON d.okved = k.code
),
by_code AS (
    SELECT f.inn, c.cluster_id, c.role, c.matched_code FROM f JOIN code_map c ON c.okved = f.okved AND c.rk = 1
),
kinds AS (SELECT DISTINCT cluster_id, source FROM _defs),
pairs AS (
    SELECT f.inn, k.cluster_id FROM f JOIN kinds k ON k.source = 'template' AND f.cluster_hint = k.cluster_id
    UNION
    SELECT b.inn, b.cluster_id FROM by_code b JOIN f ON f.inn = b.inn JOIN kinds k ON k.cluster_id = b.cluster_id
    WHERE k.source <> 'template' OR NOT f.hinted
)
SELECT p.cluster_id, f.inn, {names} {details} f.okved, f.kind, f.is_sme, f.oktmo, f.lat, f.lon, f.organising_production,
       b.role AS code_role, b.matched_code,
       (k.source = 'template' AND coalesce(f.cluster_hint = p.cluster_id, false)) AS declared,
       CAST(ey.employees AS DOUBLE) AS employees, ey.revenue_mln_rub, ey.purchases_mln_rub
FROM pairs p
JOIN f ON f.inn = p.inn
JOIN kinds k ON k.cluster_id = p.cluster_id
LEFT JOIN by_code b ON b.inn = p.inn AND b.cluster_id = p.cluster_id
{municipalities}
LEFT JOIN enterprise_years ey ON ey.inn = p.inn AND ey.year = ?
ORDER BY p.cluster_id, f.inn
"""


# The members table's own columns (not needed for aggregates): the SME category, the status and
# sources of the firm's row and of its year's row (FNS loads name their dataset and date there), and
# the taxes paid in the year by budget level (PAYTAX, migration 7).
_DETAILS_SQL = SQL(
    "f.sme_category, f.data_status, nullif(concat_ws('; ', f.source, ey.source), '') AS source, "
    "ey.taxes_federal_mln_rub, ey.taxes_regional_mln_rub, ey.taxes_local_mln_rub, ey.taxes_social_funds_mln_rub, "
    "ey.taxes_non_tax_mln_rub, ey.taxes_unknown_mln_rub,"
)


def member_table(
    con: duckdb.DuckDBPyConnection, defs: pd.DataFrame, region: str, year: int, *, names: bool = True
) -> pd.DataFrame:
    """Members of every definition in ``defs`` (long: one row per cluster × firm), see the module
    docstring for the rule. Adds ``role``, ``basis`` and ``anchor``. ``names=False`` leaves out the
    firm and municipality names (faster for aggregates)."""
    # the two fragments are fixed text of this module, never input
    statement = sql(
        _MEMBERS_SQL,
        ancestors=_ANCESTORS_SQL,
        names=SQL("f.name_ru, f.name_en, m.name_ru AS municipality_ru, m.name_en AS municipality_en,")
        if names
        else SQL(""),
        municipalities=SQL("LEFT JOIN municipalities m ON m.oktmo = f.oktmo") if names else SQL(""),
        details=_DETAILS_SQL if names else SQL(""),
    )
    with con.cursor() as cur:
        cur.register("_defs", defs[["cluster_id", "okved", "role", "source"]])
        frame = cur.execute(statement, [region, year]).df()
        cur.unregister("_defs")
    by_kind = frame["kind"].map({"infrastructure": "infrastructure", "specialised": "specialised"}).fillna("other")
    frame["role"] = frame["code_role"].fillna(by_kind)
    frame["basis"] = np.where(
        frame["declared"] & frame["code_role"].notna(), "hint+okved", np.where(frame["declared"], "hint", "okved")
    )
    frame["anchor"] = (frame["kind"] == "industrial") & (frame["employees"] > ANCHOR_EMPLOYEES_ABOVE)
    return frame.drop(columns=["code_role"])


def links_among(con: duckdb.DuckDBPyConnection, inns: pd.Series | list[str], year: int) -> pd.DataFrame:
    """Supply links of ``year`` whose supplier and buyer are both in ``inns``:
    ``supplier_inn``, ``buyer_inn``, ``value_mln_rub``."""
    frame = pd.DataFrame({"inn": inns if isinstance(inns, pd.Series) else pd.Series(list(inns), dtype="str")})
    frame = frame.drop_duplicates()
    with con.cursor() as cur:
        cur.register("_inns", frame)
        links = cur.execute(
            "SELECT l.supplier_inn, l.buyer_inn, l.value_mln_rub FROM supply_links l "
            "JOIN _inns s ON s.inn = l.supplier_inn JOIN _inns b ON b.inn = l.buyer_inn "
            "WHERE l.year = ? ORDER BY l.supplier_inn, l.buyer_inn",
            [year],
        ).df()
        cur.unregister("_inns")
    return links


def _links_within(long_members: pd.DataFrame, links: pd.DataFrame) -> pd.DataFrame:
    """Links whose two ends are members of the same cluster, with ``cluster_id`` (long)."""
    ends = long_members[["cluster_id", "inn"]]
    out = links.merge(ends.rename(columns={"inn": "buyer_inn"}), on="buyer_inn")
    return out.merge(ends.rename(columns={"inn": "supplier_inn"}), on=["cluster_id", "supplier_inn"])


def members(
    con: duckdb.DuckDBPyConnection, cluster_id: str, *, region: str, year: int, codes: tuple[str, ...] | None = None
) -> pd.DataFrame:
    """The enterprises of one candidate with their role, as the members table shows them.

    Columns: ``inn``, ``name_ru``, ``name_en``, ``okved``, ``kind``, ``is_sme``, ``sme_category``
    (micro/small/medium from the FNS SME register, else empty), ``data_status`` (of the firm's row:
    ``loaded`` after an FNS load), ``source`` (the firm's and the year's sources, e.g. «ФНС, реестр МСП
    на 10.06.2025; ФНС, среднесписочная численность на 31.12.2023»), ``taxes_<level>_mln_rub`` (taxes
    paid in ``year`` by budget level, mln ₽, FNS PAYTAX; empty when not loaded), ``role``, ``basis``,
    ``declared``, ``organising_production`` (the Decree No. 779 member flag), ``oktmo``,
    ``municipality_ru`` / ``_en``, ``lat``, ``lon``, ``employees`` (persons),
    ``revenue_mln_rub``, ``purchases_mln_rub`` (mln ₽, ``year``), ``anchor``, ``partners`` (members it
    has a link with, either direction), ``sales_to_members``, ``purchases_from_members`` (mln ₽).
    Largest first. ``codes``: a discovered community's codes instead of a template.
    """
    defs = _definition(con, cluster_id, codes)
    frame = member_table(con, defs, region, year)
    frame = frame[frame["cluster_id"] == defs["cluster_id"].iat[0]].drop(columns=["cluster_id"])
    links = links_among(con, frame["inn"], year)
    sold = links.groupby("supplier_inn")["value_mln_rub"].sum()
    bought = links.groupby("buyer_inn")["value_mln_rub"].sum()
    pairs = pd.concat(
        [
            links[["supplier_inn", "buyer_inn"]].set_axis(["a", "b"], axis=1),
            links[["buyer_inn", "supplier_inn"]].set_axis(["a", "b"], axis=1),
        ]
    )
    partners = pairs.drop_duplicates().groupby("a").size()
    frame["partners"] = frame["inn"].map(partners).fillna(0).astype("int64")
    frame["sales_to_members"] = frame["inn"].map(sold).fillna(0.0)
    frame["purchases_from_members"] = frame["inn"].map(bought).fillna(0.0)
    order = frame.sort_values(["employees", "inn"], ascending=[False, True], na_position="last")
    return order.reset_index(drop=True)


def member_links(
    con: duckdb.DuckDBPyConnection, cluster_id: str, *, region: str, year: int, codes: tuple[str, ...] | None = None
) -> pd.DataFrame:
    """Links between the candidate's members in ``year``: ``supplier_inn``, ``buyer_inn``,
    ``value_mln_rub`` (the cooperation network's edges)."""
    defs = _definition(con, cluster_id, codes)
    frame = member_table(con, defs, region, year)
    return links_among(con, frame["inn"], year)


def member_municipalities(
    con: duckdb.DuckDBPyConnection, cluster_id: str, *, region: str, year: int, codes: tuple[str, ...] | None = None
) -> pd.DataFrame:
    """Every municipality of the region with the candidate's members there: ``oktmo``, ``name_ru``,
    ``name_en``, ``lat``, ``lon`` (admin centre), ``members`` (count), ``employees`` (persons)."""
    defs = _definition(con, cluster_id, codes)
    frame = member_table(con, defs, region, year)
    per = frame.groupby("oktmo").agg(members=("inn", "size"), employees=("employees", "sum"))
    places = query(
        con,
        "SELECT oktmo, name_ru, name_en, lat, lon FROM municipalities WHERE region_code = ? "
        "ORDER BY name_ru COLLATE ru",
        [region],
    )
    places = places.merge(per, left_on="oktmo", right_index=True, how="left")
    return places.fillna({"members": 0, "employees": 0.0}).astype({"members": "int64"})


# --------------------------------------------------------------------------------------------------
# Statistics across regions
# --------------------------------------------------------------------------------------------------


def _stat_codes(con, defs: pd.DataFrame) -> pd.DataFrame:
    """Definition code → stored ``region_sector_years`` codes (manufacturing only): the code itself
    when stored, else its stored descendants at the shallowest level present."""
    stored = query(
        con,
        "SELECT DISTINCT r.okved FROM region_sector_years r JOIN sectors s ON s.code = r.okved WHERE s.section = 'C'",
    )["okved"].tolist()
    stored_set = set(stored)
    rows = []
    for cluster_id, code in defs[["cluster_id", "okved"]].drop_duplicates().itertuples(index=False):
        if code in stored_set:
            rows.append((cluster_id, code, code))
            continue
        below = [s for s in stored if s != code and lies_within(s, code)]
        if below:
            depth = min(len(s) for s in below)
            rows.extend((cluster_id, code, s) for s in below if len(s) == depth)
    mapping = pd.DataFrame(rows, columns=["cluster_id", "code", "okved"])
    # a code listed together with one of its ancestors must not count twice
    return mapping.drop_duplicates(["cluster_id", "okved"])


def _region_stats(con, defs: pd.DataFrame, year: int, start: int | None, stars: StarParams) -> pd.DataFrame:
    """Per cluster × region (every region with the cluster's statistics in ``year``): the
    statistical measures, star flags and percentile ranks described in the module docstring."""
    mapping = _stat_codes(con, defs)
    years = [y for y in {year, start} if y is not None]
    with con.cursor() as cur:
        cur.register("_map", mapping[["cluster_id", "okved"]])
        cells = cur.execute(
            "SELECT m.cluster_id, r.region_code AS region, r.year, sum(r.employees) AS employees, "
            "sum(r.revenue_mln_rub) AS revenue, sum(r.establishments) AS establishments "
            "FROM region_sector_years r JOIN _map m ON m.okved = r.okved "
            "WHERE list_contains(?, r.year) GROUP BY ALL",
            [years],
        ).df()
        cur.unregister("_map")
        totals = cur.execute(
            "SELECT r.region_code AS region, r.year, sum(r.employees) AS manufacturing "
            "FROM region_sector_years r JOIN sectors s ON s.code = r.okved "
            "WHERE s.section = 'C' AND s.level = 'division' AND list_contains(?, r.year) GROUP BY ALL",
            [years],
        ).df()
    columns = [
        "cluster_id",
        "region",
        "stat_employees",
        "stat_revenue",
        "establishments",
        "manufacturing",
        "lq",
        "focus",
        "productivity",
        "relative_productivity",
        "cagr",
        "benchmark_cagr",
        "relative_growth",
        "strong",
        "star_size",
        "star_specialisation",
        "star_focus",
        "star_productivity",
        "star_dynamism",
        "pct_size",
        "pct_specialisation",
        "pct_growth",
    ]
    now = cells[cells["year"] == year].merge(totals[totals["year"] == year], on=["region", "year"], how="left")
    if now.empty:
        return pd.DataFrame(columns=columns)
    now = now.rename(columns={"employees": "stat_employees", "revenue": "stat_revenue"})
    now["stat_employees"] = now["stat_employees"].astype("float64")
    now["focus"] = now["stat_employees"] / now["manufacturing"].where(now["manufacturing"] > 0)

    # LQ against the region's whole manufacturing: the cluster plus a "rest" sector per region
    rest = now.assign(sector=_REST, value=(now["manufacturing"] - now["stat_employees"]).clip(lower=0))
    lq_input = pd.concat([now.assign(sector=now["cluster_id"], value=now["stat_employees"]), rest])
    lq = spec.location_quotient(
        lq_input[["cluster_id", "region", "sector", "value"]],
        region="region",
        sector="sector",
        value="value",
        by="cluster_id",
    )
    lq = lq[lq["sector"] != _REST][["cluster_id", "region", "lq"]]
    now = now.merge(lq, on=["cluster_id", "region"], how="left")

    national = now.groupby("cluster_id")[["stat_revenue", "stat_employees"]].sum(min_count=1)
    has_revenue = now["stat_revenue"].notna() & (now["stat_employees"] > 0)
    now["productivity"] = (now["stat_revenue"] / now["stat_employees"]).where(has_revenue)
    national_productivity = national["stat_revenue"] / national["stat_employees"].where(national["stat_employees"] > 0)
    now["relative_productivity"] = now["productivity"] / now["cluster_id"].map(national_productivity)

    if start is not None and start < year and (cells["year"] == start).any():
        grown = spec.growth(
            cells.rename(columns={"cluster_id": "sector"}),
            region="region",
            sector="sector",
            year="year",
            value="employees",
            start=start,
            end=year,
        )
        grown = grown.rename(columns={"sector": "cluster_id"})[["cluster_id", "region", "cagr", "benchmark_cagr"]]
        now = now.merge(grown, on=["cluster_id", "region"], how="left")
    else:
        now["cagr"] = np.nan
        now["benchmark_cagr"] = np.nan
    now["relative_growth"] = now["cagr"] - now["benchmark_cagr"]

    # US Cluster Mapping "strong" in one call: every cluster is compared within its own peer group
    # (pseudo-regions "cluster|region", benchmark = the cluster), beside a "rest of manufacturing"
    # sector of its own so that a pseudo-region's total is the region's whole manufacturing.
    key = now["cluster_id"] + "|" + now["region"]
    both = pd.concat(
        [
            now.assign(key=key, sector=now["cluster_id"]),
            now.assign(
                key=key,
                sector=_REST + now["cluster_id"],
                establishments=0,
                stat_employees=(now["manufacturing"] - now["stat_employees"]).clip(lower=0),
            ),
        ]
    )
    flags = spec.strong_clusters(
        both[["key", "sector", "stat_employees", "establishments"]],
        region="key",
        sector="sector",
        employment="stat_employees",
        establishments="establishments",
        benchmark=dict(zip(key, now["cluster_id"])),
    )
    flags = flags[~flags["sector"].str.startswith(_REST)]
    now["strong"] = key.map(flags.set_index("key")["strong"])
    now["strong"] = now["strong"].fillna(False).astype(bool)

    active = now["stat_employees"] > 0
    groups = now[active].groupby("cluster_id")

    def top(column: str, share: float) -> pd.Series:
        threshold = now["cluster_id"].map(groups[column].quantile(1.0 - share))
        return (active & (now[column] >= threshold)).fillna(False).astype(bool)

    def pct(column: str) -> pd.Series:
        ranks = now[active].groupby("cluster_id")[column].rank(method="average")
        counts = now[active].groupby("cluster_id")[column].transform("count")
        return ((ranks - 1) / (counts - 1).where(counts > 1)).reindex(now.index)

    now["star_size"] = top("stat_employees", stars.size_top)
    now["star_specialisation"] = (active & (now["lq"] >= stars.specialisation_lq)).fillna(False).astype(bool)
    now["star_focus"] = top("focus", stars.focus_top)
    now["star_productivity"] = top("relative_productivity", stars.productivity_top)
    now["star_dynamism"] = top("cagr", stars.dynamism_top)
    now["pct_size"] = pct("stat_employees")
    now["pct_specialisation"] = pct("lq")
    now["pct_growth"] = pct("cagr")
    return now[columns]


def _start_year(con, year: int, start: int | None) -> int | None:
    if start is not None:
        return start
    first = query(con, "SELECT min(year) AS y FROM region_sector_years WHERE year < ?", [year])["y"].iat[0]
    return None if pd.isna(first) else int(first)


# --------------------------------------------------------------------------------------------------
# Candidates
# --------------------------------------------------------------------------------------------------


def _present(con, codes: pd.DataFrame, region: str) -> pd.Series:
    """For each (cluster_id, okved) row of ``codes``: whether an enterprise of the region lies within it."""
    with con.cursor() as cur:
        cur.register("_codes", codes[["cluster_id", "okved"]].drop_duplicates())
        hits = cur.execute(
            sql(
                "WITH keys AS (SELECT DISTINCT {ancestors} AS code FROM enterprises WHERE region_code = ?) "
                "SELECT c.cluster_id, c.okved FROM _codes c JOIN keys k ON k.code = c.okved",
                ancestors=_ANCESTORS_SQL,
            ),
            [region],
        ).df()
        cur.unregister("_codes")
    found = set(zip(hits["cluster_id"], hits["okved"]))
    return pd.Series([(c, o) in found for c, o in zip(codes["cluster_id"], codes["okved"])], index=codes.index)


def _code_lq(con, region: str, year: int) -> pd.Series:
    """LQ of every stored manufacturing code of the region in ``year`` (vs all regions, region total =
    manufacturing divisions), indexed by code."""
    cells = query(
        con,
        "SELECT r.region_code AS region, r.okved AS sector, s.level, r.employees "
        "FROM region_sector_years r JOIN sectors s ON s.code = r.okved WHERE s.section = 'C' AND r.year = ?",
        [year],
    )
    if cells.empty:
        return pd.Series(dtype="float64")
    totals = cells[cells["level"] == "division"].groupby("region")["employees"].sum()
    codes = cells[cells["level"] != "division"].assign(group=lambda f: f["sector"])
    rest = codes.assign(sector=_REST, employees=(codes["region"].map(totals) - codes["employees"]).clip(lower=0))
    # each code against the rest of its region's manufacturing, all codes in one call
    lq = spec.location_quotient(
        pd.concat([codes, rest]), region="region", sector="sector", value="employees", by="group"
    )
    mine = lq[(lq["region"] == region) & (lq["sector"] != _REST)]
    return mine.set_index("sector")["lq"]


def _completeness(con, defs: pd.DataFrame, region: str, year: int) -> pd.DataFrame:
    suppliers = defs[defs["role"] == "supplier"].copy()
    if suppliers.empty:
        return pd.DataFrame(columns=["completeness", "completeness_lq"])
    suppliers["present"] = _present(con, suppliers, region)
    code_lq = _code_lq(con, region, year)
    stat = _stat_codes(con, suppliers)
    stat["lq"] = stat["okved"].map(code_lq)
    strong = stat.groupby(["cluster_id", "code"])["lq"].max() >= 1.0
    suppliers["strong"] = [bool(strong.get((c, o), False)) for c, o in zip(suppliers["cluster_id"], suppliers["okved"])]
    w = suppliers["weight"]
    out = (
        suppliers.assign(wp=w * suppliers["present"], ws=w * suppliers["strong"])
        .groupby("cluster_id")[["wp", "ws", "weight"]]
        .sum()
    )
    return pd.DataFrame({"completeness": out["wp"] / out["weight"], "completeness_lq": out["ws"] / out["weight"]})


def _member_summary(long: pd.DataFrame, links: pd.DataFrame) -> pd.DataFrame:
    frame = long.assign(
        industrial=(long["kind"] == "industrial").astype("int64"),
        infrastructure=(long["kind"] == "infrastructure").astype("int64"),
        specialised=(long["kind"] == "specialised").astype("int64"),
        anchor_employees=long["employees"].where(long["anchor"], 0.0),
    )
    g = frame.groupby("cluster_id")
    out = pd.DataFrame(
        {
            "members": g.size(),
            "declared": g["declared"].sum(),
            "industrial": g["industrial"].sum(),
            "infrastructure": g["infrastructure"].sum(),
            "specialised": g["specialised"].sum(),
            "sme": g["is_sme"].sum(),
            "employees": g["employees"].sum(min_count=1),
            "revenue_mln_rub": g["revenue_mln_rub"].sum(min_count=1),
            "anchors": g["anchor"].sum(),
        }
    ).astype({"members": "int64", "declared": "int64", "sme": "int64", "anchors": "int64"})
    out["anchor_share"] = g["anchor_employees"].sum() / out["employees"].where(out["employees"] > 0)

    placed = long[long["oktmo"].notna()]
    per_place = placed.groupby(["cluster_id", "oktmo"])["employees"].sum(min_count=1).fillna(0.0).reset_index()
    out["municipalities"] = placed.groupby("cluster_id")["oktmo"].nunique().reindex(out.index).fillna(0).astype("int64")
    share = per_place["employees"] / per_place.groupby("cluster_id")["employees"].transform("sum").where(
        lambda s: s > 0
    )
    out["spatial_hhi"] = (share**2).groupby(per_place["cluster_id"]).sum(min_count=1).reindex(out.index)

    known = long[long["purchases_mln_rub"].notna()]
    within = _links_within(known, links)
    inside = within.groupby("cluster_id")["value_mln_rub"].sum()
    purchases = known.groupby("cluster_id")["purchases_mln_rub"].sum()
    out["cooperation"] = inside.reindex(out.index).fillna(0.0) / purchases.reindex(out.index).where(lambda s: s > 0)
    return out


def _anchor_names(con, long: pd.DataFrame) -> pd.DataFrame:
    """``anchor_names_ru`` / ``_en``: the three largest anchors of each cluster (tuples, largest first)."""
    top = long[long["anchor"]].sort_values(["employees", "inn"], ascending=[False, True])
    top = top.groupby("cluster_id").head(3)[["cluster_id", "inn"]]
    with con.cursor() as cur:
        cur.register("_top", top[["inn"]].drop_duplicates())
        named = (
            cur.execute(
                "SELECT e.inn, e.name_ru, coalesce(e.name_en, e.name_ru) AS name_en "
                "FROM _top t JOIN enterprises e ON e.inn = t.inn"
            )
            .df()
            .set_index("inn")
        )
        cur.unregister("_top")
    top = top.assign(name_ru=top["inn"].map(named["name_ru"]), name_en=top["inn"].map(named["name_en"]))
    g = top.groupby("cluster_id", sort=False)
    return pd.DataFrame({"anchor_names_ru": g["name_ru"].agg(tuple), "anchor_names_en": g["name_en"].agg(tuple)})


def measure(
    con: duckdb.DuckDBPyConnection,
    defs: pd.DataFrame,
    *,
    region: str,
    year: int,
    start: int | None = None,
    stars: StarParams = StarParams(),
    weights: ScoreWeights = ScoreWeights(),
    stats: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """One row per definition in ``defs`` measured in ``region`` and ``year`` (the work behind
    :func:`find_candidates`; :mod:`analytics.models.discovery` calls it with its communities, passing the
    statistics of every region it already computed, as ``_region_stats`` returns them)."""
    start = _start_year(con, year, start)
    out = defs.drop_duplicates("cluster_id").set_index("cluster_id")[["name_ru", "name_en", "source"]]
    long = member_table(con, defs, region, year, names=False)
    if len(long):
        links = links_among(con, long["inn"], year)
        out = out.join(_member_summary(long, links), how="left").join(_anchor_names(con, long), how="left")
    out = out.join(_completeness(con, defs, region, year), how="left")
    if stats is None:
        stats = _region_stats(con, defs, year, start, stars)
    mine = stats[stats["region"] == region].drop(columns=["region"]).set_index("cluster_id")
    out = out.join(mine, how="left")
    counts = ["members", "declared", "industrial", "infrastructure", "specialised", "sme", "anchors", "municipalities"]
    for column in counts:
        out[column] = out[column].fillna(0).astype("int64") if column in out else 0
    for column in ("anchor_names_ru", "anchor_names_en"):
        values = out[column] if column in out else pd.Series([()] * len(out), index=out.index)
        out[column] = [v if isinstance(v, tuple) else () for v in values]
    for column in (
        "employees",
        "revenue_mln_rub",
        "anchor_share",
        "spatial_hhi",
        "cooperation",
        "completeness",
        "completeness_lq",
    ):
        if column not in out:
            out[column] = np.nan
    flags = ["strong", "star_size", "star_specialisation", "star_focus", "star_productivity", "star_dynamism"]
    for column in flags:
        out[column] = out[column].fillna(False).astype(bool)
    out["stars"] = out[flags[1:]].sum(axis=1).astype("int64")
    out["start_year"] = start
    out["year"] = year
    return score(out.reset_index(names="cluster_id"), weights)


def coverage(candidates: pd.DataFrame) -> str:
    """What the data behind :func:`find_candidates` covers: ``"none"`` (no enterprises and no
    statistics for any template), ``"no_enterprises"`` (statistics only: stars and LQ without
    members) or ``"full"``."""
    no_members = bool(candidates["members"].eq(0).all())
    if no_members and candidates["stat_employees"].isna().all():
        return "none"
    return "no_enterprises" if no_members else "full"


def find_candidates(
    con: duckdb.DuckDBPyConnection,
    region: str,
    year: int,
    *,
    start: int | None = None,
    stars: StarParams = StarParams(),
    weights: ScoreWeights = ScoreWeights(),
) -> pd.DataFrame:
    """One row per cluster template measured in ``region`` and ``year``, best score first.

    ``start``: first year of the growth period (default: the earliest year of the statistics before
    ``year``). Columns: ``cluster_id``, ``name_ru``, ``name_en``, ``source``, the member counts and
    figures, ``anchors``, ``anchor_share``, ``anchor_names_ru`` / ``_en``, ``municipalities``,
    ``spatial_hhi``, ``completeness``, ``completeness_lq``, ``cooperation``, the statistical measures
    (``stat_employees``, ``lq``, ``cagr``, ``benchmark_cagr``, ``relative_growth``, ``focus``,
    ``productivity``, ``relative_productivity``, ``strong``), the stars (``star_*``, ``stars``), the
    score components (``s_*``), ``score`` (0–100) and ``rank``. Definitions in the module docstring.
    """
    return measure(con, template_definitions(con), region=region, year=year, start=start, stars=stars, weights=weights)


def score(candidates: pd.DataFrame, weights: ScoreWeights = ScoreWeights()) -> pd.DataFrame:
    """``candidates`` with the score components ``s_*`` (0–1), ``score`` (0–100) and ``rank`` (1 =
    best), sorted by score. Cheap: no store access (the weights panel calls it on every change).

    score = 100 × Σ_k w_k s_k ÷ Σ_k w_k over the components k with a value (a missing component drops
    out and the others are re-weighted); NaN when no weighted component has a value.
    """
    out = candidates.copy()
    components = {
        "size": out["pct_size"],
        "specialisation": out["pct_specialisation"],
        "growth": out["pct_growth"],
        "completeness": out["completeness"],
        "cooperation": out["cooperation"],
    }
    w = weights.as_dict()
    numerator = pd.Series(0.0, index=out.index)
    denominator = pd.Series(0.0, index=out.index)
    for name, values in components.items():
        values = pd.to_numeric(values, errors="coerce").astype("float64")
        out[f"s_{name}"] = values
        known = values.notna()
        numerator += np.where(known, w[name] * values.fillna(0.0), 0.0)
        denominator += np.where(known, w[name], 0.0)
    out["score"] = 100.0 * numerator / denominator.where(denominator > 0)
    out = out.sort_values(["score", "cluster_id"], ascending=[False, True], na_position="last")
    out["rank"] = np.arange(1, len(out) + 1)
    return out.reset_index(drop=True)


# --------------------------------------------------------------------------------------------------
# Gaps
# --------------------------------------------------------------------------------------------------


def gaps(
    con: duckdb.DuckDBPyConnection,
    cluster_id: str,
    *,
    region: str,
    year: int,
    codes: tuple[str, ...] | None = None,
    elsewhere: int = 3,
) -> pd.DataFrame:
    """Missing links of a candidate: the template's supplier codes (all codes of a discovered
    community) that are absent or weak in the region, to attract or localise.

    Columns: ``okved``, ``name_ru``, ``name_en``, ``weight`` (in the template), ``firms`` (enterprises
    of the region within the code), ``stat_employees`` (region, persons), ``lq`` (vs Russia),
    ``density`` (relatedness density ω of the code for the region, 0–1: how much of what is related to
    it the region already has — :func:`analytics.metrics.complexity.economic_complexity`), ``status``
    (``absent``: no firm and no employment in the statistics; ``weak``: LQ < 1 or no firm), and
    ``elsewhere``: up to ``elsewhere`` of the largest industrial enterprises of other regions within the
    code, as tuples (inn, name_ru, name_en, region_code, region_ru, region_en, employees).
    Ranked by weight (descending), then density (descending).
    """
    from analytics.metrics import complexity
    from analytics.queries import sectors as sector_queries

    defs = _definition(con, cluster_id, codes)
    wanted = defs if codes else defs[defs["role"] == "supplier"]
    wanted = wanted.drop_duplicates("okved").reset_index(drop=True)
    columns = [
        "okved",
        "name_ru",
        "name_en",
        "weight",
        "firms",
        "stat_employees",
        "lq",
        "density",
        "status",
        "elsewhere",
    ]
    if wanted.empty:
        return pd.DataFrame(columns=columns)
    names = query(con, "SELECT code AS okved, name_ru, name_en FROM sectors")
    with con.cursor() as cur:
        cur.register("_codes", wanted[["okved"]])
        firms = cur.execute(
            sql(
                "WITH keys AS (SELECT inn, {ancestors} AS code FROM enterprises WHERE region_code = ?) "
                "SELECT c.okved, count(DISTINCT k.inn) AS firms FROM _codes c LEFT JOIN keys k ON k.code = c.okved "
                "GROUP BY c.okved",
                ancestors=_ANCESTORS_SQL,
            ),
            [region],
        ).df()
        others = cur.execute(
            sql(
                """
            WITH cand AS (
                SELECT e.inn, e.name_ru, e.name_en, e.region_code, {ancestors} AS code
                FROM enterprises e
                WHERE e.region_code <> ? AND e.kind = 'industrial'
                  AND left(e.okved, 2) IN (SELECT DISTINCT left(okved, 2) FROM _codes)
            ),
            hits AS (
                SELECT c.okved, d.inn, d.name_ru, d.name_en, d.region_code, ey.employees,
                       row_number() OVER (PARTITION BY c.okved ORDER BY ey.employees DESC NULLS LAST, d.inn) AS rk
                FROM _codes c JOIN cand d ON d.code = c.okved
                LEFT JOIN enterprise_years ey ON ey.inn = d.inn AND ey.year = ?
            )
            SELECT h.okved, h.inn, h.name_ru, h.name_en, h.region_code, r.name_ru AS region_ru,
                   r.name_en AS region_en, h.employees
            FROM hits h LEFT JOIN regions r ON r.code = h.region_code WHERE h.rk <= ? ORDER BY h.okved, h.rk
            """,
                ancestors=_ANCESTORS_SQL,
            ),
            [region, year, elsewhere],
        ).df()
        cur.unregister("_codes")
    panel = sector_queries.sector_panel(con, "class")
    cross = panel[panel["year"] == year]
    if cross.empty:
        table = pd.DataFrame(columns=["sector", "employees", "rca", "density"])
    else:
        import warnings

        with warnings.catch_warnings():
            warnings.simplefilter("ignore", spec.DataWarning)
            table = complexity.economic_complexity(cross, region="region", sector="sector", value="employees")
        table = table[table["region"] == region]
    stat = _stat_codes(con, wanted.assign(cluster_id=cluster_id))
    stat = stat.merge(table[["sector", "employees", "rca", "density"]], left_on="okved", right_on="sector", how="left")
    per_code = stat.groupby("code").agg(
        stat_employees=("employees", "sum"), lq=("rca", "max"), density=("density", "mean")
    )
    out = wanted[["okved", "weight"]].merge(names, on="okved", how="left").merge(firms, on="okved", how="left")
    out = out.join(per_code, on="okved")
    out["firms"] = out["firms"].fillna(0).astype("int64")
    none_here = (out["firms"] == 0) & ~(out["stat_employees"] > 0)
    weak = (out["lq"] < 1) | (out["firms"] == 0)
    out["status"] = np.where(none_here, "absent", np.where(weak, "weak", "present"))
    rows = {
        code: tuple(
            part[["inn", "name_ru", "name_en", "region_code", "region_ru", "region_en", "employees"]].itertuples(
                index=False, name=None
            )
        )
        for code, part in others.groupby("okved")
    }
    out["elsewhere"] = [rows.get(code, ()) for code in out["okved"]]
    out = out[out["status"] != "present"]
    out = out.sort_values(["weight", "density", "okved"], ascending=[False, False, True], na_position="last")
    return out[columns].reset_index(drop=True)


# --------------------------------------------------------------------------------------------------
# Municipalities and boundaries for the map and the registry form
# --------------------------------------------------------------------------------------------------


def region_municipalities(con: duckdb.DuckDBPyConnection, region: str) -> pd.DataFrame:
    """The region's municipalities: ``oktmo``, ``name_ru``, ``name_en`` (Russian order)."""
    return query(
        con,
        "SELECT oktmo, name_ru, coalesce(name_en, name_ru) AS name_en FROM municipalities "
        "WHERE region_code = ? ORDER BY name_ru COLLATE ru, oktmo",
        [region],
    )


def _has_boundaries(con) -> bool:
    found = query(con, "SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 'boundaries'")
    return bool(int(found["n"].iat[0]))


def region_outline(con: duckdb.DuckDBPyConnection, region: str) -> dict | None:
    """The region's own boundary (level ``region``) as a one-feature FeatureCollection (``id`` = code),
    when loaded on the Data page; ``None`` otherwise. The map draws it under the municipalities."""
    import json

    if not _has_boundaries(con):
        return None
    frame = query(con, "SELECT code, geometry FROM boundaries WHERE level = 'region' AND code = ?", [region])
    if frame.empty:
        return None
    return {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "id": region,
                "properties": {"code": region},
                "geometry": json.loads(frame["geometry"].iat[0]),
            }
        ],
    }


def municipal_boundaries(con: duckdb.DuckDBPyConnection, region: str) -> dict | None:
    """The region's municipal boundaries as a GeoJSON FeatureCollection (``id`` = OKTMO), when an
    analyst has loaded them on the Data page (table ``boundaries``, level ``municipality``); ``None``
    otherwise — the map then draws municipalities as bubbles at their admin centres."""
    import json

    if not _has_boundaries(con):
        return None
    frame = query(
        con,
        "SELECT b.code, b.geometry FROM boundaries b JOIN municipalities m ON m.oktmo = b.code "
        "WHERE b.level = 'municipality' AND m.region_code = ? ORDER BY b.code",
        [region],
    )
    if frame.empty:
        return None
    features = [
        {"type": "Feature", "id": code, "properties": {"oktmo": code}, "geometry": json.loads(geometry)}
        for code, geometry in zip(frame["code"], frame["geometry"])
    ]
    return {"type": "FeatureCollection", "features": features}
