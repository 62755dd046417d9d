"""Reading a file's bytes: source, size limits, encoding (UTF-8, UTF-16, Windows-1251), CSV dialect and
header row, XLSX cells, the Rosstat OKVED layout — into a :class:`RawTable` of text cells.
"""

from __future__ import annotations

import codecs
import csv
import io
import itertools
import math
import os
import re
import zipfile
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import Any, BinaryIO

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from analytics.data import validate
from analytics.data.validate import Issue, TableSpec, msg

DELIMITERS = (";", "\t", ",", "|")
#: Issues kept per message code (all are counted in ``LoadReport.error_counts``).
CAP_PER_CODE = 200


@dataclass(frozen=True)
class Limits:
    """What the loader accepts (the page shows the first two beside the uploader).

    XLSX is a zip of XML: its members' unpacked sizes and packing ratios are read from the zip
    directory and refused before any XML is parsed (:func:`xlsx_preflight`); zipfile never inflates
    a member past the size the directory declares (a lying entry fails its CRC check instead). The
    workbook is then parsed in a child process (:func:`_isolated`) whose address space and time are
    capped, so a file that slips past the counts still cannot take the server down.
    """

    max_bytes: int = 200 * 1024 * 1024
    max_rows: int = 2_000_000
    #: unpacked size of any one XLSX member (sheet XML, shared strings)
    max_xml_bytes: int = 1024 * 1024 * 1024
    #: unpacked ÷ packed size of an XLSX member of 1 MB or more (spreadsheets pack 5–30×)
    max_ratio: float = 100.0
    max_shared_strings: int = 2_000_000
    #: cells of the sheet read, blank cells inside the used range included
    max_cells: int = 40_000_000
    #: XLSX parsing in a child process: wall time, and memory on top of what the process starts with
    parse_seconds: float = 300.0
    parse_memory_mb: int = 4096
    isolate: bool = True

    @classmethod
    def from_env(cls) -> Limits:
        """``NAVIGATOR_MAX_UPLOAD_MB``, ``NAVIGATOR_MAX_ROWS``, ``NAVIGATOR_PARSE_SECONDS`` and
        ``NAVIGATOR_PARSE_MEMORY_MB`` override the defaults."""
        mb = os.environ.get("NAVIGATOR_MAX_UPLOAD_MB")
        rows = os.environ.get("NAVIGATOR_MAX_ROWS")
        seconds = os.environ.get("NAVIGATOR_PARSE_SECONDS")
        memory = os.environ.get("NAVIGATOR_PARSE_MEMORY_MB")
        return cls(
            max_bytes=int(float(mb) * 1024 * 1024) if mb else cls.max_bytes,
            max_rows=int(rows) if rows else cls.max_rows,
            parse_seconds=float(seconds) if seconds else cls.parse_seconds,
            parse_memory_mb=int(memory) if memory else cls.parse_memory_mb,
        )


def read_source(source: str | os.PathLike[str] | bytes | BinaryIO) -> tuple[bytes, str | None]:
    """``(bytes, file name or None)`` of a path, ``bytes`` or a file-like object (an ``UploadedFile``)."""
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
    chunk = data[skip : skip + HEAD_BYTES]
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


@dataclass
class RawTable:
    """Text cells of a file under its own headers, with the spreadsheet row of each record."""

    headers: list[str]
    cells: pd.DataFrame  #: columns 0..k-1 (positions), str values, "" for empty
    rows: np.ndarray  #: spreadsheet row of each record
    header_row: int | None  #: 1-based; None for a header-less layout
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


#: Records searched for the header (title rows of a report may stand above it).
HEADER_SEARCH_ROWS = 30
#: Start of the text the delimiter and header are sniffed from (extended to the end of the header's line).
SNIFF_CHARS = 65536


