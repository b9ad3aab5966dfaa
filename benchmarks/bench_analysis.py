"""Time the analysis stages of the pipeline, per stage, on long news documents.

Documents of 100, 300, 1,000 and 3,000 sentences are built at run time by running BBC dev
articles together (read from ``../shared/data``, never copied).  For each size the script
times, in one process after a warm-up on a small document (lexicons loaded, regexes
compiled, stemmer ready):

    segment            summarizer.segment.segment(text)
    find_cues          summarizer.cues.find_cues(document)
    boilerplate        summarizer.boilerplate.detect_boilerplate(document)
    bias_score         summarizer.neutrality.bias_score for every sentence
    rank (textrank)    summarizer.rank.rank(document, "textrank", engine="fast")
    words+syllables    every sentence split into words and its syllables counted
    summarize (...)    summarizer.summarize(text, algorithm=...): neutral, lexrank, textrank

and prints milliseconds in total and microseconds per sentence (best of ``--repeat`` runs).
``--large MB`` also runs the analysis stages (segment, cues, boilerplate, bias) on a text of
about that many megabytes (the dev articles repeated), once, with the growth of the peak
resident set, to show that they stay linear in the size of the document.

Usage::

    .venv/bin/python benchmarks/bench_analysis.py              # 4 sizes, best of 3
    .venv/bin/python benchmarks/bench_analysis.py --repeat 1 --sizes 100,1000
    .venv/bin/python benchmarks/bench_analysis.py --large 10   # plus a 10 MB document
    .venv/bin/python benchmarks/bench_analysis.py --json
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from summarizer.boilerplate import detect_boilerplate  # noqa: E402
from summarizer.cues import find_cues  # noqa: E402
from summarizer.model import Document  # noqa: E402
from summarizer.neutrality import bias_score  # noqa: E402
from summarizer.segment import segment  # noqa: E402

DEFAULT_DATA = REPO / ".." / "shared" / "data" / "bbc-news-summary" / "bbc_news_summary.dev.jsonl"
SIZES = (100, 300, 1000, 3000)
SUMMARIZE = ("neutral", "lexrank", "textrank")
STAGES = (
    "segment", "find_cues", "boilerplate", "bias_score", "words+syllables", "rank (textrank)",
    *(f"summarize ({algorithm})" for algorithm in SUMMARIZE),
)  # fmt: skip
ANALYSIS = ("segment", "find_cues", "boilerplate", "bias_score")


def read_texts(data: Path) -> list[str]:
    """The dev articles' texts, in file order (duplicates left out)."""
    rows = [json.loads(line) for line in data.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r["text"] for r in rows if not r.get("is_duplicate")]


def text_of(texts: list[str], size: int) -> str:
    """Whole articles, run together with blank lines, up to the end of sentence ``size``."""
    parts: list[str] = []
    cycle = 0
    while True:
        for text in texts:
            parts.append(text)
            joined = "\n\n".join(parts)
            if joined.count(".") < size:
                continue
            document = segment(joined)
            if len(document.sentences) >= size:
                return joined[: document.sentences[size - 1].end]
        cycle += 1
        if cycle > 1000:
            raise ValueError("the data holds no sentences")


def large_text(texts: list[str], megabytes: float) -> str:
    """The articles repeated until the text is about ``megabytes`` long (UTF-8)."""
    target = int(megabytes * 1_000_000)
    parts: list[str] = []
    total = 0
    while total < target:
        for text in texts:
            parts.append(text)
            total += len(text.encode("utf-8")) + 2
            if total >= target:
                break
    return "\n\n".join(parts)


