"""OpenDocument text (.odt): headings, paragraphs, list items and tables in the order they stand
in the body, read with odfpy.

The same shape as .docx: a line broken inside a paragraph stays its own line, a table cell
merged across columns in the first row labels each column under it (and the row below becomes
a second header row), and a body cell merged across columns is read once. Page headers and
footers live in the styles, not the body, so they are never read as the answer.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from odf import teletype
from odf.element import Element
from odf.namespaces import TABLENS
from odf.opendocument import load

from dagster_project.ingest.layout import DocumentLayout, Paragraph, Table
from dagster_project.ingest.textutil import check_zip_container, is_page_furniture

# Elements that hold blocks without being one (sections, lists and their items).
_CONTAINERS = {"section", "list", "list-item", "list-header", "index-body"}
_ROW_GROUPS = {"table-header-rows", "table-rows", "table-row-group"}


def parse_odt(path: Path) -> DocumentLayout:
    """Read an OpenDocument text file's body into paragraphs and tables, in order."""
    check_zip_container(path, "ODT")
    document = load(str(path))
    layout = DocumentLayout()
    texts: list[str] = []
    paragraph_no = table_no = 0
    for element in _blocks(document.text):
        if _local(element) == "table":
            table_no += 1
            table = _table(element, table_no)
            if table is not None:
                layout.blocks.append(table)
                texts.extend("\t".join(row) for row in table.rows)
            continue
        for line in teletype.extractText(element).splitlines():
            text = " ".join(line.split())
            if not text:
                continue
            paragraph_no += 1
            texts.append(text)
            block = Paragraph(text, f"paragraph {paragraph_no}")
            (layout.furniture if is_page_furniture(text) else layout.blocks).append(block)
    layout.full_text = "\n".join(texts)
    return layout


def _local(element: Element) -> str | None:
    return element.qname[1] if getattr(element, "qname", None) else None


def _blocks(element: Element) -> Iterator[Element]:
    """Headings, paragraphs and tables in document order, looking inside lists and sections."""
    for child in element.childNodes:
        local = _local(child)
        if local in ("p", "h", "table"):
            yield child
        elif local in _CONTAINERS:
            yield from _blocks(child)


def _rows(table: Element) -> Iterator[Element]:
    for child in table.childNodes:
        local = _local(child)
        if local == "table-row":
            yield child
        elif local in _ROW_GROUPS:
            yield from _rows(child)


def _table(element: Element, table_no: int) -> Table | None:
    rows: list[tuple[str, ...]] = []
    banner = False  # the first row has a cell merged across columns
    for row_index, row in enumerate(_rows(element)):
        cells: list[str] = []
        spanning = ""
        for cell in row.childNodes:
            local = _local(cell)
            if local == "covered-table-cell":
                cells.append(spanning if row_index == 0 else "")
                continue
            if local != "table-cell":
                continue
            text = " ".join(teletype.extractText(cell).split())
            spanned = int(cell.attributes.get((TABLENS, "number-columns-spanned")) or 1) > 1
            banner = banner or (row_index == 0 and spanned and bool(text))
            spanning = text if spanned else ""
            repeat = int(cell.attributes.get((TABLENS, "number-columns-repeated")) or 1)
            cells.extend([text] * repeat)
        rows.append(tuple(cells))
    rows = [row for row in rows if any(row)]
    if not rows:
        return None
    locator = f"table {table_no}"
    row_locs = tuple(f"{locator} row {i}" for i in range(1, len(rows) + 1))
    return Table(tuple(rows), locator, row_locs, header_rows=2 if banner and len(rows) > 2 else 1)
