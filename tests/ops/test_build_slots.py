"""Build slots (decision 1200): dbt opens every build file through the same few paths, each a
link to one build's folder, held by one build at a time and never taken from a dbt process
that outlived its build."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import duckdb

from dagster_project.defs.build_slots import build_slot


def build_file(root: Path, name: str) -> Path:
    path = root / name / "warehouse" / ".build" / "foi.duckdb"
    path.parent.mkdir(parents=True)
    return path


def test_a_slot_leads_to_the_build_file_and_its_wal(tmp_path: Path) -> None:
    slots, first = tmp_path / "slots", build_file(tmp_path, "a")
    with build_slot(first, slots) as slot:
        assert slot.database == slots / "0" / "foi.duckdb"
        con = duckdb.connect(str(slot.database))
        con.execute("create table t as select 42 as answer")
        assert (first.parent / "foi.duckdb.wal").exists()  # beside the build file itself
        con.close()
    with duckdb.connect(str(first), read_only=True) as con:
        assert con.execute("select answer from t").fetchall() == [(42,)]
    assert not (slots / "foi.duckdb").exists()


def test_concurrent_builds_hold_different_slots_and_a_free_slot_is_pointed_anew(
    tmp_path: Path,
) -> None:
    slots = tmp_path / "slots"
    first, second = build_file(tmp_path, "a"), build_file(tmp_path, "b")
    with build_slot(first, slots) as one, build_slot(second, slots) as other:
        assert (one.database, other.database) == (
            slots / "0" / "foi.duckdb",
            slots / "1" / "foi.duckdb",
        )
        assert one.database.parent.resolve() == first.parent.resolve()
        assert other.database.parent.resolve() == second.parent.resolve()
        assert one.parse_cache != other.parse_cache
    with build_slot(second, slots) as again:
        assert again.database == slots / "0" / "foi.duckdb"
        assert again.database.parent.resolve() == second.parent.resolve()


def test_a_slot_whose_dbt_outlived_its_build_is_not_taken(tmp_path: Path) -> None:
    slots = tmp_path / "slots"
    killed, next_build = build_file(tmp_path, "killed"), build_file(tmp_path, "next")
    # A stand-in for an orphaned dbt: a live process whose command line names dbt.
    orphan = subprocess.Popen([sys.executable, "-I", "-c", "import time; time.sleep(600)", "dbt"])
    try:
        with build_slot(killed, slots) as slot:
            slot.started(orphan.pid)
        assert orphan.poll() is None, f"the stand-in exited with {orphan.returncode}"
        with build_slot(next_build, slots) as slot:
            assert slot.database == slots / "1" / "foi.duckdb"
            assert (slots / "0").resolve() == killed.parent.resolve()
    finally:
        orphan.kill()
        orphan.wait()
    with build_slot(next_build, slots) as slot:  # the orphan has ended: slot 0 is free again
        assert slot.database == slots / "0" / "foi.duckdb"
        assert (slots / "0").resolve() == next_build.parent.resolve()
