"""No name is cut with "…" (issue 15): the enterprise page's charts wrap long names (plotly ``<br>``), the
cluster page's headings and gap table show the whole name."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from ui.charts import enterprise as ec
from ui.tables import clusters as ct

APP = str(Path(__file__).resolve().parent.parent / "app.py")

LONG_RU = "Общество с ограниченной ответственностью «Калужский завод автомобильных комплектующих и пластмасс»"
LONG_EN = "Kaluga Plant of Automotive Components, Plastics and Rubber Technical Goods Limited Liability Company"
SECTOR_RU = "Производство прочих машин и оборудования общего назначения, не включенных в другие группировки"


def _unwrapped(label: str) -> str:
    return label.replace("<br>", " ")


def _partners(names: list[str]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "inn": [f"40000000{i:02d}" for i in range(len(names))],
            "name_ru": names,
            "name_en": [None] * len(names),
            "value_mln_rub": [100.0 - i for i in range(len(names))],
        }
    )


def test_the_partner_network_wraps_every_name_and_cuts_none():
    fig = ec.partner_network(
        LONG_RU,
        _partners([LONG_RU, "ООО «Короткое»"]),
        _partners(["АО «Поставщик & сыновья» " + "очень " * 8 + "длинное"]),
        lang="ru",
        supplier_title="Поставщики",
        buyer_title="Покупатели",
    )
    texts = [str(v) for trace in fig.data if trace.text is not None for v in trace.text]
    assert texts, "the partners' names are drawn"
    assert not any("…" in text for text in texts)
    # every name whole (HTML-escaped), in lines of at most the wrap width (a longer word keeps its line)
    assert _unwrapped(texts[0]) == LONG_RU  # the first buyer… order: suppliers, buyers, centre
    assert "АО «Поставщик &amp; сыновья» " + "очень " * 8 + "длинное" in map(_unwrapped, texts)
    assert _unwrapped(texts[-1]) == LONG_RU  # the firm itself, under its diamond
    for text in texts[:-1]:
        assert all(len(line) <= max(ec.LABEL_WRAP, *map(len, line.split())) for line in text.split("<br>"))
    assert any("<br>" in text for text in texts)


def test_the_peer_chart_names_each_division_whole():
    frame = pd.DataFrame(
        {
            "sector": ["28", "29"],
            "sector_ru": [SECTOR_RU, "Производство автотранспортных средств, прицепов и полуприцепов"],
            "sector_en": [None, None],
            "code": ["40", "40"],
            "name_ru": ["Калужская область"] * 2,
            "name_en": ["Kaluga Oblast"] * 2,
            "is_region": [True, True],
            "employees": [1000, 2000],
            "lq": [1.2, 3.7],
            "cagr": [0.01, 0.02],
        }
    )
    fig = ec.peer_bars(frame, lang="ru", lq_title="LQ", growth_title="Рост")
    labels = [str(y) for trace in fig.data for y in trace.y]
    assert f"28 {SECTOR_RU}" in map(_unwrapped, labels)
    assert not any("…" in label for label in labels)
    assert all(len(line) <= ec.SECTOR_WRAP for label in labels for line in label.split("<br>"))


def test_the_gap_table_shows_the_whole_sector_name():
    gaps = pd.DataFrame(
        {
            "okved": ["28.29"],
            "name_ru": [SECTOR_RU],
            "name_en": [LONG_EN],
            "weight": [1.0],
            "firms": [0],
            "stat_employees": [120.0],
            "lq": [0.4],
            "density": [0.3],
            "status": ["absent"],
            "elsewhere": [[]],
        }
    )
    for lang, name in (("ru", SECTOR_RU), ("en", LONG_EN)):
        table = ct.gaps_table(gaps, lang)
        assert name in table.iloc[0].tolist()


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_no_heading_on_the_clusters_page_is_cut(app_db, lang):
    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params["lang"] = lang
    at.run()
    at.switch_page("app_pages/clusters.py")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    headings = [h.value for h in at.subheader]
    assert headings and not any(h.rstrip().endswith("…") for h in headings), headings
