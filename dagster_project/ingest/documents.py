"""Finding the documents under raw/, reading their sidecars, and parsing each one.

No Dagster here: `discover_documents` and `parse_document` are plain functions, testable on a
folder or a single file.
"""

from __future__ import annotations

import csv
import hashlib
import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import cache
from pathlib import Path

import yaml

from dagster_project.ingest.formats.registry import CONTAINERS, PARSERS
from dagster_project.ingest.layout import DocumentLayout, UnreadableDocument
from dagster_project.ingest.structure import DocumentStructure, read_structure
from dagster_project.ingest.textutil import (
    MAX_FILE_BYTES,
    NUMERIC_DATE,
    alias_key,
    bare_date,
    may_contain,
    worded_date,
)
from dagster_project.paths import PROJECT_ROOT

PARSER_VERSION = "1"
SIDECAR_SUFFIX = ".meta.yml"
SIDECAR_KEYS = (
    "force",
    "reference",
    "title",
    "url",
    "request_date",
    "response_date",
    "synthetic",
    "supersedes",
)


@dataclass
class SourceFile:
    """A file found under raw/, before parsing."""

    path: Path
    rel_path: str
    force_hint: str
    format: str
    sidecar: dict = field(default_factory=dict)
    sidecar_error: str | None = None


@dataclass
class ParsedDocument:
    """Everything one document yields for the raw layer."""

    document_id: str
    source: SourceFile
    bytes: int
    metadata: dict
    layout: DocumentLayout
    structure: DocumentStructure
    # A member of an e-mail or zip: the file under raw/ that holds it, and its name inside.
    container_path: str | None = None
    member_name: str | None = None


# One part of a reference: `233A`, `F`, `2009`, `FOI`, `PUB 1265` (letters are capitals, a
# whole word: the `S` of "1187/24 - Sexual Risk Orders" in an e-mail subject is not a part).
_REF_PART = r"(?:[A-Z]{1,5}\s?)?\d+[A-Z]?|[A-Z]{1,5}\b"
_REF = rf"(?:{_REF_PART})(?:\s*[./_\-]\s*(?:{_REF_PART}))*"
# "Our ref: 707 - 24", "FOI Reference No. 4362_13", "Request number: F-2009-02734".
_LABELLED_REFERENCE = re.compile(
    r"(?i:\b(?:our\s+|your\s+|foi\s+|request\s+)?(?:ref(?:erence)?|request)\b\.?"
    r"(?:\s*(?:no|number|id)\b\.?)?\s*[:#]?\s*)"
    rf"(?P<ref>{_REF})"
)
# References in their own shapes wherever they stand: F-2009-02734, 01.FOI.24.039197,
# FOI/15996, FOI 4362-13.
_SHAPED_REFERENCE = re.compile(
    r"\b(?P<ref>F-\d{4}-\d{3,6}|\d{2}\.FOI\.\d{2}\.\d{3,7}|FOI\s*/\s*\d{3,7}"
    r"|FOI\s+\d{2,6}(?:\s*[_/\-]\s*\d{2,6})?)\b"
)
_URL_REFERENCE = re.compile(r"(?i:foi|request|disclosure)[-_/]*(?P<ref>\d[\dA-Za-z]*(?:[-_]\d+)*)")
_FILENAME_REFERENCE = re.compile(r"_(\d+[A-Za-z]?-\d{2,4})$")
_RESPONSE_DATE_LINE = re.compile(
    r"^\s*(?:date(?:d)?(?!\s+(?:of\s+)?(?:request|received))|response date|"
    r"date of (?:response|reply)|date responded|sent)\b"
    r"\s*(?:on)?\s*[:\-]?\s*(?P<date>.{6,40})$",
    re.IGNORECASE | re.MULTILINE,
)
_REQUEST_DATE_LINE = re.compile(
    r"^\s*(?:date (?:of request|request received|received)|request date|received)\b"
    r"\s*(?:on)?\s*[:\-]?\s*(?P<date>.{6,40})$",
    re.IGNORECASE | re.MULTILINE,
)
# The notice's keywords alone: the sentence around them is found by `_revision_sentence`
# (a leading `[^.\n]*` in the pattern made the search quadratic in the sentence's length).
_REVISION = re.compile(
    r"\b(?:revised response|amended response|corrected response|supersedes|"
    r"replaces (?:our|the) (?:previous|earlier|original)|treat (?:the|our) (?:original|previous|"
    r"earlier) (?:response|answer|disclosure)? ?as erroneous)\b",
    re.IGNORECASE,
)
_REVISION_WORDS = ("response", "supersedes", "replaces", "erroneous")
_SUPERSEDED_REFERENCE = re.compile(
    rf"(?i:(?:supersedes|replaces)[^.\n]*?(?:ref(?:erence)?|request|foi)\b\.?\s*(?:no\.?)?"
    rf"\s*[:#]?\s*)(?P<ref>{_REF})"
)
ALIASES_SEED = PROJECT_ROOT / "dbt" / "seeds" / "force_aliases.csv"
# libyaml's safe loader when PyYAML was built with it: 8x faster, and a build reads every
# sidecar twice (raw/files and the ingest).
_YAML = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def document_paths(raw_dir: Path) -> list[Path]:
    """Every document file under raw_dir, sorted: not sidecars, hidden files or READMEs."""
    return sorted(
        path
        for path in raw_dir.rglob("*")
        if path.is_file()
        and not path.name.endswith(SIDECAR_SUFFIX)
        and not path.name.startswith(".")
        and path.name != "README.md"
    )


