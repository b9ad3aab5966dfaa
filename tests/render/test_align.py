"""The alignment: one row per original sentence, kept/trimmed/dropped, word-level diffs, exact offsets."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given
from hypothesis import strategies as st

from summarizer.align import DELETED, DROPPED, INSERTED, KEPT, SAME, TRIMMED, Alignment, align, diff_words
from summarizer.model import Summary
from summarizer.serialize import from_json, to_json
from tests.render.test_render import handmade_summary, summary_from_spec


def _check_pieces(summary: Summary, alignment: Alignment) -> None:
    text = summary.document.text
    for row in alignment.rows:
        sentence = row.decision.sentence
        assert "".join(p.text for p in row.original) == sentence.text
        for piece in row.original:
            assert text[piece.start : piece.end] == piece.text
        assert row.output == row.decision.output
        for piece in row.summary:
            assert row.output[piece.start : piece.end] == piece.text
        assert all(p.change in (SAME, DELETED) for p in row.original)
        assert all(p.change in (SAME, INSERTED) for p in row.summary)


def test_one_row_per_sentence_with_the_decisions_status() -> None:
    summary = handmade_summary("article")
    alignment = align(summary)
    assert [row.index for row in alignment.rows] == list(range(len(summary.decisions)))
    for row, decision in zip(alignment.rows, summary.decisions, strict=True):
        assert row.decision is decision
        assert row.kept == decision.kept
        if decision.kept:
            assert row.status == (KEPT if decision.output == decision.sentence.text else TRIMMED)
    assert [row.status for row in alignment.rows].count(TRIMMED) == 2
    assert alignment.count(DROPPED) == len(summary.dropped)
    assert alignment.summary_sentences == tuple(d.output for d in summary.kept)
    _check_pieces(summary, alignment)


def test_summary_indices_follow_the_summary() -> None:
    alignment = align(handmade_summary("article"))
    kept = [row for row in alignment.rows if row.kept]
    assert [row.summary_index for row in kept] == list(range(len(kept)))
    assert all(row.summary_index is None for row in alignment.rows if not row.kept)


def test_trimmed_words_are_deleted_pieces() -> None:
    alignment = align(handmade_summary("article"))
    critics = next(row for row in alignment.rows if row.text.startswith("Critics"))
    assert critics.status == TRIMMED
    assert [p.text for p in critics.original if p.change == DELETED] == ["predictably"]
    deleted = next(p for p in critics.original if p.change == DELETED)
    assert deleted.cue == "stance_adverb"
    assert critics.output == "Critics, who packed the chamber, said the closure would hurt students who use its computers after school."


def test_cues_follow_words_into_the_summary() -> None:
    spec = {
        "paragraphs": [[
            {"text": "The mayor bravely defended the reckless plan on Friday.", "kept": True,
             "cues": [["stance_adverb", "bravely"], ["loaded_term", "reckless plan"]], "trim": ["bravely"]},
        ]]
    }
    row = align(summary_from_spec(spec)).rows[0]
    assert row.status == TRIMMED
    marked = [(p.text, p.cue) for p in row.summary if p.cue]
    assert marked == [("reckless plan", "loaded_term")]
    assert row.output == "The mayor defended the reckless plan on Friday."


def test_identical_sentences_stay_apart() -> None:
    # The second of two identical sentences is kept: the alignment must say so, not the first.
    same = "Officials said the bridge will reopen in May."
    spec = {"paragraphs": [[
        {"text": "The river rose overnight.", "kept": True},
        {"text": same, "kept": False},
        {"text": "Roads were closed in three towns.", "kept": True},
        {"text": same, "kept": True},
    ]]}
    summary = summary_from_spec(spec)
    alignment = align(summary)
    assert [row.status for row in alignment.rows] == [KEPT, DROPPED, KEPT, KEPT]
    assert alignment.rows[3].summary_index == 2


def test_a_trimmed_sentence_equal_to_another_original_is_not_confused_with_it() -> None:
    spec = {"paragraphs": [[
        {"text": "He clearly said so.", "kept": True, "trim": ["clearly"]},
        {"text": "He said so.", "kept": False},
    ]]}
    alignment = align(summary_from_spec(spec))
    assert [row.status for row in alignment.rows] == [TRIMMED, DROPPED]


def test_opcodes_cover_both_sequences() -> None:
    summary = handmade_summary("article")
    alignment = align(summary)
    assert alignment.opcodes[0][1] == 0 and alignment.opcodes[0][3] == 0
    assert alignment.opcodes[-1][2] == len(summary.decisions)
    assert alignment.opcodes[-1][4] == len(summary.kept)
    for tag, i1, i2, _, _ in alignment.opcodes:
        if tag == "equal":
            assert all(alignment.rows[i].status == KEPT for i in range(i1, i2))
        if tag == "delete":
            assert all(alignment.rows[i].status == DROPPED for i in range(i1, i2))


def test_nothing_kept() -> None:
    spec = {"paragraphs": [[{"text": "One.", "kept": False}, {"text": "Two.", "kept": False}]]}
    alignment = align(summary_from_spec(spec))
    assert [row.status for row in alignment.rows] == [DROPPED, DROPPED]
    assert alignment.summary_sentences == ()
    assert alignment.opcodes == (("delete", 0, 2, 0, 0),)


def test_alignment_is_frozen_plain_data() -> None:
    alignment = align(handmade_summary("article"))
    with pytest.raises(dataclasses.FrozenInstanceError):
        alignment.rows = ()  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        alignment.rows[0].status = KEPT  # type: ignore[misc]
    assert align(handmade_summary("article")) == alignment


def test_same_alignment_after_a_json_round_trip() -> None:
    summary = handmade_summary("article")
    assert align(from_json(to_json(summary))) == align(summary)


# ---- word level ---------------------------------------------------------------------------


def test_diff_words_deletion() -> None:
    left, right, _ = diff_words("immigrants [illegal aliens], who came", "immigrants, who came")
    assert [(s, e, c) for s, e, c in left if c == DELETED] == [(11, 27, DELETED)]
    assert all(c == SAME for _, _, c in right)


def test_diff_words_insertion_and_replacement() -> None:
    before, after = "Police said the man fled.", "Police said, according to reports, the man fled."
    left, right, _ = diff_words(before, after)
    assert all(c == SAME for _, _, c in left)
    assert [after[s:e] for s, e, c in right if c == INSERTED] == [", according to reports,"]


def test_diff_words_ignores_folded_white_space() -> None:
    left, right, _ = diff_words("The  group  believes it.", "The group believes it.")
    assert all(c == SAME for _, _, c in left + right)


def test_diff_words_has_autojunk_off() -> None:
    # In a sentence of 200+ words, "the" and "cat" each make up over 1% of it; with
    # autojunk on, difflib would treat them as junk and mark nearly everything changed.
    words = ["the", "cat"] * 150
    before = " ".join([*words[:150], "suddenly", *words[150:]])
    after = " ".join(words)
    left, _, _ = diff_words(before, after)
    assert [before[s:e] for s, e, c in left if c == DELETED] == ["suddenly"]


@given(st.text(max_size=60), st.text(max_size=60))
def test_diff_words_spans_cover_both_texts(before: str, after: str) -> None:
    left, right, same = diff_words(before, after)
    for text, spans in ((before, left), (after, right)):
        assert "".join(text[s:e] for s, e, _ in spans) == text
        assert all(s < e for s, e, _ in spans)
    for a_start, b_start, length in same:
        assert before[a_start : a_start + length] == after[b_start : b_start + length]


# ---- the seed --------------------------------------------------------------------------------


@pytest.mark.seed
def test_seed_alignment_matches_the_decisions(seed_text: str) -> None:
    from summarizer import summarize

    summary = summarize(seed_text)
    alignment = align(summary)
    assert [row.kept for row in alignment.rows] == [d.kept for d in summary.decisions]
    _check_pieces(summary, alignment)
    for row in alignment.rows:
        if row.status == TRIMMED:
            # An edit deletes, or only inserts (a speaker credited, a quotation opened or closed).
            assert any(p.change == DELETED for p in row.original) or any(p.change == INSERTED for p in row.summary)


def test_an_original_sentence_cannot_pose_as_an_edit_key() -> None:
    spec = {"paragraphs": [[
        {"text": "edited", "kept": False},
        {"text": "The mayor quietly resigned.", "kept": True, "trim": ["quietly"]},
    ]]}
    alignment = align(summary_from_spec(spec))
    assert [row.status for row in alignment.rows] == [DROPPED, TRIMMED]


# ---- the linear sentence pass equals difflib's ------------------------------------------------


@given(st.lists(st.tuples(st.sampled_from(["A.", "B.", "C.", "Related Posts"]), st.sampled_from(["drop", "keep", "edit"])),
                max_size=40))
def test_linear_sentence_opcodes_equal_difflibs(plan: list[tuple[str, str]]) -> None:
    from types import SimpleNamespace

    from summarizer.align import _sentence_opcodes, difflib_sentence_opcodes

    decisions = [
        SimpleNamespace(index=i, kept=fate != "drop", sentence=SimpleNamespace(text=text),
                        output="" if fate == "drop" else text if fate == "keep" else text + " (edited)")
        for i, (text, fate) in enumerate(plan)
    ]
    kept = [d for d in decisions if d.kept]
    assert _sentence_opcodes(decisions, kept) == difflib_sentence_opcodes(decisions, kept)  # type: ignore[arg-type]


def test_alignment_of_many_sentences_is_linear() -> None:
    import time

    from summarizer import summarize

    text = " ".join(f"Item {i} was counted by the clerk on day {i % 7}." for i in range(6_000))
    summary = summarize(text, ratio=0.5)
    started = time.perf_counter()
    alignment = align(summary)
    assert time.perf_counter() - started < 2
    assert alignment.count(KEPT) + alignment.count(TRIMMED) == len(summary.kept)


def test_kept_sentences_out_of_the_originals_order_are_a_summary_error() -> None:
    from types import SimpleNamespace

    from summarizer.align import align_sentences
    from summarizer.errors import SummaryError

    def decision(index: int, text: str, output: str) -> SimpleNamespace:
        return SimpleNamespace(index=index, kept=True, sentence=SimpleNamespace(text=text), output=output)

    # The third decision claims the first one's sentence: its edited text pairs with no source.
    broken = SimpleNamespace(decisions=[decision(0, "A.", "A!"), decision(1, "B.", "B."), decision(0, "C.", "C!")])
    with pytest.raises(SummaryError, match="do not follow the order"):
        align_sentences(broken)  # type: ignore[arg-type]
    whole = SimpleNamespace(decisions=[decision(0, "A.", "A!"), decision(1, "B.", "B."), decision(2, "C.", "C!")])
    assert align_sentences(whole)[2] == {0: 0, 1: 1, 2: 2}  # type: ignore[arg-type]
