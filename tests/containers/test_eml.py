"""E-mail (.eml): the body and every attachment are documents of their own, with the container
and member recorded; attachments inherit the Subject's reference and the Date header."""

from __future__ import annotations

import hashlib
from datetime import datetime
from pathlib import Path

import pytest

from dagster_project.ingest.containers import parse_file
from dagster_project.ingest.documents import discover_documents
from tests.fixtures.documents import make_docx, make_pdf
from tests.fixtures.formats import make_eml, make_zip

SUBJECT = "RE: FOI Request 2024-0412 - registered sex offenders"
SENT = datetime(2024, 4, 12, 9, 30)


@pytest.fixture(scope="module")
def mail(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("eml")
    folder = root / "raw" / "essex"
    folder.mkdir(parents=True)
    pdf = make_pdf(
        root / "response.pdf",
        [
            "1. Please provide the number of registered sex offenders as at 31 March 2024.",
            "As at 31 March 2024 there were 1,234 registered sex offenders in Essex.",
        ],
    )
    letter = make_docx(
        root / "letter.docx",
        ["Dated: 10 April 2024", "Our ref: 2024-0399", "SHPOs in force: 87"],
    )
    inner = make_zip(root / "tables.zip", [("breaches.txt", b"2022/23 - 41\n2023/24 - 38\n")])
    forwarded = make_eml(
        root / "forwarded.eml",
        "Figures for the SRO question",
        datetime(2024, 4, 11, 16, 0),
        "SROs in force: 6\n",
    )
    return make_eml(
        folder / "reply.eml",
        SUBJECT,
        SENT,
        "Dear requester,\n\nPlease find our response attached.\n\nFOI Unit\n",
        attachments=[
            ("FOI 2024-0412 response.pdf", pdf.read_bytes()),
            ("letter.docx", letter.read_bytes()),
            ("tables.zip", inner.read_bytes()),
            ("sro.eml", forwarded.read_bytes()),
        ],
        html_body="<p>Dear requester,</p><p>Please find our response attached.</p>",
        logo=True,
    )


@pytest.fixture(scope="module")
def outcome(mail: Path):
    (source,) = discover_documents(mail.parents[1])
    return parse_file(source)


def test_body_and_every_attachment_are_documents_named_inside_the_container(outcome):
    assert [(d.container_path, d.member_name, d.source.format) for d in outcome.documents] == [
        ("essex/reply.eml", "(body)", "txt"),
        ("essex/reply.eml", "FOI 2024-0412 response.pdf", "pdf"),
        ("essex/reply.eml", "letter.docx", "docx"),
        ("essex/reply.eml", "tables.zip/breaches.txt", "txt"),
        ("essex/reply.eml", "sro.eml/(body)", "txt"),
    ]
    assert outcome.refusals == []  # the inline logo and the HTML alternative are not documents


def test_attachment_figures_keep_their_member_and_locator(outcome):
    pdf = next(d for d in outcome.documents if d.member_name.endswith(".pdf"))
    assert [(f.label_text, f.value_text, f.locator) for f in pdf.structure.inline_figures] == [
        (
            "As at 31 March 2024 there were # registered sex offenders in Essex.",
            "1,234",
            "page 1 line 3",
        )
    ]
    nested = next(d for d in outcome.documents if d.member_name == "tables.zip/breaches.txt")
    assert [(f.label_text, f.value_text) for f in nested.structure.inline_figures] == [
        ("2022/23", "41"),
        ("2023/24", "38"),
    ]


def test_members_inherit_subject_reference_and_date_unless_they_state_their_own(outcome):
    meta = {d.member_name: d.metadata for d in outcome.documents}
    inherited = [
        (name, m["reference"], m["reference_source"], m["response_date"], m["response_date_source"])
        for name, m in meta.items()
    ]
    assert inherited == [
        ("(body)", "2024-0412", "e-mail subject", "2024-04-12", "e-mail date"),
        ("FOI 2024-0412 response.pdf", "2024-0412", "e-mail subject", "2024-04-12", "e-mail date"),
        ("letter.docx", "2024-0399", "document", "2024-04-10", "document"),
        ("tables.zip/breaches.txt", "2024-0412", "e-mail subject", "2024-04-12", "e-mail date"),
        ("sro.eml/(body)", "2024-0412", "e-mail subject", "2024-04-11", "e-mail date"),
    ]
    assert meta["(body)"]["disclosure_key"] == "essex:2024-0412"


def test_member_document_id_is_the_hash_of_its_own_bytes(outcome, mail):
    ids = {d.document_id for d in outcome.documents}
    assert len(ids) == 5
    assert outcome.document_id == hashlib.sha256(mail.read_bytes()).hexdigest()
    assert outcome.document_id not in ids
