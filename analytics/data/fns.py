"""Reading the FNS open data on organisations: RSMP, SSHR, REVEXP and PAYTAX archives as published.

Public contract::

    result = read_fns_open_data("data-10062025-structure-10062025.zip")
    result.frame          # one row per document (PAYTAX: per tax line), columns COLUMNS
    result.ok, result.errors, result.warnings, result.files

    scan = scan_fns_open_data(path, workers=2)   # the same in chunks (20,000 rows), for all of Russia
    for chunk in scan: ...                       # scan.errors complete once exhausted

``source``: one XML file, a zip as FNS publishes it (many XML files), a folder of either, ``bytes``
or a binary file object (an upload). Structure files (``.xsd``) and hidden files beside the data
are not read. The dataset is recognised from the root's ``ТипИнф``, never
from a file name; any ``ВерсФорм`` is accepted (4.01–4.06 seen), elements unknown to a version are
ignored. A file in exactly the published shape (up to 10 MB; real ones are 1–4 MB) is read whole
by the fast path (:mod:`analytics.data.fns_fast`, a compiled grammar of the XSD's shape); any other
file is streamed by lxml (``iterparse`` on ``Документ`` with ``clear()``) — both give the same rows
and messages (``fast=False`` forces lxml); a file without problems comes from the fast path as one
block of columns, the rows of the others a document at a time. Zip members are read one at a time
(the next one decompressed ahead by a thread on the fast path, or a few at once by ``workers``
processes, in order); a chunk ends after the document that fills it, however the rows came. Memory
does not grow with the archive but for the duplicate-INN index, 8 bytes per document
(bench/bench_fns.py).
Parsing one file is :mod:`analytics.data.fns_xml`.

Columns (:data:`COLUMNS`): ``dataset`` (``rsmp``, ``sshr``, ``revexp``, ``paytax``), ``inn``,
``name`` (whitespace collapsed), ``as_of`` (``ДатаСост``, a date), then per dataset — RSMP:
``region_code`` (``СведМН@КодРегион``, may differ from the INN prefix), ``okved`` (main code, OKVED 2
only: an OKVED 2001 code is left empty and reported), ``sme_category`` (micro/small/medium),
``kind`` (legal/entrepreneur/farm), ``ogrn`` (absent in 2019 files); SSHR ``employees`` (persons);
REVEXP ``income_mln_rub`` and ``expenses_mln_rub`` (roubles ÷ 10⁶; income is total income of the
statements, *not* sales revenue); PAYTAX ``tax_name`` (whitespace collapsed), ``paid_mln_rub``
(roubles ÷ 10⁶) and ``budget_level`` (:mod:`analytics.data.fns_taxes`). Entrepreneurs (12-digit
INN) are personal data: they are read here, and loaded only when asked (:mod:`analytics.data.fns_load`).

Hardening: the parser is lxml with entities not resolved, no network, no DTD loading and libxml2's
size limits on (``huge_tree=False``); a ``<!DOCTYPE`` in a file's prolog (the only place a DTD and
its entities can be declared) refuses the file before it is parsed. Zip limits (:class:`FnsLimits`:
member count, each member's size, total size, compression ratio) are checked on the central
directory before anything is decompressed; ``zipfile`` stops at a member's declared size and
checks its CRC, so a lying header cannot inflate past the checked figure.

Problems are :class:`analytics.data.validate.Issue` values with codes ``fns_*`` (texts in both
languages in ``analytics/data/fns_messages.py``) naming the file, the document number (1 = first
``Документ`` of the file), the attribute and the value. Errors (the load is refused): limits, DTD, not XML, not
an FNS file, broken or truncated XML, unknown ``ТипИнф``, several datasets in one source, INN
format or check digits (``analytics.data.validate.inn_valid``), OGRN check digits, duplicate INNs
of one dataset and date, numbers or dates (``ДатаСост``) that do not parse. Warnings: ``КолДок`` not matching the documents, OKVED 2001 codes, unknown codes, tax
names not in the table.
"""

from __future__ import annotations

import bisect
import collections
import concurrent.futures
import contextlib
import io
import itertools
import multiprocessing
import multiprocessing.pool
import os
import sys
import types
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO

import numpy as np
import pandas as pd

