#!/usr/bin/env python3
"""Write the topic-pack corpus: synthetic FOI answers about stop and search and Clare's Law.

    .venv/bin/python tests/topics/corpus/make_topics.py

Writes raw/<force>/<file> with a `<stem>.meta.yml` sidecar for every document, and beside them
expected_topics.csv (the figures a correct build puts in marts.fct_disclosed_figures),
review_topics.csv (what must go to review instead) and silent_topics.txt (documents that state
no figure of these measures). Each expected row is written from the same data that prints the
figure, so a document and its expected rows cannot drift apart.

Every document is synthetic test data: the wording is our own, every number is invented, the
layouts follow the way real police disclosure-log answers are set out. Output is byte-for-byte
deterministic (fixed core-property dates and zip timestamps in DOCX/XLSX, reportlab invariant
mode in PDF, "\\n" or "\\r\\n" line ends written explicitly).
"""

# ruff: noqa: E501  (the documents' own lines are data)

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import shutil
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from reportlab import rl_config

rl_config.invariant = 1

from docx import Document  # noqa: E402
from openpyxl import Workbook  # noqa: E402
from openpyxl.styles import Font  # noqa: E402
from reportlab.lib import colors  # noqa: E402
from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet  # noqa: E402
from reportlab.lib.units import mm  # noqa: E402
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle  # noqa: E402

HERE = Path(__file__).resolve().parent
RAW = HERE / "raw"
FIXED = dt.datetime(2025, 1, 1, 0, 0, 0)
ZIP_TIME = (2025, 1, 1, 0, 0, 0)

EXPECTED_COLUMNS = [
    "file",
    "force_id",
    "topic",
    "measure",
    "offence_category",
    "dimension",
    "dimension_value",
    "sex",
    "area_name",
    "period_kind",
    "period_label",
    "custody",
    "value_status",
    "value",
    "value_low",
    "value_high",
]

TOPIC_OF = {
    "stop_searches": "stop-and-search",
    "individuals_stop_searched": "stop-and-search",
    "stop_search_arrests": "stop-and-search",
    "s60_authorisations": "stop-and-search",
    "dvds_applications": "clares-law",
    "dvds_right_to_ask_applications": "clares-law",
    "dvds_right_to_know_applications": "clares-law",
    "dvds_disclosures": "clares-law",
}

SYNTHETIC = "This response is synthetic test data: every figure in it is invented."

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


@dataclass
class Doc:
    force: str
    name: str
    reference: str
    response_date: str
    title: str
    figures: list[dict] = field(default_factory=list)
    reviews: list[dict] = field(default_factory=list)
    silent: bool = False

    @property
    def rel(self) -> str:
        return f"{self.force}/{self.name}"

    def path(self) -> Path:
        target = RAW / self.force / self.name
        target.parent.mkdir(parents=True, exist_ok=True)
        return target

    def fig(
        self,
        measure: str,
        period_kind: str,
        period_label: str,
        value,
        *,
        dim: str = "",
        dv: str = "",
        status: str = "reported",
        sex: str = "all",
    ) -> None:
        """Record one expected figure. value is the printed count (int) or None."""
        if status == "reported":
            v = lo = hi = int(value)
        elif status == "nil":  # "None", "nil", "0" in words
            v = lo = hi = 0
        elif status == "suppressed":  # "<5", "fewer than 5", "*": a range 1-4
            v, lo, hi = "", 1, 4
        else:
            raise ValueError(status)
        assert bool(dim) == bool(dv), (measure, dim, dv)
        self.figures.append(
            {
                "file": self.rel,
                "force_id": self.force,
                "topic": TOPIC_OF[measure],
                "measure": measure,
                "offence_category": "",
                "dimension": dim,
                "dimension_value": dv,
                "sex": sex,
                "area_name": "",
                "period_kind": period_kind,
                "period_label": period_label,
                "custody": "",
                "value_status": status,
                "value": v,
                "value_low": lo,
                "value_high": hi,
            }
        )

    def review(self, label: str, why: str) -> None:
        self.reviews.append({"file": self.rel, "label": label, "why": why})


def fmt(n: int) -> str:
    """A count as printed: thousands separated by commas."""
    return f"{n:,}"


def month_range(year: int, month: int) -> str:
    last = (dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)).day
    return f"{year:04d}-{month:02d}-01/{year:04d}-{month:02d}-{last:02d}"


def cell(value) -> str:
    """How a count or a suppressed count is printed in a table."""
    return "<5" if value is None else fmt(value)


# ----------------------------------------------------------------------------------------------
# Writers
# ----------------------------------------------------------------------------------------------


def sidecar(doc: Doc) -> None:
    path = RAW / doc.force / f"{Path(doc.name).stem}.meta.yml"
    path.write_text(
        "synthetic: true\n"
        f"force: {doc.force}\n"
        f'reference: "{doc.reference}"\n'
        f'title: "{doc.title}"\n'
        f"response_date: {doc.response_date}\n",
        encoding="utf-8",
        newline="\n",
    )


def write_text(doc: Doc, body: str) -> None:
    doc.path().write_text(body.lstrip("\n"), encoding="utf-8", newline="\n")
    sidecar(doc)


def html_page(title: str, body: str, chrome: str = "") -> str:
    return (
        '<!DOCTYPE html>\n<html lang="en-GB">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{title}</title>\n</head>\n<body>\n{chrome}{body.strip()}\n"
        "<footer><p>Synthetic test data.</p></footer>\n</body>\n</html>\n"
    )


