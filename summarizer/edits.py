"""Apply recorded edits to a sentence, so the summary text is derived, never retyped."""

from __future__ import annotations

from collections.abc import Sequence

from summarizer import regex_cache
from summarizer.errors import SummaryError
from summarizer.model import Edit, Sentence


def apply_edits(sentence: Sentence, edits: Sequence[Edit]) -> str:
    """Return ``sentence.text`` with ``edits`` applied (offsets index the document).

    Edits must lie inside the sentence and must not overlap; white space left doubled by
    a deletion is folded to one space, and a space left before closing punctuation is removed.

    Raises:
        SummaryError: an edit outside the sentence, or two that overlap.
    """
    out: list[str] = []
    cursor = sentence.start
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        if edit.start < cursor or edit.end > sentence.end or edit.start > edit.end:
            raise SummaryError(f"edit {edit.kind} at {edit.start}:{edit.end} overlaps another or leaves the sentence")
        out.append(sentence.text[cursor - sentence.start : edit.start - sentence.start])
        out.append(edit.replacement)
        cursor = edit.end
    out.append(sentence.text[cursor - sentence.start :])
    text = "".join(out)
    if edits:
        text = _tidy(text)
    return text


_DOUBLE_SPACE = regex_cache.compile(r"[ \t]{2,}")
# Only unambiguous closing marks: a straight quote may open a quotation.
_SPACE_BEFORE_CLOSE = regex_cache.compile(r" +([,.;:!?)\]”’])")


def _tidy(text: str) -> str:
    text = _DOUBLE_SPACE.sub(" ", text)
    text = _SPACE_BEFORE_CLOSE.sub(r"\1", text)
    return text.strip()
