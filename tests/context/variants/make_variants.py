#!/usr/bin/env python3
"""Write the layout-class variants: synthetic FOI answers in our own words, one or more per
layout class of ../shared/devcorpus, each worded (and where sensible formatted) differently.

    .venv/bin/python tests/context/variants/make_variants.py

Writes raw/<force>/<file> with `<stem>.meta.yml` sidecars (txt and html are written here too, so
the whole folder regenerates from this one script). expected_variants.csv, review_variants.csv
and silent_variants.txt are kept by hand beside it. DOCX and PDF output is byte-for-byte
deterministic (fixed core-property dates, fixed zip timestamps, reportlab invariant mode).
Every document is synthetic test data: every number is invented.
"""

# ruff: noqa: E501  (the documents' own lines are data)

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path

from reportlab import rl_config

rl_config.invariant = 1

import openpyxl  # noqa: E402
from docx import Document  # noqa: E402
from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.pdfgen import canvas  # noqa: E402

HERE = Path(__file__).resolve().parent
RAW = HERE / "raw"
ZIP_TIME = (2025, 1, 1, 0, 0, 0)
FIXED = dt.datetime(2025, 1, 1, 0, 0, 0)


def sidecar(force: str, stem: str, reference: str, response_date: str, title: str) -> None:
    path = RAW / force / f"{stem}.meta.yml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        "synthetic: true\n"
        f'reference: "{reference}"\n'
        f"response_date: {response_date}\n"
        f"force: {force}\n"
        f'title: "{title}"\n',
        encoding="utf-8",
    )


def text(force: str, name: str, reference: str, response_date: str, title: str, body: str) -> None:
    path = RAW / force / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(body.lstrip("\n"), encoding="utf-8")
    sidecar(force, path.stem, reference, response_date, title)


def docx(
    force: str, name: str, reference: str, response_date: str, title: str, blocks: list
) -> None:
    """blocks: ("h", text) heading, ("p", text) paragraph, ("t", rows) table."""
    document = Document()
    props = document.core_properties
    props.created = FIXED
    props.modified = FIXED
    props.last_printed = FIXED
    props.author = "synthetic test data"
    props.last_modified_by = "synthetic test data"
    props.title = title
    props.revision = 1
    for kind, content in blocks:
        if kind == "h":
            document.add_heading(content, level=2)
        elif kind == "h1":
            document.add_heading(content, level=1)
        elif kind == "p":
            document.add_paragraph(content)
        elif kind == "b":
            document.add_paragraph(content).runs[0].bold = True
        elif kind == "t":
            table = document.add_table(rows=len(content), cols=len(content[0]))
            table.style = "Table Grid"
            for r, row in enumerate(content):
                for c, value in enumerate(row):
                    table.cell(r, c).text = value
    buffer = io.BytesIO()
    document.save(buffer)
    out = io.BytesIO()
    with zipfile.ZipFile(buffer) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(info, src.read(item.filename))
    path = RAW / force / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(out.getvalue())
    sidecar(force, path.stem, reference, response_date, title)


def pdf(
    force: str, name: str, reference: str, response_date: str, title: str, lines: list[str]
) -> None:
    buffer = io.BytesIO()
    pdf_canvas = canvas.Canvas(buffer, pagesize=A4, invariant=1)
    pdf_canvas.setTitle(title)
    pdf_canvas.setAuthor("synthetic test data")
    y = 800
    for line in lines:
        bold = line.startswith("**")
        pdf_canvas.setFont("Helvetica-Bold" if bold else "Helvetica", 10)
        pdf_canvas.drawString(56, y, line.strip("*"))
        y -= 16
    pdf_canvas.showPage()
    pdf_canvas.save()
    path = RAW / force / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(buffer.getvalue())
    sidecar(force, path.stem, reference, response_date, title)


def _fixed_zip(data: bytes) -> bytes:
    """The same Office file with every zip entry dated ZIP_TIME (byte-for-byte reproducible)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            data = src.read(item.filename)
            if item.filename == "docProps/core.xml":  # openpyxl stamps the time it saved
                data = re.sub(
                    rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2025-01-01T00:00:00Z", data
                )
            dst.writestr(info, data)
    return out.getvalue()


def xlsx(
    force: str,
    name: str,
    reference: str,
    response_date: str,
    title: str,
    rows: list[list],
    merges: tuple[str, ...] = (),
) -> None:
    """One sheet of rows (None: an empty cell), with merged ranges such as "B1:D1"."""
    workbook = openpyxl.Workbook()
    workbook.properties.created = FIXED
    workbook.properties.modified = FIXED
    workbook.properties.creator = "synthetic test data"
    sheet = workbook.active
    sheet.title = "Data"
    for row in rows:
        sheet.append(row)
    for cells in merges:
        sheet.merge_cells(cells)
    buffer = io.BytesIO()
    workbook.save(buffer)
    path = RAW / force / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(_fixed_zip(buffer.getvalue()))
    sidecar(force, path.stem, reference, response_date, title)


def html(title: str, body: str, chrome: str = "") -> str:
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{title}</title>\n</head>\n<body>\n{chrome}{body.strip()}\n"
        "<footer><p>(synthetic test data)</p></footer>\n</body>\n</html>\n"
    )


def main() -> None:
    # 1. site chrome first (txt)
    t = "Sex offender register snapshot - FOI 1183/24 (synthetic test data)"
    text(
        "cheshire",
        "FOI-1183-24.txt",
        "1183/24",
        "2024-10-07",
        t,
        f"""
Accessibility tools
Skip to main content
We use cookies
Some cookies are needed for this site to function. Others tell us how the site is being used. Are you happy for us to set these optional cookies?
Yes, that's fine | No, essentials only
Your cookie preferences have been saved.
Home > Freedom of Information > Disclosure log
Report it | Ask us | Find out | Jobs | Search
{t}
Reference: 1183/24
Date responded: 7 October 2024
Request
1. How many registered sex offenders were being managed by the force on 30 September 2024?
2. How many individuals are currently subject to a Sexual Risk Order?
Response
1. On 30 September 2024 Cheshire Constabulary was managing 2,046 registered sex offenders.
2. There are 23 people currently subject to a Sexual Risk Order, interim orders included.
Was this page useful? Yes | No
Follow us on social media
Terms and conditions | Privacy | Cookies
(synthetic test data)
""",
    )

    # 1b. site chrome first (html)
    t = "Missing and wanted registered sex offenders - FOI 4402/24 (synthetic test data)"
    chrome = """<div class="consent-bar" role="dialog" aria-label="Cookie consent">
