"""What the registry roadmap and the application pack read beyond the members table: registration
details and data status of participants, and the status of the supply links among them."""

from __future__ import annotations

import duckdb
import pandas as pd


def participant_details(con: duckdb.DuckDBPyConnection, inns: list[str], year: int) -> pd.DataFrame:
    """One row per INN in ``inns``: ``inn``, ``ogrn`` (None when not loaded), ``data_status`` (of the
    enterprise row), ``year_status`` (of its ``enterprise_years`` row of ``year``; None when absent)."""
    frame = pd.DataFrame({"inn": pd.Series(list(dict.fromkeys(inns)), dtype="str")})
    with con.cursor() as cur:
        cur.register("_inns", frame)
        return cur.execute(
            "SELECT i.inn, e.ogrn, e.data_status, y.data_status AS year_status FROM _inns i "
            "JOIN enterprises e ON e.inn = i.inn "
            "LEFT JOIN enterprise_years y ON y.inn = i.inn AND y.year = ? ORDER BY i.inn",
            [year],
        ).df()


def link_statuses(con: duckdb.DuckDBPyConnection, inns: list[str], year: int) -> pd.DataFrame:
    """Supply links of ``year`` among ``inns`` with their ``data_status``: ``supplier_inn``,
    ``buyer_inn``, ``value_mln_rub``, ``data_status``."""
    frame = pd.DataFrame({"inn": pd.Series(list(dict.fromkeys(inns)), dtype="str")})
    with con.cursor() as cur:
        cur.register("_inns", frame)
        return cur.execute(
            "SELECT l.supplier_inn, l.buyer_inn, l.value_mln_rub, l.data_status FROM supply_links l "
            "JOIN _inns s ON s.inn = l.supplier_inn JOIN _inns b ON b.inn = l.buyer_inn "
            "WHERE l.year = ? ORDER BY l.supplier_inn, l.buyer_inn",
            [year],
        ).df()
