"""Cues of loaded language: every category, from both sides, with exact offsets."""

from __future__ import annotations

import pytest

from summarizer import lexicons
from summarizer.cues import CATEGORIES, QUOTED_FACTOR, find_cues, quotation_spans
from summarizer.model import Cue, Document
from summarizer.segment import segment


def cues_of(text: str) -> tuple[Document, tuple[Cue, ...]]:
    """All cues of a text, flattened, after checking their offsets."""
    document = segment(text)
    found = find_cues(document)
    assert len(found) == len(document.sentences)
    flat = tuple(cue for sentence_cues in found for cue in sentence_cues)
    for sentence, sentence_cues in zip(document.sentences, found, strict=True):
        for cue in sentence_cues:
            assert cue.category in CATEGORIES
            assert document.text[cue.start : cue.end] == cue.text
            assert sentence.start <= cue.start < cue.end <= sentence.end
    return document, flat


def categories_of(text: str) -> dict[str, list[str]]:
    _, flat = cues_of(text)
    found: dict[str, list[str]] = {}
    for cue in flat:
        found.setdefault(cue.category, []).append(cue.text)
    return found


@pytest.mark.parametrize(
    ("text", "category", "expected"),
    [
        # loaded terms, from both sides and from every side
        ("The bill would help illegal aliens stay.", "loaded_term", "illegal aliens"),
        ("The far-right group met on Sunday.", "loaded_term", "far-right"),
        ("Radical left activists met on Sunday.", "loaded_term", "Radical left"),
        ("The corporate-backed group met on Sunday.", "loaded_term", "corporate-backed"),
        ("The job-killing rule took effect.", "loaded_term", "job-killing"),
        ("Greedy executives met on Sunday.", "loaded_term", "Greedy"),
        ("MAGA extremists met on Sunday.", "loaded_term", "MAGA extremists"),
        ("The woke crowd met on Sunday.", "loaded_term", "woke"),
        ("He called them baby killers at the rally.", "loaded_term", "baby killers"),
        ("Repeal the death tax, the group urged.", "loaded_term", "death tax"),
        ("Gun grabbers met on Sunday.", "loaded_term", "Gun grabbers"),
        ("The open borders crowd met on Sunday.", "loaded_term", "open borders"),
        ("The so-called experts met on Sunday.", "loaded_term", "so-called"),
        ("The regime held a vote.", "loaded_term", "regime"),
        ("The senator slammed the ruling.", "loaded_term", "slammed"),
        ("Coastal elites met on Sunday.", "loaded_term", "Coastal elites"),
        # the writer's stance
        ("The group seemingly believes the plan works.", "stance_adverb", "seemingly"),
        ("The report aptly notes the risk.", "stance_adverb", "aptly"),
        ("The figures were shockingly low.", "stance_adverb", "shockingly"),
        ("The rule clearly fails the test.", "stance_adverb", "clearly"),
        ("The drastic cut took effect.", "intensifier", "drastic"),
        ("The move was unprecedented in scope.", "intensifier", "unprecedented"),
        # framing verbs in the writer's voice
        ("The mayor admitted the plan had gaps.", "assertive_verb", "admitted"),
        ("The union insisted the figures were wrong.", "assertive_verb", "insisted"),
        ("The union claimed the figures were wrong.", "claim_framing", "claimed"),
        ("The chief conceded the point on Friday.", "assertive_verb", "conceded"),
        ("The audit revealed the cost of the project.", "factive_verb", "revealed"),
        ("The plan will apparently cost more.", "hedge", "apparently"),
        ("The plan will presumably cost more.", "hedge", "presumably"),
        # structure
        ("The board wants to ensure the ‘safety’ of the staff.", "scare_quote", "‘safety’"),
        ('The board wants to ensure the "safety" of the staff.', "scare_quote", '"safety"'),
        ("Is this really what voters wanted?", "rhetorical_question", "?"),
        ("The vote failed again!", "exclamation", "!"),
        ("Do you want to join our family of supporters?", "call_to_action", "Do you want"),
        ("Click to check it out.", "call_to_action", "Click to"),
        ("Sign up for our newsletter today.", "call_to_action", "Sign up"),
        ("Subscribe now for full coverage.", "call_to_action", "Subscribe"),
        # the general lexicons
        ("The result was horrible for the town.", "valenced_word", "horrible"),
        ("The amateurish proposal went nowhere.", "subjective_word", "amateurish"),
        ("We cannot let this plan pass.", "personal_voice", "We"),
        ("The plan will raise your taxes.", "personal_voice", "your"),
    ],
)
def test_each_category_is_found(text: str, category: str, expected: str) -> None:
    assert expected in categories_of(text).get(category, [])