def sidecar_paths(path: Path) -> tuple[Path, Path]:
    """The two spellings of a document's sidecar: `X.meta.yml` (shared by every format of X)
    and `X.docx.meta.yml` (this file only)."""
    return path.with_name(path.stem + SIDECAR_SUFFIX), path.with_name(path.name + SIDECAR_SUFFIX)


def discovery_warnings(raw_dir: Path, sources: list[SourceFile]) -> list[tuple[str, str, str]]:
    """(path, reason, kind) for what raw_dir holds that no document uses: a sidecar with no
    document beside it, a force folder with no document in it."""
    claimed = {sidecar for source in sources for sidecar in sidecar_paths(source.path)}
    warnings = [
        (
            sidecar.relative_to(raw_dir).as_posix(),
            f"the sidecar {sidecar.name} describes no document: no file named "
            f"{sidecar.name.removesuffix(SIDECAR_SUFFIX)} (or with that stem) beside it",
            "warning_orphan_sidecar",
        )
        for sidecar in sorted(raw_dir.rglob("*" + SIDECAR_SUFFIX))
        if sidecar not in claimed and not sidecar.name.startswith(".")
    ]
    used = {source.path.relative_to(raw_dir).parts[0] for source in sources}
    warnings.extend(
        (
            folder.name,
            f"the force folder {folder.name} holds no document",
            "warning_empty_folder",
        )
        for folder in sorted(raw_dir.iterdir())
        if folder.is_dir()
        and not folder.name.startswith(".")
        and folder.name not in used
        and not any(folder.rglob("*" + SIDECAR_SUFFIX))
    )
    return warnings


def document_format(path: Path) -> str:
    return path.suffix.lower().lstrip(".")


