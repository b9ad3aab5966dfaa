"""Rank sentences with sumy's summarizers, fed evenhand's own sentences and words.

This is the only module of evenhand that imports sumy.  It builds sumy's document model
from a :class:`~summarizer.model.Document` (our paragraphs, our sentences, our word
tokenizer from :mod:`summarizer.tokens`), so sumy never splits text itself and needs no
NLTK data.  It also hands the fast engine sumy's stemmer and stop words, so both engines
read the same words.

sumy returns only the best sentences; to get a rating for *every* sentence we pass a
callable as ``sentences_count``: sumy calls it with every sentence's ``SentenceInfo``
(sentence, order, rating), and we record each rating by ``order``, its position in the
document.  sumy's ``Sentence`` hashes by text, so some summarizers (those that keep
ratings in a dict keyed by sentence) give repeated sentences one shared rating; both
positions still get it.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Sequence
from importlib import import_module
from typing import Any

import numpy as np

from summarizer import tokens
from summarizer.model import Document
from summarizer.rank.algorithms import algorithm_named
from summarizer.rank.language import stemmer, stop_words
from summarizer.rank.lexical import EDMUNDSON_BONUS_WORDS, EDMUNDSON_STIGMA_WORDS, random_ratings
from summarizer.rank.terms import paragraph_spans

__all__ = ["rank_with_sumy"]


class _WordTokenizer:
    """The tokenizer sumy's ``Sentence`` asks for its words: evenhand's definition of a word."""

    language = "evenhand"

    @staticmethod
    def to_words(text: str) -> tuple[str, ...]:
        return tokens.words(text)


def _sumy_document(document: Document) -> Any:
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence

    tokenizer = _WordTokenizer()
    sentences = [Sentence(s.text, tokenizer) for s in document.sentences]
    return ObjectDocumentModel([Paragraph(sentences[a:b]) for a, b in paragraph_spans(document)])


def _random_summarizer(stem: Callable[[str], str], seed: int) -> Any:
    from sumy.summarizers.random import RandomSummarizer

    class SeededRandomSummarizer(RandomSummarizer):
        """sumy's random summarizer with its own seeded generator and one rating per position."""

        def __call__(self, document: Any, sentences_count: Any) -> Any:
            ratings = iter(random_ratings(len(document.sentences), seed))
            return self._get_best_sentences(document.sentences, sentences_count, lambda _s: next(ratings))

    return SeededRandomSummarizer(stem)


def _summarizer(algorithm: str, language: str, seed: int) -> Any:
    stem = stemmer(language)
    stops = stop_words(language)
    if algorithm == "random":
        return _random_summarizer(stem, seed)
    where = algorithm_named(algorithm).sumy
    assert where is not None  # only random has no sumy class, and it returned above
    module, _, name = where.partition(":")
    cls = getattr(import_module(module), name)
    summarizer = cls(stem)
    if algorithm == "edmundson":
        summarizer.bonus_words = EDMUNDSON_BONUS_WORDS
        summarizer.stigma_words = EDMUNDSON_STIGMA_WORDS
        summarizer.null_words = stops
    else:
        summarizer.stop_words = stops
    return summarizer


def rank_with_sumy(document: Document, algorithm: str, *, language: str = "english", seed: int = 0) -> tuple[float, ...]:
    """Rate every sentence of ``document`` with sumy's ``algorithm``.

    Args:
        document: the sentences to rate.
        algorithm: one of :data:`summarizer.rank.ALGORITHMS`.
        language: the language of the stemmer and stop words.
        seed: the seed of the ``random`` algorithm.

    Returns:
        One rating per sentence, in document order (higher is more important).  Ratings
        sumy leaves undefined (NaN, as LexRank gives when no two sentences share a
        weighted word) and sentences sumy does not rate are ``0.0``.
    """
    count = len(document.sentences)
    if count == 0:
        return ()
    summarizer = _summarizer(algorithm, language, seed)
    ratings = [0.0] * count

    def capture(infos: Sequence[Any]) -> list[Any]:
        for info in infos:
            ratings[info.order] = float(info.rating)
        return []

    with warnings.catch_warnings(), np.errstate(all="ignore"):
        # LSA warns when there are fewer words than sentences; LexRank divides 0 by 0 on
        # documents without shared words.  Both are handled here, not shown to the user.
        warnings.simplefilter("ignore")
        summarizer(_sumy_document(document), capture)
    return tuple(0.0 if rating != rating else rating for rating in ratings)
