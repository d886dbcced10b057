"""E-mail (.eml, RFC 5322): the body and every attachment, read with the standard library.

The body is the plain-text part, else the HTML one. Each attachment is a member named by its
file name; an attached e-mail (`message/rfc822`) is a member ending `.eml`, read in turn. An
image shown inside the message (a signature logo, anything with a Content-ID or shown inline)
is not a document. The Subject and the Date header describe every member (see containers.py).
"""

from __future__ import annotations

import mimetypes
from collections.abc import Iterator
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser

from dagster_project.ingest.formats.members import Contents, Member, ending

BODY_NAME = "(body)"


def read_eml(data: bytes, _budget: int) -> Contents:
    """The body and attachments of one e-mail message held in `data`."""
    message = BytesParser(policy=policy.default).parsebytes(data)
    return message_contents(message)


def message_contents(message: EmailMessage) -> Contents:
    """The body, attachments, Subject and Date of a parsed message."""
    date_header = message.get("Date")
    sent = getattr(date_header, "datetime", None)
    contents = Contents(
        subject=" ".join(str(message.get("Subject", "")).split()) or None,
        sent=sent.date() if sent is not None else None,
    )
    body = message.get_body(preferencelist=("plain", "html"))
    if body is not None:
        text = body.get_content()
        if text.strip():
            body_format = "html" if body.get_content_subtype() == "html" else "txt"
            contents.members.append(Member(BODY_NAME, text.encode("utf-8"), body_format))
    for number, part in enumerate(_leaf_parts(message), start=1):
        if part is body:
            continue
        member = _attachment(part, number)
        if member is not None:
            contents.members.append(member)
    return contents


def _leaf_parts(part: EmailMessage) -> Iterator[EmailMessage]:
    """Every part that holds content, in order; an attached message is one part, not opened."""
    if part.get_content_type() == "message/rfc822" or not part.is_multipart():
        yield part
        return
    for sub in part.iter_parts():
        yield from _leaf_parts(sub)


def _attachment(part: EmailMessage, number: int) -> Member | None:
    """The member an attachment part holds, or None for a body alternative or inline image."""
    disposition = part.get_content_disposition()
    filename = part.get_filename()
    if part.get_content_type() == "message/rfc822":
        (attached,) = part.iter_parts()
        name = filename or f"attached message {number}.eml"
        return Member(name, attached.as_bytes(policy=policy.SMTP), "eml")
    if part.get_content_maintype() == "image" and (
        disposition != "attachment" or part.get("Content-ID")
    ):
        return None  # a logo or picture shown in the message
    if not filename and disposition != "attachment":
        return None  # the other rendering of the body (HTML beside plain text)
    payload = part.get_payload(decode=True) or b""
    guessed = mimetypes.guess_extension(part.get_content_type()) or ""
    name = filename or f"attachment {number}{guessed}"
    return Member(name, payload, ending(name))
