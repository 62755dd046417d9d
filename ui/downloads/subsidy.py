"""The Subsidies page's workbooks: one scenario (summary, balance, projects, parameters) and a
comparison of saved scenarios, as sheets for :func:`ui.downloads.exports.xlsx_file`."""

from __future__ import annotations

from typing import Any

import pandas as pd

from analytics.services.scenarios_view import scenario_key
from ui.core.i18n import t
from ui.tables.subsidy import comparison_export, header_text, parameters_table, projects_table


def scenario_workbook(
    results: Any, lang: str, cluster_names: dict[str, str], assumption: str = ""
) -> dict[str, pd.DataFrame]:
    """Sheets of the scenario's Excel file: projects, budget by year, portfolio metrics (attributed taxes
    first, gross beside, the assumption in one sentence), parameters."""
    balance = results.balance.rename(columns={c: t(f"subsidies.col.{c}", lang) for c in results.balance.columns})
    metrics = [t(f"subsidies.metric.{m}", lang) for m in results.summary.index]
    values = list(results.summary.to_numpy())
    if assumption:
        metrics.append(t("subsidies.col.assumption", lang))
        values.append(assumption)
    summary = pd.DataFrame({t("subsidies.col.metric", lang): metrics, t("subsidies.col.value", lang): values})
    return {
        t("subsidies.sheet.projects", lang): projects_table(results.table, lang, cluster_names),
        t("subsidies.sheet.budget", lang): balance,
        t("subsidies.sheet.summary", lang): summary,
        t("subsidies.sheet.parameters", lang): parameters_table(scenario_key(results.scenario), lang),
    }


def comparison_workbook(frame: pd.DataFrame, items: tuple, lang: str) -> dict[str, pd.DataFrame]:
    """Sheets of the comparison's Excel file: the metrics side by side and each scenario's parameters."""
    keys = sorted({k for _, key in items for k, _ in key})
    params = pd.DataFrame({t("subsidies.col.parameter", lang): keys})
    for label, key in items:
        params[header_text(label)] = [dict(key).get(k, "") for k in keys]
    return {
        t("subsidies.sheet.compare", lang): comparison_export(frame, lang),
        t("subsidies.sheet.parameters", lang): params,
    }
