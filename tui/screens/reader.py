"""The reader: the original beside its summary, a sentence cursor shared by both, and the controls.

The screen owns the state (the summary on show, the settings, the sentence under the
cursor) and the one background worker that reads and summarises; widgets only draw
what they are given and report what the reader did.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Container, Horizontal
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Input
from textual.worker import get_current_worker

from summarizer import ALL_ALGORITHMS, Analysis, Document, EvenhandError, Summary, WebPage, analyse, summarize
from summarizer.align import Alignment, align
from summarizer.load import is_url
from summarizer.render.sanitize import inert, one_line
from tui.export import EXPORT_FORMATS, default_export_path, export_summary
from tui.messages import (
    DocumentAnalysed,
    DocumentRead,
    PaneScrolled,
    SentenceClicked,
    SettingsApplied,
    SettingsChosen,
    SummaryFailed,
    SummaryReady,
)
from tui.passages import (
    BOILERPLATE_GLYPH,
    DROPPED_GLYPH,
    Block,
    document_blocks,
    original_blocks,
    summary_blocks,
)
from tui.screens.confirm import ConfirmScreen
from tui.screens.error import ErrorScreen
from tui.screens.export import ExportScreen
from tui.screens.open_file import OpenFileScreen
from tui.settings import NEUTRALITY_STEP, SummarySettings
from tui.source import load_document
from tui.widgets.controls_panel import ControlsPanel
from tui.widgets.details_panel import DetailsPanel
from tui.widgets.sentence_pane import SentencePane
from tui.widgets.stats_bar import StatsBar

#: Seconds a re-summarise may take before the summary pane shows that it is loading.
LOADING_DELAY = 0.3

# The footer shows "+ - Length" as one entry, so every key fits at 80 columns.
LENGTH_GROUP = Binding.Group("Length")
DROPPED_GROUP = Binding.Group("Dropped")
MATCH_GROUP = Binding.Group("Match")


class ReaderScreen(Screen[None]):
    """Original and summary side by side (stacked when narrow), with details, controls and stats."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "next_sentence", "Next sentence", show=False, id="next-sentence"),
        Binding("k,up", "previous_sentence", "Previous sentence", show=False, id="previous-sentence"),
        Binding(
            "n",
            "next_match",
            "Next match (after a search)",
            tooltip="Move the cursor to the next sentence that matches the search",
            group=MATCH_GROUP,
            id="next-match",
        ),
        Binding(
            "N",
            "previous_match",
            "Prev match (after a search)",
            tooltip="Move the cursor to the previous sentence that matches the search",
            group=MATCH_GROUP,
            id="previous-match",
        ),
        Binding(
            "n",
            "next_dropped",
            "Next dropped",
            tooltip="Move the cursor to the next sentence left out of the summary",
            group=DROPPED_GROUP,
            id="next-dropped",
        ),
        Binding(
            "p",
            "previous_dropped",
            "Prev dropped",
            tooltip="Move the cursor to the previous sentence left out of the summary",
            group=DROPPED_GROUP,
            id="previous-dropped",
        ),
        Binding(
            "slash",
            "search",
            "Search",
            key_display="/",
            tooltip="Find the sentences that contain some words (then n and N move through them)",
            id="search",
        ),
        Binding("escape", "clear_search", "Clear search", show=False, id="clear-search"),
        Binding("g,home", "first_sentence", "First sentence", show=False, id="first-sentence"),
        Binding("G,end", "last_sentence", "Last sentence", show=False, id="last-sentence"),
        Binding(
            "d",
            "toggle_details",
            "Details",
            tooltip="Show or hide why the sentence under the cursor was kept or dropped",
            id="toggle-details",
        ),
        Binding(
            "c",
            "toggle_controls",
            "Controls",
            tooltip="Show or hide the algorithm, length, edits and neutrality controls",
            id="toggle-controls",
        ),
        Binding("plus,equals_sign", "longer", "Longer", key_display="+", group=LENGTH_GROUP, id="longer"),
        Binding("minus", "shorter", "Shorter", key_display="-", group=LENGTH_GROUP, id="shorter"),
        Binding("r", "next_ratio", "Next ratio (10–75%)", show=False, id="next-ratio"),
        Binding("a", "next_algorithm", "Next algorithm", show=False, id="next-algorithm"),
        Binding("t", "next_edits", "Next edit level (none, trim, reword, compress)", show=False, id="next-edits"),
        Binding(
            "greater_than_sign", "more_neutral", "Neutrality weight +0.25", show=False, id="more-neutral"
        ),
        Binding("less_than_sign", "less_neutral", "Neutrality weight −0.25", show=False, id="less-neutral"),
        Binding("o", "open", "Open", tooltip="Open another article", id="open"),
        Binding("e", "export", "Save", tooltip="Export: save the summary as Markdown, HTML or JSON", id="export"),
        Binding("y", "copy", "Copy", show=False, id="copy"),
    ]

    def __init__(
        self,
        source: str | None,
        *,
        data: bytes | None = None,
        summary: Summary | None = None,
        settings: SummarySettings | None = None,
        document: Document | None = None,
    ) -> None:
        super().__init__()
        self.source = source
        self._data = data
        self._document = document
        self.summary: Summary | None = None
        # The summary's alignment, computed once per summary: both panes are laid out from it.
        self.alignment: Alignment | None = None
        self.settings = settings or SummarySettings()
        self.cursor = 0
        self._initial = summary
        self._generation = 0
        self._new_document = False
        self._pending: tuple[str, bytes | None] | None = None
        self._loading_timer: Timer | None = None
        # The open document's analysis (cues, bias, boilerplate, words): it does not depend on
        # the settings, so re-summarising only selects again.  The worker posts it
        # (DocumentAnalysed) and the handler assigns it, on the UI thread.
        self._analysis: Analysis | None = None
        # The last search: its words and the sentences that contain them, in document order.
        self._query = ""
        self._matches: list[int] = []

    def compose(self) -> ComposeResult:
        yield StatsBar("Reading…", id="stats")
        with Horizontal(id="body"):
            with Container(id="panes"):
                original = SentencePane(id="original")
                original.border_title = Text("Original")
                yield original
                summary = SentencePane(id="summary")
                summary.border_title = Text("Summary")
                yield summary
            yield ControlsPanel(id="controls", classes="-hidden")
        yield DetailsPanel(id="details")
        yield Input(placeholder="Search the original: words, then Enter (Escape cancels)", id="search", compact=True)
        # The command palette (ctrl+p) is listed under ?, so the footer's keys all fit at 80 columns.
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.query_one("#original", SentencePane).focus()
        if self._initial is not None:
            self._show(self._initial)
        elif self._document is not None:  # read already (a fetched web page)
            self._new_document = True
            self._summarize(self._document.source, self._document, None, None, self.settings, self._start())
        elif self.source is not None:
            self.load(self.source, data=self._data)

    # ---- the worker ------------------------------------------------------------------------

    def _start(self) -> int:
        self._generation += 1
        if self._loading_timer is not None:
            self._loading_timer.stop()
        if self.summary is None or self._pending is not None:
            self._show_loading()
        else:
            # Re-summarising takes a few dozen ms: show the loading indicator only if it
            # takes long enough to notice, rather than repaint the panes twice for nothing.
            self._loading_timer = self.set_timer(LOADING_DELAY, self._show_loading)
        return self._generation

    def _show_loading(self) -> None:
        self._loading_timer = None
        self.query_one("#summary").loading = True
        if self.summary is None or self._pending is not None:
            self.query_one("#original").loading = True

    def _stop_loading(self) -> None:
        if self._loading_timer is not None:
            self._loading_timer.stop()
            self._loading_timer = None
        self.query_one("#summary").loading = False
        self.query_one("#original").loading = False

    def load(self, source: str, *, data: bytes | None = None) -> None:
        """Read ``source`` and summarise it in the background with the current settings."""
        self._new_document = True
        self._pending = (source, data)
        self._summarize(source, None, data, None, self.settings, self._start())

    def resummarize(self, settings: SummarySettings) -> None:
        """Summarise the current document again with ``settings``, in the background."""
        if self._pending is not None:
            # A file is still loading: load it with the new settings instead.
            source, data = self._pending
            self.settings = settings
            self._summarize(source, None, data, None, settings, self._start())
            return
        if self.summary is None:
            self.settings = settings
            return
        self._new_document = False
        document = self.summary.document
        analysis = self._analysis if self._analysis is not None and self._analysis.document is document else None
        self._summarize(self.summary.source, document, None, analysis, settings, self._start())

    @work(thread=True, exclusive=True, group="summarize")
    def _summarize(
        self,
        source: str | None,
        document: Document | None,
        data: bytes | None,
        analysis: Analysis | None,
        settings: SummarySettings,
        generation: int,
    ) -> None:
        """Read (unless ``document`` is given), analyse (unless ``analysis`` is), summarise and align.

        Runs in a thread: it writes no state of the screen or its widgets, it only posts
        messages (``DocumentRead``, ``DocumentAnalysed``, ``SummaryReady`` or ``SummaryFailed``)
        whose handlers, on the UI thread, assign what they carry.
        """
        worker = get_current_worker()
        fatal = document is None
        try:
            if document is None:
                assert source is not None
                document = load_document(source, data=data)
                if not worker.is_cancelled and document.sentences:
                    self.post_message(DocumentRead(document, document_blocks(document), generation))
            if analysis is None or analysis.document is not document:
                analysis = analyse(document)
                if not worker.is_cancelled:
                    self.post_message(DocumentAnalysed(analysis, generation))
            if worker.is_cancelled:
                return
            summary = summarize(document, analysis=analysis, options=settings.options())
            alignment = align(summary)
            original, condensed = original_blocks(alignment), summary_blocks(alignment)
        except (EvenhandError, ValueError) as error:
            if not worker.is_cancelled:
                self.post_message(SummaryFailed(str(error), source, generation, fatal=fatal))
            return
        except Exception as error:  # a bug in the core must not end the session with a traceback
            if not worker.is_cancelled:
                detail = f"internal error while summarising: {type(error).__name__}: {error}"
                self.post_message(SummaryFailed(detail, source, generation, fatal=fatal))
            return
        if not worker.is_cancelled:
            self.post_message(
                SummaryReady(summary, alignment, settings, generation, original=original, condensed=condensed)
            )

    @on(DocumentAnalysed)
    def _document_analysed(self, message: DocumentAnalysed) -> None:
        if message.generation != self._generation:
            return  # a worker that was superseded: its analysis may be of another document
        self._analysis = message.analysis

    @on(DocumentRead)
    def _document_read(self, message: DocumentRead) -> None:
        if message.generation != self._generation:
            return
        original = self.query_one("#original", SentencePane)
        original.loading = False
        original.cursor = None
        original.show(message.blocks)
        original.border_title = Text(f"Original · {_source_name(message.document.source, message.document.page)}")
        stats = self.query_one(StatsBar)
        stats.update(f"Summarising {len(message.document.sentences):,} sentences…")

    @on(SummaryReady)
    def _summary_ready(self, message: SummaryReady) -> None:
        if message.generation != self._generation:
            return
        self._pending = None
        self._stop_loading()
        self.settings = message.settings
        if self._new_document:
            self.cursor = 0
        self._show(message.summary, message.alignment, message.original, message.condensed)
        self._matches = _matching(message.summary, self._query)
        self._mark_matches()
        self.post_message(SettingsApplied(message.settings))
        for note in message.summary.notes:
            self.notify(note, title="Note", timeout=6, markup=False)

    @on(SummaryFailed)
    def _summary_failed(self, message: SummaryFailed) -> None:
        if message.generation != self._generation:
            return
        self._pending = None
        self._stop_loading()
        if self.summary is not None:
            # Put back what the failed load may have replaced.
            self._show(self.summary, self.alignment)
        else:
            self.query_one(StatsBar).update(Text("Nothing open: press o to open an article, q to quit."))
        can_go_back = self.summary is not None
        self.app.push_screen(ErrorScreen(message.message, can_go_back=can_go_back), self._after_error)

    def _after_error(self, choice: str | None) -> None:
        if choice == "open":
            self.action_open()
        elif choice == "quit":
            self.app.exit()

    # ---- showing ---------------------------------------------------------------------------

    def _show(
        self,
        summary: Summary,
        alignment: Alignment | None = None,
        original_text: tuple[Block, ...] | None = None,
        summary_text: tuple[Block, ...] | None = None,
    ) -> None:
        """Show ``summary``: both panes laid out from its ``alignment`` (aligned here when not given)."""
        if alignment is None:  # a summary given to the screen, not made by its worker
            alignment = align(summary)
        self.summary = summary
        self.alignment = alignment
        self.source = summary.source
        original = self.query_one("#original", SentencePane)
        pane = self.query_one("#summary", SentencePane)
        if original_text is None:
            original_text = original_blocks(alignment)
        if summary_text is None:
            summary_text = summary_blocks(alignment)
        original.show(original_text)
        pane.show(summary_text)
        original.border_title = Text(f"Original · {_source_name(summary.source, summary.document.page)}")
        original.border_subtitle = _legend()
        pane.border_subtitle = _added_legend() if _adds_words(summary_text) else None
        pane.border_title = Text(f"Summary · {len(summary.kept)} of {len(summary.decisions)} sentences")
        self.query_one(StatsBar).show(summary, self.settings)
        self.query_one(ControlsPanel).sync(self.settings, summary.budget.target)
        self.cursor = min(self.cursor, max(0, len(summary.decisions) - 1))
        self.call_after_refresh(self._move_cursor, self.cursor)

    def _move_cursor(self, index: int) -> None:
        if self.summary is None or not self.summary.decisions or self._pending is not None:
            # Nothing to point at yet, or a new document is on screen before its decisions.
            return
        index = max(0, min(index, len(self.summary.decisions) - 1))
        self.cursor = index
        original = self.query_one("#original", SentencePane)
        pane = self.query_one("#summary", SentencePane)
        original.cursor = index
        pane.cursor = index
        original.scroll_to_sentence(index)
        pane.scroll_to_sentence(index)
        self.query_one(DetailsPanel).show(self.summary, index)

    @on(SentenceClicked)
    def _sentence_clicked(self, message: SentenceClicked) -> None:
        self._move_cursor(message.index)

    @on(PaneScrolled)
    def _pane_scrolled(self, message: PaneScrolled) -> None:
        other = "#summary" if message.pane_id == "original" else "#original"
        self.query_one(other, SentencePane).scroll_to_sentence(message.index, top=True)

    @on(SettingsChosen)
    def _settings_chosen(self, message: SettingsChosen) -> None:
        self.resummarize(message.settings)

    # ---- cursor actions ----------------------------------------------------------------------

    def _order(self) -> list[int]:
        """The sentences the cursor walks: the summary's when it has focus, else all."""
        focused = self.focused
        if isinstance(focused, SentencePane) and focused.id == "summary" and focused.sentence_order:
            return focused.sentence_order
        return list(range(len(self.summary.decisions))) if self.summary else []

    def _step(self, change: int) -> None:
        order = self._order()
        if not order:
            return
        if self.cursor in order:
            position = order.index(self.cursor) + change
        else:
            later = [i for i, sentence in enumerate(order) if sentence > self.cursor]
            position = (later[0] if later else len(order)) + (change if change < 0 else 0)
        self._move_cursor(order[max(0, min(position, len(order) - 1))])

    def action_next_sentence(self) -> None:
        self._step(1)

    def action_previous_sentence(self) -> None:
        self._step(-1)

    def action_first_sentence(self) -> None:
        order = self._order()
        if order:
            self._move_cursor(order[0])

    def action_last_sentence(self) -> None:
        order = self._order()
        if order:
            self._move_cursor(order[-1])

    def _jump_dropped(self, direction: int) -> None:
        if self.summary is None:
            return
        decisions = self.summary.decisions
        indices = range(self.cursor + 1, len(decisions)) if direction > 0 else range(self.cursor - 1, -1, -1)
        for index in indices:
            if not decisions[index].kept:
                self.query_one("#original", SentencePane).focus()
                self._move_cursor(index)
                return
        self.notify("No more dropped sentences " + ("below." if direction > 0 else "above."), timeout=2)

    def action_next_dropped(self) -> None:
        self._jump_dropped(1)

    def action_previous_dropped(self) -> None:
        self._jump_dropped(-1)

    # ---- search -------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # After a search, n and N walk its matches; before one (or after Escape), n and p walk the
        # dropped sentences.  One pair at a time keeps every footer key visible at 80 columns.
        if action in ("next_match", "previous_match", "clear_search"):
            return bool(self._query)
        if action in ("next_dropped", "previous_dropped"):
            return not self._query
        return True

    def action_search(self) -> None:
        search = self.query_one("#search", Input)
        search.value = self._query
        search.display = True
        search.focus()

    @on(Input.Submitted, "#search")
    def _search_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._close_search()
        self.search(event.value)

    def _close_search(self) -> None:
        self.query_one("#search", Input).display = False
        self.query_one("#original", SentencePane).focus()

    def search(self, query: str) -> None:
        """Find the sentences that contain ``query`` (any case) and put the cursor on the first from here."""
        self._query = " ".join(query.split())
        self._matches = _matching(self.summary, self._query) if self.summary else []
        self._mark_matches()
        self.refresh_bindings()
        if not self._query:
            return
        if not self._matches:
            self.notify(f"No sentence contains “{self._query}”.", severity="warning", timeout=3, markup=False)
            return
        later = [i for i in self._matches if i >= self.cursor]
        target = later[0] if later else self._matches[0]
        self._move_cursor(target)
        count = len(self._matches)
        self.notify(
            f"{count} sentence{'s' if count != 1 else ''} with “{self._query}”: n next, N previous, Escape clears.",
            timeout=4,
            markup=False,
        )

    def _jump_match(self, direction: int) -> None:
        if not self._matches:
            self.notify(f"No sentence contains “{self._query}”.", severity="warning", timeout=2, markup=False)
            return
        if direction > 0:
            later = [i for i in self._matches if i > self.cursor]
            target, wrapped = (later[0], False) if later else (self._matches[0], True)
        else:
            earlier = [i for i in self._matches if i < self.cursor]
            target, wrapped = (earlier[-1], False) if earlier else (self._matches[-1], True)
        self._move_cursor(target)
        position = self._matches.index(target) + 1
        note = " (from the top)" if wrapped and direction > 0 else " (from the end)" if wrapped else ""
        self.notify(f"Match {position} of {len(self._matches)}{note}", timeout=2, markup=False)

    def action_next_match(self) -> None:
        self._jump_match(1)

    def action_previous_match(self) -> None:
        self._jump_match(-1)

    def action_clear_search(self) -> None:
        self._query = ""
        self._matches = []
        self._mark_matches()
        self.refresh_bindings()

    def _mark_matches(self) -> None:
        found = frozenset(self._matches)
        for pane in self.query(SentencePane):
            pane.mark_matches(found)

    def on_key(self, event: events.Key) -> None:
        # Escape in the search box cancels it (the screen's Escape binding clears a finished search).
        if event.key == "escape" and self.query_one("#search", Input).display:
            event.stop()
            self._close_search()

    # ---- panels -------------------------------------------------------------------------------

    def action_toggle_details(self) -> None:
        self.query_one(DetailsPanel).toggle_class("-hidden")

    def action_toggle_controls(self) -> None:
        self.query_one(ControlsPanel).toggle_class("-hidden")

    # ---- settings -----------------------------------------------------------------------------

    def _target(self) -> int:
        return self.summary.budget.target if self.summary else 0

    def _change_length(self, change: int) -> None:
        if self.summary is None or self._pending is not None:
            return  # the length is counted from the summary on screen
        available = len(self.summary.decisions)
        self.resummarize(self.settings.with_length(self._target(), change, available=available))

    def action_longer(self) -> None:
        self._change_length(1)

    def action_shorter(self) -> None:
        self._change_length(-1)

    def action_next_ratio(self) -> None:
        self.resummarize(self.settings.next_ratio())

    def action_next_algorithm(self) -> None:
        self.resummarize(self.settings.next_algorithm())

    def choose_algorithm(self, algorithm: str) -> None:
        """Re-summarise with ``algorithm`` (used by the command palette)."""
        if algorithm in ALL_ALGORITHMS:
            self.resummarize(self.settings.with_algorithm(algorithm))

    def action_next_edits(self) -> None:
        self.resummarize(self.settings.next_edits())

    def action_more_neutral(self) -> None:
        self.resummarize(self.settings.with_neutrality(NEUTRALITY_STEP))

    def action_less_neutral(self) -> None:
        self.resummarize(self.settings.with_neutrality(-NEUTRALITY_STEP))

    # ---- files --------------------------------------------------------------------------------

    def action_open(self) -> None:
        start = Path(self.source).parent if self.source and self.source != "-" else Path.cwd()
        self.app.push_screen(OpenFileScreen(start), self._open_chosen)

    def _open_chosen(self, path: str | None) -> None:
        if path:
            self.load(path)

    def action_export(self) -> None:
        if self.summary is None:
            self.notify("Nothing to export yet.", severity="warning")
            return
        default = default_export_path(self.source, EXPORT_FORMATS[0])
        self.app.push_screen(ExportScreen(default), self._export_chosen)

    def _export_chosen(self, choice: tuple[str, str] | None) -> None:
        if choice is None or self.summary is None:
            return
        path, fmt = Path(choice[0]), choice[1]
        if path.is_dir():
            self.notify(f"{path} is a folder; give a file name.", severity="error", markup=False)
            return
        if path.exists():
            summary, alignment = self.summary, self.alignment

            def overwrite(answer: bool | None) -> None:
                if answer:
                    self._write_export(summary, fmt, path, alignment)
                else:
                    self.notify("Not exported: the file was left as it was.", timeout=3)

            self.app.push_screen(ConfirmScreen(f"{path} already exists. Replace it?"), overwrite)
        else:
            self._write_export(self.summary, fmt, path, self.alignment)

    def _write_export(self, summary: Summary, fmt: str, path: Path, alignment: Alignment | None) -> None:
        try:
            export_summary(summary, fmt, path, alignment=alignment)
        except (OSError, ValueError) as error:
            self.notify(f"Could not export: {error}", severity="error", timeout=6, markup=False)
            return
        self.notify(f"Exported {fmt} to {path}", timeout=4, markup=False)

    def action_copy(self) -> None:
        if self.summary is None:
            return
        # The clipboard reaches a shell: no escape (ESC[201~ would end a bracketed paste) gets there.
        self.app.copy_to_clipboard(inert(self.summary.text))
        self.notify("Summary copied to the clipboard (if the terminal allows it).", timeout=3)


