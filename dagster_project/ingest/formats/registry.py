"""File ending -> format parser. Add a format by adding its parser here.

Containers (e-mails and zips) hold documents rather than being one: `ingest/containers.py`
reads them with the readers in CONTAINERS and parses each member with PARSERS."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from dagster_project.ingest.formats.archive import read_zip
from dagster_project.ingest.formats.csv import parse_csv
from dagster_project.ingest.formats.doc import parse_doc
from dagster_project.ingest.formats.docx import parse_docx
from dagster_project.ingest.formats.eml import read_eml
from dagster_project.ingest.formats.html import parse_html
from dagster_project.ingest.formats.members import Contents
from dagster_project.ingest.formats.msg import read_msg
from dagster_project.ingest.formats.ods import parse_ods
from dagster_project.ingest.formats.odt import parse_odt
from dagster_project.ingest.formats.pdf import parse_pdf
from dagster_project.ingest.formats.text import parse_text
from dagster_project.ingest.formats.xls import parse_xls
from dagster_project.ingest.formats.xlsx import parse_xlsx
from dagster_project.ingest.layout import DocumentLayout

PARSERS: dict[str, Callable[[Path], DocumentLayout]] = {
    "txt": parse_text,
    "pdf": parse_pdf,
    "docx": parse_docx,
    "doc": parse_doc,
    "xlsx": parse_xlsx,
    "xls": parse_xls,
    "ods": parse_ods,
    "odt": parse_odt,
    "csv": parse_csv,
    "html": parse_html,
    "htm": parse_html,
}

# A reader gets the container's bytes and how many bytes its members may inflate to.
CONTAINERS: dict[str, Callable[[bytes, int], Contents]] = {
    "eml": read_eml,
    "msg": read_msg,
    "zip": read_zip,
}
