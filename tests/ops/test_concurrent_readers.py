"""Readers during a build: `foi query` processes and a long-lived read-only connection in another
process never fail, never see half a build, and never block the build."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from tests.ops.conftest import STATE_SQL, FoiProcess, copy_warehouse, foi_command, read_state

pytestmark = pytest.mark.slow

# A notebook-like reader: one read-only connection held open across the whole build.
HOLDING_READER = """
import sys, time, duckdb
from pathlib import Path
con = duckdb.connect(sys.argv[1], read_only=True)
stop, out = Path(sys.argv[2]), open(sys.argv[3], "w")
print("connected", flush=True)
while not stop.exists():
    out.write(repr(con.execute(sys.argv[4]).fetchone()) + "\\n")
    out.flush()
    time.sleep(0.2)
"""


def query_state(published: Path) -> tuple[int, tuple | None, str]:
    done = subprocess.run(
        foi_command("query", STATE_SQL, "--warehouse", str(published), "--format", "json"),
        capture_output=True,
        text=True,
    )
    rows = json.loads(done.stdout) if done.returncode == 0 else []
    state = tuple(rows[0].values()) if rows else None
    return done.returncode, state, done.stderr


def test_readers_never_see_half_a_build_nor_block_it(
    seed_warehouse: Path, two_document_raw: Path, two_document_warehouse: Path, tmp_path: Path
) -> None:
    published = copy_warehouse(seed_warehouse, tmp_path)
    old, new = read_state(published), read_state(two_document_warehouse)
    assert old != new
    stop, held = tmp_path / "stop", tmp_path / "held.txt"
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDING_READER, str(published), str(stop), str(held), STATE_SQL],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout.readline().strip() == "connected"

    queries: list[tuple[int, tuple | None, str]] = []
    building = threading.Event()
    building.set()

    def query_loop() -> None:
        while building.is_set():
            queries.append(query_state(published))

    looper = threading.Thread(target=query_loop)
    looper.start()
    build = FoiProcess("build", "--raw-dir", str(two_document_raw), "--warehouse", str(published))
    code = build.finish()
    queries_during_build = len(queries)
    building.clear()
    looper.join()
    stop.touch()
    holder.wait()

    assert code == 0, build.output()
    assert queries_during_build >= 1
    assert all(rc == 0 for rc, _, _ in queries), [err for rc, _, err in queries if rc]
    assert {state for _, state, _ in queries} <= {old, new}
    assert query_state(published)[:2] == (0, new)
    held_states = [ast.literal_eval(line) for line in held.read_text().splitlines()]
    assert held_states and set(held_states) == {old}  # its snapshot stayed whole throughout
