"""Excel 97-2003 (.xls) on a real workbook written by xlwt: the same outline as .xlsx, and
hidden sheets, rows and columns are never read."""

from __future__ import annotations

from pathlib import Path

import pytest

from dagster_project.ingest.formats.xls import parse_xls
from dagster_project.ingest.layout import Paragraph, UnreadableDocument
from dagster_project.ingest.structure import read_structure
from tests.fixtures.formats import make_xls


@pytest.fixture(scope="module")
def workbook(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_xls(
        tmp_path_factory.mktemp("xls") / "register.xls",
        {
            "Register": [
                ["Registered sex offenders (FOI 0877/24)"],
                [None, "As at 31 March", None, "Working"],
                ["Area", 2023, 2024, "check"],
                ["North", 512, 530, "x"],
                ["Draft", 999, 999, "x"],
                ["South", 688, 701.0, "x"],
                ["* figures are provisional"],
            ],
            "Notes": [["Staff", "Count"], ["Offender managers", 31]],
            "Hidden": [["Area", "2024"], ["North", 777]],
        },
        hidden_sheets=["Hidden"],
        hidden_rows={"Register": [4]},
        hidden_cols={"Register": [3]},
        merged={"Register": (1, 1, 2)},
    )


def test_hidden_sheets_rows_and_columns_are_never_read(workbook):
    text = parse_xls(workbook).full_text
    assert "999" not in text and "Draft" not in text
    assert "Working" not in text and "check" not in text
    assert "777" not in text


def test_cells_carry_merged_header_labels_and_sheet_locators(workbook):
    layout = parse_xls(workbook)
    assert [(p.text, p.locator) for p in layout.blocks if isinstance(p, Paragraph)] == [
        ("Registered sex offenders (FOI 0877/24)", "sheet Register row 1"),
        ("* figures are provisional", "sheet Register row 7"),
    ]
    cells = read_structure(layout).table_cells
    assert [(c.row_label, c.col_label, c.cell_text, c.locator) for c in cells] == [
        ("North", "As at 31 March / 2023", "512", "sheet Register row 4, table 1, row 1, col 2"),
        ("North", "As at 31 March / 2024", "530", "sheet Register row 4, table 1, row 1, col 3"),
        ("South", "As at 31 March / 2023", "688", "sheet Register row 6, table 1, row 2, col 2"),
        ("South", "As at 31 March / 2024", "701", "sheet Register row 6, table 1, row 2, col 3"),
        ("Offender managers", "Count", "31", "sheet Notes row 2, table 2, row 1, col 2"),
    ]


def test_a_file_that_is_not_a_workbook_is_refused(tmp_path):
    path = tmp_path / "fake.xls"
    path.write_bytes(b"this is not an Excel 97-2003 workbook at all")
    with pytest.raises(UnreadableDocument) as refused:
        parse_xls(path)
    assert refused.value.kind == "not_a_workbook"
    assert refused.value.reason.startswith("the file is not an Excel 97-2003 workbook (")
