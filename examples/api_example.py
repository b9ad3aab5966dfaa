"""Use evenhand as a library: summarise an article and explain every decision.

    python examples/api_example.py [ARTICLE]

With no argument it reads the bundled example ``examples/slanted-right.txt``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from summarizer import EvenhandError, read_path, summarize, to_json


def main(argv: list[str]) -> int:
    path = Path(argv[0]) if argv else Path(__file__).with_name("slanted-right.txt")
    try:
        decoded = read_path(path)
        summary = summarize(decoded.text, sentences=5, source=str(path))
    except EvenhandError as error:
        print(f"api_example: {error}", file=sys.stderr)
        return 1

    print("Summary:\n")
    print(summary.text)
    print("\nEvery decision:\n")
    for decision in summary.decisions:
        mark = "kept" if decision.kept else "drop"
        reason = decision.reason.text if decision.reason else ""
        bias = f"{decision.bias:.2f}" if decision.bias is not None else "  - "
        print(f"{decision.index + 1:>3} {mark}  bias {bias}  {reason}")
        for edit in decision.edits:
            print(f"          trimmed {edit.kind}: {edit.text.strip()!r}")

    stats = summary.stats
    before, after = stats.readability_original, stats.readability_summary
    print(
        f"\n{stats.words_original} → {stats.words_summary} words ({stats.compression:.0%});"
        f" grade {before.flesch_kincaid_grade:.1f} → {after.flesch_kincaid_grade:.1f};"
        f" cues {stats.cues_original} → {stats.cues_summary}"
    )
    # The same result as JSON (schema version 1, docs/schema.md): offsets index summary.document.text.
    json_text = to_json(summary)
    print(f"JSON: {len(json_text):,} characters, schema version 1")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