@pytest.mark.parametrize(
    "text",
    [
        "The city council voted 7 to 2 on Tuesday to approve the budget.",
        "The company said revenue rose 3 percent in the quarter.",
        "The museum will reopen on 12 May after a renovation.",
    ],
)
def test_plain_sentences_have_no_curated_cues(text: str) -> None:
    found = categories_of(text)
    curated = set(CATEGORIES) - {"valenced_word", "subjective_word"}
    assert not curated & set(found)


def test_loaded_terms_are_balanced_between_sides() -> None:
    terms = lexicons.loaded_terms()
    left = sum(1 for t in terms if t.side == "left")
    right = sum(1 for t in terms if t.side == "right")
    assert left >= 50 and right >= 50
    assert abs(left - right) <= 0.05 * max(left, right)
    weight_left = sum(t.weight for t in terms if t.side == "left")
    weight_right = sum(t.weight for t in terms if t.side == "right")
    assert abs(weight_left - weight_right) <= 0.1 * max(weight_left, weight_right)


def test_loaded_terms_have_no_duplicates() -> None:
    names = [t.term for t in lexicons.loaded_terms()]
    assert len(names) == len(set(names))


@pytest.mark.parametrize(
    "text",
    [
        'The governor called the plan "reckless" on Monday.',
        'The plan is "a disaster," the governor said.',
        "According to the report, the plan is “unworkable”.",
        "The union described the offer as “insulting”.",
        'Protesters carried signs that read "Hands Off Our Parks".',
    ],
)
def test_attributed_short_quotation_is_not_a_scare_quote(text: str) -> None:
    assert "scare_quote" not in categories_of(text)


@pytest.mark.parametrize(
    "text",
    [
        "The group wants to protect the ‘rights’ of offenders.",
        "The agency keeps “guests” in the holding centre.",
        "The council's 'reform' passed on Tuesday.",
        'The so-called "Fair Pay Act" passed the state Senate.',
        "He wants the state to stop putting the ‘environment’ first.",
    ],
)
def test_unattributed_short_quotation_is_a_scare_quote(text: str) -> None:
    assert "scare_quote" in categories_of(text)


def test_long_quotation_is_not_a_scare_quote() -> None:
    text = "The board wrote that “the new rules will cost the county far more than they save”."
    assert "scare_quote" not in categories_of(text)


@pytest.mark.parametrize("term", ["illegal aliens", "far-right"])
def test_loaded_words_inside_a_quotation_weigh_less(term: str) -> None:
    own = f"The {term} rally drew a crowd on Friday."
    quoted = f"“The {term} rally drew a crowd on Friday,” the sheriff said."
    _, own_cues = cues_of(own)
    _, quoted_cues = cues_of(quoted)
    own_weight = next(c.weight for c in own_cues if c.category == "loaded_term")
    quoted_cue = next(c for c in quoted_cues if c.category == "loaded_term")
    assert quoted_cue.weight == pytest.approx(own_weight * QUOTED_FACTOR)
    assert quoted_cue.weight < own_weight
    assert quoted_cue.source.endswith("(quoted)")


