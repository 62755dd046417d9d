"""Reading Rosstat's basic input–output workbook (analytics.data.rosstat_io) and the shipped extract.

Expected values are cells of the published workbook read by eye (Симм ТЗВ, Симм отеч, КПЗ) and the
workbook's own TOTAL/TU columns; bad workbooks are made here from the real one with openpyxl.
"""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
import pytest

from analytics.data.rosstat_io import (
    IOTables,
    RosstatIOError,
    load_io_tables,
    read_rosstat_io,
)
from analytics.tools.io_extract import okved_correspondence

WORKBOOK = Path(__file__).parent / "data" / "io" / "baz_tzv-2021.xlsx"


@pytest.fixture(scope="module")
def tables() -> IOTables:
    return read_rosstat_io(WORKBOOK)


def test_products_and_labels(tables: IOTables) -> None:
    p = tables.products
    assert len(p) == 113
    assert list(p["no"][:3]) == ["001", "002", "003"] and p["no"].iloc[-1] == "113"
    row = p.set_index("no")
    assert row.loc["047", "okpd2"] == "29"
    assert row.loc["047", "name_ru"].startswith("Средства автотранспортные")
    assert row.loc["033", "okpd2"] == "21"
    assert row.loc["001", "okpd2"] == "01.1 + 01.2 + 01.3 + 01.4 + 01.5"
    for frame in (tables.flows_total, tables.flows_domestic, tables.total_requirements):
        assert frame.shape == (113, 113)
        assert list(frame.index) == list(p["no"]) and list(frame.columns) == list(p["no"])
    assert tables.year == 2021


def test_cells_as_published(tables: IOTables) -> None:
    # Симм ТЗВ D5, E5, D6; Симм отеч: row 112 (96) × column 109 (94) = 3072 vs 3077 in the total table
    assert tables.flows_total.loc["001", "001"] == 1427824
    assert tables.flows_total.loc["001", "002"] == 11993
    assert tables.flows_total.loc["002", "001"] == 86028
    assert tables.flows_total.loc["112", "109"] == 3077
    assert tables.flows_domestic.loc["112", "109"] == 3072
    assert tables.output["001"] == 7642902
    assert tables.value_added["001"] == 3789855
    assert tables.compensation["001"] == 706653
    assert tables.wages["001"] == 556017
    assert tables.other_taxes["001"] == 28120
    assert tables.compensation["113"] == 380955 and tables.output["113"] == 380955
    assert tables.final_demand.loc["001", "P3_S14"] == 2559712
    assert tables.final_demand.loc["001", "P6"] == 806580
    assert tables.total_requirements.loc["001", "001"] == pytest.approx(1.2852583242115477, rel=1e-12)
    assert tables.total_requirements.loc["113", "113"] == 1.0


def test_sums_match_the_workbooks_totals(tables: IOTables) -> None:
    # TOTAL column (114) of the workbook: P1 246 859 637, B1g 120 800 762, D1 43 131 304 mln ₽;
    # the products sum to these up to Rosstat's rounding of each cell to 1 mln ₽.
    assert abs(tables.output.sum() - 246_859_637) <= 113 * 0.5
    assert abs(tables.value_added.sum() - 120_800_762) <= 113 * 0.5
    assert abs(tables.compensation.sum() - 43_131_304) <= 113 * 0.5
    # Row identity of the total table: intermediate use + total final use = total use (TU).
    fd = tables.final_demand
    gap = tables.flows_total.sum(axis=1) + fd["TFU"] - fd["TU"]
    assert gap.abs().max() <= 114 * 0.5
    # Value added + intermediate inputs (incl. imports and product taxes) = output: B1g < P1 everywhere.
    assert (tables.value_added <= tables.output).all()


def test_shipped_extract_is_the_workbook(tables: IOTables) -> None:
    shipped = load_io_tables()
    pd.testing.assert_frame_equal(shipped.products, tables.products)
    for name in ("flows_total", "flows_domestic", "final_demand", "final_demand_domestic", "total_requirements"):
        pd.testing.assert_frame_equal(getattr(shipped, name), getattr(tables, name), check_names=False, rtol=1e-14)
    for name in ("output", "value_added", "compensation", "wages", "other_taxes"):
        pd.testing.assert_series_equal(getattr(shipped, name), getattr(tables, name), check_names=False)
    assert shipped.year == 2021


def test_okved_correspondence() -> None:
    shipped = pd.read_csv(Path(__file__).parents[1] / "data" / "io2021" / "okpd2_okved2.csv", dtype=str).set_index("no")
    assert len(shipped) == 113
    assert shipped.loc["047", "okved2_divisions"] == "29" and shipped.loc["047", "okved2_section"] == "C"
    assert shipped.loc["047", "scope"] == "division"
    assert shipped.loc["013", "okved2_divisions"] == "10" and shipped.loc["013", "scope"] == "part"
    assert shipped.loc["061", "okved2_divisions"] == "41;42;43" and shipped.loc["061", "okved2_section"] == "F"
    assert shipped.loc["052", "okved2_divisions"] == "32" and shipped.loc["052", "scope"] == "part"
    assert shipped.loc["100", "okved2_section"] == "O"
    assert shipped.loc["113", "okved2_section"] == "T"
    assert shipped.loc["054", "okved2_section"] == "D"
    assert shipped.loc["086", "okved2_section"] == "L"
    products = pd.DataFrame({"no": ["001"], "okpd2": ["10.1 + 35.1"], "name_ru": ["x"]})
    with pytest.raises(ValueError, match="spans"):
        okved_correspondence(products)


