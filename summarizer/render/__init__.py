"""Renderers: one summary, six formats, all reading the same :class:`~summarizer.align.Alignment`.

    >>> from summarizer.render import render
    >>> print(render(summary, "markdown"))

======== ============================================================ =========
format   what it is                                                   extension
======== ============================================================ =========
terminal original and summary side by side (Rich), with a legend       .txt
text     the summary alone                                            .txt
markdown the summary, then a table "What was dropped and why"         .md
html     one self-contained page, side by side, light and dark        .html
json     the summary JSON (schema v1) plus an ``alignment`` key         .json
diff     a unified diff of the original, a sentence a line, vs. the summary .diff
======== ============================================================ =========

Input is data, never code: every format but JSON shows control characters as visible
glyphs (:mod:`summarizer.render.sanitize`) and escapes its own markup; JSON keeps the
exact text so that offsets index it.
"""

from __future__ import annotations

import io
from typing import TextIO

from rich.console import Console

from summarizer.align import Alignment, align
from summarizer.model import Summary
from summarizer.render.diff import render_diff
from summarizer.render.html import render_html
from summarizer.render.json import render_json, write_json
from summarizer.render.markdown import render_markdown
from summarizer.render.sanitize import inert, one_line
from summarizer.render.terminal import render_terminal
from summarizer.render.text import render_text

__all__ = ["EXTENSIONS", "FORMATS", "inert", "one_line", "render", "render_terminal", "write"]

FORMATS: tuple[str, ...] = ("terminal", "text", "markdown", "html", "json", "diff")

EXTENSIONS: dict[str, str] = {
    "terminal": ".txt",
    "text": ".txt",
    "markdown": ".md",
    "html": ".html",
    "json": ".json",
    "diff": ".diff",
}

#: The width of the terminal view when it is not going to a terminal.
DEFAULT_WIDTH = 80


def render(summary: Summary, fmt: str, *, width: int | None = None, color: bool | None = None) -> str:
    """Render ``summary`` in format ``fmt`` and return the whole output.

    Args:
        summary: the summary to render.
        fmt: one of :data:`FORMATS`.
        width: the terminal view's width in columns; by default the terminal's (as Rich
            measures it), or 80 when not on a terminal.  Ignored by the other formats.
        color: whether the terminal view carries ANSI styles.  ``None`` decides as Rich
            does: no colour when ``NO_COLOR`` is set or standard output is not a terminal.
            Without colour, glyphs carry the meaning.  Ignored by the other formats.

    Returns:
        The output, ending with a newline (the diff of identical texts is ``""``).

    Raises:
        ValueError: ``fmt`` is not one of :data:`FORMATS`.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of: {', '.join(FORMATS)}")
    if fmt == "text":
        return render_text(summary)
    alignment = align(summary)
    if fmt == "terminal":
        return _terminal(summary, alignment, width=width, color=color)
    if fmt == "markdown":
        return render_markdown(summary, alignment)
    if fmt == "html":
        return render_html(summary, alignment)
    if fmt == "json":
        return render_json(summary, alignment)
    return render_diff(summary, alignment)


def write(
    summary: Summary, fmt: str, file: TextIO, *, width: int | None = None, color: bool | None = None
) -> None:
    """Write :func:`render`'s output to ``file``; JSON is written a piece at a time
    (:func:`~summarizer.render.json.write_json`), so a very long document's is never held whole."""
    if fmt == "json":
        write_json(summary, file)
    else:
        file.write(render(summary, fmt, width=width, color=color))


def _terminal(summary: Summary, alignment: Alignment, *, width: int | None, color: bool | None) -> str:
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
