"""The ``terminal`` format: original and summary side by side, drawn with Rich.

Each original sentence is a row: its number and the original on the left, what became of
it on the right, so every kept sentence is level with its source.  Dropped sentences are dimmed
and marked ``✗`` with their reason beside them; trimmed sentences are marked ``✂`` and
their removed words struck through; loaded words are underlined.

Every style has a glyph twin, so the view reads the same without colour (``NO_COLOR``,
or output that is not a terminal): removed words print as ``[-like this-]``, loaded
words as ``_like this_``.  Text from the input is never parsed as Rich markup: every
cell is a :class:`rich.text.Text` built from inert strings.
"""

from __future__ import annotations

import io
from collections.abc import Iterator, Sequence
from itertools import groupby

from rich import box
from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from summarizer.align import DELETED, DROPPED, INSERTED, KEPT, TRIMMED, Alignment, Piece, Row
from summarizer.model import Summary
from summarizer.render import legend
from summarizer.render.sanitize import one_line

# Only the 16 standard colours, so the view looks the same in every terminal theme.
STYLES = {
    "title": "bold",
    "muted": "dim",
    "dropped": "dim",
    "reason": "dim italic",
    "deleted": "strike red",
    "inserted": "bold green",
    "cue": "underline",
    "kept_glyph": "green",
    "trimmed_glyph": "yellow",
    "dropped_glyph": "red",
    "note": "yellow",
}

#: The width of the terminal view when it is not going to a terminal.
DEFAULT_WIDTH = 80


def render_terminal_text(
    summary: Summary, alignment: Alignment, *, width: int | None = None, color: bool | None = None
) -> str:
    """The side-by-side view as a string (the ``terminal`` format of :func:`summarizer.render.render`).

    ``width`` is the terminal's by default, or :data:`DEFAULT_WIDTH` off a terminal; ``color``
    ``None`` decides as Rich does (none with ``NO_COLOR`` or off a terminal).
    """
    if color is None or width is None:
        probe = Console()
        if color is None:
            color = probe.is_terminal and probe.color_system is not None and not probe.no_color
        if width is None:
            width = probe.width if probe.is_terminal else DEFAULT_WIDTH
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=width,
        force_terminal=color,
        color_system="standard" if color else None,
        no_color=not color,
        legacy_windows=False,
        _environ={},
    )
    render_terminal(summary, console, alignment=alignment)
    output = buffer.getvalue()
    if not color:
        # Rich pads every table cell to its width; plain text has no use for trailing spaces.
        output = "\n".join(line.rstrip() for line in output.split("\n"))
    return output


def render_terminal(summary: Summary, console: Console, *, alignment: Alignment | None = None) -> None:
    """Print the side-by-side view to ``console``.

    Glyph markers for removed and loaded words are added whenever ``console`` shows no
    colour (``NO_COLOR``, a file, a dumb terminal), so the meaning never rests on styles.

    Args:
        summary: the summary to show.
        console: where to print; its width decides the wrapping.
        alignment: the summary's alignment, when the caller has it already.
    """
    from summarizer.align import align

    plain = console.no_color or console.color_system is None
    console.print(
        terminal_view(summary, alignment or align(summary), plain=plain, width=console.width),
        highlight=False,
        markup=False,
        emoji=False,
    )


def terminal_view(summary: Summary, alignment: Alignment, *, plain: bool, width: int) -> RenderableType:
    """The whole view as one Rich renderable (header, notes, legend, the two columns), ``width`` columns wide."""
    parts: list[RenderableType] = [
        Text.assemble((one_line(legend.title(summary)), STYLES["title"])),
        _measures(summary),
    ]
    for note in legend.notes(summary):
        parts.append(Text.assemble(("note: ", STYLES["note"]), one_line(note)))
    parts.append(_legend(plain))
    parts.append(_columns(alignment, plain=plain, width=width))
    return Group(*parts)


def _measures(summary: Summary) -> Table:
    table = Table(box=None, show_header=True, header_style=STYLES["muted"], pad_edge=False, padding=(0, 2, 0, 0))
    table.add_column(Text(""))
    table.add_column(Text("original"), justify="right")
    table.add_column(Text("summary"), justify="right")
    for measure in legend.measures(summary):
        table.add_row(Text(measure.label), Text(measure.original), Text(measure.summary))
    return table


# The legend's words for each status, short enough for one line at 80 columns.
_KEY = ((KEPT, "kept"), (TRIMMED, "trimmed"), (DROPPED, "dropped, with the reason on the right"))


