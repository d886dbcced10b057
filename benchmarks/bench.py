"""`make bench`: how fast, how big and what it costs as the corpus grows.

Generates a synthetic corpus (forces x documents, every format, `synthetic: true`) outside
raw/, then measures what a user feels: parse throughput per format against the format library
alone, a cold `foi build`, a rebuild with nothing changed, a rebuild after one new document,
peak memory of each build (in a child process, so DuckDB and the dbt subprocess count), the
latency of a typical query on each mart, and the cost of a corpus ten times smaller. Writes
JSON and a markdown table to benchmarks/results/ (and `latest.*`), checked against the targets.

    make bench BENCH_ARGS="--forces 40 --docs-per-force 250"    # 10,000 documents
"""

from __future__ import annotations

import argparse
import cProfile
import csv
import hashlib
import json
import os
import platform
import pstats
import shlex
import shutil
import statistics
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import corpus

PROJECT_ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = PROJECT_ROOT / "benchmarks"
FORCES_SEED = PROJECT_ROOT / "dbt" / "seeds" / "forces.csv"
MIB = 1024 * 1024

# A typical question a user asks of each mart; {force} is a force in the corpus.
MART_QUERIES = {
    "fct_disclosed_figures": "select measure, period_label, sum(value) as value "
    "from marts.fct_disclosed_figures where force_id = '{force}' group by all order by all",
    "fct_breaches_by_force_year": "select force_id, offence_category, breaches, per_100k, "
    "rank_per_100k from marts.fct_breaches_by_force_year where financial_year = "
    "(select max(financial_year) from marts.fct_breaches_by_force_year) "
    "order by offence_category, rank_per_100k",
    "fct_register_by_force_year": "select force_id, year, value, per_100k "
    "from marts.fct_register_by_force_year where measure = 'registered_sex_offenders' "
    "and sex = 'all' order by force_id, year",
    "dq_total_mismatches": "select force_id, count(*) as mismatches, sum(abs(difference)) as "
    "off_by from marts.dq_total_mismatches group by force_id order by mismatches desc",
    "dq_unclassified": "select label_kind, label_text, count(*) as figures "
    "from marts.dq_unclassified group by all order by figures desc limit 50",
    "dq_conflicting_figures": "select force_id, measure, period_label, count(*) as figures "
    "from marts.dq_conflicting_figures group by all order by figures desc limit 100",
    "dq_section_mismatches": "select * from marts.dq_section_mismatches "
    "where force_id = '{force}' order by document_id, section_no",
    "force_coverage": "select force_id, outcome, count(*) as questions "
    "from marts.force_coverage group by all order by all",
}

# Issue 16's targets at 10,000 documents: cold no slower than the 2026-11-29 measure, nothing
# changed under 5 s, one new document in the marts under 10 s (the earlier limits were 600 s,
# a fifth of the cold build and 30 s).
TARGETS = {
    "cold_build_seconds": 244.0,
    "peak_memory_mib": 2048.0,
    "unchanged_rebuild_seconds": 5.0,
    "unchanged_rebuild_share_of_cold": 0.20,
    "new_document_visible_seconds": 10.0,
    "new_document_build_seconds": 10.0,
    "parse_ratio_to_floor": 1.5,
    "mart_query_ms": 100.0,
    "time_ratio_per_10x_documents": 11.0,
}


# ---------------------------------------------------------------- format library floors


def _floor_txt(path: Path) -> object:
    return path.read_bytes().decode("utf-8", errors="replace")


def _floor_csv(path: Path) -> object:
    with path.open(newline="", encoding="utf-8", errors="replace") as handle:
        return list(csv.reader(handle))


def _floor_html(path: Path) -> object:
    from bs4 import BeautifulSoup

    return BeautifulSoup(path.read_bytes(), "lxml").get_text("\n")


def _floor_pdf(path: Path) -> object:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return [page.extract_text() for page in pdf.pages]


def _floor_docx(path: Path) -> object:
    import docx

    document = docx.Document(str(path))
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    return [p.text for p in document.paragraphs] + cells


def _floor_xlsx(path: Path) -> object:
    import openpyxl

    workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        return [row for sheet in workbook.worksheets for row in sheet.iter_rows(values_only=True)]
    finally:
        workbook.close()


