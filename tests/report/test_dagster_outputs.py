"""The outputs as Dagster assets: one real materialisation of the whole graph on the seed, then
the metadata the UI shows for the marts, the report and the exports."""

from __future__ import annotations

import shutil

import dagster as dg
import pytest

from dagster_project.definitions import ALL_ASSETS, defs
from dagster_project.defs.resources import make_resources
from tests.conftest import SEED_DOCUMENT


@pytest.fixture(scope="module")
def materialisations(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict]:
    root = tmp_path_factory.mktemp("dagster-outputs")
    raw = root / "raw" / "west-midlands"
    raw.mkdir(parents=True)
    shutil.copy(SEED_DOCUMENT, raw)
    shutil.copy(SEED_DOCUMENT.with_name("west-midlands_233A-22.meta.yml"), raw)
    result = dg.materialize(
        ALL_ASSETS,
        resources=make_resources(str(root / "raw"), str(root / "warehouse" / "foi.duckdb")),
        instance=dg.DagsterInstance.ephemeral(),
    )
    assert result.success
    return {
        event.asset_key.to_user_string(): event.materialization.metadata
        for event in result.get_asset_materialization_events()
    }


def test_mart_assets_carry_row_counts_and_a_markdown_preview(materialisations):
    metadata = materialisations["marts/fct_breaches_by_force_year"]
    # 5 financial years x 3 offence categories in the seed
    assert metadata["dagster/row_count"].value == 15
    preview = metadata["preview"].value
    assert preview.startswith("| force_id | force_name | financial_year | offence_category |")
    assert len(preview.splitlines()) == 2 + 5
    assert materialisations["marts/cmp_register_vs_mappa"]["dagster/row_count"].value == 2


def test_report_and_exports_are_materialised_downstream_of_the_published_warehouse(
    materialisations,
):
    # six measures in the seed (three breach categories, three stocks): a trend and a ranking each
    assert materialisations["report/html"]["charts"].value == 12
    assert (
        materialisations["exports/csv"]["file_count"].value
        == materialisations["exports/parquet"]["file_count"].value
    )
    assert materialisations["exports/csv"]["file_count"].value >= 9
    graph = defs.resolve_asset_graph()
    for key in (["report", "html"], ["exports", "csv"], ["exports", "parquet"]):
        assert graph.get(dg.AssetKey(key)).parent_keys == {dg.AssetKey(["warehouse", "published"])}
