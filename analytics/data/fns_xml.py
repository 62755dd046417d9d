"""Parsing one FNS open-data XML file: the hardened streaming parser and the four datasets' documents.

Kept free of pandas and the validation stack so that worker processes (several zip members parsed
at once, :mod:`analytics.data.fns`) start fast. Problems are recorded as raw tuples
``(code, column, cell, params)``; :mod:`analytics.data.fns` turns them into
:class:`analytics.data.validate.Issue` values. See :mod:`analytics.data.fns` for the formats.
"""

from __future__ import annotations

import io
import itertools
import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any, BinaryIO

from lxml import etree

from analytics.data import fns_fast, fns_taxes

#: ``ТипИнф`` → dataset (reference README of the FNS folder; 1 and 6 are not handled: unverified).
DATASETS: dict[str, str] = {
    "РЕЕСТРМСП": "rsmp",
    "ОТКРДАННЫЕ3": "sshr",
    "ОТКРДАННЫЕ4": "paytax",
    "ОТКРДАННЫЕ5": "revexp",
}
#: RSMP codes (FNS format of the SME register; the same meanings in every independent parser).
SME_CATEGORIES = {"1": "micro", "2": "small", "3": "medium"}
SUBJECT_KINDS = {"1": "legal", "2": "entrepreneur", "3": "farm"}
#: The columns of the rows read (per dataset, the others are empty); a row tuple or a block adds ``_doc``.
COLUMNS: tuple[str, ...] = (
    "dataset",
    "inn",
    "name",
    "as_of",
    "region_code",
    "okved",
    "sme_category",
    "kind",
    "ogrn",
    "employees",
    "income_mln_rub",
    "expenses_mln_rub",
    "tax_name",
    "paid_mln_rub",
    "budget_level",
)
#: Issues kept per code (all are counted in ``error_counts`` / ``warning_counts``).
CAP_PER_CODE = 200

#: OKVED 2 code: division, group, class, subclass (as analytics.data.validate.OKVED_PATTERN).
_OKVED2 = re.compile(r"\d{2}(\.\d{1,2}(\.\d{1,2})?)?")
_OKVED_SEEN: dict[str, bool] = {}
#: the bytes read first, for the prolog check
XML_HEAD = 64 * 1024
_DOCTYPE = re.compile(rb"<!DOCTYPE|<!ENTITY", re.IGNORECASE)


@dataclass
class FnsFile:
    """One XML file read: its name (``archive.zip/member.xml`` inside a zip), header and documents."""

    name: str
    dataset: str | None = None
    tip: str | None = None
    version: str | None = None
    declared: int | None = None
    documents: int = 0


@dataclass
class _Stop(Exception):
    """A file cannot be read further (already reported)."""


class Issues:
    """Problems per code as ``(code, column, cell, params)``, at most :data:`CAP_PER_CODE` kept, every one counted."""

    def __init__(self) -> None:
        self.items: list[tuple[str, str | None, str | None, dict[str, Any]]] = []
        self.counts: dict[str, int] = {}

    def add(self, code: str, column: str | None = None, cell: Any = None, n: int = 1, **params: Any) -> None:
        seen = self.counts.get(code, 0)
        self.counts[code] = seen + n
        if seen < CAP_PER_CODE:
            shown = None if cell is None else str(cell)[:200]
            self.items.append((code, column, shown, params))

    def merge(self, items: list[tuple[str, str | None, str | None, dict[str, Any]]], counts: dict[str, int]) -> None:
        """Add another reader's problems (a worker process's), keeping the cap per code."""
        kept = {code: 0 for code in counts}
        for item in items:
            code = item[0]
            if self.counts.get(code, 0) + kept[code] < CAP_PER_CODE:
                self.items.append(item)
            kept[code] += 1
        for code, n in counts.items():
            self.counts[code] = self.counts.get(code, 0) + n


# --------------------------------------------------------------------------------------------------
# One XML file
# --------------------------------------------------------------------------------------------------


