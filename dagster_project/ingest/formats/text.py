"""Plain text (.txt): e-mailed answers and text extracted from PDFs.

Lines holding a tab are table rows (PDF text layers export table cells tab-separated); a run of
them is one table. Everything else is a paragraph, one per line. Page furniture — a line on its
own that is only a date, a page number or a force's name — is set aside.
"""

from __future__ import annotations

from pathlib import Path

from dagster_project.ingest.layout import DocumentLayout, Paragraph, Table, UnreadableDocument
from dagster_project.ingest.textutil import decode_text, is_page_furniture


def parse_text(path: Path) -> DocumentLayout:
    """Read a text file into paragraphs and tab-separated tables."""
    data = path.read_bytes()
    if not data.strip():
        raise UnreadableDocument("the file is empty", kind="empty")
    text = decode_text(data)
    return layout_from_lines(text.splitlines(), text)


def layout_from_lines(lines: list[str], full_text: str, prefix: str = "") -> DocumentLayout:
    """Turn text lines into a layout; `prefix` is put before each line locator (e.g. "page 2 ")."""
    layout = DocumentLayout(full_text=full_text)
    table_rows: list[tuple[str, ...]] = []
    table_locs: list[str] = []

    def flush_table() -> None:
        if table_rows:
            layout.blocks.append(
                Table(rows=tuple(table_rows), locator=table_locs[0], row_locators=tuple(table_locs))
            )
            table_rows.clear()
            table_locs.clear()

    for index, raw_line in enumerate(lines, start=1):
        locator = f"{prefix}line {index}"
        line = raw_line.rstrip("\r\n")
        if "\t" in line:
            table_rows.append(tuple(cell.strip() for cell in line.split("\t")))
            table_locs.append(locator)
            continue
        stripped = " ".join(line.split())
        if not stripped:
            flush_table()
            continue
        if is_page_furniture(stripped):
            # Page-break debris is kept aside; it must not end a table that runs on past it.
            layout.furniture.append(Paragraph(stripped, locator))
            continue
        flush_table()
        layout.blocks.append(Paragraph(stripped, locator))
    flush_table()
    return layout
