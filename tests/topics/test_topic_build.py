"""Any round robin (issue 14): the shipped stop-and-search and clares-law packs read the topic
corpus (tests/topics/corpus, synthetic documents in six formats) to its exact figures by
dimension, and a pack a user writes for a topic no shipped pack covers, kept outside the
repository in FOI_TOPIC_PATH as the README says, gives that topic's figures in
marts.fct_measure_by_force_period after one `foi build`. One build serves every test here.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import duckdb
import pytest

from dagster_project import scoring, topics
from tests.conftest import _querier, build_warehouse

CORPUS = Path(__file__).resolve().parent / "corpus"

# What a user writes, following the README: a folder of packs named in FOI_TOPIC_PATH.
TASER_PACK = """\
topic: taser-use
title: Taser use
subjects: ['\\btasers?\\b', 'conducted energy device']
measures:
  # the narrower measure first: within a pack the first pattern that matches wins
  - measure: taser_discharges
    kind: flow
    unit: discharges
    description: Times a Taser was fired (discharged)
    patterns: ['(fired|discharged|discharges?)']
  - measure: taser_uses
    kind: flow
    unit: uses
    description: Times officers used a Taser (drawn, aimed, arced, red-dotted or fired)
    patterns: ['\\btaser (use|deployment)s?', 'tasers? (was |were )?(drawn|used|deployed|fired)']
questions:
  - pattern: 'how many times .{0,60}taser'
    measure: taser_uses
"""

TASER_ANSWER = """\
Cleveland Police - Freedom of Information request 0101/25
This response is synthetic test data: every figure in it is invented.

Request
How many times did officers use a Taser in each of the last three financial years, and how
many of those uses were discharges?

Response
Taser use by financial year:
2021/22 - 412
2022/23 - 455
2023/24 - 501

Of those, the Taser was fired 38 times in 2023/24.
"""


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("topics")
    shutil.copytree(CORPUS / "raw", root / "raw")
    cleveland = root / "raw" / "cleveland"
    cleveland.mkdir()
    (cleveland / "CLE-FOI-0101-25.txt").write_text(TASER_ANSWER, encoding="utf-8")
    (cleveland / "CLE-FOI-0101-25.meta.yml").write_text(
        "reference: '0101/25'\nresponse_date: 2025-01-20\nsynthetic: true\n", encoding="utf-8"
    )
    packs = root / "my-packs" / "taser-use"
    packs.mkdir(parents=True)
    (packs / "topic.yml").write_text(TASER_PACK, encoding="utf-8")
    before = os.environ.get("FOI_TOPIC_PATH")
    os.environ["FOI_TOPIC_PATH"] = str(root / "my-packs")
    try:
        return build_warehouse(root / "raw", root / "warehouse" / "foi.duckdb")
    finally:
        if before is None:
            del os.environ["FOI_TOPIC_PATH"]
        else:
            os.environ["FOI_TOPIC_PATH"] = before


@pytest.fixture(scope="module")
def query(warehouse: Path):
    return _querier(warehouse)


@pytest.fixture(scope="module")
def scores(warehouse: Path) -> dict[str, scoring.FileScore]:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        got = scoring.facts(con, scoring.expected_topics(CORPUS))
    finally:
        con.close()
    return scoring.compare(scoring.expected(CORPUS), got, scoring.silent(CORPUS))


def test_a_pack_a_user_writes_gives_its_figures_in_the_generic_mart(query) -> None:
    rows = query(
        """
        select measure, period_kind, period_label, value, value_status, change_on_previous_period
        from marts.fct_measure_by_force_period
        where topic = 'taser-use' and force_id = 'cleveland'
        order by measure, period_start
        """
    )
    assert rows == [
        ("taser_discharges", "financial_year", "2023-24", 38, "reported", None),
        ("taser_uses", "financial_year", "2021-22", 412, "reported", None),
        ("taser_uses", "financial_year", "2022-23", 455, "reported", 43),
        ("taser_uses", "financial_year", "2023-24", 501, "reported", 46),
    ]
    # the facts say where the measure was read, and carry the topic
    assert query(
        "select distinct topic, measure_from, is_synthetic from marts.fct_disclosed_figures "
        "where force_id = 'cleveland' order by all"
    ) == [("taser-use", "preamble", True), ("taser-use", "sentence", True)]


def test_monthly_ethnicity_legislation_and_outcome_tables_give_exact_figures(scores) -> None:
    wrong = {f: s.wrong for f, s in scores.items() if s.wrong}
    assert wrong == {}
    unexpected = {f: s.unexpected for f, s in scores.items() if s.unexpected}
    assert unexpected == {}


def test_every_expected_figure_is_a_fact(scores) -> None:
    columns = [scoring.KEY.index(c) for c in ("measure", "dimension_value", "period_label")]
    missing = {
        (file, *(key[i] for i in columns)) for file, s in scores.items() for key in s.missing
    }
    assert missing == set()
    assert sum(len(s.right) for s in scores.values()) == 131


def test_silent_pages_give_no_fact(scores) -> None:
    silent = scoring.silent(CORPUS)
    assert silent and {f for f in silent if scores[f].right or scores[f].unexpected} == set()


def test_the_generic_mart_ranks_forces_on_a_breakdown(query) -> None:
    rows = query(
        """
        select force_id, value, rank_per_100k, forces_ranked, round(per_100k, 1)
        from marts.fct_measure_by_force_period
        where measure = 'stop_searches' and dimension = 'ethnicity'
            and dimension_value = 'black' and period_label = '2023-24'
        order by rank_per_100k
        """
    )
    assert [(r[0], r[2], r[3]) for r in rows] == [
        (rows[0][0], 1, 2),
        (rows[1][0], 2, 2),
    ]
    assert {r[0] for r in rows} == {"metropolitan", "west-yorkshire"}
    assert rows[0][4] >= rows[1][4] > 0


def test_a_split_and_an_unsplit_answer_stay_distinct_measures(query) -> None:
    measures = query(
        """
        select measure, count(distinct force_id)
        from marts.fct_measure_by_force_period
        where topic = 'clares-law' group by measure order by measure
        """
    )
    assert [m for m, _ in measures] == [
        "dvds_applications",
        "dvds_disclosures",
        "dvds_right_to_ask_applications",
        "dvds_right_to_know_applications",
    ]


def test_a_suppressed_month_is_a_range_in_the_generic_mart(query) -> None:
    assert query(
        """
        select value, value_low, value_high, value_status, per_100k
        from marts.fct_measure_by_force_period
        where force_id = 'north-wales' and measure = 'dvds_disclosures'
            and period_label = '2024-09-01/2024-09-30'
        """
    ) == [(None, 1, 4, "suppressed", None)]


def test_review_groups_labels_by_topic_and_offers_the_topics_own_measures(warehouse) -> None:
    from dagster_project.review import format_items, pending

    items = pending(warehouse)
    read = [item.topic for item in items if item.topic]
    assert {"stop-and-search", "clares-law"} & set(read)
    # grouped: every topic's labels together, the labels no topic was read for last
    order = [item.topic or "~" for item in items]
    assert order == sorted(order)
    packs = {p.topic: {m.measure for m in p.measures} for p in topics.load_packs()}
    for item in items:
        if item.topic in packs and item.kind in ("measure", "topic"):
            assert {s.target for s in item.suggestions} <= packs[item.topic], item
    text = format_items(items)
    for topic in set(read):
        assert f"\n\n== {topic}: {read.count(topic)} labels\n\n" in text
