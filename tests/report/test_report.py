"""The comparison report in a real headless Chromium, and the exports, on the bundled corpus."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import duckdb
import pytest

from dagster_project.cli import main
from dagster_project.export import export_marts
from dagster_project.report import build_report
from tests.conftest import REPO_RAW
from tests.report.browser import load


def mart_names(warehouse: Path) -> set[str]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        rows = con.execute(
            "select table_name from information_schema.tables where table_schema = 'marts'"
        ).fetchall()
    return {name for (name,) in rows}


@pytest.fixture(scope="module")
def report(corpus_warehouse: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_report(corpus_warehouse, REPO_RAW, tmp_path_factory.mktemp("report"))


def test_console_error_detector_sees_a_broken_page(tmp_path):
    broken = tmp_path / "broken.html"
    broken.write_text(
        "<!DOCTYPE html><html><head><link rel='icon' href='data:,'></head><body>"
        "<script>console.error('deliberate'); undefinedFunction();</script></body></html>"
    )
    with load(broken.as_uri()) as page:
        errors = page.errors
    assert errors[0] == "console: deliberate"
    assert errors[1].startswith("exception: ReferenceError: undefinedFunction is not defined")
    assert len(errors) == 2


def test_report_renders_in_chromium_without_console_errors(report):
    with load(report.as_uri()) as page:
        assert page.errors == []
        assert page.evaluate("document.title") == "FOI comparison report"
        # one trend chart per measure section, a ranking chart where any year has a rate
        sections = page.evaluate("document.querySelectorAll('section.measure').length")
        assert sections >= 4
        assert page.evaluate("document.querySelectorAll('svg.chart-trend').length") == sections
        assert page.evaluate("document.querySelectorAll('svg.chart-ranking').length") >= 3
        # the charts really drew: points on the lines, bars in the rankings
        assert (
            page.evaluate("document.querySelectorAll('svg.chart-trend circle.point').length") > 20
        )
        assert page.evaluate("document.querySelectorAll('svg.chart-ranking rect.bar').length") > 3
        assert page.evaluate("document.querySelector('svg.chart').getBBox().width") > 100


def test_report_shows_west_midlands_beside_other_forces_with_rates_and_ranks(report):
    with load(report.as_uri()) as page:
        first_table_rows = page.evaluate(
            "[...document.querySelectorAll('section.measure')[0].querySelectorAll('tbody tr')]"
            ".map(tr => [...tr.cells].slice(0, 5).map(td => td.innerText.trim()))"
        )
    west_midlands = [r for r in first_table_rows if r[0] == "West Midlands Police"]
    assert west_midlands[0] == [
        "West Midlands Police",
        "2017-18",
        "433",
        "14.94",
        "1: the only real force with a rate",
    ]
    others = {r[0] for r in first_table_rows} - {"West Midlands Police"}
    assert others, "no other force beside West Midlands"
    assert all(name.endswith("synthetic") for name in others)


def test_report_labels_synthetic_data(report):
    with load(report.as_uri()) as page:
        banner = page.evaluate("document.getElementById('synthetic-banner').innerText")
        synthetic_rows = page.evaluate("document.querySelectorAll('tr.synthetic').length")
        synthetic_tags = page.evaluate(
            "[...document.querySelectorAll('tr.synthetic')].every(tr => "
            "tr.querySelector('.tag') && tr.querySelector('.tag').innerText === 'synthetic')"
        )
    assert banner.startswith("Synthetic data:")
    assert synthetic_rows > 10
    assert synthetic_tags is True


def test_report_sources_link_to_copied_documents_with_locations(report):
    html = report.read_text(encoding="utf-8")
    assert 'href="sources/west-midlands/west-midlands_233A-22.txt">233A/22</a>' in html
    assert "line 19, table 2, row 1, col 2 (table_cell)" in html
    copied = report.parent / "sources" / "west-midlands" / "west-midlands_233A-22.txt"
    assert (
        copied.read_bytes()
        == (REPO_RAW / "west-midlands" / "west-midlands_233A-22.txt").read_bytes()
    )


def section_rows(page, title: str) -> list[list[str]]:
    return page.evaluate(
        "[...[...document.querySelectorAll('section.measure')].filter(s => "
        f"s.querySelector('h2').innerText.startsWith({title!r}))[0]"
        ".querySelectorAll('tbody tr')].map(tr => [...tr.cells].map(td => td.innerText.trim()))"
    )


def test_report_puts_quality_warnings_only_on_the_rows_they_concern(report):
    with load(report.as_uri()) as page:
        register = section_rows(page, "Breaches of notification requirements")
        sro = section_rows(page, "Breaches of Sexual Risk Orders")
    partial = next(r for r in register if r[0] == "West Midlands Police" and r[1] == "2021-22")
    assert "partial year: answered 2022-03-14, before the year ended" in partial[-1]
    # the register table adds up: the SRO table's total and misplaced question are not its own
    assert all("does not add up" not in r[-1] and "question" not in r[-1] for r in register)
    west_midlands_sro = [r for r in sro if r[0] == "West Midlands Police"]
    assert len(west_midlands_sro) == 5
    for row in west_midlands_sro:
        assert (
            "the source's row total does not add up: stated 112, parts add to 170 "
            "(line 41 to 42, table 4, row 2, col 7)" in row[-1]
        )
        assert "printed under question 2a, which asks about another order" in row[-1]
        assert "stated 151" not in row[-1]  # the SHPO table's total


def test_report_has_the_official_comparison_table(report):
    with load(report.as_uri()) as page:
        rows = page.evaluate(
            "[...document.querySelectorAll('#official-table tbody tr')]"
            ".map(tr => [...tr.cells].slice(0, 8).map(td => td.innerText.trim()))"
        )
    assert [
        "West Midlands",
        "West Midlands Police",
        "2019-03-31",
        "3,435",
        "2019",
        "4,540",
        "+1,105",
        "24.3%",
    ] in rows
    assert [
        "West Midlands",
        "West Midlands Police",
        "2021-03-31",
        "3,655",
        "2021",
        "4,620",
        "+965",
        "20.9%",
    ] in rows


def test_build_writes_the_report_and_exports_as_dagster_assets(corpus_warehouse):
    folder = corpus_warehouse.parent
    assert (folder / "report" / "index.html").read_text(encoding="utf-8").count(
        '<svg class="chart'
    ) > 4
    marts = mart_names(corpus_warehouse)
    assert {"fct_breaches_by_force_year", "cmp_register_vs_mappa"} <= marts
    assert {p.stem for p in (folder / "exports" / "csv").glob("*.csv")} == marts
    assert {p.stem for p in (folder / "exports" / "parquet").glob("*.parquet")} == marts


@pytest.mark.parametrize("file_format", ["csv", "parquet"])
def test_export_writes_every_mart_with_its_rows_and_synthetic_flag(
    corpus_warehouse, tmp_path, file_format
):
    written = export_marts(corpus_warehouse, tmp_path, file_format)
    assert set(written) == mart_names(corpus_warehouse)
    with duckdb.connect(str(corpus_warehouse), read_only=True) as con:
        for name, path in written.items():
            exported = con.execute(f"select count(*), count(is_synthetic) from '{path}'").fetchone()
            rows = con.execute(f"select count(*) from marts.{name}").fetchone()[0]
            assert exported == (rows, rows), name


def test_foi_export_and_report_commands(corpus_warehouse, tmp_path, capsys):
    assert (
        main(
            [
                "export",
                "--format",
                "parquet",
                "--warehouse",
                str(corpus_warehouse),
                "--out",
                str(tmp_path / "x"),
            ]
        )
        == 0
    )
    assert (
        capsys.readouterr().out
        == f"foi export: {len(mart_names(corpus_warehouse))} marts as parquet in {tmp_path / 'x'}\n"
    )
    assert main(["report", "--warehouse", str(corpus_warehouse), "--out", str(tmp_path / "r")]) == 0
    assert (tmp_path / "r" / "index.html").exists()
    assert main(["report", "--warehouse", str(tmp_path / "missing.duckdb")]) == 2


def test_report_loads_nothing_from_the_network(report):
    html = report.read_text(encoding="utf-8")
    assert "<script" not in html
    # only links point outward; nothing the page loads (src, stylesheet, icon) does
    assert re.findall(r'\ssrc="([^"]*)"', html) == []
    assert re.findall(r"<link [^>]*>", html) == ['<link rel="icon" href="data:,">']


def test_report_copies_a_source_again_only_when_it_changed(corpus_warehouse, tmp_path):
    raw = tmp_path / "raw"
    shutil.copytree(REPO_RAW, raw)
    out = tmp_path / "report"
    build_report(corpus_warehouse, raw, out)
    seed = Path("west-midlands/west-midlands_233A-22.txt")
    copied = out / "sources" / seed
    copied.write_text("a reader's note", encoding="utf-8")  # newer than its source: stale
    other = next(p for p in (out / "sources").rglob("*") if p.is_file() and p != copied)
    untouched = other.stat().st_ctime_ns  # any rewrite, even of the same bytes, moves it

    build_report(corpus_warehouse, raw, out)
    assert copied.read_bytes() == (raw / seed).read_bytes()
    assert other.stat().st_ctime_ns == untouched
