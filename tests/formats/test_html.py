"""HTML parser hazards: site chrome, cookie banners, lists, tables and `cell |` flattening."""

from __future__ import annotations

from dagster_project.ingest.formats.html import parse_html
from dagster_project.ingest.layout import Paragraph
from dagster_project.ingest.structure import read_structure


def page(tmp_path, body: str, head: str = "<title>FOI</title>"):
    path = tmp_path / "page.html"
    path.write_text(f"<html><head>{head}</head><body>{body}</body></html>", encoding="utf-8")
    return parse_html(path)


def paragraphs(layout):
    return [b.text for b in layout.blocks if isinstance(b, Paragraph)]


def test_cookie_banner_and_navigation_are_removed(tmp_path):
    layout = page(
        tmp_path,
        '<div id="cookie-banner">We use 4 cookies. Accept all</div>'
        "<header><nav><a>Home</a><a>Report 101</a></nav></header>"
        '<div class="breadcrumb">Home &gt; FOI</div>'
        "<main><p>There are currently 2,109 subjects in the community.</p></main>"
        "<footer>&copy; 2023 Northumbria Police 0345 604 3043</footer>",
    )
    assert paragraphs(layout) == ["There are currently 2,109 subjects in the community."]
    figures = read_structure(layout).inline_figures
    assert [f.value_text for f in figures] == ["2,109"]


def test_welsh_language_chrome_is_removed(tmp_path):
    layout = page(
        tmp_path,
        '<div class="skip-link">Neidio i\'r cynnwys / Skip to content</div>'
        '<div class="language-switcher"><a>Cymraeg</a> | <a>English</a></div>'
        '<div id="content"><p>Reference: 4362_13</p></div>',
    )
    assert paragraphs(layout) == ["Reference: 4362_13"]


def test_list_items_are_lines(tmp_path):
    layout = page(tmp_path, "<main><ul><li>2020 &ndash; 44</li><li>2021 - 35</li></ul></main>")
    figures = read_structure(layout).inline_figures
    assert [(f.label_text, f.value_text) for f in figures] == [("2020", "44"), ("2021", "35")]


def test_table_with_th_header_rows_and_colspan(tmp_path):
    layout = page(
        tmp_path,
        "<main><table><tr><th colspan='2'>Number</th></tr><tr><th>Area</th><th>RSOs</th></tr>"
        "<tr><td>Powys<br>North</td><td>&lt;5</td></tr></table></main>",
    )
    cells = read_structure(layout).table_cells
    assert [(c.row_label, c.col_label, c.cell_text) for c in cells] == [
        ("Powys North", "Number / RSOs", "<5")
    ]


def test_rowspan_cells_fill_the_rows_they_span(tmp_path):
    """A label merged down over two header rows, and a body cell merged over two rows."""
    layout = page(
        tmp_path,
        "<table><tr><th rowspan='2'>Order</th><th colspan='2'>2022</th></tr>"
        "<tr><th>Male</th><th>Female</th></tr>"
        "<tr><td rowspan='2'>SHPO</td><td>180</td><td>5</td></tr><tr><td>12</td><td>0</td></tr>"
        "</table>",
    )
    cells = read_structure(layout).table_cells
    assert [(c.row_label, c.col_label, c.cell_text) for c in cells] == [
        ("SHPO", "2022 / Male", "180"),
        ("SHPO", "2022 / Female", "5"),
        ("SHPO", "2022 / Male", "12"),
        ("SHPO", "2022 / Female", "0"),
    ]


def test_cell_pipe_flattened_table_one_cell_per_line(tmp_path):
    layout = page(
        tmp_path,
        "<main><div>County |<br>RSOs |<br>Ceredigion |<br>41 |<br>Powys |<br>73 |</div></main>",
    )
    cells = read_structure(layout).table_cells
    assert [(c.row_label, c.col_label, c.cell_text) for c in cells] == [
        ("Ceredigion", "RSOs", "41"),
        ("Powys", "RSOs", "73"),
    ]


def test_text_split_over_source_lines_is_one_paragraph(tmp_path):
    layout = page(
        tmp_path,
        "<main><p>As of 10th April 2013 there are 412\nregistered sex offenders.</p></main>",
    )
    assert paragraphs(layout) == ["As of 10th April 2013 there are 412 registered sex offenders."]


def test_article_header_with_the_reference_is_kept_site_header_is_not(tmp_path):
    layout = page(
        tmp_path,
        '<header class="site-header"><div class="masthead">Kent Police 101</div></header>'
        '<main><article><header class="page-header"><h1>FOI Reference: 22/0456</h1></header>'
        "<p>There are currently 1,986 registered sex offenders in Kent.</p></article></main>"
        '<div class="site-footer">Contact 101</div>',
    )
    assert paragraphs(layout) == [
        "FOI Reference: 22/0456",
        "There are currently 1,986 registered sex offenders in Kent.",
    ]
