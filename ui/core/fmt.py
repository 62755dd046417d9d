"""Number formatting in one place, for both UI languages (no Streamlit import).

Russian: ``1 234,5`` (narrow no-break space as the group separator, decimal comma), ``млн ₽``.
English: ``1,234.5``, ``RUB mln``. Missing values (None, NaN) show as an en dash.
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation
from numbers import Real

from babel.numbers import format_decimal

LOCALES = {"ru": "ru_RU", "en": "en_GB"}
DASH = "–"
#: group and decimal separators of the CLDR locales in :data:`LOCALES` (``ru_RU``: no-break space and comma)
SEPARATORS = {"ru": ("\u00a0", ","), "en": (",", ".")}
#: values this far from zero are left to Babel (beyond the decimal context's 28 digits)
_LARGEST = 1e20
_QUANTUM = [Decimal(1).scaleb(-d) for d in range(16)]


def _missing(x: object) -> bool:
    return x is None or (isinstance(x, Real) and math.isnan(float(x)))


def _decimal_text(value: Decimal, lang: str, digits: int) -> str:
    """``value`` rounded half to even to ``digits`` decimals, with the language's separators; a value that
    rounds to zero has no sign (``0,0``, not ``-0,0``)."""
    rounded = value.quantize(_QUANTUM[digits], rounding=ROUND_HALF_EVEN)
    text = f"{rounded:,f}"
    if not rounded:
        text = text.lstrip("-")
    if lang == "ru":
        group, decimal = SEPARATORS["ru"]
        text = text.replace(",", group).replace(".", decimal)
    return text


def number(x: float | int | None, lang: str = "ru", digits: int = 1) -> str:
    """A number with group separators and exactly ``digits`` decimals (``1 234,5``).

    The same text as Babel's ``format_decimal(x, "#,##0.0…", locale)`` (CLDR separators; the float's
    shortest decimal form rounded half to even), except that a value rounding to zero has no minus sign;
    written with :class:`decimal.Decimal` directly because Babel takes about 60 µs a call and a table
    view formats thousands of cells (``tests/test_fmt.py`` compares the two on random values).
    """
    if _missing(x):
        return DASH
    value = float(x)
    if math.isfinite(value) and abs(value) < _LARGEST and 0 <= digits < len(_QUANTUM):
        try:
            return _decimal_text(Decimal(repr(value)), lang, digits)
        except InvalidOperation:  # pragma: no cover - below _LARGEST the context's precision suffices
            pass
    pattern = "#,##0" + ("." + "0" * digits if digits > 0 else "")
    return format_decimal(value, format=pattern, locale=LOCALES[lang])


def integer(x: float | int | None, lang: str = "ru") -> str:
    """A whole number with group separators (``12 345``)."""
    return number(x, lang, digits=0)


def money_mln(x: float | None, lang: str = "ru", digits: int = 1) -> str:
    """Millions of roubles: ``1 234,5 млн ₽`` / ``RUB 1,234.5 mln``."""
    if _missing(x):
        return DASH
    body = number(x, lang, digits)
    return f"{body}\u00a0млн\u00a0₽" if lang == "ru" else f"RUB\u00a0{body}\u00a0mln"


def money_bn(x_mln: float | None, lang: str = "ru", digits: int = 1) -> str:
    """Billions of roubles from a value in millions: ``6,5 млрд ₽`` / ``RUB 6.5bn``."""
    if _missing(x_mln):
        return DASH
    body = number(float(x_mln) / 1000.0, lang, digits)
    return f"{body}\u00a0млрд\u00a0₽" if lang == "ru" else f"RUB\u00a0{body}bn"


def thousands(x: float | None, lang: str = "ru", digits: int = 1) -> str:
    """A count in thousands: ``110,3 тыс.`` / ``110.3k``."""
    if _missing(x):
        return DASH
    body = number(float(x) / 1000.0, lang, digits)
    return f"{body}\u00a0тыс." if lang == "ru" else f"{body}k"


def percent(share: float | None, lang: str = "ru", digits: int = 1) -> str:
    """A share 0–1 as a percentage: ``23,8 %`` (Russian: a no-break space before the sign, as GOST 8.417
    and the catalogs' own "10 %" write it) / ``23.8%``."""
    if _missing(share):
        return DASH
    value = float(share)
    if math.isfinite(value) and abs(value) < _LARGEST / 100 and 0 <= digits < len(_QUANTUM):
        # ×100 on the decimal form (as Babel's format_percent does), so 0.0125 is exactly 1.25 in both languages
        body = _decimal_text(Decimal(repr(value)).scaleb(2), lang, digits)
    else:
        body = number(100.0 * value, lang, digits)
    return body + percent_sign(lang)


def percent_sign(lang: str = "ru") -> str:
    """The sign after a percentage drawn by plotly (``ticksuffix``): ``"\u00a0%"`` in Russian, ``"%"`` in English."""
    return "\u00a0%" if lang == "ru" else "%"


def plotly_separators(lang: str = "ru") -> str:
    """Plotly's ``layout.separators`` (decimal then group) for the language."""
    return ", " if lang == "ru" else ".,"


def d3_number(digits: int = 1) -> str:
    """A d3 format for plotly hover and tick labels that uses the layout separators."""
    return f",.{digits}f"


def percent_ticks(values, lang: str = "ru", count: int = 5, include_zero: bool = True) -> dict[str, list]:
    """Axis or colour-bar ticks for shares (0–1) written by :func:`percent` — plotly's own ``%`` format
    cannot put the Russian no-break space before the sign. Returns ``{"tickvals": [...], "ticktext": [...]}``
    for ``update_yaxes(**...)`` / ``colorbar=dict(**...)``.

    Steps are 1, 2, 2.5 or 5 × 10ᵏ (in shares), about ``count`` ticks over the values' range (from 0 when
    ``include_zero``); decimals are the fewest that tell neighbouring ticks apart. No finite value: no ticks.
    """
    import math

    finite = [float(v) for v in values if not _missing(v) and math.isfinite(float(v))]
    if not finite:
        return {"tickvals": [], "ticktext": []}
    low, high = min(finite), max(finite)
    if include_zero:
        low, high = min(low, 0.0), max(high, 0.0)
    span = high - low or abs(high) or 1.0
    raw = span / max(count - 1, 1)
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw - 1e-15)
    first = math.floor(low / step + 1e-9) * step
    ticks, value = [], first
    while value <= high + step * 1e-9:
        ticks.append(round(value, 12))
        value = first + len(ticks) * step
    if ticks[-1] < high - step * 1e-9:
        ticks.append(round(first + len(ticks) * step, 12))
    digits = next(d for d in range(5) if abs(round(step * 100, d) - step * 100) < 1e-9)
    return {"tickvals": ticks, "ticktext": [percent(v, lang, digits) for v in ticks]}


def timestamp(x, lang: str = "ru") -> str:
    """A moment to the minute: ``07.12.2026 04:13`` / ``2026-12-07 04:13`` (no seconds, no fraction of them).
    Takes a ``datetime`` or a pandas ``Timestamp``; missing values show as an en dash."""
    if x is None or (isinstance(x, Real) and math.isnan(float(x))) or str(x) in ("NaT", "nan"):
        return DASH
    return x.strftime("%d.%m.%Y %H:%M" if lang == "ru" else "%Y-%m-%d %H:%M")


def percent_short(share: float | None, lang: str = "ru") -> str:
    """A share 0–1 as a percentage with the fewest decimals (at most two) that write it exactly: 0.1 →
    ``10 %`` / ``10%``, 0.125 → ``12,5 %`` / ``12.5%`` (thresholds quoted in help texts)."""
    if _missing(share):
        return DASH
    digits = next((d for d in range(3) if abs(round(100 * float(share), d) - 100 * float(share)) < 1e-9), 2)
    return percent(share, lang, digits)
