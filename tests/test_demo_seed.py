"""The demo dataset in data/seed/: deterministic, loadable, consistent and calibrated as documented."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest
from stdnum.ru import inn as stdnum_inn
from stdnum.ru import ogrn as stdnum_ogrn

from analytics import store
from analytics.store import demo, schema
from analytics.tools import demo_seed

SEED = store.SEED_DIR
ROSSTAT_OKVED = (
    store.ROOT / "data" / "reference" / "okved2-rosstat-20231201-utf8.csv"
)  # shipped, see its ATTRIBUTION.md
YEARS = list(range(2016, 2024))
#: Tables read from a seed CSV (the others are built at build time, store.demo.BUILT_TABLES).
SEEDED = [t for t in schema.DATA_TABLES if t not in demo.BUILT_TABLES]


@pytest.fixture(scope="module")
def seed() -> dict[str, pd.DataFrame]:
    return {table: store.read_seed(table) for table in SEEDED}


def _manufacturing_divisions(rsy: pd.DataFrame) -> pd.DataFrame:
    return rsy[rsy["okved"].isin([str(d) for d in range(10, 34)])]


def _lq(rsy: pd.DataFrame, region: str, code: str, year: int) -> float:
    div = _manufacturing_divisions(rsy)
    div = div[div["year"] == year]
    rows = rsy[(rsy["okved"] == code) & (rsy["year"] == year)].set_index("region_code")["employees"]
    totals = div.groupby("region_code")["employees"].sum()
    return float((rows[region] / totals[region]) / (rows.sum() / totals.sum()))


# --- determinism, loading, size ---------------------------------------------------------------------


def test_regenerating_gives_byte_identical_files(tmp_path):
    demo_seed.write_all(tmp_path)
    for table in SEEDED:
        assert (tmp_path / f"{table}.csv").read_bytes() == (SEED / f"{table}.csv").read_bytes(), table


def test_every_data_table_has_a_seed_file_with_the_schema_columns(seed):
    con = store.connect(":memory:")
    for table, frame in seed.items():
        cols = store.query(con, "SELECT column_name FROM information_schema.columns WHERE table_name = ?", [table])[
            "column_name"
        ].tolist()
        assert list(frame.columns) == cols, table
        assert len(frame) > 0, table


def test_build_demo_loads_everything_without_integrity_problems(tmp_path, seed):
    counts = store.build_demo(tmp_path / "d.duckdb")
    assert {t: n for t, n in counts.items() if t in seed} == {table: len(frame) for table, frame in seed.items()}
    assert counts["io_cells"] > 30_000  # Rosstat's 2021 tables from data/io2021, built at build time
    con = store.connect(tmp_path / "d.duckdb", read_only=True)
    assert store.integrity_problems(con).empty
    assert store.is_illustrative(con)
    con.close()


def test_seed_files_stay_small():
    total = sum(p.stat().st_size for p in SEED.rglob("*.csv"))
    assert total < 3_500_000  # 2.85 MB of demo tables + 0.45 MB of real public data (region_indicators)


def test_generator_does_not_import_streamlit():
    text = Path(demo_seed.__file__).read_text(encoding="utf-8")
    assert not re.search(r"^\s*(import|from)\s+streamlit", text, flags=re.M)


def test_every_data_status_is_filled(seed):
    for table, frame in seed.items():
        if "data_status" in frame.columns:
            assert frame["data_status"].notna().all(), table
            assert set(frame["data_status"]) <= {"public", "approximate", "illustrative"}, table


# --- regions, municipalities, sectors, templates ---------------------------------------------------


def test_regions_are_the_85_subjects_with_their_federal_districts(seed):
    regions = seed["regions"]
    assert len(regions) == 85 and regions["code"].is_unique
    assert regions["code"].str.fullmatch(r"\d{2}").all()
    by_code = regions.set_index("code")
    assert by_code.at["40", "name_ru"] == "Калужская область" and by_code.at["40", "oktmo_prefix"] == "29"
    expected = {
        "40": "Центральный",
        "77": "Москва",
        "78": "Северо-Западный",
        "91": "Южный",
        "92": "Южный",
        "03": "Дальневосточный",
        "75": "Дальневосточный",
        "26": "Северо-Кавказский",
        "86": "Уральский",
        "83": "Северо-Западный",
        "54": "Сибирский",
        "16": "Приволжский",
    }
    assert by_code.at["77", "name_ru"] == "Москва"
    expected.pop("77")
    for code, district in expected.items():
        assert by_code.at[code, "federal_district"] == district, code
    sizes = regions["federal_district"].value_counts().to_dict()
    assert sizes == {
        "Центральный": 18,
        "Приволжский": 14,
        "Северо-Западный": 11,
        "Дальневосточный": 11,
        "Сибирский": 10,
        "Южный": 8,
        "Северо-Кавказский": 7,
        "Уральский": 6,
    }


def test_municipalities_keep_confirmed_oktmo_and_mark_provisional_ones(seed):
    munis = seed["municipalities"]
    assert len(munis) == 26 and munis["oktmo"].is_unique
    assert munis["kind"].value_counts().to_dict() == {"municipal_district": 24, "urban_okrug": 2}
    status = munis.set_index("oktmo")["oktmo_status"]
    assert status["29606000"] == "confirmed" and status["29614000"] == "confirmed"
    assert status["29701000"] == "confirmed" and status["29715000"] == "likely"
    names = munis.set_index("oktmo")["name_en"]
    assert names["29606000"] == "Borovsky District" and names["29614000"] == "Kirovsky District"
    provisional = munis[munis["oktmo_status"] == "provisional"]
    assert len(provisional) == 22
    assert provisional["oktmo"].str.fullmatch(r"296\d{2}000").all()
    assert (munis["data_status"] == "approximate").all()


def test_sector_names_match_the_rosstat_classifier(seed):
    ros = pd.read_csv(ROSSTAT_OKVED, sep=";", header=None, dtype=str, names=["section", "code", "name"])
    ros["code"] = ros["code"].str.strip()
    ros.loc[ros["code"] == "", "code"] = ros["section"]

    def norm(text: str) -> str:
        return re.sub(r"\s+", " ", text).strip().lower()

    official = dict(zip(ros["code"], ros["name"].map(norm)))
    wrong = [
        (code, name)
        for code, name in zip(seed["sectors"]["code"], seed["sectors"]["name_ru"])
        if official.get(code) != norm(name)
    ]
    assert wrong == []


def test_sector_tree_is_complete_and_well_formed(seed):
    sectors = seed["sectors"].set_index("code")
    sections = [chr(c) for c in range(ord("A"), ord("U") + 1)]
    assert set(sections) <= set(sectors.index)
    assert (sectors.loc[sections, "level"] == "section").all() and sectors.loc[sections, "parent"].isna().all()
    reference = pd.read_csv(demo_seed.FACTS_DIR / "okved.csv", dtype=str)
    divisions = [c for c in reference["code"] if re.fullmatch(r"\d{2}", c)]
    assert len(divisions) == 88 and set(divisions) <= set(sectors.index)
    assert sectors.at["29.10", "parent"] == "29.1" and sectors.at["29.1", "parent"] == "29"
    assert sectors.at["29", "parent"] == "C" and sectors.at["29.10", "section"] == "C"
    for code, row in sectors.iterrows():
        if pd.notna(row["parent"]):
            assert row["parent"] in sectors.index, code
            assert row["section"] == sectors.at[row["parent"], "section"] or row["level"] == "division", code
    assert sectors["name_en"].notna().all()
    used = set(seed["enterprises"]["okved"]) | set(seed["cluster_templates"]["okved"])
    assert used <= set(sectors.index)


def test_cluster_templates_follow_the_proposed_mapping(seed):
    tpl = seed["cluster_templates"]
    assert sorted(tpl["cluster_id"].unique()) == ["automotive", "composites", "electronics", "pharma", "rail"]
    assert not tpl.duplicated(["cluster_id", "okved"]).any()
    assert set(tpl["role"]) == {"core", "supplier", "service"}
    assert (tpl.loc[tpl["role"] != "service", "weight"] == 1.0).all()
    assert (tpl.loc[tpl["role"] == "service", "weight"] == 0.5).all()
    names = tpl.groupby("cluster_id")["cluster_name_ru"].unique()
    assert list(names["automotive"]) == ["Автомобилестроение"] and list(names["pharma"]) == ["Фармацевтика"]
    auto = tpl[tpl["cluster_id"] == "automotive"].set_index("okved")
    assert auto.at["29.10", "role"] == "core" and auto.at["52.29", "role"] == "service"
    assert "related_service" in auto.at["52.29", "note"]
    assert (tpl["data_status"] == "approximate").all()


# --- enterprises ----------------------------------------------------------------------------------


def test_enterprises_are_many_with_valid_identifiers(seed):
    ent = seed["enterprises"]
    assert len(ent) >= 120 and ent["inn"].is_unique
    assert all(stdnum_inn.is_valid(i) for i in ent["inn"])
    assert all(stdnum_ogrn.is_valid(o) for o in ent["ogrn"].dropna())
    assert (ent["region_code"] == "40").all()
    assert set(ent["oktmo"]) <= set(seed["municipalities"]["oktmo"])
    assert ent["lat"].between(53.3, 55.4).all() and ent["lon"].between(33.5, 37.4).all()
    hints = set(ent["cluster_hint"].dropna())
    assert hints == {"automotive", "composites", "electronics", "pharma", "rail"}


def test_real_enterprises_keep_sources_and_placeholder_inns(seed):
    ent = seed["enterprises"]
    real = ent[ent["data_status"] == "public"]
    assert len(real) >= 29 and real["source"].str.len().gt(20).all()
    remputmash = real[real["name_en"] == "Kaluga Remputmash plant"]
    assert remputmash["inn"].tolist() == ["4029032450"]
    placeholders = real[real["inn"] != "4029032450"]
    assert placeholders["inn"].str.startswith("4099").all()
    assert placeholders["source"].str.contains("INN placeholder").all()
    assert placeholders["source"].str.contains("http").all()
    assert not real["is_sme"].any()


def test_all_real_enterprises_of_the_reference_are_present(seed):
    ref = pd.read_csv(demo_seed.FACTS_DIR / "kaluga_enterprises.csv", dtype=str)
    # one reference row holds two companies (both names separated by "; " in Russian and English)
    expected = {
        name
        for ru, en in zip(ref["name_ru"], ref["name_en"])
        for name in (en.split("; ") if "; " in ru and "(" not in ru else [en])
    }
    assert expected <= set(seed["enterprises"]["name_en"])
    assert {"Astrapharm Kaluga", "B-Pharm Biotech"} <= expected


def test_real_towns_map_to_the_right_municipality(seed):
    ent = seed["enterprises"].set_index("name_en")
    assert ent.at["Samsung Electronics Rus Kaluga (SERK)", "oktmo"] == "29606000"  # Vorsino
    assert ent.at["AstraZeneca Kaluga plant", "oktmo"] == "29606000"
    assert ent.at["PSMA Rus (PCMA Rus; Stellantis 70% / Mitsubishi 30%)", "oktmo"] == "29701000"  # Rosva
    assert ent.at["Magna Technoplast", "oktmo"] == "29701000"  # Grabtsevo
    assert ent.at["Kraftway", "oktmo"] == "29715000"  # Obninsk
    munis = seed["municipalities"].set_index("oktmo")
    assert (
        munis.at[ent.at["Lyudinovo Locomotive Plant (LTZ; Sinara-Transport Machines)", "oktmo"], "name_en"]
        == "Lyudinovsky District"
    )


def test_illustrative_enterprises_are_marked_and_varied(seed):
    ent = seed["enterprises"]
    demo = ent[ent["data_status"] == "illustrative"]
    assert len(demo) >= 100
    assert demo["name_ru"].str.endswith(" (демо)").all() and demo["name_en"].str.endswith(" (demo)").all()
    assert demo["ogrn"].notna().all() and demo["inn"].str.startswith("4099").all()
    assert set(ent["kind"]) == {"industrial", "infrastructure", "specialised"}
    specialised = ent[ent["kind"] == "specialised"]
    assert set(specialised["cluster_hint"].dropna()) == {"automotive", "composites", "electronics", "pharma", "rail"}
    for cluster in ["automotive", "composites", "electronics", "pharma", "rail"]:
        members = ent[ent["cluster_hint"] == cluster]
        assert (members["kind"] == "infrastructure").any(), cluster
    divisions = set(demo["okved"].str[:2])
    assert {"10", "16", "23", "24", "25", "28"} <= divisions
    assert 0.4 < demo["is_sme"].mean() < 0.95


# --- enterprise years ------------------------------------------------------------------------------


def test_enterprise_years_cover_every_enterprise_and_look_plausible(seed):
    ent, ey = seed["enterprises"], seed["enterprise_years"]
    assert set(ey["inn"]) == set(ent["inn"])
    assert ey["year"].between(2016, 2023).all()
    founded = ent.set_index("inn")["founded"]
    counts = ey.groupby("inn")["year"].agg(["min", "count"])
    for inn, row in counts.iterrows():
        start = max(2016, int(founded[inn])) if pd.notna(founded[inn]) else 2016
        assert row["min"] == start and row["count"] == 2024 - start, inn
    producing = ey[(ey["revenue_mln_rub"] > 0) & (ey["employees"] > 0)]
    rpe = producing["revenue_mln_rub"] / producing["employees"]
    assert rpe.between(0.5, 40).all()
    assert (ey["purchases_mln_rub"] <= ey["revenue_mln_rub"]).all()
    assert (ey["data_status"] == "illustrative").all()


def test_enterprise_years_are_anchored_and_show_the_2022_shock(seed):
    ent = seed["enterprises"].set_index("name_en")["inn"]
    ey = seed["enterprise_years"].set_index(["inn", "year"])

    def emp(name: str, year: int) -> int:
        return int(ey.at[(ent[name], year), "employees"])

    assert 1600 <= emp("PSMA Rus (PCMA Rus; Stellantis 70% / Mitsubishi 30%)", 2021) <= 2000
    assert 900 <= emp("Continental Kaluga tyre plant (later Gislaved plant of Cordiant tyre cluster)", 2018) <= 1100
    assert 1000 <= emp("Samsung Electronics Rus Kaluga (SERK)", 2019) <= 1300
    assert 170 <= emp("AstraZeneca Kaluga plant", 2016) <= 260
    vw = ent["Volkswagen Group Rus Kaluga plant (since 2023 AGR Holding)"]
    assert ey.at[(vw, 2022), "revenue_mln_rub"] < 0.5 * ey.at[(vw, 2021), "revenue_mln_rub"]
    pharma = seed["enterprises"].query("cluster_hint == 'pharma'")["inn"]
    rev = seed["enterprise_years"][lambda f: f["inn"].isin(pharma)].groupby("year")["revenue_mln_rub"].sum()
    assert rev[2023] > 1.5 * rev[2016]


# --- region × sector -------------------------------------------------------------------------------


def test_region_sector_years_cover_every_region_division_and_year(seed):
    rsy = seed["region_sector_years"]
    div = _manufacturing_divisions(rsy)
    assert len(div) == 85 * 24 * 8
    classes = sorted(c for c in seed["cluster_templates"]["okved"].unique() if 10 <= int(c[:2]) <= 33)
    cls = rsy[rsy["okved"].isin(classes)]
    assert len(cls) == 85 * len(classes) * 8
    assert not rsy.duplicated(["region_code", "okved", "year"]).any()
    assert (rsy["employees"] >= 0).all() and (rsy["establishments"] >= 0).all()


def test_class_rows_never_exceed_their_division(seed):
    rsy = seed["region_sector_years"]
    cls = rsy[rsy["okved"].str.contains(r"\.")].assign(division=lambda f: f["okved"].str[:2])
    sums = cls.groupby(["region_code", "division", "year"])["employees"].sum().rename("classes").reset_index()
    div = _manufacturing_divisions(rsy).rename(columns={"okved": "division"})
    both = sums.merge(div, on=["region_code", "division", "year"])
    assert len(both) == len(sums)
    assert (both["classes"] <= both["employees"]).all()


def test_russia_and_kaluga_are_calibrated(seed):
    div = _manufacturing_divisions(seed["region_sector_years"])
    russia = div.groupby("year")["employees"].sum()
    kaluga = div[div["region_code"] == "40"].groupby("year")["employees"].sum()
    assert russia.between(9.5e6, 10.5e6).all()
    assert kaluga.between(95_000, 115_000).all()
    share = kaluga / russia
    assert share.between(0.008, 0.013).all()


def test_kaluga_specialisation(seed):
    rsy = seed["region_sector_years"]
    for year in YEARS:
        assert _lq(rsy, "40", "29", year) > 3, year
        assert _lq(rsy, "40", "22", year) > 1, year
    assert 4 <= _lq(rsy, "40", "29", 2019) <= 8
    assert _lq(rsy, "40", "29", 2023) < _lq(rsy, "40", "29", 2021)  # the 2022 automotive drop
    assert 2 <= _lq(rsy, "40", "21", 2023) <= 4
    assert 1.5 <= _lq(rsy, "40", "26", 2023) <= 3
    assert 1.5 <= _lq(rsy, "40", "30", 2023) <= 3
    # other regions are plausible too
    assert _lq(rsy, "63", "29", 2023) > 3  # Samara (AvtoVAZ)
    assert _lq(rsy, "69", "30", 2023) > 2  # Tver (carriage works)


def test_kaluga_rows_cover_the_dataset_enterprises(seed):
    rsy = seed["region_sector_years"]
    kal = rsy[rsy["region_code"] == "40"].set_index(["okved", "year"])["employees"]
    ey = seed["enterprise_years"].merge(seed["enterprises"][["inn", "okved"]], on="inn")
    for code in kal.index.get_level_values(0).unique():
        mask = (ey["okved"] == code) | ey["okved"].str.startswith(code + ".")
        per_year = ey[mask].groupby("year")["employees"].sum()
        for year, total in per_year.items():
            assert kal[(code, year)] >= total, (code, year)


# --- supply links ----------------------------------------------------------------------------------


def _dependence(seed) -> pd.DataFrame:
    ent, ey, links, tpl = (
        seed["enterprises"],
        seed["enterprise_years"],
        seed["supply_links"],
        seed["cluster_templates"],
    )
    out = {}
    for cluster, group in tpl[tpl["role"] == "core"].groupby("cluster_id"):
        codes = list(group["okved"])
        members = ent[ent["cluster_hint"] == cluster]
        core = members[
            members["okved"].map(lambda c: any(c == k or c.startswith(k + ".") for k in codes))
            & (members["kind"] == "industrial")
        ]
        inside = links[links["buyer_inn"].isin(core["inn"]) & links["supplier_inn"].isin(members["inn"])]
        num = inside.groupby("year")["value_mln_rub"].sum()
        den = ey[ey["inn"].isin(core["inn"])].groupby("year")["purchases_mln_rub"].sum()
        out[cluster] = (num / den).reindex(YEARS)
    return pd.DataFrame(out)


def test_functional_dependence_differs_by_cluster_as_calibrated(seed):
    dep = _dependence(seed)
    assert dep["automotive"].between(0.15, 0.25).all()
    assert dep["rail"].between(0.20, 0.30).all()
    assert dep["pharma"].between(0.04, 0.10).all()
    assert dep["electronics"].between(0.08, 0.17).all()
    assert dep["composites"].between(0.10, 0.20).all()
    assert dep.loc[2023, "automotive"] < dep.loc[2021, "automotive"]


def test_links_fit_the_buyers_purchases_and_the_suppliers_revenue(seed):
    links, ey = seed["supply_links"], seed["enterprise_years"]
    assert (links["supplier_inn"] != links["buyer_inn"]).all()
    assert links["year"].between(2016, 2023).all() and (links["value_mln_rub"] > 0).all()
    incoming = links.groupby(["buyer_inn", "year"])["value_mln_rub"].sum().rename("incoming").reset_index()
    both = incoming.merge(ey, left_on=["buyer_inn", "year"], right_on=["inn", "year"], how="left")
    assert both["purchases_mln_rub"].notna().all()
    assert (both["incoming"] <= both["purchases_mln_rub"]).all()
    sales = links.groupby(["supplier_inn", "year"])["value_mln_rub"].sum().rename("sales").reset_index()
    both = sales.merge(ey, left_on=["supplier_inn", "year"], right_on=["inn", "year"], how="left")
    assert (both["sales"] <= both["revenue_mln_rub"]).all()


def test_a_few_members_have_no_links(seed):
    ent, links = seed["enterprises"], seed["supply_links"]
    linked = set(links["supplier_inn"]) | set(links["buyer_inn"])
    industrial = ent[ent["kind"] == "industrial"].dropna(subset=["cluster_hint"])
    unlinked = industrial[~industrial["inn"].isin(linked)].groupby("cluster_hint").size()
    assert set(unlinked.index) == {"automotive", "composites", "electronics", "pharma", "rail"}
    assert unlinked.max() >= 4 and unlinked.min() >= 1  # composites fails the "≤ 3 without links" rule
    assert not ent.loc[ent["kind"] == "specialised", "inn"].isin(linked).any()


# --- projects --------------------------------------------------------------------------------------


def test_projects_are_joint_and_sized_as_documented(seed):
    projects, parts = seed["projects"], seed["project_participants"]
    costs, revenues = seed["project_costs"], seed["project_revenues"]
    assert 12 <= len(projects) <= 16
    assert set(projects["cluster_id"]) == {"automotive", "composites", "electronics", "pharma", "rail"}
    assert set(projects["stage"]) == {"rd", "engineering", "pilot", "serial"}
    assert projects["start_year"].between(2016, 2024).all() and (projects["jobs"] > 0).all()
    for _, project in projects.iterrows():
        members = parts[parts["project_id"] == project["project_id"]]
        assert members.loc[members["role"] == "initiator", "inn"].tolist() == [project["initiator_inn"]]
        assert (members["role"] == "participant").sum() >= 1
        demo = seed["enterprises"].set_index("inn").loc[members["inn"], "data_status"]
        assert (demo == "illustrative").all()
        cost = costs[costs["project_id"] == project["project_id"]]
        assert 20 <= cost["amount_mln_rub"].sum() <= 600
        batches = cost[cost["category"] == "component_batches"]
        if project["start_year"] >= 2023:
            assert len(batches) > 0
            others = set(members["inn"]) - {project["initiator_inn"]}
            assert set(batches["supplier_inn"]) <= others
        else:
            assert batches.empty
        years = revenues.loc[revenues["project_id"] == project["project_id"], "year"]
        assert 7 <= len(years) <= 10 and years.min() > project["start_year"]
    assert 2_000 <= costs["amount_mln_rub"].sum() <= 8_000
    assert costs.loc[costs["category"] != "component_batches", "supplier_inn"].isna().all()
    assert revenues["taxes_mln_rub"].isna().any() and revenues["taxes_mln_rub"].notna().any()
