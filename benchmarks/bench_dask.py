"""Articles per second of the local pool and of a local Dask cluster, side by side in one run.

Both read the BBC dev corpus where it lies (``../shared/data/bbc-news-summary/
bbc_news_summary.dev.jsonl``, field ``text``; never copied) and write one JSON file per
article into a temporary folder:

    evenhand summarize DATA --jsonl-field text --out OUT -f json -q -j N          # the local pool
    evenhand summarize DATA --jsonl-field text --out OUT -f json -q --cluster local:N

Each is one process, timed from launch to exit (interpreter, pool or cluster start-up
included); the runs alternate (pool, cluster, pool, cluster, …) so that both see the same
machine.  The driver's peak memory (its own RSS, not its workers') is sampled every 50 ms.
The report checks that both wrote the same files, byte for byte.

``--generate-gb G`` instead writes a G GB JSON Lines corpus (the dev texts again and again,
with ids of their own) into a temporary folder, runs ``--cluster local:N`` on it with
``-f text`` for ``--seconds S`` (then Ctrl-C, as a user would), and reports the driver's
peak memory and the articles done.

``--generate-gb G --driver-only`` runs the whole corpus through the driver of ``--cluster
local:N`` in this process, with each range's summarising replaced on the workers by a stub
that returns an output a third of the text's size: the driver's work (planning, naming every
record, sending ranges, receiving and writing outcomes, the manifest) is real, the workers'
is not, so a 1 GB corpus takes minutes rather than an hour.  It reports the driver's peak
memory (VmHWM) and the records done.

Usage::

    .venv/bin/python benchmarks/bench_dask.py                    # -j 2 and local:2, twice each
    .venv/bin/python benchmarks/bench_dask.py --workers 2 --repeat 3 --json
    .venv/bin/python benchmarks/bench_dask.py --times 4 --repeat 1   # 3,644 articles: start-up matters less
    .venv/bin/python benchmarks/bench_dask.py --generate-gb 1 --seconds 120
    .venv/bin/python benchmarks/bench_dask.py --generate-gb 1 --driver-only
"""

from __future__ import annotations

import argparse
import hashlib
import json
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import psutil  # comes with dask[distributed]

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "data" / "bbc-news-summary" / "bbc_news_summary.dev.jsonl"


