"""Loading into a copy of the demo store: the Rosstat classifier, previews, rollback, mappings, limits."""

from __future__ import annotations

import io
import shutil

import duckdb
import pandas as pd
import pytest

from analytics import store
from analytics.data import examples, ingest, validate
from analytics.store import versions

OKVED_UTF8 = store.ROOT / "data" / "reference" / "okved2-rosstat-20231201-utf8.csv"  # shipped with its licence


@pytest.fixture()
def con(demo_copy):
    return demo_copy


def rosstat_okved_bytes() -> bytes:
    """The classifier as Rosstat publishes it: Windows-1251, ``;``, quoted, CRLF, no header row."""
    text = OKVED_UTF8.read_text(encoding="utf-8").replace("\r\n", "\n")
    return text.replace("\n", "\r\n").encode("cp1251")


def table(con, name: str) -> pd.DataFrame:
    statement = store.sql(
        "SELECT * FROM {name} ORDER BY {key}", name=name, key=store.columns(validate.TABLES[name].key)
    )
    return store.query(con, statement).reset_index(drop=True)


def test_the_rosstat_okved_classifier_loads_as_published(con):
    data = rosstat_okved_bytes()
    assert b"\r\n" in data and data.startswith(b'"A";" ";"')
    lines = OKVED_UTF8.read_text(encoding="utf-8").strip().splitlines()
    report = ingest.load_file(con, "sectors", data, mode="replace", user="tester", file_name="okved2.csv")
    assert report.ok, report.errors[:3]
    assert report.dialect["layout"] == "rosstat_okved2"
    sectors = table(con, "sectors").set_index("code")
    assert len(sectors) == len(lines) == report.rows_in_file
    assert sectors.loc["A", "level"] == "section" and pd.isna(sectors.loc["A", "parent"])
    assert sectors.loc["A", "name_ru"] == "СЕЛЬСКОЕ, ЛЕСНОЕ ХОЗЯЙСТВО, ОХОТА, РЫБОЛОВСТВО И РЫБОВОДСТВО"
    assert (sectors.loc["29", "level"], sectors.loc["29", "parent"], sectors.loc["29", "section"]) == (
        "division",
        "C",
        "C",
    )
    assert (sectors.loc["11.0", "level"], sectors.loc["11.0", "parent"]) == ("group", "11")  # not the same as 11
    assert (sectors.loc["29.10", "level"], sectors.loc["29.10", "parent"]) == ("class", "29.1")
    assert (sectors.loc["01.11.11", "level"], sectors.loc["01.11.11", "parent"]) == ("subclass", "01.11.1")
    # English names are not in Rosstat's file: kept from the previous version for the same codes
    assert sectors.loc["29.10", "name_en"] == "Manufacture of motor vehicles"
    assert "names_en_kept" in {w.code for w in report.warnings}
    assert sectors["level"].value_counts()["section"] == 21
    assert sectors["level"].value_counts()["division"] == 88
    assert store.integrity_problems(con).empty


def test_replace_preview_counts_rows_added_changed_removed(con):
    before = table(con, "project_revenues")
    first, second = before.iloc[0], before.iloc[1]
    new_year = int(before.loc[before["project_id"] == first["project_id"], "year"].max()) + 1
    csv = "\n".join(
        [
            "Код проекта;Год;Выручка, млн руб.;Налоги, млн руб.",
            f"{first['project_id']};{first['year']};{str(first['revenue_mln_rub']).replace('.', ',')};"
            f"{str(first['taxes_mln_rub']).replace('.', ',')}",  # unchanged
            f"{second['project_id']};{second['year']};999,5;",  # changed
            f"{first['project_id']};{new_year};10;1",  # added
        ]
    ).encode("utf-8")
    plan = ingest.prepare(con, "project_revenues", csv, mode="replace")
    assert plan.report.ok, plan.report.errors
    assert (plan.report.added, plan.report.changed, plan.report.unchanged, plan.report.removed) == (
        1,
        1,
        1,
        len(before) - 2,
    )
    assert (
        "revenue_mln_rub" in plan.samples["changed"]["changes"][0] and "999.5" in plan.samples["changed"]["changes"][0]
    )
    assert len(plan.samples["removed"]) == ingest.SAMPLE_ROWS
    assert table(con, "project_revenues").equals(before)  # a preview writes nothing
    report = ingest.commit(con, plan, "tester")
    assert report.ok and report.rows_loaded == 2
    after = table(con, "project_revenues")
    assert len(after) == 3
    assert after.loc[after["year"] == second["year"]].query("project_id == @second.project_id")[
        "revenue_mln_rub"
    ].tolist() == [999.5]


