"""Layout-class variants (issue 12): documents written in our own words, one or more per layout
class of ../shared/devcorpus, worded and formatted differently from the devcorpus versions.
The variants are built once with `foi build`; each test is named after its layout class and
asserts the exact facts of that class's documents (expected_variants.csv), or, for the review
and silent classes, that nothing from them is a fact and that review holds the item.

Regenerate the documents with `.venv/bin/python tests/context/variants/make_variants.py`.
Every variant is read exactly; a class that regresses fails by name.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from dagster_project import scoring
from tests.conftest import _querier, build_warehouse

VARIANTS = Path(__file__).resolve().parent / "variants"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("variants")
    return build_warehouse(VARIANTS / "raw", root / "warehouse" / "foi.duckdb")


@pytest.fixture(scope="module")
def query(warehouse: Path):
    """A querier that also knows its warehouse file."""
    run = _querier(warehouse)
    run.warehouse = warehouse
    return run


EXPECTED = scoring.expected(VARIANTS)
TOPICS = scoring.expected_topics(VARIANTS)


def facts(warehouse: Path, path: str) -> dict[tuple, tuple]:
    """The facts of one document, summed per key as scripts/score_devcorpus.py does."""
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return scoring.facts(con, TOPICS).get(path, {})
    finally:
        con.close()


def assert_exact(query, path: str) -> None:
    got, want = facts(query.warehouse, path), EXPECTED.get(path, {})
    missing = {k: v for k, v in want.items() if k not in got}
    wrong = {k: (got[k], v) for k, v in want.items() if k in got and got[k] != v}
    unexpected = {k: v for k, v in got.items() if k not in want}
    assert not (missing or wrong or unexpected), (
        f"{path}\n missing {missing}\n wrong (got, want) {wrong}\n unexpected {unexpected}"
    )


def assert_silent(query, path: str) -> None:
    assert facts(query.warehouse, path) == {}, f"{path} must state no fact"
    assert query(f"select count(*) from raw.documents where path = '{path}'") == [(1,)]


def review_labels(query, path: str) -> str:
    """Everything the review table holds for one document, as one searchable text."""
    rows = query(
        f"""
        select u.* from marts.dq_unclassified u
        join raw.documents d using (document_id)
        where d.path = '{path}'
        """
    )
    return " | ".join(" ".join(scoring.norm(v) for v in row) for row in rows)


def case(path: str):
    return pytest.param(path, id=path)


# --- the classes -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    [
        case("cheshire/FOI-1183-24.txt"),
        case("greater-manchester/FOI-4402-24.html"),
    ],
)
def test_site_chrome_first(query, path):
    assert_exact(query, path)


@pytest.mark.parametrize(
    "path",
    [
        case("avon-and-somerset/AS-FOI-2207-24.docx"),
        case("dorset/FOI-0613-25.txt"),
    ],
)
def test_request_response_headings_with_unnumbered_questions(query, path):
    assert_exact(query, path)


@pytest.mark.parametrize(
    "path",
    [
        case("essex/FOI-3080-24.txt"),
        case("lincolnshire/LIN-FOI-0907-25.pdf"),
    ],
)
def test_answers_that_refer_to_a_question_by_number_only(query, path):
    assert_exact(query, path)


@pytest.mark.parametrize(
    "path",
    [
        case("north-yorkshire/FOI-1290-24.html"),
        case("hampshire/HC-FOI-2555-24.docx"),
    ],
)
def test_lettered_sub_questions_each_a_different_measure(query, path):
    assert_exact(query, path)


@pytest.mark.parametrize(
    "path",
    [
        case("cleveland/FOI-0442-25.txt"),
        case("nottinghamshire/FOI-7310-24.html"),
    ],
)
def test_area_headings_with_repeated_measure_lines(query, path):
    assert_exact(query, path)


@pytest.mark.parametrize(
    "path",
    [
        case("suffolk/FOI-0099-25.txt"),
        case("west-yorkshire/WYP-FOI-0214-25.docx"),
    ],
)
def test_preamble_line_giving_the_period_of_the_list_below(query, path):
    assert_exact(query, path)


@pytest.mark.parametrize(
    "path, total",
    [
        pytest.param(
            "metropolitan/FOI-24-0388.html",
            7940,
            id="metropolitan/FOI-24-0388.html",
        ),
        pytest.param(
            "city-of-london/FOI-0177-24.txt",
            19,
            id="city-of-london/FOI-0177-24.txt",
        ),
    ],
)
def test_total_and_its_split_in_one_sentence(query, path, total):
    assert_exact(query, path)
    assert (total,) not in query(
        "select value from marts.fct_disclosed_figures join raw.documents using (document_id) "
        f"where path = '{path}'"
    )


@pytest.mark.parametrize(
    "path",
    [
        case("northumbria/FOI-0550-24.txt"),
        case("wiltshire/WP-FOI-0187-25.pdf"),
    ],
)
def test_year_value_lists_mixed_dashes_both_orders_financial_and_calendar(query, path):
    assert_exact(query, path)


@pytest.mark.parametrize(
    "path",
    [
        case("south-yorkshire/FOI-1044-25.txt"),
        case("north-wales/NWP-FOI-0388-25.docx"),
    ],
)
def test_partial_years_written_after_the_year(query, path):
    assert_exact(query, path)


@pytest.mark.parametrize(
    "path",
    [
        case("lancashire/FOI-3011-25.txt"),
        case("kent/FOI-5120-24.html"),
    ],
)
def test_month_chains(query, path):
    assert_exact(query, path)


@pytest.mark.parametrize(
    "path",
    [
        case("bedfordshire/FOI-1210-24.txt"),
        case("gwent/FOI-0904-24.html"),
    ],
)
def test_suppressed_values_and_lower_bounds(query, path):
    assert_exact(query, path)


@pytest.mark.parametrize(
    "path, label, stray",
    [
        pytest.param(
            "sussex/FOI-2003-25.html",
            "disclosures made",
            [27],
            id="sussex/FOI-2003-25.html",
        ),
        pytest.param(
            "staffordshire/FOI-6230-24.txt",
            "Sexual Risk Order",
            [2, 5],
            id="staffordshire/FOI-6230-24.txt",
        ),
    ],
)
def test_flattened_cell_tables_with_a_misaligned_row(query, path, label, stray):
    assert_exact(query, path)
    assert label.lower() in review_labels(query, path).lower(), "the misaligned row is in review"


@pytest.mark.parametrize(
    "original, revised",
    [
        pytest.param(
            "northamptonshire/FOI-0921-24.txt",
            "northamptonshire/FOI-0921-24-amended.txt",
            id="northamptonshire/FOI-0921-24-amended.txt",
        ),
        pytest.param(
            "humberside/FOI-0650-24.html",
            "humberside/FOI-0650-24-updated.html",
            id="humberside/FOI-0650-24-updated.html",
        ),
    ],
)
def test_revised_responses(query, original, revised):
    assert_exact(query, revised)
    assert facts(query.warehouse, original) == {}, "only the revision's figures are facts"


@pytest.mark.parametrize(
    "path",
    [
        case("durham/FOI-1502-25.txt"),
        case("leicestershire/LP-FOI-4020-25.pdf"),
    ],
)
def test_cost_refusals(query, path):
    assert_silent(query, path)
    outcomes = query(
        "select distinct outcome from marts.force_coverage join raw.documents using (document_id) "
        f"where path = '{path}'"
    )
    assert ("refused",) in outcomes, outcomes


@pytest.mark.parametrize(
    "path",
    [
        case("hertfordshire/FOI-3990-25.txt"),
        case("warwickshire/FOI-0815-25.html"),
    ],
)
def test_please_see_attached_pages(query, path):
    assert_silent(query, path)


@pytest.mark.parametrize(
    "path",
    [
        case("cumbria/FOI-1010-25.txt"),
        case("merseyside/FOI-2100-25.html"),
    ],
)
def test_another_topic_is_silent_for_sex_offender_measures(query, path):
    assert_silent(query, path)


@pytest.mark.parametrize(
    "path",
    [
        case("west-mercia/FOI-1988-24.txt"),
        case("jersey/FOI-0451-25.txt"),
        case("thames-valley/FOI-2718-24.eml"),
    ],
)
def test_email_replies_hard_wrapped_at_72_columns(query, path):
    assert_exact(query, path)


@pytest.mark.parametrize(
    "path",
    [
        case("cambridgeshire/FOI-1408-24.html"),
        case("surrey/SY-FOI-25-0940.docx"),
    ],
)
def test_html_tables_with_totals(query, path):
    assert_exact(query, path)


@pytest.mark.parametrize(
    "path",
    [
        case("west-mercia/WMP-FOI-2291-24.xlsx"),
        case("derbyshire/DC-FOI-0412-25.html"),
        case("cleveland/CLE-FOI-0777-24-export.csv"),
    ],
)
def test_long_format_exports_with_several_label_columns(query, path):
    """'2022 | SHPO | Breach of Sexual Harm Prevention Order | 57': the period in the first
    column, the offence in the innermost label column, the label cells no figures."""
    assert_exact(query, path)
    labels = query(
        f"""
        select count(*) from marts.dq_unclassified u join raw.documents d using (document_id)
        where d.path = '{path}'
        """
    )
    assert labels == [(0,)], "a label cell of a long-format row is no figure to review"


@pytest.mark.parametrize(
    "path",
    [
        case("nottinghamshire/NP-FOI-5120-24.html"),
        case("south-yorkshire/SYP-FOI-3301-24.xlsx"),
    ],
)
def test_two_level_headers_a_period_over_its_sexes(query, path):
    """'2022' spanning Male | Female | Total (HTML colspan and rowspan, merged Excel cells):
    each figure takes its period from the upper header and its sex from the lower one."""
    assert_exact(query, path)


def test_windows_1252_export_with_typographic_apostrophes_and_a_notes_column(query):
    """ "Sarah’s Law – requests" reads as Sarah's Law; a note in a table cell is no figure."""
    path = "northumbria/NB-FOI-0871-24.csv"
    assert_exact(query, path)
    assert "neighbouring force" not in review_labels(query, path)


