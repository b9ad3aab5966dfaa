"""Single checks of :mod:`summarizer.evaluate.integrity` on texts written here."""

from __future__ import annotations

from summarizer import summarize
from summarizer.evaluate.integrity import check_summary


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
