"""The store: schema creation, migrations, constraints, integrity checks, demo build."""

import duckdb
import pandas as pd
import pytest

from analytics import store
from analytics.store import schema


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
    store.load_frame(
        con,
        "enterprises",
        pd.DataFrame({"inn": ["0274062111"], "name_ru": ["X"], "okved": ["29.10"], "region_code": ["02"]}),
    )
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
            store.sql("SELECT count(*), sum(hash(t)) FROM (SELECT * FROM {table}) t", table=table)
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
        declared = con.execute(
            "SELECT constraint_column_names FROM duckdb_constraints() WHERE table_name = ? "
            "AND constraint_type = 'PRIMARY KEY'",
            [table],
        ).fetchall()[0][0]
        assert list(declared) == key.split(", ")
        open_columns = store.query(
            con,
            "SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position",
            [f"history_open_{table}"],
        )["column_name"]
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


# --------------------------------------------------------------------------------------------------
# SQL composition: names through store.sql(), values as ? parameters
# --------------------------------------------------------------------------------------------------


def test_sql_quotes_a_plain_name_and_joins_a_list_of_names():
    statement = store.sql("SELECT {cols} FROM {table} WHERE x = ?", cols=["inn", "year"], table="enterprise_years")
    assert statement == 'SELECT "inn", "year" FROM "enterprise_years" WHERE x = ?'
    assert isinstance(statement, store.SQL)
    assert store.sql("SELECT count(*) FROM {t}", t=("a_1",)) == 'SELECT count(*) FROM "a_1"'


def test_sql_puts_an_sql_piece_in_unchanged():
    on = store.equal(["inn"], "t", "s")
    assert (
        store.sql("FROM {src} s JOIN {table} t ON {on}", src="_ingest_stage", table="enterprises", on=on)
        == 'FROM "_ingest_stage" s JOIN "enterprises" t ON "t"."inn" = "s"."inn"'
    )
    assert store.sql("SELECT {n}", n=store.SQL("FALSE")) == "SELECT FALSE"
    # the same text as a plain str is a name, and not one quote_identifier accepts
    with pytest.raises(ValueError):
        store.sql("SELECT {n}", n='"t"."inn"')


def test_columns_with_and_without_prefix():
    assert store.columns(["a", "b_2"]) == '"a", "b_2"'
    assert store.columns(["a", "b_2"], "s") == '"s"."a", "s"."b_2"'
    assert store.columns([], "s") == ""


def test_equal_joins_pairs_of_qualified_names():
    assert store.equal(["inn", "year"], "t", "s") == '"t"."inn" = "s"."inn" AND "t"."year" = "s"."year"'
    assert store.equal(["a", "b"], None, "t", ", ") == '"a" = "t"."a", "b" = "t"."b"'
    assert store.equal(["k"], "_ingest_stage", "g") == '"_ingest_stage"."k" = "g"."k"'


@pytest.mark.parametrize("bad", ["x; DROP TABLE regions", "a b", "1a", "Inn", 'a"b', "", "t.inn"])
def test_something_that_is_not_a_name_is_refused_everywhere(bad):
    with pytest.raises(ValueError):
        store.quote_identifier(bad)
    with pytest.raises(ValueError):
        store.sql("SELECT * FROM {t}", t=bad)
    with pytest.raises(ValueError):
        store.sql("SELECT {cols} FROM regions", cols=["code", bad])
    with pytest.raises(ValueError):
        store.columns(["code", bad], "s")
    with pytest.raises(ValueError):
        store.columns(["code"], bad)
    with pytest.raises(ValueError):
        store.equal([bad], "t", "s")
    with pytest.raises(ValueError):
        store.equal(["code"], "t", bad)


def test_sql_refuses_values_and_missing_or_extra_parts():
    with pytest.raises(TypeError):
        store.sql("SELECT * FROM regions LIMIT {n}", n=5)  # values travel as ? parameters
    with pytest.raises(KeyError):
        store.sql("SELECT {a} FROM {b}", a="code")
    with pytest.raises(TypeError):
        store.sql("SELECT {a} FROM regions", a="code", b="name_ru")
    with pytest.raises(TypeError):
        store.joined(['"a"', '"b"'])  # plain str pieces are not SQL pieces
    with pytest.raises(ValueError):
        store.joined([store.SQL("TRUE")], "; ")  # type: ignore[arg-type]


def test_sql_type_accepts_type_names_only():
    assert store.sql_type("VARCHAR") == "VARCHAR"
    assert store.sql_type("DECIMAL(18,3)") == "DECIMAL(18,3)"
    assert store.sql_type("DECIMAL(18, 3)") == "DECIMAL(18, 3)"
    assert store.sql_type("DOUBLE") == "DOUBLE"
    assert store.sql_type("TIMESTAMP WITH TIME ZONE") == "TIMESTAMP WITH TIME ZONE"
    assert isinstance(store.sql_type("BIGINT"), store.SQL)
    for bad in ["VARCHAR); DROP TABLE x; --", "varchar", "DECIMAL(18,3", "INTEGER -- x", "DOUBLE'", ""]:
        with pytest.raises(ValueError):
            store.sql_type(bad)
    assert (
        store.sql("CAST({c} AS {t}) AS {c}", c="revenue", t=store.sql_type("DECIMAL(18,3)"))
        == 'CAST("revenue" AS DECIMAL(18,3)) AS "revenue"'
    )


def test_composed_sql_runs_with_values_as_parameters():
    con = store.connect(":memory:")
    con.execute("INSERT INTO regions VALUES ('40', 'Калужская область', 'Kaluga Oblast', 'Центральный', '29')")
    hostile = "40'; DROP TABLE regions; --"
    statement = store.sql(
        "SELECT {cols} FROM {table} r WHERE {key} IN (?, ?)",
        cols=store.columns(["code", "name_en"], "r"),
        table="regions",
        key=store.columns(["code"], "r"),
    )
    assert con.execute(statement, ["40", hostile]).fetchall() == [("40", "Kaluga Oblast")]
    assert store.table_counts(con)["regions"] == 1
    con.close()
