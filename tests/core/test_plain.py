"""Plain-language marks: hard and very hard sentences, passive voice, plainer words (sentences we wrote)."""

from __future__ import annotations

import json

import pytest

from summarizer.pipeline import summarize
from summarizer.plain import HARD, VERY_HARD, count_marks, mark_sentence, plain_words
from summarizer.render import render
from tests.core.test_compress import ARTICLE


@pytest.mark.parametrize(
    ("sentence", "difficulty"),
    [
        ("The cat sat on the mat by the door and looked out at the rain all day.", None),
        ("Notwithstanding considerable opposition, the administration implemented comprehensive regulatory modifications.", None),
        (
            "The municipal administration announced comprehensive infrastructure investments, emphasising"
            " sustainability and community participation throughout the consultation.",
            VERY_HARD,
        ),
        (
            "The council said that the library would close early next year because the building needed"
            " expensive repairs to its old roof.",
            HARD,
        ),
    ],
)
def test_difficulty(sentence: str, difficulty: str | None) -> None:
    assert mark_sentence(sentence).difficulty == difficulty


@pytest.mark.parametrize(
    ("sentence", "passive"),
    [
        ("The bridge was built by the army.", ("was built",)),
        ("The plan was quickly approved and the money has been paid.", ("was quickly approved", "been paid")),
        ("The door is open and the children are happy.", ()),
        ("The army built the bridge.", ()),
    ],
)
def test_passive_voice(sentence: str, passive: tuple[str, ...]) -> None:
    assert mark_sentence(sentence).passive == passive


def test_plainer_words_are_noted_in_any_form_not_substituted() -> None:
    marks = mark_sentence("Work commenced prior to the vote, facilitating talks that utilise numerous rooms.")
    assert [(w.text, w.plainer) for w in marks.plainer] == [
        ("commenced", "begin"), ("prior to", "before"), ("facilitating", "help"), ("utilise", "use"), ("numerous", "many"),
    ]
    assert "'utilise' → 'use'" in marks.describe()
    assert plain_words()["commence"] == "begin"


def test_counts_and_the_measures_line() -> None:
    counts = count_marks(["The bridge was built by the army.", "It stands.", ""])
    assert (counts.sentences, counts.passive, counts.hard, counts.very_hard) == (2, 1, 0, 0)
    summary = summarize(ARTICLE, ratio=1.0)
    assert "hard/very hard/passive" in render(summary, "markdown")


def test_json_carries_each_sentences_marks_with_document_offsets() -> None:
    text = "Intro: the hall opened today. Work commenced prior to the vote, and the hall was built by volunteers."
    summary = summarize(text, ratio=1.0)
    data = json.loads(render(summary, "json"))
    marks = data["sentences"][1]["plain"]
    first = marks["plainer"][0]
    assert summary.document.text[first["start"] : first["end"]] == first["text"] == "commenced"
    assert marks["passive"] == ["was built"]
    assert data["stats"]["plain"]["original"]["passive"] == 1


def test_the_grouped_plain_pattern_finds_what_one_alternation_of_the_terms_finds() -> None:
    import re
    from pathlib import Path

    from summarizer.plain import _forms, _plain_pattern

    terms = sorted(plain_words(), key=len, reverse=True)
    plain = re.compile(r"(?<![\w'’-])(?:" + "|".join(_forms(t) for t in terms) + r")(?![\w'’-])", re.IGNORECASE)
    fixtures = Path(__file__).parents[1] / "fixtures"
    texts = [ARTICLE, *(p.read_text(encoding="utf-8") for p in sorted(fixtures.rglob("*.txt")))]
    # Every term in its forms, in capitals and after a hyphen or an apostrophe (where none may match).
    texts.append(" ".join(f"{t} {t.upper()} {t}s {t}d x-{t} {t}'s" for t in terms))
    found = [[m.span() for m in _plain_pattern().finditer(text)] for text in texts]
    assert found == [[m.span() for m in plain.finditer(text)] for text in texts]
    assert sum(map(len, found)) > len(terms)


def test_the_json_marks_each_sentence_once_and_counts_as_marking_again_would(monkeypatch: pytest.MonkeyPatch) -> None:
    import summarizer.plain as plain
    from summarizer.serialize import to_dict

    summary = summarize(ARTICLE, sentences=3)
    marked: list[str] = []
    real = plain.mark_sentence

    def counting(text: str) -> plain.PlainMarks:
        marked.append(text)
        return real(text)

    monkeypatch.setattr(plain, "mark_sentence", counting)
    data = to_dict(summary)
    assert len(marked) == len(set(marked))
    monkeypatch.setattr(plain, "mark_sentence", real)
    original, after = plain.plain_counts(summary)
    assert data["stats"]["plain"] == {"original": original.to_dict(), "summary": after.to_dict()}
    assert [s["plain"] for s in data["sentences"]] == [plain.decision_marks(d) for d in summary.decisions]
