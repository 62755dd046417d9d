"""The upload corpus (tests/data/): every bad file gets its message and leaves the store unchanged;
every good file loads, in each supported dialect, with the values it holds."""

from __future__ import annotations

import csv
import hashlib
import shutil
from pathlib import Path

import pytest

from analytics import store
from analytics.data import boundaries, ingest
from tests.data import make_corpus
from tests.store_digest import fingerprint

DATA = Path(__file__).resolve().parent / "data"
CASES = list(csv.DictReader((DATA / "corpus.csv").open(encoding="utf-8")))
BAD = [c for c in CASES if c["file"].startswith("bad/")]
GOOD = [c for c in CASES if c["file"].startswith("good/")]


@pytest.fixture(scope="module")
def shared_store(demo_db, tmp_path_factory):
    path = tmp_path_factory.mktemp("corpus") / "store.duckdb"
    shutil.copyfile(demo_db, path)
    con = store.connect(path)
    yield con
    con.close()


@pytest.fixture()
def fresh_store(demo_copy):
    return demo_copy


def test_the_corpus_is_big_enough_and_matches_its_generator():
    assert len(BAD) >= 30
    generated = {f"bad/{c[0]}" for c in make_corpus.bad_files()} | {f"bad/{n}" for n in make_corpus.GEOJSON_BAD}
    generated |= {f"good/{c[0]}" for c in make_corpus.good_files()}
    assert generated == {c["file"] for c in CASES}
    for case in CASES:
        assert (DATA / case["file"]).exists(), case["file"]
    assert len({c["expect"] for c in BAD}) >= 25  # distinct problems, not one problem many times


@pytest.mark.parametrize("case", BAD, ids=[c["file"] for c in BAD])
def test_bad_file_gets_its_message_and_changes_nothing(case, shared_store):
    before = fingerprint(shared_store)
    path = DATA / case["file"]
    if case["table"] == "boundaries":
        report = boundaries.load_boundaries(shared_store, case["mode"], path, user="tester")
    else:
        report = ingest.load_file(shared_store, case["table"], path, mode=case["mode"], user="tester")
    assert not report.ok
    assert report.version_id is None and report.rows_loaded == 0
    codes = [e.code for e in report.errors]
    assert case["expect"] in codes, (case["file"], report.errors[:3])
    for error in report.errors:  # a clear message in both languages, with every placeholder filled
        for lang in ("ru", "en"):
            text = error.message.text(lang)
            assert text and "{" not in text
    assert fingerprint(shared_store) == before


@pytest.mark.parametrize("case", GOOD, ids=[c["file"] for c in GOOD])
def test_good_file_loads(case, fresh_store):
    before = store.query(fresh_store, store.sql("SELECT count(*) AS n FROM {table}", table=case["table"]))["n"][0]
    report = ingest.load_file(fresh_store, case["table"], DATA / case["file"], mode=case["mode"], user="tester")
    assert report.ok, report.errors[:3]
    assert report.rows_loaded == int(case["expect"]) == report.added
    after = store.query(fresh_store, store.sql("SELECT count(*) AS n FROM {table}", table=case["table"]))["n"][0]
    assert after == before + int(case["expect"])
    version = store.query(fresh_store, "SELECT * FROM dataset_versions WHERE version_id = ?", [report.version_id])
    assert version["table_name"][0] == case["table"] and version["user_name"][0] == "tester"
    assert version["file_name"][0] == Path(case["file"]).name
    assert version["sha256"][0] == hashlib.sha256((DATA / case["file"]).read_bytes()).hexdigest()
    assert version["rows_after"][0] == after


ENTERPRISE_FILES = [
    "utf8_comma.csv",
    "utf8_bom_semicolon.csv",
    "cp1251_semicolon_crlf.csv",
    "utf16_tab.txt",
    "pipe_quoted.csv",
]


@pytest.mark.parametrize("name", ENTERPRISE_FILES)
def test_every_dialect_reads_the_same_rows(name, fresh_store):
    report = ingest.load_file(fresh_store, "enterprises", DATA / "good" / name, user="tester")
    assert report.ok
    rows = store.query(
        fresh_store,
        "SELECT inn, coalesce(ogrn, '-') AS ogrn, name_ru, okved, region_code, oktmo, kind, "
        "data_status "
        "FROM enterprises WHERE inn IN (?, ?) ORDER BY inn",
        [make_corpus.A, make_corpus.B],
    )
    assert rows.to_dict("records") == [
        {
            "inn": make_corpus.A,
            "ogrn": make_corpus.OGRN_A,
            "name_ru": "ООО «Калужские компоненты»",
            "okved": "29.32",
            "region_code": "40",
            "oktmo": "29701000",
            "kind": "industrial",
            "data_status": "loaded",
        },
        {
            "inn": make_corpus.B,
            "ogrn": "-",
            "name_ru": "АО «Обнинский завод, компоненты»",
            "okved": "26.51",
            "region_code": "40",
            "oktmo": "29715000",
            "kind": "industrial",
            "data_status": "loaded",
        },
    ]


