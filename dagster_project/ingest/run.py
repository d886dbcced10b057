"""Ingest a folder of documents into the raw layer, incrementally: every good document lands,
every bad one becomes one row in raw.ingest_errors with its path and reason.

A file is parsed once per content: when its bytes, its sidecar and the parser code are unchanged
since the last ingest into the same DuckDB file, its raw rows (or its error) are kept as they
are. Changed files replace their old rows; vanished files lose theirs.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial
from pathlib import Path

import duckdb

from dagster_project.ingest.containers import parse_file, refusal_errors, refusals_note
from dagster_project.ingest.documents import (
    PARSER_VERSION,
    ParsedDocument,
    SourceFile,
    content_hash,
    discover_documents,
    discovery_warnings,
    now_utc,
)
from dagster_project.ingest.layout import UnreadableDocument
from dagster_project.ingest.raw_tables import (
    CachedFile,
    IngestError,
    IngestWriter,
    create_raw_schema,
    member_document_ids,
    read_cache,
    rows_for,
    source_error,
)

INGEST_PACKAGE = Path(__file__).resolve().parent
# Documents whose raw rows are held in memory before they are written to the build file.
PARSE_BATCH = 200
# A worker process costs about a second to start (it imports every parser library).
MIN_FILES_PER_WORKER = 8
EMPTY_FILE_HASH = hashlib.sha256(b"").hexdigest()


@dataclass
class IngestReport:
    """What one ingest did: row counts per raw table and which files it parsed, kept or
    removed (by path under raw/)."""

    counts: dict[str, int]
    parsed: list[str] = field(default_factory=list)
    reused: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    full: bool = False
    outcomes: dict[str, CachedFile] = field(default_factory=dict)  # of the files parsed


@dataclass
class _Candidate:
    source: SourceFile
    document_id: str
    sidecar_digest: str


def parser_fingerprint() -> str:
    """A digest of the ingest code (parsers, layout reading, raw table layout): when it changes,
    every file is parsed again."""
    digest = hashlib.sha256(PARSER_VERSION.encode())
    for path in sorted(INGEST_PACKAGE.rglob("*.py")):
        digest.update(path.relative_to(INGEST_PACKAGE).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _sidecar_digest(source: SourceFile) -> str:
    # Everything besides the bytes that shapes a document's raw rows.
    described = {
        "path": source.rel_path,
        "force_hint": source.force_hint,
        "sidecar": source.sidecar,
        "sidecar_error": source.sidecar_error,
    }
    return hashlib.sha256(json.dumps(described, sort_keys=True, default=str).encode()).hexdigest()


def _kept_document_ids(candidates: list[_Candidate], cache: dict[str, CachedFile]) -> set[str]:
    """Documents whose every copy under raw/ is unchanged since it was parsed."""
    now: dict[str, set[str]] = {}
    for cand in candidates:
        now.setdefault(cand.document_id, set()).add(cand.source.rel_path)
    before: dict[str, set[str]] = {}
    for entry in cache.values():
        if entry.outcome == "parsed":
            before.setdefault(entry.document_id, set()).add(entry.path)
    digests = {cand.source.rel_path: cand.sidecar_digest for cand in candidates}
    return {
        document_id
        for document_id, paths in now.items()
        if before.get(document_id) == paths
        and all(cache[path].sidecar_digest == digests[path] for path in paths)
    }


def _discover(raw_dir: Path, started: datetime, errors: list[IngestError]) -> list[_Candidate]:
    candidates: list[_Candidate] = []
    sources = discover_documents(raw_dir)
    errors.extend(
        IngestError(path, reason, kind, started)
        for path, reason, kind in discovery_warnings(raw_dir, sources)
    )
    for source in sources:
        if source.sidecar_error:
            errors.append(source_error(source, source.sidecar_error, "sidecar", started))
        if not source.force_hint:
            reason = "the file is not in a force folder (raw/<force>/<file>)"
            errors.append(source_error(source, reason, "no_force_folder", started))
            continue
        try:
            digest, _size = content_hash(source.path)
        except OSError as error:
            reason = f"the file could not be opened: {error}"
            errors.append(source_error(source, reason, "io_error", started))
            continue
        candidates.append(_Candidate(source, digest, _sidecar_digest(source)))
    return candidates


def _split_copies(
    candidates: list[_Candidate],
) -> tuple[list[_Candidate], list[tuple[_Candidate, _Candidate]]]:
    """The files to parse, one per content, and each other path with the same bytes beside the
    one parsed, as (copy, original). The one parsed is the file with a sidecar, else the
    shortest name (a browser names a second download `X (1).txt`), else the first path."""
    by_content: dict[str, list[_Candidate]] = {}
    for cand in candidates:
        # empty files are each their own error, not copies of one another
        key = cand.source.rel_path if cand.document_id == EMPTY_FILE_HASH else cand.document_id
        by_content.setdefault(key, []).append(cand)
    originals: list[_Candidate] = []
    copies: list[tuple[_Candidate, _Candidate]] = []
    for same in by_content.values():
        same.sort(key=lambda c: (not c.source.sidecar, len(c.source.path.name), c.source.rel_path))
        originals.append(same[0])
        copies.extend((cand, same[0]) for cand in same[1:])
    originals.sort(key=lambda c: c.source.rel_path)
    return originals, copies


def parse_workers() -> int:
    """Processes that parse documents: one per CPU this process may use (FOI_PARSE_WORKERS
    overrides)."""
    configured = os.environ.get("FOI_PARSE_WORKERS")
    if configured:
        return max(1, int(configured))
    return max(1, len(os.sched_getaffinity(0)))


def ingest_incrementally(
    raw_dir: Path,
    con: duckdb.DuckDBPyConnection,
    progress: Callable[[str], None] = lambda _message: None,
    full_refresh: bool = False,
) -> IngestReport:
    """Bring the raw tables in `con` up to date with raw_dir, parsing only new or changed files
    (every file when `full_refresh`, or when the ingest code changed).

    Files are parsed in a pool of `parse_workers()` processes once there are enough of them,
    and their rows are written and committed in batches of PARSE_BATCH documents, so memory
    does not grow with the corpus (see IngestWriter for why a half-written ingest is safe)."""
    started = now_utc()
    if not raw_dir.is_dir():
        raise FileNotFoundError(f"the raw folder {raw_dir} does not exist")
    recreated = create_raw_schema(con)
    code = parser_fingerprint()
    cache = {
        path: entry
        for path, entry in read_cache(con).items()
        if entry.parser_fingerprint == code and not full_refresh
    }
    errors: list[IngestError] = []
    found = _discover(raw_dir, started, errors)
    candidates, copies = _split_copies(found)
    kept = _kept_document_ids(candidates, cache)
    report = IngestReport(counts={}, full=full_refresh or recreated or not cache)
    entries = [_copy_entry(copy, original, code, started, errors) for copy, original in copies]
    to_parse: list[_Candidate] = []
    for cand in candidates:
        path = cand.source.rel_path
        cached = cache.get(path)
        unchanged = (
            cached is not None
            and cached.document_id == cand.document_id
            and cached.sidecar_digest == cand.sidecar_digest
        )
        if cand.document_id in kept or (unchanged and cached.outcome == "unreadable"):
            entries.append(cached)
            report.reused.append(path)
            if cached.outcome == "unreadable":
                errors.append(IngestError(path, cached.reason, cached.error_kind, cached.seen_at))
            errors.extend(refusal_errors(cached))
        else:
            to_parse.append(cand)
    progress(f"{len(report.reused)} files unchanged, {len(to_parse)} to parse")
    seen = {cand.source.rel_path for cand in found}
    report.removed = sorted(path for path in cache if path not in seen)
    writer = IngestWriter(con)
    kept_paths = [cand.source.rel_path for cand in candidates if cand.document_id in kept]
    # A kept container keeps its members' rows too (their ids are not the container's).
    writer.begin(kept | member_document_ids(con, kept_paths))
    pending: dict[str, list[tuple]] = {}
    for number, (cand, outcome) in enumerate(_parse_all(to_parse, code, started), start=1):
        rows, file_errors, entry = outcome
        for table, table_rows in rows.items():
            pending.setdefault(table, []).extend(table_rows)
        errors.extend(file_errors)
        if entry is not None:
            entries.append(entry)
            report.outcomes[cand.source.rel_path] = entry
        report.parsed.append(cand.source.rel_path)
        if number % PARSE_BATCH == 0:
            writer.add(pending)
            pending = {}
            progress(f"parsed {number} of {len(to_parse)} files")
    writer.add(pending)
    writer.add_copies({copy.source.rel_path: original.source.rel_path for copy, original in copies})
    report.counts = writer.finish(errors, entries)
    return report


def _copy_entry(
    copy: _Candidate, original: _Candidate, code: str, started: datetime, errors: list[IngestError]
) -> CachedFile:
    """A warning naming both identical files, and the copy's cache entry (never parsed: it
    is in the digest of the build's inputs, so adding or removing a copy rebuilds)."""
    reason = (
        f"the same bytes as {original.source.rel_path}: one document, its figures counted once "
        "(raw.documents lists this path with copy_of)"
    )
    path = copy.source.rel_path
    errors.append(IngestError(path, reason, "warning_duplicate_file", started, copy.document_id))
    return CachedFile(
        path,
        copy.document_id,
        copy.sidecar_digest,
        code,
        "copy",
        reason,
        "warning_duplicate_file",
        started,
    )