def test_framing_verbs_count_only_in_the_writers_voice() -> None:
    assert "assertive_verb" in categories_of("The mayor insisted the budget was balanced.")
    assert "assertive_verb" not in categories_of("“I always insisted the budget was balanced,” the mayor said.")
    # "claimed" before a clause is the writer's claim framing, and likewise only outside the quotation.
    assert "claim_framing" in categories_of("The mayor claimed the budget was balanced.")
    found = categories_of("“I never claimed the budget was balanced,” the mayor said.")
    assert "claim_framing" not in found and "assertive_verb" not in found


def test_bracketed_insertion_inside_a_quotation_is_the_writers_voice() -> None:
    text = "The group wrote: “Officers detain immigrants [illegal aliens] at the border.”"
    _, flat = cues_of(text)
    brackets = [c for c in flat if c.category == "bracketed_insertion"]
    assert [c.text for c in brackets] == ["[illegal aliens]"]
    loaded = next(c for c in flat if c.category == "loaded_term")
    assert loaded.text == "illegal aliens"
    assert not loaded.source.endswith("(quoted)")


def test_brackets_outside_a_quotation_are_not_insertions() -> None:
    assert "bracketed_insertion" not in categories_of("The plan [see page 4] was approved.")


def test_a_bracket_joined_to_a_word_repairs_it_and_is_no_insertion() -> None:
    assert "bracketed_insertion" not in categories_of("He accused the manager of “ripp[ing] the heart out of it”.")
    assert "bracketed_insertion" not in categories_of("She wrote: “[t]he plan is sound.”")


def test_quoted_question_is_not_rhetorical() -> None:
    assert "rhetorical_question" not in categories_of("“Who will pay for this?” the mayor asked.")


def test_quotation_spans_across_paragraphs_and_nested() -> None:
    text = "He wrote: “First part ‘look’ here.\n\n“Second part.”"
    spans = quotation_spans(text)
    assert (text.index("‘"), text.index("’") + 1) in spans
    assert any(text[s:e].startswith("“First") for s, e in spans)
    assert any(text[s:e] == "“Second part.”" for s, e in spans)


def test_apostrophes_are_not_quotations() -> None:
    assert quotation_spans("The ACLU’s plan and the workers' union met.") == ()


def test_one_cue_per_word() -> None:
    _, flat = cues_of("The greedy, shockingly drastic plan failed.")
    word_cues = [c for c in flat if c.category not in {"scare_quote", "bracketed_insertion"}]
    spans = [(c.start, c.end) for c in word_cues]
    assert len(spans) == len(set(spans))


@pytest.mark.seed
def test_seed_cues(seed_text: str) -> None:
    found = categories_of(seed_text)
    assert "seemingly" in found["stance_adverb"]
    assert "aptly" in found["stance_adverb"]
    assert "illegal aliens" in found["loaded_term"]
    assert "‘safety’" in found["scare_quote"]
    assert "[illegal aliens]" in found["bracketed_insertion"]


def test_decade_apostrophe_does_not_open_a_quotation() -> None:
    text = "Prices last rose this fast in the '90s, when the workers' union struck."
    assert quotation_spans(text) == ()
    assert "scare_quote" not in categories_of(text)


def test_personal_voice_only_outside_quotations_and_not_the_us() -> None:
    assert "personal_voice" not in categories_of("“We will fight this,” the mayor said.")
    assert "personal_voice" not in categories_of("The US and the EU signed the deal.")


@pytest.mark.parametrize(
    "text",
    [
        "The result was a catastrophe for the town.",  # a noun: VADER's valence counts only for modifiers
        "Rebels attacked the convoy.",  # a verb of the news, not the writer's judgement
    ],
)
def test_valence_counts_only_for_adjectives_and_adverbs(text: str) -> None:
    assert "valenced_word" not in categories_of(text)