def _legend(plain: bool) -> Text:
    # Styles go on spans, never on the Text itself, which every appended span would inherit.
    text = Text.assemble(("key: ", STYLES["muted"]))
    for status, meaning in _KEY:
        text.append(legend.GLYPHS[status], style=STYLES[f"{status}_glyph"])
        text.append(f" {meaning}   ")
    text.append("\n     ")
    if plain:
        text.append(f"{legend.DELETED_OPEN}struck{legend.DELETED_CLOSE} words removed   ")
        text.append(f"{legend.CUE_OPEN}underlined{legend.CUE_CLOSE} loaded wording")
    else:
        text.append("struck", style=STYLES["deleted"])
        text.append(" words removed   ")
        text.append("underlined", style=STYLES["cue"])
        text.append(" loaded wording")
    return text


def _columns(alignment: Alignment, *, plain: bool, width: int) -> Table:
    # Fixed column widths spare Rich from measuring every cell (the slow part on long texts).
    # The two columns share what is left after the divider and a space either side of it.
    left = max(4, (width - 3) // 2)
    right = max(4, width - 3 - left)
    table = Table(
        box=box.MINIMAL,
        expand=True,
        show_edge=False,
        pad_edge=False,
        header_style="bold",
    )
    table.add_column(Text("Original"), width=left, overflow="fold")
    table.add_column(Text("Summary"), width=right, overflow="fold")
    # Sentence numbers, as delta numbers lines: the same numbers as the reasons ("repeats sentence 4").
    digits = len(str(len(alignment.rows)))
    for number, (_, rows) in enumerate(groupby(alignment.rows, key=lambda row: row.paragraph)):
        if number:
            table.add_row(Text(""), Text(""))
        for row in rows:
            table.add_row(
                _original_cell(row, plain=plain, width=left, digits=digits),
                _summary_cell(row, plain=plain, width=right),
            )
    return table


def _glyph(row: Row) -> Text:
    return Text.assemble((legend.GLYPHS[row.status] + " ", STYLES[f"{row.status}_glyph"]))


def _hanging(glyph: Text, body: Text, width: int, number: Text | None = None) -> Table:
    """The glyph (after the sentence number, if any), then the text wrapped in a column of its own."""
    grid = Table.grid()
    used = 2
    if number is not None:
        grid.add_column(width=len(number), no_wrap=True)
        used += len(number)
    grid.add_column(width=2, no_wrap=True)
    grid.add_column(width=max(1, width - used), overflow="fold")
    grid.add_row(*((number,) if number is not None else ()), glyph, body)
    return grid


def _original_cell(row: Row, *, plain: bool, width: int, digits: int) -> Table:
    text = pieces_text(row.original, plain=plain)
    if row.status == DROPPED:
        text.stylize(STYLES["dropped"])
    number = Text(f"{row.index + 1:>{digits}} ", style=STYLES["muted"])
    return _hanging(_glyph(row), text, width, number)


def _summary_cell(row: Row, *, plain: bool, width: int) -> Table:
    if row.status == DROPPED:
        return _hanging(_glyph(row), Text.assemble((one_line(row.reason or "dropped"), STYLES["reason"])), width)
    return _hanging(_glyph(row), pieces_text(row.summary, plain=plain), width)


def pieces_text(pieces: Sequence[Piece], *, plain: bool) -> Text:
    """A sentence's pieces as styled text, with glyph markers too when ``plain``."""
    text = Text()
    for change, run in groupby(pieces, key=lambda piece: piece.change):
        opening, closing, style = _change_marks(change)
        if plain and opening:
            text.append(opening)
        for segment, cue in _cue_runs(list(run)):
            if cue is None:
                text.append(segment, style=style)
                continue
            cue_style = f"{style} {STYLES['cue']}".strip()
            if plain:
                text.append(legend.CUE_OPEN + segment + legend.CUE_CLOSE, style=cue_style)
            else:
                text.append(segment, style=cue_style)
        if plain and closing:
            text.append(closing)
    return text


def _change_marks(change: str) -> tuple[str, str, str]:
    if change == DELETED:
        return legend.DELETED_OPEN, legend.DELETED_CLOSE, STYLES["deleted"]
    if change == INSERTED:
        return legend.INSERTED_OPEN, legend.INSERTED_CLOSE, STYLES["inserted"]
    return "", "", ""


def _cue_runs(pieces: list[Piece]) -> Iterator[tuple[str, str | None]]:
    for cue, run in groupby(pieces, key=lambda piece: piece.cue):
        yield one_line("".join(piece.text for piece in run)), cue
