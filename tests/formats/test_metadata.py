"""Document identity: force folders and aliases, references and dates in the forms forces use,
one disclosure in two formats, revised responses."""

from __future__ import annotations

from pathlib import Path

import pytest

from dagster_project.ingest.documents import (
    disclosure_key,
    discover_documents,
    force_id_for,
    parse_document,
)
from dagster_project.ingest.layout import UnreadableDocument


def ingest_one(tmp_path: Path, folder: str, name: str, text: str, sidecar: str = "") -> dict:
    raw = tmp_path / "raw"
    (raw / folder).mkdir(parents=True)
    (raw / folder / name).write_text(text, encoding="utf-8")
    if sidecar:
        (raw / folder / (Path(name).stem + ".meta.yml")).write_text(sidecar, encoding="utf-8")
    (source,) = discover_documents(raw)
    return parse_document(source).metadata


@pytest.mark.parametrize(
    ("folder", "force_id"),
    [
        ("west-midlands", "west-midlands"),
        ("West Midlands Police", "west-midlands"),
        ("WMP", "west-midlands"),
        ("psni", "northern-ireland"),
        ("cleveland-police", "cleveland"),
        ("police-scotland", "scotland"),
        ("met", "metropolitan"),
        ("atlantis", None),
    ],
)
def test_force_folder_is_any_alias_case_and_punctuation_ignored(folder, force_id):
    assert force_id_for(folder) == force_id


def test_unknown_force_folder_is_refused_in_one_sentence(tmp_path):
    with pytest.raises(UnreadableDocument) as refused:
        ingest_one(tmp_path, "atlantis", "answer.txt", "2021 - 35\n")
    assert refused.value.kind == "unknown_force"
    assert refused.value.reason == (
        "the folder 'atlantis' is not a known force or force alias "
        "(see dbt/seeds/force_aliases.csv)"
    )


@pytest.mark.parametrize(
    ("line", "reference"),
    [
        ("Our ref: 707 - 24", "707 - 24"),
        ("FOI Reference No. 4362_13", "4362_13"),
        ("Request Number: F-2009-02734", "F-2009-02734"),
        ("Reference No: FOI/15996", "FOI/15996"),
        ("Freedom of Information Request Reference No: 01.FOI.24.039197", "01.FOI.24.039197"),
        ("Subject: Your request 16134 / PUB 1265", "16134 / PUB 1265"),
        ("Registered sex offenders (FOI 4362-13)", "FOI 4362-13"),
        ("FOI Reference: 233A/22", "233A/22"),
    ],
)
def test_reference_read_from_the_text_in_every_form(tmp_path, line, reference):
    meta = ingest_one(tmp_path, "essex", "answer.txt", f"{line}\n\nThank you for your request.\n")
    assert (meta["reference"], meta["reference_source"]) == (reference, "document")


def test_reference_only_in_the_url(tmp_path):
    meta = ingest_one(
        tmp_path,
        "greater-manchester",
        "page.txt",
        "Please see attached.\n",
        "url: https://www.gmp.police.uk/foi-ai/disclosure-log/foi-2103-22\nsynthetic: true\n",
    )
    assert (meta["reference"], meta["reference_source"]) == ("2103-22", "url")


@pytest.mark.parametrize(
    ("line", "response_date"),
    [
        ("Date: 14 March 2022", "2022-03-14"),
        ("Dated: 10th April 2013", "2013-04-10"),
        ("Date of response: 17 Apr 2013", "2013-04-17"),
        ("Date: 14^th September 2018", "2018-09-14"),
        ("Response date: May 06, 2025", "2025-05-06"),
        ("Dated: 03/02/2021", "03/02/2021"),
    ],
)
def test_response_date_read_from_a_labelled_line(tmp_path, line, response_date):
    meta = ingest_one(tmp_path, "essex", "answer.txt", f"{line}\n\n1. Our answer.\n")
    assert (meta["response_date"], meta["response_date_source"]) == (response_date, "document")


def test_request_and_response_dates_that_disagree_are_both_kept(tmp_path):
    meta = ingest_one(
        tmp_path,
        "essex",
        "answer.txt",
        "Date request received: 1 February 2024\nDate of response: 2 March 2024\n",
    )
    assert (meta["request_date"], meta["response_date"]) == ("2024-02-01", "2024-03-02")


def test_same_disclosure_in_two_formats_has_one_disclosure_key():
    assert disclosure_key("dyfed-powys", "4362_13") == "dyfed-powys:4362-13"
    assert disclosure_key("Dyfed-Powys Police", "4362-13") == "dyfed-powys:4362-13"
    assert disclosure_key("DPP", "FOI 4362/13") == "dyfed-powys:4362-13"
    assert disclosure_key("north-wales", "4362-13") == "north-wales:4362-13"


def test_revised_response_records_what_it_supersedes(tmp_path):
    meta = ingest_one(
        tmp_path,
        "kent",
        "revised.txt",
        "FOI Reference: 22/0456\n\nRevised response: this supersedes our response to FOI "
        "reference 22/0456. Please treat the original response as erroneous.\n",
    )
    assert meta["supersedes"] == "22/0456"
    assert meta["revision_text"] == (
        "Revised response: this supersedes our response to FOI reference 22/0456"
    )
    assert meta["disclosure_key"] == "kent:22-0456"


def test_sidecar_supersedes_wins_over_the_text(tmp_path):
    meta = ingest_one(
        tmp_path,
        "kent",
        "revised.txt",
        "Please treat the original answer as erroneous.\n",
        "supersedes: kent_22-0456.html\nsynthetic: true\n",
    )
    assert meta["supersedes"] == "kent_22-0456.html"
    assert meta["revision_text"] == "Please treat the original answer as erroneous"
