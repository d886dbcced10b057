"""The report's force pages, force index and review page in a real headless Chromium, with
screenshots checked pixel by pixel: each force keeps one colour in every chart, every period kind
is charted, refusals and unreadable files are on the force's own page."""

from __future__ import annotations

import csv
import io
import itertools
from pathlib import Path

import pytest
from PIL import Image

from dagster_project.report import build_report
from tests.conftest import REPO_RAW
from tests.report.browser import load, screenshot


@pytest.fixture(scope="module")
def report(corpus_warehouse: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_report(corpus_warehouse, REPO_RAW, tmp_path_factory.mktemp("report"))


def colour_pixels(png: bytes, hex_colour: str) -> int:
    """How many pixels of a screenshot are exactly this colour."""
    rgb = tuple(int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    image = Image.open(io.BytesIO(png)).convert("RGB")
    counts = {colour: n for n, colour in image.getcolors(image.width * image.height)}
    return counts.get(rgb, 0)


def force_colour(page, force_id: str) -> str:
    style = page.evaluate(
        f"document.querySelector('#force-{force_id} .swatch').style.backgroundColor"
    )
    r, g, b = (int(v) for v in style.removeprefix("rgb(").removesuffix(")").split(","))
    return f"#{r:02x}{g:02x}{b:02x}"


def test_the_index_lists_every_force_with_figures_and_links_its_page(report: Path) -> None:
    with load(report.as_uri()) as page:
        assert page.errors == []
        rows = page.evaluate(
            "[...document.querySelectorAll('#force-index tbody tr')].map(tr => "
            "[tr.querySelector('a').getAttribute('href'), tr.cells[1].innerText])"
        )
        colours = page.evaluate(
            "[...document.querySelectorAll('#force-index .swatch')].map(s => "
            "s.style.backgroundColor)"
        )
    pages = {href: int(figures) for href, figures in rows}
    assert sum(1 for n in pages.values() if n) == 14  # every force with figures, any period kind
    assert pages["forces/cleveland.html"] == 48  # monthly date ranges, not financial years
    assert pages["forces/durham.html"] == 6  # calendar years, Sarah's Law
    assert len(set(colours)) == len(colours)  # one colour per force, none shared
    for href in pages:
        assert (report.parent / href).is_file()


def test_a_force_keeps_its_colour_in_the_index_charts_and_on_its_page(report: Path) -> None:
    with load(report.as_uri()) as page:
        colour = force_colour(page, "west-midlands")
        trend = screenshot(page, "section.measure svg.chart-trend")
        ranking = screenshot(page, "section.measure svg.chart-ranking")
    with load((report.parent / "forces" / "west-midlands.html").as_uri()) as page:
        assert page.errors == []
        own = screenshot(page, "section.figures svg.chart-trend")
    # the line, its points and the bar are drawn in the force's colour in all three charts
    assert colour_pixels(trend, colour) > 200
    assert colour_pixels(ranking, colour) > 1000
    assert colour_pixels(own, colour) > 200


def test_a_monthly_force_gets_a_chart_of_its_months(report: Path, tmp_path: Path) -> None:
    with load((report.parent / "forces" / "cleveland.html").as_uri()) as page:
        assert page.errors == []
        kinds = page.evaluate(
            "[...document.querySelectorAll('section.figures')].map(s => s.dataset.periodKind)"
        )
        points = page.evaluate("document.querySelectorAll('svg.chart-trend circle.point').length")
        ticks = page.evaluate(
            "[...document.querySelectorAll('svg.chart-trend text.tick')].map(t => "
            "t.getBBox()).map(b => [b.x, b.x + b.width])"
        )
        chart = screenshot(page, "svg.chart-trend")
        colour = page.evaluate(
            "getComputedStyle(document.querySelector('.swatch')).backgroundColor"
        )
    assert kinds == ["date_range"]
    assert points == 48
    # the x axis labels (24 months) are thinned so that none overlaps the next
    x_ticks = [t for t in ticks if t[1] - t[0] > 60]
    assert all(a[1] < b[0] for a, b in itertools.pairwise(x_ticks))
    r, g, b = (int(v) for v in colour.removeprefix("rgb(").removesuffix(")").split(","))
    assert colour_pixels(chart, f"#{r:02x}{g:02x}{b:02x}") > 300
    Image.open(io.BytesIO(chart)).save(tmp_path / "cleveland.png")  # kept for a person to look at


def test_a_force_page_lists_its_refusals(report: Path) -> None:
    with load((report.parent / "forces" / "cheshire.html").as_uri()) as page:
        refusals = page.evaluate(
            "[...document.querySelectorAll('#refusals tbody tr')].map(tr => "
            "[...tr.cells].slice(0, 4).map(td => td.innerText.trim()))"
        )
    assert refusals == [
        ["2", "shpo_subjects", "refused", "38, 40(2)(a)(b)"],
        ["3", "breach_offences", "refused", "12(1)"],
    ]


def test_a_force_page_links_a_csv_of_its_facts(report: Path) -> None:
    with (report.parent / "forces" / "durham.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 6
    assert {r["force_id"] for r in rows} == {"durham"}
    assert all(r["value"].isdigit() for r in rows if r["value"])  # counts, not 12.0
    assert {r["period_kind"] for r in rows} == {"calendar_year"}


@pytest.fixture(scope="module")
def unreadable_report(unreadable_builds: dict, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The report of a real build of the seed beside an unreadable scan.pdf (tests/conftest.py)."""
    root = unreadable_builds["root"]
    assert unreadable_builds["first"].returncode == 0, unreadable_builds["first"].stderr
    return build_report(root / "w" / "foi.duckdb", root / "raw", tmp_path_factory.mktemp("report"))


def test_a_force_page_lists_its_unreadable_files(unreadable_report: Path) -> None:
    with load((unreadable_report.parent / "forces" / "west-midlands.html").as_uri()) as page:
        items = page.evaluate(
            "[...document.querySelectorAll('#unreadable li')].map(li => li.innerText)"
        )
    with load(unreadable_report.as_uri()) as page:
        index_cell = page.evaluate(
            "document.querySelector('#force-west-midlands').cells[5].innerText"
        )
    assert len(items) == 1 and items[0].startswith("west-midlands/scan.pdf: ")
    assert index_cell == "1"


def test_the_review_page_lists_labels_with_kinds_places_and_commands(report: Path) -> None:
    with load((report.parent / "review.html").as_uri()) as page:
        assert page.errors == []
        rows = page.evaluate(
            "[...document.querySelectorAll('#review-table tbody tr')].map(tr => "
            "[...tr.cells].map(td => td.innerText.trim()))"
        )
    cardiff = next(r for r in rows if r[1] == "Cardiff")
    assert cardiff[0] == "area"
    assert cardiff[2] == "3"
    assert cardiff[3].startswith("south-wales/south-wales_foi-2021-118.csv\nline 3, table 1")
    assert "area (100): reads as a place name" in cardiff[4]
    assert cardiff[5] == "foi review --approve Cardiff --as area --why 'WHY'"
    october = next(r for r in rows if r[1] == "Oct")
    assert (october[0], october[4]) == ("period", "")
    assert october[5].startswith("no period to approve: the label names no dates of its own")
