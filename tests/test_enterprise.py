"""Enterprise profile and search: a hand-made store for the rules, the demo store against its seed files."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from analytics import store
from analytics.services import enterprise

SEED = Path(__file__).resolve().parent.parent / "data" / "seed"


def test_profile_of_a_declared_core_firm_on_the_tiny_store(tiny_con):
    p = enterprise.enterprise_profile(tiny_con, "4000000001")
    assert p.found and p.status == "ok"
    assert p.identity.name_ru == "A" and p.identity.okved == "29.10" and p.identity.region_code == "40"
    assert p.identity.municipality_ru == "Город Калуга" and p.identity.region_name_en == "Kaluga Oblast"
    assert p.year == 2023  # the latest year with figures
    assert p.years["year"].tolist() == [2022, 2023]
    assert p.years["employees"].tolist() == [900.0, 1000.0]
    row = p.clusters.set_index("cluster_id").loc["automotive"]
    assert row["role"] == "core" and row["basis"] == "hint+okved"
    assert p.suppliers.empty and p.buyers.empty and p.projects.empty
    [standing] = p.registry
    assert standing.cluster_id == "automotive"
    assert standing.counted and standing.final_producer
    assert standing.has_contract is None  # no supply links loaded: the contract rule cannot be judged


def test_an_unhinted_firm_belongs_by_its_code(tiny_con):
    # B (22.29, no hint): a supplier of automotive and core of composites (module docstring of clusters)
    p = enterprise.enterprise_profile(tiny_con, "4000000002")
    roles = dict(zip(p.clusters["cluster_id"], p.clusters["role"]))
    assert roles == {"automotive": "supplier", "composites": "core"}
    by_id = {s.cluster_id: s for s in p.registry}
    # automotive has a declared member (A): B is not counted there; composites has none: all are counted
    assert not by_id["automotive"].counted and by_id["composites"].counted


@pytest.mark.parametrize(
    "inn, status",
    [("1234567890", "unknown"), ("400000000100", "unknown"), ("40000", "invalid"), ("abc", "invalid"), ("", "invalid")],
)
def test_unknown_or_malformed_inn_is_a_result_not_an_exception(tiny_con, inn, status):
    p = enterprise.enterprise_profile(tiny_con, inn)
    assert p.status == status and not p.found and p.identity is None and p.registry == ()


def test_search_by_inn_prefix_and_limit(tiny_con):
    assert enterprise.find_enterprises(tiny_con, "40000000")["inn"].tolist() == [
        "4000000001",
        "4000000002",
        "4000000003",
        "4000000004",
        "4000000005",
    ]
    assert len(enterprise.find_enterprises(tiny_con, "4000", limit=2)) == 2
    assert enterprise.find_enterprises(tiny_con, "  ").empty
    assert enterprise.find_enterprises(tiny_con, "5000").empty


@pytest.fixture(scope="module")
def demo(demo_db):
    connection = store.connect(demo_db, read_only=True)
    yield connection
    connection.close()


def test_search_folds_case_and_yo_in_both_languages(demo):
    inn = "4099100136"  # ООО «Калужский крепёж» (демо) / Kaluga Fasteners LLC (demo)
    for text in ("крепёж", "КРЕПЕЖ", "Калужский Крепеж", "kaluga fasteners", "FASTENERS"):
        assert inn in enterprise.find_enterprises(demo, text)["inn"].tolist(), text


def test_links_and_projects_match_the_seed_files(demo):
    inn = "4099100016"
    links = pd.read_csv(SEED / "supply_links.csv", dtype={"supplier_inn": str, "buyer_inn": str})
    p = enterprise.enterprise_profile(demo, inn, year=2023)
    in_year = links[links["year"] == 2023]
    sold = in_year[in_year["supplier_inn"] == inn].set_index("buyer_inn")["value_mln_rub"]
    bought = in_year[in_year["buyer_inn"] == inn].set_index("supplier_inn")["value_mln_rub"]
    assert dict(zip(p.buyers["inn"], p.buyers["value_mln_rub"])) == pytest.approx(sold.to_dict())
    assert dict(zip(p.suppliers["inn"], p.suppliers["value_mln_rub"])) == pytest.approx(bought.to_dict())
    assert p.buyers["value_mln_rub"].is_monotonic_decreasing
    participants = pd.read_csv(SEED / "project_participants.csv", dtype={"inn": str})
    projects = pd.read_csv(SEED / "projects.csv", dtype={"initiator_inn": str})
    expected = set(participants.loc[participants["inn"] == inn, "project_id"]) | set(
        projects.loc[projects["initiator_inn"] == inn, "project_id"]
    )
    assert set(p.projects["project_id"]) == expected and expected
    assert {"eligible", "subsidy_mln_rub"} <= set(p.projects.columns)
    assert (p.projects["subsidy_mln_rub"] >= 0).all()


def test_contract_flag_agrees_with_the_links_among_participants(demo):
    inn = "4099100016"
    p = enterprise.enterprise_profile(demo, inn, year=2023)
    [standing] = [s for s in p.registry if s.cluster_id == "automotive"]
    # it sells to three automotive members in 2023 (seed supply_links), so it has a contract
    assert standing.counted and standing.has_contract is True and standing.partners >= 1
    assert standing.sales_to_members > 0
