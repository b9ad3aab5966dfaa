"""The ``text`` format: the summary alone, plain, control characters made visible."""

from __future__ import annotations

from summarizer.model import Summary
from summarizer.render.sanitize import inert


def render_text(summary: Summary) -> str:
    """The summary text, ending with one newline (empty output for an empty summary).

    Paragraph breaks are kept; control characters are made visible (:func:`inert`).
    """
    text = inert(summary.text).strip("\n")
    return text + "\n" if text else ""
