"""Documents assembled at random from the layouts real answers use (HAZARDS.md), junk lines,
odd encodings and broken bytes, in every format the ingest reads.

A `Plan` says what a document holds; `write` renders it as a real file. Hypothesis draws plans
in the property tests (`plans()`); the build test draws them with a seeded `random.Random`
from the same fragments (`random_plan`), so both read the same kinds of document.
"""

from __future__ import annotations

import csv
import io
import random
from dataclasses import dataclass
from html import escape
from pathlib import Path

from hypothesis import strategies as st

from tests.fixtures.documents import make_docx, make_pdf, make_xlsx

FORMATS = ("txt", "csv", "html", "docx", "xlsx", "pdf")
ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "cp1252")
BREAKAGES = ("none", "none", "none", "truncate", "garbage", "empty")

QUESTIONS = (
    "1. How many people are on the Sex Offenders' Register in 2017, 2018 and 2019?",
    "2. How many breaches of SHPOs have been recorded in 2017-18; 20218-19; 2019-20?",
    "Q3 Please provide the number of Sexual Risk Orders (SROs) as at 31/03/2021.",
    "4a: How many registered sex offenders went missing between 2015 and 2020?",
)
LINES = (
    "2020 – 44",
    "2021 - 35",
    "2022/23 - 10",
    "There are currently 2,109 subjects in the community subject to notification requirements.",
    "Number of Registered Sex Offenders - 96",
    "Number of Registered Sex Offenders Incarcerated - 13",
    "Omagh Policing Area 29 Dungannon Policing Area 17",
    "a total of 308 applications",
    "fewer than five",
    "in excess of 1000 people are managed",
    "None",
    "Nil return",
    "To provide this would exceed the appropriate limit under Section 12(1) of the Act.",
    "1077 records x 5 mins = 89 hours",
    "The information is exempt under section 40(2) and 31.",
    "Please see attached.",
    "Our ref: 707 - 24",
    "Dated: 14 March 2022",
    "2022 (as at 22/02/22) 4,585",
    "Making/Taking26",
    "12It should be noted",
    "92 (Qlikview) 33 (Niche)",
)
JUNK = (
    "",
    "   ",
    "We use cookies on this website. Accept all | Reject",
    "Cymraeg | English | Skip to main content",
    "Page 3 of 7",
    "\u00a0\u00a0\u2003",
    "£££ ¬¬ ¦ ½ ¼ — “quoted” ’",
    "\ufeff BOM in the middle",
    "𝟙𝟚𝟛 mathematical digits",
    "٣٤٥ arabic-indic digits",
    "x" * 400,
    "|||| ---- ||||",
    "\t\t\t",
)
HEADERS = (
    ("YEAR", "Male", "Female"),
    ("Offence Title", "2017-18", "2018-19", "Total"),
    ("Area", "Number of RSOs", "Incarcerated"),
    ("", "2021", "2022"),
)
CELLS = (
    "4,585",
    "57",
    "<5",
    "*",
    "0",
    "Nil",
    "N/A",
    "",
    "over 500",
    "12",
    "2022 (as at 22/02/22)",
    "Breach SHPO / interim SHPO / SOPO",
    "Coleraine",
    "Total",
    "#N/A",
    "1,721",
)


@dataclass(frozen=True)
class Plan:
    """One document: its format, text encoding (txt, csv, html), lines, one table, breakage."""

    format: str
    encoding: str
    lines: tuple[str, ...]
    table: tuple[tuple[str, ...], ...]
    breakage: str


def plans() -> st.SearchStrategy[Plan]:
    line = st.one_of(
        st.sampled_from(QUESTIONS + LINES), st.sampled_from(JUNK), st.text(max_size=60)
    )
    row = st.lists(st.one_of(st.sampled_from(CELLS), st.text(max_size=12)), min_size=1, max_size=5)
    table = st.tuples(st.sampled_from(HEADERS), st.lists(row.map(tuple), max_size=5)).map(
        lambda parts: (parts[0], *parts[1])
    )
    return st.builds(
        Plan,
        format=st.sampled_from(FORMATS),
        encoding=st.sampled_from(ENCODINGS),
        lines=st.lists(line, max_size=14).map(tuple),
        table=table,
        breakage=st.sampled_from(BREAKAGES),
    )


def random_plan(rng: random.Random, file_format: str) -> Plan:
    """A plan drawn with `rng` from the same fragments (no free text: a build test stays stable)."""
    lines = [rng.choice(QUESTIONS + LINES + JUNK) for _ in range(rng.randint(2, 12))]
    header = rng.choice(HEADERS)
    rows = [tuple(rng.choice(CELLS) for _ in header) for _ in range(rng.randint(0, 4))]
    return Plan(
        file_format, rng.choice(ENCODINGS), tuple(lines), (header, *rows), rng.choice(BREAKAGES)
    )


def write(plan: Plan, path: Path) -> Path:
    """Write the plan as a real file of its format at `path` (the suffix is the format's)."""
    path = path.with_suffix("." + plan.format)
    table = [list(row) for row in plan.table]
    if plan.format == "txt":
        text = "\n".join([*plan.lines, *("\t".join(row) for row in table)])
        path.write_bytes(text.encode(plan.encoding, errors="replace"))
    elif plan.format == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerows([[line] for line in plan.lines] + table)
        path.write_bytes(buffer.getvalue().encode(plan.encoding, errors="replace"))
    elif plan.format == "html":
        cells = "".join(
            "<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in row) + "</tr>" for row in table
        )
        body = "".join(f"<p>{escape(line)}</p>" for line in plan.lines)
        page = f"<html><body><nav>Home | News</nav>{body}<table>{cells}</table></body></html>"
        path.write_bytes(page.encode(plan.encoding, errors="replace"))
    elif plan.format == "docx":
        make_docx(path, [*_printable(plan.lines), _rectangular(table)])
    elif plan.format == "xlsx":
        make_xlsx(
            path, {"Sheet1": [[line] for line in _printable(plan.lines)] + _rectangular(table)}
        )
    else:
        make_pdf(path, [*(escape(line) for line in _printable(plan.lines)), _rectangular(table)])
    _break(path, plan.breakage)
    return path


def _printable(lines: tuple[str, ...]) -> list[str]:
    # Word and Excel refuse control characters in their XML: a real file never holds them.
    return ["".join(ch for ch in line if ch.isprintable()) or "-" for line in lines]


def _rectangular(table: list[list[str]]) -> list[list[str]]:
    width = max(len(row) for row in table)
    cleaned = [[_printable((cell,))[0] if cell else "" for cell in row] for row in table]
    return [row + [""] * (width - len(row)) for row in cleaned]


def _break(path: Path, breakage: str) -> None:
    data = path.read_bytes()
    if breakage == "truncate":
        path.write_bytes(data[: max(1, len(data) // 3)])
    elif breakage == "garbage":
        middle = len(data) // 2
        path.write_bytes(data[:middle] + bytes(range(256)) + data[middle + 256 :])
    elif breakage == "empty":
        path.write_bytes(b"")
