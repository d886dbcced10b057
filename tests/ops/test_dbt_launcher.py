"""The dbt step runs dbt through `foi-dbt` (decision 1600): dbt itself, except that
`--version` is answered from package metadata instead of importing dbt and asking PyPI."""

from __future__ import annotations

import os
import re
import stat
import subprocess
import sysconfig
from pathlib import Path

import dbt.version
from dagster_dbt import DbtCliResource

from dagster_project.dbt_launcher import dbt_executable
from dagster_project.defs.resources import make_resources
from dagster_project.paths import DBT_DIR

LAUNCHER = Path(sysconfig.get_path("scripts")) / "foi-dbt"


def test_the_launcher_reports_the_installed_dbt_in_dbt_s_words() -> None:
    shown = subprocess.run(
        [str(LAUNCHER), "--version"], capture_output=True, text=True, check=True
    ).stdout
    # dagster-dbt reads the first x.y.z of this output as the dbt version it drives.
    assert re.search(r"(\d+\.\d+\.\d+)", shown).group(1) == dbt.version.__version__
    assert "duckdb: 1.11.1" in shown
    assert "latest" not in shown  # no network question on the way to every build


def test_the_launcher_passes_every_other_command_to_dbt() -> None:
    shown = subprocess.run(
        [str(LAUNCHER), "debug", "--config-dir", "--profiles-dir", str(DBT_DIR)],
        capture_output=True,
        text=True,
        check=False,
        cwd=DBT_DIR,
    )
    assert shown.returncode == 0, shown.stdout + shown.stderr
    assert str(DBT_DIR) in shown.stdout


def test_the_dbt_resource_runs_the_launcher() -> None:
    assert Path(make_resources()["dbt"].dbt_executable) == LAUNCHER


def test_an_install_from_before_the_launcher_runs_dbt_itself(tmp_path: Path) -> None:
    """A venv installed before `foi-dbt` existed has `foi` and `dbt` but no `foi-dbt`: the
    definitions must still load and build (dagster-dbt refuses a missing executable)."""
    (tmp_path / "dbt").touch()
    assert dbt_executable(tmp_path) == str(tmp_path / "dbt")
    (tmp_path / "foi-dbt").touch()
    assert dbt_executable(tmp_path) == str(tmp_path / "foi-dbt")


def test_dagster_dbt_still_asks_the_executable_for_its_version(tmp_path: Path) -> None:
    """The pin: the launcher's one difference serves this call. If dagster-dbt stops asking
    `<dbt_executable> --version` (or asks otherwise), this fails and the launcher's special
    case can go."""
    calls = tmp_path / "calls.txt"
    recorder = tmp_path / "dbt"
    recorder.write_text(f'#!/bin/sh\necho "$*" >> {calls}\nexec {LAUNCHER} "$@"\n')
    recorder.chmod(recorder.stat().st_mode | stat.S_IXUSR)
    resource = DbtCliResource(
        project_dir=os.fspath(DBT_DIR),
        profiles_dir=os.fspath(DBT_DIR),
        dbt_executable=str(recorder),
    )
    invocation = resource.cli(["--version"], raise_on_error=False)
    assert invocation.process.wait() == 0
    assert calls.read_text().splitlines() == ["--version", "--version"]