<p>This site uses cookies. Essential cookies keep it working; we would like your permission to set analytics cookies too.</p>
<p><button>Allow all</button> <button>Essential only</button> <a href="/cookie-policy">Read our cookie policy</a></p>
</div>
<div class="utility"><a href="#main">Skip to content</a> <a href="/exit">Quick exit</a>
<ul class="lang"><li>English</li><li>Urdu</li><li>Polski</li></ul></div>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/foi">FOI</a> <a href="/contact">Contact</a></nav>
"""
    text(
        "greater-manchester",
        "FOI-4402-24.html",
        "4402/24",
        "2024-11-20",
        t,
        html(
            t,
            f"""
<main id="main">
<h1>{t}</h1>
<p>Our reference 4402/24, responded to on 20 November 2024.</p>
<h2>Request</h2>
<p>1. How many registered sex offenders are wanted, and how many are missing?</p>
<h2>Response</h2>
<p>1. At 1 November 2024 there were 9 registered sex offenders wanted by the police and 4 registered sex offenders missing, whose whereabouts were not known.</p>
</main>
""",
            chrome,
        ),
    )

    # 2. REQUEST / RESPONSE headings, question not numbered (docx)
    t = "Prevention and risk orders in force - FOI 2207/24 (synthetic test data)"
    docx(
        "avon-and-somerset",
        "AS-FOI-2207-24.docx",
        "2207/24",
        "2024-07-15",
        t,
        [
            ("h1", t),
            ("p", "Reference: 2207/24"),
            ("p", "Date: 15 July 2024"),
            ("h", "REQUEST"),
            (
                "p",
                "Could you tell me how many people in the force area are subject to a Sexual Harm "
                "Prevention Order and how many are subject to a Sexual Risk Order?",
            ),
            ("h", "RESPONSE"),
            (
                "p",
                "As of 1 July 2024, 1,377 people in the Avon and Somerset area were subject to a "
                "Sexual Harm Prevention Order, interim orders included.",
            ),
            ("p", "As of 1 July 2024, 41 people were subject to a Sexual Risk Order."),
            ("p", "This is synthetic test data."),
        ],
    )

    # 2b. REQUEST / RESPONSE headings worded differently (txt)
    t = "Dorset Police - offender management - FOI 0613/25 (synthetic test data)"
    text(
        "dorset",
        "FOI-0613-25.txt",
        "0613/25",
        "2025-04-09",
        t,
        f"""
{t}
Our ref: 0613/25
Sent: 9 April 2025

THE REQUEST
Over the last 2 years the news has reported rising numbers on the sex offender register. I would like to know how many registered sex offenders Dorset Police managed on 31 March 2025 and how many offender managers were in post on that day.

OUR RESPONSE
On 31 March 2025 the force managed 1,150 registered sex offenders.
On the same day 26 offender managers were in post.
""",
    )

    # 3. answers refer to a question by number only (txt)
    t = "Essex Police - FOI 3080/24 sex offender management (synthetic test data)"
    text(
        "essex",
        "FOI-3080-24.txt",
        "3080/24",
        "2025-01-13",
        t,
        f"""
{t}
Date of reply: 13 January 2025

We have answered your questions in the order you asked them; the questions themselves are not reproduced here.

Q1 - As of 31/12/2024, 1,955 registered sex offenders were being managed in Essex.
Q2 - 3 registered sex offenders are currently listed as missing.
Q3 - Applications received under the Child Sex Offender Disclosure Scheme in the calendar year 2024: 176
Q4 - We currently employ 44 offender managers.
""",
    )

    # 3b. answers refer to a question by number only (pdf)
    t = "Lincolnshire Police - FOI 0907/25 orders granted (synthetic test data)"
    pdf(
        "lincolnshire",
        "LIN-FOI-0907-25.pdf",
        "0907/25",
        "2025-02-21",
        t,
        [
            "**Lincolnshire Police",
            "**Freedom of Information request 0907/25 (synthetic test data)",
            "Date: 21 February 2025",
            "",
            "Your questions are not repeated below; each answer gives the number of its question.",
            "",
            "**Response to question 1",
            "In 2024 the courts granted 52 Sexual Harm Prevention Orders on applications by the force.",
            "**Response to question 2",
            "In 2024, 6 Sexual Risk Orders were granted.",
            "",
            "Synthetic test data.",
        ],
    )

    # 4. lettered sub-questions, each a different measure (html)
    t = "Breaches, orders granted and staffing - FOI 1290/24 (synthetic test data)"
    text(
        "north-yorkshire",
        "FOI-1290-24.html",
        "1290/24",
        "2024-06-12",
        t,
        html(
            t,
            f"""
<main>
<h1>{t}</h1>
<p>Reference 1290/24 &middot; Date of response 12/06/2024</p>
<h2>Request</h2>
<p>Q1 a) How many offences of failing to comply with the sex offender notification requirements were recorded in the calendar years 2022 and 2023?</p>
<p>b) How many Sexual Harm Prevention Orders were granted in those years?</p>
<p>c) How many offender managers does the force have at the moment?</p>
<h2>Response</h2>
<p>a)</p>
<ul><li>2022 &mdash; 61</li><li>2023 - 70</li></ul>
<p>b)</p>
<ul><li>2023 - 45</li><li>2022 &ndash; 38</li></ul>
<p>c) 19 offender managers are in post today.</p>
</main>
""",
        ),
    )

    # 4b. lettered sub-questions answered by letter alone (docx)
    t = "Missing offenders and Sarah's Law - FOI 2555/24 (synthetic test data)"
    docx(
        "hampshire",
        "HC-FOI-2555-24.docx",
        "2555/24",
        "2024-05-02",
        t,
        [
            ("h1", t),
            ("p", "Reference 2555/24, date of response 2 May 2024"),
            ("h", "Your request"),
            ("p", "2(a) How many registered sex offenders are missing at present?"),
            (
                "p",
                "2(b) How many applications were made under the Child Sex Offender Disclosure "
                "Scheme in the financial year 2023/24?",
            ),
            (
                "p",
                "2(c) In how many cases under the scheme was a disclosure made in the financial "
                "year 2023/24?",
            ),
            ("h", "Our response"),
            ("p", "2(a) 7"),
            ("p", "2(b) 214"),
            ("p", "2(c) 37"),
        ],
    )

    # 5. area headings with repeated measure lines (txt)
    t = "Cleveland Police - FOI 0442/25 registered sex offenders by district (synthetic test data)"
    text(
        "cleveland",
        "FOI-0442-25.txt",
        "0442/25",
        "2025-03-03",
        t,
        f"""
{t}
Response date: 3 March 2025

