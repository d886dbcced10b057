"""Every dbt unit test (period forms, value forms, offence titles, marts arithmetic), run by dbt
against a real built warehouse. Builds leave them out (they test the SQL, not the data)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from dagster_project.paths import DBT_DIR, build_path_for


def test_every_dbt_unit_test_passes(seed_warehouse: Path, tmp_path: Path) -> None:
    database = tmp_path / "unit.duckdb"
    shutil.copy(build_path_for(seed_warehouse), database)
    dbt = Path(sys.executable).parent / "dbt"
    result = subprocess.run(
        [
            str(dbt),
            "test",
            "--select",
            "test_type:unit",
            "--project-dir",
            str(DBT_DIR),
            "--profiles-dir",
            str(DBT_DIR),
            "--target-path",
            str(tmp_path / "target"),
        ],
        env={**os.environ, "FOI_BUILD_DB": str(database)},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-4000:]
    summary = next(line for line in result.stdout.splitlines() if "PASS=" in line)
    passed = int(summary.split("PASS=")[1].split()[0])
    total = int(summary.split("TOTAL=")[1].split()[0])
    assert passed == total >= 20, summary
