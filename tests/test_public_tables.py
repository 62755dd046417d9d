"""Tables of public facts as people read them: headers in the UI language, values and links as published."""

from __future__ import annotations

import duckdb
import pytest

from analytics.services import public_data
from ui.tables import common as tables


@pytest.fixture(scope="module")
def con(demo_db):
    connection = duckdb.connect(demo_db, read_only=True)
    yield connection
    connection.close()


def test_programme_totals_keep_the_published_text_and_link(con):
    shown = tables.programme_totals(public_data.programme_context(con).totals, "ru")
    assert list(shown.columns) == ["Период", "Показатель", "Значение", "Единица", "Источник"]
    capex = shown[shown["Показатель"] == "capex of approved projects"].iloc[0]
    assert (capex["Период"], capex["Значение"], capex["Единица"]) == ("2016-2018", "21.8", "bn RUB")
    assert capex["Источник"] == "https://kommersant.ru/doc/4292794"


def test_registry_clusters_in_english(con):
    shown = tables.registry_clusters(public_data.registry_context(con, "40").region, "en")
    assert list(shown.columns) == [
        "Cluster",
        "Region",
        "Specialisation",
        "In registry",
        "Status (as in the source)",
        "Date",
        "Source",
    ]
    assert shown["Region"].eq("Калужская область").all() and shown["In registry"].sum() == 1