def test_rollback_restores_each_version_exactly(con):
    seed_state = table(con, "project_revenues")
    seed_version = int(
        store.query(con, "SELECT max(version_id) AS v FROM dataset_versions WHERE table_name = 'project_revenues'")[
            "v"
        ][0]
    )
    pid = seed_state["project_id"][0]
    replace = f"project_id;year;revenue_mln_rub;taxes_mln_rub\n{pid};2030;5,5;\n{pid};2031;6;0,6\n".encode()
    v1 = ingest.load_file(con, "project_revenues", replace, mode="replace", user="a")
    assert v1.ok
    state_1 = table(con, "project_revenues")
    v2 = ingest.load_file(
        con, "project_revenues", f"project_id;year;revenue_mln_rub\n{pid};2032;7\n".encode(), user="b"
    )
    assert v2.ok
    state_2 = table(con, "project_revenues")
    assert len(state_1) == 2 and len(state_2) == 3

    back = ingest.rollback(con, "project_revenues", v1.version_id, user="c")
    assert back.ok and (back.removed, back.added) == (1, 0)
    pd.testing.assert_frame_equal(table(con, "project_revenues"), state_1)
    back = ingest.rollback(con, "project_revenues", seed_version, user="c")
    assert back.ok
    pd.testing.assert_frame_equal(table(con, "project_revenues"), seed_state)
    assert versions.state_at(con, "project_revenues", v2.version_id).reset_index(drop=True).equals(state_2)
    back = ingest.rollback(con, "project_revenues", v2.version_id, user="c")  # undo the undo
    pd.testing.assert_frame_equal(table(con, "project_revenues"), state_2)
    log = store.query(
        con,
        "SELECT action, user_name, note FROM dataset_versions WHERE table_name = 'project_revenues' "
        "ORDER BY version_id",
    )
    assert log["action"].tolist()[-3:] == ["rollback"] * 3
    assert log["note"].tolist()[-1] == f"restored version {v2.version_id}"


def test_rollback_refuses_to_orphan_references(con):
    seed = int(
        store.query(con, "SELECT max(version_id) AS v FROM dataset_versions WHERE table_name = 'enterprises'")["v"][0]
    )
    inn = "4027100017"
    report = ingest.load_file(
        con, "enterprises", f"ИНН;Наименование;ОКВЭД;Код региона\n{inn};ООО Тест;29.32;40\n".encode(), user="a"
    )
    assert report.ok
    link = ingest.load_file(con, "enterprise_years", f"ИНН;Год;Численность\n{inn};2020;5\n".encode(), user="a")
    assert link.ok
    plan = ingest.prepare_rollback(con, "enterprises", seed)
    assert not plan.report.ok
    assert [(e.code, e.value) for e in plan.report.errors] == [
        ("rollback_blocked", inn)
    ]  # issue 17: roll back enterprise_years first


def test_store_unchanged_when_the_store_moved_since_the_preview(con):
    inn = "4027100017"
    data = f"ИНН;Наименование;ОКВЭД;Код региона\n{inn};ООО Тест;29.32;40\n".encode()
    plan = ingest.prepare(con, "enterprises", data)
    assert plan.report.ok and plan.report.added == 1
    assert ingest.load_file(con, "enterprises", data, user="other").ok  # someone else loads it first
    before = table(con, "enterprises")
    report = ingest.commit(con, plan, "tester")
    assert not report.ok and [e.code for e in report.errors] == ["duplicate_in_store"]
    assert table(con, "enterprises").equals(before)


