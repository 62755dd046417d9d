"""Loading FNS open-data archives into the store in one step: preview, one transaction, versions, rollback.

Public contract::

    report = load_fns(con, "data-10062025-structure-10062025.zip", region="40", user="anna")
    report.ok, report.dataset, report.table, report.added, report.changed, report.skipped, report.version_id

    plan = prepare_fns(con, source, region="40")      # read, check, preview — writes nothing
    report = commit_fns(con, plan, user="anna")       # re-checks against the store, one transaction

What goes where (schema migration 7):

- **RSMP** (SME register) → ``enterprises``: INN, OGRN (kept when the file has none, as in 2019),
  name, main OKVED 2 code, region (``СведМН``), ``is_sme`` = true, ``sme_category``, ``legal_kind``,
  ``data_status`` = ``loaded``, ``source`` = «ФНС, реестр МСП на ДД.ММ.ГГГГ». A firm already in the
  store keeps what RSMP does not give (English name, OKTMO, coordinates, founding year, kind, cluster).
  Only ``region``'s organisations when given. Organisations without a main OKVED 2 code, with a code
  the loaded classifier lacks, or with a region the store lacks, are skipped and counted.
- **SSHR** → ``enterprise_years.employees``; **REVEXP** → ``income_mln_rub``, ``expenses_mln_rub``
  (totals of the statements: income is *not* sales revenue, ``revenue_mln_rub`` stays as it is);
  **PAYTAX** → ``taxes_<level>_mln_rub`` (sum of the year's lines per budget level, 0 for a level with
  no line). Year = year of ``ДатаСост`` (31.12.N → N). Joined by INN: an organisation not in the
  store is not added here (its figures are counted in the report: load RSMP first); with ``region``,
  only organisations of that region in the store.
- **Entrepreneurs and heads of farms** (12-digit INN) are personal data: skipped (and counted)
  unless ``include_entrepreneurs=True``.

A load is a ``replace`` of the table with its current rows plus the FNS changes, through
:func:`analytics.store.versions.apply`: only the changed rows enter the history, and any earlier version
can be restored (``ingest.rollback``). Any error leaves the store exactly as it was.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd

from analytics import store
from analytics.data import fns, ingest, validate
from analytics.data.ingest import LoadReport
from analytics.data.validate import Issue, msg
from analytics.store import columns, equal, schema, sql, versions

#: Store table each dataset fills, and the columns it sets there.
TARGETS: dict[str, tuple[str, tuple[str, ...]]] = {
    "rsmp": (
        "enterprises",
        ("ogrn", "name_ru", "okved", "region_code", "is_sme", "sme_category", "legal_kind", "data_status", "source"),
    ),
    "sshr": ("enterprise_years", ("employees", "data_status", "source")),
    "revexp": ("enterprise_years", ("income_mln_rub", "expenses_mln_rub", "data_status", "source")),
    "paytax": (
        "enterprise_years",
        (*(f"taxes_{level}_mln_rub" for level in schema.TAX_BUDGET_LEVELS), "data_status", "source"),
    ),
}
#: How the ``source`` column names each dataset (Russian, as the other sources in the store).
SOURCE_NAMES = {
    "rsmp": "ФНС, реестр МСП на {date}",
    "sshr": "ФНС, среднесписочная численность на {date}",
    "revexp": "ФНС, доходы и расходы по бухотчётности на {date}",
    "paytax": "ФНС, уплаченные налоги и сборы на {date}",
}


@dataclass
class FnsLoadReport(LoadReport):
    """A :class:`analytics.data.ingest.LoadReport` with the FNS dataset, its dates and what was skipped."""

    dataset: str | None = None
    as_of: list[date] = field(default_factory=list)
    documents: int = 0
    files: int = 0
    #: message code → count of organisations skipped for that reason (also in ``warnings``)
    skipped: dict[str, int] = field(default_factory=dict)
    skipped_examples: dict[str, str] = field(default_factory=dict)


@dataclass
class FnsPlan:
    """Checked FNS rows shaped for their table, and the preview computed from them."""

    report: FnsLoadReport
    rows: pd.DataFrame | None = None
    region: str | None = None
    samples: dict[str, pd.DataFrame] = field(default_factory=dict)
    fingerprint: str = ""


def _sha256(source: fns.Source) -> str | None:
    digest = hashlib.sha256()
    if isinstance(source, (bytes, bytearray, memoryview)):
        digest.update(source)
    elif hasattr(source, "read"):
        if not hasattr(source, "seek"):
            return None
        position = source.tell()
        for block in iter(lambda: source.read(1 << 20), b""):
            digest.update(block)
        source.seek(position)
    else:
        path = Path(source)
        if not path.is_file():
            return None  # a folder: the file names and sizes are in the version note
        with path.open("rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                digest.update(block)
    return digest.hexdigest()


def _name_of(source: fns.Source, file_name: str | None) -> str | None:
    if file_name:
        return Path(file_name).name[:200]
    if isinstance(source, (str, os.PathLike)):
        return Path(source).name[:200]
    return Path(getattr(source, "name", "") or "").name[:200] or None


def _skip(report: FnsLoadReport, code: str, count: int, example: str | None = None) -> None:
    """Count organisations skipped for ``code`` (the warnings are written once, by :func:`_skip_warnings`)."""
    if count:
        report.skipped[code] = report.skipped.get(code, 0) + int(count)
        if example is not None:
            report.skipped_examples.setdefault(code, example)


def _skip_warnings(report: FnsLoadReport) -> None:
    for code, count in report.skipped.items():
        example = report.skipped_examples.get(code)
        params = {"value": example} if code in ("fns_okved_unknown", "fns_region_unknown") else {}
        report.warnings.append(Issue(None, None, example, msg(code, count=count, **params)))


def _finish(report: FnsLoadReport, errors: list[Issue], counts: dict[str, int]) -> FnsLoadReport:
    report.errors, report.error_counts, report.ok = errors, counts, not errors
    return report


def _known(cur: duckdb.DuckDBPyConnection, statement: str) -> set[str]:
    return {r[0] for r in cur.execute(statement).fetchall()}


def _prefilter(
    chunk: pd.DataFrame,
    report: FnsLoadReport,
    region: str | None,
    include_entrepreneurs: bool,
    region_of: dict[str, str],
) -> pd.DataFrame:
    """Drop, chunk by chunk, what will not be loaded (memory follows the region, not the archive):
    RSMP — other regions and, unless asked, individuals; the yearly sets — INNs not in the store or
    (with ``region``) of other regions. A document's rows are never split between chunks."""
    if chunk.empty:
        return chunk
    if chunk["dataset"].iat[0] == "rsmp":
        if region is not None:
            other = (chunk["region_code"] != region).to_numpy(dtype=bool, na_value=True)
            _skip(report, "fns_other_region", int(other.sum()))
            chunk = chunk[~other]
        personal = (chunk["kind"].isin(["entrepreneur", "farm"]) | (chunk["inn"].str.len() == 12)).to_numpy(dtype=bool)
        if not include_entrepreneurs:
            _skip(report, "fns_entrepreneurs_skipped", int(personal.sum()))
            chunk = chunk[~personal]
        return chunk
    known = chunk["inn"].map(region_of)
    absent = known.isna().to_numpy()
    _skip(report, "fns_not_in_store", int(chunk.loc[absent, "inn"].nunique()))
    if region is not None:
        other = ~absent & (known != region).to_numpy(dtype=bool, na_value=True)
        _skip(report, "fns_other_region", int(chunk.loc[other, "inn"].nunique()))
        absent = absent | other
    return chunk[~absent]


