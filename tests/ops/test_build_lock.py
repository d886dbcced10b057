"""One writer per warehouse: a second build waits for (or is refused by) the first, and a build
killed with SIGKILL leaves no lock behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from dagster_project.warehouse import BuildInProgress, build_lock

HOLDER = """
import sys, time
from pathlib import Path
from dagster_project.warehouse import build_lock
with build_lock(Path(sys.argv[1])):
    print("holding", flush=True)
    time.sleep(600)
"""


def start_holder(build_path: Path) -> subprocess.Popen:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(build_path)], stdout=subprocess.PIPE, text=True
    )
    assert holder.stdout.readline().strip() == "holding"
    return holder


def test_second_writer_is_refused_with_a_clear_message_while_a_build_runs(tmp_path: Path) -> None:
    build_path = tmp_path / ".build" / "foi.duckdb"
    holder = start_holder(build_path)
    try:
        with pytest.raises(BuildInProgress) as refused, build_lock(build_path, wait_seconds=0):
            pass
        assert f"another build is writing this warehouse (pid {holder.pid} since" in str(
            refused.value
        )
    finally:
        holder.kill()
        holder.wait()


def test_killed_build_leaves_no_lock_behind(tmp_path: Path) -> None:
    build_path = tmp_path / ".build" / "foi.duckdb"
    holder = start_holder(build_path)
    os.kill(holder.pid, signal.SIGKILL)
    assert holder.wait() == -signal.SIGKILL
    with build_lock(build_path, wait_seconds=0) as lock_file:
        assert lock_file.read_text().startswith(f"pid {os.getpid()} since ")


def test_lock_is_reentrant_within_one_build(tmp_path: Path) -> None:
    build_path = tmp_path / ".build" / "foi.duckdb"
    with build_lock(build_path, wait_seconds=0), build_lock(build_path, wait_seconds=0):
        holder = subprocess.run(
            [
                sys.executable,
                "-c",
                HOLDER.replace("build_lock(Path(sys.argv[1]))", "build_lock(Path(sys.argv[1]), 0)"),
                str(build_path),
            ],
            capture_output=True,
            text=True,
        )
    assert holder.returncode == 1
    assert "BuildInProgress: another build is writing this warehouse" in holder.stderr
