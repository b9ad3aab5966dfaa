"""Trimming: bracketed insertions and stance adverbs, and what must never be touched."""

from __future__ import annotations

import pytest

from summarizer.edits import apply_edits
from summarizer.model import Cue, Document
from summarizer.segment import segment
from summarizer.trim import bracket_is_gloss, trim_edits, untrimmable


def cue_for(doc: Document, category: str, text: str, occurrence: int = 0) -> Cue:
    start = -1
    for _ in range(occurrence + 1):
        start = doc.text.index(text, start + 1)
    return Cue(category=category, start=start, end=start + len(text), text=text)


def trimmed(text: str, category: str, cue_text: str) -> str:
    doc = segment(text)
    cue = cue_for(doc, category, cue_text)
    sentence = next(s for s in doc.sentences if s.start <= cue.start < s.end)
    return apply_edits(sentence, trim_edits(doc, sentence, [cue]))


@pytest.mark.parametrize(
    ("text", "bracket", "expected"),
    [
        (
            "They wrote: “Police deport immigrants [illegal aliens] with records.”",
            "[illegal aliens]",
            "They wrote: “Police deport immigrants with records.”",
        ),
        (
            "She said: “Harassment of immigrant [illegal alien] communities grew.”",
            "[illegal alien]",
            "She said: “Harassment of immigrant communities grew.”",
        ),
        ("“He [the senator] voted no,” an aide said.", "[the senator]", "“He voted no,” an aide said."),
    ],
)
def test_glossing_bracket_is_removed(text: str, bracket: str, expected: str) -> None:
    assert trimmed(text, "bracketed_insertion", bracket) == expected


@pytest.mark.parametrize(
    ("text", "bracket"),
    [
        ("“Programs that enable [illegal aliens] to navigate the system,” they wrote.", "[illegal aliens]"),
        ("“We asked the [radical] council to act,” she said.", "[radical]"),
    ],
)
def test_replacing_bracket_is_untrimmable(text: str, bracket: str) -> None:
    doc = segment(text)
    cue = cue_for(doc, "bracketed_insertion", bracket)
    assert not bracket_is_gloss(doc, cue)
    assert untrimmable(doc, [cue]) == cue
    assert trim_edits(doc, doc.sentences[0], [cue]) == ()


@pytest.mark.parametrize(
    ("text", "adverb", "expected"),
    [
        ("The group seemingly believes the plan works.", "seemingly", "The group believes the plan works."),
        ("The report does aptly point out the cost.", "aptly", "The report does point out the cost."),
        ("The group, frankly, wants more money.", "frankly", "The group wants more money."),
    ],
)
def test_stance_adverb_removed(text: str, adverb: str, expected: str) -> None:
    assert trimmed(text, "stance_adverb", adverb) == expected


@pytest.mark.parametrize(
    ("text", "adverb"),
    [
        ("Clearly the plan failed.", "Clearly"),  # first word: removing it needs a new capital
        ("“The plan is clearly failing,” she said.", "clearly"),  # inside a quotation
        ("The vote was unprecedented in scale.", "unprecedented"),  # not an -ly adverb
        ("He answered honestly.", "honestly"),  # last word
    ],
)
def test_stance_adverb_left_alone(text: str, adverb: str) -> None:
    assert trimmed(text, "stance_adverb", adverb) == text


def test_other_cues_are_never_trimmed() -> None:
    text = "Critics slammed the so-called reform."
    doc = segment(text)
    cues = [cue_for(doc, "loaded_term", "slammed"), cue_for(doc, "loaded_term", "so-called")]
    assert trim_edits(doc, doc.sentences[0], cues) == ()


def test_edits_record_exact_spans() -> None:
    text = "Intro line.\n\nThe group seemingly believes it."
    doc = segment(text)
    cue = cue_for(doc, "stance_adverb", "seemingly")
    (edit,) = trim_edits(doc, doc.sentences[1], [cue])
    assert doc.text[edit.start : edit.end] == edit.text == " seemingly"
    assert edit.replacement == ""
