"""Rules on typed columns: a ``pandera`` schema per table (ranges, check digits, required values),
duplicate keys within a file, INN region hints.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import pandera.pandas as pa
import pyarrow as pa_
import pyarrow.compute as pc

from analytics.data.validate import hints
from analytics.data.validate.cells import Cells
from analytics.data.validate.identifiers import inn_valid, ogrn_valid
from analytics.data.validate.issues import Issue, msg
from analytics.data.validate.tables import MUST_DIFFER, TableSpec, bounds
from analytics.data.validate.text import _arrow, _digit_strings


def _rules(spec: TableSpec) -> pa.DataFrameSchema:
    columns: dict[str, pa.Column] = {}
    for column in spec.columns:
        checks: list[pa.Check] = []
        if column.kind == "inn":
            checks.append(pa.Check(inn_valid, error="inn_checksum"))
        elif column.kind == "ogrn":
            checks.append(pa.Check(ogrn_valid, error="ogrn_checksum"))
        elif column.kind == "year":
            checks.append(pa.Check.in_range(column.low, column.high, error="year_range"))
        elif column.kind in ("int", "float", "money", "founded"):
            low, high = bounds(column)
            if column.low == 0:
                checks.append(pa.Check.ge(0, error="negative"))
            else:
                checks.append(pa.Check.ge(low, error="out_of_range"))
            checks.append(pa.Check.le(high, error="out_of_range"))
            if column.name == "weight":
                checks.append(pa.Check.gt(0, error="not_positive"))
        columns[column.name] = pa.Column(checks=checks, nullable=not column.required, required=False)
    return pa.DataFrameSchema(columns, strict=False, coerce=False)


_RULES: dict[str, pa.DataFrameSchema] = {}
# pandera imports and registers its pandas backends on the first validation (about 0.1 s): done with
# this module's other imports, so an analyst's first file does not pay for it.
pa.DataFrameSchema.register_default_backends(pd.DataFrame)


def check_rules(cells: Cells, spec: TableSpec, rows: np.ndarray, cap: int = 200) -> Cells:
    """Apply the table's pandera rules to the typed columns; failures join the cell issues.

    Cells that already failed to read are not reported twice.
    """
    rules = _RULES.setdefault(spec.name, _rules(spec))
    issues, counts = list(cells.issues), dict(cells.counts)
    frame = cells.frame
    try:
        rules.validate(frame, lazy=True, inplace=True)  # nothing is coerced: no copy of a million rows
        failures = pd.DataFrame(columns=["column", "check", "failure_case", "index"])
    except pa.errors.SchemaErrors as exc:
        failures = exc.failure_cases
    flagged = {c: m.copy() for c, m in cells.flagged.items()}
    per_code: dict[str, int] = {}
    for column, check, value, index in zip(
        failures["column"], failures["check"], failures["failure_case"], failures["index"]
    ):
        if index is None or pd.isna(index):
            continue
        position = int(index)
        row = int(rows[position])
        mask = flagged.setdefault(column, np.zeros(len(frame), dtype=bool))
        if mask[position]:
            continue
        mask[position] = True
        code = "required" if check == "not_nullable" else str(check)
        spec_column = spec.column(column)
        counts[code] = counts.get(code, 0) + 1
        per_code[code] = per_code.get(code, 0) + 1
        if per_code[code] > cap:
            continue
        params: dict[str, Any] = {}
        if code == "year_range":
            params = {"low": spec_column.low, "high": spec_column.high}
        elif code in ("out_of_range", "negative", "not_positive"):
            low, high = bounds(spec_column)
            params = {"low": _show(low), "high": _show(high)}
        elif code == "required":
            params = {"example": spec_column.example} if spec_column.example else {}
        elif code in ("inn_checksum", "ogrn_checksum") and isinstance(value, str):
            fixed = (hints.inn_expected if code == "inn_checksum" else hints.ogrn_expected)(value)
            if fixed:
                params = {"fixed": fixed, "expected": fixed[-2:] if len(fixed) == 12 else fixed[-1]}
        shown = None if value is None or (not isinstance(value, str) and pd.isna(value)) else _show(value)
        issues.append(Issue(row, column, shown, msg(code, **params)))
    if spec.name in MUST_DIFFER:
        a, b = MUST_DIFFER[spec.name]
        same = (frame[a] == frame[b]).fillna(False).to_numpy()
        if same.any():
            counts["same_inn"] = counts.get("same_inn", 0) + int(same.sum())
            for position in np.flatnonzero(same)[:cap]:
                issues.append(Issue(int(rows[position]), b, str(frame[b].iloc[position]), msg("same_inn")))
    return Cells(frame, issues, cells.warnings, counts, flagged)


def _show(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def key_order(frame: pd.DataFrame, key: tuple[str, ...]) -> tuple[bool, bool]:
    """(rows in ascending order of ``key``, some row's key equal to the next row's), comparing each
    row with the next in Arrow, lexicographically over the key's columns (milliseconds for a million
    rows). A file in key order has no duplicate keys unless two neighbours share one; the store
    writes such a file without sorting it (:func:`analytics.store.versions.apply`)."""
    if len(frame) < 2:
        return True, False
    out_of_order = tied = None
    for column in key:
        values = pa_.array(
            frame[column].array if isinstance(frame[column].array, pd.arrays.ArrowStringArray) else frame[column]
        )
        before, after = values[:-1], values[1:]
        less, equal = pc.less(after, before), pc.equal(after, before)
        out_of_order = less if out_of_order is None else pc.or_(out_of_order, pc.and_(tied, less))
        tied = equal if tied is None else pc.and_(tied, equal)
    return not pc.any(out_of_order).as_py(), bool(pc.any(tied).as_py())


def duplicates_in_file(
    frame: pd.DataFrame, key: tuple[str, ...], rows: np.ndarray, cap: int = 200
) -> tuple[list[Issue], int]:
    """Rows whose key repeats an earlier row of the file: ``(issues, count)``.

    Each repeat names the first row with the same key (``duplicate of row 7``).
    """
    keys = frame[list(key)]
    if keys.isna().all(axis=None):
        return [], 0
    ascending, neighbours_tie = key_order(frame, key) if not keys.isna().any(axis=None) else (False, True)
    if ascending and not neighbours_tie:  # fast path for a file in key order: no hashing
        return [], 0
    parts = [
        pc.cast(
            pa_.array(
                keys[k].array if isinstance(keys[k].array, pd.arrays.ArrowStringArray) else keys[k].astype("str").array
            ),
            pa_.large_string(),
        )
        for k in key
    ]
    parts = [pc.fill_null(p, "\x00") for p in parts]
    separator = pa_.scalar("\x1f", pa_.large_string())
    joined = parts[0] if len(parts) == 1 else pc.binary_join_element_wise(*parts, separator)
    if len(pc.unique(joined)) == len(keys):  # fast path: all keys distinct (one hash pass)
        return [], 0
    dup = keys.duplicated(keep="first").to_numpy()
    n = int(dup.sum())
    if not n:
        return [], 0
    first_pos = keys.groupby(list(key), dropna=False, sort=False).ngroup().to_numpy()
    first_row_of_group: dict[int, int] = {}
    for pos, g in enumerate(first_pos):
        first_row_of_group.setdefault(int(g), int(rows[pos]))
    issues = []
    for pos in np.flatnonzero(dup)[:cap]:
        value = " / ".join("" if pd.isna(v) else str(v) for v in keys.iloc[pos])
        issues.append(
            Issue(
                int(rows[pos]),
                key[0] if len(key) == 1 else ", ".join(key),
                value,
                msg("duplicate_in_file", first_row=first_row_of_group[int(first_pos[pos])]),
            )
        )
    return issues, n


def inn_region_mismatch(frame: pd.DataFrame) -> int:
    """Enterprises whose INN's first two digits (tax office region) differ from ``region_code``.

    A soft hint, not an error: a firm registered elsewhere may operate in the region. INNs that are
    not 10 or 12 digits already have an error of their own and are not counted.
    """
    if "inn" not in frame or "region_code" not in frame:
        return 0
    inn = _arrow(frame["inn"])
    both = _digit_strings(inn, (10, 12)) & frame["region_code"].notna().to_numpy()
    return int(
        (both & (frame["inn"].str.slice(0, 2) != frame["region_code"]).to_numpy(dtype=bool, na_value=False)).sum()
    )