FLOORS: dict[str, tuple[Callable[[Path], object], str]] = {
    "txt": (_floor_txt, "read bytes and decode UTF-8"),
    "csv": (_floor_csv, "csv.reader over every row"),
    "html": (_floor_html, "BeautifulSoup(lxml).get_text()"),
    "pdf": (_floor_pdf, "pdfplumber: extract_text() of every page"),
    "docx": (_floor_docx, "python-docx: text of every paragraph and table cell"),
    "xlsx": (_floor_xlsx, "openpyxl read-only: values of every row of every sheet"),
}


# ---------------------------------------------------------------- corpus


def prepare_corpus(
    workdir: Path, forces: int, docs_per_force: int, formats: tuple[str, ...], seed: int
) -> dict:
    """Generate the corpus under workdir/raw, or reuse it when made with the same arguments."""
    raw = workdir / "raw"
    stamp = workdir / "corpus.json"
    wanted = {
        "forces": forces,
        "docs_per_force": docs_per_force,
        "formats": list(formats),
        "seed": seed,
        "generator_sha256": hashlib.sha256(Path(corpus.__file__).read_bytes()).hexdigest(),
    }
    reused = stamp.exists() and json.loads(stamp.read_text()) == wanted and raw.is_dir()
    started = time.perf_counter()
    if not reused:
        shutil.rmtree(raw, ignore_errors=True)
        force_ids = corpus.territorial_forces(FORCES_SEED)[:forces]
        corpus.generate_corpus(raw, force_ids, docs_per_force, formats, seed)
        stamp.write_text(json.dumps(wanted))
    files = [p for p in raw.rglob("*") if p.is_file() and not p.name.endswith(".meta.yml")]
    return {
        "path": str(raw),
        "synthetic": True,
        "forces": forces,
        "docs_per_force": docs_per_force,
        "documents": len(files),
        "formats": dict(sorted(Counter(p.suffix.lstrip(".") for p in files).items())),
        "megabytes": round(sum(p.stat().st_size for p in files) / MIB, 2),
        "generate_seconds": None if reused else round(time.perf_counter() - started, 2),
        "reused": reused,
    }


# ---------------------------------------------------------------- parse throughput


def _time_each(paths: list, read: Callable) -> float:
    read(paths[0])  # not timed: the first call pays for lazy imports and compiled patterns
    started = time.perf_counter()
    for item in paths:
        read(item)
    return time.perf_counter() - started


def measure_parsing(raw: Path, sample: int) -> dict:
    """Per format: documents/s for parse_document and the parser alone, against the floor."""
    from dagster_project.ingest.documents import discover_documents, parse_document
    from dagster_project.ingest.formats.registry import PARSERS

    by_format: dict[str, list] = {}
    for source in discover_documents(raw):
        by_format.setdefault(source.format, []).append(source)
    results = {}
    for fmt, sources in sorted(by_format.items()):
        chosen = sources[:sample]
        floor, floor_operation = FLOORS[fmt]
        paths = [s.path for s in chosen]
        for path in paths:  # warm the page cache so no side pays for the disk
            path.read_bytes()
        floor_s = _time_each(paths, floor)
        entry = {
            "sample": len(chosen),
            "floor_operation": floor_operation,
            "floor_docs_per_s": round(len(chosen) / floor_s, 1),
        }
        if fmt not in PARSERS:
            results[fmt] = {"status": "not yet supported", **entry}
            continue
        parser_s = _time_each(paths, PARSERS[fmt])
        document_s = _time_each(chosen, parse_document)
        results[fmt] = {
            "status": "measured",
            **entry,
            "parser_docs_per_s": round(len(chosen) / parser_s, 1),
            "docs_per_s": round(len(chosen) / document_s, 1),
            "parser_ratio_to_floor": round(parser_s / floor_s, 2),
            "ratio_to_floor": round(document_s / floor_s, 2),
            "hotspots": _parse_hotspots(chosen, parse_document),
        }
    return results


def _parse_hotspots(sources: list, parse: Callable, top: int = 6) -> dict[str, list[dict]]:
    """Where parse_document spends its time: the project functions by cumulative share, and
    the functions of any library by own (self) share."""
    profile = cProfile.Profile()
    profile.enable()
    for source in sources:
        parse(source)
    profile.disable()
    stats = pstats.Stats(profile).stats  # type: ignore[attr-defined]
    total = sum(row[2] for row in stats.values()) or 1.0

    def name(key: tuple) -> str:
        file, line, function = key
        return f"{Path(file).name}:{line}:{function}"

    ours = [(k, row) for k, row in stats.items() if "dagster_project" in k[0]]
    by_cumulative = sorted(ours, key=lambda item: item[1][3], reverse=True)[: top + 2]
    by_self = sorted(stats.items(), key=lambda item: item[1][2], reverse=True)[:top]
    return {
        "project_cumulative": [
            {"function": name(k), "share": round(row[3] / total, 3)} for k, row in by_cumulative
        ],
        "self": [{"function": name(k), "share": round(row[2] / total, 3)} for k, row in by_self],
    }


