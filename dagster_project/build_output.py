"""What `foi build` prints: a progress bar while Dagster runs, then a summary of a few lines (what
the documents did, the figures, what waits for review, what was quarantined or could not be
read). Dagster's and dbt's own lines go to a log file, or to the terminal with `foi build -v`."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from pathlib import Path

import dagster as dg
import duckdb
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

# Unreadable files listed one a line before the rest are counted (the summary stays short).
LISTED_ERRORS = 10
STEP_TITLES = {
    "raw__files": "listing raw/",
    "raw_tables": "reading documents",
    "foi_dbt_models": "dbt build",
    "warehouse__published": "publishing",
    "report__html": "writing the report",
    "exports__csv": "writing exports",
    "exports__parquet": "writing exports",
}
_ANSI = re.compile(r"\x1b\[[0-9;]*m")
_DBT_FAILURE = re.compile(r"^(\d+ of \d+ (FAIL|ERROR)\b|(Failure|Error) in |Database Error)")


class BuildProgress:
    """A rich progress bar fed by a Dagster logger: one tick per asset materialised or checked."""

    def __init__(self, total: int, console: Console) -> None:
        self.progress = Progress(
            TextColumn("{task.description:<32}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=console,
            transient=True,
            disable=not console.is_terminal,
        )
        self.task = self.progress.add_task("starting", total=total)

    def logger(self) -> dg.LoggerDefinition:
        """A Dagster logger that moves this bar; it prints nothing itself."""
        handler = _Callback(self._on_record)

        @dg.logger(description="moves the `foi build` progress bar")
        def progress_logger(_context: dg.InitLoggerContext) -> logging.Logger:
            log = logging.Logger("foi.progress", level=logging.DEBUG)
            log.addHandler(handler)
            return log

        return progress_logger

    def _on_record(self, record: logging.LogRecord) -> None:
        meta = getattr(record, "dagster_meta", None) or {}
        event = meta.get("dagster_event")
        if event is None:
            if meta.get("step_key") == "raw_tables":
                self.progress.update(self.task, description=meta.get("orig_message", "")[:32])
            return
        kind = event.event_type_value
        if kind == "STEP_START":
            title = STEP_TITLES.get(event.step_key, event.step_key)
            self.progress.update(self.task, description=title)
        elif kind == "ASSET_CHECK_EVALUATION" or (
            kind == "ASSET_MATERIALIZATION" and event.asset_key != dg.AssetKey(_PARSES)
        ):
            self.progress.advance(self.task)

    def __enter__(self) -> BuildProgress:
        self.progress.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.progress.stop()


_PARSES = ["raw", "document_parses"]


class _Callback(logging.Handler):
    def __init__(self, callback) -> None:
        super().__init__(level=logging.DEBUG)
        self.callback = callback

    def emit(self, record: logging.LogRecord) -> None:
        self.callback(record)


class QuietBlockingCheckNotice(logging.Filter):
    """Drops Dagster's notice that a blocking check emitted no result: it is printed for every
    check of a dbt step that was skipped on purpose (nothing changed), and says nothing then."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "emitted no result in step" not in record.getMessage()


QUIET_BLOCKING_CHECK_NOTICE = QuietBlockingCheckNotice()


@dataclass
class Ingested:
    """The files one ingest saw: path -> (document_id, sidecar digest)."""

    files: dict[str, tuple] = field(default_factory=dict)


def ingested(database: Path) -> Ingested:
    """The ingest's listing of files in a build file or a published warehouse (empty if none)."""
    if not database.exists():
        return Ingested()
    con = duckdb.connect(str(database), read_only=True)
    try:
        rows = con.execute(
            "select path, document_id, sidecar_digest from ingest_cache.files"
        ).fetchall()
    except duckdb.CatalogException:
        return Ingested()
    finally:
        con.close()
    return Ingested({path: (document_id, sidecar) for path, document_id, sidecar in rows})


def document_changes(before: Ingested, after: Ingested) -> dict[str, int]:
    """How many files are new, changed (bytes or sidecar), unchanged and removed."""
    common = before.files.keys() & after.files.keys()
    changed = sum(before.files[p] != after.files[p] for p in common)
    return {
        "new": len(after.files.keys() - before.files.keys()),
        "changed": changed,
        "unchanged": len(common) - changed,
        "removed": len(before.files.keys() - after.files.keys()),
    }


