"""HTML (.html, .htm): a force's disclosure-log page, read with BeautifulSoup (nothing fetched).

Site chrome is removed before reading: scripts, styles, navigation, header, footer, forms,
cookie banners and consent dialogs, breadcrumbs, "skip to content" links and the language
switcher (English/Cymraeg). The body is the page's `main`/`article` (or the largest content
container), read in order: headings and paragraphs, list items, and tables (`th` rows are the
header). A table a crawler flattened into `cell |` text is read by the plain-text rules.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from bs4 import BeautifulSoup, NavigableString, Tag

from dagster_project.ingest.formats.text import layout_from_lines
from dagster_project.ingest.layout import DocumentLayout, Paragraph, Table, UnreadableDocument
from dagster_project.ingest.textutil import decode_text

_CHROME_TAGS = (
    "script",
    "style",
    "noscript",
    "nav",
    "aside",
    "form",
    "iframe",
    "svg",
    "button",
    "template",
)
# Site header and footer: removed outside the page's main content only, because an article's
# own <header> holds its title and reference.
_PAGE_CHROME_TAGS = ("header", "footer")
_CHROME_HINT = re.compile(
    r"cookie|consent|gdpr|banner|breadcrumb|skip|language|lang-switch|cymraeg|share|social",
    re.IGNORECASE,
)
_PAGE_CHROME_HINT = re.compile(r"nav|menu|footer|header|masthead|search|sidebar|related", re.I)
_CONTENT_ID = re.compile(r"^(main-?)?content$|^page-?content$|^main$", re.IGNORECASE)
_BREAK = "\u2028"  # a <br>: the only line break inside running HTML text
_HEADING_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_BLOCK_TAGS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "pre", "blockquote")
# A block tag holding one of these is walked into rather than read as one line.
_NESTED_BLOCKS = ("table", "ul", "ol", "p")


def parse_html(path: Path) -> DocumentLayout:
    """Read the body of a web page into paragraphs and tables, chrome removed."""
    data = path.read_bytes()
    if not data.strip():
        raise UnreadableDocument("the file is empty", kind="empty")
    soup = BeautifulSoup(decode_text(data), "html.parser")
    title = soup.title.get_text(" ", strip=True) if soup.title else ""
    content = _main_content(soup)
    _remove_chrome(soup, content)
    for br in soup.find_all("br"):
        br.replace_with(_BREAK)
    body = content or soup.body or soup
    lines: list[tuple[str, str | Table]] = []
    _walk(body, lines)
    layout = _layout(lines)
    layout.full_text = "\n".join([title, body.get_text("\n", strip=True)])
    if not layout.blocks:
        raise UnreadableDocument(
            "the web page has no body text once site chrome is removed", kind="no_text"
        )
    return layout


def _main_content(soup: BeautifulSoup) -> Tag | None:
    """The first `main`, else the first `article`, else the first tag with role="main", else
    the first whose id reads as the content, found in one pass over the tree."""
    first: dict[str, Tag] = {}
    for tag in _tags(soup):
        if tag.name in ("main", "article"):
            first.setdefault(tag.name, tag)
            if tag.name == "main":
                break
        if tag.get("role") == "main":
            first.setdefault("role", tag)
        tag_id = tag.get("id")
        if tag_id is not None and _CONTENT_ID.search(tag_id):
            first.setdefault("id", tag)
    return next((first[kind] for kind in ("main", "article", "role", "id") if kind in first), None)


def _tags(node: Tag, names: tuple[str, ...] | None = None) -> Iterator[Tag]:
    """The tags under `node` (those with one of `names`, when given) in document order: what
    `find_all` returns, without bs4's general-purpose filter on every node."""
    for element in node.descendants:
        if isinstance(element, Tag) and (names is None or element.name in names):
            yield element


def _remove_chrome(soup: BeautifulSoup, content: Tag | None) -> None:
    """Remove site chrome; header/footer/menu-like parts only outside the main content, and
    never a part that holds the main content. A removed part's descendants are not visited."""
    holders = {id(parent) for parent in content.parents} if content is not None else set()
    pending: list[tuple[Tag, bool]] = [(soup, False)]  # (tag, whether it is inside content)
    while pending:
        node, inside = pending.pop()
        for tag in [child for child in node.contents if isinstance(child, Tag)]:
            if tag is content:
                pending.append((tag, True))
                continue
            if id(tag) in holders or tag.name in ("html", "body"):
                pending.append((tag, inside))
                continue
            marks = " ".join(
                [tag.get("id") or "", *(tag.get("class") or []), tag.get("role") or ""]
            )
            if (
                tag.name in _CHROME_TAGS
                or tag.get("aria-hidden") == "true"
                or (marks.strip() and _CHROME_HINT.search(marks))
                or (not inside and tag.name in _PAGE_CHROME_TAGS)
                or (not inside and marks.strip() and _PAGE_CHROME_HINT.search(marks))
            ):
                tag.decompose()
            else:
                pending.append((tag, inside))