def best(function: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    """The shortest of ``repeat`` timed calls (seconds) and the last result."""
    fastest = float("inf")
    result: Any = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = function()
        fastest = min(fastest, time.perf_counter() - start)
    return fastest, result


def measure(text: str, repeat: int, stages: tuple[str, ...]) -> tuple[int, dict[str, float]]:
    """Seconds per stage for one text; also its number of sentences."""
    from summarizer import summarize
    from summarizer.rank import rank
    from summarizer.readability import syllables
    from summarizer.tokens import words

    seconds: dict[str, float] = {}
    seconds["segment"], document = best(lambda: segment(text), repeat)
    doc: Document = document
    seconds["find_cues"], cues = best(lambda: find_cues(doc), repeat)
    seconds["boilerplate"], _ = best(lambda: detect_boilerplate(doc), repeat)
    seconds["bias_score"], _ = best(
        lambda: [bias_score(s, c) for s, c in zip(doc.sentences, cues, strict=True)], repeat
    )
    if "words+syllables" in stages:
        seconds["words+syllables"], _ = best(lambda: [syllables(words(s.text)) for s in doc.sentences], repeat)
    if "rank (textrank)" in stages:
        seconds["rank (textrank)"], _ = best(lambda: rank(doc, "textrank", engine="fast"), repeat)
    for algorithm in SUMMARIZE:
        if f"summarize ({algorithm})" in stages:
            seconds[f"summarize ({algorithm})"], _ = best(lambda: summarize(text, algorithm=algorithm), repeat)  # noqa: B023

    return len(doc.sentences), seconds


def warm_up(texts: list[str]) -> float:
    """Run every stage once on a small document; return the seconds it took."""
    start = time.perf_counter()
    measure(text_of(texts, 20), 1, STAGES)
    return time.perf_counter() - start


def table(rows: list[dict[str, Any]]) -> str:
    """A plain-text table: one line per stage, ms total and µs per sentence for each size."""
    head = f"{'stage':<22}" + "".join(f"{str(r['sentences']) + ' sent.':>24}" for r in rows)
    sub = f"{'':<22}" + "".join(f"{'ms':>12}{'µs/sent':>12}" for _ in rows)
    lines = [head, sub]
    names = [name for name in STAGES if any(name in r["seconds"] for r in rows)]
    for name in [*names, "cues+boilerplate+bias"]:
        cells = []
        for r in rows:
            if name == "cues+boilerplate+bias":
                value = sum(r["seconds"][k] for k in ("find_cues", "boilerplate", "bias_score"))
            elif name in r["seconds"]:
                value = r["seconds"][name]
            else:
                cells.append(f"{'-':>12}{'-':>12}")
                continue
            cells.append(f"{value * 1e3:>12.1f}{value * 1e6 / r['sentences']:>12.1f}")
        lines.append(f"{name:<22}" + "".join(cells))
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)), help="comma-separated sentence counts")
    parser.add_argument("--repeat", type=int, default=3, help="best of this many runs per stage")
    parser.add_argument(
        "--large", type=float, default=0.0, help="also time the analysis on a text of this many MB"
    )
    parser.add_argument("--json", action="store_true", help="print the measurements as JSON")
    args = parser.parse_args()
    if not args.data.exists():
        print(f"no data at {args.data}", file=sys.stderr)
        return 2
    texts = read_texts(args.data)
    warm = warm_up(texts)
    large: dict[str, Any] | None = None  # first, so that the peak RSS is its own
    if args.large > 0:
        text = large_text(texts, args.large)
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        n, seconds = measure(text, 1, ANALYSIS)
        after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        large = {
            "megabytes": round(len(text.encode("utf-8")) / 1e6, 2),
            "sentences": n,
            "seconds": seconds,
            "peak_rss_growth_mib": round(max(0, after - before) / 1024, 1),
        }
    rows: list[dict[str, Any]] = []
    for size in (int(s) for s in args.sizes.split(",") if s.strip()):
        n, seconds = measure(text_of(texts, size), max(1, args.repeat), STAGES)
        rows.append({"sentences": n, "seconds": seconds})
    if args.json:
        print(json.dumps({"warm_up_seconds": warm, "rows": rows, "large": large}, indent=2))
        return 0
    print(f"warm-up (lexicons, regexes, stemmer) {warm * 1e3:.0f} ms; best of {args.repeat}")
    print(table(rows))
    if large is not None:
        print()
        print(
            f"large: {large['megabytes']} MB, {large['sentences']} sentences, "
            f"peak RSS growth {large['peak_rss_growth_mib']} MiB"
        )
        print(table([large]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
