"""`foi review`: unclassified labels listed with rapidfuzz suggestions, and an approval that
writes one pattern, with who/when/why, into the topic pack declaring the target, which then
matches the label it was made for."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import duckdb
import pytest

from dagster_project import topics
from dagster_project.review import ReviewError, approve, label_pattern, pending
from dagster_project.topics import TOPICS_DIR


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


def test_approval_writes_one_pattern_into_the_pack_that_matches_the_label(
    hazard_warehouse: Path, tmp_path: Path
) -> None:
    shutil.copytree(TOPICS_DIR, tmp_path / "topics")
    pack = tmp_path / "topics" / "sex-offender-management" / "topic.yml"
    before = pack.read_text(encoding="utf-8")

    path = approve(
        hazard_warehouse,
        "Breech of S.H.P.O.",
        "shpo_breach",
        "typo of SHPO in the title",
        who="reviewer",
        today=date(2026, 11, 29),
        topic_folders=[tmp_path / "topics"],
    )

    assert path == pack.resolve()
    after = path.read_text(encoding="utf-8")
    # one block added, every other line (comments included) kept
    assert len(after.splitlines()) == len(before.splitlines()) + 5
    assert set(before.splitlines()) <= set(after.splitlines())
    shpo = next(o for o in topics.load_pack(path).offences if o.offence_key == "shpo_breach")
    added = shpo.patterns[-1]
    assert (added.pattern, added.note, added.added_by, added.added_at, added.reason) == (
        r"^breech of s\.h\.p\.o\.$",
        "approved in review: Breech of S.H.P.O.",
        "reviewer",
        "2026-11-29",
        "typo of SHPO in the title",
    )
    # the pattern matches the label the way the dbt models match it (normalised, regexp)
    matched = (
        duckdb.connect()
        .execute("select regexp_matches(lower('Breech of S.H.P.O.'), ?)", [added.pattern])
        .fetchone()
    )
    assert matched == (True,)
    assert label_pattern("Breech  of S.H.P.O.") == added.pattern


def test_approval_refuses_a_target_outside_the_vocabulary(
    hazard_warehouse: Path, tmp_path: Path
) -> None:
    with pytest.raises(ReviewError, match=r"'stalking_breach' is not in any topic pack"):
        approve(
            hazard_warehouse,
            "Breech of S.H.P.O.",
            "stalking_breach",
            "no such offence",
            seeds_dir=tmp_path,
        )
