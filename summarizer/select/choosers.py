"""The greedy choosers: which open candidate is best now, and how much it repeats what is kept.

:class:`Chooser` measures redundancy by cosine similarity with sparse products (maximal marginal
relevance), :class:`PureChooser` does the same arithmetic in pure Python for a short text (NumPy and
SciPy cost more to import than the work), and :class:`LargeChooser` catches only exact repeats for
a very long text, so time stays linear.
"""

from __future__ import annotations

import math
from array import array
from collections.abc import Sequence
from typing import TYPE_CHECKING

from summarizer.analysis import Analysis
from summarizer.model import Document
from summarizer.rank import pure, term_matrix
from summarizer.tokens import words as word_list

if TYPE_CHECKING:  # imported where a matrix is made: NumPy and SciPy are not loaded to import this module
    import numpy as np
    from scipy import sparse

    from summarizer.select.balance import VoiceTally
    from summarizer.select.novelty import Novelty, PureNovelty


#: Cosine similarity above which a sentence repeats one already kept.
REPEATS = 0.8
#: Up to this many sentences redundancy is measured by cosine similarity (MMR); above it,
#: only exact repeats (the same words in the same order) are caught, so time stays linear.
MMR_SENTENCES = 5000
#: How much similarity to what is kept counts against a candidate (MMR's trade-off).  0 since issue 12:
#: on BBC dev 0.1 cost ROUGE-2 and near repeats are still skipped (:data:`REPEATS`).
W_REDUNDANCY = 0.0


class BaseChooser:
    """Greedy choice of sentences by value, skipping repeats of what is already kept.

    Subclasses say how similar a candidate is to what is kept (:meth:`nearest_kept`,
    :meth:`similarity_to_kept`) and which open candidate is best now (:meth:`best`).
    """

    def __init__(self, value: Sequence[float]) -> None:
        self.value = value
        #: 1 for each open candidate (a ``bytearray``, which NumPy reads without a copy).
        self.open_mask = bytearray(len(value))
        self.kept: list[int] = []
        self.kept_set: set[int] = set()
        self.words = 0
        self.repeats: dict[int, int] = {}
        #: What a candidate adds that the kept ones do not carry (facts); ``None``: not weighed.
        self.novelty: Novelty | PureNovelty | None = None
        #: The kept sentences' voices, told of every sentence kept or dropped; ``None``: not counted.
        self.tally: VoiceTally | None = None
        #: A candidate's gain per place its group takes, where that was found lower than its own
        #: (:meth:`BaseChooser.share_per_place`); cleared whenever a sentence is kept (groups shrink).
        self.shares: dict[int, float] = {}

    def open(self, pool: Sequence[int]) -> None:
        """Make ``pool`` the candidates, less what is kept or was found to repeat."""
        mask = self.open_mask
        mask[:] = bytes(len(mask))
        for i in pool:
            if i not in self.kept_set and i not in self.repeats:
                mask[i] = 1

    def best(self) -> int | None:
        raise NotImplementedError

    def set_share(self, i: int, share: float) -> None:
        """Weigh candidate ``i`` by ``share`` (:meth:`share_per_place`) until a sentence is kept or dropped."""
        self.shares[i] = share

    def _clear_shares(self) -> None:
        self.shares.clear()

    def gain_of(self, i: int) -> float:
        """What ``i`` would add if kept now on its own: its value, less redundancy, plus new facts."""
        raise NotImplementedError

    def share_per_place(self, i: int, group: Sequence[int], counts: Sequence[int], word_limit: int | None) -> float | None:
        """What ``i`` is worth for each place its group takes (its sentences, or its words under a word
        budget), when the group brings sentences not kept yet; ``None`` when it brings none.

        A sentence that needs two others to read right fills three places: it is worth keeping only if
        the three together are worth three places' value, not one (:data:`GROUP_SHARE`)."""
        fresh = [j for j in group if j not in self.kept_set]
        if len(fresh) <= 1:
            return None
        together = sum(self.gain_of(j) for j in fresh)
        if word_limit is None:
            return together / len(fresh)
        words = sum(counts[j] for j in fresh)
        return together * counts[i] / words if words else None

    def nearest_kept(self, i: int) -> int | None:
        raise NotImplementedError

    def similarity_to_kept(self, i: int) -> float:
        raise NotImplementedError

    def _kept_one(self, j: int) -> None:
        """Update similarity bookkeeping after ``j`` is kept."""

    def reject(self, i: int, *, repeats: int | None = None) -> None:
        self.open_mask[i] = 0
        if repeats is not None:
            self.repeats[i] = repeats

    def fits(self, group: Sequence[int], counts: Sequence[int], word_limit: int | None, target: int) -> bool:
        fresh = [j for j in group if j not in self.kept_set]
        if word_limit is None:
            return len(self.kept) + len(fresh) <= target
        return self.words + sum(counts[j] for j in fresh) <= word_limit

    def keep(self, group: Sequence[int], counts: Sequence[int]) -> None:
        self._clear_shares()
        for j in group:
            if j in self.kept_set:
                continue
            self.kept.append(j)
            self.kept_set.add(j)
            self.words += counts[j]
            self.open_mask[j] = 0
            self._kept_one(j)
            if self.novelty is not None:
                self.novelty.keep(j)
            if self.tally is not None:
                self.tally.add(j)

    def drop(self, j: int, counts: Sequence[int]) -> None:
        """Take back kept sentence ``j`` (the similarities and facts are worked out again from what stays)."""
        if j not in self.kept_set:
            return
        self._clear_shares()
        self.kept.remove(j)
        self.kept_set.discard(j)
        self.words -= counts[j]
        if self.tally is not None:
            self.tally.remove(j)
        self._rebuild()
        if self.novelty is not None:
            self.novelty.rebuild(self.kept)

    def _rebuild(self) -> None:
        """Similarity bookkeeping from the kept sentences alone."""

    def repeats_kept(self, i: int) -> int | None:
        """The kept sentence that open candidate ``i`` nearly repeats (:data:`REPEATS`), if any."""
        twin = self.nearest_kept(i)
        return twin if twin is not None and self.similarity_to_kept(i) >= REPEATS else None

    def repeated_by(self, i: int) -> int | None:
        """The kept sentence that ``i`` (not kept) nearly repeats, if any."""
        if i in self.repeats:
            return self.repeats[i]
        if i in self.kept_set or self.similarity_to_kept(i) < REPEATS:
            return None
        return self.nearest_kept(i)

    def done(self, word_limit: int | None, target: int) -> bool:
        return word_limit is None and len(self.kept) >= target

    def release(self) -> None:
        """Let go of the bookkeeping of the choice, once it is made (``kept`` stays)."""
        self.open_mask = bytearray()
        self.kept_set = set()
        self.repeats = {}
        self.novelty = self.tally = None


