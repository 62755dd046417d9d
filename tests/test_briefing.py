"""Briefing exports: the Excel workbook (sheets, numbers as numbers, formula injection) and the PPTX deck."""

import io
import shutil

import openpyxl
import pandas as pd
import pytest
from pptx import Presentation

from analytics import store
from analytics.data import export
from analytics.services import storyline
from ui.core.i18n import CATALOG
from ui.downloads import briefing


@pytest.fixture(scope="module")
def con(demo_db, tmp_path_factory):
    copy = tmp_path_factory.mktemp("briefing") / "demo.duckdb"
    shutil.copyfile(demo_db, copy)
    c = store.connect(copy, read_only=True)
    yield c
    c.close()


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_workbook_has_the_sheets_and_numeric_cells(con, lang):
    data = briefing.workbook_bytes(con, storyline.DeckSettings(), lang)
    book = openpyxl.load_workbook(io.BytesIO(data))
    expected = [
        CATALOG[lang][k]
        for k in (
            "sheet.clusters",
            "sheet.sectors",
            "sheet.opportunities",
            "sheet.candidates",
            "sheet.members",
            "sheet.registry",
            "sheet.gaps",
            "sheet.scenario",
            "sheet.provenance",
        )
    ]
    assert book.sheetnames == [CATALOG[lang]["export.note_sheet"], *expected]
    note = [r[0].value for r in book[CATALOG[lang]["export.note_sheet"]].iter_rows()]
    assert CATALOG[lang]["app.demo_note"] in note  # the demo store holds illustrative rows
    for sheet in expected[:-1]:  # every table but the provenance sheet carries its data status
        header = [c.value for c in book[sheet][1]]
        assert header[-1] == CATALOG[lang]["export.status_column"], sheet
    scenario_status = {
        book[CATALOG[lang]["sheet.scenario"]]
        .cell(row=r, column=len([c for c in book[CATALOG[lang]["sheet.scenario"]][1]]))
        .value
        for r in range(2, 18)
    }
    assert scenario_status == {CATALOG[lang]["data.status.illustrative"]}  # the demo projects are all made up
    sectors = book[CATALOG[lang]["sheet.sectors"]]
    header = [c.value for c in sectors[1]]
    assert header[:2] == [CATALOG[lang]["col.code"], CATALOG[lang]["col.sector"]]
    lq = header.index("LQ") + 1
    values = [sectors.cell(row=r, column=lq).value for r in range(2, sectors.max_row + 1)]
    assert values and all(isinstance(v, float) for v in values)
    assert sectors.column_dimensions["B"].width > 10  # widths set from the content
    registry = book[CATALOG[lang]["sheet.registry"]]
    dependence = [registry.cell(row=r, column=3).value for r in range(2, registry.max_row + 1)]
    assert len(dependence) == 5 and all(isinstance(v, float) and 0 <= v <= 1 for v in dependence)
    scenario = book[CATALOG[lang]["sheet.scenario"]]
    assert scenario.max_row == 17  # 16 demo projects + header


def test_formula_like_text_is_exported_as_text():
    frame = pd.DataFrame(
        {
            "name": ['=HYPERLINK("http://x")', "+7 495", "-1", "@cmd", "ООО «Ромашка»"],
            "value": [1.5, 2.0, -1.0, 0.0, 3.0],
        }
    )
    book = openpyxl.load_workbook(io.BytesIO(export.excel_bytes({"s": frame})))
    ws = book["s"]
    assert [ws.cell(row=r, column=1).value for r in range(2, 7)] == [
        '\'=HYPERLINK("http://x")',
        "'+7 495",
        "'-1",
        "'@cmd",
        "ООО «Ромашка»",
    ]
    assert all(ws.cell(row=r, column=1).data_type == "s" for r in range(2, 7))
    assert ws.cell(row=4, column=2).value == -1.0  # numbers stay numbers, negative ones too
    csv = export.csv_bytes(frame).decode("utf-8-sig")
    assert "'=HYPERLINK" in csv and "1,5" in csv


def test_deck_has_one_slide_per_storyline_slide_with_title_and_image(con):
    assert briefing.chart_engine_available(), "Debian chromium is needed (make test installs it)"
    data = briefing.deck_bytes(con, storyline.DeckSettings(), "ru", "Калужская область")
    deck = Presentation(io.BytesIO(data))
    slides = list(deck.slides)
    assert len(slides) == len([s for s in storyline.SLIDE_ORDER if s in storyline.BUILDERS])
    titles = [next(sh for sh in s.shapes if sh.name == "Title").text_frame.text for s in slides]
    assert titles[0] == "Калужская область: промышленность, 2023"
    assert titles[-1] == CATALOG["ru"]["slide.next_steps.title"]
    for s in slides:
        footer = [sh for sh in s.shapes if sh.name == "Data status"]
        assert [f.text_frame.text for f in footer] == [CATALOG["ru"]["export.demo_note_short"]]
        pictures = [sh for sh in s.shapes if sh.shape_type == 13]  # MSO_SHAPE_TYPE.PICTURE
        assert len(pictures) == 1 and pictures[0].image.content_type == "image/png"
        assert len(pictures[0].image.blob) > 10_000


def test_deck_refuses_clearly_without_a_chart_engine(con, monkeypatch):
    monkeypatch.setattr(briefing.shutil, "which", lambda name: None)
    with pytest.raises(briefing.ExportUnavailable) as error:
        briefing.deck_bytes(con, storyline.DeckSettings(), "en", "Kaluga Oblast")
    assert error.value.reason in CATALOG["en"]


def test_sheet_names_are_made_valid_for_excel():
    data = export.excel_bytes({"Регистр: 779/2015 [проверка]?": pd.DataFrame({"a": [1]}), "x" * 40: pd.DataFrame()})
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert book.sheetnames == ["Регистр  779 2015  проверка", "x" * 31]


def test_formula_like_headers_are_neutralised_too():
    book = openpyxl.load_workbook(io.BytesIO(export.excel_bytes({"s": pd.DataFrame({"=evil()": [1.0]})})))
    assert book["s"].cell(row=1, column=1).value == "'=evil()"


def test_exports_carry_a_status_per_row_or_per_table_and_the_demo_note():
    from ui.downloads import exports

    rows = pd.DataFrame({"inn": ["4027000001", "4027000002"], "data_status": ["public", "illustrative"]})
    ctx = exports.ExportContext("ru", ("public", "illustrative"))
    csv = exports.csv_file(rows, ctx).decode("utf-8-sig").splitlines()
    assert csv[0].split(";") == ["inn", "Статус данных", "Демонстрационные данные"]
    assert csv[1].split(";")[1] == "публичный факт" and csv[2].split(";")[1] == "условно"
    plain = pd.DataFrame({"lq": [1.5]})
    public = exports.ExportContext("en", ("public",))
    assert exports.csv_file(plain, public).decode("utf-8-sig").splitlines() == ["lq;Data status", "1,5;public fact"]
    book = openpyxl.load_workbook(io.BytesIO(exports.xlsx_file({"t": plain}, public)))
    assert book.sheetnames == ["About the data", "t"]
    lines = [r[0].value for r in book["About the data"].iter_rows(min_row=2)]
    assert lines[0].startswith("Status of the values in these tables: public fact.")
    assert not any("Demo" in line for line in lines)  # no demo note without illustrative rows
