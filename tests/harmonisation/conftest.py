"""One real build (ingest, dbt with its tests, publish) of the synthetic hazard corpus, shared by
every harmonisation test."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import Query, _querier, build_warehouse, shared_folder
from tests.harmonisation.corpus import write_corpus


@pytest.fixture(scope="session")
def hazard_warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    def make(root: Path) -> None:
        build_warehouse(write_corpus(root / "raw"), root / "warehouse" / "foi.duckdb")

    return shared_folder(tmp_path_factory, "hazards", make) / "warehouse" / "foi.duckdb"


@pytest.fixture(scope="session")
def hazards(hazard_warehouse: Path) -> Query:
    return _querier(hazard_warehouse)
