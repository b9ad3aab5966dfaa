"""Ask where to export the summary, and in which format."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, RadioButton, RadioSet

from tui.export import EXPORT_FORMATS, SUFFIXES


class ExportScreen(ModalScreen[tuple[str, str] | None]):
    """Dismissed with ``(path, format)``, or ``None`` when cancelled."""

    DEFAULT_CSS = """
    ExportScreen {
        align: center middle;
    }
    ExportScreen > Vertical {
        width: 70;
        max-width: 95%;
        height: auto;
        border: round $primary;
        background: $surface;
        padding: 0 1;
    }
    ExportScreen RadioSet {
        layout: horizontal;
        width: auto;
        height: auto;
    }
    ExportScreen Horizontal {
        height: auto;
        align-horizontal: right;
    }
    ExportScreen Button {
        margin-left: 2;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, default_path: Path) -> None:
        super().__init__()
        self._default = default_path

    def compose(self) -> ComposeResult:
        box = Vertical()
        box.border_title = "Export the summary"
        with box:
            yield Label("Format:")
            with RadioSet(id="format"):
                for number, fmt in enumerate(EXPORT_FORMATS):
                    yield RadioButton(fmt, value=number == 0, id=f"format-{fmt}")
            yield Label("Save to (Enter saves, Escape cancels):")
            yield Input(str(self._default), id="path")
            with Horizontal():
                yield Button("Cancel", id="cancel")
                yield Button("Save", id="save", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#path", Input).focus()

    def _format(self) -> str:
        pressed = self.query_one("#format", RadioSet).pressed_button
        return str(pressed.label) if pressed is not None else EXPORT_FORMATS[0]

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        path_input = self.query_one("#path", Input)
        path = Path(path_input.value.strip() or str(self._default))
        path_input.value = str(path.with_suffix(SUFFIXES[self._format()]))

    def _submit(self) -> None:
        value = self.query_one("#path", Input).value.strip()
        if value:
            self.dismiss((str(Path(value).expanduser()), self._format()))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self._submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self._submit()
        else:
            self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)
