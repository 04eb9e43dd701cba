"""The house: stages are subpackages, imports run one way, modules stay small.

read ← judge ← site ← publish ← edges (the CLI, the tools and the mkdocs plugin): a module may
import its own stage and the stages before it, never one after it. A stage that needs a later
one's work gets it as a plain value from its caller. ``documents`` (the staff documents) sits
beside ``site``: both read the judged campaign, neither imports the other.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "generator"
LAYERS = ("read", "judge", "site", "documents", "publish", "edges")
# site and documents are siblings: the same rank, and neither may import the other
RANK = {"read": 0, "judge": 1, "site": 2, "documents": 2, "publish": 3, "edges": 4}
EDGE_PACKAGES = ("cli", "tools")
EDGE_MODULES = ("mkdocs_plugin", "__main__", "__init__")
MAX_LINES = 400


def _layer(module: str) -> str:
    """``generator.site.views`` → ``site``; the CLI, tools and plugin are edges."""
    parts = module.split(".")
    if len(parts) < 2 or parts[1] in EDGE_PACKAGES or parts[1] in EDGE_MODULES:
        return "edges"
    return parts[1]


def _module_name(path: Path, package: Path = PACKAGE) -> str:
    rel = path.relative_to(package.parent).with_suffix("")
    return ".".join(rel.parts)


def _imports(path: Path, package_dir: Path = PACKAGE) -> list[tuple[int, str]]:
    """Every ``generator.*`` module ``path`` imports (relative imports resolved)."""
    name = _module_name(path, package_dir)
    package = name.split(".")[:-1] if path.name != "__init__.py" else name.split(".")
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package[: len(package) - node.level + 1] + ([base] if base else []))
            found += [(node.lineno, f"{base}.{a.name}") for a in node.names]
    return [(line, m) for line, m in found if m.split(".")[0] == "generator"]


def _modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def _stage_of(imported: str) -> str:
    """The stage of an imported name (``generator.site`` alone counts as the site stage)."""
    parts = imported.split(".")
    if len(parts) >= 2 and parts[1] in LAYERS[:-1]:
        return parts[1]
    return "edges"


def backward_imports(paths: list[Path], package: Path = PACKAGE) -> list[tuple[str, int, str]]:
    """(module, line, imported) for every import of a later stage."""
    bad = []
    for path in paths:
        name = _module_name(path, package)
        layer = _layer(name)
        for line, imported in _imports(path, package):
            stage = _stage_of(imported)
            if RANK[stage] > RANK[layer] or (RANK[stage] == RANK[layer] and stage != layer):
                bad.append((name, line, imported))
    return bad


def test_every_module_lives_in_a_stage():
    loose = [
        _module_name(p) for p in _modules() if p.parent == PACKAGE and p.stem not in EDGE_MODULES
    ]
    assert loose == []
    stages = {p.name for p in PACKAGE.iterdir() if (p / "__init__.py").exists()}
    assert stages == {*LAYERS[:-1], *EDGE_PACKAGES}


def test_imports_run_one_way():
    assert backward_imports(_modules()) == []


def test_the_check_catches_an_import_that_runs_back_up(tmp_path: Path) -> None:
    # Planted in a copy of the package layout, never in the package other tests scan.
    package = tmp_path / "generator"
    (package / "read").mkdir(parents=True)
    (package / "judge").mkdir()
    absolute = package / "read" / "planted.py"
    absolute.write_text("from generator.site.views import build_views\n", encoding="utf-8")
    relative = package / "judge" / "planted.py"
    relative.write_text("from ..publish import csp\n", encoding="utf-8")
    (package / "documents").mkdir()
    sibling = package / "documents" / "planted.py"
    sibling.write_text("from generator.site.projection import build_views\n", encoding="utf-8")
    assert backward_imports([absolute, relative, sibling], package) == [
        ("generator.read.planted", 1, "generator.site.views.build_views"),
        ("generator.judge.planted", 1, "generator.publish.csp"),
        ("generator.documents.planted", 1, "generator.site.projection.build_views"),
    ]


@pytest.mark.parametrize("path", _modules(), ids=_module_name)
def test_no_module_is_over_about_400_lines(path):
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{_module_name(path)}: {lines} lines"
