"""The error tree drawn in ``summarizer/errors.py`` is the real one, and the library raises only its classes.

The drawing is parsed (each level four columns, ``├──``/``└──`` before a class, ``│`` where a
level goes on) and compared with the classes; an AST walk of the packages finds every
``raise`` of a bare builtin ``ValueError``, ``TypeError``, ``RuntimeError`` or ``KeyError``,
which may stand only with a written reason in :data:`ALLOWED`.
"""

from __future__ import annotations

import ast
import builtins
import inspect
from pathlib import Path

import pytest

import summarizer
from summarizer import errors

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("summarizer", "evenhand", "tui")
BARE = frozenset({"ValueError", "TypeError", "RuntimeError", "KeyError"})

#: (module path, function, builtin) → why it may raise the builtin.
ALLOWED: dict[tuple[str, str, str], str] = {
    ("summarizer/options.py", "options_from", "TypeError"):
        "a keyword that names no option is a programming error, and Python's own answer to an "
        "unexpected keyword argument is TypeError; summarize(**keywords) behaves as a function "
        "with those keywords spelled out would",
    ("summarizer/evaluate/_stats.py", "pearson", "ValueError"):
        "a private helper whose callers pass two columns of one table; unequal lengths are a bug "
        "in evenhand, reported as zip(strict=True) would report them",
    ("evenhand/single.py", "parse_size", "ValueError"):
        "the CLI's own parser of --max-bytes; its one caller (check_flags) catches the ValueError "
        "and fails with a usage error (exit 2) naming the flag",
}


def _drawn_tree() -> dict[str, str | None]:
    """Each class drawn in the docstring → the class drawn as its parent (``None`` for the root).

    Fails on a drawing that is not well formed: a branch off no parent, a ``└──`` that is not
    the last child, a ``├──`` that is.
    """
    assert errors.__doc__ is not None
    lines = [line for line in errors.__doc__.splitlines() if line.strip()]
    start = next(i for i, line in enumerate(lines) if line.strip().startswith("EvenhandError"))
    root_column = lines[start].index("EvenhandError")
    parents: dict[str, str | None] = {"EvenhandError": None}
    last_child: dict[str, bool] = {}
    path = ["EvenhandError"]
    for line in lines[start + 1 :]:
        if not line.startswith(" " * root_column) or line[root_column] not in "│├└ ":
            break  # the prose after the drawing
        body = line[root_column:]
        marker = max(body.find("├── "), body.find("└── "))
        if marker < 0:
            assert body.lstrip(" │"), f"an empty line in the drawing: {line!r}"
            continue  # a description going on over another line
        assert marker % 4 == 0, f"a branch off the four-column grid: {line!r}"
        depth = marker // 4 + 1
        assert depth <= len(path), f"a branch with no parent drawn above it: {line!r}"
        name = body[marker + 4 :].split()[0]
        path[depth:] = [name]
        parents[name] = path[depth - 1]
        last_child[name] = body[marker] == "└"
    children: dict[str | None, list[str]] = {}
    for name, parent in parents.items():
        children.setdefault(parent, []).append(name)
    for siblings in children.values():
        for name in siblings:
            if name in last_child:
                assert last_child[name] == (name == siblings[-1]), f"{name}: ├── and └── drawn the wrong way round"
    return parents


def _real_tree() -> dict[str, str | None]:
    classes = {
        name: value for name, value in vars(errors).items()
        if inspect.isclass(value) and issubclass(value, errors.EvenhandError) and value.__module__ == errors.__name__
    }
    tree: dict[str, str | None] = {}
    for name, cls in classes.items():
        ours = [base for base in cls.__bases__ if issubclass(base, errors.EvenhandError)]
        assert len(ours) <= 1, f"{name} has two evenhand parents"
        tree[name] = ours[0].__name__ if ours else None
    return tree


def test_the_drawn_tree_is_the_real_one() -> None:
    drawn, real = _drawn_tree(), _real_tree()
    assert sorted(set(real) - set(drawn)) == [], "classes that the drawing leaves out"
    assert sorted(set(drawn) - set(real)) == [], "classes drawn that do not exist"
    assert {name: drawn[name] for name in real} == real


