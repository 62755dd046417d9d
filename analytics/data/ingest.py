"""Loading analysts' files into the store: read, validate, preview, commit — or change nothing.

Public contract::

    report = load_file(con, "enterprises", "egrul.csv", mode="append", user="anna")
    report.ok, report.rows_loaded, report.errors, report.warnings, report.version_id

``source`` is a path, ``bytes`` or a file-like object (Streamlit's ``UploadedFile``). When
``report.ok`` is false the store is exactly as it was. The same work in two steps, for a preview the
analyst confirms::

    plan = prepare(con, "enterprises", data, mode="replace", file_name="egrul.csv")
    plan.report.added, plan.report.changed, plan.report.removed, plan.samples["added"]
    report = commit(con, plan, user="anna")     # re-checks against the store, one transaction

Formats: CSV (UTF-8 with or without BOM, UTF-16 with BOM, Windows-1251; delimiter ``;``, ``,``,
tab or ``|``; quoted or not; CRLF or LF) and XLSX (the first sheet with a recognisable header;
formulas are refused, numbers and dates read as the cells hold them). The header may sit below
title rows. Headers are matched in Russian or English (:mod:`analytics.data.validate`); unknown headers
are reported so the page can offer a manual mapping, which :func:`save_mapping` remembers per table.
The OKVED 2 classifier file exactly as Rosstat publishes it (Windows-1251, ``;``, quoted, CRLF, no
header: ``section;code;name``) is recognised as a *layout* of ``sectors``: level, parent and section
are derived from the codes.

Modes: ``append`` adds rows and refuses any key already in the store (re-loading the same file is
an error, not a silent no-op); ``replace`` makes the file the whole table (the preview shows rows
added, changed and removed) and refuses to remove rows other tables still reference.

Atomicity and history: one transaction per file, with a ``dataset_versions`` row (file name,
SHA-256, user, time, row counts) and the row history that makes every version restorable
(:mod:`analytics.store.versions`). A crash or kill before ``COMMIT`` leaves the previous data intact (the
DuckDB write-ahead log replays only committed transactions).

Messages are codes with parameters (:class:`analytics.data.validate.Message`); texts in both languages
are in ``ui/catalogs/data.py``. Limits (file size, rows) are :class:`Limits`, configurable through
``NAVIGATOR_MAX_UPLOAD_MB`` and ``NAVIGATOR_MAX_ROWS``.
"""
from __future__ import annotations

import codecs
import csv
import hashlib
import io
import itertools
import math
import os
import re
import zipfile
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import Any, BinaryIO

import duckdb
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from analytics import store
from analytics.data import validate
from analytics.data.validate import Issue, TableSpec, msg
from analytics.store import SQL, columns, equal, joined, schema, sql, sql_type, versions

MODES = ("append", "replace")
DELIMITERS = (";", "\t", ",", "|")
#: Issues kept per message code (all are counted in ``LoadReport.error_counts``).
CAP_PER_CODE = 200
SAMPLE_ROWS = 20


@dataclass(frozen=True)
class Limits:
    """Largest file and row count the loader accepts (the page shows them beside the uploader)."""

    max_bytes: int = 200 * 1024 * 1024
    max_rows: int = 2_000_000

    @classmethod
    def from_env(cls) -> Limits:
        """``NAVIGATOR_MAX_UPLOAD_MB`` and ``NAVIGATOR_MAX_ROWS`` override the defaults."""
        mb = os.environ.get("NAVIGATOR_MAX_UPLOAD_MB")
        rows = os.environ.get("NAVIGATOR_MAX_ROWS")
        return cls(max_bytes=int(float(mb) * 1024 * 1024) if mb else cls.max_bytes,
                   max_rows=int(rows) if rows else cls.max_rows)


@dataclass
class LoadReport:
    """What happened to a file (or would happen, in a preview).

    ``errors`` / ``warnings``: :class:`analytics.data.validate.Issue` tuples ``(row, column, value,
    message)``; rows as a spreadsheet numbers them (header = 1), ``column`` the store column (the
    file's own header for unknown columns). At most :data:`CAP_PER_CODE` issues per message code are
    listed; ``error_counts`` has the full counts.
    """

    ok: bool
    rows_loaded: int
    errors: list[Issue]
    warnings: list[Issue]
    version_id: int | None
    table: str = ""
    mode: str = "append"
    file_name: str | None = None
    sha256: str | None = None
    rows_in_file: int = 0
    added: int = 0
    changed: int = 0
    removed: int = 0
    unchanged: int = 0
    error_counts: dict[str, int] = field(default_factory=dict)
    dialect: dict[str, Any] = field(default_factory=dict)
    #: file header → store column ("" = skipped)
    columns: dict[str, str] = field(default_factory=dict)
    #: file headers the loader could not place (the page offers a mapping for them)
    unknown_headers: list[str] = field(default_factory=list)


@dataclass
class LoadPlan:
    """A validated file ready to commit: typed rows, the preview and the store state it was made on."""

    report: LoadReport
    frame: pd.DataFrame | None = None           #: store columns in store order, plus ``_row``
    samples: dict[str, pd.DataFrame] = field(default_factory=dict)  #: added / changed / removed
    fingerprint: str = ""                         #: store state the preview was computed on
    absent: tuple[str, ...] = ()                  #: optional columns the file did not have


# --------------------------------------------------------------------------------------------------
# Reading bytes
# --------------------------------------------------------------------------------------------------


def _read_source(source: str | os.PathLike[str] | bytes | BinaryIO) -> tuple[bytes, str | None]:
    if isinstance(source, (bytes, bytearray, memoryview)):
        return bytes(source), None
    if isinstance(source, (str, os.PathLike)):
        path = Path(source)
        return path.read_bytes(), path.name
    data = source.read()
    name = getattr(source, "name", None)
    return (data.encode("utf-8") if isinstance(data, str) else bytes(data)), (Path(name).name if name else None)


def _file_error(code: str, **params: Any) -> Issue:
    return Issue(None, None, None, msg(code, **params))


_RU_COMMON = set("оеаинтсрвлкмдпу")


def _russian_score(text: str) -> tuple[int, float]:
    """(Cyrillic letters, plausibility as Russian): the share of the 15 most frequent Russian letters
    among the letters, times the share of letters among the non-ASCII characters (a wrong code page
    turns letters into symbols or into rare letters)."""
    counts = Counter(text.lower())
    high = sum(n for c, n in counts.items() if ord(c) > 127)
    letters = sum(n for c, n in counts.items() if "а" <= c <= "я" or c == "ё")
    if not letters:
        return 0, 0.0
    return letters, sum(counts[c] for c in _RU_COMMON) / letters * letters / high


def _undecodable(data: bytes, encoding: str, skip: int = 0) -> bool:
    """True when ``data[skip:]`` does not decode in ``encoding`` (the decoded text is not kept)."""
    try:
        data.decode(encoding) if not skip else codecs.lookup(encoding).decode(memoryview(data)[skip:])
    except UnicodeDecodeError:
        return True
    return False


