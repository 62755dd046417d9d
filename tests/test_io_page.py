"""The input–output section of the Sectors page (AppTest) and its chart builders.

Numbers on the page are checked against the service called on a copy of the store; the chart
builders against the frames they get.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from analytics import store
from analytics.services import regional_io
from ui.charts import input_output as io_charts

APP = str(Path(__file__).resolve().parent.parent / "app.py")


def _sectors(lang: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params["lang"] = lang
    at.run()
    at.switch_page("app_pages/sectors.py").run()
    assert not at.exception
    return at


@pytest.fixture()
def sectors_ru(app_db):
    return _sectors("ru")


def _io_table(at: AppTest) -> pd.DataFrame:
    return at.dataframe[-1].value


def test_io_section_in_russian_matches_the_service(sectors_ru, demo_db, tmp_path) -> None:
    copy = tmp_path / "copy.duckdb"
    shutil.copyfile(demo_db, copy)
    con = store.connect(copy, read_only=True)
    view = regional_io.sector_io_view(con, "40", 2023)
    con.close()
    assert "Межотраслевые мультипликаторы региона" in [h.value for h in sectors_ru.subheader]
    table = _io_table(sectors_ru)
    assert len(table) == 113
    first = table.iloc[0]
    assert first["ОКПД 2"] == view.table["okpd2"].iloc[0]
    assert first["Выпуск, регион"] == pytest.approx(view.table["output_region"].iloc[0])
    assert set(table["Источник SLQ"]) <= {"данные региона", "по разделу ОКВЭД", "нет данных (SLQ = 1)"}
    assert (table["Выпуск, регион"] <= table["Выпуск, Россия"] + 1e-9).all()
    labels = [m.label for m in sectors_ru.metric]
    assert "Поправка на размер λ*" in labels
    figures = [json.loads(chart.proto.spec) for chart in sectors_ru.get("plotly_chart")]
    bars = [f for f in figures if "Россия" in [trace.get("name") for trace in f["data"]]]
    assert len(bars) == 1  # the multiplier chart: the region, then Russia, then the region's Type II
    assert [trace["name"] for trace in bars[0]["data"]][:2] == ["Калужская область", "Россия"]


def test_delta_and_method_change_the_multipliers(sectors_ru) -> None:
    base = _io_table(sectors_ru)["Выпуск, регион"].sum()
    sectors_ru.slider(key="io_delta").set_value(0.4).run()
    assert not sectors_ru.exception
    assert _io_table(sectors_ru)["Выпуск, регион"].sum() < base
    sectors_ru.button_group(key="io_method").set_value("slq").run()
    assert not sectors_ru.exception
    assert _io_table(sectors_ru)["Выпуск, регион"].sum() != pytest.approx(base)


def test_io_section_in_english(app_db) -> None:
    at = _sectors("en")
    assert "The region's input–output multipliers" in [h.value for h in at.subheader]
    table = _io_table(at)
    assert "Motor vehicles, trailers and semi-trailers" in set(table["Product"])
    assert set(table["SLQ source"]) <= {"regional data", "OKVED section", "no data (SLQ = 1)"}


def test_multiplier_bars_and_linkages() -> None:
    frame = pd.DataFrame(
        {
            "okpd2": ["29", "21"],
            "name_ru": ["Автомобили", "Лекарства"],
            "name_en": ["Cars", "Medicines"],
            "output_region": [1.25, 1.1],
            "output_russia": [2.0, 1.8],
            "output_type2_region": [1.4, 1.2],
            "backward": [1.2, 0.8],
            "forward": [1.1, 1.3],
            "key_sector": [True, False],
        }
    )
    fig = io_charts.multiplier_bars(
        frame, lang="ru", region_name="Калужская область", russia_name="Россия", x_title="x", type2_name="тип II"
    )
    assert [tr.name for tr in fig.data] == ["Калужская область", "Россия", "тип II"]
    assert list(fig.data[0].x) == [1.25, 1.1] and list(fig.data[0].y) == ["29 Автомобили", "21 Лекарства"]
    assert list(fig.data[0].text) == ["1,25", "1,10"]  # Russian decimal comma
    assert fig.layout.separators == ", "
    english = io_charts.multiplier_bars(
        frame, lang="en", region_name="Kaluga", russia_name="Russia", x_title="x", type2_name="Type II"
    )
    assert list(english.data[1].text) == ["2.00", "1.80"] and english.data[1].y[0] == "29 Cars"
    scatter = io_charts.linkage_scatter(frame, lang="en", x_title="b", y_title="f", key_name="Key", other_name="Other")
    key = next(tr for tr in scatter.data if tr.name == "Key")
    assert list(key.x) == [1.2]
    # the key sector is named in an annotation pointing at its point (names never overlap each other)
    assert [(a.text, a.x, a.y) for a in scatter.layout.annotations if a.showarrow] == [("29 Cars", 1.2, 1.1)]
