"""Fictional identifiers for the example rows of the loading templates.

An example row that reuses a real enterprise's INN makes the template fail as a duplicate when it is
uploaded as it is (issue 17). These numbers are valid — correct check digits, checked by
python-stdnum in the tests — but belong to no enterprise in the seed or the demo store:

- INN = region 40 (Kaluga) + tax authority 00 + record number + check digit. Code ``4000`` is the
  Kaluga regional tax directorate itself, not an inspection that registers organisations, so no
  registered organisation should carry it (not checked against the FNS register, which is not
  available offline).
- OGRN = sign 1 (legal entity) + year 24 + region 40 + tax authority 00 + record 12345 + check digit
  (the 12-digit number mod 11, mod 10).

The same organisation INN is used in every table's template, so that the templates loaded in order
(enterprises first) refer to one another; a supply link's buyer gets the second INN.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

#: A fictional legal entity of region 40 (10 digits; check digit 8).
EXAMPLE_INN = "4000123458"
#: A second fictional legal entity (the buyer of the example supply link; check digit 2).
EXAMPLE_PARTNER_INN = "4000543212"
#: A fictional OGRN of a legal entity registered in 2024 in region 40 (check digit 4).
EXAMPLE_OGRN = "1244000123454"
#: INN columns that name the *other* party of a pair (they must differ from the first INN).
PARTNER_COLUMNS = ("buyer_inn",)
#: The supply-links template links two enterprises the store must hold: two illustrative firms of the
#: demo seed (fictional, marked «(демо)», valid check digits, no link between them), so that the
#: template loads as it is on the demo store. On a store without them the loader says which INN to
#: load into «Предприятия» first.
SUPPLY_LINK_INNS = {"supplier_inn": "4099100256", "buyer_inn": "4099100270"}


def fictional(columns: Sequence[Any], example: Sequence[str], table: str | None = None) -> list[str]:
    """``example`` (one value per column of a table spec) with every INN and OGRN replaced by the
    fictional ones above; other values unchanged. ``columns``: objects with ``name`` and ``kind``."""
    out = []
    for column, value in zip(columns, example):
        if column.kind == "inn" and table == "supply_links":
            value = SUPPLY_LINK_INNS[column.name]
        elif column.kind == "inn":
            value = EXAMPLE_PARTNER_INN if column.name in PARTNER_COLUMNS else EXAMPLE_INN
        elif column.kind == "ogrn":
            value = EXAMPLE_OGRN
        out.append(value)
    return out
