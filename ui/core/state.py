"""Streamlit-side state: the store connection, cached library calls, language and shared controls.

Caching is done here, never in ``analytics/``: one DuckDB connection per process
(``st.cache_resource``; DuckDB 2.0 refuses concurrent calls on one connection, so every library call
opens its own cursor) and results cached with ``st.cache_data`` under the store's data fingerprint,
which changes with every load or rollback, so new data shows at once on every page.

With ``NAVIGATOR_SNAPSHOTS=1`` (set by ``make serve``, which runs several worker processes, and ``make run``) the
connection is a read-only one to the store's current published snapshot
(:mod:`analytics.store.snapshots`): every rerun checks ``CURRENT`` and moves to a newer snapshot, and
writes go through :func:`write_and_publish` (writer lock, the writer's file, publish). Without it
(AppTest, a bare ``streamlit run``) the one connection is the writer's file itself, read-write.
"""

from __future__ import annotations

import copy
import dataclasses
import datetime
import enum
import hashlib
import importlib
import json
import logging
import os
import pickle
import threading
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import numpy as np
import pandas as pd
import streamlit as st
from plotly.basedatatypes import BaseFigure
from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

from analytics import store
from analytics.services import overview
from ui.core import streamlit_patches, urls
from ui.core.i18n import DEFAULT_LANG, LANGS
from ui.core.i18n import t as _t
from ui.core.names import name_column

if TYPE_CHECKING:
    from analytics.data import auth, ingest

streamlit_patches.apply()  # format-only tables sent without pandas' per-cell translation (see the module)

DB_ENV = "NAVIGATOR_DB"
SNAPSHOTS_ENV = "NAVIGATOR_SNAPSHOTS"
DEFAULT_REGION = "40"


def db_path() -> Path:
    """The store file: ``$NAVIGATOR_DB`` or ``data/navigator.duckdb``."""
    return Path(os.environ.get(DB_ENV, str(store.DEFAULT_DB)))


def snapshots_on() -> bool:
    """True when workers read published snapshots (``NAVIGATOR_SNAPSHOTS=1``, as ``make serve`` and ``make run`` set)."""
    return os.environ.get(SNAPSHOTS_ENV, "").strip() not in ("", "0")


_LOG = logging.getLogger("navigator.store")


@st.cache_resource(show_spinner=False)
def _connection(path: str):
    store.ensure_demo(path)
    return store.connect(path)


# A few snapshots at most: a dropped connection closes once the reruns still using it finish.
@st.cache_resource(show_spinner=False, max_entries=3)
def _snapshot_connection(path: str):
    return store.snapshots.open_snapshot(path)


_RUN = threading.local()


def _current_snapshot() -> str:
    """The store's current snapshot, read once per script run: a page makes dozens of cached calls and
    each asked for ``CURRENT`` (a file read and two stats each time). A run sees one data version
    throughout; the next run reads ``CURRENT`` again. Outside a script run (tests, tools) every call reads."""
    db = str(db_path())
    ctx = get_script_run_ctx(suppress_warning=True)
    # ctx.cursors is a new dict at every run of the session: it marks the run (held, so its id stays unique)
    held = getattr(_RUN, "snapshot", None)
    if ctx is not None and held is not None and held[0] is ctx.cursors and held[1] == db:
        return held[2]
    path = str(store.snapshots.ensure_published(db))
    if ctx is not None:
        _RUN.snapshot = (ctx.cursors, db, path)
    return path


def _forget_fingerprint() -> None:
    """Read the data version again at the next call (without snapshots: after this run wrote)."""
    _RUN.__dict__.pop("fingerprint", None)


def _forget_snapshot() -> None:
    """Read ``CURRENT`` again at the next call (after this run published, or when a snapshot vanished)."""
    _RUN.__dict__.pop("snapshot", None)


