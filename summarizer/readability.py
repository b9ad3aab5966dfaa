"""Plain-language measures: words per sentence, long sentences, Flesch ease and grade.

Computed offline and fast.  Syllables are counted as groups of vowels, corrected for the
English endings where a vowel is silent (``make``, ``jumped``, ``statement``) or where two
vowels are two syllables; tested against a word list of hand-counted syllables
(``tests/core/test_readability.py``).  Hyphenation dictionaries were tried and were both slower
(0.15 ms a word) and no more accurate on that list.  The US plain-language guideline
counts a sentence of more than 20 words as long.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from typing import Any

from summarizer import regex_cache
from summarizer.model import Readability
from summarizer.tokens import words

LONG_SENTENCE_WORDS = 20

_VOWEL_GROUPS = regex_cache.compile(r"[aeiouy]+")
_LETTERS = regex_cache.compile(r"[a-z]")
_NOT_LETTERS = regex_cache.compile(r"[^a-z]")


def _holds(text: str, parts: tuple[str, ...]) -> bool:
    for part in parts:  # noqa: SIM110  # a loop: any() over a generator is slower here
        if part in text:
            return True
    return False


# (pattern, change, test, needed): silent vowels take one off, vowel pairs said apart add one.
# ``test(letters, needed)`` holds wherever the pattern can match (a word ends or begins so, or
# holds a pair of letters), and is tried first: a new text's words are counted thousands of
# times, and most fail the test.
_CORRECTIONS: tuple[tuple[re.Pattern[str], int, Callable[[str, Any], bool], Any], ...] = tuple(
    (regex_cache.compile(pattern), change, test, needed)
    for pattern, change, test, needed in (
        (r"[aeiouy][^aeiouy]+e$", -1, str.endswith, "e"),  # silent final e: make, state (not "the", "table")
        (r"[^aeiouy]ed$", -1, str.endswith, "ed"),  # -ed is silent: jumped …
        (r"[td]ed$", +1, str.endswith, "ed"),  # … except after t or d: wanted, needed
        (r"[^aeiouy]ement", -1, str.__contains__, "ement"),  # silent e before -ment: statement, enforcement
        (r"[^aeiouy]les?$", +1, str.endswith, ("le", "les")),  # -le after a consonant is a syllable: table, people
        (r"[aeiouy][^aeiouy]es$", -1, str.endswith, "es"),  # silent e in -es after one consonant: makes, states
        (r"[bdmprv]i[aou]", +1, _holds, ("ia", "io", "iu")),  # i before a vowel said apart: media, radio, period
        (r"[aeiou]ing$", +1, str.endswith, "ing"),  # being, going, doing
        (r"(?<![gq])ua", +1, str.__contains__, "ua"),  # actual, usually (not guard, quality)
        (r"^(?:re|pre|de)[aeiou]", +1, str.startswith, ("re", "pre", "de")),  # prefix before a vowel: react
    )
)


@lru_cache(maxsize=65536)
def count_syllables(word: str) -> int:
    """Return the number of syllables in an English ``word`` (at least 1 for a word with letters).

    Digits count as one syllable per digit group; a word with no letters or digits has none.
    """
    lower = word.lower()
    if lower.isascii() and lower.isalpha():
        letters = lower  # ASCII letters, lower-cased: a-z only, as the patterns read them
    elif not _LETTERS.search(lower):
        return 1 if any(ch.isdigit() for ch in lower) else 0
    else:
        letters = _NOT_LETTERS.sub("", lower)
    count = len(_VOWEL_GROUPS.findall(letters))
    for pattern, change, test, needed in _CORRECTIONS:
        if test(letters, needed) and pattern.search(letters):
            count += change
    return max(1, count)


def sentence_counts(text: str) -> tuple[int, int]:
    """The words and syllables of one sentence: what :func:`measure_counts` adds up."""
    found = words(text)
    return len(found), syllables(found)


def syllables(words: Iterable[str]) -> int:
    """The syllables of some words, all told."""
    return sum(map(count_syllables, words))


def measure(sentences: Sequence[str]) -> Readability:
    """Measure a text given as its sentences.

    Args:
        sentences: the sentences, each a string.

    Returns:
        Readability with Flesch reading ease and Flesch–Kincaid grade; both are 0 for a
        text with no words.
    """
    return measure_counts(map(sentence_counts, sentences))


def measure_counts(counts: Iterable[tuple[int, int]]) -> Readability:
    """Measure a text from each sentence's ``(words, syllables)``, as :func:`sentence_counts` gives them.

    The pipeline counts every sentence once and measures the original and the summary
    from those counts; sentences without words are not counted as sentences.
    """
    n_sentences = 0
    n_words = 0
    n_syllables = 0
    n_long = 0
    for sentence_words, sentence_syllables in counts:
        if not sentence_words:
            continue
        n_sentences += 1
        n_words += sentence_words
        n_syllables += sentence_syllables
        if sentence_words > LONG_SENTENCE_WORDS:
            n_long += 1
    if n_words == 0:
        return Readability(0, 0, 0, 0.0, 0.0, 0.0, 0.0)
    wps = n_words / n_sentences
    spw = n_syllables / n_words
    return Readability(
        sentences=n_sentences,
        words=n_words,
        syllables=n_syllables,
        words_per_sentence=round(wps, 2),
        long_sentence_share=round(n_long / n_sentences, 4),
        flesch_reading_ease=round(206.835 - 1.015 * wps - 84.6 * spw, 2),
        flesch_kincaid_grade=round(0.39 * wps + 11.8 * spw - 15.59, 2),
    )
