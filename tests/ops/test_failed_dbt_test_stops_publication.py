"""A dbt test of severity error that fails stops publication with a clear message, and the
published warehouse stays as it was."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from dagster_project.cli import build
from tests.ops.conftest import copy_warehouse, file_digest, read_state, write_seed

pytestmark = pytest.mark.slow


def test_failed_error_severity_dbt_test_stops_publication(
    seed_warehouse: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    published = copy_warehouse(seed_warehouse, tmp_path)
    before_digest, before_state = file_digest(published), read_state(published)
    raw = tmp_path / "raw"
    seed = write_seed(raw)
    # The same bytes at a second path break the `unique` test on raw.documents.document_id.
    shutil.copy(seed, seed.with_name("copy-of-233A-22.txt"))

    assert build(raw, published) == 1
    err = capsys.readouterr().err
    assert "foi build failed" in err
    assert f"the published warehouse {published} was left as it was." in err
    assert "FAIL 1 source_unique_raw_documents_document_id" in err
    assert file_digest(published) == before_digest
    assert read_state(published) == before_state
