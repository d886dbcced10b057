"""dbt models, seeds and tests as Dagster assets and asset checks, keyed to the raw assets."""

import json
import os
import shutil
import time
from collections.abc import Callable, Generator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import dagster as dg
import duckdb
from dagster_dbt import (
    DagsterDbtTranslator,
    DagsterDbtTranslatorSettings,
    DbtCliResource,
    DbtProject,
    dbt_assets,
)

from dagster_project import document_changes, quarantine
from dagster_project.build_status import write_status
from dagster_project.defs.build_slots import PARTIAL_PARSE, BuildSlot, build_slot
from dagster_project.defs.dbt_project import dbt_project
from dagster_project.defs.resources import WarehouseResource

PREVIEW_ROWS = 5
# dbt/target/slots: the stable paths dbt's profile opens the build files through.
SLOTS = "slots"
# dbt/target keeps one folder of artifacts (run_results.json, logs) per dbt run.
KEPT_RUN_TARGETS = 20
# Runs of the models after the first build, each leaving out what the one before quarantined.
MAX_RERUNS = 3
T = TypeVar("T")


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

    def get_asset_check_spec(
        self,
        asset_spec: dg.AssetSpec,
        manifest: Mapping[str, Any],
        unique_id: str,
        project: DbtProject | None,
    ) -> dg.AssetCheckSpec | None:
        """Checks never block by themselves: the dbt step decides (decision 0600), since a
        failure on rows of quarantined documents must not stop what can be published."""
        spec = super().get_asset_check_spec(asset_spec, manifest, unique_id, project)
        return spec._replace(blocking=False) if spec is not None else None


# Tests on the raw.* sources become checks on the ingest assets, beside the models' own checks.
TRANSLATOR = FoiDbtTranslator(
    settings=DagsterDbtTranslatorSettings(enable_source_tests_as_checks=True)
)


# Written by the dbt step itself, between its passes; a dbt source, so the marts that leave
# quarantined documents out depend on it in the lineage.
quarantine_table = dg.AssetSpec(
    key=["raw", "quarantine"],
    group_name="ingest",
    kinds={"duckdb"},
    description="Documents whose rows failed a data test in this build: document, test, "
    "failing rows and the first of them. Written by the dbt step between its passes; the facts "
    "and comparison marts leave these documents out (decision 0600).",
)


# Written by the dbt step before dbt runs: the documents an incremental build rebuilds.
document_changes_table = dg.AssetSpec(
    key=["raw", "document_changes"],
    group_name="ingest",
    kinds={"duckdb"},
    description="The documents an incremental dbt build rebuilds (new, re-parsed or removed "
    "since the last dbt build of the build file); empty on a full rebuild. Written by the dbt "
    "step before dbt runs (decision 1400).",
)


class DbtBuildConfig(dg.Config):
    full_refresh: bool = False
    """Rebuild every model whole and run every data test on every row (the weekly rebuild
    does), instead of rebuilding the changed documents' rows."""


@dbt_assets(manifest=dbt_project.manifest_path, dagster_dbt_translator=TRANSLATOR)
def foi_dbt_models(
    context: dg.AssetExecutionContext,
    config: DbtBuildConfig,
    dbt: DbtCliResource,
    warehouse: WarehouseResource,
):
    """`dbt build`: seeds, models and their data and unit tests (tests become asset checks).

    dagster-dbt's events reach Dagster while dbt runs (`DbtCliInvocation.stream()`), except
    what a later pass may change (EventRelay): the marts and the checks are yielded once dbt
    has finished.

    A data test that fails on rows of some documents quarantines them (dagster_project.
    quarantine): the models are run again without them and the tests again, at most
    MAX_RERUNS times; the step then succeeds and the failed checks carry the quarantined
    documents. A failure that belongs to no document fails the step, so nothing publishes.
    """
    database = warehouse.build()
    target = dbt_project.project_dir / "target" / f"foi_dbt_models-{context.run.run_id[:7]}"
    with build_slot(database, target.parent / SLOTS) as slot:
        held = yield from _dbt_passes(
            context, dbt, warehouse, target, database, slot, config.full_refresh
        )
    _prune_run_targets(target.parent)
    yield from with_mart_metadata(context, held, database)


