"""Importance: one rating per sentence from a named algorithm, on one of two engines.

``engine="fast"`` (the default) is evenhand's own NumPy/SciPy code; ``engine="sumy"`` runs
sumy's summarizers on evenhand's sentences and words.  Both read the same words and rate
the same way, so they pick the same sentences; the fast engine is orders of magnitude
quicker on long texts (see ``benchmarks/``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from summarizer.errors import UnknownAlgorithmError
from summarizer.model import Document

if TYPE_CHECKING:
    from scipy import sparse

__all__ = ["ALGORITHMS", "ENGINES", "rank", "term_matrix"]

ALGORITHMS: tuple[str, ...] = ("lexrank", "textrank", "lsa", "luhn", "edmundson", "kl", "sumbasic", "reduction", "random")
ENGINES: tuple[str, ...] = ("fast", "sumy")


def rank(
    document: Document, algorithm: str, *, engine: str = "fast", language: str = "english", seed: int = 0
) -> tuple[float, ...]:
    """Rate every sentence of ``document`` by importance.

    Args:
        document: the sentences to rate.
        algorithm: one of :data:`ALGORITHMS`.
        engine: ``"fast"`` (evenhand's vectorised code) or ``"sumy"``.
        language: the language whose stemmer and stop words to use (sumy's names, e.g.
            ``"english"``).
        seed: the seed of the ``random`` algorithm; the same seed gives the same ratings.

    Returns:
        One raw rating per sentence, in document order; higher is more important.  The
        scale depends on the algorithm (greedy ones rate ``-step``, 0 for the first pick).

    Raises:
        UnknownAlgorithmError: ``algorithm`` or ``engine`` is not one of the names above.
        LookupError: no stemmer or stop words for ``language``.
    """
    if algorithm not in ALGORITHMS:
        raise UnknownAlgorithmError(f"unknown algorithm {algorithm!r}; choose one of: {', '.join(ALGORITHMS)}")
    if engine not in ENGINES:
        raise UnknownAlgorithmError(f"unknown engine {engine!r}; choose one of: {', '.join(ENGINES)}")
    if engine == "sumy":
        from summarizer.rank.sumy_adapter import rank_with_sumy

        return rank_with_sumy(document, algorithm, language=language, seed=seed)
    from summarizer.rank.fast import rank_fast

    return rank_fast(document, algorithm, language=language, seed=seed)


def term_matrix(document: Document, *, language: str = "english") -> sparse.csr_matrix:
    """Count every sentence's terms, read as the ranking algorithms read them.

    Terms are lower-cased words that are not stop words, stemmed (sumy's stemmer and
    stop words for ``language``).  Useful for similarity between sentences.

    Args:
        document: the sentences.
        language: the language whose stemmer and stop words to use.

    Returns:
        A sparse ``len(document) x terms`` matrix of counts (at least one column); row
        ``i`` is sentence ``i``, all zero when it has no terms.

    Raises:
        LookupError: no stemmer or stop words for ``language``.
    """
    from scipy import sparse

    from summarizer.rank.terms import content_stems, count_terms, language_tools, sentence_words

    stems = content_stems(sentence_words(document), language_tools(language))
    return sparse.csr_matrix(count_terms(stems).counts)
