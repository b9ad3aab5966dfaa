"""Budget notes are true of what was kept (issue 15, item 9)."""

from __future__ import annotations

import pytest

from summarizer import summarize


@pytest.mark.parametrize(
    ("text", "asked", "note"),
    [
        ("The vote passed. The vote passed. The mayor spoke. The clerk counted.", 4,
         "asked for 4 sentences, kept 3 of the text's 4: the other was left out (repeats sentence 1)"),
        ("The vote passed. The vote passed. The mayor spoke.", 4,
         "asked for 4 sentences, kept 2 of the text's 3: the other was left out (repeats sentence 1)"),
        ("The vote passed. The vote passed. The mayor spoke.", 3,
         "asked for 3 sentences, kept 2 of the text's 3: the other was left out (repeats sentence 1)"),
        ("The vote passed. The mayor spoke.", 5,
         "asked for 5 sentences but the text has only 2 to choose from: the summary is the whole text"),
    ],
)
def test_a_sentence_budget_the_text_cannot_fill_says_why(text: str, asked: int, note: str) -> None:
    summary = summarize(text, sentences=asked)
    assert summary.budget.note == note and note in summary.notes


def test_a_budget_met_has_no_note() -> None:
    summary = summarize("The vote passed. The mayor spoke. The clerk counted.", sentences=2)
    assert len(summary.kept) == 2 and summary.budget.note is None and not summary.notes
