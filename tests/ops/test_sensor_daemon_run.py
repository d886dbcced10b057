"""The sensor for real: a Dagster daemon with the committed instance config notices a document
dropped into raw/, queues one run of rebuild_everything, and that run publishes the warehouse."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import dagster as dg
import pytest

from tests.conftest import committed_dagster_home
from tests.ops.conftest import read_state, write_seed

pytestmark = pytest.mark.slow

POLLS = 600  # half-second polls: a daemon start, a sensor tick and a whole build (~85 s here)


def wait_for_run(
    home: Path, daemon: subprocess.Popen, log: Path
) -> tuple[dg.DagsterRun, list[str]]:
    """The sensor's finished run, with the error messages of its failures (if any)."""
    with dg.DagsterInstance.from_config(str(home)) as instance:
        for _ in range(POLLS):
            assert daemon.poll() is None, f"the dagster daemon exited\n{tail(log)}"
            runs = instance.get_runs(
                filters=dg.RunsFilter(tags={"foi/trigger": "raw_documents_sensor"})
            )
            if runs and runs[0].is_finished:
                return runs[0], failures(instance, runs[0].run_id)
            time.sleep(0.5)
        runs = instance.get_runs()
        statuses = [(run.job_name, run.status.value, run.tags) for run in runs]
        logs = [
            f"{entry.level} {entry.user_message}"
            for run in runs
            for entry in instance.all_logs(run.run_id)
        ]
    pytest.fail(
        "no finished run from raw_documents_sensor\n"
        f"runs: {statuses}\nrun logs (last 40):\n" + "\n".join(logs[-40:]) + f"\n{tail(log)}"
    )


def tail(log: Path, lines: int = 60) -> str:
    """The end of the daemon's output, for a failure message."""
    text = log.read_text(encoding="utf-8", errors="replace") if log.exists() else ""
    return "daemon output (end):\n" + "\n".join(text.splitlines()[-lines:])


def failures(instance: dg.DagsterInstance, run_id: str) -> list[str]:
    messages = []
    for entry in instance.all_logs(run_id):
        event = entry.dagster_event
        error = getattr(event.event_specific_data, "error", None) if event else None
        if error is not None:
            messages.append(error.message)
    return messages


def test_sensor_starts_a_run_that_publishes_a_new_document(tmp_path: Path) -> None:
    home, raw = tmp_path / "dagster_home", tmp_path / "raw"
    published = tmp_path / "warehouse" / "foi.duckdb"
    committed_dagster_home(home)
    write_seed(raw)
    env = {
        **os.environ,
        "DAGSTER_HOME": str(home),
        "FOI_RAW_DIR": str(raw),
        "FOI_WAREHOUSE": str(published),
    }
    log = tmp_path / "daemon.log"
    with log.open("wb") as output:
        daemon = subprocess.Popen(
            [
                str(Path(sys.executable).parent / "dagster-daemon"),
                "run",
                "-m",
                "dagster_project.definitions",
            ],
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    try:
        run, errors = wait_for_run(home, daemon, log)
    finally:
        daemon.terminate()
        daemon.wait()
    assert run.status == dg.DagsterRunStatus.SUCCESS, "\n".join(errors)
    assert run.job_name == "rebuild_everything"
    assert (run.tags["foi/new"], run.tags["foi/changed"], run.tags["foi/deleted"]) == (
        "1",
        "0",
        "0",
    )
    assert read_state(published)[0] == 1
