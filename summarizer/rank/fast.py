"""The fast engine: every algorithm rated with evenhand's own NumPy/SciPy code.

Each algorithm reads the words sumy would read for it (same tokenizer, stemmer, stop
words, quirks) and rates as sumy 0.13 does, so the two engines pick the same sentences;
see the modules for each family: :mod:`~summarizer.rank.graph` (LexRank, TextRank,
Reduction), :mod:`~summarizer.rank.greedy` (KL-Sum, SumBasic) and
:mod:`~summarizer.rank.lexical` (Luhn, LSA, Edmundson, random).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from summarizer.model import Document
from summarizer.rank import graph, greedy, lexical
from summarizer.rank.terms import content_stems, language_tools, paragraph_spans, sentence_words


def rank_fast(
    document: Document,
    algorithm: str,
    *,
    language: str = "english",
    seed: int = 0,
    words: Sequence[Sequence[str]] | None = None,
) -> tuple[float, ...]:
    """Rate every sentence of ``document`` with the fast engine's ``algorithm``.

    Args:
        document: the sentences to rate.
        algorithm: one of :data:`summarizer.rank.ALGORITHMS`.
        language: the language of the stemmer and stop words.
        seed: the seed of the ``random`` algorithm.
        words: every sentence's words, if already split (:func:`summarizer.tokens.words`).

    Returns:
        One rating per sentence, in document order (higher is more important).
    """
    if not document.sentences:
        return ()
    if algorithm == "random":
        return tuple(float(r) for r in lexical.random_ratings(len(document.sentences), seed))
    tools = language_tools(language)
    if words is None:
        words = sentence_words(document)
    ratings: np.ndarray
    if algorithm == "lexrank":
        ratings = graph.lexrank(content_stems(words, tools))
    elif algorithm == "textrank":
        ratings = graph.textrank(content_stems(words, tools))
    elif algorithm == "reduction":
        ratings = graph.reduction(content_stems(words, tools))
    elif algorithm == "kl":
        ratings = greedy.kl(words, tools.stop_words)
    elif algorithm == "sumbasic":
        ratings = greedy.sumbasic(content_stems(words, tools))
    elif algorithm == "luhn":
        ratings = lexical.luhn(words, tools)
    elif algorithm == "lsa":
        ratings = lexical.lsa(words, tools)
    elif algorithm == "edmundson":
        ratings = lexical.edmundson(words, paragraph_spans(document), tools)
    else:  # rank() checks names first; this guards direct callers.
        raise ValueError(f"the fast engine has no algorithm {algorithm!r}")
    return tuple(float(r) for r in ratings)