from analytics.data import fns_fast, fns_xml, validate
from analytics.data.fns_xml import (
    CAP_PER_CODE,
    COLUMNS,
    DATASETS,
    SME_CATEGORIES,
    SUBJECT_KINDS,
    FnsFile,
    Issues,
    read_file,
)
from analytics.data.validate import Issue, msg

__all__ = [
    "CAP_PER_CODE",
    "COLUMNS",
    "DATASETS",
    "FNS_MESSAGE_CODES",
    "SME_CATEGORIES",
    "SUBJECT_KINDS",
    "FnsFile",
    "FnsLimits",
    "FnsRead",
    "FnsScan",
    "read_fns_open_data",
    "scan_fns_open_data",
]


#: Message codes of this reader and of the FNS loader (listed in validate.MESSAGE_CODES; texts in analytics/data/fns_messages.py).
FNS_MESSAGE_CODES: tuple[str, ...] = tuple(c for c in validate.MESSAGE_CODES if c.startswith("fns_"))


@dataclass(frozen=True)
class FnsLimits:
    """What an archive may hold; checked on the zip's central directory before decompressing.

    Real files: about 900 documents and 1–4 MB per XML file, ~7,000 files for all of Russia's RSMP
    (≈ 20 GB unpacked), one-line XML deflating about 10–20 : 1.
    """

    max_members: int = 20_000
    max_member_bytes: int = 256 * 1024 * 1024
    max_total_bytes: int = 64 * 1024**3
    max_ratio: float = 200.0
    #: the ratio is checked on members at least this large (a small file may compress well and harm none)
    ratio_from_bytes: int = 1024 * 1024
    #: one plain XML file (not in a zip)
    max_file_bytes: int = 256 * 1024 * 1024

    @classmethod
    def from_env(cls) -> FnsLimits:
        """``NAVIGATOR_FNS_MAX_MEMBERS`` and ``NAVIGATOR_FNS_MAX_TOTAL_GB`` override the defaults."""
        members = os.environ.get("NAVIGATOR_FNS_MAX_MEMBERS")
        total = os.environ.get("NAVIGATOR_FNS_MAX_TOTAL_GB")
        return cls(
            max_members=int(members) if members else cls.max_members,
            max_total_bytes=int(float(total) * 1024**3) if total else cls.max_total_bytes,
        )


@dataclass
class FnsRead:
    """The rows of an FNS source and what was wrong with it."""

    frame: pd.DataFrame
    errors: list[Issue]
    warnings: list[Issue]
    files: list[FnsFile]
    error_counts: dict[str, int] = field(default_factory=dict)
    warning_counts: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def datasets(self) -> list[str]:
        return sorted({f.dataset for f in self.files if f.dataset})

    @property
    def documents(self) -> int:
        return sum(f.documents for f in self.files)


# --------------------------------------------------------------------------------------------------
# Sources: files, folders, zips
# --------------------------------------------------------------------------------------------------

Source = str | os.PathLike[str] | bytes | BinaryIO


def _is_zip(stream: BinaryIO) -> bool:
    position = stream.tell()
    head = stream.read(4)
    stream.seek(position)
    return head in (b"PK\x03\x04", b"PK\x05\x06")


class _Budget:
    """Bytes of XML accepted so far (the total limit spans zips and folders)."""

    def __init__(self) -> None:
        self.total = 0


