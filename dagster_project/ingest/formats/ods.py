"""OpenDocument spreadsheets (.ods): every visible sheet, read with odfpy; nothing is calculated.

The same rules as .xlsx (see grid.py). A sheet whose table style says `display="false"` is
hidden, and so are rows and columns whose visibility is `collapse` or `filter`: none of them is
read. A value is what the file last saved (`office:value` for numbers, `office:date-value` for
dates, else the cell's text); a formula with no saved value refuses the workbook.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from odf import teletype
from odf.element import Element
from odf.namespaces import OFFICENS, TABLENS
from odf.opendocument import load

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

_HIDDEN = ("collapse", "filter")
# Elements that group rows or columns without being one (header rows, row groups).
_GROUPS = {
    "table-header-rows",
    "table-rows",
    "table-row-group",
    "table-header-columns",
    "table-columns",
    "table-column-group",
}


def parse_ods(path: Path) -> DocumentLayout:
    """Read every visible sheet of an .ods file into paragraphs and one table per sheet."""
    check_zip_container(path, "ODS")
    document = load(str(path))
    hidden_styles = _hidden_table_styles(document)
    return workbook_layout(
        _sheet(table)
        for table in document.spreadsheet.childNodes
        if _local(table) == "table" and _attr(table, "style-name") not in hidden_styles
    )


def _local(element: Element) -> str | None:
    return element.qname[1] if getattr(element, "qname", None) else None


def _attr(element: Element, name: str) -> str | None:
    return element.attributes.get((TABLENS, name))


def _hidden_table_styles(document) -> set[str]:
    hidden = set()
    for style in document.automaticstyles.childNodes:
        for props in style.childNodes:
            if (
                _local(props) == "table-properties"
                and props.attributes.get((TABLENS, "display")) == "false"
            ):
                hidden.add(style.getAttribute("name"))
    return hidden


def _children(element: Element, name: str) -> Iterator[Element]:
    """The `name` elements under `element`, looking inside row and column groups."""
    for child in element.childNodes:
        local = _local(child)
        if local == name:
            yield child
        elif local in _GROUPS:
            yield from _children(child, name)


def _repeat(element: Element, name: str) -> int:
    return int(_attr(element, name) or 1)


def _sheet(table: Element) -> tuple[str, Grid, Spans]:
    title = _attr(table, "name") or "Sheet"
    hidden_cols: set[int] = set()
    col = 1
    for column in _children(table, "table-column"):
        count = _repeat(column, "number-columns-repeated")
        if _attr(column, "visibility") in _HIDDEN:
            hidden_cols.update(range(col, col + count))
        col += count
    rows: list[tuple[int, dict[int, str]]] = []
    spans: Spans = {}
    row_no = 1
    for row in _children(table, "table-row"):
        count = _repeat(row, "number-rows-repeated")
        texts = _row_texts(row, row_no, spans)
        if texts and _attr(row, "visibility") not in _HIDDEN:
            rows.extend((row_no + i, texts) for i in range(count))
        row_no += count
    width = max((col for _, texts in rows for col in texts), default=0)
    check_size(title, len(rows), width)
    visible = [col for col in range(1, width + 1) if col not in hidden_cols]
    grid = [[(r, col, texts.get(col, "")) for col in visible] for r, texts in rows]
    return title, grid, spans


def _row_texts(row: Element, row_no: int, spans: Spans) -> dict[int, str]:
    """The row's non-empty cells by column; a cell merged across columns gives its text to
    each column it covers, and is recorded in `spans`."""
    texts: dict[int, str] = {}
    col = 1
    spanning: tuple[int, str] | None = None  # (first column, text) of the open merged cell
    for cell in row.childNodes:
        local = _local(cell)
        if local not in ("table-cell", "covered-table-cell"):
            continue
        count = _repeat(cell, "number-columns-repeated")
        if local == "covered-table-cell":
            if spanning is not None:
                for c in range(col, col + count):
                    texts[c] = spanning[1]
                    spans[(row_no, c)] = (row_no, spanning[0])
            col += count
            continue
        text = _cell_text(cell)
        spanning = (col, text) if int(_attr(cell, "number-columns-spanned") or 1) > 1 else None
        if spanning is not None and int(_attr(cell, "number-rows-spanned") or 1) > 1:
            spanning = None  # merged down as well: the cells below are not a header's columns
        if text:
            for c in range(col, col + count):
                texts[c] = text
        col += count
    return texts


def _cell_text(cell: Element) -> str:
    value_type = cell.attributes.get((OFFICENS, "value-type"))
    if value_type in ("float", "percentage", "currency"):
        return cell_text(float(cell.attributes[(OFFICENS, "value")]))
    if value_type == "date":
        return cell.attributes[(OFFICENS, "date-value")][:10]
    if value_type is None and _attr(cell, "formula"):
        return UNCALCULATED
    return cell_text(teletype.extractText(cell))
