"""ui.tables.common.versions_table: the one load-history table of the Data and About-data pages."""
from __future__ import annotations

import pandas as pd

from ui.tables import common as tables


def _history() -> pd.DataFrame:
    return pd.DataFrame({
        "version_id": [3, 2], "table_name": ["enterprises", "mystery_table"], "action": ["append", "seed"],
        "file_name": ["egrul.csv", None], "user_name": ["anna", "seed"],
        "loaded_at": pd.to_datetime(["2026-01-02 10:00", "2026-01-01 09:00"]), "rows_after": [1200, 1000],
        "extra": ["dropped", "dropped"],
    })


def test_versions_table_translates_names_and_headers():
    ru = tables.versions_table(_history(), "ru")
    assert list(ru.columns) == ["Версия", "Таблица", "Действие", "Файл", "Пользователь", "Загружено", "Строк"]
    assert ru.iloc[:, 1].tolist() == ["Предприятия", "mystery_table"]  # an unknown table keeps its own name
    assert ru.iloc[:, 2].tolist() == ["добавление", "исходный набор"]
    assert ru.iloc[:, 0].tolist() == [3, 2] and ru.iloc[:, 6].tolist() == [1200, 1000]  # numbers stay numbers
    en = tables.versions_table(_history(), "en")
    assert en.shape == (2, 7) and en.iloc[0, 1] != "Предприятия"
