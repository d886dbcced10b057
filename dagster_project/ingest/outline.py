"""The document outline: every block of a layout with its role and its ancestors.

One outline for every format. A format parser gives paragraphs and tables in reading order
(a paragraph may carry a `style` hint: a heading, a list item); this module decides what each
block is to the answer:

    chrome        site furniture of a web page (cookie banner, navigation), set aside
    title         the page or letter title, before any question
    metadata      reference, date, sender and subject lines
    request       a `REQUEST` / `Your request` / `You asked:` heading
    response      a `RESPONSE` / `Our reply:` / `Answer` heading
    question      a question, numbered or not (also one only referred to by number)
    sub_question  a lettered part of a question (`1 a)`, `(b)`)
    heading       a short line over the lines below it (an area, a measure, a year)
    preamble      a line introducing the list or table below it ("The figures for May are:")
    list_item     a line of a list ("2021/22 - 58", "- Breach of SRO")
    paragraph     running text
    table         a table

and, for each block, the context it sits in: the question and sub-question it answers, the
headings above it (nearest last), the line that introduces its list or table, the title. It
reads layout only: which words stand where. What they mean is decided in dbt.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from dagster_project.ingest.layout import Block, DocumentLayout, Paragraph, Table

# Web-page furniture: cookie banners, skip links, navigation, language toggles, footers.
_CHROME = re.compile(
    r"\bcookies?\b|\bskip to\b|\bhide this page\b|\bleave this (site|page)\b|\bback to top\b"
    r"|\bprivacy (notice|policy)\b|\bsite ?map\b|\btext size\b|\bhigh contrast\b"
    r"|\bsearch this site\b|\baccessibility statement\b|\bdial 999\b|©|\bjavascript\b"
    r"|^(menu|home|search|cymraeg|english|share|print|close|main menu|navigation)$"
    r"|^language\s*:",
    re.IGNORECASE,
)
# A navigation bar: three or more short items separated by bars, none of them a number.
_NAV_ITEM = re.compile(r"^[A-Za-z][A-Za-z'’ &-]{0,30}$")
_REQUEST_HEADING = re.compile(
    r"^(the |your |original |foi |information )?(request(ed)?|questions?|"
    r"you asked|information requested|request details|details of (your )?request|"
    r"what you asked( for)?)\s*(:|-)?\s*$|^-+\s*original message\s*-+$",
    re.IGNORECASE,
)
_RESPONSE_HEADING = re.compile(
    r"^(our |the |foi |revised |corrected |amended |updated |force )?(response|reply|answers?|"
    r"decision|revised response|"
    r"response to (your )?request|disclosure|information disclosed)\s*(:|-)?\s*$",
    re.IGNORECASE,
)
_METADATA = re.compile(
    r"^\s*((our|your|foi|request|freedom of information)\s+)?"
    r"(ref(erence)?|request (reference|number|no\.?|id)|reference (number|no\.?)|"
    r"date( of)?( revised| the)?( response| reply| release)?|date (released|sent|published)|"
    r"response (date|sent)|responded|published|released|received|sent|from|to|cc|subject|"
    r"date received|date of request|case (number|ref)|tel(ephone)?|phone|e-?mail|fax)\b[^:]{0,20}:",
    re.IGNORECASE,
)
# "1.", "1a:", "Q2)", "Question 3 -", "2 b." at the start of a line.
_NUMBERED = re.compile(
    r"^\s*(?:q(?:uestion)?\.?\s*|request\s+)?(\d{1,2})\s*"
    r"(?:\(([a-z])\)\s*[.:\-–]?|([a-z]?)\s*[.:)\-–])\s+(\S.*)$",
    re.IGNORECASE,
)
# "Question 1" or "Answer 1" alone on its line (bold in a letter): what follows is that question
# or its answer.
_QUESTION_LINE = re.compile(
    r"^\s*(?:question|q|request|part)\.?\s*(\d{1,2})\s*([a-z]?)\s*[.:)\-–]?\s*$", re.IGNORECASE
)
_ANSWER_LINE = re.compile(
    r"^\s*(?:answer|response|reply)(?:\s+to\s+(?:your\s+)?question)?\s*(\d{1,2})\s*([a-z]?)"
    r"\s*[.:)\-–]?\s*$",
    re.IGNORECASE,
)
# A short line naming when the figures below were counted ("Position on 28 February 2025.").
_PERIOD_LINE = re.compile(
    r"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:january|february|march|april|may|june|july|august|"
    r"september|october|november|december)\b|\b(?:january|february|march|april|may|june|july|"
    r"august|september|october|november|december)\s+(?:19|20)\d{2}\b|\b(?:19|20)\d{2}\b",
    re.IGNORECASE,
)
# "a)", "(b)", "c." opening a lettered part; alone on its line, it names the part answered.
_LETTERED = re.compile(r"^\s*\(?([a-h])[).]\s+(\S.*)$")
_LETTER_ALONE = re.compile(r"^\s*\(?([a-h])[).:]?\s*$")
_ASKING = re.compile(
    r"\b(how many|how much|what|which|when|where|whether|can|could|please|provide|does|do|is|"
    r"are|number|confirm|breakdown|broken|list|figures?|tell me|i would like|same for|"
    r"i am asking|i request)\b|\?\s*$",
    re.IGNORECASE,
)
# A request or response label with its words on the same line ("Request: the number of ...",
# "Question: on 1 January 2025, how many ...", "Response: the figures below ...").
_INLINE_REQUEST = re.compile(
    r"^(?:the |your |original |foi )?(?:request|question|information requested|you asked)"
    r"\s*[:\-–]\s+(?P<rest>\S.*)$",
    re.IGNORECASE,
)
_INLINE_RESPONSE = re.compile(
    r"^(?:our |the |foi |force )?(?:response|reply|answer)\s*[:\-–]\s+(?P<rest>\S.*)$",
    re.IGNORECASE,
)
# A reply that tells the request in its own words: "You asked how many ...".
_TOLD_REQUEST = re.compile(
    r"^(?:you (?:have )?(?:asked|requested|wanted to know)|your request asked)\s+"
    r"(?:us\s+)?(?:for\s+)?"
    r"(?P<rest>(?:how|what|which|whether|the number|details|information)\b.*)$",
    re.IGNORECASE,
)
# What opens a question (not an answer that names its question: "Q1: There are 23 ...").
_OPENS_QUESTION = re.compile(
    r"^(?:how|what|which|when|where|whether|can|could|would|please|provide|is|are|do|does|did|"
    r"has|have|the number of|number of|details of|i would)\b|\?\s*$",
    re.IGNORECASE,
)
# An answer that names the question it answers: "In answer to question 1", "Regarding
# question 2", "For question 3, ...", "Question 4 asked ...", "Q5:".
_REFERRED = re.compile(
    r"^\W*(?:[a-z]+,?\s+){0,5}?(?:question|q\.?)\s*(\d{1,2})\s*([a-z]?)\b",
    re.IGNORECASE,
)
_DIGIT = re.compile(r"\d")
_TITLE_REFERENCE = re.compile(
    r"\b(foi|ref|reference|request|disclosure)\b.{0,14}\d|\d+/\d{2,4}\b", re.IGNORECASE
)
# The years and months a title may name: "Stop searches by month, January to June 2024".
_TITLE_PERIOD = re.compile(
    r"\b(19|20)\d{2}( ?[/-] ?\d{2,4})?\b|\b\d{1,2}(st|nd|rd|th)? (jan|feb|mar|apr|may|jun|jul|aug|"
    r"sep|oct|nov|dec)[a-z]*\b",
    re.IGNORECASE,
)
_LIST_LINE = re.compile(
    # a dot inside a word is no sentence's end ("s.23 Misuse of Drugs Act 1971 - 5,377")
    r"^([-•*·]\s)|^(19|20)\d{2}\b|^(?:[^.!?]|\.(?=\S)){1,90}?\s?[-–—=:]\s*"
    r"(<|>|fewer than|less than)?\s*"
    r"(\d[\d,]*|nil|none|zero|no|one|two|three|four|five|\*)\s*$",
    re.IGNORECASE,
)
_INTRODUCES = re.compile(r"\b(below|as follows|following)\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?;,]$")


@dataclass
class Context:
    """Where a block sits: what it answers and what stands above it, as printed."""

    title: str | None = None
    question_no: str | None = None
    question_text: str | None = None
    sub_question_no: str | None = None
    sub_question_text: str | None = None
    headings: tuple[str, ...] = ()
    preamble: str | None = None

    def path(self) -> str:
        """The chain that gives a block its meaning, outermost first."""
        parts = []
        if self.question_no:
            parts.append(f"Q{self.question_no}")
        if self.sub_question_no:
            parts.append(f"Q{self.sub_question_no}")
        if self.preamble:
            parts.append(self.preamble)
        parts.extend(self.headings)
        return " > ".join(parts)


@dataclass
class Node:
    """One block of the outline."""

    block_no: int
    role: str
    text: str
    locator: str
    block: Block
    context: Context
    parent_no: int | None = None


@dataclass
class Question:
    """A question of the request, printed or only referred to."""

    number: str
    text: str | None
    locator: str
    answer_parts: list[str] = field(default_factory=list)
    printed: bool = True


def is_chrome(text: str) -> bool:
    """Site furniture of a web page, in a text copy as in HTML."""
    if _CHROME.search(text):
        return True
    items = [item.strip() for item in text.split("|")]
    return len(items) >= 3 and all(_NAV_ITEM.match(item) for item in items if item)


def numbered_question(text: str) -> tuple[str, str, str] | None:
    """(number, letter, text) when a paragraph opens with a question number."""
    match = _NUMBERED.match(text)
    if not match:
        return None
    number, bracketed, letter, rest = match.groups()
    return number, (bracketed or letter or "").lower(), rest.strip()


def _asks(text: str) -> bool:
    return len(text) >= 15 and bool(_ASKING.search(text))


def _heading_shaped(paragraph: Paragraph) -> bool:
    """A short line with no figure, no sentence and no colon at its end."""
    text = paragraph.text
    if paragraph.style == "heading":
        return not _DIGIT.search(text) or len(text) < 80
    if len(text) > 70 or len(text.split()) > 9 or _SENTENCE_END.search(text):
        return False
    return not (text.endswith(":") or _LIST_LINE.match(text) or _DIGIT.search(text))


def _is_heading(paragraph: Paragraph, following: Block | None) -> bool:
    """A heading-shaped line over the lines below it (a list, a table, another heading)."""
    if not _heading_shaped(paragraph):
        return False
    if paragraph.style == "heading":
        return True
    if following is None:
        return False
    if isinstance(following, Table):
        return True
    return bool(_LIST_LINE.match(following.text)) or following.style in ("heading", "list_item")


def _is_title(text: str) -> bool:
    """A page or letter title: a short line that is no sentence and states no figure (the
    numbers of a title are its reference: "FOI 2291/24")."""
    if len(text) >= 160 or text.endswith(".") or _LIST_LINE.match(text):
        return False
    return not _DIGIT.search(_TITLE_PERIOD.sub("", text)) or bool(_TITLE_REFERENCE.search(text))


def _is_list_block(block: Block | None) -> bool:
    return isinstance(block, Paragraph) and (
        block.style == "list_item" or bool(_LIST_LINE.match(block.text))
    )


class _Walker:
    """Walks the blocks once, keeping the context each block is read in."""

    def __init__(self, layout: DocumentLayout) -> None:
        self.blocks = layout.blocks
        self.nodes: list[Node] = []
        self.questions: dict[str, Question] = {}
        self.title_lines: list[str] = []
        self.zone = "start"  # start, request, response
        self.request_listed = False  # the request printed numbered questions before answers
        self.question: Question | None = None
        self.sub_question: Question | None = None
        self.headings: list[str] = []
        self.heading_run = False  # the last block was a heading (headings nest)
        self.preamble: str | None = None
        self.seen_content = False
        self.request_intro: str | None = None
        self.pending_question: Question | None = None

    def context(self) -> Context:
        return Context(
            title=" - ".join(self.title_lines) or None,
            question_no=self.question.number if self.question else None,
            question_text=self.question.text if self.question else None,
            sub_question_no=self.sub_question.number if self.sub_question else None,
            sub_question_text=self.sub_question.text if self.sub_question else None,
            headings=tuple(self.headings),
            preamble=self.preamble,
        )

    def add(self, block: Block, role: str, text: str) -> Node:
        node = Node(len(self.nodes) + 1, role, text, block.locator, block, self.context())
        self.nodes.append(node)
        if role not in ("chrome", "title", "metadata"):
            target = self.sub_question or self.question
            if target is not None and role not in ("question", "sub_question"):
                target.answer_parts.append(text)
        return node

    def open_question(self, number: str, text: str | None, locator: str, printed: bool) -> None:
        question = self.questions.get(number)
        if question is None:
            question = Question(number, text, locator, printed=printed)
            self.questions[number] = question
        elif text and not question.text:
            question.text = text
        self.question = question
        self.sub_question = None
        self.reset_local()

    def open_sub_question(self, letter: str, text: str, locator: str) -> None:
        parent = self.question
        if parent is None:
            self.open_question(str(len(self.questions) + 1), None, locator, printed=False)
            parent = self.question
        number = f"{parent.number}{letter}"
        sub = self.questions.get(number)
        if sub is None:
            sub = Question(number, text, locator)
            self.questions[number] = sub
        self.sub_question = sub
        self.reset_local()

    def reset_local(self) -> None:
        self.headings = []
        self.heading_run = False
        self.preamble = None

    def walk(self) -> None:
        for index, block in enumerate(self.blocks):
            following = self.blocks[index + 1] if index + 1 < len(self.blocks) else None
            if isinstance(block, Table):
                self.add(block, "table", "")
                self.heading_run = False
                self.seen_content = True
                continue
            self.paragraph(block, following)

    def paragraph(self, block: Paragraph, following: Block | None) -> None:
        text = block.text
        if text.startswith(">"):
            # A quoted original message: the request the reply answers.
            text = text.lstrip("> ").strip()
            if not text:
                return
        if is_chrome(text) and (not self.question or not _DIGIT.search(text) or "©" in text):
            self.add(block, "chrome", text)
            return
        if _METADATA.match(text) and not self.question and len(text) < 200:
            self.add(block, "metadata", text)
            return
        if _REQUEST_HEADING.match(text):
            self.zone = "request"
            self.question = self.sub_question = None
            self.reset_local()
            self.add(block, "request", text)
            return
        answer = _INLINE_RESPONSE.match(text)
        if answer and self.zone == "request" and self.questions:
            # "Response: the figures below ...": the response opens, its words are the answer's
            self.zone = "response"
            if self.question is None and not self.request_listed:
                self.question = next(iter(self.questions.values()))
            self.sub_question = None
            self.reset_local()
            self.content(block, answer.group("rest"), following)
            return
        if _RESPONSE_HEADING.match(text):
            self.zone = "response"
            # An unnumbered request is one question; the answer below answers it. Answers to
            # numbered questions name theirs; until one does, the answer is the whole reply's.
            if self.question is None and self.questions and not self.request_listed:
                self.question = next(iter(self.questions.values()))
            self.sub_question = None
            self.reset_local()
            self.add(block, "response", text)
            return
        question_line = _QUESTION_LINE.match(text)
        if question_line:
            # "Question 1" over its words, its parts and their answers, in turn
            self.zone = "inline"
            self.open_question(question_line.group(1), None, block.locator, printed=True)
            self.pending_question = self.question
            self.add(block, "request", text)
            return
        answer_line = _ANSWER_LINE.match(text)
        if answer_line:
            self.zone = "response"
            self.pending_question = None
            self.open_question(answer_line.group(1), None, block.locator, printed=False)
            self.add(block, "response", text)
            return
        if self.pending_question is not None:
            pending, self.pending_question = self.pending_question, None
            if _asks(text) and not _LETTERED.match(text) and not _LIST_LINE.match(text):
                # the words under "Question 1" are its question
                pending.text = f"{pending.text} {text}" if pending.text else text
                self.pending_question = pending
                self.add(block, "question", text)
                return
        if self.zone == "request":
            self.request_paragraph(block, text)
            return
        inline = _INLINE_REQUEST.match(text)
        if inline and _asks(inline.group("rest")) and not self.questions:
            self.zone = "request"
            self.question = self.sub_question = None
            self.reset_local()
            self.request_paragraph(block, inline.group("rest"))
            return
        told = _TOLD_REQUEST.match(text)
        if told and _asks(told.group("rest")) and not self.questions:
            # the reply below answers the request it retells
            self.zone = "response"
            self.open_question("1", told.group("rest"), block.locator, printed=True)
            self.add(block, "question", told.group("rest"))
            self.seen_content = True
            return
        numbered = numbered_question(text)
        if (
            numbered
            and not numbered[1]
            and text.lstrip()[:1] in "Qq"
            and _OPENS_QUESTION.search(numbered[2])
        ):
            # "Q1. How many ...?": a question, not an answer naming question 1
            self.open_question(numbered[0], numbered[2], block.locator, printed=True)
            self.add(block, "question", numbered[2])
            self.seen_content = True
            return
        if self.answer_reference(block, text):
            return
        numbered = numbered_question(text)
        if numbered and (numbered[1] or _asks(numbered[2])) and _asks(numbered[2]):
            number, letter, rest = numbered
            if letter:
                if not self.question or self.question.number != number:
                    self.open_question(number, None, block.locator, printed=False)
                self.open_sub_question(letter, rest, block.locator)
                self.add(block, "sub_question", rest)
            else:
                self.open_question(number, rest, block.locator, printed=True)
                self.add(block, "question", rest)
            self.seen_content = True
            return
        lettered = _LETTERED.match(text)
        if lettered and self.question and _asks(lettered.group(2)):
            self.open_sub_question(lettered.group(1), lettered.group(2), block.locator)
            self.add(block, "sub_question", lettered.group(2))
            return
        opening = not self.seen_content and not self.question and self.zone == "start"
        if opening and len(self.title_lines) < 3 and _is_title(text):
            self.title_lines.append(text)
            self.add(block, "title", text)
            return
        self.content(block, text, following)

    def request_paragraph(self, block: Paragraph, text: str) -> None:
        """A paragraph between a request heading and the response: a question."""
        numbered = numbered_question(text)
        if numbered:
            number, letter, rest = numbered
            self.request_listed = True
            if letter:
                if not self.question or self.question.number != number:
                    self.open_question(number, None, block.locator, printed=False)
                self.open_sub_question(letter, rest, block.locator)
                self.add(block, "sub_question", rest)
            else:
                self.open_question(number, rest, block.locator, printed=True)
                self.add(block, "question", rest)
            self.question = self.sub_question = None
            return
        lettered = _LETTERED.match(text)
        if lettered and _asks(lettered.group(2)):
            self.request_listed = True
            if not self.questions:
                # "For each year: (a) ... (b) ...": the line before the parts is their question.
                self.open_question("1", self.request_intro, block.locator, printed=True)
            self.question = list(self.questions.values())[-1]
            if self.question.number[-1:].isalpha():
                self.question = self.questions[self.question.number.rstrip("abcdefgh")]
            self.open_sub_question(lettered.group(1), lettered.group(2), block.locator)
            self.add(block, "sub_question", lettered.group(2))
            self.question = self.sub_question = None
            return
        bullet = text[:2] in ("- ", "• ", "* ", "· ")
        if bullet or block.style == "list_item":
            # each item of a listed request is a question of its own
            asked = text[2:].strip() if bullet else text
            number = str(len(self.questions) + 1)
            self.open_question(number, asked, block.locator, printed=True)
            self.add(block, "question", asked)
            self.question = None
            return
        if text.endswith(":") or not _asks(text):
            # "I am asking for the following:" introduces the questions; it is none of them.
            self.request_intro = text.rstrip(":")
            self.add(block, "paragraph", text)
            return
        if self.questions and not self.request_listed and "1" in self.questions:
            first = self.questions["1"]
            first.text = f"{first.text} {text}" if first.text else text
            self.add(block, "question", text)
            return
        number = str(len(self.questions) + 1)
        self.open_question(number, text, block.locator, printed=True)
        self.add(block, "question", text)
        self.question = None

    def answer_reference(self, block: Paragraph, text: str) -> bool:
        """An answer that names its question ("For question 3, ...", "2: Jan - 9 ...", "(b)")."""
        lettered = _LETTERED.match(text)
        if lettered and self.zone == "response" and not _OPENS_QUESTION.search(lettered.group(2)):
            # "c) 19 offender managers ...": the answer to a part, on the part's own line
            parent = self.question or (next(iter(self.questions.values()), None))
            if parent is not None and f"{parent.number}{lettered.group(1)}" in self.questions:
                self.question = parent
                self.open_sub_question(lettered.group(1), "", block.locator)
                self.content(block, text, None)
                return True
        alone = _LETTER_ALONE.match(text)
        if alone and self.zone == "response":
            parent = self.question or (next(iter(self.questions.values()), None))
            if parent is not None and f"{parent.number}{alone.group(1)}" in self.questions:
                self.question = parent
                self.open_sub_question(alone.group(1), "", block.locator)
                self.add(block, "sub_question", text)
                return True
        referred = _REFERRED.match(text)
        number = letter = None
        if referred:
            number, letter = referred.group(1), referred.group(2).lower()
        elif self.zone == "response":
            # "2. Some people are searched more than once. ...": the answer to question 2
            numbered = numbered_question(text)
            if numbered and (
                (self.request_listed and numbered[0] in self.questions)
                or not _OPENS_QUESTION.search(numbered[2])
            ):
                number, letter = numbered[0], numbered[1]
        if number is None:
            return False
        if not self.question or self.question.number != number or self.sub_question:
            self.open_question(number, None, block.locator, printed=False)
        if letter:
            self.open_sub_question(letter, "", block.locator)
        self.content(block, text, None)
        return True

    def content(self, block: Paragraph, text: str, following: Block | None) -> None:
        self.seen_content = True
        if _is_heading(block, following):
            if not self.heading_run:
                self.headings = []
            self.headings.append(text)
            self.heading_run = True
            self.add(block, "heading", text)
            return
        self.heading_run = False
        if block.style == "list_item" or _LIST_LINE.match(text):
            self.add(block, "list_item", text)
            return
        introduces_list = isinstance(following, Table) or _is_list_block(following)
        if not introduces_list and isinstance(following, Paragraph):
            introduces_list = _heading_shaped(following)
        if (
            (text.endswith(":") and len(text) < 200)
            or (_INTRODUCES.search(text) and (introduces_list or "below" in text))
            or (len(text) < 90 and introduces_list and _PERIOD_LINE.search(text))
        ):
            self.preamble = text.rstrip(":").strip()
            self.add(block, "preamble", text)
            return
        # Running text ends the list its preamble introduced.
        node = self.add(block, "paragraph", text)
        if self.preamble and node.context.preamble:
            self.preamble = None
            self.headings = []


def build_outline(layout: DocumentLayout) -> tuple[list[Node], list[Question]]:
    """The outline of a layout and the questions it asks or answers, in order."""
    walker = _Walker(layout)
    walker.walk()
    return walker.nodes, list(walker.questions.values())