def _zip_checks(
    zf: zipfile.ZipFile, label: str, limits: FnsLimits, errors: Issues, budget: _Budget
) -> list[zipfile.ZipInfo]:
    """The members to read, or [] after reporting why the archive is refused (nothing decompressed yet)."""
    # The published structure (XSD) may sit beside the data: it is not data, and it is not read.
    members = [m for m in zf.infolist() if not m.is_dir() and not m.filename.lower().endswith(".xsd")]
    refused = False
    if len(members) > limits.max_members:
        errors.add("fns_zip_members", None, len(members), file=label, count=len(members), limit=limits.max_members)
        return []
    total = budget.total
    for m in members:
        name = f"{label}/{m.filename}"
        if m.flag_bits & 0x1:
            errors.add("fns_zip_encrypted", None, m.filename, file=name)
            refused = True
        if m.file_size > limits.max_member_bytes:
            errors.add(
                "fns_zip_member_size",
                None,
                m.file_size,
                file=name,
                size_mb=round(m.file_size / 2**20, 1),
                limit_mb=round(limits.max_member_bytes / 2**20),
            )
            refused = True
        if m.file_size >= limits.ratio_from_bytes and m.file_size > limits.max_ratio * max(m.compress_size, 1):
            errors.add(
                "fns_zip_ratio",
                None,
                m.filename,
                file=name,
                ratio=round(m.file_size / max(m.compress_size, 1)),
                limit=round(limits.max_ratio),
            )
            refused = True
        total += m.file_size
    # Many small members that each pass may still add up to a bomb: the ratio of the whole archive too.
    unpacked = sum(m.file_size for m in members)
    packed = max(sum(m.compress_size for m in members), 1)
    if not refused and unpacked >= limits.ratio_from_bytes and unpacked > limits.max_ratio * packed:
        errors.add(
            "fns_zip_ratio", None, label, file=label, ratio=round(unpacked / packed), limit=round(limits.max_ratio)
        )
        refused = True
    if total > limits.max_total_bytes:
        errors.add(
            "fns_zip_total_size",
            None,
            total,
            file=label,
            size_gb=round(total / 2**30, 2),
            limit_gb=round(limits.max_total_bytes / 2**30, 2),
        )
        refused = True
    if refused:
        return []
    budget.total = total
    return sorted(members, key=lambda m: m.filename)


#: (label, open binary stream, (zip path, member) when the file is a member of a zip on disk)
_Item = tuple[str, BinaryIO, "tuple[str, str] | None"]


def _streams(source: Source, limits: FnsLimits, errors: Issues, prefetch: bool = False) -> Iterator[_Item]:
    """(label, binary stream, origin) of every XML file of the source, one open at a time.

    Every zip is checked whole (:func:`_zip_checks`) before its first member is opened, and all zips
    of a folder before the first is read, so a refusal comes before any work.
    """
    budget = _Budget()
    if isinstance(source, (bytes, bytearray, memoryview)):
        yield from _from_stream("upload", io.BytesIO(bytes(source)), limits, errors, budget, prefetch=prefetch)
        return
    if hasattr(source, "read"):
        stream = source if hasattr(source, "seek") else io.BytesIO(source.read())
        label = Path(getattr(source, "name", "upload") or "upload").name
        yield from _from_stream(label, stream, limits, errors, budget, prefetch=prefetch)
        return
    path = Path(source)
    if not path.exists():
        errors.add("fns_source_missing", None, str(path), file=path.name)
        return
    if path.is_dir():
        files = sorted(
            p for p in path.rglob("*") if p.is_file() and not p.name.startswith(".") and p.suffix.lower() != ".xsd"
        )
        zips: list[tuple[Path, zipfile.ZipFile, list[zipfile.ZipInfo]]] = []
        plain: list[Path] = []
        try:
            for p in files:
                with p.open("rb") as fh:
                    is_zip = _is_zip(fh)
                if is_zip:
                    try:
                        zf = zipfile.ZipFile(p)
                    except zipfile.BadZipFile as exc:
                        errors.add("fns_zip_broken", None, None, file=p.name, detail=str(exc)[:200])
                        continue
                    zips.append((p, zf, _zip_checks(zf, p.name, limits, errors, budget)))
                else:
                    plain.append(p)
            if errors.counts:
                return
            for p in plain:
                with p.open("rb") as fh:
                    yield from _plain(str(p.relative_to(path)), fh, limits, errors)
            for p, zf, members in zips:
                yield from _members(p.name, zf, members, errors, p, prefetch)
        finally:
            for _, zf, _ in zips:
                zf.close()
        return
    with path.open("rb") as fh:
        yield from _from_stream(path.name, fh, limits, errors, budget, path, prefetch)


def _from_stream(
    label: str,
    stream: BinaryIO,
    limits: FnsLimits,
    errors: Issues,
    budget: _Budget,
    path: Path | None = None,
    prefetch: bool = False,
) -> Iterator[_Item]:
    if _is_zip(stream):
        try:
            zf = zipfile.ZipFile(stream)
        except zipfile.BadZipFile as exc:
            errors.add("fns_zip_broken", None, None, file=label, detail=str(exc)[:200])
            return
        with zf:
            members = _zip_checks(zf, label, limits, errors, budget)
            yield from _members(label, zf, members, errors, path, prefetch)
        return
    yield from _plain(label, stream, limits, errors)


