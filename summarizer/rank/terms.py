"""The words each ranking algorithm reads, prepared as sumy prepares them, as sparse matrices.

sumy lower-cases every word, drops stop words (compared after lower-casing) and stems
what is left with its Snowball stemmer; the fast engine must read exactly the same terms
to pick the same sentences, so it takes sumy's stemmer and stop words (through
:mod:`summarizer.rank.sumy_adapter`) and caches the stems.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from summarizer import tokens
from summarizer.model import Document

if TYPE_CHECKING:  # NumPy and SciPy are imported where a matrix is made, not to import this module
    import numpy as np
    from scipy import sparse

#: What :attr:`Language.terms` holds for a stop word.
_STOP = "\x00stop"
#: Distinct words kept in :attr:`Language.terms` before it starts again (memory stays bounded).
_TERMS_LIMIT = 200_000


@dataclass(frozen=True, slots=True)
class Language:
    """What a language contributes: ``stem`` (lower-cases, then stems) and the stop words.

    ``terms`` caches, per word as written, its stem or ``_STOP`` for a stop word, so each
    distinct word is lower-cased, looked up and stemmed once per process.
    """

    name: str
    stem: Callable[[str], str]
    stop_words: frozenset[str]
    terms: dict[str, str]

    def term(self, word: str) -> str:
        """The stem of ``word`` as written, or ``_STOP``; remembered in :attr:`terms`."""
        if len(self.terms) >= _TERMS_LIMIT:
            self.terms.clear()
        lower = word.lower()
        term = _STOP if lower in self.stop_words else self.stem(lower)
        self.terms[word] = term
        return term


@lru_cache(maxsize=8)
def language_tools(language: str) -> Language:
    """The stemmer and stop words of ``language``: sumy's, or for English the same stems.

    English, the default, is stemmed by :mod:`summarizer.rank.english_stem`, NLTK's
    English stemmer (the one sumy uses) without the second it takes to import NLTK;
    other languages by sumy's own stemmer.

    Raises:
        LookupError: no stemmer or stop words for ``language``.
    """
    from summarizer.rank import language as tools

    stemmer: Callable[[str], str]
    if language.lower() == "english":
        from summarizer.rank import english_stem

        stemmer = english_stem.stem
    else:
        stemmer = tools.stemmer(language)
    stop_words = tools.stop_words(language)

    # Cached on the lower-cased word, so "The" and "the" cost one call to the stemmer.
    stem_lower = lru_cache(maxsize=1 << 17)(stemmer)

    def stem(word: str) -> str:
        return stem_lower(word.lower())

    return Language(language, stem, stop_words, {})


def sentence_words(document: Document) -> list[tuple[str, ...]]:
    """The words of every sentence, as written (sumy's ``Sentence.words``)."""
    return [tokens.words(sentence.text) for sentence in document.sentences]


def content_stems(words: Sequence[Sequence[str]], language: Language) -> list[list[str]]:
    """Per sentence: lower-cased words that are not stop words, stemmed (sumy's ``_to_words_set``)."""
    known = language.terms.get
    result: list[list[str]] = []
    for ws in words:
        found: list[str | None] = list(map(known, ws))
        if None in found:
            found = [term if term is not None else language.term(word) for word, term in zip(ws, found, strict=True)]
        result.append([term for term in found if term is not _STOP and term is not None])
    return result


@dataclass(frozen=True, slots=True)
class Terms:
    """Term counts per sentence: ``counts[i, t]`` is how often term ``t`` occurs in sentence ``i``.

    ``order[i]`` holds sentence ``i``'s term ids in reading order (repeats kept);
    ``lengths[i]`` is its number of terms.
    """

    counts: sparse.csr_array
    vocabulary: dict[str, int]
    order: list[list[int]]
    lengths: np.ndarray


def count_terms(per_sentence: Sequence[Sequence[str]], vocabulary: dict[str, int] | None = None) -> Terms:
    """Build :class:`Terms` from each sentence's terms (new terms are added to ``vocabulary``)."""
    import numpy as np
    from scipy import sparse

    vocab: dict[str, int] = {} if vocabulary is None else vocabulary
    order = [[vocab.setdefault(term, len(vocab)) for term in terms] for terms in per_sentence]
    lengths = np.fromiter((len(ids) for ids in order), dtype=np.int64, count=len(order))
    rows = np.repeat(np.arange(len(order)), lengths)
    cols = np.fromiter((t for ids in order for t in ids), dtype=np.int64, count=int(lengths.sum()))
    counts = sparse.csr_array(
        (np.ones(len(cols)), (rows, cols)), shape=(len(order), max(len(vocab), 1))
    )
    counts.sum_duplicates()  # also sorts the column indices of each row
    return Terms(counts, vocab, order, lengths)


def sequential_row_sums(matrix: sparse.csr_array) -> np.ndarray:
    """Sum each row's stored values left to right, one addition at a time.

    This is how Python's ``sum`` and sumy's ``+=`` loops add, so the result is bit for bit
    theirs (numpy's own sums add pairwise, which can differ in the last place).
    """
    import numpy as np

    matrix.sort_indices()
    lengths = np.diff(matrix.indptr)
    totals = np.zeros(matrix.shape[0])
    # Rows longest first: the rows with more than k values are then a prefix.
    by_length = np.argsort(-lengths, kind="stable")
    sorted_lengths = lengths[by_length]
    starts = matrix.indptr[:-1][by_length]
    for k in range(int(sorted_lengths[0]) if len(sorted_lengths) else 0):
        live = int(np.searchsorted(-sorted_lengths, -k, side="left"))
        rows = by_length[:live]
        totals[rows] += matrix.data[starts[:live] + k]
    return totals


def paragraph_spans(document: Document) -> list[tuple[int, int]]:
    """Each paragraph as ``(first, stop)`` sentence indices, tiling the sentences in order.

    Falls back to one paragraph holding every sentence if the document's paragraphs do
    not tile its sentences (they always should), so no sentence is lost or repeated.
    """
    spans = [(p.first_sentence, p.last_sentence + 1) for p in document.paragraphs]
    expected = 0
    for first, stop in spans:
        if first != expected or stop <= first:
            break
        expected = stop
    else:
        if expected == len(document.sentences):
            return spans
    return [(0, len(document.sentences))] if document.sentences else []
