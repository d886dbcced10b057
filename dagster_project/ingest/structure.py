"""From a layout to the raw records: sections, table cells, inline figures, exemptions.

This reads layout only. It finds where each question starts, which text answers it, what the
row and column labels of each table cell are (joining offence titles that wrap over several
lines), which numbers stand in running text next to a label, and which FOI sections are cited.
It never decides what a figure means; dbt does that.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from dagster_project.ingest.layout import DocumentLayout, Paragraph, Table, lowest
from dagster_project.ingest.outline import Context, build_outline
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
    # a label starts a word: the "2024" of a reference "F-2024-02251" labels nothing
    r"(?<![\w/\-])(?P<label>(?:19|20)\d{2}(?:\s*[/\-]\s*\d{2,4})?|[A-Z][A-Za-z ]{1,90}?)"
    r"\s*(?:=|:|–|—|-)\s*"
    r"(?P<value>(?:<|>|fewer than |less than )?\s*\d[\d,]*(?![\d,])(?!\s*[/\-.]\s*\d)"
    r"|(?:None|Nil|nil|none)(?=\s*(?:$|[-–—,;.])))",
)
# A letter's reference or date line ("Our ref: 707 - 24", "Dated: 14/03/2022") holds no figure.
_METADATA_LINE = re.compile(
    r"^\s*(?:[a-z]+\s+){0,2}dated?\b(?:\s+[a-z]+){0,3}\s*[:#]"
    r"|\b(?:ref(?:erence)?|request)\b\.?\s*(?:no\.?|number|id)?\s*[:#]",
    re.IGNORECASE,
)
# A number that is part of a statute citation ("Section 40(2)", "Article 16") is not a count.
_MONTH_AFTER = re.compile(
    r"(?:st|nd|rd|th)?\s+(?:january|february|march|april|may|june|july|august|september|"
    r"october|november|december|(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?(?=[\s,)]|$))",
    re.IGNORECASE,
)
_CITATION_WORDS = {"section", "sections", "s", "s.", "article", "articles", "regulation"}
# A count in prose: "2,109 subjects", "a total of 308 applications", "<5".
_PROSE_NUMBER = re.compile(
    r"(?<![\w/.,£-])(?P<value><\s*\d+|\d{1,3}(?:,\d{3})+|\d+)(?![\w/%]|[.,\-_]\d)"
)
# A count in words that a force prints for a small or no number: "Fewer than five of those
# offenders are missing", "the number of offences in 2023 was nil".
_PROSE_WORDED = re.compile(
    r"\b(?P<value>(?:fewer|less) than (?:one|two|three|four|five|six|seven|eight|nine|ten)"
    r"|(?:(?<=\bwas )|(?<=\bwere )|(?<=\bis )|(?<=\bare ))(?:nil|zero))\b",
    re.IGNORECASE,
)
# "..., including 6 interim orders": a number that counts some of the one before it.
_SUBSET_WORDS = {"including", "incl.", "inc.", "incl", "includes", "include"}
# A number straight after these words is a reference ("FOI 4362-13"), not a count.
_REFERENCE_WORDS = {"foi", "ref", "ref.", "reference", "request", "pub"}
# "question 1", "Answers 2 and 3", "Q4": numbers that name a question, not counts.
_QUESTION_WORDS_BEFORE = {"question", "questions", "answer", "answers", "q", "q.", "part", "parts"}
_NAMING_LINKS = {"and", "&", "to", "or"}
_CLAUSE_LINKS = {"and", "or", "but", "while", "whereas", "whilst"}
# "0662-25 response.pdf (112 KB)": the size of an attachment, not a count.
# Where one sentence ends and the next begins: a stop, space, then a capital.
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"(])")
_SPLIT_MARKER = re.compile(
    r"\bof (?:whom|these|which|them|those)\b|\bmade up of\b|\bcomprising\b|\bconsisting of\b"
    r"|\bsplit (?:between|into|as)\b|\bbroken down (?:as|into)\b"
    # "Of the 6,140 ...", also after the answer's number: "2) Of the 6,140 ..."
    r"|(?P<leading>^\s*(?:\(?\d{1,2}[a-z]?[.):]\s*)?of (?:the|these|those) )",
    re.IGNORECASE,
)
# "6,702 of them ...": the marker right after a number belongs to that part.
_MARKER_AFTER_NUMBER = re.compile(r"\s*(?:of (?:whom|them|these|which|those))\b", re.IGNORECASE)
_TRAILING_LINK = re.compile(r"\s*(?:,|and|or|while|with)\s*$", re.IGNORECASE)
_SIZE_UNITS = {"kb", "mb", "gb", "kib", "mib", "bytes", "pages", "page"}
# An answer opened by its question's number: "1: August 2010", "2. Disclosures made".
_ANSWER_NUMBER = re.compile(r"^\s*\d{1,2}[a-z]?\s*[.:)]\s")
# A list line: one label, a separator, one value ("2024/25 (to 31 December 2024) - 49",
# "Subject to a Sexual Risk Order (full or interim) - 19", "2021 - fewer than five").
_LIST_VALUE_LINE = re.compile(
    r"^(?P<label>[^\s].{0,100}?)(?:\s+[-–—=]|\s*:)\s*"
    r"(?P<value>(?:<|>|fewer than |less than |under )?\s*\d[\d,]*|fewer than \w+|less than \w+|"
    r"nil|none|zero|\*)\s*$",
    re.IGNORECASE,
)
_WORDED_COUNT = re.compile(
    r"^(?:(?:fewer|less) than (?:one|two|three|four|five|six|seven|eight|nine|ten)|nil|none|zero)$",
    re.IGNORECASE,
)
_YEARLIKE = re.compile(r"^(19|20)\d{2}$")
_NUMBER_CELL = re.compile(r"^[<>*~]?\s*\d[\d,.]*\s*\*?$|^(nil|none|n/a|-|\*)$", re.IGNORECASE)
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
    question_printed: bool = True


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
    context: Context = field(default_factory=Context)
    # "1,619 offenders; of these, 1,412 ... and 207 ...": 'whole' for a total printed with its
    # complete split, 'part' for each number of the split; None otherwise.
    split_role: str | None = None
    start: int = -1  # where the number stands in the sentence
    lead: str | None = None  # the paragraph's first sentence, when the figure is in a later one
    ocr_confidence: float | None = None  # read by OCR: its paragraph's confidence


@dataclass
class ExemptionRecord:
    section_no: int
    act_section: str
    text: str
    locator: str


@dataclass
class OutlineRecord:
    """One block of the outline: its role, text and what it answers."""

    block_no: int
    role: str
    text: str
    locator: str
    question_no: str | None
    context: Context


@dataclass
class FigureContext:
    """The context one figure was printed in, keyed like its raw row."""

    source_kind: str  # table_cell or inline
    source_key: str  # "table 1 row 2 col 3" or "figure 4", as int_figure_candidates keys it
    context: Context
    lead: str | None = None  # the first sentence of the figure's paragraph, when not its own


@dataclass
class DocumentStructure:
    sections: list[SectionRecord] = field(default_factory=list)
    outline: list[OutlineRecord] = field(default_factory=list)
    contexts: list[FigureContext] = field(default_factory=list)
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
    """Read the outline of a layout into question/answer sections and the records of each,
    every figure with the context it was printed in."""
    result = DocumentStructure()
    nodes, questions = build_outline(layout)
    section_of = {question.number: number for number, question in enumerate(questions, start=1)}
    before_questions: list[str] = []
    table_no = 0
    for node in nodes:
        context = node.context
        answered = context.sub_question_no or context.question_no
        section_no = section_of.get(answered, 0) if answered else 0
        result.outline.append(
            OutlineRecord(node.block_no, node.role, node.text, node.locator, answered, context)
        )
        if node.role in ("chrome", "title", "metadata"):
            continue
        if isinstance(node.block, Table):
            table_no += 1
            cells = _table_cells(node.block, table_no, section_no)
            result.table_cells.extend(cells)
            result.contexts.extend(
                FigureContext(
                    "table_cell", f"table {c.table_no} row {c.row_no} col {c.col_no}", context
                )
                for c in cells
            )
            if section_no == 0:
                before_questions.append(_table_as_text(node.block))
            continue
        if node.role in ("question", "sub_question", "request", "response"):
            result.exemptions.extend(_exemptions(node.block, section_no))
            continue
        if section_no == 0:
            before_questions.append(node.text)
        if node.role != "heading":
            result.inline_figures.extend(_inline_figures(node.block, section_no, context))
        result.exemptions.extend(_exemptions(node.block, section_no))
    if before_questions:
        result.sections.append(SectionRecord(0, None, None, "\n".join(before_questions), "start"))
    for number, question in enumerate(questions, start=1):
        if not question.text and not question.answer_parts and not question.printed:
            continue  # "1" above "1 a)": only its lettered parts were printed
        result.sections.append(
            SectionRecord(
                section_no=number,
                question_no=question.number,
                question_text=question.text,
                answer_text="\n".join(question.answer_parts),
                locator=question.locator,
                question_printed=question.printed,
            )
        )
    _number_figures(result.inline_figures)
    for figure in result.inline_figures:
        result.contexts.append(
            FigureContext("inline", f"figure {figure.figure_no}", figure.context, figure.lead)
        )
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


def _fold_group_column(table: Table) -> Table:
    """A table whose first two columns are both labels, the first a group printed once over
    the rows it covers (a merged cell: "Sexual Risk Orders" | "Breach of SRO ..."), read as the
    one-label-column shape: the group becomes a label-only row over its rows."""
    body = table.rows[table.header_rows :]
    width = max(len(row) for row in table.rows)
    if width < 3 or not table.header_rows or len(body) < 2:
        return table
    firsts = [row[0] if row else "" for row in body]
    seconds = [row[1] if len(row) > 1 else "" for row in body]
    if sum(1 for text in seconds if text) < 0.6 * len(body) or all(firsts) or not firsts[0]:
        return table
    if any(_NUMBER_CELL.match(text) for text in [*firsts, *seconds] if text):
        return table
    if not any(_NUMBER_CELL.match(text) for row in body for text in row[2:] if text):
        return table
    rows = [tuple(row[1:]) for row in table.rows[: table.header_rows]]
    locators = list(table.row_locators[: table.header_rows])
    for row, locator in zip(body, table.row_locators[table.header_rows :], strict=True):
        if len(row) < 2 or not row[1]:
            rows.append((row[0], *row[2:]))  # a row labelled in the first column alone (Total)
        else:
            if row[0]:
                rows.append((row[0],))
                locators.append(locator)
            rows.append(tuple(row[1:]))
        locators.append(locator)
    return Table(tuple(rows), table.locator, tuple(locators), table.header_rows)


def _key_columns(table: Table) -> tuple[int, int]:
    """A long-format table ("2019/2020 | Civil orders | Breach of SRO | 3", as records systems
    export them) names each number by several leading label columns. Returns how many leading
    columns are labels and which of them labels the row: the innermost that names more than one
    thing, the first column (its values in runs) then being its group. (1, 0) for every other
    table."""
    body = [row for row in table.rows[table.header_rows :] if any(row[1:])]
    width = max((len(row) for row in body), default=0)
    keys = 1
    while keys < width - 1 and all(
        keys < len(row) and row[keys] and not _NUMBER_CELL.match(row[keys]) for row in body
    ):
        keys += 1
    if keys < 2 or len(body) < 2:
        return 1, 0
    if not any(_NUMBER_CELL.match(text) for row in body for text in row[keys:] if text):
        return 1, 0
    # The outer key comes in runs ("2021/22", "2021/22", "2022/23", ...); the row's own label
    # is the innermost key column that names more than one thing.
    if not any(body[i][0] == body[i - 1][0] for i in range(1, len(body))):
        return 1, 0
    label_col = max((col for col in range(keys) if len({row[col] for row in body}) > 1), default=0)
    if label_col == 0:
        return 1, 0
    return keys, label_col


def _lone_label_value_row(table: Table) -> Table:
    """A table of one row, "RSOs in custody | 212", is that figure, not a header over nothing."""
    if len(table.rows) != 1 or table.header_rows != 1:
        return table
    label, *values = table.rows[0]
    if (
        label
        and not _NUMBER_CELL.match(label)
        and any(_NUMBER_CELL.match(text) and not _YEARLIKE.match(text) for text in values)
    ):
        return replace(table, header_rows=0)
    return table


def _table_cells(table: Table, table_no: int, section_no: int) -> list[TableCellRecord]:
    table = _fold_group_column(_lone_label_value_row(table))
    keys, label_col = _key_columns(table)
    header_rows = table.rows[: table.header_rows]
    width = max(len(row) for row in table.rows)
    col_labels = []
    for col in range(width):
        parts = [row[col] for row in header_rows if col < len(row) and row[col]]
        # a header cell merged down over two header rows is one part, not two
        parts = [part for i, part in enumerate(parts) if not i or part != parts[i - 1]]
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
        values = [(col, text) for col, text in enumerate(row) if col >= keys and text]
        if label_col and values:
            label, row_group = row[label_col], row[0]
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
        row_text = " | ".join(row if label_col else [full_label, *(row[1:])])
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


def _inline_figures(
    paragraph: Paragraph, section_no: int, context: Context
) -> list[InlineFigureRecord]:
    text = paragraph.text
    listed = _LIST_VALUE_LINE.match(text)
    # A list line may give its value in words alone ("... in custody - fewer than five"),
    # under a label of its own ("Answer: none" is no figure).
    worded = bool(
        listed
        and _WORDED_COUNT.match(listed.group("value"))
        and len(listed.group("label").split()) >= 2
    )
    if not (_DIGIT.search(text) or worded or _PROSE_WORDED.search(text)) or (
        ("#" in text or ":" in text) and _METADATA_LINE.search(text)
    ):
        return []
    figures: list[InlineFigureRecord] = []
    taken: list[tuple[int, int]] = []
    if listed and not _LABELLED_VALUE.search(listed.group("label")):
        return [
            InlineFigureRecord(
                label_text=listed.group("label").strip(),
                value_text=listed.group("value").strip(),
                sentence=text,
                section_no=section_no,
                locator=paragraph.locator,
                figure_no=0,
                context=context,
                ocr_confidence=paragraph.ocr_confidence,
            )
        ]
    answer_number = _ANSWER_NUMBER.match(text)
    if answer_number:
        taken.append(answer_number.span())
    for match in _LABELLED_VALUE.finditer(text):
        figures.append(
            InlineFigureRecord(
                label_text=match.group("label").strip(),
                value_text=match.group("value").strip(),
                sentence=text,
                section_no=section_no,
                locator=paragraph.locator,
                figure_no=0,
                context=context,
                ocr_confidence=paragraph.ocr_confidence,
            )
        )
        taken.append(match.span())
    prose = [*_PROSE_NUMBER.finditer(text), *_PROSE_WORDED.finditer(text)]
    for match in sorted(prose, key=lambda found: found.start("value")):
        start, end = match.span("value")
        if any(a <= start < b for a, b in taken):
            continue
        value = match.group("value")
        if _YEARLIKE.match(value):
            continue
        words_before = text[:start].split()[-10:]
        if words_before and words_before[-1].lower().strip("(:#") in _REFERENCE_WORDS:
            continue
        if _names_a_question(words_before):
            continue
        if _in_citation(text, start, end, words_before):
            continue
        words_after = text[end:].split()[:8]
        if words_after and words_after[0].lower().strip(").,") in _SIZE_UNITS:
            continue
        words_before, words_after = _clause_window(words_before, words_after)
        figures.append(
            InlineFigureRecord(
                label_text=" ".join([*words_before, "#", *words_after]),
                value_text=value,
                sentence=text,
                section_no=section_no,
                locator=paragraph.locator,
                figure_no=0,
                context=context,
                start=start,
                ocr_confidence=paragraph.ocr_confidence,
            )
        )
    spans = _sentence_spans(text)
    _mark_splits(text, figures, spans)
    _mark_subsets(text, figures, spans)
    for figure in figures:
        if figure.start >= 0:
            span = next((a, b) for a, b in spans if a <= figure.start < b)
            figure.sentence = text[span[0] : span[1]]
            if span != spans[0]:
                figure.lead = text[spans[0][0] : spans[0][1]]
    return figures


def _mark_subsets(
    text: str, figures: list[InlineFigureRecord], spans: list[tuple[int, int]]
) -> None:
    """ "41 live Sexual Risk Orders, including 6 interim orders": the number after "including"
    counts some of the one before it, not more of the same; it is marked 'subset'."""
    for figure in figures:
        if figure.start < 0 or figure.split_role:
            continue
        before = text[: figure.start].split()
        if not before or before[-1].lower().rstrip(":") not in _SUBSET_WORDS:
            continue
        span = next((a, b) for a, b in spans if a <= figure.start < b)
        if any(span[0] <= other.start < figure.start for other in figures if other.start >= 0):
            figure.split_role = "subset"


def _sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of a paragraph."""
    starts = [0, *(match.end() for match in _SENTENCE_BREAK.finditer(text))]
    ends = [*(match.start() for match in _SENTENCE_BREAK.finditer(text)), len(text)]
    return list(zip(starts, ends, strict=True))


