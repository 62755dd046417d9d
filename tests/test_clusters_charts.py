"""The Clusters page's chart builders and texts: offline map, network layout, registry sentences."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from analytics import store
from analytics.models import clusters, registry
from analytics.models.registry import RegistryParams
from tests.test_clusters import build
from tests.test_registry import cluster, firm, links
from ui.charts import clusters as cc
from ui.core import names as naming
from ui.tables import clusters as ct

ROLES = {r: r for r in cc.ROLE_ORDER}


def members_frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "inn": ["1", "2", "3", "4"],
            "name_ru": ["Альфа <b>", "Бета", "Гамма", "Дельта"],
            "name_en": ["Alpha <b>", None, "Gamma", "Delta"],
            "okved": ["29.10", "22.29", "71.20", "29.32"],
            "lat": [54.5, 54.6, None, 55.0],
            "lon": [36.2, 36.3, None, 36.6],
            "employees": [1000.0, 100.0, 10.0, 300.0],
            "revenue_mln_rub": [5000.0, 200.0, 5.0, 900.0],
            "role": ["core", "supplier", "service", "core"],
        }
    )


def places_frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "oktmo": ["29701000", "29606000"],
            "name_ru": ["Калуга", "Боровский район"],
            "name_en": ["Kaluga", "Borovsky"],
            "lat": [54.53, 55.21],
            "lon": [36.27, 36.49],
            "members": [3, 0],
            "employees": [1400.0, 0.0],
        }
    )


def test_texts_from_data_are_inert():
    assert ct.escape_md("**ООО** [x](http://a) <b>") == "\\*\\*ООО\\*\\* \\[x\\]\\(http\\://a\\) \\<b\\>"
    assert ct.stars_text(3) == "★★★☆☆" and ct.stars_text(7) == "★★★★★" and ct.stars_text(0) == "☆☆☆☆☆"
    assert ct.points(-0.029, "ru") == "-2,9\u00a0п. п." and ct.points(0.0123, "en") == "1.2\u00a0p.p."
    assert naming.names(members_frame(), "en").tolist() == ["Alpha <b>", "Бета", "Gamma", "Delta"]


def test_the_map_is_offline_and_shows_every_member():
    fig = cc.member_map(members_frame(), places_frame(), lang="ru", role_names=ROLES, place_title="М")
    assert fig.layout.map.style == "white-bg"
    assert all(trace.type == "scattermap" and trace.mode == "markers" for trace in fig.data)  # no text: no glyphs
    drawn = sum(len(trace.lat) for trace in fig.data[1:])
    assert drawn == 3  # the member without coordinates is left out
    core = next(trace for trace in fig.data if trace.name == "core")
    assert list(core.marker.size) == [1000.0, 300.0]
    assert "Альфа &lt;b&gt;" in core.customdata[0][0]  # hover text is HTML-escaped
    centre, zoom = fig.layout.map.center, fig.layout.map.zoom
    assert 54.5 < centre.lat < 55.21 and 36.2 < centre.lon < 36.6 and 6 < zoom < 12


def test_the_map_draws_boundaries_when_loaded():
    square = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "id": "29701000",
                "geometry": {
                    "type": "Polygon",
                    "coordinates": [[[36.0, 54.0], [37.0, 54.0], [37.0, 55.0], [36.0, 55.0], [36.0, 54.0]]],
                },
            }
        ],
    }
    outline = {"type": "FeatureCollection", "features": [{**square["features"][0], "id": "40"}]}
    fig = cc.member_map(
        members_frame(),
        places_frame(),
        lang="en",
        role_names=ROLES,
        place_title="M",
        boundaries=square,
        feature_key="id",
        outline=outline,
    )
    kinds = [trace.type for trace in fig.data]
    assert kinds[:2] == ["choroplethmap", "choroplethmap"]  # the outline, then the municipalities
    assert list(fig.data[1].locations) == ["29701000", "29606000"] and list(fig.data[1].z) == [1400.0, 0.0]
    assert json.loads(fig.to_json())["layout"]["map"]["style"] == "white-bg"


def test_network_layout_is_stable_and_puts_the_unlinked_on_the_rim():
    table = links(("1", "2", 10.0), ("4", "1", 5.0))
    first = cc.network_layout(["1", "2", "3", "4"], table)
    again = cc.network_layout(["1", "2", "3", "4"], table.iloc[::-1])
    assert first == again
    assert abs((first["3"][0] ** 2 + first["3"][1] ** 2) ** 0.5 - 1.45) < 1e-9  # on the rim
    assert all(max(abs(x), abs(y)) <= 1.0 + 1e-9 for n, (x, y) in first.items() if n != "3")  # inside the rim
    fig = cc.cooperation_network(members_frame(), table, lang="ru", role_names=ROLES)
    markers = [trace for trace in fig.data if trace.mode == "markers"]
    assert sum(len(trace.x) for trace in markers) == 4
    assert sum(len(trace.x) for trace in fig.data if trace.mode == "lines") == 2 * 3  # two links, None-separated


def test_network_keeps_the_largest_members():
    many = pd.DataFrame({"inn": [str(i) for i in range(300)], "employees": range(300)})
    kept = cc.network_members(many)
    assert len(kept) == cc.NETWORK_MAX_NODES and kept["employees"].min() == 300 - cc.NETWORK_MAX_NODES


def test_network_keeps_the_ends_of_proposed_contracts_however_small():
    many = pd.DataFrame({"inn": [str(i) for i in range(300)], "employees": range(300)})
    kept = cc.network_members(many, keep=("0", "1"))
    assert len(kept) == cc.NETWORK_MAX_NODES and {"0", "1"} <= set(kept["inn"])
    assert sorted(kept["employees"])[2] == 300 - cc.NETWORK_MAX_NODES + 2  # the rest: the largest


def test_network_labels_wrap_and_are_never_cut():
    frame = pd.DataFrame(
        {
            "name_ru": [
                "ООО «Континентал Калуга» (позже завод Gislaved / «Кордиант»)",
                "АО «Очень длинное название предприятия машиностроения» (демо)",
                "<b>Ф</b> & К",
            ],
            "name_en": [None, None, None],
        }
    )
    labels = cc.member_labels(frame, "ru", width=24)
    assert labels[0] == "ООО «Континентал Калуга»"  # the remark in brackets goes to hover
    assert labels[1] == "АО «Очень длинное<br>название предприятия<br>машиностроения»"  # wrapped, whole words
    assert labels[2] == "&lt;b&gt;Ф&lt;/b&gt; &amp; К"  # inert
    assert not any(label.endswith("…") for label in labels)


def test_registry_sentences_in_both_languages():
    members, table = cluster(dependence=0.14, unlinked=2)
    members = pd.concat([members, pd.DataFrame([firm("T", role="supplier", revenue=500.0)])], ignore_index=True)
    table = pd.concat([table, links(("T", "S1", 5.0))], ignore_index=True)
    result = registry.evaluate("x", members, table, region="40", year=2023, params=RegistryParams())
    ru = {line["rule_id"]: line for line in ct.registry_lines(result, "ru")}
    en = {line["rule_id"]: line for line in ct.registry_lines(result, "en")}
    assert ru["dependence"]["measured"] == "14,0\u00a0% при пороге 20,0\u00a0%"
    assert ru["dependence"]["details"][0].startswith(
        "Функциональная зависимость 14,0\u00a0% — на 6,0 п. п. ниже порога 20\u00a0%"
    )
    assert ru["dependence"]["details"][1].startswith("Разрыв могли бы закрыть такие поставки (1):\n- Фирма ")
    assert "→ Фирма P: 60\u00a0млн\u00a0₽" in ru["dependence"]["details"][1]
    assert en["dependence"]["details"][0].startswith("Functional dependence is 14.0%, 6.0 p.p. below the 20% threshold")
    # the other reading beside it: S1 is a supplier, so counting core → core changes nothing here
    assert ru["dependence"]["details"][2].startswith("Чувствительность: если считать и закупки конечных")
    assert "14,0\u00a0% — порог не выполнен при пороге 20\u00a0%" in ru["dependence"]["details"][2]
    assert en["dependence"]["details"][2].startswith("Sensitivity: counting also")
    # two participants without a contract: blocking, no tolerance
    assert ru["contracts"]["status"] == "не выполнено" and ru["contracts"]["details"][0].startswith(
        "Без договоров с другими участниками: 2 — "
    )
    assert ru["min_industrial"]["to_verify"] and not ru["dependence"]["to_verify"]
    assert ru["dependence"]["source"].startswith("Постановление Правительства РФ № 779 от 31.07.2015")
    assert en["dependence"]["source"].startswith("Government Decree No. 779 of 31.07.2015")
    # each rule cites its clause
    assert "Требования, подп. «а»" in ru["contracts"]["source"] and ru["contracts"]["clause"] == "779:req:a"
    assert "Requirements, sub-clause «a»" in en["contracts"]["source"]
    assert "functional dependence (letter to verify)" in en["dependence"]["source"]
    assert ru["organising"]["measured"] == "0 при допустимых 3"


def test_flagged_organisers_are_named_as_the_allowance():
    members, table = cluster(unlinked=1, organising=1)
    result = registry.evaluate("x", members, table, region="40", year=2023)
    ru = {line["rule_id"]: line for line in ct.registry_lines(result, "ru")}
    assert ru["contracts"]["status"] == "выполнено"
    assert ru["contracts"]["details"] == [
        "Ещё 1 участн. без поставок отмечены как организующие производство: их договор (о проекте) "
        "в данных не виден и принят по отметке аналитика."
    ]


def test_member_table_headers_follow_the_language():
    con = store.connect(":memory:")
    build(con)
    table = clusters.members(con, "auto", region="40", year=2023)
    ru, en = ct.members_table(table, "ru"), ct.members_table(table, "en")
    assert list(ru.columns)[:3] == ["ИНН", "Предприятие", "ОКВЭД"] and list(en.columns)[:3] == [
        "INN",
        "Enterprise",
        "OKVED",
    ]
    assert set(ru["Роль"]) == {"ядро", "поставщик", "сервис", "специализированная организация"}
    assert ru["Муниципалитет"].tolist().count("") == 1  # F has no municipality
    con.close()


@pytest.fixture()
def with_boundaries():
    con = store.connect(":memory:")
    build(con)
    con.execute(
        "CREATE TABLE IF NOT EXISTS boundaries (level VARCHAR, code VARCHAR, name VARCHAR, geometry VARCHAR, "
        "file_name VARCHAR, version_id INTEGER)"
    )
    yield con
    con.close()


def test_boundaries_are_read_for_the_region_only(with_boundaries):
    con = with_boundaries
    assert clusters.municipal_boundaries(con, "40") is None and clusters.region_outline(con, "40") is None
    shape = json.dumps({"type": "Polygon", "coordinates": [[[36, 54], [37, 54], [37, 55], [36, 54]]]})
    con.execute(
        "INSERT INTO boundaries (level, code, geometry) VALUES ('municipality', '29701000', ?), "
        "('municipality', '45301000', ?), ('region', '40', ?)",
        [shape, shape, shape],
    )
    collection = clusters.municipal_boundaries(con, "40")
    assert [f["id"] for f in collection["features"]] == ["29701000"]  # 45301000 belongs to region 77
    assert clusters.region_outline(con, "40")["features"][0]["geometry"]["type"] == "Polygon"
    assert clusters.region_outline(con, "77") is None
