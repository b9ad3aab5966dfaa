"""Summaries that read right: quotations closed and owned, references resolved, the lead first, true reasons.

Each property is checked at every length from one sentence to the whole article, on texts we
wrote ourselves (and the seed when ``../shared/seed`` is there), by the independent checks
of :mod:`summarizer.evaluate.integrity`.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summarizer import summarize
from summarizer.analysis import analyse
from summarizer.context import (
    connective_edit,
    dependencies,
    enter_quotation,
    find_lead,
    is_headline,
    name_the_pronoun,
    titled_surnames,
)
from summarizer.evaluate.integrity import CHECKS, check_summary, evaluate_integrity
from summarizer.evaluate.integrity import _quote_events as quote_events
from summarizer.quotes import find_quotations, quotation_units
from summarizer.segment import segment
from summarizer.voices import find_voices

HERE = Path(__file__).parents[1]  # tests/, where the shared fixtures are
FERRY = (HERE / "fixtures" / "core" / "ferry.txt").read_text(encoding="utf-8")
QUARRY = (HERE / "fixtures" / "core" / "quarry.txt").read_text(encoding="utf-8")
EXAMPLES = sorted((HERE.parent / "examples").glob("*.txt"))
FAULTS = [c for c in CHECKS if c != "lead_missing"]


def faults(summary) -> dict[str, int]:  # type: ignore[no-untyped-def]
    found = check_summary(summary, "test")
    return {c: found.counts[c] for c in FAULTS if found.counts[c]}


def texts() -> list[tuple[str, str]]:
    return [("ferry", FERRY), ("quarry", QUARRY)] + [(p.name, p.read_text(encoding="utf-8")) for p in EXAMPLES]


@pytest.mark.parametrize(("name", "text"), texts(), ids=[n for n, _ in texts()])
def test_every_length_reads_right(name: str, text: str) -> None:
    document = segment(text)
    analysis = analyse(document)
    for n in range(1, len(document.sentences) + 1):
        summary = summarize(document, sentences=n, analysis=analysis)
        assert faults(summary) == {}, (name, n, summary.text)


def test_the_seed_reads_right_at_every_length(seed_text: str) -> None:
    document = segment(seed_text)
    analysis = analyse(document)
    for n in range(1, 21):
        summary = summarize(document, sentences=n, analysis=analysis)
        assert faults(summary) == {}, (n, summary.text)


def test_word_budgets_read_right_too() -> None:
    document = segment(FERRY)
    analysis = analyse(document)
    for words in (25, 40, 60, 90, 140, 200):
        summary = summarize(document, words=words, analysis=analysis)
        assert faults(summary) == {}, (words, summary.text)


def test_the_lead_opens_the_summary_and_the_headline_is_not_it() -> None:
    document = segment(FERRY)
    assert is_headline(document, 0)
    lead = find_lead(document, range(len(document.sentences)))
    assert lead == 1 and document.sentences[1].text.startswith("PORT ELLAN")
    for n in range(1, 10):
        summary = summarize(document, sentences=n)
        first = summary.kept[0]
        assert first.index == lead
        assert first.reason is not None and first.reason.code == "lead"
        assert summary.decisions[0].reason is not None and summary.decisions[0].reason.code == "headline"


def test_a_cut_quotation_is_closed_by_a_recorded_edit() -> None:
    # At 8 sentences the traders' letter (sentences 8–9) is kept without its second sentence.
    summary = summarize(FERRY, sentences=8)
    closing = [e for d in summary.kept for e in d.edits if e.kind == "quotation_closed"]
    assert [e.replacement for e in closing] == [" …”"]
    assert "for most of the working day. …”" in summary.text
    assert quote_events(summary.text) == (0, 0)


def test_edits_off_means_no_edit_at_all() -> None:
    summary = summarize(FERRY, sentences=6, trim=False)  # the traders' letter kept without its end
    assert all(not d.edits for d in summary.decisions)
    assert summary.text.count("“") == 1


def test_a_lead_in_with_a_pronoun_is_credited_to_the_speaker_named_before() -> None:
    summary = summarize(FERRY, sentences=8)
    kept = {d.sentence.text: d.output for d in summary.kept}
    # "A group of harbour traders disagreed." is not kept for the name alone: the name comes in brackets,
    # from the nearest sentence that says something (the council's figures, further back, are not theirs).
    assert kept["They wrote:"] == "[A group of harbour traders] wrote:"
    assert "A group of harbour traders disagreed." not in kept


def test_a_dropped_connective_is_a_recorded_edit_with_a_capital() -> None:
    document = segment("The vote was close. But the council rejected the plan.")
    edit = connective_edit(document.sentences[1])
    assert edit is not None
    assert (edit.kind, edit.text, edit.replacement) == ("connective_dropped", "But t", "T")
    assert connective_edit(segment("So far, so good.").sentences[0]) is None
    document = segment(FERRY)
    (however,) = [s.index for s in document.sentences if s.text.startswith("However, members")]
    alone = [
        d for n in range(1, 8) for d in summarize(document, sentences=n).decisions
        if d.index == however and d.kept and not summarize(document, sentences=n).decisions[however - 1].kept
    ]
    assert alone, "the sentence is kept without the one before it at some length"
    assert alone[0].output == "Members agreed to review the timetable in March."
    assert [e.kind for e in alone[0].edits] == ["connective_dropped"]


def test_pronoun_and_reference_openers_depend_on_the_sentence_before() -> None:
    text = (
        "Maria Quayle runs the council's budget. She said costs rose. The move surprised traders. "
        "This year the fare stays the same. “We will act,” he said. Another rise is due in May."
    )
    document = segment(text)
    analysis = analyse(document)
    needs = dependencies(document, analysis.boilerplate, analysis.word_counts, find_quotations(document))
    assert needs == ((), (0,), (1,), (), (3,), (4,))


def test_a_list_item_needs_its_heading() -> None:
    summary = summarize(FERRY, sentences=3)
    kept = [d.sentence.text for d in summary.kept]
    if any(t.startswith("- ") for t in kept):
        assert "Main points of the plan:" in kept


def test_no_reason_claims_less_central_when_a_kept_sentence_ranks_below() -> None:
    for n in range(1, 15):
        summary = summarize(FERRY, sentences=n)
        worst = max(d.rank for d in summary.kept)
        for d in summary.dropped:
            if any("less central" in r.text for r in d.reasons):
                assert d.rank > worst


# ---- the quotation model ----


def test_quotation_continued_over_paragraphs_is_one_quotation() -> None:
    document = segment(FERRY)
    long = [q for q in find_quotations(document) if q.last_sentence > q.first_sentence]
    (quotation,) = [q for q in long if document.text[q.start : q.start + 4] == "“Two"]
    assert quotation.closed
    assert document.text[quotation.end - 6 : quotation.end] == "done.”"
    (unit,) = [u for u in quotation_units(document) if u.lead_in is not None]
    assert document.sentences[unit.lead_in].text == "They wrote:"
    assert len(unit.quotation) == 3


def test_single_marks_nest_and_apostrophes_are_not_quotations() -> None:
    document = segment("“People who ‘look’ foreign are stopped,” the traders’ group said. It’s rock ’n’ roll.")
    found = [(document.text[q.start : q.end], q.depth) for q in find_quotations(document)]
    assert found == [("“People who ‘look’ foreign are stopped,”", 0), ("‘look’", 1)]


def test_an_unclosed_quotation_ends_with_its_paragraph() -> None:
    document = segment("He said: “We will go.\n\nThe vote is on Monday.")
    (quotation,) = find_quotations(document)
    assert not quotation.closed and quotation.last_sentence == 0


def test_quote_events_understand_the_continuation_convention() -> None:
    assert quote_events("“One.\n\n“Two.”") == (0, 0)
    assert quote_events("“One.\n\nTwo.") == (1, 0)
    assert quote_events("One.” Two.") == (0, 1)
    assert quote_events('He said "yes" and left.') == (0, 0)
    assert quote_events('He said: "One.\n\n"Two." Then he left.') == (0, 0)


# ---- eval integrity ----


def _corpus(tmp_path: Path) -> Path:
    path = tmp_path / "corpus.jsonl"
    records = [
        {"id": "ferry", "text": FERRY, "reference_sentences": ["a", "b", "c"]},
        {"id": "short", "text": "The mill closed on Friday. It had run for 90 years. Workers said they were sad."},
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_evaluate_integrity_counts_faults_per_system(tmp_path: Path) -> None:
    result = evaluate_integrity(_corpus(tmp_path), systems=["neutral", "textrank"], jobs=1)
    assert result.articles == 2
    neutral = result.systems["neutral"]
    assert set(neutral) == {"default", "reference"}
    assert neutral["default"]["summaries"] == 2
    assert all(neutral["default"]["counts"][c] == 0 for c in FAULTS)
    assert result.systems["textrank"]["reference"]["summaries"] == 1


def test_eval_integrity_command_prints_json(tmp_path: Path) -> None:
    from evenhand.cli import app

    result = CliRunner().invoke(
        app, ["eval", "integrity", "--data", str(_corpus(tmp_path)), "--systems", "neutral", "--jobs", "1", "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["systems"]["neutral"]["default"]["rates"]["unbalanced_quotation"] == 0.0


def test_eval_integrity_refuses_a_missing_file(tmp_path: Path) -> None:
    from evenhand.cli import app

    result = CliRunner().invoke(app, ["eval", "integrity", "--data", str(tmp_path / "nope.jsonl")])
    assert result.exit_code != 0
    assert "no such file" in result.stderr


def test_a_lead_in_pronoun_gives_way_to_the_named_speaker() -> None:
    from summarizer.context import name_the_speaker

    text = (
        "The Harbour Trust said the quay was unsafe. Divers inspected it in May.\n\n"
        "They wrote:\n\n“The quay needs new piles before winter.”\n\nThe council will meet on Monday."
    )
    document = segment(text)
    lead_in = next(s.index for s in document.sentences if s.text == "They wrote:")
    edit = name_the_speaker(document, lead_in)
    assert edit is not None and (edit.text, edit.replacement) == ("They", "[The Harbour Trust]")
    # "he" and "she" take only a person's name.
    assert name_the_speaker(segment("The Trust said no.\n\nHe wrote:\n\n“No.”"), 1) is None
    summary = summarize(document, sentences=2)
    kept = {d.sentence.text: d for d in summary.kept}
    if "They wrote:" in kept and "Divers inspected it in May." not in kept:
        assert kept["They wrote:"].output == "[The Harbour Trust] wrote:"
        assert [e.kind for e in kept["They wrote:"].edits] == ["speaker_named"]


def test_a_speaker_called_by_surname_comes_with_the_sentence_that_introduced_them() -> None:
    text = (
        "The council cut bus fares on Monday.\n\n"
        "Council member Ana Pereira, who proposed the change, said ridership was down.\n\n"
        "The agency carried 3.1 million rides last year.\n\n"
        "“The fare was the problem,” Pereira said."
    )
    document = segment(text)
    analysis = analyse(document)
    needs = dependencies(document, analysis.boilerplate, analysis.word_counts, find_quotations(document))
    assert needs[3] == (1,)
    for n in range(1, 5):
        summary = summarize(document, sentences=n, analysis=analysis)
        kept = {d.index: d for d in summary.kept}
        if 3 in kept and 1 not in kept:
            # The name is completed in brackets instead of keeping sentence 2 for it alone.
            assert kept[3].output == "“The fare was the problem,” [Ana] Pereira said."
            assert [e.kind for e in kept[3].edits] == ["name_completed"]


def test_a_surname_after_a_title_is_completed_and_only_once() -> None:
    from summarizer.context import name_completions

    text = (
        "Finance Minister Trevor Manuel backed the plan on Monday.\n\n"
        "Fuel duty will rise by two pence a litre in April.\n\n"
        "Mr Manuel said the budget could bear the cost of the cut.\n\n"
        "Mr Manuel added that he would review it in a year."
    )
    document = segment(text)
    completions = name_completions(document, range(len(document.sentences)))
    assert {i: (intro, edit.replacement) for i, (intro, _, edit) in completions.items()} == {
        2: (0, "[Trevor] "),
        3: (0, "[Trevor] "),
    }
    # A given name in a sentence of its own is not completed again; "Drax" and titles are no given names.
    assert name_completions(segment("Mr Brandt said no. Mr Brandt said yes."), range(2)) == {}


def test_words_that_only_look_like_connectives_stay() -> None:
    for text in ("So far the plan has worked.", "Instead of waiting, the council acted.", "Still the firm grew."):
        assert connective_edit(segment(text).sentences[0]) is None, text
    edit = connective_edit(segment("But 104,000 jobs were created.").sentences[0])
    assert edit is not None and edit.replacement == "1"


def test_a_title_is_a_whole_word() -> None:
    from summarizer.context import name_the_speaker

    # "Drax" is no "Dr": one capitalised word is no person's name for "He".
    assert name_the_speaker(segment("Drax said no.\n\nHe wrote:\n\n“No.”"), 1) is None
    edit = name_the_speaker(segment("Dr Lee said no.\n\nHe wrote:\n\n“No.”"), 1)
    assert edit is not None and edit.replacement == "[Dr Lee]"


def test_a_quotation_and_a_pronoun_speaker_are_credited_in_brackets() -> None:
    from summarizer.context import credit_the_quotation

    text = (
        "The mill will close in March, its owner said on Monday.\n\n"
        "Mr Tom Lee, the chief executive, said exports had fallen by half. Sales rose in Asia.\n\n"
        "“We are sorry for the staff.”\n\n"
        "The union said it would fight the closure.\n\n"
        "“This is a betrayal of the town,” they said.\n\n"
        "The firm hired Jo Park last year. He said the plan was sound."
    )
    document = segment(text)
    analysis = analyse(document)
    credits: dict = {}
    needs = dependencies(document, analysis.boilerplate, analysis.word_counts, find_quotations(document), credits=credits)
    replaced = {i: (chain, edit.kind, edit.replacement) for i, (chain, edit) in credits.items()}
    assert replaced == {
        3: ((2, 1), "speaker_credited", "[Mr Tom Lee said:] "),
        5: ((4,), "speaker_named", "[The union]"),
    }
    # "said it would" begins what was said: no speaker is needed for it.
    assert needs[4] == ()
    # The nearest sentence names no speaker: no guess (Jo Park is hired, not speaking); the sentence before is kept.
    assert credit_the_quotation(document, 7, (6,)) is None and needs[7] == (6,)
    for n in range(1, len(document.sentences) + 1):
        kept = {d.index: d.output for d in summarize(document, sentences=n, analysis=analysis).kept}
        if 3 in kept and 1 not in kept:
            assert kept[3] == "[Mr Tom Lee said:] “We are sorry for the staff.”"
        if 5 in kept and 4 not in kept:
            assert kept[5] == "“This is a betrayal of the town,” [The union] said."


def test_a_connective_is_no_part_of_the_speaker_s_name() -> None:
    from summarizer.context import credit_the_quotation

    document = segment("But Ian Shepherdson said prices would rise. “The rise is temporary,” he said.")
    edit = credit_the_quotation(document, 1, (0,))
    assert edit is not None and edit.replacement == "[Ian Shepherdson]"


WEBCOPY = (HERE / "fixtures" / "core" / "webcopy.txt").read_text(encoding="utf-8")


def test_web_copy_opens_with_its_news_at_every_length() -> None:
    # Bylines of two authors, time stamps, a dateline and photo captions come before and among
    # the news; the lead is the first sentence of news, cut from its dateline.
    document = segment(WEBCOPY)
    analysis = analyse(document)
    lead = next(s.index for s in document.sentences if s.text.startswith("The island's only ferry"))
    captions = {s.index for s in document.sentences if s.text.endswith(" .") and ":" in s.text[:20]}
    for n in range(1, len(document.sentences) + 1):
        summary = summarize(document, sentences=n, analysis=analysis)
        kept = [d.index for d in summary.kept]
        assert kept[0] == lead, (n, summary.text)
        assert not captions & set(kept), (n, summary.text)
        assert "(CNN)" not in summary.text and "Castell" not in summary.text
        found = check_summary(summary, "webcopy")
        assert {c: found.counts[c] for c in CHECKS if found.counts[c]} == {}, (n, summary.text)


def test_a_time_told_before_is_needed_with_it() -> None:
    text = (
        "The harbour board approved the timetable on Monday. The timetable takes effect on 1 July. "
        "The ferry company said it would hire four more crew before then. "
        "Until then, the old timetable stays."
    )
    document = segment(text)
    analysis = analyse(document)
    needs = dependencies(document, analysis.boilerplate, analysis.word_counts, find_quotations(document))
    # "Until then," opens the last sentence: a connective the summary may drop instead.
    assert needs == ((), (), (1,), ())


def test_stacked_connectives_are_dropped_together() -> None:
    document = segment("Lintel bought a fifth of Harbor in 2001. Since then, however, Harbor buses have lost ground.")
    edit = connective_edit(document.sentences[1])
    assert edit is not None
    assert (edit.text, edit.replacement) == ("Since then, however, H", "H")


def test_a_dropped_connective_takes_an_adverb_deleted_after_it() -> None:
    from summarizer.edits import apply_edits
    from summarizer.model import Edit
    from summarizer.select.merge import merge_edits

    text = "The ferry runs daily. However, sadly the winter crossings will go."
    document = segment(text)
    sentence = document.sentences[1]
    connective = connective_edit(sentence)
    assert connective is not None
    start = text.index(" sadly")
    adverb = Edit("stance_adverb", start, start + len(" sadly"), " sadly", "")
    merged = merge_edits([adverb], [connective], text)
    assert [e.kind for e in merged] == ["connective_dropped"]
    assert apply_edits(sentence, merged) == "The winter crossings will go."
    # Without the text the overlap is left out as before (the adverb's edit stands alone).
    assert merge_edits([adverb], [connective]) == (adverb,)


def test_a_later_sentence_of_a_quotation_is_opened_and_credited_when_kept_alone() -> None:
    document = segment(QUARRY)
    quotations = find_quotations(document)
    voices = find_voices(document, quotations)
    index = {s.text.split()[1]: s.index for s in document.sentences if len(s.text.split()) > 1}
    middle = enter_quotation(document, index["quarry"], quotations, voices.speakers[index["quarry"]])
    assert middle is not None
    assert [(e.kind, e.replacement) for e in middle] == [
        ("speaker_credited", "[Mr Rafe Collins said:] "),
        ("quotation_opened", "“"),
    ]
    # The last sentence names its speaker itself: only its opening mark is given.
    last = enter_quotation(document, index["have"], quotations, voices.speakers[index["have"]])
    assert last is not None and [e.kind for e in last] == ["quotation_opened"]
    # No speaker known, or the speaker's words point back: it comes with the quotation from its start.
    assert enter_quotation(document, index["quarry"], quotations, None) is None
    pointing = segment('“We tried. They refused to listen,” Ms Ada Lund said. Mr Bo Ek said it was fair.')
    q = find_quotations(pointing)
    assert enter_quotation(pointing, 1, q, find_voices(pointing, q).speakers[1]) is None


def test_a_quotation_kept_from_its_middle_balances_and_has_its_speaker() -> None:
    document = segment(QUARRY)
    analysis = analyse(document)
    opened = 0
    for n in range(1, len(document.sentences) + 1):
        summary = summarize(document, sentences=n, analysis=analysis)
        assert quote_events(summary.text) == (0, 0), (n, summary.text)
        for d in summary.kept:
            if any(e.kind == "quotation_opened" for e in d.edits):
                opened += 1
                assert re.sub(r"^\[[^\]]*\]\s*", "", d.output).startswith("“"), d.output
    assert opened, "some length keeps a quotation from its middle"


def test_an_opening_pronoun_gives_way_to_the_one_person_the_sentence_before_names() -> None:
    def named(text: str) -> str | None:
        document = segment(text)
        edit = name_the_pronoun(document, 1, 0, titled_surnames(document))
        return None if edit is None else edit.replacement

    assert named("Ms Ada Lund won the seat in 2019. She has promised a new bridge.") == "[Ms Ada Lund]"
    # Named in full, with a title elsewhere in the article; after an office in capitals.
    assert named("Prime Minister Tony Blair opened the bridge. He thanked the builders. Mr Blair left.") == "[Tony Blair]"
    # Two people, no title anywhere, the other sex, or not the subject: the sentence before is kept instead.
    assert named("Ms Ada Lund beat Mr Tom Reed in 2019. She has promised a new bridge.") is None
    assert named("Ada Lund won the seat in 2019. She has promised a new bridge.") is None
    assert named("Mr Tom Reed won the seat in 2019. She has promised a new bridge.") is None
    assert named("The Scottish Parliament voted on Tuesday. He has promised a new bridge.") is None
    assert named("The council thanked Ms Ada Lund on Tuesday. She has promised a new bridge.") is None


def test_a_pronoun_named_in_brackets_stands_in_for_the_sentence_before() -> None:
    text = (
        "Harbour fees will rise by 4% in April, the port authority said on Monday.\n\n"
        "Ms Ada Lund, who chairs the authority, said the rise would pay for new cranes. "
        "She told the board that the cranes would double the number of ships the port can handle each week.\n\n"
        "Fishing crews said the rise would hit small boats hardest."
    )
    document = segment(text)
    credits: dict[int, tuple[tuple[int, ...], object]] = {}
    analysis = analyse(document)
    dependencies(document, analysis.boilerplate, analysis.word_counts, find_quotations(document), credits=credits)  # type: ignore[arg-type]
    assert 2 in credits
    for n in range(1, 5):
        summary = summarize(document, sentences=n, analysis=analysis)
        assert faults(summary) == {}, (n, summary.text)
        for d in summary.kept:
            if d.index == 2 and not summary.decisions[1].kept:
                assert d.output.startswith("[Ms Ada Lund] told the board")


def test_a_quotation_no_sentence_names_a_speaker_for_is_not_kept() -> None:
    text = (
        "Snow closed the road to Glenmor on Friday, and the village was cut off for two days.\n\n"
        "Ploughs reached it on Sunday morning. Shops ran out of bread and milk on Saturday.\n\n"
        "“Nobody could get through to the village at all, not even the doctor.”"
    )
    document = segment(text)
    analysis = analyse(document)
    speakerless: set[int] = set()
    dependencies(
        document, analysis.boilerplate, analysis.word_counts, find_quotations(document), credits={},
        speakerless=speakerless,
    )
    assert speakerless == {3}
    for n in range(1, 5):
        summary = summarize(document, sentences=n, analysis=analysis)
        assert not summary.decisions[3].kept
        assert summary.decisions[3].reason is not None and summary.decisions[3].reason.code == "no_speaker"


def test_a_speaker_named_after_the_quotation_or_after_the_verb_is_found() -> None:
    from summarizer.context import _outside_quotes, _speaker_in

    def speaker(sentence: str) -> str | None:
        return _speaker_in(_outside_quotes(sentence), "any")

    assert speaker("“We are pleased,” Mr Lee said.") == "Mr Lee"
    assert speaker("“We are pleased,” said Mr Lee.") == "Mr Lee"
    assert speaker("“It seems so,” said Ana Crescenzi, a strategist at Tabak in Leeds.") == "Ana Crescenzi"
    assert speaker("“It is digital,” Kirsten Pfeifer from the Harbour Traders Association, told the paper.") == "Kirsten Pfeifer"
    # A day or a month after the verb is when, not who.
    assert speaker("Sales fell, the company said Monday.") == "The company"
    assert speaker("“Sales fell,” said Monday the firm.") is None


def test_a_quotation_after_a_writer_s_sentence_is_credited_though_its_speaker_is_kept() -> None:
    text = (
        "The fair opened in Leeds on Monday, its organisers said.\n\n"
        "“Everything is going digital,” Kirsten Pfeifer from the Harbour Traders Association told the paper. "
        "The fair showed the pick of this year's products. "
        "“Buyers want small devices and they want them to last for years.”\n\n"
        "More than 120 firms took part."
    )
    document = segment(text)
    kept = {d.index: d.output for d in summarize(document, sentences=5).kept}
    assert kept[3] == "[Kirsten Pfeifer said:] “Buyers want small devices and they want them to last for years.”"
    # Straight after its speaker's sentence, one credit is enough.
    close = segment(
        "The fair opened in Leeds on Monday, its organisers said.\n\n"
        "“Everything is going digital,” Kirsten Pfeifer told the paper. "
        "“Buyers want small devices and they want them to last for years.”"
    )
    assert [d.output for d in summarize(close, sentences=3).kept][-1].startswith("“Buyers")


def test_a_sentence_quoting_the_speaker_of_the_sentence_before_needs_it() -> None:
    text = (
        "The trade gap widened to $55bn in October, the Commerce Department said.\n\n"
        "“The key worry in the currency market still remains,” said Ana Crescenzi, a bond strategist.\n\n"
        "The deficit and the shortfall with China “are big issues going forward”.\n\n"
        "Lycos's “Make love not spam” campaign was meant to fight junk mail. "
        "The firm described the plan as “a way for users to fight back against spam”."
    )
    document = segment(text)
    analysis = analyse(document)
    needs = dependencies(document, analysis.boilerplate, analysis.word_counts, find_quotations(document))
    assert needs[2] == (1,)
    # A phrase of four words, and words whose sentence names who gives them, need nothing.
    assert needs[3] == () and needs[4] == ()
    for n in range(1, 6):
        kept = {d.index for d in summarize(document, sentences=n, analysis=analysis).kept}
        assert 2 not in kept or 1 in kept, n
