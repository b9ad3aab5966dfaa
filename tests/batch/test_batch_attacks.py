"""Regressions from a fresh attack run on issue 15's nine kinds (session 11): each test failed on main 5a431b9.

Names with line breaks, NFC/NFD twins, a folder named after its own files, a path under a
folder that cannot be searched, ``--max-bytes 1e18``, ``--width``/``--jobs`` past the machine's
integers, a worker whose parent died while it started, a closed or full standard output, and
JSON Lines written in the order of the inputs whatever the number of workers.
"""

from __future__ import annotations

import errno
import io
import json
import os
import subprocess
import sys
import unicodedata
from pathlib import Path, PurePosixPath

import pytest

import summarizer.batch.run as batch_run
from summarizer.batch import BatchOptions, output_names, plan_batch, run_batch
from summarizer.read import read_at_most, read_bytes
from tests.articles import make_article

from .test_batch_safety import POSIX, REPO, options


def run(args: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "evenhand", *args], cwd=kwargs.pop("cwd", REPO), capture_output=True, text=True,
        timeout=300, **kwargs,  # type: ignore[call-overload]
    )


@POSIX
def test_a_failure_of_a_name_with_a_line_break_names_it_once(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "line\nbreak.txt").write_text("", encoding="utf-8")
    (folder / "two  spaces.txt").write_text("", encoding="utf-8")
    result = run_batch(plan_batch([str(folder)], options(out=tmp_path / "out")), options(out=tmp_path / "out"))
    reasons = sorted(failure["reason"] for failure in result.failed)
    assert reasons == ["empty input, no text to read"] * 2


def test_nfc_and_nfd_twins_get_two_outputs() -> None:
    nfc, nfd = unicodedata.normalize("NFC", "café.txt"), unicodedata.normalize("NFD", "café.txt")
    names = output_names([(PurePosixPath(nfc), False), (PurePosixPath(nfd), False)], ".json")
    folded = {unicodedata.normalize("NFC", name).casefold() for name in names}
    assert len(folded) == 2, names


