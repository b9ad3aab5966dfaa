"""Pilot tests for the reader: every binding, the mouse, the dialogs and the error screen."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from summarizer import Analysis, Document, Summary, analyse
from summarizer.segment import segment
from tests.web_server import LocalSite
from tui.app import DARK_THEME, LIGHT_THEME, EvenhandApp
from tui.messages import DocumentAnalysed
from tui.screens.confirm import ConfirmScreen
from tui.screens.error import ErrorScreen
from tui.screens.export import ExportScreen
from tui.screens.help import HelpScreen
from tui.screens.open_file import OpenFileScreen
from tui.screens.reader import ReaderScreen
from tui.settings import RATIOS, SummarySettings
from tui.widgets.controls_panel import ControlsPanel
from tui.widgets.details_panel import DetailsPanel
from tui.widgets.sentence_pane import GAP_MARK, SentencePane

from .conftest import ARTICLE, SENTENCES

SIZE = (120, 40)


def make_app(summary: Summary, **kwargs: object) -> EvenhandApp:
    return EvenhandApp(summary=summary, settings=SummarySettings(sentences=SENTENCES), **kwargs)  # type: ignore[arg-type]


async def settle(pilot: Pilot) -> None:
    """Wait for background summaries and the messages they post."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


async def until(pilot: Pilot, ready: Callable[[], bool], *, seconds: float = 10.0) -> None:
    """Pause until ``ready()`` holds (a loaded machine paints later), failing after ``seconds``."""
    for _ in range(int(seconds / 0.05)):
        if ready():
            return
        await pilot.pause(0.05)
    raise AssertionError(f"not ready after {seconds} s")


def reader(app: EvenhandApp) -> ReaderScreen:
    return app.reader


def first_dropped(summary: Summary, after: int = -1) -> int:
    return next(d.index for d in summary.decisions if not d.kept and d.index > after)


# ---- the cursor ----------------------------------------------------------------------------


async def test_cursor_keys(stored_summary: Summary) -> None:
    last = len(stored_summary.decisions) - 1
    app = make_app(stored_summary)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        original = app.reader.query_one("#original", SentencePane)
        for key, expected in [
            ("j", 1),
            ("down", 2),
            ("k", 1),
            ("up", 0),
            ("G", last),
            ("g", 0),
            ("end", last),
        ]:
            await pilot.press(key)
            assert reader(app).cursor == expected, key
            assert original.cursor == expected
        assert original.scroll_y > 0, "the last sentence was scrolled into view"
        await pilot.press("home")
        assert reader(app).cursor == 0
        assert original.scroll_y == 0

        await pilot.press("j")  # off sentence 0, which is itself dropped
        await pilot.press("n")
        one = first_dropped(stored_summary, after=1)
        assert reader(app).cursor == one
        await pilot.press("n")
        two = first_dropped(stored_summary, after=one)
        assert reader(app).cursor == two
        await pilot.press("p")
        assert reader(app).cursor == one
        details = app.reader.query_one(DetailsPanel)
        assert "dropped" in details.text


async def test_cursor_in_summary_pane_walks_kept_sentences(stored_summary: Summary) -> None:
    app = make_app(stored_summary)
    kept = [d.index for d in stored_summary.kept]
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        summary_pane = app.reader.query_one("#summary", SentencePane)
        # The cursor starts on sentence 0, dropped: the summary points to where it would have
        # been, with a mark that cannot be read as "dropped" next to kept text.
        assert summary_pane.render_line(summary_pane.lines_of(kept[0])[0]).text.startswith(GAP_MARK)  # type: ignore[index]
        shown = [summary_pane.render_line(y).text for y in range(summary_pane.size.height)]
        assert not any(mark in line for line in shown for mark in ("✗", "⊘"))
        summary_pane.focus()
        await pilot.press("j")
        assert reader(app).cursor == kept[0]  # from sentence 0 (dropped) to the first kept
        await pilot.press("j")
        assert reader(app).cursor == kept[1]
        assert app.reader.query_one("#original", SentencePane).cursor == kept[1]

        lines = summary_pane.lines_of(kept[2])
        assert lines is not None
        await pilot.click(summary_pane, offset=(6, 1 + lines[0] - round(summary_pane.scroll_y)))
        assert reader(app).cursor == kept[2]


