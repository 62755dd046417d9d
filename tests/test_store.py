"""The store: schema creation, migrations, constraints, integrity checks, demo build."""
import duckdb
import pandas as pd
import pytest

from analytics import schema, store


def test_connect_creates_every_table_and_records_the_version(tmp_path):
    con = store.connect(tmp_path / "a.duckdb")
    tables = set(store.query(con, "SELECT table_name FROM information_schema.tables")["table_name"])
    assert set(schema.DATA_TABLES) | {"dataset_versions", "meta"} <= tables
    assert store.schema_version(con) == schema.SCHEMA_VERSION
    con.close()


def test_connect_twice_is_idempotent_and_keeps_data(tmp_path):
    path = tmp_path / "a.duckdb"
    con = store.connect(path)
    con.execute("INSERT INTO regions VALUES ('40', 'Калужская область', 'Kaluga Oblast', 'Центральный', '29')")
    con.close()
    con = store.connect(path)
    assert store.query(con, "SELECT code FROM regions")["code"].tolist() == ["40"]
    assert store.migrate(con) == schema.SCHEMA_VERSION
    con.close()


@pytest.mark.parametrize(
    "sql",
    [
        # INN must be 10 or 12 digits, as text
        "INSERT INTO enterprises (inn, name_ru, okved, region_code) VALUES ('40290324', 'X', '29.10', '40')",
        # negative headcount
        "INSERT INTO enterprise_years (inn, year, employees) VALUES ('4029032450', 2020, -1)",
        # year out of range
        "INSERT INTO enterprise_years (inn, year, employees) VALUES ('4029032450', 1899, 1)",
        # role outside core / supplier / service
        "INSERT INTO cluster_templates (cluster_id, cluster_name_ru, cluster_name_en, okved, role) "
        "VALUES ('auto', 'А', 'A', '29.10', 'related')",
        # malformed OKVED code in the classifier
        "INSERT INTO sectors (code, level, section, name_ru) VALUES ('29.100', 'class', 'C', 'x')",
        # a firm cannot supply itself
        "INSERT INTO supply_links (supplier_inn, buyer_inn, year, value_mln_rub) "
        "VALUES ('4029032450', '4029032450', 2020, 1)",
        # NOT NULL name
        "INSERT INTO regions (code, name_en, federal_district) VALUES ('41', 'X', 'Y')",
    ],
)
def test_constraints_are_enforced_by_the_database(sql):
    con = store.connect(":memory:")
    with pytest.raises(duckdb.ConstraintException):
        con.execute(sql)


def test_primary_keys_reject_duplicates():
    con = store.connect(":memory:")
    con.execute("INSERT INTO enterprise_years (inn, year, employees) VALUES ('4029032450', 2020, 5)")
    with pytest.raises(duckdb.ConstraintException):
        con.execute("INSERT INTO enterprise_years (inn, year, employees) VALUES ('4029032450', 2020, 6)")


def test_inn_keeps_leading_zeros():
    con = store.connect(":memory:")
    store.load_frame(con, "enterprises", pd.DataFrame(
        {"inn": ["0274062111"], "name_ru": ["X"], "okved": ["29.10"], "region_code": ["02"]}))
    assert store.query(con, "SELECT inn FROM enterprises")["inn"].tolist() == ["0274062111"]


def test_integrity_problems_name_the_dangling_reference(tiny_con):
    assert store.integrity_problems(tiny_con).empty
    tiny_con.execute("INSERT INTO supply_links VALUES ('4000000001', '4099999999', 2023, 10.0, 'loaded')")
    problems = store.integrity_problems(tiny_con)
    assert problems.to_dict("records") == [
        {"table": "supply_links", "column": "buyer_inn", "value": "4099999999", "missing_in": "enterprises"}
    ]


def test_load_frame_refuses_unknown_tables_and_columns():
    con = store.connect(":memory:")
    with pytest.raises(ValueError):
        store.load_frame(con, "meta", pd.DataFrame({"key": ["a"], "value": ["b"]}))
    with pytest.raises(ValueError, match="not_a_column"):
        store.load_frame(con, "regions", pd.DataFrame({"code": ["40"], "not_a_column": [1]}))


def test_demo_store_is_complete_and_consistent(demo_db):
    con = store.connect(demo_db, read_only=True)
    counts = store.table_counts(con)
    assert all(n > 0 for n in counts.values()), counts
    assert counts["enterprises"] >= 120
    assert store.integrity_problems(con).empty
    assert store.is_illustrative(con)
    seeded = store.query(con, "SELECT table_name, rows_after FROM dataset_versions WHERE action = 'seed'")
    assert dict(zip(seeded["table_name"], seeded["rows_after"])) == counts
    con.close()


def _table_digest(path) -> dict[str, object]:
    con = duckdb.connect(str(path), read_only=True)
    digests = {}
    for table in schema.DATA_TABLES:
        digests[table] = con.execute(
            'SELECT count(*), sum(hash(t)) FROM (SELECT * FROM "' + table + '") t'
        ).fetchall()[0]
    con.close()
    return digests


def test_demo_build_is_deterministic(tmp_path, demo_db):
    again = tmp_path / "again.duckdb"
    store.build_demo(again)
    assert _table_digest(again) == _table_digest(demo_db)
    assert not (tmp_path / "again.duckdb.building").exists()


def test_ensure_demo_builds_only_when_missing(tmp_path):
    path = tmp_path / "x.duckdb"
    assert store.ensure_demo(path) is True
    assert store.ensure_demo(path) is False


def test_every_data_table_has_a_history_keyed_as_the_table(tmp_path):
    con = store.connect(tmp_path / "a.duckdb")
    assert list(schema._HISTORY_KEYS) == list(schema.DATA_TABLES)
    for table, key in schema._HISTORY_KEYS.items():
        declared = con.execute("SELECT constraint_column_names FROM duckdb_constraints() WHERE table_name = ? "
                               "AND constraint_type = 'PRIMARY KEY'", [table]).fetchall()[0][0]
        assert list(declared) == key.split(", ")
        open_columns = store.query(con, "SELECT column_name FROM information_schema.columns WHERE table_name = ? "
                                        "ORDER BY ordinal_position", [f"history_open_{table}"])["column_name"]
        assert open_columns.tolist() == [*key.split(", "), "_valid_from"]
    con.close()


def test_migration_4_moves_the_current_rows_versions_into_the_narrow_table(tmp_path, monkeypatch):
    path = tmp_path / "v3.duckdb"
    monkeypatch.setattr(schema, "MIGRATIONS", [m for m in schema.MIGRATIONS if m[0] <= 3])
    con = store.connect(path)
    assert store.schema_version(con) == 3
    con.execute("INSERT INTO regions VALUES ('40', 'Калужская область', 'Kaluga Oblast', 'Центральный', '29')")
    # one current row (only key and version) and one row that left at version 2, as migration 3 kept them
    con.execute("INSERT INTO history_regions (code, _valid_from) VALUES ('40', 1)")
    con.execute("INSERT INTO history_regions VALUES ('77', 'Москва', 'Moscow', 'Центральный', '45', 1, 2)")
    con.close()
    monkeypatch.undo()
    con = store.connect(path)
    assert store.schema_version(con) == schema.SCHEMA_VERSION >= 4
    assert con.execute("SELECT * FROM history_open_regions").fetchall() == [("40", 1)]
    assert con.execute("SELECT code, _valid_from, _valid_to FROM history_regions").fetchall() == [("77", 1, 2)]
    con.close()
