"""Pick a file to open: browse a directory tree or type a path."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DirectoryTree, Input, Label

TEXT_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".text", ".html", ".htm", ""})


class ArticleTree(DirectoryTree):
    """A directory tree that lists folders and the files evenhand can read as articles."""

    def filter_paths(self, paths: Iterable[Path]) -> Iterable[Path]:
        return [
            path
            for path in paths
            if not path.name.startswith(".") and (path.is_dir() or path.suffix.lower() in TEXT_SUFFIXES)
        ]


class OpenFileScreen(ModalScreen[str | None]):
    """Dismissed with the chosen path, or ``None`` when cancelled."""

    DEFAULT_CSS = """
    OpenFileScreen {
        align: center middle;
    }
    OpenFileScreen > Vertical {
        width: 80%;
        min-width: 40;
        height: 80%;
        border: round $primary;
        background: $surface;
        padding: 0 1;
    }
    OpenFileScreen ArticleTree {
        height: 1fr;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, start: Path) -> None:
        super().__init__()
        self._start = start if start.is_dir() else start.parent

    def compose(self) -> ComposeResult:
        box = Vertical()
        box.border_title = "Open an article (Enter opens, Escape cancels)"
        with box:
            yield Label("Path:")
            yield Input(placeholder="type a path and press Enter, or pick below", id="path")
            yield ArticleTree(self._start, id="tree")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        value = event.value.strip()
        if value:
            self.dismiss(str(Path(value).expanduser()))

    def on_directory_tree_file_selected(self, event: DirectoryTree.FileSelected) -> None:
        self.dismiss(str(event.path))

    def action_cancel(self) -> None:
        self.dismiss(None)
