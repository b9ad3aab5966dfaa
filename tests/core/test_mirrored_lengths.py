"""Mirrored articles (one story slanted each way) keep the same neutral sentences at every length.

The sentences the two versions share word for word are the neutral ones: whichever of them one
version keeps at a given length, the other must keep too, or the lists weigh the sides unalike.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from summarizer import summarize
from summarizer.segment import segment

ROOT = Path(__file__).resolve().parents[2]
PAIRS = [
    (ROOT / "tests/fixtures/mirrored/article-left.txt", ROOT / "tests/fixtures/mirrored/article-right.txt"),
    (ROOT / "examples/slanted-left.txt", ROOT / "examples/slanted-right.txt"),
]


@pytest.mark.parametrize(("left", "right"), PAIRS, ids=["fixtures", "examples"])
def test_shared_sentences_are_kept_alike_at_every_length(left: Path, right: Path) -> None:
    one, other = segment(left.read_text(encoding="utf-8")), segment(right.read_text(encoding="utf-8"))
    shared = {s.text for s in one.sentences} & {s.text for s in other.sentences}
    assert shared
    for n in range(1, min(len(one.sentences), len(other.sentences)) + 1):
        kept_one = {one.sentences[d.index].text for d in summarize(one, sentences=n).decisions if d.kept}
        kept_other = {other.sentences[d.index].text for d in summarize(other, sentences=n).decisions if d.kept}
        assert kept_one & shared == kept_other & shared, n