def _header_index(spec: TableSpec, records: list[list[str]], mapping: Mapping[str, str | None]) -> tuple[int, int]:
    """(index of the header among the first records, alias hits); index 0 when nothing matches."""
    best, best_hits = 0, 0
    for i, record in enumerate(records[:HEADER_SEARCH_ROWS]):
        hits = _alias_hits(spec, record, mapping)
        if hits > best_hits:
            best, best_hits = i, hits
    return best, best_hits


def _sniff(text: str, spec: TableSpec, mapping: Mapping[str, str | None]) -> tuple[str | None, int, int]:
    """(delimiter, header record index, alias hits): the delimiter whose header the aliases know
    best, then the one splitting the first lines into the most consistent number of fields."""
    head = _sniff_text(text)
    scored = []
    for delimiter in DELIMITERS:
        try:
            records = list(
                itertools.islice(
                    csv.reader(io.StringIO(head, newline=""), delimiter=delimiter), HEADER_SEARCH_ROWS + 20
                )
            )
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


def _sniff_text(text: str) -> str:
    """The first :data:`SNIFF_CHARS` of ``text`` cut after their last line break (LF, CRLF or a bare
    CR of old Mac files); when no line ends within them (a very wide header), up to the end of the
    first line."""
    if len(text) <= SNIFF_CHARS:
        return text
    head = text[:SNIFF_CHARS]
    end = max(head.rfind("\n"), head.rfind("\r"))
    if end >= 0:
        return head[: end + 1]
    ends = [i for i in (text.find("\n"), text.find("\r")) if i >= 0]
    return text[: min(ends) + 1] if ends else text


def _records_before(text: str, delimiter: str, count: int) -> list[list[str]]:
    reader = csv.reader(io.StringIO(_sniff_text(text), newline=""), delimiter=delimiter)
    return [r for _, r in zip(range(count), reader)]


