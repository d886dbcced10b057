"""foi: build the warehouse through Dagster, query it read-only, review what needs a person,
write the report and the exports."""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import time
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from dagster_project.dbt_manifest import DbtParseError, prepare
from dagster_project.paths import PROJECT_ROOT, build_path_for, default_raw_dir
from dagster_project.paths import default_warehouse as _default_warehouse

DAGSTER_HOME = PROJECT_ROOT / "dagster_home"
# The project's own warehouse, whose builds `make ui` shows (FOI_WAREHOUSE may point elsewhere).
PROJECT_WAREHOUSE = PROJECT_ROOT / "warehouse" / "foi.duckdb"
# Where a quiet build puts Dagster's and dbt's own lines, beside the build file.
BUILD_LOG = "last-build.log"


class QueryFormat(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"


class ExportFormat(StrEnum):
    csv = "csv"
    parquet = "parquet"


class UserError(Exception):
    """Something the user can put right (a path, a statement, a name): printed as one line."""


def _user_errors() -> tuple[type[Exception], ...]:
    from dagster_project.review import ReviewError
    from dagster_project.topics import PackError
    from dagster_project.warehouse import BuildInProgress, WarehouseMissing

    return (UserError, DbtParseError, WarehouseMissing, BuildInProgress, ReviewError, PackError)


ENVIRONMENT = (
    "Environment: FOI_RAW_DIR (default for --raw-dir: raw/), FOI_WAREHOUSE (default for "
    "--warehouse: warehouse/foi.duckdb), FOI_TOPIC_PATH (extra folders of topic packs), "
    "FOI_PARSE_WORKERS (document parsing processes; default one per CPU), DAGSTER_HOME (the "
    "Dagster instance that records runs; default dagster_home/, the one `make ui` shows)."
)
app = typer.Typer(
    name="foi",
    epilog=ENVIRONMENT,
    add_completion=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)


@app.callback(invoke_without_command=True)
def foi(context: typer.Context) -> None:
    """foi: build the warehouse through Dagster, query it read-only, review what needs a
    person, write the report and the exports. `foi COMMAND --help` explains each command."""
    if context.invoked_subcommand is None:
        print(context.get_help())


RawDir = Annotated[
    Path | None,
    typer.Option(
        "--raw-dir",
        envvar="FOI_RAW_DIR",
        show_envvar=True,
        show_default="raw/",
        file_okay=False,
        help="The folder of documents, one subfolder per force: raw/<force>/<document>.",
    ),
]
Warehouse = Annotated[
    Path | None,
    typer.Option(
        "--warehouse",
        envvar="FOI_WAREHOUSE",
        show_envvar=True,
        show_default="warehouse/foi.duckdb",
        dir_okay=False,
        help="The published DuckDB file (builds write a private copy beside it, in .build/).",
    ),
]


def _raw(raw_dir: Path | None) -> Path:
    return (raw_dir or default_raw_dir()).resolve()


def _warehouse(warehouse: Path | None) -> Path:
    return (warehouse or _default_warehouse()).resolve()


def build(
    raw_dir: Path,
    warehouse: Path,
    full_refresh: bool = False,
    force: bool = False,
    strict: bool = False,
    verbose: bool = False,
) -> int:
    """Materialise every asset once: ingest (new and changed documents only, unless
    `full_refresh`), dbt build (with tests; the changed documents' rows only, unless
    `full_refresh` or the models changed), publish, report and exports. Stops after the ingest
    when nothing changed since the published build, unless `force` or `full_refresh`. Waits
    while another build of the same warehouse is running; publishes nothing unless everything
    succeeded. Documents whose rows failed a data test are quarantined and the rest publishes.
    Returns the exit code: 0 published (or nothing to do), 1 failed, or published with
    quarantined documents when `strict`."""
    if not raw_dir.is_dir():
        raise UserError(
            f"no raw folder at {raw_dir}: put documents in <raw>/<force>/ or name the folder "
            "with --raw-dir (or FOI_RAW_DIR)"
        )
    started = time.monotonic()
    from dagster_project import build_state, topics

    if not (force or full_refresh) and build_state.unchanged_since_published(
        raw_dir, warehouse, topics.pack_files()
    ):
        return _nothing_changed(raw_dir, warehouse, started, strict)
    prepare(quiet=True)
    # A pack that does not validate stops the build before anything runs: one line, its file
    # and line (the ingest step checks again, for runs started from the UI or the sensor).
    topics.load_packs()
    from rich.console import Console

    from dagster_project import build_output
    from dagster_project.definitions import ALL_ASSETS, defs
    from dagster_project.defs.resources import warehouse_run_config

    level = os.environ.get("FOI_LOG_LEVEL")
    verbose = verbose or level is not None
    build_file = build_path_for(warehouse)
    before = build_output.ingested(warehouse)
    print(f"foi build: {raw_dir} -> {warehouse}", flush=True)
    # snowplow (dbt's telemetry) gives the root logger a handler: Dagster's lines would print twice.
    logging.getLogger("dagster").propagate = False
    logging.getLogger("dagster._core.execution.plan.active").addFilter(
        build_output.QUIET_BLOCKING_CHECK_NOTICE
    )
    job = defs.resolve_job_def("rebuild_everything")
    run_config = {
        "ops": {
            "raw_tables": {"config": {"full_refresh": full_refresh, "force": force}},
            "foi_dbt_models": {"config": {"full_refresh": full_refresh}},
        },
        "resources": warehouse_run_config(raw_dir, warehouse),
    }
    with _instance(warehouse) as instance:
        if verbose:
            run_config["loggers"] = {"console": {"config": {"log_level": level or "INFO"}}}
            result = job.execute_in_process(
                run_config=run_config, instance=instance, raise_on_error=False
            )
            log = None
        else:
            total = sum(len(a.keys) + len(a.check_keys) for a in ALL_ASSETS)
            progress = build_output.BuildProgress(total, Console(stderr=True))
            loggers = {"progress": progress.logger()}
            run_config["loggers"] = {"progress": {}}
            log = build_file.with_name(BUILD_LOG)
            log.parent.mkdir(parents=True, exist_ok=True)
            with (
                log.open("w", encoding="utf-8") as detail,
                contextlib.redirect_stdout(detail),
                progress,
            ):
                result = job.with_logger_defs(loggers).execute_in_process(
                    run_config=run_config, instance=instance, raise_on_error=False
                )
    elapsed = time.monotonic() - started
    if not result.success:
        steps = [e.step_key for e in result.get_step_failure_events()]
        print(
            f"foi build failed in {elapsed:.1f}s at {', '.join(steps) or 'a step'}; the "
            f"published warehouse {warehouse} was left as it was.",
            file=sys.stderr,
        )
        for reason in build_output.failure_reasons(result):
            print(f"  {reason}", file=sys.stderr)
        for line in build_output.unreadable_lines(build_file, raw_dir):
            print(line, file=sys.stderr)
        if log is not None:
            print(f"  detail       {log} (or `foi build -v`)", file=sys.stderr)
        return 1
    skipped = any(
        event.event_type_value == "STEP_SKIPPED" and event.step_key == "warehouse__published"
        for event in result.all_events
    )
    if skipped:
        print(
            "foi build: nothing changed since the published build (same documents, same code): "
            "dbt and publication were skipped. `foi build --force` rebuilds anyway."
        )
    changes = build_output.document_changes(before, build_output.ingested(build_file))
    outcome = "checked" if skipped else "published"
    return _summarise(outcome, raw_dir, warehouse, build_file, changes, elapsed, log, strict)


def _nothing_changed(raw_dir: Path, warehouse: Path, started: float, strict: bool) -> int:
    """The end of a build that the file listing alone shows has nothing to do (decision 1500):
    no run starts; the check is recorded as an observation of raw/files in the instance."""
    print(f"foi build: {raw_dir} -> {warehouse}", flush=True)
    home = _instance_home(warehouse)
    if home:
        import dagster as dg

        with _instance_at(home) as instance:
            instance.report_runless_asset_event(
                dg.AssetObservation(
                    asset_key=["raw", "files"],
                    description="foi build: nothing changed since the published build",
                    metadata={"raw_dir": str(raw_dir), "published_path": str(warehouse)},
                )
            )
    print(
        "foi build: nothing changed since the published build (no file under the raw folder, "
        "no topic pack and no code was touched): nothing was read again. `foi build --force` "
        "rebuilds anyway."
    )
    from dagster_project import build_output

    files = len(build_output.ingested(warehouse).files)
    changes = {"new": 0, "changed": 0, "unchanged": files, "removed": 0}
    elapsed = time.monotonic() - started
    return _summarise("checked", raw_dir, warehouse, warehouse, changes, elapsed, None, strict)


def _summarise(
    outcome: str,
    raw_dir: Path,
    warehouse: Path,
    build_file: Path,
    changes: dict[str, int],
    elapsed: float,
    log: Path | None,
    strict: bool,
) -> int:
    from dagster_project import build_output

    lines, quarantined = build_output.summary(warehouse, build_file, changes, raw_dir, log)
    print(f"foi build: {outcome} {warehouse} in {elapsed:.1f}s")
    print("\n".join(lines))
    if strict and quarantined:
        print(f"foi build --strict: {quarantined} documents quarantined", file=sys.stderr)
        return 1
    return 0


@contextlib.contextmanager
def _instance(warehouse: Path):
    """The Dagster instance a build is recorded in: $DAGSTER_HOME, or the project's
    dagster_home/ (the one `make ui` shows) for the project's own warehouse; other warehouses
    (tests, scratch builds) get a throwaway instance."""
    import dagster as dg

    home = _instance_home(warehouse)
    if not home:
        with dg.DagsterInstance.ephemeral() as instance:
            yield instance
        return
    with _instance_at(home) as instance:
        yield instance


def _instance_home(warehouse: Path) -> str | None:
    home = os.environ.get("DAGSTER_HOME")
    if not home and warehouse == PROJECT_WAREHOUSE.resolve():
        home = str(DAGSTER_HOME)
    return home or None


def _instance_at(home: str):
    """The persistent instance in `home`. DagsterInstance.get() is the public way, and it reads
    only $DAGSTER_HOME: it is set for that call alone, never for the run."""
    import fcntl

    import dagster as dg

    # Two processes opening a fresh instance at once both stamp its SQLite schema, and the
    # instance is then unreadable ("more than one head"): the first to come creates it alone.
    Path(home).mkdir(parents=True, exist_ok=True)
    before = os.environ.get("DAGSTER_HOME")
    with open(Path(home) / ".instance.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        os.environ["DAGSTER_HOME"] = home
        try:
            return dg.DagsterInstance.get()
        finally:
            if before is None:
                os.environ.pop("DAGSTER_HOME", None)
            else:
                os.environ["DAGSTER_HOME"] = before


def query(sql: str, warehouse: Path, output_format: str) -> int:
    """Run one read-only SQL statement against the published warehouse and print the result:
    counts as integers, dates as dates, NULL as empty, rates rounded."""
    import duckdb

    from dagster_project import tabular
    from dagster_project.warehouse import connect_read_only

    con = connect_read_only(warehouse)
    try:
        decimals = tabular.TABLE_DECIMALS if output_format == "table" else tabular.DATA_DECIMALS
        relation = con.sql(sql)
        if relation is None:
            return 0
        relation = tabular.readable(relation, decimals)
        names, rows = relation.columns, relation.fetchall()
    except duckdb.Error as error:
        first = str(error).strip().splitlines()[0]
        raise UserError(f"the query failed: {first}") from None
    finally:
        con.close()
    render = {"csv": tabular.as_csv, "json": tabular.as_json}.get(output_format, tabular.as_table)
    text = render(names, rows)
    print(text, end="" if text.endswith("\n") else "\n")
    return 0


@app.command("build")
def build_command(
    raw_dir: RawDir = None,
    warehouse: Warehouse = None,
    full_refresh: Annotated[
        bool,
        typer.Option(
            "--full-refresh",
            help="Parse every document again (no parse cache), rebuild every model whole and "
            "test every row.",
        ),
    ] = False,
    force: Annotated[
        bool,
        typer.Option(
            "--force", help="Run dbt and publish even when nothing changed since the last build."
        ),
    ] = False,
    strict: Annotated[
        bool,
        typer.Option(
            "--strict", help="Exit 1 (not 0) when documents were quarantined by a failed check."
        ),
    ] = False,
    verbose: Annotated[
        bool,
        typer.Option(
            "--verbose", "-v", help="Print Dagster's and dbt's own lines instead of a progress bar."
        ),
    ] = False,
) -> int:
    """Ingest raw/, run dbt build with its tests, publish the warehouse, write the report and
    the exports.

    Only new and changed documents are parsed; a bad document never stops the others (it
    becomes a row in raw.ingest_errors). When nothing changed since the published build, the
    build stops after the ingest. Prints a progress bar, then a short summary; Dagster's and
    dbt's lines go to warehouse/.build/last-build.log. Exit 0: published or nothing to do;
    1: the build failed and the published warehouse was left as it was.

    Examples:

      foi build

      foi build --raw-dir ~/foi/raw --warehouse ~/foi/foi.duckdb

      foi build --full-refresh -v
    """
    return build(_raw(raw_dir), _warehouse(warehouse), full_refresh, force, strict, verbose)


@app.command("query")
def query_command(
    sql: Annotated[str, typer.Argument(help="One SQL statement (DuckDB dialect).")],
    warehouse: Warehouse = None,
    output_format: Annotated[
        QueryFormat,
        typer.Option(
            "--format", help="table: aligned, rates to 2 places; csv and json: for programs."
        ),
    ] = QueryFormat.table,
) -> int:
    """Run read-only SQL against the published warehouse.

    Counts print as integers, dates as dates, NULL as empty; the schemas are raw, reference,
    staging, intermediate and marts.

    Examples:

      foi query "select * from marts.fct_breaches_by_force_year"

      foi query "select force_id, outcome from marts.force_coverage" --format csv
    """
    return query(sql, _warehouse(warehouse), output_format.value)


@app.command("review")
def review_command(
    warehouse: Warehouse = None,
    approve: Annotated[
        str | None,
        typer.Option("--approve", metavar="LABEL", help="The label text to map, as listed."),
    ] = None,
    target: Annotated[
        str | None,
        typer.Option(
            "--as",
            metavar="TARGET",
            help="What the label means: a measure, offence_key, force_id, area name or period.",
        ),
    ] = None,
    why: Annotated[
        str, typer.Option("--why", help="Why the mapping is right (kept in the seed).")
    ] = "",
    who: Annotated[
        str | None,
        typer.Option("--by", help="Who approves.", show_default="your user name"),
    ] = None,
    starts: Annotated[
        str | None,
        typer.Option(
            "--from",
            metavar="YYYY-MM-DD",
            help="With --as period: the first day the label covers.",
        ),
    ] = None,
    ends: Annotated[
        str | None,
        typer.Option(
            "--to",
            metavar="YYYY-MM-DD",
            help="With --as period: the last day it covers (the --from day for a snapshot).",
        ),
    ] = None,
) -> int:
    """List the labels no mapping matched, with ranked suggestions; or approve one.

    An approval appends one line, with who, when and why, to the topic pack or seed that label
    kind is mapped by; the next `foi build` uses it. A period label the rules cannot read is
    approved with the dates it means (into dbt/seeds/period_label_overrides.csv); its kind
    follows from them: one day is a snapshot (as_at), 1 April to 31 March a financial year,
    1 January to 31 December a calendar year, anything else a date range.

    Examples:

      foi review

      foi review --approve "Breech of S.H.P.O." --as shpo_breach --why "typo of SHPO"

      foi review --approve "Apr 23 - Mar 24" --as period --from 2023-04-01 --to 2024-03-31 --why FY
    """
    from dagster_project.review import run

    return run(_warehouse(warehouse), approve, target, why, who, starts, ends)


@app.command("report")
def report_command(
    out: Annotated[
        Path | None,
        typer.Option(
            "--out", file_okay=False, help="The folder to write.", show_default="warehouse/report/"
        ),
    ] = None,
    warehouse: Warehouse = None,
    raw_dir: RawDir = None,
) -> int:
    """Write the static HTML report (opens offline): an index of forces, a page per force and
    per measure, review and quality pages, the source documents copied beside it.

    Example:

      foi report --out /tmp/foi-report
    """
    from dagster_project.report import build_report

    published = _warehouse(warehouse)
    index = build_report(published, _raw(raw_dir), (out or published.parent / "report").resolve())
    print(f"foi report: {index}")
    return 0


@app.command("export")
def export_command(
    file_format: Annotated[
        ExportFormat, typer.Option("--format", help="The file format.")
    ] = ExportFormat.csv,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            file_okay=False,
            help="The folder to write.",
            show_default="warehouse/exports/<format>/",
        ),
    ] = None,
    warehouse: Warehouse = None,
) -> int:
    """Write every mart as a CSV or Parquet file (counts as integer columns, dates as dates).

    Example:

      foi export --format parquet --out /tmp/marts
    """
    from dagster_project.export import export_marts

    published = _warehouse(warehouse)
    target = (out or published.parent / "exports" / file_format.value).resolve()
    written = export_marts(published, target, file_format.value)
    print(f"foi export: {len(written)} marts as {file_format.value} in {target}")
    return 0


