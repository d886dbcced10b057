"""Writing parsed documents into the `raw` schema of a DuckDB file.

Text stays text: no number parsing, no classification. Every row carries `document_id` and a
locator, so a reader of raw.* can always see what a document said and where.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import astuple, dataclass
from datetime import datetime

import duckdb
import pandas as pd

from dagster_project.ingest.documents import PARSER_VERSION, ParsedDocument, SourceFile

RAW_TABLES: dict[str, str] = {
    "documents": """
        document_id varchar, path varchar, force_hint varchar, format varchar, bytes bigint,
        reference varchar, reference_source varchar, title varchar, url varchar,
        request_date varchar, response_date varchar, response_date_source varchar,
        synthetic boolean, parser varchar, parser_version varchar, parsed_at timestamp,
        supersedes varchar, disclosure_key varchar, revision_text varchar, copy_of varchar,
        container_path varchar, member_name varchar, ocr boolean""",
    "sections": """
        document_id varchar, section_no integer, question_no varchar, question_text varchar,
        answer_text varchar, locator varchar, question_printed boolean""",
    "outline": """
        document_id varchar, block_no integer, role varchar, text varchar, locator varchar,
        question_no varchar, context_path varchar""",
    "figure_contexts": """
        document_id varchar, source_kind varchar, source_key varchar, title varchar,
        question_no varchar, question_text varchar, sub_question_no varchar,
        sub_question_text varchar, heading varchar, heading_path varchar, preamble varchar,
        context_path varchar, lead varchar""",
    "table_cells": """
        document_id varchar, table_no integer, row_no integer, col_no integer,
        row_label varchar, col_label varchar, cell_text varchar, section_no integer,
        locator varchar, row_text varchar, row_group varchar, is_ocr boolean,
        ocr_confidence double""",
    "inline_figures": """
        document_id varchar, figure_no integer, label_text varchar, value_text varchar,
        sentence varchar, section_no integer, locator varchar, split_role varchar,
        is_ocr boolean, ocr_confidence double""",
    "exemptions": """
        document_id varchar, section_no integer, act_section varchar, text varchar,
        locator varchar""",
    "page_furniture": """
        document_id varchar, text varchar, locator varchar""",
    "ingest_errors": """
        path varchar, reason varchar, error_kind varchar, seen_at timestamp,
        document_id varchar, severity varchar""",
}


# The parse cache: one row per file the last ingest saw. A file whose bytes, sidecar and parser
# code are unchanged keeps its raw rows (or its error) without being parsed again.
CACHE_TABLE = "ingest_cache.files"
CACHE_DDL = """
    path varchar, document_id varchar, sidecar_digest varchar, parser_fingerprint varchar,
    outcome varchar, reason varchar, error_kind varchar, seen_at timestamp"""


@dataclass
class CachedFile:
    """What the last ingest learned about one file: its fingerprint and whether it parsed."""

    path: str
    document_id: str
    sidecar_digest: str
    parser_fingerprint: str
    outcome: str  # "parsed" or "unreadable"
    reason: str | None = None
    error_kind: str | None = None
    seen_at: datetime | None = None


WARNING_PREFIX = "warning_"


@dataclass
class IngestError:
    """A file (or its sidecar) that could not be read, with one clear sentence why; or a
    warning (its kind starts `warning_`) about input that was read but not used as given."""

    path: str
    reason: str
    error_kind: str
    seen_at: datetime
    document_id: str | None = None

    @property
    def severity(self) -> str:
        return "warning" if self.error_kind.startswith(WARNING_PREFIX) else "error"


def _columns(table: str) -> list[str]:
    return [part.split()[0] for part in RAW_TABLES[table].replace("\n", " ").split(",")]


def _table_columns(con: duckdb.DuckDBPyConnection, schema: str, table: str) -> list[str]:
    return [
        name
        for (name,) in con.execute(
            "select column_name from information_schema.columns "
            "where table_schema = ? and table_name = ? order by ordinal_position",
            [schema, table],
        ).fetchall()
    ]


def create_raw_schema(con: duckdb.DuckDBPyConnection) -> bool:
    """Create the raw tables and the parse cache. When a table's columns differ from the code's
    (a parser added a column), every raw table is recreated empty and the cache is cleared, so
    everything is parsed again. Returns True when that happened."""
    con.execute("create schema if not exists raw")
    con.execute(f"create schema if not exists {CACHE_TABLE.split('.')[0]}")
    stale = any(
        _table_columns(con, "raw", table) not in ([], _columns(table)) for table in RAW_TABLES
    ) or _table_columns(con, *CACHE_TABLE.split(".")) not in ([], _cache_columns())
    if stale:
        for table in RAW_TABLES:
            con.execute(f"drop table if exists raw.{table}")
        con.execute(f"drop table if exists {CACHE_TABLE}")
    for table, ddl in RAW_TABLES.items():
        con.execute(f"create table if not exists raw.{table} ({ddl})")
    con.execute(f"create table if not exists {CACHE_TABLE} ({CACHE_DDL})")
    return stale


def rows_for(documents: Iterable[ParsedDocument], parsed_at: datetime) -> dict[str, list[tuple]]:
    """The raw rows of each table for these documents."""
    rows: dict[str, list[tuple]] = {table: [] for table in RAW_TABLES if table != "ingest_errors"}
    for doc in documents:
        meta, src, did = doc.metadata, doc.source, doc.document_id
        rows["documents"].append(
            (
                did,
                src.rel_path,
                src.force_hint,
                src.format,
                doc.bytes,
                meta["reference"],
                meta["reference_source"],
                meta["title"],
                meta["url"],
                meta["request_date"],
                meta["response_date"],
                meta["response_date_source"],
                meta["synthetic"],
                src.format,
                PARSER_VERSION,
                parsed_at,
                meta["supersedes"],
                meta["disclosure_key"],
                meta["revision_text"],
                None,  # copy_of: set on the rows IngestWriter.add_copies writes
                doc.container_path,
                doc.member_name,
                bool(doc.layout.ocr_pages),
            )
        )
        st = doc.structure
        rows["sections"].extend(
            (
                did,
                s.section_no,
                s.question_no,
                s.question_text,
                s.answer_text,
                s.locator,
                s.question_printed,
            )
            for s in st.sections
        )
        rows["outline"].extend(
            (did, o.block_no, o.role, o.text, o.locator, o.question_no, o.context.path())
            for o in st.outline
        )
        rows["figure_contexts"].extend(
            (
                did,
                f.source_kind,
                f.source_key,
                f.context.title or meta["title"],
                f.context.question_no,
                f.context.question_text,
                f.context.sub_question_no,
                f.context.sub_question_text,
                f.context.headings[-1] if f.context.headings else None,
                " > ".join(f.context.headings) or None,
                f.context.preamble,
                f.context.path() or None,
                f.lead,
            )
            for f in st.contexts
        )
        rows["table_cells"].extend(
            (
                did,
                c.table_no,
                c.row_no,
                c.col_no,
                c.row_label,
                c.col_label,
                c.cell_text,
                c.section_no,
                c.locator,
                c.row_text,
                c.row_group,
                c.ocr_confidence is not None,
                c.ocr_confidence,
            )
            for c in st.table_cells
        )
        rows["inline_figures"].extend(
            (
                did,
                f.figure_no,
                f.label_text,
                f.value_text,
                f.sentence,
                f.section_no,
                f.locator,
                f.split_role,
                f.ocr_confidence is not None,
                f.ocr_confidence,
            )
            for f in st.inline_figures
        )
        rows["exemptions"].extend(
            (did, e.section_no, e.act_section, e.text, e.locator) for e in st.exemptions
        )
        rows["page_furniture"].extend((did, p.text, p.locator) for p in doc.layout.furniture)
    return rows


def error_rows(errors: Iterable[IngestError]) -> list[tuple]:
    return [(e.path, e.reason, e.error_kind, e.seen_at, e.document_id, e.severity) for e in errors]


def _cache_columns() -> list[str]:
    return [part.split()[0] for part in CACHE_DDL.replace("\n", " ").split(",")]


def read_cache(con: duckdb.DuckDBPyConnection) -> dict[str, CachedFile]:
    """The files the last ingest saw, by path, with their fingerprints and outcomes."""
    rows = con.execute(f"select {', '.join(_cache_columns())} from {CACHE_TABLE}").fetchall()
    return {row[0]: CachedFile(*row) for row in rows}


def member_document_ids(con: duckdb.DuckDBPyConnection, container_paths: list[str]) -> set[str]:
    """The documents raw.documents holds from members of these containers (paths under raw/)."""
    rows = con.execute(
        "select document_id from raw.documents where container_path in (select unnest(?))",
        [container_paths],
    ).fetchall()
    return {document_id for (document_id,) in rows}


def _insert(con: duckdb.DuckDBPyConnection, table: str, columns: list[str], rows: list) -> None:
    if rows:
        con.register("incoming", pd.DataFrame(rows, columns=columns))
        con.execute(f"insert into {table} select * from incoming")
        con.unregister("incoming")


class IngestWriter:
    """Writes one ingest batch by batch: `begin` drops the raw rows of every document not kept,
    `add` appends a batch of parsed rows, `finish` replaces the error list and the parse cache.

    Each step is its own transaction, so DuckDB holds one batch in memory, not the corpus. The
    build file is private to the build; `begin` leaves in the parse cache only the documents
    whose rows it keeps, and the full cache is written last. An ingest killed half way thus
    leaves rows the cache does not vouch for, and the next ingest's `begin` drops them before
    parsing those documents again.
    """

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self.con = con

    def begin(self, kept_document_ids: set[str]) -> None:
        kept = sorted(kept_document_ids)
        with _transaction(self.con):
            for table in RAW_TABLES:
                if table != "ingest_errors":
                    self.con.execute(
                        f"delete from raw.{table} "
                        "where document_id not in (select unnest(?::varchar[]))",
                        [kept],
                    )
            # The cache must never vouch for a document whose rows are gone.
            self.con.execute(
                f"delete from {CACHE_TABLE} where outcome = 'parsed' "
                "and document_id not in (select unnest(?::varchar[]))",
                [kept],
            )

    def add(self, rows: dict[str, list[tuple]]) -> None:
        with _transaction(self.con):
            for table, table_rows in rows.items():
                _insert(self.con, f"raw.{table}", _columns(table), table_rows)

    def add_copies(self, copies: dict[str, str]) -> None:
        """One raw.documents row for each copy path (the same bytes as another path, parsed
        once): the row of the path it copies, with its own path and `copy_of` that path."""
        with _transaction(self.con):
            self.con.execute("delete from raw.documents where copy_of is not null")
            for copy_path, original in sorted(copies.items()):
                self.con.execute(
                    "insert into raw.documents select * replace (?::varchar as path, "
                    "?::varchar as copy_of) from raw.documents "
                    "where path = ? and copy_of is null",
                    [copy_path, original, original],
                )

    def finish(self, errors: list[IngestError], cache: list[CachedFile]) -> dict[str, int]:
        """Record the errors and the parse cache; returns the row count of every raw table."""
        with _transaction(self.con):
            self.con.execute("delete from raw.ingest_errors")
            _insert(self.con, "raw.ingest_errors", _columns("ingest_errors"), error_rows(errors))
            self.con.execute(f"delete from {CACHE_TABLE}")
            _insert(self.con, CACHE_TABLE, _cache_columns(), [astuple(entry) for entry in cache])
        return {
            table: self.con.execute(f"select count(*) from raw.{table}").fetchone()[0]
            for table in RAW_TABLES
        }


@contextmanager
def _transaction(con: duckdb.DuckDBPyConnection) -> Iterator[None]:
    con.execute("begin transaction")
    try:
        yield
    except BaseException:
        con.execute("rollback")
        raise
    con.execute("commit")


def source_error(
    source: SourceFile, reason: str, kind: str, seen_at: datetime, document_id: str | None = None
) -> IngestError:
    return IngestError(source.rel_path, reason, kind, seen_at, document_id)
