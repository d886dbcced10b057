"""Ingest assets: the files under raw/ and the raw.* tables parsed from them.

The assets are thin; the work is in `dagster_project.ingest`, plain modules with no Dagster.
Every document under raw/ is also a partition of `raw/document_parses` (keyed by its path), whose
materialisations record each parse of that document.
"""

import dagster as dg

from dagster_project import topics
from dagster_project.build_state import (
    inputs_digest,
    listing_fingerprint,
    note_published_listing,
    published_inputs,
    record_inputs,
    record_listing,
)
from dagster_project.defs.resources import WarehouseResource
from dagster_project.ingest.documents import document_format, document_paths
from dagster_project.ingest.raw_tables import RAW_TABLES
from dagster_project.ingest.run import IngestReport, ingest_incrementally
from dagster_project.warehouse import open_build_file

RAW_TABLE_DESCRIPTIONS = {
    "documents": "One row per document file: content hash, path, force folder, metadata.",
    "sections": "One row per question/answer block: question and answer text as printed.",
    "table_cells": "One row per table cell, with its row and column labels and locator.",
    "inline_figures": "Numbers found in running text or lists, with the words around them.",
    "exemptions": "FOI Act sections cited (12, 40(2), ...), with the sentence citing them.",
    "page_furniture": "Page-break debris set aside: stray dates, page numbers, force names.",
    "outline": "Every block of each document with its role (chrome, title, question, heading, "
    "list item, ...) and the context path it sits under.",
    "figure_contexts": "The context each figure was printed in: question, sub-question, "
    "headings, the line introducing its list or table, the title.",
    "ingest_errors": "Files that could not be read: path and one clear sentence why.",
}

TOPIC_TABLE_DESCRIPTIONS = {
    "packs": "The topic packs this build read (topics/ and FOI_TOPIC_PATH): file and digest.",
    "measures": "Every pack's measures: kind (flow or stock), unit, description.",
    "measure_patterns": "The label patterns naming each measure, in each pack's order.",
    "question_patterns": "The question patterns: question text -> the measure it asks about.",
    "subject_patterns": "The words naming each topic, which frame an answer in its pack.",
    "dimension_values": "Breakdown dimensions (ethnicity, legislation, ...) and their values' "
    "patterns.",
    "offences": "Offence titles a topic harmonises, with their category and statute.",
    "offence_patterns": "The patterns that read an offence title as one offence.",
}

documents_partitions = dg.DynamicPartitionsDefinition(name="documents")
LISTED_FILES = 200
# Dagster stores an event in 10-25 ms on a 2-CPU machine: one per document would add minutes
# to a first build of 10,000 documents (decision 0502). Above this, a run records none.
PARSE_EVENTS_LIMIT = 200

document_parses = dg.AssetSpec(
    key=["raw", "document_parses"],
    group_name="ingest",
    deps=[["raw", "files"]],
    partitions_def=documents_partitions,
    kinds={"python"},
    description="One partition per document under raw/ (keyed by its path). Each "
    "materialisation records one parse of that document, reported by the raw tables step; "
    "an unchanged document is not parsed again, so it gets no new record. A run that parses "
    f"more than {PARSE_EVENTS_LIMIT} documents (a first build, a full refresh) records none: "
    "raw.documents.parsed_at holds every parse.",
)


class IngestConfig(dg.Config):
    full_refresh: bool = False
    """Parse every document again, ignoring the parse cache (the weekly rebuild does)."""
    force: bool = False
    """Run dbt and publish even when nothing changed since the published build."""


@dg.asset(
    key=["raw", "files"],
    group_name="ingest",
    kinds={"python", "file"},
    description="The document files under raw/<force>/ (their content hashes are document_id "
    "in raw.documents).",
)
def raw_files(
    context: dg.AssetExecutionContext, warehouse: WarehouseResource
) -> dg.MaterializeResult:
    # Paths only: the ingest reads the sidecars.
    paths = document_paths(warehouse.raw())
    listing = [
        f"| {path.relative_to(warehouse.raw()).as_posix()} | {document_format(path)} "
        f"| {path.stat().st_size} |"
        for path in paths[:LISTED_FILES]
    ]
    context.log.info("%d files under %s", len(paths), warehouse.raw())
    table = "\n".join(["| path | format | bytes |", "|---|---|---|", *listing])
    return dg.MaterializeResult(
        metadata={
            "file_count": len(paths),
            "raw_dir": str(warehouse.raw()),
            "files": dg.MetadataValue.md(table),
        }
    )


