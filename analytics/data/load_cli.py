"""Load a file from the command line, also while the app serves.

``python -m analytics.data.load_cli TABLE FILE [--mode append|replace] [--user NAME] [--db PATH] [--lang ru|en]``

The same checks and the same one transaction as the Data page (:func:`analytics.data.ingest.load_file`),
written under the store's writer lock and then published as a new snapshot
(:func:`analytics.store.snapshots.writing`), so running app workers, which read published snapshots,
are never blocked and show the new data on their next rerun. Exit status: 0 loaded, 1 refused
(the problems are printed, the store is unchanged), 2 the store is busy: another load held the
writer lock past ``--wait``, or a process that does not use snapshots (``make run``) holds the file.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import duckdb

from analytics.data import ingest
from analytics.store import DEFAULT_DB, snapshots

TEXTS = {
    "ru": {
        "loaded": "Загружено: таблица {table}, версия {version}, строк добавлено или изменено: {rows}.",
        "refused": "Файл не загружен, хранилище не изменено. Проблем: {count}.",
        "busy": "Хранилище занято другой загрузкой дольше {seconds} с; попробуйте позже.",
        "locked": (
            "Файл хранилища открыт на запись другим процессом (например, `make run`): {detail}. "
            "Остановите его или запускайте приложение через `make serve`."
        ),
        "missing": "Файл не найден: {path}.",
        "row": "строка",
    },
    "en": {
        "loaded": "Loaded: table {table}, version {version}, rows added or changed: {rows}.",
        "refused": "The file was not loaded; the store is unchanged. Problems: {count}.",
        "busy": "Another load kept the store busy for more than {seconds} s; try again later.",
        "locked": (
            "Another process holds the store file open for writing (`make run`, for example): {detail}. "
            "Stop it, or run the app with `make serve`."
        ),
        "missing": "No such file: {path}.",
        "row": "row",
    },
}
#: problems printed in full; the rest are counted
SHOWN = 20


def main(argv: list[str] | None = None) -> int:
    """Parse the arguments, load the file, print the outcome; returns the exit status."""
    parser = argparse.ArgumentParser(description="Load a CSV/XLSX file into the Cluster Navigator store.")
    parser.add_argument("table", choices=ingest.data_tables())
    parser.add_argument("file", type=Path)
    parser.add_argument("--mode", choices=ingest.MODES, default="append")
    parser.add_argument("--user", default=os.environ.get("USER", "cli"), help="name recorded in the history")
    parser.add_argument("--db", default=os.environ.get("NAVIGATOR_DB", str(DEFAULT_DB)), help="the writer's store file")
    parser.add_argument("--lang", choices=sorted(TEXTS), default="ru")
    parser.add_argument("--wait", type=float, default=600.0, help="seconds to wait for another load to finish")
    args = parser.parse_args(argv)
    texts = TEXTS[args.lang]
    if not args.file.is_file():
        print(texts["missing"].format(path=args.file), file=sys.stderr)
        return 1
    try:
        with snapshots.writing(args.db, timeout_s=args.wait) as con:
            report = ingest.load_file(
                con, args.table, args.file, mode=args.mode, user=args.user, file_name=args.file.name
            )
    except TimeoutError:
        print(texts["busy"].format(seconds=int(args.wait)), file=sys.stderr)
        return 2
    except duckdb.IOException as exc:  # DuckDB's own lock: a process that opened the file read-write
        print(texts["locked"].format(detail=str(exc).splitlines()[0][:200]), file=sys.stderr)
        return 2
    if report.ok:
        print(texts["loaded"].format(table=args.table, version=report.version_id, rows=report.rows_loaded))
        return 0
    problems = report.errors
    print(texts["refused"].format(count=sum(report.error_counts.values()) or len(problems)), file=sys.stderr)
    for issue in problems[:SHOWN]:
        where = f"{texts['row']} {issue.row}: " if issue.row is not None else ""
        column = f"[{issue.column}] " if issue.column else ""
        print(f"  {where}{column}{issue.message.text(args.lang)}", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