def _table_exists(con: duckdb.DuckDBPyConnection, schema: str, table: str) -> bool:
    return bool(
        con.execute(
            "select count(*) from information_schema.tables "
            "where table_schema = ? and table_name = ?",
            [schema, table],
        ).fetchone()[0]
    )


def summary(
    published: Path, build_file: Path, changes: dict[str, int], raw_dir: Path, log: Path | None
) -> tuple[list[str], int]:
    """The summary lines of a published build, and how many documents were quarantined."""
    con = duckdb.connect(str(published), read_only=True)
    try:
        # a file with the same bytes as another is one document with two paths
        documents = con.execute("select count(distinct document_id) from raw.documents").fetchone()[
            0
        ]
        figures, forces = con.execute(
            "select count(*), count(distinct force_id) from marts.fct_disclosed_figures"
        ).fetchone()
        labels, held_back = con.execute(
            "select count(distinct (label_kind, label_text)), count(*) from marts.dq_unclassified"
        ).fetchone()
        quarantined = []
        if _table_exists(con, "marts", "dq_quarantined_documents"):
            quarantined = con.execute(
                "select path, check_name, failing_rows from marts.dq_quarantined_documents "
                "order by path, check_name"
            ).fetchall()
    finally:
        con.close()
    moves = ", ".join(f"{n} {kind}" for kind, n in changes.items())
    lines = [
        f"  documents    {documents} ({moves})",
        f"  figures      {figures} from {forces} forces, in marts.fct_disclosed_figures",
        f"  review       {labels} labels ({held_back} figures) wait for a person: `foi review`"
        if labels
        else "  review       nothing waits for a person",
    ]
    documents_quarantined = len({path for path, _, _ in quarantined})
    if quarantined:
        lines.append(
            f"  quarantined  {documents_quarantined} documents "
            "(marts.dq_quarantined_documents; the rest published)"
        )
        lines += [
            f"    {path}: {rows} rows failed {check}"
            for path, check, rows in quarantined[:LISTED_ERRORS]
        ]
    else:
        lines.append("  quarantined  none")
    lines += unreadable_lines(build_file, raw_dir)
    if log is not None:
        lines.append(f"  detail       {log} (or `foi build -v`)")
    return lines, documents_quarantined


def unreadable_lines(database: Path, raw_dir: Path) -> list[str]:
    """The files the ingest could not read, from a build file: a count, then one a line."""
    if not database.exists():
        return []
    con = duckdb.connect(str(database), read_only=True)
    try:
        rows = con.execute(
            "select path, reason, error_kind like 'warning_%' from raw.ingest_errors order by path"
        ).fetchall()
    except duckdb.CatalogException:
        return []
    finally:
        con.close()
    errors = [(path, reason) for path, reason, warning in rows if not warning]
    warnings = [(path, reason) for path, reason, warning in rows if warning]
    lines = ([f"  unreadable   {len(errors)} files (raw.ingest_errors):"] if errors else []) or [
        "  unreadable   none"
    ]
    lines += [f"    {raw_dir / path}: {reason}" for path, reason in errors[:LISTED_ERRORS]]
    if len(errors) > LISTED_ERRORS:
        lines.append(
            f"    ... and {len(errors) - LISTED_ERRORS} more: "
            'foi query "select path, reason from raw.ingest_errors"'
        )
    if warnings:
        lines.append(f"  warnings     {len(warnings)} (raw.ingest_errors, severity warning):")
        lines += [f"    {path}: {reason}" for path, reason in warnings[:LISTED_ERRORS]]
    return lines


def failure_reasons(result: dg.ExecuteInProcessResult) -> list[str]:
    """What stopped a build, one line each: the dbt tests and models that failed, else the
    first line of each failure's error."""
    reasons: list[str] = []
    for event in result.all_events:
        if not (event.is_step_failure or event.event_type_value == "RUN_FAILURE"):
            continue
        error = getattr(event.event_specific_data, "error", None)
        if error is None:
            continue
        lines = [_ANSI.sub("", line).strip() for line in error.message.splitlines()]
        dbt_lines = [line for line in lines if _DBT_FAILURE.match(line)]
        if any("dbt failures that belong to no document" in line for line in lines):
            # the dbt step's own verdict: one line per failure that stops publication
            dbt_lines = [line for line in lines if line.startswith(("FAIL ", "ERROR "))]
        reasons.extend(dict.fromkeys(dbt_lines) or [next(line for line in lines if line)])
    return list(dict.fromkeys(reasons))
