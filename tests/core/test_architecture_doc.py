"""docs/architecture.md matches the code, module for module (issue 11, item 9).

Every module of the core, the command line and the TUI is named in the architecture note, and
every module the note names by path exists, so the note cannot silently fall behind a split, a
move or a deletion.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NOTE = ROOT / "docs" / "architecture.md"
PACKAGES = ("summarizer", "evenhand", "tui")


def _modules() -> list[Path]:
    return sorted(
        path.relative_to(ROOT)
        for package in PACKAGES
        for path in (ROOT / package).rglob("*.py")
        if "__pycache__" not in path.parts
    )


def _named(path: Path, note: str) -> bool:
    """Whether the note names ``path``: by its file name (``model.py``, ``select/plain.py``), or,
    for a package's ``__init__.py``, by the package (``select/``)."""
    if path.name == "__init__.py":
        names = {f"{path.parent.name}/", f"{path.parent.as_posix()}/", f"`{path.parent.name}`"}
        if path.parent.as_posix() in PACKAGES:
            return True  # the packages themselves head the note's sections
    else:
        names = {path.name, path.as_posix(), f"{path.parent.name}/{path.name}"}
    return any(name in note for name in names)


@pytest.mark.parametrize("module", _modules(), ids=lambda path: path.as_posix())
def test_every_module_is_in_the_note(module: Path) -> None:
    note = NOTE.read_text(encoding="utf-8")
    assert _named(module, note), f"docs/architecture.md does not name {module.as_posix()}"


def test_every_path_the_note_names_exists() -> None:
    note = NOTE.read_text(encoding="utf-8")
    paths = set(re.findall(r"`((?:summarizer|evenhand|tui|tests|benchmarks|docs)/[\w/.-]+)`", note))
    missing = sorted(path for path in paths if not (ROOT / path.rstrip("/")).exists())
    assert not missing, f"docs/architecture.md names paths that do not exist: {missing}"
