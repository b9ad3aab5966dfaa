"""Property tests of both selectors over generated articles of our own.

The articles are built from a small vocabulary: plain sentences of the writer's, quotations that run
over several sentences (after "Ana Pereira said:", in its sentence or as a lead-in of its own, or with
"…," she said. after the first),
quotations that go on into the next paragraph by the newspaper convention (an opening mark on each
paragraph, none closing the one before), loaded words now and then.  For every budget asked:

- every sentence gets exactly one decision, in document order, with a reason and a rank;
- the budget is respected: a sentence budget or a ratio keeps that many (a word budget, no more words),
  or the budget's note says why not;
- a quotation unit is kept from its start: never a later part of it without the part before, unless
  that sentence carries a recorded edit that gives its opening mark and speaker; never a lead-in
  without its quotation.
"""

from __future__ import annotations

from itertools import pairwise

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from summarizer.analysis import analyse
from summarizer.model import Summary
from summarizer.options import SummaryOptions
from summarizer.pipeline import summarize
from summarizer.quotes import quotation_units
from summarizer.segment import segment
from summarizer.select import select_neutral, select_plain
from summarizer.tokens import words as word_list

SUBJECTS = ["The council", "The harbour board", "The new ferry", "A local school", "The city museum", "The bus company"]
VERBS = ["approved", "opened", "delayed", "reviewed", "rejected", "funded"]
OBJECTS = [
    "the plan for the pier", "a new timetable", "the repairs to the old bridge", "two extra routes",
    "the budget for next year", "a study of the river",
]
TAILS = ["on Monday", "after a long debate", "in March", "for the third time", "without a vote", ""]
LOADED = ["disastrous", "shameful", "outrageous", "radical"]
SPEAKERS = ["Ana Pereira", "Tom Okafor", "Mary Lee", "the mayor"]
QUOTED = [
    "We will finish the work before the summer", "The money is there for the repairs",
    "Nobody wants the ferry to stop", "It will take two more years", "The town needs a new pier",
    "We have listened to every resident",
]

sentence_parts = st.tuples(
    st.sampled_from(SUBJECTS), st.sampled_from(VERBS), st.sampled_from(OBJECTS), st.sampled_from(TAILS),
    st.one_of(st.none(), st.sampled_from(LOADED)),
)


def _plain(parts: tuple[str, str, str, str, str | None]) -> str:
    subject, verb, obj, tail, loaded = parts
    obj = f"the {loaded} {obj.removeprefix('the ').removeprefix('a ')}" if loaded else obj
    return " ".join(w for w in (subject, verb, obj, tail) if w) + "."


@st.composite
def quotation(draw: st.DrawFn) -> list[str]:
    """One quotation over 1–3 sentences, credited by a lead-in or after its first sentence, as one
    paragraph or carried into the next (an opening mark again, none closing the first)."""
    speaker = draw(st.sampled_from(SPEAKERS))
    said = draw(st.lists(st.sampled_from(QUOTED), min_size=1, max_size=3))
    form = draw(st.sampled_from(["colon", "lead_in", "credit", "across"]))
    if form == "colon":
        return [f"{speaker} said: “" + ". ".join(said) + ".”"]
    if form == "lead_in":  # a lead-in of its own ("Ana Pereira said:"), the quotation after it
        return [f"{speaker} said:", "“" + ". ".join(said) + ".”"]
    if form == "credit" or len(said) == 1:
        rest = "".join(f" {s}." for s in said[1:])
        return [f"“{said[0]},” {speaker} said.{' “' + rest.strip() + '”' if rest else ''}"]
    return [f"{speaker} said: “{said[0]}.", "“" + ". ".join(said[1:]) + ".”"]


@st.composite
def article(draw: st.DrawFn) -> str:
    """An article of 3–9 paragraphs of our own words (see the module)."""
    paragraphs: list[str] = []
    for _ in range(draw(st.integers(min_value=3, max_value=9))):
        if paragraphs and draw(st.booleans()) and draw(st.booleans()):
            paragraphs.extend(draw(quotation()))
        else:
            sentences = draw(st.lists(sentence_parts, min_size=1, max_size=3))
            paragraphs.append(" ".join(_plain(s) for s in sentences))
    return "\n\n".join(paragraphs) + "\n"


budgets = st.one_of(
    st.builds(dict, sentences=st.integers(min_value=1, max_value=12)),
    st.builds(dict, ratio=st.sampled_from([0.1, 0.25, 0.5, 0.75, 1.0])),
    st.builds(dict, words=st.integers(min_value=1, max_value=120)),
)
EDITS = st.sampled_from(["none", "trim", "compress"])
ALGORITHMS = st.sampled_from(["neutral", "textrank", "lexrank", "luhn"])

