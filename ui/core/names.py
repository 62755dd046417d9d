"""Names in the UI language: the column to read (``name_ru`` / ``name_en``) and names from frames
and rows, Russian where the English name is missing."""

from __future__ import annotations

from typing import Any

import pandas as pd


def names(frame: pd.DataFrame, lang: str, prefix: str = "name") -> pd.Series:
    """Names in ``lang`` from ``<prefix>_ru`` / ``<prefix>_en`` columns (Russian where English is
    missing), as text, vectorised: member lists run to thousands at national scale."""
    ru = frame[f"{prefix}_ru"].astype("object").where(frame[f"{prefix}_ru"].notna(), "")
    if lang != "en":
        return ru.astype(str)
    en = frame[f"{prefix}_en"].astype("object")
    return en.where(en.notna() & (en.astype(str) != ""), ru).astype(str)


def name_of(row: Any, lang: str, prefix: str = "name") -> str:
    """The name in ``lang`` from a row with ``<prefix>_ru`` / ``<prefix>_en`` (Russian when English is missing)."""
    ru, en = row[f"{prefix}_ru"], row[f"{prefix}_en"]
    if lang == "en" and isinstance(en, str) and en:
        return en
    return ru if isinstance(ru, str) else str(ru)


def name_column(lang: str) -> str:
    """The column holding names in ``lang`` (``name_ru`` / ``name_en``)."""
    return "name_en" if lang == "en" else "name_ru"
