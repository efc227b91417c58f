"""The package's structure: no import cycles, each layer imports only below it, public APIs.

Every import statement of ``src/themesift`` counts, including those inside
functions and under ``TYPE_CHECKING``: a cycle hidden in a function is still a
cycle.  The layers, lowest first, are the ones the README's layout section
shows; a new module must be given a layer here.
"""

from __future__ import annotations

import ast
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = SRC / "themesift"

# Lowest first.  A module may import from its own layer or any layer below it.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("errors", "version"),
    ("config",),
    ("types",),
    ("fsutil", "progress", "cells"),
    ("qda",),
    ("nlp",),
    ("ingest",),
    ("clean",),
    ("embed",),
    ("sentiment",),
    ("themes",),
    ("model",),
    ("survey",),
    ("report",),
    ("tagging",),
    ("evaluate",),
    ("project",),
    ("pipeline",),
    ("results",),
    ("coding", "api"),
    ("cli", "__main__", "ui", "spacy_worker", "__init__"),
)
SUBPACKAGES = ("qda", "nlp", "ingest", "clean", "embed", "sentiment", "themes", "model",
               "survey", "report", "tagging", "evaluate", "project", "ui")


def module_name(path: Path, base: Path = SRC) -> str:
    parts = list(path.relative_to(base).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def modules(root: Path = PACKAGE) -> dict[str, Path]:
    """Module name -> file, for the package at ``root`` (a folder named themesift)."""
    return {module_name(p, root.parent): p for p in sorted(root.rglob("*.py"))}


def public_names(init: Path) -> set[str]:
    """The names in a package's ``__all__``."""
    for node in ast.parse(init.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and any(
                isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets):
            return set(ast.literal_eval(node.value))
    return set()


def imports(path: Path, known: dict[str, Path]) -> Iterator[tuple[str, str, int]]:
    """(imported module, imported name or "", line) of every themesift import in ``path``.

    ``from pkg import name`` imports the package when ``name`` is in its ``__all__``
    (``from themesift.themes import assign``: the function), else the submodule
    ``pkg.name`` when there is one (``from themesift.report import office``).
    """
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == "themesift":
                    yield alias.name, "", node.lineno
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module.split(".")[0] != "themesift":
                continue
            package = known.get(node.module)
            exported = public_names(package) if package and package.name == "__init__.py" \
                else set()
            for alias in node.names:
                sub = f"{node.module}.{alias.name}"
                if sub in known and alias.name not in exported:
                    yield sub, "", node.lineno
                else:
                    yield node.module, alias.name, node.lineno


def graph(root: Path = PACKAGE) -> dict[str, set[str]]:
    found = modules(root)
    return {name: {target for target, _, _ in imports(path, found) if target in found}
            for name, path in found.items()}


def find_cycle(edges: dict[str, set[str]]) -> list[str] | None:
    """One import cycle (first module repeated at the end), or None."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(edges.get(node, ())):
            if state.get(nxt) == 1:
                return path[path.index(nxt):] + [nxt]
            if nxt not in state and (cycle := visit(nxt)) is not None:
                return cycle
        path.pop()
        state[node] = 2
        return None

    for start in sorted(edges):
        if start not in state and (cycle := visit(start)) is not None:
            return cycle
    return None


def room(module: str) -> str:
    """The top-level room of a module: 'clean' for themesift.clean.redact, '__init__' for
    the package itself."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def layer(module: str) -> int:
    for i, rooms in enumerate(LAYERS):
        if room(module) in rooms:
            return i
    raise AssertionError(f"{module} has no layer: add its room to LAYERS in {__file__}")


def test_there_is_no_import_cycle() -> None:
    cycle = find_cycle(graph())
    assert cycle is None, "import cycle: " + " -> ".join(cycle or [])


def test_no_module_imports_from_a_layer_above_it() -> None:
    edges = graph()
    wrong = [f"{a} imports {b}" for a, targets in sorted(edges.items()) for b in sorted(targets)
             if layer(b) > layer(a)]
    assert not wrong, "\n".join(wrong)


def test_every_subpackage_names_its_public_api() -> None:
    for sub in SUBPACKAGES:
        tree = ast.parse((PACKAGE / sub / "__init__.py").read_text(encoding="utf-8"))
        names = {t.id for node in tree.body if isinstance(node, ast.Assign)
                 for t in node.targets if isinstance(t, ast.Name)}
        assert "__all__" in names or sub == "ui", f"themesift.{sub} has no __all__"


def test_nothing_outside_a_subpackage_reaches_into_it() -> None:
    """From outside, a subpackage is used through its __init__: no private names, and no
    module of it imported directly (the app's own ``ui`` modules excepted)."""
    found = modules()
    wrong = []
    for name, path in found.items():
        for target, imported, line in imports(path, found):
            parts = target.split(".")
            if len(parts) < 2 or parts[1] not in SUBPACKAGES or room(name) == parts[1]:
                continue
            if imported.startswith("_") or (len(parts) > 2 and parts[1] != "ui"):
                wrong.append(f"{path.relative_to(SRC)}:{line}: {target} {imported}".rstrip())
    assert not wrong, "\n".join(wrong)


def test_the_one_place_of_each_shared_piece() -> None:
    """Pieces that once had several copies are defined once."""
    counts: dict[str, int] = {}
    needles = {"def softmax(": "softmax", "def active_edits(": "active_edits",
               "Progress = Callable": "Progress", "STAGES = {": "STAGES",
               "def distinct_texts(": "distinct_texts", "def make_quotes(": "make_quotes",
               "def find_theme(": "find_theme", "def load_nlp(": "load_nlp",
               "def cache_for(": "cache_for", "def to_dict(self) -> dict[str, Any]:\n"
               "        \"\"\"Plain JSON": "CleaningReport.to_dict"}
    for path in PACKAGE.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for needle, name in needles.items():
            counts[name] = counts.get(name, 0) + text.count(needle)
    assert counts == dict.fromkeys(needles.values(), 1)


@pytest.mark.parametrize("cycle", [
    ("embed/base.py", "from themesift.embed.fast import FastEmbedder"),
    ("report/bank.py", "from themesift.report.office import write_xlsx"),
    ("fsutil.py", "from themesift.model.persist import is_model_folder"),
    ("nlp/workers.py", "from themesift.themes.terms import analyse_texts"),
])
def test_the_cycle_check_catches_a_hidden_cycle(tmp_path: Path, cycle: tuple[str, str]) -> None:
    """Each of the four cycles the layout removed, put back inside a function, is caught."""
    copy = tmp_path / "themesift"
    shutil.copytree(PACKAGE, copy)
    file, statement = cycle
    target = copy / file
    target.write_text(target.read_text(encoding="utf-8")
                      + f"\n\ndef _put_back() -> None:\n    {statement}\n", encoding="utf-8")
    assert find_cycle(graph(copy)) is not None
