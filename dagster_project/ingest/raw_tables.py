"""Writing parsed documents into the `raw` schema of a DuckDB file.

Text stays text: no number parsing, no classification. Every row carries `document_id` and a
locator, so a reader of raw.* can always see what a document said and where.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
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
        supersedes varchar""",
    "sections": """
        document_id varchar, section_no integer, question_no varchar, question_text varchar,
        answer_text varchar, locator varchar""",
    "table_cells": """
        document_id varchar, table_no integer, row_no integer, col_no integer,
        row_label varchar, col_label varchar, cell_text varchar, section_no integer,
        locator varchar, row_text varchar, row_group varchar""",
    "inline_figures": """
        document_id varchar, figure_no integer, label_text varchar, value_text varchar,
        sentence varchar, section_no integer, locator varchar""",
    "exemptions": """
        document_id varchar, section_no integer, act_section varchar, text varchar,
        locator varchar""",
    "page_furniture": """
        document_id varchar, text varchar, locator varchar""",
    "ingest_errors": """
        path varchar, reason varchar, error_kind varchar, seen_at timestamp,
        document_id varchar""",
}


@dataclass
class IngestError:
    """A file (or its sidecar) that could not be read, with one clear sentence why."""

    path: str
    reason: str
    error_kind: str
    seen_at: datetime
    document_id: str | None = None


def _columns(table: str) -> list[str]:
    return [part.split()[0] for part in RAW_TABLES[table].replace("\n", " ").split(",")]


def create_raw_schema(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("create schema if not exists raw")
    for table, ddl in RAW_TABLES.items():
        con.execute(f"create table if not exists raw.{table} ({ddl})")


def rows_for(documents: Iterable[ParsedDocument], parsed_at: datetime) -> dict[str, list[tuple]]:
    """The raw rows of each table for these documents."""
    rows: dict[str, list[tuple]] = {table: [] for table in RAW_TABLES if table != "ingest_errors"}
    for doc in documents:
        meta, src, did = doc.metadata, doc.source, doc.document_id
        rows["documents"].append((
            did, src.rel_path, src.force_hint, src.format, doc.bytes, meta["reference"],
            meta["reference_source"], meta["title"], meta["url"], meta["request_date"],
            meta["response_date"], meta["response_date_source"], meta["synthetic"],
            src.format, PARSER_VERSION, parsed_at, meta["supersedes"],
        ))
        st = doc.structure
        rows["sections"].extend(
            (did, s.section_no, s.question_no, s.question_text, s.answer_text, s.locator)
            for s in st.sections
        )
        rows["table_cells"].extend(
            (did, c.table_no, c.row_no, c.col_no, c.row_label, c.col_label, c.cell_text,
             c.section_no, c.locator, c.row_text, c.row_group)
            for c in st.table_cells
        )
        rows["inline_figures"].extend(
            (did, f.figure_no, f.label_text, f.value_text, f.sentence, f.section_no, f.locator)
            for f in st.inline_figures
        )
        rows["exemptions"].extend(
            (did, e.section_no, e.act_section, e.text, e.locator) for e in st.exemptions
        )
        rows["page_furniture"].extend((did, p.text, p.locator) for p in doc.layout.furniture)
    return rows


def error_rows(errors: Iterable[IngestError]) -> list[tuple]:
    return [(e.path, e.reason, e.error_kind, e.seen_at, e.document_id) for e in errors]


def replace_raw_tables(
    con: duckdb.DuckDBPyConnection,
    rows: dict[str, list[tuple]],
    errors: list[IngestError],
) -> dict[str, int]:
    """Replace every raw table's contents with these rows, in one transaction; returns counts."""
    create_raw_schema(con)
    all_rows = {**rows, "ingest_errors": error_rows(errors)}
    counts: dict[str, int] = {}
    con.execute("begin transaction")
    try:
        for table, table_rows in all_rows.items():
            con.execute(f"delete from raw.{table}")
            if table_rows:
                frame = pd.DataFrame(table_rows, columns=_columns(table))
                con.register("incoming", frame)
                con.execute(f"insert into raw.{table} select * from incoming")
                con.unregister("incoming")
            counts[table] = len(table_rows)
        con.execute("commit")
    except Exception:
        con.execute("rollback")
        raise
    return counts


def source_error(source: SourceFile, reason: str, kind: str, seen_at: datetime,
                 document_id: str | None = None) -> IngestError:
    return IngestError(source.rel_path, reason, kind, seen_at, document_id)
