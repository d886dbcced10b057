"""Build slots: one path for dbt's profile whatever the warehouse, so dbt's partial parse holds
from one build to the next (decision 1200).

dbt parses the whole project again (~7 s of CPU) when the cli vars or the profile's connection
settings differ from those its partial-parse file was written with, and both name the build
file. So the dbt step names its file through a slot instead: `dbt/target/slots/<n>` is a
symbolic link to the build's own `.build/` folder, and dbt's profile opens
`dbt/target/slots/<n>/<file>`. DuckDB resolves the link when it opens a file, so the database,
its WAL and its spill files are the build's own, beside the published file as before; only the
path dbt hashes is the same from build to build. Each slot keeps the partial-parse file its
last build left.

A slot belongs to one build at a time: the build holds an exclusive lock on `<n>.lock` for its
whole dbt step and writes there the pid of every dbt process it starts. A slot whose last dbt
outlived its build (the build was killed and its dbt still has the old folder's files open) is
left as it points until that process has ended, and the build takes another slot.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

PARTIAL_PARSE = "partial_parse.msgpack"


@dataclass(frozen=True)
class BuildSlot:
    """One slot, held: the path dbt opens, the partial-parse file kept for it, and the open lock
    file the pids of its dbt processes are written to."""

    database: Path
    parse_cache: Path
    lock_fd: int

    def started(self, pid: int) -> None:
        """Record a dbt process this slot's build started (the lock file is opened to append)."""
        os.write(self.lock_fd, f"{pid}\n".encode())


@contextmanager
def build_slot(build_file: Path, slots: Path) -> Iterator[BuildSlot]:
    """Hold the first free slot under `slots`, pointed at `build_file`'s folder."""
    slots.mkdir(parents=True, exist_ok=True)
    number = 0
    while True:
        lock = slots / f"{number}.lock"
        fd = os.open(lock, os.O_RDWR | os.O_CREAT | os.O_APPEND, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:  # another build is in its dbt step here
            os.close(fd)
            number += 1
            continue
        if any(_is_running_dbt(pid) for pid in _pids(lock)):
            os.close(fd)  # a killed build's dbt still works through this link
            number += 1
            continue
        break
    try:
        os.ftruncate(fd, 0)
        link = slots / str(number)
        _point(link, build_file.parent)
        yield BuildSlot(
            database=link / build_file.name,
            parse_cache=slots / f"{number}.{build_file.name}.{PARTIAL_PARSE}",
            lock_fd=fd,
        )
    finally:
        os.close(fd)  # closing the descriptor releases the lock


def _pids(lock: Path) -> list[int]:
    try:
        text = lock.read_text(encoding="utf-8")
    except OSError:
        return []
    return [int(word) for word in text.split() if word.isdigit()]


def _is_running_dbt(pid: int) -> bool:
    """Whether `pid` is a live dbt process (not a pid the system has since given to another)."""
    proc = Path("/proc")
    if proc.is_dir():
        try:
            state = (proc / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
            command = (proc / str(pid) / "cmdline").read_bytes()
        except (OSError, IndexError):
            return False
        if state == "Z":  # ended, not yet reaped: it holds no file
            return False
        # Empty while the process is still being started (before its exec): count it as dbt.
        return not command or b"dbt" in command
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _point(link: Path, folder: Path) -> None:
    """Make `link` a symbolic link to `folder`, replacing what it pointed to in one rename."""
    folder = folder.resolve()
    try:
        if Path(os.readlink(link)) == folder:
            return
    except OSError:
        pass
    staging = link.with_name(f".{link.name}.{os.getpid()}.link")
    staging.unlink(missing_ok=True)
    staging.symlink_to(folder, target_is_directory=True)
    os.replace(staging, link)
