"""Outlook .msg (written by msgforge to the MS-OXMSG spec, read with extract-msg): the body and
each attachment are documents; attachments inherit the Subject's reference and the sent date;
a signature logo is not a document."""

from __future__ import annotations

from datetime import datetime

import pytest

from dagster_project.ingest.containers import parse_file
from dagster_project.ingest.documents import discover_documents
from dagster_project.ingest.layout import UnreadableDocument
from tests.fixtures.documents import make_docx
from tests.fixtures.formats import make_msg, make_zip


@pytest.fixture(scope="module")
def outcome(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("msg")
    folder = root / "raw" / "west-midlands"
    folder.mkdir(parents=True)
    response = make_docx(
        root / "response.docx",
        [
            "1. Please provide the number of SROs granted in each financial year.",
            [["Financial year", "2022/23", "2023/24"], ["SROs granted", "11", "13"]],
        ],
    )
    tables = make_zip(root / "tables.zip", [("breaches.csv", b"Year,Breaches\n2023,12\n")])
    make_msg(
        folder / "reply.msg",
        "FOI Request 1187/24 - Sexual Risk Orders",
        datetime(2024, 6, 3, 14, 5),
        "Dear requester,\n\nPlease find our response attached.\n",
        attachments=[("response.docx", response.read_bytes()), ("tables.zip", tables.read_bytes())],
        logo=True,
    )
    (source,) = discover_documents(root / "raw")
    return parse_file(source)


def test_body_and_attachments_are_documents_and_the_logo_is_not(outcome):
    assert outcome.refusals == []
    assert [(d.container_path, d.member_name, d.source.format) for d in outcome.documents] == [
        ("west-midlands/reply.msg", "(body)", "txt"),
        ("west-midlands/reply.msg", "response.docx", "docx"),
        ("west-midlands/reply.msg", "tables.zip/breaches.csv", "csv"),
    ]


def test_attachment_figures_with_subject_reference_and_sent_date(outcome):
    docx = outcome.documents[1]
    assert [(c.row_label, c.col_label, c.cell_text) for c in docx.structure.table_cells] == [
        ("SROs granted", "2022/23", "11"),
        ("SROs granted", "2023/24", "13"),
    ]
    assert [
        (d.metadata["reference"], d.metadata["reference_source"], d.metadata["response_date"])
        for d in outcome.documents
    ] == [("1187/24", "e-mail subject", "2024-06-03")] * 3
    csv = outcome.documents[2]
    assert [(c.row_label, c.col_label, c.cell_text) for c in csv.structure.table_cells] == [
        ("2023", "Breaches", "12")
    ]


def test_a_file_that_is_not_an_outlook_message_is_refused(tmp_path):
    folder = tmp_path / "raw" / "west-midlands"
    folder.mkdir(parents=True)
    (folder / "fake.msg").write_bytes(b"not an OLE compound file" * 40)
    (source,) = discover_documents(tmp_path / "raw")
    with pytest.raises(UnreadableDocument) as refused:
        parse_file(source)
    assert refused.value.kind == "not_a_msg"
    assert refused.value.reason.startswith("the file is not an Outlook message, or it is damaged (")
