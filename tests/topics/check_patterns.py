#!/usr/bin/env python3
"""Check the stop-and-search and clares-law packs against the labels of tests/topics/corpus.

    .venv/bin/python tests/topics/check_patterns.py [-v]

Not a pytest module (no build, no fixtures): a quick look, for whoever edits a pack, at which
measure and which dimension value each label of the corpus gets under the packs' rule as drafted:
within a pack the first pattern that matches wins; across packs the longer match wins; an equal
match in two packs is a tie, left to the figure's question or title. Matching uses DuckDB's RE2
(regexp_extract) on the label lower-cased with its whitespace collapsed, as the warehouse does.
Every pack under topics/ is read from its YAML, so a clash with another pack shows too. Exits 1
when a label gets something other than what the corpus means.
"""

# ruff: noqa: E501  (the labels are data)

from __future__ import annotations

import re
import sys
from pathlib import Path

import duckdb
import yaml

ROOT = Path(__file__).resolve().parents[2]
CON = duckdb.connect()

# (label as printed, the measure it names or None when only its context can say,
#  (dimension, value) or None)
LABELS: list[tuple[str, str | None, tuple[str, str] | None]] = [
    # measures named by a table header, a row label, a list intro or a sentence clause
    ("Stop and searches", "stop_searches", None),
    ("Number of searches", "stop_searches", None),
    ("Stop searches by month, January to June 2024 (synthetic test data)", "stop_searches", None),
    ("Searches", "stop_searches", None),
    ("Stop searches conducted in the 2023 calendar year, by legislation:", "stop_searches", None),
    (
        "In the 2023/24 financial year Kent Police officers carried out 12,486 stop and searches",
        "stop_searches",
        None,
    ),
    ("The year before (2022/23), officers carried out 11,930 searches", "stop_searches", None),
    ("Section 60 searches", "stop_searches", ("legislation", "cjpoa_s60")),
    ("1,703 arrests were made following a stop and search", "stop_search_arrests", None),
    ("with 1,655 arrests following a search", "stop_search_arrests", None),
    (
        "A total of 811 arrests were made as a result of a stop and search in 2022",
        "stop_search_arrests",
        None,
    ),
    ("For 2023 the figure was 873 arrests", "stop_search_arrests", None),
    ("Arrests", "stop_search_arrests", None),
    (
        "In 2023/24, 9,877 different people were stopped and searched",
        "individuals_stop_searched",
        None,
    ),
    ("in 2022/23 the number of individuals searched was 9,412", "individuals_stop_searched", None),
    ("Northumbria Police searched 4,217 individuals in 2022", "individuals_stop_searched", None),
    ("People stopped and searched", "individuals_stop_searched", None),
    ("Section 60 authorisations made:", "s60_authorisations", None),
    (
        "In the 2023/24 financial year, 5 authorisations under section 60 of the Criminal Justice and Public Order Act 1994 were made",
        "s60_authorisations",
        None,
    ),
    ("Number of authorisations", "s60_authorisations", None),
    ("s.60 authorisations", "s60_authorisations", None),
    # Clare's Law
    ("Right to Ask", "dvds_right_to_ask_applications", None),
    ("Right to Know", "dvds_right_to_know_applications", None),
    ("Right to Ask applications", "dvds_right_to_ask_applications", None),
    ("Right to Know applications", "dvds_right_to_know_applications", None),
    ("Right-to-Know cases considered", "dvds_right_to_know_applications", None),
    ("Disclosures made in 2024-25", None, None),  # a tie with Sarah's Law at best: context decides
    ("Disclosures made", None, None),
    ("Disclosures", None, None),
    ("Applications", None, None),
    ("Number of Clare's Law applications received:", "dvds_applications", None),
    ("Number of disclosures made:", None, None),
    (
        "In 2023 West Mercia Police received 1,318 applications under the Domestic Violence Disclosure Scheme",
        "dvds_applications",
        None,
    ),
    ("The force made 463 disclosures under the scheme in 2023", None, None),
    ("Disclosures made under the Domestic Violence Disclosure Scheme", "dvds_disclosures", None),
    ("Clare's Law disclosures", "dvds_disclosures", None),
    (
        "Domestic Violence Disclosure Scheme (Clare's Law) applications received",
        "dvds_applications",
        None,
    ),
    ("DVDS applications resulting in a disclosure", "dvds_disclosures", None),
    ("Right to Know disclosures", "dvds_disclosures", None),
    # Sarah's Law labels must stay Sarah's Law (or tie), never become Clare's Law
    ("Sarah's Law applications received", "sarahs_law_applications", None),
    ("Child Sex Offender Disclosure Scheme applications", "sarahs_law_applications", None),
    ("Sarah's Law disclosures made", "sarahs_law_disclosures", None),
    (
        "The number of people currently subject to a Sexual Harm Prevention Order, counting interim orders, is 688",
        "shpo_subjects",
        None,
    ),
    # dimension values (the measure comes from the table's header or question)
    ("White", None, ("ethnicity", "white")),
    ("Black or Black British", None, ("ethnicity", "black")),
    ("Asian or Asian British", None, ("ethnicity", "asian")),
    ("Mixed", None, ("ethnicity", "mixed")),
    ("Other ethnic group", None, ("ethnicity", "other")),
    ("Not stated", None, ("ethnicity", "not_stated")),
    (
        "Other",
        None,
        ("ethnicity", "other"),
    ),  # by pack order only: an outcome table's "Other" needs its header
    ("W1", None, ("ethnicity", "white")),
    ("W9", None, ("ethnicity", "white")),
    ("M1", None, ("ethnicity", "mixed")),
    ("A2", None, ("ethnicity", "asian")),
    ("B2", None, ("ethnicity", "black")),
    ("O1", None, ("ethnicity", "other")),
    ("NS", None, ("ethnicity", "not_stated")),
    ("White - Any other White background", None, ("ethnicity", "white")),
    ("Mixed - White and Black Caribbean", None, ("ethnicity", "mixed")),
    ("Mixed - White and Asian", None, ("ethnicity", "mixed")),
    ("Black - Any other Black background", None, ("ethnicity", "black")),
    ("Other - Chinese", None, ("ethnicity", "other")),
    ("Other - Any other ethnic group", None, ("ethnicity", "other")),
    ("Section 1 Police and Criminal Evidence Act 1984", None, ("legislation", "pace_s1")),
    ("Section 23 Misuse of Drugs Act 1971", None, ("legislation", "misuse_of_drugs_s23")),
    ("Section 47 Firearms Act 1968", None, ("legislation", "firearms_s47")),
    ("Section 60 Criminal Justice and Public Order Act 1994", None, ("legislation", "cjpoa_s60")),
    ("Section 43 Terrorism Act 2000", None, ("legislation", "terrorism_s43")),
    ("Other legislation", None, ("legislation", "other")),
    ("s.1 PACE", None, ("legislation", "pace_s1")),
    ("s.23 Misuse of Drugs Act 1971", None, ("legislation", "misuse_of_drugs_s23")),
    ("s.47 Firearms Act 1968", None, ("legislation", "firearms_s47")),
    ("s.60 CJPOA 1994", None, ("legislation", "cjpoa_s60")),
    ("s.43 Terrorism Act 2000", None, ("legislation", "terrorism_s43")),
    ("Arrest", None, ("outcome", "arrest")),
    ("No further action", None, ("outcome", "no_further_action")),
    ("Searches resulting in arrest", "stop_searches", ("outcome", "arrest")),
    ("Searches under section 60 CJPOA", "stop_searches", ("legislation", "cjpoa_s60")),
    ("Community resolution", None, ("outcome", "other")),
    ("Khat or cannabis warning", None, ("outcome", "other")),
    ("Penalty Notice for Disorder", None, ("outcome", "other")),
    ("Summons / charged by post", None, ("outcome", "other")),
    ("1,021 resulted in an arrest", None, ("outcome", "arrest")),
    ("4,377 resulted in no further action", None, ("outcome", "no_further_action")),
    (
        "742 had another outcome (such as a community resolution, a cannabis warning or a penalty notice)",
        None,
        ("outcome", "other"),
    ),
    # FOI boilerplate that must name no legislation
    ("refused under section 12(1) of the Freedom of Information Act 2000", None, None),
    ("withheld under section 40(2) of the Freedom of Information Act", None, None),
    ("Section 1(1)(a) of the Freedom of Information Act 2000", None, None),
    ("exempt under section 23 and section 43 of the Act", None, None),
]