Question
For each district, how many registered sex offenders live in the community, how many are in prison, and how many people are subject to a Sexual Harm Prevention Order?

Answer
Position on 28 February 2025.

Hartlepool
Community-based RSOs: 154
RSOs in prison: 22
SHPO subjects: 61

Middlesbrough
Community-based RSOs: 231
RSOs in prison: 40
SHPO subjects: 88

Stockton-on-Tees
Community-based RSOs: 198
RSOs in prison: 35
SHPO subjects: 79
""",
    )

    # 5b. area headings with repeated measure lines (html, <br> lines)
    t = "Orders in force by division - FOI 7310/24 (synthetic test data) | Nottinghamshire Police"
    text(
        "nottinghamshire",
        "FOI-7310-24.html",
        "7310/24",
        "2024-08-09",
        t,
        html(
            t,
            """
<main>
<h1>Orders in force by division - FOI 7310/24 (synthetic test data)</h1>
<p>Ref: 7310/24. Responded: 9 August 2024.</p>
<h2>What was asked</h2>
<p>How many Sexual Harm Prevention Orders and Sexual Risk Orders are in force in each division?</p>
<h2>What we found</h2>
<p>Figures correct as of 5 August 2024.</p>
<h4>City Division</h4>
<p>People subject to a Sexual Harm Prevention Order: 402<br>People subject to a Sexual Risk Order: 9</p>
<h4>County Division</h4>
<p>People subject to a Sexual Harm Prevention Order: 377<br>People subject to a Sexual Risk Order: 12</p>
</main>
""",
        ),
    )

    # 6. preamble line giving the period of the list below (txt)
    t = "Suffolk Constabulary - FOI 0099/25 breaches and Sarah's Law (synthetic test data)"
    text(
        "suffolk",
        "FOI-0099-25.txt",
        "0099/25",
        "2025-01-28",
        t,
        f"""
{t}
Date sent: 28 January 2025

Request
Please give me breach offences for the last complete financial year and Sarah's Law figures for last year.

Response
The following figures relate to the period 1 April 2023 to 31 March 2024:
Failure to comply with notification requirements: 88
Breach of a Sexual Harm Prevention Order (including interim): 102
Breach of a Sexual Risk Order: 4

Figures for the 2024 calendar year are given below.
Applications received: 133
Disclosures made: 29
""",
    )

    # 6b. preamble line (docx list)
    t = "Register and prevention orders - FOI 0214/25 (synthetic test data)"
    docx(
        "west-yorkshire",
        "WYP-FOI-0214-25.docx",
        "0214/25",
        "2025-02-20",
        t,
        [
            ("h1", t),
            ("p", "Reference: 0214/25"),
            ("p", "Response date: 20/02/2025"),
            ("h", "Request"),
            (
                "p",
                "How many people are on the sex offender register, and how many are subject to a "
                "Sexual Harm Prevention Order?",
            ),
            ("h", "Response"),
            ("p", "Data extracted on 14/02/2025 shows:"),
            ("p", "Registered sex offenders (including those in custody) - 3,412"),
            ("p", "People subject to a Sexual Harm Prevention Order - 1,590"),
        ],
    )

    # 7. a total and its split in one sentence (html)
    t = "Registered sex offenders in London - FOI 01/FOI/24/0388 (synthetic test data)"
    text(
        "metropolitan",
        "FOI-24-0388.html",
        "01/FOI/24/0388",
        "2024-07-19",
        t,
        html(
            t,
            f"""
<div class="content">
<h1>{t}</h1>
<p>Reference 01/FOI/24/0388. Answered 19 July 2024.</p>
<h2>Request</h2>
<p>How many registered sex offenders did the Metropolitan Police Service manage on 30 June 2024, split by community and custody and by sex?</p>
<h2>Response</h2>
<p>At 30 June 2024 the Metropolitan Police Service was managing 7,940 registered sex offenders; 6,702 of them were living in the community and the other 1,238 were in prison.</p>
<p>Of the 7,940 registered sex offenders managed at 30 June 2024, 7,801 were male and 139 were female.</p>
</div>
""",
        ),
    )

    # 7b. a total and its split in one sentence (txt, breach offences)
    t = "City of London Police - FOI 0177/24 breach offences (synthetic test data)"
    text(
        "city-of-london",
        "FOI-0177-24.txt",
        "0177/24",
        "2024-02-14",
        t,
        f"""
{t}
Date of response: 14 February 2024

Request
How many breaches of sex offender notification requirements and of Sexual Harm Prevention Orders did the force record in 2023?

Response
In the 2023 calendar year the force recorded 19 breach offences in total, made up of 12 offences of failing to comply with notification requirements and 7 breaches of a Sexual Harm Prevention Order.
""",
    )

    # 8. year-value lists: mixed dashes, both orders, financial and calendar years (txt)
    t = "Northumbria Police - FOI 0550/24 Sarah's Law and Sexual Risk Order breaches (synthetic test data)"
    text(
        "northumbria",
        "FOI-0550-24.txt",
        "0550/24",
        "2024-03-11",
        t,
        f"""
{t}
Date of response: 11/03/2024

Request
1. Child Sex Offender Disclosure Scheme applications per calendar year, 2020 onwards.
2. Breaches of Sexual Risk Orders per financial year since 2020/21.

Response
1. Applications under the Child Sex Offender Disclosure Scheme, by calendar year:
2023 – 142
2022 - 127
2021 — 119
2020 - 98

