"""The report page: one self-contained HTML file with inline SVG and inline CSS."""

from __future__ import annotations

from html import escape
from pathlib import PurePosixPath

from dagster_project.report.charts import Bar, Point, Series, ranking_chart, trend_chart
from dagster_project.report.data import Measure, ReportData, Row

CSS = """
body{font-family:DejaVu Sans,Helvetica,Arial,sans-serif;margin:2em auto;max-width:1100px;
color:#222;line-height:1.4;padding:0 1em}
h1{font-size:1.6em}h2{margin-top:2.2em;border-bottom:2px solid #1b6ca8;padding-bottom:.2em}
.banner{background:#fff4d6;border:1px solid #edae49;padding:.6em 1em;margin:1em 0}
table{border-collapse:collapse;width:100%;font-size:.85em;margin:1em 0}
th,td{border:1px solid #ccc;padding:.25em .45em;vertical-align:top;text-align:left}
td.num{text-align:right;white-space:nowrap}th{background:#eef3f8}
tr.synthetic td{background:#f7f7f7;color:#555}tr.not-comparable td.num{color:#888}
.tag{font-size:.75em;background:#edae49;color:#222;padding:0 .35em;border-radius:3px}
.warn{color:#8a3b12;font-size:.92em}ul.warnings{margin:0;padding-left:1.1em}
.chart{max-width:100%;height:auto;display:block;margin:1em 0}
.chart .title{font-weight:bold;font-size:13px}.chart .tick,.chart .legend{font-size:11px}
.chart .axis{font-size:11px;fill:#444}.chart .grid{stroke:#e3e3e3}
.muted{color:#666;font-size:.9em}
.swatch{display:inline-block;width:.8em;height:.8em;margin-right:.35em;border-radius:2px;
vertical-align:baseline}
code{background:#f3f3f3;padding:0 .25em;font-size:.9em}
"""
HATCH = (
    '<svg width="0" height="0" style="position:absolute" aria-hidden="true"><defs>'
    '<pattern id="synthetic-hatch" width="6" height="6" patternUnits="userSpaceOnUse" '
    'patternTransform="rotate(45)"><rect width="6" height="6" fill="#d7e6f2"/>'
    '<line x1="0" y1="0" x2="0" y2="6" stroke="#1b6ca8" stroke-width="2"/></pattern>'
    "</defs></svg>"
)


def render(data: ReportData, source_dir: str) -> str:
    """The whole page; document links point into `source_dir` (relative to the page)."""
    synthetic_forces = [f.name for f in data.forces if f.synthetic and f.facts]
    all_forces = [f.name for f in data.forces if f.facts]
    body = [
        "<h1>Sex offender management: how police forces compare</h1>",
        f'<p class="muted">Built from {len(data.documents)} FOI disclosures, read at '
        f"{escape(data.built_at[:19])}. {len(all_forces)} forces with figures.</p>",
    ]
    if synthetic_forces:
        body.append(
            f'<p class="banner" id="synthetic-banner"><strong>Synthetic data:</strong> '
            f"{len(synthetic_forces)} of {len(all_forces)} forces here come from synthetic "
            "documents written for tests and demonstrations, not from real answers. They are "
            "marked <span class='tag'>synthetic</span>, drawn dashed or hatched, and ranked only "
            "among themselves.</p>"
        )
    body.append(force_index(data))
    body.append(_contents(data))
    body.append(_method())
    for measure in data.measures:
        body.append(_measure_section(measure, data, source_dir))
    body.append(_official_section(data))
    return document("FOI comparison report", "".join(body))


def document(title: str, body: str) -> str:
    """A whole self-contained page: inline CSS, the hatch pattern synthetic bars use."""
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title>"
        f'<link rel="icon" href="data:,"><style>{CSS}</style></head><body>'
        + HATCH
        + body
        + "</body></html>"
    )


def swatch(colour: str) -> str:
    return f'<span class="swatch" style="background:{colour}"></span>'