class _Prolog(io.RawIOBase):
    """A stream that gives back the bytes already read for the prolog check, then the rest."""

    def __init__(self, head: bytes, rest: BinaryIO):
        self._head, self._rest = head, rest
        self.tail = head[-64:]  # the last bytes given out: a whole file ends with </Файл>

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._rest.read(len(buffer))
        buffer[: len(data)] = data
        if data:
            self.tail = (self.tail + data[-64:])[-64:]
        return len(data)

    def whole(self, limit: int) -> bytes:
        """Up to ``limit`` bytes from the start, in one piece (the fast path reads a file whole)."""
        head, self._head = self._head, b""
        data = head + self._rest.read(limit - len(head)) if len(head) < limit else head
        self.tail = data[-64:]
        return data

    def ends_whole(self) -> bool:
        """Read to the end: does the file end with the root's closing tag (else it was cut short)?"""
        while self.read(1024 * 1024):
            pass
        return self.tail.rstrip().endswith("</Файл>".encode())


def _prolog(label: str, stream: BinaryIO, errors: Issues) -> _Prolog | None:
    """Refuse a DTD (and so any entity declaration) or a file that is not XML, before parsing."""
    head = stream.read(XML_HEAD)
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if not text.startswith(b"<"):
        errors.add("fns_not_xml", None, head[:40].decode("utf-8", "replace"), file=label)
        return None
    root = _root_start(text)
    if _DOCTYPE.search(text[: root if root is not None else len(text)]):
        errors.add("fns_dtd", None, "<!DOCTYPE", file=label)
        return None
    return _Prolog(head, stream)


def _root_start(text: bytes) -> int | None:
    """Offset of the root element's ``<`` (after the declaration, comments and processing instructions)."""
    i = 0
    while True:
        j = text.find(b"<", i)
        if j < 0:
            return None
        if text.startswith(b"<?", j):
            k = text.find(b"?>", j)
        elif text.startswith(b"<!--", j):
            k = text.find(b"-->", j)
        elif text.startswith(b"<!", j):
            k = text.find(b">", j)  # a DOCTYPE: it stays in the part searched for "<!DOCTYPE"
        else:
            return j
        if k < 0:
            return None
        i = k + 1


def _parser_args() -> dict[str, Any]:
    # No DTD loading, no entity resolution, no network, libxml2's default size limits (huge_tree off).
    return {
        "events": ("end",),
        "tag": "Документ",
        "resolve_entities": False,
        "no_network": True,
        "load_dtd": False,
        "dtd_validation": False,
        "huge_tree": False,
        "remove_comments": True,
        "remove_pis": True,
    }


_DATES: dict[str, date | None] = {}


def _date(text: str | None) -> date | None:
    if text is None:
        return None
    try:
        return _DATES[text]
    except KeyError:
        pass
    value = None
    m = re.fullmatch(r"(\d{2})\.(\d{2})\.(\d{4})", text)
    if m:
        try:
            value = date(int(m[3]), int(m[2]), int(m[1]))
        except ValueError:
            value = None
    if len(_DATES) < 100_000:
        _DATES[text] = value
    return value


def _space(text: str | None) -> str | None:
    if text is None:
        return None
    return (
        " ".join(text.split())
        if ("  " in text or text[:1].isspace() or text[-1:].isspace() or "\t" in text or "\n" in text or "\xa0" in text)
        else text
    )