def _mark_splits(
    text: str, figures: list[InlineFigureRecord], spans: list[tuple[int, int]]
) -> None:
    """A sentence with a total and its split ("3,199 offenders, of whom 2,901 live in the
    community and 298 are in custody"; "Of the 6,412 offenders, 6,287 were male and 125 were
    female"): the whole is marked 'whole' when two or more parts follow it, each part 'part',
    and a part's label is the whole's subject and the part's own clause, as printed."""
    prose = sorted((f for f in figures if f.start >= 0), key=lambda f: f.start)
    for sentence_start, sentence_end in spans:
        inside = [f for f in prose if sentence_start <= f.start < sentence_end]
        if len(inside) < 3:
            continue
        marker = _SPLIT_MARKER.search(text[sentence_start:sentence_end])
        if marker is None:
            continue
        marker_start = sentence_start + marker.start()
        if marker.group("leading"):
            whole = inside[0]
            subject_end = text.find(",", whole.start + len(whole.value_text), sentence_end)
        else:
            before = [f for f in inside if f.start < marker_start]
            first_part = before[-1] if before else None
            if first_part and _MARKER_AFTER_NUMBER.match(
                text, first_part.start + len(first_part.value_text)
            ):
                before = before[:-1]  # "7,940 ...; 6,702 of them ..."
            if not before:
                continue
            whole = before[-1]
            subject_end = first_part.start if first_part is not before[-1] else marker_start
            subject_end = min(subject_end, marker_start)
        parts = [f for f in inside if f.start > whole.start]
        if len(parts) < 2 or subject_end < 0:
            continue
        subject = text[whole.start + len(whole.value_text) : subject_end].strip(" ,;")
        whole.split_role = "whole"
        for part, following in zip(parts, [*parts[1:], None], strict=True):
            clause_end = following.start if following else sentence_end
            clause = text[part.start + len(part.value_text) : clause_end]
            clause = _TRAILING_LINK.sub("", clause).strip(" ,;.")
            part.split_role = "part"
            part.label_text = f"{subject}: # {clause}"


