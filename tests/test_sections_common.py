"""The widgets several sections share (ui.sections.common), drawn alone with AppTest."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest


def _script():
    import pandas as pd
    import streamlit as st

    from ui.sections.common import one_of, table_downloads

    picked = one_of(st, "sectors.level", ("division", "class"), "division", "pick_level")
    st.write(f"picked {picked}")
    shown = pd.DataFrame({"Код": ["29"], "LQ": [2.5]})
    table_downloads(shown, ("region_sector_years",), "sectors-40", csv_label="CSV", xlsx_label="XLSX", sheet="S")
    table_downloads(shown, ("enterprises",), "members", csv_label="CSV 2", xlsx_label="XLSX 2", sheet="M", key="m")


def test_one_of_labels_from_the_catalog_and_two_buttons_per_table(app_db):
    at = AppTest.from_function(_script, default_timeout=60).run()
    assert not at.exception, [e.value for e in at.exception]
    choice = at.button_group(key="pick_level")
    assert choice.label == "Уровень ОКВЭД 2 (знаков в коде)" and choice.value == "division"
    assert list(choice.options) == ["Класс (2)", "Группа (4)"]  # `sectors.level.<option>`
    assert "picked division" in [m.value for m in at.markdown]
    choice.set_value("class").run()
    assert "picked class" in [m.value for m in at.markdown]
    buttons = at.get("download_button")
    assert [b.proto.label for b in buttons] == ["CSV", "XLSX", "CSV 2", "XLSX 2"]
    assert buttons[2].proto.id.endswith("m_csv") and buttons[3].proto.id.endswith("m_xlsx")
