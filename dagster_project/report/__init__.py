"""The static comparison report: `build_report` writes `<out>/index.html` and a copy of every
source document it links to, so the folder opens offline and can be passed around whole."""

from __future__ import annotations

import shutil
from pathlib import Path

from dagster_project.report import data, page

SOURCE_DIR = "sources"


def build_report(warehouse: Path, raw_dir: Path, out_dir: Path) -> Path:
    """Write the report for the published `warehouse` into `out_dir`; returns index.html.

    Source documents are copied from `raw_dir` into `out_dir/sources/` when they are there,
    unless the copy from an earlier report is still current (same size and modification time).
    """
    content = data.load(warehouse)
    out_dir.mkdir(parents=True, exist_ok=True)
    for document in content.documents.values():
        source = raw_dir / document.path
        if source.is_file():
            target = out_dir / SOURCE_DIR / document.path
            if not _is_current_copy(source, target):
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(source, target)
    index = out_dir / "index.html"
    partial = out_dir / ".index.html.partial"
    partial.write_text(page.render(content, SOURCE_DIR), encoding="utf-8")
    partial.replace(index)
    return index


def _is_current_copy(source: Path, target: Path) -> bool:
    try:
        copied = target.stat()
    except FileNotFoundError:
        return False
    original = source.stat()
    return (copied.st_size, copied.st_mtime_ns) == (original.st_size, original.st_mtime_ns)
