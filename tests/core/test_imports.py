"""How the package imports: no loops, a core free of the faces' libraries, heavy libraries
loaded only where they are needed (each check in a fresh interpreter)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("summarizer", "evenhand", "tui")


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for package in PACKAGES for p in sorted((ROOT / package).rglob("*.py"))}


def _top_level_imports(path: Path, name: str, modules: dict[str, Path]) -> set[str]:
    """The modules of ours that ``path`` imports when it is imported (not inside functions, not for typing)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            continue
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name in modules)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join([*package.split(".")[: len(package.split(".")) - node.level + 1], *filter(None, [base])])
            for alias in node.names:
                target = f"{base}.{alias.name}"
                found.add(target if target in modules else base)
    return {m for m in found if m in modules and m != name}


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return [*stack[stack.index(nxt):], nxt]
            if nxt not in state and (loop := visit(nxt)):
                return loop
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (loop := visit(node)):
            return loop
    return None


def test_no_import_loops() -> None:
    modules = _modules()
    graph = {name: _top_level_imports(path, name, modules) for name, path in modules.items()}
    # A package's __init__ importing its own submodules is how packages work, not a loop.
    for name in graph:
        graph[name] = {m for m in graph[name] if not name.startswith(m + ".")}
    assert _cycle(graph) is None


def test_the_loop_finder_finds_a_loop() -> None:
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) is None


def _loaded_after(code: str) -> set[str]:
    """The top-level modules loaded in a fresh interpreter after running ``code``."""
    probe = code + "\nimport sys\nprint(' '.join(sorted({m.split('.')[0] for m in sys.modules})))"
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, check=True, timeout=120
    )
    return set(done.stdout.split())


def test_the_core_never_imports_the_faces_libraries() -> None:
    code = (
        "from summarizer import summarize\n"
        "from summarizer.render import render\n"
        "from summarizer.render.formats import FORMATS\n"
        "s = summarize(open('examples/wire-neutral.txt', encoding='utf-8').read())\n"
        "for f in FORMATS: render(s, f, width=80, color=False)\n"
    )
    loaded = _loaded_after(code)
    assert "rich" in loaded  # the probe did render the terminal view
    assert not loaded & {"textual", "typer", "click", "tui", "evenhand"}


@pytest.mark.parametrize(
    ("code", "absent"),
    [
        ("import evenhand.cli", {"numpy", "scipy", "rich", "sumy", "pydantic"}),
        ("import summarizer.render.formats, summarizer.rank.algorithms, summarizer.levels", {"numpy", "scipy", "rich"}),
        ("import summarizer.pipeline", {"scipy", "rich", "typer"}),
        ("from summarizer.options import SummaryOptions; SummaryOptions(sentences=3)", {"scipy", "rich"}),
        (
            "from summarizer import summarize\nfrom summarizer.render import render\n"
            "render(summarize('One sentence here. And another one there. A third.'), 'json')",
            {"rich", "typer"},
        ),
        (  # a short article summarised neutral, as JSON: the pure-Python path (summarizer.rank.pure)
            "from summarizer import summarize\nfrom summarizer.render import render\n"
            "render(summarize(open('examples/wire-neutral.txt', encoding='utf-8').read()), 'json')",
            {"numpy", "scipy", "rich", "typer"},
        ),
    ],
)
def test_heavy_libraries_load_only_where_needed(code: str, absent: set[str]) -> None:
    assert not _loaded_after(code) & absent