def _general_words(text: str) -> list[str]:
    document = segment(text)
    return [c.text for found in find_cues(document) for c in found if c.category in ("valenced_word", "subjective_word")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Actor Dan Strong (born 1974) won.", []),  # a name before a bracket: no modifier
        ("Rosendo de las Alas, 88, died.", []),  # a name before a comma
        ("Fans saw the vulgar dance.", ["vulgar"]),  # before its noun
        ("The dance was vulgar.", ["vulgar"]),  # a predicate after a linking verb
        ("Critics, angry at the deal, left.", ["angry"]),  # before its complement
        ("They were cruelly treated in a violent raid.", ["violent"]),  # "cruelly" is a stance adverb
        ("They sang cheerfully, then left.", ["cheerfully"]),  # an adverb in -ly, wherever it stands
    ],
)
def test_general_lexicons_count_a_word_used_as_a_modifier(text: str, expected: list[str]) -> None:
    assert _general_words(text) == expected


def test_no_scare_quotes_in_text_without_capitals() -> None:
    # A lower-cased corpus cannot tell a title from a scare quote: no evidence, no cue.
    assert "scare_quote" not in categories_of('he starred in "danny" and other films.')
    assert "scare_quote" in categories_of('He defended the "reform" on Monday.')


@pytest.mark.parametrize(
    "text",
    [
        'We sure need it," she said.',  # a sentence of a quotation, cut from its opening line
        "Our stories are shameful,” the statement read.",
        'We pay for your disastrous stories."',
    ],
)
def test_a_line_that_begins_inside_a_quotation_is_the_speakers(text: str) -> None:
    _, found = cues_of(text)
    assert not [c for c in found if c.category == "personal_voice"]
    assert all(c.source.endswith("(quoted)") for c in found if c.category != "rhetorical_question")


def test_inches_and_an_opening_straight_mark_are_not_a_closing_one() -> None:
    assert quotation_spans('A 5" pipe burst.') == ((3, 16),)  # a straight mark left open runs to the end
    assert quotation_spans('He wrote "we" once.') == ((9, 13),)


def test_a_short_continued_quotation_is_no_scare_quote() -> None:
    _, found = cues_of('The end.\n\nNot at all."')
    assert not [c for c in found if c.category == "scare_quote"]


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("Instead of noting any benefit, the group claims the program failed.", "Instead of noting"),
        ("The council conveniently ignores the fact that most farms are small.", "ignores the fact"),
        ("The senator fails to mention that the fund is empty.", "fails to mention"),
        ("Her report glosses over the cost of the plan.", "glosses over"),
        ("The board has yet to acknowledge the petition.", "has yet to acknowledge"),
    ],
)
def test_the_writer_framing_an_opponent_is_a_cue(text: str, phrase: str) -> None:
    _, found = cues_of(text)
    framing = [c for c in found if c.category == "opponent_framing"]
    assert [c.text for c in framing] == [phrase]
    assert framing[0].weight == 1.0 and framing[0].source == "rule"


def test_framing_an_opponent_weighs_the_same_whichever_side_is_framed() -> None:
    left = "The union ignores the fact that wages rose by 4 percent last year."
    right = "The company ignores the fact that wages fell by 4 percent last year."
    assert [(c.category, c.weight) for c in cues_of(left)[1]] == [(c.category, c.weight) for c in cues_of(right)[1]]


def test_plain_reporting_of_what_was_left_out_is_not_framing() -> None:
    for text in (
        "The firm settled the case without admitting wrongdoing.",
        "Regulators said the bank failed to disclose the risks.",
        "The amendment failed 19 to 31.",
        "Rather than wait, the council voted on Tuesday.",
    ):
        assert not [c for c in cues_of(text)[1] if c.category == "opponent_framing"], text


def test_a_speaker_framing_an_opponent_is_quoted_framing() -> None:
    _, found = cues_of('“They ignore the fact that the river is polluted,” Ellison said.')
    framing = [c for c in found if c.category == "opponent_framing"]
    assert [(c.text, c.weight, c.source) for c in framing] == [("ignore the fact", QUOTED_FACTOR, "rule (quoted)")]
