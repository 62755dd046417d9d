"""Discovery beyond the templates: a planted cluster is found, random noise yields none."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from analytics import store
from analytics.models import discovery
from analytics.tools import synth

N_REGIONS = 60
DIVISIONS = [str(d) for d in range(10, 20)]
CLASSES = [f"{d}.{10 + k}" for d in DIVISIONS for k in range(4)]  # 40 classes, 4 per division
PLANTED = ["10.13", "12.11", "14.11", "16.12"]
PLANTED_REGIONS = [2, 5, 11, 40]
REGIONS = [f"{10 + i:02d}" for i in range(N_REGIONS)]


def random_store(seed: int, *, plant: float | None = None, sigma: float = 0.5, links: bool = False):
    """Employment of 40 classes in 60 regions: lognormal region size × lognormal noise (σ in logs).

    ``plant``: the four ``PLANTED`` classes (from four divisions) are ``plant`` times larger in the four
    ``PLANTED_REGIONS``. ``links``: firms of the first planted region in those classes buy from each
    other (and random firms buy at random).
    """
    rng = np.random.default_rng(seed)
    con = store.connect(":memory:")
    sectors = (
        [("C", None, "section")] + [(d, "C", "division") for d in DIVISIONS] + [(c, c[:2], "class") for c in CLASSES]
    )
    store.load_frame(
        con, "regions", pd.DataFrame({"code": REGIONS, "name_ru": REGIONS, "name_en": REGIONS, "federal_district": "X"})
    )
    store.load_frame(
        con,
        "sectors",
        pd.DataFrame(sectors, columns=["code", "parent", "level"]).assign(
            section="C", name_ru=lambda f: "Отрасль " + f["code"], name_en=lambda f: "Sector " + f["code"]
        ),
    )
    employment = rng.lognormal(5.0, sigma, (N_REGIONS, len(CLASSES))) * rng.lognormal(0.0, 0.7, (N_REGIONS, 1))
    if plant:
        for r in PLANTED_REGIONS:
            for code in PLANTED:
                employment[r, CLASSES.index(code)] *= plant
    employment = np.round(employment)
    rows = []
    for i, region in enumerate(REGIONS):
        for k, code in enumerate(CLASSES):
            rows.append((region, code, 2023, float(employment[i, k])))
        for d in DIVISIONS:
            rows.append((region, d, 2023, float(sum(employment[i, k] for k, c in enumerate(CLASSES) if c[:2] == d))))
    store.load_frame(
        con, "region_sector_years", pd.DataFrame(rows, columns=["region_code", "okved", "year", "employees"])
    )
    if links:
        region = REGIONS[PLANTED_REGIONS[0]]
        codes = PLANTED + ["15.10", "17.12", "18.13"]
        firms = pd.DataFrame(
            {"inn": [f"{region}{n:08d}" for n in range(len(codes) * 3)], "okved": [c for c in codes for _ in range(3)]}
        )
        firms = firms.assign(name_ru=lambda f: "Фирма " + f["inn"], region_code=region)
        store.load_frame(con, "enterprises", firms)
        store.load_frame(
            con,
            "enterprise_years",
            firms[["inn"]].assign(year=2023, employees=100, revenue_mln_rub=100.0, purchases_mln_rub=60.0),
        )
        planted = firms[firms["okved"].isin(PLANTED)]["inn"].tolist()
        pairs = [(s, b, 5.0) for s in planted for b in planted if s != b]
        store.load_frame(
            con,
            "supply_links",
            pd.DataFrame(pairs, columns=["supplier_inn", "buyer_inn", "value_mln_rub"]).assign(year=2023),
        )
    return con


def test_benjamini_hochberg_by_hand():
    p = np.array([0.01, 0.04, 0.03, 0.20])
    assert discovery.benjamini_hochberg(p, 0.05).tolist() == [True, False, False, False]
    p = np.array([0.001, 0.008, 0.039, 0.041, 0.042, 0.06, 0.074, 0.205])
    # thresholds i × 0.05 / 8: 0.00625, 0.0125, 0.01875 … → only the two smallest pass
    assert discovery.benjamini_hochberg(p, 0.05).tolist() == [True, True] + [False] * 6
    p = np.array([0.04, 0.01, 0.02])  # 0.04 ≤ 3 × 0.05 / 3: all three pass
    assert discovery.benjamini_hochberg(p, 0.05).all()
    assert discovery.benjamini_hochberg(np.array([]), 0.05).size == 0


@pytest.mark.parametrize("seed", range(6))
def test_random_noise_invents_no_cluster(seed):
    con = random_store(seed)
    found = discovery.discover(con, REGIONS[seed], 2023)
    assert found.summary["sectors"] == len(CLASSES)
    assert found.summary["significant_pairs"] == 0
    assert found.communities.empty and found.candidates.empty
    con.close()


@pytest.mark.parametrize("seed", range(4))
def test_a_planted_cluster_is_found(seed):
    con = random_store(seed, plant=10.0)
    found = discovery.discover(con, REGIONS[PLANTED_REGIONS[1]], 2023)
    assert [list(codes) for codes in found.communities["codes"]] == [PLANTED]
    row = found.candidates.iloc[0]
    assert row["cluster_id"] == "d1" and row["new"] and row["matched_template"] is None
    assert row["lq"] > 2
    assert set(found.communities.iloc[0]["regions_specialised"]) >= {REGIONS[r] for r in PLANTED_REGIONS}
    # a region outside the plant is offered nothing
    elsewhere = discovery.discover(con, REGIONS[0], 2023)
    assert len(elsewhere.communities) == 1 and elsewhere.candidates.empty
    con.close()


def test_a_weak_plant_is_not_claimed():
    """Five times the size in four regions of sixty, at this noise, is not distinguishable: nothing is
    found rather than something wrong."""
    con = random_store(0, plant=3.0)
    assert discovery.discover(con, REGIONS[2], 2023).communities.empty
    con.close()


def test_supplier_links_strengthen_the_edges():
    con = random_store(1, plant=10.0, links=True)
    region = REGIONS[PLANTED_REGIONS[0]]
    strength = discovery.link_strength(con, region, 2023, CLASSES).set_index(["sector_1", "sector_2"])
    # three firms per planted class, each selling 5 to every other planted firm: V_st + V_ts = 2·3·3·5;
    # a class touches 3·9·5 out + 3·9·5 in + 3·2·5 inside = 300 → L = 90 / 300
    assert strength.loc[("10.13", "12.11"), "value"] == pytest.approx(90.0)
    assert strength.loc[("10.13", "12.11"), "link_strength"] == pytest.approx(0.3)
    found = discovery.discover(con, region, 2023)
    inner = found.edges[found.edges["community_id"] == "d1"]
    assert inner["weight"].to_numpy() == pytest.approx((inner["correlation"] + 0.3).to_numpy())
    # twelve members, each buying 11 × 5 from the others out of 60 of purchases
    assert found.candidates.iloc[0]["cooperation"] == pytest.approx(12 * 11 * 5 / (12 * 60))
    con.close()


def test_parameters_are_checked():
    with pytest.raises(ValueError):
        discovery.DiscoveryParams(fdr=0)
    with pytest.raises(ValueError):
        discovery.DiscoveryParams(min_sectors=1)


# --- the synthetic national generator's planted cluster -----------------------------------------------------


@pytest.fixture(scope="module")
def synth_store(tmp_path_factory):
    path = tmp_path_factory.mktemp("synth") / "synth.duckdb"
    result = synth.generate(path, regions=85, enterprises=60_000, years=3, start_year=2021, projects=0)
    con = store.connect(path, read_only=True)
    yield con, result["planted"]
    con.close()


def test_discovery_finds_the_generators_planted_cluster(synth_store):
    con, planted = synth_store
    stored = json.loads(store.query(con, "SELECT value FROM meta WHERE key = 'synth_planted'")["value"].iat[0])
    assert stored["okved"] == planted["okved"]
    for region in planted["regions"]:
        found = discovery.discover(con, region, 2023)
        hits = found.candidates[[set(planted["okved"]) <= set(codes) for codes in found.candidates["codes"]]]
        assert len(hits) == 1, region
        hit = hits.iloc[0]
        assert len(hit["codes"]) <= len(planted["okved"]) + 1  # the plant, not a whole division with it
        assert hit["matched_template"] == planted["cluster_id"] and hit["lq"] > 3


def test_the_planted_cluster_is_not_offered_elsewhere(synth_store):
    con, planted = synth_store
    others = [
        r for r in store.query(con, "SELECT code FROM regions ORDER BY code")["code"] if r not in planted["regions"]
    ]
    for region in others[:6]:
        found = discovery.discover(con, region, 2023)
        assert not any(set(planted["okved"]) <= set(codes) for codes in found.candidates["codes"]), region
