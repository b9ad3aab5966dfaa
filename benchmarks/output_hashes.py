"""Hash the JSON of every summary a change must leave alone, and compare two runs.

Issue 11's "output unchanged" check, made one command: the JSON summary (``render(…,
"json")``) of every BBC and CNN/DailyMail dev article, the seed, the bundled examples and
the 1,000- and 3,000-sentence benchmark texts (``bench_rank.build_documents``), under several
option sets, each as a SHA-256.  The data are read from ``../shared/data`` at run time and
never copied; only hashes are written.

Usage::

    .venv/bin/python benchmarks/output_hashes.py --out /tmp/before.tsv          # on the old code
    .venv/bin/python benchmarks/output_hashes.py --compare /tmp/before.tsv      # on the new code
    .venv/bin/python benchmarks/output_hashes.py --quick --out /tmp/q.tsv       # seed, examples, 60 articles

``--compare`` exits 1 and lists the cases whose JSON differs (or that one run lacks).  A run
takes about 30 s with ``--jobs 2`` (``--quick``: about 3 s).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from benchmarks.bench_rank import build_documents  # noqa: E402
from summarizer.analysis import analyse  # noqa: E402
from summarizer.model import Document  # noqa: E402
from summarizer.options import SummaryOptions  # noqa: E402
from summarizer.pipeline import summarize  # noqa: E402
from summarizer.render import render  # noqa: E402
from summarizer.segment import segment  # noqa: E402

SHARED = REPO / ".." / "shared"
#: The option sets every text is summarised with: the default, a short and a long summary, no
#: edits, a word budget, and the two sumy algorithms the issue names.
OPTION_SETS: dict[str, dict[str, object]] = {
    "neutral": {},
    "neutral-n3": {"sentences": 3},
    "neutral-n8": {"sentences": 8},
    "neutral-none": {"edits": "none"},
    "neutral-w60": {"words": 60},
    "textrank": {"algorithm": "textrank"},
    "lexrank": {"algorithm": "lexrank"},
}
#: The long benchmark texts are summarised with these only (they take seconds each).
LONG_SETS = ("neutral", "textrank")


def _cases(data: Path, quick: bool) -> Iterator[tuple[str, str]]:
    """``(name, text)`` of every text to summarise, in a fixed order.

    The seed is read from beside ``data`` (``--data /work/shared/data`` finds
    ``/work/shared/seed``), so a run from a git worktree, which has no ``../shared``, still
    hashes it."""
    seed = data.parent / "seed" / "slanted-article.txt"
    if seed.exists():
        yield "seed", seed.read_text(encoding="utf-8")
    for example in sorted((REPO / "examples").glob("*.txt")):
        yield f"examples/{example.name}", example.read_text(encoding="utf-8")
    for name, path in (
        ("bbc", data / "bbc-news-summary" / "bbc_news_summary.dev.jsonl"),
        ("cnn", data / "cnn-dailymail-sample" / "cnndm_train_sample.dev.jsonl"),
    ):
        if not path.exists():
            continue
        with path.open(encoding="utf-8") as lines:
            for n, line in enumerate(lines):
                if quick and n >= 30:
                    break
                if line.strip():
                    record = json.loads(line)
                    yield f"{name}/{record['id']}", record["text"]


def _digest(document: Document, sets: tuple[str, ...]) -> list[tuple[str, str]]:
    analysis = analyse(document)
    rows = []
    for label in sets:
        try:
            summary = summarize(document, analysis=analysis, options=SummaryOptions(**OPTION_SETS[label]))  # type: ignore[arg-type]
            output = render(summary, "json")
        except Exception as error:  # an error is an output too: the same one must come
            output = f"{type(error).__name__}: {error}"
        rows.append((label, hashlib.sha256(output.encode("utf-8")).hexdigest()))
    return rows


def _work(item: tuple[str, str]) -> list[str]:
    name, text = item
    return [
        f"{name}\t{label}\t{digest}"
        for label, digest in _digest(segment(text, source=name), tuple(OPTION_SETS))
    ]


def _long(data: Path) -> list[str]:
    path = data / "bbc-news-summary" / "bbc_news_summary.dev.jsonl"
    if not path.exists():
        return []
    return [
        f"long/{size}\t{label}\t{digest}"
        for size, document in build_documents(path, (1000, 3000)).items()
        for label, digest in _digest(document, LONG_SETS)
    ]


def run(data: Path, jobs: int, quick: bool) -> list[str]:
    """Every case's line: name, option set and hash, tab-separated, in a fixed order."""
    items = list(_cases(data, quick))
    lines: list[str] = []
    with ProcessPoolExecutor(max_workers=max(1, jobs)) as pool:
        for rows in pool.map(_work, items, chunksize=8):
            lines.extend(rows)
        if not quick:
            lines.extend(pool.submit(_long, data).result())
    return lines


def compare(before: list[str], after: list[str]) -> list[str]:
    """The cases whose hash differs, or that only one run has."""
    old = {tuple(line.split("\t")[:2]): line.split("\t")[2] for line in before if line}
    new = {tuple(line.split("\t")[:2]): line.split("\t")[2] for line in after if line}
    return [
        f"{'changed' if key in old and key in new else 'only before' if key in old else 'only after'}: {key[0]} ({key[1]})"
        for key in sorted(old.keys() | new.keys())
        if old.get(key) != new.get(key)
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=SHARED / "data", help="the shared data folder")
    parser.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1))
    parser.add_argument(
        "--quick", action="store_true", help="the seed, the examples and 30 articles of each set"
    )
    parser.add_argument("--out", type=Path, help="write the hashes here")
    parser.add_argument("--compare", type=Path, help="compare with an earlier run's hashes")
    args = parser.parse_args()
    lines = run(args.data, args.jobs, args.quick)
    if args.out:
        args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} summaries hashed", file=sys.stderr)
    if args.compare:
        differences = compare(args.compare.read_text(encoding="utf-8").splitlines(), lines)
        for line in differences:
            print(line)
        print(f"{len(differences)} of {len(lines)} differ", file=sys.stderr)
        return 1 if differences else 0
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
