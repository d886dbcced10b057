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


def test_long_format_export_names_each_number_by_its_label_columns(tmp_path):
    """Period | group | offence | count: the innermost label column labels the row, the first
    (its values in runs) is the row's group, and label cells are no cells of their own."""
    path = tmp_path / "long.csv"
    path.write_text(
        "Financial Year,Offence Group,Offence Description,Recorded Offences\n"
        "2019/2020,Notification,Fail to comply with notification requirements,41\n"
        "2019/2020,Civil orders,Breach of SRO,3\n"
        "2020/2021,Notification,Fail to comply with notification requirements,36\n",
        encoding="utf-8",
    )
    read = read_structure(parse_csv(path)).table_cells
    assert [(c.row_group, c.row_label, c.col_label, c.cell_text) for c in read] == [
        ("2019/2020", "Fail to comply with notification requirements", "Recorded Offences", "41"),
        ("2019/2020", "Breach of SRO", "Recorded Offences", "3"),
        ("2020/2021", "Fail to comply with notification requirements", "Recorded Offences", "36"),
    ]
    assert read[1].row_text == "2019/2020 | Civil orders | Breach of SRO | 3"


def test_a_label_and_its_section_are_not_a_long_format(tmp_path):
    """Two label columns whose first never repeats: the first labels the row, as before."""
    path = tmp_path / "wide.csv"
    path.write_text(
        "Offence,Section,2022,2023\nBreach of SHPO,s.103I,12,14\nBreach of SRO,s.122H,2,1\n",
        encoding="utf-8",
    )
    assert [
        (c.row_label, c.col_label, c.cell_text) for c in read_structure(parse_csv(path)).table_cells
    ][:3] == [
        ("Breach of SHPO", "Section", "s.103I"),
        ("Breach of SHPO", "2022", "12"),
        ("Breach of SHPO", "2023", "14"),
    ]