def _line_too_long(row: int) -> Issue:
    return _file_error("line_too_long", row=row, limit_kb=BLOCK_BYTES // 1024)


#: Bytes the CSV parser reads at a time: the longest line it can take.
BLOCK_BYTES = 1 << 22


def read_csv(
    data: bytes, head: str, encoding: str, spec: TableSpec, mapping: Mapping[str, str | None]
) -> RawTable | list[Issue]:
    """Parse CSV bytes in ``encoding`` into a :class:`RawTable`, or the file's errors.

    ``head``: the decoded start of the file (:func:`detect_encoding`), enough to find the delimiter
    and the header. The body is parsed by pyarrow in one multithreaded pass that transcodes to UTF-8
    as it reads (no decoded copy of the file is held).
    """
    payload, arrow_encoding = _csv_payload(data, encoding)
    if not re.search("[\r\n]", head) and len(data) > HEAD_BYTES:  # no line break in the first 256 KB
        return [_file_error("line_too_long", row=1, limit_kb=HEAD_BYTES // 1024)]
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
            read_options=pacsv.ReadOptions(
                column_names=names,
                skip_rows=header_index + 1,
                use_threads=threads,
                block_size=BLOCK_BYTES,
                encoding=arrow_encoding,
            ),
            parse_options=pacsv.ParseOptions(
                delimiter=delimiter, newlines_in_values=True, ignore_empty_lines=False, invalid_row_handler=on_invalid
            ),
            convert_options=pacsv.ConvertOptions(
                column_types={n: pa.string() for n in names},
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
            ),
        )

    try:
        table = parse(threads=True)
        if invalid:  # parallel parsing does not number rows: parse again in one thread for the report
            invalid.clear()
            table = parse(threads=False)
    except pa.ArrowInvalid as exc:
        if b'"' not in data:  # no quote anywhere: a line too long for a block, not an unclosed quote
            return [_line_too_long(_guess_row(str(exc)) or _long_line_row(data))]
        return [_file_error("quote_unclosed", row=_guess_row(str(exc)))]
    errors = []
    bare_cr = re.search(rb"\r(?!\n)", data) if invalid and b"\n" in data else None
    if bare_cr:  # an LF (or CRLF) file with a lone CR inside a line: the parser broke the line there
        line = data.count(b"\n", 0, bare_cr.start()) + 1
        errors.append(Issue(line, None, None, msg("bare_cr", row=line)))
    for number, expected, actual, row_text in invalid[:CAP_PER_CODE]:
        if len(row_text) >= BLOCK_BYTES // 4 and '"' not in row_text:
            errors.append(Issue(number, None, row_text[:80], _line_too_long(number).message))
        elif row_text.count('"') % 2 == 1 or (actual < expected and "\n" in row_text):
            errors.append(Issue(number, None, row_text[:80], msg("quote_unclosed", row=number)))
        else:
            errors.append(
                Issue(number, None, row_text[:80], msg("field_count", row=number, found=actual, expected=expected))
            )
    if errors:
        return errors
    cells = pd.DataFrame({i: pd.Series(pd.arrays.ArrowStringArray(table.column(n))) for i, n in enumerate(names)})
    rows = np.arange(header_index + 2, header_index + 2 + len(cells))
    dialect = {
        "format": "csv",
        "encoding": encoding,
        "delimiter": delimiter,
        **_layout_of(head, data, header_index),
        "decimal": decimal_mark(cells),
    }
    return _drop_blank(RawTable(headers, cells, rows, header_index + 1, dialect, warnings=warnings))


_DECIMAL_COMMA = re.compile(r"^[+\-\u2212]?\d[\d \u00a0\u202f]*,\d+$")
_DECIMAL_POINT = re.compile(r"^[+\-\u2212]?\d+\.\d+$")


def _uses_decimal_comma(column: pd.Series) -> bool:
    """Some of the first 10,000 cells is a number with a decimal comma (``1 234,5``)."""
    sample = column.dropna().astype(str).head(10_000)
    return bool(sample.str.match(_DECIMAL_COMMA).any())


def decimal_mark(cells: pd.DataFrame) -> str | None:
    """``","`` when some column writes decimals with a comma, ``"."`` when with a point, ``None`` when
    no cell shows a decimal (the first 10,000 cells of each column are looked at)."""
    if any(_uses_decimal_comma(cells[c]) for c in cells.columns):
        return ","
    if any(cells[c].dropna().astype(str).head(10_000).str.match(_DECIMAL_POINT).any() for c in cells.columns):
        return "."
    return None


def _layout_of(head: str, data: bytes, header_index: int) -> dict[str, Any]:
    """What writing the file back the way it came needs besides encoding and delimiter: the line break
    (CRLF, LF or CR), whether every field was quoted, whether the last line ends with a break, and the
    text above the header and the header line itself, verbatim."""
    parts = re.split(r"(\r\n|\n|\r)", head, maxsplit=header_index + 1)
    newline = parts[1] if len(parts) > 1 else "\r\n"
    header_line = parts[2 * header_index] if len(parts) > 2 * header_index else ""
    tail = data[-4:]
    return {
        "newline": newline,
        "quote_all": header_line.startswith('"'),
        "final_newline": tail.endswith((b"\n", b"\r", b"\n\x00", b"\r\x00")),
        "preamble": "".join(parts[: 2 * header_index]),
        "header_line": header_line,
    }


def _long_line_row(data: bytes) -> int:
    """1-based number of the first line longer than :data:`BLOCK_BYTES` (scanning line ends only)."""
    start = 0
    for number in itertools.count(1):
        end = data.find(b"\n", start)
        if end < 0 or end - start > BLOCK_BYTES:
            return number
        start = end + 1
    return 1  # pragma: no cover


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
        read_options=pacsv.ReadOptions(
            column_names=["section", "code", "name_ru"], use_threads=False, encoding=arrow_encoding
        ),
        parse_options=pacsv.ParseOptions(delimiter=";", newlines_in_values=True, ignore_empty_lines=False),
        convert_options=pacsv.ConvertOptions(
            column_types={n: pa.string() for n in ("section", "code", "name_ru")},
            strings_can_be_null=False,
            quoted_strings_can_be_null=False,
        ),
    ).to_pandas()
    section = table["section"].astype("str").str.strip()
    code = table["code"].astype("str").str.strip()
    code = code.where(code != "", section)  # a section's own row has a blank code
    cells = pd.DataFrame({0: code, 1: section, 2: table["name_ru"].astype("str")})
    raw = RawTable(
        ["code", "section", "name_ru"],
        cells,
        np.arange(1, len(cells) + 1),
        None,
        {"format": "csv", "delimiter": ";", "layout": "rosstat_okved2"},
        warnings=[Issue(None, None, None, msg("layout_used", layout="Росстат ОКВЭД 2 / Rosstat OKVED 2"))],
    )
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
    if isinstance(value, str):
        return value, False
    text = getattr(value, "text", None)  # openpyxl's ArrayFormula: its formula, never the object's repr
    if isinstance(text, str):
        return (text if text.startswith("=") else "=" + text), False
    return f"={type(value).__name__}", False  # another formula object (a data table): refused as a formula


_SHARED_STRING = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?si[\s>/]")
_RATIO_FROM_BYTES = 1024 * 1024


def xlsx_preflight(data: bytes, limits: Limits) -> Issue | None:
    """Refuse an XLSX before parsing: a member that unpacks past ``limits.max_xml_bytes`` or packs
    more than ``limits.max_ratio`` times (members of 1 MB and more), and more shared strings than
    ``limits.max_shared_strings`` (``<si>`` elements counted while streaming the member, nothing kept).
    Sizes come from the zip directory, which zipfile enforces while inflating."""
    try:
        book = zipfile.ZipFile(io.BytesIO(data))
        members = book.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        return _file_error("xlsx_broken", detail=type(exc).__name__)
    for info in members:
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > limits.max_xml_bytes or (info.file_size >= _RATIO_FROM_BYTES and ratio > limits.max_ratio):
            return _file_error(
                "xlsx_bomb",
                member=info.filename[:100],
                size_mb=round(info.file_size / 2**20, 1),
                ratio=round(ratio),
                limit_mb=round(limits.max_xml_bytes / 2**20),
                max_ratio=round(limits.max_ratio),
            )
    strings = next((i for i in members if i.filename.lower().endswith("sharedstrings.xml")), None)
    if strings is not None:
        count, tail = 0, b""
        try:
            with book.open(strings) as stream:
                while chunk := stream.read(1 << 20):
                    block = tail + chunk
                    count += len(_SHARED_STRING.findall(block))
                    tail = block[-64:]
                    count -= len(_SHARED_STRING.findall(tail))  # counted again with the next chunk
                    if count > limits.max_shared_strings:
                        break
            count += len(_SHARED_STRING.findall(tail))
        except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
            return _file_error("xlsx_broken", detail=type(exc).__name__)
        if count > limits.max_shared_strings:
            return _file_error("xlsx_too_many_strings", count=count, limit=limits.max_shared_strings)
    return None


def _limited_child(conn: Any, memory_bytes: int, func: Any, args: tuple) -> None:
    """Child process body: cap the address space, run ``func(*args)``, send the result (or a refusal)."""
    import resource

    try:
        with open("/proc/self/statm") as statm:  # what the process already maps (libraries, arenas)
            start = int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError):
        start = 0
    try:
        resource.setrlimit(resource.RLIMIT_AS, (start + memory_bytes, start + memory_bytes))
        result = func(*args)
    except MemoryError:
        result = None
    try:
        conn.send(result)
    except MemoryError:
        conn.send(None)
    finally:
        conn.close()


