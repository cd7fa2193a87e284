"""The project's modules import one another without a circle, and the core stays Qt-free.

Every `import` counts, at module level or inside a function, under TYPE_CHECKING too: a
circle that only type hints close is still two modules that cannot be understood apart.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("forms", "pathways", "i18n", "cases", "summary", "cli", "gui")


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def project_modules() -> dict[str, Path]:
    modules = {"main": ROOT / "main.py"}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            modules[module_name(path)] = path
    return modules


def imports_of(path: Path, name: str, known: set[str]) -> set[str]:
    """The project modules `path` imports (a package's own modules count as the package's)."""
    found: set[str] = set()
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{parent}.{base}" if base else parent
            targets = [base] + [f"{base}.{alias.name}" for alias in node.names]
        for target in targets:
            while target and target not in known:
                target = target.rpartition(".")[0]
            if target and target != name:
                found.add(target)
    return found


def graph() -> dict[str, set[str]]:
    modules = project_modules()
    known = set(modules)
    return {name: imports_of(path, name, known) for name, path in modules.items()}


def find_cycle(edges: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(edges.get(node, ())):
            if state.get(nxt) == 1:
                return [*path[path.index(nxt) :], nxt]
            if nxt not in state and (cycle := visit(nxt)):
                return cycle
        path.pop()
        state[node] = 2
        return None

    for node in sorted(edges):
        if node not in state and (cycle := visit(node)):
            return cycle
    return None


def test_the_finder_sees_a_circle() -> None:
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None


def test_no_module_imports_itself_round_a_circle() -> None:
    edges = graph()
    assert edges.get("gui.main_window"), "the graph was read"
    packages_only = {
        name: {target for target in targets if not name.startswith(target + ".")}
        for name, targets in edges.items()
    }
    cycle = find_cycle(packages_only)
    assert cycle is None, " -> ".join(cycle or [])


def test_the_core_imports_no_qt_and_nothing_above_it() -> None:
    for name, path in project_modules().items():
        if name.split(".")[0] not in ("forms", "pathways"):
            continue
        text = path.read_text(encoding="utf-8")
        assert "PySide6" not in text, name
        for target in imports_of(path, name, set(project_modules())):
            assert target.split(".")[0] in ("forms", "pathways", "i18n"), (name, target)
