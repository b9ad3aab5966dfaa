"""Issue 12's must-hold on our own texts: the seed's and every example's summary at every
``-n`` from 1 to 20 passes every check of ``evenhand eval integrity``.

The checks are :func:`summarizer.evaluate.integrity.check_summary`'s, run on the library's
default summaries (``neutral``); ``lead_missing`` counts here too.  The seed is someone
else's text, read from ``../shared/seed`` (these cases skip when it is absent).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from summarizer import summarize
from summarizer.analysis import Analysis, analyse
from summarizer.evaluate.integrity import CHECKS, check_summary
from summarizer.model import Document
from summarizer.segment import segment

EXAMPLES = sorted((Path(__file__).parents[2] / "examples").glob("*.txt"))
SEED = "seed"
LENGTHS = range(1, 21)


@cache
def _prepared(name: str, text: str) -> tuple[Document, Analysis]:
    document = segment(text, source=name)
    return document, analyse(document)


def _failures(name: str, text: str, n: int) -> dict[str, list[int | None]]:
    document, analysis = _prepared(name, text)
    summary = summarize(document, sentences=n, analysis=analysis)
    found = check_summary(summary, name)
    # Each failure names its check and the sentence (1-based) it was found at.
    return {c: [e["sentence"] for e in found.examples[c]] for c in CHECKS if found.counts[c]}


@pytest.mark.parametrize("n", LENGTHS)
@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_every_example_passes_every_check(path: Path, n: int) -> None:
    assert _failures(path.name, path.read_text(encoding="utf-8"), n) == {}


@pytest.mark.seed
@pytest.mark.parametrize("n", LENGTHS)
def test_the_seed_passes_every_check(seed_text: str, n: int) -> None:
    assert _failures(SEED, seed_text, n) == {}


def test_the_examples_are_there() -> None:
    assert len(EXAMPLES) >= 3