#: Bytes Windows-1251 leaves undefined (Python's codec refuses them).
_CP1251_UNDEFINED = bytes(b for b in range(256) if _undecodable(bytes([b]), "cp1251"))
#: Start of the file decoded for sniffing (delimiter, header row, layout, code page plausibility).
HEAD_BYTES = 256 * 1024


def detect_encoding(data: bytes) -> tuple[str | None, str | None, Issue | None]:
    """``(head, encoding, error)``: UTF-8 (BOM or not), UTF-16 with BOM, else Windows-1251.

    ``head`` is the decoded start of the file (whole lines, at most :data:`HEAD_BYTES`); the whole
    file is checked to decode in ``encoding`` (UTF-8 strictly, Windows-1251 for its one undefined
    byte) without keeping a decoded copy: the CSV parser transcodes as it reads.
    Refuses bytes that are not text, a mix of UTF-8 and Windows-1251, and text that reads as
    Russian only in another Cyrillic code page (KOI8-R, DOS 866) rather than guess.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        if _undecodable(data, "utf-8", 3):
            return None, None, _file_error("encoding_mixed")
        return _head(data, "utf-8", 3), "utf-8-sig", None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            return None, None, _file_error("encoding_unknown", guess="UTF-16")
        return text[: HEAD_BYTES // 2], "utf-16", None
    if b"\x00" in data[:65536]:
        return None, None, _file_error("not_text")
    if not _undecodable(data, "utf-8"):
        return _head(data, "utf-8"), "utf-8", None
    sample = data[:200_000]
    utf8_pairs = len(re.findall(rb"[\xd0\xd1][\x80-\xbf]", sample))
    if utf8_pairs >= 5 and utf8_pairs * 4 > len(re.findall(rb"[\xc0-\xff]", sample)):
        return None, None, _file_error("encoding_mixed")
    if any(bytes([b]) in data for b in _CP1251_UNDEFINED):
        return None, None, _file_error("encoding_unknown", guess="?")
    head = _head(data, "cp1251")
    n, score = _russian_score(head[:100_000])
    if n >= 30:
        for other, label in (("koi8_r", "KOI8-R"), ("cp866", "DOS 866"), ("mac_cyrillic", "Mac Cyrillic")):
            try:
                alt = sample.decode(other)
            except UnicodeDecodeError:
                continue
            if _russian_score(alt)[1] > score + 0.1:
                return None, None, _file_error("encoding_unknown", guess=label)
    return head, "cp1251", None


def _head(data: bytes, encoding: str, skip: int = 0) -> str:
    """The first :data:`HEAD_BYTES` of ``data`` after ``skip``, cut after the last line break, decoded."""
    chunk = data[skip: skip + HEAD_BYTES]
    if len(data) - skip > HEAD_BYTES and b"\n" in chunk:
        chunk = chunk[: chunk.rfind(b"\n") + 1]
    return chunk.decode(encoding, errors="replace")


def _csv_payload(data: bytes, encoding: str) -> tuple[pa.Buffer | bytes, str]:
    """(bytes for the CSV parser, the encoding it should transcode from). No copy for UTF-8 and
    Windows-1251 (pyarrow transcodes as it reads); UTF-16 is re-encoded as UTF-8 first."""
    if encoding == "utf-16":
        return data.decode("utf-16").encode("utf-8"), "utf8"
    if encoding == "utf-8-sig":
        return pa.py_buffer(data).slice(3), "utf8"
    return data, ("utf8" if encoding == "utf-8" else encoding)


# --------------------------------------------------------------------------------------------------
# Raw table: headers + text cells
# --------------------------------------------------------------------------------------------------


@dataclass
class RawTable:
    """Text cells of a file under its own headers, with the spreadsheet row of each record."""

    headers: list[str]
    cells: pd.DataFrame                 #: columns 0..k-1 (positions), str values, "" for empty
    rows: np.ndarray                    #: spreadsheet row of each record
    header_row: int | None              #: 1-based; None for a header-less layout
    dialect: dict[str, Any]
    numeric: dict[int, np.ndarray] = field(default_factory=dict)  #: XLSX cells stored as numbers
    warnings: list[Issue] = field(default_factory=list)


def _alias_hits(spec: TableSpec, fields: list[str], mapping: Mapping[str, str | None]) -> int:
    hits = 0
    for f in fields:
        norm = validate.normalise_header(f)
        if not norm:
            continue
        if norm in mapping or validate.match_header(spec, f).column:
            hits += 1
    return hits


def _header_index(spec: TableSpec, records: list[list[str]], mapping: Mapping[str, str | None]) -> tuple[int, int]:
    """(index of the header among the first records, alias hits); index 0 when nothing matches."""
    best, best_hits = 0, 0
    for i, record in enumerate(records[:10]):
        hits = _alias_hits(spec, record, mapping)
        if hits > best_hits:
            best, best_hits = i, hits
    return best, best_hits


def _sniff(text: str, spec: TableSpec, mapping: Mapping[str, str | None]) -> tuple[str | None, int, int]:
    """(delimiter, header record index, alias hits): the delimiter whose header the aliases know
    best, then the one splitting the first lines into the most consistent number of fields."""
    head = text[:65536]
    if len(text) > 65536:
        head = head[: head.rfind("\n") + 1] or head
    scored = []
    for delimiter in DELIMITERS:
        try:
            records = list(itertools.islice(csv.reader(io.StringIO(head), delimiter=delimiter), 50))
        except csv.Error:
            continue
        if not any(records):
            continue
        index, hits = _header_index(spec, records, mapping)
        counts = [len(r) for r in records[index:] if r]
        mode = max(set(counts), key=counts.count)
        consistency = counts.count(mode) / len(counts)
        scored.append((hits, mode > 1, consistency, mode, -DELIMITERS.index(delimiter), delimiter, index))
    if not scored:
        return None, 0, 0
    scored.sort(reverse=True)
    hits, multi, _c, _m, _p, delimiter, index = scored[0]
    if not multi and not hits:
        return None, 0, 0
    return delimiter, index, hits


def _records_before(text: str, delimiter: str, count: int) -> list[list[str]]:
    return [r for _, r in zip(range(count), csv.reader(io.StringIO(text[:65536]), delimiter=delimiter))]


def read_csv(data: bytes, head: str, encoding: str, spec: TableSpec, mapping: Mapping[str, str | None]
             ) -> RawTable | list[Issue]:
    """Parse CSV bytes in ``encoding`` into a :class:`RawTable`, or the file's errors.

    ``head``: the decoded start of the file (:func:`detect_encoding`), enough to find the delimiter
    and the header. The body is parsed by pyarrow in one multithreaded pass that transcodes to UTF-8
    as it reads (no decoded copy of the file is held).
    """
    payload, arrow_encoding = _csv_payload(data, encoding)
    delimiter, header_index, hits = _sniff(head, spec, mapping)
    if not hits and _is_rosstat_okved(head, spec):
        return _read_rosstat_okved(payload, arrow_encoding)
    if delimiter is None:
        return [_file_error("delimiter_unknown")]
    head_records = _records_before(head, delimiter, header_index + 1)
    if len(head_records) <= header_index:
        return [_file_error("no_data_rows")]
    headers = [h.strip() for h in head_records[header_index]]
    warnings = []
    if header_index:
        warnings.append(Issue(header_index + 1, None, None, msg("header_row", row=header_index + 1)))
    names = [f"c{i}" for i in range(len(headers))]
    invalid: list[tuple[int | None, int, int, str]] = []

    def on_invalid(row: Any) -> str:
        invalid.append((row.number, row.expected_columns, row.actual_columns, row.text))
        return "skip"

    def parse(threads: bool) -> pa.Table:
        return pacsv.read_csv(
            pa.BufferReader(payload),
            read_options=pacsv.ReadOptions(column_names=names, skip_rows=header_index + 1, use_threads=threads,
                                           block_size=1 << 22, encoding=arrow_encoding),
            parse_options=pacsv.ParseOptions(delimiter=delimiter, newlines_in_values=True, ignore_empty_lines=False,
                                              invalid_row_handler=on_invalid),
            convert_options=pacsv.ConvertOptions(column_types={n: pa.string() for n in names},
                                                 strings_can_be_null=False, quoted_strings_can_be_null=False),
        )

    try:
        table = parse(threads=True)
        if invalid:  # parallel parsing does not number rows: parse again in one thread for the report
            invalid.clear()
            table = parse(threads=False)
    except pa.ArrowInvalid as exc:
        return [_file_error("quote_unclosed", row=_guess_row(str(exc)))]
    errors = []
    for number, expected, actual, row_text in invalid[:CAP_PER_CODE]:
        if row_text.count('"') % 2 == 1 or (actual < expected and "\n" in row_text):
            errors.append(Issue(number, None, row_text[:80], msg("quote_unclosed", row=number)))
        else:
            errors.append(Issue(number, None, row_text[:80], msg("field_count", row=number, found=actual,
                                                                  expected=expected)))
    if errors:
        return errors
    cells = pd.DataFrame({i: pd.Series(pd.arrays.ArrowStringArray(table.column(n))) for i, n in enumerate(names)})
    rows = np.arange(header_index + 2, header_index + 2 + len(cells))
    return _drop_blank(RawTable(headers, cells, rows, header_index + 1,
                                {"format": "csv", "encoding": encoding, "delimiter": delimiter}, warnings=warnings))


def _guess_row(message: str) -> int | None:
    m = re.search(r"row (\d+)", message)
    return int(m.group(1)) if m else None


def _drop_blank(raw: RawTable) -> RawTable:
    """Drop records with no value at all (blank lines, ``;;;`` rows); row numbers keep their gaps."""
    if raw.cells.empty:
        return raw
    filled = np.zeros(len(raw.cells), dtype=bool)
    for column in raw.cells.columns:
        values = pa.array(raw.cells[column].array)
        filled |= np.asarray(pc.fill_null(pc.not_equal(values, ""), False).to_numpy(zero_copy_only=False), dtype=bool)
    if filled.all():
        return raw
    raw.cells = raw.cells[filled].reset_index(drop=True)
    raw.rows = raw.rows[filled]
    raw.numeric = {k: v[filled] for k, v in raw.numeric.items()}
    return raw


# --- the Rosstat OKVED 2 classifier layout -----------------------------------------------------------

_ROSSTAT_OKVED = re.compile(r'^"?[A-U]"?;"?( |\d{2}(\.\d{1,2}){0,2})"?;')


def _is_rosstat_okved(head: str, spec: TableSpec) -> bool:
    """A header-less file of a known publisher: the Rosstat OKVED 2 classifier (``section;code;name``)."""
    if spec.name != "sectors":
        return False
    first_lines = [line for line in head[:4096].splitlines() if line.strip()][:5]
    return bool(first_lines) and all(_ROSSTAT_OKVED.match(line) for line in first_lines)


def _read_rosstat_okved(payload: pa.Buffer | bytes, arrow_encoding: str) -> RawTable:
    """The Rosstat OKVED 2 classifier as a :class:`RawTable` of ``code``, ``section``, ``name_ru``."""
    table = pacsv.read_csv(
        pa.BufferReader(payload),
        read_options=pacsv.ReadOptions(column_names=["section", "code", "name_ru"], use_threads=False,
                                       encoding=arrow_encoding),
        parse_options=pacsv.ParseOptions(delimiter=";", newlines_in_values=True, ignore_empty_lines=False),
        convert_options=pacsv.ConvertOptions(column_types={n: pa.string() for n in ("section", "code", "name_ru")},
                                             strings_can_be_null=False, quoted_strings_can_be_null=False),
    ).to_pandas()
    section = table["section"].astype("str").str.strip()
    code = table["code"].astype("str").str.strip()
    code = code.where(code != "", section)  # a section's own row has a blank code
    cells = pd.DataFrame({0: code, 1: section, 2: table["name_ru"].astype("str")})
    raw = RawTable(["code", "section", "name_ru"], cells, np.arange(1, len(cells) + 1), None,
                   {"format": "csv", "delimiter": ";", "layout": "rosstat_okved2"},
                   warnings=[Issue(None, None, None, msg("layout_used", layout="Росстат ОКВЭД 2 / Rosstat OKVED 2"))])
    return _drop_blank(raw)


# --- XLSX -------------------------------------------------------------------------------------------

def _cell_text(value: Any) -> tuple[str, bool]:
    """(text, stored as a number) of an openpyxl cell value."""
    if value is None:
        return "", False
    if isinstance(value, bool):
        return ("true" if value else "false"), False
    if isinstance(value, int):
        return str(value), True
    if isinstance(value, float):
        if math.isfinite(value) and value.is_integer() and abs(value) < 1e15:
            return str(int(value)), True
        return repr(value), True
    if isinstance(value, datetime):
        return (value.date().isoformat() if value.time() == time(0) else value.isoformat(sep=" ")), False
    if isinstance(value, date):
        return value.isoformat(), False
    return str(value), False


def read_xlsx(data: bytes, spec: TableSpec, mapping: Mapping[str, str | None], max_rows: int
              ) -> RawTable | list[Issue]:
    """The first sheet with a recognisable header (else the first non-empty sheet) as a :class:`RawTable`."""
    import openpyxl

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError) as exc:
        return [_file_error("xlsx_broken", detail=type(exc).__name__)]
    try:
        chosen = None
        for sheet in book.worksheets:
            head = [[_cell_text(v)[0] for v in row] for _, row in zip(range(10), sheet.iter_rows(values_only=True))]
            head = [r for r in head if any(x.strip() for x in r)]
            if not head:
                continue
            index, hits = _header_index(spec, head, mapping)
            if chosen is None or hits > chosen[2]:
                chosen = (sheet, index, hits)
            if hits:
                break
        if chosen is None:
            return [_file_error("empty_file")]
        sheet = chosen[0]
        records: list[list[str]] = []
        numeric: list[list[bool]] = []
        rows: list[int] = []
        header: list[str] | None = None
        header_row = None
        hits_needed = chosen[2]
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            texts = [_cell_text(v) for v in values]
            if not any(t.strip() for t, _ in texts):
                continue
            if header is None:
                fields = [t for t, _ in texts]
                if _alias_hits(spec, fields, mapping) >= hits_needed:
                    header, header_row = [f.strip() for f in fields], number
                continue
            if len(rows) >= max_rows:
                return [_file_error("too_many_rows", rows=f"> {max_rows}", limit=max_rows)]
            records.append([t for t, _ in texts])
            numeric.append([n for _, n in texts])
            rows.append(number)
    finally:
        book.close()
    if header is None:
        return [_file_error("empty_file")]
    while header and not header[-1] and all(len(r) < len(header) or not r[len(header) - 1] for r in records):
        header.pop()
    width = len(header)
    cells = pd.DataFrame({i: pd.Series([(r[i] if i < len(r) else "") for r in records], dtype="str")
                          for i in range(width)})
    numeric_masks = {i: np.array([(r[i] if i < len(r) else False) for r in numeric], dtype=bool) for i in range(width)}
    warnings = []
    if len(book.worksheets) > 1:
        warnings.append(Issue(None, None, None, msg("sheet_used", sheet=sheet.title)))
    if header_row and header_row > 1:
        warnings.append(Issue(header_row, None, None, msg("header_row", row=header_row)))
    raw = RawTable(header, cells, np.array(rows, dtype=np.int64), header_row,
                   {"format": "xlsx", "sheet": sheet.title}, numeric=numeric_masks, warnings=warnings)
    return _drop_blank(raw)


def read_table(data: bytes, spec: TableSpec, mapping: Mapping[str, str | None], limits: Limits
               ) -> RawTable | list[Issue]:
    """Bytes → :class:`RawTable` (CSV or XLSX), or the file-level errors."""
    if len(data) > limits.max_bytes:
        return [_file_error("file_too_large", size_mb=round(len(data) / 2**20, 1),
                            limit_mb=round(limits.max_bytes / 2**20, 1))]
    if not re.search(rb"[^ \t\r\n\xef\xbb\xbf]", data):
        return [_file_error("empty_file")]
    if data.startswith(b"PK\x03\x04"):
        return read_xlsx(data, spec, mapping, limits.max_rows)
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        return [_file_error("xls_old_format")]
    head, encoding, error = detect_encoding(data)
    if error:
        return [error]
    assert head is not None and encoding is not None
    return read_csv(data, head, encoding, spec, mapping)


# --------------------------------------------------------------------------------------------------
# Header mapping
# --------------------------------------------------------------------------------------------------


def remembered_mapping(con: duckdb.DuckDBPyConnection, table: str) -> dict[str, str | None]:
    """Mappings saved for ``table``: normalised file header → store column (``None`` = skip)."""
    frame = store.query(con, "SELECT header, column_name FROM column_mappings WHERE table_name = ?", [table])
    return {h: (c if isinstance(c, str) and c else None) for h, c in zip(frame["header"], frame["column_name"])}


def save_mapping(con: duckdb.DuckDBPyConnection, table: str, mapping: Mapping[str, str | None],
                 user: str | None = None) -> int:
    """Remember ``mapping`` (file header → store column, or ``None`` to skip) for ``table``."""
    spec = validate.TABLES[table]
    rows = []
    for header, column in mapping.items():
        if column is not None and column not in spec.names:
            raise ValueError(f"{table} has no column {column!r}")
        norm = validate.normalise_header(header)
        if norm:
            rows.append([table, norm, column, user or "system"])
    with con.cursor() as cur, store.transaction(cur):
        for row in rows:
            cur.execute(
                "INSERT OR REPLACE INTO column_mappings (table_name, header, column_name, user_name, updated_at) "
                "VALUES (?, ?, ?, ?, current_timestamp)", row)
    return len(rows)


def _map_headers(raw: RawTable, spec: TableSpec, mapping: Mapping[str, str | None]
                 ) -> tuple[dict[int, str], dict[str, float], list[Issue], list[Issue], list[str], dict[str, str]]:
    """Place each file column: (position → store column, money scales, errors, warnings, unknown, header map)."""
    placed: dict[int, str] = {}
    scales: dict[str, float] = {}
    errors: list[Issue] = []
    warnings: list[Issue] = []
    unknown: list[str] = []
    shown: dict[str, str] = {}
    seen_norm: dict[str, str] = {}
    header_row = raw.header_row
    for position, header in enumerate(raw.headers):
        norm = validate.normalise_header(header)
        if not norm:
            column_empty = (raw.cells[position].str.strip() == "").all() if position in raw.cells else True
            if not column_empty:
                errors.append(Issue(header_row, None, None, msg("header_empty", position=position + 1)))
            continue
        if norm in seen_norm:
            errors.append(Issue(header_row, header, header, msg("header_duplicate", header=header)))
            continue
        seen_norm[norm] = header
        if norm in mapping:
            target = mapping[norm]
            if target is None:
                shown[header] = ""
                warnings.append(Issue(None, header, None, msg("column_ignored", header=header)))
                continue
            column, scale, unit = target, 1.0, None
            own = validate.match_header(spec, header)
            if own.column == target:
                scale, unit = own.scale, own.unit
        else:
            match = validate.match_header(spec, header)
            column, scale, unit = match.column, match.scale, match.unit
        if column is None:
            unknown.append(header)
            errors.append(Issue(header_row, header, header, msg("column_unknown", header=header)))
            continue
        if column in placed.values():
            other = next(raw.headers[p] for p, c in placed.items() if c == column)
            errors.append(Issue(header_row, column, header, msg("column_twice", column=column,
                                                                 headers=f"{other} / {header}")))
            continue
        placed[position] = column
        shown[header] = column
        if spec.column(column).kind == "money":
            scales[column] = scale
            if scale != 1.0:
                warnings.append(Issue(None, column, header, msg("unit_converted", header=header, unit=unit)))
            elif not validate.money_unit_given(header) and norm not in mapping:
                warnings.append(Issue(None, column, header, msg("unit_assumed", header=header)))
    return placed, scales, errors, warnings, unknown, shown


_DERIVED = {"sectors": ("level", "parent", "section")}
_COPIED = {"municipalities": {"name_en": "name_ru"}, "regions": {"name_en": "name_ru"}}


def _missing_required(spec: TableSpec, present: set[str]) -> list[Issue]:
    derivable = set(_DERIVED.get(spec.name, ())) | set(_COPIED.get(spec.name, {}))
    return [Issue(None, c.name, None, msg("column_missing", column=c.name))
            for c in spec.columns if c.required and c.name not in present and c.name not in derivable]


def _derive(frame: pd.DataFrame, spec: TableSpec, present: set[str], rows: np.ndarray
            ) -> tuple[pd.DataFrame, list[Issue], list[Issue]]:
    """Fill derivable columns: sector level/parent/section from the code; English names from Russian."""
    errors: list[Issue] = []
    warnings: list[Issue] = []
    if spec.name == "sectors":
        codes = frame["code"]
        known = set(codes.dropna())
        levels = codes.map(lambda c: validate.okved_level(c) if isinstance(c, str) else None)
        derived_section = codes.map(lambda c: _section_of(c) if isinstance(c, str) else None)
        if "level" not in present:
            frame["level"] = pd.Series(levels, dtype="str")
        if "parent" not in present:
            frame["parent"] = pd.Series(codes.map(lambda c: validate.okved_parent(c, known)
                                                  if isinstance(c, str) else None), dtype="str")
        if "section" in present:
            given = frame["section"]
            wrong = (given.notna() & derived_section.notna() & (given != derived_section)).to_numpy()
            for pos in np.flatnonzero(wrong)[:CAP_PER_CODE]:
                errors.append(Issue(int(rows[pos]), "section", str(given.iloc[pos]),
                                    msg("okved_section", code=str(codes.iloc[pos]),
                                        section=str(derived_section.iloc[pos]))))
            frame["section"] = given.where(given.notna(), derived_section)
        else:
            frame["section"] = pd.Series(derived_section, dtype="str")
        bad_division = (codes.notna() & levels.notna() & derived_section.isna()).to_numpy()
        for pos in np.flatnonzero(bad_division)[:CAP_PER_CODE]:
            errors.append(Issue(int(rows[pos]), "code", str(codes.iloc[pos]), msg("okved_version1")))
    for target, source in _COPIED.get(spec.name, {}).items():
        missing = frame[target].isna() & frame[source].notna()
        if missing.any():
            frame[target] = frame[target].where(~missing, frame[source])
            warnings.append(Issue(None, target, None, msg("name_en_copied", count=int(missing.sum()))))
    return frame, errors, warnings


def _section_of(code: str) -> str | None:
    if re.fullmatch(r"[A-U]", code):
        return code
    m = re.match(r"(\d{2})", code)
    return validate.okved_division_section(int(m.group(1))) if m else None


# --------------------------------------------------------------------------------------------------
# Store-side checks and the preview (SQL on staged rows)
# --------------------------------------------------------------------------------------------------

_STAGE = "_ingest_stage"


def _table_columns(cur: duckdb.DuckDBPyConnection, table: str) -> list[tuple[str, str]]:
    return [(r[0], r[1]) for r in cur.execute(
        "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ? AND table_schema = 'main' "
        "ORDER BY ordinal_position", [table]).fetchall()]


def stage(cur: duckdb.DuckDBPyConnection, table: str, frame: pd.DataFrame, *, materialise: bool = True) -> None:
    """Stage the plan's rows on this cursor as ``_ingest_stage`` (store column types, plus ``_row``).

    ``materialise=False`` makes it a view over the registered frame (no copy: a million-row append
    goes straight from Arrow memory into the table); a replace needs a table it can update.
    """
    typed = _table_columns(cur, table)
    # As an Arrow table: DuckDB scans it natively, in parallel, without copying the strings.
    cur.register("_ingest_frame", pa.Table.from_pandas(frame, preserve_index=False))
    select = joined(sql("CAST({c} AS {t}) AS {c}", c=c, t=sql_type(t)) for c, t in typed)
    _drop_stage(cur)
    if materialise:
        create = sql("CREATE TEMP TABLE {stage} AS SELECT {select}, CAST(_row AS BIGINT) AS _row FROM _ingest_frame",
                     stage=_STAGE, select=select)
    else:
        create = sql("CREATE TEMP VIEW {stage} AS SELECT {select}, CAST(_row AS BIGINT) AS _row FROM _ingest_frame",
                     stage=_STAGE, select=select)
    cur.execute(create)
    if materialise:
        cur.unregister("_ingest_frame")


def _drop_stage(cur: duckdb.DuckDBPyConnection) -> None:
    kinds = cur.execute("SELECT table_type FROM information_schema.tables WHERE table_name = ?", [_STAGE]).fetchall()
    for (kind,) in kinds:
        if kind == "VIEW":
            cur.execute(sql("DROP VIEW IF EXISTS {stage}", stage=_STAGE))
        else:
            cur.execute(sql("DROP TABLE IF EXISTS {stage}", stage=_STAGE))


def unstage(cur: duckdb.DuckDBPyConnection) -> None:
    """Drop the staging table or view and the registered frame."""
    _drop_stage(cur)
    try:
        cur.unregister("_ingest_frame")
    except duckdb.Error:
        pass


def _references(table: str) -> list[tuple[str, str, str]]:
    """(column, parent table, parent column) this table's rows point to."""
    return [(col, parent, pcol) for child, col, parent, pcol in store.REFERENCES if child == table]


