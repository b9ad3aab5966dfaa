"""The bias score: bounded, monotone in the cues, symmetric between the sides; and its reason text."""

from __future__ import annotations

from pathlib import Path

import pytest

from summarizer.cues import find_cues
from summarizer.evaluate.bias import sentence_document
from summarizer.model import Cue, Sentence
from summarizer.neutrality import (
    NO_CUE_CEILING,
    THRESHOLD,
    WEIGHTS,
    bias_features,
    bias_parts,
    bias_score,
    cue_summary,
    split_bias,
)
from summarizer.segment import segment

MIRRORED = Path(__file__).parents[1] / "fixtures" / "mirrored"


def score(text: str) -> float:
    document = sentence_document(text)
    return bias_score(document.sentences[0], find_cues(document)[0])


def _rows(name: str) -> list[str]:
    lines = (MIRRORED / name).read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.strip() and not line.startswith("#")]


PAIRS = [tuple(line.split("\t")) for line in _rows("pairs.tsv")]
PLAIN = _rows("plain.txt")


@pytest.mark.parametrize(("left", "right"), PAIRS)
def test_mirrored_sentences_score_within_a_tenth(left: str, right: str) -> None:
    assert abs(score(left) - score(right)) <= 0.1


@pytest.mark.parametrize(("left", "right"), PAIRS)
def test_mirrored_sentences_are_both_flagged_or_both_not(left: str, right: str) -> None:
    assert (score(left) >= THRESHOLD) == (score(right) >= THRESHOLD)


def test_most_mirrored_sentences_are_flagged() -> None:
    flagged = sum(score(left) >= THRESHOLD for left, _ in PAIRS)
    assert flagged >= len(PAIRS) - 2


@pytest.mark.parametrize("text", PLAIN)
def test_plain_sentences_score_below_the_threshold(text: str) -> None:
    assert score(text) < THRESHOLD


def test_mirrored_articles_score_alike() -> None:
    scores = {}
    for side in ("left", "right"):
        document = segment((MIRRORED / f"article-{side}.txt").read_text(encoding="utf-8"))
        cues = find_cues(document)
        scores[side] = [bias_score(s, c) for s, c in zip(document.sentences, cues, strict=True)]
    assert len(scores["left"]) == len(scores["right"])
    # The headline and the lead carry the slant, on both sides alike.
    for i in (0, 1):
        assert scores["left"][i] >= THRESHOLD and scores["right"][i] >= THRESHOLD
        assert abs(scores["left"][i] - scores["right"][i]) <= 0.1


def test_score_is_in_unit_interval_and_monotone() -> None:
    sentence = Sentence(index=0, paragraph=0, start=0, end=40, text="x " * 20)
    previous = bias_score(sentence, [])
    assert 0.0 <= previous <= NO_CUE_CEILING
    cues: list[Cue] = []
    for i in range(30):
        cues.append(Cue("loaded_term", i, i + 1, "x", 1.0))
        current = bias_score(sentence, cues)
        assert 0.0 <= current <= 1.0
        assert current > previous
        previous = current


@pytest.mark.parametrize("category", ["loaded_term", "stance_adverb", "scare_quote", "valenced_word"])
def test_each_kind_of_cue_raises_the_score(category: str) -> None:
    text = "The council met on Tuesday to discuss the plan."
    sentence = Sentence(index=0, paragraph=0, start=0, end=len(text), text=text)
    base = bias_score(sentence, [Cue("hedge", 0, 3, "The", 0.5)])
    assert bias_score(sentence, [Cue("hedge", 0, 3, "The", 0.5), Cue(category, 4, 11, "council", 1.0)]) > base


def test_features_cover_the_weights() -> None:
    sentence = Sentence(index=0, paragraph=0, start=0, end=5, text="Hello")
    assert set(bias_features(sentence, [])) == set(WEIGHTS)


def test_quoted_loaded_words_score_lower_than_the_writers_own() -> None:
    own = score("The far-right mob stormed the hall on Friday.")
    quoted = score("The mayor said “the far-right mob stormed the hall” on Friday.")
    assert quoted < own


def test_cue_summary_names_the_words() -> None:
    document = sentence_document("The ACLU seemingly and aptly defends the ‘safety’ of illegal aliens.")
    summary = cue_summary(find_cues(document)[0])
    assert summary.startswith("loaded language: 'illegal aliens'")
    assert "'seemingly'" in summary and "'aptly'" in summary
    assert "scare quote: ‘safety’" in summary  # quoted once: the cue's own marks


def test_cue_summary_of_structural_cues_and_nothing() -> None:
    assert cue_summary([]) == ""
    assert cue_summary([Cue("call_to_action", 0, 5, "Click", 1.0)]) == "call to action"