_Outcome = tuple[dict[str, list[tuple]], list[IngestError], CachedFile | None]


def _parse_all(
    to_parse: list[_Candidate], code: str, started: datetime
) -> Iterator[tuple[_Candidate, _Outcome]]:
    """Each file with its raw rows, errors and cache entry, in order; in worker processes when
    there are enough files to repay starting them."""
    task = partial(_parse_task, code=code, started=started)
    workers = min(parse_workers(), len(to_parse) // MIN_FILES_PER_WORKER)
    if workers < 2:
        for cand in to_parse:
            yield cand, task(cand)
        return
    # spawn, not fork: the parent runs threads (Dagster, DuckDB) that a fork would copy mid-step.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        for start in range(0, len(to_parse), PARSE_BATCH):
            batch = to_parse[start : start + PARSE_BATCH]
            yield from zip(batch, pool.map(task, batch, chunksize=4), strict=True)


def _parse_task(cand: _Candidate, code: str, started: datetime) -> _Outcome:
    parsed: list[ParsedDocument] = []
    errors: list[IngestError] = []
    entry = _parse_one(cand, code, started, parsed, errors)
    return (rows_for(parsed, started) if parsed else {}), errors, entry


def _parse_one(
    cand: _Candidate,
    code: str,
    started: datetime,
    parsed: list[ParsedDocument],
    errors: list[IngestError],
) -> CachedFile | None:
    """Parse one file into `parsed` or `errors`; returns its cache entry (None: not cacheable)."""
    source = cand.source
    try:
        outcome = parse_file(source)
    except UnreadableDocument as error:
        errors.append(source_error(source, error.reason, error.kind, started))
        return CachedFile(
            source.rel_path,
            cand.document_id,
            cand.sidecar_digest,
            code,
            "unreadable",
            error.reason,
            error.kind,
            started,
        )
    except OSError as error:  # transient: tried again next time
        reason = f"the file could not be opened: {error}"
        errors.append(source_error(source, reason, "io_error", started))
        return None
    parsed.extend(outcome.documents)
    errors.extend(source_error(source, r.reason, r.kind, started) for r in outcome.refusals)
    # The bytes may have changed since they were hashed: the parsed document's hash is the truth.
    return CachedFile(
        source.rel_path,
        outcome.document_id,
        cand.sidecar_digest,
        code,
        "parsed",
        *refusals_note(outcome.refusals),
        seen_at=started,
    )


def folder_fingerprints(raw_dir: Path) -> dict[str, str]:
    """Every document under raw_dir (by path) with a digest of its bytes and sidecar: what a
    sensor compares between ticks to notice new, changed and deleted documents."""
    fingerprints: dict[str, str] = {}
    for source in discover_documents(raw_dir):
        try:
            digest, _size = content_hash(source.path)
        except OSError:
            continue  # vanished while listing; the next tick sees the folder as it settles
        fingerprints[source.rel_path] = f"{digest[:16]}:{_sidecar_digest(source)[:16]}"
    return fingerprints