@app.command("status")
def status_command(warehouse: Warehouse = None) -> int:
    """Print the last build's status file (what stopped it, what was quarantined, which files
    could not be read), which a failed build leaves beside the published warehouse.

    Example:

      foi status
    """
    from dagster_project.build_status import read_status, status_path

    published = _warehouse(warehouse)
    last = read_status(published)
    if last is None:
        raise UserError(f"no build status at {status_path(published)}: run `foi build` first")
    print(f"last build {last['outcome']} at {last['finished_at']} ({status_path(published)})")
    for line in last["stopped_by"]:
        print(f"  stopped by {line}")
    for row in last["quarantined"]:
        print(f"  quarantined {row['path']}: {row['failing_rows']} rows failed {row['check_name']}")
    for row in last["ingest_errors"]:
        print(f"  {row['severity']} {row['path']}: {row['reason']}")
    return 0


@app.command("prepare")
def prepare_command(
    quiet: Annotated[bool, typer.Option("--quiet", help="Print nothing unless it fails.")] = False,
) -> int:
    """Write the dbt manifest (dbt parse) that the Dagster definitions load, when it is out of
    date. `foi build` and `make ui` do this themselves.

    Example:

      foi prepare --quiet
    """
    prepare(quiet=quiet)
    return 0


topic_app = typer.Typer(
    help="Topic packs: what a round robin on one subject counts (topics/<topic>/topic.yml, "
    "and the folders named in FOI_TOPIC_PATH).\n\nExample:\n\n  foi topic new knife-crime "
    "--in ~/foi/topics",
    no_args_is_help=True,
)
app.add_typer(topic_app, name="topic")


