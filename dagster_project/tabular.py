"""Query results as people read them: counts as integers, dates as dates, NULL as empty, rates
rounded; printed as an aligned table, CSV or JSON. `foi query`, `foi export` and the report's
CSV files share it."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal

import duckdb

_FLOATS = {"double", "float", "real", "decimal"}
# Places kept in the aligned table; CSV and JSON keep more, for the programs that read them.
TABLE_DECIMALS = 2
DATA_DECIMALS = 6
MAX_CELL = 60


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def readable(relation: duckdb.DuckDBPyRelation, decimals: int | None) -> duckdb.DuckDBPyRelation:
    """The relation as people read it: a float column whose every value is whole becomes an
    integer column (DuckDB keeps counts as DOUBLE when they can be NULL), a timestamp column whose
    every value is midnight becomes a date column, and other floats are rounded to `decimals`
    places (None keeps them as they are)."""
    names = relation.columns
    kinds = [str(t.id) for t in relation.types]
    floats = [n for n, k in zip(names, kinds, strict=True) if k in _FLOATS]
    stamps = [n for n, k in zip(names, kinds, strict=True) if k == "timestamp"]
    if not (floats or stamps) or len(set(names)) != len(names):
        return relation
    tests = [
        f"coalesce(bool_and(isfinite({_quoted(n)}::double) and {_quoted(n)} = trunc({_quoted(n)})"
        f" and abs({_quoted(n)}) < 1e18), true)"
        for n in floats
    ]
    tests += [f"coalesce(bool_and({_quoted(n)}::time = time '00:00:00'), true)" for n in stamps]
    found = relation.query("t", f"select {', '.join(tests)} from t").fetchall()[0]
    verdicts = dict(zip(floats + stamps, found, strict=True))
    columns = []
    for name in names:
        column = _quoted(name)
        if name in stamps and verdicts[name]:
            column = f"cast({column} as date) as {column}"
        elif name in floats and verdicts[name]:
            column = f"cast({column} as bigint) as {column}"
        elif name in floats and decimals is not None:
            column = f"round({column}::double, {decimals}) as {column}"
        columns.append(column)
    return relation.query("t", f"select {', '.join(columns)} from t")


def _text(value: object, decimals: int | None = None) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float | Decimal) and decimals is not None:
        return f"{value:.{decimals}f}"
    if isinstance(value, datetime | date):
        return value.isoformat(sep=" ") if isinstance(value, datetime) else value.isoformat()
    return str(value)


def as_table(names: Sequence[str], rows: Sequence[tuple]) -> str:
    """An aligned plain-text table: numbers right-aligned, long text cut at MAX_CELL."""
    if not rows:
        return "(no rows)"
    numeric = [
        all(
            isinstance(r[i], int | float | Decimal) and not isinstance(r[i], bool)
            for r in rows
            if r[i] is not None
        )
        for i in range(len(names))
    ]
    cells = [[_cut(_text(v, TABLE_DECIMALS)) for v in row] for row in rows]
    widths = [max(len(n), *(len(row[i]) for row in cells)) for i, n in enumerate(names)]

    def line(values: Sequence[str]) -> str:
        return "  ".join(
            v.rjust(w) if num else v.ljust(w)
            for v, w, num in zip(values, widths, numeric, strict=True)
        ).rstrip()

    return "\n".join([line(names), line(["-" * w for w in widths]), *map(line, cells)])


def _cut(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= MAX_CELL else text[: MAX_CELL - 1] + "…"


def as_csv(names: Sequence[str], rows: Sequence[tuple]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(names)
    writer.writerows([_text(v) for v in row] for row in rows)
    return out.getvalue()


def as_json(names: Sequence[str], rows: Sequence[tuple]) -> str:
    def plain(value: object) -> object:
        if isinstance(value, datetime | date):
            return _text(value)
        if isinstance(value, Decimal):
            return float(value)
        return value

    records = [{n: plain(v) for n, v in zip(names, row, strict=True)} for row in rows]
    return json.dumps(records, default=str, indent=1, ensure_ascii=False)
