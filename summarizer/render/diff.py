"""The ``diff`` format: a unified diff of the original, one sentence a line, against the summary.

It reads as ``diff -u original summary`` would: dropped sentences are ``-`` lines, a
trimmed sentence is a ``-`` line followed by its ``+`` line.  The file labels name the
source; no timestamps, so the output is stable.  Each line is made inert and folded to
one line (:func:`~summarizer.render.sanitize.one_line`).
"""

from __future__ import annotations

import difflib

from summarizer.align import Alignment
from summarizer.model import Summary
from summarizer.render.sanitize import one_line

#: Lines of context around each change, as ``diff -u``.
CONTEXT = 3


def render_diff(summary: Summary, alignment: Alignment, *, context: int = CONTEXT) -> str:
    """The unified diff of the original's sentences against the summary's (``""`` when equal)."""
    source = one_line(summary.document.source or "original")
    before = [one_line(row.text) + "\n" for row in alignment.rows]
    after = [one_line(text) + "\n" for text in alignment.summary_sentences]
    lines = difflib.unified_diff(
        before, after, fromfile=source, tofile=f"{source} (summary)", n=context
    )
    return "".join(lines)
