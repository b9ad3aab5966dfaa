"""Small statistics the evaluations share: ranks with ties, Spearman's rho, the standard error of a mean."""

from __future__ import annotations

import math
from collections.abc import Sequence


def ranks(values: Sequence[float]) -> list[float]:
    """1-based ranks of ``values``, ties given the mean of the ranks they span."""
    order = sorted(range(len(values)), key=lambda i: values[i])
    result = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for k in range(i, j + 1):
            result[order[k]] = (i + j) / 2 + 1
        i = j + 1
    return result


def pearson(xs: Sequence[float], ys: Sequence[float]) -> float:
    """Pearson's r; ``nan`` with fewer than two points or when either side is constant."""
    n = len(xs)
    if n != len(ys):
        raise ValueError("pearson: sequences of different lengths")
    if n < 2:
        return float("nan")
    mx, my = sum(xs) / n, sum(ys) / n
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
    sxx = sum((x - mx) ** 2 for x in xs)
    syy = sum((y - my) ** 2 for y in ys)
    if sxx == 0 or syy == 0:
        return float("nan")
    return sxy / math.sqrt(sxx * syy)


def spearman(xs: Sequence[float], ys: Sequence[float]) -> float:
    """Spearman's rho (Pearson's r of the tie-averaged ranks); ``nan`` when undefined."""
    return pearson(ranks(xs), ranks(ys))


def standard_error(values: Sequence[float]) -> float:
    """Standard error of the mean of ``values`` (sample standard deviation / √n); ``nan`` below two."""
    n = len(values)
    if n < 2:
        return float("nan")
    mean = sum(values) / n
    return math.sqrt(sum((v - mean) ** 2 for v in values) / (n - 1) / n)


def rounded(value: float, digits: int = 4) -> float | None:
    """``value`` rounded for JSON, ``None`` for ``nan``."""
    return None if math.isnan(value) else round(value, digits)