# --- bad workbooks --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def workbook_bytes() -> bytes:
    """The real workbook with only the sheets the reader uses (faster to load and save)."""

    def keep(wb):
        for name in list(wb.sheetnames):
            if name not in ("Симм ТЗВ", "Симм отеч", "КПЗ"):
                wb.remove(wb[name])

    return _variant(WORKBOOK.read_bytes(), keep).getvalue()


def _variant(source: bytes, change) -> io.BytesIO:
    wb = openpyxl.load_workbook(io.BytesIO(source))
    change(wb)
    out = io.BytesIO()
    wb.save(out)
    out.seek(0)
    return out


def _error(path) -> RosstatIOError:
    with pytest.raises(RosstatIOError) as info:
        read_rosstat_io(path)
    return info.value


def test_missing_sheet(workbook_bytes: bytes) -> None:
    err = _error(_variant(workbook_bytes, lambda wb: wb.remove(wb["Симм отеч"])))
    assert err.code == "sheet_missing" and err.sheet == "Симм отеч"
    assert "«Симм отеч»" in err.text("ru") and "'Симм отеч'" in err.text("en")
    assert "Симм ТЗВ" in err.text("en")  # the sheets it did find


def test_shifted_header(workbook_bytes: bytes) -> None:
    err = _error(_variant(workbook_bytes, lambda wb: wb["Симм ТЗВ"].insert_rows(1)))
    assert (err.code, err.sheet, err.row, err.column) == ("header_mismatch", "Симм ТЗВ", 4, "A")
    assert err.text("ru") == "Лист «Симм ТЗВ», ячейка A4: ожидалось «№№», найдено «»"
    assert err.text("en") == "Sheet 'Симм ТЗВ', cell A4: expected '№№', found ''"


def test_shifted_columns_in_the_domestic_sheet(workbook_bytes: bytes) -> None:
    err = _error(_variant(workbook_bytes, lambda wb: wb["Симм отеч"].insert_cols(3)))
    assert (err.code, err.sheet, err.row, err.column) == ("no_products", "Симм отеч", 4, "D")
    assert "D4" in err.text("ru") and "found ''" in err.text("en")


def test_text_in_a_number_cell(workbook_bytes: bytes) -> None:
    def change(wb):
        wb["Симм отеч"]["F10"] = "12 345"

    err = _error(_variant(workbook_bytes, change))
    assert (err.code, err.sheet, err.row, err.column) == ("not_a_number", "Симм отеч", 10, "F")
    assert err.text("ru") == "Лист «Симм отеч», ячейка F10: ожидалось число, найдено «12 345»"
    assert err.text("en") == "Sheet 'Симм отеч', cell F10: expected a number, found '12 345'"
    assert str(err) == err.text("ru")


def test_missing_value_row(workbook_bytes: bytes) -> None:
    def change(wb):
        ws = wb["Симм ТЗВ"]
        assert ws["B129"].value == "P1"
        ws["B129"] = "P1x"

    err = _error(_variant(workbook_bytes, change))
    assert (err.code, err.sheet, err.column) == ("row_missing", "Симм ТЗВ", "B")
    assert "«P1»" in err.text("ru") and "'P1'" in err.text("en")


def test_not_a_workbook() -> None:
    err = _error(io.BytesIO(b"no;such;workbook\n1;2;3\n"))
    assert err.code == "not_a_workbook"
    assert "xlsx" in err.text("en")


def test_a_later_year_of_the_same_layout(workbook_bytes: bytes) -> None:
    def change(wb):
        ws = wb["Симм ТЗВ"]
        ws["A1"] = ws["A1"].value.replace("2021", "2026")
        ws["D5"] = 1500000

    later = read_rosstat_io(_variant(workbook_bytes, change))
    assert later.year == 2026
    assert later.flows_total.loc["001", "001"] == 1500000
    assert np.isclose(later.output.sum(), 246_859_642)


def test_extractor_reproduces_the_shipped_files(tmp_path) -> None:
    from analytics.tools import io_extract

    assert io_extract.main([str(WORKBOOK), str(tmp_path)]) == 0
    shipped = Path(__file__).parents[1] / "data" / "io2021"
    made = sorted(p.name for p in tmp_path.iterdir())
    assert "okpd2_okved2.csv" in made and "flows_total.csv" in made
    for name in made:
        assert (tmp_path / name).read_bytes() == (shipped / name).read_bytes(), name
