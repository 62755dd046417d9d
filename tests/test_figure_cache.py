"""Figures built once per data version and arguments (``ui.core.state.figure``): what Streamlit sends is
the same as for the figure built afresh; equal arguments reuse the figure, a changed value or a new data
version builds it again."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio
import plotly.tools
import pytest
import streamlit as st

from ui.charts import common as charts
from ui.core import state

BUILT: list[str] = []


def bars(frame: pd.DataFrame, *, title: str) -> go.Figure:
    """A chart builder that counts its calls."""
    BUILT.append(title)
    return go.Figure(go.Bar(x=frame["label"], y=frame["value"], name=title))


def outline(shapes: dict, codes: list[str]) -> go.Figure:
    BUILT.append("outline")
    return go.Figure(go.Choroplethmap(geojson=shapes, locations=codes, z=[1] * len(codes), featureidkey="id"))


def shapes_loader(con=None) -> dict:
    return {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "id": "40",
                "geometry": {"type": "Polygon", "coordinates": [[[35, 54], [36, 54], [36, 55], [35, 54]]]},
            }
        ],
    }


@pytest.fixture(autouse=True)
def fresh(monkeypatch):
    version = {"now": "v1"}
    monkeypatch.setattr(state, "fingerprint", lambda: version["now"])
    monkeypatch.setattr(state, "connection", lambda: None)
    st.cache_resource.clear()
    state._SHARED.clear()
    BUILT.clear()
    yield version
    st.cache_resource.clear()
    state._SHARED.clear()


def _sent(fig) -> str:
    """What ``st.plotly_chart`` puts into its message for ``fig``."""
    return pio.to_json(plotly.tools.return_figure_from_figure_or_data(fig, validate_figure=True), validate=False)


def _frame(value: float = 7.0) -> pd.DataFrame:
    return pd.DataFrame({"label": ["Калуга", "Тула"], "value": [value, 1.0]})


def test_the_message_is_the_one_of_the_figure_built_afresh():
    frame = _frame()
    fresh = charts.horizontal_bars(frame, label="label", value="value", lang="ru", value_title="Занятые")
    built = state.figure(charts.horizontal_bars, frame, label="label", value="value", lang="ru", value_title="Занятые")
    assert json.loads(_sent(built)) == json.loads(_sent(fresh))
    assert json.loads(_sent(built))["data"][0]["text"] == ["7", "1"]  # the values at the bar ends


def test_equal_arguments_reuse_the_figure_and_a_changed_value_builds_again():
    first = state.figure(bars, _frame(), title="a")
    again = state.figure(bars, _frame(), title="a")  # an equal frame, another object
    assert again is first and BUILT == ["a"]
    changed = state.figure(bars, _frame(3.0), title="a")
    assert changed is not first and BUILT == ["a", "a"]
    assert json.loads(_sent(changed))["data"][0]["y"] != json.loads(_sent(first))["data"][0]["y"]
    state.figure(bars, _frame(), title="b")  # another keyword value
    assert BUILT == ["a", "a", "b"]


def test_a_new_data_version_builds_again(fresh):
    first = state.figure(bars, _frame(), title="a")
    fresh["now"] = "v2"
    assert state.figure(bars, _frame(), title="a") is not first and BUILT == ["a", "a"]


def test_a_shared_model_is_keyed_by_name_not_by_content():
    shapes = state.model(shapes_loader)
    first = state.figure(outline, shapes, ["40"])
    assert state.figure(outline, state.model(shapes_loader), ["40"]) is first and BUILT == ["outline"]
    assert state._argument_key(shapes) == ("model", f"{__name__}.shapes_loader")
    assert json.loads(_sent(first))["data"][0]["geojson"] == shapes_loader()


def test_arrays_are_keyed_by_their_values_and_unkeyable_arguments_are_built_every_time():
    assert state._argument_key(np.arange(3)) == state._argument_key(np.arange(3))
    assert state._argument_key(np.arange(3)) != state._argument_key(np.arange(1, 4))
    # a long array's repr elides its middle: the key must not
    long = np.zeros(5000)
    other = long.copy()
    other[2500] = 1
    assert state._argument_key(long) != state._argument_key(other)

    class Opaque:
        pass

    one, two = (state.figure(lambda frame, _o: bars(frame, title="x"), _frame(), Opaque()) for _ in range(2))
    assert BUILT == ["x", "x"] and isinstance(one, go.Figure) and isinstance(two, go.Figure)


def test_a_script_run_reads_the_current_snapshot_once_and_the_next_run_sees_a_new_one(demo_db, tmp_path, monkeypatch):
    import shutil
    from types import SimpleNamespace

    from analytics import store

    db = str(tmp_path / "store.duckdb")
    shutil.copyfile(demo_db, db)
    monkeypatch.setenv("NAVIGATOR_DB", db)
    run = SimpleNamespace(cursors={})
    monkeypatch.setattr(state, "get_script_run_ctx", lambda suppress_warning=False: run)
    state._forget_snapshot()
    first = state._current_snapshot()
    newer = str(store.snapshots.publish(db))  # another process publishes during the run
    assert newer != first
    assert state._current_snapshot() == first  # this run keeps the version it started with
    run.cursors = {}  # the session's next run
    assert state._current_snapshot() == newer
    monkeypatch.setattr(state, "get_script_run_ctx", lambda suppress_warning=False: None)
    later = str(store.snapshots.publish(db))
    assert state._current_snapshot() == later  # outside a script run every call reads CURRENT
    state._forget_snapshot()