def _rsmp_rows(cur: duckdb.DuckDBPyConnection, frame: pd.DataFrame, report: FnsLoadReport) -> pd.DataFrame:
    missing = frame["okved"].isna()
    _skip(report, "fns_okved_missing", int(missing.sum()))
    frame = frame[~missing]
    sectors = _known(cur, "SELECT code FROM sectors")
    unknown = ~frame["okved"].isin(sectors)
    if unknown.any():
        _skip(report, "fns_okved_unknown", int(unknown.sum()), str(frame.loc[unknown, "okved"].iloc[0]))
    frame = frame[~unknown]
    regions = _known(cur, "SELECT code FROM regions")
    unknown = ~frame["region_code"].isin(regions)
    if unknown.any():
        _skip(report, "fns_region_unknown", int(unknown.sum()), str(frame.loc[unknown, "region_code"].iloc[0]))
    frame = frame[~unknown]
    # Several monthly releases in one source: the latest state of each organisation wins.
    frame = frame.sort_values("as_of", kind="stable").drop_duplicates("inn", keep="last")
    return pd.DataFrame(
        {
            "inn": frame["inn"],
            "ogrn": frame["ogrn"],
            "name_ru": frame["name"],
            "okved": frame["okved"],
            "region_code": frame["region_code"],
            "is_sme": True,
            "sme_category": frame["sme_category"],
            "legal_kind": frame["kind"],
            "data_status": "loaded",
            "source": [SOURCE_NAMES["rsmp"].format(date=d.strftime("%d.%m.%Y")) for d in frame["as_of"]],
        }
    ).reset_index(drop=True)


