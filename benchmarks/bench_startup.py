"""A whole process summarising one short article: ``evenhand summarize FILE --format json`` next to sumy's.

Each system runs as a new process, ``--repeat`` times, the systems taking turns so that the
machine's load falls on both alike; the report gives the median per process and the ratio
sumy / evenhand.  Each system runs once untimed first, so that what a first run leaves behind
(the bytecode of evenhand's modules, its compiled patterns, :mod:`summarizer.regex_cache`) is
there, as it is for a user after the first run; ``PYTHONDONTWRITEBYTECODE`` is not passed on.
Timed, in one run:

1. ``python -m evenhand summarize FILE --format json`` (the console entry, with its fast path);
2. the same through the Typer application alone (``evenhand.cli.main``, as before the fast path);
3. sumy on the same file: ``sumy lex-rank --length=N --file=FILE`` when sumy's tool runs offline,
   else one process doing what the tool does (see ``benchmarks/bench_batch.py``: PlaintextParser,
   LexRank with sumy's English stemmer and stop words, N sentences printed, evenhand's
   tokenizer in place of NLTK's punkt, which cannot be downloaded here).

``--clock cpu`` (the default) reads the processes' CPU time (user + system, from the kernel's
accounting of finished children), which other work on a shared machine disturbs far less than
the wall clock; ``--clock wall`` reads the wall clock.

Usage::

    .venv/bin/python benchmarks/bench_startup.py                        # examples/wire-neutral.txt, 7 runs each
    .venv/bin/python benchmarks/bench_startup.py --file F --repeat 11 --clock wall
    .venv/bin/python benchmarks/bench_startup.py --json
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench_batch import SUMY_EQUIVALENT, SUMY_TOOL  # the same sumy job as the batch benchmark's

REPO = Path(__file__).resolve().parents[1]
DEFAULT_FILE = REPO / "examples" / "wire-neutral.txt"


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _run(command: list[str], env: dict[str, str]) -> tuple[float, float, subprocess.CompletedProcess[str]]:
    cpu = _children_cpu()
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False, cwd=REPO, env=env)
    return time.perf_counter() - started, _children_cpu() - cpu, done


def systems(file: Path, sentences: int) -> list[tuple[str, list[str], dict[str, str]]]:
    """``(name, command, environment)`` of each system timed."""
    env = {**os.environ, "NLTK_DATA": tempfile.mkdtemp(prefix="empty-nltk-")}
    # As installed: pip compiles sumy's modules to bytecode, and evenhand's are compiled at their
    # first import; a PYTHONDONTWRITEBYTECODE in the caller's environment would make every evenhand
    # process compile its sources again (about 0.15 s of CPU) while sumy's stay compiled.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    ours = [sys.executable, "-m", "evenhand", "summarize", str(file), "--format", "json"]
    typer_only = [sys.executable, "-c", "import sys; from evenhand.cli import main; sys.argv[0] = 'evenhand'; main()",
                  "summarize", str(file), "--format", "json"]
    tool = [str(SUMY_TOOL), "lex-rank", f"--length={sentences}", f"--file={file}"]
    probe = subprocess.run(tool, capture_output=True, text=True, check=False, env=env)
    if probe.returncode == 0 and probe.stdout.strip():
        sumy = ("sumy lex-rank (sumy's own tool)", tool, env)
    else:
        sumy = ("sumy LexRank (the tool's job; evenhand's tokenizer, no punkt offline)",
                [sys.executable, "-c", SUMY_EQUIVALENT, str(file), str(sentences)], {**env, "PYTHONPATH": str(REPO)})
    return [("evenhand summarize -f json", ours, env), ("evenhand via Typer only", typer_only, env), sumy]


def benchmark(args: argparse.Namespace) -> dict[str, Any]:
    runs = systems(args.file, args.sentences)
    times: dict[str, list[float]] = {name: [] for name, _, _ in runs}
    outputs: dict[str, str] = {}
    for _, command, env in runs:  # once untimed: bytecode written and evenhand's regex cache filled, as after a first run
        _run(command, env)
    for _ in range(args.repeat):
        for name, command, env in runs:
            wall, cpu, done = _run(command, env)
            if done.returncode != 0 or not done.stdout.strip():
                raise SystemExit(f"{name} failed ({done.returncode}): {done.stderr.strip()[-500:]}")
            times[name].append(cpu if args.clock == "cpu" else wall)
            outputs.setdefault(name, done.stdout)
    medians = {name: statistics.median(values) for name, values in times.items()}
    sumy_name = runs[-1][0]
    return {
        "file": str(args.file),
        "clock": args.clock,
        "repeat": args.repeat,
        "same_output_with_and_without_typer": outputs[runs[0][0]] == outputs[runs[1][0]],
        "results": [
            {
                "system": name,
                "median_s": round(medians[name], 3),
                "min_s": round(min(times[name]), 3),
                "max_s": round(max(times[name]), 3),
                "sumy_over_this": round(medians[sumy_name] / medians[name], 2),
            }
            for name, _, _ in runs
        ],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--file", type=Path, default=DEFAULT_FILE, help="the article (default examples/wire-neutral.txt)")
    parser.add_argument("--repeat", type=int, default=7, help="processes per system (default 7)")
    parser.add_argument("--sentences", type=int, default=3, help="sentences sumy prints (default 3)")
    parser.add_argument("--clock", choices=("cpu", "wall"), default="cpu",
                        help="the processes' CPU time (default, steadier on a busy machine) or the wall clock")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args()
    result = benchmark(args)
    if args.json:
        print(json.dumps(result, indent=2))
        return
    print(f"{result['file']}: {result['clock']} seconds per process, median of {result['repeat']}")
    print(f"{'system':<72} {'median':>8} {'min':>7} {'max':>7} {'sumy/this':>10}")
    for row in result["results"]:
        print(f"{row['system']:<72} {row['median_s']:>8.3f} {row['min_s']:>7.3f} {row['max_s']:>7.3f}"
              f" {row['sumy_over_this']:>9.2f}x")
    print(f"same JSON with and without Typer: {result['same_output_with_and_without_typer']}")


if __name__ == "__main__":
    main()
