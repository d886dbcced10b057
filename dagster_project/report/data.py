"""What the report shows, read from the published warehouse (read-only)."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from dagster_project.report.charts import force_colours
from dagster_project.review import ReviewItem, pending
from dagster_project.warehouse import connect_read_only

CATEGORY_TITLES = {
    "notification_requirements": "Breaches of notification requirements (the register)",
    "shpo": "Breaches of Sexual Harm Prevention Orders (incl. SOPO, FTO)",
    "sro": "Breaches of Sexual Risk Orders (incl. RSHO)",
}
CUSTODY_WORDS = {
    "included": "includes people in custody",
    "excluded": "people in the community only",
    None: "does not say whether people in custody are counted",
}


@dataclass
class Document:
    document_id: str
    path: str
    reference: str | None
    url: str | None
    synthetic: bool


@dataclass
class Row:
    """One force x year of one measure, as the report's table and charts show it."""

    force_id: str
    force_name: str
    year: str
    value: float | None
    low: float | None
    high: float | None
    per_100k: float | None
    rank: int | None
    ranked_among: int | None
    change: float | None
    per_100_rsos: float | None
    synthetic: bool
    comparable: bool
    document_ids: list[str]
    locators: str
    warnings: list[str] = field(default_factory=list)
    period_label: str = ""


@dataclass
class Measure:
    key: str
    title: str
    unit: str
    year_kind: str
    rows: list[Row]


@dataclass
class Fact:
    """One row of marts.fct_disclosed_figures, as a force's page lists and charts it."""

    measure: str
    offence: str | None
    sex: str
    area: str | None
    period_kind: str
    period_label: str
    period_start: str | None
    value: float | None
    low: float | None
    high: float | None
    status: str
    document_id: str
    locator: str
    source_text: str


@dataclass
class Refusal:
    """A question a force did not answer (marts.force_coverage): refused, not held, NCND."""

    question_no: str
    topic: str
    outcome: str
    foi_sections: str
    document_id: str


@dataclass
class Force:
    """Everything the report shows about one force, for its own page."""

    force_id: str
    name: str
    synthetic: bool
    facts: list[Fact] = field(default_factory=list)
    refusals: list[Refusal] = field(default_factory=list)
    unreadable: list[tuple[str, str]] = field(default_factory=list)
    document_ids: list[str] = field(default_factory=list)


@dataclass
class ReportData:
    measures: list[Measure]
    official: list[dict]
    documents: dict[str, Document]
    built_at: str
    forces: list[Force] = field(default_factory=list)
    colours: dict[str, str] = field(default_factory=dict)
    review: list[ReviewItem] = field(default_factory=list)
    measure_titles: dict[str, str] = field(default_factory=dict)


def load(warehouse: Path) -> ReportData:
    """Everything the report needs, in one read-only pass over the published warehouse."""
    con = connect_read_only(warehouse)
    try:
        documents = _documents(con)
        place_warnings = _place_warnings(con)
        conflicts = _conflicts(con)
        measures = _breach_measures(con) + _register_measures(con)
        for measure in measures:
            for row in measure.rows:
                # a check on a table's total or a question concerns only the rows built from it
                places = _places(row)
                row.warnings.extend(
                    dict.fromkeys(w for place, w in place_warnings if _concerns(place, places))
                )
                conflict_key = (row.force_id, measure.key.split(":")[0], row.period_label)
                row.warnings.extend(conflicts.get(conflict_key, []))
        official = _records(con, "select * from marts.cmp_register_vs_mappa order by 1, 5")
        built_at = con.execute("select max(parsed_at)::varchar from raw.documents").fetchone()[0]
        forces = _forces(con)
        titles = dict(con.execute("select measure, description from reference.measures").fetchall())
    finally:
        con.close()
    colours = force_colours([f.name for f in forces])
    return ReportData(
        measures,
        official,
        documents,
        built_at or "",
        forces,
        {f.force_id: colours[f.name] for f in forces},
        pending(warehouse),
        titles,
    )


_TABLE_CELL = re.compile(r"table (\d+), row (\d+), col (\d+)")


def _places(row: Row) -> set[tuple]:
    """(document, table, row, col) of every cell a report row was built from."""
    found = set()
    for document_id in row.document_ids:
        for match in _TABLE_CELL.finditer(row.locators):
            found.add((document_id, *map(int, match.groups())))
    return found


def _concerns(place: tuple, places: set[tuple]) -> bool:
    """Whether a check's place (document, table, row or None, col or None) covers a cell."""
    document_id, table, row_no, col_no = place
    return any(
        p[0] == document_id
        and p[1] == table
        and (row_no is None or p[2] == row_no)
        and (col_no is None or p[3] == col_no)
        for p in places
    )


