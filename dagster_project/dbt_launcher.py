"""`foi-dbt`: the dbt executable the dbt step runs (DbtCliResource's public `dbt_executable`).

It is dbt itself (`dbt.cli.main:cli`, what the `dbt` script runs) with one difference:
`foi-dbt --version` answers from the installed packages' metadata, in dbt's own words. dagster-
dbt asks `<dbt_executable> --version` once in every run before it starts dbt; dbt answers that
by importing itself and asking PyPI for the latest release, 3-4 s and a network call on the
critical path of every build (decision 1600). Anything else goes to dbt unchanged.
"""

from __future__ import annotations

import logging
import sys
import sysconfig
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

LAUNCHER = "foi-dbt"


def dbt_executable(scripts: Path | None = None) -> str:
    """The executable the dbt step runs: `foi-dbt` beside this Python (a venv works without
    being activated: dagster dev's code server may run with a resolved sys.executable). An
    install made before `foi-dbt` existed (a venv kept from an older checkout: `foi` is there,
    `foi-dbt` is not) runs dbt's own script instead, so every build still runs, at the cost of
    dbt's own `--version`."""
    folder = scripts or Path(sysconfig.get_path("scripts"))
    launcher = folder / LAUNCHER
    if launcher.exists():
        return str(launcher)
    logging.getLogger(__name__).warning(
        "%s is not installed: dbt runs as %s, a few seconds slower a build "
        "(reinstall the package: make install)",
        launcher,
        folder / "dbt",
    )
    return str(folder / "dbt")


def version_text() -> str:
    """What `dbt --version` prints of the installed versions, without the latest releases."""
    lines = ["Core:", f"  - installed: {version('dbt-core')}", "", "Plugins:"]
    for plugin in ("dbt-duckdb",):
        try:
            lines.append(f"  - {plugin.removeprefix('dbt-')}: {version(plugin)}")
        except PackageNotFoundError:
            continue
    return "\n".join(lines)


def main() -> int:
    if sys.argv[1:] == ["--version"]:
        print(version_text())
        return 0
    from dbt.cli.main import cli

    return cli()


if __name__ == "__main__":
    sys.exit(main())