def _referrers(table: str) -> list[tuple[str, str, str]]:
    """(child table, child column, our column) of rows elsewhere that point to this table."""
    return [(child, col, pcol) for child, col, parent, pcol in store.REFERENCES if parent == table]


def store_checks(cur: duckdb.DuckDBPyConnection, spec: TableSpec, mode: str, frame: pd.DataFrame,
                 source: str = _STAGE) -> tuple[list[Issue], dict[str, int]]:
    """References out of the new rows, keys already in the store (append) and rows other tables
    would lose (replace). ``frame`` holds the new rows with ``_row``; ``source`` is the same rows
    staged in SQL."""
    table = spec.name
    source = store.quote_identifier(source)  # checked before any statement uses it
    errors: list[Issue] = []
    counts: dict[str, int] = {}

    def add(code: str, n: int, issues: list[Issue]) -> None:
        if n:
            counts[code] = counts.get(code, 0) + n
            errors.extend(issues)

    for col, parent, pcol in _references(table):
        # Membership in Arrow (one hash pass over the file's column) rather than an anti-join in SQL:
        # the parent's keys are read inside the caller's transaction, so the check is just as exact.
        values = pc.cast(pa.array(frame[col].array if isinstance(frame[col].array, pd.arrays.ArrowStringArray)
                                  else frame[col].astype("str").array), pa.large_string())
        known = cur.sql(sql("SELECT DISTINCT CAST({pcol} AS VARCHAR) FROM {parent} WHERE {pcol} IS NOT NULL",
                            pcol=pcol, parent=parent)).to_arrow_table().column(0)
        known = pc.cast(known, pa.large_string()).combine_chunks() if len(known) else pa.array([], pa.large_string())
        missing = np.asarray(pc.fill_null(pc.and_(pc.is_valid(values), pc.invert(pc.is_in(values, value_set=known))),
                                          False).to_numpy(zero_copy_only=False), dtype=bool)
        n = int(missing.sum())
        if not n:
            continue
        where = np.flatnonzero(missing)[:CAP_PER_CODE]
        rows = frame["_row"].to_numpy()[where]
        issues = []
        for row, value in zip(rows, values.take(pa.array(where)).to_pylist()):
            code = "ref_missing"
            params: dict[str, Any] = {"table": parent}
            if parent == "sectors":
                code = "okved_unknown"
                params = {}
                if re.match(r"\d{2}", str(value)) and int(str(value)[:2]) in validate.OKVED2_MISSING_DIVISIONS:
                    code = "okved_version1"
            issues.append(Issue(None if pd.isna(row) else int(row), col, str(value), msg(code, **params)))
        codes = {i.message.code for i in issues}
        for code in codes:
            add(code, n if len(codes) == 1 else sum(1 for i in issues if i.message.code == code),
                [i for i in issues if i.message.code == code])
    if table == "sectors":
        if mode == "append":
            parents = sql("SELECT code FROM {source} UNION ALL SELECT code FROM sectors", source=source)
        else:
            parents = sql("SELECT code FROM {source}", source=source)
        where = sql("s.parent IS NOT NULL AND s.parent NOT IN ({parents})", parents=parents)
        n = cur.execute(sql("SELECT count(*) FROM {source} s WHERE {where}", source=source, where=where)).fetchall()[0][0]
        if n:
            bad = cur.execute(sql("SELECT _row, parent FROM {source} s WHERE {where} ORDER BY _row LIMIT ?",
                                  source=source, where=where), [CAP_PER_CODE]).fetchall()
            add("ref_missing", n, [Issue(int(r) if r is not None else None, "parent", str(v),
                                         msg("ref_missing", table="sectors")) for r, v in bad])
    on = equal(spec.key, "t", "s")
    if mode == "append":
        n = cur.execute(sql("SELECT count(*) FROM {source} s JOIN {table} t ON {on}",
                            source=source, table=table, on=on)).fetchall()[0][0]
        if n:
            bad = cur.execute(sql("SELECT s._row, {keys} FROM {source} s JOIN {table} t ON {on} ORDER BY s._row LIMIT ?",
                                  keys=columns(spec.key, "s"), source=source, table=table, on=on),
                              [CAP_PER_CODE]).fetchall()
            add("duplicate_in_store", n, [Issue(int(r[0]) if r[0] is not None else None, ", ".join(spec.key),
                                                " / ".join(str(v) for v in r[1:]), msg("duplicate_in_store"))
                                          for r in bad])
    else:
        for child, col, pcol in _referrers(table):
            if child == table:
                continue
            lost = cur.execute(sql(
                "SELECT c.{col} AS value, count(*) AS n FROM {child} c WHERE c.{col} IS NOT NULL "
                "AND EXISTS (SELECT 1 FROM {table} p WHERE p.{pcol} = c.{col}) "
                "AND NOT EXISTS (SELECT 1 FROM {source} s WHERE s.{pcol} = c.{col}) GROUP BY 1 ORDER BY 1",
                col=col, child=child, table=table, pcol=pcol, source=source)).fetchall()
            if lost:
                add("still_referenced", len(lost), [
                    Issue(None, pcol, str(value), msg("still_referenced", table=child, count=int(n)))
                    for value, n in lost[:CAP_PER_CODE]])
    return errors, counts


