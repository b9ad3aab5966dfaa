"""The writer's framing of a source's words ("claims", "alleges", "what they allege is", "as opposed to"):
one cue category, of no side, and a recorded rewording to the neutral verb where it is safe."""

from __future__ import annotations

import pytest

from summarizer.analysis import analyse
from summarizer.cues import find_cues
from summarizer.edits import apply_edits
from summarizer.evaluate.bias import sentence_document
from summarizer.quotes import quoted_spans
from summarizer.reword import reword_edits
from summarizer.segment import segment


def framing(text: str) -> list[str]:
    return [c.text for c in find_cues(sentence_document(text))[0] if c.category == "claim_framing"]


def reworded(text: str) -> list[str]:
    document = segment(text)
    analysis = analyse(document)
    quoted = quoted_spans(document)
    return [apply_edits(s, reword_edits(document, s, analysis.cues[s.index], quoted)) for s in document.sentences]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("The union also claims that the plant is unsafe.", ["claims"]),
        ("The mayor claims spending cuts will help.", ["claims"]),
        ("The group alleges the council's vote was rigged.", ["alleges"]),
        ("Critics claim they were never consulted.", ["claim"]),
        ("The firm claimed that its figures were right.", ["claimed"]),
        ("The board says it creates what they allege is a climate of fear.", ["what they allege is"]),
        ("The senator claims that tariffs help workers as opposed to hurting them.", ["claims", "as opposed to"]),
        # A bare clause: a noun phrase and its verb, no "that".
        ("Parents say they claim the scheme was unfair to rural pupils.", ["claim"]),
        ("The council claims the new road has cut journey times.", ["claims"]),
        ("Landlords claim Mayor Ruiz never met them.", ["claim"]),
        ("Drivers claim the depot ignored their complaints.", ["claim"]),
    ],
)
def test_the_writers_framing_is_a_cue(text: str, found: list[str]) -> None:
    assert framing(text) == found


@pytest.mark.parametrize(
    "text",
    [
        "Insurance claims rose by 20% last year.",
        "The claims that were filed in May are under review.",
        "Her claims of fraud were rejected.",
        "Police arrested the alleged attacker on Friday.",
        "The lawsuit alleges that the company hid the defect.",
        "The storm claims the lives of many fishermen each year.",
        "The team claims victory in the final.",
        "She claimed the title in 2019.",
        "The flood claimed the homes of twelve families.",
        "Rovers claimed the trophy awarded by the league.",
        "Buses run on weekdays as opposed to weekends.",
        "The firm says it will hire 300 workers this year, as opposed to 500 last year.",
        "“He claims that nobody told him,” she said.",
    ],
)
def test_plain_uses_are_no_framing_cue(text: str) -> None:
    assert framing(text) == []


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("The union also claims that the plant is unsafe.", "The union also says that the plant is unsafe."),
        ("The group alleges the council's vote was rigged.", "The group says the council's vote was rigged."),
        (
            "The board says it creates what they allege is a climate of fear.",
            "The board says it creates a climate of fear.",
        ),
        ("The council claims the new road has cut journey times.", "The council says the new road has cut journey times."),
        # Past tense and plural forms stay (often a source's claim reported as one); still cues.
        ("The firm claimed that its figures were right.", "The firm claimed that its figures were right."),
        ("“He claims that nobody told him,” she said.", "“He claims that nobody told him,” she said."),
    ],
)
def test_the_framing_verb_is_reworded_where_safe(before: str, after: str) -> None:
    assert reworded(before) == [after]


# The same report from each side: the framing verb weighs the same and is reworded the same.
MIRRORED = [
    ("The farm lobby also claims that fines hurt small operators.", "The immigrant advocates group also claims that detainers hurt families."),
    ("The gun-rights group alleges the ban was rushed.", "The gun-control group alleges the repeal was rushed."),
    ("The union claims that the tax cut favors the rich.", "The chamber claims that the tax rise hurts small firms."),
]


@pytest.mark.parametrize(("one", "other"), MIRRORED)
def test_both_sides_are_framed_and_reworded_alike(one: str, other: str) -> None:
    cue_one = [c for c in find_cues(sentence_document(one))[0] if c.category == "claim_framing"]
    cue_other = [c for c in find_cues(sentence_document(other))[0] if c.category == "claim_framing"]
    assert [(c.text, c.weight) for c in cue_one] == [(c.text, c.weight) for c in cue_other]
    assert ("says" in reworded(one)[0]) == ("says" in reworded(other)[0])


def test_a_claim_set_against_the_writers_view_is_set_aside() -> None:
    """ "… claims X as opposed to Y" argues with the source, as "instead of noting" does: the sentence
    is kept only when nothing else fills the budget."""
    text = (
        "The city council met on Monday to discuss the new budget for the coming year. "
        "The union claims that the cuts hurt workers as opposed to helping the city balance its books. "
        "The mayor said the budget would be published on Friday. "
        "Council members will vote on the plan next month after two public hearings."
    )
    from summarizer import summarize

    kept = [d.sentence.index for d in summarize(text, sentences=2).decisions if d.kept]
    assert 1 not in kept