def _year_rows(dataset: str, frame: pd.DataFrame) -> pd.DataFrame:
    if dataset == "paytax":
        pivot = frame.assign(level=frame["budget_level"]).pivot_table(
            index=["inn", "as_of"], columns="level", values="paid_mln_rub", aggfunc="sum", fill_value=0.0
        )
        pivot = pivot.reindex(columns=list(schema.TAX_BUDGET_LEVELS), fill_value=0.0)
        pivot.columns = [f"taxes_{level}_mln_rub" for level in pivot.columns]
        rows = pivot.reset_index()
    else:
        keep = ["employees"] if dataset == "sshr" else ["income_mln_rub", "expenses_mln_rub"]
        rows = frame[["inn", "as_of", *keep]].copy()
    rows.insert(1, "year", [d.year for d in rows["as_of"]])
    rows["data_status"] = "loaded"
    rows["source"] = [SOURCE_NAMES[dataset].format(date=d.strftime("%d.%m.%Y")) for d in rows["as_of"]]
    return rows.drop(columns=["as_of"]).reset_index(drop=True)


def _merge_source(old: pd.Series, new: pd.Series) -> pd.Series:
    """``source`` of a yearly row fed by several FNS datasets: the sources joined by «; »."""
    out = []
    for a, b in zip(old, new):
        if a is None or (isinstance(a, float) and np.isnan(a)) or a == "" or pd.isna(a):
            out.append(b)
        elif b in str(a).split("; "):
            out.append(a)
        else:
            out.append(f"{a}; {b}")
    return pd.Series(out, index=old.index, dtype="object")


def _merged(current: pd.DataFrame, rows: pd.DataFrame, table: str, dataset: str) -> pd.DataFrame:
    """The rows the load touches, as they will be: ``current`` (the store's rows of the same keys) with
    the dataset's columns set from ``rows``, plus the keys the store does not have yet."""
    key = list(validate.TABLES[table].key)
    columns = list(current.columns)
    updated = [c for c in TARGETS[dataset][1] if c in rows.columns]
    old = current.set_index(key)
    new = rows.drop_duplicates(key, keep="last").set_index(key)
    common = new.index.intersection(old.index)
    old = old.astype({c: "object" for c in updated if c in old.columns})
    if len(common):
        patch = new.loc[common, updated].copy()
        if "source" in updated and table == "enterprise_years":
            patch["source"] = _merge_source(old.loc[common, "source"], patch["source"]).to_numpy()
        if "ogrn" in updated:  # 2019 files have no OGRN: keep the one the store has
            patch["ogrn"] = patch["ogrn"].where(patch["ogrn"].notna(), old.loc[common, "ogrn"])
        old.loc[common, updated] = patch.to_numpy()
    added = new.loc[new.index.difference(old.index)]
    frame = old.reset_index()
    if len(added):
        extra = added.reset_index().reindex(columns=columns)
        # What the FNS data does not give takes the table's default (kind 'industrial', flags false …).
        for column in validate.TABLES[table].columns:
            if column.default is not None and column.name in extra:
                extra[column.name] = (
                    extra[column.name].astype("object").where(extra[column.name].notna(), column.default)
                )
        frame = pd.concat([frame, extra], ignore_index=True) if len(frame) else extra
    frame = frame[columns].reset_index(drop=True)
    frame["_row"] = np.arange(1, len(frame) + 1, dtype=np.int64)
    return frame


