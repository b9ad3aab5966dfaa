"""The selectors called directly (summarizer.select), on texts written for these tests."""

from __future__ import annotations

import pytest

from summarizer.analysis import analyse
from summarizer.options import SummaryOptions
from summarizer.segment import segment
from summarizer.select import LOADED, select_neutral, select_plain

TEXT = (
    "The city council approved a new budget for the harbour on Monday. "
    "The budget sets aside money for two new ferries and a repaired pier.\n\n"
    "Council members voted seven to two after a long debate about the ferries. "
    "The harbour master said the pier had been closed for most of the winter.\n\n"
    "Work on the pier will start in the spring and should end by the autumn. "
    "The two new ferries are expected to enter service next year. "
    "Fares will stay the same until the ferries arrive.\n\n"
    "Residents can read the full budget on the council's website. "
    "A public meeting on the timetable will be held next month."
)
QUOTED = (
    "The mayor opened the new library on Friday. "
    '"This is a place for everyone in the town," she said. '
    '"It will be open every day of the week, and the reading rooms will stay open late.\n\n'
    '"We hope that children will come here after school," she added. '
    "The library cost four million pounds and took two years to build. "
    "It holds more than fifty thousand books. "
    "Parking near the library is limited."
)


@pytest.fixture(scope="module")
def analysis():  # type: ignore[no-untyped-def]
    return analyse(segment(TEXT))


@pytest.mark.parametrize("select", [select_neutral, select_plain])
@pytest.mark.parametrize("count", [1, 3, 5])
def test_a_sentence_budget_keeps_that_many_in_document_order(analysis, select, count: int) -> None:  # type: ignore[no-untyped-def]
    algorithm = "neutral" if select is select_neutral else "textrank"
    decisions, budget = select(analysis, SummaryOptions(algorithm=algorithm, sentences=count, edits="none"))
    assert [d.sentence.index for d in decisions] == list(range(len(analysis.document.sentences)))
    assert sum(d.kept for d in decisions) == count
    assert budget.sentences == count


@pytest.mark.parametrize("limit", [15, 30, 60])
def test_a_word_budget_is_never_passed(analysis, limit: int) -> None:  # type: ignore[no-untyped-def]
    decisions, _ = select_neutral(analysis, SummaryOptions(words=limit, edits="none"))
    kept_words = sum(analysis.word_counts[d.sentence.index] for d in decisions if d.kept)
    assert 0 < kept_words <= limit


def test_every_decision_has_a_reason_and_a_rank(analysis) -> None:  # type: ignore[no-untyped-def]
    decisions, _ = select_neutral(analysis, SummaryOptions(sentences=3))
    assert all(d.reasons for d in decisions)
    assert sorted(d.rank for d in decisions) == list(range(1, len(decisions) + 1))


def test_plain_selection_keeps_the_best_rated(analysis) -> None:  # type: ignore[no-untyped-def]
    decisions, _ = select_plain(analysis, SummaryOptions(algorithm="lexrank", sentences=2))
    kept = {d.rank for d in decisions if d.kept}
    assert kept == {1, 2}


def test_a_quotation_running_across_paragraphs_is_kept_from_its_start() -> None:
    quoted = analyse(segment(QUOTED))
    units = 0
    for count in range(1, len(quoted.document.sentences) + 1):
        decisions, _ = select_neutral(quoted, SummaryOptions(sentences=count, edits="none"))
        by_unit: dict[int, list[bool]] = {}
        for d in decisions:
            if d.unit is not None:
                by_unit.setdefault(d.unit, []).append(d.kept)
        units += len(by_unit)
        # Kept members of a unit are its first ones: never a later part without the start.
        assert all(kept == sorted(kept, reverse=True) for kept in by_unit.values()), (count, by_unit)
    assert units  # the quotation across paragraphs was found as a unit


# Our own fixture: a lead with two mild cues ("prominent", "claims"), bias 0.60 after trimming —
# above the bias model's threshold, below LOADED — followed by plainer, more central sentences.
MILD_LEAD = (
    "A prominent harbour trader who insists the council ignored her letters has won a ruling over the market's new rents.\n\n"
    "The market board set the new rents in March after a review of the stalls.\n\n"
    "The board said the rents would pay for new roofs over the stalls and a new drain.\n\n"
    "Traders at the market pay the board rents for their stalls every month.\n\n"
    "The board will meet the traders in June to talk about the rents and the roofs.\n\n"
    "The ruling means the board must set the rents again before the June meeting.\n"
)


