"""Which Dagster instance a build records its run in, and that opening one is safe in parallel."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import dagster as dg

from dagster_project.cli import _instance
from tests.conftest import committed_dagster_home

OPEN_INSTANCE = """
import sys
from pathlib import Path
from dagster_project.cli import _instance
with _instance(Path(sys.argv[1])) as instance:
    print(instance.is_persistent, len(instance.get_runs()))
"""


def test_a_fresh_instance_opened_by_four_processes_at_once_is_created_once(tmp_path: Path) -> None:
    home = tmp_path / "dagster_home"
    env = {**os.environ, "DAGSTER_HOME": str(home)}
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", OPEN_INSTANCE, str(tmp_path / "foi.duckdb")],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(4)
    ]
    outputs = [process.communicate(timeout=120) for process in processes]
    assert [process.returncode for process in processes] == [0] * 4, [e for _, e in outputs]
    assert [out.strip() for out, _ in outputs] == ["True 0"] * 4


def test_a_scratch_warehouse_gets_a_throwaway_instance_and_leaks_no_home(tmp_path: Path) -> None:
    warehouse = (tmp_path / "foi.duckdb").resolve()
    # `foi build` points FOI_WAREHOUSE at the warehouse it builds; a second build of the same
    # scratch warehouse must still not be taken for the project's own.
    os.environ["FOI_WAREHOUSE"] = str(warehouse)
    try:
        with _instance(warehouse) as instance:
            assert not instance.is_persistent
    finally:
        del os.environ["FOI_WAREHOUSE"]
    assert "DAGSTER_HOME" not in os.environ


def test_a_named_home_is_used_and_restored(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("DAGSTER_HOME", str(tmp_path / "home"))
    with _instance(tmp_path / "foi.duckdb") as instance:
        assert instance.is_persistent
        assert Path(instance.root_directory) == tmp_path / "home"
    assert os.environ["DAGSTER_HOME"] == str(tmp_path / "home")


def test_the_committed_instance_runs_one_at_a_time_and_fails_a_run_that_never_starts(
    tmp_path: Path,
) -> None:
    # A run whose worker never started would otherwise hold the one-run queue for ever.
    home = committed_dagster_home(tmp_path / "dagster_home")
    with dg.DagsterInstance.from_config(str(home)) as instance:
        assert instance.get_concurrency_config().run_queue_config.max_concurrent_runs == 1
        assert instance.run_monitoring_enabled
        assert instance.run_monitoring_start_timeout_seconds == 300
