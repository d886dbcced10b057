"""`foi`: build the warehouse through Dagster, query it read-only, prepare the dbt manifest."""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from pathlib import Path

from dagster_project.paths import DBT_DIR, default_raw_dir, default_warehouse

MANIFEST = DBT_DIR / "target" / "manifest.json"


def _dbt_sources_newest() -> float:
    newest = (DBT_DIR / "dbt_project.yml").stat().st_mtime
    for folder in ("models", "macros", "seeds", "tests", "analyses"):
        for path in (DBT_DIR / folder).rglob("*"):
            if path.is_file():
                newest = max(newest, path.stat().st_mtime)
    return newest


def prepare(quiet: bool = False) -> None:
    """Write dbt/target/manifest.json with `dbt parse` when it is missing or out of date."""
    if MANIFEST.exists() and MANIFEST.stat().st_mtime >= _dbt_sources_newest():
        return
    from dbt.cli.main import dbtRunner

    args = ["parse", "--project-dir", str(DBT_DIR), "--profiles-dir", str(DBT_DIR)]
    if quiet:
        args.insert(0, "--quiet")
    result = dbtRunner().invoke(args)
    if not result.success:
        raise SystemExit(f"dbt parse failed: {result.exception}")


def build(
    raw_dir: Path,
    warehouse: Path,
    full_refresh: bool = False,
    force: bool = False,
    strict: bool = False,
) -> int:
    """Materialise every asset once: ingest (new and changed documents only, unless
    `full_refresh`), dbt build (with tests), publish. Stops after the ingest when nothing
    changed since the published build, unless `force` or `full_refresh`. Waits while another
    build of the same warehouse is running. Documents that failed a data test are quarantined
    and the rest publishes (exit 0; 1 with `strict`); a failure that belongs to no document
    publishes nothing (exit 1)."""
    prepare(quiet=True)
    os.environ["FOI_RAW_DIR"] = str(raw_dir)
    os.environ["FOI_WAREHOUSE"] = str(warehouse)
    import dagster as dg

    from dagster_project.definitions import ALL_ASSETS
    from dagster_project.defs.resources import make_resources

    started = time.monotonic()
    print(f"foi build: {raw_dir} -> {warehouse}", flush=True)
    instance = dg.DagsterInstance.get() if os.environ.get("DAGSTER_HOME") else None
    if instance is None:
        instance = dg.DagsterInstance.ephemeral()
    result = dg.materialize(
        ALL_ASSETS,
        resources=make_resources(str(raw_dir), str(warehouse)),
        instance=instance,
        run_config={
            "ops": {"raw_tables": {"config": {"full_refresh": full_refresh, "force": force}}},
            # Progress, not event chatter: dbt's per-model lines and warnings are INFO.
            "loggers": {
                "console": {"config": {"log_level": os.environ.get("FOI_LOG_LEVEL", "INFO")}}
            },
        },
        raise_on_error=False,
    )
    elapsed = time.monotonic() - started
    if not result.success:
        failed = [e.step_key for e in result.get_step_failure_events()]
        print(
            f"foi build failed in {elapsed:.1f}s at {', '.join(failed) or 'a step'}; the "
            f"published warehouse {warehouse} was left as it was.",
            file=sys.stderr,
        )
        for reason in _failure_reasons(result):
            print(f"  {reason}", file=sys.stderr)
        return 1
    if any(
        event.event_type_value == "STEP_SKIPPED" and event.step_key == "warehouse__published"
        for event in result.all_events
    ):
        print(
            "foi build: nothing changed since the published build (same documents, same code): "
            "dbt and publication were skipped. `foi build --force` rebuilds anyway."
        )
    quarantined = _print_summary(warehouse, elapsed)
    if strict and quarantined:
        print(f"foi build --strict: {quarantined} documents quarantined", file=sys.stderr)
        return 1
    return 0


_ANSI = re.compile(r"\x1b\[[0-9;]*m")
_DBT_FAILURE = re.compile(
    r"^(\d+ of \d+ (FAIL|ERROR)\b|(Failure|Error) in |Database Error|(FAIL|ERROR) \S+: )"
)