class Chooser(BaseChooser):
    """Maximal marginal relevance over cosine similarity, vectorised over all candidates.

    Keeps, for every sentence, its highest similarity to any kept sentence, so each step
    is one pass over an array instead of a pass over every kept sentence; a kept
    sentence's similarities are computed once, when it is kept (one sparse row product),
    so no sentence × sentence matrix is ever built.
    """

    def __init__(self, rows: sparse.csr_matrix, value: Sequence[float]) -> None:
        import numpy as np
        from scipy import sparse

        super().__init__(value)
        self.values = np.asarray(value, dtype=float)
        n = len(value)
        self.rows = rows
        self.columns = sparse.csr_matrix(rows.T)
        self.max_sim = np.zeros(n)
        self.nearest = np.full(n, -1, dtype=np.int64)
        #: :meth:`gains` as last computed: it changes only when a sentence is kept or dropped.
        self._gains: np.ndarray | None = None
        #: A copy of ``_gains`` with the shares written in, kept up as shares are set (``None``: made
        #: again at the next :meth:`best`), so a step does not copy the gains and write every share again.
        self._shared: np.ndarray | None = None

    def set_share(self, i: int, share: float) -> None:
        super().set_share(i, share)
        if self._shared is not None:
            self._shared[i] = share

    def _clear_shares(self) -> None:
        super()._clear_shares()
        self._shared = None

    def best(self) -> int | None:
        import numpy as np

        if 1 not in self.open_mask:  # a byte search: cheaper than NumPy's any() for one step
            return None
        open_mask = np.frombuffer(self.open_mask, dtype=np.bool_)
        if self._gains is None:
            self._gains = self.gains()
            self._shared = None
        gain = self._gains
        if self.shares:
            if self._shared is None:
                self._shared = gain.copy()
                at = np.fromiter(self.shares, dtype=np.int64)
                self._shared[at] = np.fromiter(self.shares.values(), dtype=float)
            gain = self._shared
        gain = np.where(open_mask, gain, -np.inf)
        return int(np.argmax(gain))  # argmax takes the first maximum: ties go to the earlier sentence

    def gains(self) -> np.ndarray:
        """Every sentence's gain if kept now on its own: its value, less redundancy, plus new facts."""
        gain: np.ndarray = self.values - W_REDUNDANCY * self.max_sim
        if self.novelty is not None:
            gain = gain + self.novelty.gain
        return gain

    def gain_of(self, i: int) -> float:
        gain = self.values[i] - W_REDUNDANCY * self.max_sim[i]
        if self.novelty is not None:
            gain = gain + self.novelty.gain[i]
        return float(gain)

    def nearest_kept(self, i: int) -> int | None:
        j = int(self.nearest[i])
        return None if j < 0 else j

    def _rebuild(self) -> None:
        self._gains = self._shared = None
        self.max_sim[:] = 0.0
        self.nearest[:] = -1
        for j in self.kept:
            self._kept_one(j)

    def similarity_to_kept(self, i: int) -> float:
        return float(self.max_sim[i])

    def _kept_one(self, j: int) -> None:
        import numpy as np

        # Row j times the term columns, summed term by term in the order scipy's sparse
        # product uses (so bit for bit its result), without scipy's per-call overhead.
        self._gains = self._shared = None  # the similarities change, and the facts with them (the caller keeps j's)
        rows, columns = self.rows, self.columns
        first, last = rows.indptr[j], rows.indptr[j + 1]
        terms, weights = rows.indices[first:last], rows.data[first:last]
        starts = columns.indptr[terms]
        lengths = columns.indptr[terms + 1] - starts
        # Each term's column entries one after another, term by term: one gather, not a slice per term.
        at = np.repeat(starts - np.cumsum(lengths) + lengths, lengths) + np.arange(int(lengths.sum()))
        sentences = columns.indices[at]
        products = np.repeat(weights, lengths) * columns.data[at]
        row = np.bincount(sentences.astype(np.int64), weights=products, minlength=self.max_sim.shape[0])
        closer = row > self.max_sim
        self.nearest[closer] = j
        self.max_sim = np.maximum(self.max_sim, row)


