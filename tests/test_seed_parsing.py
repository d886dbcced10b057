"""The seed disclosure read by the text parser: layout only, exact texts and locators."""

from __future__ import annotations

import pytest

from dagster_project.ingest.documents import discover_documents, parse_document
from dagster_project.ingest.formats.text import parse_text
from dagster_project.ingest.structure import read_structure
from tests.conftest import REPO_RAW, SEED_DOCUMENT


@pytest.fixture(scope="module")
def seed():
    return read_structure(parse_text(SEED_DOCUMENT))


def cells_of(seed, table_no):
    return [c for c in seed.table_cells if c.table_no == table_no]


def test_numbered_questions_become_sections(seed):
    numbers = [s.question_no for s in seed.sections if s.question_no]
    assert numbers == ["1", "1a", "2", "2a", "3", "3a", "4", "5", "6"]
    q1a = next(s for s in seed.sections if s.question_no == "1a")
    assert q1a.question_text.startswith("How many breaches of the Sex Offenders' Register")
    assert q1a.locator == "line 16"


def test_question_text_is_never_read_for_figures(seed):
    # The questions are full of years ("2021, 2020, 2019") and the 20218-19 typo.
    assert all(f.section_no in (1,) for f in seed.inline_figures)
    assert not any("20218" in c.col_label or "20218" in c.row_label for c in seed.table_cells)


def test_page_break_debris_is_set_aside():
    layout = parse_text(SEED_DOCUMENT)
    assert [(p.text, p.locator) for p in layout.furniture] == [
        ("14/03/2022", "line 51"),
        ("West Midlands Police", "line 73"),
    ]
    q4 = next(s for s in read_structure(layout).sections if s.question_no == "4")
    assert "West Midlands Police" not in q4.answer_text


def test_wrapped_offence_titles_are_joined(seed):
    sro_table = cells_of(seed, 4)
    titles = sorted({c.row_label for c in sro_table})
    assert titles == [
        "Attempted - Breach a sexual risk order / risk of harm order etc. or fail to comply with "
        "requirement under Sec 122 c (4)",
        "Breach a sexual risk order / risk of harm order etc. or fail to comply with requirement "
        "under Sec 122 c (4)",
        "Total",
    ]
    shpo_sa2020 = next(c for c in cells_of(seed, 6) if c.row_no == 2 and c.col_label == "2021-22")
    assert shpo_sa2020.row_label == (
        "Breach Sexual Harm Prevention Order (SHPO) Sentencing Act 2020 Sec 354 (1) (4)"
    )
    assert shpo_sa2020.cell_text == "41"
    assert shpo_sa2020.locator == "line 63 to 64, table 6, row 2, col 6"


def test_empty_cells_of_wrapped_rows_are_not_figures(seed):
    assert all(c.cell_text for c in seed.table_cells)
    assert len(cells_of(seed, 4)) == 3 * 6  # two offence rows and a total row, six columns


def test_thousands_separators_are_kept_as_printed(seed):
    register = cells_of(seed, 1)
    assert [(c.row_label, c.col_label, c.cell_text) for c in register] == [
        ("2022 (as at 22/02/22)", "Male", "4,585"),
        ("2022 (as at 22/02/22)", "Female", "57"),
    ]


def test_inline_year_value_list(seed):
    assert [(f.label_text, f.value_text) for f in seed.inline_figures] == [
        ("2021", "4,620"),
        ("2020", "4,581"),
        ("2019", "4,540"),
        ("2018", "4,295"),
        ("2017", "4,171"),
    ]
    assert all(f.locator == "line 12" for f in seed.inline_figures)


def test_section_12_refusals_are_cited(seed):
    cited = {(e.section_no, e.act_section) for e in seed.exemptions}
    by_question = {s.section_no: s.question_no for s in seed.sections}
    assert {(by_question[n], act) for n, act in cited} == {
        ("1", "12"),
        ("2", "12"),
        ("3", "12"),
        ("4", "12"),
    }


def test_seed_metadata_comes_from_sidecar_and_page_furniture():
    source = next(s for s in discover_documents(REPO_RAW) if s.path == SEED_DOCUMENT)
    doc = parse_document(source)
    assert source.force_hint == "west-midlands"
    assert doc.metadata["reference"] == "233A/22"
    assert doc.metadata["reference_source"] == "sidecar"
    assert doc.metadata["response_date"] == "14/03/2022"
    assert doc.metadata["synthetic"] is False
    assert len(doc.document_id) == 64
