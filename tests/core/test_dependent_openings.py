"""Openings about something only a sentence before told of ("Despite the decrease, …",
"Because of the complaints, …", "The move …", "That decision …"): kept with that sentence,
or the opening dropped as a recorded edit, or not kept — at every length, with and without edits.
The fixture is our own (``tests/fixtures/core/roads.txt``)."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest

from summarizer import summarize
from summarizer.analysis import analyse
from summarizer.context import dependent_opening, opening_edit, opens_with_back_pointer
from summarizer.evaluate.integrity import _leans_on_before, check_summary
from summarizer.segment import segment

ROADS = (Path(__file__).parents[1] / "fixtures" / "core" / "roads.txt").read_text(encoding="utf-8")


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
    # A subject set in the context of something else, whatever its noun: a thing told just before.
    assert _leans_on_before("The rollback comes as haulage firms warn of closures.", None)
    assert _leans_on_before("This latest levy follows a year of losses.", None)
    assert not _leans_on_before("The Bank of England comes under pressure.", None)
    assert opens_with_back_pointer("The rollback comes as haulage firms warn of closures.")
    assert not opens_with_back_pointer("The storm hit the coast on Monday.")


ROLLBACK = (Path(__file__).parents[1] / "fixtures" / "core" / "fuel_rollback.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("edits", ["none", "trim", "reword"])
def test_a_thing_set_in_context_comes_with_what_it_points_back_at(edits: str) -> None:
    document = segment(ROLLBACK)
    analysis = analyse(document)
    rollback = next(s.index for s in document.sentences if s.text.startswith("The rollback"))
    for n in range(1, len(document.sentences) + 1):
        summary = summarize(document, sentences=n, analysis=analysis, edits=edits)
        found = check_summary(summary, "rollback")
        assert found.counts["unresolved_reference"] == 0, (edits, n, summary.text)
        assert found.counts["opens_unresolved"] == 0, (edits, n, summary.text)
        kept = [d.index for d in summary.decisions if d.kept]
        if rollback in kept:
            assert rollback - 1 in kept or rollback - 2 in kept, (edits, n, summary.text)


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


HARBOUR = (Path(__file__).parents[1] / "fixtures" / "core" / "harbour_report.txt").read_text(encoding="utf-8")


def _credits(summary) -> list[tuple[int, str]]:  # type: ignore[no-untyped-def]
    return [(d.index, e.replacement) for d in summary.kept for e in d.edits if e.kind == "speaker_credited"]


def test_one_credit_is_enough_for_a_speaker_going_on_and_written_words_are_wrote() -> None:
    document = segment(HARBOUR)
    analysis = analyse(document)
    seen_wrote = False
    for n in range(1, len(document.sentences) + 1):
        summary = summarize(document, sentences=n, analysis=analysis)
        found = check_summary(summary, "harbour")
        assert found.counts["unattributed_quotation"] == 0, (n, summary.text)
        assert found.counts["unbalanced_quotation"] == 0, (n, summary.text)
        kept = [d.index for d in summary.kept]
        voices = {d.index: d for d in summary.kept}
        for index, replacement in _credits(summary):
            before = kept[kept.index(index) - 1] if kept.index(index) else None
            # The kept sentence before is not the same speaker's quotation already credited.
            assert before is None or not any(
                e.kind == "speaker_credited" and e.replacement == replacement for e in voices[before].edits
            ), (n, summary.text)
            if "board" in replacement:
                assert replacement == "[The board wrote:] ", replacement
                seen_wrote = True
            else:
                assert replacement.endswith(" said:] "), replacement
    assert seen_wrote, "the board's report is credited as written at some length"


@pytest.mark.seed
def test_the_seed_credits_a_speaker_once_in_a_row(seed_text: str) -> None:
    document = segment(seed_text)
    analysis = analyse(document)
    for n in range(1, 21):
        summary = summarize(document, sentences=n, analysis=analysis)
        credited = [
            {e.replacement for e in d.edits if e.kind == "speaker_credited"} for d in summary.kept
        ]
        for first, second in pairwise(credited):
            assert not (first & second), (n, summary.text)
        assert check_summary(summary, "seed").counts["unattributed_quotation"] == 0, (n, summary.text)


def test_an_opening_whose_thing_a_cut_took_out_goes_too() -> None:
    from summarizer.context import antecedent_lost
    from summarizer.evaluate.integrity import _lost_thing

    text = "Regardless of the decrease, the board wants more."
    told = ("Arrests fell, which was a sharp decrease.", "In 2019 there were 500.")
    assert antecedent_lost(text, [(told[1], told[1]), (told[0], "Arrests fell.")])
    assert not antecedent_lost(text, [(told[1], told[1]), (told[0], told[0])])
    assert _lost_thing(text, told, ["Arrests fell.", told[1]])
    assert not _lost_thing(text, told, [told[0], told[1]])


# Our own text: "Surely it …" reads "It …" once the stance adverb is deleted, and then points back.
SURVEY = (
    "The town library will close its north wing for repairs from next month, the council said on Tuesday.\n\n"
    "The wing holds the children's books, the reading room and the local history archive.\n\n"
    "Readers were asked which part of the building they use most, and the answers were mixed.\n\n"
    "Surely it has to be the reading room, one reader wrote in the survey.\n\n"
    "The council said the repairs would take about six weeks and cost around 40,000 pounds.\n\n"
    "Staff will move the children's books to the main hall while the work goes on.\n"
)


@pytest.mark.parametrize("n", range(1, 7))
def test_a_pronoun_left_first_by_the_trimming_brings_what_it_points_at(n: int) -> None:
    summary = summarize(SURVEY, sentences=n)
    found = check_summary(summary, "survey")
    assert found.counts["unresolved_reference"] == 0, (n, summary.text)
    assert found.counts["opens_unresolved"] == 0, (n, summary.text)
    surely = next(d for d in summary.decisions if d.sentence.text.startswith("Surely it"))
    if surely.kept and surely.output.startswith("It "):
        assert summary.decisions[surely.index - 1].kept, (n, summary.text)


@pytest.mark.parametrize(
    ("text", "before", "earlier", "lost"),
    [
        # "this flaw": told of first in the sentence before.
        ("Engineers have this flaw corrected.", "A flaw in the software refused payments.", ["Bookings stopped."], True),
        # Told of before that too: the summary may have it from there.
        ("Engineers have this flaw corrected.", "A flaw refused payments.", ["A flaw was found."], False),
        ("Engineers fixed it this week.", "The week began badly.", [], False),  # a time
        ("Ports such as Harwick reopened.", "Such ports were shut.", [], False),  # "such as"
        ("“We had this flaw corrected,” she said.", "A flaw refused payments.", [], False),  # her words
    ],
)
def test_a_thing_only_the_sentence_before_introduced(text: str, before: str, earlier: list[str], lost: bool) -> None:
    from summarizer.context import _first_mentions, speaks_of_the_new
    from summarizer.evaluate.integrity import _new_thing_lost

    document = segment("\n\n".join([*earlier, before, text]))
    told = len(document.sentences) - 2
    assert speaks_of_the_new(document.sentences[-1].text, told, _first_mentions(document)) is lost
    assert _new_thing_lost(text, before, earlier) is lost


def test_first_mentions_are_each_stems_first_sentence() -> None:
    """Each distinct word is stemmed once: the map is still every stem's first sentence, read word by word."""
    import re

    from summarizer.context import _first_mentions, _stem

    document = segment(
        "The flaw was found. Flaws and the flaw's fix were told.\n\n"
        "Engineers fixed the flaws. The fixing took weeks; the fixes held."
    )
    expected: dict[str, int] = {}
    for sentence in document.sentences:
        for word in re.findall(r"[a-z][\w’'-]*", sentence.text.lower()):
            expected.setdefault(_stem(word), sentence.index)
    assert _first_mentions(document) == expected
    assert expected["flaw"] == 0 and expected["fix"] == 1 and expected["engineer"] == 2


FERRY = (Path(__file__).parents[1] / "fixtures" / "core" / "ferry_software.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("edits", ["none", "compress"])
def test_this_something_comes_with_the_sentence_that_introduced_it(edits: str) -> None:
    document = segment(FERRY)
    analysis = analyse(document)
    corrected = next(s.index for s in document.sentences if "this flaw corrected" in s.text)
    for n in range(1, len(document.sentences) + 1):
        summary = summarize(document, sentences=n, analysis=analysis, edits=edits)
        assert check_summary(summary, "ferry").counts["unresolved_reference"] == 0, (edits, n, summary.text)
        if summary.decisions[corrected].kept:
            assert summary.decisions[corrected - 1].kept, (edits, n, summary.text)
