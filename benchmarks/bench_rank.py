"""Time evenhand's fast ranking engine against sumy on long documents.

Documents of 100, 300, 1,000 and 3,000 sentences are built at run time by concatenating
BBC dev articles (read from ``../shared/data``, never copied).  Every measurement runs in
its own process: a warm-up call on a small document first (imports, stemmer), then one
timed ``summarizer.rank.rank(document, algorithm, engine=...)`` call.  Memory is the
growth of the process's peak resident set during that call (``ru_maxrss``).  A sumy call
that runs past ``--limit`` seconds is stopped and reported as skipped, and so are the
larger sizes of that algorithm; a sumy call whose time, extrapolated quadratically from
the size before, would pass the limit is not started ("skipped (est. N s)").

Usage::

    .venv/bin/python benchmarks/bench_rank.py             # all algorithms, 4 sizes, ~5 min
    .venv/bin/python benchmarks/bench_rank.py --quick     # graph algorithms + KL, 100..1,000
    .venv/bin/python benchmarks/bench_rank.py --json      # the table as JSON
    .venv/bin/python benchmarks/bench_rank.py --end-to-end  # also the whole job per algorithm and size
"""

from __future__ import annotations

import argparse
import json
import pickle
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from summarizer.model import Document, Paragraph  # noqa: E402
from summarizer.rank import ALGORITHMS, rank  # noqa: E402
from summarizer.segment import segment  # noqa: E402

DEFAULT_DATA = REPO / ".." / "shared" / "data" / "bbc-news-summary" / "bbc_news_summary.dev.jsonl"
SIZES = (100, 300, 1000, 3000)
QUICK_SIZES = (100, 300, 1000)
QUICK_ALGORITHMS = ("lexrank", "textrank", "reduction", "kl")
#: The clock every measurement reads: wall time by default, or the process's CPU time
#: (``--clock cpu``), which other work on a shared machine disturbs less.
CLOCK = time.perf_counter
CLOCK_NAME = "wall"


