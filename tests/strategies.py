"""Hypothesis strategies for Russian tax identifiers with correct check digits, and with one digit changed.

The check digits are written here from the tax service's published rules, independently of
``analytics.data.validate.identifiers`` (which is what the tests check) — plain Python integers, no numpy:

* INN of an organisation, 10 digits (Приказ ФНС России от 29.06.2012 № ММВ-7-6/435@, приложение;
  ФНС «Порядок формирования ИНН»): n10 = (2·n1 + 4·n2 + 10·n3 + 3·n4 + 5·n5 + 9·n6 + 4·n7 + 6·n8 + 8·n9)
  mod 11 mod 10.
* INN of a person, 12 digits: n11 = (7·n1 + 2·n2 + 4·n3 + 10·n4 + 3·n5 + 5·n6 + 9·n7 + 4·n8 + 6·n9 + 8·n10)
  mod 11 mod 10; n12 = (3·n1 + 7·n2 + 2·n3 + 4·n4 + 10·n5 + 3·n6 + 5·n7 + 9·n8 + 4·n9 + 6·n10 + 8·n11)
  mod 11 mod 10.
* OGRN, 13 digits (Приказ МНС России от 03.03.2004 № БГ-3-09/178 and the ЕГРЮЛ rules): the first digit
  is the record's sign (1 or 5 — an OGRN; 2, 6, 7, 8, 9 — a state registration number, ГРН), the 13th is
  «младший разряд остатка от деления предыдущего 12-значного числа на 11» (a remainder of 10 gives 0).
* OGRNIP, 15 digits (ЕГРИП): first digit 3 (ОГРНИП) or 4 (ГРН of an entrepreneur's record), the 15th is
  the last digit of the 14-digit number's remainder mod 13 (remainders 10–12 give 0–2; python-stdnum
  refuses those — its only disagreement with the rule).

A changed digit does not always break a code: the check digit keeps only the last digit of the
remainder, so a body change that moves the remainder between 0 and 10 (mod 11) or between r and r + 10
(mod 13) leaves a valid code. ``one_digit_changed`` therefore yields the changed code as is; tests take
the verdict from ``*_is_valid`` below (and python-stdnum) — ``broken_*`` keep only changes that break it.
"""

from __future__ import annotations

from hypothesis import strategies as st

INN10_WEIGHTS = (2, 4, 10, 3, 5, 9, 4, 6, 8)
INN11_WEIGHTS = (7, 2, 4, 10, 3, 5, 9, 4, 6, 8)
INN12_WEIGHTS = (3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8)
OGRN_SIGNS = "1256789"  # 1, 5: OGRN; 2, 6, 7, 8, 9: ГРН (a later record about the same legal entity)
OGRNIP_SIGNS = "34"  # 3: ОГРНИП; 4: ГРНИП


def _weighted_check(digits: str, weights: tuple[int, ...]) -> str:
    return str(sum(int(d) * w for d, w in zip(digits, weights, strict=True)) % 11 % 10)


def inn_check_digits(body: str) -> str:
    """The check digits that complete a 9-digit (organisation) or 10-digit (person) INN body."""
    if len(body) == 9:
        return _weighted_check(body, INN10_WEIGHTS)
    n11 = _weighted_check(body, INN11_WEIGHTS)
    return n11 + _weighted_check(body + n11, INN12_WEIGHTS)


def ogrn_check_digit(body: str) -> str:
    """The check digit after a 12-digit OGRN body (mod 11) or a 14-digit OGRNIP body (mod 13)."""
    return str(int(body) % (11 if len(body) == 12 else 13) % 10)


def inn_is_valid(code: str) -> bool:
    """A 10- or 12-digit INN whose check digits match the rule (no other check: any region, any body)."""
    if len(code) not in (10, 12) or not (code.isascii() and code.isdigit()):
        return False
    body = 9 if len(code) == 10 else 10
    return code[body:] == inn_check_digits(code[:body])


def ogrn_is_valid(code: str) -> bool:
    """A 13-digit OGRN (sign 1–9) or 15-digit OGRNIP (sign 3 or 4) whose check digit matches the rule."""
    if not (code.isascii() and code.isdigit()):
        return False
    if len(code) == 13:
        return code[0] != "0" and code[-1] == ogrn_check_digit(code[:-1])
    if len(code) == 15:
        return code[0] in OGRNIP_SIGNS and code[-1] == ogrn_check_digit(code[:-1])
    return False


def _digits(n: int) -> st.SearchStrategy[str]:
    return st.text(alphabet="0123456789", min_size=n, max_size=n)


def valid_inn10() -> st.SearchStrategy[str]:
    """A 10-digit INN of an organisation with its check digit (region 01–99 first, as the tax service issues)."""
    body = st.tuples(st.integers(1, 99).map("{:02d}".format), _digits(7)).map("".join)
    return body.map(lambda b: b + inn_check_digits(b))


def valid_inn12() -> st.SearchStrategy[str]:
    """A 12-digit INN of a person (or an entrepreneur) with both check digits."""
    body = st.tuples(st.integers(1, 99).map("{:02d}".format), _digits(8)).map("".join)
    return body.map(lambda b: b + inn_check_digits(b))


def valid_inn() -> st.SearchStrategy[str]:
    return st.one_of(valid_inn10(), valid_inn12())


def valid_ogrn() -> st.SearchStrategy[str]:
    """A 13-digit OGRN: sign, year (2 digits), region (2), tax office (2), record number (5), check digit."""
    body = st.tuples(st.sampled_from(OGRN_SIGNS), _digits(2), st.integers(1, 99).map("{:02d}".format), _digits(7)).map(
        "".join
    )
    return body.map(lambda b: b + ogrn_check_digit(b))


def valid_ogrnip(remainder_above_nine: bool | None = None) -> st.SearchStrategy[str]:
    """A 15-digit OGRNIP (sign 3 or 4, year, region, 9 digits) with its check digit; with
    ``remainder_above_nine`` True/False only bodies whose remainder mod 13 is 10–12 / 0–9."""
    body = st.tuples(
        st.sampled_from(OGRNIP_SIGNS), _digits(2), st.integers(1, 99).map("{:02d}".format), _digits(9)
    ).map("".join)
    if remainder_above_nine is not None:
        body = body.filter(lambda b: (int(b) % 13 >= 10) == remainder_above_nine)
    return body.map(lambda b: b + ogrn_check_digit(b))


def one_digit_changed(codes: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """A code from ``codes`` with exactly one digit replaced by another digit (may still be valid: see above)."""

    @st.composite
    def change(draw) -> str:
        code = draw(codes)
        i = draw(st.integers(0, len(code) - 1))
        new = draw(st.sampled_from([d for d in "0123456789" if d != code[i]]))
        return code[:i] + new + code[i + 1 :]

    return change()


def broken_inn() -> st.SearchStrategy[str]:
    """A valid INN with one digit changed so that its check digits no longer match."""
    return one_digit_changed(valid_inn()).filter(lambda c: not inn_is_valid(c))


def broken_ogrn() -> st.SearchStrategy[str]:
    """A valid OGRN or OGRNIP with one digit changed so that it no longer passes (sign or check digit)."""
    return one_digit_changed(st.one_of(valid_ogrn(), valid_ogrnip())).filter(lambda c: not ogrn_is_valid(c))
