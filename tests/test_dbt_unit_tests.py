"""Every dbt unit test (period forms, value forms, offence titles, marts arithmetic), run by dbt
against a real built warehouse, and the project's own generic data test. Builds leave the unit
tests out (they test the SQL, not the data)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb

from dagster_project import quarantine
from dagster_project.paths import DBT_DIR, build_path_for


def test_every_dbt_unit_test_passes(seed_warehouse: Path, tmp_path: Path) -> None:
    database = tmp_path / "unit.duckdb"
    shutil.copy(build_path_for(seed_warehouse), database)
    result = _dbt(["test", "--select", "test_type:unit"], database, tmp_path)
    assert result.returncode == 0, result.stdout[-4000:]
    summary = next(line for line in result.stdout.splitlines() if "PASS=" in line)
    passed = int(summary.split("PASS=")[1].split()[0])
    total = int(summary.split("TOTAL=")[1].split()[0])
    assert passed == total >= 20, summary


def test_columns_not_null_fails_on_an_empty_column_and_names_it(
    seed_warehouse: Path, tmp_path: Path
) -> None:
    """The one not-null test per model (decision 1600): a figure with two empty required
    columns fails it, the failing row names both, and it belongs to its document."""
    database = tmp_path / "nulls.duckdb"
    shutil.copy(build_path_for(seed_warehouse), database)
    con = duckdb.connect(str(database))
    document_id = con.execute(
        "insert into marts.fct_disclosed_figures select * replace "
        "('copy-with-nulls' as figure_id, null as context_path, null as is_ocr) "
        "from marts.fct_disclosed_figures order by figure_id limit 1 returning document_id"
    ).fetchone()[0]
    con.close()
    result = _dbt(
        ["test", "--select", "columns_not_null_fct_disclosed_figures"], database, tmp_path
    )
    assert result.returncode == 1, result.stdout[-4000:]
    assert "FAIL 1 columns_not_null_fct_disclosed_figures" in result.stdout

    con = duckdb.connect(str(database), read_only=True)
    failing = con.execute(
        "select null_columns, figure_id, document_id "
        "from test_failures.columns_not_null_fct_disclosed_figures"
    ).fetchall()
    verdict = quarantine.judge(tmp_path / "target", con)
    con.close()
    assert failing == [("context_path, is_ocr", "copy-with-nulls", document_id)]
    assert verdict.unattributable == []
    [failure] = verdict.documents
    assert (failure.document_id, failure.check_name, failure.failing_rows) == (
        document_id,
        "columns_not_null_fct_disclosed_figures",
        1,
    )
    assert failure.example.startswith("null_columns=context_path, is_ocr, figure_id=copy-with")


def _dbt(args: list[str], database: Path, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    """dbt itself, on the copy `database`, its artifacts in `tmp_path/target`."""
    dbt = Path(sys.executable).parent / "dbt"
    return subprocess.run(
        [
            str(dbt),
            *args,
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
