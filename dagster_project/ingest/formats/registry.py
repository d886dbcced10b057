"""File ending -> format parser. Add a format by adding its parser here."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from dagster_project.ingest.formats.text import parse_text
from dagster_project.ingest.layout import DocumentLayout

PARSERS: dict[str, Callable[[Path], DocumentLayout]] = {
    "txt": parse_text,
}
