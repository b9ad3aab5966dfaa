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


def test_the_cutter_reads_each_sentences_names_and_words_once() -> None:
    """Both passes of cuts read a sentence's names and content words from the cutter: found once
    and held, except by a long text's cutter, which finds them again each time."""
    from summarizer.compress import content_words, lower_case_words, names_in
    from summarizer.select import cut

    doc = segment("The council (led by Mary Okafor) agreed the plan after a long debate in the hall.")
    text = doc.sentences[0].text
    cutter = cut.Cutter(doc, (), lower_case_words(doc.text))
    assert cutter.names_of(0) == names_in((text,)) == {"Mary", "Okafor"}
    assert cutter.words_of(0) == content_words(text)
    assert cutter.names_of(0) is cutter.names_of(0) and cutter.words_of(0) is cutter.words_of(0)
    forgetful = cut.Cutter(doc, (), lower_case_words(doc.text), remember=False)
    assert forgetful.words_of(0) == content_words(text) and forgetful.words_of(0) is not forgetful.words_of(0)
    assert forgetful.names_of(0) is not forgetful.names_of(0)


# The steps of ``neutral`` called one by one (summarizer.select.needs, value, choose, reasons, merge).

LEAD_IN = (
    "Harbour Talks Resume\n\n"
    "The harbour board met the ferry crews on Monday to talk about the new timetable.\n\n"
    "Ana Pereira, who leads the crews, said:\n\n"
    "“We want the early ferry back. The crews start at five every morning.”\n\n"
    "The board will give its answer in March after a review of the routes.\n"
)


def _steps(text: str, **options: object):  # type: ignore[no-untyped-def]
    from summarizer.context import find_lead
    from summarizer.select.needs import find_needs
    from summarizer.select.value import content_sentences, trimmed, value_sentences

    analysis = analyse(segment(text))
    chosen = SummaryOptions(**options)  # type: ignore[arg-type]
    content, headlines = content_sentences(analysis)
    needs = find_needs(analysis, content, trim=chosen.allows("trim"))
    trims = trimmed(analysis, content, needs.quoted, chosen)
    lead = find_lead(analysis.document, content)
    values = value_sentences(analysis, chosen, content, needs, trims, lead=lead)
    return analysis, chosen, content, headlines, needs, values, lead


def test_the_title_line_does_not_compete_and_the_lead_follows_it() -> None:
    analysis, _, content, headlines, _, _, lead = _steps(LEAD_IN)
    assert headlines == {0} and 0 not in content
    assert lead == 1 and analysis.document.sentences[lead].text.startswith("The harbour board met")


def test_a_later_sentence_of_a_quotation_brings_its_start_and_its_lead_in() -> None:
    from summarizer.select.needs import with_needs

    _, _, content, _, needs, _, _ = _steps(LEAD_IN, edits="none")
    (unit,) = [u for u in needs.units if u.lead_in is not None]
    assert unit.lead_in == 2 and unit.quotation == (3, 4)
    assert needs.lead_ins == {2}
    assert with_needs(4, needs.unit_need, needs.needs, set(), set(content)) == [2, 3, 4]
    assert with_needs(4, needs.unit_need, needs.needs, {2, 3}, set(content)) == [4]  # kept already


def test_a_loaded_sentence_is_set_aside_and_worth_less() -> None:
    text = (
        "The council approved the plan for the pier on Monday after a long debate.\n\n"
        "The shameful council approved the disastrous plan for the pier on Monday after a long debate.\n"
    )
    analysis, _, _, _, _, values, _ = _steps(text, edits="none")
    assert values.loaded == {1}
    assert values.value[1] < values.value[0]
    assert values.counts == list(analysis.word_counts)  # no edits: the words as written


def test_without_neutrality_nothing_is_set_aside() -> None:
    text = "The council approved the plan.\n\nThe shameful council approved the disastrous plan on Monday.\n"
    *_, values, _ = _steps(text, edits="none", neutrality=0)
    assert values.loaded == set()


def test_the_choice_keeps_the_lead_first_and_says_so() -> None:
    from summarizer.budget import resolve_budget
    from summarizer.select.choose import choose

    analysis, options, content, headlines, needs, values, lead = _steps(LEAD_IN, sentences=1)
    choice = choose(analysis, options, content, headlines, needs, values, resolve_budget(len(content), sentences=1), lead)
    assert choice.chooser.kept == [1] and choice.lead == 1


def test_a_word_budget_nothing_fits_keeps_the_best_sentence_with_a_note() -> None:
    from summarizer.model import Budget
    from summarizer.select.reasons import settled_budget

    _, _, content, _, needs, values, _ = _steps(LEAD_IN, words=3)
    kept, budget = settled_budget(Budget(words=3, target=len(content)), [], content, values.value, values.counts, needs, set(content))
    assert len(kept) >= 1 and budget.target == len(kept)
    assert budget.note is not None and budget.note.startswith("no sentence fits in 3 words")
    # A sentence budget passed only for a lead-in says so.
    kept, budget = settled_budget(Budget(sentences=1, target=1), [2, 3], content, values.value, values.counts, needs, set(content))
    assert budget.note == "kept 2 sentences, not 1, to keep a quotation with its lead-in"


def test_merged_edits_keep_the_first_where_two_overlap() -> None:
    from summarizer.model import Edit
    from summarizer.select.merge import merge_edits

    first = (Edit("stance_adverb", 4, 11, "sadly ", ""),)
    overlapping = (Edit("bracket_removed", 8, 20, "ly the (the", ""), Edit("quotation_closed", 30, 30, "", "”"))
    merged = merge_edits(first, overlapping)
    assert [e.kind for e in merged] == ["stance_adverb", "quotation_closed"]
    assert merge_edits((), first) == first


def test_the_decisions_say_what_the_choice_found() -> None:
    decisions, _ = select_neutral(analyse(segment(LEAD_IN)), SummaryOptions(sentences=2, edits="none"))
    codes = {d.index: d.reasons[0].code for d in decisions}
    assert codes[0] == "headline" and codes[1] == "lead"
    assert all(decisions[i].factors and "value" in decisions[i].factors for i in range(1, 6))
