"""PDF parser hazards, each on a real PDF written by reportlab."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.pdfgen import canvas

from dagster_project.ingest.formats.pdf import parse_pdf
from dagster_project.ingest.layout import Paragraph, Table, UnreadableDocument
from dagster_project.ingest.structure import read_structure
from tests.fixtures.documents import make_pdf

MONTH_ROWS = [[f"Month {n:02d}", str(n), str(n % 3)] for n in range(1, 61)]


@pytest.fixture(scope="module")
def two_page_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("pdf") / "long.pdf"
    return make_pdf(
        path,
        [
            "1. Please provide the number of breaches of a SHPO recorded in each month.",
            [
                ["Month", "Breach of a Sexual Harm Prevention Order or interim SHPO", "Attempts"],
                *MONTH_ROWS,
            ],
            "Figures are provisional.",
        ],
        header="Cleveland Police - Freedom of Information Unit",
        footer="OFFICIAL",
        col_widths=[90, 200, 80],
    )


def test_table_running_across_pages_is_one_table(two_page_pdf):
    tables = [b for b in parse_pdf(two_page_pdf).blocks if isinstance(b, Table)]
    assert len(tables) == 1
    rows = tables[0].rows
    assert len(rows) == 61  # one header (its repeat on page 2 dropped) and 60 months
    assert [r[0] for r in rows[1:]] == [f"Month {n:02d}" for n in range(1, 61)]
    assert tables[0].row_locators[-1].startswith("page 2 table 1 row ")


def test_header_and_footer_repeated_per_page_are_furniture(two_page_pdf):
    layout = parse_pdf(two_page_pdf)
    assert [p.text for p in layout.furniture] == [
        "Cleveland Police - Freedom of Information Unit",
        "OFFICIAL Page 1",
        "Cleveland Police - Freedom of Information Unit",
        "OFFICIAL Page 2",
    ]
    texts = [b.text for b in layout.blocks if isinstance(b, Paragraph)]
    assert texts == [
        "1. Please provide the number of breaches of a SHPO recorded in each month.",
        "Figures are provisional.",
    ]


def test_cell_wrapped_over_lines_is_one_cell(two_page_pdf):
    cells = read_structure(parse_pdf(two_page_pdf)).table_cells
    first = next(c for c in cells if c.row_no == 1 and c.col_no == 2)
    assert first.col_label == "Breach of a Sexual Harm Prevention Order or interim SHPO"
    assert (first.row_label, first.cell_text) == ("Month 01", "1")
    last = next(c for c in cells if c.row_no == 60 and c.col_no == 2)
    assert (last.row_label, last.cell_text) == ("Month 60", "60")


def test_borderless_table_columns_come_from_gaps(tmp_path):
    path = make_pdf(
        tmp_path / "borderless.pdf",
        [
            "Year by year:",
            [["Financial year", "SHPOs granted"], ["FY21/22", "1,202"], ["FY22/23", "1,187"]],
        ],
        ruled=False,
        col_widths=[200, 150],
    )
    cells = read_structure(parse_pdf(path)).table_cells
    assert [(c.row_label, c.col_label, c.cell_text) for c in cells] == [
        ("FY21/22", "SHPOs granted", "1,202"),
        ("FY22/23", "SHPOs granted", "1,187"),
    ]


def test_prose_wrapped_in_a_paragraph_keeps_figure_with_its_words(tmp_path):
    sentence = (
        "Thank you for your request. Having searched our systems we can confirm that there "
        "are currently 2,109 subjects in the community subject to notification requirements "
        "across the force area."
    )
    path = make_pdf(tmp_path / "prose.pdf", [sentence])
    figures = read_structure(parse_pdf(path)).inline_figures
    # the paragraph is joined over its wrapped lines; the figure keeps its own sentence
    assert [(f.value_text, f.sentence) for f in figures] == [
        ("2,109", sentence.removeprefix("Thank you for your request. "))
    ]


def test_row_label_wrapped_below_its_figures_is_one_label(tmp_path):
    attempted = (
        "Attempted - Breach a sexual risk order / risk of harm order etc. or fail to comply "
        "with requirement under Sec 122 c (4)"
    )
    breach = (
        "Breach a sexual risk order / risk of harm order etc. or fail to comply with "
        "requirement under Sec 122 c (4)"
    )
    path = make_pdf(
        tmp_path / "wrapped-labels.pdf",
        [
            "Breaches by offence:",
            [
                ["Offence Title", "2020-21", "2021-22"],
                [attempted, "0", "4"],
                [breach, "49", "26"],
                ["Total", "49", "30"],
            ],
            "Figures are provisional.",
        ],
        ruled=False,
        col_widths=[250, 80, 80],
    )
    cells = read_structure(parse_pdf(path)).table_cells
    assert [(c.row_label, c.col_label, c.cell_text) for c in cells] == [
        (attempted, "2020-21", "0"),
        (attempted, "2021-22", "4"),
        (breach, "2020-21", "49"),
        (breach, "2021-22", "26"),
        ("Total", "2020-21", "49"),
        ("Total", "2021-22", "30"),
    ]


def test_pdf_without_a_text_layer_is_refused(tmp_path):
    path = tmp_path / "scan.pdf"
    page = canvas.Canvas(str(path))
    page.rect(72, 72, 300, 400, fill=1)  # a drawing, as a scanned page is an image: no text
    page.save()
    with pytest.raises(UnreadableDocument) as refused:
        parse_pdf(path)
    assert refused.value.kind == "no_text"
    assert refused.value.reason == (
        "the PDF has no text layer (a scanned image?), so there is nothing to read"
    )