def _diff_sql(spec: TableSpec, names: list[str], source: str) -> tuple[SQL, SQL, SQL, SQL]:
    """FROM-clauses (source aliased ``s``, table ``t``) of the rows a load adds, removes, changes
    and leaves as they are, by primary key; ``names`` are the table's columns."""
    on = equal(spec.key, "t", "s")
    others = [c for c in names if c not in spec.key]
    differs = joined((sql("s.{c} IS DISTINCT FROM t.{c}", c=c) for c in others), " OR ") if others else SQL("FALSE")
    table = spec.name
    added = sql("FROM {source} s WHERE NOT EXISTS (SELECT 1 FROM {table} t WHERE {on})",
                source=source, table=table, on=on)
    removed = sql("FROM {table} t WHERE NOT EXISTS (SELECT 1 FROM {source} s WHERE {on})",
                  source=source, table=table, on=on)
    changed = sql("FROM {source} s JOIN {table} t ON {on} WHERE {differs}",
                  source=source, table=table, on=on, differs=differs)
    same = sql("FROM {source} s JOIN {table} t ON {on} WHERE NOT ({differs})",
               source=source, table=table, on=on, differs=differs)
    return added, removed, changed, same


def diff(cur: duckdb.DuckDBPyConnection, spec: TableSpec, mode: str, source: str = _STAGE,
         samples: int = SAMPLE_ROWS) -> tuple[dict[str, int], dict[str, pd.DataFrame]]:
    """Rows the load adds, changes and removes (by primary key), with a few of each for the preview."""
    names = [c for c, _ in _table_columns(cur, spec.name)]
    added, removed, changed, same = _diff_sql(spec, names, source)
    cols = columns(names, "s")
    counts = {"added": cur.execute(sql("SELECT count(*) {rows}", rows=added)).fetchall()[0][0]}
    shown = {"added": cur.execute(sql("SELECT s._row, {cols} {rows} ORDER BY s._row LIMIT ?", cols=cols, rows=added),
                                  [samples]).df()}
    if mode == "replace":
        counts["removed"] = cur.execute(sql("SELECT count(*) {rows}", rows=removed)).fetchall()[0][0]
        counts["changed"] = cur.execute(sql("SELECT count(*) {rows}", rows=changed)).fetchall()[0][0]
        counts["unchanged"] = cur.execute(sql("SELECT count(*) {rows}", rows=same)).fetchall()[0][0]
        tcols = columns(names, "t")
        shown["removed"] = cur.execute(sql("SELECT {tcols} {rows} ORDER BY {order} LIMIT ?",
                                           tcols=tcols, rows=removed, order=columns(spec.key, "t")), [samples]).df()
        new = cur.execute(sql("SELECT s._row, {cols} {rows} ORDER BY s._row LIMIT ?", cols=cols, rows=changed),
                          [samples]).df()
        old = cur.execute(sql("SELECT s._row, {tcols} {rows} ORDER BY s._row LIMIT ?", tcols=tcols, rows=changed),
                          [samples]).df()
        shown["changed"] = _changed_view(new, old, spec)
    else:
        counts.update(removed=0, changed=0, unchanged=0)
        shown["removed"] = pd.DataFrame()
        shown["changed"] = pd.DataFrame()
    return counts, shown


