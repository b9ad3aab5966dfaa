"""Voices and facts: who speaks in each sentence, every voice a say, none more than half, and new facts valued.

The articles are our own (``tests/fixtures/voices``, ``tests/fixtures/core/ferry.txt``).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summarizer import from_json, summarize, to_json, voices
from summarizer.facts import sentence_facts
from summarizer.segment import segment
from summarizer.select import VOICE_SHARE
from summarizer.serialize import to_dict
from summarizer.voices import find_voices

HERE = Path(__file__).parents[1]  # tests/, where the shared fixtures are
FIXTURES = HERE / "fixtures" / "voices"
FERRY = (HERE / "fixtures" / "core" / "ferry.txt").read_text(encoding="utf-8")
TWO_SIDES = (FIXTURES / "two-sides.txt").read_text(encoding="utf-8")
ONE_VOICE = (FIXTURES / "one-voice.txt").read_text(encoding="utf-8")
LOADED_FACTS = (FIXTURES / "loaded-facts.txt").read_text(encoding="utf-8")


def speaker_names(text: str) -> list[str | None]:
    document = segment(text)
    return [None if s is None else s.name for s in find_voices(document).speakers]


def test_the_ferry_story_names_every_speaker() -> None:
    document = segment(FERRY)
    voices = find_voices(document)
    names = [None if s is None else s.name for s in voices.speakers]
    by_text = {s.text.split()[0] + " " + s.text.split()[1]: n for s, n in zip(document.sentences, names, strict=True)}
    assert by_text["The council"] == "the council"
    assert by_text["Its finance"] == "Maria Quayle"
    assert by_text["She said"] == "Maria Quayle"  # a pronoun: the person named just before
    assert by_text["They wrote:"] == "a group of harbour traders"  # "They" is not Maria Quayle
    assert by_text["“Two crossings"] == "a group of harbour traders"  # the quotation the lead-in introduces
    assert by_text["“We cannot"] == "Maria Quayle"  # "Quayle said": the same voice as "Maria Quayle"
    assert by_text["“The money"] == "Maria Quayle"  # goes on with the quotation of the sentence before
    assert by_text["But the"] is None  # the writer's own voice
    assert voices.voices == ("the council", "Maria Quayle", "a group of harbour traders", "the traders’ association")


def test_the_speaker_span_is_the_mention_and_via_names_the_sentence_that_names_them() -> None:
    document = segment(FERRY)
    voices = find_voices(document)
    she = next(s for s in document.sentences if s.text.startswith("She said"))
    speaker = voices.speakers[she.index]
    assert speaker is not None
    assert document.text[speaker.start : speaker.end] == "She"
    assert speaker.via == she.index - 1 and not speaker.quoted
    quoted = next(s for s in document.sentences if s.text.startswith("“We cannot"))
    speaker = voices.speakers[quoted.index]
    assert speaker is not None and speaker.quoted and document.text[speaker.start : speaker.end] == "Quayle"
    assert voices.quoted_words[quoted.index] == 6


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Sales fell by 4%, according to the Office for National Statistics.", "the Office for National Statistics"),
        ("“We are pleased,” said chief executive Tom Brandt.", "Tom Brandt"),
        ("“We are pleased,” said Harbour Line’s chief executive, Petra Lind.", "Petra Lind"),
        ("Critics said the plan would cost jobs.", "critics"),
        ("A spokesman for the ministry said no decision had been made.", "a spokesman for the ministry"),
        ("The company said profits rose.", "the company"),
        ("Ana Pereira, the mayor, said the road would reopen.", "Ana Pereira"),
        ("In a letter, the union wrote:", "the union"),
        ("The ferry will sail at noon.", None),
        ("Main points of the plan:", None),
        ("State Senator Maria Ellison, a Democrat, said the bill was bad.", "State Senator Maria Ellison"),
        ("Foreign Secretary Jack Straw criticised the report.", "Foreign Secretary Jack Straw"),
    ],
)
def test_attribution_forms(sentence: str, name: str | None) -> None:
    assert speaker_names(sentence) == [name]


def test_boilerplate_sentences_have_no_speaker() -> None:
    document = segment("Readers tell us they love it. Subscribe now.")
    assert find_voices(document, skip={0, 1}).speakers == (None, None)


def test_facts_are_normalised_numbers_dates_and_names() -> None:
    document = segment(
        "The ACLU wants 30 thousand people released. About 30,000 people are detained, up 4 per cent since March.\n\n"
        "Profits rose to $1.13bn on Monday. Profits were 1.13 billion dollars, Donald Trump said."
    )
    first, second, third, fourth = sentence_facts(document)
    assert "number:30000" in first and "number:30000" in second
    assert "number:4%" in second and "date:march" in second
    assert "number:1.13e+09" in third and "number:1.13e+09" in fourth and "date:monday" in third
    assert {"name:donald", "name:trump"} <= set(fourth)
    assert "name:aclu" in first  # an acronym counts even as the first word
    assert "name:profits" not in third  # a capitalised first word is not a name
    assert first["number:30000"] == "30 thousand"


def voice_words(summary, name: str) -> int:  # type: ignore[no-untyped-def]
    voices = find_voices(summary.document)
    return sum(voices.quoted_words[d.index] for d in summary.kept if d.speaker is not None and d.speaker.name == name)


def test_both_sides_get_a_say_when_the_budget_allows() -> None:
    document = segment(TWO_SIDES)
    for n in (8, 9, 10):
        summary = summarize(document, sentences=n)
        heard = {d.speaker.name for d in summary.kept if d.speaker is not None}
        assert {"Helen Okafor", "Dev Raman"} <= heard, (n, summary.text)


def test_a_voice_kept_for_its_say_says_so() -> None:
    seen = 0
    for path in [*sorted(FIXTURES.glob("*.txt")), *sorted((HERE.parent / "examples").glob("*.txt"))]:
        document = segment(path.read_text(encoding="utf-8"))
        for n in range(1, len(document.sentences) + 1):
            summary = summarize(document, sentences=n)
            for decision in summary.kept:
                if decision.reason is not None and decision.reason.code == "voice":
                    seen += 1
                    assert decision.speaker is not None
                    assert decision.reasons[0].text.startswith(f"gives {decision.speaker.name} a say"), path
    assert seen


def test_one_voice_does_not_take_more_than_half_of_the_words() -> None:
    document = segment(ONE_VOICE)
    capped = 0
    for n in range(2, len(document.sentences) + 1):
        summary = summarize(document, sentences=n)
        words = len(summary.text.split())
        if n < len(document.sentences) - 1:
            assert voice_words(summary, "Petra Lind") <= VOICE_SHARE * words, (n, summary.text)
        for decision in summary.dropped:
            if decision.reason is not None and decision.reason.code == "voice_share":
                capped += 1
                assert decision.speaker is not None and decision.speaker.name in decision.reason.text
                assert "more than half of the summary's words" in decision.reason.text
    assert capped


def test_the_only_voice_may_take_more_than_half() -> None:
    text = (
        "Lakeside school to close in July\n\n"
        "LAKESIDE – The county will close Lakeside primary school in July, it said on Friday.\n\n"
        "“The school has 31 pupils and room for 200. We cannot keep the building open for so few children,"
        " and the pupils will have a better choice of lessons at Hillview,” said the county’s head of schools, Ann Rowe.\n\n"
        "“Buses will take every child to Hillview and back at no cost to families.”"
    )
    summary = summarize(text, sentences=3)
    assert all(d.reason is None or d.reason.code != "voice_share" for d in summary.decisions)


def test_a_loaded_sentence_is_not_lifted_by_its_facts() -> None:
    summary = summarize(LOADED_FACTS, sentences=3)
    loaded = next(d for d in summary.decisions if "staggering" in d.sentence.text)
    assert not loaded.kept
    assert loaded.reason is not None and loaded.reason.code == "loaded"
    assert loaded.factors["new_facts"] >= 1  # it would add a fact: it is its loading that keeps it out


def test_new_facts_are_named_in_the_reasons() -> None:
    summary = summarize(LOADED_FACTS, sentences=3)
    facts = [r.text for d in summary.kept for r in d.reasons if r.code == "facts"]
    assert any("60" in text for text in facts), facts


def test_the_speaker_is_in_the_json_and_survives_the_round_trip() -> None:
    summary = summarize(FERRY)
    data = to_dict(summary)
    assert data["schema_version"] == 2
    speakers = [s["speaker"] for s in data["sentences"]]
    assert {"name": "Maria Quayle", "quoted": False} .items() <= next(s for s in speakers if s and s["name"] == "Maria Quayle").items()
    assert from_json(to_json(summary)) == summary


def test_version_1_summaries_are_still_read() -> None:
    summary = summarize(FERRY)
    data = json.loads(to_json(summary))
    data["schema_version"] = 1
    for sentence in data["sentences"]:
        del sentence["speaker"]
    old = from_json(json.dumps(data))
    assert all(d.speaker is None for d in old.decisions)
    assert [d.kept for d in old.decisions] == [d.kept for d in summary.decisions]


def test_sumy_algorithms_record_no_speaker() -> None:
    summary = summarize(FERRY, algorithm="lexrank")
    assert all(d.speaker is None for d in summary.decisions)


def test_the_html_report_names_the_speaker_as_inert_text() -> None:
    from summarizer.align import align
    from summarizer.render.html import render_html

    text = FERRY.replace("The council said the change", "AT&T said the change")
    summary = summarize(text, sentences=20)
    page = render_html(summary, align(summary))
    assert '<span class="speaker">speaker: AT&amp;T (reported)</span>' in page
    assert '<span class="speaker">speaker: Maria Quayle (quoted)</span>' in page
    assert "speaker: AT&T" not in page


def test_the_tui_details_name_the_speaker() -> None:
    from tui.widgets.details_panel import details_text

    summary = summarize(FERRY)
    index = next(d.index for d in summary.decisions if d.sentence.text.startswith("“We cannot"))
    shown = details_text(summary, index).plain
    assert "speaker Maria Quayle (quoted)" in shown
    writer = next(d.index for d in summary.decisions if d.sentence.text.startswith("But the council"))
    assert "speaker" not in details_text(summary, writer).plain


def test_a_title_after_the_words_of_its_office_is_a_person_whom_she_stands_for() -> None:
    names = speaker_names(
        "State Senator Maria Ellison, a Democrat from Cedar Falls, blasted the bill. She told reporters after the vote:\n\n"
        "“My constituents already pay more for their water.”"
    )
    assert names == ["State Senator Maria Ellison"] * 3


@pytest.mark.parametrize(
    ("text", "disputing"),
    [
        ("The firm said profits rose. Unions denied the claim. Mr Lee said he was pleased.", {"Unions"}),
        ("Mr Lee criticised the plan. “It is wrong,” he said.", {"Mr Lee"}),
        # Only the writer's words count: a quoted "reject" is what the speaker says, not a dispute reported.
        ("“We reject nothing,” Mr Lee said. The board said it agreed.", set()),
        ("The firm said profits rose. The union said it was pleased.", set()),
    ],
)
def test_voices_reported_as_disputing(text: str, disputing: set[str]) -> None:
    assert find_voices(segment(text)).disputing == disputing


# The searches' short cuts find what the plain searches find.

_BEFORE_TEXT = st.lists(
    st.sampled_from(
        ["has", "have", "does", "do", "also", "later", "again", "aptly", "ly", "only", "x-ly", "hadly", "The",
         "Bank", "of", "England", "Maria", "Quayle", "critics", "the", "company", "(Mr", "“Lee", "he", "it,"]
    ).flatmap(lambda w: st.tuples(st.just(w), st.sampled_from([" ", "  ", "\u00a0", "\n", ""]))),
    max_size=14,
).map(lambda pairs: "".join(w + space for w, space in pairs))
_BETWEEN_FORWARD = re.compile(r"(?:\s+(?:" + "|".join(voices._BETWEEN_WORDS) + r"|\w+ly))*\s*$")


@given(_BEFORE_TEXT, st.sampled_from(["", " ", "  ", "x"]))
@settings(max_examples=300, deadline=None)
def test_the_words_between_subject_and_verb_are_found_as_the_forward_search_finds_them(text: str, lead: str) -> None:
    before = lead + text
    assert voices._between_start(before) == _BETWEEN_FORWARD.search(before).start()  # type: ignore[union-attr]


@given(_BEFORE_TEXT)
@settings(max_examples=300, deadline=None)
def test_the_subject_is_found_in_the_last_words_as_in_the_whole_text(head: str) -> None:
    whole = voices._SUBJECT_BEFORE.search(head)
    last = voices._SUBJECT_BEFORE.search(head, voices._last_words(head, voices._SUBJECT_WORDS))
    assert (whole and whole.span("name")) == (last and last.span("name"))


def test_the_longest_subject_is_within_the_words_searched() -> None:
    name = "The Bank of England of Wales of Scotland of Ireland"
    assert len(name.split()) == voices._SUBJECT_WORDS
    writer = f"Yesterday after the long meeting of the board {name} said no."
    assert voices._credited(writer, frozenset(voices._SPEECH_WORD.findall(writer)))[0] == name  # type: ignore[index]


@given(st.lists(st.tuples(st.sampled_from("abcdef"), st.sampled_from(["Lee", "Mr Lee", "lee", "Ana Lee", "the firm"])), max_size=12))
@settings(max_examples=200, deadline=None)
def test_a_voice_is_found_by_its_name_as_a_look_at_every_voice_finds_it(steps: list[tuple[str, str]]) -> None:
    heard = voices._Heard()
    for key, name in steps:
        if key in heard.by_key:
            heard.rename(key, name)
        else:
            heard.add(key, voices._Known(name, False, False))
        for probe in ("Lee", "Mr Lee", "lee", "Ana Lee", "the firm", "The Firm"):
            scanned = next((k for k, known in heard.by_key.items() if known.name == probe), voices._key(probe)[0])
            folded = next((k for k, known in heard.by_key.items() if known.name.lower() == probe.lower()), None)
            assert heard.key_of_name(probe) == scanned
            assert heard.key_of_folded(probe) == folded