def _isolated(func: Any, args: tuple, limits: Limits) -> Any:
    """``func(*args)`` in a child process (forkserver: a clean single-threaded parent) with its memory
    capped at ``limits.parse_memory_mb`` beyond its start and its wall time at ``limits.parse_seconds``.
    A child that runs out of either is stopped and ``None`` returned; the server process is untouched."""
    import multiprocessing

    if "forkserver" not in multiprocessing.get_all_start_methods():  # not a POSIX server: parse here
        return func(*args)
    context = multiprocessing.get_context("forkserver")
    # the server process imports the loader once; each child forks from it ready to parse
    context.set_forkserver_preload(["analytics.data.ingest.read"])
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=_limited_child, args=(send, limits.parse_memory_mb * 2**20, func, args), daemon=True)
    child.start()
    send.close()
    result = None
    try:
        if receive.poll(max(limits.parse_seconds, 0.0)):
            result = receive.recv()
    except (EOFError, OSError):
        result = None
    finally:
        if child.is_alive():
            child.kill()
        child.join(5)
        receive.close()
    return result


def _read_xlsx_isolated(
    data: bytes, spec: TableSpec, mapping: Mapping[str, str | None], limits: Limits
) -> RawTable | list[Issue]:
    result = _isolated(read_xlsx, (data, spec, dict(mapping), limits.max_rows, limits.max_cells), limits)
    if result is None:
        return [_file_error("parse_limit", seconds=round(limits.parse_seconds), memory_mb=limits.parse_memory_mb)]
    if isinstance(result, RawTable):
        result.dialect["isolated"] = True
    return result


