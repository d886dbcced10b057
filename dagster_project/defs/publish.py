"""Publishing: the finished build replaces the published warehouse in one atomic rename.

It runs only when every mart was built and every dbt test of severity error passed in the same
run, or failed only on rows of documents the marts then left out (quarantine, decision 0600): a
failure that belongs to no document fails the dbt step, so this step never starts. Readers keep
the previous warehouse until then. It also writes the build's status file beside it.
"""

import dagster as dg
import duckdb

from dagster_project.build_state import note_publication
from dagster_project.build_status import write_status
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
    note_publication(path)
    con = duckdb.connect(str(path), read_only=True)
    try:
        status = write_status(path, con, stopped_by=[])
        quarantined = con.execute(
            "select count(distinct document_id) from marts.dq_quarantined_documents"
        ).fetchone()[0]
    finally:
        con.close()
    context.log.info("published %s", path)
    if quarantined:
        context.log.warning(
            "%d documents quarantined: see marts.dq_quarantined_documents", quarantined
        )
    return dg.MaterializeResult(
        metadata={
            "path": str(path),
            "bytes": path.stat().st_size,
            "status_file": str(status),
            "quarantined_documents": quarantined,
        }
    )