def normalise_zip(data: bytes) -> bytes:
    """An OOXML package with fixed member timestamps and fixed core-property dates."""
    stamp = FIXED.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            content = src.read(item.filename)
            if item.filename == "docProps/core.xml":
                content = re.sub(
                    rb"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:)",
                    rb"\g<1>" + stamp + rb"\g<3>",
                    content,
                )
            info = zipfile.ZipInfo(item.filename, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            dst.writestr(info, content)
    return out.getvalue()


def write_docx(doc: Doc, blocks: list) -> None:
    """blocks: ("h1"|"h"|"p"|"b", text) or ("t", rows) with the first row the header."""
    document = Document()
    props = document.core_properties
    props.created = FIXED
    props.modified = FIXED
    props.last_printed = FIXED
    props.author = "synthetic test data"
    props.last_modified_by = "synthetic test data"
    props.title = doc.title
    props.revision = 1
    for kind, content in blocks:
        if kind == "h1":
            document.add_heading(content, level=1)
        elif kind == "h":
            document.add_heading(content, level=2)
        elif kind == "p":
            document.add_paragraph(content)
        elif kind == "b":
            document.add_paragraph().add_run(content).bold = True
        elif kind == "t":
            table = document.add_table(rows=len(content), cols=len(content[0]))
            table.style = "Table Grid"
            for r, row in enumerate(content):
                for c, value in enumerate(row):
                    if r == 0:
                        table.cell(r, c).paragraphs[0].add_run(value).bold = True
                    else:
                        table.cell(r, c).text = value
        else:
            raise ValueError(kind)
    buffer = io.BytesIO()
    document.save(buffer)
    doc.path().write_bytes(normalise_zip(buffer.getvalue()))
    sidecar(doc)


def new_workbook(doc: Doc) -> Workbook:
    wb = Workbook()
    wb.properties.title = doc.title
    wb.properties.creator = "synthetic test data"
    wb.properties.lastModifiedBy = "synthetic test data"
    wb.properties.description = "synthetic test data"
    wb.properties.created = wb.properties.modified = FIXED
    return wb


def save_workbook(doc: Doc, wb: Workbook) -> None:
    buffer = io.BytesIO()
    wb.save(buffer)
    doc.path().write_bytes(normalise_zip(buffer.getvalue()))
    sidecar(doc)


def put_row(ws, row: int, values: list, bold: bool = False) -> None:
    for col, value in enumerate(values, start=1):
        c = ws.cell(row=row, column=col, value=value)
        if bold:
            c.font = Font(bold=True)


def write_csv(doc: Doc, rows: list[list[str]]) -> None:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    doc.path().write_bytes(buffer.getvalue().encode("utf-8"))
    sidecar(doc)


_SS = getSampleStyleSheet()
BODY = ParagraphStyle(
    "body", parent=_SS["Normal"], fontName="Helvetica", fontSize=10, leading=13, spaceAfter=6
)
H1 = ParagraphStyle("h1", parent=BODY, fontName="Helvetica-Bold", fontSize=14, leading=18)
H2 = ParagraphStyle(
    "h2", parent=BODY, fontName="Helvetica-Bold", fontSize=11, leading=14, spaceBefore=6
)
SMALL = ParagraphStyle("small", parent=BODY, fontSize=8.5, leading=10.5)


def grid(rows: list[list[str]], widths: list[float], bold_last: bool = False) -> Table:
    table = Table(rows, colWidths=[w * mm for w in widths])
    cmds = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold"),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#DDDDDD")),
        ("FONTSIZE", (0, 0), (-1, -1), 9),
        ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
    ]
    if bold_last:
        cmds.append(("FONTNAME", (0, -1), (-1, -1), "Helvetica-Bold"))
    table.setStyle(TableStyle(cmds))
    return table


def write_pdf(doc: Doc, story: list, footer: str) -> None:
    buffer = io.BytesIO()
    template = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        title=doc.title,
        author="synthetic test data",
        subject=f"Freedom of Information response {doc.reference}",
        creator="synthetic test data",
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=18 * mm,
        bottomMargin=22 * mm,
        invariant=1,
    )

    def on_page(canvas, _template):
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.drawString(20 * mm, 11 * mm, footer)
        canvas.restoreState()

    template.build(story, onFirstPage=on_page, onLaterPages=on_page)
    doc.path().write_bytes(buffer.getvalue())
    sidecar(doc)


# ----------------------------------------------------------------------------------------------
# Stop and search
# ----------------------------------------------------------------------------------------------


def ss_monthly_txt() -> Doc:
    """Searches by month; the year only in the question; tab-separated table with a Total row;
    a second part refused under section 12 whose cost arithmetic repeats the year's total."""
    d = Doc(
        "avon-and-somerset",
        "FOI-2311-24.txt",
        "2311/24",
        "2024-03-14",
        "Stop and search by month - FOI 2311/24 (synthetic test data)",
    )
    counts = [812, 765, 839, 790, 871, 902, 944, 880, 823, 861, 798, 744]
    for m, n in enumerate(counts, start=1):
        d.fig("stop_searches", "date_range", month_range(2023, m), n)
    table = "\n".join(f"{MONTHS[m]}\t{fmt(n)}" for m, n in enumerate(counts))
    total = sum(counts)
    write_text(
        d,
        f"""
Avon and Somerset Constabulary
Freedom of Information Request 2311/24
{d.title}
Date of response: 14 March 2024

REQUEST
1. Please tell me how many stop and searches your officers carried out in each month of 2023.
2. For every search, please give the age of the person searched and the street where the search took place.

RESPONSE
1. The number of stop and searches recorded in each month is shown below.

Month\tStop and searches
{table}
Total\t{fmt(total)}

Figures were extracted from the stop and search recording system on 1 March 2024 and may change slightly as records are quality assured.

2. The force holds this information, but the street is written in a free-text field. To answer we would have to read each of the {fmt(total)} search records for the year; at a conservative 2 minutes per record that is over 300 hours of work, well beyond the 18 hours (£450) allowed by section 12(1) of the Freedom of Information Act 2000. This part of your request is therefore refused. You may wish to narrow it, for example to one month and one neighbourhood.

{SYNTHETIC}
""",
    )
    return d


def ss_monthly_xlsx() -> Doc:
    """Searches by month; the year only in the sheet's title block; short month names; a Total row."""
    d = Doc(
        "lancashire",
        "LC-FOI-0412-24.xlsx",
        "0412/24",
        "2024-07-19",
        "Lancashire Constabulary FOI 0412/24: stop and search by month (synthetic test data)",
    )
    months = [
        ("Jan", 1, 533),
        ("Feb", 2, 498),
        ("Mar", 3, 561),
        ("Apr", 4, 547),
        ("May", 5, 602),
        ("Jun", 6, 575),
    ]
    for _, m, n in months:
        d.fig("stop_searches", "date_range", month_range(2024, m), n)
    wb = new_workbook(d)
    ws = wb.active
    ws.title = "FOI 0412-24"
    ws.cell(row=1, column=1, value="Lancashire Constabulary").font = Font(bold=True, size=13)
    ws.cell(
        row=2, column=1, value="Stop searches by month, January to June 2024 (synthetic test data)"
    )
    ws.cell(row=3, column=1, value="FOI reference 0412/24 - response date 19/07/2024")
    put_row(ws, 5, ["Month", "Number of searches"], bold=True)
    for i, (label, _, n) in enumerate(months, start=6):
        put_row(ws, i, [label, n])
    total_row = 6 + len(months)
    put_row(ws, total_row, ["Total", sum(n for _, _, n in months)], bold=True)
    ws.cell(
        row=total_row + 2,
        column=1,
        value="Notes: a person and the vehicle they were in, searched together, count as one search. "
        "All figures are synthetic test data.",
    )
    ws.column_dimensions["A"].width = 14
    ws.column_dimensions["B"].width = 20
    save_workbook(d, wb)
    return d


