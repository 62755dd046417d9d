"""Reading FNS open data (analytics/data/fns.py): the four datasets in their real shapes, and every hostile
input refused or reported with its message. Expected figures are the ones written into the fixtures
(tests/data/fns/make_fns_fixtures.py) and into the real PAYTAX excerpt, repeated here by hand."""

from __future__ import annotations

import io
import zipfile
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from analytics import validate
from analytics.data import fns, fns_taxes
from tests.data.fns import make_fns_fixtures as fx

DATA = Path(__file__).resolve().parent / "data" / "fns"


def codes(issues) -> list[str]:
    return [i.code for i in issues]


def texts_complete(issues) -> None:
    for issue in issues:
        for lang in ("ru", "en"):
            text = issue.message.text(lang)
            assert text and "{" not in text, text


def test_fixtures_match_their_generator(tmp_path):
    for name, make in fx.FILES.items():
        assert (DATA / name).read_text(encoding="utf-8") == make(), name
    assert (DATA / "hostile" / "truncated.xml").read_bytes().count(b"\n") == 0  # one line, as FNS writes


def test_columns_are_exactly_the_issue_list():
    assert fns.COLUMNS == (
        "dataset",
        "inn",
        "name",
        "as_of",
        "region_code",
        "okved",
        "sme_category",
        "kind",
        "ogrn",
        "employees",
        "income_mln_rub",
        "expenses_mln_rub",
        "tax_name",
        "paid_mln_rub",
        "budget_level",
    )


def test_rsmp_405_every_field_and_the_header_mismatch():
    result = fns.read_fns_open_data(DATA / "rsmp-405.xml")
    assert result.ok, result.errors
    f = result.frame
    assert list(f.columns) == list(fns.COLUMNS)
    assert list(f["inn"]) == ["4027012346", "5233001119", "402712345698", "400198765417", "7729005553"]
    assert list(f["kind"]) == ["legal", "legal", "entrepreneur", "farm", "legal"]
    assert list(f["sme_category"]) == ["small", "micro", "micro", "micro", "medium"]
    assert list(f["okved"]) == ["29.32", "22.29", "47.11", "01.11", "29.10"]
    # the INN 5233… firm sits in region 40: the region comes from СведМН, not from the INN
    assert list(f["region_code"]) == ["40", "40", "40", "40", "77"]
    assert list(f["ogrn"]) == ["1024001234564", "1154027009993", "319402700012340", "305400100001111", "1027700555112"]
    assert set(f["as_of"]) == {date(2025, 6, 10)}
    # &quot; decoded, double space collapsed; leading space dropped; «» kept; entrepreneur named by ФИО
    assert f["name"].iloc[0] == 'ОБЩЕСТВО С ОГРАНИЧЕННОЙ ОТВЕТСТВЕННОСТЬЮ "КАЛУГА АВТОКОМПОНЕНТ"'
    assert f["name"].iloc[1] == "АКЦИОНЕРНОЕ ОБЩЕСТВО «ПЛАСТИК»"
    assert f["name"].iloc[2] == "ИВАНОВ ИВАН ИВАНОВИЧ" and f["name"].iloc[3] == "ПЕТРОВА АННА"
    assert f[["employees", "income_mln_rub", "tax_name", "budget_level"]].isna().all().all()
    assert codes(result.warnings) == ["fns_doc_count"]
    assert result.warnings[0].message.values == {"file": "rsmp-405.xml", "declared": 900, "found": 5}
    assert [(x.dataset, x.version, x.declared, x.documents) for x in result.files] == [("rsmp", "4.05", 900, 5)]


def test_rsmp_2019_without_ogrn_with_okved_2001_and_without_okved():
    result = fns.read_fns_open_data(DATA / "rsmp-2019-401.xml")
    assert result.ok
    f = result.frame
    assert list(f["inn"]) == ["4028003217", "4028004563"]
    assert f["ogrn"].isna().all()
    assert f["okved"].isna().all()  # 34.30 is an OKVED 2001 code; the second firm has none
    assert f["name"].iloc[0] == 'ООО "СТАРЫЙ"'
    assert codes(result.warnings) == ["fns_okved_2001"]
    warning = result.warnings[0]
    assert warning.value == "34.30" and warning.message.values["doc"] == 1
    assert warning.message.values["file"] == "rsmp-2019-401.xml"
    texts_complete(result.warnings)


