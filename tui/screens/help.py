"""The ``?`` screen: every key binding with what it does, built from the bindings themselves."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static


def help_rows(bindings: Iterable[Binding], key_display: Callable[[Binding], str]) -> list[tuple[str, str]]:
    """``(keys, description)`` for each binding, alternative keys joined with ``/``."""
    rows: list[tuple[str, str]] = []
    for binding in bindings:
        keys = " / ".join(key_display(Binding(key.strip(), binding.action)) for key in binding.key.split(","))
        rows.append((keys, binding.description or binding.action))
    return rows


class HelpScreen(ModalScreen[None]):
    """A list of every key, closed with Escape, ``q`` or ``?``."""

    DEFAULT_CSS = """
    HelpScreen {
        align: center middle;
    }
    HelpScreen > VerticalScroll {
        width: 72;
        max-width: 95%;
        height: auto;
        max-height: 90%;
        border: round $primary;
        background: $surface;
        padding: 0 1;
    }
    HelpScreen Static {
        width: 1fr;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "dismiss_help", "Close help"),
    ]

    def __init__(self, rows: list[tuple[str, str]], extra: list[tuple[str, str]]) -> None:
        super().__init__()
        self._rows = rows
        self._extra = extra

    def compose(self) -> ComposeResult:
        table = Table(box=None, show_header=False, padding=(0, 2, 0, 0))
        table.add_column("key", style="bold", no_wrap=True)
        table.add_column("does")
        for keys, description in self._rows:
            table.add_row(Text(keys), Text(description))
        table.add_row(Text(""), Text(""))
        for keys, description in self._extra:
            table.add_row(Text(keys), Text(description))
        scroll = VerticalScroll()
        scroll.border_title = "Keys (Escape closes)"
        with scroll:
            yield Static(table)

    def action_dismiss_help(self) -> None:
        self.dismiss(None)
