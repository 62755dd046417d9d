"""File headers → store columns: the remembered manual mapping per table, unknown / missing / twice-mapped
columns, and the columns a layout derives (sector level, parent, section) or copies (``name_en``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import duckdb
import numpy as np
import pandas as pd

from analytics import store
from analytics.data import validate
from analytics.data.ingest.read import CAP_PER_CODE, RawTable
from analytics.data.validate import Issue, TableSpec, msg


def remembered_mapping(con: duckdb.DuckDBPyConnection, table: str) -> dict[str, str | None]:
    """Mappings saved for ``table``: normalised file header → store column (``None`` = skip)."""
    frame = store.query(con, "SELECT header, column_name FROM column_mappings WHERE table_name = ?", [table])
    return {h: (c if isinstance(c, str) and c else None) for h, c in zip(frame["header"], frame["column_name"])}


def save_mapping(
    con: duckdb.DuckDBPyConnection, table: str, mapping: Mapping[str, str | None], user: str | None = None
) -> int:
    """Remember ``mapping`` (file header → store column, or ``None`` to skip) for ``table``."""
    spec = validate.TABLES[table]
    rows = []
    for header, column in mapping.items():
        if column is not None and column not in spec.names:
            raise ValueError(f"{table} has no column {column!r}")
        norm = validate.normalise_header(header)
        if norm:
            rows.append([table, norm, column, user or "system"])
    with con.cursor() as cur, store.transaction(cur):
        for row in rows:
            cur.execute(
                "INSERT OR REPLACE INTO column_mappings (table_name, header, column_name, user_name, updated_at) "
                "VALUES (?, ?, ?, ?, current_timestamp)",
                row,
            )
    return len(rows)


def _map_headers(
    raw: RawTable, spec: TableSpec, mapping: Mapping[str, str | None]
) -> tuple[dict[int, str], dict[str, float], list[Issue], list[Issue], list[str], dict[str, str]]:
    """Place each file column: (position → store column, money scales, errors, warnings, unknown, header map)."""
    placed: dict[int, str] = {}
    scales: dict[str, float] = {}
    errors: list[Issue] = []
    warnings: list[Issue] = []
    unknown: list[str] = []
    shown: dict[str, str] = {}
    seen_norm: dict[str, str] = {}
    header_row = raw.header_row
    for position, header in enumerate(raw.headers):
        norm = validate.normalise_header(header)
        if not norm:
            column_empty = (raw.cells[position].str.strip() == "").all() if position in raw.cells else True
            if not column_empty:
                errors.append(Issue(header_row, None, None, msg("header_empty", position=position + 1)))
            continue
        if norm in seen_norm:
            errors.append(Issue(header_row, header, header, msg("header_duplicate", header=header)))
            continue
        seen_norm[norm] = header
        if norm in mapping:
            target = mapping[norm]
            if target is None:
                shown[header] = ""
                warnings.append(Issue(None, header, None, msg("column_ignored", header=header)))
                continue
            column, scale, unit = target, 1.0, None
            own = validate.match_header(spec, header)
            if own.column == target:
                scale, unit = own.scale, own.unit
        else:
            match = validate.match_header(spec, header)
            column, scale, unit = match.column, match.scale, match.unit
        if column is None:
            unknown.append(header)
            errors.append(Issue(header_row, header, header, msg("column_unknown", header=header)))
            continue
        if column in placed.values():
            other = next(raw.headers[p] for p, c in placed.items() if c == column)
            errors.append(
                Issue(header_row, column, header, msg("column_twice", column=column, headers=f"{other} / {header}"))
            )
            continue
        placed[position] = column
        shown[header] = column
        if spec.column(column).kind == "money":
            scales[column] = scale
            if scale != 1.0:
                warnings.append(Issue(None, column, header, msg("unit_converted", header=header, unit=unit)))
            elif not validate.money_unit_given(header) and norm not in mapping:
                warnings.append(Issue(None, column, header, msg("unit_assumed", header=header)))
    return placed, scales, errors, warnings, unknown, shown


_DERIVED = {"sectors": ("level", "parent", "section")}
_COPIED = {"municipalities": {"name_en": "name_ru"}, "regions": {"name_en": "name_ru"}}


def _missing_required(spec: TableSpec, present: set[str]) -> list[Issue]:
    derivable = set(_DERIVED.get(spec.name, ())) | set(_COPIED.get(spec.name, {}))
    return [
        Issue(None, c.name, None, msg("column_missing", column=c.name))
        for c in spec.columns
        if c.required and c.name not in present and c.name not in derivable
    ]


def _derive(
    frame: pd.DataFrame, spec: TableSpec, present: set[str], rows: np.ndarray
) -> tuple[pd.DataFrame, list[Issue], list[Issue]]:
    """Fill derivable columns: sector level/parent/section from the code; English names from Russian."""
    errors: list[Issue] = []
    warnings: list[Issue] = []
    if spec.name == "sectors":
        codes = frame["code"]
        known = set(codes.dropna())
        levels = codes.map(lambda c: validate.okved_level(c) if isinstance(c, str) else None)
        derived_section = codes.map(lambda c: _section_of(c) if isinstance(c, str) else None)
        if "level" not in present:
            frame["level"] = pd.Series(levels, dtype="str")
        if "parent" not in present:
            frame["parent"] = pd.Series(
                codes.map(lambda c: validate.okved_parent(c, known) if isinstance(c, str) else None), dtype="str"
            )
        if "section" in present:
            given = frame["section"]
            wrong = (given.notna() & derived_section.notna() & (given != derived_section)).to_numpy()
            for pos in np.flatnonzero(wrong)[:CAP_PER_CODE]:
                errors.append(
                    Issue(
                        int(rows[pos]),
                        "section",
                        str(given.iloc[pos]),
                        msg("okved_section", code=str(codes.iloc[pos]), section=str(derived_section.iloc[pos])),
                    )
                )
            frame["section"] = given.where(given.notna(), derived_section)
        else:
            frame["section"] = pd.Series(derived_section, dtype="str")
        bad_division = (codes.notna() & levels.notna() & derived_section.isna()).to_numpy()
        for pos in np.flatnonzero(bad_division)[:CAP_PER_CODE]:
            errors.append(Issue(int(rows[pos]), "code", str(codes.iloc[pos]), msg("okved_version1")))
    for target, source in _COPIED.get(spec.name, {}).items():
        missing = frame[target].isna() & frame[source].notna()
        if missing.any():
            frame[target] = frame[target].where(~missing, frame[source])
            warnings.append(Issue(None, target, None, msg("name_en_copied", count=int(missing.sum()))))
    return frame, errors, warnings


def _section_of(code: str) -> str | None:
    if re.fullmatch(r"[A-U]", code):
        return code
    m = re.match(r"(\d{2})", code)
    return validate.okved_division_section(int(m.group(1))) if m else None
