"""Hazards of the seed disclosure that its own tables do not exercise, on a synthetic copy."""

from __future__ import annotations

from pathlib import Path

import duckdb

from tests.conftest import build_warehouse

TYPO_DOCUMENT = """Freedom of Information

1a: How many breaches of the Sex Offenders' Register have been recorded in 2017-18; 20218-19?

Offence Title\t2017-18\t20218-19\tTotal
Fail to Comply with the Periodic Notification requirement\t4\t5\t9
"""


def test_typo_year_20218_19_reads_as_2018_19(tmp_path: Path) -> None:
    folder = tmp_path / "raw" / "wmp"  # an alias of west-midlands
    folder.mkdir(parents=True)
    (folder / "typo.txt").write_text(TYPO_DOCUMENT, encoding="utf-8")
    (folder / "typo.meta.yml").write_text("synthetic: true\nreference: TEST/1\n", encoding="utf-8")
    warehouse = build_warehouse(tmp_path / "raw", tmp_path / "warehouse" / "foi.duckdb")
    con = duckdb.connect(str(warehouse), read_only=True)
    rows = con.execute(
        "select force_id, period_label, cast(period_start as varchar), "
        "cast(period_end as varchar), value, is_synthetic from marts.fct_disclosed_figures "
        "order by period_label"
    ).fetchall()
    con.close()
    assert rows == [
        ("west-midlands", "2017-18", "2017-04-01", "2018-03-31", 4, True),
        ("west-midlands", "2018-19", "2018-04-01", "2019-03-31", 5, True),
    ]
