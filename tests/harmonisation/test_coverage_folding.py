"""`marts.force_coverage` has one row per force x disclosure x question, however many times the
disclosure reached us: two crawls of one page (a web page and a text copy of it), the same file
saved twice, an original and its revised response. Every document a row came from is listed; the
revision's outcome wins over the original's; crawls that disagree say so.

One real build of five synthetic disclosures (every one says `synthetic: true`; figures invented).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import Query, _querier, build_warehouse

NORFOLK_TEXT = """Norfolk Constabulary
FOI Reference: 0312/24

1. How many registered sex offenders live in Norfolk?

There are currently 1,402 registered sex offenders in Norfolk.

2. How many of them were visited at home in each month of 2023?

Answering would mean reading every visit record by hand, which exceeds the appropriate limit
under section 12 of the Act.
"""

NORFOLK_PAGE = """<html><body>
<nav><a href="/">Home</a> | <a href="/foi">Disclosure log</a></nav>
<main>
<h1>Norfolk Constabulary</h1>
<p>FOI Reference: 0312/24</p>
<p>1. How many registered sex offenders live in Norfolk?</p>
<p>There are currently 1,402 registered sex offenders in Norfolk.</p>
<p>2. How many of them were visited at home in each month of 2023?</p>
<p>Answering would mean reading every visit record by hand, which exceeds the appropriate limit
under section 12 of the Act.</p>
</main></body></html>
"""

SUFFOLK_TEXT = """Suffolk Constabulary
FOI Reference: 0777/24

1. How many people are currently subject to a Sexual Harm Prevention Order?

There are currently 512 people subject to a Sexual Harm Prevention Order.

2. Please give the names of the people subject to an order.

The names are personal information and exempt under section 40(2) of the Act.
"""

ESSEX_ORIGINAL = """Essex Police
FOI Reference: 1450/24

1. How many registered sex offenders do you currently manage?

There are currently 2,210 registered sex offenders.

2. How many registered sex offenders are currently wanted?

The information is not held.
"""

ESSEX_REVISED = """Essex Police
FOI Reference: 1450/24

Revised response: this supersedes our response to FOI reference 1450/24.

1. How many registered sex offenders do you currently manage?

There are currently 2,210 registered sex offenders.

2. How many registered sex offenders are currently wanted?

There are currently 4 registered sex offenders wanted.
"""

DURHAM_PAGE = """<html><body><main>
<p>FOI Reference: 0999/24</p>
<p>1. How many applications were made under the Child Sex Offender Disclosure Scheme in
2023?</p>
<p>In 2023, 140 applications were made under the Child Sex Offender Disclosure Scheme.</p>
</main></body></html>
"""

DURHAM_TEXT = """FOI Reference: 0999/24

1. How many applications were made under the Child Sex Offender Disclosure Scheme in 2023?

Answering would exceed the appropriate limit under section 12 of the Act.
"""

# path under raw/ -> (text, sidecar); a sidecar named after the stem serves every file of it
DOCUMENTS: dict[str, tuple[str, str | None]] = {
    # one disclosure crawled twice: the web page, and a text copy of it
    "norfolk/FOI-0312-24.html": (NORFOLK_PAGE, 'response_date: "2024-04-02"'),
    "norfolk/FOI-0312-24.txt": (NORFOLK_TEXT, None),
    # the same file saved twice: the same bytes, parsed once
    "suffolk/FOI-0777-24.txt": (SUFFOLK_TEXT, 'response_date: "2024-06-11"'),
    "suffolk/FOI-0777-24 (1).txt": (SUFFOLK_TEXT, 'response_date: "2024-06-11"'),
    # an answer and the revised response that supersedes it
    "essex/FOI-1450-24.txt": (ESSEX_ORIGINAL, 'response_date: "2024-03-01"'),
    "essex/FOI-1450-24-revised.txt": (ESSEX_REVISED, 'response_date: "2024-03-20"'),
    # two crawls of one page that say different things
    "durham/FOI-0999-24.html": (DURHAM_PAGE, 'response_date: "2024-05-10"'),
    "durham/FOI-0999-24.txt": (DURHAM_TEXT, None),
}


def write_documents(raw_dir: Path) -> Path:
    for rel, (text, sidecar) in DOCUMENTS.items():
        path = raw_dir / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        if sidecar is not None:
            path.with_name(path.stem + ".meta.yml").write_text(f"synthetic: true\n{sidecar}\n")
    return raw_dir


@pytest.fixture(scope="module")
def coverage(tmp_path_factory: pytest.TempPathFactory) -> Query:
    root = tmp_path_factory.mktemp("coverage")
    warehouse = build_warehouse(write_documents(root / "raw"), root / "warehouse" / "foi.duckdb")
    return _querier(warehouse)


COLUMNS = "disclosure_id, question_no, outcome, foi_sections, documents"


def rows(query: Query, force_id: str) -> list[tuple]:
    return query(
        f"select {COLUMNS} from marts.force_coverage where force_id = '{force_id}' "
        "order by question_no"
    )


def test_two_crawls_of_one_page_are_one_row_per_question(coverage: Query) -> None:
    both = "norfolk/FOI-0312-24.html; norfolk/FOI-0312-24.txt"
    assert rows(coverage, "norfolk") == [
        ("norfolk:0312-24", "1", "answered", None, both),
        ("norfolk:0312-24", "2", "refused", "12", both),
    ]


def test_the_same_file_saved_twice_lists_both_paths(coverage: Query) -> None:
    both = "suffolk/FOI-0777-24 (1).txt; suffolk/FOI-0777-24.txt"
    assert rows(coverage, "suffolk") == [
        ("suffolk:0777-24", "1", "answered", None, both),
        ("suffolk:0777-24", "2", "refused", "40(2)", both),
    ]


def test_the_revision_wins_over_the_original_and_both_are_listed(coverage: Query) -> None:
    both = "essex/FOI-1450-24.txt; essex/FOI-1450-24-revised.txt"
    assert rows(coverage, "essex") == [
        ("essex:1450-24", "1", "answered", None, both),
        # the original said "not held"; the revision answers
        ("essex:1450-24", "2", "answered", None, both),
    ]
    winners = coverage(
        "select distinct d.path from marts.force_coverage as c "
        "join raw.documents as d using (document_id) where c.force_id = 'essex'"
    )
    assert winners == [("essex/FOI-1450-24-revised.txt",)]


def test_crawls_that_disagree_say_so(coverage: Query) -> None:
    assert coverage(
        "select disclosure_id, question_no, outcome, foi_sections, document_outcomes "
        "from marts.force_coverage where force_id = 'durham'"
    ) == [
        (
            "durham:0999-24",
            "1",
            "conflicting",
            "12",
            "durham/FOI-0999-24.html: answered; durham/FOI-0999-24.txt: refused",
        )
    ]


def test_agreeing_documents_list_their_one_outcome_each(coverage: Query) -> None:
    assert coverage(
        "select question_no, document_outcomes from marts.force_coverage "
        "where force_id = 'essex' order by question_no"
    ) == [
        ("1", "essex/FOI-1450-24.txt: answered; essex/FOI-1450-24-revised.txt: answered"),
        ("2", "essex/FOI-1450-24.txt: not_held; essex/FOI-1450-24-revised.txt: answered"),
    ]


def test_one_row_per_force_disclosure_and_question(coverage: Query) -> None:
    assert coverage(
        "select count(*), count(distinct force_id || '/' || disclosure_id || '/' || question_no) "
        "from marts.force_coverage"
    ) == [(7, 7)]
