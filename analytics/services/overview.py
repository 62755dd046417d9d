"""Region at a glance: headline figures, enterprises by cluster and by municipality.

Sources: ``enterprises`` + ``enterprise_years`` (the firms loaded for the region) and
``region_sector_years`` (official-style employment by OKVED division for every region, the benchmark).
Units: persons (average headcount), millions of roubles (current prices), shares 0–1.

Cluster assignment for the overview (one cluster per enterprise, so that parts sum to the whole):
the enterprise's ``cluster_hint`` when it names a template cluster; otherwise the template whose
OKVED code equals the enterprise's code or is a prefix of it (``29.32`` covers ``29.32.3``),
preferring the role core > supplier > service, then the cluster id; otherwise ``other``.
The Clusters page measures candidates with overlapping membership instead.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import pandas as pd

from analytics.store import query

MANUFACTURING_SECTION = "C"
OTHER = "other"


@dataclass(frozen=True)
class RegionOverview:
    """Headline figures of one region in one year."""

    region_code: str
    year: int
    enterprises: int  #: enterprises loaded for the region (all kinds)
    industrial_enterprises: int  #: of which industrial
    sme: int  #: of which small and medium
    employees: float  #: headcount of the loaded enterprises, persons
    revenue_mln_rub: float  #: revenue of the loaded enterprises, mln ₽
    manufacturing_employees: float  #: region's manufacturing (section C divisions) employment, persons
    russia_manufacturing_employees: float  #: the same, all regions in the store
    share_of_russia: float  #: manufacturing_employees / russia_manufacturing_employees (0–1)
    previous_manufacturing_employees: float  #: the region's manufacturing employment a year earlier

    @property
    def manufacturing_change(self) -> float:
        """Change of manufacturing employment against the previous year, persons (NaN without one)."""
        if not self.previous_manufacturing_employees:
            return float("nan")
        return self.manufacturing_employees - self.previous_manufacturing_employees


def regions(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """All regions: ``code``, ``name_ru``, ``name_en``, ``federal_district``; Russian sort order."""
    return query(
        con,
        "SELECT code, name_ru, name_en, federal_district FROM regions ORDER BY name_ru COLLATE ru, code",
    )


def years(con: duckdb.DuckDBPyConnection, region_code: str | None = None) -> list[int]:
    """Years with data: enterprise figures for the region, else the sector benchmark."""
    frame = query(
        con,
        "SELECT DISTINCT ey.year FROM enterprise_years ey JOIN enterprises e USING (inn) "
        "WHERE ? IS NULL OR e.region_code = ? ORDER BY 1",
        [region_code, region_code],
    )
    if frame.empty:
        frame = query(con, "SELECT DISTINCT year FROM region_sector_years ORDER BY 1")
    return [int(y) for y in frame.iloc[:, 0]]


def _manufacturing_employment(con: duckdb.DuckDBPyConnection, year: int) -> pd.DataFrame:
    return query(
        con,
        "SELECT r.region_code, sum(r.employees) AS employees FROM region_sector_years r "
        "JOIN sectors s ON s.code = r.okved "
        "WHERE s.level = 'division' AND s.section = ? AND r.year = ? GROUP BY r.region_code",
        [MANUFACTURING_SECTION, year],
    )


def region_overview(con: duckdb.DuckDBPyConnection, region_code: str, year: int) -> RegionOverview:
    """Headline figures for ``region_code`` in ``year`` (zeros where nothing is loaded)."""
    firms = query(
        con,
        "SELECT count(*) AS n, count(*) FILTER (WHERE kind = 'industrial') AS industrial, "
        "count(*) FILTER (WHERE is_sme) AS sme FROM enterprises WHERE region_code = ?",
        [region_code],
    ).iloc[0]
    figures = query(
        con,
        "SELECT coalesce(sum(ey.employees), 0) AS employees, coalesce(sum(ey.revenue_mln_rub), 0) AS revenue "
        "FROM enterprise_years ey JOIN enterprises e USING (inn) WHERE e.region_code = ? AND ey.year = ?",
        [region_code, year],
    ).iloc[0]
    now = _manufacturing_employment(con, year)
    before = _manufacturing_employment(con, year - 1)
    mine = float(now.loc[now.region_code == region_code, "employees"].sum())
    russia = float(now["employees"].sum())
    return RegionOverview(
        region_code=region_code,
        year=year,
        enterprises=int(firms["n"]),
        industrial_enterprises=int(firms["industrial"]),
        sme=int(firms["sme"]),
        employees=float(figures["employees"]),
        revenue_mln_rub=float(figures["revenue"]),
        manufacturing_employees=mine,
        russia_manufacturing_employees=russia,
        share_of_russia=mine / russia if russia > 0 else float("nan"),
        previous_manufacturing_employees=float(before.loc[before.region_code == region_code, "employees"].sum()),
    )


def enterprise_clusters(con: duckdb.DuckDBPyConnection, region_code: str) -> pd.DataFrame:
    """One row per enterprise of the region: ``inn``, ``cluster_id`` (template id or ``other``)."""
    return query(
        con,
        """
        WITH firms AS (SELECT inn, okved, cluster_hint FROM enterprises WHERE region_code = ?),
        clusters AS (SELECT DISTINCT cluster_id FROM cluster_templates),
        by_code AS (
            SELECT f.inn, t.cluster_id,
                   row_number() OVER (
                       PARTITION BY f.inn
                       ORDER BY CASE t.role WHEN 'core' THEN 0 WHEN 'supplier' THEN 1 ELSE 2 END,
                                length(t.okved) DESC, t.cluster_id) AS rank
            FROM firms f JOIN cluster_templates t
              ON f.okved = t.okved OR starts_with(f.okved, t.okved || '.')
        )
        SELECT f.inn,
               coalesce(c.cluster_id, b.cluster_id, ?) AS cluster_id
        FROM firms f
        LEFT JOIN clusters c ON c.cluster_id = f.cluster_hint
        LEFT JOIN by_code b ON b.inn = f.inn AND b.rank = 1
        ORDER BY f.inn
        """,
        [region_code, OTHER],
    )


def by_cluster(con: duckdb.DuckDBPyConnection, region_code: str, year: int) -> pd.DataFrame:
    """Enterprises, employees and revenue of the region by cluster template (plus ``other``).

    Columns: ``cluster_id``, ``name_ru``, ``name_en``, ``enterprises``, ``employees``,
    ``revenue_mln_rub``; sorted by employees, descending, ``other`` last (its names are NULL: the UI
    labels it). Rows sum to the region's totals in :func:`region_overview`.
    """
    assignment = enterprise_clusters(con, region_code)
    with con.cursor() as cur:
        cur.register("_assignment", assignment)
        frame = cur.execute(
            """
            WITH names AS (
                SELECT cluster_id, any_value(cluster_name_ru) AS name_ru, any_value(cluster_name_en) AS name_en
                FROM cluster_templates GROUP BY cluster_id
            )
            SELECT a.cluster_id,
                   n.name_ru, n.name_en,
                   count(*) AS enterprises,
                   coalesce(sum(ey.employees), 0) AS employees,
                   coalesce(sum(ey.revenue_mln_rub), 0) AS revenue_mln_rub
            FROM _assignment a
            LEFT JOIN enterprise_years ey ON ey.inn = a.inn AND ey.year = ?
            LEFT JOIN names n ON n.cluster_id = a.cluster_id
            GROUP BY a.cluster_id, n.name_ru, n.name_en
            ORDER BY a.cluster_id = ?, employees DESC, a.cluster_id
            """,
            [year, OTHER],
        ).df()
        cur.unregister("_assignment")
    frame["employees"] = frame["employees"].astype(float)
    return frame


def by_municipality(con: duckdb.DuckDBPyConnection, region_code: str, year: int) -> pd.DataFrame:
    """Enterprises, employees and revenue by municipality of the region.

    Columns: ``oktmo``, ``name_ru``, ``name_en``, ``lat``, ``lon``, ``enterprises``, ``employees``,
    ``revenue_mln_rub``; municipalities without enterprises are included with zeros. Enterprises
    whose OKTMO is unknown or not in ``municipalities`` form a row with NULL names (the UI labels it).
    """
    frame = query(
        con,
        """
        WITH figures AS (
            SELECT e.oktmo, count(*) AS enterprises,
                   coalesce(sum(ey.employees), 0) AS employees,
                   coalesce(sum(ey.revenue_mln_rub), 0) AS revenue_mln_rub
            FROM enterprises e LEFT JOIN enterprise_years ey ON ey.inn = e.inn AND ey.year = ?
            WHERE e.region_code = ? GROUP BY e.oktmo
        )
        SELECT coalesce(m.oktmo, f.oktmo) AS oktmo,
               m.name_ru, m.name_en,
               m.lat, m.lon,
               coalesce(f.enterprises, 0) AS enterprises,
               coalesce(f.employees, 0) AS employees,
               coalesce(f.revenue_mln_rub, 0) AS revenue_mln_rub
        FROM (SELECT * FROM municipalities WHERE region_code = ?) m
        FULL OUTER JOIN figures f ON f.oktmo = m.oktmo
        ORDER BY employees DESC, name_ru
        """,
        [year, region_code, region_code],
    )
    frame["employees"] = frame["employees"].astype(float)
    return frame


def manufacturing_trend(con: duckdb.DuckDBPyConnection, region_code: str) -> pd.DataFrame:
    """Manufacturing employment by year for the region and Russia, with indices (first year = 100).

    Columns: ``year``, ``region_employees``, ``russia_employees``, ``region_index``, ``russia_index``.
    """
    frame = query(
        con,
        """
        SELECT r.year,
               sum(r.employees) FILTER (WHERE r.region_code = ?) AS region_employees,
               sum(r.employees) AS russia_employees
        FROM region_sector_years r JOIN sectors s ON s.code = r.okved
        WHERE s.level = 'division' AND s.section = ?
        GROUP BY r.year ORDER BY r.year
        """,
        [region_code, MANUFACTURING_SECTION],
    )
    if frame.empty:
        frame["region_index"] = []
        frame["russia_index"] = []
        return frame
    frame["region_index"] = 100 * frame["region_employees"] / frame["region_employees"].iloc[0]
    frame["russia_index"] = 100 * frame["russia_employees"] / frame["russia_employees"].iloc[0]
    return frame


@dataclass(frozen=True)
class Finding:
    """One main finding of the region in numbers: ``code`` names its sentence (the UI's catalog key
    ``home.finding.<code>``), ``values`` holds what the sentence needs, raw: shares 0–1, ratios, years,
    OKVED codes, cluster ids and names in both languages (``*_ru`` / ``*_en``). The UI formats and words it."""

    code: str
    values: dict[str, object]


def findings(con: duckdb.DuckDBPyConnection, region_code: str, year: int) -> list[Finding]:
    """Up to four main findings of ``region_code`` in ``year``, in this order:

    - ``backbone``: the two largest clusters by the employees of the loaded enterprises and their share
      of those employees (Σ of the two ÷ Σ of all, 0–1) — :func:`by_cluster`;
    - ``specialisation``: the manufacturing division with the highest LQ against Russia in ``year`` and
      the number of "star" divisions (LQ ≥ 1 and rising since the first year with sector data) —
      :func:`analytics.services.sector_portfolio.region_portfolio`;
    - ``trend_up`` / ``trend_down``: manufacturing employment from the first year to ``year``, region
      and Russia, as changes (share, 0.05 = +5 %) — :func:`manufacturing_trend`;
    - ``registry_none`` / ``registry_pass``: how many cluster candidates meet Decree No. 779 and, when
      none does, the one closest to the functional-dependence threshold — :func:`analytics.models.registry.verdicts`.

    A finding whose data is missing is left out."""
    from analytics.models import registry
    from analytics.services import sector_portfolio

    found: list[Finding] = []
    clusters = by_cluster(con, region_code, year)
    named = clusters[clusters["cluster_id"] != OTHER].head(2)
    total = float(clusters["employees"].sum())
    if len(named) and total > 0:
        found.append(
            Finding(
                "backbone",
                {
                    "names_ru": tuple(named["name_ru"]),
                    "names_en": tuple(named["name_en"]),
                    "share": float(named["employees"].sum()) / total,
                },
            )
        )
    available = sector_portfolio.years_available(con)
    if year in available and available[0] < year:
        portfolio = sector_portfolio.region_portfolio(con, region_code, available[0], year).dropna(subset=["lq"])
        if len(portfolio):
            top = portfolio.sort_values("lq", ascending=False).iloc[0]
            found.append(
                Finding(
                    "specialisation",
                    {
                        "sector": str(top["sector"]),
                        "name_ru": top["name_ru"],
                        "name_en": top["name_en"],
                        "lq": float(top["lq"]),
                        "stars": int((portfolio["quadrant"] == "Star").sum()),
                    },
                )
            )
    trend = manufacturing_trend(con, region_code)
    trend = trend[trend["year"] <= year].dropna(subset=["region_employees"])
    if len(trend) >= 2 and trend["region_employees"].iloc[0] > 0:
        region = trend["region_index"].iloc[-1] / 100 - 1
        russia = trend["russia_index"].iloc[-1] / 100 - 1
        found.append(
            Finding(
                "trend_up" if region >= 0 else "trend_down",
                {
                    "first": int(trend["year"].iloc[0]),
                    "last": int(trend["year"].iloc[-1]),
                    "region": float(region),
                    "russia": float(russia),
                },
            )
        )
    verdicts = registry.verdicts(con, region_code, year)
    if len(verdicts):
        passing = verdicts[verdicts["verdict"] == "pass"]
        names = query(
            con,
            "SELECT cluster_id, any_value(cluster_name_ru) AS name_ru, "
            "any_value(cluster_name_en) AS name_en FROM cluster_templates GROUP BY cluster_id",
        )
        table = verdicts.merge(names, on="cluster_id", how="left")
        if len(passing):
            shown = table[table["verdict"] == "pass"]
            found.append(
                Finding(
                    "registry_pass",
                    {
                        "passing": len(passing),
                        "candidates": len(verdicts),
                        "names_ru": tuple(shown["name_ru"]),
                        "names_en": tuple(shown["name_en"]),
                    },
                )
            )
        elif table["dependence"].notna().any():
            closest = table.dropna(subset=["dependence"]).sort_values("dependence", ascending=False).iloc[0]
            found.append(
                Finding(
                    "registry_none",
                    {
                        "candidates": len(verdicts),
                        "name_ru": closest["name_ru"],
                        "name_en": closest["name_en"],
                        "dependence": float(closest["dependence"]),
                        "threshold": float(closest["threshold"]),
                    },
                )
            )
    return found
