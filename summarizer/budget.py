"""The length budget: how many sentences (or words) a summary may have.

One of ``sentences=N``, ``ratio=R`` (share of the document's sentences) or ``words=W``;
with none, the default is 30% of the sentences, at least 3 (or all of a shorter text).
Selection is deterministic: by score, ties broken by position, then shown in document order.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import NoReturn

from summarizer.errors import BudgetError, NothingFitsError
from summarizer.model import Budget, Decision, Summary

DEFAULT_RATIO = 0.3
DEFAULT_MIN_SENTENCES = 3


def check_budget(*, sentences: int | None = None, ratio: float | None = None, words: int | None = None) -> None:
    """Raise :class:`BudgetError` unless at most one budget is given and it is valid.

    This is the one home of the budget's rules: :class:`summarizer.options.SummaryOptions`
    checks its budget here, and every face builds one.
    """
    given = tuple(name for name, value in (("sentences", sentences), ("ratio", ratio), ("words", words)) if value is not None)
    if len(given) > 1:
        _refuse(given, "are mutually exclusive: give one length budget")
    for name, count in (("sentences", sentences), ("words", words)):
        if count is None:
            continue
        if isinstance(count, bool) or not isinstance(count, int):
            _refuse((name,), f"must be a whole number of at least 1, not {count!r}")
        if count < 1:
            _refuse((name,), f"must be at least 1, not {count!r}")
    if ratio is not None and (
        isinstance(ratio, bool) or not isinstance(ratio, int | float) or not math.isfinite(ratio) or not 0 < ratio <= 1
    ):
        _refuse(("ratio",), f"must be more than 0 and at most 1 (a share of the sentences), not {ratio!r}")


def _refuse(names: tuple[str, ...], problem: str) -> NoReturn:
    raise BudgetError(f"{' and '.join(names)} {problem}", options=names, problem=problem)


def resolve_budget(
    available: int, *, sentences: int | None = None, ratio: float | None = None, words: int | None = None
) -> Budget:
    """Turn the budget asked for into a target number of sentences out of ``available``.

    For a word budget the target is provisional (``available``): :func:`select_within`
    decides how many fit.

    Raises:
        BudgetError: two budgets at once, or a budget that is zero, negative or a ratio above 1.
    """
    check_budget(sentences=sentences, ratio=ratio, words=words)
    note = None
    if words is not None:
        target = available
    elif sentences is not None:
        target = min(sentences, available)
        if sentences > available:
            note = (
                f"asked for {sentences} sentences but the text has only {available} to choose from:"
                " the summary is the whole text"
            )
    elif ratio is not None:
        target = min(available, max(1, round(ratio * available)))
    else:
        target = min(available, max(DEFAULT_MIN_SENTENCES, round(DEFAULT_RATIO * available)))
    return Budget(sentences=sentences, ratio=ratio, words=words, target=target, note=note)


@dataclass(frozen=True, slots=True)
class Selection:
    """Which sentences a budget lets through, and what to tell the reader about it."""

    kept: frozenset[int]
    budget: Budget


def order_by_score(scores: Sequence[float], candidates: Iterable[int]) -> list[int]:
    """Candidates from the highest score down; equal scores in document order."""
    # A stable sort keeps equal scores in the order given, also when reversed: sorting the indices
    # first puts them in document order, with no key tuple per candidate (a long text has 500,000).
    return sorted(sorted(candidates), key=lambda i: scores[i], reverse=True)


def select_within(
    budget: Budget, ranked: Sequence[int], word_counts: Sequence[int]
) -> Selection:
    """Keep sentences from the front of ``ranked`` until the budget is spent.

    Args:
        budget: from :func:`resolve_budget`.
        ranked: candidate sentence indices, best first.
        word_counts: the number of words of every sentence of the document.

    Returns:
        The kept indices and the budget with its final ``target`` and any ``note``.
    """
    if budget.words is None:
        kept = frozenset(ranked[: budget.target])
        return Selection(kept, budget)
    limit = budget.words
    chosen: list[int] = []
    used = 0
    for index in ranked:
        if used + word_counts[index] <= limit:
            chosen.append(index)
            used += word_counts[index]
    note = budget.note
    if not chosen and ranked:
        best = ranked[0]
        chosen = [best]
        note = (
            f"no sentence fits in {limit} words: kept the most important one alone,"
            f" which has {word_counts[best]} words"
        )
    elif len(chosen) == len(ranked) and ranked:
        note = f"the whole text fits in {limit} words: the summary is the whole text"
    return Selection(
        frozenset(chosen),
        Budget(sentences=None, ratio=None, words=limit, target=len(chosen), note=note),
    )


def check_word_budget(summary: Summary, words: int | None) -> None:
    """Refuse a summary with more words than ``words`` asks for.

    The selectors keep the most important sentence alone when no sentence fits (and say so in
    the budget's note), so that a library caller always gets a summary; the faces that print or
    write one call this, so that a reader never gets more words than asked.

    Raises:
        NothingFitsError: the summary has more than ``words`` words.
    """
    if words is None or summary.stats.words_summary <= words:
        return
    needed = summary.stats.words_summary
    raise NothingFitsError(
        f"no sentence fits in {words} word{'s' if words != 1 else ''}: the best candidate has {needed}; "
        f"give --words {needed} or more, or --sentences 1"
    )


def kept_note(budget: Budget, decisions: Sequence[Decision]) -> str | None:
    """The budget's note, made true of what was kept: a sentence budget the text could not fill says why.

    ``"asked for 4 sentences, kept 3 of the text's 4: the other was left out (repeats sentence 1)"``,
    the reasons being those recorded for the sentences left out.  A note that the summary is the
    whole text is kept only when it is.
    """
    if budget.sentences is None:
        return budget.note
    kept = sum(1 for d in decisions if d.kept)
    if kept >= min(budget.sentences, len(decisions)) and (budget.note is None or kept == len(decisions)):
        return budget.note
    left = [d for d in decisions if not d.kept]
    reasons = list(dict.fromkeys(d.reason.text for d in left if d.reason is not None))
    why = "; ".join(reasons[:3]) + ("; …" if len(reasons) > 3 else "")
    others = "the other was" if len(left) == 1 else f"the other {len(left)} were"
    return (f"asked for {budget.sentences} sentences, kept {kept} of the text's {len(decisions)}: "
            f"{others} left out" + (f" ({why})" if why else ""))
