"""Excel 97-2003 (.xls): every visible sheet, read with xlrd; nothing is calculated or executed.

The same rules as .xlsx (see grid.py): hidden and very hidden sheets, hidden rows and hidden
columns are never read; a value is what the workbook last saved; error values refuse the
workbook; title lines, the header row, merged header cells and footnotes are read alike.
"""

from __future__ import annotations

from pathlib import Path

import xlrd
from xlrd.sheet import Sheet

from dagster_project.ingest.formats.grid import Grid, Spans, cell_text, check_size, workbook_layout
from dagster_project.ingest.layout import DocumentLayout, UnreadableDocument

_VISIBLE = 0


def parse_xls(path: Path) -> DocumentLayout:
    """Read every visible sheet of an .xls workbook into paragraphs and one table per sheet."""
    try:
        # formatting_info: without it xlrd does not say which rows and columns are hidden.
        book = xlrd.open_workbook(str(path), formatting_info=True, on_demand=True)
    except xlrd.XLRDError as error:
        raise UnreadableDocument(
            f"the file is not an Excel 97-2003 workbook ({error})", kind="not_a_workbook"
        ) from error
    try:
        return workbook_layout(
            (sheet.name, _visible_grid(sheet, book.datemode), _merged_spans(sheet))
            for sheet in (book.sheet_by_index(i) for i in range(book.nsheets))
            if sheet.visibility == _VISIBLE
        )
    finally:
        book.release_resources()


def _visible_grid(sheet: Sheet, datemode: int) -> Grid:
    """The visible rows (each a list of its visible cells), numbered from 1, merged headers
    filled in."""
    check_size(sheet.name, sheet.nrows, sheet.ncols)
    spans = _merged_spans(sheet)
    hidden_cols = {col for col, info in sheet.colinfo_map.items() if info.hidden}
    grid: Grid = []
    for row in range(sheet.nrows):
        info = sheet.rowinfo_map.get(row)
        if info is not None and info.hidden:
            continue
        cells = []
        for col in range(sheet.ncols):
            if col in hidden_cols:
                continue
            source = spans.get((row + 1, col + 1), (row + 1, col + 1))
            cells.append(
                (row + 1, col + 1, _text(sheet.cell(source[0] - 1, source[1] - 1), datemode))
            )
        grid.append(cells)
    return grid


def _text(cell: xlrd.sheet.Cell, datemode: int) -> str:
    if cell.ctype == xlrd.XL_CELL_ERROR:
        return xlrd.error_text_from_code[cell.value]
    if cell.ctype == xlrd.XL_CELL_DATE:
        return cell_text(xlrd.xldate.xldate_as_datetime(cell.value, datemode))
    if cell.ctype == xlrd.XL_CELL_BOOLEAN:
        return "TRUE" if cell.value else "FALSE"
    return cell_text(cell.value if cell.ctype != xlrd.XL_CELL_EMPTY else None)


def _merged_spans(sheet: Sheet) -> Spans:
    """Cells inside a range merged across columns of one row -> the range's first cell."""
    spans: Spans = {}
    for row_lo, row_hi, col_lo, col_hi in sheet.merged_cells:
        if row_hi - row_lo != 1:
            continue
        for col in range(col_lo + 1, col_hi):
            spans[(row_lo + 1, col + 1)] = (row_lo + 1, col_lo + 1)
    return spans
