"""The length budget: defaults, the three kinds, and invalid budgets."""

from __future__ import annotations

import pytest

from summarizer.budget import order_by_score, resolve_budget, select_within
from summarizer.errors import BudgetError


@pytest.mark.parametrize(
    ("available", "expected"),
    [(1, 1), (2, 2), (3, 3), (9, 3), (10, 3), (20, 6), (31, 9), (100, 30)],
)
def test_default_is_thirty_percent_at_least_three(available: int, expected: int) -> None:
    assert resolve_budget(available).target == expected


def test_sentences_budget() -> None:
    budget = resolve_budget(10, sentences=4)
    assert (budget.target, budget.note) == (4, None)


def test_budget_larger_than_document_keeps_all_with_a_note() -> None:
    budget = resolve_budget(3, sentences=8)
    assert budget.target == 3
    assert budget.note is not None and "whole text" in budget.note


@pytest.mark.parametrize(("ratio", "expected"), [(0.1, 1), (0.25, 2), (0.5, 5), (1.0, 10), (0.01, 1)])
def test_ratio_budget(ratio: float, expected: int) -> None:
    assert resolve_budget(10, ratio=ratio).target == expected


@pytest.mark.parametrize(
    "kwargs",
    [
        {"sentences": 0},
        {"sentences": -2},
        {"words": 0},
        {"words": -10},
        {"ratio": 0.0},
        {"ratio": -0.5},
        {"ratio": 1.5},
        {"ratio": float("nan")},
        {"sentences": 2, "ratio": 0.5},
        {"sentences": 2, "words": 50},
        {"sentences": True},
    ],
)
def test_invalid_budgets_raise(kwargs: dict[str, float]) -> None:
    with pytest.raises(BudgetError):
        resolve_budget(10, **kwargs)  # type: ignore[arg-type]


def test_two_budgets_message_names_both() -> None:
    with pytest.raises(BudgetError, match="sentences and ratio"):
        resolve_budget(10, sentences=2, ratio=0.5)


def test_order_by_score_breaks_ties_by_position() -> None:
    assert order_by_score([0.5, 0.9, 0.5, 0.9], range(4)) == [1, 3, 0, 2]


def test_word_budget_never_exceeds_limit() -> None:
    counts = [12, 30, 8, 5, 20]
    ranked = [1, 0, 4, 2, 3]
    selection = select_within(resolve_budget(5, words=30), ranked, counts)
    assert sum(counts[i] for i in selection.kept) <= 30
    assert selection.kept == frozenset({1})


def test_word_budget_skips_what_does_not_fit_and_takes_smaller_ones() -> None:
    counts = [12, 30, 8, 5, 20]
    ranked = [0, 1, 4, 2, 3]
    selection = select_within(resolve_budget(5, words=26), ranked, counts)
    assert selection.kept == frozenset({0, 2, 3})
    assert selection.budget.target == 3


def test_word_budget_smaller_than_any_sentence_keeps_best_with_note() -> None:
    selection = select_within(resolve_budget(3, words=4), [2, 0, 1], [10, 12, 9])
    assert selection.kept == frozenset({2})
    assert selection.budget.note is not None and "9 words" in selection.budget.note