2. Breaches of a Sexual Risk Order, by financial year:
2020/2021 - 3
FY21/22 – 5
2022-23 - 2
""",
    )

    # 8b. year-value lists (pdf): stock by financial year and flow by calendar year
    t = "Wiltshire Police - FOI 0187/25 register and orders (synthetic test data)"
    pdf(
        "wiltshire",
        "WP-FOI-0187-25.pdf",
        "0187/25",
        "2025-03-04",
        t,
        [
            "**Wiltshire Police - Freedom of Information 0187/25 (synthetic test data)",
            "Response date: 4 March 2025",
            "",
            "**Question 1",
            "How many registered sex offenders did the force manage at the end of each",
            "financial year from 2021/22 to 2023/24?",
            "**Answer 1",
            "2021/22 – 1,201",
            "2022/23 - 1,244",
            "2023/24 – 1,290",
            "**Question 2",
            "How many Sexual Harm Prevention Orders were granted in 2023 and in 2024?",
            "**Answer 2",
            "2024 - 80",
            "2023 – 71",
        ],
    )

    # 9. partial years written after the year (txt)
    t = "South Yorkshire Police - FOI 1044/25 (synthetic test data)"
    text(
        "south-yorkshire",
        "FOI-1044-25.txt",
        "1044/25",
        "2025-05-16",
        t,
        f"""
{t}
Response issued: 16 May 2025

Request
Please provide the number of breaches of Sexual Harm Prevention Orders recorded per financial year since 2022/23, and Sarah's Law disclosures per calendar year since 2023, each with the current year so far.

Response
Breaches of Sexual Harm Prevention Orders recorded:
2022/23 - 140
2023/24 - 151
2024/25 (up to 31 January 2025) – 122

Disclosures made under the Child Sex Offender Disclosure Scheme:
2023 – 25
2024 - 31
2025 (to 30 April) - 9
""",
    )

    # 10. month chains (txt, months in full)
    t = "Lancashire Constabulary - FOI 3011/25 Sarah's Law by month (synthetic test data)"
    text(
        "lancashire",
        "FOI-3011-25.txt",
        "3011/25",
        "2025-04-22",
        t,
        f"""
{t}
Date of response: 22 April 2025

Request
A monthly count of Sarah's Law applications and disclosures for the first quarter of 2025.

Response
Child Sex Offender Disclosure Scheme applications received, January to March 2025:
January - 17 - February - 12 - March - None

Disclosures made, January to March 2025:
January - 4 - February - None - March - 2
""",
    )

    # 10b. month chains (html)
    t = "Sarah's Law, October to December 2024 - FOI 5120/24 (synthetic test data)"
    text(
        "kent",
        "FOI-5120-24.html",
        "5120/24",
        "2025-01-17",
        t,
        html(
            t,
            f"""
<main>
<h1>{t}</h1>
<p>FOI 5120/24 &ndash; response date 17 January 2025</p>
<h2>Request</h2>
<p>Monthly applications and disclosures under the Child Sex Offender Disclosure Scheme for the last quarter of 2024.</p>
<h2>Response</h2>
<h3>Applications received, October to December 2024</h3>
<p>Oct &ndash; 14 &ndash; Nov &ndash; 11 &ndash; Dec &ndash; None</p>
<h3>Disclosures made, October to December 2024</h3>
<p>Oct &ndash; 2 &ndash; Nov &ndash; 3 &ndash; Dec &ndash; 1</p>
</main>
""",
        ),
    )

    # 11. suppressed values and lower bounds (txt)
    t = "Bedfordshire Police - FOI 1210/24 (synthetic test data)"
    text(
        "bedfordshire",
        "FOI-1210-24.txt",
        "1210/24",
        "2024-12-19",
        t,
        f"""
{t}
Date of response: 19 December 2024

Request
1. How many registered sex offenders were recorded as missing on 1 December 2024?
2. How many Sexual Risk Orders were granted in 2022 and in 2023?
3. How many Sarah's Law applications were received in 2023, and how many disclosures were made in 2023?

Response
1. Registered sex offenders missing on 1 December 2024: less than 5
2. Sexual Risk Orders granted:
2022 - *
2023 - 0
3. Over 250 applications under the Child Sex Offender Disclosure Scheme were received in 2023. At least 12 disclosures were made in 2023.

* 1 to 4: withheld under section 40(2) to protect the people concerned.
""",
    )

    # 12. flattened cell | table, misaligned row (html <pre>)
    t = "Sarah's Law by year - FOI 2003/25 (synthetic test data) | Sussex Police"
    text(
        "sussex",
        "FOI-2003-25.html",
        "2003/25",
        "2025-03-27",
        t,
        html(
            t,
            """
<main>
<h1>Sarah's Law by year - FOI 2003/25 (synthetic test data)</h1>
<p>Reference 2003/25<br>Response date: 27 March 2025</p>
<h2>Request</h2>
<p>Applications and disclosures under the Child Sex Offender Disclosure Scheme for 2022 and 2023.</p>
<h2>Response</h2>
<p>The figures per calendar year are below.</p>
<pre>
Measure |
2022 |
2023 |
Sarah's Law applications received |
188 |
204 |
Sarah's Law disclosures made |
27 |
</pre>
</main>
""",
        ),
    )

    # 12b. flattened cell | table, misaligned row (txt)
    t = "Staffordshire Police - FOI 6230/24 breach offences by financial year (synthetic test data)"
    text(
        "staffordshire",
        "FOI-6230-24.txt",
        "6230/24",
        "2024-05-30",
        t,
        f"""
{t}
Response date: 30/05/2024
You asked:
Breach offences for notification requirements, SHPOs and SROs, for three financial years.
Our answer:
Crimes recorded by financial year:
Offence title |
2021/2022 |
2022/2023 |
2023/2024 |
Failure to comply with notification requirements |
64 |
59 |
71 |
Breach of SHPO / interim SHPO |
93 |
99 |
107 |
Breach of Sexual Risk Order |
2 |
5 |
""",
    )

    # 13. revised response (txt pair)
    t = "Northamptonshire Police - FOI 0921/24 (synthetic test data)"
    text(
        "northamptonshire",
        "FOI-0921-24.txt",
        "0921/24",
        "2024-04-04",
        t,
        f"""
{t}
Date of response: 4 April 2024

Request
How many registered sex offenders and how many people subject to a Sexual Risk Order did the force have on 31 March 2024?