# ---------------------------------------------------------------- builds in a child process


def _tree_rss_bytes(root: int) -> int:
    """Resident memory of a process and all its descendants, read from /proc."""
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            parents[int(entry)] = int(stat.rsplit(")", 1)[1].split()[1])
    tree, frontier = {root}, [root]
    while frontier:
        parent = frontier.pop()
        children = [pid for pid, ppid in parents.items() if ppid == parent]
        tree.update(children)
        frontier.extend(children)
    total = 0
    for pid in tree:
        try:
            resident_pages = int(Path(f"/proc/{pid}/statm").read_text().split()[1])
        except (OSError, IndexError, ValueError):
            continue
        total += resident_pages * os.sysconf("SC_PAGE_SIZE")
    return total


def run_build(raw: Path, warehouse: Path, log: Path, env: dict[str, str]) -> dict:
    """Run `foi build` in a child process: wall time, CPU time, peak memory, exit code."""
    command = [
        sys.executable,
        "-m",
        "dagster_project.cli",
        "build",
        "--raw-dir",
        str(raw),
        "--warehouse",
        str(warehouse),
    ]
    peak_tree = 0
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("w") as output:
        spawned_at = time.time()
        started = time.perf_counter()
        child = subprocess.Popen(
            command, stdout=output, stderr=subprocess.STDOUT, env=env, cwd=PROJECT_ROOT
        )
        done = threading.Event()

        def sample() -> None:
            nonlocal peak_tree
            while not done.wait(0.5):
                peak_tree = max(peak_tree, _tree_rss_bytes(child.pid))

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        # wait4 reports this child's own peak, including descendants it waited for (dbt).
        _pid, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - started
        done.set()
        sampler.join()
    child.returncode = os.waitstatus_to_exitcode(status)
    return {
        "seconds": round(seconds, 2),
        "spawned_at": spawned_at,
        "exit_code": child.returncode,
        "cpu_seconds": round(usage.ru_utime + usage.ru_stime, 2),
        "peak_process_rss_mib": round(usage.ru_maxrss * 1024 / MIB, 1),
        # Sampled twice a second, so a build of a few seconds can fall between samples: the
        # tree's peak is at least the process's own.
        "peak_tree_rss_mib": round(max(peak_tree, usage.ru_maxrss * 1024) / MIB, 1),
        "log": str(log),
    }


def latest_run_id() -> str | None:
    """The id of the newest Dagster run in this benchmark's instance."""
    import dagster as dg

    with dg.DagsterInstance.get() as instance:
        runs = instance.get_runs(limit=1)
        return runs[0].run_id if runs else None


def run_breakdown(run_id: str, spawned_at: float) -> dict:
    """Seconds per Dagster step of one run, the slowest dbt nodes of that run, and where the
    build's fixed costs went (`fixed_costs`)."""
    import dagster as dg

    with dg.DagsterInstance.get() as instance:
        stats = instance.get_run_stats(run_id)
        steps = {
            s.step_key: round(s.end_time - s.start_time, 2)
            for s in instance.get_run_step_stats(run_id)
            if s.start_time and s.end_time
        }
        records = instance.all_logs(run_id)
    breakdown = {
        "run_seconds": round((stats.end_time or 0) - (stats.start_time or 0), 2),
        "steps": steps,
    }
    results = sorted((PROJECT_ROOT / "dbt" / "target").glob(f"*-{run_id[:7]}*/run_results.json"))
    run_results = json.loads(results[-1].read_text()) if results else None
    if run_results:
        nodes = run_results["results"]
        kinds = Counter()
        for node in nodes:
            kinds[node["unique_id"].split(".")[0]] += node["execution_time"]
        slowest = sorted(nodes, key=lambda n: n["execution_time"], reverse=True)[:8]
        breakdown["dbt_seconds_by_kind"] = {k: round(v, 2) for k, v in sorted(kinds.items())}
        breakdown["dbt_node_count"] = len(nodes)
        breakdown["dbt_slowest"] = [
            {"node": n["unique_id"], "seconds": round(n["execution_time"], 2)} for n in slowest
        ]
    breakdown["fixed_costs"] = fixed_costs(records, run_results, spawned_at)
    return breakdown