# A snapshot never changes: its fingerprint is read once, not on every cached call.
@st.cache_resource(show_spinner=False, max_entries=3)
def _snapshot_fingerprint(path: str) -> str:
    return store.data_fingerprint(_snapshot_connection(path=path))


def _store_failure(reason: str, exc: BaseException) -> NoReturn:
    """Tell the user, in their language, that the store cannot be read now, with a reference to the
    server log (where the details are); stop this run. Nothing stored is lost."""
    ref = uuid.uuid4().hex[:8]
    _LOG.error("store %s, reference %s", reason, ref, exc_info=exc)
    st.error(t("store.unavailable", reason=t(f"store.reason_{reason}"), ref=ref), icon=":material/database:")
    st.stop()


def _reset_connection() -> None:
    """Forget (and close) this process's store connections; the next call opens them afresh."""
    _forget_fingerprint()
    if snapshots_on():
        _forget_snapshot()
        _snapshot_fingerprint.clear()
        _snapshot_connection.clear()
        return
    # Closed before opening again: DuckDB hands a second connect() of a path that is still open the
    # same, broken, database.
    try:
        _connection(path=str(db_path())).close()
    except Exception:  # noqa: BLE001 - an invalidated connection may refuse even to close
        pass
    _connection.clear()


def connection():
    """The process-wide store connection (the demo store is built on first use if missing); with
    snapshots on, a read-only connection to the current published snapshot. A store that cannot be
    opened gives the user a message in their language, not a traceback."""
    try:
        if not snapshots_on():
            return _connection(path=str(db_path()))
        for _attempt in range(2):
            try:
                return _snapshot_connection(path=_current_snapshot())
            except FileNotFoundError:
                _forget_snapshot()
                continue  # removed between reading CURRENT and opening it: read CURRENT again
        return _snapshot_connection(path=_current_snapshot())
    except Exception as exc:
        if store.health.is_store_error(exc):
            _store_failure("unreadable", exc)
        raise


def fingerprint() -> str:
    """The data version of what :func:`connection` reads (the cache key of every cached call).

    Without snapshots it is read once per script run, like ``CURRENT`` (a query each time otherwise, about
    2 ms, asked by every cached call of a page); a write through :func:`write_and_publish` forgets it."""
    if not snapshots_on():
        db = str(db_path())
        ctx = get_script_run_ctx(suppress_warning=True)
        held = getattr(_RUN, "fingerprint", None)
        if ctx is not None and held is not None and held[0] is ctx.cursors and held[1] == db:
            return held[2]
        value = store.data_fingerprint(connection())
        if ctx is not None:
            _RUN.fingerprint = (ctx.cursors, db, value)
        return value
    connection()  # opens the current snapshot (or reads CURRENT again if it just went)
    return _snapshot_fingerprint(path=_current_snapshot())


