"""Schedules and jobs: a weekly rebuild of everything from raw/."""


import dagster as dg

rebuild_everything = dg.define_asset_job(
    "rebuild_everything",
    selection=dg.AssetSelection.all(),
    description="Ingest every document under raw/, run dbt build, publish the warehouse.",
)

weekly_rebuild = dg.ScheduleDefinition(
    name="weekly_rebuild",
    job=rebuild_everything,
    cron_schedule="0 3 * * 1",  # Mondays 03:00
    execution_timezone="Europe/London",
    default_status=dg.DefaultScheduleStatus.RUNNING,
)