def force_index(data: ReportData) -> str:
    """Every force, its colour in every chart, what it disclosed and a link to its page."""
    lines = [
        '<nav id="forces"><h2>Forces</h2><p class="muted">Each force keeps one colour in every '
        'chart. <a href="review.html">What waits for review</a> '
        f'({len(data.review)} labels).</p><table id="force-index"><thead><tr><th>Force</th>'
        "<th>Figures</th><th>Measures</th><th>Period kinds</th><th>Refused or not held</th>"
        "<th>Unreadable files</th></tr></thead><tbody>"
    ]
    for force in data.forces:
        tag = " <span class='tag'>synthetic</span>" if force.synthetic else ""
        measures = sorted({f.measure for f in force.facts})
        kinds = sorted({f.period_kind.replace("_", " ") for f in force.facts})
        lines.append(
            f'<tr id="force-{escape(force.force_id)}"><td>{swatch(data.colours[force.force_id])}'
            f'<a href="forces/{escape(force.force_id)}.html">{escape(force.name)}</a>{tag}</td>'
            f'<td class="num">{len(force.facts)}</td><td>{escape(", ".join(measures))}</td>'
            f"<td>{escape(', '.join(kinds))}</td>"
            f'<td class="num">{len(force.refusals)}</td>'
            f'<td class="num">{len(force.unreadable)}</td></tr>'
        )
    lines.append("</tbody></table></nav>")
    return "".join(lines)


def _anchor(key: str) -> str:
    return "m-" + "".join(c if c.isalnum() else "-" for c in key)


def _contents(data: ReportData) -> str:
    items = "".join(
        f'<li><a href="#{_anchor(m.key)}">{escape(m.title)}</a></li>' for m in data.measures
    )
    return (
        f'<nav><h2>Contents</h2><ul>{items}<li><a href="#official">Official MAPPA figures '
        "beside the forces' own</a></li></ul></nav>"
    )


def _method() -> str:
    return (
        "<h2>How to read this</h2><ul>"
        "<li>Rates per 100,000 use the ONS all-ages population of the police force area at the "
        "mid-year inside the period. No estimate is filled in where the reference data has none "
        "(mid-2020, mid-2021, Wales before 2022): those rates are blank and say why. Official "
        "MAPPA rates use the population aged 10 and over and are never mixed with these.</li>"
        "<li>A financial year answered before it ended is shown but not rated, ranked or "
        "compared with whole years.</li>"
        '<li>Where a part was suppressed ("&lt;5"), the total is shown as a range.</li>'
        "<li>Rank 1 is the highest rate among the forces with a rate that year; the rank says "
        "how many that is (real and synthetic forces are ranked apart).</li></ul>"
    )


def _measure_section(measure: Measure, data: ReportData, source_dir: str) -> str:
    years = sorted({r.year for r in measure.rows})
    series = _series(measure.rows, data.colours)
    parts = [
        f'<section id="{_anchor(measure.key)}" class="measure"><h2>{escape(measure.title)}</h2>',
        trend_chart(
            f"Count by {measure.year_kind}, whole years",
            years,
            series,
            measure.unit,
        ),
    ]
    ranked = [r for r in measure.rows if r.per_100k is not None and r.comparable]
    if ranked:
        latest = _ranking_year(ranked)
        bars = [
            Bar(r.force_name, r.per_100k, r.rank, r.synthetic, data.colours[r.force_id])
            for r in ranked
            if r.year == latest
        ]
        parts.append(
            ranking_chart(f"Rate per 100,000 population, {latest}", bars, "per 100,000 population")
        )
    else:
        parts.append(
            '<p class="warn">No year has a population rate for this measure yet, so there is no '
            "ranking chart.</p>"
        )
    parts.append(_table(measure, data, source_dir))
    parts.append("</section>")
    return "".join(parts)


def _ranking_year(ranked: list[Row]) -> str:
    """The latest year at least two forces have a rate for, else the latest with any."""
    counts: dict[str, int] = {}
    for r in ranked:
        counts[r.year] = counts.get(r.year, 0) + 1
    shared = [year for year, n in counts.items() if n > 1]
    return max(shared or counts)


def _series(rows: list[Row], colours: dict[str, str]) -> list[Series]:
    by_force: dict[str, list[Row]] = {}
    for r in rows:
        by_force.setdefault(r.force_name, []).append(r)
    return [
        Series(
            name,
            [Point(r.year, r.value, r.low, r.high, not r.comparable) for r in items],
            any(r.synthetic for r in items),
            colours[items[0].force_id],
        )
        for name, items in sorted(by_force.items())
    ]


