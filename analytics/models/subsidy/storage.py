"""Saved scenarios and regimes in the store (``scenarios``, ``programme_regimes``)."""

from __future__ import annotations

import json
import math
from datetime import date

import duckdb
import pandas as pd

from analytics.models.subsidy.parameters import ParameterError
from analytics.models.subsidy.regimes import BUILTIN_REGIMES, ProgrammeRegime
from analytics.models.subsidy.scenario import Scenario
from analytics.store import query, sql, transaction


def _check_name(name: object) -> str:
    if not isinstance(name, str) or not name.strip():
        raise ParameterError("name", name, (1, 100), "empty")
    if len(name.strip()) > 100:
        raise ParameterError("name", name, (1, 100))
    return name.strip()


def save_scenario(
    con: duckdb.DuckDBPyConnection, name: str, scenario: Scenario, *, note: str | None = None, user_name: str = "system"
) -> None:
    """Store ``scenario`` under ``name`` (replacing one of the same name; ``created_at`` is kept)."""
    name = _check_name(name)
    params = json.dumps(scenario.to_query_params(), sort_keys=True, ensure_ascii=False)
    with con.cursor() as cur:
        cur.execute(
            sql(
                "INSERT INTO scenarios (name, params, regime_id, note, user_name) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT (name) DO UPDATE SET params = excluded.params, regime_id = excluded.regime_id, "
                "note = excluded.note, user_name = excluded.user_name, updated_at = now()"
            ),
            [name, params, scenario.regime.regime_id, note, user_name],
        )


def list_scenarios(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Saved scenarios: ``name, regime_id, note, user_name, created_at, updated_at`` by name."""
    return query(
        con, sql("SELECT name, regime_id, note, user_name, created_at, updated_at FROM scenarios ORDER BY name")
    )


def load_scenario(con: duckdb.DuckDBPyConnection, name: str) -> Scenario:
    """The saved scenario ``name`` (KeyError when there is none), parsed and checked like a URL."""
    rows = query(con, sql("SELECT params FROM scenarios WHERE name = ?"), [_check_name(name)])
    if rows.empty:
        raise KeyError(name)
    params = json.loads(rows["params"].iloc[0])
    if not isinstance(params, dict):
        raise ValueError(f"scenario {name!r}: stored parameters are not a mapping")
    return Scenario.from_query_params(params)


def delete_scenario(con: duckdb.DuckDBPyConnection, name: str) -> bool:
    """Delete a saved scenario; True when there was one."""
    name = _check_name(name)
    with con.cursor() as cur, transaction(cur):
        found = cur.execute(sql("SELECT count(*) FROM scenarios WHERE name = ?"), [name]).fetchall()[0][0]
        cur.execute(sql("DELETE FROM scenarios WHERE name = ?"), [name])
    return bool(found)


def save_regime(con: duckdb.DuckDBPyConnection, regime: ProgrammeRegime, *, user_name: str = "system") -> None:
    """Store an edited or new regime (an edited built-in regime overrides the law's defaults)."""
    with con.cursor() as cur:
        cur.execute(
            sql(
                "INSERT OR REPLACE INTO programme_regimes (regime_id, name_ru, name_en, max_share, eligible_categories, "
                "eligible_stages, costs_from, costs_to, cap_mln_rub, cap_basis, min_participants, supplier_in_cluster, "
                "in_force_from, in_force_to, source, to_verify, user_name, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, current_timestamp)"
            ),
            [
                regime.regime_id,
                regime.name_ru,
                regime.name_en,
                regime.max_share,
                list(regime.eligible_categories),
                list(regime.eligible_stages),
                regime.costs_from,
                regime.costs_to,
                regime.cap_mln_rub,
                regime.cap_basis,
                regime.min_participants,
                regime.supplier_in_cluster,
                regime.in_force_from,
                regime.in_force_to,
                regime.source or "edited",
                list(regime.to_verify),
                user_name,
            ],
        )


def _date_or_none(value: object) -> date | None:
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NaT:
        return None
    if isinstance(value, pd.Timestamp):
        return value.date()
    return value  # type: ignore[return-value]


def list_regimes(con: duckdb.DuckDBPyConnection | None = None) -> dict[str, ProgrammeRegime]:
    """Built-in regimes, overridden or extended by the stored ones, by id (built-ins first)."""
    out = dict(BUILTIN_REGIMES)
    if con is None:
        return out
    with con.cursor() as cur:
        rows = cur.execute(
            sql(
                "SELECT regime_id, name_ru, name_en, max_share, eligible_categories, eligible_stages, costs_from, "
                "costs_to, cap_mln_rub, cap_basis, min_participants, supplier_in_cluster, in_force_from, in_force_to, "
                "source, to_verify FROM programme_regimes ORDER BY regime_id"
            )
        ).fetchall()
    for (
        rid,
        name_ru,
        name_en,
        share,
        cats,
        stages,
        c_from,
        c_to,
        cap,
        basis,
        minp,
        supplier,
        f_from,
        f_to,
        source,
        to_verify,
    ) in rows:
        out[rid] = ProgrammeRegime(
            regime_id=rid,
            name_ru=name_ru,
            name_en=name_en,
            max_share=share,
            eligible_categories=tuple(cats),
            eligible_stages=tuple(stages),
            costs_from=_date_or_none(c_from),
            costs_to=_date_or_none(c_to),
            cap_mln_rub=cap,
            cap_basis=basis,
            min_participants=minp,
            supplier_in_cluster=bool(supplier),
            in_force_from=_date_or_none(f_from),
            in_force_to=_date_or_none(f_to),
            source=source,
            to_verify=tuple(to_verify or ()),
        )
    return out


def delete_regime(con: duckdb.DuckDBPyConnection, regime_id: str) -> bool:
    """Delete a stored regime (a built-in one falls back to the law's values); True when there was one."""
    with con.cursor() as cur, transaction(cur):
        found = cur.execute(sql("SELECT count(*) FROM programme_regimes WHERE regime_id = ?"), [regime_id]).fetchall()[
            0
        ][0]
        cur.execute(sql("DELETE FROM programme_regimes WHERE regime_id = ?"), [regime_id])
    return bool(found)
