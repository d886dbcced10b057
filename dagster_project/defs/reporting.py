"""Outputs downstream of the published warehouse: the static HTML report and the mart exports.

The assets are thin; the work is in `dagster_project.report` and `dagster_project.export`.
"""

import dagster as dg

from dagster_project.defs.resources import WarehouseResource
from dagster_project.export import export_marts
from dagster_project.report import build_report

PUBLISHED = ["warehouse", "published"]


@dg.asset(
    key=["report", "html"],
    group_name="outputs",
    deps=[PUBLISHED],
    kinds={"python", "html"},
    description="The static comparison report (report/index.html beside the warehouse): an index "
    "of forces, a page per force (every figure, its refusals, its unreadable files, a CSV of its "
    "facts), trend and ranking charts per measure with sources and quality warnings, official "
    "MAPPA figures beside the forces' own, a review page. Opens offline.",
)
def report_html(warehouse: WarehouseResource) -> dg.MaterializeResult:
    out_dir = warehouse.published().parent / "report"
    index = build_report(warehouse.published(), warehouse.raw(), out_dir)
    return dg.MaterializeResult(
        metadata={
            "path": dg.MetadataValue.path(str(index)),
            "bytes": index.stat().st_size,
            "charts": index.read_text(encoding="utf-8").count('<svg class="chart'),
            "force_pages": len(list((out_dir / "forces").glob("*.html"))),
        }
    )


def _export_asset(file_format: str) -> dg.AssetsDefinition:
    @dg.asset(
        key=["exports", file_format],
        group_name="outputs",
        deps=[PUBLISHED],
        kinds={"duckdb", file_format},
        description=f"Every mart as a {file_format.upper()} file (exports/{file_format}/ beside "
        "the warehouse); synthetic rows keep their is_synthetic flag.",
    )
    def export(warehouse: WarehouseResource) -> dg.MaterializeResult:
        out_dir = warehouse.published().parent / "exports" / file_format
        written = export_marts(warehouse.published(), out_dir, file_format)
        listing = "\n".join(
            ["| mart | file | bytes |", "|---|---|---|"]
            + [
                f"| {name} | {path.name} | {path.stat().st_size} |"
                for name, path in written.items()
            ]
        )
        return dg.MaterializeResult(
            metadata={
                "directory": dg.MetadataValue.path(str(out_dir)),
                "file_count": len(written),
                "files": dg.MetadataValue.md(listing),
            }
        )

    return export


exports_csv = _export_asset("csv")
exports_parquet = _export_asset("parquet")
OUTPUT_ASSETS = [report_html, exports_csv, exports_parquet]
