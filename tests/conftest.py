"""Shared fixtures: a demo store built once per test session, a writable copy of it per test (``demo_copy``
for the library, ``app_db`` for a page under AppTest), and a tiny hand-made store.

No test may change what another test sees: the session's demo store is never handed to the app (which
opens its store read-write) nor opened read-write by a test; ``demo_db`` checks at the end of the session
that its file is byte for byte what was built.

Hypothesis: with ``CI`` set (or ``HYPOTHESIS_PROFILE=ci``) the ``ci`` profile is loaded — derandomised, so
every run draws the same examples (seeded from each test) and a failure in CI reproduces on any machine
with ``CI=1``; ``print_blob`` prints the ``@reproduce_failure`` line too. Hypothesis refuses a database
beside ``derandomize`` (it implies ``database=None``), so the repository keeps no ``.hypothesis/``
directory (git-ignored, a local cache of failures): a failing example found anywhere is pinned in the
test itself with ``@example(...)`` — the stored, reviewed example base.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, settings

from analytics import store

settings.register_profile(
    "ci", derandomize=True, deadline=None, print_blob=True, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "default"))


def file_digest(path: str | Path) -> str:
    """SHA-256 of a file's bytes (a DuckDB file changes on any committed write)."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


@pytest.fixture(autouse=True)
def _own_login_throttle(tmp_path_factory, monkeypatch):
    """Each test its own shared login-throttle file (never the repository's .streamlit/)."""
    monkeypatch.setenv("NAVIGATOR_THROTTLE", str(tmp_path_factory.mktemp("throttle") / "throttle.sqlite"))


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory):
    """Path of a demo store built from data/seed/ for this test session (never the app's own file).

    Read it only (``store.connect(demo_db, read_only=True)``) or copy it; at the end of the session the
    file must be unchanged, else some test wrote into the store every other test reads.
    """
    path = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    store.build_demo(path)
    built = file_digest(path)
    yield str(path)
    assert file_digest(path) == built and not Path(str(path) + ".wal").exists(), (
        "a test changed the session's demo store: give it a copy (fixtures demo_copy or app_db)"
    )


@pytest.fixture()
def demo_copy(demo_db, tmp_path):
    """A writable copy of the session's demo store, connected (loads change it; the original stays)."""
    path = tmp_path / "store.duckdb"
    shutil.copyfile(demo_db, path)
    connection = store.connect(path)
    yield connection
    connection.close()


@pytest.fixture()
def app_db(demo_db, tmp_path, monkeypatch) -> Path:
    """The store the app opens in this test: a fresh copy of the session's demo store in ``tmp_path``,
    named by ``$NAVIGATOR_DB``, with Streamlit's caches cleared before and after (the app opens its store
    read-write, so a page that writes changes this copy only)."""
    import streamlit as st

    path = tmp_path / "app.duckdb"
    shutil.copyfile(demo_db, path)
    monkeypatch.setenv("NAVIGATOR_DB", str(path))
    st.cache_data.clear()
    st.cache_resource.clear()
    yield path
    st.cache_resource.clear()


