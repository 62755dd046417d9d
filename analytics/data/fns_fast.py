"""The fast path for FNS open-data XML: compiled regular expressions over a whole file, for files in
exactly the published shape; anything else is left to the hardened lxml parser (:mod:`analytics.data.fns_xml`).

FNS files are one line of UTF-8, attributes only, no namespace, a fixed element order (the published
XSDs). :func:`scan` matches the file against a strict grammar of that shape — the prolog (XML 1.0,
UTF-8), the root ``Файл`` with the placeholder sender, then ``Документ`` after ``Документ`` of one
dataset, then ``</Файл>`` — and returns the attribute values the readers need as columns (one
``findall`` over the file for the strict grammar; the permissive one, for files with numeric
references or empty values read, document by document). It returns ``None`` (the caller parses the
file with lxml instead, so results and
problems are always the lxml path's) when anything is outside the grammar: a comment, CDATA, a
processing instruction or DOCTYPE after the prolog, a namespace (``xmlns``), an element or order the
grammar does not list, an attribute the XSD does not list or in another order than the XSD's (the
grammar names each attribute of a document's elements, so none can repeat), single quotes,
whitespace inside tags other than one space between attributes, tab/CR/LF anywhere but after the
root, a character XML forbids, an entity other than the five predefined ones, a numeric reference to
a character XML forbids (in any value), a name that is not plain Latin/Cyrillic, a truncated or
trailing-garbage file, invalid UTF-8, a file over :data:`MAX_BYTES`, or a file without documents.
Matching the grammar implies the file is well formed (every element's nesting is spelled out), so
the lxml path would read the same values.

Attribute values are decoded as XML does for these files: ``&quot;`` ``&amp;`` ``&lt;`` ``&gt;``
``&apos;`` and ``&#N;`` / ``&#xH;`` (``html.unescape`` is not used: it maps ``&#128;``–``&#159;`` to
Windows-1252 characters, XML does not).
"""

from __future__ import annotations

import re

__all__ = ["DOCUMENT", "MAX_BYTES", "RAW", "TAX_LINE", "Unusual", "attributes", "groups", "scan", "unescape"]

_NAME = r"[A-Za-z_\u0400-\u04FF][A-Za-z0-9_.\u0400-\u04FF-]{0,999}"  # libxml2 refuses names over 50,000
#: an ampersand that does not start one of the five predefined entities or a numeric reference
_BAD_AMPERSAND = re.compile(r"&(?!(?:quot|amp|lt|gt|apos|#[0-9]{1,7}|#x[0-9a-fA-F]{1,6});)")
_TAIL = "</Файл>"

# Two grammars of the same shape and groups. The *strict* one is tried first, with one findall over the
# file: its values and text hold no reference but the five predefined entities (checked as they are
# matched, so no other search of the file is needed) and a value that is read is never empty, so an
# empty group means an absent attribute. A file it refuses is matched by the *permissive* one, document
# by document, after the whole file's entity checks (:func:`scan`). Both keep markup out of values (no
# '<') and text (no '<' or '>' — so no ']]>'), and every character below U+0020 (tab, CR and LF
# included: XML normalises them in values; FNS files have none) and U+FFFE, U+FFFF out of both.
_OUT = r"\x00-\x1f\ufffe\uffff"
_ENTITY_NAMED = "&(?:quot|amp|lt|gt|apos);"


