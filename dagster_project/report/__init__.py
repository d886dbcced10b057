"""The static comparison report: `build_report` writes `<out>/index.html` (the forces, the
measures compared across forces), `<out>/forces/<force>.html` and `.csv` (one force: every figure,
its refusals, its unreadable files), `<out>/review.html` and a copy of every source document they
link to, so the folder opens offline and can be passed around whole (decision 0801)."""

from __future__ import annotations

import shutil
from pathlib import Path

from dagster_project.report import data, force_page, page
from dagster_project.tabular import DATA_DECIMALS, readable
from dagster_project.warehouse import connect_read_only

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
    forces = out_dir / "forces"
    forces.mkdir(exist_ok=True)
    for force in content.forces:
        _write(
            forces / f"{force.force_id}.html",
            force_page.render_force(force, content, f"../{SOURCE_DIR}"),
        )
    _write_force_facts(warehouse, forces, [f.force_id for f in content.forces])
    _write(out_dir / "review.html", force_page.render_review(content, SOURCE_DIR))
    index = out_dir / "index.html"
    _write(index, page.render(content, SOURCE_DIR))
    return index


def _write(path: Path, text: str) -> None:
    """Beside its final name, then renamed over it: a reader never sees half a page."""
    partial = path.with_name(f".{path.name}.partial")
    partial.write_text(text, encoding="utf-8")
    partial.replace(path)


def _write_force_facts(warehouse: Path, folder: Path, force_ids: list[str]) -> None:
    """`<force>.csv`: that force's rows of marts.fct_disclosed_figures, counts as integers."""
    con = connect_read_only(warehouse)
    try:
        for force_id in force_ids:
            quoted = force_id.replace("'", "''")
            facts = readable(
                con.sql(
                    "select * from marts.fct_disclosed_figures "
                    f"where force_id = '{quoted}' order by measure, period_start, figure_id"
                ),
                DATA_DECIMALS,
            )
            target = folder / f"{force_id}.csv"
            partial = target.with_name(f".{target.name}.partial")
            path = str(partial).replace("'", "''")
            facts.query(
                "facts", f"copy (select * from facts) to '{path}' (format csv, header true)"
            )
            partial.replace(target)
    finally:
        con.close()


def _is_current_copy(source: Path, target: Path) -> bool:
    try:
        copied = target.stat()
    except FileNotFoundError:
        return False
    original = source.stat()
    return (copied.st_size, copied.st_mtime_ns) == (original.st_size, original.st_mtime_ns)