PROPERTIES = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _kept(summary: Summary) -> int:
    return sum(d.kept for d in summary.decisions)


@PROPERTIES
@given(text=article(), budget=budgets, algorithm=ALGORITHMS, edits=EDITS)
def test_every_sentence_gets_one_decision_with_a_reason_and_a_rank(
    text: str, budget: dict[str, float], algorithm: str, edits: str
) -> None:
    analysis = analyse(segment(text))
    options = SummaryOptions(algorithm=algorithm, edits=edits, **budget)  # type: ignore[arg-type]
    select = select_neutral if algorithm == "neutral" else select_plain
    decisions, _ = select(analysis, options)
    n = len(analysis.document.sentences)
    assert [d.sentence.index for d in decisions] == list(range(n))
    assert all(d.reasons for d in decisions)
    assert sorted(d.rank for d in decisions) == list(range(1, n + 1))
    assert all((d.output != "") == d.kept for d in decisions if d.sentence.text.strip())


@PROPERTIES
@given(text=article(), budget=budgets, algorithm=ALGORITHMS, edits=EDITS)
def test_the_budget_is_respected_or_the_note_says_why(
    text: str, budget: dict[str, float], algorithm: str, edits: str
) -> None:
    summary = summarize(text, algorithm=algorithm, edits=edits, **budget)  # type: ignore[arg-type]
    n, kept, note = len(summary.decisions), _kept(summary), summary.budget.note or ""
    assert kept >= 1
    if "words" in budget:
        words = int(budget["words"])
        if summary.stats.words_summary > words:
            assert note.startswith(f"no sentence fits in {words} words"), note
            assert kept == len(summary.decisions) or summary.budget.target == kept
        return
    if "sentences" in budget:
        asked = min(int(budget["sentences"]), n)
    else:
        asked = min(n, max(1, round(float(budget["ratio"]) * n)))
    if algorithm != "neutral":
        assert kept == asked  # plain top-k: exactly what the budget says
        return
    # neutral: the target is taken over the content sentences (a title line is not one of them)
    assert kept <= asked or "to keep a quotation with its lead-in" in note, (kept, asked, note)
    if "sentences" in budget and kept < asked:
        assert note, (kept, asked)


@PROPERTIES
@given(text=article(), budget=budgets, edits=EDITS)
def test_a_quotation_unit_is_kept_from_its_start(text: str, budget: dict[str, float], edits: str) -> None:
    analysis = analyse(segment(text))
    decisions, _ = select_neutral(analysis, SummaryOptions(edits=edits, **budget))  # type: ignore[arg-type]
    units: dict[int, list[int]] = {}
    for d in decisions:
        if d.unit is not None:
            units.setdefault(d.unit, []).append(d.sentence.index)
    for unit in quotation_units(analysis.document):
        if unit.lead_in is not None and decisions[unit.lead_in].kept:
            assert decisions[unit.quotation[0]].kept  # a lead-in never stands without its quotation
    for members in units.values():
        for before, after in pairwise(members):
            if decisions[after].kept and not decisions[before].kept:
                # Kept without the part before it: only with its opening mark and speaker given by edits.
                assert edits != "none", (members, [decisions[m].kept for m in members])
                start = decisions[after].sentence.start
                assert any(e.start == start for e in decisions[after].edits), decisions[after].edits


@PROPERTIES
@given(text=article(), words=st.integers(min_value=5, max_value=80))
def test_a_word_budget_counts_the_words_the_reader_gets(text: str, words: int) -> None:
    summary = summarize(text, words=words)
    read = sum(len(word_list(d.output)) for d in summary.decisions if d.kept)
    assert read == summary.stats.words_summary or any(e.kind == "split" for d in summary.kept for e in d.edits)
    assert read <= words or (summary.budget.note or "").startswith("no sentence fits")


@settings(max_examples=15, deadline=None)
@given(text=article())
def test_a_larger_sentence_budget_never_keeps_fewer(text: str) -> None:
    analysis = analyse(segment(text))
    n = len(analysis.document.sentences)
    counts = [
        sum(d.kept for d in select_plain(analysis, SummaryOptions(algorithm="textrank", sentences=k))[0])
        for k in range(1, n + 1)
    ]
    assert counts == list(range(1, n + 1))
    ratios = [
        sum(d.kept for d in select_plain(analysis, SummaryOptions(algorithm="textrank", ratio=r))[0])
        for r in (0.25, 0.5, 1.0)
    ]
    assert ratios == [min(n, max(1, round(r * n))) for r in (0.25, 0.5, 1.0)]
