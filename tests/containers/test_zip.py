"""Zip archives: every member, recursively, each a document naming its container; guards refuse
path traversal, encrypted members, zip bombs and deep nesting member by member, and the rest
of the archive still lands."""

from __future__ import annotations

import subprocess
import zipfile
from pathlib import Path

import pytest

from dagster_project.ingest.containers import MAX_NESTING, parse_file
from dagster_project.ingest.documents import discover_documents
from dagster_project.ingest.formats.archive import read_zip
from dagster_project.ingest.layout import UnreadableDocument
from tests.fixtures.documents import make_docx
from tests.fixtures.formats import make_zip, zeros_member

COVERING_LETTER = (
    b"Our ref: 0553/24\nDate: 3 May 2024\n\nDear requester,\n\n"
    b"Please find our response to your request attached.\n"
)


def outcome_of(tmp_path: Path, name: str, members: list[tuple[str, bytes]]):
    folder = tmp_path / "raw" / "kent"
    folder.mkdir(parents=True, exist_ok=True)
    make_zip(folder / name, members)
    (source,) = discover_documents(tmp_path / "raw")
    return parse_file(source)


def test_every_member_is_a_document_with_its_figures(tmp_path):
    response = make_docx(
        tmp_path / "response.docx",
        [
            "1. Please provide the number of SHPOs in force in each financial year.",
            [["Financial year", "2022/23", "2023/24"], ["SHPOs in force", "301", "344"]],
        ],
    )
    outcome = outcome_of(
        tmp_path,
        "FOI_0553-24.zip",
        [("covering letter.txt", COVERING_LETTER), ("answer/response.docx", response.read_bytes())],
    )
    assert outcome.refusals == []
    letter, docx = outcome.documents
    assert (letter.member_name, docx.member_name) == ("covering letter.txt", "answer/response.docx")
    assert {d.container_path for d in outcome.documents} == {"kent/FOI_0553-24.zip"}
    cells = [(c.row_label, c.col_label, c.cell_text, c.locator) for c in docx.structure.table_cells]
    assert cells == [
        ("SHPOs in force", "2022/23", "301", "table 1 row 2, table 1, row 1, col 2"),
        ("SHPOs in force", "2023/24", "344", "table 1 row 2, table 1, row 1, col 3"),
    ]
    # The letter states its reference; the response inherits the zip's (from its file name).
    assert [
        (d.metadata["reference"], d.metadata["reference_source"]) for d in outcome.documents
    ] == [
        ("0553/24", "document"),
        ("0553-24", "file name"),
    ]


def test_path_traversal_and_encrypted_members_are_refused_and_the_rest_lands(tmp_path):
    folder = tmp_path / "raw" / "kent"
    folder.mkdir(parents=True)
    (tmp_path / "secret.txt").write_text("SHPOs in force: 12\n", encoding="utf-8")
    (tmp_path / "plain.txt").write_text("SROs in force: 4\n", encoding="utf-8")
    archive = folder / "mixed.zip"
    # The zip tool writes a real password-protected member (ZipCrypto).
    subprocess.run(["zip", "-q", "-P", "pw", str(archive), "secret.txt"], cwd=tmp_path, check=True)
    subprocess.run(["zip", "-q", str(archive), "plain.txt"], cwd=tmp_path, check=True)
    extra = tmp_path / "extra.zip"
    make_zip(extra, [("../../etc/cron.d/evil.txt", b"2021 - 35\n"), ("/abs.txt", b"2021 - 1\n")])
    with zipfile.ZipFile(archive, "a") as target, zipfile.ZipFile(extra) as source:
        for info in source.infolist():
            target.writestr(info, source.read(info))
    (source_file,) = discover_documents(tmp_path / "raw")
    outcome = parse_file(source_file)
    assert [d.member_name for d in outcome.documents] == ["plain.txt"]
    assert [(r.kind, r.reason) for r in outcome.refusals] == [
        (
            "encrypted",
            "member 'secret.txt' of mixed.zip: it is encrypted with a password, so it cannot be "
            "read",
        ),
        (
            "path_traversal",
            "member '../../etc/cron.d/evil.txt' of mixed.zip: its path leads outside the archive "
            "(../, an absolute path or a drive), so it was not read",
        ),
        (
            "path_traversal",
            "member '/abs.txt' of mixed.zip: its path leads outside the archive "
            "(../, an absolute path or a drive), so it was not read",
        ),
    ]


