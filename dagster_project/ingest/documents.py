"""Finding the documents under raw/, reading their sidecars, and parsing each one.

No Dagster here: `discover_documents` and `parse_document` are plain functions, testable on a
folder or a single file.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

import yaml

from dagster_project.ingest.formats.registry import PARSERS
from dagster_project.ingest.layout import DocumentLayout, UnreadableDocument
from dagster_project.ingest.structure import DocumentStructure, read_structure
from dagster_project.ingest.textutil import bare_date

PARSER_VERSION = "1"
SIDECAR_SUFFIX = ".meta.yml"
SIDECAR_KEYS = (
    "force", "reference", "title", "url", "request_date", "response_date", "synthetic",
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


_REFERENCE = re.compile(
    r"\b(?:FOI|freedom of information)?\s*(?:request\s+)?(?:ref(?:erence)?\.?|our ref\.?)"
    r"\s*(?:no\.?|number)?\s*[:#]?\s*([A-Z0-9][A-Z0-9./_\- ]{1,30}[A-Z0-9])",
    re.IGNORECASE,
)
_FILENAME_REFERENCE = re.compile(r"_(\d+[A-Za-z]?-\d{2,4})$")


def discover_documents(raw_dir: Path) -> list[SourceFile]:
    """Every document file under raw_dir/<force>/, sorted by path; sidecars are attached."""
    found: list[SourceFile] = []
    for path in sorted(p for p in raw_dir.rglob("*") if p.is_file()):
        name = path.name
        if name.endswith(SIDECAR_SUFFIX) or name.startswith(".") or name == "README.md":
            continue
        rel = path.relative_to(raw_dir)
        force_hint = rel.parts[0] if len(rel.parts) > 1 else ""
        source = SourceFile(
            path=path,
            rel_path=rel.as_posix(),
            force_hint=force_hint,
            format=path.suffix.lower().lstrip("."),
        )
        sidecar = path.with_name(path.stem + SIDECAR_SUFFIX)
        if sidecar.exists():
            try:
                loaded = yaml.safe_load(sidecar.read_text(encoding="utf-8")) or {}
                if not isinstance(loaded, dict):
                    raise ValueError("it is not a mapping of keys to values")
                source.sidecar = {k: v for k, v in loaded.items() if k in SIDECAR_KEYS}
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


def read_metadata(source: SourceFile, layout: DocumentLayout) -> dict:
    """Reference, title, dates and the synthetic flag: from the sidecar, else from the text."""
    side = source.sidecar
    text = layout.full_text
    reference = _as_text(side.get("reference"))
    reference_source = "sidecar" if reference else None
    if not reference:
        match = _REFERENCE.search(text)
        if match:
            reference, reference_source = match.group(1).strip(), "document"
        else:
            stem_match = _FILENAME_REFERENCE.search(source.path.stem)
            if stem_match:
                reference, reference_source = stem_match.group(1), "file name"
    response_date = _as_text(side.get("response_date"))
    response_date_source = "sidecar" if response_date else None
    if not response_date:
        dated = [p.text for p in layout.furniture if bare_date(p.text)]
        if dated:
            # A date printed alone in the page furniture is the letter's date.
            response_date, response_date_source = dated[-1], "document (page furniture)"
    title = _as_text(side.get("title"))
    if not title:
        first = next((b for b in layout.blocks if hasattr(b, "text")), None)
        title = first.text[:200] if first is not None else None
    return {
        "reference": reference,
        "reference_source": reference_source,
        "title": title,
        "url": _as_text(side.get("url")),
        "request_date": _as_text(side.get("request_date")),
        "response_date": response_date,
        "response_date_source": response_date_source,
        "synthetic": bool(side.get("synthetic", False)),
        "supersedes": _as_text(side.get("supersedes")),
    }


def parse_document(source: SourceFile) -> ParsedDocument:
    """Parse one file. Raises UnreadableDocument with a one-sentence reason when it cannot."""
    parser = PARSERS.get(source.format)
    if parser is None:
        raise UnreadableDocument(
            f"files ending .{source.format or '(none)'} are not a supported format "
            f"(supported: {', '.join(sorted(PARSERS))})",
            kind="unsupported_format",
        )
    document_id, size = content_hash(source.path)
    if size == 0:
        raise UnreadableDocument("the file is empty", kind="empty")
    try:
        layout = parser(source.path)
    except UnreadableDocument:
        raise
    except Exception as error:  # a parser library's own failure, in one sentence
        raise UnreadableDocument(
            f"the {source.format.upper()} parser failed: {type(error).__name__}: {error}",
            kind="parser_error",
        ) from error
    structure = read_structure(layout)
    return ParsedDocument(
        document_id=document_id,
        source=source,
        bytes=size,
        metadata=read_metadata(source, layout),
        layout=layout,
        structure=structure,
    )


def now_utc() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)
