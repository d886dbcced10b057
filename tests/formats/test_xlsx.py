"""Excel parser hazards, each on a real workbook written by openpyxl."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from dagster_project.ingest.formats.xlsx import parse_xlsx
from dagster_project.ingest.layout import Paragraph
from dagster_project.ingest.structure import read_structure
from tests.fixtures.documents import make_xlsx


@pytest.fixture(scope="module")
def workbook(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("xlsx") / "breaches.xlsx"
    make_xlsx(
        path,
        {
            "Breaches": [
                ["Avon and Somerset Constabulary"],
                ["Reference 01.FOI.24.039197"],
                [],
                ["Offence", "Calendar year", None, None, "Working"],
                [None, 2021, 2022, "2023 to end July", "check"],
                ["Breach of SHPO", 40, 38, 22, "x"],
                ["Draft row", 999, 999, 999, "x"],
                ["Breach of SRO", 2, "<5", 1, "x"],
                ["Total", 42, 43, 23, "x"],
                [],
                ["Figures for 2023 are for January to July only."],
            ],
            "Areas": [["Area", "RSOs"], ["Bristol", 812], ["Somerset", 455]],
            "Draft": [["Offence", "2021"], ["Breach of SHPO", 41]],
        },
    )
    book = openpyxl.load_workbook(path)
    sheet = book["Breaches"]
    sheet.merge_cells("B4:D4")
    sheet.row_dimensions[7].hidden = True
    sheet.column_dimensions["E"].hidden = True
    book["Draft"].sheet_state = "hidden"
    book.save(path)
    return path


def test_hidden_sheets_rows_and_columns_are_never_read(workbook):
    layout = parse_xlsx(workbook)
    assert "999" not in layout.full_text
    assert "Working" not in layout.full_text and "check" not in layout.full_text
    assert "41" not in layout.full_text  # only on the hidden sheet
    assert [b.locator for b in layout.blocks if not isinstance(b, Paragraph)] == [
        "sheet Breaches",
        "sheet Areas",
    ]


def test_title_rows_above_the_header_are_paragraphs(workbook):
    paragraphs = [b for b in parse_xlsx(workbook).blocks if isinstance(b, Paragraph)]
    assert [(p.text, p.locator) for p in paragraphs] == [
        ("Avon and Somerset Constabulary", "sheet Breaches row 1"),
        ("Reference 01.FOI.24.039197", "sheet Breaches row 2"),
        ("Figures for 2023 are for January to July only.", "sheet Breaches row 11"),
    ]


def test_merged_header_cell_labels_each_column(workbook):
    cells = [c for c in read_structure(parse_xlsx(workbook)).table_cells if c.table_no == 1]
    assert [(c.row_label, c.col_label, c.cell_text) for c in cells if c.row_no == 1] == [
        ("Breach of SHPO", "Calendar year / 2021", "40"),
        ("Breach of SHPO", "Calendar year / 2022", "38"),
        ("Breach of SHPO", "Calendar year / 2023 to end July", "22"),
    ]
    assert cells[0].locator == "sheet Breaches row 6, table 1, row 1, col 2"


def test_total_row_stays_a_row_with_its_label(workbook):
    cells = read_structure(parse_xlsx(workbook)).table_cells
    totals = [(c.col_label, c.cell_text) for c in cells if c.row_label == "Total"]
    assert totals == [
        ("Calendar year / 2021", "42"),
        ("Calendar year / 2022", "43"),
        ("Calendar year / 2023 to end July", "23"),
    ]


def test_every_visible_sheet_is_read(workbook):
    cells = [c for c in read_structure(parse_xlsx(workbook)).table_cells if c.table_no == 2]
    assert [(c.row_label, c.col_label, c.cell_text) for c in cells] == [
        ("Bristol", "RSOs", "812"),
        ("Somerset", "RSOs", "455"),
    ]