def test_zip_as_published_versions_404_and_406():
    result = fns.read_fns_open_data(DATA / "data-10012024-structure-10062023.zip")
    assert result.ok
    assert [x.version for x in result.files] == ["4.04", "4.06"]
    assert result.files[0].name == "data-10012024-structure-10062023.zip/VO_RRMSPSV_0000_9965_20240110_aaaa_1.xml"
    assert list(result.frame["inn"]) == ["4027012346", "5233001119", "7729005553", "402712345698"]
    assert set(result.frame["as_of"]) == {date(2024, 1, 10)}


def test_the_same_zip_from_bytes_and_from_an_upload_object():
    data = (DATA / "data-10012024-structure-10062023.zip").read_bytes()
    upload = io.BytesIO(data)
    upload.name = "upload.zip"
    for source in (data, upload):
        result = fns.read_fns_open_data(source)
        assert result.ok and len(result.frame) == 4


def test_sshr_headcounts():
    f = fns.read_fns_open_data(DATA / "sshr-2023.xml").frame
    assert list(f["dataset"].unique()) == ["sshr"]
    assert list(f["employees"]) == [118, 0, 7]
    assert set(f["as_of"]) == {date(2023, 12, 31)}


def test_revexp_in_millions_negative_kept():
    f = fns.read_fns_open_data(DATA / "revexp-2023.xml").frame
    assert f["income_mln_rub"].tolist() == pytest.approx([45.678, 0.0, 0.001])
    assert f["expenses_mln_rub"].tolist() == pytest.approx([40.123, 0.0, -0.015])


def test_paytax_lines_levels_and_unknown_name():
    result = fns.read_fns_open_data(DATA / "paytax-2023.xml")
    assert result.ok
    f = result.frame
    assert len(f) == 8  # 7 lines of the first firm + 1 of the second
    first = f[f["inn"] == "4027012346"]
    assert first["budget_level"].tolist() == [
        "federal",
        "regional",
        "regional",
        "local",
        "social_funds",
        "non_tax",
        "unknown",
    ]
    assert first["paid_mln_rub"].tolist() == pytest.approx([2.5, 1.2000005, 0.0, 0.03, 0.8, 0.0015, 0.004])
    # the USN name has double spaces in the file: normalised
    assert first["tax_name"].iloc[2] == "Налог, взимаемый в связи с применением упрощенной системы налогообложения"
    by_level = first.groupby("budget_level")["paid_mln_rub"].sum()
    assert by_level["regional"] == pytest.approx(1.2000005)
    assert codes(result.warnings) == ["fns_tax_unknown"]
    assert result.warnings[0].value == "Новый сбор"


def test_real_paytax_excerpt():
    """The real FNS file of 07.11.2023 (10 organisations, header КолДок=900); figures read from the file."""
    result = fns.read_fns_open_data(DATA / "paytax-sample-2022.xml")
    assert result.ok and codes(result.warnings) == ["fns_doc_count"]
    f = result.frame
    assert f["inn"].nunique() == 10 and set(f["as_of"]) == {date(2022, 12, 31)}
    nordex = f[f["inn"] == "5048027592"]
    assert nordex["name"].iloc[0] == 'ОБЩЕСТВО С ОГРАНИЧЕННОЙ ОТВЕТСТВЕННОСТЬЮ "НОРДЕКС"'
    # НДС 5 075 649.22 ₽; the seven lines total 6 879 949.03 ₽
    assert nordex.loc[nordex["tax_name"] == "Налог на добавленную стоимость", "paid_mln_rub"].iloc[0] == pytest.approx(
        5.07564922
    )
    assert nordex["paid_mln_rub"].sum() == pytest.approx(6.87994903)
    levels = nordex.groupby("budget_level")["paid_mln_rub"].sum()
    assert levels["federal"] == pytest.approx(5.07564922)
    assert levels["regional"] == pytest.approx(1.05260506 + 0.094598)  # profit tax + transport tax
    assert levels["social_funds"] == pytest.approx(0.11860961 + 0.53848714)
    assert f["budget_level"].isin(fns_taxes.BUDGET_LEVELS).all()
    # every name of the real excerpt is in the table; only the state duty has no single level
    assert set(f.loc[f["budget_level"] == "unknown", "tax_name"]) == {"Государственная пошлина"}


