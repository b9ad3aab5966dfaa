"""The seed article, the yardstick for the default behaviour (issues 2 and 3).

The seed is someone else's text: it is read from ../shared/seed and these tests skip
when that folder is absent.
"""

from __future__ import annotations

import re

import pytest

from summarizer import ALL_ALGORITHMS, from_json, summarize, to_json
from summarizer.quotes import find_quote_units

PROMOTIONAL = (
    "Do you want to join our private family",
    "Proceeds get reinvested",
    "Click to check it out.",
    "LET Unity",
    "Submit a Correction",
    "Related Posts",
)


BRACKETING = ("speaker_named", "speaker_credited", "pronoun_named", "name_completed")


@pytest.mark.parametrize("algorithm", ALL_ALGORITHMS)
def test_every_algorithm_keeps_five_with_exact_spans(seed_text: str, algorithm: str) -> None:
    summary = summarize(seed_text, algorithm=algorithm, sentences=5)
    assert len(summary.kept) == 5
    assert len(summary.decisions) == len(summary.document.sentences)
    for d in summary.decisions:
        assert seed_text[d.sentence.start : d.sentence.end] == d.sentence.text
    assert from_json(to_json(summary)) == summary


def test_default_drops_every_promotional_line_as_boilerplate(seed_text: str) -> None:
    summary = summarize(seed_text)
    for prefix in PROMOTIONAL:
        decision = next(d for d in summary.decisions if d.sentence.text.startswith(prefix))
        assert not decision.kept, prefix
        assert decision.boilerplate, prefix
        assert "boilerplate" in decision.reasons[0].code, prefix


@pytest.mark.parametrize("count", [3, 5, 8, 12, 20])
def test_default_keeps_no_lead_in_without_its_quotation(seed_text: str, count: int) -> None:
    summary = summarize(seed_text, sentences=count)
    kept = {d.index for d in summary.kept}
    for unit in find_quote_units(summary.document):
        assert (unit.lead_in in kept) == (unit.quotation[0] in kept)
        # A later sentence kept without the one before it is opened and credited by recorded edits,
        # unless the summary's sentence before names the same speaker (one credit is enough).
        for m in unit.quotation[1:]:
            if m in kept and m - 1 not in kept:
                kinds = {e.kind for e in summary.decisions[m].edits}
                before = summary.decisions[max(k for k in kept if k < m)]
                mine = summary.decisions[m].speaker
                same = before.speaker is not None and mine is not None and before.speaker.name == mine.name
                assert same or kinds & {"speaker_credited", "speaker_named"}, summary.decisions[m].output


def test_default_flags_the_seed_cues(seed_text: str) -> None:
    summary = summarize(seed_text)
    found = {(c.category, c.text) for d in summary.decisions for c in d.cues}
    texts = {text for _, text in found}
    assert {"seemingly", "aptly", "‘safety’"} <= texts
    assert any("illegal aliens" in text for text in texts)
    assert ("scare_quote", "‘safety’") in found


@pytest.mark.parametrize("count", [None, 5, 10, 15])
def test_default_summary_has_no_bracketed_insertion(seed_text: str, count: int | None) -> None:
    summary = summarize(seed_text, sentences=count)
    # The writer's brackets are gone; the only brackets left are evenhand's own, recorded
    # edits that name a speaker ("[The ACLU] wrote:", "[The ACLU said:] “…").
    ours = {e.replacement.strip().lstrip("“") for d in summary.kept for e in d.edits if e.kind in BRACKETING}
    assert set(re.findall(r"\[[^\]]*\]", summary.text)) <= ours


def test_default_drops_the_stance_adverb_sentences_or_trims_them(seed_text: str) -> None:
    summary = summarize(seed_text)
    assert "seemingly" not in summary.text
    assert "aptly" not in summary.text


def test_plain_lexrank_keeps_what_neutral_avoids(seed_text: str) -> None:
    """The contrast the product exists for: the plain algorithm keeps loaded text."""
    plain = summarize(seed_text, algorithm="lexrank", sentences=8)
    neutral = summarize(seed_text, sentences=8)
    assert plain.stats.cues_summary > neutral.stats.cues_summary


def test_default_summary_gives_the_scale_and_more_than_the_aclu_quotations(seed_text: str) -> None:
    """Issue 13: the scale of the detentions, and at least one sentence that is not an ACLU quotation."""
    summary = summarize(seed_text)
    assert re.search(r"\b(?:30 thousand|30,000|56,000)\b", summary.text), summary.text
    aclu_quotations = [d for d in summary.kept if d.speaker is not None and d.speaker.name == "the ACLU" and d.speaker.quoted]
    assert aclu_quotations  # the ACLU is heard …
    assert len(aclu_quotations) < len(summary.kept)  # … and is not all the summary says
    assert any(d.speaker is None for d in summary.kept)  # the writer's report of what happened


def test_every_aclu_sentence_names_the_aclu_as_its_speaker(seed_text: str) -> None:
    summary = summarize(seed_text)
    for decision in summary.decisions:
        if decision.sentence.text.startswith(("They wrote:", "In a brief, the ACLU wrote:", "“ICE cultivated")):
            assert decision.speaker is not None and decision.speaker.name == "the ACLU", decision.sentence.text
    assert {d.speaker.name for d in summary.decisions if d.speaker is not None} == {"the ACLU"}


def test_default_sets_aside_the_writer_framing_the_aclu(seed_text: str) -> None:
    # "… instead of noting any potential benefit …, they claim …": the writer arguing, not news.
    summary = summarize(seed_text)
    framing = next(d for d in summary.decisions if "instead of noting" in d.sentence.text)
    assert not framing.kept
    assert any(c.category == "opponent_framing" for c in framing.cues)
    assert any("30 thousand" in d.sentence.text or "30,000" in d.sentence.text for d in summary.kept)


def test_default_summary_says_the_detentions_and_frames_no_claim(seed_text: str) -> None:
    """Session 9: the 2019 detentions (56,000) are kept, and no kept sentence frames the ACLU's words
    ("claims", "what they allege is", "as opposed to"): the framing verb reads "says"."""
    summary = summarize(seed_text)
    assert "56,000" in summary.text, summary.text
    # "the alleged racial profiling" (a hedge on an unproven charge, kept since session 10) is not a framing verb.
    for framing in (" claims ", " alleges ", "what they allege", "as opposed to"):
        assert framing not in summary.text, framing
    assert "The ACLU also says" in summary.text