def _stage_target(cur: duckdb.DuckDBPyConnection, table: str, dataset: str, rows: pd.DataFrame) -> pd.DataFrame:
    """Stage the whole table as it will be after the load (``ingest``'s staging table): only the rows the
    FNS data touches are read and merged in pandas; the others are copied inside DuckDB, so memory
    follows the archive's organisations, not the store's size. Returns the touched rows."""
    key = list(validate.TABLES[table].key)
    names = [
        r[0]
        for r in cur.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = ? AND table_schema = 'main' "
            "ORDER BY ordinal_position",
            [table],
        ).fetchall()
    ]
    cur.register("_fns_keys", rows[key].drop_duplicates())
    touched = sql("EXISTS (SELECT 1 FROM _fns_keys k WHERE {on})", on=equal(key, "t", "k"))
    current = cur.execute(
        sql("SELECT {cols} FROM {table} t WHERE {touched}", cols=columns(names, "t"), table=table, touched=touched)
    ).df()
    merged = _merged(current, rows, table, dataset)
    ingest.stage(cur, table, merged, materialise=True)
    cur.execute(
        sql(
            "INSERT INTO {stage} ({cols}) SELECT {tcols} FROM {table} t WHERE NOT {touched}",
            stage=ingest.STAGE_TABLE,
            cols=names,
            tcols=columns(names, "t"),
            table=table,
            touched=touched,
        )
    )
    cur.unregister("_fns_keys")
    return merged


def _stage_and_diff(
    cur: duckdb.DuckDBPyConnection, plan: FnsPlan, samples: int
) -> tuple[list[Issue], dict[str, int], dict[str, int]]:
    report = plan.report
    spec = validate.TABLES[report.table]
    touched = _stage_target(cur, report.table, report.dataset, plan.rows)
    errors, counts = ingest.store_checks(cur, spec, "replace", touched)
    if errors:
        return errors, counts, {}
    numbers, shown = ingest.diff(cur, spec, "replace", samples=samples)
    if samples:
        plan.samples = shown
    return [], {}, numbers


def _set_numbers(report: FnsLoadReport, numbers: dict[str, int]) -> None:
    report.added, report.changed = int(numbers["added"]), int(numbers["changed"])
    report.removed, report.unchanged = int(numbers["removed"]), int(numbers["unchanged"])