def test_every_tax_name_seen_in_real_files_has_a_level_with_its_basis():
    assert len(fns_taxes.TAX_LEVELS) == 22
    assert len({fns_taxes.tax_key(e.name) for e in fns_taxes.TAX_LEVELS}) == 22
    for entry in fns_taxes.TAX_LEVELS:
        assert entry.level in fns_taxes.BUDGET_LEVELS and entry.basis and entry.status in ("confirmed", "to verify")
    # double spaces and case do not matter
    assert fns_taxes.budget_level("Единый налог на вмененный доход для отдельных видов  деятельности") == "local"
    assert fns_taxes.budget_level("НАЛОГ НА ДОБАВЛЕННУЮ СТОИМОСТЬ") == "federal"
    assert fns_taxes.budget_level("Налог на что-то новое") == "unknown"


def test_a_folder_of_several_datasets_is_refused_as_mixed(tmp_path):
    (tmp_path / "a.xml").write_bytes((DATA / "sshr-2023.xml").read_bytes())
    (tmp_path / "b.xml").write_bytes((DATA / "revexp-2023.xml").read_bytes())
    result = fns.read_fns_open_data(tmp_path)
    assert codes(result.errors) == ["fns_mixed"]


def test_dataset_comes_from_the_header_not_the_file_name(tmp_path):
    path = tmp_path / "VO_RRMSPSV_0000_9965_misleading.xml"  # an RSMP file name, SSHR content
    path.write_bytes((DATA / "sshr-2023.xml").read_bytes())
    result = fns.read_fns_open_data(path)
    assert result.datasets == ["sshr"]


# --------------------------------------------------------------------------------------------------
# Hostile inputs: one test each
# --------------------------------------------------------------------------------------------------


def test_zip_bomb_refused_before_decompressing(tmp_path):
    bomb = fx.zip_bomb(tmp_path / "bomb.zip", megabytes=20)
    assert bomb.stat().st_size < 100_000
    result = fns.read_fns_open_data(bomb)
    assert codes(result.errors) == ["fns_zip_ratio"]
    assert result.files == [] and result.frame.empty  # not one member was opened
    texts_complete(result.errors)


def test_zip_member_declared_too_large_refused(tmp_path):
    path = tmp_path / "big.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as zf:
        zf.writestr("a.xml", b" " * 2048)
    result = fns.read_fns_open_data(path, limits=fns.FnsLimits(max_member_bytes=1024))
    assert codes(result.errors) == ["fns_zip_member_size"]


def test_zip_total_size_refused(tmp_path):
    path = tmp_path / "total.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as zf:
        for i in range(3):
            zf.writestr(f"{i}.xml", fx.sshr_2023())
    result = fns.read_fns_open_data(path, limits=fns.FnsLimits(max_total_bytes=2000))
    assert codes(result.errors) == ["fns_zip_total_size"] and result.files == []


def test_too_many_members_refused(tmp_path):
    result = fns.read_fns_open_data(fx.many_members(tmp_path / "many.zip", 5), limits=fns.FnsLimits(max_members=4))
    assert codes(result.errors) == ["fns_zip_members"]
    assert result.errors[0].message.values == {"file": "many.zip", "count": 5, "limit": 4}


def test_zip_member_with_a_lying_size_is_caught(tmp_path):
    """A central directory that understates a member: zipfile stops at the declared size and the CRC fails."""
    path = tmp_path / "lie.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as zf:
        zf.writestr("a.xml", fx.sshr_2023())
    data = bytearray(path.read_bytes())
    info = zipfile.ZipFile(path).infolist()[0]
    real = info.file_size.to_bytes(4, "little")
    central = data.rfind(b"PK\x01\x02")
    at = data.index(real, central)  # uncompressed size field of the central directory entry
    data[at : at + 4] = (100).to_bytes(4, "little")
    path.write_bytes(bytes(data))
    result = fns.read_fns_open_data(path)
    assert not result.ok
    assert set(codes(result.errors)) <= {"fns_zip_broken", "fns_truncated"}


