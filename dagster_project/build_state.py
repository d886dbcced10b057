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
import json
import os
from importlib.metadata import version
from pathlib import Path

import duckdb

from dagster_project.build_status import write_json
from dagster_project.paths import DBT_DIR, PROJECT_ROOT, build_path_for

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
    # Imported here: the ingest's modules (parsers, pandas) cost `foi build` a second when the
    # listing alone shows that nothing changed.
    from dagster_project.ingest.raw_tables import CACHE_TABLE

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


# ---------------------------------------------------------------- the files, before reading them

LISTING_TABLE = "ingest_cache.build_listing"


def listing_fingerprint(raw_dir: Path, pack_files: list[Path]) -> str:
    """A digest of what a build would read, from the file system alone: every entry under
    raw_dir (path, size, inode, modification and change times), the topic packs' bytes and
    code_fingerprint(). Writing a file or renaming it moves its change time, which no program
    can set back, so an equal listing means no file was touched (decision 1500)."""
    digest = hashlib.sha256(code_fingerprint().encode())
    digest.update(str(raw_dir.resolve()).encode())
    for folder, folders, files in os.walk(raw_dir, followlinks=True):
        folders.sort()
        for name in sorted(files + folders):
            path = os.path.join(folder, name)
            digest.update(f"{os.path.relpath(path, raw_dir)}\t{_stat(path)}\n".encode())
    for path in pack_files:
        digest.update(str(path).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _stat(path: str) -> tuple | None:
    try:
        stat = os.stat(path)
    except OSError:  # a dangling link, or a file removed while the listing is taken
        return None
    return (stat.st_mode, stat.st_size, stat.st_ino, stat.st_mtime_ns, stat.st_ctime_ns)


def record_listing(con: duckdb.DuckDBPyConnection, listing: str) -> None:
    """Record in a build file the listing taken before its ingest read raw/."""
    con.execute(
        f"create or replace table {LISTING_TABLE} as select ?::varchar as listing", [listing]
    )


def _listing_path(published: Path) -> Path:
    return build_path_for(published).with_name(published.stem + ".listing.json")


def note_published_listing(published: Path, digest: str, listing: str) -> None:
    """Write beside the published warehouse the listing under which its inputs were last
    found to be `digest`: after a publication, and after a build that found nothing new (the
    published file itself is never written in place)."""
    write_json(_listing_path(published), {"inputs": digest, "listing": listing})


def note_publication(published: Path) -> None:
    """After a publication: the listing and inputs the published build file recorded."""
    con = duckdb.connect(str(published), read_only=True)
    try:
        digest = recorded_inputs(con)
        row = con.execute(f"select listing from {LISTING_TABLE}").fetchone()
    except duckdb.CatalogException:
        row = None
    finally:
        con.close()
    if row and digest:
        note_published_listing(published, digest, row[0])
    else:
        _listing_path(published).unlink(missing_ok=True)


def unchanged_since_published(raw_dir: Path, published: Path, pack_files: list[Path]) -> bool:
    """Whether raw/, the packs and the code are, file for file, as they were when the published
    warehouse's inputs were last read: then a build would find nothing new."""
    try:
        noted = json.loads(_listing_path(published).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    if noted.get("listing") != listing_fingerprint(raw_dir, pack_files):
        return False
    try:
        return noted.get("inputs") == published_inputs(published)
    except duckdb.Error:
        return False