def prepare_fns(
    con: duckdb.DuckDBPyConnection,
    source: fns.Source,
    *,
    region: str | None = None,
    include_entrepreneurs: bool = False,
    file_name: str | None = None,
    limits: fns.FnsLimits | None = None,
    workers: int = 1,
) -> FnsPlan:
    """Read and check an FNS archive and compute what it would change (added / changed rows), writing nothing.

    The archive is read chunk by chunk and filtered as it goes (:func:`_prefilter`), so a national
    archive loaded for one region needs memory for that region's rows only.
    """
    report = FnsLoadReport(
        ok=False,
        rows_loaded=0,
        errors=[],
        warnings=[],
        version_id=None,
        mode="replace",
        file_name=_name_of(source, file_name),
    )
    with con.cursor() as cur:
        region_of = dict(cur.execute("SELECT inn, region_code FROM enterprises").fetchall())
    scan = fns.FnsScan(source, limits=limits, workers=workers)
    kept = [_prefilter(chunk, report, region, include_entrepreneurs, region_of) for chunk in scan]
    del region_of
    report.files, report.documents = len(scan.files), sum(f.documents for f in scan.files)
    report.rows_in_file = report.documents
    report.warnings.extend(scan.warnings)
    if scan.errors:
        return FnsPlan(_finish(report, scan.errors, scan.error_counts))
    datasets = sorted({f.dataset for f in scan.files if f.dataset})
    if not datasets or not report.documents:
        error = Issue(None, None, None, msg("fns_no_documents", file=report.file_name or ""))
        return FnsPlan(_finish(report, [error], {"fns_no_documents": 1}))
    frame = pd.concat(kept, ignore_index=True) if kept else fns.empty_frame()
    del kept
    report.dataset = datasets[0]
    report.table = TARGETS[report.dataset][0]
    report.as_of = sorted({f_as_of for f_as_of in frame["as_of"].dropna()})
    report.sha256 = _sha256(source)
    plan = FnsPlan(report, region=region)
    with con.cursor() as cur:
        if report.dataset == "rsmp":
            plan.rows = _rsmp_rows(cur, frame, report)
        else:
            plan.rows = _year_rows(report.dataset, frame)
        del frame
        _skip_warnings(report)
        plan.fingerprint = store.data_fingerprint(cur)
        errors, counts, numbers = _stage_and_diff(cur, plan, ingest.SAMPLE_ROWS)
        ingest.unstage(cur)
    if errors:
        plan.rows = None
        _finish(report, errors, counts)
        return plan
    _set_numbers(report, numbers)
    report.ok = True
    return plan


def _note(report: FnsLoadReport) -> str:
    dates = ", ".join(d.strftime("%d.%m.%Y") for d in report.as_of)
    skipped = "; ".join(f"{code}: {n}" for code, n in sorted(report.skipped.items()))
    return f"FNS {report.dataset} {dates}: files {report.files}, documents {report.documents}" + (
        f"; skipped {skipped}" if skipped else ""
    )


def commit_fns(con: duckdb.DuckDBPyConnection, plan: FnsPlan, user: str | None = None) -> FnsLoadReport:
    """Write a prepared FNS plan in one transaction (refused with ``store_changed`` when the store moved
    since the preview so that its numbers no longer hold)."""
    report = plan.report
    if not report.ok or plan.rows is None:
        return report
    previewed = (report.added, report.changed, report.removed)
    with con.cursor() as cur:
        try:
            with store.transaction(cur) as tx:
                errors, counts, numbers = _stage_and_diff(cur, plan, 0)
                if errors:
                    tx.rollback()
                    return _finish(report, errors, counts)
                if (numbers["added"], numbers["changed"], numbers["removed"]) != previewed:
                    tx.rollback()
                    return _finish(report, [Issue(None, None, None, msg("store_changed"))], {"store_changed": 1})
                version_id = versions.apply(
                    cur,
                    report.table,
                    ingest.STAGE_TABLE,
                    action="replace",
                    file_name=report.file_name,
                    sha256=report.sha256,
                    user=user,
                    rows_in_file=report.rows_in_file,
                    key=validate.TABLES[report.table].key,
                    note=_note(report),
                )
                ingest.unstage(cur)
        except duckdb.Error as exc:
            error = Issue(None, None, None, msg("store_rejected", detail=str(exc).splitlines()[0][:300]))
            return _finish(report, [error], {"store_rejected": 1})
    report.version_id = version_id
    report.rows_loaded = report.added + report.changed
    return report


def load_fns(
    con: duckdb.DuckDBPyConnection,
    source: fns.Source,
    *,
    region: str | None = None,
    include_entrepreneurs: bool = False,
    user: str | None = None,
    file_name: str | None = None,
    limits: fns.FnsLimits | None = None,
    workers: int = 1,
) -> FnsLoadReport:
    """Read, check and load one FNS archive (any of the four datasets) in one step; see the module docstring."""
    plan = prepare_fns(
        con,
        source,
        region=region,
        include_entrepreneurs=include_entrepreneurs,
        file_name=file_name,
        limits=limits,
        workers=workers,
    )
    return commit_fns(con, plan, user)