Response
Registered sex offenders on 31 March 2024: 1,402
People subject to a Sexual Risk Order on 31 March 2024: 15
""",
    )
    t = "Northamptonshire Police - FOI 0921/24 - AMENDED RESPONSE (synthetic test data)"
    text(
        "northamptonshire",
        "FOI-0921-24-amended.txt",
        "0921/24",
        "2024-04-18",
        t,
        f"""
{t}
Date of amended response: 18 April 2024

This amended response replaces the one we issued on 4 April 2024, which contained an error: offenders who had died before 31 March 2024 had not yet been removed from the extract. Please disregard the earlier figures.

Request
How many registered sex offenders and how many people subject to a Sexual Risk Order did the force have on 31 March 2024?

Amended response
Registered sex offenders on 31 March 2024: 1,388
People subject to a Sexual Risk Order on 31 March 2024: 14
""",
    )

    # 13b. revised response (html pair)
    t = "Breaches recorded in 2023/24 - FOI 0650/24 (synthetic test data)"
    text(
        "humberside",
        "FOI-0650-24.html",
        "0650/24",
        "2024-06-03",
        t,
        html(
            t,
            f"""
<main>
<h1>{t}</h1>
<p>Reference: 0650/24 | Response date: 3 June 2024</p>
<h2>Request</h2>
<p>How many offences of breaching a Sexual Harm Prevention Order were recorded in 2023/24?</p>
<h2>Response</h2>
<p>Offences of breaching a Sexual Harm Prevention Order recorded in 2023/24: 131</p>
</main>
""",
        ),
    )
    t = "Breaches recorded in 2023/24 - FOI 0650/24 - updated response (synthetic test data)"
    text(
        "humberside",
        "FOI-0650-24-updated.html",
        "0650/24",
        "2024-06-24",
        t,
        html(
            t,
            f"""
<main>
<h1>{t}</h1>
<p>Reference: 0650/24 | Date of updated response: 24 June 2024</p>
<p><em>Update: this response supersedes the one published on 3 June 2024. The earlier figure double counted offences that were recorded twice and should not be used.</em></p>
<h2>Request</h2>
<p>How many offences of breaching a Sexual Harm Prevention Order were recorded in 2023/24?</p>
<h2>Updated response</h2>
<p>Offences of breaching a Sexual Harm Prevention Order recorded in 2023/24: 126</p>
</main>
""",
        ),
    )

    # 14. cost refusal (txt)
    t = "Durham Constabulary - FOI 1502/25 refusal notice (synthetic test data)"
    text(
        "durham",
        "FOI-1502-25.txt",
        "1502/25",
        "2025-06-10",
        t,
        f"""
{t}
Date: 10 June 2025

Request
1. For every registered sex offender living in Darlington in 2024, their age and the date of their conviction.
2. How many of them were visited at home more than 4 times in 2024?

Decision
We hold information of this kind, but we are unable to provide it because the cost of doing so would go beyond the appropriate limit set by section 12 of the Freedom of Information Act.
Visit records are kept as free text in each case file. Our estimate is 1,250 files x 8 minutes per file = 166 hours 40 minutes, far more than the 18 hours (£450) the law allows.
If you narrowed your request, for example to a count of offenders only, we may be able to help.
""",
    )

    # 14b. cost refusal (pdf)
    t = "Leicestershire Police - FOI 4020/25 (synthetic test data)"
    pdf(
        "leicestershire",
        "LP-FOI-4020-25.pdf",
        "4020/25",
        "2025-07-01",
        t,
        [
            "**Leicestershire Police - FOI 4020/25 (synthetic test data)",
            "Date of response: 1 July 2025",
            "**Request",
            "How many Sarah's Law applications came from each postcode district in 2021, 2022 and 2023?",
            "**Response",
            "The force holds the information but is refusing the request under section 12(1).",
            "Postcodes are not recorded in a searchable field. Reading each of about 900 application",
            "files at 3 minutes a file would take 45 hours, beyond the 18 hour appropriate limit.",
            "You may wish to submit a narrower request.",
        ],
    )

    # 15. please see attached (txt and html)
    t = "Hertfordshire Constabulary - FOI 3990/25 (synthetic test data)"
    text(
        "hertfordshire",
        "FOI-3990-25.txt",
        "3990/25",
        "2025-05-06",
        t,
        f"""
{t}
Disclosure date: 06/05/2025

Request
1. How many registered sex offenders lived in Watford, Stevenage and St Albans on 1 April 2025?
2. How many Sexual Risk Orders were breached in 2024?

Response
The information you asked for is in the spreadsheet attached to this entry.
Attached file: FOI 3990-25 reply.xlsx (18 KB)
""",
    )
    t = "Orders and disclosures - FOI 0815/25 (synthetic test data)"
    text(
        "warwickshire",
        "FOI-0815-25.html",
        "0815/25",
        "2025-08-04",
        t,
        html(
            t,
            f"""
<main>
<h1>{t}</h1>
<p>Ref 0815/25 &middot; Published 4 August 2025</p>
<h2>Request</h2>
<p>Please state the number of Sexual Harm Prevention Orders granted in 2023/24 and 2024/25, and the number of Sarah's Law disclosures in each of those years.</p>
<h2>Response</h2>
<p>Our reply is in the document below.</p>
<p><a href="/files/0815-25.pdf">FOI 0815-25 reply (PDF, 204 KB)</a></p>
</main>
""",
        ),
    )

    # 16. another topic (txt: Taser; html: stop and search table)
    t = "Cumbria Constabulary - FOI 1010/25 Taser use (synthetic test data)"
    text(
        "cumbria",
        "FOI-1010-25.txt",
        "1010/25",
        "2025-03-19",
        t,
        f"""
{t}
Date of response: 19 March 2025

Request
How many times was Taser drawn, aimed or fired by officers in each of the last three years?

Response
Taser use recorded, by calendar year:
2022 - 411
2023 – 455
2024 - 502
Of the uses in 2024, 38 involved the Taser being fired.
""",
    )
    t = "Stop and search by ethnicity - FOI 2100/25 (synthetic test data)"
    text(
        "merseyside",
        "FOI-2100-25.html",
        "2100/25",
        "2025-04-30",
        t,
        html(
            t,
            f"""
