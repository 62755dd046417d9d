"""Rosstat's input–output workbook through the store (analytics.data.io_load, migration 8): one version,
the model built from the store, a changed flow, rollback.

Oracles: the published workbook (tests/data/io/baz_tzv-2021.xlsx) is the source of the shipped extract
(data/io2021), so the model from the store must equal the shipped model; a changed domestic flow
z_ij gives the technical coefficient a_ij = z_ij / P1_j read from the workbook's own P1 row (by hand,
not through the library).
"""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import openpyxl
import pytest

from analytics import store
from analytics.data import ingest, io_load
from analytics.data.rosstat_io import load_io_tables
from analytics.services import loading
from analytics.services import regional_io as rio
from analytics.store import demo

ROOT = Path(__file__).resolve().parent.parent
WORKBOOK = ROOT / "tests" / "data" / "io" / "baz_tzv-2021.xlsx"
# Sheet 'Симм отеч': products from row 5 / column D; product 001 supplies product 002 at (row 5, column E).
ROW_001, COL_002 = 5, 5
P1_ROW_CODE = "P1"


def _multipliers(con=None):
    return rio.national_model(con).multipliers


def _io_versions(con) -> list[int]:
    frame = store.query(con, "SELECT version_id FROM dataset_versions WHERE table_name = 'io_cells' ORDER BY 1")
    return [int(v) for v in frame["version_id"]]


@pytest.fixture(scope="module")
def changed_workbook(tmp_path_factory) -> tuple[bytes, float, float]:
    """The workbook with the domestic flow 001 → 002 set to 123 456.0 mln ₽; (bytes, new flow, P1 of 002)."""
    wb = openpyxl.load_workbook(WORKBOOK, data_only=True)  # values, as the reader sees them (not formulas)
    sheet = wb["Симм отеч"]
    assert str(sheet.cell(ROW_001, 1).value).strip() == "001" and str(sheet.cell(4, COL_002).value).strip() == "002"
    new_flow = 123_456.0
    sheet.cell(ROW_001, COL_002).value = new_flow
    total = wb["Симм ТЗВ"]
    p1_row = next(r for r in range(5, total.max_row + 1) if str(total.cell(r, 2).value).strip() == P1_ROW_CODE)
    p1_002 = float(total.cell(p1_row, COL_002).value)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue(), new_flow, p1_002


def test_the_demo_store_holds_the_shipped_tables_as_public_and_the_model_uses_them(demo_copy):
    counts = store.query(demo_copy, "SELECT part, data_status, count(*) AS n FROM io_cells GROUP BY ALL")
    assert set(counts["data_status"]) == {"public"}
    assert int(counts.loc[counts["part"] == "products", "n"].sum()) == 113 * 2
    nat = rio.national_model(demo_copy)
    assert nat.store_key is not None and nat.store_key[0] == 2021
    np.testing.assert_allclose(nat.multipliers.to_numpy(), _multipliers().to_numpy(), rtol=0, atol=1e-9)


def test_an_empty_io_table_falls_back_to_the_shipped_extract(tmp_path):
    con = store.connect(tmp_path / "empty.duckdb")
    assert rio.national_model(con) is rio.national_model()
    con.close()


def test_the_workbook_loads_as_one_version_and_gives_the_shipped_model(demo_copy):
    before = _io_versions(demo_copy)
    load = io_load.prepare_io_load(demo_copy, WORKBOOK.read_bytes(), file_name=WORKBOOK.name)
    assert load.report.ok, [str(e.message) for e in load.report.errors]
    assert load.tables.year == 2021 and len(load.tables.products) == 113
    # every cell of the extract is there again, now marked 'loaded': changed, none added or removed
    assert (load.report.added, load.report.removed) == (0, 0)
    assert load.report.changed == len(load.rows) > 30_000
    done = ingest.commit(demo_copy, load.plan, "anna")
    assert done.ok and done.version_id is not None
    assert _io_versions(demo_copy) == [*before, done.version_id]
    status = store.query(demo_copy, "SELECT DISTINCT data_status FROM io_cells")["data_status"].tolist()
    assert status == ["loaded"]
    np.testing.assert_allclose(_multipliers(demo_copy).to_numpy(), _multipliers().to_numpy(), rtol=0, atol=1e-9)


