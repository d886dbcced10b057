"""The project stands on dagster's and dagster-dbt's public APIs (decision 1100): no module of
dagster_project/ or tests/ imports a private (`_`-prefixed) name of theirs, reads one off their
modules or classes, or overrides one in a subclass. An upgrade then breaks only what the
libraries announce."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from dagster_project.paths import PROJECT_ROOT

CHECKED_FOLDERS = ("dagster_project", "tests")
# dagster itself and its integration libraries (dagster_dbt, dagster_webserver, ...).
LIBRARY = "dagster"
OWN_PACKAGE = "dagster_project"


def is_private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def is_library_module(module: str) -> bool:
    top = module.split(".")[0]
    return top.startswith(LIBRARY) and top != OWN_PACKAGE


def private_uses(source: str) -> list[str]:
    """Each private use of a dagster library in this module's source, as `line: what`."""
    tree = ast.parse(source)
    found: list[str] = []
    # Local names bound to a dagster module or to a name imported from one (`dg`, `DbtCliResource`).
    library_names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if not is_library_module(alias.name):
                    continue
                if any(is_private(part) for part in alias.name.split(".")):
                    found.append(f"{node.lineno}: import {alias.name}")
                library_names.add(alias.asname or alias.name.split(".")[0])
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if not is_library_module(node.module):
                continue
            if any(is_private(part) for part in node.module.split(".")):
                found.append(f"{node.lineno}: from {node.module} import ...")
            for alias in node.names:
                if is_private(alias.name):
                    found.append(f"{node.lineno}: from {node.module} import {alias.name}")
                library_names.add(alias.asname or alias.name)
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Attribute)
            and is_private(node.attr)
            and _root_name(node.value) in library_names
        ):
            found.append(f"{node.lineno}: {ast.unparse(node)}")
        elif isinstance(node, ast.ClassDef) and any(
            _root_name(base) in library_names for base in node.bases
        ):
            for item in node.body:
                if isinstance(item, ast.FunctionDef | ast.AsyncFunctionDef) and is_private(
                    item.name
                ):
                    found.append(f"{item.lineno}: {node.name}.{item.name} overrides a private name")
    return found


def _root_name(node: ast.expr) -> str | None:
    while isinstance(node, ast.Attribute | ast.Call | ast.Subscript):
        node = node.func if isinstance(node, ast.Call) else node.value
    return node.id if isinstance(node, ast.Name) else None


def checked_files() -> list[Path]:
    return sorted(p for folder in CHECKED_FOLDERS for p in (PROJECT_ROOT / folder).rglob("*.py"))


def test_no_module_uses_a_private_name_of_dagster_or_dagster_dbt() -> None:
    files = checked_files()
    assert len(files) > 50, "the walk found too few files: is PROJECT_ROOT right?"
    uses = {
        str(path.relative_to(PROJECT_ROOT)): found
        for path in files
        if (found := private_uses(path.read_text(encoding="utf-8")))
    }
    assert uses == {}


@pytest.mark.parametrize(
    "source",
    [
        "from dagster._core.errors import DagsterError",
        "from dagster_dbt.core._private import thing",
        "import dagster._check as check",
        "from dagster import _check",
        "import dagster as dg\ndg._check.not_none(1)",
        "from dagster_dbt import DbtCliResource\nDbtCliResource._cli_version",
        "from dagster_dbt import DbtCliResource\n"
        "class Fast(DbtCliResource):\n    def _initialize_dbt_core_adapter(self, args):\n"
        "        return None",
        "import dagster_dbt\nclass T(dagster_dbt.DagsterDbtTranslator):\n    def _x(self): ...",
    ],
)
def test_each_kind_of_private_use_is_caught(source: str) -> None:
    assert private_uses(source), source


@pytest.mark.parametrize(
    "source",
    [
        "import dagster as dg\nx = dg.AssetKey(['a'])",
        "from dagster_dbt import DbtCliResource\nclass R(DbtCliResource):\n    def cli(self): ...",
        "from dagster_project import _helpers\n_helpers._x()",
        "import dagster as dg\nclass Out(dg.Config):\n    def __init__(self): ...",
    ],
)
def test_public_uses_and_our_own_private_names_pass(source: str) -> None:
    assert private_uses(source) == []
