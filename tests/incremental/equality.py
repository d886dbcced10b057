"""Table-by-table comparison of two warehouses: what the incremental build must equal."""

from __future__ import annotations

from pathlib import Path

import duckdb

# The schemas dbt writes; raw/ingest_cache are the shared input, test_failures are views of
# the tests' failing rows.
MODEL_SCHEMAS = ("staging", "intermediate", "reference", "marts")


def table_digests(database: Path) -> dict[str, tuple[int, int]]:
    """Every model's row count and an order-free digest of its rows (the sum of a hash of
    each row), by schema.name."""
    con = duckdb.connect(str(database), read_only=True)
    try:
        names = con.execute(
            "select table_schema, table_name from information_schema.tables "
            "where list_contains(?, table_schema) order by all",
            [list(MODEL_SCHEMAS)],
        ).fetchall()
        digests = {}
        for schema, table in names:
            columns = [row[0] for row in con.execute(f'describe "{schema}"."{table}"').fetchall()]
            row_hash = "hash(" + ", ".join(f'"{c}"' for c in columns) + ")"
            count, total = con.execute(
                f'select count(*), coalesce(sum({row_hash}::hugeint), 0) from "{schema}"."{table}"'
            ).fetchone()
            digests[f"{schema}.{table}"] = (count, int(total))
        return digests
    finally:
        con.close()


def differences(incremental: Path, full: Path) -> list[str]:
    """The tables that differ between two warehouses, one line each (empty: equal)."""
    left, right = table_digests(incremental), table_digests(full)
    lines = [f"{name}: only in the full rebuild" for name in sorted(right.keys() - left.keys())]
    lines += [f"{name}: only in the incremental build" for name in sorted(left - right.keys())]
    for name in sorted(left.keys() & right.keys()):
        if left[name] != right[name]:
            lines.append(
                f"{name}: incremental {left[name][0]} rows, full rebuild {right[name][0]} rows"
                + (" (same count, other rows)" if left[name][0] == right[name][0] else "")
            )
    return lines
