"""The batch on a Dask cluster (``--cluster``): the same outputs as the local pool, byte for byte.

The Dask tests share one ``LocalCluster`` of 2 worker processes on 127.0.0.1, started here
and closed at the end of the module; they are few and small (the machine is shared).  The
tests before them need no Dask: ranges, naming, ``--cluster`` checking, and that Dask is
never imported without ``--cluster``.
"""

from __future__ import annotations

import itertools
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import summarizer.batch_dask as batch_dask
from evenhand.cli import app
from summarizer.batch import (
    MANIFEST_NAME,
    BatchError,
    BatchEvent,
    BatchOptions,
    SummaryOptions,
    Task,
    iter_tasks,
    plan_batch,
    run_batch,
)
from summarizer.batch.read import _labels, _RecordNamer
from summarizer.batch_dask import _run_range, _scan_range, byte_ranges, check_cluster, local_workers
from tests.articles import make_article

REPO = Path(__file__).resolve().parents[2]


def options(**changes: object) -> BatchOptions:
    base: dict[str, object] = {"summary": SummaryOptions(sentences=2), "format": "json", "jobs": 1}
    base.update(changes)
    return BatchOptions(**base)  # type: ignore[arg-type]


def tree(folder: Path) -> dict[str, bytes]:
    """Every output file's bytes (the manifest aside: it records the options and the time)."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and p.name != MANIFEST_NAME}


def manifest(folder: Path) -> dict[str, object]:
    data = json.loads((folder / MANIFEST_NAME).read_text("utf-8"))
    return {key: data[key] for key in ("done", "skipped", "failed", "warnings")}


def corpus(root: Path, records: int = 24) -> Path:
    """A folder of articles and a JSONL corpus with every awkward record the naming rule knows."""
    folder = root / "in"
    (folder / "world").mkdir(parents=True)
    for i in range(5):
        (folder / "world" / f"a{i}.txt").write_text(make_article(100 + i), encoding="utf-8")
    (folder / "world" / "empty.txt").write_text("", encoding="utf-8")
    lines = []
    for i in range(records):
        ident = ["dup", "DUP", "x", 7, "", None][i % 6]
        record: dict[str, object] = {"text": make_article(i, paragraphs=2)}
        if ident is not None:
            record["id"] = ident
        lines.append(json.dumps(record))
    lines[3] = "{not json"
    lines[5] = json.dumps({"id": "no-text"})
    lines[8] = "[1, 2]"
    lines.insert(10, "")
    lines[12] = lines[12] + "\r  "  # a stray carriage return: a line break for the text reader too
    (folder / "corpus.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8", newline="")
    return folder


# ---- no Dask needed ---------------------------------------------------------------------


def test_byte_ranges_cover_the_file_and_cut_only_after_a_newline(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    data = b"".join(b"x" * (i * 37 % 300) + b"\n" for i in range(200)) + b"y" * 70_000 + b"\nlast"
    path.write_bytes(data)
    for target in (1, 50, 999, 100_000, len(data) + 5):
        ranges = byte_ranges(path, target)
        assert ranges[0][0] == 0 and ranges[-1][1] == len(data)
        assert all(a[1] == b[0] for a, b in itertools.pairwise(ranges))
        assert all(data[end - 1 : end] == b"\n" for _, end in ranges[:-1])
    assert byte_ranges(tmp_path / "c.jsonl", 10**9) == [(0, len(data))]


@pytest.mark.parametrize("target", [1, 300, 2_000])
def test_records_read_range_by_range_are_named_as_the_local_path_names_them(tmp_path: Path, target: int) -> None:
    folder = corpus(tmp_path)
    opts = options(out=tmp_path / "out", jsonl_field="text")
    plan = plan_batch([str(folder)], opts)
    local = [(item.label, item.output, isinstance(item, Task) and item.text) for item in iter_tasks(plan, opts)
             if item.label.startswith(str(folder / "corpus.jsonl"))]

    source = next(s for s in plan.sources if s.jsonl)
    namer = _RecordNamer(source, _labels(plan))
    ranged = []
    first = 0
    for start, end in byte_ranges(str(source.path), target):
        count, records = _scan_range(str(source.path), start, end, "text", opts.max_bytes)
        wanted = {}
        for record in records:
            label, output = namer.name(first + record.number, record)
            if record.reason is not None:
                ranged.append((label, None, False))
            else:
                wanted[record.number] = (label, output)
        first += count
        texts = {}
        for number, line in enumerate(batch_dask._range_lines(str(source.path), start, end), start=1):
            if number in wanted:
                texts[number] = json.loads(line)["text"]
        ranged.extend((label, output, texts[n]) for n, (label, output) in wanted.items())
    assert sorted(ranged, key=str) == sorted(local, key=str)
    assert len(local) == 24  # the blank line is no record; the stray \r makes no record either


def test_a_range_summarises_only_the_records_asked_for(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    path.write_text("".join(json.dumps({"id": i, "text": make_article(i)}) + "\n" for i in range(3)), "utf-8")
    opts = options(out=tmp_path / "out", jsonl_field="text")
    outcomes = _run_range(str(path), 0, path.stat().st_size, {2: ("c#1", "c/1")}, opts)
    assert [(o.label, o.status, o.output) for o in outcomes] == [("c#1", "done", "c/1")]
    assert outcomes[0].rendered is not None and '"c#1"' in outcomes[0].rendered


@pytest.mark.parametrize("spec", ["local", "local:2", "tcp://10.0.0.1:8786", " tls://sched:8786 "])
def test_cluster_specs(spec: str) -> None:
    assert check_cluster(spec) == spec.strip()


@pytest.mark.parametrize("spec", ["local:0", "remote", "10.0.0.1:8786", "local:x", ""])
def test_a_bad_cluster_spec_is_a_usage_error_before_any_work(spec: str, tmp_path: Path) -> None:
    with pytest.raises(BatchError, match="--cluster"):
        check_cluster(spec)
    done = CliRunner().invoke(app, ["summarize", str(tmp_path), "--out", str(tmp_path / "out"), "--cluster", spec])
    assert done.exit_code == 2 and "--cluster" in done.output and "Traceback" not in done.output
    assert not (tmp_path / "out").exists()


def test_local_workers() -> None:
    assert local_workers("local:3") == 3 and local_workers("tcp://h:1") is None
    assert (local_workers("local") or 0) >= 1


def test_without_cluster_dask_is_never_imported(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(make_article(1), encoding="utf-8")
    script = (
        "import sys\n"
        "from evenhand.cli import main\n"
        "sys.argv = ['evenhand', 'summarize', sys.argv[1], '--out', sys.argv[2], '-f', 'json', '-j', '2', '-q']\n"
        "try:\n    main()\nexcept SystemExit as e:\n    code = e.code\n"
        "print(code, sorted(m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed')))\n"
    )
    done = subprocess.run([sys.executable, "-c", script, str(tmp_path / "a.txt"), str(tmp_path / "out")],
                          cwd=REPO, capture_output=True, text=True, timeout=120)
    assert done.stdout.strip() == "0 []", done.stderr
    assert (tmp_path / "out" / "a.json").exists()


# ---- on a local Dask cluster ------------------------------------------------------------


@pytest.fixture(scope="module")
def cluster() -> Iterator[str]:
    """A 2-worker LocalCluster on 127.0.0.1 for this module: its scheduler's address."""
    import logging

    from distributed import LocalCluster

    local = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                         dashboard_address="127.0.0.1:0", silence_logs=logging.ERROR)
    try:
        yield local.scheduler_address
    finally:
        local.close()


