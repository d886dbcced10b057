"""A page per force (its figures for every measure and period kind, charted in the force's own
colour, its refusals, its unreadable files) and the review page (what waits for a person)."""

from __future__ import annotations

from html import escape
from pathlib import PurePosixPath

from dagster_project.report.charts import Point, Series, trend_chart
from dagster_project.report.data import Fact, Force, ReportData
from dagster_project.report.page import document, swatch
from dagster_project.review import NO_SEED

# Series on one chart are told apart by their dash; the force keeps its colour.
DASHES = ["", "6 3", "2 3", "9 3 2 3", "1 3", "12 4"]
OUTCOME_WORDS = {
    "refused": "refused",
    "not_held": "not held",
    "ncnd": "neither confirmed nor denied",
}


def render_force(force: Force, data: ReportData, source_dir: str) -> str:
    """The page of one force; links point into `source_dir` (relative to the page)."""
    colour = data.colours[force.force_id]
    tag = " <span class='tag'>synthetic</span>" if force.synthetic else ""
    body = [
        '<p><a href="../index.html#forces">&larr; all forces</a></p>',
        f'<h1 id="force-name">{swatch(colour)}{escape(force.name)}{tag}</h1>',
    ]
    if force.synthetic:
        body.append(
            '<p class="banner"><strong>Synthetic data:</strong> these figures come from '
            "documents written for tests and demonstrations, not from real answers.</p>"
        )
    body.append(
        f'<p class="muted">{len(force.facts)} figures from {len(force.document_ids)} '
        f'documents. <a href="{escape(force.force_id)}.csv" id="facts-csv">Every figure as '
        "CSV</a>.</p>"
    )
    groups: dict[tuple[str, str], list[Fact]] = {}
    for fact in force.facts:
        groups.setdefault((fact.measure, fact.period_kind), []).append(fact)
    for (measure, kind), facts in groups.items():
        body.append(_figures_section(measure, kind, facts, colour, data, source_dir))
    if not force.facts:
        body.append('<p class="warn">No figure from this force could be used yet.</p>')
    body.append(_refusals(force, data, source_dir))
    body.append(_unreadable(force))
    return document(f"{force.name}: FOI figures", "".join(body))


def _series_label(fact: Fact) -> str:
    parts = [fact.offence, None if fact.sex == "all" else fact.sex, fact.area]
    return " · ".join(p for p in parts if p) or fact.measure


def _figures_section(
    measure: str, kind: str, facts: list[Fact], colour: str, data: ReportData, source_dir: str
) -> str:
    title = data.measure_titles.get(measure) or measure
    periods = list(dict.fromkeys(f.period_label for f in sorted(facts, key=_period_order)))
    by_series: dict[str, dict[str, Fact]] = {}
    for fact in facts:
        label = _series_label(fact)
        # a second figure for the same series and period (another column) is a series of its own
        while fact.period_label in by_series.get(label, {}):
            label += " (another figure)"
        by_series.setdefault(label, {})[fact.period_label] = fact
    series = [
        Series(
            label,
            [Point(p, f.value, f.low, f.high) for p, f in points.items()],
            False,
            colour,
            DASHES[index % len(DASHES)],
        )
        for index, (label, points) in enumerate(by_series.items())
    ]
    words = kind.replace("_", " ")
    chart = trend_chart(f"{title}, by {words}", periods, series, measure.replace("_", " "))
    rows = "".join(_fact_row(f, data, source_dir) for f in sorted(facts, key=_period_order))
    return (
        f'<section class="figures" data-measure="{escape(measure)}" '
        f'data-period-kind="{escape(kind)}"><h2>{escape(title)} ({escape(words)})</h2>{chart}'
        "<table><thead><tr><th>Period</th><th>Offence or breakdown</th><th>Sex</th><th>Area</th>"
        "<th>Value</th><th>Source</th><th>As printed</th></tr></thead>"
        f"<tbody>{rows}</tbody></table></section>"
    )


def _period_order(fact: Fact) -> tuple:
    return (fact.period_start or "", fact.period_label)


def _value(fact: Fact) -> str:
    if fact.value is not None:
        return f"{fact.value:,.0f}"
    if fact.status in ("not_held", "refused"):
        return fact.status.replace("_", " ")
    if fact.low is not None and fact.high is not None:
        return f"{fact.low:,.0f}&ndash;{fact.high:,.0f}"
    if fact.low is not None:
        return f"&ge;{fact.low:,.0f}"
    return "&ndash;"


