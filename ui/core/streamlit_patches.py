"""One measured fix to Streamlit's own code, applied once when :mod:`ui.core.state` is imported.

**Styled tables' display values.** Every table the app shows is a pandas Styler (``ui.tables.common.styled``:
numbers in the UI language's format while the cells stay numbers for sorting). To send one, Streamlit
(1.67, ``streamlit.elements.lib.pandas_styler_utils._use_display_values``) turns the frame into strings
and then writes the display value of every cell back column by column with ``new_df.iloc[rows, col] =
values``. With pandas 3's Arrow-backed strings each such write rebuilds the column through a slow path;
it was the largest single cost of a served page step (about a sixth of a busy worker's CPU, the
subsidies page's project table alone an eighth; ``bench/bench_load.py`` under py-spy).

:func:`use_display_values` gives the same frame (same values, dtypes, index and columns —
``tests/test_streamlit_patches.py`` compares it with Streamlit's function on styled tables) by putting
each column together as a Python list and setting it once. :func:`apply` installs it only on the Streamlit
version it was checked against, so an upgrade falls back to Streamlit's own code until checked again.

**Format-only tables skip the per-cell translation.** For a Styler that only formats (a
:func:`format_only_styler`: no ``apply``/``map`` styles, nothing hidden, no table styles) Streamlit's
``marshall_styler`` still runs pandas' HTML translation of every cell (a dict of classes and ids per
cell) to read the display values back out of it. :func:`marshall_styler` sends the same message — the
uuid, the caption, no CSS (a format-only Styler has none), the display values — from the display
values computed column by column (:func:`display_values`, the same display functions
pandas calls); any other Styler goes to Streamlit's own function. ``tests/test_streamlit_patches.py``
compares the two messages byte for byte.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping
from enum import Enum
from typing import Any

import pandas as pd
import streamlit
from pandas.io.formats.style import Styler
from streamlit import dataframe_util
from streamlit.elements import arrow
from streamlit.elements.lib import pandas_styler_utils

#: the Streamlit version whose ``_use_display_values`` this module's function reproduces
CHECKED_VERSION = "1.67.0"
_CELL_ID = re.compile(r"row(\d+)_col(\d+)")
ORIGINAL = pandas_styler_utils._use_display_values
ORIGINAL_MARSHALL = pandas_styler_utils.marshall_styler


def use_display_values(df: pd.DataFrame, styles: Mapping[str, Any]) -> pd.DataFrame:
    """``df`` as strings, each styled cell replaced by its display value (Styler ``_translate`` output)."""
    new_df = df.astype(str)
    updates_by_col: defaultdict[int, dict[int, str]] = defaultdict(dict)
    for row in styles.get("body", []):
        for cell in row:
            cell_id = cell.get("id")
            if not cell_id:
                continue
            match = _CELL_ID.match(cell_id)
            if not match:
                continue
            row_idx, col_idx = map(int, match.groups())
            display_value = cell.get("display_value")
            updates_by_col[col_idx][row_idx] = (
                str(display_value.value) if isinstance(display_value, Enum) else str(display_value)
            )
    for col_idx, values_by_row in updates_by_col.items():
        column = new_df.iloc[:, col_idx]
        values = column.tolist()
        for row_idx, value in values_by_row.items():
            values[row_idx] = value
        new_df.isetitem(col_idx, pd.Series(values, index=new_df.index, dtype=column.dtype, name=column.name))
    return new_df


#: the attribute :func:`format_only_styler` sets on a Styler (Streamlit recognises only pandas' own class,
#: so the mark is an attribute, not a subclass)
MARK = "_navigator_format_only"


def format_only_styler(frame: pd.DataFrame) -> Styler:
    """``frame.style``, marked as used only to format cells (``.format``) for :func:`marshall_styler`."""
    styler = frame.style
    setattr(styler, MARK, True)
    return styler


def format_only(styler: Styler) -> bool:
    """Marked, and nothing but formats: no computed styles, hidden rows or columns, table styles or ids off."""
    return bool(getattr(styler, MARK, False)) and not (
        styler._todo
        or styler.hidden_rows
        or styler.hidden_columns
        or any(styler.hide_index_)
        or any(styler.hide_columns_)
        or styler.table_styles
        or not styler.cell_ids
        or styler.ctx
        or styler.ctx_index
        or styler.ctx_columns
        or styler.cell_context
    )


def display_values(styler: Styler) -> pd.DataFrame:
    """The frame Streamlit's ``_use_display_values`` builds from the translation: every cell as the text of
    its display function (what pandas' ``_translate`` shows), for a :func:`format_only` Styler."""
    new_df = styler.data.astype(str)
    funcs = styler._display_funcs
    columns: list[list[str]] = [[] for _ in range(new_df.shape[1])]
    for r, row in enumerate(styler.data.itertuples()):  # as pandas' _translate_body reads the rows
        for c, value in enumerate(row[1:]):
            shown = funcs[(r, c)](value)
            columns[c].append(str(shown.value) if isinstance(shown, Enum) else str(shown))
    for c, values in enumerate(columns):
        column = new_df.iloc[:, c]
        new_df.isetitem(c, pd.Series(values, index=new_df.index, dtype=column.dtype, name=column.name))
    return new_df


def marshall_styler(proto: Any, styler: Styler, default_uuid: str) -> None:
    """Streamlit's ``marshall_styler``, without the per-cell translation for a format-only Styler."""
    if not format_only(styler):
        ORIGINAL_MARSHALL(proto, styler, default_uuid)
        return
    if styler.data.size > int(pd.options.styler.render.max_elements):  # Streamlit's own refusal and message
        ORIGINAL_MARSHALL(proto, styler, default_uuid)
        return
    pandas_styler_utils._marshall_uuid(proto, styler, default_uuid)
    pandas_styler_utils._marshall_caption(proto, styler)
    proto.styler.display_values = dataframe_util.convert_pandas_df_to_arrow_bytes(display_values(styler))


def apply() -> bool:
    """Install :func:`use_display_values` and :func:`marshall_styler` in Streamlit if it is the checked
    version; True when installed."""
    if streamlit.__version__ != CHECKED_VERSION:
        return False
    pandas_styler_utils._use_display_values = use_display_values
    pandas_styler_utils.marshall_styler = marshall_styler
    arrow.marshall_styler = marshall_styler  # st.dataframe imported the function by name
    return True
