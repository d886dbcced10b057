"""The Dagster code location: everything under defs/."""

import dagster as dg

from dagster_project.defs.automation import (
    raw_documents_sensor,
    rebuild_everything,
    weekly_rebuild,
)
from dagster_project.defs.ingestion import document_parses, raw_files, raw_tables
from dagster_project.defs.publish import published_warehouse
from dagster_project.defs.reporting import OUTPUT_ASSETS
from dagster_project.defs.resources import make_resources
from dagster_project.defs.transform import document_changes_table, foi_dbt_models, quarantine_table

ALL_ASSETS = [raw_files, raw_tables, foi_dbt_models, published_warehouse, *OUTPUT_ASSETS]

defs = dg.Definitions(
    assets=[*ALL_ASSETS, document_parses, document_changes_table, quarantine_table],
    jobs=[rebuild_everything],
    schedules=[weekly_rebuild],
    sensors=[raw_documents_sensor],
    resources=make_resources(),
    # One process per run: the run's build lock then covers ingest, dbt and publication.
    executor=dg.in_process_executor,
)
