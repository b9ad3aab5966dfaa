"""The shared statistics of the evaluations: ranks with ties, Spearman, the standard error."""

from __future__ import annotations

import math

import pytest

from summarizer.evaluate._stats import pearson, ranks, rounded, spearman, standard_error


def test_ranks_average_ties() -> None:
    assert ranks([3.0, 1.0, 3.0, 2.0]) == [3.5, 1.0, 3.5, 2.0]


def test_spearman_of_monotone_and_reversed() -> None:
    xs = [1.0, 2.0, 3.0, 4.0, 5.0]
    assert spearman(xs, [x**3 for x in xs]) == pytest.approx(1.0)
    assert spearman(xs, [-x for x in xs]) == pytest.approx(-1.0)
    # A worked example: d = (0, 1, -1, 0) gives 1 - 6·2 / (4·15) = 0.8.
    assert spearman([1.0, 2.0, 3.0, 4.0], [1.0, 3.0, 2.0, 4.0]) == pytest.approx(0.8)


def test_undefined_correlations_are_nan() -> None:
    assert math.isnan(spearman([1.0], [2.0]))
    assert math.isnan(pearson([1.0, 1.0], [1.0, 2.0]))
    with pytest.raises(ValueError):
        pearson([1.0], [1.0, 2.0])


def test_standard_error() -> None:
    assert standard_error([1.0, 2.0, 3.0, 4.0]) == pytest.approx(math.sqrt(5 / 3 / 4))
    assert math.isnan(standard_error([1.0]))
    assert rounded(float("nan")) is None
    assert rounded(0.123456) == 0.1235