def read_xlsx(
    data: bytes, spec: TableSpec, mapping: Mapping[str, str | None], max_rows: int, max_cells: int | None = None
) -> RawTable | list[Issue]:
    """The first sheet with a recognisable header (else the first non-empty sheet) as a :class:`RawTable`.

    Call :func:`xlsx_preflight` first (:func:`read_table` does, and parses in a child process)."""
    import openpyxl

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError) as exc:
        return [_file_error("xlsx_broken", detail=type(exc).__name__)]
    try:
        chosen = None
        for sheet in book.worksheets:
            head = [
                [_cell_text(v)[0] for v in row]
                for _, row in zip(range(HEADER_SEARCH_ROWS), sheet.iter_rows(values_only=True))
            ]
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
        seen_cells = 0
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            seen_cells += len(values)
            if max_cells is not None and seen_cells > max_cells:
                return [_file_error("xlsx_too_many_cells", limit=max_cells)]
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
    cells = pd.DataFrame(
        {i: pd.Series([(r[i] if i < len(r) else "") for r in records], dtype="str") for i in range(width)}
    )
    numeric_masks = {i: np.array([(r[i] if i < len(r) else False) for r in numeric], dtype=bool) for i in range(width)}
    warnings = []
    if len(book.worksheets) > 1:
        warnings.append(Issue(None, None, None, msg("sheet_used", sheet=sheet.title)))
    if header_row and header_row > 1:
        warnings.append(Issue(header_row, None, None, msg("header_row", row=header_row)))
    raw = RawTable(
        header,
        cells,
        np.array(rows, dtype=np.int64),
        header_row,
        {"format": "xlsx", "sheet": sheet.title},
        numeric=numeric_masks,
        warnings=warnings,
    )
    return _drop_blank(raw)


def read_table(
    data: bytes, spec: TableSpec, mapping: Mapping[str, str | None], limits: Limits
) -> RawTable | list[Issue]:
    """Bytes → :class:`RawTable` (CSV or XLSX), or the file-level errors."""
    if len(data) > limits.max_bytes:
        return [
            _file_error(
                "file_too_large", size_mb=round(len(data) / 2**20, 1), limit_mb=round(limits.max_bytes / 2**20, 1)
            )
        ]
    if not re.search(rb"[^ \t\r\n\xef\xbb\xbf]", data):
        return [_file_error("empty_file")]
    if data.startswith(b"PK\x03\x04"):
        refused = xlsx_preflight(data, limits)
        if refused is not None:
            return [refused]
        if limits.isolate:
            return _read_xlsx_isolated(data, spec, mapping, limits)
        return read_xlsx(data, spec, mapping, limits.max_rows, limits.max_cells)
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        return [_file_error("xls_old_format")]
    head, encoding, error = detect_encoding(data)
    if error:
        return [error]
    assert head is not None and encoding is not None
    return read_csv(data, head, encoding, spec, mapping)