class _Grammar:
    """The prolog and root (``head``), each dataset's ``Документ`` (``document``) and PAYTAX's tax line."""

    def __init__(self, strict: bool):
        if strict:
            value = rf'[^"<&{_OUT}]*+(?:{_ENTITY_NAMED}[^"<&{_OUT}]*+)*+'
            self.read_value = f'(?!"){value}'  # a value that is read: not empty
            self.text = rf"[^<>&{_OUT}]*+(?:{_ENTITY_NAMED}[^<>&{_OUT}]*+)*+"
        else:
            value = rf'[^"<{_OUT}]*+'
            self.read_value = value
            self.text = rf"[^<>{_OUT}]*+"
        self.value = value
        attributes = rf'(?: {_NAME}="{value}")*+'
        self.head = re.compile(
            r'\ufeff?(?:<\?xml version="1\.0"(?: encoding="(?:UTF-8|utf-8)")?(?: standalone="(?:yes|no)")?\?>)?'
            rf"<Файл({attributes})>(?:<ИдОтпр({attributes})(?:/>|>(?:<ФИООтв({attributes})/>)?</ИдОтпр>))?"
        )
        self.document = {dataset: re.compile(pattern) for dataset, pattern in self._documents().items()}

    def fixed(self, *names: str) -> str:
        """The attributes of a tag whose values are not read: each known name at most once, in the XSD's
        order (so no attribute can repeat — lxml refuses a repeated one — without the grammar failing)."""
        return "".join(f'(?: {name}="{self.value}")?' for name in names)

    def read(self, *names: str) -> str:
        """Like :meth:`fixed`, with the values of the names marked ``*`` captured (a group each)."""
        return "".join(
            f'(?: {name[1:]}="({self.read_value})")?' if name[0] == "*" else f'(?: {name}="{self.value}")?'
            for name in names
        )

    def text_element(self, tag: str) -> str:
        return f"<{tag}(?:/>|>{self.text}</{tag}>)"

    def _documents(self) -> dict[str, str]:
        fixed, read = self.fixed, self.read
        place = fixed("Тип", "Наим")
        licence = fixed(
            "СерЛиценз",
            "НомЛиценз",
            "ВидЛиценз",
            "ДатаЛиценз",
            "ДатаНачЛиценз",
            "ДатаКонЛиценз",
            "ОргВыдЛиценз",
            "ДатаОстЛиценз",
            "ОргОстЛиценз",
        )
        # the tax lines' values are read from the document's markup (TAX_LINE): never empty in the strict grammar
        tax_line = (
            "<СвУплСумНал" + "".join(f'(?: {name}="{self.read_value}")?' for name in ("НаимНалог", "СумУплНал")) + "/>"
        )
        return {
            # Документ: (ОргВклМСП | ИПВклМСП/ФИОИП?), СведМН/(Регион? Район? Город? НаселПункт?),
            # СвОКВЭД?/(СвОКВЭДОсн? СвОКВЭДДоп*), СвЛиценз*/(НаимЛицВД | СведАдрЛицВД)*, СвПрод*, СвПрогПарт*.
            # Groups: 1 ДатаСост 2 ВидСубМСП 3 КатСубМСП | 4 (ОргВклМСП) 5 НаимОрг 6 ИННЮЛ 7 ОГРН | 8 ИННФЛ
            # 9 ОГРНИП 10 (ФИОИП) 11 Фамилия 12 Имя 13 Отчество | 14 КодРегион | 15 (СвОКВЭДОсн) 16 КодОКВЭД
            # 17 ВерсОКВЭД; the groups in brackets hold the tag's name when it is there.
            "rsmp": (
                f"<Документ{read('ИдДок', '*ДатаСост', 'ДатаВклМСП', '*ВидСубМСП', '*КатСубМСП', 'ПризНовМСП', 'СведСоцПред', 'ССЧР')}>"
                f"(?:<(ОргВклМСП){read('*НаимОрг', 'НаимОргСокр', '*ИННЮЛ', '*ОГРН')}/>"
                f"|<ИПВклМСП{read('*ИННФЛ', '*ОГРНИП')}(?:/>|>(?:<(ФИОИП){read('*Фамилия', '*Имя', '*Отчество')}/>)?"
                "</ИПВклМСП>))"
                f"<СведМН{read('*КодРегион')}(?:/>|>(?:<Регион{place}/>)?(?:<Район{place}/>)?(?:<Город{place}/>)?"
                f"(?:<НаселПункт{place}/>)?</СведМН>)"
                f"(?:<СвОКВЭД(?:/>|>(?:<(СвОКВЭДОсн){read('*КодОКВЭД', 'НаимОКВЭД', '*ВерсОКВЭД')}/>)?"
                f"(?:<СвОКВЭДДоп{fixed('КодОКВЭД', 'НаимОКВЭД', 'ВерсОКВЭД')}/>)*+</СвОКВЭД>))?"
                f"(?:<СвЛиценз{licence}(?:/>|>(?:{self.text_element('НаимЛицВД')}|{self.text_element('СведАдрЛицВД')})*+"
                f"</СвЛиценз>))*+"
                f"(?:<СвПрод{fixed('КодПрод', 'НаимПрод', 'ПрОтнПрод')}/>)*+"
                f"(?:<СвПрогПарт{fixed('НаимЮЛ_ПП', 'ИННЮЛ_ПП', 'НомДог', 'ДатаДог')}/>)*+</Документ>"
            ),
            # Groups: 1 ДатаСост 2 НаимОрг 3 ИННЮЛ 4 КолРаб
            "sshr": (
                f"<Документ{read('ИдДок', 'ДатаДок', '*ДатаСост')}><СведНП{read('*НаимОрг', '*ИННЮЛ')}/>"
                f"<СведССЧР{read('*КолРаб')}/></Документ>"
            ),
            # Groups: 1 ДатаСост 2 НаимОрг 3 ИННЮЛ 4 СумДоход 5 СумРасход
            "revexp": (
                f"<Документ{read('ИдДок', 'ДатаДок', '*ДатаСост')}><СведНП{read('*НаимОрг', '*ИННЮЛ')}/>"
                f"<СведДохРасх{read('*СумДоход', '*СумРасход')}/></Документ>"
            ),
            # Groups: 1 ДатаСост 2 НаимОрг 3 ИННЮЛ 4 the tax lines (TAX_LINE: 1 НаимНалог 2 СумУплНал)
            "paytax": (
                f"<Документ{read('ИдДок', 'ДатаДок', '*ДатаСост')}><СведНП{read('*НаимОрг', '*ИННЮЛ')}/>"
                f"((?:{tax_line})*+)</Документ>"
            ),
        }


