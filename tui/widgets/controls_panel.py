"""The controls: algorithm, length, ratio, edit level and neutrality weight.

The panel only reports what the reader chose (:class:`tui.messages.SettingsChosen`, or a
screen action for the step buttons); the screen owns the settings and the worker.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Label, Select

from summarizer.options import ALL_ALGORITHMS, EDIT_LEVELS
from tui.messages import SettingsChosen
from tui.settings import RATIOS, SummarySettings

_BY_SENTENCES = -1.0


class ControlsPanel(VerticalScroll):
    """Options for the next summary; every change re-summarises in the background."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._settings = SummarySettings()

    def compose(self) -> ComposeResult:
        yield Label("Algorithm", classes="control-label")
        yield Select(
            [(name, name) for name in ALL_ALGORITHMS],
            allow_blank=False,
            value=self._settings.algorithm,
            id="algorithm",
            tooltip="How sentences are scored (also in the command palette).",
            compact=True,
        )
        # Each setting's name, then its value on a line of its own: a value never has to share
        # the panel's width with its name, so nothing is cut off at 80 columns.
        yield Label("Length", classes="control-label")
        yield Label("", classes="control-value", id="length-value")
        with Horizontal(classes="stepper"):
            yield Button("− shorter", id="shorter", action="screen.shorter", compact=True, tooltip="One sentence fewer")
            yield Button("+ longer", id="longer", action="screen.longer", compact=True, tooltip="One sentence more")
        yield Label("Share of sentences", classes="control-label")
        yield Select(
            [("by sentence count", _BY_SENTENCES), *((f"{r:.0%}", r) for r in RATIOS)],
            allow_blank=False,
            value=_BY_SENTENCES,
            id="ratio",
            compact=True,
        )
        yield Label("Edits to kept sentences", classes="control-label")
        yield Select(
            [(level.name, level.name) for level in EDIT_LEVELS],
            allow_blank=False,
            value=self._settings.effective_edits(),
            id="edits",
            compact=True,
            tooltip="; ".join(f"{level.name}: {level.adds}" for level in EDIT_LEVELS)
            + " (each level includes the ones before it; t steps through them)",
        )
        yield Label("Neutrality weight", classes="control-label")
        yield Label("", classes="control-value", id="neutrality-value")
        with Horizontal(classes="stepper"):
            yield Button("− less", id="less-neutral", action="screen.less_neutral", compact=True)
            yield Button("+ more", id="more-neutral", action="screen.more_neutral", compact=True)

    def sync(self, settings: SummarySettings, target: int) -> None:
        """Show ``settings`` (and the length reached, ``target``) without announcing a change."""
        self._settings = settings
        with self.prevent(Select.Changed):
            self.query_one("#algorithm", Select).value = settings.algorithm
            self.query_one("#ratio", Select).value = (
                settings.ratio if settings.ratio in RATIOS else _BY_SENTENCES
            )
            self.query_one("#edits", Select).value = settings.effective_edits()
        self.query_one("#length-value", Label).update(settings.describe_length(target))
        weight = f"{settings.neutrality:.2f}"
        if settings.algorithm != "neutral":
            weight += " (neutral only)"
        self.query_one("#neutrality-value", Label).update(weight)
        self.query_one("#neutrality-value", Label).set_class(settings.algorithm != "neutral", "-inactive")

    def on_select_changed(self, event: Select.Changed) -> None:
        event.stop()
        if event.select.id == "algorithm" and isinstance(event.value, str):
            if event.value != self._settings.algorithm:
                self.post_message(SettingsChosen(self._settings.with_algorithm(event.value)))
        elif event.select.id == "ratio" and isinstance(event.value, float):
            if event.value == _BY_SENTENCES:
                return
            if event.value != self._settings.ratio:
                self.post_message(SettingsChosen(self._settings.with_ratio(event.value)))
        elif (
            event.select.id == "edits" and isinstance(event.value, str)
            and event.value != self._settings.effective_edits()
        ):
            self.post_message(SettingsChosen(self._settings.with_edits(event.value)))
