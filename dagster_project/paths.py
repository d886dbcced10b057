"""Where things live: the project root, raw/, the dbt project and the warehouse files."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DBT_DIR = PROJECT_ROOT / "dbt"


def default_raw_dir() -> Path:
    return Path(os.environ.get("FOI_RAW_DIR", PROJECT_ROOT / "raw")).resolve()


def default_warehouse() -> Path:
    return Path(
        os.environ.get("FOI_WAREHOUSE", PROJECT_ROOT / "warehouse" / "foi.duckdb")
    ).resolve()


def build_path_for(published: Path) -> Path:
    """The private file a build writes; readers only ever see the published one."""
    return published.parent / ".build" / published.name