@pytest.mark.parametrize(
    "path",
    [
        case("essex/EX-FOI-3120-24.txt"),
        case("gwent/GW-FOI-0333-25.docx"),
    ],
)
def test_small_counts_in_words_in_prose_and_list_lines(query, path):
    """ "Fewer than three ... are missing", "... in 2023 was zero", "in custody: less than five"."""
    assert_exact(query, path)


@pytest.mark.parametrize(
    "path",
    [
        case("lincolnshire/LINCS-FOI-0918-24.docx"),
        case("hampshire/HC-FOI-0876-25.html"),
    ],
)
def test_date_only_in_the_question_one_row_tables_and_community_columns(query, path):
    """The as-at date in the question alone; "Registered sex offenders in prison | 88" as the
    only row; areas as rows under "Living in the community" and "In custody" columns."""
    assert_exact(query, path)


def test_request_retold_by_the_reply_and_a_sentence_spanning_months(query):
    """ "You asked how many ...", then "Between April 2022 and March 2023 we received 131 ...,
    and information was shared with a parent or carer in 17 of them"."""
    assert_exact(query, "dorset/DP-FOI-0611-24.txt")


def test_two_periods_in_one_sentence_each_in_its_own_clause(query):
    """ "In 2022 there were 96 ..., and in 2023 there were 104": each count takes the year of
    its own clause, not the sentence's first."""
    assert_exact(query, "devon-and-cornwall/DC-FOI-0789-24.docx")


