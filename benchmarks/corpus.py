"""A synthetic corpus of FOI disclosures shaped like the seed, in every supported file format.

Each document answers the seed's round-robin request (register size by sex, breaches of
notification requirements, SHPOs and SROs by financial year, a section 12 refusal) with random
but plausible figures whose totals add up. Files are written with the format libraries
directly (reportlab, python-docx, openpyxl, csv, html), never with the project's parsers, and
every one has a `.meta.yml` sidecar saying `synthetic: true`. Folders are named after real force
ids, so the figures are labelled synthetic wherever they surface.
"""

from __future__ import annotations

import csv
import html
import random
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

FORMATS = ("txt", "html", "pdf", "docx", "xlsx", "csv")
FIXED_TIME = datetime(2020, 1, 1)

# Offence titles worded as forces print them (the seed's own titles), grouped by question.
NOTIFICATION_TITLES = (
    "Failure to comply with (Sexual Offence) Notification Order",
    "Fail to Comply with Notification of changes requirement",
    "Fail to Comply with the Periodic Notification requirement",
    "Fail to Comply with requirement to notify travel outside UK",
)
SHPO_TITLES = (
    "Breach Sexual Harm Prevention Order (SHPO) Sentencing Act 2020 Sec 354 (1) (4)",
    "Breach SHPO / interim SHPO / SOPO / interim SOPO / Foreign travel order or fail to comply "
    "with a requirement under Sec 103D (4)",
)
SRO_TITLES = (
    "Breach a sexual risk order / risk of harm order etc. or fail to comply with requirement "
    "under Sec 122 c (4)",
)
REFUSAL = (
    "To provide all of the information requested would exceed the appropriate limit under "
    "Section 12(1) of the FOI Act. Please see covering letter for further details."
)


