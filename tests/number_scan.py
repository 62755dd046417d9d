"""What a user reads on a page, and the numbers in it that break the UI language's format.

The rules (issue 15, "one number format"; ``ui/core/fmt.py`` writes them):

Russian: a decimal comma, never a decimal point (``57,84``, not ``57.84`` nor ``1,103.027``); thousands
grouped by a no-break space (U+00A0 or the narrow U+202F) — a number of five or more digits is grouped
(``12 345``), a group after the first has three digits; a percentage ``10 %`` with a no-break space.
English: a decimal point, comma thousands (``1,234.5``; a comma is followed by exactly three digits), no
no-break-space groups, ``10%`` with no space.

A number is a run of digits joined by ``.``, ``,``, U+00A0 or U+202F between digits, not preceded by a
letter, digit, ``.`` or ``,`` (so ``v1.2.3``, ``CO2``, ``h15`` are not numbers). Not numbers either, by
these stated rules (and nothing else):

- an OKVED or OKPD 2 code (``29.10``, ``28.29``, ``19.2``): a token that is one of the store's codes (the
  ``sectors`` table, the cluster templates' OKVED codes, the input-output products' OKPD 2 codes) and
  either is followed by a name (after spaces, a dash or a colon: a letter or a quote) or by its
  subclass in brackets (``23.99(.4)``), or stands in a text
  made of codes only (a table cell, a tick label), or sits in a list of codes (joined by ``,`` ``;`` ``+``
  ``и``/``and``) one of which is followed by a name or which holds two or more of them, or follows the
  word ОКВЭД/OKVED/ОКПД/OKPD earlier in the same sentence;
- a code of the OKVED subclass shape ``dd.dd.d`` / ``dd.dd.dd`` (``29.10.2``): no number in either
  language is written with two points;
- a date ``dd.mm.yyyy``;
- an identifier: a whole, ungrouped number that is one of the store's INN, OGRN or OKTMO values;
- text quoted as in its source, which the page says it shows verbatim: a table cell equal to one of the
  store's public-source strings (public facts' values, registry statuses, named programme projects) or to
  an example of a file's cell on the upload page (what to type in the file, not a number the UI wrote).

Not detected: digit groups joined by a plain (breakable) space — ``12 345`` reads as two numbers.

Markup is not read: HTML tags with their attributes (CSS sizes such as ``0.5rem``), ``<style>`` blocks and
link targets (``](…)``, ``http…``) are removed before scanning.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

NBSP = "\u00a0"
NNBSP = "\u202f"
SPACES = NBSP + NNBSP

NUMBER = re.compile(r"(?<![\w.,\u00a0\u202f])\d+(?:[.,\u00a0\u202f]\d+)*")
DATE = re.compile(r"\d{2}\.\d{2}\.\d{4}")
NAME_AFTER = re.compile(r"[\s\u00a0\u202f]*(?:[-–—:][\s\u00a0\u202f]*)?[«\"'A-Za-zА-Яа-яЁё]")
CODE_WORD = re.compile(r"(ОКВЭД|OKVED|ОКПД|OKPD)", re.IGNORECASE)
SUBCLASS = re.compile(r"\d{2}\.\d{2}\.\d{1,2}")
CODE_TOKEN = re.compile(r"(?<![\w.,])\d{2}(?:\.\d{1,2}){0,2}(?![\w.,]?\d)")
CODE_SEPARATORS = re.compile(r"[\s\u00a0\u202f,;+()]|\bи\b|\band\b|\bбез\b")
CODE_LIST = re.compile(r"\d{2}(?:\.\d{1,2}){0,2}(?:(?:\s*[,;+]\s*|\s+(?:и|and|без)\s+)\d{2}(?:\.\d{1,2}){0,2})+")
MARKUP = [
    re.compile(r"<style.*?</style>", re.DOTALL | re.IGNORECASE),
    re.compile(r"<script.*?</script>", re.DOTALL | re.IGNORECASE),
    re.compile(r"<[^>]+>"),
    re.compile(r"\]\([^)]*\)"),
    re.compile(r"https?://\S+"),
    re.compile(r"\?[\w=&%.-]+"),  # a query string (?present=1&slide=2)
    re.compile(r"(?:rgba?|hsla?)\([^)]*\)"),  # a colour
    re.compile(r"#[0-9a-fA-F]{3,8}\b"),
]
ENTITIES = {"&nbsp;": NBSP, "&#8239;": NNBSP, "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#x27;": "'"}


@dataclass
class Known:
    """What is not a number: the store's OKVED/OKPD 2 codes, identifiers (INN, OGRN, OKTMO) and the texts
    shown as in their source (whole table cells)."""

    codes: set[str] = field(default_factory=set)
    identifiers: set[str] = field(default_factory=set)
    verbatim: set[str] = field(default_factory=set)


def readable(text: str) -> str:
    """``text`` without markup (tags, styles, link targets); HTML entities decoded."""
    for pattern in MARKUP:
        text = pattern.sub(" ", text)
    for entity, char in ENTITIES.items():
        text = text.replace(entity, char)
    return text


def _is_code(token: str, text: str, start: int, end: int, known: Known) -> bool:
    if SUBCLASS.fullmatch(token):
        return True
    if token not in known.codes:
        return False
    if NAME_AFTER.match(text[end:]) or text[end:].startswith("(."):
        return True
    if not CODE_SEPARATORS.sub("", CODE_TOKEN.sub("", text)).strip():
        return True  # a text of codes only
    sentence = re.split(r"[.!?]\s|\n", text[:start])[-1]
    if CODE_WORD.search(sentence):
        return True
    for run in CODE_LIST.finditer(text):
        if run.start() <= start and end <= run.end():
            members = [m.group() for m in CODE_TOKEN.finditer(run.group())]
            named = NAME_AFTER.match(text[run.end() :])
            return bool(named) or sum(m in known.codes for m in members) >= 2
    return False


def _grouping_problem(integer: str, sep: str) -> str | None:
    """``integer`` is the whole part split by group separators ``sep``; a problem or None."""
    groups = re.split("[" + re.escape(sep) + "]", integer)
    if len(groups) == 1:
        return "5+ digits not grouped" if len(groups[0]) >= 5 else None
    if not 1 <= len(groups[0]) <= 3 or any(len(g) != 3 for g in groups[1:]):
        return "groups not of three digits"
    return None


def offenders(text: str, lang: str, known: Known | None = None) -> list[str]:
    """The numbers in ``text`` that break ``lang``'s format, each as ``"<token>: <reason> in «…context…»"``."""
    known = known or Known()
    text = readable(str(text))
    found = []
    for match in NUMBER.finditer(text):
        token, start, end = match.group(), match.start(), match.end()
        after = text[end : end + 2]
        reason = None
        if DATE.fullmatch(token) or _is_code(token, text, start, end, known):
            continue
        if lang == "ru":
            if "." in token:
                reason = "decimal point"
            elif token.count(",") > 1:
                reason = "comma as a group separator"
            else:
                reason = _grouping_problem(token.split(",")[0], SPACES)
            if reason is None and after[:1] == "%":
                reason = "no space before %"
            elif reason is None and after[:1] == " " and after[1:2] == "%":
                reason = "plain space before % (no-break space expected)"
        else:
            if any(c in token for c in SPACES):
                reason = "no-break space as a group separator"
            elif token.count(".") > 1 or ("." in token and "," in token.split(".", 1)[1]):
                reason = "more than one decimal point"
            else:
                reason = _grouping_problem(token.split(".")[0], ",")
            if reason is None and after[:1] in (" ", NBSP, NNBSP) and text[end + 1 : end + 2] == "%":
                reason = "space before %"
        if reason == "5+ digits not grouped" and token in known.identifiers:
            continue
        if reason:
            context = text[max(0, start - 30) : end + 30].replace("\n", " ")
            found.append(f"{token!r}: {reason} in «{context}»")
    return found