def test_a_replace_preview_goes_stale_when_the_table_changes(con):
    rows = table(con, "project_revenues")
    pid = rows["project_id"][0]
    plan = ingest.prepare(
        con, "project_revenues", f"project_id;year;revenue_mln_rub\n{pid};2040;1\n".encode(), mode="replace"
    )
    assert plan.report.ok
    assert ingest.load_file(con, "project_revenues", f"project_id;year;revenue_mln_rub\n{pid};2041;1\n".encode()).ok
    report = ingest.commit(con, plan, "tester")
    assert [e.code for e in report.errors] == ["store_changed"]


def test_unknown_headers_are_mapped_by_hand_and_remembered(con):
    data = "ИНН;Год;Числ. персонала;Примечание бухгалтера\n4029032450;2015;12;проверено\n".encode()
    first = ingest.prepare(con, "enterprise_years", data)
    assert not first.report.ok
    assert first.report.unknown_headers == ["Числ. персонала", "Примечание бухгалтера"]
    ingest.save_mapping(
        con, "enterprise_years", {"Числ. персонала": "employees", "Примечание бухгалтера": None}, user="tester"
    )
    report = ingest.load_file(con, "enterprise_years", data, user="tester")
    assert report.ok, report.errors
    assert "column_ignored" in {w.code for w in report.warnings}
    assert store.query(con, "SELECT employees FROM enterprise_years WHERE inn = '4029032450' AND year = 2015")[
        "employees"
    ].tolist() == [12]
    with pytest.raises(ValueError):
        ingest.save_mapping(con, "enterprise_years", {"X": "no_such_column"})


def test_limits_are_configurable_and_clear(con, monkeypatch):
    data = "ИНН;Наименование;ОКВЭД;Код региона\n4027100017;А;29.32;40\n4027100024;Б;29.32;40\n".encode()
    small = ingest.load_file(con, "enterprises", data, limits=ingest.Limits(max_bytes=50))
    assert [e.code for e in small.errors] == ["file_too_large"]
    assert small.errors[0].message.values["limit_mb"] == round(50 / 2**20, 1)
    few = ingest.load_file(con, "enterprises", data, limits=ingest.Limits(max_rows=1))
    assert [e.code for e in few.errors] == ["too_many_rows"]
    monkeypatch.setenv("NAVIGATOR_MAX_ROWS", "1")
    monkeypatch.setenv("NAVIGATOR_MAX_UPLOAD_MB", "0.5")
    assert ingest.Limits.from_env() == ingest.Limits(max_bytes=512 * 1024, max_rows=1)


def test_sources_may_be_a_path_bytes_or_a_file_object(con, tmp_path):
    data = "ИНН;Наименование;ОКВЭД;Код региона\n4027100017;А;29.32;40\n".encode()
    path = tmp_path / "firms.csv"
    path.write_bytes(data)
    for source in (path, str(path), data, io.BytesIO(data)):
        plan = ingest.prepare(con, "enterprises", source)
        assert plan.report.ok and plan.report.added == 1
    assert ingest.prepare(con, "enterprises", path).report.file_name == "firms.csv"


def test_templates_have_both_languages_and_an_example_row():
    for name in ingest.data_tables():
        for lang in ("ru", "en"):
            frame = pd.read_csv(io.BytesIO(ingest.template_csv(name, lang)), sep=";", dtype=str, encoding="utf-8-sig")
            assert list(frame.columns) == validate.template_headers(validate.TABLES[name], lang)
            assert len(frame) == 1
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(ingest.template_xlsx("ru")))
    assert book.sheetnames == list(validate.TABLES)


