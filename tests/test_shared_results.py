"""Results of ``ui.core.state.cached`` shared by the sessions of a process without pickling: computed once
per data version and arguments, and each caller gets a copy whose changes never reach the kept result
or another caller."""

from __future__ import annotations

import dataclasses
import sys
from collections import defaultdict

import numpy as np
import pandas as pd
import pytest
import streamlit as st

from ui.core import state

CALLS: list[tuple] = []


@dataclasses.dataclass(frozen=True)
class View:
    table: pd.DataFrame
    notes: dict
    shares: np.ndarray
    label: str


def compute(con, region: str, *, year: int = 2023, weights: tuple = (1.0,)) -> View:
    """A library function as ``cached`` calls it: counts its calls, returns frames in a dataclass."""
    CALLS.append((region, year, weights))
    table = pd.DataFrame({"code": ["29", "30"], "value": [float(year), 2.0]})
    return View(table=table, notes=defaultdict(list, a=[1, 2]), shares=np.array([0.25, 0.75]), label=region)


def frame_of(con, frame: pd.DataFrame) -> pd.DataFrame:
    CALLS.append(("frame", len(frame)))
    return frame.assign(double=frame["value"] * 2)


@pytest.fixture(autouse=True)
def fresh(monkeypatch):
    version = {"now": "v1"}
    monkeypatch.setattr(state, "fingerprint", lambda: version["now"])
    monkeypatch.setattr(state, "connection", lambda: None)
    module = sys.modules[__name__]
    monkeypatch.setattr(compute, "__module__", module.__name__)
    st.cache_resource.clear()
    st.cache_data.clear()
    CALLS.clear()
    yield version
    st.cache_resource.clear()
    st.cache_data.clear()


def test_one_computation_per_data_version_and_arguments(fresh):
    first = state.cached(compute, "40", year=2023)
    again = state.cached(compute, "40", year=2023)
    assert len(CALLS) == 1
    pd.testing.assert_frame_equal(first.table, again.table)
    assert first is not again and first.table is not again.table
    state.cached(compute, "40", year=2022)
    state.cached(compute, "71", year=2023)
    assert len(CALLS) == 3
    fresh["now"] = "v2"  # a load published new data
    state.cached(compute, "40", year=2023)
    assert len(CALLS) == 4


def test_a_caller_changing_its_copy_changes_nobody_elses():
    mine = state.cached(compute, "40")
    mine.table.loc[0, "value"] = -1.0  # in place, as a careless page might
    mine.table["extra"] = 1
    mine.notes["a"].append(3)
    mine.notes["b"].append(4)
    mine.shares[0] = 9.0
    object.__setattr__(mine, "label", "changed")
    theirs = state.cached(compute, "40")
    assert len(CALLS) == 1
    assert theirs.table["value"].tolist() == [2023.0, 2.0]
    assert list(theirs.table.columns) == ["code", "value"]
    assert dict(theirs.notes) == {"a": [1, 2]} and isinstance(theirs.notes, defaultdict)
    assert theirs.shares.tolist() == [0.25, 0.75]
    assert theirs.label == "40"


def test_frames_as_arguments_are_keyed_by_their_values():
    a = pd.DataFrame({"value": [1.0, 2.0]})
    state.cached(frame_of, a)
    state.cached(frame_of, a.copy())  # equal values: the same result
    assert len(CALLS) == 1
    state.cached(frame_of, pd.DataFrame({"value": [1.0, 3.0]}))
    assert len(CALLS) == 2


def test_an_argument_without_a_key_goes_through_streamlits_cache():
    class Opaque:  # no _argument_key: hashed by Streamlit, the result pickled
        def __reduce__(self):
            return (Opaque, ())

    def use(con, thing):
        CALLS.append("opaque")
        return pd.DataFrame({"x": [1]})

    use.__module__ = __name__
    globals()["use"] = use
    try:
        state.cached(use, Opaque())
        state.cached(use, Opaque())
    finally:
        del globals()["use"]
    assert CALLS == ["opaque"]


@pytest.mark.parametrize(
    "value",
    [
        [1, {"a": pd.Series([1.0])}],
        ("x", np.array([1, 2])),
        {"k": (1, 2)},
        frozenset({1}),
        pd.Index(["a"]),
    ],
)
def test_fresh_gives_an_equal_value(value):
    got = state._fresh(value)
    assert type(got) is type(value)
    assert repr(got) == repr(value)


# --- state.view: a builder's dataclass of texts and figures, built once and shared ----------------------------
import plotly.graph_objects as go  # noqa: E402


@dataclasses.dataclass
class Card:
    title: str
    figure: go.Figure | None
    notes: list


def card(frame: pd.DataFrame, lang: str, *, tall: bool = False) -> Card:
    CALLS.append(("card", lang, tall))
    fig = go.Figure(go.Bar(x=frame["code"], y=frame["value"]))
    fig.update_layout(height=None if tall else 300)
    return Card(title=f"{lang}: {len(frame)}", figure=fig, notes=["a"])


def test_a_view_is_built_once_and_its_figure_kept_as_json(fresh):
    frame = pd.DataFrame({"code": ["29", "30"], "value": [1.0, 2.0]})
    first = state.view(card, frame, "ru")
    again = state.view(card, frame.copy(), "ru")
    assert CALLS == [("card", "ru", False)]
    assert first is not again and first.figure is again.figure  # one read-only figure document
    assert isinstance(first.figure, state._BuiltFigure)
    assert first.figure.to_dict()["layout"]["height"] == 300
    assert first.figure.data[0]["x"] == ["29", "30"]
    first.notes.append("mine")  # the rest is the caller's own
    assert again.notes == ["a"]
    state.view(card, frame, "ru", tall=True)
    state.view(card, frame, "en")
    assert len(CALLS) == 3
    fresh["now"] = "v2"
    state.view(card, frame, "ru")
    assert len(CALLS) == 4