def _dbt_passes(
    context: dg.AssetExecutionContext,
    dbt: DbtCliResource,
    warehouse: WarehouseResource,
    target: Path,
    database: Path,
    slot: BuildSlot,
    full_refresh: bool,
) -> Generator[Any, None, list]:
    """The dbt passes of one build, through its slot; returns the held events to yield last."""
    if slot.parse_cache.exists():
        target.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(slot.parse_cache, target / PARTIAL_PARSE)
    plan = _in_build_file(database, lambda con: _plan_and_reset_quarantine(con, full_refresh))
    context.log.info("dbt: %s", plan.describe())
    relay = EventRelay(context)
    dbt_pass = DbtPass(context, dbt, target, slot, relay)
    succeeded = yield from dbt_pass.run(dbt_build_args(plan))
    failures: list[quarantine.DocumentFailure] = []
    stopped_by: list[str] = []
    reruns = 0
    while not succeeded:
        verdict = _in_build_file(database, lambda con: quarantine.judge(target, con))
        if verdict.unattributable:
            stopped_by = verdict.unattributable
            break
        known = {(f.document_id, f.check_name) for f in failures}
        failures.extend(f for f in verdict.documents if (f.document_id, f.check_name) not in known)
        already = _in_build_file(database, quarantine.quarantined_ids)
        _in_build_file(database, lambda con, found=verdict.documents: quarantine.record(con, found))
        if verdict.document_ids() <= already:
            # every failing row lies in a document the marts already leave out
            break
        if reruns == MAX_RERUNS:
            stopped_by = [f"data tests still failed on new documents after {reruns} reruns"]
            break
        reruns += 1
        context.log.warning(
            "quarantined %d documents for failed data tests: running the models again without them",
            len(verdict.document_ids() - already),
        )
        succeeded = yield from dbt_pass.run(dbt_rerun_args())
        if succeeded:
            succeeded = yield from dbt_pass.run(dbt_test_args())
    held = relay.held(failures)
    if stopped_by:
        _in_build_file(database, lambda con: write_status(warehouse.published(), con, stopped_by))
        yield from held
        raise dg.Failure(
            description="dbt failures that belong to no document stop publication:\n"
            + "\n".join(stopped_by)
        )
    _in_build_file(database, lambda con: document_changes.commit(con, plan))
    _keep_parse_cache(target / PARTIAL_PARSE, slot.parse_cache)
    return held


class EventRelay:
    """Passes dagster-dbt's events on as dbt emits them, except those a later pass may change.

    Dagster takes each output and each check once per step. An output outside the marts is
    yielded the first time a pass materialises it: a rerun builds it from the same rows
    (intermediate models keep every document). A mart output is held, and the last pass's is
    yielded when dbt has finished: a rerun builds it without the quarantined documents, and its
    row count and preview can only be read once dbt has let go of the build file. Every check
    is held: it keeps its failure from any pass and gains the documents it quarantined."""

    def __init__(self, context: dg.AssetExecutionContext) -> None:
        self.context = context
        self.yielded: set[str] = set()
        self.marts: dict[str, dg.Output] = {}
        self.checks: dict[tuple, dg.AssetCheckResult] = {}

    def relay(self, event: Any) -> list:
        """What to yield now for one dagster-dbt event."""
        if isinstance(event, dg.Output):
            if self.context.asset_key_for_output(event.output_name).path[0] == "marts":
                self.marts[event.output_name] = event
                return []
            if event.output_name in self.yielded:
                return []
            self.yielded.add(event.output_name)
            return [event]
        if isinstance(event, dg.AssetCheckResult):
            key = (event.asset_key, event.check_name)
            if key not in self.checks or self.checks[key].passed:
                self.checks[key] = event
            return []
        return [event]

    def held(self, failures: list[quarantine.DocumentFailure]) -> list:
        """The marts as the last pass left them, then every check, a failed one with the
        documents it quarantined in its metadata."""
        by_check: dict[str, list[quarantine.DocumentFailure]] = {}
        for failure in failures:
            by_check.setdefault(failure.check_name, []).append(failure)
        checks = []
        for check in self.checks.values():
            quarantined = by_check.get(check.check_name)
            if quarantined and not check.passed:
                check = check.with_metadata(
                    {**check.metadata, "quarantined_documents": _quarantine_table(quarantined)}
                )
            checks.append(check)
        return [*self.marts.values(), *checks]


