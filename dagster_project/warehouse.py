"""Publishing a finished build and reading the published warehouse.

One writer: every build writes a private file (`warehouse/.build/foi.duckdb`). Only when the
whole build has succeeded is it copied beside the published file and moved over it with an
atomic rename, so a reader sees the previous build or the new one, never half of one, and a
reader's open connection never blocks a build.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import duckdb


class WarehouseMissing(FileNotFoundError):
    pass


def publish(build_path: Path, published: Path) -> Path:
    """Atomically replace `published` with a copy of the finished build file."""
    con = duckdb.connect(str(build_path))
    try:
        con.execute("checkpoint")
    finally:
        con.close()
    published.parent.mkdir(parents=True, exist_ok=True)
    staging = published.with_name(f".{published.name}.{os.getpid()}.publishing")
    shutil.copyfile(build_path, staging)
    with staging.open("rb") as handle:
        os.fsync(handle.fileno())
    os.replace(staging, published)
    return published


def connect_read_only(published: Path) -> duckdb.DuckDBPyConnection:
    """A read-only connection to the published warehouse."""
    if not published.exists():
        raise WarehouseMissing(
            f"no warehouse at {published}: run `make run` (or `foi build`) first"
        )
    return duckdb.connect(str(published), read_only=True)
