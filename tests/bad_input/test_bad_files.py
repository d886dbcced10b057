"""Bad input: every bad file becomes one clear row in raw.ingest_errors, the build still exits 0
and every good document still lands. Bad files are generated here, never committed to raw/."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import duckdb
import openpyxl
import pytest

from dagster_project.ingest.documents import discover_documents, parse_document
from dagster_project.ingest.layout import UnreadableDocument
from dagster_project.ingest.textutil import MAX_FILE_BYTES
from tests.conftest import SEED_DOCUMENT, build_warehouse
from tests.fixtures.documents import make_pdf


def write_empty(folder: Path) -> Path:
    path = folder / "empty.txt"
    path.write_bytes(b"")
    return path


def write_junk_pdf(folder: Path) -> Path:
    path = folder / "junk.pdf"
    path.write_bytes(bytes(range(256)) * 40)
    return path


def write_truncated_pdf(folder: Path) -> Path:
    whole = make_pdf(folder / "whole.tmp", ["There are 5 people on the register."] * 40)
    path = folder / "truncated.pdf"
    path.write_bytes(whole.read_bytes()[:400])
    whole.unlink()
    return path


def write_encrypted_pdf(folder: Path) -> Path:
    return make_pdf(folder / "encrypted.pdf", ["Secret figures: 12"], encrypt="user-password")


def write_docx_not_a_zip(folder: Path) -> Path:
    path = folder / "not-a-zip.docx"
    path.write_text("This is a text file that was given a .docx name.", encoding="utf-8")
    return path


def write_zip_bomb(folder: Path) -> Path:
    path = folder / "bomb.docx"
    with (
        zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive,
        archive.open("word/document.xml", "w", force_zip64=True) as member,
    ):
        for _ in range(110):  # 110 MB of zeros that deflate to ~100 KB
            member.write(b"\0" * (1 << 20))
    return path


def write_big_file(folder: Path) -> Path:
    path = folder / "big.txt"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    return path


def write_spreadsheet_errors(folder: Path) -> Path:
    path = folder / "errors.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Breaches"
    sheet.append(["Offence", "2021", "2022"])
    sheet.append(["Breach of SHPO", 40, "#REF!"])
    sheet.append(["Total", "=SUM(B2:B2)", 12])
    book.save(path)
    return path


BAD_FILES = {
    "empty": (write_empty, "empty", "the file is empty"),
    "junk_pdf": (
        write_junk_pdf,
        "not_a_pdf",
        "the file is not a PDF (it does not start with %PDF-)",
    ),
    "truncated_pdf": (
        write_truncated_pdf,
        "damaged_pdf",
        "the PDF is damaged or truncated and could not be read",
    ),
    "encrypted_pdf": (
        write_encrypted_pdf,
        "encrypted",
        "the PDF is encrypted with a password, so its text cannot be read",
    ),
    "docx_not_a_zip": (
        write_docx_not_a_zip,
        "not_a_zip",
        "the file is not a valid DOCX document (DOCX files are zip archives)",
    ),
    "zip_bomb": (
        write_zip_bomb,
        "zip_bomb",
        "the DOCX archive would expand to 115,343,360 bytes (1 files), over the 104,857,600-byte "
        "limit (a zip bomb?), so it was not opened",
    ),
    "file_of_50_mb": (
        write_big_file,
        "too_large",
        f"the file is 52,428,800 bytes, over the {MAX_FILE_BYTES:,}-byte limit for one document",
    ),
    "spreadsheet_with_formulas_and_errors": (
        write_spreadsheet_errors,
        "spreadsheet_errors",
        "sheet 'Breaches' holds spreadsheet errors or uncalculated formulas in C2 (#REF!), "
        "B3 (#UNCALCULATED), so its figures cannot be trusted",
    ),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_bad_file_is_refused_in_one_clear_sentence(tmp_path, name):
    writer, kind, reason = BAD_FILES[name]
    folder = tmp_path / "raw" / "essex"
    folder.mkdir(parents=True)
    writer(folder)
    (source,) = discover_documents(tmp_path / "raw")
    with pytest.raises(UnreadableDocument) as refused:
        parse_document(source)
    assert refused.value.kind == kind
    assert refused.value.reason.startswith(reason)


def test_cp1252_and_utf16_text_are_read_not_refused(tmp_path):
    folder = tmp_path / "raw" / "south-wales"
    folder.mkdir(parents=True)
    (folder / "cp1252.txt").write_bytes("2020 – 44 breaches, £450 limit\n".encode("cp1252"))
    (folder / "utf16.txt").write_bytes("2021 – 35 breaches\n".encode("utf-16"))
    texts = [parse_document(s).layout.blocks[0].text for s in discover_documents(tmp_path / "raw")]
    assert texts == ["2020 – 44 breaches, £450 limit", "2021 – 35 breaches"]


@pytest.fixture(scope="module")
def bad_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A real `foi build` of a folder holding the seed beside every bad file."""
    root = tmp_path_factory.mktemp("bad")
    raw = root / "raw"
    good = raw / "west-midlands"
    good.mkdir(parents=True)
    shutil.copy(SEED_DOCUMENT, good)
    shutil.copy(SEED_DOCUMENT.with_name("west-midlands_233A-22.meta.yml"), good)
    bad = raw / "essex"
    bad.mkdir()
    for writer, _, _ in BAD_FILES.values():
        writer(bad)
    unknown = raw / "atlantis"
    unknown.mkdir()
    (unknown / "answer.txt").write_text("2021 - 35\n", encoding="utf-8")
    return build_warehouse(raw, root / "warehouse" / "foi.duckdb")


def test_build_survives_every_bad_file_with_one_error_row_each(bad_build):
    con = duckdb.connect(str(bad_build), read_only=True)
    try:
        errors = con.execute(
            "select path, error_kind from raw.ingest_errors order by path"
        ).fetchall()
        documents = con.execute("select path from raw.documents").fetchall()
    finally:
        con.close()
    assert errors == [
        ("atlantis/answer.txt", "unknown_force"),
        ("essex/big.txt", "too_large"),
        ("essex/bomb.docx", "zip_bomb"),
        ("essex/empty.txt", "empty"),
        ("essex/encrypted.pdf", "encrypted"),
        ("essex/errors.xlsx", "spreadsheet_errors"),
        ("essex/junk.pdf", "not_a_pdf"),
        ("essex/not-a-zip.docx", "not_a_zip"),
        ("essex/truncated.pdf", "damaged_pdf"),
    ]
    assert documents == [("west-midlands/west-midlands_233A-22.txt",)]


def test_xlsx_zip_bomb_is_refused_under_the_lower_workbook_limit(tmp_path):
    folder = tmp_path / "raw" / "essex"
    folder.mkdir(parents=True)
    path = folder / "bomb.xlsx"
    with (
        zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive,
        archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as member,
    ):
        for _ in range(45):
            member.write(b"\0" * (1 << 20))
    (source,) = discover_documents(tmp_path / "raw")
    with pytest.raises(UnreadableDocument) as refused:
        parse_document(source)
    assert refused.value.kind == "zip_bomb"
    assert refused.value.reason == (
        "the XLSX archive would expand to 47,185,920 bytes (1 files), over the 41,943,040-byte "
        "limit (a zip bomb?), so it was not opened"
    )