def write_and_publish(func: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """Run the library writer ``func(con, *args, **kwargs)`` on the writer's store and return its result.

    With snapshots on: under the writer lock (one writer at a time across all worker processes and the
    command-line loader), on a fresh read-write connection that is closed afterwards (so a connection
    DuckDB invalidated, e.g. on a full disk, never outlives the write), then published for every worker.
    Without: on the process's connection, opened again if the write left it unusable.
    """
    if not snapshots_on():
        try:
            return func(connection(), *args, **kwargs)
        except Exception as exc:
            if store.health.is_store_error(exc):
                _reset_connection()
                _store_failure("write", exc)
            raise
        finally:
            _forget_fingerprint()  # the rest of this run shows what it just wrote
            if not store.health.usable(connection()):
                _reset_connection()
    done: dict[str, Any] = {}
    try:
        with store.snapshots.writing(db_path()) as con:
            done["result"] = func(con, *args, **kwargs)
        _forget_snapshot()  # the rest of this run shows what it just wrote
    except OSError as exc:
        if "result" not in done:
            raise
        ref = uuid.uuid4().hex[:8]  # written, but the new snapshot could not be published (a full disk)
        _LOG.error("publishing a snapshot failed, reference %s", ref, exc_info=exc)
        st.warning(t("store.publish_failed", ref=ref), icon=":material/sync_problem:")
    except Exception as exc:
        if store.health.is_store_error(exc):
            _store_failure("write", exc)
        raise
    return done["result"]


# Every cached function of this module is called with keywords only: Streamlit looks up a positional argument's
# name with inspect.signature, once per argument per call (dozens of calls a page view).
@st.cache_data(show_spinner=False, max_entries=512)
def _cached_call(module: str, name: str, fingerprint: str, args: tuple, kwargs: tuple) -> Any:
    func = getattr(importlib.import_module(module), name)
    return func(connection(), *args, **dict(kwargs))


# Results shared by the sessions of this process, not pickled: unpickling a result on every call (what
# st.cache_data does, a deep copy) cost about a tenth of a served page step. Each caller gets a fresh shell
# over the same data (_fresh); pandas' copy-on-write keeps the kept frames as they are when a caller
# changes its copy. Arguments are keyed by _argument_key (frames by their pickle), not by Streamlit's hasher.
@st.cache_resource(show_spinner=False, max_entries=512)
def _shared_call(module: str, name: str, fingerprint: str, key: Any, _args: tuple, _kwargs: dict) -> Any:
    func = getattr(importlib.import_module(module), name)
    return func(connection(), *_args, **_kwargs)


_IMMUTABLE = (str, bytes, int, float, complex, bool, type(None), np.generic, datetime.date, enum.Enum, frozenset, range)


def _fresh(value: Any) -> Any:
    """``value`` for one caller: new frames, containers and dataclass instances over the same (copy-on-write)
    data, so nothing the caller does to it reaches the shared result. Numpy arrays are copied; an object of
    another kind is deep-copied."""
    if isinstance(value, (pd.DataFrame, pd.Series, pd.Index)):
        return value.copy(deep=False)
    if isinstance(value, _IMMUTABLE) or isinstance(value, _BuiltFigure):  # a kept figure is read-only
        return value
    if isinstance(value, np.ndarray):
        return value.copy()
    if isinstance(value, list):
        return [_fresh(v) for v in value]
    if isinstance(value, tuple):
        items = [_fresh(v) for v in value]
        return type(value)(*items) if hasattr(value, "_fields") else type(value)(items)
    if isinstance(value, dict):
        shell = copy.copy(value)  # keeps the kind of dict (defaultdict, OrderedDict)
        for k, v in value.items():
            shell[k] = _fresh(v)
        return shell
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        shell = copy.copy(value)
        for f in dataclasses.fields(value):
            object.__setattr__(shell, f.name, _fresh(getattr(value, f.name)))  # frozen ones too
        return shell
    return copy.deepcopy(value)


def cached(func: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """Call ``func(connection(), *args, **kwargs)`` from ``analytics``, cached per data version and shared
    by the sessions of this process (each caller gets its own copy, :func:`_fresh`).

    When the store connection turns out broken (DuckDB invalidated it after a fatal error) it is opened
    again and the call repeated once; if that fails too, the user is told in their language.
    """
    module, name = func.__module__, func.__name__
    try:
        key = _call_key(args, kwargs)
    except TypeError:  # an argument _argument_key cannot key: Streamlit's hasher and pickled results
        key = None

    def call() -> Any:
        if key is None:
            frozen = tuple(sorted(kwargs.items()))
            return _cached_call(module=module, name=name, fingerprint=fingerprint(), args=args, kwargs=frozen)
        shared = _shared_call(module=module, name=name, fingerprint=fingerprint(), key=key, _args=args, _kwargs=kwargs)
        return _fresh(shared)

    try:
        return call()
    except Exception as exc:
        if not store.health.invalidated(exc):
            raise
        _LOG.warning("store connection invalidated (%s); opening it again", exc)
        _reset_connection()
    try:
        return call()
    except Exception as exc:
        if store.health.is_store_error(exc):
            _store_failure("invalidated", exc)
        raise


@st.cache_resource(show_spinner=False, max_entries=4)
def _model(module: str, name: str, fingerprint: str) -> Any:
    return getattr(importlib.import_module(module), name)(connection())


@st.cache_data(show_spinner=False, max_entries=64)
def _cached_with(loader: tuple[str, str], module: str, name: str, fingerprint: str, args: tuple, kwargs: tuple) -> Any:
    model = _model(module=loader[0], name=loader[1], fingerprint=fingerprint)
    return getattr(importlib.import_module(module), name)(model, *args, **dict(kwargs))


def model(loader: Callable[..., Any]) -> Any:
    """``loader(connection())`` built once per data version and shared, not copied (a large read-only
    model, e.g. the subsidy projects' arrays or the Russia map's boundaries)."""
    built = _model(module=loader.__module__, name=loader.__name__, fingerprint=fingerprint())
    with _SHARED_LOCK:  # sessions run in threads of their own
        _SHARED[id(built)] = (built, f"{loader.__module__}.{loader.__name__}")
        while len(_SHARED) > _SHARED_KEPT:  # older data versions: their figures are keyed by content again
            _SHARED.pop(next(iter(_SHARED)))
    return built


def cached_with(loader: Callable[..., Any], func: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """``func(model(loader), *args, **kwargs)`` cached per data version: the model is built once
    (:func:`model`), each distinct call computed once."""
    return _cached_with(
        loader=(loader.__module__, loader.__name__),
        module=func.__module__,
        name=func.__name__,
        fingerprint=fingerprint(),
        args=args,
        kwargs=tuple(sorted(kwargs.items())),
    )


#: Objects handed out by :func:`model`, by id: a figure's key names them instead of hashing their content
#: (the boundaries of Russia are 20 thousand points). The object is held, so its id is not reused.
_SHARED: dict[int, tuple[Any, str]] = {}
_SHARED_KEPT = 8
_SHARED_LOCK = threading.Lock()


class _BuiltFigure(BaseFigure):
    """A figure built once and kept as its plain JSON document.

    ``st.plotly_chart`` calls ``to_dict()`` on every rerun, a deep copy of every trace (0.1 s for the
    Russia map), then encodes the copy; this returns the document it was made with, plain lists and
    dicts that ``plotly.io.to_json`` encodes without cleaning (orjson: ~10 ms for the map). Read-only
    and shared by every session: nothing may change it."""

    def __init__(self, document: dict) -> None:  # plotly's own __init__ would validate it all again
        object.__setattr__(self, "_document", document)

    def to_dict(self) -> dict:
        return self._document

    def to_plotly_json(self) -> dict:
        return self._document

    @property
    def data(self) -> tuple:
        return tuple(self._document.get("data", ()))

    @property
    def layout(self) -> dict:
        return self._document.get("layout", {})


def _call_key(args: tuple, kwargs: dict) -> str:
    """The cache key of a call's arguments (:func:`_argument_key`) as one short string: Streamlit hashes one
    string faster than it walks a nested tuple (about 0.5 ms a cached call). ``repr`` of the key's values
    (strings, numbers, dates, enums, digests) tells any two apart. Raises ``TypeError`` for an argument that
    cannot be keyed."""
    key = (_argument_key(args), _argument_key(dict(sorted(kwargs.items()))))
    return hashlib.blake2b(repr(key).encode("utf-8"), digest_size=20).hexdigest()


def _builder_key(build: Callable[..., Any], args: tuple, kwargs: dict) -> str:
    """:func:`_call_key` for a UI builder, which must have a name to be kept by (not a lambda or a local
    function: ``TypeError``)."""
    if "<" in build.__qualname__:
        raise TypeError(build.__qualname__)
    return _call_key(args, kwargs)


def _argument_key(value: Any) -> Any:
    """A hashable stand-in for a figure builder's argument: frames by their values, objects from
    :func:`model` by name, containers element by element."""
    held = _SHARED.get(id(value))
    if held is not None and held[0] is value:
        return ("model", held[1])
    if isinstance(value, (pd.DataFrame, pd.Series)):
        # The frame's pickle: equal bytes mean equal frames (two equal frames laid out differently in memory
        # may differ, which only builds the figure once more); 8× faster than hash_pandas_object here.
        try:
            digest = pickle.dumps(value, protocol=5)
        except (TypeError, AttributeError, pickle.PicklingError):  # cells that cannot be pickled: their text
            digest = value.to_json(orient="split", default_handler=str).encode("utf-8")
        frame = value.to_frame() if isinstance(value, pd.Series) else value
        return (
            "frame",
            tuple(map(str, frame.columns)),
            tuple(map(str, frame.dtypes)),
            hashlib.blake2b(digest, digest_size=16).hexdigest(),
        )
    if isinstance(value, np.ndarray):
        return (
            "array",
            str(value.dtype),
            value.shape,
            hashlib.blake2b(
                np.ascontiguousarray(value).tobytes()
                if value.dtype != object
                else repr(value.tolist()).encode("utf-8"),
                digest_size=16,
            ).hexdigest(),
        )
    if isinstance(value, dict):
        return ("dict", tuple((str(k), _argument_key(v)) for k, v in value.items()))
    if isinstance(value, (list, tuple)):
        return (type(value).__name__, tuple(_argument_key(v) for v in value))
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return (
            type(value).__qualname__,
            tuple((f.name, _argument_key(getattr(value, f.name))) for f in dataclasses.fields(value)),
        )
    if isinstance(value, (str, int, float, bool, type(None), np.generic, datetime.date, enum.Enum)):
        return value
    raise TypeError(f"no figure key for {type(value).__qualname__}")


@st.cache_resource(show_spinner=False, max_entries=160)
def _figure(
    module: str, name: str, fingerprint: str, key: Any, _build: Callable[..., Any], _args: tuple, _kwargs: dict
) -> _BuiltFigure:
    return _BuiltFigure(json.loads(_build(*_args, **_kwargs).to_json()))


def figure(build: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """``build(*args, **kwargs)`` — a chart builder of :mod:`ui.charts` — built once per data version and
    arguments and shared by every session of this process, for ``st.plotly_chart``.

    Building a figure (plotly validates every property) and copying it for Streamlit cost more than
    anything else in a page view; a figure seen before costs only its encoding. Frames are keyed by
    their values; pass large read-only inputs (boundaries) from :func:`model`, keyed by name.
    """
    try:
        key = _builder_key(build, args, kwargs)
    except TypeError:  # an argument that cannot be keyed safely: built for this view only
        return build(*args, **kwargs)
    return _figure(
        module=build.__module__,
        name=build.__qualname__,
        fingerprint=fingerprint(),
        key=key,
        _build=build,
        _args=args,
        _kwargs=kwargs,
    )


@st.cache_resource(show_spinner=False, max_entries=64)
def _view(
    module: str, name: str, fingerprint: str, key: Any, _build: Callable[..., Any], _args: tuple, _kwargs: dict
) -> Any:
    built = _build(*_args, **_kwargs)
    if dataclasses.is_dataclass(built):
        for field in dataclasses.fields(built):
            value = getattr(built, field.name)
            if isinstance(value, BaseFigure) and not isinstance(value, _BuiltFigure):
                object.__setattr__(built, field.name, _BuiltFigure(json.loads(value.to_json())))
    return built


def view(build: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """``build(*args, **kwargs)`` — a builder of :mod:`ui.charts` returning a dataclass of texts and figures
    (a slide) — built once per data version and arguments and shared by every session of this process. Its
    figures are kept as their JSON, read-only like :func:`figure`'s (set what the page needs, e.g. the
    height, through the builder's arguments); each caller gets its own copy of the rest (:func:`_fresh`)."""
    try:
        key = _builder_key(build, args, kwargs)
    except TypeError:  # an argument that cannot be keyed safely: built for this view only
        return build(*args, **kwargs)
    shared = _view(
        module=build.__module__,
        name=build.__qualname__,
        fingerprint=fingerprint(),
        key=key,
        _build=build,
        _args=args,
        _kwargs=kwargs,
    )
    return _fresh(shared)


def clear_caches() -> None:
    """Drop cached results (after a load or rollback)."""
    _cached_call.clear()
    _shared_call.clear()
    _cached_with.clear()
    _model.clear()
    _figure.clear()
    _view.clear()
    with _SHARED_LOCK:
        _SHARED.clear()


def login_throttle() -> auth.SharedThrottle:
    """The login throttle (failed attempts per name and per client) shared by every worker process: a
    module object of :mod:`analytics.data.auth` counting in a file, not a Streamlit cache, which any
    client can clear."""
    from analytics.data import auth  # imported by the one page that logs in, not by every page

    return auth.THROTTLE


_PLAN_SLOT = "upload_plan"


def _held(slot: str, key: tuple, make: Callable[[], Any]) -> Any:
    """``make()`` once per ``key``, kept in the session's ``slot`` across reruns (one value per slot)."""
    held = st.session_state.get(slot)
    if held and held[0] == key:
        return held[1]
    value = make()
    st.session_state[slot] = (key, value)
    return value


def upload_plan(data: bytes, file_name: str, table: str, mode: str) -> ingest.LoadPlan:
    """The prepared plan of this exact file, table, mode and store state, kept in the session across
    reruns (:func:`analytics.services.loading.plan_key`); prepared again when any of them changed."""
    from analytics.data import ingest  # the loader (pandera, pyarrow.csv) is for the Data page only
    from analytics.services import loading

    con = connection()

    def prepare() -> ingest.LoadPlan:
        with st.spinner():
            return ingest.prepare(con, table, data, mode=mode, file_name=file_name)

    return _held(_PLAN_SLOT, loading.plan_key(con, data, file_name, table, mode), prepare)


_FIXED_SLOT = "fixed_plan"


def corrected_plan(
    data: bytes, file_name: str, table: str, mode: str, plan: ingest.LoadPlan, edits: dict[int, dict[str, str]]
) -> tuple[ingest.LoadPlan, bytes | None]:
    """The file of ``plan`` (uploaded as ``data``) with the grid's ``edits`` put in and checked again by
    the loader (:func:`analytics.data.ingest.apply_corrections`): ``(plan, corrected file)``, kept in
    the session across reruns for the same file, store state and edits."""
    from analytics.data import ingest
    from analytics.services import loading

    con = connection()
    key = (
        *loading.plan_key(con, data, file_name, table, mode),
        tuple(sorted((row, tuple(sorted(cells.items()))) for row, cells in edits.items())),
    )

    def correct() -> tuple[ingest.LoadPlan, bytes | None]:
        with st.spinner():
            return ingest.apply_corrections(con, plan, edits, original=data)

    return _held(_FIXED_SLOT, key, correct)


def rosstat_table(data: bytes, file_name: str) -> Any:
    """The Rosstat table read once per file (sheets and row labels for the choices), or the error text."""
    from analytics.services import loading

    return _held("rosstat_read", (loading.file_digest(data), file_name), lambda: loading.read_rosstat(data, file_name))


def rosstat_plan(data: bytes, file_name: str, options: dict) -> Any:
    """The Rosstat load of this file with these choices on this store state (kept across reruns)."""
    from analytics.data import rosstat_load
    from analytics.services import loading

    con = connection()

    def prepare() -> Any:
        with st.spinner():
            return rosstat_load.prepare_rosstat_load(con, data, file_name=file_name, **options)

    return _held("rosstat_plan", loading.rosstat_plan_key(con, data, file_name, options), prepare)


def fns_plan(data: bytes, file_name: str, region: str | None, include_entrepreneurs: bool) -> Any:
    """The preview of this FNS archive with these choices on this store state (kept across reruns)."""
    from analytics.data import fns_load
    from analytics.services import loading

    con = connection()

    def prepare() -> Any:
        with st.spinner():
            return fns_load.prepare_fns(
                con, data, region=region, include_entrepreneurs=include_entrepreneurs, file_name=file_name
            )

    return _held("fns_plan", loading.fns_plan_key(con, data, file_name, region, include_entrepreneurs), prepare)


def io_plan(data: bytes, file_name: str) -> Any:
    """The preview of this input–output workbook on this store state (kept across reruns)."""
    from analytics.data import io_load
    from analytics.services import loading

    con = connection()

    def prepare() -> Any:
        with st.spinner():
            return io_load.prepare_io_load(con, data, file_name=file_name)

    return _held("io_plan", loading.io_plan_key(con, data, file_name), prepare)


def drop_upload_plan(slot: str = _PLAN_SLOT) -> None:
    """Forget a held plan (after a commit or a new column mapping): ``upload_plan`` (with its corrected
    plan) or ``rosstat_plan``."""
    st.session_state.pop(slot, None)
    if slot == _PLAN_SLOT:
        st.session_state.pop(_FIXED_SLOT, None)


def lang() -> str:
    """The current UI language (``ru`` by default)."""
    value = st.session_state.get("lang", DEFAULT_LANG)
    return value if value in LANGS else DEFAULT_LANG


def t(key: str, **values: object) -> str:
    """Translate ``key`` into the current language."""
    return _t(key, lang(), **values)


def language_switch() -> None:
    """The language switch, kept in ``?lang=en`` (Russian, the default, leaves the URL clean).

    Not bound with ``bind="query-params"``: a bound parameter makes ``st.switch_page`` fail and would
    put the formatted label into the URL.
    """
    if st.session_state.get("lang") not in LANGS:
        requested = str(st.query_params.get(urls.LANG, "")).lower()
        st.session_state["lang"] = requested if requested in LANGS else DEFAULT_LANG
    st.sidebar.segmented_control(
        _t("app.language", DEFAULT_LANG),
        options=list(LANGS),
        format_func=str.upper,
        required=True,
        key="lang",
    )
    if st.session_state["lang"] == DEFAULT_LANG:
        st.query_params.pop(urls.LANG, None)
    else:
        st.query_params[urls.LANG] = st.session_state["lang"]
    widget_texts()


#: Number fields take a decimal comma: the browser's number field drops a typed "," ("100,5" became 1005),
#: so a typed or pasted comma is entered as the decimal point. Static script, no user text.
DECIMAL_COMMA_JS = """
<script>
if (!document.__navigatorComma) {
  document.__navigatorComma = true;
  const numeric = (e) => e.target && e.target.matches && e.target.matches('input[type="number"]');
  document.addEventListener("keydown", (e) => {
    if (e.key === "," && numeric(e)) { e.preventDefault(); document.execCommand("insertText", false, "."); }
  }, true);
  document.addEventListener("paste", (e) => {
    if (!numeric(e)) return;
    const text = (e.clipboardData || window.clipboardData).getData("text");
    const plain = text.replace(/[\\s\\u00a0\\u202f]/g, "");
    if (/^-?\\d*,\\d+$/.test(plain)) {
      e.preventDefault(); document.execCommand("insertText", false, plain.replace(",", "."));
    }
  }, true);
}
</script>
"""


#: Streamlit cuts a long metric value or link label with "…": labels wrap instead, and a metric's value
#: shrinks to its measured width (container query units: 16 % of the metric's width at most). Static CSS.
NO_CUT_CSS = """<style>
[data-testid="stMetricValue"] div, [data-testid="stMetricLabel"] p, [data-testid="stPageLink"] p,
[data-testid="stMetricDelta"] div, [data-testid="stMetricDelta"] p {
  white-space: normal !important; overflow: visible !important; text-overflow: clip !important; }
[data-testid="stMetric"] { container-type: inline-size; }
[data-testid="stMetricValue"] { font-size: min(2.25rem, 16cqi) !important; }
[data-testid="stMetricValue"] div { white-space: nowrap !important; }
</style>"""


def widget_texts() -> None:
    """Streamlit's own file-uploader texts ("Upload", "200MB per file • CSV") in the UI language: Streamlit
    1.67 cannot translate them, so CSS hides them and writes the catalog's text in their place (static
    strings from the catalog, no user text; the accepted types are named in each uploader's label).
    Number fields take a decimal comma (:data:`DECIMAL_COMMA_JS`)."""
    st.html(DECIMAL_COMMA_JS, unsafe_allow_javascript=True)
    st.html(NO_CUT_CSS)
    if lang() == "en":
        return
    upload = json.dumps(t("widget.upload"), ensure_ascii=False)
    limit = json.dumps(t("widget.upload_limit", mb=st.get_option("server.maxUploadSize")), ensure_ascii=False)
    st.html(f"""<style>
[data-testid="stFileUploaderDropzone"] [data-testid="stBaseButton-secondary"] p {{ font-size: 0 !important; }}
[data-testid="stFileUploaderDropzone"] [data-testid="stBaseButton-secondary"] p::after {{ content: {upload};
  font-size: 1rem; }}
[data-testid="stFileUploaderDropzoneInstructions"] span {{ font-size: 0 !important; }}
[data-testid="stFileUploaderDropzoneInstructions"] span::after {{ content: {limit}; font-size: 0.875rem; }}
</style>""")


def region_picker() -> str:
    """Sidebar region selector (Kaluga by default) kept in ``?region=40``; returns the region code.

    Not bound with ``bind="query-params"``: Streamlit would put the translated region *name* into
    the URL, and a link must not depend on the language.
    """
    regions = cached(overview.regions)
    if regions.empty:
        return DEFAULT_REGION
    codes = list(regions["code"])
    names = dict(zip(regions["code"], regions[name_column(lang())]))
    fallback = DEFAULT_REGION if DEFAULT_REGION in names else codes[0]
    code = st.session_state.get("region_code")
    if code not in names:
        requested = st.query_params.get(urls.REGION)
        code = requested if requested in names else fallback
    # One widget per language: a widget keeps the option labels it was first drawn with.
    choice = st.sidebar.selectbox(
        t("app.region"),
        codes,
        index=codes.index(code),
        format_func=lambda c: names.get(c, c),
        key=f"region_select_{lang()}",
    )
    st.session_state["region_code"] = choice
    if choice == DEFAULT_REGION:
        st.query_params.pop(urls.REGION, None)
    else:
        st.query_params[urls.REGION] = choice
    return choice


def region_name(code: str) -> str:
    """The region's name in the current language (the code when unknown)."""
    regions = cached(overview.regions).set_index("code")
    if code not in regions.index:
        return code
    return str(regions.loc[code, name_column(lang())])


def current_region() -> str:
    """The region chosen in the sidebar (set by :func:`region_picker` in ``app.py``)."""
    return st.session_state.get("region_code", DEFAULT_REGION)


def year_picker(region_code: str, container=st) -> int:
    """Year selector (latest year by default), drawn in ``container``."""
    available = cached(overview.years, region_code)
    return container.selectbox(t("app.year"), available[::-1], index=0, key="year")


def demo_marker() -> None:
    """A visible marker while illustrative data is loaded (sidebar badge and a note)."""
    if cached(store.is_illustrative):
        st.sidebar.warning(t("app.demo_badge"), icon=":material/science:")
        with st.sidebar.expander(t("app.demo_what")):
            st.write(t("app.demo_note"))