class _FileReader:
    """Documents of one XML file as row tuples (``COLUMNS`` order plus the document number)."""

    def __init__(self, label: str, info: FnsFile, errors: Issues, warnings: Issues):
        self.label, self.info, self.errors, self.warnings = label, info, errors, warnings

    def _number(self, text: str | None, attribute: str, doc: int) -> float | None:
        if text is None:
            self.errors.add("fns_number", attribute, None, file=self.label, doc=doc, attribute=attribute)
            return None
        try:
            return float(text)
        except ValueError:
            self.errors.add("fns_number", attribute, text, file=self.label, doc=doc, attribute=attribute)
            return None

    def _as_of(self, d: Any, doc: int) -> date | None:
        """``ДатаСост`` (ДД.ММ.ГГГГ): the date the document describes; the year of the yearly datasets."""
        return self._as_of_text(d.get("ДатаСост"), doc)

    def _as_of_text(self, text: str | None, doc: int) -> date | None:
        value = _date(text)
        if value is None:
            self.errors.add("fns_date", "ДатаСост", text, file=self.label, doc=doc, attribute="ДатаСост")
        return value

    def _code(self, table: dict[str, str], text: str | None, attribute: str, doc: int) -> str | None:
        value = table.get(text) if text is not None else None
        if value is None and text is not None:
            self.warnings.add("fns_code_unknown", attribute, text, file=self.label, doc=doc, attribute=attribute)
        return value

    def rsmp(self, d: Any, doc: int) -> list[tuple]:
        get = d.get
        as_of = self._as_of(d, doc)
        inn = name = ogrn = region = okved = None
        for child in d:
            tag = child.tag
            if tag == "ОргВклМСП":
                inn, ogrn, name = child.get("ИННЮЛ"), child.get("ОГРН"), _space(child.get("НаимОрг"))
            elif tag == "ИПВклМСП":
                inn, ogrn = child.get("ИННФЛ"), child.get("ОГРНИП")
                fio = child.find("ФИОИП")
                if fio is not None:
                    name = " ".join(p for p in (fio.get("Фамилия"), fio.get("Имя"), fio.get("Отчество")) if p)
            elif tag == "СведМН":
                region = child.get("КодРегион")
            elif tag == "СвОКВЭД":
                main = child.find("СвОКВЭДОсн")
                if main is not None:
                    okved = self._okved(main.get("КодОКВЭД"), main.get("ВерсОКВЭД"), doc)
        return [
            (
                "rsmp",
                inn,
                name,
                as_of,
                region,
                okved,
                self._code(SME_CATEGORIES, get("КатСубМСП"), "КатСубМСП", doc),
                self._code(SUBJECT_KINDS, get("ВидСубМСП"), "ВидСубМСП", doc),
                ogrn,
                None,
                None,
                None,
                None,
                None,
                None,
                doc,
            )
        ]

    def _okved(self, code: str | None, version: str | None, doc: int) -> str | None:
        if code is None:
            return None
        if version == "2001":
            self.warnings.add("fns_okved_2001", "КодОКВЭД", code, file=self.label, doc=doc, value=code)
            return None
        ok = _OKVED_SEEN.get(code)
        if ok is None:
            ok = _OKVED2.fullmatch(code) is not None
            if len(_OKVED_SEEN) < 100_000:
                _OKVED_SEEN[code] = ok
        if not ok:
            self.warnings.add("fns_okved_format", "КодОКВЭД", code, file=self.label, doc=doc, value=code)
            return None
        return code

    def _subject(self, d: Any) -> tuple[str | None, str | None]:
        np_ = d.find("СведНП")
        if np_ is None:
            return None, None
        return np_.get("ИННЮЛ"), _space(np_.get("НаимОрг"))

    def sshr(self, d: Any, doc: int) -> list[tuple]:
        inn, name = self._subject(d)
        node = d.find("СведССЧР")
        text = node.get("КолРаб") if node is not None else None
        employees = None
        if text is not None and text.isdigit():
            employees = int(text)
        else:
            self.errors.add("fns_number", "КолРаб", text, file=self.label, doc=doc, attribute="КолРаб")
        return [
            (
                "sshr",
                inn,
                name,
                self._as_of(d, doc),
                None,
                None,
                None,
                None,
                None,
                employees,
                None,
                None,
                None,
                None,
                None,
                doc,
            )
        ]

    def revexp(self, d: Any, doc: int) -> list[tuple]:
        inn, name = self._subject(d)
        node = d.find("СведДохРасх")
        income = expenses = None
        income = self._number(node.get("СумДоход") if node is not None else None, "СумДоход", doc)
        expenses = self._number(node.get("СумРасход") if node is not None else None, "СумРасход", doc)
        return [
            (
                "revexp",
                inn,
                name,
                self._as_of(d, doc),
                None,
                None,
                None,
                None,
                None,
                None,
                None if income is None else income / 1e6,
                None if expenses is None else expenses / 1e6,
                None,
                None,
                None,
                doc,
            )
        ]

    def paytax(self, d: Any, doc: int) -> list[tuple]:
        inn, name = self._subject(d)
        as_of = self._as_of(d, doc)
        rows = []
        for line in d.iterchildren("СвУплСумНал"):
            tax = fns_taxes.normalise_space(line.get("НаимНалог") or "")
            paid = self._number(line.get("СумУплНал"), "СумУплНал", doc)
            if not fns_taxes.known(tax):
                self.warnings.add("fns_tax_unknown", "НаимНалог", tax, file=self.label, doc=doc, value=tax)
            rows.append(
                (
                    "paytax",
                    inn,
                    name,
                    as_of,
                    None,
                    None,
                    None,
                    None,
                    None,
                    None,
                    None,
                    None,
                    tax,
                    None if paid is None else paid / 1e6,
                    fns_taxes.budget_level(tax),
                    doc,
                )
            )
        return rows

    # ---- the fast path: the same rows and problems from the grammar's values (analytics.data.fns_fast), ----
    # ---- one document's values at a time (``None`` = absent)                                          ----

    def rsmp_fast(self, values: Any, doc: int) -> list[tuple]:
        (
            date_,
            kind,
            category,
            legal,
            org_name,
            org_inn,
            org_ogrn,
            ip_inn,
            ip_ogrn,
            fio,
            surname,
            first,
            middle,
            region,
            main,
            code,
            version,
        ) = values
        as_of = self._as_of_text(date_, doc)
        okved = None
        if legal is not None:
            inn, ogrn, name = org_inn, org_ogrn, _space(org_name)
        else:
            inn, ogrn, name = ip_inn, ip_ogrn, None
            if fio is not None:
                name = " ".join(filter(None, (surname, first, middle)))
        if main is not None:
            okved = self._okved(code, version, doc)
        return [
            (
                "rsmp",
                inn,
                name,
                as_of,
                region,
                okved,
                self._code(SME_CATEGORIES, category, "КатСубМСП", doc),
                self._code(SUBJECT_KINDS, kind, "ВидСубМСП", doc),
                ogrn,
                None,
                None,
                None,
                None,
                None,
                None,
                doc,
            )
        ]

    def sshr_fast(self, values: Any, doc: int) -> list[tuple]:
        date_, name, inn, text = values
        employees = None
        if text is not None and text.isdigit():
            employees = int(text)
        else:
            self.errors.add("fns_number", "КолРаб", text, file=self.label, doc=doc, attribute="КолРаб")
        return [
            (
                "sshr",
                inn,
                _space(name),
                self._as_of_text(date_, doc),
                None,
                None,
                None,
                None,
                None,
                employees,
                None,
                None,
                None,
                None,
                None,
                doc,
            )
        ]

    def revexp_fast(self, values: Any, doc: int) -> list[tuple]:
        date_, name, inn, income_text, expenses_text = values
        income = self._number(income_text, "СумДоход", doc)
        expenses = self._number(expenses_text, "СумРасход", doc)
        return [
            (
                "revexp",
                inn,
                _space(name),
                self._as_of_text(date_, doc),
                None,
                None,
                None,
                None,
                None,
                None,
                None if income is None else income / 1e6,
                None if expenses is None else expenses / 1e6,
                None,
                None,
                None,
                doc,
            )
        ]

    def paytax_fast(self, values: Any, doc: int) -> list[tuple]:
        date_, name, inn, lines = values
        name = _space(name)
        as_of = self._as_of_text(date_, doc)
        rows = []
        for line in fns_fast.TAX_LINE.finditer(lines):
            tax = fns_taxes.normalise_space(fns_fast.unescape(line[1]) or "")
            paid = self._number(fns_fast.unescape(line[2]), "СумУплНал", doc)
            if not fns_taxes.known(tax):
                self.warnings.add("fns_tax_unknown", "НаимНалог", tax, file=self.label, doc=doc, value=tax)
            rows.append(
                (
                    "paytax",
                    inn,
                    name,
                    as_of,
                    None,
                    None,
                    None,
                    None,
                    None,
                    None,
                    None,
                    None,
                    tax,
                    None if paid is None else paid / 1e6,
                    fns_taxes.budget_level(tax),
                    doc,
                )
            )
        return rows


