"""Containers: an e-mail (.eml) or a zip under raw/ is read member by member.

The e-mail's body and each attachment, each file of a zip (recursively: a zip attached to an
e-mail, a zip in a zip) becomes a document of its own, parsed like any file and recorded with
`container_path` (the file under raw/) and `member_name` (its path inside, nested members
joined by `/`). A member inherits the force, reference and response date of its container (an
e-mail's Subject and Date header) unless it states its own. A member that cannot be read or is
refused by a guard (path traversal, encryption, zip bomb, nesting depth) is one refusal naming
the container and the member; the container's other members still land.
"""

from __future__ import annotations

import json
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from dagster_project.ingest.documents import (
    ParsedDocument,
    SourceFile,
    check_source,
    content_hash,
    disclosure_key,
    parse_document,
    read_metadata,
)
from dagster_project.ingest.formats.members import Contents, Member
from dagster_project.ingest.formats.registry import CONTAINERS
from dagster_project.ingest.layout import DocumentLayout, UnreadableDocument
from dagster_project.ingest.raw_tables import CachedFile, IngestError
from dagster_project.ingest.textutil import MAX_UNZIPPED_BYTES

# Containers one inside another, the file under raw/ included (a zip in an e-mail is 2).
MAX_NESTING = 3
# How strongly a reference or date was stated; a member keeps its own unless its container's
# is stronger (a Subject line beats a guess from a file name).
_REFERENCE_STRENGTH = {"sidecar": 4, "document": 3, "e-mail subject": 3, "url": 2, "file name": 1}
_DATE_STRENGTH = {"sidecar": 3, "document": 2, "e-mail date": 2, "document (page furniture)": 1}
_UNSAFE_NAME = re.compile(r"[^\w.\- ]+")


@dataclass
class FileOutcome:
    """What one file under raw/ gave: its content hash, the documents parsed from it (one for
    a plain file, one per readable member of a container) and the members refused."""

    document_id: str
    documents: list[ParsedDocument]
    refusals: list[UnreadableDocument] = field(default_factory=list)


def parse_file(source: SourceFile) -> FileOutcome:
    """Parse a file under raw/: a plain document, or every member of a container. Raises
    UnreadableDocument when the file itself cannot be read."""
    if source.format not in CONTAINERS:
        document = parse_document(source)
        return FileOutcome(document.document_id, [document])
    check_source(source)
    document_id, _size = content_hash(source.path)
    with tempfile.TemporaryDirectory(prefix="foi-members-") as folder:
        walk = _Walk(source, Path(folder))
        walk.expand(source.format, source.path.read_bytes(), source.path.name, "", 1, None)
    if not walk.documents and not walk.refusals:
        raise UnreadableDocument(f"the {source.format} file holds no documents", kind="empty")
    return FileOutcome(document_id, walk.documents, walk.refusals)


