"""The layout's rules, checked on the real import graph (import-linter checks the layers).

A cycle anywhere, also between a package and its own modules, fails here with the modules
that form it.
"""

from __future__ import annotations

import ast
from pathlib import Path

import grimp
import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "csm_check"


@pytest.fixture(scope="module")
def graph() -> grimp.ImportGraph:
    return grimp.build_graph("csm_check", cache_dir=None)


def test_there_is_no_import_cycle(graph: grimp.ImportGraph) -> None:
    cycles = []
    for importer in sorted(graph.modules):
        for imported in graph.find_modules_directly_imported_by(importer):
            if imported != importer and graph.chain_exists(imported=importer, importer=imported):
                back = graph.find_shortest_chain(importer=imported, imported=importer)
                cycles.append(" -> ".join([importer, *(back or ())]))
    assert cycles == []


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module.split(".")[0])
    return found


def _outside(*packages: str) -> list[Path]:
    return [
        path
        for path in sorted(PACKAGE.rglob("*.py"))
        if path.relative_to(PACKAGE).parts[0] not in packages
    ]


def test_only_the_cli_imports_typer() -> None:
    offenders = [p.name for p in _outside("cli") if {"typer", "click"} & _imports(p)]
    assert offenders == []


def test_only_cli_interview_and_render_import_rich() -> None:
    offenders = [p.name for p in _outside("cli", "interview", "render") if "rich" in _imports(p)]
    assert offenders == []


def test_the_scan_sees_the_modules_it_checks() -> None:
    # Guards the two tests above against an empty scan.
    assert "typer" in _imports(PACKAGE / "cli" / "__init__.py")
    assert "rich" in _imports(PACKAGE / "render" / "console.py")
    assert len(_outside("cli", "interview", "render")) > 15


def test_every_package_says_what_it_owns_and_may_import() -> None:
    for init in sorted(PACKAGE.glob("*/__init__.py")):
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
        assert doc and "import" in doc, init.parent.name
