"""dbt models, seeds and tests as Dagster assets and asset checks, keyed to the raw assets."""


import os
from collections.abc import Mapping
from typing import Any

import dagster as dg
from dagster_dbt import DagsterDbtTranslator, DbtCliResource, dbt_assets

from dagster_project.defs.dbt_project import dbt_project
from dagster_project.defs.resources import WarehouseResource


class FoiDbtTranslator(DagsterDbtTranslator):
    """Keys are [schema, name] (raw.documents, staging.stg_sections, marts.fct_...), so the
    sources land on the ingest assets' keys and the lineage is one connected graph."""

    def get_asset_key(self, dbt_resource_props: Mapping[str, Any]) -> dg.AssetKey:
        if dbt_resource_props["resource_type"] == "source":
            return dg.AssetKey([dbt_resource_props["source_name"], dbt_resource_props["name"]])
        return dg.AssetKey([dbt_resource_props["schema"], dbt_resource_props["name"]])

    def get_group_name(self, dbt_resource_props: Mapping[str, Any]) -> str | None:
        if dbt_resource_props["resource_type"] == "seed":
            return "reference"
        return dbt_resource_props.get("schema")


@dbt_assets(manifest=dbt_project.manifest_path, dagster_dbt_translator=FoiDbtTranslator())
def foi_dbt_models(
    context: dg.AssetExecutionContext, dbt: DbtCliResource, warehouse: WarehouseResource
):
    """`dbt build`: seeds, models and their data and unit tests (tests become asset checks)."""
    os.environ["FOI_BUILD_DB"] = str(warehouse.build())
    yield from dbt.cli(["build"], context=context).stream()