@dataclass
class DbtPass:
    """Runs one dbt invocation against the build file, relaying its events as they come."""

    context: dg.AssetExecutionContext
    dbt: DbtCliResource
    target: Path
    slot: BuildSlot
    relay: EventRelay

    def run(self, args: list[str]) -> Generator[Any, None, bool]:
        """Yields the events to pass on while dbt runs; returns whether dbt exited cleanly."""
        invocation = self.dbt.cli(
            [*args, *build_file_vars(self.slot.database)],
            context=self.context,
            target_path=self.target,
            raise_on_error=False,
        )
        self.slot.started(invocation.process.pid)
        for event in invocation.stream():
            yield from self.relay.relay(event)
        return invocation.is_successful()


def build_file_vars(database: Path) -> list[str]:
    """The dbt arguments that point its profile at this build's file (dbt/profiles.yml reads
    `var('foi_build_db')`): per invocation, so nothing in this process's environment changes.
    A build passes its slot's path (build_slots), which leads to its file."""
    return ["--vars", json.dumps({"foi_build_db": str(database)})]


def _in_build_file(database: Path, work: Callable[[duckdb.DuckDBPyConnection], T]) -> T:
    con = duckdb.connect(str(database))
    try:
        return work(con)
    finally:
        con.close()


def _quarantine_table(failures: list[quarantine.DocumentFailure]) -> dg.MetadataValue:
    lines = ["| document_id | failing_rows | example |", "|---|---|---|"]
    for f in failures:
        example = f.example.replace("|", "\\|")[:120]
        lines.append(f"| {f.document_id[:12]} | {f.failing_rows} | {example} |")
    return dg.MetadataValue.md("\n".join(lines))


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
    """Keep dbt's partial-parse file for the slot it was made through (build_slots): dbt
    reparses the whole project when the profile differs from the one the file was written
    with, and the profile names the slot's path."""
    if produced.exists():
        staging = kept.with_name(f".{kept.name}.{os.getpid()}")
        shutil.copyfile(produced, staging)
        os.replace(staging, kept)


def dbt_build_args(plan: document_changes.Plan) -> list[str]:
    """`dbt build`: with --full-refresh on a full rebuild (which also reloads a seed whose
    columns changed); otherwise the incremental models rebuild the changed documents' rows,
    and the seeds and topic tables, unchanged by definition, are not loaded again. Unit tests
    check the SQL, not the data: they run in the test suite (tests/test_dbt_unit_tests.py),
    and in a build only when FOI_DBT_UNIT_TESTS=1."""
    if plan.full:
        return ["build", "--full-refresh", *_exclusion()]
    return ["build", *_exclusion("resource_type:seed", "reference")]


def dbt_rerun_args() -> list[str]:
    """The models again after a quarantine: only those that leave quarantined documents out
    and what reads them; the models before them keep every document."""
    return ["run", "--select", "source:raw.quarantine+"]


def dbt_test_args() -> list[str]:
    """`dbt test` over everything, after a pass that ran the models without quarantined
    documents."""
    return ["test", *_exclusion()]


def _plan_and_reset_quarantine(
    con: duckdb.DuckDBPyConnection, full_refresh: bool
) -> document_changes.Plan:
    """Decide the build (dagster_project.document_changes), then empty the quarantine but for
    what an incremental build cannot judge again."""
    plan = document_changes.plan(con, full_refresh)
    quarantine.reset(con, None if plan.full else _document_keyed_checks())
    return plan


def _document_keyed_checks() -> set[str]:
    """The data tests that an incremental build runs on the changed documents' rows only:
    those on an incremental model (a quarantine they made of an unchanged document stands)."""
    nodes = json.loads(dbt_project.manifest_path.read_text(encoding="utf-8"))["nodes"]
    incremental = {
        unique_id
        for unique_id, node in nodes.items()
        if node["resource_type"] == "model" and node["config"]["materialized"] == "incremental"
    }
    return {
        node["name"]
        for node in nodes.values()
        if node["resource_type"] == "test"
        and node["depends_on"]["nodes"]
        and set(node["depends_on"]["nodes"]) <= incremental
    }


def _exclusion(*selectors: str) -> list[str]:
    """One `--exclude` (dbt takes the selectors space-separated): these, and the unit tests
    unless FOI_DBT_UNIT_TESTS=1."""
    if os.environ.get("FOI_DBT_UNIT_TESTS") != "1":
        selectors = (*selectors, "resource_type:unit_test")
    return ["--exclude", " ".join(selectors)] if selectors else []


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