ETHNIC_GROUPS = [  # printed label (HTML doc), dimension value
    ("White", "white"),
    ("Black or Black British", "black"),
    ("Asian or Asian British", "asian"),
    ("Mixed", "mixed"),
    ("Other ethnic group", "other"),
    ("Not stated", "not_stated"),
]


def ss_ethnicity_html() -> Doc:
    """Searches by self-defined ethnicity (ONS groups as rows), two financial years spelled two
    ways as columns, a Total row; cookie banner and navigation before the body."""
    d = Doc(
        "metropolitan",
        "FOI-01-FOI-24-038811.html",
        "01/FOI/24/038811",
        "2024-09-05",
        "Stop and search by ethnicity - 01/FOI/24/038811 (synthetic test data)",
    )
    years = [("2022/23", "2022-23"), ("2023-24", "2023-24")]
    counts = {
        "white": [48210, 44987],
        "black": [39875, 36420],
        "asian": [21340, 20112],
        "mixed": [6904, 6518],
        "other": [3377, 3251],
        "not_stated": [12044, 11630],
    }
    for _, dv in ETHNIC_GROUPS:
        for (_, fy), n in zip(years, counts[dv], strict=True):
            d.fig("stop_searches", "financial_year", fy, n, dim="ethnicity", dv=dv)
    rows = "\n".join(
        f"<tr><td>{label}</td>" + "".join(f"<td>{fmt(n)}</td>" for n in counts[dv]) + "</tr>"
        for label, dv in ETHNIC_GROUPS
    )
    totals = "".join(
        f"<td><strong>{fmt(sum(c[i] for c in counts.values()))}</strong></td>"
        for i in range(len(years))
    )
    chrome = """<div class="cookie-notice" role="region" aria-label="Cookies on this site">
<p>We use some essential cookies to make this website work. We would also like to set analytics cookies to understand how you use the site.</p>
<p><button>Accept analytics cookies</button> <button>Reject analytics cookies</button> <a href="/cookies">View cookies</a></p>
</div>
<nav class="breadcrumb"><a href="/">Home</a> &gt; <a href="/foi-ai/">Freedom of Information</a> &gt; <a href="/foi-ai/disclosure-log/">Disclosure log</a></nav>
"""
    write_text(
        d,
        html_page(
            d.title,
            f"""
<main id="content">
<h1>Stop and search by ethnicity</h1>
<p>Reference: 01/FOI/24/038811<br>Date of response: 05/09/2024</p>
<h2>Request</h2>
<p>1. Please provide the number of stop and searches carried out by the Metropolitan Police Service, broken down by the self-defined ethnicity of the person searched, for the financial years 2022/23 and 2023/24.</p>
<h2>Response</h2>
<p>1. The table below shows stop and searches by self-defined ethnicity.</p>
<table>
<thead><tr><th>Self-defined ethnicity</th><th>{years[0][0]}</th><th>{years[1][0]}</th></tr></thead>
<tbody>
{rows}
<tr><td><strong>Total</strong></td>{totals}</tr>
</tbody>
</table>
<h3>Notes</h3>
<p>Ethnicity is as described by the person searched. &ldquo;Not stated&rdquo; covers people who chose not to give an ethnicity. Searches of vehicles only are not included.</p>
<p>{SYNTHETIC}</p>
</main>
""",
            chrome,
        ),
    )
    return d


CODES_16_1 = [  # code, description, dimension value
    ("W1", "White - British", "white"),
    ("W2", "White - Irish", "white"),
    ("W9", "White - Any other White background", "white"),
    ("M1", "Mixed - White and Black Caribbean", "mixed"),
    ("M2", "Mixed - White and Black African", "mixed"),
    ("M3", "Mixed - White and Asian", "mixed"),
    ("M9", "Mixed - Any other Mixed background", "mixed"),
    ("A1", "Asian - Indian", "asian"),
    ("A2", "Asian - Pakistani", "asian"),
    ("A3", "Asian - Bangladeshi", "asian"),
    ("A9", "Asian - Any other Asian background", "asian"),
    ("B1", "Black - Caribbean", "black"),
    ("B2", "Black - African", "black"),
    ("B9", "Black - Any other Black background", "black"),
    ("O1", "Other - Chinese", "other"),
    ("O9", "Other - Any other ethnic group", "other"),
    ("NS", "Not stated", "not_stated"),
]


def ss_ethnicity_codes_docx() -> Doc:
    """Searches by self-defined ethnicity in the 16+1 codes (W1 ... O9, NS), a code column and a
    description column, financial years written 2022-2023 as columns, a Total row. Several codes
    share one ONS group: the expected row per group is the sum of its codes' cells (the scorer
    sums a build's rows per key)."""
    d = Doc(
        "west-yorkshire",
        "WYP-FOI-1733-24.docx",
        "1733/24",
        "2024-06-27",
        "West Yorkshire Police FOI 1733/24: stop searches by ethnicity (synthetic test data)",
    )
    years = [("2022-2023", "2022-23"), ("2023-2024", "2023-24")]
    counts = {
        "W1": [6120, 5873],
        "W2": [88, 91],
        "W9": [702, 688],
        "M1": [311, 296],
        "M2": [97, 104],
        "M3": [142, 150],
        "M9": [203, 187],
        "A1": [406, 391],
        "A2": [2214, 2087],
        "A3": [318, 344],
        "A9": [377, 362],
        "B1": [289, 271],
        "B2": [518, 546],
        "B9": [176, 169],
        "O1": [34, 29],
        "O9": [611, 640],
        "NS": [1490, 1522],
    }
    for dv in ("white", "black", "asian", "mixed", "other", "not_stated"):
        for i, (_, fy) in enumerate(years):
            n = sum(counts[code][i] for code, _, v in CODES_16_1 if v == dv)
            d.fig("stop_searches", "financial_year", fy, n, dim="ethnicity", dv=dv)
    rows = [["Code", "Self-defined ethnicity", years[0][0], years[1][0]]]
    for code, description, _ in CODES_16_1:
        rows.append([code, description] + [fmt(n) for n in counts[code]])
    rows.append(["Total", ""] + [fmt(sum(c[i] for c in counts.values())) for i in range(2)])
    write_docx(
        d,
        [
            ("h1", "West Yorkshire Police - Freedom of Information"),
            ("p", "Reference: 1733/24"),
            ("p", "Date of response: 27 June 2024"),
            ("h", "Request"),
            (
                "p",
                "Could you provide the number of stop searches carried out by West Yorkshire Police "
                "in the financial years 2022-2023 and 2023-2024, broken down by the self-defined "
                "ethnicity of the person searched, using the 16+1 categories?",
            ),
            ("h", "Response"),
            (
                "p",
                "Please find below the number of stop searches by self-defined ethnicity (16+1 "
                "classification).",
            ),
            ("t", rows),
            (
                "p",
                "The 16+1 classification is the one used in the 2001 Census. NS means the person "
                "searched did not state an ethnicity.",
            ),
            ("p", SYNTHETIC),
        ],
    )
    return d


