"""Score a built warehouse against a corpus's expected figures, review items and silent pages.

    python scripts/score_devcorpus.py CORPUS_DIR WAREHOUSE.duckdb [--show]

CORPUS_DIR holds expected_*.csv, review_*.csv, silent_*.txt and raw/ (the layout of
../shared/devcorpus). Prints right / wrong / missing / unexpected per file and in total; the
comparison is dagster_project.scoring's, which the corpus tests use too.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from dagster_project.scoring import score


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus", type=Path)
    parser.add_argument("warehouse", type=Path)
    parser.add_argument("--show", action="store_true")
    args = parser.parse_args()
    scores = score(args.corpus, args.warehouse)
    totals = {"right": 0, "wrong": 0, "missing": 0, "unexpected": 0}
    for file, result in scores.items():
        for name in totals:
            totals[name] += len(getattr(result, name))
        if args.show and (result.wrong or result.missing or result.unexpected):
            print(f"== {file}: {len(result.right)} right")
            for key, (got, want) in result.wrong.items():
                print(f"   WRONG {key}: got {got} want {want}")
            for key, want in result.missing.items():
                print(f"   MISSING {key} {want}")
            for key, got in result.unexpected.items():
                print(f"   UNEXPECTED {key} {got}")
    total = totals["right"] + totals["wrong"] + totals["missing"]
    print(
        f"expected {total}: right {totals['right']}, wrong {totals['wrong']}, "
        f"missing {totals['missing']}, unexpected {totals['unexpected']}"
    )


if __name__ == "__main__":
    main()