def _plain(label: str, stream: BinaryIO, limits: FnsLimits, errors: Issues) -> Iterator[_Item]:
    try:
        size = os.fstat(stream.fileno()).st_size
    except (AttributeError, OSError, io.UnsupportedOperation):
        position = stream.tell()
        size = stream.seek(0, io.SEEK_END) - position
        stream.seek(position)
    if size > limits.max_file_bytes:
        errors.add(
            "fns_file_size",
            None,
            size,
            file=label,
            size_mb=round(size / 2**20, 1),
            limit_mb=round(limits.max_file_bytes / 2**20),
        )
        return
    yield label, stream, None


def _members(
    label: str,
    zf: zipfile.ZipFile,
    members: list[zipfile.ZipInfo],
    errors: Issues,
    path: Path | None = None,
    prefetch: bool = False,
) -> Iterator[_Item]:
    """Each member as an open stream, one at a time. With ``prefetch`` (the fast path in one process) a
    thread decompresses the next member (up to the fast path's size) while this one is parsed: zlib and
    the CRC run without the GIL, so unzipping overlaps parsing when a core is free."""
    if not prefetch:
        for m in members:
            name = f"{label}/{m.filename}"
            try:
                with zf.open(m) as member:
                    yield name, member, (str(path), m.filename) if path is not None else None
            except (zipfile.BadZipFile, NotImplementedError, RuntimeError) as exc:
                # a bad local header, an unsupported compression or encryption (the reading's own errors,
                # a CRC mismatch or a damaged stream, are the reader's: FnsScan._guarded)
                errors.add("fns_zip_broken", None, m.filename, file=name, detail=str(exc)[:200])
        return
    with concurrent.futures.ThreadPoolExecutor(1, thread_name_prefix="fns-unzip") as pool:
        ahead: collections.deque = collections.deque()

        def submit(i: int) -> None:
            if i < len(members):
                m = members[i]
                ahead.append(pool.submit(_read_ahead, zf, m) if m.file_size <= fns_fast.MAX_BYTES else None)

        submit(0)
        for i, m in enumerate(members):
            future = ahead.popleft()
            submit(i + 1)
            name = f"{label}/{m.filename}"
            origin = (str(path), m.filename) if path is not None else None
            if future is None:  # larger than the fast path takes: streamed as it is read
                yield from _members(label, zf, [m], errors, path)
                continue
            failure, reads = future.result()
            if failure is not None:
                errors.add("fns_zip_broken", None, m.filename, file=name, detail=str(failure)[:200])
                continue
            yield name, _ReadAhead(reads), origin


def _read_ahead(zf: zipfile.ZipFile, member: zipfile.ZipInfo) -> tuple[Exception | None, list]:
    """A member read as :func:`analytics.data.fns_xml.read_file` reads it (the prolog's read, then the rest up
    to the fast path's size), each read's bytes or exception kept; or the exception of opening it."""
    try:
        stream = zf.open(member)
    except (zipfile.BadZipFile, NotImplementedError, RuntimeError) as exc:
        return exc, []
    reads: list[tuple[bytes, Exception | None]] = []
    with stream:
        try:
            head = stream.read(fns_xml.XML_HEAD)
            reads.append((head, None))
            reads.append((stream.read(fns_fast.MAX_BYTES + 1 - len(head)), None))
        except Exception as exc:  # re-raised where the reader reads it (a CRC mismatch, a damaged stream)
            reads.append((b"", exc))
    return None, reads


class _ReadAhead(io.RawIOBase):
    """A member read ahead: gives back its reads in turn (raising a read's exception), then nothing."""

    def __init__(self, reads: list[tuple[bytes, Exception | None]]):
        self._reads = collections.deque(reads)

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        if not self._reads:
            return b""
        data, failure = self._reads.popleft()
        if failure is not None:
            raise failure
        return data


# --------------------------------------------------------------------------------------------------
# The whole source, in chunks
# --------------------------------------------------------------------------------------------------

