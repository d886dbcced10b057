"""dbt/target keeps one folder per dbt run (~14 MB): a build prunes old ones."""

from __future__ import annotations

import os
import time
from pathlib import Path

from dagster_project.defs.transform import _prune_run_targets


def test_old_dbt_run_folders_are_pruned_but_recent_ones_kept(tmp_path: Path) -> None:
    day_ago = time.time() - 86400
    for number in range(6):
        run = tmp_path / f"foi_dbt_models-run{number}"
        (run / "run_results.json").parent.mkdir()
        (run / "run_results.json").write_text("{}")
        if number < 4:  # four from yesterday, run0 the oldest
            os.utime(run, (day_ago + number, day_ago + number))
    (tmp_path / "manifest.json").write_text("{}")  # not a run folder

    _prune_run_targets(tmp_path, keep=3)

    # The newest three stay, and so does anything from the last hour (run4, run5).
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "foi_dbt_models-run3",
        "foi_dbt_models-run4",
        "foi_dbt_models-run5",
        "manifest.json",
    ]
    _prune_run_targets(tmp_path, keep=1)
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "foi_dbt_models-run4",
        "foi_dbt_models-run5",
        "manifest.json",
    ]
