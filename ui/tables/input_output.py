"""What people read of the input–output effects: the effects table (direct, indirect, induced, total)
as text in the UI language."""

from __future__ import annotations

import pandas as pd

from ui.core import fmt
from ui.core.i18n import t

EFFECTS = ("direct", "indirect", "induced", "total")


EFFECT_COLUMNS = ("output_mln_rub", "value_added_mln_rub", "wages_mln_rub", "taxes_mln_rub", "jobs")
#: Money measures drawn as bars (jobs and taxes are in the table).


def portfolio_effect_table(effects: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The effects (rows direct, indirect, induced, total; :func:`analytics.metrics.input_output.impact`)
    as text in ``lang``: money in mln ₽ with one decimal, jobs as whole persons."""
    frame = {t("io_effect.col_effect", lang): [t(f"io_effect.effect.{e}", lang) for e in EFFECTS]}
    for col in EFFECT_COLUMNS:
        values = effects.loc[list(EFFECTS), col]
        frame[t(f"io_effect.col.{col}", lang)] = [
            fmt.integer(v, lang) if col == "jobs" else fmt.number(v, lang, 1) for v in values
        ]
    return pd.DataFrame(frame)
