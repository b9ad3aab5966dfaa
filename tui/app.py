"""The evenhand Textual app: opens one article and shows it beside its summary.

Run it with ``evenhand view [FILE|-]``.  The app itself holds only app-wide things
(themes, help, the command palette's entries); :class:`tui.screens.reader.ReaderScreen`
does the reading.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen

from summarizer import ALL_ALGORITHMS, Document, Summary
from tui.config import DARK_THEME, LIGHT_THEME, save_config
from tui.messages import SettingsApplied
from tui.screens.help import HelpScreen, help_rows
from tui.screens.reader import ReaderScreen
from tui.settings import SummarySettings

__all__ = ["DARK_THEME", "LIGHT_THEME", "EvenhandApp"]


MOUSE_HELP = [
    ("click", "Put the cursor on a sentence (either pane)"),
    ("wheel", "Scroll; the other pane follows"),
    ("tab / shift+tab", "Move focus between the panes and the controls"),
    ("pageup / pagedown", "Scroll the focused pane a page"),
    ("ctrl+p", "Command palette: algorithms, edit level, export, theme …"),
]


class EvenhandApp(App[None]):
    """Read an article beside its neutral summary, every decision one key away."""

    CSS_PATH = "evenhand.tcss"
    TITLE = "evenhand"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]  # noqa: RUF012 (declared by App)

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark", "help", "Help", key_display="?", id="help"),
        Binding("m", "toggle_theme", "Light/dark theme", show=False, id="toggle-theme"),
        Binding("q", "quit", "Quit", id="quit"),
    ]

    def __init__(
        self,
        source: str | None = None,
        *,
        data: bytes | None = None,
        summary: Summary | None = None,
        settings: SummarySettings | None = None,
        theme: str = DARK_THEME,
        document: Document | None = None,
        config: Path | None = None,
    ) -> None:
        """Open ``source`` (a path, or ``"-"`` with its bytes in ``data``), or show ``summary`` as given.

        Args:
            source: the file to read and summarise in the background.
            data: the bytes of standard input when ``source`` is ``"-"``.
            summary: a summary to show at once (no background work): for tests and screenshots.
            settings: the options for summarising (and re-summarising).
            theme: the Textual theme to start with.
            document: a document read already (a fetched web page), summarised in the background.
            config: the settings file to keep the theme and the summary settings in as they
                change (``None``: remember nothing).
        """
        super().__init__()
        self._reader_args = {
            "source": source, "data": data, "summary": summary, "settings": settings, "document": document,
        }
        self.theme = theme
        self._config = config
        self._remembered = settings or SummarySettings()

    def on_mount(self) -> None:
        self.theme_changed_signal.subscribe(self, lambda _theme: self._remember())

    def _remember(self) -> None:
        if self._config is not None and not save_config(self._config, self._remembered, self.theme):
            self.notify(f"Could not save the settings to {self._config}", severity="warning", markup=False)
            self._config = None  # say it once

    @on(SettingsApplied)
    def _settings_applied(self, message: SettingsApplied) -> None:
        self._remembered = message.settings
        self._remember()

    def get_default_screen(self) -> Screen:
        return ReaderScreen(**self._reader_args)  # type: ignore[arg-type]

    @property
    def reader(self) -> ReaderScreen:
        """The reader screen (the bottom of the screen stack)."""
        screen = self.screen_stack[0]
        assert isinstance(screen, ReaderScreen)
        return screen

    def action_toggle_theme(self) -> None:
        self.theme = LIGHT_THEME if self.current_theme.dark else DARK_THEME

    def action_help(self) -> None:
        if isinstance(self.screen, HelpScreen):
            return
        bindings = [b for b in (*ReaderScreen.BINDINGS, *self.BINDINGS) if isinstance(b, Binding)]
        self.push_screen(HelpScreen(help_rows(bindings, self.get_key_display), MOUSE_HELP))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        reader = self.reader
        for name in ALL_ALGORITHMS:
            yield SystemCommand(
                f"Algorithm: {name}",
                f"Re-summarise with the {name} algorithm",
                partial(reader.choose_algorithm, name),
            )
        yield SystemCommand(
            "Next edit level", "Edit kept sentences more, or less: none, trim, reword, compress", reader.action_next_edits
        )
        yield SystemCommand(
            "Next ratio", "Keep the next preset share of the sentences", reader.action_next_ratio
        )
        yield SystemCommand(
            "Export summary", "Save the summary as Markdown, HTML or JSON", reader.action_export
        )
        yield SystemCommand("Open file", "Open another article", reader.action_open)
        yield SystemCommand("Copy summary", "Copy the summary text to the clipboard", reader.action_copy)
        yield SystemCommand(
            "Light/dark theme", "Switch between the light and dark themes", self.action_toggle_theme
        )
        yield SystemCommand("Help", "List every key", self.action_help)
