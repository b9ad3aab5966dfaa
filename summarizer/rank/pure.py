"""Pure-Python rankings for short texts, bit for bit those of the NumPy/SciPy code.

Importing NumPy and SciPy costs a new process about a third of a second, far more than
rating a news article does; so up to :data:`SMALL_SENTENCES` sentences the fast engine
rates with these functions (:attr:`~summarizer.rank.algorithms.Algorithm.small`), which
do the same arithmetic in the same order and so return the same floats.  Above it the
sparse products of :mod:`~summarizer.rank.graph` are quicker.  ``tests/rank`` checks the
two agree exactly.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

__all__ = ["SMALL_SENTENCES", "reduction"]

#: Up to this many sentences the pure-Python functions are used (they are quicker than
#: NumPy's per-call overhead there, and need no import); above it, NumPy and SciPy.
SMALL_SENTENCES = 150


def reduction(stems: Sequence[Sequence[str]]) -> list[float]:
    """Reduction as :func:`summarizer.rank.graph.reduction` computes it, without NumPy.

    A sentence's rating is the sum, over every other sentence it shares a term with (in
    sentence order, as the sparse row is summed), of the shared term pairs over
    ``log(len_i) + log(len_j)`` (0 when both have one term).
    """
    vocabulary: dict[str, int] = {}
    counts: list[dict[int, int]] = []
    logs: list[float] = []
    postings: dict[int, list[tuple[int, int]]] = {}
    for i, terms in enumerate(stems):
        row: dict[int, int] = {}
        for term in terms:
            t = vocabulary.setdefault(term, len(vocabulary))
            row[t] = row.get(t, 0) + 1
        counts.append(row)
        logs.append(math.log(len(terms)) if terms else 0.0)
        for t, c in row.items():
            postings.setdefault(t, []).append((i, c))
    ratings: list[float] = []
    for i, row in enumerate(counts):
        shared: dict[int, int] = {}
        for t, c in row.items():
            for j, d in postings[t]:
                shared[j] = shared.get(j, 0) + c * d
        total = 0.0
        log_i = logs[i]
        for j in sorted(shared):
            norm = log_i + logs[j]
            if norm != 0.0 and j != i:
                total += shared[j] / norm
        ratings.append(total)
    return ratings