@pytest.fixture
def small_ranges(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(batch_dask, "MIN_RANGE_BYTES", 1_000)
    monkeypatch.setattr(batch_dask, "MAX_RANGE_BYTES", 2_000)


def test_outputs_on_the_cluster_are_the_local_pools_byte_for_byte(
    tmp_path: Path, cluster: str, small_ranges: None
) -> None:
    folder = corpus(tmp_path)
    local_out, dask_out = tmp_path / "local", tmp_path / "dask"
    for out, extra in ((local_out, {}), (dask_out, {"cluster": cluster})):
        opts = options(out=out, jsonl_field="text", jsonl_out=str(out) + ".jsonl", **extra)
        result = run_batch(plan_batch([str(folder)], opts), opts)
        assert result.exit_code == 1  # the bad records and the empty file
    assert tree(dask_out) == tree(local_out) and len(tree(local_out)) == 5 + 21
    assert manifest(dask_out) == manifest(local_out)
    failed = manifest(dask_out)["failed"]
    assert isinstance(failed, list) and len(failed) == 4  # each failure named once
    local_lines = sorted(Path(str(local_out) + ".jsonl").read_text("utf-8").splitlines())
    assert sorted(Path(str(dask_out) + ".jsonl").read_text("utf-8").splitlines()) == local_lines
    assert json.loads((dask_out / MANIFEST_NAME).read_text("utf-8"))["options"]["cluster"] == cluster

    # Resume: what was lost is done again, the rest skipped, and the tree is the same.
    lost = sorted(p for p in dask_out.rglob("*.json") if p.name != MANIFEST_NAME)[::3]
    for path in lost:
        path.unlink()
    again = options(out=dask_out, jsonl_field="text", skip_existing=True, cluster=cluster)
    result = run_batch(plan_batch([str(folder)], again), again)
    assert len(result.done) == len(lost) and len(result.skipped) == 26 - len(lost)
    assert tree(dask_out) == tree(local_out)


def test_a_worker_killed_mid_run_loses_nothing(tmp_path: Path, cluster: str, small_ranges: None) -> None:
    from distributed import Client

    folder = corpus(tmp_path, records=60)
    local_out, dask_out = tmp_path / "local", tmp_path / "dask"
    opts = options(out=local_out, jsonl_field="text")
    run_batch(plan_batch([str(folder)], opts), opts)

    with Client(cluster) as client:
        pids = sorted(client.run(os.getpid).values())
    killed: list[int] = []

    def kill_one(event: BatchEvent) -> None:
        if event.kind == "item" and event.completed == 3 and not killed:
            os.kill(pids[0], signal.SIGKILL)
            killed.append(pids[0])

    opts = options(out=dask_out, jsonl_field="text", cluster=cluster)
    result = run_batch(plan_batch([str(folder)], opts), opts, on_event=kill_one)
    assert killed
    assert tree(dask_out) == tree(local_out)
    assert manifest(dask_out) == manifest(local_out)
    assert not any("worker failed" in f["reason"] for f in result.failed)


def test_the_command_line_on_a_cluster(tmp_path: Path, cluster: str) -> None:
    folder = corpus(tmp_path, records=13)
    done = CliRunner().invoke(app, ["summarize", str(folder), "--jsonl-field", "text", "--out", str(tmp_path / "o"),
                                    "--cluster", cluster])
    assert done.exit_code == 1, done.output
    assert "Traceback" not in done.output
    assert "evenhand: 15 done, 0 skipped, 4 failed" in done.output


def test_fail_fast_on_a_cluster_stops_at_the_first_failure(tmp_path: Path, cluster: str, small_ranges: None) -> None:
    folder = corpus(tmp_path)
    opts = options(out=tmp_path / "out", jsonl_field="text", cluster=cluster, fail_fast=True)
    result = run_batch(plan_batch([str(folder / "corpus.jsonl")], opts), opts)
    assert result.stopped_early and len(result.failed) == 1 and result.exit_code == 1
    assert json.loads((tmp_path / "out" / MANIFEST_NAME).read_text("utf-8"))["failed"] == result.failed


def test_ctrl_c_on_a_local_cluster_then_resume(tmp_path: Path) -> None:
    """``--cluster local:1`` started by the command; Ctrl-C to the whole process group (as a
    terminal sends it) mid-run: no traceback from any process, a true manifest, then a resume
    that ends as the local pool does."""
    data = tmp_path / "c.jsonl"
    data.write_text("".join(json.dumps({"id": f"r{i}", "text": make_article(i)}) + "\n" for i in range(300)),
                    "utf-8")
    out = tmp_path / "out"
    command = [sys.executable, "-m", "evenhand", "summarize", str(data), "--jsonl-field", "text", "-f", "json",
               "-q", "--out", str(out)]
    process = subprocess.Popen(
        [*command, "--cluster", "local:1"], cwd=REPO, stderr=subprocess.PIPE, text=True, start_new_session=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),  # a shell's background job ignores it
    )
    records = out / "c"
    deadline = time.monotonic() + 120

    def finished() -> bool:  # a complete output, not a temporary file being written
        return records.is_dir() and any(not p.name.startswith(".") for p in records.iterdir())

    while not finished() and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.1)
    os.killpg(process.pid, signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130, stderr
    assert "Traceback" not in stderr and stderr.strip().splitlines()[-1].startswith("evenhand: interrupted: ")
    first = json.loads((out / MANIFEST_NAME).read_text("utf-8"))
    written = {p.name for p in records.iterdir() if not p.name.startswith(".")}
    assert first["interrupted"] and 0 < len(first["done"]) < 300
    assert len(written) == len(first["done"])  # every file written is in the manifest, and no more

    resumed = subprocess.run([*command, "--cluster", "local:1", "--skip-existing"], cwd=REPO, capture_output=True,
                             text=True, timeout=300)
    assert resumed.returncode == 0 and "Traceback" not in resumed.stderr
    second = json.loads((out / MANIFEST_NAME).read_text("utf-8"))
    assert len(second["done"]) + len(second["skipped"]) == 300 and len(second["skipped"]) == len(first["done"])
    local = subprocess.run([*command[:-1], str(tmp_path / "local"), "-j", "1"], cwd=REPO, capture_output=True,
                           text=True, timeout=300)
    assert local.returncode == 0
    assert tree(out) == tree(tmp_path / "local")


def test_an_unreachable_scheduler_fails_before_anything_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(batch_dask, "CONNECT_TIMEOUT", "1s")
    folder = corpus(tmp_path, records=13)
    opts = options(out=tmp_path / "out", jsonl_field="text", cluster="tcp://127.0.0.1:1")
    with pytest.raises(BatchError, match=r"^--cluster tcp://127.0.0.1:1: cannot reach the scheduler \("):
        run_batch(plan_batch([str(folder)], opts), opts)
    assert not (tmp_path / "out").exists()


# ---- in the order of the inputs, however the cluster finishes them ------------------------


def ordered_inputs(root: Path) -> Path:
    """:func:`corpus`, with more files: chunks of 2 make several units of files."""
    folder = corpus(root)
    for i in range(5, 9):
        (folder / "world" / f"a{i}.txt").write_text(make_article(100 + i), encoding="utf-8")
    return folder


def outcome_lists(result: object) -> dict[str, list[object]]:
    """The result's lists in the order the outcomes were written (the manifest sorts them)."""
    return {key: list(getattr(result, key)) for key in ("done", "skipped", "failed", "warnings")}


@pytest.fixture
def first_units_slow(monkeypatch: pytest.MonkeyPatch) -> None:
    """The unit holding the first document of each source finishes last: it sleeps on its worker.

    The worker functions are wrapped in closures, which Dask sends by value (cloudpickle),
    so no test module need be importable on the workers.
    """
    monkeypatch.setattr(batch_dask, "CHUNK", 2)
    monkeypatch.setattr(batch_dask, "MIN_RANGE_BYTES", 1_000)
    monkeypatch.setattr(batch_dask, "MAX_RANGE_BYTES", 2_000)
    monkeypatch.setattr(batch_dask, "MIN_SLICE_ROWS", 2)
    monkeypatch.setattr(batch_dask, "MAX_SLICE_ROWS", 2)

    def slow_when_first(function: object, is_first: object) -> object:
        def run(*args: object) -> object:
            if is_first(*args):  # type: ignore[operator]
                time.sleep(1.5)
            return function(*args)  # type: ignore[operator]

        return run

    def first_chunk(tasks: list[Task], _: object) -> bool:
        return any(t.label.endswith(("a0.txt", "a1.txt")) for t in tasks)

    def first_range(path: str, start: int, *_: object) -> bool:
        return start == 0

    def first_rows(path: str, group: int, first: int, wanted: dict[int, object], _: object) -> bool:
        return group == 0 and 1 in wanted

    monkeypatch.setattr(batch_dask, "_run_chunk", slow_when_first(batch_dask._run_chunk, first_chunk))
    monkeypatch.setattr(batch_dask, "_run_range", slow_when_first(batch_dask._run_range, first_range))
    monkeypatch.setattr(batch_dask, "_run_rows", slow_when_first(batch_dask._run_rows, first_rows))


def local_and_cluster(tmp_path: Path, cluster: str, source: Path, **more: Any) -> dict[str, Any]:
    """The same batch of ``source`` run by the local process and on the cluster, each into its own folder."""
    results = {}
    for name, extra in (("local", {}), ("dask", {"cluster": cluster})):
        out = tmp_path / name
        opts = options(out=out, jsonl_field="text", jsonl_out=str(out) + ".jsonl", **more, **extra)
        results[name] = run_batch(plan_batch([str(source)], opts), opts)
    return results


def test_units_finishing_out_of_order_are_written_in_the_order_of_the_inputs(
    tmp_path: Path, cluster: str, first_units_slow: None
) -> None:
    results = local_and_cluster(tmp_path, cluster, ordered_inputs(tmp_path))
    assert outcome_lists(results["dask"]) == outcome_lists(results["local"])
    local_jsonl = Path(str(tmp_path / "local") + ".jsonl").read_bytes()
    assert Path(str(tmp_path / "dask") + ".jsonl").read_bytes() == local_jsonl
    assert local_jsonl.count(b"\n") == 34 and local_jsonl.count(b'"error"') == 4  # 30 summaries, 4 failures
    assert tree(tmp_path / "dask") == tree(tmp_path / "local")


def interrupted_after(count: int) -> object:
    """An ``on_event`` that sends this process Ctrl-C once ``count`` inputs are written."""

    def on_event(event: BatchEvent) -> None:
        if event.kind == "item" and event.completed == count:
            signal.raise_signal(signal.SIGINT)

    return on_event


@pytest.fixture
def ctrl_c() -> Iterator[None]:
    # A background pytest starts with SIGINT ignored: the signal the test sends would be lost.
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def test_an_interrupted_cluster_run_resumed_on_the_cluster_is_a_whole_run_byte_for_byte(
    tmp_path: Path, cluster: str, first_units_slow: None, ctrl_c: None
) -> None:
    folder = ordered_inputs(tmp_path)
    whole = tmp_path / "whole"
    opts = options(out=whole, jsonl_field="text", jsonl_out=str(whole) + ".jsonl")
    run_batch(plan_batch([str(folder)], opts), opts)

    out = tmp_path / "dask"
    opts = options(out=out, jsonl_field="text", jsonl_out=str(out) + ".jsonl", cluster=cluster)
    first = run_batch(plan_batch([str(folder)], opts), opts, on_event=interrupted_after(9))  # type: ignore[arg-type]
    assert first.interrupted and first.not_attempted == 34 - 9
    written = Path(str(out) + ".jsonl").read_bytes()
    assert Path(str(whole) + ".jsonl").read_bytes().startswith(written) and written.count(b"\n") == 9

    again = options(out=out, jsonl_field="text", jsonl_out=str(out) + ".jsonl", cluster=cluster, skip_existing=True)
    resumed = run_batch(plan_batch([str(folder)], again), again)
    assert not resumed.interrupted
    assert Path(str(out) + ".jsonl").read_bytes() == Path(str(whole) + ".jsonl").read_bytes()
    assert tree(out) == tree(whole)


def test_skipped_and_failed_inputs_keep_their_place_on_the_cluster(
    tmp_path: Path, cluster: str, first_units_slow: None, ctrl_c: None
) -> None:
    """A run stopped part way (here, locally), resumed with ``--skip-existing`` locally and on the
    cluster: the same outcomes in the same order, the same ``--jsonl-out`` bytes."""
    import shutil

    folder = ordered_inputs(tmp_path)
    start = tmp_path / "start"
    opts = options(out=start, jsonl_field="text", jsonl_out=str(start) + ".jsonl")
    stopped = run_batch(plan_batch([str(folder)], opts), opts, on_event=interrupted_after(28))  # type: ignore[arg-type]
    assert stopped.interrupted and stopped.failed and (start / "world" / "a3.json").exists()
    # The records and a0 … a3 were done; a0 is lost, so its chunk has work and skipped files in it.
    (start / "world" / "a0.json").unlink()
    results = {}
    for name, extra in (("local", {}), ("dask", {"cluster": cluster})):
        out = tmp_path / name
        shutil.copytree(start, out)
        shutil.copy(str(start) + ".jsonl", str(out) + ".jsonl")
        again = options(out=out, jsonl_field="text", jsonl_out=str(out) + ".jsonl", skip_existing=True, **extra)
        results[name] = run_batch(plan_batch([str(folder)], again), again)
    assert outcome_lists(results["dask"]) == outcome_lists(results["local"])
    skipped = [Path(label).name for label in results["dask"].skipped]
    assert skipped[-3:] == ["a1.txt", "a2.txt", "a3.txt"] and len(results["dask"].failed) == 4
    assert [Path(label).name for label in results["dask"].done][:2] == ["a0.txt", "a4.txt"]
    assert Path(str(tmp_path / "dask") + ".jsonl").read_bytes() == Path(str(tmp_path / "local") + ".jsonl").read_bytes()


def test_fail_fast_on_the_cluster_stops_where_one_job_stops(
    tmp_path: Path, cluster: str, first_units_slow: None
) -> None:
    results = local_and_cluster(tmp_path, cluster, ordered_inputs(tmp_path) / "corpus.jsonl", fail_fast=True)
    assert outcome_lists(results["dask"]) == outcome_lists(results["local"])
    assert results["dask"].stopped_early and results["dask"].not_attempted == results["local"].not_attempted
    assert Path(str(tmp_path / "dask") + ".jsonl").read_bytes() == Path(str(tmp_path / "local") + ".jsonl").read_bytes()


def test_a_table_on_the_cluster_is_written_in_row_order(tmp_path: Path, cluster: str, first_units_slow: None) -> None:
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    texts: list[str | None] = [make_article(i, paragraphs=2) for i in range(13)]
    texts[4] = None  # a row with no text: failed, in its place
    table = tmp_path / "t.parquet"
    pq.write_table(pa.table({"id": [f"r{i}" for i in range(13)], "text": texts}), table, row_group_size=5)
    results = {}
    for name, extra in (("local", {}), ("dask", {"cluster": cluster})):
        out = tmp_path / name
        opts = options(out=out, jsonl_out=str(out) + ".jsonl", **extra)
        results[name] = run_batch(plan_batch([str(table)], opts), opts)
    assert outcome_lists(results["dask"]) == outcome_lists(results["local"])
    assert Path(str(tmp_path / "dask") + ".jsonl").read_bytes() == Path(str(tmp_path / "local") + ".jsonl").read_bytes()


def test_what_waits_for_its_turn_on_the_cluster_stays_within_the_units_in_flight(
    tmp_path: Path, cluster: str, first_units_slow: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Resuming, the first range has work (and is slow) and every later one is skipped: the
    skipped ranges wait for it, but never more of them than the units in flight."""
    from summarizer.batch.run import _InOrder

    data = tmp_path / "c.jsonl"
    data.write_text("".join(json.dumps({"id": f"r{i}", "text": make_article(i, paragraphs=2)}) + "\n"
                            for i in range(60)), "utf-8")
    out = tmp_path / "out"
    opts = options(out=out, jsonl_field="text")
    run_batch(plan_batch([str(data)], opts), opts)
    (out / "c" / "r0.json").unlink()
    whole = tree(out)

    most: list[int] = [0]

    class Counting(_InOrder):
        def put(self, ticket: int, outcomes: object) -> bool:
            stop = super().put(ticket, outcomes)  # type: ignore[arg-type]
            most[0] = max(most[0], len(self.waiting))
            return stop

    monkeypatch.setattr(batch_dask, "_InOrder", Counting)
    again = options(out=out, jsonl_field="text", cluster=cluster, skip_existing=True)
    result = run_batch(plan_batch([str(data)], again), again)
    assert list(result.done) == [str(data) + "#r0"] and len(result.skipped) == 59
    assert len(byte_ranges(data, 2_000)) > 10  # many more ranges than in flight
    assert 0 < most[0] <= 2 * 2  # the units in flight on 2 workers
    assert tree(out).keys() == whole.keys() | {"c/r0.json"}