def discover_documents(raw_dir: Path) -> list[SourceFile]:
    """Every document file under raw_dir/<force>/, sorted by path; sidecars are attached."""
    found: list[SourceFile] = []
    for path in document_paths(raw_dir):
        rel = path.relative_to(raw_dir)
        force_hint = rel.parts[0] if len(rel.parts) > 1 else ""
        source = SourceFile(
            path=path,
            rel_path=rel.as_posix(),
            force_hint=force_hint,
            format=document_format(path),
        )
        for sidecar in sidecar_paths(path):
            if not sidecar.exists():
                continue
            try:
                loaded = yaml.load(sidecar.read_text(encoding="utf-8"), Loader=_YAML) or {}
                if not isinstance(loaded, dict):
                    raise ValueError("it is not a mapping of keys to values")
                # `X.docx.meta.yml` comes second: what it says about X.docx wins.
                source.sidecar |= {k: v for k, v in loaded.items() if k in SIDECAR_KEYS}
            except (yaml.YAMLError, ValueError, UnicodeDecodeError) as error:
                source.sidecar_error = f"sidecar {sidecar.name} could not be read: {error}"
        if source.sidecar.get("force"):
            source.force_hint = str(source.sidecar["force"])
        found.append(source)
    return found


def content_hash(path: Path) -> tuple[str, int]:
    """sha256 hex digest and size of a file, read in chunks."""
    digest = hashlib.sha256()
    size = 0
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


def _as_text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime | date):
        return value.isoformat()[:10]
    return str(value)


def _revision_sentence(text: str) -> str | None:
    """The sentence (up to a full stop or line end) holding the first revision notice."""
    match = _REVISION.search(text) if may_contain(text, _REVISION_WORDS) else None
    if match is None:
        return None
    start = max(text.rfind(".", 0, match.start()), text.rfind("\n", 0, match.start())) + 1
    ends = [i for i in (text.find(".", match.end()), text.find("\n", match.end())) if i != -1]
    return text[start : min(ends) if ends else len(text)]


def read_metadata(source: SourceFile, layout: DocumentLayout) -> dict:
    """Reference, title, dates, revision and the synthetic flag: the sidecar wins, else the
    document's text, else its URL or file name. `disclosure_key` (force + reference with its
    separators normalised) is the same for one disclosure in any format or crawl."""
    side = source.sidecar
    text = layout.full_text
    reference, reference_source = _reference(source, text)
    response_date = _as_text(side.get("response_date"))
    response_date_source = "sidecar" if response_date else None
    if not response_date:
        response_date = _labelled_date(_RESPONSE_DATE_LINE, text)
        response_date_source = "document" if response_date else None
    if not response_date:
        dated = [p.text for p in layout.furniture if bare_date(p.text)]
        if dated:
            # A date printed alone in the page furniture is the letter's date.
            response_date, response_date_source = dated[-1], "document (page furniture)"
    request_date = _as_text(side.get("request_date")) or _labelled_date(_REQUEST_DATE_LINE, text)
    title = _as_text(side.get("title"))
    if not title:
        first = next((b for b in layout.blocks if hasattr(b, "text")), None)
        title = first.text[:200] if first is not None else None
    revision = _revision_sentence(text)
    supersedes = _as_text(side.get("supersedes"))
    if not supersedes and revision:
        superseded = _SUPERSEDED_REFERENCE.search(revision)
        supersedes = superseded.group("ref") if superseded else None
    return {
        "reference": reference,
        "reference_source": reference_source,
        "title": title,
        "url": _as_text(side.get("url")),
        "request_date": request_date,
        "response_date": response_date,
        "response_date_source": response_date_source,
        "synthetic": bool(side.get("synthetic", False)),
        "supersedes": supersedes,
        "revision_text": " ".join(revision.split()) if revision else None,
        "disclosure_key": disclosure_key(source.force_hint, reference),
    }


def _reference(source: SourceFile, text: str) -> tuple[str | None, str | None]:
    """The reference and where it was read: sidecar, document, URL or file name."""
    side_reference = _as_text(source.sidecar.get("reference"))
    if side_reference:
        return side_reference, "sidecar"
    for pattern in (_LABELLED_REFERENCE, _SHAPED_REFERENCE):
        for match in pattern.finditer(text):
            found = " ".join(match.group("ref").split())
            if any(ch.isdigit() for ch in found):
                return found, "document"
    url = _as_text(source.sidecar.get("url"))
    url_match = _URL_REFERENCE.search(url.rsplit("/", 1)[-1]) if url else None
    if url_match:
        return url_match.group("ref"), "url"
    stem_match = _FILENAME_REFERENCE.search(source.path.stem)
    if stem_match:
        return stem_match.group(1), "file name"
    return None, None


