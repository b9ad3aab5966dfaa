"""The details panel names a sentence's plain-language marks and its compression cuts."""

from __future__ import annotations

from summarizer.pipeline import summarize
from tests.core.test_compress import ARTICLE
from tui.widgets.details_panel import details_text


def test_details_show_plain_marks_and_cuts() -> None:
    text = ARTICLE + "\n\nThe old bridge was built by the army and commenced service long before the war began."
    summary = summarize(text, ratio=1.0)
    last = details_text(summary, len(summary.decisions) - 1).plain
    assert "plain " in last and "passive voice: 'was built'" in last and "'commenced' → 'begin'" in last
    second = details_text(summary, 1).plain
    assert ", which opened long ago," in second  # the struck relative clause
    assert "compressed for plain reading" in second
