"""The dbt manifest the Dagster definitions load: written by `dbt parse` (`foi prepare`, `foi
build`, `make ui`) when the dbt sources are newer, never at import time in a deployed location.

A module of its own, with no Dagster import, so that both the CLI and the definitions
(defs/dbt_project.py) can use it without importing each other."""

from __future__ import annotations

from dagster_project.paths import DBT_DIR

MANIFEST = DBT_DIR / "target" / "manifest.json"
# What the manifest is parsed from: a file newer than it under these makes it out of date.
DBT_SOURCE_FOLDERS = ("models", "macros", "seeds", "tests", "analyses")


class DbtParseError(Exception):
    """`dbt parse` failed: the dbt project does not compile (printed as one line)."""


def dbt_sources_newest() -> float:
    """The newest modification time of a file the manifest is parsed from."""
    newest = (DBT_DIR / "dbt_project.yml").stat().st_mtime
    for folder in DBT_SOURCE_FOLDERS:
        for path in (DBT_DIR / folder).rglob("*"):
            if path.is_file():
                newest = max(newest, path.stat().st_mtime)
    return newest


def prepare(quiet: bool = False) -> None:
    """Write dbt/target/manifest.json with `dbt parse` when it is missing or out of date."""
    if MANIFEST.exists() and MANIFEST.stat().st_mtime >= dbt_sources_newest():
        return
    from dbt.cli.main import dbtRunner

    args = ["parse", "--project-dir", str(DBT_DIR), "--profiles-dir", str(DBT_DIR)]
    if quiet:
        args.insert(0, "--quiet")
    result = dbtRunner().invoke(args)
    if not result.success:
        raise DbtParseError(f"dbt parse failed: {result.exception}")
