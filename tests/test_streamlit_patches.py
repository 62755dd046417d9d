"""The fix to Streamlit's styled-table code gives what Streamlit's own function gives (ui.core.streamlit_patches)."""

import math

import numpy as np
import pandas as pd
import pytest
import streamlit
from streamlit import dataframe_util

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


@pytest.mark.parametrize("lang", ["ru", "en"])
@pytest.mark.parametrize("case", range(4))
def test_display_values_equal_streamlits_own(case, lang):
    frame, formats = list(_frames())[case]
    styler = styled(frame, lang, formats)
    styler._compute()
    styles = styler._translate(False, False)
    expected = streamlit_patches.ORIGINAL(frame, styles)
    got = streamlit_patches.use_display_values(frame, styles)
    pd.testing.assert_frame_equal(got, expected)
    assert dataframe_util.convert_pandas_df_to_arrow_bytes(got) == dataframe_util.convert_pandas_df_to_arrow_bytes(
        expected
    )


def test_the_display_values_are_the_formatted_numbers():
    frame, formats = next(_frames())
    styler = styled(frame, "ru", formats)
    styler._compute()
    got = streamlit_patches.use_display_values(frame, styler._translate(False, False))
    assert got["Выручка"].tolist() == ["1\u00a0234,5", "–", "0,0"]
    assert got["Доля"].tolist() == ["23,8\u00a0%", "1,2\u00a0%", "100,0\u00a0%"]
    assert got["Год"].tolist() == ["2021", "2022", "2023"]


def test_installed_only_on_the_checked_streamlit(monkeypatch):
    from streamlit.elements.lib import pandas_styler_utils

    assert streamlit.__version__ == streamlit_patches.CHECKED_VERSION  # a new Streamlit: check the function again
    assert pandas_styler_utils._use_display_values is streamlit_patches.use_display_values  # ui.core.state applied it
    monkeypatch.setattr(pandas_styler_utils, "_use_display_values", streamlit_patches.ORIGINAL)
    monkeypatch.setattr(streamlit, "__version__", "9.9.9")
    assert streamlit_patches.apply() is False
    assert pandas_styler_utils._use_display_values is streamlit_patches.ORIGINAL