def norm(label: str) -> str:
    return re.sub(r"\s+", " ", label.lower()).strip()


def match_length(label: str, pattern: str) -> int:
    found = CON.execute("select regexp_extract(?, ?)", [label, pattern]).fetchone()[0]
    matched = CON.execute("select regexp_matches(?, ?)", [label, pattern]).fetchone()[0]
    return max(len(found), 1) if matched else 0


def patterns_of(item: dict) -> list[str]:
    return [p if isinstance(p, str) else p["pattern"] for p in item.get("patterns") or []]


def load() -> list[dict]:
    return [
        yaml.safe_load(path.read_text(encoding="utf-8"))
        for path in sorted((ROOT / "topics").glob("*/topic.yml"))
    ]


def measure_of(label: str, packs: list[dict]) -> tuple[str | None, str]:
    """The winning measure, and how it won (for the report)."""
    best: list[tuple[int, str, str]] = []  # (length, measure, topic) per pack: its first match
    for pack in packs:
        for measure in pack.get("measures") or []:
            lengths = [match_length(label, p) for p in patterns_of(measure)]
            hit = next((n for n in lengths if n), 0)
            if hit:
                best.append((hit, measure["measure"], pack["topic"]))
                break
    if not best:
        return None, "no pattern"
    best.sort(reverse=True)
    if len(best) > 1 and best[0][0] == best[1][0]:
        return None, "tie: " + " / ".join(f"{m} ({t}, {n})" for n, m, t in best)
    return best[0][1], " / ".join(f"{m} ({t}, {n})" for n, m, t in best)


def dimension_of(label: str, packs: list[dict]) -> tuple[str, str] | None:
    """The first dimension value (in pack order) whose pattern matches, within stop-and-search."""
    for pack in packs:
        if pack["topic"] != "stop-and-search":
            continue
        for dimension in pack.get("dimensions") or []:
            for value in dimension["values"]:
                if any(match_length(label, p) for p in patterns_of(value)):
                    return dimension["dimension"], value["value"]
    return None


def main() -> int:
    verbose = "-v" in sys.argv
    packs = load()
    failures = 0
    for raw, want_measure, want_dim in LABELS:
        label = norm(raw)
        got_measure, how = measure_of(label, packs)
        got_dim = dimension_of(label, packs)
        ok = got_measure == want_measure and got_dim == want_dim
        if want_measure is None and got_measure is not None and got_dim == want_dim:
            # a label that only context decides may be claimed by a Clare's Law-only phrase
            ok = False
        failures += not ok
        if verbose or not ok:
            mark = "ok  " if ok else "FAIL"
            print(
                f"{mark} {raw!r}: measure {got_measure} [{how}], dimension {got_dim}"
                + ("" if ok else f"; want {want_measure}, {want_dim}")
            )
    print(f"{len(LABELS) - failures} of {len(LABELS)} labels as intended")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
