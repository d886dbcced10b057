"""Every way an answer arrives, through one real `foi build`: an e-mail whose answer is only in
its PDF attachment, a zip of a DOCX response and a covering letter, a scanned one-page reply, a
legacy workbook and OpenDocument replies each give every figure in marts.fct_disclosed_figures
with provenance to container and member; a zip bomb and a zip with `../` paths are refused and
recorded in raw.ingest_errors, and everything else lands."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from tests.conftest import Query, _querier, build_warehouse
from tests.fixtures.documents import make_docx, make_pdf
from tests.fixtures.formats import (
    make_eml,
    make_ods,
    make_odt,
    make_scanned_pdf,
    make_xls,
    make_zip,
    zeros_member,
)

pytestmark = pytest.mark.slow

SYNTHETIC = "synthetic: true\n"


def write_documents(raw: Path, work: Path) -> None:
    """One document of each way in, each in its own force folder, each marked synthetic."""

    def folder(force: str) -> Path:
        path = raw / force
        path.mkdir(parents=True, exist_ok=True)
        return path

    attachment = make_pdf(
        work / "response.pdf",
        [
            "1. Please provide the number of registered sex offenders in Essex as at "
            "31 March 2024.",
            "As at 31 March 2024 there were 1,234 registered sex offenders in Essex.",
        ],
    )
    make_eml(
        folder("essex") / "reply.eml",
        "RE: FOI Request 2024-0412 - registered sex offenders",
        datetime(2024, 4, 12, 9, 30),
        "Dear requester,\n\nPlease find our response attached.\n\nFreedom of Information Unit\n",
        attachments=[("FOI 2024-0412 response.pdf", attachment.read_bytes())],
        logo=True,
        html_body="<p>Dear requester,</p><p>Please find our response attached.</p>",
    )
    response = make_docx(
        work / "response.docx",
        [
            "1. Please provide the number of people subject to a SHPO in each financial year.",
            [["Financial year", "2022/23", "2023/24"], ["SHPO", "301", "344"]],
        ],
    )
    make_zip(
        folder("kent") / "FOI_0553-24.zip",
        [
            (
                "covering letter.txt",
                b"Our ref: 0553-24\nDate: 3 May 2024\n\nDear requester,\n\n"
                b"Please find our response to your request attached.\n",
            ),
            ("0553-24 response.docx", response.read_bytes()),
        ],
    )
    make_scanned_pdf(
        folder("cumbria") / "cumbria_0981-24.pdf",
        [
            "Freedom of Information Request 0981/24",
            "Date: 20 May 2024",
            "",
            "1. Please provide the number of registered sex offenders in Cumbria in each of the",
            "last three years.",
            "",
            "2022 - 612",
            "2023 - 640",
            "2024 - 655",
        ],
        point_size=11,
    )
    make_scanned_pdf(
        folder("dyfed-powys") / "dyfed-powys_0230-24.pdf",
        [
            "1. Please provide the number of registered sex offenders in each of the last two "
            "years.",
            "",
            "2023 - 640",
            "2024 - 655",
        ],
        point_size=11,
        smudged=[2],
    )
    make_xls(
        folder("durham") / "durham_0412-24.xls",
        {
            "SROs": [
                ["Sexual Risk Orders (FOI 0412/24)"],
                ["Financial year", "2022/23", "2023/24", "Working"],
                ["SROs granted", 7, 9, "x"],
                ["Draft", 99, 99, "x"],
            ],
            "Hidden": [["Financial year", "2022/23"], ["SROs granted", 555]],
        },
        hidden_sheets=["Hidden"],
        hidden_rows={"SROs": [3]},
        hidden_cols={"SROs": [3]},
    )
    make_odt(
        folder("lancashire") / "lancashire_LAN-5120.odt",
        [
            "Freedom of Information request",
            "1. Please provide the number of people subject to a SHPO in each financial year.",
            [["Financial year", "2022/23", "2023/24"], ["SHPO", "418", "436"]],
        ],
    )
    make_ods(
        folder("north-yorkshire") / "north-yorkshire_NY-220.ods",
        {
            "Register": [
                ["Registered sex offenders"],
                ["Financial year", "2022/23", "2023/24"],
                ["Registered sex offenders", 701, 722],
            ]
        },
    )
    bad = folder("cleveland")
    make_zip(
        bad / "bomb.zip",
        [
            ("zeros.txt", zeros_member(20)),
            ("answer.txt", b"As at 31 March 2024 there were 87 people subject to a SHPO.\n"),
        ],
    )
    make_zip(
        bad / "traversal.zip",
        [("../../escape.txt", b"2021 - 35\n"), ("notes.txt", b"No figures here.\n")],
    )
    for path in raw.rglob("*.*"):
        if path.suffix != ".yml":
            path.with_name(path.stem + ".meta.yml").write_text(SYNTHETIC, encoding="utf-8")


@pytest.fixture(scope="module")
def ways_in(tmp_path_factory: pytest.TempPathFactory) -> Query:
    root = tmp_path_factory.mktemp("ways-in")
    write_documents(root / "raw", root)
    return _querier(build_warehouse(root / "raw", root / "warehouse" / "foi.duckdb"))


def facts(query: Query, force: str) -> list[tuple]:
    return query(
        "select f.measure, f.period_label, f.value, d.path, d.container_path, d.member_name, "
        "f.is_ocr, f.source_locator from marts.fct_disclosed_figures f join raw.documents d "
        f"using (document_id) where f.force_id = '{force}' order by all"
    )


def test_email_answer_only_in_its_pdf_attachment(ways_in: Query) -> None:
    mail = ("essex/reply.eml", "essex/reply.eml", "FOI 2024-0412 response.pdf", False)
    assert facts(ways_in, "essex") == [
        ("registered_sex_offenders", "2024-03-31", 1234, *mail, "page 1 line 3 (inline)"),
    ]
    assert ways_in(
        "select member_name, format, reference, reference_source, response_date "
        "from raw.documents where path = 'essex/reply.eml' order by member_name"
    ) == [
        ("(body)", "txt", "2024-0412", "e-mail subject", "2024-04-12"),
        ("FOI 2024-0412 response.pdf", "pdf", "2024-0412", "e-mail subject", "2024-04-12"),
    ]
    assert ways_in(
        "select reference, response_date::varchar from marts.fct_disclosed_figures "
        "where force_id = 'essex'"
    ) == [("2024-0412", "2024-04-12")]


def test_zip_of_a_docx_response_and_a_covering_letter(ways_in: Query) -> None:
    member = ("kent/FOI_0553-24.zip", "kent/FOI_0553-24.zip", "0553-24 response.docx", False)
    cell = "table 1 row 2, table 1, row 1, col {} (table_cell)"
    assert facts(ways_in, "kent") == [
        ("shpo_subjects", "2023-03-31", 301, *member, cell.format(2)),
        ("shpo_subjects", "2024-03-31", 344, *member, cell.format(3)),
    ]
    assert ways_in(
        "select member_name, reference from raw.documents where path = 'kent/FOI_0553-24.zip' "
        "order by member_name"
    ) == [("0553-24 response.docx", "0553-24"), ("covering letter.txt", "0553-24")]


def test_scanned_reply_with_a_short_list_is_read_by_ocr(ways_in: Query) -> None:
    scan = ("cumbria/cumbria_0981-24.pdf", None, None, True)
    assert facts(ways_in, "cumbria") == [
        ("registered_sex_offenders", "2022", 612, *scan, "page 1 line 7 (inline)"),
        ("registered_sex_offenders", "2023", 640, *scan, "page 1 line 8 (inline)"),
        ("registered_sex_offenders", "2024", 655, *scan, "page 1 line 9 (inline)"),
    ]
    assert ways_in("select ocr from raw.documents where force_hint = 'cumbria'") == [(True,)]
    ((lowest,),) = ways_in(
        "select min(ocr_confidence) from raw.inline_figures i join raw.documents d "
        "using (document_id) where d.force_hint = 'cumbria'"
    )
    assert 80 <= lowest <= 100


def test_a_figure_ocr_read_with_low_confidence_goes_to_review(ways_in: Query) -> None:
    # The smudged line reads `2023 - 6490` (640 misread) at a confidence under 80.
    figures = ways_in(
        "select i.value_text, i.ocr_confidence < 80 from raw.inline_figures i "
        "join raw.documents d using (document_id) where d.force_hint = 'dyfed-powys' order by all"
    )
    assert [low for _, low in figures] == [True, False]
    assert [row[:3] for row in facts(ways_in, "dyfed-powys")] == [
        ("registered_sex_offenders", "2024", 655)
    ]
    assert ways_in(
        "select value_text, reason from marts.dq_unclassified where force_id = 'dyfed-powys'"
    ) == [(figures[0][0], "low OCR confidence: check the figure against the scan")]


def test_legacy_workbook_gives_every_visible_figure(ways_in: Query) -> None:
    sheet = ("durham/durham_0412-24.xls", None, None, False)
    cell = "sheet SROs row 3, table 1, row 1, col {} (table_cell)"
    assert facts(ways_in, "durham") == [
        ("sro_granted", "2022-23", 7, *sheet, cell.format(2)),
        ("sro_granted", "2023-24", 9, *sheet, cell.format(3)),
    ]


def test_opendocument_replies_give_every_figure(ways_in: Query) -> None:
    odt = ("lancashire/lancashire_LAN-5120.odt", None, None, False)
    cell = "table 1 row 2, table 1, row 1, col {} (table_cell)"
    assert facts(ways_in, "lancashire") == [
        ("shpo_subjects", "2023-03-31", 418, *odt, cell.format(2)),
        ("shpo_subjects", "2024-03-31", 436, *odt, cell.format(3)),
    ]
    ods = ("north-yorkshire/north-yorkshire_NY-220.ods", None, None, False)
    cell = "sheet Register row 3, table 1, row 1, col {} (table_cell)"
    assert facts(ways_in, "north-yorkshire") == [
        ("registered_sex_offenders", "2023-03-31", 701, *ods, cell.format(2)),
        ("registered_sex_offenders", "2024-03-31", 722, *ods, cell.format(3)),
    ]


def test_zip_bomb_and_path_traversal_are_refused_and_the_rest_lands(ways_in: Query) -> None:
    errors = ways_in("select path, error_kind, reason from raw.ingest_errors order by all")
    assert [(path, kind) for path, kind, _ in errors] == [
        ("cleveland/bomb.zip", "zip_bomb"),
        ("cleveland/traversal.zip", "path_traversal"),
    ]
    assert errors[0][2].startswith("member 'zeros.txt' of bomb.zip: it would inflate from ")
    assert errors[1][2] == (
        "member '../../escape.txt' of traversal.zip: its path leads outside the archive (../, "
        "an absolute path or a drive), so it was not read"
    )
    bomb = ("cleveland/bomb.zip", "cleveland/bomb.zip", "answer.txt", False)
    assert facts(ways_in, "cleveland") == [
        ("shpo_subjects", "2024-03-31", 87, *bomb, "line 1 (inline)"),
    ]
    assert ways_in("select count(*) from raw.documents where path = 'cleveland/traversal.zip'") == [
        (1,)
    ]
