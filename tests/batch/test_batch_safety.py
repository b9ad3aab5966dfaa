"""Nothing lost, nothing injected: outputs that cannot collide, OS failures as one line, crash safety.

A fault-injection suite for :mod:`summarizer.batch` and ``evenhand summarize``: colliding
names, hostile file names, full disks (a patched writer and ``/dev/full``), read-only
folders, folders where files should be, ``kill -9`` and resume, ``| head``, two batches
into one folder.
"""

from __future__ import annotations

import errno
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path, PurePosixPath
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

import summarizer.batch.run as batch_run
import summarizer.batch.write as batch_write
import summarizer.segment as segment_module
from evenhand.cli import app
from summarizer.batch import (
    LOCK_NAME,
    MANIFEST_NAME,
    BatchError,
    BatchOptions,
    Outcome,
    SummaryOptions,
    Task,
    output_names,
    plan_batch,
    run_batch,
)
from tests.articles import make_article

REPO = Path(__file__).resolve().parents[2]
POSIX = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file system behaviour")


def options(**changes: object) -> BatchOptions:
    base: dict[str, object] = {"summary": SummaryOptions(sentences=2), "format": "json", "jobs": 1}
    base.update(changes)
    return BatchOptions(**base)  # type: ignore[arg-type]


def files_under(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


def run(args: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "evenhand", *args], cwd=kwargs.pop("cwd", REPO), capture_output=True, text=True,
        timeout=300, **kwargs,  # type: ignore[call-overload]
    )


# ---- output names that cannot collide ---------------------------------------------------


