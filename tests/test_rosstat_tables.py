"""Rosstat's wide tables read as published: the two real files (tests/data/rosstat/, copied from
Rosstat's publications) and tables made in the same shapes (make_tables.py). Expected values are the
published figures (SOURCE.md of the real files) or the cells written by hand in make_tables.py."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from analytics.data import region_names
from analytics.data.rosstat_tables import RosstatTableError, parse_cell, parse_year, read_rosstat_table

DATA = Path(__file__).resolve().parent / "data" / "rosstat"


def _value(frame, **where):
    rows = frame
    for col, val in where.items():
        rows = rows[rows[col] == val]
    assert len(rows) == 1, (where, len(rows))
    return rows.iloc[0]


# --- the real files --------------------------------------------------------------------------------


def test_real_employment_xls_by_okved2_section():
    table = read_rosstat_table(DATA / "employment_bytypeofwork_rf_2017_2023.xls")
    frame = table.frame
    assert table.file_type == "xls" and sorted(frame["year"].unique()) == list(range(2017, 2024))
    assert frame["indicator"].nunique() == 21 and len(frame) == 147  # SOURCE.md: 21 lines × 7 years
    assert _value(frame, indicator="Всего", year=2017)["value"] == 71842.7
    assert _value(frame, indicator="Обрабатывающие производства", year=2023)["value"] == 10317.2
    assert (frame["status"] == "ok").all() and table.unmatched == []


def test_real_shipments_workbook_with_contents_sheet_and_subsections():
    table = read_rosstat_table(DATA / "otgruzka_C_D_E.xlsx")
    assert table.skipped_sheets == ["Содержание"] and table.sheets == ["1"]
    assert "Российской Федерации" in table.titles["1"] and not table.titles["1"].startswith("К содержанию")
    frame = table.frame
    assert set(frame["level"]) == {"country"} and sorted(frame["year"].unique()) == list(range(2005, 2017))
    assert _value(frame, indicator="Обрабатывающие производства", year=2016)["value"] == 36119929
    subsections = [i for i in frame["indicator"].unique() if i.startswith("Обрабатывающие производства / ")]
    assert len(subsections) == 14  # OKVED 1 subsections DA–DN
    assert len([i for i in frame["indicator"].unique() if i.startswith("Добыча полезных ископаемых / ")]) == 2
    assert "Производство и распределение электроэнергии, газа и воды" in set(frame["indicator"])  # top level again


# --- tables made in the same shapes ----------------------------------------------------------------


@pytest.mark.parametrize("name", ["regional_wide.xlsx", "regional_wide.xls", "regional_cp1251.csv"])
def test_regional_table_in_every_format(name):
    table = read_rosstat_table(DATA / name, sheet=None if name.endswith("csv") else "1")
    frame = table.frame
    assert sorted(frame["year"].unique()) == [2017, 2018, 2019, 2020]  # 2017, «2018 г.», «2019 1)», «2020»
    russia = frame[frame["level"] == "country"].set_index("year")["value"]
    assert russia[2017] == 10173.2 and russia[2018] == 10066.8 and russia[2020] == 9713.5  # «10 173,2»
    assert _value(frame, region_code="40", year=2017)["value"] == 110.3  # «110,3»
    codes = set(frame["region_code"].dropna())
    assert codes == {"77", "40", "29", "83", "14", "86", "42"}
    assert _value(frame, region_code="77", year=2020)["region_name"] == "г. Москва"
    districts = frame[frame["level"] == "district"]
    assert districts["region_code"].isna().all() and "Южный федеральный округ" in set(districts["region_name"])
    # the oblast with its okrug is a total, not region 29; «без автономного округа» is 29
    assert set(frame.loc[frame["level"] == "region_total", "region_name"]) == {"Архангельская область"}
    assert _value(frame, region_code="29", year=2017)["value"] == 59.3
    # the unmatched name is reported with its row, never guessed
    assert [(row, label) for _, row, label in table.unmatched] == [
        (22 if not name.endswith("csv") else 21, "Москва и Подмосковье (оценка)")
    ]
    assert frame.loc[frame["level"] == "unmatched", "region_code"].isna().all()


def test_every_suppressed_and_missing_mark():
    frame = read_rosstat_table(DATA / "regional_wide.xlsx", sheet="1").frame
    nenets = frame[frame["region_code"] == "83"].set_index("year")
    assert nenets["status"].tolist() == ["ok", "suppressed", "suppressed", "suppressed"]  # 1,2 «…» «...» «к»
    sakha = frame[frame["region_code"] == "14"].set_index("year")
    assert sakha["status"].tolist() == ["ok", "missing", "missing", "ok"]  # «-» «–»
    yugra = frame[frame["region_code"] == "86"].set_index("year")
    assert yugra["status"].tolist() == ["ok", "missing", "missing", "ok"]  # «х», empty
    assert frame.loc[frame["status"] != "ok", "value"].isna().all()


def test_sheet_per_indicator_and_contents_skipped():
    table = read_rosstat_table(DATA / "regional_wide.xlsx")
    assert table.skipped_sheets == ["Содержание"] and table.sheets == ["1", "2"]
    labour = table.frame[table.frame["sheet"] == "2"]
    assert table.titles["2"] == "ЧИСЛЕННОСТЬ РАБОЧЕЙ СИЛЫ (тысяч человек)"
    assert _value(labour, region_code="21", year=2023)["value"] == 598.0  # «Чувашская Республика - Чувашия»
    assert _value(labour, region_code="77", year=2022)["value"] == 7000.5  # «7 000,5»


def test_several_indicators_give_a_row_label_path():
    frame = read_rosstat_table(DATA / "multi_indicator.xlsx").frame
    kaluga = frame[frame["region_code"] == "40"].set_index(["indicator", "year"])["value"]
    assert kaluga[("Обрабатывающие производства", 2023)] == 101.2
    assert kaluga[("Производство автотранспортных средств", 2023)] == 18.4
    assert kaluga[("Производство автотранспортных средств / мужчины", 2022)] == 60.2  # region heading its lines
    tula = frame[(frame["region_code"] == "71") & (frame["indicator"] == "Производство автотранспортных средств")]
    assert tula["status"].tolist() == ["suppressed", "suppressed"]


def test_a_file_without_years_or_a_missing_sheet_is_refused():
    with pytest.raises(RosstatTableError):
        read_rosstat_table("Регион;Значение\r\nКалужская область;5\r\n".encode("cp1251"))
    with pytest.raises(RosstatTableError, match="Лист9"):
        read_rosstat_table(DATA / "regional_wide.xlsx", sheet="Лист9")


# --- cells, years and names ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "cell, year",
    [
        (2017, 2017),
        (2017.0, 2017),
        ("2017", 2017),
        ("2018 г.", 2018),
        ("2019 1)", 2019),
        ("2016¹", 2016),
        ("20161)", 2016),
        ("Всего", None),
        (2017.5, None),
        (None, None),
    ],
)
def test_years_as_numbers_or_text(cell, year):
    assert parse_year(cell) == year


@pytest.mark.parametrize(
    "cell, value, status",
    [
        ("1 234,5", 1234.5, "ok"),
        ("1\xa0234,5", 1234.5, "ok"),
        (12, 12.0, "ok"),
        ("−5", -5.0, "ok"),
        ("…", None, "suppressed"),
        ("...", None, "suppressed"),
        ("к", None, "suppressed"),
        ("-", None, "missing"),
        ("–", None, "missing"),
        ("х", None, "missing"),
        ("", None, "missing"),
        (None, None, "missing"),
    ],
)
def test_cells(cell, value, status):
    parsed, got, _ = parse_cell(cell)
    assert got == status
    assert math.isnan(parsed) if value is None else parsed == value


@pytest.mark.parametrize(
    "label, code",
    [
        ("г. Москва", "77"),
        ("Республика Саха (Якутия)", "14"),
        ("Ханты-Мансийский автономный округ – Югра", "86"),
        ("Ханты-Мансийский автономный округ - Югра", "86"),
        ("Кемеровская область – Кузбасс", "42"),
        ("Кемеровская область", "42"),
        ("Hенецкий авт.округ", "83"),  # a Latin «H», as in a Rosstat file
        ("Республика Северная Осетия- Алания", "15"),
        ("Чувашская Республика", "21"),
        ("г.Санкт-Петербург", "78"),
        ("Республика Алтай", "04"),
        ("Алтайский край", "22"),
        ("Калужская область 1)", "40"),
        ("Тюменская область без автономных округов", "72"),
    ],
)
def test_region_names(label, code):
    assert region_names.match_region(label).code == code


def test_names_that_match_nothing_or_are_not_regions():
    assert region_names.match_region("Москва и Подмосковье") is None
    assert region_names.match_region("Калуга") is None
    assert region_names.match_region("Российская Федерация").level == "country"
    assert region_names.match_region("Южный федеральный округ 2)").level == "district"
    assert region_names.match_region("Тюменская область", has_without_okrug=frozenset({"72"})).level == "region_total"
