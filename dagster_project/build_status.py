"""The last build's outcome, beside the published warehouse, so the errors of a build that did
not publish still reach the user (`foi status`, or `read_json` in `foi query`).

`<warehouse>.status.json` holds: outcome (`published` or `failed`), when, what stopped it (one
line per failure that belongs to no document), the quarantined documents and every row of
raw.ingest_errors. A build that stops because nothing changed leaves it as it was.
"""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime
from pathlib import Path

import duckdb


def status_path(published: Path) -> Path:
    return published.with_name(published.stem + ".status.json")


def write_status(published: Path, con: duckdb.DuckDBPyConnection, stopped_by: list[str]) -> Path:
    """Write the status of the build whose file `con` is (or the published copy of one)."""
    status = {
        "outcome": "failed" if stopped_by else "published",
        "finished_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "warehouse": str(published),
        "stopped_by": stopped_by,
        "quarantined": _rows(
            con,
            "select q.document_id, d.path, q.check_name, q.failing_rows, q.example "
            "from raw.quarantine as q left join raw.documents as d "
            "on q.document_id = d.document_id and d.copy_of is null order by d.path, q.check_name",
        ),
        "ingest_errors": _rows(
            con,
            "select path, severity, error_kind, reason from raw.ingest_errors "
            "order by severity, path",
        ),
    }
    path = status_path(published)
    write_json(path, status)
    return path


def write_json(path: Path, data: object) -> None:
    """Replace a small JSON file beside the warehouse in one rename: a reader sees the old
    file or the new one, never half of one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    staging = path.with_name(f".{path.name}.{os.getpid()}")
    staging.write_text(json.dumps(data, indent=1, default=str) + "\n", encoding="utf-8")
    os.replace(staging, path)


def read_status(published: Path) -> dict | None:
    path = status_path(published)
    if not path.exists():
        return None
    return json.loads(path.read_text(encoding="utf-8"))


def _rows(con: duckdb.DuckDBPyConnection, sql: str) -> list[dict]:
    try:
        cursor = con.execute(sql)
    except duckdb.CatalogException:  # a build that failed before its raw tables existed
        return []
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