def test_dialects_are_detected(fresh_store):
    expected = {
        "utf8_comma.csv": ("utf-8", ","),
        "utf8_bom_semicolon.csv": ("utf-8-sig", ";"),
        "cp1251_semicolon_crlf.csv": ("cp1251", ";"),
        "utf16_tab.txt": ("utf-16", "\t"),
        "pipe_quoted.csv": ("utf-8", "|"),
        "english_tab_any_order.tsv": ("utf-8", "\t"),
    }
    for name, (encoding, delimiter) in expected.items():
        plan = ingest.prepare(fresh_store, "enterprises", DATA / "good" / name)
        assert (plan.report.dialect["encoding"], plan.report.dialect["delimiter"]) == (encoding, delimiter), name


def test_english_headers_in_any_order_with_dates_and_flags(fresh_store):
    report = ingest.load_file(fresh_store, "enterprises", DATA / "good" / "english_tab_any_order.tsv")
    assert report.ok
    rows = store.query(
        fresh_store,
        "SELECT inn, name_ru, founded, is_sme FROM enterprises WHERE inn IN (?, ?) ORDER BY inn",
        [make_corpus.A, make_corpus.B],
    )
    assert rows.to_dict("records") == [
        {"inn": make_corpus.A, "name_ru": "Kaluga Components LLC", "founded": 2007, "is_sme": True},
        {"inn": make_corpus.B, "name_ru": "Obninsk Plant JSC", "founded": 2011, "is_sme": False},
    ]


def test_cp1251_title_rows_thousand_roubles_and_suppressed_cells(fresh_store):
    report = ingest.load_file(fresh_store, "enterprise_years", DATA / "good" / "cp1251_title_rows_thousands.csv")
    assert report.ok, report.errors
    codes = {w.code for w in report.warnings}
    assert {"header_row", "unit_converted", "suppressed"} <= codes
    rows = store.query(
        fresh_store,
        "SELECT inn, employees, revenue_mln_rub, investment_mln_rub FROM enterprise_years "
        "WHERE year = 2015 ORDER BY inn",
    )
    # 1 234 567,8 thousand roubles = 1 234,5678 mln; 12 345 678 thousand = 12 345,678 mln; «к» = missing
    assert rows["employees"].tolist() == [1250, 3400]
    assert rows["revenue_mln_rub"].tolist() == pytest.approx([1234.5678, 12345.678])
    assert rows["investment_mln_rub"][0] == pytest.approx(98.2)
    assert rows["investment_mln_rub"].isna().tolist() == [False, True]


def test_suppressed_statistics_are_missing_not_zero(fresh_store):
    report = ingest.load_file(fresh_store, "region_sector_years", DATA / "good" / "suppressed_cells.csv")
    assert report.ok
    rows = store.query(
        fresh_store,
        "SELECT region_code, employees, wages_mln_rub, establishments "
        "FROM region_sector_years WHERE year = 2015 AND okved = '29' ORDER BY region_code",
    )
    assert rows["region_code"].tolist() == ["07", "40"]
    assert rows["employees"][1] == pytest.approx(21345.5) and pd_isna(rows["employees"][0])
    assert pd_isna(rows["wages_mln_rub"][1]) and rows["wages_mln_rub"][0] == pytest.approx(12.5)
    assert pd_isna(rows["establishments"][1]) and rows["establishments"][0] == 3


def test_xlsx_with_title_rows_dates_and_numbers(fresh_store):
    report = ingest.load_file(fresh_store, "enterprises", DATA / "good" / "title_rows.xlsx")
    assert report.ok, report.errors
    assert report.dialect["format"] == "xlsx"
    rows = store.query(
        fresh_store,
        "SELECT inn, region_code, founded, is_sme FROM enterprises WHERE inn IN (?, ?) ORDER BY inn",
        [make_corpus.A, make_corpus.B],
    )
    assert rows.to_dict("records") == [
        {"inn": make_corpus.A, "region_code": "40", "founded": 2007, "is_sme": True},
        {"inn": make_corpus.B, "region_code": "40", "founded": 2011, "is_sme": False},
    ]


def pd_isna(value) -> bool:
    import pandas as pd

    return bool(pd.isna(value))