<main>
<h1>{t}</h1>
<p>Reference 2100/25. Response date 30 April 2025.</p>
<h2>Request</h2>
<p>Stop and searches in 2024 by self-defined ethnicity.</p>
<h2>Response</h2>
<table>
<tr><th>Ethnicity</th><th>Searches</th></tr>
<tr><td>White</td><td>9,210</td></tr>
<tr><td>Black</td><td>1,402</td></tr>
<tr><td>Asian</td><td>977</td></tr>
<tr><td>Total</td><td>11,589</td></tr>
</table>
</main>
""",
        ),
    )

    # 17. e-mail replies hard-wrapped at 72 columns (txt)
    t = "FOI 1988/24 - sex offender register - response (synthetic test data)"
    text(
        "west-mercia",
        "FOI-1988-24.txt",
        "1988/24",
        "2024-09-09",
        t,
        """
From: Data Protection and FOI Team <foi@westmercia.example.police.uk>
Sent: 09 September 2024 15:22
To: requester@example.net
Subject: FOI 1988/24 - sex offender register - response (synthetic test data)

Dear Mr Lindqvist,

Thank you for your request, which we received on 12 August 2024. West
Mercia Police holds the information and it is given below.

West Mercia Police currently has 2,315 registered sex offenders under
management, 1,990 of whom are in the community and 325 of whom are in
custody. The number of offender managers in the force's public
protection teams today is 33.

Regards,

FOI Team

-----Original Message-----
From: requester@example.net
Sent: 12 August 2024 08:40
Subject: FOI request

> How many sex offenders are on your register today, how many are in
> prison, and how many offender managers do you have? In 2019 you told
> me 1,800 and 25.
""",
    )

    # 17b. e-mail, wrapped list introduction (txt)
    t = "RE: FOI 0451/25 notification breaches (synthetic test data)"
    text(
        "jersey",
        "FOI-0451-25.txt",
        "0451/25",
        "2025-02-03",
        t,
        """
From: Freedom of Information <foi@jersey.example.police.je>
Sent: Monday, 3 February 2025 11:05
To: enquirer@example.com
Subject: RE: FOI 0451/25 notification breaches (synthetic test data)

Good morning,

Your request has been considered and the figures you asked for are set
out below. Offences of failing to comply with sex offender notification
requirements recorded by the force in each calendar year were:

2023 - 45
2024 - 52

Kind regards,
Information Governance

> Please tell me how many breaches of notification requirements
> were recorded in each of the past 2 years.
""",
    )

    # 18. HTML tables with totals: years as rows, Total row
    t = "Child Sex Offender Disclosure Scheme 2021 to 2023 - FOI 1408/24 (synthetic test data)"
    text(
        "cambridgeshire",
        "FOI-1408-24.html",
        "1408/24",
        "2024-04-25",
        t,
        html(
            t,
            f"""
<main>
<h1>{t}</h1>
<p>Reference 1408/24. Date of response 25/04/2024.</p>
<h2>Request</h2>
<p>Sarah's Law applications and disclosures in each calendar year from 2021 to 2023.</p>
<h2>Response</h2>
<table>
<thead><tr><th>Year</th><th>Applications</th><th>Disclosures</th></tr></thead>
<tbody>
<tr><td>2021</td><td>91</td><td>12</td></tr>
<tr><td>2022</td><td>104</td><td>15</td></tr>
<tr><td>2023</td><td>117</td><td>11</td></tr>
<tr><td><strong>Total</strong></td><td><strong>312</strong></td><td><strong>38</strong></td></tr>
</tbody>
</table>
</main>
""",
        ),
    )

    # 18b. table with Total row and Total column (docx)
    t = "Breach offences by financial year - FOI 25-0940 (synthetic test data)"
    docx(
        "surrey",
        "SY-FOI-25-0940.docx",
        "25-0940",
        "2025-05-12",
        t,
        [
            ("h1", t),
            ("p", "Reference: 25-0940"),
            ("p", "Date of response: 12 May 2025"),
            ("h", "Request"),
            ("p", "Breach offences recorded for the financial years 2022/23 and 2023/24."),
            ("h", "Response"),
            (
                "t",
                [
                    ["Offence", "2022/23", "2023/24", "Total"],
                    ["Failing to comply with notification requirements", "84", "97", "181"],
                    ["Breach of Sexual Harm Prevention Order", "150", "163", "313"],
                    ["Breach of Sexual Risk Order", "6", "8", "14"],
                    ["Total", "240", "268", "508"],
                ],
            ),
        ],
    )

    # 9b. partial year written after the year (docx paragraphs)
    t = "Notification breaches - FOI 0388/25 (synthetic test data)"
    docx(
        "north-wales",
        "NWP-FOI-0388-25.docx",
        "0388/25",
        "2024-10-21",
        t,
        [
            ("h1", t),
            ("p", "Reference: 0388/25"),
            ("p", "Date of response: 21 October 2024"),
            ("h", "Request"),
            (
                "p",
                "How many crimes of failing to comply with sex offender notification requirements "
                "were recorded last financial year and in this financial year so far?",
            ),
            ("h", "Response"),
            ("p", "Crimes of failing to comply with notification requirements recorded:"),
            ("p", "2023/24 \u2013 77"),
            ("p", "2024/25 (to 30 September 2024) \u2013 41"),
        ],
    )

    # 11b. suppressed values and lower bounds (html table and sentence)
    t = "Orders granted - FOI 0904/24 (synthetic test data) | Gwent Police"
    text(
        "gwent",
        "FOI-0904-24.html",
        "0904/24",
        "2024-09-02",
        t,
        html(
            t,
            """
