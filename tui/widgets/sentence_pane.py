"""A scrolling pane of soft-wrapped prose with a sentence cursor (Textual's Line API).

The pane draws :class:`tui.passages.Block` objects; it knows sentences only by index and
looks only by role.  Wrapping is done here, once per width, so a long article costs one
pass when it arrives or the terminal is resized, and each frame renders only the lines
on screen.  Every role is a component class styled in ``evenhand.tcss`` from theme
variables; the cursor also shows as a bar in the two-cell gutter.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from functools import lru_cache
from typing import ClassVar

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual import events, work
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.worker import get_current_worker

from tui.messages import PaneScrolled, SentenceClicked
from tui.passages import Block

_CHUNK = re.compile(r"\S+\s*|\s+")
GUTTER = 2
CURSOR_BAR = "▌ "
# Where the cursor's sentence would be in a pane that does not show it (a dropped sentence in
# the summary): a pointer in the cursor's own colour, never a mark that could read as "dropped".
GAP_MARK = "▸ "
ROLES = ("kept", "dropped", "boilerplate", "trimmed", "inserted", "loaded", "glyph", "match")
_MATCH = frozenset({"match"})


def wrap_starts(text: str, width: int) -> list[int]:
    """Offsets where each wrapped line of ``text`` starts, breaking at spaces (folding long words)."""
    width = max(1, width)
    starts = [0]
    used = 0
    for match in _CHUNK.finditer(text):
        chunk = match.group()
        word = chunk.rstrip()
        word_width = cell_len(word)
        if used and used + word_width > width:
            starts.append(match.start())
            used = 0
        if word_width > width:
            position = match.start()
            for char in word:
                char_width = cell_len(char)
                if used and used + char_width > width:
                    starts.append(position)
                    used = 0
                used += char_width
                position += 1
            used += len(chunk) - len(word)
        else:
            used += cell_len(chunk)
    return starts


@lru_cache(maxsize=8192)
def _wrapped(text: str, width: int) -> tuple[int, ...]:
    """:func:`wrap_starts`, remembered: a re-summarise rewraps the same paragraphs of the original."""
    return tuple(wrap_starts(text, width))


Layout = tuple[list[tuple[int, int, int]], dict[int, int], dict[int, int]]
"""Wrapped lines as (block, start, end) (block -1: blank line), and each sentence's first and last line."""

# Texts up to this many characters are wrapped at once (a few milliseconds); longer ones in a thread.
SYNC_WRAP_CHARS = 200_000


def layout_lines(blocks: Sequence[Block], width: int) -> Layout:
    """Wrap every block to ``width`` cells, with a blank line between blocks."""
    lines: list[tuple[int, int, int]] = []
    first: dict[int, int] = {}
    last: dict[int, int] = {}
    for block_index, block in enumerate(blocks):
        if block_index:
            lines.append((-1, 0, 0))
        starts = _wrapped(block.text, width)
        ends = [*starts[1:], len(block.text)]
        runs = block.runs
        run_index = 0
        for start, end in zip(starts, ends, strict=True):
            line = len(lines)
            lines.append((block_index, start, end))
            while run_index < len(runs) and runs[run_index].end <= start:
                run_index += 1
            probe = run_index
            while probe < len(runs) and runs[probe].start < end:
                sentence = runs[probe].sentence
                if sentence >= 0:
                    first.setdefault(sentence, line)
                    last[sentence] = line
                probe += 1
    return lines, first, last


