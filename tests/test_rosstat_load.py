"""Loading a Rosstat wide table in one step into region_sector_years or region_indicators, with the
loader's preview, a version and rollback. Expected values are the table's cells (make_tables.py)
times the unit factor, computed by hand."""

from __future__ import annotations

from pathlib import Path

import pytest

from analytics import ingest, store
from analytics.data.rosstat_load import load_rosstat_table, prepare_rosstat_load, unit_scale

DATA = Path(__file__).resolve().parent / "data" / "rosstat"


@pytest.fixture()
def con(demo_copy):
    return demo_copy


def _rsy(con, okved: str, year: int):
    return store.query(
        con,
        "SELECT region_code, employees, wages_mln_rub, data_status FROM region_sector_years "
        "WHERE okved = ? AND year = ? ORDER BY region_code",
        [okved, year],
    ).set_index("region_code")


def _codes(report) -> set[str]:
    return {w.code for w in report.warnings}


def test_employment_table_into_region_sector_years_in_persons(con):
    before = _rsy(con, "29", 2017)
    load = prepare_rosstat_load(
        con, DATA / "regional_wide.xlsx", target="region_sector_years", okved="29", measure="employees", sheet="1"
    )
    report = load.report
    assert report.ok, report.errors
    # 7 regions × 4 years, all already in the demo store: changed, none added or removed
    assert (report.added, report.changed, report.removed) == (0, 28, 0)
    assert {"rosstat_read", "rosstat_skipped", "rosstat_unmatched", "rosstat_unit"} <= _codes(report)
    assert _rsy(con, "29", 2017).equals(before)  # a preview writes nothing
    done = ingest.commit(con, load.plan, "tester")
    assert done.ok and done.rows_loaded == 28
    after = _rsy(con, "29", 2017)
    assert after.loc["40", "employees"] == 110_300  # «110,3» thousand persons
    assert after.loc["29", "employees"] == 59_300  # Arkhangelsk without its okrug
    assert after.loc["40", "data_status"] == "loaded"
    assert after.loc["40", "wages_mln_rub"] == before.loc["40", "wages_mln_rub"]  # other measures kept
    assert after.loc["01", "employees"] == before.loc["01", "employees"]  # other regions kept
    nenets = _rsy(con, "29", 2018).loc["83"]
    assert pd_isna(nenets["employees"]) and nenets["data_status"] == "loaded"  # «…»: unknown, not 0
    version = (
        store.query(
            con, "SELECT table_name, action, user_name FROM dataset_versions WHERE version_id = ?", [done.version_id]
        )
        .iloc[0]
        .tolist()
    )
    assert version == ["region_sector_years", "replace", "tester"]


def pd_isna(value) -> bool:
    return value is None or value != value


def test_rollback_restores_the_illustrative_rows(con):
    before = _rsy(con, "29", 2019)
    previous = int(
        store.query(con, "SELECT max(version_id) AS v FROM dataset_versions WHERE table_name = 'region_sector_years'")[
            "v"
        ][0]
    )
    assert load_rosstat_table(
        con,
        DATA / "regional_wide.xls",
        target="region_sector_years",
        okved="29",
        measure="employees",
        sheet="1",
        user="tester",
    ).ok
    assert _rsy(con, "29", 2019).loc["40", "employees"] == 108_100
    back = ingest.rollback(con, "region_sector_years", previous, user="tester")
    assert back.ok
    assert _rsy(con, "29", 2019).equals(before)


def test_a_table_into_region_indicators_with_russia_and_status(con):
    report = load_rosstat_table(
        con,
        DATA / "regional_wide.xlsx",
        target="region_indicators",
        sheet="1",
        indicator="Занятые в обрабатывающих производствах",
        unit="thousand_persons",
        source_note="Росстат, Регионы России",
        user="tester",
    )
    assert report.ok, report.errors
    rows = store.query(
        con,
        "SELECT region_code, year, value, cell_status AS status, breakdown, data_status FROM region_indicators "
        "WHERE indicator = 'Занятые в обрабатывающих производствах'",
    )
    assert len(rows) == 8 * 4 and set(rows["breakdown"]) == {"total"}  # Russia + 7 regions, 4 years
    keyed = rows.set_index(["region_code", "year"])
    assert keyed.loc[("RU", 2017), "value"] == 10173.2 and keyed.loc[("40", 2020), "value"] == 105.0
    assert keyed.loc[("83", 2020), "status"] == "suppressed" and pd_isna(keyed.loc[("83", 2020), "value"])
    assert keyed.loc[("14", 2018), "status"] == "missing"
    public = store.query(con, "SELECT count(*) AS n FROM region_indicators WHERE data_status = 'public'")["n"][0]
    assert public == 3869  # the shipped public rows are kept