LEGISLATION = [  # long title (PDF), short title (list), dimension value
    ("Section 1 Police and Criminal Evidence Act 1984", "s.1 PACE", "pace_s1"),
    ("Section 23 Misuse of Drugs Act 1971", "s.23 Misuse of Drugs Act 1971", "misuse_of_drugs_s23"),
    ("Section 47 Firearms Act 1968", "s.47 Firearms Act 1968", "firearms_s47"),
    ("Section 60 Criminal Justice and Public Order Act 1994", "s.60 CJPOA 1994", "cjpoa_s60"),
    ("Section 43 Terrorism Act 2000", "s.43 Terrorism Act 2000", "terrorism_s43"),
]


def ss_legislation_pdf() -> Doc:
    """Searches by legislation for one financial year (a table with a Total row, the year in the
    line that introduces it); section 60 authorisations in a sentence naming the Act; a third
    part refused under section 12."""
    d = Doc(
        "essex",
        "EP-FOI-24-1187.pdf",
        "FOI/24/1187",
        "2024-05-30",
        "Essex Police FOI/24/1187: stop and search powers (synthetic test data)",
    )
    counts = {
        "pace_s1": 3418,
        "misuse_of_drugs_s23": 7902,
        "firearms_s47": 214,
        "cjpoa_s60": 96,
        "terrorism_s43": 7,
        "other": 61,
    }
    for dv, n in counts.items():
        d.fig("stop_searches", "financial_year", "2023-24", n, dim="legislation", dv=dv)
    d.fig("s60_authorisations", "financial_year", "2023-24", 5)
    rows = [["Legislation", "Searches"]]
    rows += [[long, fmt(counts[dv])] for long, _, dv in LEGISLATION]
    rows.append(["Other legislation", fmt(counts["other"])])
    rows.append(["Total", fmt(sum(counts.values()))])
    story = [
        Paragraph("Essex Police", H1),
        Paragraph(
            "Freedom of Information Request FOI/24/1187<br/>Date of response: 30 May 2024", BODY
        ),
        Paragraph("Stop and search powers (synthetic test data)", H2),
        Paragraph("Request", H2),
        Paragraph(
            "1. How many stop and searches were carried out under each power in the financial year 2023/24?",
            BODY,
        ),
        Paragraph("2. How many section 60 authorisations were made in the same period?", BODY),
        Paragraph("3. How many of the people searched under section 60 were under 18?", BODY),
        Paragraph("Response", H2),
        Paragraph(
            "1. Searches carried out between 1 April 2023 and 31 March 2024, by power:", BODY
        ),
        grid(rows, [120, 30], bold_last=True),
        Spacer(1, 3 * mm),
        Paragraph(
            "Other legislation includes searches under section 139B of the Criminal Justice Act 1988 "
            "and under the Psychoactive Substances Act 2016.",
            SMALL,
        ),
        Paragraph(
            "2. In the 2023/24 financial year, 5 authorisations under section 60 of the Criminal "
            "Justice and Public Order Act 1994 were made by officers of the rank of inspector or above.",
            BODY,
        ),
        Paragraph(
            "3. The age of the person searched is held, but linking it to the power used requires each "
            "section 60 search record to be opened and read. We estimate this would exceed the appropriate "
            "limit of 18 hours, and this part of your request is refused under section 12(1) of the Act.",
            BODY,
        ),
        Paragraph(SYNTHETIC, SMALL),
    ]
    write_pdf(d, story, "Essex Police - FOI/24/1187 - synthetic test data")
    return d


def ss_legislation_txt() -> Doc:
    """Searches by legislation for a calendar year as a dash list with short titles ("s.1 PACE"),
    en dashes and hyphens mixed, one "<5" (suppressed) and one "None" (nil)."""
    d = Doc(
        "hampshire",
        "HC-FOI-04471.txt",
        "HC/FOI/04471",
        "2024-02-08",
        "Hampshire and Isle of Wight Constabulary - FOI HC/FOI/04471 (synthetic test data)",
    )
    counts = {
        "pace_s1": 2904,
        "misuse_of_drugs_s23": 5377,
        "firearms_s47": 188,
        "cjpoa_s60": 0,
        "terrorism_s43": None,
    }
    dashes = {
        "pace_s1": "\u2013",
        "misuse_of_drugs_s23": "-",
        "firearms_s47": "\u2013",
        "cjpoa_s60": "-",
        "terrorism_s43": "\u2013",
    }
    lines = []
    for _, short, dv in LEGISLATION:
        n = counts[dv]
        if n is None:
            d.fig(
                "stop_searches",
                "calendar_year",
                "2023",
                None,
                dim="legislation",
                dv=dv,
                status="suppressed",
            )
            shown = "<5"
        elif n == 0:
            d.fig(
                "stop_searches", "calendar_year", "2023", 0, dim="legislation", dv=dv, status="nil"
            )
            shown = "None"
        else:
            d.fig("stop_searches", "calendar_year", "2023", n, dim="legislation", dv=dv)
            shown = fmt(n)
        lines.append(f"{short} {dashes[dv]} {shown}")
    body = "\n".join(lines)
    write_text(
        d,
        f"""
Hampshire and Isle of Wight Constabulary
Freedom of Information request HC/FOI/04471
Response date: 08/02/2024

Your request
Q1. Between January and December 2023, how many stop searches were conducted by the force under each of the following: s.1 PACE, s.23 Misuse of Drugs Act, s.47 Firearms Act, s.60 CJPOA and s.43 Terrorism Act?

Our response
Q1. Stop searches conducted in the 2023 calendar year, by legislation:
{body}

Where a figure is shown as <5 the exact number (between 1 and 4) has been withheld under section 40(2) of the Freedom of Information Act, as it could identify the people searched.

{SYNTHETIC}
""",
    )
    return d


