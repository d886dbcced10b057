"""A period label the rules cannot read ("Apr 23 - Mar 24") goes to review; `foi review` shows
the command that approves it, with the dates to fill in; `foi review --approve ... --as period
--from ... --to ...` writes one line to dbt/seeds/period_label_overrides.csv (bad dates are one
line and write nothing); the next `foi build` gives the figure the approved period, and says
it came from an approval.

The approval writes to the dbt project's own seed, so the whole pipeline runs in a copy of the
project (code, dbt project, topic packs) in a temporary folder: the repository is never written
and a parallel test's build never sees the approval. Two real builds, the `foi` command run as
a user runs it.
"""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import duckdb
import pytest

from dagster_project.paths import PROJECT_ROOT

LABEL = "Apr 23 - Mar 24"
DOCUMENT = "dorset/FOI-2024-0318.txt"
TEXT = """Dorset Police
FOI Reference: 2024/0318

1. How many applications were made under the Child Sex Offender Disclosure Scheme (Sarah's Law)?

Period\tApplications
Apr 23 - Mar 24\t212
"""
SEED = Path("dbt") / "seeds" / "period_label_overrides.csv"
SEED_HEADER = "label,period_kind,period_start,period_end,added_by,added_at,reason\n"


def copy_project(to: Path) -> Path:
    """The code, dbt project and topic packs a build runs from (no venv, documents or builds)."""
    skip = shutil.ignore_patterns("__pycache__", "target", "logs", ".user.yml")
    for folder in ("dagster_project", "dbt", "topics"):
        shutil.copytree(PROJECT_ROOT / folder, to / folder, ignore=skip)
    return to


@dataclass
class Run:
    code: int
    out: str
    err: str


@dataclass
class Approval:
    project: Path
    listing: Run
    unclassified_before: list[tuple]
    refusals: dict[str, Run]
    seed_after_refusals: str
    approval: Run
    seed_rows: list[dict[str, str]]
    rebuild: Run
    warehouse: Path

    def query(self, sql: str) -> list[tuple]:
        con = duckdb.connect(str(self.warehouse), read_only=True)
        try:
            return con.execute(sql).fetchall()
        finally:
            con.close()


