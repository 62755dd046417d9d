"""Messages of the loader: codes with parameters (:class:`Message`), and :class:`Issue` (row, column, value, message)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, NamedTuple

from analytics.data import messages, rosstat_io

_IO_LAYOUT_CODES = tuple(rosstat_io.MESSAGES)


@dataclass(frozen=True)
class Message:
    """A message code and its parameters; the text is in the UI catalogs (``ingest.<code>``)."""

    code: str
    params: tuple[tuple[str, Any], ...] = ()

    @property
    def values(self) -> dict[str, Any]:
        return dict(self.params)

    def text(self, lang: str = "en") -> str:
        """The message in ``lang`` (``ru`` / ``en``), parameters filled in as given, with its hint."""
        text = messages.render("ingest." + self.code, lang, **self.values)
        hint = self.hint(lang)
        return f"{text} {hint}" if hint else text

    def hint(self, lang: str = "en") -> str | None:
        """How to fix it (the expected format with an example, check digit, nearest codes, range), if known."""
        return messages.render_hint(self.code, lang, **self.values)

    def __str__(self) -> str:
        return self.text("en")


def msg(code: str, **params: Any) -> Message:
    """Shorthand for :class:`Message` (parameters sorted for stable equality)."""
    return Message(code, tuple(sorted(params.items())))


class Issue(NamedTuple):
    """One problem: spreadsheet row (header = 1; ``None`` = whole file), store column, cell value, message."""

    row: int | None
    column: str | None
    value: str | None
    message: Message

    @property
    def code(self) -> str:
        return self.message.code


#: Every message code the loader can produce (each has ``ingest.<code>`` in both catalogs).
MESSAGE_CODES: tuple[str, ...] = (
    # the file
    "file_too_large",
    "too_many_rows",
    "empty_file",
    "no_data_rows",
    "not_text",
    "xls_old_format",
    "xlsx_broken",
    "encoding_unknown",
    "encoding_mixed",
    "delimiter_unknown",
    "quote_unclosed",
    "field_count",
    "header_duplicate",
    "header_empty",
    "column_unknown",
    "column_missing",
    "column_twice",
    "table_unknown",
    "mode_unknown",
    "store_rejected",
    "store_changed",
    "version_unknown",
    # cells
    "required",
    "not_number",
    "not_integer",
    "negative",
    "out_of_range",
    "not_positive",
    "year_range",
    "not_bool",
    "not_date",
    "enum",
    "inn_format",
    "inn_lost_zero",
    "inn_checksum",
    "inn_scientific",
    "ogrn_format",
    "ogrn_checksum",
    "okved_format",
    "okved_number",
    "okved_unknown",
    "okved_version1",
    "okved_section",
    "oktmo_format",
    "oktmo_lost_zero",
    "region_format",
    "section_format",
    "ident_format",
    "formula",
    "formula_like",
    "html",
    "control_chars",
    "too_long",
    "same_inn",
    "duplicate_in_file",
    "duplicate_in_store",
    "ref_missing",
    "still_referenced",
    "rollback_blocked",
    "template_row_held",
    "template_needs",
    "fix_not_encodable",
    # hostile and tricky files (issue 14)
    "xlsx_bomb",
    "xlsx_too_many_strings",
    "xlsx_too_many_cells",
    "parse_limit",
    "not_finite",
    "number_ambiguous",
    "invisible_chars",
    "bidi_chars",
    "markdown_link",
    "excel_error",
    "sector_cycle",
    "line_too_long",
    "bare_cr",
    # warnings
    "header_row",
    "sheet_used",
    "suppressed",
    "unit_converted",
    "unit_assumed",
    "column_ignored",
    "name_en_copied",
    "names_en_kept",
    "inn_region",
    "layout_used",
    # boundaries (GeoJSON)
    "boundary_level",
    "json_invalid",
    "geojson_type",
    "geometry_type",
    "geometry_invalid",
    "boundary_no_match",
    "boundary_property",
    "boundary_unmatched",
    "boundary_merged",
    # Rosstat wide tables (analytics/data/rosstat_load.py)
    "rosstat_unreadable",
    "rosstat_no_rows",
    "rosstat_choose_indicator",
    "rosstat_target",
    "rosstat_unmatched",
    "rosstat_skipped",
    "rosstat_read",
    "rosstat_unit",
    # FNS open data (analytics/data/fns.py, fns_load.py; texts in analytics/data/fns_messages.py)
    "fns_zip_members",
    "fns_zip_member_size",
    "fns_zip_total_size",
    "fns_zip_ratio",
    "fns_zip_encrypted",
    "fns_zip_broken",
    "fns_file_size",
    "fns_dtd",
    "fns_not_xml",
    "fns_not_fns",
    "fns_xml_broken",
    "fns_truncated",
    "fns_unknown_type",
    "fns_mixed",
    "fns_no_documents",
    "fns_inn_format",
    "fns_inn_checksum",
    "fns_ogrn_checksum",
    "fns_duplicate_inn",
    "fns_number",
    "fns_date",
    "fns_doc_count",
    "fns_okved_2001",
    "fns_okved_format",
    "fns_code_unknown",
    "fns_tax_unknown",
    "fns_source_missing",
    "fns_not_in_store",
    "fns_other_region",
    "fns_entrepreneurs_skipped",
    "fns_okved_missing",
    "fns_okved_unknown",
    "fns_region_unknown",
    # input–output workbook (analytics/data/io_load.py; layout texts in analytics/data/rosstat_io.py)
    "io_read",
    "io_no_year",
    *(f"io_{code}" for code in _IO_LAYOUT_CODES),
)
