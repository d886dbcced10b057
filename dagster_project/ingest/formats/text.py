"""Plain text (.txt): e-mailed answers and text extracted from PDFs or copied from web pages.

Lines holding a tab are table rows (PDF text layers export table cells tab-separated); a run of
them is one table. A run of lines ending in ` |` is a web table flattened by a crawler, one row
per line or one cell per line. Everything else is a paragraph; hard-wrapped lines (an e-mail
wrapped at 72 columns) are joined back into one paragraph so a figure and its label stay
together. Page furniture — a line on its own that is only a date, a page number or a force's
name — is set aside.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence
from pathlib import Path

from dagster_project.ingest.layout import (
    DocumentLayout,
    Paragraph,
    Table,
    UnreadableDocument,
    lowest,
)
from dagster_project.ingest.structure import question_marker
from dagster_project.ingest.textutil import decode_text, is_page_furniture

# A file whose longest prose line is this short was hard-wrapped by its sender; one whose
# lines are all shorter than the minimum is a list of short lines, not wrapped prose.
_HARD_WRAP_MAX = 100
_HARD_WRAP_MIN = 60
# A line this close to the wrap width ran into the margin, so the next line continues it.
_WRAP_SLACK = 18
_LIST_ITEM = re.compile(r"^([-•*·]|\(?[a-z0-9]{1,2}[.)])\s|^(19|20)\d{2}(/\d{2,4})?\s*[-–=:]")
_MONTH_START = re.compile(
    r"(january|february|march|april|may|june|july|august|september|october|november|december)\b",
    re.IGNORECASE,
)
_MID_PHRASE_END = re.compile(
    r"\b(the|of|to|and|or|for|in|a|an|by|with|from|on|at|as|that|which|who|whom|our|your|its|"
    r"their|is|are|was|were|be|been)$",
    re.IGNORECASE,
)
# An e-mail header line is as long as its sender or subject, not wrapped at the body's width.
_MAIL_HEADER = re.compile(
    r"^(from|sent|to|cc|subject|date|tel|telephone|email|e-mail):", re.IGNORECASE
)
_NUMERIC_CELL = re.compile(r"^[<>*]?\s*\d[\d,]*$|^(nil|none|n/a|\*)$", re.IGNORECASE)


def parse_text(path: Path) -> DocumentLayout:
    """Read a text file into paragraphs and tables (tab-separated or ` |`-flattened)."""
    data = path.read_bytes()
    if not data.strip():
        raise UnreadableDocument("the file is empty", kind="empty")
    text = decode_text(data)
    return layout_from_lines(text.splitlines(), text)


def layout_from_lines(
    lines: list[str],
    full_text: str,
    prefix: str = "",
    first_line: int = 1,
    furniture: Callable[[str], bool] = is_page_furniture,
    confidences: Sequence[float | None] | None = None,
) -> DocumentLayout:
    """Turn text lines into a layout.

    Locators read `<prefix>line <n>`, counting from `first_line`; `furniture` says which lines
    are page furniture (a PDF adds the lines it saw repeated on every page). `confidences`
    gives each line's OCR confidence when the lines were read from a scan; a paragraph joined
    from several lines keeps the lowest.
    """
    layout = DocumentLayout(full_text=full_text)
    # Each line with its runs of whitespace made one space (and its ends stripped).
    normalised = [" ".join(line.split()) for line in lines]
    wrap_width = _wrap_width(lines, normalised)
    table_rows: list[tuple[str, ...]] = []
    table_locs: list[str] = []
    table_confidences: list[float | None] = []
    piped: list[tuple[str, str, bool]] = []  # (line, locator, blank line before it)
    blank_before = False

    def flush_table() -> None:
        if table_rows:
            layout.blocks.append(
                Table(
                    rows=tuple(table_rows),
                    locator=table_locs[0],
                    row_locators=tuple(table_locs),
                    row_ocr_confidence=tuple(table_confidences) if confidences else (),
                )
            )
            table_rows.clear()
            table_locs.clear()
            table_confidences.clear()

    def flush_piped() -> None:
        if piped:
            layout.blocks.extend(_piped_blocks(piped))
            piped.clear()

    for index, (raw_line, stripped) in enumerate(
        zip(lines, normalised, strict=True), start=first_line
    ):
        locator = f"{prefix}line {index}"
        confidence = confidences[index - first_line] if confidences else None
        if "\t" in raw_line:
            flush_piped()
            line = raw_line.rstrip("\r\n")
            table_rows.append(tuple([cell.strip() for cell in line.split("\t")]))
            table_locs.append(locator)
            table_confidences.append(confidence)
            blank_before = False
            continue
        if not stripped:
            flush_table()
            blank_before = True
            continue
        if stripped.endswith("|"):
            flush_table()
            piped.append((stripped, locator, blank_before))
            blank_before = False
            continue
        if furniture(stripped):
            # Page-break debris is kept aside; it must not end a table that runs on past it.
            layout.furniture.append(Paragraph(stripped, locator))
            continue
        if table_rows and _wrapped_label(stripped, lines, index - first_line + 1):
            table_rows.append((stripped,))  # a row label wrapped onto a line of its own
            table_locs.append(locator)
            table_confidences.append(confidence)
            continue
        flush_table()
        flush_piped()
        previous = layout.blocks[-1] if layout.blocks else None
        if (
            not blank_before
            and isinstance(previous, Paragraph)
            and _continues(previous.text, stripped, wrap_width)
        ):
            layout.blocks[-1] = Paragraph(
                f"{previous.text} {stripped}",
                previous.locator,
                lowest(previous.ocr_confidence, confidence),
            )
        else:
            layout.blocks.append(Paragraph(stripped, locator, confidence))
        blank_before = False
    flush_table()
    flush_piped()
    return layout


def _wrapped_label(line: str, lines: list[str], after: int) -> bool:
    """Inside a table, a line with no column breaks is a wrapped row label when it starts in
    lower case or the next line is a table row again (PDF tables without rules)."""
    if line[0].islower():
        return True
    following = next((text for text in itertools.islice(lines, after, None) if text.strip()), "")
    return "\t" in following


def _wrap_width(lines: list[str], normalised: list[str]) -> int | None:
    """The column a hard-wrapped file was wrapped at, or None when its lines are not wrapped."""
    lengths = [
        len(text)
        for line, text in zip(lines, normalised, strict=True)
        if text and "\t" not in line and not _MAIL_HEADER.match(text)
    ]
    if not lengths:
        return None
    widest = max(lengths)
    return widest if _HARD_WRAP_MIN <= widest <= _HARD_WRAP_MAX else None


# A list line's value after its separator: "- 5,377", "– <5", ": None".
_ENDS_WITH_VALUE = re.compile(r"\s[-–—=:]\s*(?:<\s*)?(?:\d[\d,]*|none|nil|zero)$", re.IGNORECASE)


def _continues(previous: str, line: str, wrap_width: int | None) -> bool:
    """True when `line` is the rest of a sentence that the wrap broke off `previous`: the file
    is hard-wrapped and `previous` ran to the margin, or (in any file, a PDF's text layer
    among them) `previous` stops mid-sentence and `line` goes on in lower case."""
    if previous.endswith((":", "|", ".", "?", "!")) or _MAIL_HEADER.match(line):
        return False
    if _ENDS_WITH_VALUE.search(previous):
        return False  # "s.60 CJPOA 1994 - None": a list line is whole, whatever follows it
    if question_marker(line) or _LIST_ITEM.match(line):
        return False
    if line[:1].islower() and previous[-1:].isalpha():
        return True
    if previous[-1:].isdigit() and _MONTH_START.match(line):
        return True  # a date broken over two lines: "on 31" / "December in each year"
    if not wrap_width or len(previous) < wrap_width - _WRAP_SLACK or " | " in line:
        return False
    # A wrapped sentence goes on in lower case, with a number, or after a word that cannot
    # end one; a capital after a whole phrase starts a new line of a page.
    return not line[:1].isupper() or bool(_MID_PHRASE_END.search(previous))


def _piped_blocks(piped: list[tuple[str, str, bool]]) -> list[Paragraph | Table]:
    """A crawler's flattened table: `a | b | c |` per row, or one `cell |` per line."""
    cells_per_line = [[c.strip() for c in line.rstrip("|").split("|")] for line, _, _ in piped]
    locators = [loc for _, loc, _ in piped]
    if any(len(cells) > 1 for cells in cells_per_line):
        width = max(len(cells) for cells in cells_per_line)
        rows = tuple(tuple(cells + [""] * (width - len(cells))) for cells in cells_per_line)
        return [Table(rows=rows, locator=locators[0], row_locators=tuple(locators))]
    cells = [cells[0] for cells in cells_per_line]
    width = _flattened_width(cells, [blank for _, _, blank in piped])
    if width is None:
        return _rows_by_labels(cells, locators) or [
            Paragraph(cell, loc) for cell, loc in zip(cells, locators, strict=True)
        ]
    rows = tuple(tuple(cells[i : i + width]) for i in range(0, len(cells), width))
    row_locs = tuple(locators[i] for i in range(0, len(cells), width))
    return [Table(rows=rows, locator=locators[0], row_locators=row_locs)]