class PureChooser(BaseChooser):
    """:class:`Chooser` in pure Python for a short text: the same similarities, summed in the same
    order, and the same choice (the first best open candidate)."""

    def __init__(self, rows: tuple[list[list[tuple[int, float]]], list[list[tuple[int, float]]]], value: Sequence[float]) -> None:
        super().__init__(value)
        n = len(value)
        self.rows, self.columns = rows
        self.max_sim = [0.0] * n
        self.nearest = [-1] * n

    def best(self) -> int | None:
        value, max_sim, open_mask, shares = self.value, self.max_sim, self.open_mask, self.shares
        gain = self.novelty.gain if self.novelty is not None else None
        best: int | None = None
        top = 0.0
        for i in range(len(open_mask)):
            if not open_mask[i]:
                continue
            g = value[i] - W_REDUNDANCY * max_sim[i]
            if gain is not None:
                g = g + gain[i]
            if shares and i in shares:
                g = shares[i]
            if best is None or g > top:
                best, top = i, g
        return best

    def gain_of(self, i: int) -> float:
        g = self.value[i] - W_REDUNDANCY * self.max_sim[i]
        if self.novelty is not None:
            g = g + self.novelty.gain[i]
        return float(g)

    def nearest_kept(self, i: int) -> int | None:
        j = self.nearest[i]
        return None if j < 0 else j

    def _rebuild(self) -> None:
        self.max_sim = [0.0] * len(self.max_sim)
        self.nearest = [-1] * len(self.nearest)
        for j in self.kept:
            self._kept_one(j)

    def similarity_to_kept(self, i: int) -> float:
        return self.max_sim[i]

    def _kept_one(self, j: int) -> None:
        row: dict[int, float] = {}
        for term, weight in self.rows[j]:
            for i, other in self.columns[term]:
                row[i] = row.get(i, 0.0) + weight * other
        max_sim, nearest = self.max_sim, self.nearest
        for i, similarity in row.items():
            if similarity > max_sim[i]:
                max_sim[i] = similarity
                nearest[i] = j