def ss_prose_html() -> Doc:
    """Searches, arrests following a search and individuals searched in prose, figures
    mid-sentence, two measures in one sentence, a year in brackets ("The year before (2022/23)")."""
    d = Doc(
        "kent",
        "FOI-1902-24.html",
        "1902/24",
        "2024-08-15",
        "Stop and search and arrests - FOI 1902/24 (synthetic test data) | Kent Police",
    )
    d.fig("stop_searches", "financial_year", "2023-24", 12486)
    d.fig("stop_search_arrests", "financial_year", "2023-24", 1703)
    d.fig("stop_searches", "financial_year", "2022-23", 11930)
    d.fig("stop_search_arrests", "financial_year", "2022-23", 1655)
    d.fig("individuals_stop_searched", "financial_year", "2023-24", 9877)
    d.fig("individuals_stop_searched", "financial_year", "2022-23", 9412)
    write_text(
        d,
        html_page(
            d.title,
            f"""
<main>
<h1>Stop and search and arrests - FOI 1902/24</h1>
<p>FOI reference 1902/24 &middot; Response sent 15 August 2024</p>
<h2>Your request</h2>
<ol>
<li>How many stop and searches did Kent Police carry out in 2022/23 and in 2023/24, and how many arrests followed those searches?</li>
<li>How many individual people were searched in each of those years?</li>
</ol>
<h2>Our response</h2>
<p>1. In the 2023/24 financial year Kent Police officers carried out 12,486 stop and searches, and 1,703 arrests were made following a stop and search. The year before (2022/23), officers carried out 11,930 searches, with 1,655 arrests following a search.</p>
<p>2. Some people are searched more than once. In 2023/24, 9,877 different people were stopped and searched; in 2022/23 the number of individuals searched was 9,412.</p>
<p>{SYNTHETIC}</p>
</main>
""",
        ),
    )
    return d


def ss_prose_docx() -> Doc:
    """Individuals searched and arrests in prose by calendar year: two year-figure pairs in one
    sentence, "A total of ... arrests" with no split, a third part refused under section 12."""
    d = Doc(
        "northumbria",
        "NP-FOI-0867-24.docx",
        "867/24",
        "2024-04-11",
        "Northumbria Police FOI 867/24: people stopped and searched (synthetic test data)",
    )
    d.fig("individuals_stop_searched", "calendar_year", "2022", 4217)
    d.fig("individuals_stop_searched", "calendar_year", "2023", 4566)
    d.fig("stop_search_arrests", "calendar_year", "2022", 811)
    d.fig("stop_search_arrests", "calendar_year", "2023", 873)
    write_docx(
        d,
        [
            ("h1", "Northumbria Police - Freedom of Information Request 867/24"),
            ("p", "Date: 11/04/2024"),
            ("b", "Request"),
            (
                "p",
                "1. The number of people stopped and searched by Northumbria Police in 2022 and in 2023.",
            ),
            ("p", "2. The number of arrests made as a result of those searches."),
            ("p", "3. The number of those arrested who were later charged."),
            ("b", "Response"),
            (
                "p",
                "1. Northumbria Police searched 4,217 individuals in 2022 and 4,566 individuals in 2023. "
                "A person searched more than once in a year is counted once in that year.",
            ),
            (
                "p",
                "2. A total of 811 arrests were made as a result of a stop and search in 2022. For 2023 "
                "the figure was 873 arrests.",
            ),
            (
                "p",
                "3. Search records are not linked to charging decisions. Finding this would mean "
                "checking the custody record of every person arrested, which would exceed the cost "
                "limit; this part is refused under Section 12 of the Freedom of Information Act 2000.",
            ),
            ("p", SYNTHETIC),
        ],
    )
    return d


def ss_s60_outcomes_txt() -> Doc:
    """Section 60 authorisations as a year-value list (one "None"); search outcomes in one sentence
    that prints the year's total beside its complete split (the total is not a fact)."""
    d = Doc(
        "south-wales",
        "FOI-1456-24.txt",
        "1456/24",
        "2024-11-06",
        "South Wales Police - FOI 1456/24 - section 60 and search outcomes (synthetic test data)",
    )
    s60 = [
        ("2019", "-", 4),
        ("2020", "\u2013", 2),
        ("2021", "-", 0),
        ("2022", "-", 1),
        ("2023", "\u2013", 3),
    ]
    lines = []
    for year, dash, n in s60:
        if n == 0:
            d.fig("s60_authorisations", "calendar_year", year, 0, status="nil")
            lines.append(f"{year} {dash} None")
        else:
            d.fig("s60_authorisations", "calendar_year", year, n)
            lines.append(f"{year} {dash} {n}")
    outcomes = {"arrest": 1021, "no_further_action": 4377, "other": 742}
    for dv, n in outcomes.items():
        d.fig("stop_searches", "calendar_year", "2023", n, dim="outcome", dv=dv)
    total = sum(outcomes.values())
    body = "\n".join(lines)
    write_text(
        d,
        f"""
South Wales Police - Freedom of Information
Reference: 1456/24
Date: 06/11/2024
Subject: Section 60 authorisations and search outcomes (synthetic test data)

Request
1) For each calendar year from 2019 to 2023, how many authorisations under section 60 of the Criminal Justice and Public Order Act 1994 were made?
2) For 2023, what were the outcomes of all stop and searches?

Response
1) Section 60 authorisations made:
{body}

2) Of the {fmt(total)} stop and searches recorded in 2023, {fmt(outcomes["arrest"])} resulted in an arrest, {fmt(outcomes["no_further_action"])} resulted in no further action and {outcomes["other"]} had another outcome (such as a community resolution, a cannabis warning or a penalty notice).

{SYNTHETIC}
""",
    )
    return d