def _walk(node: Tag, out: list[tuple[str, str | Table]]) -> None:
    """Collect (kind, item) in document order: ("line", text) or ("table", Table)."""
    for child in node.children:
        if isinstance(child, NavigableString):
            text = str(child)
            if text.strip() and type(child) is NavigableString:
                out.extend(("line", line) for line in _lines(text, node.name == "pre"))
            continue
        if not isinstance(child, Tag):
            continue
        if child.name == "table":
            table = _table(child, sum(1 for kind, _ in out if kind == "table") + 1)
            if table is not None:
                out.append(("table", table))
        elif child.name in _HEADING_TAGS and child.get_text(" ", strip=True):
            # a heading keeps its role into the outline: "Applications received, 2024"
            out.append(("heading", " ".join(child.get_text(" ").split())))
        elif child.name in _BLOCK_TAGS and next(_tags(child, _NESTED_BLOCKS), None) is None:
            out.append(("line", ""))
            out.extend(("line", line) for line in _lines(child.get_text(), child.name == "pre"))
            out.append(("line", ""))
        else:
            _walk(child, out)
            if child.name not in ("span", "a", "b", "strong", "em", "i", "u", "font"):
                out.append(("line", ""))


def _lines(text: str, preformatted: bool) -> list[str]:
    """Lines of running text: split at <br> (and at newlines only inside <pre>)."""
    parts = text.replace("\n", _BREAK).split(_BREAK) if preformatted else text.split(_BREAK)
    return [" ".join(part.split()) for part in parts]


def _table(node: Tag, table_no: int) -> Table | None:
    rows: list[tuple[str, ...]] = []
    header_rows = 0
    # A cell spanning rows below its own (rowspan) fills its columns in them: col -> (text, rows)
    carried: dict[int, tuple[str, int]] = {}
    for tr in _tags(node, ("tr",)):
        cells: list[str] = []
        kinds: set[str] = set()
        for cell in _tags(tr, ("th", "td")):
            kinds.add(cell.name)
            text = " ".join(cell.get_text(" ").replace(_BREAK, " ").split())
            _carry_over(cells, carried)
            for _ in range(max(1, _span(cell))):
                if _span(cell, "rowspan") > 1:
                    carried[len(cells)] = (text, _span(cell, "rowspan") - 1)
                cells.append(text)
        _carry_over(cells, carried)
        if not any(cells):
            continue
        if len(rows) == header_rows and kinds == {"th"}:
            header_rows += 1
        rows.append(tuple(cells))
    if not rows:
        return None
    width = max(len(row) for row in rows)
    rows = [row + ("",) * (width - len(row)) for row in rows]
    locator = f"html table {table_no}"
    return Table(
        tuple(rows),
        locator,
        tuple(f"{locator} row {i}" for i in range(1, len(rows) + 1)),
        header_rows=max(1, header_rows),
    )


def _carry_over(cells: list[str], carried: dict[int, tuple[str, int]]) -> None:
    """Fill the next columns of a row with the cells of rows above that span down into it."""
    while len(cells) in carried:
        text, left = carried.pop(len(cells))
        if left > 1:
            carried[len(cells)] = (text, left - 1)
        cells.append(text)


def _span(cell: Tag, attribute: str = "colspan") -> int:
    try:
        return min(int(cell.get(attribute, 1)), 50)
    except ValueError:
        return 1


def _layout(items: list[tuple[str, str | Table]]) -> DocumentLayout:
    """Text runs go through the plain-text rules (wrapping, `cell |` tables); tables as read."""
    layout = DocumentLayout()
    run: list[str] = []
    line_no = 0

    def flush() -> None:
        if run:
            part = layout_from_lines(run, "", "html ", line_no - len(run) + 1)
            layout.blocks.extend(part.blocks)
            layout.furniture.extend(part.furniture)
            run.clear()

    for kind, item in items:
        if kind == "table":
            flush()
            layout.blocks.append(item)
            continue
        if kind == "heading":
            flush()
            line_no += 1
            layout.blocks.append(Paragraph(item, f"html line {line_no}", style="heading"))
            continue
        if not item.strip() and run and not run[-1].strip():
            continue  # collapse the blank lines that block tags leave behind
        line_no += 1
        run.append(item)
    flush()
    return layout
