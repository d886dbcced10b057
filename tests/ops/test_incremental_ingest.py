"""Incremental ingest into a real DuckDB file: a document is parsed once per content; changed
files replace their rows, deleted files lose them, and the result equals a full parse."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from dagster_project.ingest import run
from dagster_project.ingest.raw_tables import RAW_TABLES
from dagster_project.ingest.run import ingest_incrementally
from dagster_project.paths import PROJECT_ROOT
from tests.ops.conftest import SYNTHETIC_FORCE, write_seed, write_synthetic

SEED_PATH = "west-midlands/west-midlands_233A-22.txt"
SYNTHETIC_PATH = f"{SYNTHETIC_FORCE}/staffordshire_OPS-1.txt"


@pytest.fixture
def raw(tmp_path: Path) -> Path:
    folder = tmp_path / "raw"
    write_seed(folder)
    write_synthetic(folder)
    return folder


@pytest.fixture
def con(tmp_path: Path):
    connection = duckdb.connect(str(tmp_path / "build.duckdb"))
    yield connection
    connection.close()


def raw_contents(con: duckdb.DuckDBPyConnection) -> dict[str, list[tuple]]:
    """Every raw table's rows in a stable order, without the parse timestamps."""
    contents = {}
    for table in RAW_TABLES:
        columns = [
            name
            for (name,) in con.execute(
                "select column_name from information_schema.columns "
                "where table_schema = 'raw' and table_name = ? order by ordinal_position",
                [table],
            ).fetchall()
            if name not in ("parsed_at", "seen_at")
        ]
        contents[table] = con.execute(
            f"select {', '.join(columns)} from raw.{table} order by all"
        ).fetchall()
    return contents


def document_ids(con: duckdb.DuckDBPyConnection, table: str = "documents") -> set[str]:
    return {
        row[0] for row in con.execute(f"select distinct document_id from raw.{table}").fetchall()
    }


def test_unchanged_documents_are_not_parsed_again(raw: Path, con) -> None:
    first = ingest_incrementally(raw, con)
    before = raw_contents(con)
    second = ingest_incrementally(raw, con)
    assert (first.parsed, first.reused) == ([SYNTHETIC_PATH, SEED_PATH], [])
    assert (second.parsed, second.reused, second.removed) == ([], [SYNTHETIC_PATH, SEED_PATH], [])
    assert raw_contents(con) == before
    assert second.counts["documents"] == 2


def test_changed_document_replaces_its_old_rows(raw: Path, con) -> None:
    ingest_incrementally(raw, con)
    old_ids = document_ids(con)
    write_synthetic(raw, register_2021="9,999")
    report = ingest_incrementally(raw, con)
    assert (report.parsed, report.reused) == ([SYNTHETIC_PATH], [SEED_PATH])
    new_ids = document_ids(con)
    assert len(old_ids - new_ids) == 1 and len(new_ids - old_ids) == 1
    for table in ("sections", "table_cells", "inline_figures", "exemptions"):
        assert document_ids(con, table) == new_ids, table
    values = con.execute(
        "select value_text from raw.inline_figures f join raw.documents d using (document_id) "
        "where d.path = ? and f.label_text like '%2021%'",
        [SYNTHETIC_PATH],
    ).fetchall()
    assert values == [("9,999",)]


def test_deleted_document_disappears(raw: Path, con) -> None:
    ingest_incrementally(raw, con)
    (raw / SYNTHETIC_PATH).unlink()
    report = ingest_incrementally(raw, con)
    assert (report.parsed, report.reused, report.removed) == ([], [SEED_PATH], [SYNTHETIC_PATH])
    assert con.execute("select path from raw.documents").fetchall() == [(SEED_PATH,)]
    for table in ("sections", "table_cells", "inline_figures", "exemptions", "page_furniture"):
        assert len(document_ids(con, table)) == 1, table


def test_sidecar_change_parses_the_document_again(raw: Path, con) -> None:
    ingest_incrementally(raw, con)
    sidecar = raw / SYNTHETIC_FORCE / "staffordshire_OPS-1.meta.yml"
    sidecar.write_text(sidecar.read_text() + "response_date: 2022-03-01\n")
    report = ingest_incrementally(raw, con)
    assert report.parsed == [SYNTHETIC_PATH]
    dates = con.execute("select response_date from raw.documents where path = ?", [SYNTHETIC_PATH])
    assert dates.fetchall() == [("2022-03-01",)]


