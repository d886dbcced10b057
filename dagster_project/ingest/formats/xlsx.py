"""Excel (.xlsx): every visible sheet, read with openpyxl; nothing is calculated or executed.

Hidden or very hidden sheets, hidden rows and hidden columns are never read. A value is what the
workbook last saved for the cell: a formula is not evaluated, and a workbook holding error
values (`#REF!`, `#DIV/0!`) or formulas with no saved result is refused in one sentence rather
than read with holes. Title lines above the table become paragraphs; the header row is the first
row with text in two or more cells (it need not be row 1); a header cell merged across columns
labels each of them, and then the row under it is a second header row.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import openpyxl
from openpyxl.worksheet.worksheet import Worksheet

from dagster_project.ingest.formats.grid import (
    UNCALCULATED,
    Grid,
    Spans,
    cell_text,
    check_size,
    workbook_layout,
)
from dagster_project.ingest.layout import DocumentLayout
from dagster_project.ingest.textutil import check_zip_container

# openpyxl holds a whole workbook in memory (about ten times its XML), twice when it has
# formulas: keep it small.
MAX_UNZIPPED_XLSX = 40 * 1024 * 1024
# A formula element (`<f>`, `<f t="shared" ...>`, `<x:f>`) anywhere in the archive's parts.
_FORMULA_ELEMENT = re.compile(rb"<(?:[\w.\-]+:)?f[\s/>]")


def parse_xlsx(path: Path) -> DocumentLayout:
    """Read every visible sheet into paragraphs (title lines) and one table per sheet."""
    check_zip_container(path, "XLSX", limit=MAX_UNZIPPED_XLSX)
    values = openpyxl.load_workbook(path, data_only=True)
    # Formulas need a second load; a workbook without a formula element is loaded once.
    formulas = openpyxl.load_workbook(path, data_only=False) if _has_formulas(path) else None
    return workbook_layout(
        (
            sheet.title,
            _visible_grid(sheet, formulas[sheet.title] if formulas is not None else None),
            _merged_spans(sheet),
        )
        for sheet in values.worksheets
        if sheet.sheet_state == "visible"
    )


def _has_formulas(path: Path) -> bool:
    """True when any part of the archive holds a formula element (a chart's or an image's
    bytes may match too: that only costs the second load)."""
    with zipfile.ZipFile(path) as archive:
        return any(_FORMULA_ELEMENT.search(archive.read(name)) for name in archive.namelist())


def _visible_grid(sheet: Worksheet, formula_sheet: Worksheet | None) -> Grid:
    """The sheet's visible rows (each a list of its visible cells), merged headers filled in."""
    check_size(sheet.title, sheet.max_row or 0, sheet.max_column or 0)
    hidden_cols = _hidden_columns(sheet)
    spans = _merged_spans(sheet)
    grid: Grid = []
    for row in range(1, (sheet.max_row or 0) + 1):
        if sheet.row_dimensions[row].hidden:
            continue
        cells = []
        for col in range(1, (sheet.max_column or 0) + 1):
            if col in hidden_cols:
                continue
            cell = sheet.cell(row, col)
            value, number_format = cell.value, cell.number_format
            if value is None and (row, col) in spans:
                source = sheet.cell(*spans[(row, col)])
                value, number_format = source.value, source.number_format
            if (
                value is None
                and formula_sheet is not None
                and _is_formula(formula_sheet.cell(row, col).value)
            ):
                value = UNCALCULATED
            cells.append((row, col, cell_text(value, number_format or "")))
        grid.append(cells)
    return grid


def _hidden_columns(sheet: Worksheet) -> set[int]:
    hidden: set[int] = set()
    for dimension in sheet.column_dimensions.values():
        if dimension.hidden:
            hidden.update(range(dimension.min or 0, (dimension.max or dimension.min or 0) + 1))
    return hidden


def _merged_spans(sheet: Worksheet) -> Spans:
    """Cells inside a range merged across columns of one row -> the range's top-left cell."""
    spans: Spans = {}
    for merged in sheet.merged_cells.ranges:
        if merged.min_row != merged.max_row:
            continue
        for col in range(merged.min_col + 1, merged.max_col + 1):
            spans[(merged.min_row, col)] = (merged.min_row, merged.min_col)
    return spans


def _is_formula(value: object) -> bool:
    return isinstance(value, str) and value.startswith("=")
