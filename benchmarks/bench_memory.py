"""Peak memory and time of one very long document summarised to JSON, against sumy where it can.

The text is made at run time in a temporary folder (``tests/articles.make_long_text``: the
paragraphs of ``examples/*.txt`` shuffled into articles, digits and names varied), so nothing
is read from ``../shared/data``.  Each run is a fresh process; its peak resident set is its own
``VmHWM``, reported as it exits (a child's ``ru_maxrss`` would count this script's memory:
Linux carries it over exec); its CPU time (user + system, from ``os.wait4``) is steadier than
the wall clock on a shared machine.

    evenhand   evenhand summarize big.txt -f json --max-bytes N > out.json   (per --algorithms)
    sumy       sumy's LexRank, the same text, 10 sentences, on a --sumy-mb slice (it compares
               every sentence with every other, so the full text is out of its reach)

Usage::

    .venv/bin/python benchmarks/bench_memory.py                  # 50 MB, neutral, sumy on 1 MB
    .venv/bin/python benchmarks/bench_memory.py --mb 5 --algorithms neutral,textrank,lexrank
    .venv/bin/python benchmarks/bench_memory.py --sumy-mb 0      # evenhand only
    .venv/bin/python benchmarks/bench_memory.py --json
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.articles import make_long_text  # noqa: E402

MB = 2**20
# Each run reports its own peak (VmHWM) as it exits: Linux carries a child's ru_maxrss over
# exec from the forked parent, which holds the text, so os.wait4's figure would be this script's.
PEAK = """
import re, runpy, sys
sys.argv = sys.argv[1:]
try:
    runpy.run_path(sys.argv[0], run_name="__main__")
finally:
    status = open("/proc/self/status").read()
    print("peak-kb", re.search(r"VmHWM:\\s+(\\d+)", status).group(1), file=sys.stderr)
"""
EVENHAND = """
import sys
from evenhand.cli import app
app(sys.argv[1:])
"""
SUMY = """
import sys
from sumy.nlp.stemmers import Stemmer
from sumy.parsers.plaintext import PlaintextParser
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.utils import get_stop_words

class Words:  # sumy's own tokenizer needs NLTK's punkt data: split on stops and word characters
    language = "english"

    def to_sentences(self, paragraph):
        import re
        return [s for s in re.split(r"(?<=[.!?])\\s+", paragraph) if s]

    def to_words(self, sentence):
        import re
        return re.findall(r"\\w+", sentence)

text = open(sys.argv[1], encoding="utf-8").read()
parser = PlaintextParser.from_string(text, Words())
summarizer = LexRankSummarizer(Stemmer("english"))
summarizer.stop_words = get_stop_words("english")
print(len(summarizer(parser.document, 10)))
"""


def measure(command: list[str], out: Path, timeout: float) -> dict[str, Any]:
    """Run ``command`` with standard output to ``out``: wall and CPU seconds, peak RSS in MB."""
    start = time.perf_counter()
    with out.open("wb") as stdout:
        process = subprocess.Popen(command, stdout=stdout, stderr=subprocess.PIPE)
        deadline = start + timeout
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                process.kill()
                pid, status, usage = os.wait4(process.pid, 0)
                break
            time.sleep(0.2)
    process.returncode = os.waitstatus_to_exitcode(status)
    stderr = process.stderr.read().decode("utf-8", "replace") if process.stderr else ""
    peaks = [line.split()[1] for line in stderr.splitlines() if line.startswith("peak-kb ")]
    messages = [line for line in stderr.splitlines() if line.strip() and not line.startswith("peak-kb ")]
    return {
        "exit": process.returncode,
        "wall_s": round(time.perf_counter() - start, 1),
        "cpu_s": round(usage.ru_utime + usage.ru_stime, 1),
        "peak_mb": round(int(peaks[-1]) / 1024) if peaks else None,
        "output_mb": round(out.stat().st_size / MB, 1),
        "error": messages[-1] if process.returncode and messages else None,
    }


def script(folder: Path, name: str, source: str) -> list[str]:
    """The command that runs ``source`` (saved as ``folder/name``) and reports its peak."""
    path = folder / name
    path.write_text(source, encoding="utf-8")
    return [sys.executable, "-c", PEAK, str(path)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mb", type=float, default=50.0, help="size of the text in MB (default 50)")
    parser.add_argument("--algorithms", default="neutral", help="comma-separated (default neutral)")
    parser.add_argument("--sumy-mb", type=float, default=1.0, help="sumy's slice in MB; 0 skips sumy (default 1)")
    parser.add_argument("--timeout", type=float, default=1800.0, help="seconds per run (default 1800)")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args()

    results: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="evenhand-bench-memory-") as folder:
        big = Path(folder) / "big.txt"
        text = make_long_text(int(args.mb * MB))
        big.write_text(text, encoding="utf-8")
        size = big.stat().st_size
        evenhand = script(Path(folder), "evenhand_cli.py", EVENHAND)
        sumy = script(Path(folder), "sumy_lexrank.py", SUMY)
        for algorithm in args.algorithms.split(","):
            command = [*evenhand, "summarize", str(big), "-f", "json", "-a", algorithm,
                       "--max-bytes", str(size + 1)]
            row = measure(command, Path(folder) / "out.json", args.timeout)
            results.append({"tool": "evenhand", "algorithm": algorithm, "mb": round(size / MB, 1), **row})
        if args.sumy_mb > 0:
            part = Path(folder) / "part.txt"
            part.write_text(text[: int(args.sumy_mb * MB)], encoding="utf-8")
            row = measure([*sumy, str(part)], Path(folder) / "sumy.txt", args.timeout)
            results.append({"tool": "sumy", "algorithm": "lexrank", "mb": round(part.stat().st_size / MB, 1), **row})
            command = [*evenhand, "summarize", str(part), "-f", "json", "-a", "lexrank"]
            row = measure(command, Path(folder) / "out.json", args.timeout)
            results.append({"tool": "evenhand", "algorithm": "lexrank", "mb": round(part.stat().st_size / MB, 1), **row})

    if args.json:
        print(json.dumps(results, indent=2))
        return
    print(f"{'tool':9} {'algorithm':9} {'MB in':>6} {'wall s':>7} {'cpu s':>6} {'peak MB':>8} {'MB out':>7}  exit")
    for r in results:
        print(f"{r['tool']:9} {r['algorithm']:9} {r['mb']:6} {r['wall_s']:7} {r['cpu_s']:6} {r['peak_mb']:8}"
              f" {r['output_mb']:7}  {r['exit']}{'  ' + r['error'] if r['error'] else ''}")


if __name__ == "__main__":
    main()
