"""Would deleting the flag-only words ("popular", "famous", "controversial") match Wikipedia's editors?

    python benchmarks/wnc_halves.py ../shared/data/wnc/wnc_biased_word_test.dev.jsonl /tmp/wnc
    python benchmarks/wnc_flag_words.py /tmp/wnc/dev_a.jsonl /tmp/wnc/dev_b.jsonl

For every word of ``summarizer/lexicons/evenhand/flag_only.txt`` and every file, two counts:
``gain``, the biased sentences whose neutral version is the sentence with that word (before the
next word) deleted, i.e. the exact matches deleting it would add; and ``kept``, the neutral
versions that still hold the word before another, i.e. the false edits deleting it would risk.
Where the two are alike, a word list cannot tell puffery from plain use: that takes context.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from summarizer.evaluate.rewording import _fold

FLAG_ONLY = Path(__file__).resolve().parent.parent / "summarizer" / "lexicons" / "evenhand" / "flag_only.txt"


def main(paths: list[str]) -> None:
    words = [w.strip() for w in FLAG_ONLY.read_text(encoding="utf-8").splitlines() if w.strip() and not w.startswith("#")]
    for path in paths:
        rows = [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
        total_gain = total_kept = 0
        print(f"{path}: {len(rows)} pairs")
        for word in words:
            pattern = re.compile(rf"\b{re.escape(word)}\s+", re.IGNORECASE)
            gain = sum(
                1 for r in rows if pattern.search(r["sentence"]) and _fold(pattern.sub("", r["sentence"], count=1)) == _fold(r["neutral_version"])
            )
            kept = sum(1 for r in rows if pattern.search(r["neutral_version"]))
            total_gain += gain
            total_kept += kept
            if gain or kept:
                print(f"  {word:24} gain {gain:3}  kept {kept:3}")
        print(f"  {'all':24} gain {total_gain:3}  kept {total_kept:3}")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sys.argv[1:])