def _changed_view(new: pd.DataFrame, old: pd.DataFrame, spec: TableSpec) -> pd.DataFrame:
    """Changed rows: key, row, and ``column: old → new`` for each changed column."""
    if new.empty:
        return pd.DataFrame()
    out = new[["_row", *spec.key]].copy()
    changes = []
    for i in range(len(new)):
        parts = []
        for c in new.columns:
            if c in ("_row", *spec.key):
                continue
            a, b = old.iloc[i][c], new.iloc[i][c]
            if not (pd.isna(a) and pd.isna(b)) and not (not pd.isna(a) and not pd.isna(b) and a == b):
                parts.append(f"{c}: {'' if pd.isna(a) else a} → {'' if pd.isna(b) else b}")
        changes.append("; ".join(parts))
    out["changes"] = changes
    return out


def _keep_absent(cur: duckdb.DuckDBPyConnection, spec: TableSpec, absent: tuple[str, ...]) -> int:
    """``replace``: optional columns the file lacks keep the store's values for matching keys."""
    keep = [c for c in spec.keep_when_absent if c in absent]
    if not keep:
        return 0
    kept = cur.execute(sql("SELECT count(*) FROM {stage} s JOIN {table} t ON {on}",
                           stage=_STAGE, table=spec.name, on=equal(spec.key, "t", "s"))).fetchall()[0][0]
    if kept:
        cur.execute(sql("UPDATE {stage} SET {sets} FROM {table} t WHERE {on}",
                        stage=_STAGE, sets=equal(keep, None, "t", ", "), table=spec.name,
                        on=equal(spec.key, "t", _STAGE)))
    return kept


