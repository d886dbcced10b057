"""Word 97-2003 (.doc): the text antiword reads from the binary file, laid out by the text rules.

antiword prints paragraphs one per line (no wrapping) and each table row as `|cell|cell|`; a
row becomes a tab-separated line, so a table is read by the same rules as a PDF text layer's.
Without the `antiword` program installed, a .doc is refused with a sentence saying how to
install it.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from dagster_project.ingest.formats.text import layout_from_lines
from dagster_project.ingest.layout import DocumentLayout, UnreadableDocument

ANTIWORD = "antiword"
TIMEOUT = 60
# -w 0: one line per paragraph, never wrapped; UTF-8.txt: antiword's UTF-8 output mapping.
_ARGUMENTS = ["-w", "0", "-m", "UTF-8.txt"]


def parse_doc(path: Path) -> DocumentLayout:
    """Read a Word 97-2003 document's text into paragraphs and tables, in order."""
    if shutil.which(ANTIWORD) is None:
        raise UnreadableDocument(
            "reading Word 97-2003 .doc files needs antiword, which is not installed (Debian or "
            "Ubuntu: apt-get install antiword, or run scripts/install_antiword.sh)",
            kind="reader_unavailable",
        )
    try:
        done = subprocess.run(
            [ANTIWORD, *_ARGUMENTS, str(path)],
            capture_output=True,
            timeout=TIMEOUT,
            check=False,
        )
    except subprocess.TimeoutExpired as error:
        raise UnreadableDocument(
            f"antiword took over {TIMEOUT} seconds to read the file", kind="damaged"
        ) from error
    if done.returncode != 0:
        message = " ".join(done.stderr.decode("utf-8", "replace").split()) or "no message"
        raise UnreadableDocument(
            f"the file is not a Word 97-2003 document antiword can read ({message})",
            kind="not_a_doc",
        )
    text = done.stdout.decode("utf-8", "replace")
    lines = [_tabbed(line) for line in text.splitlines()]
    if not any(line.strip() for line in lines):
        raise UnreadableDocument("the Word document holds no text", kind="empty")
    return layout_from_lines(lines, text)


def _tabbed(line: str) -> str:
    """A table row as antiword prints it (`|a |b |`) as tab-separated cells."""
    stripped = line.strip()
    if len(stripped) > 1 and stripped.startswith("|") and stripped.endswith("|"):
        return "\t".join(cell.strip() for cell in stripped[1:-1].split("|"))
    return line
