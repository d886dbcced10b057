"""The Dagster UI: a real webserver on loopback, asked over GraphQL for the asset graph. Files ->
raw tables -> staging -> intermediate -> marts -> published is one connected lineage, the dbt
tests are attached as asset checks, and the committed instance config queues runs one at a time.
"""

from __future__ import annotations

import itertools
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import committed_dagster_home

READY_POLLS = 600  # half-second polls: the webserver loads the dbt manifest first

QUERY = """
{
  assetNodes {
    assetKey { path }
    dependencyKeys { path }
    assetChecksOrError { ... on AssetChecks { checks { name } } }
  }
  repositoriesOrError {
    ... on RepositoryConnection { nodes { sensors { name } schedules { name } } }
  }
  instance { runQueueConfig { maxConcurrentRuns } }
}
"""

CHAIN = [
    "raw/files",
    "raw/documents",
    "staging/stg_documents",
    "intermediate/int_documents_resolved",
    "intermediate/int_figure_meanings",
    "intermediate/int_figures_classified",
    "marts/fct_disclosed_figures",
    "warehouse/published",
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def webserver(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    home = committed_dagster_home(tmp_path_factory.mktemp("dagster_home"))
    port = free_port()
    server = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "dagster-webserver"),
            "-m",
            "dagster_project.definitions",
            "-h",
            "127.0.0.1",
            "-p",
            str(port),
        ],
        env={**os.environ, "DAGSTER_HOME": str(home)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(READY_POLLS):
            if server.poll() is not None:
                pytest.fail(f"dagster-webserver exited: {server.stderr.read()}")
            try:
                with urllib.request.urlopen(f"{url}/server_info", timeout=5) as response:
                    if response.status == 200:
                        break
            except OSError:
                time.sleep(0.5)
        else:
            pytest.fail("dagster-webserver did not answer on /server_info")
        yield url
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def graphql(url: str, query: str) -> dict:
    request = urllib.request.Request(
        f"{url}/graphql",
        data=json.dumps({"query": query}).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=120) as response:
        answer = json.load(response)
    assert "errors" not in answer, answer.get("errors")
    return answer["data"]


@pytest.fixture(scope="module")
def ui_data(webserver: str) -> dict:
    return graphql(webserver, QUERY)


def lineage(ui_data: dict) -> dict[str, set[str]]:
    return {
        "/".join(node["assetKey"]["path"]): {"/".join(d["path"]) for d in node["dependencyKeys"]}
        for node in ui_data["assetNodes"]
    }


def test_ui_shows_one_connected_lineage_from_files_to_published(ui_data: dict) -> None:
    deps = lineage(ui_data)
    for upstream, downstream in itertools.pairwise(CHAIN):
        assert upstream in deps[downstream], f"{downstream} does not depend on {upstream}"
    # One weakly connected graph: every asset reaches raw/files through some dependency path.
    neighbours: dict[str, set[str]] = {key: set() for key in deps}
    for key, ups in deps.items():
        for up in ups:
            neighbours[key].add(up)
            neighbours.setdefault(up, set()).add(key)
    reached, frontier = {"raw/files"}, ["raw/files"]
    while frontier:
        for nxt in neighbours[frontier.pop()] - reached:
            reached.add(nxt)
            frontier.append(nxt)
    assert reached == set(neighbours)
    reports = [key for key in deps if key.split("/")[0] in ("report", "reports")]
    for report in reports:  # the report, once defined, sits downstream of the marts
        assert "marts/fct_disclosed_figures" in ancestors(deps, report), report


def ancestors(deps: dict[str, set[str]], key: str) -> set[str]:
    found, frontier = set(), [key]
    while frontier:
        for up in deps.get(frontier.pop(), set()) - found:
            found.add(up)
            frontier.append(up)
    return found


def test_ui_attaches_the_dbt_tests_as_asset_checks(ui_data: dict) -> None:
    from dagster_project.definitions import defs

    expected = {
        (check.asset_key.to_user_string(), check.name)
        for check in defs.resolve_asset_graph().asset_check_keys
    }
    shown = {
        ("/".join(node["assetKey"]["path"]), check["name"])
        for node in ui_data["assetNodes"]
        for check in node["assetChecksOrError"].get("checks", [])
    }
    assert expected and shown == expected
    # a model's required columns are one check (decision 1600), not one per column
    assert ("marts/fct_disclosed_figures", "columns_not_null_fct_disclosed_figures") in shown
    assert ("marts/fct_disclosed_figures", "not_null_fct_disclosed_figures_figure_id") not in shown


def test_ui_lists_the_sensor_and_schedule_and_queues_one_run_at_a_time(ui_data: dict) -> None:
    (repository,) = ui_data["repositoriesOrError"]["nodes"]
    assert [s["name"] for s in repository["sensors"]] == ["raw_documents_sensor"]
    assert [s["name"] for s in repository["schedules"]] == ["weekly_rebuild"]
    assert ui_data["instance"]["runQueueConfig"] == {"maxConcurrentRuns": 1}
