"""Two builds of the same raw/ give identical marts: same rows, same figure ids."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from tests.conftest import build_warehouse
from tests.ops.conftest import marts_contents

pytestmark = pytest.mark.slow


def column(published: Path, sql: str) -> list:
    con = duckdb.connect(str(published), read_only=True)
    try:
        return [value for (value,) in con.execute(sql).fetchall()]
    finally:
        con.close()


FIGURE_IDS = "select figure_id from marts.fct_disclosed_figures order by 1"
PARSE_TIMES = "select parsed_at from raw.documents order by path"


def test_second_build_of_the_same_raw_gives_identical_marts(
    two_document_raw: Path, two_document_warehouse: Path, tmp_path: Path
) -> None:
    # The second build starts from the first one's files, so its ingest comes from the cache;
    # forced, since with nothing changed it would stop after the ingest.
    shutil.copytree(two_document_warehouse.parent, tmp_path / "warehouse")
    published = tmp_path / "warehouse" / "foi.duckdb"
    build_warehouse(two_document_raw, published, force=True)
    # Not parsed again: both documents still carry the first build's parse time.
    assert column(published, PARSE_TIMES) == column(two_document_warehouse, PARSE_TIMES)
    assert len(column(published, FIGURE_IDS)) > 0
    assert column(published, FIGURE_IDS) == column(two_document_warehouse, FIGURE_IDS)
    first, second = marts_contents(two_document_warehouse), marts_contents(published)
    assert set(first) == set(second)
    differing = sorted(table for table in first if first[table] != second[table])
    assert differing == [], f"these marts differ between two builds of the same raw/: {differing}"