class SentencePane(ScrollView, can_focus=True):
    """Prose in paragraphs, each sentence located and styled by role, one sentence under the cursor."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        *(f"sentence-pane--{role}" for role in ROLES),
        "sentence-pane--cursor",
        "sentence-pane--gutter",
    }

    # The arrows and Home/End move the sentence cursor (the screen's actions) rather than
    # scroll; Page Up/Down and the mouse wheel still scroll.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "screen.previous_sentence", "Previous sentence", show=False),
        Binding("down", "screen.next_sentence", "Next sentence", show=False),
        Binding("home", "screen.first_sentence", "First sentence", show=False),
        Binding("end", "screen.last_sentence", "Last sentence", show=False),
    ]

    cursor: reactive[int | None] = reactive(None, always_update=True)
    """Index of the sentence under the cursor (``None``: none in this pane)."""

    def __init__(self, *, name: str | None = None, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._blocks: tuple[Block, ...] = ()
        self._lines: list[tuple[int, int, int]] = []  # (block, start, end); block -1 is a blank line
        self._first_line: dict[int, int] = {}
        self._last_line: dict[int, int] = {}
        self._run_starts: list[list[int]] = []
        self._order: list[int] = []  # sentence indices in pane order
        self._wrapped_for = -1
        self._styles: dict[tuple[frozenset[str], bool], Style] = {}
        self._quiet = False
        self._matches: frozenset[int] = frozenset()

    # ---- content ---------------------------------------------------------------------------

    def show(self, blocks: Sequence[Block]) -> None:
        """Replace the pane's content."""
        self._blocks = tuple(blocks)
        self._run_starts = [[run.start for run in block.runs] for block in self._blocks]
        order: list[int] = []
        for block in self._blocks:
            order.extend(block.sentences)
        self._order = order
        self._lines, self._first_line, self._last_line = [], {}, {}
        self._wrapped_for = -1
        self.virtual_size = Size(0, 0)
        self._rewrap()
        self.refresh()

    def mark_matches(self, indices: frozenset[int]) -> None:
        """Mark the sentences a search found (an empty set clears the marks)."""
        if indices != self._matches:
            self._matches = indices
            self.refresh()

    @property
    def sentence_order(self) -> list[int]:
        """Indices of the sentences this pane shows, in order."""
        return self._order

    @property
    def line_count(self) -> int:
        return len(self._lines)

    def _rewrap(self) -> None:
        width = self.scrollable_content_region.width - GUTTER
        if width < 1 or width == self._wrapped_for:
            # Not laid out yet (or no change): wrapping waits for the first real size.
            return
        self._wrapped_for = width
        if sum(len(block.text) for block in self._blocks) <= SYNC_WRAP_CHARS:
            self._apply_layout(self._blocks, width, layout_lines(self._blocks, width))
        else:
            # A long text is wrapped in a thread so the interface stays responsive.
            self.loading = True
            self._wrap_in_background(self._blocks, width)

    @work(thread=True, exclusive=True, group="wrap")
    def _wrap_in_background(self, blocks: tuple[Block, ...], width: int) -> None:
        layout = layout_lines(blocks, width)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._apply_layout, blocks, width, layout)

    def _apply_layout(self, blocks: tuple[Block, ...], width: int, layout: Layout) -> None:
        if blocks is not self._blocks or width != self._wrapped_for:
            return  # the content or the width changed while wrapping
        anchor = self.top_sentence()
        self._lines, self._first_line, self._last_line = layout
        self.virtual_size = Size(width + GUTTER, len(self._lines))
        self.loading = False
        if self.cursor is not None and self.cursor in self._first_line:
            self.scroll_to_sentence(self.cursor)
        elif anchor is not None:
            self.scroll_to_sentence(anchor, top=True)
        self.refresh()

    def on_resize(self, event: events.Resize) -> None:
        self._rewrap()

    # ---- geometry ---------------------------------------------------------------------------

    def lines_of(self, index: int) -> tuple[int, int] | None:
        """First and last line of sentence ``index`` in this pane, or ``None`` if it is not here."""
        if index not in self._first_line:
            return None
        return self._first_line[index], self._last_line[index]

    def nearest_shown(self, index: int) -> int | None:
        """``index`` if this pane shows it, else the next sentence it shows (or the last one)."""
        if index in self._first_line:
            return index
        if not self._first_line or not self._order:
            return None
        position = bisect_right(self._order, index)
        return self._order[min(position, len(self._order) - 1)]

    def top_sentence(self) -> int | None:
        """The first sentence that starts on or after the top line of the view."""
        if not self._lines:
            return None
        top = round(self.scroll_y)
        for line in range(top, len(self._lines)):
            sentence = self._sentence_starting_on(line)
            if sentence is not None:
                return sentence
        return self._order[-1] if self._order else None

    def _sentence_starting_on(self, line: int) -> int | None:
        block_index, start, end = self._lines[line]
        if block_index < 0:
            return None
        block = self._blocks[block_index]
        for run in block.runs[max(0, bisect_right(self._run_starts[block_index], start) - 1) :]:
            if run.start >= end:
                break
            if run.sentence >= 0 and self._first_line.get(run.sentence) == line:
                return run.sentence
        return None

    def sentence_at(self, x: int, line: int) -> int | None:
        """The sentence drawn at cell ``x`` of pane line ``line``."""
        if not 0 <= line < len(self._lines):
            return None
        block_index, start, end = self._lines[line]
        if block_index < 0:
            return None
        block = self._blocks[block_index]
        offset = start
        cells = 0
        target = max(0, x - GUTTER)
        while offset < end and cells + cell_len(block.text[offset]) <= target:
            cells += cell_len(block.text[offset])
            offset += 1
        offset = min(offset, end - 1)
        position = bisect_right(self._run_starts[block_index], offset) - 1
        runs = block.runs
        if position < 0:
            return None
        if runs[position].sentence >= 0:
            return runs[position].sentence
        # The space between two sentences belongs to the one after it.
        return runs[position + 1].sentence if position + 1 < len(runs) else runs[position - 1].sentence

    # ---- scrolling -------------------------------------------------------------------------

    def _scroll_quietly(self, y: int) -> None:
        self._quiet = True
        try:
            self.scroll_to(y=max(0, y), animate=False, immediate=True)
        finally:
            self._quiet = False

    def scroll_to_sentence(self, index: int, *, top: bool = False) -> None:
        """Bring sentence ``index`` (or the next one shown here) into view without announcing it."""
        shown = self.nearest_shown(index)
        if shown is None:
            return
        first, last = self._first_line[shown], self._last_line[shown]
        height = max(1, self.scrollable_content_region.height)
        y = round(self.scroll_y)
        if top or first < y:
            self._scroll_quietly(first)
        elif last >= y + height:
            self._scroll_quietly(min(first, last - height + 1))

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if not self._quiet and round(old_value) != round(new_value):
            top = self.top_sentence()
            if top is not None and self.id is not None:
                self.post_message(PaneScrolled(self.id, top))

    def watch_cursor(self, old: int | None, new: int | None) -> None:
        self.refresh()

    # ---- drawing ---------------------------------------------------------------------------

    def notify_style_update(self) -> None:
        self._styles.clear()
        super().notify_style_update()

    def _style(self, roles: frozenset[str], under_cursor: bool) -> Style:
        key = (roles, under_cursor)
        style = self._styles.get(key)
        if style is None:
            style = self.rich_style
            names = [f"sentence-pane--{role}" for role in ROLES if role in roles]
            if under_cursor:
                names.append("sentence-pane--cursor")
            for name in names:
                style += self._component_style(name)
            self._styles[key] = style
        return style

    def _component_style(self, name: str) -> Style:
        """A role's own text style and colours, without the background it would inherit.

        The partial style keeps layers separate (a loaded word inside a dropped sentence
        keeps the dropped background), but its foreground is computed without a
        background, which turns ``auto`` and translucent colours white; the full style
        has the right foreground.
        """
        partial = self.get_component_rich_style(name, partial=True)
        full = self.get_component_rich_style(name)
        color = full.color if partial.color is not None else None
        return partial.without_color + Style.from_color(color, partial.bgcolor)

    def _gap_line(self, cursor: int) -> int | None:
        """Where a sentence this pane does not show would have been: the line of the next one shown.

        The summary pane marks it so the reader sees where the original's cursor is.
        """
        if cursor in self._first_line or not self._first_line:
            return None
        shown = self.nearest_shown(cursor)
        if shown is None:
            return None
        return self._first_line[shown] if shown > cursor else self._last_line[shown]

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        line_index = round(self.scroll_y) + y
        base = self.rich_style
        if line_index >= len(self._lines):
            return Strip.blank(width, base)
        block_index, start, end = self._lines[line_index]
        cursor = self.cursor
        on_cursor = False
        if cursor is not None and cursor in self._first_line:
            on_cursor = self._first_line[cursor] <= line_index <= self._last_line[cursor]
        gutter_style = base + self._component_style("sentence-pane--gutter")
        gutter = CURSOR_BAR if on_cursor and block_index >= 0 else " " * GUTTER
        if not on_cursor and cursor is not None and line_index == self._gap_line(cursor):
            gutter = GAP_MARK
        segments = [Segment(gutter, gutter_style)]
        if block_index >= 0:
            block = self._blocks[block_index]
            text = block.text
            end = start + len(text[start:end].rstrip())
            runs = block.runs
            position = max(0, bisect_right(self._run_starts[block_index], start) - 1)
            while position < len(runs) and runs[position].start < end:
                run = runs[position]
                piece = text[max(start, run.start) : min(end, run.end)]
                if piece:
                    segments.append(
                        Segment(piece, self._style(
                            run.roles | _MATCH if run.sentence in self._matches else run.roles,
                            run.sentence == cursor and cursor >= 0,
                        ))
                    )
                position += 1
        return Strip(segments).adjust_cell_length(width, base)

    # ---- mouse ------------------------------------------------------------------------------

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        sentence = self.sentence_at(offset.x, offset.y + round(self.scroll_y))
        if sentence is not None:
            self.post_message(SentenceClicked(sentence))
