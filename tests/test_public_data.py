"""Real public data in the demo store: loaded as published, marked public with sources, and the
questions pages ask of it. Expected figures come from the sources' SOURCE.md (data/public/) or are
computed by hand from published numbers."""

from __future__ import annotations

import duckdb
import pytest

from analytics import store
from analytics.queries import public_data as q
from analytics.services import public_data as service


@pytest.fixture(scope="module")
def con(demo_db):
    connection = duckdb.connect(demo_db, read_only=True)
    yield connection
    connection.close()


def test_every_public_row_is_public_with_a_source(con):
    for table, source in (
        ("region_reference", "source"),
        ("region_indicators", "source"),
        ("registry_clusters", "source_url"),
        ("public_facts", "source_url"),
        ("programme_projects", "source_url"),
    ):
        frame = store.query(con, store.sql("SELECT data_status, {s} AS src FROM {t}", s=source, t=table))
        assert len(frame) > 0 and set(frame["data_status"]) == {"public"}, table
        assert frame["src"].str.len().gt(10).all(), table


def test_regions_reference_has_85_subjects_with_kaluga_codes(con):
    ref = q.region_reference(con).set_index("code")
    assert len(ref) == 85
    assert ref.loc["40", ["okato", "oktmo", "iso_code", "federal_district"]].tolist() == [
        "29000000000",
        "29000000",
        "RU-KLU",
        "Центральный",
    ]


def test_kaluga_share_of_russias_manufacturing_shipments(con):
    figures = service.region_public_figures(con, "40")
    ship = figures.shipments.set_index("year")
    assert list(ship.index) == list(range(2005, 2017))
    # SOURCE.md: Kaluga 2016 = 517,016 of Russia's 36,119,929 mln ₽ = 1.43 %; 2010 = 281,124; 2005 = 55,376
    assert ship.loc[2016, "region_value"] == 517016 and ship.loc[2016, "russia_value"] == 36119929
    assert ship.loc[2016, "share"] == pytest.approx(517016 / 36119929) and round(ship.loc[2016, "share"], 4) == 0.0143
    assert ship.loc[2010, "region_value"] == 281124 and ship.loc[2005, "region_value"] == 55376
    assert figures.latest_share[0] == 2016
    assert "rosstat" in figures.shipments_source.lower()


def test_confidential_cells_are_suppressed_not_zero(con):
    rows = store.query(con, "SELECT value, cell_status AS status FROM region_indicators WHERE cell_status <> 'ok'")
    assert len(rows) == 8 and rows["value"].isna().all() and set(rows["status"]) == {"suppressed"}


def test_regions_sum_to_russia_for_manufacturing_2016(con):
    # Russia 36,119,929 mln ₽; Rosstat's eight federal-district rows of the file sum to 36,119,928 by
    # hand. The 85 regions must give the same up to rounding of each row (±0.5 × 85): no district and
    # no oblast-with-okrugs total (Arkhangelsk 168,026, Tyumen 1,382,838) is counted twice.
    # (SOURCE.md's 36,119,326 leaves out Chukotka, 604.)
    rows = q.regions_in_year(con, "shipments_okved1", 2016, "D")
    assert len(rows) == 85
    assert abs(rows["value"].sum() - 36119928) <= 43


def test_labour_force_of_kaluga_and_tyumen_without_its_okrugs(con):
    figures = service.region_public_figures(con, "40")
    lf = figures.labour_force.set_index("year")["persons"]
    assert lf[2017] == 554_965 and lf[2024] == 565_531  # SOURCE.md: 554.965 and 565.531 thousand
    assert figures.latest_labour_force == (2024, 565_531)
    # the file's Tyumen row includes both okrugs: 1974.551 − 926.108 − 300.168 = 748.275 (2023)
    tyumen = q.indicator_series(con, "labour_force", "72").set_index("year")["value"]
    assert tyumen[2023] == pytest.approx(748.275)


def test_russian_employment_by_section(con):
    c = q.indicator_series(con, "employment_avg_annual", "RU", "C").set_index("year")["value"]
    assert c[2017] == pytest.approx(10173.2) and c[2023] == pytest.approx(10317.2)


def test_registry_clusters_of_kaluga_and_of_russia(con):
    context = service.registry_context(con, "40")
    assert len(context.russia) == 24
    # SOURCE.md: «about 16 are confirmed or implied to be in the 779 registry»
    assert 14 <= context.russia_in_registry <= 18
    in_registry = context.region[context.region["in_registry"]]
    # SOURCE.md: Kaluga's only confirmed registry entry is the 2024 microfiltration cluster
    assert len(in_registry) == 1 and "микрофильтрац" in in_registry["cluster_name_ru"].iloc[0]
    both = q.registry_clusters(con, "69")  # a Moscow oblast + Tver oblast cluster counts for Tver too
    assert any("50;69" == codes for codes in both["region_codes"])


def test_programme_totals_as_published(con):
    totals = service.programme_context(con).totals
    numbers = dict(zip(totals["indicator"], totals["value_number"]))
    assert numbers["projects approved by Minpromtorg"] == 24
    assert numbers["capex of approved projects"] == 21.8
    assert numbers["federal subsidies for the 24 approved projects (to 2021)"] == 5.9
    assert len(service.programme_context(con).projects) == 9