OUTCOME_ROWS = [  # printed outcome, dimension value
    ("Arrest", "arrest"),
    ("Community resolution", "other"),
    ("Khat or cannabis warning", "other"),
    ("Penalty Notice for Disorder", "other"),
    ("Summons / charged by post", "other"),
    ("No further action", "no_further_action"),
]


def ss_outcomes_pdf() -> Doc:
    """Search outcomes by financial year, outcomes as rows (several of them 'other' outcomes whose
    expected row is their sum), a Total row."""
    d = Doc(
        "derbyshire",
        "DC-F-2024-02251.pdf",
        "F-2024-02251",
        "2024-10-02",
        "Derbyshire Constabulary F-2024-02251: outcomes of stop and search (synthetic test data)",
    )
    years = [("2022/23", "2022-23"), ("2023/24", "2023-24")]
    counts = {
        "Arrest": [702, 748],
        "Community resolution": [211, 236],
        "Khat or cannabis warning": [305, 288],
        "Penalty Notice for Disorder": [64, 71],
        "Summons / charged by post": [49, 58],
        "No further action": [2930, 3104],
    }
    for dv in ("arrest", "no_further_action", "other"):
        for i, (_, fy) in enumerate(years):
            n = sum(counts[label][i] for label, v in OUTCOME_ROWS if v == dv)
            d.fig("stop_searches", "financial_year", fy, n, dim="outcome", dv=dv)
    rows = [["Outcome", years[0][0], years[1][0]]]
    rows += [[label] + [fmt(n) for n in counts[label]] for label, _ in OUTCOME_ROWS]
    rows.append(["Total"] + [fmt(sum(c[i] for c in counts.values())) for i in range(2)])
    story = [
        Paragraph("Derbyshire Constabulary", H1),
        Paragraph(
            "Freedom of Information reference F-2024-02251<br/>Date of response: 2 October 2024",
            BODY,
        ),
        Paragraph("Outcomes of stop and search (synthetic test data)", H2),
        Paragraph("Request", H2),
        Paragraph(
            "Please provide the outcomes of stop and searches carried out in the last two financial years.",
            BODY,
        ),
        Paragraph("Response", H2),
        Paragraph("The table below shows the outcome recorded for each stop and search.", BODY),
        grid(rows, [80, 30, 30], bold_last=True),
        Spacer(1, 3 * mm),
        Paragraph(
            "Only the main outcome of each search is counted. A search can lead to an arrest for an "
            "offence other than the one the officer was searching for.",
            SMALL,
        ),
        Paragraph(SYNTHETIC, SMALL),
    ]
    write_pdf(d, story, "Derbyshire Constabulary - F-2024-02251 - synthetic test data")
    return d


def ss_refusal_txt() -> Doc:
    """Silent: the whole request refused under section 12, with cost arithmetic and years."""
    d = Doc(
        "durham",
        "FOI-0318-25.txt",
        "0318/25",
        "2025-02-20",
        "Durham Constabulary - FOI 0318/25 (synthetic test data)",
        silent=True,
    )
    write_text(
        d,
        f"""
Durham Constabulary
Freedom of Information Request Reference No: 0318/25
Date of response: 20 February 2025

Request
1. For each year from 2019 to 2024, the number of stop and searches of children aged under 10, by ethnicity.
2. For each of those searches, whether handcuffs were used.

Response
Durham Constabulary can confirm that it holds information relevant to your request.

The age of a person searched is not held in a searchable field for searches before 2022, and the use of handcuffs is recorded only in the officer's free-text account. To answer both parts we would need to open and read approximately 6,000 search records. At 4 minutes a record this is 6,000 x 4 minutes = 400 hours, far more than the appropriate limit of 18 hours, or £450, set by the Freedom of Information and Data Protection (Appropriate Limit and Fees) Regulations 2004.

Your request is therefore refused under section 12(1) of the Freedom of Information Act 2000, and this letter is a refusal notice under section 17(5).

Advice and assistance: you may wish to ask for one year only. Figures on stop and search for the force are also published on data.police.uk.

{SYNTHETIC}
""",
    )
    return d


# ----------------------------------------------------------------------------------------------
# Clare's Law (Domestic Violence Disclosure Scheme)
# ----------------------------------------------------------------------------------------------


def cl_types_docx() -> Doc:
    """Right to Ask and Right to Know as rows, financial years as columns, a Total column and a
    Total row (stated totals, not facts); a second part refused under section 12 whose cost
    estimate repeats the grand total."""
    d = Doc(
        "staffordshire",
        "SP-FOI-2188-24.docx",
        "2188/24",
        "2024-06-03",
        "Staffordshire Police FOI 2188/24: Clare's Law applications (synthetic test data)",
    )
    years = [("2021/22", "2021-22"), ("2022/23", "2022-23"), ("2023/24", "2023-24")]
    rta, rtk = [512, 588, 641], [377, 402, 455]
    for (_, fy), a, k in zip(years, rta, rtk, strict=True):
        d.fig("dvds_right_to_ask_applications", "financial_year", fy, a)
        d.fig("dvds_right_to_know_applications", "financial_year", fy, k)
    grand = sum(rta) + sum(rtk)
    rows = [
        ["Application type"] + [y for y, _ in years] + ["Total"],
        ["Right to Ask"] + [fmt(n) for n in rta] + [fmt(sum(rta))],
        ["Right to Know"] + [fmt(n) for n in rtk] + [fmt(sum(rtk))],
        ["Total"] + [fmt(a + k) for a, k in zip(rta, rtk, strict=True)] + [fmt(grand)],
    ]
    write_docx(
        d,
        [
            ("h1", "Staffordshire Police"),
            ("p", "Freedom of Information Request 2188/24"),
            ("p", "Response date: 3 June 2024"),
            ("h", "Your request"),
            (
                "p",
                "1. How many applications were made under the Domestic Violence Disclosure Scheme "
                "(Clare's Law) in each of the financial years 2021/22, 2022/23 and 2023/24, split "
                "between Right to Ask and Right to Know?",
            ),
            ("p", "2. How many of those applications resulted in a disclosure?"),
            ("h", "Our response"),
            ("p", "1. Please see the table below."),
            ("t", rows),
            (
                "p",
                f"2. The outcome of each application is recorded only in its case notes. To establish "
                f"which of the {fmt(grand)} applications led to a disclosure we would need to read "
                f"every case file, which would take far longer than the 18 hours allowed. This part "
                f"of your request is refused under section 12(1) of the Freedom of Information Act "
                f"2000.",
            ),
            ("p", SYNTHETIC),
        ],
    )
    return d