def _labelled_date(pattern: re.Pattern[str], text: str) -> str | None:
    """The date on a labelled line (`Dated: 14 March 2022`): ISO when written with a month
    name, as printed when numeric (UK day-first; dbt reads it)."""
    for match in pattern.finditer(text):
        value = match.group("date")
        found = worded_date(value)
        if found:
            return found
        numeric = NUMERIC_DATE.search(value)
        if numeric:
            return numeric.group(0)
    return None


def disclosure_key(force_hint: str, reference: str | None) -> str | None:
    """`<force id>:<reference>` with case, separators and an `FOI` prefix ignored, so
    `4362_13`, `4362-13` and `FOI 4362/13` from one force are one disclosure."""
    if not reference:
        return None
    force = force_id_for(force_hint) or alias_key(force_hint)
    key = re.sub(r"[^a-z0-9]+", "-", reference.lower()).strip("-")
    key = re.sub(r"^foi-(?=\d)", "", key)
    return f"{force}:{key}"


@cache
def _force_aliases() -> dict[str, str]:
    with ALIASES_SEED.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    aliases = {alias_key(row["alias"]): row["force_id"] for row in rows}
    aliases.update({alias_key(row["force_id"]): row["force_id"] for row in rows})
    return aliases


def force_id_for(name: str) -> str | None:
    """The force id for a folder name or alias (case and punctuation ignored), else None."""
    return _force_aliases().get(alias_key(name)) if name else None


def parse_document(source: SourceFile) -> ParsedDocument:
    """Parse one file. Raises UnreadableDocument with a one-sentence reason when it cannot."""
    check_source(source)
    parser = PARSERS[source.format]
    document_id, size = content_hash(source.path)
    try:
        layout = parser(source.path)
    except UnreadableDocument:
        raise
    except Exception as error:  # a parser library's own failure, in one sentence
        raise UnreadableDocument(
            f"the {source.format.upper()} parser failed: {type(error).__name__}: {error}",
            kind="parser_error",
        ) from error
    try:
        structure = read_structure(layout)
        metadata = read_metadata(source, layout)
    except Exception as error:  # a layout no rule foresaw: this file fails, the others land
        raise UnreadableDocument(
            f"the document's layout could not be read: {type(error).__name__}: {error}",
            kind="parser_error",
        ) from error
    return ParsedDocument(
        document_id=document_id,
        source=source,
        bytes=size,
        metadata=metadata,
        layout=layout,
        structure=structure,
    )


def check_source(source: SourceFile) -> None:
    """Refuse a file before any parser opens it: an unsupported ending, empty, too large, or
    outside a known force's folder."""
    if source.format not in PARSERS and source.format not in CONTAINERS:
        raise UnreadableDocument(
            f"files ending .{source.format or '(none)'} are not a supported format "
            f"(supported: {', '.join(sorted([*PARSERS, *CONTAINERS]))})",
            kind="warning_unsupported_format",
        )
    size = source.path.stat().st_size
    if size == 0:
        raise UnreadableDocument("the file is empty", kind="empty")
    if size > MAX_FILE_BYTES:
        raise UnreadableDocument(
            f"the file is {size:,} bytes, over the {MAX_FILE_BYTES:,}-byte limit for one document",
            kind="too_large",
        )
    if force_id_for(source.force_hint) is None:
        raise UnreadableDocument(
            f"the folder {source.force_hint!r} is not a known force or force alias "
            "(see dbt/seeds/force_aliases.csv)",
            kind="unknown_force",
        )


def now_utc() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)
