"""Crash safety: `foi build` killed with SIGKILL during ingest, during dbt and during publication
leaves the last published warehouse intact, and the next build succeeds with the same facts as a
clean build. Real processes, real kills."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest

from tests.ops.conftest import (
    FoiProcess,
    copy_warehouse,
    file_digest,
    marts_contents,
    read_state,
)

pytestmark = pytest.mark.slow

KILL_POINTS = {
    # As the ingest starts parsing its two documents, before their rows are written.
    "ingest": "raw_tables - 0 files unchanged, 2 to parse",
    # dbt has built the staging views and is building the rest.
    "dbt": "OK created sql view model staging.",
}


def killed_build(raw: Path, published: Path, kill_when: str) -> FoiProcess:
    build = FoiProcess("build", "--raw-dir", str(raw), "--warehouse", str(published))
    build.wait_for(kill_when)
    os.kill(build.process.pid, signal.SIGKILL)
    assert build.finish() == -signal.SIGKILL
    return build


def test_kill_9_leaves_the_published_warehouse_intact_and_the_next_build_succeeds(
    seed_warehouse: Path, two_document_raw: Path, two_document_warehouse: Path, tmp_path: Path
) -> None:
    published = copy_warehouse(seed_warehouse, tmp_path)
    previous_digest, previous_state = file_digest(published), read_state(published)
    for point, kill_when in KILL_POINTS.items():
        killed_build(two_document_raw, published, kill_when)
        assert file_digest(published) == previous_digest, point
        assert read_state(published) == previous_state, point

    # Killed while publishing: readers see either the previous build or the new one, whole.
    killed_build(two_document_raw, published, 'Started execution of step "warehouse__published"')
    assert read_state(published) in (previous_state, read_state(two_document_warehouse))

    final = FoiProcess("build", "--raw-dir", str(two_document_raw), "--warehouse", str(published))
    assert final.finish() == 0, final.output()
    assert read_state(published) == read_state(two_document_warehouse)
    facts = marts_contents(published)["fct_disclosed_figures"]
    assert facts == marts_contents(two_document_warehouse)["fct_disclosed_figures"]
    assert not list(published.parent.glob(".foi.duckdb.*.publishing"))