def _epoch(stamp: str) -> float:
    """dbt's artifact timestamps (ISO 8601, UTC, with or without a final Z) as epoch seconds."""
    moment = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).timestamp()


def dbt_threads() -> int:
    """The threads dbt's build target runs with (dbt/profiles.yml)."""
    import yaml

    profiles = yaml.safe_load((PROJECT_ROOT / "dbt" / "profiles.yml").read_text())
    return int(profiles["foi_warehouse"]["outputs"]["build"]["threads"])


def fixed_costs(records: list, run_results: dict | None, spawned_at: float) -> dict:
    """What one build spends whatever its documents, read from its own records: the Dagster
    event log (timestamps of the run's events) and dbt's run_results.json (when dbt started,
    when its first node started, every node's time). All in seconds.

    - before_run: from `foi build` being started to the run's first event: the interpreter,
      importing the definitions (Dagster, dagster-dbt, the dbt manifest), the listing check;
    - run_planning: from the first event to the run's start: Dagster storing one "planned"
      event per asset and asset check (`planned_events`);
    - dbt_setup: from the dbt step's start to dagster-dbt starting the dbt process: the plan
      of changed documents, and dagster-dbt asking dbt's version and loading dbt's adapter;
    - dbt_start: from then to dbt's first node: dbt importing itself, reading its partial
      parse, connecting;
    - dbt_tests_floor: the data tests' node time divided by dbt's threads, a lower bound on the
      wall time of the tests alone (`data_tests`, `median_test_seconds`);
    - after_publication: from publication to the run's end: exports and report;
    - published_after: from `foi build` being started to the published warehouse holding the
      build, when a reader sees it.
    `fixed_before_work` sums the first four: what a build costs before dbt reads a row."""
    events = [(r.timestamp, r.dagster_event) for r in records if r.dagster_event is not None]
    if not events:
        return {}
    first = events[0][0]
    dbt_launched = next(
        (r.timestamp for r in records if r.user_message.startswith("Running dbt command")), None
    )

    def when(event_type: str, step_key: str | None = None) -> float | None:
        return next(
            (
                t
                for t, e in events
                if e.event_type_value == event_type and (step_key is None or e.step_key == step_key)
            ),
            None,
        )

    def span(start: float | None, end: float | None) -> float | None:
        return None if start is None or end is None else round(end - start, 2)

    planned = sum(1 for _t, e in events if e.event_type_value.endswith("_PLANNED"))
    costs: dict = {
        "published_after": span(spawned_at, when("STEP_SUCCESS", "warehouse__published")),
        "before_run": span(spawned_at, first),
        "run_planning": span(first, when("PIPELINE_START")),
        "planned_events": planned,
        "after_publication": span(
            when("STEP_SUCCESS", "warehouse__published"), when("PIPELINE_SUCCESS")
        ),
    }
    if run_results:
        dbt_started = _epoch(run_results["metadata"]["invocation_started_at"])
        node_starts = [
            _epoch(t["started_at"]) for n in run_results["results"] for t in n["timing"][:1]
        ]
        tests = [
            n["execution_time"] for n in run_results["results"] if n["unique_id"][:5] == "test."
        ]
        costs["dbt_setup"] = span(when("STEP_START", "foi_dbt_models"), dbt_launched)
        costs["dbt_start"] = span(dbt_launched, min(node_starts, default=None))
        costs["dbt_run"] = span(dbt_started, _epoch(run_results["metadata"]["generated_at"]))
        costs["data_tests"] = len(tests)
        costs["median_test_seconds"] = round(statistics.median(tests), 3) if tests else None
        costs["dbt_tests_floor"] = round(sum(tests) / dbt_threads(), 2)
    parts = [costs.get(k) for k in ("before_run", "run_planning", "dbt_setup", "dbt_start")]
    costs["fixed_before_work"] = round(sum(parts), 2) if all(p is not None for p in parts) else None
    return costs


def build_and_describe(raw: Path, warehouse: Path, log: Path, env: dict[str, str]) -> dict:
    """One measured build, with its step breakdown and what it published."""
    before = latest_run_id()
    result = run_build(raw, warehouse, log, env)
    run_id = latest_run_id()
    if run_id != before:  # no new run when the build failed before Dagster started one
        result.update(run_breakdown(run_id, result["spawned_at"]))
    if result["exit_code"] == 0:
        result["published"] = warehouse_counts(warehouse)
    return result