def build_documents(data: Path, sizes: tuple[int, ...]) -> dict[int, Document]:
    """The first ``size`` sentences of the dev articles run together, for each size."""
    rows = [json.loads(line) for line in data.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts = [r["text"] for r in rows if not r.get("is_duplicate")]
    largest = max(sizes)
    parts: list[str] = []
    doc = segment("")
    for text in texts:
        parts.append(text)
        if sum(t.count(".") for t in parts) >= largest:
            doc = segment("\n\n".join(parts))
            if len(doc) >= largest:
                break
    else:
        doc = segment("\n\n".join(parts))
    return {size: truncate(doc, size) for size in sizes if size <= len(doc)}


def truncate(doc: Document, size: int) -> Document:
    """The document's first ``size`` sentences (text cut after the last one)."""
    sentences = doc.sentences[:size]
    end = sentences[-1].end
    paragraphs = tuple(
        Paragraph(p.index, p.start, min(p.end, end), p.first_sentence, min(p.last_sentence, size - 1))
        for p in doc.paragraphs
        if p.first_sentence < size
    )
    return Document(doc.text[:end], sentences, paragraphs)


def worker(path: Path, algorithm: str, size: int, engine: str) -> None:
    """Measure one call; print ``seconds peak_growth_bytes`` as JSON on stdout."""
    with path.open("rb") as handle:
        docs: dict[int, Document] = pickle.load(handle)
    warm = truncate(docs[min(docs)], 20)
    rank(warm, algorithm, engine=engine)
    doc = docs[size]
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = CLOCK()
    rank(doc, algorithm, engine=engine)
    seconds = CLOCK() - start
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    warm_seconds = None
    if engine == "fast":  # again, with every stem of the document cached: best of 3
        for _ in range(3):
            start = CLOCK()
            rank(doc, algorithm, engine=engine)
            elapsed = CLOCK() - start
            warm_seconds = elapsed if warm_seconds is None else min(warm_seconds, elapsed)
    print(json.dumps({"seconds": seconds, "warm_seconds": warm_seconds, "peak_kib": max(0, after - before)}))


def end_to_end_worker(path: Path, algorithm: str, size: int) -> None:
    """Time ``summarize`` alone, and the whole job: read the file, ``summarize``, render JSON, write it.

    The process first summarises a bundled example article (a different text), so imports
    and lexicons are loaded but the document's own words have not been seen: that first
    job is the one a user waits for.  Then the best of 5 more on the same file, when every
    stem and word look-up is cached, as in a long batch or the TUI (no cache is keyed by
    sentence or text, so a warm call does all the work a new text with those words needs).
    """
    from summarizer import summarize  # imported here: the pipeline is optional for this script
    from summarizer.atomic import write_atomic
    from summarizer.read import read_path
    from summarizer.render import render
    from summarizer.segment import segment

    with path.open("rb") as handle:
        docs: dict[int, Document] = pickle.load(handle)
    warm = (REPO / "examples" / "wire-neutral.txt").read_text(encoding="utf-8")
    render(summarize(warm, algorithm=algorithm), "json")
    with tempfile.TemporaryDirectory() as tmp:
        source, target = Path(tmp) / "article.txt", Path(tmp) / "article.json"
        source.write_text(docs[size].text, encoding="utf-8")

        def job() -> tuple[float, float]:
            start = CLOCK()
            decoded = read_path(source)
            document = segment(decoded.text, source=str(source), warnings=decoded.warnings)
            before = CLOCK()
            summary = summarize(document, algorithm=algorithm)
            summarized = CLOCK() - before
            write_atomic(target, render(summary, "json"))
            return CLOCK() - start, summarized

        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        first, first_summarize = job()
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        again = [job() for _ in range(5)]
    print(
        json.dumps(
            {
                "seconds": first,
                "warm_seconds": min(seconds for seconds, _ in again),
                "summarize_seconds": first_summarize,
                "summarize_warm_seconds": min(seconds for _, seconds in again),
                "peak_kib": peak,
                "growth_kib": peak - before,
            }
        )
    )


def measure_with_limit(args: list[str], limit: float) -> dict[str, Any] | None:
    """Run a worker, but stop it after ``limit`` seconds of ranking (plus start-up)."""
    start = CLOCK()
    try:
        done = subprocess.run(
            [sys.executable, __file__, "--clock", CLOCK_NAME, "--worker", *args], capture_output=True, text=True, timeout=limit + 15
        )
    except subprocess.TimeoutExpired:
        return None
    if done.returncode != 0:
        raise RuntimeError(f"worker {args} failed after {CLOCK() - start:.1f} s:\n{done.stderr}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result if result["seconds"] <= limit else None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--quick", action="store_true", help="LexRank, TextRank, Reduction, KL at 100..1,000 sentences")
    parser.add_argument("--algorithms", help="comma-separated (default: all)")
    parser.add_argument("--sizes", help="comma-separated sentence counts (default: 100,300,1000,3000)")
    parser.add_argument("--limit", type=float, default=None, help="seconds allowed per sumy call (default 30, quick 10)")
    parser.add_argument("--end-to-end", action="store_true", help="also time summarizer.summarize per size")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument(
        "--clock", choices=("wall", "cpu"), default="wall",
        help="time by the wall clock (default) or by this process's CPU time (steadier on a busy machine)",
    )
    parser.add_argument("--worker", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    global CLOCK
    CLOCK = time.process_time if args.clock == "cpu" else time.perf_counter
    global CLOCK_NAME
    CLOCK_NAME = args.clock

    if args.worker:
        if args.worker[0] == "end-to-end":
            end_to_end_worker(Path(args.worker[1]), args.worker[2], int(args.worker[3]))
        else:
            path, algorithm, size, engine = args.worker
            worker(Path(path), algorithm, int(size), engine)
        return 0

    sizes = tuple(int(s) for s in args.sizes.split(",")) if args.sizes else QUICK_SIZES if args.quick else SIZES
    algorithms = tuple(args.algorithms.split(",")) if args.algorithms else QUICK_ALGORITHMS if args.quick else ALGORITHMS
    if "neutral" in algorithms:
        # neutral has no sumy ranking to compare with: it is timed end to end only, always.
        if not args.end_to_end:
            parser.error("neutral is timed end to end only: add --end-to-end")
        algorithms = tuple(a for a in algorithms if a != "neutral")
    unknown = [a for a in algorithms if a not in ALGORITHMS]
    if unknown:
        parser.error(f"unknown algorithm {unknown[0]!r}; choose from neutral, {', '.join(ALGORITHMS)}")
    limit = args.limit if args.limit is not None else 10.0 if args.quick else 30.0

    started = time.perf_counter()
    docs = build_documents(args.data, sizes)
    results: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "docs.pickle"
        with path.open("wb") as handle:
            pickle.dump(docs, handle)
        for algorithm in algorithms:
            sumy_gave_up = False
            previous: tuple[int, float] | None = None
            for size in sorted(docs):
                row: dict[str, Any] = {"algorithm": algorithm, "sentences": size, "sumy_estimate": None, "sumy_skipped": None}
                row["fast"] = measure_with_limit([str(path), algorithm, str(size), "fast"], limit)
                if previous is not None:
                    # sumy's ranking loops over pairs of sentences: assume quadratic growth
                    # and do not start a call that would run past the limit.
                    row["sumy_estimate"] = previous[1] * (size / previous[0]) ** 2
                if sumy_gave_up or (row["sumy_estimate"] or 0.0) > limit:
                    row["sumy"], row["sumy_skipped"] = None, "estimate"
                else:
                    row["sumy"] = measure_with_limit([str(path), algorithm, str(size), "sumy"], limit)
                    if row["sumy"] is None:
                        row["sumy_skipped"] = "timeout"
                if row["sumy"] is None:
                    sumy_gave_up = True
                else:
                    previous = (size, row["sumy"]["seconds"])
                results.append(row)
                print(f"  {algorithm} {size}: {row}", file=sys.stderr, flush=True)
        end_to_end: list[dict[str, Any]] = []
        if args.end_to_end:
            sumy_seconds = {(r["algorithm"], r["sentences"]): r["sumy"]["seconds"] for r in results if r["sumy"]}
            for algorithm in ("neutral", *algorithms):
                for size in sorted(docs):
                    measured = measure_with_limit(["end-to-end", str(path), algorithm, str(size)], limit * 3)
                    row = {"algorithm": algorithm, "sentences": size, "measured": measured}
                    row["sumy_rank_seconds"] = sumy_seconds.get((algorithm, size))
                    end_to_end.append(row)
                    print(f"  end to end {algorithm} {size}: {row}", file=sys.stderr, flush=True)
    total = time.perf_counter() - started

    if args.json:
        print(json.dumps({"limit_seconds": limit, "results": results, "end_to_end_seconds": end_to_end, "total_seconds": total}, indent=2))
        return 0
    print(
        f"{'algorithm':<10} {'sentences':>9}  {'fast s':>8} {'warm s':>8} {'sumy s':>24} {'ratio':>6} {'warm':>6}  {'fast MiB':>8} {'sumy MiB':>8}"
    )
    for row in results:
        fast, slow = row["fast"], row["sumy"]
        fast_s = f"{fast['seconds']:.4f}" if fast else f"> {limit:g}"
        warm_s = f"{fast['warm_seconds']:.4f}" if fast else "-"
        if slow:
            slow_s = f"{slow['seconds']:.3f}"
        elif row["sumy_skipped"] == "timeout" or not row["sumy_estimate"]:
            slow_s = f"skipped (> {limit:g} s)"
        else:
            slow_s = f"skipped (est. {row['sumy_estimate']:.0f} s)"
        ratio = f"{slow['seconds'] / fast['seconds']:.0f}x" if fast and slow else "-"
        warm_ratio = f"{slow['seconds'] / fast['warm_seconds']:.0f}x" if fast and slow else "-"
        fast_m = f"{fast['peak_kib'] / 1024:.1f}" if fast else "-"
        slow_m = f"{slow['peak_kib'] / 1024:.1f}" if slow else "-"
        print(
            f"{row['algorithm']:<10} {row['sentences']:>9}  {fast_s:>8} {warm_s:>8} {slow_s:>24} {ratio:>6} {warm_ratio:>6}  {fast_m:>8} {slow_m:>8}"
        )
    if end_to_end:
        print(
            "\nsummarize() alone, and the whole job (read the file, summarize(), render JSON, write it), fast"
            " engine, against sumy's ranking call alone on the same sentences (ratio = sumy / summarize()):"
        )
        print(
            f"{'algorithm':<10} {'sentences':>9}  {'summarize first':>15} {'warm':>7}  {'job first':>9} {'warm':>7}"
            f" {'peak MiB':>8}  {'sumy rank s':>11} {'ratio':>6} {'warm':>6}"
        )
        for row in end_to_end:
            measured, slow = row["measured"], row["sumy_rank_seconds"]
            if measured is None:
                print(f"{row['algorithm']:<10} {row['sentences']:>9}  timed out")
                continue
            first, warm = measured["summarize_seconds"], measured["summarize_warm_seconds"]
            print(
                f"{row['algorithm']:<10} {row['sentences']:>9}  {first:>15.4f} {warm:>7.4f}"
                f"  {measured['seconds']:>9.4f} {measured['warm_seconds']:>7.4f} {measured['peak_kib'] / 1024:>8.0f}"
                f"  {f'{slow:.3f}' if slow else '-':>11} {f'{slow / first:.0f}x' if slow else '-':>6}"
                f" {f'{slow / warm:.0f}x' if slow else '-':>6}"
            )
    print(
        f"\n(total {total:.0f} s; one process per measurement; 'fast s' is the first call in its process"
        " (stems not yet cached), 'warm s' the best of 3 more; ratio = sumy s / fast s, warm = sumy s / warm s; memory = growth of"
        " peak RSS during the first call; end to end: 'first' is the first job in a process that has only"
        " summarised a bundled example, 'warm' the best of 5 more, 'peak MiB' the process's peak RSS)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
