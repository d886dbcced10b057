"""Ingest assets: the files under raw/ and the raw.* tables parsed from them.

The assets are thin; the work is in `dagster_project.ingest`, plain modules with no Dagster.
"""


import duckdb
import dagster as dg

from dagster_project.defs.resources import WarehouseResource
from dagster_project.ingest.documents import content_hash, discover_documents
from dagster_project.ingest.raw_tables import RAW_TABLES
from dagster_project.ingest.run import ingest_folder

RAW_TABLE_DESCRIPTIONS = {
    "documents": "One row per document file: content hash, path, force folder, metadata.",
    "sections": "One row per question/answer block: question and answer text as printed.",
    "table_cells": "One row per table cell, with its row and column labels and locator.",
    "inline_figures": "Numbers found in running text or lists, with the words around them.",
    "exemptions": "FOI Act sections cited (12, 40(2), ...), with the sentence citing them.",
    "page_furniture": "Page-break debris set aside: stray dates, page numbers, force names.",
    "ingest_errors": "Files that could not be read: path and one clear sentence why.",
}


@dg.asset(
    key=["raw", "files"],
    group_name="ingest",
    kinds={"python", "file"},
    description="The document files under raw/<force>/, with their content hashes.",
)
def raw_files(context: dg.AssetExecutionContext, warehouse: WarehouseResource) -> dg.MaterializeResult:
    sources = discover_documents(warehouse.raw())
    listing = []
    for source in sources:
        digest, size = content_hash(source.path)
        listing.append(f"| {source.rel_path} | {source.format} | {size} | {digest[:12]} |")
    context.log.info("%d files under %s", len(sources), warehouse.raw())
    table = "\n".join(["| path | format | bytes | sha256 |", "|---|---|---|---|", *listing[:200]])
    return dg.MaterializeResult(
        metadata={
            "file_count": len(sources),
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
        )
        for table in RAW_TABLES
    ],
    can_subset=False,
)
def raw_tables(context: dg.AssetExecutionContext, warehouse: WarehouseResource):
    """Parse every document and replace the raw.* tables; a bad document never stops the rest."""
    con = duckdb.connect(str(warehouse.build()))
    try:
        counts = ingest_folder(warehouse.raw(), con, progress=context.log.debug)
    finally:
        con.close()
    if counts["ingest_errors"]:
        context.log.warning("%d files could not be read: see raw.ingest_errors",
                            counts["ingest_errors"])
    for table in RAW_TABLES:
        yield dg.MaterializeResult(
            asset_key=["raw", table], metadata={"row_count": counts.get(table, 0)}
        )
