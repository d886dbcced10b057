"""Plain-text parser hazards: hard-wrapped e-mail, year lists, `|`-flattened tables."""

from __future__ import annotations

from dagster_project.ingest.formats.text import parse_text
from dagster_project.ingest.layout import Paragraph, Table
from dagster_project.ingest.structure import read_structure


def write(tmp_path, text: str, encoding: str = "utf-8"):
    path = tmp_path / "answer.txt"
    path.write_bytes(text.encode(encoding))
    return path


def test_hard_wrapped_email_is_joined_so_a_figure_keeps_its_label(tmp_path):
    path = write(
        tmp_path,
        "1. How many registered sex offenders have gone missing each year since\n"
        "2007, and how many are wanted?\n\n"
        "There are currently in excess of 1000 people subject to notification\n"
        "requirements in Essex.\n",
    )
    structure = read_structure(parse_text(path))
    assert structure.sections[0].question_text == (
        "How many registered sex offenders have gone missing each year since 2007, and how "
        "many are wanted?"
    )
    assert [(f.label_text, f.value_text) for f in structure.inline_figures] == [
        (
            "There are currently in excess of # people subject to notification requirements "
            "in Essex.",
            "1000",
        )
    ]


def test_year_value_lines_are_not_joined(tmp_path):
    path = write(
        tmp_path,
        "The figures for each year are as follows, by calendar year:\n2020 – 44\n2021 - 35\n",
    )
    layout = parse_text(path)
    assert [b.text for b in layout.blocks if isinstance(b, Paragraph)] == [
        "The figures for each year are as follows, by calendar year:",
        "2020 – 44",
        "2021 - 35",
    ]


def test_pipe_flattened_rows_are_a_table(tmp_path):
    path = write(tmp_path, "Year | Breaches |\n2020 | 44 |\n2021 | 35 |\n")
    tables = [b for b in parse_text(path).blocks if isinstance(b, Table)]
    assert [t.rows for t in tables] == [(("Year", "Breaches"), ("2020", "44"), ("2021", "35"))]


def test_pipe_flattened_cells_with_years_as_headings(tmp_path):
    path = write(tmp_path, "Area |\n2020 |\n2021 |\nOmagh |\n29 |\n31 |\nNewry |\n44 |\n40 |\n")
    cells = read_structure(parse_text(path)).table_cells
    assert [(c.row_label, c.col_label, c.cell_text) for c in cells] == [
        ("Omagh", "2020", "29"),
        ("Omagh", "2021", "31"),
        ("Newry", "2020", "44"),
        ("Newry", "2021", "40"),
    ]


def test_cp1252_text_is_decoded(tmp_path):
    path = write(tmp_path, "2020 – 44 offences under the Sexual Offences Act\n", "cp1252")
    assert parse_text(path).blocks[0].text == "2020 – 44 offences under the Sexual Offences Act"


def test_utf16_text_is_decoded(tmp_path):
    path = write(tmp_path, "2021 - 35\n", "utf-16")
    assert parse_text(path).blocks[0].text == "2021 - 35"


def test_one_cell_per_line_table_headed_by_a_word_then_its_years(tmp_path):
    """ "Measure |", "2022 |", "2023 |", then each label and its numbers: a table whose last row
    is short is kept, its number set beyond the header (misaligned: review)."""
    path = write(
        tmp_path,
        "Measure |\n2022 |\n2023 |\nApplications received |\n188 |\n204 |\n"
        "Disclosures made |\n27 |\n",
    )
    cells = read_structure(parse_text(path)).table_cells
    assert [(c.row_label, c.col_label, c.cell_text) for c in cells] == [
        ("Applications received", "2022", "188"),
        ("Applications received", "2023", "204"),
        ("Disclosures made", "", "27"),
    ]
