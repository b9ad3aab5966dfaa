"""List the compressed sentences of some articles, before and after, for a reader's check.

    .venv/bin/python benchmarks/plain_check.py tests/fixtures/plain_check/*.txt examples/*.txt

summarises each file with ``neutral`` keeping every sentence (``ratio=1.0``, so every sentence a
summary could keep is compressed as it would be there; the names and words "said elsewhere" are
those of the other kept sentences) and prints, for each sentence with a compression edit, its
kinds, the sentence as written and as the reader gets it, as Markdown.  docs/plain-check.md holds
the list with a verdict on each.
"""

from __future__ import annotations

import sys
from pathlib import Path

from summarizer.compress import KINDS
from summarizer.pipeline import summarize


def main(paths: list[str], ratio: float = 1.0) -> int:
    number = 0
    for path in paths:
        summary = summarize(Path(path).read_text(encoding="utf-8"), ratio=ratio)
        for decision in summary.kept:
            kinds = [e.kind for e in decision.edits if e.kind in KINDS]
            if not kinds:
                continue
            number += 1
            print(f"{number}. `{Path(path).name}` sentence {decision.sentence.index + 1} ({', '.join(kinds)})")
            print(f"   - before: {decision.sentence.text}")
            print(f"   - after: {decision.output}")
    return 0 if number else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