_YEAR_HEADER_CELL = re.compile(r"^(19|20)\d{2}(\s*[/-]\s*\d{2,4})?$")


def _rows_by_labels(cells: list[str], locators: list[str]) -> list[Paragraph | Table]:
    """A one-cell-per-line table whose rows are not all as wide as its header: each row is a
    label followed by its numbers. A row with fewer numbers than the header has columns is
    misaligned: its numbers are set beyond the header, under no column, since the columns they
    belong to are unknown."""
    numeric = [bool(_NUMERIC_CELL.match(c)) for c in cells]
    years = 1  # a header of years after its first word: "Measure | 2022 | 2023 |"
    while not numeric[0] and years < len(cells) and _YEAR_HEADER_CELL.match(cells[years]):
        years += 1
    if 1 < years < len(cells) and not numeric[years]:
        body = years
    else:
        first = next((i for i, is_number in enumerate(numeric) if is_number), None)
        if first is None or first < 2:
            return []
        body = first - 1
    header = cells[:body]
    width = len(header)
    starts = [i for i in range(body, len(cells)) if not numeric[i]]
    rows = [tuple(header)]
    row_locs = [locators[0]]
    for start, end in itertools.pairwise([*starts, len(cells)]):
        values = cells[start + 1 : end]
        if not values or len(values) > width - 1:
            return []
        if len(values) < width - 1:
            values = [""] * (width - 1) + values
        rows.append((cells[start], *values))
        row_locs.append(locators[start])
    width = max(len(row) for row in rows)
    padded = tuple(row + ("",) * (width - len(row)) for row in rows)
    return [Table(rows=padded, locator=locators[0], row_locators=tuple(row_locs))]


def _flattened_width(cells: list[str], blank_before: list[bool]) -> int | None:
    """Columns of a one-cell-per-line table: from blank lines between rows, else the smallest
    width whose every row after the header is a label followed by numbers only.

    When no width fits, None: the cells stay paragraphs rather than a guessed table.
    """
    starts = [i for i, blank in enumerate(blank_before) if blank and i > 0]
    if starts:
        bounds = [0, *starts, len(cells)]
        widths = {b - a for a, b in itertools.pairwise(bounds)}
        return widths.pop() if len(widths) == 1 and min(bounds[1:]) > 1 else None
    numeric = [bool(_NUMERIC_CELL.match(c)) for c in cells]
    if all(numeric):
        return None
    for width in range(2, len(cells) // 2 + 1):
        if len(cells) % width:
            continue
        rows = [numeric[i : i + width] for i in range(width, len(cells), width)]
        if all(all(row[1:]) for row in rows):
            return width
    return None
