"""The batch engine: discovery, safe output folders, atomic writes, the manifest, JSONL in and out."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from summarizer import SCHEMA_VERSION
from summarizer.atomic import atomic_open, write_atomic
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
    summarize_task,
)
from tests.articles import make_article


def options(**changes: object) -> BatchOptions:
    base = {"summary": SummaryOptions(sentences=2), "format": "json", "jobs": 1}
    base.update(changes)
    return BatchOptions(**base)  # type: ignore[arg-type]


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    root = tmp_path / "articles"
    for i in range(3):
        (root / "world").mkdir(parents=True, exist_ok=True)
        (root / "world" / f"w{i}.txt").write_text(make_article(i), encoding="utf-8")
    (root / "local" / "deep").mkdir(parents=True)
    (root / "local" / "deep" / "d0.md").write_text(make_article(10), encoding="utf-8")
    (root / "notes.csv").write_text("not,an,article\n", encoding="utf-8")
    (root / ".hidden.txt").write_text(make_article(99), encoding="utf-8")
    return root


# ---- atomic writes ----------------------------------------------------------------------


def test_write_atomic_creates_and_replaces_leaving_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "out.json"
    write_atomic(target, "first\n")
    write_atomic(target, b"second\n")
    assert target.read_bytes() == b"second\n"
    assert os.listdir(target.parent) == ["out.json"]


def test_an_error_while_writing_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_text("old\n", encoding="utf-8")
    with pytest.raises(KeyboardInterrupt), atomic_open(target) as handle:
        handle.write("half of the new")  # type: ignore[arg-type]
        raise KeyboardInterrupt
    assert target.read_text(encoding="utf-8") == "old\n"
    assert os.listdir(tmp_path) == ["out.txt"]


def test_write_atomic_replaces_a_symlink_instead_of_writing_through_it(tmp_path: Path) -> None:
    precious = tmp_path / "precious.txt"
    precious.write_text("keep me\n", encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(precious)
    write_atomic(link, "new\n")
    assert precious.read_text(encoding="utf-8") == "keep me\n"
    assert not link.is_symlink()
    assert link.read_text(encoding="utf-8") == "new\n"


# ---- discovery --------------------------------------------------------------------------


def test_folders_are_searched_recursively_for_the_globs_in_a_stable_order(tree: Path) -> None:
    plan = plan_batch([str(tree)], options())
    assert [s.relative for s in plan.sources] == ["local/deep/d0", "world/w0", "world/w1", "world/w2"]
    assert plan.total == 4
    assert plan.failures == []


def test_glob_chooses_the_files(tree: Path) -> None:
    plan = plan_batch([str(tree)], options(globs=("*.md", "*.csv")))
    assert sorted(s.relative for s in plan.sources) == ["local/deep/d0", "notes"]


def test_files_sharing_a_stem_keep_their_suffix_so_outputs_do_not_collide(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(make_article(1), encoding="utf-8")
    (tmp_path / "a.md").write_text(make_article(2), encoding="utf-8")
    (tmp_path / "b.txt").write_text(make_article(3), encoding="utf-8")
    plan = plan_batch([str(tmp_path)], options())
    assert [s.relative for s in plan.sources] == ["a.md", "a.txt", "b"]


def test_missing_paths_and_folders_without_matches_are_failures(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    plan = plan_batch([str(tmp_path / "missing.txt"), str(tmp_path / "empty")], options())
    reasons = {Path(f.label).name: f.reason for f in plan.failures}
    assert reasons["missing.txt"] == "no such file or folder"
    assert reasons["empty"].startswith("no files matching *.txt")
    assert plan.total == 2


def test_symlink_loops_are_reported_not_followed_forever(tmp_path: Path) -> None:
    root = tmp_path / "in"
    (root / "sub").mkdir(parents=True)
    (root / "sub" / "a.txt").write_text(make_article(1), encoding="utf-8")
    (root / "sub" / "up").symlink_to(root, target_is_directory=True)
    (root / "self.txt").symlink_to(root / "self.txt")
    plan = plan_batch([str(root)], options())
    assert [s.relative for s in plan.sources] == ["sub/a"]
    reasons = {Path(f.label).name: f.reason for f in plan.failures}
    assert reasons["up"].startswith("symbolic link loop")
    assert reasons["self.txt"] == "symbolic link loop"


def test_the_same_file_named_twice_is_read_once(tree: Path) -> None:
    file = tree / "world" / "w0.txt"
    plan = plan_batch([str(file), str(file), str(tree / "world")], options())
    assert plan.total == 3


# ---- the output folder is never an input ------------------------------------------------


def test_an_output_folder_holding_the_inputs_is_refused(tree: Path) -> None:
    with pytest.raises(BatchError, match="holds the input folder"):
        plan_batch([str(tree / "world")], options(out=tree))
    with pytest.raises(BatchError, match="holds the input folder"):
        plan_batch([str(tree)], options(out=tree))


def test_an_existing_folder_inside_the_inputs_is_refused(tree: Path) -> None:
    with pytest.raises(BatchError, match=r"inside the input folder .* already exists"):
        plan_batch([str(tree)], options(out=tree / "world"))


def test_a_new_output_folder_inside_the_inputs_is_never_read_back(tree: Path) -> None:
    out = tree / "summaries"
    opts = options(out=out, format="text")
    result = run_batch(plan_batch([str(tree)], opts), opts)
    assert len(result.done) == 4
    assert (out / "world" / "w0.txt").is_file()
    # The folder now exists and holds .txt files: it is an evenhand output, so a second
    # run is allowed and does not take its files for inputs, nor those of another output folder.
    again = plan_batch([str(tree)], opts)
    assert again.total == 4
    other = plan_batch([str(tree)], options(out=tree / "other", format="text"))
    assert other.total == 4


def test_jsonl_out_must_not_be_an_input(tree: Path) -> None:
    target = tree / "world" / "w0.txt"
    with pytest.raises(BatchError, match="is one of the inputs"):
        plan_batch([str(tree)], options(jsonl_out=str(target)))


# ---- running ----------------------------------------------------------------------------


def test_a_batch_writes_one_output_per_input_and_a_manifest(tree: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    (tree / "world" / "empty.txt").write_bytes(b"")
    (tree / "world" / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    (tree / "world" / "broken.txt").write_bytes(b"\xef\xbb\xbfThe council met. \xff\xfe\xfa then it rained.")
    (tree / "world" / "legacy.txt").write_bytes("Caf\xe9 owners met the council on Monday. They agreed.".encode("cp1252"))
    events: list[BatchEvent] = []
    opts = options(out=out)
    result = run_batch(plan_batch([str(tree)], opts), opts, on_event=events.append)

    assert result.exit_code == 1
    manifest = json.loads((out / MANIFEST_NAME).read_text(encoding="utf-8"))
    assert sorted(Path(p).name for p in manifest["done"]) == ["d0.md", "legacy.txt", "w0.txt", "w1.txt", "w2.txt"]
    failed = {Path(f["path"]).name: f["reason"] for f in manifest["failed"]}
    assert failed == {
        "binary.txt": "looks like a binary file (it contains NUL bytes), not text",
        "broken.txt": "starts with a UTF-8 byte-order mark but is not valid UTF-8 (byte 20)",
        "empty.txt": "empty input, no text to read",
    }
    assert manifest["warnings"] == [
        {"path": str(tree / "world" / "legacy.txt"), "warning": "decoded as cp1252: not valid UTF-8"}
    ]
    assert manifest["options"]["sentences"] == 2
    assert manifest["interrupted"] is False
    assert isinstance(manifest["elapsed_s"], float)
    summary = json.loads((out / "world" / "w1.json").read_text(encoding="utf-8"))
    assert summary["source"] == str(tree / "world" / "w1.txt")
    assert sum(s["kept"] for s in summary["sentences"]) == 2
    assert [e.kind for e in events] == ["start"] + ["item"] * 8 + ["end"]
    assert events[0].total == 8 and events[-2].completed == 8
    leftovers = list(out.rglob(".*"))
    assert leftovers == []


def test_too_large_and_html_without_an_article_fail_with_a_reason(tmp_path: Path) -> None:
    (tmp_path / "big.txt").write_text(make_article(1, paragraphs=40), encoding="utf-8")
    (tmp_path / "page.html").write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>", encoding="utf-8")
    (tmp_path / "story.html").write_text(
        "<html><body><article><p>" + make_article(2).replace("\n\n", "</p><p>") + "</p></article></body></html>",
        encoding="utf-8",
    )
    opts = options(out=tmp_path / "out", max_bytes=2000)
    result = run_batch(plan_batch([str(tmp_path)], opts), opts)
    failed = {Path(f["path"]).name: f["reason"] for f in result.failed}
    assert failed["big.txt"].endswith("is over the limit of 2,000 bytes")
    assert failed["page.html"] == "HTML with no article text"
    assert [Path(p).name for p in result.done] == ["story.html"]
    story = json.loads((tmp_path / "out" / "story.json").read_text(encoding="utf-8"))
    assert story["document"]["text"].startswith("Harbour works, report 2")


def test_skip_existing_leaves_finished_outputs_alone(tree: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    opts = options(out=out)
    run_batch(plan_batch([str(tree)], opts), opts)
    (out / "world" / "w0.json").unlink()
    before = (out / "world" / "w1.json").stat().st_mtime_ns
    resumed = options(out=out, skip_existing=True)
    result = run_batch(plan_batch([str(tree)], resumed), resumed)
    assert [Path(p).name for p in result.done] == ["w0.txt"]
    assert len(result.skipped) == 3
    assert (out / "world" / "w0.json").is_file()
    assert (out / "world" / "w1.json").stat().st_mtime_ns == before


def test_fail_fast_stops_at_the_first_failure(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"")
    for i in range(3):
        (tmp_path / f"b{i}.txt").write_text(make_article(i), encoding="utf-8")
    opts = options(out=tmp_path / "out", fail_fast=True)
    result = run_batch(plan_batch([str(tmp_path)], opts), opts)
    assert result.stopped_early and result.exit_code == 1
    assert len(result.failed) == 1 and result.done == []
    # Every input is accounted for: the three never reached are counted in the manifest.
    assert result.not_attempted == 3
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["not_attempted"] == 3
    assert len(manifest["done"]) + len(manifest["skipped"]) + len(manifest["failed"]) + manifest["not_attempted"] == 4


def test_a_whole_batch_has_no_not_attempted_key(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(make_article(1), encoding="utf-8")
    opts = options(out=tmp_path / "out")
    result = run_batch(plan_batch([str(tmp_path)], opts), opts)
    assert result.not_attempted == 0
    assert "not_attempted" not in json.loads((tmp_path / "out" / "manifest.json").read_text(encoding="utf-8"))


def test_jsonl_records_in_and_out(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    lines = [
        json.dumps({"id": "alpha", "text": make_article(1)}),
        json.dumps({"text": make_article(2)}),
        "",
        "{not json",
        json.dumps({"id": "no-text", "title": "x"}),
        json.dumps({"id": "alpha", "text": make_article(3)}),
    ]
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    records = tmp_path / "records.jsonl"
    opts = options(out=out, jsonl_field="text", jsonl_out=str(records))
    plan = plan_batch([str(corpus)], opts)
    assert plan.total == 5
    result = run_batch(plan, opts)
    assert sorted(result.done) == [f"{corpus}#alpha", f"{corpus}#line-2", f"{corpus}#line-6"]
    assert {f["path"]: f["reason"] for f in result.failed} == {
        f"{corpus}#line-4": "not valid JSON (Expecting property name enclosed in double quotes)",
        f"{corpus}#no-text": "no 'text' field",
    }
    assert sorted(p.name for p in (out / "corpus").iterdir()) == ["alpha-line-6.json", "alpha.json", "line-2.json"]
    written = [json.loads(line) for line in records.read_text(encoding="utf-8").splitlines()]
    assert len(written) == 5
    assert sum("error" in w for w in written) == 2
    good = [w for w in written if "error" not in w]
    assert all(w["schema_version"] == SCHEMA_VERSION for w in good)
    for record in good:
        text = record["document"]["text"]
        assert all(text[s["start"] : s["end"]] == s["text"] for s in record["sentences"])


def test_a_jsonl_record_over_the_size_limit_fails_alone(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(
        json.dumps({"id": "small", "text": make_article(1)}) + "\n"
        + json.dumps({"id": "big", "text": make_article(2, paragraphs=30)}) + "\n",
        encoding="utf-8",
    )
    opts = options(jsonl_field="text", jsonl_out=str(tmp_path / "r.jsonl"), max_bytes=1500)
    result = run_batch(plan_batch([str(corpus)], opts), opts)
    assert result.done == [f"{corpus}#small"]
    assert result.failed == [{"path": f"{corpus}#big", "reason": "the 'text' field is over the limit of 1,500 bytes"}]


def test_standard_input_is_one_document(tmp_path: Path) -> None:
    import io

    opts = options(out=tmp_path / "out", format="text")
    plan = plan_batch(["-"], opts, stdin=io.BytesIO(make_article(5).encode("utf-8")))
    assert plan.total == 1
    tasks = list(iter_tasks(plan, opts))
    assert isinstance(tasks[0], Task) and tasks[0].label == "-"
    result = run_batch(plan, opts)
    assert result.done == ["-"]
    assert (tmp_path / "out" / "stdin.txt").read_text(encoding="utf-8").strip()


def test_two_processes_give_the_same_outputs_as_one(tree: Path, tmp_path: Path) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    run_batch(plan_batch([str(tree)], options(out=one)), options(out=one))
    result = run_batch(plan_batch([str(tree)], options(out=two, jobs=2)), options(out=two, jobs=2))
    assert len(result.done) == 4
    for file in one.rglob("*.json"):
        if file.name != MANIFEST_NAME:
            assert file.read_bytes() == (two / file.relative_to(one)).read_bytes()


def test_summarize_task_extracts_html_when_asked_to_look(tmp_path: Path) -> None:
    page = "<html><body><article><p>" + make_article(4).replace("\n\n", "</p><p>") + "</p></article></body></html>"
    summary = summarize_task(Task("page", text=page, html=None), SummaryOptions(sentences=1))
    assert "<p>" not in summary.document.text
    assert len(summary.kept) == 1


def test_a_file_name_that_is_not_utf8_is_read_and_reported(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    try:
        with open(os.path.join(os.fsencode(folder), b"caf\xe9.txt"), "w", encoding="utf-8") as handle:
            handle.write(make_article(7))
    except OSError:
        pytest.skip("this file system does not take file names that are not UTF-8")
    Path(os.fsdecode(os.path.join(os.fsencode(folder), b"empty\xff.txt"))).write_bytes(b"")
    opts = options(out=tmp_path / "out")
    result = run_batch(plan_batch([str(folder)], opts), opts)
    assert result.done == [f"{folder}/caf\\xe9.txt"]
    assert result.failed == [{"path": f"{folder}/empty\\xff.txt", "reason": "empty input, no text to read"}]
    manifest = json.loads((tmp_path / "out" / MANIFEST_NAME).read_text(encoding="utf-8"))
    assert manifest["done"] == result.done
    assert sorted(os.listdir(os.fsencode(tmp_path / "out"))) == [b"caf\xe9.json", MANIFEST_NAME.encode()]


def test_a_word_budget_no_sentence_fits_is_a_named_failure_in_a_batch(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from evenhand.cli import app

    source = tmp_path / "in"
    source.mkdir()
    (source / "long.txt").write_text(
        "The council voted on Tuesday to close the library branch at the end of March after a long debate.\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["summarize", str(source), "--out", str(out), "-w", "3", "-f", "json"])
    assert result.exit_code == 1
    assert "long.txt: no sentence fits in 3 words" in result.stderr
    assert not (out / "long.json").exists()
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert "no sentence fits in 3 words" in json.dumps(manifest)


def test_packed_labels_behave_as_a_list_of_the_names() -> None:
    from summarizer.batch import Labels

    names = ["b", "a/é", "", "\U0001f600#x", "a"]
    packed = Labels(names)
    assert packed == names and names == packed and list(packed) == names
    assert len(packed) == 5 and packed[1] == "a/é" and packed[-1] == "a" and packed[1:3] == ["a/é", ""]
    assert sorted(packed) == sorted(names) and "a" in packed and packed != names[:-1]
    with pytest.raises(IndexError):
        packed[5]
    packed.append("c")
    assert packed[-1] == "c" and len(packed) == 6


def test_taken_names_are_found_across_the_merge_into_the_sorted_array(monkeypatch: pytest.MonkeyPatch) -> None:
    from summarizer.batch.names import _Names

    monkeypatch.setattr(_Names, "_MERGE_AT", 7)
    taken = _Names(["x"])
    words = [f"w{i}" for i in range(100)]
    for word in words:
        taken.add(word)
        taken.add(word)  # once only
    assert len(taken) == 101 and all(w in taken for w in [*words, "x"])
    assert "w100" not in taken and 5 not in taken


def _slow_first(task: Task, opts: BatchOptions) -> object:
    """``_process``, slow for the record ``r0`` (a module function: the pool's workers unpickle it by name)."""
    import time

    from summarizer.batch import run

    if task.label.endswith("#r0"):
        time.sleep(1.5)
    return run._real_process(task, opts)  # type: ignore[attr-defined]


def test_what_waits_for_its_turn_in_the_pool_stays_within_the_documents_in_flight(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Resuming, the first record has work (and is slow) and every later one is skipped: the
    skipped ones wait for it, but never more of them than the documents in flight."""
    from summarizer.batch import run

    data = tmp_path / "c.jsonl"
    data.write_text("".join(json.dumps({"id": f"r{i}", "text": make_article(i, paragraphs=2)}) + "\n"
                            for i in range(40)), "utf-8")
    out = tmp_path / "out"
    run_batch(plan_batch([str(data)], options(out=out, jsonl_field="text")), options(out=out, jsonl_field="text"))
    (out / "c" / "r0.json").unlink()

    most = [0]

    class Counting(run._InOrder):
        def put(self, ticket: int, outcomes: object) -> bool:
            stop = super().put(ticket, outcomes)  # type: ignore[arg-type]
            most[0] = max(most[0], len(self.waiting))
            return stop

    monkeypatch.setattr(run, "_InOrder", Counting)
    monkeypatch.setattr(run, "_real_process", run._process, raising=False)
    monkeypatch.setattr(run, "_process", _slow_first)
    again = options(out=out, jsonl_field="text", jobs=2, skip_existing=True)
    result = run_batch(plan_batch([str(data)], again), again)
    assert list(result.done) == [f"{data}#r0"] and len(result.skipped) == 39
    assert 0 < most[0] <= 2 * 4  # the documents in flight with 2 workers
