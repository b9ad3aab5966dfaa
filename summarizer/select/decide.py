"""What every decision of both selectors is made of: scores scaled to 0–1, ranks, a kept sentence's
summary text and bias split, and reason tuples shared between decisions (a long text repeats them)."""

from __future__ import annotations

import math
from array import array
from collections.abc import Sequence
from typing import Any

from summarizer.analysis import Analysis
from summarizer.budget import order_by_score
from summarizer.edits import apply_edits
from summarizer.model import Edit, Reason, Sentence


def normalise(scores: Sequence[float]) -> tuple[float, ...]:
    """Scale scores to [0, 1] (min–max); all equal scores become 1."""
    if not scores:
        return ()
    values = [s if math.isfinite(s) else 0.0 for s in scores]
    low, high = min(values), max(values)
    if high - low <= 1e-12:
        return tuple(1.0 for _ in values)
    return tuple(round((v - low) / (high - low), 6) for v in values)


def ranks(scores: Sequence[float]) -> tuple[int, ...]:
    """1-based rank of every sentence by score, ties broken by position."""
    order = order_by_score(scores, range(len(scores)))
    result = [0] * len(scores)
    for position, index in enumerate(order, start=1):
        result[index] = position
    return tuple(result)


#: One float object per rounded value (at most 10,001 in [0, 1]), shared by every decision that has it.
_ROUNDED: dict[float, float] = {}


def _shared_float(value: float) -> float:
    return _ROUNDED.setdefault(value, value) if value else value  # -0.0 stays itself


def finished(
    analysis: Analysis, sentence: Sentence, kept: bool, edits: tuple[Edit, ...], output: str | None = None,
) -> dict[str, Any]:
    """A decision's ``edits``, its summary text and its bias split, as :func:`summarizer.pipeline.assemble`
    would fill them in (``output`` when the caller has made it already): made with the decision, so that a
    long text's decisions are not all made twice."""
    framing = quoted = None
    if analysis.bias[sentence.index] is not None:
        whole_framing, whole_quoted = analysis.bias_split(sentence.index)
        framing, quoted = _shared_float(round(whole_framing, 4)), _shared_float(round(whole_quoted, 4))
    return {
        "edits": edits,
        "output": ("" if not kept else output if output is not None else apply_edits(sentence, edits)),
        "bias_framing": framing,
        "bias_quoted": quoted,
    }


def twin_of(repeats_of: array[int], i: int) -> int | None:
    twin = repeats_of[i]
    return None if twin < 0 else twin


def shared(reasons: tuple[Reason, ...], seen: dict[tuple[Reason, ...], tuple[Reason, ...]]) -> tuple[Reason, ...]:
    """``reasons``, or the equal tuple met before: a decision's reasons are often another's."""
    if all(reason.shared for reason in reasons):
        return seen.setdefault(reasons, reasons)
    return reasons


def join_notes(first: str | None, second: str) -> str:
    return f"{first}; {second}" if first else second