@pytest.fixture()
def tiny_con():
    """A hand-made in-memory store: region 40 with 5 firms, region 77 with sector data only.

    Region 40, year 2023 (employees / revenue):
      A 4000000001 okved 29.10   hint automotive  1000 / 5000.0  oktmo 29701000
      B 4000000002 okved 22.29   no hint          200  /  300.0  oktmo 29701000  (SME)
      C 4000000003 okved 21.20   no hint          150  /  900.0  oktmo 29606000
      D 4000000004 okved 10.11   no hint           50  /   40.0  oktmo 29606000  (SME)
      E 4000000005 okved 72.19   infrastructure     10  /    5.0  oktmo NULL
    Templates: automotive core 29.10, supplier 22.29; composites core 22.29 … so B is counted as
    composites (core beats supplier); pharma core 21.20.
    Sector data (employees): 2022 and 2023, divisions 29 and 21 for regions 40 and 77.
    """
    con = store.connect(":memory:")
    frames = {
        "regions": pd.DataFrame(
            {
                "code": ["40", "77"],
                "name_ru": ["Калужская область", "Москва"],
                "name_en": ["Kaluga Oblast", "Moscow"],
                "federal_district": ["Центральный"] * 2,
            }
        ),
        "municipalities": pd.DataFrame(
            {
                "oktmo": ["29701000", "29606000", "29614000"],
                "region_code": ["40"] * 3,
                "name_ru": ["Город Калуга", "Боровский район", "Кировский район"],
                "name_en": ["Kaluga", "Borovsky District", "Kirovsky District"],
                "kind": ["urban_okrug", "municipal_district", "municipal_district"],
                "lat": [54.53, 55.21, 54.08],
                "lon": [36.27, 36.49, 34.32],
            }
        ),
        "sectors": pd.DataFrame(
            {
                "code": ["C", "M", "10", "21", "22", "29", "72", "10.11", "21.20", "22.29", "29.10", "72.19"],
                "parent": [None, None, "C", "C", "C", "C", "M", "10", "21", "22", "29", "72"],
                "level": ["section"] * 2 + ["division"] * 5 + ["class"] * 5,
                "section": ["C", "M", "C", "C", "C", "C", "M", "C", "C", "C", "C", "M"],
                "name_ru": [
                    "Обрабатывающие производства",
                    "Научная деятельность",
                    "Пищевые",
                    "Фарма",
                    "Резина",
                    "Авто",
                    "НИОКР",
                    "Мясо",
                    "Препараты",
                    "Пластмассы",
                    "Автомобили",
                    "Прочие НИОКР",
                ],
            }
        ),
        "enterprises": pd.DataFrame(
            {
                "inn": ["4000000001", "4000000002", "4000000003", "4000000004", "4000000005"],
                "name_ru": list("ABCDE"),
                "okved": ["29.10", "22.29", "21.20", "10.11", "72.19"],
                "region_code": ["40"] * 5,
                "oktmo": ["29701000", "29701000", "29606000", "29606000", None],
                "is_sme": [False, True, False, True, False],
                "kind": ["industrial"] * 4 + ["infrastructure"],
                "cluster_hint": ["automotive", None, None, None, None],
            }
        ),
        "enterprise_years": pd.DataFrame(
            {
                "inn": ["4000000001", "4000000002", "4000000003", "4000000004", "4000000005", "4000000001"],
                "year": [2023] * 5 + [2022],
                "employees": [1000, 200, 150, 50, 10, 900],
                "revenue_mln_rub": [5000.0, 300.0, 900.0, 40.0, 5.0, 4000.0],
            }
        ),
        "region_sector_years": pd.DataFrame(
            {
                "region_code": ["40", "40", "77", "77"] * 2,
                "okved": ["29", "21", "29", "21"] * 2,
                "year": [2022] * 4 + [2023] * 4,
                "employees": [8000.0, 2000.0, 30000.0, 60000.0, 6000.0, 2500.0, 31000.0, 60500.0],
            }
        ),
        "cluster_templates": pd.DataFrame(
            {
                "cluster_id": ["automotive", "automotive", "composites", "pharma"],
                "cluster_name_ru": ["Автомобилестроение", "Автомобилестроение", "Композиты", "Фармацевтика"],
                "cluster_name_en": ["Automotive", "Automotive", "Composites", "Pharmaceuticals"],
                "okved": ["29.10", "22.29", "22.29", "21"],
                "role": ["core", "supplier", "core", "core"],
            }
        ),
    }
    for table, frame in frames.items():
        store.load_frame(con, table, frame)
    yield con
    con.close()


@pytest.fixture()
def data_page(app_db, tmp_path, monkeypatch):
    """The Data page in AppTest on a store copy of its own (``app_db``: the page writes, never into the
    shared demo store), with an analyst account «anna» / «long enough password»; yields ``(at, db_path)``."""
    from streamlit.testing.v1 import AppTest

    from analytics.data import auth

    accounts = tmp_path / "analysts.toml"
    auth.add_analyst("anna", "long enough password", accounts)
    monkeypatch.setenv(auth.ENV, str(accounts))
    at = AppTest.from_file(str(Path(__file__).resolve().parent.parent / "app.py"), default_timeout=120).run()
    at.switch_page("app_pages/data.py").run()
    assert not at.exception, [e.value for e in at.exception]
    yield at, app_db
