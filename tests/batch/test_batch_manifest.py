"""The manifest records every output, and a later batch into the same folder keeps the earlier batch's record.

Two batches into one ``--out`` folder: the second keeps the first one's entries (and its
outputs' owners), redoes its own, and is refused before any work where it would overwrite
an output the first wrote for another input.  Ctrl-C (or ``kill``) while an output is being
written takes effect after it is recorded: no file on disk is missing from the manifest.
"""

from __future__ import annotations

import json
import os
import signal
from pathlib import Path

import pytest
from typer.testing import CliRunner

import summarizer.batch.write as batch_write
from evenhand.cli import app
from summarizer.batch import MANIFEST_NAME, BatchError, BatchOptions, SummaryOptions, plan_batch, run_batch
from tests.articles import make_article


def options(**changes: object) -> BatchOptions:
    base: dict[str, object] = {"summary": SummaryOptions(sentences=2), "format": "json", "jobs": 1}
    base.update(changes)
    return BatchOptions(**base)  # type: ignore[arg-type]


def folder_of(root: Path, name: str, files: dict[str, str]) -> Path:
    folder = root / name
    for relative, text in files.items():
        (folder / relative).parent.mkdir(parents=True, exist_ok=True)
        (folder / relative).write_text(text, encoding="utf-8")
    return folder


def manifest(out: Path) -> dict[str, object]:
    return json.loads((out / MANIFEST_NAME).read_text("utf-8"))  # type: ignore[no-any-return]


def batch(paths: list[Path], out: Path, **changes: object) -> None:
    opts = options(out=out, **changes)
    run_batch(plan_batch([str(p) for p in paths], opts), opts)


def outputs_on_disk(out: Path) -> set[str]:
    return {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file() and p.name != MANIFEST_NAME
            and not p.name.startswith(".")}


def test_the_manifest_names_each_inputs_output(tmp_path: Path) -> None:
    folder = folder_of(tmp_path, "in", {"a.txt": make_article(1), "a.md": make_article(2), "b.txt": make_article(3)})
    (tmp_path / "c.jsonl").write_text(json.dumps({"id": "r1", "text": make_article(4)}) + "\n", "utf-8")
    out = tmp_path / "out"
    batch([folder, tmp_path / "c.jsonl"], out, jsonl_field="text")
    record = manifest(out)
    assert record["outputs"] == {
        f"{folder}/a.md": "in/a.md.json", f"{folder}/a.txt": "in/a.txt.json", f"{folder}/b.txt": "in/b.json",
        f"{tmp_path}/c.jsonl#r1": "c/r1.json",
    }
    assert set(record["outputs"].values()) == outputs_on_disk(out)  # type: ignore[union-attr]


def test_a_second_batch_into_the_folder_keeps_the_first_ones_record(tmp_path: Path) -> None:
    first = folder_of(tmp_path, "b1", {"one.txt": make_article(1), "bad.txt": ""})
    second = folder_of(tmp_path, "b2", {"two.txt": make_article(2)})
    out = tmp_path / "out"
    batch([first], out)
    batch([second], out)
    record = manifest(out)
    assert record["done"] == [f"{first}/one.txt", f"{second}/two.txt"]
    assert [f["path"] for f in record["failed"]] == [f"{first}/bad.txt"]  # type: ignore[index]
    assert record["outputs"] == {f"{first}/one.txt": "one.json", f"{second}/two.txt": "two.json"}
    assert outputs_on_disk(out) == {"one.json", "two.json"}


def test_a_rerun_replaces_its_own_entries(tmp_path: Path) -> None:
    folder = folder_of(tmp_path, "in", {"one.txt": make_article(1), "two.txt": ""})
    out = tmp_path / "out"
    batch([folder], out)
    (folder / "two.txt").write_text(make_article(2), encoding="utf-8")
    batch([folder], out, skip_existing=True)
    record = manifest(out)
    assert record["done"] == [f"{folder}/two.txt"] and record["skipped"] == [f"{folder}/one.txt"]
    assert record["failed"] == []
    assert record["outputs"] == {f"{folder}/one.txt": "one.json", f"{folder}/two.txt": "two.json"}


def test_a_batch_that_would_overwrite_an_earlier_batchs_output_is_refused_before_any_work(tmp_path: Path) -> None:
    first = folder_of(tmp_path, "b1", {"one.txt": make_article(1)})
    other = folder_of(tmp_path, "b3", {"one.txt": make_article(3), "new.txt": make_article(4)})
    out = tmp_path / "out"
    batch([first], out)
    before = (out / "one.json").read_bytes()
    with pytest.raises(BatchError, match=r"one\.json is the output of .*b1/one\.txt from an earlier batch; "
                                         r"this batch would write it for .*b3/one\.txt"):
        plan_batch([str(other)], options(out=out))
    result = CliRunner().invoke(app, ["summarize", str(other), "--out", str(out), "-f", "json", "-q"])
    assert result.exit_code == 2 and len(result.output.splitlines()) == 1
    assert (out / "one.json").read_bytes() == before and not (out / "new.json").exists()
    assert manifest(out)["done"] == [f"{first}/one.txt"]