_STRICT, _PERMISSIVE = _Grammar(strict=True), _Grammar(strict=False)
#: each dataset's document (permissive grammar)
DOCUMENT = _PERMISSIVE.document
#: a document of the strict grammar, or any one character (the last group): a file is in the grammar
#: when no such character is found between its documents
_DOCUMENTS = {dataset: re.compile(f"{pattern.pattern}|([\\s\\S])") for dataset, pattern in _STRICT.document.items()}
#: the tax lines of a PAYTAX document (in the markup the document's group 4 holds)
TAX_LINE = re.compile(f"<СвУплСумНал{_PERMISSIVE.read('*НаимНалог', '*СумУплНал')}/>")

_ENTITY = re.compile(r"&(#[0-9]+|#x[0-9a-fA-F]+|[a-z]+);")
_NAMED = {"quot": '"', "amp": "&", "lt": "<", "gt": ">", "apos": "'"}
#: the file sizes the fast path takes whole (real files are 1–4 MB; larger ones stream through lxml).
#: Below libxml2's 10,000,000-byte limit on one value or text (``huge_tree`` off), so no value the
#: fast path reads could have been refused by lxml for its length.
MAX_BYTES = 10_000_000
_NUMERIC = re.compile(r"&(#[0-9]+|#x[0-9a-fA-F]+);")


class Unusual(Exception):
    """The file is outside the fast path's grammar: parse it with lxml."""


def _entity(match: re.Match[str]) -> str:
    ref = match[1]
    if ref[0] != "#":
        return _NAMED[ref]
    code = int(ref[2:], 16) if ref[1] == "x" else int(ref[1:])
    if code in (0x9, 0xA, 0xD) or 0x20 <= code <= 0xD7FF or 0xE000 <= code <= 0xFFFD or 0x10000 <= code <= 0x10FFFF:
        return chr(code)
    raise Unusual(f"character reference &{ref}; to a character XML forbids")


def unescape(value: str | None) -> str | None:
    """An attribute value as XML decodes it (the file passed :func:`scan`'s entity check)."""
    if value is None or "&" not in value:
        return value
    decoded = value.replace("&quot;", '"')  # the one entity of real files, without a callback
    return decoded if "&" not in decoded else _ENTITY.sub(_entity, value)


def groups(match: re.Match[str], raw: int | None = None) -> list[str | None]:
    """The captured values of a document, decoded; group ``raw`` (markup) is left as it is."""
    values = list(match.groups())
    if match.string.find("&", match.start(), match.end()) >= 0:  # no copy of the document's text
        for i, value in enumerate(values):
            if value is not None and "&" in value and i + 1 != raw:
                values[i] = unescape(value)
    return values


