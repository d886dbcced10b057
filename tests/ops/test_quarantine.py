"""Always publish what can be published (issue 11): one real build of the week's awkward
folder (a duplicate download, a suppressed part, a document that fails a data test, sidecars
spelled both ways or describing nothing, an unknown file type, an empty folder) publishes
everything but the one bad document, which is quarantined with its path and check."""

from __future__ import annotations

import json
import os
import shutil
import textwrap
from pathlib import Path

import dagster as dg
import duckdb
import pytest

from dagster_project.build_status import status_path
from dagster_project.cli import build, main
from dagster_project.paths import build_path_for
from tests.fixtures.documents import make_docx
from tests.ops.conftest import copy_warehouse, file_digest, write_seed

pytestmark = pytest.mark.slow

REGISTER_TABLE = """\
    Freedom of Information
    Reference: {reference}

    1. How many people are on the Sex Offenders' Register, broken down into men and women?

    Please find below the number of RSOs managed, broken down into male and female.

    YEAR\tMale\tFemale
    2022 (as at 22/02/22)\t{male}\t{female}
    """


def write_register(folder: Path, name: str, reference: str, male: str, female: str) -> Path:
    """A synthetic answer in the seed's layout: one register snapshot split by sex, no total."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    text = REGISTER_TABLE.format(reference=reference, male=male, female=female)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    path.with_name(path.stem + ".meta.yml").write_text(
        f"reference: {reference}\nsynthetic: true\n", encoding="utf-8"
    )
    return path


@pytest.fixture(scope="module")
def week(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, int]:
    """One `foi build` of the folder; returns (raw, published warehouse, exit code)."""
    root = tmp_path_factory.mktemp("week")
    raw = root / "raw"
    seed = write_seed(raw)
    shutil.copy(seed, seed.with_name("233A-22 (copy).txt"))
    write_register(raw / "staffordshire", "staffordshire_STF-7.txt", "STF-7", "7", "<5")
    # "<1" is a range with nothing in it (1 to 0): the bounds invariant fails on this document.
    write_register(raw / "kent", "kent_KNT-1.txt", "KNT-1", "12", "<1")
    gmp = raw / "greater-manchester"
    gmp.mkdir()
    make_docx(
        gmp / "GMP-1732-21.docx",
        [
            "Freedom of Information",
            "Reference: GMP-1732-21",
            "1. How many people are on the Sex Offenders' Register, by men and women?",
            "Please find below the number of RSOs managed, broken down into male and female.",
            [["YEAR", "Male", "Female"], ["2022 (as at 22/02/22)", "300", "20"]],
        ],
    )
    (gmp / "GMP-1732-21.docx.meta.yml").write_text(
        "reference: GMP-1732-21\nsynthetic: true\n", encoding="utf-8"
    )
    (gmp / "GMP-9999-21.meta.yml").write_text("synthetic: true\n", encoding="utf-8")
    (gmp / "notes.rtf").write_text("{\\rtf1 notes}", encoding="utf-8")
    (raw / "cumbria").mkdir()
    published = root / "warehouse" / "foi.duckdb"
    # A persistent Dagster instance, so the test can read the check results the UI shows.
    home = root / "dagster_home"
    home.mkdir()
    before = os.environ.get("DAGSTER_HOME")
    os.environ["DAGSTER_HOME"] = str(home)
    try:
        code = build(raw, published)
    finally:
        if before is None:
            del os.environ["DAGSTER_HOME"]
        else:
            os.environ["DAGSTER_HOME"] = before
    return raw, published, code


@pytest.fixture(scope="module")
def week_query(week):
    def run(sql: str) -> list[tuple]:
        con = duckdb.connect(str(week[1]), read_only=True)
        try:
            return con.execute(sql).fetchall()
        finally:
            con.close()

    return run


def test_the_build_publishes_and_exits_0(week):
    assert week[2] == 0
    assert week[1].exists()


def test_identical_files_are_one_document_with_both_paths(week_query):
    rows = week_query(
        "select path, copy_of from raw.documents where force_hint = 'west-midlands' order by path"
    )
    assert rows == [
        ("west-midlands/233A-22 (copy).txt", "west-midlands/west-midlands_233A-22.txt"),
        ("west-midlands/west-midlands_233A-22.txt", None),
    ]
    (document_id,) = {
        row[0]
        for row in week_query(
            "select document_id from raw.documents where force_hint = 'west-midlands'"
        )
    }
    # counted once: the seed's own 2022 register figure is one fact, not two
    assert week_query(
        "select count(*), sum(value) from marts.fct_disclosed_figures where "
        f"document_id = '{document_id}' and measure = 'registered_sex_offenders' "
        "and sex = 'male' and period_label = '2022-02-22'"
    ) == [(1, 4585)]
    assert week_query(
        "select reason, severity, document_id from raw.ingest_errors "
        "where error_kind = 'warning_duplicate_file'"
    ) == [
        (
            "the same bytes as west-midlands/west-midlands_233A-22.txt: one document, its "
            "figures counted once (raw.documents lists this path with copy_of)",
            "warning",
            document_id,
        )
    ]


def test_a_sum_with_a_suppressed_part_is_suppressed(week_query):
    assert week_query(
        "select sex, value, value_status, value_low, value_high, is_derived "
        "from marts.fct_register_by_force_year "
        "where force_id = 'staffordshire' and measure = 'registered_sex_offenders' order by sex"
    ) == [
        ("all", None, "suppressed", 8, 11, True),
        ("female", None, "suppressed", 1, 4, False),
        ("male", 7, "reported", 7, 7, False),
    ]


def test_a_document_failing_a_data_test_is_quarantined_and_the_rest_publishes(week_query):
    assert week_query(
        "select path, check_name, failing_rows, example from marts.dq_quarantined_documents"
    ) == [
        (
            "kent/kent_KNT-1.txt",
            "bounds_hold_the_value",
            1,
            week_query(
                "select example from raw.quarantine where check_name = 'bounds_hold_the_value'"
            )[0][0],
        )
    ]
    (example,) = week_query("select example from marts.dq_quarantined_documents")[0]
    assert "value_status=suppressed" in example and "value_low=1" in example
    assert "value_high=0" in example
    assert week_query(
        "select count(*) from marts.fct_disclosed_figures where force_id = 'kent'"
    ) == [(0,)]
    assert week_query(
        "select count(*) from marts.fct_register_by_force_year where force_id = 'kent'"
    ) == [(0,)]
    forces = week_query("select distinct force_id from marts.fct_disclosed_figures order by 1")
    assert forces == [("greater-manchester",), ("staffordshire",), ("west-midlands",)]


def test_the_docx_sidecar_spelling_is_read(week_query):
    assert week_query(
        "select reference, synthetic from raw.documents where path like '%GMP-1732-21.docx'"
    ) == [("GMP-1732-21", True)]
    assert week_query(
        "select distinct is_synthetic from marts.fct_disclosed_figures "
        "where force_id = 'greater-manchester'"
    ) == [(True,)]


def test_no_input_is_ignored_in_silence(week_query):
    assert week_query("select path, error_kind, severity from raw.ingest_errors order by path") == [
        ("cumbria", "warning_empty_folder", "warning"),
        ("greater-manchester/GMP-9999-21.meta.yml", "warning_orphan_sidecar", "warning"),
        ("greater-manchester/notes.rtf", "warning_unsupported_format", "warning"),
        ("west-midlands/233A-22 (copy).txt", "warning_duplicate_file", "warning"),
    ]


def test_the_summary_names_warnings_and_quarantine_and_strict_fails(week, capsys):
    raw, published, _ = week
    capsys.readouterr()
    assert main(["build", "--raw-dir", str(raw), "--warehouse", str(published), "--strict"]) == 1
    out, err = capsys.readouterr()
    assert "nothing changed since the published build" in out
    assert "  quarantined  1 documents (marts.dq_quarantined_documents; the rest published)" in out
    assert "    kent/kent_KNT-1.txt: 1 rows failed bounds_hold_the_value" in out
    assert "    cumbria: the force folder cumbria holds no document" in out
    assert "--strict: 1 documents quarantined" in err
    status = json.loads(status_path(published).read_text(encoding="utf-8"))
    assert status["outcome"] == "published"
    assert [row["path"] for row in status["quarantined"]] == ["kent/kent_KNT-1.txt"]


def test_a_failure_that_belongs_to_no_document_stops_publication(week, tmp_path, capsys):
    raw, published, _ = week
    target = copy_warehouse(published, tmp_path)
    build_path_for(target).parent.mkdir(parents=True)
    shutil.copy(build_path_for(published), build_path_for(target))
    before = file_digest(target)
    # A raw row that names no document: the source test on document_id fails with no owner.
    con = duckdb.connect(str(build_path_for(target)))
    con.execute("insert into raw.documents (document_id, path) values (null, 'essex/unknown.txt')")
    con.close()
    assert build(raw, target, force=True) == 1
    err = capsys.readouterr().err
    assert "FAIL source_not_null_raw_documents_document_id" in err
    assert file_digest(target) == before
    assert main(["status", "--warehouse", str(target)]) == 0
    out = capsys.readouterr().out
    assert "last build failed" in out
    assert "stopped by FAIL source_not_null_raw_documents_document_id" in out
    assert "warning cumbria: the force folder cumbria holds no document" in out


def test_the_dagster_check_fails_with_the_quarantined_document_in_its_metadata(week, week_query):
    home = week[1].parent.parent / "dagster_home"
    with dg.DagsterInstance.from_config(str(home)) as instance:
        key = dg.AssetCheckKey(
            dg.AssetKey(["marts", "fct_disclosed_figures"]), "bounds_hold_the_value"
        )
        records = instance.event_log_storage.get_asset_check_execution_history(key, limit=5)
    (record,) = records
    evaluation = record.event.dagster_event.event_specific_data
    assert evaluation.passed is False
    table = evaluation.metadata["quarantined_documents"].value
    ((document_id,),) = week_query(
        "select document_id from raw.documents where path = 'kent/kent_KNT-1.txt'"
    )
    assert f"| {document_id[:12]} | 1 |" in table
