"""The ranking algorithms: one record each, read by :func:`summarizer.rank.rank`, both
engines, the options and the CLI.

A new algorithm is its fast function (in :mod:`~summarizer.rank.graph`,
:mod:`~summarizer.rank.greedy` or :mod:`~summarizer.rank.lexical`), sumy's class when sumy
has one, and one :class:`Algorithm` entry in :data:`ALGORITHM_TABLE`.  This module imports
nothing heavy, so the CLI can offer the names without loading NumPy.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from summarizer.errors import UnknownAlgorithmError

__all__ = ["ALGORITHMS", "ALGORITHM_TABLE", "ENGINES", "QUADRATIC", "Algorithm", "algorithm_named"]

#: What the fast function is given: the sentences' content stems; their words and the stop
#: words; their words and the language tools; those and the paragraphs' sentence spans; or
#: only the number of sentences.
Reads = Literal["stems", "words+stops", "words", "words+paragraphs", "count"]


@dataclass(frozen=True, slots=True)
class Algorithm:
    """One ranking algorithm.

    Attributes:
        name: what ``--algorithm`` and :func:`~summarizer.rank.rank` call it.
        about: what it rates, in a few words.
        fast: ``"module:function"`` of the fast engine's code, imported only when used.
        reads: what ``fast`` is given (:data:`Reads`).
        sumy: ``"module:Class"`` of sumy's summarizer (``None``: the adapter builds its own).
        quadratic: whether it compares every sentence with every other (rated block by block
            on long texts: :data:`summarizer.rank.BLOCK_SENTENCES`).
        small: ``"module:function"`` of a pure-Python version with the same ratings, bit for
            bit, used on texts of up to :data:`summarizer.rank.pure.SMALL_SENTENCES`
            sentences (no NumPy or SciPy to import); ``None``: ``fast`` always.
    """

    name: str
    about: str
    fast: str
    reads: Reads
    sumy: str | None
    quadratic: bool = False
    small: str | None = None


ALGORITHM_TABLE: tuple[Algorithm, ...] = (
    Algorithm("lexrank", "centrality in the graph of cosine similarities (thresholded)",
              "summarizer.rank.graph:lexrank", "stems", "sumy.summarizers.lex_rank:LexRankSummarizer", True),
    Algorithm("textrank", "PageRank over the graph of shared words",
              "summarizer.rank.graph:textrank", "stems", "sumy.summarizers.text_rank:TextRankSummarizer", True),
    Algorithm("lsa", "weight in the latent topics (singular value decomposition)",
              "summarizer.rank.lexical:lsa", "words", "sumy.summarizers.lsa:LsaSummarizer"),
    Algorithm("luhn", "clusters of significant words",
              "summarizer.rank.lexical:luhn", "words", "sumy.summarizers.luhn:LuhnSummarizer"),
    Algorithm("edmundson", "cue, key, title and location words",
              "summarizer.rank.lexical:edmundson", "words+paragraphs",
              "sumy.summarizers.edmundson:EdmundsonSummarizer"),
    Algorithm("kl", "greedy: the summary whose word distribution is nearest the text's",
              "summarizer.rank.greedy:kl", "words+stops", "sumy.summarizers.kl:KLSummarizer", True),
    Algorithm("sumbasic", "greedy: the most frequent words, their weight lowered once used",
              "summarizer.rank.greedy:sumbasic", "stems", "sumy.summarizers.sum_basic:SumBasicSummarizer", True),
    Algorithm("reduction", "the sum of a sentence's similarities to all the others",
              "summarizer.rank.graph:reduction", "stems", "sumy.summarizers.reduction:ReductionSummarizer", True,
              "summarizer.rank.pure:reduction"),
    Algorithm("random", "a seeded shuffle (a baseline)", "summarizer.rank.lexical:random_ratings", "count", None),
)

ALGORITHMS: tuple[str, ...] = tuple(a.name for a in ALGORITHM_TABLE)
ENGINES: tuple[str, ...] = ("fast", "sumy")
QUADRATIC: frozenset[str] = frozenset(a.name for a in ALGORITHM_TABLE if a.quadratic)
_BY_NAME = {a.name: a for a in ALGORITHM_TABLE}


def algorithm_named(name: str) -> Algorithm:
    """The algorithm called ``name``.

    Raises:
        UnknownAlgorithmError: no algorithm has that name.
    """
    record = _BY_NAME.get(name)
    if record is None:
        raise UnknownAlgorithmError(f"unknown algorithm {name!r}; choose one of: {', '.join(ALGORITHMS)}")
    return record
