"""What a container reader (e-mail, zip) hands back: the files inside it, and the ones it
refused, each by its name inside the container."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Member:
    """One file inside a container: its name there, its bytes and its format (file ending)."""

    name: str
    data: bytes
    format: str


@dataclass(frozen=True)
class Refusal:
    """A member the reader would not open, with one sentence why."""

    name: str
    reason: str
    kind: str


@dataclass
class Contents:
    """A container's members and refusals; an e-mail also gives its Subject and Date."""

    members: list[Member] = field(default_factory=list)
    refusals: list[Refusal] = field(default_factory=list)
    subject: str | None = None
    sent: date | None = None


def ending(name: str) -> str:
    """The format of a member named `name`: its file ending, lower case, without the dot."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    return base.rsplit(".", 1)[-1].lower() if "." in base else ""