_INTERNAL = ("_doc", "_file")
#: parts of the key space searched one at a time for repeated INNs, from _PARTS_FROM keys of a dataset and date
_PARTS, _PARTS_FROM = 8, 800_000


class FnsScan:
    """Chunks (DataFrames with :data:`COLUMNS`) of an FNS source; :attr:`errors` and
    :attr:`warnings` are complete once the iteration ends (duplicates are found at the end)."""

    def __init__(
        self,
        source: Source,
        *,
        chunk_rows: int = 20_000,
        limits: FnsLimits | None = None,
        workers: int = 1,
        keep_internal: bool = False,
        fast: bool = True,
    ):
        self.source, self.chunk_rows, self.limits = source, chunk_rows, limits or FnsLimits.from_env()
        self.fast = fast  # the regex fast path for files in the published shape (False: lxml for every file)
        self.workers, self.keep_internal = max(1, int(workers)), keep_internal
        self._errors, self._warnings = Issues(), Issues()
        self.files: list[FnsFile] = []
        # INN keys per (dataset, as_of) for the duplicate check, 8 bytes per document, in parts (a chunk's), and
        # each part's documents' numbers in the whole source (its file by _first_doc, the documents before each
        # file): (first, count) when consecutive, as usual, else 4 bytes per document
        self._keys: dict[tuple[str, date | None], list[np.ndarray]] = {}
        self._where: dict[tuple[str, date | None], list[np.ndarray | tuple[int, int]]] = {}
        self._first_doc: list[int] = []
        self.done = False

    @staticmethod
    def _issues(store: Issues) -> list[Issue]:
        return [Issue(None, column, cell, msg(code, **params)) for code, column, cell, params in store.items]

    @property
    def errors(self) -> list[Issue]:
        return self._issues(self._errors)

    @property
    def warnings(self) -> list[Issue]:
        return self._issues(self._warnings)

    @property
    def error_counts(self) -> dict[str, int]:
        return dict(self._errors.counts)

    @property
    def warning_counts(self) -> dict[str, int]:
        return dict(self._warnings.counts)

    def _files(self) -> Iterator[tuple[FnsFile, Iterator[list]]]:
        """Each file with its row batches: read here, or by worker processes (zip members on disk, ``workers`` > 1)."""
        if self.workers == 1:
            for label, stream, _origin in _streams(self.source, self.limits, self._errors, prefetch=self.fast):
                info = FnsFile(label)
                yield (
                    info,
                    self._guarded(label, read_file(label, stream, self._errors, self._warnings, info, self.fast)),
                )
            return
        # Spawned (not forked) workers: the caller may hold threads and a database connection. All of them
        # start here, under a plain __main__: a spawned child re-runs the parent's main script, and inside
        # Streamlit that is the app (which would try to open the store in every worker).
        context = multiprocessing.get_context("spawn")
        with _plain_main():
            pool = context.Pool(self.workers)
        with pool:
            pending: collections.deque = collections.deque()
            for label, stream, origin in _streams(self.source, self.limits, self._errors):
                if origin is None:  # not a zip member on disk: drain the workers, then read it here
                    while pending:
                        yield self._collected(pending.popleft())
                    info = FnsFile(label)
                    yield (
                        info,
                        self._guarded(label, read_file(label, stream, self._errors, self._warnings, info, self.fast)),
                    )
                    continue
                pending.append(pool.apply_async(fns_xml.parse_member, (origin[0], origin[1], label, self.fast)))
                while len(pending) > 2 * self.workers:  # a bounded window keeps memory flat
                    yield self._collected(pending.popleft())
            while pending:
                yield self._collected(pending.popleft())

    def _collected(self, future: multiprocessing.pool.AsyncResult) -> tuple[FnsFile, Iterator[list]]:
        batches, info, (error_items, error_counts), (warning_items, warning_counts) = future.get()
        self._errors.merge(error_items, error_counts)
        self._warnings.merge(warning_items, warning_counts)
        return info, iter(batches)

    def _guarded(self, label: str, batches: Iterator[list]) -> Iterator[list]:
        try:
            yield from batches
        except (zipfile.BadZipFile, EOFError, OSError, zlib.error) as exc:
            # a CRC mismatch (a member longer or other than its header says), a damaged deflate stream
            self._errors.add("fns_zip_broken", None, None, file=label, detail=str(exc)[:200])

    def __iter__(self) -> Iterator[pd.DataFrame]:
        """Chunks of rows; a chunk ends after the document during which it reached ``chunk_rows`` rows,
        however the rows came (a batch per document, a file's rows at once, a worker's file)."""
        rows = _Rows(self.chunk_rows)
        for info, batches in self._files():
            self._first_doc.append(self._first_doc[-1] + self.files[-1].documents if self.files else 0)
            self.files.append(info)
            index = len(self.files) - 1
            for batch in batches:
                for full in rows.add(batch, index):
                    yield self._chunk(full)
            datasets = {f.dataset for f in self.files if f.dataset}
            if len(datasets) > 1 and "fns_mixed" not in self._errors.counts:
                self._errors.add("fns_mixed", None, ", ".join(sorted(datasets)), datasets=", ".join(sorted(datasets)))
        if rows.count:
            yield self._chunk(rows.take())
        self._duplicates()
        self.done = True

    def _chunk(self, columns: dict[str, Any]) -> pd.DataFrame:
        frame = pd.DataFrame({name: _array(name, values) for name, values in columns.items()}, copy=False)
        self._check_identifiers(frame)
        self._remember(frame)
        return frame if self.keep_internal else frame.drop(columns=list(_INTERNAL))

    def _where_of(self, frame: pd.DataFrame, i: int) -> dict[str, Any]:
        return {"file": self.files[int(frame["_file"].iat[i])].name, "doc": int(frame["_doc"].iat[i])}

    def _check_identifiers(self, frame: pd.DataFrame) -> None:
        """INN 10 digits (legal) or 12 (entrepreneurs, farms), check digits by analytics.validate; OGRN check digits."""
        inn = frame["inn"]
        twelve = frame["kind"].isin(["entrepreneur", "farm"]).to_numpy()
        text = inn.fillna("").astype(str)
        lengths = text.str.len().to_numpy()
        digits = text.str.fullmatch(r"[0-9]+").to_numpy(dtype=bool, na_value=False)
        form_ok = digits & np.where(twelve, lengths == 12, lengths == 10)
        for i in np.flatnonzero(~form_ok):
            attribute = "ИННФЛ" if twelve[i] else "ИННЮЛ"
            self._errors.add(
                "fns_inn_format",
                attribute,
                text.iat[i],
                attribute=attribute,
                value=text.iat[i],
                **self._where_of(frame, i),
            )
        if form_ok.any():
            valid = validate.inn_valid(inn.where(form_ok)).to_numpy(dtype=bool)
            for i in np.flatnonzero(form_ok & ~valid):
                attribute = "ИННФЛ" if twelve[i] else "ИННЮЛ"
                self._errors.add(
                    "fns_inn_checksum",
                    attribute,
                    text.iat[i],
                    attribute=attribute,
                    value=text.iat[i],
                    **self._where_of(frame, i),
                )
        ogrn = frame["ogrn"]
        if ogrn.notna().any():
            valid = validate.ogrn_valid(ogrn).to_numpy(dtype=bool)
            for i in np.flatnonzero(~valid):
                attribute = "ОГРНИП" if twelve[i] else "ОГРН"
                self._errors.add(
                    "fns_ogrn_checksum",
                    attribute,
                    ogrn.iat[i],
                    attribute=attribute,
                    value=str(ogrn.iat[i]),
                    **self._where_of(frame, i),
                )
        frame.attrs["inn_ok"] = form_ok

    def _remember(self, frame: pd.DataFrame) -> None:
        ok = frame.attrs.pop("inn_ok")
        first = ~frame.duplicated(["_file", "_doc"]).to_numpy()  # PAYTAX: one key per document, not per line
        pick = ok & first
        if not pick.any():
            return
        sub = frame.loc[pick, ["dataset", "as_of", "inn", "_file", "_doc"]]
        # The key keeps the length apart: INN "0…" of 12 digits never equals one of 10.
        keys = sub["inn"].astype("int64").to_numpy() * 2 + (sub["inn"].str.len().to_numpy() == 12)
        first_doc = np.asarray(self._first_doc, dtype=np.int64)
        where = first_doc[sub["_file"].to_numpy()] + sub["_doc"].to_numpy(dtype=np.int64) - 1
        for (dataset, as_of), idx in sub.groupby(["dataset", "as_of"], dropna=False, sort=False).indices.items():
            places = where[idx]
            # consecutive documents (the usual case) are kept as (first, count): no bytes per document
            if places[-1] - places[0] == len(places) - 1:
                kept: np.ndarray | tuple[int, int] = (int(places[0]), len(places))
            else:
                kept = places.astype(np.uint32)
            self._keys.setdefault((dataset, as_of), []).append(keys[idx])
            self._where.setdefault((dataset, as_of), []).append(kept)

    def _duplicates(self) -> None:
        """The same INN twice in one dataset and date (in two files or one): an error naming both places,
        in the order of the INN keys, each key's places in reading order.

        Memory: the keys stay in their parts (no copy of the whole); the repeated keys are found part of
        the key space at a time (``key % _PARTS``), so the search needs about 1/_PARTS of the keys' size more.
        """
        first_doc = np.asarray(self._first_doc, dtype=np.int64)
        for group in list(self._keys):
            parts, wheres = self._keys.pop(group), self._where.pop(group)
            total = sum(len(k) for k in parts)
            spaces = _PARTS if total >= _PARTS_FROM else 1
            repeated = []
            for space in range(spaces):
                keys = np.sort(np.concatenate([k[k % spaces == space] for k in parts] if spaces > 1 else parts))
                repeated.append(np.unique(keys[1:][keys[1:] == keys[:-1]]))
            del keys
            found = np.concatenate(repeated)
            if not len(found):
                continue
            found.sort()
            places, keys_at = [], []
            offset = 0
            for k in parts:
                hit = np.flatnonzero(np.isin(k, found))
                places.append(hit + offset)
                keys_at.append(k[hit])
                offset += len(k)
            places, keys_at = np.concatenate(places), np.concatenate(keys_at)
            order = np.argsort(keys_at, kind="stable")  # places are in reading order: it stays within a key
            places, keys_at = places[order], keys_at[order]
            starts = np.cumsum([0] + [len(k) for k in parts])
            part_of = np.searchsorted(starts, places, side="right") - 1
            where = np.empty(len(places), dtype=np.int64)
            for j, (place, part) in enumerate(zip(places.tolist(), part_of.tolist())):
                numbers, offset = wheres[part], place - int(starts[part])
                where[j] = numbers[0] + offset if isinstance(numbers, tuple) else int(numbers[offset])
            files = np.searchsorted(first_doc, where, side="right") - 1
            for i in np.flatnonzero(keys_at[1:] == keys_at[:-1]) + 1:
                key = int(keys_at[i])
                inn = str(key // 2).zfill(12 if key % 2 else 10)
                first, second = int(files[i - 1]), int(files[i])
                self._errors.add(
                    "fns_duplicate_inn",
                    "ИННЮЛ",
                    inn,
                    value=inn,
                    file=self.files[first].name,
                    doc=int(where[i - 1] - first_doc[first]) + 1,
                    file2=self.files[second].name,
                    doc2=int(where[i] - first_doc[second]) + 1,
                )
        self._keys.clear()
        self._where.clear()


_ROW_NAMES = (*COLUMNS, "_doc")
_NUMBERS = {
    "employees": "Int64",
    "income_mln_rub": "float64",
    "expenses_mln_rub": "float64",
    "paid_mln_rub": "float64",
    "_doc": "int64",
}


def _array(name: str, values: Any) -> Any:
    """A column of a chunk: numbers with their dtype (:data:`_NUMBERS`; None → missing), the others as
    pandas infers them (text ``str``, or ``object`` when every value is missing; dates ``object``)."""
    dtype = _NUMBERS.get(name)
    if dtype is None or isinstance(values, np.ndarray):
        return values
    if dtype == "Int64":
        return pd.array(values, dtype=dtype)
    return np.array(values, dtype=dtype)  # None → NaN for floats


class _Rows:
    """Rows collected for the next chunk, as columns; batches of row tuples (``_doc`` last) or blocks."""

    def __init__(self, chunk_rows: int):
        self.chunk_rows = max(1, chunk_rows)
        self._start()

    def _start(self) -> None:
        self.columns: dict[str, list] = {name: [] for name in _ROW_NAMES}
        self.rows: list[tuple] = []  # row tuples not yet moved into the columns
        self.files: list[np.ndarray] = []
        self.count = 0

    def _flush(self) -> None:
        if self.rows:
            for column, values in zip(self.columns.values(), zip(*self.rows)):
                column.extend(values)
            self.rows = []

    def take(self) -> dict[str, Any]:
        self._flush()
        columns: dict[str, Any] = dict(self.columns)
        columns["_file"] = np.concatenate(self.files) if self.files else np.zeros(0, dtype=np.int32)
        self._start()
        return columns

    def add(self, batch: list[tuple] | fns_xml.Block, file: int) -> Iterator[dict[str, Any]]:
        """Take a batch of one file; yield every chunk it completes."""
        docs = batch["_doc"] if isinstance(batch, dict) else None
        n = len(batch) if docs is None else len(docs)
        done = 0
        while done < n:
            need = self.chunk_rows - self.count
            cut = n if n - done < need else self._cut(batch, docs, done + need - 1, n)
            self._extend(batch, done, cut, file)
            done = cut
            if self.count >= self.chunk_rows:
                yield self.take()

    @staticmethod
    def _cut(batch: list[tuple] | fns_xml.Block, docs: list | None, last: int, n: int) -> int:
        """The end of the document of row ``last`` (a document's rows are together, PAYTAX has several)."""
        if docs is None:
            doc = batch[last][-1]
            end = last + 1
            while end < n and batch[end][-1] == doc:
                end += 1
            return end
        return bisect.bisect_right(docs, docs[last], last)

    def _extend(self, batch: list[tuple] | fns_xml.Block, start: int, end: int, file: int) -> None:
        count = end - start
        if isinstance(batch, dict):
            self._flush()
            whole = start == 0 and end == len(batch["_doc"])
            for name, column in self.columns.items():
                values = batch.get(name)
                if values is None:
                    column.extend(itertools.repeat(None, count))
                else:
                    column.extend(values if whole else values[start:end])
        else:
            self.rows.extend(batch if start == 0 and end == len(batch) else batch[start:end])
        self.files.append(np.full(count, file, dtype=np.int32))
        self.count += count


def scan_fns_open_data(
    source: Source, *, chunk_rows: int = 20_000, limits: FnsLimits | None = None, workers: int = 1, fast: bool = True
) -> FnsScan:
    """Iterate an FNS source chunk by chunk (memory flat in the archive's size); see :class:`FnsScan`.

    ``workers`` > 1 parses the members of zips on disk in that many processes (in order; a bounded
    window of files in flight), for national archives on a multi-core server."""
    return FnsScan(source, chunk_rows=chunk_rows, limits=limits, workers=workers, fast=fast)


def empty_frame() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype="object") for c in COLUMNS}).astype(
        {"employees": "Int64", "income_mln_rub": "float64", "expenses_mln_rub": "float64", "paid_mln_rub": "float64"}
    )