def test_a_changed_flow_changes_the_store_model_and_rollback_restores_it(demo_copy, changed_workbook):
    data, new_flow, p1_002 = changed_workbook
    shipped = rio.national_model()
    first = _io_versions(demo_copy)[-1]
    report = io_load.load_io_workbook(demo_copy, data, user="anna", file_name="changed.xlsx")
    assert report.ok and report.version_id is not None
    nat = rio.national_model(demo_copy)
    assert nat.A.loc["001", "002"] == pytest.approx(new_flow / p1_002, rel=1e-12)
    assert shipped.A.loc["001", "002"] != pytest.approx(new_flow / p1_002)
    assert not np.allclose(nat.multipliers["output"], shipped.multipliers["output"], rtol=0, atol=1e-9)
    # product 002's column is the one whose output multiplier moved first: a larger input of 001
    assert nat.multipliers.loc["002", "output"] != pytest.approx(shipped.multipliers.loc["002", "output"], abs=1e-9)
    undone = ingest.rollback(demo_copy, "io_cells", first, "anna")
    assert undone.ok
    restored = rio.national_model(demo_copy)
    assert restored.store_key != nat.store_key
    np.testing.assert_allclose(restored.multipliers.to_numpy(), shipped.multipliers.to_numpy(), rtol=0, atol=1e-9)


def test_only_the_changed_cell_differs_in_the_preview(demo_copy, changed_workbook):
    io_load.load_io_workbook(demo_copy, WORKBOOK.read_bytes(), user="anna")
    load = io_load.prepare_io_load(demo_copy, changed_workbook[0], file_name="changed.xlsx")
    assert load.report.ok
    assert (load.report.added, load.report.changed, load.report.removed) == (0, 1, 0)


def test_a_workbook_of_another_layout_is_refused_naming_the_sheet_and_the_store_is_untouched(demo_copy, tmp_path):
    wb = openpyxl.load_workbook(WORKBOOK)
    del wb["Симм отеч"]
    path = tmp_path / "no_domestic.xlsx"
    wb.save(path)
    before = store.data_fingerprint(demo_copy)
    report = io_load.load_io_workbook(demo_copy, path, user="anna")
    assert not report.ok
    message = report.errors[0].message
    assert message.code == "io_sheet_missing" and "Симм отеч" in message.text("en")
    assert "Симм отеч" in message.text("ru")
    not_xlsx = io_load.load_io_workbook(demo_copy, b"a,b\n1,2\n", user="anna")
    assert not not_xlsx.ok and not_xlsx.errors[0].message.code == "io_not_a_workbook"
    assert store.data_fingerprint(demo_copy) == before


def test_cells_round_trip_to_the_same_tables():
    shipped = load_io_tables()
    back = io_load.tables_from_cells(io_load.tables_to_cells(shipped))
    for name in ("flows_total", "flows_domestic", "final_demand", "final_demand_domestic", "total_requirements"):
        np.testing.assert_allclose(
            getattr(back, name).to_numpy(), getattr(shipped, name).to_numpy(), rtol=1e-12, atol=1e-12
        )
    assert list(back.final_demand.columns) == list(shipped.final_demand.columns)
    assert back.products.equals(shipped.products)


def test_the_demo_build_writes_the_extract_without_a_seed_file():
    assert not (store.SEED_DIR / "io_cells.csv").exists()  # the extract stays the one copy: data/io2021
    cells = demo.io_extract_cells()
    assert len(cells) == len(io_load.tables_to_cells(load_io_tables(), "public"))


def test_the_model_uses_the_latest_year_held_and_an_earlier_year_stays_beside_it(demo_copy, changed_workbook):
    wb = openpyxl.load_workbook(io.BytesIO(changed_workbook[0]))
    title = wb["Симм ТЗВ"].cell(1, 1)
    assert "за 2021 год" in str(title.value)
    title.value = str(title.value).replace("за 2021 год", "за 2016 год")
    buffer = io.BytesIO()
    wb.save(buffer)
    report = io_load.load_io_workbook(demo_copy, buffer.getvalue(), user="anna", file_name="baz_tzv-2016.xlsx")
    assert report.ok and report.removed == 0  # the 2021 cells stay
    held = loading.io_held(demo_copy)
    assert held["year"].tolist() == [2021, 2016] and held["data_status"].tolist() == ["public", "loaded"]
    nat = rio.national_model(demo_copy)
    assert nat.tables.year == 2021  # the latest year, not the last load
    np.testing.assert_allclose(nat.multipliers.to_numpy(), _multipliers().to_numpy(), rtol=0, atol=1e-9)