def test_the_enterprise_template_loads_once_its_example_is_real(con):
    data = ingest.template_csv("enterprises", "ru").decode("utf-8-sig").replace(examples.EXAMPLE_INN, "4027100017")
    report = ingest.load_file(con, "enterprises", data.encode("utf-8"), user="tester")
    assert report.ok, report.errors
    row = store.query(con, "SELECT * FROM enterprises WHERE inn = '4027100017'").iloc[0]
    assert (row["okved"], row["founded"], row["lat"], bool(row["is_sme"])) == ("29.10", 2007, 54.5293, True)


def _big_enterprises_csv(rows: int) -> tuple[bytes, list[str]]:
    """A cp1251 ``;`` decimal-comma file well past the sniffed head (:data:`ingest.HEAD_BYTES`), and its INNs.

    Check digits come from python-stdnum, not from the loader's own code.
    """
    from stdnum.ru import inn as stdnum_inn

    inns = [f"40{n:07d}" for n in range(3_000_000, 3_000_000 + rows)]
    inns = [i + stdnum_inn.calc_company_check_digit(i) for i in inns]
    lines = ["ИНН;Наименование;ОКВЭД;Код региона;Широта"]
    lines += [f"{i};ООО «Ёлочка-{n}» — щётки;29.32;40;54,{n % 10000:04d}" for n, i in enumerate(inns)]
    return "\r\n".join(lines).encode("cp1251") + b"\r\n", inns


def test_a_windows_1251_file_is_read_whole_beyond_its_sniffed_head(con):
    data, inns = _big_enterprises_csv(6_000)
    assert len(data) > 1.2 * ingest.HEAD_BYTES
    before = store.query(con, "SELECT count(*) AS n FROM enterprises")["n"][0]
    report = ingest.load_file(con, "enterprises", data, user="tester")
    assert report.ok, report.errors[:3]
    assert report.dialect["encoding"] == "cp1251" and report.rows_loaded == 6_000
    last = store.query(con, "SELECT name_ru, lat FROM enterprises WHERE inn = ?", [inns[-1]]).iloc[0]
    assert last["name_ru"] == "ООО «Ёлочка-5999» — щётки" and last["lat"] == pytest.approx(54.5999)
    assert store.query(con, "SELECT count(*) AS n FROM enterprises")["n"][0] == before + 6_000


def test_a_byte_windows_1251_lacks_is_refused_even_past_the_head(con):
    data, _ = _big_enterprises_csv(6_000)
    broken = data[:-40] + b"\x98" + data[-39:]  # 0x98 is undefined in Windows-1251
    before = table(con, "enterprises")
    report = ingest.load_file(con, "enterprises", broken, user="tester")
    assert not report.ok and [e.code for e in report.errors] == ["encoding_unknown"]
    pd.testing.assert_frame_equal(table(con, "enterprises"), before)


def test_utf8_with_windows_1251_text_past_the_head_is_called_mixed(con):
    data, _ = _big_enterprises_csv(6_000)
    text = data.decode("cp1251")
    cut = text.index("\r\n", ingest.HEAD_BYTES)  # the head is UTF-8 with a BOM, the rest Windows-1251
    mixed = b"\xef\xbb\xbf" + text[:cut].encode("utf-8") + text[cut:].encode("cp1251")
    report = ingest.load_file(con, "enterprises", mixed, user="tester")
    assert not report.ok and [e.code for e in report.errors] == ["encoding_mixed"]


def test_a_load_leaves_the_insertion_order_setting_as_it_found_it(con):
    # The write switches DuckDB's database-wide preserve_insertion_order off for speed; it must come back.
    def setting():
        return con.execute("SELECT current_setting('preserve_insertion_order')").fetchall()[0][0]

    data, _ = _big_enterprises_csv(50)
    assert setting() is True
    assert ingest.load_file(con, "enterprises", data, user="tester").ok
    assert setting() is True
    with pytest.raises(RuntimeError):
        with versions._unordered_writes(con.cursor()):
            assert setting() is False
            raise RuntimeError("write failed")
    assert setting() is True


