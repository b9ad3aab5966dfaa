"""Articles per second for `evenhand summarize` on a folder, next to sumy's command-line tool per file.

The 911 BBC dev articles (``../shared/data/bbc-news-summary/bbc_news_summary.dev.jsonl``,
field ``text``) are written as ``<id>.txt`` files into a temporary folder at run time (never
committed).  Then, in the same run and on the same files:

1. ``evenhand summarize DIR --out OUT --format json --sentences N --jobs 1``, and ``--jobs 2``,
   each as one process, timed from launch to exit (interpreter start-up included);
2. sumy's own tool, one process per file: ``sumy lex-rank --length=N --file=PATH``.  sumy's
   tool tokenises with NLTK's punkt, which is not installed and cannot be downloaded here;
   when it fails, the same work is timed with a per-file process that does what the tool
   does (``PlaintextParser`` → ``LexRankSummarizer`` with sumy's English stemmer and stop
   words → print N sentences) but with evenhand's tokenizer in place of NLTK's.  The
   report says which of the two was timed.  ``--sumy-limit K`` times the first K files only
   (the rate per file does not depend on the batch size) to keep the run short.

``--scenario`` instead runs the batch issue's acceptance scenario: 300 articles two folders
deep plus an empty file and a binary file, ``--out DIR --format json --jobs 2``; it checks
exit code 1, one JSON per good file, both bad files in the manifest's ``failed`` and on
stderr, and the input tree byte-for-byte unchanged.

Usage::

    .venv/bin/python benchmarks/bench_batch.py                  # evenhand -j1, -j2, sumy on 100 files
    .venv/bin/python benchmarks/bench_batch.py --sumy-limit 0   # sumy on all 911 files (~15 min)
    .venv/bin/python benchmarks/bench_batch.py --scenario       # the 300-article acceptance scenario
    .venv/bin/python benchmarks/bench_batch.py --json           # results as JSON
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "data" / "bbc-news-summary" / "bbc_news_summary.dev.jsonl"
SUMY_TOOL = Path(sys.executable).with_name("sumy")

# What `sumy lex-rank --length=N --file=PATH` does (sumy/__main__.py: PlaintextParser,
# Stemmer, get_stop_words, print each sentence), with evenhand's tokenizer instead of NLTK's.
SUMY_EQUIVALENT = """
import sys
from sumy.nlp.stemmers import Stemmer
from sumy.parsers.plaintext import PlaintextParser
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.utils import get_stop_words
from summarizer.segment import split_sentences
from summarizer.tokens import words

class Tokenizer:
    language = "english"
    def to_sentences(self, paragraph):
        return tuple(paragraph[start:end] for start, end in split_sentences(paragraph))
    def to_words(self, sentence):
        return words(sentence)

path, length = sys.argv[1], int(sys.argv[2])
with open(path, encoding="utf-8") as handle:
    parser = PlaintextParser.from_string(handle.read(), Tokenizer())
summarizer = LexRankSummarizer(Stemmer("english"))
summarizer.stop_words = get_stop_words("english")
for sentence in summarizer(parser.document, length):
    print(sentence)
"""


def read_articles(data: Path, limit: int | None = None) -> list[tuple[str, str]]:
    articles = []
    with data.open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            articles.append((str(record["id"]), record["text"]))
            if limit is not None and len(articles) >= limit:
                break
    return articles


def evenhand_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "evenhand", "summarize", *args]


def children_cpu() -> float:
    """CPU seconds (user + system) used so far by finished child processes and theirs."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(command: list[str], **kwargs: Any) -> tuple[float, subprocess.CompletedProcess[str]]:
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False, cwd=REPO, **kwargs)
    return time.perf_counter() - started, done


def run_evenhand(folder: Path, out: Path, jobs: int, sentences: int, count: int) -> dict[str, Any]:
    cpu = children_cpu()
    seconds, done = timed(evenhand_command(
        str(folder), "--out", str(out), "--format", "json", "--sentences", str(sentences), "--jobs", str(jobs), "-q"
    ))
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    return {
        "system": f"evenhand summarize --jobs {jobs}",
        "command": f"evenhand summarize DIR --out OUT --format json --sentences {sentences} --jobs {jobs}",
        "exit_code": done.returncode,
        "articles": count,
        "done": len(manifest["done"]),
        "failed": len(manifest["failed"]),
        "seconds": round(seconds, 2),
        "articles_per_second": round(count / seconds, 2),
        "seconds_in_batch": manifest["elapsed_s"],
        "cpu_ms_per_article": round((children_cpu() - cpu) / count * 1000, 1),
    }


