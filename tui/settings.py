"""What the reader asked for: the options the app passes to :func:`summarizer.summarize`.

:class:`SummarySettings` is plain frozen data; each control in the app makes a new one
with a method below and hands it to the re-summarising worker.  Nothing here knows
Textual, so the rules (how "one sentence longer" or "next ratio" behave) are tested alone.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from summarizer import ALL_ALGORITHMS, DEFAULT_ALGORITHM

RATIOS: tuple[float, ...] = (0.1, 0.2, 0.3, 0.5, 0.75)
NEUTRALITY_STEP = 0.25
NEUTRALITY_MAX = 5.0


@dataclass(frozen=True, slots=True)
class SummarySettings:
    """The options of one summary.

    Attributes:
        algorithm: one of :data:`summarizer.ALL_ALGORITHMS`.
        sentences: keep this many sentences (``None``: the library's default, or ``ratio``).
        ratio: keep this share of the sentences (``None``: the library's default, or ``sentences``).
        trim: trim kept sentences (``None``: the algorithm's default).
        neutrality: how strongly ``neutral`` avoids loaded sentences (0 to 5).
    """

    algorithm: str = DEFAULT_ALGORITHM
    sentences: int | None = None
    ratio: float | None = None
    trim: bool | None = None
    neutrality: float = 1.0

    def options(self) -> dict[str, Any]:
        """Keyword arguments for :func:`summarizer.summarize`."""
        return {
            "algorithm": self.algorithm,
            "sentences": self.sentences,
            "ratio": self.ratio,
            "trim": self.trim,
            "neutrality": self.neutrality,
        }

    def effective_trim(self) -> bool:
        """Whether kept sentences are trimmed (the library trims for ``neutral`` by default)."""
        return self.trim if self.trim is not None else self.algorithm == DEFAULT_ALGORITHM

    def with_algorithm(self, algorithm: str) -> SummarySettings:
        """The same settings with another algorithm (trim goes back to that algorithm's default)."""
        if algorithm not in ALL_ALGORITHMS:
            raise ValueError(f"no algorithm named {algorithm!r}")
        return replace(self, algorithm=algorithm, trim=None)

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
        """Keep the share ``ratio`` of the sentences (0 < ratio ≤ 1)."""
        if not 0 < ratio <= 1:
            raise ValueError(f"ratio must be above 0 and at most 1, not {ratio!r}")
        return replace(self, ratio=ratio, sentences=None)

    def toggled_trim(self) -> SummarySettings:
        """Trim switched off if it is on now, on if it is off."""
        return replace(self, trim=not self.effective_trim())

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
