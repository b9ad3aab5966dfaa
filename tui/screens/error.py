"""A screen that says, in one line, why the input could not be shown."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from summarizer.render.sanitize import one_line


class ErrorScreen(ModalScreen[str]):
    """The error, with the way out: open another file, go back (if there is something to go back to), or quit.

    Dismissed with ``"open"``, ``"back"`` or ``"quit"``.
    """

    DEFAULT_CSS = """
    ErrorScreen {
        align: center middle;
    }
    ErrorScreen > Vertical {
        width: 70%;
        min-width: 40;
        height: auto;
        border: heavy $error;
        background: $surface;
        padding: 1 2;
    }
    ErrorScreen #error-title {
        text-style: bold;
        color: $text-error;
    }
    ErrorScreen #error-hint {
        color: $text-muted;
        margin-top: 1;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("o", "choose('open')", "Open another file"),
        Binding("escape", "choose('back')", "Back"),
        Binding("q", "choose('quit')", "Quit"),
    ]

    def __init__(self, message: str, *, can_go_back: bool) -> None:
        super().__init__()
        self._message = message
        self._can_go_back = can_go_back

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text("✗ Cannot show this input"), id="error-title")
            yield Static(Text(one_line(self._message)), id="error-message")
            hint = "o open another file · q quit"
            if self._can_go_back:
                hint = "Escape back · " + hint
            yield Static(Text(hint), id="error-hint")

    def action_choose(self, choice: str) -> None:
        if choice == "back" and not self._can_go_back:
            return
        self.dismiss(choice)