def test_mirrored_articles_drop_their_headline_and_reword_their_lead_alike() -> None:
    from summarizer import summarize

    leads = {}
    for side in ("left", "right"):
        summary = summarize((MIRRORED / f"article-{side}.txt").read_text(encoding="utf-8"), sentences=3)
        assert len(summary.kept) == 3
        headline, lead = summary.decisions[:2]
        assert not headline.kept
        assert headline.bias is not None and headline.bias >= THRESHOLD
        # The headline's first reason says it is the title; its cues follow.
        assert any(reason.text.startswith("loaded language") for reason in headline.reasons)
        # The lead is kept first, its slant reworded or deleted as recorded edits.
        assert lead.kept and summary.kept[0] is lead
        assert lead.bias is not None and lead.bias >= THRESHOLD
        leads[side] = sorted(e.kind for e in lead.edits)
        assert "seemingly" not in lead.output and "job-killing" not in lead.output and "greedy" not in lead.output
    # Both leads open with a dateline, cut as a recorded edit. The closing participle phrase (", passing rent rules that … call a greedy/job-killing mistake")
    # is cut on both sides, the loaded word inside it going with it (session 9: a cut takes the
    # rewording inside it, where before the deletion blocked the cut).
    assert leads["left"] == ["dateline_cut", "stance_adverb", "term_deleted", "trailing_phrase"]
    assert leads["right"] == ["dateline_cut", "reworded", "stance_adverb", "trailing_phrase"]


def test_every_left_and_right_term_is_flagged_and_the_sides_weigh_alike() -> None:
    from summarizer import lexicons

    by_side: dict[str, list[float]] = {"left": [], "right": []}
    for entry in lexicons.loaded_terms():
        if entry.side == "any":
            continue
        value = score(f"The council heard from {entry.term.replace('*', '')} on Tuesday.")
        assert value >= THRESHOLD, entry.term
        by_side[entry.side].append(value)
    means = {side: sum(values) / len(values) for side, values in by_side.items()}
    assert abs(means["left"] - means["right"]) <= 0.02


def test_weights_are_in_feature_order() -> None:
    from summarizer.neutrality import _TEXT_FEATURES, FEATURE_GROUPS

    assert tuple(WEIGHTS) == (*FEATURE_GROUPS, "quoted", *_TEXT_FEATURES)


def test_cue_features_never_lower_the_score() -> None:
    from summarizer.neutrality import FEATURE_GROUPS

    for name in (*FEATURE_GROUPS, "quoted", "density"):
        assert WEIGHTS[name] >= 0, name


def _sentence(text: str) -> Sentence:
    return Sentence(index=0, paragraph=0, start=0, end=len(text), text=text)


def test_features_read_the_writers_cues_apart_from_the_quoted_ones() -> None:
    sentence = _sentence("The mayor said the plan was a disgrace, in 2024, and not fair.")
    own = Cue("loaded_term", 0, 3, "The", 1.0, "evenhand/loaded_terms.tsv:left")
    quoted = Cue("valenced_word", 4, 9, "mayor", 0.5, "vader (quoted)")
    features = bias_features(sentence, [own, quoted])
    assert features["loaded"] > 0 and features["lexical"] == 0
    assert features["quoted"] > 0
    assert features["density"] == pytest.approx(1.0 / len(sentence.text.split()))
    assert features["figures"] == 1.0 and features["negations"] > 0
    assert features["attributed"] == 0.0  # a cue in the writer's voice: "said" does not excuse it


def test_split_bias_parts_sum_to_the_score() -> None:
    sentence = _sentence("The mayor said “the far-right mob stormed the hall” on Friday.")
    cues = find_cues(sentence_document(sentence.text))[0]
    assert any(c.source.endswith("(quoted)") for c in cues)
    framing, quoted = split_bias(sentence, cues)
    assert quoted > 0
    assert framing + quoted == pytest.approx(bias_score(sentence, cues))
    own = [c for c in cues if not c.source.endswith("(quoted)")]
    assert framing == pytest.approx(bias_score(sentence, own))


def test_split_bias_of_the_writers_own_words_is_all_framing() -> None:
    sentence = _sentence("The far-right mob stormed the hall on Friday.")
    cues = find_cues(sentence_document(sentence.text))[0]
    assert split_bias(sentence, cues) == (bias_score(sentence, cues), 0.0)


def test_cue_summary_names_quoted_words_apart() -> None:
    document = sentence_document("The mayor seemingly said “the far-right mob stormed the hall” on Friday.")
    summary = cue_summary(find_cues(document)[0])
    assert summary.startswith("loaded language: 'seemingly'")
    assert "loaded language (quoted): 'far-right'" in summary