def read_file(
    label: str, stream: BinaryIO, errors: Issues, warnings: Issues, info: FnsFile, fast: bool = True
) -> Iterator[list[tuple] | Block]:
    """Rows of one XML file in batches: a list of row tuples per document, or (the fast path, a file
    without any problem) one :data:`Block` of the whole file; header problems end the file early.

    After the prolog check, a file in exactly the published shape is read by the fast path
    (:mod:`analytics.data.fns_fast`); any other file, or ``fast=False``, by lxml. Both give the same
    rows and the same problems in the same order (tests/test_fns_fast.py).
    """
    wrapped = _prolog(label, stream, errors)
    if wrapped is None:
        return
    if fast:
        data = wrapped.whole(fns_fast.MAX_BYTES + 1)
        documents = _read_fast(label, data, info) if len(data) <= fns_fast.MAX_BYTES else None
        if documents is not None:
            yield from _replay(documents, label, info, errors, warnings)
            return
        wrapped = _Prolog(data, stream if len(data) > fns_fast.MAX_BYTES else io.BytesIO(b""))
    reader = _FileReader(label, info, errors, warnings)
    handler = None
    doc = 0
    context = etree.iterparse(io.BufferedReader(wrapped, buffer_size=1024 * 1024), **_parser_args())
    try:
        for _, element in context:
            if handler is None:
                handler = _start(element.getroottree().getroot(), label, info, errors)
                if handler is None:
                    return
                handler = getattr(reader, handler)
            doc += 1
            yield handler(element, doc)
            element.clear()
            parent = element.getparent()
            while element.getprevious() is not None:
                del parent[0]
        if handler is None:
            root = context.root
            if root is None or _start(root, label, info, errors) is None:
                return
            warnings.add("fns_no_documents", None, None, file=label)
    except etree.XMLSyntaxError as exc:
        detail = str(exc)[:200]
        truncated = not wrapped.ends_whole()
        errors.add(
            "fns_truncated" if truncated else "fns_xml_broken", None, None, file=label, doc=doc + 1, detail=detail
        )
        return
    finally:
        info.documents = doc
    if info.declared is not None and info.declared != doc:
        warnings.add("fns_doc_count", "КолДок", info.declared, file=label, declared=info.declared, found=doc)


