"""Taxes paid by a cluster's members: the sum by budget level of what the FNS says they paid.

The figures are ``enterprise_years.taxes_<level>_mln_rub`` of the members in the year, filled by an
FNS PAYTAX load (:mod:`analytics.data.fns_load`; each tax name's level is in
:mod:`analytics.data.fns_taxes`). A member without a PAYTAX figure for the year is counted apart,
never as a zero.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import duckdb
import numpy as np
import pandas as pd

from analytics.data import fns_load
from analytics.models import clusters
from analytics.store import schema

__all__ = ["MemberTaxes", "member_taxes", "taxes_by_level"]

LEVELS: tuple[str, ...] = schema.TAX_BUDGET_LEVELS
COLUMNS: tuple[str, ...] = tuple(f"taxes_{level}_mln_rub" for level in LEVELS)


@dataclass
class MemberTaxes:
    """``table``: one row per budget level in :data:`LEVELS` order, then ``total``; columns ``level``,
    ``paid_mln_rub`` (mln ₽, Σ over the members with figures) and ``share`` (of the total, 0–1).
    ``members``: the candidate's members; ``with_figures``: those with a PAYTAX figure for ``year``;
    ``sources``: the distinct sources of those figures (the FNS dataset and its date)."""

    table: pd.DataFrame
    members: int
    with_figures: int
    year: int
    sources: list[str] = field(default_factory=list)

    @property
    def loaded(self) -> bool:
        return self.with_figures > 0


def taxes_by_level(members: pd.DataFrame) -> pd.DataFrame:
    """Σ_members taxes_<level>_mln_rub per budget level, and the total (mln ₽); share = level ÷ total.

    Members whose every level is empty (no PAYTAX figure) are left out of the sums. Pure: a frame in,
    a frame out.
    """
    figures = members.reindex(columns=list(COLUMNS)).astype("float64")
    paid = figures.sum(axis=0, min_count=0).to_numpy(dtype="float64")  # empty cells add nothing
    total = float(paid.sum())
    table = pd.DataFrame({"level": [*LEVELS, "total"], "paid_mln_rub": [*paid, total]})
    table["share"] = table["paid_mln_rub"] / total if total > 0 else np.nan
    return table


def member_taxes(
    con: duckdb.DuckDBPyConnection, cluster_id: str, *, region: str, year: int, codes: tuple[str, ...] | None = None
) -> MemberTaxes:
    """Taxes paid in ``year`` by the members of one candidate (a template, or a discovered community
    given by ``codes``), by budget level; see :func:`taxes_by_level` and :class:`MemberTaxes`."""
    members = clusters.members(con, cluster_id, region=region, year=year, codes=codes)
    figures = members.reindex(columns=list(COLUMNS))
    has = figures.notna().any(axis=1)
    paytax = fns_load.SOURCE_NAMES["paytax"].split("{")[0]  # «ФНС, уплаченные налоги и сборы на »
    sources: set[str] = set()
    for text in members.loc[has, "source"].dropna():
        sources.update(part for part in str(text).split("; ") if part.startswith(paytax))
    return MemberTaxes(
        taxes_by_level(members), members=len(members), with_figures=int(has.sum()), year=year, sources=sorted(sources)
    )