async def test_scrolling_one_pane_scrolls_the_other(stored_summary: Summary) -> None:
    app = make_app(stored_summary)
    async with app.run_test(size=(100, 24)) as pilot:
        await pilot.pause()
        original = app.reader.query_one("#original", SentencePane)
        summary_pane = app.reader.query_one("#summary", SentencePane)
        last_kept = stored_summary.kept[-1].index
        # A loaded machine lays the panes out later: wait for both before scrolling.
        await until(pilot, lambda: original.lines_of(last_kept) is not None
                    and summary_pane.lines_of(last_kept) is not None and original.max_scroll_y > 0
                    and summary_pane.max_scroll_y > 0)
        original.scroll_to(y=original.lines_of(last_kept)[0], animate=False)  # type: ignore[index]

        def summary_shows_last_kept() -> bool:
            first, _ = summary_pane.lines_of(last_kept)  # type: ignore[misc]
            top = summary_pane.scroll_y
            return top > 0 and top <= first < top + summary_pane.size.height

        await until(pilot, summary_shows_last_kept)


# ---- panels --------------------------------------------------------------------------------


async def test_details_toggle(stored_summary: Summary) -> None:
    app = make_app(stored_summary)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        details = app.reader.query_one(DetailsPanel)
        assert details.display
        await until(pilot, lambda: "importance" in details.text)
        text = details.text
        assert "importance" in text and "bias" in text and "position" in text
        await pilot.press("d")
        assert not details.display
        await pilot.press("d")
        assert details.display


async def test_controls_toggle_and_select_algorithm(stored_summary: Summary) -> None:
    app = make_app(stored_summary)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        controls = app.reader.query_one(ControlsPanel)
        assert not controls.display
        await pilot.press("c")
        assert controls.display
        select = controls.query_one("#algorithm")
        select.value = "luhn"
        await settle(pilot)
        assert reader(app).summary.algorithm == "luhn"
        await pilot.click("#longer")
        await settle(pilot)
        assert reader(app).settings.sentences == SENTENCES + 1
        await pilot.press("c")
        assert not controls.display


# ---- live re-summarising -------------------------------------------------------------------


async def test_resummarising_keys(stored_summary: Summary) -> None:
    app = make_app(stored_summary)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("j", "j", "j")
        for key, kept in [("plus", SENTENCES + 1), ("equals_sign", SENTENCES + 2), ("minus", SENTENCES + 1)]:
            await pilot.press(key)
            await settle(pilot)
            summary = reader(app).summary
            assert summary is not None and len(summary.kept) == kept, key
        assert "sentences" in str(app.reader.query_one("#stats").render())
        assert reader(app).cursor == 3, "the cursor stays on its sentence"
        analysis = reader(app)._analysis
        assert analysis is not None and analysis.document is reader(app).summary.document  # type: ignore[union-attr]
        await pilot.press("plus")
        await settle(pilot)
        assert reader(app)._analysis is analysis, "re-summarising the same document reuses its analysis"
        assert not reader(app).query_one("#summary").loading

        await pilot.press("r")
        await settle(pilot)
        assert reader(app).settings.ratio == RATIOS[0]
        assert reader(app).summary.budget.ratio == RATIOS[0]  # type: ignore[union-attr]

        assert reader(app).summary.trim  # type: ignore[union-attr]
        await pilot.press("t")
        await settle(pilot)
        summary = reader(app).summary
        assert summary is not None and not summary.trim
        assert all(not d.edits for d in summary.kept)

        await pilot.press("greater_than_sign")
        await settle(pilot)
        assert reader(app).settings.neutrality == 1.25
        assert "neutrality 1.25" in str(app.reader.query_one("#stats").render())
        await pilot.press("less_than_sign", "less_than_sign")
        await settle(pilot)
        assert reader(app).settings.neutrality == 0.75

        await pilot.press("a")
        await settle(pilot)
        assert reader(app).summary.algorithm == "lexrank"  # type: ignore[union-attr]
        commands = {c.title: c for c in app.get_system_commands(app.screen)}
        assert {f"Algorithm: {name}" for name in ("neutral", "lsa", "textrank", "sumbasic")} <= set(commands)
        commands["Algorithm: textrank"].callback()
        await settle(pilot)
        assert reader(app).summary.algorithm == "textrank"  # type: ignore[union-attr]


