"""The apps form a directed graph without cycles, as the README draws it, and modules stay small.

The imports are read from the source (every `import` and `from … import`, also inside functions, so a
deferred import cannot hide a dependency), not from what happens to be loaded.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SKIPPED = {"migrations", "tests", "benchmarks", ".venv", "node_modules", "staticfiles"}
MAX_LINES = 400

# What each app may import; the same table is in the README ("Layout").
ALLOWED = {
    "core": set(),
    "catalogue": {"core"},
    "assessment": {"core", "catalogue"},
    "spreadsheets": {"core", "catalogue", "assessment"},
    "routekaart": {"core", "catalogue", "spreadsheets"},
    "website": {"core", "catalogue", "assessment", "spreadsheets", "routekaart"},
    "api": {"core", "catalogue", "assessment", "routekaart", "website"},
}


def apps():
    return sorted(path.parent.name for path in ROOT.glob("*/apps.py"))


def modules(app):
    for path in sorted((ROOT / app).rglob("*.py")):
        if not SKIPPED.intersection(path.relative_to(ROOT).parts):
            yield path


def imported_apps(path, known):
    """(app, line) for every import of another of our apps in the module."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        else:
            continue
        for name in names:
            top = name.split(".")[0]
            if top in known:
                yield top, node.lineno


def edges():
    """{(app, imported app): 'module.py:line' of the first import that makes the edge}."""
    known = set(apps())
    found = {}
    for app in known:
        for path in modules(app):
            for other, line in imported_apps(path, known):
                if other != app:
                    found.setdefault((app, other), f"{path.relative_to(ROOT)}:{line}")
    return found


def find_cycle(graph):
    """A list of apps that import each other in a circle, or None."""
    state = {}

    def visit(app, path):
        state[app] = "open"
        for other in sorted(graph.get(app, ())):
            if state.get(other) == "open":
                return [*path[path.index(other) :], other]
            if other not in state and (cycle := visit(other, [*path, other])):
                return cycle
        state[app] = "done"
        return None

    for app in sorted(graph):
        if app not in state and (cycle := visit(app, [app])):
            return cycle
    return None


def test_every_app_is_in_the_dependency_table():
    assert set(apps()) == set(ALLOWED)


def test_the_declared_dependencies_have_no_cycle():
    assert find_cycle(ALLOWED) is None


def test_apps_import_only_what_the_table_allows():
    wrong = [
        f"{app} imports {other} ({where}), which the table does not allow"
        for (app, other), where in sorted(edges().items())
        if other not in ALLOWED[app]
    ]
    assert not wrong, "\n".join(wrong)


def test_no_two_apps_import_each_other_in_a_circle():
    found = edges()
    graph = {}
    for app, other in found:
        graph.setdefault(app, set()).add(other)
    cycle = find_cycle(graph)
    assert cycle is None, "import cycle: " + ", ".join(
        f"{found[(a, b)]} imports {b}" for a, b in zip(cycle, cycle[1:], strict=False)
    )


def test_a_cycle_is_reported_with_the_modules_that_make_it():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}}
    assert find_cycle(graph) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None


@pytest.mark.parametrize("app", sorted(ALLOWED))
def test_modules_stay_small(app):
    large = [
        f"{path.relative_to(ROOT)} ({count} lines)"
        for path in modules(app)
        if (count := path.read_text(encoding="utf-8").count("\n")) > MAX_LINES
    ]
    assert not large, f"over {MAX_LINES} lines: " + ", ".join(large)