def _source(document_id: str, data: ReportData, source_dir: str) -> str:
    doc = data.documents.get(document_id)
    if doc is None:
        return ""
    label = doc.reference or PurePosixPath(doc.path).name
    return f'<a href="{escape(str(PurePosixPath(source_dir) / doc.path))}">{escape(label)}</a>'


def _fact_row(fact: Fact, data: ReportData, source_dir: str) -> str:
    cells = [
        escape(fact.period_label),
        escape(fact.offence or ""),
        escape(fact.sex),
        escape(fact.area or ""),
        _value(fact),
        _source(fact.document_id, data, source_dir)
        + f'<br><span class="muted">{escape(fact.locator)}</span>',
        escape(" ".join(fact.source_text.split())[:160]),
    ]
    return (
        "<tr>"
        + "".join(
            f'<td class="num">{c}</td>' if i == 4 else f"<td>{c}</td>" for i, c in enumerate(cells)
        )
        + "</tr>"
    )


def _refusals(force: Force, data: ReportData, source_dir: str) -> str:
    head = '<section id="refusals"><h2>Questions refused or not answered</h2>'
    if not force.refusals:
        return head + '<p class="muted">Every question asked was answered.</p></section>'
    rows = "".join(
        f"<tr><td>{escape(r.question_no)}</td><td>{escape(r.topic)}</td>"
        f"<td>{escape(OUTCOME_WORDS.get(r.outcome, r.outcome))}</td>"
        f"<td>{escape(r.foi_sections)}</td>"
        f"<td>{_source(r.document_id, data, source_dir)}</td></tr>"
        for r in force.refusals
    )
    return (
        head + "<table><thead><tr><th>Question</th><th>Topic</th><th>Outcome</th>"
        f"<th>FOI sections cited</th><th>Document</th></tr></thead><tbody>{rows}</tbody>"
        "</table></section>"
    )


def _unreadable(force: Force) -> str:
    head = '<section id="unreadable"><h2>Files that could not be read</h2>'
    if not force.unreadable:
        return head + '<p class="muted">None.</p></section>'
    items = "".join(
        f"<li><code>{escape(path)}</code>: {escape(reason)}</li>"
        for path, reason in force.unreadable
    )
    return head + f"<ul>{items}</ul></section>"


def render_review(data: ReportData, source_dir: str) -> str:
    """What `foi review` lists, as a page: each label with its kind, where it was printed,
    the suggestions of its kind with why, and the command that approves it."""
    body = [
        '<p><a href="index.html">&larr; the report</a></p>',
        "<h1>What waits for a person</h1>",
        '<p class="muted">Labels no mapping matched, most figures first. Approving one appends '
        "a line to a seed; the next <code>foi build</code> uses it.</p>",
    ]
    if not data.review:
        body.append("<p>Nothing to review: every figure matched a mapping.</p>")
        return document("FOI review", "".join(body))
    body.append(
        '<table id="review-table"><thead><tr><th>Kind</th><th>Label</th><th>Figures</th>'
        "<th>Where</th><th>Suggestions (of its kind)</th><th>Approve with</th></tr></thead><tbody>"
    )
    for item in data.review:
        href = escape(str(PurePosixPath(source_dir) / item.path)) if item.path else ""
        where = f'<a href="{href}">{escape(item.path)}</a>' if href else ""
        where += f'<br><span class="muted">{escape(item.locator)}</span>'
        if item.context:
            where += f"<br>&ldquo;{escape(item.context[:160])}&rdquo;"
        suggestions = "".join(
            f"<li><code>{escape(s.target)}</code> ({s.score:.0f}): {escape(s.why)}</li>"
            for s in item.suggestions
        )
        command = item.approve_command()
        approve = f"<code>{escape(command)}</code>" if command else escape(NO_SEED[item.kind])
        body.append(
            f"<tr><td>{escape(item.kind)}</td><td>{escape(item.label_text)}</td>"
            f'<td class="num">{item.figure_count}</td><td>{where}</td>'
            f"<td><ul>{suggestions}</ul></td><td>{approve}</td></tr>"
        )
    body.append("</tbody></table>")
    return document("FOI review", "".join(body))