def test_a_zip_bomb_member_is_refused_by_its_ratio_and_the_rest_lands(tmp_path):
    outcome = outcome_of(
        tmp_path,
        "bomb.zip",
        [("zeros.txt", zeros_member(20)), ("answer.txt", b"SHPOs in force: 87\n")],
    )
    assert [d.member_name for d in outcome.documents] == ["answer.txt"]
    ((kind, reason),) = [(r.kind, r.reason) for r in outcome.refusals]
    assert kind == "zip_bomb"
    assert reason.startswith("member 'zeros.txt' of bomb.zip: it would inflate from ")
    assert reason.endswith(
        " to 20,971,520 bytes, over 100 times its packed size (a zip bomb?), so it was not opened"
    )


def test_members_past_the_byte_budget_are_refused(tmp_path):
    archive = make_zip(tmp_path / "two.zip", [("a.txt", b"a" * 600), ("b.txt", b"b" * 600)])
    contents = read_zip(archive.read_bytes(), budget=1000)
    assert [m.name for m in contents.members] == ["a.txt"]
    assert [(r.name, r.kind, r.reason) for r in contents.refusals] == [
        (
            "b.txt",
            "zip_bomb",
            "it would inflate to 600 bytes, past the 400 bytes left of the limit for one "
            "file's contents (a zip bomb?), so it was not opened",
        )
    ]


def test_containers_nested_too_deep_are_refused(tmp_path):
    data = make_zip(tmp_path / "level.zip", [("deepest.txt", b"SROs in force: 4\n")]).read_bytes()
    for inner in ("level3.zip", "level2.zip"):
        data = make_zip(tmp_path / "level.zip", [(inner, data)]).read_bytes()
    outcome = outcome_of(
        tmp_path, "nested.zip", [("top.txt", b"SHPOs in force: 87\n"), ("level1.zip", data)]
    )
    assert [d.member_name for d in outcome.documents] == ["top.txt"]
    assert [(r.kind, r.reason) for r in outcome.refusals] == [
        (
            "too_deep",
            "member 'level1.zip/level2.zip/level3.zip' of nested.zip: it is a container inside "
            f"3 others (at most {MAX_NESTING} may sit one in another), so it was not opened",
        )
    ]


def test_a_member_that_cannot_be_parsed_is_refused_in_its_own_words(tmp_path):
    outcome = outcome_of(
        tmp_path, "junk.zip", [("scan.pdf", b"not a pdf at all"), ("logo.png", b"\x89PNG")]
    )
    assert outcome.documents == []
    assert [(r.kind, r.reason) for r in outcome.refusals] == [
        (
            "not_a_pdf",
            "member 'scan.pdf' of junk.zip: the file is not a PDF (it does not start with %PDF-)",
        ),
        (
            "warning_unsupported_format",
            "member 'logo.png' of junk.zip: files ending .png are not a supported format "
            "(supported: csv, doc, docx, eml, htm, html, msg, ods, odt, pdf, txt, xls, xlsx, zip)",
        ),
    ]


def test_a_file_that_is_not_a_zip_is_refused_whole(tmp_path):
    folder = tmp_path / "raw" / "kent"
    folder.mkdir(parents=True)
    (folder / "fake.zip").write_bytes(b"PK but not really a zip archive")
    (source,) = discover_documents(tmp_path / "raw")
    with pytest.raises(UnreadableDocument) as refused:
        parse_file(source)
    assert refused.value.kind == "not_a_zip"
    assert refused.value.reason == (
        "the file is not a zip archive, or it is damaged (File is not a zip file)"
    )
