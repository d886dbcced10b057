"""A build with nothing new stops after its ingest: the published warehouse is not touched,
and a change to the code or dbt project (not only to raw/) is enough to build again."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from dagster_project import build_state
from dagster_project.build_state import published_inputs
from tests.conftest import build_warehouse
from tests.ops.conftest import file_digest, read_state

pytestmark = pytest.mark.slow

SKIPPED = "nothing changed since the published build"


def test_unchanged_raw_and_code_skip_dbt_and_publication(
    two_document_raw: Path, two_document_warehouse: Path, tmp_path: Path, capsys, monkeypatch
) -> None:
    shutil.copytree(two_document_warehouse.parent, tmp_path / "warehouse")
    published = tmp_path / "warehouse" / "foi.duckdb"
    before = file_digest(published), published.stat().st_mtime_ns
    recorded = published_inputs(published)
    assert recorded is not None and len(recorded) == 64

    build_warehouse(two_document_raw, published)
    assert SKIPPED in capsys.readouterr().out
    assert (file_digest(published), published.stat().st_mtime_ns) == before

    # The same documents under changed code (here: the code's fingerprint) are built again.
    monkeypatch.setattr(build_state, "code_fingerprint", lambda: "changed code")
    build_warehouse(two_document_raw, published)
    assert SKIPPED not in capsys.readouterr().out
    assert published.stat().st_mtime_ns != before[1]
    assert published_inputs(published) not in (None, recorded)
    assert read_state(published) == read_state(two_document_warehouse)