# --------------------------------------------------------------------------------------------------
# prepare / commit / load_file
# --------------------------------------------------------------------------------------------------


def _finish(report: LoadReport, errors: list[Issue], counts: dict[str, int]) -> LoadReport:
    report.errors = errors
    report.error_counts = counts
    report.ok = not errors
    return report


def _validate_file(con: duckdb.DuckDBPyConnection, table: str, source: str | os.PathLike[str] | bytes | BinaryIO,
                   mode: str, mapping: Mapping[str, str | None] | None, file_name: str | None,
                   limits: Limits | None, progress: Callable[[str], None]) -> LoadPlan:
    """Everything that needs only the file (and the remembered mappings): read, map, type, rules."""
    limits = limits or Limits.from_env()
    report = LoadReport(ok=False, rows_loaded=0, errors=[], warnings=[], version_id=None, table=table, mode=mode)
    if table not in validate.TABLES:
        return LoadPlan(_finish(report, [_file_error("table_unknown", table=table)], {"table_unknown": 1}))
    if mode not in MODES:
        return LoadPlan(_finish(report, [_file_error("mode_unknown", mode=mode)], {"mode_unknown": 1}))
    spec = validate.TABLES[table]
    data, name = _read_source(source)
    report.file_name = Path(file_name).name[:200] if file_name else name
    report.sha256 = hashlib.sha256(data).hexdigest()
    progress("read")
    combined = remembered_mapping(con, table)
    for header, column in (mapping or {}).items():
        combined[validate.normalise_header(header)] = column
    raw = read_table(data, spec, combined, limits)
    del data
    if isinstance(raw, list):
        return LoadPlan(_finish(report, raw, _count(raw)))
    report.dialect = raw.dialect
    report.warnings.extend(raw.warnings)
    report.rows_in_file = len(raw.cells)
    if len(raw.cells) > limits.max_rows:
        error = _file_error("too_many_rows", rows=len(raw.cells), limit=limits.max_rows)
        return LoadPlan(_finish(report, [error], {"too_many_rows": 1}))
    placed, scales, errors, warnings, unknown, shown = _map_headers(raw, spec, combined)
    report.columns, report.unknown_headers = shown, unknown
    report.warnings.extend(warnings)
    present = set(placed.values())
    errors.extend(_missing_required(spec, present))
    if errors:
        return LoadPlan(_finish(report, errors, _count(errors)))
    if not len(raw.cells):
        return LoadPlan(_finish(report, [_file_error("no_data_rows")], {"no_data_rows": 1}))
    progress("parsed")
    cells_in = pd.DataFrame({column: raw.cells[position] for position, column in placed.items()})
    numeric = {column: raw.numeric[position] for position, column in placed.items() if position in raw.numeric}
    cells = validate.read_cells(cells_in, spec, raw.rows, scales=scales, numeric_cells=numeric, cap=CAP_PER_CODE)
    del cells_in
    frame, derive_errors, derive_warnings = _derive(cells.frame, spec, present, raw.rows)
    cells = validate.check_rules(cells._replace(frame=frame), spec, raw.rows, cap=CAP_PER_CODE)
    report.warnings.extend(cells.warnings + derive_warnings)
    errors = list(cells.issues) + derive_errors
    counts = dict(cells.counts)
    for e in derive_errors:
        counts[e.code] = counts.get(e.code, 0) + 1
    dups, n_dups = validate.duplicates_in_file(frame, spec.key, raw.rows, cap=CAP_PER_CODE)
    if n_dups:
        errors.extend(dups)
        counts["duplicate_in_file"] = n_dups
    mismatched = validate.inn_region_mismatch(frame) if table == "enterprises" else 0
    if mismatched:
        report.warnings.append(Issue(None, "inn", None, msg("inn_region", count=mismatched)))
    progress("validated")
    absent = tuple(c for c in spec.names if c not in present and c not in _DERIVED.get(table, ()))
    if errors:
        return LoadPlan(_finish(report, _sorted(errors), counts), absent=absent)
    frame = frame[spec.names]
    frame.insert(len(frame.columns), "_row", raw.rows)
    report.ok = True
    return LoadPlan(report, frame, absent=absent)


