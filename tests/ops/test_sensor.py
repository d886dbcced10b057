"""The sensor on raw/: one run request per change of the folder, one `documents` partition per
document, nothing when nothing changed."""

from __future__ import annotations

import json
from pathlib import Path

import dagster as dg
import pytest

from dagster_project.defs.automation import raw_documents_sensor
from tests.ops.conftest import SYNTHETIC_FORCE, write_seed, write_synthetic

SEED_PATH = "west-midlands/west-midlands_233A-22.txt"
SYNTHETIC_PATH = f"{SYNTHETIC_FORCE}/staffordshire_OPS-1.txt"


def tick(cursor: str | None) -> dg.SensorResult:
    context = dg.build_sensor_context(instance=dg.DagsterInstance.ephemeral(), cursor=cursor)
    return raw_documents_sensor(context)


def partition_changes(result: dg.SensorResult) -> list[tuple[str, list[str]]]:
    return [
        (type(request).__name__, list(request.partition_keys))
        for request in result.dynamic_partitions_requests
    ]


@pytest.fixture
def raw(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "raw"
    write_seed(folder)
    monkeypatch.setenv("FOI_RAW_DIR", str(folder))
    monkeypatch.setenv("FOI_WAREHOUSE", str(tmp_path / "no-warehouse-yet" / "foi.duckdb"))
    return folder


def test_first_tick_starts_from_the_published_build(
    seed_warehouse: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Right after `make run`: the sensor has no cursor, the warehouse was built from this raw/.
    raw = seed_warehouse.parent.parent / "raw"
    monkeypatch.setenv("FOI_RAW_DIR", str(raw))
    monkeypatch.setenv("FOI_WAREHOUSE", str(seed_warehouse))
    first = tick(None)
    assert not first.run_requests
    assert first.skip_reason.skip_message == "no new, changed or deleted documents under raw/"
    assert sorted(json.loads(first.cursor)) == [SEED_PATH]


def test_sensor_requests_a_run_for_new_changed_and_deleted_documents(raw: Path) -> None:
    first = tick(None)
    assert [r.tags["foi/new"] for r in first.run_requests] == ["1"]
    assert partition_changes(first) == [("AddDynamicPartitionsRequest", [SEED_PATH])]

    quiet = tick(first.cursor)
    assert quiet.run_requests is None or quiet.run_requests == []
    assert quiet.skip_reason.skip_message == "no new, changed or deleted documents under raw/"

    write_synthetic(raw)
    added = tick(first.cursor)
    assert [(r.tags["foi/new"], r.tags["foi/changed"]) for r in added.run_requests] == [("1", "0")]
    assert partition_changes(added) == [("AddDynamicPartitionsRequest", [SYNTHETIC_PATH])]

    write_synthetic(raw, register_2021="5,000")
    changed = tick(added.cursor)
    assert [(r.tags["foi/new"], r.tags["foi/changed"]) for r in changed.run_requests] == [
        ("0", "1")
    ]
    assert partition_changes(changed) == []

    (raw / SYNTHETIC_PATH).unlink()
    deleted = tick(changed.cursor)
    assert [r.tags["foi/deleted"] for r in deleted.run_requests] == ["1"]
    assert partition_changes(deleted) == [("DeleteDynamicPartitionsRequest", [SYNTHETIC_PATH])]
    assert deleted.run_requests[0].run_key != first.run_requests[0].run_key
