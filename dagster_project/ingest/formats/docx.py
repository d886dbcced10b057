"""Word (.docx): paragraphs and tables in the order they stand in the body, read with python-docx.

The zip directory is checked before python-docx opens the file (a zip bomb or a file that is
not a zip is refused in one sentence). A merged cell is read once, at its first grid position.
Paragraphs are split on line breaks so a list typed with Shift+Enter stays one line per item.
"""

from __future__ import annotations

from pathlib import Path

import docx
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph as DocxParagraph

from dagster_project.ingest.layout import DocumentLayout, Paragraph, Table
from dagster_project.ingest.textutil import check_zip_container, is_page_furniture


def parse_docx(path: Path) -> DocumentLayout:
    """Read a Word document's body (headers and footers are page furniture) into a layout."""
    check_zip_container(path, "DOCX")
    document = docx.Document(str(path))
    layout = DocumentLayout()
    texts: list[str] = []
    paragraph_no = table_no = 0
    for item in document.iter_inner_content():
        if isinstance(item, DocxParagraph):
            for line in item.text.splitlines():
                text = " ".join(line.split())
                if not text:
                    continue
                paragraph_no += 1
                texts.append(text)
                block = Paragraph(text, f"paragraph {paragraph_no}")
                (layout.furniture if is_page_furniture(text) else layout.blocks).append(block)
        elif isinstance(item, DocxTable):
            table_no += 1
            table = _table(item, table_no)
            if table is not None:
                layout.blocks.append(table)
                texts.extend("\t".join(row) for row in table.rows)
    for section in document.sections:
        for part in (section.header, section.footer):
            for paragraph in part.paragraphs:
                if paragraph.text.strip():
                    layout.furniture.append(Paragraph(paragraph.text.strip(), "page header/footer"))
    layout.full_text = "\n".join(texts)
    return layout


def _table(table: DocxTable, table_no: int) -> Table | None:
    rows: list[tuple[str, ...]] = []
    banner = False  # the first row has a cell merged across columns
    for row_index, row in enumerate(table.rows):
        seen: set[int] = set()
        cells = []
        for cell in row.cells:
            text = " ".join(cell.text.split())
            # python-docx repeats a merged cell at every grid column it spans: a header keeps
            # its text over each column, a body cell is read once.
            if id(cell._tc) in seen:
                banner = banner or (row_index == 0 and bool(text))
                cells.append(text if row_index == 0 else "")
                continue
            seen.add(id(cell._tc))
            cells.append(text)
        rows.append(tuple(cells))
    rows = [row for row in rows if any(row)]
    if not rows:
        return None
    locator = f"table {table_no}"
    row_locs = tuple(f"{locator} row {i}" for i in range(1, len(rows) + 1))
    return Table(tuple(rows), locator, row_locs, header_rows=2 if banner and len(rows) > 2 else 1)
