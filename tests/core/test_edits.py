"""Applying recorded edits to a sentence."""

from __future__ import annotations

import pytest

from summarizer.edits import apply_edits
from summarizer.errors import SummaryError
from summarizer.model import Edit, Sentence


def sentence(text: str, start: int = 10) -> Sentence:
    return Sentence(index=0, paragraph=0, start=start, end=start + len(text), text=text)


def test_no_edits_returns_text_unchanged() -> None:
    s = sentence("Plain  text,  kept as  is.")
    assert apply_edits(s, ()) == "Plain  text,  kept as  is."


def test_deletion_folds_spaces() -> None:
    s = sentence("The group seemingly believes it.")
    at = s.start + s.text.index("seemingly")
    assert apply_edits(s, [Edit("stance_adverb", at, at + len("seemingly"), "seemingly")]) == "The group believes it."


def test_space_before_closing_punctuation_removed() -> None:
    s = sentence("They deport immigrants [aliens].")
    at = s.start + s.text.index(" [aliens]")
    assert apply_edits(s, [Edit("bracketed_insertion", at, at + 9, " [aliens]")]) == "They deport immigrants."


def test_opening_straight_quote_keeps_its_space() -> None:
    s = sentence('He said aptly "we will go" today.')
    at = s.start + s.text.index("aptly ")
    assert apply_edits(s, [Edit("stance_adverb", at, at + 6, "aptly ")]) == 'He said "we will go" today.'


def test_insertion_at_start() -> None:
    s = sentence("“We will go.”")
    assert apply_edits(s, [Edit("attribution", s.start, s.start, "", "She said: ")]) == "She said: “We will go.”"


@pytest.mark.parametrize(("start", "end"), [(0, 3), (12, 60)])
def test_edit_outside_sentence_rejected(start: int, end: int) -> None:
    s = sentence("Short sentence here.")
    with pytest.raises(SummaryError, match="leaves the sentence"):
        apply_edits(s, [Edit("x", start, end, "")])


def test_overlapping_edits_rejected() -> None:
    s = sentence("One two three four.")
    with pytest.raises(SummaryError, match="overlaps another") as error:
        apply_edits(s, [Edit("x", 10, 17, ""), Edit("x", 14, 20, "")])
    assert isinstance(error.value, ValueError)  # as it was before it had a class
