"""The edit-level control: the select in the controls panel, the t key and the palette step
through none, trim and reword, and the summary on screen follows."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Select

from summarizer.select import REWORDING
from tests.core.test_options import TEXT
from tui.app import EvenhandApp
from tui.settings import SummarySettings
from tui.widgets.controls_panel import ControlsPanel
from tui.widgets.stats_bar import StatsBar

from .test_app import SIZE, reader, settle


def kinds(app: EvenhandApp) -> set[str]:
    summary = reader(app).summary
    assert summary is not None
    return {e.kind for d in summary.kept for e in d.edits}


async def test_the_select_and_the_key_choose_the_level(tmp_path: Path) -> None:
    article = tmp_path / "jail.txt"
    article.write_text(TEXT, encoding="utf-8")
    app = EvenhandApp(str(article), settings=SummarySettings(sentences=6))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert reader(app).summary.edit_level == "compress"  # type: ignore[union-attr]
        assert "reworded" in kinds(app)
        assert "edits compress" in str(reader(app).query_one(StatsBar).render())
        await pilot.press("c")
        select = reader(app).query_one(ControlsPanel).query_one("#edits", Select)
        assert select.value == "compress"

        select.value = "trim"
        await settle(pilot)
        assert reader(app).settings.edits == "trim"
        assert kinds(app) == {"stance_adverb"} and not kinds(app) & set(REWORDING)

        await pilot.press("t")  # trim → reword
        await settle(pilot)
        assert reader(app).summary.edit_level == "reword"  # type: ignore[union-attr]
        await pilot.press("t")  # reword → compress
        await settle(pilot)
        assert reader(app).summary.edit_level == "compress"  # type: ignore[union-attr]
        await pilot.press("t")  # compress → none
        await settle(pilot)
        assert kinds(app) == set()
        assert select.value == "none"

        select_algorithm = reader(app).query_one(ControlsPanel).query_one("#algorithm", Select)
        select_algorithm.value = "lexrank"  # another algorithm: its own level again
        await settle(pilot)
        assert reader(app).settings.edits is None and select.value == "none"
        await pilot.press("t")
        await settle(pilot)
        assert reader(app).summary.edit_level == "trim"  # type: ignore[union-attr]
