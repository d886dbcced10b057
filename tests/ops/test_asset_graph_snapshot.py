"""The whole asset graph (keys, deps, groups, partitions, checks, jobs, schedules, sensors) is
snapshotted, so every lineage change is a reviewed diff.

After an intended change, rewrite the snapshot and review it:
    FOI_UPDATE_SNAPSHOTS=1 .venv/bin/pytest tests/ops/test_asset_graph_snapshot.py
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import dagster as dg

SNAPSHOT = Path(__file__).parent / "snapshots" / "asset_graph.json"


def describe(defs: dg.Definitions) -> dict:
    """The asset graph of a code location as plain, sorted JSON-able data."""
    graph = defs.resolve_asset_graph()
    checks: dict[str, list[str]] = {}
    for check in graph.asset_check_keys:
        checks.setdefault(check.asset_key.to_user_string(), []).append(check.name)
    assets = {}
    for spec in defs.resolve_all_asset_specs():
        key = spec.key.to_user_string()
        assets[key] = {
            "deps": sorted(dep.asset_key.to_user_string() for dep in spec.deps),
            "group": spec.group_name,
            "kinds": sorted(spec.kinds),
            "partitions": type(spec.partitions_def).__name__ if spec.partitions_def else None,
            "checks": sorted(checks.get(key, [])),
        }
    repository = defs.get_repository_def()
    return {
        "assets": dict(sorted(assets.items())),
        "jobs": sorted(
            job.name for job in repository.get_all_jobs() if not job.name.startswith("__")
        ),
        "schedules": {
            s.name: {"job": s.job_name, "cron": s.cron_schedule, "timezone": s.execution_timezone}
            for s in sorted(repository.schedule_defs, key=lambda s: s.name)
        },
        "sensors": {
            s.name: {"jobs": sorted(job.name for job in s.jobs)}
            for s in sorted(repository.sensor_defs, key=lambda s: s.name)
        },
    }


def test_asset_graph_matches_the_reviewed_snapshot() -> None:
    from dagster_project.definitions import defs

    current = json.dumps(describe(defs), indent=1, sort_keys=True) + "\n"
    if os.environ.get("FOI_UPDATE_SNAPSHOTS") == "1":
        SNAPSHOT.write_text(current, encoding="utf-8")
    assert SNAPSHOT.exists(), "no snapshot yet: run with FOI_UPDATE_SNAPSHOTS=1 and review it"
    assert current == SNAPSHOT.read_text(encoding="utf-8"), (
        "the asset graph changed: review the diff, then FOI_UPDATE_SNAPSHOTS=1 to accept it"
    )
