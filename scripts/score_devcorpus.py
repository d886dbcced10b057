"""Score a built warehouse against a corpus's expected figures, review items and silent pages.

    python scripts/score_devcorpus.py CORPUS_DIR WAREHOUSE.duckdb [--show]

CORPUS_DIR holds expected_*.csv, review_*.csv, silent_*.txt and raw/ (the layout of
../shared/devcorpus). Prints right / wrong / missing / unexpected per file and in total.
"""

from __future__ import annotations

import argparse
import csv
from collections import defaultdict
from pathlib import Path

import duckdb

KEY = (
    "force_id",
    "measure",
    "offence_category",
    "sex",
    "area_name",
    "period_kind",
    "period_label",
    "custody",
)


def _norm(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def expected(corpus: Path) -> dict[str, dict[tuple, tuple]]:
    by_file: dict[str, dict[tuple, list]] = defaultdict(dict)
    for path in sorted(corpus.glob("expected_*.csv")):
        with path.open(newline="", encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                key = tuple(row[k] for k in KEY)
                values = (row["value_status"], row["value"], row["value_low"], row["value_high"])
                by_file[row["file"]][key] = values
    return by_file


def actual(warehouse: Path) -> dict[str, dict[tuple, tuple]]:
    con = duckdb.connect(str(warehouse), read_only=True)
    rows = con.execute(
        """
        select d.path, f.force_id, f.measure, coalesce(f.offence_category, ''), f.sex,
            coalesce(f.area_name, ''), f.period_kind, f.period_label, coalesce(f.custody, ''),
            case when count(*) = 1 then any_value(f.value_status)
                 when bool_and(f.value_status = 'reported') then 'reported'
                 else string_agg(distinct f.value_status, '+' order by f.value_status) end,
            sum(f.value), sum(f.value_low), sum(f.value_high)
        from marts.fct_disclosed_figures f
        join raw.documents d using (document_id)
        group by all
        """
    ).fetchall()
    by_file: dict[str, dict[tuple, tuple]] = defaultdict(dict)
    for row in rows:
        path = row[0]
        key = tuple(_norm(v) for v in row[1:9])
        by_file[path][key] = tuple(_norm(v) for v in row[9:])
    return by_file


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus", type=Path)
    parser.add_argument("warehouse", type=Path)
    parser.add_argument("--show", action="store_true")
    args = parser.parse_args()
    want = expected(args.corpus)
    got = actual(args.warehouse)
    silent = set()
    for path in args.corpus.glob("silent_*.txt"):
        silent |= {line.strip() for line in path.read_text().splitlines() if line.strip()}
    totals = defaultdict(int)
    for file in sorted(set(want) | set(got) | silent):
        w, g = want.get(file, {}), got.get(file, {})
        right = [k for k in w if k in g and g[k] == w[k]]
        wrong = [k for k in w if k in g and g[k] != w[k]]
        missing = [k for k in w if k not in g]
        unexpected = [k for k in g if k not in w]
        for name, items in (
            ("right", right),
            ("wrong", wrong),
            ("missing", missing),
            ("unexpected", unexpected),
        ):
            totals[name] += len(items)
        if args.show and (wrong or missing or unexpected):
            print(f"== {file}: {len(right)} right")
            for k in wrong:
                print(f"   WRONG {k}: got {g[k]} want {w[k]}")
            for k in missing:
                print(f"   MISSING {k} {w[k]}")
            for k in unexpected:
                print(f"   UNEXPECTED {k} {g[k]}")
    total = sum(len(v) for v in want.values())
    print(
        f"expected {total}: right {totals['right']}, wrong {totals['wrong']}, "
        f"missing {totals['missing']}, unexpected {totals['unexpected']}"
    )


if __name__ == "__main__":
    main()
