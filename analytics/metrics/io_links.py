"""Does one firm's product go into another's? Technical coefficients between OKVED 2 codes.

A firm is known by its OKVED 2 code; Rosstat's symmetric input–output table is by product (OKPD 2
groupings, ``data/io2021/okpd2_okved2.csv``). The code is taken to its products:

1. the products whose OKPD 2 grouping contains the code's group (``"22.29"`` → group ``"22.2"`` →
   product ``035`` «Изделия из пластмасс»);
2. else the division's residual product (``"32.99"`` → ``"32 без 32.1 и 32.5"``);
3. else every product of the division (``"29.10"`` → ``047``).

Between two product sets ``S`` (supplier) and ``B`` (buyer) the coefficient is the aggregated
technical coefficient ``a_SB = Σ_{i∈S, j∈B} z_ij / Σ_{j∈B} x_j`` — roubles of the supplier's
products per rouble of the buyer's output (Miller & Blair 2009, ch. 2; aggregation of sectors, ch. 4).
``z`` are the intermediate flows (mln ₽, rows = supplying product), ``x`` output P1 (mln ₽).
Pure: frames in, frames out; no store.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd


def _terms(okpd2: str) -> list[str]:
    text = str(okpd2).replace(";", " + ")
    return [t.strip() for t in text.split(" + ") if t.strip()]


def products_of(code: str, correspondence: pd.DataFrame) -> list[str]:
    """Product numbers (``"001"…``) of an OKVED 2 code (rules 1–3 of the module docstring); ``[]`` when
    the code's division has no product. ``correspondence``: ``no``, ``okpd2``, ``okved2_divisions``."""
    key = str(code).strip()
    division = key.split(".")[0].zfill(2)
    group = key[:4] if "." in key else ""
    by_group, residual, by_division = [], [], []
    for no, okpd2, divisions in zip(correspondence["no"], correspondence["okpd2"], correspondence["okved2_divisions"]):
        terms = _terms(okpd2)
        if group and any("." in t and " " not in t and group.startswith(t) for t in terms):
            by_group.append(no)
        if division in str(divisions).split(";"):
            by_division.append(no)
            if any(t.startswith(division + " без") for t in terms):
                residual.append(no)
    return by_group or residual or by_division


def code_coefficients(
    supplier_codes: Iterable[str],
    buyer_codes: Iterable[str],
    correspondence: pd.DataFrame,
    flows: pd.DataFrame,
    output: pd.Series,
) -> pd.DataFrame:
    """``a_SB`` for every pair of codes: a frame indexed by supplier code, columns buyer codes (₽ per ₽;
    ``NaN`` when a code has no product or the buyer's products have no output)."""
    sup = list(dict.fromkeys(str(c) for c in supplier_codes))
    buy = list(dict.fromkeys(str(c) for c in buyer_codes))
    index = {no: i for i, no in enumerate(flows.index)}
    z = flows.to_numpy(dtype=float)
    x = output.reindex(flows.columns).to_numpy(dtype=float)
    rows = {c: [index[p] for p in products_of(c, correspondence) if p in index] for c in sup}
    cols = {c: [index[p] for p in products_of(c, correspondence) if p in index] for c in buy}
    out = np.full((len(sup), len(buy)), np.nan)
    for j, b in enumerate(buy):
        cj = cols[b]
        denominator = float(x[cj].sum()) if cj else 0.0
        if denominator <= 0:
            continue
        column = z[:, cj].sum(axis=1)
        for i, s in enumerate(sup):
            if rows[s]:
                out[i, j] = float(column[rows[s]].sum()) / denominator
    return pd.DataFrame(out, index=pd.Index(sup, name="supplier_okved"), columns=pd.Index(buy, name="buyer_okved"))