def test_unreadable_file_keeps_its_error_without_being_parsed_again(raw: Path, con) -> None:
    (raw / SYNTHETIC_FORCE / "empty.txt").write_bytes(b"")
    first = ingest_incrementally(raw, con)
    second = ingest_incrementally(raw, con)
    assert f"{SYNTHETIC_FORCE}/empty.txt" in first.parsed
    assert f"{SYNTHETIC_FORCE}/empty.txt" in second.reused and second.parsed == []
    errors = con.execute("select path, error_kind from raw.ingest_errors").fetchall()
    assert errors == [(f"{SYNTHETIC_FORCE}/empty.txt", "empty")]


def test_incremental_result_equals_a_full_parse(raw: Path, con, tmp_path: Path) -> None:
    ingest_incrementally(raw, con)
    write_synthetic(raw, register_2021="1,234")
    (raw / SEED_PATH).unlink()
    write_seed(raw)  # the same bytes written again: still unchanged
    ingest_incrementally(raw, con)
    fresh = duckdb.connect(str(tmp_path / "fresh.duckdb"))
    try:
        full = ingest_incrementally(raw, fresh, full_refresh=True)
        assert full.full and len(full.parsed) == 2
        assert raw_contents(con) == raw_contents(fresh)
    finally:
        fresh.close()


def test_parallel_batched_ingest_equals_a_serial_one(tmp_path: Path, monkeypatch) -> None:
    # The bundled corpus (21 documents, a bad one added) parsed in 2 worker processes and
    # written 3 documents at a time lands exactly as one process writing once.
    bundled = tmp_path / "bundled"
    shutil.copytree(PROJECT_ROOT / "raw", bundled)
    (bundled / SYNTHETIC_FORCE).mkdir(exist_ok=True)
    (bundled / SYNTHETIC_FORCE / "broken.pdf").write_bytes(b"%PDF-1.4 not really")
    monkeypatch.setenv("FOI_PARSE_WORKERS", "1")
    serial = duckdb.connect(str(tmp_path / "serial.duckdb"))
    ingest_incrementally(bundled, serial)
    monkeypatch.setenv("FOI_PARSE_WORKERS", "2")
    monkeypatch.setattr(run, "PARSE_BATCH", 3)
    parallel = duckdb.connect(str(tmp_path / "parallel.duckdb"))
    report = ingest_incrementally(bundled, parallel)
    assert len(report.parsed) == 22
    assert raw_contents(parallel) == raw_contents(serial)
    assert len(raw_contents(parallel)["documents"]) == 21
    assert [row[0] for row in raw_contents(parallel)["ingest_errors"]] == [
        f"{SYNTHETIC_FORCE}/broken.pdf"
    ]


def test_ingest_killed_between_batches_is_repaired_by_the_next(tmp_path: Path, monkeypatch) -> None:
    # Batches are committed one by one: an ingest that dies after some of them must leave
    # nothing the next ingest would wrongly keep, not even rows it had dropped.
    bundled = tmp_path / "bundled"
    shutil.copytree(PROJECT_ROOT / "raw", bundled)
    monkeypatch.setenv("FOI_PARSE_WORKERS", "1")
    monkeypatch.setattr(run, "PARSE_BATCH", 2)
    con = duckdb.connect(str(tmp_path / "build.duckdb"))
    ingest_incrementally(bundled, con)
    complete = raw_contents(con)

    sidecars = sorted(bundled.rglob("*.meta.yml"))
    stem = sidecars[0].name.removesuffix(".meta.yml")
    (dropped,) = (p for p in sidecars[0].parent.iterdir() if p.stem == stem)
    moved = tmp_path / "moved"
    dropped.rename(moved)  # its rows are dropped by the next ingest...
    originals = {path: path.read_text() for path in sidecars[1:7]}
    for path in originals:  # ...and these six are parsed again
        path.write_text(originals[path] + "\ntitle: edited\n")
    parse_one, calls = run._parse_one, []

    def dies_on_the_fifth(*args, **kwargs):
        calls.append(1)
        if len(calls) == 5:
            raise RuntimeError("killed")
        return parse_one(*args, **kwargs)

    monkeypatch.setattr(run, "_parse_one", dies_on_the_fifth)
    with pytest.raises(RuntimeError, match="killed"):
        ingest_incrementally(bundled, con)
    monkeypatch.setattr(run, "_parse_one", parse_one)

    moved.rename(dropped)
    for path, text in originals.items():
        path.write_text(text)
    ingest_incrementally(bundled, con)
    assert raw_contents(con) == complete
