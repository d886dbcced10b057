"""Word 97-2003 (.doc) read by antiword, on a committed synthetic file (tests/formats/files):
paragraphs and tables in order, by the plain-text rules; without antiword, a clear refusal."""

from __future__ import annotations

from pathlib import Path

import pytest

from dagster_project.ingest.formats.doc import parse_doc
from dagster_project.ingest.layout import Paragraph, Table, UnreadableDocument
from dagster_project.ingest.structure import read_structure

REPLY_DOC = Path(__file__).parent / "files" / "reply.doc"


def test_paragraphs_and_tables_in_order():
    layout = parse_doc(REPLY_DOC)
    assert [
        (b.text, b.locator) if isinstance(b, Paragraph) else (b.rows, b.locator)
        for b in layout.blocks
    ] == [
        ("Freedom of Information request", "line 2"),
        ("Our ref: 0338/24", "line 3"),
        (
            "1. Please provide the number of people subject to a SHPO in each financial year.",
            "line 4",
        ),
        ((("Financial year", "2022/23", "2023/24"), ("SHPO", "212", "230")), "line 5"),
        (
            "2. Please provide the number of recorded breaches of notification requirements.",
            "line 9",
        ),
        ("2022/23 - 17", "line 10"),
        ("2023/24 - 21", "line 11"),
    ]
    assert isinstance(layout.blocks[3], Table)


def test_figures_of_each_question():
    structure = read_structure(parse_doc(REPLY_DOC))
    assert [
        (c.section_no, c.row_label, c.col_label, c.cell_text) for c in structure.table_cells
    ] == [
        (1, "SHPO", "2022/23", "212"),
        (1, "SHPO", "2023/24", "230"),
    ]
    assert [(f.section_no, f.label_text, f.value_text) for f in structure.inline_figures] == [
        (2, "2022/23", "17"),
        (2, "2023/24", "21"),
    ]


def test_a_file_antiword_cannot_read_is_refused(tmp_path):
    path = tmp_path / "fake.doc"
    path.write_bytes(b"this is plain text with a .doc name\n" * 20)
    with pytest.raises(UnreadableDocument) as refused:
        parse_doc(path)
    assert refused.value.kind == "not_a_doc"
    assert refused.value.reason.startswith(
        "the file is not a Word 97-2003 document antiword can read ("
    )


def test_without_antiword_a_doc_is_refused_saying_how_to_install_it(monkeypatch):
    monkeypatch.setenv("PATH", "/nonexistent")
    with pytest.raises(UnreadableDocument) as refused:
        parse_doc(REPLY_DOC)
    assert refused.value.kind == "reader_unavailable"
    assert refused.value.reason == (
        "reading Word 97-2003 .doc files needs antiword, which is not installed (Debian or "
        "Ubuntu: apt-get install antiword, or run scripts/install_antiword.sh)"
    )
