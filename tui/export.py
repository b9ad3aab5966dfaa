"""Export the summary: pick the core renderer for a format and a default file name.

Rendering belongs to :mod:`summarizer.render` and atomic writing to
:mod:`summarizer.atomic`; the app only asks where, and whether to overwrite.
"""

from __future__ import annotations

from pathlib import Path

from summarizer import Summary
from summarizer.align import Alignment
from summarizer.atomic import write_atomic
from summarizer.render import render
from summarizer.render.formats import EXPORT_FORMATS, EXTENSIONS, format_named

#: The suffix of each export's file (the formats' own, :mod:`summarizer.render.formats`).
SUFFIXES = {fmt: EXTENSIONS[fmt] for fmt in EXPORT_FORMATS}


def render_summary(summary: Summary, fmt: str, *, alignment: Alignment | None = None) -> str:
    """``summary`` in format ``fmt`` (one of :data:`EXPORT_FORMATS`), from the screen's
    ``alignment`` of it when given (the one its panes were drawn from), so the export marks
    what the reader saw and the summary is not aligned again.

    Raises:
        UnknownFormatError: not a format the TUI exports.
    """
    format_named(fmt, among=EXPORT_FORMATS)
    return render(summary, fmt, alignment=alignment)


def export_summary(summary: Summary, fmt: str, path: Path, *, alignment: Alignment | None = None) -> None:
    """Render ``summary`` as ``fmt`` and write it to ``path`` atomically (overwriting it).

    Raises:
        UnknownFormatError: not a format the TUI exports.
        OSError: the file cannot be written.
    """
    write_atomic(path, render_summary(summary, fmt, alignment=alignment))


def default_export_path(source: str | None, fmt: str, *, folder: Path | None = None) -> Path:
    """``<article>.summary.<ext>`` in ``folder`` (the working folder by default).

    Not next to the article: that folder may be someone else's, or read-only.
    """
    stem = Path(source).stem if source and source != "-" else "stdin"
    return (folder or Path.cwd()) / f"{stem}.summary{SUFFIXES[fmt]}"