def test_a_lead_with_mild_cues_that_is_not_loaded_is_kept_first() -> None:
    mild = analyse(segment(MILD_LEAD))
    assert 0.5 <= mild.bias[0] < LOADED  # the case: flagged by the bias model, not set aside by the selector
    for count in range(1, len(mild.document.sentences) + 1):
        decisions, _ = select_neutral(mild, SummaryOptions(sentences=count))
        kept = [d for d in decisions if d.kept]
        assert kept[0].index == 0 and kept[0].reasons[0].code == "lead", count


# Leads whose only cues are mild in news English: a general lexicon's word ("giant"), a flag-only
# word ("popular", "controversial"), emphasis ("hugely", "very"), an attributing adverb ("allegedly").
MILD_LEADS = [
    "Staff at shipping giant Norvale face an inquiry in Spain over a controversial fuel contract.",
    "The hugely popular Lantern festival will move from the old docks to the city park next summer.",
    "The controversial sale of a county bus depot to a developer was illegal, a judge has ruled.",
    "Nine people have been arrested over a website that allegedly sold fake concert tickets.",
    "Farmers are very worried about the desperate state of rural roads, a survey says.",
]
FOLLOW_ON = (
    "\n\nThe deal was announced on Monday after talks that lasted most of the year.\n\n"
    "Officials said the plan would be reviewed by a panel of five members in March.\n\n"
    "A spokesperson said more details would follow once the review had finished its work.\n\n"
    "The panel will publish its findings on its website at the end of the spring.\n"
)


@pytest.mark.parametrize("lead", MILD_LEADS)
def test_a_lead_with_only_mild_cues_opens_the_summary(lead: str) -> None:
    analysis = analyse(segment(lead + FOLLOW_ON))
    assert analysis.cues[0]  # the case: the lead carries a cue
    for count in range(1, len(analysis.document.sentences) + 1):
        decisions, _ = select_neutral(analysis, SummaryOptions(sentences=count))
        kept = [d for d in decisions if d.kept]
        assert kept[0].index == 0 and kept[0].reasons[0].code == "lead", count


def test_a_lead_in_the_writers_framing_still_competes() -> None:
    # Mild cues weigh nothing for the lead, but the writer's own verdicts and scare quotes still count.
    lead = "The sinister regime's 'reform' of the bus depot was a shameful scam, a disgraceful betrayal of the town."
    analysis = analyse(segment(lead + FOLLOW_ON))
    decisions, _ = select_neutral(analysis, SummaryOptions(sentences=2))
    assert not decisions[0].kept


def test_the_cutter_finds_a_sentences_cuts_again_only_when_its_answers_differ(monkeypatch: pytest.MonkeyPatch) -> None:
    """Cuts are found once per sentence; the summary's call reuses them where ``known`` and ``said``
    answer the questions the first call asked alike, and finds them again where they do not."""
    from summarizer.compress import compress_edits, lower_case_words
    from summarizer.select import cut

    doc = segment(
        "The council (led by Mary Okafor) agreed the plan after a long debate in the hall. "
        "After the long debate in the hall, the council agreed the plan for the bridge."
    )
    lower = lower_case_words(doc.text)
    calls: list[int] = []

    def counted(document, sentence, quoted, **keywords):  # type: ignore[no-untyped-def]
        calls.append(sentence.index)
        return compress_edits(document, sentence, quoted, **keywords)

    def expected(i: int, known: frozenset[str], said: frozenset[str]) -> tuple[object, ...]:
        return compress_edits(doc, doc.sentences[i], (), known=known, lower=lower, said=said)

    monkeypatch.setattr(cut, "compress_edits", counted)
    named, said = frozenset({"Mary", "Okafor"}), frozenset({"debate", "hall", "long"})
    cutter = cut.Cutter(doc, (), lower)
    assert cutter.first_cuts(0, frozenset(), frozenset()) == expected(0, frozenset(), frozenset()) == ()
    assert cutter.first_cuts(1, frozenset(), said) == expected(1, frozenset(), said) != ()
    assert calls == [0, 1]
    # Names and words the first call never asked about change nothing: reused.
    assert cutter.cuts_again(0, {"Harbour"}, {"bridge"}) == ()
    assert cutter.cuts_again(1, {"Harbour"}, set(said)) == expected(1, frozenset(), said)
    assert calls == [0, 1]
    # The names the aside holds answer otherwise now: found again, and the aside is cut.
    assert cutter.cuts_again(0, named, frozenset()) == expected(0, named, frozenset()) != ()
    assert calls == [0, 1, 0]
    # A long text's cutter holds only the first cuts: every later call finds its cuts again.
    calls.clear()
    forgetful = cut.Cutter(doc, (), lower, remember=False)
    forgetful.first_cuts(0, frozenset(), frozenset())
    assert forgetful.cuts_again(0, frozenset(), frozenset()) == () and calls == [0, 0]
