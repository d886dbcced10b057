"""Topic packs are validated before a build: each mistake is one line naming the file and line.
The shipped packs load, a skeleton validates, and an approval keeps a pack's comments."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from dagster_project import topics

GOOD = """\
topic: knife-crime
title: Knife crime
measures:
  - measure: knife_crimes
    kind: flow
    unit: offences
    description: Recorded knife crime offences
    patterns: ['knife (crime|offence)s?', 'offences? involving a (knife|bladed)']
questions:
  - pattern: 'how many .{0,40}knife'
    measure: knife_crimes
dimensions:
  - dimension: weapon
    values:
      - value: knife
        patterns: ['^knife$', '^knives$']
offences: []
"""


def write_pack(root: Path, text: str, name: str = "knife-crime") -> Path:
    path = root / name / "topic.yml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def error_of(root: Path) -> str:
    with pytest.raises(topics.PackError) as caught:
        topics.load_packs([topics.TOPICS_DIR, root])
    return str(caught.value)


def test_the_shipped_packs_load_with_the_names_the_design_fixes() -> None:
    packs = {pack.topic: pack for pack in topics.load_packs([topics.TOPICS_DIR])}
    assert set(packs) >= {"sex-offender-management", "stop-and-search", "clares-law"}
    measures = {p.topic: {m.measure for m in p.measures} for p in packs.values()}
    assert measures["stop-and-search"] == {
        "stop_searches",
        "individuals_stop_searched",
        "stop_search_arrests",
        "s60_authorisations",
    }
    assert measures["clares-law"] == {
        "dvds_applications",
        "dvds_right_to_ask_applications",
        "dvds_right_to_know_applications",
        "dvds_disclosures",
    }
    assert {"registered_sex_offenders", "breach_offences"} <= measures["sex-offender-management"]
    values = {(v.dimension, v.value) for v in packs["stop-and-search"].dimension_values}
    assert {("ethnicity", "asian"), ("legislation", "pace_s1"), ("outcome", "arrest")} <= values


def test_a_good_pack_from_a_folder_of_packs_loads(tmp_path: Path) -> None:
    write_pack(tmp_path, GOOD)
    packs = topics.load_packs([topics.TOPICS_DIR, tmp_path])
    knife = next(p for p in packs if p.topic == "knife-crime")
    assert [m.measure for m in knife.measures] == ["knife_crimes"]
    assert [(v.dimension, v.value) for v in knife.dimension_values] == [("weapon", "knife")]
    assert knife.questions[0].line == 10


def test_an_unknown_key_names_its_file_and_line(tmp_path: Path) -> None:
    path = write_pack(tmp_path, GOOD.replace("    unit: offences\n", "    units: offences\n"))
    assert error_of(tmp_path) == (
        f"{path.resolve()}:6: unknown key 'units' in a measure (known: measure, kind, unit, "
        "description, counts_offences, patterns)"
    )


def test_a_pattern_re2_cannot_compile_names_its_line(tmp_path: Path) -> None:
    # look-around: Python's re accepts it, DuckDB's RE2 does not
    path = write_pack(tmp_path, GOOD.replace("'knife (crime|offence)s?'", "'knife(?= crime)'"))
    message = error_of(tmp_path)
    assert message.startswith(f"{path.resolve()}:8: the pattern 'knife(?= crime)' does not compile")


def test_a_pattern_matching_every_label_is_refused(tmp_path: Path) -> None:
    write_pack(tmp_path, GOOD.replace("'^knife$'", "'(knife)?'"))
    assert "matches an empty label" in error_of(tmp_path)


def test_a_measure_two_packs_declare_is_refused(tmp_path: Path) -> None:
    path = write_pack(tmp_path, GOOD.replace("measure: knife_crimes", "measure: stop_searches"))
    message = error_of(tmp_path)
    assert message.startswith(f"{path.resolve()}:4: measure 'stop_searches' is already declared")
    assert "stop-and-search" in message


def test_a_topic_unlike_its_folder_and_bad_kinds_are_refused(tmp_path: Path) -> None:
    write_pack(tmp_path, GOOD, name="knives")
    assert "must be the folder's name, 'knives'" in error_of(tmp_path)
    shutil.rmtree(tmp_path / "knives")
    write_pack(tmp_path, GOOD.replace("kind: flow", "kind: count"))
    assert ":5: kind must be flow or stock, not 'count'" in error_of(tmp_path)


def test_a_question_for_a_measure_the_pack_lacks_is_refused(tmp_path: Path) -> None:
    write_pack(tmp_path, GOOD.replace("    measure: knife_crimes\n", "    measure: knives\n"))
    assert ":10: the question pattern counts 'knives'" in error_of(tmp_path)


def test_broken_yaml_names_its_line(tmp_path: Path) -> None:
    path = write_pack(tmp_path, GOOD.replace("title: Knife crime", "title: [Knife crime"))
    message = error_of(tmp_path)
    assert message.startswith(f"{path.resolve()}:")
    assert "not valid YAML" in message


def test_the_skeleton_validates_and_an_approval_keeps_its_comments(tmp_path: Path) -> None:
    path = write_pack(tmp_path, topics.skeleton("knife-crime"))
    pack = topics.load_pack(path)
    entry = {"pattern": "^bladed articles$", "added_by": "tester", "reason": "a real title"}
    topics.append_pattern(pack, "measures", "knife_crime", entry)
    topics.append_pattern(topics.load_pack(path), "questions", "knife_crime", entry)
    again = topics.load_pack(path)
    assert [p.pattern for p in again.measures[0].patterns] == ["knife crime", "^bladed articles$"]
    assert [q.pattern for q in again.questions] == [
        "how many .{0,40}knife crime",
        "^bladed articles$",
    ]
    assert again.questions[1].added_by == "tester"
    text = path.read_text(encoding="utf-8")
    assert text.count("\n#") == topics.skeleton("knife-crime").count("\n#")


def test_foi_topic_new_and_check_from_the_command_line(tmp_path: Path) -> None:
    env = {"FOI_TOPIC_PATH": str(tmp_path), "PATH": "/usr/bin:/bin"}

    def foi(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "dagster_project.cli", "topic", *args],
            capture_output=True,
            text=True,
            env=env,
        )

    made = foi("new", "knife-crime", "--in", str(tmp_path))
    assert made.returncode == 0, made.stderr
    assert (tmp_path / "knife-crime" / "topic.yml").is_file()
    checked = foi("check")
    assert checked.returncode == 0, checked.stderr
    assert checked.stdout.splitlines()[-1] == "foi topic check: 4 packs valid"
    assert "knife-crime: 1 measures, 1 question patterns, 0 dimensions" in checked.stdout
    (tmp_path / "knife-crime" / "topic.yml").write_text(GOOD + "colour: red\n", encoding="utf-8")
    broken = foi("check")
    assert broken.returncode == 2
    assert broken.stdout == ""
    assert broken.stderr.strip().endswith(
        "topic.yml:18: unknown key 'colour' in the pack (known: topic, title, description, "
        "subjects, measures, questions, dimensions, offences)"
    )
    assert len(broken.stderr.strip().splitlines()) == 1