def _records(con: duckdb.DuckDBPyConnection, sql: str, params: list | None = None) -> list[dict]:
    cursor = con.execute(sql, params or [])
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, values, strict=True)) for values in cursor.fetchall()]


def _documents(con: duckdb.DuckDBPyConnection) -> dict[str, Document]:
    rows = _records(
        con,
        "select document_id, path, reference, url, coalesce(synthetic, false) as synthetic "
        "from raw.documents",
    )
    return {r["document_id"]: Document(**r) for r in rows}


def _place_warnings(con: duckdb.DuckDBPyConnection) -> list[tuple[tuple, str]]:
    """Each quality check on a total or a question, with the cells it concerns: a row total
    its row, a column total its column, a misplaced question every table under it."""
    warnings: list[tuple[tuple, str]] = []
    for r in _records(
        con,
        "select document_id, source_locator, label, stated_total, computed_total, "
        "computed_low, computed_high from marts.dq_total_mismatches "
        "order by document_id, source_locator",
    ):
        match = _TABLE_CELL.search(r["source_locator"] or "")
        if match is None:
            continue
        table, row_no, col_no = map(int, match.groups())
        by_row = (r["label"] or "").startswith("row total")
        computed = (
            _n(r["computed_total"])
            if r["computed_total"] is not None
            else f"{_n(r['computed_low'])}-{_n(r['computed_high'])}"
        )
        place = (r["document_id"], table, row_no if by_row else None, None if by_row else col_no)
        warnings.append(
            (
                place,
                f"the source's {'row' if by_row else 'column'} total does not add up: stated "
                f"{_n(r['stated_total'])}, parts add to {computed} ({r['source_locator']})",
            )
        )
    for r in _records(
        con,
        "select distinct m.document_id, m.question_no, f.source_locator "
        "from marts.dq_section_mismatches m join marts.fct_disclosed_figures f "
        "on f.document_id = m.document_id and f.question_no = m.question_no",
    ):
        match = _TABLE_CELL.search(r["source_locator"] or "")
        if match is not None:
            warnings.append(
                (
                    (r["document_id"], int(match.group(1)), None, None),
                    f"printed under question {r['question_no']}, which asks about another "
                    "order; counted by offence title",
                )
            )
    return list(dict.fromkeys(warnings))


def _conflicts(con: duckdb.DuckDBPyConnection) -> dict[tuple, list[str]]:
    conflicts: dict[tuple, list[str]] = defaultdict(list)
    for r in _records(
        con,
        "select force_id, measure, period_label, string_agg(distinct value_text, ' / ') as values "
        "from marts.dq_conflicting_figures group by 1, 2, 3",
    ):
        key = (r["force_id"], r["measure"], r["period_label"])
        conflicts[key].append(f"documents disagree ({r['values']}); the newest answer is used")
    return conflicts


def _breach_measures(con: duckdb.DuckDBPyConnection) -> list[Measure]:
    measures = []
    rows = _records(
        con, "select * from marts.fct_breaches_by_force_year order by force_name, financial_year"
    )
    for category, title in CATEGORY_TITLES.items():
        mine = [r for r in rows if r["offence_category"] == category]
        if mine:
            measures.append(
                Measure(
                    f"breach_offences:{category}",
                    title,
                    "recorded offences",
                    "financial year",
                    [_breach_row(r) for r in mine],
                )
            )
    return measures


def _breach_row(r: dict) -> Row:
    warnings = []
    if r["is_partial_year"]:
        warnings.append(
            f"partial year: answered {str(r['earliest_response_date'])[:10]}, before the year "
            "ended; not rated, ranked or compared"
        )
    if r["has_suppressed_part"]:
        warnings.append(
            f"part suppressed (e.g. '<5'): between {_n(r['breaches_low'])} and "
            f"{_n(r['breaches_high'])}"
        )
    if r["population_note"] and not r["is_partial_year"]:
        warnings.append(f"no rate per 100,000: {r['population_note']}")
    if r["per_100_rsos"] is not None:
        warnings.append(
            f"per 100 RSOs uses the register at {r['register_as_at']} "
            f"({CUSTODY_WORDS.get(r['register_custody'], r['register_custody'])})"
        )
    return Row(
        r["force_id"],
        r["force_name"],
        r["financial_year"],
        r["breaches"],
        r["breaches_low"],
        r["breaches_high"],
        r["per_100k"],
        r["rank_per_100k"],
        r["forces_ranked"],
        r["change_on_previous_year"],
        r["per_100_rsos"],
        r["is_synthetic"],
        not r["is_partial_year"],
        (r["document_ids"] or "").split(","),
        r["source_locators"] or "",
        warnings,
        r["financial_year"],
    )


