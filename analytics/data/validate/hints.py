"""Hints for fixing a cell: the check digits an INN or OGRN should have, the nearest OKVED 2 codes.

INN check digits (Order of the Federal Tax Service of Russia No. ММВ-7-6/435@ and the algorithm in
``docs/regulations.md``): 10 digits — the 10th is Σ dᵢ·wᵢ over the first 9 with w = 2,4,10,3,5,9,4,6,8,
mod 11, mod 10; 12 digits — the 11th with w = 7,2,4,10,3,5,9,4,6,8 over the first 10, the 12th with
w = 3,7,2,4,10,3,5,9,4,6,8 over the first 11. OGRN: the 13th digit is (the first 12 as a number) mod 11
mod 10; OGRNIP: the 15th is (the first 14) mod 13 mod 10.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

_W10 = (2, 4, 10, 3, 5, 9, 4, 6, 8)
_W11 = (7, 2, 4, 10, 3, 5, 9, 4, 6, 8)
_W12 = (3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8)


def _check(digits: str, weights: tuple[int, ...]) -> str:
    return str(sum(int(d) * w for d, w in zip(digits, weights)) % 11 % 10)


def inn_expected(value: str) -> str | None:
    """The INN ``value`` with its check digit(s) recomputed from the digits before them
    (``4000123459`` → ``4000123458``); ``None`` unless 10 or 12 ASCII digits."""
    if not (value.isascii() and value.isdigit()) or len(value) not in (10, 12):
        return None
    if len(value) == 10:
        return value[:9] + _check(value[:9], _W10)
    eleventh = _check(value[:10], _W11)
    return value[:10] + eleventh + _check(value[:10] + eleventh, _W12)


def ogrn_expected(value: str) -> str | None:
    """The OGRN (13 digits) or OGRNIP (15) ``value`` with its check digit recomputed; ``None`` otherwise."""
    if not (value.isascii() and value.isdigit()) or len(value) not in (13, 15):
        return None
    if len(value) == 13:
        return value[:12] + str(int(value[:12]) % 11 % 10)
    return value[:14] + str(int(value[:14]) % 13 % 10)


def nearest_okved(code: str, known: Iterable[str], k: int = 3) -> list[str]:
    """Up to ``k`` codes of ``known`` nearest to ``code``. Within its division: the longest common
    prefix first, then the same level (as many digits), then the nearest number after the division
    read as a decimal fraction (29.99 → .99: 29.32 is nearer than 29.10). A code whose division
    ``known`` lacks gets the most similar spellings (``difflib``, ratio ≥ 0.5)."""
    pool = sorted({c for c in known if isinstance(c, str) and c[:1].isdigit()})
    text = str(code).strip()
    same = [c for c in pool if c[:2] == text[:2]]
    if not same:
        return difflib.get_close_matches(text, pool, n=k, cutoff=0.5)
    return sorted(
        same,
        key=lambda c: (-_common_prefix(c, text), abs(_depth(c) - _depth(text)), abs(_fraction(c) - _fraction(text)), c),
    )[:k]


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


def _depth(code: str) -> int:
    """Digits after the division: 29 → 0, 29.1 → 1, 29.10 → 2, 29.32.1 → 3 (the OKVED level)."""
    return sum(ch.isdigit() for ch in code[3:])


def _fraction(code: str) -> float:
    """The digits after the division as a decimal fraction: 29.32.1 → 0.321, 29 → 0."""
    rest = "".join(ch for ch in code[3:] if ch.isdigit())
    return float("0." + rest) if rest else 0.0