<main>
<h1>Orders granted - FOI 0904/24 (synthetic test data)</h1>
<p>Reference 0904/24 &middot; Response date 2 September 2024</p>
<h2>Request</h2>
<p>How many Sexual Risk Orders and Sexual Harm Prevention Orders were granted in 2022 and 2023?</p>
<h2>Response</h2>
<table>
<tr><th>Orders granted</th><th>2022</th><th>2023</th></tr>
<tr><th>Sexual Risk Orders</th><td>&lt;5</td><td>6</td></tr>
<tr><th>Sexual Harm Prevention Orders</th><td>more than 40</td><td>52</td></tr>
</table>
<p>&lt;5 means a number from 1 to 4. The 2022 figure for Sexual Harm Prevention Orders is a minimum: some paper records from that year could not be checked.</p>
</main>
""",
        ),
    )

    # 18. long-format exports: every number named by several leading label columns
    xlsx(
        "west-mercia",
        "WMP-FOI-2291-24.xlsx",
        "2291/24",
        "2024-05-20",
        "FOI 2291/24 breaches of sex offender orders and notification requirements by calendar year (synthetic test data)",
        [
            ["Calendar Year", "Order", "Breach type", "Offences recorded"],
            [2022, "SHPO", "Breach of Sexual Harm Prevention Order", 57],
            [2022, "SRO", "Breach of Sexual Risk Order", 4],
            [2022, "Register", "Failure to comply with notification requirements", 88],
            [2023, "SHPO", "Breach of Sexual Harm Prevention Order", 61],
            [2023, "SRO", "Breach of Sexual Risk Order", 6],
            [2023, "Register", "Failure to comply with notification requirements", 93],
        ],
    )
    text(
        "derbyshire",
        "DC-FOI-0412-25.html",
        "0412/25",
        "2025-02-11",
        "FOI 0412/25 Breaches of civil orders (synthetic test data)",
        html(
            "FOI 0412/25 Breaches of civil orders",
            """
<h1>FOI 0412/25 Breaches of civil orders (synthetic test data)</h1>
<p>Request: please tell me how many breaches of Sexual Harm Prevention Orders and Sexual Risk
Orders were recorded in each financial year since April 2021.</p>
<p>Response: the figures below are taken from our crime recording system.</p>
<table>
<tr><th>Financial year</th><th>Type of order</th><th>Offence</th><th>Number</th></tr>
<tr><td>2021/22</td><td>Civil order</td><td>Breach of a sexual harm prevention order</td><td>112</td></tr>
<tr><td>2021/22</td><td>Civil order</td><td>Breach of a sexual risk order</td><td>9</td></tr>
<tr><td>2022/23</td><td>Civil order</td><td>Breach of a sexual harm prevention order</td><td>127</td></tr>
<tr><td>2022/23</td><td>Civil order</td><td>Breach of a sexual risk order</td><td>&lt;5</td></tr>
<tr><td>2023/24</td><td>Civil order</td><td>Breach of a sexual harm prevention order</td><td>140</td></tr>
<tr><td>2023/24</td><td>Civil order</td><td>Breach of a sexual risk order</td><td>11</td></tr>
</table>
""",
        ),
    )
    text(
        "cleveland",
        "CLE-FOI-0777-24-export.csv",
        "0777/24",
        "2024-07-02",
        "Cleveland Police FOI 0777/24: notification offences by financial year, records system export (synthetic test data)",
        """Year,Legislation,Offence,Crimes
2021-22,Sexual Offences Act 2003 s.91,Failing to comply with the notification requirements,64
2021-22,Sexual Offences Act 2003 s.103I,Breaching a sexual harm prevention order,71
2022-23,Sexual Offences Act 2003 s.91,Failing to comply with the notification requirements,59
2022-23,Sexual Offences Act 2003 s.103I,Breaching a sexual harm prevention order,80
""",
    )

    # 19. two-level column headers: a year over its male, female and total columns
    text(
        "nottinghamshire",
        "NP-FOI-5120-24.html",
        "5120/24",
        "2024-03-08",
        "FOI 5120/24 Orders granted by sex (synthetic test data)",
        html(
            "FOI 5120/24 Orders granted by sex",
            """
<h1>FOI 5120/24 Orders granted by sex (synthetic test data)</h1>
<p>1. How many Sexual Harm Prevention Orders and Sexual Risk Orders were granted in 2022 and in
2023, by the sex of the person?</p>
<table>
<thead>
<tr><th rowspan="2">Order</th><th colspan="3">2022</th><th colspan="3">2023</th></tr>
<tr><th>Male</th><th>Female</th><th>Total</th><th>Male</th><th>Female</th><th>Total</th></tr>
</thead>
<tbody>
<tr><td>Sexual Harm Prevention Orders granted</td><td>180</td><td>5</td><td>185</td><td>201</td><td>&lt;5</td><td>203</td></tr>
<tr><td>Sexual Risk Orders granted</td><td>14</td><td>1</td><td>15</td><td>12</td><td>0</td><td>12</td></tr>
</tbody>
</table>
""",
        ),
    )
    xlsx(
        "south-yorkshire",
        "SYP-FOI-3301-24.xlsx",
        "3301/24",
        "2024-06-14",
        "FOI 3301/24 Sexual Harm Prevention Orders granted by sex and financial year (synthetic test data)",
        [
            [None, "2021/22", None, "2022/23", None],
            ["Measure", "Men", "Women", "Men", "Women"],
            ["Sexual Harm Prevention Orders granted", 143, 4, 158, 7],
        ],
        merges=("B1:C1", "D1:E1"),
    )

    # 20. a monthly export in Windows-1252, typographic apostrophes, a notes column
    path = RAW / "northumbria" / "NB-FOI-0871-24.csv"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(
        (
            "Month;Sarah\u2019s Law \u2013 requests;Sarah\u2019s Law \u2013 disclosures;Comments\r\n"
            "Oct 2023;19;2;\r\n"
            "Nov 2023;23;4;Two requests passed to a neighbouring force\r\n"
            "Dec 2023;15;1;\r\n"
        ).encode("cp1252")
    )
    sidecar(
        "northumbria",
        "NB-FOI-0871-24",
        "0871/24",
        "2024-02-05",
        "Northumbria Police FOI 0871/24: Sarah\u2019s Law requests and disclosures by month (synthetic test data)",
    )

    # 21. small counts in words: in prose, and as a list line's value under an area heading
    text(
        "essex",
        "EX-FOI-3120-24.txt",
        "3120/24",
        "2024-10-10",
        "FOI 3120/24 Missing sex offenders and breaches (synthetic test data)",
        """
Essex Police - Freedom of Information reply 3120/24 (synthetic test data)

Q1. How many registered sex offenders are missing at the moment, and how many are wanted?
A1. Fewer than three registered sex offenders are recorded as missing at present.

