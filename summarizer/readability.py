"""Plain-language measures: words per sentence, long sentences, Flesch ease and grade.

Computed offline.  Syllables come from Pyphen's bundled hyphenation patterns (a hyphen
point usually sits between syllables), corrected by a few rules for English endings
that hyphenation patterns leave whole (``-le``, ``-ed``, vowel groups in short words).
The US plain-language guideline counts a sentence of more than 20 words as long.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

import pyphen

from summarizer.model import Readability
from summarizer.tokens import word_spans

LONG_SENTENCE_WORDS = 20

_VOWEL_GROUPS = re.compile(r"[aeiouy]+")
_LETTERS = re.compile(r"[a-z]")


@lru_cache(maxsize=1)
def _hyphenator() -> pyphen.Pyphen:
    return pyphen.Pyphen(lang="en_US")


@lru_cache(maxsize=65536)
def count_syllables(word: str) -> int:
    """Return the number of syllables in an English ``word`` (at least 1 for a word with letters).

    Digits count as one syllable per digit group; a word with no letters or digits has none.
    """
    lower = word.lower()
    if not _LETTERS.search(lower):
        return 1 if any(ch.isdigit() for ch in lower) else 0
    letters = re.sub(r"[^a-z]", "", lower)
    by_vowels = len(_VOWEL_GROUPS.findall(letters))
    # A silent final e ("make", "state") is not a syllable, but "-le" after a consonant is ("table").
    if letters.endswith("e") and not letters.endswith(("le", "ee", "ye")) and by_vowels > 1:
        by_vowels -= 1
    # "-ed" is silent except after t or d ("wanted", "needed").
    if letters.endswith("ed") and len(letters) > 3 and letters[-3] not in "td" and by_vowels > 1:
        by_vowels -= 1
    by_patterns = len(_hyphenator().positions(letters)) + 1
    # Hyphenation never splits inside a syllable, so it is a lower bound; vowel groups
    # over-count diphthongs rarely once the endings are handled.  Take the larger, capped.
    return max(1, min(max(by_vowels, by_patterns), len(letters)))


def measure(sentences: Sequence[str]) -> Readability:
    """Measure a text given as its sentences.

    Args:
        sentences: the sentences, each a string.

    Returns:
        Readability with Flesch reading ease and Flesch–Kincaid grade; both are 0 for a
        text with no words.
    """
    n_sentences = 0
    n_words = 0
    n_syllables = 0
    n_long = 0
    for sentence in sentences:
        words = [sentence[s:e] for s, e in word_spans(sentence)]
        if not words:
            continue
        n_sentences += 1
        n_words += len(words)
        n_syllables += sum(count_syllables(w) for w in words)
        if len(words) > LONG_SENTENCE_WORDS:
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
