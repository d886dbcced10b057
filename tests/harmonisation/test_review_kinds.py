"""`foi review` on the bundled corpus: each label gets the kind of thing it names and only targets
of that kind (no measure for a place or a month), each score explained, with the file, the
context and the command that approves it; an area label is approved into the area seed; a
period is approved only for a label that names its own dates (test_period_approval.py builds
one end to end)."""

from __future__ import annotations

import csv
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from dagster_project import topics
from dagster_project.paths import PROJECT_ROOT
from dagster_project.review import (
    SEEDS_DIR,
    ReviewError,
    approve,
    format_items,
    parse_period,
    pending,
    period_refusal,
    review_kind,
    vocabulary,
)
from dagster_project.topics import TOPICS_DIR


@pytest.fixture(scope="module")
def items(corpus_warehouse: Path) -> dict:
    return {item.label_text: item for item in pending(corpus_warehouse)}


def test_a_place_name_is_an_area_and_is_offered_no_measure(items: dict) -> None:
    cardiff = items["Cardiff"]
    assert (cardiff.kind, cardiff.seed) == ("area", "area_label_patterns")
    assert [s.target for s in cardiff.suggestions] == ["area"]
    assert cardiff.suggestions[0].why.startswith("reads as a place name")
    assert cardiff.path == "south-wales/south-wales_foi-2021-118.csv"
    assert cardiff.locator == "line 3, table 1, row 1, col 2 (table_cell)"
    assert cardiff.context == "Cardiff | 12 | 9 | 14"
    assert cardiff.approve_command() == "foi review --approve Cardiff --as area --why 'WHY'"


def test_a_month_is_a_period_and_is_offered_nothing(items: dict) -> None:
    for month in ("Oct", "Nov"):
        assert (items[month].kind, items[month].suggestions) == ("period", ())
        assert items[month].approve_command() is None


def test_every_suggestion_is_of_the_labels_own_kind(items: dict) -> None:
    kinds = {item.kind for item in items.values()}
    assert {"area", "period", "offence", "topic", "document"} <= kinds
    for item in items.values():
        if item.kind in ("period", "document"):
            assert item.suggestions == ()
            continue
        assert item.suggestions, item.label_text
        assert {s.target for s in item.suggestions} <= set(vocabulary(item.kind))
        assert all(s.why for s in item.suggestions)


def test_kinds_from_label_shape() -> None:
    assert review_kind("row_label", "Bridgend & Vale") == "area"
    assert review_kind("row_label", "April 2021 - March 2022") == "period"
    assert review_kind("column_label", "2019/20") == "period"
    assert review_kind("row_label", "Registered sex offenders wanted") == "measure"
    assert review_kind("force", "Gwent Heddlu") == "force"
    assert review_kind("question", "How many...") == "topic"


def test_an_area_label_is_approved_into_the_area_seed(corpus_warehouse: Path, tmp_path: Path):
    shutil.copy(SEEDS_DIR / "area_label_patterns.csv", tmp_path)
    path = approve(
        corpus_warehouse,
        "Bridgend & Vale",
        "area",
        "a South Wales policing area",
        who="reviewer",
        today=date(2026, 12, 1),
        seeds_dir=tmp_path,
    )
    assert path == tmp_path / "area_label_patterns.csv"
    added = list(csv.DictReader(path.open()))[-1]
    assert added == {
        "priority": "21",
        "pattern": "^bridgend & vale$",
        "area_kind": "area",
        "note": "approved in review: Bridgend & Vale",
        "added_by": "reviewer",
        "added_at": "2026-12-01",
        "reason": "a South Wales policing area",
    }


def test_a_table_label_can_still_be_approved_as_a_measure(corpus_warehouse: Path, tmp_path):
    shutil.copytree(TOPICS_DIR, tmp_path / "topics")
    path = approve(
        corpus_warehouse, "Cardiff", "rso_wanted", "test", topic_folders=[tmp_path / "topics"]
    )
    wanted = next(m for m in topics.load_pack(path).measures if m.measure == "rso_wanted")
    assert wanted.patterns[-1].pattern == "^cardiff$"


def test_a_month_without_its_year_cannot_be_approved_as_a_period(corpus_warehouse: Path):
    with pytest.raises(
        ReviewError,
        match=r"^'Oct' cannot be approved as a period: 'Oct' names no year or date, so the same "
        r"words mean another period in another document; check the document",
    ):
        approve(
            corpus_warehouse,
            "Oct",
            "period",
            "test",
            period=parse_period("2022-10-01", "2022-10-31"),
        )
    with pytest.raises(ReviewError, match=r"^'Oct' cannot be approved: 'Oct' names no year"):
        approve(corpus_warehouse, "Oct", "month", "test")


def test_a_label_that_is_no_period_gets_no_period_approval(corpus_warehouse: Path) -> None:
    label = "Number of Registered Sex Offenders"
    item = next(i for i in pending(corpus_warehouse) if i.label_text == label)
    assert (item.kind, item.label_kind, item.approve_command()) == ("period", "period", None)
    assert "no approval: 'Number of Registered Sex Offenders' names no year or date" in (
        format_items([item])
    )


def test_period_kinds_follow_from_the_dates() -> None:
    assert [
        (p.kind, p.label)
        for p in (
            parse_period("2023-04-01", "2024-03-31"),
            parse_period("2023-01-01", "2023-12-31"),
            parse_period("2024-03-31", "2024-03-31"),
            parse_period("2024-02-01", "2024-02-29"),
            parse_period("2023-04-01", "2025-03-31"),
        )
    ] == [
        ("financial_year", "2023-24"),
        ("calendar_year", "2023"),
        ("as_at", "2024-03-31"),
        ("date_range", "2024-02-01/2024-02-29"),
        ("date_range", "2023-04-01/2025-03-31"),
    ]


def test_a_period_to_the_response_date_is_refused_with_the_fix() -> None:
    assert period_refusal("2023/24 YTD") == (
        "'2023/24 YTD' runs to the response date, which is each document's own: give "
        "response_date in the document's sidecar (<name>.meta.yml) and build again"
    )
    assert period_refusal("year ending March 2024") is None
    assert review_kind("column_label", "year ending March 2024") == "period"
    assert review_kind("row_label", "Apr 23 - Mar 24") == "period"


def test_foi_review_prints_file_context_scores_and_the_command(corpus_warehouse: Path) -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "dagster_project.cli",
            "review",
            "--warehouse",
            str(corpus_warehouse),
        ],
        capture_output=True,
        text=True,
        cwd=PROJECT_ROOT,
    )
    assert done.returncode == 0, done.stderr
    block = next(b for b in done.stdout.split("\n\n") if b.startswith("[area] Cardiff"))
    assert block.splitlines() == [
        "[area] Cardiff",
        "    3 figure(s), south-wales: row label matched no mapping",
        "    at south-wales/south-wales_foi-2021-118.csv, line 3, table 1, row 1, col 2 "
        "(table_cell)",
        "    context: Cardiff | 12 | 9 | 14",
        "    under: Cardiff > 2018/2019",
        "    written to: dbt/seeds/area_label_patterns.csv; suggestions (areas only):",
        "      area (100): reads as a place name: capitalised words, none of them a measure's word",
        "    approve: foi review --approve Cardiff --as area --why 'WHY'",
    ]
    offence = next(b for b in done.stdout.split("\n\n") if b.startswith("[offence] Arrested1"))
    assert "      notification_periodic_failure (" in offence
    assert "no word in common; spelling closest to 'notification periodic failure" in offence
