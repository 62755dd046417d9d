"""Peer regions: which regions look most like a given one in their manufacturing.

Two things make regions comparable for industrial policy: **what** they make and **how much**.

- *Structure*: s_r = the region's employment shares across the manufacturing divisions (OKVED 2
  classes 10–33, shares 0–1 summing to 1). cos(r, p) = Σ_d s_rd s_pd ÷ (‖s_r‖ ‖s_p‖), 0–1 (shares are
  never negative); 1 = the same mix of divisions, whatever the size.
- *Size*: E_r = the region's manufacturing employment (persons). size_ratio = E_p ÷ E_r, and
  size_factor = max(0, 1 − |ln(E_p ÷ E_r)| ÷ ln(:data:`MAX_SIZE_RATIO`)): 1 for the same size, 0.5 for
  a region √10 ≈ 3.2 times larger or smaller, 0 from 10 times on.

similarity = cos × size_factor (0–1). A region with the same mix but twice the size scores
1 − ln 2 / ln 10 ≈ 0.70; the k peers are the other regions with the highest similarity (ties by
cosine, then code). Source: cosine similarity of industry-share vectors as in the relatedness
literature (e.g. Jaffe 1986, *technological proximity*); the size factor is this project's choice,
documented in ``docs/metrics.md``.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

#: A peer 10 times larger or smaller than the region gets size factor 0.
MAX_SIZE_RATIO = 10.0


def cosine(a: np.ndarray | pd.Series, b: np.ndarray | pd.Series) -> float:
    """Cosine of two non-negative vectors: a·b ÷ (‖a‖ ‖b‖); NaN when either is all zero."""
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    norm = float(np.linalg.norm(a) * np.linalg.norm(b))
    return float(a @ b / norm) if norm > 0 else float("nan")


def size_factor(ratio: float | np.ndarray, max_ratio: float = MAX_SIZE_RATIO) -> float | np.ndarray:
    """max(0, 1 − |ln ratio| ÷ ln max_ratio): 1 at equal size, 0 at ``max_ratio`` times or more."""
    return np.clip(1.0 - np.abs(np.log(ratio)) / np.log(max_ratio), 0.0, 1.0)


def peer_similarity(
    panel: pd.DataFrame,
    region: str,
    *,
    k: int = 5,
    region_col: str = "region",
    sector_col: str = "sector",
    value_col: str = "value",
    max_ratio: float = MAX_SIZE_RATIO,
) -> pd.DataFrame:
    """The ``k`` regions of ``panel`` most similar to ``region`` (see the module docstring).

    ``panel``: long table region × sector with employment (persons; one year, manufacturing
    divisions). Returns ``region``, ``similarity``, ``cosine``, ``size_ratio`` (peer ÷ region),
    ``size_factor``, best first, without ``region`` itself; empty when ``region`` has no employment.
    Regions with zero employment are left out.
    """
    columns = ["region", "similarity", "cosine", "size_ratio", "size_factor"]
    wide = panel.pivot_table(index=region_col, columns=sector_col, values=value_col, aggfunc="sum", fill_value=0.0)
    totals = wide.sum(axis=1)
    wide = wide[totals > 0]
    totals = totals[totals > 0]
    if region not in wide.index or k <= 0:
        return pd.DataFrame(columns=columns)
    shares = wide.div(totals, axis=0)
    mine = shares.loc[region].to_numpy()
    others = shares.drop(index=region)
    norms = np.linalg.norm(others.to_numpy(), axis=1) * np.linalg.norm(mine)
    cos = others.to_numpy() @ mine / norms
    ratio = (totals.drop(index=region) / totals[region]).to_numpy()
    factor = size_factor(ratio, max_ratio)
    out = pd.DataFrame(
        {
            "region": others.index.astype(str),
            "similarity": cos * factor,
            "cosine": cos,
            "size_ratio": ratio,
            "size_factor": factor,
        }
    )
    out = out.sort_values(["similarity", "cosine", "region"], ascending=[False, False, True])
    return out.head(int(k)).reset_index(drop=True)
