"""The dbt project as Dagster sees it. The manifest is prepared by `foi prepare` (or on load by
`dagster dev`), never parsed at import time in a deployed location."""

import os

from dagster_dbt import DbtProject

from dagster_project.dbt_manifest import prepare
from dagster_project.paths import DBT_DIR

dbt_project = DbtProject(project_dir=DBT_DIR, profiles_dir=DBT_DIR)
# dagster-dbt's own prepare_if_dev shells out to a `dbt` found on PATH, which an unactivated
# venv does not put there; `foi prepare` runs the dbt installed beside this code instead.
if os.environ.get("DAGSTER_IS_DEV_CLI"):
    prepare(quiet=True)
