"""Loading FNS open data into the store (analytics/data/fns_load.py): one step per archive, preview,
versions and rollback; entrepreneurs only when asked; every refusal leaves the store unchanged.

Expected values are the fixture figures (tests/data/fns/make_fns_fixtures.py), written here by hand."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

from analytics import ingest, store
from analytics.data import fns, fns_load
from tests.data.fns import make_fns_fixtures as fx
from tests.store_digest import fingerprint

DATA = Path(__file__).resolve().parent / "data" / "fns"


def row(con, table: str, inn: str, year: int | None = None) -> dict:
    if year is None:
        frame = store.query(con, "SELECT * FROM enterprises WHERE inn = ?", [inn])
    else:
        frame = store.query(con, "SELECT * FROM enterprise_years WHERE inn = ? AND year = ?", [inn, year])
    assert len(frame) == 1, (table, inn)
    return frame.iloc[0].to_dict()


def test_rsmp_region_40_legal_entities_only(demo_copy):
    con = demo_copy
    before = store.query(con, "SELECT count(*) AS n FROM enterprises")["n"][0]
    report = fns_load.load_fns(con, DATA / "rsmp-405.xml", region="40", user="anna")
    assert report.ok, report.errors
    assert (report.dataset, report.table) == ("rsmp", "enterprises")
    assert (report.added, report.changed, report.removed) == (2, 0, 0)
    # of 5 documents: 1 in region 77, 2 individuals (entrepreneur, farm)
    assert report.skipped == {"fns_other_region": 1, "fns_entrepreneurs_skipped": 2}
    assert store.query(con, "SELECT count(*) AS n FROM enterprises")["n"][0] == before + 2
    firm = row(con, "enterprises", fx.FIRM1)
    assert firm["okved"] == "29.32" and firm["region_code"] == "40" and firm["ogrn"] == "1024001234564"
    assert firm["name_ru"] == 'ОБЩЕСТВО С ОГРАНИЧЕННОЙ ОТВЕТСТВЕННОСТЬЮ "КАЛУГА АВТОКОМПОНЕНТ"'
    assert (firm["is_sme"], firm["sme_category"], firm["legal_kind"]) == (True, "small", "legal")
    assert firm["data_status"] == "loaded" and firm["source"] == "ФНС, реестр МСП на 10.06.2025"
    other = row(con, "enterprises", fx.FIRM2)  # INN prefix 52, region 40 from the file
    assert other["region_code"] == "40" and other["sme_category"] == "micro"
    assert store.query(con, "SELECT count(*) AS n FROM enterprises WHERE length(inn) = 12")["n"][0] == 0
    version = store.query(con, "SELECT * FROM dataset_versions WHERE version_id = ?", [report.version_id]).iloc[0]
    assert version["table_name"] == "enterprises" and version["user_name"] == "anna"
    assert version["file_name"] == "rsmp-405.xml" and len(version["sha256"]) == 64
    assert "rsmp" in version["note"] and "10.06.2025" in version["note"]
    assert store.integrity_problems(con).empty


def test_rsmp_all_regions_and_entrepreneurs_when_asked(demo_copy):
    con = demo_copy
    # The demo classifier lacks retail and crop codes: add them as an analyst would (whole path, no shortcut).
    sectors = pd.DataFrame(
        {
            "code": ["G", "47", "47.1", "47.11", "A", "01", "01.1", "01.11"],
            "parent": [None, "G", "47", "47.1", None, "A", "01", "01.1"],
            "level": ["section", "division", "group", "class"] * 2,
            "section": ["G"] * 4 + ["A"] * 4,
            "name_ru": ["x"] * 8,
        }
    )
    existing = set(store.query(con, "SELECT code FROM sectors")["code"])
    store.load_frame(con, "sectors", sectors[~sectors["code"].isin(existing)])
    report = fns_load.load_fns(con, DATA / "rsmp-405.xml", include_entrepreneurs=True, user="anna")
    assert report.ok, report.errors
    assert report.added == 5 and report.skipped == {}
    ip = row(con, "enterprises", fx.IP1)
    assert (ip["legal_kind"], ip["name_ru"], ip["ogrn"]) == ("entrepreneur", "ИВАНОВ ИВАН ИВАНОВИЧ", "319402700012340")
    assert row(con, "enterprises", fx.FARM1)["legal_kind"] == "farm"
    assert row(con, "enterprises", fx.FIRM3)["region_code"] == "77"


def test_rsmp_skips_firms_without_a_usable_okved(demo_copy):
    report = fns_load.load_fns(demo_copy, DATA / "rsmp-2019-401.xml", user="anna")
    # one firm has only an OKVED 2001 code, the other none: neither can enter enterprises (okved is required)
    assert report.ok and report.added == 0
    assert report.skipped == {"fns_okved_missing": 2}
    assert "fns_okved_2001" in [w.code for w in report.warnings]


def test_rsmp_update_keeps_what_the_register_does_not_know(demo_copy):
    con = demo_copy
    inn = "4099000011"  # a demo firm with English name, OKTMO, cluster and founding year
    before = row(con, "enterprises", inn)
    doc = fx.rsmp_doc(
        doc_id="u1",
        as_of="10.06.2025",
        kind="1",
        category="3",
        inn=inn,
        name="ООО АГР  АВТОМОТИВ",
        ogrn=None,
        region="40",
        okved=("29.10", "2014"),
    )
    report = fns_load.load_fns(con, fx.envelope("РЕЕСТРМСП", "4.05", [doc]).encode(), file_name="one.xml", user="anna")
    assert report.ok, report.errors
    assert (report.added, report.changed) == (0, 1)
    after = row(con, "enterprises", inn)
    assert after["name_ru"] == "ООО АГР АВТОМОТИВ" and after["sme_category"] == "medium" and after["is_sme"]
    for kept in ("name_en", "oktmo", "lat", "lon", "founded", "kind", "cluster_hint", "ogrn"):
        assert after[kept] == before[kept] or (pd.isna(after[kept]) and pd.isna(before[kept])), kept


def test_sshr_revexp_paytax_fill_enterprise_years(demo_copy):
    con = demo_copy
    assert fns_load.load_fns(con, DATA / "rsmp-405.xml", region="40", user="anna").ok
    sshr = fns_load.load_fns(con, DATA / "sshr-2023.xml", user="anna")
    assert sshr.ok and (sshr.table, sshr.added, sshr.changed) == ("enterprise_years", 2, 0)
    assert sshr.skipped == {"fns_not_in_store": 1}  # OUTSIDER is not in the store
    revexp = fns_load.load_fns(con, DATA / "revexp-2023.xml", user="anna")
    assert revexp.ok and (revexp.added, revexp.changed) == (0, 2) and revexp.skipped == {"fns_not_in_store": 1}
    paytax = fns_load.load_fns(con, DATA / "paytax-2023.xml", user="anna")
    assert paytax.ok and (paytax.added, paytax.changed) == (0, 2)
    y = row(con, "enterprise_years", fx.FIRM1, 2023)
    assert y["employees"] == 118
    assert y["income_mln_rub"] == pytest.approx(45.678) and y["expenses_mln_rub"] == pytest.approx(40.123)
    assert pd.isna(y["revenue_mln_rub"])  # income is not revenue
    assert y["taxes_federal_mln_rub"] == pytest.approx(2.5)
    assert y["taxes_regional_mln_rub"] == pytest.approx(1.2000005)  # profit tax 1 200 000.50 + USN 0
    assert y["taxes_local_mln_rub"] == pytest.approx(0.03)
    assert y["taxes_social_funds_mln_rub"] == pytest.approx(0.8)
    assert y["taxes_non_tax_mln_rub"] == pytest.approx(0.0015)
    assert y["taxes_unknown_mln_rub"] == pytest.approx(0.004)
    assert y["data_status"] == "loaded"
    assert y["source"] == (
        "ФНС, среднесписочная численность на 31.12.2023; ФНС, доходы и расходы по "
        "бухотчётности на 31.12.2023; ФНС, уплаченные налоги и сборы на 31.12.2023"
    )
    z = row(con, "enterprise_years", fx.FIRM2, 2023)
    assert (
        z["employees"] == 0 and z["taxes_unknown_mln_rub"] == pytest.approx(0.0001) and z["taxes_federal_mln_rub"] == 0
    )


def test_revexp_leaves_revenue_of_an_existing_year_alone(demo_copy):
    con = demo_copy
    inn = "4029032450"
    before = row(con, "enterprise_years", inn, 2023)
    doc = fx.open_doc(
        doc_id="r",
        as_of="31.12.2023",
        inn=inn,
        name="АО",
        children=fx.el("СведДохРасх", [("СумДоход", "9000000000.00"), ("СумРасход", "8000000000.00")]),
    )
    report = fns_load.load_fns(con, fx.envelope("ОТКРДАННЫЕ5", "4.01", [doc]).encode(), user="anna")
    assert report.ok and report.changed == 1
    after = row(con, "enterprise_years", inn, 2023)
    assert after["income_mln_rub"] == pytest.approx(9000.0) and after["expenses_mln_rub"] == pytest.approx(8000.0)
    assert after["revenue_mln_rub"] == before["revenue_mln_rub"] and after["employees"] == before["employees"]


def test_region_filter_for_yearly_figures(demo_copy):
    con = demo_copy
    assert fns_load.load_fns(con, DATA / "rsmp-405.xml", user="anna").ok  # FIRM1, FIRM2 (40), FIRM3 (77)
    doc = fx.open_doc(
        doc_id="s", as_of="31.12.2023", inn=fx.FIRM3, name="ООО", children=fx.el("СведССЧР", [("КолРаб", "230")])
    )
    text = fx.sshr_2023().replace("</Файл>", doc + "</Файл>")
    report = fns_load.load_fns(con, text.encode(), region="40", user="anna")
    assert report.ok and report.added == 2
    assert report.skipped == {"fns_not_in_store": 1, "fns_other_region": 1}


def test_preview_writes_nothing_then_commit_writes(demo_copy):
    con = demo_copy
    before = fingerprint(con)
    plan = fns_load.prepare_fns(con, DATA / "rsmp-405.xml", region="40")
    assert plan.report.ok and (plan.report.added, plan.report.changed) == (2, 0)
    assert len(plan.samples["added"]) == 2
    assert fingerprint(con) == before
    report = fns_load.commit_fns(con, plan, user="anna")
    assert report.ok and report.version_id and report.rows_loaded == 2


def test_commit_refused_when_the_store_moved_since_the_preview(demo_copy):
    con = demo_copy
    plan = fns_load.prepare_fns(con, DATA / "rsmp-405.xml", region="40")
    assert fns_load.load_fns(con, DATA / "rsmp-405.xml", region="40", user="bob").ok
    before = fingerprint(con)
    report = fns_load.commit_fns(con, plan, user="anna")
    assert not report.ok and [e.code for e in report.errors] == ["store_changed"]
    assert fingerprint(con) == before


def test_rollback_restores_the_table(demo_copy):
    con = demo_copy
    first = fns_load.load_fns(con, DATA / "rsmp-405.xml", region="40", user="anna")
    before = store.query(con, "SELECT * FROM enterprises ORDER BY inn")
    doc = fx.rsmp_doc(
        doc_id="u1",
        as_of="10.07.2025",
        kind="1",
        category="3",
        inn=fx.FIRM1,
        name="НОВОЕ ИМЯ",
        ogrn=None,
        region="40",
        okved=("22.29", "2014"),
    )
    second = fns_load.load_fns(con, fx.envelope("РЕЕСТРМСП", "4.05", [doc]).encode(), user="anna")
    assert second.ok and second.changed == 1
    assert row(con, "enterprises", fx.FIRM1)["okved"] == "22.29"
    back = ingest.rollback(con, "enterprises", first.version_id, user="anna")
    assert back.ok, back.errors
    pd.testing.assert_frame_equal(store.query(con, "SELECT * FROM enterprises ORDER BY inn"), before)


HOSTILE = [
    "hostile/billion-laughs.xml",
    "hostile/external-entity.xml",
    "hostile/not-fns.xml",
    "hostile/truncated.xml",
    "hostile/unknown-type.xml",
    "hostile/bad-inn.xml",
    "hostile/duplicates",
]
EXPECT = [
    "fns_dtd",
    "fns_dtd",
    "fns_not_fns",
    "fns_truncated",
    "fns_unknown_type",
    "fns_inn_checksum",
    "fns_duplicate_inn",
]


@pytest.fixture(scope="module")
def shared_store(demo_db, tmp_path_factory):
    path = tmp_path_factory.mktemp("fns") / "store.duckdb"
    shutil.copyfile(demo_db, path)
    con = store.connect(path)
    yield con
    con.close()


@pytest.mark.parametrize("name,code", list(zip(HOSTILE, EXPECT)), ids=HOSTILE)
def test_refused_input_leaves_the_store_unchanged(name, code, shared_store):
    before = fingerprint(shared_store)
    report = fns_load.load_fns(shared_store, DATA / name, user="anna")
    assert not report.ok and report.version_id is None and report.rows_loaded == 0
    assert code in [e.code for e in report.errors]
    for error in report.errors:
        for lang in ("ru", "en"):
            text = error.message.text(lang)
            assert text and "{" not in text
    assert fingerprint(shared_store) == before


def test_zip_bomb_refused_store_unchanged(shared_store, tmp_path):
    before = fingerprint(shared_store)
    report = fns_load.load_fns(shared_store, fx.zip_bomb(tmp_path / "bomb.zip"), user="anna")
    assert [e.code for e in report.errors] == ["fns_zip_ratio"]
    assert fingerprint(shared_store) == before


def test_mixed_datasets_refused_store_unchanged(shared_store, tmp_path):
    (tmp_path / "a.xml").write_bytes((DATA / "sshr-2023.xml").read_bytes())
    (tmp_path / "b.xml").write_bytes((DATA / "paytax-2023.xml").read_bytes())
    before = fingerprint(shared_store)
    report = fns_load.load_fns(shared_store, tmp_path, user="anna")
    assert [e.code for e in report.errors] == ["fns_mixed"]
    assert fingerprint(shared_store) == before


def test_limits_are_the_readers(shared_store, tmp_path):
    report = fns_load.load_fns(
        shared_store, fx.many_members(tmp_path / "m.zip", 3), user="anna", limits=fns.FnsLimits(max_members=2)
    )
    assert [e.code for e in report.errors] == ["fns_zip_members"]


def test_entrepreneurs_are_never_exported_by_default():
    import io

    import openpyxl

    from analytics import export

    frame = pd.DataFrame({"inn": [fx.FIRM1, fx.IP1], "name_ru": ["ООО", "ИВАНОВ ИВАН ИВАНОВИЧ"]})
    text = export.csv_bytes(frame).decode("utf-8-sig")
    assert fx.FIRM1 in text and fx.IP1 not in text and "ИВАНОВ" not in text
    assert fx.IP1 in export.csv_bytes(frame, include_personal=True).decode("utf-8-sig")
    headed = frame.rename(columns={"inn": "ИНН"})  # a page's translated header
    book = openpyxl.load_workbook(io.BytesIO(export.excel_bytes({"s": headed})))
    assert [c.value for c in book["s"]["A"]] == ["ИНН", fx.FIRM1]
    links = pd.DataFrame({"supplier_inn": [fx.IP1], "buyer_inn": [fx.FIRM1], "value_mln_rub": [1.0]})
    assert export.without_personal_data(links).empty


def test_personal_rows_dropped_even_under_a_repeated_header():
    from analytics import export

    frame = pd.DataFrame([[fx.IP1, fx.FIRM1], [fx.FIRM2, fx.FIRM1]], columns=["ИНН", "ИНН"])
    assert export.without_personal_data(frame).values.tolist() == [[fx.FIRM2, fx.FIRM1]]
    numbers = pd.DataFrame({"inn": [4027012346, 402712345698]})  # INNs that became numbers
    assert export.without_personal_data(numbers)["inn"].tolist() == [4027012346]
