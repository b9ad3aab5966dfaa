"""SVG snapshots of every screen at 80×24 and 160×45, from the stored summary.

The app is given a finished :class:`~summarizer.Summary`, so no worker runs and the
pictures depend only on the TUI.  Review changes with ``pytest --snapshot-report``;
update them with ``pytest tests/tui --snapshot-update`` after looking at the report.
"""

from __future__ import annotations

import os
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import DirectoryTree, Input

from summarizer import Summary
from tui.app import DARK_THEME, LIGHT_THEME, EvenhandApp
from tui.screens.confirm import ConfirmScreen
from tui.screens.error import ErrorScreen
from tui.screens.export import ExportScreen
from tui.screens.open_file import OpenFileScreen
from tui.settings import SummarySettings

from .conftest import FIXTURES, SENTENCES

SIZES = [(80, 24), (160, 45)]
SIZE_IDS = ["80x24", "160x45"]
TRIMMED = 3  # the stored summary's one trimmed sentence


def _app(summary: Summary, theme: str = DARK_THEME) -> EvenhandApp:
    return EvenhandApp(summary=summary, settings=SummarySettings(sentences=SENTENCES), theme=theme)


async def _settle(pilot: Pilot) -> None:
    await pilot.pause()
    await pilot.pause()


async def _on_a_dropped_sentence(pilot: Pilot) -> None:
    await pilot.press("n", "n")
    await _settle(pilot)


async def _on_the_trimmed_sentence(pilot: Pilot) -> None:
    await _settle(pilot)
    pilot.app.reader._move_cursor(TRIMMED)  # type: ignore[attr-defined]
    await _settle(pilot)


async def _controls(pilot: Pilot) -> None:
    await pilot.press("c")
    await _settle(pilot)


async def _help(pilot: Pilot) -> None:
    await pilot.press("question_mark")
    await _settle(pilot)


def _pushing(make: Callable[[], object]) -> Callable[[Pilot], Awaitable[None]]:
    async def run_before(pilot: Pilot) -> None:
        pilot.app.push_screen(make())  # type: ignore[arg-type]
        await _settle(pilot)
        for field in pilot.app.screen.query(Input):
            field.cursor_blink = False  # a blinking cursor would be on or off by chance
        # The open-file tree lists its folder in a worker: wait until it has.
        for tree in pilot.app.screen.query(DirectoryTree):
            for _ in range(100):
                if tree.root.children:
                    break
                await pilot.pause(0.05)
        await _settle(pilot)
    return run_before


SCREENS: dict[str, Callable[[Pilot], Awaitable[None]] | None] = {
    "main": None,
    "dropped": _on_a_dropped_sentence,
    "trimmed": _on_the_trimmed_sentence,
    "controls": _controls,
    "help": _help,
    "confirm": _pushing(lambda: ConfirmScreen("summary.md already exists. Replace it?")),
    "error": _pushing(lambda: ErrorScreen("bad.txt: looks like a binary file (it contains NUL bytes), not text",
                                          can_go_back=True)),
    "export": _pushing(lambda: ExportScreen(Path("article.summary.md"))),
    "open": _pushing(lambda: OpenFileScreen(Path(os.path.relpath(FIXTURES)))),
}


@pytest.mark.parametrize("screen", list(SCREENS))
@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
def test_screen(snap_compare, stored_summary: Summary, screen: str, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(_app(stored_summary), terminal_size=size, run_before=SCREENS[screen])


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
def test_light_theme(snap_compare, stored_summary: Summary, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(_app(stored_summary, LIGHT_THEME), terminal_size=size, run_before=_on_a_dropped_sentence)
