"""Helpers for the operations tests: small raw/ folders, real `foi` processes, warehouse reads."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import duckdb
import pytest

from tests.conftest import SEED_DOCUMENT, build_warehouse, shared_folder

SYNTHETIC_FORCE = "staffordshire"
SYNTHETIC_NAME = "staffordshire_OPS-1.txt"

# The state a reader may see: (documents, figures, documents with figures).
STATE_SQL = (
    "select (select count(*) from raw.documents) as documents, "
    "(select count(*) from marts.fct_disclosed_figures) as figures, "
    "(select count(distinct document_id) from marts.fct_disclosed_figures) as with_figures"
)


def write_seed(raw: Path) -> Path:
    """The real seed disclosure and its sidecar, under raw/west-midlands/."""
    folder = raw / "west-midlands"
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(SEED_DOCUMENT, folder)
    shutil.copy(SEED_DOCUMENT.with_name("west-midlands_233A-22.meta.yml"), folder)
    return folder / SEED_DOCUMENT.name


def write_synthetic(raw: Path, register_2021: str = "4,620") -> Path:
    """A synthetic disclosure written for these tests: the seed's layout with other figures,
    filed under another force and marked synthetic in its sidecar."""
    folder = raw / SYNTHETIC_FORCE
    folder.mkdir(parents=True, exist_ok=True)
    text = SEED_DOCUMENT.read_text(encoding="utf-8")
    text = text.replace("West Midlands", "Staffordshire").replace(
        "2021 = 4,620", f"2021 = {register_2021}"
    )
    path = folder / SYNTHETIC_NAME
    path.write_text(text, encoding="utf-8")
    path.with_name("staffordshire_OPS-1.meta.yml").write_text(
        "force: staffordshire\nreference: OPS-1\nsynthetic: true\n"
        "title: Synthetic disclosure for the operations tests\n",
        encoding="utf-8",
    )
    return path


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def read_state(published: Path) -> tuple:
    con = duckdb.connect(str(published), read_only=True)
    try:
        return con.execute(STATE_SQL).fetchone()
    finally:
        con.close()


def foi_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "dagster_project.cli", *args]


class FoiProcess:
    """A real `foi` process whose output lines are collected as they arrive."""

    def __init__(self, *args: str) -> None:
        # DEBUG: the tests wait for per-document progress lines to pick the moment to kill.
        env = {**os.environ, "PYTHONUNBUFFERED": "1", "FOI_LOG_LEVEL": "DEBUG"}
        env.pop("DAGSTER_HOME", None)
        self.lines: list[str] = []
        self._seen = threading.Condition()
        self.process = subprocess.Popen(
            foi_command(*args),
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env=env,
        )
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        for line in self.process.stdout:
            with self._seen:
                self.lines.append(line)
                self._seen.notify_all()
        with self._seen:
            self._seen.notify_all()

    def wait_for(self, text: str) -> None:
        """Block until a line containing `text` has been printed; fail if the process ends first."""
        with self._seen:
            while not any(text in line for line in self.lines):
                if self.process.poll() is not None and not self._reader.is_alive():
                    raise AssertionError(f"foi ended without printing {text!r}:\n{self.output()}")
                self._seen.wait(timeout=1)

    def finish(self) -> int:
        code = self.process.wait()
        self._reader.join()
        return code

    def output(self) -> str:
        return "".join(self.lines)


def marts_contents(published: Path) -> dict[str, list[str]]:
    """Every marts table's rows in a stable order (as text, so NaN equals NaN)."""
    con = duckdb.connect(str(published), read_only=True)
    try:
        tables = [
            name
            for (name,) in con.execute(
                "select table_name from information_schema.tables "
                "where table_schema = 'marts' order by table_name"
            ).fetchall()
        ]
        return {
            table: [
                repr(row)
                for row in con.execute(f"select * from marts.{table} order by all").fetchall()
            ]
            for table in tables
        }
    finally:
        con.close()


def copy_warehouse(published: Path, into: Path) -> Path:
    """A copy of a published warehouse (only the published file: no build file, no cache)."""
    target = into / "warehouse" / "foi.duckdb"
    target.parent.mkdir(parents=True)
    shutil.copy(published, target)
    return target


def _two_documents(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """raw/ with the seed and one synthetic disclosure, and a clean build of it beside it
    (made once per session, read-only)."""

    def make(root: Path) -> None:
        write_seed(root / "raw")
        write_synthetic(root / "raw")
        build_warehouse(root / "raw", root / "warehouse" / "foi.duckdb")

    return shared_folder(tmp_path_factory, "two-documents", make)


@pytest.fixture(scope="session")
def two_document_raw(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """raw/ with the seed and one synthetic disclosure."""
    return _two_documents(tmp_path_factory) / "raw"


@pytest.fixture(scope="session")
def two_document_warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A clean build of `two_document_raw`: what any other build of that folder must equal."""
    return _two_documents(tmp_path_factory) / "warehouse" / "foi.duckdb"
