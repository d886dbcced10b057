"""The `foi` command as a user meets it: real processes, real warehouses. Help for every command
and option, one clear line for every user error, the exact text query results print as, and a
build's output (a short summary; Dagster and dbt detail only with -v)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import dagster as dg
import pytest
import typer

from dagster_project.cli import app
from dagster_project.paths import PROJECT_ROOT


def foi(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "dagster_project.cli", *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        cwd=PROJECT_ROOT,
    )


def test_every_command_and_option_has_help_and_every_command_an_example() -> None:
    group = typer.main.get_command(app)
    assert set(group.commands) >= {
        "build",
        "query",
        "review",
        "report",
        "export",
        "status",
        "prepare",
        "topic",
    }
    commands = dict(group.commands)
    commands.update({f"topic {n}": c for n, c in group.commands["topic"].commands.items()})
    for name, command in commands.items():
        assert "Example" in command.help, name
        for param in command.params:
            if isinstance(param, typer.core.TyperOption) and param.name != "help":
                assert param.help, f"{name} {param.name}"
    top = foi("--help")
    assert top.returncode == 0
    for variable in ("FOI_RAW_DIR", "FOI_WAREHOUSE", "FOI_TOPIC_PATH"):
        assert variable in top.stdout
    build = foi("build", "--help").stdout
    for option in ("--raw-dir", "--warehouse", "--full-refresh", "--force", "--strict", "-v"):
        assert option in build
    assert "[env var: FOI_RAW_DIR; default: (raw/)]" in " ".join(build.split())
    assert "default: table" in foi("query", "--help").stdout


def assert_one_line_error(done: subprocess.CompletedProcess, expected: str) -> None:
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    assert done.stderr.count("\n") == 1, done.stderr
    assert done.stderr == expected + "\n"


def test_missing_raw_folder_is_one_line(tmp_path: Path) -> None:
    done = foi("build", "--raw-dir", str(tmp_path / "nowhere"), "--warehouse", str(tmp_path / "w"))
    assert_one_line_error(
        done,
        f"foi build: no raw folder at {tmp_path / 'nowhere'}: put documents in <raw>/<force>/ "
        "or name the folder with --raw-dir (or FOI_RAW_DIR)",
    )


@pytest.mark.parametrize("command", [["query", "select 1"], ["export"], ["report"], ["review"]])
def test_no_warehouse_is_one_line(tmp_path: Path, command: list[str]) -> None:
    missing = tmp_path / "foi.duckdb"
    done = foi(*command, "--warehouse", str(missing))
    assert_one_line_error(
        done, f"foi {command[0]}: no warehouse at {missing}: run `make run` (or `foi build`) first"
    )


def test_bad_sql_is_one_line(seed_warehouse: Path) -> None:
    done = foi("query", "selec * from marts.nothing", "--warehouse", str(seed_warehouse))
    assert_one_line_error(
        done, 'foi query: the query failed: Parser Error: syntax error at or near "selec"'
    )
    done = foi("query", "select * from marts.nothing", "--warehouse", str(seed_warehouse))
    assert done.stderr.startswith("foi query: the query failed: Catalog Error: Table with name")
    assert done.returncode == 2 and done.stderr.count("\n") == 1


def test_unknown_option_and_unknown_approval_are_one_line(seed_warehouse: Path) -> None:
    assert_one_line_error(
        foi("build", "--colour"),
        "foi build: No such option: --colour (see `foi build --help`)",
    )
    done = foi(
        "review",
        "--approve",
        "No such label",
        "--as",
        "shpo_breach",
        "--why",
        "test",
        "--warehouse",
        str(seed_warehouse),
    )
    assert done.returncode != 0 and "Traceback" not in done.stderr
    assert done.stderr.count("\n") == 1
    assert "no figure waiting for review has a label 'No such label'" in done.stderr


def test_foi_alone_prints_the_help() -> None:
    done = foi()
    assert done.returncode == 0
    assert done.stdout.startswith("Usage: foi [OPTIONS] COMMAND [ARGS]...")


def test_status_without_a_build_is_one_line(tmp_path: Path) -> None:
    published = tmp_path / "foi.duckdb"
    assert_one_line_error(
        foi("status", "--warehouse", str(published)),
        f"foi status: no build status at {tmp_path / 'foi.status.json'}: run `foi build` first",
    )


VALUES = (
    "select * from (values "
    "('Avon', 396.0, 14.936261, timestamp '2022-03-14 00:00:00', null::varchar), "
    "('Kent', 4295.0, null, timestamp '2023-01-02 00:00:00', 'said <5'), "
    "('Essex', null, 0.5, null, 'x')) as t(force, breaches, per_100k, answered, note)"
)


def test_query_prints_counts_as_integers_dates_as_dates_and_null_as_empty(
    seed_warehouse: Path,
) -> None:
    table = foi("query", VALUES, "--warehouse", str(seed_warehouse))
    assert table.stdout == (
        "force  breaches  per_100k  answered    note\n"
        "-----  --------  --------  ----------  -------\n"
        "Avon        396     14.94  2022-03-14\n"
        "Kent       4295            2023-01-02  said <5\n"
        "Essex                0.50              x\n"
    )
    csv = foi("query", VALUES, "--warehouse", str(seed_warehouse), "--format", "csv")
    assert csv.stdout == (
        "force,breaches,per_100k,answered,note\n"
        "Avon,396,14.936261,2022-03-14,\n"
        "Kent,4295,,2023-01-02,said <5\n"
        "Essex,,0.5,,x\n"
    )
    json_out = foi(
        "query", VALUES + " limit 1", "--warehouse", str(seed_warehouse), "--format", "json"
    )
    assert json_out.stdout == (
        '[\n {\n  "force": "Avon",\n  "breaches": 396,\n  "per_100k": 14.936261,\n'
        '  "answered": "2022-03-14",\n  "note": null\n }\n]\n'
    )


def test_query_of_a_mart_with_nulls_prints_whole_counts(seed_warehouse: Path) -> None:
    done = foi(
        "query",
        "select financial_year, offence_category, breaches, per_100k, earliest_response_date "
        "from marts.fct_breaches_by_force_year where offence_category = 'shpo' "
        "order by financial_year",
        "--warehouse",
        str(seed_warehouse),
    )
    assert done.stdout.splitlines()[2:] == [
        "2017-18         shpo                    20      0.69  2022-03-14",
        "2018-19         shpo                    30      1.03  2022-03-14",
        "2019-20         shpo                    52      1.78  2022-03-14",
        "2020-21         shpo                    50            2022-03-14",
        "2021-22         shpo                    85            2022-03-14",
    ]


@pytest.fixture(scope="module")
def cli_builds(unreadable_builds: dict) -> dict:
    """Two real `foi build` processes on the seed and an unreadable file: a first (quiet) build,
    then an unchanged one with -v; both recorded in one Dagster instance (tests/conftest.py)."""
    return unreadable_builds


def test_build_prints_a_short_summary(cli_builds: dict) -> None:
    first = cli_builds["first"]
    root = cli_builds["root"]
    assert first.returncode == 0, first.stderr
    assert first.stdout.splitlines()[0] == f"foi build: {root / 'raw'} -> {root / 'w/foi.duckdb'}"
    assert first.stdout.splitlines()[1].startswith(f"foi build: published {root / 'w/foi.duckdb'}")
    assert first.stdout.splitlines()[2:] == [
        "  documents    1 (2 new, 0 changed, 0 unchanged, 0 removed)",
        "  figures      56 from 1 forces, in marts.fct_disclosed_figures",
        "  review       nothing waits for a person",
        "  quarantined  none",
        "  unreadable   1 files (raw.ingest_errors):",
        f"    {root / 'raw/west-midlands/scan.pdf'}: "
        "the file is not a PDF (it does not start with %PDF-)",
        f"  detail       {root / 'w/.build/last-build.log'} (or `foi build -v`)",
    ]
    assert first.stderr == ""
    assert "OK created sql view model staging." in (root / "w/.build/last-build.log").read_text()


def test_unchanged_build_answers_from_the_listing_without_noise(cli_builds: dict) -> None:
    second = cli_builds["second"]
    root = cli_builds["root"]
    assert second.returncode == 0, second.stderr
    out = second.stdout + second.stderr
    assert "nothing changed since the published build (no file under the raw folder" in out
    assert "raw_tables" not in out  # no run: nothing was read again
    assert "  documents    1 (0 new, 0 changed, 2 unchanged, 0 removed)" in out
    assert f"    {root / 'raw/west-midlands/scan.pdf'}: " in out
    assert "INFO:dagster.builtin" not in out
    assert "emitted no result" not in out
    assert "No dagster instance configuration" not in out
    assert "Telemetry" not in out


def test_every_build_is_in_the_instance_history(cli_builds: dict, monkeypatch) -> None:
    """The first build is a run; the second, which the listing shows has nothing to do, is an
    observation of raw/files (decision 1500)."""
    monkeypatch.setenv("DAGSTER_HOME", str(cli_builds["home"]))
    with dg.DagsterInstance.get() as instance:
        runs = instance.get_runs()
        checks = instance.fetch_observations(dg.AssetKey(["raw", "files"]), limit=10).records
    assert [(r.job_name, r.status.value) for r in runs] == [("rebuild_everything", "SUCCESS")]
    assert [c.run_id for c in checks] == [""]
    observation = checks[0].asset_observation
    assert observation.description == "foi build: nothing changed since the published build"
    assert observation.metadata["raw_dir"].value == str(cli_builds["root"] / "raw")
