"""A build with nothing new does not touch the published warehouse: when no file under raw/ was
touched it answers from the file listing alone (decision 1500), else it stops after its ingest;
a change to the code or dbt project (not only to raw/) is enough to build again."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from dagster_project import build_state, topics
from dagster_project.build_state import published_inputs
from tests.conftest import build_warehouse
from tests.ops.conftest import file_digest, read_state

pytestmark = pytest.mark.slow

SKIPPED = "nothing changed since the published build"
UNTOUCHED = "nothing changed since the published build (no file under the raw folder"


def test_unchanged_raw_and_code_skip_dbt_and_publication(
    two_document_raw: Path, two_document_warehouse: Path, tmp_path: Path, capsys, monkeypatch
) -> None:
    shutil.copytree(two_document_warehouse.parent, tmp_path / "warehouse")
    published = tmp_path / "warehouse" / "foi.duckdb"
    before = file_digest(published), published.stat().st_mtime_ns
    recorded = published_inputs(published)
    assert recorded is not None and len(recorded) == 64

    build_warehouse(two_document_raw, published)
    assert UNTOUCHED in capsys.readouterr().out
    assert (file_digest(published), published.stat().st_mtime_ns) == before

    # The same documents under changed code (here: the code's fingerprint) are built again.
    monkeypatch.setattr(build_state, "code_fingerprint", lambda: "changed code")
    build_warehouse(two_document_raw, published)
    assert SKIPPED not in capsys.readouterr().out
    assert published.stat().st_mtime_ns != before[1]
    assert published_inputs(published) not in (None, recorded)
    assert read_state(published) == read_state(two_document_warehouse)


def test_a_touched_file_is_read_again_and_the_listing_then_answers(
    two_document_raw: Path, two_document_warehouse: Path, tmp_path: Path, capsys
) -> None:
    shutil.copytree(two_document_raw, tmp_path / "raw")
    shutil.copytree(two_document_warehouse.parent, tmp_path / "warehouse")
    raw, published = tmp_path / "raw", tmp_path / "warehouse" / "foi.duckdb"
    before = file_digest(published)
    # A copied raw folder has new inodes and times: the ingest reads it, finds the same bytes.
    build_warehouse(raw, published)
    out = capsys.readouterr().out
    assert SKIPPED in out and UNTOUCHED not in out
    build_warehouse(raw, published)
    assert UNTOUCHED in capsys.readouterr().out

    # The same bytes written again with their old modification time: the change time moved.
    seed = next(raw.glob("west-midlands/*.txt"))
    stat = seed.stat()
    seed.write_bytes(seed.read_bytes())
    os.utime(seed, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    build_warehouse(raw, published)
    out = capsys.readouterr().out
    assert SKIPPED in out and UNTOUCHED not in out

    # An empty force folder is an input too (a warning in raw.ingest_errors): a new build.
    (raw / "cumbria").mkdir()
    build_warehouse(raw, published)
    assert SKIPPED not in capsys.readouterr().out
    assert file_digest(published) != before
    assert build_state.unchanged_since_published(raw, published, topics.pack_files())
