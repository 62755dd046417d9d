"""What each table accepts from a file, how cells are read, and which rules they must pass.

Three layers, all vectorised (a 1,000,000-row file is validated in about a second):

1. **Headers** (:func:`match_header`): Russian or English, any case and order, punctuation and
   units ignored — «ИНН», «Inn», «Численность, чел.» … — through the alias table :data:`TABLES`
   (documented in the README). Money columns read their unit from the header: «Выручка, тыс. руб.»
   is converted to millions of roubles (× 0.001).
2. **Cells** (:func:`read_cells`): text is trimmed; numbers accept a decimal comma or point,
   thousands separators (space, no-break space, narrow no-break space, apostrophe, or the other
   separator) and the Unicode minus; dates ``dd.mm.yyyy`` and ISO ``yyyy-mm-dd`` (``founded`` keeps
   the year); booleans да/нет, true/false, 1/0; cells marked as suppressed by statistics offices
   («к», «…», «-») are read as missing, never as zero. Identifiers stay text: an INN that lost its
   leading zero is reported, never repaired.
3. **Rules** (:func:`check_rules`): a ``pandera`` schema per table — required values, ranges, code
   formats, INN/OGRN check digits, allowed values — whose failures become :class:`Issue` values.

Duplicates, references to other tables and duplicates against the store are checked by
:mod:`analytics.data.ingest` in SQL on the staged rows.

Messages are *codes with parameters* (:class:`Message`), never text: the texts live in the UI
catalog ``ui/texts/data.py`` under ``ingest.<code>`` in Russian and English;
``Message.text(lang)`` looks them up for notebooks and scripts. Rows are numbered as a spreadsheet
shows them: the header is row 1, the first data row is row 2 (``None``: the whole file or column).

Identifier rules: ``docs/regulations.md`` (INN 10/12 digits with check digits, OGRN 13/15, OKVED 2
``dd[.d[d][.d[d]]]`` present in the classifier, OKTMO 8 or 11 digits). Units: persons, mln ₽.

Modules: :mod:`~analytics.data.validate.issues` (messages, :class:`Issue`),
:mod:`~analytics.data.validate.tables` (table specs), :mod:`~analytics.data.validate.headers`,
:mod:`~analytics.data.validate.text` (Arrow text primitives), :mod:`~analytics.data.validate.identifiers`
(OKVED facts, INN/OGRN check digits), :mod:`~analytics.data.validate.cells` (numbers, dates, text
checks), :mod:`~analytics.data.validate.rules` (pandera rules, duplicates). The names are importable
from this package.
"""

from __future__ import annotations

from analytics.data.validate import hints
from analytics.data.validate.cells import (
    FALSE_WORDS,
    MAX_TEXT,
    SUPPRESSED,
    TRUE_WORDS,
    Cells,
    _numbers,
    _numbers_general,
    parse_numbers,
    read_cells,
)
from analytics.data.validate.headers import (
    HeaderMatch,
    match_header,
    money_unit_given,
    normalise_header,
    template_frame,
    template_headers,
)
from analytics.data.validate.identifiers import (
    OKVED2_MISSING_DIVISIONS,
    OKVED2_SECTION_DIVISIONS,
    OKVED_PATTERN,
    inn_valid,
    ogrn_valid,
    okved_division_section,
    okved_level,
    okved_parent,
)
from analytics.data.validate.issues import MESSAGE_CODES, Issue, Message, msg
from analytics.data.validate.rules import check_rules, duplicates_in_file, inn_region_mismatch, key_order
from analytics.data.validate.tables import KINDS, MUST_DIFFER, TABLES, THIS_YEAR, Column, TableSpec, schema_columns
from analytics.data.validate.text import _SUSPECT_IDENT, _SUSPECT_TEXT, _arrow, _cells_with_bytes

__all__ = [
    "hints",
    "Message",
    "msg",
    "Issue",
    "MESSAGE_CODES",
    "_arrow",
    "_SUSPECT_TEXT",
    "_SUSPECT_IDENT",
    "_cells_with_bytes",
    "OKVED2_SECTION_DIVISIONS",
    "OKVED2_MISSING_DIVISIONS",
    "OKVED_PATTERN",
    "okved_division_section",
    "okved_level",
    "okved_parent",
    "inn_valid",
    "ogrn_valid",
    "KINDS",
    "THIS_YEAR",
    "Column",
    "TableSpec",
    "TABLES",
    "MUST_DIFFER",
    "schema_columns",
    "normalise_header",
    "HeaderMatch",
    "match_header",
    "money_unit_given",
    "template_headers",
    "template_frame",
    "SUPPRESSED",
    "TRUE_WORDS",
    "FALSE_WORDS",
    "MAX_TEXT",
    "Cells",
    "parse_numbers",
    "_numbers",
    "_numbers_general",
    "read_cells",
    "check_rules",
    "key_order",
    "duplicates_in_file",
    "inn_region_mismatch",
]
