"""SQL text composition: fixed text written in the code plus names forced through
:func:`quote_identifier`. Values never enter SQL text; they travel as ``?`` parameters.

A template is a ``LiteralString``; every plain string put into it must pass the identifier
allow-list, and ready-made pieces are :class:`SQL` values that only these helpers produce.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Literal, LiteralString


class SQL(str):
    """A piece of SQL text made by this module from fixed text and quoted identifiers only.

    Only the helpers below (and a literal written in the code, e.g. ``SQL("FALSE")``) make one;
    :func:`sql` puts an ``SQL`` piece in as it is and quotes every plain ``str``. Concatenating an
    ``SQL`` piece with ``+`` gives a plain ``str`` again, which :func:`sql` would refuse as a name.
    """

    __slots__ = ()


def quote_identifier(identifier: str) -> SQL:
    """Quote a table or column name for SQL after checking it against ``[a-z_][a-z0-9_]*``.

    Only names from the schema or module constants ever reach SQL text; values always travel as
    parameters. A name that does not fit raises ``ValueError`` instead of being interpolated.
    """
    if not re.fullmatch(r"[a-z_][a-z0-9_]*", identifier):
        raise ValueError(f"not a schema identifier: {identifier!r}")
    return SQL('"' + identifier + '"')


Part = SQL | str | Sequence[SQL | str]
_PLACEHOLDER = re.compile(r"\{([a-z_][a-z0-9_]*)\}")


def _part(value: SQL | str) -> SQL:
    if isinstance(value, SQL):
        return value
    if isinstance(value, str):
        return quote_identifier(value)
    raise TypeError(f"not an SQL piece or a name: {value!r}")


def sql(template: LiteralString, /, **parts: Part) -> SQL:
    """``template`` (fixed text written in the code, with ``{name}`` placeholders) filled in.

    An :class:`SQL` piece goes in as it is; a ``str`` goes in as a quoted identifier
    (:func:`quote_identifier` refuses anything that is not one); a list or tuple goes in item by
    item, the same way, joined by ``", "``. Values never pass through here: they travel as ``?``
    parameters. Every placeholder must be given and every part used.
    """
    used: set[str] = set()

    def fill(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in parts:
            raise KeyError(f"no part for {{{name}}} in the SQL template")
        used.add(name)
        value = parts[name]
        if isinstance(value, (list, tuple)):
            return joined([_part(v) for v in value])
        return _part(value)  # type: ignore[arg-type]

    text = _PLACEHOLDER.sub(fill, template)
    if unused := set(parts) - used:
        raise TypeError(f"SQL parts not in the template: {sorted(unused)}")
    return SQL(text)


def joined(pieces: Iterable[SQL], separator: Literal[", ", " AND ", " OR ", " UNION ALL "] = ", ") -> SQL:
    """``SQL`` pieces joined by one of a few fixed separators (a plain ``str`` piece is refused)."""
    if separator not in (", ", " AND ", " OR ", " UNION ALL "):
        raise ValueError(f"not an SQL separator: {separator!r}")
    pieces = list(pieces)
    for piece in pieces:
        if not isinstance(piece, SQL):
            raise TypeError(f"not an SQL piece: {piece!r}")
    return SQL(separator.join(pieces))


def columns(names: Iterable[str], prefix: str | None = None) -> SQL:
    """Quoted column names joined by ``", "``, each qualified by ``prefix`` when given:
    ``columns(["a", "b"], "s")`` → ``"s"."a", "s"."b"``."""
    if prefix is None:
        return joined(quote_identifier(n) for n in names)
    return joined(sql("{p}.{n}", p=prefix, n=n) for n in names)


def equal(names: Iterable[str], left: str | None, right: str, joiner: Literal[" AND ", ", "] = " AND ") -> SQL:
    """``left.name = right.name`` for each name, joined by ``joiner``:
    ``equal(["k"], "t", "s")`` → ``"t"."k" = "s"."k"``. ``left=None`` leaves the left side unqualified
    (an ``UPDATE ... SET`` list: ``equal(["a"], None, "t", ", ")`` → ``"a" = "t"."a"``)."""
    if left is None:
        return joined((sql("{n} = {r}.{n}", n=n, r=right) for n in names), joiner)
    return joined((sql("{l}.{n} = {r}.{n}", l=left, n=n, r=right) for n in names), joiner)


def sql_type(name: str) -> SQL:
    """An SQL type name for ``CAST(... AS <type>)`` (as ``information_schema`` spells it: ``VARCHAR``,
    ``DOUBLE``, ``DECIMAL(18,3)``, ``TIMESTAMP WITH TIME ZONE``), after checking it against
    ``[A-Z][A-Z0-9 ]*`` with an optional ``(precision[, scale])``; anything else raises ``ValueError``."""
    if not re.fullmatch(r"[A-Z][A-Z0-9 ]*(\(\d+(, ?\d+)?\))?", name):
        raise ValueError(f"not an SQL type name: {name!r}")
    return SQL(name)


def text_list(values: Iterable[str]) -> SQL:
    """A parenthesised list of text literals for ``CHECK (column IN ...)`` in the schema's DDL, where
    parameters cannot go: ``text_list(("rd", "pilot"))`` → ``('rd', 'pilot')``. Each value must be a
    lower-case code (``[a-z][a-z0-9_]*``: a module constant such as a status or a stage name);
    anything else raises ``ValueError``. Values a query compares with travel as ``?`` parameters."""
    values = list(values)
    if not values:
        raise ValueError("an empty SQL list")
    for value in values:
        if not isinstance(value, str) or not re.fullmatch(r"[a-z][a-z0-9_]*", value):
            raise ValueError(f"not a code for an SQL list: {value!r}")
    return SQL("(" + ", ".join("'" + v + "'" for v in values) + ")")
