"""OpenDocument text (.odt) on a real file written by odfpy: headings, paragraphs, list items
and tables in order, line breaks kept, a merged header labelling each column."""

from __future__ import annotations

from pathlib import Path

import pytest

from dagster_project.ingest.formats.odt import parse_odt
from dagster_project.ingest.layout import Paragraph, Table
from dagster_project.ingest.structure import read_structure
from tests.fixtures.formats import make_odt


@pytest.fixture(scope="module")
def reply(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_odt(
        tmp_path_factory.mktemp("odt") / "reply.odt",
        [
            "# Freedom of Information request 0912/24",
            "1. Please provide the number of SROs granted in each financial year.",
            "- 2022/23 - 14",
            "- 2023/24 - 19",
            "Figures were extracted on 2 May 2024.\nThey are provisional.",
            [
                ["Breaches", "Financial year", ""],
                ["", "2022/23", "2023/24"],
                ["Breach of SRO", "3", "5"],
            ],
        ],
        banner=True,
    )


def test_blocks_stand_in_document_order_with_line_breaks_kept(reply):
    layout = parse_odt(reply)
    assert [(b.text, b.locator) for b in layout.blocks if isinstance(b, Paragraph)] == [
        ("Freedom of Information request 0912/24", "paragraph 1"),
        ("1. Please provide the number of SROs granted in each financial year.", "paragraph 2"),
        ("2022/23 - 14", "paragraph 3"),
        ("2023/24 - 19", "paragraph 4"),
        ("Figures were extracted on 2 May 2024.", "paragraph 5"),
        ("They are provisional.", "paragraph 6"),
    ]
    assert isinstance(layout.blocks[-1], Table)


def test_list_items_are_figures_of_the_question_above_them(reply):
    structure = read_structure(parse_odt(reply))
    assert [
        (f.label_text, f.value_text, f.section_no, f.locator) for f in structure.inline_figures
    ] == [
        ("2022/23", "14", 1, "paragraph 3"),
        ("2023/24", "19", 1, "paragraph 4"),
    ]


def test_merged_header_labels_each_column(reply):
    cells = read_structure(parse_odt(reply)).table_cells
    assert [(c.row_label, c.col_label, c.cell_text, c.locator) for c in cells] == [
        ("Breach of SRO", "Financial year / 2022/23", "3", "table 1 row 3, table 1, row 1, col 2"),
        ("Breach of SRO", "Financial year / 2023/24", "5", "table 1 row 3, table 1, row 1, col 3"),
    ]
