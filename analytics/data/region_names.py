"""Russia's federal subjects by name: the regions reference and a name matcher for statistical tables.

The reference is HFLabs / DaData.ru ``region.csv`` (data of 19.12.2022, CC BY-SA 4.0; shipped in
``data/public/regions/`` with its licence): 85 subjects (Baikonur, code 99, is not a subject and is
left out) with the FNS two-digit code (first two digits of ``kladr_id``), OKATO, OKTMO, ISO 3166-2,
federal district and an English (GeoNames) name.

:func:`match_region` turns a row label of a Rosstat table into ``(level, code)``:

- ``country`` — «Российская Федерация»; ``district`` — «Центральный федеральный округ»;
- ``region`` with the FNS code — «г. Москва», «Республика Саха (Якутия)», «Ханты-Мансийский
  автономный округ – Югра», «Кемеровская область – Кузбасс», «Hенецкий авт.округ» (Latin «H»),
  «Архангельская область без автономного округа» (code 29: the oblast *without* its okrug, as the
  store holds it);
- ``region_total`` — «Архангельская область» or «Тюменская область» in a table that also gives the
  oblast without its okrugs: the total *with* the okrugs, code ``None`` (not a subject of its own);
- ``None`` — a name that matches nothing (reported to the analyst, never guessed).

Normalisation: lower case, ``ё`` → ``е``, Latin letters that look Cyrillic inside a Cyrillic word
(Rosstat files have «Hижегородская» with a Latin H) → Cyrillic, footnote marks («1)», «2», «*»)
dropped, dashes with spaces and brackets separate an alternative name («– Югра», «(Якутия)»), type
words dropped (республика, область, край, автономный округ, город, г.). A label matches when its
main name or its whole name equals a subject's. :data:`ALIASES` holds the few names that no rule
gives (old names, English names).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[2]
REFERENCE_CSV = ROOT / "data" / "public" / "regions" / "region.csv"
STORE_NAMES_CSV = ROOT / "data" / "seed" / "facts" / "regions.csv"  # the store's own Russian and English names
REFERENCE_SOURCE = "HFLabs / DaData.ru region.csv (19.12.2022), CC BY-SA 4.0, https://github.com/hflabs/region"

_LATIN_LOOKALIKE = str.maketrans("aceopxyhkmtbABCEHKMOPTXY", "асеорхуһкмтвАВСЕНКМОРТХУ".replace("һ", "н"))
_TYPE_WORDS = (
    r"автономный округ|автономная область|авт\.? ?округ|авт\.? ?обл|автономного округа|"
    r"республика|респ|область|обл|край|город федерального значения|город|г|ао|аобл"
)
_FOOTNOTE = re.compile(r"(\s*\d\)|\s*\*+|\s+\d{1,2})\s*$")

#: Names no rule gives: lower-case normalised spelling → FNS code.
ALIASES: dict[str, str] = {
    "чувашия": "21",
    "кузбасс": "42",
    "югра": "86",
    "якутия": "14",
    "алания": "15",
    "северная осетия": "15",
    "северная осетия-алания": "15",
    "саха": "14",
    "tyumen oblast": "72",
    "moscow": "77",
    "saint petersburg": "78",
    "st petersburg": "78",
    "kaluga oblast": "40",
    "пермская": "59",  # Пермская область until 2005
    "читинская": "75",  # Читинская область until 2008
}

_COUNTRY = {"российская федерация", "россия", "рф", "russian federation", "russia", "всего по россии"}
_DISTRICT = re.compile(r"федеральный округ|\bфо\b|federal district")
_WITHOUT_OKRUG = re.compile(r"\bбез\s+(автономн\w*\s+округ\w*|ао|авт\.?\s*округ\w*)", re.I)


@dataclass(frozen=True)
class RegionMatch:
    """What a row label is: ``level`` (country / district / region / region_total) and FNS ``code``."""

    level: str
    code: str | None


def _fix_latin(text: str) -> str:
    """Latin look-alike letters inside a word that has Cyrillic letters → Cyrillic."""

    def fix(match: re.Match[str]) -> str:
        word = match.group(0)
        return word.translate(_LATIN_LOOKALIKE) if re.search(r"[а-яА-ЯёЁ]", word) else word

    return re.sub(r"[A-Za-zА-Яа-яЁё]+", fix, text)


def clean_label(text: object) -> str:
    """A row label without footnote marks and surrounding space («Южный федеральный округ 2)» →
    «Южный федеральный округ»)."""
    s = re.sub(r"\s+", " ", str(text or "").replace("\xa0", " ")).strip()
    previous = None
    while previous != s:
        previous = s
        s = _FOOTNOTE.sub("", s).strip()
    return s


def _tokens(text: str) -> str:
    s = text.lower().replace("ё", "е")
    s = re.sub(r"[«»\"'/.,]+", " ", s)
    s = re.sub(rf"(?<![а-яa-z])({_TYPE_WORDS})(?![а-яa-z])", " ", s)
    return re.sub(r"\s+", " ", s).strip()


def name_keys(text: object) -> list[str]:
    """Normalised keys of a name: the whole name, then its main part (before « – », «(»)."""
    s = _fix_latin(clean_label(text))
    s = _WITHOUT_OKRUG.sub(" ", s)
    parts = re.split(r"\s+[-–—]\s*|\s*[-–—]\s+|\s*\(", s)
    keys = [_tokens(re.sub(r"\s+[-–—]\s*|\s*[-–—]\s+|[()]", " ", s)), _tokens(parts[0])]
    keys += [_tokens(p) for p in parts[1:]]
    return [k for i, k in enumerate(keys) if k and k not in keys[:i]]


@lru_cache(maxsize=1)
def reference() -> pd.DataFrame:
    """The 85 federal subjects: ``code`` (FNS), ``name_ru`` (with type), ``name``, ``type``,
    ``federal_district``, ``okato``, ``oktmo``, ``iso_code``, ``name_en``, ``kladr_id``, ``timezone``."""
    raw = pd.read_csv(REFERENCE_CSV, dtype=str, keep_default_na=False)
    raw = raw[raw["kladr_id"].str[:2] != "99"]
    return (
        pd.DataFrame(
            {
                "code": raw["kladr_id"].str[:2],
                "name_ru": raw["name_with_type"],
                "name": raw["name"],
                "type": raw["type"],
                "federal_district": raw["federal_district"],
                "okato": raw["okato"],
                "oktmo": raw["oktmo"],
                "iso_code": raw["iso_code"],
                "name_en": raw["geoname_name"],
                "kladr_id": raw["kladr_id"],
                "timezone": raw["timezone"],
            }
        )
        .sort_values("code")
        .reset_index(drop=True)
    )


@lru_cache(maxsize=1)
def _lookup() -> dict[str, str]:
    out: dict[str, str] = {}
    ref = reference()
    names = [(c, n) for c, *texts in zip(ref["code"], ref["name_ru"], ref["name"], ref["name_en"]) for n in texts]
    if STORE_NAMES_CSV.exists():
        own = pd.read_csv(STORE_NAMES_CSV, dtype=str, keep_default_na=False)
        names += [(c, n) for c, *texts in zip(own["code"], own["name_ru"], own["name_en"]) for n in texts]
    for code, text in names:
        for key in name_keys(text):  # whole name first, then «Кемеровская» of «Кемеровская область - Кузбасс»
            out.setdefault(key, code)
    out.update(ALIASES)
    return out


def match_region(label: object, *, has_without_okrug: frozenset[str] = frozenset()) -> RegionMatch | None:
    """The level and FNS code of a table row label; ``None`` when it names no known unit.

    ``has_without_okrug``: codes (``"29"``, ``"72"``) for which the same table also has a row «…
    без автономного округа»; the plain oblast row is then the total with its okrugs
    (``region_total``, code ``None``).
    """
    text = clean_label(label)
    if not text:
        return None
    fixed = _fix_latin(text).lower().replace("ё", "е")
    if fixed in _COUNTRY or fixed.startswith("российская федерация"):
        return RegionMatch("country", None)
    if _DISTRICT.search(fixed):
        return RegionMatch("district", None)
    lookup = _lookup()
    code = None
    for key in name_keys(text):
        if key in lookup:
            code = lookup[key]
            break
    if code is None:
        return None
    if _WITHOUT_OKRUG.search(fixed):
        return RegionMatch("region", code)
    if code in has_without_okrug:
        return RegionMatch("region_total", None)
    return RegionMatch("region", code)


def codes_without_okrug(labels: list[object]) -> frozenset[str]:
    """Codes of oblasts that a table lists also «без автономного округа» (see :func:`match_region`)."""
    out = set()
    for label in labels:
        text = _fix_latin(clean_label(label)).lower()
        if _WITHOUT_OKRUG.search(text):
            match = match_region(label)
            if match and match.code:
                out.add(match.code)
    return frozenset(out)