class _Walk:
    """One container's expansion: the documents and refusals found so far, the bytes its
    members may still inflate to, and the documents already seen (a file attached twice is
    one document)."""

    def __init__(self, source: SourceFile, folder: Path) -> None:
        self.source = source
        self.folder = folder
        self.budget = MAX_UNZIPPED_BYTES
        self.documents: list[ParsedDocument] = []
        self.refusals: list[UnreadableDocument] = []
        self.seen: set[str] = set()
        self.parsed = 0

    def expand(
        self,
        container_format: str,
        data: bytes,
        container_name: str,
        prefix: str,
        depth: int,
        inherited: dict | None,
    ) -> None:
        contents = CONTAINERS[container_format](data, self.budget)
        self.budget -= sum(len(member.data) for member in contents.members)
        meta = self._container_metadata(contents, container_name, inherited)
        for refusal in contents.refusals:
            self._refuse(prefix + refusal.name, refusal.reason, refusal.kind)
        for member in contents.members:
            name = prefix + member.name
            if member.format not in CONTAINERS:
                self._parse_member(member, name, meta)
            elif depth >= MAX_NESTING:
                self._refuse(
                    name,
                    f"it is a container inside {depth} others (at most {MAX_NESTING} may "
                    "sit one in another), so it was not opened",
                    "too_deep",
                )
            else:
                try:
                    self.expand(
                        member.format, member.data, member.name, name + "/", depth + 1, meta
                    )
                except UnreadableDocument as error:
                    self._refuse(name, error.reason, error.kind)

    def _container_metadata(
        self, contents: Contents, container_name: str, inherited: dict | None
    ) -> dict:
        """The reference and dates a container gives its members: an e-mail's Subject and Date
        header (read as a `Date:` line), else the sidecar or the container's file name."""
        lines = []
        if contents.subject:
            lines.append(f"Subject: {contents.subject}")
        if contents.sent:
            lines.append(f"Date: {contents.sent.day} {contents.sent:%B %Y}")
        named = SourceFile(
            Path(container_name),
            self.source.rel_path,
            self.source.force_hint,
            self.source.format,
            self.source.sidecar,
        )
        meta = read_metadata(named, DocumentLayout(full_text="\n".join(lines)))
        if meta["reference_source"] == "document":
            meta["reference_source"] = "e-mail subject"
        if meta["response_date_source"] == "document":
            meta["response_date_source"] = "e-mail date"
        return _inherit(meta, inherited, self.source.force_hint)

    def _parse_member(self, member: Member, name: str, inherited: dict) -> None:
        self.parsed += 1
        folder = self.folder / str(self.parsed)
        folder.mkdir()
        # The member's own base name keeps its ending and any reference in its file name.
        base = _UNSAFE_NAME.sub("_", member.name.replace("\\", "/").rsplit("/", 1)[-1]) or "member"
        path = folder / base
        path.write_bytes(member.data)
        source = SourceFile(
            path, self.source.rel_path, self.source.force_hint, member.format, self.source.sidecar
        )
        try:
            document = parse_document(source)
        except UnreadableDocument as error:
            self._refuse(name, error.reason, error.kind)
            return
        finally:
            path.unlink()
        if document.document_id in self.seen:
            return
        self.seen.add(document.document_id)
        document.metadata = _inherit(document.metadata, inherited, self.source.force_hint)
        document.container_path = self.source.rel_path
        document.member_name = name
        self.documents.append(document)

    def _refuse(self, name: str, reason: str, kind: str) -> None:
        self.refusals.append(
            UnreadableDocument(f"member {name!r} of {self.source.path.name}: {reason}", kind=kind)
        )


def _inherit(meta: dict, container: dict | None, force_hint: str) -> dict:
    """A member's metadata with its container's reference, dates and title filled in where the
    member states none (or only a weaker one)."""
    if container is None:
        return meta
    meta = dict(meta)
    own = _REFERENCE_STRENGTH.get(meta["reference_source"], 0)
    if container["reference"] and _REFERENCE_STRENGTH.get(container["reference_source"], 0) > own:
        meta["reference"] = container["reference"]
        meta["reference_source"] = container["reference_source"]
        meta["disclosure_key"] = disclosure_key(force_hint, meta["reference"])
    own = _DATE_STRENGTH.get(meta["response_date_source"], 0)
    stated = _DATE_STRENGTH.get(container["response_date_source"], 0)
    if container["response_date"] and stated > own:
        meta["response_date"] = container["response_date"]
        meta["response_date_source"] = container["response_date_source"]
    meta["request_date"] = meta["request_date"] or container["request_date"]
    return meta


# The parse cache's error_kind for a container parsed with members refused; its reason holds
# them, so an unchanged container reports them again without being parsed again.
REFUSED_MEMBERS = "refused_members"


def refusals_note(refusals: list[UnreadableDocument]) -> tuple[str | None, str | None]:
    """(reason, error_kind) for the cache entry of a container with these refusals."""
    if not refusals:
        return None, None
    return json.dumps([[r.reason, r.kind] for r in refusals]), REFUSED_MEMBERS


def refusal_errors(entry: CachedFile) -> list[IngestError]:
    """The member refusals a cache entry noted, as ingest errors of its container."""
    if entry.error_kind != REFUSED_MEMBERS or entry.outcome != "parsed":
        return []
    return [IngestError(entry.path, r, k, entry.seen_at) for r, k in json.loads(entry.reason)]
