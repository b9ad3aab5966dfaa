"""The style table and the rewording edits it drives."""

from __future__ import annotations

import pytest

from summarizer import lexicons, summarize
from summarizer.analysis import analyse
from summarizer.edits import apply_edits
from summarizer.quotes import quoted_spans
from summarizer.reword import article_for, reword_edits
from summarizer.segment import segment


def reworded(text: str) -> list[str]:
    document = segment(text)
    analysis = analyse(document)
    quoted = quoted_spans(document)
    return [
        apply_edits(s, reword_edits(document, s, analysis.cues[s.index], quoted)) for s in document.sentences
    ]


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("The county held 40 illegal aliens last year.", "The county held 40 immigrants in the country illegally last year."),
        ("Illegal aliens were held.", "Immigrants in the country illegally were held."),
        ("Police held an illegal immigrant overnight.", "Police held an immigrant in the country illegally overnight."),
        ("He is a disgraced politician.", "He is a politician."),
        ("It was an infamous period.", "It was a period."),
        ("The most magnificent painting was sold.", "The painting was sold."),
        ("The so-called experts slammed the plan.", "The experts criticised the plan."),
        ("Repeal the death tax, they said on Monday.", "Repeal the estate tax, they said on Monday."),
        ("The ‘safety’ of those people matters.", "The safety of those people matters."),
        # Puffery and intensifiers in the writer's voice go where the noun phrase stays whole.
        ("She won a prestigious award.", "She won an award."),
        ("The city's picturesque bridge reopened.", "The city's bridge reopened."),
        ("In 2002, 102 illustrious people signed it.", "In 2002, 102 people signed it."),
        ("Her hugely impressive album sold well.", "Her album sold well."),
        ("The missionaries were horribly massacred.", "The missionaries were massacred."),
        ("Sadly, the mill closed in 1990.", "The mill closed in 1990."),
        ("The self-styled founder resigned.", "The founder resigned."),
        # The writer's verdict of no one side, before a noun after a determiner.
        ("The council passed a draconian curfew.", "The council passed a curfew."),
        # "state's" is no reporting verb: the sentence is the writer's own.
        ("It cut the state's power and passed a draconian curfew.", "It cut the state's power and passed a curfew."),
        ("Greedy landlords raised rents.", "Landlords raised rents."),  # first: the noun takes the capital
        # Joined to a modifier before it, the coordinator goes too.
        ("They visited the old and picturesque town.", "They visited the old town."),
        ("The rebels were quickly and brutally crushed.", "The rebels were quickly crushed."),
        # After a noun and "and" the modifier goes alone.
        ("Cats and magnificent dogs ran.", "Cats and dogs ran."),
        ("She is an actor and award-winning writer.", "She is an actor and writer."),
        # A verdict loaded in most uses (weight 0.6), before its noun; with an adjective's ending, without a determiner.
        ("It used simplistic riffs and sold well.", "It used riffs and sold well."),
        ("The report cited her garbled answer.", "The report cited her answer."),
        ("In 1923, when dictatorial minister Ivo Petrov fell, the army took over.", "In 1923, when minister Ivo Petrov fell, the army took over."),
        # One of the writer's puffery words per sentence at most, the most loaded first: the earlier of equals.
        ("A magnificent new stadium hosted a spectacular final.", "A new stadium hosted a spectacular final."),
        ("Only an exceptionally strong quarter helped.", "Only a strong quarter helped."),
        ("The soaring cost of oil hurt growth.", "The cost of oil hurt growth."),
        # After "of", a verdict before a longer noun phrase or a plural goes; only a quality phrase keeps it.
        ("The owners of embattled Dutch lender Fenwick asked for a loan.", "The owners of Dutch lender Fenwick asked for a loan."),
        # A verdict before a noun of measure goes (only an intensifier there states a quantity).
        ("The greedy majority on the board voted.", "The majority on the board voted."),
        # Style guides' neutral words: no euphemism for death, gender-neutral job titles.
        ("She was at his side until his passing.", "She was at his side until his death."),
        ("He is the brother of comedienne Lucille Ball.", "He is the brother of comedian Lucille Ball."),
    ],
)
def test_rewording(before: str, after: str) -> None:
    assert reworded(before) == [after]


