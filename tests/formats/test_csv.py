"""CSV parser hazards: encodings, delimiters, title lines and footnotes."""

from __future__ import annotations

from dagster_project.ingest.formats.csv import parse_csv
from dagster_project.ingest.layout import Paragraph
from dagster_project.ingest.structure import read_structure


def cells(path):
    return [
        (c.row_label, c.col_label, c.cell_text) for c in read_structure(parse_csv(path)).table_cells
    ]


def test_cp1252_with_semicolons(tmp_path):
    path = tmp_path / "swp.csv"
    path.write_bytes("Area;2018/2019\r\nBridgend & Vale – west;3\r\n".encode("cp1252"))
    assert cells(path) == [("Bridgend & Vale – west", "2018/2019", "3")]


def test_utf16_with_tabs(tmp_path):
    path = tmp_path / "durham.csv"
    path.write_bytes("Year\tApplications\r\n2022\t315\r\n2021\t<5\r\n".encode("utf-16"))
    assert cells(path) == [("2022", "Applications", "315"), ("2021", "Applications", "<5")]


def test_quoted_cell_holding_the_delimiter(tmp_path):
    path = tmp_path / "quoted.csv"
    path.write_text('Offence,2021\n"Breach SHPO, interim SHPO or SOPO",12\n', encoding="utf-8-sig")
    assert cells(path) == [("Breach SHPO, interim SHPO or SOPO", "2021", "12")]


def test_title_line_and_footnote_become_paragraphs(tmp_path):
    path = tmp_path / "titled.csv"
    path.write_text(
        "South Wales Police FOI 2021/118,,\nArea,2019/2020,2020/2021\nSwansea,*,5\n,,\n"
        "* denotes fewer than 5,,\n",
        encoding="utf-8",
    )
    layout = parse_csv(path)
    assert [(b.text, b.locator) for b in layout.blocks if isinstance(b, Paragraph)] == [
        ("South Wales Police FOI 2021/118", "line 1"),
        ("* denotes fewer than 5", "line 5"),
    ]
    assert cells(path) == [("Swansea", "2019/2020", "*"), ("Swansea", "2020/2021", "5")]
