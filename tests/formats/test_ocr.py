"""Scanned PDFs: a page with no text layer is read by Tesseract at 300 dpi, page by page, its
lines laid out like a text layer's, every figure carrying its OCR confidence; without Tesseract
a scan is refused with a sentence saying how to install it."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

from dagster_project.ingest.formats.pdf import parse_pdf
from dagster_project.ingest.layout import Paragraph, UnreadableDocument
from dagster_project.ingest.structure import read_structure
from tests.fixtures.formats import make_part_scanned_pdf, make_scanned_pdf, scan_image

REPLY = [
    "Freedom of Information Request 0412/24",
    "1. Please provide the number of registered sex offenders in Essex as at the",
    "end of each of the last three years.",
    "",
    "2022 - 1,180",
    "2023 - 1,205",
    "2024 - 1,234",
    "",
    ["Offence", "2022/23", "2023/24"],
    ["Breach of SHPO", "41", "38"],
]


@pytest.fixture(scope="module")
def scan(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_scanned_pdf(tmp_path_factory.mktemp("ocr") / "scan.pdf", REPLY, point_size=10)


@pytest.fixture(scope="module")
def layout(scan: Path):
    return parse_pdf(scan)


def test_ten_point_scan_reads_as_the_letter_was_typed(layout):
    assert layout.ocr_pages == [1]
    assert [b.text for b in layout.blocks if isinstance(b, Paragraph)] == [
        "Freedom of Information Request 0412/24",
        "1. Please provide the number of registered sex offenders in Essex as at the end of "
        "each of the last three years.",
        "2022 - 1,180",
        "2023 - 1,205",
        "2024 - 1,234",
    ]


def test_every_figure_carries_its_ocr_confidence(layout):
    structure = read_structure(layout)
    figures = [(f.label_text, f.value_text, f.locator) for f in structure.inline_figures]
    assert figures == [
        ("2022", "1,180", "page 1 line 5"),
        ("2023", "1,205", "page 1 line 6"),
        ("2024", "1,234", "page 1 line 7"),
    ]
    cells = [(c.row_label, c.col_label, c.cell_text) for c in structure.table_cells]
    assert cells == [("Breach of SHPO", "2022/23", "41"), ("Breach of SHPO", "2023/24", "38")]
    confidences = [f.ocr_confidence for f in structure.inline_figures] + [
        c.ocr_confidence for c in structure.table_cells
    ]
    assert all(80 <= confidence <= 100 for confidence in confidences), confidences


def test_only_pages_without_a_text_layer_are_ocrd(tmp_path):
    path = make_part_scanned_pdf(
        tmp_path / "part.pdf",
        ["Our ref: 0412/24.", "SHPOs in force: 87."],
        ["SROs in force: 6"],
    )
    layout = parse_pdf(path)
    assert layout.ocr_pages == [2]
    assert [(b.text, b.locator, b.ocr_confidence is None) for b in layout.blocks] == [
        ("Our ref: 0412/24.", "page 1 line 1", True),
        ("SHPOs in force: 87.", "page 1 line 2", True),
        ("SROs in force: 6", "page 2 line 1", False),
    ]


def test_without_tesseract_a_scan_is_refused_saying_how_to_install_it(scan, monkeypatch):
    monkeypatch.setenv("PATH", "/nonexistent")
    with pytest.raises(UnreadableDocument) as refused:
        parse_pdf(scan)
    assert refused.value.kind == "ocr_unavailable"
    assert refused.value.reason == (
        "page 1 of the PDF has no text layer (a scan) and no OCR engine is installed: install "
        "Tesseract to read it (Debian or Ubuntu: apt-get install tesseract-ocr, or run "
        "scripts/install_ocr.sh)"
    )


def test_a_scan_under_a_stamped_text_line_is_still_ocrd(tmp_path):
    path = tmp_path / "stamped.pdf"
    sheet = canvas.Canvas(str(path), pagesize=A4)
    sheet.drawImage(ImageReader(scan_image(REPLY[4:7])), 0, 0, width=A4[0], height=A4[1])
    sheet.drawString(72, 20, "OFFICIAL")
    sheet.save()
    layout = parse_pdf(path)
    assert layout.ocr_pages == [1]
    assert [(b.text, b.ocr_confidence is not None) for b in layout.blocks] == [
        ("2022 - 1,180", True),
        ("2023 - 1,205", True),
        ("2024 - 1,234", True),
    ]
    assert [p.text for p in layout.furniture] == ["OFFICIAL"]