def test_non_fns_xml():
    result = fns.read_fns_open_data(DATA / "hostile" / "not-fns.xml")
    assert codes(result.errors) == ["fns_not_fns"]
    assert result.errors[0].message.values["root"] == "catalog"
    texts_complete(result.errors)


def test_not_xml_at_all(tmp_path):
    path = tmp_path / "x.xml"
    path.write_text("ИНН;Наименование\n4027012346;ООО\n", encoding="utf-8")
    assert codes(fns.read_fns_open_data(path).errors) == ["fns_not_xml"]


def test_truncated_file():
    result = fns.read_fns_open_data(DATA / "hostile" / "truncated.xml")
    assert codes(result.errors) == ["fns_truncated"]
    assert result.errors[0].message.values["doc"] == 2  # the first document was whole
    assert result.files[0].documents == 1
    texts_complete(result.errors)


def test_broken_in_the_middle_is_not_called_truncated():
    broken = fx.sshr_2023().replace("<СведССЧР", "<<СведССЧР", 1)
    result = fns.read_fns_open_data(broken.encode())
    assert codes(result.errors) == ["fns_xml_broken"]


@pytest.mark.parametrize("name", ["billion-laughs.xml", "external-entity.xml"])
def test_doctype_and_entities_refused_before_parsing(name):
    result = fns.read_fns_open_data(DATA / "hostile" / name)
    assert codes(result.errors) == ["fns_dtd"]
    assert result.frame.empty
    texts_complete(result.errors)


def test_an_undeclared_entity_is_not_expanded():
    text = fx.sshr_2023().replace("ООО ДРУГОЕ", "&xxe;")
    result = fns.read_fns_open_data(text.encode())
    assert codes(result.errors) == ["fns_xml_broken"]


def test_unknown_type():
    result = fns.read_fns_open_data(DATA / "hostile" / "unknown-type.xml")
    assert codes(result.errors) == ["fns_unknown_type"]
    assert result.errors[0].value == "ОТКРДАННЫЕ9"
    texts_complete(result.errors)


def test_duplicate_inns_across_files():
    result = fns.read_fns_open_data(DATA / "hostile" / "duplicates")
    assert codes(result.errors) == ["fns_duplicate_inn"]
    assert result.errors[0].message.values == {
        "value": "4027012346",
        "file": "VO_OTKRDAN_3_a.xml",
        "doc": 1,
        "file2": "VO_OTKRDAN_3_b.xml",
        "doc2": 2,
    }
    texts_complete(result.errors)


def test_same_inn_on_two_dates_is_not_a_duplicate(tmp_path):
    (tmp_path / "a.xml").write_text(fx.sshr_2023(), encoding="utf-8")
    (tmp_path / "b.xml").write_text(fx.sshr_2023().replace("31.12.2023", "31.12.2022"), encoding="utf-8")
    assert fns.read_fns_open_data(tmp_path).ok


def test_inn_check_digit_failure_named_with_file_document_attribute_value():
    result = fns.read_fns_open_data(DATA / "hostile" / "bad-inn.xml")
    assert codes(result.errors) == ["fns_inn_checksum"]
    error = result.errors[0]
    assert error.value == "5233001110" and error.column == "ИННЮЛ"
    assert error.message.values == {"file": "bad-inn.xml", "doc": 2, "attribute": "ИННЮЛ", "value": "5233001110"}
    # the same verdict as the loader's own check (one implementation, reused)
    assert not validate.inn_valid(pd.Series(["5233001110"])).iloc[0]
    texts_complete(result.errors)


def test_inn_of_wrong_length_for_its_kind():
    text = fx.rsmp_405().replace(fx.IP1, fx.FIRM1[:-1] + "00", 1)  # an entrepreneur with 11 digits
    result = fns.read_fns_open_data(text.encode())
    assert "fns_inn_format" in codes(result.errors)