# --- plotly figures -----------------------------------------------------------------------------------------

TEMPLATE_FIELD = re.compile(r"%\{([^}:]*)(?::([^}]*))?\}")
TEXT_KEYS = {"text", "title", "name", "ticktext", "hovertext", "legendgrouptitle", "customdata", "labels"}
TEMPLATE_KEYS = {"hovertemplate", "texttemplate"}
FORMAT_KEYS = {"tickformat", "hoverformat", "valueformat"}
SUFFIX_KEYS = {"ticksuffix", "suffix", "tickprefix", "prefix"}


def figure_problems(spec: dict | str, lang: str, separators: str, known: Known | None = None) -> list[str]:
    """What a plotly figure (its JSON spec) shows against ``lang``'s format.

    - ``layout.separators`` must be ``separators`` (``fmt.plotly_separators(lang)``), so plotly's own numbers
      (axes, hover fields) follow the language;
    - a d3 format with ``%`` (``.1%``) is wrong in Russian (d3 writes ``10%``, not ``10 %``);
    - a suffix with ``%`` is ``"\u00a0%"`` in Russian and ``"%"`` in English;
    - texts (tick texts, bar texts, names, titles, annotations, custom data strings) and the literal parts of
      hover/text templates are scanned by :func:`offenders`.
    """
    if isinstance(spec, str):
        spec = json.loads(spec)
    found: list[str] = []
    layout = spec.get("layout", {})
    if layout.get("separators") != separators:
        found.append(f"layout.separators {layout.get('separators')!r}, expected {separators!r}")

    def strings(value):
        if isinstance(value, str):
            yield value
        elif isinstance(value, dict):
            for v in value.values():
                yield from strings(v)
        elif isinstance(value, list):
            for v in value:
                yield from strings(v)

    def visit(node, path: str):
        if isinstance(node, list):
            for i, item in enumerate(node):
                visit(item, f"{path}[{i}]")
            return
        if not isinstance(node, dict):
            return
        for key, value in node.items():
            where = f"{path}.{key}"
            if key in ("template", "meta", "uirevision"):
                continue
            if key in TEMPLATE_KEYS:
                for s in strings(value):
                    for _, spec_format in TEMPLATE_FIELD.findall(s):
                        if lang == "ru" and "%" in (spec_format or ""):
                            found.append(f"{where}: d3 format {spec_format!r} writes '10%'")
                    found.extend(f"{where}: {o}" for o in offenders(TEMPLATE_FIELD.sub(" ", s), lang, known))
            elif key in FORMAT_KEYS and isinstance(value, str):
                if lang == "ru" and "%" in value:
                    found.append(f"{where}: d3 format {value!r} writes '10%'")
            elif key in SUFFIX_KEYS and isinstance(value, str):
                if "%" in value and value.strip(SPACES + " ") == "%" and value != ("\u00a0%" if lang == "ru" else "%"):
                    found.append(f"{where}: percent suffix {value!r}")
            elif key in TEXT_KEYS:
                for s in strings(value):
                    found.extend(f"{where}: {o}" for o in offenders(s, lang, known))
                visit(value, where)
            else:
                visit(value, where)

    visit(spec.get("data", []), "data")
    visit(layout, "layout")
    return found