def _table(measure: Measure, data: ReportData, source_dir: str) -> str:
    has_rsos = any(r.per_100_rsos is not None for r in measure.rows)
    head = [
        "Force",
        measure.year_kind.capitalize(),
        "Value",
        "Per 100,000",
        "Rank",
        "Change on previous year",
    ]
    head += ["Per 100 RSOs"] if has_rsos else []
    head += ["Source", "Quality warnings"]
    lines = ["<table><thead><tr>" + "".join(f"<th>{h}</th>" for h in head) + "</tr></thead><tbody>"]
    for r in measure.rows:
        classes = " ".join(
            c for c, on in (("synthetic", r.synthetic), ("not-comparable", not r.comparable)) if on
        )
        tag = " <span class='tag'>synthetic</span>" if r.synthetic else ""
        cells = [
            f'<td>{swatch(data.colours[r.force_id])}<a href="forces/{escape(r.force_id)}.html">'
            f"{escape(r.force_name)}</a>{tag}</td>",
            f"<td>{escape(r.year)}</td>",
            f'<td class="num">{_value(r)}</td>',
            f'<td class="num">{_rate(r.per_100k)}</td>',
            f'<td class="num">{_rank(r)}</td>',
            f'<td class="num">{_change(r.change)}</td>',
        ]
        if has_rsos:
            cells.append(f'<td class="num">{_rate(r.per_100_rsos)}</td>')
        cells.append(f"<td>{_sources(r, data, source_dir)}</td>")
        cells.append(f"<td>{_warnings(r.warnings)}</td>")
        lines.append(f'<tr class="{classes}">' + "".join(cells) + "</tr>")
    lines.append("</tbody></table>")
    return "".join(lines)


def _value(r: Row) -> str:
    if r.value is not None:
        return f"{r.value:,.0f}"
    if r.low is not None:
        return f"{r.low:,.0f}&ndash;{r.high:,.0f}" if r.high is not None else f"&ge;{r.low:,.0f}"
    return "&ndash;"


def _rate(value: float | None) -> str:
    return "&ndash;" if value is None else f"{value:,.2f}"


def _rank(r: Row) -> str:
    """The rank with what it is among: real and synthetic forces are ranked apart."""
    if r.rank is None:
        return "&ndash;"
    kind = "synthetic" if r.synthetic else "real"
    if r.ranked_among == 1:
        return f"1: the only {kind} force with a rate"
    return f"{r.rank} of {r.ranked_among} {kind} forces with a rate"


def _change(value: float | None) -> str:
    return "&ndash;" if value is None else f"{value:+,.0f}"


def _sources(r: Row, data: ReportData, source_dir: str) -> str:
    links = []
    for document_id in r.document_ids:
        document = data.documents.get(document_id)
        if document is None:
            continue
        href = str(PurePosixPath(source_dir) / document.path)
        label = document.reference or PurePosixPath(document.path).name
        link = f'<a href="{escape(href)}">{escape(label)}</a>'
        if document.url:
            link += f' (<a href="{escape(document.url)}">online</a>)'
        links.append(link)
    return "<br>".join(links) + f'<br><span class="muted">{escape(r.locators)}</span>'


def _warnings(warnings: list[str]) -> str:
    if not warnings:
        return ""
    items = "".join(f"<li>{escape(w)}</li>" for w in warnings)
    return f'<ul class="warnings warn">{items}</ul>'


def _official_section(data: ReportData) -> str:
    head = (
        "MAPPA area",
        "Force(s)",
        "Official date",
        "Official count",
        "FOI snapshot",
        "FOI count",
        "Gap (FOI &minus; official)",
        "Gap share of FOI",
        "Why they differ",
        "Official source",
    )
    lines = [
        '<section id="official"><h2>Official MAPPA figures beside the forces\' own</h2>',
        "<p>MAPPA Category 1 counts registered sex offenders living in the community at "
        "31 March; forces' FOI answers often include people in custody, and may count on "
        "another date. The gap is expected, not an error.</p>",
    ]
    if not data.official:
        lines.append(
            '<p class="warn" id="official-empty">No FOI figure is within half a year '
            "of an official one yet.</p></section>"
        )
        return "".join(lines)
    lines.append('<table id="official-table"><thead><tr>')
    lines.append("".join(f"<th>{h}</th>" for h in head) + "</tr></thead><tbody>")
    for r in data.official:
        tag = " <span class='tag'>synthetic</span>" if r["is_synthetic"] else ""
        share = r["gap_share_of_foi"]
        cells = [
            escape(r["mappa_area"]),
            escape(r["force_names"]) + tag,
            escape(str(r["official_date"])[:10]),
            f"{r['official_value']:,.0f}",
            escape(r["foi_as_at"] or ""),
            "&ndash;" if r["foi_value"] is None else f"{r['foi_value']:,.0f}",
            "&ndash;" if r["gap"] is None else f"{r['gap']:+,.0f}",
            "&ndash;" if share is None else f"{share:.1%}",
            escape(r["definitional_notes"] or ""),
            f'<a href="{escape(r["official_source_url"])}">source</a>'
            if r["official_source_url"].startswith("http")
            else escape(r["official_source_url"]),
        ]
        row_class = ' class="synthetic"' if r["is_synthetic"] else ""
        lines.append(f"<tr{row_class}>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    lines.append("</tbody></table></section>")
    return "".join(lines)