def warehouse_counts(warehouse: Path) -> dict:
    import duckdb

    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return {
            "documents": con.execute("select count(*) from raw.documents").fetchone()[0],
            "ingest_errors": con.execute("select count(*) from raw.ingest_errors").fetchone()[0],
            "figures": con.execute("select count(*) from marts.fct_disclosed_figures").fetchone()[
                0
            ],
            "megabytes": round(warehouse.stat().st_size / MIB, 1),
        }
    finally:
        con.close()


def fresh_warehouse(folder: Path) -> Path:
    """An empty place for a cold build: no published file, no private build file."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    return folder / "foi.duckdb"


# ---------------------------------------------------------------- one new document


def add_one_document(raw: Path, force_id: str, number: int, seed: int) -> tuple[Path, str]:
    """Write one more synthetic text disclosure; returns its path and content hash."""
    import random

    doc = corpus.make_disclosure(force_id, number, random.Random(seed + number))
    path = corpus.write_document(doc, raw / force_id, "txt")
    return path, hashlib.sha256(path.read_bytes()).hexdigest()


def new_document_visibility(warehouse: Path, document_id: str) -> dict:
    import duckdb

    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        figures = con.execute(
            "select count(*) from marts.fct_disclosed_figures where document_id = ?",
            [document_id],
        ).fetchone()[0]
    finally:
        con.close()
    return {"document_id": document_id, "figures_in_marts": figures, "visible": figures > 0}


# ---------------------------------------------------------------- queries


def measure_queries(warehouse: Path, force_id: str, runs: int) -> dict:
    """Per mart: first and median latency (ms) of a typical query on a read-only connection."""
    import duckdb

    con = duckdb.connect(str(warehouse), read_only=True)
    results = {}
    try:
        marts = [
            r[0]
            for r in con.execute(
                "select table_name from information_schema.tables where table_schema = 'marts' "
                "order by table_name"
            ).fetchall()
        ]
        for mart in marts:
            sql = MART_QUERIES.get(mart, f"select * from marts.{mart} limit 1000")
            sql = sql.format(force=force_id)
            results[mart] = _time_query(con, sql, runs)
    finally:
        con.close()
    return results


def _time_query(con, sql: str, runs: int) -> dict:
    import duckdb

    timings, rows = [], 0
    for _ in range(runs + 1):
        started = time.perf_counter()
        try:
            rows = len(con.execute(sql).fetchall())
        except duckdb.Error as error:
            return {"sql": sql, "error": str(error).splitlines()[0]}
        timings.append((time.perf_counter() - started) * 1000)
    return {
        "sql": sql,
        "rows": rows,
        "first_ms": round(timings[0], 2),
        "median_ms": round(statistics.median(timings[1:]), 2),
        "runs": runs,
    }


# ---------------------------------------------------------------- targets and reports


def _met(value: float | None, limit: float) -> bool | None:
    return None if value is None else value <= limit


def evaluate_targets(report: dict) -> list[dict]:
    """Each target with its limit, the measured value and whether it was met."""
    builds = report["builds"]
    cold = builds.get("cold", {})
    unchanged = builds.get("rebuild_unchanged", {})
    measured_parse = [p for p in report["parse"].values() if p["status"] == "measured"]
    query_ms = [q["median_ms"] for q in report["queries"].values() if "median_ms" in q]
    peaks = [b.get("peak_tree_rss_mib", 0) for b in builds.values()]
    scaling = report.get("scaling", {})
    rows = [
        ("cold full build (s)", "cold_build_seconds", cold.get("seconds")),
        (
            "peak memory of any build (MiB, whole process tree)",
            "peak_memory_mib",
            max(peaks) if peaks else None,
        ),
        ("nothing-changed rebuild (s)", "unchanged_rebuild_seconds", unchanged.get("seconds")),
        (
            "nothing-changed rebuild / cold",
            "unchanged_rebuild_share_of_cold",
            round(unchanged["seconds"] / cold["seconds"], 3) if unchanged and cold else None,
        ),
        (
            "one new document visible in the marts (s, to its publication)",
            "new_document_visible_seconds",
            report.get("one_new_document", {}).get("seconds_to_visible"),
        ),
        (
            "one new document, the whole `foi build` with report and exports (s)",
            "new_document_build_seconds",
            report.get("one_new_document", {}).get("seconds_whole_build"),
        ),
        (
            "parse_document time / library floor (worst format)",
            "parse_ratio_to_floor",
            max((p["ratio_to_floor"] for p in measured_parse), default=None),
        ),
        (
            "median query latency, slowest mart (ms)",
            "mart_query_ms",
            max(query_ms) if query_ms else None,
        ),
        (
            "cold build time ratio for 10x documents",
            "time_ratio_per_10x_documents",
            scaling.get("time_ratio_per_10x"),
        ),
    ]
    targets = []
    for name, key, value in rows:
        limit = TARGETS[key]
        if key == "cold_build_seconds" and report["corpus"]["documents"] < 10_000:
            name += f" (target is for 10,000 documents; this run: {report['corpus']['documents']})"
        targets.append(
            {
                "target": name,
                "key": key,
                "limit": limit,
                "measured": value,
                "met": _met(value, limit),
            }
        )
    return targets


def _cell(value: object) -> str:
    if value is None:
        return "–"
    if isinstance(value, bool):
        return "yes" if value else "**no**"
    return f"{value:,}" if isinstance(value, int | float) else str(value)


def markdown(report: dict) -> str:
    """The report as markdown tables: targets, parsing, builds, queries."""
    machine, corpus_info = report["machine"], report["corpus"]
    lines = [
        f"# Benchmark {report['started_at']}",
        "",
        f"Command: `{report['command']}`  ",
        f"Code: {report['code']}  ",
        f"Machine: {machine['cpus']} CPUs, {machine['memory_gib']} GiB, {machine['platform']}, "
        f"Python {machine['python']}; load average before {machine['load_before']}, after "
        f"{machine['load_after']}  ",
        f"Corpus: {corpus_info['documents']:,} synthetic documents ({corpus_info['forces']} "
        f"forces x {corpus_info['docs_per_force']}), {corpus_info['megabytes']} MB, formats "
        f"{corpus_info['formats']}",
        "",
        "| target | limit | measured | met |",
        "|---|---:|---:|:---:|",
    ]
    lines += [
        f"| {t['target']} | {_cell(t['limit'])} | {_cell(t['measured'])} | {_cell(t['met'])} |"
        for t in report["targets"]
    ]
    lines += [
        "",
        "| format | status | parse_document docs/s | parser alone docs/s | "
        "library floor docs/s | ratio to floor | sample |",
        "|---|---|---:|---:|---:|---:|---:|",
    ]
    for fmt, p in report["parse"].items():
        lines.append(
            f"| {fmt} | {p['status']} | {_cell(p.get('docs_per_s'))} | "
            f"{_cell(p.get('parser_docs_per_s'))} | {_cell(p['floor_docs_per_s'])} | "
            f"{_cell(p.get('ratio_to_floor'))} | {p['sample']} |"
        )
    lines += [
        "",
        "| build | documents | wall s | CPU s | peak tree MiB | ingest s | dbt s | publish s |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, b in report["builds"].items():
        steps = b.get("steps", {})
        dbt_s = sum(v for k, v in steps.items() if "dbt" in k)
        lines.append(
            f"| {name} | {_cell(b.get('published', {}).get('documents'))} | "
            f"{_cell(b['seconds'])} | {_cell(b['cpu_seconds'])} | "
            f"{_cell(b['peak_tree_rss_mib'])} | {_cell(steps.get('raw_tables'))} | "
            f"{_cell(round(dbt_s, 2))} | {_cell(steps.get('warehouse__published'))} |"
        )
    lines += fixed_costs_table(report["builds"])
    lines += ["", "| mart | median ms | first ms | rows |", "|---|---:|---:|---:|"]
    for mart, q in report["queries"].items():
        lines.append(
            f"| {mart} | {_cell(q.get('median_ms'))} | {_cell(q.get('first_ms'))} | "
            f"{_cell(q.get('rows', q.get('error')))} |"
        )
    return "\n".join(lines) + "\n"


FIXED_COSTS = (
    ("before_run", "start to the run's first event (interpreter, definitions, listing)"),
    ("run_planning", "Dagster planning the run (one stored event per asset and check)"),
    ("dbt_setup", "dbt step to dbt's launch (plan, dagster-dbt's version check and adapter)"),
    ("dbt_start", "dbt's launch to its first node (import, partial parse, connection)"),
    ("dbt_run", "dbt's own run, first node to last"),
    ("dbt_tests_floor", "data tests' node time / dbt threads"),
    ("after_publication", "publication to the run's end (exports, report)"),
    ("published_after", "start to publication: when readers see the build"),
)


def fixed_costs_table(builds: dict) -> list[str]:
    """Where each build's seconds went (fixed_costs), one column per build that ran."""
    ran = {name: b["fixed_costs"] for name, b in builds.items() if b.get("fixed_costs")}
    if not ran:
        return []
    lines = [
        "",
        "| part of a build (s) | " + " | ".join(ran) + " |",
        "|---|" + "---:|" * len(ran),
    ]
    for key, meaning in FIXED_COSTS:
        cells = " | ".join(_cell(costs.get(key)) for costs in ran.values())
        lines.append(f"| {key}: {meaning} | {cells} |")
    return lines


