"""ui.tables.common.versions_table: the one load-history table of the Data and About-data pages."""

from __future__ import annotations

import pandas as pd

from ui.tables import common as tables


def _history() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "version_id": [3, 2],
            "table_name": ["enterprises", "mystery_table"],
            "action": ["append", "seed"],
            "file_name": ["egrul.csv", None],
            "user_name": ["anna", "seed"],
            "loaded_at": pd.to_datetime(["2026-01-02 10:00", "2026-01-01 09:00"]),
            "rows_after": [1200, 1000],
            "extra": ["dropped", "dropped"],
        }
    )


def test_versions_table_translates_names_and_headers():
    ru = tables.versions_table(_history(), "ru")
    assert list(ru.columns) == ["Версия", "Таблица", "Действие", "Файл", "Пользователь", "Загружено", "Строк"]
    assert ru.iloc[:, 1].tolist() == ["Предприятия", "mystery_table"]  # an unknown table keeps its own name
    assert ru.iloc[:, 2].tolist() == ["добавление", "исходный набор"]
    assert ru.iloc[:, 0].tolist() == [3, 2] and ru.iloc[:, 6].tolist() == [1200, 1000]  # numbers stay numbers
    en = tables.versions_table(_history(), "en")
    assert en.shape == (2, 7) and en.iloc[0, 1] != "Предприятия"


def test_styled_tables_show_numbers_in_the_ui_language_and_keep_them_numbers():
    """Issue 15: the browser's locale no longer decides ("1,103.027" on a Russian page)."""
    frame = pd.DataFrame({"name": ["a", "b"], "value": [1103.027, None], "share": [0.1684, 0.5], "year": [2031, None]})
    ru = tables.styled(frame, "ru", {"value": "number1", "share": "percent", "year": "plain"}).to_html()
    assert "1\u00a0103,0" in ru and "16,8\u00a0%" in ru and "50,0\u00a0%" in ru and ">2031<" in ru
    assert "1,103" not in ru and "–" in ru  # a missing value is a dash
    en = tables.styled(frame, "en", {"value": "number1", "share": "percent"}).to_html()
    assert "1,103.0" in en and "16.8%" in en
    assert tables.styled(frame, "ru", {}).data["value"].iloc[0] == 1103.027  # sorting still sees numbers


def test_wrap_breaks_long_labels_at_spaces_and_cuts_nothing():
    name = "Производство прочих машин и оборудования общего назначения, не включенного в другие группировки"
    wrapped = tables.wrap(name, 26)
    assert wrapped.replace("<br>", " ") == name and "…" not in wrapped
    assert all(len(line) <= 26 for line in wrapped.split("<br>"))


def test_excel_cells_keep_full_precision_with_a_display_format():
    import io

    import openpyxl

    from analytics.data import export

    book = openpyxl.load_workbook(io.BytesIO(export.excel_bytes({"t": pd.DataFrame({"x": [320.0000000000001]})})))
    cell = book["t"]["A2"]
    assert cell.value == 320.0000000000001 and cell.number_format == "#,##0.0###"
