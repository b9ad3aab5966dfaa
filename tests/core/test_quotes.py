"""Quotation units and quoted spans."""

from __future__ import annotations

from pathlib import Path

from summarizer.quotes import (
    _merge,
    find_quotations,
    find_quote_units,
    inside,
    is_lead_in,
    quoted_spans,
    touches,
)
from summarizer.segment import segment

FIXTURE = Path(__file__).parents[1] / "fixtures" / "core" / "harbour.txt"


def sentence_index(doc, prefix: str) -> int:  # type: ignore[no-untyped-def]
    return next(s.index for s in doc.sentences if s.text.startswith(prefix))


def test_lead_in_and_multi_paragraph_quotation_form_one_unit() -> None:
    doc = segment(FIXTURE.read_text(encoding="utf-8"))
    (unit,) = find_quote_units(doc)
    assert doc.sentences[unit.lead_in].text == "In a letter to the council, the Portmere Fishers' Association wrote:"
    quoted = [doc.sentences[i].text for i in unit.quotation]
    assert quoted[0].startswith("“Catches in the inner bay")
    assert quoted[-1].startswith("“We ask the council")
    assert len(quoted) == 3
    assert unit.members == (unit.lead_in, *unit.quotation)


def test_quotation_ends_at_its_closing_mark() -> None:
    text = "They wrote:\n\n“One. Two.”\n\n“A new quotation, not the same one.”\n\nAfter."
    doc = segment(text)
    (unit,) = find_quote_units(doc)
    assert [doc.sentences[i].text for i in unit.quotation] == ["“One.", "Two.”"]


def test_colon_lead_in_without_quotation_is_not_a_unit() -> None:
    doc = segment("The plan has three parts:\n\nFirst, build roads.\n\nSecond, build bridges.")
    assert find_quote_units(doc) == ()


def test_same_paragraph_quotation() -> None:
    doc = segment("The mayor said:\n“We will act. We will act soon.” Then she left.\n\nNext paragraph.")
    (unit,) = find_quote_units(doc)
    assert doc.sentences[unit.lead_in].text == "The mayor said:"
    assert [doc.sentences[i].text for i in unit.quotation] == ["“We will act.", "We will act soon.”"]


def test_is_lead_in() -> None:
    assert is_lead_in("They wrote:")
    assert is_lead_in("They wrote:  ")
    assert not is_lead_in("Time: 10:30 a.m. today.")


def test_quoted_spans_cover_multi_paragraph_quotation() -> None:
    doc = segment(FIXTURE.read_text(encoding="utf-8"))
    spans = quoted_spans(doc)
    catches = doc.text.index("“Catches")
    survey = doc.text.index("survey is done.”") + len("survey is done.”")
    assert (catches, survey) in spans
    bracket = doc.text.index("[greedy")
    assert inside(spans, bracket, bracket + 5)
    assert not inside(spans, doc.text.index("seemingly"), doc.text.index("seemingly") + 9)


def test_unclosed_quotation_ends_with_its_paragraph() -> None:
    doc = segment("He said “this never closes.\n\nA new paragraph without a quote.")
    (span,) = quoted_spans(doc)
    assert doc.text[span[0] : span[1]] == "“this never closes."


def test_straight_quotes_toggle() -> None:
    doc = segment('She said "yes" and "no" twice.')
    assert [doc.text[a:b] for a, b in quoted_spans(doc)] == ['"yes"', '"no"']


def test_touches_by_bisection_agrees_with_a_pass_over_every_span():
    import random

    rng = random.Random(15)
    for _ in range(5000):
        spans = _merge([(a := rng.randrange(100), a + rng.randrange(1, 15)) for _ in range(rng.randrange(8))])
        start = rng.randrange(-5, 120)
        end = start + rng.randrange(-3, 20)
        assert touches(spans, start, end) == any(s < end and start < e for s, e in spans), (spans, start, end)


def test_a_straight_mark_reopening_mid_paragraph_starts_a_new_quotation() -> None:
    # The paragraph break of the convention lost: '… hard. "Then …' reopens, it does not close.
    document = segment('Ms Ada Lund spoke after the vote. "We tried hard for a year. "Then we won the vote," she said.')
    found = [(q.first_sentence, q.last_sentence, q.closed) for q in find_quotations(document)]
    assert found == [(1, 1, False), (2, 2, True)]


SINGLE = Path(__file__).parents[1] / "fixtures" / "core" / "single_quotes.txt"


def test_straight_single_quotations_in_the_tabloid_style() -> None:
    document = segment(SINGLE.read_text(encoding="utf-8"))
    text = document.text
    singles = [q for q in find_quotations(document) if q.opening == "'"]

    def found(prefix: str):  # type: ignore[no-untyped-def]
        (hit,) = [q for q in singles if text.startswith(prefix, q.start)]
        return hit

    # A scare quote, closed in its sentence.
    assert found("'end flooding").closed
    # Reopened paragraph by paragraph with a mark (the convention, its breaks lost): unclosed, then closed.
    assert not found("'The wall has").closed and not found("'We never meant").closed
    assert found("'But residents").closed
    # Over two sentences, closed: one quotation.
    ruling = found("'The council's own")
    assert ruling.closed and ruling.last_sentence == ruling.first_sentence + 1
    # Left open after a colon at its paragraph's end: it ends, unclosed, with the paragraph.
    harlow = found("'People were")
    assert not harlow.closed and text[harlow.end - 1] == "."
    # Elisions and a plural's possessive are apostrophes.
    assert not any(text.startswith(("'n'", "' union", "' panel"), q.start) for q in singles)
    assert found("'It is a fair").closed and found("'and we will").closed
    # Single quotations show whole, but are not counted as quoted speech.
    assert all(not (s <= found("'end flooding").start < e) for s, e in quoted_spans(document))


def test_a_one_word_scare_quote_ending_in_s_closes_and_a_reopening_mid_sentence_ends_the_last() -> None:
    document = segment(
        "A dog that 'tosses' the first ball was filmed. It ran off.\n\n"
        "Ms Vale said: 'I have worked with bands for years. Noted: 'Echo lets you sing live,' said Mr Ray."
    )
    text = document.text
    tosses, worked, echo = (q for q in find_quotations(document) if q.opening == "'")
    assert tosses.closed and text[tosses.start : tosses.end] == "'tosses'"
    assert not worked.closed and text[worked.end - 1] == "." and worked.last_sentence == worked.first_sentence
    assert echo.closed and text[echo.start : echo.end] == "'Echo lets you sing live,'"