def machine_info() -> dict:
    return {
        "cpus": os.cpu_count(),
        "memory_gib": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 1024**3, 1),
        "platform": platform.platform(),
        "python": platform.python_version(),
        "load_before": [round(x, 2) for x in os.getloadavg()],
        "load_after": None,
    }


def write_report(report: dict, results_dir: Path, stem: str) -> None:
    """Write <stem>.json/.md and latest.json/.md (rewritten after every phase)."""
    results_dir.mkdir(parents=True, exist_ok=True)
    text = json.dumps(report, indent=1, default=str)
    for name in (stem, "latest"):
        (results_dir / f"{name}.json").write_text(text)
        if "targets" in report:
            (results_dir / f"{name}.md").write_text(markdown(report))


# ---------------------------------------------------------------- the run


def chosen_formats(args: argparse.Namespace) -> tuple[str, ...]:
    return tuple(f.strip() for f in args.formats.split(",") if f.strip())


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--forces", type=int, default=40)
    parser.add_argument("--docs-per-force", type=int, default=250)
    parser.add_argument("--formats", default=",".join(corpus.FORMATS))
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--workdir", type=Path, default=BENCH_DIR / ".corpus")
    parser.add_argument("--results-dir", type=Path, default=BENCH_DIR / "results")
    parser.add_argument(
        "--parse-sample",
        type=int,
        default=100,
        help="documents per format timed for parse throughput",
    )
    parser.add_argument("--query-runs", type=int, default=9)
    parser.add_argument("--note", default="", help="free text kept in the report")
    parser.add_argument(
        "--generate-only",
        action="store_true",
        help="write the corpus (and the tenth-size one) and stop: prepare a long run ahead",
    )
    parser.add_argument(
        "--no-scaling",
        action="store_true",
        help="skip the cold build of a corpus ten times smaller",
    )
    return parser.parse_args(argv)