def test_every_message_code_has_both_texts():
    from ui.core.i18n import CATALOG

    for code in fns.FNS_MESSAGE_CODES:
        assert "ingest." + code in CATALOG["ru"] and "ingest." + code in CATALOG["en"], code


def test_chunks_cover_the_whole_source_and_issues_complete_at_the_end():
    scan = fns.scan_fns_open_data(DATA / "hostile" / "duplicates", chunk_rows=1)
    chunks = list(scan)
    assert [len(c) for c in chunks] == [1, 1, 1]
    assert all(list(c.columns) == list(fns.COLUMNS) for c in chunks)
    assert codes(scan.errors) == ["fns_duplicate_inn"]


def test_worker_processes_give_the_same_rows_and_issues(tmp_path):
    """Members of a zip on disk parsed in 2 processes: same rows in the same order, same problems."""
    path = tmp_path / "data-31122023-structure-20200408.zip"
    a, b = fx.duplicate_pair()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("1.xml", fx.sshr_2023())
        zf.writestr("2.xml", a.replace("31.12.2023", "31.12.2022"))
        zf.writestr("3.xml", b.replace("31.12.2023", "31.12.2022"))
        zf.writestr("4.xml", fx.truncated())
    serial = fns.read_fns_open_data(path)
    parallel = fns.read_fns_open_data(path, workers=2)
    pd.testing.assert_frame_equal(serial.frame, parallel.frame)
    assert len(serial.frame) == 3 + 1 + 2 + 1
    # FIRM1 twice on 31.12.2022 (2.xml, 3.xml) and twice on 31.12.2023 (1.xml, the whole first document of 4.xml)
    assert codes(serial.errors) == codes(parallel.errors) == ["fns_truncated", "fns_duplicate_inn", "fns_duplicate_inn"]
    assert [e.message.values for e in serial.errors] == [e.message.values for e in parallel.errors]
    assert [(f.name, f.documents) for f in serial.files] == [(f.name, f.documents) for f in parallel.files]


def test_a_document_without_a_valid_date_is_an_error():
    text = fx.sshr_2023().replace('ДатаСост="31.12.2023"', 'ДатаСост="2023-12-31"', 1)
    result = fns.read_fns_open_data(text.encode())
    assert codes(result.errors) == ["fns_date"]
    assert result.errors[0].value == "2023-12-31" and result.errors[0].message.values["doc"] == 1
    texts_complete(result.errors)


def test_a_plain_xml_file_over_the_size_limit_is_refused_unread():
    result = fns.read_fns_open_data(DATA / "sshr-2023.xml", limits=fns.FnsLimits(max_file_bytes=1000))
    assert codes(result.errors) == ["fns_file_size"] and result.files == []  # the file is 1,105 bytes


def test_a_zip_inside_the_zip_is_not_opened(tmp_path):
    inner = (DATA / "data-10012024-structure-10062023.zip").read_bytes()
    path = tmp_path / "outer.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("inner.zip", inner)
    result = fns.read_fns_open_data(path)
    assert codes(result.errors) == ["fns_not_xml"] and result.frame.empty


def test_many_small_members_that_add_up_to_a_bomb_are_refused(tmp_path):
    path = tmp_path / "many-small.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for i in range(8):  # 8 × 512 KB of spaces: each member under the 1 MB threshold
            zf.writestr(f"{i}.xml", b" " * (512 * 1024))
    result = fns.read_fns_open_data(path)
    assert codes(result.errors) == ["fns_zip_ratio"] and result.files == []
    assert result.errors[0].message.values["file"] == "many-small.zip"


def test_the_structure_file_beside_the_data_is_not_read(tmp_path):
    folder = tmp_path / "unpacked"
    folder.mkdir()
    (folder / "sshr.xml").write_bytes((DATA / "sshr-2023.xml").read_bytes())
    (folder / "structure-20200408.xsd").write_bytes((DATA / "revexp-structure-20180110.xsd").read_bytes())
    path = tmp_path / "data-20240715-structure-20200408.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.write(folder / "sshr.xml", "VO_OTKRDAN_3.xml")
        zf.write(folder / "structure-20200408.xsd", "structure-20200408.xsd")
    for source in (folder, path):
        result = fns.read_fns_open_data(source)
        assert result.ok and len(result.frame) == 3, source


