"""A small raw folder built for the comparison marts: the real seed disclosure beside three
synthetic text answers whose figures were chosen so every rate, bound, rank and change can be
worked out by hand (the expected values in the tests show the arithmetic)."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from tests.conftest import SEED_DOCUMENT, Query, build_warehouse

# Each document: (force folder, file name, sidecar fields, text). Tabs separate table cells.
DOCUMENTS = [
    (
        "staffordshire",
        "staffordshire_S1-23.txt",
        {"reference": "S1/23", "response_date": "2023-05-10"},
        "Freedom of Information\n\n"
        "1. How many people are on the Sex Offenders' Register, broken down into men and women?\n\n"
        "YEAR\tMale\tFemale\n"
        "2021 (as at 31/03/21)\t1,300\t50\n\n"
        "1a: How many breaches of the Sex Offenders' Register have been recorded in 2018-19; "
        "2019-20; 2022-23?\n\n"
        "Offence Title\t2018-19\t2019-20\t2022-23\n"
        "Fail to Comply with the Periodic Notification requirement\t<5\t20\t15\n"
        "Failure to comply with (Sexual Offence) Notification Order\t100\t110\t90\n",
    ),
    (
        "wiltshire",
        "wiltshire_W-77.txt",
        {"reference": "W-77", "response_date": "2020-02-01"},
        "Freedom of Information\n\n"
        "1. How many breaches of the Sex Offenders' Register have been recorded in 2018-19 and "
        "2019-20?\n\n"
        "Offence Title\t2018-19\t2019-20\n"
        "Fail to Comply with Notification of changes requirement\t30\t12\n",
    ),
    (
        "derbyshire",
        "derbyshire_D-12.txt",
        {"reference": "D-12", "response_date": "2019-06-01"},
        "Freedom of Information\n\n"
        "1. How many breaches of the Sex Offenders' Register have been recorded in 2017-18 and "
        "2018-19?\n\n"
        "Offence Title\t2017-18\t2018-19\n"
        "Failure to comply with (Sexual Offence) Notification Order\t40\t50\n",
    ),
]


def write_documents(raw: Path) -> None:
    """The seed (real) and the synthetic answers, each with its sidecar."""
    seed_dir = raw / "west-midlands"
    seed_dir.mkdir(parents=True)
    shutil.copy(SEED_DOCUMENT, seed_dir)
    shutil.copy(SEED_DOCUMENT.with_name("west-midlands_233A-22.meta.yml"), seed_dir)
    for force, name, sidecar, text in DOCUMENTS:
        folder = raw / force
        folder.mkdir(parents=True)
        (folder / name).write_text(text, encoding="utf-8")
        lines = ["# Synthetic: figures invented for tests/comparison.", "synthetic: true"]
        lines += [f'{key}: "{value}"' for key, value in {"force": force, **sidecar}.items()]
        (folder / name).with_suffix(".meta.yml").write_text("\n".join(lines) + "\n")


@pytest.fixture(scope="session")
def comparison_warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("comparison")
    write_documents(root / "raw")
    return build_warehouse(root / "raw", root / "warehouse" / "foi.duckdb")


@pytest.fixture(scope="session")
def comparison_query(comparison_warehouse: Path) -> Query:
    def run(sql: str) -> list[tuple]:
        with duckdb.connect(str(comparison_warehouse), read_only=True) as con:
            return con.execute(sql).fetchall()

    return run