def read_fns_open_data(
    source: Source, *, limits: FnsLimits | None = None, workers: int = 1, fast: bool = True
) -> FnsRead:
    """Every row of an FNS open-data source (file, zip, folder, bytes or upload) as one frame.

    Returns :class:`FnsRead`: ``frame`` with exactly :data:`COLUMNS`, ``errors`` / ``warnings``
    (:class:`Issue` with ``fns_*`` codes), the files read with their dataset, format version and
    document counts. For sources too large for one frame use :func:`scan_fns_open_data`.
    ``fast=False`` reads every file with lxml (the fast path gives the same result; for comparison).
    """
    scan = FnsScan(source, limits=limits, workers=workers, fast=fast)
    chunks = list(scan)
    frame = pd.concat(chunks, ignore_index=True) if chunks else empty_frame()
    return FnsRead(frame[list(COLUMNS)], scan.errors, scan.warnings, scan.files, scan.error_counts, scan.warning_counts)


@contextlib.contextmanager
def _plain_main() -> Iterator[None]:
    """``__main__`` replaced by an empty module while worker processes start (see ``_files``)."""
    main = sys.modules.get("__main__")
    sys.modules["__main__"] = types.ModuleType("__main__")
    try:
        yield
    finally:
        if main is not None:
            sys.modules["__main__"] = main