def code_version() -> dict:
    """The commit of the checkout being measured, and whether it had uncommitted changes."""

    def git(*arguments: str) -> str | None:
        done = subprocess.run(
            ["git", "-C", str(PROJECT_ROOT), *arguments],
            capture_output=True,
            text=True,
            check=False,
        )
        return done.stdout.strip() if done.returncode == 0 else None

    status = git("status", "--porcelain", "--", "dagster_project", "dbt")
    return {
        "path": str(PROJECT_ROOT),
        "commit": git("rev-parse", "--short", "HEAD"),
        "uncommitted_changes": None if status is None else bool(status),
    }


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    # Measure the checkout this script lives in, not whichever one the venv was installed from.
    sys.path.insert(0, str(PROJECT_ROOT))
    workdir = args.workdir.resolve()
    workdir.mkdir(parents=True, exist_ok=True)
    env = {
        **os.environ,
        "DAGSTER_HOME": str(workdir / "dagster_home"),
        "PYTHONPATH": str(PROJECT_ROOT),
    }
    Path(env["DAGSTER_HOME"]).mkdir(exist_ok=True)
    (Path(env["DAGSTER_HOME"]) / "dagster.yaml").touch()  # default local storage, said quietly
    os.environ["DAGSTER_HOME"] = env["DAGSTER_HOME"]
    if args.generate_only:
        return generate_only(args, workdir)
    started = datetime.now(UTC)
    stem = f"bench-{started:%Y%m%dT%H%M%SZ}"
    report: dict = {
        "started_at": started.isoformat(timespec="seconds"),
        "command": "python benchmarks/bench.py "
        + shlex.join(argv if argv is not None else sys.argv[1:]),
        "machine": machine_info(),
        "code": {**code_version(), "note": args.note},
    }

    def phase(name: str) -> None:
        print(f"bench: {name} ({datetime.now(UTC):%H:%M:%S})", flush=True)
        write_report(report, args.results_dir, stem)

    phase("generating the corpus")
    report["corpus"] = prepare_corpus(
        workdir, args.forces, args.docs_per_force, chosen_formats(args), args.seed
    )
    raw = workdir / "raw"
    first_force = sorted(p.name for p in raw.iterdir())[0]
    subprocess.run(
        [sys.executable, "-m", "dagster_project.cli", "prepare", "--quiet"],
        check=True,
        cwd=PROJECT_ROOT,
        env=env,
    )

    builds: dict[str, dict] = {}
    report["builds"] = builds
    logs = workdir / "logs"
    warehouse = fresh_warehouse(workdir / "warehouse")
    phase("cold build")
    builds["cold"] = build_and_describe(raw, warehouse, logs / "cold.log", env)
    if builds["cold"]["exit_code"] == 0:
        phase("rebuild with nothing changed")
        builds["rebuild_unchanged"] = build_and_describe(
            raw, warehouse, logs / "unchanged.log", env
        )
        phase("rebuild after one new document")
        new_path, new_id = add_one_document(
            raw, first_force, report["corpus"]["documents"] + 1, args.seed
        )
        try:
            builds["rebuild_one_new"] = build_and_describe(
                raw, warehouse, logs / "one_new.log", env
            )
            visible = new_document_visibility(warehouse, new_id)
        finally:
            new_path.unlink()
            new_path.with_name(new_path.stem + ".meta.yml").unlink()
        one_new = builds["rebuild_one_new"]
        report["one_new_document"] = {
            # Readers see the document once the published file holds it; the report and the
            # exports are written after that, within the same `foi build`.
            "seconds_to_visible": one_new.get("fixed_costs", {}).get("published_after"),
            "seconds_whole_build": one_new["seconds"],
            **visible,
        }
        phase("query latency per mart")
        report["queries"] = measure_queries(warehouse, first_force, args.query_runs)
    else:
        report["queries"] = {}
    if not args.no_scaling and builds["cold"]["exit_code"] == 0:
        phase("cold build of a corpus ten times smaller")
        report["scaling"] = measure_scaling(
            args, workdir, env, builds, report["corpus"]["documents"]
        )
    phase("parse throughput per format")
    report["parse"] = measure_parsing(raw, args.parse_sample)
    report["machine"]["load_after"] = [round(x, 2) for x in os.getloadavg()]
    report["finished_at"] = datetime.now(UTC).isoformat(timespec="seconds")
    report["targets"] = evaluate_targets(report)
    phase("done")
    print(markdown(report))
    failed = [name for name, b in builds.items() if b["exit_code"] != 0]
    if failed or not report.get("one_new_document", {}).get("visible"):
        print(f"bench: builds failed: {failed}; see the logs in {logs}", file=sys.stderr)
        return 1
    return 0