def test_every_decision_reports_the_writers_framing_and_the_quoted_content_apart() -> None:
    from summarizer import from_json, summarize, to_json

    text = (
        "The council met on Tuesday to discuss the new budget for the city.\n\n"
        "The mayor said “the far-right mob stormed the hall” on Friday.\n\n"
        "The radical scheme seemingly ignores the needs of residents.\n\n"
        "Officials will vote on the plan next month."
    )
    summary = summarize(text, sentences=2)
    for decision in summary.decisions:
        assert decision.bias is not None
        assert decision.bias_framing is not None and decision.bias_quoted is not None
        assert decision.bias_framing + decision.bias_quoted == pytest.approx(decision.bias, abs=1e-3)
    quoted, own = summary.decisions[1], summary.decisions[2]
    assert quoted.bias_quoted and quoted.bias_quoted > 0
    assert own.bias_quoted == 0.0 and own.bias_framing == pytest.approx(own.bias, abs=1e-4)
    assert any("(quoted)" in reason.text for reason in quoted.reasons) or quoted.kept
    back = from_json(to_json(summary))
    assert [(d.bias_framing, d.bias_quoted) for d in back.decisions] == [
        (d.bias_framing, d.bias_quoted) for d in summary.decisions
    ]


def test_a_summary_without_the_split_reads_back_with_none() -> None:
    import json

    from summarizer import from_json, summarize, to_json

    data = json.loads(to_json(summarize("The council met on Tuesday. It agreed the budget.", sentences=1)))
    for sentence in data["sentences"]:
        del sentence["bias_framing"], sentence["bias_quoted"]
    back = from_json(json.dumps(data))
    assert all(d.bias_framing is None and d.bias_quoted is None for d in back.decisions)


@pytest.mark.parametrize("name", ["slanted-left.txt", "slanted-right.txt", "wire-neutral.txt"])
def test_neutral_keeps_no_loaded_term_in_the_writers_voice_in_the_examples(name: str) -> None:
    # The selector's LOADED threshold was re-set with the refitted model: a sentence whose one
    # loaded term stays after trimming ("The extremist Republican majority …") is set aside.
    from summarizer import summarize

    examples = Path(__file__).parents[2] / "examples"
    summary = summarize((examples / name).read_text(encoding="utf-8"))
    for decision in summary.kept:
        left = [
            c.text
            for c in decision.cues
            if c.category == "loaded_term"
            and not c.source.endswith("(quoted)")
            and not any(e.start <= c.start and c.end <= e.end for e in decision.edits)
        ]
        # Kept despite it only to fill the budget, to give a voice its say, or on its rank as a
        # speaker's reported words ("slammed the vote as reckless"): the reasons name the loaded
        # words, and a sentence so kept is never called neutral.
        codes = [r.code for r in decision.reasons]
        assert not left or codes[0] == "selected_loaded" or (
            codes[0] in ("voice", "selected") and any(t in r.text for r in decision.reasons for t in left)
        ), (decision.index, left)
        if left:
            assert "neutral" not in decision.reasons[0].text, decision.reasons[0].text


@pytest.mark.parametrize(
    "text",
    [
        "The mayor said “the far-right mob stormed the hall” on Friday.",
        "The far-right mob stormed the hall on Friday.",
        "The council met on Tuesday.",
    ],
)
def test_bias_parts_are_the_score_and_its_split(text: str) -> None:
    sentence = _sentence(text)
    cues = find_cues(sentence_document(sentence.text))[0]
    assert bias_parts(sentence, cues) == (bias_score(sentence, cues), *split_bias(sentence, cues))


def test_the_analysis_keeps_each_sentences_bias_split() -> None:
    from dataclasses import replace

    from summarizer.analysis import analyse

    analysis = analyse(segment("The mayor said “the far-right mob stormed the hall” on Friday. The council met."))
    for i, sentence in enumerate(analysis.document.sentences):
        expected = split_bias(sentence, analysis.cues[i])
        assert analysis.bias_split(i) == expected
        # Made without the arrays (as a caller building an Analysis by hand would), it reads them again.
        assert replace(analysis, bias_framing=None, bias_quoted=None).bias_split(i) == expected


def test_bias_parts_with_the_pieces_counted_already() -> None:
    from summarizer.cues import find_cues
    from summarizer.tokens import count_pieces

    document = segment('The "reform" is a disaster, critics said . You must act now!')
    for sentence, cues in zip(document.sentences, find_cues(document), strict=True):
        assert bias_parts(sentence, cues, pieces=count_pieces(sentence.text)) == bias_parts(sentence, cues)
