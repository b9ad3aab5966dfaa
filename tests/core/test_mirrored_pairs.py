"""The mirrored examples' loaded words, pair by pair: each side's term and its counterpart from the
other side weigh alike in the same carrier, and the sentences the two articles share, or mirror,
read alike in their summaries (examples/slanted-left.txt and examples/slanted-right.txt)."""

from __future__ import annotations

from pathlib import Path

import pytest

from summarizer import summarize
from summarizer.cues import find_cues
from summarizer.evaluate.bias import sentence_document

ROOT = Path(__file__).resolve().parents[2]
LEFT = ROOT / "examples/slanted-left.txt"
RIGHT = ROOT / "examples/slanted-right.txt"


def weight(text: str) -> float:
    return sum(cue.weight for cue in find_cues(sentence_document(text))[0])


# Left-slanted article's term, the right-slanted article's counterpart (the same device, the other side).
PAIRS = [
    ("corporate-backed lawmakers", "radical left-wing commissioners"),
    ("lawmakers gut clean water rules", "the board rams through sanctuary rules"),
    ("a giveaway to polluters", "ties the sheriff's hands"),
    ("the greedy agribusiness lobby", "open borders activists"),
    ("the lobby that bankrolls their campaigns", "turns the county into a magnet for activists"),
    ("the extremist Republican majority", "the radical left majority"),
    ("the council also claims that fines hurt", "the group also claims that detainers hurt"),
    ("does correctly point out", "does aptly point out"),
    ("it conveniently ignores the fact that", "it conveniently ignores the fact that"),
    ("the drastic rollback", "the drastic shift"),
    ("blasted the bill", "slammed the vote"),
    ("shockingly refused", "shockingly brushed aside"),
    ("the so-called act", "the so-called ordinance"),
]


@pytest.mark.parametrize(("left", "right"), PAIRS)
def test_each_sides_term_weighs_like_its_counterpart(left: str, right: str) -> None:
    one = weight(f"The report said {left} on Tuesday.")
    other = weight(f"The report said {right} on Tuesday.")
    assert one > 0 and other > 0, (left, one, right, other)
    assert abs(one - other) <= 0.1, (left, one, right, other)


def _summary(path: Path) -> str:
    return summarize(path.read_text(encoding="utf-8")).text


def test_both_leads_lose_their_comment_alike() -> None:
    left, right = _summary(LEFT), _summary(RIGHT)
    lead_left, lead_right = left.split("\n")[0], right.split("\n")[0]
    assert lead_left.endswith("for fouling rivers."), lead_left
    assert lead_right.endswith("for federal immigration agents."), lead_right
    for loaded in ("bankrolls", "greedy", "yet another victory", "magnet", "open borders", "critics say"):
        assert loaded not in left and loaded not in right, loaded


def test_the_framing_verb_is_said_neutrally_on_both_sides() -> None:
    left, right = _summary(LEFT), _summary(RIGHT)
    assert "also says that fines" in left
    assert "also says that detainers" in right
    assert " claims " not in left and " claims " not in right


def test_the_critic_of_each_vote_is_heard() -> None:
    # Each article reports one side disputing the other's vote; the summary gives that voice its say.
    left, right = _summary(LEFT), _summary(RIGHT)
    assert "[State Senator Maria Ellison] told reporters after the vote:" in left, left
    assert "Sheriff Tom Brandt" in right, right
