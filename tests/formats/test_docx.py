"""Word parser hazards, each on a real .docx written by python-docx."""

from __future__ import annotations

from dagster_project.ingest.formats.docx import parse_docx
from dagster_project.ingest.layout import Paragraph, Table
from dagster_project.ingest.structure import read_structure
from tests.fixtures.documents import make_docx


def test_paragraphs_and_tables_keep_their_order(tmp_path):
    path = make_docx(
        tmp_path / "order.docx",
        [
            "1. How many people are subject to a SHPO in the force area please?",
            [["Year", "People"], ["2021", "44"]],
            "2. How many people are subject to a SRO in the force area please?",
            [["Year", "People"], ["2021", "3"]],
        ],
    )
    layout = parse_docx(path)
    assert [type(b).__name__ for b in layout.blocks] == ["Paragraph", "Table", "Paragraph", "Table"]
    structure = read_structure(layout)
    assert [(c.section_no, c.row_label, c.cell_text) for c in structure.table_cells] == [
        (1, "2021", "44"),
        (2, "2021", "3"),
    ]


def test_merged_header_banner_labels_every_column_below_it(tmp_path):
    path = make_docx(
        tmp_path / "merged.docx",
        [
            [
                ["Order", "Financial year", "", ""],
                ["", "2015/16", "2016/17", "2017/18"],
                ["SHPO", "187", "214", "239"],
            ]
        ],
        merge_header=(1, 3),
    )
    cells = read_structure(parse_docx(path)).table_cells
    assert [(c.col_label, c.cell_text) for c in cells] == [
        ("Financial year / 2015/16", "187"),
        ("Financial year / 2016/17", "214"),
        ("Financial year / 2017/18", "239"),
    ]


def test_suppressed_and_worded_values_stay_text(tmp_path):
    path = make_docx(
        tmp_path / "suppressed.docx",
        [[["Order", "2019", "2020", "2021", "2022"], ["SRO", "<5", "*", "None", "All 5"]]],
    )
    cells = read_structure(parse_docx(path)).table_cells
    assert [c.cell_text for c in cells] == ["<5", "*", "None", "All 5"]


def test_lines_broken_inside_one_paragraph_are_separate_lines(tmp_path):
    path = make_docx(tmp_path / "lines.docx", ["2020 – 44\n2021 - 35"])
    layout = parse_docx(path)
    assert [b.text for b in layout.blocks if isinstance(b, Paragraph)] == ["2020 – 44", "2021 - 35"]
    figures = read_structure(layout).inline_figures
    assert [(f.label_text, f.value_text) for f in figures] == [("2020", "44"), ("2021", "35")]


def test_force_name_line_is_page_furniture(tmp_path):
    path = make_docx(tmp_path / "name.docx", ["North Yorkshire Police", "Our answer follows."])
    layout = parse_docx(path)
    assert [p.text for p in layout.furniture] == ["North Yorkshire Police"]
    assert not any(isinstance(b, Table) for b in layout.blocks)


def test_a_one_row_table_is_its_figure_not_a_header_over_nothing(tmp_path):
    path = make_docx(
        tmp_path / "one-row.docx",
        [
            "1. As at 31 March 2024, how many registered sex offenders were in prison?",
            [["Registered sex offenders in prison", "88"]],
        ],
    )
    cells = read_structure(parse_docx(path)).table_cells
    assert [(c.section_no, c.row_label, c.col_label, c.cell_text) for c in cells] == [
        (1, "Registered sex offenders in prison", "", "88")
    ]
