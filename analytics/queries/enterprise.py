"""One enterprise from the store: its identity, yearly figures, supply links, joint projects; and the
search behind the Enterprise page (INN prefix or a name fragment in Russian or English)."""

from __future__ import annotations

import duckdb
import pandas as pd

from analytics.store import query


def identity(con: duckdb.DuckDBPyConnection, inn: str) -> pd.DataFrame:
    """The ``enterprises`` row of ``inn`` (zero or one row) with the names of its OKVED code, region
    and municipality: ``inn``, ``ogrn``, ``name_ru``, ``name_en``, ``okved``, ``okved_name_ru`` /
    ``_en``, ``region_code``, ``region_name_ru`` / ``_en``, ``oktmo``, ``municipality_ru`` / ``_en``,
    ``is_sme``, ``kind``, ``founded``, ``cluster_hint``, ``data_status``, ``source``."""
    return query(
        con,
        """
        SELECT e.inn, e.ogrn, e.name_ru, e.name_en, e.okved, s.name_ru AS okved_name_ru,
               coalesce(s.name_en, s.name_ru) AS okved_name_en, e.region_code,
               r.name_ru AS region_name_ru, r.name_en AS region_name_en, e.oktmo,
               m.name_ru AS municipality_ru, m.name_en AS municipality_en, e.is_sme, e.kind, e.founded,
               e.cluster_hint, e.data_status, e.source
        FROM enterprises e
        LEFT JOIN sectors s ON s.code = e.okved
        LEFT JOIN regions r ON r.code = e.region_code
        LEFT JOIN municipalities m ON m.oktmo = e.oktmo
        WHERE e.inn = ?""",
        [inn],
    )


def years(con: duckdb.DuckDBPyConnection, inn: str) -> pd.DataFrame:
    """``enterprise_years`` of ``inn``, oldest first: ``year``, ``employees`` (persons),
    ``revenue_mln_rub``, ``purchases_mln_rub``, ``exports_mln_rub``, ``investment_mln_rub`` (mln ₽),
    ``data_status``."""
    return query(
        con,
        """
        SELECT year, CAST(employees AS DOUBLE) AS employees, revenue_mln_rub, purchases_mln_rub,
               exports_mln_rub, investment_mln_rub, data_status
        FROM enterprise_years WHERE inn = ? ORDER BY year""",
        [inn],
    )


def link_years(con: duckdb.DuckDBPyConnection, inn: str) -> list[int]:
    """Years in which ``inn`` has a supply link in either direction, oldest first."""
    return query(
        con, "SELECT DISTINCT year FROM supply_links WHERE supplier_inn = ? OR buyer_inn = ? ORDER BY year", [inn, inn]
    )["year"].tolist()


def partners(con: duckdb.DuckDBPyConnection, inn: str, year: int) -> pd.DataFrame:
    """Supply links of ``inn`` in ``year``, both directions, largest first: ``direction``
    (``supplier``: the partner sells to ``inn``; ``buyer``: the partner buys from it), ``inn`` of the
    partner, ``name_ru``, ``name_en`` (the INN when the partner is not in ``enterprises``),
    ``region_code``, ``value_mln_rub`` (mln ₽), ``data_status``."""
    return query(
        con,
        """
        WITH l AS (
            SELECT 'supplier' AS direction, supplier_inn AS inn, value_mln_rub, data_status
            FROM supply_links WHERE buyer_inn = ? AND year = ?
            UNION ALL
            SELECT 'buyer' AS direction, buyer_inn AS inn, value_mln_rub, data_status
            FROM supply_links WHERE supplier_inn = ? AND year = ?
        )
        SELECT l.direction, l.inn, coalesce(e.name_ru, l.inn) AS name_ru,
               coalesce(e.name_en, e.name_ru, l.inn) AS name_en, e.region_code, l.value_mln_rub, l.data_status
        FROM l LEFT JOIN enterprises e ON e.inn = l.inn
        ORDER BY l.direction DESC, l.value_mln_rub DESC, l.inn""",
        [inn, year, inn, year],
    )


def projects(con: duckdb.DuckDBPyConnection, inn: str) -> pd.DataFrame:
    """Joint projects ``inn`` takes part in: ``project_id``, ``name_ru``, ``name_en``, ``cluster_id``,
    ``role`` (``initiator`` / ``participant``), ``stage``, ``start_year``, ``jobs``, ``participants``
    (count)."""
    return query(
        con,
        """
        SELECT p.project_id, p.name_ru, coalesce(p.name_en, p.name_ru) AS name_en, p.cluster_id,
               CASE WHEN p.initiator_inn = ? THEN 'initiator' ELSE coalesce(mine.role, 'participant') END AS role,
               p.stage, p.start_year, p.jobs,
               (SELECT count(*) FROM project_participants c WHERE c.project_id = p.project_id) AS participants
        FROM projects p
        LEFT JOIN project_participants mine ON mine.project_id = p.project_id AND mine.inn = ?
        WHERE p.initiator_inn = ? OR mine.inn IS NOT NULL
        ORDER BY p.start_year, p.project_id""",
        [inn, inn, inn],
    )


def search(con: duckdb.DuckDBPyConnection, text: str, limit: int = 20) -> pd.DataFrame:
    """Enterprises whose INN starts with ``text`` (digits) or whose Russian or English name contains
    it (case-insensitive; ``text`` must come lower-cased with "ё" written "е", as the Russian names are
    folded the same way: "ё" is written "е" as often as not). INN matches first, then
    by name. Columns: ``inn``, ``name_ru``, ``name_en``, ``okved``, ``region_code``, ``data_status``."""
    return query(
        con,
        """
        SELECT e.inn, e.name_ru, e.name_en, e.okved, e.region_code, e.data_status
        FROM enterprises e
        WHERE starts_with(e.inn, ?) OR contains(replace(lower(e.name_ru), 'ё', 'е'), ?) OR contains(lower(coalesce(e.name_en, '')), ?)
        ORDER BY NOT starts_with(e.inn, ?), e.name_ru COLLATE ru, e.inn
        LIMIT ?""",
        [text, text, text, text, limit],
    )
