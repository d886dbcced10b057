"""`make bench` at a tiny scale: it runs end to end and reports every metric (no time limits)."""

from __future__ import annotations

import hashlib
import json
import random
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks import corpus
from dagster_project.paths import PROJECT_ROOT

CONTRACT_MARTS = {
    "fct_disclosed_figures",
    "fct_breaches_by_force_year",
    "fct_register_by_force_year",
    "dq_total_mismatches",
    "dq_unclassified",
    "dq_conflicting_figures",
    "dq_section_mismatches",
    "force_coverage",
}
BUILDS = ("cold", "rebuild_unchanged", "rebuild_one_new", "cold_small")


def test_generated_disclosure_totals_add_up() -> None:
    doc = corpus.make_disclosure("west-midlands", 1, random.Random(3))
    breach_tables = [
        q.table for q in doc.questions if q.table and q.table.header[0] == "Offence Title"
    ]
    assert len(breach_tables) == 3
    for table in breach_tables:
        body = [[int(c.replace(",", "")) for c in row[1:]] for row in table.rows[:-1]]
        total = [int(c.replace(",", "")) for c in table.rows[-1][1:]]
        assert table.rows[-1][0] == "Total"
        assert [sum(column) for column in zip(*body, strict=True)] == total
        assert all(sum(row[:-1]) == row[-1] for row in body)


def test_corpus_is_synthetic_reproducible_and_in_every_format(tmp_path: Path) -> None:
    first = corpus.generate_corpus(tmp_path / "a", ["cleveland", "dorset"], 3)
    second = corpus.generate_corpus(tmp_path / "b", ["cleveland", "dorset"], 3)
    assert sorted(p.suffix for p in first) == sorted(f".{f}" for f in corpus.FORMATS)
    assert [hashlib.sha256(p.read_bytes()).hexdigest() for p in first] == [
        hashlib.sha256(p.read_bytes()).hexdigest() for p in second
    ]
    for path in first:
        sidecar = path.with_name(path.stem + ".meta.yml").read_text()
        assert "synthetic: true" in sidecar
        assert f"force: {path.parent.name}" in sidecar


@pytest.mark.slow
def test_bench_runs_at_tiny_scale_and_reports_every_metric(tmp_path: Path) -> None:
    results = tmp_path / "results"
    done = subprocess.run(
        [
            sys.executable,
            str(PROJECT_ROOT / "benchmarks" / "bench.py"),
            "--forces",
            "2",
            "--docs-per-force",
            "3",
            "--parse-sample",
            "2",
            "--query-runs",
            "2",
            "--workdir",
            str(tmp_path / "work"),
            "--results-dir",
            str(results),
        ],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    report = json.loads((results / "latest.json").read_text())
    assert "| target | limit | measured | met |" in (results / "latest.md").read_text()

    assert report["corpus"]["documents"] == 6
    assert report["corpus"]["synthetic"] is True
    assert report["corpus"]["formats"] == {fmt: 1 for fmt in corpus.FORMATS}
    assert Path(report["corpus"]["path"]).is_relative_to(tmp_path)

    assert set(report["parse"]) == set(corpus.FORMATS)
    for fmt, parse in report["parse"].items():
        assert parse["floor_docs_per_s"] > 0, fmt
        if parse["status"] == "measured":
            assert parse["docs_per_s"] > 0 and parse["ratio_to_floor"] > 0, fmt
        else:
            assert parse["status"] == "not yet supported", fmt

    assert set(report["builds"]) == set(BUILDS)
    for name in BUILDS:
        build = report["builds"][name]
        assert build["exit_code"] == 0, name
        assert build["seconds"] > 0 and build["cpu_seconds"] > 0, name
        assert build["peak_tree_rss_mib"] >= build["peak_process_rss_mib"] > 0, name
        if name == "rebuild_unchanged":
            # Nothing under raw/ was touched: the listing answers and no run starts.
            assert "steps" not in build, build
            assert "nothing changed since the published build" in Path(build["log"]).read_text()
            continue
        assert {"raw__files", "raw_tables", "foi_dbt_models", "warehouse__published"} <= set(
            build["steps"]
        ), name
        costs = build["fixed_costs"]
        assert costs["planned_events"] > 100, name  # one per asset and check
        assert costs["data_tests"] > 100, name
        for part in (
            "before_run",
            "run_planning",
            "dbt_setup",
            "dbt_start",
            "dbt_run",
            "dbt_tests_floor",
            "after_publication",
        ):
            assert costs[part] > 0, (name, part, costs)
        assert costs["fixed_before_work"] == pytest.approx(
            sum(costs[p] for p in ("before_run", "run_planning", "dbt_setup", "dbt_start")),
            abs=0.05,
        )
        # publication comes after the work before it and before the build's end
        assert costs["fixed_before_work"] < costs["published_after"] < build["seconds"], name
    assert report["builds"]["cold"]["published"]["documents"] == 6
    assert report["builds"]["rebuild_one_new"]["published"]["documents"] == 7
    assert report["builds"]["cold_small"]["published"]["documents"] == 2

    one_new = report["one_new_document"]
    assert one_new["visible"] is True
    assert (
        one_new["seconds_to_visible"]
        == report["builds"]["rebuild_one_new"]["fixed_costs"]["published_after"]
    )
    assert one_new["seconds_whole_build"] == report["builds"]["rebuild_one_new"]["seconds"]
    assert "| dbt_start: dbt's launch to its first node" in (results / "latest.md").read_text()
    assert report["one_new_document"]["figures_in_marts"] > 0
    assert set(report["queries"]) >= CONTRACT_MARTS
    for mart in CONTRACT_MARTS:
        assert report["queries"][mart]["median_ms"] > 0, report["queries"][mart]

    assert report["scaling"]["document_ratio"] == 3.0
    assert report["scaling"]["time_ratio"] > 0
    assert [t["key"] for t in report["targets"]] == [
        "cold_build_seconds",
        "peak_memory_mib",
        "unchanged_rebuild_seconds",
        "unchanged_rebuild_share_of_cold",
        "new_document_visible_seconds",
        "new_document_build_seconds",
        "parse_ratio_to_floor",
        "mart_query_ms",
        "time_ratio_per_10x_documents",
    ]
    assert all(isinstance(t["measured"], float | int) for t in report["targets"])
    assert all(isinstance(t["met"], bool) for t in report["targets"])
