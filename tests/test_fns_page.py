"""The Data page's FNS tab through AppTest: an archive as downloaded is previewed, committed after login,
and a hostile file gets its message with nothing to commit."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from analytics import store
from tests.data.fns import make_fns_fixtures as fx
from ui.core.i18n import CATALOG

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
DATA = ROOT / "tests" / "data" / "fns"
RU = CATALOG["ru"]


@pytest.fixture()
def page(data_page):
    return data_page


def _upload(at: AppTest, name: str, data: bytes) -> None:
    uploader = next(u for u in at.file_uploader if u.key == "fns_file_0")
    uploader.set_value((name, data, "application/zip")).run()
    assert not at.exception, [e.value for e in at.exception]


def test_an_rsmp_archive_is_previewed_and_loaded_after_login(page):
    at, db = page
    at.text_input(key="login_name").input("anna")
    at.text_input(key="login_password").input("long enough password")
    next(b for b in at.button if b.label == RU["upload.login"]).click().run()
    _upload(at, "data-10012024-structure-10062023.zip", (DATA / "data-10012024-structure-10062023.zip").read_bytes())
    assert any("реестр МСП на 10.01.2024" in c.value for c in at.caption)
    metrics = {m.label: m.value for m in at.metric}
    # region 40 (the demo's): FIRM1 and FIRM2; FIRM3 is in region 77, the entrepreneur is skipped
    assert metrics[RU["upload.added"]] == "2" and metrics[RU["upload.changed"]] == "0"
    warnings = " ".join(w.value for w in at.warning)
    assert "персональные" in warnings and "другого региона" in warnings
    at.checkbox(key="fns_confirm").check().run()
    next(b for b in at.button if b.key == "fns_commit").click().run()
    assert not at.exception, [e.value for e in at.exception]
    con = store.connect(db)
    loaded = store.query(
        con, "SELECT inn, sme_category, source FROM enterprises WHERE inn IN (?, ?) ORDER BY inn", [fx.FIRM1, fx.FIRM2]
    )
    assert loaded.to_dict("records") == [
        {"inn": fx.FIRM1, "sme_category": "small", "source": "ФНС, реестр МСП на 10.01.2024"},
        {"inn": fx.FIRM2, "sme_category": "micro", "source": "ФНС, реестр МСП на 10.01.2024"},
    ]


def test_a_doctype_file_is_refused_with_its_message(page):
    at, _ = page
    _upload(at, "billion-laughs.xml", (DATA / "hostile" / "billion-laughs.xml").read_bytes())
    detail = next(d.value for d in at.dataframe if RU["upload.col_message"] in d.value.columns)
    assert any("DOCTYPE" in m for m in detail[RU["upload.col_message"]])
    assert not [b for b in at.button if b.key == "fns_commit"]
