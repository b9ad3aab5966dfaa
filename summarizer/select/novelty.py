"""The facts a candidate would add to the summary (:mod:`summarizer.facts`: numbers, dates, names),
kept up to date as the greedy choice keeps sentences: a small bonus to its value."""

from __future__ import annotations

from collections.abc import Sequence

from summarizer.facts import is_quantity, sentence_facts
from summarizer.model import Document

#: Facts (:mod:`summarizer.facts`: numbers, dates, names): a candidate gains up to this much
#: value for the facts it adds that no kept sentence carries yet, recomputed after every
#: choice (greedy), weighed down by its bias like the rest of its value.  Small, a tie-breaker:
#: on BBC dev every weight tried lowered ROUGE-2 (0.02: −0.002, 0.1: −0.007, 0.3: −0.042, the
#: same on both halves by id) and raised the kept crowd bias on Lim dev; docs/evaluation.md.
W_FACTS = 0.01
#: This many new facts earn the whole of :data:`W_FACTS`; fewer earn a share.
FACTS_FULL = 3
#: The scale of the news: a candidate that carries a quantity no kept sentence carries yet (a
#: count, an amount, a share: "roughly 56,000 people were detained", "$4.2 million"; not a year,
#: :func:`summarizer.facts.is_quantity`) gains this much more value, weighed down by its bias like
#: the facts' bonus.  A summary that keeps one more framing sentence instead of the numbers loses
#: the news.  Chosen on BBC dev (ROUGE-2) and Lim dev (kept crowd bias), docs/evaluation.md.
W_QUANTITY = 0.02


class Novelty:
    """Facts a candidate would add to the summary (:mod:`summarizer.facts`), kept up to date greedily.

    ``gain`` holds every sentence's bonus now: :data:`W_FACTS` times the share of
    :data:`FACTS_FULL` new facts it carries (at most all of it), times its bias factor, so a
    loaded sentence is not lifted by its numbers.  Keeping a sentence covers its facts; the
    bonus is then recomputed in one sparse product.
    """

    def __init__(self, document: Document, bias_factor: Sequence[float]) -> None:
        import numpy as np
        from scipy import sparse

        facts = sentence_facts(document)
        keys: dict[str, int] = {}
        columns = [[keys.setdefault(k, len(keys)) for k in found] for found in facts]
        indptr = np.cumsum([0, *map(len, columns)])
        data = np.ones(int(indptr[-1]))
        indices = np.asarray([c for row in columns for c in row], dtype=np.int64)
        self.matrix = sparse.csr_matrix((data, indices, indptr), shape=(len(facts), max(1, len(keys))))
        self.facts = facts
        self.uncovered = np.ones(self.matrix.shape[1])
        factor = np.asarray(bias_factor, dtype=float)
        self.scale = W_FACTS * factor / FACTS_FULL
        #: Which facts are quantities (:data:`W_QUANTITY`), and the bonus a new one earns each sentence.
        self.quantity = np.zeros(self.matrix.shape[1])
        for key, column in keys.items():
            if is_quantity(key):
                self.quantity[column] = 1.0
        self.quantity_scale = W_QUANTITY * factor
        #: The facts each kept sentence added when it was kept, as the text says them.
        self.added: dict[int, tuple[str, ...]] = {}
        self._update()

    def _update(self) -> None:
        import numpy as np

        self.new = self.matrix @ self.uncovered
        self.gain = self.scale * np.minimum(self.new, FACTS_FULL)
        if W_QUANTITY:
            self.gain = self.gain + self.quantity_scale * np.minimum(self.matrix @ (self.uncovered * self.quantity), 1.0)

    def new_count(self, i: int) -> int:
        return int(self.new[i])

    def rebuild(self, kept: Sequence[int]) -> None:
        """What is covered, from the sentences kept now."""
        self.uncovered[:] = 1.0
        for j in kept:
            self.uncovered[self.matrix.indices[self.matrix.indptr[j] : self.matrix.indptr[j + 1]]] = 0.0
        self._update()

    def keep(self, j: int) -> None:
        first, last = self.matrix.indptr[j], self.matrix.indptr[j + 1]
        columns = self.matrix.indices[first:last]
        fresh = columns[self.uncovered[columns] > 0]
        if fresh.size:
            fresh_set = set(fresh.tolist())
            self.added[j] = tuple(
                surface for column, surface in zip(columns.tolist(), self.facts[j].values(), strict=True)
                if column in fresh_set
            )
            self.uncovered[fresh] = 0.0
            self._update()