@pytest.mark.parametrize(
    "text",
    [
        "“We will not let illegal aliens in,” the mayor said.",  # the speaker's words stay
        "Fans celebrated the win.",  # a verb, not puffery
        "She is famous.",  # no noun follows: deleting would break the sentence
        "Legendary Pictures made the film.",  # first, before a capital: perhaps a name
        "The band became famous overnight.",  # a predicate after a linking verb
        "The show is very popular with children.",  # "very" goes only with a deleted adjective
        "He allegedly stole the car.",  # deleting "allegedly" would state the claim as fact
        "Critics called it “a prestigious award” in 1990.",  # inside quotation marks
        "It grew in popular culture.",  # a fixed phrase, not puffery
        "The Advanced Step in Innovative Mobility robot can run.",  # a capital: part of a name
        "Doom 3 has blasted away the competition.",  # a verb of motion, not of saying
        "It tried to stop staff numbers spiralling out of control.",  # a participle after a noun: a verb
        "Shareholders asked for an extraordinary general meeting.",  # a fixed term
        "Executives boasted record profits.",  # a verdict word that may be a verb: no determiner before it
        "The leftist party won the vote.",  # a one-sided label names a position: not deleted
        "He was known for his passing and his vision.",  # the sport, not a euphemism for death
        "Her passing game improved.",
        # Flag-only words: loaded in some uses, plain in others; cues, never deleted.
        "The controversial founder resigned.",
        "The city's famous bridge reopened.",
        "Her critically acclaimed album sold well.",
        "Sales greatly expanded in 1990.",
        "He was active as a radical Christian.",  # a label of a position: flag-only, kept
        # Indirect speech after a reporting verb is the speaker's claim: nothing is deleted there.
        "Critics said the council passed a draconian curfew.",
        "Tisdel said the film falsely portrayed her.",
        "According to the club, it won a prestigious award.",
        "They made racist remarks.",
        # A verb that is also a noun reports before "that": the clause is the source's claim.
        "Residents claim that the bridge was truly unsafe.",
        "Engineers believe that the dam was extremely weak.",
        # An adjective that is what the phrase says: before a noun of measure, or "of" + adjective +
        # a singular noun ending the phrase (without it "of questionable value" says the opposite).
        "Ports of questionable safety (two of them in the south) were closed.",
        "He was a sailor of remarkable courage.",
        "The enormous scale of the flood surprised the council.",
        "It won a huge majority in the vote.",
        # A person's attachment, not the writer's praise.
        "He sold his most cherished paintings.",
        "She returned to her beloved garden.",
    ],
)
def test_what_is_not_changed(text: str) -> None:
    assert reworded(text) == [text]


def test_articles() -> None:
    assert [article_for(w) for w in ("immigrant", "period", "hour", "university", "one")] == ["an", "a", "an", "a", "a"]


def test_the_table_is_balanced_and_well_formed() -> None:
    table = lexicons.style_table()
    sides = [e.side for e in table]
    assert sides.count("left") == sides.count("right")
    assert all(e.rationale for e in table)
    assert len({e.term for e in table}) == len(table)


def test_mirrored_sentences_are_reworded_alike() -> None:
    left = "The gun nuts blasted the council."
    right = "The gun grabbers blasted the council."
    assert reworded(left) == ["The gun-rights supporters criticised the council."]
    assert reworded(right) == ["The gun-control advocates criticised the council."]


