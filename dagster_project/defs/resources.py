"""The warehouse resource: where raw/ is, where a build writes, where it is published, and
the one-writer lock every run holds from its start to its end."""

from contextlib import ExitStack
from pathlib import Path

import dagster as dg
from dagster_dbt import DbtCliResource
from pydantic import PrivateAttr

from dagster_project import dbt_launcher, topics
from dagster_project.defs.dbt_project import dbt_project
from dagster_project.paths import build_path_for, default_raw_dir, default_warehouse
from dagster_project.warehouse import build_lock


class WarehouseResource(dg.ConfigurableResource):
    """Paths of one warehouse. Empty strings mean the FOI_RAW_DIR / FOI_WAREHOUSE defaults.

    While a run uses it, the run holds the warehouse's build lock (runs execute in one process,
    so the lock covers ingest, dbt and publication together); a second writer waits for it.
    """

    raw_dir: str = ""
    published_path: str = ""
    topic_path: str = ""
    """Extra folders of topic packs, colon-separated; empty means FOI_TOPIC_PATH."""
    lock_wait_seconds: float = 3600.0
    _lock: ExitStack = PrivateAttr(default_factory=ExitStack)

    def setup_for_execution(self, context: dg.InitResourceContext) -> None:
        log = context.log.info if context.log else print
        self._lock.enter_context(build_lock(self.build(), self.lock_wait_seconds, log))

    def teardown_after_execution(self, context: dg.InitResourceContext) -> None:
        self._lock.close()

    def raw(self) -> Path:
        return Path(self.raw_dir).resolve() if self.raw_dir else default_raw_dir()

    def topic_folders(self) -> list[Path]:
        """Where topic packs are read: topics/, then the extra folders."""
        return topics.search_path(self.topic_path or None)

    def published(self) -> Path:
        return Path(self.published_path).resolve() if self.published_path else default_warehouse()

    def build(self) -> Path:
        path = build_path_for(self.published())
        path.parent.mkdir(parents=True, exist_ok=True)
        return path


def make_resources(raw_dir: str = "", published_path: str = "") -> dict:
    """The resources every run uses. Empty paths mean the FOI_RAW_DIR / FOI_WAREHOUSE defaults;
    `foi build` names its own through the run's resource config (warehouse_run_config)."""
    return {
        "warehouse": WarehouseResource(raw_dir=raw_dir, published_path=published_path),
        "dbt": DbtCliResource(
            project_dir=dbt_project,
            profiles_dir=str(dbt_project.project_dir),
            # dbt as installed in this environment, through the launcher that answers
            # dagster-dbt's `--version` from package metadata (decision 1600).
            dbt_executable=dbt_launcher.dbt_executable(),
        ),
    }


def warehouse_run_config(raw_dir: Path, published: Path) -> dict:
    """Run config that points one run's warehouse resource at these paths (the CLI passes its
    options this way, never through the process's environment)."""
    return {"warehouse": {"config": {"raw_dir": str(raw_dir), "published_path": str(published)}}}
