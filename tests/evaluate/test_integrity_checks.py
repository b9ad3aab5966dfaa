"""Single checks of :mod:`summarizer.evaluate.integrity` on texts written here."""

from __future__ import annotations

from dataclasses import replace

import pytest

from summarizer import summarize
from summarizer.evaluate.integrity import _dangling_then, _quote_events, _scan, check_summary


def test_a_quotation_after_telling_has_its_speaker() -> None:
    text = (
        "Ms Reed began her testimony on Monday, telling the court that the charges were "
        '"a work of fiction from start to finish". The trial goes on next week.'
    )
    found = check_summary(summarize(text, sentences=2), "reed")
    assert found.counts["unattributed_quotation"] == 0


def test_a_quotation_with_nobody_saying_it_is_unattributed() -> None:
    text = (
        'The ferry was late again. The main problem is "a shortage of crews and of spare parts". Fares rose.'
    )
    found = check_summary(summarize(text, sentences=3), "ferry")
    assert found.counts["unattributed_quotation"] == 1


@pytest.mark.parametrize(
    ("text", "dangles"),
    [
        ("The agency said it would publish new guidance for operators before then.", True),
        ("Until then the pier stays shut.", True),
        ("Ana Pereira then thanked the crew.", True),
        ("Then there were the fares.", False),
        ("The pier was then sold for scrap.", False),
        ('"We will be ready before then," the mayor said.', False),
    ],
)
def test_a_then_pointing_at_an_earlier_time(text: str, dangles: bool) -> None:
    assert _dangling_then(text) is dangles


def test_a_dangling_then_without_its_time_is_unresolved() -> None:
    text = (
        "The harbour board approved the new ferry timetable on Monday after a long debate. "
        "The timetable takes effect on 1 July. "
        "The ferry company said it would hire four more crew members before then."
    )
    summary = summarize(text, sentences=3)
    assert check_summary(summary, "then").counts["unresolved_reference"] == 0
    # The same summary without the sentence that gives the time.
    without = replace(summary, decisions=tuple(replace(d, kept=d.index != 1 and d.kept) for d in summary.decisions))
    assert check_summary(without, "then").counts["unresolved_reference"] == 1


def test_straight_marks_close_where_the_speaker_is_named() -> None:
    writer, depth = _scan('We got there in the end," said Ana Pereira, the captain.', 1)
    assert (writer.strip(), depth) == ("said Ana Pereira, the captain.", 0)
    assert _scan('An ""unfair and inadequate" sum, the papers say.')[1] == 0
    text = (
        "The ferry list names ten boats for the winter season. "
        '"What this list shows is that the boats are now cheaper and faster than ever. '
        'We have got to the point where the island cannot do without them," said Ana Pereira, its editor.'
    )
    found = check_summary(summarize(text, sentences=3), "list")
    assert found.counts["unattributed_quotation"] == 0


def test_a_definition_credits_its_quotation() -> None:
    text = (
        "The dictionary added ten words this year. "
        'The Harbour Dictionary defines a ferry as: "a boat that carries people and goods across water". '
        "It sells well."
    )
    assert check_summary(summarize(text, sentences=3), "dictionary").counts["unattributed_quotation"] == 0


def test_a_title_in_quotation_marks_is_nobody_s_words() -> None:
    text = (
        'The minister will unveil a plan on Thursday. '
        'He will present an "Action Plan for the Development of the North" to business leaders. Fares rose.'
    )
    found = check_summary(summarize(text, sentences=3), "plan")
    assert found.counts["unattributed_quotation"] == 0


def test_another_of_something_not_told_is_unresolved() -> None:
    text = (
        "Exports fell by 4% in October, the statistics office said. "
        "One problem was the strong pound, which made goods dearer abroad. "
        "Another problem highlighted by analysts was the growing gap with China."
    )
    summary = summarize(text, sentences=3)
    assert check_summary(summary, "another").counts["unresolved_reference"] == 0
    without = replace(summary, decisions=tuple(replace(d, kept=d.index != 1 and d.kept) for d in summary.decisions))
    assert check_summary(without, "another").counts["unresolved_reference"] == 1


@pytest.mark.parametrize(
    ("text", "events"),
    [
        ("Ms Lee said: 'We will go. It is late.' He left.", (0, 0)),
        ("Ms Lee said: 'We will go. He left.", (1, 0)),
        ("It is late.' He left.", (0, 1)),
        ("The players' union said no to rock 'n' roll and 'em.", (0, 0)),
        ("‘Quiet,’ he said.", (0, 0)),
        ("'The players' union is strong,' he said.", (0, 0)),
        ("An attractive, 'no fuss' computer.", (0, 0)),
        # The convention: the next paragraph reopens with a mark.
        ("He said: 'A.\n\n'B.'", (0, 0)),
        ("He said: 'A.\n\nB.", (1, 0)),
    ],
)
def test_single_marks_balance(text: str, events: tuple[int, int]) -> None:
    assert _quote_events(text) == events


def test_the_tabloid_style_summaries_close_their_single_quotations_at_every_length() -> None:
    from pathlib import Path

    from summarizer.segment import segment

    document = segment((Path(__file__).parents[1] / "fixtures" / "core" / "single_quotes.txt").read_text(encoding="utf-8"))
    for n in range(1, len(document.sentences) + 1):
        summary = summarize(document, sentences=n)
        assert _quote_events(summary.text) == (0, 0), (n, summary.text)
