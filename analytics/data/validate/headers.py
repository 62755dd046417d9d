"""Headers: Russian or English, any case and order, punctuation and units ignored; money units read
from the header («Выручка, тыс. руб.» → × 0.001 to mln ₽); templates for analysts.
"""

from __future__ import annotations

import re
from typing import NamedTuple

import pandas as pd

from analytics.data import examples
from analytics.data.validate.tables import Column, TableSpec

_HEADER_PUNCT = re.compile(r"[\s_\-–—.,;:()\[\]{}\"'«»/\\№#*]+")
_MONEY_UNITS: tuple[tuple[str, float], ...] = (
    # unit suffix of a normalised header → factor to mln ₽
    (
        r"(млн|миллионов?) (руб|рублей|р|₽)|млн ₽|млн|(mln|million|millions) (rub|rubles|roubles)"
        r"|rub (mln|million)|rub m|mln",
        1.0,
    ),
    (
        r"(тыс|тысяч) (руб|рублей|р|₽)|тыс ₽|тыс|(thousand|thousands|th|k) (rub|rubles|roubles)"
        r"|rub (thousand|th|k)|k rub",
        1e-3,
    ),
    (r"руб|рублей|₽|rub|rubles|roubles", 1e-6),
)
_COUNT_UNITS = r"(чел|человек|persons|people|ед|единиц|units)"


def normalise_header(text: object) -> str:
    """Lower case, ``ё`` → ``е``, punctuation and repeated spaces removed: «Выручка, тыс. руб.» →
    ``выручка тыс руб``."""
    s = "" if text is None else str(text)
    s = s.replace("\ufeff", "").strip().lower().replace("ё", "е")
    return _HEADER_PUNCT.sub(" ", s).strip()


_ALIASES: dict[str, dict[str, str]] = {}


def _aliases(spec: TableSpec) -> dict[str, str]:
    """Normalised alias → column of a table (built once per table)."""
    if spec.name not in _ALIASES:
        out: dict[str, str] = {}
        for column in spec.columns:
            for alias in (column.name, *column.ru, *column.en):
                out.setdefault(normalise_header(alias), column.name)
        _ALIASES[spec.name] = out
    return _ALIASES[spec.name]


class HeaderMatch(NamedTuple):
    column: str | None  #: the store column, ``None`` when unknown
    scale: float = 1.0  #: factor to the store's unit (money: to mln ₽)
    unit: str | None = None  #: the unit read from the header (``тыс руб``), when converted or assumed


def match_header(spec: TableSpec, header: object) -> HeaderMatch:
    """The store column a file header means, with the unit factor for money columns."""
    norm = normalise_header(header)
    aliases = _aliases(spec)
    if norm in aliases:
        return HeaderMatch(aliases[norm])
    for pattern, factor in _MONEY_UNITS:
        m = re.fullmatch(r"(.+?) (" + pattern + r")", norm)
        if m and m.group(1) in aliases and spec.column(aliases[m.group(1)]).kind == "money":
            return HeaderMatch(aliases[m.group(1)], factor, m.group(2))
    m = re.fullmatch(r"(.+?) " + _COUNT_UNITS, norm)
    if m and m.group(1) in aliases and spec.column(aliases[m.group(1)]).kind in ("int", "float"):
        return HeaderMatch(aliases[m.group(1)])
    return HeaderMatch(None)


def money_unit_given(header: object) -> bool:
    """True when a money header names its unit (otherwise mln ₽ is assumed and the analyst warned)."""
    norm = normalise_header(header)
    return bool(re.search(r"(млн|тыс|руб|₽|mln|million|thousand|rub)", norm))


def template_headers(spec: TableSpec, lang: str) -> list[str]:
    """Template headers: the first Russian (``ru``) or English (``en``) alias of each column."""
    return [(c.ru[0] if lang == "ru" else c.en[0]) for c in spec.columns]


def template_frame(spec: TableSpec, lang: str) -> pd.DataFrame:
    """A one-row template: headers in ``lang`` and an example row (Russian number format)."""
    headers = template_headers(spec, lang)
    example = [c.example for c in spec.columns]
    if lang == "en":
        example = [_english_example(c) for c in spec.columns]
    return pd.DataFrame([examples.fictional(spec.columns, example, spec.name)], columns=headers)


def _english_example(column: Column) -> str:
    if column.kind in ("int", "float", "money"):
        return column.example.replace(" ", "").replace(",", ".")
    if column.kind == "bool":
        return {"да": "yes", "нет": "no"}.get(column.example, column.example)
    if column.kind == "founded":
        return "2007-03-15"
    return column.example