Q2. How many times were Sexual Harm Prevention Orders breached in 2023?
A2. The number of recorded breaches in 2023 was zero.
""",
    )
    docx(
        "gwent",
        "GW-FOI-0333-25.docx",
        "0333/25",
        "2025-03-20",
        "FOI 0333/25 Registered sex offenders by local authority (synthetic test data)",
        [
            (
                "p",
                "Request: the number of registered sex offenders in each local authority area, and how many of them are in custody.",
            ),
            ("p", "Response: the figures below are as at 1 March 2025."),
            ("h", "Newport"),
            ("p", "Registered sex offenders: 310"),
            ("p", "Registered sex offenders in custody: less than five"),
            ("h", "Torfaen"),
            ("p", "Registered sex offenders: 144"),
            ("p", "Registered sex offenders in custody: 12"),
        ],
    )

    # 22. one-row tables and an "in the community" column, the date only in the question
    docx(
        "lincolnshire",
        "LINCS-FOI-0918-24.docx",
        "0918/24",
        "2024-04-25",
        "FOI 0918/24 Registered sex offenders in prison (synthetic test data)",
        [
            ("b", "1. As at 31 March 2024, how many registered sex offenders were in prison?"),
            ("t", [["Registered sex offenders in prison", "88"]]),
        ],
    )
    text(
        "hampshire",
        "HC-FOI-0876-25.html",
        "0876/25",
        "2025-01-22",
        "FOI 0876/25 Registered sex offenders by district (synthetic test data)",
        html(
            "FOI 0876/25 Registered sex offenders by district",
            """
<h1>FOI 0876/25 Registered sex offenders by district (synthetic test data)</h1>
<p>Question: on 1 January 2025, how many registered sex offenders lived in each district of the
force area, and how many of them were in custody?</p>
<p>Answer:</p>
<table>
<tr><th>District</th><th>Living in the community</th><th>In custody</th><th>Total</th></tr>
<tr><td>Portsmouth</td><td>402</td><td>51</td><td>453</td></tr>
<tr><td>Southampton</td><td>388</td><td>47</td><td>435</td></tr>
<tr><td>Force total</td><td>790</td><td>98</td><td>888</td></tr>
</table>
""",
        ),
    )

    # 23. a sentence whose period is a span of months, its disclosures told as what was passed on
    text(
        "dorset",
        "DP-FOI-0611-24.txt",
        "0611/24",
        "2024-06-03",
        "FOI 0611/24 Child Sex Offender Disclosure Scheme (synthetic test data)",
        """
Dorset Police - FOI 0611/24 (synthetic test data)

You asked how many applications were made under the Child Sex Offender Disclosure Scheme in the
last financial year, and how many led to a disclosure.

Between April 2022 and March 2023 we received 131 applications under the scheme, and information was shared with a parent or carer in 17 of them.
""",
    )

    # 24. two periods in one sentence, each in its own clause (docx)
    docx(
        "devon-and-cornwall",
        "DC-FOI-0789-24.docx",
        "0789/24",
        "2024-02-20",
        "FOI 0789/24 Breaches of notification requirements (synthetic test data)",
        [
            ("b", "Question 1"),
            (
                "p",
                "How many offences of failing to comply with the notification requirements were recorded in 2022 and in 2023?",
            ),
            ("b", "Answer 1"),
            (
                "p",
                "In 2022 there were 96 recorded offences of failing to comply with the notification requirements, and in 2023 there were 104.",
            ),
        ],
    )

    # 25. a count and the part of it that "including" names (html): the part goes to review
    text(
        "essex",
        "EX-FOI-7788-24.html",
        "7788/24",
        "2024-01-15",
        "FOI 7788/24 Sexual Risk Orders in force (synthetic test data)",
        html(
            "FOI 7788/24 Sexual Risk Orders in force",
            """
<h1>FOI 7788/24 Sexual Risk Orders in force (synthetic test data)</h1>
<h2>Request</h2>
<p>How many Sexual Risk Orders were in force on 31 December 2023?</p>
<h2>Response</h2>
<p>On 31 December 2023 there were 41 live Sexual Risk Orders, including 6 interim orders.</p>
""",
        ),
    )

    # 26. orders applied for, not granted nor in force (pdf)
    pdf(
        "west-yorkshire",
        "WYP-FOI-1234-24.pdf",
        "1234/24",
        "2024-05-30",
        "FOI 1234/24 Sexual Harm Prevention Order applications (synthetic test data)",
        [
            "**Freedom of Information Request Reference No: 1234/24 (synthetic test data)",
            "You asked:",
            "How many Sexual Harm Prevention Orders were applied for by the force in each of the last three",
            "financial years?",
            "Our reply:",
            "2021/22: 212",
            "2022/23: 245",
            "2023/24: 301",
        ],
    )

    # 27. a total, then in the next sentence the part of it in custody
    text(
        "metropolitan",
        "FOI-24-0351.txt",
        "01.FOI.24.035121",
        "2024-03-12",
        "Registered sex offenders in London (synthetic test data)",
        """
Registered Sex Offenders in London (synthetic test data)
Reference: 01.FOI.24.035121

Request
Please can you tell me how many registered sex offenders live in London, as of the latest date you hold.

Response
The MPS can confirm that as of 01/02/2024 there were 7,412 registered sex offenders residing in the MPS area. Of these, 1,087 were in custody.
""",
    )

    # 17c. e-mail reply hard-wrapped at 72 columns, as a .eml file
    path = RAW / "thames-valley" / "FOI-2718-24.eml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        """From: Information Access <foi@tvp.example.police.uk>
To: asker@example.org
Subject: FOI 2718/24 Sexual Harm Prevention Orders (synthetic test data)
Date: Thu, 14 Nov 2024 10:12:00 +0000
MIME-Version: 1.0
Content-Type: text/plain; charset="utf-8"
Content-Transfer-Encoding: 8bit

Dear Requester,

We have now completed our searches. On 31 October 2024 there were 1,204
people subject to a Sexual Harm Prevention Order in the Thames Valley,
and 33 people subject to a Sexual Risk Order on the same date.

This is synthetic test data.

Yours faithfully,
Information Access Team
""",
        encoding="utf-8",
        newline="\n",
    )
    sidecar(
        "thames-valley",
        "FOI-2718-24",
        "2718/24",
        "2024-11-14",
        "FOI 2718/24 Sexual Harm Prevention Orders (synthetic test data)",
    )


if __name__ == "__main__":
    main()