def _failure_reasons(result) -> list[str]:
    """What stopped a build, one line each: the dbt tests and models that failed, else the
    first line of each failure's error."""
    reasons: list[str] = []
    for event in result.all_events:
        if not (event.is_step_failure or event.event_type_value == "RUN_FAILURE"):
            continue
        error = getattr(event.event_specific_data, "error", None)
        if error is None:
            continue
        lines = [_ANSI.sub("", line).strip() for line in error.message.splitlines()]
        dbt_lines = [line for line in lines if _DBT_FAILURE.match(line)]
        reasons.extend(dict.fromkeys(dbt_lines) or [next(line for line in lines if line)])
    return reasons


def _print_summary(warehouse: Path, elapsed: float) -> int:
    """Print what the published warehouse holds; returns how many documents are quarantined."""
    from dagster_project.warehouse import connect_read_only

    con = connect_read_only(warehouse)
    try:
        docs = con.execute("select count(distinct document_id) from raw.documents").fetchone()[0]
        errors = con.execute(
            "select path, reason, error_kind like 'warning_%' from raw.ingest_errors order by path"
        ).fetchall()
        facts = con.execute("select count(*) from marts.fct_disclosed_figures").fetchone()[0]
        review = con.execute("select count(*) from marts.dq_unclassified").fetchone()[0]
        quarantined = con.execute(
            "select path, check_name, failing_rows from marts.dq_quarantined_documents "
            "order by path, check_name"
        ).fetchall()
    finally:
        con.close()
    warnings = [(path, reason) for path, reason, is_warning in errors if is_warning]
    unreadable = [(path, reason) for path, reason, is_warning in errors if not is_warning]
    documents_quarantined = len({path for path, _, _ in quarantined})
    print(
        f"foi build: done in {elapsed:.1f}s: {docs} documents, {facts} figures, "
        f"{review} for review, {documents_quarantined} quarantined, "
        f"{len(unreadable)} unreadable files, {len(warnings)} warnings"
    )
    for path, reason in unreadable:
        print(f"  could not read {path}: {reason}")
    for path, reason in warnings:
        print(f"  warning: {path}: {reason}")
    for path, check, rows in quarantined:
        print(f"  quarantined {path}: {rows} rows failed {check}")
    return documents_quarantined


def status(warehouse: Path) -> int:
    """Print the outcome of the last build of `warehouse`, published or not."""
    from dagster_project.build_status import read_status, status_path

    last = read_status(warehouse)
    if last is None:
        print(f"no build status at {status_path(warehouse)}: run `foi build`", file=sys.stderr)
        return 2
    print(f"last build {last['outcome']} at {last['finished_at']} ({status_path(warehouse)})")
    for line in last["stopped_by"]:
        print(f"  stopped by {line}")
    for row in last["quarantined"]:
        print(f"  quarantined {row['path']}: {row['failing_rows']} rows failed {row['check_name']}")
    for row in last["ingest_errors"]:
        print(f"  {row['severity']} {row['path']}: {row['reason']}")
    return 0


def _format_value(value: object) -> object:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def query(sql: str, warehouse: Path, output_format: str) -> int:
    """Run one read-only SQL statement against the published warehouse and print the result."""
    import duckdb

    from dagster_project.warehouse import WarehouseMissing, connect_read_only

    try:
        con = connect_read_only(warehouse)
    except WarehouseMissing as error:
        print(error, file=sys.stderr)
        return 2
    try:
        frame = con.execute(sql).df()
    except duckdb.Error as error:
        print(f"query failed: {error}", file=sys.stderr)
        return 1
    finally:
        con.close()
    frame = frame.map(_format_value).astype(object).where(frame.notna(), None)
    if output_format == "csv":
        frame.to_csv(sys.stdout, index=False)
    elif output_format == "json":
        print(json.dumps(frame.to_dict(orient="records"), default=str, indent=1))
    else:
        import pandas as pd

        with pd.option_context(
            "display.max_rows",
            None,
            "display.max_columns",
            None,
            "display.width",
            250,
            "display.max_colwidth",
            60,
        ):
            print(frame.to_string(index=False) if len(frame) else "(no rows)")
    return 0


