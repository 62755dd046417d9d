"""The cluster pages on real FNS data (issue 18, item 5): after a tiny FNS load into a demo copy, the
members carry the loaded OKVED, headcount, SME category, status and source, and the taxes paid by
the members are the hand sums of the fixture's figures by budget level. Also item 2: figures for
INNs the store lacks are counted, and attach once an RSMP file has added them.

Every expected figure below is written by hand from the documents built here (roubles ÷ 10⁶)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from analytics import store
from analytics.data import fns_load
from analytics.models import clusters
from analytics.services import member_taxes
from tests.data.fns import make_fns_fixtures as fx
from ui.tables import clusters as ct

DATA = Path(__file__).resolve().parent / "data" / "fns"
SMALL = "4099100048"  # demo member of the automotive template (OKVED 29.31, illustrative, 341 persons)
OTHER = "4099100016"  # demo member of the automotive template (OKVED 25.50)
AUTO = "automotive"


def _el(tag: str, **attrs: str) -> str:
    return fx.el(tag, list(attrs.items()))


def _load(con, tip: str, docs: list[str], name: str) -> fns_load.FnsLoadReport:
    report = fns_load.load_fns(
        con, fx.envelope(tip, "4.01", docs).encode("utf-8"), file_name=name, region="40", user="anna"
    )
    assert report.ok, report.errors
    return report


def _tax(name: str, roubles: str) -> str:
    return fx.el("СвУплСумНал", [("НаимНалог", name), ("СумУплНал", roubles)])


def load_fixture(con) -> None:
    """RSMP (SMALL: micro, OKVED 29.32), SSHR (SMALL: 57 persons) and PAYTAX (SMALL and OTHER) for 2023."""
    _load(
        con,
        "РЕЕСТРМСП",
        [
            fx.rsmp_doc(
                doc_id="m1",
                as_of="10.06.2025",
                kind="1",
                category="1",
                inn=SMALL,
                name='ООО  "ДЕТАЛЬ"',
                region="40",
                okved=("29.32", "2014"),
            )
        ],
        "rsmp.xml",
    )
    _load(
        con,
        "ОТКРДАННЫЕ3",
        [
            fx.open_doc(
                doc_id="s1", as_of="31.12.2023", inn=SMALL, name="ООО ДЕТАЛЬ", children=_el("СведССЧР", КолРаб="57")
            )
        ],
        "sshr.xml",
    )
    _load(
        con,
        "ОТКРДАННЫЕ4",
        [
            fx.open_doc(
                doc_id="p1",
                as_of="31.12.2023",
                inn=SMALL,
                name="ООО ДЕТАЛЬ",
                children=(
                    _tax("Налог на добавленную стоимость", "1000000.00")
                    + _tax("Налог на прибыль", "250000.00")
                    + _tax("Транспортный налог", "12345.67")
                    + _tax(
                        "Страховые и другие взносы на обязательное пенсионное страхование, зачисляемые в Пенсионный "
                        "фонд Российской Федерации",
                        "400000.00",
                    )
                ),
            ),
            fx.open_doc(
                doc_id="p2",
                as_of="31.12.2023",
                inn=OTHER,
                name="ООО ДРУГОЙ",
                children=(_tax("Налог на добавленную стоимость", "500000.00") + _tax("Земельный налог", "20000.00")),
            ),
        ],
        "paytax.xml",
    )


@pytest.fixture()
def loaded(demo_copy):
    load_fixture(demo_copy)
    return demo_copy


def test_members_show_the_loaded_okved_headcount_category_and_source(loaded):
    members = clusters.members(loaded, AUTO, region="40", year=2023).set_index("inn")
    firm = members.loc[SMALL]
    assert firm["okved"] == "29.32"  # the register's code (a member by it), not the demo's 29.31
    assert firm["employees"] == 57  # SSHR, not the demo's 341
    assert firm["sme_category"] == "micro" and bool(firm["is_sme"])
    assert firm["data_status"] == "loaded"
    assert firm["source"] == (
        "ФНС, реестр МСП на 10.06.2025; ФНС, среднесписочная численность на 31.12.2023; "
        "ФНС, уплаченные налоги и сборы на 31.12.2023"
    )
    # a member the FNS files did not name keeps its own status, no category
    untouched = members.drop(index=[SMALL, OTHER]).iloc[0]
    assert untouched["data_status"] in ("public", "illustrative") and pd.isna(untouched["sme_category"])
    shown = ct.members_table(members.reset_index(), "ru").set_index("ИНН")
    assert shown.loc[SMALL, "Категория МСП"] == "микро"
    assert shown.loc[SMALL, "Источник"].startswith("ФНС, реестр МСП на 10.06.2025")
    assert ct.members_table(members.reset_index(), "en").set_index("INN").loc[SMALL, "SME category"] == "micro"


def test_taxes_paid_by_members_are_the_hand_sums(loaded):
    taxes = member_taxes.member_taxes(loaded, AUTO, region="40", year=2023)
    paid = dict(zip(taxes.table["level"], taxes.table["paid_mln_rub"]))
    assert paid["federal"] == pytest.approx(1.0 + 0.5)  # VAT of both
    assert paid["regional"] == pytest.approx(0.25 + 0.01234567)  # profit tax + transport tax
    assert paid["local"] == pytest.approx(0.02)  # land tax
    assert paid["social_funds"] == pytest.approx(0.4)
    assert paid["non_tax"] == 0 and paid["unknown"] == 0
    assert paid["total"] == pytest.approx(2.18234567)
    assert taxes.table["share"].iloc[0] == pytest.approx(1.5 / 2.18234567)
    assert (taxes.with_figures, taxes.loaded) == (2, True)
    assert taxes.members == len(clusters.members(loaded, AUTO, region="40", year=2023))
    assert taxes.sources == ["ФНС, уплаченные налоги и сборы на 31.12.2023"]
    shown = ct.member_taxes_table(taxes, "ru")
    assert list(shown.columns) == ["Уровень бюджета", "Уплачено, млн ₽", "Доля"]
    assert shown.iloc[-1, 0] == "итого" and shown.iloc[-1, 1] == "2,182"
    assert "2 из" in ct.member_taxes_caption(taxes, "ru")


def test_without_a_paytax_load_the_summary_says_not_loaded(demo_copy):
    taxes = member_taxes.member_taxes(demo_copy, AUTO, region="40", year=2023)
    assert not taxes.loaded and taxes.with_figures == 0 and taxes.table["paid_mln_rub"].eq(0).all()
    assert "не загружены" in ct.member_taxes_caption(taxes, "ru")
    assert "not loaded" in ct.member_taxes_caption(taxes, "en")


def test_figures_for_inns_not_in_the_store_are_counted_then_attach_after_rsmp(demo_copy):
    """Issue 18, item 2: PAYTAX for firms the store lacks → counted, nothing written; RSMP adds them;
    the same PAYTAX file then attaches its figures."""
    con = demo_copy
    before = store.query(con, "SELECT count(*) AS n FROM enterprise_years WHERE inn IN (?, ?)", [fx.FIRM1, fx.FIRM2])
    assert before["n"][0] == 0
    first = fns_load.load_fns(con, DATA / "paytax-2023.xml", user="anna")
    assert first.ok and (first.added, first.changed) == (0, 0)
    assert first.skipped == {"fns_not_in_store": 2}  # FIRM1 and FIRM2: two organisations
    assert "fns_not_in_store" in [w.code for w in first.warnings]
    assert first.version_id is None or first.rows_loaded == 0
    rsmp = fns_load.load_fns(con, DATA / "rsmp-405.xml", region="40", user="anna")
    assert rsmp.ok and rsmp.added == 2
    again = fns_load.load_fns(con, DATA / "paytax-2023.xml", user="anna")
    assert again.ok and again.added == 2 and again.skipped == {}
    year = store.query(con, "SELECT * FROM enterprise_years WHERE inn = ? AND year = 2023", [fx.FIRM1]).iloc[0]
    assert year["taxes_federal_mln_rub"] == pytest.approx(2.5)  # VAT 2 500 000.00 ₽
    assert year["taxes_regional_mln_rub"] == pytest.approx(1.2000005)  # profit tax 1 200 000.50 ₽ + USN 0


def test_the_clusters_page_shows_the_members_taxes(demo_db, tmp_path, monkeypatch):
    """The page itself (AppTest) on a store with the FNS load: the summary table under the members."""
    import shutil

    import streamlit as st
    from streamlit.testing.v1 import AppTest

    path = tmp_path / "loaded.duckdb"
    shutil.copyfile(demo_db, path)
    con = store.connect(path)
    load_fixture(con)
    con.close()
    monkeypatch.setenv("NAVIGATOR_DB", str(path))
    st.cache_data.clear()
    st.cache_resource.clear()
    try:
        at = AppTest.from_file(str(Path(__file__).resolve().parent.parent / "app.py"), default_timeout=180)
        at.run()
        at.switch_page("app_pages/clusters.py").run()
        at.selectbox(key="year").set_value(2023).run()
        at.selectbox(key="clusters_selected").set_value(AUTO).run()
        assert not at.exception, [e.value for e in at.exception]
        assert "Налоги, уплаченные участниками" in [h.value for h in at.subheader]
        tables = [d.value for d in at.dataframe if "Уровень бюджета" in d.value.columns]
        assert len(tables) == 1
        assert tables[0].iloc[-1].tolist()[:2] == ["итого", "2,182"]
        assert any("2 из" in c.value for c in at.caption)
    finally:
        st.cache_resource.clear()
