"""Publishing a finished build and reading the published warehouse.

One writer: every build writes a private file (`warehouse/.build/foi.duckdb`) while holding an
exclusive lock on `warehouse/.build/foi.duckdb.lock`. Only when the whole build has succeeded is
the file copied beside the published one and moved over it with an atomic rename, so a reader
sees the previous build or the new one, never half of one, and a reader's open connection never
blocks a build. A killed build leaves the published file untouched; the OS releases its lock.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import duckdb

LOCK_POLL_SECONDS = 0.5


class WarehouseMissing(FileNotFoundError):
    pass


class BuildInProgress(RuntimeError):
    """Another process holds the build lock of this warehouse."""


_held_locks: dict[Path, int] = {}


def lock_path_for(build_path: Path) -> Path:
    return build_path.with_name(build_path.name + ".lock")


def _describe_holder(lock_file: Path) -> str:
    try:
        holder = lock_file.read_text(encoding="utf-8").strip()
    except OSError:
        holder = ""
    return holder or "another process"


@contextmanager
def build_lock(
    build_path: Path,
    wait_seconds: float = 3600.0,
    on_wait: Callable[[str], None] = lambda _message: None,
) -> Iterator[Path]:
    """Hold the exclusive build lock of one warehouse for the duration of the block.

    Waits up to `wait_seconds` for another build to finish, then raises BuildInProgress.
    Re-entrant within a process, so a build's own steps can take it again.
    """
    lock_file = lock_path_for(build_path)
    if lock_file in _held_locks:
        yield lock_file
        return
    lock_file.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(lock_file, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        _acquire(fd, lock_file, wait_seconds, on_wait)
        os.ftruncate(fd, 0)
        stamp = datetime.now(UTC).isoformat(timespec="seconds")
        os.write(fd, f"pid {os.getpid()} since {stamp}\n".encode())
        _held_locks[lock_file] = fd
        try:
            yield lock_file
        finally:
            del _held_locks[lock_file]
            os.ftruncate(fd, 0)
    finally:
        os.close(fd)  # closing the descriptor releases the lock


def _acquire(fd: int, lock_file: Path, wait_seconds: float, on_wait: Callable[[str], None]) -> None:
    deadline = time.monotonic() + wait_seconds
    announced = False
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            holder = _describe_holder(lock_file)
            if time.monotonic() >= deadline:
                raise BuildInProgress(
                    f"another build is writing this warehouse ({holder}, lock {lock_file}); "
                    "try again when it has finished"
                ) from None
            if not announced:
                on_wait(f"waiting for another build to finish ({holder})")
                announced = True
            time.sleep(LOCK_POLL_SECONDS)


def open_build_file(
    build_path: Path,
    wait_seconds: float = 600.0,
    on_wait: Callable[[str], None] = lambda _message: None,
) -> duckdb.DuckDBPyConnection:
    """A read-write connection to the private build file.

    A process left over from a killed build (an orphaned `dbt`) may still hold DuckDB's own file
    lock for a while: wait for it. A build file DuckDB cannot read is only a cache, so it is
    discarded and the build starts from an empty file.
    """
    deadline = time.monotonic() + wait_seconds
    announced = False
    while True:
        try:
            return duckdb.connect(str(build_path))
        except duckdb.IOException as error:
            if "lock" not in str(error).lower():
                return _recreate(build_path, error, on_wait)
            if time.monotonic() >= deadline:
                raise
            if not announced:
                on_wait(f"waiting for a leftover process to release {build_path}: {error}")
                announced = True
            time.sleep(LOCK_POLL_SECONDS)
        except duckdb.Error as error:
            return _recreate(build_path, error, on_wait)


def _recreate(
    build_path: Path, error: Exception, on_wait: Callable[[str], None]
) -> duckdb.DuckDBPyConnection:
    on_wait(f"the build file {build_path} could not be opened ({error}); starting afresh")
    for leftover in (build_path, build_path.with_name(build_path.name + ".wal")):
        leftover.unlink(missing_ok=True)
    return duckdb.connect(str(build_path))


def publish(build_path: Path, published: Path) -> Path:
    """Atomically replace `published` with a durable copy of the finished build file."""
    con = open_build_file(build_path)
    try:
        con.execute("checkpoint")
    finally:
        con.close()
    published.parent.mkdir(parents=True, exist_ok=True)
    _remove_abandoned_copies(published)
    staging = published.with_name(f".{published.name}.{os.getpid()}.publishing")
    shutil.copyfile(build_path, staging)
    with staging.open("rb") as handle:
        os.fsync(handle.fileno())
    os.replace(staging, published)
    _fsync_directory(published.parent)
    return published


def _remove_abandoned_copies(published: Path) -> None:
    # Copies left by a publication that was killed half way; the caller holds the build lock.
    for leftover in published.parent.glob(f".{published.name}.*.publishing"):
        leftover.unlink(missing_ok=True)


def _fsync_directory(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def connect_read_only(published: Path) -> duckdb.DuckDBPyConnection:
    """A read-only connection to the published warehouse."""
    if not published.exists():
        raise WarehouseMissing(
            f"no warehouse at {published}: run `make run` (or `foi build`) first"
        )
    return duckdb.connect(str(published), read_only=True)