def tree_digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file() and path.name != "manifest.json":
            digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def timed(command: list[str], *, seconds: float | None = None) -> dict[str, Any]:
    """Run ``command``; wall time, the driver's peak RSS, exit code and stderr's last line."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    peak = 0
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak
        try:
            handle = psutil.Process(process.pid)
            while not stop.is_set():
                peak = max(peak, handle.memory_info().rss)
                time.sleep(0.05)
        except psutil.Error:
            pass

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    try:
        _, stderr = process.communicate(timeout=seconds)
    except subprocess.TimeoutExpired:
        process.send_signal(signal.SIGINT)
        _, stderr = process.communicate()
    wall = time.perf_counter() - started
    stop.set()
    sampler.join()
    lines = stderr.strip().splitlines()
    return {"wall_s": round(wall, 2), "driver_peak_mb": round(peak / 2**20, 1), "exit": process.returncode,
            "last_line": lines[-1] if lines else ""}


def compare(data: Path, workers: int, repeat: int, times: int = 1) -> dict[str, Any]:
    runs: dict[str, list[dict[str, Any]]] = {"pool": [], "cluster": []}
    digests: dict[str, set[str]] = {"pool": set(), "cluster": set()}
    with tempfile.TemporaryDirectory(prefix="evenhand-bench-dask-") as tmp:
        source = data
        if times > 1:  # the corpus K times over, ids of their own, in the temporary folder only
            source = Path(tmp) / f"x{times}.jsonl"
            records = [json.loads(line) for line in data.open(encoding="utf-8") if line.strip()]
            with source.open("w", encoding="utf-8") as handle:
                for k in range(times):
                    for record in records:
                        handle.write(json.dumps({**record, "id": f"{record.get('id')}-{k}"}) + "\n")
        articles = sum(1 for line in source.open("rb") if line.strip())
        evenhand = [sys.executable, "-m", "evenhand", "summarize", str(source), "--jsonl-field", "text",
                    "-f", "json", "-q"]
        for round_ in range(repeat):
            for name, extra in (("pool", ["-j", str(workers)]), ("cluster", ["--cluster", f"local:{workers}"])):
                out = Path(tmp) / f"{name}-{round_}"
                run = timed([*evenhand, "--out", str(out), *extra])
                run["articles_per_s"] = round(articles / run["wall_s"], 1)
                runs[name].append(run)
                digests[name].add(tree_digest(out))
    best = {name: max(r["articles_per_s"] for r in rs) for name, rs in runs.items()}
    return {
        "data": str(data), "times": times, "articles": articles, "workers": workers, "runs": runs,
        "best_articles_per_s": best, "cluster_over_pool": round(best["cluster"] / best["pool"], 3),
        "identical_outputs": len(digests["pool"] | digests["cluster"]) == 1,
    }


def generate(data: Path, gigabytes: float, corpus: Path) -> tuple[int, int]:
    """Write a JSON Lines corpus of ``gigabytes`` GB: the dev texts again and again, ids of their own."""
    texts = [json.loads(line)["text"] for line in data.open(encoding="utf-8") if line.strip()]
    target = int(gigabytes * 2**30)
    written = records = 0
    with corpus.open("w", encoding="utf-8") as handle:
        while written < target:
            line = json.dumps({"id": f"r{records}", "text": texts[records % len(texts)]}) + "\n"
            handle.write(line)
            written += len(line.encode("utf-8"))
            records += 1
    return written, records


def stub_run_range(path: str, start: int, end: int, wanted: dict[int, tuple[str, str | None]],
                   options: Any) -> list[Any]:
    """On a worker, instead of summarising: each record named in ``wanted`` read as the real code reads
    it, and an outcome a third of its text's size returned (defined here, so Dask sends it by value)."""
    from summarizer.batch import Outcome, Task, _read_record, _record_item
    from summarizer.batch_dask import _range_lines

    outcomes: list[Any] = []
    for number, line in enumerate(_range_lines(path, start, end), start=1):
        if number not in wanted:
            continue
        record = _read_record(number, line, options.jsonl_field, options.max_bytes)
        if record is None:
            continue
        item = _record_item(record, *wanted[number])
        if isinstance(item, Task):
            text = item.text or ""
            record_json = json.dumps({"source": item.label, "summary": text[: len(text) // 3]})
            outcomes.append(Outcome(item.label, "done", output=item.output, record=record_json))
        else:
            outcomes.append(item)
    return outcomes


def driver_only(data: Path, gigabytes: float, workers: int) -> dict[str, Any]:
    import summarizer.batch_dask as batch_dask
    from summarizer.batch import BatchOptions, SummaryOptions, plan_batch, run_batch

    with tempfile.TemporaryDirectory(prefix="evenhand-bench-dask-driver-") as tmp:
        corpus = Path(tmp) / "big.jsonl"
        written, records = generate(data, gigabytes, corpus)
        batch_dask._run_range = stub_run_range  # type: ignore[assignment]
        options = BatchOptions(summary=SummaryOptions(), format="text", jsonl_out=str(Path(tmp) / "out.jsonl"),
                               jsonl_field="text", cluster=f"local:{workers}")
        started = time.perf_counter()
        plan = plan_batch([str(corpus)], options)
        result = run_batch(plan, options)
        wall = time.perf_counter() - started
        status = Path("/proc/self/status").read_text().split("VmHWM:")[1].split()[0]
        out_lines = sum(1 for _ in (Path(tmp) / "out.jsonl").open("rb"))
    return {"corpus_bytes": written, "records": records, "workers": workers, "mode": "driver only (stub workers)",
            "wall_s": round(wall, 1), "driver_peak_mb": round(int(status) / 1024, 1), "done": len(result.done),
            "failed": len(result.failed), "jsonl_records_written": out_lines}


def big_corpus(data: Path, gigabytes: float, workers: int, seconds: float) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="evenhand-bench-dask-big-") as tmp:
        corpus = Path(tmp) / "big.jsonl"
        written, records = generate(data, gigabytes, corpus)
        run = timed([sys.executable, "-m", "evenhand", "summarize", str(corpus), "--jsonl-field", "text",
                     "-f", "text", "-q", "--out", str(Path(tmp) / "out"), "--cluster", f"local:{workers}"],
                    seconds=seconds)
        done = sum(1 for _ in (Path(tmp) / "out").rglob("*.txt"))
    return {"corpus_bytes": written, "records": records, "workers": workers, "seconds": seconds, **run,
            "articles_written": done}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--times", type=int, default=1, help="the corpus K times over (a temporary file)")
    parser.add_argument("--generate-gb", type=float, default=None)
    parser.add_argument("--seconds", type=float, default=120.0)
    parser.add_argument("--driver-only", action="store_true",
                        help="with --generate-gb: the driver's memory over the whole corpus, workers stubbed")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if args.generate_gb is not None and args.driver_only:
        report = driver_only(args.data, args.generate_gb, args.workers)
    elif args.generate_gb is not None:
        report = big_corpus(args.data, args.generate_gb, args.workers, args.seconds)
    else:
        report = compare(args.data, args.workers, args.repeat, args.times)
    if args.json:
        print(json.dumps(report, indent=2))
        return
    if "runs" in report:
        print(f"{report['articles']} articles from {report['data']} (x{report['times']}), "
              f"{report['workers']} workers")
        for name, runs in report["runs"].items():
            rates = ", ".join(f"{r['articles_per_s']}/s ({r['wall_s']} s, driver {r['driver_peak_mb']} MB)"
                              for r in runs)
            print(f"  {name:8} {rates}")
        print(f"  cluster / pool (best of each): {report['cluster_over_pool']}; "
              f"identical outputs: {report['identical_outputs']}")
    else:
        print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
