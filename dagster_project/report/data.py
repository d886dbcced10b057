"""What the report shows, read from the published warehouse (read-only)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

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
class ReportData:
    measures: list[Measure]
    official: list[dict]
    documents: dict[str, Document]
    built_at: str


def load(warehouse: Path) -> ReportData:
    """Everything the report needs, in one read-only pass over the published warehouse."""
    con = connect_read_only(warehouse)
    try:
        documents = _documents(con)
        doc_warnings = _document_warnings(con)
        conflicts = _conflicts(con)
        measures = _breach_measures(con) + _register_measures(con)
        for measure in measures:
            for row in measure.rows:
                # the document-level checks (totals, misplaced sections) are about breach tables
                if measure.key.startswith("breach_offences"):
                    for document_id in row.document_ids:
                        row.warnings.extend(doc_warnings.get(document_id, []))
                conflict_key = (row.force_id, measure.key.split(":")[0], row.period_label)
                row.warnings.extend(conflicts.get(conflict_key, []))
        official = _records(con, "select * from marts.cmp_register_vs_mappa order by 1, 5")
        built_at = con.execute("select max(parsed_at)::varchar from raw.documents").fetchone()[0]
    finally:
        con.close()
    return ReportData(measures, official, documents, built_at or "")


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


def _document_warnings(con: duckdb.DuckDBPyConnection) -> dict[str, list[str]]:
    warnings: dict[str, list[str]] = defaultdict(list)
    mismatches: dict[str, list[str]] = defaultdict(list)
    for r in _records(
        con,
        "select document_id, stated_total, computed_total, computed_low, computed_high "
        "from marts.dq_total_mismatches order by document_id, source_locator",
    ):
        computed = (
            _n(r["computed_total"])
            if r["computed_total"] is not None
            else f"{_n(r['computed_low'])}-{_n(r['computed_high'])}"
        )
        mismatches[r["document_id"]].append(
            f"stated {_n(r['stated_total'])}, parts add to {computed}"
        )
    for document_id, details in mismatches.items():
        warnings[document_id].append(
            f"source has {len(details)} total(s) that do not add up ({'; '.join(details)})"
        )
    for r in _records(
        con,
        "select document_id, string_agg(distinct question_no::varchar, ', ') as questions "
        "from marts.dq_section_mismatches group by 1",
    ):
        warnings[r["document_id"]].append(
            f"source prints breach figures under another order's question ({r['questions']}); "
            "counted by offence title"
        )
    return warnings


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