def _clause_window(before: list[str], after: list[str]) -> tuple[list[str], list[str]]:
    """The words of the number's own clause: back to the last stop before it, on to the next
    number or comma after it. A link word ("and", "or") ends the clause only where it joins
    two counts: "4 registered sex offenders recorded as missing and 3 recorded as wanted"
    labels 4 as missing only, while "12,486 stop and searches" keeps its whole name."""
    start = 0
    for index in range(len(before) - 1, -1, -1):
        word = before[index]
        if word.lower() in _CLAUSE_LINKS and _joins_counts(before[:index]):
            start = index + 1
            break
        if word[-1] in ";:.":  # a comma may only set off a phrase: ", counting interim orders,"
            start = index + 1
            break
    kept_after: list[str] = []
    for index, word in enumerate(after):
        if _is_another_count(word, after[index + 1 : index + 2]):
            break
        if word.lower() in _CLAUSE_LINKS and _joins_counts(after[index + 1 : index + 3], True):
            break
        kept_after.append(word)
        if word[-1] in ",;.":
            break
    return before[start:], kept_after


def _joins_counts(words: list[str], ahead: bool = False) -> bool:
    """A link word joins two counts when there is a number on its other side with no stop
    between: anywhere back to the last stop before it, or in the two words after it."""
    if ahead:
        return any(_is_another_count(w, words[i + 1 : i + 2]) for i, w in enumerate(words))
    for index in range(len(words) - 1, -1, -1):
        if words[index][-1:] in ";:.":
            return False
        if _is_another_count(words[index], words[index + 1 : index + 2]):
            return True
    return False


def _is_another_count(word: str, following: list[str]) -> bool:
    """The next number of a sentence ends a clause, unless it is a year or a day of a date."""
    bare = word.strip(".,;:()")
    if not _DIGIT.search(bare) or _YEARLIKE.match(bare) or "/" in bare:
        return False
    next_word = following[0] if following else ""
    return not (len(bare) <= 2 and _MONTH_AFTER.match(" " + next_word))


def _names_a_question(words_before: list[str]) -> bool:
    """True for `1` in "question 1" and `3` in "Answers 2 and 3"."""
    for word in reversed(words_before[-4:]):
        word = word.lower().strip(",(:#")
        if word in _QUESTION_WORDS_BEFORE:
            return True
        if word not in _NAMING_LINKS and not word.isdigit():
            return False
    return False


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
