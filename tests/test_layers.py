"""The package's import graph: no cycles, and every module on one layer, importing only below.

The graph is read from the source with :mod:`ast`, so it holds every import of a
``disclosure_metrics`` module anywhere in a file: at module level, inside functions (the lazy
imports that keep ``parse`` free of pandas) and under ``if TYPE_CHECKING:``. None is left
out: a function-level import that closes a cycle is still a cycle (the modules cannot be
understood, tested or moved apart), and a type-only import still says which module knows
which.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator, Mapping
from pathlib import Path

from .conftest import ROOT

PACKAGE = ROOT / "src" / "disclosure_metrics"

# read → check → indicators → corpus → outputs → run: a module may import its own layer and
# the layers before it, never a later one.
LAYERS: list[tuple[str, list[str]]] = [
    (
        "read",  # files to Report objects, one or many, here or on a cluster; shared basics
        [
            "errors",
            "templates",
            "budget",
            "atomic",
            "agencies",
            "normalize",
            "numbers",
            "document",
            "readers",
            "tables",
            "sections",
            "narrative",
            "metadata",
            "ocr_review",
            "parse",
            "cache",
            "inputs",
            "ingest",
            "distributed",
        ],
    ),
    ("check", ["cells", "checks", "derive"]),
    ("indicators", ["indicators"]),
    (
        "corpus",  # the tables' schemas, their files (CSV/Parquet/XLSX, dataset), the Corpus
        ["frames", "export", "dataset", "corpus"],
    ),
    ("outputs", ["attention", "dashboard", "quarto_site", "site", "serve", "render"]),
    ("run", ["batch", "cli", "__init__", "__main__", "example_data", "narrative_score"]),
]


def module_name(path: Path) -> str:
    """``disclosure_metrics.readers.pdf`` for ``.../disclosure_metrics/readers/pdf.py``."""
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def imported(name: str, path: Path, known: Mapping[str, Path]) -> set[str]:
    """The package's modules that ``name`` imports, wherever in the file the import stands."""
    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                source = ".".join([*base, *([node.module] if node.module else [])])
            else:
                source = node.module or ""
            # `from . import templates` imports the module templates; `from .x import name`
            # imports x (a name that is not a module comes from x itself).
            submodules = [f"{source}.{a.name}" for a in node.names if f"{source}.{a.name}" in known]
            targets = submodules if len(submodules) == len(node.names) else [source, *submodules]
        else:
            continue
        for target in targets:
            # `import disclosure_metrics.readers.pdf` depends on that module, not its parents.
            while target and target not in known:
                target = target.rpartition(".")[0]
            if target and target != name:
                found.add(target)
    return found


def import_graph() -> dict[str, set[str]]:
    known = modules()
    return {name: imported(name, path, known) for name, path in known.items()}


def cycles(graph: Mapping[str, set[str]]) -> list[list[str]]:
    """One cycle (a path that returns to its start) per strongly connected group of modules.

    >>> cycles({"a": {"b"}, "b": {"a", "c"}, "c": set()})
    [['a', 'b', 'a']]
    """
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[set[str]] = []

    def visit(node: str) -> None:  # Tarjan's strongly connected components
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in sorted(graph.get(node, ())):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            group = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.add(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(group)

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(_cycle_in(graph, group) for group in groups)


def _cycle_in(graph: Mapping[str, set[str]], group: set[str]) -> list[str]:
    """A shortest cycle through the group's first module (breadth first, inside the group)."""
    start = min(group)
    paths = {start: [start]}
    queue = [start]
    for node in queue:
        for other in sorted(graph[node] & group):
            if other == start:
                return [*paths[node], start]
            if other not in paths:
                paths[other] = [*paths[node], other]
                queue.append(other)
    raise AssertionError(f"no cycle in {sorted(group)}")  # a strongly connected group has one


def _short(name: str) -> str:
    return name.removeprefix("disclosure_metrics.") if "." in name else "__init__"


def _layer_of() -> dict[str, int]:
    layer: dict[str, int] = {}
    for number, (_name, members) in enumerate(LAYERS):
        for member in members:
            assert member not in layer, f"{member} is on two layers"
            layer[member] = number
    return layer


def _top(name: str) -> str:
    """The layer entry of a module: ``readers.pdf`` sits with ``readers``."""
    return _short(name).split(".")[0]


def _edges(graph: Mapping[str, set[str]]) -> Iterator[tuple[str, str]]:
    for source, targets in sorted(graph.items()):
        for target in sorted(targets):
            yield source, target


def test_the_graph_sees_function_level_and_type_checking_imports() -> None:
    graph = import_graph()
    # cli imports site inside a function; dataset imports distributed under TYPE_CHECKING.
    assert "disclosure_metrics.site" in graph["disclosure_metrics.cli"]
    assert "disclosure_metrics.distributed" in graph["disclosure_metrics.dataset"]
    assert "disclosure_metrics.readers.ocr" in graph["disclosure_metrics.parse"]
    assert "disclosure_metrics.templates" in graph["disclosure_metrics.parse"]


def test_no_import_cycles() -> None:
    found = cycles(import_graph())
    assert not found, "import cycles:\n" + "\n".join(
        " -> ".join(_short(m) for m in cycle) for cycle in found
    )


def test_every_module_imports_only_its_layer_and_those_below() -> None:
    graph = import_graph()
    layer = _layer_of()
    unplaced = sorted({_top(m) for m in graph} - set(layer))
    assert not unplaced, f"modules on no layer (add them to LAYERS): {unplaced}"
    assert not sorted(set(layer) - {_top(m) for m in graph}), "LAYERS names a missing module"
    name = {module: LAYERS[layer[_top(module)]][0] for module in graph}
    upward = [
        f"{_short(s)} ({name[s]}) imports {_short(t)} ({name[t]})"
        for s, t in _edges(graph)
        if layer[_top(t)] > layer[_top(s)]
    ]
    assert not upward, "imports of a later layer:\n" + "\n".join(upward)


def test_no_module_binds_a_top_level_name_twice() -> None:
    # A second binding silently replaces the first for every caller (two patterns of one name
    # once made a reading use the other's words).
    twice = []
    for path in sorted((ROOT / "src" / "disclosure_metrics").rglob("*.py")):
        seen: set[str] = set()
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.Assign):
                names = [t.id for t in node.targets if isinstance(t, ast.Name)]
            elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
                names = [node.target.id]
            elif isinstance(node, (ast.FunctionDef, ast.ClassDef)):
                names = [node.name]
            else:
                continue
            twice.extend(f"{path.name}: {n}" for n in names if n in seen)
            seen.update(names)
    assert not twice, twice