class _Root:
    """The root ``Файл`` as the fast path read it, with the two members :func:`_start` uses."""

    tag = "Файл"

    def __init__(self, attrib: dict[str, str]):
        self.get = attrib.get


def _read_fast(label: str, data: bytes, info: FnsFile) -> tuple[_Root, str, list, bool] | None:
    """The root, dataset and documents' values (columns) of a file for the fast path, or None when it is for lxml.

    The scan has checked every entity and character reference of the file, so reading the values
    cannot fail (:class:`analytics.data.fns_fast.Unusual` is not raised after this point).
    """
    scanned = fns_fast.scan(data, DATASETS)
    if scanned is None:
        return None
    root, dataset, columns, empty_is_absent = scanned
    return _Root(root), dataset, columns, empty_is_absent


#: Rows as columns: :data:`COLUMNS` plus ``_doc`` → one list each (a column left out is empty).
Block = dict[str, list]


def _replay(
    read: tuple[_Root, str, list, bool], label: str, info: FnsFile, errors: Issues, warnings: Issues
) -> Iterator[list[tuple] | Block]:
    """Rows of a file the fast path accepted, problems added as lxml's path does: one :data:`Block` when
    no document has a problem (checked on the columns at once), else a batch of row tuples per document."""
    root, dataset, columns, empty_is_absent = read
    _start(root, label, info, errors)  # the scan accepted only a Файл of a known ТипИнф: no problem here
    block = _BLOCKS[dataset](columns) if empty_is_absent else None
    doc = 0
    if block is not None:
        doc = info.documents = len(columns[0])
        yield block
    else:
        handler = getattr(_FileReader(label, info, errors, warnings), f"{dataset}_fast")
        raw = fns_fast.RAW.get(dataset)
        try:
            for doc, values in enumerate(zip(*columns), 1):
                if empty_is_absent:  # "" is an absent attribute (or no tax lines, the raw markup column)
                    values = [v if v or i == raw else None for i, v in enumerate(values)]
                yield handler(values, doc)
        finally:
            info.documents = doc
    if info.declared is not None and info.declared != doc:
        warnings.add("fns_doc_count", "КолДок", info.declared, file=label, declared=info.declared, found=doc)


