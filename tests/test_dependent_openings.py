"""Openings about something only a sentence before told of ("Despite the decrease, …",
"Because of the complaints, …", "The move …", "That decision …"): kept with that sentence,
or the opening dropped as a recorded edit, or not kept — at every length, with and without edits.
The fixture is our own (``tests/fixtures/core/roads.txt``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from summarizer import summarize
from summarizer.context import dependent_opening, opening_edit
from summarizer.evaluate.integrity import _leans_on_before, check_summary
from summarizer.pipeline import analyse
from summarizer.segment import segment

ROADS = (Path(__file__).parent / "fixtures" / "core" / "roads.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("text", "before", "points_back"),
    [
        ("Regardless of the drastic decrease, the board wants more.", "Arrests decreased.", True),
        ("Despite the move, the firm grew.", None, True),
        ("However, despite this, the firm grew.", None, False),  # no noun: the pronoun rule's case
        ("Because of those delays, trains ran late.", None, True),
        ("After the storm, crews cleared the roads.", "Rain fell all day.", False),
        ("After the storm, crews cleared the roads.", "A storm hit the coast.", True),
        ("After this week, the fares rise.", None, False),
        ("“Despite the move, we grew,” she said.", None, False),
    ],
)
def test_a_dependent_opening_is_found_by_the_selector_and_by_the_check(text: str, before: str | None, points_back: bool) -> None:
    assert (dependent_opening(text, before) is not None) is points_back
    assert _leans_on_before(text, before) is points_back


def test_the_opening_goes_as_one_recorded_edit_with_a_capital() -> None:
    document = segment("Arrests fell. But regardless of the decrease, the board wants more.")
    edit = opening_edit(document.sentences[1], document.sentences[0].text)
    assert edit is not None
    assert (edit.kind, edit.text, edit.replacement) == ("opening_dropped", "But regardless of the decrease, t", "T")


def test_subject_references_are_checked_too() -> None:
    assert _leans_on_before("The move was welcomed by traders.", None)
    assert _leans_on_before("That decision came late.", None)
    assert not _leans_on_before("The decision to close the pier was taken in May.", None)


@pytest.mark.parametrize("edits", ["none", "trim", "reword"])
def test_every_length_reads_right(edits: str) -> None:
    document = segment(ROADS)
    analysis = analyse(document)
    despite = next(s.index for s in document.sentences if s.text.startswith("Despite the decrease"))
    dropped_once = False
    for n in range(1, len(document.sentences) + 1):
        summary = summarize(document, sentences=n, analysis=analysis, edits=edits)
        found = check_summary(summary, "roads")
        assert found.counts["unresolved_reference"] == 0, (edits, n, summary.text)
        assert found.counts["opens_unresolved"] == 0, (edits, n, summary.text)
        decision = summary.decisions[despite]
        if decision.kept and not summary.decisions[despite - 1].kept:
            assert edits != "none", (n, summary.text)
            assert [e.kind for e in decision.edits] == ["opening_dropped"]
            assert decision.output.startswith("The council expects")
            dropped_once = True
    if edits != "none":
        assert dropped_once, "the sentence is kept without the one before it at some length"
