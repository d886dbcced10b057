"""Containers in the incremental ingest: an unchanged container keeps its members' rows and
reports its refused members again without being parsed again; a changed one replaces them."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from dagster_project.ingest.run import ingest_incrementally
from tests.fixtures.formats import make_zip


def members(con: duckdb.DuckDBPyConnection) -> list[tuple]:
    return con.execute(
        "select path, container_path, member_name, format from raw.documents order by all"
    ).fetchall()


def errors(con: duckdb.DuckDBPyConnection) -> list[tuple]:
    return con.execute("select path, error_kind, reason from raw.ingest_errors").fetchall()


@pytest.fixture
def raw(tmp_path: Path) -> Path:
    folder = tmp_path / "raw" / "kent"
    folder.mkdir(parents=True)
    make_zip(
        folder / "bundle.zip",
        [("a.txt", b"SHPOs in force: 87\n"), ("../b.txt", b"SROs in force: 4\n")],
    )
    return tmp_path / "raw"


def test_unchanged_container_keeps_members_and_refusals_changed_one_replaces_them(raw, tmp_path):
    con = duckdb.connect(str(tmp_path / "build.duckdb"))
    try:
        first = ingest_incrementally(raw, con)
        expected_members = [("kent/bundle.zip", "kent/bundle.zip", "a.txt", "txt")]
        expected_errors = [
            (
                "kent/bundle.zip",
                "path_traversal",
                "member '../b.txt' of bundle.zip: its path leads outside the archive (../, an "
                "absolute path or a drive), so it was not read",
            )
        ]
        assert (first.parsed, members(con), errors(con)) == (
            ["kent/bundle.zip"],
            expected_members,
            expected_errors,
        )
        second = ingest_incrementally(raw, con)
        assert (second.parsed, second.reused) == ([], ["kent/bundle.zip"])
        assert (members(con), errors(con)) == (expected_members, expected_errors)
        assert con.execute("select count(*) from raw.inline_figures").fetchone() == (1,)
        make_zip(raw / "kent" / "bundle.zip", [("c.txt", b"SROs in force: 5\n")])
        third = ingest_incrementally(raw, con)
        assert third.parsed == ["kent/bundle.zip"]
        assert (members(con), errors(con)) == (
            [("kent/bundle.zip", "kent/bundle.zip", "c.txt", "txt")],
            [],
        )
        assert con.execute("select value_text from raw.inline_figures").fetchall() == [("5",)]
    finally:
        con.close()