async def test_re_summarising_with_new_settings_analyses_the_document_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    analysed: list[Document] = []

    def counting(document: Document) -> Analysis:
        analysed.append(document)
        return analyse(document)

    monkeypatch.setattr("tui.screens.reader.analyse", counting)
    app = EvenhandApp(str(ARTICLE), settings=SummarySettings(sentences=SENTENCES))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        first = reader(app).summary
        assert first is not None and len(analysed) == 1
        analysis = reader(app)._analysis
        assert analysis is not None and analysis.document is first.document
        for key in ("plus", "t", "a", "greater_than_sign"):
            before = reader(app).settings
            await pilot.press(key)
            await settle(pilot)
            assert reader(app).settings != before, key
            assert reader(app).summary is not first
        assert len(analysed) == 1, "new settings select again from the document's one analysis"
        assert reader(app)._analysis is analysis

        # A new document is analysed anew, once.
        other = tmp_path / "other.txt"
        other.write_text("A first sentence about rivers. A second one about hills. A third about the sea.", "utf-8")
        reader(app).load(str(other))
        await settle(pilot)
        assert len(analysed) == 2 and analysed[1] is reader(app).summary.document  # type: ignore[union-attr]
        assert reader(app)._analysis is not analysis


async def test_a_stale_document_analysed_is_ignored(stored_summary: Summary) -> None:
    app = make_app(stored_summary)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("plus")  # the worker analyses the stored summary's document
        await settle(pilot)
        screen = reader(app)
        analysis = screen._analysis
        assert analysis is not None and analysis.document is screen.summary.document  # type: ignore[union-attr]
        other = analyse(segment("Another article entirely. It has two sentences."))

        # From a worker that was superseded (an older generation): the screen keeps its analysis.
        screen.post_message(DocumentAnalysed(other, screen._generation - 1))
        await settle(pilot)
        assert screen._analysis is analysis
        # From the current run: the handler assigns it.
        screen.post_message(DocumentAnalysed(other, screen._generation))
        await settle(pilot)
        assert screen._analysis is other


# ---- files ---------------------------------------------------------------------------------


async def test_open_another_file(stored_summary: Summary, tmp_path: Path) -> None:
    other = tmp_path / "other.txt"
    other.write_text(
        "A first sentence about rivers. A second one about hills. A third about the sea.", "utf-8"
    )
    app = make_app(stored_summary)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("o")
        assert isinstance(app.screen, OpenFileScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, ReaderScreen)
        assert reader(app).summary is stored_summary

        await pilot.press("j", "o")
        app.screen.query_one("#path", Input).value = str(other)
        app.screen.query_one("#path", Input).focus()
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ReaderScreen)
        summary = reader(app).summary
        assert summary is not None and summary.source == str(other)
        assert reader(app).cursor == 0


async def export_as(pilot: Pilot, app: EvenhandApp, path: Path, fmt: str | None = None) -> None:
    """Press ``e``, pick ``fmt`` (the dialog's default when ``None``), type ``path`` and press enter."""
    await pilot.press("e")
    if fmt is not None:
        app.screen.query_one(f"#format-{fmt}").value = True  # type: ignore[attr-defined]
        await pilot.pause()
    app.screen.query_one("#path", Input).value = str(path)
    app.screen.query_one("#path", Input).focus()
    await pilot.press("enter")
    await pilot.pause()


