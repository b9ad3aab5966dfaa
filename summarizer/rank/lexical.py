"""Word-count and position ratings: Luhn, LSA, Edmundson and random, as sumy 0.13 rates.

These read each sentence on its own (LSA through a closed form, see :func:`lsa`), so a
plain pass over the words is fast; what makes sumy slow here is looking words up in tuples
and filling matrices cell by cell in Python.

Edmundson needs word lists sumy does not ship.  evenhand's defaults: the language's stop
words as *null* words, and the two short lists below as *bonus* words (what news writing
uses to flag a finding or decision) and *stigma* words (hedges, hype and calls to click),
written for evenhand.  With no headings in a plain-text article, Edmundson's title method
rates every sentence 0, so the rating is cue words plus position in the paragraph.
"""

from __future__ import annotations

import math
import random
from collections import Counter
from collections.abc import Iterable, Sequence

import numpy as np

from summarizer.rank.terms import Language

EDMUNDSON_BONUS_WORDS: frozenset[str] = frozenset(
    ["announce", "announced", "agree", "agreed", "approve", "approved", "conclude", "concluded", "confirm", "confirmed", "decide", "decided", "decision", "find", "found", "finding", "important", "key", "main", "major", "official", "result", "results", "report", "reported", "rule", "ruled", "significant", "show", "showed", "study", "vote", "voted"]
)
EDMUNDSON_STIGMA_WORDS: frozenset[str] = frozenset(
    ["allegedly", "amazing", "apparently", "arguably", "astonishing", "believe", "click", "hardly", "incredible", "maybe", "perhaps", "probably", "reportedly", "rumour", "rumor", "seemingly", "shocking", "stunning", "subscribe", "supposedly", "unbelievable"]
)


def random_ratings(count: int, seed: int) -> list[int]:
    """A shuffled ``0 .. count - 1``, the same for the same ``seed`` (the ``random`` rating)."""
    ratings = list(range(count))
    random.Random(seed).shuffle(ratings)
    return ratings


def luhn(words: Sequence[Sequence[str]], language: Language, *, max_gap: int = 4) -> np.ndarray:
    """Luhn (1958) as sumy's ``LuhnSummarizer`` rates.

    Significant terms are the stems (of words that are not stop words) found more than
    once in the document.  A chunk starts at a significant word and ends after ``max_gap``
    insignificant ones; it rates ``significant**2 / length`` (trailing insignificant words
    cut, a lone significant word rating 0).  A sentence rates its best chunk.
    """
    stem = language.stem
    stops = language.stop_words
    frequency = Counter(stem(w).lower() for ws in words for w in ws if w.lower() not in stops)
    significant = {term for term, count in frequency.items() if count > 1}
    return np.array([_best_chunk([stem(w) in significant for w in ws], max_gap) for ws in words], dtype=float)


def _best_chunk(flags: Iterable[bool], max_gap: int) -> float:
    chunks: list[list[int]] = []
    gap = [0] * max_gap
    in_chunk = False
    for flag in flags:
        if flag and not in_chunk:
            in_chunk = True
            chunks.append([1])
        elif in_chunk:
            chunks[-1].append(int(flag))
        if chunks and chunks[-1][-max_gap:] == gap:
            in_chunk = False
    best = 0.0
    for chunk in chunks:
        end = len(chunk)
        while end and not chunk[end - 1]:
            end -= 1
        significant = sum(chunk[:end])
        if significant != 1:
            best = max(best, significant**2 / end)
    return best


def lsa(words: Sequence[Sequence[str]], language: Language, *, smooth: float = 0.4) -> np.ndarray:
    """LSA (Steinberger & Ježek 2004) as sumy's ``LsaSummarizer`` rates, in closed form.

    sumy builds the term-by-sentence matrix of smoothed TF (``smooth + (1 - smooth) *
    count / max count`` in every cell of a column with any term), takes its SVD and rates
    sentence ``j`` ``sqrt(sum_i sigma_i**2 * v_ij**2)`` over *all* dimensions (its minimum of
    3 never cuts any).  That sum is the squared length of column ``j`` (``A^T A = V S^2
    V^T``), so we compute the column length directly: no SVD, no dense matrix.  sumy's
    SVD gets it only to about 1e-15, so sentences that tie exactly here (same number of
    distinct terms, same counts) come out of sumy in an arbitrary order.
    """
    stem = language.stem
    stops = language.stop_words
    dictionary = {stem(w) for ws in words for w in ws if w.lower() not in stops}
    size = len(dictionary)
    ratings = np.zeros(len(words))
    empty_cell = (smooth + (1.0 - smooth) * 0.0) ** 2
    for j, ws in enumerate(words):
        counts = Counter(s for s in map(stem, ws) if s in dictionary)
        if not counts:
            continue
        top = max(counts.values())
        filled = sum((smooth + (1.0 - smooth) * (c / top)) ** 2 for c in counts.values())
        ratings[j] = math.sqrt(filled + (size - len(counts)) * empty_cell)
    return ratings


def edmundson(
    words: Sequence[Sequence[str]],
    paragraphs: Sequence[tuple[int, int]],
    language: Language,
    *,
    bonus_words: Iterable[str] = EDMUNDSON_BONUS_WORDS,
    stigma_words: Iterable[str] = EDMUNDSON_STIGMA_WORDS,
) -> np.ndarray:
    """Edmundson (1969) as sumy's ``EdmundsonSummarizer`` rates with its default weights.

    Cue: bonus words minus stigma words (compared as stems).  Title: 0, as a plain-text
    article has no headings.  Location: +1 in the first paragraph (else +1 in the last),
    +1 for a paragraph's first sentence (else +1 for its last).
    """
    stem = language.stem
    bonus = frozenset(map(stem, bonus_words))
    stigma = frozenset(map(stem, stigma_words))
    ratings = np.zeros(len(words))
    for j, ws in enumerate(words):
        stems = [stem(w) for w in ws]
        ratings[j] = sum(s in bonus for s in stems) - sum(s in stigma for s in stems)
    last_paragraph = len(paragraphs) - 1
    for order, (first, stop) in enumerate(paragraphs):
        for position, j in enumerate(range(first, stop)):
            location = 1 if order == 0 or order == last_paragraph else 0
            location += 1 if position == 0 or position == stop - first - 1 else 0
            ratings[j] += location
    return ratings
