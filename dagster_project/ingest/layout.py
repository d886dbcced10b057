"""The layout every format parser returns: an ordered list of paragraphs and tables.

Format parsers (text, PDF, DOCX, XLSX, CSV, HTML) only turn a file into this shape; everything
after it (finding questions, table labels, inline figures, exemptions) is shared, in
`structure.py`, so a PDF table and a text table are read by the same rules.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Paragraph:
    """One line or paragraph of running text, with where it sits in the file."""

    text: str
    locator: str  # e.g. "line 12", "page 2 line 5", "sheet Data row 3", "html p 14"
    # Read by OCR from a scanned page: Tesseract's confidence (0-100) in its least sure
    # number (see formats/ocr.py); None when the text came from the file itself.
    ocr_confidence: float | None = None
    # What the format says the paragraph is, where it says: "heading" (an HTML <h2>, a Word
    # heading style), "list_item" (<li>, a Word list paragraph); "" when it says nothing.
    style: str = ""


@dataclass(frozen=True)
class Table:
    """A grid of cell texts, as laid out in the file.

    `rows[0 : header_rows]` are header rows; a cell is "" where the grid has no text.
    `row_locators[i]` says where row i came from (e.g. "line 18", "page 2 row 4").
    """

    rows: tuple[tuple[str, ...], ...]
    locator: str  # e.g. "line 18", "page 1 table 2", "sheet Breaches"
    row_locators: tuple[str, ...]
    header_rows: int = 1
    # One OCR confidence per row when the table was read from a scanned page, else empty.
    row_ocr_confidence: tuple[float | None, ...] = ()


Block = Paragraph | Table


def lowest(*confidences: float | None) -> float | None:
    """The lowest OCR confidence of those given (None: not read by OCR)."""
    known = [c for c in confidences if c is not None]
    return min(known) if known else None


@dataclass
class DocumentLayout:
    """A document as blocks in reading order, plus the page furniture that was set aside."""

    blocks: list[Block] = field(default_factory=list)
    # Page headers/footers and page-break debris (a stray date, the force's name) kept aside
    # so they neither split a table nor leak into an answer.
    furniture: list[Paragraph] = field(default_factory=list)
    # Text of the whole document as read (for reference/date detection and full-text search).
    full_text: str = ""
    # Pages whose text was read by OCR from a scanned image (PDF pages with no text layer).
    ocr_pages: list[int] = field(default_factory=list)


class UnreadableDocument(Exception):
    """Raised by a format parser when a file cannot be read; the message is one clear sentence."""

    def __init__(self, reason: str, kind: str = "unreadable"):
        super().__init__(reason)
        self.reason = reason
        self.kind = kind