def test_a_count_and_the_part_of_it_that_including_names(query):
    """ "41 live Sexual Risk Orders, including 6 interim orders": 41 is the fact, 6 is some of
    them and waits in review as part of a total, never a second count of the same."""
    path = "essex/EX-FOI-7788-24.html"
    assert_exact(query, path)
    assert query(
        f"""
        select u.value_text, u.reason_code from marts.dq_unclassified u
        join raw.documents d using (document_id) where d.path = '{path}'
        """
    ) == [("6", "part_of_a_total")]


def test_orders_applied_for_are_applications_not_orders(query):
    """ "How many SHPOs were applied for ...": a flow of applications by financial year, not
    orders in force at each year's end."""
    assert_exact(query, "west-yorkshire/WYP-FOI-1234-24.pdf")


def test_a_total_then_the_part_in_custody_in_the_next_sentence(query):
    """ "... there were 7,412 registered sex offenders ... Of these, 1,087 were in custody."."""
    assert_exact(query, "metropolitan/FOI-24-0351.txt")


def test_every_variant_is_read_and_synthetic(query):
    """Every variant is read (the .eml as its body and attachments), and all are synthetic."""
    assert query("select path from raw.ingest_errors") == []
    assert query("select count(*) from raw.documents where not synthetic") == [(0,)]
    on_disk = {
        p.relative_to(VARIANTS / "raw").as_posix()
        for p in (VARIANTS / "raw").rglob("*")
        if p.is_file() and p.suffix != ".yml"
    }
    assert {r[0] for r in query("select path from raw.documents")} == on_disk
