"""One measured fix to Streamlit's own code, applied once when :mod:`ui.core.state` is imported.

**Format-only tables skip pandas' per-cell translation.** Every table the app shows is a pandas Styler
that only formats (``ui.tables.common.styled``: numbers in the UI language's format while the cells stay
numbers for sorting). To send one, Streamlit (1.67, ``pandas_styler_utils.marshall_styler``) runs
pandas' HTML translation of every cell (a dict of classes, ids and display value per cell), reads the
display values back out of it, and writes them into a string copy of the frame cell group by cell group
(``iloc`` assignments, slow on pandas 3's Arrow-backed strings). That was the largest single cost of a
served page step: about a fifth of a busy worker's CPU, the subsidies page's project table alone an
eighth (``bench/bench_load.py`` with py-spy on the workers).

For a Styler made by :func:`format_only_styler` that still only formats (:func:`format_only`),
:func:`marshall_styler` sends the same message — the uuid, the caption, no CSS (such a Styler has
none), the display values — from display values computed column by column with the display functions
pandas itself calls (:func:`display_values`), and kept per frame content when the Styler says what else
they depend on (:func:`keep_display`: the same table seen by twenty sessions is formatted once); any other
Styler goes to Streamlit's own function.
``tests/test_streamlit_patches.py`` compares the two messages byte for byte, on made-up tables and on
the demo's input–output table, in both languages. :func:`apply` installs the function only on the
Streamlit version it was checked against, so an upgrade falls back to Streamlit's own code until
checked again.
"""

from __future__ import annotations

import hashlib
import pickle
import threading
from collections import OrderedDict
from collections.abc import Hashable
from enum import Enum
from typing import Any

import pandas as pd
import streamlit
from pandas.io.formats.style import Styler
from streamlit import dataframe_util
from streamlit.elements import arrow
from streamlit.elements.lib import pandas_styler_utils

#: the Streamlit version whose ``marshall_styler`` this module's function reproduces for format-only Stylers
CHECKED_VERSION = "1.67.0"
ORIGINAL_MARSHALL = pandas_styler_utils.marshall_styler


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
    """The frame Streamlit builds from pandas' translation (``_use_display_values``): every cell as the text of
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


#: the attribute :func:`keep_display` sets: what, beside the frame, the display values depend on
DISPLAY_KEY = "_navigator_display_key"
#: display values (Arrow bytes) kept per frame content and key, most recently used last
_KEPT: OrderedDict[str, bytes] = OrderedDict()
_KEPT_MAX = 128
_KEPT_LOCK = threading.Lock()


def keep_display(styler: Styler, key: Hashable) -> Styler:
    """Mark a formatted :func:`format_only_styler` whose display values depend only on its frame and
    ``key`` (e.g. the language and the column formats); :func:`marshall_styler` then computes them once per
    frame content and key, and every later session and rerun showing the same table reuses them. The
    Styler must not be formatted again after this."""
    setattr(styler, DISPLAY_KEY, key)
    return styler


def _display_bytes(styler: Styler) -> bytes:
    """The Arrow bytes of :func:`display_values`, kept when the Styler is marked by :func:`keep_display`."""
    key = getattr(styler, DISPLAY_KEY, None)
    if key is None:
        return dataframe_util.convert_pandas_df_to_arrow_bytes(display_values(styler))
    try:
        digest = hashlib.blake2b(pickle.dumps((styler.data, key), protocol=5), digest_size=20).hexdigest()
    except (TypeError, AttributeError, pickle.PicklingError):  # a frame that cannot be pickled: not kept
        return dataframe_util.convert_pandas_df_to_arrow_bytes(display_values(styler))
    with _KEPT_LOCK:
        kept = _KEPT.get(digest)
        if kept is not None:
            _KEPT.move_to_end(digest)
            return kept
    made = dataframe_util.convert_pandas_df_to_arrow_bytes(display_values(styler))
    with _KEPT_LOCK:
        _KEPT[digest] = made
        while len(_KEPT) > _KEPT_MAX:
            _KEPT.popitem(last=False)
    return made


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
    proto.styler.display_values = _display_bytes(styler)


def apply() -> bool:
    """Install :func:`marshall_styler` in Streamlit if it is the checked version; True when installed."""
    if streamlit.__version__ != CHECKED_VERSION:
        return False
    pandas_styler_utils.marshall_styler = marshall_styler
    arrow.marshall_styler = marshall_styler  # st.dataframe imported the function by name
    return True
