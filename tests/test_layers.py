"""The imports between packages follow the layers of docs/architecture.md, without circles.

The rules are written once, in the ``layers`` block of docs/architecture.md: one layer per line,
highest first; a package may import the packages of lower layers (``store: model, errors``
narrows it to those). Every module of src/definiens is parsed with ``ast``, imports inside
functions and ``TYPE_CHECKING`` blocks included.
"""

from __future__ import annotations

import ast
import re
from collections import defaultdict
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src"
PACKAGE = SRC / "definiens"
ARCHITECTURE = ROOT / "docs" / "architecture.md"


def parse_layers(text: str) -> dict[str, set[str]]:
    """Each package and the packages it may import, from the ``layers`` block of ``text``."""
    block = re.search(r"```layers\n(.*?)```", text, re.S)
    assert block is not None, "docs/architecture.md has no ```layers block"
    rows: list[tuple[list[str], set[str] | None]] = []
    for line in block.group(1).splitlines():
        if not line.strip():
            continue
        names, _, only = line.partition(":")
        narrowed = {n.strip() for n in only.split(",")} if only.strip() else None
        rows.append(([n.strip() for n in names.split(",")], narrowed))
    allowed: dict[str, set[str]] = {}
    for i, (names, narrowed) in enumerate(rows):
        below = {name for lower, _ in rows[i + 1 :] for name in lower}
        for name in names:
            allowed[name] = below if narrowed is None else narrowed
    return allowed


def package_of(module: str) -> str:
    """The package a module belongs to: ``definiens.define.stage`` -> ``define``; the package
    root is ``definiens``, ``__main__`` belongs to ``cli``."""
    parts = module.split(".")
    if len(parts) == 1:
        return "definiens"
    return "cli" if parts[1] == "__main__" else parts[1]


def module_name(path: Path) -> str:
    parts = path.relative_to(SRC).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _exists(module: str) -> bool:
    path = SRC.joinpath(*module.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def imports_of(path: Path) -> set[str]:
    """The definiens modules ``path`` imports, wherever the import statement stands."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, *([base] if base else [])])
            for alias in node.names:  # "from definiens import errors" imports a module
                child = f"{base}.{alias.name}"
                found.add(child if _exists(child) else base)
    return {m for m in found if m == "definiens" or m.startswith("definiens.")}


def all_imports() -> dict[str, set[str]]:
    return {module_name(p): imports_of(p) for p in sorted(PACKAGE.rglob("*.py"))}


def violations(imports: dict[str, set[str]], allowed: dict[str, set[str]]) -> set[tuple[str, str]]:
    """Every (module, imported module) pair that crosses packages against the rules."""
    bad = set()
    for module, targets in imports.items():
        source = package_of(module)
        for target in targets:
            wanted = package_of(target)
            if wanted != source and wanted not in allowed.get(source, set()):
                bad.add((module, target))
    return bad


def circles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The circles of a directed graph (one per strongly connected group of nodes)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in sorted(edges.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def package_edges(imports: dict[str, set[str]]) -> dict[str, set[str]]:
    edges: dict[str, set[str]] = defaultdict(set)
    for module, targets in imports.items():
        for target in targets:
            if package_of(module) != package_of(target):
                edges[package_of(module)].add(package_of(target))
    return edges


@pytest.fixture(scope="module")
def allowed() -> dict[str, set[str]]:
    return parse_layers(ARCHITECTURE.read_text(encoding="utf-8"))


def test_every_package_has_a_layer(allowed: dict[str, set[str]]) -> None:
    packages = {package_of(module_name(p)) for p in PACKAGE.rglob("*.py")}
    assert packages - set(allowed) == set()


def test_imports_between_packages_follow_the_layers(allowed: dict[str, set[str]]) -> None:
    bad = violations(all_imports(), allowed)
    assert sorted(bad) == []


def test_no_circle_between_packages() -> None:
    assert circles(package_edges(all_imports())) == []


def test_the_checks_can_fail(allowed: dict[str, set[str]]) -> None:
    """An upward import, a narrowed package's import and a circle are all caught."""
    imports = {
        "definiens.ingest.files": {"definiens.pipeline"},
        "definiens.store.database": {"definiens.ingest"},
        "definiens.define.stage": {"definiens.formulas"},
    }
    assert violations(imports, allowed) == {
        ("definiens.ingest.files", "definiens.pipeline"),
        ("definiens.store.database", "definiens.ingest"),
    }
    assert circles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_function_local_and_relative_imports_are_seen(tmp_path: Path) -> None:
    assert "definiens.define" in imports_of(PACKAGE / "pipeline.py")  # inside default_stages
    assert "definiens.errors" in imports_of(PACKAGE / "web" / "workers.py")  # from definiens import