def attributes(text: str | None) -> dict[str, str]:
    """The attributes of one tag (its attribute string as the grammar captured it), decoded as XML does.

    Keys keep the grammar's spelling ``' NAME='`` (a space, the name, ``=``): the string is split at its
    quotes, which the grammar allows only around values. Raises :class:`Unusual` for a repeated
    attribute (lxml refuses the file) or a reference to a character XML forbids.
    """
    if not text:
        return {}
    parts = text.split('"')
    values = dict(zip(parts[0::2], parts[1::2]))
    if 2 * len(values) + 1 != len(parts):
        raise Unusual("repeated attribute")
    if "&" in text:
        for key, value in values.items():
            if "&" in value:
                values[key] = _ENTITY.sub(_entity, value)
    return values


def scan(data: bytes, datasets: dict[str, str]) -> tuple[dict[str, str], str, list[list[str | None]], bool] | None:
    """Root attributes, dataset and the documents' values of a whole file, or None (use lxml).

    The values come as columns, one per group of the dataset's :data:`DOCUMENT` pattern, one item
    per document, decoded as XML does (except the raw markup of PAYTAX's tax lines, column
    :data:`RAW`). The flag says how an absent attribute is given: ``True`` — as ``""`` (the strict
    grammar took the file: a value read is never empty; one ``findall`` over the file), ``False`` —
    as ``None`` (the permissive grammar, document by document). ``datasets`` maps ``ТипИнф`` to the
    dataset; an unknown type, a missing root or no documents are left to lxml (which reports them).
    """
    if len(data) > MAX_BYTES:
        return None
    body = data.rstrip(b" \t\r\n")  # whitespace after the root is allowed (and ignored) by XML
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        return None
    if not text.endswith(_TAIL):
        return None
    for strict, grammar in ((True, _STRICT), (False, _PERMISSIVE)):
        if not strict and not _references_allowed(body, text):
            return None
        head = grammar.head.match(text)
        if head is None:
            if strict:
                continue
            return None
        if "xmlns" in head[0]:  # only the header's tags take any attribute name
            return None
        try:
            root = attributes(head[1])
            attributes(head[2])  # the sender's tags: only checked (a repeated attribute is lxml's error)
            attributes(head[3])
        except Unusual:
            return None
        root = {key[1:-1]: value for key, value in root.items()}  # ' ТипИнф=' → 'ТипИнф'
        dataset = datasets.get(root.get("ТипИнф") or "")
        if dataset is None:
            return None
        start, end = head.end(), len(text) - len(_TAIL)
        if strict:
            columns = _columns(dataset, text, start, end)
            if columns is not None:
                return root, dataset, columns, True
            continue
        rows = []
        raw = RAW.get(dataset)
        position = start
        for match in DOCUMENT[dataset].finditer(text, start, end):
            if match.start() != position:
                return None
            rows.append(groups(match, raw))
            position = match.end()
        if not rows or position != end:
            return None
        return root, dataset, [list(column) for column in zip(*rows)], False
    return None


def _references_allowed(body: bytes, text: str) -> bool:
    """Every ``&`` starts a predefined entity or a reference to a character XML allows (in any value)."""
    ampersands = body.count(b"&")
    if not ampersands:
        return True
    if ampersands != body.count(b"&quot;") and _BAD_AMPERSAND.search(text):
        return False
    if b"&#" in body:
        try:
            for match in _NUMERIC.finditer(text):
                _entity(match)
        except Unusual:
            return False
    return True


#: the column of raw markup (not decoded) per dataset: PAYTAX's tax lines
RAW = {"paytax": 3}


def _columns(dataset: str, text: str, start: int, end: int) -> list[list[str]] | None:
    """The groups of every document between ``start`` and ``end`` (strict grammar) as columns (``""`` for
    a group that did not take part), or None when the stretch is not documents after documents."""
    found = _DOCUMENTS[dataset].findall(text, start, end)
    if not found:
        return None
    columns = list(zip(*found))
    if any(columns.pop()):  # a character no document's match covers: outside the grammar
        return None
    raw = RAW.get(dataset)
    decoded: list[list[str]] = []
    for i, column in enumerate(columns):
        if i != raw:
            # values cannot hold a control character (the grammar), so NUL separates them safely
            joined = "\x00".join(column)
            if "&" in joined:
                decoded.append(unescape(joined).split("\x00"))
                continue
        decoded.append(list(column))
    return decoded