def _legend() -> Text:
    """The marks the original pane uses, under it (plain text, no markup)."""
    return Text.assemble(
        (DROPPED_GLYPH.strip(), "bold"),
        " dropped  ",
        (BOILERPLATE_GLYPH.strip(), "bold"),
        " boilerplate  ",
        ("trimmed", "strike"),
        "  ",
        ("loaded", "underline"),
    )


def _added_legend() -> Text:
    """The summary pane's one mark, under it when the summary adds words (a bracketed name, a plainer word)."""
    return Text.assemble(("added", "italic"))


def _adds_words(blocks: tuple[Block, ...]) -> bool:
    return any("inserted" in run.roles for block in blocks for run in block.runs)


def _matching(summary: Summary | None, query: str) -> list[int]:
    """Indices of the sentences whose text contains ``query``, ignoring case."""
    if summary is None or not query:
        return []
    wanted = query.casefold()
    return [d.index for d in summary.decisions if wanted in " ".join(d.sentence.text.split()).casefold()]


def _source_name(source: str | None, page: WebPage | None = None) -> str:
    """The pane title's name for the input: one line, every control and bidi character made visible."""
    if page is not None and (page.title or page.site_name):
        # Site and date first: a narrow pane cuts the end, and the title is the text's first line anyway.
        return one_line(" · ".join(" ".join(part.split()) for part in (page.site_name, page.date, page.title) if part))
    if source and is_url(source):
        return one_line(source)
    return one_line(Path(source).name) if source and source != "-" else "standard input"
