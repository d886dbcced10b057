"""Fuzz (issue 11): documents assembled at random in every format never raise past the
ingest (a file the parsers cannot read is one ingest error), and one real build of a mixed
raw/ (the bundled corpus, every bad file, the issue's awkward folder and random documents)
publishes with every fact keeping the invariants.

Hypothesis runs derandomized (the same examples on every run) with FOI_FUZZ_EXAMPLES examples
per format (8 by default; `make bench` and a long run set more).
"""

from __future__ import annotations

import os
import random
import shutil
from pathlib import Path

import duckdb
import pytest
from hypothesis import HealthCheck, given, settings

from dagster_project.ingest.documents import SourceFile, parse_document
from dagster_project.ingest.layout import UnreadableDocument
from dagster_project.ingest.raw_tables import rows_for
from tests.bad_input.test_bad_files import BAD_FILES
from tests.conftest import REPO_RAW, build_warehouse
from tests.fuzz.documents import FORMATS, Plan, plans, random_plan, write
from tests.ops.test_quarantine import write_register

EXAMPLES = int(os.environ.get("FOI_FUZZ_EXAMPLES", "8"))
BUILD_DOCUMENTS_PER_FORMAT = 3


@settings(
    max_examples=EXAMPLES * len(FORMATS),
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(plan=plans())
def test_a_random_document_parses_or_is_one_clear_error(plan: Plan, tmp_path: Path) -> None:
    folder = tmp_path / "raw" / "essex"
    folder.mkdir(parents=True, exist_ok=True)
    path = write(plan, folder / "fuzzed")
    source = SourceFile(path, f"essex/{path.name}", "essex", plan.format)
    try:
        document = parse_document(source)
    except UnreadableDocument as refused:
        assert refused.reason and "\n" not in refused.reason
        assert refused.kind
        return
    finally:
        path.unlink()
    rows = rows_for([document], parsed_at=None)
    assert rows["documents"][0][0] == document.document_id
    for table, table_rows in rows.items():
        assert all(row[0] == document.document_id for row in table_rows), table


@pytest.fixture(scope="module")
def mixed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, list[str]]:
    """One real build of a raw/ holding every corpus the tests have, plus junk; returns
    (raw, published warehouse, the random files' paths under raw/)."""
    root = tmp_path_factory.mktemp("mixed")
    raw = root / "raw"
    shutil.copytree(REPO_RAW, raw, ignore=shutil.ignore_patterns("README.md"))
    seed = raw / "west-midlands" / "west-midlands_233A-22.txt"
    shutil.copy(seed, seed.with_name("233A-22 (copy).txt"))
    write_register(raw / "staffordshire", "staffordshire_STF-7.txt", "STF-7", "7", "<5")
    bad = raw / "essex"
    for writer, _, _ in BAD_FILES.values():
        writer(bad)
    (raw / "nowhere").mkdir()
    rng = random.Random(11)
    fuzzed = []
    for file_format in FORMATS:
        for number in range(BUILD_DOCUMENTS_PER_FORMAT):
            folder = raw / rng.choice(["kent", "lancashire", "durham", "cumbria"])
            folder.mkdir(exist_ok=True)
            path = write(random_plan(rng, file_format), folder / f"fuzz-{file_format}-{number}")
            fuzzed.append(path.relative_to(raw).as_posix())
    published = build_warehouse(raw, root / "warehouse" / "foi.duckdb")
    return raw, published, fuzzed


@pytest.fixture(scope="module")
def mixed_query(mixed):
    def run(sql: str) -> list[tuple]:
        con = duckdb.connect(str(mixed[1]), read_only=True)
        try:
            return con.execute(sql).fetchall()
        finally:
            con.close()

    return run


@pytest.mark.slow
def test_every_file_of_the_mixed_folder_is_a_document_or_one_ingest_row(mixed, mixed_query):
    fuzzed = mixed[2]
    documents = {path for (path,) in mixed_query("select path from raw.documents")}
    errors = [path for (path,) in mixed_query("select path from raw.ingest_errors")]
    for path in fuzzed:
        assert (path in documents) != (path in errors), path
    bundled = sorted(
        p.relative_to(REPO_RAW).as_posix()
        for p in REPO_RAW.rglob("*")
        if p.is_file() and not p.name.endswith(".meta.yml") and p.name != "README.md"
    )
    assert set(bundled) <= documents
    assert {f"essex/{name}" for name in ("empty.txt", "junk.pdf", "bomb.docx")} <= set(errors)
    assert "nowhere" in errors
    # empty files are each an error of their own, never copies of one another
    empty = mixed_query("select path from raw.ingest_errors where error_kind = 'empty'")
    assert len(empty) == 1 + sum(1 for path in fuzzed if (mixed[0] / path).stat().st_size == 0)


@pytest.mark.slow
def test_the_mixed_build_publishes_the_bundled_corpus_whole(mixed_query):
    quarantined = mixed_query(
        "select path from marts.dq_quarantined_documents where path not like '%/fuzz-%'"
    )
    assert quarantined == []
    forces = mixed_query(
        "select count(distinct force_id) from marts.fct_disclosed_figures where not is_synthetic "
        "or force_id != 'staffordshire'"
    )
    assert forces[0][0] >= 15
    assert mixed_query(
        "select value, value_status, value_low, value_high from marts.fct_register_by_force_year "
        "where force_id = 'staffordshire' and sex = 'all'"
    ) == [(None, "suppressed", 8, 11)]
    # the Dyfed-Powys web page and PDF are one disclosure: each figure comes from one of them
    assert mixed_query(
        "select count(distinct document_id), count(*) - count(distinct (measure, period_label, "
        "sex, offence_key, area_name, custody)) from marts.fct_disclosed_figures "
        "where force_id = 'dyfed-powys'"
    ) == [(1, 0)]
    # the seed and its copy: one document, its 2022 male register figure once
    assert mixed_query(
        "select count(*) from marts.fct_disclosed_figures where force_id = 'west-midlands' "
        "and measure = 'registered_sex_offenders' and sex = 'male' and period_label = '2022-02-22'"
    ) == [(1,)]


@pytest.mark.slow
def test_every_published_fact_keeps_the_invariants(mixed_query):
    assert mixed_query(
        "select count(*) - count(distinct figure_id) from marts.fct_disclosed_figures"
    ) == [(0,)]
    assert (
        mixed_query(
            "select figure_id, value_status, value, value_low, value_high "
            "from marts.fct_disclosed_figures where not coalesce(case value_status "
            "when 'reported' then value = value_low and value = value_high "
            "when 'nil' then value = 0 and value_low = 0 and value_high = 0 "
            "when 'suppressed' then value is null and value_low >= 1 and value_low <= value_high "
            "when 'at_least' then value is null and value_low is not null and value_high is null "
            "else value is null and value_low is null and value_high is null end, false)"
        )
        == []
    )
    assert (
        mixed_query(
            "select figure_id from marts.fct_disclosed_figures where value_status = 'reported' "
            "and not regexp_matches(replace(source_text, ',', ''), "
            "'(^|[^0-9])' || cast(cast(value as bigint) as varchar) || '([^0-9]|$)') "
            "and value = floor(value) and value > 20"
        )
        == []
    )