def _register_measures(con: duckdb.DuckDBPyConnection) -> list[Measure]:
    rows = _records(
        con,
        "select r.*, m.description from marts.fct_register_by_force_year r "
        "left join reference.measures m using (measure) "
        "where r.sex = 'all' order by r.measure, r.force_name, r.year",
    )
    by_measure: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        by_measure[r["measure"]].append(r)
    return [_register_measure(key, items) for key, items in by_measure.items()]


def _register_measure(key: str, rows: list[dict]) -> Measure:
    title = rows[0]["description"] or key
    return Measure(key, title, "people", "year", [_register_row(r) for r in rows])


def _register_row(r: dict) -> Row:
    warnings = [CUSTODY_WORDS.get(r["custody"], str(r["custody"]))]
    if r["as_at"] is None:
        warnings.append(f"snapshot date not given: '{r['as_at_label']}'")
    else:
        warnings.append(f"as at {str(r['as_at'])[:10]}")
    if r["is_derived"]:
        warnings.append("total summed from the male and female figures")
    if r["population_note"]:
        warnings.append(f"no rate per 100,000: {r['population_note']}")
    return Row(
        r["force_id"],
        r["force_name"],
        str(r["year"]),
        r["value"],
        r["value_low"],
        r["value_high"],
        r["per_100k"],
        r["rank_per_100k"],
        r["forces_ranked"],
        r["change_on_previous_year"],
        None,
        r["is_synthetic"],
        True,
        [r["document_id"]] if r["document_id"] else [],
        r["source_locator"] or "",
        warnings,
        r["as_at_label"],
    )


def _n(value: float | None) -> str:
    return "?" if value is None else f"{value:,.0f}"


def _forces(con: duckdb.DuckDBPyConnection) -> list[Force]:
    """Every force with a document, a figure, a refusal or an unreadable file."""
    names = dict(con.execute("select force_id, force_name from reference.forces").fetchall())
    forces: dict[str, Force] = {}

    def force(force_id: str, synthetic: bool = False) -> Force:
        if force_id not in forces:
            forces[force_id] = Force(force_id, names.get(force_id, force_id), synthetic)
        forces[force_id].synthetic = forces[force_id].synthetic or bool(synthetic)
        return forces[force_id]

    for r in _records(
        con,
        "select force_id, document_id, is_synthetic from intermediate.int_documents_resolved "
        "where force_id is not null order by source_path",
    ):
        force(r["force_id"], r["is_synthetic"]).document_ids.append(r["document_id"])
    for r in _records(
        con,
        # a breakdown (ethnicity: asian) is shown where an offence title would be
        "select force_id, measure, coalesce(offence_key, offence_category, "
        "dimension || ': ' || replace(dimension_value, '_', ' ')) as offence, sex, "
        "area_name, period_kind, period_label, period_start::varchar as period_start, value, "
        "value_low, value_high, value_status, document_id, source_locator, source_text, "
        "is_synthetic from marts.fct_disclosed_figures "
        "order by force_id, measure, period_kind, period_start, offence, sex, area_name",
    ):
        force(r.pop("force_id"), r.pop("is_synthetic")).facts.append(
            Fact(
                r["measure"],
                r["offence"],
                r["sex"],
                r["area_name"],
                r["period_kind"],
                r["period_label"],
                r["period_start"],
                r["value"],
                r["value_low"],
                r["value_high"],
                r["value_status"],
                r["document_id"],
                r["source_locator"] or "",
                r["source_text"] or "",
            )
        )
    for r in _records(
        con,
        "select force_id, question_no, topic, outcome, coalesce(foi_sections, '') as sections, "
        "document_id, is_synthetic from marts.force_coverage "
        "where outcome in ('refused', 'not_held', 'ncnd') order by force_id, question_no",
    ):
        force(r["force_id"], r["is_synthetic"]).refusals.append(
            Refusal(
                r["question_no"], r["topic"] or "", r["outcome"], r["sections"], r["document_id"]
            )
        )
    for r in _records(
        con,
        """
        with folders as (
            select distinct split_part(source_path, '/', 1) as folder, force_id
            from intermediate.int_documents_resolved where force_id is not null
        ), aliases as (
            select lower(alias) as folder, force_id from reference.force_aliases
            union select lower(force_id), force_id from reference.forces
        )
        select coalesce(f.force_id, a.force_id, split_part(e.path, '/', 1)) as force_id,
               e.path, e.reason
        from raw.ingest_errors e
        left join folders f on f.folder = split_part(e.path, '/', 1)
        left join aliases a on a.folder = lower(split_part(e.path, '/', 1))
        order by e.path
        """,
    ):
        force(r["force_id"]).unreadable.append((r["path"], r["reason"]))
    return sorted(forces.values(), key=lambda f: f.name)