def generate_only(args: argparse.Namespace, workdir: Path) -> int:
    """Write the corpus and the tenth-size one, report nothing: preparation for a long run."""
    small_docs = max(1, args.docs_per_force // 10)
    for folder, docs in ((workdir, args.docs_per_force), (workdir / "small", small_docs)):
        made = prepare_corpus(folder, args.forces, docs, chosen_formats(args), args.seed)
        print(json.dumps(made), flush=True)
    return 0


def measure_scaling(
    args: argparse.Namespace,
    workdir: Path,
    env: dict[str, str],
    builds: dict[str, dict],
    large_documents: int,
) -> dict:
    """Cold-build a corpus with a tenth of the documents per force and compare the costs."""
    small_dir = workdir / "small"
    small_docs = max(1, args.docs_per_force // 10)
    small = prepare_corpus(small_dir, args.forces, small_docs, chosen_formats(args), args.seed)
    warehouse = fresh_warehouse(small_dir / "warehouse")
    builds["cold_small"] = build_and_describe(
        small_dir / "raw", warehouse, workdir / "logs" / "cold_small.log", env
    )
    large, tiny = builds["cold"], builds["cold_small"]
    doc_ratio = large_documents / small["documents"]
    time_ratio = large["seconds"] / tiny["seconds"]
    extra_docs = large_documents - small["documents"]
    return {
        "small_documents": small["documents"],
        "document_ratio": round(doc_ratio, 2),
        "time_ratio": round(time_ratio, 2),
        # Normalised to a 10x step so corpora that are not exactly 10x apart compare.
        "time_ratio_per_10x": round(time_ratio * 10 / doc_ratio, 2),
        # CPU seconds move less than wall seconds when other work shares the machine.
        "cpu_time_ratio_per_10x": round(
            large["cpu_seconds"] / tiny["cpu_seconds"] * 10 / doc_ratio, 2
        ),
        "marginal_ms_per_document": round(
            (large["seconds"] - tiny["seconds"]) * 1000 / extra_docs, 1
        )
        if extra_docs
        else None,
    }


if __name__ == "__main__":
    sys.exit(main())