def _store_phase(cur: duckdb.DuckDBPyConnection, plan: LoadPlan, samples: int) -> tuple[list[Issue], dict[str, int],
                                                                                        dict[str, int]]:
    """Stage the plan's rows on ``cur`` and check them against the store: (errors, error counts, diff counts).

    Leaves the staging table in place for a write; fills ``plan.samples`` when ``samples`` > 0.
    """
    report = plan.report
    spec = validate.TABLES[report.table]
    stage(cur, spec.name, plan.frame, materialise=report.mode != "append")
    if report.mode == "replace":
        kept = _keep_absent(cur, spec, plan.absent)
        if kept and not any(w.code == "names_en_kept" for w in report.warnings):
            report.warnings.append(Issue(None, None, None, msg("names_en_kept", count=kept)))
    errors, counts = store_checks(cur, spec, report.mode, plan.frame)
    if errors:
        return _sorted(errors), counts, {}
    numbers, shown = diff(cur, spec, report.mode, samples=samples)
    if samples:
        plan.samples = shown
    return [], {}, numbers


def _set_numbers(report: LoadReport, numbers: dict[str, int]) -> None:
    report.added, report.changed = numbers["added"], numbers["changed"]
    report.removed, report.unchanged = numbers["removed"], numbers["unchanged"]


def prepare(con: duckdb.DuckDBPyConnection, table: str, source: str | os.PathLike[str] | bytes | BinaryIO, *,
            mode: str = "append", mapping: Mapping[str, str | None] | None = None, file_name: str | None = None,
            limits: Limits | None = None, on_progress: Callable[[str], None] | None = None) -> LoadPlan:
    """Read and validate a file and compute its preview (rows added, changed, removed), writing nothing.

    ``mapping``: file header → store column (``None`` to skip the column); it adds to, and wins
    over, the mappings remembered for the table and the built-in aliases.
    """
    progress = on_progress or (lambda stage: None)
    plan = _validate_file(con, table, source, mode, mapping, file_name, limits, progress)
    if not plan.report.ok:
        return plan
    with con.cursor() as cur:
        plan.fingerprint = store.data_fingerprint(cur)
        errors, counts, numbers = _store_phase(cur, plan, SAMPLE_ROWS)
        unstage(cur)
    if errors:
        plan.frame = None
        _finish(plan.report, errors, counts)
        return plan
    _set_numbers(plan.report, numbers)
    progress("previewed")
    return plan


