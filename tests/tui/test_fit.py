"""What a user checks at 80×24 and 160×45: nothing clipped, no ✗ beside kept text, every
footer key visible, search with / and n/N, and settings remembered between runs."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Button, Footer, Label
from textual.widgets._footer import FooterKey, FooterLabel

from summarizer import Summary
from tui.app import DARK_THEME, LIGHT_THEME, EvenhandApp
from tui.config import format_config, load_config, parse_config, save_config
from tui.settings import SummarySettings
from tui.widgets.controls_panel import ControlsPanel
from tui.widgets.details_panel import DetailsPanel, details_text, factor_label
from tui.widgets.sentence_pane import SentencePane

from .conftest import ARTICLE, SENTENCES

SIZES = [(80, 24), (160, 45), (220, 50)]


def _app(summary: Summary, **kwargs: object) -> EvenhandApp:
    return EvenhandApp(summary=summary, settings=SummarySettings(sentences=SENTENCES), **kwargs)  # type: ignore[arg-type]


async def _settle(pilot: Pilot) -> None:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES)
async def test_every_control_label_and_button_fits(stored_summary: Summary, size: tuple[int, int]) -> None:
    app = _app(stored_summary)
    async with app.run_test(size=size) as pilot:
        await pilot.press("c")
        await _settle(pilot)
        panel = app.reader.query_one(ControlsPanel)
        inside = panel.content_region
        for widget in panel.query("Label, Button, Select, Checkbox"):
            region = widget.region
            assert region.width > 0, widget
            assert inside.x <= region.x and region.right <= inside.right, (widget, region, inside)
            if isinstance(widget, Label):
                text = str(widget.render())
                assert len(text) <= region.width * max(1, region.height), (text, region)
        for button in panel.query(Button):
            assert str(button.label).strip() in str(button.render())


@pytest.mark.parametrize("size", SIZES)
async def test_every_footer_key_is_on_screen(stored_summary: Summary, size: tuple[int, int]) -> None:
    app = _app(stored_summary)
    async with app.run_test(size=size) as pilot:
        await _settle(pilot)
        footer = app.reader.query_one(Footer)
        keys = list(footer.query(FooterKey)) + list(footer.query(FooterLabel))
        assert {key.key for key in footer.query(FooterKey)} >= {"n", "p", "slash", "d", "c", "o", "e", "question_mark", "q"}
        for key in keys:
            assert key.region.right <= size[0], key


@pytest.mark.parametrize("size", [(80, 24), (160, 45)])
async def test_no_dropped_mark_beside_kept_text(stored_summary: Summary, size: tuple[int, int]) -> None:
    app = _app(stored_summary)
    async with app.run_test(size=size) as pilot:
        await _settle(pilot)
        pane = app.reader.query_one("#summary", SentencePane)
        dropped = [d.index for d in stored_summary.dropped]
        for index in dropped:  # boilerplate too
            app.reader._move_cursor(index)
            await pilot.pause()
            lines = [pane.render_line(y).text for y in range(pane.size.height)]
            assert not any("✗" in line or "⊘" in line for line in lines), index


async def test_details_keep_the_reason_and_cues_at_80x24(stored_summary: Summary) -> None:
    app = _app(stored_summary)
    async with app.run_test(size=(80, 24)) as pilot:
        await _settle(pilot)
        details = app.reader.query_one(DetailsPanel)
        for index in range(len(stored_summary.decisions)):
            app.reader._move_cursor(index)
            await pilot.pause()
            shown = details.text.splitlines()
            visible = " ".join(shown)[: 78 * details.content_region.height]
            assert "cues" in visible, (index, shown)


def test_details_use_plain_labels(stored_summary: Summary) -> None:
    for decision in stored_summary.decisions:
        text = details_text(stored_summary, decision.index).plain
        assert "bias_after_trim" not in text and " value " not in f" {text} ".replace("value used", "")
        assert "“““" not in text and "””" not in text
    assert factor_label("bias_after_trim") == "bias after trimming"
    assert factor_label("value") == "value used for selection"


async def test_search_moves_through_matches_with_n_and_shift_n(stored_summary: Summary) -> None:
    word = "council"
    matches = [d.index for d in stored_summary.decisions if word in d.sentence.text.casefold()]
    assert len(matches) >= 2
    app = _app(stored_summary)
    async with app.run_test(size=(80, 24)) as pilot:
        await _settle(pilot)
        await pilot.press("slash", *word, "enter")
        await pilot.pause()
        reader = app.reader
        assert reader.cursor == matches[0]
        original = reader.query_one("#original", SentencePane)
        assert original._matches == frozenset(matches)  # marked in the pane
        await pilot.press("n")
        assert reader.cursor == matches[1]
        await pilot.press("N")
        assert reader.cursor == matches[0]
        await pilot.press("N")  # wraps round to the last
        assert reader.cursor == matches[-1]
        await pilot.press("escape")  # the search ends: n is "next dropped" again
        await pilot.pause()
        assert original._matches == frozenset()
        await pilot.press("n")
        assert not stored_summary.decisions[reader.cursor].kept


async def test_escape_cancels_a_search_being_typed(stored_summary: Summary) -> None:
    app = _app(stored_summary)
    async with app.run_test(size=(80, 24)) as pilot:
        await _settle(pilot)
        await pilot.press("slash", "x", "escape")
        await pilot.pause()
        assert not app.reader.query_one("#search").display
        assert app.reader.cursor == 0


def test_config_round_trip_and_bad_values(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "settings.toml"
    settings = SummarySettings(algorithm="lexrank", sentences=5, edits="trim", neutrality=2.5)
    assert save_config(path, settings, LIGHT_THEME)
    saved = load_config(path)
    assert saved.settings == settings and saved.theme == LIGHT_THEME
    assert load_config(tmp_path / "missing.toml").settings == SummarySettings()
    (tmp_path / "bad.toml").write_text("this is = = not toml", encoding="utf-8")
    assert load_config(tmp_path / "bad.toml").theme is None
    odd = parse_config({"algorithm": "nonsense", "sentences": -3, "ratio": 7, "trim": "yes", "neutrality": 99,
                        "theme": "hacker"})
    assert odd.settings == SummarySettings() and odd.theme is None
    assert 'algorithm = "lexrank"' in format_config(settings, None)
    assert 'edits = "trim"' in format_config(settings, None)
    assert parse_config({"edits": "compress-it-all"}).settings.edits is None


@pytest.mark.parametrize(
    ("algorithm", "trim", "edits"),
    [("neutral", True, "compress"), ("neutral", False, "none"), ("lexrank", True, "trim"), ("lexrank", False, "none")],
)
def test_an_older_config_with_trim_reads_as_its_edit_level(algorithm: str, trim: bool, edits: str) -> None:
    assert parse_config({"algorithm": algorithm, "trim": trim}).settings.edits == edits
    assert parse_config({"algorithm": algorithm, "trim": trim, "edits": "trim"}).settings.edits == "trim"


async def test_settings_are_saved_as_they_change(tmp_path: Path) -> None:
    config = tmp_path / "settings.toml"
    app = EvenhandApp(str(ARTICLE), settings=SummarySettings(sentences=4), config=config)
    async with app.run_test(size=(120, 40)) as pilot:
        await _settle(pilot)
        await pilot.press("plus")
        await _settle(pilot)
        assert load_config(config).settings.sentences == 5
        await pilot.press("m")
        await _settle(pilot)
    saved = load_config(config)
    assert saved.theme == (LIGHT_THEME if DARK_THEME == "textual-dark" else DARK_THEME)


async def test_no_config_saves_nothing(tmp_path: Path, stored_summary: Summary) -> None:
    app = _app(stored_summary)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("m")
        await _settle(pilot)
    assert not list(tmp_path.iterdir())


def test_details_show_the_writers_framing_and_the_quoted_part_apart() -> None:
    from summarizer import summarize

    text = (
        "The council met on Tuesday to discuss the new budget for the city.\n\n"
        "The mayor said “the far-right mob stormed the hall” on Friday.\n\n"
        "Officials will vote on the plan next month."
    )
    summary = summarize(text, sentences=2)
    quoted = details_text(summary, 1).plain
    assert "writer's framing" in quoted and "quoted from a source" in quoted
    assert "writer's framing" not in details_text(summary, 0).plain  # nothing quoted: the bias alone
