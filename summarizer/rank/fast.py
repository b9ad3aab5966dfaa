"""The fast engine: every algorithm rated with evenhand's own NumPy/SciPy code.

Each algorithm reads the words sumy would read for it (same tokenizer, stemmer, stop
words, quirks) and rates as sumy 0.13 does, so the two engines pick the same sentences;
see the modules for each family: :mod:`~summarizer.rank.graph` (LexRank, TextRank,
Reduction), :mod:`~summarizer.rank.greedy` (KL-Sum, SumBasic) and
:mod:`~summarizer.rank.lexical` (Luhn, LSA, Edmundson, random).  An algorithm with a
pure-Python version (:mod:`~summarizer.rank.pure`) is rated with it on a short text, so
NumPy and SciPy are not imported for it; the ratings are the same.
"""

from __future__ import annotations

from collections.abc import Sequence
from importlib import import_module
from typing import Any

from summarizer.model import Document
from summarizer.rank import pure
from summarizer.rank.algorithms import algorithm_named
from summarizer.rank.terms import content_stems, language_tools, paragraph_spans, sentence_words


def rank_fast(
    document: Document,
    algorithm: str,
    *,
    language: str = "english",
    seed: int = 0,
    words: Sequence[Sequence[str]] | None = None,
    stems: Sequence[Sequence[str]] | None = None,
) -> tuple[float, ...]:
    """Rate every sentence of ``document`` with the fast engine's ``algorithm``.

    Args:
        document: the sentences to rate.
        algorithm: one of :data:`summarizer.rank.ALGORITHMS`.
        language: the language of the stemmer and stop words.
        seed: the seed of the ``random`` algorithm.
        words: every sentence's words, if already split (:func:`summarizer.tokens.words`).
        stems: every sentence's content stems, if already found (:func:`~summarizer.rank.terms.content_stems`).

    Returns:
        One rating per sentence, in document order (higher is more important).
    """
    if not document.sentences:
        return ()
    record = algorithm_named(algorithm)
    if record.reads == "count":
        from summarizer.rank import lexical

        return tuple(float(r) for r in lexical.random_ratings(len(document.sentences), seed))
    tools = language_tools(language)
    if record.reads == "stems" and stems is not None:
        words = ()  # not read: the stems are made of them
    elif words is None:
        words = sentence_words(document)
    small = record.small is not None and len(document.sentences) <= pure.SMALL_SENTENCES
    module, _, name = (record.small if small and record.small is not None else record.fast).partition(":")
    function = getattr(import_module(module), name)
    ratings: Sequence[Any]
    if record.reads == "stems":
        ratings = function(content_stems(words, tools) if stems is None else stems)
    elif record.reads == "words+stops":
        ratings = function(words, tools.stop_words)
    elif record.reads == "words":
        ratings = function(words, tools)
    else:  # "words+paragraphs"
        ratings = function(words, paragraph_spans(document), tools)
    return tuple(float(r) for r in ratings)