def _rejected(report: LoadReport, exc: duckdb.Error) -> LoadReport:
    """Report what DuckDB refused (the transaction has rolled the write back: the store is as it was)."""
    return _finish(report, [_file_error("store_rejected", detail=str(exc).splitlines()[0][:300])],
                   {"store_rejected": 1})


def _count(issues: list[Issue]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for issue in issues:
        counts[issue.code] = counts.get(issue.code, 0) + 1
    return counts


def _sorted(issues: list[Issue]) -> list[Issue]:
    return sorted(issues, key=lambda i: (i.row is not None, i.row or 0, i.column or ""))


def commit(con: duckdb.DuckDBPyConnection, plan: LoadPlan, user: str | None = None, *,
           on_progress: Callable[[str], None] | None = None) -> LoadReport:
    """Write a validated plan in one transaction, after checking it against the store again.

    A plan from :func:`prepare` is refused (``store_changed``) when the store changed since the
    preview so that the numbers the analyst confirmed no longer hold. Returns the report with
    ``version_id`` and ``rows_loaded`` (rows added or changed).
    """
    progress = on_progress or (lambda stage: None)
    report = plan.report
    if not report.ok or plan.frame is None:
        return report
    spec = validate.TABLES[report.table]
    previewed = (report.added, report.changed, report.removed)
    try:
        with con.cursor() as cur, store.transaction(cur) as tx:
            errors, counts, numbers = _store_phase(cur, plan, 0)
            if errors:
                tx.rollback()
                return _finish(report, errors, counts)
            if plan.fingerprint and (numbers["added"], numbers["changed"], numbers["removed"]) != previewed:
                tx.rollback()
                return _finish(report, [_file_error("store_changed")], {"store_changed": 1})
            _set_numbers(report, numbers)
            progress("staged")
            version_id = versions.apply(
                cur, spec.name, _STAGE, action=report.mode, file_name=report.file_name, sha256=report.sha256,
                user=user, rows_in_file=report.rows_in_file, key=spec.key, new_rows=numbers["added"],
                in_key_order=validate.key_order(plan.frame, spec.key)[0])
            unstage(cur)
            progress("written")
    except duckdb.Error as exc:
        return _rejected(report, exc)
    progress("committed")
    report.version_id = version_id
    report.rows_loaded = report.added + report.changed
    return report


def load_file(con: duckdb.DuckDBPyConnection, table: str, source: str | os.PathLike[str] | bytes | BinaryIO, *,
              mode: str = "append", user: str | None = None, mapping: Mapping[str, str | None] | None = None,
              file_name: str | None = None, limits: Limits | None = None,
              on_progress: Callable[[str], None] | None = None) -> LoadReport:
    """Validate ``source`` and, when it is clean, load it into ``table`` in one transaction.

    ``on_progress(stage)`` is called with ``read``, ``parsed``, ``validated``, ``previewed``,
    ``staged``, ``written`` (everything written, just before ``COMMIT``) and ``committed``.
    """
    progress = on_progress or (lambda stage: None)
    plan = _validate_file(con, table, source, mode, mapping, file_name, limits, progress)
    return commit(con, plan, user, on_progress=on_progress)


# --------------------------------------------------------------------------------------------------
# Rollback
# --------------------------------------------------------------------------------------------------


def prepare_rollback(con: duckdb.DuckDBPyConnection, table: str, version_id: int) -> LoadPlan:
    """Preview restoring ``table`` to its state right after ``version_id``: rows added, changed,
    removed, and the same reference checks as a ``replace`` load (a restored row must not point to a
    sector or enterprise that is gone, and no other table may lose rows it references)."""
    report = LoadReport(ok=False, rows_loaded=0, errors=[], warnings=[], version_id=None, table=table,
                        mode="replace", file_name=None)
    if table not in validate.TABLES:
        return LoadPlan(_finish(report, [_file_error("table_unknown", table=table)], {"table_unknown": 1}))
    known = versions.restorable(con, table)
    if int(version_id) not in set(int(v) for v in known["version_id"]):
        error = _file_error("version_unknown", version=int(version_id))
        return LoadPlan(_finish(report, [error], {"version_unknown": 1}))
    spec = validate.TABLES[table]
    frame = versions.state_at(con, table, int(version_id))
    frame["_row"] = pd.Series(pd.array([None] * len(frame), dtype="Int64"))
    report.rows_in_file = len(frame)
    plan = LoadPlan(report, frame)
    with con.cursor() as cur:
        plan.fingerprint = store.data_fingerprint(cur)
        stage(cur, table, frame)
        errors, counts = store_checks(cur, spec, "replace", frame)
        if not errors:
            numbers, plan.samples = diff(cur, spec, "replace")
            report.added, report.changed = numbers["added"], numbers["changed"]
            report.removed, report.unchanged = numbers["removed"], numbers["unchanged"]
        unstage(cur)
    _finish(report, _sorted(errors), counts)
    if errors:
        plan.frame = None
    return plan


def rollback(con: duckdb.DuckDBPyConnection, table: str, version_id: int, user: str | None = None, *,
             plan: LoadPlan | None = None) -> LoadReport:
    """Restore ``table`` to its state right after ``version_id``, recorded as a new ``rollback``
    version (so it can be undone the same way). Same checks and atomicity as a load."""
    plan = plan or prepare_rollback(con, table, version_id)
    report = plan.report
    if not report.ok or plan.frame is None:
        return report
    spec = validate.TABLES[table]
    try:
        with con.cursor() as cur, store.transaction(cur) as tx:
            stage(cur, table, plan.frame)
            errors, counts = store_checks(cur, spec, "replace", plan.frame)
            if errors:
                tx.rollback()
                return _finish(report, _sorted(errors), counts)
            if store.data_fingerprint(cur) != plan.fingerprint:
                tx.rollback()
                return _finish(report, [_file_error("store_changed")], {"store_changed": 1})
            new_version = versions.apply(cur, table, _STAGE, action="rollback", user=user,
                                         rows_in_file=len(plan.frame), key=spec.key,
                                         note=f"restored version {int(version_id)}")
            unstage(cur)
    except duckdb.Error as exc:
        return _rejected(report, exc)
    report.version_id = new_version
    report.rows_loaded = report.added + report.changed
    return report


# --------------------------------------------------------------------------------------------------
# Templates
# --------------------------------------------------------------------------------------------------


def template_csv(table: str, lang: str = "ru") -> bytes:
    """A CSV template for ``table``: headers in ``lang``, one example row (UTF-8 with BOM, ``;``)."""
    frame = validate.template_frame(validate.TABLES[table], lang)
    return frame.to_csv(index=False, sep=";").encode("utf-8-sig")


def template_xlsx(lang: str = "ru") -> bytes:
    """An XLSX workbook with one template sheet per table (headers in ``lang``, one example row)."""
    from analytics.data import export

    return export.excel_bytes({table: validate.template_frame(spec, lang) for table, spec in validate.TABLES.items()})


def data_tables() -> tuple[str, ...]:
    """The tables an analyst can load, in load order."""
    return tuple(t for t in schema.DATA_TABLES if t in validate.TABLES)
