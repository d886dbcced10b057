"""`foi review`: unclassified labels listed with rapidfuzz suggestions, and an approval that
appends one mapping line, with who/when/why, which then matches the label it was made for."""

from __future__ import annotations

import csv
import shutil
from datetime import date
from pathlib import Path

import duckdb
import pytest

from dagster_project.review import SEEDS_DIR, ReviewError, approve, label_pattern, pending


def test_unclassified_titles_are_listed_with_ranked_suggestions(hazard_warehouse: Path) -> None:
    items = {item.label_text: item for item in pending(hazard_warehouse)}
    typo = items["Breech of S.H.P.O."]
    assert (typo.kind, typo.label_kind, typo.seed, typo.figure_count) == (
        "offence",
        "offence_title",
        "offence_title_patterns",
        1,
    )
    assert [s.target for s in typo.suggestions] == [
        "shpo_on_conviction_breach_sa2020",
        "shpo_breach",
        "sro_breach",
    ]


def test_approval_appends_one_line_that_matches_the_label(
    hazard_warehouse: Path, tmp_path: Path
) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(SEEDS_DIR / "offence_title_patterns.csv", seeds)
    before = (seeds / "offence_title_patterns.csv").read_text().splitlines()

    path = approve(
        hazard_warehouse,
        "Breech of S.H.P.O.",
        "shpo_breach",
        "typo of SHPO in the title",
        who="reviewer",
        today=date(2026, 11, 29),
        seeds_dir=seeds,
    )

    after = path.read_text().splitlines()
    assert after[: len(before)] == before
    added = next(csv.DictReader([after[0], after[-1]]))
    assert added == {
        "priority": str(max(int(line.split(",")[0]) for line in before[1:]) + 1),
        "pattern": r"^breech of s\.h\.p\.o\.$",
        "offence_key": "shpo_breach",
        "note": "approved in review: Breech of S.H.P.O.",
        "added_by": "reviewer",
        "added_at": "2026-11-29",
        "reason": "typo of SHPO in the title",
    }
    # the line matches the label the way the dbt models match it (normalised, regexp)
    matched = (
        duckdb.connect()
        .execute("select regexp_matches(lower('Breech of S.H.P.O.'), ?)", [added["pattern"]])
        .fetchone()
    )
    assert matched == (True,)
    assert label_pattern("Breech  of S.H.P.O.") == added["pattern"]


def test_approval_refuses_a_target_outside_the_vocabulary(
    hazard_warehouse: Path, tmp_path: Path
) -> None:
    with pytest.raises(ReviewError, match=r"'stalking_breach' is not in offences\.csv"):
        approve(
            hazard_warehouse,
            "Breech of S.H.P.O.",
            "stalking_breach",
            "no such offence",
            seeds_dir=tmp_path,
        )