def test_the_tree_parser_sees_a_misdrawn_class(monkeypatch: pytest.MonkeyPatch) -> None:
    drawing = errors.__doc__
    assert drawing is not None and "│   ├── BudgetError" in drawing and "└── UnknownFormatError" in drawing
    monkeypatch.setattr(errors, "__doc__", drawing.replace("│   ├── BudgetError", "├── BudgetError    "))
    assert _drawn_tree()["BudgetError"] == "EvenhandError" != _real_tree()["BudgetError"]
    monkeypatch.setattr(errors, "__doc__", drawing.replace("└── UnknownFormatError", "├── UnknownFormatError"))
    with pytest.raises(AssertionError, match="wrong way round"):
        _drawn_tree()
    monkeypatch.setattr(errors, "__doc__", drawing.replace("BatchError     ", "BatchErrors    ", 1))
    assert "BatchErrors" in _drawn_tree() and "BatchError" not in _drawn_tree()


def test_every_error_is_exported_and_wrong_values_are_value_errors() -> None:
    for name in _real_tree():
        assert name in summarizer.__all__, f"{name} is not exported by summarizer"
        assert getattr(summarizer, name) is getattr(errors, name)
    # Raised as bare ValueError before they had classes: callers that caught ValueError still do.
    for cls in (errors.OptionsError, errors.AnalysisError, errors.SummaryError, errors.SchemaError,
                errors.BatchError, errors.EvaluationError, errors.LexiconError):
        assert issubclass(cls, ValueError), cls


def _sources() -> list[Path]:
    return [p for package in PACKAGES for p in sorted((ROOT / package).rglob("*.py"))]


def _bare_raises(path: Path) -> list[tuple[str, str, int]]:
    """(enclosing function, builtin, line) of each ``raise`` of a builtin in :data:`BARE`."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: list[tuple[str, str, int]] = []

    def walk(node: ast.AST, function: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
                walk(child, child.name)
                continue
            if isinstance(child, ast.Raise) and child.exc is not None:
                exc = child.exc.func if isinstance(child.exc, ast.Call) else child.exc
                if isinstance(exc, ast.Name) and exc.id in BARE:
                    found.append((function, exc.id, child.lineno))
            walk(child, function)

    walk(tree, "<module>")
    return found


def test_no_bare_builtin_errors_leave_the_packages() -> None:
    seen: set[tuple[str, str, str]] = set()
    unexplained = []
    for path in _sources():
        relative = path.relative_to(ROOT).as_posix()
        for function, name, line in _bare_raises(path):
            key = (relative, function, name)
            seen.add(key)
            if key not in ALLOWED:
                unexplained.append(f"{relative}:{line} {function}() raises a bare {name}")
    assert unexplained == [], "give each a class in summarizer/errors.py (or a reason in ALLOWED)"
    assert sorted(set(ALLOWED) - seen) == [], "allowed raises that are no longer there"


def test_the_raise_finder_finds_a_bare_raise(tmp_path: Path) -> None:
    source = tmp_path / "m.py"
    source.write_text(
        "def f(x):\n    if x:\n        raise ValueError('no')\n    raise KeyError\n"
        "class C:\n    def g(self):\n        raise OptionsError('fine')\n"
    )
    assert _bare_raises(source) == [("f", "ValueError", 3), ("f", "KeyError", 4)]
    assert all(hasattr(builtins, name) for name in BARE)


def test_public_error_classes_live_in_the_errors_module() -> None:
    """An exception class outside ``errors.py`` is private to its module (``_Transient``, ``_Stop``)."""
    names = set(_real_tree()) | {"Exception", "ValueError", "TypeError", "RuntimeError", "KeyError", "LookupError"}
    public = []
    for path in _sources():
        if path == ROOT / "summarizer" / "errors.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef) and not node.name.startswith("_"):
                bases = {b.id if isinstance(b, ast.Name) else getattr(b, "attr", "") for b in node.bases}
                if bases & names:
                    public.append(f"{path.relative_to(ROOT)}: {node.name}")
    assert public == []
