"""Peer regions: the similarity metric on a hand-computed example and the service on the demo store."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from analytics import store
from analytics.metrics import peers
from analytics.services import peers as peer_service

# Three regions × three divisions (persons). Hand computation, target A:
#   A = (100, 0, 100), E = 200, shares (.5, 0, .5)
#   B = (100, 100, 0), E = 200, shares (.5, .5, 0): cos = .25 / (√.5·√.5) = 0.5; ratio 1 → factor 1 → 0.5
#   C = (0, 0, 400),   E = 400, shares (0, 0, 1):  cos = .5 / √.5 = 0.70711; ratio 2 →
#       factor 1 − ln 2 / ln 10 = 0.69897 → similarity 0.70711 × 0.69897 = 0.49425
# Cosine alone ranks C first; with size B comes first.
PANEL = pd.DataFrame(
    {
        "region": ["A", "A", "A", "B", "B", "B", "C", "C", "C"],
        "sector": ["10", "20", "30"] * 3,
        "value": [100.0, 0.0, 100.0, 100.0, 100.0, 0.0, 0.0, 0.0, 400.0],
    }
)


def test_hand_computed_three_regions():
    out = peers.peer_similarity(PANEL, "A", k=5)
    assert out["region"].tolist() == ["B", "C"]
    b, c = out.iloc[0], out.iloc[1]
    assert b["cosine"] == pytest.approx(0.5)
    assert b["size_ratio"] == pytest.approx(1.0)
    assert b["similarity"] == pytest.approx(0.5)
    assert c["cosine"] == pytest.approx(1 / math.sqrt(2))
    assert c["size_ratio"] == pytest.approx(2.0)
    assert c["size_factor"] == pytest.approx(0.69897, abs=1e-5)
    assert c["similarity"] == pytest.approx(0.49425, abs=1e-5)


def test_size_factor_boundaries():
    assert peers.size_factor(1.0) == pytest.approx(1.0)
    assert peers.size_factor(math.sqrt(10)) == pytest.approx(0.5)
    assert peers.size_factor(1 / math.sqrt(10)) == pytest.approx(0.5)
    assert peers.size_factor(10.0) == pytest.approx(0.0)
    assert peers.size_factor(25.0) == 0.0  # clipped, never negative


def test_own_shares_give_cosine_one_and_the_region_is_excluded():
    twin = pd.concat([PANEL, PANEL[PANEL["region"] == "A"].assign(region="A2", value=lambda f: f["value"] * 3)])
    out = peers.peer_similarity(twin, "A", k=5)
    assert "A" not in out["region"].tolist()
    row = out.set_index("region").loc["A2"]
    assert row["cosine"] == pytest.approx(1.0)
    assert peers.cosine([0.5, 0, 0.5], [0.5, 0, 0.5]) == pytest.approx(1.0)


@pytest.mark.parametrize("k", [0, 1, 2, 5])
def test_k_is_respected(k):
    out = peers.peer_similarity(PANEL, "A", k=k)
    assert len(out) == min(k, 2)


def test_unknown_region_gives_an_empty_table():
    assert peers.peer_similarity(PANEL, "Z").empty


@pytest.fixture(scope="module")
def con(demo_db):
    connection = store.connect(demo_db, read_only=True)
    yield connection
    connection.close()


def test_service_on_the_demo_store(con):
    out = peer_service.peer_regions(con, "40", 2023, k=5)
    assert len(out) == 5 and "40" not in out["code"].tolist()
    assert out["similarity"].is_monotonic_decreasing
    assert out["name_ru"].notna().all()
    assert ((out["similarity"] >= 0) & (out["similarity"] <= out["cosine"] + 1e-12)).all()
    assert np.allclose(out["similarity"], out["cosine"] * out["size_factor"])


def test_peer_sectors_and_clusters_put_the_region_beside_its_peers(con):
    chosen = ("50", "71")
    sectors = peer_service.peer_sectors(con, "40", 2016, 2023, chosen, top=3)
    assert sectors["sector"].nunique() == 3
    assert set(sectors["code"]) == {"40", "50", "71"}
    assert sectors.loc[sectors["is_region"], "code"].eq("40").all()
    # the chosen divisions are the region's three largest by employment in the end year
    mine = sectors[sectors["is_region"]].sort_values("employees", ascending=False)
    assert mine["employees"].is_monotonic_decreasing
    found = peer_service.peer_clusters(con, "40", 2023, chosen)
    assert set(found["code"]) == {"40", "50", "71"}
    assert found.groupby("code")["cluster_id"].nunique().nunique() == 1
    assert found["stars"].between(0, 5).all()


def test_the_russia_map_outlines_the_peer_regions(con):
    from analytics.services import region_map

    result = region_map.region_map(con, "lq", sector="29", year=2023, region_code="40")
    assert result.similar == tuple(peer_service.peer_regions(con, "40", 2023)["code"])
    assert "40" not in result.similar and len(result.similar) == peer_service.DEFAULT_K
    # a map year before the sector statistics (shipments, 2010) takes the first sector year held
    early = region_map.region_map(con, "shipments", sector="D", year=2010, region_code="40")
    assert early.similar == tuple(peer_service.peer_regions(con, "40", 2016)["code"])
    assert region_map.region_map(con, "lq", sector="29", year=2023).similar == ()
