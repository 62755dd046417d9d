"""What the Data page delegates: the held plan's key, the boundary map and its figure, report totals."""

from __future__ import annotations

import json
import math

import pandas as pd
import pytest

from analytics import store
from analytics.data import boundaries, ingest
from analytics.services import loading
from ui.charts import boundaries as boundary_charts

#: a valid INN: check digit (4·2 + 0·4 + 2·10 + 7·3) mod 11 mod 10 = 49 mod 11 = 5
CSV = "ИНН;Наименование;ОКВЭД;Регион\n4027000005;ООО Тест;29.10;40\n".encode()


def test_plan_key_follows_the_file_the_mapping_and_the_store(demo_copy):
    con = demo_copy
    key = loading.plan_key(con, CSV, "a.csv", "enterprises", "append")
    assert key == loading.plan_key(con, CSV, "a.csv", "enterprises", "append")
    assert key != loading.plan_key(con, CSV + b"\n", "a.csv", "enterprises", "append")
    assert key != loading.plan_key(con, CSV, "a.csv", "enterprises", "replace")
    ingest.save_mapping(con, "enterprises", {"Регион": "region_code"}, "anna")
    remapped = loading.plan_key(con, CSV, "a.csv", "enterprises", "append")
    assert remapped != key
    report = ingest.load_file(con, "enterprises", CSV, user="anna")
    assert report.ok, report.errors[:3]
    assert loading.plan_key(con, CSV, "a.csv", "enterprises", "append") != remapped  # the store changed


def test_report_totals():
    report = ingest.LoadReport(
        ok=True, rows_loaded=0, errors=[], warnings=[], version_id=None, added=3, changed=2, removed=1, unchanged=10
    )
    assert report.changes == 6 and report.error_total == 0
    report.error_counts = {"inn_checksum": 250, "required": 4}  # 250 found, 200 of them listed
    assert report.error_total == 254


def _square(x: float, y: float) -> list:
    return [[[x, y], [x + 1.0, y], [x + 1.0, y + 1.0], [x, y + 1.0], [x, y]]]


def test_boundary_map_of_an_empty_level_and_of_stored_shapes(demo_copy):
    con = demo_copy
    assert loading.boundary_map(con, "municipality", "40").empty
    oktmo = store.query(con, "SELECT oktmo FROM municipalities WHERE region_code = '40' ORDER BY oktmo LIMIT 1")
    code = oktmo["oktmo"].iat[0]
    doc = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "properties": {"oktmo": code},
                "geometry": {"type": "Polygon", "coordinates": _square(35, 54)},
            }
        ],
    }
    report = boundaries.load_boundaries(con, "municipality", json.dumps(doc).encode())
    assert report.ok, report.errors
    shown = loading.boundary_map(con, "municipality", "40")
    assert not shown.empty and shown.values["code"].tolist() == [code]


def test_boundary_figure_frames_the_shapes_and_escapes_names():
    shapes = {
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature", "id": "a", "geometry": {"type": "Polygon", "coordinates": _square(35, 54)}},
            {"type": "Feature", "id": "b", "geometry": {"type": "Polygon", "coordinates": _square(36, 54)}},
        ],
    }
    values = pd.DataFrame(
        {
            "code": ["a", "b"],
            "name_ru": ["<b>Город</b>", "Район"],
            "name_en": ["Town", "District"],
            "value": [1200.0, float("nan")],
        }
    )
    fig = boundary_charts.boundary_map(shapes, values, lang="ru", value_title="Предприятия")
    trace = fig.data[0]
    assert list(trace.z) == [1200.0, 0.0]  # a missing value is coloured as zero
    assert trace.text[0].startswith("&lt;b&gt;Город&lt;/b&gt;: ") and "<b>" not in trace.text[0]
    # latitude binds: Mercator y(55°) − y(54°) = ln tan 72.5° − ln tan 72° ≈ 0.03006 in 560 px,
    # log2(560 / (512 · 0.03006 / 2π)) − 0.15 = 7.687 (longitude, 2° in 1000 px, would allow 8.31)
    dy = math.log(math.tan(math.radians(72.5))) - math.log(math.tan(math.radians(72.0)))
    assert dy == pytest.approx(0.03006, abs=1e-5)
    assert fig.layout.map.zoom == pytest.approx(math.log2(560 / (512 * dy / (2 * math.pi))) - 0.15)
    assert fig.layout.map.center.lon == pytest.approx(36.0)
    assert 54.4 < fig.layout.map.center.lat < 54.6


def test_a_rosstat_file_that_cannot_be_read_is_an_error_text_not_an_exception():
    for data, name in ((b"PK\x03\x04 not really a workbook", "table.xlsx"), (b"\x00\x01\x02", "table.xls")):
        read = loading.read_rosstat(data, name)
        assert isinstance(read, str) and read  # the reader's message or the error's name


def test_rosstat_plan_key_follows_the_choices_and_the_store(demo_copy):
    con = demo_copy
    key = loading.rosstat_plan_key(con, b"x", "t.xls", {"target": "region_indicators", "unit": None})
    assert key == loading.rosstat_plan_key(con, b"x", "t.xls", {"unit": None, "target": "region_indicators"})
    assert key != loading.rosstat_plan_key(con, b"x", "t.xls", {"target": "region_indicators", "unit": "%"})
    assert (
        loading.file_digest(b"abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    )  # FIPS 180-2
