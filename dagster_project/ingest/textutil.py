"""Small text helpers shared by the format parsers: decoding and page-furniture detection."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from dagster_project.ingest.layout import UnreadableDocument

_BARE_DATE = re.compile(r"^\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}$")
_PAGE_NUMBER = re.compile(r"^(page\s+)?\d{1,3}(\s*(of|/)\s*\d{1,3})?$", re.IGNORECASE)
_FORCE_NAME = re.compile(
    r"^([A-Z][A-Za-z&'\-]*\s+){0,4}"
    r"(Police|Constabulary|Police Service|Police Service of Northern Ireland|Police Scotland)"
    r"(\s+(Service|Force))?$"
)
_MARKINGS = re.compile(r"^(OFFICIAL(\s*-\s*SENSITIVE)?|NOT PROTECTIVELY MARKED|UNCLASSIFIED)$")
# Any of the four, tried in one match.
_FURNITURE = re.compile(
    f"(?:{_BARE_DATE.pattern})|(?i:{_PAGE_NUMBER.pattern})|(?:{_FORCE_NAME.pattern})"
    f"|(?:{_MARKINGS.pattern})"
)


def decode_text(data: bytes) -> str:
    """Decode bytes from a text file: UTF-8 (with or without BOM), UTF-16 with BOM, else cp1252."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def is_page_furniture(line: str) -> bool:
    """True for a line that is only a date, a page number, a protective marking or a force name.

    Such lines are what a page break leaves behind in extracted text (the seed disclosure has a
    stray "14/03/2022" and "West Midlands Police" between its answers).
    """
    return bool(_FURNITURE.match(line.strip()))


def bare_date(line: str) -> bool:
    """True when the line is only a date such as 14/03/2022."""
    return bool(_BARE_DATE.match(line.strip()))


# The characters other than ASCII letters that re.IGNORECASE matches to one (İ ı ſ and the
# Kelvin sign, found by testing every code point against each of a-z).
_NON_ASCII_FOLDS = ("\u0130", "\u0131", "\u017f", "\u212a")


def may_contain(text: str, words: tuple[str, ...]) -> bool:
    """False only when none of these lower-case words (their letters ASCII) can be found in
    the text by a case-insensitive regular expression: a cheap test before a slow
    re.IGNORECASE search whose every match holds one of them."""
    if any(fold in text for fold in _NON_ASCII_FOLDS):
        return True
    lowered = text.lower()
    return any(word in lowered for word in words)


MAX_FILE_BYTES = 25 * 1024 * 1024
MAX_UNZIPPED_BYTES = 100 * 1024 * 1024
MAX_ZIP_MEMBERS = 2000


def alias_key(text: str) -> str:
    """A force name as lower-case letters and digits (`West Midlands`: `westmidlands`)."""
    return re.sub(r"[^a-z0-9]", "", text.lower())


def check_zip_container(path: Path, kind: str, limit: int = MAX_UNZIPPED_BYTES) -> None:
    """Refuse an Office file that is not a zip, or whose members would expand without bound.

    Sizes come from the zip directory, read before python-docx or openpyxl inflate anything.
    """
    if not zipfile.is_zipfile(path):
        raise UnreadableDocument(
            f"the file is not a valid {kind} document ({kind} files are zip archives)",
            kind="not_a_zip",
        )
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError) as error:
        raise UnreadableDocument(
            f"the {kind} archive is damaged: {error}", kind="not_a_zip"
        ) from error
    total = sum(member.file_size for member in members)
    if len(members) > MAX_ZIP_MEMBERS or total > limit:
        raise UnreadableDocument(
            f"the {kind} archive would expand to {total:,} bytes ({len(members)} files), over "
            f"the {limit:,}-byte limit (a zip bomb?), so it was not opened",
            kind="zip_bomb",
        )


_MONTH_NAMES = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
_MONTHS = {name: number for number, name in enumerate(_MONTH_NAMES, start=1)}
_DAY_MONTH_YEAR = re.compile(
    r"\b(\d{1,2})\s*(?:\^?(?:st|nd|rd|th))?\s+(?:of\s+)?([A-Za-z]{3,9})\.?,?\s+(\d{4})\b"
)
_MONTH_DAY_YEAR = re.compile(r"\b([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,\s*(\d{4})\b")
NUMERIC_DATE = re.compile(r"\b(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4}|\d{2})\b")


def worded_date(text: str) -> str | None:
    """ISO date of the first date written with a month name: `10th April 2013`, `17 Apr 2013`,
    `14^th September 2018`, `May 06, 2025` (US order). None when there is none."""
    for pattern, order in ((_DAY_MONTH_YEAR, (0, 1, 2)), (_MONTH_DAY_YEAR, (1, 0, 2))):
        for match in pattern.finditer(text):
            day, month, year = (match.group(i + 1) for i in order)
            number = _MONTHS.get(month[:3].lower())
            if number and 1 <= int(day) <= 31:
                return f"{int(year):04d}-{number:02d}-{int(day):02d}"
    return None
