"""The templates' example rows use fictional, valid identifiers that no enterprise of the seed has,
so a template uploaded as it is never fails as a duplicate (issue 17)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd
import pytest
from stdnum.ru import inn as stdnum_inn
from stdnum.ru import ogrn as stdnum_ogrn

from analytics.data import examples, ingest, validate

SEED = Path(__file__).resolve().parent.parent / "data" / "seed"
FICTIONAL = (examples.EXAMPLE_INN, examples.EXAMPLE_PARTNER_INN, examples.EXAMPLE_OGRN)


def test_the_fictional_identifiers_are_valid_by_python_stdnum():
    assert stdnum_inn.is_valid(examples.EXAMPLE_INN) and len(examples.EXAMPLE_INN) == 10
    assert stdnum_inn.is_valid(examples.EXAMPLE_PARTNER_INN) and len(examples.EXAMPLE_PARTNER_INN) == 10
    assert examples.EXAMPLE_INN != examples.EXAMPLE_PARTNER_INN
    assert stdnum_ogrn.is_valid(examples.EXAMPLE_OGRN) and len(examples.EXAMPLE_OGRN) == 13
    # region 40 in both, so the loader's INN-region check agrees with the example region code
    assert examples.EXAMPLE_INN[:2] == examples.EXAMPLE_OGRN[3:5] == "40"


def test_no_seed_enterprise_has_them():
    firms = pd.read_csv(SEED / "enterprises.csv", dtype=str)
    assert not set(FICTIONAL) & set(firms["inn"].dropna())
    assert not set(FICTIONAL) & set(firms["ogrn"].dropna())
    for path in SEED.rglob("*.csv"):  # nor any other seed file, anywhere
        text = path.read_text(encoding="utf-8-sig")
        assert not [f for f in FICTIONAL if f in text], path.name


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_every_template_uses_them_in_its_identifier_columns(lang):
    for table in ingest.data_tables():
        spec = validate.TABLES[table]
        header, row = csv.reader(io.StringIO(ingest.template_csv(table, lang).decode("utf-8-sig")), delimiter=";")
        assert header == validate.template_headers(spec, lang)
        for column, value in zip(spec.columns, row):
            if column.kind == "inn" and table == "supply_links":  # two illustrative firms of the demo
                assert value == examples.SUPPLY_LINK_INNS[column.name], (table, column.name)
            elif column.kind == "inn":
                expected = examples.EXAMPLE_PARTNER_INN if column.name == "buyer_inn" else examples.EXAMPLE_INN
                assert value == expected, (table, column.name)
            elif column.kind == "ogrn":
                assert value == examples.EXAMPLE_OGRN, (table, column.name)


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_the_enterprise_template_loads_as_it_is(demo_copy, lang):
    report = ingest.load_file(demo_copy, "enterprises", ingest.template_csv("enterprises", lang), user="tester")
    assert report.ok, [(e.code, e.column, e.value) for e in report.errors]
    assert report.added == 1
    row = demo_copy.execute(
        "SELECT ogrn, region_code FROM enterprises WHERE inn = ?", [examples.EXAMPLE_INN]
    ).fetchall()
    assert row == [(examples.EXAMPLE_OGRN, "40")]


def test_templates_loaded_in_order_refer_to_one_another_without_duplicates(demo_copy):
    for table in (
        "enterprises",
        "enterprise_years",
        "projects",
        "project_participants",
        "project_costs",
        "project_revenues",
    ):
        report = ingest.load_file(demo_copy, table, ingest.template_csv(table, "ru"), user="tester")
        assert report.ok, (table, [(e.code, e.column, e.value) for e in report.errors])


SEED_FIRMS = pd.read_csv(SEED / "enterprises.csv", dtype=str).set_index("inn")


def test_the_supply_link_template_links_two_illustrative_firms_of_the_demo_and_loads_as_it_is(demo_copy):
    for inn in examples.SUPPLY_LINK_INNS.values():
        assert stdnum_inn.is_valid(inn)
        assert SEED_FIRMS.loc[inn, "data_status"] == "illustrative" and "(демо)" in SEED_FIRMS.loc[inn, "name_ru"]
    for lang in ("ru", "en"):
        report = ingest.prepare(demo_copy, "supply_links", ingest.template_csv("supply_links", lang)).report
        assert report.ok and report.added == 1, [(e.code, e.value) for e in report.errors]


@pytest.mark.parametrize(
    "table",
    [
        "sectors",
        "cluster_templates",
        "programme_projects",
        "supply_links",
        "region_sector_years",
        "region_indicators",
        "registry_clusters",
        "public_facts",
    ],
)
def test_these_templates_load_as_they_are_in_append_mode_on_the_demo_store(demo_copy, table):
    for lang in ("ru", "en"):
        report = ingest.prepare(demo_copy, table, ingest.template_csv(table, lang)).report
        assert report.ok and report.added == 1, (table, lang, [(e.code, e.column, e.value) for e in report.errors])


@pytest.mark.parametrize("table", ["regions", "municipalities", "region_reference", "io_cells"])
def test_a_template_whose_example_the_demo_store_holds_says_so_first(demo_copy, table):
    # every federal subject, every Kaluga municipality and the 2021 input-output cells are in the demo store
    report = ingest.prepare(demo_copy, table, ingest.template_csv(table, "ru")).report
    assert not report.ok
    assert report.errors[0].code == "template_row_held"
    assert "шаблон без изменений" in report.errors[0].message.text("ru")
    assert {e.code for e in report.errors[1:]} == {"duplicate_in_store"}


def test_a_template_that_needs_another_template_names_it(demo_copy):
    report = ingest.prepare(demo_copy, "project_participants", ingest.template_csv("project_participants", "en")).report
    assert [e.message.values["table"] for e in report.errors if e.code == "template_needs"] == [
        "enterprises",
        "projects",
    ]
    edited = ingest.template_csv("project_participants", "ru").replace(b"AUTO-2024-01", b"AUTO-2024-02")
    report = ingest.prepare(demo_copy, "project_participants", edited).report  # not the template any more
    assert "template_needs" not in {e.code for e in report.errors}