@pytest.fixture(scope="module")
def approved(tmp_path_factory: pytest.TempPathFactory) -> Approval:
    root = tmp_path_factory.mktemp("period-approval")
    project = copy_project(root / "project")
    assert (project / SEED).read_text(encoding="utf-8") == SEED_HEADER
    raw = root / "raw"
    (raw / "dorset").mkdir(parents=True)
    (raw / DOCUMENT).write_text(TEXT, encoding="utf-8")
    (raw / DOCUMENT).with_suffix(".meta.yml").write_text(
        'synthetic: true\nresponse_date: "2024-05-02"\n', encoding="utf-8"
    )
    warehouse = root / "warehouse" / "foi.duckdb"
    # the copy's own package, never the repository's (an approval writes beside its code)
    env = {**os.environ, "PYTHONPATH": str(project), "PYTHONDONTWRITEBYTECODE": "1"}

    def foi(*args: str) -> Run:
        done = subprocess.run(
            [sys.executable, "-m", "dagster_project.cli", *args],
            cwd=project,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        return Run(done.returncode, done.stdout, done.stderr)

    imported = subprocess.run(
        [sys.executable, "-c", "import dagster_project.paths as p; print(p.PROJECT_ROOT)"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert imported.stdout.strip() == str(project)

    where = ("--warehouse", str(warehouse))
    build = foi("build", "--raw-dir", str(raw), *where)
    assert build.code == 0, build.err
    con = duckdb.connect(str(warehouse), read_only=True)
    unclassified = con.execute(
        "select label_text, reason_code, value_text from marts.dq_unclassified"
    ).fetchall()
    con.close()
    listing = foi("review", *where)

    approve = ("review", "--approve", LABEL, "--as", "period", *where)
    why = ("--why", "April 2023 to March 2024, Dorset's financial year", "--by", "reviewer")
    refusals = {
        "end_before_start": foi(*approve, "--from", "2024-04-01", "--to", "2024-03-31", *why),
        "not_a_real_date": foi(*approve, "--from", "2023-04-01", "--to", "2024-02-30", *why),
        "not_iso": foi(*approve, "--from", "1/4/2023", "--to", "2024-03-31", *why),
        "no_dates": foi(*approve, *why),
        "dates_for_a_measure": foi(
            *approve[:4], "sarahs_law_applications", *where, "--from", "2023-04-01", *why
        ),
    }
    seed_after_refusals = (project / SEED).read_text(encoding="utf-8")
    approval = foi(*approve, "--from", "2023-04-01", "--to", "2024-03-31", *why)
    with (project / SEED).open(encoding="utf-8", newline="") as handle:
        seed_rows = list(csv.DictReader(handle))
    rebuild = foi("build", "--raw-dir", str(raw), *where)
    assert rebuild.code == 0, rebuild.err
    return Approval(
        project,
        listing,
        unclassified,
        refusals,
        seed_after_refusals,
        approval,
        seed_rows,
        rebuild,
        warehouse,
    )


def test_the_build_sends_the_unread_period_label_to_review(approved: Approval) -> None:
    assert approved.unclassified_before == [(LABEL, "row_label_unmatched", "212")]


def test_review_lists_the_period_with_the_command_to_copy(approved: Approval) -> None:
    assert approved.listing.code == 0, approved.listing.err
    block = next(b for b in approved.listing.out.split("\n\n") if b.startswith("[period]"))
    assert block.splitlines() == [
        "[period] Apr 23 - Mar 24",
        "    1 figure(s), dorset: row label matched no mapping",
        "    at dorset/FOI-2024-0318.txt, line 7, table 1, row 1, col 2 (table_cell)",
        "    context: Apr 23 - Mar 24 | 212",
        "    under: Q1 > Apr 23 - Mar 24 > Applications",
        "    written to: dbt/seeds/period_label_overrides.csv (this label, wherever printed)",
        "    dates: --from its first day, --to its last (the same day for a snapshot)",
        "    approve: foi review --approve 'Apr 23 - Mar 24' --as period --from YYYY-MM-DD "
        "--to YYYY-MM-DD --why 'WHY'",
    ]


@pytest.mark.parametrize(
    ("case", "message"),
    [
        (
            "end_before_start",
            "foi review: --to 2024-03-31 is before --from 2024-04-01: a period ends on or after "
            "the day it starts",
        ),
        ("not_a_real_date", "foi review: --to 2024-02-30 is not a real date written YYYY-MM-DD"),
        ("not_iso", "foi review: --from 1/4/2023 is not a real date written YYYY-MM-DD"),
        (
            "no_dates",
            "foi review: a period approval needs the dates it means: --from YYYY-MM-DD --to "
            "YYYY-MM-DD (the same day twice for a snapshot)",
        ),
        (
            "dates_for_a_measure",
            "foi review: --from and --to give the dates of --as period, and only of it",
        ),
    ],
)
def test_bad_dates_are_one_line_and_write_nothing(
    approved: Approval, case: str, message: str
) -> None:
    run = approved.refusals[case]
    assert (run.code, run.out, run.err) == (2, "", message + "\n")
    assert approved.seed_after_refusals == SEED_HEADER


def test_the_approval_is_one_line_of_the_period_seed(approved: Approval) -> None:
    seed = approved.project / SEED
    assert approved.approval.code == 0, approved.approval.err
    assert approved.approval.out == (
        "foi review: 'Apr 23 - Mar 24' -> period 2023-24 (financial_year, 2023-04-01 to "
        f"2024-03-31) appended to {seed}; run `foi build` to apply it\n"
    )
    [row] = approved.seed_rows
    assert row == {
        "label": "Apr 23 - Mar 24",
        "period_kind": "financial_year",
        "period_start": "2023-04-01",
        "period_end": "2024-03-31",
        "added_by": "reviewer",
        "added_at": row["added_at"],
        "reason": "April 2023 to March 2024, Dorset's financial year",
    }
    assert len(row["added_at"]) == 10 and row["added_at"].startswith("20")


def test_after_the_rebuild_the_figure_has_the_approved_period(approved: Approval) -> None:
    assert approved.query(
        "select force_id, measure, period_kind, period_label, period_start, period_end, value, "
        "value_status, period_from, measure_from from marts.fct_disclosed_figures"
    ) == [
        (
            "dorset",
            "sarahs_law_applications",
            "financial_year",
            "2023-24",
            date(2023, 4, 1),
            date(2024, 3, 31),
            212,
            "reported",
            "approval",
            "column",
        )
    ]


def test_the_label_no_longer_waits_and_the_rule_says_approved(approved: Approval) -> None:
    assert approved.query("select count(*) from marts.dq_unclassified") == [(0,)]
    assert approved.query(
        "select parse_rule, period_kind, period_label from intermediate.int_period_labels_parsed "
        f"where label_text = '{LABEL}'"
    ) == [("approved", "financial_year", "2023-24")]