@topic_app.command("new")
def topic_new_command(
    name: Annotated[str, typer.Argument(help="The topic, in kebab-case: knife-crime.")],
    folder: Annotated[
        Path | None,
        typer.Option(
            "--in",
            file_okay=False,
            help="The folder of packs to write it in (one named in FOI_TOPIC_PATH, say).",
            show_default="topics/",
        ),
    ] = None,
) -> int:
    """Write a skeleton pack, NAME/topic.yml, to fill in: its measures, label and question
    patterns, dimensions. Put it in a folder named in FOI_TOPIC_PATH to keep it outside the
    repository.

    Example:

      foi topic new knife-crime --in ~/foi/topics
    """
    from dagster_project import topics

    text = topics.skeleton(name)
    path = (folder or topics.TOPICS_DIR).expanduser().resolve() / name / topics.PACK_FILE
    if path.exists():
        raise UserError(f"{path} exists already: edit it, or choose another name")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    topics.load_pack(path)
    print(f"foi topic new: wrote {path}; fill it in, then `foi topic check` and `foi build`")
    return 0


@topic_app.command("check")
def topic_check_command() -> int:
    """Validate every pack (topics/ and FOI_TOPIC_PATH): keys, types, patterns that RE2 can
    compile, measure names unique across packs. Exit 2 with the file and line of the first
    problem.

    Example:

      FOI_TOPIC_PATH=~/foi/topics foi topic check
    """
    from dagster_project import topics

    packs = topics.load_packs()
    for pack in packs:
        values = {v.dimension for v in pack.dimension_values}
        print(
            f"{pack.topic}: {len(pack.measures)} measures, {len(pack.questions)} question "
            f"patterns, {len(values)} dimensions, {len(pack.offences)} offences ({pack.path})"
        )
    print(f"foi topic check: {len(packs)} packs valid")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run `foi` with these arguments; returns the exit code. A user error is one line on
    stderr, never a traceback."""
    command = typer.main.get_command(app)
    name = next((a for a in (argv if argv is not None else sys.argv[1:]) if a[:1] != "-"), "")
    prefix = f"foi {name}" if name in app_commands() else "foi"
    try:
        return command.main(args=argv, prog_name="foi", standalone_mode=False) or 0
    except typer.Exit as done:
        return done.exit_code
    except typer.TyperException as error:  # click's usage errors, as typer vendors click
        hint = f"`{prefix} --help`"
        print(f"{prefix}: {error.format_message()} (see {hint})", file=sys.stderr)
        return 2
    except typer.Abort:
        print(f"{prefix}: interrupted", file=sys.stderr)
        return 130
    except _user_errors() as error:
        print(f"{prefix}: {error}", file=sys.stderr)
        return 2


def app_commands() -> set[str]:
    return {c.name for c in app.registered_commands} | {g.name for g in app.registered_groups}


if __name__ == "__main__":
    sys.exit(main())
