"""Score a built warehouse against a corpus of documents with known figures.

A corpus (../shared/devcorpus, tests/context/variants, tests/topics/corpus) holds raw/,
`expected_*.csv` (every figure a correct build puts in marts.fct_disclosed_figures, with the
file it comes from), `review_*.csv` (numbers that must go to review) and `silent_*.txt` (pages
that state no figure). Figures are compared per file and key, summed per key as the corpora
list them (the offence titles of one category and period add up). `scripts/score_devcorpus.py`
prints a score; the corpus tests assert on the same comparison.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

KEY = (
    "force_id",
    "measure",
    "offence_category",
    "dimension",
    "dimension_value",
    "sex",
    "area_name",
    "period_kind",
    "period_label",
    "custody",
)
VALUES = ("value_status", "value", "value_low", "value_high")

Figures = dict[str, dict[tuple, tuple]]

_FACTS = """
    select d.path, f.force_id, f.measure, coalesce(f.offence_category, ''),
        coalesce(f.dimension, ''), coalesce(f.dimension_value, ''), f.sex,
        coalesce(f.area_name, ''), f.period_kind, f.period_label, coalesce(f.custody, ''),
        case when count(*) = 1 then any_value(f.value_status)
             when bool_and(f.value_status = 'reported') then 'reported'
             else string_agg(distinct f.value_status, '+' order by f.value_status) end,
        sum(f.value), sum(f.value_low), sum(f.value_high)
    from marts.fct_disclosed_figures f
    join raw.documents d using (document_id)
    where f.topic in (select unnest(?::varchar[]))
    group by all
"""


def norm(value: object) -> str:
    """A value as the corpora write it: '' for none, 12 not 12.0."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def expected(corpus: Path) -> Figures:
    """The figures the corpus's expected_*.csv list, per file and key."""
    by_file: Figures = defaultdict(dict)
    for path in sorted(corpus.glob("expected_*.csv")):
        with path.open(newline="", encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                key = tuple(row.get(column, "") for column in KEY)
                by_file[row["file"]][key] = tuple(row[column] for column in VALUES)
    return by_file


def expected_topics(corpus: Path, default: str = "sex-offender-management") -> list[str]:
    """The topics a corpus's figures belong to: its `topic` column, else `default`."""
    found: set[str] = set()
    for path in sorted(corpus.glob("expected_*.csv")):
        with path.open(newline="", encoding="utf-8") as handle:
            found |= {row.get("topic") or default for row in csv.DictReader(handle)}
    return sorted(found or {default})


def facts(con: duckdb.DuckDBPyConnection, topics: list[str]) -> Figures:
    """The facts of these topics in a warehouse, per file and key, summed per key."""
    by_file: Figures = defaultdict(dict)
    for row in con.execute(_FACTS, [topics]).fetchall():
        by_file[row[0]][tuple(norm(v) for v in row[1 : 1 + len(KEY)])] = tuple(
            norm(v) for v in row[1 + len(KEY) :]
        )
    return by_file


def silent(corpus: Path) -> set[str]:
    """The files the corpus says state no figure."""
    return {
        line.strip()
        for path in corpus.glob("silent_*.txt")
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    }


@dataclass
class FileScore:
    right: list[tuple] = field(default_factory=list)
    wrong: dict[tuple, tuple[tuple, tuple]] = field(default_factory=dict)
    missing: dict[tuple, tuple] = field(default_factory=dict)
    unexpected: dict[tuple, tuple] = field(default_factory=dict)


def compare(want: Figures, got: Figures, files: set[str] = frozenset()) -> dict[str, FileScore]:
    """Right, wrong (got, want), missing and unexpected figures, per file."""
    scores: dict[str, FileScore] = {}
    for file in sorted(set(want) | set(got) | set(files)):
        w, g = want.get(file, {}), got.get(file, {})
        scores[file] = FileScore(
            right=[k for k in w if g.get(k) == w[k]],
            wrong={k: (g[k], w[k]) for k in w if k in g and g[k] != w[k]},
            missing={k: w[k] for k in w if k not in g},
            unexpected={k: g[k] for k in g if k not in w},
        )
    return scores


def score(corpus: Path, warehouse: Path) -> dict[str, FileScore]:
    """Compare a warehouse built from a corpus's raw/ with what the corpus expects."""
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        got = facts(con, expected_topics(corpus))
    finally:
        con.close()
    return compare(expected(corpus), got, silent(corpus))
