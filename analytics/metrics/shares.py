"""Shares of a total: pure functions on frames (no store)."""

from __future__ import annotations

import numpy as np
import pandas as pd


def share_of_total(part: pd.Series, total: pd.Series) -> pd.Series:
    """``part / total`` as a share 0–1; NaN where either is missing or the total is not positive."""
    part = pd.to_numeric(part, errors="coerce").astype(float)
    total = pd.to_numeric(total, errors="coerce").astype(float)
    return pd.Series(np.where(total > 0, part / total.where(total > 0), np.nan), index=part.index)