def cl_types_html() -> Doc:
    """Financial years (2022-23 spelling) as rows, Right to Ask / Right to Know / Total
    applications as columns; disclosures for the latest year in a 'label: value' line."""
    d = Doc(
        "sussex",
        "FOI-1160-25.html",
        "1160/25",
        "2025-05-21",
        "Clare's Law applications by type - FOI 1160/25 (synthetic test data) | Sussex Police",
    )
    rows = [("2022-23", 1204, 688), ("2023-24", 1377, 702), ("2024-25", 1455, 731)]
    for fy, a, k in rows:
        d.fig("dvds_right_to_ask_applications", "financial_year", fy, a)
        d.fig("dvds_right_to_know_applications", "financial_year", fy, k)
    d.fig("dvds_disclosures", "financial_year", "2024-25", 912)
    body = "\n".join(
        f"<tr><td>{fy}</td><td>{fmt(a)}</td><td>{fmt(k)}</td><td>{fmt(a + k)}</td></tr>"
        for fy, a, k in rows
    )
    write_text(
        d,
        html_page(
            d.title,
            f"""
<main>
<h1>Clare's Law applications by type - FOI 1160/25</h1>
<p>Reference 1160/25<br>Response date: 21 May 2025</p>
<h2>Request</h2>
<p>For the last three financial years, please tell me how many Clare's Law requests Sussex Police received under the Right to Ask and how many it considered under the Right to Know, and how many disclosures were made in the most recent year.</p>
<h2>Response</h2>
<p>Under the Right to Ask a member of the public asks the police about a partner's past. Under the Right to Know the police decide, on information they hold, that someone should be told.</p>
<table>
<tr><th>Financial year</th><th>Right to Ask</th><th>Right to Know</th><th>Total applications</th></tr>
{body}
</table>
<p>Disclosures made in 2024-25: 912</p>
<p>{SYNTHETIC}</p>
</main>
""",
        ),
    )
    return d


def cl_prose_txt() -> Doc:
    """Applications and disclosures by calendar year in prose, figures mid-sentence, two
    figure-year pairs in one sentence; a year-to-date figure whose measure the text leaves open
    (review)."""
    d = Doc(
        "west-mercia",
        "WMP-FOI-0294-25.txt",
        "0294/25",
        "2025-03-03",
        "West Mercia Police - Clare's Law - FOI 0294/25 (synthetic test data)",
    )
    d.fig("dvds_applications", "calendar_year", "2023", 1318)
    d.fig("dvds_applications", "calendar_year", "2024", 1502)
    d.fig("dvds_disclosures", "calendar_year", "2023", 463)
    d.fig("dvds_disclosures", "calendar_year", "2024", 519)
    d.review(
        "So far in 2025 the figure is 187",
        "the question asks for applications and for disclosures; the answer gives one number "
        "without saying which it counts",
    )
    write_text(
        d,
        f"""
West Mercia Police
Freedom of Information Act 2000 - Request Reference 0294/25
Clare's Law (Domestic Violence Disclosure Scheme)
Date of response: 3 March 2025

Request
1. How many Clare's Law applications did the force receive in 2023 and in 2024?
2. How many disclosures were made in each of those years?
3. How many applications and disclosures have there been so far in 2025?

Response
1. In 2023 West Mercia Police received 1,318 applications under the Domestic Violence Disclosure Scheme. In 2024 the number of applications received rose to 1,502.
2. The force made 463 disclosures under the scheme in 2023 and 519 disclosures in 2024.
3. So far in 2025 the figure is 187.

Applications are counted in the year they were received and disclosures in the year they were made, so a disclosure made in January 2024 may answer an application from December 2023.

{SYNTHETIC}
""",
    )
    return d


def cl_lists_pdf() -> Doc:
    """Applications and disclosures by calendar year as two year-value lists, each introduced by a
    line naming the measure; a note that names Right to Ask and Right to Know without splitting."""
    d = Doc(
        "nottinghamshire",
        "NP-FOI-005902-24.pdf",
        "005902/24",
        "2024-02-15",
        "Nottinghamshire Police FOI 005902/24: Clare's Law (synthetic test data)",
    )
    apps = [("2021", 744), ("2022", 860), ("2023", 931)]
    discs = [("2021", 301), ("2022", 322), ("2023", 355)]
    for year, n in apps:
        d.fig("dvds_applications", "calendar_year", year, n)
    for year, n in discs:
        d.fig("dvds_disclosures", "calendar_year", year, n)
    story = [
        Paragraph("Nottinghamshire Police", H1),
        Paragraph(
            "Freedom of Information Request 005902/24<br/>Date of response: 15/02/2024", BODY
        ),
        Paragraph("Clare's Law - Domestic Violence Disclosure Scheme (synthetic test data)", H2),
        Paragraph("Request", H2),
        Paragraph(
            "Please provide, for each calendar year from 2021 to 2023, the number of applications "
            "received under Clare's Law and the number of disclosures made.",
            BODY,
        ),
        Paragraph("Response", H2),
        Paragraph("Number of Clare's Law applications received:", BODY),
    ]
    story += [Paragraph(f"{year} \u2013 {fmt(n)}", BODY) for year, n in apps]
    story.append(Paragraph("Number of disclosures made:", BODY))
    story += [Paragraph(f"{year} \u2013 {fmt(n)}", BODY) for year, n in discs]
    story += [
        Spacer(1, 3 * mm),
        Paragraph(
            "Note: the application figures include both Right to Ask and Right to Know cases.",
            SMALL,
        ),
        Paragraph(SYNTHETIC, SMALL),
    ]
    write_pdf(d, story, "Nottinghamshire Police - FOI 005902/24 - synthetic test data")
    return d


