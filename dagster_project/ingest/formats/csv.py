"""CSV (.csv): a table exported from a spreadsheet, in any common encoding and delimiter.

Bytes are decoded as UTF-8 (BOM or not), UTF-16 (BOM) or cp1252; the delimiter is the one of
`,` `;` tab `|` that splits the lines most consistently. Title lines above the header (a single
filled cell) and footnotes below the table become paragraphs, as in a spreadsheet.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from dagster_project.ingest.layout import DocumentLayout, Paragraph, Table, UnreadableDocument
from dagster_project.ingest.textutil import decode_text

_DELIMITERS = (",", ";", "\t", "|")


def parse_csv(path: Path) -> DocumentLayout:
    """Read a CSV file into title paragraphs, one table and footnote paragraphs."""
    data = path.read_bytes()
    if not data.strip():
        raise UnreadableDocument("the file is empty", kind="empty")
    text = decode_text(data)
    delimiter = _delimiter(text)
    records = [
        (number, [" ".join(cell.split()) for cell in row])
        for number, row in enumerate(csv.reader(io.StringIO(text), delimiter=delimiter), 1)
    ]
    records = [(n, row) for n, row in records if any(row)]
    layout = DocumentLayout(full_text=text)
    filled = [sum(1 for cell in row if cell) for _, row in records]
    table_at = [i for i, count in enumerate(filled) if count >= 2]
    if not table_at:
        layout.blocks = [
            Paragraph(" ".join(r for r in row if r), f"line {n}") for n, row in records
        ]
        return layout
    first, last = table_at[0], table_at[-1]
    for number, row in records[:first]:
        layout.blocks.append(Paragraph(" ".join(c for c in row if c), f"line {number}"))
    body = records[first : last + 1]
    width = max(len(row) for _, row in body)
    layout.blocks.append(
        Table(
            rows=tuple(tuple(row + [""] * (width - len(row))) for _, row in body),
            locator=f"line {body[0][0]}",
            row_locators=tuple(f"line {number}" for number, _ in body),
        )
    )
    for number, row in records[last + 1 :]:
        layout.blocks.append(Paragraph(" ".join(c for c in row if c), f"line {number}"))
    return layout


def _delimiter(text: str) -> str:
    """The delimiter giving the same (largest) number of fields on most lines."""
    lines = [line for line in text.splitlines() if line.strip()][:50]

    def score(delimiter: str) -> tuple[int, int]:
        counts = [len(row) for row in csv.reader(lines, delimiter=delimiter)]
        common = max(set(counts), key=counts.count)
        return (counts.count(common) if common > 1 else 0, common)

    return max(_DELIMITERS, key=score)