# ---- a whole file's columns at once (``""`` = absent): a Block, or None when some document has a problem ----
# (the problem is then reported by the per-document handlers above, in document order)

_SME = {**SME_CATEGORIES, "": None}
_KINDS = {**SUBJECT_KINDS, "": None}


def _present(column: Any) -> list:
    """``""`` (absent) as None."""
    return [v or None for v in column] if "" in column else list(column)


def _names(column: Any) -> list:
    """Names with whitespace collapsed as :func:`_space` does; ``""`` (absent) as None."""
    return [_space(v) if v else None for v in column]


def _dates(column: Any) -> list | None:
    """``ДатаСост`` as dates, or None when one does not parse (absent included)."""
    table = {text: _date(text) for text in set(column)}
    if None in table.values():
        return None
    return list(map(table.__getitem__, column))


def _okved_clean(codes: Any, versions: Any) -> bool:
    """No OKVED warning would be raised: no 2001 version, every code OKVED 2 (as :meth:`_FileReader._okved`)."""
    if "2001" in versions:
        return False
    for code in set(codes):
        if code:
            ok = _OKVED_SEEN.get(code)
            if ok is None:
                ok = _OKVED2.fullmatch(code) is not None
                if len(_OKVED_SEEN) < 100_000:
                    _OKVED_SEEN[code] = ok
            if not ok:
                return False
    return True


def _rsmp_block(columns: list) -> Block | None:
    (
        date_,
        kind,
        category,
        legal,
        org_name,
        org_inn,
        org_ogrn,
        ip_inn,
        ip_ogrn,
        fio,
        surname,
        first,
        middle,
        region,
        _main,
        code,
        version,
    ) = columns
    as_of = _dates(date_)
    if (
        as_of is None
        or not set(category) <= _SME.keys()
        or not set(kind) <= _KINDS.keys()
        or not _okved_clean(code, set(version))
    ):
        return None
    n = len(date_)
    # the legal entity's and the entrepreneur's groups are alternatives: the other one is always ""
    name = [
        (_space(o) if o else None) if is_legal else (" ".join(filter(None, (s, f, m))) if has_fio else None)
        for is_legal, o, has_fio, s, f, m in zip(legal, org_name, fio, surname, first, middle)
    ]
    return {
        "dataset": ["rsmp"] * n,
        "inn": [a or b or None for a, b in zip(org_inn, ip_inn)],
        "name": name,
        "as_of": as_of,
        "region_code": _present(region),
        "okved": _present(code),
        "sme_category": list(map(_SME.__getitem__, category)),
        "kind": list(map(_KINDS.__getitem__, kind)),
        "ogrn": [a or b or None for a, b in zip(org_ogrn, ip_ogrn)],
        "_doc": list(range(1, n + 1)),
    }


def _sshr_block(columns: list) -> Block | None:
    date_, name, inn, count = columns
    as_of = _dates(date_)
    if as_of is None or not all(map(str.isdigit, count)) or not "".join(count).isascii():
        return None
    n = len(date_)
    return {
        "dataset": ["sshr"] * n,
        "inn": _present(inn),
        "name": _names(name),
        "as_of": as_of,
        "employees": list(map(int, count)),
        "_doc": list(range(1, n + 1)),
    }


def _floats(column: Any) -> list[float] | None:
    try:
        return list(map(float, column))
    except ValueError:  # absent ("") included: each is an fns_number error
        return None