@dg.multi_asset(
    specs=[
        dg.AssetSpec(
            key=["raw", table],
            group_name="ingest",
            deps=[["raw", "files"]],
            kinds={"python", "duckdb"},
            description=RAW_TABLE_DESCRIPTIONS[table],
            skippable=True,
        )
        for table in RAW_TABLES
    ]
    + [
        dg.AssetSpec(
            key=["topics", table],
            group_name="topics",
            kinds={"python", "yaml", "duckdb"},
            description=TOPIC_TABLE_DESCRIPTIONS[table],
            skippable=True,
        )
        for table in topics.TABLES
    ],
    can_subset=False,
)
def raw_tables(
    context: dg.AssetExecutionContext, config: IngestConfig, warehouse: WarehouseResource
):
    """Bring the raw.* tables up to date: parse new and changed documents, keep unchanged ones,
    drop vanished ones; a bad document never stops the rest. Load the topic packs into the
    topics.* tables (a pack that does not validate stops the run, naming its file and line).
    When nothing changed since the published build (see dagster_project.build_state), yield
    nothing, so the rest of the run is skipped."""
    try:
        # Taken before any file is read: a file written during the ingest changes the next one.
        listing = listing_fingerprint(warehouse.raw(), topics.pack_files(warehouse.topic_folders()))
        packs = topics.load_packs(warehouse.topic_folders())
    except topics.PackError as error:
        raise dg.Failure(f"a topic pack does not validate: {error}") from None
    con = open_build_file(warehouse.build(), on_wait=context.log.warning)
    try:
        topic_counts = topics.write_tables(con, packs)
        # Progress comes once a batch: Dagster stores every log line, even a debug one, at
        # 10-25 ms each, which one line per document turned into minutes.
        report = ingest_incrementally(
            warehouse.raw(), con, progress=context.log.info, full_refresh=config.full_refresh
        )
        digest = inputs_digest(con)
        record_inputs(con, digest)
        record_listing(con, listing)
    finally:
        con.close()
    context.log.info(
        "parsed %d documents, kept %d unchanged, removed %d%s",
        len(report.parsed),
        len(report.reused),
        len(report.removed),
        " (full re-parse)" if report.full else "",
    )
    if report.counts["ingest_errors"]:
        context.log.warning(
            "%d files could not be read: see raw.ingest_errors", report.counts["ingest_errors"]
        )
    _record_document_parses(context, report)
    if not (config.full_refresh or config.force) and digest == published_inputs(
        warehouse.published()
    ):
        # No output: every downstream step (dbt, publication, report, exports) is skipped.
        context.log.info(
            "nothing changed since the published build (inputs %s): dbt and publication are "
            "skipped, the published warehouse stays as it is",
            digest[:12],
        )
        # The next `foi build` can then tell from the listing alone that nothing changed.
        note_published_listing(warehouse.published(), digest, listing)
        return
    for table in RAW_TABLES:
        yield dg.MaterializeResult(
            asset_key=["raw", table],
            metadata={
                "row_count": report.counts.get(table, 0),
                "documents_parsed": len(report.parsed),
                "documents_unchanged": len(report.reused),
                "documents_removed": len(report.removed),
            },
        )
    for table in topics.TABLES:
        yield dg.MaterializeResult(
            asset_key=["topics", table],
            metadata={"row_count": topic_counts[table], "packs": [p.topic for p in packs]},
        )


def _record_document_parses(context: dg.AssetExecutionContext, report: IngestReport) -> None:
    """Keep one `documents` partition per document and record this run's parses on them."""
    instance = context.instance
    existing = set(instance.get_dynamic_partitions(documents_partitions.name))
    current = set(report.parsed) | set(report.reused)
    if current - existing:
        instance.add_dynamic_partitions(documents_partitions.name, sorted(current - existing))
    for gone in sorted(existing - current):
        instance.delete_dynamic_partition(documents_partitions.name, gone)
    if len(report.parsed) > PARSE_EVENTS_LIMIT:
        context.log.info(
            "%d documents parsed: more than %d, so their parses are not recorded one event "
            "each (raw.documents.parsed_at records every parse)",
            len(report.parsed),
            PARSE_EVENTS_LIMIT,
        )
        return
    for path in report.parsed:
        outcome = report.outcomes.get(path)
        metadata = {"path": path, "full_refresh": report.full}
        if outcome is not None:
            metadata |= {"document_id": outcome.document_id, "outcome": outcome.outcome}
            if outcome.reason:
                metadata["reason"] = outcome.reason
        context.log_event(
            dg.AssetMaterialization(
                asset_key=document_parses.key, partition=path, metadata=metadata
            )
        )
