"""Zip archives (.zip): every member read from the archive's own directory, with guards.

Nothing is extracted to disk by its stored name. A member is refused, in one sentence naming
it, when its path leads out of the archive (`../`, an absolute path or a drive letter), when it
is encrypted, when it would inflate more than MAX_RATIO times its packed size (a zip bomb) or
past what is left of the byte budget of the whole file. The other members are still read.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import PurePosixPath

from dagster_project.ingest.formats.members import Contents, Member, Refusal, ending
from dagster_project.ingest.layout import UnreadableDocument
from dagster_project.ingest.textutil import MAX_ZIP_MEMBERS

# Text and XML deflate 5-20 times; a run of zeros deflates 1,000 times.
MAX_RATIO = 100
# Members smaller than this may pack as tightly as they like: they cannot exhaust memory.
RATIO_FLOOR = 1 << 20
# Folders and files that archiving tools add beside the documents.
_TOOL_FILES = ("__MACOSX/", ".DS_Store", "Thumbs.db", "desktop.ini")
_ENCRYPTED_FLAG = 0x1


def read_zip(data: bytes, budget: int) -> Contents:
    """The members of a zip held in `data`; `budget` is how many bytes they may inflate to
    in all. Raises UnreadableDocument when the bytes are not a zip."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError) as error:
        raise UnreadableDocument(
            f"the file is not a zip archive, or it is damaged ({error})", kind="not_a_zip"
        ) from error
    contents = Contents()
    with archive:
        infos = [i for i in archive.infolist() if not i.is_dir() and not _tool_file(i.filename)]
        if len(infos) > MAX_ZIP_MEMBERS:
            raise UnreadableDocument(
                f"the zip holds {len(infos):,} files, over the limit of {MAX_ZIP_MEMBERS:,} "
                "(a zip bomb?), so it was not opened",
                kind="zip_bomb",
            )
        for info in infos:
            refusal = _refusal(info, budget)
            if refusal is not None:
                contents.refusals.append(refusal)
                continue
            try:
                payload = archive.read(info)
            except (zipfile.BadZipFile, NotImplementedError, EOFError, zlib.error) as error:
                reason = f"it is damaged and could not be read ({error})"
                contents.refusals.append(Refusal(info.filename, reason, "damaged"))
                continue
            budget -= len(payload)
            contents.members.append(Member(info.filename, payload, ending(info.filename)))
    return contents


def _tool_file(name: str) -> bool:
    return name.startswith(_TOOL_FILES[0]) or PurePosixPath(name).name in _TOOL_FILES[1:]


def _escapes(name: str) -> bool:
    """True when a stored path would lead out of the folder it was unpacked into."""
    path = name.replace("\\", "/")
    return path.startswith("/") or path[1:2] == ":" or ".." in PurePosixPath(path).parts


def _refusal(info: zipfile.ZipInfo, budget: int) -> Refusal | None:
    name = info.filename
    if _escapes(name):
        return Refusal(
            name,
            "its path leads outside the archive (../, an absolute path or a drive), so it was "
            "not read",
            "path_traversal",
        )
    if info.flag_bits & _ENCRYPTED_FLAG:
        return Refusal(name, "it is encrypted with a password, so it cannot be read", "encrypted")
    packed = max(info.compress_size, 1)
    if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * packed:
        return Refusal(
            name,
            f"it would inflate from {info.compress_size:,} to {info.file_size:,} bytes, over "
            f"{MAX_RATIO} times its packed size (a zip bomb?), so it was not opened",
            "zip_bomb",
        )
    if info.file_size > budget:
        return Refusal(
            name,
            f"it would inflate to {info.file_size:,} bytes, past the {budget:,} bytes left of "
            "the limit for one file's contents (a zip bomb?), so it was not opened",
            "zip_bomb",
        )
    return None
