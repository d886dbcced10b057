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
from datetime import date, datetime
from pathlib import Path

import openpyxl
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from dagster_project.ingest.layout import DocumentLayout, Paragraph, Table, UnreadableDocument
from dagster_project.ingest.textutil import check_zip_container

MAX_CELLS = 200_000
# openpyxl holds a whole workbook in memory (about ten times its XML), twice when it has
# formulas: keep it small.
MAX_UNZIPPED_XLSX = 40 * 1024 * 1024
_ERRORS = ("#REF!", "#DIV/0!", "#VALUE!", "#NAME?", "#N/A", "#NUM!", "#NULL!")
# A formula element (`<f>`, `<f t="shared" ...>`, `<x:f>`) anywhere in the archive's parts.
_FORMULA_ELEMENT = re.compile(rb"<(?:[\w.\-]+:)?f[\s/>]")


def parse_xlsx(path: Path) -> DocumentLayout:
    """Read every visible sheet into paragraphs (title lines) and one table per sheet."""
    check_zip_container(path, "XLSX", limit=MAX_UNZIPPED_XLSX)
    values = openpyxl.load_workbook(path, data_only=True)
    # Formulas need a second load; a workbook without a formula element is loaded once.
    formulas = openpyxl.load_workbook(path, data_only=False) if _has_formulas(path) else None
    layout = DocumentLayout()
    texts: list[str] = []
    for sheet in values.worksheets:
        if sheet.sheet_state != "visible":
            continue
        grid = _visible_grid(sheet, formulas[sheet.title] if formulas is not None else None)
        _check_errors(sheet.title, grid)
        blocks = _sheet_blocks(sheet, grid)
        layout.blocks.extend(blocks)
        texts.extend(
            b.text if isinstance(b, Paragraph) else "\n".join("\t".join(r) for r in b.rows)
            for b in blocks
        )
    if not layout.blocks:
        raise UnreadableDocument("the workbook has no visible cells with text", kind="empty")
    layout.full_text = "\n".join(texts)
    return layout


_Cell = tuple[int, int, str]  # (row, column, text) as the sheet numbers them


def _has_formulas(path: Path) -> bool:
    """True when any part of the archive holds a formula element (a chart's or an image's
    bytes may match too: that only costs the second load)."""
    with zipfile.ZipFile(path) as archive:
        return any(_FORMULA_ELEMENT.search(archive.read(name)) for name in archive.namelist())


def _visible_grid(sheet: Worksheet, formula_sheet: Worksheet | None) -> list[list[_Cell]]:
    """The sheet's visible rows (each a list of its visible cells), merged headers filled in."""
    if (sheet.max_row or 0) * (sheet.max_column or 0) > MAX_CELLS:
        raise UnreadableDocument(
            f"sheet {sheet.title!r} has more than {MAX_CELLS:,} cells, over the limit",
            kind="too_large",
        )
    hidden_cols = _hidden_columns(sheet)
    spans = _merged_spans(sheet)
    grid: list[list[_Cell]] = []
    for row in range(1, (sheet.max_row or 0) + 1):
        if sheet.row_dimensions[row].hidden:
            continue
        cells = []
        for col in range(1, (sheet.max_column or 0) + 1):
            if col in hidden_cols:
                continue
            value = sheet.cell(row, col).value
            if value is None and (row, col) in spans:
                value = sheet.cell(*spans[(row, col)]).value
            if (
                value is None
                and formula_sheet is not None
                and _is_formula(formula_sheet.cell(row, col).value)
            ):
                value = "#UNCALCULATED"
            cells.append((row, col, _text(value)))
        grid.append(cells)
    return grid


def _hidden_columns(sheet: Worksheet) -> set[int]:
    hidden: set[int] = set()
    for dimension in sheet.column_dimensions.values():
        if dimension.hidden:
            hidden.update(range(dimension.min or 0, (dimension.max or dimension.min or 0) + 1))
    return hidden


def _merged_spans(sheet: Worksheet) -> dict[tuple[int, int], tuple[int, int]]:
    """Cells inside a range merged across columns of one row -> the range's top-left cell."""
    spans: dict[tuple[int, int], tuple[int, int]] = {}
    for merged in sheet.merged_cells.ranges:
        if merged.min_row != merged.max_row:
            continue
        for col in range(merged.min_col + 1, merged.max_col + 1):
            spans[(merged.min_row, col)] = (merged.min_row, merged.min_col)
    return spans


def _is_formula(value: object) -> bool:
    return isinstance(value, str) and value.startswith("=")


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime | date):
        return value.isoformat()[:10]
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return " ".join(str(value).split())


def _check_errors(title: str, grid: list[list[_Cell]]) -> None:
    bad = [
        f"{get_column_letter(col)}{row} ({text})"
        for cells in grid
        for row, col, text in cells
        if text in _ERRORS or text == "#UNCALCULATED"
    ]
    if bad:
        raise UnreadableDocument(
            f"sheet {title!r} holds spreadsheet errors or uncalculated formulas in "
            f"{', '.join(bad[:5])}{' and more' if len(bad) > 5 else ''}, so its figures "
            "cannot be trusted",
            kind="spreadsheet_errors",
        )


def _sheet_blocks(sheet: Worksheet, grid: list[list[_Cell]]) -> list[Paragraph | Table]:
    """Title lines (one text cell) before the header row and footnotes after the table are
    paragraphs; the rows between are the sheet's table."""
    rows = [cells for cells in grid if any(text for _, _, text in cells)]
    blocks: list[Paragraph | Table] = []
    start = next((i for i, cells in enumerate(rows) if sum(1 for c in cells if c[2]) >= 2), None)
    for cells in rows[: start if start is not None else len(rows)]:
        text = " ".join(c[2] for c in cells if c[2])
        blocks.append(Paragraph(text, f"sheet {sheet.title} row {cells[0][0]}"))
    if start is None:
        return blocks
    body = rows[start:]
    notes: list[Paragraph] = []
    while len(body) > 2 and sum(1 for c in body[-1] if c[2]) == 1:
        # A footnote under the table ("* fewer than 5") is text, not a row.
        cells = body.pop()
        text = next(c[2] for c in cells if c[2])
        notes.insert(0, Paragraph(text, f"sheet {sheet.title} row {cells[0][0]}"))
    used = sorted({i for cells in body for i, c in enumerate(cells) if c[2]})
    table_rows = tuple(tuple(cells[i][2] for i in range(used[0], used[-1] + 1)) for cells in body)
    header_row = body[0][0][0]
    banner = any((header_row, col) in _merged_spans(sheet) for _, col, _ in body[0])
    return [
        *blocks,
        Table(
            rows=table_rows,
            locator=f"sheet {sheet.title}",
            row_locators=tuple(f"sheet {sheet.title} row {cells[0][0]}" for cells in body),
            header_rows=2 if banner and len(body) > 2 else 1,
        ),
        *notes,
    ]