def test_reloading_the_same_indicator_changes_nothing_twice(con):
    kwargs = dict(target="region_indicators", sheet="2", indicator="Рабочая сила", user="tester")
    first = load_rosstat_table(con, DATA / "regional_wide.xlsx", **kwargs)
    assert first.ok and first.added == 8
    again = prepare_rosstat_load(
        con, DATA / "regional_wide.xlsx", target="region_indicators", sheet="2", indicator="Рабочая сила"
    )
    assert again.report.ok and (again.report.added, again.report.changed, again.report.removed) == (0, 0, 0)


def test_several_indicators_need_a_choice_for_region_sector_years(con):
    report = load_rosstat_table(
        con, DATA / "multi_indicator.xlsx", target="region_sector_years", okved="29", measure="employees", user="tester"
    )
    assert not report.ok and report.errors[0].code == "rosstat_choose_indicator"
    chosen = load_rosstat_table(
        con,
        DATA / "multi_indicator.xlsx",
        target="region_sector_years",
        okved="29",
        measure="employees",
        row_label="Производство автотранспортных средств",
        user="tester",
    )
    assert chosen.ok, chosen.errors
    # the title says «(тысяч человек)»: 18,4 thousand → 18 400 persons
    assert _rsy(con, "29", 2023).loc["40", "employees"] == pytest.approx(18_400)


def test_bad_requests_leave_the_store_untouched(con):
    before = store.data_fingerprint(con)
    assert (
        load_rosstat_table(
            con, DATA / "regional_wide.xlsx", target="region_sector_years", okved="C", measure="employees", user="t"
        )
        .errors[0]
        .code
        == "rosstat_target"
    )
    assert (
        load_rosstat_table(con, DATA / "regional_wide.xlsx", target="enterprises", user="t").errors[0].code
        == "rosstat_target"
    )
    assert (
        load_rosstat_table(con, b"not a table at all", target="region_indicators", user="t").errors[0].code
        == "rosstat_unreadable"
    )
    assert (
        load_rosstat_table(
            con,
            DATA / "otgruzka_C_D_E.xlsx",
            target="region_sector_years",
            okved="29",
            measure="revenue_mln_rub",
            user="t",
        )
        .errors[0]
        .code
        == "rosstat_no_rows"
    )  # Russia only
    assert store.data_fingerprint(con) == before


def test_a_russia_level_table_loads_as_ru_indicators(con):
    report = load_rosstat_table(
        con,
        DATA / "employment_bytypeofwork_rf_2017_2023.xls",
        target="region_indicators",
        region_code="RU",
        indicator="Занятые по ОКВЭД 2",
        unit="thousand_persons",
        user="tester",
    )
    assert report.ok and report.added == 147
    value = store.query(
        con,
        "SELECT value FROM region_indicators WHERE indicator = 'Занятые по ОКВЭД 2' AND "
        "breakdown = 'Обрабатывающие производства' AND region_code = 'RU' AND year = 2023",
    )
    assert value["value"][0] == 10317.2


@pytest.mark.parametrize(
    "title, measure, factor",
    [
        ("(тысяч человек)", "employees", 1000.0),
        ("тыс. человек", "employees", 1000.0),
        ("млрд руб.", "revenue_mln_rub", 1000.0),
        ("тыс. руб.", "wages_mln_rub", 0.001),
        ("(млн.руб.)", "revenue_mln_rub", 1.0),
        ("человек", "employees", 1.0),
        ("тысяч человек", "revenue_mln_rub", 1.0),
    ],
)
def test_unit_scale(title, measure, factor):
    assert unit_scale(title, measure)[0] == factor