def test_key_order_is_recognised_column_by_column():
    frame = pd.DataFrame(
        {
            "inn": pd.Series(["4027100017", "4027100017", "4029032450", "500100732259"], dtype="str"),
            "year": pd.array([2021, 2023, 2020, 2019], dtype="Int64"),
        }
    )
    assert validate.key_order(frame, ("inn", "year")) == (True, False)  # ties on inn are ordered by year
    assert validate.key_order(frame, ("inn",)) == (True, True)  # rows 1 and 2 share an INN
    assert validate.key_order(frame.iloc[[1, 0, 2, 3]], ("inn", "year")) == (False, False)  # 2023 before 2021
    assert validate.key_order(frame.iloc[[1, 0, 2, 3]], ("inn",)) == (True, True)
    assert validate.key_order(frame.iloc[[0, 2, 1, 3]], ("inn",)) == (False, False)
    assert validate.key_order(frame.iloc[[0, 0, 2]], ("inn", "year")) == (True, True)
    assert validate.key_order(frame.iloc[:1], ("inn",)) == validate.key_order(frame.iloc[:0], ("inn",)) == (True, False)


def test_a_shuffled_file_loads_the_same_rows_as_a_sorted_one(con, demo_db, tmp_path):
    # Unsorted keys take the sorted way into the key index (versions.apply); the table must not care.
    data, inns = _big_enterprises_csv(2_000)
    head, *rows = data.decode("cp1251").rstrip("\r\n").split("\r\n")
    assert len(rows) == 2_000
    shuffled = "\r\n".join([head, *reversed(rows)]).encode("cp1251")
    frame = ingest.prepare(con, "enterprises", shuffled).frame
    assert validate.key_order(frame, ("inn",)) == (False, False)
    other = tmp_path / "other.duckdb"
    shutil.copyfile(demo_db, other)
    second = store.connect(other)
    assert ingest.load_file(con, "enterprises", data, user="tester").ok
    assert ingest.load_file(second, "enterprises", shuffled, user="tester").ok
    pd.testing.assert_frame_equal(table(con, "enterprises"), table(second, "enterprises"))
    second.close()


def test_a_write_the_database_refuses_is_reported_and_rolled_back(con, monkeypatch):
    data, _ = _big_enterprises_csv(20)
    before = table(con, "enterprises")
    real_apply = versions.apply

    def refusing(cur, *args, **kwargs):
        real_apply(cur, *args, **kwargs)  # the rows are written inside the transaction, then DuckDB refuses
        raise duckdb.ConstraintException("Constraint Error: simulated refusal")

    monkeypatch.setattr(versions, "apply", refusing)
    report = ingest.load_file(con, "enterprises", data, user="tester")
    assert not report.ok and [e.code for e in report.errors] == ["store_rejected"]
    assert report.errors[0].message.values["detail"] == "Constraint Error: simulated refusal"
    pd.testing.assert_frame_equal(table(con, "enterprises"), before)
    assert con.execute("SELECT current_setting('preserve_insertion_order')").fetchall()[0][0] is True


def test_a_refused_file_reports_one_error_naming_no_row():
    report = ingest.LoadReport.refused("io_cells", "table.xlsx", "io_no_year")
    assert not report.ok and report.rows_loaded == 0 and report.version_id is None
    assert (report.table, report.mode, report.file_name) == ("io_cells", "replace", "table.xlsx")
    assert report.errors == [validate.Issue(None, None, None, validate.msg("io_no_year"))] and report.warnings == []
    assert report.error_counts == {"io_no_year": 1} and report.error_total == 1
    detailed = ingest.LoadReport.refused("region_indicators", None, "rosstat_unreadable", detail="bad zip")
    assert detailed.errors[0].message.values["detail"] == "bad zip" and detailed.file_name is None
