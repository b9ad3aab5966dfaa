"""What the reader asked for: the options the app passes to :func:`summarizer.summarize`.

:class:`SummarySettings` is plain frozen data; each control in the app makes a new one
with a method below and hands it to the re-summarising worker.  Nothing here knows
Textual, so the rules (how "one sentence longer" or "next ratio" behave) are tested alone.
A setting the library would refuse is refused here by the library's own checks
(:mod:`summarizer.options`, :func:`summarizer.budget.check_budget`), with their
:class:`~summarizer.errors.OptionsError` and message.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from summarizer.budget import check_budget
from summarizer.options import (
    ALL_ALGORITHMS,
    DEFAULT_ALGORITHM,
    EDITS,
    NEUTRALITY_MAX,
    SummaryOptions,
    check_algorithm,
    check_edits,
    default_edits,
)

RATIOS: tuple[float, ...] = (0.1, 0.2, 0.3, 0.5, 0.75)
NEUTRALITY_STEP = 0.25


@dataclass(frozen=True, slots=True)
class SummarySettings:
    """The options of one summary.

    Attributes:
        algorithm: one of :data:`summarizer.ALL_ALGORITHMS`.
        sentences: keep this many sentences (``None``: the library's default, or ``ratio``).
        ratio: keep this share of the sentences (``None``: the library's default, or ``sentences``).
        edits: the edit level, one of :data:`summarizer.options.EDITS` (``None``: the
            algorithm's own, ``compress`` for ``neutral`` and ``none`` for sumy's).
        neutrality: how strongly ``neutral`` avoids loaded sentences (0 to 5).
    """

    algorithm: str = DEFAULT_ALGORITHM
    sentences: int | None = None
    ratio: float | None = None
    edits: str | None = None
    neutrality: float = 1.0

    def options(self) -> SummaryOptions:
        """The options for :func:`summarizer.summarize` (``options=``).

        Raises:
            OptionsError: a setting the library refuses.
        """
        return SummaryOptions(
            algorithm=self.algorithm, sentences=self.sentences, ratio=self.ratio, edits=self.edits,
            neutrality=self.neutrality,
        )

    def effective_edits(self) -> str:
        """The edit level in force (the algorithm's own unless one was chosen)."""
        return self.edits if self.edits is not None else default_edits(self.algorithm)

    def with_algorithm(self, algorithm: str) -> SummarySettings:
        """The same settings with another algorithm (the edit level goes back to that algorithm's own).

        Raises:
            UnknownAlgorithmError: no algorithm by that name.
        """
        return replace(self, algorithm=check_algorithm(algorithm), edits=None)

    def next_algorithm(self) -> SummarySettings:
        """The next algorithm in :data:`summarizer.ALL_ALGORITHMS`, wrapping round."""
        index = ALL_ALGORITHMS.index(self.algorithm)
        return self.with_algorithm(ALL_ALGORITHMS[(index + 1) % len(ALL_ALGORITHMS)])

    def with_length(self, current: int, change: int, *, available: int) -> SummarySettings:
        """``current`` sentences (the length reached now) plus ``change``, kept within 1..available."""
        target = max(1, min(available, current + change)) if available else max(1, current + change)
        return replace(self, sentences=target, ratio=None)

    def next_ratio(self) -> SummarySettings:
        """The next preset share of the sentences in :data:`RATIOS`, wrapping round."""
        if self.ratio is None:
            ratio = RATIOS[0]
        else:
            later = [r for r in RATIOS if r > self.ratio + 1e-9]
            ratio = later[0] if later else RATIOS[0]
        return replace(self, ratio=ratio, sentences=None)

    def with_ratio(self, ratio: float) -> SummarySettings:
        """Keep the share ``ratio`` of the sentences (0 < ratio ≤ 1).

        Raises:
            BudgetError: a ratio out of that range.
        """
        check_budget(ratio=ratio)
        return replace(self, ratio=ratio, sentences=None)

    def with_edits(self, edits: str) -> SummarySettings:
        """The edit level ``edits`` (one of :data:`summarizer.options.EDITS`).

        Raises:
            OptionsError: no edit level by that name.
        """
        check_edits(edits)
        return replace(self, edits=edits)

    def next_edits(self) -> SummarySettings:
        """The next edit level in :data:`summarizer.options.EDITS`, wrapping round (none → trim → reword → compress → none)."""
        return self.with_edits(EDITS[(EDITS.index(self.effective_edits()) + 1) % len(EDITS)])

    def with_neutrality(self, change: float) -> SummarySettings:
        """Neutrality weight moved by ``change``, kept within 0..5."""
        value = round(min(NEUTRALITY_MAX, max(0.0, self.neutrality + change)), 2)
        return replace(self, neutrality=value)

    def describe_length(self, target: int) -> str:
        """The length in words: ``"5 sentences"``, ``"20% (4 sentences)"`` or ``"default (4 sentences)"``."""
        count = f"{target} sentence{'s' if target != 1 else ''}"
        if self.sentences is not None:
            return count
        if self.ratio is not None:
            return f"{self.ratio:.0%} ({count})"
        return f"default ({count})"
