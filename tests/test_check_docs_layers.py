"""The toolkit's layers only point down (ARCHITECTURE.md), read from its imports with ``ast``:
no import cycle, pages/ knows nothing of translations, the translator tools sit above the runner."""

from __future__ import annotations

import ast
from pathlib import Path

import transdocs

PACKAGE = Path(transdocs.__file__).resolve().parent


def _module(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _typing_only(tree: ast.Module) -> set[int]:
    """ids of the nodes inside ``if TYPE_CHECKING:`` blocks (imports for annotations, never run)."""
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING":
            skipped.update(id(inner) for child in node.body for inner in ast.walk(child))
    return skipped


def import_graph() -> dict[str, set[str]]:
    """Every toolkit module -> the toolkit modules it imports when it runs (at the top or in a function;
    ``if TYPE_CHECKING:`` imports are annotations and are left out)."""
    modules = {_module(path): path for path in PACKAGE.rglob("*.py")}
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        typing_only = _typing_only(tree)
        for node in ast.walk(tree):
            if id(node) in typing_only:
                continue
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                for alias in node.names:
                    target = f"{node.module}.{alias.name}"
                    if target in modules or node.module in modules:
                        graph[name].add(target if target in modules else node.module)
            elif isinstance(node, ast.Import):
                graph[name].update(alias.name for alias in node.names if alias.name in modules)
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan), each a cycle of imports."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in graph[node]:
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in graph:
        if node not in index:
            visit(node)
    return found


def _imports_of(package: str, graph: dict[str, set[str]]) -> set[str]:
    return {target for name, targets in graph.items() if name.startswith(f"transdocs.{package}") for target in targets}


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_the_toolkit_has_no_import_cycle() -> None:
    graph = import_graph()
    assert len(graph) > 50
    assert cycles(graph) == []


def test_pages_and_languages_know_nothing_above_them() -> None:
    graph = import_graph()
    above = ("translations", "statements", "tools", "runner", "checks", "site", "align", "values", "project")
    assert not {t for t in _imports_of("pages", graph) if t.split(".")[1] in above}
    assert not {t for t in _imports_of("languages", graph) if t.split(".")[1] in (*above, "pages")}


def test_the_translator_tools_sit_above_the_runner() -> None:
    graph = import_graph()
    users = {name for name, targets in graph.items() if any(t.startswith("transdocs.tools") for t in targets)}
    assert {name.split(".")[1] for name in users} <= {"tools", "site", "cli"}
    assert "transdocs.batch" in _imports_of("tools", graph)  # check_paths: discovery, then the runner


def _top_level_imports(path: Path) -> set[str]:
    """The toolkit modules a module imports when it is imported (not inside its functions)."""
    found = set()
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("transdocs"):
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name.startswith("transdocs"))
    return found


def test_checks_declare_kinds_import_only_their_declaration_and_run_on_what_is_below() -> None:
    """A check module costs nothing to list (``--list-kinds``): at the top it imports only
    ``transdocs.checks``; its ``run`` imports its implementation when called, from below the runner."""
    checks = sorted((PACKAGE / "checks").glob("*.py"))
    assert len(checks) > 10
    for path in checks:
        assert _top_level_imports(path) <= {"transdocs.checks"}, path.name
    above = {"transdocs.runner", "transdocs.batch", "transdocs.cli", "transdocs.page_cache", "transdocs.project"}
    used = _imports_of("checks", import_graph())
    assert not {t for t in used if t in above or t.split(".")[1] in ("tools", "site")}


def test_every_check_module_has_a_run_or_a_finish_and_the_report_names_its_kind() -> None:
    from transdocs.checks import units
    from transdocs.report import findings

    assert all(unit.run is not None or unit.finish is not None for unit in units())
    named = {value for name, value in vars(findings).items() if name.isupper() and isinstance(value, str)}
    assert named <= {unit.check.kind for unit in units()}