class PureNovelty:
    """:class:`Novelty` in pure Python for a short text: the same counts and bonuses, kept up to date
    for only the sentences that share a fact with the one kept."""

    def __init__(self, document: Document, bias_factor: Sequence[float]) -> None:
        facts = sentence_facts(document)
        keys: dict[str, int] = {}
        self.columns = [[keys.setdefault(k, len(keys)) for k in found] for found in facts]
        self.having: list[list[int]] = [[] for _ in keys]
        for i, row in enumerate(self.columns):
            for column in row:
                self.having[column].append(i)
        self.facts = facts
        self.uncovered = [True] * len(keys)
        self.scale = [W_FACTS * b / FACTS_FULL for b in bias_factor]
        #: Which facts are quantities (:data:`W_QUANTITY`), and the bonus a new one earns each sentence.
        self.quantity = [False] * len(keys)
        for key, column in keys.items():
            self.quantity[column] = is_quantity(key)
        self.quantity_scale = [W_QUANTITY * b for b in bias_factor]
        self.new_quantities = [float(sum(1 for c in row if self.quantity[c])) for row in self.columns]
        self.added: dict[int, tuple[str, ...]] = {}
        self.new = [float(len(row)) for row in self.columns]
        self.gain = [0.0] * len(facts)
        for i in range(len(facts)):
            self._gain(i)

    def _gain(self, i: int) -> None:
        self.gain[i] = self.scale[i] * min(self.new[i], float(FACTS_FULL))
        if W_QUANTITY:
            self.gain[i] = self.gain[i] + self.quantity_scale[i] * min(self.new_quantities[i], 1.0)

    def new_count(self, i: int) -> int:
        return int(self.new[i])

    def rebuild(self, kept: Sequence[int]) -> None:
        """What is covered, from the sentences kept now."""
        self.uncovered = [True] * len(self.uncovered)
        for j in kept:
            for column in self.columns[j]:
                self.uncovered[column] = False
        uncovered = self.uncovered
        for i, row in enumerate(self.columns):
            self.new[i] = float(sum(1 for column in row if uncovered[column]))
            self.new_quantities[i] = float(sum(1 for column in row if uncovered[column] and self.quantity[column]))
            self._gain(i)

    def keep(self, j: int) -> None:
        columns = self.columns[j]
        fresh = [column for column in columns if self.uncovered[column]]
        if not fresh:
            return
        fresh_set = set(fresh)
        self.added[j] = tuple(
            surface for column, surface in zip(columns, self.facts[j].values(), strict=True) if column in fresh_set
        )
        touched: set[int] = set()
        for column in fresh:
            self.uncovered[column] = False
            for i in self.having[column]:
                self.new[i] -= 1.0  # whole numbers: the same as summing the row again
                if self.quantity[column]:
                    self.new_quantities[i] -= 1.0
                touched.add(i)
        for i in touched:
            self._gain(i)


def weigh_facts(document: Document, bias_factor: Sequence[float], *, pure: bool) -> Novelty | PureNovelty | None:
    """The facts' bookkeeping for a choice (``pure``: in pure Python, for a short text); ``None``
    where neither facts nor quantities weigh anything."""
    if not (W_FACTS or W_QUANTITY):
        return None
    return PureNovelty(document, bias_factor) if pure else Novelty(document, bias_factor)
