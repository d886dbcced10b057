"""Which documents a dbt build must rebuild, and whether it must rebuild everything (decision 1400).

No Dagster here. The models a document's own rows decide are incremental (dbt/macros/
incremental.sql). Before dbt runs, `plan` compares the raw layer with the ledger of the last
dbt build that succeeded on this build file, and writes `raw.document_changes`: every document
that is new, was parsed again (its bytes, sidecar or the parser changed) or moved, and every
document that has gone. dbt rebuilds those documents' rows and keeps the rest.

Everything is rebuilt instead when anything else a row depends on may differ: the dbt project
or the code and libraries that run it (the code fingerprint), a topic pack, no ledger yet (a
new build file), or a full refresh asked for. `commit` records the ledger once dbt has
succeeded; a build that fails leaves the old ledger, so the next build rebuilds the same
documents again (each incremental model deletes a changed document's rows before it inserts
them, so doing it twice gives what doing it once does).
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

from dagster_project.build_state import models_fingerprint

CHANGES_TABLE = "raw.document_changes"
# One row: whether the coming dbt build is incremental (its data tests then read the changed
# documents' rows of the incremental models, dbt/macros/incremental.sql).
BUILD_TABLE = "raw.dbt_build"
LEDGER_TABLE = "ingest_cache.dbt_documents"
STATE_TABLE = "ingest_cache.dbt_state"

# One version per document: what its raw rows were made from. A re-parse gives a new parsed_at;
# a copy found or lost, or a move, changes the paths.
CURRENT_VERSIONS = """
    select
        document_id,
        md5(string_agg(
            path || '|' || coalesce(member_name, '') || '|' || coalesce(copy_of, '') || '|'
            || cast(parsed_at as varchar),
            ';' order by path, member_name
        )) as version
    from raw.documents
    group by document_id
"""


@dataclass(frozen=True)
class Plan:
    """What the coming dbt build rebuilds: everything (`full`, with the reason), or the
    documents in raw.document_changes; and the models' fingerprint it was planned under."""

    full: bool
    reason: str
    fingerprint: str
    changed: int = 0
    removed: int = 0

    def describe(self) -> str:
        if self.full:
            return f"a full rebuild ({self.reason})"
        return (
            f"an incremental build: {self.changed} documents new or changed, {self.removed} removed"
        )


def plan(con: duckdb.DuckDBPyConnection, full_refresh: bool) -> Plan:
    """Decide the coming dbt build and write raw.document_changes and raw.dbt_build for it."""
    decided = _decide(con, full_refresh)
    con.execute(
        f"create or replace table {BUILD_TABLE} as "
        "select ?::boolean as incremental, ?::varchar as reason, now()::timestamp as planned_at",
        [not decided.full, decided.reason or None],
    )
    return decided


def _decide(con: duckdb.DuckDBPyConnection, full_refresh: bool) -> Plan:
    con.execute("create schema if not exists ingest_cache")
    con.execute(f"create or replace table {CHANGES_TABLE} (document_id varchar, change varchar)")
    fingerprint = models_fingerprint(con)
    recorded = _recorded_fingerprint(con)
    if full_refresh:
        return Plan(True, "a full refresh was asked for", fingerprint)
    if recorded is None:
        return Plan(True, "no incremental build has been made in this build file", fingerprint)
    if recorded != fingerprint:
        reason = "the models, seeds, topic packs or the code running them changed"
        return Plan(True, reason, fingerprint)
    con.execute(
        f"""
        insert into {CHANGES_TABLE}
        with current_versions as ({CURRENT_VERSIONS})
        select coalesce(current_versions.document_id, ledger.document_id),
            case when current_versions.document_id is null then 'removed' else 'new or changed' end
        from current_versions
        full outer join {LEDGER_TABLE} as ledger
            on current_versions.document_id = ledger.document_id
        where current_versions.version is distinct from ledger.version
        """
    )
    counts = dict(
        con.execute(f"select change, count(*) from {CHANGES_TABLE} group by change").fetchall()
    )
    return Plan(False, "", fingerprint, counts.get("new or changed", 0), counts.get("removed", 0))


def commit(con: duckdb.DuckDBPyConnection, built: Plan) -> None:
    """Record what dbt has now built from: called once every dbt pass of `built` has
    succeeded. The fingerprint is the one the build was planned under, so code changed while
    it ran makes the next build a full one."""
    con.execute(f"create or replace table {LEDGER_TABLE} as {CURRENT_VERSIONS}")
    con.execute(
        f"create or replace table {STATE_TABLE} as select ?::varchar as fingerprint",
        [built.fingerprint],
    )


def _recorded_fingerprint(con: duckdb.DuckDBPyConnection) -> str | None:
    try:
        con.execute(f"select 1 from {LEDGER_TABLE} limit 0")
        row = con.execute(f"select fingerprint from {STATE_TABLE}").fetchone()
    except duckdb.CatalogException:
        return None
    return row[0] if row else None
