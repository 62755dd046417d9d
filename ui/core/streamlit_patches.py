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
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping
from enum import Enum
from typing import Any

import pandas as pd
import streamlit
from streamlit.elements.lib import pandas_styler_utils

#: the Streamlit version whose ``_use_display_values`` this module's function reproduces
CHECKED_VERSION = "1.67.0"
_CELL_ID = re.compile(r"row(\d+)_col(\d+)")
ORIGINAL = pandas_styler_utils._use_display_values


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


def apply() -> bool:
    """Install :func:`use_display_values` in Streamlit if it is the checked version; True when installed."""
    if streamlit.__version__ != CHECKED_VERSION:
        return False
    pandas_styler_utils._use_display_values = use_display_values
    return True
