"""Excel 97-2003 (.xls, written by xlwt) and OpenDocument spreadsheets (.ods, written by odfpy)
on real files: the same outline as .xlsx, and hidden sheets, rows and columns are never read.
The same workbook is written in both formats and read by each format's parser."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from dagster_project.ingest.formats.ods import parse_ods
from dagster_project.ingest.formats.xls import parse_xls
from dagster_project.ingest.layout import Paragraph, UnreadableDocument
from dagster_project.ingest.structure import read_structure
from tests.fixtures.formats import make_ods, make_xls

READERS = {"xls": (make_xls, parse_xls), "ods": (make_ods, parse_ods)}


@pytest.fixture(scope="module", params=sorted(READERS))
def workbook(request, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Callable]:
    make, parse = READERS[request.param]
    path = make(
        tmp_path_factory.mktemp(request.param) / f"register.{request.param}",
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
    return path, parse


def test_hidden_sheets_rows_and_columns_are_never_read(workbook):
    path, parse = workbook
    text = parse(path).full_text
    assert "999" not in text and "Draft" not in text
    assert "Working" not in text and "check" not in text
    assert "777" not in text


def test_cells_carry_merged_header_labels_and_sheet_locators(workbook):
    path, parse = workbook
    layout = parse(path)
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


def test_a_file_that_is_not_a_zip_is_refused(tmp_path):
    path = tmp_path / "fake.ods"
    path.write_bytes(b"this is not an OpenDocument spreadsheet")
    with pytest.raises(UnreadableDocument) as refused:
        parse_ods(path)
    assert refused.value.kind == "not_a_zip"
    assert refused.value.reason == (
        "the file is not a valid ODS document (ODS files are zip archives)"
    )


def test_number_cells_are_read_from_their_value_not_their_display(tmp_path):
    path = make_ods(tmp_path / "big.ods", {"RSOs": [["Force", "RSOs"], ["Essex", 1234]]})
    (cell,) = read_structure(parse_ods(path)).table_cells
    assert (cell.row_label, cell.col_label, cell.cell_text) == ("Essex", "RSOs", "1234")