def outputs(args: argparse.Namespace) -> int:
    """`foi report` / `foi export`: write outputs from the published warehouse (read-only)."""
    from dagster_project.warehouse import WarehouseMissing

    warehouse = (args.warehouse or default_warehouse()).resolve()
    try:
        if args.command == "report":
            from dagster_project.report import build_report

            out = (args.out or warehouse.parent / "report").resolve()
            index = build_report(warehouse, (args.raw_dir or default_raw_dir()).resolve(), out)
            print(f"foi report: {index}")
        else:
            from dagster_project.export import export_marts

            out = (args.out or warehouse.parent / "exports" / args.format).resolve()
            written = export_marts(warehouse, out, args.format)
            print(f"foi export: {len(written)} marts as {args.format} in {out}")
    except WarehouseMissing as error:
        print(error, file=sys.stderr)
        return 2
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="foi", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    build_cmd = commands.add_parser("build", help="ingest raw/, run dbt, publish the warehouse")
    build_cmd.add_argument("--raw-dir", type=Path, default=None)
    build_cmd.add_argument("--warehouse", type=Path, default=None)
    build_cmd.add_argument(
        "--full-refresh", action="store_true", help="parse every document again (no cache)"
    )
    build_cmd.add_argument(
        "--force",
        action="store_true",
        help="run dbt and publish even when nothing changed since the published build",
    )
    build_cmd.add_argument(
        "--strict", action="store_true", help="exit non-zero when a document was quarantined"
    )

    status_cmd = commands.add_parser("status", help="the outcome and errors of the last build")
    status_cmd.add_argument("--warehouse", type=Path, default=None)

    query_cmd = commands.add_parser("query", help="read-only SQL against the warehouse")
    query_cmd.add_argument("sql")
    query_cmd.add_argument("--warehouse", type=Path, default=None)
    query_cmd.add_argument("--format", choices=["table", "csv", "json"], default="table")

    prepare_cmd = commands.add_parser("prepare", help="write the dbt manifest (dbt parse)")
    prepare_cmd.add_argument("--quiet", action="store_true")

    report_cmd = commands.add_parser("report", help="write the static HTML comparison report")
    report_cmd.add_argument("--out", type=Path, default=None)
    report_cmd.add_argument("--warehouse", type=Path, default=None)
    report_cmd.add_argument("--raw-dir", type=Path, default=None)

    export_cmd = commands.add_parser("export", help="write every mart as CSV or Parquet files")
    export_cmd.add_argument("--format", choices=["csv", "parquet"], default="csv")
    export_cmd.add_argument("--out", type=Path, default=None)
    export_cmd.add_argument("--warehouse", type=Path, default=None)

    review_cmd = commands.add_parser("review", help="list unclassified labels; --approve one")
    review_cmd.add_argument("--warehouse", type=Path, default=None)
    review_cmd.add_argument("--approve", metavar="LABEL", help="the label text to map")
    review_cmd.add_argument("--as", dest="target", help="offence_key, measure or force_id")
    review_cmd.add_argument("--why", default="", help="why the mapping is right")
    review_cmd.add_argument("--by", default=None, help="who approves (default: user name)")

    args = parser.parse_args(argv)
    if args.command == "review":
        from dagster_project.review import run

        warehouse = (args.warehouse or default_warehouse()).resolve()
        return run(warehouse, args.approve, args.target, args.why, args.by)
    if args.command == "build":
        return build(
            (args.raw_dir or default_raw_dir()).resolve(),
            (args.warehouse or default_warehouse()).resolve(),
            full_refresh=args.full_refresh,
            force=args.force,
            strict=args.strict,
        )
    if args.command == "status":
        return status((args.warehouse or default_warehouse()).resolve())
    if args.command == "query":
        return query(args.sql, (args.warehouse or default_warehouse()).resolve(), args.format)
    if args.command in ("report", "export"):
        return outputs(args)
    prepare(quiet=args.quiet)
    return 0


if __name__ == "__main__":
    sys.exit(main())
