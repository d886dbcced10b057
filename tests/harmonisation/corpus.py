"""Synthetic disclosures, one per hazard class, written as real text files under raw/<force>/.

Each document reproduces one family of traps from HAZARDS.md. Every one is marked synthetic in
its sidecar: these figures are invented for tests and belong to no force's real answer.
"""

from __future__ import annotations

from pathlib import Path

T = "\t"


def _row(*cells: str) -> str:
    return T.join(cells)


DOCUMENTS: dict[str, tuple[str, dict[str, str]]] = {
    # Financial years in every spelling, and the 20218-19 kind of typo.
    "essex/fy-spellings.txt": (
        "\n".join(
            [
                "1. How many breaches of notification requirements were recorded in each financial "
                "year?",
                "",
                _row(
                    "Offence Title",
                    "2016/2017",
                    "2017-2018",
                    "FY18/19",
                    "19/20",
                    "April 2020 - March 2021",
                    "01/04/2021 - 31/03/2022",
                    "20223-24",
                ),
                _row(
                    "Fail to comply with notification requirements",
                    "1",
                    "2",
                    "3",
                    "4",
                    "5",
                    "6",
                    "7",
                ),
                "",
            ]
        ),
        {"response_date": "2024-06-03"},
    ),
    # Calendar years, partial years and year-to-date periods on a flow measure.
    "cheshire/calendar-and-partial.txt": (
        "\n".join(
            [
                "1. How many applications were received under Sarah's Law in each year?",
                "",
                _row("Period", "Applications"),
                _row("the 2018 calendar year", "40"),
                _row("between January 2019 and December 2019", "41"),
                _row("2021", "30"),
                _row("2020 up to 31st January", "3"),
                _row("2024 to end July", "22"),
                _row("1 January 2020 to 31 March 2023", "100"),
                _row("Since 2015 to date", "500"),
                _row("This year to date", "9"),
                "",
            ]
        ),
        {"response_date": "2025-03-14"},
    ),
    # Snapshots: UK dates, ordinals, month only, US order, "currently", a financial year.
    "northumbria/snapshots.txt": (
        "\n".join(
            [
                "1. How many registered sex offenders do you manage, and how many did you manage "
                "on earlier dates?",
                "",
                _row("Date", "RSOs"),
                _row("As of 10th April 2013", "1,202"),
                _row("as at 1.1.21", "1,300"),
                _row("17 Apr 2014", "1,250"),
                _row("the figures for October 2025", "1,400"),
                _row("May 06, 2025", "1,390"),
                _row("14^th September 2018", "1,280"),
                _row("2019/20", "1,270"),
                "",
                "There are currently 2,109 subjects in the community subject to notification "
                "requirements.",
                "",
            ]
        ),
        {"response_date": "2025-11-20"},
    ),
    # Numbers: words, suppression, lower bounds, statuses, two systems, fused tokens, a typo'd
    # title.
    "dyfed-powys/numbers.txt": (
        "\n".join(
            [
                "1. How many breaches of orders and notification requirements were recorded?",
                "",
                _row("Offence", "2021-22", "2022-23"),
                _row("Breach SHPO", "None", "0"),
                _row("Breach SRO", "fewer than five", "<5"),
                _row("Fail to comply with notification requirements", "*", "in excess of 1000"),
                _row("Breach of Sexual Harm Prevention Orde", "over 500", "Not held"),
                _row(
                    "Attempted breach of sexual risk order",
                    "Exempt under section 40(2)",
                    "92 (Qlikview) 33 (Niche)",
                ),
                _row("Fail to notify change of address", "All 5", "12It should"),
                "",
                "2. How many sex offender records would you need to review to answer the rest?",
                "",
                "To answer would mean reading 1077 records x 5 mins = 89 hours, which exceeds the "
                "appropriate limit.",
                "",
            ]
        ),
        {"response_date": "2023-05-02"},
    ),
    # Offence titles in every wording, printed under the SRO question; one unknown title.
    "south-wales/offence-titles.txt": (
        "\n".join(
            [
                "1. How many breaches of SROs have been recorded in 2021-22?",
                "",
                _row("Offence Title", "2021-22"),
                _row(
                    "Breach SHPO / interim SHPO / SOPO / interim SOPO / Foreign travel order",
                    "",
                ),
                _row("or fail to comply with a requirement under Sec 103D (4)", "11"),
                _row("Breach Sexual Harm Prevention Order (SHPO) Sentencing Act 2020 Sec", ""),
                _row("354 (1) (4)", "12"),
                _row(
                    "Attempted - Breach a sexual risk order / risk of harm order etc. or fail to",
                    "",
                ),
                _row("comply with requirement under Sec 122 c (4)", "13"),
                _row("Fail to Comply with requirement to notify travel outside UK", "14"),
                _row("Breach of stalking protection order", "15"),
                _row("Breech of S.H.P.O.", "16"),
                "",
            ]
        ),
        {"response_date": "2022-05-10"},
    ),
    # Measures named by row and column labels; people vs orders; custody; the answer's date.
    "cleveland/measures.txt": (
        "\n".join(
            [
                "1. Please provide figures on the management of sex offenders in your area.",
                "",
                "The figures below are as at 01/04/2023 and are broken down as follows.",
                "",
                _row("Measure", "Number"),
                _row("Registered sex offenders in custody", "120"),
                _row("Missing", "3"),
                _row("Wanted", "2"),
                _row("People subject to an SHPO", "400"),
                _row("Number of SHPOs", "430"),
                _row("Staff in the offender management unit", "25"),
                "",
                "2. How many applications were made under Sarah's Law and how many disclosures "
                "were made?",
                "",
                _row("Year", "Applications", "Disclosures"),
                _row("2022/23", "308", "45"),
                "",
                "3. How many SHPOs were granted by the courts in 2022?",
                "",
                "2022 - 15",
                "",
            ]
        ),
        {"response_date": "2023-06-30"},
    ),
    # Sub-force areas, pseudo-areas and an area nobody mapped.
    "northern-ireland/areas.txt": (
        "\n".join(
            [
                "1. How many registered sex offenders are there in each policing district?",
                "",
                "The figures below are as at 31/03/2023 and cover the whole service.",
                "",
                _row("Area", "RSOs"),
                _row("Belfast City Policing District", "800"),
                _row("Derry City and Strabane Policing District", "150"),
                _row("Custody", "40"),
                _row("Wanted/Deported", "5"),
                _row("Fermanagh", "12"),
                "",
            ]
        ),
        {"response_date": "2023-04-20"},
    ),
    # Two answers to one question with different figures, and a revision that supersedes one.
    "gwent/first-answer.txt": (
        "\n".join(
            [
                "1. How many registered sex offenders were there as at 31 March 2022?",
                "",
                _row("Date", "RSOs"),
                _row("31/03/2022", "700"),
                "",
            ]
        ),
        {"response_date": "2022-04-01", "reference": "FOI 555/22"},
    ),
    "gwent/revised-answer.txt": (
        "\n".join(
            [
                "1. How many registered sex offenders were there as at 31 March 2022?",
                "",
                _row("Date", "RSOs"),
                _row("31/03/2022", "710"),
                "",
            ]
        ),
        {"response_date": "2022-03-30", "reference": "555/22 revised", "supersedes": "555-22"},
    ),
    # A stated total that does not add up, with a suppressed part.
    "kent/totals.txt": (
        "\n".join(
            [
                "1. How many breaches of SHPOs were recorded?",
                "",
                _row("Offence Title", "2020-21", "2021-22"),
                _row("Breach SHPO", "10", "<5"),
                _row("Breach SOPO", "3", "2"),
                _row("Total", "20", "5"),
                "",
            ]
        ),
        {"response_date": "2022-07-01"},
    ),
    # Lost sub-question headings: two unlabelled year series in one answer.
    "durham/lost-headings.txt": (
        "\n".join(
            [
                "1. How many breaches of SHPOs and SROs were recorded in each year?",
                "",
                "2020 – 44, 2021 - 35",
                "",
                "2020 – 12, 2021 - 9",
                "",
            ]
        ),
        {"response_date": "2022-02-01"},
    ),
}


def write_corpus(raw_dir: Path) -> Path:
    """Write every synthetic document and its sidecar under raw_dir; return raw_dir."""
    for rel, (text, meta) in DOCUMENTS.items():
        path = raw_dir / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        lines = ["synthetic: true", *(f'{key}: "{value}"' for key, value in meta.items())]
        path.with_name(path.stem + ".meta.yml").write_text("\n".join(lines) + "\n")
    return raw_dir
