"""Fix a file in the browser (issue 17): upload a file with three mistakes, see them all at once, correct
the cells in the grid, load the corrected file; screenshots at 1280×720 in both languages."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from playwright.sync_api import TimeoutError as PlaywrightTimeout

from analytics.data import auth
from tests.e2e.conftest import ARTIFACTS, wait_for_app
from tests.test_ingest_fix import CP1251
from ui.core.i18n import CATALOG

# The analyst account must exist before the (session-wide) server starts: set up at import time.
_ANALYSTS = Path(tempfile.mkdtemp()) / "analysts.toml"
auth.add_analyst("anna", "long enough password", _ANALYSTS)
os.environ[auth.ENV] = str(_ANALYSTS)

ROW_HEIGHT = 35  # Streamlit's data grid: header and rows 35 px high


def _upload(page, path: Path) -> None:
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').first.set_input_files(str(path))


def _editor(page):
    return page.locator('[data-testid="stDataFrame"]').filter(has=page.locator("canvas")).last


def _edit(page, row: int, steps_right: int, text: str) -> None:
    """Type ``text`` into the cell ``steps_right`` columns right of the row number in grid row ``row``:
    select the row number, arrow right, Enter opens the cell's editor, fill it, Enter commits (Streamlit
    reruns). A busy machine may drop the first key presses: the selection is tried up to three times."""
    for attempt in range(3):
        grid = _editor(page)
        grid.scroll_into_view_if_needed()
        box = grid.bounding_box()
        page.mouse.click(box["x"] + 15, box["y"] + ROW_HEIGHT * (row + 1) + ROW_HEIGHT / 2)
        page.wait_for_timeout(300)
        for _ in range(steps_right):
            page.keyboard.press("ArrowRight")
        page.keyboard.press("Enter")
        try:
            page.wait_for_function(
                "() => document.activeElement && document.activeElement.tagName === 'TEXTAREA'", timeout=5_000
            )
            break
        except PlaywrightTimeout:
            page.keyboard.press("Escape")
            if attempt == 2:
                raise
    page.wait_for_timeout(300)
    editor = page.locator("textarea:focus")
    editor.fill(text)
    page.wait_for_timeout(300)
    editor.press("Enter")
    page.wait_for_timeout(1000)
    wait_for_app(page)


def _file(tmp_path: Path) -> Path:
    path = tmp_path / "firms.csv"
    path.write_bytes(CP1251)
    return path


def test_fix_three_mistakes_in_the_grid_and_load_the_file(server, page, tmp_path):
    ru = CATALOG["ru"]
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(server + "/data")
    wait_for_app(page)
    page.get_by_label(ru["upload.user"]).fill("anna")
    page.get_by_label(ru["upload.password"]).fill("long enough password")
    page.get_by_role("button", name=ru["upload.login"]).click()
    page.get_by_text("anna").first.wait_for(timeout=30_000)
    wait_for_app(page)
    _upload(page, _file(tmp_path))
    page.get_by_text(ru["upload.fix_title"]).first.wait_for(timeout=30_000)
    wait_for_app(page)
    page.get_by_text(ru["upload.errors_found"].split(":")[0]).first.scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / "data-fix-errors-ru-1280x720.png"))
    _editor(page).scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / "data-fix-grid-ru-1280x720.png"))

    # columns: row number, errors in the row, then the file's: ИНН, Наименование, ОКВЭД, Код региона, Широта
    for n, (row, column, text) in enumerate(
        [
            (0, 2, "4000123458"),  # row 3: ИНН
            (1, 4, "29.32"),  # row 4: ОКВЭД
            (2, 6, "54,5"),
        ],
        1,
    ):  # row 5: Широта
        _edit(page, row, column, text)
        page.get_by_text(ru["upload.fix_changed"].format(n=n)).first.wait_for(timeout=30_000)
    page.get_by_text(ru["upload.file_ok"]).first.wait_for(timeout=30_000)
    assert page.get_by_text(ru["upload.errors_found"].split(":")[0]).count() == 0
    _editor(page).scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / "data-fix-fixed-ru-1280x720.png"))
    page.get_by_text(ru["upload.sample_added"].format(n=3)).click()  # the preview, under the file's headers
    wait_for_app(page)
    page.get_by_text(ru["upload.sample_added"].format(n=3)).scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / "data-fix-preview-ru-1280x720.png"))
    with page.expect_download() as download:
        page.get_by_role("button", name=ru["upload.fix_download"]).click()
    corrected = Path(download.value.path()).read_bytes()
    assert corrected == (
        CP1251.decode("cp1251")
        .replace("4000123459", "4000123458")
        .replace(";29.99;", ";29.32;")
        .replace("пятьдесят", "54,5")
    ).encode("cp1251")

    page.get_by_text(ru["upload.confirm"]).click()
    wait_for_app(page)
    page.get_by_role("button", name=ru["upload.commit"]).click()
    page.get_by_text("Загружено: версия").first.wait_for(timeout=30_000)
    wait_for_app(page)
    page.screenshot(path=str(ARTIFACTS / "data-fix-loaded-ru-1280x720.png"))


def test_the_grid_in_english(server, page, tmp_path):
    en = CATALOG["en"]
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(server + "/data?lang=en")
    wait_for_app(page)
    _upload(page, _file(tmp_path))
    page.get_by_text(en["upload.fix_title"]).first.wait_for(timeout=30_000)
    wait_for_app(page)
    page.get_by_text(en["upload.errors_found"].split(":")[0]).first.scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / "data-fix-errors-en-1280x720.png"))
    _editor(page).scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / "data-fix-grid-en-1280x720.png"))
    _edit(page, 0, 2, "4000123458")
    page.get_by_text(en["upload.fix_changed"].split(":")[0]).first.wait_for(timeout=30_000)
    _editor(page).scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / "data-fix-edited-en-1280x720.png"))


def test_a_blocked_rollback_in_plain_words(server, page, tmp_path):
    ru = CATALOG["ru"]
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(server + "/data")
    wait_for_app(page)
    page.get_by_label(ru["upload.user"]).fill("anna")
    page.get_by_label(ru["upload.password"]).fill("long enough password")
    page.get_by_role("button", name=ru["upload.login"]).click()
    page.get_by_text("anna").first.wait_for(timeout=30_000)
    wait_for_app(page)
    firm = tmp_path / "firm.csv"
    firm.write_text("ИНН;Наименование;ОКВЭД;Код региона\n4000111117;ООО «Четвёртое»;29.10;40\n", encoding="utf-8")
    years = tmp_path / "years.csv"
    years.write_text("ИНН;Год;Численность\n4000111117;2023;10\n", encoding="utf-8")
    for path, table in ((firm, None), (years, ru["table.enterprise_years"])):
        if table:
            page.get_by_label(ru["upload.table"]).first.click()
            page.get_by_role("option", name=table).click()
            wait_for_app(page)
        _upload(page, path)
        page.get_by_text(ru["upload.confirm"]).first.wait_for(timeout=30_000)
        wait_for_app(page)
        page.get_by_text(ru["upload.confirm"]).click()
        wait_for_app(page)
        page.get_by_role("button", name=ru["upload.commit"]).click()
        page.get_by_text("Загружено: версия").first.wait_for(timeout=30_000)
        wait_for_app(page)
    page.get_by_role("tab", name=ru["upload.tab_history"]).click()
    wait_for_app(page)
    blocked = page.get_by_text(ru["upload.rollback_blocked_found"].split(":")[0]).first
    blocked.wait_for(timeout=30_000)
    assert page.get_by_text(ru["upload.errors_found"].split(":")[0]).count() == 0
    blocked.scroll_into_view_if_needed()
    page.mouse.wheel(0, 250)
    page.wait_for_timeout(500)
    page.screenshot(path=str(ARTIFACTS / "data-rollback-blocked-ru-1280x720.png"))
