"""Publishing: the finished build replaces the published warehouse in one atomic rename.

It runs only when every mart was built and every dbt test of severity error passed in the same
run (a failed test fails the dbt step, so this step never starts); readers keep the previous
warehouse until then.
"""

import dagster as dg

from dagster_project.defs.resources import WarehouseResource
from dagster_project.defs.transform import foi_dbt_models
from dagster_project.warehouse import publish

MART_KEYS = sorted(
    (key for key in foi_dbt_models.keys if key.path[0] == "marts"), key=lambda k: k.path
)


@dg.asset(
    key=["warehouse", "published"],
    group_name="publish",
    deps=MART_KEYS,
    kinds={"duckdb"},
    description="The published warehouse/foi.duckdb that `foi query` and other readers open "
    "read-only. Replaced atomically, only after a whole build has succeeded.",
)
def published_warehouse(
    context: dg.AssetExecutionContext, warehouse: WarehouseResource
) -> dg.MaterializeResult:
    path = publish(warehouse.build(), warehouse.published())
    context.log.info("published %s", path)
    return dg.MaterializeResult(metadata={"path": str(path), "bytes": path.stat().st_size})
