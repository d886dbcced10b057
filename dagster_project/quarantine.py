"""Quarantine: a data test that fails on rows of some documents takes those documents out of
the facts and comparison marts, and the rest publishes (decision 0600).

No Dagster here. After a dbt run, `judge` reads which data tests failed (dbt's run_results.json)
and their failing rows (every test stores them as a view, `store_failures_as: view`): a failure
whose rows all carry a `document_id` (or a mart's `document_ids`) belongs to those documents; any
other failure belongs to no document (a seed, the schema, a mart-wide rule) and stops the build.
`record` writes the documents into `raw.quarantine`, which the marts read to leave them out.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

QUARANTINE_TABLE = "raw.quarantine"
QUARANTINE_DDL = """
    document_id varchar, check_name varchar, failing_rows bigint, example varchar,
    quarantined_at timestamp"""
EXAMPLE_CHARS = 400


@dataclass(frozen=True)
class DocumentFailure:
    """The rows of one document that failed one data test."""

    document_id: str
    check_name: str
    failing_rows: int
    example: str


@dataclass
class Verdict:
    """What a dbt run's failures mean: the documents they quarantine, and the failures that
    belong to no document (each one line), which stop publication."""

    documents: list[DocumentFailure] = field(default_factory=list)
    unattributable: list[str] = field(default_factory=list)

    def document_ids(self) -> set[str]:
        return {failure.document_id for failure in self.documents}


def reset(con: duckdb.DuckDBPyConnection, standing_checks: set[str] | None = None) -> None:
    """Empty the quarantine, so a build judges its documents afresh. An incremental build
    (decision 1400) passes `standing_checks`, the data tests it runs on the changed documents
    only: what they quarantined of an unchanged document stands, since they will not read
    that document's rows again; the rest is judged afresh."""
    con.execute("create schema if not exists raw")
    con.execute(f"create table if not exists {QUARANTINE_TABLE} ({QUARANTINE_DDL})")
    if standing_checks is None:
        con.execute(f"delete from {QUARANTINE_TABLE}")
        return
    con.execute(
        f"delete from {QUARANTINE_TABLE} where document_id in "
        "(select document_id from raw.document_changes) or not list_contains(?, check_name)",
        [sorted(standing_checks)],
    )


def quarantined_ids(con: duckdb.DuckDBPyConnection) -> set[str]:
    return {row[0] for row in con.execute(f"select document_id from {QUARANTINE_TABLE}").fetchall()}


def record(con: duckdb.DuckDBPyConnection, failures: list[DocumentFailure]) -> None:
    """Add (document, check) pairs to the quarantine; a pair already there is kept as it was."""
    for failure in failures:
        con.execute(
            f"insert into {QUARANTINE_TABLE} select ?, ?, ?, ?, now()::timestamp "
            f"where not exists (select 1 from {QUARANTINE_TABLE} "
            "where document_id = ? and check_name = ?)",
            [
                failure.document_id,
                failure.check_name,
                failure.failing_rows,
                failure.example,
                failure.document_id,
                failure.check_name,
            ],
        )


def judge(target: Path, con: duckdb.DuckDBPyConnection) -> Verdict:
    """The failures of the dbt invocation whose artifacts are in `target`, read from the build
    file `con` (after dbt has exited: it holds the file while it runs)."""
    results = json.loads((target / "run_results.json").read_text(encoding="utf-8"))["results"]
    nodes = json.loads((target / "manifest.json").read_text(encoding="utf-8"))["nodes"]
    verdict = Verdict()
    for result in results:
        status, unique_id = result["status"], result["unique_id"]
        if status in ("success", "pass", "warn", "skipped"):
            continue
        node = nodes.get(unique_id, {})
        name = node.get("name", unique_id)
        relation = node.get("relation_name")
        if status != "fail" or not relation:
            message = " ".join(str(result.get("message") or status).split())
            verdict.unattributable.append(f"{status.upper()} {name}: {message}"[:300])
            continue
        failures = _document_failures(con, name, relation)
        if failures is None:
            verdict.unattributable.append(
                f"FAIL {name}: {result.get('failures')} failing rows that belong to no document"
            )
        else:
            verdict.documents.extend(failures)
    return verdict


def _document_failures(
    con: duckdb.DuckDBPyConnection, check_name: str, relation: str
) -> list[DocumentFailure] | None:
    """The failing rows of one test by document, or None when they do not name one."""
    cursor = con.execute(f"select * from {relation}")
    columns = [column[0] for column in cursor.description]
    rows = cursor.fetchall()
    if "document_id" in columns:
        position = columns.index("document_id")
        owners = [[row[position]] for row in rows]
    elif "document_ids" in columns:
        position = columns.index("document_ids")
        owners = [str(row[position] or "").split(",") for row in rows]
    else:
        return None
    if any(not document_id for ids in owners for document_id in ids):
        return None
    by_document: dict[str, list[tuple]] = {}
    for ids, row in zip(owners, rows, strict=True):
        for document_id in ids:
            by_document.setdefault(document_id, []).append(row)
    return [
        DocumentFailure(document_id, check_name, len(failing), _as_text(columns, failing[0]))
        for document_id, failing in sorted(by_document.items())
    ]


def _as_text(columns: list[str], row: tuple) -> str:
    text = ", ".join(f"{name}={value}" for name, value in zip(columns, row, strict=True))
    return text if len(text) <= EXAMPLE_CHARS else text[: EXAMPLE_CHARS - 3] + "..."
