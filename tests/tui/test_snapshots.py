"""SVG snapshots of the reader at 80×24 and 160×48 in both themes, from the stored summary.

The app is given a finished :class:`~summarizer.Summary`, so no worker runs and the
pictures depend only on the TUI.  Review changes with ``pytest --snapshot-report``;
update them with ``pytest tests/tui --snapshot-update`` after looking at the report.
"""

from __future__ import annotations

import pytest
from textual.pilot import Pilot

from summarizer import Summary
from tui.app import DARK_THEME, LIGHT_THEME, EvenhandApp
from tui.settings import SummarySettings

from .conftest import SENTENCES


def _app(summary: Summary, theme: str) -> EvenhandApp:
    return EvenhandApp(summary=summary, settings=SummarySettings(sentences=SENTENCES), theme=theme)


async def _on_a_dropped_sentence(pilot: Pilot) -> None:
    await pilot.press("n", "n")
    await pilot.pause()


@pytest.mark.parametrize("theme", [DARK_THEME, LIGHT_THEME], ids=["dark", "light"])
@pytest.mark.parametrize("size", [(80, 24), (160, 48)], ids=["80x24", "160x48"])
def test_reader(snap_compare, stored_summary: Summary, theme: str, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(_app(stored_summary, theme), terminal_size=size, run_before=_on_a_dropped_sentence)


def test_help_screen(snap_compare, stored_summary: Summary) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(_app(stored_summary, DARK_THEME), terminal_size=(80, 40), press=["question_mark"])


def test_controls_panel(snap_compare, stored_summary: Summary) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(_app(stored_summary, LIGHT_THEME), terminal_size=(120, 36), press=["c", "d"])
