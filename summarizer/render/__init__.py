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

The formats are records in :mod:`summarizer.render.formats`: a new one is one module
plus one entry there.

Input is data, never code: every format but JSON shows control characters as visible
glyphs (:mod:`summarizer.render.sanitize`) and escapes its own markup; JSON keeps the
exact text so that offsets index it.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any, TextIO

from summarizer.render.formats import EXTENSIONS, FORMATS, Format, format_named
from summarizer.render.sanitize import inert, one_line

if TYPE_CHECKING:
    from summarizer.align import Alignment
    from summarizer.model import Summary
    from summarizer.render.terminal import render_terminal

__all__ = ["EXTENSIONS", "FORMATS", "inert", "one_line", "render", "render_terminal", "write"]


def __getattr__(name: str) -> Any:
    # render_terminal needs Rich: imported when asked for, not with every format.
    if name == "render_terminal":
        from summarizer.render.terminal import render_terminal

        return render_terminal
    raise AttributeError(f"module 'summarizer.render' has no attribute {name!r}")


def render(
    summary: Summary, fmt: str, *, width: int | None = None, color: bool | None = None,
    alignment: Alignment | None = None,
) -> str:
    """Render ``summary`` in format ``fmt`` and return the whole output.

    Args:
        summary: the summary to render.
        fmt: one of :data:`FORMATS`.
        width: the terminal view's width in columns; by default the terminal's (as Rich
            measures it), or 80 when not on a terminal.  Ignored by the other formats.
        color: whether the terminal view carries ANSI styles.  ``None`` decides as Rich
            does: no colour when ``NO_COLOR`` is set or standard output is not a terminal.
            Without colour, glyphs carry the meaning.  Ignored by the other formats.
        alignment: ``align(summary)``, when the caller has it already (the TUI aligns once
            and renders many); computed here otherwise.

    Returns:
        The output, ending with a newline (the diff of identical texts is ``""``).

    Raises:
        UnknownFormatError: ``fmt`` is not one of :data:`FORMATS`.
        SummaryError: ``alignment`` is not of this summary (another count of sentences or
            of kept ones).
    """
    record = format_named(fmt)
    renderer = _function(record.renderer)
    arguments: list[Any] = [summary]
    if record.aligned:
        if alignment is None:
            from summarizer.align import align

            alignment = align(summary)
        else:
            _check_alignment(summary, alignment)
        arguments.append(alignment)
    if record.sized:
        return str(renderer(*arguments, width=width, color=color))
    return str(renderer(*arguments))


def write(
    summary: Summary, fmt: str, file: TextIO, *, width: int | None = None, color: bool | None = None
) -> None:
    """Write :func:`render`'s output to ``file``; a format with a writer (JSON:
    :func:`~summarizer.render.json.write_json`) is written a piece at a time, so a very long
    document's is never held whole.

    Raises:
        UnknownFormatError: ``fmt`` is not one of :data:`FORMATS`.
    """
    record: Format = format_named(fmt)
    if record.writer is not None:
        _function(record.writer)(summary, file)
    else:
        file.write(render(summary, fmt, width=width, color=color))


def _check_alignment(summary: Summary, alignment: Alignment) -> None:
    kept = sum(1 for decision in summary.decisions if decision.kept)
    if len(alignment.rows) != len(summary.decisions) or len(alignment.summary_sentences) != kept:
        from summarizer.errors import SummaryError

        raise SummaryError(
            f"the alignment is of another summary: {len(alignment.rows)} sentences and "
            f"{len(alignment.summary_sentences)} kept, not {len(summary.decisions)} and {kept}"
        )


def _function(where: str) -> Any:
    module, _, name = where.partition(":")
    return getattr(import_module(module), name)
