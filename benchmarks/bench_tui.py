"""Time the TUI re-summarising an article as the reader changes the length, algorithm or ratio.

A 300-sentence article (and 1,000 with ``--sizes``) is built at run time from the BBC dev
texts in ``../shared/data`` (never copied).  The app runs headless (``App.run_test``) at
120×40; each step presses one key that re-summarises (``+``, ``-``, ``r``, ``a``) and times
from the moment the reader asks for the new summary (``ReaderScreen.resummarize``, called by
the key's action) until the screen has been refreshed with it: the background summary done,
both panes and the stats bar updated and painted (a callback after the next refresh).  The
test harness's own waiting between steps is not counted.  sumy is timed on the same text in
the same run (LexRank's ranking call alone), for scale.

Usage::

    .venv/bin/python benchmarks/bench_tui.py                  # 300 sentences, 12 steps
    .venv/bin/python benchmarks/bench_tui.py --sizes 300,1000 --json
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from bench_rank import DEFAULT_DATA, build_documents  # noqa: E402

from summarizer.rank import rank  # noqa: E402
from tui.app import EvenhandApp  # noqa: E402
from tui.screens.reader import ReaderScreen  # noqa: E402


class _Clock:
    """Marks when a re-summarise is asked for and when its summary has been painted."""

    def __init__(self) -> None:
        self.asked: float | None = None
        self.painted: float | None = None
        resummarize, show = ReaderScreen.resummarize, ReaderScreen._show

        def timed_resummarize(screen: ReaderScreen, *args: Any, **kwargs: Any) -> None:
            self.asked, self.painted = time.perf_counter(), None
            resummarize(screen, *args, **kwargs)

        def timed_show(screen: ReaderScreen, *args: Any, **kwargs: Any) -> None:
            show(screen, *args, **kwargs)
            screen.call_after_refresh(self._paint)

        ReaderScreen.resummarize = timed_resummarize  # type: ignore[method-assign]
        ReaderScreen._show = timed_show  # type: ignore[method-assign]

    def _paint(self) -> None:
        if self.painted is None:
            self.painted = time.perf_counter()

    def seconds(self) -> float:
        assert self.asked is not None and self.painted is not None, "no summary was painted"
        return self.painted - self.asked

KEYS = ("plus", "plus", "minus", "r", "r", "a", "a", "minus", "plus", "r", "a", "minus")


async def _time_steps(path: Path, keys: tuple[str, ...], clock: _Clock) -> tuple[float, list[dict[str, Any]]]:
    app = EvenhandApp(str(path))
    steps: list[dict[str, Any]] = []
    async with app.run_test(size=(120, 40)) as pilot:
        start = time.perf_counter()
        await _settle(pilot)
        opened = time.perf_counter() - start
        for key in keys:
            before = app.reader.summary
            await pilot.press(key)
            await _settle(pilot)
            seconds = clock.seconds()
            summary = app.reader.summary
            assert summary is not None and summary is not before, f"{key!r} did not re-summarise"
            kept = sum(d.kept for d in summary.decisions)
            steps.append({"key": key, "algorithm": summary.algorithm, "kept": kept, "seconds": seconds})
    return opened, steps


async def _settle(pilot: Any) -> None:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--sizes", default="300", help="comma-separated sentence counts (default 300)")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args()
    sizes = tuple(int(s) for s in args.sizes.split(","))
    docs = build_documents(args.data, sizes)
    results = []
    clock = _Clock()
    with tempfile.TemporaryDirectory() as tmp:
        for size, doc in sorted(docs.items()):
            path = Path(tmp) / f"article-{size}.txt"
            path.write_text(doc.text, encoding="utf-8")
            opened, steps = asyncio.run(_time_steps(path, KEYS, clock))
            start = time.perf_counter()
            rank(doc, "lexrank", engine="sumy")
            sumy = time.perf_counter() - start
            seconds = [s["seconds"] for s in steps]
            results.append(
                {
                    "sentences": len(doc.sentences),
                    "open_seconds": opened,
                    "steps": steps,
                    "median_seconds": statistics.median(seconds),
                    "max_seconds": max(seconds),
                    "sumy_lexrank_rank_seconds": sumy,
                }
            )
    if args.json:
        print(json.dumps(results, indent=2))
        return 0
    for r in results:
        print(f"{r['sentences']} sentences: opened (read, summarise, show) in {r['open_seconds'] * 1000:.0f} ms")
        for s in r["steps"]:
            print(f"  {s['key']:<6} -> {s['algorithm']:<9} {s['kept']:>4} kept  {s['seconds'] * 1000:6.1f} ms")
        print(
            f"  re-summarise, asked to painted: median {r['median_seconds'] * 1000:.0f} ms,"
            f" max {r['max_seconds'] * 1000:.0f} ms (sumy's LexRank ranking alone: {r['sumy_lexrank_rank_seconds']:.2f} s)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
