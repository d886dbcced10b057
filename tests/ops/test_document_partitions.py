"""Each document under raw/ is a `documents` partition; each parse of it is recorded as a
materialisation of `raw/document_parses`, and an unchanged document gets no new record."""

from __future__ import annotations

from pathlib import Path

import dagster as dg

from dagster_project.defs import ingestion
from dagster_project.defs.ingestion import document_parses, raw_files, raw_tables
from dagster_project.defs.resources import make_resources
from tests.ops.conftest import SYNTHETIC_FORCE, write_seed, write_synthetic

SEED_PATH = "west-midlands/west-midlands_233A-22.txt"
SYNTHETIC_PATH = f"{SYNTHETIC_FORCE}/staffordshire_OPS-1.txt"


def ingest(raw: Path, published: Path, instance: dg.DagsterInstance) -> None:
    result = dg.materialize(
        [raw_files, raw_tables],
        resources=make_resources(str(raw), str(published)),
        instance=instance,
    )
    assert result.success


def parses(instance: dg.DagsterInstance) -> list[tuple[str, str]]:
    records = instance.fetch_materializations(document_parses.key, limit=100).records
    return sorted(
        (r.partition_key, r.asset_materialization.metadata["outcome"].value) for r in records
    )


def first_ingest_of_two_documents(tmp_path: Path) -> tuple[Path, Path, dg.DagsterInstance]:
    """The seed and a synthetic document ingested once: both are partitions."""
    raw, published = tmp_path / "raw", tmp_path / "warehouse" / "foi.duckdb"
    write_seed(raw)
    write_synthetic(raw)
    instance = dg.DagsterInstance.ephemeral()
    ingest(raw, published, instance)
    assert sorted(instance.get_dynamic_partitions("documents")) == [SYNTHETIC_PATH, SEED_PATH]
    return raw, published, instance


def test_each_document_is_a_partition_with_its_parses_recorded(tmp_path: Path) -> None:
    raw, published, instance = first_ingest_of_two_documents(tmp_path)
    assert parses(instance) == [(SYNTHETIC_PATH, "parsed"), (SEED_PATH, "parsed")]

    ingest(raw, published, instance)  # nothing changed: nothing parsed, nothing recorded
    assert parses(instance) == [(SYNTHETIC_PATH, "parsed"), (SEED_PATH, "parsed")]

    (raw / SYNTHETIC_PATH).write_bytes(b"")
    (raw / SEED_PATH).unlink()
    ingest(raw, published, instance)
    assert instance.get_dynamic_partitions("documents") == [SYNTHETIC_PATH]
    assert parses(instance) == [
        (SYNTHETIC_PATH, "parsed"),
        (SYNTHETIC_PATH, "unreadable"),
        (SEED_PATH, "parsed"),
    ]


def test_a_bulk_parse_records_partitions_but_no_event_per_document(
    tmp_path: Path, monkeypatch
) -> None:
    # Over the limit (a first build of thousands of documents), one event per parse would cost
    # minutes: every document still becomes a partition, and raw.documents records the parse.
    monkeypatch.setattr(ingestion, "PARSE_EVENTS_LIMIT", 1)
    raw, published, instance = first_ingest_of_two_documents(tmp_path)
    assert parses(instance) == []

    (raw / SYNTHETIC_PATH).write_bytes(b"")  # one parse: under the limit, recorded
    ingest(raw, published, instance)
    assert parses(instance) == [(SYNTHETIC_PATH, "unreadable")]
