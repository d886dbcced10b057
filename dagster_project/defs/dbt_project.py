"""The dbt project as Dagster sees it. The manifest is prepared by `foi prepare` (or by
`dagster dev`), never parsed at import time in a deployed location."""

from dagster_dbt import DbtProject

from dagster_project.paths import DBT_DIR

dbt_project = DbtProject(project_dir=DBT_DIR, profiles_dir=DBT_DIR)
dbt_project.prepare_if_dev()
