"""What people read on the Enterprise page and in the peer comparison: search results, yearly
figures, partners, joint projects and the peers' clusters as display tables (text from the data as
plain cell values), and the peer's similarity line."""

from __future__ import annotations

from typing import Any

import pandas as pd

from ui.core import fmt
from ui.core.i18n import t
from ui.core.names import name_column, names
from ui.tables.clusters import stars_text


def search_table(found: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Search results with headers in ``lang``."""
    return pd.DataFrame(
        {
            t("col.ent.inn", lang): found["inn"].astype(str),
            t("col.ent.name", lang): names(found, lang).astype(str),
            t("col.ent.okved", lang): found["okved"].astype(str),
            t("col.ent.region", lang): found["region_code"].astype(str),
        }
    )


def years_table(years: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Yearly figures, numbers formatted for ``lang`` (text cells)."""
    return pd.DataFrame(
        {
            t("col.ent.year", lang): years["year"].astype(int).astype(str),
            t("col.ent.employees", lang): [fmt.integer(v, lang) for v in years["employees"]],
            t("col.ent.revenue", lang): [fmt.number(v, lang, 1) for v in years["revenue_mln_rub"]],
            t("col.ent.purchases", lang): [fmt.number(v, lang, 1) for v in years["purchases_mln_rub"]],
            t("col.ent.exports", lang): [fmt.number(v, lang, 1) for v in years["exports_mln_rub"]],
            t("col.ent.investment", lang): [fmt.number(v, lang, 1) for v in years["investment_mln_rub"]],
            t("col.ent.status", lang): [t(f"enterprise.status.{s}", lang) for s in years["data_status"]],
        }
    )


def partners_table(partners: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Suppliers or buyers: value, name, INN (the value first: names are long)."""
    return pd.DataFrame(
        {
            t("col.ent.value", lang): [fmt.number(v, lang, 1) for v in partners["value_mln_rub"]],
            t("col.ent.name", lang): names(partners, lang).astype(str),
            t("col.ent.inn", lang): partners["inn"].astype(str),
        }
    )


def projects_table(projects: pd.DataFrame, lang: str, cluster_names: dict[str, str]) -> pd.DataFrame:
    """Joint projects with their support under the default scenario."""
    eligible = [
        t("subsidies.reason.eligible", lang)
        if ok
        else t(f"subsidies.reason.{reason}", lang)
        if isinstance(reason, str)
        else "–"
        for ok, reason in zip(projects["eligible"], projects["reason"])
    ]
    return pd.DataFrame(
        {
            t("col.ent.project", lang): names(projects, lang).astype(str),
            t("col.ent.cluster", lang): [cluster_names.get(c, c) for c in projects["cluster_id"]],
            t("col.ent.role", lang): [t(f"enterprise.project_role.{r}", lang) for r in projects["role"]],
            t("col.ent.stage", lang): [t(f"subsidies.stage.{s}", lang) for s in projects["stage"]],
            t("col.ent.start", lang): projects["start_year"].astype(int).astype(str),
            t("col.ent.participants", lang): [fmt.integer(v, lang) for v in projects["participants"]],
            t("col.ent.eligible", lang): eligible,
            t("col.ent.costs", lang): [fmt.number(v, lang, 1) for v in projects["total_costs_mln_rub"]],
            t("col.ent.subsidy", lang): [fmt.number(v, lang, 1) for v in projects["subsidy_mln_rub"]],
        }
    )


# --------------------------------------------------------------------------------------------------
# Peer regions
# --------------------------------------------------------------------------------------------------


def peer_label(row: Any, lang: str) -> str:
    """``Калининградская область: сходство 0,80 (структура 0,82, размер ×0,92)``."""
    return t(
        "peers.similarity",
        lang,
        name=row[name_column(lang)],
        similarity=fmt.number(row["similarity"], lang, 2),
        cosine=fmt.number(row["cosine"], lang, 2),
        ratio=fmt.number(row["size_ratio"], lang, 2),
    )


def peer_cluster_table(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Clusters × regions (the region first): ``★★☆☆☆ LQ 1,23`` in each cell, text only."""
    region_order = list(dict.fromkeys(frame["code"]))
    region_names = dict(zip(frame["code"], frame[name_column(lang)]))
    cluster_names = dict(zip(frame["cluster_id"], names(frame, lang, "cluster")))
    cells = {
        (c, r): t("peers.cell", lang, stars=stars_text(s), lq=fmt.number(lq, lang, 2))
        for c, r, s, lq in zip(frame["cluster_id"], frame["code"], frame["stars"], frame["lq"])
    }
    mine = frame[frame["is_region"]].sort_values(["stars", "lq"], ascending=False)["cluster_id"].tolist()
    out = {t("col.peer.cluster", lang): [cluster_names[c] for c in mine]}
    for code in region_order:
        out[str(region_names.get(code, code))] = [cells.get((c, code), "–") for c in mine]
    return pd.DataFrame(out)
