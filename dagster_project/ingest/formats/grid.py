"""A spreadsheet sheet as a grid of its visible cells, and the paragraphs and table every
spreadsheet format (.xlsx, .xls, .ods) makes of one, by the same rules.

Title lines above the table become paragraphs; the header row is the first row with text in
two or more cells (it need not be row 1); a header cell merged across columns labels each of
them, and then the row under it is a second header row. Footnotes under the table are
paragraphs. A sheet holding error values or uncalculated formulas is refused.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime

from openpyxl.utils import get_column_letter

from dagster_project.ingest.layout import DocumentLayout, Paragraph, Table, UnreadableDocument

MAX_CELLS = 200_000
ERRORS = ("#REF!", "#DIV/0!", "#VALUE!", "#NAME?", "#N/A", "#NUM!", "#NULL!")
UNCALCULATED = "#UNCALCULATED"

Cell = tuple[int, int, str]  # (row, column, text) as the sheet numbers them, from 1
Grid = list[list[Cell]]  # the visible rows, each a list of its visible cells
Spans = dict[tuple[int, int], tuple[int, int]]  # cell in a merged header -> its first cell


def check_size(title: str, rows: int, columns: int) -> None:
    if rows * columns > MAX_CELLS:
        raise UnreadableDocument(
            f"sheet {title!r} has more than {MAX_CELLS:,} cells, over the limit",
            kind="too_large",
        )


def cell_text(value: object, number_format: str = "") -> str:
    """A cell's value as text: dates as ISO dates, whole floats without `.0`. A date shown
    without its day (a month column formatted `mmm-yy`) is the month it names: "Aug 2024"."""
    if value is None:
        return ""
    if isinstance(value, datetime | date):
        shown = re.sub(r'"[^"]*"|\[[^]]*\]', "", number_format.lower())
        if "m" in shown and "y" in shown and "d" not in shown:
            return value.strftime("%b %Y")
        return value.isoformat()[:10]
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return " ".join(str(value).split())


def workbook_layout(sheets: Iterable[tuple[str, Grid, Spans]]) -> DocumentLayout:
    """The layout of a workbook from its visible sheets: (title, grid, merged spans) each."""
    layout = DocumentLayout()
    texts: list[str] = []
    for title, grid, spans in sheets:
        check_errors(title, grid)
        blocks = sheet_blocks(title, grid, spans)
        layout.blocks.extend(blocks)
        texts.extend(
            b.text if isinstance(b, Paragraph) else "\n".join("\t".join(r) for r in b.rows)
            for b in blocks
        )
    if not layout.blocks:
        raise UnreadableDocument("the workbook has no visible cells with text", kind="empty")
    layout.full_text = "\n".join(texts)
    return layout


def check_errors(title: str, grid: Grid) -> None:
    bad = [
        f"{get_column_letter(col)}{row} ({text})"
        for cells in grid
        for row, col, text in cells
        if text in ERRORS or text == UNCALCULATED
    ]
    if bad:
        raise UnreadableDocument(
            f"sheet {title!r} holds spreadsheet errors or uncalculated formulas in "
            f"{', '.join(bad[:5])}{' and more' if len(bad) > 5 else ''}, so its figures "
            "cannot be trusted",
            kind="spreadsheet_errors",
        )


def sheet_blocks(title: str, grid: Grid, spans: Spans) -> list[Paragraph | Table]:
    """Title lines (one text cell) before the header row and footnotes after the table are
    paragraphs; the rows between are the sheet's table."""
    rows = [cells for cells in grid if any(text for _, _, text in cells)]
    blocks: list[Paragraph | Table] = []
    start = next((i for i, cells in enumerate(rows) if sum(1 for c in cells if c[2]) >= 2), None)
    for cells in rows[: start if start is not None else len(rows)]:
        text = " ".join(c[2] for c in cells if c[2])
        blocks.append(Paragraph(text, f"sheet {title} row {cells[0][0]}"))
    if start is None:
        return blocks
    body = rows[start:]
    notes: list[Paragraph] = []
    while len(body) > 2 and sum(1 for c in body[-1] if c[2]) == 1:
        # A footnote under the table ("* fewer than 5") is text, not a row.
        cells = body.pop()
        text = next(c[2] for c in cells if c[2])
        notes.insert(0, Paragraph(text, f"sheet {title} row {cells[0][0]}"))
    used = sorted({i for cells in body for i, c in enumerate(cells) if c[2]})
    table_rows = tuple(tuple(cells[i][2] for i in range(used[0], used[-1] + 1)) for cells in body)
    header_row = body[0][0][0]
    banner = any((header_row, col) in spans for _, col, _ in body[0])
    return [
        *blocks,
        Table(
            rows=table_rows,
            locator=f"sheet {title}",
            row_locators=tuple(f"sheet {title} row {cells[0][0]}" for cells in body),
            header_rows=2 if banner and len(body) > 2 else 1,
        ),
        *notes,
    ]
