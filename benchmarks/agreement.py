"""Do the fast engine and sumy pick the same sentences?  Measured on the BBC dev set.

For every article (duplicates skipped) and algorithm, both engines rate every sentence;
each picks as many top-rated sentences as the reference summary has (ties broken by
position), and we count the articles where the two picks are identical.  Every
difference is classified:

- ``duplicates``: the article repeats a sentence word for word; sumy keys ratings by
  sentence text, so its repeats share (or shift) ratings, while evenhand rates each
  position;
- ``float tie``: at the cut-off the two ratings involved differ by less than 1e-9
  (relative) in one engine, i.e. the order is decided by the last bits of floating point;
  for KL-Sum, which rates by the step at which it picks a sentence, the step where the
  engines first pick differently has sumy's pick within 1e-9 of the fast engine's best;
- ``other``: anything else (printed in full; there should be none).

LSA is the outlier, by construction: sumy rates a sentence by a sum over its SVD that
equals the length of the sentence's column of smoothed term frequencies, which evenhand
computes exactly.  Sentences with equally many distinct terms tie exactly, and sumy's SVD
orders them by rounding noise (see ``--hash-seeds``), so LSA picks differ on about a
quarter of the articles while the ratings agree to about 1e-12.

``--hash-seeds 1,2`` also runs sumy twice more, in processes with those two
``PYTHONHASHSEED`` values, and reports how often sumy agrees with *itself*: sumy's LSA
numbers its terms by iterating a ``frozenset`` of strings, whose order follows the hash
seed, so its SVD rounds differently from run to run.

Usage::

    .venv/bin/python benchmarks/agreement.py [--data PATH] [--limit N] [--algorithms a,b] [--json]
    .venv/bin/python benchmarks/agreement.py --algorithms lsa --hash-seeds 1,2

The data is read from ``../shared/data`` next to the repository by default and never
copied anywhere.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from summarizer.model import Document, Paragraph, Sentence
from summarizer.rank import ALGORITHMS, rank
from summarizer.rank.greedy import kl
from summarizer.rank.terms import language_tools, sentence_words

DEFAULT_DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "bbc-news-summary" / "bbc_news_summary.dev.jsonl"
TIE = 1e-9


def regex_segment(text: str) -> Document:
    """A plain split (used only when summarizer.segment is missing): both engines get the same sentences."""
    sentences: list[Sentence] = []
    paragraphs: list[Paragraph] = []
    for block in re.finditer(r"\S(?:.*\S)?(?:\n(?!\s*\n).*\S)*", text):
        first = len(sentences)
        for m in re.finditer(r"\S.*?(?:[.!?](?=\s|$)|$)", block.group(), flags=re.S):
            start = block.start() + m.start()
            sentences.append(Sentence(len(sentences), len(paragraphs), start, start + len(m.group()), m.group()))
        if len(sentences) > first:
            paragraphs.append(Paragraph(len(paragraphs), block.start(), block.end(), first, len(sentences) - 1))
    return Document(text, tuple(sentences), tuple(paragraphs))


try:
    from summarizer.segment import segment
except ImportError:  # pragma: no cover - only before the segmenter existed
    segment = regex_segment  # type: ignore[assignment]


def pick(ratings: tuple[float, ...], k: int) -> list[int]:
    """The ``k`` best-rated positions, ties broken by position, in document order."""
    return sorted(sorted(range(len(ratings)), key=lambda i: (-ratings[i], i))[:k])


def near_tie(ratings: tuple[float, ...], k: int) -> bool:
    ordered = sorted(ratings, reverse=True)
    if k >= len(ordered) or k == 0:
        return False
    a, b = ordered[k - 1], ordered[k]
    return abs(a - b) <= TIE * max(abs(a), abs(b), 1e-300)


def kl_float_tie(doc: Document, fast: tuple[float, ...], slow: tuple[float, ...]) -> bool:
    """Whether KL-Sum's first differing pick was a near tie for the fast engine."""
    ties: list[frozenset[int]] = []
    kl(sentence_words(doc), language_tools("english").stop_words, near_ties=ties)
    fast_order = sorted(range(len(fast)), key=lambda i: (-fast[i], i))
    slow_order = sorted(range(len(slow)), key=lambda i: (-slow[i], i))
    for step, (a, b) in enumerate(zip(fast_order, slow_order, strict=True)):
        if a != b:
            return b in ties[step]
    return False


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    parser.add_argument("--algorithms", default=",".join(ALGORITHMS))
    parser.add_argument("--json", action="store_true", help="print the table as JSON")
    parser.add_argument("--quiet", action="store_true", help="do not print each difference")
    parser.add_argument("--hash-seeds", help="two PYTHONHASHSEED values: also compare sumy with itself")
    parser.add_argument("--dump-sumy-picks", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    algorithms = [a for a in args.algorithms.split(",") if a]

    rows = [json.loads(line) for line in args.data.read_text(encoding="utf-8").splitlines() if line.strip()]
    rows = [r for r in rows if not r.get("is_duplicate")]
    if args.limit:
        rows = rows[: args.limit]
    docs = [(r["id"], segment(r["text"]), len(r["reference_sentences"])) for r in rows]

    if args.dump_sumy_picks:
        picks = {a: [pick(rank(doc, a, engine="sumy"), min(k, len(doc))) for _, doc, k in docs] for a in algorithms}
        print(json.dumps(picks))
        return 0
    itself: dict[str, float] = {}
    if args.hash_seeds:
        runs = []
        for seed in args.hash_seeds.split(","):
            command = [sys.executable, __file__, "--dump-sumy-picks", "--data", str(args.data), "--algorithms", ",".join(algorithms)]
            if args.limit:
                command += ["--limit", str(args.limit)]
            done = subprocess.run(command, env={**os.environ, "PYTHONHASHSEED": seed}, capture_output=True, text=True, check=True)
            runs.append(json.loads(done.stdout))
        for a in algorithms:
            same_runs = sum(x == y for x, y in zip(runs[0][a], runs[1][a], strict=True))
            itself[a] = round(100.0 * same_runs / max(len(docs), 1), 2)

    table: dict[str, dict[str, Any]] = {}
    for algorithm in algorithms:
        same = 0
        causes: Counter[str] = Counter()
        seconds = {"fast": 0.0, "sumy": 0.0}
        for article, doc, k in docs:
            k = min(k, len(doc))
            t0 = time.perf_counter()
            fast = rank(doc, algorithm, engine="fast")
            t1 = time.perf_counter()
            slow = rank(doc, algorithm, engine="sumy")
            seconds["fast"] += t1 - t0
            seconds["sumy"] += time.perf_counter() - t1
            if pick(fast, k) == pick(slow, k):
                same += 1
                continue
            texts = Counter(s.text for s in doc)
            if any(c > 1 for c in texts.values()):
                cause = "duplicates"
            elif near_tie(fast, k) or near_tie(slow, k) or (algorithm == "kl" and kl_float_tie(doc, fast, slow)):
                cause = "float tie"
            else:
                cause = "other"
            causes[cause] += 1
            if not args.quiet:
                print(f"  {algorithm} {article}: {cause}; fast {pick(fast, k)} sumy {pick(slow, k)}", file=sys.stderr)
        table[algorithm] = {
            "articles": len(docs),
            "identical": same,
            "percent": round(100.0 * same / max(len(docs), 1), 2),
            "differences": dict(causes),
            "sumy_vs_itself_percent": itself.get(algorithm),
            "fast_seconds": round(seconds["fast"], 2),
            "sumy_seconds": round(seconds["sumy"], 2),
        }
        print(f"{algorithm}: {same}/{len(docs)}", file=sys.stderr, flush=True)

    if args.json:
        print(json.dumps(table, indent=2))
    else:
        print(f"{'algorithm':<10} {'identical':>12} {'%':>7} {'sumy~sumy %':>11}  {'fast s':>7} {'sumy s':>7}  differences (cause: articles)")
        for algorithm, row in table.items():
            diffs = ", ".join(f"{c}: {n}" for c, n in sorted(row["differences"].items())) or "-"
            print(
                f"{algorithm:<10} {row['identical']:>5}/{row['articles']:<6} {row['percent']:>7.2f} "
                f"{row['sumy_vs_itself_percent'] if row['sumy_vs_itself_percent'] is not None else '-':>11}  "
                f"{row['fast_seconds']:>7.2f} {row['sumy_seconds']:>7.2f}  {diffs}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