def test_records_into_an_earlier_batchs_folder_are_refused(tmp_path: Path) -> None:
    first = folder_of(tmp_path, "b1", {"c/r1.txt": make_article(1)})
    (tmp_path / "c.jsonl").write_text(json.dumps({"id": "r9", "text": make_article(2)}) + "\n", "utf-8")
    out = tmp_path / "out"
    batch([first], out)
    with pytest.raises(BatchError, match=r"c/r1\.json is the output of"):
        plan_batch([str(tmp_path / "c.jsonl")], options(out=out, jsonl_field="text"))


def test_a_batch_that_finished_between_the_plan_and_the_run_is_seen(tmp_path: Path) -> None:
    first = folder_of(tmp_path, "b1", {"one.txt": make_article(1)})
    other = folder_of(tmp_path, "b3", {"one.txt": make_article(3)})
    out = tmp_path / "out"
    plan = plan_batch([str(other)], options(out=out))  # nothing in the folder yet
    batch([first], out)
    with pytest.raises(BatchError, match="from an earlier batch"):
        run_batch(plan, options(out=out))
    assert manifest(out)["done"] == [f"{first}/one.txt"]


def test_an_unreadable_earlier_manifest_is_one_line_and_never_overwritten(tmp_path: Path) -> None:
    folder = folder_of(tmp_path, "in", {"one.txt": make_article(1)})
    out = tmp_path / "out"
    batch([folder], out)
    (out / MANIFEST_NAME).write_text('{"tool": "evenhand summarize", "done": [', "utf-8")
    result = CliRunner().invoke(app, ["summarize", str(folder), "--out", str(out), "-q"])
    assert result.exit_code == 2
    assert result.output == (f"evenhand: error: --out {out}: cannot read its {MANIFEST_NAME} (not valid JSON); "
                             "move it away or choose another folder\n")


def test_a_manifest_of_another_tool_is_not_merged(tmp_path: Path) -> None:
    folder = folder_of(tmp_path, "in", {"one.txt": make_article(1)})
    out = tmp_path / "out"
    out.mkdir()
    (out / MANIFEST_NAME).write_text(json.dumps({"tool": "other", "done": ["x"]}), "utf-8")
    batch([folder], out)
    assert manifest(out)["done"] == [f"{folder}/one.txt"]


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_an_interrupt_while_an_output_is_written_comes_after_it_is_recorded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, signum: int
) -> None:
    folder = folder_of(tmp_path, "in", {f"s{i}.txt": make_article(i) for i in range(4)})
    out = tmp_path / "out"
    real = batch_write.write_atomic
    writes = {"n": 0}

    def interrupted_midway(path: object, data: object) -> None:
        writes["n"] += 1
        if writes["n"] == 2:  # the signal arrives after the data is written, before the batch records it
            real(path, data)  # type: ignore[arg-type]
            os.kill(os.getpid(), signum)
            return
        real(path, data)  # type: ignore[arg-type]

    monkeypatch.setattr(batch_write, "write_atomic", interrupted_midway)

    def as_ctrl_c(number: int, frame: object) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, as_ctrl_c)  # as the CLI does
    # Ctrl-C as a terminal's foreground job has it: a background job (`pytest &` from a script)
    # starts with SIGINT ignored, and the signal this test sends would be lost.
    previous_int = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        opts = options(out=out)
        result = run_batch(plan_batch([str(folder)], opts), opts)
    finally:
        signal.signal(signal.SIGTERM, previous)
        signal.signal(signal.SIGINT, previous_int)
    assert result.interrupted
    record = manifest(out)
    assert len(record["done"]) == 2  # type: ignore[arg-type]
    assert set(record["outputs"].values()) == outputs_on_disk(out) == {"s0.json", "s1.json"}  # type: ignore[union-attr]


@pytest.mark.parametrize("source", ["file", "stdin"])
def test_one_document_to_standard_output_does_not_load_the_batch(tmp_path: Path, source: str) -> None:
    import subprocess
    import sys

    article = tmp_path / "a.txt"
    article.write_text(make_article(1), encoding="utf-8")
    script = (
        "import sys\n"
        "from evenhand.cli import main\n"
        "sys.argv = ['evenhand', 'summarize', sys.argv[1], '-f', 'json']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('BATCH' if any(m.startswith('summarizer.batch') for m in sys.modules) else 'ALONE', file=sys.stderr)\n"
    )
    given = str(article) if source == "file" else "-"
    done = subprocess.run([sys.executable, "-c", script, given], capture_output=True, text=True, timeout=120,
                          input=article.read_text("utf-8") if source == "stdin" else None,
                          cwd=Path(__file__).resolve().parents[2])
    assert done.stderr.strip().splitlines()[-1] == "ALONE", done.stderr
    assert any(s["kept"] for s in json.loads(done.stdout)["sentences"])
