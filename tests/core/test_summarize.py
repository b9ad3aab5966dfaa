"""The pipeline end to end: one decision per sentence, budgets, the neutral selector, bad input."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from summarizer import (
    ALL_ALGORITHMS,
    BudgetError,
    EmptyInputError,
    UnknownAlgorithmError,
    from_json,
    summarize,
    to_json,
)
from summarizer.quotes import find_quote_units
from summarizer.segment import segment

FIXTURE = Path(__file__).parents[1] / "fixtures" / "core" / "harbour.txt"
TEXT = FIXTURE.read_text(encoding="utf-8")


def assert_well_formed(summary, kept: int | None = None) -> None:  # type: ignore[no-untyped-def]
    doc = summary.document
    assert len(summary.decisions) == len(doc.sentences)
    for d, s in zip(summary.decisions, doc.sentences, strict=True):
        assert d.sentence is s
        assert doc.text[s.start : s.end] == s.text
        assert 0.0 <= d.score <= 1.0
        assert d.reasons, f"sentence {s.index} has no reason"
        assert bool(d.output) == d.kept
        for item in (*d.cues, *d.edits):
            assert s.start <= item.start <= item.end <= s.end
            assert doc.text[item.start : item.end] == item.text
    assert sorted(d.rank for d in summary.decisions) == list(range(1, len(doc.sentences) + 1))
    if kept is not None:
        assert len(summary.kept) == kept


@pytest.mark.parametrize("algorithm", ALL_ALGORITHMS)
def test_every_algorithm_keeps_exactly_the_budget(algorithm: str) -> None:
    summary = summarize(TEXT, algorithm=algorithm, sentences=5)
    assert summary.algorithm == algorithm
    assert_well_formed(summary, kept=5)


@pytest.mark.parametrize("algorithm", ["neutral", "lexrank", "kl"])
def test_json_round_trip_is_exact(algorithm: str) -> None:
    summary = summarize(TEXT, algorithm=algorithm, ratio=0.4, source="harbour.txt")
    again = from_json(to_json(summary))
    assert again == summary
    assert to_json(again) == to_json(summary)


def test_summary_text_is_the_kept_outputs_in_order() -> None:
    summary = summarize(TEXT, algorithm="lexrank", sentences=4)
    for decision in summary.kept:
        assert decision.output in summary.text
    positions = [summary.text.index(d.output) for d in summary.kept]
    assert positions == sorted(positions)


def test_default_budget_is_thirty_percent_at_least_three() -> None:
    summary = summarize(TEXT, algorithm="textrank")
    assert summary.budget.target == max(3, round(0.3 * len(summary.document.sentences)))
    assert len(summary.kept) == summary.budget.target


def test_word_budget_is_never_exceeded() -> None:
    for limit in (15, 40, 80):
        summary = summarize(TEXT, algorithm="lexrank", words=limit)
        assert summary.stats.words_summary <= limit
        assert summary.budget.words == limit


def test_word_budget_below_every_sentence_says_so() -> None:
    summary = summarize(TEXT, algorithm="lexrank", words=2)
    assert len(summary.kept) == 1
    assert summary.budget.note and "no sentence fits" in summary.budget.note
    assert summary.budget.note in summary.notes


def test_budget_larger_than_document_keeps_everything_with_note() -> None:
    text = "One short sentence here. Another one follows it. A third closes."
    summary = summarize(text, algorithm="lexrank", sentences=10)
    assert len(summary.kept) == 3
    assert any("whole text" in note for note in summary.notes)


def test_one_sentence_summarises_to_itself() -> None:
    summary = summarize("Only one sentence is here.", algorithm="neutral")
    assert summary.text == "Only one sentence is here."


@pytest.mark.parametrize("text", ["", "   \n\t  ", "\u200b\u00a0\n"])
def test_empty_input_raises_a_named_error(text: str) -> None:
    with pytest.raises(EmptyInputError):
        summarize(text)


@pytest.mark.parametrize(
    "kwargs", [{"sentences": 0}, {"sentences": -1}, {"ratio": 1.5}, {"ratio": 0}, {"sentences": 3, "words": 20}]
)
def test_invalid_budget(kwargs: dict[str, float]) -> None:
    with pytest.raises(BudgetError):
        summarize(TEXT, **kwargs)  # type: ignore[arg-type]


def test_unknown_algorithm_lists_the_valid_ones() -> None:
    with pytest.raises(UnknownAlgorithmError, match="lexrank"):
        summarize(TEXT, algorithm="bogus")


def test_unknown_engine() -> None:
    with pytest.raises(UnknownAlgorithmError, match="engine"):
        summarize(TEXT, engine="turbo")


def test_algorithm_names_are_case_insensitive() -> None:
    assert summarize(TEXT, algorithm="LexRank", sentences=3).algorithm == "lexrank"


# ---- the neutral selector ---------------------------------------------------------------


def test_neutral_never_keeps_boilerplate() -> None:
    summary = summarize(TEXT, ratio=1.0)
    for d in summary.decisions:
        if d.sentence.text in ("Subscribe to our newsletter for more local news!", "Share this story"):
            assert d.boilerplate and not d.kept
            assert "boilerplate" in d.reasons[0].code
            assert d.reasons[0].text.startswith("boilerplate: ")
    assert "Subscribe" not in summary.text


@pytest.mark.parametrize("count", range(1, 13))
def test_neutral_never_separates_lead_in_and_quotation(count: int) -> None:
    summary = summarize(TEXT, sentences=count)
    (unit,) = find_quote_units(summary.document)
    kept = {d.index for d in summary.kept}
    if unit.lead_in in kept:
        assert unit.quotation[0] in kept
    # A sentence of the quotation kept without the one before it is opened and credited by recorded edits,
    # unless the summary's sentence before is the same speaker's (one credit is enough).
    for m in unit.quotation:
        if m in kept and m - 1 not in kept:
            kinds = {e.kind for e in summary.decisions[m].edits}
            before = summary.decisions[max(k for k in kept if k < m)].speaker
            mine = summary.decisions[m].speaker
            same = before is not None and mine is not None and before.name == mine.name
            assert same or kinds & {"speaker_credited", "speaker_named"}, summary.decisions[m].output


def test_neutral_trims_stance_adverbs_and_records_the_edit() -> None:
    summary = summarize(TEXT, ratio=1.0)
    fishing = next(d for d in summary.decisions if d.sentence.text.startswith("Fishing groups"))
    assert fishing.kept
    assert [e.kind for e in fishing.edits] == ["stance_adverb"]
    assert fishing.output == "Fishing groups believe that the dredging has driven cod away from the inner bay."
    assert "seemingly" not in summary.text


def test_no_trim_keeps_sentences_verbatim() -> None:
    summary = summarize(TEXT, sentences=5, trim=False)
    assert all(not d.edits and d.output == d.sentence.text for d in summary.kept)


def test_neutral_summary_has_no_bracketed_insertion_at_any_length() -> None:
    for count in range(1, 12):
        summary = summarize(TEXT, sentences=count)
        # The only brackets are evenhand's own recorded edits that credit a speaker.
        ours = {e.replacement.strip() for d in summary.kept for e in d.edits if e.kind in ("speaker_named", "speaker_credited")}
        assert set(re.findall(r"\[[^\]]*\]", summary.text)) <= ours, summary.text


def test_repeated_sentence_is_dropped_as_a_repeat() -> None:
    text = (
        "The bridge on Mill Road will close for repairs on Monday, the council said.\n\n"
        "Drivers should use the ring road instead.\n\n"
        "The bridge on Mill Road will close for repairs on Monday, the council said.\n\n"
        "Work is expected to take six weeks."
    )
    summary = summarize(text, sentences=3)
    first, _, third, _ = summary.decisions
    assert first.kept and not third.kept
    assert third.reasons[0].code == "repeats"
    assert third.reasons[0].text == "repeats sentence 1"


def test_neutrality_zero_ignores_bias() -> None:
    loaded = summarize(TEXT, sentences=4, neutrality=0.0)
    assert all(d.reasons[0].code != "loaded" for d in loaded.decisions)


def test_stats_before_and_after() -> None:
    summary = summarize(TEXT, sentences=4)
    stats = summary.stats
    assert stats.words_summary < stats.words_original
    assert stats.compression == round(stats.words_summary / stats.words_original, 4)
    assert stats.readability_summary.sentences == 4
    assert stats.cues_summary <= stats.cues_original


def test_document_can_be_passed_in() -> None:
    doc = segment(TEXT, source="harbour.txt")
    summary = summarize(doc, sentences=3)
    assert summary.document is doc
    assert summary.source == "harbour.txt"


def test_unknown_language_is_a_named_error() -> None:
    from summarizer import UnknownLanguageError

    with pytest.raises(UnknownLanguageError, match="klingon"):
        summarize(TEXT, language="klingon")


def test_long_text_is_ranked_in_blocks_with_a_note(monkeypatch: pytest.MonkeyPatch) -> None:
    import summarizer.rank as rank_module
    import summarizer.select.choosers as choosers_module

    monkeypatch.setattr(rank_module, "BLOCK_SENTENCES", 6)
    monkeypatch.setattr(choosers_module, "MMR_SENTENCES", 6)
    text = "\n\n".join([TEXT] * 3)
    for algorithm in ("neutral", "lexrank", "kl"):
        summary = summarize(text, algorithm=algorithm, sentences=6)
        assert_well_formed(summary, kept=6)
        assert any("in blocks of about 6" in note for note in summary.notes)


def test_long_text_skips_exact_repeats() -> None:
    import summarizer.select.choosers as choosers_module

    text = "\n\n".join([TEXT] * 2)
    original = choosers_module.MMR_SENTENCES
    try:
        choosers_module.MMR_SENTENCES = 5
        summary = summarize(text, sentences=8)
    finally:
        choosers_module.MMR_SENTENCES = original
    kept = [d.sentence.text for d in summary.kept]
    assert len(kept) == len(set(kept))
    assert any(d.reasons[0].code == "repeats" for d in summary.dropped)


def test_an_analysis_serves_every_summary_of_its_document() -> None:
    from summarizer import analyse
    from summarizer.segment import segment

    document = segment(ARTICLE_FOR_ANALYSIS)
    analysis = analyse(document)
    for options in ({}, {"sentences": 2}, {"algorithm": "textrank", "ratio": 0.5}, {"algorithm": "lexrank"}):
        assert summarize(document, analysis=analysis, **options) == summarize(document, **options)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="another document"):
        summarize(segment(ARTICLE_FOR_ANALYSIS), analysis=analysis)


ARTICLE_FOR_ANALYSIS = (
    "The council voted on Tuesday to close the library. Critics said the decision was outrageous.\n\n"
    "Council member Ana Ortiz said the branch costs $410,000 a year. Click here to subscribe!\n\n"
    "A bus route stops at both branches every 20 minutes. The plan takes effect in March."
)
