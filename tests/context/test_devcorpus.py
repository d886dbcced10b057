"""The whole devcorpus (../shared/devcorpus) through `foi build`: 52 documents written from the
structure of real disclosure-log pages, in six formats, with the figures they must give.

Every fact the build gives must be one the corpus expects, with its exact value, status and
bounds: no wrong figure and none invented. Every review item is in review, and a silent page
gives no fact. Every expected figure is a fact: the list of figures not read yet is empty.
"""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import duckdb
import pytest

from dagster_project import scoring
from dagster_project.paths import PROJECT_ROOT
from tests.conftest import _querier, build_warehouse

DEVCORPUS = PROJECT_ROOT.parent / "shared" / "devcorpus"
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not DEVCORPUS.is_dir(), reason="../shared/devcorpus is not beside the repo"),
]


def _read_expected() -> scoring.Figures:
    return scoring.expected(DEVCORPUS)


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("devcorpus")
    shutil.copytree(DEVCORPUS / "raw", root / "raw")
    return build_warehouse(root / "raw", root / "warehouse" / "foi.duckdb")


@pytest.fixture(scope="module")
def query(warehouse: Path):
    return _querier(warehouse)


@pytest.fixture(scope="module")
def facts(warehouse: Path) -> scoring.Figures:
    """Every fact of the corpus's topic per file, summed per key (breach titles of one category
    and period add up, as the corpus lists them)."""
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return scoring.facts(con, scoring.expected_topics(DEVCORPUS))
    finally:
        con.close()


def test_every_fact_is_an_expected_figure_with_its_exact_value(facts):
    expected = _read_expected()
    wrong = {
        (file, key): (got, expected.get(file, {}).get(key))
        for file, keys in facts.items()
        for key, got in keys.items()
        if expected.get(file, {}).get(key) != got
    }
    assert wrong == {}


def test_every_expected_figure_is_a_fact(facts):
    expected = _read_expected()
    missing = {
        (file, key)
        for file, keys in expected.items()
        for key in keys
        if key not in facts.get(file, {})
    }
    assert missing == set()


def test_silent_pages_give_no_fact(facts):
    silent = scoring.silent(DEVCORPUS)
    assert silent and {file for file in silent if facts.get(file)} == set()


def test_every_review_item_is_in_review_with_its_reason(query):
    items = []
    for path in sorted(DEVCORPUS.glob("review_*.csv")):
        with path.open(newline="", encoding="utf-8") as handle:
            items.extend(csv.DictReader(handle))
    review = query(
        "select d.path, u.row_label, u.value_text, u.source_text, u.reason_code "
        "from marts.dq_unclassified u join raw.documents d using (document_id)"
    )
    for item in items:
        words = [part.strip() for part in item["label"].replace("|", " - ").split(" - ")]
        held = [
            row
            for row in review
            if row[0] == item["file"] and all(w in " ".join(map(str, row[1:4])) for w in words)
        ]
        assert held, f"{item['file']}: {item['label']!r} is not in review ({item['why']})"


def test_every_fact_says_where_its_meaning_came_from(query):
    assert query(
        "select count(*) from marts.fct_disclosed_figures "
        "where context_path is null or measure_from is null or period_from is null"
    ) == [(0,)]
