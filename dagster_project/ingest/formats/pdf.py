"""PDF (.pdf): the text layer, read with pdfplumber; a page with no text layer (a scan) is read
by OCR (formats/ocr.py), and its words are laid out by the same rules as a text layer's.

Ruled tables become tables (a cell wrapped over lines is one cell); text outside them becomes
lines, where a wide gap between words is a column break (borderless tables). A line printed at
the top or bottom of two or more pages (the letter heading, "Page 2 of 3", a protective
marking) is page furniture. A table that runs on to the next page is one table; a header row
repeated on the new page is dropped.
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.psparser import PSException
from pdfplumber.utils.exceptions import PdfminerException

from dagster_project.ingest.formats.ocr import (
    MAX_OCR_PAGES,
    OCR_DPI,
    line_confidence,
    ocr_words,
    require_ocr,
)
from dagster_project.ingest.formats.text import layout_from_lines
from dagster_project.ingest.layout import DocumentLayout, Table, UnreadableDocument
from dagster_project.ingest.textutil import is_page_furniture

MAX_PAGES = 300
# Words further apart than this (in points) on one line sit in different columns.
_COLUMN_GAP = 14.0
_LINE_TOLERANCE = 3.0
_EDGE_LINES = 2
_DIGITS = re.compile(r"\d+")
# A page with fewer characters than this in its text layer over a page-sized image is a scan
# (OCR reads the stamp too: it is in the rendered image).
_SCAN_MAX_CHARS = 25


def parse_pdf(path: Path) -> DocumentLayout:
    """Read a PDF's text layer into paragraphs and tables, in reading order."""
    with path.open("rb") as handle:
        if not handle.read(1024).lstrip().startswith(b"%PDF-"):
            raise UnreadableDocument(
                "the file is not a PDF (it does not start with %PDF-)", kind="not_a_pdf"
            )
    try:
        with pdfplumber.open(path) as pdf:
            if len(pdf.pages) > MAX_PAGES:
                raise UnreadableDocument(
                    f"the PDF has {len(pdf.pages)} pages, over the {MAX_PAGES}-page limit",
                    kind="too_many_pages",
                )
            scanned = [n for n, page in enumerate(pdf.pages, 1) if _is_scan(page)]
            if len(scanned) > MAX_OCR_PAGES:
                raise UnreadableDocument(
                    f"the PDF has {len(scanned)} scanned pages, over the {MAX_OCR_PAGES}-page "
                    "limit for OCR",
                    kind="too_many_pages",
                )
            pages = [
                _page_items(page, number, number in scanned)
                for number, page in enumerate(pdf.pages, 1)
            ]
    except PdfminerException as error:
        raise _pdf_error(error.args[0] if error.args else error) from error
    except (PDFPasswordIncorrect, PDFEncryptionError, PSException) as error:
        raise _pdf_error(error) from error
    layout = _layout_from_pages(pages)
    layout.ocr_pages = scanned
    if not layout.blocks:
        raise UnreadableDocument(
            "the PDF has no text layer (a scanned image?), so there is nothing to read",
            kind="no_text",
        )
    return layout


def _pdf_error(error: object) -> UnreadableDocument:
    if isinstance(error, PDFPasswordIncorrect | PDFEncryptionError):
        return UnreadableDocument(
            "the PDF is encrypted with a password, so its text cannot be read", kind="encrypted"
        )
    return UnreadableDocument(
        f"the PDF is damaged or truncated and could not be read ({type(error).__name__})",
        kind="damaged_pdf",
    )


# (top of the item on the page, a text line or a table, the line's OCR confidence or None)
_Item = tuple[float, str | Table, float | None]


def _is_scan(page: pdfplumber.page.Page) -> bool:
    """A page that is an image: one covering half the page or more, with next to no text
    layer (a stamp such as `OFFICIAL` that a redaction tool wrote over the scan)."""
    if len(page.chars) >= _SCAN_MAX_CHARS:
        return False
    area = float(page.width * page.height)
    return any(
        (image["x1"] - image["x0"]) * (image["bottom"] - image["top"]) >= area / 2
        for image in page.images
    )


def _page_items(page: pdfplumber.page.Page, number: int, scanned: bool) -> list[_Item]:
    """The lines and ruled tables of one page, top to bottom; a scanned page's lines are read
    by OCR (ruled tables on a scan are read as lines, their columns from the gaps)."""
    if scanned:
        require_ocr(number)
        image = page.to_image(resolution=OCR_DPI).original
        return _lines_from_words(ocr_words(image))
    items: list[_Item] = []
    found = page.find_tables()
    for table_no, table in enumerate(found, start=1):
        grid = [tuple(" ".join((cell or "").split()) for cell in row) for row in table.extract()]
        grid = [row for row in grid if any(row)]
        if grid:
            locator = f"page {number} table {table_no}"
            row_locs = tuple(f"{locator} row {i}" for i in range(1, len(grid) + 1))
            items.append((table.bbox[1], Table(tuple(grid), locator, row_locs), None))
    outside = page
    for table in found:
        outside = outside.outside_bbox(table.bbox)
    words = outside.extract_words(keep_blank_chars=False, use_text_flow=False)
    items.extend(_lines_from_words(words))
    items.sort(key=lambda item: item[0])
    return items


