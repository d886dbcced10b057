"""What a build is made from, so a build with nothing new can stop after its ingest.

A published warehouse is a function of three things: the documents under raw/ as the ingest
read them (the parse cache: which file, which bytes, which sidecar, which parser code, what came
of it), the dbt project (models, seeds, macros, tests) and the code and libraries that run them.
The ingest records a digest of all three in the build file, and the published file is a copy
of a finished build file, replaced atomically, so the digest a published file carries always
describes that file. When the next ingest's digest equals the published one, the marts would
come out the same: the run stops there (decision 0501).
"""

from __future__ import annotations

import hashlib
from importlib.metadata import version
from pathlib import Path

import duckdb

from dagster_project.ingest.raw_tables import CACHE_TABLE
from dagster_project.paths import DBT_DIR, PROJECT_ROOT

STATE_TABLE = "ingest_cache.build_inputs"
DBT_SOURCES = ("models", "macros", "seeds", "tests", "analyses", "snapshots")
PACKAGES = ("dagster", "dagster-dbt", "dbt-core", "dbt-duckdb", "duckdb")


def code_fingerprint() -> str:
    """A digest of the dbt project, this package's code and the versions of the libraries
    that run them."""
    digest = hashlib.sha256()
    files = [DBT_DIR / "dbt_project.yml", DBT_DIR / "profiles.yml"]
    for folder in DBT_SOURCES:
        files.extend(path for path in (DBT_DIR / folder).rglob("*") if path.is_file())
    files.extend((PROJECT_ROOT / "dagster_project").rglob("*.py"))
    for path in sorted(files):
        digest.update(path.relative_to(PROJECT_ROOT).as_posix().encode())
        digest.update(path.read_bytes())
    for package in PACKAGES:
        digest.update(f"{package}=={version(package)}".encode())
    return digest.hexdigest()


def models_fingerprint(con: duckdb.DuckDBPyConnection) -> str:
    """What every model's rows depend on besides the documents: the code fingerprint (dbt
    project, this package, library versions) and the topic packs this build file's ingest
    loaded. When it changes, an incremental dbt build is a full one (decision 1400)."""
    digest = hashlib.sha256(code_fingerprint().encode())
    for row in con.execute("select topic, path, digest from topics.packs order by all").fetchall():
        digest.update(repr(row).encode())
    return digest.hexdigest()


def inputs_digest(con: duckdb.DuckDBPyConnection) -> str:
    """The digest of what a build from this build file's raw tables is made from."""
    digest = hashlib.sha256(models_fingerprint(con).encode())
    rows = con.execute(
        "select path, document_id, sidecar_digest, parser_fingerprint, outcome, reason, "
        f"error_kind from {CACHE_TABLE} order by path"
    ).fetchall()
    # Warnings about files no document uses (an orphan sidecar, an empty folder) are inputs too.
    rows += con.execute(
        "select path, error_kind, reason from raw.ingest_errors order by all"
    ).fetchall()
    for row in rows:
        digest.update(repr(row).encode())
    return digest.hexdigest()


def record_inputs(con: duckdb.DuckDBPyConnection, digest: str) -> None:
    """Record in a build file the digest of what it is being built from."""
    con.execute(f"create or replace table {STATE_TABLE} as select ?::varchar as digest", [digest])


def recorded_inputs(con: duckdb.DuckDBPyConnection) -> str | None:
    """The digest recorded in a build file, or in the published copy of one."""
    try:
        row = con.execute(f"select digest from {STATE_TABLE}").fetchone()
    except duckdb.CatalogException:
        return None
    return row[0] if row else None


def published_inputs(published: Path) -> str | None:
    """The digest the published warehouse was built from (None: no warehouse, or one
    published before digests were recorded)."""
    if not published.exists():
        return None
    con = duckdb.connect(str(published), read_only=True)
    try:
        return recorded_inputs(con)
    finally:
        con.close()
