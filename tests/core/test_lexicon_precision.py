"""Lexicon precision and symmetry: plain fixed phrases, titles and names in quotation marks, puffery,
stance adverbs from both sides, hyphenated forms, and a table of one-sided terms weighed alike."""

from __future__ import annotations

import pytest

from summarizer import lexicons
from summarizer.cues import find_cues
from summarizer.evaluate.bias import sentence_document
from summarizer.model import Cue


def cues(text: str) -> tuple[Cue, ...]:
    return find_cues(sentence_document(text))[0]


def weight(text: str) -> float:
    """The summed weight of every cue of a one-sentence text."""
    return sum(cue.weight for cue in cues(text))


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        ("Families of the victims and their loved ones gathered on Monday.", "loved"),
        ("He was charged with sexual assault in March.", "assault"),
        ("The agency investigates domestic violence and child abuse.", "abuse"),
        ("Potential buyers toured the site on Friday.", "Potential"),
        ("A ceremony honoring veterans was held downtown.", "honoring"),
        ("She won the Nobel Peace Prize in 2009.", "Peace"),
        ("The Great Depression began in 1929.", "Great"),
        ("The film won an Academy Award for best actress.", "best"),
    ],
)
def test_a_fixed_phrase_or_plain_word_is_no_cue(text: str, plain: str) -> None:
    assert not [cue for cue in cues(text) if plain in cue.text]


def test_a_neutral_phrase_does_not_hide_a_loaded_word_beside_it() -> None:
    found = {cue.text for cue in cues("The greedy loved ones of the radical left-wing donor sued.")}
    assert "greedy" in found
    assert "radical left-wing" in found
    assert not {text for text in found if "loved" in text}


@pytest.mark.parametrize(
    "text",
    [
        'The band released "Supernova" as a single in 2019.',
        "The novel “The Long Road Home” sold well.",
        "It was the birth of rock 'n' roll.",
        'The town, known as "the gateway to the west", grew quickly.',
        "The striker, nicknamed ‘the wall’, retired in May.",
        'He sang the song "home again" at the end.',
        'The term "carbon neutral" has a legal definition.',
        'Students who got an "A" were listed.',
    ],
)
def test_titles_names_and_terms_in_quotation_marks_are_not_scare_quotes(text: str) -> None:
    assert "scare_quote" not in {cue.category for cue in cues(text)}


@pytest.mark.parametrize(
    "text",
    [
        "The group wants to protect the ‘rights’ of offenders.",
        'The so-called "Fair Pay Act" passed the state Senate.',
        'The so-called "experts" met on Monday.',
    ],
)
def test_scare_quotes_are_still_found(text: str) -> None:
    assert "scare_quote" in {cue.category for cue in cues(text)}


@pytest.mark.parametrize(
    "word", ["prestigious", "renowned", "notable", "legendary", "picturesque", "iconic", "acclaimed", "award-winning"]
)
def test_puffery_is_a_cue(word: str) -> None:
    found = [cue for cue in cues(f"The {word} museum opened a new wing.") if cue.text.lower() == word]
    assert found and found[0].category == "intensifier"
    assert found[0].source == "evenhand/puffery.txt"


@pytest.mark.parametrize("adverb", ["correctly", "rightly", "wrongly", "aptly", "conveniently", "mistakenly"])
def test_stance_adverbs_from_both_sides(adverb: str) -> None:
    found = [cue for cue in cues(f"The report {adverb} points out the cost.") if cue.text == adverb]
    assert found and found[0].category == "stance_adverb"


@pytest.mark.parametrize(
    ("spaced", "variant"),
    [
        ("radical left", "radical left-wing"),
        ("radical left", "radical-left"),
        ("far right", "far-right wingers"),
        ("far left", "far-left-wing"),
        ("corporate backed", "corporate-backed"),
    ],
)
def test_multiword_and_hyphenated_forms_weigh_the_same(spaced: str, variant: str) -> None:
    one = [c for c in cues(f"The {spaced} group met.") if c.category == "loaded_term"]
    other = [c for c in cues(f"The {variant} group met.") if c.category == "loaded_term"]
    assert len(one) == len(other) == 1
    assert other[0].text.lower().replace("-", " ") == variant.lower().replace("-", " ")
    assert one[0].weight == other[0].weight


# Each one-sided term and its counterpart from the other side, in the same carrier sentence: the
# cues must weigh within 0.1.  Left column: what the right-coded side says; right column: the left.
SYMMETRY = [
    ("radical left-wing", "corporate-backed"),
    ("radical left", "far-right"),
    ("far left", "far right"),
    ("hard left", "hard right"),
    ("left-wing mob", "right-wing mob"),
    ("leftist", "alt-right"),
    ("woke", "MAGA extremist"),
    ("elites", "billionaires"),
    ("liberal elite", "billionaire class"),
    ("globalist", "nativist"),
    ("job-killing", "corporate greed"),
    ("illegal aliens", "kids in cages"),
    ("open borders", "xenophobic"),
    ("pro-abortion", "anti-choice"),
    ("gun grabbers", "gun nuts"),
    ("climate alarmists", "climate deniers"),
    ("fake news", "right-wing propaganda"),
    ("Biden regime", "Trump regime"),
    ("antifa thugs", "insurrectionists"),
    ("never-Trumpers", "election deniers"),
    ("welfare queens", "robber barons"),
    ("handouts", "dark money"),
    ("death tax", "tax scam"),
    ("deep state", "voodoo economics"),
    ("communist", "white nationalist"),
    ("wrongly", "rightly"),
    ("conveniently", "aptly"),
    ("incorrectly", "correctly"),
]


@pytest.mark.parametrize(("right_coded", "left_coded"), SYMMETRY)
def test_symmetry_table(right_coded: str, left_coded: str) -> None:
    one = weight(f"The report named {right_coded} in its first chapter.")
    other = weight(f"The report named {left_coded} in its first chapter.")
    assert one > 0 and other > 0
    assert abs(one - other) <= 0.1, (right_coded, one, left_coded, other)


def test_new_lists_have_no_duplicates_or_overlap() -> None:
    lines = lexicons._lines("evenhand/puffery.txt")
    assert len(lines) == len(set(lines))
    assert not lexicons.puffery() & lexicons.intensifiers()
    assert not lexicons.puffery() & lexicons.stance_adverbs()
    phrases = lexicons._lines("evenhand/neutral_phrases.tsv")
    assert len(phrases) == len(set(phrases))
    assert all(len(phrase.split()) >= 2 or "-" in phrase for phrase in phrases)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Democrats rammed the spending bill through the Senate.", "rammed the spending bill through"),
        ("Republicans rammed through the tax bill.", "rammed through"),
        ("Leaders are ramming the measure through.", "ramming the measure through"),
    ],
)
def test_a_gap_phrase_spans_the_words_between(text: str, found: str) -> None:
    assert [c.text for c in cues(text) if c.category == "loaded_term"] == [found]


def test_a_gap_phrase_spans_at_most_four_words() -> None:
    assert not [c for c in cues("They rammed it into a wall and went through.") if c.category == "loaded_term"]


@pytest.mark.parametrize("label", ["notorious", "infamous", "self-proclaimed", "self-styled", "fringe", "outspoken"])
def test_contentious_labels_are_loaded_terms(label: str) -> None:
    found = [c for c in cues(f"The {label} critic spoke on Monday.") if c.category == "loaded_term"]
    assert [c.text for c in found] == [label]
    assert found[0].source.endswith(":any")


def test_a_plain_news_label_is_left_alone() -> None:
    assert not [c for c in cues("The militant group claimed the attack.") if c.category == "loaded_term"]
