"""Shared fixtures: real builds of real warehouses in temporary folders."""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import duckdb
import pytest

from dagster_project.cli import build
from dagster_project.dbt_manifest import prepare
from dagster_project.paths import PROJECT_ROOT

REPO_RAW = PROJECT_ROOT / "raw"
SEED_DOCUMENT = REPO_RAW / "west-midlands" / "west-midlands_233A-22.txt"

# The modules that take longest, longest first (pytest --durations, 2 cores; seconds on a loaded
# machine). pytest-xdist hands each worker one module at a time in collection order
# (--dist loadfile, --no-loadscope-reorder in pyproject.toml): started first, they no longer end
# the run on one worker while the other has nothing left. The rest keep their order.
LONGEST_FIRST = (
    "tests/test_bench_smoke.py",  # 1509: four `foi build` processes
    "tests/ops/test_crash_safety.py",  # 926: three killed builds and a whole one
    "tests/ops/test_concurrent_readers.py",  # 653
    "tests/ops/test_quarantine.py",  # 517
    "tests/cli/test_cli.py",  # 480
    "tests/ops/test_sensor_daemon_run.py",  # 427
    "tests/ops/test_idempotence.py",  # 265
    "tests/bad_input/test_bad_files.py",  # 254
    "tests/ops/test_nothing_changed.py",  # 220
    "tests/report/test_report.py",  # 217
    "tests/topics/test_topic_build.py",  # 196
    "tests/containers/test_build.py",  # 191
    "tests/context/test_layout_class_variants.py",  # 188
    "tests/fuzz/test_fuzz_documents.py",  # 140
    "tests/context/test_devcorpus.py",  # 133
    "tests/comparison/test_comparison_marts.py",  # 116
    "tests/report/test_dagster_outputs.py",
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    rank = {path: number for number, path in enumerate(LONGEST_FIRST)}

    def module_rank(item: pytest.Item) -> int:
        module = Path(item.path).relative_to(PROJECT_ROOT).as_posix()
        return rank.get(module, len(rank))

    items.sort(key=module_rank)  # stable: tests keep their order within a module


# Builds record their runs in $DAGSTER_HOME when it is set: a machine's own home must not make the
# two test workers share one instance. Tests that want a persistent instance set their own.
os.environ.pop("DAGSTER_HOME", None)


@pytest.fixture(scope="session", autouse=True)
def dbt_manifest() -> None:
    """The dbt manifest the Dagster definitions load (written once per session)."""
    prepare(quiet=True)


def committed_dagster_home(home: Path) -> Path:
    """`home` made a Dagster instance with the project's committed dagster.yaml, its storage
    created here: processes started on it later never create a fresh SQLite instance at once,
    which can stamp its schema twice and leave it unreadable."""
    import dagster as dg

    home.mkdir(parents=True, exist_ok=True)
    shutil.copy(PROJECT_ROOT / "dagster_home" / "dagster.yaml", home / "dagster.yaml")
    with dg.DagsterInstance.from_config(str(home)):
        pass
    return home


def build_warehouse(raw_dir: Path, warehouse: Path, force: bool = False) -> Path:
    """Run `foi build` in-process; fail the test with the build's own message if it fails."""
    code = build(raw_dir, warehouse, force=force)
    assert code == 0, f"foi build failed for {raw_dir}"
    return warehouse


def shared_folder(
    tmp_path_factory: pytest.TempPathFactory, name: str, make: Callable[[Path], None]
) -> Path:
    """A folder made once per test session, by whichever pytest-xdist worker asks first.

    The other worker waits on a file lock and reuses it (pytest-xdist's documented pattern:
    the lock lives in the temporary folder both workers share). Tests only read what is in it;
    one that writes works on a copy (tests/ops/conftest.py `copy_warehouse`)."""
    base = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        base = base.parent
    folder = base / f"shared-{name}"
    with open(base / f"shared-{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        made = base / f"shared-{name}.made"
        if not made.exists():
            # a worker whose `make` failed left a partial folder: start again
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir()
            make(folder)
            made.touch()
    return folder


def write_seed_raw(raw: Path) -> Path:
    """raw/ holding the seed disclosure and its sidecar."""
    folder = raw / "west-midlands"
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(SEED_DOCUMENT, folder)
    shutil.copy(SEED_DOCUMENT.with_name("west-midlands_233A-22.meta.yml"), folder)
    return raw


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One in-process `foi build` of the seed disclosure alone (once per session, read-only):
    raw/, warehouse/, the Dagster instance it was recorded in (dagster_home/) and build.json
    (its exit code, and os.environ just before and just after it)."""

    def make(root: Path) -> None:
        home = root / "dagster_home"
        with pytest.MonkeyPatch.context() as patch:
            patch.setenv("DAGSTER_HOME", str(home))
            before = dict(os.environ)
            code = build(write_seed_raw(root / "raw"), root / "warehouse" / "foi.duckdb")
            after = dict(os.environ)
        record = {"code": code, "before": before, "after": after}
        (root / "build.json").write_text(json.dumps(record), encoding="utf-8")
        assert code == 0, "foi build failed for the seed"

    return shared_folder(tmp_path_factory, "seed", make)


@pytest.fixture(scope="session")
def seed_warehouse(seed_build: Path) -> Path:
    """A warehouse built from the seed disclosure alone."""
    return seed_build / "warehouse" / "foi.duckdb"


@pytest.fixture(scope="session")
def unreadable_builds(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Two real `foi build` processes on the seed beside an unreadable file (once per session,
    read-only): a first (quiet) build, then an unchanged one with -v, both recorded in one
    Dagster instance. The CLI tests read their output, the report's force pages the warehouse."""

    def make(root: Path) -> None:
        raw = write_seed_raw(root / "raw") / "west-midlands"
        (raw / "scan.pdf").write_bytes(b"not a pdf at all")
        home = committed_dagster_home(root / "dagster_home")
        env = {**os.environ, "DAGSTER_HOME": str(home)}
        args = ["build", "--raw-dir", str(root / "raw"), "--warehouse", str(root / "w/foi.duckdb")]
        for name, extra in (("first", []), ("second", ["-v"])):
            done = subprocess.run(
                [sys.executable, "-m", "dagster_project.cli", *args, *extra],
                capture_output=True,
                text=True,
                env=env,
                cwd=PROJECT_ROOT,
            )
            output = {"returncode": done.returncode, "stdout": done.stdout, "stderr": done.stderr}
            (root / f"{name}.json").write_text(json.dumps(output), encoding="utf-8")

    root = shared_folder(tmp_path_factory, "unreadable", make)
    runs = {}
    for name in ("first", "second"):
        output = json.loads((root / f"{name}.json").read_text(encoding="utf-8"))
        runs[name] = subprocess.CompletedProcess(name, **output)
    return {**runs, "home": root / "dagster_home", "root": root}


@pytest.fixture(scope="session")
def corpus_warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A warehouse built from the whole bundled raw/ folder (once per session, read-only)."""

    def make(root: Path) -> None:
        build_warehouse(REPO_RAW, root / "warehouse" / "foi.duckdb")

    return shared_folder(tmp_path_factory, "corpus", make) / "warehouse" / "foi.duckdb"


Query = Callable[[str], list[tuple]]


def _querier(path: Path) -> Query:
    def run(sql: str) -> list[tuple]:
        con = duckdb.connect(str(path), read_only=True)
        try:
            return con.execute(sql).fetchall()
        finally:
            con.close()

    return run


@pytest.fixture(scope="session")
def seed_query(seed_warehouse: Path) -> Query:
    return _querier(seed_warehouse)


@pytest.fixture(scope="session")
def corpus_query(corpus_warehouse: Path) -> Query:
    return _querier(corpus_warehouse)