def test_a_folder_whose_files_were_named_before_it_is_no_failure(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(make_article(1), encoding="utf-8")
    plan = plan_batch([str(folder / "a.txt"), str(folder)], options(out=tmp_path / "out"))
    assert plan.failures == []
    assert len(plan.sources) == 1


def test_a_path_under_a_folder_that_cannot_be_searched_is_a_named_failure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # As Python 3.11 sees a file inside a folder without search permission (root cannot be locked out).
    folder = tmp_path / "in"
    (folder / "locked").mkdir(parents=True)
    (folder / "a.txt").write_text(make_article(1), encoding="utf-8")
    locked = str(folder / "locked")
    real_stat, real_lstat = os.stat, os.lstat

    def denied(real):  # type: ignore[no-untyped-def]
        def probe(path, *args, **kwargs):  # type: ignore[no-untyped-def]
            if os.fspath(path).startswith(locked + os.sep):
                raise PermissionError(errno.EACCES, "Permission denied", os.fspath(path))
            return real(path, *args, **kwargs)
        return probe

    monkeypatch.setattr(os, "stat", denied(real_stat))
    monkeypatch.setattr(os, "lstat", denied(real_lstat))
    out = tmp_path / "out"
    plan = plan_batch([str(folder / "a.txt"), f"{locked}/z.txt"], options(out=out))
    assert [(f.label, f.reason) for f in plan.failures] == [(f"{locked}/z.txt", "cannot read (Permission denied)")]
    plan_batch([str(folder / "a.txt")], options(out=Path(locked) / "out"))  # an --out there: found when written


def test_a_huge_byte_limit_reads_without_allocating_it(tmp_path: Path) -> None:
    file = tmp_path / "a.txt"
    file.write_bytes(b"x" * 3_000_000)
    assert read_bytes(file, max_bytes=10**18) == b"x" * 3_000_000
    assert read_at_most(io.BytesIO(b"y" * 3_000_000), 10**18) == b"y" * 3_000_000
    assert read_at_most(io.BytesIO(b"y" * 3_000_000), 2_000_001) == b"y" * 2_000_001


def test_max_bytes_of_a_quintillion_summarises(tmp_path: Path) -> None:
    file = tmp_path / "a.txt"
    file.write_text(make_article(2), encoding="utf-8")
    done = run(["summarize", str(file), "--max-bytes", "1e18", "-f", "text"])
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr


@pytest.mark.parametrize("width", ["99999999999999999999", "10001"])
def test_a_width_past_the_ceiling_is_a_usage_error(width: str, tmp_path: Path) -> None:
    file = tmp_path / "a.txt"
    file.write_text(make_article(3), encoding="utf-8")
    done = run(["summarize", str(file), "--width", width, "-f", "terminal"])
    assert done.returncode == 2, done.stderr
    assert done.stderr == f"evenhand: error: --width must be at most 10,000, not {width}\n"


def test_never_more_workers_than_documents(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(3):
        (folder / f"a{i}.txt").write_text(make_article(i), encoding="utf-8")
    started: list[int] = []
    real = batch_run._start_pool

    def spy(opts: BatchOptions, workers: int):  # type: ignore[no-untyped-def]
        started.append(workers)
        return real(opts, workers)

    monkeypatch.setattr(batch_run, "_start_pool", spy)
    opts = options(out=tmp_path / "out", jobs=10**20)
    result = run_batch(plan_batch([str(folder)], opts), opts)
    assert started == [3] and len(result.done) == 3


@POSIX
def test_a_worker_whose_parent_died_while_it_started_exits() -> None:
    pid = os.fork()
    if pid == 0:  # the worker: its parent is not the one it was started for
        try:
            batch_run._init_worker(os.getppid() + 1_000_000)
        finally:
            os._exit(0)  # reached only if it went on as a worker
    _, status = os.waitpid(pid, 0)
    assert os.WEXITSTATUS(status) == 1


@POSIX
@pytest.mark.parametrize("args", [["--version"], ["summarize", "--help"], ["--help"]])
def test_help_or_version_to_a_full_device_is_one_line(args: list[str]) -> None:
    with open("/dev/full", "w") as full:
        done = subprocess.run([sys.executable, "-m", "evenhand", *args], cwd=REPO, stdout=full,
                              stderr=subprocess.PIPE, text=True, timeout=300)
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == ["evenhand: error: cannot write standard output (No space left on device)"]


@POSIX
def test_a_closed_standard_output_is_one_line(tmp_path: Path) -> None:
    file = tmp_path / "a.txt"
    file.write_text(make_article(4), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "evenhand", "summarize", str(file), "-f", "json"],
        cwd=REPO, stderr=subprocess.PIPE, text=True, timeout=300, preexec_fn=lambda: os.close(1),  # started as `>&-`
    )
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == ["evenhand: error: cannot write standard output (it is closed)"]


def test_records_come_in_the_order_of_the_inputs_whatever_the_workers(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    # Long documents first, so that with two workers the short ones finish before them.
    for i in range(12):
        (folder / f"a{i:02d}.txt").write_text(make_article(i, paragraphs=40 if i < 2 else 2), encoding="utf-8")
    (folder / "a05.txt").write_text("", encoding="utf-8")
    files = {}
    for jobs in (1, 2):
        target = tmp_path / f"j{jobs}.jsonl"
        opts = options(jsonl_out=str(target), jobs=jobs)
        run_batch(plan_batch([str(folder)], opts), opts)
        files[jobs] = target.read_bytes()
    assert files[1] == files[2]
    sources = [json.loads(line)["source"] for line in files[2].splitlines()]
    assert sources == sorted(sources)


@pytest.mark.parametrize("jobs", [1, 2])
@pytest.mark.parametrize("kept", [1, 3, 5])
def test_a_killed_jsonl_with_failures_resumes_byte_for_byte(tmp_path: Path, jobs: int, kept: int) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(6):
        (folder / f"s{i}.txt").write_text(make_article(i), encoding="utf-8")
    (folder / "s1.txt").write_text("", encoding="utf-8")  # fails, early in the order
    (folder / "s4.txt").write_bytes(b"\x00binary")
    whole = tmp_path / "whole.jsonl"
    opts = options(jsonl_out=str(whole), jobs=jobs)
    run_batch(plan_batch([str(folder)], opts), opts)
    lines = whole.read_bytes().split(b"\n")
    assert sum(b'"error"' in line for line in lines) == 2

    killed = tmp_path / "killed.jsonl"  # what a kill leaves: a prefix, its last line torn
    killed.write_bytes(b"".join(line + b"\n" for line in lines[:kept]) + lines[kept][:20])
    resume = options(jsonl_out=str(killed), jobs=jobs, skip_existing=True)
    run_batch(plan_batch([str(folder)], resume), resume)
    assert killed.read_bytes() == whole.read_bytes()


def test_an_input_that_failed_before_and_is_done_now_has_one_record(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("", encoding="utf-8")
    (folder / "b.txt").write_text(make_article(2), encoding="utf-8")
    target = tmp_path / "out.jsonl"
    opts = options(jsonl_out=str(target))
    run_batch(plan_batch([str(folder)], opts), opts)
    (folder / "a.txt").write_text(make_article(1), encoding="utf-8")
    resume = options(jsonl_out=str(target), skip_existing=True)
    run_batch(plan_batch([str(folder)], resume), resume)
    records = [json.loads(line) for line in target.read_text("utf-8").splitlines()]
    assert sorted(record["source"] for record in records) == [str(folder / "a.txt"), str(folder / "b.txt")]
    assert not any("error" in record for record in records)


def test_a_byte_order_mark_before_the_first_jsonl_record_is_not_part_of_it(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    lines = [json.dumps({"id": name, "text": make_article(i)}) for i, name in enumerate(["first", "second"])]
    corpus.write_bytes(b"\xef\xbb\xbf" + "\r\n".join(lines).encode("utf-8") + b"\r\n")
    opts = options(out=tmp_path / "out", jsonl_field="text")
    result = run_batch(plan_batch([str(corpus)], opts), opts)
    assert result.failed == []
    assert sorted(result.done) == [f"{corpus}#first", f"{corpus}#second"]


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_corpus_deleted_after_the_plan_is_one_named_failure(tmp_path: Path, jobs: int) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(make_article(1), encoding="utf-8")
    corpus = folder / "c.jsonl"
    corpus.write_text("".join(json.dumps({"id": f"r{i}", "text": make_article(i)}) + "\n" for i in range(2)),
                      encoding="utf-8")
    opts = options(out=tmp_path / "out", jsonl_field="text", jobs=jobs)
    plan = plan_batch([str(folder)], opts)
    corpus.unlink()
    result = run_batch(plan, opts)
    assert result.failed == [{"path": str(corpus), "reason": "cannot read (No such file or directory)"}]
    assert list(result.done) == [str(folder / "a.txt")]
    assert (tmp_path / "out" / "manifest.json").exists()


@POSIX
@pytest.mark.parametrize("args", [["--help"], ["summarize", "--help"], ["eval", "--help"]])
def test_help_to_a_reader_that_goes_away_exits_quietly_as_a_closed_pipe(args: list[str]) -> None:
    # `evenhand --help | head -c1`: Rich and Click each exit 1 on a closed pipe; evenhand exits 141, silent.
    with subprocess.Popen([sys.executable, "-m", "evenhand", *args], cwd=REPO, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, env={**os.environ, "COLUMNS": "80"}) as process:
        assert process.stdout is not None and process.stderr is not None
        process.stdout.close()  # gone before the help is written: every write meets a closed pipe
        error = process.stderr.read()
        assert process.wait(timeout=300) == 141 and error == b""
