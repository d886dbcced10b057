"""Outlook messages (.msg, MS-OXMSG in an OLE compound file): the body and every attachment,
read with extract-msg.

The same members as an .eml (see eml.py): the plain-text body, else the HTML one; each attached
file by its name; an attached message as a member ending `.msg`, read in turn. An attachment
Outlook hides from the attachment bar (an image shown in the body, a signature logo) is not a
document. The Subject and the sent date describe every member (see containers.py).
"""

from __future__ import annotations

import logging

import extract_msg
from extract_msg.enums import AttachmentType
from extract_msg.msg_classes import MessageBase

from dagster_project.ingest.formats.eml import BODY_NAME
from dagster_project.ingest.formats.members import Contents, Member, ending
from dagster_project.ingest.layout import UnreadableDocument

# extract-msg logs a warning for every property it does not know; the ingest reports its own.
logging.getLogger("extract_msg").setLevel(logging.ERROR)


def read_msg(data: bytes, _budget: int) -> Contents:
    """The body and attachments of one Outlook message held in `data`."""
    try:
        message = extract_msg.openMsg(data)
    except Exception as error:  # extract-msg and olefile raise many kinds for a bad file
        raise UnreadableDocument(
            f"the file is not an Outlook message, or it is damaged ({type(error).__name__})",
            kind="not_a_msg",
        ) from error
    try:
        if not isinstance(message, MessageBase):
            raise UnreadableDocument(
                f"the Outlook file is a {type(message).__name__}, not an e-mail message",
                kind="not_a_msg",
            )
        return _contents(message)
    finally:
        message.close()


def _contents(message: MessageBase) -> Contents:
    sent = message.date
    contents = Contents(
        subject=" ".join((message.subject or "").split()) or None,
        sent=sent.date() if sent is not None else None,
    )
    if (message.body or "").strip():
        contents.members.append(Member(BODY_NAME, message.body.encode("utf-8"), "txt"))
    elif message.htmlBody:
        contents.members.append(Member(BODY_NAME, message.htmlBody, "html"))
    for number, attachment in enumerate(message.attachments, start=1):
        if attachment.hidden:
            continue  # shown inside the body, not in the attachment bar
        name = attachment.longFilename or attachment.shortFilename or f"attachment {number}"
        if attachment.type == AttachmentType.MSG:
            embedded = attachment.data
            contents.members.append(Member(f"{name}.msg", embedded.exportBytes(), "msg"))
        elif isinstance(attachment.data, bytes):
            contents.members.append(Member(name, attachment.data, ending(name)))
    return contents