def _lines_from_words(words: list[dict]) -> list[_Item]:
    """Group words into lines by their top edge; a wide gap between words becomes a tab.
    Lines of OCR'd words (they carry `conf`) carry their confidence."""
    lines: list[tuple[float, list[dict]]] = []
    for word in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        if lines and abs(lines[-1][0] - word["top"]) <= _LINE_TOLERANCE:
            lines[-1][1].append(word)
        else:
            lines.append((word["top"], [word]))
    result: list[_Item] = []
    previous_top, previous_height, previous_text = None, 0.0, ""
    for top, line_words in lines:
        line_words.sort(key=lambda w: w["x0"])
        text = line_words[0]["text"]
        for before, word in itertools.pairwise(line_words):
            text += ("\t" if word["x0"] - before["x1"] > _COLUMN_GAP else " ") + word["text"]
        height = max(w["bottom"] - w["top"] for w in line_words)
        gap = previous_top is not None and top - previous_top > 1.6 * max(height, previous_height)
        if gap and "\t" not in text and "\t" not in previous_text:
            result.append((top - 0.1, "", None))  # a paragraph gap ends the wrapped paragraph
        previous_top, previous_height, previous_text = top, height, text
        ocr = "conf" in line_words[0]
        result.append((top, text, line_confidence(line_words) if ocr else None))
    return result


def _repeated_edge_lines(pages: list[list[_Item]]) -> set[str]:
    """Texts (digits ignored) printed at the top or bottom of two or more pages."""
    seen: dict[str, int] = {}
    for items in pages:
        lines = [text for _, text, _ in items if isinstance(text, str) and text]
        edges = {_DIGITS.sub("#", t) for t in lines[:_EDGE_LINES] + lines[-_EDGE_LINES:]}
        for key in edges:
            seen[key] = seen.get(key, 0) + 1
    return {key for key, count in seen.items() if count >= 2} if len(pages) > 1 else set()


def _layout_from_pages(pages: list[list[_Item]]) -> DocumentLayout:
    repeated = _repeated_edge_lines(pages)

    def furniture(line: str) -> bool:
        return _DIGITS.sub("#", line) in repeated or is_page_furniture(line)

    layout = DocumentLayout()
    texts: list[str] = []
    for number, items in enumerate(pages, start=1):
        run: list[str] = []
        confidences: list[float | None] = []
        line_no = 0
        for _, item, confidence in [*items, (0.0, None, None)]:
            if isinstance(item, str):
                line_no += 1
                run.append(item)
                confidences.append(confidence)
                texts.append(item)
                continue
            if run:  # a table or the page end closes the run of text lines before it
                part = layout_from_lines(
                    run,
                    "",
                    f"page {number} ",
                    line_no - len(run) + 1,
                    furniture,
                    confidences if any(c is not None for c in confidences) else None,
                )
                layout.blocks.extend(part.blocks)
                layout.furniture.extend(part.furniture)
                run, confidences = [], []
            if isinstance(item, Table):
                layout.blocks.append(item)
                texts.extend("\t".join(row) for row in item.rows)
    layout.blocks = _join_tables_across_pages(layout.blocks)
    layout.full_text = "\n".join(texts)
    return layout


def _page_of(locator: str) -> int:
    match = re.match(r"page (\d+)", locator)
    return int(match.group(1)) if match else 0


def _join_tables_across_pages(blocks: list) -> list:
    """A table whose next block is a same-width table on a later page is one table."""
    joined: list = []
    for block in blocks:
        previous = joined[-1] if joined else None
        if (
            isinstance(block, Table)
            and isinstance(previous, Table)
            and _page_of(block.locator) > _page_of(previous.row_locators[-1])
            and _width(block) == _width(previous)
        ):
            rows, locs = list(block.rows), list(block.row_locators)
            confidences = _confidences(previous) + _confidences(block)
            if rows and rows[0] == previous.rows[0]:
                # the header printed again on the new page
                rows, locs = rows[1:], locs[1:]
                del confidences[len(previous.rows)]
            joined[-1] = Table(
                previous.rows + tuple(rows),
                previous.locator,
                previous.row_locators + tuple(locs),
                previous.header_rows,
                tuple(confidences) if any(c is not None for c in confidences) else (),
            )
        else:
            joined.append(block)
    return joined


def _confidences(table: Table) -> list[float | None]:
    return list(table.row_ocr_confidence or (None,) * len(table.rows))


def _width(table: Table) -> int:
    return max(len(row) for row in table.rows)
