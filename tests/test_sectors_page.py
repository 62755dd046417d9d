"""The Sectors page driven through its selectors (AppTest), numbers checked against the library."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from analytics import store
from analytics.services import sector_portfolio as sp

APP = str(Path(__file__).resolve().parent.parent / "app.py")


@pytest.fixture()
def sectors(app_db):
    at = AppTest.from_file(APP, default_timeout=90).run()
    at.switch_page("app_pages/sectors.py").run()
    assert not at.exception
    return at


def _metrics_table(at: AppTest):
    return at.dataframe[1].value  # [0] structure, [1] all metrics, [2] opportunities


def _lq_of(at: AppTest, code: str) -> float:
    table = _metrics_table(at)
    return float(table.loc[table["Код"] == code, "LQ"].iloc[0])


def test_default_view_matches_the_library(sectors, demo_db, tmp_path):
    con = store.connect(demo_db, read_only=True)
    expected = sp.region_portfolio(con, "40", 2016, 2023).set_index("sector")
    con.close()
    # portfolio, shift-share, peer regions (LQ | growth), IO multipliers, IO linkages
    assert len(sectors.get("plotly_chart")) == 5
    assert _lq_of(sectors, "29") == pytest.approx(expected.loc["29", "lq"])
    assert _lq_of(sectors, "29") > 2  # Kaluga's automotive specialisation in the demo data


def test_measure_benchmark_and_level_change_the_numbers(sectors):
    base = _lq_of(sectors, "29")
    sectors.button_group(key="sectors_measure").set_value("revenue_mln_rub").run()
    assert not sectors.exception
    by_revenue = _lq_of(sectors, "29")
    assert by_revenue != pytest.approx(base)
    sectors.button_group(key="sectors_benchmark").set_value("district").run()
    assert _lq_of(sectors, "29") != pytest.approx(by_revenue)
    sectors.button_group(key="sectors_level").set_value("class").run()
    assert not sectors.exception
    codes = set(_metrics_table(sectors)["Код"])
    assert "29.10" in codes and not any(c.endswith("*") for c in codes)


def test_years_and_method_drive_shift_share(sectors):
    sectors.select_slider(key="sectors_years").set_range(2019, 2023).run()
    assert not sectors.exception
    sectors.selectbox(key="sectors_method").set_value("esteban-marquillas").run()
    assert not sectors.exception
    names = [trace["name"] for trace in json.loads(sectors.get("plotly_chart")[1].proto.spec)["data"]]
    assert "Эффект размещения" in names


def test_custom_weights_reorder_opportunities(sectors):
    first = sectors.dataframe[2].value["Код"].tolist()
    sectors.radio(key="sectors_preset").set_value("custom").run()
    sectors.slider(key="w_density").set_value(0.0).run()
    sectors.slider(key="w_pci").set_value(1.0).run()
    sectors.slider(key="w_cog").set_value(0.0).run()
    assert not sectors.exception
    by_pci = sectors.dataframe[2].value
    assert by_pci["Код"].tolist() != first
    assert by_pci["PCI"].is_monotonic_decreasing  # weight on complexity only: ranked by PCI


def test_eci_pci_plausibility_note_on_the_page(sectors):
    from ui.core.i18n import CATALOG

    ru = CATALOG["ru"]
    warnings = [w.body for w in sectors.warning]
    # default: the 24 manufacturing divisions, one section — both notes, translated
    assert ru["complexity.note.few_sectors"].format(sectors=24, minimum=50) in warnings
    assert ru["complexity.note.single_section"].format(section="C") in warnings
    sectors.segmented_control(key="sectors_level").set_value("class").run()
    assert not sectors.exception
    warnings = [w.body for w in sectors.warning]
    assert ru["complexity.note.single_section"].format(section="C") in warnings
    assert not any(w.startswith(ru["complexity.note.few_sectors"][:30]) for w in warnings)  # ≥ 50 classes