def test_a_loaded_lead_is_kept_reworded_and_the_reason_says_so() -> None:
    text = (
        "County frees illegal aliens\n\n"
        "MILLTOWN – The county released 40 illegal aliens from its jail on Friday, the sheriff said.\n\n"
        "The sheriff said the jail had room for 120 people. The county board will meet on Monday.\n\n"
        "Advocates said the releases were overdue."
    )
    summary = summarize(text, sentences=2)
    lead = summary.kept[0]
    # The dateline goes too (a recorded edit): the lead opens with its news.
    assert lead.output.startswith("The county released 40 immigrants in the country illegally")
    assert any(r.code == "reworded" and "'illegal aliens' → 'immigrants in the country illegally'" in r.text for r in lead.reasons)
    assert summarize(text, sentences=2, trim=False).kept[0].edits == ()


def test_eval_rewording_on_pairs_of_our_own(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import json

    from typer.testing import CliRunner

    from evenhand.cli import app
    from summarizer.evaluate.rewording import evaluate_rewording

    records = [
        {"sentence": "he is a disgraced former mayor.", "neutral_version": "he is a former mayor.", "biased_words": ["disgraced"]},
        {"sentence": "the plan was a stunning success.", "neutral_version": "the plan was a success.", "biased_words": ["stunning"]},
        {"sentence": "the town has a quiet harbour.", "neutral_version": "the town has a harbour.", "biased_words": ["quiet"]},
    ]
    path = tmp_path / "pairs.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    result = evaluate_rewording(path)
    assert result.pairs == 3
    assert result.exact_match == pytest.approx(2 / 3)
    assert result.on_target == 1.0
    assert result.false_edits == 0.0
    out = CliRunner().invoke(app, ["eval", "rewording", "--data", str(path), "--format", "json"])
    assert out.exit_code == 0, out.output
    assert json.loads(out.stdout)["pairs"] == 3


def test_eval_rewording_reads_both_sides_alike() -> None:
    from summarizer.evaluate.rewording import _fold

    # WNC is lower-cased and tokenised, and its editors leave "an" before a consonant.
    assert _fold("She is an democrat ( born 1950 ) , and a writer .") == _fold("she is a democrat (born 1950), and a writer.")
    assert _fold("a famous man") != _fold("a man")


def test_no_replacement_is_itself_a_cue() -> None:
    from summarizer.cues import find_cues

    for entry in lexicons.style_table():
        if entry.replacement:
            document = segment(f"Officials named the {entry.replacement} on Monday.")
            assert not [c for c in find_cues(document)[0] if c.category != "personal_voice"], entry


def test_puffery_adverbs_come_from_the_adjectives() -> None:
    assert [lexicons.adverb_of(w) for w in ("brilliant", "remarkable", "heroic", "lovely", "award-winning")] == [
        "brilliantly", "remarkably", "heroically", None, None,
    ]  # fmt: skip
    assert "brilliantly" in lexicons.puffery()
    assert "notably" not in lexicons.puffery()  # "notably" also means "especially"


def test_the_most_loaded_cue_comes_first() -> None:
    from summarizer.reword import rank_cues

    def first(text: str) -> str:
        document = segment(text)
        return rank_cues(analyse(document).cues[0])[0].text

    # A one-sided label before puffery, puffery before the general lexicons' words, those before
    # framing verbs and hedges (a source's claim reported as one).
    assert first("The great leftist writer won a prestigious prize.") == "leftist"
    assert first("He claimed the prize was a prestigious one.") == "prestigious"
    assert first("It was a great and prestigious prize.") == "prestigious"
    assert first("He claimed it was probably a great prize.") == "great"
    assert first("He claimed it was probably theirs.") == "claimed"


def test_flag_only_words_stay_cues() -> None:
    from summarizer.cues import find_cues

    flagged = lexicons.flag_only()
    assert "famous" in flagged and all(w == w.lower().strip() for w in flagged)
    document = segment("The famous bridge reopened.")
    assert [c.text for c in find_cues(document)[0]] == ["famous"]
