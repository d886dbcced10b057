"""The dbt step on dagster-dbt's public API (decision 1100): its events reach Dagster while dbt
runs, a build changes nothing in the process's environment, and the reason the mart row counts
are not dagster-dbt's own still holds for the pinned versions."""

from __future__ import annotations

import json
from pathlib import Path

import dagster as dg
import duckdb
import pytest

from dagster_project.defs.dbt_project import dbt_project
from dagster_project.defs.resources import make_resources
from dagster_project.defs.transform import build_file_vars

DBT_STEP = "foi_dbt_models"


@pytest.fixture(scope="module")
def seed_events(seed_build: Path) -> dict:
    """The in-process `foi build` of the seed (tests/conftest.py `seed_build`), recorded in an
    instance of its own: its exit code, its event records and the process environment before
    and after it."""
    recorded = json.loads((seed_build / "build.json").read_text(encoding="utf-8"))
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DAGSTER_HOME", str(seed_build / "dagster_home"))
        with dg.DagsterInstance.get() as instance:
            (run,) = instance.get_runs(limit=1)
            records = list(instance.get_records_for_run(run.run_id, limit=100_000).records)
    return {**recorded, "records": records}


def _events(records: list, kind: dg.DagsterEventType, step: str = DBT_STEP) -> list:
    return [
        r.event_log_entry
        for r in records
        if r.event_log_entry.dagster_event is not None
        and r.event_log_entry.dagster_event.event_type == kind
        and r.event_log_entry.step_key == step
    ]


def test_models_reach_dagster_while_dbt_is_still_running(seed_events: dict) -> None:
    assert seed_events["code"] == 0
    records = seed_events["records"]
    (finished,) = _events(records, dg.DagsterEventType.STEP_SUCCESS)
    materialised = _events(records, dg.DagsterEventType.ASSET_MATERIALIZATION)
    by_schema: dict[str, list[float]] = {}
    for entry in materialised:
        schema = entry.dagster_event.asset_key.path[0]
        by_schema.setdefault(schema, []).append(entry.timestamp)
    # The seeds load first and 200-odd data tests run after the models: events that were
    # buffered until dbt ended would all land within a moment of the step's end.
    assert min(by_schema["reference"]) < finished.timestamp - 2.0
    assert min(by_schema["staging"]) < finished.timestamp - 2.0
    # The marts are held until dbt has finished, to carry the last pass's row count and preview.
    assert min(by_schema["marts"]) > max(by_schema["staging"])


def test_each_model_is_materialised_once_and_marts_carry_row_counts(seed_events: dict) -> None:
    materialised = _events(seed_events["records"], dg.DagsterEventType.ASSET_MATERIALIZATION)
    keys = [entry.dagster_event.asset_key.to_user_string() for entry in materialised]
    assert len(keys) == len(set(keys))
    marts = {
        entry.dagster_event.asset_key.to_user_string(): entry.dagster_event.materialization
        for entry in materialised
        if entry.dagster_event.asset_key.path[0] == "marts"
    }
    assert marts["marts/fct_breaches_by_force_year"].metadata["dagster/row_count"].value == 15


def test_a_build_writes_nothing_to_the_process_environment(seed_events: dict) -> None:
    assert seed_events["after"] == seed_events["before"]


def test_dagster_dbt_row_counts_still_wait_for_dbt_and_keep_duckdb_open(tmp_path: Path) -> None:
    """Pins the two reasons decision 1100 gives for reading mart row counts itself. When this
    test fails, dagster-dbt has changed: try `.stream().fetch_row_counts()` in DbtPass.run."""
    database = tmp_path / "foi.duckdb"
    dbt = make_resources()["dbt"]
    invocation = dbt.cli(
        ["seed", "--select", "forces", *build_file_vars(database)],
        manifest=dbt_project.manifest_path,
        target_path=tmp_path / "target",
    )
    events = invocation.stream().fetch_row_counts()
    first = next(events)
    # On DuckDB, dagster-dbt holds every event until the dbt process has exited.
    assert invocation.process.returncode == 0
    assert first.metadata["dagster/row_count"].value > 40
    list(events)
    # ... and its adapter keeps a connection to the file in this process, so no other
    # connection here (the quarantine, publication, the summary) may open it differently.
    with pytest.raises(duckdb.ConnectionException, match="different configuration"):
        duckdb.connect(str(database), read_only=True).close()
