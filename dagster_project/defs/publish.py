"""Publishing: the finished build replaces the published warehouse in one atomic rename."""


import dagster as dg

from dagster_project.defs.resources import WarehouseResource
from dagster_project.warehouse import publish

MART_KEYS = [
    ["marts", name]
    for name in (
        "fct_disclosed_figures",
        "fct_breaches_by_force_year",
        "fct_register_by_force_year",
        "dq_total_mismatches",
        "dq_unclassified",
        "dq_conflicting_figures",
        "dq_section_mismatches",
        "force_coverage",
    )
]


@dg.asset(
    key=["warehouse", "published"],
    group_name="publish",
    deps=MART_KEYS,
    kinds={"duckdb"},
    description="The published warehouse/foi.duckdb that `foi query` and other readers open "
    "read-only. Replaced atomically, only after a whole build has succeeded.",
)
def published_warehouse(warehouse: WarehouseResource) -> dg.MaterializeResult:
    path = publish(warehouse.build(), warehouse.published())
    return dg.MaterializeResult(
        metadata={"path": str(path), "bytes": path.stat().st_size}
    )
