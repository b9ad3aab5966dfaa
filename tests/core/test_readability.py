"""Plain-language measures, checked against hand-counted words we wrote ourselves."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summarizer.readability import count_syllables, measure

# Hand-counted syllables (American English dictionary pronunciations).
SYLLABLES = {
    "cat": 1, "table": 2, "made": 1, "state": 1, "wanted": 2, "jumped": 1, "needed": 2,
    "water": 2, "government": 3, "reporter": 3, "immigration": 4, "detention": 3,
    "enforcement": 3, "agency": 3, "communities": 4, "deportation": 4, "the": 1,
    "president": 3, "economy": 4, "national": 3, "security": 4, "people": 2, "because": 2,
    "program": 2, "officials": 3, "police": 2, "significant": 4, "decrease": 2, "facility": 4,
    "being": 2, "going": 2, "union": 2, "million": 2, "question": 2, "special": 2, "video": 2,
    "actual": 3, "usually": 4, "guard": 1, "quality": 3, "media": 3, "statement": 2, "makes": 1,
    "little": 2, "simple": 2, "religion": 3, "patient": 2, "radio": 3, "council": 2,
}


@pytest.mark.parametrize(("word", "expected"), sorted(SYLLABLES.items()))
def test_syllables_close_to_dictionary(word: str, expected: int) -> None:
    assert abs(count_syllables(word) - expected) <= 1


def test_syllable_counter_exact_on_most_of_the_list() -> None:
    exact = sum(count_syllables(w) == n for w, n in SYLLABLES.items())
    assert exact / len(SYLLABLES) >= 0.9


@pytest.mark.parametrize(("word", "expected"), [("2019", 1), ("—", 0), ("x", 1)])
def test_syllables_edge_cases(word: str, expected: int) -> None:
    assert count_syllables(word) == expected


def test_measure_simple_text() -> None:
    r = measure(["The cat sat on the mat.", "It was happy."])
    assert (r.sentences, r.words) == (2, 9)
    assert r.words_per_sentence == 4.5
    assert r.long_sentence_share == 0.0
    assert r.flesch_reading_ease > 90
    assert r.flesch_kincaid_grade < 2


def test_long_sentences_counted_over_twenty_words() -> None:
    long = " ".join(["word"] * 21) + "."
    twenty = " ".join(["word"] * 20) + "."
    assert measure([long, twenty]).long_sentence_share == 0.5


def test_harder_text_scores_harder() -> None:
    easy = measure(["We went to the shop.", "It was shut."])
    hard = measure(["Immigration enforcement collaboration programs generated considerable institutional controversy."])
    assert hard.flesch_kincaid_grade > easy.flesch_kincaid_grade + 8
    assert hard.flesch_reading_ease < easy.flesch_reading_ease


def test_empty_text_is_all_zero() -> None:
    r = measure(["", "—"])
    assert (r.sentences, r.words, r.flesch_reading_ease) == (0, 0, 0.0)


# count_syllables as it was written first, every correction a regular expression tried on every word:
# the quick tests in front of each pattern must not change a single count.
_PLAIN_CORRECTIONS = tuple(
    (re.compile(pattern), change)
    for pattern, change in (
        (r"[aeiouy][^aeiouy]+e$", -1), (r"[^aeiouy]ed$", -1), (r"[td]ed$", +1), (r"[^aeiouy]ement", -1),
        (r"[^aeiouy]les?$", +1), (r"[aeiouy][^aeiouy]es$", -1), (r"[bdmprv]i[aou]", +1), (r"[aeiou]ing$", +1),
        (r"(?<![gq])ua", +1), (r"^(?:re|pre|de)[aeiou]", +1),
    )
)  # fmt: skip


def _plain_count(word: str) -> int:
    lower = word.lower()
    if not re.search(r"[a-z]", lower):
        return 1 if any(ch.isdigit() for ch in lower) else 0
    letters = re.sub(r"[^a-z]", "", lower)
    count = len(re.findall(r"[aeiouy]+", letters)) + sum(c for p, c in _PLAIN_CORRECTIONS if p.search(letters))
    return max(1, count)


@pytest.mark.parametrize(
    "word",
    [*SYLLABLES, "statement", "Tables", "tabled", "needed", "jumped", "being", "usual", "guard", "react", "preexist",
     "media", "période", "naïve", "O'Brien", "well-known", "3,000", "", "e", "ed", "les", "ing", "re", "UA", "x2e"],
)  # fmt: skip
def test_count_syllables_is_the_plain_regex_count(word: str) -> None:
    assert count_syllables.__wrapped__(word) == _plain_count(word)


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet="aeiouybcdfglmnprstvzAEY'-é1", max_size=14))
def test_count_syllables_is_the_plain_regex_count_on_any_word(word: str) -> None:
    assert count_syllables.__wrapped__(word) == _plain_count(word)
