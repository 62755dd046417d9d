"""The fix to Streamlit's styled-table code gives what Streamlit's own function gives (ui.core.streamlit_patches)."""

import math

import numpy as np
import pandas as pd
import pytest
import streamlit

import ui.core.state  # noqa: F401 - importing the state applies the patch
from ui.core import streamlit_patches
from ui.tables.common import styled


def _frames():
    yield (
        pd.DataFrame(
            {
                "Название": ["«Альфа»", "Beta", None],
                "Выручка": [1234.5, math.nan, -0.04],
                "Доля": [0.238, 0.0125, 1.0],
                "Год": [2021, 2022, 2023],
            }
        ),
        {"Выручка": "number1", "Доля": "percent", "Год": "plain"},
    )
    yield pd.DataFrame({"a": np.arange(50) * 1.5, "b": list("xy" * 25)}, index=range(100, 150)), {"a": "number2"}
    yield pd.DataFrame({"x": [1, 2], "y": [3.0, 4.0]}), {}  # nothing formatted: pandas' own display values
    yield pd.DataFrame(columns=["a", "b"]), {"a": "integer"}  # empty


def test_the_display_values_are_the_formatted_numbers():
    frame, formats = next(_frames())
    got = streamlit_patches.display_values(styled(frame, "ru", formats))
    assert got["Выручка"].tolist() == ["1\u00a0234,5", "–", "0,0"]
    assert got["Доля"].tolist() == ["23,8\u00a0%", "1,2\u00a0%", "100,0\u00a0%"]
    assert got["Год"].tolist() == ["2021", "2022", "2023"]


def test_installed_only_on_the_checked_streamlit(monkeypatch):
    from streamlit.elements import arrow
    from streamlit.elements.lib import pandas_styler_utils

    assert streamlit.__version__ == streamlit_patches.CHECKED_VERSION  # a new Streamlit: check the function again
    assert arrow.marshall_styler is streamlit_patches.marshall_styler  # ui.core.state applied it
    assert pandas_styler_utils.marshall_styler is streamlit_patches.marshall_styler
    for module in (arrow, pandas_styler_utils):
        monkeypatch.setattr(module, "marshall_styler", streamlit_patches.ORIGINAL_MARSHALL)
    monkeypatch.setattr(streamlit, "__version__", "9.9.9")
    assert streamlit_patches.apply() is False
    assert arrow.marshall_styler is streamlit_patches.ORIGINAL_MARSHALL


# --- format-only tables: the message Streamlit sends is the same byte for byte ------------------------------
from streamlit.proto.ArrowData_pb2 import ArrowData as ArrowProto  # noqa: E402


def _both(frame, formats, lang, **styler_kwargs):
    fast = styled(frame, lang, formats).set_uuid("42")  # pandas gives each Styler a random one
    slow = styled(frame, lang, formats).set_uuid("42")
    for key, value in styler_kwargs.items():
        getattr(fast, key)(**value)
        getattr(slow, key)(**value)
    mine, theirs = ArrowProto(), ArrowProto()
    streamlit_patches.marshall_styler(mine, fast, "42")
    streamlit_patches.ORIGINAL_MARSHALL(theirs, slow, "42")
    return mine, theirs


@pytest.mark.parametrize("lang", ["ru", "en"])
@pytest.mark.parametrize("case", range(4))
def test_a_format_only_table_is_sent_as_streamlit_sends_it(case, lang):
    frame, formats = list(_frames())[case]
    mine, theirs = _both(frame, formats, lang)
    assert mine.styler.display_values  # the display values were sent
    assert streamlit_patches.format_only(styled(frame, lang, formats))  # by the fast path
    assert mine.SerializeToString(deterministic=True) == theirs.SerializeToString(deterministic=True)


def test_a_real_table_of_the_demo_is_sent_as_streamlit_sends_it(demo_db):
    from analytics import store
    from analytics.services import regional_io

    with store.connect(demo_db, read_only=True) as con:
        table = regional_io.sector_io_view(con, "40", 2023).table
    numbers = {c: "number2" for c in table.columns if pd.api.types.is_float_dtype(table[c])}
    assert len(numbers) >= 5 and len(table) >= 30
    for lang in ("ru", "en"):
        mine, theirs = _both(table, numbers, lang)
        assert mine.SerializeToString(deterministic=True) == theirs.SerializeToString(deterministic=True)


def test_a_styler_that_does_more_than_format_goes_to_streamlits_own_code():
    frame, formats = next(_frames())
    styler = styled(frame, "ru", formats).highlight_max(subset=["Выручка"])
    assert not streamlit_patches.format_only(styler)
    mine = ArrowProto()
    streamlit_patches.marshall_styler(mine, styler, "42")
    assert "background-color" in mine.styler.styles  # the highlight is sent: Streamlit's path ran
    hidden = styled(frame, "ru", formats).hide(axis="columns", subset=["Год"])
    assert not streamlit_patches.format_only(hidden)


def test_a_tables_display_values_are_formatted_once_per_content_language_and_formats(monkeypatch):
    frame, formats = next(_frames())
    made = []
    real = streamlit_patches.display_values
    monkeypatch.setattr(streamlit_patches, "display_values", lambda s: made.append(1) or real(s))
    monkeypatch.setattr(streamlit_patches, "_KEPT", type(streamlit_patches._KEPT)())

    def send(table, lang, kinds) -> bytes:
        proto = ArrowProto()
        streamlit_patches.marshall_styler(proto, styled(table, lang, kinds).set_uuid("42"), "42")
        return proto.styler.display_values

    first = send(frame, "ru", formats)
    assert send(frame.copy(), "ru", formats) == first and len(made) == 1  # equal content: kept
    english = send(frame, "en", formats)
    assert english != first and len(made) == 2  # another language
    assert send(frame, "ru", {**formats, "Выручка": "number2"}) != first and len(made) == 3  # other formats
    changed = frame.copy()
    changed.loc[0, "Выручка"] = 1234.6
    assert send(changed, "ru", formats) != first and len(made) == 4  # another value
    # what was kept is what Streamlit itself would send
    theirs = ArrowProto()
    streamlit_patches.ORIGINAL_MARSHALL(theirs, styled(frame, "ru", formats).set_uuid("42"), "42")
    assert first == theirs.styler.display_values