def run_sumy(files: list[Path], sentences: int) -> dict[str, Any]:
    env = {**os.environ, "NLTK_DATA": tempfile.mkdtemp(prefix="empty-nltk-")}
    probe_seconds, probe = timed([str(SUMY_TOOL), "lex-rank", f"--length={sentences}", f"--file={files[0]}"], env=env)
    tool_works = probe.returncode == 0 and bool(probe.stdout.strip())
    if tool_works:
        command = [str(SUMY_TOOL), "lex-rank", f"--length={sentences}"]
        what = f"sumy lex-rank --length={sentences} --file=PATH (sumy's own tool), one process per file"
    else:
        error = next((line.strip() for line in probe.stderr.splitlines() if "Resource" in line), "")
        error = error or (probe.stderr.strip().splitlines() or ["no output"])[-1]
        what = (
            "sumy's tool cannot run offline (" + error + "); timed instead: one process per file running "
            f"PlaintextParser + LexRankSummarizer(Stemmer('english')) + English stop words, {sentences} "
            "sentences printed, with evenhand's tokenizer in place of NLTK punkt"
        )
    env_ours = {**env, "PYTHONPATH": str(REPO)}
    failures = 0
    cpu = children_cpu()
    started = time.perf_counter()
    for file in files:
        if tool_works:
            done = subprocess.run([*command, f"--file={file}"], capture_output=True, text=True, check=False, env=env)
        else:
            done = subprocess.run([sys.executable, "-c", SUMY_EQUIVALENT, str(file), str(sentences)],
                                  capture_output=True, text=True, check=False, env=env_ours, cwd=REPO)
        failures += done.returncode != 0 or not done.stdout.strip()
    seconds = time.perf_counter() - started
    return {
        "system": "sumy lex-rank per file" if tool_works else "sumy LexRank per file (tool's equivalent)",
        "command": what,
        "sumy_tool_ran_offline": tool_works,
        "sumy_tool_probe_seconds": round(probe_seconds, 2),
        "articles": len(files),
        "failed": failures,
        "seconds": round(seconds, 2),
        "articles_per_second": round(len(files) / seconds, 2),
        "cpu_ms_per_article": round((children_cpu() - cpu) / len(files) * 1000, 1),
    }


def benchmark(args: argparse.Namespace) -> dict[str, Any]:
    articles = read_articles(args.data, args.limit)
    with tempfile.TemporaryDirectory(prefix="evenhand-bench-") as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        files = []
        for ident, text in articles:
            path = folder / f"{ident}.txt"
            path.write_text(text, encoding="utf-8")
            files.append(path)
        results = [
            run_evenhand(folder, Path(tmp) / f"out-j{jobs}", jobs, args.sentences, len(files)) for jobs in (1, 2)
        ]
        sumy_files = files if args.sumy_limit == 0 else files[: args.sumy_limit]
        results.append(run_sumy(sumy_files, args.sentences))
    return {"data": str(args.data), "articles": len(articles), "cores": os.cpu_count(), "results": results}


def tree_hash(root: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        digest.update(path.relative_to(root).as_posix().encode())
        if path.is_file():
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def scenario(args: argparse.Namespace) -> dict[str, Any]:
    articles = read_articles(args.data, 300)
    with tempfile.TemporaryDirectory(prefix="evenhand-scenario-") as tmp:
        root = Path(tmp) / "articles"
        for number, (ident, text) in enumerate(articles):
            category = ident.split("-")[1] if ident.count("-") >= 2 else "misc"
            folder = root / category / f"batch{number % 3}"
            folder.mkdir(parents=True, exist_ok=True)
            (folder / f"{ident}.txt").write_text(text, encoding="utf-8")
        (root / "empty.txt").write_bytes(b"")
        (root / "business" / "image.txt").parent.mkdir(parents=True, exist_ok=True)
        (root / "business" / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
        before = tree_hash(root)
        out = Path(tmp) / "out"
        seconds, done = timed(evenhand_command(str(root), "--out", str(out), "--format", "json", "--jobs", "2"))
        manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
        outputs = [p for p in out.rglob("*.json") if p.name != "manifest.json"]
        failed = {Path(f["path"]).name for f in manifest["failed"]}
        checks = {
            "exit code 1": done.returncode == 1,
            "one JSON per good file (300)": len(outputs) == 300 and len(manifest["done"]) == 300,
            "empty and binary file in manifest failed": failed == {"empty.txt", "image.txt"},
            "both named on stderr": all(
                any(name in line and line.startswith("evenhand: failed:") for line in done.stderr.splitlines())
                for name in ("empty.txt", "image.txt")
            ),
            "input tree byte-for-byte unchanged": tree_hash(root) == before,
        }
        return {
            "scenario": "300 articles two folders deep + empty + binary, --out DIR --format json --jobs 2",
            "seconds": round(seconds, 2),
            "articles_per_second": round(300 / seconds, 2),
            "checks": checks,
            "passed": all(checks.values()),
            "stderr": [line for line in done.stderr.splitlines() if "failed" in line or "done" in line],
        }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="JSON Lines file with 'id' and 'text'")
    parser.add_argument("--limit", type=int, default=None, help="use only the first N articles")
    parser.add_argument("--sentences", type=int, default=5, help="sentences per summary, both systems (default 5)")
    parser.add_argument("--sumy-limit", type=int, default=100,
                        help="time sumy on the first K files (0: all; default 100)")
    parser.add_argument("--scenario", action="store_true", help="run the 300-article acceptance scenario instead")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args()
    if not args.data.is_file():
        sys.exit(f"bench_batch: no data at {args.data} (../shared/data is needed; nothing is downloaded)")
    report = scenario(args) if args.scenario else benchmark(args)
    if args.json:
        print(json.dumps(report, indent=2))
        return
    if args.scenario:
        print(f"{report['scenario']}: {report['seconds']} s ({report['articles_per_second']} articles/s)")
        for name, ok in report["checks"].items():
            print(f"  {'PASS' if ok else 'FAIL'}  {name}")
        for line in report["stderr"]:
            print(f"  stderr: {line}")
        sys.exit(0 if report["passed"] else 1)
    print(f"{report['articles']} articles from {report['data']}, {report['cores']} cores")
    print(f"{'system':44} {'articles':>8} {'seconds':>8} {'articles/s':>10} {'CPU ms/article':>14}")
    for row in report["results"]:
        print(f"{row['system']:44} {row['articles']:>8} {row['seconds']:>8} {row['articles_per_second']:>10} "
              f"{row['cpu_ms_per_article']:>14}")
    for row in report["results"]:
        print(f"- {row['system']}: {row['command']}")


if __name__ == "__main__":
    main()
