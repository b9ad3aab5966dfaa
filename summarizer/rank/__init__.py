"""Importance: one rating per sentence from a named algorithm, on one of two engines.

``engine="fast"`` (the default) is evenhand's own NumPy/SciPy code; ``engine="sumy"`` runs
sumy's summarizers on evenhand's sentences and words.  Both read the same words and rate
the same way, so they pick the same sentences; the fast engine is orders of magnitude
quicker on long texts (see ``benchmarks/``).
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise
from typing import TYPE_CHECKING

from summarizer.errors import UnknownAlgorithmError
from summarizer.model import Document
from summarizer.rank.algorithms import ALGORITHMS, ENGINES, QUADRATIC, algorithm_named

if TYPE_CHECKING:
    from scipy import sparse

__all__ = ["ALGORITHMS", "BLOCK_SENTENCES", "ENGINES", "block_note", "rank", "term_matrix"]

#: Above this many sentences the fast engine rates the quadratic algorithms (those that
#: compare every sentence with every other) block by block, so time and memory stay linear.
BLOCK_SENTENCES = 2000
_QUADRATIC = QUADRATIC


def block_note(sentences: int, algorithm: str, engine: str) -> str | None:
    """What the reader should know when :func:`rank` rated a long text in blocks, else ``None``."""
    if engine != "fast" or algorithm not in _QUADRATIC or sentences <= BLOCK_SENTENCES:
        return None
    return (
        f"the text has {sentences:,} sentences: {algorithm} rated them in blocks of about"
        f" {BLOCK_SENTENCES:,}, each against its own block, to keep time and memory in bounds"
    )


def rank(
    document: Document,
    algorithm: str,
    *,
    engine: str = "fast",
    language: str = "english",
    seed: int = 0,
    words: Sequence[Sequence[str]] | None = None,
    stems: Sequence[Sequence[str]] | None = None,
) -> tuple[float, ...]:
    """Rate every sentence of ``document`` by importance.

    Args:
        document: the sentences to rate.
        algorithm: one of :data:`ALGORITHMS`.
        engine: ``"fast"`` (evenhand's vectorised code) or ``"sumy"``.
        language: the language whose stemmer and stop words to use (sumy's names, e.g.
            ``"english"``).
        seed: the seed of the ``random`` algorithm; the same seed gives the same ratings.
        words: every sentence's words (:func:`summarizer.tokens.words`), when the caller
            has them already; the fast engine then does not split the sentences again.
        stems: every sentence's content stems (:func:`summarizer.rank.terms.content_stems` of
            ``words`` for ``language``), when the caller has them already; the fast engine's
            algorithms that read stems then read these.

    Returns:
        One raw rating per sentence, in document order; higher is more important.  The
        scale depends on the algorithm (greedy ones rate ``-step``, 0 for the first pick).

    Raises:
        UnknownAlgorithmError: ``algorithm`` or ``engine`` is not one of the names above.
        LookupError: no stemmer or stop words for ``language``.
    """
    algorithm_named(algorithm)
    if engine not in ENGINES:
        raise UnknownAlgorithmError(f"unknown engine {engine!r}; choose one of: {', '.join(ENGINES)}")
    if engine == "sumy":
        from summarizer.rank.sumy_adapter import rank_with_sumy

        return rank_with_sumy(document, algorithm, language=language, seed=seed)
    from summarizer.rank.fast import rank_fast

    n = len(document.sentences)
    if algorithm not in _QUADRATIC or n <= BLOCK_SENTENCES:
        return rank_fast(document, algorithm, language=language, seed=seed, words=words, stems=stems)
    ratings: list[float] = []
    for start, end in _blocks(document):
        part = Document(text=document.text, sentences=document.sentences[start:end], paragraphs=())
        block_words = None if words is None else words[start:end]
        block_stems = None if stems is None else stems[start:end]
        ratings.extend(
            _unit_scale(rank_fast(part, algorithm, language=language, seed=seed, words=block_words, stems=block_stems))
        )
    return tuple(ratings)


def _blocks(document: Document) -> list[tuple[int, int]]:
    """Runs of about BLOCK_SENTENCES sentences, cut at paragraph ends where one is near."""
    n = len(document.sentences)
    count = -(-n // BLOCK_SENTENCES)
    size = -(-n // count)
    cuts = [0]
    while n - cuts[-1] > size:
        cut = cuts[-1] + size
        # Move the cut back to the start of a paragraph if one starts within a tenth of a block.
        for candidate in range(cut, max(cuts[-1] + 1, cut - size // 10), -1):
            if document.sentences[candidate].paragraph != document.sentences[candidate - 1].paragraph:
                cut = candidate
                break
        cuts.append(cut)
    cuts.append(n)
    return list(pairwise(cuts))


def _unit_scale(ratings: tuple[float, ...]) -> list[float]:
    """Scale one block's ratings to [0, 1], so blocks compare on the same footing."""
    low, high = min(ratings), max(ratings)
    if high - low <= 0:
        return [1.0] * len(ratings)
    return [(r - low) / (high - low) for r in ratings]


def term_matrix(
    document: Document,
    *,
    language: str = "english",
    words: Sequence[Sequence[str]] | None = None,
    stems: Sequence[Sequence[str]] | None = None,
) -> sparse.csr_matrix:
    """Count every sentence's terms, read as the ranking algorithms read them.

    Terms are lower-cased words that are not stop words, stemmed (sumy's stemmer and
    stop words for ``language``).  Useful for similarity between sentences.

    Args:
        document: the sentences.
        language: the language whose stemmer and stop words to use.
        words: every sentence's words, when the caller has them already.
        stems: every sentence's terms (:func:`summarizer.rank.terms.content_stems`), when the
            caller has them already.

    Returns:
        A sparse ``len(document) x terms`` matrix of counts (at least one column); row
        ``i`` is sentence ``i``, all zero when it has no terms.

    Raises:
        LookupError: no stemmer or stop words for ``language``.
    """
    from scipy import sparse

    from summarizer.rank.terms import content_stems, count_terms, language_tools, sentence_words

    if stems is None:
        stems = content_stems(sentence_words(document) if words is None else words, language_tools(language))
    return sparse.csr_matrix(count_terms(stems).counts)
