"""The fast path for FNS open-data XML: compiled regular expressions over a whole file, for files in
exactly the published shape; anything else is left to the hardened lxml parser (:mod:`analytics.data.fns_xml`).

FNS files are one line of UTF-8, attributes only, no namespace, a fixed element order (the published
XSDs). :func:`scan` matches the file against a strict grammar of that shape — the prolog (XML 1.0,
UTF-8), the root ``Файл`` with the placeholder sender, then ``Документ`` after ``Документ`` of one
dataset, then ``</Файл>`` — and returns the documents' matches, whose groups are the attribute values
the readers need. It returns ``None`` (the caller parses the file with lxml instead, so results and
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

__all__ = ["DOCUMENT", "MAX_BYTES", "TAX_LINE", "Unusual", "attributes", "groups", "scan", "unescape"]

_NAME = r"[A-Za-z_\u0400-\u04FF][A-Za-z0-9_.\u0400-\u04FF-]{0,999}"   # libxml2 refuses names over 50,000
# Values and text are checked for forbidden characters and entities once per file (:func:`scan`);
# the grammar only keeps markup out of them (no '<' in a value; no '<' or '>' — so no ']]>' — in text).
_VALUE = r'[^"<]*+'
_A = rf'(?: {_NAME}="{_VALUE}")*+'
_TEXT = r"[^<>]*+"
#: every byte below 0x20 (tab, CR and LF included: XML normalises them in values; FNS files have none)
_CONTROL = bytes(range(32))
#: an ampersand that does not start one of the five predefined entities or a numeric reference
_BAD_AMPERSAND = re.compile(r"&(?!(?:quot|amp|lt|gt|apos|#[0-9]{1,7}|#x[0-9a-fA-F]{1,6});)")


def _fixed(*names: str) -> str:
    """The attributes of a tag whose values are not read: each known name at most once, in the XSD's
    order (so no attribute can repeat — lxml refuses a repeated one — without the grammar failing)."""
    return "".join(f'(?: {name}="{_VALUE}")?' for name in names)


_PLACE = _fixed("Тип", "Наим")
_OKVED = _fixed("КодОКВЭД", "НаимОКВЭД", "ВерсОКВЭД")
_LICENCE = _fixed("СерЛиценз", "НомЛиценз", "ВидЛиценз", "ДатаЛиценз", "ДатаНачЛиценз", "ДатаКонЛиценз",
                  "ОргВыдЛиценз", "ДатаОстЛиценз", "ОргОстЛиценз")
_PRODUCT = _fixed("КодПрод", "НаимПрод", "ПрОтнПрод")
_PARTNER = _fixed("НаимЮЛ_ПП", "ИННЮЛ_ПП", "НомДог", "ДатаДог")


def _text_element(tag: str) -> str:
    return f"<{tag}(?:/>|>{_TEXT}</{tag}>)"


_HEAD = re.compile(
    r'\ufeff?(?:<\?xml version="1\.0"(?: encoding="(?:UTF-8|utf-8)")?(?: standalone="(?:yes|no)")?\?>)?'
    rf"<Файл({_A})>(?:<ИдОтпр({_A})(?:/>|>(?:<ФИООтв({_A})/>)?</ИдОтпр>))?")
_TAIL = "</Файл>"


def _read(*names: str) -> str:
    """Like :func:`_fixed`, with the values of the names marked ``*`` captured (a group each)."""
    return "".join(f'(?: {name[1:]}="({_VALUE})")?' if name[0] == "*" else f'(?: {name}="{_VALUE}")?'
                   for name in names)


_DOCUMENT = {
    # Документ: (ОргВклМСП | ИПВклМСП/ФИОИП?), СведМН/(Регион? Район? Город? НаселПункт?),
    # СвОКВЭД?/(СвОКВЭДОсн? СвОКВЭДДоп*), СвЛиценз*/(НаимЛицВД | СведАдрЛицВД)*, СвПрод*, СвПрогПарт*.
    # Groups: 1 ДатаСост 2 ВидСубМСП 3 КатСубМСП | 4 (legal) 5 НаимОрг 6 ИННЮЛ 7 ОГРН | 8 ИННФЛ 9 ОГРНИП
    # 10 (ФИОИП) 11 Фамилия 12 Имя 13 Отчество | 14 КодРегион | 15 (СвОКВЭДОсн) 16 КодОКВЭД 17 ВерсОКВЭД
    "rsmp": (
        f"<Документ{_read('ИдДок', '*ДатаСост', 'ДатаВклМСП', '*ВидСубМСП', '*КатСубМСП', 'ПризНовМСП', 'СведСоцПред', 'ССЧР')}>"
        f"(?:<ОргВклМСП(){_read('*НаимОрг', 'НаимОргСокр', '*ИННЮЛ', '*ОГРН')}/>"
        f"|<ИПВклМСП{_read('*ИННФЛ', '*ОГРНИП')}(?:/>|>(?:<ФИОИП(){_read('*Фамилия', '*Имя', '*Отчество')}/>)?"
        "</ИПВклМСП>))"
        f"<СведМН{_read('*КодРегион')}(?:/>|>(?:<Регион{_PLACE}/>)?(?:<Район{_PLACE}/>)?(?:<Город{_PLACE}/>)?"
        f"(?:<НаселПункт{_PLACE}/>)?</СведМН>)"
        f"(?:<СвОКВЭД(?:/>|>(?:<СвОКВЭДОсн(){_read('*КодОКВЭД', 'НаимОКВЭД', '*ВерсОКВЭД')}/>)?"
        f"(?:<СвОКВЭДДоп{_OKVED}/>)*+</СвОКВЭД>))?"
        f"(?:<СвЛиценз{_LICENCE}(?:/>|>(?:{_text_element('НаимЛицВД')}|{_text_element('СведАдрЛицВД')})*+"
        f"</СвЛиценз>))*+"
        f"(?:<СвПрод{_PRODUCT}/>)*+(?:<СвПрогПарт{_PARTNER}/>)*+</Документ>"),
    # Groups: 1 ДатаСост 2 НаимОрг 3 ИННЮЛ 4 КолРаб
    "sshr": (f"<Документ{_read('ИдДок', 'ДатаДок', '*ДатаСост')}><СведНП{_read('*НаимОрг', '*ИННЮЛ')}/>"
             f"<СведССЧР{_read('*КолРаб')}/></Документ>"),
    # Groups: 1 ДатаСост 2 НаимОрг 3 ИННЮЛ 4 СумДоход 5 СумРасход
    "revexp": (f"<Документ{_read('ИдДок', 'ДатаДок', '*ДатаСост')}><СведНП{_read('*НаимОрг', '*ИННЮЛ')}/>"
               f"<СведДохРасх{_read('*СумДоход', '*СумРасход')}/></Документ>"),
    # Groups: 1 ДатаСост 2 НаимОрг 3 ИННЮЛ 4 the tax lines (TAX_LINE: 1 НаимНалог 2 СумУплНал)
    "paytax": (f"<Документ{_read('ИдДок', 'ДатаДок', '*ДатаСост')}><СведНП{_read('*НаимОрг', '*ИННЮЛ')}/>"
               f"((?:<СвУплСумНал{_fixed('НаимНалог', 'СумУплНал')}/>)*+)</Документ>"),
}
DOCUMENT = {dataset: re.compile(pattern) for dataset, pattern in _DOCUMENT.items()}
#: the tax lines of a PAYTAX document
TAX_LINE = re.compile(f"<СвУплСумНал{_read('*НаимНалог', '*СумУплНал')}/>")

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
    decoded = value.replace("&quot;", '"')          # the one entity of real files, without a callback
    return decoded if "&" not in decoded else _ENTITY.sub(_entity, value)


def groups(match: re.Match[str], raw: int | None = None) -> list[str | None]:
    """The captured values of a document, decoded; group ``raw`` (markup) is left as it is."""
    values = list(match.groups())
    if match.string.find("&", match.start(), match.end()) >= 0:     # no copy of the document's text
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


def scan(data: bytes, datasets: dict[str, str]) -> tuple[dict[str, str], str, list[re.Match[str]]] | None:
    """Root attributes, dataset and every document's match of a whole file, or None (use lxml).

    ``datasets`` maps ``ТипИнф`` to the dataset; an unknown type, a missing root or no documents are
    left to lxml (which reports them).
    """
    if len(data) > MAX_BYTES:
        return None
    body = data.rstrip(b" \t\r\n")       # whitespace after the root is allowed (and ignored) by XML
    if len(body.translate(None, _CONTROL)) != len(body):
        return None
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        return None
    if "\ufffe" in text or "\uffff" in text or "xmlns" in text or _BAD_AMPERSAND.search(text):
        return None
    if "&#" in text:      # every numeric reference, also in values not read, must name an allowed character
        try:
            for match in _NUMERIC.finditer(text):
                _entity(match)
        except Unusual:
            return None
    head = _HEAD.match(text)
    if head is None:
        return None
    try:
        root = attributes(head[1])
        attributes(head[2])          # the sender's tags: only checked (a repeated attribute is lxml's error)
        attributes(head[3])
    except Unusual:
        return None
    root = {key[1:-1]: value for key, value in root.items()}     # ' ТипИнф=' → 'ТипИнф'
    dataset = datasets.get(root.get("ТипИнф") or "")
    if dataset is None:
        return None
    position = head.end()
    documents = []
    for match in DOCUMENT[dataset].finditer(text, position):
        if match.start() != position:
            return None
        documents.append(match)
        position = match.end()
    if not documents or text[position:] != _TAIL:
        return None
    return root, dataset, documents