class LargeChooser(BaseChooser):
    """The same choice for very long texts: best value first, exact repeats skipped.

    Similarity is 1 between sentences with the same words in the same order and 0
    otherwise, so each step costs a dictionary look-up.
    """

    def __init__(self, document: Document, value: Sequence[float]) -> None:
        import numpy as np

        super().__init__(value)
        # Best value first, ties in document order (as NumPy's lexsort on (index, -value) gave): a
        # stable sort of the negated values, in machine numbers (no key tuple or float object per sentence).
        self.order = array("q")
        self.order.frombytes(np.argsort(-np.asarray(value, dtype=np.float64), kind="stable").astype(np.int64).tobytes())
        self.position = 0
        # A hash of the joined words per sentence (a tuple of words would cost ten times the
        # memory of the string, the string four times the hash); equal hashes are compared by words.
        self.document = document
        self.keys = array("q", (hash(self._key(i)) for i in range(len(value))))  # machine integers, not int objects
        # hash → the first kept sentence of each distinct key with that hash, and its key.
        self.first_with: dict[int, list[tuple[int, str]]] = {}
        self.last: tuple[int, int | None] = (-1, None)  # the last look-up, asked twice in a row

    def _key(self, i: int) -> str:
        return " ".join(word_list(self.document.sentences[i].text)).lower()

    def _first_kept_like(self, i: int) -> int | None:
        """The first kept sentence with the same words in the same order as ``i``, if any."""
        if self.last[0] == i:
            return self.last[1]
        kept = self.first_with.get(self.keys[i])
        found = None
        if kept:
            key = self._key(i)
            found = next((j for j, other in kept if other == key), None)
        self.last = (i, found)
        return found

    def open(self, pool: Sequence[int]) -> None:
        super().open(pool)
        self.position = 0

    def best(self) -> int | None:
        while self.position < len(self.order):
            i = self.order[self.position]
            self.position += 1
            if self.open_mask[i]:
                return i
        return None

    def nearest_kept(self, i: int) -> int | None:
        return self._first_kept_like(i)

    def similarity_to_kept(self, i: int) -> float:
        return 0.0 if self._first_kept_like(i) is None else 1.0

    def _kept_one(self, j: int) -> None:
        if self._first_kept_like(j) is None:
            self.first_with.setdefault(self.keys[j], []).append((j, self._key(j)))
        self.last = (-1, None)

    def _rebuild(self) -> None:
        self.first_with = {}
        for j in self.kept:
            self._kept_one(j)

    def release(self) -> None:
        super().release()
        self.order = array("q")
        self.keys = array("q")
        self.first_with = {}


def make_chooser(
    analysis: Analysis,
    content: Sequence[int],
    value: Sequence[float],
    language: str,
    stems: Sequence[Sequence[str]] | None = None,
) -> BaseChooser:
    """The chooser for this text's length.

    A short text is chosen in pure Python (NumPy and SciPy cost more to import than the work), a longer
    one with sparse products; both do the same arithmetic in the same order, so they choose alike.
    ``stems``: every sentence's terms, when the caller has them (the centrality read them too).
    """
    document = analysis.document
    if len(content) > MMR_SENTENCES:
        return LargeChooser(document, value)
    if len(document.sentences) <= pure.SMALL_SENTENCES:
        return PureChooser(pure_unit_rows(document, language, analysis.words, stems), value)
    return Chooser(unit_rows(document, language, analysis.words, stems), value)


def unit_rows(
    document: Document,
    language: str,
    words: Sequence[Sequence[str]] | None = None,
    stems: Sequence[Sequence[str]] | None = None,
) -> sparse.csr_matrix:
    """Sentence × term rows scaled to unit length: a row times the transpose gives cosines."""
    import numpy as np
    from scipy import sparse

    matrix = sparse.csr_matrix(term_matrix(document, language=language, words=words, stems=stems), dtype=float)
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sparse.csr_matrix(sparse.diags(1.0 / norms) @ matrix)


def pure_unit_rows(
    document: Document,
    language: str,
    words: Sequence[Sequence[str]] | None = None,
    stems: Sequence[Sequence[str]] | None = None,
) -> tuple[list[list[tuple[int, float]]], list[list[tuple[int, float]]]]:
    """:func:`unit_rows` in pure Python: each sentence's ``(term, weight)`` in the order SciPy's product
    leaves them (term ids falling), and each term's ``(sentence, weight)`` in sentence order."""
    from summarizer.rank.terms import content_stems, language_tools, sentence_words

    if stems is None:
        stems = content_stems(sentence_words(document) if words is None else words, language_tools(language))
    vocabulary: dict[str, int] = {}
    rows: list[list[tuple[int, float]]] = []
    for terms in stems:
        counts: dict[int, int] = {}
        for term in terms:
            t = vocabulary.setdefault(term, len(vocabulary))
            counts[t] = counts.get(t, 0) + 1
        # Squares of whole numbers sum exactly in any order; sqrt and 1/x are correctly rounded as NumPy's.
        norm = math.sqrt(sum(c * c for c in counts.values())) or 1.0
        scale = 1.0 / norm
        rows.append([(t, scale * counts[t]) for t in sorted(counts, reverse=True)])
    columns: list[list[tuple[int, float]]] = [[] for _ in vocabulary]
    for i, row in enumerate(rows):
        for t, weight in reversed(row):
            columns[t].append((i, weight))
    return rows, columns
