"""analytics.store.text_list: the schema's CHECK lists, the only literals the DDL composes."""

from __future__ import annotations

import pytest

from analytics import store
from analytics.store import schema


def test_text_list_quotes_codes():
    assert store.text_list(("rd", "pilot")) == "('rd', 'pilot')"
    assert isinstance(store.text_list(["public"]), store.SQL)


@pytest.mark.parametrize("bad", ["x'); DROP TABLE meta; --", "Public", "a b", "", "1st", "o'k"])
def test_text_list_refuses_anything_but_a_code(bad):
    with pytest.raises(ValueError):
        store.text_list(["ok", bad])


def test_text_list_refuses_an_empty_list():
    with pytest.raises(ValueError):
        store.text_list([])


def test_the_schema_still_checks_the_statuses_and_stages(tmp_path):
    con = store.connect(tmp_path / "s.duckdb")
    try:
        with pytest.raises(Exception, match="CHECK"):
            con.execute(
                "INSERT INTO projects (project_id, name_ru, cluster_id, initiator_inn, stage, start_year) "
                "VALUES ('p', 'n', 'c', '4000000000', 'prototype', 2024)"
            )
        con.execute(
            "INSERT INTO projects (project_id, name_ru, cluster_id, initiator_inn, stage, start_year, "
            "data_status) VALUES ('p', 'n', 'c', '4000000000', 'pilot', 2024, 'approximate')"
        )
        with pytest.raises(Exception, match="CHECK"):
            con.execute("INSERT INTO regions VALUES ('4', 'x', 'x', 'x', NULL)")  # code must be two digits
        keys = con.execute(
            "SELECT column_name FROM information_schema.columns "
            "WHERE table_name = 'history_open_enterprise_years' ORDER BY ordinal_position"
        ).fetchall()
        assert [k[0] for k in keys] == ["inn", "year", "_valid_from"]
    finally:
        con.close()
    assert schema.PROJECT_STAGES == ("rd", "engineering", "pilot", "serial")