def cl_monthly_csv() -> Doc:
    """A monthly CSV export over the first half of a financial year, three measures as columns,
    '<5' in some cells (suppressed), a notes line at the end."""
    d = Doc(
        "dyfed-powys",
        "DPP-FOI-0771-24-clares-law.csv",
        "DPP/0771/2024",
        "2024-10-28",
        "Dyfed-Powys Police FOI DPP/0771/2024: Clare's Law by month (synthetic test data)",
    )
    months = [
        (4, 31, 18, 14),
        (5, 27, None, 11),
        (6, 35, 21, None),
        (7, 29, 16, 12),
        (8, 33, None, 9),
        (9, 26, 19, 13),
    ]
    measures = [
        "dvds_right_to_ask_applications",
        "dvds_right_to_know_applications",
        "dvds_disclosures",
    ]
    rows = [
        ["Month", "Right to Ask applications", "Right to Know applications", "Disclosures made"]
    ]
    for m, *values in months:
        for measure, n in zip(measures, values, strict=True):
            if n is None:
                d.fig(measure, "date_range", month_range(2024, m), None, status="suppressed")
            else:
                d.fig(measure, "date_range", month_range(2024, m), n)
        rows.append([f"{MONTHS[m - 1]} 2024"] + [cell(n) for n in values])
    rows.append(
        [
            "Notes: <5 means a number from 1 to 4, withheld under section 40(2). "
            "Synthetic test data: every figure is invented.",
            "",
            "",
            "",
        ]
    )
    write_csv(d, rows)
    return d


def cl_monthly_xlsx() -> Doc:
    """A monthly sheet whose month cells are Excel dates (shown mmm-yy), bare 'Applications' and
    'Disclosures' headers (only the title names Clare's Law), one 'fewer than 5' cell, no total."""
    d = Doc(
        "north-wales",
        "NWP-FOI-0655-25.xlsx",
        "0655/25",
        "2025-03-12",
        "North Wales Police FOI 0655/25: Clare's Law by month (synthetic test data)",
    )
    months = [(7, 58, 21), (8, 61, 19), (9, 49, None), (10, 66, 24), (11, 54, 17), (12, 47, 15)]
    wb = new_workbook(d)
    ws = wb.active
    ws.title = "Clare's Law"
    ws.cell(row=1, column=1, value="North Wales Police").font = Font(bold=True, size=13)
    ws.cell(
        row=2,
        column=1,
        value="Domestic Violence Disclosure Scheme (Clare's Law): applications and disclosures "
        "by month, July to December 2024 (synthetic test data)",
    )
    ws.cell(row=3, column=1, value="FOI 0655/25")
    put_row(ws, 5, ["Month", "Applications", "Disclosures"], bold=True)
    for i, (m, apps, discs) in enumerate(months, start=6):
        d.fig("dvds_applications", "date_range", month_range(2024, m), apps)
        if discs is None:
            d.fig("dvds_disclosures", "date_range", month_range(2024, m), None, status="suppressed")
        else:
            d.fig("dvds_disclosures", "date_range", month_range(2024, m), discs)
        put_row(ws, i, [dt.datetime(2024, m, 1), apps, "fewer than 5" if discs is None else discs])
        ws.cell(row=i, column=1).number_format = "mmm-yy"
    ws.cell(
        row=6 + len(months) + 1,
        column=1,
        value="Small numbers are shown as 'fewer than 5' to protect the people involved. "
        "All figures are synthetic test data.",
    )
    ws.column_dimensions["A"].width = 12
    ws.column_dimensions["B"].width = 14
    ws.column_dimensions["C"].width = 14
    save_workbook(d, wb)
    return d


def cl_attached_html() -> Doc:
    """Silent: the answer is in an attachment that is not on the page."""
    d = Doc(
        "surrey",
        "FOI-0472-25.html",
        "0472/25",
        "2025-04-02",
        "Clare's Law - FOI 0472/25 (synthetic test data) | Surrey Police",
        silent=True,
    )
    chrome = """<nav><a href="/">Home</a> <a href="/foi">FOI</a> <a href="/foi/disclosure-log">Disclosure log</a></nav>
<div class="lang-toggle"><a href="/en">English</a></div>
"""
    write_text(
        d,
        html_page(
            d.title,
            f"""
<main>
<h1>Clare's Law - FOI 0472/25</h1>
<p>Reference: 0472/25. Response date: 2 April 2025.</p>
<h2>Request</h2>
<p>1. The number of Right to Ask applications made under the Domestic Violence Disclosure Scheme in 2022, 2023 and 2024.</p>
<p>2. The number of Right to Know disclosures made in the same years.</p>
<h2>Response</h2>
<p>Please see the attached spreadsheet, &ldquo;FOI 0472-25 Clare's Law.xlsx&rdquo;, for the information you requested.</p>
<p><a href="/media/foi-0472-25.xlsx">FOI 0472-25 Clare's Law.xlsx</a> (spreadsheet, 14 KB)</p>
<p>{SYNTHETIC}</p>
</main>
""",
            chrome,
        ),
    )
    return d


BUILDERS = [
    ss_monthly_txt,
    ss_monthly_xlsx,
    ss_ethnicity_html,
    ss_ethnicity_codes_docx,
    ss_legislation_pdf,
    ss_legislation_txt,
    ss_prose_html,
    ss_prose_docx,
    ss_s60_outcomes_txt,
    ss_outcomes_pdf,
    ss_refusal_txt,
    cl_types_docx,
    cl_types_html,
    cl_prose_txt,
    cl_lists_pdf,
    cl_monthly_csv,
    cl_monthly_xlsx,
    cl_attached_html,
]


def main() -> None:
    if RAW.exists():
        shutil.rmtree(RAW)
    docs = [build() for build in BUILDERS]
    forces = [d.force for d in docs]
    assert len(set(forces)) == len(forces), "one document per force"
    for d in docs:
        assert d.silent == (not d.figures), d.rel

    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=EXPECTED_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for d in docs:
        writer.writerows(d.figures)
    (HERE / "expected_topics.csv").write_text(buffer.getvalue(), encoding="utf-8", newline="\n")

    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=["file", "label", "why"], lineterminator="\n")
    writer.writeheader()
    for d in docs:
        writer.writerows(d.reviews)
    (HERE / "review_topics.csv").write_text(buffer.getvalue(), encoding="utf-8", newline="\n")

    (HERE / "silent_topics.txt").write_text(
        "".join(f"{d.rel}\n" for d in docs if d.silent), encoding="utf-8", newline="\n"
    )
    rows = sum(len(d.figures) for d in docs)
    print(f"wrote {len(docs)} documents, {rows} expected figures under {RAW}")


if __name__ == "__main__":
    main()
