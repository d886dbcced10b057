"""dbt models, seeds and tests as Dagster assets and asset checks, keyed to the raw assets."""

import os
import shutil
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import dagster as dg
import duckdb
from dagster_dbt import (
    DagsterDbtTranslator,
    DagsterDbtTranslatorSettings,
    DbtCliResource,
    dbt_assets,
)

from dagster_project.defs.dbt_project import dbt_project
from dagster_project.defs.resources import WarehouseResource

PREVIEW_ROWS = 5
PARTIAL_PARSE = "partial_parse.msgpack"
# dbt/target keeps one folder of artifacts (run_results.json, logs) per dbt run.
KEPT_RUN_TARGETS = 20


class FoiDbtTranslator(DagsterDbtTranslator):
    """Keys are [schema, name] (raw.documents, staging.stg_sections, marts.fct_...), so the
    sources land on the ingest assets' keys and the lineage is one connected graph."""

    def get_asset_key(self, dbt_resource_props: Mapping[str, Any]) -> dg.AssetKey:
        if dbt_resource_props["resource_type"] == "source":
            return dg.AssetKey([dbt_resource_props["source_name"], dbt_resource_props["name"]])
        return dg.AssetKey([dbt_resource_props["schema"], dbt_resource_props["name"]])

    def get_group_name(self, dbt_resource_props: Mapping[str, Any]) -> str | None:
        if dbt_resource_props["resource_type"] == "seed":
            return "reference"
        return dbt_resource_props.get("schema")


# Tests on the raw.* sources become checks on the ingest assets, beside the models' own checks.
TRANSLATOR = FoiDbtTranslator(
    settings=DagsterDbtTranslatorSettings(enable_source_tests_as_checks=True)
)


@dbt_assets(manifest=dbt_project.manifest_path, dagster_dbt_translator=TRANSLATOR)
def foi_dbt_models(
    context: dg.AssetExecutionContext, dbt: DbtCliResource, warehouse: WarehouseResource
):
    """`dbt build`: seeds, models and their data and unit tests (tests become asset checks).

    Mart outputs carry their row count and a markdown preview, read once dbt has finished: the
    dbt process holds DuckDB's one-writer lock while it runs, so they cannot be read sooner.
    """
    os.environ["FOI_BUILD_DB"] = str(warehouse.build())
    target = dbt_project.project_dir / "target" / f"foi_dbt_models-{context.run.run_id[:7]}"
    parse_cache = warehouse.build().with_name(PARTIAL_PARSE)
    if parse_cache.exists():
        target.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(parse_cache, target / PARTIAL_PARSE)
    events = []
    try:
        for event in dbt.cli(dbt_build_args(), context=context, target_path=target).stream():
            events.append(event)
    except Exception:
        yield from events
        raise
    _keep_parse_cache(target / PARTIAL_PARSE, parse_cache)
    _prune_run_targets(target.parent)
    yield from with_mart_metadata(context, events, warehouse.build())


def _prune_run_targets(targets: Path, keep: int = KEPT_RUN_TARGETS) -> None:
    """Remove the artifacts of old dbt runs (~14 MB each), keeping the newest `keep` and any
    touched in the last hour (another build may still be writing it)."""
    runs = []
    for path in targets.glob("foi_dbt_models-*"):
        try:
            runs.append((path.stat().st_mtime, path))
        except FileNotFoundError:  # pruned by another build meanwhile
            continue
    runs.sort(reverse=True)
    recent = time.time() - 3600
    for modified, path in runs[keep:]:
        if modified < recent:
            shutil.rmtree(path, ignore_errors=True)


def _keep_parse_cache(produced: Path, kept: Path) -> None:
    """Keep dbt's partial-parse file beside the build file it was made for.

    dbt reparses the whole project (~5 s) when the profile differs from the one its
    partial-parse file was written with, and the profile names the build file: one shared
    file in dbt/target would be stale for every warehouse but one."""
    if produced.exists():
        staging = kept.with_name(f".{kept.name}.{os.getpid()}")
        shutil.copyfile(produced, staging)
        os.replace(staging, kept)


def dbt_build_args() -> list[str]:
    """`dbt build` over everything: no model is incremental, so --full-refresh costs nothing and
    reloads a seed whose columns changed. Unit tests check the SQL, not the data: they run in
    the test suite (tests/test_dbt_unit_tests.py), and in a build only when
    FOI_DBT_UNIT_TESTS=1."""
    args = ["build", "--full-refresh"]
    if os.environ.get("FOI_DBT_UNIT_TESTS") != "1":
        args += ["--exclude", "resource_type:unit_test"]
    return args


def with_mart_metadata(context: dg.AssetExecutionContext, events: list, database: Path) -> list:
    """The events, with `dagster/row_count` and a `preview` (first rows) on each mart output."""
    con = duckdb.connect(str(database), read_only=True)
    try:
        return [_with_metadata(context, event, con) for event in events]
    finally:
        con.close()


def _with_metadata(context: dg.AssetExecutionContext, event, con: duckdb.DuckDBPyConnection):
    if not isinstance(event, dg.Output):
        return event
    key = context.asset_key_for_output(event.output_name)
    if key.path[0] != "marts":
        return event
    table = f"marts.{key.path[-1]}"
    count = con.execute(f"select count(*) from {table}").fetchone()[0]
    cursor = con.execute(f"select * from {table} limit {PREVIEW_ROWS}")
    names = [column[0] for column in cursor.description]
    lines = ["| " + " | ".join(names) + " |", "|" + "---|" * len(names)]
    for row in cursor.fetchall():
        cells = (str(v).replace("|", "\\|").replace("\n", " ")[:60] for v in row)
        lines.append("| " + " | ".join(cells) + " |")
    return event.with_metadata(
        {
            **event.metadata,
            "dagster/row_count": count,
            "preview": dg.MetadataValue.md("\n".join(lines)),
        }
    )