@dataclass(frozen=True)
class Table:
    """A header row and body rows of cell texts."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Question:
    """A numbered question, its answer paragraphs and an optional table."""

    number: str
    text: str
    answer: tuple[str, ...]
    table: Table | None = None


@dataclass(frozen=True)
class Disclosure:
    """One synthetic FOI answer, independent of file format."""

    force_id: str
    reference: str
    response_date: date
    questions: tuple[Question, ...]


def _thousands(value: int) -> str:
    return f"{value:,}"


def _financial_years(last_start: int, count: int) -> list[str]:
    return [f"{y}-{(y + 1) % 100:02d}" for y in range(last_start - count + 1, last_start + 1)]


def _breach_table(
    titles: tuple[str, ...], years: list[str], scale: int, rng: random.Random
) -> Table:
    body = []
    column_totals = [0] * len(years)
    for title in titles:
        values = [rng.randint(0, scale) for _ in years]
        column_totals = [a + b for a, b in zip(column_totals, values, strict=True)]
        body.append((title, *map(_thousands, values), _thousands(sum(values))))
    body.append(("Total", *map(_thousands, column_totals), _thousands(sum(column_totals))))
    return Table(header=("Offence Title", *years, "Total"), rows=tuple(body))


def _by_sex_table(as_at: date, male: int, female: int) -> Table:
    label = f"{as_at.year} (as at {as_at:%d/%m/%y})"
    return Table(
        header=("YEAR", "Male", "Female"), rows=((label, _thousands(male), _thousands(female)),)
    )


def make_disclosure(force_id: str, number: int, rng: random.Random) -> Disclosure:
    """A seed-shaped answer with random figures; row and column totals add up."""
    response = date(2019, 1, 1) + timedelta(days=rng.randint(0, 6 * 365))
    as_at = response - timedelta(days=rng.randint(1, 30))
    years = _financial_years(response.year - 1, 5)
    register = rng.randint(400, 6000)
    history = "  ".join(
        f"{as_at.year - back} = {_thousands(int(register * (1 - 0.02 * back)))}"
        for back in range(1, 6)
    )
    shpo, sro = rng.randint(100, 2500), rng.randint(2, 60)
    questions = (
        Question(
            "1",
            "How many people (broken down into men and women) are on the Sex "
            "Offenders' Register across the force area right now? How does this compare "
            "to the same date in previous years?",
            (
                "Please find below the total number of RSOs managed.",
                history,
                "NB This includes those currently in custody",
            ),
            _by_sex_table(as_at, register - register // 60, register // 60),
        ),
        Question(
            "1a",
            f"How many breaches of the Sex Offenders' Register have been recorded in "
            f"{'; '.join(years)}.",
            (),
            _breach_table(NOTIFICATION_TITLES, years, 400, rng),
        ),
        Question(
            "2",
            "How many people (broken down into men and women) are subject to a Sexual "
            "Harm Prevention Order across the force area?",
            ("Please see below figures broken down into male and female.",),
            _by_sex_table(as_at, shpo - shpo // 100, shpo // 100),
        ),
        Question(
            "2a",
            f"How many breaches of SHPOs have been recorded in {'; '.join(years)}.",
            (),
            _breach_table(SHPO_TITLES, years, 60, rng),
        ),
        Question(
            "3",
            "How many people (broken down into men and women) are subject to a Sexual "
            "Risk Order across the force area?",
            ("Please see below figures broken down into male and female.",),
            _by_sex_table(as_at, sro - sro // 8, sro // 8),
        ),
        Question(
            "3a",
            f"How many breaches of SROs have been recorded in {'; '.join(years)}.",
            (),
            _breach_table(SRO_TITLES, years, 40, rng),
        ),
        Question(
            "4",
            "How many staff are in the force's public protection unit responsible for "
            "overseeing sexual offenders, now and compared to the last five years?",
            (REFUSAL,),
        ),
    )
    return Disclosure(force_id, f"SYN{number}/{response:%y}", response, questions)


def _question_heading(question: Question) -> str:
    separator = ". " if question.number.isdigit() else ": "
    return f"{question.number}{separator}{question.text}"


def write_txt(doc: Disclosure, path: Path) -> None:
    lines = ["Freedom of Information", ""]
    for question in doc.questions:
        lines += [_question_heading(question), ""]
        lines += [line for paragraph in question.answer for line in (paragraph, "")]
        if question.table:
            lines += ["\t".join(question.table.header)]
            lines += ["\t".join(row) for row in question.table.rows]
            lines += [""]
    path.write_text("\n".join(lines), encoding="utf-8")


def write_html(doc: Disclosure, path: Path) -> None:
    parts = [
        "<!DOCTYPE html><html><head><title>Freedom of Information request "
        f"{html.escape(doc.reference)}</title></head><body><h1>Freedom of Information</h1>"
    ]
    for question in doc.questions:
        parts.append(f"<p><strong>{html.escape(_question_heading(question))}</strong></p>")
        parts += [f"<p>{html.escape(paragraph)}</p>" for paragraph in question.answer]
        if question.table:
            head = "".join(f"<th>{html.escape(c)}</th>" for c in question.table.header)
            body = "".join(
                "<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>"
                for row in question.table.rows
            )
            parts.append(f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")
    parts.append("</body></html>")
    path.write_text("\n".join(parts), encoding="utf-8")


_FIXED_MODIFIED = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")


def _freeze_zip(path: Path) -> None:
    """Rewrite an OOXML zip with fixed entry times, so the same document gives the same bytes."""
    with zipfile.ZipFile(path) as source:
        entries = [(info.filename, source.read(info)) for info in source.infolist()]
    # openpyxl stamps `modified` with the time of saving, whatever the workbook says.
    entries = [
        (name, _FIXED_MODIFIED.sub(rb"\g<1>2020-01-01T00:00:00Z\g<2>", data))
        if name == "docProps/core.xml"
        else (name, data)
        for name, data in entries
    ]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in entries:
            target.writestr(
                zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0)),
                data,
                compress_type=zipfile.ZIP_DEFLATED,
            )


def write_docx(doc: Disclosure, path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_heading("Freedom of Information", level=1)
    for question in doc.questions:
        document.add_paragraph(_question_heading(question))
        for paragraph in question.answer:
            document.add_paragraph(paragraph)
        if question.table:
            grid = document.add_table(
                rows=1 + len(question.table.rows), cols=len(question.table.header)
            )
            # grid.cell(r, c) rescans the whole table on every call; row.cells reads it once.
            for grid_row, row in zip(
                grid.rows, (question.table.header, *question.table.rows), strict=True
            ):
                for cell, text in zip(grid_row.cells, row, strict=True):
                    cell.text = text
    document.core_properties.created = document.core_properties.modified = FIXED_TIME
    document.save(str(path))
    _freeze_zip(path)


def write_xlsx(doc: Disclosure, path: Path) -> None:
    """One sheet per question, its text as a title line above its table (one table a sheet)."""
    import openpyxl

    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for question in doc.questions:
        sheet = workbook.create_sheet(f"Q{question.number}")
        sheet.append([_question_heading(question)])
        for paragraph in question.answer:
            sheet.append([paragraph])
        if question.table:
            sheet.append([])
            sheet.append(list(question.table.header))
            for row in question.table.rows:
                sheet.append(list(row))
    workbook.properties.created = workbook.properties.modified = FIXED_TIME
    workbook.save(str(path))
    _freeze_zip(path)


def write_csv(doc: Disclosure, path: Path) -> None:
    """A CSV holds one table: the breaches of notification requirements, under its question."""
    question = next(q for q in doc.questions if q.number == "1a")
    assert question.table is not None
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow([_question_heading(question)])
        writer.writerow(question.table.header)
        writer.writerows(question.table.rows)


def write_pdf(doc: Disclosure, path: Path) -> None:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer
    from reportlab.platypus import Table as PdfTable

    styles = getSampleStyleSheet()
    story: list = [Paragraph("Freedom of Information", styles["Heading1"])]
    for question in doc.questions:
        story.append(Paragraph(html.escape(_question_heading(question)), styles["Normal"]))
        story += [Paragraph(html.escape(p), styles["Normal"]) for p in question.answer]
        if question.table:
            table = question.table
            # Long offence titles wrap inside their cell, as they do in real PDFs.
            rows = [list(table.header)] + [
                [Paragraph(html.escape(row[0]), styles["BodyText"]), *row[1:]] for row in table.rows
            ]
            width = 200 if len(table.header) > 3 else 120
            grid = PdfTable(rows, colWidths=[width] + [45] * (len(table.header) - 1))
            grid.setStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)])
            story.append(grid)
        story.append(Spacer(1, 8))
    # invariant: no creation date or random id, so the same document gives the same bytes.
    SimpleDocTemplate(str(path), pagesize=A4, invariant=1).build(story)


WRITERS: dict[str, Callable[[Disclosure, Path], None]] = {
    "txt": write_txt,
    "html": write_html,
    "pdf": write_pdf,
    "docx": write_docx,
    "xlsx": write_xlsx,
    "csv": write_csv,
}


def write_sidecar(doc: Disclosure, path: Path) -> None:
    path.with_name(path.stem + ".meta.yml").write_text(
        f"# Generated by benchmarks/corpus.py: random figures, not a real answer.\n"
        f"force: {doc.force_id}\nreference: {doc.reference}\n"
        f"title: Synthetic benchmark disclosure\nresponse_date: {doc.response_date:%Y-%m-%d}\n"
        f"synthetic: true\n",
        encoding="utf-8",
    )


def write_document(doc: Disclosure, folder: Path, fmt: str) -> Path:
    """Write one disclosure in one format, with its synthetic sidecar; returns the file."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{doc.force_id}_{doc.reference.replace('/', '-')}.{fmt}"
    WRITERS[fmt](doc, path)
    write_sidecar(doc, path)
    return path


def territorial_forces(forces_csv: Path) -> list[str]:
    """Force ids of the territorial forces listed in the forces seed, in file order."""
    with forces_csv.open(encoding="utf-8") as handle:
        return [
            row["force_id"] for row in csv.DictReader(handle) if row["force_type"] == "territorial"
        ]


def generate_corpus(
    raw_dir: Path,
    force_ids: list[str],
    docs_per_force: int,
    formats: tuple[str, ...] = FORMATS,
    seed: int = 7,
) -> list[Path]:
    """Write forces x docs_per_force documents under raw_dir/<force>/, formats in rotation.

    The same arguments always give the same files (and so the same content hashes).
    """
    rng = random.Random(seed)
    written = []
    for force_index, force_id in enumerate(force_ids):
        for doc_no in range(docs_per_force):
            number = force_index * docs_per_force + doc_no + 1
            doc = make_disclosure(force_id, number, rng)
            written.append(write_document(doc, raw_dir / force_id, formats[number % len(formats)]))
    return written