async def test_export_writes_and_asks_before_overwriting(stored_summary: Summary, tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    app = make_app(stored_summary)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("e")
        assert isinstance(app.screen, ExportScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, ReaderScreen)
        assert not list(tmp_path.iterdir())

        await export_as(pilot, app, target, "json")
        data = json.loads(target.read_text("utf-8"))
        assert data["summary"] == stored_summary.text

        target.write_text("keep me", "utf-8")
        await export_as(pilot, app, target, "json")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        assert target.read_text("utf-8") == "keep me"

        await export_as(pilot, app, tmp_path / "out.md")
        assert (tmp_path / "out.md").read_text("utf-8").strip()

        await export_as(pilot, app, target, "json")
        await pilot.press("y")
        await pilot.pause()
        assert target.read_text("utf-8") != "keep me"
        assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


async def test_export_renders_from_the_alignment_the_panes_were_drawn_from(
    stored_summary: Summary, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out.html"
    app = make_app(stored_summary)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert reader(app).alignment is not None

        def not_again(summary: Summary) -> None:
            raise AssertionError("the export aligned the summary again")

        monkeypatch.setattr("summarizer.align.align", not_again)
        await export_as(pilot, app, target, "html")
    monkeypatch.undo()
    from summarizer.render import render

    assert target.read_text("utf-8") == render(stored_summary, "html")


async def test_copy_help_and_theme_keys(stored_summary: Summary) -> None:
    app = make_app(stored_summary)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("y")
        assert app.clipboard == stored_summary.text

        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = " ".join(str(row) for row in app.screen._rows)
        for binding in (*ReaderScreen.BINDINGS, *EvenhandApp.BINDINGS):
            assert binding.description in text  # type: ignore[union-attr]
        await pilot.press("escape")
        assert isinstance(app.screen, ReaderScreen)

        assert app.theme == DARK_THEME
        await pilot.press("m")
        assert app.theme == LIGHT_THEME
        await pilot.press("m")
        assert app.theme == DARK_THEME


async def test_quit_key(stored_summary: Summary) -> None:
    app = make_app(stored_summary)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


async def test_narrow_terminal_stacks_the_panes(stored_summary: Summary) -> None:
    app = make_app(stored_summary)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.screen.has_class("-narrow")
        original = app.reader.query_one("#original", SentencePane)
        summary_pane = app.reader.query_one("#summary", SentencePane)
        assert original.region.x == summary_pane.region.x
        assert original.region.y < summary_pane.region.y


# ---- reading files -------------------------------------------------------------------------


async def test_reads_a_file_in_the_background(monkeypatch: pytest.MonkeyPatch) -> None:
    # Wrap in the background as a long article would be.
    monkeypatch.setattr("tui.widgets.sentence_pane.SYNC_WRAP_CHARS", 100)
    app = EvenhandApp(str(ARTICLE), settings=SummarySettings(sentences=SENTENCES))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        summary = reader(app).summary
        assert summary is not None and len(summary.kept) == SENTENCES
        for pane in app.reader.query(SentencePane):
            assert not pane.loading
            assert pane.line_count > 0
        assert app.reader.query_one("#original", SentencePane).cursor == 0


async def test_html_is_read_as_an_article(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>T</title><script>var x = 1;</script></head><body><article>"
        "<p>The bridge reopened on Monday after two years of repairs.</p>"
        "<p>Traffic was light in the morning. Officials said tolls will not change.</p>"
        "</article></body></html>",
        "utf-8",
    )
    app = EvenhandApp(str(page))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        summary = reader(app).summary
        assert summary is not None
        assert "var x" not in summary.document.text and "bridge reopened" in summary.document.text


async def test_a_fetched_web_page_shows_its_title_site_and_date(site: LocalSite) -> None:
    from summarizer.load import load_url

    document = load_url(site.url("/pages/bridge_budget.html"))
    app = EvenhandApp(document=document)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        summary = reader(app).summary
        assert summary is not None and summary.document is document
        title = str(app.reader.query_one("#original", SentencePane).border_title)
        assert title.startswith(
            "Original · The Valley Courier · 2025-04-02 · Council approves budget for new river footbridge"
        )


@pytest.mark.parametrize(
    "content", [b"", b"   \n\n", b"\x00\x01\x02\x03" * 200], ids=["empty", "blank", "binary"]
)
async def test_unreadable_input_shows_an_error_screen(tmp_path: Path, content: bytes) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    app = EvenhandApp(str(bad))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, ErrorScreen)
        message = str(app.screen.query_one("#error-message").render())
        assert "bad.txt" in message
        await pilot.press("escape")  # nothing to go back to: stays
        assert isinstance(app.screen, ErrorScreen)
        await pilot.press("o")
        assert isinstance(app.screen, OpenFileScreen)


async def test_error_screen_quits(tmp_path: Path) -> None:
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    app = EvenhandApp(str(bad))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


async def test_standard_input_with_markup_is_shown_as_text() -> None:
    text = "The [bold red]council[/] met. Costs rose [link=x]sharply[/link] again.\x1b[2J Voters left."
    app = EvenhandApp("-", data=text.encode())
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert reader(app).summary is not None
        assert reader(app).summary.source == "-"  # type: ignore[union-attr]
        original = app.reader.query_one("#original", SentencePane)
        drawn = "".join(original.render_line(y).text for y in range(original.line_count))
        assert "[bold red]council[/]" in drawn and "[link=x]" in drawn
        assert "\x1b" not in drawn and "\u241b" in drawn


@pytest.mark.seed
async def test_seed_article_marks_its_promotional_lines(seed_text: str) -> None:
    app = EvenhandApp("-", data=seed_text.encode("utf-8"))
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        summary = reader(app).summary
        assert summary is not None
        original = app.reader.query_one("#original", SentencePane)
        await pilot.press("G")
        drawn = [original.render_line(y).text for y in range(original.size.height)]
        for line in ("Related Posts", "Submit a Correction", "Click to check it out."):
            assert any(f"⊘ {line}" in row for row in drawn), line
        assert all(not d.kept for d in summary.decisions if d.boilerplate)
        assert app.reader.query_one("#summary", SentencePane).line_count > 0


async def test_hostile_file_name_and_text_reach_neither_title_nor_clipboard(tmp_path: Path) -> None:
    page = tmp_path / "nosuch\x1b[2J\x1b]0;pwned\x07\u202e.txt"
    page.write_text(
        "The bridge reopened on Monday.\x1b[201~rm -rf ~ Traffic was light.\x1b]52;c;cHduZWQ=\x07 "
        "Officials said tolls will not change. The mayor spoke. The clerk counted.",
        "utf-8",
    )
    app = EvenhandApp(str(page), settings=SummarySettings(sentences=4))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        title = str(app.screen.query_one("#original").border_title)
        assert "\x1b" not in title and "\x07" not in title and "\u202e" not in title
        assert "␛[2J" in title
        await pilot.press("y")
        assert app.clipboard and "\x1b" not in app.clipboard and "\x07" not in app.clipboard
        assert "␛[201~" in app.clipboard


async def test_no_control_bidi_or_invisible_character_reaches_the_title_or_the_clipboard(tmp_path: Path) -> None:
    import re

    page = tmp_path / "tab\there\x7fdel\u009bc1\u200bzw\u2066iso\rcr.txt"
    page.write_text(
        "The bridge reopened on Monday.\u009b2J Traffic\u200b was light.\x7f\x08\x08 "
        "Officials said\u202e tolls will not change.\r The mayor\u2028spoke. The clerk\x1b[8m counted.",
        "utf-8",
    )
    unsafe = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\u2028\u2029]")
    app = EvenhandApp(str(page), settings=SummarySettings(sentences=4))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        title = str(app.screen.query_one("#original").border_title)
        assert not unsafe.search(title) and "\t" not in title and "\n" not in title, repr(title)
        await pilot.press("y")
        assert app.clipboard and not unsafe.search(app.clipboard), repr(app.clipboard)
