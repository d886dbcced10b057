"""Exports: every mart of the published warehouse as CSV or Parquet files, written by DuckDB.

Counts are integer columns and midnight timestamps dates (`tabular.readable`); CSV rounds other
floats to DATA_DECIMALS places, Parquet keeps them exact."""

from __future__ import annotations

from pathlib import Path

from dagster_project.tabular import DATA_DECIMALS, readable
from dagster_project.warehouse import connect_read_only

FORMATS = {"csv": "(FORMAT csv, HEADER true)", "parquet": "(FORMAT parquet)"}
DECIMALS = {"csv": DATA_DECIMALS, "parquet": None}


def export_marts(warehouse: Path, out_dir: Path, file_format: str) -> dict[str, Path]:
    """Write `<out_dir>/<mart>.<csv|parquet>` for every mart; returns mart name -> file.

    Every mart carries `is_synthetic`, so synthetic rows stay labelled in the files. Each file
    is written beside its final name and renamed over it, so a reader never sees half a file.
    """
    if file_format not in FORMATS:
        raise ValueError(f"unknown export format {file_format!r}: use csv or parquet")
    out_dir.mkdir(parents=True, exist_ok=True)
    written: dict[str, Path] = {}
    con = connect_read_only(warehouse)
    try:
        for name in _marts(con):
            target = out_dir / f"{name}.{file_format}"
            partial = target.with_name(f".{target.name}.partial")
            relation = readable(con.sql(f"select * from marts.{name}"), DECIMALS[file_format])
            relation.query(
                "mart",
                f"copy (select * from mart) to '{_sql_path(partial)}' {FORMATS[file_format]}",
            )
            partial.replace(target)
            written[name] = target
    finally:
        con.close()
    return written


def _marts(con) -> list[str]:
    rows = con.execute(
        "select table_name from information_schema.tables "
        "where table_schema = 'marts' order by table_name"
    ).fetchall()
    return [name for (name,) in rows]


def _sql_path(path: Path) -> str:
    return str(path).replace("'", "''")