def test_workers_never_rerun_the_callers_main_script(tmp_path, monkeypatch):
    """Inside Streamlit, ``__main__`` is the app's page script; a spawned worker re-runs the parent's main
    script unless it is hidden while the workers start (it would open the store in every worker)."""
    import sys
    import types

    marker = tmp_path / "ran"
    script = tmp_path / "app_like.py"
    script.write_text(f"open({str(marker)!r}, 'w').close()\nraise SystemExit('the app ran in a worker')\n")
    fake_main = types.ModuleType("__main__")
    fake_main.__file__ = str(script)
    monkeypatch.setitem(sys.modules, "__main__", fake_main)
    path = tmp_path / "data-31122023-structure-20200408.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("1.xml", fx.sshr_2023())
        zf.writestr("2.xml", fx.sshr_2023().replace("31.12.2023", "31.12.2022"))
    parallel = fns.read_fns_open_data(path, workers=2)
    assert parallel.frame.equals(fns.read_fns_open_data(path).frame) and not parallel.errors
    assert not marker.exists()
    assert sys.modules["__main__"] is fake_main  # put back as it was


@pytest.mark.parametrize("parts_from", [800_000, 0])
def test_duplicates_named_by_file_and_document_in_key_order(tmp_path, monkeypatch, parts_from):
    """FIRM1 in a.xml (doc 1), b.xml (doc 2) and d.xml (doc 1); FIRM2 in a.xml (doc 2), b.xml (doc 1) and d.xml
    (doc 2); c.xml has no documents (it must not shift the places). Expected by hand: INN by INN in ascending
    order (4027012346, then 5233001119), each occurrence paired with the one before it in reading order."""
    monkeypatch.setattr(fns, "_PARTS_FROM", parts_from)  # 0: the key space searched in parts
    a, b = fx.duplicate_pair()
    firm2 = b[b.index("<Документ") : b.index("</Документ>") + len("</Документ>")]  # b's first document: FIRM2
    assert fx.FIRM2 in firm2 and fx.FIRM1 not in firm2
    with_firm2 = a.replace("</Документ></Файл>", "</Документ>" + firm2 + "</Файл>")
    # in d.xml a document with a wrong INN comes first (reported, not a key): d's keys are documents 2 and 3
    wrong = firm2.replace(fx.FIRM2, fx.FIRM2[:-1] + str((int(fx.FIRM2[-1]) + 1) % 10))
    (tmp_path / "a.xml").write_text(with_firm2, encoding="utf-8")
    (tmp_path / "b.xml").write_text(b, encoding="utf-8")
    (tmp_path / "c.xml").write_text(fx.envelope("ОТКРДАННЫЕ3", "4.01", []), encoding="utf-8")
    (tmp_path / "d.xml").write_text(with_firm2.replace("<Документ", wrong + "<Документ", 1), encoding="utf-8")
    result = fns.read_fns_open_data(tmp_path)
    assert [(f.name, f.documents) for f in result.files] == [("a.xml", 2), ("b.xml", 2), ("c.xml", 0), ("d.xml", 3)]
    assert [e.code for e in result.errors].count("fns_inn_checksum") == 1
    assert [e.message.values for e in result.errors if e.code == "fns_duplicate_inn"] == [
        {"value": fx.FIRM1, "file": "a.xml", "doc": 1, "file2": "b.xml", "doc2": 2},
        {"value": fx.FIRM1, "file": "b.xml", "doc": 2, "file2": "d.xml", "doc2": 2},
        {"value": fx.FIRM2, "file": "a.xml", "doc": 2, "file2": "b.xml", "doc2": 1},
        {"value": fx.FIRM2, "file": "b.xml", "doc": 1, "file2": "d.xml", "doc2": 3},
    ]
