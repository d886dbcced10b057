"""Ingest a folder of documents into the raw layer: every good document lands, every bad one
becomes one row in raw.ingest_errors with its path and reason."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import duckdb

from dagster_project.ingest.documents import (
    ParsedDocument,
    discover_documents,
    now_utc,
    parse_document,
)
from dagster_project.ingest.layout import UnreadableDocument
from dagster_project.ingest.raw_tables import (
    IngestError,
    replace_raw_tables,
    rows_for,
    source_error,
)


def ingest_folder(
    raw_dir: Path,
    con: duckdb.DuckDBPyConnection,
    progress: Callable[[str], None] = lambda _message: None,
) -> dict[str, int]:
    """Parse every document under raw_dir and replace the raw tables; returns row counts."""
    started = now_utc()
    parsed: list[ParsedDocument] = []
    errors: list[IngestError] = []
    if not raw_dir.is_dir():
        raise FileNotFoundError(f"the raw folder {raw_dir} does not exist")
    sources = discover_documents(raw_dir)
    for number, source in enumerate(sources, start=1):
        if source.sidecar_error:
            errors.append(source_error(source, source.sidecar_error, "sidecar", started))
        if not source.force_hint:
            errors.append(source_error(
                source, "the file is not in a force folder (raw/<force>/<file>)",
                "no_force_folder", started,
            ))
            continue
        try:
            parsed.append(parse_document(source))
        except UnreadableDocument as error:
            errors.append(source_error(source, error.reason, error.kind, started))
        except OSError as error:
            errors.append(source_error(source, f"the file could not be opened: {error}",
                                       "io_error", started))
        progress(f"[{number}/{len(sources)}] {source.rel_path}")
    counts = replace_raw_tables(con, rows_for(parsed, started), errors)
    return counts
