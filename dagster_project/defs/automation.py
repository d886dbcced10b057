"""Jobs, the weekly schedule and the sensor on raw/.

Both start the same whole-graph job (ingest -> dbt build -> publish): the ingest is incremental,
so a run started for one new document parses only that document, while dbt rebuilds the
harmonised tables in full. Runs are one at a time: the instance's run queue allows one run
(dagster_home/dagster.yaml), and every run holds the warehouse's build lock.
"""

import hashlib
import json
from pathlib import Path

import dagster as dg
import duckdb

from dagster_project.defs.ingestion import documents_partitions
from dagster_project.ingest.run import folder_fingerprints
from dagster_project.paths import default_raw_dir, default_warehouse

rebuild_everything = dg.define_asset_job(
    "rebuild_everything",
    selection=dg.AssetSelection.all(),
    description="Ingest new and changed documents under raw/, run dbt build, publish the "
    "warehouse.",
)

weekly_rebuild = dg.ScheduleDefinition(
    name="weekly_rebuild",
    job=rebuild_everything,
    cron_schedule="0 3 * * 1",  # Mondays 03:00
    execution_timezone="Europe/London",
    # Once a week every document is parsed again, whatever the parse cache says, every model
    # is rebuilt whole and every data test reads every row (decision 1400).
    run_config={
        "ops": {
            "raw_tables": {"config": {"full_refresh": True}},
            "foi_dbt_models": {"config": {"full_refresh": True}},
        }
    },
    default_status=dg.DefaultScheduleStatus.RUNNING,
    description="Weekly: parse every document under raw/ again, rebuild every model whole, "
    "run every test on every row, and publish.",
)


def documents_changed(previous: dict[str, str], current: dict[str, str]) -> dict[str, list[str]]:
    """Paths that are new, changed (bytes or sidecar) or deleted between two listings."""
    return {
        "new": sorted(path for path in current if path not in previous),
        "changed": sorted(
            path for path in current if path in previous and previous[path] != current[path]
        ),
        "deleted": sorted(path for path in previous if path not in current),
    }


def published_fingerprints(published: Path) -> dict[str, str]:
    """The documents the published build ingested, fingerprinted as `folder_fingerprints` does
    (content and sidecar digests): where a sensor with no cursor starts, so its first tick after
    `make run` requests nothing for documents that build already read."""
    if not published.exists():
        return {}
    con = duckdb.connect(str(published), read_only=True)
    try:
        rows = con.execute(
            "select path, document_id, sidecar_digest from ingest_cache.files"
        ).fetchall()
    except duckdb.CatalogException:
        return {}
    finally:
        con.close()
    return {path: f"{(doc or '')[:16]}:{(sidecar or '')[:16]}" for path, doc, sidecar in rows}


@dg.sensor(
    name="raw_documents_sensor",
    job=rebuild_everything,
    minimum_interval_seconds=30,
    default_status=dg.DefaultSensorStatus.RUNNING,
    description="Watches raw/: when documents are added, changed or deleted since the last tick "
    "(the first tick: since the published build), keeps one `documents` partition per document "
    "and requests one run of rebuild_everything.",
)
def raw_documents_sensor(context: dg.SensorEvaluationContext) -> dg.SensorResult:
    raw_dir = default_raw_dir()
    if not raw_dir.is_dir():
        return dg.SensorResult(skip_reason=f"the raw folder {raw_dir} does not exist")
    if context.cursor:
        previous = json.loads(context.cursor)
    else:
        previous = published_fingerprints(default_warehouse())
    current = folder_fingerprints(raw_dir)
    changes = documents_changed(previous, current)
    cursor = json.dumps(current, sort_keys=True)
    if not any(changes.values()):
        return dg.SensorResult(
            skip_reason="no new, changed or deleted documents under raw/", cursor=cursor
        )
    partition_requests = []
    if changes["new"]:
        partition_requests.append(documents_partitions.build_add_request(changes["new"]))
    if changes["deleted"]:
        partition_requests.append(documents_partitions.build_delete_request(changes["deleted"]))
    tags = {f"foi/{kind}": str(len(paths)) for kind, paths in changes.items()}
    summary = "; ".join(f"{kind}: {', '.join(paths)}" for kind, paths in changes.items() if paths)
    context.log.info("raw/ changed: %s", summary)
    return dg.SensorResult(
        run_requests=[
            dg.RunRequest(
                run_key=hashlib.sha256(f"{context.cursor}->{cursor}".encode()).hexdigest()[:20],
                tags={"foi/trigger": "raw_documents_sensor", **tags},
            )
        ],
        cursor=cursor,
        dynamic_partitions_requests=partition_requests,
    )