def _revexp_block(columns: list) -> Block | None:
    date_, name, inn, income, expenses = columns
    as_of = _dates(date_)
    income, expenses = _floats(income), _floats(expenses)
    if as_of is None or income is None or expenses is None:
        return None
    n = len(date_)
    return {
        "dataset": ["revexp"] * n,
        "inn": _present(inn),
        "name": _names(name),
        "as_of": as_of,
        "income_mln_rub": [x / 1e6 for x in income],
        "expenses_mln_rub": [x / 1e6 for x in expenses],
        "_doc": list(range(1, n + 1)),
    }


def _paytax_block(columns: list) -> Block | None:
    date_, name, inn, lines = columns
    as_of = _dates(date_)
    if as_of is None:
        return None
    counts = [markup.count("<СвУплСумНал") for markup in lines]
    found = fns_fast.TAX_LINE.findall("".join(lines))  # (НаимНалог, СумУплНал) of every line, in order
    taxes = {raw: fns_taxes.normalise_space(fns_fast.unescape(raw)) for raw in {t for t, _ in found}}
    if not all(map(fns_taxes.known, taxes.values())):
        return None
    paid = _floats(fns_fast.unescape(p) for _, p in found)
    if paid is None:
        return None
    levels = {tax: fns_taxes.budget_level(tax) for tax in taxes.values()}
    tax = [taxes[t] for t, _ in found]

    def spread(column: Any) -> list:
        return list(itertools.chain.from_iterable(map(itertools.repeat, column, counts)))

    return {
        "dataset": ["paytax"] * len(found),
        "inn": spread(_present(inn)),
        "name": spread(_names(name)),
        "as_of": spread(as_of),
        "tax_name": tax,
        "paid_mln_rub": [x / 1e6 for x in paid],
        "budget_level": [levels[t] for t in tax],
        "_doc": spread(range(1, len(date_) + 1)),
    }


_BLOCKS = {"rsmp": _rsmp_block, "sshr": _sshr_block, "revexp": _revexp_block, "paytax": _paytax_block}


def _start(root: Any, label: str, info: FnsFile, errors: Issues) -> str | None:
    """Check the root ``Файл`` and its ``ТипИнф``; the dataset's handler name, or None (reported)."""
    if root is None or root.tag != "Файл":
        errors.add(
            "fns_not_fns",
            None,
            None if root is None else str(root.tag)[:60],
            file=label,
            root=None if root is None else str(root.tag)[:60],
        )
        return None
    info.tip, info.version = root.get("ТипИнф"), root.get("ВерсФорм")
    declared = root.get("КолДок")
    info.declared = int(declared) if declared and declared.isdigit() else None
    dataset = DATASETS.get(info.tip or "")
    if dataset is None:
        errors.add("fns_unknown_type", "ТипИнф", info.tip, file=label, value=info.tip or "")
        return None
    info.dataset = dataset
    return dataset


def parse_member(path: str, member: str, label: str, fast: bool = True) -> tuple[list, FnsFile, tuple, tuple]:
    """Worker: the row batches of one zip member (whose archive passed its checks in the parent) — the
    row tuples of consecutive documents joined into one list, blocks as they are — the file's header,
    and its problems as ``(items, counts)`` for errors and warnings."""
    errors, warnings = Issues(), Issues()
    info = FnsFile(label)
    batches: list = []
    rows: list[tuple] = []
    try:
        with zipfile.ZipFile(path) as zf, zf.open(member) as stream:
            for batch in read_file(label, stream, errors, warnings, info, fast):
                if isinstance(batch, dict):
                    if rows:
                        batches.append(rows)
                        rows = []
                    batches.append(batch)
                else:
                    rows.extend(batch)
    except (zipfile.BadZipFile, EOFError, OSError, zlib.error) as exc:
        errors.add("fns_zip_broken", None, None, file=label, detail=str(exc)[:200])
    if rows:
        batches.append(rows)
    return batches, info, (errors.items, errors.counts), (warnings.items, warnings.counts)
