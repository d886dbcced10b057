"""From a layout to the raw records: sections, table cells, inline figures, exemptions.

This reads layout only. It finds where each question starts, which text answers it, what the
row and column labels of each table cell are (joining offence titles that wrap over several
lines), which numbers stand in running text next to a label, and which FOI sections are cited.
It never decides what a figure means; dbt does that.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from dagster_project.ingest.layout import DocumentLayout, Paragraph, Table, lowest
from dagster_project.ingest.textutil import may_contain

# "1.", "1a:", "Q2)", "Question 3 -", "2 b." at the start of a line.
_QUESTION_MARKER = re.compile(
    r"^\s*(?:q(?:uestion)?\.?\s*|request\s+)?(\d{1,2})\s*([a-z]?)\s*[.:)\-–]\s+(\S.*)$",
    re.IGNORECASE,
)
_QUESTION_WORDS = re.compile(
    r"\b(how|what|which|when|where|whether|can|could|please|provide|does|do|is|are|number|"
    r"confirm|breakdown|broken|list|figures?)\b",
    re.IGNORECASE,
)
# "2021 = 4,620", "2020 – 44", "2022/23 - 10", "Male: 57" (a label, a separator, a number).
_LABELLED_VALUE = re.compile(
    r"(?P<label>(?:19|20)\d{2}(?:\s*[/\-]\s*\d{2,4})?|[A-Z][A-Za-z ]{1,60}?)"
    r"\s*(?:=|:|–|—|-)\s*"
    r"(?P<value>(?:<|>|fewer than |less than )?\s*\d[\d,]*(?![\d,])(?!\s*[/\-.]\s*\d))",
)
# A letter's reference or date line ("Our ref: 707 - 24", "Dated: 14/03/2022") holds no figure.
_METADATA_LINE = re.compile(
    r"^\s*(?:[a-z]+\s+){0,2}dated?\b(?:\s+[a-z]+){0,3}\s*[:#]"
    r"|\b(?:ref(?:erence)?|request)\b\.?\s*(?:no\.?|number|id)?\s*[:#]",
    re.IGNORECASE,
)
# A number that is part of a statute citation ("Section 40(2)", "Article 16") is not a count.
_MONTH_AFTER = re.compile(
    r"(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{2,4}",
    re.IGNORECASE,
)
_CITATION_WORDS = {"section", "sections", "s", "s.", "article", "articles", "regulation"}
# A count in prose: "2,109 subjects", "a total of 308 applications", "<5".
_PROSE_NUMBER = re.compile(
    r"(?<![\w/.,£-])(?P<value><\s*\d+|\d{1,3}(?:,\d{3})+|\d+)(?![\w/%]|[.,\-_]\d)"
)
# A number straight after these words is a reference ("FOI 4362-13"), not a count.
_REFERENCE_WORDS = {"foi", "ref", "ref.", "reference", "request", "pub"}
_YEARLIKE = re.compile(r"^(19|20)\d{2}$")
_SECTION_CITATION = re.compile(
    r"\b(?:section|sections|s\.|s)\s*(\d{1,2}(?:\s*\(\s*\d+\s*\))?(?:\s*\(\s*[a-z]\s*\))*)",
    re.IGNORECASE,
)
# The Freedom of Information (Jersey) Law 2011 cites Articles (16: cost, 25: personal data).
_ARTICLE_CITATION = re.compile(r"\barticles?\s+(\d{1,2})\b", re.IGNORECASE)
_COST_LIMIT = re.compile(
    r"appropriate limit|excess cost|cost limit|18 hours|£450|£600", re.IGNORECASE
)
_COST_LIMIT_WORDS = ("appropriate limit", "excess cost", "cost limit", "18 hours", "£450", "£600")
_NCND = re.compile(r"neither confirm(s)? nor deny", re.IGNORECASE)
# Every figure and every section or article number holds a digit: a paragraph without one
# needs none of those searches.
_DIGIT = re.compile(r"\d")
_WHITESPACE = re.compile(r"\s+")
_CONTINUATION_END = re.compile(
    r"\b(to|or|and|of|with|under|for|the|a|an|in|on|by|sec|section|etc\.?|/|-|–)$", re.IGNORECASE
)


@dataclass
class SectionRecord:
    section_no: int
    question_no: str | None
    question_text: str | None
    answer_text: str
    locator: str


@dataclass
class TableCellRecord:
    table_no: int
    row_no: int
    col_no: int
    row_label: str
    col_label: str
    cell_text: str
    section_no: int
    locator: str
    row_text: str  # the whole source row, as printed (joined over wrapped lines)
    row_group: str | None = None
    ocr_confidence: float | None = None  # read by OCR: the least sure of its lines


@dataclass
class InlineFigureRecord:
    label_text: str
    value_text: str
    sentence: str
    section_no: int
    locator: str
    figure_no: int
    ocr_confidence: float | None = None  # read by OCR: its paragraph's confidence


@dataclass
class ExemptionRecord:
    section_no: int
    act_section: str
    text: str
    locator: str


@dataclass
class DocumentStructure:
    sections: list[SectionRecord] = field(default_factory=list)
    table_cells: list[TableCellRecord] = field(default_factory=list)
    inline_figures: list[InlineFigureRecord] = field(default_factory=list)
    exemptions: list[ExemptionRecord] = field(default_factory=list)


def question_marker(text: str) -> tuple[str, str] | None:
    """Return (question number, question text) when a paragraph opens a numbered question."""
    match = _QUESTION_MARKER.match(text)
    if not match:
        return None
    number, letter, rest = match.groups()
    if len(rest) < 20 or not _QUESTION_WORDS.search(rest):
        return None
    return f"{number}{letter.lower()}", rest.strip()


def read_structure(layout: DocumentLayout) -> DocumentStructure:
    """Split a layout into question/answer sections and read the records of each."""
    result = DocumentStructure()
    current = SectionRecord(0, None, None, "", "start")
    answer_parts: list[str] = []
    table_no = 0

    def close_section() -> None:
        current.answer_text = "\n".join(answer_parts)
        if current.section_no > 0 or current.answer_text:
            result.sections.append(current)

    for block in layout.blocks:
        if isinstance(block, Paragraph):
            marker = question_marker(block.text)
            if marker:
                close_section()
                answer_parts = []
                current = SectionRecord(
                    section_no=current.section_no + 1,
                    question_no=marker[0],
                    question_text=marker[1],
                    answer_text="",
                    locator=block.locator,
                )
                continue
            answer_parts.append(block.text)
            result.inline_figures.extend(_inline_figures(block, current.section_no))
            result.exemptions.extend(_exemptions(block, current.section_no))
        else:
            table_no += 1
            result.table_cells.extend(_table_cells(block, table_no, current.section_no))
            answer_parts.append(_table_as_text(block))
    close_section()
    _number_figures(result.inline_figures)
    return result


def _table_as_text(table: Table) -> str:
    return "\n".join(" | ".join(row) for row in table.rows)


def _is_continuation(previous_label: str, label: str) -> bool:
    """A label-only row followed by this label is one wrapped label, not a heading."""
    if not label:
        return False
    first = label[0]
    return (
        first.islower()
        or first.isdigit()
        or first in "(/&-–"
        or bool(_CONTINUATION_END.search(previous_label))
    )


def _table_cells(table: Table, table_no: int, section_no: int) -> list[TableCellRecord]:
    header_rows = table.rows[: table.header_rows]
    width = max(len(row) for row in table.rows)
    col_labels = []
    for col in range(width):
        parts = [row[col] for row in header_rows if col < len(row) and row[col]]
        col_labels.append(" / ".join(parts))

    cells: list[TableCellRecord] = []
    pending_label: list[str] = []
    pending_locs: list[str] = []
    row_group: str | None = None
    row_no = 0
    body_rows = table.rows[table.header_rows :]
    confidences = table.row_ocr_confidence[table.header_rows :] or (None,) * len(body_rows)
    pending_confidences: list[float | None] = []
    body = list(zip(body_rows, table.row_locators[table.header_rows :], confidences, strict=True))
    for row, row_loc, confidence in body:
        label = row[0] if row else ""
        values = [(col, text) for col, text in enumerate(row) if col > 0 and text]
        if not values:
            if label and not pending_label and _continues_previous_row(cells, row_no, label):
                _extend_row_label(cells, row_no, label)
            elif label:
                pending_label.append(label)
                pending_locs.append(row_loc)
                pending_confidences.append(confidence)
            continue
        if pending_label and not _is_continuation(pending_label[-1], label):
            # The label-only rows before this one were a heading over the rows below it.
            row_group = " ".join(pending_label)
            pending_label, pending_locs, pending_confidences = [], [], []
        full_label = " ".join([*pending_label, label]).strip()
        locs = [*pending_locs, row_loc]
        where = locs[0] if len(locs) == 1 else f"{locs[0]} to {locs[-1].split()[-1]}"
        row_text = " | ".join([full_label, *(row[1:])])
        row_no += 1
        for col, text in values:
            cells.append(
                TableCellRecord(
                    table_no=table_no,
                    row_no=row_no,
                    col_no=col + 1,
                    row_label=full_label,
                    col_label=col_labels[col] if col < len(col_labels) else "",
                    cell_text=text,
                    section_no=section_no,
                    locator=f"{where}, table {table_no}, row {row_no}, col {col + 1}",
                    row_text=row_text,
                    row_group=row_group,
                    ocr_confidence=lowest(*pending_confidences, confidence),
                )
            )
        pending_label, pending_locs, pending_confidences = [], [], []
    return cells


def _continues_previous_row(cells: list[TableCellRecord], row_no: int, label: str) -> bool:
    """A label-only row straight after a row with values ends that row's label when it starts
    in lower case or the label so far stops mid-phrase ("... under"): a title wrapped below its
    figures, as top-aligned PDF tables print it."""
    if not cells or cells[-1].row_no != row_no:
        return False
    return (
        label[0].islower()
        or label[0] in "(/&"
        or bool(_CONTINUATION_END.search(cells[-1].row_label))
    )


def _extend_row_label(cells: list[TableCellRecord], row_no: int, label: str) -> None:
    for cell in cells:
        if cell.row_no == row_no:
            old_label = cell.row_label
            cell.row_label = f"{old_label} {label}"
            cell.row_text = cell.row_label + cell.row_text[len(old_label) :]


def _inline_figures(paragraph: Paragraph, section_no: int) -> list[InlineFigureRecord]:
    text = paragraph.text
    if not _DIGIT.search(text) or (("#" in text or ":" in text) and _METADATA_LINE.search(text)):
        return []
    figures: list[InlineFigureRecord] = []
    taken: list[tuple[int, int]] = []
    for match in _LABELLED_VALUE.finditer(text):
        figures.append(
            InlineFigureRecord(
                label_text=match.group("label").strip(),
                value_text=match.group("value").strip(),
                sentence=text,
                section_no=section_no,
                locator=paragraph.locator,
                figure_no=0,
                ocr_confidence=paragraph.ocr_confidence,
            )
        )
        taken.append(match.span())
    for match in _PROSE_NUMBER.finditer(text):
        start, end = match.span()
        if any(a <= start < b for a, b in taken):
            continue
        value = match.group("value")
        if _YEARLIKE.match(value):
            continue
        words_before = text[:start].split()[-6:]
        if words_before and words_before[-1].lower().strip("(:#") in _REFERENCE_WORDS:
            continue
        if _in_citation(text, start, end, words_before):
            continue
        words_after = text[end:].split()[:6]
        figures.append(
            InlineFigureRecord(
                label_text=" ".join([*words_before, "#", *words_after]),
                value_text=value,
                sentence=text,
                section_no=section_no,
                locator=paragraph.locator,
                figure_no=0,
                ocr_confidence=paragraph.ocr_confidence,
            )
        )
    return figures


def _in_citation(text: str, start: int, end: int, words_before: list[str]) -> bool:
    """True for `40` and `2` in "Section 40(2)", `16` in "Article 16", `1` in "1 March 2024"."""
    if words_before and words_before[-1].lower().rstrip(",") in _CITATION_WORDS:
        return True
    bracketed = text[start - 1 : start] == "(" and text[end : end + 1] == ")"
    if text[end : end + 1] == "(" or bracketed:
        return True
    return bool(_MONTH_AFTER.match(text, end))


def _number_figures(figures: list[InlineFigureRecord]) -> None:
    for number, figure in enumerate(figures, start=1):
        figure.figure_no = number


def _exemptions(paragraph: Paragraph, section_no: int) -> list[ExemptionRecord]:
    text = paragraph.text
    found: dict[str, ExemptionRecord] = {}
    if _DIGIT.search(text):
        for match in _SECTION_CITATION.finditer(text):
            act_section = _WHITESPACE.sub("", match.group(1))
            found.setdefault(
                act_section, ExemptionRecord(section_no, act_section, text, paragraph.locator)
            )
        if may_contain(text, ("article",)):
            for match in _ARTICLE_CITATION.finditer(text):
                act_section = f"Article {match.group(1)}"
                found.setdefault(
                    act_section, ExemptionRecord(section_no, act_section, text, paragraph.locator)
                )
    # A cost limit with no section cited is s.12 (or the Jersey law's Article 16, cited above).
    if (
        may_contain(text, _COST_LIMIT_WORDS)
        and _COST_LIMIT.search(text)
        and not any(key.startswith(("12", "Article")) for key in found)
    ):
        found["12"] = ExemptionRecord(section_no, "12", text, paragraph.locator)
    if may_contain(text, ("neither confirm",)) and _NCND.search(text):
        found.setdefault("ncnd", ExemptionRecord(section_no, "ncnd", text, paragraph.locator))
    return list(found.values())
