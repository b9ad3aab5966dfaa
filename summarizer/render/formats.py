"""The output formats: one record each, read by :func:`summarizer.render.render`, the CLI's
``--format``, the batch's output names and the TUI's export.

A new format is one module of ``summarizer/render/`` with a function
``render_<name>(summary, alignment) -> str`` (or without ``alignment`` when it needs none)
plus one :class:`Format` entry in :data:`FORMAT_TABLE`.  This module imports nothing heavy,
so the CLI can offer the names without loading Rich.
"""

from __future__ import annotations

from dataclasses import dataclass

from summarizer.errors import UnknownFormatError

__all__ = ["EXPORT_FORMATS", "EXTENSIONS", "FORMATS", "FORMAT_TABLE", "Format", "format_named"]


@dataclass(frozen=True, slots=True)
class Format:
    """One output format.

    Attributes:
        name: what ``--format`` and :func:`~summarizer.render.render` call it.
        extension: the suffix of a file in this format (a batch's outputs, a TUI export).
        about: what it is, in a few words.
        renderer: ``"module:function"`` of its renderer, imported only when it is used.
        aligned: whether the renderer reads the :class:`~summarizer.align.Alignment` (second argument).
        sized: whether the renderer takes ``width`` and ``color`` (the terminal view).
        writer: ``"module:function"`` that writes the output a piece at a time to a file, if any.
        export: whether the TUI offers it as an export (a file to keep, not a terminal view).
    """

    name: str
    extension: str
    about: str
    renderer: str
    aligned: bool = True
    sized: bool = False
    writer: str | None = None
    export: bool = False


FORMAT_TABLE: tuple[Format, ...] = (
    Format("terminal", ".txt", "original and summary side by side (Rich), with a legend",
           "summarizer.render.terminal:render_terminal_text", sized=True),
    Format("text", ".txt", "the summary alone", "summarizer.render.text:render_text", aligned=False),
    Format("markdown", ".md", 'the summary, then a table "What was dropped and why"',
           "summarizer.render.markdown:render_markdown", export=True),
    Format("html", ".html", "one self-contained page, side by side, light and dark",
           "summarizer.render.html:render_html", export=True),
    Format("json", ".json", "the summary JSON (schema v1) plus an alignment key",
           "summarizer.render.json:render_json", writer="summarizer.render.json:write_json", export=True),
    Format("diff", ".diff", "a unified diff of the original, a sentence a line, vs. the summary",
           "summarizer.render.diff:render_diff"),
)

FORMATS: tuple[str, ...] = tuple(f.name for f in FORMAT_TABLE)
EXTENSIONS: dict[str, str] = {f.name: f.extension for f in FORMAT_TABLE}
EXPORT_FORMATS: tuple[str, ...] = tuple(f.name for f in FORMAT_TABLE if f.export)
_BY_NAME = {f.name: f for f in FORMAT_TABLE}


def format_named(name: str, *, among: tuple[str, ...] = FORMATS) -> Format:
    """The format called ``name``.

    Raises:
        UnknownFormatError: no format of ``among`` (all by default) has that name.
    """
    if name not in among:
        raise UnknownFormatError(
            f"unknown format {name!r}; choose one of: {', '.join(among)}", options=("format",)
        )
    return _BY_NAME[name]