def test_inputs_whose_outputs_would_collide_each_get_their_own(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for i, name in enumerate(("manifest.txt", "a.txt", "a.md", "a.txt.md", "b.txt", "B.md")):
        (folder / name).write_text(make_article(i), encoding="utf-8")
    out = tmp_path / "out"
    opts = options(out=out)
    result = run_batch(plan_batch([str(folder)], opts), opts)
    assert len(result.done) == 6 and not result.failed
    written = files_under(out)
    assert written == sorted(
        ["manifest-2.json", "a.txt.json", "a.md.json", "a.txt-2.json", "b.txt.json", "B.md.json", MANIFEST_NAME]
    )
    sources = {json.loads((out / name).read_text("utf-8"))["source"] for name in written if name != MANIFEST_NAME}
    assert sources == set(result.done)

    again = run_batch(plan_batch([str(folder)], options(out=out, skip_existing=True)),
                      options(out=out, skip_existing=True))
    assert len(again.skipped) == 6 and not again.done and not again.failed
    assert files_under(out) == written


def test_jsonl_ids_and_a_folder_beside_a_corpus_never_share_an_output(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    (folder / "corpus").mkdir(parents=True)
    (folder / "corpus" / "r1.txt").write_text(make_article(1), encoding="utf-8")
    records = [{"id": "a-line-3", "text": make_article(2)}, {"id": "a", "text": make_article(3)},
               {"id": "a", "text": make_article(4)}, {"id": "A", "text": make_article(5)},
               {"id": "r1", "text": make_article(6)}]
    (folder / "corpus.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    out = tmp_path / "out"
    opts = options(out=out, jsonl_field="text")
    result = run_batch(plan_batch([str(folder)], opts), opts)
    assert len(result.done) == 6 and not result.failed
    assert len(set(result.done)) == 6  # every input named once
    written = [name for name in files_under(out) if name != MANIFEST_NAME]
    assert len(written) == 6
    assert "corpus/r1.json" in written and "corpus-2/r1.json" in written


@given(st.lists(
    st.tuples(
        st.lists(st.sampled_from(["d", "D", "a.json", "manifest.json", "corpus", "x"]), max_size=2),
        st.sampled_from(["a", "A", "a.txt", "a.json", "manifest", "corpus", "d", "x", "stdin", "b-2", "a-2"]),
        st.sampled_from([".txt", ".md", ".jsonl", ".html", ""]),
    ),
    min_size=1, max_size=12,
))
@settings(max_examples=400, deadline=None)
def test_output_names_are_one_per_input_and_collide_with_nothing(paths: list[tuple[list[str], str, str]]) -> None:
    entries = []
    seen = set()
    for folders, stem, suffix in paths:
        rel = PurePosixPath(*folders, stem + suffix)
        if str(rel) in seen or any(str(p) in seen for p in rel.parents):
            continue  # a real tree has each path once, and no file where a folder is
        seen.add(str(rel))
        entries.append((rel, suffix == ".jsonl"))
    folders_of_tree = {str(p).casefold() for rel, _ in entries for p in rel.parents if str(p) != "."}
    if any(str(rel).casefold() in folders_of_tree for rel, _ in entries):
        return  # a file and a folder of one name (only on a case-sensitive file system)
    names = output_names(entries, ".json")
    assert len(names) == len(entries)
    claims = [(name if jsonl else name + ".json").casefold() for name, (_, jsonl) in zip(names, entries, strict=True)]
    assert len(set(claims)) == len(claims), (entries, names)
    assert MANIFEST_NAME not in claims
    assert not set(claims) & folders_of_tree
    for name, (rel, _) in zip(names, entries, strict=True):
        assert PurePosixPath(name).parent == rel.parent  # mirrored in place, never moved
    assert names == output_names(entries, ".json")  # deterministic


NAME_PARTS = st.sampled_from(["a", "A", "b", "manifest", "x.txt", "é", "\x1b[2J", "r1", "corpus", "\u202e"])


@given(st.lists(st.tuples(st.lists(NAME_PARTS, max_size=2), NAME_PARTS,
                          st.sampled_from([".txt", ".md", ".TXT", ".jsonl"])), min_size=1, max_size=10),
       st.booleans())
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_every_input_of_a_random_tree_is_one_output_or_one_named_failure(
    tmp_path_factory: pytest.TempPathFactory, tree: list[tuple[list[str], str, str]], with_jsonl_out: bool,
) -> None:
    root = tmp_path_factory.mktemp("tree")
    folder = root / "in"
    folder.mkdir()
    count = 0
    for i, (parts, stem, suffix) in enumerate(tree):
        target = folder.joinpath(*parts, stem + suffix)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            if target.exists():
                continue
            if suffix == ".jsonl":
                lines = [json.dumps({"id": stem, "text": f"Record {i} says hello. It has two sentences."})] * 2
                target.write_text("\n".join(lines) + "\n{broken\n", encoding="utf-8")
                count += 3
            else:
                target.write_text("" if i % 5 == 4 else f"Story {i} begins here. It ends here.", encoding="utf-8")
                count += 1
        except (FileExistsError, NotADirectoryError, IsADirectoryError):
            continue
    out = root / "out"
    jsonl_out = root / "records.jsonl"
    opts = options(out=out, jsonl_field="text", jsonl_out=str(jsonl_out) if with_jsonl_out else None)
    plan = plan_batch([str(folder)], opts)
    result = run_batch(plan, opts)
    labels = [*result.done, *(f["path"] for f in result.failed)]
    assert len(labels) == len(set(labels)) == count == plan.total
    manifest = json.loads((out / MANIFEST_NAME).read_text("utf-8"))
    assert sorted(manifest["done"]) == sorted(result.done)
    written = [p for p in out.rglob("*.json") if p.name != MANIFEST_NAME or p.parent != out]
    assert sorted(json.loads(p.read_text("utf-8"))["source"] for p in written) == sorted(result.done)
    if with_jsonl_out:
        lines = [json.loads(line) for line in jsonl_out.read_text("utf-8").splitlines()]
        assert sorted(r["source"] for r in lines) == sorted(labels)
    again = options(out=out, jsonl_field="text", skip_existing=True,
                    jsonl_out=str(jsonl_out) if with_jsonl_out else None)
    rerun = run_batch(plan_batch([str(folder)], again), again)
    assert sorted(rerun.skipped) == sorted(result.done) and not rerun.done


def test_an_output_that_would_overwrite_an_input_is_refused_before_any_work(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(make_article(1), encoding="utf-8")
    victim = tmp_path / "precious.txt"
    victim.write_text("keep me", encoding="utf-8")
    out = tmp_path / "out"
    (out / "in").mkdir(parents=True)
    (out / "in" / "a.json").symlink_to(victim)  # the inputs' common folder is tmp_path
    with pytest.raises(BatchError, match="which is an input"):
        plan_batch([str(folder), str(victim)], options(out=out))
    assert victim.read_text("utf-8") == "keep me"


@pytest.mark.parametrize("target", ["manifest", "output"])
def test_jsonl_out_may_not_be_the_manifest_or_an_output(tmp_path: Path, target: str) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(make_article(1), encoding="utf-8")
    out = tmp_path / "out"
    path = out / (MANIFEST_NAME if target == "manifest" else "a.json")
    with pytest.raises(BatchError, match="--jsonl-out"):
        plan_batch([str(folder)], options(out=out, jsonl_out=str(path)))


@POSIX
def test_a_fifo_in_an_input_folder_is_a_named_failure(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(make_article(1), encoding="utf-8")
    os.mkfifo(folder / "pipe.txt")
    opts = options(out=tmp_path / "out")
    result = run_batch(plan_batch([str(folder)], opts), opts)
    assert result.failed == [{"path": str(folder / "pipe.txt"), "reason": "not a regular file; not read"}]


# ---- OS failures: one line, a path, an exit code ----------------------------------------


def test_a_full_disk_stops_the_batch_with_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(3):
        (folder / f"s{i}.txt").write_text(make_article(i), encoding="utf-8")

    def full(path: object, data: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device", str(path))

    monkeypatch.setattr(batch_write, "write_atomic", full)
    result = CliRunner().invoke(
        app, ["summarize", str(folder), "--out", str(tmp_path / "out"), "-f", "json", "-j", "1", "-q"]
    )
    assert result.exit_code == 1
    assert "Traceback" not in result.output and isinstance(result.exception, SystemExit)
    error = [line for line in result.output.splitlines() if line.startswith("evenhand: error:")]
    assert error == [f"evenhand: error: cannot write {tmp_path / 'out' / 's0.json'} (No space left on device)"]


def test_an_unwritable_manifest_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(make_article(1), encoding="utf-8")
    real = batch_write.atomic_open

    def no_manifest(path: Path, **kwargs: bool) -> Any:
        if Path(path).name == MANIFEST_NAME:
            raise OSError(errno.EIO, "Input/output error")
        return real(path, **kwargs)

    monkeypatch.setattr(batch_write, "atomic_open", no_manifest)
    result = CliRunner().invoke(app, ["summarize", str(folder), "--out", str(tmp_path / "out"), "-j", "1", "-q"])
    assert result.exit_code == 1
    assert result.output.strip().splitlines()[-1] == (
        f"evenhand: error: cannot write the manifest {tmp_path / 'out' / MANIFEST_NAME} (Input/output error)"
    )


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_jsonl_out_on_a_full_device_is_one_line(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(3):
        (folder / f"s{i}.txt").write_text(make_article(i), encoding="utf-8")
    done = run(["summarize", str(folder), "--jsonl-out", "/dev/full", "-j", "1", "-q"])
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert done.stderr.splitlines()[-1] == "evenhand: error: cannot write --jsonl-out /dev/full (No space left on device)"


def test_a_folder_where_an_output_file_should_be_fails_that_input_only(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a.txt", "b.txt"):
        (folder / name).write_text(make_article(len(name)), encoding="utf-8")
    out = tmp_path / "out"
    (out / "a.json").mkdir(parents=True)
    opts = options(out=out)
    result = run_batch(plan_batch([str(folder)], opts), opts)
    assert result.done == [str(folder / "b.txt")]
    assert result.failed[0]["path"] == str(folder / "a.txt")
    assert result.failed[0]["reason"].startswith(f"cannot write {out / 'a.json'} (")


@pytest.mark.parametrize(
    ("out", "message"),
    [("/proc/evenhand-x/y", "cannot create the folder"), ("FILE", "exists and is not a folder")],
)
def test_an_output_folder_that_cannot_be_made_is_one_line_before_any_work(
    tmp_path: Path, out: str, message: str
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(make_article(1), encoding="utf-8")
    if out == "FILE":
        (tmp_path / "file").write_text("x", encoding="utf-8")
        out = str(tmp_path / "file" / "sub")
    done = run(["summarize", str(folder), "--out", out, "-q"])
    assert done.returncode == 1, done.stderr
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
    assert done.stderr.startswith(f"evenhand: error: --out {out}:")
    assert message in done.stderr or "Not a directory" in done.stderr


def test_a_read_only_output_folder_is_one_line_before_any_work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(make_article(1), encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    real_open = os.open

    def read_only(path: object, flags: int, *args: object) -> int:
        if str(path).startswith(str(out)) and flags & os.O_CREAT:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, flags, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", read_only)
    calls: list[Task] = []
    monkeypatch.setattr(batch_run, "_process", lambda task, opts: calls.append(task))
    result = CliRunner().invoke(app, ["summarize", str(folder), "--out", str(out), "-j", "1", "-q"])
    assert result.exit_code == 1
    assert result.output == f"evenhand: error: --out {out}: cannot write there (Permission denied)\n"
    assert calls == []


@POSIX
@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root writes in read-only folders")
def test_a_really_read_only_output_folder(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(make_article(1), encoding="utf-8")
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    try:
        done = run(["summarize", str(folder), "--out", str(locked / "out"), "-q"])
    finally:
        locked.chmod(0o755)
    assert done.returncode == 1 and done.stderr.count("\n") == 1 and "Permission denied" in done.stderr


def test_jsonl_out_naming_a_folder_is_refused_before_any_work(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(make_article(1), encoding="utf-8")
    done = run(["summarize", str(folder), "--jsonl-out", str(tmp_path), "-q"])
    assert done.returncode == 2
    assert done.stderr == f"evenhand: error: --jsonl-out {tmp_path}: is a folder; give a file name\n"


@pytest.mark.parametrize("size", ["inf", "1e400", "nan", "-inf", "0", "-5", "lots"])
def test_max_bytes_is_validated(size: str, tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["summarize", str(tmp_path), "--max-bytes", size])
    assert result.exit_code == 2
    assert result.output.startswith("evenhand: error: --max-bytes:") and result.output.count("\n") == 1


@POSIX
def test_a_closed_pipe_stops_quietly(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(60):
        (folder / f"s{i:02d}.txt").write_text(make_article(i, paragraphs=8), encoding="utf-8")
    command = (
        f"{sys.executable} -m evenhand summarize {folder} --jsonl-out - -q -j 1 | head -c 100 >/dev/null;"
        " exit ${PIPESTATUS[0]}"
    )
    done = subprocess.run(["bash", "-c", command], cwd=REPO, capture_output=True, text=True, timeout=300)
    assert done.returncode == 141
    assert done.stderr == ""
    single = subprocess.run(
        ["bash", "-c", f"{sys.executable} -m evenhand summarize {folder / 's00.txt'} -f json | head -c 10"
         " >/dev/null; exit ${PIPESTATUS[0]}"], cwd=REPO, capture_output=True, text=True, timeout=300)
    assert single.stderr == "" and single.returncode in (0, 141)


def test_hostile_file_names_reach_no_terminal_raw(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    hostile = "evil\x1b[2J\x1b]0;pwned\x07\u202e\x9b31m"
    (folder / f"{hostile}.txt").write_bytes(b"")
    (folder / f"{hostile}2.txt").write_text(make_article(1), encoding="utf-8")
    done = run(["summarize", str(folder), "--out", str(tmp_path / "out"), "-j", "1"])
    missing = run(["summarize", str(tmp_path / f"nosuch{hostile}.txt")])
    for stream in (done.stderr, done.stdout, missing.stderr):
        for char in ("\x1b", "\x07", "\u202e", "\x9b"):
            assert char not in stream, stream
    assert "evil␛[2J␛]0;pwned␇<U+202E>" in done.stderr
    assert missing.stderr.startswith("evenhand: error: ") and missing.stderr.count("\n") == 1


# ---- crash safety -----------------------------------------------------------------------


def test_stale_temporary_files_are_removed(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(make_article(1), encoding="utf-8")
    out = tmp_path / "out"
    (out / "deep").mkdir(parents=True)
    for stale in (out / ".evenhand-abc.tmp", out / "deep" / ".evenhand-x1.tmp"):
        stale.write_text("half", encoding="utf-8")
    (out / "notes.tmp").write_text("not ours", encoding="utf-8")
    opts = options(out=out)
    run_batch(plan_batch([str(folder)], opts), opts)
    assert files_under(out) == ["a.json", MANIFEST_NAME, "notes.tmp"]


def test_a_second_batch_into_a_locked_folder_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(make_article(1), encoding="utf-8")
    out = tmp_path / "out"
    opts = options(out=out)
    with batch_write._output_folder(out):
        assert (out / LOCK_NAME).exists()
        with pytest.raises(BatchError, match="another evenhand batch is writing to this folder"):
            run_batch(plan_batch([str(folder)], opts), opts)
    assert not (out / LOCK_NAME).exists()
    run_batch(plan_batch([str(folder)], opts), opts)
    assert files_under(out) == ["a.json", MANIFEST_NAME]


def test_a_second_batch_into_a_locked_jsonl_file_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "records.jsonl"
    first = batch_write._JsonlOut(str(target), resume=False)
    try:
        with pytest.raises(BatchError, match="another evenhand batch is writing to it"):
            batch_write._JsonlOut(str(target), resume=True)
    finally:
        first.close()


def test_jsonl_out_streams_each_record_as_it_finishes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(3):
        (folder / f"s{i}.txt").write_text(make_article(i), encoding="utf-8")
    target = tmp_path / "records.jsonl"
    seen: list[int] = []
    real = batch_run._process

    def watching(task: Task, opts: BatchOptions) -> Outcome:
        seen.append(len(target.read_text("utf-8").splitlines()))
        return real(task, opts)

    monkeypatch.setattr(batch_run, "_process", watching)
    opts = options(jsonl_out=str(target))
    run_batch(plan_batch([str(folder)], opts), opts)
    assert seen == [0, 1, 2]


def test_a_torn_jsonl_is_repaired_and_resumed_to_the_uninterrupted_result(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(4):
        (folder / f"s{i}.txt").write_text(make_article(i), encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    whole = tmp_path / "whole.jsonl"
    opts = options(jsonl_out=str(whole))
    run_batch(plan_batch([str(folder)], opts), opts)
    expected = sorted(whole.read_text("utf-8").splitlines())

    torn = tmp_path / "torn.jsonl"
    lines = whole.read_text("utf-8").splitlines()
    torn.write_text("\n".join(lines[:2]) + "\n" + lines[2][: len(lines[2]) // 2], encoding="utf-8")
    resume = options(jsonl_out=str(torn), skip_existing=True)
    result = run_batch(plan_batch([str(folder)], resume), resume)
    assert len(result.skipped) == sum("error" not in json.loads(line) for line in lines[:2])
    assert sorted(torn.read_text("utf-8").splitlines()) == expected


@POSIX
def test_kill_9_leaves_no_orphans_and_a_resume_equals_an_uninterrupted_run(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(80):
        (folder / f"s{i:02d}.txt").write_text(make_article(i, paragraphs=10), encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")

    whole_out, whole_jsonl = tmp_path / "whole", tmp_path / "whole.jsonl"
    done = run(["summarize", str(folder), "--out", str(whole_out), "--jsonl-out", str(whole_jsonl), "-f", "json",
                "-j", "2", "-q"])
    assert done.returncode == 1, done.stderr  # empty.txt fails

    out, jsonl = tmp_path / "out", tmp_path / "out.jsonl"
    args = ["summarize", str(folder), "--out", str(out), "--jsonl-out", str(jsonl), "-f", "json", "-j", "2", "-q"]
    process = subprocess.Popen([sys.executable, "-m", "evenhand", *args], cwd=REPO,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and len(list(out.glob("s*.json"))) < 5 and process.poll() is None:
        time.sleep(0.02)
    children = _children(process.pid)
    assert children and process.poll() is None, "the batch ended before it could be killed"
    process.send_signal(signal.SIGKILL)
    process.wait()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(_alive(pid) for pid in children):
        time.sleep(0.1)
    assert not [pid for pid in children if _alive(pid)], "workers outlived their parent"

    resumed = run([*args, "--skip-existing"])
    assert resumed.returncode == 1, resumed.stderr
    assert files_under(out) == files_under(whole_out)
    for name in files_under(out):
        if name != MANIFEST_NAME:
            assert (out / name).read_bytes() == (whole_out / name).read_bytes(), name
    assert sorted(jsonl.read_text("utf-8").splitlines()) == sorted(whole_jsonl.read_text("utf-8").splitlines())
    manifest = json.loads((out / MANIFEST_NAME).read_text("utf-8"))
    whole_manifest = json.loads((whole_out / MANIFEST_NAME).read_text("utf-8"))
    assert sorted(manifest["done"] + manifest["skipped"]) == sorted(whole_manifest["done"])
    assert manifest["failed"] == whole_manifest["failed"]
    assert not list(out.rglob(".evenhand-*"))


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").glob("[0-9]*"):
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


# ---- an input with nothing to keep ------------------------------------------------------


@pytest.mark.parametrize("text", [":\n", "...\n", "— — —\n"])
def test_an_input_with_no_sentence_to_keep_is_a_one_line_error(text: str) -> None:
    result = CliRunner().invoke(app, ["summarize", "-", "-f", "text"], input=text)
    assert result.exit_code == 1
    assert result.output.startswith("evenhand: error: standard input: no sentence")
    assert result.output.count("\n") == 1


def test_a_lone_surrogate_in_a_record_is_replaced_with_a_warning(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps({"id": "x\ud800", "text": "The vote \ud800 passed. The mayor spoke. The clerk counted."})
                      + "\n", encoding="utf-8")
    for fmt in ("text", "json", "markdown", "html", "diff", "terminal"):
        result = CliRunner().invoke(app, ["summarize", str(corpus), "--jsonl-field", "text", "-f", fmt, "-n", "2"])
        assert result.exit_code == 0, (fmt, result.output)
        assert "lone surrogate" in result.output
    records = tmp_path / "records.jsonl"
    opts = options(jsonl_field="text", jsonl_out=str(records))
    result = run_batch(plan_batch([str(corpus)], opts), opts)
    assert len(result.done) == 1
    assert len(records.read_text("utf-8").splitlines()) == 1


def test_a_document_over_the_sentence_ceiling_is_a_one_line_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(segment_module, "MAX_SENTENCES", 5)
    text = " ".join(f"Sentence number {i} is here." for i in range(8))
    result = CliRunner().invoke(app, ["summarize", "-", "-f", "json"], input=text)
    assert result.exit_code == 1
    assert result.output == (
        "evenhand: error: -: more than 5 sentences, the most evenhand summarises (memory grows with sentences;"
        " see docs/limits.md); split the text into articles\n"
    )


def test_skip_existing_with_records_to_standard_output_skips_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(make_article(1), encoding="utf-8")
    done = run(["summarize", str(folder), "--jsonl-out", "-", "--skip-existing", "-q"])
    assert done.returncode == 0, done.stderr
    assert len(done.stdout.splitlines()) == 1
