"""The synthetic national-scale generator (analytics.tools.synth): schema, validity, reproducibility, content."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd
import pytest
from stdnum.ru import inn as stdnum_inn
from stdnum.ru import ogrn as stdnum_ogrn

from analytics import store
from analytics.store import schema
from analytics.tools import synth

SMALL = dict(regions=5, enterprises=2000, years=3, start_year=2020, links_per_enterprise=3, projects=120)


@pytest.fixture(scope="module")
def empty_seed_dir(tmp_path_factory) -> Path:
    """No seed files at all: every reference table is synthetic."""
    return tmp_path_factory.mktemp("no_seed")


@pytest.fixture(scope="module")
def small_db(tmp_path_factory, empty_seed_dir) -> tuple[str, dict]:
    path = tmp_path_factory.mktemp("synth") / "small.duckdb"
    result = synth.generate(path, seed=42, seed_dir=empty_seed_dir, **SMALL)
    return str(path), result


@pytest.fixture()
def con(small_db):
    c = duckdb.connect(small_db[0], read_only=True)
    yield c
    c.close()


def q(con, sql: str, params=None) -> pd.DataFrame:
    return con.execute(sql, params or []).df()


def _schema_description(con) -> tuple[pd.DataFrame, pd.DataFrame]:
    cols = q(
        con,
        """
        SELECT table_name, column_name, ordinal_position, data_type, is_nullable, column_default
        FROM information_schema.columns WHERE table_schema = 'main'
        ORDER BY table_name, ordinal_position""",
    )
    cons = q(
        con,
        """
        SELECT table_name, constraint_type, constraint_text FROM duckdb_constraints()
        WHERE schema_name = 'main' ORDER BY ALL""",
    )
    return cols, cons


def _checksums(path: str) -> dict[str, int]:
    """Order-independent checksum of every data table (plus the planted-cluster record)."""
    c = duckdb.connect(path, read_only=True)
    try:
        out = {}
        for table in schema.DATA_TABLES:
            out[table] = c.execute(store.sql("SELECT count(*), sum(hash(t)) FROM {table} t", table=table)).fetchall()[0]
        out["meta"] = c.execute(
            "SELECT value FROM meta WHERE key IN ('synth_planted', 'synth_params') ORDER BY key"
        ).fetchall()
        return out
    finally:
        c.close()


# ---------------------------------------------------------------------------------------------
def test_identifier_check_digits_match_python_stdnum():
    rng = np.random.default_rng(0)
    first9 = rng.integers(10**7, 10**9, 500)
    inns = first9 * 10 + synth.inn10_check_digit(first9)
    assert all(stdnum_inn.is_valid(f"{x:010d}") for x in inns)
    first12 = rng.integers(10**11, 2 * 10**11, 500)
    ogrns = first12 * 10 + synth.ogrn13_check_digit(first12)
    assert all(stdnum_ogrn.is_valid(str(x)) for x in ogrns)
    # the reference examples of docs/regulations.md
    assert synth.inn10_check_digit(np.array([773605000]))[0] == 3
    assert synth.ogrn13_check_digit(np.array([102770013219]))[0] == 5


def test_schema_is_identical_to_a_store_connect_store(small_db, tmp_path):
    ref = store.connect(tmp_path / "ref.duckdb")
    try:
        ref_cols, ref_cons = _schema_description(ref)
        ref_version = store.schema_version(ref)
    finally:
        ref.close()
    c = duckdb.connect(small_db[0], read_only=True)
    try:
        cols, cons = _schema_description(c)
        assert store.schema_version(c) == ref_version
    finally:
        c.close()
    pd.testing.assert_frame_equal(cols, ref_cols)
    pd.testing.assert_frame_equal(cons, ref_cons)


def test_no_broken_references(con):
    problems = store.integrity_problems(con)
    assert problems.empty, problems


def test_row_counts_as_requested(small_db, con):
    counts = store.table_counts(con)
    assert counts == small_db[1]["counts"]
    assert counts["regions"] == SMALL["regions"]
    assert counts["enterprises"] == SMALL["enterprises"]
    assert counts["enterprise_years"] == SMALL["enterprises"] * SMALL["years"]
    assert counts["projects"] == SMALL["projects"]
    years = q(con, "SELECT DISTINCT year FROM enterprise_years ORDER BY year")["year"].tolist()
    assert years == list(range(SMALL["start_year"], SMALL["start_year"] + SMALL["years"]))
    per_firm = q(con, "SELECT count(*) AS n FROM enterprise_years GROUP BY inn")["n"]
    assert (per_firm == SMALL["years"]).all()
    # links: about links_per_enterprise × N pairs, each in 1..link_years years
    pairs = q(con, "SELECT count(*) AS n FROM (SELECT DISTINCT supplier_inn, buyer_inn FROM supply_links)")["n"][0]
    target = SMALL["links_per_enterprise"] * SMALL["enterprises"]
    assert 0.8 * target <= pairs <= 1.1 * target
    assert small_db[1]["supply_link_rows"] == counts["supply_links"]
    muni = q(con, "SELECT region_code, count(*) AS n FROM municipalities GROUP BY 1")
    assert len(muni) == SMALL["regions"] and muni["n"].between(20, 60).all()
    versions = q(con, "SELECT table_name, action, rows_after FROM dataset_versions")
    assert sorted(versions["table_name"]) == sorted(schema.DATA_TABLES)
    assert (versions["action"] == "synth").all()
    assert dict(zip(versions["table_name"], versions["rows_after"])) == counts


def test_identifiers_are_valid_and_unique(con):
    firms = q(con, "SELECT inn, ogrn, region_code, okved, oktmo, name_ru FROM enterprises")
    assert firms["inn"].is_unique
    assert firms["inn"].str.fullmatch(r"[0-9]{10}").all()
    assert firms["inn"].map(stdnum_inn.is_valid).all()
    assert (firms["inn"].str[:2] == firms["region_code"]).all()  # leading zeros kept ("01"…)
    assert firms["inn"].str.startswith("0").any()
    ogrn = firms["ogrn"].dropna()
    assert 0 < len(ogrn) < len(firms)  # a few NULL
    assert ogrn.map(stdnum_ogrn.is_valid).all() and ogrn.is_unique
    assert firms["name_ru"].str.fullmatch(r"(ООО|АО|ПАО) «Синтетика [0-9]{6,}»").all()
    municipalities = q(
        con, "SELECT m.oktmo, r.oktmo_prefix FROM municipalities m JOIN regions r ON r.code = m.region_code"
    )
    assert municipalities["oktmo"].str.fullmatch(r"[0-9]{8}").all()
    assert all(o.startswith(p) for o, p in zip(municipalities["oktmo"], municipalities["oktmo_prefix"]))
    assert municipalities["oktmo"].is_unique


def test_enterprises_content(con):
    firms = q(
        con,
        """
        SELECT e.*, s.level, s.section FROM enterprises e JOIN sectors s ON s.code = e.okved""",
    )
    assert len(firms) == SMALL["enterprises"]
    assert firms["level"].isin(["class", "division"]).all()
    assert (firms["data_status"] == "illustrative").all()
    kinds = firms["kind"].value_counts(normalize=True)
    assert kinds["industrial"] > 0.9 and {"infrastructure", "specialised"} <= set(kinds.index)
    assert (firms.loc[firms["kind"] == "industrial", "section"] == "C").all()
    assert firms["is_sme"].mean() > 0.8
    # regions specialise: sector mix differs by region (total variation distance)
    mix = pd.crosstab(firms["region_code"], firms["okved"], normalize="index")
    national = firms["okved"].value_counts(normalize=True).reindex(mix.columns)
    assert ((mix - national).abs().sum(axis=1) / 2).median() > 0.2
    years = q(con, "SELECT * FROM enterprise_years")
    assert (years["employees"] >= 1).all()
    assert (years["purchases_mln_rub"] <= years["revenue_mln_rub"]).all()
    sizes = years.loc[years["year"] == SMALL["start_year"], "employees"]
    assert sizes.max() > 20 * sizes.median()  # heavy tail


def test_region_sector_years_levels_are_consistent(con):
    rsy = q(con, "SELECT r.*, s.level FROM region_sector_years r JOIN sectors s ON s.code = r.okved")
    assert set(rsy["level"]) >= {"class", "division"}
    classes = rsy[rsy["level"] == "class"].assign(division=lambda d: d["okved"].str[:2])
    summed = classes.groupby(["region_code", "division", "year"], as_index=False)[
        ["employees", "wages_mln_rub", "establishments"]
    ].sum()
    assert (rsy["employees"] > 0).all() and (rsy["wages_mln_rub"] > 0).all()
    divisions = rsy[rsy["level"] == "division"].rename(columns={"okved": "division"})
    both = summed.merge(divisions, on=["region_code", "division", "year"], suffixes=("_c", "_d"), how="left")
    assert both["employees_d"].notna().all()
    assert (both["employees_c"] == both["employees_d"]).all()
    assert (both["establishments_c"] == both["establishments_d"]).all()
    np.testing.assert_allclose(both["wages_mln_rub_c"], both["wages_mln_rub_d"], rtol=1e-9)
    if "revenue_mln_rub" in rsy.columns:
        revenue = classes.groupby(["region_code", "division", "year"], as_index=False)["revenue_mln_rub"].sum()
        revenue = revenue.merge(divisions, on=["region_code", "division", "year"], suffixes=("_c", "_d"))
        assert revenue["revenue_mln_rub_d"].notna().all()
        np.testing.assert_allclose(revenue["revenue_mln_rub_c"], revenue["revenue_mln_rub_d"], rtol=1e-9)
    # division rows equal an independent aggregation of enterprise_years
    firms = q(
        con,
        "SELECT y.year, y.employees, e.region_code, left(e.okved, 2) AS division "
        "FROM enterprise_years y JOIN enterprises e USING (inn)",
    )
    independent = firms.groupby(["region_code", "division", "year"])["employees"].sum()
    stored = divisions.set_index(["region_code", "division", "year"])["employees"]
    independent = independent[
        independent.index.get_level_values("division").isin(stored.index.get_level_values("division"))
    ]
    pd.testing.assert_series_equal(
        stored.sort_index().astype(float), independent.sort_index().astype(float), check_names=False
    )


def test_planted_cluster_is_recorded_and_specialised(con):
    planted = json.loads(q(con, "SELECT value FROM meta WHERE key = 'synth_planted'")["value"][0])
    assert len(planted["okved"]) >= 3 and planted["regions"]
    assert planted["firms"] > 0 and len(planted["inns"]) == planted["firms"]
    # LQ by employees in the last year, computed here with pandas
    firms = q(
        con,
        """
        SELECT e.inn, e.region_code, e.okved, e.oktmo, y.employees FROM enterprises e
        JOIN enterprise_years y USING (inn) WHERE y.year = (SELECT max(year) FROM enterprise_years)""",
    )
    x_rs = firms.groupby(["region_code", "okved"])["employees"].sum()
    x_r = firms.groupby("region_code")["employees"].sum()
    x_s = firms.groupby("okved")["employees"].sum()
    x = firms["employees"].sum()
    for region in planted["regions"]:
        for code in planted["okved"]:
            lq = (x_rs.get((region, code), 0) / x_r[region]) / (x_s[code] / x)
            assert lq > 1, (region, code, lq)
        # co-located: the planted firms sit in the recorded municipalities
    members = firms[firms["inn"].isin(planted["inns"])]
    assert members["okved"].isin(planted["okved"]).all()
    assert members["region_code"].isin(planted["regions"]).all()
    sites = {m for ms in planted["municipalities"].values() for m in ms}
    assert members["oktmo"].dropna().isin(sites).all()


def test_supply_links_are_clean_and_dense_in_the_planted_cluster(con):
    links = q(con, "SELECT * FROM supply_links")
    assert (links["supplier_inn"] != links["buyer_inn"]).all()
    assert not links.duplicated(["supplier_inn", "buyer_inn", "year"]).any()
    assert (links["value_mln_rub"] >= 0).all()
    firms = q(con, "SELECT inn, region_code FROM enterprises").set_index("inn")["region_code"]
    same_region = (links["supplier_inn"].map(firms) == links["buyer_inn"].map(firms)).mean()
    assert same_region > 0.6
    # links cover at most the buyer's purchases in that year
    bought = links.groupby(["buyer_inn", "year"])["value_mln_rub"].sum().rename("linked").reset_index()
    years = q(con, "SELECT inn AS buyer_inn, year, purchases_mln_rub FROM enterprise_years")
    check = bought.merge(years, on=["buyer_inn", "year"])
    assert len(check) == len(bought)
    assert (check["linked"] <= check["purchases_mln_rub"] + 1e-9).all()
    # the planted firms buy a large share of their purchases from each other (functional dependence)
    planted = set(json.loads(q(con, "SELECT value FROM meta WHERE key = 'synth_planted'")["value"][0])["inns"])
    last = links["year"].max()
    inside = links[(links["year"] == last) & links["buyer_inn"].isin(planted) & links["supplier_inn"].isin(planted)]
    purchases = years[(years["year"] == last) & years["buyer_inn"].isin(planted)]["purchases_mln_rub"].sum()
    assert inside["value_mln_rub"].sum() / purchases >= 0.2
    # density: links per planted firm among planted firms far above the network average
    per_firm_inside = len(inside) / len(planted)
    overall = (links["year"] == last).sum() / len(firms)
    assert per_firm_inside > overall


def test_projects_are_consistent(con):
    projects = q(con, "SELECT * FROM projects")
    templates = set(q(con, "SELECT DISTINCT cluster_id FROM cluster_templates")["cluster_id"])
    assert set(projects["cluster_id"]) <= templates
    parts = q(con, "SELECT * FROM project_participants")
    assert (parts.groupby("project_id")["role"].apply(lambda r: (r == "initiator").sum()) == 1).all()
    joint = projects.set_index("project_id")["is_joint"]
    n_participants = parts[parts["role"] == "participant"].groupby("project_id").size()
    assert (n_participants.reindex(joint[joint].index).fillna(0) >= 1).all()
    costs = q(con, "SELECT * FROM project_costs")
    assert set(costs["project_id"]) <= set(projects["project_id"]) and len(costs) > len(projects)


def test_reproducible_with_the_same_seed_and_different_with_another(small_db, empty_seed_dir, tmp_path):
    again = tmp_path / "again.duckdb"
    other = tmp_path / "other.duckdb"
    synth.generate(again, seed=42, seed_dir=empty_seed_dir, **SMALL)
    synth.generate(other, seed=7, seed_dir=empty_seed_dir, **SMALL)
    first, second, third = _checksums(small_db[0]), _checksums(str(again)), _checksums(str(other))
    assert first == second
    for table in ("enterprises", "enterprise_years", "supply_links", "region_sector_years", "projects"):
        assert first[table] != third[table], table


def test_seed_files_are_used_and_an_incomplete_regions_file_is_completed(tmp_path):
    seed_dir = tmp_path / "seed"
    seed_dir.mkdir()
    (seed_dir / "regions.csv").write_text(
        "code,name_ru,name_en,federal_district,oktmo_prefix\n"
        "01,Республика Адыгея,Republic of Adygea,Южный,79\n"
        "40,Калужская область,Kaluga Oblast,Центральный,29\n"
        "83,Ненецкий автономный округ,Nenets Autonomous Okrug,Северо-Западный,118\n",
        encoding="utf-8",
    )
    (seed_dir / "sectors.csv").write_text(
        "code,parent,level,section,name_ru,name_en\n"
        "C,,section,C,Обрабатывающие производства,Manufacturing\n"
        "22,C,division,C,Резина и пластмассы,Rubber and plastics\n"
        "22.2,22,group,C,Пластмассы,Plastics\n"
        "22.29,22.2,class,C,Прочие пластмассовые изделия,Other plastic products\n"
        "22.21,22.2,class,C,Плиты и трубы,Plates and tubes\n"
        "29,C,division,C,Автомобили,Motor vehicles\n"
        "29.1,29,group,C,Автомобили,Motor vehicles\n"
        "29.10,29.1,class,C,Автомобили,Motor vehicles\n"
        "29.3,29,group,C,Комплектующие,Parts\n"
        "29.31,29.3,class,C,Электрооборудование,Electrical equipment\n"
        "29.32,29.3,class,C,Прочие комплектующие,Other parts\n"
        "10,C,division,C,Пищевые продукты,Food products\n",
        encoding="utf-8",
    )
    (seed_dir / "cluster_templates.csv").write_text(
        "cluster_id,cluster_name_ru,cluster_name_en,okved,role,weight,note,data_status\n"
        "automotive,Автомобилестроение,Automotive,29.10,core,1,,approximate\n"
        "automotive,Автомобилестроение,Automotive,29.3,core,1,,approximate\n"
        "automotive,Автомобилестроение,Automotive,22.29,supplier,1,,approximate\n"
        "automotive,Автомобилестроение,Automotive,72.19,service,1,not in sectors: dropped,approximate\n",
        encoding="utf-8",
    )
    path = tmp_path / "seeded.duckdb"
    result = synth.generate(path, regions=4, enterprises=600, years=2, projects=20, seed_dir=seed_dir)
    c = duckdb.connect(str(path), read_only=True)
    try:
        regions = q(c, "SELECT * FROM regions ORDER BY code")
        assert regions["code"].tolist() == ["01", "02", "40", "83"]  # 3 from the file, 1 synthetic
        assert regions.set_index("code").loc["83", "oktmo_prefix"] == "118"  # 3-digit prefixes kept
        munis = q(c, "SELECT m.oktmo, r.oktmo_prefix FROM municipalities m JOIN regions r ON r.code = m.region_code")
        assert all(o.startswith(p) for o, p in zip(munis["oktmo"], munis["oktmo_prefix"]))
        assert regions.set_index("code").loc["02", "name_ru"] == "Синтетический регион 02"
        kaluga = regions.set_index("code").loc["40"]
        assert kaluga["name_ru"] == "Калужская область" and kaluga["oktmo_prefix"] == "29"
        assert (
            q(c, "SELECT count(*) AS n FROM municipalities WHERE region_code = '40' AND oktmo NOT LIKE '29%'")["n"][0]
            == 0
        )
        assert store.integrity_problems(c).empty
        okved = set(q(c, "SELECT DISTINCT okved FROM enterprises WHERE kind = 'industrial'")["okved"])
        assert okved <= {"22.29", "22.21", "29.10", "29.31", "29.32", "10"}
        assert "10" in okved  # division without classes: firms carry the division code
        tpl = q(c, "SELECT okved FROM cluster_templates")["okved"].tolist()
        assert "72.19" not in tpl and len(tpl) == 3
        assert result["planted"]["cluster_id"] == "automotive"
        assert set(result["planted"]["okved"]) == {"29.10", "29.31", "29.32", "22.29"}
        files = q(c, "SELECT table_name, file_name, sha256 FROM dataset_versions WHERE file_name IS NOT NULL")
        assert set(files["table_name"]) == {"regions", "sectors", "cluster_templates"}
    finally:
        c.close()


@pytest.mark.skipif(not (store.SEED_DIR / "sectors.csv").exists(), reason="data/seed not built yet")
def test_works_with_the_projects_own_seed_files(tmp_path):
    path = tmp_path / "with_seed.duckdb"
    result = synth.generate(path, regions=6, enterprises=1500, years=2, projects=30)
    c = duckdb.connect(str(path), read_only=True)
    try:
        assert store.integrity_problems(c).empty
        assert result["counts"]["enterprises"] == 1500
    finally:
        c.close()


def test_command_line(tmp_path, capsys):
    out = tmp_path / "cli.duckdb"
    assert (
        synth.main(
            [
                "--out",
                str(out),
                "--regions",
                "3",
                "--enterprises",
                "300",
                "--years",
                "2",
                "--projects",
                "10",
                "--seed",
                "1",
            ]
        )
        == 0
    )
    assert out.exists() and not Path(str(out) + ".building").exists()
    assert "enterprise_years" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        synth.main(["--out", str(store.DEFAULT_DB)])
